"""Is the site kept up to date? Dates on pages (Webbriktlinjer R23), recent news, feeds.

A visitor judges a page by the date they can see, so a visible "Publicerad" /
"Senast uppdaterad" date counts fully, and a date only in metadata (article:modified_time,
JSON-LD) counts half. Ages are measured against the crawl time, which is injectable so
results do not depend on when a test runs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

import lxml.html

from crawler.urls import canonicalize
from probes.base import Evidence, Outcome, Probe
from probes.languages import page_index, readable_pages
from probes.vocabulary import load_area, terms

META_DATES = ("article:modified_time", "article:published_time", "og:updated_time", "dcterms.modified",
              "dcterms.created", "dcterms.issued", "dc.date", "dc.date.modified", "dc.date.created", "date",
              "last-modified", "revised", "pubdate", "publishdate")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
SKIP_KINDS = ("search", "login")
RECENT_DAYS, STALE_DAYS = 31, 92
MAX_LABEL_LINE = 200
ISO = re.compile(r"(?<!\d)(20\d\d|19\d\d)-(\d{1,2})-(\d{1,2})(?!\d)")


@cache
def _months() -> tuple[dict[str, int], re.Pattern[str]]:
    names = {name: int(key.split(".")[1]) for key, t in load_area("freshness").items()
             if key.startswith("months.") for name in t.terms}
    alt = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return names, re.compile(
        rf"(?<![\w])(?:(\d{{1,2}})\.?\s+({alt})\.?(?:\s+(\d{{4}}))?|({alt})\.?\s+(\d{{1,2}}),?\s+(\d{{4}}))(?![\w])", re.I)


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, today: date) -> list[date]:
    """Dates written as 2026-10-02, "2 oktober 2026", "2 okt. 2026", "October 2, 2026" or
    "12 maj" (the year of a listing without one is the latest that is not in the future)."""
    found = [d for m in ISO.finditer(text) if (d := _make(int(m[1]), int(m[2]), int(m[3])))]
    names, pattern = _months()
    for m in pattern.finditer(text):
        if m[1]:
            day, month, year = int(m[1]), names[m[2].lower()], int(m[3]) if m[3] else None
        else:
            day, month, year = int(m[5]), names[m[4].lower()], int(m[6])
        if year is None:
            d = _make(today.year, month, day)
            d = _make(today.year - 1, month, day) if d and d > today + timedelta(days=1) else d
        else:
            d = _make(year, month, day)
        if d:
            found.append(d)
    return [d for d in found if date(1995, 1, 1) <= d]


def parse_when(value: Any) -> date | None:
    """A date from an ISO timestamp or date string (meta content, datetime attributes)."""
    m = ISO.search(str(value or ""))
    return _make(int(m[1]), int(m[2]), int(m[3])) if m else None


def _json_ld_dates(node: Any) -> Iterable[Any]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("datePublished", "dateModified", "dateCreated"):
                yield v
            else:
                yield from _json_ld_dates(v)
    elif isinstance(node, list):
        for v in node:
            yield from _json_ld_dates(v)


def page_dates(page: Mapping[str, Any], today: date, everything: bool = False) -> dict[str, list[date]]:
    """{labelled: dates next to a "Publicerad"/"Uppdaterad" label, time: <time> in the content,
    machine: dates in metadata only, all: every date written on the page (with `everything`)}."""
    text = str(page.get("text") or "")
    labels = (terms("freshness", "published"), terms("freshness", "updated"))
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    labelled = []
    for i, line in enumerate(lines):
        # a label sits in a short line with a date on it or on the next line
        if len(line) > MAX_LABEL_LINE or not any(c.isdigit() for c in " ".join(lines[i:i + 2])):
            continue
        if any(t.find(line) for t in labels):
            near = line if find_dates(line, today) else " ".join(lines[i:i + 2])
            labelled += find_dates(near, today)[:1]
    meta = (page.get("document") or {}).get("meta") or {}
    machine = [d for k in META_DATES if (d := parse_when(meta.get(k)))]
    times: list[date] = []
    html = page.get("html")
    if html:
        try:
            root = lxml.html.fromstring(html)
        except (ValueError, lxml.etree.ParserError):
            root = None
        if root is not None:
            for el in root.xpath("//time[not(ancestor::header or ancestor::footer or ancestor::nav)]"):
                d = parse_when(el.get("datetime")) or next(iter(find_dates(el.text_content(), today)), None)
                if d:
                    times.append(d)
            for script in root.xpath("//script[@type='application/ld+json']"):
                try:
                    machine += [d for v in _json_ld_dates(json.loads(script.text or "")) if (d := parse_when(v))]
                except ValueError:
                    continue
    return {"labelled": labelled, "time": times, "machine": machine,
            "all": find_dates(text, today) + times if everything else []}


class FreshnessProbe(Probe):
    id = "freshness"
    version = "1"
    description = "Published/updated dates on pages, the newest news item, RSS/Atom feeds."
    requires = ("text", "html", "document", "links")
    scope = "site"
    criteria = ("freshness.dates", "freshness.news-recent", "freshness.feed")

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now

    def _today(self, artifacts: Mapping[str, Any]) -> date:
        when = artifacts.get("crawl_time") or self.now or datetime.now(UTC)
        if isinstance(when, str):
            when = datetime.fromisoformat(when.replace("Z", "+00:00"))
        return when.date() if isinstance(when, datetime) else when

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        pages = readable_pages(artifacts)
        if not pages:
            return self.error_evidence("No page of the site could be read.")
        today = self._today(artifacts)
        return [self._dates(pages, today), self._news(pages, today), self._feed(pages)]

    def _dates(self, pages: list[Mapping[str, Any]], today: date) -> Evidence:
        content = [p for p in pages if not p.get("is_home") and p.get("kind") not in SKIP_KINDS]
        if not content:
            return Evidence("freshness.dates", Outcome.REVIEW, "Only the home page was read; no content page to check for dates.")
        visible: list[str] = []
        machine_only: list[str] = []
        undated: list[str] = []
        for page in content:
            found = page_dates(page, today)
            url = str(page.get("url"))
            (visible if found["labelled"] or found["time"] else machine_only if found["machine"] else undated).append(url)
        share = (len(visible) + 0.5 * len(machine_only)) / len(content)
        details = {"pages": len(content), "visible": len(visible), "metadata_only": len(machine_only),
                   "undated_examples": undated[:10], "share": round(share, 3)}
        msg = f"{len(visible)} of {len(content)} content pages show a date; {len(machine_only)} only in metadata."
        if share >= 0.75:
            return Evidence("freshness.dates", Outcome.PASS, msg, score=round(min(1.0, share), 3), details=details)
        outcome = Outcome.PARTIAL if share > 0 else Outcome.FAIL
        return Evidence("freshness.dates", outcome, msg, score=round(share, 3), details=details,
                        url=undated[0] if undated else None)

    def _news_pages(self, pages: list[Mapping[str, Any]]) -> tuple[list[Mapping[str, Any]], list[str]]:
        """Crawled news listings, and news links whose target was not crawled."""
        news_terms = terms("freshness", "news")
        by_url = page_index(pages)
        found = [p for p in pages if p.get("kind") == "news"]
        missing: list[str] = []
        for page in pages:
            if not (page.get("is_home") or page.get("kind")):
                continue
            for link in page.get("links") or []:
                label = f"{link.get('text') or ''} {link.get('label') or ''}"
                if link.get("in_scope") and news_terms.find(label) and len(label.split()) <= 5:
                    target = by_url.get(canonicalize(str(link.get("url"))))
                    if target is None:
                        missing.append(str(link.get("url")))
                    elif target not in found:
                        found.append(target)
        return found, missing

    def _news(self, pages: list[Mapping[str, Any]], today: date) -> Evidence:
        news, missing = self._news_pages(pages)
        home = next((p for p in pages if p.get("is_home")), None)
        candidates = news or ([home] if home is not None and terms("freshness", "news").find(str(home.get("text") or "")) else [])
        best: tuple[date, str] | None = None
        for page in candidates:
            dates = [d for d in page_dates(page, today, everything=True)["all"] if d <= today + timedelta(days=1)]
            if dates and (best is None or max(dates) > best[0]):
                best = (max(dates), str(page.get("url")))
        details: dict[str, Any] = {"news_pages": [p.get("url") for p in news][:5],
                                   "uncrawled_news_links": list(dict.fromkeys(missing))[:5]}
        if best is None:
            if missing:
                return Evidence("freshness.news-recent", Outcome.REVIEW, "A news page is linked but was not crawled.",
                                details=details, url=missing[0])
            if news:
                return Evidence("freshness.news-recent", Outcome.REVIEW, "The news page shows no date that could be read.",
                                details=details, url=str(news[0].get("url")))
            return Evidence("freshness.news-recent", Outcome.FAIL, "No news page with dated items was found.", details=details)
        age = (today - best[0]).days
        details.update(newest=best[0].isoformat(), age_days=age, from_home_page=not news)
        msg = f"The newest dated news item is from {best[0].isoformat()} ({max(age, 0)} days before the crawl)."
        outcome = Outcome.PASS if age <= RECENT_DAYS else Outcome.PARTIAL if age <= STALE_DAYS else Outcome.FAIL
        return Evidence("freshness.news-recent", outcome, msg, details=details, url=best[1])

    def _feed(self, pages: list[Mapping[str, Any]]) -> Evidence:
        feeds: dict[str, str] = {}
        feed_terms = terms("freshness", "feed")
        seen: set[tuple[str, str]] = set()  # menus repeat on every page
        for page in pages:
            html = str(page.get("html") or "")
            for m in re.finditer(r"<link\b[^>]*>", html[:200_000], re.I):
                tag = m.group(0)
                if re.search(r"alternate", tag, re.I) and any(t in tag.lower() for t in FEED_TYPES):
                    href = re.search(r"href\s*=\s*[\"']([^\"']+)", tag, re.I)
                    feeds.setdefault(href.group(1) if href else "(no href)", str(page.get("url")))
            for link in page.get("links") or []:
                url = str(link.get("url") or "")
                label = f"{link.get('text') or ''} {link.get('label') or ''}"
                if (url, label) in seen:
                    continue
                seen.add((url, label))
                if feed_terms.find(label) or re.search(r"(\.rss|/rss|/feed|/atom)(\.xml)?/?$|[?&](rss|feed)\b", url, re.I):
                    feeds.setdefault(url, str(page.get("url")))
        details = {"feeds": list(feeds)[:10]}
        if feeds:
            first = next(iter(feeds))
            return Evidence("freshness.feed", Outcome.PASS, f"The site offers {len(feeds)} RSS/Atom feed(s).",
                            details=details, url=feeds[first])
        return Evidence("freshness.feed", Outcome.FAIL, "No RSS or Atom feed is advertised or linked.", details=details)
