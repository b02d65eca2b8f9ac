"""The accessibility-statement probe on realistic Swedish statements, its fetcher, and a real crawl."""

from __future__ import annotations

import asyncio
import importlib.util
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

import probes.accessibility_statement as st
from crawler.gatherers.base import SiteContext
from crawler.gatherers.statement import StatementPageGatherer, html_text, pdf_text
from crawler.settings import CrawlSettings
from crawler.single import run_probe
from maturity.localsite import LocalSite, Reply
from probes.accessibility_statement import (
    AccessibilityStatementProbe,
    compliance_status,
    parse_dates,
)
from probes.base import Outcome

FIXTURES = Path(__file__).parents[1] / "fixtures" / "accessibility" / "statement"
HOME = "https://www.nordstad.se/"
STATEMENT = "https://www.nordstad.se/om-webbplatsen/tillganglighet"
HOME_TEXT = "Välkommen till Nordstads kommun. Här hittar du information om och för dig som bor och verkar i kommunen."


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(st, "today", lambda: date(2026, 6, 1))


def link(url: str, text: str, region: str = "footer") -> dict[str, Any]:
    return {"url": url, "href": url, "text": text, "label": "", "region": region, "scheme": url.split(":")[0]}


def page(url: str, text: str = HOME_TEXT, links: list[dict[str, Any]] | None = None, depth: int = 1,
         **kw: Any) -> dict[str, Any]:
    return {"url": url, "final_url": url, "status": 200, "depth": depth, "kind": kw.pop("kind", None),
            "is_home": kw.pop("is_home", False), "viewport": "desktop", "text": text, "links": links or [],
            "error": None, **kw}


def statement_page(fixture: str, url: str = STATEMENT, depth: int = 1) -> dict[str, Any]:
    text, links = html_text((FIXTURES / fixture).read_bytes(), url, "utf-8")
    return page(url, text, links, depth=depth)


def site(statement: dict[str, Any] | None, footer_text: str = "Tillgänglighet", url: str = STATEMENT,
         fetched: list[dict[str, Any]] | None = None, extra: int = 1) -> dict[str, Any]:
    footer = [link("https://www.nordstad.se/kontakt", "Kontakta oss"), link(url, footer_text)]
    pages = [page(HOME, links=footer, depth=0, is_home=True, kind="home")]
    pages += [page(f"https://www.nordstad.se/sida{i}", links=footer) for i in range(extra)]
    if statement:
        pages.append(statement)
    return {"org": {"id": "x"}, "home_url": HOME, "pages": pages, "statement_page": {"fetched": fetched or []}}


def run(artifacts: dict[str, Any]) -> dict[str, Any]:
    evidence = AccessibilityStatementProbe().run(artifacts)
    assert [e.criterion for e in evidence] == list(AccessibilityStatementProbe.criteria)
    return {e.criterion: e for e in evidence}


def test_complete_statement_passes_every_criterion() -> None:
    got = run(site(statement_page("complete.html")))
    assert {c: e.outcome for c, e in got.items()} == {c: Outcome.PASS for c in got}
    assert got["statement.compliance-status"].details["status"] == "partial"
    assert got["statement.updated-recently"].details["date"] == "2026-03-10"
    assert got["statement.updated-recently"].details["age_days"] == 83
    assert got["statement.link"].details["depth"] == 1 and got["statement.link"].details["domain"] == "www.nordstad.se"
    assert got["statement.known-issues"].details["exemptions"]
    assert got["statement.on-every-page"].details["share"] == 1.0


def test_thin_statement_declaring_non_compliance() -> None:
    url = "https://www.nordstad.se/tillganglighetsredogorelse"
    got = run(site(statement_page("partial.html", url), "Tillgänglighetsredogörelse", url))
    assert got["statement.compliance-status"].outcome is Outcome.PASS
    assert got["statement.compliance-status"].details["status"] == "none"
    for c in ("statement.known-issues", "statement.method", "statement.feedback"):
        assert got[c].outcome is Outcome.FAIL, c
    assert got["statement.digg-report-link"].outcome is Outcome.PARTIAL  # names DIGG, no report form
    assert got["statement.updated-recently"].outcome is Outcome.PASS


