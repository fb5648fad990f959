/* server.h: the state of pregon's language server, shared by its files
 * (server.c: lifecycle, documents and diagnostics; actions.c: code actions
 * and the project dictionary). */
#ifndef PREGON_LSP_SERVER_H
#define PREGON_LSP_SERVER_H

#include <jansson.h>

#include "position.h"
#include "pregon.h"

/* The largest message body read, in bytes: a post is a few kilobytes, a
 * long document a few hundred. */
#define LSP_MAX_MESSAGE (16u << 20)

/* The command behind "add to the project's dictionary". */
#define LSP_ADD_WORD_COMMAND "pregon.anadirPalabra"

/* One engine per configuration file, compiled once and rebuilt when the
 * file (or its word list) changes. */
typedef struct {
	char *config;            /* absolute path of the .pregon.yaml; "" none */
	pregon_engine *engine;   /* NULL when the configuration failed */
	char *error;             /* why it failed, one line */
} lsp_slot;

typedef struct {
	char *uri;
	char *path;              /* from a file: URI; NULL for others */
	long version;
	char *text;
	size_t len;
	lsp_lines lines;
	int plain;               /* plain text, not Markdown */
	int is_config;           /* a .pregon.yaml or a word list: never checked */
	char *config;            /* the key of its slot; NULL: not found yet */
	/* The report of `text`, which it borrows; NULL before a check, after
	 * an edit and when the text could not be checked. */
	pregon_report *report;
	long long due;           /* when a debounced check runs (ms), or -1 */
} lsp_doc;

typedef struct {
	int out_fd;
	int initialized;
	int shut_down;           /* `shutdown` came: only `exit` is served */
	int exit_requested;
	int write_failed;        /* the client is gone */
	lsp_encoding enc;
	long debounce_ms;
	pregon_lang lang;
	int dynamic_watch;       /* the client registers file watchers */
	long next_id;            /* of requests to the client */
	char *cwd;               /* for the documentation links */
	lsp_doc **docs;
	size_t n_docs, docs_cap;
	lsp_slot *slots;
	size_t n_slots, slots_cap;
} lsp_server;

/* A reply's error: a JSON-RPC code and a message. */
typedef struct {
	int code;
	char message[512];
} lsp_error;

void lsp_fail(lsp_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Send a message (reference stolen); a failed write marks the client gone. */
void lsp_send(lsp_server *s, json_t *msg);
/* window/showMessage: 1 error, 2 warning, 3 info. */
void lsp_show_message(lsp_server *s, int type, const char *text);

lsp_doc *lsp_doc_find(lsp_server *s, const char *uri);
/* The open document that params.textDocument.uri names, or NULL. */
lsp_doc *lsp_doc_param(lsp_server *s, json_t *params);
/* The slot of the document's configuration, loading it when needed. */
lsp_slot *lsp_slot_for(lsp_server *s, lsp_doc *d);
/* Check the document's text with `e`, as pregon_check() does; the date
 * is today's (PREGON_TODAY overrides it, for tests). */
int lsp_check(pregon_report **out, const lsp_doc *d, const pregon_engine *e,
	      const char *only_rule, int suggest, pregon_diag *diag);
/* Run a pending check now, so that the report matches the text. */
void lsp_settle(lsp_server *s, lsp_doc *d);
/* Drop the engines that read `word_file` (every engine when NULL), and
 * check the open documents again with new ones. */
void lsp_reload(lsp_server *s, const char *word_file);

/* {"start": ..., "end": ...} of the bytes [offset, offset + length). */
json_t *lsp_range(const lsp_server *s, const lsp_doc *d, size_t offset,
		  size_t length);
/* The finding of the current report that a published diagnostic names
 * in its `data`, or NULL (another version, or gone). */
const pregon_finding *lsp_finding_of(const lsp_doc *d, const json_t *diagnostic);

/* textDocument/codeAction, textDocument/hover and workspace/executeCommand
 * (actions.c). */
json_t *lsp_code_actions(lsp_server *s, json_t *params, lsp_error *err);
json_t *lsp_hover(lsp_server *s, json_t *params, lsp_error *err);
json_t *lsp_execute_command(lsp_server *s, json_t *params, lsp_error *err);

#endif
