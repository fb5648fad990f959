/* common.h: what the subcommands share: argument parsing by a table, the
 * posts of folders, messages, output.  Clients of pregon.h only. */
#ifndef PREGON_CLI_COMMON_H
#define PREGON_CLI_COMMON_H

#include <stddef.h>

#include "pregon.h"

#define EXIT_CLEAN 0
#define EXIT_FINDINGS 1
#define EXIT_TROUBLE 2

/* An option of a subcommand: `--name` (or `-short`), with a value when
 * `arg` names it; `id` is the subcommand's own. */
typedef struct {
	const char *name;
	char short_name;   /* '\0': none */
	const char *arg;   /* NULL: a switch */
	int id;
	const char *help;  /* msgid */
} cli_option;

/* Called for each option (value NULL for a switch) and, with id -1, for
 * each operand; returns 0, or -1 after printing a usage error. */
typedef int (*cli_set_fn)(void *state, int id, const char *value);

/* Parse argv[1..argc) (argv[0] is the subcommand).  -1 on a usage error,
 * already printed. */
int cli_parse(int argc, char **argv, const cli_option *opts, size_t n_opts,
	      cli_set_fn set, void *state);
void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_print_help(const char *usage, const char *summary,
		    const cli_option *opts, size_t n_opts);

void cli_print_diag(const pregon_diag *diag);
/* Write everything to standard output at once; -1 (printed) on failure. */
int cli_write_all(const char *s);

/* One post read from disk. */
typedef struct {
	char *path;
	char *data;
	size_t len;
	int plain;   /* .txt */
} cli_post;

typedef struct {
	cli_post *items;
	size_t n, cap;
} cli_posts;

/* Read `path`: a file, or every post of a folder (.md, .markdown, .txt;
 * sorted, hidden folders and links to folders skipped).  -1 with the
 * error printed when something cannot be read. */
int cli_posts_read(cli_posts *posts, const char *path);
void cli_posts_dispose(cli_posts *posts);

/* 1 when `path` is a folder. */
int cli_is_dir(const char *path);

void *cli_xalloc(size_t n);  /* zeroed; aborts when out of memory */
char *cli_xstrdup(const char *s);

#endif
