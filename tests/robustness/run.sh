#!/usr/bin/env bash
# Entradas patológicas: cada una debe terminar (con un plazo generoso que solo
# atrapa cuelgues; las cifras reales van en `make bench`), sin caerse y con el
# estado de salida y el mensaje que corresponden.  Las entradas se generan en
# una carpeta temporal.
#
# Uso: bash tests/robustness/run.sh [PREGON]
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(cd "$root" && realpath "${1:-./pregon}")
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$root" || exit 2

failures=0
cases=0

# run NAME WANT_STATUS TIMEOUT ARGS...: status and time limit; stderr kept.
run() {
    local name=$1 want=$2 limit=$3 rc
    shift 3
    cases=$((cases + 1))
    timeout "$limit" "$bin" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    if ((rc == 124)); then
        echo "FALLA $name: no terminó en $limit s" >&2
        failures=$((failures + 1))
    elif [[ $want != "$rc" && ! ($want == "0|1" && $rc -le 1) ]]; then
        echo "FALLA $name: estado $rc, se esperaba $want" >&2
        head -c 400 "$tmp/$name.err" >&2
        failures=$((failures + 1))
    fi
}

# expect NAME TEXT: the case's stderr says TEXT.
expect() {
    if ! grep -qF -- "$2" "$tmp/$1.err"; then
        echo "FALLA $1: la salida de errores no dice «$2»" >&2
        failures=$((failures + 1))
    fi
}

words="el ayuntamiento de tecate informa que la obra avanza en la colonia centro"

# 10 MB in paragraphs; a 1 MB line; 100,000 hashtags
awk -v w="$words" 'BEGIN { n = split(w, a, " "); srand(1);
    while (size < 10000000) { p = ""; for (i = 0; i < 60; i++) p = p a[int(rand() * n) + 1] " ";
    p = p ".\n\n"; printf "%s", p; size += length(p) } }' >"$tmp/big.md"
awk -v w="$words" 'BEGIN { n = split(w, a, " "); srand(2);
    for (i = 0; i < 170000; i++) printf "%s ", a[int(rand() * n) + 1]; printf "\n" }' >"$tmp/line.md"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "#Tecate%d ", i; printf "\n" }' >"$tmp/tags.md"
run diez-megas "0|1" 600 --format json "$tmp/big.md"
run linea-de-un-mega "0|1" 300 --format json "$tmp/line.md"
run cien-mil-etiquetas "0|1" 300 --format json "$tmp/tags.md"

# 10,000 rules in one set
awk 'BEGIN { print "version: 1\nconjunto: muchas\nreglas:";
    for (i = 0; i < 10000; i++) printf "  - id: r%d\n    tipo: pattern\n    categoria: style\n    severidad: info\n    peso: 1\n    criterio: XIX\n    mensaje: m\n    palabras: [palabra%d]\n    ejemplos: {marcar: [palabra%d]}\n", i, i, i }' >"$tmp/rules.yaml"
echo "Una palabra9999 y otra." >"$tmp/one.md"
run diez-mil-reglas 0 300 --rules "$tmp/rules.yaml" "$tmp/one.md"

# a folder with a link to itself: links to folders are not followed
mkdir -p "$tmp/loop/sub"
ln -s .. "$tmp/loop/sub/up"
echo "Hola." >"$tmp/loop/a.md"
run enlace-en-bucle 0 60 --format json "$tmp/loop"
if [[ $(grep -o '"path"' "$tmp/enlace-en-bucle.out" | wc -l) != 1 ]]; then
    echo "FALLA enlace-en-bucle: se esperaba un solo archivo" >&2
    failures=$((failures + 1))
fi

# a FIFO and a device given as paths
mkfifo "$tmp/fifo"
run tuberia 2 30 "$tmp/fifo"
expect tuberia "no es un archivo regular"
run dispositivo 2 30 /dev/null
expect dispositivo "no es un archivo regular"

# an unreadable file among readable ones: reported, the others complete
mkdir -p "$tmp/mix"
echo "Hola." >"$tmp/mix/a.md"
echo "Hola." >"$tmp/mix/b.md"
chmod 000 "$tmp/mix/a.md"
chmod 755 "$tmp" "$tmp/mix"
if ((EUID == 0)) && command -v setpriv >/dev/null 2>&1; then
    cases=$((cases + 1))
    timeout 60 setpriv --reuid=nobody --regid=nogroup --clear-groups "$bin" "$tmp/mix" \
        >"$tmp/ilegible.out" 2>"$tmp/ilegible.err"
    rc=$?
else
    cases=$((cases + 1))
    timeout 60 "$bin" "$tmp/mix" >"$tmp/ilegible.out" 2>"$tmp/ilegible.err"
    rc=$?
fi
if ((rc != 2)) || ! grep -q "permiso denegado" "$tmp/ilegible.err" ||
    ! grep -q "b.md" "$tmp/ilegible.out"; then
    echo "FALLA ilegible: estado $rc; el archivo ilegible debe dar 2 y el otro su informe" >&2
    failures=$((failures + 1))
fi

# 100,000 files in one folder: all checked, the memory of one run
mkdir -p "$tmp/many"
(cd "$tmp/many" && seq 100000 | sed 's/$/ vecinos de Tecate./' |
    split -l 1 -a 6 --additional-suffix=.md - p)
run cien-mil-archivos "0|1" 900 --format line --quiet "$tmp/many"
cases=$((cases + 1))
if [[ $(timeout 900 "$bin" --format json "$tmp/many" | grep -o '"path"' | wc -l) != 100000 ]]; then
    echo "FALLA cien-mil-archivos: el informe no trae los 100000 archivos" >&2
    failures=$((failures + 1))
fi
rm -rf "$tmp/many"

# a file that disappears between the walk and its reading (the walker's
# test hook): reported, the others complete, status 2
mkdir -p "$tmp/vanish"
for f in a b c; do echo "Hola $f." >"$tmp/vanish/$f.md"; done
PREGON_TEST_VANISH="$tmp/vanish/b.md" run desaparece 2 60 --format json "$tmp/vanish"
expect desaparece "b.md: error: no se puede leer el archivo"
if [[ $(grep -o '"path"' "$tmp/desaparece.out" | wc -l) != 3 ]] ||
    ! grep -q '"error":null' "$tmp/desaparece.out"; then
    echo "FALLA desaparece: se esperaban los informes de a.md y c.md y el error de b.md" >&2
    failures=$((failures + 1))
fi

# a file over the configurable maximum size
head -c 3000 "$tmp/big.md" >"$tmp/three-k.md"
run tamano-maximo 2 30 --max-file-size 2K "$tmp/three-k.md"
expect tamano-maximo "pasa del tamaño máximo de 2048 bytes"
run tamano-maximo-stdin 2 30 --max-file-size 2K - <"$tmp/three-k.md"
expect tamano-maximo-stdin "pasa del tamaño máximo"
run tamano-invalido 2 30 --max-file-size 2X "$tmp/three-k.md"
expect tamano-invalido "--max-file-size necesita un tamaño"

# standard output closed early
cases=$((cases + 1))
timeout 300 "$bin" --format json "$tmp/tags.md" 2>"$tmp/epipe.err" | head -c 10 >/dev/null
rc=${PIPESTATUS[0]}
if ((rc >= 124)); then
    echo "FALLA salida-cerrada: estado $rc" >&2
    failures=$((failures + 1))
fi

echo "robustez: $cases casos, $failures fallidos"
((failures == 0))
