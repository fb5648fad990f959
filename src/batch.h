/* batch.h: what the documents of one run share (pregon_batch). */
#ifndef PREGON_BATCH_H
#define PREGON_BATCH_H

#include <stddef.h>

#include "pregon.h"

/*
 * Record that document `seq` (its place in the run), at `path`, publishes
 * the text `key` (already normalized by the caller) and tell whether an
 * earlier document published it: the earlier path, borrowed from the batch
 * (valid until it is freed), or NULL.  "Earlier" is a lower place, or the
 * same place recorded before (callers that number nothing).  The call waits
 * until every lower place is settled, so threads find what one thread in
 * order finds; it settles `seq`.  The same path twice is not a repetition.
 */
const char *batch_record(pregon_batch *batch, const char *key, size_t len,
			 const char *path, size_t seq);

#endif
