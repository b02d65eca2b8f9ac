"""The findability probe and its site-search test: meta data judged on saved artifacts, search
forms of the common Swedish CMSs recognised, and the search tried in a real Chromium."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.async_api import Browser, async_playwright

from crawler.browser import launch_args
from crawler.browser_path import find_chromium
from crawler.gatherers.search import SearchTestGatherer, find_search_form, pick_word, results_url
from crawler.single import run_probe
from maturity.localsite import LocalSite, Reply, Request
from probes.base import Outcome
from probes.findability import FindabilityProbe, noindex, schema_types
from tests.fixtures.site_probes_a.helpers import settings, site_context

HOST, HOST2 = "127.0.0.205", "127.0.0.206"


def outcomes(evidence: list[Any]) -> dict[str, Outcome]:
    return {e.criterion: e.outcome for e in evidence}


def pg(url: str, title: str, description: str = "", canonical: bool = True, html: str = "", is_home: bool = False,
       robots: str = "", og: bool = False) -> dict[str, Any]:
    meta = {"description": description} if description else {}
    if robots:
        meta["robots"] = robots
    if og:
        meta |= {"og:title": title, "og:description": description, "og:image": "https://kommun.se/og.png"}
    return {"url": url, "final_url": url, "status": 200, "viewport": "desktop", "is_home": is_home, "headers": {},
            "html": html, "links": [], "document": {"title": title, "meta": meta,
                                                    "canonical": url if canonical else None}}


DESC = "Här hittar du information om kommunens service, skola, omsorg och bygglov."
LD = ('<script type="application/ld+json">' + json.dumps(
    {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Kommun"},
                                                  {"@type": "GovernmentOrganization", "name": "Kommun"}]})
      + "</script>")
GOOD_SEARCH = {"form": {"method": "get", "action": "https://kommun.se/sok", "page": "https://kommun.se/"},
               "tested": True, "word": "utbildning", "url": "https://kommun.se/sok?q=utbildning",
               "final_url": "https://kommun.se/sok?q=utbildning", "status": 200, "title": "Sökresultat",
               "text": "Sökresultat för utbildning 12 träffar Vuxenutbildning ...", "new_link_count": 12}


def artifacts(pages: list[dict[str, Any]] | None = None, search: dict[str, Any] | None = None,
              robots: dict[str, Any] | None = None, sitemaps: dict[str, Any] | None = None) -> dict[str, Any]:
    pages = pages if pages is not None else [
        pg("https://kommun.se/", "Startsida – Kommun", DESC, html=LD, is_home=True, og=True),
        pg("https://kommun.se/skola/", "Skola – Kommun", DESC),
        pg("https://kommun.se/bygga/", "Bygga och bo – Kommun", DESC),
    ]
    return {"home_url": "https://kommun.se/", "pages": pages,
            "robots": robots if robots is not None else {"url": "https://kommun.se/robots.txt", "status": 200,
                                                         "text": "User-agent: *\nDisallow: /admin/\n",
                                                         "sitemaps": ["https://kommun.se/sitemap.xml"]},
            "sitemaps": sitemaps if sitemaps is not None else {"found": ["https://kommun.se/sitemap.xml"],
                                                               "url_count": 120, "errors": []},
            "search_test": search if search is not None else GOOD_SEARCH}


def test_a_findable_site_passes_everything() -> None:
    got = outcomes(FindabilityProbe().run(artifacts()))
    assert got == {c: Outcome.PASS for c in FindabilityProbe.criteria}


def test_titles_that_name_nothing_or_repeat() -> None:
    pages = [pg("https://kommun.se/", "Startsida", DESC, is_home=True),
             *(pg(f"https://kommun.se/{i}/", "Kommun", DESC) for i in range(3))]
    ev = {e.criterion: e for e in FindabilityProbe().run(artifacts(pages))}
    assert ev["findability.title"].outcome == Outcome.FAIL
    pages[0]["document"]["title"] = "Startsida – Kommun"  # names the site: fine
    pages[1]["document"]["title"] = "Skola – Kommun"
    pages[2]["document"]["title"] = "Omsorg – Kommun"
    pages[3]["document"]["title"] = "  "  # empty
    assert outcomes(FindabilityProbe().run(artifacts(pages)))["findability.title"] == Outcome.PARTIAL


def test_descriptions_and_canonicals_are_shares() -> None:
    pages = [pg("https://kommun.se/", "Start – Kommun", DESC, is_home=True),
             pg("https://kommun.se/a/", "A – Kommun", "Kort", canonical=False),
             pg("https://kommun.se/b/", "B – Kommun", canonical=False)]
    ev = {e.criterion: e for e in FindabilityProbe().run(artifacts(pages))}
    assert ev["findability.meta-description"].outcome == Outcome.PARTIAL
    assert ev["findability.meta-description"].score == pytest.approx(1 / 3)
    assert ev["findability.canonical"].outcome == Outcome.PARTIAL


def test_noindex_on_the_home_page_fails() -> None:
    pages = [pg("https://kommun.se/", "Start – Kommun", DESC, is_home=True, robots="noindex, follow")]
    assert outcomes(FindabilityProbe().run(artifacts(pages)))["findability.robots-meta"] == Outcome.FAIL
    header = pg("https://kommun.se/x/", "X – Kommun", DESC)
    header["headers"] = {"x-robots-tag": "noindex"}
    assert noindex(header)
    assert not noindex(pg("https://kommun.se/", "S", robots="index, follow, max-image-preview:large"))


@pytest.mark.parametrize(("robots", "expected"), [
    ({"status": 200, "text": "User-agent: *\nDisallow: /\n"}, Outcome.FAIL),
    ({"status": 200, "text": "User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nAllow: /\n"}, Outcome.FAIL),
    ({"status": 200, "text": "User-agent: *\nDisallow: /sok\n"}, Outcome.PASS),
    ({"status": 404, "text": ""}, Outcome.PARTIAL),
    ({"status": 503, "text": ""}, Outcome.REVIEW),
    ({}, Outcome.ERROR),
])
def test_robots_txt(robots: dict[str, Any], expected: Outcome) -> None:
    assert outcomes(FindabilityProbe().run(artifacts(robots=robots)))["findability.robots-txt"] == expected


def test_an_announced_sitemap_nobody_read_is_an_error_not_a_fail() -> None:
    robots = {"status": 200, "text": "User-agent: *\nAllow: /\n", "sitemaps": ["https://kommun.se/sitemap.xml"]}
    got = outcomes(FindabilityProbe().run(artifacts(robots=robots, sitemaps={"found": [], "url_count": 0,
                                                                             "errors": []})))
    assert got["findability.sitemap"] == Outcome.ERROR
    unreadable = {"found": [], "url_count": 0, "errors": ["https://kommun.se/sitemap.xml: 404"]}
    got = outcomes(FindabilityProbe().run(artifacts(robots=robots, sitemaps=unreadable)))
    assert got["findability.sitemap"] == Outcome.FAIL


def test_sitemap() -> None:
    quiet = {"status": 200, "text": "User-agent: *\nAllow: /\n", "sitemaps": []}
    assert outcomes(FindabilityProbe().run(artifacts(robots=quiet, sitemaps={"found": [], "url_count": 0})))[
        "findability.sitemap"] == Outcome.FAIL
    assert outcomes(FindabilityProbe().run(artifacts(sitemaps={"found": ["https://kommun.se/s.xml"], "url_count": 0})))[
        "findability.sitemap"] == Outcome.PARTIAL


def test_structured_data_types() -> None:
    assert "governmentorganization" in schema_types(LD)
    micro = '<div itemscope itemtype="https://schema.org/GovernmentOrganization"></div>'
    assert schema_types(micro) == {"governmentorganization"}
    only_page = '<script type="application/ld+json">{"@type": ["WebPage"], "name": "x"}</script>'
    pages = [pg("https://kommun.se/", "Start – Kommun", DESC, html=only_page, is_home=True)]
    assert outcomes(FindabilityProbe().run(artifacts(pages)))["findability.structured-data"] == Outcome.PARTIAL
    broken = '<script type="application/ld+json">{not json</script>'
    pages = [pg("https://kommun.se/", "Start – Kommun", DESC, html=broken, is_home=True)]
    assert outcomes(FindabilityProbe().run(artifacts(pages)))["findability.structured-data"] == Outcome.FAIL


@pytest.mark.parametrize(("change", "expected"), [
    ({}, Outcome.PASS),
    ({"text": "Inga träffar för utbildning", "new_link_count": 0}, Outcome.PARTIAL),
    ({"text": "Din sökning gav inga träffar.", "new_link_count": 0}, Outcome.PARTIAL),
    ({"status": 500, "text": "Internal error"}, Outcome.FAIL),
    ({"text": "Något gick fel. Försök igen senare.", "new_link_count": 0}, Outcome.FAIL),
    ({"final_url": "https://kommun.se/", "text": "Välkommen till kommunen", "new_link_count": 0}, Outcome.FAIL),
    ({"text": "Sök på webbplatsen", "new_link_count": 1, "title": "Sök"}, Outcome.FAIL),
    ({"text": "", "new_link_count": 8, "title": "Sök"}, Outcome.PASS),  # a list of result links is enough
    ({"status": None, "error": "TimeoutError: 10000ms"}, Outcome.ERROR),
])
def test_search_works_judgement(change: dict[str, Any], expected: Outcome) -> None:
    got = outcomes(FindabilityProbe().run(artifacts(search=GOOD_SEARCH | change)))
    assert got["findability.search"] == Outcome.PASS
    assert got["findability.search-works"] == expected


def test_no_search_and_post_search() -> None:
    got = outcomes(FindabilityProbe().run(artifacts(search={"form": None, "pages_looked": 3, "tested": False})))
    assert got["findability.search"] == Outcome.FAIL
    assert got["findability.search-works"] == Outcome.NOT_APPLICABLE
    post = {"form": {"method": "post", "action": "https://kommun.se/sok", "page": "https://kommun.se/"},
            "tested": False}
    got = outcomes(FindabilityProbe().run(artifacts(search=post)))
    assert got["findability.search"] == Outcome.PASS
    assert got["findability.search-works"] == Outcome.REVIEW


# ---- search forms of real CMSs ------------------------------------------------------------

@pytest.mark.parametrize(("html", "field", "action"), [
    # Sitevision
    ('<form action="/sok.html" method="get" class="sv-searchform-portlet" role="search">'
     '<input type="text" name="query" id="search178"><button type="submit">Sök</button></form>',
     "query", "https://kommun.se/sok.html"),
    # EPiServer / Optimizely
    ('<form action="/sok/" method="GET"><label for="q">Sök på webbplatsen</label>'
     '<input type="search" id="q" name="q"></form>', "q", "https://kommun.se/sok/"),
    # WordPress
    ('<form role="search" method="get" class="search-form" action="https://kommun.se/">'
     '<input type="search" class="search-field" name="s"></form>', "s", "https://kommun.se/"),
    # Drupal
    ('<form action="/search/node" method="get" id="search-block-form">'
     '<input type="search" name="keys" id="edit-keys"></form>', "keys", "https://kommun.se/search/node"),
    # no action: the form submits to its own page
    ('<div role="search"><form><input name="sokord"></form></div>', "sokord", "https://kommun.se/start/"),
])
def test_search_forms_are_found(html: str, field: str, action: str) -> None:
    form = find_search_form(f"<html><body><header>{html}</header></body></html>", "https://kommun.se/start/")
    assert form is not None
    assert form["method"] == "get" and form["field"] == field and form["action"] == action


@pytest.mark.parametrize("html", [
    '<form action="/login" method="post"><input name="username"><input type="password" name="pw"></form>',
    '<form action="/nyhetsbrev" method="get"><input type="email" name="email"></form>',
    '<form action="/kontakt" method="get"><input name="namn"><textarea name="meddelande"></textarea></form>',
])
def test_other_forms_are_not_searches(html: str) -> None:
    assert find_search_form(html, "https://kommun.se/") is None


def test_post_and_script_searches_are_recognised_but_not_submitted() -> None:
    post = find_search_form('<form method="post" action="/sok"><input type="search" name="q"></form>', "https://k.se/")
    assert post is not None and post["method"] == "post"
    script = find_search_form('<div><input type="search" aria-label="Sök"></div>', "https://k.se/")
    assert script is not None and script["method"] == "script"


def test_results_url_keeps_hidden_fields() -> None:
    form = {"action": "https://kommun.se/sok.html?x=1", "field": "query", "hidden": [("submitButton", "Sök")]}
    assert results_url(form, "utbildning") == "https://kommun.se/sok.html?submitButton=S%C3%B6k&query=utbildning"


def test_the_word_comes_from_the_navigation() -> None:
    links = [{"text": "Hoppa till huvudinnehållet", "region": "header", "in_scope": True},
             {"text": "Startsida", "region": "nav", "in_scope": True},
             {"text": "Barn och utbildning", "region": "nav", "in_scope": True},
             {"text": "Trafik och gator", "region": "nav", "in_scope": True}]
    assert pick_word(links, None) == ("utbildning", "Barn och utbildning")
    html = '<header><nav><a href="/">Hem</a><a href="/omsorg">Omsorg & hjälp</a></nav></header>'
    assert pick_word(None, html) == ("omsorg", "Omsorg & hjälp")
    assert pick_word([{"text": "Meny", "region": "nav", "in_scope": True}], None) == (None, None)


def test_the_word_from_an_old_table_layout_menu() -> None:
    """No <nav>, no <header>: a `<td class="meny">` as on older municipal sites."""
    html = ('<table><tr><td class="topp"><a href="/"><img src="/logga.png"></a></td></tr>'
            '<tr><td class="meny"><a href="/">Startsida</a> | <a href="/kommun-och-politik/">Kommun &amp; politik</a>'
            '</td></tr><tr><td><a href="/nyheter/ny-badplats/">Ny badplats vid Lillsjön i sommar</a></td></tr></table>')
    links = [{"text": "Startsida", "region": "body", "in_scope": True},
             {"text": "Kommun & politik", "region": "body", "in_scope": True}]
    assert pick_word(links, html) == ("politik", "Kommun & politik")
    # without HTML, short in-site link texts are the last resort; long news headlines are not used
    assert pick_word([{"text": "Ny badplats vid Lillsjön i sommar", "region": "body", "in_scope": True},
                      {"text": "Omsorg", "region": "body", "in_scope": True}], None) == ("omsorg", "Omsorg")


# ---- the search tried in Chromium -----------------------------------------------------------

def shell(title: str, main: str, search_form: str) -> str:
    nav = '<a href="/">Startsida</a><a href="/utbildning/">Barn och utbildning</a><a href="/omsorg/">Omsorg</a>'
    return (f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f"<header><nav>{nav}</nav>{search_form}</header><main><h1>{title}</h1>{main}</main>"
            '<footer><a href="/kontakt/">Kontakt</a></footer></body></html>')


FORM = '<form role="search" action="/sok" method="get"><input type="search" name="q"><button>Sök</button></form>'


def results(req: Request) -> Reply:
    q = (req.query.get("q") or [""])[0]
    if not q:
        return Reply(body=shell("Sök", "<p>Skriv vad du söker.</p>", FORM))
    hits = "".join(f'<li><a href="/utbildning/sida-{i}/">{q.title()} sida {i}</a></li>' for i in range(5))
    return Reply(body=shell("Sökresultat", f"<p>5 träffar för {q}</p><ol>{hits}</ol>", FORM))


def working_site() -> dict[str, Any]:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", '
          '"@type": "GovernmentOrganization", "name": "Sökkommun"}</script>')
    home = shell("Startsida – Sökkommun", "<p>Välkommen.</p>", FORM).replace(
        "</title>", '</title><meta name="description" content="Sökkommun: service, skola och omsorg för alla '
        'invånare."><meta property="og:title" content="Sökkommun"><meta property="og:description" '
        'content="Välkommen"><meta property="og:image" content="/og.png">' + ld)
    return {"/": home, "/sok": results,
            "/robots.txt": Reply(body="User-agent: *\nDisallow: /admin/\n", content_type="text/plain"),
            "/utbildning/": shell("Barn och utbildning – Sökkommun", "<p>Skolor.</p>", FORM),
            "/omsorg/": shell("Omsorg – Sökkommun", "<p>Omsorg.</p>", FORM)}


def test_run_probe_finds_and_tries_the_search(fast_settings: Any) -> None:
    with LocalSite(routes=working_site(), host=HOST) as site:
        run = run_probe("findability", site.url("/"), fast_settings)
        searched = [r for r in site.requests if r.path == "/sok"]
    assert run.error is None, run.error
    ev = {e.criterion: e for e in run.evidence}
    works = ev["findability.search-works"]
    assert works.outcome == Outcome.PASS, works
    assert works.details["word"] == "utbildning"
    assert searched and searched[0].query == {"q": ["utbildning"]} and searched[0].method == "GET"
    assert ev["findability.structured-data"].outcome == Outcome.PASS
    assert ev["findability.open-graph"].outcome == Outcome.PASS
    assert ev["findability.robots-txt"].outcome == Outcome.PASS


@pytest.fixture(scope="module")
def browser() -> Iterator[tuple[asyncio.AbstractEventLoop, Browser]]:
    loop = asyncio.new_event_loop()

    async def start() -> tuple[Any, Browser]:
        pw = await async_playwright().start()
        return pw, await pw.chromium.launch(executable_path=find_chromium(), args=launch_args())

    pw, b = loop.run_until_complete(start())
    yield loop, b
    loop.run_until_complete(b.close())
    loop.run_until_complete(pw.stop())
    loop.close()


def try_search(browser: tuple[asyncio.AbstractEventLoop, Browser], routes: dict[str, Any],
               home_html: str, seen: list[Request] | None = None) -> dict[str, Any]:
    loop, b = browser
    with LocalSite(routes=routes, host=HOST2) as site:
        if seen is not None:
            site.requests = seen
        home = {"url": site.url("/"), "final_url": site.url("/"), "is_home": True, "viewport": "desktop",
                "html": home_html, "status": 200}

        async def run() -> dict[str, Any]:
            context = await b.new_context()
            ctx = site_context(site.url("/"), pages=[home], s=settings(page_timeout=5.0),
                               new_page=lambda vp: context.new_page())
            try:
                return await SearchTestGatherer().gather_site(ctx)
            finally:
                await context.close()

        return loop.run_until_complete(run())


def judge(test: dict[str, Any]) -> Outcome:
    return outcomes(FindabilityProbe().run(artifacts(search=test)))["findability.search-works"]


def test_a_search_that_shows_the_search_page_again_fails(browser: Any) -> None:
    again = {"/": shell("Start", "<p>Hej</p>", FORM), "/sok": shell("Sök", "<p>Skriv vad du söker.</p>", FORM),
             "/utbildning/": "x"}
    test = try_search(browser, again, again["/"])
    assert test["tested"] and test["status"] == 200
    assert judge(test) == Outcome.FAIL


def test_a_search_that_redirects_home_fails(browser: Any) -> None:
    routes: dict[str, Any] = {"/": shell("Start", "<p>Hej</p>", FORM), "/sok": Reply(status=302,
                                                                                    headers={"Location": "/"})}
    test = try_search(browser, routes, routes["/"])
    assert judge(test) == Outcome.FAIL


def test_a_search_error_page_fails(browser: Any) -> None:
    routes: dict[str, Any] = {"/": shell("Start", "<p>Hej</p>", FORM),
                              "/sok": Reply(status=500, body=shell("Fel", "<p>Ett fel uppstod.</p>", ""))}
    assert judge(try_search(browser, routes, routes["/"])) == Outcome.FAIL


def test_a_working_search_passes(browser: Any) -> None:
    routes = working_site()
    test = try_search(browser, routes, routes["/"])
    assert test["new_link_count"] >= 5
    assert judge(test) == Outcome.PASS


def test_a_post_search_is_never_submitted(browser: Any) -> None:
    post_form = '<form action="/sok" method="post"><input type="search" name="q"></form>'
    routes: dict[str, Any] = {"/": shell("Start", "<p>Hej</p>", post_form), "/sok": results}
    seen: list[Request] = []
    test = try_search(browser, routes, routes["/"], seen)
    assert not test["tested"] and test["form"]["method"] == "post"
    assert not [r for r in seen if r.path == "/sok"]
    assert judge(test) == Outcome.REVIEW
