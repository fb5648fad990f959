/* spanish.c: Spanish word formation that a dictionary leaves out. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common.h"
#include "spanish.h"
#include "text.h"

#define MAX_CPS 64

typedef struct {
	int32_t c[MAX_CPS + 8];
	size_t n;
} word_cps;

static int decode(const char *s, word_cps *w)
{
	size_t len = strlen(s);
	w->n = 0;
	for (size_t i = 0; i < len;) {
		if (w->n == MAX_CPS)
			return -1;
		i += (size_t)text_decode(s + i, len - i, &w->c[w->n++]);
	}
	return 0;
}

static char *encode(const int32_t *c, size_t n, const char *tail)
{
	char *head = text_encode(c, n);
	if (!tail || !*tail)
		return head;
	buf b;
	buf_init(&b);
	buf_puts(&b, head);
	buf_puts(&b, tail);
	free(head);
	return buf_detach(&b);
}

/* ---- vowels and accents ------------------------------------------------ */

static const int32_t plain_vowels[] = { 'a', 'e', 'i', 'o', 'u' };
static const int32_t acute_vowels[] = { 0xE1, 0xE9, 0xED, 0xF3, 0xFA };

static int32_t plain_of(int32_t c)
{
	for (int i = 0; i < 5; i++)
		if (acute_vowels[i] == c)
			return plain_vowels[i];
	return c;
}

static int32_t acute_of(int32_t c)
{
	for (int i = 0; i < 5; i++)
		if (plain_vowels[i] == c)
			return acute_vowels[i];
	return c;
}

static int is_acute(int32_t c)
{
	return plain_of(c) != c;
}

/* a, e, o, and í, ú, whose accent breaks a diphthong */
static int is_strong(int32_t c)
{
	int32_t p = plain_of(c);
	return p == 'a' || p == 'e' || p == 'o' || c == 0xED || c == 0xFA;
}

/* A vowel that is pronounced: the u of "que", "gui" is not, a final y
 * after a vowel is ("hoy"). */
static int is_vowel_at(const int32_t *c, size_t n, size_t i)
{
	int32_t p = plain_of(c[i]);
	if (p == 'u' && c[i] == 'u' && i > 0 && (c[i - 1] == 'q' || c[i - 1] == 'g') &&
	    i + 1 < n) {
		int32_t next = plain_of(c[i + 1]);
		if (next == 'e' || next == 'i')
			return 0;
	}
	if (c[i] == 'y')
		return i + 1 == n && i > 0 && is_vowel_at(c, n, i - 1);
	return p == 'a' || p == 'e' || p == 'i' || p == 'o' || p == 'u' || c[i] == 0xFC;
}

/* The vowel groups that make syllables: [start, end) of each, in order;
 * two strong vowels side by side are two syllables. */
static size_t nuclei(const int32_t *c, size_t n, size_t (*at)[2])
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		if (!is_vowel_at(c, n, i)) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < n && is_vowel_at(c, n, j) &&
		       !(is_strong(c[j - 1]) && is_strong(c[j])))
			j++;
		at[k][0] = i;
		at[k][1] = j;
		k++;
		i = j;
	}
	return k;
}

/* Index of the stressed group: the accented one, else the next to last
 * when the word ends in a vowel, n or s, else the last. */
static size_t stressed(const int32_t *c, size_t n, size_t (*at)[2], size_t k)
{
	for (size_t g = 0; g < k; g++)
		for (size_t i = at[g][0]; i < at[g][1]; i++)
			if (is_acute(c[i]))
				return g;
	int32_t last = plain_of(c[n - 1]);
	int soft_end = last == 'n' || last == 's' ||
		       (last != 'y' && is_vowel_at(c, n, n - 1));
	return soft_end && k >= 2 ? k - 2 : k - 1;
}

/* The vowel of a group that carries the written accent: the strong one,
 * else the second of two weak ones ("cuídate"). */
static size_t accent_slot(const int32_t *c, const size_t *group)
{
	for (size_t i = group[0]; i < group[1]; i++) {
		int32_t p = plain_of(c[i]);
		if (p == 'a' || p == 'e' || p == 'o')
			return i;
	}
	return group[1] - 1;
}

