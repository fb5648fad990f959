/* check_diag.h: the assertion the unit tests share on a diagnostic. */
#ifndef PREGON_TEST_CHECK_DIAG_H
#define PREGON_TEST_CHECK_DIAG_H

/* diag says `message` at line:col, with `hint` (NULL: none). */
static void check_diag(const pregon_diag *diag, int line, int col,
		       const char *message, const char *hint)
{
	assert_non_null(diag->message);
	assert_string_equal(diag->message, message);
	assert_int_equal(diag->line, line);
	assert_int_equal(diag->col, col);
	if (hint) {
		assert_non_null(diag->hint);
		assert_string_equal(diag->hint, hint);
	} else {
		assert_null(diag->hint);
	}
}

#endif
