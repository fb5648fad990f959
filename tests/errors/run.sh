#!/usr/bin/env bash
# Golden error tests: each cases/NAME.args holds the arguments of one run of
# pregon (shell words, from the repository root).  Expected: NAME.status (exit
# status), NAME.stderr (exact standard error), and NAME.stdout when the run
# must print something (without it, standard output must be empty: no partial
# report).  Optional: NAME.stdin (standard input) and NAME.redirect (a path
# standard output goes to, such as /dev/full).
#   tests/errors/run.sh BINARY           run every case
#   tests/errors/run.sh BINARY --update  rewrite the expected files
# PREGON_CASES names another folder of cases (tests/cuentas/cases).
set -u
bin=${1:?uso: run.sh BINARIO [--update]}
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
total=0 failed=0
for args_file in "${PREGON_CASES:-$here/cases}"/*.args; do
	name=${args_file%.args}
	base=$(basename "$name")
	total=$((total + 1))
	eval "set -- $(cat "$args_file")"
	stdin=/dev/null
	[ -f "$name.stdin" ] && stdin=$name.stdin
	out=$tmp/out
	[ -f "$name.redirect" ] && out=$(cat "$name.redirect")
	env PREGON_TODAY=2026-01-15 NO_COLOR=1 "$bin" "$@" <"$stdin" >"$out" 2>"$tmp/err"
	status=$?
	[ "$out" = "$tmp/out" ] || : >"$tmp/out"
	if [ "$update" = --update ]; then
		echo "$status" >"$name.status"
		cp "$tmp/err" "$name.stderr"
		if [ -s "$tmp/out" ]; then cp "$tmp/out" "$name.stdout"; else rm -f "$name.stdout"; fi
		continue
	fi
	ok=1
	if [ "$status" != "$(cat "$name.status")" ]; then
		echo "FALLA $base: estado $status, se esperaba $(cat "$name.status")"
		ok=0
	fi
	if ! diff -u "$name.stderr" "$tmp/err" >"$tmp/diff"; then
		echo "FALLA $base: la salida de errores difiere"
		cat "$tmp/diff"
		ok=0
	fi
	expected_out=/dev/null
	[ -f "$name.stdout" ] && expected_out=$name.stdout
	if ! diff -u "$expected_out" "$tmp/out" >"$tmp/diff"; then
		echo "FALLA $base: la salida estándar difiere"
		cat "$tmp/diff"
		ok=0
	fi
	[ $ok = 1 ] || failed=$((failed + 1))
done
echo "errores: $total casos, $failed fallidos"
[ "$failed" = 0 ] && [ "$total" -gt 0 ]
