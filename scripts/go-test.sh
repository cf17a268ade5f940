#!/usr/bin/env bash
# The Go tests of `make test` and `make test-go`: every package, two at a
# time (go test -p 2), on the local PostgreSQL and Redis.
#
# test/paging spends most of its 70-90 s waiting for a notification rule a
# minute away. In the -p 2 queue it would start among the last packages and
# that minute would add to the stage, so it runs beside the queue from the
# start instead; waiting costs next to no CPU. Its output (with the alert →
# first page latencies) follows the others'.
set -uo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$GO" test -count=1 -v ./test/paging/ >"$log" 2>&1 &
paging=$!
"$GO" test -p 2 -count=1 $("$GO" list ./... | grep -v '/test/paging$')
rc=$?
wait "$paging"
prc=$?
echo
echo "test/paging (run beside the others):"
cat "$log"
((rc != 0)) && exit "$rc"
exit "$prc"
