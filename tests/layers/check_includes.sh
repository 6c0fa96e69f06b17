#!/usr/bin/env bash
# Dependencies point down only (design §1): every `#include "ecusson/<part>/…"` in a module's
# sources names that module or one below it. Prints each violation; exits 1 if any.
# Usage: check_includes.sh SOURCE_DIR
set -euo pipefail
root=$1
declare -A allowed=(
  [common]="common"
  [assessment]="common assessment"
  [rdf]="common rdf"
  [crypto]="common crypto"
  [net]="common crypto net"
  [credentials]="common credentials"
  [proofs]="common rdf crypto credentials proofs"
  [baking]="common baking"
  [art]="common art"
  [ob2]="common credentials crypto net baking ob2"
  [verify]="common rdf crypto net credentials proofs baking ob2 verify"
  [store]="common store"
  [issuance]="common assessment rdf crypto net credentials proofs baking art ob2 store issuance"
)
dir_of() {
  case $1 in
    common|assessment) echo "$root/$1" ;;
    store|issuance) echo "$root/$1" ;;
    *) echo "$root/badges/$1" ;;
  esac
}
violations=0
checked=0
for part in "${!allowed[@]}"; do
  dir=$(dir_of "$part")
  [ -d "$dir" ] || { echo "missing module folder: $dir"; violations=$((violations + 1)); continue; }
  while IFS= read -r line; do
    file=${line%%:*}
    target=$(sed -E 's/.*#include "ecusson\/([a-z0-9_]+)\/.*/\1/' <<<"$line")
    checked=$((checked + 1))
    if ! grep -qw -- "$target" <<<"${allowed[$part]}"; then
      echo "$file: $part may not include ecusson/$target/ (${line#*:})"
      violations=$((violations + 1))
    fi
  done < <(grep -rHE '#include "ecusson/[a-z0-9_]+/' "$dir" || true)
done
echo "checked $checked includes, $violations violation(s)"
[ "$checked" -gt 100 ] && [ "$violations" -eq 0 ]
