"""A way into the organisation's e-services, and open data or APIs.

A list of e-services is what a visitor needs to find the service they came for; "Mina
sidor" leads to their own errands, not to that list, so it does not count. Where the list
was crawled it must actually list services; many municipalities keep the list on a
separate e-service platform (e-tjanster.<kommun>.se), which the crawl does not enter, and
a menu entry with those words is then taken at its word.
Open data counts by its words ("Öppna data", "API", "För utvecklare") or by where a link
goes (dataportal.se, api./developer. hosts, /oppna-data paths).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from crawler.urls import canonicalize
from probes.base import Evidence, Outcome, Probe
from probes.languages import page_index, readable_pages, unique_pages
from probes.vocabulary import terms

MIN_LISTED = 3
MAX_LABEL_WORDS = 6


def _label(link: Mapping[str, Any]) -> str:
    return f"{link.get('text') or ''} {link.get('label') or ''}".strip()


def _where_lists_are(page: Mapping[str, Any], link: Mapping[str, Any]) -> bool:
    """Menus, and key pages: where sites link their e-service list and open data. Elsewhere
    (article bodies) a link is judged by where it goes only, which keeps big crawls fast."""
    return bool(page.get("is_home") or page.get("kind") or link.get("region") in ("header", "nav", "footer"))


def is_list_link(link: Mapping[str, Any]) -> bool:
    label = _label(link)
    return (len(label.split()) <= MAX_LABEL_WORDS and bool(terms("services", "eservices").find(label))
            and not terms("services", "not-list").find(label))


def is_platform_link(link: Mapping[str, Any]) -> bool:
    """A link into an e-service platform, or labelled as an e-service: one e-service anywhere."""
    url = unquote(str(link.get("url") or "")).lower()
    label = _label(link)
    if terms("services", "not-list").find(label):
        return False
    return any(s in url for s in terms("services", "platform-urls").terms) or bool(
        terms("services", "eservice-label").find(label))


def is_service_link(link: Mapping[str, Any]) -> bool:
    """One entry on an e-service list: "Ansök om bygglov", "Boka tid", or a platform link."""
    label = _label(link)
    if is_platform_link(link):
        return True
    if terms("services", "not-list").find(label):
        return False
    url = unquote(str(link.get("url") or "")).lower()
    return (bool(terms("services", "service-words").find(label)) and len(label.split()) <= 12) or any(
        s in url for s in terms("services", "service-urls").terms)


def open_data_match(link: Mapping[str, Any], words: bool = True) -> str | None:
    """Why a link leads to open data or an API, or None (`words`: also judge by its text)."""
    url = str(link.get("url") or "")
    if link.get("scheme") not in ("http", "https"):
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    label = _label(link)
    if words and len(label.split()) <= MAX_LABEL_WORDS and (word := terms("services", "open-data").find(label)):
        return f"link text {word!r}"
    if any(host == h or host.endswith("." + h) for h in ("dataportal.se", "oppnadata.se", "data.europa.eu")):
        return f"link to {host}"
    if any(host.startswith(h) for h in terms("services", "open-data-hosts").terms if h.endswith(".")):
        return f"link to {host}"
    segments = [s.lower() for s in unquote(parts.path).split("/") if s]
    paths = terms("services", "open-data-paths").terms
    if segments and (segments[0] in paths or (len(segments) > 1 and segments[1] in paths and segments[0] in ("sv", "om-oss", "om-webbplatsen"))):
        return f"path {parts.path}"
    return None


class ServicesProbe(Probe):
    id = "services"
    version = "1"
    description = "A list of e-services (E-tjänster, Självservice); open data or an API."
    requires = ("links", "document")
    scope = "site"
    criteria = ("services.eservices", "services.open-data")

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        pages = readable_pages(artifacts)
        everything = unique_pages(artifacts.get("pages") or [])
        if not pages:
            return self.error_evidence("No page of the site could be read.")
        return [self._eservices(pages, page_index(everything)), self._open_data(pages)]

    def _eservices(self, pages: list[Mapping[str, Any]], index: Mapping[str, Mapping[str, Any]]) -> Evidence:
        lists: dict[str, str] = {}  # list URL -> label
        singles: list[str] = []
        seen: set[tuple[str, str]] = set()  # header and footer links repeat on every page
        for page in pages:
            for link in page.get("links") or []:
                key = (str(link.get("url")), _label(link))
                if link.get("scheme") not in ("http", "https") or key in seen:
                    continue
                seen.add(key)
                if not _where_lists_are(page, link):
                    if any(s in key[0].lower() for s in terms("services", "platform-urls").terms):
                        singles.append(key[0])  # an article's link into the e-service platform
                    continue
                if is_list_link(link):
                    lists.setdefault(str(link.get("url")), _label(link)[:80])
                elif is_platform_link(link):
                    singles.append(str(link.get("url")))
        for page in pages:  # the crawler's "eservices" page, when its title says it is a list
            doc = page.get("document") or {}
            title = " ".join([str(doc.get("title") or ""), *map(str, doc.get("h1") or [])])
            if page.get("kind") == "eservices" and is_list_link({"text": title[:60]}):
                lists.setdefault(canonicalize(str(page.get("url"))), title[:80])
        checked: dict[str, int | str] = {}
        for url in lists:
            target = index.get(canonicalize(url))
            if target is None:
                checked[url] = "not crawled"
            elif (target.get("status") or 0) >= 400:
                checked[url] = f"HTTP {target.get('status')}"
            else:
                checked[url] = sum(1 for link in target.get("links") or []
                                   if link.get("region") in ("main", "body") and is_service_link(link))
        details: dict[str, Any] = {"lists": dict(list(lists.items())[:5]), "checked": dict(list(checked.items())[:5]),
                                   "single_services": len(set(singles)), "examples": sorted(set(singles))[:5]}
        good = [u for u, c in checked.items() if c == "not crawled" or (isinstance(c, int) and c >= MIN_LISTED)]
        if good:
            verified = [u for u in good if checked[u] != "not crawled"]
            url = (verified or good)[0]
            how = f"lists {checked[url]} services" if url in verified else "was found (its target was not crawled)"
            return Evidence("services.eservices", Outcome.PASS, f"A list of e-services ({lists[url]!r}) {how}.",
                            details=details, url=url)
        thin = [u for u, c in checked.items() if isinstance(c, int)]
        if thin or singles:
            msg = (f"The e-service page ({lists[thin[0]]!r}) lists fewer than {MIN_LISTED} services." if thin
                   else f"{len(set(singles))} individual e-service link(s), but no list of e-services.")
            return Evidence("services.eservices", Outcome.PARTIAL, msg, details=details, url=thin[0] if thin else singles[0])
        if lists:
            return Evidence("services.eservices", Outcome.FAIL, "The link to the e-services is broken.",
                            details=details, url=next(iter(lists)))
        return Evidence("services.eservices", Outcome.FAIL, "No list of e-services was found.", details=details)

    def _open_data(self, pages: list[Mapping[str, Any]]) -> Evidence:
        hits: dict[str, tuple[str, str]] = {}
        seen: set[tuple[str, str]] = set()
        for page in pages:
            for link in page.get("links") or []:
                key = (str(link.get("url")), _label(link))
                if key in seen:
                    continue
                seen.add(key)
                why = open_data_match(link, words=_where_lists_are(page, link))
                if why:
                    hits.setdefault(str(link.get("url")), (why, str(page.get("url"))))
        details = {"links": {u: w for u, (w, _) in list(hits.items())[:10]}}
        if hits:
            url, (why, _on) = next(iter(hits.items()))
            return Evidence("services.open-data", Outcome.PASS, f"Open data or an API is offered ({why}).",
                            details=details, url=url)
        return Evidence("services.open-data", Outcome.FAIL, "No open data, API or dataportal.se link was found.",
                        details=details)
