/* json.c: the JSON report, a stable contract: fields may be added, never
 * renamed.  Built with jansson, so every string is escaped correctly. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

static json_t *finding_json(const pregon_finding *f)
{
	json_t *sugs = json_array();
	for (size_t k = 0; k < f->n_suggestions; k++)
		json_array_append_new(sugs, json_string(f->suggestions[k].text));
	json_t *o = json_object();
	json_object_set_new(o, "rule", json_string(f->rule));
	json_object_set_new(o, "category", json_string(f->category));
	json_object_set_new(o, "severity",
			    json_string(pregon_severity_name(f->severity)));
	json_object_set_new(o, "message", json_string(f->message));
	json_object_set_new(o, "criterio", json_string(f->criterio));
	json_object_set_new(o, "line", json_integer(f->line));
	json_object_set_new(o, "column", json_integer(f->col));
	json_object_set_new(o, "end_line", json_integer(f->end_line));
	json_object_set_new(o, "end_column", json_integer(f->end_col));
	json_object_set_new(o, "offset", json_integer((json_int_t)f->offset));
	json_object_set_new(o, "length", json_integer((json_int_t)f->length));
	json_object_set_new(o, "text", json_string(f->text));
	json_object_set_new(o, "suggestions", sugs);
	return o;
}

static json_t *report_json(const pregon_report *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "path", json_string(r->path));
	json_object_set_new(o, "score", json_integer(r->score));
	json_object_set_new(o, "verdict",
			    json_string(pregon_verdict_name(r->verdict)));
	json_t *m = json_object();
	for (size_t i = 0; i < r->n_metrics; i++) {
		double v = r->metrics[i].value;
		json_object_set_new(m, r->metrics[i].name,
				    v == (double)(json_int_t)v
					    ? json_integer((json_int_t)v)
					    : json_real(v));
	}
	json_object_set_new(o, "metrics", m);
	json_object_set_new(o, "error",
			    r->error ? json_string(r->error) : json_null());
	return o;
}

/* Six significant digits: 48.7, not 48.700000000000003. */
#define JSON_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(6))

/* Append `o` serialized, and release it. */
static void put_json(buf *out, json_t *o, int drop_last)
{
	char *s = fmt_json_finish(o, JSON_FLAGS);
	buf_put(out, s, strlen(s) - 1 - (size_t)drop_last); /* without its newline */
	free(s);
}

/* The document is {"version":V,"files":[...]}, compact, one report after
 * another: what json_dumps prints for the whole tree. */
static void json_begin(pregon_formatter *f, buf *out)
{
	(void)f; /* machine output: no colour, no summary, no language */
	buf_printf(out, "{\"version\":%d,\"files\":[", PREGON_JSON_VERSION);
}

static void json_add(pregon_formatter *f, buf *out, const pregon_report *r)
{
	if (f->n)
		buf_putc(out, ',');
	/* the report's fields, then its findings one by one (a huge file's
	 * thousands of findings never make one tree), "findings" last */
	put_json(out, report_json(r), 1);
	buf_puts(out, ",\"findings\":[");
	for (size_t i = 0; i < r->n_findings; i++) {
		if (i)
			buf_putc(out, ',');
		put_json(out, finding_json(&r->findings[i]), 0);
	}
	buf_puts(out, "]}");
}

static void json_finish(pregon_formatter *f, buf *out)
{
	(void)f;
	buf_puts(out, "]}\n");
}

const fmt_stream_ops fmt_json_stream = { "json", json_begin, json_add, json_finish };

char *pregon_format_json(const pregon_report *const *reports, size_t n,
			 const pregon_format_options *opts)
{
	return fmt_stream_all(&fmt_json_stream, reports, n, opts);
}
