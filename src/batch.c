/* batch.c: the fingerprints of the posts of one run, in the order of the
 * run.  A hash table of 128-bit fingerprints of the normalized text (two
 * independent 64-bit hashes: the text itself is not kept, so memory grows
 * by a few dozen bytes a post), under a lock because checks run on several
 * threads; a document waits for the lower places before it records, so the
 * findings do not depend on which thread got there first. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "common.h"

typedef struct {
	uint64_t hash, check; /* check: a second hash, against collisions */
	char *path;           /* NULL when the slot is empty */
} batch_entry;

struct pregon_batch {
	pthread_mutex_t lock;
	pthread_cond_t settled_more;
	batch_entry *slots; /* open addressing */
	size_t n, cap;      /* cap is a power of two */
	/* places settled: every one below `floor`, and those marked in
	 * `settled` (indexed by place) above it */
	size_t floor;
	unsigned char *settled;
	size_t settled_cap;
};

pregon_batch *pregon_batch_new(void)
{
	pregon_batch *b = xcalloc(1, sizeof *b);
	pthread_mutex_init(&b->lock, NULL);
	pthread_cond_init(&b->settled_more, NULL);
	b->cap = 64;
	b->slots = xcalloc(b->cap, sizeof *b->slots);
	return b;
}

void pregon_batch_free(pregon_batch *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->cap; i++)
		free(b->slots[i].path);
	free(b->slots);
	free(b->settled);
	pthread_cond_destroy(&b->settled_more);
	pthread_mutex_destroy(&b->lock);
	free(b);
}

/* A second, unrelated hash (64-bit multiply-xorshift over 8-byte words). */
static uint64_t check_hash(const char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ n;
	while (n) {
		uint64_t w = 0;
		size_t k = n < 8 ? n : 8;
		memcpy(&w, p, k);
		h = (h ^ w) * 0xbf58476d1ce4e5b9u;
		h ^= h >> 31;
		p += k;
		n -= k;
	}
	return h;
}

static batch_entry *find_slot(batch_entry *slots, size_t cap, uint64_t h,
			      uint64_t check)
{
	size_t i = (size_t)h & (cap - 1);
	while (slots[i].path && !(slots[i].hash == h && slots[i].check == check))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static void grow(pregon_batch *b)
{
	size_t cap = b->cap * 2;
	batch_entry *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < b->cap; i++)
		if (b->slots[i].path)
			*find_slot(slots, cap, b->slots[i].hash, b->slots[i].check) =
				b->slots[i];
	free(b->slots);
	b->slots = slots;
	b->cap = cap;
}

/* With the lock held. */
static void settle(pregon_batch *b, size_t seq)
{
	if (seq < b->floor)
		return;
	if (seq >= b->settled_cap) {
		size_t cap = b->settled_cap ? b->settled_cap : 256;
		while (cap <= seq)
			cap *= 2;
		b->settled = xrealloc(b->settled, cap);
		memset(b->settled + b->settled_cap, 0, cap - b->settled_cap);
		b->settled_cap = cap;
	}
	b->settled[seq] = 1;
	while (b->floor < b->settled_cap && b->settled[b->floor])
		b->floor++;
	pthread_cond_broadcast(&b->settled_more);
}

void pregon_batch_settle(pregon_batch *b, size_t seq)
{
	if (!b)
		return;
	pthread_mutex_lock(&b->lock);
	settle(b, seq);
	pthread_mutex_unlock(&b->lock);
}

const char *batch_record(pregon_batch *b, const char *key, size_t len,
			 const char *path, size_t seq)
{
	uint64_t h = hash_bytes(key, len), check = check_hash(key, len);
	const char *earlier = NULL;
	pthread_mutex_lock(&b->lock);
	while (b->floor < seq)
		pthread_cond_wait(&b->settled_more, &b->lock);
	batch_entry *e = find_slot(b->slots, b->cap, h, check);
	if (e->path) {
		if (strcmp(e->path, path) != 0)
			earlier = e->path;
	} else {
		*e = (batch_entry){ h, check, xstrdup(path) };
		if (++b->n * 2 > b->cap)
			grow(b);
	}
	settle(b, seq);
	pthread_mutex_unlock(&b->lock);
	return earlier;
}
