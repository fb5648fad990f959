/* test_text.c: UTF-8 validation, the line map, normalized views and the
 * code-point helpers of text.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ---- text_validate ---------------------------------------------------- */

/* Validate s[0..len) and check the result code and, when not clean, the
 * offset of the first bad byte. */
static void check_validate(const char *s, size_t len, int want_rc,
			   size_t want_bad)
{
	size_t bad = (size_t)-1;
	int rc = text_validate(s, len, &bad);
	assert_int_equal(rc, want_rc);
	if (want_rc != 0)
		assert_int_equal(bad, want_bad);
}

static void test_validate_clean(void **state)
{
	(void)state;
	static const char ascii[] = "Hola, Tecate: 10 de marzo.";
	static const char accents[] = "Año, canción, pingüino, ÁÉÍÓÚ ¿qué? ¡sí!";
	/* U+1F389 party popper, the flag of Mexico (two regional
	 * indicators), U+10FFFF (the last code point) and U+D7FF / U+E000,
	 * the neighbours of the surrogate range. */
	static const char emoji[] = "🎉 🇲🇽 \xF4\x8F\xBF\xBF \xED\x9F\xBF \xEE\x80\x80";
	check_validate(ascii, strlen(ascii), 0, 0);
	check_validate(accents, strlen(accents), 0, 0);
	check_validate(emoji, strlen(emoji), 0, 0);
	check_validate("", 0, 0, 0);
	/* The length is respected: the NUL terminator is not inspected. */
	check_validate("abc", 3, 0, 0);
}

static void test_validate_invalid_lead(void **state)
{
	(void)state;
	check_validate("ab\xFF" "cd", 5, 1, 2);
	/* 0xF5..0xFF can never start a sequence. */
	check_validate("x\xF5\x80\x80\x80", 5, 1, 1);
	/* A continuation byte without a lead, after a valid "é". */
	check_validate("\xC3\xA9\x80", 3, 1, 2);
	/* U+110000 and above are not Unicode. */
	check_validate("ok\xF4\x90\x80\x80", 6, 1, 2);
}

static void test_validate_truncated(void **state)
{
	(void)state;
	/* "€" is E2 82 AC: cut at the end of the text. */
	check_validate("abc\xE2\x82", 5, 1, 3);
	/* Cut in the middle: the next byte is not a continuation. */
	check_validate("a\xE2\x82" "b", 4, 1, 1);
	/* The length ends inside "é". */
	check_validate("\xC3\xA9", 1, 1, 0);
	/* A 4-byte lead with only two continuation bytes. */
	check_validate("🎉", 3, 1, 0);
}

static void test_validate_overlong(void **state)
{
	(void)state;
	check_validate("x\xC0\xAF", 3, 1, 1);          /* '/' in 2 bytes */
	check_validate("\xC0\x80", 2, 1, 0);           /* NUL in 2 bytes */
	check_validate("ab\xE0\x80\xAF", 5, 1, 2);     /* '/' in 3 bytes */
	check_validate("\xF0\x82\x82\xAC", 4, 1, 0);   /* '€' in 4 bytes */
}

static void test_validate_surrogate(void **state)
{
	(void)state;
	/* U+D800 encoded as if it were a code point. */
	check_validate("ok \xED\xA0\x80", 6, 1, 3);
	/* U+DFFF, the last surrogate. */
	check_validate("\xC3\xB1\xED\xBF\xBF", 5, 1, 2);
}

static void test_validate_nul(void **state)
{
	(void)state;
	check_validate("ab\0cd", 5, 2, 2);
	check_validate("\0", 1, 2, 0);
	/* A NUL after accented text: the offset is in bytes. */
	check_validate("ñá\0", 5, 2, 4);
	/* The first problem wins, whichever it is. */
	check_validate("\xFF\0", 2, 1, 0);
	check_validate("\0\xFF", 2, 2, 0);
}

/* ---- the line map ----------------------------------------------------- */

static void check_locate(const text_linemap *lm, size_t offset, int want_line,
			 int want_col)
{
	int line = -1, col = -1;
	text_linemap_locate(lm, offset, &line, &col);
	assert_int_equal(line, want_line);
	assert_int_equal(col, want_col);
}