/* Remove the written accents a new stress position makes wrong, keeping
 * those on í, ú that mark a hiatus ("oírlo", "reúnelos"). */
static void strip_accents(int32_t *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!is_acute(c[i]))
			continue;
		int hiatus = (c[i] == 0xED || c[i] == 0xFA) &&
			     ((i > 0 && is_strong(c[i - 1]) && !is_acute(c[i - 1])) ||
			      (i + 1 < n && is_strong(c[i + 1]) && !is_acute(c[i + 1])));
		if (!hiatus)
			c[i] = plain_of(c[i]);
	}
}

int sp_stress_from_end(const char *word)
{
	word_cps w;
	size_t at[MAX_CPS][2];
	if (decode(word, &w) || w.n == 0)
		return -1;
	size_t k = nuclei(w.c, w.n, at);
	if (k == 0)
		return -1;
	return (int)(k - 1 - stressed(w.c, w.n, at, k));
}

/* The word with the accents of `c` compared to `word`, ignoring accents:
 * 0 equal, 1 equal but for accents, -1 different. */
static int compare_accents(const char *a, const char *b)
{
	word_cps x, y;
	if (decode(a, &x) || decode(b, &y) || x.n != y.n)
		return -1;
	int same = 1;
	for (size_t i = 0; i < x.n; i++) {
		if (x.c[i] == y.c[i])
			continue;
		if (plain_of(x.c[i]) != plain_of(y.c[i]))
			return -1;
		same = 0;
	}
	return same ? 0 : 1;
}

/* ---- enclitic pronouns ------------------------------------------------- */

/* Monosyllabic imperatives and forms the dictionary lists as words of
 * their own, not as forms of a verb. */
static const char *const short_verb_forms[] = {
	"da", "dé", "den", "di", "haz", "ve", "pon", "sal", "ten", "ven",
	"sé", "vamos", "id", "oír", "ir", "está", "estén", "esté",
};

static int ends_with(const char *s, size_t n, const char *tail, size_t k)
{
	return n > k && memcmp(s + n - k, tail, k) == 0;
}

/* A form that takes pronouns after it: an infinitive, a gerund or an
 * imperative.  The plural and first-person imperatives are subjunctives,
 * so their vowel tells them from the indicative ("llámenlos" from llamar,
 * but not "incluyen" + te, which is no command). */
static int verb_form(const char *form, const sp_lexicon *lex)
{
	for (size_t i = 0; i < sizeof short_verb_forms / sizeof *short_verb_forms; i++)
		if (strcmp(form, short_verb_forms[i]) == 0)
			return 1;
	int conj = lex->verb(lex->ctx, form);
	size_t n = strlen(form);
	if (!conj || form[n - 1] == 'r' || ends_with(form, n, "ndo", 3))
		return conj != 0;
	int ar = conj & SP_AR, er_ir = conj & (SP_ER | SP_IR);
	if (form[n - 1] == 'n')
		return (ar && ends_with(form, n, "en", 2)) ||
		       (er_ir && ends_with(form, n, "an", 2));
	if (ends_with(form, n, "mos", 3))
		return (ar && ends_with(form, n, "emos", 4)) ||
		       (er_ir && ends_with(form, n, "amos", 4));
	return 1;
}

static const char *const first_clitics[] = { "me", "te", "se", "nos" };
static const char *const last_clitics[] = { "me", "te", "se", "nos", "le",
					   "les", "lo", "la", "los", "las" };

/* The verb form `base` (without the pronouns, accents stripped) tried as
 * written and, for a final stressed syllable, with its accent ("está").
 * On success *stress is its stressed group from the end. */
