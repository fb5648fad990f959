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

#include "kind.h"
#include "personal_data.h"

typedef enum {
	D_CURP,
	D_RFC,
	D_VOTER_KEY,
	D_INE,
	D_CLABE,
	D_CARD,
	D_NSS,
	D_PASSPORT,
	D_PHONE,
	D_EMAIL,
	D_ADDRESS,
	D_BIRTH_DATE,
	D_PLATE,
	D_BANK_ACCOUNT
} detector;

static const char *const detector_names[] = {
	"curp", "rfc", "clave-elector", "credencial-ine", "clabe", "tarjeta",
	"nss", "pasaporte", "telefono", "correo", "domicilio",
	"fecha-nacimiento", "placa", "cuenta-bancaria", NULL
};

/* Letters and digits around a datum end it; so do the marks of masking. */
#define NOT_AFTER "(?<![\\p{L}\\p{N}_\\x{2022}*])"
#define NOT_BEFORE "(?![\\p{L}\\p{N}_\\x{2022}*])"

/* A run of digits with the separators people put in numbers: spaces (also
 * no-break), dots, dashes and an area code in parentheses.  Possessive, so
 * a long run cannot backtrack, which is why " (" is tried before " ".
 * '<' is the filler of the credential's
 * machine-readable zone, whose IDMEX line is matched whole. */
static const char digit_run[] =
	"(?<![\\p{L}\\p{N}_\\x{2022}*#@$/\\\\<])(?<!\\d[.,:])"
	"(?:\\+ ?)?(?:\\( ?\\d{1,4} ?\\) ?)?\\d++"
	"(?:(?: ?\\(|\\) ?|[ .\\-]|\\x{a0})?+\\d++)*+"
	"(?![\\p{L}\\p{N}_\\x{2022}*@/<])(?![.,:]\\d)";

static const char curp_shape[] =
	NOT_AFTER "[a-z][aeioux][a-z]{2}[ \\-]?\\d{2}(?:0[1-9]|1[0-2])"
	"(?:0[1-9]|[12]\\d|3[01])[ \\-]?[hm](?:as|b[cs]|c[clmsh]|d[fg]|g[tr]|hg|"
	"jc|m[cns]|n[etl]|oc|pl|q[tr]|s[plr]|t[csl]|vz|yn|zs|ne)"
	"[b-df-hj-np-tv-z]{3}[ \\-]?[a-z\\d]\\d" NOT_BEFORE;

static const char rfc_shape[] =
	"(?<![\\p{L}\\p{N}_&\\x{2022}*])[a-z&]{4}[ \\-]?\\d{6}"
	"(?:[ \\-]?[a-z\\d]{2}[\\da])?(?![\\p{L}\\p{N}_&\\x{2022}*])";

static const char voter_key_shape[] =
	NOT_AFTER "[a-z]{6}[ \\-]?\\d{6}[ \\-]?(?:0[1-9]|[12]\\d|3[0-2])"
	"[ \\-]?[hm][ \\-]?\\d{3}" NOT_BEFORE;

static const char idmex_shape[] = NOT_AFTER "idmex\\d{10}[\\d<]*";

static const char passport_shape[] = NOT_AFTER "[a-z]\\d{8}" NOT_BEFORE;

static const char email_shape[] =
	"(?<![\\p{L}\\p{N}._%+\\-])[a-z0-9._%+\\-]+@[a-z0-9\\-]+"
	"(?:\\.[a-z0-9\\-]+)*\\.[a-z]{2,}(?![\\p{L}\\p{N}\\-])";

/* "nombre [arroba] gmail [punto] com": personal, but only a guess. */
static const char email_spelled_shape[] =
	NOT_AFTER "[a-z0-9._\\-]+\\s*[\\[(<{]?\\s*arroba\\s*[\\])>}]?\\s*"
	"[a-z0-9\\-]+\\s*[\\[(<{]?\\s*punto\\s*[\\])>}]?\\s*[a-z]{2,}" NOT_BEFORE;

/* Street type, name, number; then optionally interior, colonia and postal
 * code, all on one line.  Groups: 1 the street type, 2 its name, 3 the
 * number.  A name never holds the words of an intersection (y, esquina,
 * entre...); it starts with a word ("salir a la calle en 4 semanas" has
 * none), a date ("5 de Mayo") or, before an explicit "#" or "No.", a
 * number ("Calle 2 No. 145").  A number followed by a unit is a quantity
 * ("la carretera cuesta 800 millones"). */
