/* common.c: what the clients share (the command, its subcommands and the
 * language server): memory, reading files, the language of messages, a
 * table of options, the posts of folders, diagnostics and writing the
 * output once. */
#include <dirent.h>
#include <errno.h>
#include <libintl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "common.h"

#define _(s) dgettext("pregon", s)

void *cli_enough(void *p)
{
	if (!p) {
		fputs("pregon: memoria agotada\n", stderr);
		abort();
	}
	return p;
}

void *cli_xalloc(size_t n)
{
	return cli_enough(calloc(1, n ? n : 1));
}

void *cli_xresize(void *p, size_t n)
{
	return cli_enough(realloc(p, n ? n : 1));
}

char *cli_xdupn(const char *s, size_t n)
{
	char *p = cli_xalloc(n + 1);
	memcpy(p, s, n);
	return p;
}

char *cli_xstrdup(const char *s)
{
	return cli_xdupn(s, strlen(s));
}

void cli_grow(void *items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	void **p = items;
	*p = cli_xresize(*p, n * size);
	*cap = n;
}

int cli_read_stream(FILE *f, size_t max, char **out, size_t *out_len)
{
	size_t cap = 65536, len = 0, n;
	char *p = cli_xresize(NULL, cap + 1);
	while ((n = fread(p + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len > max) {
			free(p);
			return -2;
		}
		if (len == cap)
			p = cli_xresize(p, (cap *= 2) + 1);
	}
	if (ferror(f)) {
		int err = errno;
		free(p);
		errno = err;
		return -1;
	}
	p[len] = '\0';
	*out = p;
	*out_len = len;
	return 0;
}

int cli_read_file(const char *path, char **out, size_t *out_len)
{
	*out = NULL;
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	if (!S_ISREG(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return -1;
	}
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	int rc = cli_read_stream(f, SIZE_MAX, out, out_len);
	int err = errno;
	fclose(f);
	errno = err; /* the read's, not fclose's */
	return rc;
}

pregon_lang cli_early_lang(int argc, char **argv)
{
	pregon_lang lang = PREGON_LANG_ES;
	const char *env = getenv("PREGON_LANG");
	if (env && strcmp(env, "en") == 0)
		lang = PREGON_LANG_EN;
	for (int i = 1; i < argc && argv[i]; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		const char *v = NULL;
		if (strncmp(argv[i], "--lang=", 7) == 0)
			v = argv[i] + 7;
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			v = argv[i + 1];
		if (v)
			lang = strcmp(v, "en") == 0 ? PREGON_LANG_EN : PREGON_LANG_ES;
	}
	return lang;
}

/* "pregon", or "pregon comments" while a subcommand parses and runs. */
static const char *command_name = "pregon";

void cli_set_command(const char *name)
{
	command_name = name;
}

void cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: error: ", command_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, _("Pruebe «%s --help» para más información."), command_name);
	fputc('\n', stderr);
}

static int has_short_names(const cli_option *opts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (opts[i].short_name)
			return 1;
	return 0;
}

void cli_print_help(const char *usage, const char *summary,
		    const cli_option *opts, size_t n_opts)
{
	enum { WIDE = 30 };
	printf("%s\n\n%s\n\n%s\n", usage, summary, _("Opciones:"));
	int shorts = has_short_names(opts, n_opts);
	for (size_t i = 0; i < n_opts; i++) {
		char shortcut[8] = "", left[96];
		if (opts[i].short_name)
			snprintf(shortcut, sizeof shortcut, "-%c, ", opts[i].short_name);
		else if (shorts)
			snprintf(shortcut, sizeof shortcut, "    ");
		int n = snprintf(left, sizeof left, "%s--%s%s%s", shortcut, opts[i].name,
				 opts[i].arg ? " " : "", opts[i].arg ? _(opts[i].arg) : "");
		/* a long option and its value get a line of their own */
		if (n >= WIDE)
			printf("  %s\n  %-*s %s\n", left, WIDE, "", _(opts[i].help));
		else
			printf("  %-*s %s\n", WIDE, left, _(opts[i].help));
	}
}

static const cli_option *find_long(const cli_option *opts, size_t n, const char *name,
				   size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
			return &opts[i];
	return NULL;
}

/* The option sharing the longest prefix, of two letters at least, with
 * `name`: a good enough guess at what was meant. */
static const char *closest_long(const cli_option *opts, size_t n, const char *name)
{
	const char *best = NULL;
	size_t best_len = 1;
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		while (name[k] && name[k] == opts[i].name[k])
			k++;
		if (k > best_len) {
			best_len = k;
			best = opts[i].name;
		}
	}
	return best;
}

