/* personal_data.c: the `personal-data` kind (criterion III: no personal
 * data in a post).  One rule per `detector`:
 *
 *   curp, rfc, clave-elector, credencial-ine (CIC, OCR, IDMEX line), clabe,
 *   tarjeta, nss, pasaporte, telefono, correo, domicilio,
 *   fecha-nacimiento, placa, cuenta-bancaria
 *
 * Shapes are matched on the case-folded, accent-stripped view of the body
 * as written, link targets and code included (so lower case and decomposed
 * accents are seen as upper case and composed ones), with separators
 * allowed where people put them.  Each match is then validated: a right
 * check digit is certain (the rule's severity); a right shape with a wrong
 * check digit is a probable typo of a real datum (warning,
 * `mensaje_posible`).  Shapes that prove nothing on their own (loose runs
 * of 7 to 13 digits, dates, plates) need one of the rule's `contexto`
 * words within `ventana` bytes.  A `contexto_negativo` word before the
 * datum about as near as any context word (folio, referencia...), or a
 * `contexto_publico` word anywhere in the window (buzón ciudadano,
 * extensión, parque, oficinas...), discards the match.  Digit runs inside
 * URLs, hashtags, mentions and e-mail addresses, amounts, masked values and
 * placeholders are never data.
 *
 * The institution's own public data come from the configuration's
 * `contactos_publicos` (telefonos, correos, dominios_correo, direcciones,
 * cuentas, rfc); government e-mail domains (gob.mx), the special service
 * codes (911, 089...) and toll-free numbers are public without it.
 *
 * Findings are marked sensitive: the engine masks them, and every other
 * text of the report that touches them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "personal_data_kind.h"

static const char *const detector_names[] = {
	"curp", "rfc", "clave-elector", "credencial-ine", "clabe", "tarjeta",
	"nss", "pasaporte", "telefono", "correo", "domicilio",
	"fecha-nacimiento", "placa", "cuenta-bancaria", NULL
};

static const char *const keys[] = { "detector", "contexto",
				    "contexto_negativo", "contexto_publico",
				    "ventana",
				    "mensaje_posible", "message_posible_en",
				    NULL };

static void list_add(pd_list *l, char *s)
{
	l->items = xrealloc(l->items, (l->n + 1) * sizeof *l->items);
	l->items[l->n++] = s;
}

int pd_list_has(const pd_list *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i], s) == 0)
			return 1;
	return 0;
}

static void list_dispose(pd_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
}

static void pd_free(void *p)
{
	pd_state *s = p;
	if (!s)
		return;
	rx_free(s->shape);
	rx_free(s->shape2);
	rx_free(s->context);
	rx_free(s->negative);
	rx_free(s->public_words);
	free(s->possible_es);
	free(s->possible_en);
	list_dispose(&s->allow.phones);
	list_dispose(&s->allow.emails);
	list_dispose(&s->allow.domains);
	list_dispose(&s->allow.addresses);
	list_dispose(&s->allow.accounts);
	list_dispose(&s->allow.rfcs);
	free(s);
}

/* Letters and digits of s[0..len), upper-cased ASCII, into out[cap];
 * returns their number (cap - 1 at most).  Other bytes are dropped, so
 * separators, parentheses and the '+' go. */
size_t pd_alnum_upper(const char *s, size_t len, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < len && k + 1 < cap; i++) {
		char c = s[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&')
			out[k++] = c;
	}
	out[k] = '\0';
	return k;
}

static size_t digits_of(const char *s, size_t len, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < len && k + 1 < cap; i++)
		if (s[i] >= '0' && s[i] <= '9')
			out[k++] = s[i];
	out[k] = '\0';
	return k;
}

/* ---- compiling --------------------------------------------------------- */

static int compile_rx(rx **out, const char *pattern, pregon_diag *diag)
{
	return rx_compile(out, pattern, strlen(pattern), 0, NULL, diag);
}

/* The texts of `n`, a text or a list of them; none when `n` is NULL. */
static int texts_of(const y_node *n, const y_node ***items, size_t *k,
		    pregon_diag *diag)
{
	*items = NULL;
	*k = 0;
	return n ? y_to_str_list(n, items, k, diag) : 0;
}

static int compile_words(rx **out, const kind_compile *c, const char *key,
			 pregon_diag *diag)
{
	return kind_words_rx(out, kind_get(c, key), diag);
}

static int copy_str(char **out, const kind_compile *c, const char *key,
		    pregon_diag *diag)
{
	const char *text;
	const y_node *n = kind_get(c, key);
	int rc = n ? y_to_str(n, &text, diag) : 0;
	if (n && rc == 0)
		*out = xstrdup(text);
	return rc;
}

