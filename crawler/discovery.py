"""robots.txt and sitemaps: what the site allows and what it says it has.

robots.txt follows RFC 9309 through Protego: 4xx means no rules; 5xx or an unreachable
server means "disallow everything for now". Sitemaps and sitemap indexes are followed
(gzip too) within caps on count, depth and decompressed size.
"""

from __future__ import annotations

import asyncio
import gzip
import time
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import httpx
import structlog
from lxml import etree
from protego import Protego

from crawler.faults import CHALLENGE

log = structlog.get_logger(__name__)

MAX_ROBOTS_BYTES = 512 * 1024
MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # decompressed, per sitemap (the protocol's own limit)
MAX_SITEMAPS = 20
MAX_SITEMAP_URLS = 50_000


@dataclass
class Robots:
    url: str
    status: int | None
    text: str = ""
    disallow_all: bool = False
    error: str | None = None
    parser: Protego | None = None

    def allowed(self, url: str, agent: str) -> bool:
        if self.disallow_all:
            return False
        if self.parser is None:
            return True
        return bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None

    def sitemaps(self) -> list[str]:
        return list(self.parser.sitemaps) if self.parser is not None else []

    def as_artifact(self, agent: str) -> dict[str, Any]:
        return {"url": self.url, "status": self.status, "text": self.text[:20000], "error": self.error,
                "disallow_all": self.disallow_all, "sitemaps": self.sitemaps(), "crawl_delay": self.crawl_delay(agent)}


async def _read_capped(resp: httpx.Response, cap: int) -> bytes:
    out = bytearray()
    async for chunk in resp.aiter_raw():
        out.extend(chunk)
        if len(out) > cap:
            break
    return bytes(out[:cap])


async def fetch_robots(client: httpx.AsyncClient, base_url: str, timeout: float = 30.0) -> Robots:
    """robots.txt within `timeout` seconds in all (a server that drips it a byte a second is
    unreachable, not slow)."""
    url = urljoin(base_url, "/robots.txt")
    try:
        async with asyncio.timeout(timeout), client.stream("GET", url, follow_redirects=True) as resp:
            body = await _read_capped(resp, MAX_ROBOTS_BYTES)
            status = resp.status_code
    except httpx.TooManyRedirects:  # RFC 9309 2.3.1.2: may be taken as unavailable, i.e. no rules
        return Robots(url=url, status=None, error="robots.txt redirects in a loop; treated as absent")
    except (httpx.HTTPError, TimeoutError) as exc:
        why = f"no answer within {timeout:g} s" if isinstance(exc, TimeoutError) else type(exc).__name__
        return Robots(url=url, status=None, disallow_all=True,
                      error=f"site unreachable ({why} fetching robots.txt)")
    if status >= 500:
        text = body[:30000].decode("utf-8", errors="replace")
        what = "a bot challenge or firewall page" if CHALLENGE.search(text) else "an error"
        return Robots(url=url, status=status, disallow_all=True,
                      error=f"robots.txt answered {status} ({what}); nothing may be crawled for now (RFC 9309)")
    if status >= 400:
        return Robots(url=url, status=status)
    text = body.decode("utf-8", errors="replace")
    try:
        parser = Protego.parse(text)
    except Exception as exc:  # Protego is lenient, but a broken file must not stop the crawl
        return Robots(url=url, status=status, text=text, error=f"robots.txt unparsable: {exc}")
    return Robots(url=url, status=status, text=text, parser=parser)


@dataclass
class SitemapResult:
    found: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    looked: bool = False  # False when discovery was skipped (a one-page or key-pages-only run)

    def as_artifact(self) -> dict[str, Any]:
        return {"found": self.found, "url_count": len(self.urls), "errors": self.errors[:20], "looked": self.looked}


def _decompress(data: bytes, cap: int) -> bytes:
    if data[:2] == b"\x1f\x8b":
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, cap)
        if d.unconsumed_tail:
            raise ValueError(f"decompressed sitemap exceeds {cap} bytes")
        return out
    return data


async def fetch_sitemaps(client: httpx.AsyncClient, start: list[str], allowed: Any,
                         budget: float = 120.0) -> SitemapResult:
    """Follow sitemaps and sitemap indexes breadth-first within the caps, and within `budget`
    seconds in all (a slow or dripping server costs the sitemap, never the crawl)."""
    result = SitemapResult()
    queue = list(dict.fromkeys(start))
    seen: set[str] = set()
    deadline = time.monotonic() + budget
    while queue and len(seen) < MAX_SITEMAPS and len(result.urls) < MAX_SITEMAP_URLS:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        left = deadline - time.monotonic()
        if left <= 0:
            result.errors.append(f"{url}: not fetched; sitemaps took more than {budget:g} s")
            break
        try:
            async with asyncio.timeout(left), client.stream("GET", url, follow_redirects=True) as resp:
                if resp.status_code >= 400:
                    if url not in start[:1]:
                        result.errors.append(f"{url}: HTTP {resp.status_code}")
                    continue
                raw = await _read_capped(resp, MAX_SITEMAP_BYTES)
            data = _decompress(raw, MAX_SITEMAP_BYTES)
            root = etree.fromstring(data, parser=etree.XMLParser(recover=False, resolve_entities=False, no_network=True,
                                                                  huge_tree=False))
        except TimeoutError:
            result.errors.append(f"{url}: not fetched; sitemaps took more than {budget:g} s")
            break
        except (httpx.HTTPError, etree.XMLSyntaxError, ValueError, zlib.error, gzip.BadGzipFile) as exc:
            result.errors.append(f"{url}: {type(exc).__name__}: {str(exc)[:200]}")
            continue
        result.found.append(url)
        tag = etree.QName(root).localname
        locs = [(el.text or "").strip() for el in root.iter("{*}loc")]
        if tag == "sitemapindex":
            queue.extend(loc for loc in locs if loc and allowed(loc))
        elif tag == "urlset":
            result.urls.extend(loc for loc in locs if loc and allowed(loc))
        else:
            result.errors.append(f"{url}: not a sitemap (root element {tag})")
    del result.urls[MAX_SITEMAP_URLS:]
    return result
