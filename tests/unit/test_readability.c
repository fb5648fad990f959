/* test_readability.c: words, sentences and the INFLESZ perspicuity.
 *
 * «El agua llega hoy. Cuida cada gota.»: 7 words, 2 sentences, syllables
 * el 1, a-gua 2, lle-ga 2, hoy 1, cui-da 2, ca-da 2, go-ta 2 = 12, so
 * P = 206.835 - 62.3 * 12 / 7 - 7 / 2 = 96.535... */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "readability.h"

static void analyze(rd_text *t, const char *s)
{
	rd_analyze(t, s, strlen(s));
}

static void test_counts_and_value(void **state)
{
	(void)state;
	rd_text t;
	analyze(&t, "El agua llega hoy. Cuida cada gota.");
	assert_int_equal(t.n_words, 7);
	assert_int_equal(t.n_sentences, 2);
	assert_int_equal(t.syllables, 12);
	assert_true(rd_inflesz(&t) > 96.53 && rd_inflesz(&t) < 96.54);
	assert_string_equal(rd_inflesz_grade(rd_inflesz(&t)), "muy fácil");
	/* the sentences span their words and end marks */
	assert_int_equal(t.sentences[0].offset, 0);
	assert_int_equal(t.sentences[0].len, strlen("El agua llega hoy."));
	assert_int_equal(t.sentences[1].words, 3);
	rd_dispose(&t);
}

static void test_entities_are_not_words(void **state)
{
	(void)state;
	rd_text t;
	analyze(&t, "Más en https://tecate.gob.mx/salud o bit.ly/x con @GobTecate #Salud y "
		    "info@tecate.gob.mx");
	assert_int_equal(t.n_words, 5); /* Más en o con y */
	assert_int_equal(t.n_sentences, 1);
	rd_dispose(&t);
}

static void test_sentence_ends(void **state)
{
	(void)state;
	rd_text t;
	/* abbreviations, decimals and question marks */
	analyze(&t, "El Sr. López pagó 8.5 pesos por la pág. 3. ¿Vienes? ¡Sí!");
	assert_int_equal(t.n_sentences, 3);
	rd_dispose(&t);
	/* titles and places before a capital, as the spelling rule reads them */
	analyze(&t, "Lo dijo en EE. UU. Donald Trump con el Mtro. Néstor Vargas. Luego se fue.");
	assert_int_equal(t.n_sentences, 2);
	rd_dispose(&t);
	/* a wrapped line continues; a list item and a blank line end */
	analyze(&t, "Habrá módulos de vacunación\ngratuita hoy\n- en el Centro\n\nLleva tu cartilla");
	assert_int_equal(t.n_sentences, 3);
	assert_int_equal(t.sentences[0].words, 6);
	rd_dispose(&t);
	/* a closing quote or bracket after the mark */
	analyze(&t, "Dijo «ya llegó.» Luego (se fue.) Fin");
	assert_int_equal(t.n_sentences, 3);
	rd_dispose(&t);
}

static void test_empty_and_scale(void **state)
{
	(void)state;
	rd_text t;
	analyze(&t, "  123 🚰 #Agua ");
	assert_int_equal(t.n_words, 0);
	assert_int_equal(t.n_sentences, 0);
	assert_true(rd_inflesz(&t) == 0);
	rd_dispose(&t);
	assert_string_equal(rd_inflesz_grade(39.9), "muy difícil");
	assert_string_equal(rd_inflesz_grade(40), "algo difícil");
	assert_string_equal(rd_inflesz_grade(55), "normal");
	assert_string_equal(rd_inflesz_grade(65.5), "bastante fácil");
	assert_string_equal(rd_inflesz_grade(80.1), "muy fácil");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_and_value),
		cmocka_unit_test(test_entities_are_not_words),
		cmocka_unit_test(test_sentence_ends),
		cmocka_unit_test(test_empty_and_scale),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
