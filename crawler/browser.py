"""The browser: one Chromium, one context per site and viewport, recycled, recovered if it dies."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, BrowserContext, Playwright, async_playwright

from crawler.browser_path import find_chromium
from crawler.settings import DESKTOP_VIEWPORT, MOBILE_VIEWPORT, CrawlSettings

LAUNCH_TIMEOUT = 60.0
CLOSE_TIMEOUT = 15.0
SERVER_FLAGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--disable-quic",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
]


def launch_args() -> list[str]:
    # Imported here: `maturity probe` starts the browser before crawler.urls (tldextract) has loaded.
    from crawler.urls import host_map

    flags = list(SERVER_FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to sandbox as root
    mapped = host_map()  # test/demo hook only (MATURITY_HOST_MAP): names served on loopback
    if mapped:
        flags.append("--host-resolver-rules=" + ", ".join(f"MAP {name} {addr}" for name, addr in mapped.items()))
    return flags


def node_compile_cache() -> None:
    """Let Node cache the Playwright driver's compiled code between runs (NODE_COMPILE_CACHE):
    the driver's start-up is mostly compiling 7 MB of bundled JavaScript, ~0.15 s a start.
    Node checks each entry against the source and skips a cache it cannot write; a setting
    of the user's own (or NODE_DISABLE_COMPILE_CACHE) is left alone."""
    if "NODE_COMPILE_CACHE" in os.environ:
        return
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    os.environ["NODE_COMPILE_CACHE"] = str(Path(root) / "maturity" / "node-compile-cache")


class BrowserPool:
    """A Chromium shared by all sites of a crawl; relaunched when it crashes."""

    def __init__(self, settings: CrawlSettings) -> None:
        self.settings = settings
        self._pw: Playwright | None = None
        self._browser: Browser | None = None
        self._lock = asyncio.Lock()
        self._early: asyncio.Future[Browser] | None = None
        self.executable = find_chromium(settings.browser)

    def start_early(self) -> None:
        """Begin launching (driver, then Chromium) now, so that the launch overlaps whatever the
        caller does next; `browser()` waits for it. A failed early launch is retried there,
        so it fails the way a late one would."""
        if self._early is None:
            self._early = asyncio.ensure_future(self.browser())
            self._early.add_done_callback(lambda f: f.cancelled() or f.exception())  # retried in browser()

    async def browser(self) -> Browser:
        async with self._lock:
            if self._browser is None or not self._browser.is_connected():
                if self._pw is None:
                    node_compile_cache()
                    self._pw = await async_playwright().start()
                if self._browser is not None:
                    import structlog  # not at the top: `maturity probe` launches before logging loads

                    structlog.get_logger(__name__).warning("browser disconnected; relaunching")
                self._browser = await self._pw.chromium.launch(
                    executable_path=self.executable, headless=True, args=launch_args(), timeout=LAUNCH_TIMEOUT * 1000)
            return self._browser

    def alive(self) -> bool:
        """False once the browser process is gone (crashed or killed); the next context relaunches it."""
        return self._browser is not None and self._browser.is_connected()

    async def new_context(self, viewport: str, init_scripts: list[str]) -> BrowserContext:
        browser = await self.browser()
        opts: dict[str, Any] = {
            "ignore_https_errors": True,  # the security probe judges certificates itself
            "accept_downloads": False,
            "java_script_enabled": True,
            "locale": "sv-SE",
            "timezone_id": "Europe/Stockholm",
            "service_workers": "block",
        }
        if viewport == "mobile":
            opts.update(viewport=dict(MOBILE_VIEWPORT), screen=dict(MOBILE_VIEWPORT), is_mobile=True, has_touch=True,
                        device_scale_factor=2, user_agent=self.settings.mobile_user_agent)
        else:
            opts.update(viewport=dict(DESKTOP_VIEWPORT), user_agent=self.settings.user_agent)
        ctx = await browser.new_context(**opts)
        ctx.set_default_timeout(self.settings.page_timeout * 1000)
        ctx.set_default_navigation_timeout(self.settings.page_timeout * 1000)
        for script in init_scripts:
            await ctx.add_init_script(script=script)
        return ctx

    async def close(self) -> None:
        try:
            if self._browser is not None:
                await asyncio.wait_for(self._browser.close(), CLOSE_TIMEOUT)
        except Exception:  # already gone, or hung: stopping the driver ends it
            pass
        if self._pw is not None:
            try:
                await asyncio.wait_for(self._pw.stop(), CLOSE_TIMEOUT)
            except Exception:
                pass
        self._browser = None
        self._pw = None

    async def abandon(self) -> None:
        """Stop without waiting for Chromium to shut down, for a process about to exit with its
        answer given: closing the driver's pipe is enough, as the driver then closes Chromium
        and deletes its profile on its own. (Killing the driver instead would leave the profile
        directory behind.)"""
        pw, self._pw, self._browser = self._pw, None, None
        if self._early is not None and not self._early.done():
            self._early.cancel()
        if pw is not None:
            stopping = asyncio.ensure_future(pw.stop())
            await asyncio.sleep(0)  # stop() closes the pipe before its first wait
            stopping.add_done_callback(lambda f: f.cancelled() or f.exception())
