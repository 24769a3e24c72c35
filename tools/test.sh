#!/usr/bin/env bash
# The README's test command: static checks, then unit, integration and end-to-end tiers.
# Integration and e2e tiers need the real servers: `npm run infra:up` starts them (see README).
set -uo pipefail
cd "$(dirname "$0")/.."
source tools/node-env.sh
export NX_DAEMON=${NX_DAEMON:-false} NX_NO_CLOUD=true
log=$(mktemp -t mindflow-test.XXXXXX)
trap 'rm -f "$log"' EXIT

step() {
  echo "== $*"
  npx nx run-many "$@" --outputStyle=static 2>&1 | tee -a "$log"
  return "${PIPESTATUS[0]}"
}

status=0
step -t lint check build || status=1
# Every Node project type-checked in one program (each library once, not once per project that imports it).
if [ $status -eq 0 ]; then
  echo "== typecheck (tsconfig.typecheck.json)"
  npx tsc -p tsconfig.typecheck.json 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
fi
# Tiers run one after another so a failure in a fast tier is reported before the slow ones start.
# Integration and e2e run two projects at a time (MINDFLOW_TEST_PARALLEL): every suite has its own databases,
# topic, index, bucket and Redis prefixes on the shared servers, and much of their time is spent waiting on
# those servers, so two at once on two cores finish sooner than one after another.
parallel=${MINDFLOW_TEST_PARALLEL:-2}
if [ $status -eq 0 ]; then step -t test || status=1; fi
if [ $status -eq 0 ]; then step -t test:int --parallel="$parallel" || status=1; fi
if [ $status -eq 0 ]; then step -t test:e2e --parallel="$parallel" || status=1; fi

# One plain closing line over every Vitest run (each project prints its own "Tests  N passed (M)").
sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  /^ +Tests +/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^skipped/) s += $i } }
  /^FLAKY \(passed/ { k += 1 }
  END { printf "%d passed, %d failed", p, f; if (s) printf ", %d skipped", s; if (k) printf ", %d flaky (passed only on retry; listed above as FLAKY)", k; printf "\n" }'
exit $status
