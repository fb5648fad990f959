/* config.c: .pregon.yaml.  Every key is checked now, including those whose
 * consumers are the officials, contact and domain rules, so that a typo is
 * an error with its position and never a silently ignored setting. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "date.h"
#include "text.h"

static const char *const top_keys[] = {
	"version", "conjuntos", "predeterminados", "reglas", "umbral_revision",
	"listas", "funcionarios", "contactos_publicos", "dominios",
	"ventanas_electorales", "ortografia", "dias_inhabiles", NULL
};
static const char *const spelling_keys[] = { "diccionario", "palabras",
					     "archivo_palabras", NULL };
static const char *const rule_keys[] = { "activa", "severidad", "peso",
					 "opciones", NULL };
static const char *const official_keys[] = { "nombre", "formas", "cargo",
					     "cuentas", "informe", NULL };
static const char *const contact_keys[] = { "telefonos", "correos",
					    "dominios_correo", "direcciones",
					    "cuentas", "rfc", NULL };
static const char *const domain_keys[] = { "permitidos", "noticias",
					   "acortadores", "bloqueados", NULL };
static const char *const window_keys[] = { "id", "nombre", "tipo", "inicio",
					   "fin", "ambito", "fuente",
					   "confirmada", "excepciones", NULL };

const char *const config_exempt_topics[] = { "educacion", "salud",
					     "proteccion-civil",
					     "autoridades-electorales", NULL };

config_t *config_new_default(void)
{
	config_t *c = xcalloc(1, sizeof *c);
	c->defaults = 1;
	c->review_threshold = 70;
	return c;
}

void config_free(config_t *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_rule_sets; i++)
		free(c->rule_sets[i]);
	free(c->rule_sets);
	free(c->rule_set_nodes);
	for (size_t i = 0; i < c->n_lists; i++)
		free(c->lists[i].words);
	free(c->lists);
	free(c->rules);
	free(c->words);
	free(c->word_file);
	for (size_t i = 0; i < c->n_officials; i++) {
		free(c->officials[i].forms);
		free(c->officials[i].handles);
	}
	free(c->officials);
	for (size_t i = 0; i < c->n_windows; i++)
		free(c->windows[i].exceptions);
	free(c->windows);
	free(c->non_working);
	y_free(c->tree);
	free(c->text);
	free(c->path);
	free(c->dir);
	free(c);
}

int config_severity_parse(const char *s)
{
	if (strcmp(s, "error") == 0)
		return PREGON_SEV_ERROR;
	if (strcmp(s, "warning") == 0)
		return PREGON_SEV_WARNING;
	if (strcmp(s, "info") == 0)
		return PREGON_SEV_INFO;
	return -1;
}

static int parse_severity_node(const y_node *n, int *out, pregon_diag *diag)
{
	const char *s;
	if (y_to_str(n, &s, diag))
		return PREGON_EINVAL;
	int v = config_severity_parse(s);
	if (v < 0) {
		y_error(diag, n, _("use error, warning o info"),
			_("severidad desconocida «%s»"), s);
		return PREGON_EINVAL;
	}
	*out = v;
	return 0;
}

static int check_str_list(const y_node *n, pregon_diag *diag)
{
	const y_node **items;
	size_t k;
	if (y_to_str_list(n, &items, &k, diag))
		return PREGON_EINVAL;
	free(items);
	return 0;
}

/* A list of maps whose keys are `keys`, with `required` present. */
static int check_records(const y_node *n, const char *const *keys,
			 const char *required, const char *where,
			 pregon_diag *diag)
{
	if (y_expect(n, Y_SEQ, where, diag))
		return PREGON_EINVAL;
	for (size_t i = 0; i < n->n; i++) {
		const y_node *r = n->items[i];
		if (y_expect(r, Y_MAP, where, diag) ||
		    y_check_keys(r, keys, where, diag))
			return PREGON_EINVAL;
		if (!y_get(r, required)) {
			y_error(diag, r, NULL, _("falta la clave «%s» en %s"),
				required, where);
			return PREGON_EINVAL;
		}
		for (size_t j = 0; j < y_map_size(r); j++) {
			const y_node *v = y_value(r, j);
			if (v->type == Y_MAP) {
				y_error(diag, v, NULL,
					_("se esperaba un texto o una lista de textos"));
				return PREGON_EINVAL;
			}
			if (check_str_list(v, diag))
				return PREGON_EINVAL;
		}
	}
	return 0;
}

