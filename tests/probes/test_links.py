"""The links probe: broken internal links checked with httpx (politely, capped, robots.txt
honoured) and the answer to a made-up address (real 404 or soft 404, helpful or bare)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import httpx
import pytest

from crawler.gatherers.site_http import LinkCheckGatherer, NotFoundGatherer, link_candidates
from crawler.single import run_probe
from maturity.localsite import LocalSite, Reply, Request
from probes.base import Outcome
from probes.links import LinksProbe, page_aids
from tests.fixtures.site_probes_a.helpers import settings, site_context

HOST, HOST2 = "127.0.0.210", "127.0.0.211"


def outcomes(evidence: list[Any]) -> dict[str, Outcome]:
    return {e.criterion: e.outcome for e in evidence}


HELPFUL_404 = """<!doctype html><html lang="sv"><head><title>Sidan finns inte</title></head><body>
<header><a href="/">Startsida</a><nav><a href="/skola/">Skola</a><a href="/omsorg/">Omsorg</a>
<a href="/bygga/">Bygga</a><a href="/kontakt/">Kontakt</a></nav></header>
<main><h1>Sidan kunde inte hittas</h1><p>Sidan du söker kan ha flyttats.</p>
<form action="/sok" method="get" role="search"><input type="search" name="q"></form></main></body></html>"""


def nf(status: int | None = 404, html: str = HELPFUL_404, final: str = "https://kommun.se/sidan-finns-inte-x",
       **extra: Any) -> dict[str, Any]:
    return {"url": "https://kommun.se/sidan-finns-inte-x", "final_url": final, "status": status, "html": html,
            "chain": [], "error": None, "redirected": final != "https://kommun.se/sidan-finns-inte-x"} | extra


def lc(statuses: Sequence[int | None], capped: bool = False) -> dict[str, Any]:
    checked = [{"url": f"https://kommun.se/s{i}/", "status": s, "from": "https://kommun.se/", "error": None}
               for i, s in enumerate(statuses)]
    return {"checked": checked, "candidates": len(statuses) + (50 if capped else 0), "capped": capped,
            "skipped": {"robots": 0, "cap": 50 if capped else 0, "time": 0}}


def artifacts(link_check: dict[str, Any] | None = None, not_found: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"home_url": "https://kommun.se/", "pages": [],
            "link_check": link_check if link_check is not None else lc([200] * 30),
            "not_found_page": not_found if not_found is not None else nf()}


def test_working_links_and_a_helpful_404_pass() -> None:
    assert outcomes(LinksProbe().run(artifacts())) == {c: Outcome.PASS for c in LinksProbe.criteria}


@pytest.mark.parametrize(("statuses", "expected"), [
    ([200] * 99 + [404], Outcome.PARTIAL),
    ([200] * 8 + [404, 500], Outcome.FAIL),
    ([200] * 10 + [401, 403, 429], Outcome.PASS),  # behind log-in or throttled: not broken
    ([200, 301, 200], Outcome.PASS),
    ([None, None], Outcome.ERROR),
    ([], Outcome.REVIEW),
])
def test_broken_share(statuses: list[int | None], expected: Outcome) -> None:
    ev = {e.criterion: e for e in LinksProbe().run(artifacts(lc(statuses)))}
    assert ev["links.broken"].outcome == expected


def test_broken_links_are_named_with_where_they_are() -> None:
    ev = {e.criterion: e for e in LinksProbe().run(artifacts(lc([200] * 5 + [410], capped=True)))}
    b = ev["links.broken"]
    assert b.outcome == Outcome.FAIL and "https://kommun.se/s5/" in b.message and "capped" in b.message
    assert b.details["broken"] == [{"url": "https://kommun.se/s5/", "status": 410, "from": "https://kommun.se/"}]


@pytest.mark.parametrize(("answer", "expected"), [
    (nf(404), Outcome.PASS),
    (nf(410), Outcome.PASS),
    (nf(404, final="https://kommun.se/404/"), Outcome.PASS),  # redirected to an error page that says 404
    (nf(200), Outcome.FAIL),  # soft 404
    (nf(200, final="https://www.kommun.se/"), Outcome.FAIL),  # sent to the start page
    (nf(500), Outcome.FAIL),
    (nf(None, error="timed out"), Outcome.ERROR),
])
def test_real_404(answer: dict[str, Any], expected: Outcome) -> None:
    assert outcomes(LinksProbe().run(artifacts(not_found=answer)))["links.real-404"] == expected


@pytest.mark.parametrize(("html", "expected"), [
    (HELPFUL_404, Outcome.PASS),
    ("<html><title>404</title><h1>Not Found</h1><p>The requested URL was not found.</p></html>", Outcome.PARTIAL),
    ('<html><h1>Hoppsan!</h1><a href="/">Till startsidan</a></html>', Outcome.PARTIAL),
    ("<html><body></body></html>", Outcome.FAIL),
])
def test_helpful_404(html: str, expected: Outcome) -> None:
    assert outcomes(LinksProbe().run(artifacts(not_found=nf(html=html))))["links.helpful-404"] == expected


def test_page_aids_near_misses() -> None:
    aids = page_aids('<form action="/login" method="post"><input name="user"></form><a href="/om/">Om oss</a>',
                     "https://kommun.se/x", "https://kommun.se/")
    assert aids["search"] is False and aids["home_link"] is False and not aids["explains"]
    assert page_aids('<a href="https://kommun.se/">Kommunen</a>', "https://kommun.se/x",
                     "https://kommun.se/")["home_link"]


def test_soft_404_to_the_home_page_is_not_a_helpful_error_page() -> None:
    got = outcomes(LinksProbe().run(artifacts(not_found=nf(200, final="https://kommun.se/"))))
    assert got["links.helpful-404"] == Outcome.FAIL


def test_missing_gatherer_output_is_an_error() -> None:
    got = outcomes(LinksProbe().run({"home_url": "https://kommun.se/", "pages": [], "link_check": {},
                                     "not_found_page": {}}))
    assert set(got.values()) == {Outcome.ERROR}


def test_link_candidates_put_the_home_page_first_and_reuse_crawled_statuses() -> None:
    pages = [
        {"url": "https://k.se/a/", "final_url": "https://k.se/a/", "status": 200, "depth": 1, "kind": None,
         "links": [{"url": "https://k.se/deep/", "in_scope": True}]},
        {"url": "https://k.se/", "final_url": "https://k.se/", "status": 200, "is_home": True, "depth": 0,
         "links": [{"url": "https://k.se/a/", "in_scope": True}, {"url": "https://other.se/", "in_scope": False},
                   {"url": "mailto:a@k.se", "in_scope": False}, {"url": "https://k.se/b/", "in_scope": True}]},
    ]
    candidates, known = link_candidates(pages)
    assert [u for u, _ in candidates] == ["https://k.se/a/", "https://k.se/b/", "https://k.se/deep/"]
    assert known["https://k.se/a/"] == 200


# ---- against a local server with httpx ----------------------------------------------------------

def site_routes() -> dict[str, Any]:
    return {
        "/": "<h1>Start</h1>", "/ok/": "ok", "/flyttad/": Reply(status=301, headers={"Location": "/ok/"}),
        "/trasig/": Reply(status=500, body="fel"), "/no-head/": no_head,
        "/robots.txt": Reply(body="User-agent: *\nDisallow: /privat/\n", content_type="text/plain"),
    }


def no_head(req: Request) -> Reply:
    """Some servers answer HEAD with 405 although the page exists."""
    return Reply(status=405) if req.method == "HEAD" else Reply(body="finns")


def test_link_check_against_a_server() -> None:
    with LocalSite(routes=site_routes(), host=HOST) as site:
        home = site.url("/")
        urls = ["/ok/", "/flyttad/", "/trasig/", "/saknas/", "/no-head/", "/privat/hemlig/"]
        pages = [{"url": home, "final_url": home, "status": 200, "is_home": True, "depth": 0,
                  "links": [{"url": site.url(u), "in_scope": True} for u in urls]}]
        robots = {"status": 200, "text": "User-agent: *\nDisallow: /privat/\n"}
        waited: list[str] = []

        async def polite(url: str) -> None:
            waited.append(url)

        async def run() -> dict[str, Any]:
            async with httpx.AsyncClient() as http:
                ctx = site_context(home, pages=pages, http=http, robots=robots, polite=polite,
                                   s=settings(max_link_checks=7))
                return await LinkCheckGatherer().gather_site(ctx)

        result = asyncio.run(run())
        requested = [(r.method, r.path) for r in site.requests]
    by_url = {e["url"].removeprefix(home.rstrip("/")): e for e in result["checked"]}
    assert by_url["/ok/"]["status"] == 200 and by_url["/flyttad/"]["status"] == 200
    assert by_url["/trasig/"]["status"] == 500 and by_url["/saknas/"]["status"] == 404
    assert "/no-head/" not in by_url  # the cap of 7 requests was reached first (the soft-404 test, redirects and GET retries count)
    assert result["capped"] and result["skipped"] == {"robots": 1, "cap": 1, "time": 0}
    assert ("GET", "/trasig/") in requested  # a failing HEAD is confirmed with GET
    assert not [p for _, p in requested if p.startswith("/privat/")]  # robots.txt honoured
    assert len(waited) >= len(requested)  # every request waited for its turn


def test_a_server_refusing_head_is_checked_with_get() -> None:
    with LocalSite(routes=site_routes(), host=HOST) as site:
        home = site.url("/")
        pages = [{"url": home, "final_url": home, "status": 200, "is_home": True,
                  "links": [{"url": site.url("/no-head/"), "in_scope": True}]}]

        async def run() -> dict[str, Any]:
            async with httpx.AsyncClient() as http:
                return await LinkCheckGatherer().gather_site(site_context(home, pages=pages, http=http))

        result = asyncio.run(run())
    assert result["checked"][0]["status"] == 200 and result["checked"][0]["via"] == "GET"


SOFT_PAGE = "<html><head><title>Sjöviks kommun</title></head><body><h1>Sidan hittades inte</h1></body></html>"


@pytest.mark.parametrize("kind", ["same-url", "redirect"])
def test_links_to_a_soft_404_are_broken(kind: str) -> None:
    """A site answering every unknown address with 200: the status says nothing, the page does."""
    def unknown(req: Request) -> Reply:
        if kind == "redirect":
            return Reply(status=302, headers={"Location": "/fel/"})
        return Reply(status=200, body=SOFT_PAGE)

    routes: dict[str, Any] = {"/": "<title>Sjöviks kommun</title><h1>Välkommen</h1>",
                              "/omsorg/": "<title>Sjöviks kommun</title><h1>Omsorg</h1>",
                              "/fel/": SOFT_PAGE}
    with LocalSite(routes=routes, host=HOST, not_found=unknown) as site:
        home = site.url("/")
        pages = [{"url": home, "final_url": home, "status": 200, "is_home": True,
                  "links": [{"url": site.url(u), "in_scope": True} for u in ("/omsorg/", "/turism/evenemang.asp")]}]

        async def run() -> dict[str, Any]:
            async with httpx.AsyncClient() as http:
                return await LinkCheckGatherer().gather_site(site_context(home, pages=pages, http=http))

        result = asyncio.run(run())
    assert result["soft_404_site"]["kind"] == kind
    by_path = {e["url"].removeprefix(home.rstrip("/")): e for e in result["checked"]}
    assert by_path["/turism/evenemang.asp"]["status"] == 200 and by_path["/turism/evenemang.asp"]["soft_404"]
    assert not by_path["/omsorg/"]["soft_404"]  # same title, another heading: a real page
    ev = {e.criterion: e for e in LinksProbe().run(artifacts(result))}
    assert ev["links.broken"].outcome == Outcome.FAIL
    assert "evenemang.asp" in ev["links.broken"].message and "answering 200" in ev["links.broken"].message


@pytest.mark.parametrize(("not_found", "status", "redirected"), [
    (None, 404, False),
    (lambda r: Reply(status=200, body="<h1>Välkommen</h1>"), 200, False),
    (lambda r: Reply(status=302, headers={"Location": "/"}), 200, True),
])
def test_not_found_gatherer(not_found: Any, status: int, redirected: bool) -> None:
    with LocalSite(routes={"/": "<h1>Start</h1>"}, host=HOST, not_found=not_found) as site:
        home = site.url("/")

        async def run() -> dict[str, Any]:
            async with httpx.AsyncClient() as http:
                return await NotFoundGatherer().gather_site(site_context(home, http=http))

        result = asyncio.run(run())
    assert result["status"] == status and result["redirected"] is redirected
    assert result["url"].startswith(home + "sidan-finns-inte-")
    assert result["html"]


def test_run_probe_checks_links_and_the_404_page(fast_settings: Any) -> None:
    home = ('<!doctype html><html lang="sv"><head><title>Länkkommun</title></head><body><main><h1>Start</h1>'
            '<a href="/skola/">Skola</a> <a href="/gammal-sida/">Gammal sida</a></main></body></html>')
    routes: dict[str, Any] = {"/": home, "/skola/": home.replace("Start", "Skola")}
    with LocalSite(routes=routes, host=HOST2, not_found=lambda r: Reply(status=404, body=HELPFUL_404)) as site:
        run = run_probe("links", site.url("/"), fast_settings)
    assert run.error is None, run.error
    ev = {e.criterion: e for e in run.evidence}
    assert ev["links.broken"].outcome == Outcome.FAIL
    assert "gammal-sida" in ev["links.broken"].message
    assert ev["links.real-404"].outcome == Outcome.PASS
    assert ev["links.helpful-404"].outcome == Outcome.PASS
