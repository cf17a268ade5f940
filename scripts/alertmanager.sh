#!/usr/bin/env bash
# Ensure a real Prometheus Alertmanager at .tools/bin/alertmanager for the
# integration test in test/alertmanager (it starts and stops its own
# instance; this script only installs). The first run is a go install of the
# pinned version (about 4 minutes); later runs reuse the binary.
#
# v0.31.1 is pinned because v0.32 and later fail to `go install`: their
# `//go:embed app/dist` finds no files, as the built UI is not in the module
# zip. The test uses TOCSIN_ALERTMANAGER_BIN instead when that is set.
set -euo pipefail
cd "$(dirname "$0")/.."

version=v0.31.1
bin=$PWD/.tools/bin/alertmanager
stamp=$PWD/.tools/bin/.alertmanager-version

if [[ ! -x $bin || "$(cat "$stamp" 2>/dev/null)" != "$version" ]]; then
	echo "alertmanager: installing $version into .tools/bin (about 4 minutes the first time)"
	mkdir -p .tools/bin
	start=$SECONDS
	GOBIN=$PWD/.tools/bin go install "github.com/prometheus/alertmanager/cmd/alertmanager@$version"
	echo "$version" >"$stamp"
	echo "alertmanager: installed in $((SECONDS - start))s"
fi
echo "alertmanager: $version at .tools/bin/alertmanager"
