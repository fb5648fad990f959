/* replay.c: a fuzz target's entry point run over corpus files without
 * libFuzzer (gcc, ASan and UBSan in `make check` and `make asan`).
 *
 *   replay-TARGET DIR...   every file of each DIR, in name order */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../support.h"

static int replay_dir(const char *dir, size_t *count)
{
	size_t n;
	char **names = test_list_dir(dir, &n);
	if (!names) {
		fprintf(stderr, "replay: no se puede abrir %s\n", dir);
		return 1;
	}
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
