/* support.h: what the test programs share. */
#ifndef PREGON_TEST_SUPPORT_H
#define PREGON_TEST_SUPPORT_H

#include <stddef.h>

#include "pregon.h"

/* The bytes of a file, NUL-terminated, or NULL when it cannot be read.
 * Caller frees. */
char *test_slurp(const char *path, size_t *len);

/* The entries of a folder, hidden ones left out, as "dir/name" sorted by
 * name; NULL when it cannot be opened.  Caller frees each and the array. */
char **test_list_dir(const char *dir, size_t *n);

/* PREGON_REQUIRE_ALL=1 (CI): what a user's machine may skip must run. */
int test_require_all(void);

/* An engine with the configuration at `config` (NULL: the defaults), or
 * NULL after printing the diagnostic, prefixed by `who`. */
pregon_engine *test_engine(const char *config, const char *who);

#endif
