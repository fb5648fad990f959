/* comments.c: `pregon comments [FILE|-]`, a client of libpregon for the
 * comments citizens leave on the accounts.  Criterion XII: a comment that
 * offends, insults or denigrates other users or persons leads to blocking;
 * criterion XIV: every other comment gets an answer.
 *
 * Each comment is one line of text, or a JSON object on one line with an
 * `id` (text or number) and a `text`.  It is checked as a plain-text post by
 * an engine with only the default rule sets `ofensivo` (the same lexicon
 * that keeps insults out of the posts) and `datos-personales`, whose
 * findings are not reasons to block but make every excerpt come out masked
 * (pregon_report_excerpt): a phone or a CURP a citizen wrote is never
 * echoed in full.  The whole listing is built first and written once. */
#include <errno.h>
#include <jansson.h>
#include <libintl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pregon.h"
#include "comments.h"
#include "common.h"

#define _(s) dgettext("pregon", s)


typedef struct {
	const char *format;  /* "text" or "json" */
	const char *config;
	const char *path;    /* "-" for standard input */
	pregon_lang lang;
} options;

/* One comment of the input and what the engine said of it. */
typedef struct {
	int line;
	char *id;            /* NULL for a plain line */
	char *text;
	pregon_report *report;
	int block;           /* some finding of category offensive */
} comment;

typedef struct {
	comment *items;
	size_t n, cap;
} comment_list;

#define N_(s) (s)

enum { OPT_FORMAT, OPT_CONFIG };

static const cli_option comment_options[] = {
	{ "format", 0, N_("text|json"), OPT_FORMAT, N_("formato de la salida (text por omisión)") },
	{ "config", 0, N_("ARCHIVO"), OPT_CONFIG, N_("configuración (.pregon.yaml) del motor") },
	CLI_OPTION_LANG,
	CLI_OPTION_HELP,
};

#define N_COMMENT_OPTIONS (sizeof comment_options / sizeof *comment_options)

static void print_help(void)
{
	cli_print_help(_("Uso: pregon comments [OPCIONES] [ARCHIVO|-]"),
		       _("Marca los comentarios ofensivos, insultantes o denigrantes, que llevan a\n"
			 "bloquear (criterio XII), y lista los demás, que necesitan respuesta\n"
			 "(criterio XIV).  Un comentario por línea: texto, o un objeto JSON con\n"
			 "«id» y «text».  Sin ARCHIVO, o con «-», lee la entrada estándar."),
		       comment_options, N_COMMENT_OPTIONS);
	fputs(_("\nEstado de salida: 0 nada que bloquear, 1 algún comentario para bloquear,\n"
		"2 error de uso o de entrada.\n"),
	      stdout);
}

typedef struct {
	options *o;
	int paths;
} parse_state;

/* One option or operand (id -1) of `pregon comments` (cli_parse's callback). */
static int set_option(void *state, int id, const char *v)
{
	parse_state *p = state;
	switch (id) {
	case OPT_FORMAT:
		if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0) {
			cli_usage_error(_("formato desconocido «%s»; use text o json"), v);
			return -1;
		}
		p->o->format = v;
		break;
	case OPT_CONFIG:
		p->o->config = v;
		break;
	default:
		if (p->paths++) {
			cli_usage_error(_("sobra «%s»: se revisa un solo archivo de comentarios"), v);
			return -1;
		}
		p->o->path = v;
	}
	return 0;
}

/* 0, 1 after --help, or -1 after a usage error. */
static int parse_args(options *o, int argc, char **argv)
{
	o->format = "text";
	o->path = "-";
	parse_state p = { o, 0 };
	int rc = cli_parse(argc, argv, comment_options, N_COMMENT_OPTIONS, set_option, &p);
	if (rc == 1)
		print_help();
	return rc;
}

/* The comments: standard input for "-", else the named file. */
static int read_all(const char *path, char **out, size_t *out_len)
{
	if (strcmp(path, "-") == 0)
		return cli_read_stream(stdin, SIZE_MAX, out, out_len);
	return cli_read_file(path, out, out_len);
}

static void input_error(const char *path, int line, int col, const char *what,
			const char *hint)
{
	fprintf(stderr, "%s:%d:%d: error: %s; %s\n", path, line, col, what, hint);
}

