/* baseline.c: the findings a repository has accepted (--baseline), so that
 * later runs report only new ones.  Entries are (path, rule, fingerprint):
 * the fingerprint survives line shifts and is made from masked text only.
 * The file only shrinks unless asked: an entry stays while its finding is
 * still there, or while its file was not checked in this run. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

#define BASELINE_VERSION 1

typedef struct {
	char *path, *rule, *fingerprint;
	int seen; /* its finding was found again in this run */
} entry;

struct pregon_baseline {
	char *file;
	int existed;
	entry *old;      /* sorted */
	size_t n_old;
	entry *fresh;    /* findings of this run that were not in the file */
	size_t n_fresh, cap_fresh;
	char **checked;  /* paths checked in this run */
	size_t n_checked, cap_checked;
};

static int entry_cmp(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	if (!c)
		c = strcmp(x->rule, y->rule);
	return c ? c : strcmp(x->fingerprint, y->fingerprint);
}

static void entry_dispose(entry *e)
{
	free(e->path);
	free(e->rule);
	free(e->fingerprint);
}

void pregon_baseline_free(pregon_baseline *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n_old; i++)
		entry_dispose(&b->old[i]);
	for (size_t i = 0; i < b->n_fresh; i++)
		entry_dispose(&b->fresh[i]);
	for (size_t i = 0; i < b->n_checked; i++)
		free(b->checked[i]);
	free(b->old);
	free(b->fresh);
	free(b->checked);
	free(b->file);
	free(b);
}

static int bad_file(pregon_diag *diag, const char *path, int line, int col,
		    const char *what)
{
	diag_set(diag, path, line, col, 1, NULL,
		 _("vuelva a crearla con --update-baseline"),
		 _("línea base no válida: %s"), what);
	return PREGON_EINVAL;
}

static int parse_entries(pregon_baseline *b, json_t *root, pregon_diag *diag)
{
	json_t *version = json_object_get(root, "version");
	json_t *list = json_object_get(root, "hallazgos");
	if (!json_is_object(root) || !json_is_integer(version) ||
	    json_integer_value(version) != BASELINE_VERSION || !json_is_array(list))
		return bad_file(diag, b->file, 1, 1,
				_("se esperaba {\"version\": 1, \"hallazgos\": [...]}"));
	size_t n = json_array_size(list);
	b->old = xcalloc(n ? n : 1, sizeof *b->old);
	for (size_t i = 0; i < n; i++) {
		json_t *item = json_array_get(list, i);
		const char *path = json_string_value(json_object_get(item, "ruta"));
		const char *rule = json_string_value(json_object_get(item, "regla"));
		const char *fp = json_string_value(json_object_get(item, "huella"));
		if (!path || !rule || !fp) {
			char what[160];
			snprintf(what, sizeof what,
				 _("el hallazgo %zu no tiene «ruta», «regla» y «huella»"), i + 1);
			return bad_file(diag, b->file, 1, 1, what);
		}
		entry *e = &b->old[b->n_old++];
		e->path = xstrdup(path);
		e->rule = xstrdup(rule);
		e->fingerprint = xstrdup(fp);
	}
	qsort(b->old, b->n_old, sizeof *b->old, entry_cmp);
	return 0;
}

int pregon_baseline_load(pregon_baseline **out, const char *path,
			 pregon_diag *diag)
{
	*out = NULL;
	pregon_baseline *b = xcalloc(1, sizeof *b);
	b->file = xstrdup(path);
	if (access(path, F_OK) != 0 && errno == ENOENT) {
		*out = b; /* the first run records today's findings */
		return 0;
	}
	b->existed = 1;
	char *text;
	size_t len;
	int rc = read_file(path, &text, &len, diag);
	if (rc) {
		pregon_baseline_free(b);
		return rc;
	}
	json_error_t err;
	json_t *root = json_loadb(text, len, 0, &err);
	free(text);
	if (!root)
		rc = bad_file(diag, path, err.line > 0 ? err.line : 1,
			      err.column > 0 ? err.column : 1,
			      _("no es JSON válido"));
	else
		rc = parse_entries(b, root, diag);
	json_decref(root);
	if (rc) {
		pregon_baseline_free(b);
		return rc;
	}
	*out = b;
	return 0;
}

