/* text.c: the report for people at a terminal, in the process's language:
 * "ruta:línea:col: severidad: mensaje [regla, criterio]", the source line
 * with the span underlined, the suggestion, then per file the score and
 * verdict and at the end a total. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../text.h"
#include "format.h"

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

/* How much of a source line is shown around a finding, in code points:
 * a long line (a pasted document, a minified file) must not be printed
 * whole once per finding. */
#define CONTEXT_CPS 60
#define SPAN_CPS 100

/* Step back from `offset` over at most `cps` code points, not past a line
 * start; returns the new offset. */
static size_t back_cps(const char *s, size_t offset, size_t cps)
{
	while (offset > 0 && s[offset - 1] != '\n' && cps > 0) {
		offset--;
		while (offset > 0 && ((unsigned char)s[offset] & 0xC0) == 0x80)
			offset--;
		cps--;
	}
	return offset;
}

/* Step forward over at most `cps` code points, stopping at a line end. */
static size_t forward_cps(const char *s, size_t len, size_t offset, size_t cps)
{
	while (offset < len && s[offset] != '\n' && s[offset] != '\r' && cps > 0) {
		offset += (size_t)text_u8len((unsigned char)s[offset]);
		cps--;
	}
	return offset > len ? len : offset;
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
	const char *in = r->input;
	size_t from = back_cps(in, f->offset, CONTEXT_CPS);
	/* multi-line spans: underline the part on the first line */
	size_t span_end = forward_cps(in, r->input_len, f->offset, SPAN_CPS);
	if (span_end > f->offset + f->length)
		span_end = f->offset + f->length;
	size_t to = forward_cps(in, r->input_len, span_end, CONTEXT_CPS);
	int cut_left = from > 0 && in[from - 1] != '\n';
	int cut_right = to < r->input_len && in[to] != '\n' && in[to] != '\r';
	/* Source text only ever goes out masked: the line may hold personal
	 * data found by this or any other rule. */
	char *before = pregon_report_excerpt(r, from, f->offset - from);
	char *span = pregon_report_excerpt(r, f->offset, span_end - f->offset);
	char *after = pregon_report_excerpt(r, span_end, to - span_end);
	buf_printf(b, "%6d | %s%s%s%s", f->line, cut_left ? "…" : "", before,
		   span, after);
	buf_printf(b, "%s\n       | %s", cut_right ? "…" : "", cut_left ? " " : "");
	pad_to(b, before, strlen(before));
	color(b, c, sev_color(f->severity));
	int w = width_of(span, strlen(span));
	buf_putc(b, '^');
	for (int k = 1; k < w; k++)
		buf_putc(b, '~');
	color(b, c, RESET);
	buf_putc(b, '\n');
	free(before);
	free(span);
	free(after);
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

/* Files are separated by a blank line; a file that could not be checked
 * prints nothing here (its diagnostic went to standard error). */
static void text_add(pregon_formatter *f, buf *out, const pregon_report *r)
{
	int c = f->opts.color, quiet = f->opts.quiet;
	if (r->error) {
		f->errors++;
		return;
	}
	if (f->printed && !quiet)
		buf_putc(out, '\n');
	for (size_t k = 0; k < r->n_findings; k++)
		finding_text(out, r, &r->findings[k], c);
	size_t cnt[3];
	counts(r, cnt);
	for (int k = 0; k < 3; k++)
		f->totals[k] += cnt[k];
	f->verdicts[r->verdict]++;
	f->printed = 1;
	if (quiet)
		return;
	color(out, c, BOLD);
	buf_printf(out, "%s:", r->path);
	color(out, c, RESET);
	buf_printf(out, " %s %d/100, %s ", _("puntuación"), r->score, _("veredicto"));
	color(out, c, verdict_color(r->verdict));
	buf_puts(out, pregon_verdict_label(r->verdict));
	color(out, c, RESET);
	buf_puts(out, " (");
	severity_counts(out, cnt);
	buf_puts(out, ")\n");
}

/* The total, when there was more than one file. */
static void text_finish(pregon_formatter *f, buf *out)
{
	if (f->opts.quiet || f->n < 2)
		return;
	size_t checked = f->n - f->errors;
	buf_printf(out, "%s%s: ", f->printed ? "\n" : "", _("Total"));
	buf_printf(out, P_("%zu archivo", "%zu archivos", checked), checked);
	buf_puts(out, "; ");
	severity_counts(out, f->totals);
	buf_printf(out, "; %s %zu, %s %zu, %s %zu",
		   pregon_verdict_label(PREGON_VERDICT_BLOCK),
		   f->verdicts[PREGON_VERDICT_BLOCK],
		   pregon_verdict_label(PREGON_VERDICT_REVIEW),
		   f->verdicts[PREGON_VERDICT_REVIEW],
		   pregon_verdict_label(PREGON_VERDICT_PUBLISH),
		   f->verdicts[PREGON_VERDICT_PUBLISH]);
	if (f->errors)
		buf_printf(out, P_("; %zu sin revisar por error",
				   "; %zu sin revisar por errores", f->errors),
			   f->errors);
	buf_putc(out, '\n');
}

const fmt_stream_ops fmt_text_stream = { "text", NULL, text_add, text_finish };

char *pregon_format_text(const pregon_report *const *reports, size_t n,
			 const pregon_format_options *opts)
{
	return fmt_stream_all(&fmt_text_stream, reports, n, opts);
}
