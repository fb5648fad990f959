/* registry_check.c: what the norm asks of each account (the registry's
 * own checks) and of each post's account (the cross-check), as findings of
 * category "registry" in ordinary reports, so every format prints them. */
#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../date.h"
#include "../document.h"
#include "../score.h"
#include "../text.h"
#include "registry.h"

#define DEFAULT_REVIEW_THRESHOLD 70

/* The registry's rules: id, criterion of the norm, severity, weight. */
typedef struct {
	const char *id;
	const char *criterio;
	pregon_severity severity;
	int weight;
} reg_rule;

static const reg_rule rule_email = { "cuentas.correo-institucional", "Procedimiento VI", PREGON_SEV_ERROR, 20 };
static const reg_rule rule_handle = { "cuentas.usuario-tecate", "Procedimiento VI", PREGON_SEV_ERROR, 10 };
static const reg_rule rule_admins = { "cuentas.administradores", "Sujetos responsables", PREGON_SEV_ERROR, 20 };
static const reg_rule rule_level = { "cuentas.nivel-titular", "Sujetos responsables", PREGON_SEV_ERROR, 10 };
static const reg_rule rule_auth = { "cuentas.autorizacion", "Procedimiento II-IV", PREGON_SEV_ERROR, 20 };
static const reg_rule rule_closing = { "cuentas.fecha-baja", "Procedimiento VII", PREGON_SEV_ERROR, 10 };
static const reg_rule rule_evaluation = { "cuentas.evaluacion-semestral", "Evaluación", PREGON_SEV_WARNING, 10 };
static const reg_rule rule_silent = { "cuentas.abandonada", "XVII; Procedimiento VIII", PREGON_SEV_WARNING, 10 };
static const reg_rule rule_verified = { "cuentas.verificacion", "XXII", PREGON_SEV_WARNING, 5 };
static const reg_rule rule_unknown = { "cuentas.no-registrada", "Procedimiento II-IV", PREGON_SEV_ERROR, 20 };
static const reg_rule rule_no_account = { "cuentas.sin-cuenta", "Procedimiento II-IV", PREGON_SEV_WARNING, 5 };
static const reg_rule rule_before = { "cuentas.antes-de-autorizacion", "Procedimiento II-IV", PREGON_SEV_ERROR, 20 };
static const reg_rule rule_after = { "cuentas.despues-de-baja", "Procedimiento VII, VIII", PREGON_SEV_ERROR, 20 };

/* The platforms that verify an institutional account on request (YouTube
 * only verifies channels past 100,000 subscribers). */
static const char *const verifying_platforms[] = {
	"x", "facebook", "instagram", "threads", "tiktok", "linkedin", NULL
};

typedef struct {
	pregon_finding *items;
	size_t n, cap;
} finding_list;

static void add_finding(finding_list *l, const reg_rule *rule, size_t offset,
			size_t length, int line, int col, int end_col,
			const char *text, char *message)
{
	xgrow(&l->items, &l->cap, l->n + 1, sizeof *l->items);
	pregon_finding *f = &l->items[l->n++];
	memset(f, 0, sizeof *f);
	f->rule = xstrdup(rule->id);
	f->category = xstrdup("registry");
	f->criterio = xstrdup(rule->criterio);
	f->severity = rule->severity;
	f->weight = rule->weight;
	f->message = message;
	f->text = xstrdup(text);
	f->offset = offset;
	f->length = length;
	f->line = f->end_line = line;
	f->col = col;
	f->end_col = end_col;
}

static int by_offset(const void *a, const void *b)
{
	const pregon_finding *x = a, *y = b;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

static pregon_report *finish_report(const char *path, finding_list *l,
				    const char *input, size_t input_len)
{
	pregon_report *rep = xcalloc(1, sizeof *rep);
	rep->path = xstrdup(path);
	rep->input = input;
	rep->input_len = input_len;
	if (l->n)
		qsort(l->items, l->n, sizeof *l->items, by_offset);
	rep->findings = l->items ? l->items : xcalloc(1, sizeof *l->items);
	rep->n_findings = l->n;
	int *weights = xmalloc((l->n ? l->n : 1) * sizeof *weights);
	pregon_severity *sevs = xmalloc((l->n ? l->n : 1) * sizeof *sevs);
	for (size_t i = 0; i < l->n; i++) {
		weights[i] = l->items[i].weight;
		sevs[i] = l->items[i].severity;
	}
	rep->score = score_compute(weights, l->n);
	rep->verdict = score_verdict(sevs, l->n, rep->score, DEFAULT_REVIEW_THRESHOLD);
	free(weights);
	free(sevs);
	return rep;
}

static char *message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *message(const char *fmt, ...)
{
	buf b;
	buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b);
}

