/* accounts.c: `pregon accounts [FILE] [DIR...]`, the registry of
 * institutional accounts checked against the norm and, given posts, the
 * posts checked against the registry.  The findings go through the same
 * formats and exit statuses as the check of posts. */
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common.h"

#define _(s) dgettext("pregon", s)
#define N_(s) (s)

#define DEFAULT_REGISTRY "cuentas.yaml"

enum { OPT_FORMAT, OPT_FAIL_ON, OPT_QUIET };

static const cli_option options[] = {
	{ "format", 0, N_("FORMATO"), OPT_FORMAT, N_("formato del informe: text (por omisión), json, sarif, github, rdjson, checkstyle, gitlab o line") },
	{ "fail-on", 0, N_("error|warning|info"), OPT_FAIL_ON, N_("severidad mínima que hace salir con estado 1 (error por omisión)") },
	CLI_OPTION_LANG,
	{ "quiet", 0, NULL, OPT_QUIET, N_("solo los hallazgos, sin resúmenes") },
	CLI_OPTION_HELP,
};

#define N_OPTIONS (sizeof options / sizeof *options)

typedef struct {
	pregon_format_fn format;
	pregon_severity fail_on;
	pregon_lang lang;
	int quiet;
	const char *registry;
	const char **post_paths;
	size_t n_post_paths;
} accounts_cli;

static int set_option(void *state, int id, const char *v)
{
	accounts_cli *c = state;
	static const char *const levels[] = { "info", "warning", "error" };
	switch (id) {
	case -1:
		/* the first file is the registry; folders and later files are posts */
		if (!c->registry && !cli_is_dir(v))
			c->registry = v;
		else
			c->post_paths[c->n_post_paths++] = v;
		return 0;
	case OPT_FORMAT:
		if (!(c->format = pregon_format_find(v))) {
			cli_usage_error(_("formato desconocido «%s»; use text, json, sarif, github, rdjson, checkstyle, gitlab o line"), v);
			return -1;
		}
		return 0;
	case OPT_FAIL_ON:
		for (int k = 0; k < 3; k++)
			if (strcmp(levels[k], v) == 0) {
				c->fail_on = (pregon_severity)k;
				return 0;
			}
		cli_usage_error(_("severidad desconocida «%s» para --fail-on; use error, warning o info"), v);
		return -1;
	default: /* OPT_QUIET */
		c->quiet = 1;
		return 0;
	}
}

/* The front matter of every post; -1 (printed) when one cannot be read. */
static int read_refs(pregon_post_ref **out, cli_posts *posts, const accounts_cli *c)
{
	int rc = 0;
	for (size_t i = 0; i < c->n_post_paths; i++)
		if (cli_posts_read(posts, c->post_paths[i]))
			rc = -1;
	pregon_post_ref *refs = cli_xalloc((posts->n ? posts->n : 1) * sizeof *refs);
	for (size_t i = 0; i < posts->n; i++) {
		const cli_post *p = &posts->items[i];
		pregon_diag d;
		pregon_diag_init(&d);
		if (pregon_post_ref_parse(&refs[i], p->path, p->data, p->len, p->plain, &d)) {
			cli_print_diag(&d);
			rc = -1;
		}
		pregon_diag_dispose(&d);
	}
	*out = refs;
	return rc;
}

static int worst_status(const pregon_report *const *rs, size_t n, pregon_severity fail_on)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < rs[i]->n_findings; k++)
			if (rs[i]->findings[k].severity >= fail_on)
				return EXIT_FINDINGS;
	return EXIT_CLEAN;
}

int pregon_cli_accounts(int argc, char **argv)
{
	accounts_cli c = { pregon_format_text, PREGON_SEV_ERROR, cli_early_lang(argc, argv), 0,
			   NULL, NULL, 0 };
	c.post_paths = cli_xalloc((size_t)argc * sizeof *c.post_paths);
	int status = EXIT_CLEAN;
	int rc = cli_parse(argc, argv, options, N_OPTIONS, set_option, &c);
	if (rc < 0) {
		free(c.post_paths);
		return EXIT_TROUBLE;
	}
	if (rc) {
		cli_print_help(_("Uso: pregon accounts [OPCIONES] [REGISTRO] [CARPETA...]"),
			       _("Revisa el registro de cuentas institucionales (cuentas.yaml por omisión) contra la Norma Técnica No. 10 y, con CARPETA, que cada publicación salga en una cuenta registrada y activa en su fecha."),
			       options, N_OPTIONS);
		free(c.post_paths);
		return EXIT_CLEAN;
	}
	pregon_registry *registry = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_registry_load(&registry, c.registry ? c.registry : DEFAULT_REGISTRY, &d)) {
		cli_print_diag(&d);
		pregon_diag_dispose(&d);
		free(c.post_paths);
		return EXIT_TROUBLE;
	}
	pregon_diag_dispose(&d);
	cli_posts posts = { 0 };
	pregon_post_ref *refs = NULL;
	if (read_refs(&refs, &posts, &c) == 0) {
		char today[11];
		pregon_today_or_env(today);
		pregon_report *own = pregon_registry_check(registry, today,
							   c.n_post_paths ? refs : NULL, posts.n);
		pregon_report **cross = pregon_registry_check_posts(registry, refs, posts.n);
		/* the registry first, then the posts with something to say */
		const pregon_report **shown = cli_xalloc((posts.n + 1) * sizeof *shown);
		size_t n = 0;
		shown[n++] = own;
		for (size_t i = 0; i < posts.n; i++)
			if (cross[i]->n_findings)
				shown[n++] = cross[i];
		status = worst_status(shown, n, c.fail_on);
		pregon_format_options fo = { c.lang, 0, c.quiet, PREGON_COLUMN_CHAR, NULL };
		char *out = c.format(shown, n, &fo);
		if (cli_write_all(out))
			status = EXIT_TROUBLE;
		free(out);
		free(shown);
		for (size_t i = 0; i < posts.n; i++)
			pregon_report_free(cross[i]);
		free(cross);
		pregon_report_free(own);
	} else {
		status = EXIT_TROUBLE;
	}
	for (size_t i = 0; i < posts.n; i++)
		pregon_post_ref_dispose(&refs[i]);
	free(refs);
	cli_posts_dispose(&posts);
	pregon_registry_free(registry);
	free(c.post_paths);
	return status;
}