typedef int (*allow_parse)(const pd_state *st, const y_node *item,
			   pd_list *out, pregon_diag *diag);

static int parse_phone(const pd_state *st, const y_node *item, pd_list *out,
		       pregon_diag *diag)
{
	(void)st;
	char d[64];
	size_t n = digits_of(item->str, item->len, d, sizeof d);
	if (n < 10) {
		y_error(diag, item, _("escriba el número a 10 dígitos"),
			_("«%s» no es un teléfono de 10 dígitos"), item->str);
		return PREGON_EINVAL;
	}
	list_add(out, xstrdup(d + n - 10));
	return 0;
}

static int parse_lower(const pd_state *st, const y_node *item, pd_list *out,
		       pregon_diag *diag)
{
	(void)st;
	(void)diag;
	char *s = text_normalize(item->str, item->len, TEXT_FOLD | TEXT_STRIP);
	char *from = s;
	while (*from == '.' || *from == '@')
		from++; /* ".gob.mx" and "@gob.mx" mean the domain */
	list_add(out, xstrdup(from));
	free(s);
	return 0;
}

static int parse_account(const pd_state *st, const y_node *item,
			 pd_list *out, pregon_diag *diag)
{
	(void)st;
	char d[64];
	if (digits_of(item->str, item->len, d, sizeof d) < 10) {
		y_error(diag, item, _("escriba la CLABE o el número de cuenta completo"),
			_("«%s» no es una cuenta bancaria"), item->str);
		return PREGON_EINVAL;
	}
	list_add(out, xstrdup(d));
	return 0;
}

static int parse_rfc(const pd_state *st, const y_node *item, pd_list *out,
		     pregon_diag *diag)
{
	(void)st;
	char a[32];
	size_t n = pd_alnum_upper(item->str, item->len, a, sizeof a);
	if (n != 12 && n != 13) {
		y_error(diag, item, _("un RFC tiene 12 o 13 caracteres"),
			_("«%s» no es un RFC"), item->str);
		return PREGON_EINVAL;
	}
	list_add(out, xstrdup(a));
	return 0;
}

static int parse_address(const pd_state *st, const y_node *item,
			 pd_list *out, pregon_diag *diag)
{
	char *s = text_normalize(item->str, item->len, TEXT_FOLD | TEXT_STRIP);
	rx_scratch *sc = rx_scratch_new();
	size_t ms, me;
	int rc = 0;
	if (rx_next(st->shape, sc, s, strlen(s), 0, &ms, &me) == 1) {
		list_add(out, pd_address_key(sc, s));
	} else {
		y_error(diag, item,
			_("escriba el tipo de vía, el nombre y el número, como «Av. Libertad 1305»"),
			_("«%s» no es una dirección con calle y número"), item->str);
		rc = PREGON_EINVAL;
	}
	rx_scratch_free(sc);
	free(s);
	return rc;
}

/* contactos_publicos.<key> into `out`, each value checked by `parse`. */
static int load_allow(pd_state *st, const kind_compile *c, const char *key,
		      allow_parse parse, pd_list *out, pregon_diag *diag)
{
	const y_node *contacts = c->config && c->config->tree
					 ? y_get(c->config->tree, "contactos_publicos")
					 : NULL;
	const y_node **items;
	size_t k;
	if (texts_of(contacts ? y_get(contacts, key) : NULL, &items, &k, diag))
		return PREGON_EINVAL;
	int rc = 0;
	for (size_t i = 0; i < k && rc == 0; i++)
		rc = parse(st, items[i], out, diag);
	free(items);
	return rc;
}

