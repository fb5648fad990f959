/* pool.h: run jobs on worker threads and hand their results back in order. */
#ifndef PREGON_CLI_POOL_H
#define PREGON_CLI_POOL_H

#include <stddef.h>

/*
 * Jobs 0..n-1 run on `threads` workers (`work`, in any order, at most
 * `window` finished jobs ahead of the one being delivered, so memory stays
 * bounded), and `deliver` runs on the calling thread for 0, 1, 2... in
 * order, each once its job is done.  A `deliver` that returns nonzero stops
 * the run: no job starts after it.  pool_run returns the number of jobs
 * delivered (the one that stopped included); results of jobs that ran but
 * were not delivered are the caller's to release.  With one thread or one
 * job everything runs on the calling thread.
 */
typedef struct {
	size_t n;
	int threads;
	size_t window;
	void (*work)(void *ctx, size_t i);
	int (*deliver)(void *ctx, size_t i);
	void *ctx;
} pool_jobs;

size_t pool_run(const pool_jobs *jobs);

/* The number of processors online, at least 1. */
int pool_processors(void);

#endif
