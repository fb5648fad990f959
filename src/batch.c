/* batch.c: the fingerprints of the posts of one run.  A hash table keyed by
 * the normalized text (kept whole, so that two different posts never
 * collide), under a lock because checks may run on several threads. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "common.h"

typedef struct {
	uint64_t hash;
	char *key;
	size_t len;
	char *path;
} batch_entry;

struct pregon_batch {
	pthread_mutex_t lock;
	batch_entry *slots; /* open addressing; key NULL when empty */
	size_t n, cap;      /* cap is a power of two */
};

pregon_batch *pregon_batch_new(void)
{
	pregon_batch *b = xcalloc(1, sizeof *b);
	pthread_mutex_init(&b->lock, NULL);
	b->cap = 64;
	b->slots = xcalloc(b->cap, sizeof *b->slots);
	return b;
}

void pregon_batch_free(pregon_batch *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->cap; i++) {
		free(b->slots[i].key);
		free(b->slots[i].path);
	}
	free(b->slots);
	pthread_mutex_destroy(&b->lock);
	free(b);
}

static batch_entry *find_slot(batch_entry *slots, size_t cap, uint64_t h,
			      const char *key, size_t len)
{
	size_t i = (size_t)h & (cap - 1);
	while (slots[i].key &&
	       !(slots[i].hash == h && slots[i].len == len &&
		 memcmp(slots[i].key, key, len) == 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static void grow(pregon_batch *b)
{
	size_t cap = b->cap * 2;
	batch_entry *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < b->cap; i++)
		if (b->slots[i].key)
			*find_slot(slots, cap, b->slots[i].hash, b->slots[i].key,
				   b->slots[i].len) = b->slots[i];
	free(b->slots);
	b->slots = slots;
	b->cap = cap;
}

const char *batch_record(pregon_batch *b, const char *key, size_t len,
			 const char *path)
{
	uint64_t h = hash_bytes(key, len);
	const char *earlier = NULL;
	pthread_mutex_lock(&b->lock);
	batch_entry *e = find_slot(b->slots, b->cap, h, key, len);
	if (e->key) {
		if (strcmp(e->path, path) != 0)
			earlier = e->path;
	} else {
		e->hash = h;
		e->key = xstrndup(key, len);
		e->len = len;
		e->path = xstrdup(path);
		if (++b->n * 2 > b->cap)
			grow(b);
	}
	pthread_mutex_unlock(&b->lock);
	return earlier;
}
