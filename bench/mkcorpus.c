/*
 * mkcorpus: builds the benchmark corpus of pregon, deterministically.
 *
 * Usage: mkcorpus CORPUS_DIR OUT_DIR [N]
 *
 * Reads CORPUS_DIR/<folder>/posts.jsonl for a fixed list of folders, in a
 * fixed order, and takes the first N records (default 20000) whose "text"
 * field is a non-empty string. Writes:
 *
 *   OUT_DIR/posts/NNNNN.md  one file per post (00001.md, 00002.md, ...),
 *                           content = text + "\n", no front matter;
 *   OUT_DIR/all.txt         every text followed by "\n\n", in the same order.
 *
 * Files NNNNN.md left over from an earlier, larger run are removed, so the
 * output depends only on the corpus and N.
 *
 * Exit status: 0 on success, 2 on a usage error, a missing folder or file,
 * a malformed JSON line (reported as file:line) or a write error.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define DEFAULT_N 20000UL
#define MAX_N 99999UL /* the file names have five digits */

static const char *const SOURCES[] = {
    "gov-mx-tecate-comunicados",
    "gov-mx-twitter-2024-25",
    "gov-mx-federal-twitter-2020",
    "gov-presidents-tuits-seguridad",
    "public-bc-cnrnoticias-2020-21",
    "public-mx-sheinbaum-tweets-2024-25",
    "public-mx-influencers-2020",
    /* after the first 50,000 posts: only the growth measurement (60,000
     * posts) reaches them, so smaller corpora stay what they were */
    "gov-mx-mananeras-transcripts",
    "offensive-es-hateval2019",
};
#define N_SOURCES (sizeof SOURCES / sizeof SOURCES[0])

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void fail(const char *fmt, ...)
{
    va_list ap;

    fputs("mkcorpus: error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

static void usage(void)
{
    fputs("Uso: mkcorpus CARPETA_CORPUS CARPETA_SALIDA [N]\n"
          "  Toma las primeras N publicaciones con texto (por omisión 20000)\n"
          "  de los posts.jsonl del corpus y escribe CARPETA_SALIDA/posts/NNNNN.md\n"
          "  y CARPETA_SALIDA/all.txt.\n",
          stderr);
}

static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *p = malloc(la + 1 + lb + 1);

    if (p == NULL)
        fail("memoria insuficiente");
    memcpy(p, a, la);
    p[la] = '/';
    memcpy(p + la + 1, b, lb + 1);
    return p;
}

/* mkdir -p */
static void make_dirs(const char *path)
{
    char *tmp = malloc(strlen(path) + 1);
    char *p;

    if (tmp == NULL)
        fail("memoria insuficiente");
    strcpy(tmp, path);
    for (p = tmp + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char saved = *p;
            struct stat st;

            *p = '\0';
            if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
                fail("no se pudo crear la carpeta %s: %s", tmp, strerror(errno));
            if (stat(tmp, &st) != 0 || !S_ISDIR(st.st_mode))
                fail("%s existe y no es una carpeta", tmp);
            *p = saved;
            if (saved == '\0')
                break;
        }
    }
    free(tmp);
}

