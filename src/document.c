/* document.c: front matter, Markdown prose and the line map of one post. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common.h"
#include "document.h"

const char *const doc_platforms[] = { "x", "facebook", "instagram", "threads",
				      "tiktok", "linkedin", "youtube", NULL };

/* The first four are the exceptions to the electoral blackout
 * (Const. art. 41 Base III Apartado C; LGIPE art. 209). */
const char *const doc_topics[] = {
	"educacion", "salud", "proteccion-civil", "autoridades-electorales",
	"cultura", "deporte", "seguridad", "obras", "servicios", "tramites",
	"medio-ambiente", "desarrollo-social", "economia", "turismo",
	"transparencia", "gobierno", "eventos", NULL
};

const char *const doc_fm_keys[] = { "fecha", "plataforma", "cuenta", "tema",
				    "titulo", "aval", "consulta", NULL };
const char *const doc_fm_records[] = { "aval", "consulta", NULL };

static int in_list(const char *const *list, const char *id)
{
	for (; *list; list++)
		if (strcmp(*list, id) == 0)
			return 1;
	return 0;
}

const char *const *pregon_platforms(void)
{
	return doc_platforms;
}

const char *const *pregon_topics(void)
{
	return doc_topics;
}

int doc_is_platform(const char *id)
{
	return in_list(doc_platforms, id);
}

int doc_is_topic(const char *id)
{
	return in_list(doc_topics, id);
}

static size_t line_end(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] != '\n')
		i++;
	return i;
}

/* Is s[i..e) (a line without its newline) exactly `mark`, allowing a CR
 * and trailing blanks? */
