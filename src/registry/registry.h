/* registry.h: the registry of institutional accounts (cuentas.yaml) as the
 * checks and the evaluation report read it.  Internal to libpregon. */
#ifndef PREGON_REGISTRY_H
#define PREGON_REGISTRY_H

#include "../common.h"
#include "../ytree.h"

/* `nivel` of an administrator, lowest first: the titular must be of
 * mid-level command or higher (Sujetos responsables). */
enum { REG_LEVEL_NONE = -1, REG_LEVEL_STAFF, REG_LEVEL_MIDDLE, REG_LEVEL_TOP };
/* `ritmo`: how often the account is expected to post. */
enum { REG_RHYTHM_NONE = -1, REG_RHYTHM_DAILY, REG_RHYTHM_WEEKLY };
/* `verificada`: no, yes, or requested and pending. */
enum { REG_VERIFIED_NONE = -1, REG_VERIFIED_NO, REG_VERIFIED_YES,
       REG_VERIFIED_REQUESTED };

typedef struct {
	const y_node *node;    /* the administrator's map, or NULL */
	const char *name;      /* `nombre`, or NULL */
	int level;             /* REG_LEVEL_* */
} reg_admin;

/* One account.  Nodes and strings are borrowed from the registry's tree;
 * a NULL node is a key the file does not have.  Days count from
 * 1970-01-01 (date_days), -1 when unknown. */
typedef struct {
	const y_node *item;    /* the account's map */
	const char *platform;  /* an id of pregon_platforms() */
	const char *user;      /* `usuario` without a leading "@" */
	const y_node *user_node, *unit, *email, *admins, *auth, *state,
		*closed_node, *verified_node, *evaluated_node, *rhythm_node;
	const char *unit_name; /* `dependencia`, or NULL */
	reg_admin titular, deputy;
	const char *auth_letter; /* `autorizacion.oficio`, or NULL */
	long auth_day;
	int closed;            /* `estado: baja` */
	long closed_day;
	int verified;          /* REG_VERIFIED_* */
	long evaluated_day;
	int rhythm;            /* REG_RHYTHM_* */
} reg_account;

struct pregon_registry {
	char *path;
	char *text;
	size_t len;
	y_node *root;
	const char *domain;    /* `dominio`: the municipality's e-mail domain */
	reg_account *accounts;
	size_t n;
};

/* `ritmo` as written ("diario"), or "" for REG_RHYTHM_NONE. */
const char *reg_rhythm_name(int rhythm);

/* The longest silence `rhythm` allows before an account counts as
 * abandoned, in days. */
int reg_rhythm_allowance(int rhythm);

/* The account a post's `cuenta` (with or without "@", any case) names on
 * `platform` (NULL: any platform), or NULL. */
const reg_account *reg_find(const pregon_registry *r, const char *user,
			    const char *platform);

/* "@usuario (plataforma)" into a new string the caller frees. */
char *reg_account_label(const reg_account *a);

#endif
