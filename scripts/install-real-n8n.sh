#!/usr/bin/env bash
# Installs the real n8n (pinned) and the Node 24 it needs into a cache outside
# the repo, once; later calls reuse it. Prints the cache folder on stdout.
#
# Why each step (measured on these machines, see README "Real n8n"):
# - n8n 2.x needs Node 24; the npm package node@24 ships it (its install script
#   fetches the binary from the npm registry, so scripts are allowed for it even
#   when the calling npm, e.g. this repo's .npmrc, says ignore-scripts). It lives
#   in its own folder because npm would move it inside the n8n install.
# - `--ignore-scripts`: with scripts the Kafka node's native build tries to
#   download sources and the whole install rolls back. sqlite3 (required) and
#   isolated-vm are then rebuilt against Node 24's headers.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE_MAJOR="${NODE_MAJOR:-24}"
CACHE_ROOT="${WESTCOAST_N8N_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-westcoast-cloud}"
NODE_DIR="$CACHE_ROOT/node$NODE_MAJOR"
N8N_DIR="$CACHE_ROOT/n8n-$N8N_VERSION"
log() { echo "[real-n8n] $*" >&2; }

mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.lock"
flock 9

if [ ! -x "$NODE_DIR/node_modules/.bin/node" ]; then
  log "installing Node $NODE_MAJOR into $NODE_DIR"
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"private":true}' > package.json \
    && npm install --no-audit --no-fund --loglevel=error --ignore-scripts=false "node@$NODE_MAJOR" >&2)
fi
NODE_BIN="$NODE_DIR/node_modules/.bin"
if ! "$NODE_BIN/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  log "Node $NODE_MAJOR did not install into $NODE_DIR (got: $("$NODE_BIN/node" --version 2>&1 || true))"
  rm -rf "$NODE_DIR"
  exit 1
fi
HEADERS="$(dirname "$(find "$NODE_DIR/node_modules" -path '*include/node/node.h' | head -1)")"
HEADERS="${HEADERS%/include/node}"

if [ ! -f "$N8N_DIR/.complete" ]; then
  log "installing n8n@$N8N_VERSION into $N8N_DIR (first time only: a few minutes)"
  rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
  (
    cd "$N8N_DIR"
    export PATH="$NODE_BIN:$PATH" npm_config_nodedir="$HEADERS"
    echo '{"private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" >&2
    npm rebuild --ignore-scripts=false sqlite3 isolated-vm >&2
    node -e "if (!process.version.startsWith('v$NODE_MAJOR.')) process.exit(1); require('sqlite3')" >&2
  )
  touch "$N8N_DIR/.complete"
fi
echo "$CACHE_ROOT"
