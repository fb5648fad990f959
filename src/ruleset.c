/* ruleset.c: YAML rule sets -> compiled rules.  Every key is known; every
 * error has a position; no rule is ever skipped. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine.h"
#include "text.h"

const char *const rs_categories[] = {
	"caps", "spelling", "personal-data", "promotion", "electoral",
	"offensive", "spam", "length", "links", "sources", "tone", "style",
	"clarity", "endorsement", "front-matter", "suppression", "registry",
	NULL
};

static const char *const set_keys[] = { "version", "conjunto", "descripcion",
					"reglas", NULL };
static const char *const common_keys[] = {
	"id", "tipo", "categoria", "severidad", "peso", "criterio", "mensaje",
	"message_en", "descripcion", "description_en", "ejemplos", "activa",
	"correccion_segura", NULL
};
static const char *const example_keys[] = { "marcar", "no_marcar", NULL };

void rs_rule_dispose(rule_t *r)
{
	if (r->kind && r->state)
		r->kind->free(r->state);
	free(r->id);
	free(r->category);
	free(r->criterio);
	free(r->source);
	free(r->message_es);
	free(r->message_en);
	free(r->description_es);
	free(r->description_en);
	for (size_t i = 0; i < r->n_must_flag; i++)
		free(r->must_flag[i]);
	free(r->must_flag);
	for (size_t i = 0; i < r->n_must_pass; i++)
		free(r->must_pass[i]);
	free(r->must_pass);
	memset(r, 0, sizeof *r);
}

static int valid_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '_'))
			return 0;
	return 1;
}

static int need(const y_node *map, const char *key, const y_node **out,
		pregon_diag *diag)
{
	*out = y_get(map, key);
	if (*out)
		return 0;
	y_error(diag, map, NULL, _("falta la clave obligatoria «%s»"), key);
	return PREGON_EINVAL;
}

static int need_str(const y_node *map, const char *key, char **out,
		    pregon_diag *diag)
{
	const y_node *n;
	const char *s;
	if (need(map, key, &n, diag) || y_to_str(n, &s, diag))
		return PREGON_EINVAL;
	if (!*s) {
		y_error(diag, n, NULL, _("«%s» no puede estar vacío"), key);
		return PREGON_EINVAL;
	}
	*out = xstrdup(s);
	return 0;
}

static int opt_str(const y_node *map, const char *key, char **out,
		   pregon_diag *diag)
{
	const y_node *n = y_get(map, key);
	const char *s;
	if (!n)
		return 0;
	if (y_to_str(n, &s, diag))
		return PREGON_EINVAL;
	*out = xstrdup(s);
	return 0;
}

static int load_examples(const y_node *n, const char *key, char ***out,
			 size_t *count, pregon_diag *diag)
{
	const y_node *list = y_get(n, key);
	if (!list)
		return 0;
	const y_node **items;
	size_t k;
	if (y_to_str_list(list, &items, &k, diag))
		return PREGON_EINVAL;
	*out = xmalloc((k ? k : 1) * sizeof **out);
	for (size_t i = 0; i < k; i++)
		(*out)[i] = xstrdup(items[i]->str);
	*count = k;
	free(items);
	return 0;
}

static const config_rule *config_for(const config_t *c, const char *id)
{
	for (size_t i = 0; c && i < c->n_rules; i++)
		if (strcmp(c->rules[i].id, id) == 0)
			return &c->rules[i];
	return NULL;
}

static int load_rule(rule_t *r, const y_node *n, const char *set,
		     const char *path, const config_t *config,
		     const char *data_dir, count_lexer **lexer, pregon_diag *diag)
{
	const y_node *x;
	char *local_id = NULL, *kind_name = NULL, *sev = NULL;
	int rc = PREGON_EINVAL;
	if (y_expect(n, Y_MAP, _("una regla"), diag))
		return PREGON_EINVAL;
	r->info.line = n->line;
	if (need_str(n, "id", &local_id, diag))
		goto cleanup;
	if (!valid_id(local_id)) {
		y_error(diag, y_get(n, "id"),
			_("use minúsculas, dígitos y guiones"),
			_("identificador de regla no válido «%s»"), local_id);
		goto cleanup;
	}
	buf b;
	buf_init(&b);
	buf_printf(&b, "%s.%s", set, local_id);
	r->id = buf_detach(&b);
	if (need_str(n, "tipo", &kind_name, diag))
		goto cleanup;
	r->kind = kind_find(kind_name);
	if (!r->kind) {
		const y_node *t = y_get(n, "tipo");
		char hint[256];
		snprintf(hint, sizeof hint, _("tipos disponibles: %s"), kind_names());
		y_error(diag, t, hint, _("tipo de regla desconocido «%s»"), kind_name);
		goto cleanup;
	}
	/* The common keys plus the kind's own. */
	{
		const char *allowed[64];
		size_t k = 0;
		for (const char *const *a = common_keys; *a; a++)
			allowed[k++] = *a;
		for (const char *const *a = r->kind->keys; a && *a && k < 63; a++)
			allowed[k++] = *a;
		allowed[k] = NULL;
		char where[160];
		snprintf(where, sizeof where, _("la regla «%s» (tipo %s)"), r->id,
			 r->kind->name);
		if (y_check_keys(n, allowed, where, diag))
			goto cleanup;
	}
	if (need_str(n, "categoria", &r->category, diag))
		goto cleanup;
	{
		int ok = 0;
		for (const char *const *c = rs_categories; *c && !ok; c++)
			ok = strcmp(*c, r->category) == 0;
		if (!ok) {
			const char *near = closest_word(r->category, rs_categories);
			char hint[128] = "";
			if (near)
				snprintf(hint, sizeof hint, _("¿quiso decir «%s»?"), near);
			y_error(diag, y_get(n, "categoria"), near ? hint : NULL,
				_("categoría desconocida «%s»"), r->category);
			goto cleanup;
		}
	}
	if (need_str(n, "severidad", &sev, diag))
		goto cleanup;
	int s = config_severity_parse(sev);
	if (s < 0) {
		y_error(diag, y_get(n, "severidad"), _("use error, warning o info"),
			_("severidad desconocida «%s»"), sev);
		goto cleanup;
	}
	r->info.severity = (pregon_severity)s;
	long weight;
	if (need(n, "peso", &x, diag) || y_to_int(x, 0, 100, &weight, diag))
		goto cleanup;
	r->info.weight = (int)weight;
	if (need_str(n, "criterio", &r->criterio, diag) ||
	    need_str(n, "mensaje", &r->message_es, diag) ||
	    opt_str(n, "message_en", &r->message_en, diag) ||
	    opt_str(n, "descripcion", &r->description_es, diag) ||
	    opt_str(n, "description_en", &r->description_en, diag))
		goto cleanup;
	r->info.enabled = 1;
	if ((x = y_get(n, "activa")) && y_to_bool(x, &r->info.enabled, diag))
		goto cleanup;
	static const char *const safe_fixes[] = { "no", "siempre", "acentos", NULL };
	int safe_fix = RS_FIX_NONE;
	if ((x = y_get(n, "correccion_segura")) &&
	    kind_choice(x, safe_fixes, "correccion_segura", &safe_fix, diag))
		goto cleanup;
	r->safe_fix = safe_fix;
	if (need(n, "ejemplos", &x, diag) ||
	    y_expect(x, Y_MAP, "ejemplos", diag) ||
	    y_check_keys(x, example_keys, "ejemplos", diag) ||
	    load_examples(x, "marcar", &r->must_flag, &r->n_must_flag, diag) ||
	    load_examples(x, "no_marcar", &r->must_pass, &r->n_must_pass, diag))
		goto cleanup;
	if (r->n_must_flag == 0) {
		y_error(diag, x, _("añada en «marcar» un texto que la regla deba señalar"),
			_("la regla «%s» no tiene ejemplos que marcar"), r->id);
		goto cleanup;
	}

	/* Configuration overrides: the rule's own entry wins over its set's. */
	const config_rule *cs = config_for(config, set);
	const config_rule *cr = config_for(config, r->id);
	kind_compile kc = { n, cr && cr->options ? cr->options : NULL, config,
			    r->id, data_dir, lexer };
	if (cs && cs->options && !kc.overrides)
		kc.overrides = cs->options;
	if (r->kind->compile(&r->state, &kc, diag))
		goto cleanup;
	for (int pass = 0; pass < 2; pass++) {
		const config_rule *c = pass == 0 ? cs : cr;
		if (!c)
			continue;
		if (c->enabled >= 0)
			r->info.enabled = c->enabled;
		if (c->severity >= 0)
			r->info.severity = (pregon_severity)c->severity;
		if (c->weight >= 0)
			r->info.weight = (int)c->weight;
	}
	/* what only an enabled rule needs (a dictionary) starts loading now,
	 * so that a slow load overlaps the compiling of the rules after it */
	if (r->info.enabled && r->kind->prepare) {
		if (r->kind->prepare(r->state, diag))
			goto cleanup;
		r->prepared = 1;
	}
	r->source = xstrdup(path);
	r->info.id = r->id;
	r->info.kind = r->kind->name;
	r->info.category = r->category;
	r->info.criterio = r->criterio;
	r->info.source = r->source;
	rc = 0;
