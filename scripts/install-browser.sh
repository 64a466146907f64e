#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed, for the browser test and
# `npm run screenshots` (driven by playwright-core with this system browser);
# installs it when missing (needs root and apt-get). Prints the binary.
set -euo pipefail
log() { echo "[browser] $*" >&2; }

browser() { command -v chromium || command -v chromium-browser || true; }

if [ -z "$(browser)" ]; then
  if [ "$(id -u)" != 0 ]; then
    log "Chromium is missing; install it (apt-get install chromium) or run as root"
    exit 1
  fi
  log "installing chromium from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
fi
browser
