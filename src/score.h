/* score.h: findings -> score and verdict.  Pure functions. */
#ifndef PREGON_SCORE_H
#define PREGON_SCORE_H

#include <stddef.h>

#include "pregon.h"

/* 100 minus the weights, floored at 0. */
int score_compute(const int *weights, size_t n);
/* block on any error, review on any warning or a score under `threshold`,
 * publish otherwise. */
pregon_verdict score_verdict(const pregon_severity *severities, size_t n,
			     int score, int threshold);

#endif
