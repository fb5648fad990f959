/* fuzz_document.c: front matter and Markdown parsing (doc_parse), and
 * every normalized view of the result. */
#include "document.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int plain = 0; plain < 2; plain++) {
		doc_t doc;
		pregon_diag d;
		pregon_diag_init(&d);
		if (doc_parse(&doc, "fuzz.md", (const char *)data, size, plain, &d) == 0) {
			for (int flags = 0; flags < TEXT_VIEWS; flags++) {
				doc_view(&doc, flags);
				doc_body_view(&doc, flags);
			}
			doc_dispose(&doc);
		}
		pregon_diag_dispose(&d);
	}
	return 0;
}
