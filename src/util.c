/* util.c: allocation, buffers, diagnostics and small string helpers. */
#include <errno.h>
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

const char *pregon_gettext(const char *msgid)
{
	return dgettext(PREGON_DOMAIN, msgid);
}

const char *pregon_ngettext(const char *one, const char *many, unsigned long n)
{
	return dngettext(PREGON_DOMAIN, one, many, n);
}

const char *pregon_strerror(int errnum)
{
	static const struct { int code; const char *text; } table[] = {
		{ ENOENT, N_("no existe el archivo o la carpeta") },
		{ EACCES, N_("permiso denegado") },
		{ EPERM, N_("operación no permitida") },
		{ EISDIR, N_("es una carpeta") },
		{ ENOTDIR, N_("una parte de la ruta no es una carpeta") },
		{ ENOSPC, N_("no queda espacio en el dispositivo") },
		{ EPIPE, N_("la salida se cerró antes de terminar") },
		{ EIO, N_("error de entrada/salida") },
		{ EROFS, N_("sistema de archivos de solo lectura") },
		{ ENAMETOOLONG, N_("nombre de archivo demasiado largo") },
		{ ELOOP, N_("demasiados enlaces simbólicos") },
		{ EMFILE, N_("demasiados archivos abiertos") },
		{ EADDRINUSE, N_("la dirección ya está en uso; elija otro puerto") },
		{ EADDRNOTAVAIL, N_("la dirección no es de esta máquina") },
	};
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (table[i].code == errnum)
			return _(table[i].text);
	return strerror(errnum);
}

static void out_of_memory(void)
{
	fputs("pregon: memoria agotada\n", stderr);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void xgrow(void *items, size_t *cap, size_t need, size_t size)
{
	void **p = items;
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	*p = xrealloc(*p, n * size);
	*cap = n;
}

void buf_init(buf *b)
{
	b->ptr = NULL;
	b->len = 0;
	b->cap = 0;
}

static void buf_reserve(buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t n = b->cap ? b->cap : 64;
	while (n < b->len + extra + 1)
		n *= 2;
	b->ptr = xrealloc(b->ptr, n);
	b->cap = n;
}

void buf_put(buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void buf_puts(buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
	buf_put(b, &c, 1);
}

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *buf_detach(buf *b)
{
	char *p = b->ptr ? b->ptr : xstrdup("");
	buf_init(b);
	return p;
}

void buf_dispose(buf *b)
{
	free(b->ptr);
	buf_init(b);
}

void pregon_diag_init(pregon_diag *diag)
{
	memset(diag, 0, sizeof *diag);
}

void pregon_diag_dispose(pregon_diag *diag)
{
	if (!diag)
		return;
	free(diag->path);
	free(diag->message);
	free(diag->hint);
	free(diag->source_line);
	pregon_diag_init(diag);
}

void diag_set(pregon_diag *diag, const char *path, int line, int col,
	      int span, const char *source_line, const char *hint,
	      const char *fmt, ...)
{
	if (!diag)
		return;
	pregon_diag_dispose(diag);
	buf b;
	buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag->message = buf_detach(&b);
	diag->path = path ? xstrdup(path) : NULL;
	diag->line = line;
	diag->col = col;
	diag->span = span > 0 ? span : 1;
	diag->hint = hint ? xstrdup(hint) : NULL;
	diag->source_line = source_line ? xstrdup(source_line) : NULL;
}

/* Display width of the first `cols` code points, for the caret line:
 * tabs are kept so that the caret lines up under them. */
static void put_caret_padding(buf *b, const char *line, int cols)
{
	const unsigned char *p = (const unsigned char *)line;
	for (int i = 0; i < cols && *p; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;
		buf_putc(b, *p == '\t' ? '\t' : ' ');
		i++;
	}
}

/* Code points of a diagnostic's line shown on each side of its column. */
#define EXCERPT_CPS 60

/* The byte after n code points of s (or its end). */
static const char *skip_cps(const char *s, int n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (int i = 0; *p; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;
		if (i++ == n)
			break;
	}
	return (const char *)p;
}

char *pregon_diag_format(const pregon_diag *diag)
{
	buf b;
	buf_init(&b);
	if (diag->path) {
		buf_puts(&b, diag->path);
		if (diag->line > 0)
			buf_printf(&b, ":%d:%d", diag->line, diag->col);
		buf_puts(&b, ": ");
	}
	buf_printf(&b, "%s: %s", _("error"),
		   diag->message ? diag->message : "");
	if (diag->hint && *diag->hint)
		buf_printf(&b, "; %s", diag->hint);
	buf_putc(&b, '\n');
	if (diag->source_line && diag->line > 0) {
		/* a long line is shown around the column, cut with "…" */
		const char *line = diag->source_line;
		int col = diag->col > 0 ? diag->col - 1 : 0, span = diag->span;
		int from = col > EXCERPT_CPS ? col - EXCERPT_CPS : 0;
		if (span > EXCERPT_CPS)
			span = EXCERPT_CPS;
		const char *start = skip_cps(line, from);
		const char *end = skip_cps(start, col - from + span + EXCERPT_CPS);
		buf shown;
		buf_init(&shown);
		buf_puts(&shown, from ? "…" : "");
		buf_put(&shown, start, (size_t)(end - start));
		buf_puts(&shown, *end ? "…" : "");
		buf_printf(&b, "%5d | %s\n", diag->line, shown.ptr);
		buf_puts(&b, "      | ");
		put_caret_padding(&b, shown.ptr, col - from + (from ? 1 : 0));
		buf_dispose(&shown);
		buf_putc(&b, '^');
		for (int i = 1; i < span; i++)
			buf_putc(&b, '~');
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

int read_file(const char *path, char **out, size_t *out_len,
	      pregon_diag *diag)
{
	*out = NULL;
	*out_len = 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_set(diag, path, 0, 0, 0, NULL, NULL,
			 _("no se puede leer el archivo: %s"), pregon_strerror(errno));
		return PREGON_EIO;
	}
	buf b;
	buf_init(&b);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(&b, chunk, n);
	int failed = ferror(f);
	int saved = errno;
	fclose(f);
	if (failed) {
		buf_dispose(&b);
		diag_set(diag, path, 0, 0, 0, NULL, NULL,
			 _("no se puede leer el archivo: %s"), pregon_strerror(saved));
		return PREGON_EIO;
	}
	*out_len = b.len;
	*out = buf_detach(&b);
	return 0;
}

char *line_at(const char *text, size_t len, size_t offset)
{
	if (offset > len)
		offset = len;
	size_t start = offset, end = offset;
	while (start > 0 && text[start - 1] != '\n')
		start--;
	while (end < len && text[end] != '\n')
		end++;
	if (end > start && text[end - 1] == '\r')
		end--;
	return xstrndup(text + start, end - start);
}

int edit_distance(const char *a, const char *b, int max)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return max + 1;
	int row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag_prev = row[0];
		row[0] = (int)i;
		int best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int cost = a[i - 1] == b[j - 1] ? 0 : 1;
			int v = diag_prev + cost;
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag_prev = up;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return row[lb];
}

const char *closest_word(const char *word, const char *const *candidates)
{
	const char *best = NULL;
	int best_d = 3;
	for (; candidates && *candidates; candidates++) {
		int d = edit_distance(word, *candidates, 2);
		if (d < best_d) {
			best_d = d;
			best = *candidates;
		}
	}
	return best;
}

uint64_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211u;
	return h;
}
