/* count.c: platform counters and X's entity extraction.  The patterns follow
 * the behaviour that twitter-text's conformance suite pins down (links with
 * and without a scheme, t.co slugs, hashtags and mentions with their
 * boundaries); they are compiled once per lexer with PCRE2. */
#include <stdio.h>
#include <stdlib.h>
#include <idn2.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "common.h"
#include "count.h"
#include "text.h"

struct count_lexer {
	rx *url;         /* a link candidate: 1 link, 2 scheme, 3 domain, 5 path */
	rx *ascii_domain; /* the ASCII domains inside a bare candidate */
	rx *tco;         /* https://t.co/slug and its query */
	rx *hashtag;     /* 1 the name */
	rx *mention;     /* 1 the name, 2 a list slug */
};

const count_weights count_weights_x = {
	100, 200, 2300, 1, 4,
	{ { 0x0000, 0x10FF, 100 },
	  { 0x2000, 0x200D, 100 },
	  { 0x2010, 0x201F, 100 },
	  { 0x2032, 0x2037, 100 } }
};

/* Pieces of the link pattern.  Domain characters are anything but
 * punctuation, blanks and the characters X rejects. */
#define SPACES "\\x{09}-\\x{0D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{180E}" \
	"\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}"
#define INVALID "\\x{FFFE}\\x{FEFF}\\x{FFFF}\\x{202A}-\\x{202E}"
#define PUNCT "!'#%&()*+,\\\\\\-./:;<=>?@\\[\\]^_{|}~$"
#define DOMAIN_CHAR "[^" PUNCT SPACES INVALID "]"
#define LATIN "\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{FF}\\x{100}-\\x{24F}" \
	"\\x{253}\\x{254}\\x{256}\\x{257}\\x{259}\\x{25B}\\x{263}\\x{268}" \
	"\\x{26F}\\x{272}\\x{289}\\x{28B}\\x{2BB}\\x{300}-\\x{36F}\\x{1E00}-\\x{1EFF}"
#define CYRILLIC "\\x{400}-\\x{4FF}"
#define PATH_CHAR "[a-z" CYRILLIC "0-9!*';:=+,.$/%#\\[\\]\\-\\x{2013}_~@|&" LATIN "]"
#define PARENS "\\((?:" PATH_CHAR "+|" PATH_CHAR "*\\(" PATH_CHAR "+\\)" PATH_CHAR "*)\\)"
#define PATH_END "(?:[+\\-a-z" CYRILLIC "0-9=_#/" LATIN "]|" PARENS ")"
#define PATH "(?:" PATH_CHAR "*(?:" PARENS PATH_CHAR "*)*" PATH_END "|@" PATH_CHAR "+/)"
#define QUERY_CHAR "[a-z0-9!?*'@();:&=+$/%#\\[\\]\\-_.,~|]"
#define QUERY_END "[a-z0-9\\-_&=#/]"
#define SUBDOMAIN "(?:(?:" DOMAIN_CHAR "(?:[_-]|" DOMAIN_CHAR ")*)?" DOMAIN_CHAR "\\.)"
#define DOMAIN_NAME "(?:(?:" DOMAIN_CHAR "(?:-|" DOMAIN_CHAR ")*)?" DOMAIN_CHAR "\\.)"
#define PUNYCODE "(?:xn--[-0-9a-z]+)"
#define TLD_END "(?=[^0-9a-z@+-]|$)"

/* Hashtag letters: letters and marks, plus the joiners and dots some
 * scripts write inside words. */
#define TAG_SPECIAL "_\\x{200C}\\x{200D}\\x{A67E}\\x{5BE}\\x{5F3}\\x{5F4}" \
	"\\x{FF5E}\\x{301C}\\x{309B}\\x{309C}\\x{30A0}\\x{30FB}\\x{3003}\\x{F0B}\\x{F0C}\\x{B7}"
#define TAG_ALNUM "[\\p{L}\\p{M}\\p{Nd}" TAG_SPECIAL "]"

void count_entities_init(count_entities *l)
{
	memset(l, 0, sizeof *l);
}

void count_entities_dispose(count_entities *l)
{
	free(l->items);
	memset(l, 0, sizeof *l);
}

