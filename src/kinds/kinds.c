/* kinds.c: the table of rule kinds and helpers every kind shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kind.h"

static const kind_ops *const kind_table[] = {
	&kind_pattern,
	&kind_substitution,
	&kind_caps,
	&kind_repetition,
	&kind_front_matter,
	&kind_spelling,
	&kind_offensive,
	&kind_length,
	&kind_links,
	&kind_spam,
	&kind_personal_data,
	&kind_promotion,
	&kind_electoral,
	&kind_suppression,
	&kind_endorsement,
	&kind_clarity,
};

#define N_KINDS (sizeof kind_table / sizeof *kind_table)

const kind_ops *kind_find(const char *name)
{
	for (size_t i = 0; i < N_KINDS; i++)
		if (strcmp(kind_table[i]->name, name) == 0)
			return kind_table[i];
	return NULL;
}

const char *kind_names(void)
{
	static char names[256];
	if (!names[0]) {
		size_t k = 0;
		for (size_t i = 0; i < N_KINDS; i++) {
			size_t n = strlen(kind_table[i]->name);
			if (k + n + 3 >= sizeof names)
				break;
			if (i) {
				memcpy(names + k, ", ", 2);
				k += 2;
			}
			memcpy(names + k, kind_table[i]->name, n);
			k += n;
		}
		names[k] = '\0';
	}
	return names;
}

const y_node *kind_get(const kind_compile *c, const char *key)
{
	const y_node *v = c->overrides ? y_get(c->overrides, key) : NULL;
	return v ? v : y_get(c->rule, key);
}

int kind_require(const kind_compile *c, const char *key, const char *hint,
		 const char *what, const y_node **out, pregon_diag *diag)
{
	*out = kind_get(c, key);
	if (*out)
		return 0;
	y_error(diag, c->rule, hint, "%s", what);
	return PREGON_EINVAL;
}

int kind_bool(const kind_compile *c, const char *key, int dflt, int *out,
	      pregon_diag *diag)
{
	const y_node *n = kind_get(c, key);
	*out = dflt;
	return n ? y_to_bool(n, out, diag) : 0;
}

int kind_int(const kind_compile *c, const char *key, long dflt, long min,
	     long max, long *out, pregon_diag *diag)
{
	const y_node *n = kind_get(c, key);
	*out = dflt;
	return n ? y_to_int(n, min, max, out, diag) : 0;
}

int kind_double(const kind_compile *c, const char *key, double dflt,
		double min, double max, double *out, pregon_diag *diag)
{
	const y_node *n = kind_get(c, key);
	*out = dflt;
	return n ? y_to_double(n, min, max, out, diag) : 0;
}

int kind_overrides_known(const kind_compile *c, const kind_ops *ops,
			 pregon_diag *diag)
{
	if (!c->overrides)
		return 0;
	char where[160];
	snprintf(where, sizeof where, _("las opciones de «%s» (tipo %s)"),
		 c->rule_id, ops->name);
	return y_check_keys(c->overrides, ops->keys, where, diag);
}

void kind_emit_view_span(kind_run *run, const text_view *v, size_t vs,
			 size_t ve, const char *message,
			 const char *const *suggestions, size_t n_suggestions)
{
	kind_finding f = { 0 };
	size_t start, end;
	text_view_span(v, vs, ve, &start, &end);
	f.offset = start;
	f.length = end - start;
	f.message = message;
	f.suggestions = suggestions;
	f.n_suggestions = n_suggestions;
	run->emit(run, &f);
}

void kind_emit_post(kind_run *run, const char *message)
{
	kind_finding f = { 0 };
	f.offset = run->doc->body_off;
	f.length = run->doc->len - run->doc->body_off;
	f.message = message;
	run->emit(run, &f);
}

static int longer_first(const void *a, const void *b)
{
	size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);
	if (x != y)
		return x > y ? -1 : 1;
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int kind_words_rx(rx **out, const y_node *n, pregon_diag *diag)
{
	const y_node **items = NULL;
	size_t k = 0;
	*out = NULL;
	if (n && y_to_str_list(n, &items, &k, diag))
		return PREGON_EINVAL;
	const char **w = xmalloc((k ? k : 1) * sizeof *w);
	for (size_t i = 0; i < k; i++)
		w[i] = items[i]->str;
	int rc = 0;
	if (k) {
		char *alt = kind_word_alternation(w, k, TEXT_FOLD | TEXT_STRIP);
		rc = rx_compile(out, alt, strlen(alt), RX_CASELESS | RX_WORD, n, diag);
		free(alt);
	}
	free(w);
	free(items);
	return rc;
}

int kind_config_list(const kind_compile *c, const y_node *n,
		     const config_list **out, pregon_diag *diag)
{
	const char *name;
	*out = NULL;
	if (y_to_str(n, &name, diag))
		return PREGON_EINVAL;
	*out = config_list_get(c->config, name);
	if (!*out) {
		y_error(diag, n, _("defínala en «listas» de la configuración"),
			_("no existe la lista «%s»"), name);
		return PREGON_EINVAL;
	}
	return 0;
}

char *kind_word_alternation(const char *const *words, size_t n, int flags)
{
	char **norm = xmalloc((n ? n : 1) * sizeof *norm);
	for (size_t i = 0; i < n; i++)
		norm[i] = text_normalize(words[i], strlen(words[i]), flags);
	/* longest first, so that "en base a" wins over "base" */
	qsort(norm, n, sizeof *norm, longer_first);
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		char *q = rx_quote(norm[i], strlen(norm[i]));
		buf_printf(&b, "%s%s", i ? "|" : "", q);
		free(q);
		free(norm[i]);
	}
	free(norm);
	return buf_detach(&b);
}

