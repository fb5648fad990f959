/* spelling.c: the `spelling` kind (criterion XIX), on libhunspell.
 *
 * The system dictionary (es_MX unless the configuration's
 * `ortografia.diccionario` says otherwise) is loaded once, when an enabled
 * rule is prepared, with the project's dictionaries (the .dic files of
 * dictionaries/) and the
 * configuration's own words on top.  Not checked: URLs, e-mail addresses,
 * mentions, numbers and words glued to digits, emoji, words in capitals up to
 * `longitud_sigla` letters (acronyms) and hashtags without case changes; a
 * hashtag in camel case is split where its case changes and the parts
 * checked.  A misspelt word that only lacks (or has a wrong) accent, ñ or ü
 * says so and carries the fix, found by trying those one-letter variants
 * against the dictionary.  Words Spanish forms by rule (a verb with its
 * pronouns, -mente, -ísimo, -ito, feminines) are judged from their base by
 * spanish.c, which also turns the voseo the Spain dictionary accepts
 * ("acercate") into Mexico's tuteo ("acércate").  Unknown capitalized words
 * next to a name or after a title are names.  Hunspell's own suggestions are slow, so they are
 * computed only when the caller asks, capped per document.  Every verdict is
 * cached: a repeated word costs one lookup. */
#include <dirent.h>
#include <hunspell.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "../spanish.h"
#include "kind.h"

enum { V_OK, V_UNKNOWN, V_ACCENT_MISSING, V_ACCENT_EXTRA, V_LETTER };

typedef struct {
	char *word;
	uint8_t verdict;
	uint8_t suggested; /* Hunspell suggestions computed */
	uint8_t enclitic;  /* the fix treats the word as verb + pronouns */
	char *fix;
	char **suggestions;
	int n_suggestions;
} entry;

#define SPELL_HANDLES 4
#define SPELL_CACHE_WORDS 65536

typedef struct {
	/* configuration, fixed at compile */
	char *dictionary;       /* name or path of the system .dic */
	char *data_dir;
	const char **words;     /* borrowed from the configuration */
	size_t n_words;
	const config_list *acronyms; /* `listas.siglas`, borrowed */
	const y_node *officials;     /* `funcionarios`, borrowed */
	char *word_file;
	long acronym_len;
	long max_suggestions;
	const y_node *where;    /* for errors found while preparing */
	const y_node *word_file_node;
	/* prepared */
	char *dic_path, *aff_path;
	char **file_words;      /* `archivo_palabras`, read once */
	size_t n_file_words;
	/* Hunspell handles, one per thread checking at a time (a handle is
	 * not safe to share), made when all are busy, up to SPELL_HANDLES;
	 * the first is loaded on a thread of its own while the engine
	 * compiles the other rules */
	pthread_mutex_t pool_lock;
	pthread_cond_t handle_back;
	Hunhandle *handles[SPELL_HANDLES];
	int n_handles, max_handles;
	Hunhandle *idle[SPELL_HANDLES];
	int n_idle;
	pthread_t loader;
	int loading;
	/* the verdict cache, shared by the threads: read-mostly */
	pthread_rwlock_t table_lock;
	entry *table;
	size_t cap, used;
} spell_state;

static const char *const keys[] = { "longitud_sigla", "sugerencias_max", NULL };

/* Hunspell_create is not safe to run on two threads at once (it fills
 * shared conversion tables); handles made, each is used by one thread. */
static pthread_mutex_t create_lock = PTHREAD_MUTEX_INITIALIZER;

static void join_loader(spell_state *s)
{
	if (s->loading) {
		pthread_join(s->loader, NULL);
		s->loading = 0;
		s->idle[s->n_idle++] = s->handles[0];
	}
}

/* Empty the verdict cache (its table keeps its size). */
static void forget_words(spell_state *s)
{
	for (size_t i = 0; i < s->cap; i++) {
		entry *e = &s->table[i];
		if (!e->word)
			continue;
		free(e->word);
		free(e->fix);
		for (int k = 0; k < e->n_suggestions; k++)
			free(e->suggestions[k]);
		free(e->suggestions);
		memset(e, 0, sizeof *e);
	}
	s->used = 0;
}

static void spell_free(void *p)
{
	spell_state *s = p;
	if (!s)
		return;
	forget_words(s);
	free(s->table);
	join_loader(s);
	for (int i = 0; i < s->n_handles; i++)
		Hunspell_destroy(s->handles[i]);
	for (size_t i = 0; i < s->n_file_words; i++)
		free(s->file_words[i]);
	free(s->file_words);
	free(s->dic_path);
	free(s->aff_path);
	pthread_rwlock_destroy(&s->table_lock);
	pthread_mutex_destroy(&s->pool_lock);
	pthread_cond_destroy(&s->handle_back);
	free(s->dictionary);
	free(s->data_dir);
	free(s->word_file);
	free(s);
}

