/* personal_data_validate.c: check digits of Mexican identifiers.  Pure
 * functions: no allocation, no state, every one tested in
 * tests/unit/test_personal_data.c with the worked examples of the domain
 * notes. */
#include <string.h>

#include "personal_data.h"

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static int days_in(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

int pd_date_real(const char *s, int century)
{
	for (int i = 0; i < 6; i++)
		if (!digit(s[i]))
			return 0;
	int yy = two(s), mm = two(s + 2), dd = two(s + 4);
	if (mm < 1 || mm > 12 || dd < 1)
		return 0;
	if (century)
		return dd <= days_in(century * 100 + yy, mm);
	return dd <= days_in(1900 + yy, mm) || dd <= days_in(2000 + yy, mm);
}

/* The value of a character is its index in the identifier's alphabet
 * ('#' stands for the N with a tilde, which is not ASCII), or -1. */
static const char curp_alphabet[] = "0123456789ABCDEFGHIJKLMN#OPQRSTUVWXYZ";
static const char rfc_alphabet[] = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ #";

static int value_in(const char *alphabet, char c)
{
	const char *p = c ? strchr(alphabet, c) : NULL;
	return p ? (int)(p - alphabet) : -1;
}

char pd_curp_check_digit(const char *s)
{
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		int v = value_in(curp_alphabet, s[i]);
		if (v < 0)
			return 0;
		sum += v * (18 - i);
	}
	return (char)('0' + (10 - sum % 10) % 10);
}

int pd_curp_validate(const char *s)
{
	int century = digit(s[16]) ? 19 : 20;
	if (!pd_date_real(s + 4, century))
		return 0;
	return pd_curp_check_digit(s) == s[17] ? 1 : -1;
}

char pd_rfc_check_char(const char *s, size_t n)
{
	if (n != 11 && n != 12)
		return 0;
	/* a persona moral is left-padded with a space to 12 */
	int sum = n == 11 ? 37 * 13 : 0;
	for (size_t i = 0; i < n; i++) {
		int v = value_in(rfc_alphabet, s[i]);
		if (v < 0)
			return 0;
		sum += v * (int)(13 - i - (12 - n));
	}
	int d = (11 - sum % 11) % 11;
	return d == 10 ? 'A' : (char)('0' + d);
}

int pd_rfc_is_generic(const char *s)
{
	return strncmp(s, "XAXX010101000", 13) == 0 ||
	       strncmp(s, "XEXX010101000", 13) == 0;
}

char pd_clabe_check_digit(const char *d)
{
	static const int w[3] = { 3, 7, 1 };
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += ((d[i] - '0') * w[i % 3]) % 10;
	return (char)('0' + (10 - sum % 10) % 10);
}

int pd_clabe_bank_known(const char *d)
{
	/* The ABM/Banxico codes the domain notes list (Banamex, BBVA,
	 * Santander, HSBC, BanBajío, Inbursa, Scotiabank, Banregio, Banorte,
	 * Azteca, BanCoppel); any other bank needs a context word. */
	static const char *const banks[] = { "002", "012", "014", "021", "030",
					     "036", "044", "058", "072", "127",
					     "137", NULL };
	for (const char *const *b = banks; *b; b++)
		if (strncmp(d, *b, 3) == 0)
			return 1;
	return 0;
}

int pd_luhn_valid(const char *d, size_t n)
{
	if (n < 2)
		return 0;
	int sum = 0;
	for (size_t i = 0; i < n; i++) {
		int v = d[n - 1 - i] - '0';
		if (i % 2) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return sum % 10 == 0;
}

static int prefix_in(const char *d, int len, int lo, int hi)
{
	int v = 0;
	for (int i = 0; i < len; i++)
		v = v * 10 + (d[i] - '0');
	return v >= lo && v <= hi;
}

int pd_card_network_known(const char *d, size_t n)
{
	if (d[0] == '4')
		return n == 13 || n == 16 || n == 19; /* Visa */
	if (prefix_in(d, 2, 51, 55) || prefix_in(d, 4, 2221, 2720))
		return n == 16; /* Mastercard */
	if (prefix_in(d, 2, 34, 34) || prefix_in(d, 2, 37, 37))
		return n == 15; /* American Express */
	if (prefix_in(d, 4, 6011, 6011) || prefix_in(d, 3, 644, 649) ||
	    prefix_in(d, 2, 65, 65))
		return n >= 16 && n <= 19; /* Discover */
	if (prefix_in(d, 4, 3528, 3589))
		return n >= 16 && n <= 19; /* JCB */
	if (prefix_in(d, 3, 300, 305) || prefix_in(d, 2, 36, 36))
		return n >= 14 && n <= 19; /* Diners */
	return 0;
}

char pd_icao_check_digit(const char *s, size_t n)
{
	static const int w[3] = { 7, 3, 1 };
	int sum = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int v = digit(c) ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
		sum += v * w[i % 3];
	}
	return (char)('0' + sum % 10);
}
