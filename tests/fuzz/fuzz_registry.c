/* fuzz_registry.c: the registry of accounts (cuentas.yaml), its checks and
 * the cross-check, printed as a text report (carets from YAML positions). */
#include <stdlib.h>

#include "pregon.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pregon_registry *r = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_registry_load(&r, fuzz_file(data, size, ".yaml"), &d) == 0) {
		const pregon_post_ref posts[] = {
			{ "a.md", "GobiernoTecate", "facebook", "2025-07-01", 3, 9 },
			{ "b.md", "@x", NULL, "2025-12-31", 3, 9 },
			{ "c.md", NULL, NULL, NULL, 0, 0 },
		};
		const pregon_report *rs[4];
		pregon_report *own = pregon_registry_check(r, "2026-01-15", posts, 3);
		pregon_report **cross = pregon_registry_check_posts(r, posts, 3);
		rs[0] = own;
		for (size_t i = 0; i < 3; i++)
			rs[i + 1] = cross[i];
		char *text = pregon_format_text(rs, 4, NULL);
		free(text);
		for (size_t i = 0; i < 3; i++)
			pregon_report_free(cross[i]);
		free(cross);
		pregon_report_free(own);
		pregon_registry_free(r);
	}
	pregon_diag_dispose(&d);
	return 0;
}