static int spell_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	spell_state *s = xcalloc(1, sizeof *s);
	pthread_rwlock_init(&s->table_lock, NULL);
	pthread_mutex_init(&s->pool_lock, NULL);
	pthread_cond_init(&s->handle_back, NULL);
	if (kind_overrides_known(c, &kind_spelling, diag) ||
	    kind_int(c, "longitud_sigla", 6, 0, 64, &s->acronym_len, diag) ||
	    kind_int(c, "sugerencias_max", 20, 0, 1000, &s->max_suggestions, diag)) {
		spell_free(s);
		return PREGON_EINVAL;
	}
	const config_t *cfg = c->config;
	s->dictionary = xstrdup(cfg && cfg->dictionary ? cfg->dictionary : "es_MX");
	s->where = cfg && cfg->dictionary_node ? cfg->dictionary_node : c->rule;
	s->data_dir = c->data_dir ? xstrdup(c->data_dir) : NULL;
	if (cfg) {
		s->words = cfg->words;
		s->n_words = cfg->n_words;
		s->word_file = cfg->word_file ? xstrdup(cfg->word_file) : NULL;
		s->word_file_node = cfg->word_file_node;
		s->acronyms = config_list_get(cfg, "siglas");
		s->officials = y_get(cfg->tree, "funcionarios");
	}
	*out = s;
	return 0;
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* dir/name.dic and dir/name.aff when both exist (dir NULL: name is a path
 * without its extension). */
static int try_dictionary(const char *dir, const char *name, int len,
			  char **dic, char **aff)
{
	buf b;
	buf_init(&b);
	buf_printf(&b, "%s%s%.*s.dic", dir ? dir : "", dir ? "/" : "", len, name);
	*dic = buf_detach(&b);
	buf_printf(&b, "%s%s%.*s.aff", dir ? dir : "", dir ? "/" : "", len, name);
	*aff = buf_detach(&b);
	if (exists(*dic) && exists(*aff))
		return 0;
	free(*dic);
	free(*aff);
	return -1;
}

/* The .dic and .aff of a dictionary given by name (searched in DICPATH and
 * the standard folders) or by the path of its .dic. */
static int find_dictionary(const char *name, char **dic, char **aff)
{
	int n = (int)strlen(name);
	if (strchr(name, '/')) {
		int stem = n > 4 && strcmp(name + n - 4, ".dic") == 0 ? n - 4 : n;
		return try_dictionary(NULL, name, stem, dic, aff);
	}
	const char *env = getenv("DICPATH");
	char *dirs = xstrdup(env ? env : "");
	static const char *const fixed[] = { "/usr/share/hunspell",
					     "/usr/share/myspell/dicts",
					     "/usr/share/myspell",
					     "/usr/local/share/hunspell" };
	int found = -1;
	char *save = NULL;
	for (char *tok = strtok_r(dirs, ":", &save); tok && found;
	     tok = strtok_r(NULL, ":", &save))
		found = try_dictionary(tok, name, n, dic, aff);
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed && found; i++)
		found = try_dictionary(fixed[i], name, n, dic, aff);
	free(dirs);
	return found;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .dic files of the data directory's dictionaries/, in name order. */
static void add_project_dictionaries(const spell_state *s, Hunhandle *h)
{
	if (!s->data_dir)
		return;
	buf b;
	buf_init(&b);
	buf_printf(&b, "%s/dictionaries", s->data_dir);
	char *dir = buf_detach(&b);
	DIR *d = opendir(dir);
	if (!d) {
		free(dir);
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".dic") != 0)
			continue;
		xgrow(&names, &cap, n + 1, sizeof *names);
		buf_printf(&b, "%s/%s", dir, e->d_name);
		names[n++] = buf_detach(&b);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		Hunspell_add_dic(h, names[i]);
		free(names[i]);
	}
	free(names);
	free(dir);
}

static int read_word_file(spell_state *s, pregon_diag *diag)
{
	char *text;
	size_t len, cap = 0;
	if (read_file(s->word_file, &text, &len, diag)) {
		if (s->word_file_node) {
			y_error(diag, s->word_file_node,
				_("cree el archivo (una palabra por línea) o corrija «archivo_palabras»"),
				_("no se puede leer la lista de palabras «%s»"), s->word_file);
		}
		return PREGON_EIO;
	}
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		size_t n = strlen(line);
		while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
			line[--n] = '\0';
		if (n && line[0] != '#') {
			xgrow(&s->file_words, &cap, s->n_file_words + 1, sizeof *s->file_words);
			s->file_words[s->n_file_words++] = xstrdup(line);
		}
	}
	free(text);
	return 0;
}

