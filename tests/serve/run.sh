#!/usr/bin/env bash
# `pregon serve`: its command-line errors, then a server on a free loopback
# port driven by node: the API's contract and safety (api.js), a bounded
# burst of concurrent requests with the server's memory compared before and
# after (load.js), and headless Chromium on the page (browser.js); a second
# server with --token.  Each server must stop cleanly on SIGTERM.
#   tests/serve/run.sh BINARY
# SERVE_WRAPPER (e.g. valgrind) runs the server under it, for the API only.
# Without node the server tests are skipped with a notice, and fail under
# PREGON_REQUIRE_ALL=1; browser.js skips by itself without Chromium.
set -u
bin=${1:?uso: run.sh BINARIO}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
wrapper=${SERVE_WRAPPER:-}
tmp=$(mktemp -d)
server_pid=
stop_server() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null
		wait "$server_pid" 2>/dev/null
	fi
}
trap 'stop_server; rm -rf "$tmp"' EXIT
status=0
fail() {
	echo "FALLA serve: $1"
	status=1
}

# Usage errors: exit 2, a Spanish message, nothing on standard output.
expect_usage() {
	local want=$1
	shift
	"$bin" serve "$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	if [ $rc -ne 2 ] || [ -s "$tmp/out" ] || ! grep -q -- "$want" "$tmp/err"; then
		fail "pregon serve $*: estado $rc, se esperaba 2 y «$want»: $(cat "$tmp/err")"
	fi
}
expect_usage "opción desconocida «--port»" --port 80
expect_usage "dirección no válida «127.0.0.1»" --listen 127.0.0.1
expect_usage "dirección no válida «tecate.gob.mx:80»" --listen tecate.gob.mx:80
expect_usage "dirección no válida «127.0.0.1:99999»" --listen 127.0.0.1:99999
expect_usage "no es la interfaz local" --listen 0.0.0.0:0
expect_usage "demasiado corto" --listen 0.0.0.0:0 --token corto
expect_usage "requiere un valor" --listen
expect_usage "no lleva valor" --no-config=1
"$bin" serve --help | grep -q -- "--listen" || fail "pregon serve --help no menciona --listen"

skip() {
	echo "serve: se omiten las pruebas del servidor: $1"
	[ "${PREGON_REQUIRE_ALL:-}" = 1 ] && exit 1
	exit $status
}
command -v node >/dev/null || skip "falta node"

# Start a server on a free port; $url is where it listens.
start_server() {
	: >"$tmp/serve.out"
	PREGON_TODAY=2026-03-10 $wrapper "$bin" serve --listen 127.0.0.1:0 --no-config "$@" \
		>"$tmp/serve.out" 2>"$tmp/serve.err" &
	server_pid=$!
	url=
	# a generous bound on the start (rules and dictionaries load once,
	# slowly under valgrind): it only catches a server that never starts
	for _ in $(seq 1200); do
		url=$(grep -o 'http://[^ ]*/' "$tmp/serve.out")
		[ -n "$url" ] && return 0
		kill -0 "$server_pid" 2>/dev/null || break
		sleep 0.1
	done
	fail "el servidor no arrancó: $(cat "$tmp/serve.err")"
	server_pid=
	return 1
}

# SIGTERM stops it with status 0 (under valgrind, 0 also means no error
# and no leak); it printed nothing but its address.
stop_checked() {
	kill "$server_pid"
	wait "$server_pid"
	local rc=$?
	server_pid=
	[ $rc -eq 0 ] || fail "el servidor terminó con estado $rc: $(cat "$tmp/serve.err")"
	[ "$(wc -l <"$tmp/serve.out")" -eq 1 ] || fail "el servidor escribió más que su dirección"
	[ -s "$tmp/serve.err" ] && fail "el servidor escribió en la salida de errores: $(cat "$tmp/serve.err")"
}

export NODE_PATH=$root/tests/node_modules
[ -n "$wrapper" ] && export SERVE_SLOW=1
export PREGON_BIN=$bin
cd "$root" || exit 2
if start_server; then
	taken=${url#http://}
	expect_usage "no se puede escuchar en «${taken%/}»: la dirección ya está en uso" --listen "${taken%/}"
	node "$here/api.js" "$url" || fail "api.js"
	if [ -z "$wrapper" ]; then
		node "$here/load.js" "$url" "$server_pid" || fail "load.js"
		node "$here/browser.js" "$url" || fail "browser.js"
	fi
	stop_checked
fi
token=pregon-prueba-$$-0123456789abcdef
if start_server --token "$token"; then
	PREGON_TOKEN=$token node "$here/api.js" "$url" || fail "api.js con --token"
	stop_checked
fi
[ $status -eq 0 ] && echo "serve: la línea de órdenes, la API, la carga y la página responden como se espera"
exit $status
