/* stream.c: formats written one report at a time (pregon_formatter). */
#include <stdlib.h>
#include <string.h>

#include "format.h"

static const fmt_stream_ops *const streams[] = { &fmt_text_stream, &fmt_json_stream,
						 &fmt_line_stream };

static pregon_formatter *start(const fmt_stream_ops *ops,
			       const pregon_format_options *opts)
{
	pregon_formatter *f = xcalloc(1, sizeof *f);
	f->ops = ops;
	if (opts)
		f->opts = *opts;
	buf_init(&f->pending);
	if (ops->begin)
		ops->begin(f, &f->pending);
	return f;
}

pregon_formatter *pregon_formatter_new(const char *format,
				       const pregon_format_options *opts)
{
	for (size_t i = 0; i < sizeof streams / sizeof *streams; i++)
		if (format && strcmp(format, streams[i]->name) == 0)
			return start(streams[i], opts);
	return NULL;
}

char *pregon_formatter_add(pregon_formatter *f, const pregon_report *report)
{
	f->ops->add(f, &f->pending, report);
	f->n++;
	return buf_detach(&f->pending);
}

char *pregon_formatter_finish(pregon_formatter *f)
{
	if (f->ops->finish)
		f->ops->finish(f, &f->pending);
	char *s = buf_detach(&f->pending);
	free(f);
	return s;
}

char *fmt_stream_all(const fmt_stream_ops *ops, const pregon_report *const *reports,
		     size_t n, const pregon_format_options *opts)
{
	pregon_formatter *f = start(ops, opts);
	for (size_t i = 0; i < n; i++) {
		ops->add(f, &f->pending, reports[i]);
		f->n++;
	}
	return pregon_formatter_finish(f);
}