size_t pregon_baseline_match(pregon_baseline *b, const pregon_report *r,
			     unsigned char *is_new)
{
	xgrow(&b->checked, &b->cap_checked, b->n_checked + 1, sizeof *b->checked);
	b->checked[b->n_checked++] = xstrdup(r->path);
	char *prints = pregon_report_fingerprints(r);
	size_t n_new = 0;
	for (size_t i = 0; i < r->n_findings; i++) {
		entry key = { (char *)r->path, (char *)r->findings[i].rule,
			      prints + i * PREGON_FINGERPRINT_SIZE, 0 };
		entry *hit = b->n_old ? bsearch(&key, b->old, b->n_old, sizeof *b->old,
						entry_cmp)
				      : NULL;
		is_new[i] = !hit;
		if (hit) {
			hit->seen = 1;
			continue;
		}
		n_new++;
		xgrow(&b->fresh, &b->cap_fresh, b->n_fresh + 1, sizeof *b->fresh);
		entry *e = &b->fresh[b->n_fresh++];
		e->path = xstrdup(key.path);
		e->rule = xstrdup(key.rule);
		e->fingerprint = xstrdup(key.fingerprint);
		e->seen = 1;
	}
	free(prints);
	return n_new;
}

int pregon_baseline_is_new_file(const pregon_baseline *b)
{
	return !b->existed;
}

static int was_checked(const pregon_baseline *b, const char *path)
{
	for (size_t i = 0; i < b->n_checked; i++)
		if (strcmp(b->checked[i], path) == 0)
			return 1;
	return 0;
}

static void add_entry(json_t *list, const entry *e)
{
	json_array_append_new(list, json_pack("{s:s, s:s, s:s}", "ruta", e->path,
					      "regla", e->rule, "huella", e->fingerprint));
}

/* Write `text` to `path` through a temporary file in the same folder and a
 * rename, so that an interrupted run leaves the old file whole. */
static int write_atomically(const char *path, const char *text, pregon_diag *diag)
{
	size_t n = strlen(path) + 16;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	/* mkstemp makes it private; a baseline is shared through the repository */
	int ok = f && fchmod(fd, 0644) == 0 && fputs(text, f) >= 0 &&
		 fflush(f) == 0 && fsync(fd) == 0;
	int saved = ok ? 0 : errno;
	if (f) {
		if (fclose(f) != 0 && ok) {
			ok = 0;
			saved = errno;
		}
	} else if (fd >= 0) {
		close(fd);
	}
	if (ok && rename(tmp, path) != 0) {
		ok = 0;
		saved = errno;
	}
	if (ok) {
		free(tmp);
		return 0;
	}
	if (fd >= 0)
		unlink(tmp);
	free(tmp);
	diag_set(diag, path, 0, 0, 0, NULL, NULL,
		 _("no se pudo escribir la línea base: %s"), pregon_strerror(saved));
	return PREGON_EIO;
}

int pregon_baseline_save(pregon_baseline *b, int record_all, size_t *out_entries,
			 pregon_diag *diag)
{
	int grow = record_all || !b->existed;
	size_t n = 0;
	entry *all = xmalloc((b->n_old + b->n_fresh + 1) * sizeof *all);
	for (size_t i = 0; i < b->n_old; i++)
		if (b->old[i].seen || !was_checked(b, b->old[i].path))
			all[n++] = b->old[i];
	for (size_t i = 0; grow && i < b->n_fresh; i++)
		all[n++] = b->fresh[i];
	*out_entries = n;
	/* nothing to drop and nothing to add: leave the file as it is */
	if (b->existed && n == b->n_old) {
		free(all);
		return 0;
	}
	qsort(all, n, sizeof *all, entry_cmp);
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		add_entry(list, &all[i]);
	free(all);
	json_t *root = json_pack("{s:i, s:o}", "version", BASELINE_VERSION,
				 "hallazgos", list);
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!text)
		abort();
	buf b2;
	buf_init(&b2);
	buf_puts(&b2, text);
	buf_putc(&b2, '\n');
	free(text);
	int rc = write_atomically(b->file, b2.ptr, diag);
	buf_dispose(&b2);
	return rc;
}