static void test_linemap_accents(void **state)
{
	(void)state;
	/* "canción" is 8 bytes (ó is 2), so line 2 starts at byte 9. */
	static const char s[] = "canción\nañadir ñandú\n";
	text_linemap lm;
	text_linemap_init(&lm, s, strlen(s));
	check_locate(&lm, 0, 1, 1);
	check_locate(&lm, 5, 1, 6);   /* ó */
	check_locate(&lm, 7, 1, 7);   /* the n after ó */
	check_locate(&lm, 8, 1, 8);   /* the newline */
	check_locate(&lm, 9, 2, 1);
	check_locate(&lm, 10, 2, 2);  /* ñ of añadir */
	check_locate(&lm, 12, 2, 3);  /* a after ñ */
	check_locate(&lm, 17, 2, 8);  /* ñ of ñandú: "añadir " is 8 bytes */
	check_locate(&lm, 19, 2, 9);
	check_locate(&lm, 22, 2, 12); /* ú */
	check_locate(&lm, 24, 2, 13); /* the final newline, after ú */
	check_locate(&lm, 25, 3, 1);  /* offset == len: the empty last line */
	assert_int_equal(lm.n_lines, 3);
	assert_int_equal(lm.bom, 0);
	text_linemap_dispose(&lm);
}

static void test_linemap_emoji_and_decomposed(void **state)
{
	(void)state;
	/* Each emoji is one code point of 4 bytes; the flag is two. */
	static const char s[] = "🎉🎉x\n🇲🇽!\ncafe\xCC\x81!";
	text_linemap lm;
	text_linemap_init(&lm, s, strlen(s));
	check_locate(&lm, 4, 1, 2);
	check_locate(&lm, 8, 1, 3);   /* x */
	check_locate(&lm, 10, 2, 1);  /* first regional indicator */
	check_locate(&lm, 14, 2, 2);  /* second one */
	check_locate(&lm, 18, 2, 3);  /* ! */
	/* Line 3 starts at 20: "cafe" + U+0301 (2 bytes) is 5 code points. */
	check_locate(&lm, 20, 3, 1);
	check_locate(&lm, 24, 3, 5);  /* the combining acute */
	check_locate(&lm, 26, 3, 6);  /* ! */
	check_locate(&lm, 27, 3, 7);  /* len */
	text_linemap_dispose(&lm);
}

static void test_linemap_crlf(void **state)
{
	(void)state;
	static const char s[] = "ab\r\ncd\r\n";
	text_linemap lm;
	text_linemap_init(&lm, s, strlen(s));
	check_locate(&lm, 1, 1, 2);
	check_locate(&lm, 2, 1, 3);   /* CR */
	check_locate(&lm, 3, 1, 4);   /* LF */
	check_locate(&lm, 4, 2, 1);
	check_locate(&lm, 5, 2, 2);
	check_locate(&lm, 6, 2, 3);
	check_locate(&lm, 8, 3, 1);   /* len */
	assert_int_equal(lm.n_lines, 3);
	text_linemap_dispose(&lm);
}

static void test_linemap_bom(void **state)
{
	(void)state;
	static const char s[] = "\xEF\xBB\xBFHola\nyo";
	text_linemap lm;
	text_linemap_init(&lm, s, strlen(s));
	assert_int_equal(lm.bom, 3);
	check_locate(&lm, 0, 1, 1);
	check_locate(&lm, 3, 1, 1);   /* H: the BOM is not a column */
	check_locate(&lm, 4, 1, 2);
	check_locate(&lm, 7, 1, 5);   /* the newline */
	check_locate(&lm, 8, 2, 1);   /* later lines are not affected */
	check_locate(&lm, 10, 2, 3);  /* len */
	text_linemap_dispose(&lm);

	/* A BOM anywhere but at the start is an ordinary (invisible) code
	 * point and counts. */
	static const char t[] = "a\xEF\xBB\xBF" "b";
	text_linemap_init(&lm, t, strlen(t));
	assert_int_equal(lm.bom, 0);
	check_locate(&lm, 4, 1, 3);
	text_linemap_dispose(&lm);
}

static void test_linemap_empty(void **state)
{
	(void)state;
	text_linemap lm;
	text_linemap_init(&lm, "", 0);
	check_locate(&lm, 0, 1, 1);
	text_linemap_dispose(&lm);
	text_linemap_init(&lm, "\n\n", 2);
	check_locate(&lm, 1, 2, 1);
	check_locate(&lm, 2, 3, 1);
	text_linemap_dispose(&lm);
}

/* Lines longer than TEXT_CP_STEP bytes, so that columns come from the
 * checkpoints; "€" (3 bytes) makes checkpoints fall inside characters. */
