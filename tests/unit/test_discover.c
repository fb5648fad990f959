/* test_discover.c: which .pregon.yaml applies to a path. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pregon.h"

static char root[] = "/tmp/pregon-discover-XXXXXX";
static char *saved_cwd;

static void touch(const char *rel)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", root, rel);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs("version: 1\n", f);
	fclose(f);
}

static void make_dir(const char *rel)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", root, rel);
	assert_int_equal(mkdir(p, 0755), 0);
}

/* root/.pregon.yaml (above the repository: never reached)
 * root/repo/.git  root/repo/.pregon.yaml
 * root/repo/a/b/.pregon.yaml  root/repo/a/b/c/   root/repo/sin/ */
static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(root))
		return -1;
	saved_cwd = getcwd(NULL, 0);
	touch(".pregon.yaml");
	make_dir("repo");
	make_dir("repo/.git");
	touch("repo/.pregon.yaml");
	make_dir("repo/a");
	make_dir("repo/a/b");
	make_dir("repo/a/b/c");
	touch("repo/a/b/.pregon.yaml");
	make_dir("other");
	make_dir("other/.git");
	char p[512];
	snprintf(p, sizeof p, "%s/repo", root);
	return chdir(p);
}

static int teardown(void **state)
{
	(void)state;
	int rc = chdir(saved_cwd);
	free(saved_cwd);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return rc || system(cmd);
}

static void check(const char *path, const char *want)
{
	char *got = NULL;
	assert_int_equal(pregon_config_find(&got, path), 0);
	if (!want) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_nearest_wins(void **state)
{
	(void)state;
	check("a/b/c/post.md", "a/b/.pregon.yaml");
	check("a/b", "a/b/.pregon.yaml");
	check("a/b/", "a/b/.pregon.yaml");
	check("a", ".pregon.yaml");
	check("a/b/post.md", "a/b/.pregon.yaml");
	check("a/post.md", ".pregon.yaml");
	check("post.md", ".pregon.yaml");
}

static void test_standard_input_starts_here(void **state)
{
	(void)state;
	check(NULL, ".pregon.yaml");
	check("-", ".pregon.yaml");
	/* a folder that does not exist falls back to the working directory */
	check("no/existe/post.md", ".pregon.yaml");
}

static void test_stops_at_the_repository_root(void **state)
{
	(void)state;
	char p[512];
	snprintf(p, sizeof p, "%s/other/post.md", root);
	check(p, NULL);
}

static void test_outside_the_working_directory_is_absolute(void **state)
{
	(void)state;
	char p[512], want[512];
	snprintf(p, sizeof p, "%s/repo/a/b/c", root);
	assert_int_equal(chdir(p), 0);
	snprintf(want, sizeof want, "%s/repo/a/b/.pregon.yaml", root);
	check("post.md", want);
	snprintf(p, sizeof p, "%s/repo", root);
	assert_int_equal(chdir(p), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nearest_wins),
		cmocka_unit_test(test_standard_input_starts_here),
		cmocka_unit_test(test_stops_at_the_repository_root),
		cmocka_unit_test(test_outside_the_working_directory_is_absolute),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
