/* checkstyle.c: the de-facto checkstyle XML (as ShellCheck writes it), for
 * reviewdog, Jenkins Warnings NG and cs2pr: start positions only. */
#include "format.h"

char *pregon_format_checkstyle(const pregon_report *const *reports, size_t n,
			       const pregon_format_options *opts)
{
	pregon_column_unit unit = fmt_unit(opts);
	buf b;
	buf_init(&b);
	buf_puts(&b, "<?xml version='1.0' encoding='UTF-8'?>\n<checkstyle version='4.3'>\n");
	for (size_t i = 0; i < n; i++) {
		const pregon_report *r = reports[i];
		buf_puts(&b, "<file name='");
		fmt_put_xml(&b, r->path);
		buf_puts(&b, "'>\n");
		if (r->error) {
			buf_puts(&b, "<error line='1' column='1' severity='error' message='");
			fmt_put_xml(&b, r->error);
			buf_puts(&b, "' source='pregon.entrada'/>\n");
		}
		for (size_t k = 0; k < r->n_findings; k++) {
			const pregon_finding *f = &r->findings[k];
			buf_printf(&b, "<error line='%d' column='%d' severity='%s' message='",
				   f->line, fmt_column(r, f->offset, f->col, unit),
				   pregon_severity_name(f->severity));
			fmt_put_xml(&b, f->message);
			buf_puts(&b, "' source='");
			fmt_put_xml(&b, f->rule);
			buf_puts(&b, "'/>\n");
		}
		buf_puts(&b, "</file>\n");
	}
	buf_puts(&b, "</checkstyle>\n");
	return buf_detach(&b);
}
