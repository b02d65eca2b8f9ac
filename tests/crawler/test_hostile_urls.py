"""Bad and strange URLs, without a browser: IDN hosts, legacy encodings, traps, schemes."""

from __future__ import annotations

import pytest

from crawler.faults import challenge_in, describe_error, is_status_error, retry_after
from crawler.urls import (
    HOST_MAP_ENV,
    MAX_QUERY_VARIANTS,
    MAX_SHAPE_VARIANTS,
    Scope,
    TrapGuard,
    ascii_host,
    canonicalize,
    host_of,
    is_private_address,
)


def test_idn_hosts_are_one_site_in_either_spelling() -> None:
    assert ascii_host("WWW.Åäö.SE.") == "www.xn--4cab6c.se"
    assert canonicalize("https://www.åäö.se/Sök?q=å") == "https://www.xn--4cab6c.se/S%C3%B6k?q=%C3%A5"
    assert canonicalize("https://www.xn--4cab6c.se/S%c3%b6k") == "https://www.xn--4cab6c.se/S%C3%B6k"
    assert host_of("https://Malmö.se/") == "xn--malm-8qa.se"
    scope = Scope("https://www.åäö.se/", also=["e-tjänst.se"])
    assert scope("https://www.xn--4cab6c.se/a")
    assert scope("https://kartor.åäö.se/")
    assert scope("https://xn--e-tjnst-8wa.se/")
    assert not scope("https://www.aao.se/")
    assert not scope("https://åäö.se.example.com/")


def test_legacy_percent_escapes_are_kept_byte_for_byte() -> None:
    # an ISO-8859-1 site's /s%F6k/ must not turn into U+FFFD (a different URL)
    assert canonicalize("http://kommun.se/s%f6k/?q=%F6rebro") == "http://kommun.se/s%F6k/?q=%F6rebro"
    # an encoded slash or ampersand is data, not structure
    assert canonicalize("http://kommun.se/a%2Fb?x=a%26b") == "http://kommun.se/a%2Fb?x=a%26b"
    # unreserved characters are decoded, a bare percent sign is encoded
    assert canonicalize("http://kommun.se/%7Eadm/100%/") == "http://kommun.se/~adm/100%25/"
    assert canonicalize("http://kommun.se/?b=2&&a=1&utm_campaign=x&sid=9") == "http://kommun.se/?a=1&b=2"


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "file:///etc/passwd", "data:text/html,<h1>x</h1>", "chrome://settings/",
    "view-source:http://kommun.se/", "about:blank", "ftp://kommun.se/fil.txt", "blob:http://kommun.se/1",
    "mailto:info@kommun.se", "tel:+46812345",
])
def test_only_http_and_https_are_in_scope(url: str) -> None:
    assert canonicalize(url) == url  # left alone
    assert not Scope("http://kommun.se/")(url)


def test_malformed_urls_do_not_raise() -> None:
    for url in ("http://[::1", "http://kommun.se:99999/", "http://kommun.se:abc/", "http://", "://x", ""):
        canonicalize(url)
        host_of(url)
        assert not Scope("http://kommun.se/")(url) or url == ""


def test_session_ids_in_path_and_query_are_dropped() -> None:
    want = "https://kommun.se/sida/?id=4"
    for url in ("https://kommun.se/sida/;jsessionid=0A1B2C?id=4", "https://kommun.se/sida/?PHPSESSID=abc&id=4",
                "https://kommun.se/sida/?id=4&sid=9f8e7d", "https://kommun.se/sida/?ASPSESSIONIDQQ=x&id=4"):
        assert canonicalize(url) == want, url


def test_trap_guard_stops_endless_calendars() -> None:
    guard = TrapGuard(this_year=2026)
    admitted = [m for m in range(1, 400) if guard.admit(f"https://kommun.se/kalender/?manad={m}")]
    assert len(admitted) == MAX_QUERY_VARIANTS
    guard = TrapGuard(this_year=2026)
    months = [f"https://kommun.se/kalender/{2026 + m // 12}/{m % 12 + 1}/" for m in range(0, 200)]
    kept = [u for u in months if guard.admit(u)]
    assert all("/2029/" not in u and "/2030/" not in u for u in kept)
    assert len(kept) <= MAX_SHAPE_VARIANTS
    assert TrapGuard(2026).reason("https://kommun.se/evenemang/?datum=2031-05-01") == "a date in 2031"


