#!/usr/bin/env bash
# Ensure a mailpit SMTP sink (127.0.0.1:1025, web UI and API on
# 127.0.0.1:8025) for `make dev` and the e2e run. Installs the pinned version
# into .tools/bin the first time (a go install, about 3 minutes), then starts
# it in the background unless something already answers on the SMTP port.
# Its log is .dev/mailpit.log. Stop it with: scripts/mailpit.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

version=v1.27.11
smtp_port=${TOCSIN_MAILPIT_SMTP_PORT:-1025}
ui_port=${TOCSIN_MAILPIT_UI_PORT:-8025}
bin=$PWD/.tools/bin/mailpit
stamp=$PWD/.tools/bin/.mailpit-version
pidfile=$PWD/.dev/mailpit.pid

if [[ ${1:-} == stop ]]; then
	if [[ -f $pidfile ]] && kill "$(cat "$pidfile")" 2>/dev/null; then
		echo "mailpit: stopped (pid $(cat "$pidfile"))"
	else
		echo "mailpit: not running from this tree"
	fi
	rm -f "$pidfile"
	exit 0
fi

if [[ ! -x $bin || "$(cat "$stamp" 2>/dev/null)" != "$version" ]]; then
	echo "mailpit: installing $version into .tools/bin (a few minutes the first time)"
	mkdir -p .tools/bin
	GOBIN=$PWD/.tools/bin go install "github.com/axllent/mailpit@$version"
	echo "$version" >"$stamp"
fi

if port_open 127.0.0.1 "$smtp_port"; then
	echo "mailpit: reused what answers on 127.0.0.1:$smtp_port (UI http://127.0.0.1:$ui_port)"
	exit 0
fi
if port_open 127.0.0.1 "$ui_port"; then
	echo "mailpit: 127.0.0.1:$ui_port is taken by something else, but nothing answers SMTP on $smtp_port" >&2
	exit 1
fi

mkdir -p .dev
# setsid: keep it running after make dev (and its Ctrl-C) ends; it is reused next time.
setsid "$bin" \
	--listen "127.0.0.1:$ui_port" \
	--smtp "127.0.0.1:$smtp_port" \
	--disable-version-check \
	--smtp-disable-rdns \
	--smtp-auth-accept-any \
	--smtp-auth-allow-insecure \
	>>.dev/mailpit.log 2>&1 </dev/null &
echo $! >"$pidfile"
if ! wait_for 15 "mailpit on 127.0.0.1:$smtp_port" port_open 127.0.0.1 "$smtp_port"; then
	tail -n 30 .dev/mailpit.log >&2
	exit 1
fi
echo "mailpit: started (pid $(cat "$pidfile"); SMTP 127.0.0.1:$smtp_port, UI http://127.0.0.1:$ui_port, log .dev/mailpit.log)"
