#!/usr/bin/env bash
# Finds a Chromium the way maturity does; installs one only when none is found:
# Playwright's own download where its host answers, Debian's chromium package otherwise.
set -eu
PYTHON=${1:-.venv/bin/python}
if "$PYTHON" -m maturity.browser_path >/dev/null 2>&1; then
  echo "chromium: $("$PYTHON" -m maturity.browser_path)"
  exit 0
fi
echo "no Chromium found; installing one"
if timeout 120 "$PYTHON" -m playwright install chromium >/dev/null 2>&1 && "$PYTHON" -m maturity.browser_path >/dev/null 2>&1; then
  echo "chromium: installed by Playwright"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
if command -v apt-get >/dev/null 2>&1; then
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
"$PYTHON" -m maturity.browser_path
