/* sarif.c: SARIF 2.1.0 (OASIS) with what GitHub code scanning adds: rule
 * metadata with descriptions and help, columnKind, relative URIs with a
 * uriBaseId, text and byte regions, partialFingerprints. */
#include <stdlib.h>
#include <string.h>

#include "format.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static json_t *text_object(const char *text)
{
	return json_pack("{s:s}", "text", text);
}

/* A rule message as a title: its placeholders ("«{texto}»") become "…". */
static char *untemplated(const char *message)
{
	buf b;
	buf_init(&b);
	for (const char *p = message; *p; p++) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		if (close) {
			buf_puts(&b, "…");
			p = close;
		} else {
			buf_putc(&b, *p);
		}
	}
	return buf_detach(&b);
}

/* The rule's descriptor: from the engine when there is one, else from the
 * finding (its message is already masked). */
static json_t *rule_json(const pregon_finding *f, const pregon_engine *e)
{
	const pregon_rule_info *info = e ? pregon_engine_find_rule(e, f->rule) : NULL;
	const char *desc = e ? pregon_engine_rule_description(e, f->rule) : NULL;
	char *shortd = untemplated(info && info->message && *info->message ? info->message
								      : f->message);
	if (!desc || !*desc)
		desc = shortd;
	buf full, help, md;
	buf_init(&full);
	buf_init(&help);
	buf_init(&md);
	buf_printf(&full, "%s %s: %s", _("Norma Técnica No. 10, criterio"), f->criterio, desc);
	buf_printf(&help, "%s (%s %s). %s", shortd, _("criterio"), f->criterio,
		   _("Vea «pregon --explain» con el identificador de la regla."));
	buf_printf(&md, "%s (**%s %s**).\n\n`pregon --explain %s`", shortd,
		   _("criterio"), f->criterio, f->rule);
	json_t *tags = json_pack("[s,s]", f->category, "nt10");
	json_t *r = json_pack(
		"{s:s, s:s, s:o, s:o, s:{s:s, s:s}, s:{s:s}, s:{s:o, s:s, s:s}}",
		"id", f->rule, "name", f->rule, "shortDescription", text_object(shortd),
		"fullDescription", text_object(full.ptr), "help", "text", help.ptr,
		"markdown", md.ptr, "defaultConfiguration", "level",
		fmt_sarif_level(info ? info->severity : f->severity), "properties",
		"tags", tags, "precision", "high", "problem.severity",
		f->severity == PREGON_SEV_INFO ? "recommendation" : fmt_sarif_level(f->severity));
	buf_dispose(&full);
	buf_dispose(&help);
	buf_dispose(&md);
	free(shortd);
	return r;
}

static json_t *artifact_json(const char *path)
{
	buf uri;
	buf_init(&uri);
	fmt_put_uri(&uri, path);
	json_t *artifact = json_pack("{s:s}", "uri", uri.ptr);
	if (!fmt_absolute(path))
		json_object_set_new(artifact, "uriBaseId", json_string("SRCROOT"));
	buf_dispose(&uri);
	return artifact;
}

static json_t *location_json(const pregon_report *r, const pregon_finding *f)
{
	json_t *artifact = artifact_json(r->path);
	json_t *region = json_pack("{s:i, s:i, s:i, s:i, s:I, s:I}", "startLine", f->line,
				   "startColumn", f->col, "endLine", f->end_line,
				   "endColumn", f->end_col, "byteOffset", (json_int_t)f->offset,
				   "byteLength", (json_int_t)f->length);
	return json_pack("{s:{s:o, s:o}}", "physicalLocation", "artifactLocation",
			 artifact, "region", region);
}

/* Index of `rule` in the run's rules, adding it on first use. */
static size_t rule_index(json_t *rules, const pregon_finding *f,
			 const pregon_engine *e)
{
	size_t i;
	json_t *v;
	json_array_foreach(rules, i, v) {
		if (strcmp(json_string_value(json_object_get(v, "id")), f->rule) == 0)
			return i;
	}
	json_array_append_new(rules, rule_json(f, e));
	return json_array_size(rules) - 1;
}

char *pregon_format_sarif(const pregon_report *const *reports, size_t n,
			  const pregon_format_options *opts)
{
	const pregon_engine *e = opts ? opts->engine : NULL;
	json_t *rules = json_array(), *results = json_array();
	json_t *files = json_array(), *notes = json_array();
	for (size_t i = 0; i < n; i++) {
		const pregon_report *r = reports[i];
		json_array_append_new(files, json_pack("{s:s, s:i, s:s}", "path", r->path,
							"score", r->score, "verdict",
							pregon_verdict_name(r->verdict)));
		if (r->error) {
			json_array_append_new(notes, json_pack("{s:o, s:s, s:[o]}", "message",
							       text_object(r->error), "level", "error",
							       "locations", json_pack("{s:{s:o}}",
							       "physicalLocation", "artifactLocation",
							       artifact_json(r->path))));
			continue;
		}
		char *prints = pregon_report_fingerprints(r);
		for (size_t k = 0; k < r->n_findings; k++) {
			const pregon_finding *f = &r->findings[k];
			const char *fp = prints + k * PREGON_FINGERPRINT_SIZE;
			json_array_append_new(results, json_pack(
				"{s:s, s:I, s:s, s:o, s:[o], s:{s:s, s:s}, s:{s:s, s:s}}",
				"ruleId", f->rule, "ruleIndex", (json_int_t)rule_index(rules, f, e),
				"level", fmt_sarif_level(f->severity), "message",
				text_object(f->message), "locations", location_json(r, f),
				"partialFingerprints", "primaryLocationLineHash", fp,
				"pregonFinding/v1", fp, "properties", "category", f->category,
				"criterio", f->criterio));
		}
		free(prints);
	}
	json_t *invocation = json_pack("{s:b, s:o}", "executionSuccessful",
				       json_array_size(notes) == 0,
				       "toolExecutionNotifications", notes);
	json_t *run = json_pack(
		"{s:{s:{s:s, s:s, s:s, s:s, s:o}}, s:s, s:{s:s}, s:[o], s:o, s:{s:o}}",
		"tool", "driver", "name", "pregon", "version", PREGON_VERSION,
		"semanticVersion", PREGON_VERSION, "language", "es-MX", "rules", rules,
		"columnKind", "unicodeCodePoints", "automationDetails", "id", "pregon/",
		"invocations", invocation, "results", results, "properties", "files", files);
	json_t *root = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA,
				 "version", "2.1.0", "runs", run);
	return fmt_json_finish(root, JSON_INDENT(2));
}