def test_outdated_statement() -> None:
    got = run(site(statement_page("outdated.html")))
    updated = got["statement.updated-recently"]
    assert updated.outcome is Outcome.FAIL
    assert updated.details["date"] == "2023-04-02" and updated.details["age_days"] > 365
    assert got["statement.compliance-status"].outcome is Outcome.PASS


def test_english_only_statement_on_a_swedish_site_is_weaker() -> None:
    url = "https://www.nordstad.se/accessibility"
    got = run(site(statement_page("english.html", url), "Accessibility", url))
    assert got["statement.link"].outcome is Outcome.PARTIAL
    assert got["statement.link"].details["language"] == "en"
    assert got["statement.compliance-status"].details["status"] == "partial"
    for c in ("statement.known-issues", "statement.method", "statement.feedback", "statement.digg-report-link",
              "statement.updated-recently"):
        assert got[c].outcome is Outcome.PASS, c


def test_passing_mention_of_tillganglighet_does_not_count() -> None:
    url = "https://www.nordstad.se/besok-oss"
    got = run(site(statement_page("mention.html", url), "Tillgänglighet", url))
    assert all(e.outcome is Outcome.FAIL for e in got.values())
    assert got["statement.link"].details["rejected_candidates"][0]["url"] == url


def test_missing_statement_fails_and_unreadable_one_is_not_a_pass() -> None:
    got = run(site(None, "Om oss", "https://www.nordstad.se/om"))
    assert all(e.outcome is Outcome.FAIL for e in got.values())
    unread = run(site(None, "Tillgänglighetsredogörelse", "https://other.example/redogorelse",
                      fetched=[{"url": "https://other.example/redogorelse", "error": "ConnectError"}]))
    assert unread["statement.link"].outcome is Outcome.REVIEW
    assert all(e.outcome is Outcome.ERROR for c, e in unread.items() if c != "statement.link")


def test_near_miss_links_are_not_candidates() -> None:
    pages = [page(HOME, depth=0, is_home=True, links=[
        link("https://www.tillganglighetsdatabasen.se/", "Tillgänglighetsdatabasen"),
        link("https://www.nordstad.se/fysisk", "Fysisk tillgänglighet"),
        link("https://www.nordstad.se/tillganglighet-och-service", "Tillgänglighet och service i lokaler", "main"),
        link("https://www.nordstad.se/a", "Tillgänglighetsredogörelse"),
        link("https://www.nordstad.se/om-webbplatsen/tillganglighet", "Om webbplatsen")])]
    found = [(c["url"], c["strength"]) for c in st.candidate_links(pages)]
    assert found[0] == ("https://www.nordstad.se/a", 3)
    assert ("https://www.nordstad.se/om-webbplatsen/tillganglighet", 1) in found
    assert not [u for u, _s in found if "databasen" in u or "fysisk" in u]


def test_off_site_statement_service_is_followed_and_recorded() -> None:
    url = "https://redogorelse.example-tjanst.se/nordstad"
    text, links = html_text((FIXTURES / "complete.html").read_bytes(), url, "utf-8")
    fetched = [{"url": url, "final_url": url, "status": 200, "format": "html", "text": text, "links": links}]
    got = run(site(None, "Tillgänglighetsredogörelse", url, fetched=fetched))
    assert got["statement.link"].outcome is Outcome.PASS
    assert got["statement.link"].details["domain"] == "redogorelse.example-tjanst.se"
    assert got["statement.digg-report-link"].outcome is Outcome.PASS


