/* replay.c: a fuzz target's entry point run over corpus files without
 * libFuzzer (gcc, ASan and UBSan in `make check` and `make asan`).
 *
 *   replay-TARGET DIR...   every file of each DIR, in name order */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../support.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_dir(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "replay: no se puede abrir %s\n", dir);
		return 1;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		names[n] = malloc(len);
		snprintf(names[n++], len, "%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	int failed = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		char *data = test_slurp(names[i], &len);
		if (!data) {
			fprintf(stderr, "replay: no se puede leer %s\n", names[i]);
			failed = 1;
		} else {
			LLVMFuzzerTestOneInput((const uint8_t *)data, len);
			(*count)++;
		}
		free(data);
		free(names[i]);
	}
	free(names);
	return failed;
}

int main(int argc, char **argv)
{
	size_t count = 0;
	int failed = 0;
	for (int i = 1; i < argc; i++)
		failed |= replay_dir(argv[i], &count);
	printf("replay %s: %zu entradas\n", argc > 1 ? argv[1] : "", count);
	return failed;
}
