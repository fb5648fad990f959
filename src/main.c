/* main.c: the pregon command.  Parses arguments, walks paths, calls the
 * library, formats once, writes once and returns the exit status. */
#include <dirent.h>
#include <errno.h>
#include <libintl.h>
#include <signal.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pregon.h"
#include "cli/comments.h"
#include "cli/common.h"
#include "cli/lsp.h"
#include "cli/cli.h"
#include "cli/pool.h"
#include "serve.h"

#define _(s) dgettext("pregon", s)
#define N_(s) (s)

/* Exit statuses; the highest one wins. */

enum opt_id {
	OPT_FORMAT, OPT_COLUMN_UNIT, OPT_FAIL_ON, OPT_MAX_WARNINGS, OPT_BASELINE,
	OPT_UPDATE_BASELINE, OPT_DATE, OPT_PLATFORM, OPT_TOPIC, OPT_CONFIG, OPT_NO_CONFIG,
	OPT_STDIN_FILENAME, OPT_RULES,
	OPT_COLOR, OPT_QUIET, OPT_SUGGEST, OPT_FIX, OPT_DIFF, OPT_LIST_RULES,
	OPT_LIST_WINDOWS, OPT_EXPLAIN, OPT_JOBS, OPT_SHARD, OPT_CROSS_FILES_ONLY,
	OPT_MAX_FILE_SIZE,
	OPT_PRINT_CONFIG, OPT_TEST_RULES, OPT_VERSION, OPT_LOG
};

static const cli_option options[] = {
	{ "format", 0, N_("FORMATO"), OPT_FORMAT, N_("formato del informe: text (por omisión), json, sarif, github, rdjson, checkstyle, gitlab o line") },
	{ "column-unit", 0, N_("char|byte|utf16"), OPT_COLUMN_UNIT, N_("unidad de las columnas de line, github y checkstyle (char por omisión)") },
	{ "fail-on", 0, N_("error|warning|info"), OPT_FAIL_ON, N_("severidad mínima que hace salir con estado 1 (error por omisión)") },
	{ "max-warnings", 0, N_("N"), OPT_MAX_WARNINGS, N_("sale con estado 1 si hay más de N advertencias") },
	{ "baseline", 0, N_("ARCHIVO"), OPT_BASELINE, N_("línea base: la primera vez registra los hallazgos; después solo se informan los nuevos y el archivo solo se reduce") },
	{ "update-baseline", 0, NULL, OPT_UPDATE_BASELINE, N_("con --baseline, registra también los hallazgos nuevos") },
	{ "date", 0, N_("AAAA-MM-DD"), OPT_DATE, N_("fecha de publicación; reemplaza la «fecha» del encabezado") },
	{ "platform", 0, N_("ID"), OPT_PLATFORM, N_("plataforma (x, facebook, instagram, threads, tiktok, linkedin, youtube)") },
	{ "topic", 0, N_("ID"), OPT_TOPIC, N_("tema de la publicación (educacion, salud, proteccion-civil, ...)") },
	{ "config", 0, N_("ARCHIVO"), OPT_CONFIG, N_("archivo de configuración para todos los archivos; sin ella se busca el .pregon.yaml más cercano de cada uno") },
	{ "no-config", 0, NULL, OPT_NO_CONFIG, N_("no busca ni lee ningún .pregon.yaml") },
	{ "stdin-filename", 0, N_("RUTA"), OPT_STDIN_FILENAME, N_("ruta de la entrada estándar en el informe y para buscar la configuración") },
	{ "rules", 0, N_("RUTA"), OPT_RULES, N_("conjunto de reglas (archivo o carpeta) en lugar de los predeterminados; repetible") },
	CLI_OPTION_LANG,
	{ "color", 0, N_("auto|always|never"), OPT_COLOR, N_("colores en el informe de texto (auto: solo en una terminal)") },
	{ "quiet", 0, NULL, OPT_QUIET, N_("solo los hallazgos, sin resúmenes") },
	{ "suggest", 0, NULL, OPT_SUGGEST, N_("calcula las sugerencias de Hunspell para las palabras desconocidas (lento); en una terminal, siempre") },
	{ "fix", 0, NULL, OPT_FIX, N_("aplica a los archivos las correcciones seguras (escritura atómica) e informa lo que queda") },
	{ "diff", 0, NULL, OPT_DIFF, N_("muestra las correcciones seguras como diff unificado, sin escribir nada") },
	{ "jobs", 0, N_("N"), OPT_JOBS, N_("revisa N archivos a la vez (por omisión, uno por procesador); el informe es el mismo y en el mismo orden") },
	{ "shard", 0, N_("I/N"), OPT_SHARD, N_("revisa solo la parte I de N de los archivos (por un hash estable de la ruta), sin las comprobaciones entre archivos; para repartir un repositorio entre N máquinas") },
	{ "cross-files-only", 0, NULL, OPT_CROSS_FILES_ONLY, N_("solo las comprobaciones entre archivos (textos repetidos), que --shard deja fuera") },
	{ "max-file-size", 0, N_("TAMAÑO"), OPT_MAX_FILE_SIZE, N_("rechaza con un error los archivos mayores (bytes, o con K, M o G; 64M por omisión)") },
	{ "list-rules", 0, NULL, OPT_LIST_RULES, N_("lista las reglas cargadas") },
	{ "list-windows", 0, NULL, OPT_LIST_WINDOWS, N_("lista las ventanas de veda electoral e informes conocidas, con sus fuentes") },
	{ "explain", 0, N_("REGLA"), OPT_EXPLAIN, N_("explica una regla y muestra sus ejemplos") },
	{ "print-config", 0, NULL, OPT_PRINT_CONFIG, N_("muestra la configuración efectiva de RUTA (o de la carpeta actual) y de dónde viene cada valor") },
	{ "test-rules", 0, N_("ARCHIVO"), OPT_TEST_RULES, N_("prueba los ejemplos de un conjunto de reglas") },
	{ "version", 0, NULL, OPT_VERSION, N_("muestra la versión") },
	CLI_OPTION_HELP,
	{ "log", 0, N_("ARCHIVO"), OPT_LOG, N_("añade a la bitácora ARCHIVO una línea JSON por publicación revisada (sin datos personales)") },
};

