/* test_syllables.c: the Spanish syllable counter on the hard cases of the
 * Ortografía de la lengua española (RAE, 2010): diphthongs and triphthongs,
 * hiatus of two open vowels or marked by an accent, the silent u of «qu» and
 * «gu» against «ü», «y» as a vowel, an h between vowels, capitals. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "syllables.h"

static void check(const char *word, int want)
{
	int got = syl_count(word, strlen(word));
	if (got != want)
		fail_msg("«%s»: %d syllables, expected %d", word, got, want);
}

static void test_plain_words(void **state)
{
	(void)state;
	check("casa", 2);
	check("municipal", 4);
	check("Ayuntamiento", 5);  /* a-yun-ta-mien-to */
	check("información", 4);   /* in-for-ma-ción */
	check("de", 1);
	check("sol", 1);
}

static void test_diphthongs(void **state)
{
	(void)state;
	check("piano", 2);    /* pia-no */
	check("baile", 2);    /* bai-le */
	check("ciudad", 2);   /* ciu-dad: two closed vowels */
	check("ruido", 2);    /* rui-do */
	check("jesuita", 3);  /* je-sui-ta */
	check("agua", 2);     /* a-gua */
	check("buey", 1);     /* a triphthong */
	check("Uruguay", 3);  /* U-ru-guay */
	check("limpiáis", 2); /* lim-piáis */
	check("averigüéis", 4); /* a-ve-ri-güéis */
}

static void test_hiatus(void **state)
{
	(void)state;
	check("leer", 2);      /* le-er: two open vowels */
	check("poeta", 3);     /* po-e-ta */
	check("cacao", 3);     /* ca-ca-o */
	check("día", 2);       /* dí-a: accent on the closed vowel */
	check("país", 2);      /* pa-ís */
	check("baúl", 2);      /* ba-úl */
	check("continúa", 4);  /* con-ti-nú-a */
	check("oír", 2);       /* o-ír */
	check("chiita", 3);    /* chi-i-ta: the same closed vowel twice */
	check("DÍA", 2);       /* in capitals */
}

static void test_qu_gu(void **state)
{
	(void)state;
	check("queso", 2);     /* que-so: the u is not pronounced */
	check("quien", 1);
	check("guitarra", 3);  /* gui-ta-rra */
	check("guerra", 2);
	check("guion", 1);     /* a monosyllable since 2010 */
	check("pingüino", 3);  /* pin-güi-no: ü is pronounced */
	check("argüir", 2);    /* ar-güir */
	check("guapo", 2);     /* gua-po: before a the u sounds */
}

static void test_y(void **state)
{
	(void)state;
	check("y", 1);         /* the conjunction */
	check("hoy", 1);
	check("rey", 1);
	check("muy", 1);
	check("Reynosa", 3);   /* rey-no-sa: before a consonant */
	check("mayo", 2);      /* ma-yo: before a vowel, a consonant */
	check("yo", 1);
	check("leyes", 2);
}

static void test_h_and_no_vowels(void **state)
{
	(void)state;
	check("ahora", 3);     /* a-ho-ra */
	check("ahumado", 3);   /* ahu-ma-do: h does not part a diphthong */
	check("prohibir", 2);  /* prohi-bir */
	check("búho", 2);      /* bú-ho: the accent parts them */
	check("chocolate", 4);
	check("CNDH", 1);      /* a sigla without vowels */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_words),
		cmocka_unit_test(test_diphthongs),
		cmocka_unit_test(test_hiatus),
		cmocka_unit_test(test_qu_gu),
		cmocka_unit_test(test_y),
		cmocka_unit_test(test_h_and_no_vowels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
