#!/usr/bin/env bash
# --format github inside GitHub Actions: with more findings than GitHub
# annotates, a closing ::notice and a table appended to GITHUB_STEP_SUMMARY;
# with few, no summary.
#   tests/formats/run.sh BINARY
set -u
bin=${1:?uso: run.sh BINARIO}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FALLA formatos: $1"; failed=1; }
many=tests/golden-formats/muchos.md
export PREGON_TODAY=2026-01-15 GITHUB_STEP_SUMMARY=$tmp/summary.md
echo "# antes" >"$GITHUB_STEP_SUMMARY"
"$bin" --config tests/golden-formats/.pregon.yaml --format github "$many" >"$tmp/out"
tail -1 "$tmp/out" | grep -q '^::notice title=pregon::24 hallazgos en total' ||
	fail "falta el aviso final: $(tail -1 "$tmp/out")"
head -1 "$GITHUB_STEP_SUMMARY" | grep -q '^# antes$' || fail "el resumen del paso se reemplazó en vez de añadirse"
[ "$(grep -c "^| $many | " "$GITHUB_STEP_SUMMARY")" = 25 ] ||
	fail "el resumen no tiene el archivo y sus 24 hallazgos"
: >"$GITHUB_STEP_SUMMARY"
"$bin" --format github tests/errors/data/caps.md >"$tmp/out"
[ ! -s "$GITHUB_STEP_SUMMARY" ] || fail "con pocos hallazgos no hace falta resumen"
grep -q '::notice title=pregon' "$tmp/out" && fail "aviso final sin exceso de hallazgos"
GITHUB_STEP_SUMMARY=$tmp/no/such/dir/summary.md "$bin" --config tests/golden-formats/.pregon.yaml \
	--format github "$many" >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q 'no se pudo escribir el resumen del paso' "$tmp/err" ||
	fail "un resumen que no se puede escribir debe salir con estado 2"
[ $failed = 0 ] && echo "formatos: github con resumen del paso y aviso final"
exit $failed