/* A handle with the system dictionary and every word pregon adds. */
static Hunhandle *new_handle(const spell_state *s)
{
	pthread_mutex_lock(&create_lock);
	Hunhandle *h = Hunspell_create(s->aff_path, s->dic_path);
	pthread_mutex_unlock(&create_lock);
	add_project_dictionaries(s, h);
	for (size_t i = 0; i < s->n_words; i++)
		Hunspell_add(h, s->words[i]);
	/* the configuration's acronyms are words too */
	for (size_t i = 0; s->acronyms && i < s->acronyms->n; i++)
		Hunspell_add(h, s->acronyms->words[i]);
	/* and so are the names of the officials, word by word */
	for (size_t i = 0; s->officials && i < s->officials->n; i++) {
		const y_node *o = s->officials->items[i];
		const y_node *names[2] = { y_get(o, "nombre"), y_get(o, "formas") };
		for (int k = 0; k < 2; k++) {
			const y_node *n = names[k];
			size_t count = !n ? 0 : n->type == Y_SEQ ? n->n : 1;
			for (size_t j = 0; j < count; j++) {
				const y_node *x = n->type == Y_SEQ ? n->items[j] : n;
				char *copy = xstrdup(x->str), *save = NULL;
				for (char *w = strtok_r(copy, " ", &save); w;
				     w = strtok_r(NULL, " ", &save))
					Hunspell_add(h, w);
				free(copy);
			}
		}
	}
	for (size_t i = 0; i < s->n_file_words; i++)
		Hunspell_add(h, s->file_words[i]);
	return h;
}

static void *load_first(void *p)
{
	spell_state *s = p;
	s->handles[0] = new_handle(s);
	return NULL;
}

/* A handle for this thread alone: an idle one, a new one while there are
 * fewer than max_handles, else the first one given back. */
static Hunhandle *handle_take(spell_state *s)
{
	pthread_mutex_lock(&s->pool_lock);
	join_loader(s);
	while (!s->n_idle && s->n_handles >= s->max_handles)
		pthread_cond_wait(&s->handle_back, &s->pool_lock);
	Hunhandle *h;
	if (s->n_idle) {
		h = s->idle[--s->n_idle];
	} else {
		h = new_handle(s);
		s->handles[s->n_handles++] = h;
	}
	pthread_mutex_unlock(&s->pool_lock);
	return h;
}

static void handle_give(spell_state *s, Hunhandle *h)
{
	pthread_mutex_lock(&s->pool_lock);
	s->idle[s->n_idle++] = h;
	pthread_cond_signal(&s->handle_back);
	pthread_mutex_unlock(&s->pool_lock);
}

static int spell_prepare(void *p, pregon_diag *diag)
{
	spell_state *s = p;
	char *dic, *aff;
	if (find_dictionary(s->dictionary, &dic, &aff)) {
		y_error(diag, s->where,
			_("instale el paquete de Debian hunspell-es (apt-get install hunspell-es) o elija otro en «ortografia.diccionario»"),
			_("no se encuentra el diccionario Hunspell «%s»"), s->dictionary);
		return PREGON_ENOTFOUND;
	}
	s->dic_path = dic;
	s->aff_path = aff;
	if (s->word_file) {
		int rc = read_word_file(s, diag);
		if (rc)
			return rc;
	}
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	s->max_handles = cpus < 1 ? 1 : cpus > SPELL_HANDLES ? SPELL_HANDLES : (int)cpus;
	s->n_handles = 1;
	if (pthread_create(&s->loader, NULL, load_first, s) == 0) {
		s->loading = 1;
	} else {
		s->handles[0] = new_handle(s);
		s->idle[s->n_idle++] = s->handles[0];
	}
	return 0;
}

/* ---- the verdict cache (under table_lock) ------------------------------ */

static entry *slot(spell_state *s, const char *w, size_t n)
{
	size_t i = (size_t)hash_bytes(w, n) & (s->cap - 1);
	while (s->table[i].word &&
	       (strncmp(s->table[i].word, w, n) != 0 || s->table[i].word[n]))
		i = (i + 1) & (s->cap - 1);
	return &s->table[i];
}

static void grow(spell_state *s)
{
	entry *old = s->table;
	size_t old_cap = s->cap;
	s->cap = old_cap ? old_cap * 2 : 1024;
	s->table = xcalloc(s->cap, sizeof *s->table);
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].word)
			*slot(s, old[i].word, strlen(old[i].word)) = old[i];
	free(old);
}

/* Prefixes the Ortografía of 2010 writes joined to the word they modify
 * ("exsecretario", "microempresas"): a known word behind one is known. */
