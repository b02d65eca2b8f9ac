"""The browser dies mid-crawl (SIGKILL to Chromium): both sites being crawled recover and go on.

Site A has a page whose gatherer kills the whole browser (every time it is measured), so it
is retried once and then recorded as failed; site B is crawled at the same time and only
loses, at worst, the page that was in flight. A page over the HTML size cap is refused too.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from crawler.crawl import crawl
from crawler.gatherers import registry
from crawler.settings import CrawlSettings
from maturity.localsite import Handler, LocalSite, Reply
from probes.base import Probe
from probes.page_basics import PageBasicsProbe
from storage import Store
from tests.hostile_sites import KillBrowserGatherer, SeesContent, browser_pids
from tests.sites import page


class SeesContentAndKills(SeesContent):
    id = "test-sees-and-kills"
    requires = ("document", "links", "test_kill_browser")


def site_routes(prefix: str, n: int, extra: dict[str, str] | None = None) -> dict[str, Handler | Reply | str]:
    links = "".join(f'<a href="/{prefix}-{i}/">Sida {i}</a>' for i in range(n))
    routes: dict[str, Handler | Reply | str] = {"/": page(f"Start {prefix}", links + "".join(
        f'<a href="{p}">{p}</a>' for p in (extra or {})))}
    routes.update({f"/{prefix}-{i}/": page(f"Sida {prefix} {i}", "<p>Text</p>") for i in range(n)})
    routes.update(extra or {})
    return routes


def test_a_killed_browser_is_relaunched_and_both_sites_go_on(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry(), "test_kill_browser", KillBrowserGatherer())
    monkeypatch.setattr("crawler.site.MAX_HTML_BYTES", 1_000_000)
    big = page("Stor", "<p>" + "Lorem ipsum dolor sit amet. " * 110_000 + "</p>")  # ~3 MB
    settings = CrawlSettings(delay=0.0, allow_private=True, block_external=True, page_timeout=10.0,
                             site_time_limit=120.0, max_pages=20, concurrency=2, screenshots=False, mobile="none")
    a_routes = site_routes("a", 4, {"/doden/": page("Döden", "<p>Här dör webbläsaren.</p>"), "/stor/": big})
    with LocalSite(routes=a_routes, host="127.0.0.175") as a, \
            LocalSite(routes=site_routes("b", 8), host="127.0.0.176") as b:
        orgs = [{"id": "a", "name": "A", "type": "agency", "url": a.base_url},
                {"id": "b", "name": "B", "type": "agency", "url": b.base_url}]
        probes: list[Probe] = [PageBasicsProbe(), SeesContentAndKills()]
        result = asyncio.run(crawl(store, orgs, settings, probes, tmp_path / "files"))
        doden_visits = [r for r in a.requests if r.path == "/doden/"]
    assert not browser_pids(), "the crawl left a browser running"
    assert len(doden_visits) == 2, "the page that killed the browser is retried exactly once"
    assert result.sites["a"].status == "done" and result.sites["b"].status == "done"

    pages_a = {p.url.removeprefix(a.base_url.rstrip("/")): p for p in store.pages(result.crawl_id, "a")}
    assert set(pages_a) == {"/", "/a-0/", "/a-1/", "/a-2/", "/a-3/", "/doden/", "/stor/"}
    assert (pages_a["/doden/"].error or "").startswith("browser failure"), pages_a["/doden/"].error
    assert "too large (3 MB of HTML)" in (pages_a["/stor/"].error or ""), pages_a["/stor/"].error
    assert [p for p, r in pages_a.items() if r.error] == ["/doden/", "/stor/"] or \
        sorted(p for p, r in pages_a.items() if r.error) == ["/doden/", "/stor/"]
    for path in ("/doden/", "/stor/"):
        ev = [e for e in store.evidence(result.crawl_id, "a") if e.page_id == pages_a[path].id]
        assert ev and {e.outcome for e in ev} == {"error"}, path

    pages_b = store.pages(result.crawl_id, "b")
    assert len(pages_b) == 9, "site B lost pages"
    failed_b = [p for p in pages_b if p.error]
    assert len(failed_b) <= 1 and all((p.error or "").startswith("browser failure") for p in failed_b)
    seen_b = [e for e in store.evidence(result.crawl_id, "b") if e.criterion == "test.content-seen"]
    assert sum(e.outcome == "pass" for e in seen_b) >= 8
