#!/usr/bin/env bash
# --baseline: the first run records the findings and reports none; later
# runs report only new ones, also after lines move; the file only shrinks
# unless --update-baseline; a run killed while writing it leaves the old
# file whole.
#   tests/baseline/run.sh BINARY
set -u
bin=$(cd "$(dirname "${1:?uso: run.sh BINARIO}")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
failed=0
fail() { echo "FALLA baseline: $1"; failed=1; }
run() { env PREGON_TODAY=2026-01-15 "$bin" --format line --fail-on warning --baseline base.json "$@" post.md >out 2>err; }

printf 'AVISO: SE SUSPENDE EL SERVICIO de agua en la la colonia.\n' >post.md
run; st=$?
[ $st = 0 ] && [ ! -s out ] || fail "la primera vez debe registrar sin informar (estado $st)"
grep -q '2 hallazgos registrados' err || fail "no dice cuántos registró: $(cat err)"
grep -q '"huella"' base.json || fail "no escribió la línea base"
grep -q 'AVISO' base.json && fail "la línea base guarda texto de la publicación"
cp base.json first.json

run; st=$?
[ $st = 0 ] && [ ! -s out ] || fail "la segunda vez no debe informar nada (estado $st)"
cmp -s base.json first.json || fail "sin cambios, la línea base no debe reescribirse"

printf 'Buenos días.\n\n' | cat - post.md >p2 && mv p2 post.md
run; st=$?
[ $st = 0 ] && [ ! -s out ] || fail "las líneas desplazadas no son hallazgos nuevos: $(cat out)"

printf 'Visite atravez de la página.\n' >>post.md
run; st=$?
[ $st = 1 ] || fail "un hallazgo nuevo debe salir con estado 1 (estado $st)"
grep -q 'estilo.ortografia-frecuente' out || fail "no informó el hallazgo nuevo"
[ "$(wc -l <out)" = 1 ] || fail "informó hallazgos ya registrados: $(cat out)"
cmp -s base.json first.json || fail "sin --update-baseline la línea base no debe crecer"

sed -i 's/la la/la/' post.md
run; st=$?
[ "$(grep -c '"huella"' base.json)" = 1 ] || fail "corregido un hallazgo, la línea base debe reducirse"

run --update-baseline; st=$?
[ $st = 0 ] && [ ! -s out ] || fail "--update-baseline registra también los nuevos (estado $st)"
[ "$(grep -c '"huella"' base.json)" = 2 ] || fail "--update-baseline no registró el hallazgo nuevo"

# A run killed while writing (the file-size limit sends SIGXFSZ) must leave
# the old baseline whole.
cp base.json before.json
printf 'Otra vez atravez.\n' >>post.md
(ulimit -f 0; run --update-baseline) 2>/dev/null
cmp -s base.json before.json || fail "una escritura interrumpida dañó la línea base"

[ $failed = 0 ] && echo "baseline: registro, desplazamiento, solo nuevos, reducción, --update-baseline y escritura interrumpida"
exit $failed
