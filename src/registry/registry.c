/* registry.c: cuentas.yaml -> accounts.  The schema is checked here, every
 * error with file:line:col; what the norm asks of an account is checked in
 * registry_check.c, as findings. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../date.h"
#include "../text.h"
#include "../kinds/kind.h"
#include "registry.h"

#define DEFAULT_DOMAIN "tecate.gob.mx"

static const char *const top_keys[] = { "version", "dominio", "cuentas", NULL };
static const char *const account_keys[] = {
	"plataforma", "usuario", "url", "dependencia", "proposito", "correo",
	"administradores", "autorizacion", "estado", "fecha_baja", "verificada",
	"ultima_evaluacion", "ritmo", NULL
};
static const char *const admins_keys[] = { "titular", "suplente", NULL };
static const char *const admin_keys[] = { "nombre", "puesto", "nivel", NULL };
static const char *const auth_keys[] = { "oficio", "fecha", NULL };
/* in the order of REG_LEVEL_*, REG_RHYTHM_* */
static const char *const levels[] = { "operativo", "mando-medio",
				      "mando-superior", NULL };
static const char *const rhythms[] = { "diario", "semanal", NULL };
static const char *const states[] = { "activa", "baja", NULL };

const char *reg_rhythm_name(int rhythm)
{
	return rhythm == REG_RHYTHM_NONE ? "" : rhythms[rhythm];
}

int reg_rhythm_allowance(int rhythm)
{
	return rhythm == REG_RHYTHM_DAILY ? 7 : 21;
}

/* A calendar date (no time) as days since the epoch. */
static int day_of(const y_node *n, long *out, pregon_diag *diag)
{
	date_t d;
	if (n->type != Y_SCALAR || date_parse(n->str, &d) || d.has_time) {
		y_error(diag, n, _("use el formato AAAA-MM-DD"),
			_("fecha no válida «%s»"), n->type == Y_SCALAR ? n->str : "…");
		return PREGON_EINVAL;
	}
	*out = date_days(d.year, d.month, d.day);
	return 0;
}

/* The scalar under `key`, or NULL when absent; an error when not text. */
static int optional_str(const y_node *map, const char *key, const y_node **node,
			const char **out, pregon_diag *diag)
{
	*node = y_get(map, key);
	*out = NULL;
	return *node ? y_to_str(*node, out, diag) : 0;
}

static int parse_admin(const y_node *n, const char *where, reg_admin *out,
		       pregon_diag *diag)
{
	out->node = n;
	out->name = NULL;
	out->level = REG_LEVEL_NONE;
	if (!n)
		return 0;
	const y_node *v;
	const char *s;
	if (y_expect(n, Y_MAP, where, diag) || y_check_keys(n, admin_keys, where, diag) ||
	    optional_str(n, "nombre", &v, &out->name, diag) ||
	    optional_str(n, "puesto", &v, &s, diag))
		return PREGON_EINVAL;
	v = y_get(n, "nivel");
	return v ? kind_choice(v, levels, "nivel", &out->level, diag) : 0;
}

/* `verificada`: a boolean, or `solicitada` when requested and pending. */
static int parse_verified(const y_node *n, int *out, pregon_diag *diag)
{
	if (n->type == Y_SCALAR && strcmp(n->str, "solicitada") == 0) {
		*out = REG_VERIFIED_REQUESTED;
		return 0;
	}
	int yes;
	if (y_to_bool(n, &yes, diag)) { /* the message says what else fits */
		y_error(diag, n, _("use sí, no o solicitada"),
			_("«verificada» no válida"));
		return PREGON_EINVAL;
	}
	*out = yes ? REG_VERIFIED_YES : REG_VERIFIED_NO;
	return 0;
}

static int parse_account(const y_node *n, reg_account *a, pregon_diag *diag)
{
	const char *where = _("una cuenta");
	memset(a, 0, sizeof *a);
	a->item = n;
	a->auth_day = a->closed_day = a->evaluated_day = -1;
	a->verified = REG_VERIFIED_NONE;
	a->rhythm = REG_RHYTHM_NONE;
	if (y_expect(n, Y_MAP, where, diag) || y_check_keys(n, account_keys, where, diag))
		return PREGON_EINVAL;
	static const char *const required[] = { "plataforma", "usuario", "estado" };
	for (size_t i = 0; i < sizeof required / sizeof *required; i++)
		if (!y_get(n, required[i])) {
			y_error(diag, n, NULL, _("falta la clave «%s» en %s"),
				required[i], where);
			return PREGON_EINVAL;
		}
	const y_node *v = y_get(n, "plataforma");
	int k;
	if (kind_choice(v, pregon_platforms(), "plataforma", &k, diag))
		return PREGON_EINVAL;
	a->platform = pregon_platforms()[k];
	const char *s;
	const y_node *ignored;
	if (optional_str(n, "usuario", &a->user_node, &a->user, diag) ||
	    optional_str(n, "url", &ignored, &s, diag) ||
	    optional_str(n, "dependencia", &a->unit, &a->unit_name, diag) ||
	    optional_str(n, "proposito", &ignored, &s, diag) ||
	    optional_str(n, "correo", &a->email, &s, diag))
		return PREGON_EINVAL;
	if (a->user && a->user[0] == '@')
		a->user++;
	if (!a->user || !a->user[0]) {
		y_error(diag, a->user_node ? a->user_node : n, _("escriba el nombre de usuario de la cuenta"),
			_("«usuario» vacío"));
		return PREGON_EINVAL;
	}
	if ((a->admins = y_get(n, "administradores")) &&
	    (y_expect(a->admins, Y_MAP, _("«administradores»"), diag) ||
	     y_check_keys(a->admins, admins_keys, _("«administradores»"), diag) ||
	     parse_admin(y_get(a->admins, "titular"), _("el titular"), &a->titular, diag) ||
	     parse_admin(y_get(a->admins, "suplente"), _("el suplente"), &a->deputy, diag)))
		return PREGON_EINVAL;
	if ((a->auth = y_get(n, "autorizacion"))) {
		if (y_expect(a->auth, Y_MAP, _("«autorizacion»"), diag) ||
		    y_check_keys(a->auth, auth_keys, _("«autorizacion»"), diag) ||
		    optional_str(a->auth, "oficio", &ignored, &a->auth_letter, diag))
			return PREGON_EINVAL;
		if ((v = y_get(a->auth, "fecha")) && day_of(v, &a->auth_day, diag))
			return PREGON_EINVAL;
	}
	a->state = y_get(n, "estado");
	if (kind_choice(a->state, states, "estado", &a->closed, diag))
		return PREGON_EINVAL;
	if ((a->closed_node = y_get(n, "fecha_baja"))) {
		if (!a->closed) {
			y_error(diag, a->closed_node, _("quítela, o ponga «estado: baja»"),
				_("«fecha_baja» en una cuenta activa"));
			return PREGON_EINVAL;
		}
		if (day_of(a->closed_node, &a->closed_day, diag))
			return PREGON_EINVAL;
	}
	if ((a->verified_node = y_get(n, "verificada")) &&
	    parse_verified(a->verified_node, &a->verified, diag))
		return PREGON_EINVAL;
	if ((a->evaluated_node = y_get(n, "ultima_evaluacion")) &&
	    day_of(a->evaluated_node, &a->evaluated_day, diag))
		return PREGON_EINVAL;
	if ((a->rhythm_node = y_get(n, "ritmo")) &&
	    kind_choice(a->rhythm_node, rhythms, "ritmo", &a->rhythm, diag))
		return PREGON_EINVAL;
	return 0;
}

