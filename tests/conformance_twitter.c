/* conformance_twitter.c: pregon's X counter and extractor against
 * twitter-text's own conformance suite (../shared/conformance/twitter-text),
 * read at test time as upstream asks: the weighted-length cases of
 * validate.yml (config v2, v3 and directional markers), the mention, link
 * and hashtag cases of extract.yml and every TLD case of tlds.yml.
 *
 * Extraction indices are code points; counter ranges are UTF-16 code units
 * with an inclusive end, so they are converted before comparing.  A case in
 * `known_failures` must fail (with the reason given there), every other one
 * must pass; the pass count is printed.  Without the suite the test is
 * skipped with a notice, and fails under PREGON_REQUIRE_ALL=1. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"
#include "count.h"
#include "support.h"
#include "text.h"
#include "ytree.h"

/* The TLD cases date from 2020: a top-level domain withdrawn from the root
 * zone since then (many brand TLDs, "tp", "an") is no longer in the Public
 * Suffix List pregon reads, so pregon rightly does not take it for a link.
 * Such a failure is expected, and checked: the TLD must really be absent. */
static char *tld_list;

static int tld_withdrawn(const char *text)
{
	const char *dot = strrchr(text, '.');
	if (!dot || !tld_list)
		return 0;
	const char *tld = dot + 1;
	size_t n = strlen(tld);
	for (const char *l = tld_list; *l;) {
		const char *e = strchr(l, '\n');
		size_t k = e ? (size_t)(e - l) : strlen(l);
		while (k && l[k - 1] == '\r')
			k--;
		if (l[0] != '/' && k >= n && memcmp(l + k - n, tld, n) == 0 &&
		    (k == n || l[k - n - 1] == '.'))
			return 0;
		l += e ? (size_t)(e - l) + 1 : k;
	}
	return 1;
}

typedef struct {
	const count_lexer *lexer;
	rx_scratch *scratch;
	int passed, failed, unexpected;
} harness;

static void verdict(harness *h, const char *section, const char *description,
		    int ok, const char *got, const char *want, int expected_failure)
{
	if (ok)
		h->passed++;
	else
		h->failed++;
	if (ok == expected_failure) {
		h->unexpected++;
		if (ok)
			printf("  %s: «%s» pasa aunque su TLD no está en la lista\n",
			       section, description);
		else
			printf("  %s: «%s»: se obtuvo %s, se esperaba %s\n", section,
			       description, got, want);
	}
}

static size_t utf16_units(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += (size_t)text_decode(s + i, len - i, &cp);
		n += cp >= 0x10000 ? 2 : 1;
	}
	return n;
}

static int weights_from_json(count_weights *w, const char *path)
{
	json_error_t err;
	json_t *j = json_load_file(path, 0, &err);
	if (!j)
		return -1;
	memset(w, 0, sizeof *w);
	w->scale = (int)json_integer_value(json_object_get(j, "scale"));
	w->default_weight = (int)json_integer_value(json_object_get(j, "defaultWeight"));
	w->url_weight = (int)json_integer_value(json_object_get(j, "transformedURLLength")) *
			w->scale;
	w->emoji = json_is_true(json_object_get(j, "emojiParsingEnabled"));
	json_t *ranges = json_object_get(j, "ranges");
	for (size_t i = 0; i < json_array_size(ranges) && i < 8; i++) {
		json_t *r = json_array_get(ranges, i);
		w->ranges[i].first = (int32_t)json_integer_value(json_object_get(r, "start"));
		w->ranges[i].last = (int32_t)json_integer_value(json_object_get(r, "end"));
		w->ranges[i].weight = (int)json_integer_value(json_object_get(r, "weight"));
		w->n_ranges = i + 1;
	}
	json_decref(j);
	return 0;
}

static long expected_int(const y_node *exp, const char *key)
{
	const y_node *n = y_get(exp, key);
	return n ? strtol(n->str, NULL, 10) : -1;
}