static void unknown_option(const cli_option *opts, size_t n, const char *a)
{
	const char *near = a[1] == '-' ? closest_long(opts, n, a + 2) : NULL;
	if (near)
		cli_usage_error(_("opción desconocida «%s»; ¿quiso decir «--%s»?"), a, near);
	else if (a[1] != '-' && (a[2] != '\0' || !has_short_names(opts, n)))
		cli_usage_error(_("opción desconocida «%s»; las opciones se escriben con dos guiones"), a);
	else
		cli_usage_error(_("opción desconocida «%s»"), a);
}

int cli_parse(int argc, char **argv, const cli_option *opts, size_t n_opts,
	      cli_set_fn set, void *state)
{
	int only_operands = 0, help = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_operands || a[0] != '-' || strcmp(a, "-") == 0) {
			if (set(state, -1, a))
				return -1;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_operands = 1;
			continue;
		}
		const cli_option *o = NULL;
		const char *eq = NULL;
		if (a[1] == '-') {
			eq = strchr(a + 2, '=');
			o = find_long(opts, n_opts, a + 2, eq ? (size_t)(eq - a - 2) : strlen(a + 2));
		} else if (a[2] == '\0') {
			for (size_t k = 0; k < n_opts && !o; k++)
				if (opts[k].short_name == a[1])
					o = &opts[k];
		}
		if (!o) {
			unknown_option(opts, n_opts, a);
			return -1;
		}
		const char *v = NULL;
		if (o->arg && eq)
			v = eq + 1;
		else if (o->arg && i + 1 < argc)
			v = argv[++i];
		else if (o->arg) {
			cli_usage_error(_("la opción «--%s» requiere un valor (%s)"), o->name, _(o->arg));
			return -1;
		} else if (eq) {
			cli_usage_error(_("la opción «--%s» no lleva valor"), o->name);
			return -1;
		}
		if (o->id == CLI_OPT_HELP) {
			help = 1;
		} else if (o->id == CLI_OPT_LANG) {
			/* CLI_OPTION_LANG takes a value: v is never NULL here */
			const char *lang = v ? v : "";
			if (strcmp(lang, "es") != 0 && strcmp(lang, "en") != 0) {
				cli_usage_error(_("idioma desconocido «%s»; use es o en"), lang);
				return -1;
			}
		} else if (set(state, o->id, v)) {
			return -1;
		}
	}
	return help;
}

int cli_engine_for(pregon_engine **out, cli_engines *cache,
		   const cli_engine_spec *spec, const char *path)
{
	*out = NULL;
	char *found = NULL;
	char origin[4096];
	if (spec->config) {
		snprintf(origin, sizeof origin, "%s", _("indicada con --config"));
	} else if (spec->no_config) {
		snprintf(origin, sizeof origin, "%s", _("ninguna: se pidió --no-config"));
	} else if (pregon_config_find(&found, path)) {
		fprintf(stderr, "%s: error: %s: %s\n", command_name,
			_("no se puede leer la carpeta actual"), pregon_strerror(errno));
		return -1;
	} else {
		const char *from = path && strcmp(path, "-") != 0 ? path : ".";
		snprintf(origin, sizeof origin,
			 found ? _("encontrada al subir desde «%s»")
			       : _("ninguna: no hay .pregon.yaml entre «%s» y la raíz del repositorio"),
			 from);
	}
	const char *config = spec->config ? spec->config : found;
	const char *key = config ? config : "";
	for (size_t i = 0; i < cache->n; i++)
		if (strcmp(cache->items[i].config, key) == 0) {
			*out = cache->items[i].engine;
			free(found);
			return 0;
		}
	pregon_engine_options eo = { 0 };
	eo.lang = spec->lang;
	eo.config_path = config;
	eo.config_origin = origin;
	eo.rule_paths = spec->rules;
	eo.n_rule_paths = spec->n_rules;
	pregon_diag d;
	pregon_diag_init(&d);
	int rc = pregon_engine_new(out, &eo, &d);
	if (rc)
		cli_print_diag(&d);
	pregon_diag_dispose(&d);
	if (!rc) {
		cache->items = cli_xresize(cache->items, (cache->n + 1) * sizeof *cache->items);
		cache->items[cache->n].config = cli_xstrdup(key);
		cache->items[cache->n++].engine = *out;
	}
	free(found);
	return rc ? -1 : 0;
}

