/* batch.h: what the documents of one run share (pregon_batch). */
#ifndef PREGON_BATCH_H
#define PREGON_BATCH_H

#include <stddef.h>

#include "pregon.h"

/*
 * Record that `path` publishes the text `key` (already normalized by the
 * caller) and tell whether another path published it before: the earlier
 * path, borrowed from the batch (valid until it is freed), or NULL.  The
 * same path seen twice is not a repetition.
 */
const char *batch_record(pregon_batch *batch, const char *key, size_t len,
			 const char *path);

#endif
