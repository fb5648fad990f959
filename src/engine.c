/* engine.c: compile the configuration and rule sets once; run them over
 * documents; turn raw findings into a sorted, scored report. */
#include <assert.h>
#include <libintl.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine.h"
#include "mask.h"
#include "score.h"
#include "suppress.h"

#ifndef PREGON_DATADIR
#define PREGON_DATADIR "/usr/local/share/pregon"
#endif

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *join(const char *a, const char *b)
{
	buf x;
	buf_init(&x);
	buf_printf(&x, "%s/%s", a, b);
	return buf_detach(&x);
}

static int holds_rules(const char *dir)
{
	char *r = join(dir, "rules");
	int ok = is_dir(r);
	free(r);
	return ok;
}

char *engine_find_data_dir(const char *explicit_dir)
{
	if (explicit_dir)
		return holds_rules(explicit_dir) ? xstrdup(explicit_dir) : NULL;
	const char *env = getenv("PREGON_DATA");
	if (env && *env)
		return holds_rules(env) ? xstrdup(env) : NULL;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			/* the checkout (binary at the root), then an install
			 * prefix (bin/ beside share/pregon) */
			if (holds_rules(exe))
				return xstrdup(exe);
			char *share = join(exe, "../share/pregon");
			if (holds_rules(share))
				return share;
			free(share);
		}
	}
	return holds_rules(PREGON_DATADIR) ? xstrdup(PREGON_DATADIR) : NULL;
}

