/* github.c: GitHub Actions workflow commands, one per finding, escaped as
 * actions/toolkit does (command.ts), and the step summary for the findings
 * GitHub does not show as annotations. */
#include <stdlib.h>
#include <string.h>

#include "format.h"

/* GitHub shows at most this many annotations of each level per step. */
#define ANNOTATIONS_PER_LEVEL 10

/* Message data: %, CR and LF; property values also : and ,.  Escaping %
 * first keeps a message's own "%0A" from turning into a newline. */
static void put_escaped(buf *b, const char *s, int property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': buf_puts(b, "%25"); break;
		case '\r': buf_puts(b, "%0D"); break;
		case '\n': buf_puts(b, "%0A"); break;
		case ':': property ? buf_puts(b, "%3A") : buf_putc(b, ':'); break;
		case ',': property ? buf_puts(b, "%2C") : buf_putc(b, ','); break;
		default: buf_putc(b, *s);
		}
	}
}

static const char *command(pregon_severity s)
{
	static const char *const name[] = { "notice", "warning", "error" };
	return name[s];
}

static void count_levels(const pregon_report *const *reports, size_t n,
			 size_t count[3])
{
	count[0] = count[1] = count[2] = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < reports[i]->n_findings; k++)
			count[reports[i]->findings[k].severity]++;
}

int pregon_github_over_limit(const pregon_report *const *reports, size_t n)
{
	size_t count[3];
	count_levels(reports, n, count);
	return count[0] > ANNOTATIONS_PER_LEVEL || count[1] > ANNOTATIONS_PER_LEVEL ||
	       count[2] > ANNOTATIONS_PER_LEVEL;
}

char *pregon_format_github(const pregon_report *const *reports, size_t n,
			   const pregon_format_options *opts)
{
	pregon_column_unit unit = fmt_unit(opts);
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		const pregon_report *r = reports[i];
		if (r->error) {
			buf_puts(&b, "::error file=");
			put_escaped(&b, r->path, 1);
			buf_puts(&b, "::");
			put_escaped(&b, r->error, 0);
			buf_putc(&b, '\n');
			continue;
		}
		for (size_t k = 0; k < r->n_findings; k++) {
			const pregon_finding *f = &r->findings[k];
			buf_printf(&b, "::%s file=", command(f->severity));
			put_escaped(&b, r->path, 1);
			buf_printf(&b, ",line=%d,endLine=%d,col=%d,endColumn=%d,title=",
				   f->line, f->end_line,
				   fmt_column(r, f->offset, f->col, unit),
				   fmt_column(r, f->offset + f->length, f->end_col, unit));
			buf title;
			buf_init(&title);
			buf_printf(&title, "%s (%s %s)", f->rule, _("criterio"), f->criterio);
			put_escaped(&b, title.ptr, 1);
			buf_dispose(&title);
			buf_puts(&b, "::");
			put_escaped(&b, f->message, 0);
			buf_putc(&b, '\n');
		}
	}
	if (pregon_github_over_limit(reports, n)) {
		size_t count[3];
		count_levels(reports, n, count);
		size_t total = count[0] + count[1] + count[2];
		buf note;
		buf_init(&note);
		buf_printf(&note, P_("%zu hallazgo en total; GitHub muestra como anotaciones solo %d de cada severidad por paso: vea el resumen del paso",
				     "%zu hallazgos en total; GitHub muestra como anotaciones solo %d de cada severidad por paso: vea el resumen del paso",
				     total), total, ANNOTATIONS_PER_LEVEL);
		buf_puts(&b, "::notice title=pregon::");
		put_escaped(&b, note.ptr, 0);
		buf_putc(&b, '\n');
		buf_dispose(&note);
	}
	return buf_detach(&b);
}

/* A Markdown table cell: | would end it, a newline the row, and < could
 * open HTML. */
static void put_cell(buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			buf_puts(b, "\\|");
		else if (*s == '<')
			buf_puts(b, "&lt;");
		else if (*s == '\n')
			buf_puts(b, "<br>");
		else if (*s != '\r')
			buf_putc(b, *s);
	}
}

char *pregon_format_github_summary(const pregon_report *const *reports,
				   size_t n, const pregon_format_options *opts)
{
	(void)opts;
	buf b;
	buf_init(&b);
	buf_printf(&b, "## pregon\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n",
		   _("archivo"), _("puntuación"), _("veredicto"), _("error"));
	for (size_t i = 0; i < n; i++) {
		const pregon_report *r = reports[i];
		buf_puts(&b, "| ");
		put_cell(&b, r->path);
		buf_printf(&b, " | %d | %s | ", r->score, pregon_verdict_label(r->verdict));
		put_cell(&b, r->error ? r->error : "");
		buf_puts(&b, " |\n");
	}
	buf_printf(&b, "\n| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n",
		   _("archivo"), _("posición"), _("severidad"), _("regla"), _("mensaje"));
	for (size_t i = 0; i < n; i++) {
		const pregon_report *r = reports[i];
		for (size_t k = 0; k < r->n_findings; k++) {
			const pregon_finding *f = &r->findings[k];
			buf_puts(&b, "| ");
			put_cell(&b, r->path);
			buf_printf(&b, " | %d:%d | %s | `%s` | ", f->line, f->col,
				   pregon_severity_label(f->severity), f->rule);
			put_cell(&b, f->message);
			buf_puts(&b, " |\n");
		}
	}
	return buf_detach(&b);
}
