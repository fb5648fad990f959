#!/usr/bin/env bash
# --print-config names the configuration a path gets and where each value
# comes from.  The data directory is absolute, so the output is checked line
# by line instead of against a file.
#   tests/config/print-config.sh BINARY
set -u
bin=${1:?uso: print-config.sh BINARIO}
cd "$(dirname "$0")/../.." || exit 2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
d=tests/errors/data/descubrimiento
failed=0
expect() { # expect NAME PATTERN OUTPUT
	if ! grep -qF -- "$2" <<<"$3"; then
		echo "FALLA $1: falta «$2»"
		failed=$((failed + 1))
	fi
}
out=$("$bin" --print-config "$d/anidada/sub/cercana.md") || failed=$((failed + 1))
expect anidada "# configuración: encontrada al subir desde «$d/anidada/sub/cercana.md»" "$out"
expect anidada "archivo: \"$d/anidada/sub/.pregon.yaml\"" "$out"
expect anidada "umbral_revision: 70  # valor predeterminado" "$out"
expect anidada "estilo.palabra-duplicada: {activa: true, severidad: error, peso: 5}" "$out"
expect anidada "rules/estilo.yaml:" "$out"
expect anidada ", $d/anidada/sub/.pregon.yaml:4:3" "$out"
out=$("$bin" --print-config "$d/anidada/intermedia.md") || failed=$((failed + 1))
expect intermedia "archivo: \"$d/.pregon.yaml\"" "$out"
expect intermedia "umbral_revision: 95  # $d/.pregon.yaml:4:18" "$out"
out=$("$bin" --print-config --stdin-filename "$d/raiz.md" </dev/null) || failed=$((failed + 1))
expect stdin "# configuración: encontrada al subir desde «$d/raiz.md»" "$out"
out=$(cd "$d/anidada/sub" && "$bin" --print-config) || failed=$((failed + 1))
expect carpeta-actual "# configuración: encontrada al subir desde «.»" "$out"
expect carpeta-actual "archivo: \".pregon.yaml\"" "$out"
out=$("$bin" --print-config --no-config "$d/raiz.md") || failed=$((failed + 1))
expect sin-configuracion "# configuración: ninguna: se pidió --no-config" "$out"
expect sin-configuracion "archivo: null" "$out"
out=$("$bin" --print-config tests/errors/data/good.md) || failed=$((failed + 1))
expect hasta-la-raiz "ninguna: no hay .pregon.yaml entre «tests/errors/data/good.md» y la raíz del repositorio" "$out"
out=$("$bin" --print-config --config "$d/.pregon.yaml" "$d/anidada/sub/cercana.md") || failed=$((failed + 1))
expect config "# configuración: indicada con --config" "$out"
expect config "archivo: \"$d/.pregon.yaml\"" "$out"
echo "print-config: $failed fallos"
[ "$failed" = 0 ]
