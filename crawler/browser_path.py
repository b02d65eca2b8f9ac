"""Finding a Chromium: explicit path, then Playwright's own, then the system's."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class BrowserNotFound(RuntimeError):
    """No usable Chromium: the message says where we looked."""


def _playwright_chromium() -> str | None:
    """The browser `playwright install` placed, if any (without starting a driver)."""
    root = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache" / "ms-playwright"))
    if not root.is_dir():
        return None
    for pattern in ("chromium-*/chrome-linux*/chrome", "chromium_headless_shell-*/chrome-*/headless_shell"):
        for candidate in sorted(root.glob(pattern), reverse=True):
            if os.access(candidate, os.X_OK):
                return str(candidate)
    return None


def find_chromium(explicit: str | None = None) -> str:
    """Return a Chromium executable path in the documented order of preference."""
    chosen = explicit or os.environ.get("MATURITY_CHROMIUM")
    if chosen:
        path: str = shutil.which(chosen) or chosen
        if not os.access(path, os.X_OK):
            raise BrowserNotFound(f"browser {chosen!r} (from --browser/MATURITY_CHROMIUM) is not an executable")
        return path
    found = _playwright_chromium()
    if found:
        return found
    for name in SYSTEM_NAMES:
        system = shutil.which(name)
        if system:
            return system
    raise BrowserNotFound(
        "no Chromium found: set MATURITY_CHROMIUM or --browser, run `playwright install chromium`, "
        "or install the distribution's chromium package (make setup does this)"
    )
