/* electoral.c: the `electoral` kind, on the calendar of blackout windows
 * (rules/datos/calendario-electoral.yaml plus the configuration's
 * `ventanas_electorales`) and the officials' annual reports.
 *
 * `comprueba: veda` (Const. art. 41 Base III Apartado C; LGIPE art. 209;
 * Const. art. 35 VIII-IX): a post dated inside a window with known dates is
 * government propaganda that must stop, unless its topic is one of the
 * window's exceptions.  The topic is the post's (`--topic`, `tema`), which
 * the text must bear out (exceptions are judged by content, SUP-RAP-54/2012),
 * or else the first exception the text is about.  An exempt post that also
 * promotes (a name, a title, an achievement, a slogan, a party) loses the
 * exemption (INE, 2021 guidelines).  A confirmed window blocks (error); an
 * unconfirmed one asks to verify the calendar (the rule's severity); a window
 * with unknown dates never fires.
 *
 * `comprueba: informe` (LGIPE art. 242.5): a post about an annual report is
 * allowed only from 7 days before to 5 days after the report date of a
 * configured official (`funcionarios[].informe`), and never in a blackout.
 *
 * `comprueba: calendario`: a post dated after the last window the calendar
 * knows gets a note that the calendar may be out of date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../engine.h"
#include "promotion.h"

enum { CHECK_BLACKOUT, CHECK_REPORT, CHECK_CALENDAR };

#define REPORT_BEFORE 7 /* days allowed before an annual report */
#define REPORT_AFTER 5  /* and after it */
#define REPORT_KIND "informe"

typedef struct {
	pregon_window pub;
	long start, end;        /* days since the epoch; -1 when unknown */
	char start_s[11], end_s[11];
	char *owned_id, *owned_name;
	const char **exceptions;
	const char **sources;
} window_t;

typedef struct {
	int check;
	window_t *w;
	size_t n;
	long last_day;          /* the last blackout day the data know, or -1 */
	const char *last_name;
	promo_lexicon *lx;
	rx *topics[4];          /* by config_exempt_topics */
	rx *report;             /* a post about an annual report */
	char *calendar_path;    /* as shown: relative to the data directory */
	char *calendar_text;
	y_node *calendar;
} electoral_state;

static const char *const keys[] = { "comprueba", "calendario", "lexico", "temas",
				    "informe", NULL };
static const char *const calendar_keys[] = { "version", "ventanas", NULL };
static const char *const window_keys[] = {
	"id", "nombre", "tipo", "ambito", "jurisdiccion", "precampana_inicio",
	"precampana_fin", "campana_inicio", "campana_fin", "jornada", "inicio",
	"fin", "confirmada", "excepciones", "fuentes", "notas", NULL
};

static void electoral_free(void *p)
{
	electoral_state *s = p;
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->w[i].owned_id);
		free(s->w[i].owned_name);
		free(s->w[i].exceptions);
		free(s->w[i].sources);
	}
	free(s->w);
	promo_lexicon_free(s->lx);
	for (int i = 0; i < 4; i++)
		rx_free(s->topics[i]);
	rx_free(s->report);
	y_free(s->calendar);
	free(s->calendar_text);
	free(s->calendar_path);
	free(s);
}

static window_t *add_window(electoral_state *s)
{
	s->w = xrealloc(s->w, (s->n + 1) * sizeof *s->w);
	window_t *w = &s->w[s->n++];
	memset(w, 0, sizeof *w);
	w->start = w->end = -1;
	return w;
}

static void set_days(window_t *w, long start, long end)
{
	int y, m, d;
	w->start = start;
	w->end = end;
	date_from_days(start, &y, &m, &d);
	snprintf(w->start_s, sizeof w->start_s, "%04d-%02d-%02d", y, m, d);
	date_from_days(end, &y, &m, &d);
	snprintf(w->end_s, sizeof w->end_s, "%04d-%02d-%02d", y, m, d);
}

static long days_of(const date_t *d)
{
	return date_days(d->year, d->month, d->day);
}

