/* links.c: the `links` kind (criterio V: outside links only when tied to
 * the municipality's programmes).  Links are found as X finds them
 * (count.h), with or without a scheme.  `revisa` chooses the check:
 *
 *   acortadores  a URL shortener hides where the link goes (`dominios`,
 *                plus the configuration's `dominios.acortadores`)
 *   http         a plain http:// link
 *   bloqueados   a domain never to link to (`dominios`, plus the
 *                configuration's `dominios.bloqueados`)
 *   externos     a domain that is neither the government's nor allowed:
 *                the rule's `dominios` and `dominios.permitidos` always are;
 *                `dominios.noticias` only when the post names the
 *                municipality (a word of `municipio`)
 *
 * A domain entry covers its subdomains ("gob.mx" covers "tecate.gob.mx"),
 * except for shorteners, which name exact hosts ("goo.gl" is a shortener,
 * "maps.app.goo.gl" is Google Maps).  X's own wrapper, t.co, is none of
 * these: X wraps every link, so it says nothing about the destination. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kind.h"

enum { K_SHORTENERS, K_HTTP, K_BLOCKED, K_EXTERNAL };

typedef struct {
	char **items; /* lowercase */
	size_t n;
} domain_list;

typedef struct {
	int what;
	domain_list own;      /* the rule's `dominios` */
	domain_list config;   /* the configuration's list for this check */
	domain_list news;     /* `dominios.noticias` (externos) */
	rx *municipality;     /* words that make a post about Tecate */
	const count_lexer *lexer;
	char *message[2];
} links_state;

static const char *const keys[] = { "revisa", "dominios", "municipio", NULL };
static const char *const what_names[] = { "acortadores", "http", "bloqueados",
					  "externos", NULL };

static void list_dispose(domain_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
}

static void links_free(void *p)
{
	links_state *s = p;
	if (!s)
		return;
	list_dispose(&s->own);
	list_dispose(&s->config);
	list_dispose(&s->news);
	rx_free(s->municipality);
	free(s->message[0]);
	free(s->message[1]);
	free(s);
}

static int read_list(domain_list *l, const y_node *n, pregon_diag *diag)
{
	const y_node **items;
	size_t k;
	if (!n)
		return 0;
	if (y_to_str_list(n, &items, &k, diag))
		return PREGON_EINVAL;
	l->items = xrealloc(l->items, (l->n + k + 1) * sizeof *l->items);
	for (size_t i = 0; i < k; i++) {
		char *d = xstrdup(items[i]->str);
		for (char *c = d; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c + 32);
		l->items[l->n++] = d;
	}
	free(items);
	return 0;
}

static int links_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	links_state *s = xcalloc(1, sizeof *s);
	if (kind_overrides_known(c, &kind_links, diag) ||
	    kind_required_choice(c, "revisa", what_names, &s->what, diag))
		goto fail;
	const y_node *domains = c->config ? y_get(c->config->tree, "dominios") : NULL;
	static const char *const config_key[] = { "acortadores", NULL, "bloqueados",
						  "permitidos" };
	if (read_list(&s->own, kind_get(c, "dominios"), diag) ||
	    (config_key[s->what] &&
	     read_list(&s->config, y_get(domains, config_key[s->what]), diag)))
		goto fail;
	if (s->what == K_EXTERNAL) {
		if (read_list(&s->news, y_get(domains, "noticias"), diag))
			goto fail;
		const y_node *words = kind_get(c, "municipio");
		const y_node **items;
		size_t k;
		if (words) {
			if (y_to_str_list(words, &items, &k, diag))
				goto fail;
			const char **ws = xmalloc((k ? k : 1) * sizeof *ws);
			for (size_t i = 0; i < k; i++)
				ws[i] = items[i]->str;
			char *alt = kind_word_alternation(ws, k, TEXT_FOLD | TEXT_STRIP);
			int rc = k ? rx_compile(&s->municipality, alt, strlen(alt),
						RX_CASELESS | RX_WORD, words, diag)
				   : 0;
			free(alt);
			free(ws);
			free(items);
			if (rc)
				goto fail;
		}
	}
	if (kind_lexer(&s->lexer, c, diag))
		goto fail;
	kind_messages(c, s->message);
	*out = s;
	return 0;
