/* api.h: the JSON endpoints of `pregon serve`, apart from HTTP so that they
 * can be tested alone.  A client of pregon.h like main.c. */
#ifndef PREGON_SERVE_API_H
#define PREGON_SERVE_API_H

#include <stddef.h>

#include "pregon.h"

/* An HTTP answer: a status and a JSON body the caller frees with free(). */
typedef struct {
	unsigned status;
	char *body;
} serve_answer;

/*
 * POST /api/check: `body` (len bytes, the request's) is
 * {"text": "...", "platform": "x", "date": "2026-03-10", "account": "...",
 * "topic": "..."} with only `text` required.  Status 200 and the report as
 * `--format json` gives it (suggestions computed; a text pregon cannot read
 * is a report with its `error`), or 400 and {"error": "solicitud:L:C: error:
 * ..."} for a request that is not that object.  `today` (YYYY-MM-DD) is the
 * date when neither the request nor the text gives one.  The text is
 * checked alone: no batch, nothing kept after the call.
 */
void serve_api_check(serve_answer *out, const pregon_engine *engine,
		     const char *body, size_t len, const char *today);

/* One line in pregon's shape, "WHERE:LINE:COL: error: MESSAGE; HINT" (no
 * position when `line` is 0, no hint when NULL), for the API's refusals
 * and the server's own errors.  Caller frees. */
char *serve_api_diag(const char *where, int line, int col, const char *message,
		     const char *hint);

/* {"error": message}, for answers that are not reports.  Caller frees. */
char *serve_api_error(const char *message);

/* GET /api/opciones: {"platforms": [...], "topics": [...]}, the ids the
 * check accepts, for the page's menus.  Caller frees. */
char *serve_api_options(void);

#endif
