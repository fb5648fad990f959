/* pool.c: a fixed set of worker threads over a numbered list of jobs.
 * Workers claim jobs in increasing order; the caller delivers them in the
 * same order, so the output of a parallel run is the output of a serial
 * one. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pool.h"

typedef struct {
	const pool_jobs *jobs;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	unsigned char *done;
	size_t next;      /* first job not claimed */
	size_t delivered; /* jobs delivered so far */
	int stop;
} pool;

static void *worker(void *p)
{
	pool *pl = p;
	const pool_jobs *j = pl->jobs;
	pthread_mutex_lock(&pl->lock);
	for (;;) {
		while (!pl->stop && pl->next < j->n && pl->next >= pl->delivered + j->window)
			pthread_cond_wait(&pl->changed, &pl->lock);
		if (pl->stop || pl->next >= j->n)
			break;
		size_t i = pl->next++;
		pthread_mutex_unlock(&pl->lock);
		j->work(j->ctx, i);
		pthread_mutex_lock(&pl->lock);
		pl->done[i] = 1;
		pthread_cond_broadcast(&pl->changed);
	}
	pthread_mutex_unlock(&pl->lock);
	return NULL;
}

static size_t run_serial(const pool_jobs *j)
{
	for (size_t i = 0; i < j->n; i++) {
		j->work(j->ctx, i);
		if (j->deliver(j->ctx, i))
			return i + 1;
	}
	return j->n;
}

size_t pool_run(const pool_jobs *j)
{
	int threads = j->threads;
	if ((size_t)threads > j->n)
		threads = (int)j->n;
	if (threads <= 1)
		return run_serial(j);
	pool pl = { j, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
		    calloc(j->n, 1), 0, 0, 0 };
	pthread_t *tids = calloc((size_t)threads, sizeof *tids);
	if (!pl.done || !tids) {
		fputs("pregon: memoria agotada\n", stderr);
		abort();
	}
	int started = 0;
	while (started < threads &&
	       pthread_create(&tids[started], NULL, worker, &pl) == 0)
		started++;
	size_t delivered = 0;
	if (started == 0) {
		delivered = run_serial(j);
	} else {
		for (size_t i = 0; i < j->n; i++) {
			pthread_mutex_lock(&pl.lock);
			while (!pl.done[i])
				pthread_cond_wait(&pl.changed, &pl.lock);
			pthread_mutex_unlock(&pl.lock);
			int stop = j->deliver(j->ctx, i);
			pthread_mutex_lock(&pl.lock);
			pl.delivered = ++delivered;
			pl.stop = stop;
			pthread_cond_broadcast(&pl.changed);
			pthread_mutex_unlock(&pl.lock);
			if (stop)
				break;
		}
	}
	for (int t = 0; t < started; t++)
		pthread_join(tids[t], NULL);
	free(tids);
	free(pl.done);
	pthread_mutex_destroy(&pl.lock);
	pthread_cond_destroy(&pl.changed);
	return delivered;
}

int pool_processors(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}
