/* pool.c: a fixed set of worker threads over a numbered list of jobs.
 * Workers claim jobs in increasing order; the caller delivers them in the
 * same order, so the output of a parallel run is the output of a serial
 * one.  The caller is one of the workers: while the next job to deliver
 * is not done it runs the next one itself rather than sleep, so N threads
 * keep N processors busy and the threads seldom wait for each other. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "common.h"
#include "pool.h"

typedef struct {
	const pool_jobs *jobs;
	pthread_mutex_t lock;
	pthread_cond_t job_done;  /* the caller waits for the next job */
	pthread_cond_t room;      /* workers wait for the window to move */
	unsigned char *done;
	size_t next;      /* first job not claimed */
	size_t delivered; /* jobs delivered so far */
	int idle_workers; /* waiting on `room` */
	int stop;
} pool;

static void *worker(void *p)
{
	pool *pl = p;
	const pool_jobs *j = pl->jobs;
	pthread_mutex_lock(&pl->lock);
	for (;;) {
		while (!pl->stop && pl->next < j->n && pl->next >= pl->delivered + j->window) {
			pl->idle_workers++;
			pthread_cond_wait(&pl->room, &pl->lock);
			pl->idle_workers--;
		}
		if (pl->stop || pl->next >= j->n)
			break;
		size_t i = pl->next++;
		pthread_mutex_unlock(&pl->lock);
		j->work(j->ctx, i);
		pthread_mutex_lock(&pl->lock);
		pl->done[i] = 1;
		/* the caller waits only for the next job to deliver */
		if (i == pl->delivered)
			pthread_cond_signal(&pl->job_done);
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
		    PTHREAD_COND_INITIALIZER, cli_xalloc(j->n), 0, 0, 0, 0 };
	pthread_t *tids = cli_xalloc(((size_t)threads - 1) * sizeof *tids);
	int started = 0;
	while (started < threads - 1 &&
	       pthread_create(&tids[started], NULL, worker, &pl) == 0)
		started++;
	size_t delivered = 0;
	pthread_mutex_lock(&pl.lock);
	for (size_t i = 0; i < j->n; i++) {
		while (!pl.done[i]) {
			if (pl.next < j->n && pl.next < pl.delivered + j->window) {
				size_t k = pl.next++;
				pthread_mutex_unlock(&pl.lock);
				j->work(j->ctx, k);
				pthread_mutex_lock(&pl.lock);
				pl.done[k] = 1;
			} else {
				pthread_cond_wait(&pl.job_done, &pl.lock);
			}
		}
		pthread_mutex_unlock(&pl.lock);
		int stop = j->deliver(j->ctx, i);
		pthread_mutex_lock(&pl.lock);
		pl.delivered = ++delivered;
		pl.stop = stop;
		if (pl.idle_workers)
			pthread_cond_broadcast(&pl.room);
		if (stop)
			break;
	}
	pthread_mutex_unlock(&pl.lock);
	for (int t = 0; t < started; t++)
		pthread_join(tids[t], NULL);
	free(tids);
	free(pl.done);
	pthread_mutex_destroy(&pl.lock);
	pthread_cond_destroy(&pl.job_done);
	pthread_cond_destroy(&pl.room);
	return delivered;
}

int pool_processors(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}
