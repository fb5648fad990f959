/* html.c: the evaluation report as one self-contained HTML page: inline
 * CSS and SVG charts drawn here, no scripts, fonts or other files, so it
 * opens offline, prints, and reads on a phone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evaluation.h"

#define COLOR_PUBLISH "#2e7d32"
#define COLOR_REVIEW "#b26a00"
#define COLOR_BLOCK "#c62828"
#define COLOR_BAR "#1f5f8b"

static const char *const verdict_colors[3] = { COLOR_PUBLISH, COLOR_REVIEW, COLOR_BLOCK };

static const char style[] =
	"*{box-sizing:border-box}"
	"body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9;line-height:1.45}"
	"main{max-width:1100px;margin:0 auto;padding:1rem}"
	"header{background:#5c1a2e;color:#fff;padding:1.25rem 1rem}"
	"header h1{margin:0 0 .25rem;font-size:1.5rem}header p{margin:.15rem 0}"
	"section{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:1rem;margin:1rem 0}"
	"h2{font-size:1.2rem;margin:0 0 .75rem}h3{font-size:1rem;margin:1rem 0 .5rem}"
	".cifras{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:.75rem}"
	".cifra{border:1px solid #dde1e6;border-radius:6px;padding:.5rem .75rem}"
	".cifra b{display:block;font-size:1.4rem}"
	".tabla{overflow-x:auto}"
	"table{border-collapse:collapse;width:100%;font-size:.9rem}"
	"th,td{border-bottom:1px solid #e3e6ea;padding:.35rem .5rem;text-align:left;vertical-align:top}"
	"th{background:#f0f2f5}td.n{text-align:right;font-variant-numeric:tabular-nums}"
	"svg.grafica{width:100%;height:auto;max-width:100%;display:block}"
	".graficas{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(460px,100%),1fr));gap:.75rem}"
	"svg text{font-size:12px;fill:#333}"
	".leyenda span{display:inline-block;margin-right:1rem}"
	".leyenda i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}"
	".alerta{color:" COLOR_BLOCK ";font-weight:600}"
	".nota{color:#555;font-size:.9rem}"
	"code{font-size:.85rem;word-break:break-all}"
	".casilla{display:inline-block;width:1rem;height:1rem;border:1.5px solid #333}"
	"@media (max-width:600px){main{padding:.5rem}section{padding:.75rem}header h1{font-size:1.2rem}}"
	"@media print{body{background:#fff}header{background:none;color:#000;border-bottom:2px solid #000}"
	"section{border:none;padding:0;break-inside:avoid}main{max-width:none}.tabla{overflow:visible}"
	"a{color:#000;text-decoration:none}}";

static void put_escaped(buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s);
		}
	}
}

static void put_day(buf *b, long day)
{
	char s[11];
	ev_day_str(s, day);
	buf_puts(b, s);
}

static double share(size_t part, size_t whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0;
}

static double mean_score(const ev_account *a, const ev_summary *s)
{
	double sum = 0;
	size_t n = 0;
	for (size_t w = 0; w < s->n_weeks; w++)
		if (a->weekly_score[w] >= 0) {
			sum += a->weekly_score[w] * (double)a->weekly[w];
			n += a->weekly[w];
		}
	return n ? sum / (double)n : -1;
}

/* ---- charts ------------------------------------------------------------ */

#define CHART_W 640
#define CHART_H 200
#define PAD_L 36
#define PAD_B 24
#define PAD_T 12

static void open_chart(buf *b, const char *label, int width, int height)
{
	buf_printf(b, "<svg class=\"grafica\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", width, height);
	put_escaped(b, label);
	buf_puts(b, "\"><title>");
	put_escaped(b, label);
	buf_puts(b, "</title>");
}

/* The vertical axis from 0 to `top` with three ticks, and the x labels
 * of the weeks (every few, so they never overlap). */
static void axes(buf *b, const ev_summary *s, double top, int plot_w)
{
	int plot_h = CHART_H - PAD_B - PAD_T;
	for (int t = 0; t <= 2; t++) {
		double v = top * t / 2;
		int y = PAD_T + plot_h - (int)(plot_h * t / 2);
		buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>",
			   PAD_L, y, PAD_L + plot_w, y);
		buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f</text>", PAD_L - 4, y + 4, v);
	}
	size_t every = s->n_weeks > 13 ? 4 : 1;
	for (size_t w = 0; w < s->n_weeks; w += every) {
		char d[11];
		ev_day_str(d, s->first_monday + 7 * (long)w);
		buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.5s</text>",
			   PAD_L + (w + 0.5) * plot_w / (double)s->n_weeks, CHART_H - 6, d + 5);
	}
}