static void push(count_entities *l, count_kind kind, size_t offset, size_t len,
		 size_t host, size_t host_len, int scheme)
{
	xgrow(&l->items, &l->cap, l->n + 1, sizeof *l->items);
	count_entity *e = &l->items[l->n++];
	e->kind = kind;
	e->offset = offset;
	e->len = len;
	e->host = host;
	e->host_len = host_len;
	e->scheme = scheme;
}

void count_lexer_free(count_lexer *x)
{
	if (!x)
		return;
	rx_free(x->url);
	rx_free(x->ascii_domain);
	rx_free(x->tco);
	rx_free(x->hashtag);
	rx_free(x->mention);
	free(x);
}

/* Reverse order puts "भारतम्" before its prefix "भारत": the alternation
 * must try the longer TLD first. */
static int reverse_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

/* "tld1|tld2|..." of the top-level domains of a Public Suffix List: the
 * last label of every ICANN rule ("co.za" and "*.np" name "za" and "np"). */
static int read_tlds(const char *path, buf *all, pregon_diag *diag)
{
	char *text;
	size_t len;
	if (read_file(path, &text, &len, diag)) {
		pregon_diag_dispose(diag);
		diag_set(diag, path, 0, 0, 0, NULL,
			 _("instale el paquete publicsuffix de Debian"),
			 _("no se puede leer la lista de dominios de primer nivel"));
		return PREGON_EIO;
	}
	char **tlds = NULL;
	size_t n = 0, cap = 0;
	for (char *line = text, *next; line < text + len; line = next) {
		char *nl = memchr(line, '\n', (size_t)(text + len - line));
		next = nl ? nl + 1 : text + len;
		size_t k = (size_t)((nl ? nl : text + len) - line);
		while (k && (line[k - 1] == '\r' || line[k - 1] == ' '))
			k--;
		if (k >= 26 && strncmp(line, "// ===END ICANN DOMAINS===", 26) == 0)
			break; /* private suffixes (blogspot.com...) are not TLDs */
		if (k == 0 || line[0] == '/')
			continue;
		size_t dot = k;
		while (dot && line[dot - 1] != '.')
			dot--;
		xgrow(&tlds, &cap, n + 1, sizeof *tlds);
		tlds[n++] = xstrndup(line + dot, k - dot);
	}
	free(text);
	if (n == 0) {
		diag_set(diag, path, 0, 0, 0, NULL,
			 _("instale el paquete publicsuffix de Debian"),
			 _("la lista de dominios de primer nivel está vacía"));
		return PREGON_EINVAL;
	}
	qsort(tlds, n, sizeof *tlds, reverse_cmp);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (kept && strcmp(tlds[i], tlds[kept - 1]) == 0) {
			free(tlds[i]);
			continue;
		}
		tlds[kept++] = tlds[i];
	}
	for (size_t i = 0; i < kept; i++) {
		char *q = rx_quote(tlds[i], strlen(tlds[i]));
		buf_printf(all, "%s%s", i ? "|" : "", q);
		free(q);
		free(tlds[i]);
	}
	free(tlds);
	return 0;
}

static int compile(rx **out, const char *pattern, pregon_diag *diag)
{
	return rx_compile(out, pattern, strlen(pattern), RX_CASELESS, NULL, diag);
}

/* head + the TLD alternation + tail. */
static int compile_around(rx **out, const char *head, const char *tlds,
			  const char *tail, pregon_diag *diag)
{
	buf p;
	buf_init(&p);
	buf_puts(&p, head);
	buf_puts(&p, tlds);
	buf_puts(&p, tail);
	int rc = compile(out, p.ptr, diag);
	buf_dispose(&p);
	return rc;
}

