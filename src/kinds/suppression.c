/* suppression.c: the `supresion` kind.  It reports the inline suppression
 * directives (suppress.h) that are wrong or idle, one case per rule
 * (`caso`): `sintaxis` (a directive pregon cannot read), `sin-motivo` (a
 * disable without `-- motivo`, which therefore suppresses nothing),
 * `regla-desconocida` (an id that names no loaded rule or set) and
 * `sin-efecto` (an id that dropped no finding).  The engine runs these rules
 * after every other, once it has applied the directives, so a suppression
 * can never hide its own audit trail. */
#include <stdlib.h>

#include "../suppress.h"
#include "kind.h"

enum { CASE_SYNTAX, CASE_NO_REASON, CASE_UNKNOWN, CASE_UNUSED };

static const char *const cases[] = { "sintaxis", "sin-motivo",
				     "regla-desconocida", "sin-efecto", NULL };

static const char *const keys[] = { "caso", NULL };

static int sup_kind_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	int which;
	if (kind_overrides_known(c, &kind_suppression, diag) ||
	    kind_required_choice(c, "caso", cases, &which, diag))
		return PREGON_EINVAL;
	int *state = xmalloc(sizeof *state);
	*state = which;
	*out = state;
	return 0;
}

static void emit_span(kind_run *run, size_t offset, size_t length)
{
	kind_finding f = { 0 };
	f.offset = offset;
	f.length = length;
	run->emit(run, &f);
}

static int sup_kind_check(const void *p, kind_run *run)
{
	const int which = *(const int *)p;
	const sup_list *l = run->suppressions;
	for (size_t i = 0; l && i < l->n; i++) {
		const sup_directive *x = &l->items[i];
		if ((which == CASE_SYNTAX && x->problem == SUP_SYNTAX) ||
		    (which == CASE_NO_REASON && x->problem == SUP_NO_REASON)) {
			emit_span(run, x->offset, x->length);
			continue;
		}
		if (x->problem != SUP_OK)
			continue;
		for (size_t k = 0; k < x->n_ids; k++) {
			const sup_id *id = &x->ids[k];
			if ((which == CASE_UNKNOWN && !id->known) ||
			    (which == CASE_UNUSED && id->known && !id->used))
				emit_span(run, id->offset, id->length);
		}
	}
	return 0;
}

const kind_ops kind_suppression = { "supresion", keys, sup_kind_compile, NULL,
				    sup_kind_check, free, NULL };
