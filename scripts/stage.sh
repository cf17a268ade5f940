#!/usr/bin/env bash
# stage.sh NAME COMMAND...: run one stage of `make test`, say how long it took,
# and record "NAME STATUS SECONDS" in $TOCSIN_STAGE_LOG when that is set.
set -uo pipefail
name=$1
shift
printf '\n==> %s\n' "$name"
start=$(date +%s)
"$@"
rc=$?
secs=$(($(date +%s) - start))
if ((rc == 0)); then status=ok; else status=FAILED; fi
printf '<== %s: %s in %ss\n' "$name" "$status" "$secs"
[[ -z ${TOCSIN_STAGE_LOG:-} ]] || printf '%-16s %-6s %5ss\n' "$name" "$status" "$secs" >>"$TOCSIN_STAGE_LOG"
exit "$rc"
