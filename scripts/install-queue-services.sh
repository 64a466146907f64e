#!/usr/bin/env bash
# Makes sure Redis and Postgres (Debian's packages) are installed, for the
# queue-mode tests; installs them when missing (needs root and apt-get). Starts
# nothing: test/real-n8n/queue/services.ts runs them on free ports with
# throw-away data directories. Prints the Redis binary and the Postgres bin folder.
set -euo pipefail
log() { echo "[queue-services] $*" >&2; }

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x "$(postgres_bin)/initdb" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
    exit 1
  fi
  log "installing ${missing[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # Whether the packages start their own default services or not, the tests run their own.
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
echo "$(command -v redis-server)"
echo "$(postgres_bin)"
