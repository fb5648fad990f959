/* document.h: the bytes of one post -> front matter, prose and positions.
 * The input is never modified; `prose` is a copy in which every byte that is
 * not prose (front matter, code, HTML comments, link targets) is a space, so
 * offsets in it are offsets in the input. */
#ifndef PREGON_DOCUMENT_H
#define PREGON_DOCUMENT_H

#include <stddef.h>

#include "count.h"
#include "date.h"
#include "pregon.h"
#include "readability.h"
#include "text.h"
#include "ytree.h"

typedef struct {
	const char *path;
	const char *input;   /* borrowed */
	size_t len;
	int plain_text;
	size_t body_off;     /* first byte after the BOM and front matter */
	y_node *fm;          /* front matter (a map), or NULL */
	char *prose;         /* len bytes, NUL-terminated */
	text_linemap lines;
	text_view views[TEXT_VIEWS]; /* by view flags, built on demand */
	int built[TEXT_VIEWS];
	text_view body_views[TEXT_VIEWS]; /* of the body as written */
	int body_built[TEXT_VIEWS];
	/* The body as published (the exact view without HTML comments and
	 * trailing blanks) and the links, hashtags and mentions X finds in it,
	 * built once for all the platform rules (kind_body()). */
	text_view published;
	count_entities entities;
	int published_built, entities_built, entities_rc;
	/* Decimal digits (any script) in the folded body, +1; 0: not counted. */
	size_t digits_plus_one;
	/* The runs of digits in the folded body, found once for the several
	 * personal-data detectors that read them (personal_data.c): state 0
	 * not searched yet, 1 found, 2 stopped by the match limit. */
	pregon_span *digit_runs;
	size_t n_digit_runs;
	int digit_runs_state;
	/* Words and sentences of the prose (doc_readability()). */
	rd_text readability;
	int readability_built;
	/* The words of the folded prose as the offensive rules read them,
	 * without [0] and with [1] their disguises undone, tokenized once for
	 * all of those rules (offensive.c, which also frees them). */
	void *offensive_words[2];
	void (*offensive_words_free)(void *words);

	/* Context resolved by the engine from options and front matter. */
	date_t date;
	int has_date;
	const char *platform; /* an id of doc_platforms, or NULL */
	const char *topic;    /* an id of doc_topics, or NULL */
} doc_t;

/* Known ids (NULL-terminated), shared with the front-matter rule kind. */
extern const char *const doc_platforms[];
extern const char *const doc_topics[];
extern const char *const doc_fm_keys[];
/* The keys of doc_fm_keys whose value is a map (the endorsement records,
 * which the `endorsement` kind checks). */
extern const char *const doc_fm_records[];
int doc_is_platform(const char *id);
int doc_is_topic(const char *id);

/*
 * Split and check an input.  Invalid UTF-8, a NUL byte or front matter that
 * is not YAML is PREGON_EINVAL with diag at file:line:col (and the byte
 * offset in the message).  On success dispose with doc_dispose().
 */
int doc_parse(doc_t *out, const char *path, const char *input, size_t len,
	      int plain_text, pregon_diag *diag);
void doc_dispose(doc_t *doc);

/* The body's prose as a normalized view (flags of text.h). */
const text_view *doc_view(doc_t *doc, int flags);
/* The body as written, link targets, code and comments included, as a
 * normalized view: for rules about what a post gives away (personal data
 * in a `tel:` link or a code span is published all the same). */
const text_view *doc_body_view(doc_t *doc, int flags);
/* The decimal digits of the body (Unicode Nd, counted once): detectors of
 * numbers skip a text with fewer than their shortest datum needs. */
size_t doc_digits(doc_t *doc);

/* The words and sentences of the body's prose, in NFC (offsets are those
 * of doc_view(doc, TEXT_EXACT)), built once for the clarity rules and the
 * report's `legibilidad`. */
const rd_text *doc_readability(doc_t *doc);

/* Byte offset in the input of (line, col) as y_node positions give them. */
size_t doc_offset_of(const doc_t *doc, int line, int col);

#endif