#define ADDR_STOP                                                          \
	"(?!(?:y|e|o|entre|esquina|con|col|colonia|fracc|fraccionamiento|"    \
	"no|num|numero|km|cp)(?![\\p{L}\\p{N}]))"
#define ADDR_WORD ADDR_STOP "\\p{L}[\\p{L}\\p{N}'\\-]*+\\.?"
#define ADDR_DATE "\\d{1,2}\\h+de\\h+\\p{L}++"
#define ADDR_MARK "(?:#|no\\.?|num\\.?|numero|nro\\.?)"
#define ADDR_FIRST                                                         \
	"(?:(?!(?:en|a|al|por|para|con|sin|que|se|su|sus|mi|tu|un|una|hasta|" \
	"desde|hacia)(?![\\p{L}\\p{N}]))" ADDR_WORD "|" ADDR_DATE             \
	"|\\d{1,3}(?=\\h*,?\\h*" ADDR_MARK "))"
#define ADDR_UNITS                                                         \
	"(?:de|del|%|años|hrs|horas|am|pm|millones|millon|mil|pesos|metros|"  \
	"m2|km|kilometros|personas|familias|casas|viviendas|dias|semanas|"    \
	"meses|minutos|veces|lugares|alumnos|niños|elementos|unidades|"       \
	"toneladas|litros)"
#define COLONIA_WORD                                                       \
	"(?!(?:para|en|a|y|que|se|con|por|su|sus|donde|al|cp|c\\.p)"           \
	"(?![\\p{L}\\p{N}]))[\\p{L}\\d][\\p{L}\\d'\\-]*+\\.?"
static const char address_shape[] =
	NOT_AFTER
	"(calle|c\\.|avenida|av\\.?|boulevard|bulevar|blvd\\.?|privada|priv\\.|"
	"callejon|cerrada|cda\\.|andador|carretera|calzada|calz\\.|"
	"prolongacion|prol\\.)\\h+"
	"(" ADDR_FIRST "(?:\\h+(?:" ADDR_WORD "|" ADDR_DATE ")){0,5}?)"
	"\\h*,?\\h*(?:" ADDR_MARK "\\h*)?"
	"(?:(\\d{1,5}(?:-?[a-z](?![\\p{L}\\p{N}]))?)"
	"(?![\\p{L}\\p{N}]|[.,:/]\\d|\\h*" ADDR_UNITS "(?![\\p{L}\\p{N}]))"
	"|s/n\\h*,?\\h*(?:mz\\.?|manzana)\\h*\\d+\\h*,?\\h*(?:lt\\.?|lote)\\h*\\d+)"
	"(?:\\h*,?\\h*(?:int\\.?|interior|depto\\.?|departamento)\\h*#?\\h*"
	"\\d+[a-z]?(?![\\p{L}\\p{N}]))?"
	"(?:\\h*,?\\h*(?:col\\.?|colonia|fracc\\.?|fraccionamiento|ejido|"
	"delegacion|barrio)\\h+" COLONIA_WORD "(?:\\h+" COLONIA_WORD "){0,3})?"
	"(?:\\h*,?\\h*(?:c\\.\\h?p\\.?|cp|codigo postal)\\h*\\d{5}"
	"(?![\\p{L}\\p{N}]))?";

static const char date_shape[] =
	NOT_AFTER
	"(?:\\d{1,2}\\s+de\\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|"
	"agosto|septiembre|setiembre|octubre|noviembre|diciembre)\\s+(?:de|del)"
	"\\s+\\d{4}|\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})|"
	"\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:ene|feb|mar|abr|may|jun|jul|ago|"
	"sept?|oct|nov|dic)\\.?\\s+\\d{4})" NOT_BEFORE;

/* Private plates: 3 letters (never I, O or Q), 3 or 4 digits and the
 * newer final letter; trucks 2 letters and 4 or 5 digits. */
static const char plate_shape[] =
	NOT_AFTER
	"(?:[a-hj-npr-z]{3}[ \\-]?\\d{3,4}(?:[ \\-]?[a-hj-npr-z])?|"
	"[a-hj-npr-z]{2}-?\\d{4,5})" NOT_BEFORE;

