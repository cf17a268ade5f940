#!/usr/bin/env bash
# Ensure PostgreSQL and Redis answer on 127.0.0.1 for dev, tests and e2e.
#
#   scripts/services.sh        reuse what answers, else start throwaway servers
#   scripts/services.sh stop   stop the throwaway servers this script started
#
# A server that already answers is reused as it is. Otherwise PostgreSQL and
# Redis are installed from Debian's packages when missing (needs root) and
# started as throwaway instances that keep their files in /var/tmp/tocsin-*
# (PostgreSQL with fsync off: fast, and nothing in it is worth keeping).
# Finally the database named in TOCSIN_DATABASE_URL is created when missing.
#
# Environment:
#   TOCSIN_PG_PORT      PostgreSQL port on 127.0.0.1 (default: the port in
#                       TOCSIN_DATABASE_URL when that names 127.0.0.1 or
#                       localhost, else 5432)
#   TOCSIN_REDIS_PORT   Redis port on 127.0.0.1 (default 6379)
#   TOCSIN_DATABASE_URL database to create (default .../tocsin on that port)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

url_re='^postgres(ql)?://([^@/]*@)?([^:/?]+)(:([0-9]+))?/([^?]*)'
url_port=
if [[ ${TOCSIN_DATABASE_URL:-} =~ $url_re ]] && [[ ${BASH_REMATCH[3]} == @(127.0.0.1|localhost) ]]; then
	url_port=${BASH_REMATCH[5]:-5432}
fi
pg_port=${TOCSIN_PG_PORT:-${url_port:-5432}}
redis_port=${TOCSIN_REDIS_PORT:-6379}
pg_dir=/var/tmp/tocsin-pg-$pg_port         # data/, run/ (socket), log
redis_dir=/var/tmp/tocsin-redis-$redis_port # pid, log