void cli_engines_dispose(cli_engines *cache)
{
	for (size_t i = 0; i < cache->n; i++) {
		free(cache->items[i].config);
		pregon_engine_free(cache->items[i].engine);
	}
	free(cache->items);
}

void cli_print_diag(const pregon_diag *diag)
{
	char *s = pregon_diag_format(diag);
	fputs(s, stderr);
	free(s);
}

int cli_write_all(const char *s)
{
	size_t n = strlen(s);
	if (fwrite(s, 1, n, stdout) != n || fflush(stdout) != 0) {
		fprintf(stderr, "pregon: error: %s: %s\n", _("no se pudo escribir el informe"),
			pregon_strerror(errno));
		return -1;
	}
	return 0;
}

int cli_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int has_post_extension(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot && (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0 ||
		       strcmp(dot, ".txt") == 0);
}

static int read_one(cli_posts *posts, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: error: %s: %s\n", path, _("no se puede leer el archivo"),
			pregon_strerror(errno));
		return -1;
	}
	size_t cap = 4096, len = 0, n;
	char *data = cli_xalloc(cap);
	while ((n = fread(data + len, 1, cap - len, f)) > 0)
		if ((len += n) == cap)
			data = cli_xresize(data, cap *= 2);
	int failed = ferror(f);
	fclose(f);
	if (failed) {
		fprintf(stderr, "%s: error: %s\n", path, _("no se puede leer el archivo"));
		free(data);
		return -1;
	}
	if (posts->n == posts->cap)
		posts->items = cli_xresize(posts->items, (posts->cap = posts->cap ? 2 * posts->cap : 16) *
							     sizeof *posts->items);
	cli_post *p = &posts->items[posts->n++];
	p->path = cli_xstrdup(path);
	p->data = data;
	p->len = len;
	const char *dot = strrchr(path, '.');
	p->plain = dot && strcmp(dot, ".txt") == 0;
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Depth first in name order: a folder's files and subfolders are read
 * where they sort, so the order is the same on every machine. */
static int read_dir(cli_posts *posts, const char *dir, int depth)
{
	struct dirent **names;
	int n = scandir(dir, &names, visible, by_name);
	if (n < 0) {
		fprintf(stderr, "%s: error: %s: %s\n", dir, _("no se puede abrir la carpeta"),
			pregon_strerror(errno));
		return -1;
	}
	int rc = 0;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]->d_name) + 2;
		char *path = cli_xalloc(len);
		snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
			 names[i]->d_name);
		struct stat st, link;
		/* links to folders are not followed: no loops */
		int is_link = lstat(path, &link) == 0 && S_ISLNK(link.st_mode);
		if (rc == 0 && stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode) && !is_link && depth < 64)
				rc = read_dir(posts, path, depth + 1);
			else if (S_ISREG(st.st_mode) && has_post_extension(path))
				rc = read_one(posts, path);
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int cli_posts_read(cli_posts *posts, const char *path)
{
	return cli_is_dir(path) ? read_dir(posts, path, 0) : read_one(posts, path);
}

void cli_posts_dispose(cli_posts *posts)
{
	for (size_t i = 0; i < posts->n; i++) {
		free(posts->items[i].path);
		free(posts->items[i].data);
	}
	free(posts->items);
	memset(posts, 0, sizeof *posts);
}

int pregon_cli_log(const char *log_path, const pregon_report *report,
		   const pregon_check_options *opts)
{
	pregon_diag d;
	pregon_diag_init(&d);
	int rc = pregon_log_append(log_path, report, opts, &d);
	if (rc)
		cli_print_diag(&d);
	pregon_diag_dispose(&d);
	return rc ? -1 : 0;
}