static int prefixed_word(Hunhandle *h, const char *lower)
{
	static const char *const prefixes[] = {
		"ex", "anti", "pre", "pos", "post", "pro", "re", "sub", "super",
		"vice", "micro", "macro", "mini", "multi", "inter", "auto", "co",
		"semi", "neo", "afro", "contra", "extra", "infra", "ultra",
		/* elements of compounds written joined, as prefixes are */
		"foto", "video", "bio", "eco", "geo", "tele", "narco", "ciber",
		"seudo", "pseudo", "hiper", "mega", "nano", "agro", "hidro",
		"electro", "radio", "aero", "cardio", "neuro", "psico", "socio",
	};
	int ok = 0;
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes && !ok; i++) {
		size_t k = strlen(prefixes[i]);
		ok = strlen(lower) > k + 2 && strncmp(lower, prefixes[i], k) == 0 &&
		     Hunspell_spell(h, lower + k);
	}
	return ok;
}

static int lexicon_known(void *ctx, const char *w)
{
	return Hunspell_spell(ctx, w);
}

/* A verb form: Hunspell derives it from infinitives (-ar, -er, -ir). */
static int lexicon_verb(void *ctx, const char *w)
{
	Hunhandle *h = ctx;
	char **stems = NULL;
	int k = Hunspell_stem(h, &stems, w), conj = 0;
	for (int i = 0; i < k; i++) {
		size_t n = strlen(stems[i]);
		const char *end = n > 2 ? stems[i] + n - 2 : "";
		conj |= strcmp(end, "ar") == 0 ? SP_AR
			: strcmp(end, "er") == 0 ? SP_ER
			: strcmp(end, "ir") == 0 || (n > 3 && strcmp(stems[i] + n - 3, "ír") == 0) ? SP_IR
			: 0;
	}
	Hunspell_free_list(h, &stems, k);
	return conj;
}

/* The dictionary has the word only as a form of verbs, not as a noun or
 * an adjective ("acercate", not "tomate" nor "cercanos"). */
static int only_verb_form(Hunhandle *h, const char *w)
{
	char **stems = NULL;
	int k = Hunspell_stem(h, &stems, w), verbs = 0;
	for (int i = 0; i < k; i++) {
		size_t n = strlen(stems[i]);
		verbs += n > 2 && stems[i][n - 1] == 'r';
	}
	Hunspell_free_list(h, &stems, k);
	return k > 0 && verbs == k;
}

/* Known to the dictionary, or formed by rule from a word it knows. */
static int word_known(Hunhandle *h, const char *w, size_t n)
{
	char *word = xstrndup(w, n);
	int ok = Hunspell_spell(h, word);
	free(word);
	if (ok)
		return 1;
	char *lower = text_normalize(w, n, TEXT_FOLD);
	sp_lexicon lex = { lexicon_known, lexicon_verb, h };
	ok = prefixed_word(h, lower) || sp_derived(lower, &lex);
	free(lower);
	return ok;
}

/* `fix` (lower case) written with the capitals of `model`: "Compártala"
 * for "Compartala", "COMPÁRTALA" for "COMPARTALA". */
static char *recase(const char *fix, const char *model, size_t n)
{
	int32_t cp;
	size_t k = (size_t)text_decode(model, n, &cp);
	if (!text_is_upper(cp))
		return xstrdup(fix);
	int all_upper = 1;
	for (size_t i = k; i < n && all_upper;) {
		i += (size_t)text_decode(model + i, n - i, &cp);
		all_upper = !text_is_lower(cp);
	}
	buf b;
	buf_init(&b);
	size_t len = strlen(fix);
	for (size_t i = 0; i < len;) {
		i += (size_t)text_decode(fix + i, len - i, &cp);
		if (i == (size_t)text_u8len((unsigned char)fix[0]) || all_upper)
			cp = utf8proc_toupper(cp);
		utf8proc_uint8_t enc[4];
		buf_put(&b, (const char *)enc, (size_t)utf8proc_encode_char(cp, enc));
	}
	return buf_detach(&b);
}

/* The one-letter variant that the dictionary accepts: an accent added or
 * removed, n -> ñ, u -> ü.  Spelling errors in real posts are mostly these. */
