#!/usr/bin/env bash
# Browser end-to-end run against the real binary (bin/tocsin, built first by
# `make build`), on a fresh database of the local PostgreSQL and Redis DB 15,
# which is reserved for e2e. One run at a time on a machine (a lock in /tmp),
# so two runs never share DB 15.
#
#   1. create database tocsin_e2e_<pid>; empty Redis DB 15
#   2. bin/tocsin migrate; bin/tocsin seed --demo
#   3. bin/tocsin all on 127.0.0.1:<free port>; wait for /readyz (60 s)
#   4. TOCSIN_E2E_URL=http://127.0.0.1:<port> npm --prefix frontend run e2e
#   5. always: stop the server, drop the database, empty Redis DB 15
# Exits with the e2e's status. The server log is kept in .dev/e2e-server.log
# and printed when the server fails to come up or the e2e fails.
#
# Mail goes to mailpit on 127.0.0.1:1025 when it answers or is installed
# (.tools/bin/mailpit; then TOCSIN_E2E_MAILPIT_URL is set for the tests and
# the mail checks run), otherwise to a port nothing listens on: the worker
# just retries and the mail checks are skipped with a note. With
# TOCSIN_E2E_REQUIRE_MAILPIT=1 (make test) no mailpit is a failure instead.
# A mailpit this script started is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

pg_port=${TOCSIN_PG_PORT:-5432}
redis_port=${TOCSIN_REDIS_PORT:-6379}
redis_db=15
bin=$PWD/bin/tocsin
[[ -x $bin ]] || {
	echo "e2e: $bin is missing; run make build first" >&2
	exit 1
}

mkdir -p .dev
exec 9>/tmp/tocsin-e2e.lock
if ! flock -n 9; then
	echo "e2e: waiting for another e2e run on this machine to finish"
	flock 9
fi

free_port() {
	local p
	for _ in $(seq 1 100); do
		p=$((20000 + RANDOM % 20000))
		port_open 127.0.0.1 "$p" || {
			echo "$p"
			return
		}
	done
	echo "e2e: no free port found" >&2
	return 1
}

flush_redis_db() {
	if command -v redis-cli >/dev/null; then
		redis-cli -h 127.0.0.1 -p "$redis_port" -n "$redis_db" flushdb >/dev/null
	fi
}

db=tocsin_e2e_$$
port=$(free_port)
log=.dev/e2e-server.log
server_pid=
db_created=
mailpit_started=

cleanup() {
	local rc=$?
	set +e
	[[ -z $mailpit_started ]] || scripts/mailpit.sh stop >/dev/null
	if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
		kill -TERM "$server_pid"
		for _ in $(seq 1 50); do
			kill -0 "$server_pid" 2>/dev/null || break
			sleep 0.2
		done
		kill -0 "$server_pid" 2>/dev/null && {
			echo "e2e: server did not stop within 10 s of SIGTERM; killing it" >&2
			kill -KILL "$server_pid"
		}
		wait "$server_pid" 2>/dev/null
	fi
	if [[ -n $db_created ]]; then
		dropdb -h 127.0.0.1 -p "$pg_port" -U postgres --if-exists --force "$db" ||
			echo "e2e: could not drop database $db" >&2
	fi
	flush_redis_db
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export TOCSIN_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/$db?sslmode=disable"
export TOCSIN_REDIS_URL="redis://127.0.0.1:$redis_port/$redis_db"
export TOCSIN_HTTP_ADDR="127.0.0.1:$port"
export TOCSIN_BASE_URL="http://127.0.0.1:$port"
# The policy editor's check saves a webhook to a documentation address
# (TEST-NET-3), which webhooks may not reach unless an operator says so;
# nothing is ever sent to it.
export TOCSIN_WEBHOOK_ALLOW_CIDRS="203.0.113.0/24"
mailpit=
if port_open 127.0.0.1 1025; then
	mailpit="reused what answers on 127.0.0.1:1025"
elif [[ -x .tools/bin/mailpit ]]; then
	mailpit_started=1
	scripts/mailpit.sh >/dev/null && mailpit="started .tools/bin/mailpit; stopped at the end"
fi
if [[ -n $mailpit ]]; then
	export TOCSIN_SMTP_URL="smtp://127.0.0.1:1025"
	export TOCSIN_E2E_MAILPIT_URL="http://127.0.0.1:8025"
	echo "e2e: mail goes to mailpit (http://127.0.0.1:8025; $mailpit)"
elif [[ ${TOCSIN_E2E_REQUIRE_MAILPIT:-} == 1 ]]; then
	echo "e2e: no mailpit, but TOCSIN_E2E_REQUIRE_MAILPIT=1 (make test) needs it for the mail checks:" >&2
	if [[ -x .tools/bin/mailpit ]]; then
		echo "e2e: .tools/bin/mailpit is installed but did not start; see its log .dev/mailpit.log" >&2
	else
		echo "e2e: .tools/bin/mailpit is not installed and nothing answers on 127.0.0.1:1025; run scripts/mailpit.sh install" >&2
	fi
	exit 1
else
	smtp_port=$(free_port)
	export TOCSIN_SMTP_URL="smtp://127.0.0.1:$smtp_port"
	echo "e2e: no mailpit; mail goes to $TOCSIN_SMTP_URL, where nothing listens"
fi

createdb -h 127.0.0.1 -p "$pg_port" -U postgres "$db"
db_created=1
flush_redis_db
echo "e2e: database $db, Redis DB $redis_db, server http://127.0.0.1:$port"

"$bin" migrate
"$bin" seed --demo

# Run it under its own name, so it is recognisable in ps and a broad
# `pkill -f 'bin/tocsin all'` meant for a dev server does not stop it midway.
ln -sfn "$bin" .dev/tocsin-e2e
.dev/tocsin-e2e all >"$log" 2>&1 &
server_pid=$!

start=$SECONDS
until [[ "$(http_status 127.0.0.1 "$port" /readyz)" == 200 ]]; do
	if ! kill -0 "$server_pid" 2>/dev/null; then
		echo "e2e: the server exited before it was ready; its log:" >&2
		cat "$log" >&2
		exit 1
	fi
	if ((SECONDS - start >= 60)); then
		echo "e2e: $TOCSIN_BASE_URL/readyz did not answer 200 within 60 s; the server log:" >&2
		cat "$log" >&2
		exit 1
	fi
	sleep 0.3
done
echo "e2e: server ready"

e2e_status=0
TOCSIN_E2E_URL="$TOCSIN_BASE_URL" npm --prefix frontend run e2e || e2e_status=$?
if ((e2e_status != 0)); then
	kill -0 "$server_pid" 2>/dev/null ||
		echo "e2e: note: the server stopped during the run, and not by this script (a signal from outside, or a crash)" >&2
	echo "e2e: FAILED (status $e2e_status); last 100 lines of the server log ($log):" >&2
	tail -n 100 "$log" >&2
fi
exit "$e2e_status"
