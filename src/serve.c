/* serve.c: `pregon serve`, a page for the people who write the posts.  An
 * HTTP server on libmicrohttpd that serves one page (embedded, see
 * serve/assets.h) and checks drafts through POST /api/check (serve/api.h).
 * The engine is built once and shared by the server's threads.
 *
 * Safe on a shared network: loopback by default (beyond it only with
 * --token), a request-size limit, idle timeouts, a bounded number of
 * connections, a fixed set of routes (no file-system access), security
 * headers with a content security policy without 'unsafe-inline', and no
 * logging at all: nothing a draft holds is ever printed. */
#include <arpa/inet.h>
#include <errno.h>
#include <libintl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "pregon.h"
#include "cli/common.h"
#include "serve.h"
#include "serve/api.h"
#include "serve/assets.h"

#define _(s) dgettext("pregon", s)
#define N_(s) (s)

/* Limits of one server.  A draft is at most 63,206 characters (Facebook),
 * about 250 KB of UTF-8: a request of 512 KiB holds any of them, and the
 * connection limit bounds the memory of the uploads (64 MiB).  One
 * address may hold half the connections: an office behind one router is
 * one address, and a client with its own pool opens more connections than
 * it has requests under way. */
enum {
	MAX_REQUEST = 512 * 1024,
	MAX_DROPPED = 4 * MAX_REQUEST,
	MAX_CONNECTIONS = 128,
	MAX_PER_ADDRESS = 64,
	IDLE_TIMEOUT_S = 15,
	MIN_TOKEN = 16
};

/* Every answer carries these.  The page's script and style are files of
 * their own, so the policy needs no 'unsafe-inline'. */
static const char *const security_headers[][2] = {
	{ "Content-Security-Policy",
	  "default-src 'none'; script-src 'self'; style-src 'self'; "
	  "connect-src 'self'; img-src 'self'; base-uri 'none'; "
	  "form-action 'none'; frame-ancestors 'none'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "X-Frame-Options", "DENY" },
	{ "Referrer-Policy", "no-referrer" },
	{ "Cross-Origin-Opener-Policy", "same-origin" },
	{ "Cross-Origin-Resource-Policy", "same-origin" },
	{ "Cache-Control", "no-store" },
};

/* The page's files, by URL. */
static const struct {
	const char *url;
	const char *asset;
	const char *type;
} pages[] = {
	{ "/", "page.html", "text/html; charset=utf-8" },
	{ "/page.css", "page.css", "text/css; charset=utf-8" },
	{ "/page.js", "page.js", "text/javascript; charset=utf-8" },
};

#define JSON_TYPE "application/json; charset=utf-8"

typedef struct {
	pregon_engine *engine;
	const char *token; /* NULL: none asked */
	int local_only;    /* no token: only a Host naming this machine */
} server;

/* What a request collects between the calls of the access handler: only a
 * check keeps its body; a refused one is read and dropped, so that the
 * answer is not lost to a connection reset over unread bytes. */
typedef struct {
	char *data;
	size_t len;
	size_t dropped;       /* bytes read and not kept */
	int too_big;
	unsigned refusal;     /* an HTTP status decided by the headers, or 0 */
	const char *why;      /* its message */
} upload;

typedef struct {
	const char *listen;
	const char *token;
	const char *config;
	int no_config;
	const char **rules;
	size_t n_rules;
	pregon_lang lang;
	int help;
} serve_cli;

enum { OPT_LISTEN, OPT_TOKEN, OPT_CONFIG, OPT_NO_CONFIG, OPT_RULES };

static const cli_option serve_options[] = {
	{ "listen", 0, N_("DIRECCIÓN:PUERTO"), OPT_LISTEN, N_("dónde escuchar (127.0.0.1:8080 por omisión; puerto 0: uno libre, que se imprime)") },
	{ "token", 0, N_("TOKEN"), OPT_TOKEN, N_("exige «Authorization: Bearer TOKEN» en la API (al menos 16 caracteres); obligatorio fuera de la interfaz local") },
	{ "config", 0, N_("ARCHIVO"), OPT_CONFIG, N_("configuración (.pregon.yaml); sin ella, la más cercana a la carpeta actual") },
	{ "no-config", 0, NULL, OPT_NO_CONFIG, N_("no busca ni lee ningún .pregon.yaml") },
	{ "rules", 0, N_("RUTA"), OPT_RULES, N_("conjunto de reglas en lugar de los predeterminados; repetible") },
	CLI_OPTION_LANG,
	CLI_OPTION_HELP,
};

#define N_SERVE_OPTIONS (sizeof serve_options / sizeof *serve_options)

/* One option of `pregon serve` (cli_parse's callback). */
static int set_option(void *state, int id, const char *v)
{
	serve_cli *c = state;
	switch (id) {
	case OPT_LISTEN:
		c->listen = v;
		break;
	case OPT_TOKEN:
		if (strlen(v) < MIN_TOKEN) {
			cli_usage_error("%s", _("el token de --token es demasiado corto; use al menos 16 caracteres al azar"));
			return -1;
		}
		c->token = v;
		break;
	case OPT_CONFIG:
		c->config = v;
		break;
	case OPT_NO_CONFIG:
		c->no_config = 1;
		break;
	case OPT_RULES:
		c->rules[c->n_rules++] = v;
		break;
	default: /* an operand: serve takes none */
		cli_usage_error(_("argumento inesperado «%s»; pregon serve no revisa archivos"), v);
		return -1;
	}
	return 0;
}

static int parse_serve_args(serve_cli *c, int argc, char **argv)
{
	memset(c, 0, sizeof *c);
	c->listen = "127.0.0.1:8080";
	c->lang = cli_early_lang(argc, argv);
	c->rules = cli_xalloc((size_t)argc * sizeof *c->rules);
	int rc = cli_parse(argc, argv, serve_options, N_SERVE_OPTIONS, set_option, c);
	c->help = rc == 1;
	return rc < 0 ? -1 : 0;
}

/* --listen HOST:PORT, [IPV6]:PORT or localhost:PORT, numeric only: no name
 * is looked up.  0 and *out (freed with freeaddrinfo), or -1 printed. */
static int parse_listen(struct addrinfo **out, const char *listen)
{
	const char *colon = strrchr(listen, ':');
	const char *h = listen;
	size_t hlen = colon ? (size_t)(colon - listen) : 0;
	if (hlen >= 2 && h[0] == '[' && h[hlen - 1] == ']') {
		h++;
		hlen -= 2;
	}
	char host[128];
	if (colon && hlen > 0 && hlen < sizeof host && colon[1]) {
		memcpy(host, h, hlen);
		host[hlen] = '\0';
		if (strcmp(host, "localhost") == 0)
			snprintf(host, sizeof host, "127.0.0.1");
		struct addrinfo hints = { 0 };
		hints.ai_family = AF_UNSPEC;
		hints.ai_socktype = SOCK_STREAM;
		hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
		char *end;
		long port = strtol(colon + 1, &end, 10);
		if (!*end && port >= 0 && port <= 65535 &&
		    getaddrinfo(host, colon + 1, &hints, out) == 0)
			return 0;
	}
	cli_usage_error(_("dirección no válida «%s» para --listen; use DIRECCIÓN:PUERTO, como 127.0.0.1:8080"),
		    listen);
	return -1;
}

static int is_loopback(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
		return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	}
	const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
	return IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
}