/* ---- the registry's own checks ---------------------------------------- */

typedef struct {
	const pregon_registry *reg;
	finding_list list;
	const char *label; /* "@usuario (plataforma)" of the account at hand */
} reg_run;

/* A finding at `node` of the registry: the node's scalar when it is written
 * on one line, else the rest of its line. */
static void flag(reg_run *run, const reg_rule *rule, const y_node *node,
		 char *msg)
{
	const char *text = run->reg->text;
	size_t len = run->reg->len, off = 0;
	for (int line = 1; line < node->line && off < len; off++)
		if (text[off] == '\n')
			line++;
	for (int col = 1; col < node->col && off < len; col++)
		off += (size_t)text_u8len((unsigned char)text[off]);
	size_t end = off;
	if (node->type == Y_SCALAR && node->plain && node->single_line)
		end = off + node->len;
	else
		while (end < len && text[end] != '\n' && text[end] != '\r')
			end++;
	if (end > len)
		end = len;
	char *shown = xstrndup(text + off, end - off);
	add_finding(&run->list, rule, off, end - off, node->line, node->col,
		    node->col + (int)text_count_cp(text + off, end - off), shown, msg);
	free(shown);
}

static int in_domain(const char *email, const char *domain)
{
	const char *at = strrchr(email, '@');
	if (!at)
		return 0;
	const char *host = at + 1;
	size_t h = strlen(host), d = strlen(domain);
	/* the domain itself or one of its subdomains (dif.tecate.gob.mx) */
	return strcasecmp(host, domain) == 0 ||
	       (h > d && host[h - d - 1] == '.' && strcasecmp(host + h - d, domain) == 0);
}

static void check_email(reg_run *run, const reg_account *a)
{
	if (!a->email) {
		flag(run, &rule_email, a->item,
		     message(_("%s no tiene «correo» de registro; regístrela con un correo de %s"),
			     run->label, run->reg->domain));
	} else if (!in_domain(a->email->str, run->reg->domain)) {
		flag(run, &rule_email, a->email,
		     message(_("el correo de registro de %s no es del dominio %s del Ayuntamiento"),
			     run->label, run->reg->domain));
	}
}

static void check_handle(reg_run *run, const reg_account *a)
{
	static const char suffix[] = "Tecate";
	size_t n = strlen(a->user), k = sizeof suffix - 1;
	if (strcmp(a->platform, "x") != 0 ||
	    (n >= k && strcasecmp(a->user + n - k, suffix) == 0))
		return;
	flag(run, &rule_handle, a->user_node,
	     message(_("en X el usuario de una cuenta institucional termina en «Tecate»: «@%s»"),
		     a->user));
}

static void check_admins(reg_run *run, const reg_account *a)
{
	if (!a->titular.node || !a->deputy.node || !a->titular.name || !a->deputy.name) {
		flag(run, &rule_admins, a->admins ? a->admins : a->item,
		     message(_("%s necesita dos administradores con nombre: «titular» y «suplente»"),
			     run->label));
		return;
	}
	if (strcasecmp(a->titular.name, a->deputy.name) == 0)
		flag(run, &rule_admins, a->deputy.node,
		     message(_("el titular y el suplente de %s son la misma persona; designe a dos personas distintas"),
			     run->label));
	if (a->titular.level < REG_LEVEL_MIDDLE)
		flag(run, &rule_level, a->titular.node,
		     message(a->titular.level == REG_LEVEL_NONE
				     ? _("falta el «nivel» del titular de %s; debe ser de mando medio o superior")
				     : _("el titular de %s debe ser de mando medio o superior, no operativo"),
			     run->label));
}

