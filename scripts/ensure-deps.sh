#!/usr/bin/env bash
# Installs dependencies (npm ci) when node_modules is missing or older than the
# lock file, so `npm test` and `npm run demo` work on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund >&2
fi
