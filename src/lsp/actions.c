/* actions.c: quick fixes for pregon's diagnostics, and the rule behind a
 * finding on hover.
 *
 * Each edit is built from the finding the diagnostic's `data` names, in
 * the server's current report, never from the range the client echoes
 * (Neovim 0.7 sends it back in bytes).  Three kinds of fix:
 *   - a suggestion of the rule (a substitution, a missing accent; for the
 *     dictionary rule, Hunspell's suggestions computed now, as they are too
 *     slow to compute on every keystroke);
 *   - an inline suppression of the rule for the finding's line, with a
 *     reason to be written (README "Supresiones en línea");
 *   - adding the word to the project's word list (`ortografia:
 *     archivo_palabras`), through workspace/executeCommand. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpc.h"
#include "server.h"
#include "util.h"

/* Hunspell may offer a dozen; a menu shows the first few. */
#define MAX_SUGGESTIONS 5
/* The longest word the dictionary command accepts, in bytes. */
#define MAX_WORD 100

static const char next_line_directive[] = "<!-- pregon-disable-next-line ";

static json_t *text_edit(const lsp_server *s, const lsp_doc *d, size_t offset,
			 size_t length, const char *text)
{
	return json_pack("{s:{s:[{s:o, s:s}]}}", "changes", d->uri, "range",
			 lsp_range(s, d, offset, length), "newText", text);
}

static json_t *action(const char *title, json_t *diagnostic, int preferred)
{
	return json_pack("{s:s, s:s, s:[O], s:b}", "title", title, "kind", "quickfix",
			 "diagnostics", diagnostic, "isPreferred", preferred);
}

static int is_spelling(const pregon_engine *e, const pregon_finding *f)
{
	const pregon_rule_info *info = pregon_engine_find_rule(e, f->rule);
	return info && strcmp(info->kind, "spelling") == 0;
}

static void add_suggestions(lsp_server *s, const lsp_doc *d, const pregon_engine *e,
			    const pregon_finding *f, json_t *diagnostic, json_t *out)
{
	const pregon_suggestion *sugs = f->suggestions;
	size_t n = f->n_suggestions;
	pregon_report *costly = NULL;
	/* a finding on personal data has none, and must get none */
	int masked = strstr(f->text, "•") != NULL;
	if (!n && !masked && is_spelling(e, f)) {
		pregon_diag diag;
		pregon_diag_init(&diag);
		if (lsp_check(&costly, d, e, f->rule, 1, &diag) == 0)
			for (size_t i = 0; i < costly->n_findings; i++) {
				const pregon_finding *g = &costly->findings[i];
				if (g->offset == f->offset && g->length == f->length) {
					sugs = g->suggestions;
					n = g->n_suggestions;
					break;
				}
			}
		pregon_diag_dispose(&diag);
	}
	for (size_t k = 0; k < n && k < MAX_SUGGESTIONS; k++) {
		char title[512];
		snprintf(title, sizeof title, _("Cambiar por «%s»"), sugs[k].text);
		json_t *a = action(title, diagnostic, k == 0);
		json_object_set_new(a, "edit",
				    text_edit(s, d, f->offset, f->length, sugs[k].text));
		json_array_append_new(out, a);
	}
	pregon_report_free(costly);
}

/* Where the ids of a pregon-disable-next-line comment on line `line` end
 * (the byte before " --"), or 0 when the line holds none. */
static size_t directive_ids_end(const lsp_doc *d, long line)
{
	size_t at = d->lines.starts[line];
	size_t end = lsp_line_end(&d->lines, d->text, d->len, line);
	while (at < end && (d->text[at] == ' ' || d->text[at] == '\t'))
		at++;
	size_t n = sizeof next_line_directive - 1;
	if (end - at < n || memcmp(d->text + at, next_line_directive, n) != 0)
		return 0;
	const char *sep = memmem(d->text + at + n, end - at - n, " --", 3);
	return sep ? (size_t)(sep - d->text) : 0;
}

