/* test_spanish.c: word formation and accents of spanish.c, on a small
 * lexicon written here (no dictionary needed). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "spanish.h"

/* words the fake dictionary knows, and which of them are verb forms */
static const char *const words[] = {
	"descarga", "comparta", "coordinemos", "vamos", "haciendo", "revisemos",
	"llame", "apropien", "reúne", "oír", "portar", "incluyen", "infectan",
	"patriótica", "responsable", "rápida", "elevado", "raro", "fácil", "rico",
	"feliz", "amable", "tamal", "escuela", "rincón", "pan", "prefecto",
	"comandante", "ancestros", "llama", "esta", "está", "de", "casa",
	"acerca", "acercar", "lleva", "llevar", "come", "comer", "cometer",
};
static const char *const verbs[] = {
	"descarga", "comparta", "coordinemos", "haciendo", "revisemos", "llame",
	"apropien", "reúne", "portar", "incluyen", "infectan", "llama", "está",
	"casa", "acerca", "acercar", "lleva", "llevar", "come", "comer", "cometer",
};

static int in(const char *const *list, size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], w) == 0)
			return 1;
	return 0;
}

static int fake_known(void *ctx, const char *w)
{
	(void)ctx;
	return in(words, sizeof words / sizeof *words, w);
}

static int fake_verb(void *ctx, const char *w)
{
	(void)ctx;
	if (!in(verbs, sizeof verbs / sizeof *verbs, w))
		return 0;
	/* incluir, reunir; comer, cometer; the others are -ar verbs */
	if (strncmp(w, "incluy", 6) == 0 || strcmp(w, "reúne") == 0)
		return SP_IR;
	return strncmp(w, "come", 4) == 0 ? SP_ER : SP_AR;
}

static const sp_lexicon lex = { fake_known, fake_verb, NULL };

static void check_enclitic(const char *word, int want, const char *want_fix)
{
	char *fix = NULL;
	int rc = sp_enclitic(word, &lex, &fix);
	assert_int_equal(rc, want);
	if (want_fix)
		assert_string_equal(fix, want_fix);
	else
		assert_null(fix);
	free(fix);
}

static void test_enclitic_well_accented(void **state)
{
	(void)state;
	check_enclitic("descárgala", SP_ENCLITIC_OK, NULL);
	check_enclitic("compártala", SP_ENCLITIC_OK, NULL);
	check_enclitic("aprópiense", SP_ENCLITIC_OK, NULL);
	check_enclitic("vámonos", SP_ENCLITIC_OK, NULL);        /* -s of -mos falls */
	check_enclitic("coordinémonos", SP_ENCLITIC_OK, NULL);
	check_enclitic("revisémoslo", SP_ENCLITIC_OK, NULL);    /* it stays before lo */
	check_enclitic("haciéndolo", SP_ENCLITIC_OK, NULL);
	check_enclitic("dímelo", SP_ENCLITIC_OK, NULL);         /* two pronouns */
	check_enclitic("dame", SP_ENCLITIC_OK, NULL);           /* still llana */
	check_enclitic("portarlo", SP_ENCLITIC_OK, NULL);       /* aguda + one */
	check_enclitic("estate", SP_ENCLITIC_OK, NULL);         /* está + te */
	check_enclitic("reúnelos", SP_ENCLITIC_OK, NULL);       /* hiatus kept */
	check_enclitic("oírlo", SP_ENCLITIC_OK, NULL);
}

static void test_enclitic_accent_fixed(void **state)
{
	(void)state;
	check_enclitic("compartala", SP_ENCLITIC_ACCENT, "compártala");
	check_enclitic("coordinemonos", SP_ENCLITIC_ACCENT, "coordinémonos");
	check_enclitic("vamonos", SP_ENCLITIC_ACCENT, "vámonos");
	check_enclitic("llamenos", SP_ENCLITIC_ACCENT, "llámenos");
	check_enclitic("descargala", SP_ENCLITIC_ACCENT, "descárgala");
	check_enclitic("dimelo", SP_ENCLITIC_ACCENT, "dímelo");
	check_enclitic("portárlo", SP_ENCLITIC_ACCENT, "portarlo"); /* one too many */
}

