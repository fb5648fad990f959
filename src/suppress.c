/* suppress.c: parsing and applying inline suppression directives. */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "suppress.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
	       c == '.' || c == '_';
}

/* The first byte of the line after the one holding `at`, and the end of
 * that line (its newline included). */
static void next_line(const doc_t *d, size_t at, size_t *from, size_t *to)
{
	const char *nl = memchr(d->input + at, '\n', d->len - at);
	*from = nl ? (size_t)(nl - d->input) + 1 : d->len;
	nl = *from < d->len ? memchr(d->input + *from, '\n', d->len - *from) : NULL;
	*to = nl ? (size_t)(nl - d->input) + 1 : d->len;
}

/* The ids of [s, e) (separated by blanks or commas) into x; -1 when a
 * token is not an id or there is none. */
static int parse_ids(sup_directive *x, const char *input, size_t s, size_t e)
{
	size_t cap = 0;
	while (s < e) {
		if (is_blank(input[s]) || input[s] == ',') {
			s++;
			continue;
		}
		size_t k = s;
		while (k < e && is_id_char(input[k]))
			k++;
		if (k == s || (k < e && !is_blank(input[k]) && input[k] != ','))
			return -1;
		xgrow(&x->ids, &cap, x->n_ids + 1, sizeof *x->ids);
		x->ids[x->n_ids++] = (sup_id){ s, k - s, 0, 0 };
		s = k;
	}
	return x->n_ids ? 0 : -1;
}

/* Fill x from the comment's inner bytes [s, e), which start with
 * "pregon-".  Returns 1 for a disable, 2 for an enable, 0 otherwise. */
static int parse_directive(sup_directive *x, const doc_t *d, size_t s, size_t e)
{
	const char *in = d->input;
	size_t w = s;
	while (w < e && !is_blank(in[w]))
		w++;
	size_t wlen = w - s;
	static const char disable[] = "pregon-disable";
	static const char next[] = "pregon-disable-next-line";
	static const char enable[] = "pregon-enable";
	int is_next = wlen == sizeof next - 1 && memcmp(in + s, next, wlen) == 0;
	int is_disable = wlen == sizeof disable - 1 && memcmp(in + s, disable, wlen) == 0;
	if (wlen == sizeof enable - 1 && memcmp(in + s, enable, wlen) == 0) {
		while (w < e && is_blank(in[w]))
			w++;
		x->problem = w == e ? SUP_OK : SUP_SYNTAX;
		return 2;
	}
	if (!is_next && !is_disable) {
		x->problem = SUP_SYNTAX;
		return 0;
	}
	/* the reason starts after the first "--" */
	size_t sep = w;
	while (sep + 1 < e && !(in[sep] == '-' && in[sep + 1] == '-'))
		sep++;
	size_t ids_end = sep + 1 < e ? sep : e;
	size_t reason = ids_end < e ? sep + 2 : e;
	while (reason < e && is_blank(in[reason]))
		reason++;
	if (parse_ids(x, in, w, ids_end))
		x->problem = SUP_SYNTAX;
	else if (reason == e)
		x->problem = SUP_NO_REASON;
	if (is_next)
		next_line(d, x->offset + x->length, &x->from, &x->to);
	else {
		x->from = x->offset + x->length;
		x->to = d->len;
		x->range = 1;
	}
	return is_next ? 0 : 1;
}

void sup_parse(sup_list *out, const doc_t *d)
{
	memset(out, 0, sizeof *out);
	if (d->plain_text)
		return;
	const char *in = d->input;
	size_t i = d->body_off;
	while (i + 4 <= d->len) {
		const char *open = memmem(in + i, d->len - i, "<!--", 4);
		if (!open)
			break;
		size_t s = (size_t)(open - in) + 4;
		const char *close = memmem(in + s, d->len - s, "-->", 3);
		if (!close)
			break;
		size_t e = (size_t)(close - in);
		i = e + 3;
		while (s < e && is_blank(in[s]))
			s++;
		while (e > s && is_blank(in[e - 1]))
			e--;
		if (e - s < 7 || memcmp(in + s, "pregon-", 7) != 0)
			continue;
		xgrow(&out->items, &out->cap, out->n + 1, sizeof *out->items);
		sup_directive *x = &out->items[out->n++];
		memset(x, 0, sizeof *x);
		x->offset = (size_t)(open - in);
		x->length = i - x->offset;
		if (parse_directive(x, d, s, e) != 2 || x->problem != SUP_OK)
			continue;
		/* an enable closes every open range; with none open it is
		 * a stray */
		int closed = 0;
		for (size_t k = 0; k + 1 < out->n; k++) {
			sup_directive *o = &out->items[k];
			if (o->range && o->to == d->len) {
				o->to = x->offset;
				closed = 1;
			}
		}
		if (!closed)
			x->problem = SUP_SYNTAX;
	}
}

void sup_dispose(sup_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i].ids);
	free(l->items);
	memset(l, 0, sizeof *l);
}

int sup_id_names(const char *input, const sup_id *id, const char *rule_id)
{
	const char *s = input + id->offset;
	return strncmp(rule_id, s, id->length) == 0 &&
	       (rule_id[id->length] == '\0' || rule_id[id->length] == '.');
}

int sup_covers(sup_list *l, const char *input, size_t offset, const char *rule_id)
{
	int covered = 0;
	for (size_t i = 0; i < l->n; i++) {
		sup_directive *x = &l->items[i];
		if (x->problem != SUP_OK || offset < x->from || offset >= x->to)
			continue;
		for (size_t k = 0; k < x->n_ids; k++)
			if (sup_id_names(input, &x->ids[k], rule_id)) {
				x->ids[k].used = 1;
				covered = 1;
			}
	}
	return covered;
}