typedef struct {
	char **items;
	size_t n;
} str_list;

/* The institution's public data, normalized as matches are compared. */
typedef struct {
	str_list phones;    /* national 10 digits */
	str_list emails;    /* lower case */
	str_list domains;   /* lower case, no leading dot */
	str_list addresses; /* address_key() */
	str_list accounts;  /* digits */
	str_list rfcs;      /* upper case, no separators */
} allow_list;

typedef struct {
	detector det;
	rx *shape;
	rx *shape2;           /* a second shape: IDMEX, letter+8 passport,
			       * spelled e-mail, the CURP an RFC must not be */
	rx *context;          /* NULL: none listed */
	rx *negative;
	rx *public_words;     /* any of them in the window: institutional */
	int needs_context;
	long window;
	char *possible_es, *possible_en;
	allow_list allow;
} pd_state;

static const char *const keys[] = { "detector", "contexto",
				    "contexto_negativo", "contexto_publico",
				    "ventana",
				    "mensaje_posible", "message_posible_en",
				    NULL };

static void list_add(str_list *l, char *s)
{
	l->items = xrealloc(l->items, (l->n + 1) * sizeof *l->items);
	l->items[l->n++] = s;
}

static int list_has(const str_list *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i], s) == 0)
			return 1;
	return 0;
}

static void list_dispose(str_list *l)
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
static size_t alnum_upper(const char *s, size_t len, char *out, size_t cap)
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
	*out = NULL;
	const y_node *n = kind_get(c, key);
	const y_node **items;
	size_t k;
	if (texts_of(n, &items, &k, diag))
		return PREGON_EINVAL;
	const char **words = xmalloc((k ? k : 1) * sizeof *words);
	for (size_t i = 0; i < k; i++)
		words[i] = items[i]->str;
	int rc = 0;
	if (k) {
		char *alt = kind_word_alternation(words, k, TEXT_FOLD | TEXT_STRIP);
		rc = rx_compile(out, alt, strlen(alt), RX_CASELESS | RX_WORD, n, diag);
		free(alt);
	}
	free(words);
	free(items);
	return rc;
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

/* "calle|hidalgo|25": the street type written out, its name and number
 * from the groups of an address match on the folded view `s`. */
static char *address_key(const rx_scratch *sc, const char *s)
{
	static const struct {
		const char *abbrev, *full;
	} types[] = { { "c.", "calle" },        { "av", "avenida" },
		      { "av.", "avenida" },     { "blvd", "boulevard" },
		      { "blvd.", "boulevard" }, { "bulevar", "boulevard" },
		      { "priv.", "privada" },   { "cda.", "cerrada" },
		      { "calz.", "calzada" },   { "prol.", "prolongacion" } };
	size_t gs, ge;
	buf b;
	buf_init(&b);
	if (rx_group(sc, 1, &gs, &ge)) {
		const char *type = NULL;
		for (size_t i = 0; i < sizeof types / sizeof *types && !type; i++)
			if (strlen(types[i].abbrev) == ge - gs &&
			    memcmp(types[i].abbrev, s + gs, ge - gs) == 0)
				type = types[i].full;
		if (type)
			buf_puts(&b, type);
		else
			buf_put(&b, s + gs, ge - gs);
	}
	buf_putc(&b, '|');
	if (rx_group(sc, 2, &gs, &ge)) {
		int space = 0;
		for (size_t i = gs; i < ge; i++) {
			char ch = s[i];
			if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
				space = 1;
				continue;
			}
			if (ch == '.')
				continue;
			if (space)
				buf_putc(&b, ' ');
			space = 0;
			buf_putc(&b, ch);
		}
	}
	buf_putc(&b, '|');
	if (rx_group(sc, 3, &gs, &ge))
		for (size_t i = gs; i < ge; i++)
			if (s[i] != ' ' && s[i] != '-')
				buf_putc(&b, s[i]);
	return buf_detach(&b);
}

typedef int (*allow_parse)(const pd_state *st, const y_node *item,
			   str_list *out, pregon_diag *diag);

