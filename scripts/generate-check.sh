#!/usr/bin/env bash
# Fail when `go generate ./...` changes anything: generated code (ent, gqlgen)
# must be committed and reproducible.
#
# It compares the whole tree (tracked files and untracked, not ignored ones)
# before and after the generate. On a clean checkout (CI) that is the same as
# `git diff --exit-code` plus a check for new untracked files; in a working
# tree with uncommitted work only what the generators changed counts as drift.
# The snapshots are tree objects written through a scratch index: the real
# index and the working tree are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch_index=$(mktemp)
trap 'rm -f "$scratch_index"' EXIT
snapshot() {
	cp "$(git rev-parse --git-path index)" "$scratch_index"
	# frontend/ is left out: no Go generator writes there, and people edit it meanwhile.
	GIT_INDEX_FILE=$scratch_index git add --all -- . ":(exclude)frontend" >/dev/null 2>&1
	GIT_INDEX_FILE=$scratch_index git write-tree
}

before=$(snapshot)
go generate ./...
after=$(snapshot)

if [[ $before != "$after" ]]; then
	echo "go generate ./... changed these files (run it and commit the result):" >&2
	git diff --stat "$before" "$after" >&2
	git diff "$before" "$after" | head -n 200 >&2
	exit 1
fi
untracked=$(git ls-files --others --exclude-standard -- ent graph)
if [[ -n $untracked ]]; then
	# Not drift (generate reproduced them), but CI's checkout won't have them.
	echo "note: untracked files under ent/ or graph/; commit them if they belong to the change:"
	echo "$untracked" | sed 's/^/  /'
fi
echo "go generate: no drift"
