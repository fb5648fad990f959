#!/usr/bin/env bash
# Genera dictionaries/lugares-bc.dic y dictionaries/fuentes/lugares-bc.txt.
#
# Uso: dictionaries/generar-lugares.sh [CARPETA_DE_SALIDA]
#
#   Lee los asentamientos de Baja California del Catálogo Nacional de Códigos
#   Postales (SEPOMEX) en ../shared/corpus/places-bc/asentamientos-bc.tsv (otra
#   carpeta con PREGON_PLACES_DIR) y la lista fuentes/estados-y-ciudades.txt.
#   Escribe en CARPETA_DE_SALIDA (por omisión, la carpeta de este script):
#     fuentes/lugares-bc.txt  los nombres de SEPOMEX (asentamiento, municipio y
#                             ciudad), sin repetir, en orden de bytes;
#     lugares-bc.dic          las palabras de esos nombres y de los estados y
#                             ciudades que el diccionario es_MX del sistema no
#                             acepta, menos las de fuentes/lugares-bc-excluidas.tsv,
#                             las de menos de 3 letras, los números romanos y
#                             las que mezclan mayúsculas a media palabra.
#   El resultado depende solo de las entradas y del diccionario hunspell-es
#   instalado: con los mismos, se obtienen los mismos bytes.
set -euo pipefail

dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
places=${PREGON_PLACES_DIR:-$dir/../../shared/corpus/places-bc}
system_dic=${PREGON_HUNSPELL_ES:-/usr/share/hunspell/es_MX}
out=${1:-$dir}

tsv=$places/asentamientos-bc.tsv
if [[ ! -r $tsv ]]; then
    echo "generar-lugares.sh: no se puede leer $tsv" >&2
    exit 2
fi
if ! command -v hunspell >/dev/null 2>&1; then
    echo "generar-lugares.sh: falta el programa hunspell (paquete hunspell)" >&2
    exit 2
fi
if [[ ! -r $system_dic.dic || ! -r $system_dic.aff ]]; then
    echo "generar-lugares.sh: falta el diccionario $system_dic (paquete hunspell-es)" >&2
    exit 2
fi

mkdir -p "$out/fuentes"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. Nombres de SEPOMEX: columnas asentamiento (2), municipio (4) y ciudad (6).
{
    echo "# Nombres de asentamientos, municipios y ciudades de Baja California del"
    echo "# Catálogo Nacional de Códigos Postales (SEPOMEX, Correos de México), tomados de"
    echo "# shared/corpus/places-bc/asentamientos-bc.tsv. Generado por"
    echo "# dictionaries/generar-lugares.sh: no editar a mano."
    LC_ALL=C awk -F '\t' 'NR > 1 {
            for (i = 2; i <= 6; i += 2) {
                v = $i
                gsub(/^ +| +$/, "", v)
                if (v != "" && v != "null") print v
            }
        }' "$tsv" | LC_ALL=C sort -u
} >"$tmp/lugares-bc.txt"

# 2. Palabras: se parte por todo lo que no es letra (bytes ASCII que no son
#    letra; los caracteres no ASCII de estas fuentes son todos letras).
LC_ALL=C grep -hv '^#' "$tmp/lugares-bc.txt" "$dir/fuentes/estados-y-ciudades.txt" |
    LC_ALL=C tr -c 'A-Za-z\200-\377' '\n' |
    LC_ALL=C awk -v excl="$dir/fuentes/lugares-bc-excluidas.tsv" '
        BEGIN {
            FS = "\t"
            while ((getline line < excl) > 0)
                if (line !~ /^#/ && line != "") { split(line, f, "\t"); skip[f[1]] = 1 }
            close(excl)
        }
        $0 == "" { next }
        {
            t = $0
            n = gsub(/[\200-\277]/, "", t)      # bytes de continuación UTF-8
            if (length($0) - n < 3) next         # menos de 3 letras
            if ($0 ~ /^[IVXLCDM]+$/) next        # números romanos
            if ($0 ~ /[A-Z][A-Z]/ && $0 ~ /[a-z]/) next  # «VIllarreal»
            if ($0 in skip) next
            print
        }' |
    LC_ALL=C sort -u >"$tmp/palabras.txt"

# 3. Solo las que el diccionario del sistema no acepta.
LC_ALL=C.UTF-8 hunspell -i UTF-8 -d "$system_dic" -l <"$tmp/palabras.txt" |
    LC_ALL=C sort -u >"$tmp/nuevas.txt"

{
    wc -l <"$tmp/nuevas.txt" | tr -d ' '
    cat "$tmp/nuevas.txt"
} >"$tmp/lugares-bc.dic"

mv "$tmp/lugares-bc.txt" "$out/fuentes/lugares-bc.txt"
mv "$tmp/lugares-bc.dic" "$out/lugares-bc.dic"