/* ---- answers ----------------------------------------------------------- */

/* Queue `body` (`own`: the answer frees it; else static) with its type and
 * the security headers. */
static enum MHD_Result answer(struct MHD_Connection *conn, unsigned status,
			      const char *type, const void *body, size_t len,
			      int own, const char *allow)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
		len, (void *)body, own ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!r) {
		if (own)
			free((void *)body);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	for (size_t i = 0; i < sizeof security_headers / sizeof *security_headers; i++)
		MHD_add_response_header(r, security_headers[i][0], security_headers[i][1]);
	if (allow)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, allow);
	if (status == MHD_HTTP_UNAUTHORIZED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
					"Bearer realm=\"pregon\"");
	enum MHD_Result rc = MHD_queue_response(conn, status, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result answer_json(struct MHD_Connection *conn, unsigned status,
				   char *body)
{
	return answer(conn, status, JSON_TYPE, body, strlen(body), 1, NULL);
}

static enum MHD_Result refuse(struct MHD_Connection *conn, unsigned status,
			      const char *message, const char *allow)
{
	char *body = serve_api_error(message);
	return answer(conn, status, JSON_TYPE, body, strlen(body), 1, allow);
}

static const serve_asset *find_asset(const char *name)
{
	for (const serve_asset *a = serve_assets; a->name; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

/* Compared in constant time: how long a guess matched must not show. */
static int token_matches(const char *given, const char *token)
{
	size_t n = strlen(token), m = strlen(given);
	unsigned char diff = (unsigned char)(n != m);
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned char)(token[i] ^ given[i < m ? i : 0]);
	return diff == 0;
}

static int authorized(const server *s, struct MHD_Connection *conn)
{
	if (!s->token)
		return 1;
	const char *h = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						    MHD_HTTP_HEADER_AUTHORIZATION);
	return h && strncmp(h, "Bearer ", 7) == 0 && token_matches(h + 7, s->token);
}

/* What the headers of a POST /api/check already refuse: its status and
 * *why, or 0. */
static unsigned refusal_of(const server *s, struct MHD_Connection *conn,
			   const char **why)
{
	const char *type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						       MHD_HTTP_HEADER_CONTENT_TYPE);
	if (!authorized(s, conn)) {
		*why = _("falta el token o no es el del servidor; envíe «Authorization: Bearer TOKEN»");
		return MHD_HTTP_UNAUTHORIZED;
	}
	/* a form of another site cannot send this type without asking
	 * first, and nothing here answers that question */
	if (!type || strncasecmp(type, "application/json", 16) != 0 ||
	    (type[16] && type[16] != ';' && type[16] != ' ')) {
		*why = _("la solicitud debe ser JSON (Content-Type: application/json)");
		return MHD_HTTP_UNSUPPORTED_MEDIA_TYPE;
	}
	return 0;
}