cleanup:
	free(local_id);
	free(kind_name);
	free(sev);
	return rc;
}

static int load_file(rule_list *rules, const char *path,
		     const config_t *config, const char *data_dir,
		     pregon_diag *diag)
{
	char *text = NULL;
	size_t len;
	y_node *root = NULL;
	char *set = NULL;
	int rc = read_file(path, &text, &len, diag);
	if (rc)
		return rc;
	size_t bad;
	if (text_validate(text, len, &bad)) {
		diag_set(diag, path, 0, 0, 0, NULL, _("guarde el archivo como UTF-8"),
			 _("el archivo no es UTF-8 válido (byte %zu)"), bad);
		rc = PREGON_EINVAL;
		goto cleanup;
	}
	rc = y_parse(&root, path, text, len, 0, diag);
	if (rc)
		goto cleanup;
	rc = PREGON_EINVAL;
	if (!root) {
		diag_set(diag, path, 1, 1, 1, NULL,
			 _("escriba «version», «conjunto» y «reglas»"),
			 _("el conjunto de reglas está vacío"));
		goto cleanup;
	}
	const y_node *x;
	long version;
	if (y_expect(root, Y_MAP, _("un conjunto de reglas"), diag) ||
	    y_check_keys(root, set_keys, _("el conjunto de reglas"), diag) ||
	    need(root, "version", &x, diag) ||
	    y_to_int(x, 1, 1, &version, diag) ||
	    need_str(root, "conjunto", &set, diag))
		goto cleanup;
	if (!valid_id(set)) {
		y_error(diag, y_get(root, "conjunto"),
			_("use minúsculas, dígitos y guiones"),
			_("nombre de conjunto no válido «%s»"), set);
		goto cleanup;
	}
	if (need(root, "reglas", &x, diag) || y_expect(x, Y_SEQ, "reglas", diag))
		goto cleanup;
	for (size_t i = 0; i < x->n; i++) {
		xgrow(&rules->items, &rules->cap, rules->n + 1, sizeof *rules->items);
		rule_t *r = &rules->items[rules->n];
		memset(r, 0, sizeof *r);
		if (load_rule(r, x->items[i], set, path, config, data_dir,
			      &rules->lexer, diag)) {
			rs_rule_dispose(r);
			goto cleanup;
		}
		for (size_t j = 0; j < rules->n; j++)
			if (strcmp(rules->items[j].id, r->id) == 0) {
				y_error(diag, y_get(x->items[i], "id"), NULL,
					_("la regla «%s» ya está definida en %s:%d"),
					r->id, rules->items[j].source,
					rules->items[j].info.line);
				rs_rule_dispose(r);
				goto cleanup;
			}
		rules->n++;
	}
	xgrow(&rules->docs, &rules->cap_docs, rules->n_docs + 1, sizeof *rules->docs);
	rules->docs[rules->n_docs].root = root;
	rules->docs[rules->n_docs++].text = text;
	root = NULL;
	text = NULL;
	rc = 0;
cleanup:
	free(set);
	y_free(root);
	free(text);
	return rc;
}

