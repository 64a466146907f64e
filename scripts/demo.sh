#!/usr/bin/env bash
# `npm run demo`: installs dependencies on a fresh clone, builds the package,
# then runs scripts/demo.ts (real n8n + sandboxes; see that file).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh
echo "Building the package..."
npm run build --silent
exec npx ts-node --transpile-only scripts/demo.ts "$@"