/* A date of the calendar, or null (unknown): *out is then -1. */
static int calendar_date(const y_node *r, const char *key, long *out,
			 pregon_diag *diag)
{
	const y_node *v = y_get(r, key);
	date_t d;
	*out = -1;
	if (!v) {
		y_error(diag, r, _("escriba la fecha, o null si no se conoce"),
			_("falta la clave «%s» en la ventana"), key);
		return PREGON_EINVAL;
	}
	if (v->type == Y_SCALAR && v->plain &&
	    (strcmp(v->str, "null") == 0 || strcmp(v->str, "~") == 0))
		return 0;
	if (v->type != Y_SCALAR || date_parse(v->str, &d) || d.has_time) {
		y_error(diag, v, _("use el formato AAAA-MM-DD o null"),
			_("fecha no válida «%s»"), v->type == Y_SCALAR ? v->str : "…");
		return PREGON_EINVAL;
	}
	*out = days_of(&d);
	return 0;
}

static int is_exempt_topic(const char *id)
{
	for (const char *const *t = config_exempt_topics; *t; t++)
		if (strcmp(*t, id) == 0)
			return 1;
	return 0;
}

static int string_list(const y_node *r, const char *key, const char ***out,
		       size_t *n, int exempt_ids, pregon_diag *diag)
{
	const y_node *v = y_get(r, key);
	const y_node **items;
	if (!v) {
		y_error(diag, r, NULL, _("falta la clave «%s» en la ventana"), key);
		return PREGON_EINVAL;
	}
	if (v->type == Y_SEQ && v->n == 0) {
		*out = xmalloc(sizeof **out);
		*n = 0;
		return 0;
	}
	if (y_to_str_list(v, &items, n, diag))
		return PREGON_EINVAL;
	*out = xmalloc((*n ? *n : 1) * sizeof **out);
	for (size_t i = 0; i < *n; i++) {
		if (exempt_ids && !is_exempt_topic(items[i]->str)) {
			y_error(diag, items[i],
				_("use educacion, salud, proteccion-civil o autoridades-electorales"),
				_("excepción desconocida «%s»"), items[i]->str);
			free(items);
			return PREGON_EINVAL;
		}
		(*out)[i] = items[i]->str;
	}
	free(items);
	return 0;
}

static int load_calendar_window(electoral_state *s, const y_node *r,
				pregon_diag *diag)
{
	const char *where = _("la ventana del calendario");
	if (y_expect(r, Y_MAP, where, diag) ||
	    y_check_keys(r, window_keys, where, diag))
		return PREGON_EINVAL;
	window_t *w = add_window(s);
	const char *const required[] = { "id", "nombre", "tipo" };
	const char *vals[3];
	for (int i = 0; i < 3; i++) {
		const y_node *v = y_get(r, required[i]);
		if (!v) {
			y_error(diag, r, NULL, _("falta la clave «%s» en la ventana"),
				required[i]);
			return PREGON_EINVAL;
		}
		if (y_to_str(v, &vals[i], diag))
			return PREGON_EINVAL;
	}
	w->pub.id = vals[0];
	w->pub.name = vals[1];
	w->pub.kind = vals[2];
	const y_node *scope = y_get(r, "ambito"), *conf = y_get(r, "confirmada");
	if (scope && y_to_str(scope, &w->pub.scope, diag))
		return PREGON_EINVAL;
	long start, end;
	if (calendar_date(r, "inicio", &start, diag) ||
	    calendar_date(r, "fin", &end, diag))
		return PREGON_EINVAL;
	if ((start < 0) != (end < 0) || start > end) {
		y_error(diag, y_get(r, "fin"),
			_("dé las dos fechas, o null en ambas"),
			start > end ? _("la ventana termina antes de empezar")
				    : _("la ventana tiene una sola fecha"));
		return PREGON_EINVAL;
	}
	if (start >= 0)
		set_days(w, start, end);
	if (!conf) {
		y_error(diag, r, NULL, _("falta la clave «%s» en la ventana"),
			"confirmada");
		return PREGON_EINVAL;
	}
	if (y_to_bool(conf, &w->pub.confirmed, diag) ||
	    string_list(r, "excepciones", &w->exceptions, &w->pub.n_exceptions, 1,
			diag) ||
	    string_list(r, "fuentes", &w->sources, &w->pub.n_sources, 0, diag))
		return PREGON_EINVAL;
	w->pub.exceptions = w->exceptions;
	w->pub.sources = w->sources;
	w->pub.origin = s->calendar_path;
	for (size_t i = 0; i + 1 < s->n; i++)
		if (strcmp(s->w[i].pub.id, w->pub.id) == 0) {
			y_error(diag, y_get(r, "id"), NULL,
				_("la ventana «%s» ya está en el calendario"), w->pub.id);
			return PREGON_EINVAL;
		}
	return 0;
}

