#!/usr/bin/env bash
# The two commands of the README, for a fresh machine:
#   bash tools/dev.sh start   Node 24 + dependencies (if missing), then the whole system on embedded defaults
#   bash tools/dev.sh test    the same install, the real servers (tools/infra), then every test tier
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/node-env.sh

# Install exactly what package-lock.json says, when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[dev] npm ci (Node $(node -v))" >&2
  npm ci --no-audit --no-fund
fi

case "${1:-}" in
  start)
    shift
    # the app (angular-client) is served once built: build it on a fresh checkout
    [ -f angular-client/dist/angular-client/browser/index.html ] || (cd angular-client && npx ng build)
    exec npm start -- "$@" ;;
  test)
    bash tools/infra/infra.sh up
    bash tools/infra/chromium.sh   # Debian's Chromium for the browser e2e tests (angular-client/e2e)
    echo "[dev] servers stay up for the next run; stop them with: npm run infra:down" >&2
    exec npm test ;;
  *) echo "usage: bash tools/dev.sh start|test" >&2; exit 2 ;;
esac
