/* test_count.c: the platform counters and the entity extractor. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "count.h"
#include "text.h"

typedef struct {
	count_lexer *lexer;
	rx_scratch *scratch;
} fixture;

static int setup(void **state)
{
	fixture *f = xcalloc(1, sizeof *f);
	pregon_diag d;
	pregon_diag_init(&d);
	if (count_lexer_new(&f->lexer, NULL, &d)) {
		pregon_diag_dispose(&d);
		free(f);
		return -1;
	}
	f->scratch = rx_scratch_new();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	count_lexer_free(f->lexer);
	rx_scratch_free(f->scratch);
	free(f);
	return 0;
}

/* The measure of `s` (made NFC first) in `unit`, with X's links. */
static count_result measure(fixture *f, count_unit unit, const char *s,
			    long limit)
{
	char *nfc = text_normalize(s, strlen(s), TEXT_EXACT);
	count_entities links;
	count_entities_init(&links);
	assert_int_equal(count_extract(f->lexer, f->scratch, nfc, strlen(nfc),
				       COUNT_URL, &links), 0);
	count_result r;
	count_measure(&r, unit, nfc, strlen(nfc), limit, &count_weights_x, &links);
	count_entities_dispose(&links);
	free(nfc);
	return r;
}

/* Totals of each unit: the text, the unit and the expected count. */
static const struct {
	count_unit unit;
	const char *text;
	long total;
} totals[] = {
	{ COUNT_WEIGHTED, "Tecate", 6 },
	/* ideographs weigh 2, a link 23, an emoji sequence 2 */
	{ COUNT_WEIGHTED, "日本", 4 },
	{ COUNT_WEIGHTED, "ver https://www.tecate.gob.mx/predial/2026", 27 },
	{ COUNT_WEIGHTED, "👨‍👩‍👧‍👦", 2 },
	{ COUNT_WEIGHTED, "🇲🇽", 2 },
	/* "n" + U+0303 is one "ñ" after NFC */
	{ COUNT_WEIGHTED, "an\xcc\x83o", 3 },
	/* a bare domain on a real TLD is a link too */
	{ COUNT_WEIGHTED, "tecate.gob.mx", 23 },
	{ COUNT_WEIGHTED, "archivo.pdfx", 12 },
	/* Threads: characters, but an emoji costs its UTF-8 bytes */
	{ COUNT_EMOJI_BYTES, "sí 🎓", 7 },
	{ COUNT_BYTES, "sí", 3 },
	{ COUNT_UTF16, "😀a", 3 },
	{ COUNT_CHARS, "año 😀", 5 },
};

static void test_totals(void **state)
{
	fixture *f = *state;
	for (size_t i = 0; i < sizeof totals / sizeof *totals; i++)
		assert_int_equal(measure(f, totals[i].unit, totals[i].text, 0).total,
				 totals[i].total);
}

static void test_cross(void **state)
{
	fixture *f = *state;
	count_result r = measure(f, COUNT_WEIGHTED, "abcdé", 3);
	assert_int_equal(r.total, 5);
	assert_int_equal(r.cross, 3); /* "d" is the first that does not fit */
	r = measure(f, COUNT_CHARS, "abc", 3);
	assert_int_equal(r.cross, 3); /* all of it fits: cross is the length */
	/* U+FEFF is refused by X: the valid part stops before it */
	r = measure(f, COUNT_WEIGHTED, "ab\xef\xbb\xbf" "c", 280);
	assert_int_equal(r.valid_chars, 0);
	assert_int_equal(r.cross, 2);
}

static void test_emoji_clusters(void **state)
{
	(void)state;
	assert_false(count_is_emoji_cluster("\xc2\xa9", 2));         /* © */
	assert_true(count_is_emoji_cluster("\xc2\xa9\xef\xb8\x8f", 5)); /* ©️ */
	assert_true(count_is_emoji_cluster("1\xe2\x83\xa3", 4));      /* 1⃣ */
	assert_true(count_is_emoji_cluster("\xf0\x9f\x8e\x93", 4));   /* 🎓 */
	assert_false(count_is_emoji_cluster("a", 1));
}

static void test_extract(void **state)
{
	fixture *f = *state;
	const char *s = "Ver #Tecate con @DIFTecate en https://tecate.gob.mx/#inicio y bit.ly/x.";
	count_entities e;
	count_entities_init(&e);
	assert_int_equal(count_extract(f->lexer, f->scratch, s, strlen(s),
				       COUNT_URL | COUNT_HASHTAG | COUNT_MENTION, &e), 0);
	assert_int_equal(e.n, 4);
	assert_int_equal(e.items[0].kind, COUNT_HASHTAG);
	assert_memory_equal(s + e.items[0].host, "Tecate", e.items[0].host_len);
	assert_int_equal(e.items[1].kind, COUNT_MENTION);
	assert_memory_equal(s + e.items[1].offset, "@DIFTecate", e.items[1].len);
	/* "#inicio" is inside the link, not a hashtag */
	assert_int_equal(e.items[2].kind, COUNT_URL);
	assert_int_equal(e.items[2].scheme, 2);
	assert_memory_equal(s + e.items[2].offset, "https://tecate.gob.mx/#inicio",
			    e.items[2].len);
	assert_memory_equal(s + e.items[2].host, "tecate.gob.mx", e.items[2].host_len);
	/* the final full stop is not part of the link */
	assert_int_equal(e.items[3].scheme, 0);
	assert_memory_equal(s + e.items[3].offset, "bit.ly/x", e.items[3].len);
	count_entities_dispose(&e);

	/* only the kinds asked for */
	count_entities_init(&e);
	count_extract(f->lexer, f->scratch, s, strlen(s), COUNT_HASHTAG, &e);
	assert_int_equal(e.n, 1);
	count_entities_dispose(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_cross),
		cmocka_unit_test(test_emoji_clusters),
		cmocka_unit_test(test_extract),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