static int compile_shapes(pd_state *st, pregon_diag *diag)
{
	/* min_digits: the fewest digits any match of either shape has (a
	 * CURP's date and check digit are 7); e-mail needs none but «@» or
	 * «arroba» instead */
	static const struct {
		const char *shape, *shape2;
		int needs_context;
		size_t min_digits;
	} table[] = {
		[PD_CURP] = { pd_curp_shape, NULL, 0, 7 },
		[PD_RFC] = { pd_rfc_shape, pd_curp_shape, 0, 6 },
		[PD_VOTER_KEY] = { pd_voter_key_shape, NULL, 0, 11 },
		[PD_INE] = { pd_digit_run, pd_idmex_shape, 1, 1 },
		[PD_CLABE] = { pd_digit_run, NULL, 0, 1 },
		[PD_CARD] = { pd_digit_run, NULL, 0, 1 },
		[PD_NSS] = { pd_digit_run, NULL, 1, 1 },
		[PD_PASSPORT] = { pd_digit_run, pd_passport_shape, 1, 1 },
		[PD_PHONE] = { pd_digit_run, NULL, 0, 1 },
		[PD_EMAIL] = { pd_email_shape, pd_email_spelled_shape, 0, 0 },
		[PD_ADDRESS] = { pd_address_shape, NULL, 0, 1 },
		[PD_BIRTH_DATE] = { pd_date_shape, NULL, 1, 4 },
		[PD_PLATE] = { pd_plate_shape, NULL, 1, 3 },
		[PD_BANK_ACCOUNT] = { pd_digit_run, NULL, 1, 1 },
	};
	st->needs_context = table[st->det].needs_context;
	st->min_digits = table[st->det].min_digits;
	st->reads_digit_runs = table[st->det].shape == pd_digit_run;
	if (compile_rx(&st->shape, table[st->det].shape, diag))
		return PREGON_EINVAL;
	if (table[st->det].shape2 &&
	    compile_rx(&st->shape2, table[st->det].shape2, diag))
		return PREGON_EINVAL;
	return 0;
}

static int load_allow_lists(pd_state *st, const kind_compile *c,
			    pregon_diag *diag)
{
	pd_allow_list *a = &st->allow;
	switch (st->det) {
	case PD_PHONE:
		return load_allow(st, c, "telefonos", parse_phone, &a->phones, diag);
	case PD_EMAIL:
		list_add(&a->domains, xstrdup("gob.mx"));
		return load_allow(st, c, "correos", parse_lower, &a->emails, diag) ||
		       load_allow(st, c, "dominios_correo", parse_lower,
				  &a->domains, diag);
	case PD_ADDRESS:
		return load_allow(st, c, "direcciones", parse_address,
				  &a->addresses, diag);
	case PD_CLABE:
	case PD_BANK_ACCOUNT:
	case PD_CARD:
		return load_allow(st, c, "cuentas", parse_account, &a->accounts,
				  diag);
	case PD_RFC:
		return load_allow(st, c, "rfc", parse_rfc, &a->rfcs, diag);
	default:
		return 0;
	}
}

static int pd_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	pd_state *st = xcalloc(1, sizeof *st);
	const y_node *det = kind_get(c, "detector");
	const char *name;
	if (kind_overrides_known(c, &kind_personal_data, diag))
		goto fail;
	if (!det) {
		y_error(diag, c->rule, _("añada «detector», por ejemplo «detector: curp»"),
			_("la regla no dice qué dato personal buscar"));
		goto fail;
	}
	if (y_to_str(det, &name, diag))
		goto fail;
	int found = 0;
	for (int i = 0; detector_names[i]; i++)
		if (strcmp(detector_names[i], name) == 0) {
			st->det = (pd_detector)i;
			found = 1;
		}
	if (!found) {
		const char *near = closest_word(name, detector_names);
		char hint[256];
		if (near)
			snprintf(hint, sizeof hint, _("¿quiso decir «%s»?"), near);
		else
			snprintf(hint, sizeof hint, _("use uno de: %s"),
				 "curp, rfc, clave-elector, credencial-ine, clabe, "
				 "tarjeta, nss, pasaporte, telefono, correo, domicilio, "
				 "fecha-nacimiento, placa, cuenta-bancaria");
		y_error(diag, det, hint, _("detector desconocido «%s»"), name);
		goto fail;
	}
	if (compile_shapes(st, diag) ||
	    compile_words(&st->context, c, "contexto", diag) ||
	    compile_words(&st->negative, c, "contexto_negativo", diag) ||
	    compile_words(&st->public_words, c, "contexto_publico", diag) ||
	    kind_int(c, "ventana", 60, 5, 400, &st->window, diag) ||
	    copy_str(&st->possible_es, c, "mensaje_posible", diag) ||
	    copy_str(&st->possible_en, c, "message_posible_en", diag) ||
	    load_allow_lists(st, c, diag))
		goto fail;
	if (st->needs_context && !st->context) {
		y_error(diag, c->rule, _("añada «contexto» con las palabras que lo anuncian"),
			_("el detector «%s» necesita palabras de contexto"), name);
		goto fail;
	}
	*out = st;
	return 0;
fail:
	pd_free(st);
	return PREGON_EINVAL;
}

/* ---- checking ---------------------------------------------------------- */

/* Distance in bytes from [ms, me) to the nearest match of `r` within the
 * window around it (before it only, when `before_only`), or -1. */