#define N_OPTIONS (sizeof options / sizeof *options)

enum action { ACT_CHECK, ACT_LIST, ACT_LIST_WINDOWS, ACT_EXPLAIN, ACT_PRINT_CONFIG, ACT_TEST,
	      ACT_VERSION, ACT_HELP };


typedef struct {
	enum action action;
	const char *format_name;  /* --format */
	pregon_format_fn format;
	pregon_column_unit column_unit;
	pregon_severity fail_on;
	long max_warnings; /* -1: no limit */
	const char *baseline;
	int update_baseline;
	const char *date, *platform, *topic, *config, *explain, *test_rules;
	const char *stdin_filename;
	int no_config;
	const char **rules;
	size_t n_rules;
	pregon_lang lang;
	int color; /* -1 auto */
	int quiet;
	int suggest;
	int fix, diff;
	const char *log; /* --log: the activity log */
	int jobs;           /* 0: one per processor */
	unsigned shard, shards; /* --shard I/N: 1..N of N; N 0 when not split */
	int cross_files_only;
	size_t max_file_size;
	const char **paths;
	size_t n_paths;
} cli;

/* The index of `s` in the NULL-terminated `list`, or -1. */
static int keyword_index(const char *const *list, const char *s)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

static int in_list(const char *const *list, const char *s)
{
	return keyword_index(list, s) >= 0;
}

static void print_help(void)
{
	cli_print_help(_("Uso: pregon [OPCIONES] [RUTA...]"),
		       _("Revisa borradores de publicaciones institucionales contra la Norma Técnica No. 10 «Uso de Redes Sociales» del Ayuntamiento de Tecate. RUTA es un archivo, una carpeta (se recorren .md, .markdown y .txt) o - para la entrada estándar, que es la opción por omisión."),
		       options, N_OPTIONS);
	static const struct {
		const char *name, *help;
	} subcommands[] = {
		{ "lsp", N_("servidor de lenguaje para los editores, por la entrada y la salida estándar") },
		{ "comments", N_("marca los comentarios ofensivos que llevan a bloquear (criterio XII) y lista los que piden respuesta") },
		{ "accounts", N_("revisa el registro de cuentas institucionales y cada publicación contra él") },
		{ "report", N_("informe de evaluación semestral en HTML o JSON") },
		{ "serve", N_("página web para revisar un borrador sin terminal") },
	};
	printf("\n%s\n", _("Subórdenes (cada una con --help):"));
	for (size_t i = 0; i < sizeof subcommands / sizeof *subcommands; i++)
		printf("  pregon %-19s %s\n", subcommands[i].name, _(subcommands[i].help));
	printf("\n%s\n", _("Estado de salida: 0 sin errores; 1 al menos un hallazgo de severidad error; 2 error de uso, de configuración o de entrada."));
}

