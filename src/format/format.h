/* format.h: what the report formats share (columns in each consumer's
 * unit, URIs, escaping, fingerprints, JSON output).  Internal to
 * src/format/. */
#ifndef PREGON_FORMAT_H
#define PREGON_FORMAT_H

#include <jansson.h>
#include <stdint.h>

#include "../common.h"

/* The column of byte `offset` of the report's input in `unit`, given its
 * code-point column `col` (returned as is for PREGON_COLUMN_CHAR or when
 * there is no input).  A byte-order mark never counts. */
int fmt_column(const pregon_report *r, size_t offset, int col,
	       pregon_column_unit unit);

/* The unit the options ask for (code points when opts is NULL). */
pregon_column_unit fmt_unit(const pregon_format_options *opts);

/* Append `path` as a relative URI reference: each segment's bytes other
 * than RFC 3986 unreserved characters percent-encoded, "/" kept, a
 * leading "./" dropped; an absolute path becomes a file:// URI. */
void fmt_put_uri(buf *b, const char *path);

/* 1 when the path is absolute (its URI needs no base). */
int fmt_absolute(const char *path);

/* Append s with XML's five special characters and control characters
 * as character references, for attribute values. */
void fmt_put_xml(buf *b, const char *s);

/* Append s with every CR and LF as one space: one finding, one line. */
void fmt_put_one_line(buf *b, const char *s);

/* Serialize and release `root` (compact or indented), with a final
 * newline. */
char *fmt_json_finish(json_t *root, size_t flags);

/* The SARIF/GitHub level of a severity ("error", "warning", "note"). */
const char *fmt_sarif_level(pregon_severity s);

/*
 * A format that is written one report at a time (pregon_formatter): `begin`
 * and `finish` write what comes before the first and after the last report,
 * `add` one report.  The array functions (pregon_format_json...) run the
 * same callbacks, so a streamed run prints exactly what one call prints.
 */
typedef struct {
	const char *name;
	void (*begin)(pregon_formatter *f, buf *out);
	void (*add)(pregon_formatter *f, buf *out, const pregon_report *r);
	void (*finish)(pregon_formatter *f, buf *out);
} fmt_stream_ops;

struct pregon_formatter {
	const fmt_stream_ops *ops;
	pregon_format_options opts;
	buf pending;      /* output not handed out yet */
	size_t n;         /* reports added */
	/* the text format's totals */
	size_t totals[3], verdicts[3], errors;
	int printed;      /* 1 once a report printed something */
};

extern const fmt_stream_ops fmt_text_stream, fmt_json_stream, fmt_line_stream;

/* Every report through `ops`, as one buffer. */
char *fmt_stream_all(const fmt_stream_ops *ops, const pregon_report *const *reports,
		     size_t n, const pregon_format_options *opts);

#endif
