"""The accessibility probe reports exactly what axe-core decides, frames and late content included."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import async_playwright

from crawler.browser import launch_args
from crawler.browser_path import find_chromium
from crawler.gatherers.axe import AXE_TAGS, AxeGatherer, axe_source
from crawler.gatherers.base import PageContext, SiteContext
from crawler.settings import CrawlSettings
from crawler.single import run_probe
from maturity.localsite import LocalSite
from probes.accessibility import AccessibilityProbe, success_criteria, wcag_level
from probes.base import Outcome

FIXTURES = Path(__file__).parents[1] / "fixtures" / "accessibility" / "axe"
PAGES = ("img-no-alt", "unlabelled-input", "low-contrast", "zoom-blocked", "clean", "iframe", "late-content")
REFERENCE = PAGES[:4]  # compared with axe-playwright-python's own per-page run
HOST = "127.0.0.131"


async def _gather_all(site: LocalSite) -> dict[str, dict[str, Any]]:
    """Per page: our gatherer's artifact, and axe-playwright-python's own run as the reference."""
    out: dict[str, dict[str, Any]] = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=find_chromium(), args=launch_args())
        ours = await browser.new_context()
        await ours.add_init_script(script=AxeGatherer.init_script or "")
        plain = await browser.new_context()
        sctx = SiteContext(org={}, home_url=site.url("/"), settings=CrawlSettings(page_timeout=10),
                           http=None, in_scope=lambda u: True, new_page=None, polite=None,  # type: ignore[arg-type]
                           save_file=None)  # type: ignore[arg-type]
        for name in PAGES:
            url = site.url(f"/{name}.html")
            page = await ours.new_page()
            resp = await page.goto(url)
            pctx = PageContext(page=page, response=resp, url=url, final_url=url, viewport="desktop", kind=None,
                               site=sctx)
            artifact = await AxeGatherer().gather(pctx)
            out[name] = {"axe": artifact}
            if name not in REFERENCE:
                continue
            ref_page = await plain.new_page()
            await ref_page.goto(url)
            ref = await Axe().run(ref_page, options={"runOnly": {"type": "tag", "values": list(AXE_TAGS)},
                                                     "resultTypes": ["violations"]})
            out[name]["reference"] = ref.response
        await browser.close()
    return out


@pytest.fixture(scope="module")
def gathered() -> dict[str, dict[str, Any]]:
    with LocalSite(root=FIXTURES, host=HOST) as site:
        return asyncio.run(_gather_all(site))


def _outcomes(artifact: dict[str, Any]) -> dict[str, Outcome]:
    return {e.criterion: e.outcome for e in AccessibilityProbe().run({"axe": artifact})}


def _failed(artifact: dict[str, Any]) -> set[str]:
    return {c for c, o in _outcomes(artifact).items() if o is Outcome.FAIL}


@pytest.mark.parametrize("page,rule", [("img-no-alt", "image-alt"), ("unlabelled-input", "label"),
                                       ("low-contrast", "color-contrast"), ("zoom-blocked", "meta-viewport")])
def test_known_violation_is_reported(gathered: dict[str, Any], page: str, rule: str) -> None:
    failed = _failed(gathered[page]["axe"])
    assert f"axe.{rule}" in failed
    # Exactly axe's own verdict, as the package's own (per-page injected) run gives it.
    assert failed == {f"axe.{v['id']}" for v in gathered[page]["reference"]["violations"]}


def test_clean_page_has_no_violations_and_passes(gathered: dict[str, Any]) -> None:
    outcomes = _outcomes(gathered["clean"]["axe"])
    assert not [c for c, o in outcomes.items() if o is Outcome.FAIL]
    assert outcomes["axe.image-alt"] is Outcome.PASS
    assert outcomes["axe.label"] is Outcome.PASS
    assert outcomes["axe.meta-viewport"] is Outcome.PASS
    assert outcomes["axe.video-caption"] is Outcome.NOT_APPLICABLE


def test_violation_inside_an_iframe_is_found(gathered: dict[str, Any]) -> None:
    rule = next(r for r in gathered["iframe"]["axe"]["violations"] if r["id"] == "image-alt")
    assert rule["sample"][0]["target"] == ["iframe", "img.in-frame"] or rule["sample"][0]["target"][0] == "iframe"
    assert "axe.image-alt" in _failed(gathered["iframe"]["axe"])


def test_content_added_by_script_is_tested(gathered: dict[str, Any]) -> None:
    rule = next(r for r in gathered["late-content"]["axe"]["violations"] if r["id"] == "image-alt")
    assert "late" in rule["sample"][0]["html"]


def test_artifact_is_compact_and_versioned(gathered: dict[str, Any]) -> None:
    axe = gathered["img-no-alt"]["axe"]
    assert axe["version"].startswith("4.12")
    assert all(r["nodes"] is None for r in axe["passes"])
    ev = {e.criterion: e for e in AccessibilityProbe().run({"axe": axe})}["axe.image-alt"]
    assert ev.details["axe_version"] == axe["version"]
    assert ev.details["wcag"] == ["1.1.1"] and ev.details["nodes"] == 1 and ev.details["impact"] == "critical"
    assert len(ev.details["sample"][0]["html"]) <= 301


def test_axe_source_keeps_its_licence_header() -> None:
    head = axe_source()[:400]
    assert "axe v4.12" in head and "Mozilla Public" in head


def test_tags_map_to_success_criteria() -> None:
    assert success_criteria(["wcag2aa", "wcag143", "wcag1410", "wcag2411", "best-practice"]) == \
        ["1.4.3", "1.4.10", "2.4.11"]
    assert wcag_level(["cat.color", "wcag2aa", "wcag143"]) == "AA"
    assert wcag_level(["wcag2a", "wcag111"]) == "A"
    assert wcag_level(["best-practice"]) is None


def test_missing_or_empty_results_are_errors_not_passes() -> None:
    probe = AccessibilityProbe()
    empty: list[Any] = [None, {}, {"violations": [], "passes": [], "incomplete": [], "inapplicable": []}]
    for artifact in empty:
        evidence = probe.run({"axe": artifact})
        assert evidence and all(e.outcome is Outcome.ERROR for e in evidence)


def test_outcome_mapping_from_saved_artifact() -> None:
    artifact: dict[str, Any] = {"version": "4.12.1", "violations": [{"id": "a", "tags": ["wcag2a", "wcag111"], "nodes": 3,
                                                     "sample": [], "impact": "serious"}],
                "incomplete": [{"id": "b", "tags": ["best-practice"], "nodes": 1, "sample": []}],
                "passes": [{"id": "c", "tags": [], "nodes": None}], "inapplicable": [{"id": "d", "tags": []}]}
    got = {e.criterion: (e.outcome, e.score) for e in AccessibilityProbe().run({"axe": artifact})}
    assert got == {"axe.a": (Outcome.FAIL, 0.0), "axe.b": (Outcome.REVIEW, None), "axe.c": (Outcome.PASS, 1.0),
                   "axe.d": (Outcome.NOT_APPLICABLE, None)}


def test_run_probe_end_to_end() -> None:
    settings = CrawlSettings(delay=0, allow_private=True, block_external=True, page_timeout=10, max_pages=15,
                             screenshots=False)
    with LocalSite(root=FIXTURES, host="127.0.0.132") as site:
        run = run_probe("accessibility", site.url("/iframe.html"), settings)
    assert run.error is None
    by = {e.criterion: e for e in run.evidence}
    assert by["axe.image-alt"].outcome is Outcome.FAIL
    assert by["axe.image-alt"].details["sample"][0]["target"][0] == "iframe"
    assert by["axe.document-title"].outcome is Outcome.PASS
