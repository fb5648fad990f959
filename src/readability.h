/* readability.h: how hard a Spanish text is to read.  Words, sentences and
 * syllables (syllables.h) of a text, and the Szigriszt-Pazos perspicuity
 * read on the INFLESZ scale (Barrio-Cantalejo et al., 2008):
 *
 *     P = 206.835 - 62.3 * syllables / words - words / sentences
 *
 *     < 40 muy difícil, 40-55 algo difícil, 55-65 normal,
 *     65-80 bastante fácil, > 80 muy fácil.
 *
 * Pure functions: the clarity kind and the report's `legibilidad` metric
 * use the same counts. */
#ifndef PREGON_READABILITY_H
#define PREGON_READABILITY_H

#include <stddef.h>

typedef struct {
	size_t offset, len;  /* bytes of the analysed text */
	int syllables;
} rd_word;

typedef struct {
	size_t offset, len;  /* from its first word to its end mark */
	size_t words;
} rd_sentence;

typedef struct {
	rd_word *words;
	size_t n_words;
	rd_sentence *sentences;
	size_t n_sentences;
	size_t syllables;
} rd_text;

/*
 * Split UTF-8 `s` into words (runs of letters; links, @mentions,
 * #hashtags and e-mail addresses are not words) and sentences.  A sentence
 * ends at «.», «!», «?» or «…» followed by a space or the end, unless a
 * lower-case letter or a digit follows or it closes a known abbreviation
 * («Sr. López», «núm. 5»), and at a line break followed by a blank line or by a line that does
 * not start with a letter (a list, an emoji); a line that merely wraps
 * continues its sentence.  Dispose with rd_dispose().
 */
void rd_analyze(rd_text *out, const char *s, size_t len);
void rd_dispose(rd_text *text);

/* The perspicuity of the text; 0 words gives 0. */
double rd_inflesz(const rd_text *text);

/* "muy difícil", "algo difícil", "normal", "bastante fácil" or "muy
 * fácil" for a value, in the process's language (a static string). */
const char *rd_inflesz_grade(double value);

#endif
