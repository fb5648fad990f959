#!/usr/bin/env bash
# Comprueba los diccionarios de pregon (dictionaries/*.dic).
#
# Uso: bash tests/dictionaries/check.sh      (desde cualquier carpeta)
#
#   Falla (código 1), diciendo archivo y palabra, cuando:
#     - falta la primera línea con el número aproximado de palabras, o no es
#       un número;
#     - una línea está vacía, tiene espacios o no es UTF-8 válido;
#     - una marca de afijo no está definida en es_MX.aff;
#     - una palabra (lo que va antes de «/») se repite en el mismo .dic;
#     - una palabra no está en su lista de fuentes de dictionaries/fuentes/
#       (X.dic -> fuentes/X.tsv, primera columna, o fuentes/X.txt, cualquier
#       palabra; lugares-bc.dic también -> fuentes/estados-y-ciudades.txt);
#     - una fila de una fuente .tsv no dice de dónde viene (segunda columna),
#       una voz de fuentes/mexicanismos.tsv no cita DLE Méx., DLE gentilicio,
#       DEM o AML, una de fuentes/general.tsv no cita DLE, DCI o gentilicio, o una palabra de fuentes/lugares-bc-excluidas.tsv no tiene
#       motivo o figura en lugares-bc.dic;
#     - con ../shared/corpus/places-bc presente, dictionaries/generar-lugares.sh
#       no reproduce byte a byte lugares-bc.dic y fuentes/lugares-bc.txt;
#     - con hunspell, el diccionario del sistema más todos los .dic no aceptan
#       alguna palabra de tests/dictionaries/aceptadas.txt o aceptan alguna de
#       tests/dictionaries/rechazadas.txt.
#   Sin ../shared o sin el programa hunspell, esas dos últimas comprobaciones
#   se omiten con un aviso; con PREGON_REQUIRE_ALL=1 omitirlas es un fallo.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root" || exit 2

system_dic=${PREGON_HUNSPELL_ES:-/usr/share/hunspell/es_MX}
places=${PREGON_PLACES_DIR:-$root/../shared/corpus/places-bc}
places_shown=${PREGON_PLACES_DIR:-../shared/corpus/places-bc}
require_all=${PREGON_REQUIRE_ALL:-0}

checks=0
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "check.sh: $*" >&2
    failures=$((failures + 1))
}

skip() {
    if [[ $require_all == 1 ]]; then
        fail "$* (PREGON_REQUIRE_ALL=1: no se puede omitir)"
    else
        echo "check.sh: aviso: $*" >&2
    fi
}

# Marcas de afijos definidas en el .aff del sistema (FLAG UTF-8: un carácter).
flags_ok=
if [[ -r $system_dic.aff ]]; then
    flags_ok=$(LC_ALL=C awk '/^(PFX|SFX) [^ ]+ [YN] [0-9]+/ { printf "%s", $2 }' "$system_dic.aff")
else
    skip "no se puede leer $system_dic.aff: no se comprueban las marcas de afijos"
fi

# words_of FILE...: las palabras de las fuentes, una por línea.
words_of() {
    local f
    for f in "$@"; do
        case $f in
        *.tsv) LC_ALL=C awk -F '\t' '!/^#/ && $1 != "" { print $1 }' "$f" ;;
        *) LC_ALL=C grep -v '^#' "$f" | LC_ALL=C tr -c 'A-Za-z\200-\377' '\n' | LC_ALL=C grep -v '^$' ;;
        esac
    done
}