int pregon_i18n_init(const char *data_dir, pregon_lang lang)
{
	setlocale(LC_ALL, "");
	if (lang != PREGON_LANG_EN) {
		/* Spanish is the source language: with no catalogue bound the
		 * msgids themselves are shown, whatever LANGUAGE or LANG say. */
		bindtextdomain(PREGON_DOMAIN, "/nonexistent");
		return 0;
	}
	/* LANGUAGE is ignored in the C locale: make sure some UTF-8 locale
	 * is active, which every glibc has. */
	const char *cur = setlocale(LC_MESSAGES, NULL);
	if (!cur || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", "en", 1);
	char *dir = engine_find_data_dir(data_dir);
	const char *locale_env = getenv("PREGON_LOCALEDIR");
	char *locale = NULL;
	if (locale_env && *locale_env)
		locale = xstrdup(locale_env);
	else if (dir) {
		locale = join(dir, "locale");
		if (!is_dir(locale)) {
			free(locale);
			locale = join(dir, "../locale");
		}
	}
	if (locale)
		bindtextdomain(PREGON_DOMAIN, locale);
	bind_textdomain_codeset(PREGON_DOMAIN, "UTF-8");
	free(locale);
	free(dir);
	return 0;
}

static int find_rule_index(const pregon_engine *e, const char *id)
{
	for (size_t i = 0; i < e->rules.n; i++)
		if (strcmp(e->rules.items[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* Every `reglas` entry of the configuration must name a loaded rule or
 * rule set: a misspelt id would otherwise silently change nothing. */
static int check_config_ids(const pregon_engine *e, pregon_diag *diag)
{
	const config_t *c = e->config;
	for (size_t i = 0; i < c->n_rules; i++) {
		const char *id = c->rules[i].id;
		int found = find_rule_index(e, id) >= 0;
		size_t len = strlen(id);
		for (size_t j = 0; j < e->rules.n && !found; j++)
			found = strncmp(e->rules.items[j].id, id, len) == 0 &&
				e->rules.items[j].id[len] == '.';
		if (found)
			continue;
		const char **ids = xmalloc((e->rules.n + 1) * sizeof *ids);
		for (size_t j = 0; j < e->rules.n; j++)
			ids[j] = e->rules.items[j].id;
		ids[e->rules.n] = NULL;
		const char *near = closest_word(id, ids);
		char hint[256];
		if (near)
			snprintf(hint, sizeof hint, _("¿quiso decir «%s»?"), near);
		else
			snprintf(hint, sizeof hint, "%s",
				 _("vea las reglas con pregon --list-rules"));
		y_error(diag, c->rules[i].where, hint,
			_("no hay ninguna regla ni conjunto «%s»"), id);
		free(ids);
		return PREGON_EINVAL;
	}
	return 0;
}

static int load_rules(pregon_engine *e, const pregon_engine_options *o,
		      pregon_diag *diag)
{
	const char **paths = NULL;
	size_t n = 0;
	char *defaults = NULL;
	if (o->n_rule_paths) {
		paths = xmalloc(o->n_rule_paths * sizeof *paths);
		for (size_t i = 0; i < o->n_rule_paths; i++)
			paths[n++] = o->rule_paths[i];
	} else {
		paths = xmalloc((e->config->n_rule_sets + 1) * sizeof *paths);
		if (e->config->defaults) {
			if (!e->data_dir) {
				free(paths);
				diag_set(diag, NULL, 0, 0, 0, NULL,
					 _("defina PREGON_DATA con la carpeta que contiene rules/"),
					 _("no se encuentran las reglas predeterminadas de pregon"));
				return PREGON_ENOTFOUND;
			}
			defaults = join(e->data_dir, "rules");
			paths[n++] = defaults;
		}
		for (size_t i = 0; i < e->config->n_rule_sets; i++)
			paths[n++] = e->config->rule_sets[i];
	}
	/* a few default sets instead of the whole folder */
	char **chosen = NULL;
	if (defaults && o->n_default_sets) {
		chosen = xmalloc(o->n_default_sets * sizeof *chosen);
		paths = xrealloc(paths, (n + o->n_default_sets) * sizeof *paths);
		memmove(paths + o->n_default_sets, paths + 1, (n - 1) * sizeof *paths);
		for (size_t i = 0; i < o->n_default_sets; i++) {
			buf b;
			buf_init(&b);
			buf_printf(&b, "%s/%s.yaml", defaults, o->default_sets[i]);
			chosen[i] = buf_detach(&b);
			paths[i] = chosen[i];
		}
		n += o->n_default_sets - 1;
	}
	size_t n_defaults = chosen ? o->n_default_sets : defaults ? 1 : 0;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		rc = rs_load_path(&e->rules, paths[i], e->config, e->data_dir, diag);
		if (rc == PREGON_ENOTFOUND && !o->n_rule_paths && i >= n_defaults) {
			/* point at the `conjuntos` entry that names it */
			size_t k = i - n_defaults;
			y_error(diag, e->config->rule_set_nodes[k],
				_("corrija la ruta (relativa a la configuración)"),
				_("no existe el conjunto de reglas «%s»"), paths[i]);
		}
		e->sources = xrealloc(e->sources, (e->n_sources + 1) * sizeof *e->sources);
		e->sources[e->n_sources++] = xstrdup(paths[i]);
	}
	for (size_t i = 0; chosen && i < o->n_default_sets; i++)
		free(chosen[i]);
	free(chosen);
	free(paths);
	free(defaults);
	return rc;
}

int pregon_engine_new(pregon_engine **out, const pregon_engine_options *o,
		      pregon_diag *diag)
{
	*out = NULL;
	pregon_engine_options none = { 0 };
	if (!o)
		o = &none;
	pregon_engine *e = xcalloc(1, sizeof *e);
	e->lang = o->lang;
	e->config_origin = o->config_origin ? xstrdup(o->config_origin) : NULL;
	pthread_mutex_init(&e->pool_lock, NULL);
	e->data_dir = engine_find_data_dir(o->data_dir);
	int rc = 0;
	if (o->data_dir && !e->data_dir) {
		diag_set(diag, o->data_dir, 0, 0, 0, NULL,
			 _("la carpeta debe contener rules/"),
			 _("carpeta de datos no válida"));
		rc = PREGON_ENOTFOUND;
	} else if (o->config_path) {
		rc = config_load(&e->config, o->config_path, diag);
	} else {
		e->config = config_new_default();
	}
	if (rc == 0)
		rc = load_rules(e, o, diag);
	if (rc == 0)
		rc = check_config_ids(e, diag);
	if (rc) {
		pregon_engine_free(e);
		return rc;
	}
	for (size_t i = 0; i < e->rules.n; i++) {
		rule_t *r = &e->rules.items[i];
		r->info.message = e->lang == PREGON_LANG_EN && r->message_en
					  ? r->message_en
					  : r->message_es;
	}
	*out = e;
	return 0;
}

void pregon_engine_free(pregon_engine *e)
{
	if (!e)
		return;
	rs_list_dispose(&e->rules);
	for (size_t i = 0; i < e->n_sources; i++)
		free(e->sources[i]);
	free(e->sources);
	for (size_t i = 0; i < e->n_pool; i++)
		rx_scratch_free(e->pool[i]);
	free(e->pool);
	pthread_mutex_destroy(&e->pool_lock);
	config_free(e->config);
	free(e->config_origin);
	free(e->data_dir);
	free(e);
}

pregon_lang pregon_engine_lang(const pregon_engine *e)
{
	return e->lang;
}

int pregon_engine_review_threshold(const pregon_engine *e)
{
	return e->config->review_threshold;
}

const char *pregon_engine_word_file(const pregon_engine *e)
{
	return e->config->word_file;
}

size_t pregon_engine_rule_count(const pregon_engine *e)
{
	return e->rules.n;
}

const pregon_rule_info *pregon_engine_rule(const pregon_engine *e, size_t i)
{
	return i < e->rules.n ? &e->rules.items[i].info : NULL;
}

const pregon_rule_info *pregon_engine_find_rule(const pregon_engine *e,
						const char *id)
{
	int i = find_rule_index(e, id);
	return i < 0 ? NULL : &e->rules.items[i].info;
}

const char *pregon_engine_rule_description(const pregon_engine *e,
					   const char *id)
{
	int i = find_rule_index(e, id);
	if (i < 0)
		return NULL;
	const rule_t *r = &e->rules.items[i];
	if (e->lang == PREGON_LANG_EN && r->description_en)
		return r->description_en;
	return r->description_es;
}

size_t pregon_rule_example_count(const pregon_engine *e, const char *id,
				 int must_flag)
{
	int i = find_rule_index(e, id);
	if (i < 0)
		return 0;
	const rule_t *r = &e->rules.items[i];
	return must_flag ? r->n_must_flag : r->n_must_pass;
}

const char *pregon_rule_example(const pregon_engine *e, const char *id,
				int must_flag, size_t k)
{
	int i = find_rule_index(e, id);
	if (i < 0)
		return NULL;
	const rule_t *r = &e->rules.items[i];
	if (must_flag)
		return k < r->n_must_flag ? r->must_flag[k] : NULL;
	return k < r->n_must_pass ? r->must_pass[k] : NULL;
}

/* ---- checking ---------------------------------------------------------- */

typedef struct {
	const rule_t *rule;
	pregon_severity severity;
	size_t offset, length;
	char *message;           /* the template until the report is built */
	char *text;              /* NULL for personal data until masked */
	char **suggestions;
	size_t n_suggestions;
	int sensitive;
} raw_finding;

/* The figures every report has (characters, words), then its readability
 * when it has words, then room for the ones rules add (kind_run.metric: a
 * fixed set of names, such as the length's). */
enum { BASE_METRICS = 2, RULE_METRICS = 6 };

typedef struct {
	raw_finding *items;
	size_t n, cap;
	const rule_t *rule; /* the rule being run */
	const pregon_engine *engine;
	pregon_metric metrics[RULE_METRICS];
	size_t n_metrics;
} collector;

static rx_scratch *scratch_take(pregon_engine *e)
{
	rx_scratch *s = NULL;
	pthread_mutex_lock(&e->pool_lock);
	if (e->n_pool)
		s = e->pool[--e->n_pool];
	pthread_mutex_unlock(&e->pool_lock);
	return s ? s : rx_scratch_new();
}

static void scratch_give(pregon_engine *e, rx_scratch *s)
{
	pthread_mutex_lock(&e->pool_lock);
	xgrow(&e->pool, &e->pool_cap, e->n_pool + 1, sizeof *e->pool);
	e->pool[e->n_pool++] = s;
	pthread_mutex_unlock(&e->pool_lock);
}

/* The rule's message with {texto} and {sugerencia} filled in. */
static char *fill_message(const char *tmpl, const char *text,
			  const char *suggestion)
{
	buf b;
	buf_init(&b);
	for (const char *p = tmpl; *p;) {
		if (strncmp(p, "{texto}", 7) == 0) {
			buf_puts(&b, text);
			p += 7;
		} else if (strncmp(p, "{sugerencia}", 12) == 0) {
			buf_puts(&b, suggestion ? suggestion : "");
			p += 12;
		} else {
			buf_putc(&b, *p++);
		}
	}
	return buf_detach(&b);
}

/* The matched text as shown in messages: whole, but cut at 60 code points
 * and at the first line break. */
static char *shown_text(const char *s, size_t len)
{
	size_t i = 0, cps = 0;
	while (i < len && s[i] != '\n' && s[i] != '\r' && cps < 60) {
		i += (size_t)text_u8len((unsigned char)s[i]);
		cps++;
	}
	if (i > len)
		i = len;
	if (i == len)
		return xstrndup(s, len);
	buf b;
	buf_init(&b);
	buf_put(&b, s, i);
	buf_puts(&b, "…");
	return buf_detach(&b);
}

static void collect(kind_run *run, const kind_finding *f)
{
	collector *c = run->emit_ctx;
	const rule_t *r = c->rule;
	const doc_t *d = run->doc;
	if (f->offset > d->len || f->length > d->len - f->offset)
		return; /* a kind's bug must not read out of bounds */
	xgrow(&c->items, &c->cap, c->n + 1, sizeof *c->items);
	raw_finding *x = &c->items[c->n++];
	memset(x, 0, sizeof *x);
	x->rule = r;
	x->severity = f->is_error ? PREGON_SEV_ERROR : r->info.severity;
	if (f->at_most_warning && x->severity > PREGON_SEV_WARNING)
		x->severity = PREGON_SEV_WARNING;
	x->offset = f->offset;
	x->length = f->length;
	x->sensitive = f->sensitive;
	/* A datum is never copied: its text is made from the masked input
	 * once every rule has run. */
	if (!f->sensitive)
		x->text = f->text ? xstrdup(f->text)
				  : xstrndup(d->input + f->offset, f->length);
	if (f->n_suggestions && !f->sensitive) {
		x->suggestions = xmalloc(f->n_suggestions * sizeof *x->suggestions);
		for (size_t i = 0; i < f->n_suggestions; i++)
			x->suggestions[i] = xstrdup(f->suggestions[i]);
		x->n_suggestions = f->n_suggestions;
	}
	x->message = xstrdup(f->message ? f->message : r->info.message);
}

static void collect_metric(kind_run *run, const char *name, double value)
{
	collector *c = run->emit_ctx;
	size_t i = 0;
	while (i < c->n_metrics && strcmp(c->metrics[i].name, name) != 0)
		i++;
	assert(i < RULE_METRICS);
	c->metrics[i].name = name;
	c->metrics[i].value = value;
	if (i == c->n_metrics)
		c->n_metrics++;
}

static void free_suggestions(raw_finding *x)
{
	for (size_t k = 0; k < x->n_suggestions; k++)
		free(x->suggestions[k]);
	free(x->suggestions);
	x->suggestions = NULL;
	x->n_suggestions = 0;
}

static void drop_finding(raw_finding *x)
{
	free(x->message);
	free(x->text);
	free_suggestions(x);
}

/* The spans of personal data, sorted and merged: the findings are sorted
 * by offset already. */
static pregon_span *sensitive_spans(const collector *c, size_t *out_n)
{
	pregon_span *spans = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < c->n; i++) {
		const raw_finding *x = &c->items[i];
		if (!x->sensitive)
			continue;
		if (n && x->offset <= spans[n - 1].offset + spans[n - 1].length) {
			size_t end = x->offset + x->length;
			if (end > spans[n - 1].offset + spans[n - 1].length)
				spans[n - 1].length = end - spans[n - 1].offset;
			continue;
		}
		xgrow(&spans, &cap, n + 1, sizeof *spans);
		spans[n].offset = x->offset;
		spans[n++].length = x->length;
	}
	*out_n = n;
	return spans;
}

/* Mask personal data in the text of every finding that touches it (the
 * datum's own, a caps or spelling finding on the same words), then fill
 * in the messages, which may quote that text. */
static void finish_texts(collector *c, const doc_t *d, const pregon_span *spans,
			 size_t n_spans)
{
	for (size_t i = 0; i < c->n; i++) {
		raw_finding *x = &c->items[i];
		if (x->sensitive || mask_touches(spans, n_spans, x->offset, x->length)) {
			buf b;
			buf_init(&b);
			mask_put(&b, d->input, d->len, x->offset, x->offset + x->length,
				 spans, n_spans);
			free(x->text);
			x->text = buf_detach(&b);
			free_suggestions(x);
			/* another kind's own message may quote the words
			 * ("falta acento: «Héroes»"): its rule's template
			 * quotes the masked text instead */
			if (!x->sensitive) {
				free(x->message);
				x->message = xstrdup(x->rule->info.message);
			}
		}
		char *shown = shown_text(x->text, strlen(x->text));
		char *msg = fill_message(x->message, shown,
					 x->n_suggestions ? x->suggestions[0] : NULL);
		free(shown);
		free(x->message);
		x->message = msg;
	}
}

static void resolve_context(doc_t *d, const pregon_check_options *o)
{
	const y_node *n;
	/* the option, else the front matter, else today */
	if ((o->date && date_parse(o->date, &d->date) == 0) ||
	    ((n = y_get(d->fm, "fecha")) && n->type == Y_SCALAR &&
	     date_parse(n->str, &d->date) == 0) ||
	    (o->today && date_parse(o->today, &d->date) == 0))
		d->has_date = 1;
	if (o->platform && doc_is_platform(o->platform))
		d->platform = o->platform;
	else if ((n = y_get(d->fm, "plataforma")) && n->type == Y_SCALAR &&
		 doc_is_platform(n->str))
		d->platform = n->str;
	if (o->topic && doc_is_topic(o->topic))
		d->topic = o->topic;
	else if ((n = y_get(d->fm, "tema")) && n->type == Y_SCALAR &&
		 doc_is_topic(n->str))
		d->topic = n->str;
}

static int by_position(const void *a, const void *b)
{
	const raw_finding *x = a, *y = b;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	if (x->length != y->length)
		return x->length < y->length ? -1 : 1;
	return strcmp(x->rule->id, y->rule->id);
}

/* Words of the prose and code points of the body. */
static void count_words(const doc_t *d, double *words, double *chars)
{
	const char *s = d->prose + d->body_off;
	size_t len = d->len - d->body_off;
	size_t w = 0;
	int in_word = 0;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		int n = text_decode(s + i, len - i, &cp);
		int alnum = text_is_alnum(cp);
		w += alnum && !in_word;
		in_word = alnum;
		i += (size_t)n;
	}
	*words = (double)w;
	*chars = (double)text_count_cp(d->input + d->body_off, len);
}

/* The rule allows it, there is exactly one suggestion, nothing crosses a
 * line, and for `acentos` the suggestion is the text with accents added. */
static int is_safe_fix(const doc_t *d, const raw_finding *x)
{
	if (x->rule->safe_fix == RS_FIX_NONE || x->n_suggestions != 1)
		return 0;
	const char *sug = x->suggestions[0], *span = d->input + x->offset;
	if (strchr(sug, '\n') || memchr(span, '\n', x->length))
		return 0;
	if (x->rule->safe_fix == RS_FIX_ALWAYS)
		return 1;
	char *a = text_normalize(span, x->length, TEXT_STRIP);
	char *b = text_normalize(sug, strlen(sug), TEXT_STRIP);
	int same = strcmp(a, b) == 0 && (x->length != strlen(sug) ||
					 memcmp(span, sug, x->length) != 0);
	free(a);
	free(b);
	return same;
}

static pregon_report *build_report(const pregon_engine *e, doc_t *d,
				   const char *path, collector *c)
{
	if (c->n)
		qsort(c->items, c->n, sizeof *c->items, by_position);
	/* Two rules of one category on the same span say the same thing
	 * (a substitution and the dictionary on "informacion"): the first in
	 * rule order speaks, the post is not penalized twice. */
	size_t kept = 0;
	for (size_t i = 0; i < c->n; i++) {
		raw_finding *x = &c->items[i];
		const raw_finding *prev = kept ? &c->items[kept - 1] : NULL;
		if (prev && prev->offset == x->offset && prev->length == x->length &&
		    strcmp(prev->rule->category, x->rule->category) == 0) {
			drop_finding(x);
			continue;
		}
		c->items[kept++] = *x;
	}
	c->n = kept;
	size_t n_spans;
	pregon_span *spans = sensitive_spans(c, &n_spans);
	finish_texts(c, d, spans, n_spans);
	pregon_report *rep = xcalloc(1, sizeof *rep);
	rep->path = xstrdup(path);
	rep->input = d->input;
	rep->input_len = d->len;
	rep->body_offset = d->body_off;
	rep->sensitive = spans;
	rep->n_sensitive = n_spans;
	pregon_finding *fs = xcalloc(c->n ? c->n : 1, sizeof *fs);
	int *weights = xmalloc((c->n ? c->n : 1) * sizeof *weights);
	pregon_severity *sevs = xmalloc((c->n ? c->n : 1) * sizeof *sevs);
	for (size_t i = 0; i < c->n; i++) {
		raw_finding *x = &c->items[i];
		pregon_finding *f = &fs[i];
		f->safe_fix = is_safe_fix(d, x);
		f->rule = xstrdup(x->rule->id);
		f->category = xstrdup(x->rule->category);
		f->criterio = xstrdup(x->rule->criterio);
		f->severity = x->severity;
		f->weight = x->rule->info.weight;
		f->message = x->message;
		f->text = x->text;
		f->offset = x->offset;
		f->length = x->length;
		text_linemap_locate(&d->lines, x->offset, &f->line, &f->col);
		text_linemap_locate(&d->lines, x->offset + x->length, &f->end_line,
				    &f->end_col);
		if (x->n_suggestions) {
			pregon_suggestion *s = xcalloc(x->n_suggestions, sizeof *s);
			for (size_t k = 0; k < x->n_suggestions; k++)
				s[k].text = x->suggestions[k];
			free(x->suggestions);
			f->suggestions = s;
			f->n_suggestions = x->n_suggestions;
		}
		weights[i] = f->weight;
		sevs[i] = f->severity;
	}
	rep->findings = fs;
	rep->n_findings = c->n;
	rep->score = score_compute(weights, c->n);
	rep->verdict = score_verdict(sevs, c->n, rep->score,
				     e->config->review_threshold);
	free(weights);
	free(sevs);
	pregon_metric *m = xcalloc(BASE_METRICS + 1 + c->n_metrics, sizeof *m); /* + readability */
	m[0].name = "caracteres";
	m[1].name = "palabras";
	double words, chars;
	count_words(d, &words, &chars);
	m[0].value = chars;
	m[1].value = words;
	size_t n = BASE_METRICS;
	/* INFLESZ, to one decimal like its published scale; a post without
	 * words has none */
	const rd_text *rd = doc_readability(d);
	if (rd->n_words) {
		m[n].name = "legibilidad";
		m[n++].value = round(rd_inflesz(rd) * 10) / 10;
	}
	memcpy(m + n, c->metrics, c->n_metrics * sizeof *m);
	rep->metrics = m;
	rep->n_metrics = n + c->n_metrics;
	free(c->items);
	return rep;
}

/* A rule whose pattern ran out of its match limit blocks the post with an
 * error of that rule: the text was not fully checked. */
static void limit_finding(kind_run *run)
{
	const doc_t *d = run->doc;
	kind_finding f = { 0 };
	f.offset = d->body_off;
	f.length = d->len - d->body_off;
	f.message = _("la expresión regular de la regla agotó el límite de búsqueda en este texto; simplifique el patrón");
	f.text = "";
	f.is_error = 1;
	run->emit(run, &f);
}

/* An id in a suppression must name a loaded rule or rule set. */
static void mark_known_ids(const pregon_engine *e, sup_list *l, const char *input)
{
	for (size_t i = 0; i < l->n; i++)
		for (size_t k = 0; k < l->items[i].n_ids; k++) {
			sup_id *id = &l->items[i].ids[k];
			for (size_t j = 0; j < e->rules.n && !id->known; j++)
				id->known = sup_id_names(input, id, e->rules.items[j].id);
		}
}

/* Drop the findings a valid directive covers. */
static void apply_suppressions(sup_list *l, const doc_t *d, collector *c)
{
	size_t kept = 0;
	for (size_t i = 0; i < c->n; i++) {
		raw_finding *x = &c->items[i];
		if (sup_covers(l, d->input, x->offset, x->rule->id)) {
			drop_finding(x);
			continue;
		}
		c->items[kept++] = *x;
	}
	c->n = kept;
}

int pregon_check(pregon_report **out, const pregon_engine *engine,
		 const char *path, const char *input, size_t input_len,
		 const pregon_check_options *opts, pregon_diag *diag)
{
	*out = NULL;
	pregon_check_options none = { 0 };
	if (!opts)
		opts = &none;
	if (!path)
		path = "-";
	doc_t d;
	int rc = doc_parse(&d, path, input, input_len, opts->plain_text, diag);
	if (rc) {
		pregon_batch_settle(opts->batch, opts->batch_seq);
		return rc;
	}
	resolve_context(&d, opts);
	pregon_engine *e = (pregon_engine *)engine; /* only the pool changes */
	rx_scratch *scratch = scratch_take(e);
	collector c = { NULL, 0, 0, NULL, engine, { { NULL, 0 } }, 0 };
	kind_run run = { &d, scratch, engine->config, engine->lang, opts->suggest,
			 collect, collect_metric, &c, opts->batch, opts->batch_seq,
			 opts->cross_files_only, NULL };
	sup_list sups;
	sup_parse(&sups, &d);
	mark_known_ids(engine, &sups, d.input);
	/* the rules that audit suppressions run once the others' findings
	 * are in and the directives have been applied to them */
	/* a cross-files-only check has no suppressions to audit: the rules
	 * they silence did not run */
	int passes = opts->cross_files_only ? 1 : 2;
	for (int audit = 0; audit < passes; audit++) {
		if (audit) {
			apply_suppressions(&sups, &d, &c);
			run.suppressions = &sups;
		}
		for (size_t i = 0; i < engine->rules.n; i++) {
			const rule_t *r = &engine->rules.items[i];
			if ((r->kind == &kind_suppression) != audit ||
			    (opts->only_rule ? strcmp(opts->only_rule, r->id) != 0
					     : !r->info.enabled) ||
			    (opts->cross_files_only &&
			     !(r->kind->across_files && r->kind->across_files(r->state))))
				continue;
			c.rule = r;
			if (r->kind->check(r->state, &run) == PREGON_ELIMIT)
				limit_finding(&run);
		}
	}
	sup_dispose(&sups);
	scratch_give(e, scratch);
	pregon_batch_settle(opts->batch, opts->batch_seq);
	*out = build_report(engine, &d, path, &c);
	doc_dispose(&d);
	return 0;
}

pregon_report *pregon_report_new_error(const char *path, const char *error)
{
	pregon_report *rep = xcalloc(1, sizeof *rep);
	rep->path = xstrdup(path);
	rep->error = xstrdup(error);
	rep->score = 0;
	rep->verdict = PREGON_VERDICT_BLOCK;
	return rep;
}

void pregon_report_free(pregon_report *rep)
{
	if (!rep)
		return;
	for (size_t i = 0; i < rep->n_findings; i++) {
		pregon_finding *f = (pregon_finding *)&rep->findings[i];
		free((char *)f->rule);
		free((char *)f->category);
		free((char *)f->criterio);
		free((char *)f->message);
		free((char *)f->text);
		for (size_t k = 0; k < f->n_suggestions; k++)
			free((char *)f->suggestions[k].text);
		free((void *)f->suggestions);
	}
	free((void *)rep->findings);
	free((void *)rep->metrics);
	free((void *)rep->sensitive);
	free((char *)rep->path);
	free((char *)rep->error);
	free(rep);
}

/* ---- rule examples ----------------------------------------------------- */

static int run_example(const pregon_engine *e, const rule_t *r,
		       const char *text, int must_flag, buf *log)
{
	pregon_check_options o = { 0 };
	o.only_rule = r->id;
	o.today = "2026-01-15";
	pregon_report *rep = NULL;
	pregon_diag diag;
	pregon_diag_init(&diag);
	int rc = pregon_check(&rep, e, r->source, text, strlen(text), &o, &diag);
	int failed = 0;
	if (rc) {
		buf_printf(log, "%s:%d: %s: %s: %s\n", r->source, r->info.line,
			   r->id, _("el ejemplo no se puede revisar"),
			   diag.message ? diag.message : "");
		failed = 1;
	} else if (must_flag && rep->n_findings == 0) {
		buf_printf(log, "%s:%d: %s: %s «%s»\n", r->source, r->info.line,
			   r->id, _("no marca el ejemplo"), text);
		failed = 1;
	} else if (!must_flag && rep->n_findings > 0) {
		buf_printf(log, "%s:%d: %s: %s «%s» (%s)\n", r->source,
			   r->info.line, r->id, _("marca un ejemplo que debía aceptar"),
			   text, rep->findings[0].text);
		failed = 1;
	}
	pregon_report_free(rep);
	pregon_diag_dispose(&diag);
	return failed;
}

int pregon_engine_test_examples(const pregon_engine *e, char **out_log,
				size_t *out_total)
{
	buf log;
	buf_init(&log);
	int failed = 0;
	size_t total = 0;
	for (size_t i = 0; i < e->rules.n; i++) {
		/* a rule that is off was not prepared; its examples need it */
		rule_t *r = (rule_t *)&e->rules.items[i];
		if (r->kind->prepare && !r->prepared) {
			pregon_diag diag;
			pregon_diag_init(&diag);
			r->prepared = r->kind->prepare(r->state, &diag) == 0;
			if (!r->prepared) {
				buf_printf(&log, "%s:%d: %s: %s\n", r->source, r->info.line,
					   r->id, diag.message ? diag.message : "");
				failed += (int)(r->n_must_flag + r->n_must_pass);
				total += r->n_must_flag + r->n_must_pass;
				pregon_diag_dispose(&diag);
				continue;
			}
			pregon_diag_dispose(&diag);
		}
		for (size_t k = 0; k < r->n_must_flag; k++, total++)
			failed += run_example(e, r, r->must_flag[k], 1, &log);
		for (size_t k = 0; k < r->n_must_pass; k++, total++)
			failed += run_example(e, r, r->must_pass[k], 0, &log);
	}
	*out_log = buf_detach(&log);
	*out_total = total;
	return failed;
}

/* ---- the merged configuration ----------------------------------------- */

/* Where a rule's settings come from: its rule set, then every `reglas`
 * entry of the configuration that names it or its set. */
static void emit_rule_origin(buf *b, const config_t *c, const rule_t *r)
{
	buf_printf(b, "  # %s:%d", r->source, r->info.line);
	size_t len = strlen(r->id);
	for (size_t i = 0; i < c->n_rules; i++) {
		const char *id = c->rules[i].id;
		size_t k = strlen(id);
		if (k <= len && strncmp(r->id, id, k) == 0 &&
		    (r->id[k] == '\0' || r->id[k] == '.'))
			buf_printf(b, ", %s:%d:%d", c->path, c->rules[i].where->line,
				   c->rules[i].where->col);
	}
}

char *pregon_engine_config_yaml(const pregon_engine *e)
{
	buf b;
	buf_init(&b);
	buf_puts(&b, "version: 1\n");
	if (e->config_origin)
		buf_printf(&b, "# %s: %s\n", _("configuración"), e->config_origin);
	config_emit(e->config, &b);
	buf_puts(&b, "datos: ");
	if (e->data_dir)
		config_emit_scalar(&b, e->data_dir);
	else
		buf_puts(&b, "null");
	buf_puts(&b, "\nconjuntos:\n");
	for (size_t i = 0; i < e->n_sources; i++) {
		buf_puts(&b, "  - ");
		config_emit_scalar(&b, e->sources[i]);
		buf_putc(&b, '\n');
	}
	buf_puts(&b, "reglas:\n");
	for (size_t i = 0; i < e->rules.n; i++) {
		const rule_t *r = &e->rules.items[i];
		buf_printf(&b, "  %s: {activa: %s, severidad: %s, peso: %d}", r->id,
			   r->info.enabled ? "true" : "false",
			   pregon_severity_name(r->info.severity), r->info.weight);
		emit_rule_origin(&b, e->config, r);
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}
