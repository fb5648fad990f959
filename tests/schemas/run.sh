#!/usr/bin/env bash
# The SARIF and rdjson of every golden case (tests/golden, tests/golden-formats)
# validated against the schemas in ../shared/schemas with ajv (tests/package.json).
# Without node, the npm packages or ../shared it is skipped with a notice, and
# fails under PREGON_REQUIRE_ALL=1.
# With PREGON_BINARY, the registry's findings (pregon accounts) as well.
#   tests/schemas/run.sh GOLDEN_BINARY [PREGON_BINARY]
set -u
golden=${1:?uso: run.sh BINARIO_GOLDEN [BINARIO_PREGON]}
pregon=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
schemas=$root/../shared/schemas
skip() {
	echo "esquemas: se omite la validación: $1"
	[ "${PREGON_REQUIRE_ALL:-}" = 1 ] && exit 1
	exit 0
}
command -v node >/dev/null || skip "falta node"
[ -d "$root/tests/node_modules/ajv-draft-04" ] || skip "faltan los paquetes de npm (npm ci --prefix tests)"
[ -f "$schemas/sarif-schema-2.1.0.json" ] || skip "falta ../shared/schemas"
cd "$root" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for pair in "sarif:sarif-schema-2.1.0.json" "rdjson:reviewdog/DiagnosticResult.json"; do
	format=${pair%%:*} schema=$schemas/${pair#*:}
	mkdir "$tmp/$format"
	"$golden" --emit "$format" "$tmp/$format" tests/golden tests/golden-formats >/dev/null || status=1
	if [ -n "$pregon" ]; then
		PREGON_TODAY=2026-01-15 "$pregon" accounts --format "$format" tests/cuentas/data/cuentas.yaml \
			tests/cuentas/data/publicaciones >"$tmp/$format/cuentas.json"
		[ $? = 1 ] || status=1
	fi
	NODE_PATH=$root/tests/node_modules node "$here/validate.js" "$schema" "$tmp/$format" || status=1
done
# The validator must be real: an unencoded «ñ» in a URI is refused.
mkdir "$tmp/bad"
sed 's|"uri": "tests/golden-formats/campa%C3%B1a/|"uri": "tests/golden-formats/campaña/|' \
	"$(grep -l 'campa%C3%B1a' "$tmp"/sarif/*.json | head -1)" >"$tmp/bad/bad.json"
if NODE_PATH=$root/tests/node_modules node "$here/validate.js" \
	"$schemas/sarif-schema-2.1.0.json" "$tmp/bad" >/dev/null; then
	echo "FALLA esquemas: se aceptó una URI con «ñ» sin codificar"
	status=1
fi
exit $status
