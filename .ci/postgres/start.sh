#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the test suite: initdb in a fresh temporary directory, listening only
# on a Unix socket inside it (no TCP port to collide with), fsync off. Needs Debian's `postgresql` package
# (or PG_BIN pointing at a bin directory with initdb and pg_ctl). initdb refuses to run as root, so as root the
# cluster runs as the `postgres` user the package creates.
# Prints one line `PGHOST=<socket dir> PGPORT=<port> PGUSER=postgres` on success; exits non-zero otherwise.
set -euo pipefail

bin="${PG_BIN:-}"
if [[ -z "$bin" ]]; then
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "start.sh: no PostgreSQL found (apt-get install -y postgresql, or set PG_BIN)" >&2
  exit 1
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/customer-health-pg.XXXXXX")"
port=5432
as_owner=()
if [[ "$(id -u)" == "0" ]]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi

if ! "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  exit 1
fi
if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses='' -k $dir -p $port -F" start >/dev/null; then
  cat "$dir/server.log" >&2
  exit 1
fi
echo "PGHOST=$dir PGPORT=$port PGUSER=postgres"
