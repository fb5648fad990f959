/* evaluation.h: the evaluation report's data (the posts of a period, the
 * log, the registry) and the summary its renderers (HTML, JSON) print.
 * Internal to libpregon. */
#ifndef PREGON_EVALUATION_H
#define PREGON_EVALUATION_H

#include "../common.h"
#include "../registry/registry.h"

/* More posts than this in one day by one account is over-posting. */
#define EV_MAX_POSTS_PER_DAY 5
/* How many of the most frequent findings are listed. */
#define EV_TOP_FINDINGS 10

typedef struct {
	char *rule;
	char *criterio;
	char *message;  /* as the report gave it: personal data masked */
	char *text;     /* the finding's masked text */
} ev_finding;

/* A post of the period: from the repository (with its findings) or only
 * from the log (rule ids only). */
typedef struct {
	pregon_post_ref ref;     /* owned copies */
	long day;                /* days since the epoch */
	int score;
	pregon_verdict verdict;
	ev_finding *findings;
	size_t n_findings;
	int from_log;
} ev_post;

/* A count by key (criterion, rule). */
typedef struct {
	char *key;
	size_t count;
	size_t example;          /* post index of the first occurrence */
	size_t finding;          /* its finding index in that post */
} ev_count;

typedef struct {
	ev_count *items;
	size_t n, cap;
} ev_counts;

/* The figures of one account, or of all of them. */
typedef struct {
	char *label;             /* "@usuario (plataforma)", or a caption */
	const reg_account *account; /* NULL: not in the registry, or "all" */
	size_t posts;
	size_t verdicts[3];      /* by pregon_verdict */
	size_t *weekly;          /* posts in each week of the period */
	double *weekly_score;    /* mean score of each week; -1 without posts */
	ev_counts criteria;      /* findings by criterion */
	long longest_gap;        /* days without posts inside the period */
	long gap_start;          /* first day of that gap */
	size_t busiest;          /* most posts in one day */
	long busiest_day;
	int silent;              /* gap over what its rhythm allows */
	int over_posting;        /* busiest over EV_MAX_POSTS_PER_DAY */
} ev_account;

struct pregon_evaluation {
	long from, to, today;    /* days since the epoch */
	const pregon_engine *engine;
	ev_post *posts;
	size_t n_posts, cap_posts;
	pregon_post_ref *seen;   /* every post added, in the period or not */
	size_t n_seen, cap_seen;
	size_t log_lines;
	size_t outside;          /* posts dated outside the period */
	size_t undated;
	char **logs;             /* log files read */
	size_t n_logs;
	const pregon_registry *registry;
	const pregon_report *registry_findings;
};

/* What the renderers print, computed once from an evaluation. */
typedef struct {
	size_t n_weeks;
	long first_monday;       /* the week of `from` starts here */
	ev_account all;
	ev_account *accounts;    /* by label */
	size_t n_accounts;
	ev_counts rules;         /* findings by rule, most frequent first */
} ev_summary;

void ev_summary_init(ev_summary *out, const pregon_evaluation *ev);
void ev_summary_dispose(ev_summary *s);

/* "YYYY-MM-DD" of a day since the epoch into out[11]. */
void ev_day_str(char out[11], long day);

/* The criteria of the norm no rule can decide, which a person reviews
 * (NULL-terminated). */
extern const char *const ev_human_review[];

#endif
