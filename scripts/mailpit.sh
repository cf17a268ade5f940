#!/usr/bin/env bash
# Ensure a mailpit SMTP sink (127.0.0.1:1025, web UI and API on
# 127.0.0.1:8025) for `make dev` and the e2e run. Installs the pinned version
# into .tools/bin the first time (a go install, about 3 minutes), then starts
# it in the background unless something already answers on the SMTP port.
# Its log is .dev/mailpit.log.
#
#   scripts/mailpit.sh                 install if needed, then start (or reuse)
#   scripts/mailpit.sh stop            stop the mailpit this tree started
#   scripts/mailpit.sh install         install if needed, start nothing
#   scripts/mailpit.sh install-start   run `install` in the background (niced),
#                                      log .dev/mailpit-install.log; returns at once
#   scripts/mailpit.sh install-wait    wait for that background install; fails,
#                                      printing its log, if it failed
#   scripts/mailpit.sh install-stop    stop the background install if it still runs
#
# `make test` starts the install right after its services stage and waits for
# it just before the browser e2e, so the 3 minutes overlap the Go tests
# instead of adding to them.
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

install_log=$PWD/.dev/mailpit-install.log
# "STATUS SECONDS" of the background install, written when it ends.
install_result=$PWD/.dev/mailpit-install.result
install_pidfile=$PWD/.dev/mailpit-install.pid

installed() { [[ -x $bin && "$(cat "$stamp" 2>/dev/null)" == "$version" ]]; }

install() {
	installed && return 0
	echo "mailpit: installing $version into .tools/bin (a few minutes the first time)"
	mkdir -p .tools/bin
	local start=$SECONDS
	GOBIN=$PWD/.tools/bin go install "github.com/axllent/mailpit@$version"
	echo "$version" >"$stamp"
	echo "mailpit: installed in $((SECONDS - start))s"
}

# The background install runs in its own session (so install-stop can end
# go and its compilers as one group) with every descriptor redirected (so it
# never holds the terminal or CI's output pipe open).
install_start() {
	mkdir -p .dev
	install_stop >/dev/null
	rm -f "$install_result"
	setsid bash -c '
		start=$SECONDS
		nice -n 10 "$1" install
		rc=$?
		echo "$rc $((SECONDS - start))" >"$2.tmp" && mv "$2.tmp" "$2"
		exit "$rc"' mailpit-install "$PWD/scripts/mailpit.sh" "$install_result" </dev/null >"$install_log" 2>&1 &
	echo $! >"$install_pidfile"
	if installed; then
		echo "mailpit: $version already installed"
	else
		echo "mailpit: installing $version in the background (pid $!, log .dev/mailpit-install.log)"
	fi
}

# running PID: the process exists and is not a zombie waiting to be reaped.
running() {
	kill -0 "$1" 2>/dev/null && ! grep -q ') Z ' "/proc/$1/stat" 2>/dev/null
}

install_wait() {
	if [[ ! -f $install_pidfile && ! -f $install_result ]]; then
		echo "mailpit: no background install was started; installing now"
		install
		return
	fi
	local start=$SECONDS pid
	pid=$(cat "$install_pidfile" 2>/dev/null || true)
	until [[ -f $install_result ]]; do
		if [[ -z $pid ]] || ! running "$pid"; then
			# It may have written its result just before it exited.
			[[ -f $install_result ]] && break
			echo "mailpit: the background install (pid ${pid:-?}) stopped without a result; its log (.dev/mailpit-install.log):" >&2
			cat "$install_log" >&2 2>/dev/null || true
			return 1
		fi
		if ((SECONDS - start >= 900)); then
			echo "mailpit: the background install did not finish within 15 min; its log (.dev/mailpit-install.log):" >&2
			cat "$install_log" >&2
			return 1
		fi
		sleep 1
	done
	rm -f "$install_pidfile"
	local rc secs
	read -r rc secs <"$install_result"
	if [[ $rc != 0 ]] || ! installed; then
		echo "mailpit: the background install FAILED (status $rc after ${secs}s); its log (.dev/mailpit-install.log):" >&2
		cat "$install_log" >&2
		return 1
	fi
	echo "mailpit: $version ready; the background install took ${secs}s, of which this waited $((SECONDS - start))s"
	# One line for make test's stage summary: the install's own time, which
	# overlapped the stages above instead of adding to the total.
	[[ -z ${TOCSIN_STAGE_LOG:-} ]] ||
		printf '%-16s %-6s %5ss  (in the background, beside the stages above)\n' "mailpit-install" ok "$secs" >>"$TOCSIN_STAGE_LOG"
}

install_stop() {
	local pid
	pid=$(cat "$install_pidfile" 2>/dev/null || true)
	rm -f "$install_pidfile"
	if [[ -n $pid ]] && running "$pid"; then
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
		echo "mailpit: stopped the background install (pid $pid)"
	fi
}

case ${1:-} in
install)
	install
	exit
	;;
install-start)
	install_start
	exit
	;;
install-wait)
	install_wait
	exit
	;;
install-stop)
	install_stop
	exit
	;;
esac

install

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
