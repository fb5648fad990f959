#!/usr/bin/env bash
# pregon comments: text and JSON listings of tests/comments/comentarios.jsonl
# against the expected files, personal data masked, the exit status (1: some
# comment to block), and bad input or usage: a message with
# ruta:línea:columna on stderr, status 2 and nothing on stdout.
#   tests/comments/run.sh BINARY
set -u
VALGRIND=${VALGRIND:-}
bin=$(cd "$(dirname "${1:?uso: run.sh BINARIO}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FALLA comments: $1"; failed=1; }

cd "$here" || exit 2
for fmt in text json; do
	$VALGRIND "$bin" comments --format $fmt comentarios.jsonl >"$tmp/out" 2>"$tmp/err"; st=$?
	[ $st = 1 ] || fail "$fmt: estado $st, se esperaba 1 ($(cat "$tmp/err"))"
	diff -u "expected.$fmt" "$tmp/out" || fail "$fmt: la salida difiere de expected.$fmt"
	grep -q '2044\|MBCRPS' "$tmp/out" && fail "$fmt: muestra un dato personal sin máscara"
done
# standard input, and a file with nothing to block
printf 'Buenos días, ¿dónde pago el predial?\n' | $VALGRIND "$bin" comments >"$tmp/out" 2>&1; st=$?
[ $st = 0 ] || fail "sin comentarios que bloquear el estado debe ser 0 (estado $st)"
grep -q '^-:1: responder: Buenos días' "$tmp/out" || fail "entrada estándar: $(cat "$tmp/out")"

# bad input and usage
bad() { # NAME EXPECTED-STDERR INPUT ARGS...
	local name=$1 want=$2 input=$3
	shift 3
	printf '%b' "$input" | $VALGRIND "$bin" comments "$@" >"$tmp/out" 2>"$tmp/err"; st=$?
	[ $st = 2 ] || fail "$name: estado $st, se esperaba 2"
	[ -s "$tmp/out" ] && fail "$name: escribió en la salida estándar: $(cat "$tmp/out")"
	[ "$(cat "$tmp/err")" = "$want" ] || fail "$name: «$(cat "$tmp/err")» en lugar de «$want»"
}
bad json-roto '-:2:21: error: JSON no válido: '"'"'}'"'"' expected near end of file; escriba un objeto por línea con «id» y «text»' \
	'hola\n{"id": 1, "text": "x"\n'
bad sin-text '-:1:1: error: al comentario le falta «text» (un texto); escriba un objeto por línea con «id» y «text»' \
	'{"id": 1, "texto": "x"}\n'
bad id-no-valido '-:1:1: error: «id» debe ser un texto o un número; escriba un objeto por línea con «id» y «text»' \
	'{"id": [1], "text": "x"}\n'
bad utf8 '-:1:3: error: secuencia UTF-8 inválida en el byte 2; guarde el archivo como UTF-8 sin bytes nulos' \
	'ab\xff\n'
try_help='Pruebe «pregon comments --help» para más información.'
bad opcion "pregon comments: error: opción desconocida «--bogus»
$try_help" '' --bogus
bad opcion-parecida "pregon comments: error: opción desconocida «--formt»; ¿quiso decir «--format»?
$try_help" '' --formt json
bad formato "pregon comments: error: formato desconocido «xml»; use text o json
$try_help" '' --format xml
bad dos-archivos "pregon comments: error: sobra «b»: se revisa un solo archivo de comentarios
$try_help" '' a b
bad sin-valor "pregon comments: error: la opción «--format» requiere un valor (text|json)
$try_help" '' --format
bad no-existe 'no-existe.txt: error: no existe el archivo o la carpeta' '' no-existe.txt
bad carpeta '.: error: es una carpeta' '' .

[ $failed = 0 ] && echo "comments: listados text y json, datos enmascarados, entrada estándar y 11 errores de entrada y de uso"
exit $failed
