"""The freshness probe: Swedish dates, dated pages, recent news and feeds."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from probes.base import Evidence, Outcome
from probes.freshness import FreshnessProbe, find_dates, page_dates

BASE = "https://www.backby.se"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
TODAY = NOW.date()


def pg(path: str, text: str = "", html: str = "", kind: str | None = None, meta: dict[str, str] | None = None,
       links: list[dict[str, Any]] | None = None, status: int = 200) -> dict[str, Any]:
    return {"url": BASE + path, "final_url": BASE + path, "status": status, "kind": "home" if path == "/" else kind,
            "is_home": path == "/", "viewport": "desktop", "text": text, "html": html or f"<html><body>{text}</body></html>",
            "links": links or [], "document": {"title": "", "lang": "sv", "meta": meta or {}, "h1": []}}


def link(path: str, text: str, region: str = "nav") -> dict[str, Any]:
    return {"url": BASE + path, "text": text, "label": "", "region": region, "scheme": "https", "in_scope": True}


def run(pages: list[dict[str, Any]], now: datetime = NOW, **extra: Any) -> dict[str, Evidence]:
    found = FreshnessProbe(now=now).run({"pages": pages, "home_url": BASE + "/", "org": {}, **extra})
    return {e.criterion: e for e in found}


@pytest.mark.parametrize(("text", "expected"), [
    ("2 oktober 2026", date(2026, 10, 2)),
    ("Publicerad 2 okt. 2025", date(2025, 10, 2)),
    ("2026-10-02", date(2026, 10, 2)),
    ("Senast uppdaterad: 2026-03-01 14:33", date(2026, 3, 1)),
    ("Publicerad 12 maj 2025", date(2025, 5, 12)),
    ("1 mars 2024", date(2024, 3, 1)),
    ("Published October 2, 2025", date(2025, 10, 2)),
    ("Updated 2 September 2025", date(2025, 9, 2)),
    ("12 maj", date(2026, 5, 12)),          # no year: this year, since it is not in the future
    ("24 december", date(2025, 12, 24)),    # no year and would be in the future: last year
])
def test_find_dates(text: str, expected: date) -> None:
    assert find_dates(text, TODAY) == [expected]


@pytest.mark.parametrize("text", ["Ring 08-123 45 67", "Dnr 2024-1234", "2026-13-45", "Maj-Britt Andersson", "år 2026",
                                  "31 februari 2026", "Öppet 8–16"])
def test_not_dates(text: str) -> None:
    assert find_dates(text, TODAY) == []


def test_page_dates_reads_labels_time_meta_and_json_ld() -> None:
    html = ("<html><body><header><time datetime='2020-01-01'>x</time></header><main>"
            "<time datetime='2026-04-02T10:00:00+02:00'>2 april</time></main>"
            '<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "dateModified": "2026-05-01"}]}</script>'
            "</body></html>")
    page = pg("/a/", text="Om förskolan\nSenast uppdaterad\n3 maj 2026\nKontakt", html=html,
              meta={"article:published_time": "2026-01-10T08:00:00Z"})
    found = page_dates(page, TODAY)
    assert found["labelled"] == [date(2026, 5, 3)]
    assert found["time"] == [date(2026, 4, 2)]  # the <time> in the header is site chrome
    assert sorted(found["machine"]) == [date(2026, 1, 10), date(2026, 5, 1)]


def test_dates_on_most_content_pages_pass() -> None:
    pages = [pg("/"), pg("/a/", "Publicerad 2026-05-01"), pg("/b/", "Sidan uppdaterades 4 maj 2026"),
             pg("/c/", "Granskad: 2026-01-01"), pg("/d/", "Senast ändrad 1 mars 2026"), pg("/sok/", kind="search")]
    ev = run(pages)["freshness.dates"]
    assert ev.outcome is Outcome.PASS
    assert ev.details["visible"] == 4 and ev.details["pages"] == 4


def test_dates_only_in_metadata_count_half() -> None:
    pages = [pg("/"), pg("/a/", "Text", meta={"article:modified_time": "2026-05-01T10:00:00Z"}),
             pg("/b/", "Text", meta={"dcterms.modified": "2026-05-01"})]
    ev = run(pages)["freshness.dates"]
    assert ev.outcome is Outcome.PARTIAL and ev.score == 0.5


def test_undated_pages_fail_and_a_date_without_a_label_is_not_a_page_date() -> None:
    pages = [pg("/"), pg("/a/", "Mötet hålls 2026-05-01 i stadshuset."), pg("/b/", "Ingen datum här")]
    ev = run(pages)["freshness.dates"]
    assert ev.outcome is Outcome.FAIL
    assert ev.details["undated_examples"] == [BASE + "/a/", BASE + "/b/"]


def test_only_the_home_page_is_review() -> None:
    assert run([pg("/", "Publicerad 2026-05-01")])["freshness.dates"].outcome is Outcome.REVIEW


@pytest.mark.parametrize(("newest", "outcome"), [("2026-05-25", Outcome.PASS), ("2026-04-01", Outcome.PARTIAL),
                                                 ("2025-11-01", Outcome.FAIL)])
def test_news_age_against_the_crawl_time(newest: str, outcome: Outcome) -> None:
    news = pg("/nyheter/", f"Nyheter\nNy förskola\n{newest}\nBadet stänger\n2024-02-01\nKonsert 2026-08-01", kind="news")
    ev = run([pg("/", links=[link("/nyheter/", "Nyheter")]), news])["freshness.news-recent"]
    assert ev.outcome is outcome
    assert ev.details["newest"] == newest  # the future concert date is ignored
    assert ev.url == BASE + "/nyheter/"


def test_crawl_time_artifact_wins_over_the_clock() -> None:
    news = pg("/aktuellt/", "12 maj 2026", kind="news")
    ev = run([pg("/"), news], now=datetime(2030, 1, 1, tzinfo=UTC), crawl_time="2026-05-20T08:00:00Z")
    assert ev["freshness.news-recent"].outcome is Outcome.PASS
    assert ev["freshness.news-recent"].details["age_days"] == 8


def test_news_found_by_link_words_when_the_crawler_did_not_label_it() -> None:
    home = pg("/", "Välkommen", links=[link("/press/pressmeddelanden/", "Pressmeddelanden")])
    ev = run([home, pg("/press/pressmeddelanden/", "Pressmeddelande\n30 maj 2026")])["freshness.news-recent"]
    assert ev.outcome is Outcome.PASS and ev.details["newest"] == "2026-05-30"


def test_news_link_not_crawled_is_review_and_no_news_fails() -> None:
    home = pg("/", "Välkommen", links=[link("/nyheter/", "Nyheter")])
    assert run([home])["freshness.news-recent"].outcome is Outcome.REVIEW
    assert run([pg("/", "Välkommen till oss")])["freshness.news-recent"].outcome is Outcome.FAIL


def test_news_listed_on_the_home_page() -> None:
    home = pg("/", "Välkommen\nNyheter\nNy cykelbana 28 maj 2026\nAlla nyheter")
    ev = run([home])["freshness.news-recent"]
    assert ev.outcome is Outcome.PASS and ev.details["from_home_page"] is True


@pytest.mark.parametrize(("page", "outcome"), [
    (pg("/", html='<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>'), Outcome.PASS),
    (pg("/", html='<html><head><link type="application/atom+xml" rel="alternate" href="/atom.xml"></head></html>'),
     Outcome.PASS),
    (pg("/", links=[link("/nyheter/?rss=1", "RSS")]), Outcome.PASS),
    (pg("/", links=[link("/nyheter/feed/", "Nyheter som flöde")]), Outcome.PASS),
    (pg("/", links=[link("/nyhetsbrev/", "Prenumerera på nyhetsbrev")]), Outcome.FAIL),
    (pg("/", html='<html><head><link rel="stylesheet" href="/rss.css"></head></html>'), Outcome.FAIL),
])
def test_feeds(page: dict[str, Any], outcome: Outcome) -> None:
    assert run([page])["freshness.feed"].outcome is outcome


def test_no_readable_page_is_an_error() -> None:
    ev = FreshnessProbe(now=NOW).run({"pages": [pg("/", status=500)], "home_url": BASE + "/", "org": {}})
    assert {e.outcome for e in ev} == {Outcome.ERROR} and len(ev) == 3


FIXTURE = Path(__file__).parent.parent / "fixtures" / "site_probes_b"


def test_freshness_in_chromium() -> None:
    from crawler.settings import CrawlSettings
    from crawler.single import run_probe
    from maturity.localsite import LocalSite

    settings = CrawlSettings(delay=0, allow_private=True, block_external=True, page_timeout=10, max_pages=15,
                             screenshots=False, mobile="none")
    with LocalSite(root=FIXTURE, host="127.0.0.162") as site:
        result = run_probe("freshness", site.base_url, settings)
    ev = {e.criterion: e for e in result.evidence}
    assert result.error is None
    assert ev["freshness.dates"].outcome is Outcome.PASS
    assert ev["freshness.feed"].outcome is Outcome.PASS
    assert ev["freshness.feed"].details["feeds"] == ["/nyheter/rss.xml"]
    assert ev["freshness.news-recent"].details["newest"] == "2026-05-04"  # from the <time> elements
