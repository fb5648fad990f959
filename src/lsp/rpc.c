/* rpc.c: the framing of LSP messages and the shape of JSON-RPC 2.0.
 *
 * A header section the reader cannot use (no Content-Length, a bad value,
 * a body larger than allowed, text that is not a header) is reported once
 * and dropped, and reading goes on at the next "Content-Length:", so one
 * bad message does not end the session.  An oversized body is counted
 * off as it arrives, never stored. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "rpc.h"
#include "util.h"

static const char content_length[] = "content-length:";
#define CONTENT_LENGTH_LEN (sizeof content_length - 1)

void rpc_reader_init(rpc_reader *r, size_t max_body)
{
	memset(r, 0, sizeof *r);
	r->max_body = max_body;
}

void rpc_reader_dispose(rpc_reader *r)
{
	free(r->data);
	memset(r, 0, sizeof *r);
}

void rpc_item_dispose(rpc_item *item)
{
	json_decref(item->msg);
	json_decref(item->id);
	free(item->error);
	memset(item, 0, sizeof *item);
}

void rpc_reader_feed(rpc_reader *r, const char *data, size_t len)
{
	if (r->skip) { /* the rest of an oversized body */
		size_t n = len < r->skip ? len : r->skip;
		r->skip -= n;
		data += n;
		len -= n;
	}
	if (!len)
		return;
	if (r->start && r->start == r->len)
		r->start = r->len = 0;
	if (r->start > r->cap / 2) { /* keep the unread bytes at the front */
		memmove(r->data, r->data + r->start, r->len - r->start);
		r->len -= r->start;
		r->start = 0;
	}
	cli_grow(&r->data, &r->cap, r->len + len, 1);
	memcpy(r->data + r->len, data, len);
	r->len += len;
}

static void consume(rpc_reader *r, size_t n)
{
	r->start += n;
	if (r->start == r->len)
		r->start = r->len = 0;
}