static int find_fix(Hunhandle *h, const char *w, size_t n, char **fix)
{
	static const char from[] = "aeiouAEIOU";
	static const int32_t acute[] = { 0xE1, 0xE9, 0xED, 0xF3, 0xFA,
					 0xC1, 0xC9, 0xCD, 0xD3, 0xDA };
	int32_t cps[64];
	size_t k = 0;
	for (size_t i = 0; i < n && k < 64;) {
		i += (size_t)text_decode(w + i, n - i, &cps[k]);
		k++;
	}
	if (k == 64)
		return V_UNKNOWN;
	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < k; i++) {
			int32_t orig = cps[i], repl = 0;
			const char *at = orig < 128 ? strchr(from, (int)orig) : NULL;
			if (pass == 0 && at && orig)
				repl = acute[at - from];
			if (pass == 1)
				for (int j = 0; j < 10 && !repl; j++)
					if (acute[j] == orig)
						repl = (unsigned char)from[j];
			if (pass == 2 && (orig == 'n' || orig == 'N'))
				repl = orig == 'n' ? 0xF1 : 0xD1;
			if (pass == 2 && (orig == 'u' || orig == 'U'))
				repl = orig == 'u' ? 0xFC : 0xDC;
			if (!repl)
				continue;
			cps[i] = repl;
			char *v = text_encode(cps, k);
			cps[i] = orig;
			if (word_known(h, v, strlen(v))) {
				*fix = v;
				return pass == 0 ? V_ACCENT_MISSING
						 : pass == 1 ? V_ACCENT_EXTRA : V_LETTER;
			}
			free(v);
		}
	}
	return V_UNKNOWN;
}

/* The verdict on a word the dictionary does not list as written. */
static int judge(Hunhandle *h, const char *w, size_t n, char **fix,
		 uint8_t *enclitic)
{
	char *lower = text_normalize(w, n, TEXT_FOLD);
	sp_lexicon lex = { lexicon_known, lexicon_verb, h };
	char *right = NULL;
	int rc;
	if (word_known(h, w, n)) {
		rc = sp_voseo_shape(lower) && only_verb_form(h, lower) &&
				     sp_voseo(lower, &lex, &right)
			     ? SP_ENCLITIC_ACCENT : SP_ENCLITIC_OK;
	} else {
		rc = sp_enclitic(lower, &lex, &right);
	}
	free(lower);
	if (rc == SP_ENCLITIC_OK)
		return V_OK;
	if (rc == SP_ENCLITIC_ACCENT) {
		*enclitic = 1;
		*fix = recase(right, w, n);
		free(right);
		/* same letters: an accented vowel is one byte longer */
		size_t len = strlen(*fix);
		return len > n ? V_ACCENT_MISSING : len < n ? V_ACCENT_EXTRA : V_LETTER;
	}
	return find_fix(h, w, n, fix);
}

/* Add a judged word to the cache, unless another thread did meanwhile;
 * the entry stays valid while table_lock is held for writing. */
static entry *insert(spell_state *s, const char *w, size_t n, int verdict,
		     char *fix, uint8_t enclitic)
{
	/* a long run meets ever more rare words: past the bound the cache
	 * starts over, so memory does not grow with the number of posts */
	if (s->used >= SPELL_CACHE_WORDS)
		forget_words(s);
	if (s->used * 10 >= s->cap * 7)
		grow(s);
	entry *e = slot(s, w, n);
	if (e->word) {
		free(fix);
		return e;
	}
	e->word = xstrndup(w, n);
	s->used++;
	e->verdict = (uint8_t)verdict;
	e->fix = fix;
	e->enclitic = enclitic;
	return e;
}

/* ---- tokens ------------------------------------------------------------ */

typedef struct {
	spell_state *s;
	kind_run *run;
	const text_view *v;
	long suggested;
} check_ctx;

static int is_word_char(int32_t cp)
{
	return text_is_letter(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_MN;
}

/* Endings of Spanish derived words: an unknown capitalized word with one
 * is more likely a misspelt word in a name ("Instituto de ... Refencia")
 * than a proper noun. */
static int spanish_looking(const char *w, size_t n)
{
	static const char *const endings[] = {
		"ción", "sión", "encia", "ancia", "idad", "miento", "mente",
		"ismo", "ista", "oso", "osa", "able", "ible", "ario", "aria",
		"ería", "ado", "ada", "ido", "ida", "ivo", "iva", "dor", "dora",
		"mos", "emos", "amos", "ciones", "siones", "encias", "idades",
		"ales", "ores",
	};
	for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
		size_t k = strlen(endings[i]);
		if (n > k + 2 && memcmp(w + n - k, endings[i], k) == 0)
			return 1;
	}
	return 0;
}

static size_t prev_cp(const char *s, size_t i, int32_t *cp)
{
	size_t b = i - 1;
	while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80)
		b--;
	text_decode(s + b, i - b, cp);
	return b;
}

/* Start of the run of letters that ends at byte i. */
static size_t letters_before(const text_view *v, size_t i)
{
	while (i > 0) {
		int32_t cp;
		size_t p = prev_cp(v->s, i, &cp);
		if (!text_is_letter(cp))
			break;
		i = p;
	}
	return i;
}

