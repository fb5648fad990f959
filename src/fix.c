/* fix.c: applying the safe fixes of a report, replacing a file atomically
 * and showing the change as a unified diff. */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

size_t pregon_fix_apply(char **out, size_t *out_len, const pregon_report *r)
{
	buf b;
	buf_init(&b);
	size_t at = 0, applied = 0; /* input bytes copied so far */
	for (size_t i = 0; i < r->n_findings; i++) {
		const pregon_finding *f = &r->findings[i];
		/* findings are sorted by offset: one that starts before `at`
		 * overlaps a fix already made */
		if (!f->safe_fix || f->offset < at)
			continue;
		buf_put(&b, r->input + at, f->offset - at);
		buf_puts(&b, f->suggestions[0].text);
		at = f->offset + f->length;
		applied++;
	}
	buf_put(&b, r->input + at, r->input_len - at);
	*out_len = b.len;
	*out = buf_detach(&b);
	return applied;
}

static int write_all_fd(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int pregon_file_replace(const char *path, const char *data, size_t len,
			pregon_diag *diag)
{
	const char *slash = strrchr(path, '/');
	buf tmp;
	buf_init(&tmp);
	if (slash)
		buf_put(&tmp, path, (size_t)(slash - path) + 1);
	buf_printf(&tmp, ".%s.pregon-XXXXXX", slash ? slash + 1 : path);
	int fd = mkstemp(tmp.ptr);
	if (fd < 0) {
		int err = errno;
		buf_dispose(&tmp);
		diag_set(diag, path, 0, 0, 0, NULL, NULL, "%s: %s",
			 _("no se puede crear el archivo temporal"), pregon_strerror(err));
		return PREGON_EIO;
	}
	struct stat st;
	int rc = 0;
	if ((stat(path, &st) == 0 && fchmod(fd, st.st_mode & 07777) != 0) ||
	    write_all_fd(fd, data, len) != 0 || fsync(fd) != 0)
		rc = -1;
	if (close(fd) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp.ptr, path) != 0)
		rc = -1;
	if (rc) {
		int err = errno;
		unlink(tmp.ptr);
		buf_dispose(&tmp);
		diag_set(diag, path, 0, 0, 0, NULL, NULL, "%s: %s",
			 _("no se pudo escribir el archivo corregido; el original queda intacto"),
			 pregon_strerror(err));
		return PREGON_EIO;
	}
	buf_dispose(&tmp);
	return 0;
}

/* Start offsets of the lines of s[0, len), then len: line i is
 * [starts[i], starts[i + 1]). */
static size_t *line_starts(const char *s, size_t len, size_t *out_n)
{
	size_t n = 0, cap = 0;
	size_t *starts = NULL;
	xgrow(&starts, &cap, 1, sizeof *starts);
	starts[n++] = 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\n' && i + 1 < len) {
			xgrow(&starts, &cap, n + 1, sizeof *starts);
			starts[n++] = i + 1;
		}
	xgrow(&starts, &cap, n + 1, sizeof *starts);
	starts[n++] = len;
	*out_n = len ? n - 1 : 0;
	return starts;
}

static int same_line(const char *a, const size_t *as, const char *b,
		     const size_t *bs, size_t i)
{
	size_t la = as[i + 1] - as[i], lb = bs[i + 1] - bs[i];
	return la == lb && memcmp(a + as[i], b + bs[i], la) == 0;
}

static void put_line(buf *out, char sign, const char *s, const size_t *starts,
		     size_t i)
{
	buf_putc(out, sign);
	buf_put(out, s + starts[i], starts[i + 1] - starts[i]);
	if (s[starts[i + 1] - 1] != '\n')
		buf_puts(out, "\n\\ No newline at end of file\n");
}

char *pregon_format_diff(const char *path, const char *old, size_t old_len,
			 const char *new_text, size_t new_len)
{
	const size_t CONTEXT = 3;
	size_t n_old, n_new;
	size_t *os = line_starts(old, old_len, &n_old);
	size_t *ns = line_starts(new_text, new_len, &n_new);
	assert(n_old == n_new);
	buf out;
	buf_init(&out);
	buf_puts(&out, "");
	for (size_t i = 0; i < n_old;) {
		if (same_line(old, os, new_text, ns, i)) {
			i++;
			continue;
		}
		if (out.len == 0) {
			const char *p = path[0] == '/' ? path + 1 : path;
			buf_printf(&out, "--- a/%s\n+++ b/%s\n", p, p);
		}
		/* a hunk runs until CONTEXT * 2 equal lines in a row */
		size_t start = i > CONTEXT ? i - CONTEXT : 0, end = i, equal = 0;
		for (size_t k = i; k < n_old && equal < 2 * CONTEXT; k++) {
			if (same_line(old, os, new_text, ns, k))
				equal++;
			else {
				equal = 0;
				end = k + 1;
			}
		}
		size_t stop = end + CONTEXT < n_old ? end + CONTEXT : n_old;
		buf_printf(&out, "@@ -%zu,%zu +%zu,%zu @@\n", start + 1, stop - start,
			   start + 1, stop - start);
		for (size_t k = start; k < stop;) {
			if (same_line(old, os, new_text, ns, k)) {
				put_line(&out, ' ', old, os, k++);
				continue;
			}
			/* a run of changed lines: the old ones, then the new */
			size_t run = k;
			while (run < stop && !same_line(old, os, new_text, ns, run))
				run++;
			for (size_t j = k; j < run; j++)
				put_line(&out, '-', old, os, j);
			for (size_t j = k; j < run; j++)
				put_line(&out, '+', new_text, ns, j);
			k = run;
		}
		i = stop;
	}
	free(os);
	free(ns);
	return buf_detach(&out);
}