const reg_account *reg_find(const pregon_registry *r, const char *user,
			    const char *platform)
{
	if (user[0] == '@')
		user++;
	for (size_t i = 0; i < r->n; i++) {
		const reg_account *a = &r->accounts[i];
		if (strcasecmp(a->user, user) == 0 &&
		    (!platform || strcmp(a->platform, platform) == 0))
			return a;
	}
	return NULL;
}

char *reg_account_label(const reg_account *a)
{
	buf b;
	buf_init(&b);
	buf_printf(&b, "@%s (%s)", a->user, a->platform);
	return buf_detach(&b);
}

static int parse_registry(pregon_registry *r, pregon_diag *diag)
{
	const y_node *root = r->root;
	const char *where = _("el registro de cuentas");
	if (!root) {
		diag_set(diag, r->path, 1, 1, 1, NULL,
			 _("liste las cuentas bajo «cuentas:» (vea docs/cuentas.md)"),
			 _("el registro de cuentas está vacío"));
		return PREGON_EINVAL;
	}
	if (y_expect(root, Y_MAP, where, diag) || y_check_keys(root, top_keys, where, diag))
		return PREGON_EINVAL;
	const y_node *v = y_get(root, "version");
	long version;
	if (v && y_to_int(v, 1, 1, &version, diag))
		return PREGON_EINVAL;
	r->domain = DEFAULT_DOMAIN;
	if ((v = y_get(root, "dominio")) && y_to_str(v, &r->domain, diag))
		return PREGON_EINVAL;
	const y_node *list = y_get(root, "cuentas");
	if (!list) {
		y_error(diag, root, NULL, _("falta la clave «%s» en %s"), "cuentas", where);
		return PREGON_EINVAL;
	}
	if (y_expect(list, Y_SEQ, _("«cuentas»"), diag))
		return PREGON_EINVAL;
	r->accounts = xcalloc(list->n ? list->n : 1, sizeof *r->accounts);
	for (size_t i = 0; i < list->n; i++) {
		reg_account *a = &r->accounts[i];
		if (parse_account(list->items[i], a, diag))
			return PREGON_EINVAL;
		/* a handle listed twice would make the cross-check ambiguous */
		if (reg_find(r, a->user, a->platform)) {
			y_error(diag, a->user_node, _("deje una sola entrada por cuenta"),
				_("la cuenta «@%s» de %s ya está en el registro"),
				a->user, a->platform);
			return PREGON_EINVAL;
		}
		r->n++;
	}
	return 0;
}

int pregon_registry_load(pregon_registry **out, const char *path,
			 pregon_diag *diag)
{
	*out = NULL;
	pregon_registry *r = xcalloc(1, sizeof *r);
	r->path = xstrdup(path);
	int rc = read_file(path, &r->text, &r->len, diag);
	size_t bad;
	if (rc == 0 && text_validate(r->text, r->len, &bad)) {
		diag_set(diag, path, 0, 0, 0, NULL, _("guarde el archivo como UTF-8"),
			 _("el archivo no es UTF-8 válido (byte %zu)"), bad);
		rc = PREGON_EINVAL;
	}
	if (rc == 0)
		rc = y_parse(&r->root, path, r->text, r->len, 0, diag);
	if (rc == 0)
		rc = parse_registry(r, diag);
	if (rc) {
		pregon_registry_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void pregon_registry_free(pregon_registry *r)
{
	if (!r)
		return;
	free(r->accounts);
	y_free(r->root);
	free(r->text);
	free(r->path);
	free(r);
}

size_t pregon_registry_count(const pregon_registry *r)
{
	return r->n;
}

char *pregon_registry_label(const pregon_registry *r, size_t i)
{
	return reg_account_label(&r->accounts[i]);
}
