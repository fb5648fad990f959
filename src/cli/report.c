/* report.c: `pregon report DIR [--from DATE] [--to DATE] [-o FILE]`, the
 * semiannual evaluation of the accounts (Evaluación chapter of the norm):
 * every post of DIR checked, the activity logs and the registry, as one
 * HTML page or as JSON.  Nothing is written unless everything was read. */
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "common.h"

#define _(s) dgettext("pregon", s)
#define N_(s) (s)

#define DEFAULT_REGISTRY "cuentas.yaml"

enum { OPT_FROM, OPT_TO, OPT_OUTPUT, OPT_FORMAT, OPT_LOG, OPT_REGISTRY, OPT_CONFIG,
       OPT_NO_CONFIG };

static const cli_option options[] = {
	{ "from", 0, N_("AAAA-MM-DD"), OPT_FROM, N_("primer día del periodo (por omisión, el del último semestre completo)") },
	{ "to", 0, N_("AAAA-MM-DD"), OPT_TO, N_("último día del periodo") },
	{ "output", 'o', N_("ARCHIVO"), OPT_OUTPUT, N_("escribe el informe en ARCHIVO (de forma atómica) en lugar de la salida estándar") },
	{ "format", 0, N_("html|json"), OPT_FORMAT, N_("formato del informe: html (por omisión) o json") },
	{ "log", 0, N_("ARCHIVO"), OPT_LOG, N_("bitácora escrita con pregon --log; se puede repetir") },
	{ "registry", 0, N_("ARCHIVO"), OPT_REGISTRY, N_("registro de cuentas (por omisión, cuentas.yaml si existe)") },
	{ "config", 0, N_("ARCHIVO"), OPT_CONFIG, N_("configuración para todas las publicaciones; sin ella se busca el .pregon.yaml más cercano de cada una") },
	{ "no-config", 0, NULL, OPT_NO_CONFIG, N_("no busca ni lee ningún .pregon.yaml") },
	CLI_OPTION_LANG,
	CLI_OPTION_HELP,
};

#define N_OPTIONS (sizeof options / sizeof *options)

typedef struct {
	const char *from, *to, *output, *registry, *config;
	int json, no_config;
	pregon_lang lang;
	const char **logs;
	size_t n_logs;
	const char **dirs;
	size_t n_dirs;
} report_cli;

static int is_day(const char *s)
{
	return strlen(s) == 10 && pregon_date_valid(s);
}

static int set_option(void *state, int id, const char *v)
{
	report_cli *c = state;
	switch (id) {
	case -1:
		c->dirs[c->n_dirs++] = v;
		return 0;
	case OPT_FROM:
	case OPT_TO:
		if (!is_day(v)) {
			cli_usage_error(_("fecha no válida «%s»; use AAAA-MM-DD"), v);
			return -1;
		}
		*(id == OPT_FROM ? &c->from : &c->to) = v;
		return 0;
	case OPT_OUTPUT:
		c->output = v;
		return 0;
	case OPT_FORMAT:
		if (strcmp(v, "html") != 0 && strcmp(v, "json") != 0) {
			cli_usage_error(_("formato desconocido «%s»; use html o json"), v);
			return -1;
		}
		c->json = strcmp(v, "json") == 0;
		return 0;
	case OPT_LOG:
		c->logs[c->n_logs++] = v;
		return 0;
	case OPT_REGISTRY:
		c->registry = v;
		return 0;
	case OPT_CONFIG:
		c->config = v;
		return 0;
	default: /* OPT_NO_CONFIG */
		c->no_config = 1;
		return 0;
	}
}

/* The last complete semester before `today`: January to June, or July to
 * December. */
#define DAY_SIZE 24 /* "YYYY-MM-DD", with room for any int snprintf sees */

static void last_semester(char from[DAY_SIZE], char to[DAY_SIZE], const char *today)
{
	int year = atoi(today), month = atoi(today + 5);
	int first_half = month > 6;
	int y = first_half ? year : year - 1;
	snprintf(from, DAY_SIZE, "%04d-%s", y, first_half ? "01-01" : "07-01");
	snprintf(to, DAY_SIZE, "%04d-%s", y, first_half ? "06-30" : "12-31");
}

/* The engine for a post at `path`, as the check builds it. */
static int engine_for(pregon_engine **out, cli_engines *cache, const report_cli *c,
		      const char *path)
{
	cli_engine_spec spec = { c->config, c->no_config, NULL, 0, c->lang };
	return cli_engine_for(out, cache, &spec, path);
}

/* Check every post and add it to the evaluation; -1 (printed) when one
 * cannot be read or checked. */
static int add_posts(pregon_evaluation *ev, cli_engines *cache, const report_cli *c,
		     const cli_posts *posts, const char *today)
{
	pregon_batch *batch = pregon_batch_new();
	int rc = 0;
	for (size_t i = 0; i < posts->n && rc == 0; i++) {
		const cli_post *p = &posts->items[i];
		pregon_engine *e;
		if (engine_for(&e, cache, c, p->path)) {
			rc = -1;
			break;
		}
		pregon_check_options o = { .today = today, .plain_text = p->plain, .batch = batch };
		pregon_report *r = NULL;
		pregon_post_ref ref;
		pregon_diag d;
		pregon_diag_init(&d);
		if (pregon_check(&r, e, p->path, p->data, p->len, &o, &d) ||
		    pregon_post_ref_parse(&ref, p->path, p->data, p->len, p->plain, &d)) {
			cli_print_diag(&d);
			rc = -1;
		} else {
			pregon_evaluation_add_post(ev, &ref, r);
			pregon_post_ref_dispose(&ref);
		}
		pregon_report_free(r);
		pregon_diag_dispose(&d);
	}
	pregon_batch_free(batch);
	return rc;
}