static void test_linemap_long_lines(void **state)
{
	(void)state;
	char s[1200];
	size_t n = 0;
	for (int i = 0; i < 150; i++) { /* line 1: 150 × ñ = 300 bytes */
		memcpy(s + n, "\xC3\xB1", 2);
		n += 2;
	}
	s[n++] = '\n';                  /* byte 300; line 2 starts at 301 */
	s[n++] = 'a';
	s[n++] = 'b';
	for (int i = 0; i < 100; i++) { /* then 100 × € = 300 bytes */
		memcpy(s + n, "\xE2\x82\xAC", 3);
		n += 3;
	}
	s[n++] = '\n';                  /* byte 603; line 3 starts at 604 */
	for (int i = 0; i < 60; i++) {  /* 60 × 🎉 = 240 bytes */
		memcpy(s + n, "\xF0\x9F\x8E\x89", 4);
		n += 4;
	}
	assert_int_equal(n, 844);
	text_linemap lm;
	text_linemap_init(&lm, s, n);
	check_locate(&lm, 200, 1, 101); /* 100 ñ before byte 200 */
	check_locate(&lm, 298, 1, 150);
	check_locate(&lm, 300, 1, 151); /* the newline */
	check_locate(&lm, 301, 2, 1);
	check_locate(&lm, 303, 2, 3);   /* first € */
	/* byte 303 + 3 × 67 = 504: 2 + 67 code points before it */
	check_locate(&lm, 504, 2, 70);
	check_locate(&lm, 600, 2, 102); /* the last € */
	check_locate(&lm, 603, 2, 103);
	check_locate(&lm, 604, 3, 1);
	check_locate(&lm, 604 + 4 * 59, 3, 60);
	check_locate(&lm, 844, 3, 61);  /* len */
	text_linemap_dispose(&lm);
}

