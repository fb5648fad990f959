/* regex.c: PCRE2 behind a small interface.  Every match runs under a match
 * limit and a bounded JIT stack (with JIT the depth limit does not apply),
 * so a catastrophic pattern ends with PREGON_ELIMIT instead of hanging.
 * Every pattern is JIT-compiled at once: the interpreter counts its match
 * limit differently, and a text must get the same findings whichever
 * document of a run it is (the compile overlaps the dictionary's load). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "regex.h"
#include "text.h"

struct rx {
	pcre2_code *code;
};

struct rx_scratch {
	pcre2_match_data *md;
	pcre2_match_context *mc;
	pcre2_jit_stack *js;
};

rx_scratch *rx_scratch_new(void)
{
	rx_scratch *s = xcalloc(1, sizeof *s);
	s->md = pcre2_match_data_create(32, NULL);
	s->mc = pcre2_match_context_create(NULL);
	s->js = pcre2_jit_stack_create((size_t)32 * 1024, RX_JIT_STACK_MAX, NULL);
	if (!s->md || !s->mc) {
		fputs("pregon: memoria agotada\n", stderr);
		abort();
	}
	pcre2_set_match_limit(s->mc, RX_MATCH_LIMIT);
	pcre2_set_depth_limit(s->mc, 10000);
	if (s->js)
		pcre2_jit_stack_assign(s->mc, NULL, s->js);
	return s;
}

void rx_scratch_free(rx_scratch *s)
{
	if (!s)
		return;
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mc);
	pcre2_jit_stack_free(s->js);
	free(s);
}

/* A whole word is not glued to a letter or digit, nor part of a hashtag,
 * a mention, a path, a domain or an e-mail address: in "#asi", "@asi",
 * "t.co/asi", "asi.gob.mx" and "asi@x.mx" there is no word "asi". */
static const char word_open[] =
	"(?<![\\p{L}\\p{N}_#@/])(?<![\\p{L}\\p{N}][.@])(?:";
static const char word_close[] = ")(?![\\p{L}\\p{N}_])(?![.@/][\\p{L}\\p{N}])";

int rx_compile(rx **out, const char *pattern, size_t len, int flags,
	       const y_node *where, pregon_diag *diag)
{
	*out = NULL;
	buf b;
	buf_init(&b);
	size_t prefix = 0;
	if (flags & RX_WORD) {
		buf_puts(&b, word_open);
		prefix = b.len;
	}
	buf_put(&b, pattern, len);
	if (flags & RX_WORD)
		buf_puts(&b, word_close);
	uint32_t opt = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
	if (flags & RX_CASELESS)
		opt |= PCRE2_CASELESS;
	int err;
	PCRE2_SIZE erroff;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)b.ptr, b.len, opt, &err,
					 &erroff, NULL);
	buf_dispose(&b);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		size_t in_pat = erroff > prefix ? erroff - prefix : 0;
		if (in_pat > len)
			in_pat = len;
		if (where) {
			/* Point into the pattern when its text is the scalar's
			 * text as written; else at the scalar. */
			int exact = where->type == Y_SCALAR && where->plain &&
				    where->single_line;
			y_node at = *where;
			if (exact) {
				at.col += (int)text_count_cp(pattern, in_pat);
			}
			y_error(diag, &at,
				_("revise la sintaxis PCRE2 del patrón"),
				_("expresión regular no válida: %s"), (char *)msg);
			diag->span = 1;
		} else {
			diag_set(diag, NULL, 0, 0, 0, NULL, NULL,
				 _("expresión regular no válida: %s"), (char *)msg);
		}
		return PREGON_EINVAL;
	}
	rx *r = xcalloc(1, sizeof *r);
	r->code = code;
	/* PREGON_NO_JIT=1 runs the interpreter: valgrind cannot follow code
	 * generated at run time and reports it as uninitialised jumps. */
	const char *no_jit = getenv("PREGON_NO_JIT");
	if (!(no_jit && *no_jit == '1'))
		pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* else interpreted */
	*out = r;
	return 0;
}

void rx_free(rx *r)
{
	if (!r)
		return;
	pcre2_code_free(r->code);
	free(r);
}

int rx_next(const rx *r, rx_scratch *s, const char *subject, size_t len,
	    size_t start, size_t *ms, size_t *me)
{
	while (start <= len) {
		int rc = pcre2_match(r->code, (PCRE2_SPTR)subject, len, start, 0,
				     s->md, s->mc);
		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT ||
		    rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT)
			return PREGON_ELIMIT;
		if (rc < 0)
			return 0;
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
		if (ov[1] > ov[0]) {
			*ms = ov[0];
			*me = ov[1];
			return 1;
		}
		/* an empty match: move one character on */
		start = ov[0] + 1;
		while (start < len && ((unsigned char)subject[start] & 0xC0) == 0x80)
			start++;
	}
	return 0;
}

int rx_group(const rx_scratch *s, int k, size_t *gs, size_t *ge)
{
	if (k < 1 || (uint32_t)k >= pcre2_get_ovector_count(s->md))
		return 0;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
	if (ov[2 * (size_t)k] == PCRE2_UNSET)
		return 0;
	*gs = ov[2 * (size_t)k];
	*ge = ov[2 * (size_t)k + 1];
	return 1;
}

char *rx_quote(const char *s, size_t len)
{
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < len; i++) {
		if (strchr("\\^$.|?*+()[]{}-#/ ", s[i]) && s[i])
			buf_putc(&b, '\\');
		buf_putc(&b, s[i]);
	}
	return buf_detach(&b);
}
