#!/usr/bin/env bash
# The evaluation report in headless Chromium (tests/browser/informe.js).
# Without node it is skipped with a notice, and fails under
# PREGON_REQUIRE_ALL=1; the script itself skips without Chromium or the npm
# packages.
#   tests/cuentas/browser.sh BINARY
set -u
bin=${1:?uso: browser.sh BINARIO}
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v node >/dev/null; then
	echo "informe: se omite la prueba en navegador: falta node"
	[ "${PREGON_REQUIRE_ALL:-}" = 1 ] && exit 1
	exit 0
fi
NODE_PATH=$root/tests/node_modules exec node "$root/tests/browser/informe.js" "$bin"