/* A calendar date (no time) under `key` of record `r`, required or not. */
static int record_date(const y_node *r, const char *key, int required,
		       const char *where, date_t *out, int *found,
		       pregon_diag *diag)
{
	const y_node *v = y_get(r, key);
	*found = v != NULL;
	if (!v) {
		if (!required)
			return 0;
		y_error(diag, r, NULL, _("falta la clave «%s» en %s"), key, where);
		return PREGON_EINVAL;
	}
	if (v->type != Y_SCALAR || date_parse(v->str, out) || out->has_time) {
		y_error(diag, v, _("use el formato AAAA-MM-DD"),
			_("fecha no válida «%s»"), v->type == Y_SCALAR ? v->str : "…");
		return PREGON_EINVAL;
	}
	return 0;
}

/* The strings of a text-or-list value as a new array (NULL when absent). */
static int record_strings(const y_node *r, const char *key, const char ***out,
			  size_t *n, pregon_diag *diag)
{
	const y_node *v = y_get(r, key);
	*out = NULL;
	*n = 0;
	if (!v)
		return 0;
	const y_node **items;
	if (y_to_str_list(v, &items, n, diag))
		return PREGON_EINVAL;
	*out = xmalloc((*n ? *n : 1) * sizeof **out);
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = items[i]->str;
	free(items);
	return 0;
}

static const char *record_str(const y_node *r, const char *key)
{
	const y_node *v = y_get(r, key);
	return v && v->type == Y_SCALAR ? v->str : NULL;
}

static int parse_officials(config_t *c, const y_node *n, pregon_diag *diag)
{
	const char *where = "funcionarios";
	if (check_records(n, official_keys, "nombre", where, diag))
		return PREGON_EINVAL;
	c->officials = xcalloc(n->n ? n->n : 1, sizeof *c->officials);
	for (size_t i = 0; i < n->n; i++) {
		const y_node *r = n->items[i];
		config_official *o = &c->officials[c->n_officials++];
		if (y_to_str(y_get(r, "nombre"), &o->name, diag) ||
		    record_strings(r, "formas", &o->forms, &o->n_forms, diag) ||
		    record_strings(r, "cuentas", &o->handles, &o->n_handles, diag) ||
		    record_date(r, "informe", 0, where, &o->report, &o->has_report,
				diag))
			return PREGON_EINVAL;
		o->office = record_str(r, "cargo");
	}
	return 0;
}

static int parse_windows(config_t *c, const y_node *n, pregon_diag *diag)
{
	const char *where = "ventanas_electorales";
	if (check_records(n, window_keys, "nombre", where, diag))
		return PREGON_EINVAL;
	c->windows = xcalloc(n->n ? n->n : 1, sizeof *c->windows);
	for (size_t i = 0; i < n->n; i++) {
		const y_node *r = n->items[i], *x;
		config_window *w = &c->windows[c->n_windows++];
		int found;
		w->confirmed = 1;
		if (record_date(r, "inicio", 1, where, &w->start, &found, diag) ||
		    record_date(r, "fin", 1, where, &w->end, &found, diag) ||
		    ((x = y_get(r, "confirmada")) && y_to_bool(x, &w->confirmed, diag)) ||
		    record_strings(r, "excepciones", &w->exceptions,
				   &w->n_exceptions, diag))
			return PREGON_EINVAL;
		if (date_days(w->start.year, w->start.month, w->start.day) >
		    date_days(w->end.year, w->end.month, w->end.day)) {
			y_error(diag, y_get(r, "fin"), NULL,
				_("la ventana termina antes de empezar"));
			return PREGON_EINVAL;
		}
		for (size_t k = 0; k < w->n_exceptions; k++) {
			const char *e = w->exceptions[k];
			int known = 0;
			for (const char *const *t = config_exempt_topics; *t && !known; t++)
				known = strcmp(*t, e) == 0;
			if (!known) {
				y_error(diag, y_get(r, "excepciones"),
					_("use educacion, salud, proteccion-civil o autoridades-electorales"),
					_("excepción desconocida «%s»"), e);
				return PREGON_EINVAL;
			}
		}
		w->id = record_str(r, "id");
		w->name = record_str(r, "nombre");
		w->kind = record_str(r, "tipo");
		w->scope = record_str(r, "ambito");
		w->source = record_str(r, "fuente");
	}
	return 0;
}

