/* test_serve_api.c: the JSON endpoints of `pregon serve` without HTTP
 * (serve/api.c), and the length the report's metrics carry for them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "serve/api.h"
#include "support.h"

static pregon_engine *engine;

static int setup(void **state)
{
	(void)state;
	engine = test_engine(NULL, "test_serve_api");
	return engine ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	pregon_engine_free(engine);
	return 0;
}

/* The answer to `request`, its status in *status. */
static json_t *ask(const char *request, unsigned *status)
{
	serve_answer a;
	serve_api_check(&a, engine, request, strlen(request), "2026-03-10");
	*status = a.status;
	json_error_t err;
	json_t *j = json_loads(a.body, 0, &err);
	assert_non_null(j);
	free(a.body);
	return j;
}

static json_t *first_file(json_t *answer)
{
	return json_array_get(json_object_get(answer, "files"), 0);
}

static double metric(json_t *file, const char *name)
{
	json_t *v = json_object_get(json_object_get(file, "metrics"), name);
	return v ? json_number_value(v) : -1;
}

static const char *error_of(json_t *answer)
{
	return json_string_value(json_object_get(answer, "error"));
}

/* X weighs every link 23: twelve of them and eleven spaces are 287 of
 * 280, which the metrics say whether or not the length rule fires. */
static void test_length_metric(void **state)
{
	(void)state;
	unsigned status;
	json_t *a = ask("{\"text\": \"https://a.mx https://b.mx https://c.mx https://d.mx "
			"https://e.mx https://f.mx https://g.mx https://h.mx https://i.mx "
			"https://j.mx https://k.mx https://l.mx\", \"platform\": \"x\"}",
			&status);
	assert_int_equal(status, 200);
	assert_true(metric(first_file(a), "longitud") == 287);
	assert_true(metric(first_file(a), "longitud_maxima") == 280);
	json_decref(a);
	/* a YouTube description counts bytes: "acción" is 7 */
	a = ask("{\"text\": \"acción\", \"platform\": \"youtube\"}", &status);
	assert_true(metric(first_file(a), "longitud") == 7);
	assert_true(metric(first_file(a), "longitud_maxima") == 5000);
	assert_true(metric(first_file(a), "caracteres") == 6);
	json_decref(a);
	/* no platform, no length */
	a = ask("{\"text\": \"acción\"}", &status);
	assert_true(metric(first_file(a), "longitud") == -1);
	json_decref(a);
}

static void test_report(void **state)
{
	(void)state;
	unsigned status;
	json_t *a = ask("{\"text\": \"Mi CURP es HERG870314MBCRZD08. Les pedimos pasiencia.\", "
			"\"date\": \"2026-03-10\", \"topic\": \"salud\", \"account\": \"GobiernoTecate\"}",
			&status);
	assert_int_equal(status, 200);
	json_t *file = first_file(a);
	assert_string_equal(json_string_value(json_object_get(file, "path")), "borrador");
	assert_string_equal(json_string_value(json_object_get(file, "verdict")), "block");
	char *dumped = json_dumps(a, 0);
	assert_null(strstr(dumped, "HERG870314MBCRZD08"));
	assert_non_null(strstr(dumped, "HERG••••••••••••08"));
	/* suggestions are computed */
	assert_non_null(strstr(dumped, "\"paciencia\""));
	free(dumped);
	json_decref(a);
	/* a draft pregon cannot read is a report with its error */
	a = ask("{\"text\": \"---\\nfecha: [2026\\n---\\nHola\"}", &status);
	assert_int_equal(status, 200);
	const char *error = json_string_value(json_object_get(first_file(a), "error"));
	assert_non_null(error);
	assert_int_equal(strncmp(error, "borrador:2:", 11), 0);
	assert_null(strchr(error, '\n'));
	json_decref(a);
}

static void expect_refusal(const char *request, const char *want)
{
	unsigned status;
	json_t *a = ask(request, &status);
	assert_int_equal(status, 400);
	const char *error = error_of(a);
	assert_non_null(error);
	if (strstr(error, want) == NULL)
		fail_msg("«%s» no contiene «%s»", error, want);
	json_decref(a);
}

static void test_refusals(void **state)
{
	(void)state;
	expect_refusal("{\"text\": \"a\",\n  \"x\" 1}", "solicitud:2:7: error: la solicitud no es JSON válido");
	expect_refusal("{\"text\": ", "solicitud:1:9: error: el JSON de la solicitud termina antes de tiempo");
	expect_refusal("{\"text\": \"a\"} {}", "hay texto después del objeto");
	expect_refusal("[]", "solicitud:1:1: error: la solicitud debe ser un objeto JSON");
	expect_refusal("{}", "solicitud: error: falta «text»");
	expect_refusal("{\"text\": null}", "falta «text»");
	expect_refusal("{\"text\": \"a\", \"fecha\": \"2026-03-10\"}",
		       "clave desconocida «fecha»; use text, platform, date, account o topic");
	expect_refusal("{\"text\": \"a\", \"platform\": \"twitter\"}", "plataforma desconocida en «platform»");
	expect_refusal("{\"text\": \"a\", \"platform\": 1}", "«platform» debe ser una cadena");
	expect_refusal("{\"text\": \"a\", \"date\": \"10/03/2026\"}", "fecha no válida en «date»; use AAAA-MM-DD");
	expect_refusal("{\"text\": \"a\", \"topic\": \"salú\"}", "tema desconocido en «topic»");
}

static void test_options(void **state)
{
	(void)state;
	char *s = serve_api_options();
	json_error_t err;
	json_t *o = json_loads(s, 0, &err);
	free(s);
	assert_non_null(o);
	json_t *platforms = json_object_get(o, "platforms");
	assert_int_equal(json_array_size(platforms), 7);
	assert_string_equal(json_string_value(json_array_get(platforms, 0)), "x");
	assert_true(json_array_size(json_object_get(o, "topics")) > 10);
	json_decref(o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_length_metric),
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_options),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
