/* endorsement.c: the `endorsement` kind (criteria VII and XV).  What the
 * accounts publish must carry the endorsement of the Jefatura de
 * Comunicación Social (XV); when an area consults it, it has `plazo`
 * business days (3) to answer, and without an answer the post does not go
 * out (VII).  The front matter records both:
 *
 *     aval: {quien: Jefatura de Comunicación Social, fecha: 2026-03-09}
 *     consulta: {fecha: 2026-03-05}
 *
 * `comprueba: aval` speaks when a post has neither record, or an `aval`
 * that is not whole or postdates the publication; `comprueba: consulta`
 * when a consultation has no `aval` yet: pending until its deadline, then
 * unanswered.  Business days skip weekends, the rest days of LFT art. 74 and
 * the configuration's `dias_inhabiles` (business_days.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../business_days.h"
#include "kind.h"

enum { E_AVAL, E_CONSULTA };

typedef struct {
	int what;
	long term;            /* business days to answer a consultation */
	char *pending[2];     /* the rule's `mensaje`, by pregon_lang */
	char *expired[2];     /* `mensaje_vencida` */
} endorsement_state;

static const char *const keys[] = { "comprueba", "plazo", "mensaje_vencida",
				    "message_vencida_en", NULL };
static const char *const checks[] = { "aval", "consulta", NULL };
static const char *const aval_keys[] = { "quien", "fecha", NULL };
static const char *const consulta_keys[] = { "fecha", NULL };

static void endorsement_free(void *p)
{
	endorsement_state *s = p;
	if (!s)
		return;
	for (int i = 0; i < 2; i++) {
		free(s->pending[i]);
		free(s->expired[i]);
	}
	free(s);
}

static int endorsement_compile(void **out, const kind_compile *c,
			       pregon_diag *diag)
{
	*out = NULL;
	endorsement_state *s = xcalloc(1, sizeof *s);
	if (kind_overrides_known(c, &kind_endorsement, diag) ||
	    kind_required_choice(c, "comprueba", checks, &s->what, diag) ||
	    kind_int(c, "plazo", 3, 1, 60, &s->term, diag)) {
		endorsement_free(s);
		return PREGON_EINVAL;
	}
	kind_messages(c, s->pending);
	const y_node *es = kind_get(c, "mensaje_vencida");
	const y_node *en = kind_get(c, "message_vencida_en");
	s->expired[0] = xstrdup(es && es->type == Y_SCALAR ? es->str : s->pending[0]);
	s->expired[1] = xstrdup(en && en->type == Y_SCALAR ? en->str : s->expired[0]);
	*out = s;
	return 0;
}

static void emit_node(kind_run *run, const y_node *n, const char *message)
{
	kind_finding f = { 0 };
	kind_node_span(run->doc, n, &f.offset, &f.length);
	f.message = message;
	run->emit(run, &f);
}

/* A record of the front matter with its `fecha` as days since the epoch;
 * otherwise a finding at what is wrong and 0. */
static int read_record(kind_run *run, const y_node *rec, const char *name,
		       const char *const *known, long *day)
{
	int is_aval = known == aval_keys;
	char msg[256];
	if (rec->type != Y_MAP) {
		emit_node(run, rec, is_aval ? _("«aval» lleva «quien» y «fecha» (AAAA-MM-DD)")
					    : _("«consulta» lleva «fecha» (AAAA-MM-DD)"));
		return 0;
	}
	for (size_t i = 0; i < y_map_size(rec); i++) {
		const y_node *k = y_key(rec, i);
		int ok = 0;
		for (const char *const *a = known; *a && !ok; a++)
			ok = k->type == Y_SCALAR && strcmp(*a, k->str) == 0;
		if (!ok) {
			snprintf(msg, sizeof msg, _("clave desconocida en «%s»; use %s"),
				 name, is_aval ? "quien, fecha" : "fecha");
			emit_node(run, k, msg);
			return 0;
		}
	}
	for (const char *const *a = known; *a; a++)
		if (!y_get(rec, *a) || y_get(rec, *a)->type != Y_SCALAR ||
		    !*y_get(rec, *a)->str) {
			snprintf(msg, sizeof msg, _("a «%s» le falta «%s»"), name, *a);
			emit_node(run, rec, msg);
			return 0;
		}
	const y_node *f = y_get(rec, "fecha");
	date_t d;
	if (date_parse(f->str, &d)) {
		snprintf(msg, sizeof msg, _("fecha no válida en «%s»; use AAAA-MM-DD"),
			 name);
		emit_node(run, f, msg);
		return 0;
	}
	*day = date_days(d.year, d.month, d.day);
	return 1;
}

static void format_day(char out[11], long day)
{
	int y, m, d;
	date_from_days(day, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

static int endorsement_check(const void *p, kind_run *run)
{
	const endorsement_state *s = p;
	const doc_t *d = run->doc;
	const y_node *aval = y_get(d->fm, "aval");
	const y_node *consulta = y_get(d->fm, "consulta");
	long published = d->has_date ? date_days(d->date.year, d->date.month,
						 d->date.day)
				     : 0;
	long day;
	if (s->what == E_AVAL) {
		if (!aval) {
			if (!consulta)
				kind_emit_post(run, NULL);
			return 0;
		}
		if (read_record(run, aval, "aval", aval_keys, &day) && d->has_date &&
		    day > published) {
			char when[11], msg[256];
			format_day(when, day);
			snprintf(msg, sizeof msg,
				 _("el aval tiene fecha %s, posterior a la publicación; publique después del aval o corrija su fecha"),
				 when);
			emit_node(run, y_get(aval, "fecha"), msg);
		}
		return 0;
	}
	if (aval || !consulta ||
	    !read_record(run, consulta, "consulta", consulta_keys, &day))
		return 0;
	long due = bd_add(day, (int)s->term, run->config->non_working,
			  run->config->n_non_working);
	char since[11], until[11], term[16];
	format_day(since, day);
	format_day(until, due);
	snprintf(term, sizeof term, "%ld", s->term);
	const char *names[] = { "fecha", "vence", "plazo" };
	const char *values[] = { since, until, term };
	int lang = run->lang == PREGON_LANG_EN;
	char *msg = kind_fill(d->has_date && published > due ? s->expired[lang]
							     : s->pending[lang],
			      names, values, 3);
	emit_node(run, consulta, msg);
	free(msg);
	return 0;
}

const kind_ops kind_endorsement = { "endorsement", keys, endorsement_compile,
				    NULL, endorsement_check, endorsement_free, NULL };