int count_lexer_new(count_lexer **out, const char *tld_path, pregon_diag *diag)
{
	*out = NULL;
	count_lexer *x = xcalloc(1, sizeof *x);
	buf tlds;
	buf_init(&tlds);
	int rc = read_tlds(tld_path ? tld_path : COUNT_TLD_LIST, &tlds, diag);
	if (rc)
		goto cleanup;
	/* A link starts where no letter, digit or sign glues it to a word. */
	rc = compile_around(&x->url,
			    "(?<![A-Za-z0-9@\\x{FF20}$#\\x{FF03}\\x{FFFE}\\x{FEFF}\\x{FFFF}])"
			    "((https?://)?(" SUBDOMAIN "*" DOMAIN_NAME "(?:(?:",
			    tlds.ptr,
			    ")" TLD_END "|" PUNYCODE "))"
			    "(?::([0-9]+))?(/" PATH "*)?(\\?" QUERY_CHAR "*" QUERY_END ")?)",
			    diag);
	if (rc == 0)
		rc = compile_around(&x->ascii_domain, "(?:[\\-a-z0-9" LATIN "]+\\.)+(?:(?:",
				    tlds.ptr, ")" TLD_END "|" PUNYCODE ")", diag);
	if (rc == 0)
		rc = compile(&x->tco, "^https?://t\\.co/([a-z0-9]+)(?:\\?" QUERY_CHAR "*" QUERY_END ")?",
			     diag);
	if (rc == 0)
		rc = compile(&x->hashtag,
			     "(?:^|(?<=[\\x{FE0E}\\x{FE0F}])|(?<!" TAG_ALNUM "|&))"
			     "[#\\x{FF03}](?![\\x{FE0F}\\x{20E3}])"
			     "((?>" TAG_ALNUM "*[\\p{L}\\p{M}]" TAG_ALNUM "*))"
			     "(?![#\\x{FF03}]|://)",
			     diag);
	if (rc == 0)
		rc = compile(&x->mention,
			     "(?:(?<![a-z0-9_!#$%&*@\\x{FF20}])|(?<=^rt|[^a-z0-9_+~.\\-]rt))"
			     "[@\\x{FF20}]([a-z0-9_]{1,20}+)(/[a-z][a-z0-9_\\-]{0,24}+)?+"
			     "(?![@\\x{FF20}" LATIN "]|://)",
			     diag);
cleanup:
	buf_dispose(&tlds);
	if (rc) {
		count_lexer_free(x);
		return rc;
	}
	*out = x;
	return 0;
}

/* Does r match the whole of s[0..len)?  (Its pattern is anchored.) */
static int matches(const rx *r, rx_scratch *scratch, const char *s, size_t len,
		   size_t *end)
{
	size_t ms, me;
	int rc = rx_next(r, scratch, s, len, 0, &ms, &me);
	if (rc == 1 && end)
		*end = me;
	return rc;
}

/* A link candidate without a scheme: X keeps only the ASCII domains in it
 * ("example.mx" out of "これはexample.mx"); the last one takes the path. */
static int bare_links(const count_lexer *x, rx_scratch *scratch,
		      const char *text, size_t dom, size_t dom_len,
		      size_t end, int has_path, count_entities *out)
{
	size_t at = dom, ms, me;
	int rc, found = 0;
	while ((rc = rx_next(x->ascii_domain, scratch, text, dom + dom_len, at,
			     &ms, &me)) == 1) {
		push(out, COUNT_URL, ms, me - ms, ms, me - ms, 0);
		found = 1;
		at = me;
	}
	if (rc < 0)
		return rc;
	if (found && has_path)
		out->items[out->n - 1].len = end - out->items[out->n - 1].offset;
	return 0;
}

/* Every label of a link's domain is 1 to 63 characters once encoded for
 * DNS (punycode for the non-ASCII ones); an "xn--" domain is all ASCII. */
static int dns_labels_fit(const char *d, size_t len)
{
	int ascii = 1;
	for (size_t i = 0; i < len; i++)
		ascii &= (unsigned char)d[i] < 0x80;
	if (len >= 4 && strncasecmp(d, "xn--", 4) == 0 && !ascii)
		return 0;
	for (size_t s = 0; s <= len;) {
		const char *dot = memchr(d + s, '.', len - s);
		size_t e = dot ? (size_t)(dot - d) : len;
		size_t n = e - s;
		int label_ascii = 1;
		for (size_t i = s; i < e; i++)
			label_ascii &= (unsigned char)d[i] < 0x80;
		if (!label_ascii) {
			char *label = xstrndup(d + s, n), *encoded = NULL;
			int rc = idn2_to_ascii_8z(label, &encoded, IDN2_NONTRANSITIONAL);
			free(label);
			if (rc == IDN2_OK)
				n = strlen(encoded);
			else if (rc == IDN2_TOO_BIG_LABEL || rc == IDN2_TOO_BIG_DOMAIN)
				n = 64;
			idn2_free(encoded);
		}
		if (n < 1 || n > 63)
			return 0;
		if (!dot)
			break;
		s = e + 1;
	}
	return 1;
}

