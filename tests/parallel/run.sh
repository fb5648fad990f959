#!/usr/bin/env bash
# A run on several threads prints what a run on one prints, byte for byte;
# the shards of --shard I/N together, plus the --cross-files-only pass,
# find what one whole run finds.  The folder mixes the example drafts with
# generated posts, some of which repeat an earlier one (the cross-file
# check) or another folder's post.
#
# Uso: bash tests/parallel/run.sh [PREGON]
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(cd "$root" && realpath "${1:-./pregon}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[[ -n ${PREGON_KEEP:-} ]] && trap - EXIT
cd "$root" || exit 2

failures=0
cases=0
fail() {
    echo "FALLA $*" >&2
    failures=$((failures + 1))
}

repo=$tmp/repo
mkdir -p "$repo/a" "$repo/b/c"
cp examples/borradores/* "$repo/a/"
texts=("El Gobierno de Tecate informa que el martes se suspende el servicio de agua en la colonia Centro."
    "Invitamos a las familias al festival cultural de este sábado en el parque Los Encinos, con entrada libre."
    "La jornada de vacunación continúa en los centros de salud de 8 a 14 horas; lleve su cartilla."
    "Tambien pedimos a la ciudadanía que reporte las fugas de agua al teléfono de la dependencia.")
for i in $(seq 1 240); do
    dir=$repo/a
    ((i % 3 == 0)) && dir=$repo/b
    ((i % 7 == 0)) && dir=$repo/b/c
    printf -- '---\nplataforma: facebook\nfecha: 2026-03-%02d\n---\n%s Aviso %d.\n\n%s\n' \
        $((i % 28 + 1)) "${texts[i % 4]}" $((i % 50)) "${texts[(i + 1) % 4]}" >"$dir/p$i.md"
done

# one thread and two: the same bytes, in every format that streams and in
# one that keeps every report
for format in json text line sarif; do
    cases=$((cases + 1))
    "$bin" --jobs 1 --format "$format" --date 2026-03-10 "$repo" >"$tmp/one.$format" 2>&1
    r1=$?
    "$bin" --jobs 2 --format "$format" --date 2026-03-10 "$repo" >"$tmp/two.$format" 2>&1
    r2=$?
    if ((r1 != r2)) || ! cmp -s "$tmp/one.$format" "$tmp/two.$format"; then
        fail "hilos ($format): --jobs 1 y --jobs 2 difieren (estados $r1 y $r2)"
    fi
done
cases=$((cases + 1))
if ! grep -q 'texto-repetido' "$tmp/one.line"; then
    fail "hilos: la carpeta de prueba debe tener textos repetidos entre archivos"
fi

# the shards: each file in exactly one, and with the cross-file pass the
# same findings as the whole run
"$bin" --format line --date 2026-03-10 "$repo" | sort >"$tmp/whole"
: >"$tmp/parts"
: >"$tmp/files"
for i in 1 2 3; do
    "$bin" --shard "$i/3" --format line --date 2026-03-10 "$repo" >>"$tmp/parts"
    "$bin" --shard "$i/3" --format json --date 2026-03-10 "$repo" |
        grep -o '"path":"[^"]*"' >>"$tmp/files"
done
"$bin" --cross-files-only --format line --date 2026-03-10 "$repo" >"$tmp/cross"
cases=$((cases + 1))
all=$(find "$repo" -name '*.md' -o -name '*.txt' | wc -l)
if [[ $(sort "$tmp/files" | uniq | wc -l) != "$all" || $(wc -l <"$tmp/files") != "$all" ]]; then
    fail "partes: cada uno de los $all archivos debe estar en una sola parte"
fi
cases=$((cases + 1))
if grep -q 'texto-repetido.*ya está en' "$tmp/parts"; then
    fail "partes: una parte no debe comparar archivos entre sí"
fi
cases=$((cases + 1))
if grep -v 'texto-repetido' "$tmp/cross" | grep -q .; then
    fail "entre archivos: --cross-files-only solo debe dar textos repetidos"
fi
cases=$((cases + 1))
if ! grep -q 'ya está en' "$tmp/cross"; then
    fail "entre archivos: --cross-files-only no encontró los textos repetidos"
fi
cases=$((cases + 1))
sort "$tmp/parts" "$tmp/cross" >"$tmp/together"
if ! diff -q "$tmp/whole" "$tmp/together" >/dev/null; then
    fail "partes: las partes más la pasada entre archivos no dan lo mismo que una revisión completa"
    diff "$tmp/whole" "$tmp/together" | head -5 >&2
fi

# the same part of the same path everywhere: a fixed expectation
cases=$((cases + 1))
mkdir -p "$tmp/fixed"
echo "Hola." >"$tmp/fixed/x.md"
got=$(cd "$tmp" && for i in 1 2 3 4; do
    "$bin" --shard "$i/4" --format line --no-config fixed/x.md >/dev/null 2>&1
    "$bin" --shard "$i/4" --format json --no-config fixed/x.md | grep -q '"path"' && echo "$i"
done)
want=$(cd "$tmp" && "$bin" --shard 1/1 --format json --no-config ./fixed/x.md | grep -c '"path":"./fixed/x.md"')
if [[ $(echo "$got" | wc -w) != 1 || $want != 1 ]]; then
    fail "partes: «fixed/x.md» debe caer en una sola parte de 4 (cayó en: $got)"
fi

# bad values
for bad in 0/3 4/3 3 a/b 1/0 "1/3x"; do
    cases=$((cases + 1))
    "$bin" --shard "$bad" "$repo" >/dev/null 2>"$tmp/err"
    rc=$?
    if ((rc != 2)) || ! grep -q -- '--shard necesita I/N' "$tmp/err"; then
        fail "partes: «--shard $bad» debe ser un error de uso (estado $rc)"
    fi
done
cases=$((cases + 1))
"$bin" --shard 1/2 --cross-files-only "$repo" >/dev/null 2>"$tmp/err"
if (($? != 2)) || ! grep -q 'no van juntas' "$tmp/err"; then
    fail "partes: --shard con --cross-files-only debe ser un error de uso"
fi
cases=$((cases + 1))
"$bin" --jobs 0 "$repo" >/dev/null 2>"$tmp/err"
if (($? != 2)) || ! grep -q -- '--jobs necesita' "$tmp/err"; then
    fail "hilos: «--jobs 0» debe ser un error de uso"
fi

echo "paralelo: $cases casos, $failures fallidos"
((failures == 0))