/* Capitalized (first letter only) word at view bytes [vs, ve). */
static int capitalized(const text_view *v, size_t vs, size_t ve)
{
	int32_t cp;
	size_t k = (size_t)text_decode(v->s + vs, ve - vs, &cp);
	if (!text_is_upper(cp))
		return 0;
	for (size_t i = vs + k; i < ve;) {
		i += (size_t)text_decode(v->s + i, ve - i, &cp);
		if (text_is_upper(cp))
			return 0;
	}
	return 1;
}

/* A capitalized word that is no common word in lower case ("Layda",
 * "Trump", not "Clara" or "Epidemiológicos"): a name. */
static int name_word(spell_state *s, const text_view *v, size_t ws, size_t we)
{
	if (!capitalized(v, ws, we))
		return 0;
	char *lower = text_normalize(v->s + ws, we - ws, TEXT_FOLD);
	Hunhandle *h = handle_take(s);
	int common = Hunspell_spell(h, lower);
	handle_give(s, h);
	free(lower);
	return !common;
}

/* The next word after byte `i` over one blank, as [*ws, *we). */
static int next_word(const text_view *v, size_t i, size_t *ws, size_t *we)
{
	if (i >= v->len || v->s[i] != ' ')
		return 0;
	size_t e = ++i;
	while (e < v->len) {
		int32_t cp;
		int k = text_decode(v->s + e, v->len - e, &cp);
		if (!text_is_letter(cp))
			break;
		e += (size_t)k;
	}
	*ws = i;
	*we = e;
	return e > i;
}

/* Capitalized, not at the start of a sentence, or next to a name ("Clara
 * Brugada Molina", "Layda Sansores") or after a title ("Mtro."): a name as
 * far as a dictionary can tell.  *in_name says the second: then even a
 * Spanish-looking word is part of a name. */
static int proper_noun(spell_state *s, const text_view *v, size_t vs,
		       size_t ve, int *in_name)
{
	*in_name = 0;
	if (!capitalized(v, vs, ve))
		return 0;
	size_t ns, ne;
	if (next_word(v, ve, &ns, &ne) && name_word(s, v, ns, ne))
		*in_name = 1;
	/* what comes before, over blanks, quotes and brackets */
	size_t i = vs;
	while (i > 0) {
		int32_t cp;
		size_t b = prev_cp(v->s, i, &cp);
		if (cp == '.') {
			size_t we = b, ws = letters_before(v, b);
			if (!sp_abbreviation(v->s + ws, we - ws))
				return *in_name;
			*in_name = 1;
			return 1;
		}
		if (cp == '!' || cp == '?' || cp == '\n' || cp == 0xA1 ||
		    cp == 0xBF || cp == 0x2026)
			return *in_name;
		if (text_is_alnum(cp)) {
			/* after a capitalized word: one name */
			size_t ws = letters_before(v, i);
			if (ws < i && i + 1 == vs && name_word(s, v, ws, i))
				*in_name = 1;
			return 1;
		}
		/* after a colon Spanish goes on in lower case: a capital there
		 * is a name ("Tramo: Bucerías") */
		if (cp == ',' || cp == ';' || cp == ':')
			return 1;
		i = b;
	}
	return *in_name;
}

/* Letters of a word with no lower-case letter, or 0 when it has one. */
static size_t capital_letters(const char *w, size_t n)
{
	size_t letters = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		i += (size_t)text_decode(w + i, n - i, &cp);
		if (text_is_lower(cp))
			return 0;
		letters++;
	}
	return letters;
}

/* A word in capitals ("EUFRASIO", "ARREGUÍN") may be a name or a word of a
 * headline: with no cheap fix, only a Spanish-looking one is flagged. */
static int capitals_name(const char *w, size_t n)
{
	if (capital_letters(w, n) < 2)
		return 0;
	char *lower = text_normalize(w, n, TEXT_FOLD);
	int looks = spanish_looking(lower, strlen(lower));
	free(lower);
	return !looks;
}

/* What a word's cache entry says, copied out of the table. */
typedef struct {
	int verdict, enclitic;
	char *fix;
} word_verdict;

/* The cached verdict, judged once: most words are known already, and
 * threads looking them up only share the read lock. */
