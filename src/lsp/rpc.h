/* rpc.h: JSON-RPC 2.0 messages over the base protocol of the Language
 * Server Protocol (LSP 3.17 "Base Protocol"):
 *
 *   Content-Length: <bytes of the body>\r\n
 *   \r\n
 *   <UTF-8 JSON body>
 *
 * The reader takes bytes as they arrive and hands out whole messages or
 * framing errors, with its memory bounded by the largest message it
 * accepts: a longer body is skipped without being stored. */
#ifndef PREGON_LSP_RPC_H
#define PREGON_LSP_RPC_H

#include <jansson.h>
#include <stddef.h>

/* The error codes of JSON-RPC and LSP. */
enum {
	RPC_PARSE_ERROR = -32700,
	RPC_INVALID_REQUEST = -32600,
	RPC_METHOD_NOT_FOUND = -32601,
	RPC_INVALID_PARAMS = -32602,
	RPC_INTERNAL_ERROR = -32603,
	RPC_SERVER_NOT_INITIALIZED = -32002,
	RPC_REQUEST_FAILED = -32803
};

/* The header section's limit, in bytes. */
#define RPC_MAX_HEADER 4096

typedef struct {
	char *data;
	size_t start, len, cap; /* unread bytes: data[start, len) */
	size_t max_body;        /* the largest body accepted, in bytes */
	size_t skip;            /* bytes of an oversized body still to drop */
	size_t junk;            /* bytes dropped while looking for a header */
} rpc_reader;

typedef enum {
	RPC_NONE,    /* no whole message yet: feed more bytes */
	RPC_MESSAGE, /* out->msg: a request, notification or response */
	RPC_ERROR    /* out->code, out->error (and out->id when known) */
} rpc_status;

typedef struct {
	json_t *msg;    /* an object with "jsonrpc": "2.0" and a valid shape */
	int code;       /* RPC_PARSE_ERROR or RPC_INVALID_REQUEST */
	char *error;    /* the reason, in the process's language */
	json_t *id;     /* the request's id, or NULL (the reply's id is null) */
} rpc_item;

void rpc_reader_init(rpc_reader *r, size_t max_body);
void rpc_reader_dispose(rpc_reader *r);

/* Append bytes read from the client. */
void rpc_reader_feed(rpc_reader *r, const char *data, size_t len);

/* The next message or framing error; RPC_NONE when the bytes fed so far
 * hold no more.  The caller releases *out with rpc_item_dispose(). */
rpc_status rpc_reader_next(rpc_item *out, rpc_reader *r);
void rpc_item_dispose(rpc_item *item);

/* Write one message, framed, to `fd`, retrying short writes.  0, or -1
 * with errno set when the client is gone. */
int rpc_write(int fd, const json_t *msg);

#endif