def test_trap_guard_stops_repeating_and_endless_paths() -> None:
    guard = TrapGuard(2026)
    assert guard.reason("https://kommun.se/a/b/a/b/a/b/") == "a path segment repeats"
    assert guard.reason("https://kommun.se/" + "x/" * 8 + "".join(f"{i}/" for i in range(10))) is not None
    # ordinary pages, and ordinary news with dates, pass
    for url in ("https://kommun.se/nyheter/2025/11/ny-skola/", "https://kommun.se/bygga-bo/bygglov/ansok/",
                "https://kommun.se/sok?q=bygglov", "https://kommun.se/a/b/a/"):
        assert guard.admit(url), url


def test_trap_guard_counts_resumed_frontiers() -> None:
    guard = TrapGuard(2026)
    for i in range(MAX_SHAPE_VARIANTS):
        guard.note(f"https://kommun.se/sida-{i}/")
    assert not guard.admit("https://kommun.se/sida-999/")
    assert guard.admit("https://kommun.se/annan-sida/")


def test_host_map_is_a_test_hook_for_private_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOST_MAP_ENV, "www.åäö.se=127.0.0.65, intra.kommun.se=10.0.0.8")
    assert is_private_address("www.xn--4cab6c.se")
    assert is_private_address("www.åäö.se")
    assert is_private_address("intra.kommun.se")
    assert is_private_address("[::1]") and is_private_address("169.254.169.254") and is_private_address("0.0.0.0")


def test_fault_vocabulary() -> None:
    assert is_status_error("HTTP 404") and is_status_error("HTTP 503")
    for other in ("timed out after 30 s", "blocked: bot challenge or firewall page (HTTP 503)", None,
                  "redirected off-site to https://x.se/", "HTTP 4044"):
        assert not is_status_error(other)
    assert retry_after("120") == 120
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10)
    assert retry_after("soon") is None and retry_after("") is None
    assert describe_error(TimeoutError(), 30) == "timed out after 30 s"
    assert describe_error(RuntimeError("net::ERR_CONNECTION_RESET at http://x/"), 30) == \
        "network error ERR_CONNECTION_RESET"
    assert describe_error(RuntimeError("Target page, context or browser has been closed"), 30).startswith(
        "browser failure")


def test_bot_challenges_and_near_misses() -> None:
    # interstitials
    assert challenge_in(503, "Just a moment...", "", "<script src='/cdn-cgi/challenge-platform/x'></script>")
    assert challenge_in(403, "Attention Required! | Cloudflare", "", "")
    assert challenge_in(200, "Just a moment...", "Checking your browser before accessing kommun.se", "")
    assert challenge_in(200, "kommun.se", "Verifierar att du är en människa. Det kan ta några sekunder.", "")
    # an ordinary page of a protected site embeds the vendor's script: not a challenge
    assert not challenge_in(200, "Startsida - Kommunen", "Välkommen till kommunen. Bygga, bo och miljö.",
                            "<script src='/cdn-cgi/challenge-platform/scripts/jsd/main.js'></script>")
    # a long article that mentions bots is content, not a challenge
    article = "Är du en robot? Så skyddar sig kommunen mot robotar. " + "Text om it-säkerhet. " * 1200
    assert not challenge_in(200, "IT-säkerhet", article + " verify you are human", "")
    # a plain 403 or 404 is an HTTP error, not a challenge
    assert not challenge_in(403, "403 Forbidden", "Forbidden", "<h1>Forbidden</h1>")
    assert not challenge_in(404, "Sidan finns inte", "Sidan finns inte", "<h1>Sidan finns inte</h1>")