static int parse_phone(const pd_state *st, const y_node *item, str_list *out,
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

static int parse_lower(const pd_state *st, const y_node *item, str_list *out,
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
			 str_list *out, pregon_diag *diag)
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

static int parse_rfc(const pd_state *st, const y_node *item, str_list *out,
		     pregon_diag *diag)
{
	(void)st;
	char a[32];
	size_t n = alnum_upper(item->str, item->len, a, sizeof a);
	if (n != 12 && n != 13) {
		y_error(diag, item, _("un RFC tiene 12 o 13 caracteres"),
			_("«%s» no es un RFC"), item->str);
		return PREGON_EINVAL;
	}
	list_add(out, xstrdup(a));
	return 0;
}

static int parse_address(const pd_state *st, const y_node *item,
			 str_list *out, pregon_diag *diag)
{
	char *s = text_normalize(item->str, item->len, TEXT_FOLD | TEXT_STRIP);
	rx_scratch *sc = rx_scratch_new();
	size_t ms, me;
	int rc = 0;
	if (rx_next(st->shape, sc, s, strlen(s), 0, &ms, &me) == 1) {
		list_add(out, address_key(sc, s));
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
		      allow_parse parse, str_list *out, pregon_diag *diag)
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
	static const struct {
		const char *shape, *shape2;
		int needs_context;
	} table[] = {
		[D_CURP] = { curp_shape, NULL, 0 },
		[D_RFC] = { rfc_shape, curp_shape, 0 },
		[D_VOTER_KEY] = { voter_key_shape, NULL, 0 },
		[D_INE] = { digit_run, idmex_shape, 1 },
		[D_CLABE] = { digit_run, NULL, 0 },
		[D_CARD] = { digit_run, NULL, 0 },
		[D_NSS] = { digit_run, NULL, 1 },
		[D_PASSPORT] = { digit_run, passport_shape, 1 },
		[D_PHONE] = { digit_run, NULL, 0 },
		[D_EMAIL] = { email_shape, email_spelled_shape, 0 },
		[D_ADDRESS] = { address_shape, NULL, 0 },
		[D_BIRTH_DATE] = { date_shape, NULL, 1 },
		[D_PLATE] = { plate_shape, NULL, 1 },
		[D_BANK_ACCOUNT] = { digit_run, NULL, 1 },
	};
	st->needs_context = table[st->det].needs_context;
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
	allow_list *a = &st->allow;
	switch (st->det) {
	case D_PHONE:
		return load_allow(st, c, "telefonos", parse_phone, &a->phones, diag);
	case D_EMAIL:
		list_add(&a->domains, xstrdup("gob.mx"));
		return load_allow(st, c, "correos", parse_lower, &a->emails, diag) ||
		       load_allow(st, c, "dominios_correo", parse_lower,
				  &a->domains, diag);
	case D_ADDRESS:
		return load_allow(st, c, "direcciones", parse_address,
				  &a->addresses, diag);
	case D_CLABE:
	case D_BANK_ACCOUNT:
	case D_CARD:
		return load_allow(st, c, "cuentas", parse_account, &a->accounts,
				  diag);
	case D_RFC:
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
			st->det = (detector)i;
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

enum { NOT_DATA = 0, CERTAIN = 1, POSSIBLE = 2 };

typedef struct {
	const pd_state *st;
	kind_run *run;
	const text_view *v;
} checker;

/* Distance in bytes from [ms, me) to the nearest match of `r` within the
 * window around it (before it only, when `before_only`), or -1. */
static long nearest(const checker *k, const rx *r, size_t ms, size_t me,
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
static int context_of(const checker *k, size_t ms, size_t me)
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

/* "$6,651,234,567" or "1234567890 pesos": an amount, or a count. */
static int is_amount(const text_view *v, size_t ms, size_t me)
{
	size_t i = ms;
	while (i > 0 && v->s[i - 1] == ' ')
		i--;
	if (i > 0 && v->s[i - 1] == '$')
		return 1;
	static const char *const units[] = {
		"pesos", "mxn", "mdp", "usd", "dolares", "%", "personas",
		"habitantes", "derechohabientes", "usuarios", "familias",
		"beneficiarios", "casos", "dosis", NULL
	};
	size_t j = me;
	while (j < v->len && v->s[j] == ' ')
		j++;
	for (const char *const *u = units; *u; u++) {
		size_t n = strlen(*u);
		if (j + n <= v->len && memcmp(v->s + j, *u, n) == 0)
			return 1;
	}
	return 0;
}

static void emit(const checker *k, size_t ms, size_t me, int verdict)
{
	kind_finding f = { 0 };
	size_t start, end;
	text_view_span(k->v, ms, me, &start, &end);
	f.offset = start;
	f.length = end - start;
	f.sensitive = 1;
	if (verdict == POSSIBLE) {
		f.at_most_warning = 1;
		const char *en = k->st->possible_en;
		f.message = k->run->lang == PREGON_LANG_EN && en ? en
							       : k->st->possible_es;
	}
	k->run->emit(k->run, &f);
}

/* A run of one digit repeated ("0000 0000 0000 0000") is a placeholder. */
static int all_same(const char *d, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (d[i] != d[0])
			return 0;
	return 1;
}

typedef struct {
	char d[40];        /* the digits */
	size_t n;
	size_t groups;     /* digit groups between separators */
	int short_group;   /* a group of one digit */
	int plus;          /* written with a leading '+' */
} digits;

static void read_run(const char *s, size_t len, digits *out)
{
	memset(out, 0, sizeof *out);
	int in_group = 0;
	size_t group_len = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			if (out->n + 1 < sizeof out->d)
				out->d[out->n] = c;
			out->n++;
			if (!in_group)
				out->groups++;
			in_group = 1;
			group_len++;
			continue;
		}
		if (c == '+')
			out->plus = 1;
		if (in_group && group_len == 1)
			out->short_group = 1;
		in_group = 0;
		group_len = 0;
	}
	if (in_group && group_len == 1 && out->groups > 1)
		out->short_group = 1;
	if (out->n >= sizeof out->d)
		out->n = sizeof out->d; /* too long for any datum */
	else
		out->d[out->n] = '\0';
}

/* Written in the groups of a phone number: 665 123 4567, 665-123-45-67. */
static int phone_grouped(const digits *r)
{
	return r->groups >= 2 && r->groups <= 5 && !r->short_group;
}

static int judge_phone(const checker *k, const digits *r, int ctx)
{
	const char *nat = NULL;
	if (r->plus) {
		if (r->n == 12 && strncmp(r->d, "52", 2) == 0)
			nat = r->d + 2;
		else if (r->n == 13 && strncmp(r->d, "521", 3) == 0)
			nat = r->d + 3;
		else if (r->n == 11 && r->d[0] == '1')
			nat = r->d + 1; /* a US number, common on the border */
	} else if (r->n == 10) {
		nat = r->d;
	} else if (r->n == 12 && (strncmp(r->d, "52", 2) == 0 ||
				  strncmp(r->d, "01", 2) == 0)) {
		nat = r->d + 2; /* 52 without the '+', or the old 01 prefix */
	} else if (r->n == 13 && (strncmp(r->d, "044", 3) == 0 ||
				  strncmp(r->d, "045", 3) == 0)) {
		nat = r->d + 3; /* the old mobile prefixes */
	} else if (r->n == 7 && ctx == 1 && !all_same(r->d, r->n)) {
		return POSSIBLE; /* a local number from before 2019 */
	}
	/* "665 000 0000" is how a form shows the shape: the subscriber's
	 * seven digits all alike are a placeholder */
	if (!nat || nat[0] < '2' || ctx < 0 || all_same(nat + 3, 7))
		return NOT_DATA;
	/* toll-free lines are institutional or commercial */
	if (strncmp(nat, "800", 3) == 0 || strncmp(nat, "900", 3) == 0)
		return NOT_DATA;
	if (list_has(&k->st->allow.phones, nat))
		return NOT_DATA;
	return r->plus || phone_grouped(r) || ctx == 1 ? CERTAIN : NOT_DATA;
}

static int judge_digits(const checker *k, const digits *r, int ctx)
{
	const pd_state *st = k->st;
	if (ctx < 0 || r->n >= sizeof r->d || all_same(r->d, r->n))
		return NOT_DATA;
	switch (st->det) {
	case D_PHONE:
		return judge_phone(k, r, ctx);
	case D_CLABE:
		if (r->n != 18 || r->plus || list_has(&st->allow.accounts, r->d))
			return NOT_DATA;
		if (pd_clabe_check_digit(r->d) == r->d[17])
			return pd_clabe_bank_known(r->d) || ctx ? CERTAIN : NOT_DATA;
		return ctx ? POSSIBLE : NOT_DATA;
	case D_CARD:
		if (r->n < 13 || r->n > 19 || r->n == 18 || r->plus ||
		    list_has(&st->allow.accounts, r->d))
			return NOT_DATA;
		if (pd_luhn_valid(r->d, r->n))
			return pd_card_network_known(r->d, r->n) || ctx ? CERTAIN
									: NOT_DATA;
		return ctx && r->n == 16 ? POSSIBLE : NOT_DATA;
	case D_NSS:
		if (r->n != 11 || !ctx)
			return NOT_DATA;
		return pd_luhn_valid(r->d, r->n) ? CERTAIN : POSSIBLE;
	case D_PASSPORT:
		return (r->n == 10 || r->n == 11) && r->groups == 1 && ctx ? CERTAIN
									    : NOT_DATA;
	case D_INE:
		return (r->n == 9 || r->n == 13) && ctx ? CERTAIN : NOT_DATA;
	case D_BANK_ACCOUNT:
		/* "665 145 67 89" after "cuenta" is still written as a phone */
		if (r->n == 10 && phone_grouped(r))
			return NOT_DATA;
		return (r->n == 10 || r->n == 11) && ctx &&
				       !list_has(&st->allow.accounts, r->d)
			       ? CERTAIN
			       : NOT_DATA;
	default:
		return NOT_DATA;
	}
}

static int judge_curp(const char *s, size_t len)
{
	char a[32];
	if (alnum_upper(s, len, a, sizeof a) != 18)
		return NOT_DATA;
	int v = pd_curp_validate(a);
	return v == 1 ? CERTAIN : v == -1 ? POSSIBLE : NOT_DATA;
}

static int judge_rfc(const checker *k, const char *s, size_t len, int ctx)
{
	char a[32];
	size_t n = alnum_upper(s, len, a, sizeof a);
	if (!pd_date_real(a + 4, 0) || ctx < 0)
		return NOT_DATA;
	if (n == 10) /* no homoclave: initials and birth date all the same */
		return ctx ? POSSIBLE : NOT_DATA;
	if (pd_rfc_is_generic(a) || list_has(&k->st->allow.rfcs, a))
		return NOT_DATA;
	return pd_rfc_check_char(a, 12) == a[12] ? CERTAIN : POSSIBLE;
}

static int judge_voter_key(const char *s, size_t len)
{
	char a[32];
	if (alnum_upper(s, len, a, sizeof a) != 18)
		return NOT_DATA;
	return pd_date_real(a + 6, 0) ? CERTAIN : NOT_DATA;
}

/* IDMEX, the CIC and its ICAO check digit: the first line of the
 * machine-readable zone of the credential. */
static int judge_idmex(const char *s)
{
	char cic[10];
	for (int i = 0; i < 9; i++)
		cic[i] = s[5 + i];
	cic[9] = '\0';
	return pd_icao_check_digit(cic, 9) == s[14] ? CERTAIN : POSSIBLE;
}

static int in_list(const char *s, size_t n, const char *const *list)
{
	for (const char *const *w = list; *w; w++)
		if (strlen(*w) == n && memcmp(*w, s, n) == 0)
			return 1;
	return 0;
}

/* A role mailbox (info@, contacto@, ventas@...) of an organization's own
 * domain names no one; the same local part at a free-mail provider may be
 * anyone's. */
static int role_mailbox(const char *local, size_t n, const char *domain)
{
	static const char *const roles[] = {
		"info", "informes", "contacto", "ventas", "atencion", "soporte",
		"prensa", "comunicacion", "transparencia", "denuncias", "quejas",
		"hola", "ayuda", "admin", "administracion", "recepcion",
		"servicio", "servicios", "clientes", "facturacion", "rh", "empleo",
		"noreply", "no-reply", NULL
	};
	static const char *const free_mail[] = {
		"gmail.com", "hotmail.com", "hotmail.es", "outlook.com",
		"outlook.es", "yahoo.com", "yahoo.com.mx", "icloud.com",
		"live.com", "live.com.mx", "prodigy.net.mx", NULL
	};
	return in_list(local, n, roles) &&
	       !in_list(domain, strlen(domain), free_mail);
}

static int judge_email(const checker *k, const char *s, size_t len)
{
	const char *at = memchr(s, '@', len);
	if (!at)
		return NOT_DATA;
	char *email = xstrndup(s, len);
	const char *domain = email + (at - s) + 1;
	size_t dn = strlen(domain);
	/* nombre@ejemplo.com shows the shape of an address in a form */
	int placeholder = strncmp(domain, "ejemplo.", 8) == 0 ||
			  strncmp(domain, "example.", 8) == 0;
	int public = placeholder || list_has(&k->st->allow.emails, email) ||
		     role_mailbox(email, (size_t)(at - s), domain);
	for (size_t i = 0; i < k->st->allow.domains.n && !public; i++) {
		const char *d = k->st->allow.domains.items[i];
		size_t n = strlen(d);
		public = strcmp(domain, d) == 0 ||
			 (dn > n && domain[dn - n - 1] == '.' &&
			  strcmp(domain + dn - n, d) == 0);
	}
	free(email);
	return public ? NOT_DATA : CERTAIN;
}

/* Day, month and year of a date as written ("14 de marzo de 1987",
 * "14/03/87", "1987-03-14", "14 mar. 1987"); 1 when it is a real date. */
static int real_date(const char *s, size_t len)
{
	static const char *const months[] = { "ene", "feb", "mar", "abr", "may",
					      "jun", "jul", "ago", "sep", "oct",
					      "nov", "dic" };
	long num[3] = { 0, 0, 0 };
	int ndig[3] = { 0, 0, 0 }, nn = 0, month = 0;
	for (size_t i = 0; i < len;) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (nn == 3)
				return 0;
			while (i < len && s[i] >= '0' && s[i] <= '9') {
				num[nn] = num[nn] * 10 + (s[i++] - '0');
				ndig[nn]++;
			}
			nn++;
		} else if (s[i] >= 'a' && s[i] <= 'z') {
			size_t j = i;
			while (j < len && s[j] >= 'a' && s[j] <= 'z')
				j++;
			for (int m = 0; m < 12 && j - i >= 3; m++)
				if (memcmp(s + i, months[m], 3) == 0)
					month = m + 1;
			if (j - i >= 3 && strncmp(s + i, "set", 3) == 0)
				month = 9;
			i = j;
		} else {
			i++;
		}
	}
	long y, m, d;
	if (month && nn == 2) {
		d = num[0];
		m = month;
		y = num[1];
	} else if (nn == 3 && ndig[0] == 4) {
		y = num[0];
		m = num[1];
		d = num[2];
	} else if (nn == 3) {
		d = num[0];
		m = num[1];
		y = num[2];
	} else {
		return 0;
	}
	if (y >= 100 && (y < 1900 || y > 2099))
		return 0;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	char yymmdd[7] = { (char)('0' + y % 100 / 10), (char)('0' + y % 10),
			   (char)('0' + m / 10), (char)('0' + m % 10),
			   (char)('0' + d / 10), (char)('0' + d % 10), '\0' };
	int century = y >= 100 ? (int)(y / 100) : 0;
	return pd_date_real(yymmdd, century);
}

