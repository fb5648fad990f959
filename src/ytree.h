/* ytree.h: YAML documents as small trees with 1-based positions, built from
 * libyaml events.  Rule sets, the configuration and front matter all go
 * through here, so every error about them names file:line:column. */
#ifndef PREGON_YTREE_H
#define PREGON_YTREE_H

#include <stddef.h>

#include "pregon.h"

typedef enum { Y_SCALAR, Y_MAP, Y_SEQ } y_type;

/* What a tree was parsed from, shared by its nodes (for caret lines). */
typedef struct {
	char *path;
	const char *text; /* borrowed: valid while the caller's buffer is */
	size_t len;
	int line_base;    /* added to libyaml's 0-based line */
} y_source;

typedef struct y_node {
	y_type type;
	int line, col;    /* 1-based; col in code points */
	int plain;        /* scalar written without quotes */
	int single_line;  /* scalar occupies one line of the source */
	char *str;        /* scalar value (NUL-terminated) */
	size_t len;
	/* Y_MAP: keys at even indices, values at odd; Y_SEQ: items. */
	struct y_node **items;
	size_t n;
	const y_source *src;
} y_node;

/*
 * Parse `text` as one YAML document.  `line_base` is added to every line
 * (front matter starts after the opening `---`).  An empty document gives
 * *out == NULL and returns 0.  Aliases are refused (they make the size of a
 * document unbounded) and nesting is limited.  On error diag has the
 * position and PREGON_EINVAL is returned.  Free with y_free().
 */
int y_parse(y_node **out, const char *path, const char *text, size_t len,
	    int line_base, pregon_diag *diag);
void y_free(y_node *root);

/* The value under `key` in a map, or NULL. */
y_node *y_get(const y_node *map, const char *key);
size_t y_map_size(const y_node *map);
y_node *y_key(const y_node *map, size_t i);
y_node *y_value(const y_node *map, size_t i);

/* An error at `node`: "file:line:col: msg; hint" with the source line. */
void y_error(pregon_diag *diag, const y_node *node, const char *hint,
	     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Checks that fill diag and return PREGON_EINVAL on failure. */
int y_expect(const y_node *node, y_type type, const char *what,
	     pregon_diag *diag);
/* Every key of `map` must be in `allowed` (NULL-terminated); an unknown
 * key is an error that suggests the closest allowed one. */
int y_check_keys(const y_node *map, const char *const *allowed,
		 const char *where, pregon_diag *diag);
int y_to_int(const y_node *node, long min, long max, long *out,
	     pregon_diag *diag);
int y_to_double(const y_node *node, double min, double max, double *out,
		pregon_diag *diag);
int y_to_bool(const y_node *node, int *out, pregon_diag *diag);
/* A scalar, or an error saying a text was expected. */
int y_to_str(const y_node *node, const char **out, pregon_diag *diag);
/* A scalar or a sequence of scalars, as a list of borrowed nodes.  The
 * caller frees *out (the array only). */
int y_to_str_list(const y_node *node, const y_node ***out, size_t *n,
		  pregon_diag *diag);

#endif
