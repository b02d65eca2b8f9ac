"""Site gatherers that speak plain HTTP (httpx) rather than a browser.

- `http_security`: the home page over HTTPS with a verifying TLS client (certificate,
  security headers, HSTS) and the same host over plain http:// (does it redirect?).
- `not_found_page`: what a made-up address on the site answers (a real 404, or a "soft"
  200), with the page's HTML for the probe to judge.
- `link_check`: the status of the site's internal links, politely and capped.

They record what the *site* did — refused connections, bad certificates, 404s — as
data, so one bad answer is a finding instead of an exception that would turn every
criterion of a probe into an error. They raise only when they could not look at all.
"""

from __future__ import annotations

import re
import secrets
import ssl
import time
from collections.abc import Callable
from html import unescape
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx
from protego import Protego

from crawler.gatherers.base import Gatherer, SiteContext

MAX_HOPS = 5
MAX_LINK_CHECKS = 100  # requests per site; settings.max_link_checks overrides
LINK_CHECK_SECONDS = 180.0  # wall-clock budget for link checks, at most
NOT_FOUND_HTML_BYTES = 300_000


def trust_store(settings: Any) -> ssl.SSLContext:
    """The CAs a certificate must chain to: the system store, or `settings.ca_bundle`.

    Tests point `ca_bundle` at a CA they made; a crawl of real sites uses the system store,
    which is what visitors' browsers use (httpx's own default would be certifi's copy).
    """
    bundle = getattr(settings, "ca_bundle", None)
    return ssl.create_default_context(cafile=str(bundle)) if bundle else ssl.create_default_context()


def _timeout(settings: Any) -> float:
    return float(min(getattr(settings, "page_timeout", 15.0) or 15.0, 20.0))


def home_of(ctx: SiteContext) -> str:
    """Where the browser ended up for the home page (it may have been redirected to https)."""
    for page in ctx.pages:
        if page.get("is_home") and page.get("final_url"):
            return str(page["final_url"])
    return ctx.home_url


def with_scheme(url: str, scheme: str) -> str:
    """The site's root on another scheme, on that scheme's default port.

    A real site serves http on 80 and https on 443 of the same host, so the port is
    dropped; a loopback test site on some other port cannot be probed this way, which
    is why tests call `follow` with their own URLs.
    """
    parts = urlsplit(url)
    return urlunsplit((scheme, parts.hostname or "", "/", "", ""))


def _cause_chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and len(chain) < 10:
        chain.append(cur)
        cur = cur.__cause__ or cur.__context__
    return chain


def describe_error(exc: BaseException) -> tuple[str, bool]:
    """A short message and whether it is a certificate problem (not a refused connection)."""
    chain = _cause_chain(exc)
    for e in chain:
        if isinstance(e, ssl.SSLCertVerificationError):
            return f"certificate: {e.verify_message or e}", True
    text = " / ".join(dict.fromkeys(str(e) for e in chain if str(e)))[:300] or type(exc).__name__
    cert = "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower()
    return text, cert


def _peer_cert(response: httpx.Response) -> dict[str, Any] | None:
    stream = response.extensions.get("network_stream")
    ssl_object = stream.get_extra_info("ssl_object") if stream is not None else None
    if ssl_object is None:
        return None
    cert = ssl_object.getpeercert() or {}
    not_after = cert.get("notAfter")
    days_left = None
    if not_after:
        days_left = round((ssl.cert_time_to_seconds(not_after) - time.time()) / 86400, 1)
    issuer = dict(x[0] for x in cert.get("issuer", ()) if x)
    return {"not_after": not_after, "days_left": days_left, "issuer": issuer.get("organizationName")
            or issuer.get("commonName"), "tls_version": ssl_object.version()}


async def follow(client: httpx.AsyncClient, url: str, polite: Any, method: str = "GET",
                 max_hops: int = MAX_HOPS, timeout: float = 15.0, body_bytes: int = 0,
                 stay_in: Callable[[str], bool] | None = None) -> dict[str, Any]:
    """Request `url`, following redirects by hand so every hop is polite and recorded.

    Reads at most `body_bytes` of the final body (a link check reads none: a PDF need
    not be downloaded to know it exists). A redirect leaving `stay_in` is not followed.
    """
    chain: list[dict[str, Any]] = []
    current = url
    for _ in range(max_hops + 1):
        await polite(current)
        try:
            resp = await client.send(client.build_request(method, current, timeout=timeout), stream=True)
            try:
                body = b""
                if body_bytes and method == "GET":
                    async for chunk in resp.aiter_bytes():
                        body += chunk
                        if len(body) >= body_bytes:
                            break
                cert = _peer_cert(resp) if current.startswith("https:") else None
            finally:
                await resp.aclose()
        except httpx.HTTPError as exc:
            message, is_cert = describe_error(exc)
            return {"url": url, "chain": chain, "final_url": current, "status": None, "error": message,
                    "cert_error": message if is_cert else None, "headers": {}, "cert": None, "_body": b""}
        location = resp.headers.get("location")
        chain.append({"url": current, "status": resp.status_code, "location": location})
        if resp.is_redirect and location:
            target = urljoin(current, location)
            if stay_in is None or stay_in(target):
                current = target
                continue
        return {"url": url, "chain": chain, "final_url": current, "status": resp.status_code, "error": None,
                "cert_error": None, "headers": {k.lower(): v for k, v in resp.headers.items()},
                "cert": cert, "_body": body[:body_bytes] if body_bytes else b""}
    return {"url": url, "chain": chain, "final_url": current, "status": None, "error": "too many redirects",
            "cert_error": None, "headers": {}, "cert": None, "_body": b""}