static word_verdict verdict_of(spell_state *s, const char *w, size_t n)
{
	pthread_rwlock_rdlock(&s->table_lock);
	entry *e = s->cap ? slot(s, w, n) : NULL;
	if (!e || !e->word) {
		/* judged outside the lock, on this thread's own handle */
		pthread_rwlock_unlock(&s->table_lock);
		char *fix = NULL;
		uint8_t enclitic = 0;
		Hunhandle *h = handle_take(s);
		int verdict = judge(h, w, n, &fix, &enclitic);
		handle_give(s, h);
		pthread_rwlock_wrlock(&s->table_lock);
		e = insert(s, w, n, verdict, fix, enclitic);
	}
	word_verdict v = { e->verdict, e->enclitic, e->fix ? xstrdup(e->fix) : NULL };
	pthread_rwlock_unlock(&s->table_lock);
	return v;
}

/* Up to 5 of Hunspell's suggestions for an unknown word, computed once
 * per word and at most `sugerencias_max` times per document; copies into
 * copies[], whose number is returned. */
static size_t suggestions_of(check_ctx *c, const char *w, size_t n, char *copies[5])
{
	spell_state *s = c->s;
	pthread_rwlock_wrlock(&s->table_lock);
	entry *e = slot(s, w, n); /* verdict_of put it there */
	if (!e->suggested && c->suggested < s->max_suggestions) {
		char **list = NULL;
		Hunhandle *h = handle_take(s);
		int k = Hunspell_suggest(h, &list, e->word);
		e->suggestions = xcalloc(k > 0 ? (size_t)k : 1, sizeof(char *));
		for (int i = 0; i < k && i < 5; i++)
			e->suggestions[e->n_suggestions++] = xstrdup(list[i]);
		Hunspell_free_list(h, &list, k);
		handle_give(s, h);
		e->suggested = 1;
		c->suggested++;
	}
	size_t k = 0;
	for (int i = 0; i < e->n_suggestions; i++)
		copies[k++] = xstrdup(e->suggestions[i]);
	pthread_rwlock_unlock(&s->table_lock);
	return k;
}

static void emit_word(check_ctx *c, size_t vs, size_t ve)
{
	spell_state *s = c->s;
	const char *w = c->v->s + vs;
	size_t n = ve - vs;
	word_verdict wv = verdict_of(s, w, n);
	int verdict = wv.verdict;
	char *fix = wv.fix;
	/* A name read as verb + pronouns ("Icela" as ice + la) is still a
	 * name; and names keep their accents where the dictionary lists them
	 * without ("el Mtro. Néstor Vargas", not "Nestor"). */
	int in_name = 0;
	int name = verdict != V_OK && proper_noun(s, c->v, vs, ve, &in_name);
	if (verdict == V_OK ||
	    ((verdict == V_UNKNOWN || wv.enclitic) && name &&
	     (in_name || !spanish_looking(w, n))) ||
	    (verdict == V_ACCENT_EXTRA && in_name) ||
	    (verdict == V_UNKNOWN && capitals_name(w, n))) {
		free(fix);
		return;
	}
	size_t n_sugs = 0;
	const char *sugs[5];
	char *copies[5];
	if (verdict == V_UNKNOWN && c->run->suggest)
		n_sugs = suggestions_of(c, w, n, copies);
	for (size_t i = 0; i < n_sugs; i++)
		sugs[i] = copies[i];
	size_t n_copies = n_sugs;
	const char *message = NULL;
	if (fix) {
		sugs[0] = fix;
		n_sugs = 1;
		message = verdict == V_ACCENT_MISSING ? _("falta acento: «{sugerencia}»")
			  : verdict == V_ACCENT_EXTRA ? _("sobra el acento: «{sugerencia}»")
						      : _("se escribe «{sugerencia}»");
	}
	kind_emit_view_span(c->run, c->v, vs, ve, message, sugs, n_sugs);
	free(fix);
	for (size_t i = 0; i < n_copies; i++)
		free(copies[i]);
}

/* A word in capitals of up to `longitud_sigla` letters is an acronym. */
static int is_acronym(const spell_state *s, const char *w, size_t n)
{
	size_t letters = capital_letters(w, n);
	return letters > 0 && letters <= (size_t)s->acronym_len;
}

/* "BlackRock", "YouthLED", "NMInforma": a capital after a lower-case
 * letter, or two capitals before one, mark a brand or a handle, not a word
 * of the language. */
static int mixed_case(const char *w, size_t n)
{
	int32_t prev = 0, cp;
	size_t leading_upper = 0;
	int seen_lower = 0;
	for (size_t i = 0; i < n; prev = cp) {
		i += (size_t)text_decode(w + i, n - i, &cp);
		if (text_is_upper(cp) && text_is_lower(prev))
			return 1;
		if (text_is_lower(cp)) {
			if (!seen_lower && leading_upper >= 2)
				return 1;
			seen_lower = 1;
		} else if (text_is_upper(cp) && !seen_lower) {
			leading_upper++;
		}
	}
	return 0;
}

