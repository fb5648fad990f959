#!/usr/bin/env bash
# The language server (`pregon lsp`) with real clients: Neovim's built-in
# LSP client (headless), vscode-jsonrpc from Node, and hand-made messages
# for the protocol's error cases and a long session.  A missing tool
# (node, the npm packages, nvim) skips its part with a notice, and fails
# under PREGON_REQUIRE_ALL=1.  With LSP_VALGRIND set (make valgrind) the
# server runs under it, for the robustness cases and a shorter session.
#   tests/lsp/run.sh PREGON_BINARY
set -u
bin=$(realpath "${1:?uso: run.sh BINARIO_PREGON}")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
status=0
skip() {
	echo "lsp: se omite $1"
	[ "${PREGON_REQUIRE_ALL:-}" = 1 ] && status=1
}
run() { # NAME COMMAND...: the command's lines, indented, on failure
	local name=$1 out
	shift
	if out=$(timeout 600 "$@" 2>&1); then
		echo "lsp: $name: $(grep -c '^ok' <<<"$out") comprobaciones correctas"
	else
		echo "FALLA lsp: $name"
		sed 's/^/    /' <<<"$out"
		status=1
	fi
}
if ! command -v node >/dev/null; then
	skip "todo: falta node"
	exit $status
fi
# valgrind's and ASan's bookkeeping, not the server, set the resident
# memory there: their leak checks stand in for the memory bound
if [ -n "${LSP_VALGRIND:-}" ] || grep -qa __asan_init "$bin"; then
	export LSP_NO_RSS=1
fi
if [ -n "${LSP_VALGRIND:-}" ]; then
	run "robustez (valgrind)" node "$here/robustness.js" "$bin"
	run "sesión larga (valgrind)" node "$here/memory.js" "$bin" 300
	exit $status
fi
run robustez node "$here/robustness.js" "$bin"
run "sesión larga" node "$here/memory.js" "$bin"
if [ -d "$root/tests/node_modules/vscode-jsonrpc" ]; then
	run vscode-jsonrpc env NODE_PATH="$root/tests/node_modules" node "$here/client.js" "$bin"
else
	skip "el cliente vscode-jsonrpc: faltan los paquetes de npm (npm ci --prefix tests)"
fi
if command -v nvim >/dev/null; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	mkdir "$tmp/.git"
	printf 'version: 1\n' >"$tmp/.pregon.yaml"
	printf -- '---\nfecha: 2026-03-10\nplataforma: facebook\n---\n%s\n%s\n' \
		'Hola 👋 vecinos: la atencion es gratuita en el kiosko del parque.' 'Gracias.' >"$tmp/aviso.md"
	run neovim env -C "$tmp" LSP_CMD="$bin lsp" nvim --headless -u NONE -i NONE -n \
		-c "luafile $here/neovim.lua" aviso.md
else
	skip "la prueba con Neovim: falta nvim (paquete neovim)"
fi
exit $status
