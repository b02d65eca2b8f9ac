"""Can search engines and visitors find things? Titles, descriptions, canonicals, robots
rules, sitemaps, structured data, Open Graph — and a site search that exists and works.

Page-level facts are read from every crawled desktop page and judged as shares; the
search is judged from `search_test`, a real query for a word of the site's own
navigation (a word the site is sure to have content for).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from protego import Protego

from probes.base import Evidence, Outcome, Probe
from probes.vocabulary import fold, terms

ORG_TYPES = {"organization", "governmentorganization", "governmentoffice", "localbusiness", "city",
             "administrativearea", "educationalorganization", "ngo", "corporation", "publicservice"}
JSONLD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
ITEMTYPE = re.compile(r"itemtype=[\"']https?://schema\.org/(\w+)", re.I)
MIN_DESCRIPTION = 25


def _share_outcome(good: int, total: int, good_share: float = 0.8) -> tuple[Outcome, float]:
    share = good / total if total else 0.0
    if share >= good_share:
        return Outcome.PASS, 1.0
    return (Outcome.PARTIAL, share) if good else (Outcome.FAIL, 0.0)


def schema_types(html: str) -> set[str]:
    """schema.org types in JSON-LD (including @graph) and microdata."""
    found: set[str] = {m.lower() for m in ITEMTYPE.findall(html)}

    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, list):
            for n in node:
                yield from walk(n)
        elif isinstance(node, dict):
            t = node.get("@type")
            yield from ([t] if isinstance(t, str) else [x for x in t if isinstance(x, str)] if isinstance(t, list) else [])
            for v in node.values():
                if isinstance(v, list | dict):
                    yield from walk(v)

    for block in JSONLD.findall(html):
        try:
            found |= {t.split("/")[-1].lower() for t in walk(json.loads(block.strip()))}
        except (ValueError, TypeError):
            found.add("(invalid json-ld)")
    return found


def noindex(page: Mapping[str, Any]) -> bool:
    meta = (page.get("document") or {}).get("meta") or {}
    values = [meta.get("robots", ""), meta.get("googlebot", ""), (page.get("headers") or {}).get("x-robots-tag", "")]
    return any("noindex" in str(v).lower() or str(v).strip().lower() == "none" for v in values)


class FindabilityProbe(Probe):
    id = "findability"
    version = "1"
    description = ("Titles, meta descriptions, canonicals, robots meta, robots.txt and sitemap, structured data, "
                   "Open Graph, and a site search that exists and works.")
    requires = ("document", "html", "links", "robots", "sitemaps", "search_test")
    scope = "site"
    criteria = ("findability.title", "findability.meta-description", "findability.canonical",
                "findability.robots-meta", "findability.robots-txt", "findability.sitemap",
                "findability.structured-data", "findability.open-graph", "findability.search",
                "findability.search-works")

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        pages = [p for p in artifacts.get("pages", []) if p.get("viewport", "desktop") == "desktop"
                 and (p.get("status") or 200) < 400 and p.get("document")]
        home = next((p for p in pages if p.get("is_home")), pages[0] if pages else None)
        out: list[Evidence] = []
        if home is None:
            out += [Evidence(c, Outcome.ERROR, "No rendered page to read.") for c in self.criteria[:4]]
            out += [Evidence(c, Outcome.ERROR, "No rendered home page to read.") for c in self.criteria[6:8]]
        else:
            out += [self._titles(pages), self._descriptions(pages), self._canonical(pages), self._robots_meta(pages)]
        robots = artifacts.get("robots") or {}
        out += [self._robots_txt(robots, str(artifacts.get("home_url") or "")),
                self._sitemap(artifacts.get("sitemaps") or {}, list(robots.get("sitemaps") or []))]
        if home is not None:
            out += [self._structured(home), self._open_graph(home)]
        out += self._search(artifacts.get("search_test") or {})
        return out

    def _titles(self, pages: list[Mapping[str, Any]]) -> Evidence:
        generic = {fold(t) for t in terms("findability", "titles.generic").terms}
        titles = [str(p["document"].get("title") or "").strip() for p in pages]
        counts = Counter(fold(t) for t in titles)
        bad = [(p.get("final_url"), t) for p, t in zip(pages, titles, strict=True)
               if not t or fold(t).strip(" -|–") in generic or (counts[fold(t)] > 1 and len(pages) > 2)]
        outcome, score = _share_outcome(len(pages) - len(bad), len(pages), 0.9)
        msg = (f"{len(pages) - len(bad)} of {len(pages)} pages have a title of their own"
               + (f"; e.g. {bad[0][0]} has {bad[0][1]!r}." if bad else "."))
        return Evidence("findability.title", outcome, msg, score=score, details={"bad": bad[:20]})

    def _descriptions(self, pages: list[Mapping[str, Any]]) -> Evidence:
        good = [p for p in pages if len(str((p["document"].get("meta") or {}).get("description", "")).strip())
                >= MIN_DESCRIPTION]
        outcome, score = _share_outcome(len(good), len(pages))
        missing = [p.get("final_url") for p in pages if p not in good]
        return Evidence("findability.meta-description", outcome,
                        f"{len(good)} of {len(pages)} pages have a meta description.", score=score,
                        details={"missing": missing[:20]})

    def _canonical(self, pages: list[Mapping[str, Any]]) -> Evidence:
        good = [p for p in pages if str(p["document"].get("canonical") or "").startswith(("http://", "https://"))]
        outcome, score = _share_outcome(len(good), len(pages))
        return Evidence("findability.canonical", outcome, f"{len(good)} of {len(pages)} pages name a canonical URL.",
                        score=score, details={"missing": [p.get("final_url") for p in pages if p not in good][:20]})

    def _robots_meta(self, pages: list[Mapping[str, Any]]) -> Evidence:
        hidden = [p for p in pages if noindex(p)]
        details = {"noindex": [p.get("final_url") for p in hidden][:20]}
        if any(p.get("is_home") for p in hidden):
            return Evidence("findability.robots-meta", Outcome.FAIL, "The home page tells search engines not to "
                            "index it (noindex).", details=details)
        if hidden:
            return Evidence("findability.robots-meta", Outcome.PARTIAL, f"{len(hidden)} of {len(pages)} pages are "
                            "marked noindex.", score=1 - len(hidden) / len(pages), details=details)
        return Evidence("findability.robots-meta", Outcome.PASS, "No page looked at is hidden from search engines.")

    def _robots_txt(self, robots: Mapping[str, Any], home_url: str) -> Evidence:
        c, status = "findability.robots-txt", robots.get("status")
        details = {"url": robots.get("url"), "status": status, "sitemaps": robots.get("sitemaps")}
        if not robots:
            return Evidence(c, Outcome.ERROR, "robots.txt was not fetched.")
        if status == 200:
            parsed = Protego.parse(str(robots.get("text") or ""))
            blocked = [bot for bot in ("*", "Googlebot", "Bingbot") if not parsed.can_fetch(home_url, bot)]
            if blocked:
                return Evidence(c, Outcome.FAIL, f"robots.txt keeps {', '.join(blocked)} away from the home page.",
                                details=details | {"blocked": blocked})
            return Evidence(c, Outcome.PASS, "robots.txt is present and lets search engines in.", details=details)
        if status in (404, 410):
            return Evidence(c, Outcome.PARTIAL, "There is no robots.txt (everything may be indexed, but no "
                            "sitemap is announced).", details=details)
        return Evidence(c, Outcome.REVIEW, f"robots.txt answered {status}.", details=details)

    def _sitemap(self, sitemaps: Mapping[str, Any], announced: list[str]) -> Evidence:
        c = "findability.sitemap"
        if not sitemaps:
            return Evidence(c, Outcome.ERROR, "Sitemaps were not looked for.")
        found, count = list(sitemaps.get("found") or []), int(sitemaps.get("url_count") or 0)
        details = {"found": found[:10], "url_count": count, "errors": (sitemaps.get("errors") or [])[:10],
                   "announced": announced[:10]}
        if not found and not sitemaps.get("errors") and announced:
            # robots.txt names a sitemap that nobody tried to read (a key-pages-only crawl)
            return Evidence(c, Outcome.ERROR, "robots.txt announces a sitemap, but it was not read in this run.",
                            details=details)
        if found and count:
            return Evidence(c, Outcome.PASS, f"A sitemap lists {count} addresses.", details=details)
        if found:
            return Evidence(c, Outcome.PARTIAL, "A sitemap exists but lists no addresses.", details=details)
        return Evidence(c, Outcome.FAIL, "No XML sitemap was found.", details=details)

    def _structured(self, home: Mapping[str, Any]) -> Evidence:
        types = schema_types(str(home.get("html") or ""))
        details = {"types": sorted(types)}
        if types & ORG_TYPES:
            return Evidence("findability.structured-data", Outcome.PASS, "The home page describes the organisation "
                            f"with schema.org ({', '.join(sorted(types & ORG_TYPES))}).", details=details)
        if types - {"(invalid json-ld)"}:
            return Evidence("findability.structured-data", Outcome.PARTIAL, "The home page has schema.org data, "
                            "but none describing the organisation.", details=details)
        return Evidence("findability.structured-data", Outcome.FAIL, "The home page has no structured data "
                        "(schema.org JSON-LD or microdata).", details=details)

    def _open_graph(self, home: Mapping[str, Any]) -> Evidence:
        meta = (home.get("document") or {}).get("meta") or {}
        wanted = ("og:title", "og:description", "og:image")
        present = [k for k in wanted if str(meta.get(k, "")).strip()]
        outcome, score = _share_outcome(len(present), len(wanted), 1.0)
        return Evidence("findability.open-graph", outcome, f"The home page sets {len(present)} of og:title, "
                        "og:description and og:image.", score=score,
                        details={"present": present, "og": {k: v for k, v in meta.items() if k.startswith("og:")}})

    def _search(self, test: Mapping[str, Any]) -> list[Evidence]:
        s, w = "findability.search", "findability.search-works"
        form = test.get("form")
        if not test or (test.get("error") and not form):
            msg = f"The site search could not be looked for: {test.get('error', 'no data')}."
            return [Evidence(s, Outcome.ERROR, msg), Evidence(w, Outcome.ERROR, msg)]
        if not form:
            msg = f"No search form on the {test.get('pages_looked', 0)} pages looked at."
            return [Evidence(s, Outcome.FAIL, msg), Evidence(w, Outcome.NOT_APPLICABLE, msg)]
        where = {"page": form.get("page"), "action": form.get("action"), "method": form.get("method")}
        exists = Evidence(s, Outcome.PASS, f"There is a site search (on {form.get('page')}).", url=form.get("page"),
                          details=where)
        if form.get("method") != "get":
            why = "a POST form, not submitted" if form.get("method") == "post" else "driven by script"
            return [exists, Evidence(w, Outcome.REVIEW, f"The search could not be tried: it is {why}.",
                                     details=where)]
        return [exists, self._works(test, where)]

    def _works(self, test: Mapping[str, Any], details: dict[str, Any]) -> Evidence:
        c, word = "findability.search-works", str(test.get("word") or "")
        if not test.get("tested"):
            return Evidence(c, Outcome.REVIEW, f"The search was not tried: {test.get('error')}.", details=details)
        details = details | {k: test.get(k) for k in ("word", "word_source", "url", "final_url", "status", "title",
                                                      "new_link_count")}
        url = test.get("final_url") or test.get("url")
        if test.get("error") or test.get("status") is None:
            return Evidence(c, Outcome.ERROR, f"The results page did not load: {test.get('error')}.", url=url,
                            details=details)
        text = str(test.get("text") or "")
        if int(test["status"]) >= 400 or terms("findability", "search.error").find(text[:3000]):
            return Evidence(c, Outcome.FAIL, f"Searching for {word!r} gave an error page "
                            f"(status {test['status']}).", url=url, details=details)
        if terms("findability", "search.no_results").find(text):
            return Evidence(c, Outcome.PARTIAL, f"The search answered, but found nothing for {word!r}, a word "
                            "from the site's own navigation.", url=url, details=details)
        shown = fold(word) in fold(text) or fold(word) in fold(str(test.get("title") or ""))
        listed = int(test.get("new_link_count") or 0) >= 3
        final = urlsplit(str(test.get("final_url") or ""))
        asked = any(fold(word) in fold(v) for vs in parse_qs(final.query).values() for v in vs)
        again = not asked and final.path == urlsplit(str(details.get("page") or "")).path
        details |= {"word_shown": shown, "result_links": listed, "query_kept": asked, "search_page_again": again,
                    "results_wording": terms("findability", "search.results").find(text[:3000])}
        if again:
            return Evidence(c, Outcome.FAIL, f"Searching for {word!r} leads back to the search page without "
                            "results.", url=url, details=details)
        if shown or listed:
            how = " and ".join(x for x, ok in (("shows the word", shown), ("lists result links", listed)) if ok)
            return Evidence(c, Outcome.PASS, f"Searching for {word!r} gives a results page that {how}.", url=url,
                            details=details)
        return Evidence(c, Outcome.FAIL, f"Searching for {word!r} gives a page with neither the word nor result "
                        "links.", url=url, details=details)
