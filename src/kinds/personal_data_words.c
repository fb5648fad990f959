/* personal_data_words.c: the detectors of the `personal-data` kind whose
 * shapes hold letters: CURP, RFC, clave de elector, the IDMEX line,
 * passports, e-mail, street addresses, dates of birth and plates. */
#include <stdlib.h>
#include <string.h>

#include "personal_data_kind.h"

const char pd_curp_shape[] =
	PD_NOT_AFTER "[a-z][aeioux][a-z]{2}[ \\-]?\\d{2}(?:0[1-9]|1[0-2])"
	"(?:0[1-9]|[12]\\d|3[01])[ \\-]?[hm](?:as|b[cs]|c[clmsh]|d[fg]|g[tr]|hg|"
	"jc|m[cns]|n[etl]|oc|pl|q[tr]|s[plr]|t[csl]|vz|yn|zs|ne)"
	"[b-df-hj-np-tv-z]{3}[ \\-]?[a-z\\d]\\d" PD_NOT_BEFORE;

const char pd_rfc_shape[] =
	"(?<![\\p{L}\\p{N}_&\\x{2022}*])[a-z&]{4}[ \\-]?\\d{6}"
	"(?:[ \\-]?[a-z\\d]{2}[\\da])?(?![\\p{L}\\p{N}_&\\x{2022}*])";

const char pd_voter_key_shape[] =
	PD_NOT_AFTER "[a-z]{6}[ \\-]?\\d{6}[ \\-]?(?:0[1-9]|[12]\\d|3[0-2])"
	"[ \\-]?[hm][ \\-]?\\d{3}" PD_NOT_BEFORE;

const char pd_idmex_shape[] = PD_NOT_AFTER "idmex\\d{10}[\\d<]*";

const char pd_passport_shape[] = PD_NOT_AFTER "[a-z]\\d{8}" PD_NOT_BEFORE;

const char pd_email_shape[] =
	"(?<![\\p{L}\\p{N}._%+\\-])[a-z0-9._%+\\-]+@[a-z0-9\\-]+"
	"(?:\\.[a-z0-9\\-]+)*\\.[a-z]{2,}(?![\\p{L}\\p{N}\\-])";

/* "nombre [arroba] gmail [punto] com": personal, but only a guess. */
const char pd_email_spelled_shape[] =
	PD_NOT_AFTER "[a-z0-9._\\-]+\\s*[\\[(<{]?\\s*arroba\\s*[\\])>}]?\\s*"
	"[a-z0-9\\-]+\\s*[\\[(<{]?\\s*punto\\s*[\\])>}]?\\s*[a-z]{2,}" PD_NOT_BEFORE;

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
const char pd_address_shape[] =
	PD_NOT_AFTER
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

const char pd_date_shape[] =
	PD_NOT_AFTER
	"(?:\\d{1,2}\\s+de\\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|"
	"agosto|septiembre|setiembre|octubre|noviembre|diciembre)\\s+(?:de|del)"
	"\\s+\\d{4}|\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})|"
	"\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:ene|feb|mar|abr|may|jun|jul|ago|"
	"sept?|oct|nov|dic)\\.?\\s+\\d{4})" PD_NOT_BEFORE;

/* Private plates: 3 letters (never I, O or Q), 3 or 4 digits and the
 * newer final letter; trucks 2 letters and 4 or 5 digits. */
const char pd_plate_shape[] =
	PD_NOT_AFTER
	"(?:[a-hj-npr-z]{3}[ \\-]?\\d{3,4}(?:[ \\-]?[a-hj-npr-z])?|"
	"[a-hj-npr-z]{2}-?\\d{4,5})" PD_NOT_BEFORE;

/* "calle|hidalgo|25": the street type written out, its name and number
 * from the groups of an address match on the folded view `s`. */
char *pd_address_key(const rx_scratch *sc, const char *s)
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

