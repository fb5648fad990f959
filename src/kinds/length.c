/* length.c: the `length` kind.  What each platform allows, counted the way
 * that platform counts (count.h): X's weighted characters, Threads' emoji
 * in bytes, YouTube's description in bytes, code points elsewhere.  The
 * limits are data of the rule set (`limites`), each with the platform, the
 * date from which it holds (`desde`) and its source, because they move:
 * the entry that applies is the latest whose `desde` is not after the
 * post's date.  `cuenta` says what is limited: the text, its hashtags,
 * links or mentions, or characters a platform refuses (`prohibidos`). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kind.h"

enum { L_TEXT, L_HASHTAGS, L_LINKS, L_MENTIONS, L_FORBIDDEN };
enum { F_BODY, F_TITLE };

typedef struct {
	const char *platform; /* an id of doc_platforms (static) */
	int field;
	count_unit unit;
	long max;
	char *forbidden;      /* L_FORBIDDEN: the refused characters */
	long since;           /* days since the epoch; LONG_MIN when always */
	char *since_text;
	char *source;
} limit_t;

typedef struct {
	int what;
	limit_t *limits;
	size_t n;
	const count_lexer *lexer;
	char *message[2];     /* the rule's, by pregon_lang */
} length_state;

static const char *const keys[] = { "cuenta", "limites", NULL };
static const char *const limit_keys[] = { "plataforma", "campo", "unidad",
					  "maximo", "prohibidos", "desde",
					  "fuente", NULL };

static const char *const what_names[] = { "texto", "etiquetas", "enlaces",
					  "menciones", "prohibidos", NULL };
static const char *const unit_names[] = { "caracteres", "bytes", "utf16",
					  "emoji-en-bytes", "ponderados", NULL };
/* What a figure is counted in, for messages ("281 de 280 …"). */
static const char *const unit_labels[] = {
	N_("caracteres"), N_("bytes"), N_("unidades UTF-16"), N_("caracteres"),
	N_("caracteres ponderados")
};
static const char *const what_labels[] = { NULL, N_("etiquetas"),
					   N_("enlaces"), N_("menciones"), NULL };

static void length_free(void *p)
{
	length_state *s = p;
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->limits[i].forbidden);
		free(s->limits[i].since_text);
		free(s->limits[i].source);
	}
	free(s->limits);
	free(s->message[0]);
	free(s->message[1]);
	free(s);
}

static int parse_limit(limit_t *l, const y_node *n, int what, pregon_diag *diag)
{
	const y_node *x;
	const char *str;
	if (y_expect(n, Y_MAP, _("un límite"), diag) ||
	    y_check_keys(n, limit_keys, _("un límite"), diag))
		return PREGON_EINVAL;
	l->since = LONG_MIN;
	const char *required[] = { "plataforma", "fuente",
				   what == L_FORBIDDEN ? "prohibidos" : "maximo" };
	for (size_t i = 0; i < 3; i++)
		if (!y_get(n, required[i])) {
			y_error(diag, n, NULL, _("falta la clave «%s» en %s"),
				required[i], _("un límite"));
			return PREGON_EINVAL;
		}
	x = y_get(n, "plataforma");
	int platform;
	if (kind_choice(x, doc_platforms, "plataforma", &platform, diag))
		return PREGON_EINVAL;
	l->platform = doc_platforms[platform];
	static const char *const fields[] = { "cuerpo", "titulo", NULL };
	if ((x = y_get(n, "campo")) && kind_choice(x, fields, "campo", &l->field, diag))
		return PREGON_EINVAL;
	int unit = COUNT_CHARS;
	if ((x = y_get(n, "unidad"))) {
		if (what != L_TEXT) {
			y_error(diag, x, _("quítela: solo el texto se mide en unidades"),
				_("«unidad» no se aplica a «cuenta: %s»"), what_names[what]);
			return PREGON_EINVAL;
		}
		if (kind_choice(x, unit_names, "unidad", &unit, diag))
			return PREGON_EINVAL;
	}
	l->unit = (count_unit)unit;
	if ((x = y_get(n, "maximo")) && y_to_int(x, 0, 1000000, &l->max, diag))
		return PREGON_EINVAL;
	if ((x = y_get(n, "prohibidos"))) {
		if (y_to_str(x, &str, diag))
			return PREGON_EINVAL;
		l->forbidden = xstrdup(str);
	}
	if ((x = y_get(n, "desde"))) {
		date_t d;
		if (y_to_str(x, &str, diag) || date_parse(str, &d) || d.has_time) {
			y_error(diag, x, _("use el formato AAAA-MM-DD"),
				_("fecha no válida «%s»"), x->type == Y_SCALAR ? x->str : "…");
			return PREGON_EINVAL;
		}
		l->since = date_days(d.year, d.month, d.day);
		l->since_text = xstrdup(str);
	}
	if (y_to_str(y_get(n, "fuente"), &str, diag))
		return PREGON_EINVAL;
	l->source = xstrdup(str);
	return 0;
}

