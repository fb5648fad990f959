/* test_fix.c: safe fixes, the atomic replacement of a file and the diff. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pregon.h"

static char dir[] = "/tmp/pregon-fix-XXXXXX";
static char path[600];

static void put(const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static char *slurp(void)
{
	static char got[1 << 16];
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	size_t n = fread(got, 1, sizeof got - 1, f);
	fclose(f);
	got[n] = '\0';
	return got;
}

/* Files in the folder besides the target: a temporary left behind. */
static int others(void)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		     strcmp(e->d_name, "aviso.md");
	closedir(d);
	return n;
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/aviso.md", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	return rmdir(dir);
}

static void test_replace_keeps_mode(void **state)
{
	(void)state;
	put("viejo\n");
	assert_int_equal(chmod(path, 0640), 0);
	pregon_diag d;
	pregon_diag_init(&d);
	assert_int_equal(pregon_file_replace(path, "nuevo\n", 6, &d), 0);
	pregon_diag_dispose(&d);
	assert_string_equal(slurp(), "nuevo\n");
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_int_equal(others(), 0);
}

/* A write cut short (here by a file-size limit, as a full disk would)
 * must leave the old file whole and no temporary behind. */
static void test_interrupted_write_leaves_the_old_file(void **state)
{
	(void)state;
	put("el texto original\n");
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGXFSZ, SIG_IGN); /* write() fails with EFBIG instead */
		struct rlimit lim = { 4096, 4096 };
		setrlimit(RLIMIT_FSIZE, &lim);
		size_t n = 1 << 20;
		char *big = malloc(n);
		memset(big, 'x', n);
		pregon_diag d;
		pregon_diag_init(&d);
		int rc = pregon_file_replace(path, big, n, &d);
		int ok = rc == PREGON_EIO && d.message &&
			 strstr(d.message, "el original queda intacto");
		pregon_diag_dispose(&d);
		free(big);
		_exit(ok ? 0 : 1);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_string_equal(slurp(), "el texto original\n");
	assert_int_equal(others(), 0);
}

static void test_missing_folder_is_an_error(void **state)
{
	(void)state;
	pregon_diag d;
	pregon_diag_init(&d);
	assert_int_equal(pregon_file_replace("/nonexistent/dir/a.md", "x", 1, &d),
			 PREGON_EIO);
	assert_non_null(d.message);
	pregon_diag_dispose(&d);
}

static void test_apply_skips_unsafe_and_overlapping(void **state)
{
	(void)state;
	const char *in = "esta aqui!!! y mas";
	pregon_suggestion aqui = { "aquí" }, bang = { "!" }, hi = { "¡Hola!" },
			  mas[2] = { { "más" }, { "mas" } };
	pregon_finding f[4];
	memset(f, 0, sizeof f);
	f[0].offset = 5, f[0].length = 4, f[0].suggestions = &aqui, f[0].n_suggestions = 1;
	f[0].safe_fix = 1;
	f[1].offset = 7, f[1].length = 5, f[1].suggestions = &hi, f[1].n_suggestions = 1;
	f[1].safe_fix = 1; /* overlaps the first: left for another pass */
	f[2].offset = 9, f[2].length = 3, f[2].suggestions = &bang, f[2].n_suggestions = 1;
	f[2].safe_fix = 1;
	f[3].offset = 15, f[3].length = 3, f[3].suggestions = mas, f[3].n_suggestions = 2;
	pregon_report r;
	memset(&r, 0, sizeof r);
	r.input = in;
	r.input_len = strlen(in);
	r.findings = f;
	r.n_findings = 4;
	char *out;
	size_t len;
	assert_int_equal(pregon_fix_apply(&out, &len, &r), 2);
	assert_string_equal(out, "esta aquí! y mas");
	assert_int_equal(len, strlen(out));
	free(out);
}

static void test_diff(void **state)
{
	(void)state;
	const char *old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\nfin";
	const char *new = "1\n2\n3\n4\nV\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\nFIN";
	char *d = pregon_format_diff("a.md", old, strlen(old), new, strlen(new));
	assert_string_equal(d, "--- a/a.md\n+++ b/a.md\n"
			       "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+V\n 6\n 7\n 8\n"
			       "@@ -13,4 +13,4 @@\n 13\n 14\n 15\n-fin\n"
			       "\\ No newline at end of file\n+FIN\n"
			       "\\ No newline at end of file\n");
	free(d);
	d = pregon_format_diff("a.md", old, strlen(old), old, strlen(old));
	assert_string_equal(d, "");
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replace_keeps_mode),
		cmocka_unit_test(test_interrupted_write_leaves_the_old_file),
		cmocka_unit_test(test_missing_folder_is_an_error),
		cmocka_unit_test(test_apply_skips_unsafe_and_overlapping),
		cmocka_unit_test(test_diff),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