class HttpSecurityGatherer(Gatherer):
    """TLS, HSTS and headers of the home page, and whether http:// leads to https://."""

    name = "http_security"
    scope = "site"

    async def gather_site(self, ctx: SiteContext) -> Any:
        home = home_of(ctx)
        https_url = home if home.startswith("https:") else with_scheme(home, "https")
        # An http home page is its own answer (it was served without a redirect to https).
        http_url = home if home.startswith("http:") else with_scheme(home, "http")
        timeout = _timeout(ctx.settings)
        headers = {"User-Agent": ctx.settings.user_agent}
        async with httpx.AsyncClient(verify=trust_store(ctx.settings), headers=headers) as client:
            https = await follow(client, https_url, ctx.polite, timeout=timeout)
        if https["cert_error"]:  # look at the headers anyway: they are a separate finding
            async with httpx.AsyncClient(verify=False, headers=headers) as insecure:
                unverified = await follow(insecure, https_url, ctx.polite, timeout=timeout)
            https["headers"] = unverified["headers"]
            https["status_unverified"] = unverified["status"]
        async with httpx.AsyncClient(verify=False, headers=headers) as client:
            http = await follow(client, http_url, ctx.polite, timeout=timeout)
        for result in (https, http):
            result.pop("_body", None)
        http["redirects_to_https"] = bool(http["chain"]) and urlsplit(http["final_url"]).scheme == "https"
        return {"home_url": home, "https_url": https_url, "http_url": http_url, "https": https, "http": http}


class NotFoundGatherer(Gatherer):
    """A made-up address on the site: its status after redirects, and the page it shows."""

    name = "not_found_page"
    scope = "site"

    async def gather_site(self, ctx: SiteContext) -> Any:
        parts = urlsplit(home_of(ctx))
        path = f"/sidan-finns-inte-{secrets.token_hex(5)}"
        url = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
        result = await follow(ctx.http, url, ctx.polite, timeout=_timeout(ctx.settings),
                              body_bytes=NOT_FOUND_HTML_BYTES)
        body: bytes = result.pop("_body", b"")
        result["html"] = body[:NOT_FOUND_HTML_BYTES].decode("utf-8", errors="replace")
        result["redirected"] = len(result["chain"]) > 1
        return result


def _robots(ctx: SiteContext) -> Protego | None:
    text = (ctx.robots or {}).get("text")
    if not text or (ctx.robots or {}).get("status") != 200:
        return None
    try:
        return Protego.parse(text)
    except Exception:
        return None


def link_candidates(pages: list[dict[str, Any]]) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """In-scope link targets (url, first page linking it), key pages' links first, plus
    the statuses the crawl already knows for the pages it rendered."""
    known: dict[str, int] = {}
    for page in pages:
        if page.get("status") is not None:
            for key in ("url", "final_url"):
                if page.get(key):
                    known[str(page[key])] = int(page["status"])
    ordered = sorted(pages, key=lambda p: (not p.get("is_home"), p.get("kind") is None, p.get("depth") or 0))
    seen: dict[str, str] = {}
    for page in ordered:
        for link in page.get("links") or []:
            url = str(link.get("url") or "")
            if link.get("in_scope") and url.startswith(("http://", "https://")) and url not in seen:
                seen[url] = str(page.get("final_url") or page.get("url") or "")
    return list(seen.items()), known


def fingerprint(title: str, h1: str) -> str:
    """What identifies an error page dressed as a 200: its title and first heading."""
    return " | ".join(" ".join(unescape(re.sub(r"<[^>]+>", " ", x)).split()).casefold() for x in (title, h1))


def html_fingerprint(html: str) -> str:
    title = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.I | re.S)
    return fingerprint(title.group(1) if title else "", h1.group(1) if h1 else "")