static void check_authorisation(reg_run *run, const reg_account *a)
{
	if (a->auth_letter && a->auth_day >= 0)
		return;
	flag(run, &rule_auth, a->auth ? a->auth : a->item,
	     message(a->auth ? _("la autorización de %s no tiene «oficio» y «fecha»")
			     : _("%s no tiene «autorizacion» registrada (oficio y fecha)"),
		     run->label));
}

static void check_closing(reg_run *run, const reg_account *a)
{
	if (a->closed && a->closed_day < 0)
		flag(run, &rule_closing, a->state,
		     message(_("%s está dada de baja sin «fecha_baja»"), run->label));
}

/* A date six months after `day`, the last day of the month when the
 * month is shorter. */
static long six_months_after(long day)
{
	int y, m, d;
	date_from_days(day, &y, &m, &d);
	m += 6;
	if (m > 12) {
		m -= 12;
		y++;
	}
	while (!date_is_valid(y, m, d))
		d--;
	return date_days(y, m, d);
}

static void check_evaluation(reg_run *run, const reg_account *a, long today)
{
	if (a->closed)
		return;
	if (a->evaluated_day < 0)
		flag(run, &rule_evaluation, a->item,
		     message(_("%s no tiene «ultima_evaluacion»: cada cuenta se evalúa al menos cada seis meses"),
			     run->label));
	else if (six_months_after(a->evaluated_day) < today)
		flag(run, &rule_evaluation, a->evaluated_node,
		     message(_("la última evaluación de %s tiene más de seis meses; pida la evaluación al Departamento de Evaluación Gubernamental"),
			     run->label));
}

static void check_verification(reg_run *run, const reg_account *a)
{
	int offered = 0;
	for (size_t i = 0; verifying_platforms[i]; i++)
		offered |= strcmp(verifying_platforms[i], a->platform) == 0;
	if (!offered || a->closed || a->verified == REG_VERIFIED_YES ||
	    a->verified == REG_VERIFIED_REQUESTED)
		return;
	flag(run, &rule_verified, a->verified_node ? a->verified_node : a->item,
	     message(_("%s no está verificada ni tiene la verificación «solicitada»; %s la ofrece"),
		     run->label, a->platform));
}

static long parse_day(const char *s)
{
	date_t d;
	if (!s || date_parse(s, &d))
		return -1;
	return date_days(d.year, d.month, d.day);
}

static void check_activity(reg_run *run, const reg_account *a, long today,
			   const pregon_post_ref *posts, size_t n_posts)
{
	if (a->closed || a->rhythm == REG_RHYTHM_NONE)
		return;
	long last = -1;
	for (size_t i = 0; i < n_posts; i++) {
		const pregon_post_ref *p = &posts[i];
		long day = parse_day(p->date);
		if (p->account && day <= today && day > last &&
		    reg_find(run->reg, p->account, p->platform) == a)
			last = day;
	}
	/* a new account is not silent before its authorisation */
	long since = last >= 0 ? last : a->auth_day;
	int allowed = reg_rhythm_allowance(a->rhythm);
	if (since >= 0 && today - since <= allowed)
		return;
	const y_node *at = a->rhythm_node ? a->rhythm_node : a->item;
	if (last < 0) {
		flag(run, &rule_silent, at,
		     message(_("%s no tiene publicaciones, y su ritmo es %s: verifique que no esté abandonada"),
			     run->label, reg_rhythm_name(a->rhythm)));
	} else {
		int y, m, d;
		date_from_days(last, &y, &m, &d);
		flag(run, &rule_silent, at,
		     message(_("%s no publica desde el %04d-%02d-%02d (%ld días; su ritmo %s admite %d): verifique que no esté abandonada"),
			     run->label, y, m, d, today - last, reg_rhythm_name(a->rhythm), allowed));
	}
}

pregon_report *pregon_registry_check(const pregon_registry *reg,
				     const char *today,
				     const pregon_post_ref *posts,
				     size_t n_posts)
{
	long now = parse_day(today);
	assert(now >= 0);
	reg_run run = { reg, { NULL, 0, 0 }, NULL };
	for (size_t i = 0; i < reg->n; i++) {
		const reg_account *a = &reg->accounts[i];
		char *label = reg_account_label(a);
		run.label = label;
		check_email(&run, a);
		check_handle(&run, a);
		check_admins(&run, a);
		check_authorisation(&run, a);
		check_closing(&run, a);
		check_evaluation(&run, a, now);
		check_verification(&run, a);
		if (posts)
			check_activity(&run, a, now, posts, n_posts);
		free(label);
	}
	return finish_report(reg->path, &run.list, reg->text, reg->len);
}

