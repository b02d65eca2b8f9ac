"""`python -m maturity.browser_path` prints the Chromium maturity would use (exit 1 if none)."""

import sys

from crawler.browser_path import BrowserNotFound, find_chromium

if __name__ == "__main__":
    try:
        print(find_chromium())
    except BrowserNotFound as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
