/* text.c: the report for people at a terminal, in the process's language:
 * "ruta:línea:col: severidad: mensaje [regla, criterio]", the source line
 * with the span underlined, the suggestion, then per file the score and
 * verdict and at the end a total. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../common.h"
#include "../text.h"

#define RESET "\033[0m"
#define BOLD "\033[1m"
#define DIM "\033[2m"

static const char *sev_color(pregon_severity s)
{
	static const char *const c[] = { "\033[36m", "\033[33m", "\033[31m" };
	return c[s];
}

static const char *verdict_color(pregon_verdict v)
{
	static const char *const c[] = { "\033[32m", "\033[33m", "\033[31m" };
	return c[v];
}

static void color(buf *b, int on, const char *code)
{
	if (on)
		buf_puts(b, code);
}

/* The line that holds `offset`, and the byte where it starts. */
static const char *line_of(const pregon_report *r, size_t offset,
			   size_t *start, size_t *len)
{
	size_t s = offset, e = offset;
	while (s > 0 && r->input[s - 1] != '\n')
		s--;
	while (e < r->input_len && r->input[e] != '\n' && r->input[e] != '\r')
		e++;
	*start = s;
	*len = e - s;
	return r->input + s;
}

/* Columns a terminal gives to text[0..len): tabs kept as tabs by the caller,
 * wide characters count 2, combining marks 0. */
static void pad_to(buf *b, const char *text, size_t len)
{
	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += (size_t)text_decode(text + i, len - i, &cp);
		if (cp == '\t') {
			buf_putc(b, '\t');
			continue;
		}
		int w = utf8proc_charwidth(cp);
		for (int k = 0; k < w; k++)
			buf_putc(b, ' ');
	}
}

static int width_of(const char *text, size_t len)
{
	int w = 0;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += (size_t)text_decode(text + i, len - i, &cp);
		w += cp == '\t' ? 1 : utf8proc_charwidth(cp);
	}
	return w;
}

static void finding_text(buf *b, const pregon_report *r,
			 const pregon_finding *f, int c)
{
	color(b, c, BOLD);
	buf_printf(b, "%s:%d:%d:", r->path, f->line, f->col);
	color(b, c, RESET);
	buf_putc(b, ' ');
	color(b, c, sev_color(f->severity));
	buf_printf(b, "%s:", pregon_severity_label(f->severity));
	color(b, c, RESET);
	buf_printf(b, " %s ", f->message);
	color(b, c, DIM);
	buf_printf(b, "[%s, %s %s]", f->rule, _("criterio"), f->criterio);
	color(b, c, RESET);
	buf_putc(b, '\n');
	if (!r->input)
		return;
	size_t ls, ll;
	const char *line = line_of(r, f->offset, &ls, &ll);
	size_t in_line = f->offset - ls;
	size_t span = f->length;
	if (in_line + span > ll)
		span = ll - in_line; /* multi-line spans: underline the first */
	buf_printf(b, "%6d | ", f->line);
	buf_put(b, line, ll);
	buf_puts(b, "\n       | ");
	pad_to(b, line, in_line);
	color(b, c, sev_color(f->severity));
	int w = width_of(line + in_line, span);
	buf_putc(b, '^');
	for (int k = 1; k < w; k++)
		buf_putc(b, '~');
	color(b, c, RESET);
	buf_putc(b, '\n');
	if (f->n_suggestions) {
		buf_printf(b, "       = %s: ", _("sugerencia"));
		for (size_t k = 0; k < f->n_suggestions && k < 3; k++)
			buf_printf(b, "%s«%s»", k ? ", " : "", f->suggestions[k].text);
		buf_putc(b, '\n');
	}
}

static void counts(const pregon_report *r, size_t n[3])
{
	n[0] = n[1] = n[2] = 0;
	for (size_t i = 0; i < r->n_findings; i++)
		n[r->findings[i].severity]++;
}

static void severity_counts(buf *b, const size_t n[3])
{
	buf_printf(b, P_("%zu error", "%zu errores", n[2]), n[2]);
	buf_puts(b, ", ");
	buf_printf(b, P_("%zu advertencia", "%zu advertencias", n[1]), n[1]);
	buf_puts(b, ", ");
	buf_printf(b, P_("%zu aviso", "%zu avisos", n[0]), n[0]);
}

char *pregon_format_text(const pregon_report *const *reports, size_t n,
			 const pregon_format_options *opts)
{
	int c = opts && opts->color;
	int quiet = opts && opts->quiet;
	buf b;
	buf_init(&b);
	size_t total[3] = { 0, 0, 0 }, verdicts[3] = { 0, 0, 0 }, errors = 0;
	for (size_t i = 0; i < n; i++) {
		const pregon_report *r = reports[i];
		if (r->error) {
			errors++; /* its diagnostic went to standard error */
			continue;
		}
		for (size_t k = 0; k < r->n_findings; k++)
			finding_text(&b, r, &r->findings[k], c);
		size_t cnt[3];
		counts(r, cnt);
		for (int k = 0; k < 3; k++)
			total[k] += cnt[k];
		verdicts[r->verdict]++;
		if (quiet)
			continue;
		color(&b, c, BOLD);
		buf_printf(&b, "%s:", r->path);
		color(&b, c, RESET);
		buf_printf(&b, " %s %d/100, %s ", _("puntuación"), r->score,
			   _("veredicto"));
		color(&b, c, verdict_color(r->verdict));
		buf_puts(&b, pregon_verdict_label(r->verdict));
		color(&b, c, RESET);
		buf_puts(&b, " (");
		severity_counts(&b, cnt);
		buf_puts(&b, ")\n");
		if (i + 1 < n)
			buf_putc(&b, '\n');
	}
	if (!quiet && n > 1) {
		size_t checked = n - errors;
		buf_printf(&b, "\n%s: ", _("Total"));
		buf_printf(&b, P_("%zu archivo", "%zu archivos", checked), checked);
		buf_puts(&b, "; ");
		severity_counts(&b, total);
		buf_printf(&b, "; %s %zu, %s %zu, %s %zu",
			   pregon_verdict_label(PREGON_VERDICT_BLOCK),
			   verdicts[PREGON_VERDICT_BLOCK],
			   pregon_verdict_label(PREGON_VERDICT_REVIEW),
			   verdicts[PREGON_VERDICT_REVIEW],
			   pregon_verdict_label(PREGON_VERDICT_PUBLISH),
			   verdicts[PREGON_VERDICT_PUBLISH]);
		if (errors)
			buf_printf(&b, P_("; %zu sin revisar por error",
					  "; %zu sin revisar por errores", errors),
				   errors);
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}
