/* common.h: what the subcommands share: argument parsing by a table, the
 * posts of folders, messages, output.  Clients of pregon.h only. */
#ifndef PREGON_CLI_COMMON_H
#define PREGON_CLI_COMMON_H

#include <stddef.h>
#include <stdio.h>

#include "pregon.h"

/* The exit statuses of every command. */
enum {
	EXIT_CLEAN = 0,    /* nothing at the failing severity */
	EXIT_FINDINGS = 1, /* at least one finding at error severity */
	EXIT_TROUBLE = 2   /* usage, configuration, input or output error */
};

/* An option of a subcommand: `--name` (or `-short`), with a value when
 * `arg` names it; `id` is the subcommand's own. */
typedef struct {
	const char *name;
	char short_name;   /* '\0': none */
	const char *arg;   /* NULL: a switch */
	int id;
	const char *help;  /* msgid */
} cli_option;

/* The options every command has, which cli_parse handles itself: --lang
 * is only checked (the language is cli_early_lang's, known before parsing
 * so that errors come out in it) and --help makes cli_parse return 1.  The
 * file that uses them defines N_. */
enum { CLI_OPT_LANG = -2, CLI_OPT_HELP = -3 };
#define CLI_OPTION_LANG \
	{ "lang", 0, N_("es|en"), CLI_OPT_LANG, N_("idioma de los mensajes (es por omisión)") }
#define CLI_OPTION_HELP { "help", 0, NULL, CLI_OPT_HELP, N_("muestra esta ayuda") }

/* Called for each option (value NULL for a switch) and, with id -1, for
 * each operand; returns 0, or -1 after printing a usage error. */
typedef int (*cli_set_fn)(void *state, int id, const char *value);

/* Parse argv[1..argc) (argv[0] is the subcommand).  -1 on a usage error,
 * already printed; 1 when --help was given (and nothing was wrong); 0. */
int cli_parse(int argc, char **argv, const cli_option *opts, size_t n_opts,
	      cli_set_fn set, void *state);
/* "NAME: error: ..." and where to find help; NAME is "pregon" unless
 * cli_set_command named the subcommand ("pregon comments"). */
void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_set_command(const char *name);
void cli_print_help(const char *usage, const char *summary,
		    const cli_option *opts, size_t n_opts);

/* What decides a client's engines: its command-line options. */
typedef struct {
	const char *config;       /* --config, or NULL */
	int no_config;            /* --no-config */
	const char *const *rules; /* --rules, instead of the default sets */
	size_t n_rules;
	pregon_lang lang;
} cli_engine_spec;

/* One engine per configuration file: posts under different .pregon.yaml
 * are checked with different rules, and each configuration is built once. */
typedef struct {
	struct cli_engine_slot {
		char *config;     /* "" for none */
		pregon_engine *engine;
	} *items;
	size_t n;
} cli_engines;

/* The engine for a post at `path` (NULL or "-": the working directory):
 * spec->config's, none with no_config, else the nearest .pregon.yaml.  0,
 * or -1 with the diagnostic printed. */
int cli_engine_for(pregon_engine **out, cli_engines *cache,
		   const cli_engine_spec *spec, const char *path);
void cli_engines_dispose(cli_engines *cache);

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

/* Memory for every client: out of memory prints one line and aborts.
 * cli_enough does that for what another library allocated (jansson):
 * it returns p when it is not NULL. */
void *cli_enough(void *p);
void *cli_xalloc(size_t n);  /* zeroed */
void *cli_xresize(void *p, size_t n);
char *cli_xstrdup(const char *s);
char *cli_xdupn(const char *s, size_t n);
/* Grow *items (of `size` bytes each) so that it holds at least `need`. */
void cli_grow(void *items, size_t *cap, size_t need, size_t size);

/* All of `f` into *out (NUL-terminated, *out_len bytes): 0; -1 for a read
 * error (errno); -2 when it is over `max` bytes (nothing more is read). */
int cli_read_stream(FILE *f, size_t max, char **out, size_t *out_len);
/* A whole regular file, as cli_read_stream with no limit; a FIFO, device
 * or folder (which would block or mean nothing) is -1 with errno EINVAL or
 * EISDIR. */
int cli_read_file(const char *path, char **out, size_t *out_len);

/* The language of the messages before the options are parsed: --lang (up
 * to "--"), else PREGON_LANG, else Spanish. */
pregon_lang cli_early_lang(int argc, char **argv);

#endif