def page_fingerprint(page: dict[str, Any]) -> str | None:
    doc = page.get("document")
    if not isinstance(doc, dict):
        return None
    return fingerprint(str(doc.get("title") or ""), str((doc.get("h1") or [""])[0] or ""))


class LinkCheckGatherer(Gatherer):
    """Internal links' statuses: HEAD, then GET when HEAD says no (some servers refuse HEAD).

    On a site that answers unknown addresses with 200 (a soft 404), a status says nothing,
    so a made-up address is fetched first and links that land on the same error page (same
    title and heading, or the same redirect target) are marked `soft_404`. Capped by request
    count and time, robots.txt honoured; what was left out is recorded.
    """

    name = "link_check"
    scope = "site"
    order: ClassVar[int] = 60

    async def gather_site(self, ctx: SiteContext) -> Any:
        cap = int(getattr(ctx.settings, "max_link_checks", MAX_LINK_CHECKS))
        candidates, known = link_candidates(ctx.pages)
        robots = _robots(ctx)
        timeout = _timeout(ctx.settings)
        # The runner gives a site gatherer max(4 × page_timeout, 60) s; stop well before that
        # so what was checked is kept rather than lost to a timeout.
        budget = min(LINK_CHECK_SECONDS, 0.5 * max(4 * float(ctx.settings.page_timeout), 60.0))
        started = time.monotonic()
        soft, requests = await self._soft_404(ctx, timeout)
        checked: list[dict[str, Any]] = []
        skipped = {"robots": 0, "cap": 0, "time": 0}
        pages = {str(p.get(k)): p for p in ctx.pages for k in ("url", "final_url") if p.get(k)}
        for url, source in candidates:
            if url in known:
                final = str(pages[url].get("final_url") or url)
                checked.append({"url": url, "status": known[url], "from": source, "via": "crawl", "error": None,
                                "final_url": final,
                                "soft_404": _is_soft(soft, url, final, page_fingerprint(pages[url]))})
                continue
            if robots is not None and not robots.can_fetch(url, ctx.settings.bot_token):
                skipped["robots"] += 1
                continue
            if requests >= cap:
                skipped["cap"] += 1
                continue
            if time.monotonic() - started > budget:
                skipped["time"] += 1
                continue
            entry = await self._check(ctx, url, timeout, soft)
            requests += entry.pop("requests")
            entry["from"] = source
            checked.append(entry)
        return {"checked": checked, "candidates": len(candidates), "requests": requests, "cap": cap,
                "skipped": skipped, "capped": bool(skipped["cap"] or skipped["time"]), "budget_s": budget,
                "soft_404_site": soft}

    async def _soft_404(self, ctx: SiteContext, timeout: float) -> tuple[dict[str, Any] | None, int]:
        parts = urlsplit(home_of(ctx))
        made_up = urlunsplit((parts.scheme, parts.netloc, f"/lankkontroll-{secrets.token_hex(5)}", "", ""))
        result = await follow(ctx.http, made_up, ctx.polite, timeout=timeout, body_bytes=100_000, max_hops=3)
        used = max(1, len(result["chain"]))
        if result["status"] is None or not 200 <= result["status"] < 300:
            return None, used
        if result["final_url"] != made_up:
            return {"kind": "redirect", "target": result["final_url"]}, used
        return {"kind": "same-url", "fingerprint": html_fingerprint(result["_body"].decode("utf-8", "replace"))}, used

    async def _check(self, ctx: SiteContext, url: str, timeout: float,
                     soft: dict[str, Any] | None) -> dict[str, Any]:
        result = await follow(ctx.http, url, ctx.polite, method="HEAD", timeout=timeout, max_hops=3,
                              stay_in=ctx.in_scope)
        requests = max(1, len(result["chain"]))
        via = "HEAD"
        same_page = soft is not None and soft["kind"] == "same-url"
        if result["status"] is None or result["status"] >= 400 or (same_page and result["status"] < 300):
            result = await follow(ctx.http, url, ctx.polite, method="GET", timeout=timeout, max_hops=3,
                                  stay_in=ctx.in_scope, body_bytes=100_000 if same_page else 0)
            requests += max(1, len(result["chain"]))
            via = "GET"
        body = result.pop("_body", b"")
        found = html_fingerprint(body.decode("utf-8", "replace")) if body else None
        return {"url": url, "status": result["status"], "final_url": result["final_url"], "via": via,
                "error": result["error"], "requests": requests,
                "soft_404": result["status"] is not None and result["status"] < 300
                and _is_soft(soft, url, result["final_url"], found)}


def _is_soft(soft: dict[str, Any] | None, url: str, final_url: str | None, found: str | None) -> bool:
    if soft is None:
        return False
    if soft["kind"] == "redirect":
        return bool(final_url) and final_url == soft["target"] and url != soft["target"]
    return bool(found) and found == soft["fingerprint"] and found != " | "
