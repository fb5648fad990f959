/* personal_data_kind.h: what the files of the `personal-data` kind share:
 * the compiled state of a rule, the check in progress, and the detectors
 * of each family (personal_data_numbers.c: runs of digits;
 * personal_data_words.c: identifiers with letters, e-mail, addresses,
 * dates and plates).  Internal to src/kinds/personal_data*.c. */
#ifndef PREGON_PERSONAL_DATA_KIND_H
#define PREGON_PERSONAL_DATA_KIND_H

#include "kind.h"
#include "personal_data.h"

/* In the order of the `detector` names (personal_data.c). */
typedef enum {
	PD_CURP,
	PD_RFC,
	PD_VOTER_KEY,
	PD_INE,
	PD_CLABE,
	PD_CARD,
	PD_NSS,
	PD_PASSPORT,
	PD_PHONE,
	PD_EMAIL,
	PD_ADDRESS,
	PD_BIRTH_DATE,
	PD_PLATE,
	PD_BANK_ACCOUNT
} pd_detector;

/* Letters and digits around a datum end it; so do the marks of masking. */
#define PD_NOT_AFTER "(?<![\\p{L}\\p{N}_\\x{2022}*])"
#define PD_NOT_BEFORE "(?![\\p{L}\\p{N}_\\x{2022}*])"

typedef struct {
	char **items;
	size_t n;
} pd_list;

/* The institution's public data, normalized as matches are compared. */
typedef struct {
	pd_list phones;    /* national 10 digits */
	pd_list emails;    /* lower case */
	pd_list domains;   /* lower case, no leading dot */
	pd_list addresses; /* pd_address_key() */
	pd_list accounts;  /* digits */
	pd_list rfcs;      /* upper case, no separators */
} pd_allow_list;

typedef struct {
	pd_detector det;
	rx *shape;
	rx *shape2;           /* a second shape: IDMEX, letter+8 passport,
			       * spelled e-mail, the CURP an RFC must not be */
	rx *context;          /* NULL: none listed */
	rx *negative;
	rx *public_words;     /* any of them in the window: institutional */
	int needs_context;
	size_t min_digits;    /* a text with fewer is skipped */
	int reads_digit_runs; /* the shape is pd_digit_run (shared per doc) */
	long window;
	char *possible_es, *possible_en;
	pd_allow_list allow;
} pd_state;

/* A verdict on a match: not personal data; certain (the rule's severity);
 * possible (a right shape with a wrong check digit: warning at most). */
enum { PD_NOT_DATA = 0, PD_CERTAIN = 1, PD_POSSIBLE = 2 };

/* One rule checking one document. */
typedef struct {
	const pd_state *st;
	kind_run *run;
	const text_view *v; /* the body, folded and without accents */
} pd_checker;

/* personal_data.c */
int pd_list_has(const pd_list *l, const char *s);
size_t pd_alnum_upper(const char *s, size_t len, char *out, size_t cap);

/* personal_data_numbers.c: a run of digits and separators. */
extern const char pd_digit_run[];
/* The verdict on the run at view bytes [ms, me), `ctx` from the rule's
 * context words (1 announced, 0 not, -1 ruled out). */
int pd_judge_digit_run(const pd_checker *k, size_t ms, size_t me, int ctx);

/* personal_data_words.c */
extern const char pd_curp_shape[], pd_rfc_shape[], pd_voter_key_shape[],
	pd_idmex_shape[], pd_passport_shape[], pd_email_shape[],
	pd_email_spelled_shape[], pd_address_shape[], pd_date_shape[],
	pd_plate_shape[];
int pd_judge_curp(const char *s, size_t len);
int pd_judge_rfc(const pd_checker *k, const char *s, size_t len, int ctx);
int pd_judge_voter_key(const char *s, size_t len);
int pd_judge_idmex(const char *s);
int pd_judge_email(const pd_checker *k, const char *s, size_t len);
/* 1 when the date written in s[0..len) is a real one. */
int pd_real_date(const char *s, size_t len);
/* The key an address of the allow-list is compared by, from the groups of
 * the last match of pd_address_shape on `s`.  Caller frees. */
char *pd_address_key(const rx_scratch *sc, const char *s);
int pd_address_public(const pd_checker *k);
/* The end of a plate match without a final " y" that is a word. */
size_t pd_plate_end(const pd_checker *k, size_t ms, size_t me);
int pd_plate_written_apart_in_capitals(const pd_checker *k, size_t ms,
				       size_t me);
int pd_address_type_is_common_word(const pd_checker *k);

#endif