/* A body announced beyond the limit is never read: refused at once. */
static int announced_too_big(struct MHD_Connection *conn)
{
	const char *length = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							 MHD_HTTP_HEADER_CONTENT_LENGTH);
	return length && strtoull(length, NULL, 10) > MAX_REQUEST;
}

/* What is not the check: the page's files and the options. */
static enum MHD_Result handle_other(struct MHD_Connection *conn, const char *url,
				    const char *method)
{
	int get = strcmp(method, MHD_HTTP_METHOD_GET) == 0 ||
		  strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
	if (strcmp(url, "/api/check") == 0)
		return refuse(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
			      _("/api/check solo acepta POST"), "POST");
	if (strcmp(url, "/api/opciones") == 0) {
		if (get)
			return answer_json(conn, MHD_HTTP_OK, serve_api_options());
		return refuse(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
			      _("/api/opciones solo acepta GET"), "GET, HEAD");
	}
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		if (strcmp(url, pages[i].url) != 0)
			continue;
		if (!get)
			return refuse(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
				      _("la página solo se pide con GET"), "GET, HEAD");
		const serve_asset *a = find_asset(pages[i].asset);
		return answer(conn, MHD_HTTP_OK, pages[i].type, a->data, a->len, 0, NULL);
	}
	if (strcmp(url, "/favicon.ico") == 0) /* browsers ask: none, and no error */
		return answer(conn, MHD_HTTP_NO_CONTENT, "image/x-icon", "", 0, 0, NULL);
	return refuse(conn, MHD_HTTP_NOT_FOUND,
		      _("no existe esa dirección; la página está en /"), NULL);
}

/* libmicrohttpd calls this first with the headers, then with each piece of
 * the body, then once more with none.  Answering only then keeps the
 * connection open for the next request; a check refused by its headers is
 * answered at once, before its body is read. */
/* A Host header that names the local machine: localhost, 127.x.x.x or
 * [::1], with any port.  A web page elsewhere that rebinds its own name to
 * 127.0.0.1 sends its own name here, and is refused. */
static int local_host(const char *host)
{
	if (!host)
		return 0;
	size_t n = strcspn(host, host[0] == '[' ? "]" : ":");
	if (host[0] == '[')
		return strncmp(host, "[::1]", 5) == 0 && (host[5] == '\0' || host[5] == ':');
	if (n == 9 && strncmp(host, "localhost", 9) == 0)
		return 1;
	if (strncmp(host, "127.", 4) != 0)
		return 0;
	for (size_t i = 4; i < n; i++)
		if (!((host[i] >= '0' && host[i] <= '9') || host[i] == '.'))
			return 0;
	return 1;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn,
			      const char *url, const char *method,
			      const char *version, const char *data,
			      size_t *data_size, void **ctx)
{
	(void)version;
	const server *s = cls;
	int check = strcmp(url, "/api/check") == 0 &&
		    strcmp(method, MHD_HTTP_METHOD_POST) == 0;
	upload *u = *ctx;
	if (!u) {
		if (s->local_only &&
		    !local_host(MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							    MHD_HTTP_HEADER_HOST)))
			return refuse(conn, MHD_HTTP_FORBIDDEN,
				      _("este servidor solo atiende a esta máquina: abra la página con localhost o 127.0.0.1"),
				      NULL);
		if (check && announced_too_big(conn))
			return refuse(conn, MHD_HTTP_CONTENT_TOO_LARGE,
				      _("la solicitud pasa del límite de 512 KiB"), NULL);
		*ctx = u = calloc(1, sizeof *u);
		if (u && check)
			u->refusal = refusal_of(s, conn, &u->why);
		return u ? MHD_YES : MHD_NO;
	}
	if (*data_size) {
		/* a body without Content-Length is cut at the limit too; what
		 * is not kept is dropped, up to a bound that ends a sender
		 * that never stops */
		if (check && !u->refusal && !u->too_big && u->len + *data_size <= MAX_REQUEST) {
			char *p = realloc(u->data, u->len + *data_size);
			if (!p)
				return MHD_NO;
			u->data = p;
			memcpy(u->data + u->len, data, *data_size);
			u->len += *data_size;
		} else {
			u->too_big = check && !u->refusal;
			u->dropped += *data_size;
			if (u->dropped > MAX_DROPPED)
				return MHD_NO;
		}
		*data_size = 0;
		return MHD_YES;
	}
	if (!check)
		return handle_other(conn, url, method);
	if (u->refusal)
		return refuse(conn, u->refusal, u->why, NULL);
	if (u->too_big)
		return refuse(conn, MHD_HTTP_CONTENT_TOO_LARGE,
			      _("la solicitud pasa del límite de 512 KiB"), NULL);
	char day[11];
	pregon_today_or_env(day);
	serve_answer a;
	serve_api_check(&a, s->engine, u->data ? u->data : "", u->len, day);
	return answer_json(conn, a.status, a.body);
}

