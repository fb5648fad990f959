/* test_suppress.c: reading inline suppression directives and what they
 * cover. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "suppress.h"

typedef struct {
	doc_t doc;
	sup_list list;
} parsed;

static void parse(parsed *p, const char *input)
{
	pregon_diag diag;
	pregon_diag_init(&diag);
	assert_int_equal(doc_parse(&p->doc, "p.md", input, strlen(input), 0, &diag), 0);
	pregon_diag_dispose(&diag);
	sup_parse(&p->list, &p->doc);
}

static void dispose(parsed *p)
{
	sup_dispose(&p->list);
	doc_dispose(&p->doc);
}

static void check_id(const parsed *p, size_t i, size_t k, const char *want)
{
	const sup_directive *x = &p->list.items[i];
	assert_true(k < x->n_ids);
	assert_int_equal(x->ids[k].length, strlen(want));
	assert_memory_equal(p->doc.input + x->ids[k].offset, want, strlen(want));
}

static void test_next_line_covers_only_the_next_line(void **state)
{
	(void)state;
	const char *in = "<!-- pregon-disable-next-line estilo.a, tono -- cita -->\n"
			 "uno\ndos\n";
	parsed p;
	parse(&p, in);
	assert_int_equal(p.list.n, 1);
	const sup_directive *x = &p.list.items[0];
	assert_int_equal(x->problem, SUP_OK);
	assert_int_equal(x->n_ids, 2);
	check_id(&p, 0, 0, "estilo.a");
	check_id(&p, 0, 1, "tono");
	size_t uno = (size_t)(strstr(in, "uno") - in), dos = uno + 4;
	assert_int_equal(x->from, uno);
	assert_int_equal(x->to, dos);
	assert_false(sup_covers(&p.list, in, dos, "estilo.a"));
	assert_false(sup_covers(&p.list, in, uno, "estilo.b"));
	assert_false(x->ids[0].used);
	assert_true(sup_covers(&p.list, in, uno, "estilo.a"));
	assert_true(x->ids[0].used);
	assert_true(sup_covers(&p.list, in, uno + 1, "tono.jerga"));
	assert_true(x->ids[1].used);
	dispose(&p);
}

static void test_range_ends_at_enable(void **state)
{
	(void)state;
	const char *in = "<!--pregon-disable estilo -- lema-->\nuno\n<!-- pregon-enable -->\ndos\n";
	parsed p;
	parse(&p, in);
	assert_int_equal(p.list.n, 2);
	assert_int_equal(p.list.items[0].problem, SUP_OK);
	assert_int_equal(p.list.items[1].problem, SUP_OK);
	size_t uno = (size_t)(strstr(in, "uno") - in);
	size_t dos = (size_t)(strstr(in, "dos") - in);
	assert_true(sup_covers(&p.list, in, uno, "estilo.x"));
	assert_false(sup_covers(&p.list, in, dos, "estilo.x"));
	dispose(&p);
}

static void test_unclosed_range_runs_to_the_end(void **state)
{
	(void)state;
	const char *in = "<!-- pregon-disable estilo -- lema -->\nuno\n\ndos\n";
	parsed p;
	parse(&p, in);
	assert_int_equal(p.list.items[0].to, strlen(in));
	dispose(&p);
}

static void test_problems(void **state)
{
	(void)state;
	parsed p;
	parse(&p, "<!-- pregon-disable estilo -->\n"
		  "<!-- pregon-disable estilo --    -->\n"
		  "<!-- pregon-disable -- motivo -->\n"
		  "<!-- pregon-disable est!lo -- motivo -->\n"
		  "<!-- pregon-disabel estilo -- motivo -->\n"
		  "<!-- pregon-enable estilo -->\n"
		  "<!-- otra cosa -->\n");
	assert_int_equal(p.list.n, 6);
	assert_int_equal(p.list.items[0].problem, SUP_NO_REASON);
	assert_int_equal(p.list.items[1].problem, SUP_NO_REASON);
	for (size_t i = 2; i < 6; i++)
		assert_int_equal(p.list.items[i].problem, SUP_SYNTAX);
	/* a directive that is wrong covers nothing */
	assert_false(sup_covers(&p.list, p.doc.input, p.doc.len - 1, "estilo.x"));
	dispose(&p);
}

static void test_stray_enable(void **state)
{
	(void)state;
	parsed p;
	parse(&p, "uno\n<!-- pregon-enable -->\n");
	assert_int_equal(p.list.n, 1);
	assert_int_equal(p.list.items[0].problem, SUP_SYNTAX);
	dispose(&p);
}

static void test_front_matter_and_plain_text_hold_none(void **state)
{
	(void)state;
	parsed p;
	parse(&p, "---\nnota: \"<!-- pregon-disable estilo -- x -->\"\n---\nuno\n");
	assert_int_equal(p.list.n, 0);
	dispose(&p);
	pregon_diag diag;
	pregon_diag_init(&diag);
	const char *txt = "<!-- pregon-disable estilo -- x -->\nuno\n";
	assert_int_equal(doc_parse(&p.doc, "p.txt", txt, strlen(txt), 1, &diag), 0);
	sup_parse(&p.list, &p.doc);
	assert_int_equal(p.list.n, 0);
	dispose(&p);
}

static void test_id_names_rule_or_set(void **state)
{
	(void)state;
	const char *in = "estilo";
	sup_id id = { 0, 6, 0, 0 };
	assert_true(sup_id_names(in, &id, "estilo"));
	assert_true(sup_id_names(in, &id, "estilo.palabra"));
	assert_false(sup_id_names(in, &id, "estilos.palabra"));
	assert_false(sup_id_names(in, &id, "esti"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_line_covers_only_the_next_line),
		cmocka_unit_test(test_range_ends_at_enable),
		cmocka_unit_test(test_unclosed_range_runs_to_the_end),
		cmocka_unit_test(test_problems),
		cmocka_unit_test(test_stray_enable),
		cmocka_unit_test(test_front_matter_and_plain_text_hold_none),
		cmocka_unit_test(test_id_names_rule_or_set),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