static void test_enclitic_not_a_verb(void **state)
{
	(void)state;
	check_enclitic("escuelas", SP_NONE, NULL);   /* no pronoun at all */
	check_enclitic("tamalme", SP_NONE, NULL);    /* tamal is no verb */
	check_enclitic("xyzlo", SP_NONE, NULL);      /* unknown base */
	check_enclitic("lo", SP_NONE, NULL);         /* nothing before */
	/* indicative plurals take no pronouns: no "inclúyente", "inféctante" */
	check_enclitic("incluyente", SP_NONE, NULL);
	check_enclitic("infectante", SP_NONE, NULL);
}

static void test_derived(void **state)
{
	(void)state;
	assert_true(sp_derived("patrióticamente", &lex));
	assert_true(sp_derived("responsablemente", &lex));
	assert_false(sp_derived("patrioticamente", &lex)); /* the accent stays */
	assert_false(sp_derived("rápidomente", &lex));     /* on the feminine */
	assert_true(sp_derived("elevadísimos", &lex));
	assert_true(sp_derived("rarísima", &lex));
	assert_true(sp_derived("facilísimo", &lex));       /* accent moves */
	assert_true(sp_derived("riquísimo", &lex));        /* qu -> c */
	assert_true(sp_derived("felicísimo", &lex));       /* c -> z */
	assert_true(sp_derived("amabilísimo", &lex));      /* -bil- -> -ble */
	assert_true(sp_derived("tamalitos", &lex));
	assert_true(sp_derived("escuelita", &lex));
	assert_true(sp_derived("rinconcito", &lex));
	assert_true(sp_derived("panecito", &lex));
	assert_true(sp_derived("prefecta", &lex));
	assert_true(sp_derived("comandanta", &lex));
	assert_true(sp_derived("ancestras", &lex));
	assert_false(sp_derived("xyzísimo", &lex));
	assert_false(sp_derived("gobenadora", &lex));
	assert_false(sp_derived("mente", &lex));
}

static void check_voseo(const char *word, const char *want_fix)
{
	char *fix = NULL;
	assert_int_equal(sp_voseo(word, &lex, &fix), want_fix != NULL);
	if (want_fix)
		assert_string_equal(fix, want_fix);
	free(fix);
}

static void test_voseo(void **state)
{
	(void)state;
	check_voseo("acercate", "acércate");  /* vos acercá + te */
	check_voseo("llevá", "lleva");        /* bare vos imperative */
	check_voseo("comé", "come");
	check_voseo("comete", NULL);          /* cometer's own form */
	check_voseo("está", NULL);
	check_voseo("acércate", NULL);        /* already tuteo */
}

static void test_stress(void **state)
{
	(void)state;
	assert_int_equal(sp_stress_from_end("casa"), 1);      /* llana */
	assert_int_equal(sp_stress_from_end("reloj"), 0);     /* aguda */
	assert_int_equal(sp_stress_from_end("canción"), 0);
	assert_int_equal(sp_stress_from_end("miércoles"), 2); /* esdrújula */
	assert_int_equal(sp_stress_from_end("coordinemos"), 1); /* o-o hiatus */
	assert_int_equal(sp_stress_from_end("guerra"), 1);    /* silent u */
	assert_int_equal(sp_stress_from_end("día"), 1);       /* í breaks ia */
	assert_int_equal(sp_stress_from_end("virrey"), 0);    /* final y */
	assert_int_equal(sp_stress_from_end("pst"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enclitic_well_accented),
		cmocka_unit_test(test_enclitic_accent_fixed),
		cmocka_unit_test(test_enclitic_not_a_verb),
		cmocka_unit_test(test_derived),
		cmocka_unit_test(test_voseo),
		cmocka_unit_test(test_stress),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
