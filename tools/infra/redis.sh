#!/usr/bin/env bash
# Redis: the machine's when 127.0.0.1:<port> answers, otherwise the installed redis-server, started by us
# without persistence (tests own their data through key prefixes; nothing needs to survive a restart).
#   bash tools/infra/redis.sh up|down|status
# MINDFLOW_INFRA_REDIS_PORT (default 6379) picks the port to look at and to start on.
set -euo pipefail
SERVER=redis
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${MINDFLOW_INFRA_REDIS_PORT:-6379}"
DIR="$(server_dir redis)"
PIDFILE="$DIR/redis.pid"
LOG="$DIR/redis.log"
MARKER="redis-server"
URL="redis://127.0.0.1:$PORT"

up() {
  lock_server redis
  if pid_running "$PIDFILE" "$MARKER" && probe redis "$URL" >/dev/null 2>&1; then
    say "redis-server already running (pid $(cat "$PIDFILE")) at $URL"
    set_endpoint redis "$URL"; echo started >"$DIR/mode"; return
  fi
  if ! pid_running "$PIDFILE" "$MARKER" && probe redis "$URL" >/dev/null 2>&1; then
    say "using the Redis already answering at $URL (not started by tools/infra)"
    set_endpoint redis "$URL"; echo machine >"$DIR/mode"; return
  fi
  if ! pid_running "$PIDFILE" "$MARKER"; then
    command -v redis-server >/dev/null || fail "nothing answers at $URL and redis-server is not installed; install it \
(Debian: apt-get install redis-server), or run a Redis on 127.0.0.1:$PORT, or point tests at one with MINDFLOW_TEST_REDIS_URL"
    port_open "$PORT" && fail "127.0.0.1:$PORT is taken by something that does not answer as Redis; free it or set MINDFLOW_INFRA_REDIS_PORT"
    say "no Redis at $URL; starting redis-server"
    redis-server --bind 127.0.0.1 --port "$PORT" --save "" --appendonly no --daemonize yes \
      --dir "$DIR" --pidfile "$PIDFILE" --logfile "$LOG" 9>&- || fail "redis-server did not start" "$LOG"
  fi
  local rc=0
  wait_until 30 - "$MARKER" probe redis "$URL" || rc=$?
  [ "$rc" = 0 ] || fail "redis-server did not answer within 30 s; last probe: $(probe_says redis "$URL")" "$LOG"
  set_endpoint redis "$URL"; echo started >"$DIR/mode"
  say "redis-server answers at $URL"
}

down() {
  lock_server redis
  if stop_pid "$PIDFILE" "$MARKER" 15; then
    say "redis-server stopped"
    clear_endpoint redis; rm -f "$DIR/mode"
  elif [ "$(cat "$DIR/mode" 2>/dev/null)" = machine ]; then
    say "the machine's Redis was not started by tools/infra; leaving it running"
  else
    say "redis-server was not running"
    clear_endpoint redis; rm -f "$DIR/mode"
  fi
}

status() {
  local how="not set up (npm run infra:up)"
  case "$(cat "$DIR/mode" 2>/dev/null)" in
    machine) how="the machine's" ;;
    started) how="redis-server, pid $(cat "$PIDFILE" 2>/dev/null), log $LOG" ;;
  esac
  status_line redis "$(get_endpoint redis)" "$how"
}

case "${1:-}" in up | down | status) "$1" ;; *) echo "usage: redis.sh up|down|status" >&2; exit 2 ;; esac