int kind_lexer(const count_lexer **out, const kind_compile *c,
	       pregon_diag *diag)
{
	*out = NULL;
	if (!*c->lexer) {
		int rc = count_lexer_new(c->lexer, NULL, diag);
		if (rc)
			return rc;
	}
	*out = *c->lexer;
	return 0;
}

void kind_messages(const kind_compile *c, char *out[2])
{
	const y_node *es = y_get(c->rule, "mensaje");
	const y_node *en = y_get(c->rule, "message_en");
	out[0] = xstrdup(es && es->type == Y_SCALAR ? es->str : "");
	out[1] = xstrdup(en && en->type == Y_SCALAR ? en->str : out[0]);
}

char *kind_fill(const char *tmpl, const char *const *names,
		const char *const *values, size_t n)
{
	buf b;
	buf_init(&b);
	buf_puts(&b, "");
	for (const char *p = tmpl; *p;) {
		size_t i = 0, k = 0;
		if (*p == '{')
			for (i = 0; i < n; i++) {
				k = strlen(names[i]);
				if (strncmp(p + 1, names[i], k) == 0 && p[k + 1] == '}')
					break;
			}
		if (*p == '{' && i < n) {
			buf_puts(&b, values[i]);
			p += k + 2;
		} else {
			buf_putc(&b, *p++);
		}
	}
	return buf_detach(&b);
}

/* The exact view without what is never published: HTML comments
 * (suppressions, notes to the editor; a comment alone on its line takes
 * its line break with it) and the trailing blanks. */
static void published_view(text_view *out, const text_view *x)
{
	size_t *ranges = NULL, n = 0, cap = 0, from = 0;
	for (size_t i = 0; i < x->len;) {
		if (x->len - i >= 4 && memcmp(x->s + i, "<!--", 4) == 0) {
			size_t j = i + 4;
			while (j + 3 <= x->len && memcmp(x->s + j, "-->", 3) != 0)
				j++;
			if (j + 3 <= x->len) {
				j += 3;
				if ((i == 0 || x->s[i - 1] == '\n') && j < x->len && x->s[j] == '\n')
					j++;
				xgrow(&ranges, &cap, 2 * n + 2, sizeof *ranges);
				ranges[2 * n] = from;
				ranges[2 * n++ + 1] = i;
				i = from = j;
				continue;
			}
		}
		i++;
	}
	xgrow(&ranges, &cap, 2 * n + 2, sizeof *ranges);
	ranges[2 * n] = from;
	ranges[2 * n++ + 1] = x->len;
	/* the trailing blanks, through as many ranges as they fill */
	while (n) {
		size_t *end = &ranges[2 * n - 1];
		while (*end > ranges[2 * n - 2] && strchr("\n\r \t", x->s[*end - 1]))
			(*end)--;
		if (*end > ranges[2 * n - 2])
			break;
		n--;
	}
	text_view_select(out, x, ranges, n);
	free(ranges);
}

