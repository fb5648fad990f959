/* discover.c: which `.pregon.yaml` applies to a file.  Like ruff and
 * ESLint, the lookup starts in the file's own folder, so the posts of one
 * repository may keep different settings in different folders; it stops
 * at the repository root (a folder holding `.git`, a folder for a clone, a
 * file for a worktree) so that a checkout never picks up a stranger's file
 * from above it. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

#define CONFIG_NAME ".pregon.yaml"

static char *in_dir(const char *dir, const char *name)
{
	buf b;
	buf_init(&b);
	buf_printf(&b, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name);
	return buf_detach(&b);
}

/* 1 when dir/name exists (and is a regular file, when `want_file`). */
static int exists_in(const char *dir, const char *name, int want_file)
{
	char *p = in_dir(dir, name);
	struct stat st;
	int ok = stat(p, &st) == 0 && (!want_file || S_ISREG(st.st_mode));
	free(p);
	return ok;
}

/* The absolute folder the lookup starts from: the path itself when it is
 * a folder, the file's folder when that exists, else the working
 * directory. */
static char *start_dir(const char *path, const char *cwd)
{
	if (!path || strcmp(path, "-") == 0)
		return xstrdup(cwd);
	struct stat st;
	char *real;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) && (real = realpath(path, NULL)))
		return real;
	char *copy = xstrdup(path);
	char *slash = strrchr(copy, '/');
	char *dir = NULL;
	if (slash == copy)
		dir = xstrdup("/");
	else if (slash) {
		*slash = '\0';
		dir = realpath(copy, NULL);
	} else {
		dir = xstrdup(cwd);
	}
	free(copy);
	return dir ? dir : xstrdup(cwd);
}

/* `abs` as shown: relative to the working directory when inside it. */
static char *shown_path(const char *abs, const char *cwd)
{
	size_t n = strlen(cwd);
	if (strcmp(cwd, "/") != 0 && strncmp(abs, cwd, n) == 0 && abs[n] == '/')
		return xstrdup(abs + n + 1);
	return xstrdup(abs);
}

int pregon_config_find(char **out, const char *path)
{
	*out = NULL;
	char *cwd = getcwd(NULL, 0);
	if (!cwd)
		return PREGON_EIO;
	char *dir = start_dir(path, cwd);
	for (;;) {
		if (exists_in(dir, CONFIG_NAME, 1)) {
			char *found = in_dir(dir, CONFIG_NAME);
			*out = shown_path(found, cwd);
			free(found);
			break;
		}
		char *slash = strrchr(dir, '/');
		if (exists_in(dir, ".git", 0) || !slash || strcmp(dir, "/") == 0)
			break;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	free(dir);
	free(cwd);
	return 0;
}