static void weekly_bars(buf *b, const ev_summary *s, const ev_account *a)
{
	size_t top = 2;
	for (size_t w = 0; w < s->n_weeks; w++)
		if (a->weekly[w] > top)
			top = a->weekly[w];
	top += top % 2; /* the middle tick stays a whole number */
	int plot_w = CHART_W - PAD_L - 8, plot_h = CHART_H - PAD_B - PAD_T;
	char label[256];
	snprintf(label, sizeof label, _("Publicaciones por semana: %s"), a->label);
	open_chart(b, label, CHART_W, CHART_H);
	axes(b, s, (double)top, plot_w);
	double slot = plot_w / (double)s->n_weeks;
	for (size_t w = 0; w < s->n_weeks; w++) {
		double h = plot_h * (double)a->weekly[w] / (double)top;
		char d[11];
		ev_day_str(d, s->first_monday + 7 * (long)w);
		buf_printf(b, "<rect class=\"barra\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %zu</title></rect>",
			   PAD_L + w * slot + slot * 0.15, PAD_T + plot_h - h, slot * 0.7, h,
			   COLOR_BAR, d, a->weekly[w]);
	}
	buf_puts(b, "</svg>");
}

static void score_line(buf *b, const ev_summary *s, const ev_account *a)
{
	int plot_w = CHART_W - PAD_L - 8, plot_h = CHART_H - PAD_B - PAD_T;
	char label[256];
	snprintf(label, sizeof label, _("Puntuación media por semana: %s"), a->label);
	open_chart(b, label, CHART_W, CHART_H);
	axes(b, s, 100, plot_w);
	double slot = plot_w / (double)s->n_weeks;
	buf path;
	buf_init(&path);
	/* a week without posts breaks the line */
	char move = 'M';
	for (size_t w = 0; w < s->n_weeks; w++) {
		if (a->weekly_score[w] < 0) {
			move = 'M';
			continue;
		}
		double x = PAD_L + (w + 0.5) * slot;
		double y = PAD_T + plot_h - plot_h * a->weekly_score[w] / 100.0;
		buf_printf(&path, "%c%.1f %.1f ", move, x, y);
		move = 'L';
		buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%.0f</title></circle>",
			   x, y, COLOR_BAR, a->weekly_score[w]);
	}
	if (path.len)
		buf_printf(b, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", path.ptr, COLOR_BAR);
	buf_dispose(&path);
	buf_puts(b, "</svg>");
}

/* One stacked bar per account: the share of each verdict. */
static void verdict_bars(buf *b, const ev_summary *s)
{
	const int row = 26, label_w = 210, bar_w = CHART_W - label_w - 8;
	int height = row * (int)(s->n_accounts + 1) + 8;
	open_chart(b, _("Veredictos por cuenta"), CHART_W, height);
	for (size_t i = 0; i <= s->n_accounts; i++) {
		const ev_account *a = i ? &s->accounts[i - 1] : &s->all;
		int y = 4 + row * (int)i;
		buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label_w - 6, y + 15);
		put_escaped(b, a->label);
		buf_puts(b, "</text>");
		double x = label_w;
		for (int v = 0; v < 3; v++) {
			double w = a->posts ? bar_w * (double)a->verdicts[v] / (double)a->posts : 0;
			if (w <= 0)
				continue;
			buf_printf(b, "<rect class=\"barra\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %zu</title></rect>",
				   x, y, w, row - 8, verdict_colors[v],
				   pregon_verdict_label((pregon_verdict)v), a->verdicts[v]);
			x += w;
		}
		if (!a->posts)
			buf_printf(b, "<text x=\"%d\" y=\"%d\">%s</text>", label_w + 4, y + 15,
				   _("sin publicaciones"));
	}
	buf_puts(b, "</svg>");
	buf_puts(b, "<p class=\"leyenda\">");
	for (int v = 0; v < 3; v++)
		buf_printf(b, "<span><i style=\"background:%s\"></i>%s</span>", verdict_colors[v],
			   pregon_verdict_label((pregon_verdict)v));
	buf_puts(b, "</p>");
}