fail:
	links_free(s);
	return PREGON_EINVAL;
}

/* Does the host (without "www.") equal an entry, or, with `subdomains`,
 * end in "." and the entry? */
static int listed(const domain_list *l, const char *host, size_t len,
		  int subdomains)
{
	if (len > 4 && strncasecmp(host, "www.", 4) == 0) {
		host += 4;
		len -= 4;
	}
	for (size_t i = 0; i < l->n; i++) {
		size_t k = strlen(l->items[i]);
		if (k > len)
			continue;
		if (strncasecmp(host + len - k, l->items[i], k) != 0)
			continue;
		if (k == len || (subdomains && host[len - k - 1] == '.'))
			return 1;
	}
	return 0;
}

static int about_municipality(const links_state *s, kind_run *run, int *rc)
{
	if (!s->municipality)
		return 0;
	const text_view *v = doc_view(run->doc, TEXT_FOLD | TEXT_STRIP);
	size_t ms, me;
	int found = rx_next(s->municipality, run->scratch, v->s, v->len, 0, &ms, &me);
	if (found < 0)
		*rc = found;
	return found == 1;
}

/* "justicia.La opción…": a bare domain whose last label is capitalized is
 * a missing space after a full stop, not a link (X would still link it). */
static int missing_space(const text_view *v, const count_entity *e)
{
	if (e->scheme || e->len != e->host_len)
		return 0;
	const char *dot = NULL;
	for (size_t i = e->host; i < e->host + e->host_len; i++)
		if (v->s[i] == '.')
			dot = v->s + i;
	return dot && dot[1] >= 'A' && dot[1] <= 'Z';
}

static int flagged(const links_state *s, kind_run *run, const text_view *v,
		   const count_entity *e, int *about, int *rc)
{
	const char *host = v->s + e->host;
	size_t len = e->host_len;
	if ((len == 4 && strncasecmp(host, "t.co", 4) == 0) || missing_space(v, e))
		return 0;
	switch (s->what) {
	case K_SHORTENERS:
		return listed(&s->own, host, len, 0) || listed(&s->config, host, len, 0);
	case K_HTTP:
		return e->scheme == 1;
	case K_BLOCKED:
		return listed(&s->own, host, len, 1) || listed(&s->config, host, len, 1);
	default:
		break;
	}
	if (listed(&s->own, host, len, 1) || listed(&s->config, host, len, 1))
		return 0;
	if (listed(&s->news, host, len, 1)) {
		if (*about < 0)
			*about = about_municipality(s, run, rc);
		return !*about;
	}
	return 1;
}

static int links_check(const void *p, kind_run *run)
{
	const links_state *s = p;
	const text_view *v;
	const count_entities *found;
	int rc = kind_body(run, s->lexer, &v, &found);
	int about = -1;
	for (size_t i = 0; rc == 0 && i < found->n; i++) {
		const count_entity *e = &found->items[i];
		if (e->kind != COUNT_URL || !flagged(s, run, v, e, &about, &rc) || rc)
			continue;
		char *host = xstrndup(v->s + e->host, e->host_len);
		const char *names[] = { "dominio" };
		const char *values[] = { host };
		char *msg = kind_fill(s->message[run->lang == PREGON_LANG_EN], names,
				      values, 1);
		kind_emit_view_span(run, v, e->offset, e->offset + e->len, msg, NULL, 0);
		free(msg);
		free(host);
	}
	return rc;
}

const kind_ops kind_links = { "links", keys, links_compile, NULL, links_check,
			      links_free, NULL };
