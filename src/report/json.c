/* json.c: the evaluation report's data as JSON (`pregon report --format
 * json`), the same figures as the HTML page, for other dashboards.  Keys
 * are English machine names, as in the check's JSON report. */
#include <jansson.h>
#include <stdlib.h>

#include "../format/format.h"
#include "evaluation.h"

static json_t *day_json(long day)
{
	char s[11];
	ev_day_str(s, day);
	return json_string(s);
}

static json_t *counts_json(const ev_counts *c, const char *key_name)
{
	json_t *a = json_array();
	for (size_t i = 0; i < c->n; i++)
		json_array_append_new(a, json_pack("{s:s, s:I}", key_name, c->items[i].key,
						   "count", (json_int_t)c->items[i].count));
	return a;
}

static json_t *account_json(const ev_account *a, const ev_summary *s)
{
	json_t *weeks = json_array();
	for (size_t w = 0; w < s->n_weeks; w++) {
		json_t *week = json_object();
		json_object_set_new(week, "start", day_json(s->first_monday + 7 * (long)w));
		json_object_set_new(week, "posts", json_integer((json_int_t)a->weekly[w]));
		json_object_set_new(week, "mean_score", a->weekly_score[w] < 0 ? json_null()
										: json_real(a->weekly_score[w]));
		json_array_append_new(weeks, week);
	}
	json_t *o = json_object();
	json_object_set_new(o, "account", json_string(a->label));
	json_object_set_new(o, "registered", json_boolean(a->account != NULL));
	if (a->account) {
		json_object_set_new(o, "user", json_string(a->account->user));
		json_object_set_new(o, "platform", json_string(a->account->platform));
		json_object_set_new(o, "unit", a->account->unit_name ? json_string(a->account->unit_name)
								      : json_null());
	}
	json_object_set_new(o, "posts", json_integer((json_int_t)a->posts));
	json_object_set_new(o, "verdicts", json_pack("{s:I, s:I, s:I}",
		pregon_verdict_name(PREGON_VERDICT_PUBLISH), (json_int_t)a->verdicts[0],
		pregon_verdict_name(PREGON_VERDICT_REVIEW), (json_int_t)a->verdicts[1],
		pregon_verdict_name(PREGON_VERDICT_BLOCK), (json_int_t)a->verdicts[2]));
	json_object_set_new(o, "weeks", weeks);
	json_object_set_new(o, "findings_by_criterio", counts_json(&a->criteria, "criterio"));
	json_object_set_new(o, "longest_gap_days", json_integer(a->longest_gap));
	json_object_set_new(o, "longest_gap_start", a->longest_gap > 0 ? day_json(a->gap_start)
								   : json_null());
	json_object_set_new(o, "busiest_day_posts", json_integer((json_int_t)a->busiest));
	json_object_set_new(o, "busiest_day", a->busiest ? day_json(a->busiest_day) : json_null());
	json_object_set_new(o, "silent", json_boolean(a->silent));
	json_object_set_new(o, "over_posting", json_boolean(a->over_posting));
	return o;
}

static json_t *top_json(const pregon_evaluation *ev, const ev_summary *s)
{
	json_t *a = json_array();
	for (size_t i = 0; i < s->rules.n && i < EV_TOP_FINDINGS; i++) {
		const ev_count *c = &s->rules.items[i];
		const ev_post *p = &ev->posts[c->example];
		const ev_finding *f = &p->findings[c->finding];
		json_array_append_new(a, json_pack("{s:s, s:s, s:I, s:{s:s, s:s, s:s}}",
			"rule", c->key, "criterio", f->criterio, "count", (json_int_t)c->count,
			"example", "path", p->ref.path, "message", f->message, "text", f->text));
	}
	return a;
}

static json_t *registry_json(const pregon_evaluation *ev)
{
	const pregon_report *r = ev->registry_findings;
	if (!ev->registry || !r)
		return json_null();
	json_t *findings = json_array();
	for (size_t i = 0; i < r->n_findings; i++) {
		const pregon_finding *f = &r->findings[i];
		json_array_append_new(findings, json_pack("{s:s, s:s, s:s, s:s, s:i, s:i}",
			"rule", f->rule, "criterio", f->criterio,
			"severity", pregon_severity_name(f->severity), "message", f->message,
			"line", f->line, "column", f->col));
	}
	return json_pack("{s:s, s:I, s:o}", "path", r->path,
			 "accounts", (json_int_t)pregon_registry_count(ev->registry),
			 "findings", findings);
}

char *pregon_evaluation_format_json(const pregon_evaluation *ev)
{
	ev_summary s;
	ev_summary_init(&s, ev);
	json_t *accounts = json_array();
	for (size_t i = 0; i < s.n_accounts; i++)
		json_array_append_new(accounts, account_json(&s.accounts[i], &s));
	json_t *review = json_array();
	for (size_t i = 0; ev_human_review[i]; i++)
		json_array_append_new(review, json_string(ev_human_review[i]));
	json_t *logs = json_array();
	for (size_t i = 0; i < ev->n_logs; i++)
		json_array_append_new(logs, json_string(ev->logs[i]));
	json_t *root = json_object();
	json_object_set_new(root, "version", json_integer(1));
	json_object_set_new(root, "from", day_json(ev->from));
	json_object_set_new(root, "to", day_json(ev->to));
	json_object_set_new(root, "today", day_json(ev->today));
	json_object_set_new(root, "posts_outside_period", json_integer((json_int_t)ev->outside));
	json_object_set_new(root, "posts_without_date", json_integer((json_int_t)ev->undated));
	json_object_set_new(root, "logs", logs);
	json_object_set_new(root, "log_entries", json_integer((json_int_t)ev->log_lines));
	json_object_set_new(root, "overall", account_json(&s.all, &s));
	json_object_set_new(root, "accounts", accounts);
	json_object_set_new(root, "top_findings", top_json(ev, &s));
	json_object_set_new(root, "registry", registry_json(ev));
	json_object_set_new(root, "human_review", review);
	ev_summary_dispose(&s);
	return fmt_json_finish(root, JSON_INDENT(2));
}
