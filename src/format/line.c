/* line.c: "ruta:línea:col: severity: mensaje [regla]", one line per
 * finding, for editors that read a linter's output with an error format
 * (Vim's errorformat, efm-langserver, flymake).  Severities are the
 * stable names; columns follow --column-unit. */
#include "format.h"

static void line_add(pregon_formatter *f, buf *out, const pregon_report *r)
{
	pregon_column_unit unit = fmt_unit(&f->opts);
	for (size_t k = 0; k < r->n_findings; k++) {
		const pregon_finding *g = &r->findings[k];
		fmt_put_one_line(out, r->path);
		buf_printf(out, ":%d:%d: %s: ", g->line,
			   fmt_column(r, g->offset, g->col, unit),
			   pregon_severity_name(g->severity));
		fmt_put_one_line(out, g->message);
		buf_printf(out, " [%s]\n", g->rule);
	}
}

const fmt_stream_ops fmt_line_stream = { "line", NULL, line_add, NULL };

char *pregon_format_line(const pregon_report *const *reports, size_t n,
			 const pregon_format_options *opts)
{
	return fmt_stream_all(&fmt_line_stream, reports, n, opts);
}
