"""The security probe: TLS against local HTTPS servers with certificates the test makes,
redirects, HSTS, mixed content and headers on saved artifacts."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import trustme

from crawler.gatherers import site_http
from crawler.gatherers.site_http import HttpSecurityGatherer, with_scheme
from crawler.single import run_probe
from maturity.localsite import LocalSite, Reply
from probes.base import Outcome
from probes.security import SecurityProbe, header_checks, mixed_in_html
from tests.fixtures.site_probes_a.helpers import ca_file, settings, site_context, tls_context

HOST, OTHER_HOST, PLAIN_HOST = "127.0.0.201", "127.0.0.202", "127.0.0.203"
GOOD_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "geolocation=(), camera=()",
}
HOME = "<!doctype html><html lang=sv><title>Start</title><h1>Välkommen</h1></html>"


def outcomes(evidence: list[Any]) -> dict[str, Outcome]:
    return {e.criterion: e.outcome for e in evidence}


def sec_artifact(https: dict[str, Any] | None = None, http: dict[str, Any] | None = None,
                 home: str = "https://kommun.se/") -> dict[str, Any]:
    base_https = {"url": home, "status": 200, "error": None, "cert_error": None, "chain": [],
                  "headers": {k.lower(): v for k, v in GOOD_HEADERS.items()},
                  "cert": {"days_left": 200.0, "issuer": "Let's Encrypt"}}
    base_http = {"url": "http://kommun.se/", "status": 200, "error": None, "final_url": home,
                 "chain": [{"url": "http://kommun.se/", "status": 301, "location": home}], "redirects_to_https": True}
    return {"home_url": home, "https_url": home, "http_url": "http://kommun.se/",
            "https": base_https | (https or {}), "http": base_http | (http or {})}


def artifacts(sec: dict[str, Any] | None = None, pages: list[dict[str, Any]] | None = None,
              headers: dict[str, str] | None = None) -> dict[str, Any]:
    home = {"url": "https://kommun.se/", "final_url": "https://kommun.se/", "is_home": True, "viewport": "desktop",
            "status": 200, "html": HOME, "network": [],
            "headers": {k.lower(): v for k, v in (GOOD_HEADERS if headers is None else headers).items()}}
    return {"home_url": "https://kommun.se/", "http_security": sec or sec_artifact(), "pages": [home, *(pages or [])]}


def test_a_well_configured_site_passes_everything() -> None:
    ev = SecurityProbe().run(artifacts())
    assert outcomes(ev) == {c: Outcome.PASS for c in SecurityProbe.criteria}


def test_a_plain_http_site_fails_https_and_hsts_and_has_no_certificate_to_judge() -> None:
    sec = sec_artifact(home="http://kommun.se/",
                       https={"status": None, "error": "Connect call failed", "headers": {}, "cert": None},
                       http={"final_url": "http://kommun.se/", "redirects_to_https": False,
                             "chain": [{"url": "http://kommun.se/", "status": 200, "location": None}]})
    a = artifacts(sec)
    a["pages"][0]["final_url"] = "http://kommun.se/"
    got = outcomes(SecurityProbe().run(a))
    assert got["security.https"] == Outcome.FAIL
    assert got["security.hsts"] == Outcome.FAIL
    assert got["security.http-redirect"] == Outcome.FAIL
    assert got["security.valid-certificate"] == Outcome.NOT_APPLICABLE
    assert got["security.mixed-content"] == Outcome.NOT_APPLICABLE


def test_some_pages_on_http_is_partial() -> None:
    extra = {"url": "http://kommun.se/gammal/", "final_url": "http://kommun.se/gammal/", "viewport": "desktop",
             "status": 200, "html": HOME, "network": [], "headers": {}}
    ev = {e.criterion: e for e in SecurityProbe().run(artifacts(pages=[extra]))}
    assert ev["security.https"].outcome == Outcome.PARTIAL
    assert ev["security.https"].details["http_pages"] == ["http://kommun.se/gammal/"]


@pytest.mark.parametrize(("http", "expected"), [
    ({"status": 200, "final_url": "http://kommun.se/", "redirects_to_https": False,
      "chain": [{"url": "http://kommun.se/", "status": 200, "location": None}]}, Outcome.FAIL),
    ({"status": None, "error": "timed out", "chain": [], "redirects_to_https": False}, Outcome.PARTIAL),
    ({"status": 200, "final_url": "http://www.kommun.se/", "redirects_to_https": False,
      "chain": [{"url": "http://kommun.se/", "status": 301, "location": "http://www.kommun.se/"}]}, Outcome.FAIL),
])
def test_http_that_does_not_lead_to_https(http: dict[str, Any], expected: Outcome) -> None:
    got = outcomes(SecurityProbe().run(artifacts(sec_artifact(http=http))))
    assert got["security.http-redirect"] == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("max-age=63072000; includeSubDomains; preload", Outcome.PASS),
    ('max-age="31536000"', Outcome.PASS),
    ("max-age=86400", Outcome.PARTIAL),
    ("max-age=0", Outcome.FAIL),
    (None, Outcome.FAIL),
])
def test_hsts_max_age(value: str | None, expected: Outcome) -> None:
    headers = {k: v for k, v in GOOD_HEADERS.items() if k != "Strict-Transport-Security"}
    if value is not None:
        headers["Strict-Transport-Security"] = value
    sec = sec_artifact(https={"headers": {k.lower(): v for k, v in headers.items()}})
    assert outcomes(SecurityProbe().run(artifacts(sec, headers=headers)))["security.hsts"] == expected


def test_certificate_problems() -> None:
    bad = sec_artifact(https={"status": None, "cert_error": "certificate: self-signed certificate", "cert": None})
    ev = {e.criterion: e for e in SecurityProbe().run(artifacts(bad))}
    assert ev["security.valid-certificate"].outcome == Outcome.FAIL
    assert "self-signed" in ev["security.valid-certificate"].message
    soon = sec_artifact(https={"cert": {"days_left": 3.2}})
    assert outcomes(SecurityProbe().run(artifacts(soon)))["security.valid-certificate"] == Outcome.PARTIAL
    down = sec_artifact(https={"status": None, "error": "timed out", "cert": None})
    assert outcomes(SecurityProbe().run(artifacts(down)))["security.valid-certificate"] == Outcome.ERROR


def test_mixed_content_counts_sub_resources_not_links() -> None:
    html = ('<a href="http://example.se/">länk</a><link rel="canonical" href="http://kommun.se/">'
            '<link rel="alternate" href="http://kommun.se/en/">'
            '<img src="/bild.png" srcset="/a.png 1x, http://cdn.example.se/b.png 2x">'
            '<script src="http://cdn.example.se/app.js"></script><link rel="stylesheet" href="http://x.se/s.css">')
    found = mixed_in_html(html)
    assert len(found) == 3 and all("http://" in f for f in found)
    assert not mixed_in_html('<a href="http://example.se/">x</a><link rel="canonical" href="http://kommun.se/">')
    a = artifacts()
    a["pages"][0]["html"] = html
    ev = {e.criterion: e for e in SecurityProbe().run(a)}
    assert ev["security.mixed-content"].outcome == Outcome.FAIL
    # a request logged over http from an https page counts too
    b = artifacts()
    b["pages"][0]["network"] = [{"url": "http://cdn.example.se/font.woff", "resource_type": "font"}]
    assert outcomes(SecurityProbe().run(b))["security.mixed-content"] == Outcome.FAIL


def test_security_headers_score_the_share_present() -> None:
    assert all(header_checks({k.lower(): v for k, v in GOOD_HEADERS.items()}, "").values())
    only_two = {"x-content-type-options": "nosniff", "x-frame-options": "SAMEORIGIN"}
    ev = {e.criterion: e for e in SecurityProbe().run(artifacts(headers=only_two))}
    assert ev["security.headers"].outcome == Outcome.PARTIAL
    assert ev["security.headers"].score == pytest.approx(0.4)
    assert set(ev["security.headers"].details["missing"]) == {"content-security-policy", "referrer-policy",
                                                              "permissions-policy"}
    # near misses: ALLOW-FROM is obsolete, "sniff" is not nosniff, report-only CSP does not protect
    weak = {"x-frame-options": "ALLOW-FROM https://a.se", "x-content-type-options": "sniff",
            "content-security-policy-report-only": "default-src 'self'", "referrer-policy": "unsafe-url"}
    ev = {e.criterion: e for e in SecurityProbe().run(artifacts(headers=weak))}
    assert ev["security.headers"].outcome == Outcome.FAIL
    # a referrer policy in a meta tag counts
    assert header_checks({}, '<meta name="referrer" content="same-origin">')["referrer-policy"]


def test_no_gatherer_output_is_an_error_not_a_pass() -> None:
    a = artifacts()
    a["http_security"] = {}
    assert set(outcomes(SecurityProbe().run(a)).values()) == {Outcome.ERROR}


def test_with_scheme_targets_the_default_ports() -> None:
    assert with_scheme("https://www.kommun.se:8443/start?x=1", "http") == "http://www.kommun.se/"
    assert with_scheme("http://kommun.se/a/b", "https") == "https://kommun.se/"


# ---- against local servers: certificates made by trustme ---------------------------------

@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def _gather(home: str, s: Any, monkeypatch: pytest.MonkeyPatch, http_url: str | None = None) -> dict[str, Any]:
    """Run the gatherer; loopback servers cannot sit on ports 80/443, so the http:// URL it
    derives is pointed at the test's plain server instead."""
    if http_url is not None:
        real = site_http.with_scheme
        monkeypatch.setattr(site_http, "with_scheme", lambda u, scheme: http_url if scheme == "http" else real(u, scheme))
    ctx = site_context(home, pages=[{"is_home": True, "final_url": home}], s=s)
    return asyncio.run(HttpSecurityGatherer().gather_site(ctx))


