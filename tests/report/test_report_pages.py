"""The report built from stored crawls: numbers, changes and their causes, exports, and the
pages as a reader's browser shows them (sorting, charts, links, 375 px, nothing injected runs)."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from criteria_map import load_map
from maturity.report import ReportError, build_report
from storage import Store, make_engine
from tests.report.helpers import PNG, Watched, add_crawl, browser, ev, overflow

HOSTILE = '<script>window.__pwned="name"</script><img src=x onerror="window.__pwned=\'img\'">'
ORGS = [
    {"id": "nordstad", "name": "Nordstads stad", "type": "municipality", "url": "https://nordstad.example/"},
    {"id": "sjovik", "name": "Sjöviks kommun", "type": "municipality", "url": "https://sjovik.example/"},
    {"id": "evil", "name": "Ond " + HOSTILE, "type": "agency", "url": "javascript:window.__pwned='url'"},
]


def base(chat: str, version: str = "1") -> list[dict[str, Any]]:
    return [ev("page.status", "pass"), ev("page.https", "pass"), ev("page.title", "pass"),
            ev("contact.phone", "pass", probe="contact-channels", version=version),
            ev("contact.email", "pass", probe="contact-channels", version=version),
            ev("contact.chat", chat, probe="contact-channels", version=version,
               message="Chatt på startsidan" if chat == "pass" else "Ingen chatt hittades",
               details={"selector": "#chat-widget > button", "text": "Chatta med oss"},
               url="https://nordstad.example/kontakt/"),
            ev("mobile.viewport-meta", "pass", probe="mobile-layout")]


@pytest.fixture(scope="module")
def cmap() -> Any:
    return load_map(None)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, cmap: Any) -> Iterator[tuple[Store, Path, Path]]:
    tmp = tmp_path_factory.mktemp("report")
    engine = make_engine(f"sqlite:///{tmp / 'r.db'}")
    store = Store(engine)
    artifacts = tmp / "artifacts"
    shots = {"nordstad": PNG, "evil": PNG}
    evil = [ev("page.title", "fail", message=HOSTILE, url="javascript:window.__pwned='ev'",
               details={"snippet": HOSTILE, "selector": '"><svg onload="window.__pwned=1">'})]
    add_crawl(store, cmap, ORGS, {"nordstad": base("fail"), "sjovik": base("pass"), "evil": evil}, artifacts, shots)
    # Next night: Nordstad added a chat (a change on the site); Sjövik's chat probe got a
    # new version that no longer sees its chat (a change of probe, not of the site).
    add_crawl(store, cmap, ORGS, {"nordstad": base("pass"), "sjovik": base("fail", version="2"), "evil": evil},
              artifacts, shots)
    out = tmp / "site"
    index = build_report(store, out, artifacts=artifacts)
    yield store, out, index
    engine.dispose()


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_files_and_self_contained(built: tuple[Store, Path, Path]) -> None:
    _, out, index = built
    assert index == (out / "index.html").resolve() and index.is_file()
    assert (out / "trends.html").is_file()
    pages = sorted(p.name for p in (out / "org").glob("*.html"))
    assert pages == ["evil.html", "nordstad.html", "sjovik.html"]
    assert sorted(p.name for p in (out / "data").iterdir()) == ["criteria.csv", "scores.csv", "scores.json", "trend.csv"]
    assert len(list((out / "img").glob("*.png"))) == 2  # desktop + mobile, shared by content
    for page in [index, out / "trends.html", *(out / "org").glob("*.html")]:
        html = read(page)
        assert "Content-Security-Policy" in html
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.split("<main>")[0])  # nothing external in head
        assert "<script src" not in html and "@import" not in html and "url(" not in html


def test_untrusted_text_is_escaped(built: tuple[Store, Path, Path]) -> None:
    _, out, index = built
    for page in [index, out / "org" / "evil.html"]:
        html = read(page)
        assert "<script>window.__pwned" not in html
        assert "onerror=\"window" not in html and "<svg onload" not in html
        assert 'href="javascript:' not in html
    evil = read(out / "org" / "evil.html")
    assert "&lt;script&gt;window.__pwned=&quot;name&quot;&lt;/script&gt;" in evil
    assert "&lt;svg onload=&quot;window.__pwned=1&quot;&gt;" in evil  # the selector, shown as text


def test_ranking_numbers_match_stored_scores_and_exports(built: tuple[Store, Path, Path], cmap: Any) -> None:
    store, out, _ = built
    crawl = store.latest_crawl()
    assert crawl is not None
    stored = {(d.org_id, d.dimension): d.score for d in store.dimension_scores(crawl.id, cmap.version)}
    payload = json.loads(read(out / "data" / "scores.json"))
    assert payload["crawl"] == crawl.id and payload["map_version"] == cmap.version
    by_id = {o["id"]: o for o in payload["organizations"]}
    for oid in ("nordstad", "sjovik"):
        assert by_id[oid]["overall"] == pytest.approx(round(stored[(oid, "overall")] * 5, 2))
        assert by_id[oid]["dimensions"]["ecrm"] == pytest.approx(round(stored[(oid, "ecrm")] * 5, 2))
    assert by_id["nordstad"]["rank"] == 1 and by_id["nordstad"]["change"]["ecrm"] > 0
    assert by_id["sjovik"]["change"]["ecrm"] < 0
    with (out / "data" / "scores.csv").open(encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert float(rows["nordstad"]["ecrm"]) == by_id["nordstad"]["dimensions"]["ecrm"]
    assert rows["evil"]["name"].startswith("Ond <script>")  # CSV is data, not markup
    with (out / "data" / "criteria.csv").open(encoding="utf-8") as fh:
        crit = [r for r in csv.DictReader(fh) if r["org_id"] == "nordstad" and r["criterion"] == "contact.chat"]
    assert crit and crit[0]["outcome"] == "pass"
    # The table shows one decimal, Swedish style, with the change under it.
    index = read(out / "index.html")
    ecrm = by_id["nordstad"]["dimensions"]["ecrm"]
    assert f"{ecrm:.1f}".replace(".", ",") in index


def test_changes_tell_site_from_probe(built: tuple[Store, Path, Path]) -> None:
    _, out, _ = built
    nordstad = read(out / "org" / "nordstad.html")
    changes = nordstad.split('id="changes"')[1].split("</ul>")[0]
    assert "e-CRM +" in changes and "Chatt" in changes
    assert "ändring på webbplatsen" in changes and "ny version av proben" not in changes
    sjovik = read(out / "org" / "sjovik.html").split('id="changes"')[1].split("</ul>")[0]
    assert "e-CRM −" in sjovik and "contact-channels 1 → 2" in sjovik


def test_evidence_shows_url_snippet_selector(built: tuple[Store, Path, Path]) -> None:
    _, out, _ = built
    html = read(out / "org" / "nordstad.html")
    row = html.split('id="c-contact.chat"')[1].split("</tr>")[0]
    assert 'href="https://nordstad.example/kontakt/"' in row
    assert "Chatta med oss" in row and "#chat-widget &gt; button" in row
    assert 'src="../img/' in html  # screenshots copied next to the pages


def test_unknown_crawl_or_map_is_a_report_error(built: tuple[Store, Path, Path], tmp_path: Path) -> None:
    store, _, _ = built
    with pytest.raises(ReportError, match="no crawl 99"):
        build_report(store, tmp_path / "x", artifacts=tmp_path, crawl_id=99)
    with pytest.raises(ReportError, match="1999.9"):
        build_report(store, tmp_path / "x", artifacts=tmp_path, map_version="1999.9")
    with pytest.raises(ReportError, match="language"):
        build_report(store, tmp_path / "x", artifacts=tmp_path, lang="de")


def test_english_report(built: tuple[Store, Path, Path], tmp_path: Path) -> None:
    store, _, _ = built
    index = build_report(store, tmp_path / "en", artifacts=tmp_path, lang="en")
    html = read(index)
    assert '<html lang="en">' in html and "Ranking" in html and "Digital presence" in html
    assert "a change on the site" in read(tmp_path / "en" / "org" / "nordstad.html")


def test_in_the_browser(built: tuple[Store, Path, Path]) -> None:
    _, out, index = built
    with browser() as b:
        page = b.new_page(viewport={"width": 1280, "height": 900})
        w = Watched(page)
        page.goto(index.as_uri())
        assert page.locator("svg.chart").count() >= 6
        assert page.locator("svg.chart rect.bar").count() > 0
        assert page.locator("svg.radar polygon.profile").count() == 3

        def names() -> list[str]:
            return page.eval_on_selector_all("#ranking tbody tr td.name", "els => els.map(e => e.textContent)")

        first = names()
        assert first[0] == "Nordstads stad"
        page.locator("#ranking thead th", has_text="Organisation").locator("button").click()
        by_name = names()
        assert by_name == sorted(first, key=str.lower) and by_name != first
        page.locator("#ranking thead th", has_text="Organisation").locator("button").click()
        assert names() == list(reversed(by_name))
        assert page.locator("#ranking thead th[aria-sort=descending]").count() == 1

        page.locator("#ranking a", has_text="Nordstads stad").click()
        page.wait_for_load_state()
        assert page.url.endswith("/org/nordstad.html")
        assert page.locator("h1").inner_text() == "Nordstads stad"
        assert page.locator("svg.chart").count() >= 2
        assert page.evaluate("() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
        page.locator("a", has_text="Till rangordningen").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/index.html")
        page.goto((out / "trends.html").as_uri())
        assert page.locator("svg.chart polyline.series").count() >= 2

        for target in [index, out / "trends.html", *(out / "org").glob("*.html")]:
            page.set_viewport_size({"width": 375, "height": 812})
            page.goto(target.as_uri())
            width, client = overflow(page)
            assert width <= client, f"{target.name} overflows at 375 px ({width} > {client})"
            assert w.pwned() is None
        assert w.errors == []
