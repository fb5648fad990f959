/* shared.c: the helpers of format.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "../text.h"

pregon_column_unit fmt_unit(const pregon_format_options *opts)
{
	return opts ? opts->column_unit : PREGON_COLUMN_CHAR;
}

int fmt_column(const pregon_report *r, size_t offset, int col,
	       pregon_column_unit unit)
{
	if (unit == PREGON_COLUMN_CHAR || !r->input)
		return col;
	const char *in = r->input;
	if (offset > r->input_len)
		offset = r->input_len;
	size_t start = offset;
	while (start > 0 && in[start - 1] != '\n')
		start--;
	if (start == 0 && r->input_len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
		start = offset < 3 ? offset : 3;
	if (unit == PREGON_COLUMN_BYTE)
		return (int)(offset - start) + 1;
	int units = 0;
	for (size_t i = start; i < offset;) {
		int32_t cp;
		i += (size_t)text_decode(in + i, offset - i, &cp);
		units += cp >= 0x10000 ? 2 : 1; /* a surrogate pair */
	}
	return units + 1;
}

int fmt_absolute(const char *path)
{
	return path[0] == '/';
}

void fmt_put_uri(buf *b, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (fmt_absolute(path))
		buf_puts(b, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

void fmt_put_xml(buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&apos;"); break;
		default:
			if (*p < 0x20)
				buf_printf(b, "&#%u;", *p);
			else
				buf_putc(b, (char)*p);
		}
	}
}

void fmt_put_one_line(buf *b, const char *s)
{
	for (; *s; s++)
		buf_putc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
}

char *fmt_json_finish(json_t *root, size_t flags)
{
	char *s = json_dumps(root, flags);
	json_decref(root);
	if (!s) {
		fputs("pregon: memoria agotada\n", stderr);
		abort();
	}
	size_t len = strlen(s);
	char *out = xmalloc(len + 2);
	memcpy(out, s, len);
	out[len] = '\n';
	out[len + 1] = '\0';
	free(s);
	return out;
}

const char *fmt_sarif_level(pregon_severity s)
{
	static const char *const level[] = { "note", "warning", "error" };
	return level[s];
}

char *pregon_report_fingerprints(const pregon_report *r)
{
	size_t n = r->n_findings;
	char *out = xcalloc(n ? n : 1, PREGON_FINGERPRINT_SIZE);
	uint64_t *hashes = xmalloc((n ? n : 1) * sizeof *hashes);
	for (size_t i = 0; i < n; i++) {
		const pregon_finding *f = &r->findings[i];
		/* only the masked excerpt: a plain hash of a phone number or
		 * a CURP could be reversed by trying every value */
		char *shown = r->input ? pregon_report_excerpt(r, f->offset, f->length)
				       : xstrdup(f->text ? f->text : "");
		buf key;
		buf_init(&key);
		buf_puts(&key, f->rule);
		buf_putc(&key, '\0');
		buf_puts(&key, shown);
		hashes[i] = hash_bytes(key.ptr, key.len);
		buf_dispose(&key);
		free(shown);
		size_t occurrence = 0;
		for (size_t k = 0; k < i; k++)
			occurrence += hashes[k] == hashes[i];
		snprintf(out + i * PREGON_FINGERPRINT_SIZE, PREGON_FINGERPRINT_SIZE,
			 "%016llx:%zu", (unsigned long long)hashes[i], occurrence);
	}
	free(hashes);
	return out;
}
