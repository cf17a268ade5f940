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
# Go 1.26's fuzz coordinator can fail a target with a bare "context deadline
# exceeded" when -fuzztime runs out while a worker is mid-input, mostly on a
# busy machine (golang/go#75804, fixed in Go 1.27). That failure writes no
# input; a real one always does. So a failure counts only with a new file in
# testdata/fuzz/<target>/ or without that message.
inputs() { if [[ -d $1 ]]; then find "$1" -type f | wc -l; else echo 0; fi; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
failed=()
for t in "${targets[@]}"; do
	read -r dir name <<<"$t"
	echo "fuzz: $name in ./$dir"
	corpus=$dir/testdata/fuzz/$name
	before=$(inputs "$corpus")
	if go test "./$dir" -run='^$' -fuzz="^$name\$" -fuzztime="$fuzztime" 2>&1 | tee "$out"; then
		continue
	fi
	after=$(inputs "$corpus")
	if ((after == before)) && grep -q 'context deadline exceeded' "$out"; then
		echo "fuzz: $name stopped with Go's end-of-fuzztime race (golang/go#75804), no failing input; not a failure" >&2
		continue
	fi
	failed+=("$name")
done
if ((${#failed[@]})); then
	echo "fuzz: FAILED: ${failed[*]} (failing inputs are in <package>/testdata/fuzz/<target>/; rerun one with go test -run=<target>/<file>)" >&2
	exit 1
fi
echo "fuzz: ${#targets[@]} targets passed"
