"""How pages are rendered: one reused tab, DOM gatherers batched, key-page extras capped."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import async_playwright

from crawler.browser import launch_args
from crawler.browser_path import find_chromium
from crawler.crawl import crawl
from crawler.gatherers.base import JsGatherer, batch_script
from crawler.settings import CrawlSettings
from crawler.site import SiteCrawler
from maturity.localsite import LocalSite, Reply, Request
from probes.keyboard import KeyboardProbe
from probes.mobile_layout import MobileLayoutProbe
from probes.page_basics import PageBasicsProbe
from storage import Store
from tests.sites import page


class Title(JsGatherer):
    name = "t_title"
    script = "() => document.title"


class Broken(JsGatherer):
    name = "t_broken"
    script = "() => { throw new Error('kaputt'); }"


class Later(JsGatherer):
    name = "t_later"
    script = "async () => { await new Promise(r => setTimeout(r, 10)); return document.querySelectorAll('p.x').length; }"


def test_batched_gatherers_fail_one_by_one() -> None:
    """One script that throws costs only its own artifact; async scripts are awaited."""
    async def go() -> Any:
        with LocalSite(routes={"/": page("Batch", '<p class="x">a</p><p class="x">b</p>')}, host="127.0.0.212") as site:
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=find_chromium(), args=launch_args())
                tab = await browser.new_page()
                await tab.goto(site.base_url)
                out = await tab.evaluate(batch_script((Title(), Broken(), Later())))
                await browser.close()
                return out

    out = asyncio.run(go())
    assert out["t_title"] == {"ok": "Batch"}
    assert "kaputt" in out["t_broken"]["error"]
    assert out["t_later"] == {"ok": 2}


def _contact_site() -> dict[str, Any]:
    links = "".join(f'<li><a href="/kontakt-{i}/">Kontakta oss {i}</a></li>' for i in range(4))
    routes: dict[str, Any] = {"/": page("Start", f"<nav><ul>{links}</ul></nav>")}
    for i in range(4):
        routes[f"/kontakt-{i}/"] = page(f"Kontakt {i}", "<p>Ring oss.</p>")
    return routes


def test_key_page_extras_go_to_the_first_pages_of_a_kind(store: Store, fast_settings: CrawlSettings,
                                                         tmp_path: Path) -> None:
    """Four contact pages, two get the keyboard walk and a mobile rendering; all four are crawled."""
    settings = CrawlSettings(**{**fast_settings.as_dict(), "key_pages_per_kind": 2})
    with LocalSite(routes=_contact_site(), host="127.0.0.213") as site:
        org = {"id": "nyckel", "name": "Nyckel", "type": "municipality", "url": site.base_url}
        result = asyncio.run(crawl(store, [org], settings, [PageBasicsProbe(), KeyboardProbe()], tmp_path / "a"))
    pages = store.pages(result.crawl_id)
    desktop = [p for p in pages if p.viewport == "desktop" and p.kind == "contact"]
    assert len(desktop) == 4
    walked = {e.url for e in store.evidence(result.crawl_id) if e.probe_id == "keyboard" and e.url}
    contact_walked = {u for u in walked if "/kontakt-" in u}
    assert len(contact_walked) == 2, sorted(walked)
    assert any(u.rstrip("/") == site.base_url.rstrip("/") for u in walked), "the home page is always key"


def _slow(body: str) -> Any:
    def handler(_req: Request) -> Reply:
        time.sleep(1.0)
        return Reply(body=body)
    return handler


def test_a_late_script_navigation_does_not_cost_the_next_page(store: Store, fast_settings: CrawlSettings,
                                                               tmp_path: Path) -> None:
    """/a/ navigates itself a moment after load, while the slow /b/ loads in the same tab."""
    routes: dict[str, Any] = {
        "/": page("Start", '<a href="/a/">A</a> <a href="/b/">B</a>'),
        "/a/": page("A", "<p>a</p>", head="<script>addEventListener('load', () => "
                                          "setTimeout(() => { location.href = '/c/'; }, 250));</script>"),
        "/b/": _slow(page("B", "<p>b</p>")),
        "/c/": page("C", "<p>c</p>"),
    }
    with LocalSite(routes=routes, host="127.0.0.214") as site:
        org = {"id": "sen", "name": "Sen", "type": "municipality", "url": site.base_url}
        settings = CrawlSettings(**{**fast_settings.as_dict(), "mobile": "none"})
        result = asyncio.run(crawl(store, [org], settings, [PageBasicsProbe()], tmp_path / "a"))
    pages = {p.url.removeprefix(site.base_url.rstrip("/")): p for p in store.pages(result.crawl_id)}
    assert "/b/" in pages and pages["/b/"].error is None, {k: v.error for k, v in pages.items()}
    titles = {e.details.get("title") for e in store.evidence(result.crawl_id) if e.url and e.url.endswith("/b/")}
    assert titles <= {"B", None}


def test_a_beforeunload_prompt_does_not_keep_the_tab(store: Store, fast_settings: CrawlSettings,
                                                      tmp_path: Path) -> None:
    """The home page asks before unload; the keyboard walk gives it the user activation Chrome
    requires for the prompt, so the next load in the tab meets it."""
    ask = "<script>addEventListener('beforeunload', e => { e.preventDefault(); e.returnValue = 'Stanna!'; });</script>"
    routes: dict[str, Any] = {"/": page("Start", '<a href="/b/">B</a> <input aria-label="Sök">', head=ask),
                              "/b/": page("B", "<p>b</p>")}
    with LocalSite(routes=routes, host="127.0.0.215") as site:
        org = {"id": "fraga", "name": "Fråga", "type": "municipality", "url": site.base_url}
        settings = CrawlSettings(**{**fast_settings.as_dict(), "mobile": "none"})
        result = asyncio.run(crawl(store, [org], settings, [PageBasicsProbe(), KeyboardProbe()], tmp_path / "a"))
    pages = {p.url.removeprefix(site.base_url.rstrip("/")): p for p in store.pages(result.crawl_id)}
    assert pages["/"].error is None and pages["/b/"].error is None, {k: v.error for k, v in pages.items()}


def _slow_on_mobile(body: str) -> Any:
    def handler(req: Request) -> Reply:
        if "Mobile" in req.headers.get("user-agent", ""):
            time.sleep(0.4)
        return Reply(body=body)
    return handler


def test_each_mobile_rendering_is_of_its_own_page(store: Store, fast_settings: CrawlSettings,
                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Mobile renderings overlap the next desktop page; when the mobile view is the slower one,
    the next key page's mobile rendering must wait for the last one's rather than share its tab
    (it used to navigate the tab under it, and a page was stored with another page's DOM)."""
    in_flight: dict[str, int] = {}
    most: dict[str, int] = {}
    render = SiteCrawler._render

    async def counted(self: SiteCrawler, item: Any, viewport: str, *args: Any) -> Any:
        in_flight[viewport] = in_flight.get(viewport, 0) + 1
        most[viewport] = max(most.get(viewport, 0), in_flight[viewport])
        try:
            return await render(self, item, viewport, *args)
        finally:
            in_flight[viewport] -= 1

    monkeypatch.setattr(SiteCrawler, "_render", counted)
    routes: dict[str, Any] = {"/": _slow_on_mobile(page("Start", "".join(
        f'<a href="/kontakt-{i}/">Kontakta oss {i}</a> ' for i in range(3))))}
    for i in range(3):
        routes[f"/kontakt-{i}/"] = _slow_on_mobile(page(f"Kontakt {i}", "<p>Ring oss.</p>"))
    with LocalSite(routes=routes, host="127.0.0.216") as site:
        org = {"id": "mobil", "name": "Mobil", "type": "municipality", "url": site.base_url}
        settings = CrawlSettings(**{**fast_settings.as_dict(), "mobile": "key", "key_pages_per_kind": 3})
        result = asyncio.run(crawl(store, [org], settings, [PageBasicsProbe(), MobileLayoutProbe()], tmp_path / "a"))
    assert most == {"desktop": 1, "mobile": 1}
    pages = store.pages(result.crawl_id)
    assert [p.error for p in pages] == [None] * len(pages)
    mobile = {p.url.removeprefix(site.base_url.rstrip("/")): p.title for p in pages if p.viewport == "mobile"}
    assert mobile == {"/": "Start", **{f"/kontakt-{i}/": f"Kontakt {i}" for i in range(3)}}