static rpc_status fail(rpc_item *out, int code, json_t *id, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static rpc_status fail(rpc_item *out, int code, json_t *id, const char *fmt, ...)
{
	char text[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	out->code = code;
	out->error = cli_xstrdup(text);
	out->id = id ? json_incref(id) : NULL;
	return RPC_ERROR;
}

static int is_token_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* Where the next "Content-Length:" starts in [from, to), or `to`. */
static size_t find_content_length(const rpc_reader *r, size_t from, size_t to)
{
	for (size_t i = from; i + CONTENT_LENGTH_LEN <= to; i++)
		if (strncasecmp(r->data + i, content_length, CONTENT_LENGTH_LEN) == 0)
			return i;
	return to;
}

/* 1 when the unread bytes start like a header line ("Name:"), 0 when they
 * cannot, -1 when too few bytes have come to tell. */
static int starts_with_header(const rpc_reader *r)
{
	size_t i = r->start;
	while (i < r->len && i - r->start < 64 && is_token_char(r->data[i]))
		i++;
	if (i == r->len && i - r->start < 64)
		return -1;
	return i > r->start && i < r->len && r->data[i] == ':';
}

/* Drop bytes up to the next header; 1 when one was found. */
static int skip_junk(rpc_reader *r)
{
	size_t at = find_content_length(r, r->start, r->len);
	if (at == r->len) {
		/* keep a tail that may be the start of a split header */
		size_t keep = r->len - r->start < CONTENT_LENGTH_LEN
				      ? r->len - r->start
				      : CONTENT_LENGTH_LEN - 1;
		r->junk += r->len - r->start - keep;
		consume(r, r->len - r->start - keep);
		return 0;
	}
	r->junk += at - r->start;
	consume(r, at - r->start);
	return 1;
}

/* The value of a Content-Length header line [s, e) after its name:
 * blanks, digits, blanks.  -1 when it is not a number that fits. */
static long long parse_length(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (s == e || e - s > 15)
		return -1;
	long long n = 0;
	for (; s < e; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
	}
	return n;
}

/* Read the header section [s, e) (lines ending in CRLF, the blank line
 * excluded).  The body's length, or -1 with *why set. */
static long long parse_headers(const char *s, const char *e, const char **why)
{
	long long length = -1;
	while (s < e) {
		const char *eol = memmem(s, (size_t)(e - s), "\r\n", 2);
		const char *end = eol ? eol : e;
		const char *colon = memchr(s, ':', (size_t)(end - s));
		if (!colon || colon == s) {
			*why = _("una línea de la cabecera no tiene la forma «Nombre: valor»");
			return -1;
		}
		for (const char *c = s; c < colon; c++)
			if (!is_token_char(*c)) {
				*why = _("una línea de la cabecera no tiene la forma «Nombre: valor»");
				return -1;
			}
		if ((size_t)(colon + 1 - s) == CONTENT_LENGTH_LEN &&
		    strncasecmp(s, content_length, CONTENT_LENGTH_LEN) == 0) {
			length = parse_length(colon + 1, end);
			if (length < 0) {
				*why = _("el valor de Content-Length no es un número de bytes");
				return -1;
			}
		}
		s = eol ? eol + 2 : e;
	}
	if (length < 0)
		*why = _("falta la cabecera Content-Length");
	return length;
}

static int is_id(const json_t *id)
{
	return json_is_string(id) || json_is_integer(id);
}

/* A request has a method and an id, a notification a method and no id, a
 * response an id and a result or an error. */
static rpc_status check_shape(rpc_item *out, json_t *msg)
{
	if (!json_is_object(msg))
		return fail(out, RPC_INVALID_REQUEST, NULL, "%s",
			    _("el mensaje no es un objeto JSON-RPC"));
	json_t *id = json_object_get(msg, "id");
	json_t *valid_id = is_id(id) ? id : NULL;
	const char *version = json_string_value(json_object_get(msg, "jsonrpc"));
	if (!version || strcmp(version, "2.0") != 0)
		return fail(out, RPC_INVALID_REQUEST, valid_id, "%s",
			    _("falta «\"jsonrpc\": \"2.0\"» en el mensaje"));
	if (id && !valid_id && !json_is_null(id))
		return fail(out, RPC_INVALID_REQUEST, NULL, "%s",
			    _("el «id» del mensaje debe ser un número entero o una cadena"));
	json_t *method = json_object_get(msg, "method");
	if (method) {
		if (!json_is_string(method))
			return fail(out, RPC_INVALID_REQUEST, valid_id, "%s",
				    _("el «method» del mensaje debe ser una cadena"));
		json_t *params = json_object_get(msg, "params");
		if (params && !json_is_object(params) && !json_is_array(params))
			return fail(out, RPC_INVALID_REQUEST, valid_id, "%s",
				    _("los «params» del mensaje deben ser un objeto o una lista"));
		if (id && !valid_id)
			return fail(out, RPC_INVALID_REQUEST, NULL, "%s",
				    _("el «id» del mensaje debe ser un número entero o una cadena"));
	} else if (!id || (!json_object_get(msg, "result") && !json_object_get(msg, "error"))) {
		return fail(out, RPC_INVALID_REQUEST, valid_id, "%s",
			    _("el mensaje no tiene «method» ni es una respuesta"));
	}
	out->msg = json_incref(msg);
	return RPC_MESSAGE;
}

rpc_status rpc_reader_next(rpc_item *out, rpc_reader *r)
{
	memset(out, 0, sizeof *out);
	if (r->start == r->len)
		return RPC_NONE;
	int header = starts_with_header(r);
	if (header < 0)
		return RPC_NONE;
	if (header == 0 || r->junk) {
		if (header == 0 && !skip_junk(r))
			return RPC_NONE;
		size_t n = r->junk;
		r->junk = 0;
		return fail(out, RPC_PARSE_ERROR, NULL,
			    _("se descartaron %zu bytes que no eran un mensaje (falta la cabecera Content-Length)"),
			    n);
	}
	size_t avail = r->len - r->start;
	size_t window = avail < RPC_MAX_HEADER ? avail : RPC_MAX_HEADER;
	const char *s = r->data + r->start;
	const char *end = memmem(s, window, "\r\n\r\n", 4);
	if (!end) {
		if (avail < RPC_MAX_HEADER)
			return RPC_NONE;
		consume(r, RPC_MAX_HEADER);
		return fail(out, RPC_PARSE_ERROR, NULL,
			    _("la cabecera del mensaje pasa de %d bytes"),
			    RPC_MAX_HEADER);
	}
	size_t header_len = (size_t)(end - s) + 4;
	const char *why = NULL;
	long long length = parse_headers(s, end, &why);
	if (length < 0) {
		consume(r, header_len);
		return fail(out, RPC_PARSE_ERROR, NULL, "%s", why);
	}
	if ((unsigned long long)length > r->max_body) {
		consume(r, header_len);
		size_t here = r->len - r->start;
		size_t drop = (unsigned long long)length < here ? (size_t)length : here;
		consume(r, drop);
		r->skip = (size_t)length - drop;
		return fail(out, RPC_PARSE_ERROR, NULL,
			    _("un mensaje de %lld bytes pasa del máximo de %zu; se descarta"),
			    length, r->max_body);
	}
	if (avail - header_len < (size_t)length)
		return RPC_NONE;
	json_error_t err;
	json_t *msg = json_loadb(s + header_len, (size_t)length,
				 JSON_ALLOW_NUL, &err);
	consume(r, header_len + (size_t)length);
	if (!msg)
		return fail(out, RPC_PARSE_ERROR, NULL,
			    _("el cuerpo del mensaje no es JSON válido (línea %d, columna %d)"),
			    err.line, err.column);
	rpc_status st = check_shape(out, msg);
	json_decref(msg);
	return st;
}

int rpc_write(int fd, const json_t *msg)
{
	char *body = json_dumps(msg, JSON_COMPACT);
	if (!body) {
		errno = ENOMEM;
		return -1;
	}
	/* one write for the header and the body (json_dumps escapes NULs) */
	size_t len = strlen(body);
	size_t cap = len + 64;
	char *frame = cli_xalloc(cap);
	size_t total = (size_t)snprintf(frame, cap, "Content-Length: %zu\r\n\r\n%s", len, body);
	free(body);
	size_t done = 0;
	int rc = 0;
	while (done < total) {
		ssize_t n = write(fd, frame + done, total - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = -1;
			break;
		}
		done += (size_t)n;
	}
	free(frame);
	return rc;
}
