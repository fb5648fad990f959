/* fuzz_check.c: the whole check of a post with the default rule sets and
 * the example configuration, through the public API, and both reports. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "pregon.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static pregon_engine *engine;
	if (!engine) {
		pregon_engine_options o = { 0 };
		o.config_path = "examples/.pregon.yaml";
		pregon_diag d;
		pregon_diag_init(&d);
		if (pregon_engine_new(&engine, &o, &d)) {
			/* run from the repository root, with PREGON_DATA */
			char *m = pregon_diag_format(&d);
			fprintf(stderr, "fuzz_check: %s", m);
			abort();
		}
		pregon_diag_dispose(&d);
	}
	pregon_check_options o = { 0 };
	o.today = "2026-03-10";
	o.plain_text = size > 0 && data[0] == 'T'; /* both parsers */
	pregon_report *r = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_check(&r, engine, "fuzz.md", (const char *)data, size, &o, &d) == 0) {
		const pregon_report *const reports[] = { r };
		pregon_format_options fo = { 0 };
		fo.color = 1;
		char *text = pregon_format_text(reports, 1, &fo);
		char *json = pregon_format_json(reports, 1, &fo);
		free(text);
		free(json);
		pregon_report_free(r);
	}
	pregon_diag_dispose(&d);
	return 0;
}