static int address_public(const checker *k)
{
	if (!k->st->allow.addresses.n)
		return 0;
	char *key = address_key(k->run->scratch, k->v->s);
	int public = list_has(&k->st->allow.addresses, key);
	free(key);
	return public;
}

/* Written with spaces, a plate must be in capitals in the input, or
 * "las 100" would be one. */
static int plate_written_apart_in_capitals(const checker *k, size_t ms,
					   size_t me)
{
	if (!memchr(k->v->s + ms, ' ', me - ms))
		return 1;
	size_t start, end;
	text_view_span(k->v, ms, me, &start, &end);
	const char *in = k->run->doc->input;
	for (size_t i = start; i < end; i++)
		if (in[i] >= 'a' && in[i] <= 'z')
			return 0;
	return 1;
}

/* "privada", "cerrada", "andador" and "carretera" in lower case are as
 * often plain words ("basílica cerrada del 10 al 13") as street types:
 * then only a context word (domicilio, vive...) makes them an address. */
static int address_type_is_common_word(const checker *k)
{
	static const char *const common[] = { "privada", "cerrada", "andador",
					      "carretera", NULL };
	size_t gs, ge;
	if (!rx_group(k->run->scratch, 1, &gs, &ge))
		return 0;
	for (const char *const *w = common; *w; w++)
		if (strlen(*w) == ge - gs && memcmp(k->v->s + gs, *w, ge - gs) == 0) {
			size_t start, end;
			text_view_span(k->v, gs, ge, &start, &end);
			char c = k->run->doc->input[start];
			return c >= 'a' && c <= 'z';
		}
	return 0;
}

