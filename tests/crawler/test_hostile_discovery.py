"""robots.txt and sitemaps from hostile servers: errors, loops, drips, bombs (httpx, no browser)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import pytest

from crawler.crawl import http_client
from crawler.discovery import MAX_SITEMAP_BYTES, Robots, SitemapResult, fetch_robots, fetch_sitemaps
from crawler.settings import CrawlSettings
from maturity.localsite import LocalSite, Reply, Request
from tests.hostile_sites import CHALLENGE_HTML, gzip_bomb

AGENT = "maturity"


def _drip(_req: Request) -> Reply:
    def body() -> Iterator[bytes]:
        for _ in range(600):
            yield b"#"
    return Reply(body=body(), chunk_delay=1.0, content_type="text/plain")


def _urlset(*locs: str) -> str:
    items = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'


def robots(reply: Reply | Any, timeout: float = 3.0) -> Robots:
    with LocalSite(routes={"/robots.txt": reply, "/loop": Reply(status=302, headers={"Location": "/robots.txt"})},
                   host="127.0.0.171") as site:
        async def go() -> Robots:
            async with http_client(CrawlSettings(page_timeout=timeout)) as http:
                return await fetch_robots(http, site.base_url, timeout)
        return asyncio.run(go())


def test_robots_disallowing_everything() -> None:
    r = robots(Reply(body="User-agent: *\nDisallow: /\n", content_type="text/plain"))
    assert not r.allowed("http://127.0.0.171/", AGENT) and not r.allowed("http://127.0.0.171/kontakt/", AGENT)


@pytest.mark.parametrize("status", [500, 503])
def test_robots_5xx_is_disallow_all_for_now(status: int) -> None:
    r = robots(Reply(status=status, body="oops"))
    assert r.disallow_all and not r.allowed("http://127.0.0.171/", AGENT)
    assert str(status) in (r.error or "") and "RFC 9309" in (r.error or "")


def test_robots_behind_a_challenge_says_so() -> None:
    r = robots(Reply(status=503, body=CHALLENGE_HTML))
    assert r.disallow_all and "bot challenge" in (r.error or "")


def test_robots_4xx_is_no_rules() -> None:
    r = robots(Reply(status=404, body="nej"))
    assert r.allowed("http://127.0.0.171/anything", AGENT) and r.error is None


def test_robots_that_drips_is_unreachable_within_its_timeout() -> None:
    started = time.monotonic()
    r = robots(_drip, timeout=2.0)
    assert time.monotonic() - started < 8
    assert r.disallow_all and "no answer within 2 s" in (r.error or "")


def test_robots_redirect_loop_is_treated_as_absent() -> None:
    r = robots(Reply(status=302, headers={"Location": "/loop"}))
    assert r.allowed("http://127.0.0.171/", AGENT) and "loop" in (r.error or "")


def test_huge_robots_is_read_up_to_its_cap() -> None:
    body = "User-agent: *\nDisallow: /privat/\n" + "# kommentar\n" * 200_000  # ~2.4 MB
    r = robots(Reply(body=body, content_type="text/plain"))
    assert not r.allowed("http://127.0.0.171/privat/x", AGENT) and r.allowed("http://127.0.0.171/", AGENT)
    assert len(r.text) <= 512 * 1024


def sitemaps(routes: dict[str, Any], start: list[str], budget: float = 30.0) -> tuple[SitemapResult, str]:
    with LocalSite(routes=routes, host="127.0.0.172") as site:
        base = site.base_url.rstrip("/")
        for path, reply in list(routes.items()):
            if isinstance(reply, str):
                site.routes[path] = Reply(body=reply.replace("BASE", base), content_type="application/xml")

        async def go() -> SitemapResult:
            async with http_client(CrawlSettings(page_timeout=5)) as http:
                return await fetch_sitemaps(http, [base + s for s in start], lambda u: u.startswith(base), budget)
        return asyncio.run(go()), base


def test_malformed_sitemap_is_an_error_and_the_rest_still_counts() -> None:
    index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             "<sitemap><loc>BASE/trasig.xml</loc></sitemap><sitemap><loc>BASE/hel.xml</loc></sitemap>"
             "<sitemap><loc>BASE/html.xml</loc></sitemap></sitemapindex>")
    result, base = sitemaps({
        "/index.xml": index,
        "/trasig.xml": '<?xml version="1.0"?><urlset><url><loc>BASE/a</loc></url><url><loc>',
        "/hel.xml": _urlset("BASE/b", "BASE/c", "http://annan.example/x"),
        "/html.xml": "<html><body>Inte en sitemap</body></html>",
    }, ["/index.xml"])
    assert result.urls == [f"{base}/b", f"{base}/c"]
    assert any("trasig.xml" in e and "XMLSyntaxError" in e for e in result.errors)
    assert any("html.xml" in e and "not a sitemap" in e for e in result.errors)


def test_xml_entities_are_not_expanded() -> None:
    billion = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
               '<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
               '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>BASE/&lol2;&ext;</loc></url>'
               "</urlset>")
    result, _base = sitemaps({"/s.xml": billion}, ["/s.xml"])
    assert not [u for u in result.urls if "lollol" in u or "root:" in u]


def test_compressed_sitemap_bomb_stops_at_the_cap() -> None:
    bomb = gzip_bomb(200 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024  # 200 MB of blanks in a few hundred kB
    started = time.monotonic()
    result, _base = sitemaps({"/bomb.xml.gz": Reply(body=bomb, content_type="application/gzip")}, ["/bomb.xml.gz"])
    assert time.monotonic() - started < 30
    assert result.urls == []
    assert any("exceeds" in e and str(MAX_SITEMAP_BYTES) in e for e in result.errors), result.errors


def test_a_dripping_sitemap_costs_its_budget_not_the_crawl() -> None:
    started = time.monotonic()
    result, base = sitemaps({"/drip.xml": _drip, "/ok.xml": _urlset("BASE/d")}, ["/drip.xml", "/ok.xml"],
                            budget=2.0)
    assert time.monotonic() - started < 10
    assert any("took more than 2 s" in e for e in result.errors)
