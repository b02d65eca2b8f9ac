"""Is the connection encrypted and the site hardened? Webbriktlinje R7 ("Använd krypterad
anslutning"), plus the response headers every security baseline asks for.

Reads the `http_security` site artifact (a verifying TLS client's view of the home page,
and what plain http:// answers) and each page's rendered HTML, network log and headers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bs4 import BeautifulSoup, Tag

from probes.base import Evidence, Outcome, Probe

HSTS_GOOD = 15_768_000  # six months, the floor most baselines use (Mozilla Observatory)
CERT_WARN_DAYS = 14
RESOURCE_ATTRS = {"script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "source": ("src", "srcset"),
                  "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",),
                  "form": ("action",), "track": ("src",)}
LINK_RESOURCES = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}


def mixed_in_html(html: str) -> list[str]:
    """http:// sub-resources an https page asks for (links to other pages do not count)."""
    if "http://" not in html:
        return []
    found: list[str] = []
    for tag in BeautifulSoup(html, "lxml").find_all([*RESOURCE_ATTRS, "link"]):
        if not isinstance(tag, Tag):
            continue
        if tag.name == "link":
            rels = {r.lower() for r in (tag.get("rel") or [])}
            attrs: tuple[str, ...] = ("href",) if rels & LINK_RESOURCES else ()
        else:
            attrs = RESOURCE_ATTRS[tag.name]
        for attr in attrs:
            value = str(tag.get(attr) or "").strip()
            if value.lower().startswith("http://") or re.search(r"(^|,\s*)http://", value, re.I):
                found.append(f"<{tag.name} {attr}> {value[:150]}")
    return found


def hsts_max_age(value: str | None) -> int | None:
    m = re.search(r"max-age\s*=\s*\"?(\d+)", value or "", re.I)
    return int(m.group(1)) if m else None


def header_checks(headers: Mapping[str, str], html: str) -> dict[str, bool]:
    csp = headers.get("content-security-policy", "")
    xfo = headers.get("x-frame-options", "").strip().lower()
    referrer = headers.get("referrer-policy", "").strip().lower()
    if not referrer:
        m = re.search(r"<meta[^>]+name=[\"']referrer[\"'][^>]*content=[\"']([^\"']+)", html[:50_000], re.I)
        referrer = m.group(1).lower() if m else ""
    return {
        "content-security-policy": bool(csp.strip()),
        "x-content-type-options": headers.get("x-content-type-options", "").strip().lower() == "nosniff",
        "referrer-policy": bool(referrer) and "unsafe-url" not in referrer,
        "permissions-policy": bool(headers.get("permissions-policy", "").strip()
                                   or headers.get("feature-policy", "").strip()),
        "frame-ancestors": xfo in ("deny", "sameorigin") or "frame-ancestors" in csp.lower(),
    }


