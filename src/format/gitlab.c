/* gitlab.c: GitLab Code Quality, the subset of the Code Climate issue
 * format that the merge-request widget reads.  Each fingerprint is unique
 * per finding (GitLab keeps only one issue per fingerprint). */
#include <stdio.h>
#include <stdlib.h>

#include "format.h"

static const char *gl_severity(pregon_severity s)
{
	static const char *const name[] = { "info", "minor", "critical" };
	return name[s];
}

char *pregon_format_gitlab(const pregon_report *const *reports, size_t n,
			   const pregon_format_options *opts)
{
	(void)opts;
	json_t *issues = json_array();
	for (size_t i = 0; i < n; i++) {
		const pregon_report *r = reports[i];
		char *prints = pregon_report_fingerprints(r);
		for (size_t k = 0; k < r->n_findings; k++) {
			const pregon_finding *f = &r->findings[k];
			buf key;
			buf_init(&key);
			buf_puts(&key, r->path);
			buf_putc(&key, '\0');
			buf_puts(&key, prints + k * PREGON_FINGERPRINT_SIZE);
			char fp[17];
			snprintf(fp, sizeof fp, "%016llx",
				 (unsigned long long)hash_bytes(key.ptr, key.len));
			buf_dispose(&key);
			json_array_append_new(issues, json_pack(
				"{s:s, s:s, s:s, s:s, s:s, s:{s:s, s:{s:i, s:i}}}", "type", "issue",
				"description", f->message, "check_name", f->rule, "fingerprint", fp,
				"severity", gl_severity(f->severity), "location", "path", r->path,
				"lines", "begin", f->line, "end", f->end_line));
		}
		free(prints);
	}
	return fmt_json_finish(issues, JSON_INDENT(2));
}
