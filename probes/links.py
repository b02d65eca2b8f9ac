"""Do the site's own links work, and does a wrong address get an honest, helpful answer?

Reads `link_check` (internal links' statuses, checked politely with a cap) and
`not_found_page` (what a made-up address answers). A "soft 404" — a 200, or a redirect
to the home page — hides broken links from the site's owners and from search engines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from probes.base import Evidence, Outcome, Probe
from probes.vocabulary import terms

NOT_BROKEN = {401, 403, 429}  # behind a log-in, or the server throttled us: not a broken link
TOLERATED = 0.05  # up to 5 % broken is partial, more is a fail
SEARCH_INPUT = re.compile(r"^(q|query|s|search|sok|sök|sokord|sökord|keys|searchtext|search_api_fulltext)$", re.I)


def _is_search(form: Tag) -> bool:
    inputs = [i for i in form.find_all("input") if isinstance(i, Tag)]
    return (form.get("role") == "search" or bool(re.search(r"s[oö]k|search", str(form.get("action") or ""), re.I))
            or any(str(i.get("type") or "").lower() == "search" or SEARCH_INPUT.match(str(i.get("name") or ""))
                   for i in inputs))


def page_aids(html: str, page_url: str, home_url: str) -> dict[str, Any]:
    """What a 404 page offers: an explanation, a search, a way home, navigation."""
    soup = BeautifulSoup(html, "lxml")
    text = soup.get_text(" ", strip=True)
    search = any(_is_search(f) for f in soup.find_all("form") if isinstance(f, Tag)) \
        or soup.select_one("[role=search]") is not None
    anchors = [a for a in soup.find_all("a", href=True) if isinstance(a, Tag)]
    home_path = urlsplit(home_url).path or "/"
    home = any(urlsplit(urljoin(page_url, str(a["href"]))).path in ("/", home_path)
               or terms("findability", "not_found.home").find(a.get_text(" ", strip=True)) for a in anchors)
    return {"explains": terms("findability", "not_found.explains").find(text[:5000]), "search": search,
            "home_link": home, "links": len(anchors), "text_length": len(text)}


class LinksProbe(Probe):
    id = "links"
    version = "1"
    description = "The share of broken internal links, and a real, helpful 404 page."
    requires = ("links", "document", "link_check", "not_found_page")
    scope = "site"
    criteria = ("links.broken", "links.real-404", "links.helpful-404")

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        home_url = str(artifacts.get("home_url") or "")
        nf = artifacts.get("not_found_page") or {}
        return [self._broken(artifacts.get("link_check") or {}), self._real_404(nf, home_url),
                self._helpful_404(nf, home_url)]

    def _broken(self, lc: Mapping[str, Any]) -> Evidence:
        c = "links.broken"
        if not lc:
            return Evidence(c, Outcome.ERROR, "The links were not checked.")
        checked = [e for e in lc.get("checked") or [] if e.get("status") is not None]
        errors = [e for e in lc.get("checked") or [] if e.get("status") is None]
        broken = [e for e in checked if e.get("soft_404")
                  or (int(e["status"]) >= 400 and int(e["status"]) not in NOT_BROKEN)]
        details = {"checked": len(checked), "candidates": lc.get("candidates"), "capped": lc.get("capped"),
                   "skipped": lc.get("skipped"), "unreachable": [e.get("url") for e in errors][:20],
                   "broken": [{k: e.get(k) for k in ("url", "status", "from")} | ({"soft_404": True} if
                              e.get("soft_404") else {}) for e in broken][:50],
                   "soft_404_site": lc.get("soft_404_site")}
        cap_note = f" (checked {len(checked)} of {lc.get('candidates')}: capped)" if lc.get("capped") else ""
        if not checked:
            if errors:
                return Evidence(c, Outcome.ERROR, f"None of the {len(errors)} internal links could be reached.",
                                details=details)
            return Evidence(c, Outcome.REVIEW, "No internal links were found to check.", details=details)
        share = len(broken) / len(checked)
        if not broken:
            return Evidence(c, Outcome.PASS, f"All {len(checked)} internal links checked work{cap_note}.",
                            details=details)
        first = broken[0]
        status = "an error page answering 200" if first.get("soft_404") else first.get("status")
        msg = (f"{len(broken)} of {len(checked)} internal links are broken{cap_note}, e.g. {first.get('url')} "
               f"({status}) linked from {first.get('from')}.")
        if share <= TOLERATED:
            return Evidence(c, Outcome.PARTIAL, msg, score=round(1 - share, 3), url=first.get("from"),
                            details=details)
        return Evidence(c, Outcome.FAIL, msg, url=first.get("from"), details=details)

    def _real_404(self, nf: Mapping[str, Any], home_url: str) -> Evidence:
        c = "links.real-404"
        if not nf:
            return Evidence(c, Outcome.ERROR, "No made-up address was tried.")
        status, final = nf.get("status"), str(nf.get("final_url") or "")
        details = {k: nf.get(k) for k in ("url", "final_url", "status", "chain", "error")}
        if status is None:
            return Evidence(c, Outcome.ERROR, f"A made-up address got no answer: {nf.get('error')}.", details=details)
        if status in (404, 410):
            via = " after a redirect" if nf.get("redirected") else ""
            return Evidence(c, Outcome.PASS, f"A made-up address answers {status}{via}.", url=final, details=details)
        if status < 300 and _same_page(final, home_url):
            return Evidence(c, Outcome.FAIL, "A made-up address redirects to the home page (a soft 404).", url=final,
                            details=details)
        if status < 300:
            return Evidence(c, Outcome.FAIL, f"A made-up address answers {status} (a soft 404): broken links "
                            "look like working pages.", url=final, details=details)
        return Evidence(c, Outcome.FAIL, f"A made-up address answers {status}, not 404.", url=final, details=details)

    def _helpful_404(self, nf: Mapping[str, Any], home_url: str) -> Evidence:
        c = "links.helpful-404"
        if not nf or nf.get("status") is None:
            return Evidence(c, Outcome.ERROR, "There is no answer to a made-up address to judge.")
        final = str(nf.get("final_url") or nf.get("url") or "")
        if nf.get("status") in (200, 204) and _same_page(final, home_url):
            return Evidence(c, Outcome.FAIL, "There is no error page: a wrong address silently shows the home "
                            "page.", url=final)
        aids = page_aids(str(nf.get("html") or ""), final, home_url)
        way_on = [k for k in ("search", "home_link") if aids[k]] + (["navigation"] if aids["links"] >= 5 else [])
        if aids["explains"] and way_on:
            return Evidence(c, Outcome.PASS, f"The error page says what happened and offers {', '.join(way_on)}.",
                            url=final, details=aids)
        if aids["explains"] or way_on:
            missing = "a way on (search or links)" if aids["explains"] else "an explanation"
            return Evidence(c, Outcome.PARTIAL, f"The error page lacks {missing}.", url=final, details=aids)
        return Evidence(c, Outcome.FAIL, "The error page neither explains nor helps the visitor on.", url=final,
                        details=aids)


def _same_page(a: str, b: str) -> bool:
    """Same host (www. or not, any scheme) and path: a redirect to the start page."""
    def key(url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        return (parts.hostname or "").removeprefix("www."), (parts.path or "/").rstrip("/")
    return key(a) == key(b)