static void request_done(void *cls, struct MHD_Connection *conn, void **ctx,
			 enum MHD_RequestTerminationCode why)
{
	(void)cls;
	(void)conn;
	(void)why;
	upload *u = *ctx;
	if (u)
		free(u->data);
	free(u);
	*ctx = NULL;
}

/* ---- the server -------------------------------------------------------- */

static int run(const serve_cli *c, server *s, const struct addrinfo *ai)
{
	/* the server's threads inherit the mask: only sigwait() below
	 * takes these */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	/* a thread per connection: the connection limit is one bound for the
	 * whole server (a pool would split it among its threads), and a
	 * slow check holds up no other connection */
	unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
			 MHD_USE_AUTO | (ai->ai_family == AF_INET6 ? MHD_USE_IPv6 : 0);
	errno = 0;
	struct MHD_Daemon *d = MHD_start_daemon(
		flags, 0, NULL, NULL, handle, s,
		MHD_OPTION_SOCK_ADDR, ai->ai_addr,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)MAX_PER_ADDRESS,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_TIMEOUT_S,
		MHD_OPTION_NOTIFY_COMPLETED, request_done, NULL,
		MHD_OPTION_END);
	if (!d) {
		char message[512];
		snprintf(message, sizeof message, _("no se puede escuchar en «%s»: %s"), c->listen,
			 errno ? pregon_strerror(errno) : _("la dirección está ocupada o no es de esta máquina"));
		char *line = serve_api_diag("pregon serve", 0, 0, message, NULL);
		fprintf(stderr, "%s\n", line);
		free(line);
		return EXIT_TROUBLE;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	char host[INET6_ADDRSTRLEN];
	getnameinfo(ai->ai_addr, ai->ai_addrlen, host, sizeof host, NULL, 0, NI_NUMERICHOST);
	const char *open = ai->ai_family == AF_INET6 ? "[" : "";
	const char *close = ai->ai_family == AF_INET6 ? "]" : "";
	printf("%s http://%s%s%s:%u/\n", _("pregon serve: la página está en"), open,
	       host, close, info ? (unsigned)info->port : 0);
	fflush(stdout);
	int sig;
	sigwait(&stop, &sig);
	MHD_stop_daemon(d);
	return EXIT_CLEAN;
}

int pregon_cli_serve(int argc, char **argv)
{
	serve_cli c;
	int status = EXIT_TROUBLE;
	struct addrinfo *ai = NULL;
	server s = { NULL, NULL, 0 };
	cli_engines engines = { 0 };
	if (parse_serve_args(&c, argc, argv))
		goto cleanup;
	if (c.help) {
		cli_print_help(_("Uso: pregon serve [OPCIONES]"),
			       _("Sirve una página para revisar borradores en el navegador: se pega el texto, se eligen la plataforma y la fecha, y se ven los hallazgos al escribir."),
			       serve_options, N_SERVE_OPTIONS);
		status = EXIT_CLEAN;
		goto cleanup;
	}
	if (parse_listen(&ai, c.listen))
		goto cleanup;
	if (!is_loopback(ai->ai_addr) && !c.token) {
		cli_usage_error(_("«%s» no es la interfaz local: fuera de ella la API exige --token"),
			    c.listen);
		goto cleanup;
	}
	/* the engine of the working directory, as the command builds it for
	 * standard input */
	cli_engine_spec spec = { c.config, c.no_config, c.rules, c.n_rules, c.lang };
	if (cli_engine_for(&s.engine, &engines, &spec, NULL))
		goto cleanup;
	s.token = c.token;
	s.local_only = c.token == NULL;
	status = run(&c, &s, ai);
cleanup:
	cli_engines_dispose(&engines);
	if (ai)
		freeaddrinfo(ai);
	free(c.rules);
	return status;
}
