# Sourced by scripts/central-load and scripts/central-drain: a PostgreSQL 15 of the script's
# own in $work/pg (initdb in a temp folder, fsync on, loopback only, trust), the database
# kiosk_central, owner kiosk_owner; stopped by its PID when the script exits. As root, the
# server runs as the postgres system user (initdb refuses root).
# Sets: port, url (the owner's), psql (a function), pg_start, pg_stop.
bin=/usr/lib/postgresql/15/bin
chmod 755 "$work"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir "$work/pg"; [ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
pg_start() { as_pg "$bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w start >/dev/null; }
pg_stop() {
  if [ -f "$work/pg/data/postmaster.pid" ]; then
    local pid; pid=$(head -1 "$work/pg/data/postmaster.pid"); kill -INT "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
}
cleanup() {
  for pid in ${children:-}; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT
as_pg "$bin/initdb" -D "$work/pg/data" -U kiosk_owner -A trust -E UTF8 --locale=C >/dev/null
cat >>"$work/pg/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$work/pg'
shared_buffers = 256MB
max_connections = 100
CONF
pg_start
psql() { command psql -X -q -At -h 127.0.0.1 -p "$port" -U kiosk_owner "$@"; }
psql -d postgres -c "CREATE DATABASE kiosk_central"
url="postgres://kiosk_owner@127.0.0.1:$port/kiosk_central"
