/* fuzz_file.c: the fuzz input as a file, for the loaders that read files. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"

const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
	static char path[256];
	const char *dir = getenv("TMPDIR");
	snprintf(path, sizeof path, "%s/pregon-fuzz-%ld%s", dir && *dir ? dir : "/tmp",
		 (long)getpid(), suffix);
	FILE *f = fopen(path, "wb");
	if (!f)
		abort(); /* the harness, not pregon, failed */
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	return path;
}
