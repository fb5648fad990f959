/* promotion.c: personalized promotion of public servants (Const. art. 134;
 * TEPJF jurisprudencia 12/2015: personal, objective and temporal elements).
 *
 * The prose is cut into words on the case-folded, accent-stripped view.  The
 * lists of the lexicon (rules/datos/promocion.yaml) are compiled once into a
 * hash table of their entries by first word, so one pass over the words marks
 * every list a word belongs to (the longest entry wins, as in an alternation
 * ordered longest first).  The shapes are then read off those marks, inside
 * one sentence:
 *
 *   person   a given name plus one or two surnames (capitalised unless the
 *            sentence is in capitals), not after a place noun ("calle",
 *            "Col."), not a historical figure, not a citizen ("la vecina");
 *            or a configured official's name, form, handle or hashtag;
 *   title    an office ("presidenta municipal") right before the person, or
 *            after it behind a comma ("Juan Pérez, alcalde de Tecate");
 *   credit   a credit verb right after the person (past clitics, adverbs and
 *            an appositive) or right before it ("Arranca Román Cota"), or a
 *            routed credit before it ("gracias a la gestión de");
 *   praise   a word of praise anywhere in the sentence.
 *
 * A person identified and credited or praised is an error; a configured
 * official's bare name, or a title next to a name, is a warning.  A title
 * without a name is the institutional voice, except after a possessive
 * ("nuestro alcalde") or a routed credit (errors), or as the subject of a
 * credit verb (a warning). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "promotion.h"

enum {
	LX_GIVEN, LX_TITLE, LX_CREDIT, LX_FIRST_CREDIT, LX_FIRST, LX_POSSESSIVE,
	LX_ROUTE, LX_PRAISE, LX_PLACE, LX_HIST, LX_CITIZEN, LX_LINK, LX_STOP,
	LX_ART, LX_ABBREV, LX_ACHIEVE, LX_SLOGAN, LX_ELECTED, LX_OFFICIAL,
	LX_HANDLE, LX_N
};

#define BIT(lx) (1u << (lx))

/* The lexicon's keys and the list each one fills. */
static const struct {
	const char *key;
	int lx;
} lexicon_lists[] = {
	{ "nombres", LX_GIVEN },
	{ "cargos", LX_TITLE },
	{ "verbos_credito", LX_CREDIT },
	{ "primera_persona_credito", LX_FIRST_CREDIT },
	{ "primera_persona", LX_FIRST },
	{ "posesivos", LX_POSSESSIVE },
	{ "vias_credito", LX_ROUTE },
	{ "elogios", LX_PRAISE },
	{ "lugares", LX_PLACE },
	{ "figuras_historicas", LX_HIST },
	{ "ciudadanos", LX_CITIZEN },
	{ "enlaces", LX_LINK },
	{ "funcionales", LX_STOP },
	{ "articulos", LX_ART },
	{ "abreviaturas", LX_ABBREV },
	{ "logros", LX_ACHIEVE },
	{ "lemas", LX_SLOGAN },
	{ "cargos_de_eleccion", LX_ELECTED },
};
#define N_LISTS (sizeof lexicon_lists / sizeof *lexicon_lists)

static const char *const lexicon_keys[] = {
	"version", "nombres", "cargos", "verbos_credito",
	"primera_persona_credito", "primera_persona", "posesivos",
	"vias_credito", "elogios", "lugares", "figuras_historicas",
	"ciudadanos", "enlaces", "funcionales", "articulos", "abreviaturas",
	"logros", "lemas", "cargos_de_eleccion", "partidos", "partidos_homografos",
	NULL
};

#define VIEW (TEXT_FOLD | TEXT_STRIP)

/* One entry of a list: its words, normalized as the view. */
typedef struct {
	char **words;
	size_t n_words;
	int lx;
	long next;                /* the next entry in its bucket, or -1 */
} lex_entry;

