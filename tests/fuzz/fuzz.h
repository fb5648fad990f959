/* fuzz.h: what the fuzz targets share.  Each target defines the libFuzzer
 * entry point; replay.c runs it over a corpus without libFuzzer, so that
 * `make check` can replay the committed corpora under gcc and the
 * sanitizers. */
#ifndef PREGON_FUZZ_H
#define PREGON_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input written to a file of this process (the loaders read files);
 * its path, valid until the next call. */
const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix);

#endif