static int verb_base(const word_cps *base, const sp_lexicon *lex, int *stress)
{
	size_t at[MAX_CPS][2];
	size_t k = nuclei(base->c, base->n, at);
	if (k == 0)
		return 0;
	char *form = encode(base->c, base->n, NULL);
	int ok = verb_form(form, lex);
	free(form);
	if (ok) {
		*stress = (int)(k - 1 - stressed(base->c, base->n, at, k));
		return 1;
	}
	word_cps aguda = *base;
	size_t slot = accent_slot(aguda.c, at[k - 1]);
	aguda.c[slot] = acute_of(aguda.c[slot]);
	form = encode(aguda.c, aguda.n, NULL);
	ok = verb_form(form, lex);
	free(form);
	if (ok)
		*stress = 0;
	return ok;
}

/* `word` split as base + pronouns: SP_* and the rightly accented form. */
static int try_split(const char *word, size_t pron_len, int n_pron,
		     const sp_lexicon *lex, char **fix)
{
	size_t base_len = strlen(word) - pron_len;
	const char *pron = word + base_len;
	char *base_str = xstrndup(word, base_len);
	word_cps base;
	int rc = decode(base_str, &base);
	free(base_str);
	if (rc || base.n < 2)
		return SP_NONE;
	int32_t last = plain_of(base.c[base.n - 1]);
	int vowel_end = is_vowel_at(base.c, base.n, base.n - 1);
	int mos = base.n > 3 && last == 's' && base.c[base.n - 2] == 'o' &&
		  base.c[base.n - 3] == 'm'; /* "revisémoslo" */
	if (!vowel_end && last != 'n' && last != 'r' && !mos)
		return SP_NONE;
	strip_accents(base.c, base.n);
	/* "vámonos", "démoselo": the -s of -mos falls before nos and se */
	word_cps full = base;
	int dropped_s = (strncmp(pron, "nos", 3) == 0 || strncmp(pron, "se", 2) == 0) &&
			base.n >= 2 && base.c[base.n - 2] == 'm' && base.c[base.n - 1] == 'o';
	if (dropped_s)
		full.c[full.n++] = 's';
	int stress;
	if (!verb_base(&full, lex, &stress) &&
	    (!dropped_s || !verb_base(&base, lex, &stress)))
		return SP_NONE;
	/* the pronouns add one syllable each; two or more after the stress
	 * make the word esdrújula, which always takes the accent */
	size_t at[MAX_CPS][2];
	size_t k = nuclei(base.c, base.n, at);
	size_t group = k - 1 - (size_t)stress;
	if (stress + n_pron >= 2 && group < k) {
		size_t slot = accent_slot(base.c, at[group]);
		base.c[slot] = acute_of(base.c[slot]);
	}
	char *right = encode(base.c, base.n, pron);
	int cmp = compare_accents(right, word);
	if (cmp == 1) {
		*fix = right;
		return SP_ENCLITIC_ACCENT;
	}
	free(right);
	return cmp == 0 ? SP_ENCLITIC_OK : SP_NONE;
}

int sp_enclitic(const char *word, const sp_lexicon *lex, char **fix)
{
	*fix = NULL;
	size_t n = strlen(word);
	/* the pronouns a word may end in, two first ("dígaselo" is diga + se +
	 * lo): "melo", "selas"..., then one */
	enum { N_FIRST = sizeof first_clitics / sizeof *first_clitics,
	       N_LAST = sizeof last_clitics / sizeof *last_clitics };
	char endings[N_FIRST * N_LAST + N_LAST][8];
	int counts[N_FIRST * N_LAST + N_LAST];
	size_t n_endings = 0;
	for (size_t a = 0; a < N_FIRST; a++)
		for (size_t b = 4; b < N_LAST; b++) {
			snprintf(endings[n_endings], sizeof *endings, "%s%s",
				 first_clitics[a], last_clitics[b]);
			counts[n_endings++] = 2;
		}
	for (size_t b = 0; b < N_LAST; b++) {
		snprintf(endings[n_endings], sizeof *endings, "%s", last_clitics[b]);
		counts[n_endings++] = 1;
	}
	int best = SP_NONE;
	for (size_t i = 0; i < n_endings; i++) {
		size_t k = strlen(endings[i]);
		if (!ends_with(word, n, endings[i], k))
			continue;
		char *f = NULL;
		int rc = try_split(word, k, counts[i], lex, &f);
		if (rc == SP_ENCLITIC_OK) {
			free(f);
			free(*fix);
			*fix = NULL;
			return rc;
		}
		if (rc == SP_ENCLITIC_ACCENT && !*fix) {
			*fix = f;
			best = rc;
		} else {
			free(f);
		}
	}
	return best;
}