static int load_calendar(electoral_state *s, const kind_compile *c,
			 pregon_diag *diag)
{
	const y_node *where;
	const char *name;
	if (kind_require(c, "calendario",
			 _("añada «calendario: datos/calendario-electoral.yaml»"),
			 _("la regla no dice qué calendario electoral usar"), &where,
			 diag) ||
	    y_to_str(where, &name, diag))
		return PREGON_EINVAL;
	char *real = kind_data_path(c, name, &s->calendar_path);
	size_t len, bad;
	int rc = read_file(real, &s->calendar_text, &len, diag);
	free(real);
	if (rc) {
		pregon_diag_dispose(diag);
		y_error(diag, where, _("corrija la ruta (relativa a rules/)"),
			_("no se puede leer el calendario «%s»"), s->calendar_path);
		return PREGON_EIO;
	}
	if (text_validate(s->calendar_text, len, &bad)) {
		diag_set(diag, s->calendar_path, 0, 0, 0, NULL,
			 _("guarde el archivo como UTF-8"),
			 _("el archivo no es UTF-8 válido (byte %zu)"), bad);
		return PREGON_EINVAL;
	}
	if (y_parse(&s->calendar, s->calendar_path, s->calendar_text, len, 0, diag))
		return PREGON_EINVAL;
	const y_node *root = s->calendar, *v, *list;
	long version;
	if (!root) {
		diag_set(diag, s->calendar_path, 1, 1, 1, NULL,
			 _("escriba «version» y «ventanas»"),
			 _("el calendario está vacío"));
		return PREGON_EINVAL;
	}
	if (y_expect(root, Y_MAP, _("el calendario"), diag) ||
	    y_check_keys(root, calendar_keys, _("el calendario"), diag))
		return PREGON_EINVAL;
	if (!(v = y_get(root, "version")) || !(list = y_get(root, "ventanas"))) {
		y_error(diag, root, NULL, _("falta la clave «%s» en el calendario"),
			v ? "ventanas" : "version");
		return PREGON_EINVAL;
	}
	if (y_to_int(v, 1, 1, &version, diag) ||
	    y_expect(list, Y_SEQ, "ventanas", diag))
		return PREGON_EINVAL;
	for (size_t i = 0; i < list->n; i++)
		if (load_calendar_window(s, list->items[i], diag))
			return PREGON_EINVAL;
	return 0;
}

/* The configuration's windows, then the annual-report windows. */
static void add_config_windows(electoral_state *s, const config_t *cfg)
{
	for (size_t i = 0; cfg && i < cfg->n_windows; i++) {
		const config_window *cw = &cfg->windows[i];
		window_t *w = add_window(s);
		buf b;
		buf_init(&b);
		if (cw->id) {
			buf_puts(&b, cw->id);
		} else {
			buf_printf(&b, "configuracion-%zu", i + 1);
		}
		w->owned_id = buf_detach(&b);
		w->pub.id = w->owned_id;
		w->pub.name = cw->name;
		w->pub.kind = cw->kind ? cw->kind : "configuracion";
		w->pub.scope = cw->scope;
		w->pub.confirmed = cw->confirmed;
		set_days(w, days_of(&cw->start), days_of(&cw->end));
		size_t ne = cw->exceptions ? cw->n_exceptions : 4;
		w->exceptions = xmalloc((ne ? ne : 1) * sizeof *w->exceptions);
		for (size_t k = 0; k < ne; k++)
			w->exceptions[k] = cw->exceptions ? cw->exceptions[k]
							  : config_exempt_topics[k];
		w->pub.exceptions = w->exceptions;
		w->pub.n_exceptions = ne;
		w->sources = xmalloc(sizeof *w->sources);
		w->sources[0] = cw->source;
		w->pub.sources = w->sources;
		w->pub.n_sources = cw->source ? 1 : 0;
		w->pub.origin = cfg->path;
	}
	for (size_t i = 0; cfg && i < cfg->n_officials; i++) {
		const config_official *o = &cfg->officials[i];
		if (!o->has_report)
			continue;
		window_t *w = add_window(s);
		buf b;
		buf_init(&b);
		buf_printf(&b, "informe-%zu", i + 1);
		w->owned_id = buf_detach(&b);
		buf_printf(&b, _("Informe anual de %s"), o->name);
		if (o->office)
			buf_printf(&b, " (%s)", o->office);
		w->owned_name = buf_detach(&b);
		w->pub.id = w->owned_id;
		w->pub.name = w->owned_name;
		w->pub.kind = REPORT_KIND;
		w->pub.confirmed = 1;
		long d = days_of(&o->report);
		set_days(w, d - REPORT_BEFORE, d + REPORT_AFTER);
		w->pub.origin = cfg->path;
	}
}

