#!/usr/bin/env bash
# Stops the cluster start.sh started and removes its directory. Usage: stop.sh <PGHOST printed by start.sh>
set -euo pipefail
dir="${1:?usage: stop.sh <cluster directory>}"
case "$dir" in
  "${TMPDIR:-/tmp}"/customer-health-pg.*) ;;
  *) echo "stop.sh: $dir is not a cluster started by start.sh" >&2; exit 1 ;;
esac
bin="${PG_BIN:-}"
if [[ -z "$bin" ]]; then
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
as_owner=()
if [[ "$(id -u)" == "0" ]]; then as_owner=(runuser -u postgres --); fi
if [[ -f "$dir/data/postmaster.pid" ]]; then
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
fi
rm -rf "$dir"