static void check_word(check_ctx *c, size_t vs, size_t ve)
{
	size_t n = ve - vs;
	const char *w = c->v->s + vs;
	if (text_count_cp(w, n) < 2 || is_acronym(c->s, w, n) || mixed_case(w, n))
		return;
	emit_word(c, vs, ve);
}

/* #TecatePuebloMágico -> Tecate, Pueblo, Mágico; a tag with no case change
 * is a name, not prose, and is left alone. */
static void check_hashtag(check_ctx *c, size_t start, size_t end)
{
	const char *s = c->v->s;
	size_t parts[32][2];
	size_t n = 0, i = start, ps = start;
	int32_t prev = 0;
	while (i < end) {
		int32_t cp;
		int k = text_decode(s + i, end - i, &cp);
		if (!is_word_char(cp)) {
			if (i > ps && n < 32)
				parts[n][0] = ps, parts[n++][1] = i;
			ps = i + (size_t)k;
		} else if (text_is_upper(cp) && text_is_lower(prev) && i > ps) {
			if (n < 32)
				parts[n][0] = ps, parts[n++][1] = i;
			ps = i;
		}
		prev = cp;
		i += (size_t)k;
	}
	if (end > ps && n < 32)
		parts[n][0] = ps, parts[n++][1] = end;
	if (n < 2)
		return;
	for (size_t k = 0; k < n; k++)
		check_word(c, parts[k][0], parts[k][1]);
}

/* URLs, paths, domains ("t.co/x", "tecate.gob.mx") and e-mail addresses
 * are not words. */
static int skip_chunk(const char *s, size_t n)
{
	if (memchr(s, '/', n))
		return 1;
	for (size_t i = 1; i + 1 < n; i++)
		if (s[i] == '.' && (unsigned char)s[i - 1] > ' ' && s[i - 1] != '.' &&
		    ((s[i + 1] | 32) >= 'a' && (s[i + 1] | 32) <= 'z'))
			return 1;
	if (n > 4 && (strncmp(s, "www.", 4) == 0 || strncmp(s, "WWW.", 4) == 0))
		return 1;
	return memchr(s, '@', n) != NULL;
}

/* "am", "hrs" after "10:30": the unit of a time, not a word. */
static int time_unit(const char *s, size_t n)
{
	static const char *const units[] = { "am", "pm", "hr", "hrs", "hs", "h",
					     "min", "seg", "AM", "PM", "HRS", "Hrs" };
	while (n && (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';' ||
		     s[n - 1] == ')'))
		n--;
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (strlen(units[i]) == n && memcmp(units[i], s, n) == 0)
			return 1;
	return 0;
}

static int spell_check(const void *p, kind_run *run)
{
	spell_state *s = (spell_state *)p; /* the cache is shared, under lock */
	const text_view *v = doc_view(run->doc, TEXT_COMPAT);
	check_ctx c = { s, run, v, 0 };
	const char *t = v->s;
	size_t len = v->len, i = 0;
	int after_number = 0;
	while (i < len) {
		if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r') {
			i++;
			continue;
		}
		size_t e = i;
		while (e < len && t[e] != ' ' && t[e] != '\t' && t[e] != '\n' && t[e] != '\r')
			e++;
		int number_before = after_number;
		after_number = t[e - 1] >= '0' && t[e - 1] <= '9';
		if (number_before && time_unit(t + i, e - i)) {
			i = e;
			continue;
		}
		if (t[i] == '#') {
			check_hashtag(&c, i + 1, e);
		} else if (!skip_chunk(t + i, e - i)) {
			/* words of the chunk; one glued to a digit is a code or a
			 * unit ("10am", "COVID19") and is skipped */
			size_t j = i;
			while (j < e) {
				int32_t cp;
				int k = text_decode(t + j, e - j, &cp);
				if (!text_is_letter(cp)) {
					j += (size_t)k;
					continue;
				}
				size_t ws = j;
				while (j < e) {
					k = text_decode(t + j, e - j, &cp);
					if (!is_word_char(cp))
						break;
					j += (size_t)k;
				}
				int32_t before = 0, after = 0;
				if (ws > i) {
					size_t b = ws - 1;
					while (b > i && ((unsigned char)t[b] & 0xC0) == 0x80)
						b--;
					text_decode(t + b, e - b, &before);
				}
				if (j < e)
					text_decode(t + j, e - j, &after);
				int glued = (before >= '0' && before <= '9') ||
					    (after >= '0' && after <= '9');
				if (!glued)
					check_word(&c, ws, j);
			}
		}
		i = e;
	}
	return 0;
}

const kind_ops kind_spelling = { "spelling", keys, spell_compile, spell_prepare,
				 spell_check, spell_free, NULL };
