#!/usr/bin/env bash
# --fix and --diff on tests/fix/aviso.md: the diff is aviso.diff, the fixed
# file is aviso.corregido.md, fixing it again changes nothing, --diff and a
# plain check never touch the file.
#   tests/fix/run.sh BINARY
set -u
bin=${1:?uso: run.sh BINARIO}
cd "$(dirname "$0")/../.." || exit 2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FALLA $1"; failed=$((failed + 1)); }
here=tests/fix
"$bin" --no-config --diff "$here/aviso.md" >"$tmp/diff"
[ $? = 1 ] || fail "--diff con cambios debe salir con 1"
diff -u "$here/aviso.diff" "$tmp/diff" || fail "el diff difiere"
mkdir "$tmp/repo" && cp "$here/aviso.md" "$tmp/repo/aviso.md"
chmod 640 "$tmp/repo/aviso.md"
(cd "$tmp/repo" && "$bin" --no-config --diff aviso.md >/dev/null; "$bin" --no-config aviso.md >/dev/null)
cmp -s "$here/aviso.md" "$tmp/repo/aviso.md" || fail "--diff o una revisión modificaron el archivo"
(cd "$tmp/repo" && "$bin" --no-config --fix aviso.md >/dev/null)
cmp -s "$here/aviso.corregido.md" "$tmp/repo/aviso.md" || fail "--fix no dejó aviso.corregido.md"
[ "$(stat -c %a "$tmp/repo/aviso.md")" = 640 ] || fail "--fix cambió los permisos"
[ "$(ls -A "$tmp/repo")" = aviso.md ] || fail "quedó un archivo temporal: $(ls -A "$tmp/repo")"
before=$(stat -c %Y.%i "$tmp/repo/aviso.md")
sleep 1
(cd "$tmp/repo" && "$bin" --no-config --fix aviso.md >/dev/null)
cmp -s "$here/aviso.corregido.md" "$tmp/repo/aviso.md" || fail "corregir dos veces cambió el texto"
[ "$before" = "$(stat -c %Y.%i "$tmp/repo/aviso.md")" ] || fail "corregir dos veces reescribió el archivo"
out=$(cd "$tmp/repo" && "$bin" --no-config --diff aviso.md)
[ $? = 0 ] && [ -z "$out" ] || fail "--diff de un archivo corregido debe estar vacío y salir con 0"
# standard input is never written; --diff shows its changes
out=$("$bin" --no-config --diff --stdin-filename nuevo.md <"$here/aviso.md")
grep -q '^+++ b/nuevo.md$' <<<"$out" || fail "--diff de la entrada estándar"
echo "correcciones: $failed fallos"
[ "$failed" = 0 ]