static void add_suppression(lsp_server *s, const lsp_doc *d, const pregon_finding *f,
			    json_t *diagnostic, json_t *out)
{
	if (d->plain || f->offset < d->report->body_offset ||
	    strcmp(f->category, "suppression") == 0)
		return; /* no directive can reach it */
	long line = lsp_position_at(&d->lines, d->text, d->len, f->offset, s->enc).line;
	char title[512];
	snprintf(title, sizeof title, _("Suprimir «%s» en esta línea (escriba el motivo)"),
		 f->rule);
	json_t *a = action(title, diagnostic, 0);
	/* a directive already on the line above covers only the next line:
	 * the id joins it, since a second comment would push it off */
	size_t ids_end = line > 0 ? directive_ids_end(d, line - 1) : 0;
	size_t n = strlen(f->rule) + 256;
	char *text = cli_xalloc(n);
	if (ids_end) {
		snprintf(text, n, ", %s", f->rule);
		json_object_set_new(a, "edit", text_edit(s, d, ids_end, 0, text));
	} else {
		size_t start = d->lines.starts[line];
		size_t end = lsp_line_end(&d->lines, d->text, d->len, line);
		const char *eol = end + 1 < d->len && d->text[end] == '\r' ? "\r\n" : "\n";
		snprintf(text, n, "<!-- pregon-disable-next-line %s -- %s -->%s", f->rule,
			 _("motivo pendiente: explique por qué se acepta"), eol);
		json_object_set_new(a, "edit", text_edit(s, d, start, 0, text));
	}
	free(text);
	json_array_append_new(out, a);
}

static int valid_word(const char *w)
{
	size_t n = strlen(w);
	return n > 0 && n <= MAX_WORD && !strpbrk(w, " \t\r\n") && !strstr(w, "•");
}

static void add_word_action(const lsp_doc *d, const pregon_engine *e,
			    const pregon_finding *f, json_t *diagnostic, json_t *out)
{
	const char *file = pregon_engine_word_file(e);
	if (!file || !is_spelling(e, f) || !valid_word(f->text))
		return;
	const char *slash = strrchr(file, '/');
	char title[512];
	snprintf(title, sizeof title, _("Añadir «%s» al diccionario del proyecto (%s)"),
		 f->text, slash ? slash + 1 : file);
	json_t *a = action(title, diagnostic, 0);
	json_object_set_new(a, "command",
			    json_pack("{s:s, s:s, s:[s, s]}", "title", title, "command",
				      LSP_ADD_WORD_COMMAND, "arguments", d->uri, f->text));
	json_array_append_new(out, a);
}

/* context.only, when given, must allow quick fixes. */
static int wants_quickfix(json_t *only)
{
	if (!json_is_array(only))
		return 1;
	size_t i;
	json_t *k;
	json_array_foreach(only, i, k) {
		const char *kind = json_string_value(k);
		if (kind && (strcmp(kind, "quickfix") == 0 || strcmp(kind, "") == 0))
			return 1;
	}
	return 0;
}

json_t *lsp_code_actions(lsp_server *s, json_t *params, lsp_error *err)
{
	(void)err;
	json_t *out = json_array();
	lsp_doc *d = lsp_doc_param(s, params);
	json_t *context = json_object_get(params, "context");
	if (!d || d->is_config || !wants_quickfix(json_object_get(context, "only")))
		return out;
	lsp_settle(s, d);
	lsp_slot *slot = lsp_slot_for(s, d);
	if (!d->report || !slot->engine)
		return out;
	size_t i;
	json_t *diagnostic;
	json_array_foreach(json_object_get(context, "diagnostics"), i, diagnostic) {
		const pregon_finding *f = lsp_finding_of(d, diagnostic);
		if (!f)
			continue;
		add_suggestions(s, d, slot->engine, f, diagnostic, out);
		add_suppression(s, d, f, diagnostic, out);
		add_word_action(d, slot->engine, f, diagnostic, out);
	}
	return out;
}

/* The rules of the findings under the cursor: id, criterion and
 * description, in Markdown; null when there is none. */
