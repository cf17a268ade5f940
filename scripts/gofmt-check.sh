#!/usr/bin/env bash
# Fail, listing the files, when a Go file of the repository is not gofmt-clean.
# Checks tracked files plus new ones not yet added (but not ignored ones).
set -euo pipefail
cd "$(dirname "$0")/.."
files=()
while IFS= read -r f; do
	[[ -f $f ]] && files+=("$f")
done < <(git ls-files --cached --others --exclude-standard -- '*.go')
((${#files[@]})) || exit 0
bad=$(gofmt -l "${files[@]}")
if [[ -n $bad ]]; then
	echo "these files are not gofmt-clean (run: gofmt -w <file>):" >&2
	echo "$bad" | sed 's/^/  /' >&2
	exit 1
fi
echo "gofmt: ${#files[@]} files clean"