static int is_report(const window_t *w)
{
	return strcmp(w->pub.kind, REPORT_KIND) == 0;
}

static int compile_topics(electoral_state *s, const kind_compile *c,
			  pregon_diag *diag)
{
	const y_node *t;
	if (kind_require(c, "temas", _("añada «temas» con las palabras de cada excepción"),
			 _("la regla no dice cómo reconocer los temas exentos"), &t,
			 diag) ||
	    y_expect(t, Y_MAP, "temas", diag) ||
	    y_check_keys(t, config_exempt_topics, "temas", diag))
		return PREGON_EINVAL;
	for (int i = 0; config_exempt_topics[i]; i++) {
		const y_node *v = y_get(t, config_exempt_topics[i]);
		if (v && kind_words_rx(&s->topics[i], v, diag))
			return PREGON_EINVAL;
	}
	return 0;
}

static int electoral_compile(void **out, const kind_compile *c,
			     pregon_diag *diag)
{
	static const char *const check_names[] = { "veda", "informe", "calendario" };
	*out = NULL;
	const y_node *what;
	const char *name;
	if (kind_overrides_known(c, &kind_electoral, diag) ||
	    kind_require(c, "comprueba", _("añada «comprueba: veda», «informe» o «calendario»"),
			 _("la regla no dice qué comprueba"), &what, diag) ||
	    y_to_str(what, &name, diag))
		return PREGON_EINVAL;
	electoral_state *s = xcalloc(1, sizeof *s);
	s->check = -1;
	for (int i = 0; i < 3; i++)
		if (strcmp(check_names[i], name) == 0)
			s->check = i;
	int rc = PREGON_EINVAL;
	if (s->check < 0) {
		y_error(diag, what, _("use veda, informe o calendario"),
			_("comprobación desconocida «%s»"), name);
		goto fail;
	}
	if ((rc = load_calendar(s, c, diag)))
		goto fail;
	add_config_windows(s, c->config);
	s->last_day = -1;
	for (size_t i = 0; i < s->n; i++) {
		/* only now: adding windows moved them */
		if (s->w[i].start >= 0) {
			s->w[i].pub.start = s->w[i].start_s;
			s->w[i].pub.end = s->w[i].end_s;
		}
		if (!is_report(&s->w[i]) && s->w[i].end > s->last_day) {
			s->last_day = s->w[i].end;
			s->last_name = s->w[i].pub.name;
		}
	}
	if (s->check == CHECK_BLACKOUT) {
		if ((rc = compile_topics(s, c, diag)) ||
		    (rc = promo_lexicon_load(&s->lx, c, diag)))
			goto fail;
	}
	if (s->check == CHECK_REPORT) {
		const y_node *r;
		if ((rc = kind_require(c, "informe", _("añada «informe» con las frases que lo anuncian"),
				       _("la regla no dice cómo reconocer un informe anual"),
				       &r, diag)) ||
		    (rc = kind_words_rx(&s->report, r, diag)))
			goto fail;
	}
	*out = s;
	return 0;
fail:
	electoral_free(s);
	return rc;
}

/* ---- checking ---------------------------------------------------------- */