/* Where the next search starts: X's patterns consume the character before
 * an entity, so two entities never share it ("a.mx/b.mx" is one link). */
static size_t after(const char *text, size_t len, size_t end)
{
	return end < len ? end + (size_t)text_u8len((unsigned char)text[end]) : end;
}

static int extract_links(const count_lexer *x, rx_scratch *scratch,
			 const char *text, size_t len, count_entities *out)
{
	if (!memchr(text, '.', len))
		return 0;
	size_t at = 0, ms, me;
	int rc;
	while ((rc = rx_next(x->url, scratch, text, len, at, &ms, &me)) == 1) {
		size_t ss, se, ds, de, ps, pe;
		int scheme = rx_group(scratch, 2, &ss, &se);
		rx_group(scratch, 3, &ds, &de);
		int has_path = rx_group(scratch, 5, &ps, &pe) && pe > ps;
		at = after(text, len, me);
		if (!dns_labels_fit(text + ds, de - ds))
			continue;
		if (!scheme) {
			char before = ms ? text[ms - 1] : ' ';
			if (before == '-' || before == '_' || before == '.' || before == '/')
				continue;
			rc = bare_links(x, scratch, text, ds, de - ds, me, has_path, out);
			if (rc < 0)
				return rc;
			continue;
		}
		int kind = se - ss == 8 ? 2 : 1;
		size_t tco_end;
		rc = matches(x->tco, scratch, text + ms, me - ms, &tco_end);
		if (rc < 0)
			return rc;
		if (rc == 1) {
			size_t slug_s, slug_e;
			/* the anchored match ran on a suffix: group offsets are
			 * relative to ms */
			rx_group(scratch, 1, &slug_s, &slug_e);
			if (slug_e - slug_s > 40)
				continue;
			me = ms + tco_end;
		}
		push(out, COUNT_URL, ms, me - ms, ds, de - ds, kind);
	}
	return rc < 0 ? rc : 0;
}

/* Does [s, e) overlap a link of items [*next, last)?  Matches come in
 * order, so the links that end before s are passed over for good. */
static int overlaps_link(const count_entities *l, size_t *next, size_t last,
			 size_t s, size_t e)
{
	while (*next < last && l->items[*next].offset + l->items[*next].len <= s)
		(*next)++;
	return *next < last && l->items[*next].offset < e;
}

static int extract_signed(const rx *r, count_kind kind, rx_scratch *scratch,
			  const char *text, size_t len, const count_entities *links,
			  size_t links_from, size_t links_to, count_entities *out)
{
	size_t at = 0, ms, me, link = links_from;
	int rc;
	while ((rc = rx_next(r, scratch, text, len, at, &ms, &me)) == 1) {
		size_t ns, ne, ls, le;
		rx_group(scratch, 1, &ns, &ne);
		at = after(text, len, me);
		if (kind == COUNT_MENTION && rx_group(scratch, 2, &ls, &le))
			continue; /* a list, not a person */
		if (overlaps_link(links, &link, links_to, ms, me))
			continue;
		push(out, kind, ms, me - ms, ns, ne - ns, 0);
	}
	return rc < 0 ? rc : 0;
}

