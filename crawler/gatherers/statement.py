"""The accessibility statement's text when the crawl did not read it itself.

Usually the statement is crawled like any page (the frontier favours "tillgänglighet"
links). This site gatherer fetches, with the crawl's HTTP client and politeness, the
few candidate links the crawl could not read: statements on another domain (a statement
service, or a parent organisation's site), PDFs (the browser renders no PDF text), and
pages past the crawl's caps. Which links are candidates is decided by the probe's own
pure function, so gatherer and probe never disagree. HTML is reduced to text with
BeautifulSoup; PDF text comes from pypdf when it is installed (a PDF without it is still
recorded as found, with text None, and the probe says `review`). Plain HTTP, not the
browser: a statement that only renders with JavaScript shows little text, which the probe
then does not mistake for a statement.
"""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawler.gatherers.base import Gatherer, SiteContext
from crawler.urls import canonicalize, host_of, is_private_address
from probes.accessibility_statement import candidate_links

MAX_FETCHES = 3
MAX_BYTES = 5_000_000
MAX_TEXT = 200_000


def html_text(body: bytes, base_url: str, encoding: str | None) -> tuple[str, list[dict[str, Any]]]:
    """Visible text and links of an HTML document (scripts, styles and templates dropped)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "lxml", from_encoding=encoding)
    for tag in soup(["script", "style", "noscript", "template", "svg"]):
        tag.decompose()
    links = []
    for a in soup.find_all("a", href=True)[:3000]:
        href = str(a.get("href"))
        absolute = urljoin(base_url, href)
        links.append({"href": href, "url": canonicalize(absolute), "text": a.get_text(" ", strip=True)[:200],
                      "scheme": urlsplit(absolute).scheme.lower()})
    return soup.get_text("\n", strip=True)[:MAX_TEXT], links


def pdf_text(body: bytes) -> str | None:
    """Text of a PDF, or None when no extractor is installed or the file has no text layer."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    reader = PdfReader(io.BytesIO(body))
    parts = []
    for page in reader.pages[:60]:
        parts.append(page.extract_text() or "")
        if sum(map(len, parts)) > MAX_TEXT:
            break
    text = "\n".join(parts).strip()
    return text[:MAX_TEXT] or None


class StatementPageGatherer(Gatherer):
    name = "statement_page"
    scope = "site"

    async def gather_site(self, ctx: SiteContext) -> Any:
        crawled = {str(p.get(k)) for p in ctx.pages for k in ("url", "final_url")
                   if p.get(k) and p.get("text") and not p.get("error")}
        todo = [c["url"] for c in candidate_links(ctx.pages) if c["url"] not in crawled and c["strength"] >= 1]
        return {"fetched": [await self._fetch(ctx, url) for url in todo[:MAX_FETCHES]]}

    async def _fetch(self, ctx: SiteContext, url: str) -> dict[str, Any]:
        out: dict[str, Any] = {"url": url, "final_url": url, "status": None, "format": None, "text": None,
                               "links": [], "error": None}
        current = url
        try:
            for _ in range(6):
                if not ctx.settings.allow_private and is_private_address(host_of(current)):
                    out["error"] = f"refused: {host_of(current)} is a private address"
                    return out
                await ctx.polite(current)
                async with ctx.http.stream("GET", current, follow_redirects=False) as resp:
                    out["status"] = resp.status_code
                    if resp.is_redirect and resp.headers.get("location"):
                        current = canonicalize(urljoin(current, resp.headers["location"]))
                        continue
                    body = b""
                    async for chunk in resp.aiter_bytes():
                        body += chunk
                        if len(body) > MAX_BYTES:
                            break
                    ctype = resp.headers.get("content-type", "").lower()
                    encoding = resp.charset_encoding
                break
            else:
                out["error"] = "too many redirects"
                return out
        except Exception as exc:  # a statement we cannot fetch is reported, not fatal
            out["error"] = f"{type(exc).__name__}: {exc}"[:300]
            return out
        out["final_url"] = current
        if out["status"] >= 400:
            out["error"] = f"HTTP {out['status']}"
        elif "pdf" in ctype or body.startswith(b"%PDF"):
            out["format"] = "pdf"
            try:
                out["text"] = pdf_text(body)
            except Exception as exc:
                out["error"] = f"unreadable PDF: {exc}"[:300]
        elif "html" in ctype or "xml" in ctype or not ctype:
            out["format"] = "html"
            out["text"], out["links"] = html_text(body, current, encoding)
        else:
            out["error"] = f"not a document ({ctype.split(';')[0]})"
        return out