static int cmp_day(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

/* `dias_inhabiles`: the municipality's own non-working days, sorted. */
static int parse_non_working(config_t *c, const y_node *n, pregon_diag *diag)
{
	const y_node **items;
	size_t k;
	if (y_to_str_list(n, &items, &k, diag))
		return PREGON_EINVAL;
	c->non_working = xmalloc((k ? k : 1) * sizeof *c->non_working);
	for (size_t i = 0; i < k; i++) {
		date_t d;
		if (date_parse(items[i]->str, &d) || d.has_time) {
			y_error(diag, items[i], _("use el formato AAAA-MM-DD"),
				_("fecha no válida «%s»"), items[i]->str);
			free(items);
			return PREGON_EINVAL;
		}
		c->non_working[c->n_non_working++] = date_days(d.year, d.month, d.day);
	}
	free(items);
	qsort(c->non_working, c->n_non_working, sizeof *c->non_working, cmp_day);
	return 0;
}

static int check_map_of_lists(const y_node *n, const char *const *keys,
			      const char *where, pregon_diag *diag)
{
	if (y_expect(n, Y_MAP, where, diag) || y_check_keys(n, keys, where, diag))
		return PREGON_EINVAL;
	for (size_t i = 0; i < y_map_size(n); i++)
		if (check_str_list(y_value(n, i), diag))
			return PREGON_EINVAL;
	return 0;
}

static char *resolve(const char *dir, const char *path)
{
	if (path[0] == '/' || !dir || !*dir)
		return xstrdup(path);
	buf b;
	buf_init(&b);
	buf_printf(&b, "%s/%s", dir, path);
	return buf_detach(&b);
}

static int parse_rules(config_t *c, const y_node *n, pregon_diag *diag)
{
	if (y_expect(n, Y_MAP, "reglas", diag))
		return PREGON_EINVAL;
	c->n_rules = y_map_size(n);
	c->rules = xcalloc(c->n_rules ? c->n_rules : 1, sizeof *c->rules);
	for (size_t i = 0; i < c->n_rules; i++) {
		const y_node *k = y_key(n, i), *v = y_value(n, i);
		config_rule *r = &c->rules[i];
		if (y_to_str(k, &r->id, diag))
			return PREGON_EINVAL;
		r->where = k;
		r->enabled = r->severity = -1;
		r->weight = -1;
		if (v->type == Y_SCALAR) {
			/* shorthand: `set.rule: false` or `set.rule: warning` */
			int on;
			pregon_diag tmp;
			pregon_diag_init(&tmp);
			if (y_to_bool(v, &on, &tmp) == 0) {
				r->enabled = on;
			} else if (parse_severity_node(v, &r->severity, diag)) {
				pregon_diag_dispose(&tmp);
				y_error(diag, v, _("escriba true, false, error, warning o info"),
					_("valor no válido para la regla «%s»"), r->id);
				return PREGON_EINVAL;
			}
			pregon_diag_dispose(&tmp);
			continue;
		}
		if (y_expect(v, Y_MAP, r->id, diag) ||
		    y_check_keys(v, rule_keys, r->id, diag))
			return PREGON_EINVAL;
		const y_node *x;
		if ((x = y_get(v, "activa")) && y_to_bool(x, &r->enabled, diag))
			return PREGON_EINVAL;
		if ((x = y_get(v, "severidad")) &&
		    parse_severity_node(x, &r->severity, diag))
			return PREGON_EINVAL;
		if ((x = y_get(v, "peso")) && y_to_int(x, 0, 100, &r->weight, diag))
			return PREGON_EINVAL;
		if ((x = y_get(v, "opciones"))) {
			if (y_expect(x, Y_MAP, "opciones", diag))
				return PREGON_EINVAL;
			r->options = x;
		}
	}
	return 0;
}

static int parse_lists(config_t *c, const y_node *n, pregon_diag *diag)
{
	if (y_expect(n, Y_MAP, "listas", diag))
		return PREGON_EINVAL;
	c->n_lists = y_map_size(n);
	c->lists = xcalloc(c->n_lists ? c->n_lists : 1, sizeof *c->lists);
	for (size_t i = 0; i < c->n_lists; i++) {
		const y_node **items;
		size_t k;
		if (y_to_str(y_key(n, i), &c->lists[i].name, diag) ||
		    y_to_str_list(y_value(n, i), &items, &k, diag))
			return PREGON_EINVAL;
		c->lists[i].words = xmalloc((k ? k : 1) * sizeof(char *));
		for (size_t j = 0; j < k; j++)
			c->lists[i].words[j] = items[j]->str;
		c->lists[i].n = k;
		free(items);
	}
	return 0;
}

static int parse_spelling(config_t *c, const y_node *n, pregon_diag *diag)
{
	if (y_expect(n, Y_MAP, "ortografia", diag) ||
	    y_check_keys(n, spelling_keys, "ortografia", diag))
		return PREGON_EINVAL;
	const y_node *x;
	if ((x = y_get(n, "diccionario"))) {
		if (y_to_str(x, &c->dictionary, diag))
			return PREGON_EINVAL;
		c->dictionary_node = x;
	}
	if ((x = y_get(n, "palabras"))) {
		const y_node **items;
		if (y_to_str_list(x, &items, &c->n_words, diag))
			return PREGON_EINVAL;
		c->words = xmalloc((c->n_words ? c->n_words : 1) * sizeof *c->words);
		for (size_t i = 0; i < c->n_words; i++)
			c->words[i] = items[i]->str;
		free(items);
	}
	if ((x = y_get(n, "archivo_palabras"))) {
		const char *path;
		if (y_to_str(x, &path, diag))
			return PREGON_EINVAL;
		c->word_file = resolve(c->dir, path);
		c->word_file_node = x;
	}
	return 0;
}

static int parse_tree(config_t *c, pregon_diag *diag)
{
	const y_node *t = c->tree;
	if (!t)
		return 0;
	if (y_expect(t, Y_MAP, _("la configuración"), diag) ||
	    y_check_keys(t, top_keys, _("la configuración"), diag))
		return PREGON_EINVAL;
	const y_node *n;
	if ((n = y_get(t, "version"))) {
		long v;
		if (y_to_int(n, 1, 1, &v, diag))
			return PREGON_EINVAL;
	}
	if ((n = y_get(t, "predeterminados")) && y_to_bool(n, &c->defaults, diag))
		return PREGON_EINVAL;
	if ((n = y_get(t, "umbral_revision"))) {
		long v;
		if (y_to_int(n, 0, 100, &v, diag))
			return PREGON_EINVAL;
		c->review_threshold = (int)v;
	}
	if ((n = y_get(t, "conjuntos"))) {
		const y_node **items;
		size_t k;
		if (y_to_str_list(n, &items, &k, diag))
			return PREGON_EINVAL;
		c->rule_sets = xmalloc((k ? k : 1) * sizeof *c->rule_sets);
		c->rule_set_nodes = items;
		for (size_t i = 0; i < k; i++)
			c->rule_sets[i] = resolve(c->dir, items[i]->str);
		c->n_rule_sets = k;
	}
	if ((n = y_get(t, "reglas")) && parse_rules(c, n, diag))
		return PREGON_EINVAL;
	if ((n = y_get(t, "listas")) && parse_lists(c, n, diag))
		return PREGON_EINVAL;
	if ((n = y_get(t, "funcionarios")) && parse_officials(c, n, diag))
		return PREGON_EINVAL;
	if ((n = y_get(t, "contactos_publicos")) &&
	    check_map_of_lists(n, contact_keys, "contactos_publicos", diag))
		return PREGON_EINVAL;
	if ((n = y_get(t, "dominios")) &&
	    check_map_of_lists(n, domain_keys, "dominios", diag))
		return PREGON_EINVAL;
	if ((n = y_get(t, "ventanas_electorales")) && parse_windows(c, n, diag))
		return PREGON_EINVAL;
	if ((n = y_get(t, "ortografia")) && parse_spelling(c, n, diag))
		return PREGON_EINVAL;
	if ((n = y_get(t, "dias_inhabiles")) && parse_non_working(c, n, diag))
		return PREGON_EINVAL;
	return 0;
}

int config_load(config_t **out, const char *path, pregon_diag *diag)
{
	*out = NULL;
	config_t *c = config_new_default();
	c->path = xstrdup(path);
	const char *slash = strrchr(path, '/');
	c->dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	int rc = read_file(path, &c->text, &c->text_len, diag);
	if (rc == 0) {
		size_t bad;
		if (text_validate(c->text, c->text_len, &bad)) {
			diag_set(diag, path, 0, 0, 0, NULL,
				 _("guarde el archivo como UTF-8"),
				 _("el archivo no es UTF-8 válido (byte %zu)"), bad);
			rc = PREGON_EINVAL;
		}
	}
	if (rc == 0)
		rc = y_parse(&c->tree, path, c->text, c->text_len, 0, diag);
	if (rc == 0)
		rc = parse_tree(c, diag);
	if (rc) {
		config_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

const config_list *config_list_get(const config_t *c, const char *name)
{
	for (size_t i = 0; c && i < c->n_lists; i++)
		if (strcmp(c->lists[i].name, name) == 0)
			return &c->lists[i];
	return NULL;
}

void config_emit_scalar(buf *out, const char *s)
{
	buf_putc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(out, "\\%c", *p);
		else if (*p == '\n')
			buf_puts(out, "\\n");
		else if (*p < 0x20)
			buf_printf(out, "\\x%02x", *p);
		else
			buf_putc(out, (char)*p);
	}
	buf_putc(out, '"');
}

/* A map's entries at `indent`; the first one `first_indent` spaces in,
 * which is 0 when it follows a list item's "- ". */
static void emit_map(buf *out, const y_node *n, int indent, int first_indent)
{
	for (size_t i = 0; i < y_map_size(n); i++) {
		buf_printf(out, "%*s%s:", i ? indent : first_indent, "",
			   y_key(n, i)->str);
		if (y_value(n, i)->type == Y_SCALAR)
			buf_putc(out, ' ');
		config_emit_node(out, y_value(n, i), indent + 2);
	}
}

void config_emit_node(buf *out, const y_node *n, int indent)
{
	if (n->type == Y_SCALAR) {
		config_emit_scalar(out, n->str);
		buf_putc(out, '\n');
		return;
	}
	if (n->n == 0) {
		buf_puts(out, n->type == Y_MAP ? " {}\n" : " []\n");
		return;
	}
	buf_putc(out, '\n');
	if (n->type == Y_MAP) {
		emit_map(out, n, indent, indent);
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		const y_node *item = n->items[i];
		buf_printf(out, "%*s- ", indent, "");
		if (item->type == Y_MAP && item->n)
			emit_map(out, item, indent + 2, 0);
		else if (item->type == Y_SCALAR)
			config_emit_node(out, item, indent + 2);
		else {
			buf_puts(out, item->type == Y_MAP ? "{}\n" : "[]\n");
		}
	}
}

/* "  # file:line:col" for a key the file sets, else the default's note. */
static void emit_origin(buf *out, const config_t *c, const char *key)
{
	const y_node *n = y_get(c->tree, key);
	if (n)
		buf_printf(out, "  # %s:%d:%d", c->path, n->line, n->col);
	else
		buf_printf(out, "  # %s", _("valor predeterminado"));
}

void config_emit(const config_t *c, buf *out)
{
	static const char *const passthrough[] = { "listas", "funcionarios",
						   "contactos_publicos",
						   "dominios",
						   "ventanas_electorales",
						   "ortografia", "dias_inhabiles",
						   NULL };
	buf_puts(out, "archivo: ");
	if (c->path)
		config_emit_scalar(out, c->path);
	else
		buf_puts(out, "null");
	buf_printf(out, "\npredeterminados: %s", c->defaults ? "true" : "false");
	emit_origin(out, c, "predeterminados");
	buf_printf(out, "\numbral_revision: %d", c->review_threshold);
	emit_origin(out, c, "umbral_revision");
	buf_putc(out, '\n');
	for (const char *const *k = passthrough; *k; k++) {
		const y_node *n = y_get(c->tree, *k);
		if (!n)
			continue;
		/* the origin goes at the end of the key's first line */
		buf value;
		buf_init(&value);
		config_emit_node(&value, n, 2);
		size_t first = strcspn(value.ptr, "\n");
		buf_printf(out, "%s:%s", *k, n->type == Y_SCALAR ? " " : "");
		buf_put(out, value.ptr, first);
		emit_origin(out, c, *k);
		buf_puts(out, value.ptr + first);
		buf_dispose(&value);
	}
}
