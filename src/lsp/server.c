/* server.c: pregon's language server (LSP 3.17) over stdio, a second
 * client of pregon.h beside the command.
 *
 * Full document sync; diagnostics on open, on save and, debounced, on
 * change; the rule sets and dictionaries of each configuration are
 * compiled once and kept.  One thread: a poll() loop reads messages and
 * runs the checks whose debounce has expired. */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../cli/lsp.h"
#include "rpc.h"
#include "server.h"
#include "util.h"

/* Debounce of checks on change, unless initializationOptions.demora_ms
 * says otherwise. */
#define DEFAULT_DEBOUNCE_MS 200
#define MAX_DEBOUNCE_MS 10000

void lsp_fail(lsp_error *err, int code, const char *fmt, ...)
{
	err->code = code;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

void lsp_send(lsp_server *s, json_t *msg)
{
	json_object_set_new(msg, "jsonrpc", json_string("2.0"));
	if (!s->write_failed && rpc_write(s->out_fd, msg) != 0)
		s->write_failed = 1;
	json_decref(msg);
}

static void notify(lsp_server *s, const char *method, json_t *params)
{
	lsp_send(s, json_pack("{s:s, s:o}", "method", method, "params", params));
}

void lsp_show_message(lsp_server *s, int type, const char *text)
{
	notify(s, "window/showMessage", json_pack("{s:i, s:s}", "type", type, "message", text));
}

static void reply_error(lsp_server *s, json_t *id, int code, const char *message)
{
	lsp_send(s, json_pack("{s:O?, s:{s:i, s:s}}", "id", id, "error", "code", code,
			      "message", message));
}

/* ---- paths and URIs ---- */

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The path of a file: URI (percent-decoded; an authority other than
 * "localhost" is not local), or NULL. */
static char *path_of_uri(const char *uri)
{
	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	const char *p = uri + 7;
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/')
		return NULL;
	size_t n = strlen(p);
	char *out = cli_xalloc(n + 1), *o = out;
	for (; *p && *p != '?' && *p != '#'; p++) {
		int hi, lo;
		if (*p == '%' && (hi = hex_value(p[1])) >= 0 && (lo = hex_value(p[2])) >= 0) {
			*o = (char)(hi * 16 + lo);
			if (*o == '\0') {
				free(out);
				return NULL;
			}
			o++;
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

/* "file://" and the path, percent-encoded but for the unreserved bytes
 * and "/". */
static char *uri_of_path(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *out = cli_xalloc(7 + 3 * n + 1), *o = out;
	memcpy(o, "file://", 7);
	o += 7;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The absolute path of the configuration that applies to `path` (NULL:
 * the working directory), as the command finds it; "" for none. */
static char *find_config(const char *path)
{
	char *found = NULL;
	if (pregon_config_find(&found, path) != 0 || !found)
		return cli_xstrdup("");
	char *abs = realpath(found, NULL);
	if (!abs)
		return found;
	free(found);
	return abs;
}

/* ---- engines ---- */

static void slot_dispose(lsp_slot *slot)
{
	free(slot->config);
	pregon_engine_free(slot->engine);
	free(slot->error);
}

static void load_slot(lsp_server *s, lsp_slot *slot)
{
	pregon_engine_options o = { 0 };
	o.lang = s->lang;
	o.config_path = *slot->config ? slot->config : NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_engine_new(&slot->engine, &o, &d)) {
		char *text = pregon_diag_format(&d);
		text[strcspn(text, "\n")] = '\0';
		slot->error = text;
		lsp_show_message(s, 1, text);
	}
	pregon_diag_dispose(&d);
}

lsp_slot *lsp_slot_for(lsp_server *s, lsp_doc *d)
{
	if (!d->config)
		d->config = find_config(d->path);
	for (size_t i = 0; i < s->n_slots; i++)
		if (strcmp(s->slots[i].config, d->config) == 0)
			return &s->slots[i];
	cli_grow(&s->slots, &s->slots_cap, s->n_slots + 1, sizeof *s->slots);
	lsp_slot *slot = &s->slots[s->n_slots++];
	memset(slot, 0, sizeof *slot);
	slot->config = cli_xstrdup(d->config);
	load_slot(s, slot);
	return slot;
}

/* ---- documents ---- */

lsp_doc *lsp_doc_find(lsp_server *s, const char *uri)
{
	if (!uri)
		return NULL;
	for (size_t i = 0; i < s->n_docs; i++)
		if (strcmp(s->docs[i]->uri, uri) == 0)
			return s->docs[i];
	return NULL;
}

static void doc_free(lsp_doc *d)
{
	pregon_report_free(d->report);
	lsp_lines_dispose(&d->lines);
	free(d->uri);
	free(d->path);
	free(d->text);
	free(d->config);
	free(d);
}

/* Replace the text (taken over); the old report goes with the old text. */
static void doc_set_text(lsp_doc *d, char *text, size_t len)
{
	pregon_report_free(d->report);
	d->report = NULL;
	free(d->text);
	d->text = text;
	d->len = len;
	lsp_lines_dispose(&d->lines);
	lsp_lines_init(&d->lines, text, len);
}

json_t *lsp_range(const lsp_server *s, const lsp_doc *d, size_t offset, size_t length)
{
	lsp_position a = lsp_position_at(&d->lines, d->text, d->len, offset, s->enc);
	lsp_position b = lsp_position_at(&d->lines, d->text, d->len, offset + length, s->enc);
	return json_pack("{s:{s:I, s:I}, s:{s:I, s:I}}", "start", "line", (json_int_t)a.line,
			 "character", (json_int_t)a.character, "end", "line", (json_int_t)b.line,
			 "character", (json_int_t)b.character);
}

/* LSP DiagnosticSeverity: 1 error, 2 warning, 3 information. */
static int severity_of(pregon_severity sev)
{
	return sev == PREGON_SEV_ERROR ? 1 : sev == PREGON_SEV_WARNING ? 2 : 3;
}

/* The rule's documentation: its entry in the rule-set file, with the
 * description and the examples. */
static char *rule_link(const lsp_server *s, const pregon_rule_info *info)
{
	char path[8192];
	if (info->source[0] == '/')
		snprintf(path, sizeof path, "%s", info->source);
	else
		snprintf(path, sizeof path, "%s/%s", s->cwd, info->source);
	char *uri = uri_of_path(path);
	char *link = cli_xalloc(strlen(uri) + 32);
	sprintf(link, "%s#L%d", uri, info->line);
	free(uri);
	return link;
}

static json_t *diagnostic_of(const lsp_server *s, const lsp_doc *d,
			     const pregon_engine *e, const pregon_finding *f)
{
	json_t *x = json_object();
	json_object_set_new(x, "range", lsp_range(s, d, f->offset, f->length));
	json_object_set_new(x, "severity", json_integer(severity_of(f->severity)));
	json_object_set_new(x, "code", json_string(f->rule));
	const pregon_rule_info *info = pregon_engine_find_rule(e, f->rule);
	if (info && info->source) {
		char *link = rule_link(s, info);
		json_object_set_new(x, "codeDescription", json_pack("{s:s}", "href", link));
		free(link);
	}
	json_object_set_new(x, "source", json_string("pregon"));
	/* the message is the report's, already masked over personal data */
	size_t n = strlen(f->message) + strlen(f->criterio) + 64;
	char *message = cli_xalloc(n);
	if (*f->criterio)
		snprintf(message, n, "%s [%s %s]", f->message, _("criterio"), f->criterio);
	else
		snprintf(message, n, "%s", f->message);
	json_object_set_new(x, "message", json_string(message));
	free(message);
	/* the server's own span: Neovim 0.7 echoes ranges back in bytes */
	json_object_set_new(x, "data", json_pack("{s:s, s:I, s:I, s:I}", "regla", f->rule,
						 "inicio", (json_int_t)f->offset, "longitud",
						 (json_int_t)f->length, "version",
						 (json_int_t)d->version));
	return x;
}

const pregon_finding *lsp_finding_of(const lsp_doc *d, const json_t *diagnostic)
{
	const json_t *data = json_object_get(diagnostic, "data");
	const char *rule = json_string_value(json_object_get(data, "regla"));
	json_t *start = json_object_get(data, "inicio");
	json_t *length = json_object_get(data, "longitud");
	json_t *version = json_object_get(data, "version");
	if (!d->report || !rule || !json_is_integer(start) || !json_is_integer(length) ||
	    json_integer_value(version) != d->version)
		return NULL;
	for (size_t i = 0; i < d->report->n_findings; i++) {
		const pregon_finding *f = &d->report->findings[i];
		if ((json_int_t)f->offset == json_integer_value(start) &&
		    (json_int_t)f->length == json_integer_value(length) &&
		    strcmp(f->rule, rule) == 0)
			return f;
	}
	return NULL;
}

/* A problem with the text or its configuration, as one diagnostic at
 * line:col (1-based, code points) of the text. */
static json_t *problem_at(const lsp_server *s, const lsp_doc *d, int line, int col,
			  const char *code, const char *message)
{
	size_t offset = 0;
	if (line > 0) {
		offset = lsp_offset_at(&d->lines, d->text, d->len,
				       (lsp_position){ line - 1, 0 }, s->enc);
		for (int c = 1; c < col && offset < d->len && d->text[offset] != '\n'; c++) {
			offset++;
			while (offset < d->len && ((unsigned char)d->text[offset] & 0xC0) == 0x80)
				offset++;
		}
	}
	return json_pack("{s:o, s:i, s:s, s:s, s:s}", "range", lsp_range(s, d, offset, 0),
			 "severity", 1, "code", code, "source", "pregon", "message", message);
}

static void publish(lsp_server *s, const lsp_doc *d, json_t *diagnostics)
{
	notify(s, "textDocument/publishDiagnostics",
	       json_pack("{s:s, s:I, s:o}", "uri", d->uri, "version", (json_int_t)d->version,
			 "diagnostics", diagnostics));
}

int lsp_check(pregon_report **out, const lsp_doc *d, const pregon_engine *e,
	      const char *only_rule, int suggest, pregon_diag *diag)
{
	char date[11];
	pregon_today_or_env(date);
	pregon_check_options o = { 0 };
	o.today = date;
	o.plain_text = d->plain;
	o.only_rule = only_rule;
	o.suggest = suggest;
	return pregon_check(out, e, d->path ? d->path : d->uri, d->text, d->len, &o, diag);
}

static void check_doc(lsp_server *s, lsp_doc *d)
{
	d->due = -1;
	if (d->is_config)
		return;
	lsp_slot *slot = lsp_slot_for(s, d);
	pregon_report_free(d->report);
	d->report = NULL;
	json_t *diagnostics = json_array();
	if (!slot->engine) {
		json_array_append_new(diagnostics,
				      problem_at(s, d, 0, 0, "configuracion", slot->error));
		publish(s, d, diagnostics);
		return;
	}
	pregon_diag diag;
	pregon_diag_init(&diag);
	if (lsp_check(&d->report, d, slot->engine, NULL, 0, &diag)) {
		json_array_append_new(diagnostics, problem_at(s, d, diag.line, diag.col,
							      "documento", diag.message));
	} else {
		for (size_t i = 0; i < d->report->n_findings; i++)
			json_array_append_new(diagnostics,
					      diagnostic_of(s, d, slot->engine,
							    &d->report->findings[i]));
	}
	pregon_diag_dispose(&diag);
	publish(s, d, diagnostics);
}

void lsp_settle(lsp_server *s, lsp_doc *d)
{
	if (d->due >= 0)
		check_doc(s, d);
}

/* Run the checks whose debounce has expired; the milliseconds until the
 * next one, or -1 when none is pending. */
static int run_due(lsp_server *s)
{
	long long now = now_ms(), next = -1;
	for (size_t i = 0; i < s->n_docs && !s->write_failed; i++) {
		lsp_doc *d = s->docs[i];
		if (d->due < 0)
			continue;
		if (d->due <= now)
			check_doc(s, d);
		else if (next < 0 || d->due < next)
			next = d->due;
	}
	return next < 0 ? -1 : (int)(next - now);
}

void lsp_reload(lsp_server *s, const char *word_file)
{
	size_t kept = 0;
	for (size_t i = 0; i < s->n_slots; i++) {
		lsp_slot *slot = &s->slots[i];
		const char *words = slot->engine ? pregon_engine_word_file(slot->engine) : NULL;
		if (word_file && !(words && strcmp(words, word_file) == 0)) {
			s->slots[kept++] = *slot;
			continue;
		}
		/* reports do not point into the engine: they may stay */
		slot_dispose(slot);
	}
	s->n_slots = kept;
	for (size_t i = 0; i < s->n_docs; i++) {
		lsp_doc *d = s->docs[i];
		if (!word_file) { /* a configuration may have appeared nearer */
			free(d->config);
			d->config = NULL;
		}
		if (!d->is_config)
			check_doc(s, d);
	}
}

/* ---- parameters ---- */

lsp_doc *lsp_doc_param(lsp_server *s, json_t *params)
{
	json_t *td = json_object_get(params, "textDocument");
	return lsp_doc_find(s, json_string_value(json_object_get(td, "uri")));
}

/* ---- lifecycle ---- */

static json_t *on_initialize(lsp_server *s, json_t *params, lsp_error *err)
{
	if (s->initialized) {
		lsp_fail(err, RPC_INVALID_REQUEST, "%s", _("el servidor ya recibió initialize"));
		return NULL;
	}
	json_t *caps = json_object_get(params, "capabilities");
	json_t *encodings = json_object_get(json_object_get(caps, "general"), "positionEncodings");
	size_t i;
	json_t *e;
	json_array_foreach(encodings, i, e) {
		if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0)
			s->enc = LSP_UTF8;
	}
	json_t *watch = json_object_get(json_object_get(caps, "workspace"),
					"didChangeWatchedFiles");
	s->dynamic_watch = json_is_true(json_object_get(watch, "dynamicRegistration"));
	json_t *opts = json_object_get(params, "initializationOptions");
	json_t *debounce = json_object_get(opts, "demora_ms");
	if (debounce) {
		if (!json_is_integer(debounce) || json_integer_value(debounce) < 0 ||
		    json_integer_value(debounce) > MAX_DEBOUNCE_MS) {
			lsp_fail(err, RPC_INVALID_PARAMS,
				 _("initializationOptions.demora_ms debe ser un número de milisegundos entre 0 y %d"),
				 MAX_DEBOUNCE_MS);
			return NULL;
		}
		s->debounce_ms = (long)json_integer_value(debounce);
	}
	s->initialized = 1;
	json_t *capabilities = json_pack(
		"{s:s, s:{s:b, s:i, s:{s:b}}, s:{s:[s]}, s:b, s:{s:[s]}}", "positionEncoding",
		s->enc == LSP_UTF8 ? "utf-8" : "utf-16", "textDocumentSync", "openClose", 1,
		"change", 1, "save", "includeText", 0, "codeActionProvider", "codeActionKinds",
		"quickfix", "hoverProvider", 1, "executeCommandProvider", "commands",
		LSP_ADD_WORD_COMMAND);
	return json_pack("{s:o, s:{s:s, s:s}}", "capabilities", capabilities, "serverInfo",
			 "name", "pregon", "version", PREGON_VERSION);
}

/* Ask the client to report changes to any configuration file. */
static json_t *on_initialized(lsp_server *s, json_t *params, lsp_error *err)
{
	(void)params;
	(void)err;
	if (s->dynamic_watch)
		lsp_send(s, json_pack("{s:I, s:s, s:{s:[{s:s, s:s, s:{s:[{s:s}]}}]}}", "id",
				      (json_int_t)s->next_id++, "method",
				      "client/registerCapability", "params", "registrations", "id",
				      "pregon-configuracion", "method",
				      "workspace/didChangeWatchedFiles", "registerOptions",
				      "watchers", "globPattern", "**/.pregon.yaml"));
	return NULL;
}

static json_t *on_shutdown(lsp_server *s, json_t *params, lsp_error *err)
{
	(void)params;
	(void)err;
	s->shut_down = 1;
	return json_null();
}

static json_t *on_exit_notice(lsp_server *s, json_t *params, lsp_error *err)
{
	(void)params;
	(void)err;
	s->exit_requested = 1;
	return NULL;
}

/* ---- document sync ---- */

/* A configuration (2: every engine is rebuilt, since one may now be
 * nearer) or a word list an engine reads (1), or neither (0). */
static int file_role(const lsp_server *s, const char *path)
{
	if (strcmp(base_name(path), ".pregon.yaml") == 0)
		return 2;
	for (size_t k = 0; k < s->n_slots; k++) {
		const pregon_engine *e = s->slots[k].engine;
		const char *w = e ? pregon_engine_word_file(e) : NULL;
		if (w && strcmp(w, path) == 0)
			return 1;
	}
	return 0;
}

/* Rebuild what a change to the file at `path` touches; its role. */
static int file_changed(lsp_server *s, const char *path)
{
	int role = file_role(s, path);
	if (role)
		lsp_reload(s, role == 2 ? NULL : path);
	return role;
}


static json_t *on_did_open(lsp_server *s, json_t *params, lsp_error *err)
{
	(void)err;
	json_t *td = json_object_get(params, "textDocument");
	const char *uri = json_string_value(json_object_get(td, "uri"));
	json_t *text = json_object_get(td, "text");
	if (!uri || !json_is_string(text))
		return NULL;
	lsp_doc *d = lsp_doc_find(s, uri);
	if (!d) {
		d = cli_xalloc(sizeof *d);
		d->uri = cli_xstrdup(uri);
		d->path = path_of_uri(uri);
		cli_grow(&s->docs, &s->docs_cap, s->n_docs + 1, sizeof *s->docs);
		s->docs[s->n_docs++] = d;
	}
	const char *language = json_string_value(json_object_get(td, "languageId"));
	d->version = (long)json_integer_value(json_object_get(td, "version"));
	d->plain = (language && strcmp(language, "plaintext") == 0) ||
		   (d->path && ends_with(d->path, ".txt"));
	d->is_config = d->path && file_role(s, d->path) != 0;
	doc_set_text(d, cli_xdupn(json_string_value(text), json_string_length(text)),
		     json_string_length(text));
	check_doc(s, d);
	return NULL;
}

/* Apply one change: the whole text, or a range of it (which a client may
 * send although the server asks for full sync). */
static void apply_change(lsp_server *s, lsp_doc *d, json_t *change)
{
	json_t *text = json_object_get(change, "text");
	if (!json_is_string(text))
		return;
	const char *t = json_string_value(text);
	size_t n = json_string_length(text);
	json_t *range = json_object_get(change, "range");
	if (!range) {
		doc_set_text(d, cli_xdupn(t, n), n);
		return;
	}
	lsp_position a = { (long)json_integer_value(json_object_get(json_object_get(range, "start"), "line")),
			   (long)json_integer_value(json_object_get(json_object_get(range, "start"), "character")) };
	lsp_position b = { (long)json_integer_value(json_object_get(json_object_get(range, "end"), "line")),
			   (long)json_integer_value(json_object_get(json_object_get(range, "end"), "character")) };
	size_t from = lsp_offset_at(&d->lines, d->text, d->len, a, s->enc);
	size_t to = lsp_offset_at(&d->lines, d->text, d->len, b, s->enc);
	if (to < from)
		to = from;
	size_t len = d->len - (to - from) + n;
	char *next = cli_xalloc(len + 1);
	memcpy(next, d->text, from);
	memcpy(next + from, t, n);
	memcpy(next + from + n, d->text + to, d->len - to);
	next[len] = '\0';
	doc_set_text(d, next, len);
}

static json_t *on_did_change(lsp_server *s, json_t *params, lsp_error *err)
{
	(void)err;
	lsp_doc *d = lsp_doc_param(s, params);
	json_t *changes = json_object_get(params, "contentChanges");
	if (!d || !json_is_array(changes))
		return NULL;
	size_t i;
	json_t *change;
	json_array_foreach(changes, i, change) {
		apply_change(s, d, change);
	}
	json_t *version = json_object_get(json_object_get(params, "textDocument"), "version");
	if (json_is_integer(version))
		d->version = (long)json_integer_value(version);
	d->due = now_ms() + s->debounce_ms;
	return NULL;
}

static json_t *on_did_save(lsp_server *s, json_t *params, lsp_error *err)
{
	(void)err;
	lsp_doc *d = lsp_doc_param(s, params);
	if (!d)
		return NULL;
	if (d->is_config)
		file_changed(s, d->path);
	else
		check_doc(s, d);
	return NULL;
}

static json_t *on_did_close(lsp_server *s, json_t *params, lsp_error *err)
{
	(void)err;
	lsp_doc *d = lsp_doc_param(s, params);
	if (!d)
		return NULL;
	if (!d->is_config)
		publish(s, d, json_array());
	for (size_t i = 0; i < s->n_docs; i++)
		if (s->docs[i] == d) {
			s->docs[i] = s->docs[--s->n_docs];
			break;
		}
	doc_free(d);
	return NULL;
}

/* Configuration files or word lists changed on disk. */
static json_t *on_watched_files(lsp_server *s, json_t *params, lsp_error *err)
{
	(void)err;
	size_t i;
	json_t *change;
	json_array_foreach(json_object_get(params, "changes"), i, change) {
		const char *uri = json_string_value(json_object_get(change, "uri"));
		char *path = uri ? path_of_uri(uri) : NULL;
		int role = path ? file_changed(s, path) : 0;
		free(path);
		if (role == 2)
			break; /* everything was reloaded */
	}
	return NULL;
}

/* ---- dispatch ---- */

typedef json_t *(*handler_fn)(lsp_server *, json_t *, lsp_error *);

static const struct {
	const char *method;
	handler_fn handle;
	int request; /* 0: a notification */
} methods[] = {
	{ "initialize", on_initialize, 1 },
	{ "initialized", on_initialized, 0 },
	{ "shutdown", on_shutdown, 1 },
	{ "exit", on_exit_notice, 0 },
	{ "textDocument/didOpen", on_did_open, 0 },
	{ "textDocument/didChange", on_did_change, 0 },
	{ "textDocument/didSave", on_did_save, 0 },
	{ "textDocument/didClose", on_did_close, 0 },
	{ "textDocument/codeAction", lsp_code_actions, 1 },
	{ "textDocument/hover", lsp_hover, 1 },
	{ "workspace/executeCommand", lsp_execute_command, 1 },
	{ "workspace/didChangeWatchedFiles", on_watched_files, 0 },
};

#define N_METHODS (sizeof methods / sizeof *methods)

static void handle(lsp_server *s, json_t *msg)
{
	const char *method = json_string_value(json_object_get(msg, "method"));
	if (!method)
		return; /* a response to one of our requests */
	json_t *id = json_object_get(msg, "id");
	int is_request = id && !json_is_null(id);
	json_t *params = json_object_get(msg, "params");
	size_t k = 0;
	while (k < N_METHODS && strcmp(methods[k].method, method) != 0)
		k++;
	int known = k < N_METHODS && methods[k].request == is_request;
	lsp_error err = { 0, "" };
	int is_exit = known && methods[k].handle == on_exit_notice;
	if (!s->initialized && !is_exit && !(known && methods[k].handle == on_initialize)) {
		if (is_request)
			reply_error(s, id, RPC_SERVER_NOT_INITIALIZED,
				    _("el servidor aún no recibió initialize"));
		return;
	}
	if (s->shut_down && !is_exit) {
		if (is_request)
			reply_error(s, id, RPC_INVALID_REQUEST,
				    _("el servidor ya recibió shutdown: solo acepta exit"));
		return;
	}
	if (!known) {
		/* unknown notifications, $/ ones included, are ignored */
		if (is_request) {
			char text[300];
			snprintf(text, sizeof text, _("método desconocido: «%.200s»"), method);
			reply_error(s, id, RPC_METHOD_NOT_FOUND, text);
		}
		return;
	}
	if (is_request && params && !json_is_object(params)) {
		reply_error(s, id, RPC_INVALID_PARAMS, _("los «params» deben ser un objeto"));
		return;
	}
	json_t *result = methods[k].handle(s, params, &err);
	if (!is_request) {
		json_decref(result);
		return;
	}
	if (result)
		lsp_send(s, json_pack("{s:O, s:o}", "id", id, "result", result));
	else
		reply_error(s, id, err.code ? err.code : RPC_INTERNAL_ERROR, err.message);
}

/* ---- the loop ---- */

static void server_dispose(lsp_server *s)
{
	for (size_t i = 0; i < s->n_docs; i++)
		doc_free(s->docs[i]);
	free(s->docs);
	for (size_t i = 0; i < s->n_slots; i++)
		slot_dispose(&s->slots[i]);
	free(s->slots);
	free(s->cwd);
}

static void serve(lsp_server *s, int in_fd)
{
	rpc_reader reader;
	rpc_reader_init(&reader, LSP_MAX_MESSAGE);
	char *chunk = cli_xalloc(65536);
	int timeout = -1;
	while (!s->exit_requested && !s->write_failed) {
		struct pollfd p = { in_fd, POLLIN, 0 };
		int ready = poll(&p, 1, timeout);
		if (ready < 0 && errno != EINTR)
			break;
		if (ready > 0) {
			ssize_t got = read(in_fd, chunk, 65536);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0)
				break; /* the client closed the pipe */
			rpc_reader_feed(&reader, chunk, (size_t)got);
			rpc_item item;
			rpc_status st;
			while (!s->exit_requested && (st = rpc_reader_next(&item, &reader)) != RPC_NONE) {
				if (st == RPC_ERROR)
					reply_error(s, item.id, item.code, item.error);
				else
					handle(s, item.msg);
				rpc_item_dispose(&item);
			}
		}
		timeout = run_due(s);
	}
	free(chunk);
	rpc_reader_dispose(&reader);
}

static void *json_xalloc(size_t n)
{
	return cli_xalloc(n);
}

enum { OPT_STDIO };

static const cli_option lsp_options[] = {
	/* what generic clients pass: stdio is the only transport */
	{ "stdio", 0, NULL, OPT_STDIO, N_("habla por la entrada y la salida estándar (siempre)") },
	CLI_OPTION_LANG,
	CLI_OPTION_HELP,
};

#define N_LSP_OPTIONS (sizeof lsp_options / sizeof *lsp_options)

/* One option of `pregon lsp` (cli_parse's callback); it takes no operand. */
static int set_option(void *state, int id, const char *v)
{
	(void)state;
	if (id == OPT_STDIO)
		return 0;
	cli_usage_error(_("argumento inesperado «%s»; el servidor recibe los documentos del editor"), v);
	return -1;
}

int pregon_cli_lsp(int argc, char **argv)
{
	pregon_lang lang = cli_early_lang(argc, argv);
	int rc = cli_parse(argc, argv, lsp_options, N_LSP_OPTIONS, set_option, NULL);
	if (rc < 0)
		return 2;
	if (rc) {
		cli_print_help(_("Uso: pregon lsp [OPCIONES]"),
			       _("Servidor de lenguaje (LSP) para los editores: diagnósticos, acciones de código y descripciones de las reglas."),
			       lsp_options, N_LSP_OPTIONS);
		return fclose(stdout) == 0 ? 0 : 2;
	}
	json_set_alloc_funcs(json_xalloc, free);
	lsp_server s;
	memset(&s, 0, sizeof s);
	s.out_fd = STDOUT_FILENO;
	s.lang = lang;
	s.enc = LSP_UTF16;
	s.debounce_ms = DEFAULT_DEBOUNCE_MS;
	s.next_id = 1;
	s.cwd = getcwd(NULL, 0);
	if (!s.cwd)
		s.cwd = cli_xstrdup("/");
	serve(&s, STDIN_FILENO);
	int status = s.exit_requested && s.shut_down ? 0 : 1;
	server_dispose(&s);
	return status;
}
