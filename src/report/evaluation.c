/* evaluation.c: the semiannual evaluation (Evaluación chapter of the norm):
 * the posts of a period and the activity log, counted per account and
 * overall, for the HTML and JSON renderers. */
#include <assert.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../date.h"
#include "evaluation.h"

const char *const ev_human_review[] = { "I", "II", "VI", "XIII", "XIV", "XXIII", NULL };

static long day_of(const char *s)
{
	date_t d;
	if (!s || date_parse(s, &d))
		return -1;
	return date_days(d.year, d.month, d.day);
}

void ev_day_str(char out[11], long day)
{
	int y, m, d;
	date_from_days(day, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

pregon_evaluation *pregon_evaluation_new(const char *from, const char *to,
					 const char *today,
					 const pregon_engine *engine)
{
	pregon_evaluation *ev = xcalloc(1, sizeof *ev);
	ev->from = day_of(from);
	ev->to = day_of(to);
	ev->today = day_of(today);
	assert(ev->from >= 0 && ev->to >= ev->from && ev->today >= 0);
	ev->engine = engine;
	return ev;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void post_dispose(ev_post *p)
{
	pregon_post_ref_dispose(&p->ref);
	for (size_t i = 0; i < p->n_findings; i++) {
		free(p->findings[i].rule);
		free(p->findings[i].criterio);
		free(p->findings[i].message);
		free(p->findings[i].text);
	}
	free(p->findings);
}

void pregon_evaluation_free(pregon_evaluation *ev)
{
	if (!ev)
		return;
	for (size_t i = 0; i < ev->n_posts; i++)
		post_dispose(&ev->posts[i]);
	free(ev->posts);
	for (size_t i = 0; i < ev->n_seen; i++)
		pregon_post_ref_dispose(&ev->seen[i]);
	free(ev->seen);
	for (size_t i = 0; i < ev->n_logs; i++)
		free(ev->logs[i]);
	free(ev->logs);
	free(ev);
}

/* A new post of the period with a copy of `ref`, or NULL (and counted
 * apart) when its date is unknown or outside the period. */
static void copy_ref(pregon_post_ref *out, const pregon_post_ref *ref)
{
	out->path = xstrdup(ref->path);
	out->account = dup_or_null(ref->account);
	out->platform = dup_or_null(ref->platform);
	out->date = dup_or_null(ref->date);
	out->line = ref->line;
	out->col = ref->col;
}

static ev_post *add_post(pregon_evaluation *ev, const pregon_post_ref *ref)
{
	xgrow(&ev->seen, &ev->cap_seen, ev->n_seen + 1, sizeof *ev->seen);
	copy_ref(&ev->seen[ev->n_seen++], ref);
	long day = day_of(ref->date);
	if (day < 0) {
		ev->undated++;
		return NULL;
	}
	if (day < ev->from || day > ev->to) {
		ev->outside++;
		return NULL;
	}
	xgrow(&ev->posts, &ev->cap_posts, ev->n_posts + 1, sizeof *ev->posts);
	ev_post *p = &ev->posts[ev->n_posts++];
	memset(p, 0, sizeof *p);
	copy_ref(&p->ref, ref);
	p->day = day;
	return p;
}

void pregon_evaluation_add_post(pregon_evaluation *ev,
				const pregon_post_ref *post,
				const pregon_report *report)
{
	ev_post *p = add_post(ev, post);
	if (!p)
		return;
	p->score = report->score;
	p->verdict = report->verdict;
	p->findings = xcalloc(report->n_findings ? report->n_findings : 1,
			      sizeof *p->findings);
	for (size_t i = 0; i < report->n_findings; i++) {
		const pregon_finding *f = &report->findings[i];
		ev_finding *e = &p->findings[p->n_findings++];
		e->rule = xstrdup(f->rule);
		e->criterio = xstrdup(f->criterio);
		e->message = xstrdup(f->message);
		e->text = xstrdup(f->text);
	}
}

/* ---- the activity log -------------------------------------------------- */

typedef struct {
	pregon_post_ref ref;
	const char *time;
	int score;
	pregon_verdict verdict;
	json_t *rules;
} log_line;

static int verdict_of(const char *name, pregon_verdict *out)
{
	for (int v = PREGON_VERDICT_PUBLISH; v <= PREGON_VERDICT_BLOCK; v++)
		if (strcmp(pregon_verdict_name((pregon_verdict)v), name) == 0) {
			*out = (pregon_verdict)v;
			return 0;
		}
	return -1;
}

/* A string member or null; -1 when it is something else. */
static int optional_string(json_t *o, const char *key, const char **out)
{
	json_t *v = json_object_get(o, key);
	*out = json_is_string(v) ? json_string_value(v) : NULL;
	return v && !json_is_string(v) && !json_is_null(v) ? -1 : 0;
}

static int parse_line(json_t *o, log_line *out)
{
	memset(out, 0, sizeof *out);
	const char *verdict;
	json_t *score = json_object_get(o, "puntuacion");
	if (!json_is_object(o) || optional_string(o, "ruta", &out->ref.path) ||
	    !out->ref.path || optional_string(o, "hora", &out->time) || !out->time ||
	    optional_string(o, "cuenta", &out->ref.account) ||
	    optional_string(o, "plataforma", &out->ref.platform) ||
	    optional_string(o, "fecha", &out->ref.date) ||
	    optional_string(o, "veredicto", &verdict) || !verdict ||
	    verdict_of(verdict, &out->verdict) || !json_is_integer(score))
		return -1;
	out->score = (int)json_integer_value(score);
	out->rules = json_object_get(o, "reglas");
	for (size_t i = 0; i < json_array_size(out->rules); i++)
		if (!json_is_string(json_array_get(out->rules, i)))
			return -1;
	return json_is_array(out->rules) ? 0 : -1;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* By path, then by position in the log: the latest line of each path
 * ends its run. */
static int by_path_then_line(const void *a, const void *b)
{
	const log_line *x = *(const log_line *const *)a, *y = *(const log_line *const *)b;
	int c = strcmp(x->ref.path, y->ref.path);
	return c ? c : (x > y) - (x < y);
}

static const char *criterio_of(const pregon_evaluation *ev, const char *rule)
{
	const pregon_rule_info *r = ev->engine ? pregon_engine_find_rule(ev->engine, rule)
					       : NULL;
	return r ? r->criterio : "?";
}

/* The log's posts the repository did not give: the latest line of each
 * path (lines are in time order; a later check replaces an earlier). */
static void add_log_posts(pregon_evaluation *ev, log_line *lines, size_t n)
{
	/* sorted copies keep this n log n for a year of daily checks */
	size_t repo_posts = ev->n_seen;
	const char **repo = xmalloc((repo_posts ? repo_posts : 1) * sizeof *repo);
	for (size_t i = 0; i < repo_posts; i++)
		repo[i] = ev->seen[i].path;
	if (repo_posts)
		qsort(repo, repo_posts, sizeof *repo, by_path);
	const log_line **order = xmalloc((n ? n : 1) * sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = &lines[i];
	if (n)
		qsort(order, n, sizeof *order, by_path_then_line);
	unsigned char *keep = xcalloc(n ? n : 1, 1);
	for (size_t i = 0; i < n; i++) {
		const log_line *l = order[i];
		int later = i + 1 < n && strcmp(order[i + 1]->ref.path, l->ref.path) == 0;
		keep[l - lines] = !later && !(repo_posts && bsearch(&l->ref.path, repo, repo_posts,
								    sizeof *repo, by_path));
	}
	for (size_t i = 0; i < n; i++) {
		const log_line *l = &lines[i];
		ev_post *p = keep[i] ? add_post(ev, &l->ref) : NULL;
		if (!p)
			continue;
		p->from_log = 1;
		p->score = l->score;
		p->verdict = l->verdict;
		size_t k = json_array_size(l->rules);
		p->findings = xcalloc(k ? k : 1, sizeof *p->findings);
		for (size_t j = 0; j < k; j++) {
			const char *rule = json_string_value(json_array_get(l->rules, j));
			ev_finding *f = &p->findings[p->n_findings++];
			f->rule = xstrdup(rule);
			f->criterio = xstrdup(criterio_of(ev, rule));
			f->message = xstrdup("");
			f->text = xstrdup("");
		}
	}
	free(keep);
	free(order);
	free(repo);
}

int pregon_evaluation_read_log(pregon_evaluation *ev, const char *log_path,
			       pregon_diag *diag)
{
	char *text;
	size_t len;
	int rc = read_file(log_path, &text, &len, diag);
	if (rc)
		return rc;
	json_t **docs = NULL;
	log_line *lines = NULL;
	size_t n = 0, cap = 0, cap_docs = 0;
	int line_no = 1;
	for (size_t off = 0; off < len && rc == 0; line_no++) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - text) : len;
		if (end > off) {
			json_error_t err;
			json_t *o = json_loadb(text + off, end - off, 0, &err);
			xgrow(&lines, &cap, n + 1, sizeof *lines);
			xgrow(&docs, &cap_docs, n + 1, sizeof *docs);
			docs[n] = o;
			if (!o || parse_line(o, &lines[n])) {
				char *source = xstrndup(text + off, end - off);
				diag_set(diag, log_path, line_no, o ? 1 : err.column > 0 ? err.column : 1,
					 1, source, _("cada línea de la bitácora la escribe pregon --log; no la edite a mano"),
					 o ? _("la línea no es una entrada de la bitácora")
					   : _("la línea no es JSON: %s"), err.text);
				free(source);
				rc = PREGON_EINVAL;
			}
			n++;
		}
		off = end + 1;
	}
	if (rc == 0) {
		add_log_posts(ev, lines, n);
		ev->log_lines += n;
		ev->logs = xrealloc(ev->logs, (ev->n_logs + 1) * sizeof *ev->logs);
		ev->logs[ev->n_logs++] = xstrdup(log_path);
	}
	for (size_t i = 0; i < n; i++)
		json_decref(docs[i]);
	free(docs);
	free(lines);
	free(text);
	return rc;
}

void pregon_evaluation_set_registry(pregon_evaluation *ev,
				    const pregon_registry *registry,
				    const pregon_report *findings)
{
	ev->registry = registry;
	ev->registry_findings = findings;
}

const pregon_post_ref *pregon_evaluation_posts(const pregon_evaluation *ev,
					       size_t *out_n)
{
	*out_n = ev->n_seen;
	return ev->seen;
}

/* ---- the summary ------------------------------------------------------- */

static ev_count *count_key(ev_counts *c, const char *key, size_t post, size_t finding)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->items[i].key, key) == 0) {
			c->items[i].count++;
			return &c->items[i];
		}
	xgrow(&c->items, &c->cap, c->n + 1, sizeof *c->items);
	ev_count *e = &c->items[c->n++];
	e->key = xstrdup(key);
	e->count = 1;
	e->example = post;
	e->finding = finding;
	return e;
}

