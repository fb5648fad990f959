/* corpus_fp.c: how often the default rules speak up on real posts that
 * Mexican government accounts published (../shared/corpus, 3,119 posts).
 * Those posts went out, so every finding on them is at best a debatable
 * call: the rate per rule is the false-alarm budget, and this test fails when
 * a rule goes over the ceiling written here (see the README's table).
 *
 *   corpus_fp                 check the ceilings
 *   corpus_fp --show RULE     print the posts RULE flags, for tuning
 *   corpus_fp --update        rewrite tests/corpus/ortografia-medicion.tsv
 *
 * Spelling is tuned only on gov-mx-federal-twitter-2020 and measured on the
 * other folders: there at most 3% of the posts may get a finding of the
 * `ortografia` set, and every word it flags is listed (record id, word,
 * offset; never the post) in tests/corpus/ortografia-medicion.tsv, so that a
 * word that starts being flagged fails the test until it is reviewed.
 *
 * Personal data have no ceiling: every finding of the `datos-personales`
 * set on these posts was reviewed by hand, and the reviewed list (record
 * id, rule, offset and the verdict; never the datum) is
 * tests/corpus/datos-personales-revisados.tsv.  Any change to the set of
 * findings, one more or one less, fails until it is reviewed.
 *
 * The corpus is not part of the project: without it the test is skipped with
 * a notice, unless PREGON_REQUIRE_ALL=1 (CI), where that is a failure. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pregon.h"

/* Ceilings: percentage of posts a rule may flag. */
static const struct {
	const char *rule;
	double max_pct;
} ceilings[] = {
	{ "estilo.mayusculas-sostenidas", 3.0 },
	{ "estilo.palabra-duplicada", 0.5 },
	{ "estilo.signos-repetidos", 3.0 },
	{ "estilo.emoji-repetidos", 2.0 },
	{ "estilo.ortografia-frecuente", 1.0 },
	{ "estilo.espacio-antes-de-signo", 1.0 },
	{ "estilo.interrogacion-de-apertura", 1.5 },
	{ "estilo.exclamacion-de-apertura", 3.0 },
	{ "ortografia.palabra-desconocida", 12.0 },
	{ "ortografia-contexto.mas-sin-tilde", 0.5 },
	{ "ortografia-contexto.esta-sin-tilde", 0.5 },
	{ "ortografia-contexto.tramite-sin-tilde", 0.5 },
	{ "ortografia-contexto.publico-sin-tilde", 0.5 },
	{ "ortografia-contexto.solo-y-demostrativos-sin-tilde", 1.0 },
	{ "ortografia-contexto.por-que-interrogativo", 0.5 },
	{ "ortografia-contexto.a-ver-si", 0.5 },
	{ "ortografia-contexto.va-a-haber", 0.5 },
	{ "ortografia-contexto.hecho-sin-h", 0.5 },
	{ "ortografia-contexto.tu-sin-tilde", 0.5 },
	{ "ortografia-contexto.el-sin-tilde", 0.5 },
	{ "ortografia-contexto.mi-sin-tilde", 0.5 },
	{ "ortografia-contexto.si-sin-tilde", 0.5 },
	{ "ortografia-contexto.aun-sin-tilde", 0.5 },
	{ "ortografia-contexto.de-sin-tilde", 0.5 },
	{ "ortografia-contexto.vez-con-s", 0.5 },
	{ "ortografia-contexto.has-con-z", 0.5 },
	{ "ortografia-contexto.preterito-tras-se", 0.5 },
	{ "ortografia-contexto.haya-por-halla", 0.5 },
	{ "ortografia-contexto.lo-se", 0.5 },
	{ "ortografia-contexto.ahi-por-hay", 0.5 },
};

/* The Mexican government posts: folder, where the folder mixes countries
 * the one to keep, and whether it is the spelling measurement set. */
static const struct {
	const char *folder;
	const char *country;
	int measure;
} sources[] = {
	{ "gov-mx-tecate-comunicados", NULL, 1 },
	{ "gov-mx-twitter-2024-25", NULL, 1 },
	{ "gov-mx-federal-twitter-2020", NULL, 0 },
	{ "gov-presidents-tuits-seguridad", "MX", 1 },
};

#define SPELLING_PREFIX "ortografia."
/* The bar is 3% of the measurement set; until the dictionaries reach it
 * this ceiling holds the measured level (8.97%) against regressions. */
#define SPELLING_MAX_PCT 10.0
#define SPELLING_LIST "tests/corpus/ortografia-medicion.tsv"

#define PERSONAL_PREFIX "datos-personales."
#define PERSONAL_LIST "tests/corpus/datos-personales-revisados.tsv"

/* Lines of findings, "id\t...\toffset\n", in corpus order. */
typedef struct {
	char *text;
	size_t len, cap;
} flag_list;

static flag_list spelling_seen, personal_seen;

static void add_line(flag_list *l, const char *line, size_t n)
{
	if (l->len + n + 1 > l->cap) {
		l->cap = (l->len + n + 1) * 2;
		l->text = realloc(l->text, l->cap);
		if (!l->text)
			abort();
	}
	memcpy(l->text + l->len, line, n + 1);
	l->len += n;
}

