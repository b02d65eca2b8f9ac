"""The privacy probe: trackers and cookies before consent, the banner, refusing, and the pages
that inform about personal data and cookies."""

from __future__ import annotations

from typing import Any

import pytest

from crawler.single import run_probe
from maturity.localsite import LocalSite
from probes.base import Outcome
from probes.privacy import (
    PrivacyProbe,
    classify_button,
    tracker_for_name,
    tracker_for_url,
    trackers,
)

HOST = "127.0.0.204"


def outcomes(evidence: list[Any]) -> dict[str, Outcome]:
    return {e.criterion: e.outcome for e in evidence}


def button(text: str, w: float = 120, h: float = 40) -> dict[str, Any]:
    return {"text": text, "tag": "button", "width": w, "height": h, "is_link": False}


def artifacts(network: list[str] | None = None, cookies: list[dict[str, Any]] | None = None,
              storage: dict[str, Any] | None = None, consent: dict[str, Any] | None = None,
              links: list[dict[str, Any]] | None = None, other_links: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    fv = {"network": [{"url": u, "failed": "net::ERR_FAILED", "resource_type": "script"} for u in network or []],
          "cookies": cookies or [], "storage": storage or {"local": {}, "session": {}},
          "consent": consent if consent is not None else {"banner_found": False, "buttons": []}}
    home = {"url": "https://kommun.se/", "final_url": "https://kommun.se/", "is_home": True, "viewport": "desktop",
            "first_visit": fv, "links": links or []}
    other = {"url": "https://kommun.se/a/", "final_url": "https://kommun.se/a/", "is_home": False,
             "viewport": "desktop", "first_visit": None, "links": other_links or []}
    return {"home_url": "https://kommun.se/", "org": {"domains": ["kommun.se"]}, "pages": [home, other]}


def test_the_tracker_list_is_well_formed() -> None:
    ts = trackers()
    assert len(ts) >= 40
    for t in ts:
        assert t.hosts or t.paths, t.name
        assert t.category in {"analytics", "advertising", "social", "session-recording", "tag-manager", "marketing",
                              "embed"}
        assert all("/" not in h and "." in h for h in t.hosts), t.name
    names = {t.name for t in ts}
    for wanted in ("Google Analytics", "Google Tag Manager", "Meta (Facebook) Pixel", "Hotjar", "LinkedIn Insight Tag",
                   "Microsoft Clarity", "Matomo Cloud", "Siteimprove Analytics", "Yandex Metrica", "TikTok Pixel",
                   "Snap Pixel", "Adobe Analytics / Experience Cloud"):
        assert wanted in names


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.google-analytics.com/analytics.js", "Google Analytics"),
    ("https://region1.google-analytics.com/g/collect?v=2", "Google Analytics"),
    ("https://www.googletagmanager.com/gtag/js?id=G-XYZ", "Google Tag Manager"),
    ("https://stats.g.doubleclick.net/j/collect", "Google Ads / DoubleClick"),
    ("https://www.facebook.com/tr?id=123&ev=PageView", "Meta (Facebook) Pixel"),
    ("https://connect.facebook.net/sv_SE/fbevents.js", "Meta (Facebook) Pixel"),
    ("https://static.hotjar.com/c/hotjar-1.js", "Hotjar"),
    ("https://snap.licdn.com/li.lms-analytics/insight.min.js", "LinkedIn Insight Tag"),
    ("https://www.clarity.ms/tag/abc", "Microsoft Clarity"),
    ("https://kommun.matomo.cloud/matomo.php?idsite=1", "Matomo Cloud"),
    ("https://siteimproveanalytics.com/js/siteanalyze_6000.js", "Siteimprove Analytics"),
    ("https://mc.yandex.ru/metrika/tag.js", "Yandex Metrica"),
    ("https://analytics.tiktok.com/i18n/pixel/events.js", "TikTok Pixel"),
    ("https://sc-static.net/scevent.min.js", "Snap Pixel"),
    ("https://kommun.sc.omtrdc.net/b/ss/x", "Adobe Analytics / Experience Cloud"),
    ("https://www.youtube.com/embed/abc", "YouTube embeds (not privacy-enhanced)"),
])
def test_tracker_urls(url: str, expected: str) -> None:
    t = tracker_for_url(url)
    assert t is not None and t.name == expected


@pytest.mark.parametrize("url", [
    "https://www.youtube-nocookie.com/embed/abc",  # privacy-enhanced mode
    "https://www.facebook.com/translate",  # not the pixel path
    "https://www.facebook.com/kommunen",  # a link target, not a tracker request
    "https://google-analytics.com.example.se/x.js",  # look-alike host
    "https://notgoogle-analytics.com/x.js",
    "https://www.google.com/maps/embed?pb=1",
    "https://kommun.se/matomo.php",  # self-hosted analytics is first-party
    "https://app.readspeaker.com/cgi-bin/rsent",
])
def test_not_trackers(url: str) -> None:
    assert tracker_for_url(url) is None