/* The verdict on a match of the main shape. */
static int judge_match(const checker *k, size_t ms, size_t me)
{
	const pd_state *st = k->st;
	const char *s = k->v->s + ms;
	size_t len = me - ms;
	int ctx;
	switch (st->det) {
	case D_CURP:
		return in_link_or_tag(k->v, ms, me, 0) ? NOT_DATA : judge_curp(s, len);
	case D_VOTER_KEY:
		return in_link_or_tag(k->v, ms, me, 0) ? NOT_DATA
						       : judge_voter_key(s, len);
	case D_EMAIL:
		return judge_email(k, s, len);
	case D_ADDRESS: {
		/* the groups of this match are read before any other search */
		if (address_public(k))
			return NOT_DATA;
		int common = address_type_is_common_word(k);
		ctx = context_of(k, ms, me);
		return ctx < 0 || (common && ctx == 0) ? NOT_DATA : CERTAIN;
	}
	default:
		break;
	}
	if (in_link_or_tag(k->v, ms, me, 0))
		return NOT_DATA;
	ctx = context_of(k, ms, me);
	switch (st->det) {
	case D_RFC: {
		size_t cs, ce;
		/* the first 10 characters of a CURP are an RFC's */
		if (rx_next(st->shape2, k->run->scratch, k->v->s, k->v->len, ms, &cs,
			    &ce) == 1 &&
		    cs == ms)
			return NOT_DATA;
		return judge_rfc(k, s, len, ctx);
	}
	case D_BIRTH_DATE:
		return ctx == 1 && real_date(s, len) ? CERTAIN : NOT_DATA;
	case D_PLATE:
		return ctx == 1 && plate_written_apart_in_capitals(k, ms, me)
			       ? CERTAIN
			       : NOT_DATA;
	default: {
		if (is_amount(k->v, ms, me))
			return NOT_DATA;
		digits r;
		read_run(s, len, &r);
		return judge_digits(k, &r, ctx);
	}
	}
}