class SecurityProbe(Probe):
    id = "security"
    version = "1"
    description = ("HTTPS everywhere, http→https redirect, HSTS, a valid certificate, no mixed content and "
                   "the usual security headers (Webbriktlinje R7).")
    requires = ("http_security", "html", "network")
    scope = "site"
    criteria = ("security.https", "security.http-redirect", "security.hsts", "security.valid-certificate",
                "security.mixed-content", "security.headers")

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        sec = artifacts.get("http_security") or {}
        pages = [p for p in artifacts.get("pages", []) if p.get("viewport", "desktop") == "desktop"]
        home = next((p for p in pages if p.get("is_home")), pages[0] if pages else {})
        if not sec.get("https") or not sec.get("http"):
            return self.error_evidence("The HTTP security check did not run.", url=artifacts.get("home_url"))
        home_url = str(home.get("final_url") or sec.get("home_url") or "")
        https_site = home_url.startswith("https:")
        return [self._https(pages, home_url, sec), self._redirect(sec, https_site), self._hsts(sec, home, https_site),
                self._certificate(sec, https_site), self._mixed(pages, https_site), self._headers(sec, home)]

    def _https(self, pages: list[Mapping[str, Any]], home_url: str, sec: Mapping[str, Any]) -> Evidence:
        c = "security.https"
        if not home_url.startswith("https:"):
            return Evidence(c, Outcome.FAIL, "The home page is served over unencrypted http.", url=home_url,
                            details={"https_error": sec["https"].get("error")})
        plain = sorted({str(p.get("final_url")) for p in pages if str(p.get("final_url") or "").startswith("http:")})
        if plain:
            return Evidence(c, Outcome.PARTIAL, f"{len(plain)} of {len(pages)} pages are served over http.",
                            score=1 - len(plain) / max(len(pages), 1), url=plain[0], details={"http_pages": plain[:20]})
        return Evidence(c, Outcome.PASS, f"All {len(pages)} pages looked at are served over https.", url=home_url)

    def _redirect(self, sec: Mapping[str, Any], https_site: bool) -> Evidence:
        c, http = "security.http-redirect", sec["http"]
        details = {"http_url": sec.get("http_url"), "chain": http.get("chain"), "error": http.get("error")}
        if http.get("redirects_to_https"):
            return Evidence(c, Outcome.PASS, f"{sec.get('http_url')} redirects to {http.get('final_url')}.",
                            url=sec.get("http_url"), details=details)
        if http.get("status") is None:
            if not https_site:
                return Evidence(c, Outcome.FAIL, "Neither https nor plain http answered as expected.", details=details)
            return Evidence(c, Outcome.PARTIAL, "Plain http:// does not answer, so a visitor typing the bare "
                            "address may get an error instead of a redirect to https.", url=sec.get("http_url"),
                            details=details)
        return Evidence(c, Outcome.FAIL, f"{sec.get('http_url')} answers {http.get('status')} over plain http "
                        "instead of redirecting to https.", url=sec.get("http_url"), details=details)

    def _hsts(self, sec: Mapping[str, Any], home: Mapping[str, Any], https_site: bool) -> Evidence:
        c = "security.hsts"
        if not https_site:
            return Evidence(c, Outcome.FAIL, "No HSTS: the site is not served over https.")
        value = sec["https"].get("headers", {}).get("strict-transport-security") \
            or (home.get("headers") or {}).get("strict-transport-security")
        age = hsts_max_age(value)
        details = {"header": value, "max_age": age}
        if not value or not age:
            return Evidence(c, Outcome.FAIL, "No Strict-Transport-Security header (HSTS).", details=details)
        if age < HSTS_GOOD:
            return Evidence(c, Outcome.PARTIAL, f"HSTS max-age is {age // 86400} days; at least 180 is advised.",
                            details=details)
        return Evidence(c, Outcome.PASS, f"HSTS is set for {age // 86400} days.", details=details)

    def _certificate(self, sec: Mapping[str, Any], https_site: bool) -> Evidence:
        c, https = "security.valid-certificate", sec["https"]
        details = {"url": sec.get("https_url"), "cert": https.get("cert"), "error": https.get("cert_error")}
        if https.get("cert_error"):
            return Evidence(c, Outcome.FAIL, f"The certificate is not valid: {https['cert_error'][:150]}",
                            url=sec.get("https_url"), details=details)
        if https.get("status") is None:
            if not https_site:
                return Evidence(c, Outcome.NOT_APPLICABLE, "The site has no https to hold a certificate.",
                                details=details | {"error": https.get("error")})
            return Evidence(c, Outcome.ERROR, f"Could not connect over https: {str(https.get('error'))[:150]}",
                            details=details | {"error": https.get("error")})
        days = (https.get("cert") or {}).get("days_left")
        if days is not None and days < CERT_WARN_DAYS:
            return Evidence(c, Outcome.PARTIAL, f"The certificate is valid but expires in {days:.0f} days.",
                            url=sec.get("https_url"), details=details)
        return Evidence(c, Outcome.PASS, "The certificate is valid and trusted.", url=sec.get("https_url"),
                        details=details)

    def _mixed(self, pages: list[Mapping[str, Any]], https_site: bool) -> Evidence:
        c = "security.mixed-content"
        if not https_site:
            return Evidence(c, Outcome.NOT_APPLICABLE, "Mixed content needs an https site to be mixed with.")
        found: dict[str, list[str]] = {}
        for p in pages:
            url = str(p.get("final_url") or p.get("url") or "")
            if not url.startswith("https:"):
                continue
            items = mixed_in_html(str(p.get("html") or ""))
            items += [f"request {e['url'][:150]}" for e in p.get("network") or []
                      if str(e.get("url", "")).startswith("http://") and not e.get("navigation")]
            if items:
                found[url] = sorted(set(items))[:10]
        if found:
            first = next(iter(found))
            return Evidence(c, Outcome.FAIL, f"{len(found)} https pages load content over plain http, e.g. "
                            f"{found[first][0]}.", url=first, details={"pages": found})
        return Evidence(c, Outcome.PASS, "No https page loads content over plain http.")

    def _headers(self, sec: Mapping[str, Any], home: Mapping[str, Any]) -> Evidence:
        c = "security.headers"
        headers = dict(home.get("headers") or {}) or dict(sec["https"].get("headers") or sec["http"].get("headers") or {})
        checks = header_checks({k.lower(): str(v) for k, v in headers.items()}, str(home.get("html") or ""))
        missing = [k for k, ok in checks.items() if not ok]
        share = 1 - len(missing) / len(checks)
        details = {"checks": checks, "missing": missing}
        if not missing:
            return Evidence(c, Outcome.PASS, "All five security headers are set.", details=details)
        outcome = Outcome.FAIL if share == 0 else Outcome.PARTIAL
        return Evidence(c, outcome, f"Missing security headers: {', '.join(missing)}.", score=share,
                        details=details)
