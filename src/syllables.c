/* syllables.c: syllables of Spanish words, for the readability measures
 * (readability.h).  A syllable is a vowel nucleus; adjacent vowels share one
 * unless they are in hiatus, following the Ortografía de la lengua española
 * (RAE, 2010, §1.2.1):
 *
 *   - two open vowels (a, e, o) are in hiatus: le-er, po-e-ta, ca-ca-o;
 *   - an open vowel and a closed one (i, u, ü) form a diphthong, unless the
 *     closed one bears the accent: pia-no, bai-le; dí-a, pa-ís, ba-úl;
 *   - two closed vowels form a diphthong (ciu-dad, rui-do, je-sui-ta),
 *     except the same one twice (chi-i-ta);
 *   - three vowels closed-open-closed are one triphthong (buey, U-ru-guay);
 *   - an h between vowels does not part them (ahu-ma-do, prohi-bir), but an
 *     accent still does (bú-ho, pro-hí-be);
 *   - the u of «que», «qui», «gue», «gui» is not pronounced (que-so,
 *     gui-ta-rra), while «ü» is (pin-güi-no);
 *   - «y» is a vowel when no vowel follows it (hoy, rey, muy, Rey-no-sa,
 *     and the conjunction «y»), a consonant otherwise (ma-yo, yo).
 *
 * Words without vowels (siglas such as «CNDH») count one syllable. */
#include <stdint.h>
#include <utf8proc.h>

#include "syllables.h"
#include "text.h"

enum { C_CONSONANT, C_OPEN, C_CLOSED, C_CLOSED_ACCENT, C_H };

/* The class of a lower-case code point, and its base letter in *base. */
static int classify(int32_t cp, int32_t *base)
{
	*base = cp;
	switch (cp) {
	case 'a': case 'e': case 'o':
		return C_OPEN;
	case 0xE1: *base = 'a'; return C_OPEN;	/* á */
	case 0xE9: *base = 'e'; return C_OPEN;	/* é */
	case 0xF3: *base = 'o'; return C_OPEN;	/* ó */
	case 0xE0: *base = 'a'; return C_OPEN;	/* à */
	case 0xE8: *base = 'e'; return C_OPEN;	/* è */
	case 0xF2: *base = 'o'; return C_OPEN;	/* ò */
	case 'i': case 'u':
	case 0xFC:				/* ü: not the silent u */
		return C_CLOSED;
	case 0xEF: *base = 'i'; return C_CLOSED; /* ï */
	case 0xED: *base = 'i'; return C_CLOSED_ACCENT; /* í */
	case 0xFA: *base = 'u'; return C_CLOSED_ACCENT; /* ú */
	case 'h':
		return C_H;
	default:
		return C_CONSONANT;
	}
}

static int is_vowel(int c)
{
	return c == C_OPEN || c == C_CLOSED || c == C_CLOSED_ACCENT;
}

/* Two vowels side by side belong to different syllables. */
static int hiatus(int a, int32_t base_a, int b, int32_t base_b)
{
	if (a == C_OPEN && b == C_OPEN)
		return 1;
	if ((a == C_OPEN && b == C_CLOSED_ACCENT) ||
	    (a == C_CLOSED_ACCENT && b == C_OPEN))
		return 1;
	return a != C_OPEN && b != C_OPEN && base_a == base_b;
}

int syl_count(const char *word, size_t len)
{
	enum { MAX = 64 };
	int cls[MAX];
	int32_t base[MAX];
	size_t n = 0;
	for (size_t i = 0; i < len && n < MAX;) {
		int32_t cp;
		int k = text_decode(word + i, len - i, &cp);
		i += (size_t)(k > 0 ? k : 1);
		cls[n] = classify(utf8proc_tolower(cp), &base[n]);
		n++;
	}
	/* silent u of que, qui, gue, gui */
	for (size_t i = 1; i + 1 < n; i++)
		if (base[i] == 'u' && cls[i] == C_CLOSED &&
		    (base[i - 1] == 'q' || base[i - 1] == 'g') &&
		    (base[i + 1] == 'e' || base[i + 1] == 'i') &&
		    (cls[i + 1] == C_OPEN || cls[i + 1] == C_CLOSED ||
		     cls[i + 1] == C_CLOSED_ACCENT))
			cls[i] = C_CONSONANT;
	for (size_t i = 0; i < n; i++)
		if (base[i] == 'y')
			cls[i] = i + 1 < n && is_vowel(cls[i + 1]) ? C_CONSONANT
								 : C_CLOSED;
	int syllables = 0;
	int prev = C_CONSONANT;
	int32_t prev_base = 0;
	for (size_t i = 0; i < n; i++) {
		if (cls[i] == C_H)
			continue; /* transparent between vowels */
		if (is_vowel(cls[i])) {
			if (!is_vowel(prev) || hiatus(prev, prev_base, cls[i], base[i]))
				syllables++;
		}
		prev = cls[i];
		prev_base = base[i];
	}
	return syllables ? syllables : 1;
}
