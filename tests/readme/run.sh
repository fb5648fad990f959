#!/usr/bin/env bash
# The README's first example, run: each line it shows after «$ ./pregon …»
# must be what pregon prints, in order; «...» stands for lines left out.
#   tests/readme/run.sh BINARY
set -u
bin=${1:?uso: run.sh BINARIO}
cd "$(dirname "$0")/../.." || exit 2
block=$(awk '/^\$ \.\/pregon /{on=1} on&&/^```/{exit} on' README.md)
cmd=$(head -1 <<<"$block")
[ -n "$cmd" ] || { echo "README: no hay ejemplo «\$ ./pregon …»"; exit 1; }
args=${cmd#\$ ./pregon }
# shellcheck disable=SC2086 # the example's words, as a user types them
actual=$(NO_COLOR=1 "$bin" $args 2>&1)
want=$(tail -n +2 <<<"$block")
failed=0 at=0
mapfile -t got <<<"$actual"
while IFS= read -r line; do
	[ "$line" = "..." ] && continue
	while [ $at -lt ${#got[@]} ] && [ "${got[$at]}" != "$line" ]; do
		at=$((at + 1))
	done
	if [ $at -ge ${#got[@]} ]; then
		echo "README: la línea «$line» del ejemplo no está (en orden) en lo que imprime «pregon $args»"
		failed=1
		break
	fi
	at=$((at + 1))
done <<<"$want"
[ $failed = 0 ] && echo "README: el ejemplo «pregon $args» imprime lo que muestra"
exit $failed
