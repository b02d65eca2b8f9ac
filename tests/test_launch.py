"""The `maturity` entry point: `probe` launches Chromium before the CLI loads; the command
then runs on that launch's loop with that browser."""

from __future__ import annotations

import asyncio
import threading

import pytest

from crawler.browser import BrowserPool
from crawler.settings import CrawlSettings
from maturity import early
from maturity.launch import early_probe


@pytest.mark.parametrize(("args", "expected"), [
    (["probe", "accessibility", "https://example.se/"], True),
    (["probe", "accessibility", "https://example.se/", "--json", "--page-timeout", "5"], True),
    (["probe", "accessibility"], False),
    (["probe", "accessibility", "https://example.se/", "--help"], False),
    (["probe", "accessibility", "https://example.se/", "--browser", "/opt/chrome"], False),
    (["probe", "accessibility", "https://example.se/", "--browser=/opt/chrome"], False),
    (["--log-level", "debug", "probe", "accessibility", "https://example.se/"], False),
    (["crawl", "targets.toml", "--db", "x.db"], False),
    ([], False),
])
def test_only_a_plain_probe_command_launches_early(args: list[str], expected: bool) -> None:
    assert early_probe(args) is expected


def test_the_command_runs_on_the_early_loop_with_the_early_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(early, "_started", None)
    early.start()
    assert early._started is not None
    loop = early._started[0]
    settings = CrawlSettings(page_timeout=7)

    async def use(pool: BrowserPool | None) -> tuple[str, bool, float]:
        assert pool is not None
        browser = await pool.browser()
        version = browser.version
        await pool.close()
        return threading.current_thread().name, bool(version), pool.settings.page_timeout

    try:
        assert early.run(use, settings) == ("maturity-early-browser", True, 7)
    finally:
        loop.call_soon_threadsafe(loop.stop)


def test_without_an_early_launch_the_command_runs_as_usual(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(early, "_started", None)

    async def use(pool: BrowserPool | None) -> bool:
        await asyncio.sleep(0)
        return pool is None

    assert early.run(use, CrawlSettings()) is True