/* Compare every character boundary of a mixed text against a plain scan. */
static void test_linemap_against_scan(void **state)
{
	(void)state;
	static const char piece[] = "Año 🎉 cafe\xCC\x81 €\r\n\xC2\xA0ok\n";
	char s[4096];
	size_t n = 0;
	memcpy(s, "\xEF\xBB\xBF", 3); /* with a BOM */
	n = 3;
	while (n + sizeof piece < sizeof s) {
		memcpy(s + n, piece, sizeof piece - 1);
		n += sizeof piece - 1;
	}
	text_linemap lm;
	text_linemap_init(&lm, s, n);
	int line = 1, col = 1;
	size_t checked = 0;
	for (size_t i = 3; i <= n; i++) {
		if (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		int l, c;
		text_linemap_locate(&lm, i, &l, &c);
		if (l != line || c != col)
			fail_msg("offset %zu: %d:%d, expected %d:%d", i, l, c,
				 line, col);
		checked++;
		if (i < n && s[i] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	assert_true(checked > 1000);
	text_linemap_dispose(&lm);
}

/* ---- views ------------------------------------------------------------ */

static void check_view(const char *src, size_t base, int flags,
		       const char *want)
{
	text_view v;
	text_view_build(&v, src, strlen(src), base, flags);
	assert_int_equal(v.len, strlen(want));
	assert_string_equal(v.s, want);
	assert_int_equal(text_view_orig(&v, v.len), base + strlen(src));
	text_view_dispose(&v);
}

static void check_span(const text_view *v, size_t vs, size_t ve,
		       size_t want_start, size_t want_end)
{
	size_t start = (size_t)-1, end = (size_t)-1;
	text_view_span(v, vs, ve, &start, &end);
	assert_int_equal(start, want_start);
	assert_int_equal(end, want_end);
}

static void test_view_fold_strip(void **state)
{
	(void)state;
	check_view("ÁRBOL", 0, 0, "ÁRBOL");
	check_view("ÁRBOL", 0, TEXT_FOLD, "árbol");
	check_view("ÁRBOL", 0, TEXT_STRIP, "ARBOL");
	check_view("ÁRBOL", 0, TEXT_FOLD | TEXT_STRIP, "arbol");
	/* The tilde of ñ survives stripping: "año" is not "ano". */
	check_view("Año", 0, TEXT_STRIP, "Año");
	check_view("AÑO", 0, TEXT_FOLD | TEXT_STRIP, "año");
	check_view("pingüino canción", 0, TEXT_STRIP, "pinguino cancion");
	check_view("ÉXITO Ñandú", 0, TEXT_FOLD, "éxito ñandú");
	check_view("Straße", 0, TEXT_FOLD, "strasse");
}

static void test_view_map_fold(void **state)
{
	(void)state;
	/* Á is 2 bytes at base 10; the folded á is 2 bytes too. */
	text_view v;
	text_view_build(&v, "ÁRBOL", 6, 10, TEXT_FOLD);
	assert_int_equal(v.len, 6);
	static const uint32_t want[] = { 10, 10, 12, 13, 14, 15, 16 };
	for (size_t i = 0; i <= v.len; i++)
		assert_int_equal(text_view_orig(&v, i), want[i]);
	check_span(&v, 0, 6, 10, 16);
	check_span(&v, 0, 2, 10, 12);  /* á -> Á */
	check_span(&v, 2, 4, 12, 14);  /* "rb" -> "RB" */
	check_span(&v, 1, 3, 10, 13);  /* starts inside á: whole Á */
	check_span(&v, 3, 3, 13, 13);  /* empty */
	check_span(&v, 4, 100, 14, 16); /* clamped to the end */
	text_view_dispose(&v);

	/* Stripped: the view is shorter than the source. */
	text_view_build(&v, "ÁRBOL", 6, 10, TEXT_FOLD | TEXT_STRIP);
	assert_int_equal(v.len, 5);
	check_span(&v, 0, 1, 10, 12);  /* a -> Á */
	check_span(&v, 1, 5, 12, 16);
	text_view_dispose(&v);
}

static void test_view_decomposed(void **state)
{
	(void)state;
	/* "n" + U+0303 (3 bytes) becomes the precomposed ñ (2 bytes). */
	static const char src[] = "un\xCC\x83o";
	check_view(src, 0, 0, "uño");
	check_view(src, 0, TEXT_STRIP, "uño");
	check_view(src, 0, TEXT_FOLD | TEXT_STRIP, "uño");
	check_view("cafe\xCC\x81", 0, 0, "café");
	check_view("cafe\xCC\x81", 0, TEXT_STRIP, "cafe");

	text_view v;
	text_view_build(&v, src, strlen(src), 100, 0);
	assert_int_equal(v.len, 4);
	assert_int_equal(text_view_orig(&v, 1), 101);
	assert_int_equal(text_view_orig(&v, 2), 101);
	assert_int_equal(text_view_orig(&v, 3), 104);
	/* ñ in the view is the 3 original bytes 101..104 */
	check_span(&v, 1, 3, 101, 104);
	/* a span ending in the middle of ñ rounds up to its end */
	check_span(&v, 0, 2, 100, 104);
	check_span(&v, 1, 2, 101, 104);
	check_span(&v, 0, 4, 100, 105);
	text_view_dispose(&v);

	/* ß folds to "ss": a span ending between the two s ends after ß. */
	text_view_build(&v, "Straße", strlen("Straße"), 0, TEXT_FOLD);
	assert_string_equal(v.s, "strasse");
	check_span(&v, 0, 5, 0, 6);
	check_span(&v, 5, 6, 4, 6);
	check_span(&v, 6, 7, 6, 7);
	text_view_dispose(&v);
}

static void test_view_spaces_and_invisibles(void **state)
{
	(void)state;
	/* NBSP, narrow NBSP and the ideographic space become a plain space. */
	check_view("a\xC2\xA0" "b\xE2\x80\xAF" "c\xE3\x80\x80" "d", 0, 0,
		   "a b c d");
	/* Soft hyphen, zero-width space and word joiner are dropped. */
	check_view("pro\xC2\xAD" "gra\xE2\x80\x8Bma\xE2\x81\xA0s", 0,
		   TEXT_FOLD | TEXT_STRIP, "programas");

	text_view v;
	static const char src[] = "a\xC2\xA0" "b\xC2\xAD" "c\xE2\x80\x8B" "d";
	text_view_build(&v, src, strlen(src), 0, 0);
	assert_string_equal(v.s, "a bcd");
	/* a at 0, NBSP at 1..2, b at 3, SHY at 4..5, c at 6, ZWSP 7..9, d 10 */
	static const uint32_t want[] = { 0, 1, 3, 6, 10, 11 };
	for (size_t i = 0; i <= v.len; i++)
		assert_int_equal(text_view_orig(&v, i), want[i]);
	check_span(&v, 1, 2, 1, 3);   /* the space is the whole NBSP */
	check_span(&v, 0, 5, 0, 11);
	check_span(&v, 4, 5, 10, 11);
	text_view_dispose(&v);
}

static void test_view_emoji_untouched(void **state)
{
	(void)state;
	check_view("¡Felicidades! 🎉🇲🇽", 0, TEXT_FOLD | TEXT_STRIP,
		   "¡felicidades! 🎉🇲🇽");
	check_view("", 7, TEXT_FOLD, "");
}

static void test_normalize(void **state)
{
	(void)state;
	char *s = text_normalize("ÁRBOL", strlen("ÁRBOL"), TEXT_FOLD);
	assert_string_equal(s, "árbol");
	free(s);
	s = text_normalize("Canción del Ñandú", strlen("Canción del Ñandú"),
			   TEXT_FOLD | TEXT_STRIP);
	assert_string_equal(s, "cancion del ñandu");
	free(s);
	s = text_normalize("e\xCC\x81xito", 7, 0);
	assert_string_equal(s, "éxito");
	free(s);
	/* Only the first len bytes. */
	s = text_normalize("ÁRBOL", 2, TEXT_FOLD);
	assert_string_equal(s, "á");
	free(s);
	s = text_normalize("media\xC2\xA0noche", 12, TEXT_STRIP);
	assert_string_equal(s, "media noche");
	free(s);
}

/* ---- code points ------------------------------------------------------ */

static void test_codepoints(void **state)
{
	(void)state;
	const int32_t E_ACUTE = 0xC9, N_TILDE = 0xF1, PARTY = 0x1F389,
		      RI_M = 0x1F1F2;

	assert_true(text_is_upper(E_ACUTE));
	assert_false(text_is_lower(E_ACUTE));
	assert_true(text_is_letter(E_ACUTE));
	assert_false(text_is_emoji(E_ACUTE));

	assert_true(text_is_lower(N_TILDE));
	assert_false(text_is_upper(N_TILDE));
	assert_true(text_is_letter(N_TILDE));
	assert_true(text_is_upper(0xD1)); /* Ñ */

	assert_true(text_is_upper('A'));
	assert_false(text_is_lower('A'));
	assert_true(text_is_letter('A'));
	assert_true(text_is_lower('z'));
	assert_false(text_is_emoji('A'));
	assert_false(text_is_letter('@'));
	assert_false(text_is_letter('['));

	assert_false(text_is_letter('1'));
	assert_false(text_is_upper('1'));
	assert_false(text_is_lower('1'));
	assert_true(text_is_alnum('1'));
	assert_false(text_is_emoji('1'));
	assert_false(text_is_emoji('#'));

	assert_true(text_is_emoji(PARTY));
	assert_false(text_is_letter(PARTY));
	assert_false(text_is_upper(PARTY));
	assert_true(text_is_emoji(RI_M));
	assert_false(text_is_letter(RI_M));
	assert_true(text_is_emoji(0x2764)); /* heavy black heart */
	assert_false(text_is_emoji(0x20AC)); /* € */
}

static void test_decode_and_count(void **state)
{
	(void)state;
	int32_t cp = 0;
	assert_int_equal(text_decode("ñ", 2, &cp), 2);
	assert_int_equal(cp, 0xF1);
	assert_int_equal(text_decode("🎉", 4, &cp), 4);
	assert_int_equal(cp, 0x1F389);
	assert_int_equal(text_decode("\xFF", 1, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(text_count_cp("año 🎉", strlen("año 🎉")), 5);
	assert_int_equal(text_u8len(0x41), 1);
	assert_int_equal(text_u8len(0x80), 1);
	assert_int_equal(text_u8len(0xC3), 2);
	assert_int_equal(text_u8len(0xE2), 3);
	assert_int_equal(text_u8len(0xF0), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate_clean),
		cmocka_unit_test(test_validate_invalid_lead),
		cmocka_unit_test(test_validate_truncated),
		cmocka_unit_test(test_validate_overlong),
		cmocka_unit_test(test_validate_surrogate),
		cmocka_unit_test(test_validate_nul),
		cmocka_unit_test(test_linemap_accents),
		cmocka_unit_test(test_linemap_emoji_and_decomposed),
		cmocka_unit_test(test_linemap_crlf),
		cmocka_unit_test(test_linemap_bom),
		cmocka_unit_test(test_linemap_empty),
		cmocka_unit_test(test_linemap_long_lines),
		cmocka_unit_test(test_linemap_against_scan),
		cmocka_unit_test(test_view_fold_strip),
		cmocka_unit_test(test_view_map_fold),
		cmocka_unit_test(test_view_decomposed),
		cmocka_unit_test(test_view_spaces_and_invisibles),
		cmocka_unit_test(test_view_emoji_untouched),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_codepoints),
		cmocka_unit_test(test_decode_and_count),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
