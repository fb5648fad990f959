/* test_registry.c: the registry's checks at their boundaries, the
 * cross-check of posts, the activity log and the evaluation's counts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pregon.h"
#include "check_diag.h"

static char dir[] = "/tmp/pregon-registry-XXXXXX";
static char registry_path[600], log_path[600];

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(registry_path, sizeof registry_path, "%s/cuentas.yaml", dir);
	snprintf(log_path, sizeof log_path, "%s/bitacora.jsonl", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(registry_path);
	unlink(log_path);
	return rmdir(dir);
}

/* A registry of one account made of `fields` (YAML lines indented for an
 * account) after a complete, compliant one. */
static pregon_registry *load(const char *fields)
{
	FILE *f = fopen(registry_path, "w");
	assert_non_null(f);
	fprintf(f, "cuentas:\n"
		   "  - plataforma: facebook\n"
		   "    usuario: GobiernoTecate\n"
		   "    correo: redes@tecate.gob.mx\n"
		   "    administradores:\n"
		   "      titular: {nombre: Ana Ruiz, puesto: Directora, nivel: mando-superior}\n"
		   "      suplente: {nombre: Beto Lara, puesto: Jefe, nivel: mando-medio}\n"
		   "    autorizacion: {oficio: CS/1/2025, fecha: 2025-01-10}\n"
		   "    estado: activa\n"
		   "    verificada: sí\n"
		   "    ultima_evaluacion: 2025-08-31\n"
		   "    ritmo: diario\n"
		   "%s", fields);
	fclose(f);
	pregon_registry *r = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	int rc = pregon_registry_load(&r, registry_path, &d);
	if (rc)
		fprintf(stderr, "%s\n", d.message);
	pregon_diag_dispose(&d);
	assert_int_equal(rc, 0);
	return r;
}

/* The rule ids of a report, space-separated, into a static buffer. */
static const char *rules_of(const pregon_report *rep)
{
	static char out[1024];
	out[0] = '\0';
	for (size_t i = 0; i < rep->n_findings; i++) {
		strcat(out, i ? " " : "");
		strcat(out, rep->findings[i].rule);
	}
	return out;
}

static const char *check(const pregon_registry *r, const char *today,
			 const pregon_post_ref *posts, size_t n)
{
	pregon_report *rep = pregon_registry_check(r, today, posts, n);
	const char *rules = rules_of(rep);
	assert_string_equal(rep->path, registry_path);
	pregon_report_free(rep);
	return rules;
}

static void test_compliant_account(void **state)
{
	(void)state;
	pregon_registry *r = load("");
	assert_int_equal(pregon_registry_count(r), 1);
	char *label = pregon_registry_label(r, 0);
	assert_string_equal(label, "@GobiernoTecate (facebook)");
	free(label);
	assert_string_equal(check(r, "2026-01-15", NULL, 0), "");
	pregon_registry_free(r);
}

/* Six months after August 31 is February 28: due that day, late after. */
static void test_evaluation_six_months(void **state)
{
	(void)state;
	pregon_registry *r = load("");
	assert_string_equal(check(r, "2026-02-28", NULL, 0), "");
	assert_string_equal(check(r, "2026-03-01", NULL, 0), "cuentas.evaluacion-semestral");
	pregon_registry_free(r);
}

