#!/usr/bin/env bash
# Medición de rendimiento de pregon frente a hunspell.
#
# Uso: bench/run.sh PREGON_BINARY [RUNS]
#
#   RUNS           rondas intercaladas (por omisión 5).
#   PREGON_CORPUS  carpeta del corpus (por omisión ../shared/corpus, relativa a
#                  la raíz del repositorio). Si no existe, se omite la medición
#                  y se sale con 0 (con PREGON_REQUIRE_ALL=1, con 1).
#   PREGON_BENCH_N publicaciones del corpus de medición (por omisión 20000).
#   PREGON_BENCH_GROWTH tamaños para medir el crecimiento (por omisión
#                  "2000 60000"; N se mide siempre en b).
#
# Compila bench/mkcorpus.c en build/bench/, arma build/bench/corpus-N/ (solo
# si cambió N, el corpus o mkcorpus.c) y en cada ronda mide, una tras otra:
#   a. hunspell -d es_MX -l < all.txt                          (referencia)
#   b. pregon --format json --date 2026-03-10 corpus/posts/    (un archivo por
#      publicación, un hilo por procesador)
#   b1. lo mismo con --jobs 1                                  (un hilo)
#   c. pregon --format json --date 2026-03-10 corpus/all.txt   (un solo archivo)
#   d. una publicación por stdin con pregon, frente a una palabra con hunspell
#      (10 llamadas de cada uno por ronda, alternadas).
#   e. pregon sobre carpetas de cada tamaño de PREGON_BENCH_GROWTH.
#   f. el servidor de lenguaje (bench/lsp.js, si hay node y tests/node_modules):
#      la mediana de volver a revisar una publicación de 2000 caracteres
#      cambiada, sobre 300 ediciones por ronda.
# Imprime medianas de tiempo de reloj y de memoria máxima, y cada objetivo con
# su cifra y si se cumple. No falla por un objetivo: solo informa. Deja la
# tabla en build/bench/results.txt y los datos crudos en build/bench/raw.tsv.
#
# Códigos de salida: 0 bien (o corpus ausente); 1 un paso falló (pregon salió
# con 2 o más, hunspell falló, faltan herramientas); 2 uso incorrecto.
set -euo pipefail

DATE=2026-03-10
ONSAVE_CALLS=10