static int read_logs(pregon_evaluation *ev, const report_cli *c)
{
	for (size_t i = 0; i < c->n_logs; i++) {
		pregon_diag d;
		pregon_diag_init(&d);
		int rc = pregon_evaluation_read_log(ev, c->logs[i], &d);
		if (rc)
			cli_print_diag(&d);
		pregon_diag_dispose(&d);
		if (rc)
			return -1;
	}
	return 0;
}

/* --registry, or cuentas.yaml when there is one here; 0 with *out NULL
 * when there is none. */
static int load_registry(pregon_registry **out, const report_cli *c)
{
	*out = NULL;
	struct stat st;
	const char *path = c->registry;
	if (!path && stat(DEFAULT_REGISTRY, &st) == 0)
		path = DEFAULT_REGISTRY;
	if (!path)
		return 0;
	pregon_diag d;
	pregon_diag_init(&d);
	int rc = pregon_registry_load(out, path, &d);
	if (rc)
		cli_print_diag(&d);
	pregon_diag_dispose(&d);
	return rc ? -1 : 0;
}

static int write_report(const report_cli *c, const char *text)
{
	if (!c->output)
		return cli_write_all(text);
	pregon_diag d;
	pregon_diag_init(&d);
	int rc = pregon_file_replace(c->output, text, strlen(text), &d);
	if (rc)
		cli_print_diag(&d);
	pregon_diag_dispose(&d);
	return rc ? -1 : 0;
}

static int run(report_cli *c)
{
	char today[11], from[DAY_SIZE], to[DAY_SIZE];
	pregon_today_or_env(today);
	last_semester(from, to, today);
	if (c->from)
		snprintf(from, sizeof from, "%s", c->from);
	if (c->to)
		snprintf(to, sizeof to, "%s", c->to);
	if (strcmp(from, to) > 0) {
		cli_usage_error(_("el periodo empieza el %s, después de terminar el %s"), from, to);
		return EXIT_TROUBLE;
	}
	cli_posts posts = { 0 };
	cli_engines cache = { 0 };
	pregon_registry *registry = NULL;
	pregon_report *registry_findings = NULL;
	int rc = 0;
	for (size_t i = 0; i < c->n_dirs && rc == 0; i++)
		rc = cli_posts_read(&posts, c->dirs[i]);
	pregon_engine *first = NULL;
	if (rc == 0)
		rc = engine_for(&first, &cache, c, c->dirs[0]);
	pregon_evaluation *ev = pregon_evaluation_new(from, to, today, first);
	if (rc == 0)
		rc = add_posts(ev, &cache, c, &posts, today);
	if (rc == 0)
		rc = read_logs(ev, c);
	if (rc == 0)
		rc = load_registry(&registry, c);
	if (rc == 0 && registry) {
		size_t n;
		const pregon_post_ref *seen = pregon_evaluation_posts(ev, &n);
		registry_findings = pregon_registry_check(registry, today, seen, n);
		pregon_evaluation_set_registry(ev, registry, registry_findings);
	}
	if (rc == 0) {
		char *text = c->json ? pregon_evaluation_format_json(ev)
				     : pregon_evaluation_format_html(ev);
		rc = write_report(c, text);
		free(text);
	}
	pregon_evaluation_free(ev);
	pregon_report_free(registry_findings);
	pregon_registry_free(registry);
	cli_engines_dispose(&cache);
	cli_posts_dispose(&posts);
	return rc ? EXIT_TROUBLE : EXIT_CLEAN;
}

int pregon_cli_report(int argc, char **argv)
{
	report_cli c = { 0 };
	c.lang = cli_early_lang(argc, argv);
	c.logs = cli_xalloc((size_t)argc * sizeof *c.logs);
	c.dirs = cli_xalloc((size_t)argc * sizeof *c.dirs);
	int status = EXIT_TROUBLE;
	int rc = cli_parse(argc, argv, options, N_OPTIONS, set_option, &c);
	if (rc >= 0) {
		if (rc) {
			cli_print_help(_("Uso: pregon report [OPCIONES] CARPETA..."),
				       _("Informe de evaluación de las cuentas institucionales (Norma Técnica No. 10, capítulo de Evaluación): publicaciones por semana, veredictos, puntuaciones, hallazgos por criterio, cuentas silenciosas o saturadas, el registro de cuentas y la lista de revisión humana."),
				       options, N_OPTIONS);
			status = EXIT_CLEAN;
		} else if (!c.n_dirs) {
			cli_usage_error(_("falta la CARPETA de publicaciones; por ejemplo: pregon report publicaciones/ -o informe.html"));
		} else {
			status = run(&c);
		}
	}
	free(c.logs);
	free(c.dirs);
	return status;
}
