#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests: `start DIR` creates DIR, runs initdb and starts the server on a
# free loopback port (trust authentication on 127.0.0.1 only, fsync on), then prints its URL; `stop DIR` stops it
# and removes DIR. initdb refuses root, so as root the cluster runs as user postgres.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
[[ -x "$bin/initdb" ]] || { echo "pg-cluster: PostgreSQL 15 is not installed ($bin/initdb)" >&2; exit 1; }

as_owner=()
[[ $(id -u) -eq 0 ]] && as_owner=(runuser -u postgres --)

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
command=$1
dir=$(realpath -m "$2")

free_port() {
    python3 - <<'PY'
import socket
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
PY
}

case "$command" in
start)
    if [[ -e "$dir" ]]; then echo "pg-cluster: $dir exists already" >&2; exit 1; fi
    mkdir -p "$dir"
    [[ ${#as_owner[@]} -eq 0 ]] || chown postgres: "$dir"
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    # Only loopback, only TCP (no socket in /var/run), durable commits.
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
fsync = on
synchronous_commit = on
max_connections = 200
CONF
    printf 'host all all 127.0.0.1/32 trust\n' >"$dir/data/pg_hba.conf"
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    if [[ -d "$dir/data" ]]; then
        "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*) usage ;;
esac
