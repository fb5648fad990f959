#!/usr/bin/env bash
# El gancho de .pre-commit-hooks.yaml con pre-commit de verdad
# (`pre-commit try-repo`): un borrador con un error hace fallar el gancho y
# uno limpio lo deja pasar.  Sin pre-commit se omite con un aviso, salvo con
# PREGON_REQUIRE_ALL=1.
#
# Uso: bash tests/precommit/run.sh [PREGON]
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(cd "$root" && realpath "${1:-./pregon}")
if ! command -v pre-commit >/dev/null 2>&1 || ! command -v git >/dev/null 2>&1; then
    if [[ ${PREGON_REQUIRE_ALL:-0} == 1 ]]; then
        echo "pre-commit: falta pre-commit o git (PREGON_REQUIRE_ALL=1: falla)" >&2
        exit 1
    fi
    echo "pre-commit: aviso: falta pre-commit o git; se omite la prueba del gancho" >&2
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/repo"
# the hook runs `pregon`: this build, with its data next to it
ln -s "$bin" "$tmp/bin/pregon"
export PATH="$tmp/bin:$PATH" PREGON_DATA="$root" PRE_COMMIT_HOME="$tmp/cache"
cd "$tmp/repo" || exit 2
git init -q .
git config user.email prueba@example.org
git config user.name prueba
printf 'La CESPTE informa que mañana habrá agua en la colonia Centro.\n' >limpio.md
printf 'Usted es un pendejo.\n' >ofensivo.md
git add limpio.md ofensivo.md
failures=0
if ! pre-commit try-repo "$root" pregon --files limpio.md >"$tmp/ok.log" 2>&1; then
    echo "FALLA pre-commit: el borrador limpio no pasó" >&2
    cat "$tmp/ok.log" >&2
    failures=$((failures + 1))
fi
if pre-commit try-repo "$root" pregon --files ofensivo.md >"$tmp/bad.log" 2>&1 ||
    ! grep -q "ofensivo.insulto" "$tmp/bad.log"; then
    echo "FALLA pre-commit: el borrador con un insulto no hizo fallar el gancho" >&2
    cat "$tmp/bad.log" >&2
    failures=$((failures + 1))
fi
echo "pre-commit: 2 casos, $failures fallidos"
((failures == 0))