def test_a_slow_mobile_rendering_does_not_hold_up_the_next_desktop_pages(
        store: Store, fast_settings: CrawlSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The home page's mobile rendering is slow; the ordinary pages after it render on desktop
    meanwhile, and every page is still stored (in order, each once)."""
    events: list[tuple[float, str, str, str]] = []
    render = SiteCrawler._render

    async def timed(self: SiteCrawler, item: Any, viewport: str, *args: Any) -> Any:
        events.append((time.monotonic(), "start", viewport, item.url))
        try:
            return await render(self, item, viewport, *args)
        finally:
            events.append((time.monotonic(), "end", viewport, item.url))

    monkeypatch.setattr(SiteCrawler, "_render", timed)

    def slow_home(req: Request) -> Reply:
        if "Mobile" in req.headers.get("user-agent", ""):
            time.sleep(1.5)
        return Reply(body=page("Start", "".join(f'<a href="/sida-{i}/">Sida {i}</a> ' for i in range(4))))

    routes: dict[str, Any] = {"/": slow_home, **{f"/sida-{i}/": page(f"Sida {i}", "<p>Text.</p>") for i in range(4)}}
    with LocalSite(routes=routes, host="127.0.0.217") as site:
        org = {"id": "ledig", "name": "Ledig", "type": "municipality", "url": site.base_url}
        settings = CrawlSettings(**{**fast_settings.as_dict(), "mobile": "key"})
        result = asyncio.run(crawl(store, [org], settings, [PageBasicsProbe(), MobileLayoutProbe()], tmp_path / "a"))
    home = site.base_url.rstrip("/") + "/"
    mobile_end = next(t for t, what, vp, url in events if what == "end" and vp == "mobile" and url == home)
    during = [url for t, what, vp, url in events if what == "start" and vp == "desktop" and url != home and t < mobile_end]
    assert len(during) >= 2, events
    pages = store.pages(result.crawl_id)
    assert sorted((p.url.removeprefix(site.base_url.rstrip("/")), p.viewport) for p in pages) == sorted(
        [("/", "desktop"), ("/", "mobile")] + [(f"/sida-{i}/", "desktop") for i in range(4)])
    assert all(p.error is None for p in pages)