static int line_is(const char *s, size_t i, size_t e, const char *mark)
{
	size_t n = strlen(mark);
	if (e - i < n || memcmp(s + i, mark, n) != 0)
		return 0;
	for (i += n; i < e; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static void blank(char *p, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (p[i] != '\n' && p[i] != '\r')
			p[i] = ' ';
}

static size_t skip_spaces(const char *s, size_t i, size_t e, size_t max)
{
	size_t n = 0;
	while (i < e && s[i] == ' ' && n < max)
		i++, n++;
	return i;
}

/* Inline constructs that are not prose on the line s[i..e): code spans,
 * link targets, raw tags and HTML comments.  A comment may run over later
 * lines (up to `len`): then the offset right after it is returned so the
 * caller goes on from there; otherwise 0. */
static size_t mask_inline(const char *s, char *p, size_t i, size_t e,
			  size_t len)
{
	while (i < e) {
		char c = s[i];
		if (c == '<' && e - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			size_t k = i + 4;
			while (k + 3 <= len && memcmp(s + k, "-->", 3) != 0)
				k++;
			size_t stop = k + 3 <= len ? k + 3 : len;
			blank(p, i, stop);
			if (stop > e)
				return stop;
			i = stop;
			continue;
		}
		if (c == '\\' && i + 1 < e) {
			i += 2;
			continue;
		}
		if (c == '`') {
			size_t run = 0;
			while (i + run < e && s[i + run] == '`')
				run++;
			/* find a closing run of the same length */
			size_t j = i + run;
			size_t close = 0;
			while (j < e) {
				if (s[j] == '`') {
					size_t r = 0;
					while (j + r < e && s[j + r] == '`')
						r++;
					if (r == run) {
						close = j + r;
						break;
					}
					j += r;
				} else {
					j++;
				}
			}
			if (close) {
				blank(p, i, close);
				i = close;
			} else {
				i += run;
			}
			continue;
		}
		if (c == ']' && i + 1 < e && s[i + 1] == '(') {
			/* link or image target: up to the matching ')' */
			int depth = 0;
			size_t j = i + 1;
			for (; j < e; j++) {
				if (s[j] == '\\') {
					j++;
					continue;
				}
				if (s[j] == '(')
					depth++;
				else if (s[j] == ')' && --depth == 0)
					break;
			}
			if (j < e) {
				blank(p, i, j + 1);
				i = j + 1;
				continue;
			}
		}
		if (c == '<' && i + 1 < e &&
		    (((s[i + 1] | 32) >= 'a' && (s[i + 1] | 32) <= 'z') ||
		     s[i + 1] == '/')) {
			size_t j = i + 1;
			int autolink = 0;
			while (j < e && s[j] != '>' && s[j] != '<' && s[j] != ' ') {
				if (s[j] == ':' || s[j] == '@')
					autolink = 1;
				j++;
			}
			if (!autolink) {
				/* a raw HTML tag, possibly with attributes */
				while (j < e && s[j] != '>' && s[j] != '<')
					j++;
			}
			if (j < e && s[j] == '>' && !autolink) {
				blank(p, i, j + 1);
				i = j + 1;
				continue;
			}
		}
		i++;
	}
	return 0;
}

static int is_list_item(const char *s, size_t i, size_t e)
{
	i = skip_spaces(s, i, e, 3);
	if (i < e && (s[i] == '-' || s[i] == '*' || s[i] == '+'))
		return i + 1 < e && (s[i + 1] == ' ' || s[i + 1] == '\t');
	size_t d = i;
	while (d < e && s[d] >= '0' && s[d] <= '9')
		d++;
	return d > i && d < e && (s[d] == '.' || s[d] == ')');
}

static int is_blank_line(const char *s, size_t i, size_t e)
{
	for (; i < e; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* Mark everything in body [from, len) that Markdown does not show as
 * prose.  Blocks are found line by line, inline constructs within each line
 * (a comment may continue on later lines); a code span broken across lines
 * stays prose, a small price for byte-exact positions without a second
 * parse. */
static void mask_markdown(const char *s, char *p, size_t from, size_t len)
{
	size_t i = from;
	int prev_blank = 1, in_list = 0;
	while (i < len) {
		size_t e = line_end(s, len, i);
		size_t ind = skip_spaces(s, i, e, 3);
		/* fenced code block */
		if (ind + 2 < e && (s[ind] == '`' || s[ind] == '~') &&
		    s[ind + 1] == s[ind] && s[ind + 2] == s[ind]) {
			char f = s[ind];
			size_t run = 0;
			while (ind + run < e && s[ind + run] == f)
				run++;
			size_t j = e < len ? e + 1 : e;
			size_t stop = len;
			while (j < len) {
				size_t je = line_end(s, len, j);
				size_t ji = skip_spaces(s, j, je, 3);
				size_t r = 0;
				while (ji + r < je && s[ji + r] == f)
					r++;
				if (r >= run && is_blank_line(s, ji + r, je)) {
					stop = je;
					break;
				}
				j = je < len ? je + 1 : je;
			}
			blank(p, i, stop);
			i = stop < len ? stop + 1 : stop;
			prev_blank = 0;
			continue;
		}
		/* indented code block: after a blank line, outside lists */
		if (prev_blank && !in_list && !is_blank_line(s, i, e) &&
		    ((e - i >= 4 && memcmp(s + i, "    ", 4) == 0) ||
		     (i < e && s[i] == '\t'))) {
			blank(p, i, e);
			i = e < len ? e + 1 : e;
			continue;
		}
		/* link reference definition: [label]: target */
		if (ind < e && s[ind] == '[') {
			size_t j = ind + 1;
			while (j < e && s[j] != ']')
				j++;
			if (j + 1 < e && s[j + 1] == ':' && j > ind + 1) {
				blank(p, i, e);
				i = e < len ? e + 1 : e;
				prev_blank = 0;
				continue;
			}
		}
		int blank_line = is_blank_line(s, i, e);
		if (is_list_item(s, i, e))
			in_list = 1;
		else if (blank_line)
			; /* a list continues across blank lines */
		else if (prev_blank && ind == i)
			in_list = 0;
		prev_blank = blank_line;
		size_t resume = mask_inline(s, p, i, e, len);
		/* after a comment that closed on a later line, the rest of
		 * that line is still inline text */
		while (resume && resume < len) {
			size_t re = line_end(s, len, resume);
			e = re;
			resume = mask_inline(s, p, resume, re, len);
		}
		if (resume >= len)
			break;
		i = e < len ? e + 1 : e;
	}
}

static int fm_error_invalid(pregon_diag *diag, const char *path,
			    const doc_t *doc, size_t bad, int kind)
{
	int line, col;
	text_linemap_locate(&doc->lines, bad, &line, &col);
	char *sl = line_at(doc->input, doc->len, bad);
	/* The source line may itself be invalid UTF-8: show it only when
	 * it is clean. */
	size_t junk;
	if (text_validate(sl, strlen(sl), &junk) != 0 || kind == 2) {
		free(sl);
		sl = NULL;
	}
	if (kind == 2)
		diag_set(diag, path, line, col, 1, sl,
			 _("los textos no pueden contener bytes nulos; guarde el archivo como texto UTF-8"),
			 _("byte nulo en la posición %zu"), bad);
	else
		diag_set(diag, path, line, col, 1, sl,
			 _("guarde el archivo como UTF-8"),
			 _("secuencia UTF-8 inválida en el byte %zu"), bad);
	free(sl);
	return PREGON_EINVAL;
}

int doc_parse(doc_t *out, const char *path, const char *input, size_t len,
	      int plain_text, pregon_diag *diag)
{
	memset(out, 0, sizeof *out);
	out->path = path;
	out->input = input;
	out->len = len;
	out->plain_text = plain_text;
	text_linemap_init(&out->lines, input, len);

	size_t bad;
	int kind = text_validate(input, len, &bad);
	if (kind) {
		int rc = fm_error_invalid(diag, path, out, bad, kind);
		text_linemap_dispose(&out->lines);
		return rc;
	}

	out->prose = xmalloc(len + 1);
	memcpy(out->prose, input, len);
	out->prose[len] = '\0';

	size_t start = out->lines.bom;
	blank(out->prose, 0, start);
	out->body_off = start;
	size_t e = line_end(input, len, start);
	if (line_is(input, start, e, "---")) {
		size_t j = e < len ? e + 1 : e;
		size_t fm_start = j;
		while (j < len) {
			size_t je = line_end(input, len, j);
			if (line_is(input, j, je, "---") ||
			    line_is(input, j, je, "...")) {
				y_node *fm = NULL;
				int rc = y_parse(&fm, path, input + fm_start,
						 j - fm_start, 1, diag);
				if (rc) {
					doc_dispose(out);
					return rc;
				}
				if (fm && fm->type != Y_MAP) {
					y_error(diag, fm,
						_("escriba claves como «fecha: 2026-03-10»"),
						_("el encabezado YAML debe ser un mapa de claves"));
					y_free(fm);
					doc_dispose(out);
					return PREGON_EINVAL;
				}
				out->fm = fm;
				out->body_off = je < len ? je + 1 : je;
				blank(out->prose, start, out->body_off);
				break;
			}
			j = je < len ? je + 1 : je;
		}
	}
	if (!plain_text)
		mask_markdown(input, out->prose, out->body_off, len);
	return 0;
}

void doc_dispose(doc_t *doc)
{
	y_free(doc->fm);
	free(doc->prose);
	text_linemap_dispose(&doc->lines);
	for (int i = 0; i < TEXT_VIEWS; i++) {
		if (doc->built[i])
			text_view_dispose(&doc->views[i]);
		if (doc->body_built[i])
			text_view_dispose(&doc->body_views[i]);
	}
	if (doc->published_built)
		text_view_dispose(&doc->published);
	if (doc->readability_built)
		rd_dispose(&doc->readability);
	count_entities_dispose(&doc->entities);
	free(doc->digit_runs);
	for (int i = 0; i < 2; i++)
		if (doc->offensive_words[i])
			doc->offensive_words_free(doc->offensive_words[i]);
	memset(doc, 0, sizeof *doc);
}

/* The view of `text` (the prose or the input) with `flags`, built once. */
static const text_view *cached_view(const doc_t *doc, const char *text,
				    text_view *views, int *built, int flags)
{
	flags &= TEXT_VIEWS - 1;
	if (!built[flags]) {
		text_view_build(&views[flags], text + doc->body_off,
				doc->len - doc->body_off, doc->body_off, flags);
		built[flags] = 1;
	}
	return &views[flags];
}

const text_view *doc_view(doc_t *doc, int flags)
{
	return cached_view(doc, doc->prose, doc->views, doc->built, flags);
}

const text_view *doc_body_view(doc_t *doc, int flags)
{
	return cached_view(doc, doc->input, doc->body_views, doc->body_built,
			   flags);
}

size_t doc_digits(doc_t *doc)
{
	if (!doc->digits_plus_one) {
		const text_view *v = doc_body_view(doc, TEXT_FOLD | TEXT_STRIP);
		size_t n = 0;
		for (size_t i = 0; i < v->len;) {
			unsigned char c = (unsigned char)v->s[i];
			if (c < 0x80) {
				n += c >= '0' && c <= '9';
				i++;
				continue;
			}
			int32_t cp;
			i += (size_t)text_decode(v->s + i, v->len - i, &cp);
			n += utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
		}
		doc->digits_plus_one = n + 1;
	}
	return doc->digits_plus_one - 1;
}

const rd_text *doc_readability(doc_t *doc)
{
	if (!doc->readability_built) {
		const text_view *v = doc_view(doc, TEXT_EXACT);
		rd_analyze(&doc->readability, v->s, v->len);
		doc->readability_built = 1;
	}
	return &doc->readability;
}

size_t doc_offset_of(const doc_t *doc, int line, int col)
{
	if (line < 1)
		return 0;
	size_t idx = (size_t)line - 1;
	if (idx >= doc->lines.n_lines)
		return doc->len;
	size_t off = doc->lines.line_starts[idx];
	for (int c = 1; c < col && off < doc->len && doc->input[off] != '\n'; c++)
		off += (size_t)text_u8len((unsigned char)doc->input[off]);
	return off > doc->len ? doc->len : off;
}