shopt -s nullglob
dics=(dictionaries/*.dic)
if ((${#dics[@]} == 0)); then
    fail "no hay ningún dictionaries/*.dic"
fi

for dic in "${dics[@]}"; do
    base=$(basename "$dic" .dic)
    checks=$((checks + 1))

    if ! iconv -f UTF-8 -t UTF-8 "$dic" >/dev/null 2>&1; then
        fail "$dic: no es UTF-8 válido"
        continue
    fi

    first=$(head -n 1 "$dic")
    if [[ -z $first ]]; then
        fail "$dic:1: falta la línea con el número de palabras"
    elif ! [[ $first =~ ^[0-9]+$ ]]; then
        fail "$dic:1: la primera línea debe ser el número de palabras, no «$first»"
    else
        n=$(tail -n +2 "$dic" | wc -l | tr -d ' ')
        if ((first != n)); then
            echo "check.sh: aviso: $dic:1: dice $first palabras y tiene $n" >&2
        fi
    fi

    # Fuentes de este diccionario.
    sources=()
    [[ -f dictionaries/fuentes/$base.tsv ]] && sources+=("dictionaries/fuentes/$base.tsv")
    [[ -f dictionaries/fuentes/$base.txt ]] && sources+=("dictionaries/fuentes/$base.txt")
    case $base in
    lugares-bc) sources+=(dictionaries/fuentes/estados-y-ciudades.txt) ;;
    esac
    if ((${#sources[@]} == 0)); then
        fail "$dic: no tiene lista de fuentes (dictionaries/fuentes/$base.tsv o .txt)"
    fi
    for src in "${sources[@]}"; do
        if [[ ! -r $src ]]; then
            fail "$dic: no se puede leer su fuente $src"
        elif [[ $src == *.tsv ]]; then
            LC_ALL=C awk -F '\t' -v f="$src" '
                !/^#/ && $0 != "" && ($1 == "" || $2 == "") {
                    printf "check.sh: %s:%d: la fila no dice de dónde viene la palabra «%s»\n", f, NR, $1
                    bad++
                }
                END { exit (bad > 255 ? 255 : bad) }' "$src" >&2
            failures=$((failures + $?))
        fi
    done
    words_of "${sources[@]}" 2>/dev/null | LC_ALL=C sort -u >"$tmp/fuente"

    # Una línea por palabra: forma, repetidas, marcas y fuente.
    tail -n +2 "$dic" | LC_ALL=C awk -v dic="$dic" -v src="$tmp/fuente" \
        -v flags="$flags_ok" -v aff="$(basename "$system_dic").aff" '
        BEGIN { while ((getline w < src) > 0) known[w] = 1 }
        {
            ln = NR + 1
            if ($0 == "") { printf "check.sh: %s:%d: línea vacía\n", dic, ln; bad++; next }
            if ($0 ~ /[ \t\r]/) { printf "check.sh: %s:%d: la línea tiene espacios: «%s»\n", dic, ln, $0; bad++; next }
            stem = $0; sub(/\/.*/, "", stem)
            if (stem == "") { printf "check.sh: %s:%d: falta la palabra antes de «/»\n", dic, ln; bad++; next }
            if (stem in seen) {
                printf "check.sh: %s:%d: «%s» repetida (ya en la línea %d)\n", dic, ln, stem, seen[stem]; bad++
            } else seen[stem] = ln
            if (!(stem in known)) {
                printf "check.sh: %s:%d: «%s» no está en su lista de fuentes\n", dic, ln, stem; bad++
            }
            # Marcas: cada carácter UTF-8 tras «/» debe estar definido en el .aff.
            marks = $0
            if (flags == "" || !sub(/^[^\/]*\//, "", marks)) next
            while (marks != "") {
                if (!match(marks, /^([\001-\177]|[\300-\337][\200-\277]|[\340-\357][\200-\277][\200-\277]|[\360-\367][\200-\277][\200-\277][\200-\277])/)) {
                    printf "check.sh: %s:%d: marcas de «%s» no son UTF-8 válido\n", dic, ln, stem; bad++; break
                }
                m = substr(marks, 1, RLENGTH); marks = substr(marks, RLENGTH + 1)
                if (index(flags, m) == 0) {
                    printf "check.sh: %s:%d: «%s» usa la marca «%s», que no está en %s\n", dic, ln, stem, m, aff; bad++
                }
            }
        }
        END { exit (bad > 255 ? 255 : bad) }' >&2
    failures=$((failures + $?))

done

# Las palabras excluidas de lugares-bc.dic tienen motivo y no están en él.
checks=$((checks + 1))
excl=dictionaries/fuentes/lugares-bc-excluidas.tsv
if [[ ! -r $excl ]]; then
    fail "no se puede leer $excl"
else
    LC_ALL=C awk -F '\t' -v f="$excl" -v dic=dictionaries/lugares-bc.dic '
        BEGIN { getline w < dic; while ((getline w < dic) > 0) { sub(/\/.*/, "", w); in_dic[w] = 1 } }
        /^#/ || $0 == "" { next }
        $2 == "" { printf "check.sh: %s:%d: «%s» no dice por qué se excluye\n", f, NR, $1; bad++ }
        $1 in in_dic { printf "check.sh: %s:%d: «%s» está excluida pero figura en %s\n", f, NR, $1, dic; bad++ }
        END { exit (bad > 255 ? 255 : bad) }' "$excl" >&2
    failures=$((failures + $?))
fi

# Las voces de mexicanismos.tsv y general.tsv citan una de las fuentes
# admitidas para cada lista.
cited_sources() { # ARCHIVO FUENTE...
    local file=$1
    shift
    checks=$((checks + 1))
    [[ -r $file ]] || return 0
    LC_ALL=C awk -F '\t' -v f="$file" -v allowed="$(printf '%s\n' "$@")" '
        BEGIN { n = split(allowed, a, "\n"); for (i = 1; i <= n; i++) if (a[i] != "") ok[a[i]] = 1
                gsub(/\n/, ", ", allowed); sub(/, $/, "", allowed) }
        /^#/ || $0 == "" { next }
        !($2 in ok) { printf "check.sh: %s:%d: «%s» cita «%s»; debe ser %s\n", f, NR, $1, $2, allowed; bad++ }
        END { exit (bad > 255 ? 255 : bad) }' "$file" >&2
    failures=$((failures + $?))
}
cited_sources dictionaries/fuentes/mexicanismos.tsv "DLE Méx." "DLE gentilicio" DEM AML
cited_sources dictionaries/fuentes/general.tsv DLE DCI gentilicio

# Reproducción de lugares-bc.dic.
checks=$((checks + 1))
if [[ ! -d $places ]]; then
    skip "no está $places_shown: se omite la comprobación de que generar-lugares.sh reproduce lugares-bc.dic"
elif ! command -v hunspell >/dev/null 2>&1; then
    skip "falta el programa hunspell: se omite la comprobación de que generar-lugares.sh reproduce lugares-bc.dic"
elif ! PREGON_PLACES_DIR=$places bash dictionaries/generar-lugares.sh "$tmp/gen" >"$tmp/gen.log" 2>&1; then
    cat "$tmp/gen.log" >&2
    fail "dictionaries/generar-lugares.sh falló"
else
    for f in lugares-bc.dic fuentes/lugares-bc.txt; do
        if ! cmp -s "$tmp/gen/$f" "dictionaries/$f"; then
            fail "dictionaries/$f no es lo que genera dictionaries/generar-lugares.sh; diferencias:"
            diff "dictionaries/$f" "$tmp/gen/$f" | head -20 >&2
        fi
    done
fi

# Palabras de muestra con hunspell: sistema + todos los .dic (-d a,b,c).
checks=$((checks + 1))
if ! command -v hunspell >/dev/null 2>&1; then
    skip "falta el programa hunspell: se omite la prueba de palabras de muestra"
elif [[ ! -r $system_dic.dic ]]; then
    skip "falta $system_dic.dic: se omite la prueba de palabras de muestra"
else
    # ¿Acepta hunspell un .dic adicional sin .aff propio? Se prueba con uno falso.
    printf '1\nZqxwpregonprueba\n' >"$tmp/sonda.dic"
    probe=$(echo Zqxwpregonprueba | LC_ALL=C.UTF-8 hunspell -i UTF-8 -d "$system_dic,$tmp/sonda" -l 2>&1)
    if [[ -n $probe ]]; then
        echo "check.sh: aviso: hunspell no acepta diccionarios adicionales con -d a,b; se omite la prueba de palabras de muestra" >&2
    else
        d=$system_dic
        for dic in "${dics[@]}"; do d+=",$root/${dic%.dic}"; done
        run() { LC_ALL=C grep -v -e '^#' -e '^$' "$1" | LC_ALL=C.UTF-8 hunspell -i UTF-8 -d "$d" -l; }
        while IFS= read -r w; do
            fail "tests/dictionaries/aceptadas.txt: «$w» no se acepta"
        done < <(run tests/dictionaries/aceptadas.txt)
        LC_ALL=C grep -v -e '^#' -e '^$' tests/dictionaries/rechazadas.txt | LC_ALL=C sort -u >"$tmp/rech"
        run tests/dictionaries/rechazadas.txt | LC_ALL=C sort -u >"$tmp/rech.out"
        while IFS= read -r w; do
            fail "tests/dictionaries/rechazadas.txt: «$w» se acepta y debería marcarse como falta"
        done < <(LC_ALL=C comm -23 "$tmp/rech" "$tmp/rech.out")
    fi
fi

if ((failures > 0)); then
    echo "diccionarios: $failures fallo(s) en $checks comprobaciones" >&2
    exit 1
fi
echo "diccionarios: ${#dics[@]} diccionarios y $checks comprobaciones correctas"
