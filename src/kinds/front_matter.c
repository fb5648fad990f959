/* front_matter.c: the `front-matter` kind checks the YAML header of a post.
 * `comprueba` chooses what: `claves` (unknown keys and values that are not
 * texts, save the endorsement records `aval` and `consulta`), `fecha` (a
 * valid date or date-time), `plataforma` or `tema` (a
 * known id).  Each finding points at the key or value in the file and
 * suggests the closest valid word. */
#include <stdlib.h>
#include <string.h>

#include "kind.h"

enum { FM_KEYS, FM_DATE, FM_PLATFORM, FM_TOPIC };

typedef struct {
	int what;
} fm_state;

static const char *const keys[] = { "comprueba", NULL };
static const char *const checks[] = { "claves", "fecha", "plataforma", "tema",
				      NULL };

static void fm_free(void *p)
{
	free(p);
}

static int fm_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	const y_node *n = kind_get(c, "comprueba");
	const char *w;
	if (kind_overrides_known(c, &kind_front_matter, diag))
		return PREGON_EINVAL;
	if (!n) {
		y_error(diag, c->rule, _("escriba «comprueba: claves», «fecha», «plataforma» o «tema»"),
			_("falta la clave obligatoria «%s»"), "comprueba");
		return PREGON_EINVAL;
	}
	if (y_to_str(n, &w, diag))
		return PREGON_EINVAL;
	for (int i = 0; checks[i]; i++)
		if (strcmp(checks[i], w) == 0) {
			fm_state *s = xcalloc(1, sizeof *s);
			s->what = i;
			*out = s;
			return 0;
		}
	y_error(diag, n, _("use claves, fecha, plataforma o tema"),
		_("valor desconocido «%s» para «comprueba»"), w);
	return PREGON_EINVAL;
}

static void emit_at(kind_run *run, const y_node *n, const char *suggestion)
{
	kind_finding f = { 0 };
	kind_node_span(run->doc, n, &f.offset, &f.length);
	const char *sugs[1] = { suggestion };
	f.suggestions = sugs;
	f.n_suggestions = suggestion ? 1 : 0;
	run->emit(run, &f);
}

/* Names people use for a platform that are not its id. */
static const char *const aliases[][2] = {
	{ "twitter", "x" }, { "fb", "facebook" }, { "ig", "instagram" },
	{ "insta", "instagram" }, { "yt", "youtube" }, { "tik-tok", "tiktok" },
};

static const char *suggest_id(const char *value, const char *const *known)
{
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
		if (known == doc_platforms && strcmp(aliases[i][0], value) == 0)
			return aliases[i][1];
	return closest_word(value, known);
}

static void check_id(kind_run *run, const char *key,
		     const char *const *known)
{
	const y_node *v = y_get(run->doc->fm, key);
	if (!v)
		return;
	int ok = 0;
	for (const char *const *k = known; v->type == Y_SCALAR && *k && !ok; k++)
		ok = strcmp(*k, v->str) == 0;
	if (!ok)
		emit_at(run, v, v->type == Y_SCALAR ? suggest_id(v->str, known)
						    : NULL);
}

static int fm_check(const void *p, kind_run *run)
{
	const fm_state *s = p;
	const y_node *fm = run->doc->fm;
	if (!fm)
		return 0;
	switch (s->what) {
	case FM_KEYS:
		for (size_t i = 0; i < y_map_size(fm); i++) {
			const y_node *k = y_key(fm, i), *v = y_value(fm, i);
			int known = 0, record = 0;
			for (const char *const *a = doc_fm_keys; *a && !known; a++)
				known = k->type == Y_SCALAR && strcmp(*a, k->str) == 0;
			for (const char *const *a = doc_fm_records; known && *a && !record; a++)
				record = strcmp(*a, k->str) == 0;
			if (!known)
				emit_at(run, k, k->type == Y_SCALAR
							? closest_word(k->str, doc_fm_keys)
							: NULL);
			else if (v->type != Y_SCALAR && !record)
				emit_at(run, v, NULL);
		}
		break;
	case FM_DATE: {
		const y_node *v = y_get(fm, "fecha");
		date_t d;
		if (v && (v->type != Y_SCALAR || date_parse(v->str, &d) != 0))
			emit_at(run, v, NULL);
		break;
	}
	case FM_PLATFORM:
		check_id(run, "plataforma", doc_platforms);
		break;
	default:
		check_id(run, "tema", doc_topics);
		break;
	}
	return 0;
}

const kind_ops kind_front_matter = { "front-matter", keys, fm_compile, NULL,
				     fm_check, fm_free, NULL };