struct promo_lexicon {
	lex_entry *entries;
	size_t n_entries;
	long *buckets;            /* by the hash of the first word; -1: empty */
	size_t mask;              /* buckets - 1, a power of two minus one */
	char **forms[LX_N];       /* each list case-folded with accents, sorted */
	size_t n_forms[LX_N];
	rx *parties;              /* case-sensitive, on the accent-stripped view */
	char **homographs;        /* party words that are also common words */
	size_t n_homographs;
	char **tag_keys;          /* officials' names without spaces, for hashtags */
	size_t n_tag_keys;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void promo_lexicon_free(promo_lexicon *lx)
{
	if (!lx)
		return;
	for (size_t i = 0; i < lx->n_entries; i++)
		free_strings(lx->entries[i].words, lx->entries[i].n_words);
	free(lx->entries);
	free(lx->buckets);
	for (int i = 0; i < LX_N; i++)
		free_strings(lx->forms[i], lx->n_forms[i]);
	rx_free(lx->parties);
	free_strings(lx->homographs, lx->n_homographs);
	free_strings(lx->tag_keys, lx->n_tag_keys);
	free(lx);
}

/* A growing list of words to compile into one alternation. */
typedef struct {
	char **items;
	size_t n, cap;
} word_list;

static void words_add(word_list *w, const char *s, size_t len)
{
	xgrow(&w->items, &w->cap, w->n + 1, sizeof *w->items);
	w->items[w->n++] = xstrndup(s, len);
}

/* Split a normalized entry into its words, as the text is split. */
static void add_entry(promo_lexicon *lx, int list, const char *raw)
{
	char *norm = text_normalize(raw, strlen(raw), VIEW);
	lex_entry e = { NULL, 0, list, -1 };
	size_t len = strlen(norm);
	for (size_t i = 0; i < len;) {
		int32_t cp;
		int n = text_decode(norm + i, len - i, &cp);
		if (!text_is_alnum(cp)) {
			i += (size_t)n;
			continue;
		}
		size_t start = i;
		while (i < len && (n = text_decode(norm + i, len - i, &cp)) &&
		       text_is_alnum(cp))
			i += (size_t)n;
		e.words = xrealloc(e.words, (e.n_words + 1) * sizeof *e.words);
		e.words[e.n_words++] = xstrndup(norm + start, i - start);
	}
	free(norm);
	if (!e.n_words)
		return;
	lx->entries = xrealloc(lx->entries, (lx->n_entries + 1) * sizeof *lx->entries);
	lx->entries[lx->n_entries++] = e;
}

/* The buckets, once every entry is in. */
static void index_entries(promo_lexicon *lx)
{
	size_t n = 16;
	while (n < 2 * lx->n_entries)
		n *= 2;
	lx->mask = n - 1;
	lx->buckets = xmalloc(n * sizeof *lx->buckets);
	for (size_t i = 0; i < n; i++)
		lx->buckets[i] = -1;
	for (size_t i = lx->n_entries; i-- > 0;) {
		const char *w = lx->entries[i].words[0];
		size_t b = hash_bytes(w, strlen(w)) & lx->mask;
		lx->entries[i].next = lx->buckets[b];
		lx->buckets[b] = (long)i;
	}
}

/* The party names, one case-sensitive alternation on the accent-stripped
 * view: there case tells "Morena" from "morena". */
static int compile_parties(rx **out, const word_list *w, pregon_diag *diag)
{
	*out = NULL;
	if (!w->n)
		return 0;
	char *alt = kind_word_alternation((const char *const *)w->items, w->n,
					  TEXT_STRIP);
	int rc = rx_compile(out, alt, strlen(alt), RX_WORD, NULL, diag);
	free(alt);
	return rc;
}

/* A routed credit that ends in "de" or "a" also reads "del" / "al". */
static void add_route(word_list *w, const char *s)
{
	size_t n = strlen(s);
	words_add(w, s, n);
	const char *tail = n > 3 ? s + n - 3 : "";
	if (strcmp(tail, " de") == 0 || strcmp(tail + 1, " a") == 0) {
		buf b;
		buf_init(&b);
		buf_printf(&b, "%sl", s);
		words_add(w, b.ptr, b.len);
		buf_dispose(&b);
	}
}

/* A name with and without its second surname: "Mariana Ríos Salgado" is
 * also "Mariana Ríos". */
static void add_official(promo_lexicon *lx, word_list *names, const char *name)
{
	words_add(names, name, strlen(name));
	const char *last = strrchr(name, ' ');
	int spaces = 0;
	for (const char *p = name; *p; p++)
		spaces += *p == ' ';
	if (last && spaces >= 2)
		words_add(names, name, (size_t)(last - name));
	/* for hashtags: "#MarianaRíos" holds "marianarios" */
	char *norm = text_normalize(name, strlen(name), VIEW);
	char *w = norm;
	for (char *r = norm; *r; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
	lx->tag_keys = xrealloc(lx->tag_keys, (lx->n_tag_keys + 1) * sizeof *lx->tag_keys);
	lx->tag_keys[lx->n_tag_keys++] = norm;
}

/* The texts under `key`, none when it is absent; the caller frees *items. */
static int key_items(const y_node *root, const char *key,
		     const y_node ***items, size_t *n, pregon_diag *diag)
{
	const y_node *v = y_get(root, key);
	*items = NULL;
	*n = 0;
	return v ? y_to_str_list(v, items, n, diag) : 0;
}

static int load_lists(promo_lexicon *lx, const y_node *root, const config_t *cfg,
		      pregon_diag *diag)
{
	word_list lists[LX_N] = { { 0 } };
	word_list parties = { 0 };
	const y_node **items;
	size_t n;
	int rc = 0;
	for (size_t i = 0; i < N_LISTS && rc == 0; i++) {
		if ((rc = key_items(root, lexicon_lists[i].key, &items, &n, diag)))
			break;
		for (size_t k = 0; k < n; k++) {
			if (lexicon_lists[i].lx == LX_ROUTE)
				add_route(&lists[LX_ROUTE], items[k]->str);
			else
				words_add(&lists[lexicon_lists[i].lx], items[k]->str,
					  items[k]->len);
		}
		free(items);
	}
	if (rc == 0 && (rc = key_items(root, "partidos", &items, &n, diag)) == 0) {
		for (size_t k = 0; k < n; k++)
			words_add(&parties, items[k]->str, items[k]->len);
		free(items);
	}
	/* homographs are parties too, but only outside sentences in capitals */
	if (rc == 0 && (rc = key_items(root, "partidos_homografos", &items, &n, diag)) == 0) {
		lx->homographs = xmalloc((n ? n : 1) * sizeof *lx->homographs);
		for (size_t k = 0; k < n; k++) {
			words_add(&parties, items[k]->str, items[k]->len);
			lx->homographs[lx->n_homographs++] =
				text_normalize(items[k]->str, items[k]->len, TEXT_STRIP);
		}
		free(items);
	}
	for (size_t i = 0; cfg && i < cfg->n_officials && rc == 0; i++) {
		const config_official *o = &cfg->officials[i];
		add_official(lx, &lists[LX_OFFICIAL], o->name);
		for (size_t k = 0; k < o->n_forms; k++)
			add_official(lx, &lists[LX_OFFICIAL], o->forms[k]);
		/* "@MarianaRiosTkt": the word after the @ */
		for (size_t k = 0; k < o->n_handles; k++) {
			const char *h = o->handles[k] + (o->handles[k][0] == '@');
			words_add(&lists[LX_HANDLE], h, strlen(h));
		}
	}
	for (int i = 0; i < LX_N; i++) {
		lx->forms[i] = xmalloc((lists[i].n + 1) * sizeof *lx->forms[i]);
		for (size_t k = 0; k < lists[i].n; k++)
			lx->forms[i][lx->n_forms[i]++] = text_normalize(
				lists[i].items[k], strlen(lists[i].items[k]), TEXT_FOLD);
		qsort(lx->forms[i], lx->n_forms[i], sizeof *lx->forms[i], cmp_str);
	}
	for (int i = 0; i < LX_N; i++)
		for (size_t k = 0; k < lists[i].n; k++)
			add_entry(lx, i, lists[i].items[k]);
	index_entries(lx);
	if (rc == 0)
		rc = compile_parties(&lx->parties, &parties, diag);
	for (int i = 0; i < LX_N; i++)
		free_strings(lists[i].items, lists[i].n);
	free_strings(parties.items, parties.n);
	return rc;
}

int promo_lexicon_load(promo_lexicon **out, const kind_compile *c,
		       pregon_diag *diag)
{
	*out = NULL;
	const y_node *where;
	const char *name;
	if (kind_require(c, "lexico", _("añada «lexico: datos/promocion.yaml»"),
			 _("la regla no dice qué léxico de promoción usar"), &where,
			 diag) ||
	    y_to_str(where, &name, diag))
		return PREGON_EINVAL;
	if (!c->data_dir && name[0] != '/') {
		y_error(diag, where, _("defina PREGON_DATA con la carpeta que contiene rules/"),
			_("no se encuentra la carpeta de datos de pregon"));
		return PREGON_ENOTFOUND;
	}
	char *path;
	char *real = kind_data_path(c, name, &path);
	char *text = NULL;
	size_t len = 0, bad;
	long version;
	y_node *root = NULL;
	promo_lexicon *lx = xcalloc(1, sizeof *lx);
	int rc = read_file(real, &text, &len, diag);
	free(real);
	if (rc == PREGON_EIO) {
		pregon_diag_dispose(diag);
		y_error(diag, where, _("corrija la ruta (relativa a rules/)"),
			_("no se puede leer el léxico «%s»"), path);
	} else if (text_validate(text, len, &bad)) {
		diag_set(diag, path, 0, 0, 0, NULL, _("guarde el archivo como UTF-8"),
			 _("el archivo no es UTF-8 válido (byte %zu)"), bad);
		rc = PREGON_EINVAL;
	} else if ((rc = y_parse(&root, path, text, len, 0, diag)) == 0) {
		if (!root) {
			diag_set(diag, path, 1, 1, 1, NULL, _("escriba las listas del léxico"),
				 _("el léxico está vacío"));
			rc = PREGON_EINVAL;
		} else if (y_expect(root, Y_MAP, _("el léxico"), diag) ||
			   y_check_keys(root, lexicon_keys, _("el léxico"), diag) ||
			   (y_get(root, "version") &&
			    y_to_int(y_get(root, "version"), 1, 1, &version, diag))) {
			rc = PREGON_EINVAL;
		} else {
			rc = load_lists(lx, root, c->config, diag);
		}
	}
	y_free(root);
	free(text);
	free(path);
	if (rc) {
		promo_lexicon_free(lx);
		return rc;
	}
	*out = lx;
	return 0;
}

/* ---- scanning ---------------------------------------------------------- */

typedef struct {
	size_t vs, ve;        /* view bytes */
	size_t os, oe;        /* input bytes */
	unsigned sent;        /* sentence number */
	uint32_t in, begins, ends; /* lexicon bits: covered, first, last word */
	unsigned char cap;    /* first letter is a capital in the input */
	unsigned char tag;    /* '#' or '@' right before, else 0 */
	unsigned char glued;  /* part of a tag, path, domain or address: no word */
	unsigned char spaced; /* only spaces between the previous word and this */
	unsigned char alpha;  /* letters only */
	unsigned char comma;  /* a comma between the previous word and this */
	unsigned char brk;    /* a sentence break before this word */
	unsigned char period; /* a period before this word */
	unsigned char used;   /* part of an element already reported */
} ptok;

typedef struct {
	const promo_lexicon *lx;
	kind_run *run;
	const text_view *v;
	ptok *t;
	size_t n, cap;
	/* per sentence: written in capitals; its first word of praise (or n);
	 * whether it holds a credit verb or an achievement */
	unsigned char *upper;
	size_t *praise;
	unsigned char *credits;
	size_t n_sent;
	promo_report_fn report;
	void *ctx;
	buf msg;
} scan;

static int has(const scan *s, size_t k, uint32_t bits)
{
	return (s->t[k].in & bits) != 0;
}

static int begins(const scan *s, size_t k, int lx)
{
	return (s->t[k].begins & BIT(lx)) != 0;
}

static int ends(const scan *s, size_t k, int lx)
{
	return (s->t[k].ends & BIT(lx)) != 0;
}

static int same(const scan *s, size_t a, size_t b)
{
	return s->t[a].sent == s->t[b].sent;
}

static int capital(const scan *s, size_t k)
{
	return s->t[k].cap || s->upper[s->t[k].sent];
}

/* Word k follows word k-1 with only spaces between. */
static int joined(const scan *s, size_t k)
{
	return k > 0 && same(s, k - 1, k) && !s->t[k].comma;
}

/* The last word of the match of `lx` that starts at k. */
static size_t match_end(const scan *s, size_t k, int lx)
{
	while (k + 1 < s->n && !ends(s, k, lx))
		k++;
	return k;
}

static size_t match_start(const scan *s, size_t k, int lx)
{
	while (k > 0 && !begins(s, k, lx))
		k--;
	return k;
}

/* A byte that continues a word: a letter or digit (any non-ASCII byte
 * counts, which only errs on the side of not seeing a word). */
static int wordish(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '_';
}

/* What whole words are not (as in regex.h): "#asi", "@asi", "t.co/asi",
 * "asi.gob.mx", "asi@x.mx"; a tag or handle is a word after its sign. */
static void glue(const scan *s, ptok *t, size_t gap_start)
{
	const unsigned char *v = (const unsigned char *)s->v->s;
	size_t vs = t->vs, ve = t->ve, len = s->v->len;
	unsigned char before = vs > 0 ? v[vs - 1] : ' ';
	unsigned char before2 = vs > 1 ? v[vs - 2] : ' ';
	if ((before == '#' || before == '@') && !wordish(before2))
		t->tag = before;
	else if (before == '#' || before == '@' || before == '/' || before == '_' ||
		 (before == '.' && wordish(before2)))
		t->glued = 1;
	if (ve < len && (v[ve] == '_' || ((v[ve] == '.' || v[ve] == '@' || v[ve] == '/') &&
					  ve + 1 < len && wordish(v[ve + 1]))))
		t->glued = 1;
	t->spaced = gap_start < vs;
	for (size_t g = gap_start; g < vs && t->spaced; g++)
		t->spaced = v[g] == ' ' || v[g] == '\t' || v[g] == 0xC2 || v[g] == 0xA0;
}

static void tokenize(scan *s)
{
	const text_view *v = s->v;
	const doc_t *d = s->run->doc;
	size_t i = 0, gap_start = 0;
	while (i < v->len) {
		int32_t cp;
		int n = text_decode(v->s + i, v->len - i, &cp);
		if (!text_is_alnum(cp)) {
			i += (size_t)n;
			continue;
		}
		ptok t = { 0 };
		t.vs = i;
		t.alpha = 1;
		while (i < v->len) {
			n = text_decode(v->s + i, v->len - i, &cp);
			if (!text_is_alnum(cp))
				break;
			t.alpha &= !(cp >= '0' && cp <= '9');
			i += (size_t)n;
		}
		t.ve = i;
		for (size_t g = gap_start; g < t.vs; g++) {
			char c = v->s[g];
			t.comma |= c == ',';
			t.brk |= c == '!' || c == '?' || c == ';' || c == ':' ||
				 c == '\n' || c == '|';
			/* "10.5" is no sentence break; ". " is */
			t.period |= c == '.' && t.vs - gap_start > 1;
		}
		glue(s, &t, gap_start);
		text_view_span(v, t.vs, t.ve, &t.os, &t.oe);
		int32_t first;
		text_decode(d->input + t.os, t.oe - t.os, &first);
		t.cap = (unsigned char)text_is_upper(first);
		xgrow(&s->t, &s->cap, s->n + 1, sizeof *s->t);
		s->t[s->n++] = t;
		gap_start = i;
	}
}

/* Lists match without accents, but an accent the entry lacks makes another
 * word: "Secretaría" (the office) is not "secretaria" (the person), nor
 * "inauguró" the first-person "inauguro".  Only accented input is
 * normalized again, except for first-person verbs, whose accent is the
 * person: "rescate" (a noun) is not "rescaté". */
typedef struct {
	const char *s;
	size_t len;
} span_key;

/* strcmp's order for a span that is not NUL-terminated. */
static int cmp_span(const void *key, const void *item)
{
	const span_key *k = key;
	const char *w = *(char *const *)item;
	size_t wl = strlen(w), n = k->len < wl ? k->len : wl;
	int c = memcmp(k->s, w, n);
	return c ? c : (k->len > wl) - (k->len < wl);
}

static int accent_clash(const scan *s, int lx, size_t a, size_t b)
{
	const char *in = s->run->doc->input;
	size_t os = s->t[a].os, oe = s->t[b].oe;
	int ascii = 1;
	for (size_t i = os; i < oe && ascii; i++)
		ascii = (unsigned char)in[i] < 0x80;
	if (ascii && lx != LX_FIRST_CREDIT)
		return 0;
	const text_view *fold = doc_view(s->run->doc, TEXT_FOLD);
	size_t fs = text_view_find(fold, os);
	span_key key = { fold->s + fs, text_view_find(fold, oe) - fs };
	return !bsearch(&key, s->lx->forms[lx], s->lx->n_forms[lx],
			sizeof *s->lx->forms[lx], cmp_span);
}

/* Word k of the text is the entry's word: the same bytes. */
static int same_word(const scan *s, size_t k, const char *w)
{
	size_t n = s->t[k].ve - s->t[k].vs;
	return strlen(w) == n && memcmp(s->v->s + s->t[k].vs, w, n) == 0;
}

/* The last word of entry e matched from word k, or n when it does not
 * match there. */
static size_t entry_at(const scan *s, const lex_entry *e, size_t k)
{
	size_t last = k + e->n_words - 1;
	if (last >= s->n)
		return s->n;
	for (size_t j = 1; j < e->n_words; j++)
		if (!s->t[k + j].spaced || !same_word(s, k + j, e->words[j]))
			return s->n;
	const ptok *t = &s->t[k];
	int start_ok = e->lx == LX_HANDLE ? t->tag == '@' : !t->tag && !t->glued;
	if (!start_ok || (e->n_words > 1 && s->t[last].glued) ||
	    (e->n_words == 1 && t->glued))
		return s->n;
	return last;
}

/* One pass: every list each word starts, the longest entry first; within
 * one list matches do not overlap. */
static void mark_lists(scan *s)
{
	size_t next_free[LX_N] = { 0 };
	const promo_lexicon *lx = s->lx;
	for (size_t k = 0; k < s->n; k++) {
		size_t best[LX_N];
		for (int i = 0; i < LX_N; i++)
			best[i] = s->n;
		const ptok *t = &s->t[k];
		size_t b = hash_bytes(s->v->s + t->vs, t->ve - t->vs) & lx->mask;
		for (long e = lx->buckets[b]; e >= 0; e = lx->entries[e].next) {
			const lex_entry *en = &lx->entries[e];
			if (k < next_free[en->lx] || !same_word(s, k, en->words[0]))
				continue;
			size_t last = entry_at(s, en, k);
			if (last < s->n && (best[en->lx] == s->n || last > best[en->lx]) &&
			    !accent_clash(s, en->lx, k, last))
				best[en->lx] = last;
		}
		for (int i = 0; i < LX_N; i++) {
			if (best[i] == s->n)
				continue;
			s->t[k].begins |= BIT(i);
			s->t[best[i]].ends |= BIT(i);
			for (size_t j = k; j <= best[i]; j++)
				s->t[j].in |= BIT(i);
			next_free[i] = best[i] + 1;
		}
	}
}

/* Sentences, and whether each is written in capitals (then capitals say
 * nothing about proper names). */
static void mark_sentences(scan *s)
{
	unsigned sent = 0;
	for (size_t k = 0; k < s->n; k++) {
		if (k > 0 && (s->t[k].brk ||
			      (s->t[k].period && !has(s, k - 1, BIT(LX_ABBREV)))))
			sent++;
		s->t[k].sent = sent;
	}
	s->n_sent = s->n ? sent + 1 : 0;
	s->upper = xcalloc(s->n_sent ? s->n_sent : 1, 1);
	s->credits = xcalloc(s->n_sent ? s->n_sent : 1, 1);
	s->praise = xmalloc((s->n_sent ? s->n_sent : 1) * sizeof *s->praise);
	for (size_t i = 0; i < s->n_sent; i++)
		s->praise[i] = s->n;
	for (size_t k = s->n; k-- > 0;) {
		unsigned st = s->t[k].sent;
		if (begins(s, k, LX_PRAISE))
			s->praise[st] = k;
		s->credits[st] |= has(s, k, BIT(LX_CREDIT) | BIT(LX_ACHIEVE));
	}
	const char *in = s->run->doc->input;
	size_t upper = 0, lower = 0;
	for (size_t k = 0; k < s->n; k++) {
		for (size_t i = s->t[k].os; i < s->t[k].oe;) {
			int32_t cp;
			i += (size_t)text_decode(in + i, s->t[k].oe - i, &cp);
			upper += (size_t)text_is_upper(cp);
			lower += (size_t)text_is_lower(cp);
		}
		if (k + 1 == s->n || s->t[k + 1].sent != s->t[k].sent) {
			s->upper[s->t[k].sent] = upper >= 4 && lower * 5 < upper;
			upper = lower = 0;
		}
	}
}

static const uint32_t NOT_A_SURNAME =
	BIT(LX_STOP) | BIT(LX_ART) | BIT(LX_CREDIT) | BIT(LX_TITLE) |
	BIT(LX_FIRST) | BIT(LX_FIRST_CREDIT) | BIT(LX_ROUTE) | BIT(LX_PLACE) |
	BIT(LX_LINK) | BIT(LX_CITIZEN) | BIT(LX_POSSESSIVE) | BIT(LX_ABBREV) |
	BIT(LX_PRAISE) | BIT(LX_ACHIEVE);

static int surname_like(const scan *s, size_t k)
{
	return joined(s, k) && s->t[k].alpha && !s->t[k].tag && capital(s, k) &&
	       !has(s, k, NOT_A_SURNAME);
}

/* A citizen, not an official: "la vecina Ana López", "Ana López, vecina". */
static int citizen_around(const scan *s, size_t ps, size_t pe)
{
	for (size_t k = ps; k > 0 && k + 2 > ps; k--)
		if (same(s, k - 1, ps) && has(s, k - 1, BIT(LX_CITIZEN)))
			return 1;
	if (pe < s->n && s->t[pe].comma && same(s, pe, ps)) {
		size_t k = pe + (has(s, pe, BIT(LX_ART)) && pe + 1 < s->n);
		return same(s, k, ps) && has(s, k, BIT(LX_CITIZEN));
	}
	return 0;
}

/* A person's name starting at word i with no list: returns the word after
 * it, or 0. */
static size_t person_at(const scan *s, size_t i)
{
	const ptok *t = s->t;
	if (!begins(s, i, LX_GIVEN) || t[i].tag || !capital(s, i))
		return 0;
	size_t k = match_end(s, i, LX_GIVEN) + 1;
	while (k < s->n && k < i + 3 && joined(s, k) && begins(s, k, LX_GIVEN) &&
	       capital(s, k) && !t[k].tag)
		k = match_end(s, k, LX_GIVEN) + 1;
	size_t surnames = 0;
	while (k < s->n && surnames < 2 && surname_like(s, k)) {
		k++;
		surnames++;
	}
	/* a title right before makes a given name alone a person: "la
	 * gobernadora Marina del Pilar", "el alcalde Román" */
	if (!surnames && !(i > 0 && joined(s, i) && ends(s, i - 1, LX_TITLE)))
		return 0;
	for (size_t j = i; j < k; j++)
		if (has(s, j, BIT(LX_HIST) | BIT(LX_OFFICIAL)) || t[j].used)
			return 0;
	for (size_t j = i; j > 0 && j + 3 > i; j--)
		if (same(s, j - 1, i) && has(s, j - 1, BIT(LX_PLACE)))
			return 0;
	return citizen_around(s, i, k) ? 0 : k;
}

/* A title right before the person at ps, with an organisation between
 * ("la directora de Obras Públicas, Ana López"): its first word, or n. */
static size_t title_before(const scan *s, size_t ps)
{
	for (size_t k = ps; k > 0 && k + 8 > ps; k--) {
		size_t p = k - 1;
		if (!same(s, p, ps) || has(s, p, BIT(LX_CREDIT)))
			break;
		if (ends(s, p, LX_TITLE))
			return match_start(s, p, LX_TITLE);
		if (!has(s, p, BIT(LX_STOP) | BIT(LX_ART)) && !capital(s, p))
			break;
	}
	return s->n;
}

/* A title behind a comma after the person ("Juan Pérez, alcalde"). */
static size_t title_after(const scan *s, size_t pe, size_t ps)
{
	if (pe >= s->n || !s->t[pe].comma || !same(s, pe, ps))
		return s->n;
	size_t k = pe + (has(s, pe, BIT(LX_ART)) && pe + 1 < s->n);
	return same(s, k, ps) && begins(s, k, LX_TITLE) ? k : s->n;
}

/* A credit verb whose subject is the person [ps, pe): its first word, or n.
 * `*routed` tells a routed credit ("gracias a la gestión de") apart. */
static size_t credit_of(const scan *s, size_t ps, size_t pe, size_t from,
			int *routed)
{
	*routed = 0;
	size_t k = pe;
	if (k < s->n && s->t[k].comma && same(s, k, ps)) {
		/* an appositive: "Juan Pérez, alcalde de Tecate, entrega" */
		size_t j = k + 1;
		while (j < s->n && j < k + 10 && same(s, j, ps) && !s->t[j].comma)
			j++;
		k = j < s->n && s->t[j].comma && same(s, j, ps) ? j : s->n;
	}
	for (int links = 0; k < s->n && links < 3 && same(s, k, ps) &&
			    has(s, k, BIT(LX_LINK)) && !begins(s, k, LX_CREDIT);
	     links++)
		k++;
	if (k < s->n && same(s, k, ps) && begins(s, k, LX_CREDIT))
		return k;
	/* before: "Arranca Román Cota", "gracias a nuestro alcalde"; n: don't look */
	if (from >= s->n)
		return s->n;
	k = from;
	while (k > 0 && same(s, k - 1, ps) &&
	       has(s, k - 1, BIT(LX_ART) | BIT(LX_POSSESSIVE) | BIT(LX_LINK)) &&
	       !ends(s, k - 1, LX_ROUTE) && !ends(s, k - 1, LX_CREDIT))
		k--;
	if (k == 0 || !same(s, k - 1, ps) || s->t[k].comma)
		return s->n;
	if (ends(s, k - 1, LX_ROUTE)) {
		*routed = 1;
		return match_start(s, k - 1, LX_ROUTE);
	}
	return ends(s, k - 1, LX_CREDIT) ? match_start(s, k - 1, LX_CREDIT) : s->n;
}

/* The first word of praise in the sentence of word k, or n. */
static size_t praise_in(const scan *s, size_t k)
{
	return s->praise[s->t[k].sent];
}

/* The words [a, b] of the input, for messages. */
static int span_len(const scan *s, size_t a, size_t b)
{
	return (int)(s->t[b].oe - s->t[a].os);
}

static const char *span_text(const scan *s, size_t a)
{
	return s->run->doc->input + s->t[a].os;
}

static void report(scan *s, size_t a, size_t b, int is_error)
{
	promo_element e = { s->t[a].os, s->t[b].oe - s->t[a].os, is_error,
			    s->msg.ptr };
	for (size_t k = a; k <= b; k++)
		s->t[k].used = 1;
	s->report(s->ctx, &e);
	buf_dispose(&s->msg);
}

/* The titles of a reported person say nothing more. */
static void mark_title(scan *s, size_t before, size_t ps, size_t after)
{
	for (size_t k = before; k < ps; k++)
		s->t[k].used = 1;
	if (after < s->n)
		for (size_t k = match_end(s, after, LX_TITLE); k >= after; k--)
			s->t[k].used = 1;
}

/* A person [ps, pe) found by name: decide by the other elements. */
static void judge_person(scan *s, size_t ps, size_t pe, int official)
{
	size_t n = s->n, title = title_before(s, ps);
	size_t first = title < n ? title : ps;
	size_t after = title_after(s, pe, ps);
	int routed;
	size_t credit = credit_of(s, ps, pe, first, &routed);
	size_t praise = praise_in(s, ps);
	int possessive = first > 0 && same(s, first - 1, ps) &&
			 has(s, first - 1, BIT(LX_POSSESSIVE));
	int titled = title < n || after < n;
	int nlen = span_len(s, ps, pe - 1);
	const char *name = span_text(s, ps);
	if (credit < n && routed) {
		size_t ce = match_end(s, credit, LX_ROUTE);
		buf_printf(&s->msg, _("crédito dirigido a una persona: «%.*s» «%.*s»; atribuya la acción a la dependencia (promoción personalizada)"),
			   span_len(s, credit, ce), span_text(s, credit), nlen, name);
	} else if (credit < n) {
		size_t ce = match_end(s, credit, LX_CREDIT);
		buf_printf(&s->msg, _("«%.*s» es sujeto del crédito «%.*s»: persona identificada y acreditada (promoción personalizada); atribuya la acción al Gobierno de Tecate"),
			   nlen, name, span_len(s, credit, ce), span_text(s, credit));
	} else if (possessive) {
		buf_printf(&s->msg, _("«%.*s» con un título posesivo o afectivo: promoción personalizada"),
			   nlen, name);
	} else if (praise < n && (official || titled)) {
		size_t pe2 = match_end(s, praise, LX_PRAISE);
		buf_printf(&s->msg, _("«%.*s» aparece junto al elogio «%.*s»: persona identificada y elogiada (promoción personalizada)"),
			   nlen, name, span_len(s, praise, pe2), span_text(s, praise));
	} else if (official || titled) {
		buf_printf(&s->msg, _("«%.*s»: nombre de un servidor público en una frase neutra; la comunicación institucional nombra el cargo o la dependencia"),
			   nlen, name);
		report(s, ps, pe - 1, 0);
		mark_title(s, title, ps, after);
		return;
	} else {
		return;
	}
	report(s, ps, pe - 1, 1);
	mark_title(s, title, ps, after);
}

/* A one-word entry of list `lx` equal to w[0..len). */
static int whole_word_in(const scan *s, int lx, const char *w, size_t len)
{
	const promo_lexicon *x = s->lx;
	for (long e = x->buckets[hash_bytes(w, len) & x->mask]; e >= 0;
	     e = x->entries[e].next) {
		const lex_entry *en = &x->entries[e];
		if (en->lx == lx && en->n_words == 1 && strlen(en->words[0]) == len &&
		    memcmp(en->words[0], w, len) == 0)
			return 1;
	}
	return 0;
}

/* Hashtag parts at capitals: "#JuanCumple" -> juan, cumple. */
static void personal_hashtag(scan *s, size_t k)
{
	const char *in = s->run->doc->input;
	const ptok *t = &s->t[k];
	size_t parts[8], n = 0;
	for (size_t i = t->os; i < t->oe && n < 8;) {
		int32_t cp;
		int len = text_decode(in + i, t->oe - i, &cp);
		if (i == t->os || text_is_upper(cp))
			parts[n++] = i;
		i += (size_t)len;
	}
	if (n < 2 || n >= 8)
		return;
	int given = 0, credit = 0, with = 0;
	for (size_t p = 0; p < n; p++) {
		/* the part as the view has it: folded, without accents */
		size_t a = text_view_find(s->v, parts[p]);
		size_t b = text_view_find(s->v, p + 1 < n ? parts[p + 1] : t->oe);
		const char *w = s->v->s + a;
		/* "#ConMariana", "#TecateConMariana": "con" before a name */
		if (whole_word_in(s, LX_GIVEN, w, b - a)) {
			given = 1;
			credit |= with;
		} else if (whole_word_in(s, LX_CREDIT, w, b - a) ||
			   whole_word_in(s, LX_PRAISE, w, b - a)) {
			credit = 1;
		}
		with = b - a == 3 && memcmp(w, "con", 3) == 0;
	}
	if (!given || !credit)
		return;
	buf_printf(&s->msg, _("«#%.*s»: etiqueta personal de un servidor público (promoción personalizada)"),
		   span_len(s, k, k), span_text(s, k));
	report(s, k, k, 1);
}

static void check_officials(scan *s)
{
	for (size_t k = 0; k < s->n; k++) {
		if (s->t[k].used)
			continue;
		if (begins(s, k, LX_OFFICIAL) && !s->t[k].tag) {
			judge_person(s, k, match_end(s, k, LX_OFFICIAL) + 1, 1);
			continue;
		}
		int handle = s->t[k].tag == '@' && begins(s, k, LX_HANDLE);
		int hashtag = 0;
		for (size_t i = 0; s->t[k].tag == '#' && i < s->lx->n_tag_keys && !hashtag; i++)
			hashtag = memmem(s->v->s + s->t[k].vs, s->t[k].ve - s->t[k].vs,
					 s->lx->tag_keys[i], strlen(s->lx->tag_keys[i])) != NULL;
		if (!handle && !hashtag)
			continue;
		buf_printf(&s->msg, handle ? _("«@%.*s»: cuenta personal de un servidor público en una publicación institucional")
					   : _("«#%.*s»: etiqueta personal de un servidor público (promoción personalizada)"),
			   span_len(s, k, k), span_text(s, k));
		report(s, k, k, hashtag || praise_in(s, k) < s->n);
	}
}

/* A title with no name: possessive or routed credit (errors), or the
 * subject of a credit verb (a warning); otherwise the institutional voice. */
static void judge_title(scan *s, size_t ts)
{
	size_t te = match_end(s, ts, LX_TITLE), n = s->n;
	int tlen = span_len(s, ts, te);
	const char *title = span_text(s, ts);
	int possessive = ts > 0 && same(s, ts - 1, ts) &&
			 has(s, ts - 1, BIT(LX_POSSESSIVE));
	int routed;
	size_t credit = credit_of(s, ts, te + 1, ts, &routed);
	if (possessive) {
		size_t ps = ts - 1;
		while (ps > 0 && same(s, ps - 1, ts) && has(s, ps - 1, BIT(LX_POSSESSIVE)))
			ps--;
		buf_printf(&s->msg, _("«%.*s»: título posesivo o afectivo de un servidor público (promoción personalizada)"),
			   span_len(s, ps, te), span_text(s, ps));
		report(s, ps, te, 1);
		return;
	}
	if (credit < n && routed) {
		size_t ce = match_end(s, credit, LX_ROUTE);
		buf_printf(&s->msg, _("crédito dirigido al titular: «%.*s» «%.*s»; atribuya la acción a la dependencia (promoción personalizada)"),
			   span_len(s, credit, ce), span_text(s, credit), tlen, title);
		report(s, ts, te, 1);
		return;
	}
	/* "el alcalde de Tecate inauguró": skip the organisation */
	size_t k = te + 1;
	while (k < n && k < te + 5 && joined(s, k) &&
	       (has(s, k, BIT(LX_STOP) | BIT(LX_ART)) || capital(s, k)) &&
	       !begins(s, k, LX_CREDIT) && !has(s, k, BIT(LX_LINK)))
		k++;
	size_t after = credit_of(s, ts, k, n, &routed);
	if (after == n)
		after = credit;
	if (after == n)
		return;
	size_t ce = match_end(s, after, LX_CREDIT);
	buf_printf(&s->msg, _("«%.*s» recibe el crédito «%.*s»: atribuya la acción a la dependencia, no al titular"),
		   tlen, title, span_len(s, after, ce), span_text(s, after));
	report(s, ts, te, 0);
}

static void check_persons(scan *s)
{
	size_t n = s->n;
	for (size_t k = 0; k < n; k++) {
		size_t pe;
		if (!s->t[k].used && (pe = person_at(s, k)))
			judge_person(s, k, pe, 0);
	}
	/* a title before capitalised words with no known given name:
	 * "el secretario Eufrasio Santana" */
	for (size_t k = 0; k + 2 < n; k++) {
		if (!ends(s, k, LX_TITLE) || s->t[k].used || s->upper[s->t[k].sent])
			continue;
		size_t a = k + 1, b = a;
		while (b < n && b < a + 3 && (b == a ? joined(s, b) || s->t[b].comma : 1) &&
		       s->t[b].alpha && s->t[b].cap && !s->t[b].tag &&
		       !has(s, b, NOT_A_SURNAME | BIT(LX_HIST)) &&
		       (b == a || joined(s, b)))
			b++;
		if (b - a >= 2 && !s->t[a].used && !citizen_around(s, a, b))
			judge_person(s, a, b, 0);
	}
	for (size_t k = 0; k < n; k++) {
		if (begins(s, k, LX_TITLE) && !s->t[k].used && !s->t[k].tag)
			judge_title(s, k);
		else if (s->t[k].tag == '#' && !s->t[k].used)
			personal_hashtag(s, k);
	}
}

static void check_first_person(scan *s)
{
	for (size_t k = 0; k < s->n; k++) {
		if (s->t[k].used || s->t[k].tag)
			continue;
		if (begins(s, k, LX_FIRST_CREDIT)) {
			size_t e = match_end(s, k, LX_FIRST_CREDIT);
			buf_printf(&s->msg, _("«%.*s»: voz en primera persona de un servidor público que se atribuye un logro (promoción personalizada)"),
				   span_len(s, k, e), span_text(s, k));
			report(s, k, e, 1);
		} else if (begins(s, k, LX_FIRST)) {
			size_t e = match_end(s, k, LX_FIRST);
			int credited = praise_in(s, k) < s->n || s->credits[s->t[k].sent];
			buf_printf(&s->msg, credited ? _("«%.*s»: voz en primera persona de un servidor público junto a un logro (promoción personalizada)")
						     : _("«%.*s»: voz en primera persona de un servidor público; escriba con la voz institucional"),
				   span_len(s, k, e), span_text(s, k));
			report(s, k, e, credited);
		}
	}
}

/* Every match of a coalition slogan, an achievement or an elected office is
 * an error. */
static void report_matches(scan *s, int lx)
{
	for (size_t k = 0; k < s->n; k++) {
		if (!begins(s, k, lx) || s->t[k].used)
			continue;
		size_t e = match_end(s, k, lx);
		int len = span_len(s, k, e);
		if (lx == LX_SLOGAN)
			buf_printf(&s->msg, _("«%.*s»: nombre, sigla o lema de un partido o coalición en comunicación institucional (promoción partidista)"),
				   len, span_text(s, k));
		else if (lx == LX_ELECTED)
			buf_printf(&s->msg, _("«%.*s»: cargo de elección popular"), len,
				   span_text(s, k));
		else
			buf_printf(&s->msg, _("«%.*s»: logro u obra de gobierno"), len,
				   span_text(s, k));
		report(s, k, e, 1);
	}
}

static int check_parties(scan *s)
{
	/* coalition slogans are phrases: no homographs, any case */
	report_matches(s, LX_SLOGAN);
	const text_view *v = doc_view(s->run->doc, TEXT_STRIP);
	size_t at = 0, ms, me;
	int rc = 0;
	while (s->lx->parties &&
	       (rc = rx_next(s->lx->parties, s->run->scratch, v->s, v->len, at, &ms,
			     &me)) == 1) {
		at = me;
		size_t os, oe;
		text_view_span(v, ms, me, &os, &oe);
		int homograph = 0;
		for (size_t i = 0; i < s->lx->n_homographs && !homograph; i++)
			homograph = strlen(s->lx->homographs[i]) == me - ms &&
				    memcmp(s->lx->homographs[i], v->s + ms, me - ms) == 0;
		/* "PAN" in a sentence in capitals is bread */
		size_t lo = 0, hi = s->n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (s->t[mid].os < os)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < s->n && (s->t[lo].tag == '@' ||
				  (homograph && s->upper[s->t[lo].sent])))
			continue;
		buf_printf(&s->msg, _("«%.*s»: nombre, sigla o lema de un partido o coalición en comunicación institucional (promoción partidista)"),
			   (int)(oe - os), s->run->doc->input + os);
		promo_element e = { os, oe - os, 1, s->msg.ptr };
		s->report(s->ctx, &e);
		buf_dispose(&s->msg);
	}
	return s->lx->parties && rc == PREGON_ELIMIT ? rc : 0;
}

int promo_scan(const promo_lexicon *lx, kind_run *run, int what,
	       promo_report_fn report_fn, void *ctx)
{
	scan s = { 0 };
	s.lx = lx;
	s.run = run;
	s.v = doc_view(run->doc, VIEW);
	s.report = report_fn;
	s.ctx = ctx;
	buf_init(&s.msg);
	tokenize(&s);
	mark_lists(&s);
	mark_sentences(&s);
	if (what & PROMO_OFFICIALS)
		check_officials(&s);
	if (what & PROMO_PERSONS)
		check_persons(&s);
	if (what & PROMO_FIRST_PERSON)
		check_first_person(&s);
	if (what & PROMO_ACHIEVEMENTS)
		report_matches(&s, LX_ACHIEVE);
	if (what & PROMO_ELECTED)
		report_matches(&s, LX_ELECTED);
	int rc = what & PROMO_PARTIES ? check_parties(&s) : 0;
	buf_dispose(&s.msg);
	free(s.upper);
	free(s.praise);
	free(s.credits);
	free(s.t);
	return rc;
}

/* ---- the `promotion` kind ---------------------------------------------- */

typedef struct {
	promo_lexicon *lx;
	int what;
} promotion_state;

static const char *const keys[] = { "comprueba", "lexico", NULL };

/* The `comprueba` words, in the order of the PROMO_* bits. */
static const char *const check_names[] = { "funcionarios", "personas",
					   "primera-persona", "partidos", NULL };

static void promotion_free(void *p)
{
	promotion_state *s = p;
	if (!s)
		return;
	promo_lexicon_free(s->lx);
	free(s);
}

static int promotion_compile(void **out, const kind_compile *c,
			     pregon_diag *diag)
{
	*out = NULL;
	const y_node *what, **items;
	size_t n;
	if (kind_overrides_known(c, &kind_promotion, diag) ||
	    kind_require(c, "comprueba",
			 _("añada «comprueba: funcionarios», «personas», «primera-persona» o «partidos»"),
			 _("la regla no dice qué comprueba"), &what, diag) ||
	    y_to_str_list(what, &items, &n, diag))
		return PREGON_EINVAL;
	promotion_state *s = xcalloc(1, sizeof *s);
	for (size_t k = 0; k < n; k++) {
		int bit = 0;
		for (int i = 0; check_names[i]; i++)
			if (strcmp(check_names[i], items[k]->str) == 0)
				bit = 1 << i;
		if (!bit) {
			y_error(diag, items[k], _("use funcionarios, personas, primera-persona o partidos"),
				_("comprobación desconocida «%s»"), items[k]->str);
			free(items);
			free(s);
			return PREGON_EINVAL;
		}
		s->what |= bit;
	}
	free(items);
	int rc = n ? promo_lexicon_load(&s->lx, c, diag) : PREGON_EINVAL;
	if (!n)
		y_error(diag, what, _("use funcionarios, personas, primera-persona o partidos"),
			_("la lista de comprobaciones está vacía"));
	if (rc) {
		promotion_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

static void emit_element(void *ctx, const promo_element *e)
{
	kind_run *run = ctx;
	kind_finding f = { 0 };
	f.offset = e->offset;
	f.length = e->length;
	f.message = e->message;
	f.is_error = e->is_error;
	run->emit(run, &f);
}

static int promotion_check(const void *p, kind_run *run)
{
	const promotion_state *s = p;
	return promo_scan(s->lx, run, s->what, emit_element, run);
}

const kind_ops kind_promotion = { "promotion", keys, promotion_compile, NULL,
				  promotion_check, promotion_free, NULL };
