"""End to end: a real Chromium crawls local sites into a real SQLite file."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from crawler.crawl import crawl
from crawler.gatherers import registry
from crawler.gatherers.base import Gatherer, PageContext
from crawler.settings import CrawlSettings
from maturity.localsite import LocalSite, Reply
from probes.base import Evidence, Outcome, Probe
from probes.page_basics import PageBasicsProbe
from storage import Store
from tests.sites import KEY_PAGES, municipality, page


class FirstVisitProbe(Probe):
    """A site probe defined by a test: proves site probes see what they ask for."""

    id = "test-first-visit"
    version = "1"
    requires = ("first_visit", "links")
    scope = "site"
    criteria = ("test.banner",)

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        home = next(p for p in artifacts["pages"] if p["is_home"] and p["viewport"] == "desktop")
        consent = home["first_visit"]["consent"]
        return [Evidence("test.banner", Outcome.PASS if consent["banner_found"] else Outcome.FAIL, "banner",
                         details={"consent": consent, "cookies": home["first_visit"]["cookies"],
                                  "pages": len(artifacts["pages"])})]


def run(store: Store, orgs: list[dict[str, Any]], settings: CrawlSettings, probes: list[Probe], tmp: Path) -> Any:
    return asyncio.run(crawl(store, orgs, settings, probes, tmp / "artifacts"))


def org(site: LocalSite, oid: str = "testkommun") -> dict[str, Any]:
    return {"id": oid, "name": "Testkommun", "type": "municipality", "url": site.base_url}


def test_mystery_shopper_pages_come_before_articles(store: Store, fast_settings: CrawlSettings, tmp_path: Path) -> None:
    settings = CrawlSettings(**{**fast_settings.as_dict(), "max_pages": 12, "mobile": "none"})
    with LocalSite(routes=municipality(articles=60), host="127.0.0.31") as site:
        result = run(store, [org(site)], settings, [PageBasicsProbe()], tmp_path)
        requested = {r.path for r in site.requests}
    assert result.sites["testkommun"].status == "done"
    crawled = {p.url.removeprefix(site.base_url.rstrip("/")) for p in store.pages(result.crawl_id)}
    assert len(crawled) == 12
    assert set(KEY_PAGES) <= crawled, f"missing key pages: {set(KEY_PAGES) - crawled}"
    assert not any(p.startswith("/privat/") for p in requested), "robots.txt Disallow was not obeyed"
    ev = store.evidence(result.crawl_id)
    assert {e.criterion for e in ev} == set(PageBasicsProbe.criteria)
    assert all(e.probe_id == "page-basics" and e.probe_version == "1" for e in ev)
    home = [e for e in ev if e.is_home and e.criterion == "page.lang"]
    assert home and home[0].outcome == "pass"


def test_sitemap_index_and_scope(store: Store, fast_settings: CrawlSettings, tmp_path: Path) -> None:
    with LocalSite(routes={"/": page("Annan", "<p>annan</p>")}, host="127.0.0.33") as other:
        routes: dict[str, str | Reply] = {
            "/": page("Start", f'<a href="{other.base_url}">Extern länk</a><a href="/a/">A</a>'
                               '<a href="javascript:alert(1)">js</a><a href="file:///etc/passwd">fil</a>'),
            "/a/": page("A", "<p>a</p>"),
            "/gomd/": page("Gömd", "<p>Bara i sitemap</p>"),
            "/rapport.pdf": Reply(body=b"%PDF-1.4", content_type="application/pdf"),
        }
        with LocalSite(routes=routes, host="127.0.0.32") as site:
            base = site.base_url.rstrip("/")
            site.routes["/robots.txt"] = Reply(body=f"User-agent: *\nAllow: /\nSitemap: {base}/index.xml\n",
                                               content_type="text/plain")
            site.routes["/index.xml"] = Reply(content_type="application/xml", body=(
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{base}/pages.xml</loc></sitemap></sitemapindex>"))
            site.routes["/pages.xml"] = Reply(content_type="application/xml", body=(
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<url><loc>{base}/gomd/</loc></url><url><loc>{base}/rapport.pdf</loc></url></urlset>"))
            result = run(store, [org(site)], fast_settings, [PageBasicsProbe()], tmp_path)
        assert not other.requests, "an out-of-scope link was followed"
    crawled = {p.url.removeprefix(base) for p in store.pages(result.crawl_id) if p.viewport == "desktop"}
    assert crawled == {"/", "/a/", "/gomd/"}


def test_first_visit_then_refuse_cookies(store: Store, fast_settings: CrawlSettings, tmp_path: Path) -> None:
    banner = ('<div id="cookie-banner" role="dialog"><p>Vi använder kakor (cookies).</p>'
              '<button onclick="document.cookie=\'consent=all;path=/\';this.parentNode.remove()">Godkänn alla</button>'
              '<button onclick="document.cookie=\'consent=necessary;path=/\';this.parentNode.remove()">Endast nödvändiga</button></div>'
              "<script>if (document.cookie.includes('consent=')) document.getElementById('cookie-banner').remove();"
              "document.cookie='visitor=1;path=/';</script>")
    routes = {"/": page("Start", banner + '<a href="/kontakt/">Kontakta oss</a>'),
              "/kontakt/": page("Kontakt", banner + "<p>Ring oss</p>")}
    with LocalSite(routes=routes, host="127.0.0.34") as site:
        result = run(store, [org(site)], fast_settings, [FirstVisitProbe()], tmp_path)
        cookie_headers = [r.headers.get("cookie", "") for r in site.requests if r.path == "/kontakt/"]
    ev = [e for e in store.evidence(result.crawl_id) if e.criterion == "test.banner"]
    assert len(ev) == 1 and ev[0].outcome == "pass"
    consent = ev[0].details["consent"]
    assert consent["dismissed_with"] == "Endast nödvändiga"
    assert {b["text"] for b in consent["buttons"]} == {"Godkänn alla", "Endast nödvändiga"}
    assert [c["name"] for c in ev[0].details["cookies"]] == ["visitor"]  # before any click
    assert any("consent=necessary" in c for c in cookie_headers), "the refusal was not kept in the context"


class BrokenGatherer(Gatherer):
    name = "test_broken"

    async def gather(self, ctx: PageContext) -> Any:
        raise RuntimeError("gatherer exploded")


class NeedsBroken(Probe):
    id = "test-needs-broken"
    version = "1"
    requires = ("test_broken",)
    criteria = ("test.never-pass",)

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        return [Evidence("test.never-pass", Outcome.PASS, "should not run")]


def test_failed_gatherer_and_failed_pages_give_error_evidence(
        store: Store, fast_settings: CrawlSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry(), "test_broken", BrokenGatherer())
    routes = {"/": page("Start", '<a href="/trasig/">Trasig</a><a href="/saknas/">Saknas</a>'),
              "/trasig/": Reply(status=500, body="<h1>Internal error</h1>")}
    with LocalSite(routes=routes, host="127.0.0.35") as site:
        result = run(store, [org(site)], fast_settings, [NeedsBroken(), PageBasicsProbe()], tmp_path)
    ev = store.evidence(result.crawl_id)
    never = [e for e in ev if e.criterion == "test.never-pass"]
    assert never and all(e.outcome == "error" for e in never)
    assert "gatherer exploded" in never[0].message
    pages = {p.url.rsplit("/", 2)[-2]: p for p in store.pages(result.crawl_id)}
    assert pages["trasig"].error == "HTTP 500" and pages["saknas"].error == "HTTP 404"
    broken_status = [e for e in ev if e.criterion == "page.status" and e.outcome == "fail"]
    assert len(broken_status) == 2
    assert not [e for e in ev if e.url and "trasig" in e.url and e.outcome == "pass"]


def test_unreachable_site_fails_without_stopping_others(store: Store, fast_settings: CrawlSettings, tmp_path: Path) -> None:
    with LocalSite(routes={"/": page("Start", "<p>hej</p>")}, host="127.0.0.36") as site:
        dead = {"id": "dead", "name": "Död", "type": "agency", "url": "http://127.0.0.37:9/"}
        result = run(store, [dead, org(site)], fast_settings, [PageBasicsProbe()], tmp_path)
    assert result.sites["testkommun"].status == "done"
    assert result.sites["dead"].status in ("failed", "blocked")
    assert result.status == "partial"
    assert not [e for e in store.evidence(result.crawl_id, "dead") if e.outcome == "pass"]


def test_private_targets_are_refused_by_default(store: Store, fast_settings: CrawlSettings, tmp_path: Path) -> None:
    settings = CrawlSettings(**{**fast_settings.as_dict(), "allow_private": False})
    with LocalSite(routes={"/": page("Start", "<p>hej</p>")}, host="127.0.0.38") as site:
        result = run(store, [org(site)], settings, [PageBasicsProbe()], tmp_path)
        assert not site.requests
    assert result.sites["testkommun"].status == "failed"
    assert "private" in (result.sites["testkommun"].error or "")
