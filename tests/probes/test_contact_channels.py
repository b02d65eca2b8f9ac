"""contact-channels on saved pages: where each channel is found, and what is not a channel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from maturity.localsite import Handler, Reply
from probes.base import Evidence, Outcome
from probes.contact_channels import ContactChannelsProbe, patterns, phone_numbers

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ecrm"
HOME = "https://www.lillby.se/"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def page(html: str, url: str = HOME, depth: int = 0, kind: str | None = "home", viewport: str = "desktop",
         network: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"url": url, "final_url": url, "depth": depth, "kind": kind, "is_home": url == HOME,
            "viewport": viewport, "html": html, "network": network or []}


def wrap(body: str, title: str = "Startsida - Lillby kommun", head: str = "") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"


def run(*pages: dict[str, Any]) -> dict[str, Evidence]:
    return {e.criterion: e for e in ContactChannelsProbe().run({"home_url": HOME, "pages": list(pages)})}


def outcomes(ev: dict[str, Evidence]) -> dict[str, str]:
    return {k.removeprefix("contact."): str(v.outcome) for k, v in ev.items()}


def test_sitevision_home_offers_its_channels_in_header_footer_and_widgets() -> None:
    ev = run(page(fixture("sitevision_start.html")))
    got = outcomes(ev)
    assert got == {"phone": "pass", "email": "pass", "form": "fail", "chat": "pass", "callback": "pass",
                   "booking": "pass", "opening-hours": "pass", "address": "pass", "faq": "pass",
                   "page-feedback": "pass", "complaints": "pass", "subscribe": "pass", "reachable": "pass",
                   "mobile": "not_applicable"}
    assert ev["contact.email"].details["found"][0]["snippet"] == "kommun[at]lillby.se"
    assert ev["contact.phone"].details["found"][0]["region"] == "footer"
    assert "giosg" in ev["contact.chat"].details["found"][0]["rule"]
    assert ev["contact.address"].details["found"][0]["snippet"].startswith("Besök oss: Stora torget 1")
    # the page feedback form with a textarea is page feedback, not a contact form
    assert "feedback form on the page" in {f["rule"] for f in ev["contact.page-feedback"].details["found"]}
    assert ev["contact.reachable"].details["clicks"] == 1


def test_agency_contact_page_channels() -> None:
    ev = run(page(wrap("<header><a href='/sv/kontakt/'>Kontakta oss</a></header>")),
             page(fixture("kontakt_myndighet.html"), url=HOME + "sv/kontakt/", depth=1, kind="contact"))
    got = outcomes(ev)
    assert {k for k, v in got.items() if v != "pass"} == {"mobile"}
    assert "zendesk" in ev["contact.chat"].details["found"][0]["rule"]
    assert ev["contact.opening-hours"].details["found"][0]["snippet"] in ("Telefontider", "Vardagar 08.00–16.00")
    assert any(f["rule"].startswith("message form") for f in ev["contact.form"].details["found"])


def test_press_release_phone_and_running_text_are_not_contact_channels() -> None:
    article = page(fixture("news_bankid_fraud.html"), url=HOME + "nyheter/varning/", depth=1, kind=None)
    ev = run(page(wrap("<main><p>Välkommen till Lillby.</p></main>")), article)
    got = outcomes(ev)
    for ch in ("phone", "email", "form", "opening-hours", "address", "reachable"):
        assert got[ch] == "fail", (ch, ev[f"contact.{ch}"].details)


def test_postal_address_only_is_partial() -> None:
    ev = run(page(wrap("<footer><p>Myndigheten, Box 500, 871 30 Härnösand</p></footer>")))
    assert ev["contact.address"].outcome is Outcome.PARTIAL


@pytest.mark.parametrize("text", ["08-508 290 00", "0771-11 11 11", "020-12 34 56", "010-123 45 67",
                                  "+46 8 508 290 00", "+46 (0)8-508 290 00", "0123-45 67 89", "070 123 45 67",
                                  "0771 670 670", "08‑123 456 00", "0046 771 119 119", "0480453000"])
def test_swedish_phone_numbers(text: str) -> None:
    assert phone_numbers(f"Telefon: {text}.") == [text]


@pytest.mark.parametrize("text", ["2024-05-06", "Org.nr 212000-1234", "123 45 Lillby", "kl. 08.00-17.00",
                                  "19850101-1234", "08-12", "ärende 2023/01234", "https://x.se/0123-456789",
                                  "v. 12-14", "0771-1"])
def test_not_phone_numbers(text: str) -> None:
    assert phone_numbers(text) == []


@pytest.mark.parametrize("text", ["info@lillby.se", "kommun[at]lillby.se", "kommun (at) lillby.se",
                                  "kommun(a)lillby.se", "kommun snabel-a lillby punkt se", "a.b@sub.lillby.se",
                                  "registrator[at]lillby[dot]se"])
def test_email_addresses_plain_and_obfuscated(text: str) -> None:
    assert patterns()["email"].search(f"E-post: {text}")


@pytest.mark.parametrize("text", ["Vi ses at the office", "foo@bar", "Hjälp med ärenden (at) handläggaren",
                                  "kommun @ lillby"])
def test_not_email_addresses(text: str) -> None:
    assert not patterns()["email"].search(text)


@pytest.mark.parametrize("markup, channel", [
    ('<a href="/ring">Vill du bli uppringd?</a>', "callback"),
    ('<button>Beställ samtal</button>', "callback"),
    ('<a href="/kontakt/ring-mig">Ring mig</a>', "callback"),
    ('<a href="/boka">Boka ett besök</a>', "booking"),
    ('<a href="/tid">Tidsbokning</a>', "booking"),
    ('<a href="/faq">Frågor och svar</a>', "faq"),
    ('<a href="/faq" aria-label="Vanliga frågor"><i></i></a>', "faq"),
    ('<a href="/klaga">Lämna en synpunkt</a>', "complaints"),
    ('<a href="/sms">Få sms när vattnet stängs av</a>', "subscribe"),
    ('<a href="/feed">RSS</a>', "subscribe"),
    ('<button class="open">Chatta med en handläggare</button>', "chat"),
    ('<a href="/chatt">Chatten</a>', "chat"),
    ('<p><strong>Telefontid</strong></p>', "opening-hours"),
    ('<p>Öppet mån–fre kl. 8.00–16.30</p>', "opening-hours"),
    ('<p>Besöksadress: Kungsgatan 4</p>', "address"),
    ('<a href="/kontakt/formular">Kontaktformulär</a>', "form"),
    ('<button>Skriv till oss</button>', "form"),
    ('<section><h2>Var den här sidan till hjälp?</h2><button>Ja</button></section>', "page-feedback"),
    ('<p>Hittade du det du letade efter?</p>', "page-feedback"),
    ('<a href="/en/contact">Contact form</a>', "form"),
    ('<a href="/en/faq">Frequently asked questions</a>', "faq"),
    ('<p>Opening hours: Monday–Friday 8–17</p>', "opening-hours"),
])
def test_channels_in_many_words(markup: str, channel: str) -> None:
    ev = run(page(wrap(f"<footer>{markup}</footer>")))
    assert ev[f"contact.{channel}"].outcome is Outcome.PASS, markup


@pytest.mark.parametrize("script, vendor", [
    ("https://static.zdassets.com/ekr/snippet.js?key=1", "zendesk"),
    ("https://widget.intercom.io/widget/abc", "intercom"),
    ("https://lillby.humany.net/chat/embed.js", "humany_calabrio"),
    ("https://wds.ace.teliacompany.com/wds/instances/j/ace-wds.js", "telia_ace"),
    ("https://lillby.boost.ai/chatPanel/chatPanel.js", "boostai"),
    ("https://client.ebbot.app/chat.js", "ebbot"),
    ("https://embed.tawk.to/123/default", "tawk"),
    ("https://cdn.livechatinc.com/tracking.js", "livechat"),
    ("https://lptag.liveperson.net/tag/tag.js", "liveperson"),
    ("https://chat.puzzel.com/Content/Client/js/puzzel.js", "puzzel"),
])
def test_chat_vendors_by_network_request(script: str, vendor: str) -> None:
    ev = run(page(wrap("<main><p>Start</p></main>"), network=[{"url": script, "resource_type": "script"}]))
    assert ev["contact.chat"].outcome is Outcome.PASS
    assert vendor in ev["contact.chat"].details["found"][0]["rule"]


def test_chat_by_launcher_markup_and_not_by_similar_words() -> None:
    ev = run(page(wrap('<div id="hubspot-messages-iframe-container"><iframe></iframe></div>')))
    assert ev["contact.chat"].outcome is Outcome.PASS
    ev = run(page(wrap("<main><p>Start</p></main>"), network=[
        {"url": "https://www.lillby.se/js/driftinformation.js", "resource_type": "script"},
        {"url": "https://www.lillby.se/styles/chateau.css", "resource_type": "stylesheet"}]))
    assert ev["contact.chat"].outcome is Outcome.FAIL


@pytest.mark.parametrize("form", [
    '<form role="search" action="/sok"><input name="q"><button>Sök</button></form>',
    '<form action="/nyhetsbrev"><input type="email" name="email"><button>Prenumerera</button></form>',
    '<form action="/login"><input name="user"><input type="password" name="pw"><button>Logga in</button></form>',
    '<form id="commentform" action="/wp-comments-post.php"><textarea name="comment"></textarea></form>',
    '<div id="chatt-panel"><form><input name="meddelande"><button>Skicka</button></form></div>',
])
def test_forms_that_are_not_contact_forms(form: str) -> None:
    assert run(page(wrap(f"<main>{form}</main>")))["contact.form"].outcome is Outcome.FAIL


def test_a_message_form_with_personnummer_warning_is_a_contact_form() -> None:
    form = ('<form action="/kontakt/tack" method="post"><label>Din fråga (skriv inte personnummer)</label>'
            '<textarea name="fraga"></textarea><button>Skicka</button></form>')
    assert run(page(wrap(f"<main>{form}</main>")))["contact.form"].outcome is Outcome.PASS


def test_reachable_counts_clicks_and_ignores_kontakt_in_running_text() -> None:
    prose = ("<main><p>Om du har frågor om ditt ärende kan du alltid <a href='/kontakt/'>ta kontakt med din "
             "handläggare</a> via telefon eller e-post under kontorstid.</p></main>")
    assert run(page(wrap(prose)))["contact.reachable"].outcome is Outcome.FAIL
    deep = page(wrap("<main><h1>Kontakta oss</h1></main>", title="Kontakta oss"), url=HOME + "a/b/c/kontakt/",
                depth=3, kind="contact")
    ev = run(page(wrap("<main><p>Start</p></main>")), deep)
    assert ev["contact.reachable"].outcome is Outcome.PARTIAL
    assert ev["contact.reachable"].details["clicks"] == 3


def test_mobile_view_compared_with_desktop_on_the_same_pages() -> None:
    full = wrap("<footer><a href='tel:+46123456700'>0123-456 700</a><a href='mailto:a@lillby.se'>a@lillby.se</a>"
                "</footer>")
    no_mail = wrap("<footer><a href='tel:+46123456700'>0123-456 700</a></footer>")
    assert run(page(full), page(full, viewport="mobile"))["contact.mobile"].outcome is Outcome.PASS
    ev = run(page(full), page(no_mail, viewport="mobile"))
    assert ev["contact.mobile"].outcome is Outcome.PARTIAL
    assert ev["contact.mobile"].details["desktop"] == ["email", "phone"]
    nothing = wrap("<main><p>Start</p></main>")
    assert run(page(full), page(nothing, viewport="mobile"))["contact.mobile"].outcome is Outcome.FAIL


def test_share_by_email_is_not_an_email_channel() -> None:
    share = wrap('<footer><a href="mailto:?subject=Tips&amp;body=https://www.lillby.se/">Dela via e-post</a></footer>')
    assert run(page(share))["contact.email"].outcome is Outcome.FAIL


def test_no_readable_page_is_an_error() -> None:
    ev = ContactChannelsProbe().run({"home_url": HOME, "pages": []})
    assert len(ev) == len(ContactChannelsProbe.criteria)
    assert {e.outcome for e in ev} == {Outcome.ERROR}


def test_contact_channels_in_chromium_desktop_and_mobile() -> None:
    from crawler.settings import CrawlSettings
    from crawler.single import run_probe
    from maturity.localsite import LocalSite

    routes: dict[str, Handler | Reply | str] = {"/": fixture("site_home.html"), "/kontakt/": fixture("kontakt_myndighet.html"),
              "/nyheter/bankid/": fixture("news_bankid_fraud.html")}
    settings = CrawlSettings(delay=0, allow_private=True, block_external=True, page_timeout=10, max_pages=3,
                             screenshots=False, mobile="key")
    with LocalSite(routes=routes, host="127.0.0.172") as site:
        result = run_probe("contact-channels", site.base_url, settings)
    assert result.error is None
    assert {p["viewport"] for p in result.pages} == {"desktop", "mobile"}
    ev = {e.criterion: e for e in result.evidence}
    got = {k.removeprefix("contact."): str(v.outcome) for k, v in ev.items()}
    assert got == {"phone": "pass", "email": "pass", "form": "pass", "chat": "pass", "callback": "pass",
                   "booking": "pass", "opening-hours": "pass", "address": "pass", "faq": "pass",
                   "page-feedback": "pass", "complaints": "pass", "subscribe": "pass", "reachable": "pass",
                   "mobile": "pass"}
    assert ev["contact.form"].url == site.url("/kontakt/")
    # the press contact's mobile number in the news article is not among the phone finds
    assert all("070" not in f["snippet"] for f in ev["contact.phone"].details["found"])


@pytest.mark.parametrize("value", ["https://js.hs-scripts.com/123.js", "kundomrade kundomrade--wide",
                                   "https://www.lillby.se/css/chateau.css", "https://cdn.lillby.se/driftinfo.js"])
def test_tracking_scripts_and_lookalike_classes_are_not_chat(value: str) -> None:
    html = wrap(f'<main><div class="{value}"><p>Start</p></div></main>')
    ev = run(page(html, network=[{"url": value, "resource_type": "script"}]))
    assert ev["contact.chat"].outcome is Outcome.FAIL, ev["contact.chat"].details
