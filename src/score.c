/* score.c: the score and verdict of a post, and their names. */
#include "common.h"
#include "score.h"

int score_compute(const int *weights, size_t n)
{
	long total = 100;
	for (size_t i = 0; i < n && total > 0; i++)
		total -= weights[i] > 0 ? weights[i] : 0;
	return total < 0 ? 0 : (int)total;
}

pregon_verdict score_verdict(const pregon_severity *sev, size_t n, int score,
			     int threshold)
{
	pregon_verdict v = score < threshold ? PREGON_VERDICT_REVIEW
					     : PREGON_VERDICT_PUBLISH;
	for (size_t i = 0; i < n; i++) {
		if (sev[i] == PREGON_SEV_ERROR)
			return PREGON_VERDICT_BLOCK;
		if (sev[i] == PREGON_SEV_WARNING)
			v = PREGON_VERDICT_REVIEW;
	}
	return v;
}

const char *pregon_verdict_name(pregon_verdict v)
{
	static const char *const names[] = { "publish", "review", "block" };
	return names[v];
}

const char *pregon_verdict_label(pregon_verdict v)
{
	static const char *const labels[] = { N_("publicar"), N_("revisar"),
					      N_("bloquear") };
	return _(labels[v]);
}

const char *pregon_severity_name(pregon_severity s)
{
	static const char *const names[] = { "info", "warning", "error" };
	return names[s];
}

const char *pregon_severity_label(pregon_severity s)
{
	static const char *const labels[] = { N_("aviso"), N_("advertencia"),
					      N_("error") };
	return _(labels[s]);
}