json_t *lsp_hover(lsp_server *s, json_t *params, lsp_error *err)
{
	(void)err;
	lsp_doc *d = lsp_doc_param(s, params);
	if (!d || d->is_config)
		return json_null();
	lsp_settle(s, d);
	lsp_slot *slot = lsp_slot_for(s, d);
	json_t *at = json_object_get(params, "position");
	lsp_position pos = { (long)json_integer_value(json_object_get(at, "line")),
			     (long)json_integer_value(json_object_get(at, "character")) };
	size_t offset = lsp_offset_at(&d->lines, d->text, d->len, pos, s->enc);
	const pregon_finding *first = NULL;
	size_t cap = 256, len = 0;
	char *md = cli_xalloc(cap);
	md[0] = '\0';
	for (size_t i = 0; d->report && slot->engine && i < d->report->n_findings; i++) {
		const pregon_finding *f = &d->report->findings[i];
		if (offset < f->offset || offset > f->offset + f->length)
			continue;
		const char *about = pregon_engine_rule_description(slot->engine, f->rule);
		size_t n = strlen(f->rule) + strlen(f->criterio) + (about ? strlen(about) : 0) + 64;
		cli_grow(&md, &cap, len + n, 1);
		len += (size_t)snprintf(md + len, cap - len, "%s**%s** · %s %s%s%s",
					first ? "\n\n---\n\n" : "", f->rule, _("criterio"),
					f->criterio, about ? "\n\n" : "", about ? about : "");
		if (!first)
			first = f;
	}
	json_t *out = first ? json_pack("{s:{s:s, s:s}, s:o}", "contents", "kind", "markdown",
					"value", md, "range",
					lsp_range(s, d, first->offset, first->length))
			    : json_null();
	free(md);
	return out;
}

/* The word list with `word` added on a line of its own; NULL when it is
 * already there. */
static char *with_word(const char *list, size_t len, const char *word, size_t *out_len)
{
	size_t n = strlen(word);
	for (const char *p = list; p < list + len;) {
		const char *eol = memchr(p, '\n', (size_t)(list + len - p));
		const char *end = eol ? eol : list + len;
		size_t k = (size_t)(end - p);
		if (k && p[k - 1] == '\r')
			k--;
		if (k == n && memcmp(p, word, n) == 0)
			return NULL;
		p = eol ? eol + 1 : list + len;
	}
	int newline = len > 0 && list[len - 1] != '\n';
	*out_len = len + (size_t)newline + n + 1;
	char *out = cli_xalloc(*out_len + 1);
	memcpy(out, list, len);
	if (newline)
		out[len] = '\n';
	memcpy(out + len + newline, word, n);
	out[*out_len - 1] = '\n';
	out[*out_len] = '\0';
	return out;
}

static json_t *add_word(lsp_server *s, json_t *args, lsp_error *err)
{
	const char *uri = json_string_value(json_array_get(args, 0));
	const char *word = json_string_value(json_array_get(args, 1));
	lsp_doc *d = lsp_doc_find(s, uri);
	if (!d || !word || !valid_word(word)) {
		lsp_fail(err, RPC_INVALID_PARAMS, "%s",
			 _("los argumentos deben ser la URI de un documento abierto y una palabra sin espacios"));
		return NULL;
	}
	lsp_slot *slot = lsp_slot_for(s, d);
	const char *file = slot->engine ? pregon_engine_word_file(slot->engine) : NULL;
	if (!file) {
		lsp_fail(err, RPC_REQUEST_FAILED, "%s",
			 slot->engine ? _("la configuración no nombra una lista de palabras (ortografia: archivo_palabras)")
				      : slot->error);
		return NULL;
	}
	char *path = cli_xstrdup(file); /* the reload frees the engine */
	char *list = NULL, *next = NULL;
	size_t len = 0, next_len = 0;
	if (cli_read_file(path, &list, &len)) {
		lsp_fail(err, RPC_REQUEST_FAILED, _("no se puede leer la lista de palabras «%s»: %s"),
			 path, pregon_strerror(errno));
		goto cleanup;
	}
	next = with_word(list, len, word, &next_len);
	if (next) {
		pregon_diag diag;
		pregon_diag_init(&diag);
		int rc = pregon_file_replace(path, next, next_len, &diag);
		if (rc)
			lsp_fail(err, RPC_REQUEST_FAILED, "%s", diag.message);
		pregon_diag_dispose(&diag);
		if (rc)
			goto cleanup;
		lsp_reload(s, path);
	}
cleanup:
	free(path);
	free(list);
	free(next);
	return err->code ? NULL : json_null();
}

json_t *lsp_execute_command(lsp_server *s, json_t *params, lsp_error *err)
{
	const char *command = json_string_value(json_object_get(params, "command"));
	if (command && strcmp(command, LSP_ADD_WORD_COMMAND) == 0)
		return add_word(s, json_object_get(params, "arguments"), err);
	lsp_fail(err, RPC_INVALID_PARAMS, _("orden desconocida: «%.200s»"), command ? command : "");
	return NULL;
}
