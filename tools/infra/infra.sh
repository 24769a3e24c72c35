#!/usr/bin/env bash
# The real servers for integration tests and distributed mode, started from this repo alone:
#   bash tools/infra/infra.sh up|down|status [postgres|redis|kafka|elasticsearch|s3]
# (npm run infra:up / infra:down / infra:status). `up` is idempotent and writes the addresses to
# .cache/infra/endpoints.json, where @mindflow/testing finds them. Each server has its own script here.
set -euo pipefail
SERVER=all
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ALL=(postgres redis kafka elasticsearch s3)
command="${1:-}"
servers=("${@:2}")
[ ${#servers[@]} -gt 0 ] || servers=("${ALL[@]}")
for server in "${servers[@]}"; do
  [[ " ${ALL[*]} " == *" $server "* ]] || { echo "unknown server '$server' (one of: ${ALL[*]})" >&2; exit 2; }
done

run() { bash "$INFRA_SRC/$1.sh" "$2"; }

up() {
  local started=$SECONDS failed=() jvm=() server pid
  declare -A pids=()
  for server in "${servers[@]}"; do
    case "$server" in
      postgres | redis) run "$server" up || failed+=("$server") ;;
      *) jvm+=("$server") ;;
    esac
  done
  # Kafka, Elasticsearch and S3Proxy each take seconds to boot (and a first download): start them side by side.
  for server in "${jvm[@]}"; do run "$server" up & pids[$server]=$!; done
  for server in "${jvm[@]}"; do
    pid="${pids[$server]}"
    wait "$pid" || failed+=("$server")
  done
  write_endpoints
  if [ ${#failed[@]} -gt 0 ]; then
    say "FAILED: ${failed[*]} (see the messages above); the others are up"
    exit 1
  fi
  say "up in $((SECONDS - started))s; endpoints in ${INFRA_CACHE#"$REPO_ROOT"/}/endpoints.json:"
  cat "$INFRA_CACHE/endpoints.json"
}

down() {
  local server failed=0
  for server in "${servers[@]}"; do run "$server" down || failed=1; done
  write_endpoints
  return $failed
}

status() {
  local server failed=0
  printf '%-14s %-8s %-48s %s\n' SERVER STATE ADDRESS HOW
  for server in "${servers[@]}"; do run "$server" status || failed=1; done
  return $failed
}

case "$command" in
  up | down | status) "$command" ;;
  *) echo "usage: bash tools/infra/infra.sh up|down|status [${ALL[*]}]" >&2; exit 2 ;;
esac