static int length_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	length_state *s = xcalloc(1, sizeof *s);
	const y_node *limits = kind_get(c, "limites");
	if (kind_overrides_known(c, &kind_length, diag) ||
	    kind_required_choice(c, "cuenta", what_names, &s->what, diag))
		goto fail;
	if (!limits) {
		y_error(diag, c->rule, _("añada la lista de límites de cada plataforma"),
			_("falta la clave obligatoria «%s»"), "limites");
		goto fail;
	}
	if (y_expect(limits, Y_SEQ, "limites", diag))
		goto fail;
	s->limits = xcalloc(limits->n ? limits->n : 1, sizeof *s->limits);
	for (size_t i = 0; i < limits->n; i++, s->n++)
		if (parse_limit(&s->limits[i], limits->items[i], s->what, diag)) {
			s->n++;
			goto fail;
		}
	if (s->what != L_FORBIDDEN && kind_lexer(&s->lexer, c, diag))
		goto fail;
	kind_messages(c, s->message);
	*out = s;
	return 0;
fail:
	length_free(s);
	return PREGON_EINVAL;
}

/* The limit for this platform and field on the post's date: the latest
 * one already in force. */
static const limit_t *limit_for(const length_state *s, const doc_t *d, int field)
{
	long today = d->has_date ? date_days(d->date.year, d->date.month, d->date.day)
				 : LONG_MAX;
	const limit_t *best = NULL;
	for (size_t i = 0; i < s->n; i++) {
		const limit_t *l = &s->limits[i];
		if (l->field != field || strcmp(l->platform, d->platform) != 0 ||
		    l->since > today)
			continue;
		if (!best || l->since > best->since)
			best = l;
	}
	return best;
}

static void emit(const length_state *s, kind_run *run, const text_view *v,
		 size_t vs, size_t ve, const limit_t *l, long count)
{
	char n[32], max[32];
	snprintf(n, sizeof n, "%ld", count);
	snprintf(max, sizeof max, "%ld", l->max);
	const char *unit = s->what == L_TEXT ? _(unit_labels[l->unit])
		: s->what == L_FORBIDDEN ? "" : _(what_labels[s->what]);
	const char *names[] = { "cuenta", "maximo", "unidad", "plataforma",
				"desde", "fuente" };
	const char *values[] = { n, max, unit, kind_platform_label(l->platform),
				 l->since_text ? l->since_text : "", l->source };
	char *msg = kind_fill(s->message[run->lang == PREGON_LANG_EN], names,
			      values, sizeof names / sizeof *names);
	kind_emit_view_span(run, v, vs, ve, msg, NULL, 0);
	free(msg);
}

/* Check one field against its limit; `found` holds the field's entities.
 * The body's length goes to the report's metrics whether or not it fits,
 * so that an editor can show it as the text grows. */
static void check_field(const length_state *s, kind_run *run, int field,
			const text_view *v, const limit_t *l,
			const count_entities *found)
{
	if (s->what == L_FORBIDDEN) {
		for (size_t i = 0; i < v->len;) {
			size_t k = (size_t)text_u8len((unsigned char)v->s[i]);
			char one[5] = { 0 };
			memcpy(one, v->s + i, k < 5 ? k : 4);
			if (strstr(l->forbidden, one))
				emit(s, run, v, i, i + k, l, 0);
			i += k;
		}
		return;
	}
	if (s->what == L_TEXT) {
		count_result r;
		count_measure(&r, l->unit, v->s, v->len, l->max, &count_weights_x,
			      found);
		if (field == F_BODY) {
			run->metric(run, "longitud", (double)r.total);
			run->metric(run, "longitud_maxima", (double)l->max);
		}
		if (r.total > l->max)
			emit(s, run, v, r.cross, v->len, l, r.total);
		return;
	}
	static const count_kind entity_of[] = { COUNT_URL, COUNT_HASHTAG, COUNT_URL,
						COUNT_MENTION };
	const count_entity *first, *last;
	size_t n = count_select(found, entity_of[s->what], (size_t)l->max, &first,
				&last);
	if (first)
		emit(s, run, v, first->offset, last->offset + last->len, l, (long)n);
}

static int length_check(const void *p, kind_run *run)
{
	const length_state *s = p;
	doc_t *d = run->doc;
	if (!d->platform)
		return 0;
	const limit_t *l = limit_for(s, d, F_BODY);
	if (l) {
		const text_view *v;
		const count_entities *found;
		int rc = kind_body(run, s->lexer, &v, s->lexer ? &found : NULL);
		if (rc)
			return rc;
		check_field(s, run, F_BODY, v, l, s->lexer ? found : NULL);
	}
	const y_node *title = y_get(d->fm, "titulo");
	l = limit_for(s, d, F_TITLE);
	if (!l || !title || title->type != Y_SCALAR)
		return 0;
	/* a plain scalar's bytes are the input's; a quoted one is pointed at
	 * from its opening quote */
	size_t at = doc_offset_of(d, title->line, title->col);
	text_view v;
	text_view_build(&v, title->str, title->len, at + !title->plain, TEXT_EXACT);
	count_entities found;
	count_entities_init(&found);
	int rc = s->lexer ? count_extract(s->lexer, run->scratch, v.s, v.len,
					  COUNT_URL | COUNT_HASHTAG | COUNT_MENTION, &found)
			  : 0;
	if (rc == 0)
		check_field(s, run, F_TITLE, &v, l, &found);
	count_entities_dispose(&found);
	text_view_dispose(&v);
	return rc;
}

const kind_ops kind_length = { "length", keys, length_compile, NULL,
			       length_check, length_free, NULL };
