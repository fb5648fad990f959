/* test_lsp_rpc.c: the language server's message reader: whole messages
 * split anywhere, framing errors that leave the session usable, the body
 * limit, and the shape of JSON-RPC. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lsp/rpc.h"

static void feed(rpc_reader *r, const char *s)
{
	rpc_reader_feed(r, s, strlen(s));
}

/* The next item must be a message whose "id" is `id`. */
static void expect_message(rpc_reader *r, int id)
{
	rpc_item item;
	assert_int_equal(rpc_reader_next(&item, r), RPC_MESSAGE);
	assert_int_equal(json_integer_value(json_object_get(item.msg, "id")), id);
	rpc_item_dispose(&item);
}

/* The next item must be an error with this code, and `fragment` in it. */
static void expect_error(rpc_reader *r, int code, const char *fragment)
{
	rpc_item item;
	assert_int_equal(rpc_reader_next(&item, r), RPC_ERROR);
	assert_int_equal(item.code, code);
	assert_non_null(strstr(item.error, fragment));
	rpc_item_dispose(&item);
}

static void expect_none(rpc_reader *r)
{
	rpc_item item;
	assert_int_equal(rpc_reader_next(&item, r), RPC_NONE);
}

static const char request[] = "Content-Length: 44\r\n\r\n"
			      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}";

static void test_split_anywhere(void **state)
{
	(void)state;
	size_t n = strlen(request);
	for (size_t cut = 0; cut <= n; cut++) {
		rpc_reader r;
		rpc_reader_init(&r, 1024);
		rpc_reader_feed(&r, request, cut);
		if (cut < n)
			expect_none(&r);
		rpc_reader_feed(&r, request + cut, n - cut);
		expect_message(&r, 1);
		expect_none(&r);
		rpc_reader_dispose(&r);
	}
}

static void test_headers(void **state)
{
	(void)state;
	rpc_reader r;
	rpc_reader_init(&r, 1024);
	/* any case, blanks around the value, another header */
	feed(&r, "content-length:  38 \r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
		 "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":null}");
	expect_message(&r, 2);
	feed(&r, "Content-Length: doce\r\n\r\n");
	expect_error(&r, RPC_PARSE_ERROR, "Content-Length");
	feed(&r, "Content-Type: x\r\n\r\n");
	expect_error(&r, RPC_PARSE_ERROR, "falta la cabecera Content-Length");
	/* not a header: dropped, and reported when a header comes */
	feed(&r, "Content-Length 5\r\n\r\n");
	expect_none(&r);
	feed(&r, request);
	expect_error(&r, RPC_PARSE_ERROR, "se descartaron 20 bytes");
	expect_message(&r, 1);
	expect_none(&r);
	rpc_reader_dispose(&r);
}

/* A short Content-Length leaves junk before the next header: it is
 * reported once and skipped. */
static void test_resync_after_junk(void **state)
{
	(void)state;
	rpc_reader r;
	rpc_reader_init(&r, 1024);
	feed(&r, "Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\"}");
	expect_error(&r, RPC_PARSE_ERROR, "no es JSON");
	expect_none(&r); /* the junk waits for a header, or more junk */
	feed(&r, request);
	expect_error(&r, RPC_PARSE_ERROR, "se descartaron 12 bytes");
	expect_message(&r, 1);
	expect_none(&r);
	rpc_reader_dispose(&r);
}

/* A body over the limit is dropped as it comes, never stored. */
static void test_oversized_body(void **state)
{
	(void)state;
	rpc_reader r;
	rpc_reader_init(&r, 64);
	feed(&r, "Content-Length: 100000\r\n\r\n");
	expect_error(&r, RPC_PARSE_ERROR, "100000 bytes pasa del máximo de 64");
	char spaces[1000];
	memset(spaces, ' ', sizeof spaces);
	for (int i = 0; i < 100; i++)
		rpc_reader_feed(&r, spaces, sizeof spaces);
	assert_true(r.cap <= 1024);
	expect_none(&r);
	feed(&r, request);
	expect_message(&r, 1);
	rpc_reader_dispose(&r);
}

static void test_long_header(void **state)
{
	(void)state;
	rpc_reader r;
	rpc_reader_init(&r, 1024);
	char header[RPC_MAX_HEADER + 100];
	memset(header, 'x', sizeof header);
	header[0] = 'X'; /* "X-:xxx...": a header line that never ends */
	header[1] = '-';
	header[2] = ':';
	rpc_reader_feed(&r, header, sizeof header);
	expect_error(&r, RPC_PARSE_ERROR, "pasa de 4096 bytes");
	feed(&r, "\r\n\r\n");
	feed(&r, request);
	expect_error(&r, RPC_PARSE_ERROR, "descartaron");
	expect_message(&r, 1);
	rpc_reader_dispose(&r);
}

static void message(rpc_reader *r, const char *body)
{
	char text[512];
	snprintf(text, sizeof text, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
	feed(r, text);
}

static void test_shape(void **state)
{
	(void)state;
	rpc_reader r;
	rpc_reader_init(&r, 1024);
	message(&r, "[1]");
	expect_error(&r, RPC_INVALID_REQUEST, "no es un objeto");
	message(&r, "{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"x\"}");
	rpc_item item;
	assert_int_equal(rpc_reader_next(&item, &r), RPC_ERROR);
	assert_int_equal(json_integer_value(item.id), 3); /* the reply names it */
	rpc_item_dispose(&item);
	message(&r, "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"x\"}");
	assert_int_equal(rpc_reader_next(&item, &r), RPC_ERROR);
	assert_null(item.id);
	rpc_item_dispose(&item);
	message(&r, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"x\",\"params\":1}");
	expect_error(&r, RPC_INVALID_REQUEST, "params");
	message(&r, "{\"jsonrpc\":\"2.0\",\"id\":5}");
	expect_error(&r, RPC_INVALID_REQUEST, "ni es una respuesta");
	message(&r, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
	assert_int_equal(rpc_reader_next(&item, &r), RPC_MESSAGE);
	rpc_item_dispose(&item);
	expect_none(&r);
	rpc_reader_dispose(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_anywhere),
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_resync_after_junk),
		cmocka_unit_test(test_oversized_body),
		cmocka_unit_test(test_long_header),
		cmocka_unit_test(test_shape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
