#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a throwaway PostgreSQL server:
#   scripts/with-postgres.sh npx vitest run tests/unit/server
# Uses Debian's PostgreSQL (installs the `postgresql` package with apt-get when it is missing), initdb's a cluster
# into a temporary folder, starts it on a free local port (as the postgres user when run as root: PostgreSQL
# refuses to run as root), runs the command, then stops the server and deletes the folder, whatever happens.
# The command's exit status is this script's exit status.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

find_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1; then
    d="$(pg_config --bindir 2>/dev/null || true)"
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

BINDIR="$(find_bindir || true)"
if [ -z "$BINDIR" ]; then
  echo "with-postgres: PostgreSQL not found; installing Debian's postgresql package" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  BINDIR="$(find_bindir)" || { echo "with-postgres: installed, but initdb/pg_ctl not found" >&2; exit 1; }
fi

# Run PostgreSQL's own programs as a non-root user.
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  PGUSER_OS="postgres"
  id "$PGUSER_OS" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PGUSER_OS"
  if command -v runuser >/dev/null 2>&1; then
    RUN_AS=(runuser -u "$PGUSER_OS" --)
  else
    RUN_AS=(su "$PGUSER_OS" -s /bin/sh -c '"$0" "$@"')
  fi
fi

free_port() {
  # Ask the kernel for a free port (node is there: this is a Node project).
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

TMP="$(mktemp -d "${TMPDIR:-/tmp}/with-postgres.XXXXXX")"
PGDATA="$TMP/data"
SOCKDIR="$TMP/sock"
mkdir -p "$PGDATA" "$SOCKDIR"
[ "${#RUN_AS[@]}" -eq 0 ] || chown -R postgres: "$TMP"
chmod 700 "$PGDATA"

cleanup() {
  local status=$?
  "${RUN_AS[@]}" "$BINDIR/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${RUN_AS[@]}" "$BINDIR/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 \
  || { cat "$TMP/initdb.log" >&2; exit 1; }

PORT=""
for _ in 1 2 3 4 5; do
  PORT="$(free_port)"
  if "${RUN_AS[@]}" "$BINDIR/pg_ctl" -D "$PGDATA" -l "$TMP/server.log" -w -t 30 \
    -o "-p $PORT -k $SOCKDIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null 2>&1; then
    break
  fi
  PORT=""
done
if [ -z "$PORT" ]; then
  echo "with-postgres: PostgreSQL did not start; its log:" >&2
  cat "$TMP/server.log" >&2 || true
  exit 1
fi

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') on port $PORT (data in $PGDATA)" >&2

set +e
"$@"
STATUS=$?
set -e
exit "$STATUS"
