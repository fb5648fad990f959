/* rdjson.c: reviewdog's DiagnosticResult.  Columns are 1-based UTF-8 byte
 * counts with an exclusive end (reviewdog.proto, Position). */
#include "format.h"

static const char *rd_severity(pregon_severity s)
{
	static const char *const name[] = { "INFO", "WARNING", "ERROR" };
	return name[s];
}

static json_t *position(const pregon_report *r, int line, size_t offset, int col)
{
	return json_pack("{s:i, s:i}", "line", line, "column",
			 fmt_column(r, offset, col, PREGON_COLUMN_BYTE));
}

char *pregon_format_rdjson(const pregon_report *const *reports, size_t n,
			   const pregon_format_options *opts)
{
	(void)opts; /* the unit is fixed by reviewdog */
	json_t *diags = json_array();
	for (size_t i = 0; i < n; i++) {
		const pregon_report *r = reports[i];
		for (size_t k = 0; k < r->n_findings; k++) {
			const pregon_finding *f = &r->findings[k];
			json_t *range = json_pack("{s:o, s:o}", "start",
						  position(r, f->line, f->offset, f->col), "end",
						  position(r, f->end_line, f->offset + f->length,
							   f->end_col));
			json_array_append_new(diags, json_pack(
				"{s:s, s:{s:s, s:o}, s:s, s:{s:s}}", "message", f->message,
				"location", "path", r->path, "range", range, "severity",
				rd_severity(f->severity), "code", "value", f->rule));
		}
	}
	json_t *root = json_pack("{s:{s:s}, s:o}", "source", "name", "pregon",
				 "diagnostics", diags);
	return fmt_json_finish(root, JSON_INDENT(2));
}
