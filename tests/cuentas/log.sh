#!/usr/bin/env bash
# The activity log (--log): one line per checked post with the documented
# fields and no personal data; several processes appending at once lose
# and mix no line; `pregon report` reads back what they wrote.
#   tests/cuentas/log.sh BINARY
set -u
bin=${1:?uso: log.sh BINARIO}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
posts=tests/cuentas/data/publicaciones
n_posts=$(find "$posts" -name '*.md' | wc -l)
failed=0
fail() {
	echo "FALLA bitácora: $1"
	failed=1
}

PREGON_TODAY=2026-01-15 "$bin" --no-config --quiet --log "$tmp/uno.jsonl" "$posts" >/dev/null
[ "$(wc -l <"$tmp/uno.jsonl")" = "$n_posts" ] || fail "se esperaban $n_posts líneas"
line=$(grep -F '07-10-datos.md' "$tmp/uno.jsonl")
for key in hora ruta huella cuenta fecha plataforma puntuacion veredicto reglas; do
	grep -q "\"$key\":" <<<"$line" || fail "falta la clave «$key»"
done
grep -q '"huella":"sha256:[0-9a-f]\{64\}"' <<<"$line" || fail "la huella no es un SHA-256"
grep -q '"reglas":\[[^]]*"datos-personales.curp"' <<<"$line" || fail "faltan las reglas que marcaron"
grep -q 'GODE\|561231' "$tmp/uno.jsonl" && fail "la bitácora contiene un dato personal"

# eight processes at once, each a whole folder, into one file
for i in 1 2 3 4 5 6 7 8; do
	PREGON_TODAY=2026-01-15 "$bin" --no-config --quiet --log "$tmp/muchos.jsonl" "$posts" >/dev/null &
done
wait
[ "$(wc -l <"$tmp/muchos.jsonl")" = $((8 * n_posts)) ] || fail "se perdieron o mezclaron líneas con varios procesos"
# every line must read back as an entry (report refuses anything else)
PREGON_TODAY=2026-01-15 "$bin" report --no-config --format json --log "$tmp/muchos.jsonl" \
	"$posts" >"$tmp/informe.json" || fail "pregon report no lee la bitácora escrita a la vez"
grep -q "\"log_entries\": $((8 * n_posts))" "$tmp/informe.json" || fail "el informe no cuenta todas las líneas"

# a log that cannot be written is exit 2, with the report still printed
PREGON_TODAY=2026-01-15 "$bin" --no-config --log "$tmp/no/existe.jsonl" "$posts/2025/07-01-aviso.md" \
	>"$tmp/out" 2>"$tmp/err"
[ $? = 2 ] || fail "una bitácora que no se puede escribir no sale con 2"
grep -q 'no se puede escribir la bitácora' "$tmp/err" || fail "falta el mensaje de la bitácora"
[ -e "$tmp/no" ] && fail "se creó una carpeta que nadie pidió"

[ $failed = 0 ] && echo "bitácora: $n_posts líneas por revisión, 8 procesos a la vez sin perder líneas, sin datos personales"
exit $failed
