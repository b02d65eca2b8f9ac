"""`search_test`: try the site's own search the way a visitor would, once.

Finds a GET search form in the rendered HTML of the home page (or another crawled page),
takes a word from the site's own navigation — a word the site is sure to have content
for — opens the results URL in the browser and records what came back. The judging
(results page, search page again, error, "no hits") is the probe's; this records facts.
POST forms are never submitted: a crawler must not send data that may change something.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from crawler.gatherers.base import Gatherer, SiteContext
from crawler.urls import canonicalize

SEARCH_NAMES = {"q", "query", "s", "search", "sok", "sök", "sokord", "sökord", "searchquery", "searchtext",
                "search_api_fulltext", "keys", "keyword", "keywords", "term", "text", "fritext", "query_text",
                "searchstring", "soktext", "fras"}
SEARCH_HINT = re.compile(r"s[oö]k|search|query", re.I)
# Navigation words that name no content: skip links, menus, languages, log-in, search itself.
SKIP_WORDS = {"start", "startsida", "startsidan", "hem", "home", "meny", "menu", "stäng", "close", "öppna",
              "open", "visa", "show", "hoppa", "skip", "innehåll", "huvudinnehåll", "content", "main",
              "navigation", "till", "sök", "söka", "search", "logga", "login", "inloggning", "mina", "sidor",
              "english", "languages", "språk", "other", "lättläst", "teckenspråk", "lyssna", "listen",
              "translate", "översätt", "tillbaka", "back", "nästa", "next", "föregående", "mer", "more",
              "läs", "alla", "för", "och", "med", "inte", "facebook", "instagram", "linkedin", "youtube",
              "twitter", "kakor", "cookies", "tillgänglighet", "tillgänglighetsredogörelse"}
WORD = re.compile(r"[^\W\d_]{4,}")

RESULTS_JS = r"""
() => {
  const skip = 'header, nav, footer, [role=banner], [role=navigation], [role=contentinfo], script, style, noscript, template';
  const root = document.querySelector('main, [role=main]') || document.body;
  const clone = root.cloneNode(true);
  clone.querySelectorAll(skip).forEach(n => n.remove());
  const text = (clone.textContent || '').replace(/\s+/g, ' ').trim();
  const links = [];
  for (const a of document.querySelectorAll('a[href]')) {
    if (a.closest('header, nav, footer, [role=banner], [role=navigation], [role=contentinfo]')) continue;
    const r = a.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue;
    links.push({url: a.href, text: (a.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 120)});
    if (links.length >= 300) break;
  }
  return {title: document.title || '', text: text.slice(0, 20000), links};
}
"""


def _is_search_form(form: Tag) -> Tag | None:
    """The text input of a search form, or None when the form is not a search."""
    inputs = [i for i in form.find_all("input") if isinstance(i, Tag)]
    texty = [i for i in inputs if str(i.get("type") or "text").lower() in ("text", "search", "")]
    for i in texty:
        if str(i.get("type") or "").lower() == "search":
            return i
    for i in texty:
        if str(i.get("name") or "").lower() in SEARCH_NAMES:
            return i
    hints = " ".join(str(form.get(a) or "") for a in ("action", "role", "id", "class", "aria-label"))
    parent = form.find_parent(attrs={"role": "search"})
    if texty and (SEARCH_HINT.search(hints) or parent is not None) and texty[0].get("name"):
        return texty[0]
    return None


def find_search_form(html: str, base_url: str) -> dict[str, Any] | None:
    """The first search form on the page: its method, action, fields and text input."""
    soup = BeautifulSoup(html, "lxml")
    for form in soup.find_all("form"):
        if not isinstance(form, Tag):
            continue
        field = _is_search_form(form)
        if field is None:
            continue
        hidden = [(str(i.get("name")), str(i.get("value") or "")) for i in form.find_all("input")
                  if isinstance(i, Tag) and str(i.get("type") or "").lower() == "hidden" and i.get("name")]
        return {"method": str(form.get("method") or "get").lower(),
                "action": urljoin(base_url, str(form.get("action") or base_url)),
                "field": str(field.get("name") or ""), "hidden": hidden,
                "role": str(form.get("role") or ""), "page": base_url}
    loose = soup.find("input", attrs={"type": "search"})
    if isinstance(loose, Tag):  # a search box without a form: a script-driven search
        return {"method": "script", "action": None, "field": str(loose.get("name") or ""), "hidden": [],
                "role": "", "page": base_url}
    return None


MENU_SELECTORS = ("nav a, [role=navigation] a, header a, [role=banner] a",
                  '[class*="meny"] a, [id*="meny"] a, [class*="menu"] a, [id*="menu"] a, [class*="nav"] a, '
                  '[id*="nav"] a')


def _word_in(texts: list[str]) -> tuple[str | None, str | None]:
    for text in texts:
        words = [w for w in WORD.findall(text) if w.casefold() not in SKIP_WORDS]
        if words:
            return max(words, key=len).casefold(), text
    return None, None


def pick_word(links: list[dict[str, Any]] | None, html: str | None) -> tuple[str | None, str | None]:
    """A content word from the navigation (and the link text it came from).

    Main navigation first, then the header, then menus marked only by class or id (older
    table layouts: `<td class="meny">`), then any short in-site link text. Within a link its
    longest word, because "Barn och utbildning" is better searched as "utbildning".
    """
    links = links or []
    for region in ("nav", "header"):
        found = _word_in([str(link.get("text") or "") for link in links
                          if link.get("region") == region and link.get("in_scope") and link.get("visible", True)])
        if found[0]:
            return found
    if html:
        soup = BeautifulSoup(html, "lxml")
        for selector in MENU_SELECTORS:
            found = _word_in([a.get_text(" ", strip=True) for a in soup.select(selector)])
            if found[0]:
                return found
    return _word_in([str(link.get("text") or "") for link in links if link.get("in_scope")
                     and link.get("visible", True) and 0 < len(str(link.get("text") or "").split()) <= 3])


def results_url(form: dict[str, Any], word: str) -> str:
    parts = urlsplit(str(form["action"]))
    query = [*form["hidden"], (form["field"], word)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(query), ""))


def links_on(page: dict[str, Any]) -> set[str]:
    """Canonical URLs a page links to (from its `links` artifact, else its HTML), and itself."""
    base = str(page.get("final_url") or page.get("url") or "")
    urls = {canonicalize(base)} if base else set()
    if page.get("links"):
        urls |= {str(link.get("url")) for link in page["links"]}
    elif page.get("html"):
        soup = BeautifulSoup(str(page["html"]), "lxml")
        urls |= {canonicalize(urljoin(base, str(a.get("href")))) for a in soup.find_all("a", href=True)
                 if isinstance(a, Tag)}
    return urls


class SearchTestGatherer(Gatherer):
    name = "search_test"
    scope = "site"

    async def gather_site(self, ctx: SiteContext) -> Any:
        pages = sorted((p for p in ctx.pages if p.get("viewport", "desktop") == "desktop" and p.get("html")),
                       key=lambda p: not p.get("is_home"))
        form: dict[str, Any] | None = None
        source: dict[str, Any] = {}
        for page in pages:
            form = find_search_form(str(page["html"]), str(page.get("final_url") or page.get("url")))
            if form:
                source = page
                break
        result: dict[str, Any] = {"form": form, "pages_looked": len(pages), "tested": False}
        if not pages:
            result["error"] = "no rendered HTML to look for a search form in"
            return result
        if form is None or form["method"] != "get":
            return result
        home = pages[0]
        word, word_source = pick_word(home.get("links"), str(home.get("html") or ""))
        result.update(word=word, word_source=word_source)
        if word is None:
            result["error"] = "no word in the navigation to search for"
            return result
        url = results_url(form, word)
        result.update(url=url, tested=True)
        result.update(await self._visit(ctx, url, source))
        return result

    async def _visit(self, ctx: SiteContext, url: str, source: dict[str, Any]) -> dict[str, Any]:
        page = await ctx.new_page("desktop")
        try:
            await ctx.polite(url)
            resp = await page.goto(url, wait_until="load", timeout=ctx.settings.page_timeout * 1000)
            found: dict[str, Any] = await page.evaluate(RESULTS_JS)
            before = links_on(source)
            new = [link for link in found.pop("links")
                   if ctx.in_scope(link["url"]) and canonicalize(link["url"]) not in before]
            return {"status": resp.status if resp else None, "final_url": page.url, **found,
                    "new_links": new[:50], "new_link_count": len(new), "error": None}
        except Exception as exc:
            return {"status": None, "final_url": None, "error": f"{type(exc).__name__}: {str(exc)[:200]}"}
        finally:
            with contextlib.suppress(Exception):
                await page.close()
