"""eid-login on saved pages: login offers versus mentions, e-ID names, domain and clicks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from maturity.localsite import Handler, Reply
from probes.base import Evidence, Outcome
from probes.eid_login import EidLoginProbe, PageDom

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ecrm"
HOME = "https://www.lillby.se/"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def page(html: str, url: str = HOME, depth: int = 0, kind: str | None = "home", viewport: str = "desktop") -> dict[str, Any]:
    return {"url": url, "final_url": url, "depth": depth, "kind": kind, "is_home": url == HOME,
            "viewport": viewport, "html": html}


def wrap(body: str, title: str = "Startsida - Lillby kommun") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def run(*pages: dict[str, Any], domains: tuple[str, ...] = ("lillby.se",)) -> dict[str, Evidence]:
    artifacts = {"home_url": HOME, "org": {"id": "lillby", "url": HOME, "domains": list(domains)}, "pages": list(pages)}
    return {e.criterion: e for e in EidLoginProbe().run(artifacts)}


def test_sitevision_header_offers_mina_sidor_and_login_on_a_subdomain() -> None:
    ev = run(page(fixture("sitevision_start.html")))
    assert ev["eid.login-offered"].outcome is Outcome.PASS
    assert ev["eid.mina-sidor"].outcome is Outcome.PASS  # an icon link named by its img alt
    assert "img" not in ev["eid.mina-sidor"].details["offers"][0]["snippet"]
    assert ev["eid.own-domain"].outcome is Outcome.PASS  # e-tjanster.lillby.se is the organisation's own
    assert ev["eid.reachable"].outcome is Outcome.PASS
    assert ev["eid.reachable"].details["clicks"] == 1
    # "Logga in med e-legitimation" names no particular e-ID and the chooser was not read
    assert ev["eid.bankid"].outcome is Outcome.REVIEW
    # "Freja förskola" in the menu is a preschool, not Freja eID
    assert all("freja" not in h["eids"] for h in ev["eid.login-offered"].details["offers"])


def test_chooser_page_names_bankid_app_freja_by_alt_and_foreign_eid_and_sets_staff_apart() -> None:
    home = page(wrap('<header><a href="/mina-sidor/login">Logga in</a></header>'))
    chooser = page(fixture("episerver_login.html"), url=HOME + "mina-sidor/login", depth=1, kind="login")
    ev = run(home, chooser)
    bankid = ev["eid.bankid"]
    assert bankid.outcome is Outcome.PASS
    rules = {h["rule"] for h in bankid.details["offers"]}
    assert any("opens the e-ID app" in r for r in rules)
    assert ev["eid.freja"].outcome is Outcome.PASS
    assert ev["eid.freja"].details["offers"][0]["snippet"] == "Freja eID Plus"
    assert ev["eid.foreign-eid"].outcome is Outcome.PASS
    staff = ev["eid.login-offered"].details["staff_logins"]
    assert [h["snippet"] for h in staff] == ["SITHS-kort (för personal)"]
    # the "how to get BankID" link in prose and to bankid.com is set aside, with its reason
    aside = ev["eid.login-offered"].details["mentions_set_aside"]
    assert any(m["href"].startswith("https://www.bankid.com") for m in aside)
    assert ev["eid.reachable"].details["clicks"] == 1
    assert ev["eid.own-domain"].outcome is Outcome.PASS


def test_an_article_about_bankid_fraud_is_not_a_login() -> None:
    article = page(fixture("news_bankid_fraud.html"), url=HOME + "nyheter/varning/", depth=1, kind=None)
    home = page(wrap("<header><a href='/nyheter/varning/'>Nyheter</a></header><main><p>Välkommen</p></main>"))
    ev = run(home, article)
    for crit in ("eid.login-offered", "eid.bankid", "eid.freja", "eid.foreign-eid", "eid.mina-sidor", "eid.reachable"):
        assert ev[crit].outcome is Outcome.FAIL, crit
    assert ev["eid.own-domain"].outcome is Outcome.NOT_APPLICABLE
    aside = ev["eid.login-offered"].details["mentions_set_aside"]
    rules = " | ".join(m["rule"] for m in aside)
    assert "in running text" in rules  # "logga in med BankID" and "Mina sidor" inside sentences
    assert "informational wording" in rules  # "Så skyddar du dig mot BankID-bedrägerier"
    assert "another organisation's login" in rules  # Mina sidor hos Försäkringskassan
    assert all(m["selector"] and m["url"] for m in aside)


def test_login_on_a_third_party_domain_and_unread_chooser() -> None:
    home = page(wrap('<nav><a href="https://lillby.etjanstportal.se/login">Logga in</a></nav>'))
    ev = run(home)
    assert ev["eid.login-offered"].outcome is Outcome.PASS
    own = ev["eid.own-domain"]
    assert own.outcome is Outcome.FAIL
    assert own.details["third_party_hosts"] == ["lillby.etjanstportal.se"]
    assert ev["eid.freja"].outcome is Outcome.REVIEW


def test_login_far_from_home_is_not_reachable() -> None:
    deep = page(wrap('<main><div class="card"><a href="/e/login">Logga in med BankID</a></div></main>',
                     title="Bygglov"), url=HOME + "bygga/bygglov/ansok/", depth=3, kind=None)
    ev = run(page(wrap("<main><p>Start</p></main>")), deep)
    assert ev["eid.bankid"].outcome is Outcome.PASS
    assert ev["eid.reachable"].outcome is Outcome.FAIL
    assert ev["eid.reachable"].details["clicks"] == 4


@pytest.mark.parametrize("markup, eid", [
    ('<a href="/etjanster">Legitimera dig med Mobilt BankID</a>', "bankid"),
    ('<a href="/login" aria-label="Logga in med BankID"><svg></svg></a>', "bankid"),
    ('<a href="/login"><img src="/img/bankid_vector_rgb.svg" alt="">Logga in</a>', "bankid"),
    ('<form action="/auth"><fieldset><legend>BankID på fil eller kort</legend><input type="submit" value="Logga in">'
     "</fieldset></form>", "bankid"),
    ('<button type="button" class="btn">Logga in med Freja</button>', "freja"),
    ('<a href="/login?method=freja">Freja+</a>', "freja"),
    ('<a href="/auth/start">Logga in med e-legitimation från ett annat EU-land</a>', "foreign"),
    ('<a href="/signin">Sign in with a foreign eID</a>', "foreign"),
    ('<a href="/login/eidas">Utländska e-legitimationer (Sweden Connect)</a>', "foreign"),
])
def test_word_forms_of_e_id_logins(markup: str, eid: str) -> None:
    ev = run(page(wrap(f"<header>{markup}</header>")))
    key = {"bankid": "eid.bankid", "freja": "eid.freja", "foreign": "eid.foreign-eid"}[eid]
    assert ev[key].outcome is Outcome.PASS, ev["eid.login-offered"].details


@pytest.mark.parametrize("markup", [
    '<a href="/mitt-konto">Mitt konto</a>', '<a href="/arenden">Mina ärenden</a>',
    '<a href="/en/my-pages">My pages</a>', '<a href="/minasidor" title="Mina sidor"><i class="icon"></i></a>',
])
def test_personal_pages_in_other_words(markup: str) -> None:
    assert run(page(wrap(f"<header>{markup}</header>")))["eid.mina-sidor"].outcome is Outcome.PASS


@pytest.mark.parametrize("markup", [
    '<nav><a href="/forskolor/freja">Freja förskola</a></nav>',
    '<footer><a href="https://www.bankid.com/privat/skaffa-bankid">BankID</a></footer>',
    '<main><ul><li><a href="/bankid-info">Så skaffar du BankID</a></li></ul></main>',
    '<main><p>Om du får ett sms som ber dig <a href="/login">logga in med BankID</a> ska du inte göra det, '
    "kontakta din bank.</p></main>",
    '<footer><a href="https://intranat.lillby.se/login">Logga in för medarbetare</a></footer>',
    '<header><a href="/webmail">Webbmail (SITHS)</a></header>',
    '<main><h2>Logga in med BankID</h2><p>Från och med i dag kan du använda BankID.</p></main>',
])
def test_near_misses_are_not_citizen_logins(markup: str) -> None:
    ev = run(page(wrap(markup)))
    assert ev["eid.login-offered"].outcome is Outcome.FAIL, ev["eid.login-offered"].details
    assert ev["eid.bankid"].outcome is Outcome.FAIL


def test_mobile_rendering_is_read_too_and_duplicates_are_merged() -> None:
    html = wrap('<header><a href="/mina-sidor">Mina sidor</a></header>')
    ev = run(page(html), page(html, viewport="mobile"))
    assert ev["eid.login-offered"].details["offers_found"] == 1


def test_no_readable_page_is_an_error() -> None:
    ev = EidLoginProbe().run({"home_url": HOME, "pages": [{"url": HOME, "html": None}]})
    assert {e.outcome for e in ev} == {Outcome.ERROR}
    assert len(ev) == len(EidLoginProbe.criteria)


def test_page_dom_regions_prose_and_selectors() -> None:
    dom = PageDom(wrap('<div id="header"><a href="/a">A</a></div><main><header class="page-header">'
                       '<a href="/b">B</a></header><p>Lång text om något helt annat här och <a href="/c">C</a>'
                       " och mer text efteråt.</p></main><div class=\"footer\"><a href='/d'>D</a></div>"))
    got = {c.name: (c.region, c.prose) for c in dom.controls()}
    assert got == {"A": ("header", False), "B": ("main", False), "C": ("main", True), "D": ("footer", False)}
    assert [c.selector for c in dom.controls()][0] == 'div#header > a[href="/a"]'


def ecrm_site_routes() -> dict[str, Handler | Reply | str]:
    """A small agency site: home, a login chooser, a contact page and a news article about BankID fraud."""
    return {"/": fixture("site_home.html"), "/mina-sidor/": fixture("episerver_login.html"),
            "/kontakt/": fixture("kontakt_myndighet.html"), "/nyheter/bankid/": fixture("news_bankid_fraud.html")}


def test_eid_login_in_chromium() -> None:
    from crawler.settings import CrawlSettings
    from crawler.single import run_probe
    from maturity.localsite import LocalSite

    settings = CrawlSettings(delay=0, allow_private=True, block_external=True, page_timeout=10, max_pages=4,
                             screenshots=False, mobile="none")
    with LocalSite(routes=ecrm_site_routes(), host="127.0.0.171") as site:
        result = run_probe("eid-login", site.base_url, settings)
    assert result.error is None
    ev = {e.criterion: e for e in result.evidence}
    assert {k: str(v.outcome) for k, v in ev.items()} == {
        "eid.login-offered": "pass", "eid.bankid": "pass", "eid.freja": "pass", "eid.foreign-eid": "pass",
        "eid.mina-sidor": "pass", "eid.own-domain": "pass", "eid.reachable": "pass"}
    assert ev["eid.bankid"].url == site.url("/mina-sidor/")
    assert ev["eid.reachable"].details["clicks"] == 1
    # the home page's link in running text about BankID fraud was set aside, not counted
    aside = ev["eid.login-offered"].details["mentions_set_aside"]
    assert any(m["url"] == site.base_url and m["rule"] == "in running text" for m in aside)
