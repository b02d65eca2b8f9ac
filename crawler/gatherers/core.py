"""The built-in gatherers every crawl can offer: DOM, links, text, network, cookies, screenshot."""

from __future__ import annotations

import hashlib
from typing import Any, ClassVar
from urllib.parse import urlsplit

from crawler.gatherers.base import Gatherer, JsGatherer, PageContext, SiteContext
from crawler.urls import canonicalize

LINKS_JS = r"""
() => {
  const regionOf = (el) => {
    for (let n = el; n && n !== document.body; n = n.parentElement) {
      const tag = n.tagName.toLowerCase();
      const role = (n.getAttribute('role') || '').toLowerCase();
      if (tag === 'header' || role === 'banner') return 'header';
      if (tag === 'footer' || role === 'contentinfo') return 'footer';
      if (tag === 'nav' || role === 'navigation') return 'nav';
      if (tag === 'aside' || role === 'complementary') return 'aside';
      if (tag === 'main' || role === 'main' || tag === 'article') return 'main';
    }
    return 'body';
  };
  const out = [];
  const anchors = document.querySelectorAll('a[href], area[href]');
  for (let i = 0; i < anchors.length && out.length < 3000; i++) {
    const a = anchors[i];
    const imgs = Array.from(a.querySelectorAll('img[alt]')).map(im => im.getAttribute('alt')).join(' ');
    const label = [a.getAttribute('aria-label') || '', a.getAttribute('title') || '', imgs].join(' ').trim();
    const r = a.getBoundingClientRect();
    out.push({
      href: a.getAttribute('href'),
      abs: a.href,
      text: (a.innerText || a.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 200),
      label: label.slice(0, 200),
      region: regionOf(a),
      rel: a.getAttribute('rel') || '',
      target: a.getAttribute('target') || '',
      visible: r.width > 0 && r.height > 0,
    });
  }
  return out;
}
"""

DOCUMENT_JS = r"""
() => {
  const meta = {};
  for (const m of document.querySelectorAll('meta[name], meta[property], meta[http-equiv]')) {
    const k = (m.getAttribute('name') || m.getAttribute('property') || m.getAttribute('http-equiv')).toLowerCase();
    if (!(k in meta)) meta[k] = m.getAttribute('content') || '';
  }
  const canon = document.querySelector('link[rel~="canonical"]');
  return {
    title: document.title || '',
    lang: document.documentElement.getAttribute('lang'),
    meta,
    canonical: canon ? canon.href : null,
    h1: Array.from(document.querySelectorAll('h1')).map(h => (h.innerText || '').trim()).slice(0, 5),
    content_type: document.contentType,
    charset: document.characterSet,
  };
}
"""


class HtmlGatherer(JsGatherer):
    """The rendered DOM as HTML (what scripts made of the page), capped in size; serialised as
    Playwright's `page.content()` does, in the page's own world so it batches with the rest."""

    name = "html"
    script = r"""
    () => (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '') +
      (document.documentElement ? document.documentElement.outerHTML : '')
    """

    def post(self, ctx: PageContext, raw: Any) -> Any:
        return str(raw or "")[: ctx.site.settings.max_html_bytes]


class DocumentGatherer(JsGatherer):
    name = "document"
    script = DOCUMENT_JS


class TextGatherer(JsGatherer):
    name = "text"
    script = "() => (document.body ? document.body.innerText : '').slice(0, 200000)"


class LinksGatherer(JsGatherer):
    """Every link with its text, accessible label and page region, made absolute and canonical."""

    name = "links"
    script = LINKS_JS

    def post(self, ctx: PageContext, raw: Any) -> Any:
        for link in raw:
            abs_url = link.pop("abs") or ""
            scheme = urlsplit(abs_url).scheme.lower()
            link["scheme"] = scheme
            link["url"] = canonicalize(abs_url) if scheme in ("http", "https") else abs_url
            link["in_scope"] = scheme in ("http", "https") and ctx.site.in_scope(link["url"])
        return raw


class NetworkGatherer(Gatherer):
    """Requests the page made while loading (recorded by the runner), attempts included."""

    name = "network"

    async def gather(self, ctx: PageContext) -> Any:
        return list(ctx.network)


class ConsoleGatherer(Gatherer):
    name = "console"

    async def gather(self, ctx: PageContext) -> Any:
        return list(ctx.console)


class CookiesGatherer(Gatherer):
    name = "cookies"

    async def gather(self, ctx: PageContext) -> Any:
        cookies = await ctx.page.context.cookies()
        return [{k: c.get(k) for k in ("name", "domain", "path", "expires", "httpOnly", "secure", "sameSite")}
                for c in cookies]


class StorageGatherer(JsGatherer):
    name = "storage"
    script = r"""
    () => {
      const dump = (st) => { const o = {}; try { for (let i = 0; i < st.length; i++) { const k = st.key(i); o[k] = (st.getItem(k) || '').length; } } catch (e) {} return o; };
      return {local: dump(window.localStorage), session: dump(window.sessionStorage)};
    }
    """


class ScreenshotGatherer(Gatherer):
    """A viewport screenshot, stored content-addressed on disk."""

    name = "screenshot"
    order = 70

    async def gather(self, ctx: PageContext) -> Any:
        if not ctx.site.settings.screenshots:
            return None
        data = await ctx.page.screenshot(type="png", timeout=10_000)
        return ctx.save_file(data, f"screenshot-{ctx.viewport}", "png")


class FirstVisitGatherer(Gatherer):
    """On the home page: what a first-time visitor's browser did before any click.

    The runner records it while loading the home page in a fresh context, before the
    consent banner is dismissed; other pages get None.
    """

    name = "first_visit"
    viewports: ClassVar[tuple[str, ...]] = ("desktop",)

    async def gather(self, ctx: PageContext) -> Any:
        return ctx.gathered.get("_first_visit")


class RobotsGatherer(Gatherer):
    """robots.txt as fetched by the frontier (status, text, sitemaps, crawl-delay)."""

    name = "robots"
    scope = "site"

    async def gather_site(self, ctx: SiteContext) -> Any:
        return ctx.robots


class SitemapsGatherer(Gatherer):
    name = "sitemaps"
    scope = "site"

    async def gather_site(self, ctx: SiteContext) -> Any:
        return ctx.sitemaps


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
