/* activity_log.c: the activity log (--log FILE), one JSON line per checked
 * post.  Several pregon processes may log to one file at once: the file is
 * opened for appending and locked while the line is written, so lines
 * never interleave. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "common.h"
#include "date.h"

/* "sha256:" and the hex digest of the post as read. */
static void content_hash(char out[7 + 2 * SHA256_DIGEST_SIZE + 1],
			 const char *data, size_t len)
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)data);
	sha256_digest(&ctx, sizeof digest, digest);
	char *p = out + snprintf(out, 8, "sha256:");
	for (size_t i = 0; i < sizeof digest; i++)
		p += snprintf(p, 3, "%02x", digest[i]);
}

/* `override`, else the front matter's value, else `fallback`. */
static const char *first_of(const char *override, const char *from_post,
			    const char *fallback)
{
	return override ? override : from_post ? from_post : fallback;
}

static json_t *entry_of(const pregon_report *r, const pregon_post_ref *ref,
			const pregon_check_options *o)
{
	char stamp[32], hash[7 + 2 * SHA256_DIGEST_SIZE + 1], day[11] = "";
	time_t now = time(NULL);
	struct tm utc;
	gmtime_r(&now, &utc);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
	content_hash(hash, r->input, r->input_len);
	date_t d;
	const char *date = first_of(o->date, ref->date, o->today);
	if (date && date_parse(date, &d) == 0)
		snprintf(day, sizeof day, "%04d-%02d-%02d", d.year, d.month, d.day);
	const char *platform = first_of(o->platform, ref->platform, NULL);
	json_t *rules = json_array();
	for (size_t i = 0; i < r->n_findings; i++)
		json_array_append_new(rules, json_string(r->findings[i].rule));
	json_t *e = json_object();
	json_object_set_new(e, "hora", json_string(stamp));
	json_object_set_new(e, "ruta", json_string(r->path));
	json_object_set_new(e, "huella", json_string(hash));
	json_object_set_new(e, "cuenta", ref->account ? json_string(ref->account) : json_null());
	json_object_set_new(e, "fecha", *day ? json_string(day) : json_null());
	json_object_set_new(e, "plataforma", platform ? json_string(platform) : json_null());
	json_object_set_new(e, "puntuacion", json_integer(r->score));
	json_object_set_new(e, "veredicto", json_string(pregon_verdict_name(r->verdict)));
	json_object_set_new(e, "reglas", rules);
	return e;
}

/* The whole line under an exclusive lock: with O_APPEND each write lands
 * at the end, and the lock keeps a line split by a short write whole. */
static int append_line(int fd, const char *line, size_t len)
{
	if (flock(fd, LOCK_EX) != 0)
		return -1;
	int rc = 0;
	for (size_t done = 0; done < len && rc == 0;) {
		ssize_t n = write(fd, line + done, len - done);
		if (n < 0 && errno != EINTR)
			rc = -1;
		else if (n > 0)
			done += (size_t)n;
	}
	int saved = errno;
	flock(fd, LOCK_UN);
	errno = saved;
	return rc;
}

int pregon_log_append(const char *log_path, const pregon_report *report,
		      const pregon_check_options *opts, pregon_diag *diag)
{
	if (report->error || !report->input)
		return 0;
	pregon_check_options none = { 0 };
	if (!opts)
		opts = &none;
	pregon_post_ref ref;
	pregon_diag ignored;
	pregon_diag_init(&ignored);
	/* the check read this input, so its front matter parses */
	int parsed = pregon_post_ref_parse(&ref, report->path, report->input,
					   report->input_len, opts->plain_text, &ignored) == 0;
	pregon_diag_dispose(&ignored);
	if (!parsed)
		memset(&ref, 0, sizeof ref);
	json_t *e = entry_of(report, &ref, opts);
	pregon_post_ref_dispose(&ref);
	char *line = json_dumps(e, JSON_COMPACT);
	json_decref(e);
	buf b;
	buf_init(&b);
	buf_puts(&b, line);
	buf_putc(&b, '\n');
	free(line);
	int fd = open(log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	int failed = fd < 0 || append_line(fd, b.ptr, b.len) != 0;
	int saved = errno;
	if (fd >= 0 && close(fd) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	if (failed)
		diag_set(diag, log_path, 0, 0, 0, NULL, NULL,
			 _("no se puede escribir la bitácora: %s"), pregon_strerror(saved));
	buf_dispose(&b);
	return failed ? PREGON_EIO : 0;
}
