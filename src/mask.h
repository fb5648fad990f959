/* mask.h: personal data shown without being printed.  The engine records
 * the spans of a report that hold personal data; everything that prints
 * source text (finding texts, messages, excerpts) goes through here. */
#ifndef PREGON_MASK_H
#define PREGON_MASK_H

#include "common.h"

/* Append input[from, to) to `out` with every code point that falls in one
 * of `spans` (sorted, disjoint) masked as pregon_report_excerpt() says. */
void mask_put(buf *out, const char *input, size_t input_len, size_t from,
	      size_t to, const pregon_span *spans, size_t n_spans);

/* 1 when [offset, offset + length) overlaps one of `spans`. */
int mask_touches(const pregon_span *spans, size_t n_spans, size_t offset,
		 size_t length);

#endif