usage() {
    sed -n '2,33s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

die() {
    echo "bench: error: $*" >&2
    exit 1
}

if (($# < 1 || $# > 2)); then
    usage >&2
    exit 2
fi
case $1 in -h | --help)
    usage
    exit 0
    ;;
esac

bin=$1
runs=${2:-5}
if [[ ! $runs =~ ^[1-9][0-9]*$ ]]; then
    echo "bench: RUNS debe ser un entero positivo: «$runs»" >&2
    exit 2
fi
if [[ $bin == */* ]]; then
    if [[ ! -f $bin || ! -x $bin ]]; then
        echo "bench: no se encontró el ejecutable $bin" >&2
        exit 2
    fi
    bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
elif ! bin=$(command -v "$bin"); then
    echo "bench: no se encontró el ejecutable $1" >&2
    exit 2
fi

n=${PREGON_BENCH_N:-20000}
if [[ ! $n =~ ^[1-9][0-9]{0,4}$ ]]; then
    echo "bench: PREGON_BENCH_N debe ser un entero entre 1 y 99999: «$n»" >&2
    exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ -n ${PREGON_CORPUS:-} ]]; then
    corpus=$PREGON_CORPUS
    [[ $corpus == /* ]] || corpus=$PWD/$corpus
else
    corpus=$root/../shared/corpus
fi
cd "$root"

if [[ ! -d $corpus ]]; then
    if [[ ${PREGON_REQUIRE_ALL:-0} == 1 ]]; then
        die "no se encontró el corpus en $corpus y PREGON_REQUIRE_ALL=1"
    fi
    echo "bench: no se encontró el corpus en $corpus; se omite la medición de rendimiento."
    exit 0
fi
corpus=$(cd "$corpus" && pwd)

# Misma configuración regional en todas las máquinas: UTF-8 (hunspell la usa
# para leer la entrada) y punto decimal.
if locale -a 2>/dev/null | grep -qix 'c\.utf-\{0,1\}8'; then
    export LC_ALL=C.UTF-8
else
    export LC_NUMERIC=C
fi

command -v hunspell >/dev/null 2>&1 || die "falta hunspell (ejecute scripts/install-deps.sh)"
[[ -e /usr/share/hunspell/es_MX.dic ]] ||
    die "falta el diccionario es_MX de hunspell (ejecute scripts/install-deps.sh)"
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists jansson; then
    die "falta jansson para compilar mkcorpus (ejecute scripts/install-deps.sh)"
fi

out=build/bench
mkdir -p "$out"

# --- mkcorpus -----------------------------------------------------------------
mk=$out/mkcorpus
if [[ ! -x $mk || bench/mkcorpus.c -nt $mk ]]; then
    read -ra jcflags <<<"$(pkg-config --cflags jansson)"
    read -ra jlibs <<<"$(pkg-config --libs jansson)"
    werror=()
    [[ ${WERROR:-0} == 1 ]] && werror=(-Werror)
    cc -std=c11 -O2 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wwrite-strings -Wformat=2 "${werror[@]}" "${jcflags[@]}" \
        bench/mkcorpus.c -o "$mk" "${jlibs[@]}" || die "no se pudo compilar bench/mkcorpus.c"
fi

# --- corpus de medición -------------------------------------------------------
growth=${PREGON_BENCH_GROWTH:-2000 60000}
for g in $growth; do
    [[ $g =~ ^[1-9][0-9]{0,4}$ ]] || {
        echo "bench: PREGON_BENCH_GROWTH debe tener enteros entre 1 y 99999: «$g»" >&2
        exit 2
    }
done

# build_corpus N: deja en build/bench/corpus-N/ las primeras N publicaciones.
build_corpus() {
    local dir=$out/corpus-$1 stamp
    stamp="n=$1 corpus=$corpus mkcorpus=$(sha256sum bench/mkcorpus.c | cut -d' ' -f1)"
    stamp+=" $(stat -c '%n:%s' "$corpus"/*/posts.jsonl 2>/dev/null | tr '\n' ' ' || true)"
    if [[ ! -f $dir/stamp || $(<"$dir/stamp") != "$stamp" ]]; then
        rm -rf "$dir"
        "$mk" "$corpus" "$dir" "$1" || die "no se pudo armar el corpus de medición de $1"
        printf '%s\n' "$stamp" >"$dir/stamp"
    fi
}
build_corpus "$n"
for g in $growth; do build_corpus "$g"; done
cdir=$out/corpus-$n
posts=$(find "$cdir/posts" -name '*.md' | wc -l)
bytes=$(wc -c <"$cdir/all.txt")
posts=${posts// /} bytes=${bytes// /}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'Hola vecinos de Tecate\n' >"$tmp/onepost.txt"
printf 'casa\n' >"$tmp/oneword.txt"

# --- medición -------------------------------------------------------------------
# measure IN CMD...: corre CMD con la entrada IN, salida a /dev/null y errores
# a $tmp/err. Deja en M_S los segundos de reloj, en M_KIB la memoria máxima
# (KiB, vacía si no se puede medir) y en M_RC el código de salida.
# El tiempo de reloj lo toma bash (TIMEFORMAT=%3R, milisegundos), porque %e de
# /usr/bin/time solo tiene centésimas; la memoria la da /usr/bin/time (%M).
have_gnu_time=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e %M' -o /dev/null true 2>/dev/null; then
    have_gnu_time=1
fi

measure() {
    local in=$1 TIMEFORMAT=%3R line last=''
    shift
    M_RC=0 M_KIB=''
    if ((have_gnu_time)); then
        { time /usr/bin/time -f '%e %M' -o "$tmp/gnutime" "$@" <"$in" >/dev/null 2>"$tmp/err"; } \
            2>"$tmp/wall" || M_RC=$?
        # Si el programa sale con código distinto de 0, /usr/bin/time antepone
        # una línea de aviso: la última línea es siempre '%e %M'.
        while read -r line; do last=$line; done <"$tmp/gnutime"
        M_KIB=${last##* }
        [[ $M_KIB =~ ^[0-9]+$ ]] || M_KIB=''
    else
        { time "$@" <"$in" >/dev/null 2>"$tmp/err"; } 2>"$tmp/wall" || M_RC=$?
    fi
    M_S=$(<"$tmp/wall")
    M_S=${M_S//,/.}
}

# record CASO RONDA: anota la última medición.
record() {
    printf '%s\n' "$M_S" >>"$tmp/$1.s"
    if [[ -n $M_KIB ]]; then
        printf '%s\n' "$M_KIB" >>"$tmp/$1.kib"
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$2" "$1" "$M_S" "${M_KIB:-n/d}" "$M_RC" >>"$out/raw.tsv"
}

fail_step() {
    echo "bench: error: $1 salió con código $M_RC. Errores:" >&2
    head -n 40 "$tmp/err" >&2
    exit 1
}

check_hunspell() {
    ((M_RC == 0)) || fail_step "$1"
}

check_pregon() {
    ((M_RC == 0 || M_RC == 1)) || fail_step "$1"
}

run_a() { measure "$cdir/all.txt" hunspell -d es_MX -l; check_hunspell "hunspell (a)"; }
run_b() { measure /dev/null "$bin" --format json --date "$DATE" "$cdir/posts"; check_pregon "pregon (b)"; }
run_b1() { measure /dev/null "$bin" --jobs 1 --format json --date "$DATE" "$cdir/posts"; check_pregon "pregon (b1)"; }
run_c() { measure /dev/null "$bin" --format json --date "$DATE" "$cdir/all.txt"; check_pregon "pregon (c)"; }
# La entrada de d se lee de un archivo y no de una tubería, para que el tiempo
# medido sea solo el del proceso.
run_dp() { measure "$tmp/onepost.txt" "$bin" --format json --date "$DATE"; check_pregon "pregon (d)"; }
run_dh() { measure "$tmp/oneword.txt" hunspell -d es_MX -l; check_hunspell "hunspell (d)"; }
run_e() { measure /dev/null "$bin" --format json --date "$DATE" "$out/corpus-$1/posts"; check_pregon "pregon (e, $1)"; }

printf 'ronda\tcaso\tsegundos\tkib\tcodigo\n' >"$out/raw.tsv"

# Una pasada previa, sin contar: verifica los códigos de salida y calienta la
# caché de archivos.
echo "bench: verificación previa..." >&2
run_b
run_c
run_dp
run_dh
for g in $growth; do run_e "$g"; done

lsp_driver=bench/lsp.js
have_lsp=0
if [[ -f $lsp_driver ]] && command -v node >/dev/null 2>&1 &&
    [[ -d tests/node_modules/vscode-jsonrpc ]]; then
    have_lsp=1
fi

for ((r = 1; r <= runs; r++)); do
    echo "bench: ronda $r de $runs..." >&2
    run_a
    record a "$r"
    run_b
    record b "$r"
    run_b1
    record b1 "$r"
    run_c
    record c "$r"
    for ((i = 0; i < ONSAVE_CALLS; i++)); do
        run_dp
        record dp "$r"
        run_dh
        record dh "$r"
    done
    for g in $growth; do
        run_e "$g"
        record "e$g" "$r"
    done
    if ((have_lsp)); then
        NODE_PATH=$root/tests/node_modules node "$lsp_driver" "$bin" 300 >"$tmp/lsp" 2>"$tmp/err" ||
            { M_RC=$?; fail_step "bench/lsp.js"; }
        # «... mediana 1.93 ms, p90 4.01 ms»
        lsp_ms=$(sed -n 's/.*mediana \([0-9.]*\) ms.*/\1/p' "$tmp/lsp")
        [[ -n $lsp_ms ]] || { M_RC=1; cp "$tmp/lsp" "$tmp/err"; fail_step "bench/lsp.js"; }
        printf '%s\n' "$lsp_ms" >>"$tmp/lsp.ms"
        printf '%s\tlsp\t%s\tn/d\t0\n' "$r" "$lsp_ms" >>"$out/raw.tsv"
    fi
done

# --- resultados -----------------------------------------------------------------
# median ARCHIVO: mediana de los números del archivo (n/d si no hay).
median() {
    if [[ ! -s $1 ]]; then
        echo n/d
        return
    fi
    sort -g "$1" | awk '{ v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# calc FORMATO EXPR A B: EXPR en awk con a y b; n/d si falta un dato o b es 0.
calc() {
    awk -v a="$3" -v b="$4" -v fmt="$1" -v expr="$2" 'BEGIN {
        if (a == "n/d" || b == "n/d" || (expr != "kib" && b + 0 == 0)) { print "n/d"; exit }
        if (expr == "div") x = a / b
        else if (expr == "kib") x = a / 1024
        printf fmt "\n", x }'
}

# pad TEXTO ANCHO: rellena a ANCHO caracteres (no bytes).
pad() {
    local s=$1 w=$2
    printf '%s%*s' "$s" $((w > ${#s} ? w - ${#s} : 0)) ''
}

row() {
    local label=$1 key=$2 with_rates=$3 s kib pps='-' mbs='-'
    s=$(median "$tmp/$key.s")
    kib=$(median "$tmp/$key.kib")
    if [[ $with_rates == 1 ]]; then
        pps=$(calc '%.0f' div "$posts" "$s")
        mbs=$(calc '%.2f' div "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$s")
    fi
    pad "$label" 46
    pad "$(calc '%.4f' div "$s" 1)" 13
    pad "$pps" 10
    pad "$mbs" 9
    calc '%.1f' kib "$kib" 1
}

sa=$(median "$tmp/a.s")
sb=$(median "$tmp/b.s")
sb1=$(median "$tmp/b1.s")
sc=$(median "$tmp/c.s")
sdp=$(median "$tmp/dp.s")
sdh=$(median "$tmp/dh.s")
kb=$(median "$tmp/b.kib")

# verdict COND: «se cumple» o «no se cumple» según awk.
verdict() {
    if [[ $1 == *n/d* ]]; then
        echo "sin dato"
    elif awk "BEGIN { exit !($1) }"; then
        echo "se cumple"
    else
        echo "no se cumple"
    fi
}

{
    echo "Medición de rendimiento de pregon"
    echo "Modo CI: --format json, todas las reglas por defecto, sin sugerencias (--date $DATE)."
    echo "Binario:  $bin"
    echo "Corpus:   $posts publicaciones, $bytes bytes en all.txt (de $corpus)"
    echo "Rondas:   $runs, intercaladas; en d, $ONSAVE_CALLS llamadas de cada uno por ronda."
    echo "Cifras:   medianas del tiempo de reloj y de la memoria máxima (RSS)."
    echo "Máquina:  $(nproc) núcleos; $(hunspell -v 2>/dev/null | sed -n 's/.*(but really \(.*\))/\1/p' | head -n 1)"
    ((have_gnu_time)) || echo "Aviso:    no hay /usr/bin/time (paquete time); la memoria queda como n/d."
    echo
    pad "Medición" 46
    pad "Mediana (s)" 13
    pad "pub./s" 10
    pad "MB/s" 9
    echo "Memoria (MiB)"
    row "a. hunspell -l, all.txt (referencia)" a 1
    row "b. pregon, carpeta posts/ ($posts archivos)" b 1
    row "b1. lo mismo con --jobs 1 (un hilo)" b1 1
    row "c. pregon, archivo único all.txt" c 1
    row "d. pregon, una publicación por stdin" dp 0
    row "d. hunspell -l, una palabra por stdin (ref.)" dh 0
    for g in $growth; do
        growth_posts=$(find "$out/corpus-$g/posts" -name '*.md' | wc -l)
        pad "e. pregon, carpeta de $g archivos" 46
        ge=$(median "$tmp/e$g.s")
        pad "$(calc '%.4f' div "$ge" 1)" 13
        pad "$(calc '%.0f' div "$growth_posts" "$ge")" 10
        pad "-" 9
        calc '%.1f' kib "$(median "$tmp/e$g.kib")" 1
    done
    if ((have_lsp)); then
        echo "f. servidor de lenguaje: volver a revisar 2000 caracteres: $(median "$tmp/lsp.ms") ms (mediana de rondas)"
    else
        echo "f. servidor de lenguaje: sin medir (falta bench/lsp.js, node o tests/node_modules)"
    fi
    echo
    echo "Razones:"
    echo "  b: hunspell (a) / pregon (b) = $(calc '%.2f' div "$sa" "$sb")   (más de 1: pregon es más rápido)"
    echo "  c: hunspell (a) / pregon (c) = $(calc '%.2f' div "$sa" "$sc")   (más de 1: pregon es más rápido)"
    echo "  d: pregon, una publicación / hunspell, una palabra = $(calc '%.2f' div "$sdp" "$sdh")   (menos de 1: pregon es más rápido)"
    echo "  hilos: un hilo (b1) / todos (b) = $(calc '%.2f' div "$sb1" "$sb")   (con $(nproc) núcleos)"
    for g in $growth; do
        ge=$(median "$tmp/e$g.s")
        gp=$(find "$out/corpus-$g/posts" -name '*.md' | wc -l)
        echo "  crecimiento: µs por publicación con $gp = $(calc '%.1f' div "$(awk -v s="$ge" 'BEGIN { print s * 1e6 }')" "$gp"), con $posts = $(calc '%.1f' div "$(awk -v s="$sb" 'BEGIN { print s * 1e6 }')" "$posts")"
    done
    echo "  (MB = 10^6 bytes de all.txt; MiB = 2^20 bytes.)"
    echo
    echo "Objetivos:"
    ratio_b=$(calc '%.2f' div "$sa" "$sb")
    pps=$(calc '%.0f' div "$posts" "$sb")
    mib=$(calc '%.1f' kib "$kb" 1)
    ratio_d=$(calc '%.2f' div "$sdp" "$sdh")
    echo "  30 veces más rápido que hunspell -l (b): $ratio_b -> $(verdict "$ratio_b >= 30")"
    echo "  50000 publicaciones por segundo (b): $pps -> $(verdict "$pps >= 50000")"
    echo "  memoria máxima menor que 64 MiB (b): $mib MiB -> $(verdict "$mib < 64")"
    echo "  una publicación a lo más 1,2 veces una palabra de hunspell (d): $ratio_d -> $(verdict "$ratio_d <= 1.2")"
    if ((have_lsp)); then
        lsp=$(median "$tmp/lsp.ms")
        echo "  servidor de lenguaje por debajo de 2 ms (f): $lsp ms -> $(verdict "$lsp < 2")"
    fi
} | tee "$out/results.txt"