static int by_count(const void *a, const void *b)
{
	const ev_count *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void counts_dispose(ev_counts *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->items[i].key);
	free(c->items);
}

static void account_init(ev_account *a, char *label, const reg_account *reg,
			 size_t n_weeks)
{
	memset(a, 0, sizeof *a);
	a->label = label;
	a->account = reg;
	a->weekly = xcalloc(n_weeks, sizeof *a->weekly);
	a->weekly_score = xcalloc(n_weeks, sizeof *a->weekly_score);
	a->longest_gap = -1;
}

static void account_dispose(ev_account *a)
{
	free(a->label);
	free(a->weekly);
	free(a->weekly_score);
	counts_dispose(&a->criteria);
}

/* The account a post belongs to, created on first sight. */
static ev_account *account_of(ev_summary *s, const pregon_evaluation *ev,
			      const pregon_post_ref *ref)
{
	const reg_account *reg = ev->registry && ref->account
					 ? reg_find(ev->registry, ref->account, ref->platform)
					 : NULL;
	buf b;
	buf_init(&b);
	if (reg)
		buf_printf(&b, "@%s (%s)", reg->user, reg->platform);
	else if (ref->account)
		buf_printf(&b, "@%s (%s)", ref->account[0] == '@' ? ref->account + 1 : ref->account,
			   ref->platform ? ref->platform : "?");
	else
		buf_puts(&b, _("sin cuenta"));
	for (size_t i = 0; i < s->n_accounts; i++)
		if (strcmp(s->accounts[i].label, b.ptr) == 0) {
			buf_dispose(&b);
			return &s->accounts[i];
		}
	s->accounts = xrealloc(s->accounts, (s->n_accounts + 1) * sizeof *s->accounts);
	ev_account *a = &s->accounts[s->n_accounts++];
	account_init(a, buf_detach(&b), reg, s->n_weeks);
	return a;
}