int pd_judge_curp(const char *s, size_t len)
{
	char a[32];
	if (pd_alnum_upper(s, len, a, sizeof a) != 18)
		return PD_NOT_DATA;
	int v = pd_curp_validate(a);
	return v == 1 ? PD_CERTAIN : v == -1 ? PD_POSSIBLE : PD_NOT_DATA;
}

int pd_judge_rfc(const pd_checker *k, const char *s, size_t len, int ctx)
{
	char a[32];
	size_t n = pd_alnum_upper(s, len, a, sizeof a);
	if (!pd_date_real(a + 4, 0) || ctx < 0)
		return PD_NOT_DATA;
	if (n == 10) /* no homoclave: initials and birth date all the same */
		return ctx ? PD_POSSIBLE : PD_NOT_DATA;
	if (pd_rfc_is_generic(a) || pd_list_has(&k->st->allow.rfcs, a))
		return PD_NOT_DATA;
	return pd_rfc_check_char(a, 12) == a[12] ? PD_CERTAIN : PD_POSSIBLE;
}

int pd_judge_voter_key(const char *s, size_t len)
{
	char a[32];
	if (pd_alnum_upper(s, len, a, sizeof a) != 18)
		return PD_NOT_DATA;
	return pd_date_real(a + 6, 0) ? PD_CERTAIN : PD_NOT_DATA;
}

/* IDMEX, the CIC and its ICAO check digit: the first line of the
 * machine-readable zone of the credential. */
int pd_judge_idmex(const char *s)
{
	char cic[10];
	for (int i = 0; i < 9; i++)
		cic[i] = s[5 + i];
	cic[9] = '\0';
	return pd_icao_check_digit(cic, 9) == s[14] ? PD_CERTAIN : PD_POSSIBLE;
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

int pd_judge_email(const pd_checker *k, const char *s, size_t len)
{
	const char *at = memchr(s, '@', len);
	if (!at)
		return PD_NOT_DATA;
	char *email = xstrndup(s, len);
	const char *domain = email + (at - s) + 1;
	size_t dn = strlen(domain);
	/* nombre@ejemplo.com shows the shape of an address in a form */
	int placeholder = strncmp(domain, "ejemplo.", 8) == 0 ||
			  strncmp(domain, "example.", 8) == 0;
	int public = placeholder || pd_list_has(&k->st->allow.emails, email) ||
		     role_mailbox(email, (size_t)(at - s), domain);
	for (size_t i = 0; i < k->st->allow.domains.n && !public; i++) {
		const char *d = k->st->allow.domains.items[i];
		size_t n = strlen(d);
		public = strcmp(domain, d) == 0 ||
			 (dn > n && domain[dn - n - 1] == '.' &&
			  strcmp(domain + dn - n, d) == 0);
	}
	free(email);
	return public ? PD_NOT_DATA : PD_CERTAIN;
}

/* Day, month and year of a date as written ("14 de marzo de 1987",
 * "14/03/87", "1987-03-14", "14 mar. 1987"); 1 when it is a real date. */
int pd_real_date(const char *s, size_t len)
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

int pd_address_public(const pd_checker *k)
{
	if (!k->st->allow.addresses.n)
		return 0;
	char *key = pd_address_key(k->run->scratch, k->v->s);
	int public = pd_list_has(&k->st->allow.addresses, key);
	free(key);
	return public;
}

/* Written with spaces, a plate must be in capitals in the input, or
 * "las 100" would be one. */
/* "placas BJK-9876 y una camioneta": a final letter after a space is the
 * plate's only in capitals. */
size_t pd_plate_end(const pd_checker *k, size_t ms, size_t me)
{
	const char *v = k->v->s;
	if (me - ms < 2 || v[me - 2] != ' ')
		return me;
	size_t start, end;
	text_view_span(k->v, me - 1, me, &start, &end);
	char c = k->run->doc->input[start];
	return c >= 'a' && c <= 'z' ? me - 2 : me;
}

int pd_plate_written_apart_in_capitals(const pd_checker *k, size_t ms,
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
int pd_address_type_is_common_word(const pd_checker *k)
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