void rs_list_dispose(rule_list *rules)
{
	for (size_t i = 0; i < rules->n; i++)
		rs_rule_dispose(&rules->items[i]);
	free(rules->items);
	count_lexer_free(rules->lexer);
	for (size_t i = 0; i < rules->n_docs; i++) {
		y_free(rules->docs[i].root);
		free(rules->docs[i].text);
	}
	free(rules->docs);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n > k && strcmp(s + n - k, suffix) == 0;
}

int rs_load_path(rule_list *rules, const char *path, const config_t *config,
		 const char *data_dir, pregon_diag *diag)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		diag_set(diag, path, 0, 0, 0, NULL,
			 _("indique un archivo .yaml o una carpeta de reglas"),
			 _("no existe el conjunto de reglas"));
		return PREGON_ENOTFOUND;
	}
	if (!S_ISDIR(st.st_mode))
		return load_file(rules, path, config, data_dir, diag);
	DIR *d = opendir(path);
	if (!d) {
		diag_set(diag, path, 0, 0, 0, NULL, NULL,
			 _("no se puede abrir la carpeta de reglas"));
		return PREGON_EIO;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' ||
		    !(has_suffix(e->d_name, ".yaml") || has_suffix(e->d_name, ".yml")))
			continue;
		xgrow(&names, &cap, n + 1, sizeof *names);
		buf b;
		buf_init(&b);
		buf_printf(&b, "%s/%s", path, e->d_name);
		names[n++] = buf_detach(&b);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			rc = load_file(rules, names[i], config, data_dir, diag);
		free(names[i]);
	}
	free(names);
	return rc;
}