static int is_blank(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

static void write_all(FILE *f, const char *buf, size_t n, const char *path)
{
    if (n > 0 && fwrite(buf, 1, n, f) != n)
        fail("no se pudo escribir en %s: %s", path, strerror(errno));
}

static void write_post(const char *posts_dir, unsigned long index, const char *text, size_t len)
{
    char name[32];
    char *path;
    FILE *f;

    snprintf(name, sizeof name, "%05lu.md", index);
    path = join(posts_dir, name);
    f = fopen(path, "wb");
    if (f == NULL)
        fail("no se pudo crear %s: %s", path, strerror(errno));
    write_all(f, text, len, path);
    write_all(f, "\n", 1, path);
    if (fclose(f) != 0)
        fail("no se pudo cerrar %s: %s", path, strerror(errno));
    free(path);
}

/* Removes posts/NNNNN.md beyond the last one written, left by a larger run. */
static void remove_stale(const char *posts_dir, unsigned long from)
{
    unsigned long i;

    for (i = from; i <= MAX_N; i++) {
        char name[32];
        char *path;
        int rc;

        snprintf(name, sizeof name, "%05lu.md", i);
        path = join(posts_dir, name);
        rc = remove(path);
        if (rc != 0 && errno != ENOENT)
            fail("no se pudo borrar %s: %s", path, strerror(errno));
        free(path);
        if (rc != 0)
            break;
    }
}

int main(int argc, char **argv)
{
    unsigned long want = DEFAULT_N, count = 0;
    char *paths[N_SOURCES];
    char *posts_dir, *all_path;
    FILE *all;
    char *line = NULL;
    size_t cap = 0;
    size_t i;
    long all_bytes;

    if (argc < 3 || argc > 4) {
        usage();
        return 2;
    }
    if (argc == 4) {
        char *end;

        errno = 0;
        want = strtoul(argv[3], &end, 10);
        if (errno != 0 || end == argv[3] || *end != '\0' || argv[3][0] == '-' || want < 1 ||
            want > MAX_N) {
            fprintf(stderr, "mkcorpus: error: N debe ser un entero entre 1 y %lu: «%s»\n", MAX_N,
                    argv[3]);
            return 2;
        }
    }

    /* Check every source up front, so that a missing folder is reported
       whatever N is. */
    for (i = 0; i < N_SOURCES; i++) {
        char *dir = join(argv[1], SOURCES[i]);
        struct stat st;

        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
            fail("falta la carpeta del corpus %s", dir);
        paths[i] = join(dir, "posts.jsonl");
        if (stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode))
            fail("falta el archivo %s", paths[i]);
        free(dir);
    }

    posts_dir = join(argv[2], "posts");
    make_dirs(posts_dir);
    all_path = join(argv[2], "all.txt");
    all = fopen(all_path, "wb");
    if (all == NULL)
        fail("no se pudo crear %s: %s", all_path, strerror(errno));

    for (i = 0; i < N_SOURCES && count < want; i++) {
        FILE *in = fopen(paths[i], "rb");
        unsigned long lineno = 0;
        ssize_t n;

        if (in == NULL)
            fail("no se pudo abrir %s: %s", paths[i], strerror(errno));
        while (count < want && (n = getline(&line, &cap, in)) != -1) {
            size_t len = (size_t)n;
            json_error_t err;
            json_t *obj, *text;
            const char *s;
            size_t slen;

            lineno++;
            if (is_blank(line, len))
                continue;
            obj = json_loadb(line, len, 0, &err);
            if (obj == NULL && err.column > 0)
                fail("%s:%lu:%d: JSON no válido: %s", paths[i], lineno, err.column, err.text);
            if (obj == NULL)
                fail("%s:%lu: JSON no válido: %s", paths[i], lineno, err.text);
            if (!json_is_object(obj))
                fail("%s:%lu: se esperaba un objeto JSON", paths[i], lineno);
            text = json_object_get(obj, "text");
            if (!json_is_string(text))
                fail("%s:%lu: falta el campo \"text\" o no es una cadena", paths[i], lineno);
            s = json_string_value(text);
            slen = json_string_length(text);
            if (slen > 0) {
                count++;
                write_post(posts_dir, count, s, slen);
                write_all(all, s, slen, all_path);
                write_all(all, "\n\n", 2, all_path);
            }
            json_decref(obj);
        }
        if (ferror(in))
            fail("error al leer %s: %s", paths[i], strerror(errno));
        fclose(in);
    }
    free(line);

    all_bytes = ftell(all);
    if (fclose(all) != 0)
        fail("no se pudo cerrar %s: %s", all_path, strerror(errno));
    remove_stale(posts_dir, count + 1);

    if (count < want)
        fprintf(stderr, "mkcorpus: aviso: solo hay %lu publicaciones con texto (se pidieron %lu)\n",
                count, want);
    printf("mkcorpus: %lu publicaciones, %ld bytes en %s\n", count, all_bytes, all_path);

    for (i = 0; i < N_SOURCES; i++)
        free(paths[i]);
    free(posts_dir);
    free(all_path);
    return 0;
}