/* One option or operand (id -1) of the check (cli_parse's callback). */
static int set_option(void *state, int id, const char *v)
{
	cli *c = state;
	switch (id) {
	case -1:
		c->paths[c->n_paths++] = v;
		break;
	case OPT_FORMAT: {
		c->format = pregon_format_find(v);
		if (!c->format) {
			cli_usage_error(_("formato desconocido «%s»; use text, json, sarif, github, rdjson, checkstyle, gitlab o line"), v);
			return -1;
		}
		c->format_name = v;
		break;
	}
	case OPT_COLUMN_UNIT: {
		/* in the order of pregon_column_unit */
		static const char *const units[] = { "char", "byte", "utf16", NULL };
		int k = keyword_index(units, v);
		if (k < 0) {
			cli_usage_error(_("unidad de columna desconocida «%s»; use char, byte o utf16"), v);
			return -1;
		}
		c->column_unit = (pregon_column_unit)k;
		break;
	}
	case OPT_FAIL_ON: {
		/* in the order of pregon_severity */
		static const char *const levels[] = { "info", "warning", "error", NULL };
		int k = keyword_index(levels, v);
		if (k < 0) {
			cli_usage_error(_("severidad desconocida «%s» para --fail-on; use error, warning o info"), v);
			return -1;
		}
		c->fail_on = (pregon_severity)k;
		break;
	}
	case OPT_MAX_WARNINGS: {
		char *end;
		errno = 0;
		long n = strtol(v, &end, 10);
		if (!*v || *end || n < 0 || errno) {
			cli_usage_error(_("número no válido «%s» para --max-warnings; use un entero desde 0"), v);
			return -1;
		}
		c->max_warnings = n;
		break;
	}
	case OPT_BASELINE:
		c->baseline = v;
		break;
	case OPT_UPDATE_BASELINE:
		c->update_baseline = 1;
		break;
	case OPT_DATE:
		if (!pregon_date_valid(v)) {
			cli_usage_error(_("fecha no válida «%s»; use AAAA-MM-DD"), v);
			return -1;
		}
		c->date = v;
		break;
	case OPT_PLATFORM:
		if (!in_list(pregon_platforms(), v)) {
			cli_usage_error(_("plataforma desconocida «%s»; use x, facebook, instagram, threads, tiktok, linkedin o youtube"), v);
			return -1;
		}
		c->platform = v;
		break;
	case OPT_TOPIC:
		if (!in_list(pregon_topics(), v)) {
			cli_usage_error(_("tema desconocido «%s»; vea los temas en el README"), v);
			return -1;
		}
		c->topic = v;
		break;
	case OPT_CONFIG:
		c->config = v;
		break;
	case OPT_NO_CONFIG:
		c->no_config = 1;
		break;
	case OPT_STDIN_FILENAME:
		c->stdin_filename = v;
		break;
	case OPT_RULES:
		c->rules = cli_xresize(c->rules, (c->n_rules + 1) * sizeof *c->rules);
		c->rules[c->n_rules++] = v;
		break;
	case OPT_COLOR:
		if (strcmp(v, "auto") == 0)
			c->color = -1;
		else if (strcmp(v, "always") == 0)
			c->color = 1;
		else if (strcmp(v, "never") == 0)
			c->color = 0;
		else {
			cli_usage_error(_("valor desconocido «%s» para --color; use auto, always o never"), v);
			return -1;
		}
		break;
	case OPT_QUIET:
		c->quiet = 1;
		break;
	case OPT_SUGGEST:
		c->suggest = 1;
		break;
	case OPT_FIX:
		c->fix = 1;
		break;
	case OPT_DIFF:
		c->diff = 1;
		break;
	case OPT_JOBS: {
		char *end;
		long n = strtol(v, &end, 10);
		if (*v < '0' || *v > '9' || *end || n < 1 || n > 256) {
			cli_usage_error(_("--jobs necesita un número de 1 a 256, no «%s»"), v);
			return -1;
		}
		c->jobs = (int)n;
		break;
	}
	case OPT_SHARD: {
		unsigned i, n;
		char tail;
		if (sscanf(v, "%u/%u%c", &i, &n, &tail) != 2 || n < 1 || n > 10000 ||
		    i < 1 || i > n || *v < '0' || *v > '9') {
			cli_usage_error(_("--shard necesita I/N con 1 ≤ I ≤ N (por ejemplo 2/4), no «%s»"), v);
			return -1;
		}
		c->shard = i;
		c->shards = n;
		break;
	}
	case OPT_CROSS_FILES_ONLY:
		c->cross_files_only = 1;
		break;
	case OPT_MAX_FILE_SIZE: {
		char *end;
		unsigned long long n = strtoull(v, &end, 10);
		int shift = 0;
		if (*end == 'K' || *end == 'k')
			shift = 10;
		else if (*end == 'M' || *end == 'm')
			shift = 20;
		else if (*end == 'G' || *end == 'g')
			shift = 30;
		if (*v < '0' || *v > '9' || (shift && end[1]) || (!shift && *end) ||
		    n == 0 || n > (1ull << 40) >> shift) {
			cli_usage_error(_("--max-file-size necesita un tamaño como 500000, 512K o 10M, no «%s»"), v);
			return -1;
		}
		c->max_file_size = (size_t)(n << shift);
		break;
	}
	case OPT_LIST_RULES:
		c->action = ACT_LIST;
		break;
	case OPT_LIST_WINDOWS:
		c->action = ACT_LIST_WINDOWS;
		break;
	case OPT_EXPLAIN:
		c->action = ACT_EXPLAIN;
		c->explain = v;
		break;
	case OPT_PRINT_CONFIG:
		c->action = ACT_PRINT_CONFIG;
		break;
	case OPT_TEST_RULES:
		c->action = ACT_TEST;
		c->test_rules = v;
		break;
	case OPT_VERSION:
		c->action = ACT_VERSION;
		break;
	case OPT_LOG:
		c->log = v;
		break;
	}
	return 0;
}

static int parse_args(cli *c, int argc, char **argv)
{
	memset(c, 0, sizeof *c);
	c->color = -1;
	c->fail_on = PREGON_SEV_ERROR;
	c->max_warnings = -1;
	c->max_file_size = (size_t)64 << 20;
	c->format_name = "text";
	c->format = pregon_format_text;
	c->lang = cli_early_lang(argc, argv);
	c->paths = cli_xalloc((size_t)argc * sizeof *c->paths);
	int rc = cli_parse(argc, argv, options, N_OPTIONS, set_option, c);
	if (rc < 0)
		return -1;
	if (rc)
		c->action = ACT_HELP;
	if (c->update_baseline && !c->baseline) {
		cli_usage_error(_("--update-baseline necesita --baseline ARCHIVO"));
		return -1;
	}
	if (c->shards && c->cross_files_only) {
		cli_usage_error(_("--shard y --cross-files-only no van juntas: las comprobaciones entre archivos ven todos los archivos, en una sola máquina"));
		return -1;
	}
	if ((c->shards || c->cross_files_only) && (c->fix || c->diff || c->baseline)) {
		cli_usage_error(_("--shard y --cross-files-only no admiten --fix, --diff ni --baseline"));
		return -1;
	}
	return 0;
}

/* ---- input ------------------------------------------------------------- */

typedef struct {
	char *path;   /* as reported */
	char *data;
	size_t len;
	int plain;    /* .txt */
	int from_stdin;
	char *error;  /* could not be read */
	char *refusal; /* pregon refused the text: its whole diagnostic */
	char *fixed;  /* the text after --fix or --diff, or NULL */
	size_t fixed_len;
} input;

typedef struct {
	input *items;
	size_t n, cap;
} input_list;

static input *push_input(input_list *l, const char *path)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->items = cli_xresize(l->items, l->cap * sizeof *l->items);
	}
	input *in = &l->items[l->n++];
	memset(in, 0, sizeof *in);
	in->path = cli_xstrdup(path);
	size_t n = strlen(path);
	in->plain = n > 4 && strcmp(path + n - 4, ".txt") == 0;
	return in;
}

static char *errno_message(const char *what)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s: %s", what, pregon_strerror(errno));
	return cli_xstrdup(buf);
}

static char *too_big(size_t max)
{
	char buf[256];
	snprintf(buf, sizeof buf,
		 _("el archivo pasa del tamaño máximo de %zu bytes; revíselo por partes o suba el límite con --max-file-size"),
		 max);
	return cli_xstrdup(buf);
}

/* Testing hook: PREGON_TEST_VANISH names a file that is removed right
 * before it is read, as if it disappeared during the walk. */
