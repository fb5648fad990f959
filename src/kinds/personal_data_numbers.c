/* personal_data_numbers.c: the detectors of the `personal-data` kind that
 * read runs of digits: phones, CLABE, cards, NSS, numeric passports, the
 * CIC and OCR of the voter card, bank accounts.  A run is cut out once
 * (pd_digit_run), its digits and grouping read, then judged by the
 * rule's detector. */
#include <string.h>

#include "personal_data_kind.h"

/* A run of digits with the separators people put in numbers: spaces (also
 * no-break), dots, dashes and an area code in parentheses.  Possessive, so
 * a long run cannot backtrack, which is why " (" is tried before " ".
 * '<' is the filler of the credential's
 * machine-readable zone, whose IDMEX line is matched whole. */
const char pd_digit_run[] =
	"(?<![\\p{L}\\p{N}_\\x{2022}*#@$/\\\\<])(?<!\\d[.,:])"
	"(?:\\+ ?)?(?:\\( ?\\d{1,4} ?\\) ?)?\\d++"
	"(?:(?: ?\\(|\\) ?|[ .\\-]|\\x{a0})?+\\d++)*+"
	"(?![\\p{L}\\p{N}_\\x{2022}*@/<])(?![.,:]\\d)";

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

static int judge_phone(const pd_checker *k, const digits *r, int ctx)
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
		return PD_POSSIBLE; /* a local number from before 2019 */
	}
	/* "665 000 0000" is how a form shows the shape: the subscriber's
	 * seven digits all alike are a placeholder */
	if (!nat || nat[0] < '2' || ctx < 0 || all_same(nat + 3, 7))
		return PD_NOT_DATA;
	/* toll-free lines are institutional or commercial */
	if (strncmp(nat, "800", 3) == 0 || strncmp(nat, "900", 3) == 0)
		return PD_NOT_DATA;
	if (pd_list_has(&k->st->allow.phones, nat))
		return PD_NOT_DATA;
	return r->plus || phone_grouped(r) || ctx == 1 ? PD_CERTAIN : PD_NOT_DATA;
}

static int judge_digits(const pd_checker *k, const digits *r, int ctx)
{
	const pd_state *st = k->st;
	if (ctx < 0 || r->n >= sizeof r->d || all_same(r->d, r->n))
		return PD_NOT_DATA;
	switch (st->det) {
	case PD_PHONE:
		return judge_phone(k, r, ctx);
	case PD_CLABE:
		if (r->n != 18 || r->plus || pd_list_has(&st->allow.accounts, r->d))
			return PD_NOT_DATA;
		if (pd_clabe_check_digit(r->d) == r->d[17])
			return pd_clabe_bank_known(r->d) || ctx ? PD_CERTAIN : PD_NOT_DATA;
		return ctx ? PD_POSSIBLE : PD_NOT_DATA;
	case PD_CARD:
		if (r->n < 13 || r->n > 19 || r->n == 18 || r->plus ||
		    pd_list_has(&st->allow.accounts, r->d))
			return PD_NOT_DATA;
		if (pd_luhn_valid(r->d, r->n))
			return pd_card_network_known(r->d, r->n) || ctx ? PD_CERTAIN
									: PD_NOT_DATA;
		return ctx && r->n == 16 ? PD_POSSIBLE : PD_NOT_DATA;
	case PD_NSS:
		if (r->n != 11 || !ctx)
			return PD_NOT_DATA;
		return pd_luhn_valid(r->d, r->n) ? PD_CERTAIN : PD_POSSIBLE;
	case PD_PASSPORT:
		return (r->n == 10 || r->n == 11) && r->groups == 1 && ctx ? PD_CERTAIN
									    : PD_NOT_DATA;
	case PD_INE:
		return (r->n == 9 || r->n == 13) && ctx ? PD_CERTAIN : PD_NOT_DATA;
	case PD_BANK_ACCOUNT:
		/* "665 145 67 89" after "cuenta" is still written as a phone */
		if (r->n == 10 && phone_grouped(r))
			return PD_NOT_DATA;
		return (r->n == 10 || r->n == 11) && ctx &&
				       !pd_list_has(&st->allow.accounts, r->d)
			       ? PD_CERTAIN
			       : PD_NOT_DATA;
	default:
		return PD_NOT_DATA;
	}
}

int pd_judge_digit_run(const pd_checker *k, size_t ms, size_t me, int ctx)
{
	if (is_amount(k->v, ms, me))
		return PD_NOT_DATA;
	digits r;
	read_run(k->v->s + ms, me - ms, &r);
	return judge_digits(k, &r, ctx);
}
