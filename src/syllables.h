/* syllables.h: counting the syllables of a Spanish word (syllables.c says
 * which rules of the Ortografía de 2010 it follows). */
#ifndef PREGON_SYLLABLES_H
#define PREGON_SYLLABLES_H

#include <stddef.h>

/* The syllables of the UTF-8 word [word, word + len), in any case, with or
 * without accents; at least 1.  Words longer than 64 code points are
 * counted on their first 64. */
int syl_count(const char *word, size_t len);

#endif