static void vanish_for_test(const char *path)
{
	const char *gone = getenv("PREGON_TEST_VANISH");
	if (gone && *gone && strcmp(gone, path) == 0)
		unlink(path);
}

static void read_input(input *in, size_t max)
{
	/* a FIFO or a device would block or never end: only regular files */
	struct stat st;
	if (!in->from_stdin) {
		vanish_for_test(in->path);
		if (stat(in->path, &st) == 0 && !S_ISREG(st.st_mode)) {
			in->error = cli_xstrdup(_("no es un archivo regular (es una tubería, un dispositivo o un socket); dé la ruta de un archivo, o - para la entrada estándar"));
			return;
		}
	}
	FILE *f = in->from_stdin ? stdin : fopen(in->path, "rb");
	if (!f) {
		in->error = errno_message(_("no se puede leer el archivo"));
		return;
	}
	int rc = cli_read_stream(f, max, &in->data, &in->len);
	if (rc == -1)
		in->error = errno_message(_("no se puede leer el archivo"));
	else if (rc == -2)
		in->error = too_big(max);
	if (!in->from_stdin)
		fclose(f);
}

static int wanted_file(const char *name)
{
	size_t n = strlen(name);
	static const char *const ext[] = { ".md", ".markdown", ".txt" };
	for (size_t i = 0; i < 3; i++) {
		size_t k = strlen(ext[i]);
		if (n > k && strcmp(name + n - k, ext[i]) == 0)
			return 1;
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk a directory in sorted order with an explicit stack of pending
 * folders, skipping hidden ones and links to folders. */
static void walk_dir(input_list *l, const char *root)
{
	size_t cap = 16, top = 0;
	char **stack = cli_xalloc(cap * sizeof *stack);
	stack[top++] = cli_xstrdup(root);
	while (top) {
		char *dir = stack[--top];
		DIR *d = opendir(dir);
		if (!d) {
			input *in = push_input(l, dir);
			in->error = errno_message(_("no se puede abrir la carpeta"));
			free(dir);
			continue;
		}
		char **names = NULL;
		size_t n = 0, ncap = 0;
		struct dirent *e;
		while ((e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue;
			if (n == ncap) {
				ncap = ncap ? 2 * ncap : 32;
				names = cli_xresize(names, ncap * sizeof *names);
			}
			size_t len = strlen(dir) + strlen(e->d_name) + 2;
			names[n] = cli_xalloc(len);
			snprintf(names[n], len, "%s%s%s", dir,
				 dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
			n++;
		}
		closedir(d);
		if (n)
			qsort(names, n, sizeof *names, by_name);
		/* files now, in order; folders pushed in reverse so they pop
		 * in order after this one's files */
		size_t first_dir = top;
		for (size_t i = 0; i < n; i++) {
			struct stat st, link;
			/* links to folders are not followed: no loops */
			if (lstat(names[i], &link) == 0 && S_ISLNK(link.st_mode) &&
			    stat(names[i], &st) == 0 && S_ISDIR(st.st_mode)) {
				free(names[i]);
				continue;
			}
			if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode)) {
				if (top == cap)
					stack = cli_xresize(stack, (cap *= 2) * sizeof *stack);
				stack[top++] = names[i];
				continue;
			}
			const char *base = strrchr(names[i], '/');
			if (wanted_file(base ? base + 1 : names[i]))
				push_input(l, names[i]);
			free(names[i]);
		}
		for (size_t a = first_dir, b = top; b > a + 1; a++, b--) {
			char *t = stack[a];
			stack[a] = stack[b - 1];
			stack[b - 1] = t;
		}
		free(names);
		free(dir);
	}
	free(stack);
}

/* Standard input is read at once (there is one); files when checked. */
static void collect_inputs(input_list *l, const cli *c)
{
	const char *stdin_name = c->stdin_filename ? c->stdin_filename : "-";
	if (c->n_paths == 0) {
		input *in = push_input(l, stdin_name);
		in->from_stdin = 1;
		read_input(in, c->max_file_size);
		return;
	}
	for (size_t i = 0; i < c->n_paths; i++) {
		const char *p = c->paths[i];
		struct stat st;
		if (strcmp(p, "-") == 0) {
			input *in = push_input(l, stdin_name);
			in->from_stdin = 1;
			read_input(in, c->max_file_size);
		} else if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			walk_dir(l, p);
		} else {
			push_input(l, p);
		}
	}
}

/* --shard I/N: the stable place of a path among N parts, from the FNV-1a
 * hash of the path as written (less a leading "./"), the same on every
 * machine that checks out the repository at the same relative path. */
static unsigned shard_of(const char *path, unsigned n)
{
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	uint64_t h = 0xcbf29ce484222325u;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		h = (h ^ *p) * 0x100000001b3u;
	return (unsigned)(h % n) + 1;
}

static void keep_shard(input_list *l, const cli *c)
{
	if (!c->shards)
		return;
	size_t kept = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (shard_of(l->items[i].path, c->shards) == c->shard) {
			l->items[kept++] = l->items[i];
			continue;
		}
		free(l->items[i].path);
		free(l->items[i].data);
		free(l->items[i].error);
	}
	l->n = kept;
}

/* ---- output ------------------------------------------------------------ */

static int use_color(const cli *c)
{
	if (c->format != pregon_format_text || c->color == 0)
		return 0;
	if (c->color == 1)
		return 1;
	const char *no = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	return isatty(STDOUT_FILENO) && !(no && *no) &&
	       !(term && strcmp(term, "dumb") == 0);
}

