# Completado de bash para pregon: opciones, sus valores y rutas.
_pregon() {
    local cur prev sub=
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    local subcommands="lsp comments accounts report serve"
    # the subcommands have their own options
    [[ " $subcommands " == *" ${COMP_WORDS[1]} "* ]] && sub=${COMP_WORDS[1]}
    case $prev in
    --format)
        if [[ $sub == report ]]; then
            mapfile -t COMPREPLY < <(compgen -W "html json" -- "$cur")
            return
        fi
        if [[ $sub == comments ]]; then
            mapfile -t COMPREPLY < <(compgen -W "text json" -- "$cur")
            return
        fi
        mapfile -t COMPREPLY < <(compgen -W "text json sarif github rdjson checkstyle gitlab line" -- "$cur")
        return ;;
    --column-unit)
        mapfile -t COMPREPLY < <(compgen -W "char byte utf16" -- "$cur")
        return ;;
    --fail-on)
        mapfile -t COMPREPLY < <(compgen -W "error warning info" -- "$cur")
        return ;;
    --platform)
        mapfile -t COMPREPLY < <(compgen -W "x facebook instagram threads tiktok linkedin youtube" -- "$cur")
        return ;;
    --topic)
        mapfile -t COMPREPLY < <(compgen -W "educacion salud proteccion-civil autoridades-electorales" -- "$cur")
        return ;;
    --lang)
        mapfile -t COMPREPLY < <(compgen -W "es en" -- "$cur")
        return ;;
    --color)
        mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur")
        return ;;
    --explain)
        mapfile -t COMPREPLY < <(compgen -W "$(pregon --list-rules 2>/dev/null | awk 'NR > 1 { print $1 }')" -- "$cur")
        return ;;
    --config | --baseline | --rules | --test-rules | --stdin-filename | --log | --registry | --output | -o)
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return ;;
    --date | --max-warnings | --jobs | --shard | --max-file-size | --from | --to)
        return ;;
    esac
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(pregon $sub --help 2>/dev/null | grep -o -- '--[a-z-]*' | sort -u)" -- "$cur")
        return
    fi
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    # the first word may also be a subcommand
    if ((COMP_CWORD == 1)); then
        mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -W "$subcommands" -- "$cur")
    fi
}
complete -o filenames -F _pregon pregon