/* ---- the cross-check of posts ----------------------------------------- */

static void flag_post(finding_list *l, const reg_rule *rule,
		      const pregon_post_ref *p, char *msg)
{
	const char *shown = p->account ? p->account : "";
	int line = p->line > 0 ? p->line : 1, col = p->col > 0 ? p->col : 1;
	add_finding(l, rule, 0, 0, line, col,
		    col + (int)text_count_cp(shown, strlen(shown)), shown, msg);
}

static void check_post(finding_list *l, const pregon_registry *reg,
		       const pregon_post_ref *p)
{
	if (!p->account || !*p->account) {
		flag_post(l, &rule_no_account, p,
			  message(_("la publicación no dice en qué cuenta sale; añada «cuenta:» al encabezado")));
		return;
	}
	const reg_account *a = reg_find(reg, p->account, p->platform);
	if (!a) {
		const reg_account *other = reg_find(reg, p->account, NULL);
		if (other && p->platform)
			flag_post(l, &rule_unknown, p,
				  message(_("la cuenta «%s» está registrada en %s, no en %s"),
					  p->account, other->platform, p->platform));
		else
			flag_post(l, &rule_unknown, p,
				  message(_("la cuenta «%s» no está en el registro de cuentas %s"),
					  p->account, reg->path));
		return;
	}
	long day = parse_day(p->date);
	if (day < 0)
		return;
	char *label = reg_account_label(a);
	if (a->auth_day >= 0 && day < a->auth_day)
		flag_post(l, &rule_before, p,
			  message(_("la publicación es del %.10s, antes de la autorización de %s (%s)"),
				  p->date, label, y_get(a->auth, "fecha")->str));
	else if (a->closed && (a->closed_day < 0 || day > a->closed_day))
		flag_post(l, &rule_after, p,
			  a->closed_day < 0
				  ? message(_("%s está dada de baja: no se publica en ella"), label)
				  : message(_("la publicación es del %.10s, después de la baja de %s (%s)"),
					    p->date, label, a->closed_node->str));
	free(label);
}

pregon_report **pregon_registry_check_posts(const pregon_registry *reg,
					    const pregon_post_ref *posts,
					    size_t n_posts)
{
	pregon_report **out = xcalloc(n_posts ? n_posts : 1, sizeof *out);
	for (size_t i = 0; i < n_posts; i++) {
		finding_list l = { NULL, 0, 0 };
		check_post(&l, reg, &posts[i]);
		out[i] = finish_report(posts[i].path, &l, NULL, 0);
	}
	return out;
}

/* ---- posts' front matter ---------------------------------------------- */

int pregon_post_ref_parse(pregon_post_ref *out, const char *path,
			  const char *input, size_t input_len, int plain_text,
			  pregon_diag *diag)
{
	memset(out, 0, sizeof *out);
	doc_t d;
	int rc = doc_parse(&d, path, input, input_len, plain_text, diag);
	if (rc)
		return rc;
	out->path = xstrdup(path);
	const y_node *n;
	if ((n = y_get(d.fm, "cuenta")) && n->type == Y_SCALAR) {
		out->account = xstrdup(n->str);
		out->line = n->line;
		out->col = n->col;
	}
	if ((n = y_get(d.fm, "plataforma")) && n->type == Y_SCALAR &&
	    doc_is_platform(n->str))
		out->platform = xstrdup(n->str);
	date_t day;
	if ((n = y_get(d.fm, "fecha")) && n->type == Y_SCALAR &&
	    date_parse(n->str, &day) == 0) {
		buf b;
		buf_init(&b);
		buf_printf(&b, "%04d-%02d-%02d", day.year, day.month, day.day);
		out->date = buf_detach(&b);
	}
	doc_dispose(&d);
	return 0;
}

void pregon_post_ref_dispose(pregon_post_ref *ref)
{
	free((char *)ref->path);
	free((char *)ref->account);
	free((char *)ref->platform);
	free((char *)ref->date);
	memset(ref, 0, sizeof *ref);
}