static void weighted_case(harness *h, const char *section, const y_node *c,
			  const count_weights *w)
{
	const y_node *text = y_get(c, "text"), *exp = y_get(c, "expected");
	const char *desc = y_get(c, "description")->str;
	char *nfc = text_normalize(text->str, text->len, TEXT_EXACT);
	size_t len = strlen(nfc);
	count_entities links;
	count_entities_init(&links);
	count_extract(h->lexer, h->scratch, nfc, len, COUNT_URL, &links);
	count_result r;
	count_measure(&r, COUNT_WEIGHTED, nfc, len, 280, w, &links);
	int valid = r.valid_chars && r.total > 0 && r.total <= 280;
	long permillage = r.total * 1000 / 280;
	/* twitter-text shifts the NFC index by what NFC removed */
	long shift = (long)utf16_units(text->str, text->len) - (long)utf16_units(nfc, len);
	long valid_end = (long)utf16_units(nfc, r.cross) - 1 + shift;
	long display_end = (long)utf16_units(text->str, text->len) - 1;
	if (valid_end < 0)
		valid_end = 0;
	if (display_end < 0)
		display_end = 0;
	const y_node *v = y_get(exp, "valid");
	int want_valid = v && strcmp(v->str, "true") == 0;
	int ok = r.total == expected_int(exp, "weightedLength") && valid == want_valid &&
		 permillage == expected_int(exp, "permillage") &&
		 valid_end == expected_int(exp, "validRangeEnd") &&
		 display_end == expected_int(exp, "displayRangeEnd");
	char got[160], want[160];
	snprintf(got, sizeof got, "%ld %s %ld ..%ld ..%ld", r.total,
		 valid ? "válido" : "no válido", permillage, valid_end, display_end);
	snprintf(want, sizeof want, "%ld %s %ld ..%ld ..%ld",
		 expected_int(exp, "weightedLength"), want_valid ? "válido" : "no válido",
		 expected_int(exp, "permillage"), expected_int(exp, "validRangeEnd"),
		 expected_int(exp, "displayRangeEnd"));
	verdict(h, section, desc, ok, got, want, 0);
	count_entities_dispose(&links);
	free(nfc);
}

/* The entity as the suite writes it: a link whole, a name without its
 * sign; with indices "[start, end)" in code points. */
static void describe(buf *b, const char *text, const count_entity *e,
		     int with_indices)
{
	if (e->kind == COUNT_URL)
		buf_put(b, text + e->offset, e->len);
	else
		buf_put(b, text + e->host, e->host_len);
	if (with_indices)
		buf_printf(b, "@%zu-%zu", text_count_cp(text, e->offset),
			   text_count_cp(text, e->offset + e->len));
	buf_putc(b, ';');
}

static void extract_case(harness *h, const char *section, const y_node *c,
			 count_kind kind, int with_indices, int tld_case)
{
	const y_node *text = y_get(c, "text"), *exp = y_get(c, "expected");
	const char *desc = y_get(c, "description")->str;
	count_entities found;
	count_entities_init(&found);
	count_extract(h->lexer, h->scratch, text->str, text->len, kind, &found);
	buf got, want;
	buf_init(&got);
	buf_init(&want);
	for (size_t i = 0; i < found.n; i++)
		describe(&got, text->str, &found.items[i], with_indices);
	for (size_t i = 0; exp && exp->type == Y_SEQ && i < exp->n; i++) {
		const y_node *e = exp->items[i];
		if (e->type == Y_SCALAR) {
			buf_printf(&want, "%s;", e->str);
			continue;
		}
		const y_node *name = y_get(e, "url");
		if (!name)
			name = y_get(e, "screen_name");
		if (!name)
			name = y_get(e, "hashtag");
		const y_node *ix = y_get(e, "indices");
		buf_printf(&want, "%s@%s-%s;", name ? name->str : "?",
			   ix && ix->n == 2 ? ix->items[0]->str : "?",
			   ix && ix->n == 2 ? ix->items[1]->str : "?");
	}
	if (!got.ptr)
		buf_puts(&got, "");
	if (!want.ptr)
		buf_puts(&want, "");
	verdict(h, section, desc, strcmp(got.ptr, want.ptr) == 0, got.ptr, want.ptr,
		tld_case && tld_withdrawn(text->str));
	buf_dispose(&got);
	buf_dispose(&want);
	count_entities_dispose(&found);
}

static y_node *load_yaml(const char *path, char **text)
{
	size_t len;
	pregon_diag d;
	pregon_diag_init(&d);
	y_node *root = NULL;
	if (read_file(path, text, &len, &d) || y_parse(&root, path, *text, len, 0, &d)) {
		printf("conformidad: %s: %s\n", path, d.message ? d.message : "");
		root = NULL;
	}
	pregon_diag_dispose(&d);
	return root;
}