/* The verdict on a match of the second shape. */
static int judge_match2(const checker *k, size_t ms, size_t me)
{
	const char *s = k->v->s + ms;
	switch (k->st->det) {
	case D_INE:
		return in_link_or_tag(k->v, ms, me, 0) ? NOT_DATA
						       : judge_idmex(s);
	case D_PASSPORT:
		return !in_link_or_tag(k->v, ms, me, 0) && context_of(k, ms, me) == 1
			       ? CERTAIN
			       : NOT_DATA;
	case D_EMAIL:
		return POSSIBLE;
	default:
		return NOT_DATA;
	}
}

static int scan(const checker *k, const rx *r,
		int (*judge)(const checker *, size_t, size_t))
{
	size_t at = 0, ms, me;
	int rc;
	while ((rc = rx_next(r, k->run->scratch, k->v->s, k->v->len, at, &ms,
			     &me)) == 1) {
		int verdict = judge(k, ms, me);
		if (verdict != NOT_DATA)
			emit(k, ms, me, verdict);
		at = me;
	}
	return rc == PREGON_ELIMIT ? rc : 0;
}

static int pd_check(const void *p, kind_run *run)
{
	const pd_state *st = p;
	/* the body as written: a datum in a tel: link or a code span is
	 * published all the same */
	checker k = { st, run, doc_body_view(run->doc, TEXT_FOLD | TEXT_STRIP) };
	int rc = scan(&k, st->shape, judge_match);
	/* the RFC's second shape only rules CURPs out */
	if (rc == 0 && st->shape2 && st->det != D_RFC)
		rc = scan(&k, st->shape2, judge_match2);
	return rc;
}

const kind_ops kind_personal_data = { "personal-data", keys, pd_compile, NULL,
				      pd_check, pd_free };
