#!/usr/bin/env bash
# Precisión y exhaustividad de la ortografía en un conjunto de borradores
# municipales escritos para esto (borradores/), con sus faltas reales en
# esperado.tsv.  Falla si menos de 9 de cada 10 hallazgos de ortografía son
# faltas reales o si se escapa más de una de cada cinco faltas.
#
# Uso: bash tests/eval/ortografia/run.sh [PREGON]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:-$here/../../../pregon}

expected=$(grep -v '^#' "$here/esperado.tsv" | sort -u)
found=$("$bin" --format json "$here/borradores" |
    jq -r '.files[] | (.path | split("/") | last) as $f | .findings[]
           | select(.category == "spelling") | "\($f)\t\(.text)"' | sort -u) || true

count() { [[ -z $1 ]] && echo 0 || printf '%s\n' "$1" | wc -l; }
hits=$(comm -12 <(printf '%s\n' "$expected") <(printf '%s\n' "$found"))
n_found=$(count "$found")
n_expected=$(count "$expected")
n_hits=$(count "$hits")

echo "ortografía (evaluación): $n_hits de $n_found hallazgos son faltas reales; $n_hits de $n_expected faltas encontradas"
comm -13 <(printf '%s\n' "$expected") <(printf '%s\n' "$found") | sed 's/^/  falsa alarma: /'
comm -23 <(printf '%s\n' "$expected") <(printf '%s\n' "$found") | sed 's/^/  no encontrada: /'

# precisión >= 0.9 y exhaustividad >= 0.8, en enteros
if ((n_hits * 10 < n_found * 9 || n_hits * 5 < n_expected * 4)); then
    echo "ortografía (evaluación): por debajo de la meta (precisión 0.9, exhaustividad 0.8)" >&2
    exit 1
fi