int main(void)
{
	const char *dir = getenv("PREGON_CONFORMANCE");
	if (!dir || !*dir)
		dir = "../shared/conformance/twitter-text";
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("conformidad: %s no existe; se omiten las pruebas de twitter-text%s\n",
		       dir, test_require_all() ? " (PREGON_REQUIRE_ALL=1: falla)" : "");
		return test_require_all() ? 1 : 0;
	}
	pregon_diag d;
	pregon_diag_init(&d);
	count_lexer *lexer;
	if (count_lexer_new(&lexer, NULL, &d)) {
		printf("conformidad: %s\n", d.message);
		pregon_diag_dispose(&d);
		return 1;
	}
	harness h = { lexer, rx_scratch_new(), 0, 0, 0 };
	size_t tld_len;
	if (read_file(COUNT_TLD_LIST, &tld_list, &tld_len, &d))
		pregon_diag_dispose(&d);
	char path[4096];
	count_weights v2, v3;
	snprintf(path, sizeof path, "%s/config/v2.json", dir);
	int bad = weights_from_json(&v2, path);
	snprintf(path, sizeof path, "%s/config/v3.json", dir);
	bad |= weights_from_json(&v3, path);
	if (bad || memcmp(&v3, &count_weights_x, sizeof v3) != 0) {
		printf("conformidad: count_weights_x no coincide con config/v3.json\n");
		h.unexpected++;
	}
	static const struct {
		const char *file, *section;
		int weights; /* 2, 3: a counter section with that config */
		count_kind kind;
		int with_indices;
	} sections[] = {
		{ "validate.yml", "WeightedTweetsCounterTest", 2, 0, 0 },
		{ "validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest", 3, 0, 0 },
		{ "validate.yml", "UnicodeDirectionalMarkerCounterTest", 3, 0, 0 },
		{ "extract.yml", "mentions", 0, COUNT_MENTION, 0 },
		{ "extract.yml", "mentions_with_indices", 0, COUNT_MENTION, 1 },
		{ "extract.yml", "urls", 0, COUNT_URL, 0 },
		{ "extract.yml", "urls_with_indices", 0, COUNT_URL, 1 },
		{ "extract.yml", "urls_with_directional_markers", 0, COUNT_URL, 1 },
		{ "extract.yml", "tco_urls_with_params", 0, COUNT_URL, 0 },
		{ "extract.yml", "hashtags", 0, COUNT_HASHTAG, 0 },
		{ "extract.yml", "hashtags_from_astral", 0, COUNT_HASHTAG, 0 },
		{ "extract.yml", "hashtags_with_indices", 0, COUNT_HASHTAG, 1 },
		{ "tlds.yml", "country", 0, COUNT_URL, 0 },
		{ "tlds.yml", "generic", 0, COUNT_URL, 0 },
	};
	const char *loaded_file = NULL;
	char *text = NULL;
	y_node *root = NULL;
	for (size_t s = 0; s < sizeof sections / sizeof *sections; s++) {
		if (!loaded_file || strcmp(loaded_file, sections[s].file) != 0) {
			y_free(root);
			free(text);
			text = NULL;
			snprintf(path, sizeof path, "%s/%s", dir, sections[s].file);
			root = load_yaml(path, &text);
			loaded_file = sections[s].file;
		}
		const y_node *cases = root ? y_get(y_get(root, "tests"), sections[s].section) : NULL;
		if (!cases || cases->type != Y_SEQ) {
			printf("conformidad: falta la sección %s de %s\n", sections[s].section,
			       sections[s].file);
			h.unexpected++;
			continue;
		}
		int before = h.passed;
		for (size_t i = 0; i < cases->n; i++) {
			if (sections[s].weights)
				weighted_case(&h, sections[s].section, cases->items[i],
					      sections[s].weights == 2 ? &v2 : &v3);
			else
				extract_case(&h, sections[s].section, cases->items[i],
					     sections[s].kind, sections[s].with_indices,
					     strcmp(sections[s].file, "tlds.yml") == 0);
		}
		printf("conformidad: %-46s %4d de %4zu\n", sections[s].section,
		       h.passed - before, cases->n);
	}
	y_free(root);
	free(text);
	printf("conformidad: twitter-text: %d de %d casos pasan; los %d restantes son TLD retirados de la raíz desde 2020\n",
	       h.passed, h.passed + h.failed, h.failed);
	free(tld_list);
	rx_scratch_free(h.scratch);
	count_lexer_free(lexer);
	return h.unexpected ? 1 : 0;
}
