/* ytree.c: libyaml events -> y_node trees, iteratively (the nesting of an
 * input document must not grow the C stack). */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "common.h"
#include "ytree.h"

#define Y_MAX_DEPTH 64

static void push_item(y_node *parent, y_node *child)
{
	/* The capacity is implicit: 4, then doubled whenever n reaches a
	 * power of two from 4 on. */
	size_t n = parent->n;
	if (n == 0 || (n >= 4 && (n & (n - 1)) == 0))
		parent->items = xrealloc(parent->items,
					 (n ? 2 * n : 4) * sizeof *parent->items);
	parent->items[parent->n++] = child;
}

static y_node *new_node(y_type type, const yaml_mark_t *mark,
			const y_source *src)
{
	y_node *n = xcalloc(1, sizeof *n);
	n->type = type;
	n->line = (int)mark->line + 1 + src->line_base;
	n->col = (int)mark->column + 1;
	n->src = src;
	return n;
}

void y_free(y_node *root)
{
	if (!root)
		return;
	/* Iterative post-order free with an explicit stack. */
	size_t cap = 16, top = 0;
	y_node **stack = xmalloc(cap * sizeof *stack);
	const y_source *src = root->src;
	stack[top++] = root;
	while (top) {
		y_node *n = stack[--top];
		for (size_t i = 0; i < n->n; i++) {
			xgrow(&stack, &cap, top + 1, sizeof *stack);
			stack[top++] = n->items[i];
		}
		free(n->items);
		free(n->str);
		free(n);
	}
	free(stack);
	if (src) {
		free(src->path);
		free((void *)src);
	}
}

static char *source_line(const y_source *src, int line)
{
	int want = line - src->line_base;
	if (!src->text || want < 1)
		return NULL;
	size_t off = 0;
	for (int l = 1; l < want && off < src->len; off++)
		if (src->text[off] == '\n')
			l++;
	return line_at(src->text, src->len, off);
}

static void error_at(pregon_diag *diag, const y_source *src, int line,
		     int col, int span, const char *hint, const char *msg)
{
	char *sl = source_line(src, line);
	diag_set(diag, src->path, line, col, span, sl, hint, "%s", msg);
	free(sl);
}

void y_error(pregon_diag *diag, const y_node *node, const char *hint,
	     const char *fmt, ...)
{
	buf b;
	buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	int span = 1;
	if (node->type == Y_SCALAR && node->single_line) {
		span = 0;
		for (const char *p = node->str; *p; p++)
			span += (*p & 0xC0) != 0x80;
		if (!node->plain)
			span += 2;
		if (span < 1)
			span = 1;
	}
	error_at(diag, node->src, node->line, node->col, span, hint,
		 b.ptr ? b.ptr : "");
	buf_dispose(&b);
}

static const char *problem_text(const char *problem)
{
	/* libyaml's problems are English phrases; give the common ones in
	 * the user's language and keep the original for the rest. */
	static const struct { const char *en, *es; } table[] = {
		{ "mapping values are not allowed in this context",
		  N_("no se permite un valor de mapa en este contexto") },
		{ "did not find expected key", N_("se esperaba una clave") },
		{ "found character that cannot start any token",
		  N_("carácter que no puede iniciar ningún elemento") },
		{ "found unexpected end of stream",
		  N_("el texto termina antes de tiempo") },
		{ "did not find expected node content",
		  N_("falta el contenido de un nodo") },
		{ "found undefined tag handle", N_("etiqueta no definida") },
		{ "did not find expected ',' or ']'", N_("se esperaba «,» o «]»") },
		{ "did not find expected ',' or '}'", N_("se esperaba «,» o «}»") },
		{ "did not find expected '-' indicator",
		  N_("se esperaba el indicador «-»") },
		{ "found a tab character that violates indentation",
		  N_("un tabulador rompe la sangría; use espacios") },
		{ "found duplicate anchor", N_("ancla duplicada") },
		{ "invalid leading UTF-8 octet", N_("UTF-8 inválido") },
		{ "incomplete UTF-8 octet sequence", N_("UTF-8 incompleto") },
		{ "control characters are not allowed",
		  N_("no se permiten caracteres de control") },
		{ "found unknown escape character",
		  N_("secuencia de escape desconocida") },
		{ "block sequence entries are not allowed in this context",
		  N_("no se permite un elemento de lista en este contexto") },
	};
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (problem && strcmp(problem, table[i].en) == 0)
			return _(table[i].es);
	return problem ? problem : _("YAML mal formado");
}