/* ---- derived words ----------------------------------------------------- */

/* stem + tail, known as written or, when the suffix takes the stress, with
 * an accent on one vowel ("fácil" behind "facilísimo", "rincón" behind
 * "rinconcito"). */
static int known_stem(const char *stem, size_t len, const char *tail,
		      int accent_moves, const sp_lexicon *lex)
{
	buf b;
	buf_init(&b);
	buf_put(&b, stem, len);
	buf_puts(&b, tail);
	char *form = buf_detach(&b);
	word_cps w;
	int ok = 0;
	if (decode(form, &w) == 0 && w.n >= 3) {
		ok = lex->known(lex->ctx, form);
		for (size_t i = 0; i < w.n && !ok && accent_moves; i++) {
			if (!is_vowel_at(w.c, w.n, i) || acute_of(w.c[i]) == w.c[i])
				continue;
			int32_t orig = w.c[i];
			w.c[i] = acute_of(orig);
			char *v = encode(w.c, w.n, NULL);
			ok = lex->known(lex->ctx, v);
			free(v);
			w.c[i] = orig;
		}
	}
	free(form);
	return ok;
}

/* The stem of a superlative or diminutive back to its word: the vowel it
 * lost, and the spelling changes before i (poquito, larguísimo, feliz ->
 * felicísimo, amable -> amabilísimo). */
static int known_base(const char *stem, size_t len, const sp_lexicon *lex)
{
	static const char *const vowels[] = { "o", "a", "e", "" };
	for (size_t i = 0; i < sizeof vowels / sizeof *vowels; i++)
		if (known_stem(stem, len, vowels[i], 1, lex))
			return 1;
	if (len > 2 && stem[len - 1] == 'u' && (stem[len - 2] == 'q' || stem[len - 2] == 'g'))
		return known_stem(stem, len - 2, stem[len - 2] == 'q' ? "co" : "go", 1, lex);
	if (len > 1 && stem[len - 1] == 'c')
		return known_stem(stem, len - 1, "z", 1, lex) || known_stem(stem, len - 1, "", 1, lex);
	if (len > 3 && memcmp(stem + len - 3, "bil", 3) == 0)
		return known_stem(stem, len - 3, "ble", 1, lex);
	return 0;
}

int sp_derived(const char *word, const sp_lexicon *lex)
{
	size_t n = strlen(word);
	/* adverbs: on the feminine or the single form ("lenta", "feliz") */
	if (ends_with(word, n, "mente", 5) && n > 8 && word[n - 6] != 'o')
		return known_stem(word, n - 5, "", 0, lex);
	static const char *const superlative[] = { "ísimo", "ísima", "ísimos", "ísimas" };
	for (size_t i = 0; i < 4; i++) {
		size_t k = strlen(superlative[i]);
		if (ends_with(word, n, superlative[i], k) && n - k >= 3)
			return known_base(word, n - k, lex);
	}
	/* the feminine of a noun of person that the dictionary has only in
	 * masculine ("prefecta", "comandanta"; Nueva gramática, 2.5) */
	static const char *const feminine[][2] = {
		{ "a", "o" }, { "as", "os" }, { "nta", "nte" }, { "ntas", "ntes" },
	};
	for (size_t i = 0; i < 4; i++) {
		size_t k = strlen(feminine[i][0]);
		if (ends_with(word, n, feminine[i][0], k) && n - k >= 4 &&
		    known_stem(word, n - k, feminine[i][1], 0, lex))
			return 1;
	}
	static const char *const diminutive[] = { "ito", "ita", "itos", "itas" };
	for (size_t i = 0; i < 4; i++) {
		size_t k = strlen(diminutive[i]);
		if (!ends_with(word, n, diminutive[i], k) || n - k < 3)
			continue;
		/* -cito and -ecito too: "señorcito", "panecito" */
		size_t stem = n - k;
		return known_base(word, stem, lex) ||
		       (stem > 4 && memcmp(word + stem - 2, "ec", 2) == 0 &&
			known_base(word, stem - 2, lex));
	}
	return 0;
}

