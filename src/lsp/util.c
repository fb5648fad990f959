/* util.c: allocation and file reading for the language server. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

static void out_of_memory(void)
{
	fputs("pregon lsp: memoria agotada\n", stderr);
	abort();
}

void *lsp_xalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *lsp_xresize(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory();
	return q;
}

char *lsp_xdupn(const char *s, size_t n)
{
	char *p = lsp_xalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *lsp_xdup(const char *s)
{
	return lsp_xdupn(s, strlen(s));
}

void lsp_grow(void *items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	void **p = items;
	*p = lsp_xresize(*p, n * size);
	*cap = n;
}

int lsp_read_file(char **out, size_t *out_len, const char *path)
{
	*out = NULL;
	/* before opening: opening a FIFO would block the server */
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	if (!S_ISREG(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return -1;
	}
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 4096, len = 0, n;
	char *p = lsp_xalloc(cap);
	while ((n = fread(p + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (len + 1 == cap)
			p = lsp_xresize(p, cap *= 2);
	}
	int failed = ferror(f);
	fclose(f);
	if (failed) {
		free(p);
		errno = EIO;
		return -1;
	}
	p[len] = '\0';
	*out = p;
	*out_len = len;
	return 0;
}