static int list_rules(const pregon_engine *e)
{
	size_t n = pregon_engine_rule_count(e);
	size_t cap = 256 + n * 160, len = 0;
	char *out = cli_xalloc(cap);
	len += (size_t)snprintf(out, cap, "%-40s %-13s %-11s %-7s %-16s %s\n",
				_("regla"), _("categoría"), _("severidad"), _("peso"),
				_("criterio"), _("activa"));
	for (size_t i = 0; i < n; i++) {
		const pregon_rule_info *r = pregon_engine_rule(e, i);
		if (cap - len < 512)
			out = cli_xresize(out, cap *= 2);
		len += (size_t)snprintf(out + len, cap - len,
					"%-40s %-13s %-11s %-7d %-16s %s\n", r->id,
					r->category, pregon_severity_name(r->severity),
					r->weight, r->criterio,
					r->enabled ? _("sí") : _("no"));
	}
	int rc = cli_write_all(out);
	free(out);
	return rc ? EXIT_TROUBLE : EXIT_CLEAN;
}

/* Append to a growing report (*out of *cap bytes, *len used). */
static void appendf(char **out, size_t *cap, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void appendf(char **out, size_t *cap, size_t *len, const char *fmt, ...)
{
	for (;;) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(*out + *len, *cap - *len, fmt, ap);
		va_end(ap);
		if (n >= 0 && (size_t)n < *cap - *len) {
			*len += (size_t)n;
			return;
		}
		*out = cli_xresize(*out, *cap = 2 * *cap + (n > 0 ? (size_t)n : 0));
	}
}

static void append_list(char **out, size_t *cap, size_t *len, const char *label,
			const char *const *items, size_t n)
{
	appendf(out, cap, len, "  %s:", label);
	for (size_t i = 0; i < n; i++)
		appendf(out, cap, len, "%s %s", i ? "," : "", items[i]);
	appendf(out, cap, len, "%s\n", n ? "" : _(" ninguna"));
}

static int list_windows(const pregon_engine *e)
{
	size_t n = pregon_engine_window_count(e), cap = 4096, len = 0;
	char *out = cli_xalloc(cap);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const pregon_window *w = pregon_engine_window(e, i);
		const char *state = !w->start ? _("fechas desconocidas: no marca")
				    : strcmp(w->kind, "informe") == 0 ? _("plazo del informe anual")
				    : w->confirmed ? _("confirmada: bloquea")
						   : _("sin confirmar: advierte");
		appendf(&out, &cap, &len, "%s  ", w->id);
		appendf(&out, &cap, &len, _("del %s al %s"), w->start ? w->start : "?",
			w->end ? w->end : "?");
		appendf(&out, &cap, &len, "  (%s)\n  %s\n", state, w->name);
		if (strcmp(w->kind, "informe") != 0)
			append_list(&out, &cap, &len, _("excepciones"), w->exceptions,
				    w->n_exceptions);
		append_list(&out, &cap, &len, _("fuentes"), w->sources, w->n_sources);
		appendf(&out, &cap, &len, "  %s: %s\n", _("origen"), w->origin ? w->origin : "-");
	}
	if (!n)
		appendf(&out, &cap, &len, "%s\n", _("no hay ventanas: ninguna regla electoral está cargada"));
	int rc = cli_write_all(out);
	free(out);
	return rc ? EXIT_TROUBLE : EXIT_CLEAN;
}

static int explain_rule(const pregon_engine *e, const char *id)
{
	const pregon_rule_info *r = pregon_engine_find_rule(e, id);
	if (!r) {
		cli_usage_error(_("no existe la regla «%s»; vea pregon --list-rules"), id);
		return EXIT_TROUBLE;
	}
	size_t cap = 8192, len = 0;
	char *out = cli_xalloc(cap);
	const char *desc = pregon_engine_rule_description(e, id);
	len += (size_t)snprintf(out, cap,
				"%s\n  %s: %s\n  %s: %s\n  %s: %s\n  %s: %d\n  %s: %s\n  %s: %s\n  %s: %s:%d\n",
				r->id, _("tipo"), r->kind, _("categoría"), r->category,
				_("severidad"), pregon_severity_name(r->severity),
				_("peso"), r->weight, _("criterio"), r->criterio,
				_("mensaje"), r->message, _("definida en"), r->source,
				r->line);
	if (desc)
		len += (size_t)snprintf(out + len, cap - len, "\n%s\n", desc);
	for (int flag = 1; flag >= 0; flag--) {
		size_t k = pregon_rule_example_count(e, id, flag);
		if (!k)
			continue;
		len += (size_t)snprintf(out + len, cap - len, "\n%s\n",
					flag ? _("Marca, por ejemplo:") : _("No marca, por ejemplo:"));
		for (size_t i = 0; i < k; i++) {
			const char *ex = pregon_rule_example(e, id, flag, i);
			if (cap - len < strlen(ex) + 64)
				out = cli_xresize(out, cap = 2 * cap + strlen(ex));
			len += (size_t)snprintf(out + len, cap - len, "  - %s\n", ex);
		}
	}
	int rc = cli_write_all(out);
	free(out);
	return rc ? EXIT_TROUBLE : EXIT_CLEAN;
}

static int test_rules(const pregon_engine *e, const char *path)
{
	char *log = NULL;
	size_t total = 0;
	int failed = pregon_engine_test_examples(e, &log, &total);
	fputs(log, stderr);
	free(log);
	char line[256];
	int k = snprintf(line, sizeof line - 1,
			 dngettext("pregon", "%s: %zu ejemplo, %d fallidos",
				   "%s: %zu ejemplos, %d fallidos", total),
			 path, total, failed);
	size_t end = k < 0 ? 0 : (size_t)k < sizeof line - 1 ? (size_t)k : sizeof line - 2;
	line[end] = '\n';
	line[end + 1] = '\0';
	int rc = cli_write_all(line);
	return rc ? EXIT_TROUBLE : failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* ---- configurations ------------------------------------------------- */

/* The engine for a file at `path`; --test-rules gets no configuration,
 * since its examples must not depend on where they run. */
static int engine_for(pregon_engine **out, cli_engines *cache, const cli *c,
		      const char *path)
{
	int test = c->action == ACT_TEST;
	cli_engine_spec spec = { c->config, c->no_config || test,
				 test ? &c->test_rules : c->rules, test ? 1 : c->n_rules,
				 c->lang };
	return cli_engine_for(out, cache, &spec, path);
}

/* A growing NUL-terminated text. */
typedef struct {
	char *ptr;
	size_t len;
} text_out;

/* One check; a document pregon refuses becomes a report with its error,
 * and its diagnostic waits in in->refusal for its turn on standard error. */
static pregon_report *check_text(const pregon_engine *e, input *in,
				 const char *text, size_t len,
				 const pregon_check_options *o)
{
	pregon_report *r = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_check(&r, e, in->path, text, len, o, &d)) {
		char *msg = pregon_diag_format(&d);
		free(in->refusal);
		in->refusal = cli_xstrdup(msg);
		msg[strcspn(msg, "\n")] = '\0';
		r = pregon_report_new_error(in->path, msg);
		free(msg);
	}
	pregon_diag_dispose(&d);
	return r;
}

