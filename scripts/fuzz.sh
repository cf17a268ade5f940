#!/usr/bin/env bash
# Run every Go fuzz target of the repository for a short while, one after
# the other: each `func FuzzX(f *testing.F)` in a *_test.go file (tracked or
# new, found with grep, so new targets join by themselves) gets
#   go test ./<its package> -run='^$' -fuzz='^FuzzX$' -fuzztime=10s
# The seed corpus already runs in the plain `go test ./...`; this is the
# part that searches for new inputs. A failing input is saved by Go under
# the package's testdata/fuzz/FuzzX/; commit it with the fix.
#
# Environment:
#   TOCSIN_FUZZTIME  how long each target runs (default 10s)
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${TOCSIN_FUZZTIME:-10s}
targets=()
while IFS= read -r f; do
	[[ -f $f ]] || continue
	while IFS= read -r name; do
		targets+=("$(dirname "$f") $name")
	done < <(sed -nE 's/^func (Fuzz[A-Za-z0-9_]*)\(.*\*testing\.F\).*/\1/p' "$f")
done < <(git ls-files --cached --others --exclude-standard -- '*_test.go')

if ((${#targets[@]} == 0)); then
	echo "fuzz: no fuzz targets found"
	exit 0
fi
echo "fuzz: ${#targets[@]} targets, $fuzztime each"
for t in "${targets[@]}"; do
	read -r dir name <<<"$t"
	echo "fuzz: $name in ./$dir"
	go test "./$dir" -run='^$' -fuzz="^$name\$" -fuzztime="$fuzztime"
done