def test_pdf_statement_is_found_but_partial() -> None:
    url = "https://www.nordstad.se/download/tillganglighetsredogorelse.pdf"
    fetched = [{"url": url, "final_url": url, "status": 200, "format": "pdf", "text": "\n".join(PDF_LINES),
                "links": []}]
    got = run(site(None, "Tillgänglighetsredogörelse (pdf, 120 kB)", url, fetched=fetched))
    assert got["statement.link"].outcome is Outcome.PARTIAL and got["statement.link"].details["format"] == "pdf"
    assert got["statement.digg-report-link"].outcome is Outcome.PASS  # the address is in the PDF's text
    no_text = run(site(None, "Tillgänglighetsredogörelse (pdf)", url,
                       fetched=[{"url": url, "format": "pdf", "text": None, "error": None}]))
    assert no_text["statement.link"].outcome is Outcome.PARTIAL
    assert no_text["statement.method"].outcome is Outcome.REVIEW


def test_swedish_pdf_is_preferred_to_an_english_translation() -> None:
    pdf = "https://www.nordstad.se/dokument/tillganglighetsredogorelse.pdf"
    english = statement_page("english.html", "https://www.nordstad.se/en/accessibility-statement", depth=2)
    arts = site(english, "Tillgänglighetsredogörelse (PDF, 2 kB)", pdf,
                fetched=[{"url": pdf, "final_url": pdf, "format": "pdf", "text": "\n".join(PDF_LINES)}])
    arts["pages"][0]["links"].append(link(english["url"], "Accessibility statement", "main"))
    got = run(arts)
    assert got["statement.link"].details["format"] == "pdf"
    assert got["statement.link"].details["other_statements"] == [english["url"]]
    assert got["statement.compliance-status"].details["words"] == "delvis förenlig"


def test_link_on_only_some_pages() -> None:
    arts = site(statement_page("complete.html"), extra=3)
    for p in arts["pages"][1:3]:
        p["links"] = []
    every = run(arts)["statement.on-every-page"]
    assert every.outcome is Outcome.FAIL or every.outcome is Outcome.PARTIAL
    assert every.details["with_link"] < every.details["pages"]


def test_no_pages_is_an_error() -> None:
    got = AccessibilityStatementProbe().run({"pages": [], "statement_page": {}})
    assert got and all(e.outcome is Outcome.ERROR for e in got)


def test_dates_in_swedish_english_and_iso() -> None:
    found = {d["date"] for d in parse_dates("Uppdaterad 12:e maj 2024. Reviewed May 3, 2025. Senast 2025-11-02. "
                                            "Bedömning mars 2023. Lag 2018:1937.")}
    assert found == {"2024-05-12", "2025-05-03", "2025-11-02", "2023-03-01"}


