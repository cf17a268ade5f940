# Shared helpers for Tocsin's scripts; source it, don't run it.
# shellcheck shell=bash

# port_open HOST PORT: true when something accepts TCP connections there.
# Uses bash's /dev/tcp so it works on a machine without nc or curl.
port_open() {
	timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

# wait_for SECONDS DESCRIPTION COMMAND...: retry COMMAND every 0.2 s.
wait_for() {
	local secs=$1 what=$2
	shift 2
	local deadline=$((SECONDS + secs))
	until "$@"; do
		if ((SECONDS >= deadline)); then
			echo "timed out after ${secs}s waiting for $what" >&2
			return 1
		fi
		sleep 0.2
	done
}

# apt_install PKG...: install Debian packages (as root, or through sudo).
apt_install() {
	local sudo=()
	if ((EUID != 0)); then
		if command -v sudo >/dev/null; then sudo=(sudo); else
			echo "need root (or sudo) to install: $*" >&2
			return 1
		fi
	fi
	echo "installing Debian packages: $*" >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# http_status HOST PORT PATH: print the HTTP status code of a GET (000 when
# nothing answers). Uses curl when present, else bash's /dev/tcp.
http_status() {
	if command -v curl >/dev/null; then
		curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://$1:$2$3" || true
		return
	fi
	timeout 3 bash -c '
		exec 3<>"/dev/tcp/$0/$1" || exit 1
		printf "GET %s HTTP/1.0\r\nHost: %s:%s\r\nConnection: close\r\n\r\n" "$2" "$0" "$1" >&3
		read -r _ code _ <&3 && echo "$code"' "$1" "$2" "$3" 2>/dev/null || echo 000
}