static void criteria_bars(buf *b, const ev_account *a)
{
	if (!a->criteria.n) {
		buf_printf(b, "<p class=\"nota\">%s</p>", _("Ningún hallazgo en el periodo."));
		return;
	}
	const int row = 22, label_w = 190, bar_w = CHART_W - label_w - 50;
	size_t top = a->criteria.items[0].count;
	open_chart(b, _("Hallazgos por criterio de la norma"), CHART_W, row * (int)a->criteria.n + 8);
	for (size_t i = 0; i < a->criteria.n; i++) {
		const ev_count *c = &a->criteria.items[i];
		int y = 4 + row * (int)i;
		double w = bar_w * (double)c->count / (double)top;
		buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label_w - 6, y + 13);
		put_escaped(b, c->key);
		buf_printf(b, "</text><rect class=\"barra\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
			   "<text x=\"%.1f\" y=\"%d\">%zu</text>",
			   label_w, y, w, row - 6, COLOR_BAR, label_w + w + 4, y + 13, c->count);
	}
	buf_puts(b, "</svg>");
}

/* ---- sections ---------------------------------------------------------- */

static void figure(buf *b, const char *label, const char *value)
{
	buf_puts(b, "<div class=\"cifra\"><b>");
	put_escaped(b, value);
	buf_puts(b, "</b>");
	put_escaped(b, label);
	buf_puts(b, "</div>");
}

static void overview(buf *b, const pregon_evaluation *ev, const ev_summary *s)
{
	char v[64];
	buf_printf(b, "<section id=\"resumen\"><h2>%s</h2><div class=\"cifras\">", _("Resumen"));
	snprintf(v, sizeof v, "%zu", s->all.posts);
	figure(b, _("publicaciones"), v);
	for (int k = 0; k < 3; k++) {
		snprintf(v, sizeof v, "%.0f %%", share(s->all.verdicts[k], s->all.posts));
		figure(b, pregon_verdict_label((pregon_verdict)k), v);
	}
	double m = mean_score(&s->all, s);
	snprintf(v, sizeof v, m < 0 ? "—" : "%.0f", m);
	figure(b, _("puntuación media"), v);
	snprintf(v, sizeof v, "%zu", ev->log_lines);
	figure(b, _("revisiones en la bitácora"), v);
	buf_puts(b, "</div>");
	if (ev->outside || ev->undated) {
		buf_puts(b, "<p class=\"nota\">");
		buf_printf(b, _("Fuera del periodo: %zu publicaciones; sin fecha: %zu (no se cuentan)."),
			   ev->outside, ev->undated);
		buf_puts(b, "</p>");
	}
	buf_printf(b, "<h3>%s</h3>", _("Publicaciones por semana"));
	weekly_bars(b, s, &s->all);
	buf_printf(b, "<h3>%s</h3>", _("Puntuación media por semana"));
	score_line(b, s, &s->all);
	buf_printf(b, "<h3>%s</h3>", _("Publicadas, a revisión y bloqueadas"));
	verdict_bars(b, s);
	buf_printf(b, "<h3>%s</h3>", _("Hallazgos por criterio"));
	criteria_bars(b, &s->all);
	buf_puts(b, "</section>");
}

static void account_row(buf *b, const ev_summary *s, const ev_account *a)
{
	buf_puts(b, "<tr><td>");
	put_escaped(b, a->label);
	buf_puts(b, "</td><td>");
	put_escaped(b, a->account && a->account->unit_name ? a->account->unit_name : "—");
	buf_printf(b, "</td><td class=\"n\">%zu</td>", a->posts);
	for (int k = 0; k < 3; k++)
		buf_printf(b, "<td class=\"n\">%.0f %%</td>", share(a->verdicts[k], a->posts));
	double m = mean_score(a, s);
	if (m < 0)
		buf_puts(b, "<td class=\"n\">—</td>");
	else
		buf_printf(b, "<td class=\"n\">%.0f</td>", m);
	buf_printf(b, "<td class=\"n\">%ld</td><td class=\"n\">%zu</td><td>", a->longest_gap, a->busiest);
	if (a->silent)
		buf_printf(b, "<span class=\"alerta\">%s</span> ", _("silenciosa"));
	if (a->over_posting)
		buf_printf(b, "<span class=\"alerta\">%s</span>", _("satura"));
	buf_puts(b, "</td></tr>");
}