int sp_voseo_shape(const char *word)
{
	size_t n = strlen(word);
	if (n >= 3 && (ends_with(word, n, "\xC3\xA1", 2) || ends_with(word, n, "\xC3\xA9", 2)))
		return 1; /* á, é */
	for (size_t b = 0; b < sizeof last_clitics / sizeof *last_clitics; b++) {
		size_t k = strlen(last_clitics[b]);
		if (strcmp(last_clitics[b], "se") != 0 && ends_with(word, n, last_clitics[b], k))
			return 1;
	}
	return 0;
}

int sp_voseo(const char *word, const sp_lexicon *lex, char **fix)
{
	*fix = NULL;
	size_t n = strlen(word);
	/* "comete" is cometer's, not comer + te */
	char *as_infinitive = xstrndup(word, n + 1);
	as_infinitive[n] = 'r';
	as_infinitive[n + 1] = '\0';
	int own_verb = lex->verb(lex->ctx, as_infinitive) != 0;
	free(as_infinitive);
	if (own_verb)
		return 0;
	/* the bare imperative of -ar and -er verbs: "llevá", "comé" (the -ir
	 * "viví" is a preterite too); "está" is estar's own */
	word_cps w;
	if (decode(word, &w) == 0 && w.n >= 4 && strcmp(word, "está") != 0 &&
	    (w.c[w.n - 1] == 0xE1 || w.c[w.n - 1] == 0xE9)) {
		int conj = w.c[w.n - 1] == 0xE1 ? SP_AR : SP_ER;
		w.c[w.n - 1] = plain_of(w.c[w.n - 1]);
		char *plain = encode(w.c, w.n, NULL);
		char *infinitive = encode(w.c, w.n, "r");
		int voseo = (lex->verb(lex->ctx, infinitive) & conj) &&
			    lex->known(lex->ctx, plain);
		free(infinitive);
		if (voseo) {
			*fix = plain;
			return 1;
		}
		free(plain);
	}
	for (size_t b = 0; b < sizeof last_clitics / sizeof *last_clitics; b++) {
		size_t k = strlen(last_clitics[b]);
		if (strcmp(last_clitics[b], "se") == 0 || !ends_with(word, n, last_clitics[b], k))
			continue;
		/* the vos imperative is the infinitive without -r: acercá(r) */
		word_cps base;
		char *stem = xstrndup(word, n - k);
		int bad = decode(stem, &base);
		free(stem);
		if (bad || base.n < 2 || !is_vowel_at(base.c, base.n, base.n - 1))
			continue;
		strip_accents(base.c, base.n);
		char *infinitive = encode(base.c, base.n, "r");
		int verb = lex->verb(lex->ctx, infinitive);
		free(infinitive);
		if (!verb)
			continue;
		char *f = NULL;
		if (try_split(word, k, 1, lex, &f) == SP_ENCLITIC_ACCENT) {
			*fix = f;
			return 1;
		}
		free(f);
	}
	return 0;
}

int sp_abbreviation(const char *w, size_t n)
{
	static const char *const list[] = {
		"Sr", "Sra", "Srta", "Dr", "Dra", "Lic", "Ing", "Arq", "Mtro", "Mtra",
		"Prof", "Profa", "Gral", "Gob", "Dip", "Sen", "Pdte", "Pbro", "Mons",
		"Deleg", "Av", "Col", "Fracc", "Blvd", "Cd", "Edo", "Mpio", "Sta",
		"Sto", "UU", "EE", "C", "No", "Núm", "Tel",
	};
	for (size_t i = 0; i < sizeof list / sizeof *list; i++)
		if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
			return 1;
	return 0;
}
