/* api.c: the JSON endpoints of `pregon serve` (api.h).  The request is read
 * with jansson and every key is checked; the answer is the report of
 * pregon_format_json(), so the page sees exactly the `--format json`
 * contract. */
#include <jansson.h>
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/common.h"
#include "serve/api.h"

#define _(s) dgettext("pregon", s)

/* How a request and its reports are named in messages. */
#define REQUEST_NAME "solicitud"
#define DRAFT_NAME "borrador"

/* jansson's dumps fail only without memory. */
static char *dump(json_t *root)
{
	char *s = cli_enough(json_dumps(root, JSON_COMPACT));
	json_decref(root);
	return s;
}

char *serve_api_error(const char *message)
{
	return dump(json_pack("{s:s}", "error", message));
}

static json_t *string_array(const char *const *list)
{
	json_t *a = json_array();
	for (size_t i = 0; list[i]; i++)
		json_array_append_new(a, json_string(list[i]));
	return a;
}

char *serve_api_options(void)
{
	return dump(json_pack("{s:o,s:o}", "platforms", string_array(pregon_platforms()),
			      "topics", string_array(pregon_topics())));
}

char *serve_api_diag(const char *where, int line, int col, const char *message,
		     const char *hint)
{
	pregon_diag d;
	pregon_diag_init(&d);
	d.path = cli_xstrdup(where);
	d.line = line;
	d.col = col;
	d.message = cli_xstrdup(message);
	d.hint = hint ? cli_xstrdup(hint) : NULL;
	char *shown = pregon_diag_format(&d);
	shown[strcspn(shown, "\n")] = '\0';
	pregon_diag_dispose(&d);
	return shown;
}

/* A 400 answer: "solicitud:L:C: error: qué; qué hacer". */
static void refuse(serve_answer *out, int line, int col, const char *message,
		   const char *hint)
{
	char *shown = serve_api_diag(REQUEST_NAME, line, col, message, hint);
	out->status = 400;
	out->body = serve_api_error(shown);
	free(shown);
}

/* Why jansson refused the body, in Spanish (its own texts are English). */
static const char *syntax_problem(const json_error_t *e)
{
	switch (json_error_code(e)) {
	case json_error_premature_end_of_input:
		return _("el JSON de la solicitud termina antes de tiempo");
	case json_error_invalid_utf8:
		return _("la solicitud no es UTF-8 válido");
	case json_error_null_character:
		return _("la solicitud contiene un carácter nulo (\\u0000)");
	case json_error_duplicate_key:
		return _("la solicitud repite una clave");
	case json_error_end_of_input_expected:
		return _("hay texto después del objeto JSON de la solicitud");
	case json_error_stack_overflow:
		return _("el JSON de la solicitud anida demasiados niveles");
	default:
		return _("la solicitud no es JSON válido");
	}
}

static const char *const request_keys[] = { "text", "platform", "date", "account",
					    "topic", NULL };

static int in_list(const char *const *list, const char *s)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

/* The value of an optional string key, NULL when absent; -1 (answer set)
 * when it is not a string. */
static int optional_string(const char **out, serve_answer *answer,
			   const json_t *request, const char *key)
{
	const json_t *v = json_object_get(request, key);
	*out = NULL;
	if (!v)
		return 0;
	if (!json_is_string(v)) {
		char msg[128];
		snprintf(msg, sizeof msg, _("«%s» debe ser una cadena de texto"), key);
		refuse(answer, 0, 0, msg, NULL);
		return -1;
	}
	*out = json_string_value(v);
	return 0;
}

/* The context keys are checked as the command line checks --platform,
 * --date and --topic; 0, or -1 with the answer set. */
static int read_context(pregon_check_options *o, serve_answer *answer,
			const json_t *request)
{
	const char *key;
	json_t *value;
	json_object_foreach((json_t *)request, key, value) {
		if (!in_list(request_keys, key)) {
			char msg[256];
			snprintf(msg, sizeof msg, _("clave desconocida «%.64s»"), key);
			refuse(answer, 0, 0, msg, _("use text, platform, date, account o topic"));
			return -1;
		}
	}
	const char *account;
	if (optional_string(&o->platform, answer, request, "platform") ||
	    optional_string(&o->date, answer, request, "date") ||
	    optional_string(&o->topic, answer, request, "topic") ||
	    optional_string(&account, answer, request, "account"))
		return -1;
	if (o->platform && !in_list(pregon_platforms(), o->platform)) {
		refuse(answer, 0, 0, _("plataforma desconocida en «platform»"),
		       _("use x, facebook, instagram, threads, tiktok, linkedin o youtube"));
		return -1;
	}
	if (o->date && !pregon_date_valid(o->date)) {
		refuse(answer, 0, 0, _("fecha no válida en «date»"), _("use AAAA-MM-DD"));
		return -1;
	}
	if (o->topic && !in_list(pregon_topics(), o->topic)) {
		refuse(answer, 0, 0, _("tema desconocido en «topic»"),
		       _("pida la lista a GET /api/opciones"));
		return -1;
	}
	return 0;
}

void serve_api_check(serve_answer *out, const pregon_engine *engine,
		     const char *body, size_t len, const char *today)
{
	out->status = 0;
	out->body = NULL;
	json_error_t err;
	json_t *request = json_loadb(body, len, JSON_REJECT_DUPLICATES, &err);
	if (!request) {
		refuse(out, err.line, err.column, syntax_problem(&err), NULL);
		return;
	}
	pregon_check_options o = { 0 };
	o.today = today;
	o.suggest = 1;
	const json_t *text = json_object_get(request, "text");
	if (!json_is_object(request)) {
		refuse(out, 1, 1, _("la solicitud debe ser un objeto JSON"),
		       _("envíe {\"text\": \"...\"}"));
	} else if (!text || !json_is_string(text)) {
		refuse(out, 0, 0, _("falta «text», el texto del borrador, como cadena"),
		       _("envíe {\"text\": \"...\"}"));
	} else if (read_context(&o, out, request) == 0) {
		pregon_report *r = NULL;
		pregon_diag d;
		pregon_diag_init(&d);
		if (pregon_check(&r, engine, DRAFT_NAME, json_string_value(text),
				 json_string_length(text), &o, &d)) {
			/* its first line: the source line below may hold a datum */
			char *msg = pregon_diag_format(&d);
			msg[strcspn(msg, "\n")] = '\0';
			r = pregon_report_new_error(DRAFT_NAME, msg);
			free(msg);
		}
		pregon_diag_dispose(&d);
		pregon_format_options fo = { pregon_engine_lang(engine), 0, 0,
					     PREGON_COLUMN_CHAR, engine };
		const pregon_report *rs[] = { r };
		out->status = 200;
		out->body = pregon_format_json(rs, 1, &fo);
		pregon_report_free(r);
	}
	json_decref(request);
}