static int by_offset(const void *a, const void *b)
{
	const count_entity *x = a, *y = b;
	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

int count_extract(const count_lexer *x, rx_scratch *scratch, const char *text,
		  size_t len, unsigned kinds, count_entities *out)
{
	size_t first = out->n;
	/* Links are found first even when not asked for: a hashtag inside a
	 * link ("example.mx/#top") is not a hashtag. */
	int rc = extract_links(x, scratch, text, len, out);
	size_t links_end = out->n;
	if (rc == 0 && (kinds & COUNT_HASHTAG))
		rc = extract_signed(x->hashtag, COUNT_HASHTAG, scratch, text, len,
				    out, first, links_end, out);
	if (rc == 0 && (kinds & COUNT_MENTION))
		rc = extract_signed(x->mention, COUNT_MENTION, scratch, text, len,
				    out, first, links_end, out);
	if (!(kinds & COUNT_URL) && links_end > first) {
		memmove(out->items + first, out->items + links_end,
			(out->n - links_end) * sizeof *out->items);
		out->n -= links_end - first;
	}
	if (out->n - first > 1)
		qsort(out->items + first, out->n - first, sizeof *out->items, by_offset);
	return rc;
}

size_t count_select(const count_entities *l, count_kind kind, size_t n,
		    const count_entity **nth, const count_entity **last)
{
	size_t k = 0;
	*nth = *last = NULL;
	for (size_t i = 0; i < l->n; i++) {
		if (l->items[i].kind != kind)
			continue;
		if (k++ == n)
			*nth = &l->items[i];
		*last = &l->items[i];
	}
	return k;
}

size_t count_cluster_end(const char *text, size_t len, size_t i)
{
	int32_t prev, cp;
	utf8proc_int32_t state = 0;
	i += (size_t)text_decode(text + i, len - i, &prev);
	while (i < len) {
		int k = text_decode(text + i, len - i, &cp);
		/* two ASCII characters always part, but for CR LF */
		if (prev < 0x80 && cp < 0x80 && !(prev == '\r' && cp == '\n'))
			break;
		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		prev = cp;
		i += (size_t)k;
	}
	return i;
}

int count_is_emoji_cluster(const char *text, size_t len)
{
	size_t n = 0;
	int pictograph = 0, presentation = 0, keycap = 0;
	for (size_t i = 0; i < len; n++) {
		int32_t cp;
		i += (size_t)text_decode(text + i, len - i, &cp);
		if (text_is_emoji(cp))
			pictograph = 1;
		else if (cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x200D)
			presentation = 1;
		else if (cp == 0x20E3)
			keycap = 1;
	}
	/* A lone pictograph of the Latin and punctuation blocks ("©", "‼")
	 * is text unless a variation selector or joiner makes it an emoji;
	 * the rest of the pictographs are emoji on their own. */
	int32_t first;
	text_decode(text, len, &first);
	if (keycap)
		return 1;
	if (!pictograph)
		return 0;
	return presentation || n > 1 || first >= 0x2100 ? 1 : first >= 0x1F000;
}

static int weight_of(const count_weights *w, int32_t cp)
{
	for (size_t i = 0; i < w->n_ranges; i++)
		if (cp >= w->ranges[i].first && cp <= w->ranges[i].last)
			return w->ranges[i].weight;
	return w->default_weight;
}

static int rejected_by_x(int32_t cp)
{
	return cp == 0xFFFE || cp == 0xFEFF || cp == 0xFFFF;
}

void count_measure(count_result *out, count_unit unit, const char *text,
		   size_t len, long limit, const count_weights *w,
		   const count_entities *links)
{
	long scale = unit == COUNT_WEIGHTED ? w->scale : 1;
	long total = 0, max = limit > 0 ? limit * scale : -1;
	size_t link = 0;
	out->cross = len;
	out->valid_chars = 1;
	for (size_t i = 0; i < len;) {
		size_t end;
		long cost = 0;
		int32_t cp;
		int k = text_decode(text + i, len - i, &cp);
		while (links && link < links->n &&
		       (links->items[link].kind != COUNT_URL ||
			links->items[link].offset < i))
			link++;
		if (unit == COUNT_WEIGHTED && links && link < links->n &&
		    links->items[link].offset == i) {
			end = i + links->items[link].len;
			cost = w->url_weight;
		} else if ((unit == COUNT_WEIGHTED && w->emoji) ||
			   unit == COUNT_EMOJI_BYTES) {
			end = count_cluster_end(text, len, i);
			if (count_is_emoji_cluster(text + i, end - i))
				cost = unit == COUNT_WEIGHTED ? w->default_weight
							      : (long)(end - i);
			else
				end = i + (size_t)k;
		} else {
			end = i + (size_t)k;
		}
		if (!cost) {
			switch (unit) {
			case COUNT_BYTES:
				cost = k;
				break;
			case COUNT_UTF16:
				cost = cp >= 0x10000 ? 2 : 1;
				break;
			case COUNT_WEIGHTED:
				cost = weight_of(w, cp);
				break;
			default:
				cost = 1;
				break;
			}
		}
		if (out->valid_chars && unit == COUNT_WEIGHTED && rejected_by_x(cp)) {
			out->valid_chars = 0;
			if (out->cross == len)
				out->cross = i;
		}
		total += cost;
		if (max >= 0 && total > max && out->cross == len)
			out->cross = i;
		i = end;
	}
	out->total = total / scale;
}