int y_parse(y_node **out, const char *path, const char *text, size_t len,
	    int line_base, pregon_diag *diag)
{
	*out = NULL;
	y_source *src = xcalloc(1, sizeof *src);
	src->path = xstrdup(path ? path : "-");
	src->text = text;
	src->len = len;
	src->line_base = line_base;

	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		fputs("pregon: memoria agotada\n", stderr);
		abort();
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

	y_node *stack[Y_MAX_DEPTH + 1];
	size_t depth = 0;
	y_node *root = NULL;
	int docs = 0, rc = 0, done = 0;

	while (!done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			/* A problem found at the end of the text (an unclosed
			 * bracket or quote) is better shown where the construct
			 * opened. */
			const yaml_mark_t *m = &parser.problem_mark;
			if (parser.context && m->index >= len)
				m = &parser.context_mark;
			char msg[512];
			snprintf(msg, sizeof msg, _("YAML mal formado: %s"),
				 problem_text(parser.problem));
			error_at(diag, src, (int)m->line + 1 + line_base,
				 (int)m->column + 1, 1, NULL, msg);
			rc = PREGON_EINVAL;
			break;
		}
		y_node *node = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				error_at(diag, src,
					 (int)ev.start_mark.line + 1 + line_base,
					 (int)ev.start_mark.column + 1, 3, NULL,
					 _("se esperaba un solo documento YAML"));
				rc = PREGON_EINVAL;
				done = 1;
			}
			break;
		case YAML_ALIAS_EVENT:
			error_at(diag, src, (int)ev.start_mark.line + 1 + line_base,
				 (int)ev.start_mark.column + 1, 1,
				 _("escriba el valor completo"),
				 _("no se admiten alias YAML (*ancla)"));
			rc = PREGON_EINVAL;
			done = 1;
			break;
		case YAML_SCALAR_EVENT:
			node = new_node(Y_SCALAR, &ev.start_mark, src);
			node->str = xstrndup((const char *)ev.data.scalar.value,
					     ev.data.scalar.length);
			node->len = ev.data.scalar.length;
			node->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			node->single_line = ev.start_mark.line == ev.end_mark.line;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			node = new_node(ev.type == YAML_SEQUENCE_START_EVENT ? Y_SEQ
									    : Y_MAP,
					&ev.start_mark, src);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		if (node) {
			if (depth == 0) {
				root = node;
			} else {
				/* stack[depth - 1] was set when its node opened */
				push_item(stack[depth - 1], node); // NOLINT(clang-analyzer-core.CallAndMessage)
			}
			if (node->type != Y_SCALAR) {
				if (depth == Y_MAX_DEPTH) {
					error_at(diag, src, node->line, node->col, 1,
						 NULL,
						 _("el YAML anida demasiados niveles"));
					rc = PREGON_EINVAL;
					done = 1;
				} else {
					stack[depth++] = node;
				}
			}
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (rc == 0 && root && root->type == Y_MAP) {
		/* A key written twice is almost always a mistake. */
		for (size_t i = 0; i + 1 < root->n && rc == 0; i += 2)
			for (size_t j = i + 2; j + 1 < root->n; j += 2)
				if (root->items[i]->type == Y_SCALAR &&
				    root->items[j]->type == Y_SCALAR &&
				    strcmp(root->items[i]->str,
					   root->items[j]->str) == 0) {
					y_error(diag, root->items[j], NULL,
						_("clave repetida «%s»"),
						root->items[j]->str);
					rc = PREGON_EINVAL;
					break;
				}
	}
	if (rc != 0) {
		if (root)
			y_free(root); /* frees src too */
		else {
			free(src->path);
			free(src);
		}
		return rc;
	}
	if (!root) {
		free(src->path);
		free(src);
		return 0;
	}
	*out = root;
	return 0;
}