/* A JSON line: its `id` and `text`, or an error with the line's position. */
static int parse_json_line(comment *c, const char *path, const char *s,
			   size_t len)
{
	json_error_t err;
	json_t *j = json_loadb(s, len, 0, &err);
	const char *hint = _("escriba un objeto por línea con «id» y «text»");
	if (!j) {
		char what[300];
		snprintf(what, sizeof what, _("JSON no válido: %s"), err.text);
		input_error(path, c->line, err.column > 0 ? err.column : 1, what, hint);
		return -1;
	}
	json_t *id = json_object_get(j, "id"), *text = json_object_get(j, "text");
	int rc = 0;
	if (!json_is_object(j) || !json_is_string(text)) {
		input_error(path, c->line, 1, _("al comentario le falta «text» (un texto)"),
			    hint);
		rc = -1;
	} else if (id && !json_is_string(id) && !json_is_integer(id)) {
		input_error(path, c->line, 1, _("«id» debe ser un texto o un número"), hint);
		rc = -1;
	} else {
		c->text = cli_xdupn(json_string_value(text), json_string_length(text));
		if (json_is_string(id)) {
			c->id = cli_xdupn(json_string_value(id), json_string_length(id));
		} else if (id) {
			char n[32];
			snprintf(n, sizeof n, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
			c->id = cli_xdupn(n, strlen(n));
		}
	}
	json_decref(j);
	return rc;
}

/* Split the input into comments: blank lines are skipped; a line whose
 * first non-blank character is «{» is JSON. */
static int split_comments(comment_list *out, const char *path, const char *s,
			  size_t len)
{
	int line = 0;
	for (size_t i = 0; i < len;) {
		const char *e = memchr(s + i, '\n', len - i);
		size_t end = e ? (size_t)(e - s) : len;
		size_t k = end;
		if (k > i && s[k - 1] == '\r')
			k--;
		line++;
		size_t b = i;
		while (b < k && (s[b] == ' ' || s[b] == '\t'))
			b++;
		if (b < k) {
			if (out->n == out->cap) {
				out->cap = out->cap ? 2 * out->cap : 64;
				out->items = cli_xresize(out->items, out->cap * sizeof *out->items);
			}
			comment *c = &out->items[out->n];
			memset(c, 0, sizeof *c);
			c->line = line;
			if (s[b] == '{') {
				if (parse_json_line(c, path, s + b, k - b))
					return -1;
			} else {
				c->text = cli_xdupn(s + i, k - i);
			}
			out->n++;
		}
		i = end + 1;
	}
	return 0;
}

static int check_comments(comment_list *l, const pregon_engine *e,
			  const char *path)
{
	for (size_t i = 0; i < l->n; i++) {
		comment *c = &l->items[i];
		pregon_check_options o = { 0 };
		o.plain_text = 1;
		pregon_diag d;
		pregon_diag_init(&d);
		if (pregon_check(&c->report, e, path, c->text, strlen(c->text), &o, &d)) {
			input_error(path, c->line, d.line == 1 && d.col ? d.col : 1,
				    d.message ? d.message : _("el comentario no se puede revisar"),
				    _("guarde el archivo como UTF-8 sin bytes nulos"));
			pregon_diag_dispose(&d);
			return -1;
		}
		pregon_diag_dispose(&d);
		for (size_t k = 0; k < c->report->n_findings && !c->block; k++)
			c->block = strcmp(c->report->findings[k].category, "offensive") == 0;
	}
	return 0;
}

/* The comment as it may be shown: masked, on one line. */
static char *shown_text(const comment *c)
{
	char *s = pregon_report_excerpt(c->report, 0, c->report->input_len);
	for (char *p = s; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return s;
}

/* A growing text for the listing. */
typedef struct {
	char *s;
	size_t len, cap;
} out_text;

static void put(out_text *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(out_text *o, const char *fmt, ...)
{
	for (;;) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(o->s ? o->s + o->len : NULL, o->s ? o->cap - o->len : 0,
				  fmt, ap);
		va_end(ap);
		if (n < 0)
			abort();
		if (o->s && o->len + (size_t)n < o->cap) {
			o->len += (size_t)n;
			return;
		}
		o->cap = (o->cap + (size_t)n + 1) * 2;
		o->s = cli_xresize(o->s, o->cap);
		o->s[o->len] = '\0';
	}
}

static char *format_text(const comment_list *l, const char *path, size_t blocked)
{
	out_text o = { NULL, 0, 0 };
	put(&o, "%s", "");
	for (size_t i = 0; i < l->n; i++) {
		const comment *c = &l->items[i];
		char *text = shown_text(c);
		char id[300] = "";
		if (c->id)
			snprintf(id, sizeof id, " [%s]", c->id);
		if (!c->block) {
			put(&o, "%s:%d: %s%s: %s\n", path, c->line, _("responder"), id, text);
			free(text);
			continue;
		}
		put(&o, "%s:%d: %s%s (%s", path, c->line, _("bloquear"), id, _("criterio XII:"));
		const char *sep = " ";
		for (size_t k = 0; k < c->report->n_findings; k++) {
			const pregon_finding *f = &c->report->findings[k];
			if (strcmp(f->category, "offensive") == 0) {
				put(&o, "%s%s «%s»", sep, f->rule, f->text);
				sep = "; ";
			}
		}
		put(&o, "): %s\n", text);
		free(text);
	}
	put(&o,
	    _("%s: %zu comentarios: %zu para bloquear (criterio XII), %zu para responder (criterio XIV)\n"),
	    path, l->n, blocked, l->n - blocked);
	return o.s;
}

static char *format_json(const comment_list *l, size_t blocked)
{
	json_t *root = json_object(), *items = json_array();
	json_object_set_new(root, "version", json_integer(1));
	for (size_t i = 0; i < l->n; i++) {
		const comment *c = &l->items[i];
		json_t *j = json_object(), *reasons = json_array();
		char *text = pregon_report_excerpt(c->report, 0, c->report->input_len);
		json_object_set_new(j, "id", c->id ? json_string(c->id) : json_null());
		json_object_set_new(j, "line", json_integer(c->line));
		json_object_set_new(j, "action", json_string(c->block ? "block" : "answer"));
		for (size_t k = 0; k < c->report->n_findings; k++) {
			const pregon_finding *f = &c->report->findings[k];
			if (strcmp(f->category, "offensive") != 0)
				continue;
			json_array_append_new(reasons,
					      json_pack("{s:s, s:s, s:s, s:s}", "rule", f->rule,
							"criterio", f->criterio, "message",
							f->message, "text", f->text));
		}
		json_object_set_new(j, "reasons", reasons);
		json_object_set_new(j, "text", json_string(text));
		free(text);
		json_array_append_new(items, j);
	}
	json_object_set_new(root, "comments", items);
	json_object_set_new(root, "total", json_integer((json_int_t)l->n));
	json_object_set_new(root, "block", json_integer((json_int_t)blocked));
	json_object_set_new(root, "answer", json_integer((json_int_t)(l->n - blocked)));
	char *s = cli_enough(json_dumps(root, JSON_COMPACT));
	json_decref(root);
	size_t n = strlen(s);
	s = cli_xresize(s, n + 2);
	memcpy(s + n, "\n", 2);
	return s;
}

static pregon_engine *comments_engine(const options *o)
{
	static const char *const sets[] = { "ofensivo", "datos-personales" };
	pregon_engine_options eo = { 0 };
	eo.lang = o->lang;
	eo.config_path = o->config;
	eo.default_sets = sets;
	eo.n_default_sets = sizeof sets / sizeof *sets;
	pregon_engine *e = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_engine_new(&e, &eo, &d)) {
		char *m = pregon_diag_format(&d);
		fputs(m, stderr);
		free(m);
		e = NULL;
	}
	pregon_diag_dispose(&d);
	return e;
}

int pregon_cli_comments(int argc, char **argv)
{
	options o = { 0 };
	o.lang = cli_early_lang(argc, argv);
	int rc = parse_args(&o, argc, argv);
	if (rc)
		return rc > 0 ? EXIT_CLEAN : EXIT_TROUBLE;
	char *input = NULL;
	size_t len = 0;
	if (read_all(o.path, &input, &len)) {
		fprintf(stderr, "%s: error: %s\n", o.path, pregon_strerror(errno));
		return EXIT_TROUBLE;
	}
	comment_list l = { NULL, 0, 0 };
	pregon_engine *e = NULL;
	int status = EXIT_TROUBLE;
	if (split_comments(&l, o.path, input, len) || !(e = comments_engine(&o)) ||
	    check_comments(&l, e, o.path))
		goto cleanup;
	size_t blocked = 0;
	for (size_t i = 0; i < l.n; i++)
		blocked += (size_t)l.items[i].block;
	char *out = strcmp(o.format, "json") == 0 ? format_json(&l, blocked)
						 : format_text(&l, o.path, blocked);
	size_t n = strlen(out);
	int written = fwrite(out, 1, n, stdout) == n && fflush(stdout) == 0;
	free(out);
	if (!written)
		fprintf(stderr, "pregon: error: %s: %s\n",
			_("no se pudo escribir el informe"), pregon_strerror(errno));
	else
		status = blocked ? EXIT_FINDINGS : EXIT_CLEAN;
cleanup:
	for (size_t i = 0; i < l.n; i++) {
		free(l.items[i].id);
		free(l.items[i].text);
		pregon_report_free(l.items[i].report);
	}
	free(l.items);
	pregon_engine_free(e);
	free(input);
	return status;
}
