/* promotion.h: the detector of personalized promotion (Const. art. 134)
 * that the `promotion` kind reports and the `electoral` kind consults to
 * withdraw a blackout exemption from a post that also promotes. */
#ifndef PREGON_PROMOTION_H
#define PREGON_PROMOTION_H

#include "kind.h"

/* The word lists of rules/datos/promocion.yaml (the rule's `lexico`) plus
 * the configuration's officials, compiled once. */
typedef struct promo_lexicon promo_lexicon;

/* Load the lexicon named by the rule's `lexico` key (relative to the data
 * directory's rules/ folder) and compile it with the configuration's
 * `funcionarios`.  0, or PREGON_EINVAL / PREGON_EIO with diag. */
int promo_lexicon_load(promo_lexicon **out, const kind_compile *c,
		       pregon_diag *diag);
void promo_lexicon_free(promo_lexicon *lx);

/* What the detector looks for; a rule picks one with `comprueba`. */
enum {
	PROMO_OFFICIALS = 1,    /* configured names, forms, handles, hashtags */
	PROMO_PERSONS = 2,      /* title + name, credit verbs, routed credit */
	PROMO_FIRST_PERSON = 4, /* "inauguré", "mi gobierno" */
	PROMO_PARTIES = 8,      /* party names, acronyms, coalition slogans */
	PROMO_ACHIEVEMENTS = 16, /* "inaugura", "obra histórica": for exemptions */
	PROMO_ELECTED = 32      /* an elected office, even alone: for exemptions */
};

/* One element found: a span of the input, whether it is an error (a person
 * identified and credited or praised) and the message saying which element
 * it is (in the process's language; owned by the detector, valid during the
 * callback). */
typedef struct {
	size_t offset, length;
	int is_error;
	const char *message;
} promo_element;

typedef void (*promo_report_fn)(void *ctx, const promo_element *e);

/* Report every element of the kinds in `what` (PROMO_* bits).  0, or
 * PREGON_ELIMIT when a match limit stopped the scan. */
int promo_scan(const promo_lexicon *lx, kind_run *run, int what,
	       promo_report_fn report, void *ctx);

#endif