y_node *y_get(const y_node *map, const char *key)
{
	if (!map || map->type != Y_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (map->items[i]->type == Y_SCALAR &&
		    strcmp(map->items[i]->str, key) == 0)
			return map->items[i + 1];
	return NULL;
}

size_t y_map_size(const y_node *map)
{
	return map && map->type == Y_MAP ? map->n / 2 : 0;
}

y_node *y_key(const y_node *map, size_t i)
{
	return map->items[2 * i];
}

y_node *y_value(const y_node *map, size_t i)
{
	return map->items[2 * i + 1];
}

static const char *type_name(y_type t)
{
	switch (t) {
	case Y_SCALAR:
		return _("un valor");
	case Y_MAP:
		return _("un mapa (clave: valor)");
	case Y_SEQ:
		return _("una lista");
	}
	return "";
}

int y_expect(const y_node *node, y_type type, const char *what,
	     pregon_diag *diag)
{
	if (node->type == type)
		return 0;
	y_error(diag, node, NULL, _("%s debe ser %s, no %s"), what,
		type_name(type), type_name(node->type));
	return PREGON_EINVAL;
}

int y_check_keys(const y_node *map, const char *const *allowed,
		 const char *where, pregon_diag *diag)
{
	for (size_t i = 0; i < y_map_size(map); i++) {
		const y_node *k = y_key(map, i);
		if (k->type != Y_SCALAR) {
			y_error(diag, k, NULL, _("las claves deben ser textos"));
			return PREGON_EINVAL;
		}
		int ok = 0;
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = strcmp(*a, k->str) == 0;
		if (ok)
			continue;
		const char *near = closest_word(k->str, allowed);
		char hint[256];
		if (near)
			snprintf(hint, sizeof hint, _("¿quiso decir «%s»?"), near);
		else {
			buf b;
			buf_init(&b);
			for (const char *const *a = allowed; *a; a++)
				buf_printf(&b, "%s%s", a == allowed ? "" : ", ", *a);
			snprintf(hint, sizeof hint, _("claves válidas: %s"), b.ptr);
			buf_dispose(&b);
		}
		y_error(diag, k, hint, _("clave desconocida «%s» en %s"), k->str,
			where);
		return PREGON_EINVAL;
	}
	return 0;
}

int y_to_str(const y_node *node, const char **out, pregon_diag *diag)
{
	if (node->type != Y_SCALAR) {
		y_error(diag, node, NULL, _("se esperaba un texto, no %s"),
			type_name(node->type));
		return PREGON_EINVAL;
	}
	*out = node->str;
	return 0;
}

int y_to_int(const y_node *node, long min, long max, long *out,
	     pregon_diag *diag)
{
	if (node->type == Y_SCALAR && node->str[0]) {
		char *end;
		errno = 0;
		long v = strtol(node->str, &end, 10);
		if (!errno && !*end && v >= min && v <= max) {
			*out = v;
			return 0;
		}
	}
	char hint[96];
	snprintf(hint, sizeof hint, _("escriba un entero entre %ld y %ld"), min,
		 max);
	y_error(diag, node, hint, _("número no válido «%s»"),
		node->type == Y_SCALAR ? node->str : "…");
	return PREGON_EINVAL;
}

int y_to_double(const y_node *node, double min, double max, double *out,
		pregon_diag *diag)
{
	if (node->type == Y_SCALAR && node->str[0]) {
		char *end;
		errno = 0;
		double v = strtod(node->str, &end);
		if (!errno && !*end && isfinite(v) && v >= min && v <= max) {
			*out = v;
			return 0;
		}
	}
	char hint[96];
	snprintf(hint, sizeof hint, _("escriba un número entre %g y %g"), min,
		 max);
	y_error(diag, node, hint, _("número no válido «%s»"),
		node->type == Y_SCALAR ? node->str : "…");
	return PREGON_EINVAL;
}

int y_to_bool(const y_node *node, int *out, pregon_diag *diag)
{
	static const char *const yes[] = { "true", "sí", "si", "yes", NULL };
	static const char *const no[] = { "false", "no", NULL };
	if (node->type == Y_SCALAR && node->plain) {
		for (const char *const *w = yes; *w; w++)
			if (strcmp(node->str, *w) == 0)
				return *out = 1, 0;
		for (const char *const *w = no; *w; w++)
			if (strcmp(node->str, *w) == 0)
				return *out = 0, 0;
	}
	y_error(diag, node, _("escriba true o false"),
		_("se esperaba un valor lógico"));
	return PREGON_EINVAL;
}

int y_to_str_list(const y_node *node, const y_node ***out, size_t *n,
		  pregon_diag *diag)
{
	*out = NULL;
	*n = 0;
	if (node->type == Y_SCALAR) {
		*out = xmalloc(sizeof **out);
		(*out)[0] = node;
		*n = 1;
		return 0;
	}
	if (node->type != Y_SEQ) {
		y_error(diag, node, NULL,
			_("se esperaba un texto o una lista de textos"));
		return PREGON_EINVAL;
	}
	const y_node **items = xmalloc((node->n ? node->n : 1) * sizeof *items);
	for (size_t i = 0; i < node->n; i++) {
		if (node->items[i]->type != Y_SCALAR) {
			free(items);
			y_error(diag, node->items[i], NULL,
				_("se esperaba un texto en la lista"));
			return PREGON_EINVAL;
		}
		items[i] = node->items[i];
	}
	*out = items;
	*n = node->n;
	return 0;
}