static const char *exception_label(const char *id)
{
	if (strcmp(id, "educacion") == 0)
		return _("servicios educativos");
	if (strcmp(id, "salud") == 0)
		return _("salud");
	if (strcmp(id, "proteccion-civil") == 0)
		return _("protección civil en emergencias");
	return _("campañas de las autoridades electorales");
}

static void put_exceptions(buf *b, const window_t *w)
{
	if (!w->pub.n_exceptions) {
		buf_puts(b, _("sin excepciones"));
		return;
	}
	buf_puts(b, _("solo se permiten: "));
	for (size_t i = 0; i < w->pub.n_exceptions; i++)
		buf_printf(b, "%s%s", i ? ", " : "", exception_label(w->exceptions[i]));
}

static int topic_index(const char *id)
{
	for (int i = 0; config_exempt_topics[i]; i++)
		if (strcmp(config_exempt_topics[i], id) == 0)
			return i;
	return -1;
}

/* 1 when the text is about exempt topic i; 0, or PREGON_ELIMIT. */
static int text_about(const electoral_state *s, kind_run *run, int i)
{
	const text_view *v = doc_view(run->doc, TEXT_FOLD | TEXT_STRIP);
	size_t ms, me;
	if (!s->topics[i])
		return 0;
	return rx_next(s->topics[i], run->scratch, v->s, v->len, 0, &ms, &me);
}

static int window_allows(const window_t *w, const char *topic)
{
	for (size_t i = 0; i < w->pub.n_exceptions; i++)
		if (strcmp(w->exceptions[i], topic) == 0)
			return 1;
	return 0;
}

typedef struct {
	int found;
	buf what;
} first_element;

static void keep_first(void *ctx, const promo_element *e)
{
	first_element *f = ctx;
	if (!f->found++)
		buf_puts(&f->what, e->message);
}

static void emit_body(kind_run *run, const char *message, int is_error)
{
	const doc_t *d = run->doc;
	kind_finding f = { 0 };
	f.offset = d->body_off;
	f.length = d->len - d->body_off;
	f.message = message;
	f.text = "";
	f.is_error = is_error;
	run->emit(run, &f);
}

/* The window of `kind` (blackouts or reports) holding day `day`, confirmed
 * ones first; NULL when none does. */
static const window_t *window_on(const electoral_state *s, long day, int report)
{
	const window_t *best = NULL;
	for (size_t i = 0; i < s->n; i++) {
		const window_t *w = &s->w[i];
		if (w->start < 0 || day < w->start || day > w->end ||
		    is_report(w) != report)
			continue;
		if (!best || (w->pub.confirmed && !best->pub.confirmed))
			best = w;
	}
	return best;
}

static int check_blackout(const electoral_state *s, kind_run *run, long day,
			  const char *date)
{
	const window_t *w = window_on(s, day, 0);
	if (!w)
		return 0;
	const char *topic = run->doc->topic, *exempt = NULL;
	int declared_unsupported = 0, rc;
	if (topic && is_exempt_topic(topic) && window_allows(w, topic)) {
		if ((rc = text_about(s, run, topic_index(topic))) < 0)
			return rc;
		if (rc)
			exempt = topic;
		else
			declared_unsupported = 1;
	} else if (!topic) {
		for (int i = 0; config_exempt_topics[i] && !exempt; i++) {
			if (!window_allows(w, config_exempt_topics[i]))
				continue;
			if ((rc = text_about(s, run, i)) < 0)
				return rc;
			if (rc)
				exempt = config_exempt_topics[i];
		}
	}
	first_element promo = { 0, { 0 } };
	buf_init(&promo.what);
	if (exempt) {
		rc = promo_scan(s->lx, run,
				PROMO_OFFICIALS | PROMO_PERSONS | PROMO_FIRST_PERSON |
					PROMO_PARTIES | PROMO_ACHIEVEMENTS | PROMO_ELECTED,
				keep_first, &promo);
		if (rc < 0 || !promo.found) {
			buf_dispose(&promo.what);
			return rc < 0 ? rc : 0;
		}
	}
	buf m;
	buf_init(&m);
	if (!w->pub.confirmed)
		buf_printf(&m, _("verifique el calendario: la ventana no está confirmada; "));
	buf_printf(&m, _("publicación del %s dentro de la veda de «%s» (%s a %s): se suspende la propaganda gubernamental; "),
		   date, w->pub.name, w->pub.start, w->pub.end);
	put_exceptions(&m, w);
	if (exempt)
		buf_printf(&m, _("; el tema «%s» estaría exento, pero la publicación también promueve: %s"),
			   exempt, promo.what.ptr);
	else if (declared_unsupported)
		buf_printf(&m, _("; el tema declarado «%s» no se reconoce en el texto"), topic);
	emit_body(run, m.ptr, w->pub.confirmed);
	buf_dispose(&m);
	buf_dispose(&promo.what);
	return 0;
}