@pytest.mark.parametrize(("name", "tracked"), [
    ("_ga", True), ("_ga_ABC123", True), ("_gid", True), ("_fbp", True), ("_hjSessionUser_123", True),
    ("_pk_id.1.abcd", True), ("nmstat", True), ("AMCV_123%40AdobeOrg", True), ("_clck", True),
    ("JSESSIONID", False), ("CookieConsent", False), ("sv-cookie-consent", False), ("_gallery", False),
    ("ga", False), ("ASP.NET_SessionId", False),
])
def test_cookie_names(name: str, tracked: bool) -> None:
    assert (tracker_for_name(name) is not None) is tracked


@pytest.mark.parametrize(("text", "kind"), [
    ("Godkänn alla kakor", "accept"), ("Acceptera alla", "accept"), ("Tillåt alla cookies", "accept"),
    ("Jag godkänner", "accept"), ("OK", "accept"), ("Okej, jag förstår", "accept"),
    ("Neka", "refuse"), ("Neka alla", "refuse"), ("Avvisa alla", "refuse"), ("Endast nödvändiga", "refuse"),
    ("Acceptera endast nödvändiga", "refuse"), ("Godkänn nödvändiga kakor", "refuse"),
    ("Använd endast nödvändiga cookies", "refuse"), ("Godkänn inte", "refuse"), ("Nej tack", "refuse"),
    ("Tillåt endast nödvändiga", "refuse"), ("Reject all", "refuse"), ("Only necessary cookies", "refuse"),
    ("Inställningar", "settings"), ("Anpassa", "settings"), ("Tillåt urval", "settings"),
    ("Hantera kakor", "settings"), ("Cookie settings", "settings"), ("Läs mer", "settings"),
    ("Accept all", "accept"), ("Stäng", "other"), ("Okänd knapp", "other"),
])
def test_banner_buttons(text: str, kind: str) -> None:
    assert classify_button(text) == kind


def test_a_clean_first_visit_with_a_fair_banner_passes() -> None:
    consent = {"banner_found": True, "buttons": [button("Godkänn alla"), button("Endast nödvändiga"),
                                                 button("Inställningar", 90, 30)]}
    links = [{"url": "https://kommun.se/om-webbplatsen/personuppgifter/", "text": "Personuppgifter"},
             {"url": "https://kommun.se/om-webbplatsen/kakor/", "text": "Kakor"}]
    got = outcomes(PrivacyProbe().run(artifacts(
        network=["https://kommun.se/app.js"], cookies=[{"name": "JSESSIONID", "domain": "kommun.se"}],
        consent=consent, links=links)))
    assert got == {c: Outcome.PASS for c in PrivacyProbe.criteria}


def test_a_failed_tracker_attempt_counts_and_names_the_domain() -> None:
    ev = {e.criterion: e for e in PrivacyProbe().run(artifacts(
        network=["https://www.google-analytics.com/analytics.js", "https://static.hotjar.com/c/hotjar-1.js"]))}
    t = ev["privacy.trackers-before-consent"]
    assert t.outcome == Outcome.FAIL
    assert "www.google-analytics.com" in t.message and "static.hotjar.com" in t.message
    assert t.details["trackers"]["www.google-analytics.com"]["failed"] == 1
    # no banner while tracking: both banner criteria fail
    assert ev["privacy.cookie-banner"].outcome == Outcome.FAIL
    assert ev["privacy.refuse-as-easy"].outcome == Outcome.FAIL


def test_only_video_embeds_is_partial() -> None:
    got = outcomes(PrivacyProbe().run(artifacts(network=["https://www.youtube.com/embed/xyz"])))
    assert got["privacy.trackers-before-consent"] == Outcome.PARTIAL


def test_tracking_cookies_and_storage_before_consent() -> None:
    ev = {e.criterion: e for e in PrivacyProbe().run(artifacts(
        cookies=[{"name": "_ga", "domain": ".kommun.se"}, {"name": "sessionid", "domain": "kommun.se"}]))}
    assert ev["privacy.cookies-before-consent"].outcome == Outcome.FAIL
    assert "_ga" in ev["privacy.cookies-before-consent"].message
    third = outcomes(PrivacyProbe().run(artifacts(cookies=[{"name": "uid", "domain": ".adtech.example"}])))
    assert third["privacy.cookies-before-consent"] == Outcome.FAIL
    stored = outcomes(PrivacyProbe().run(artifacts(storage={"local": {"_hjid": 36}, "session": {}})))
    assert stored["privacy.cookies-before-consent"] == Outcome.FAIL
    first_party = outcomes(PrivacyProbe().run(artifacts(cookies=[{"name": "lang", "domain": "www.kommun.se"}])))
    assert first_party["privacy.cookies-before-consent"] == Outcome.PASS


