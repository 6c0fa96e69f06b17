#!/usr/bin/env bash
# Installs the Ecusson package into a temporary prefix, builds examples/consumer against it
# with find_package(Ecusson CONFIG), and runs it on a badge signed by `ecusson sign`:
# the authentic badge must verify (exit 0), a tampered copy must be refused (exit 1).
# Usage: consumer_test.sh BUILD_DIR SOURCE_DIR ECUSSON_BINARY
set -euo pipefail
build=$1 src=$2 ecusson=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/lib/cmake/Ecusson/EcussonConfig.cmake"
test -f "$work/prefix/include/ecusson/verify/verify.h"
test -f "$work/prefix/share/ecusson/templates/contexts/index.json" ||
  test -d "$work/prefix/share/ecusson/templates/contexts"

cmake -S "$src/examples/consumer" -B "$work/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/consumer" >/dev/null
# A verify-only program links neither librsvg (badge art) nor libpng (design §1).
if ldd "$work/consumer/verify_badge" | grep -E 'librsvg|libpng'; then
  echo "verify_badge links badge-art libraries" >&2
  exit 1
fi

"$ecusson" keys generate --type ed25519 -o "$work/issuer.pem" >/dev/null
"$ecusson" sign "$src/examples/credentials/unsigned.ob3.json" --key "$work/issuer.pem" \
  --issuer-from-key --proof eddsa-rdfc-2022 -o "$work/badge.json" >/dev/null

out=$("$work/consumer/verify_badge" "$work/badge.json")
echo "$out"
grep -q '^proof.signature passed$' <<<"$out"
grep -q '^verified$' <<<"$out"

# The same badge with its subject's name changed must be refused by the signature.
sed 's/"name": *"\([^"]*\)"/"name": "\1 (modifié)"/' "$work/badge.json" >"$work/tampered.json"
! cmp -s "$work/badge.json" "$work/tampered.json"
set +e
out=$("$work/consumer/verify_badge" "$work/tampered.json")
status=$?
set -e
echo "$out"
test "$status" -eq 1
grep -q '^proof.signature failed$' <<<"$out"
echo "consumer: ok"