static void accounts(buf *b, const ev_summary *s)
{
	buf_printf(b, "<section id=\"cuentas\"><h2>%s</h2><div class=\"tabla\"><table><thead><tr>"
		      "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		      "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
		   _("Por cuenta"), _("cuenta"), _("dependencia"), _("publicaciones"),
		   pregon_verdict_label(PREGON_VERDICT_PUBLISH), pregon_verdict_label(PREGON_VERDICT_REVIEW),
		   pregon_verdict_label(PREGON_VERDICT_BLOCK), _("puntuación media"),
		   _("días sin publicar (máx.)"), _("máx. en un día"), _("alerta"));
	for (size_t i = 0; i < s->n_accounts; i++)
		account_row(b, s, &s->accounts[i]);
	buf_puts(b, "</tbody></table></div>");
	for (size_t i = 0; i < s->n_accounts; i++) {
		const ev_account *a = &s->accounts[i];
		if (!a->posts)
			continue;
		buf_puts(b, "<h3>");
		put_escaped(b, a->label);
		buf_puts(b, "</h3><div class=\"graficas\"><div>");
		weekly_bars(b, s, a);
		buf_puts(b, "</div><div>");
		score_line(b, s, a);
		buf_puts(b, "</div><div>");
		criteria_bars(b, a);
		buf_puts(b, "</div></div>");
	}
	buf_puts(b, "</section>");
}

static void top_findings(buf *b, const pregon_evaluation *ev, const ev_summary *s)
{
	buf_printf(b, "<section id=\"hallazgos\"><h2>%s</h2>", _("Hallazgos más frecuentes"));
	if (!s->rules.n) {
		buf_printf(b, "<p class=\"nota\">%s</p></section>", _("Ningún hallazgo en el periodo."));
		return;
	}
	buf_printf(b, "<p class=\"nota\">%s</p>",
		   _("Los ejemplos muestran los datos personales enmascarados, como los informes de pregon."));
	buf_printf(b, "<div class=\"tabla\"><table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
		   _("regla"), _("criterio"), _("veces"), _("ejemplo"));
	for (size_t i = 0; i < s->rules.n && i < EV_TOP_FINDINGS; i++) {
		const ev_count *c = &s->rules.items[i];
		const ev_post *p = &ev->posts[c->example];
		const ev_finding *f = &p->findings[c->finding];
		buf_puts(b, "<tr><td><code>");
		put_escaped(b, c->key);
		buf_puts(b, "</code></td><td>");
		put_escaped(b, f->criterio);
		buf_printf(b, "</td><td class=\"n\">%zu</td><td>", c->count);
		if (*f->message) {
			put_escaped(b, f->message);
			buf_puts(b, "<br>");
		}
		buf_puts(b, "<span class=\"nota\">");
		put_escaped(b, p->ref.path);
		buf_puts(b, "</span></td></tr>");
	}
	buf_puts(b, "</tbody></table></div></section>");
}

/* "<li>cuenta: lo que pasa el DÍA</li>" */
static void alert_item(buf *b, const char *label, const char *what, long day)
{
	buf_puts(b, "<li>");
	put_escaped(b, label);
	put_escaped(b, what);
	put_day(b, day);
	buf_puts(b, "</li>");
}

static void activity(buf *b, const ev_summary *s)
{
	buf_printf(b, "<section id=\"actividad\"><h2>%s</h2>", _("Cuentas silenciosas o saturadas"));
	buf_printf(b, "<p class=\"nota\">");
	buf_printf(b, _("Silenciosa: más días sin publicar de los que admite su ritmo (diario: %d, semanal: %d). Saturada: más de %d publicaciones en un día."),
		   reg_rhythm_allowance(REG_RHYTHM_DAILY), reg_rhythm_allowance(REG_RHYTHM_WEEKLY),
		   EV_MAX_POSTS_PER_DAY);
	buf_puts(b, "</p><ul>");
	size_t listed = 0;
	for (size_t i = 0; i < s->n_accounts; i++) {
		const ev_account *a = &s->accounts[i];
		char what[128];
		if (a->silent) {
			snprintf(what, sizeof what, _(": %ld días sin publicar desde el "), a->longest_gap);
			alert_item(b, a->label, what, a->gap_start);
			listed++;
		}
		if (a->over_posting) {
			snprintf(what, sizeof what, _(": %zu publicaciones el "), a->busiest);
			alert_item(b, a->label, what, a->busiest_day);
			listed++;
		}
	}
	if (!listed)
		buf_printf(b, "<li>%s</li>", _("Ninguna."));
	buf_puts(b, "</ul></section>");
}