def test_compliance_wording() -> None:
    assert compliance_status("Webbplatsen är inte helt förenlig med lagen.")[0] == "partial"
    assert compliance_status("Webbplatsen är helt förenlig med lagen.")[0] == "full"
    assert compliance_status("Webbplatsen är inte förenlig med lagen.")[0] == "none"
    assert compliance_status("This website is fully compliant.")[0] == "full"
    assert compliance_status("Vi jobbar med tillgänglighet.")[0] is None


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with real text (Helvetica, WinAnsi: å, ä, ö survive)."""
    ops = ["BT /F1 11 Tf 40 800 Td 14 TL"]
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({esc}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("cp1252")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


PDF_LINES = ["Tillgänglighetsredogörelse för Nordstads kommun",
             "Webbplatsen är delvis förenlig med lagen (2018:1937) om tillgänglighet till digital offentlig service.",
             "Innehåll som inte är tillgängligt: vissa tabeller saknar rubriker (1.3.1).",
             "Vi har gjort en självskattning. Redogörelsen uppdaterades senast 2026-04-01.",
             "Kontakta oss via e-post kommunen@nordstad.se. Anmäl till DIGG: https://www.digg.se/tdosanmalan"]


async def _gather(pages: list[dict[str, Any]]) -> Any:
    async def polite(_url: str) -> None:
        return None

    async with httpx.AsyncClient(timeout=5) as http:
        ctx = SiteContext(org={}, home_url=HOME, settings=CrawlSettings(allow_private=True, page_timeout=5),
                          http=http, in_scope=lambda u: False, new_page=None,  # type: ignore[arg-type]
                          polite=polite, save_file=None, pages=pages)  # type: ignore[arg-type]
        return await StatementPageGatherer().gather_site(ctx)


def test_gatherer_fetches_off_site_html_and_pdf() -> None:
    routes: dict[str, Any] = {"/redogorelse": Reply(body=(FIXTURES / "complete.html").read_bytes()),
              "/flyttad": Reply(status=301, headers={"Location": "/redogorelse"}),
              "/tillganglighetsredogorelse.pdf": Reply(body=make_pdf(PDF_LINES), content_type="application/pdf")}
    with LocalSite(routes=routes, host="127.0.0.151") as other:
        home = page(HOME, depth=0, is_home=True, links=[
            link(other.url("/flyttad"), "Tillgänglighetsredogörelse"),
            link(other.url("/tillganglighetsredogorelse.pdf"), "Tillgänglighetsredogörelse (PDF)", "main"),
            link(STATEMENT, "Tillgänglighet")])
        crawled = page(STATEMENT, "Redan läst.")
        result = asyncio.run(_gather([home, crawled]))
    fetched = {f["url"]: f for f in result["fetched"]}
    assert STATEMENT not in fetched  # the crawl read it already
    html_doc = fetched[other.url("/flyttad")]
    assert html_doc["final_url"].endswith("/redogorelse") and html_doc["format"] == "html"
    assert "delvis förenlig" in html_doc["text"]
    assert any("tdosanmalan" in lk["url"] for lk in html_doc["links"])
    pdf_doc = fetched[other.url("/tillganglighetsredogorelse.pdf")]
    assert pdf_doc["format"] == "pdf"
    if importlib.util.find_spec("pypdf") is None:
        assert pdf_doc["text"] is None
    else:
        assert "delvis förenlig" in pdf_doc["text"]
        assert pdf_text(make_pdf(PDF_LINES)) == pdf_doc["text"]


def test_gatherer_refuses_private_hosts_unless_allowed() -> None:
    async def go() -> Any:
        async def polite(_url: str) -> None:
            return None
        async with httpx.AsyncClient(timeout=5) as http:
            ctx = SiteContext(org={}, home_url=HOME, settings=CrawlSettings(allow_private=False), http=http,
                              in_scope=lambda u: False, new_page=None, polite=polite,  # type: ignore[arg-type]
                              save_file=None,  # type: ignore[arg-type]
                              pages=[page(HOME, is_home=True, links=[link("http://127.0.0.1:9/t", "Tillgänglighet")])])
            return await StatementPageGatherer().gather_site(ctx)
    result = asyncio.run(go())
    assert result["fetched"][0]["error"].startswith("refused")


def test_run_probe_on_a_crawled_site() -> None:
    statement = (FIXTURES / "complete.html").read_text(encoding="utf-8")
    footer = ('<footer><a href="/kontakt">Kontakta oss</a> <a href="/om-webbplatsen/tillganglighet">'
              'Tillgänglighet</a></footer>')
    home = (f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Nordstad</title></head><body>'
            f'<main><h1>Nordstads kommun</h1><p>{HOME_TEXT}</p><a href="/kontakt">Kontakt</a></main>{footer}'
            f'</body></html>')
    contact = home.replace("Nordstads kommun</h1>", "Kontakta oss</h1>")
    routes: dict[str, Any] = {"/": home, "/kontakt": contact, "/om-webbplatsen/tillganglighet": statement}
    settings = CrawlSettings(delay=0, allow_private=True, block_external=True, page_timeout=10, max_pages=15,
                             screenshots=False)
    with LocalSite(routes=routes, host="127.0.0.152") as s:
        result = run_probe("accessibility-statement", s.url("/"), settings)
    assert result.error is None
    got = {e.criterion: e for e in result.evidence}
    assert {c: e.outcome for c, e in got.items()} == {c: Outcome.PASS for c in AccessibilityStatementProbe.criteria}
    assert got["statement.link"].url and got["statement.link"].url.endswith("/om-webbplatsen/tillganglighet")