static long nearest(const pd_checker *k, const rx *r, size_t ms, size_t me,
		    int before_only)
{
	if (!r)
		return -1;
	const text_view *v = k->v;
	size_t w = (size_t)k->st->window;
	size_t from = ms > w ? ms - w : 0;
	size_t to = before_only ? ms : me + w / 2 < v->len ? me + w / 2 : v->len;
	long best = -1;
	size_t at = from, cs, ce;
	while (rx_next(r, k->run->scratch, v->s, to, at, &cs, &ce) == 1) {
		long d = -1;
		if (ce <= ms)
			d = (long)(ms - ce);
		else if (cs >= me)
			d = (long)(cs - me);
		if (d >= 0 && (best < 0 || d < best))
			best = d;
		at = ce;
	}
	return best;
}

/* How much nearer than a negative word a context word must be to win:
 * "Folio IMSS 12345678903" is a folio. */
#define NEGATIVE_SLACK 10

/* 1 when a context word announces the datum, 0 when none does, -1 when a
 * negative word before it (folio, referencia...) is about as near as any
 * context word, or a word of an institution (buzón ciudadano, extensión,
 * oficinas...) is anywhere in the window. */
static int context_of(const pd_checker *k, size_t ms, size_t me)
{
	if (nearest(k, k->st->public_words, ms, me, 0) >= 0)
		return -1;
	long pos = nearest(k, k->st->context, ms, me, 0);
	long neg = nearest(k, k->st->negative, ms, me, 1);
	if (neg >= 0 && (pos < 0 || neg <= pos + NEGATIVE_SLACK))
		return -1;
	return pos >= 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The bounds of the whitespace-delimited token around byte `at`. */
static void token_at(const text_view *v, size_t at, size_t *ts, size_t *te)
{
	size_t s = at, e = at;
	while (s > 0 && !is_space(v->s[s - 1]))
		s--;
	while (e < v->len && !is_space(v->s[e]))
		e++;
	*ts = s;
	*te = e;
}

static int has(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(s + i, needle, n) == 0)
			return 1;
	return 0;
}

/* A URL, a hashtag or a mention holds ids, not data; a digit run glued to
 * an '@' is the local part of an e-mail address. */
static int in_link_or_tag(const text_view *v, size_t ms, size_t me,
			  int email_ok)
{
	size_t at[2] = { ms, me > ms ? me - 1 : ms };
	for (int i = 0; i < 2; i++) {
		size_t ts, te;
		token_at(v, at[i], &ts, &te);
		const char *t = v->s + ts;
		size_t n = te - ts;
		while (n && strchr("(<[\"'¡¿", *t)) {
			t++;
			n--;
		}
		if (has(t, n, "://") || (n > 4 && memcmp(t, "www.", 4) == 0) ||
		    (n && (*t == '#' || (*t == '@' && !email_ok))) ||
		    (!email_ok && has(t, n, "@")))
			return 1;
		/* "tecate.gob.mx/tramites/12345": a domain before a slash */
		const char *slash = memchr(t, '/', n);
		if (slash)
			for (const char *p = t; p + 1 < slash; p++)
				if (*p == '.' && p[1] >= 'a' && p[1] <= 'z')
					return 1;
	}
	return 0;
}

static void emit(const pd_checker *k, size_t ms, size_t me, int verdict)
{
	kind_finding f = { 0 };
	size_t start, end;
	text_view_span(k->v, ms, me, &start, &end);
	f.offset = start;
	f.length = end - start;
	f.sensitive = 1;
	if (verdict == PD_POSSIBLE) {
		f.at_most_warning = 1;
		const char *en = k->st->possible_en;
		f.message = k->run->lang == PREGON_LANG_EN && en ? en
							       : k->st->possible_es;
	}
	k->run->emit(k->run, &f);
}

static int judge_match(const pd_checker *k, size_t ms, size_t *end)
{
	size_t me = *end;
	const pd_state *st = k->st;
	const char *s = k->v->s + ms;
	size_t len = me - ms;
	int ctx;
	switch (st->det) {
	case PD_CURP:
		return in_link_or_tag(k->v, ms, me, 0) ? PD_NOT_DATA : pd_judge_curp(s, len);
	case PD_VOTER_KEY:
		return in_link_or_tag(k->v, ms, me, 0) ? PD_NOT_DATA
						       : pd_judge_voter_key(s, len);
	case PD_EMAIL:
		return pd_judge_email(k, s, len);
	case PD_ADDRESS: {
		/* the groups of this match are read before any other search */
		if (pd_address_public(k))
			return PD_NOT_DATA;
		int common = pd_address_type_is_common_word(k);
		ctx = context_of(k, ms, me);
		return ctx < 0 || (common && ctx == 0) ? PD_NOT_DATA : PD_CERTAIN;
	}
	default:
		break;
	}
	if (in_link_or_tag(k->v, ms, me, 0))
		return PD_NOT_DATA;
	ctx = context_of(k, ms, me);
	switch (st->det) {
	case PD_RFC: {
		size_t cs, ce;
		/* the first 10 characters of a CURP are an RFC's */
		if (rx_next(st->shape2, k->run->scratch, k->v->s, k->v->len, ms, &cs,
			    &ce) == 1 &&
		    cs == ms)
			return PD_NOT_DATA;
		return pd_judge_rfc(k, s, len, ctx);
	}
	case PD_BIRTH_DATE:
		return ctx == 1 && pd_real_date(s, len) ? PD_CERTAIN : PD_NOT_DATA;
	case PD_PLATE:
		*end = pd_plate_end(k, ms, me);
		return ctx == 1 && pd_plate_written_apart_in_capitals(k, ms, *end)
			       ? PD_CERTAIN
			       : PD_NOT_DATA;
	default:
		return pd_judge_digit_run(k, ms, me, ctx);
	}
}