int kind_body(kind_run *run, const count_lexer *lexer, const text_view **body,
	      const count_entities **entities)
{
	doc_t *d = run->doc;
	if (!d->published_built) {
		published_view(&d->published, doc_body_view(d, TEXT_EXACT));
		d->published_built = 1;
	}
	*body = &d->published;
	if (entities) {
		if (!d->entities_built) {
			d->entities_rc = count_extract(lexer, run->scratch, d->published.s,
						       d->published.len,
						       COUNT_URL | COUNT_HASHTAG | COUNT_MENTION,
						       &d->entities);
			d->entities_built = 1;
		}
		*entities = &d->entities;
	}
	return entities ? d->entities_rc : 0;
}

const char *kind_platform_label(const char *id)
{
	static const char *const labels[][2] = {
		{ "x", "X" },		      { "facebook", "Facebook" },
		{ "instagram", "Instagram" }, { "threads", "Threads" },
		{ "tiktok", "TikTok" },	      { "linkedin", "LinkedIn" },
		{ "youtube", "YouTube" },
	};
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcmp(labels[i][0], id) == 0)
			return labels[i][1];
	return id;
}

/* "valores posibles: a, b, c" into hint. */
static void list_values(buf *hint, const char *const *names)
{
	buf_puts(hint, _("valores posibles:"));
	for (int i = 0; names[i]; i++)
		buf_printf(hint, "%s %s", i ? "," : "", names[i]);
}

int kind_choice(const y_node *n, const char *const *names, const char *key,
		int *out, pregon_diag *diag)
{
	const char *v;
	if (y_to_str(n, &v, diag))
		return PREGON_EINVAL;
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], v) == 0) {
			*out = i;
			return 0;
		}
	const char *near = closest_word(v, names);
	buf hint;
	buf_init(&hint);
	if (near)
		buf_printf(&hint, _("¿quiso decir «%s»?"), near);
	else
		list_values(&hint, names);
	y_error(diag, n, hint.ptr, _("valor desconocido «%s» para «%s»"), v, key);
	buf_dispose(&hint);
	return PREGON_EINVAL;
}

int kind_required_choice(const kind_compile *c, const char *key,
			 const char *const *names, int *out, pregon_diag *diag)
{
	const y_node *n = kind_get(c, key);
	if (n)
		return kind_choice(n, names, key, out, diag);
	buf hint;
	buf_init(&hint);
	list_values(&hint, names);
	y_error(diag, c->rule, hint.ptr, _("falta la clave obligatoria «%s»"), key);
	buf_dispose(&hint);
	return PREGON_EINVAL;
}
char *kind_data_path(const kind_compile *c, const char *name, char **shown)
{
	buf b;
	buf_init(&b);
	if (name[0] == '/' || !c->data_dir) {
		*shown = xstrdup(name);
		return xstrdup(name);
	}
	buf_printf(&b, "rules/%s", name);
	*shown = buf_detach(&b);
	buf_printf(&b, "%s/rules/%s", c->data_dir, name);
	return buf_detach(&b);
}

/* The bytes of a node as written on its line: a plain scalar's text, a
 * quoted one with its quotes, else the rest of the line. */
void kind_node_span(const doc_t *d, const y_node *n, size_t *off,
		    size_t *len)
{
	*off = doc_offset_of(d, n->line, n->col);
	size_t e = *off;
	while (e < d->len && d->input[e] != '\n' && d->input[e] != '\r')
		e++;
	size_t want = n->type == Y_SCALAR && n->single_line
			      ? n->len + (n->plain ? 0 : 2)
			      : e - *off;
	*len = want < e - *off ? want : e - *off;
	if (*len == 0)
		*len = e - *off;
}

int kind_quoted(const text_view *v, size_t at)
{
	int open = 0, single = 0;
	int32_t prev = 0;
	size_t i = at;
	while (i > 0 && v->s[i - 1] != '\n')
		i--;
	for (; i < at;) {
		int32_t cp;
		i += (size_t)text_decode(v->s + i, v->len - i, &cp);
		if (cp == 0xAB || cp == 0x201C) {
			open = 1;
		} else if (cp == 0xBB || cp == 0x201D) {
			open = 0;
		} else if (cp == '"') {
			open = !open;
		} else if (cp == 0x2018) {
			single = 1;
		} else if (cp == 0x2019) {
			single = 0;
		} else if (cp == '\'') {
			int32_t next = 0;
			if (i < v->len)
				text_decode(v->s + i, v->len - i, &next);
			/* an apostrophe inside a word opens and closes nothing */
			if (!(text_is_alnum(prev) && text_is_alnum(next)))
				single = !single;
		}
		prev = cp;
	}
	return open || single;
}