static void add_flag(flag_list *l, const char *id, const char *what,
		     const pregon_finding *f)
{
	char line[1024];
	int n = snprintf(line, sizeof line, "%s\t%s\t%zu\n", id, what, f->offset);
	if (n > 0 && (size_t)n < sizeof line)
		add_line(l, line, (size_t)n);
}

static int has_line(const char *text, const char *l, size_t n)
{
	for (const char *b = text; b && *b;) {
		const char *be = strchr(b, '\n');
		size_t bn = be ? (size_t)(be - b) + 1 : strlen(b);
		if (bn == n && memcmp(b, l, n) == 0)
			return 1;
		b += bn;
	}
	return 0;
}

/* Lines of `now` missing from `before`, printed after `label`. */
static int compare_flags(const char *before, const char *now, const char *label)
{
	int fresh = 0;
	for (const char *l = now; *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) + 1 : strlen(l);
		if (!has_line(before, l, n)) {
			printf("  %s: %.*s", label, (int)n, l);
			fresh++;
		}
		l += n;
	}
	return fresh;
}

/* The reviewed list without its comments and verdicts: "id\trule\toffset"
 * lines, comparable with the findings. */
static char *reviewed_findings(const char *path)
{
	FILE *f = fopen(path, "r");
	flag_list out = { NULL, 0, 0 };
	add_line(&out, "", 0);
	if (!f)
		return out.text;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		/* keep the first three fields */
		size_t k = 0;
		for (int tabs = 0; k < (size_t)n && line[k] != '\n'; k++)
			if (line[k] == '\t' && ++tabs == 3)
				break;
		line[k] = '\n';
		add_line(&out, line, k + 1);
	}
	free(line);
	fclose(f);
	return out.text;
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text = NULL;
	size_t cap = 0;
	if (f) {
		ssize_t n = getdelim(&text, &cap, '\0', f);
		fclose(f);
		if (n < 0) {
			free(text);
			text = NULL;
		}
	}
	return text;
}

typedef struct {
	char *id;
	size_t posts;
} tally;

static tally tallies[256];
static size_t n_tallies;

static void count_rule(const char *id)
{
	for (size_t i = 0; i < n_tallies; i++)
		if (strcmp(tallies[i].id, id) == 0) {
			tallies[i].posts++;
			return;
		}
	if (n_tallies < sizeof tallies / sizeof *tallies) {
		tallies[n_tallies].id = strdup(id);
		tallies[n_tallies++].posts = 1;
	}
}

static int require_all(void)
{
	const char *v = getenv("PREGON_REQUIRE_ALL");
	return v && strcmp(v, "1") == 0;
}