/* Apply the safe fixes until none is left (a fix may uncover another),
 * at most a few passes; in->fixed is the result when anything changed.
 * The passes stay out of the batch: a text must not repeat itself. */
static void fix_input(const pregon_engine *e, input *in,
		      const pregon_check_options *o)
{
	pregon_check_options po = *o;
	po.batch = NULL;
	po.suggest = 1; /* the spelling rule's candidates */
	const char *text = in->data;
	size_t len = in->len;
	for (int pass = 0; pass < 10; pass++) {
		pregon_report *r = NULL;
		pregon_diag d;
		pregon_diag_init(&d);
		int rc = pregon_check(&r, e, in->path, text, len, &po, &d);
		pregon_diag_dispose(&d);
		if (rc)
			return; /* the final check reports it */
		char *next;
		size_t next_len;
		size_t n = pregon_fix_apply(&next, &next_len, r);
		pregon_report_free(r);
		if (n == 0) {
			free(next);
			return;
		}
		free(in->fixed);
		in->fixed = next;
		in->fixed_len = next_len;
		text = next;
		len = next_len;
	}
}

/* --diff: append the file's diff; --fix: replace the file (standard input
 * has no file to write).  1 when the text changed. */
static int put_fix(input *in, const cli *c, text_out *diffs)
{
	if (in->fixed_len == in->len && memcmp(in->fixed, in->data, in->len) == 0)
		return 0;
	if (c->diff) {
		char *d = pregon_format_diff(in->path, in->data, in->len, in->fixed,
					     in->fixed_len);
		size_t n = strlen(d);
		diffs->ptr = cli_xresize(diffs->ptr, diffs->len + n + 1);
		memcpy(diffs->ptr + diffs->len, d, n + 1);
		diffs->len += n;
		free(d);
	} else if (!in->from_stdin) {
		pregon_diag d;
		pregon_diag_init(&d);
		if (pregon_file_replace(in->path, in->fixed, in->fixed_len, &d)) {
			cli_print_diag(&d);
			free(in->error);
			in->error = cli_xstrdup(d.message);
		}
		pregon_diag_dispose(&d);
	}
	return 1;
}

/* What decides exit status 1: a finding at --fail-on or above, or more
 * warnings than --max-warnings. */
typedef struct {
	long warnings;
	int failed;
} tally;

static void tally_report(tally *t, const pregon_report *r, const cli *c)
{
	for (size_t k = 0; k < r->n_findings; k++) {
		pregon_severity s = r->findings[k].severity;
		t->failed |= s >= c->fail_on;
		t->warnings += s == PREGON_SEV_WARNING;
	}
}

