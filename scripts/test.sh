#!/usr/bin/env bash
# Set everything up and run the test suite: the README's second Quick start command.
# - a virtual environment in .venv with the package and its test extras (pinned);
# - Debian's chromium + chromium-driver for the real-browser dashboard test, installed when
#   missing and this user may install packages (root, or passwordless sudo); otherwise that
#   one test skips and says why;
# - then pytest, passing through any arguments (e.g. `scripts/test.sh -k history`).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo=none; fi
  if [ "$sudo" != none ] && command -v apt-get >/dev/null; then
    echo "installing chromium and chromium-driver for the browser test..." >&2
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 \
      || echo "could not install chromium: the browser test will skip" >&2
  else
    echo "chromium is not installed and cannot be installed here: the browser test will skip" >&2
  fi
fi

exec .venv/bin/python -m pytest "$@"
