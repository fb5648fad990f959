/* line.c: "ruta:línea:col: severity: mensaje [regla]", one line per
 * finding, for editors that read a linter's output with an error format
 * (Vim's errorformat, efm-langserver, flymake).  Severities are the
 * stable names; columns follow --column-unit. */
#include "format.h"

char *pregon_format_line(const pregon_report *const *reports, size_t n,
			 const pregon_format_options *opts)
{
	pregon_column_unit unit = fmt_unit(opts);
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		const pregon_report *r = reports[i];
		for (size_t k = 0; k < r->n_findings; k++) {
			const pregon_finding *f = &r->findings[k];
			fmt_put_one_line(&b, r->path);
			buf_printf(&b, ":%d:%d: %s: ", f->line,
				   fmt_column(r, f->offset, f->col, unit),
				   pregon_severity_name(f->severity));
			fmt_put_one_line(&b, f->message);
			buf_printf(&b, " [%s]\n", f->rule);
		}
	}
	return buf_detach(&b);
}
