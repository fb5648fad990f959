/* fuzz_log.c: the activity log as `pregon report` reads it, and both of
 * the evaluation's renderers over what it added. */
#include <stdlib.h>

#include "pregon.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pregon_evaluation *ev = pregon_evaluation_new("2025-07-01", "2025-12-31", "2026-01-15", NULL);
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_evaluation_read_log(ev, fuzz_file(data, size, ".jsonl"), &d) == 0) {
		free(pregon_evaluation_format_html(ev));
		free(pregon_evaluation_format_json(ev));
	}
	pregon_diag_dispose(&d);
	pregon_evaluation_free(ev);
	return 0;
}