/* The verdict on a match of the second shape. */
static int judge_match2(const pd_checker *k, size_t ms, size_t *end)
{
	size_t me = *end;
	const char *s = k->v->s + ms;
	switch (k->st->det) {
	case PD_INE:
		return in_link_or_tag(k->v, ms, me, 0) ? PD_NOT_DATA
						       : pd_judge_idmex(s);
	case PD_PASSPORT:
		return !in_link_or_tag(k->v, ms, me, 0) && context_of(k, ms, me) == 1
			       ? PD_CERTAIN
			       : PD_NOT_DATA;
	case PD_EMAIL:
		return PD_POSSIBLE;
	default:
		return PD_NOT_DATA;
	}
}

/* Run shape `r` over the body; `judge` gives the verdict on each match and
 * may shorten it (a plate's final letter that is a word). */
static int scan(const pd_checker *k, const rx *r,
		int (*judge)(const pd_checker *, size_t, size_t *))
{
	size_t at = 0, ms, me;
	int rc;
	while ((rc = rx_next(r, k->run->scratch, k->v->s, k->v->len, at, &ms,
			     &me)) == 1) {
		size_t end = me;
		int verdict = judge(k, ms, &end);
		if (verdict != PD_NOT_DATA)
			emit(k, ms, end, verdict);
		at = me;
	}
	return rc == PREGON_ELIMIT ? rc : 0;
}

/* The runs of digits, searched once per document: seven detectors read
 * them, and what a judge decides never changes where the next run is. */
static int scan_digit_runs(const pd_checker *k)
{
	doc_t *d = k->run->doc;
	if (!d->digit_runs_state) {
		size_t at = 0, ms, me, cap = 0;
		int rc;
		while ((rc = rx_next(k->st->shape, k->run->scratch, k->v->s, k->v->len, at,
				     &ms, &me)) == 1) {
			xgrow(&d->digit_runs, &cap, d->n_digit_runs + 1, sizeof *d->digit_runs);
			d->digit_runs[d->n_digit_runs++] = (pregon_span){ ms, me - ms };
			at = me;
		}
		d->digit_runs_state = rc == PREGON_ELIMIT ? 2 : 1;
	}
	for (size_t i = 0; i < d->n_digit_runs; i++) {
		size_t ms = d->digit_runs[i].offset, end = ms + d->digit_runs[i].length;
		int verdict = judge_match(k, ms, &end);
		if (verdict != PD_NOT_DATA)
			emit(k, ms, end, verdict);
	}
	return d->digit_runs_state == 2 ? PREGON_ELIMIT : 0;
}

static int pd_check(const void *p, kind_run *run)
{
	const pd_state *st = p;
	/* the body as written: a datum in a tel: link or a code span is
	 * published all the same */
	pd_checker k = { st, run, doc_body_view(run->doc, TEXT_FOLD | TEXT_STRIP) };
	/* a text without what every match holds is not scanned at all */
	if (doc_digits(run->doc) < st->min_digits)
		return 0;
	int email = st->det == PD_EMAIL;
	int rc = st->reads_digit_runs			  ? scan_digit_runs(&k)
		 : email && !memchr(k.v->s, '@', k.v->len) ? 0
							   : scan(&k, st->shape, judge_match);
	/* the RFC's second shape only rules CURPs out */
	if (rc == 0 && st->shape2 && st->det != PD_RFC &&
	    !(email && !memmem(k.v->s, k.v->len, "arroba", 6)))
		rc = scan(&k, st->shape2, judge_match2);
	return rc;
}

const kind_ops kind_personal_data = { "personal-data", keys, pd_compile, NULL,
				      pd_check, pd_free, NULL };