static void registry_findings(buf *b, const pregon_evaluation *ev)
{
	buf_printf(b, "<section id=\"registro\"><h2>%s</h2>", _("Registro de cuentas"));
	const pregon_report *r = ev->registry_findings;
	if (!ev->registry || !r) {
		buf_printf(b, "<p class=\"nota\">%s</p></section>",
			   _("No se dio un registro de cuentas (cuentas.yaml): no se revisaron las cuentas."));
		return;
	}
	buf_puts(b, "<p class=\"nota\">");
	put_escaped(b, r->path);
	buf_printf(b, ": %zu ", pregon_registry_count(ev->registry));
	buf_puts(b, P_("cuenta", "cuentas", pregon_registry_count(ev->registry)));
	buf_puts(b, "</p>");
	if (!r->n_findings) {
		buf_printf(b, "<p>%s</p></section>", _("El registro cumple todas las revisiones."));
		return;
	}
	buf_printf(b, "<div class=\"tabla\"><table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
		   _("línea"), _("severidad"), _("regla"), _("criterio"), _("hallazgo"));
	for (size_t i = 0; i < r->n_findings; i++) {
		const pregon_finding *f = &r->findings[i];
		buf_printf(b, "<tr><td class=\"n\">%d</td><td>%s</td><td><code>", f->line,
			   pregon_severity_label(f->severity));
		put_escaped(b, f->rule);
		buf_puts(b, "</code></td><td>");
		put_escaped(b, f->criterio);
		buf_puts(b, "</td><td>");
		put_escaped(b, f->message);
		buf_puts(b, "</td></tr>");
	}
	buf_puts(b, "</tbody></table></div></section>");
}

static void checklist(buf *b)
{
	buf_printf(b, "<section id=\"revision-humana\"><h2>%s</h2><p>%s</p>",
		   _("Revisión humana"),
		   _("pregon no puede decidir estos criterios de la norma: una persona los revisa en las publicaciones del periodo y firma la evaluación."));
	buf_printf(b, "<div class=\"tabla\"><table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
		   _("criterio"), _("revisado"), _("responsable"), _("observaciones"));
	for (size_t i = 0; ev_human_review[i]; i++)
		buf_printf(b, "<tr><td>%s %s</td><td><span class=\"casilla\" role=\"checkbox\" aria-checked=\"false\" aria-label=\"%s %s\"></span></td><td></td><td></td></tr>",
			   _("Criterio"), ev_human_review[i], _("Criterio"), ev_human_review[i]);
	buf_puts(b, "</tbody></table></div></section>");
}

char *pregon_evaluation_format_html(const pregon_evaluation *ev)
{
	ev_summary s;
	ev_summary_init(&s, ev);
	buf b;
	buf_init(&b);
	buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"es\"><head><meta charset=\"utf-8\">"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		       "<title>%s</title><style>%s</style></head><body><header><h1>%s</h1><p>",
		   _("Evaluación de las cuentas institucionales"), style,
		   _("Evaluación de las cuentas institucionales"));
	buf_puts(&b, _("Periodo: del "));
	put_day(&b, ev->from);
	buf_puts(&b, _(" al "));
	put_day(&b, ev->to);
	buf_printf(&b, "</p><p>%s ", _("Norma Técnica No. 10 «Uso de Redes Sociales», capítulo de Evaluación. Elaborado por pregon el"));
	put_day(&b, ev->today);
	buf_puts(&b, ".</p></header><main>");
	overview(&b, ev, &s);
	accounts(&b, &s);
	top_findings(&b, ev, &s);
	activity(&b, &s);
	registry_findings(&b, ev);
	checklist(&b);
	buf_puts(&b, "</main></body></html>\n");
	ev_summary_dispose(&s);
	return buf_detach(&b);
}
