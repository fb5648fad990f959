/* test_calendar.c: rules/datos/calendario-electoral.yaml says what the
 * project's reference calendar (../shared/domain/electoral-calendar.yaml)
 * says, key by key, in Spanish: same windows in the same order, same dates,
 * confirmation, exceptions and sources.  Only the notes may differ.  Without
 * the reference the test is skipped (a failure with PREGON_REQUIRE_ALL=1). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "ytree.h"

#define OURS "rules/datos/calendario-electoral.yaml"
#define REFERENCE "../shared/domain/electoral-calendar.yaml"

/* The reference's keys and ours. */
static const char *const key_map[][2] = {
	{ "id", "id" },
	{ "name", "nombre" },
	{ "kind", "tipo" },
	{ "scope", "ambito" },
	{ "jurisdiction", "jurisdiccion" },
	{ "precampaign_start", "precampana_inicio" },
	{ "precampaign_end", "precampana_fin" },
	{ "campaign_start", "campana_inicio" },
	{ "campaign_end", "campana_fin" },
	{ "election_day", "jornada" },
	{ "blackout_start", "inicio" },
	{ "blackout_end", "fin" },
	{ "confirmed", "confirmada" },
	{ "exceptions", "excepciones" },
	{ "sources", "fuentes" },
};

static y_node *load(const char *path, char **text)
{
	size_t len;
	pregon_diag d;
	pregon_diag_init(&d);
	y_node *root = NULL;
	if (read_file(path, text, &len, &d) ||
	    y_parse(&root, path, *text, len, 0, &d))
		fail_msg("%s: %s", path, d.message ? d.message : "");
	pregon_diag_dispose(&d);
	assert_non_null(root);
	return root;
}

/* Scalars equal, or sequences of equal scalars. */
static void assert_same(const y_node *ref, const y_node *ours, const char *id,
			const char *key)
{
	if (!ref || !ours)
		fail_msg("%s: «%s» está solo en uno de los calendarios", id, key);
	if (ref->type != ours->type)
		fail_msg("%s: «%s» tiene otra forma", id, key);
	if (ref->type == Y_SCALAR) {
		if (strcmp(ref->str, ours->str) != 0)
			fail_msg("%s: «%s» es «%s» y debía ser «%s»", id, key, ours->str,
				 ref->str);
		return;
	}
	if (ref->n != ours->n)
		fail_msg("%s: «%s» tiene %zu elementos y debía tener %zu", id, key,
			 ours->n, ref->n);
	for (size_t i = 0; i < ref->n; i++)
		assert_same(ref->items[i], ours->items[i], id, key);
}

static void test_matches_reference(void **state)
{
	(void)state;
	FILE *f = fopen(REFERENCE, "r");
	if (!f) {
		const char *all = getenv("PREGON_REQUIRE_ALL");
		if (all && strcmp(all, "1") == 0)
			fail_msg("%s no existe (PREGON_REQUIRE_ALL=1)", REFERENCE);
		printf("calendario: %s no existe; se omite la comparación\n", REFERENCE);
		skip();
	}
	fclose(f);
	char *ref_text = NULL, *our_text = NULL;
	y_node *ref = load(REFERENCE, &ref_text), *ours = load(OURS, &our_text);
	const y_node *rw = y_get(ref, "windows"), *ow = y_get(ours, "ventanas");
	assert_non_null(rw);
	assert_non_null(ow);
	assert_int_equal(rw->n, ow->n);
	for (size_t i = 0; i < rw->n; i++) {
		const y_node *r = rw->items[i], *o = ow->items[i];
		const char *id = y_get(r, "id") ? y_get(r, "id")->str : "?";
		for (size_t k = 0; k < sizeof key_map / sizeof *key_map; k++) {
			const y_node *a = y_get(r, key_map[k][0]);
			const y_node *b = y_get(o, key_map[k][1]);
			if (!a && !b)
				continue;
			assert_same(a, b, id, key_map[k][1]);
		}
	}
	y_free(ref);
	y_free(ours);
	free(ref_text);
	free(our_text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matches_reference),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