static void test_email_domain(void **state)
{
	(void)state;
	static const struct {
		const char *email;
		const char *rules;
	} cases[] = {
		{ "a@dif.tecate.gob.mx", "" },
		{ "a@TECATE.GOB.MX", "" },
		{ "a@xtecate.gob.mx", "cuentas.correo-institucional" },
		{ "a@tecate.gob.mx.example.com", "cuentas.correo-institucional" },
		{ "tecate.gob.mx", "cuentas.correo-institucional" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char fields[512];
		snprintf(fields, sizeof fields,
			 "  - plataforma: facebook\n    usuario: Dif\n    correo: \"%s\"\n"
			 "    administradores:\n"
			 "      titular: {nombre: Ana Ruiz, nivel: mando-medio}\n"
			 "      suplente: {nombre: Beto Lara, nivel: operativo}\n"
			 "    autorizacion: {oficio: X, fecha: 2025-01-01}\n"
			 "    estado: activa\n    verificada: solicitada\n"
			 "    ultima_evaluacion: 2026-01-01\n",
			 cases[i].email);
		pregon_registry *r = load(fields);
		assert_string_equal(check(r, "2026-01-15", NULL, 0), cases[i].rules);
		pregon_registry_free(r);
	}
}

/* On X only, the handle ends in "Tecate" (in any case). */
static void test_x_handle(void **state)
{
	(void)state;
	const char *rest = "    correo: a@tecate.gob.mx\n"
			   "    administradores:\n"
			   "      titular: {nombre: Ana Ruiz, nivel: mando-medio}\n"
			   "      suplente: {nombre: Beto Lara, nivel: operativo}\n"
			   "    autorizacion: {oficio: X, fecha: 2025-01-01}\n"
			   "    estado: activa\n    verificada: sí\n"
			   "    ultima_evaluacion: 2026-01-01\n";
	char fields[512];
	snprintf(fields, sizeof fields, "  - plataforma: x\n    usuario: \"@BomberosTECATE\"\n%s", rest);
	pregon_registry *r = load(fields);
	assert_string_equal(check(r, "2026-01-15", NULL, 0), "");
	pregon_registry_free(r);
	snprintf(fields, sizeof fields, "  - plataforma: x\n    usuario: Tecatense\n%s", rest);
	r = load(fields);
	assert_string_equal(check(r, "2026-01-15", NULL, 0), "cuentas.usuario-tecate");
	pregon_registry_free(r);
	snprintf(fields, sizeof fields, "  - plataforma: tiktok\n    usuario: Tecatense\n%s", rest);
	r = load(fields);
	assert_string_equal(check(r, "2026-01-15", NULL, 0), "");
	pregon_registry_free(r);
}

/* A daily account may be silent 7 days; the 8th is a finding.  Posts
 * after today (scheduled) do not count as activity. */
static void test_silence(void **state)
{
	(void)state;
	pregon_registry *r = load("");
	pregon_post_ref posts[] = {
		{ "a.md", "@gobiernotecate", "facebook", "2026-01-08", 1, 1 },
		{ "b.md", "GobiernoTecate", "facebook", "2026-02-01", 1, 1 },
		{ "c.md", "GobiernoTecate", "x", "2026-01-14", 1, 1 },
	};
	assert_string_equal(check(r, "2026-01-15", posts, 3), "");
	assert_string_equal(check(r, "2026-01-16", posts, 3), "cuentas.abandonada");
	assert_string_equal(check(r, "2026-01-16", posts, 0), "cuentas.abandonada");
	assert_string_equal(check(r, "2026-01-16", NULL, 0), "");
	pregon_registry_free(r);
}

static void test_cross_check(void **state)
{
	(void)state;
	pregon_registry *r = load("  - plataforma: x\n    usuario: AvisosTecate\n"
				  "    autorizacion: {oficio: X, fecha: 2025-03-01}\n"
				  "    estado: baja\n    fecha_baja: 2025-09-30\n");
	pregon_post_ref posts[] = {
		{ "ok.md", "GobiernoTecate", "facebook", "2025-01-10", 3, 9 },
		{ "antes.md", "GobiernoTecate", "facebook", "2025-01-09", 3, 9 },
		{ "baja-ese-dia.md", "@avisostecate", "x", "2025-09-30", 3, 9 },
		{ "tras-baja.md", "AvisosTecate", "x", "2025-10-01", 3, 9 },
		{ "otra-plataforma.md", "AvisosTecate", "facebook", "2025-05-01", 3, 9 },
		{ "desconocida.md", "Nadie", NULL, "2025-05-01", 3, 9 },
		{ "sin-cuenta.md", NULL, "x", "2025-05-01", 0, 0 },
		{ "sin-fecha.md", "GobiernoTecate", NULL, NULL, 3, 9 },
	};
	static const char *const expected[] = {
		"", "cuentas.antes-de-autorizacion", "", "cuentas.despues-de-baja",
		"cuentas.no-registrada", "cuentas.no-registrada", "cuentas.sin-cuenta", "",
	};
	size_t n = sizeof posts / sizeof *posts;
	pregon_report **reps = pregon_registry_check_posts(r, posts, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(reps[i]->path, posts[i].path);
		assert_string_equal(rules_of(reps[i]), expected[i]);
		assert_null(reps[i]->input);
		if (reps[i]->n_findings && posts[i].line) {
			assert_int_equal(reps[i]->findings[0].line, 3);
			assert_int_equal(reps[i]->findings[0].col, 9);
			assert_string_equal(reps[i]->findings[0].category, "registry");
		}
		pregon_report_free(reps[i]);
	}
	free(reps);
	pregon_registry_free(r);
}

static void test_schema_error(void **state)
{
	(void)state;
	FILE *f = fopen(registry_path, "w");
	assert_non_null(f);
	fputs("cuentas:\n  - plataforma: x\n    usuario: A\n    estado: activa\n    ritmo: mensual\n", f);
	fclose(f);
	pregon_registry *r = (pregon_registry *)1;
	pregon_diag d;
	pregon_diag_init(&d);
	assert_int_equal(pregon_registry_load(&r, registry_path, &d), PREGON_EINVAL);
	assert_null(r);
	check_diag(&d, 5, 12, "valor desconocido «mensual» para «ritmo»",
		   "valores posibles: diario, semanal");
	pregon_diag_dispose(&d);
}

static void test_post_ref(void **state)
{
	(void)state;
	const char *post = "---\nfecha: 2025-07-01T06:30Z\nplataforma: x\ncuenta: \"@AvisosTecate\"\n---\nHola\n";
	pregon_post_ref ref;
	pregon_diag d;
	pregon_diag_init(&d);
	assert_int_equal(pregon_post_ref_parse(&ref, "p.md", post, strlen(post), 0, &d), 0);
	/* 06:30 UTC is 23:30 of the day before in Tijuana (UTC-7 in summer) */
	assert_string_equal(ref.date, "2025-06-30");
	assert_string_equal(ref.platform, "x");
	assert_string_equal(ref.account, "@AvisosTecate");
	assert_int_equal(ref.line, 4);
	assert_int_equal(ref.col, 9);
	pregon_post_ref_dispose(&ref);
	pregon_diag_dispose(&d);
}

/* A report as a check would leave it, for the log. */
static void fake_report(pregon_report *rep, pregon_finding *f, const char *input,
			int score, pregon_verdict verdict)
{
	memset(rep, 0, sizeof *rep);
	memset(f, 0, sizeof *f);
	f->rule = "datos-personales.telefono";
	rep->path = "aviso.md";
	rep->input = input;
	rep->input_len = strlen(input);
	rep->findings = f;
	rep->n_findings = score < 100;
	rep->score = score;
	rep->verdict = verdict;
}

/* The log keeps no text (the datum stays out) and the evaluation reads it
 * back: the latest line of a path counts, once. */
static void test_log_round_trip(void **state)
{
	(void)state;
	unlink(log_path);
	const char *first = "---\ncuenta: GobiernoTecate\n---\nLlame al 665 123 4567\n";
	const char *second = "---\ncuenta: GobiernoTecate\n---\nLlame a la oficina\n";
	pregon_report rep;
	pregon_finding f;
	pregon_check_options o = { 0 };
	o.date = "2025-08-04";
	o.platform = "facebook";
	pregon_diag d;
	pregon_diag_init(&d);
	fake_report(&rep, &f, first, 80, PREGON_VERDICT_BLOCK);
	assert_int_equal(pregon_log_append(log_path, &rep, &o, &d), 0);
	fake_report(&rep, &f, second, 100, PREGON_VERDICT_PUBLISH);
	assert_int_equal(pregon_log_append(log_path, &rep, &o, &d), 0);
	FILE *lf = fopen(log_path, "r");
	assert_non_null(lf);
	char text[4096];
	size_t n = fread(text, 1, sizeof text - 1, lf);
	fclose(lf);
	text[n] = '\0';
	assert_null(strstr(text, "665"));
	assert_non_null(strstr(text, "\"fecha\":\"2025-08-04\""));
	assert_non_null(strstr(text, "\"reglas\":[\"datos-personales.telefono\"]"));

	pregon_evaluation *ev = pregon_evaluation_new("2025-07-01", "2025-12-31", "2026-01-15", NULL);
	assert_int_equal(pregon_evaluation_read_log(ev, log_path, &d), 0);
	char *json = pregon_evaluation_format_json(ev);
	json_error_t err;
	json_t *root = json_loads(json, 0, &err);
	assert_non_null(root);
	assert_int_equal(json_integer_value(json_object_get(root, "log_entries")), 2);
	json_t *all = json_object_get(root, "overall");
	assert_int_equal(json_integer_value(json_object_get(all, "posts")), 1);
	json_t *verdicts = json_object_get(all, "verdicts");
	assert_int_equal(json_integer_value(json_object_get(verdicts, "publish")), 1);
	/* 2025-08-04 is a Monday: the sixth week from Monday 2025-06-30 */
	json_t *week = json_array_get(json_object_get(all, "weeks"), 5);
	assert_string_equal(json_string_value(json_object_get(week, "start")), "2025-08-04");
	assert_int_equal(json_integer_value(json_object_get(week, "posts")), 1);
	json_decref(root);
	free(json);
	pregon_evaluation_free(ev);
	pregon_diag_dispose(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compliant_account),
		cmocka_unit_test(test_evaluation_six_months),
		cmocka_unit_test(test_email_domain),
		cmocka_unit_test(test_x_handle),
		cmocka_unit_test(test_silence),
		cmocka_unit_test(test_cross_check),
		cmocka_unit_test(test_schema_error),
		cmocka_unit_test(test_post_ref),
		cmocka_unit_test(test_log_round_trip),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
