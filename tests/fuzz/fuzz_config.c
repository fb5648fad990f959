/* fuzz_config.c: the configuration loader (.pregon.yaml). */
#include "config.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	config_t *c = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (config_load(&c, fuzz_file(data, size, ".yaml"), &d) == 0) {
		buf out;
		buf_init(&out);
		config_emit(c, &out); /* --print-config */
		buf_dispose(&out);
		config_free(c);
	}
	pregon_diag_dispose(&d);
	return 0;
}
