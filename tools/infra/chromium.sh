#!/usr/bin/env bash
# Debian's Chromium for the browser end-to-end tests (angular-client/e2e, driven by playwright-core).
# Idempotent: installs it only when missing (as root, or through sudo), then prints its version.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "[chromium] installing Debian's chromium package…" >&2
  run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  run apt-get update -qq
  DEBIAN_FRONTEND=noninteractive run apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
chromium --version