as_postgres() {
	if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bindir() {
	if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
		dirname "$(command -v pg_ctl)"
		return
	fi
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	[[ -n $d && -x $d/pg_ctl ]] && echo "$d"
}

pg_ready() {
	if command -v pg_isready >/dev/null; then
		pg_isready -q -h 127.0.0.1 -p "$pg_port" -t 2
	else
		port_open 127.0.0.1 "$pg_port"
	fi
}

redis_ready() {
	if command -v redis-cli >/dev/null; then
		[[ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" == PONG ]]
	else
		port_open 127.0.0.1 "$redis_port"
	fi
}

stop_all() {
	local bindir
	if [[ -f $pg_dir/data/postmaster.pid ]] && bindir=$(pg_bindir); then
		as_postgres "$bindir/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null &&
			echo "postgres: stopped the throwaway server on 127.0.0.1:$pg_port ($pg_dir)"
	else
		echo "postgres: no throwaway server of ours on port $pg_port"
	fi
	local pid
	pid=$(cat "$redis_dir/redis.pid" 2>/dev/null || true)
	if [[ -n $pid ]] && kill "$pid" 2>/dev/null; then
		wait_for 10 "Redis (pid $pid) to exit" eval '! kill -0 '"$pid"' 2>/dev/null'
		rm -f "$redis_dir/redis.pid"
		echo "redis: stopped the throwaway server on 127.0.0.1:$redis_port"
	else
		echo "redis: no throwaway server of ours on port $redis_port"
	fi
}

ensure_postgres() {
	if pg_ready; then
		echo "postgres: reused 127.0.0.1:$pg_port"
		return
	fi
	if port_open 127.0.0.1 "$pg_port"; then
		# Something listens: perhaps a PostgreSQL still starting up.
		if wait_for 30 "PostgreSQL on 127.0.0.1:$pg_port" pg_ready; then
			echo "postgres: reused 127.0.0.1:$pg_port"
			return
		fi
		echo "postgres: 127.0.0.1:$pg_port is taken by something that is not a ready PostgreSQL" >&2
		exit 1
	fi
	local bindir
	if ! bindir=$(pg_bindir); then
		apt_install postgresql
		bindir=$(pg_bindir)
		# Debian's package may have started its own cluster on 5432.
		if pg_ready; then
			echo "postgres: reused 127.0.0.1:$pg_port (started by the Debian package)"
			return
		fi
	fi
	id postgres >/dev/null 2>&1 || {
		echo "postgres: no 'postgres' user to run the server as" >&2
		exit 1
	}
	mkdir -p "$pg_dir/run"
	[[ $EUID != 0 ]] || chown postgres: "$pg_dir" "$pg_dir/run"
	if [[ ! -f $pg_dir/data/PG_VERSION ]]; then
		rm -rf "$pg_dir/data"
		as_postgres "$bindir/initdb" --auth=trust -U postgres --encoding=UTF8 --locale=C \
			--no-sync -D "$pg_dir/data" >"$pg_dir/initdb.log" 2>&1 || {
			cat "$pg_dir/initdb.log" >&2
			exit 1
		}
	fi
	as_postgres "$bindir/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -t 60 \
		-o "-k $pg_dir/run -h 127.0.0.1 -p $pg_port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
		start >/dev/null || {
		tail -n 30 "$pg_dir/log" >&2
		exit 1
	}
	echo "postgres: started a throwaway server on 127.0.0.1:$pg_port (files in $pg_dir; stop: scripts/services.sh stop)"
}

ensure_redis() {
	if redis_ready; then
		echo "redis: reused 127.0.0.1:$redis_port"
		if command -v redis-cli >/dev/null; then
			local policy
			policy=$(redis-cli -h 127.0.0.1 -p "$redis_port" config get maxmemory-policy 2>/dev/null | tail -n 1)
			[[ -z $policy || $policy == noeviction ]] ||
				echo "redis: warning: maxmemory-policy is $policy; Asynq needs noeviction" >&2
		fi
		return
	fi
	if port_open 127.0.0.1 "$redis_port"; then
		echo "redis: 127.0.0.1:$redis_port is taken by something that does not answer PING" >&2
		exit 1
	fi
	command -v redis-server >/dev/null || apt_install redis-server redis-tools
	if redis_ready; then
		echo "redis: reused 127.0.0.1:$redis_port (started by the Debian package)"
		return
	fi
	mkdir -p "$redis_dir"
	redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" \
		--save '' --appendonly no --maxmemory-policy noeviction \
		--dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/log"
	if ! wait_for 15 "Redis on 127.0.0.1:$redis_port" redis_ready; then
		tail -n 30 "$redis_dir/log" >&2
		exit 1
	fi
	echo "redis: started a throwaway server on 127.0.0.1:$redis_port (stop: scripts/services.sh stop)"
}

ensure_database() {
	local db=tocsin
	if [[ -n ${TOCSIN_DATABASE_URL:-} ]]; then
		if ! [[ $TOCSIN_DATABASE_URL =~ $url_re ]]; then
			echo "postgres: cannot read a database name from TOCSIN_DATABASE_URL; not creating one" >&2
			return
		fi
		if [[ -z $url_port || $url_port != "$pg_port" ]]; then
			echo "postgres: TOCSIN_DATABASE_URL names another server; not creating its database"
			return
		fi
		db=${BASH_REMATCH[6]}
	fi
	[[ -n $db ]] || return 0
	command -v psql >/dev/null || apt_install postgresql-client
	local exists
	exists=$(psql -X -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc \
		"SELECT 1 FROM pg_database WHERE datname = '${db//\'/\'\'}'")
	if [[ $exists == 1 ]]; then
		echo "postgres: database $db exists"
	else
		createdb -h 127.0.0.1 -p "$pg_port" -U postgres "$db"
		echo "postgres: created database $db"
	fi
}

if [[ ${1:-} == stop ]]; then
	stop_all
	exit 0
fi
ensure_postgres
ensure_redis
ensure_database
