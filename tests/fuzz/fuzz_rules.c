/* fuzz_rules.c: the rule-set loader and every kind's compiler. */
#include <stdlib.h>

#include "engine.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static config_t *config;
	static char *data_dir;
	if (!config) {
		config = config_new_default();
		data_dir = engine_find_data_dir(NULL);
	}
	rule_list rules = { 0 };
	pregon_diag d;
	pregon_diag_init(&d);
	rs_load_path(&rules, fuzz_file(data, size, ".yaml"), config, data_dir, &d);
	rs_list_dispose(&rules);
	pregon_diag_dispose(&d);
	return 0;
}