static int check_report(const electoral_state *s, kind_run *run, long day,
			const char *date)
{
	const text_view *v = doc_view(run->doc, TEXT_FOLD | TEXT_STRIP);
	size_t ms, me;
	int rc = rx_next(s->report, run->scratch, v->s, v->len, 0, &ms, &me);
	if (rc <= 0)
		return rc;
	const window_t *report = window_on(s, day, 1);
	const window_t *blackout = window_on(s, day, 0);
	int any = 0;
	for (size_t i = 0; i < s->n && !any; i++)
		any = is_report(&s->w[i]);
	buf m;
	buf_init(&m);
	if (blackout && blackout->pub.confirmed)
		buf_printf(&m, _("un informe anual no se difunde durante la veda de «%s» (%s a %s)"),
			   blackout->pub.name, blackout->pub.start, blackout->pub.end);
	else if (!any)
		buf_printf(&m, _("la publicación anuncia un informe anual: configure su fecha en «funcionarios» (clave «informe») para comprobar el plazo de 7 días antes y 5 después"));
	else if (!report)
		buf_printf(&m, _("la publicación del %s anuncia un informe anual fuera de su plazo: solo se difunde de 7 días antes a 5 días después de la fecha del informe"),
			   date);
	if (m.len) {
		kind_finding f = { 0 };
		size_t os, oe;
		text_view_span(v, ms, me, &os, &oe);
		f.offset = os;
		f.length = oe - os;
		f.message = m.ptr;
		f.is_error = any || blackout;
		run->emit(run, &f);
	}
	buf_dispose(&m);
	return 0;
}

static int electoral_check(const void *p, kind_run *run)
{
	const electoral_state *s = p;
	const doc_t *d = run->doc;
	if (!d->has_date)
		return 0;
	long day = days_of(&d->date);
	char date[11];
	snprintf(date, sizeof date, "%04d-%02d-%02d", d->date.year, d->date.month,
		 d->date.day);
	if (s->check == CHECK_BLACKOUT)
		return check_blackout(s, run, day, date);
	if (s->check == CHECK_REPORT)
		return check_report(s, run, day, date);
	if (s->last_day >= 0 && day > s->last_day) {
		int y, m, dd;
		char last[11];
		date_from_days(s->last_day, &y, &m, &dd);
		snprintf(last, sizeof last, "%04d-%02d-%02d", y, m, dd);
		buf b;
		buf_init(&b);
		buf_printf(&b, _("la fecha %s es posterior a la última ventana que conoce el calendario electoral («%s», hasta el %s): el calendario puede estar desactualizado"),
			   date, s->last_name, last);
		emit_body(run, b.ptr, 0);
		buf_dispose(&b);
	}
	return 0;
}

const kind_ops kind_electoral = { "electoral", keys, electoral_compile, NULL,
				  electoral_check, electoral_free, NULL };

/* ---- the windows, for --list-windows ------------------------------------ */

static const electoral_state *calendar_of(const pregon_engine *e)
{
	for (size_t i = 0; i < e->rules.n; i++)
		if (e->rules.items[i].kind == &kind_electoral)
			return e->rules.items[i].state;
	return NULL;
}

size_t pregon_engine_window_count(const pregon_engine *e)
{
	const electoral_state *s = calendar_of(e);
	return s ? s->n : 0;
}

const pregon_window *pregon_engine_window(const pregon_engine *e, size_t i)
{
	const electoral_state *s = calendar_of(e);
	return s && i < s->n ? &s->w[i].pub : NULL;
}