static int tally_status(const tally *t, const cli *c)
{
	int over = c->max_warnings >= 0 && t->warnings > c->max_warnings;
	return t->failed || over ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int findings_status(const pregon_report *const *rs, size_t n, const cli *c)
{
	tally t = { 0, 0 };
	for (size_t i = 0; i < n; i++)
		tally_report(&t, rs[i], c);
	return tally_status(&t, c);
}

/* In GitHub Actions, the findings that do not fit as annotations go to
 * the job summary, a Markdown file named by GITHUB_STEP_SUMMARY. */
static int write_step_summary(const pregon_report *const *rs, size_t n,
			      const pregon_format_options *fo)
{
	const char *path = getenv("GITHUB_STEP_SUMMARY");
	if (!path || !*path || !pregon_github_over_limit(rs, n))
		return 0;
	char *md = pregon_format_github_summary(rs, n, fo);
	FILE *f = fopen(path, "ab");
	size_t len = strlen(md);
	int rc = !f || fwrite(md, 1, len, f) != len;
	if (f && fclose(f) != 0)
		rc = 1;
	if (rc)
		fprintf(stderr, "pregon: error: %s: %s: %s\n", path,
			_("no se pudo escribir el resumen del paso"), pregon_strerror(errno));
	free(md);
	return rc ? -1 : 0;
}

/* kept[i]: reports[i] with only the findings the baseline does not hold
 * (the strings stay the report's; the caller frees each findings array).
 * Then the baseline file is updated.  Returns -1 when it cannot be. */
static int apply_baseline(pregon_baseline *b, const cli *c,
			  pregon_report *const *reports, pregon_report *kept, size_t n)
{
	/* a first run, or --update-baseline, accepts every finding it sees */
	int created = pregon_baseline_is_new_file(b);
	int record_all = created || c->update_baseline;
	for (size_t i = 0; i < n; i++) {
		const pregon_report *r = reports[i];
		kept[i] = *r;
		pregon_finding *fs = cli_xalloc(r->n_findings * sizeof *fs);
		kept[i].findings = fs;
		kept[i].n_findings = 0;
		if (r->error) /* unread: its entries stay as they are */
			continue;
		unsigned char *is_new = cli_xalloc(r->n_findings);
		pregon_baseline_match(b, r, is_new);
		for (size_t k = 0; k < r->n_findings && !record_all; k++)
			if (is_new[k])
				fs[kept[i].n_findings++] = r->findings[k];
		free(is_new);
	}
	size_t entries = 0;
	pregon_diag d;
	pregon_diag_init(&d);
	int rc = pregon_baseline_save(b, c->update_baseline, &entries, &d);
	if (rc)
		cli_print_diag(&d);
	else if (record_all)
		fprintf(stderr, dngettext("pregon", "pregon: línea base %s: %zu hallazgo registrado\n",
					  "pregon: línea base %s: %zu hallazgos registrados\n", entries),
			c->baseline, entries);
	pregon_diag_dispose(&d);
	return rc ? -1 : 0;
}

/* One run over the inputs: checked on worker threads, delivered in order.
 * With a format that streams (text, json, line) and nothing that needs
 * every report at the end (a baseline, --diff), each report is written and
 * released as soon as it is delivered, so memory does not grow with the
 * number of files. */
typedef struct {
	const cli *c;
	input_list *l;
	const pregon_engine **engines;
	pregon_batch *batch;
	const char *today;
	int suggest;
	pregon_report **reports;
	pregon_formatter *stream; /* NULL: reports kept for one format call */
	tally tally;
	text_out diffs;
	int changed;
	int status;
} run;

static void release_input(input *in)
{
	free(in->data);
	free(in->fixed);
	free(in->refusal);
	in->data = in->fixed = in->refusal = NULL;
}

static void check_job(void *ctx, size_t i)
{
	run *rn = ctx;
	const cli *c = rn->c;
	input *in = &rn->l->items[i];
	if (!in->from_stdin)
		read_input(in, c->max_file_size);
	if (in->error) {
		pregon_batch_settle(rn->batch, i);
		rn->reports[i] = pregon_report_new_error(in->path, in->error);
		return;
	}
	pregon_check_options o = { c->date, rn->today, c->platform, c->topic, in->plain,
				   NULL, rn->suggest, rn->batch, i, c->cross_files_only };
	const pregon_engine *e = rn->engines[i];
	if (c->fix || c->diff)
		fix_input(e, in, &o);
	rn->reports[i] = check_text(e, in, in->fixed ? in->fixed : in->data,
				    in->fixed ? in->fixed_len : in->len, &o);
}

static int deliver_job(void *ctx, size_t i)
{
	run *rn = ctx;
	const cli *c = rn->c;
	input *in = &rn->l->items[i];
	pregon_report *r = rn->reports[i];
	if (in->error)
		fprintf(stderr, "%s: error: %s\n", in->path, in->error);
	if (in->refusal)
		fputs(in->refusal, stderr);
	if (in->fixed && !r->error)
		rn->changed |= put_fix(in, c, &rn->diffs);
	pregon_check_options logged = { .date = c->date, .today = rn->today, .platform = c->platform,
					.plain_text = in->plain };
	if (c->log && !c->cross_files_only && pregon_cli_log(c->log, r, &logged))
		rn->status = EXIT_TROUBLE;
	if (r->error || (in->error && (c->fix || c->diff)))
		rn->status = EXIT_TROUBLE;
	if (!rn->stream)
		return 0;
	tally_report(&rn->tally, r, c);
	char *out = pregon_formatter_add(rn->stream, r);
	int failed = cli_write_all(out);
	free(out);
	pregon_report_free(r);
	rn->reports[i] = NULL;
	release_input(in);
	if (failed)
		rn->status = EXIT_TROUBLE;
	return failed;
}

/* The reports kept until the end: baseline, --diff, formats that need all. */
static void finish_kept(run *rn, pregon_baseline *baseline, size_t n)
{
	const cli *c = rn->c;
	pregon_report **reports = rn->reports;
	if (c->diff) {
		/* the diff is the output; 1 says that something would change */
		if (cli_write_all(rn->diffs.ptr))
			rn->status = EXIT_TROUBLE;
		else if (rn->status != EXIT_TROUBLE)
			rn->status = rn->changed ? EXIT_FINDINGS : EXIT_CLEAN;
		return;
	}
	/* with a baseline, the formats see only the new findings */
	const pregon_report **view = cli_xalloc((n ? n : 1) * sizeof *view);
	pregon_report *kept = NULL;
	int baseline_failed = 0;
	for (size_t i = 0; i < n; i++)
		view[i] = reports[i];
	if (baseline) {
		kept = cli_xalloc((n ? n : 1) * sizeof *kept);
		baseline_failed = apply_baseline(baseline, c, reports, kept, n);
		for (size_t i = 0; i < n; i++)
			view[i] = &kept[i];
	}
	const pregon_report *const *rs = view;
	if (rn->status == EXIT_CLEAN)
		rn->status = findings_status(rs, n, c);
	/* SARIF describes the rules of the first file's engine */
	pregon_format_options fo = { c->lang, use_color(c), c->quiet, c->column_unit,
				     n ? rn->engines[0] : NULL };
	if (baseline_failed) {
		rn->status = EXIT_TROUBLE; /* no report rather than a misleading one */
	} else {
		char *out = c->format(rs, n, &fo);
		if (cli_write_all(out))
			rn->status = EXIT_TROUBLE;
		free(out);
		if (c->format == pregon_format_github &&
		    write_step_summary(rs, n, &fo))
			rn->status = EXIT_TROUBLE;
	}
	for (size_t i = 0; kept && i < n; i++)
		free((pregon_finding *)kept[i].findings);
	free(kept);
	free(view);
}

/* 1 when two file paths name the same folder (standard input is none). */
static int same_folder(const char *a, const char *b)
{
	const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
	if (!sa || !sb)
		return 0;
	return sa - a == sb - b && memcmp(a, b, (size_t)(sa - a)) == 0;
}

static int check_inputs(cli_engines *cache, const cli *c)
{
	pregon_baseline *baseline = NULL;
	if (c->baseline) {
		pregon_diag d;
		pregon_diag_init(&d);
		int rc = pregon_baseline_load(&baseline, c->baseline, &d);
		if (rc)
			cli_print_diag(&d);
		pregon_diag_dispose(&d);
		if (rc)
			return EXIT_TROUBLE;
	}
	input_list l = { 0 };
	collect_inputs(&l, c);
	keep_shard(&l, c);
	char today[11];
	pregon_today_or_env(today);
	size_t n = l.n;
	/* every configuration is read before any file is checked: a bad one
	 * stops the run before any output */
	const pregon_engine **engines = cli_xalloc((n ? n : 1) * sizeof *engines);
	int config_ok = 1;
	for (size_t i = 0; i < n && config_ok; i++) {
		/* files of one folder share its configuration: the search up
		 * the tree is done once per folder */
		if (i > 0 && same_folder(l.items[i - 1].path, l.items[i].path)) {
			engines[i] = engines[i - 1];
			continue;
		}
		pregon_engine *e = NULL;
		config_ok = engine_for(&e, cache, c, l.items[i].path) == 0;
		engines[i] = e;
	}
	run rn = { 0 };
	rn.c = c;
	rn.l = &l;
	rn.engines = engines;
	rn.today = today;
	/* suggestions are costly: for a person at a terminal, or on request */
	rn.suggest = c->suggest || (c->format == pregon_format_text &&
				    isatty(STDOUT_FILENO));
	rn.reports = cli_xalloc((n ? n : 1) * sizeof *rn.reports);
	memset(rn.reports, 0, (n ? n : 1) * sizeof *rn.reports);
	rn.diffs.ptr = cli_xstrdup("");
	rn.status = config_ok ? EXIT_CLEAN : EXIT_TROUBLE;
	/* the files of one run are one repository: repeated posts show,
	 * except in a shard, which sees only part of it */
	if (!c->shards)
		rn.batch = pregon_batch_new();
	pregon_format_options fo = { c->lang, use_color(c), c->quiet, c->column_unit,
				     n ? engines[0] : NULL };
	if (config_ok && !baseline && !c->diff)
		rn.stream = pregon_formatter_new(c->format_name, &fo);
	size_t delivered = 0;
	if (config_ok) {
		pool_jobs jobs = { n, c->jobs ? c->jobs : pool_processors(), 64,
				   check_job, deliver_job, &rn };
		delivered = pool_run(&jobs);
	}
	if (rn.stream) {
		char *out = pregon_formatter_finish(rn.stream);
		/* after a failed write the output stays cut where it failed */
		if (delivered == n && cli_write_all(out))
			rn.status = EXIT_TROUBLE;
		free(out);
		if (rn.status == EXIT_CLEAN)
			rn.status = tally_status(&rn.tally, c);
	} else if (config_ok) {
		finish_kept(&rn, baseline, n);
	}
	pregon_baseline_free(baseline);
	for (size_t i = 0; i < n; i++) {
		pregon_report_free(rn.reports[i]);
		release_input(&l.items[i]);
		free(l.items[i].path);
		free(l.items[i].error);
	}
	free(rn.diffs.ptr);
	free(rn.reports);
	free(engines);
	free(l.items);
	pregon_batch_free(rn.batch);
	return rn.status;
}

int main(int argc, char **argv)
{
	/* a closed pipe must be a write error (exit 2), not a signal */
	signal(SIGPIPE, SIG_IGN);
	pregon_i18n_init(NULL, cli_early_lang(argc, argv));
	static const struct {
		const char *name, *command;
		int (*run)(int argc, char **argv);
	} subcommands[] = {
		{ "comments", "pregon comments", pregon_cli_comments },
		{ "lsp", "pregon lsp", pregon_cli_lsp },
		{ "accounts", "pregon accounts", pregon_cli_accounts },
		{ "report", "pregon report", pregon_cli_report },
		{ "serve", "pregon serve", pregon_cli_serve },
	};
	for (size_t i = 0; argc > 1 && i < sizeof subcommands / sizeof *subcommands; i++)
		if (strcmp(argv[1], subcommands[i].name) == 0) {
			cli_set_command(subcommands[i].command);
			return subcommands[i].run(argc - 1, argv + 1);
		}
	cli c;
	if (parse_args(&c, argc, argv)) {
		free(c.paths);
		free(c.rules);
		return EXIT_TROUBLE;
	}
	int status = EXIT_CLEAN;
	if (c.action == ACT_HELP) {
		print_help();
	} else if (c.action == ACT_VERSION) {
		printf("pregon %s\n", PREGON_VERSION);
	} else if (c.action == ACT_CHECK) {
		cli_engines cache = { 0 };
		status = check_inputs(&cache, &c);
		cli_engines_dispose(&cache);
	} else {
		/* the configuration of the first path, or of standard input */
		const char *anchor = c.n_paths && strcmp(c.paths[0], "-") != 0
					     ? c.paths[0]
					     : c.stdin_filename;
		cli_engines cache = { 0 };
		pregon_engine *e = NULL;
		if (engine_for(&e, &cache, &c, anchor)) {
			status = EXIT_TROUBLE;
		} else if (c.action == ACT_LIST) {
			status = list_rules(e);
		} else if (c.action == ACT_LIST_WINDOWS) {
			status = list_windows(e);
		} else if (c.action == ACT_EXPLAIN) {
			status = explain_rule(e, c.explain);
		} else if (c.action == ACT_PRINT_CONFIG) {
			char *y = pregon_engine_config_yaml(e);
			status = cli_write_all(y) ? EXIT_TROUBLE : EXIT_CLEAN;
			free(y);
		} else {
			status = test_rules(e, c.test_rules);
		}
		cli_engines_dispose(&cache);
	}
	free(c.paths);
	free(c.rules);
	if (fclose(stdout) != 0 && status != EXIT_TROUBLE) {
		fprintf(stderr, "pregon: error: %s: %s\n",
			_("no se pudo escribir el informe"), pregon_strerror(errno));
		status = EXIT_TROUBLE;
	}
	return status;
}
