/* client.c: what the clients (the command, its subcommands) look up in the
 * library rather than keep each its own copy of: the report formats by
 * name, and "today". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pregon.h"

static const struct {
	const char *name;
	pregon_format_fn format;
} formats[] = {
	{ "text", pregon_format_text },
	{ "json", pregon_format_json },
	{ "sarif", pregon_format_sarif },
	{ "github", pregon_format_github },
	{ "rdjson", pregon_format_rdjson },
	{ "checkstyle", pregon_format_checkstyle },
	{ "gitlab", pregon_format_gitlab },
	{ "line", pregon_format_line },
};

#define N_FORMATS (sizeof formats / sizeof *formats)

static const char *const format_names[N_FORMATS + 1] = {
	"text", "json", "sarif", "github", "rdjson", "checkstyle", "gitlab", "line", NULL
};

pregon_format_fn pregon_format_find(const char *name)
{
	for (size_t i = 0; i < N_FORMATS; i++)
		if (strcmp(formats[i].name, name) == 0)
			return formats[i].format;
	return NULL;
}

const char *const *pregon_format_names(void)
{
	return format_names;
}

void pregon_today_or_env(char out[11])
{
	const char *env = getenv("PREGON_TODAY");
	if (env && pregon_date_valid(env) && strlen(env) >= 10)
		snprintf(out, 11, "%.10s", env);
	else
		pregon_today(out);
}
