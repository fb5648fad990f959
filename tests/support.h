/* support.h: what the test programs share. */
#ifndef PREGON_TEST_SUPPORT_H
#define PREGON_TEST_SUPPORT_H

#include <stddef.h>

#include <jansson.h>

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

/* The collections of ../shared/corpus with posts by Mexican government
 * accounts: the folder, the country a record must have (NULL: any), and
 * whether spelling is measured there (0: its tuning set). */
typedef struct {
	const char *folder;
	const char *country;
	int measure;
} test_source;

extern const test_source test_gov_sources[];
extern const size_t test_n_gov_sources;

/* Calls fn on each record of CORPUS/FOLDER/posts.jsonl that has the
 * source's country, with its text and line.  1 (printed) when the file
 * cannot be read or a record has no text; else fn's first nonzero, or 0. */
typedef int (*test_post_fn)(void *ctx, const test_source *src, json_t *post,
			    const char *text, int line);
int test_each_post(const char *corpus, const test_source *src, test_post_fn fn,
		   void *ctx);

#endif