@pytest.mark.parametrize(("buttons", "expected"), [
    (["Godkänn alla", "Inställningar"], Outcome.FAIL),  # refusing takes a detour
    (["Acceptera alla kakor", "Acceptera nödvändiga kakor", "Inställningar"], Outcome.PASS),  # Sitevision wording
    (["Tillåt alla cookies", "Tillåt urval", "Använd endast nödvändiga cookies"], Outcome.PASS),  # Cookiebot
    (["Neka", "Godkänn"], Outcome.PASS),
    (["Jag förstår"], Outcome.FAIL),  # information only, while the site tracks
    (["Stäng"], Outcome.REVIEW),
])
def test_refuse_as_easy(buttons: list[str], expected: Outcome) -> None:
    consent = {"banner_found": True, "buttons": [button(b) for b in buttons]}
    got = outcomes(PrivacyProbe().run(artifacts(network=["https://www.googletagmanager.com/gtm.js"], consent=consent)))
    assert got["privacy.cookie-banner"] == Outcome.PASS
    assert got["privacy.refuse-as-easy"] == expected


def test_a_tiny_refuse_link_beside_a_big_accept_button_is_partial() -> None:
    consent = {"banner_found": True, "buttons": [button("Godkänn alla", 300, 56), button("Neka", 40, 18)]}
    assert outcomes(PrivacyProbe().run(artifacts(consent=consent)))["privacy.refuse-as-easy"] == Outcome.PARTIAL


def test_no_banner_and_nothing_to_consent_to_is_not_applicable() -> None:
    got = outcomes(PrivacyProbe().run(artifacts()))
    assert got["privacy.cookie-banner"] == Outcome.NOT_APPLICABLE
    assert got["privacy.refuse-as-easy"] == Outcome.NOT_APPLICABLE
    assert got["privacy.trackers-before-consent"] == Outcome.PASS


def test_an_info_banner_without_tracking_needs_review() -> None:
    consent = {"banner_found": True, "buttons": [button("OK")]}
    assert outcomes(PrivacyProbe().run(artifacts(consent=consent)))["privacy.refuse-as-easy"] == Outcome.REVIEW


@pytest.mark.parametrize(("link", "found"), [
    ({"url": "https://kommun.se/dataskydd/", "text": "Dataskydd"}, True),
    ({"url": "https://kommun.se/om/gdpr/", "text": "GDPR"}, True),
    ({"url": "https://kommun.se/x/", "text": "Så behandlar vi dina personuppgifter"}, True),
    ({"url": "https://kommun.se/integritetspolicy/", "text": "Läs mer"}, True),  # the slug says it
    ({"url": "https://kommun.se/en/privacy/", "text": "Privacy policy"}, True),
    ({"url": "https://kommun.se/x/", "text": "Behandling av personuppgifter"}, True),
    ({"url": "https://kommun.se/uppgifter/", "text": "Uppgifter om skolan"}, False),  # near miss
    ({"url": "https://kommun.se/personal/", "text": "Personal och ledning"}, False),  # near miss
])
def test_personal_data_page_wording(link: dict[str, Any], found: bool) -> None:
    got = outcomes(PrivacyProbe().run(artifacts(links=[link])))
    assert (got["privacy.personal-data-page"] == Outcome.PASS) is found


def test_a_personal_data_link_only_on_a_deeper_page_is_partial() -> None:
    got = outcomes(PrivacyProbe().run(artifacts(other_links=[{"url": "https://kommun.se/gdpr/", "text": "GDPR"}])))
    assert got["privacy.personal-data-page"] == Outcome.PARTIAL
    assert got["privacy.cookie-info"] == Outcome.FAIL


def test_without_a_first_visit_the_consent_criteria_are_errors() -> None:
    a = artifacts()
    a["pages"][0]["first_visit"] = None
    got = outcomes(PrivacyProbe().run(a))
    assert {got[c] for c in PrivacyProbe.criteria[:4]} == {Outcome.ERROR}


BANNER_PAGE = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Spårkommun</title>
<script src="https://www.google-analytics.com/analytics.js"></script>
<script async src="https://connect.facebook.net/sv_SE/fbevents.js"></script></head>
<body><div id="cookie-banner" role="dialog" aria-label="Kakor">
<p>Vi använder kakor (cookies) för statistik och marknadsföring.</p>
<button>Godkänn alla kakor</button> <button>Inställningar</button></div>
<main><h1>Välkommen</h1><p>Kommunen.</p></main>
<footer><a href="/om-webbplatsen/behandling-av-personuppgifter/">Behandling av personuppgifter</a>
<a href="/om-webbplatsen/kakor/">Om kakor</a></footer></body></html>"""


def test_run_probe_counts_blocked_tracker_attempts(fast_settings: Any) -> None:
    """End to end: the crawler aborts requests leaving loopback, yet the attempt is what counts."""
    with LocalSite(routes={"/": BANNER_PAGE}, host=HOST) as site:
        run = run_probe("privacy", site.url("/"), fast_settings)
    assert run.error is None, run.error
    ev = {e.criterion: e for e in run.evidence}
    t = ev["privacy.trackers-before-consent"]
    assert t.outcome == Outcome.FAIL
    assert "www.google-analytics.com" in t.message and "connect.facebook.net" in t.message
    assert ev["privacy.cookie-banner"].outcome == Outcome.PASS
    assert ev["privacy.refuse-as-easy"].outcome == Outcome.FAIL
    assert ev["privacy.personal-data-page"].outcome == Outcome.PASS
    assert ev["privacy.cookie-info"].outcome == Outcome.PASS