def test_tls_trusted_certificate_and_redirect_pass(ca: trustme.CA, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with LocalSite(routes={"/": HOME}, host=HOST, tls=tls_context(ca, HOST), headers=GOOD_HEADERS) as tls_site:
        redirect = Reply(status=301, headers={"Location": tls_site.url("/")})
        with LocalSite(routes={"/": redirect}, host=PLAIN_HOST) as plain:
            sec = _gather(tls_site.url("/"), settings(ca_bundle=ca_file(ca, tmp_path)), monkeypatch, plain.url("/"))
    assert sec["https"]["status"] == 200 and sec["https"]["cert"]["days_left"] > 14
    assert sec["http"]["redirects_to_https"]
    a = {"home_url": tls_site.url("/"), "http_security": sec,
         "pages": [{"url": tls_site.url("/"), "final_url": tls_site.url("/"), "is_home": True, "html": HOME,
                    "network": [], "headers": {}}]}
    got = outcomes(SecurityProbe().run(a))
    assert got["security.valid-certificate"] == Outcome.PASS
    assert got["security.http-redirect"] == Outcome.PASS
    assert got["security.hsts"] == Outcome.PASS  # read from the verified response when page headers lack it
    assert got["security.headers"] == Outcome.PASS


@pytest.mark.parametrize("problem", ["untrusted", "expired", "wrong-host"])
def test_tls_bad_certificates_fail(problem: str, ca: trustme.CA, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    trusted = settings(ca_bundle=ca_file(ca, tmp_path))
    server_ctx = {"untrusted": tls_context(trustme.CA(), HOST), "expired": tls_context(ca, HOST, expired=True),
                  "wrong-host": tls_context(ca, OTHER_HOST)}[problem]
    with LocalSite(routes={"/": HOME}, host=HOST, tls=server_ctx, headers=GOOD_HEADERS) as site, \
            LocalSite(routes={"/": HOME}, host=PLAIN_HOST) as plain:
        sec = _gather(site.url("/"), trusted, monkeypatch, plain.url("/"))
    assert sec["https"]["cert_error"], sec["https"]
    assert sec["https"]["headers"].get("strict-transport-security")  # headers still read, unverified
    a = {"home_url": site.url("/"), "http_security": sec,
         "pages": [{"url": site.url("/"), "final_url": site.url("/"), "is_home": True, "html": HOME, "network": []}]}
    ev = {e.criterion: e for e in SecurityProbe().run(a)}
    assert ev["security.valid-certificate"].outcome == Outcome.FAIL
    assert ev["security.http-redirect"].outcome == Outcome.FAIL  # plain http served the page itself
    assert ev["security.https"].outcome == Outcome.PASS


def test_system_store_is_the_default(ca: trustme.CA, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a ca_bundle a certificate from the test's own CA is not trusted."""
    with LocalSite(routes={"/": HOME}, host=HOST, tls=tls_context(ca, HOST)) as site:
        sec = _gather(site.url("/"), settings(), monkeypatch)
    assert sec["https"]["cert_error"] and "certificate" in sec["https"]["cert_error"]
    assert sec["http"]["status"] is None  # nothing listens on port 80 of the loopback host


def test_run_probe_on_a_plain_http_site(fast_settings: Any) -> None:
    """End to end through the crawler: a site on plain http fails https and HSTS."""
    page = ('<!doctype html><html lang="sv"><head><title>Osäker kommun</title></head><body><main><h1>Hej</h1>'
            '</main></body></html>')
    with LocalSite(routes={"/": page}, host=PLAIN_HOST, headers={"X-Content-Type-Options": "nosniff"}) as site:
        run = run_probe("security", site.url("/"), fast_settings)
    assert run.error is None, run.error
    got = outcomes(run.evidence)
    assert got["security.https"] == Outcome.FAIL
    assert got["security.hsts"] == Outcome.FAIL
    assert got["security.valid-certificate"] == Outcome.NOT_APPLICABLE
    ev = {e.criterion: e for e in run.evidence}
    assert ev["security.http-redirect"].outcome == Outcome.FAIL
    assert "answers 200 over plain http" in ev["security.http-redirect"].message
    assert ev["security.headers"].details["checks"]["x-content-type-options"] is True
    assert ev["security.headers"].outcome == Outcome.PARTIAL


def test_run_probe_over_https_with_an_untrusted_certificate(ca: trustme.CA, fast_settings: Any) -> None:
    """End to end: Chromium renders the https site; the verifying client rejects the test CA."""
    page = ('<!doctype html><html lang="sv"><head><title>Säker kommun</title></head><body><main><h1>Hej</h1>'
            '<img src="http://127.0.0.203:9/bild.png" alt=""></main></body></html>')
    with LocalSite(routes={"/": page}, host=HOST, tls=tls_context(ca, HOST), headers=GOOD_HEADERS) as site:
        run = run_probe("security", site.url("/"), fast_settings)
    ev = {e.criterion: e for e in run.evidence}
    assert run.error is None, run.error
    assert ev["security.https"].outcome == Outcome.PASS
    assert ev["security.valid-certificate"].outcome == Outcome.FAIL
    assert ev["security.mixed-content"].outcome == Outcome.FAIL
    assert ev["security.headers"].outcome == Outcome.PASS
