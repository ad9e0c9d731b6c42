#!/usr/bin/env bash
# Set everything up and run the test suite: the README's second Quick start command.
# - a virtual environment in .venv with the package and its test extras (pinned);
# - Debian's chromium + chromium-driver for the real-browser dashboard test, installed when
#   missing (as root, or with passwordless sudo); if they are missing and cannot be installed,
#   the run fails and says what to install: the browser test never silently skips;
# - then pytest with --strict-skips: a skip not listed in tests/skips-allowed.txt (with its
#   reason) fails the run; any arguments pass through (e.g. `scripts/test.sh -k history`).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo=none; fi
  if [ "$sudo" = none ] || ! command -v apt-get >/dev/null; then
    echo "error: the browser test needs chromium and chromedriver, which are not installed and cannot be" \
         "installed here (needs apt-get as root or passwordless sudo): apt-get install chromium chromium-driver" >&2
    exit 1
  fi
  echo "installing chromium and chromium-driver for the browser test..." >&2
  log=$(mktemp)
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver; } \
       >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "error: could not install chromium and chromium-driver (log above): the browser test cannot run" >&2
    exit 1
  fi
  rm -f "$log"
fi

exec .venv/bin/python -m pytest --strict-skips "$@"
