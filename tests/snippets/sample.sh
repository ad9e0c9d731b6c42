#!/usr/bin/env bash
# Back up a directory with rotation.
set -euo pipefail

KEEP=${KEEP:-5}

log() {
  printf '%s %s\n' "$(date +%T)" "$*" >&2
}

function rotate {
  local dir=$1
  ls -1t "$dir" | tail -n +$((KEEP + 1)) | while read -r f; do
    rm -f -- "$dir/$f"
  done
}

backup() {
  tar czf "$2/backup-$(date +%s).tgz" "$1" && log "saved $1"
  rotate "$2"
}

backup "${1:?source}" "${2:?dest}"
