/* personal_data.h: the check digits and structural tests of Mexican
 * identifiers, as pure functions over upper-case ASCII (digits and letters
 * with separators already removed), for the `personal-data` kind and its
 * unit tests.  Algorithms and worked examples: the domain notes on personal
 * data (CURP, RFC, CLABE, NSS, cards, ICAO 9303). */
#ifndef PREGON_PERSONAL_DATA_H
#define PREGON_PERSONAL_DATA_H

#include <stddef.h>

/* 1 when YYMMDD at `s` (6 digits) is a real date in 19YY or 20YY
 * (`century` 19 or 20), or in either when `century` is 0. */
int pd_date_real(const char *s, int century);

/* The CURP check digit ('0'..'9') of the first 17 characters, or 0 when
 * one of them is outside the CURP alphabet. */
char pd_curp_check_digit(const char *s17);
/* 1 when the 18 characters have a real birth date (the century follows
 * from character 17: a digit up to 1999, a letter from 2000) and the
 * right check digit; 0 when the date is impossible (a placeholder); -1
 * when the date is real but the check digit is wrong (a typo). */
int pd_curp_validate(const char *s18);

/* The RFC check character ('0'..'9' or 'A') of the 12 (persona física) or
 * 11 (persona moral) characters before it; 0 for a character outside the
 * alphabet.  'N' with a tilde is not ASCII: it is passed as '#'. */
char pd_rfc_check_char(const char *s, size_t n);
/* 1 for the generic RFCs XAXX010101000 and XEXX010101000, which name
 * nobody. */
int pd_rfc_is_generic(const char *s13);

/* CLABE control digit of the first 17 digits (weights 3, 7, 1). */
char pd_clabe_check_digit(const char *digits17);
/* 1 when the 3 leading digits are a bank of the ABM/Banxico list. */
int pd_clabe_bank_known(const char *digits);

/* Luhn over n digits (cards, NSS). */
int pd_luhn_valid(const char *digits, size_t n);
/* 1 when the issuer prefix (IIN) and the length fit a card network. */
int pd_card_network_known(const char *digits, size_t n);

/* ICAO 9303 check digit (weights 7, 3, 1; '<' = 0, A = 10 ...) of s[0..n). */
char pd_icao_check_digit(const char *s, size_t n);

#endif