int main(int argc, char **argv)
{
	const char *show = argc > 2 && strcmp(argv[1], "--show") == 0 ? argv[2] : NULL;
	int update = argc > 1 && strcmp(argv[1], "--update") == 0;
	size_t measured = 0, measured_flagged = 0;
	const char *corpus = getenv("PREGON_CORPUS");
	if (!corpus || !*corpus)
		corpus = "../shared/corpus";
	struct stat st;
	if (stat(corpus, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("corpus: %s no existe; se omite la medición de falsas alarmas%s\n",
		       corpus, require_all() ? " (PREGON_REQUIRE_ALL=1: falla)" : "");
		return require_all() ? 1 : 0;
	}
	pregon_i18n_init(NULL, PREGON_LANG_ES);
	pregon_engine *e = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_engine_new(&e, NULL, &d)) {
		char *m = pregon_diag_format(&d);
		fprintf(stderr, "corpus: %s", m);
		free(m);
		pregon_diag_dispose(&d);
		return 1;
	}
	size_t total = 0;
	int failed = 0;
	for (size_t s = 0; s < sizeof sources / sizeof *sources && !failed; s++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s/posts.jsonl", corpus, sources[s].folder);
		FILE *f = fopen(path, "r");
		if (!f) {
			printf("corpus: no se puede leer %s\n", path);
			failed = 1;
			break;
		}
		char *line = NULL;
		size_t cap = 0;
		int lineno = 0;
		while (getline(&line, &cap, f) > 0) {
			lineno++;
			json_error_t err;
			json_t *post = json_loads(line, 0, &err);
			const char *text = json_string_value(json_object_get(post, "text"));
			const char *country = json_string_value(json_object_get(post, "country"));
			if (!text) {
				printf("corpus: %s:%d: registro sin texto\n", path, lineno);
				failed = 1;
				json_decref(post);
				break;
			}
			if (sources[s].country &&
			    (!country || strcmp(country, sources[s].country) != 0)) {
				json_decref(post);
				continue;
			}
			total++;
			measured += (size_t)sources[s].measure;
			const char *id = json_string_value(json_object_get(post, "id"));
			pregon_check_options o = { 0 };
			o.today = "2026-01-15";
			o.plain_text = 1;
			pregon_report *r = NULL;
			if (pregon_check(&r, e, "-", text, strlen(text), &o, &d) == 0) {
				int spelled = 0;
				/* each rule counts once per post */
				for (size_t i = 0; i < r->n_findings; i++) {
					const pregon_finding *fi = &r->findings[i];
					if (sources[s].measure &&
					    strncmp(fi->rule, SPELLING_PREFIX,
						    strlen(SPELLING_PREFIX)) == 0) {
						spelled = 1;
						add_flag(&spelling_seen, id ? id : "?", fi->text, fi);
					}
					if (strncmp(fi->rule, PERSONAL_PREFIX,
						    strlen(PERSONAL_PREFIX)) == 0) {
						add_flag(&personal_seen, id ? id : "?", fi->rule, fi);
						if (show && strcmp(show, fi->rule) == 0)
							printf("%s:%d: «%s» en: %s\n", sources[s].folder,
							       lineno, fi->text, text);
						continue; /* no ceiling: the reviewed list */
					}
					int seen = 0;
					for (size_t k = 0; k < i && !seen; k++)
						seen = strcmp(r->findings[k].rule, r->findings[i].rule) == 0;
					if (!seen)
						count_rule(r->findings[i].rule);
					if (show && strcmp(show, r->findings[i].rule) == 0)
						printf("%s:%d: «%s» en: %s\n", sources[s].folder, lineno,
						       r->findings[i].text, text);
				}
				measured_flagged += (size_t)spelled;
			}
			pregon_report_free(r);
			pregon_diag_dispose(&d);
			json_decref(post);
		}
		free(line);
		fclose(f);
	}
	if (!show && !failed) {
		printf("corpus: %zu publicaciones de gobierno de México\n", total);
		printf("  %-36s %9s %8s %8s\n", "regla", "marcadas", "%", "techo");
		for (size_t c = 0; c < sizeof ceilings / sizeof *ceilings; c++) {
			size_t posts = 0;
			for (size_t i = 0; i < n_tallies; i++)
				if (strcmp(tallies[i].id, ceilings[c].rule) == 0)
					posts = tallies[i].posts;
			double pct = total ? 100.0 * (double)posts / (double)total : 0;
			int over = pct > ceilings[c].max_pct;
			printf("  %-36s %9zu %7.2f%% %7.2f%%%s\n", ceilings[c].rule, posts,
			       pct, ceilings[c].max_pct, over ? "  SUPERA EL TECHO" : "");
			failed |= over;
		}
		for (size_t i = 0; i < n_tallies; i++) {
			int known = 0;
			for (size_t c = 0; c < sizeof ceilings / sizeof *ceilings && !known; c++)
				known = strcmp(tallies[i].id, ceilings[c].rule) == 0;
			if (!known) {
				printf("  %-36s %9zu  sin techo definido\n", tallies[i].id,
				       tallies[i].posts);
				failed = 1;
			}
		}
		if (total != 3119) {
			printf("corpus: se esperaban 3119 publicaciones\n");
			failed = 1;
		}
		double pct = measured ? 100.0 * (double)measured_flagged / (double)measured : 0;
		printf("corpus: ortografía en el conjunto de medición: %zu de %zu publicaciones (%.2f%%), techo %.2f%%\n",
		       measured_flagged, measured, pct, SPELLING_MAX_PCT);
		failed |= pct > SPELLING_MAX_PCT;
		const char *personal = personal_seen.text ? personal_seen.text : "";
		size_t n_personal = 0;
		for (const char *p = personal; *p; p++)
			n_personal += *p == '\n';
		printf("corpus: datos personales: %zu hallazgos, comparados con los revisados en %s\n",
		       n_personal, PERSONAL_LIST);
		if (update) {
			FILE *f = fopen(SPELLING_LIST, "w");
			if (!f || fputs("# registro\tpalabra\tposición (bytes)\n", f) < 0 ||
			    fputs(spelling_seen.text ? spelling_seen.text : "", f) < 0 ||
			    fclose(f) != 0) {
				printf("corpus: no se puede escribir %s\n", SPELLING_LIST);
				failed = 1;
			}
		} else {
			char *before = read_all(SPELLING_LIST);
			int fresh = compare_flags(before,
						  spelling_seen.text ? spelling_seen.text : "",
						  "nueva palabra marcada");
			if (fresh) {
				printf("corpus: %d palabras nuevas marcadas en el conjunto de medición; revíselas y ejecute corpus_fp --update\n", fresh);
				failed = 1;
			}
			free(before);
		}
		/* The reviewed list is written by a person, never by --update. */
		char *reviewed = reviewed_findings(PERSONAL_LIST);
		int changed = compare_flags(reviewed, personal, "dato personal sin revisar") +
			      compare_flags(personal, reviewed, "revisado que ya no se marca");
		if (changed) {
			printf("corpus: los hallazgos de datos personales cambiaron (%d); revíselos uno por uno y actualice %s\n",
			       changed, PERSONAL_LIST);
			failed = 1;
		}
		free(reviewed);
	}
	free(spelling_seen.text);
	free(personal_seen.text);
	for (size_t i = 0; i < n_tallies; i++)
		free(tallies[i].id);
	pregon_engine_free(e);
	return failed;
}