static void tally(ev_account *a, const ev_summary *s, const ev_post *p, size_t index)
{
	size_t week = (size_t)(p->day - s->first_monday) / 7;
	a->posts++;
	a->verdicts[p->verdict]++;
	/* weekly_score holds sums until finish_account turns them into means */
	a->weekly[week]++;
	a->weekly_score[week] += p->score;
	for (size_t k = 0; k < p->n_findings; k++)
		count_key(&a->criteria, p->findings[k].criterio, index, k);
}

static int by_day(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? -1 : x > y;
}

/* Means per week, the longest silence and the busiest day of an account,
 * from the days of its posts. */
static void finish_account(ev_account *a, const ev_summary *s,
			   const pregon_evaluation *ev, long *days, size_t n)
{
	for (size_t w = 0; w < s->n_weeks; w++)
		a->weekly_score[w] = a->weekly[w] ? a->weekly_score[w] / (double)a->weekly[w] : -1;
	if (a->criteria.n)
		qsort(a->criteria.items, a->criteria.n, sizeof *a->criteria.items, by_count);
	if (n)
		qsort(days, n, sizeof *days, by_day);
	/* silence runs inside the period up to today, from the account's
	 * authorisation when it came later */
	long start = ev->from, end = ev->to < ev->today ? ev->to : ev->today;
	if (a->account && a->account->auth_day > start)
		start = a->account->auth_day;
	if (a->account && a->account->closed && a->account->closed_day >= 0 &&
	    a->account->closed_day < end)
		end = a->account->closed_day;
	long prev = start - 1;
	for (size_t i = 0; i <= n; i++) {
		long day = i < n ? days[i] : end + 1;
		if (day - prev - 1 > a->longest_gap) {
			a->longest_gap = day - prev - 1;
			a->gap_start = prev + 1;
		}
		prev = day > prev ? day : prev;
		size_t same = 1;
		while (i < n && i + same < n && days[i + same] == days[i])
			same++;
		if (i < n && same > a->busiest) {
			a->busiest = same;
			a->busiest_day = days[i];
		}
	}
	if (a->longest_gap < 0)
		a->longest_gap = 0;
	if (a->account && a->account->rhythm != REG_RHYTHM_NONE && end >= start)
		a->silent = a->longest_gap > reg_rhythm_allowance(a->account->rhythm);
	a->over_posting = a->busiest > EV_MAX_POSTS_PER_DAY;
}

