#!/usr/bin/env bash
# Instala las dependencias de compilación y de pruebas de pregon (Debian 12).
#
# Uso: scripts/install-deps.sh [--all] [--fuzz]
#
#   Comprueba bibliotecas (pkg-config), programas y archivos de datos. Si todo
#   está presente no instala nada y sale con 0. Si falta algo, dice qué falta e
#   instala con apt-get la lista de paquetes de Debian 12 (apt-get omite los que
#   ya están). Se puede ejecutar cuantas veces se quiera.
#
#   --all  además asegura las herramientas opcionales de pruebas y de
#          rendimiento: valgrind, /usr/bin/time (paquete time), hyperfine,
#          pre-commit, git, Neovim y Chromium (pruebas con clientes reales),
#          cppcheck y clang-tidy (make lint).
#   --fuzz además asegura clang y su libFuzzer (clang, libclang-rt-14-dev),
#          que solo necesita `make fuzz`.
#
# Códigos de salida: 0 todo instalado; 1 la instalación falló o aún falta algo;
# 2 uso incorrecto, o no se puede instalar (ni root ni sudo, o no hay apt-get).
set -euo pipefail

PACKAGES=(
    build-essential pkg-config libpcre2-dev libhunspell-dev hunspell hunspell-es
    libyaml-dev libutf8proc-dev libcmocka-dev libjansson-dev libidn2-dev libmicrohttpd-dev nettle-dev publicsuffix
    gettext valgrind tzdata
)
OPTIONAL_PACKAGES=(valgrind time hyperfine pre-commit git neovim chromium cppcheck clang-tidy)
FUZZ_PACKAGES=(clang libclang-rt-14-dev)

# módulo de pkg-config -> paquete que lo trae
PC_MODULES=(
    libpcre2-8:libpcre2-dev
    hunspell:libhunspell-dev
    yaml-0.1:libyaml-dev
    libutf8proc:libutf8proc-dev
    cmocka:libcmocka-dev
    jansson:libjansson-dev
    libidn2:libidn2-dev
    libmicrohttpd:libmicrohttpd-dev
    nettle:nettle-dev
)
# programa -> paquete
COMMANDS=(
    cc:build-essential
    make:build-essential
    pkg-config:pkg-config
    msgfmt:gettext
    hunspell:hunspell
    valgrind:valgrind
)
# archivo -> paquete
FILES=(
    /usr/share/hunspell/es_MX.dic:hunspell-es
    /usr/share/zoneinfo/America/Tijuana:tzdata
    /usr/share/publicsuffix/public_suffix_list.dat:publicsuffix
)
OPTIONAL_COMMANDS=(
    valgrind:valgrind
    /usr/bin/time:time
    hyperfine:hyperfine
    pre-commit:pre-commit
    git:git
    nvim:neovim
    /usr/bin/chromium:chromium
    cppcheck:cppcheck
    clang-tidy:clang-tidy
)
FUZZ_FILES=(
    /usr/bin/clang:clang
    /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev
)

usage() {
    sed -n '2,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

all=0
fuzz=0
for arg in "$@"; do
    case $arg in
    --all) all=1 ;;
    --fuzz) fuzz=1 ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        echo "install-deps.sh: opción desconocida: $arg" >&2
        usage >&2
        exit 2
        ;;
    esac
done

missing=()

check() {
    missing=()
    local entry item pkg
    for entry in "${PC_MODULES[@]}"; do
        item=${entry%%:*} pkg=${entry#*:}
        if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists "$item"; then
            missing+=("biblioteca $item (paquete $pkg)")
        fi
    done
    for entry in "${COMMANDS[@]}"; do
        item=${entry%%:*} pkg=${entry#*:}
        command -v "$item" >/dev/null 2>&1 || missing+=("programa $item (paquete $pkg)")
    done
    for entry in "${FILES[@]}"; do
        item=${entry%%:*} pkg=${entry#*:}
        [[ -e $item ]] || missing+=("archivo $item (paquete $pkg)")
    done
    if ((all)); then
        for entry in "${OPTIONAL_COMMANDS[@]}"; do
            item=${entry%%:*} pkg=${entry#*:}
            if [[ $item == /* ]]; then
                [[ -x $item ]] || missing+=("programa $item (paquete $pkg)")
            elif ! command -v "$item" >/dev/null 2>&1; then
                missing+=("programa $item (paquete $pkg)")
            fi
        done
    fi
    if ((fuzz)); then
        for entry in "${FUZZ_FILES[@]}"; do
            item=${entry%%:*} pkg=${entry#*:}
            [[ -e $item ]] || missing+=("archivo $item (paquete $pkg)")
        done
    fi
}

check
if ((${#missing[@]} == 0)); then
    exit 0
fi

wanted=("${PACKAGES[@]}")
if ((all)); then
    for pkg in "${OPTIONAL_PACKAGES[@]}"; do
        [[ " ${wanted[*]} " == *" $pkg "* ]] || wanted+=("$pkg")
    done
fi
if ((fuzz)); then
    wanted+=("${FUZZ_PACKAGES[@]}")
fi

{
    echo "install-deps.sh: faltan dependencias de pregon:"
    printf '  - %s\n' "${missing[@]}"
    echo "Se instalarán con apt-get estos paquetes (los ya instalados se omiten):"
    echo "  ${wanted[*]}"
} >&2

install_cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${wanted[*]}"

if ! command -v apt-get >/dev/null 2>&1; then
    {
        echo "install-deps.sh: no se encontró apt-get; este script es para Debian 12."
        echo "Instale a mano los equivalentes de: ${wanted[*]}"
    } >&2
    exit 2
fi

if ((EUID == 0)); then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
    echo "install-deps.sh: se usará sudo." >&2
else
    {
        echo "install-deps.sh: se necesitan permisos de root y no hay sudo."
        echo "Ejecute como root:"
        echo "  $install_cmd"
    } >&2
    exit 2
fi

"${sudo[@]}" apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${wanted[@]}"

check
if ((${#missing[@]} > 0)); then
    {
        echo "install-deps.sh: después de instalar aún falta:"
        printf '  - %s\n' "${missing[@]}"
    } >&2
    exit 1
fi
echo "install-deps.sh: dependencias instaladas." >&2