static int by_label(const void *a, const void *b)
{
	return strcmp(((const ev_account *)a)->label, ((const ev_account *)b)->label);
}

void ev_summary_init(ev_summary *s, const pregon_evaluation *ev)
{
	memset(s, 0, sizeof *s);
	int y, m, d;
	date_from_days(ev->from, &y, &m, &d);
	/* weeks run Monday to Sunday (date_weekday: 0 is Sunday) */
	s->first_monday = ev->from - (date_weekday(y, m, d) + 6) % 7;
	s->n_weeks = (size_t)((ev->to - s->first_monday) / 7 + 1);
	account_init(&s->all, xstrdup(_("todas las cuentas")), NULL, s->n_weeks);
	/* every active account of the registry shows, posts or not */
	for (size_t i = 0; ev->registry && i < ev->registry->n; i++) {
		const reg_account *a = &ev->registry->accounts[i];
		if (a->closed && a->closed_day >= 0 && a->closed_day < ev->from)
			continue;
		pregon_post_ref ref = { NULL, a->user, a->platform, NULL, 0, 0 };
		account_of(s, ev, &ref);
	}
	/* the index of each post's account: accounts only grow here */
	size_t *owner = xmalloc((ev->n_posts ? ev->n_posts : 1) * sizeof *owner);
	for (size_t i = 0; i < ev->n_posts; i++) {
		const ev_post *p = &ev->posts[i];
		ev_account *a = account_of(s, ev, &p->ref);
		owner[i] = (size_t)(a - s->accounts);
		tally(&s->all, s, p, i);
		tally(a, s, p, i);
		for (size_t k = 0; k < p->n_findings; k++)
			count_key(&s->rules, p->findings[k].rule, i, k);
	}
	long *days = xmalloc((ev->n_posts ? ev->n_posts : 1) * sizeof *days);
	for (size_t i = 0; i < ev->n_posts; i++)
		days[i] = ev->posts[i].day;
	finish_account(&s->all, s, ev, days, ev->n_posts);
	for (size_t a = 0; a < s->n_accounts; a++) {
		ev_account *acc = &s->accounts[a];
		size_t n = 0;
		for (size_t i = 0; i < ev->n_posts; i++)
			if (owner[i] == a)
				days[n++] = ev->posts[i].day;
		finish_account(acc, s, ev, days, n);
	}
	free(owner);
	free(days);
	if (s->n_accounts)
		qsort(s->accounts, s->n_accounts, sizeof *s->accounts, by_label);
	if (s->rules.n)
		qsort(s->rules.items, s->rules.n, sizeof *s->rules.items, by_count);
}

void ev_summary_dispose(ev_summary *s)
{
	account_dispose(&s->all);
	for (size_t i = 0; i < s->n_accounts; i++)
		account_dispose(&s->accounts[i]);
	free(s->accounts);
	counts_dispose(&s->rules);
}
