"""The keyboard probe, on pages tabbed with Chromium's real keyboard, and on saved walks."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import async_playwright

from crawler.browser import launch_args
from crawler.browser_path import find_chromium
from crawler.gatherers.base import PageContext, SiteContext
from crawler.gatherers.keyboard import MAX_TABS, KeyboardGatherer
from crawler.settings import CrawlSettings
from crawler.single import run_probe
from maturity.localsite import LocalSite
from probes.base import Outcome
from probes.keyboard import KeyboardProbe, find_trap

FIXTURES = Path(__file__).parents[1] / "fixtures" / "accessibility" / "keyboard"
PAGES = ("good", "bad", "trap", "broken-skip", "modal", "order")


async def _walk_all(site: LocalSite) -> dict[str, Any]:
    out: dict[str, Any] = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=find_chromium(), args=launch_args())
        ctx = await browser.new_context(viewport={"width": 1366, "height": 900})
        sctx = SiteContext(org={}, home_url=site.url("/"), settings=CrawlSettings(page_timeout=10),
                           http=None, in_scope=lambda u: True, new_page=None, polite=None,  # type: ignore[arg-type]
                           save_file=None)  # type: ignore[arg-type]
        for name in PAGES:
            url = site.url(f"/{name}.html")
            page = await ctx.new_page()
            resp = await page.goto(url)
            pctx = PageContext(page=page, response=resp, url=url, final_url=url, viewport="desktop", kind="home",
                               site=sctx)
            out[name] = await KeyboardGatherer().gather(pctx)
            await page.close()
        await browser.close()
    return out


@pytest.fixture(scope="module")
def walks() -> dict[str, Any]:
    with LocalSite(root=FIXTURES, host="127.0.0.141") as site:
        return asyncio.run(_walk_all(site))


def _run(walk: dict[str, Any]) -> dict[str, Any]:
    return {e.criterion: e for e in KeyboardProbe().run({"keyboard": walk})}


def test_accessible_page_passes_everything(walks: dict[str, Any]) -> None:
    got = _run(walks["good"])
    assert {c: e.outcome for c, e in got.items()} == {c: Outcome.PASS for c in KeyboardProbe.criteria}
    assert got["keyboard.skip-link"].details["index"] == 0
    assert got["keyboard.no-trap"].details["wrapped"] is True
    steps = walks["good"]["steps"]  # the walk ends where focus came back to <body>
    assert steps[-1].get("body") and all(s.get("selector") for s in steps[:-1])


def test_removed_outlines_and_offscreen_links_fail_focus_visible(walks: dict[str, Any]) -> None:
    got = _run(walks["bad"])
    fv = got["keyboard.focus-visible"]
    assert fv.outcome is Outcome.FAIL
    hidden = [s["text"] for s in fv.details["focused_while_hidden"]]
    assert hidden == ["Mobilmeny 1", "Mobilmeny 2"]
    assert fv.details["no_indicator"]
    # No skip link, and no <main> either: nothing lets a keyboard user bypass the header.
    assert got["keyboard.skip-link"].outcome is Outcome.FAIL


def test_focus_trap_is_found_with_its_elements(walks: dict[str, Any]) -> None:
    got = _run(walks["trap"])
    trap = got["keyboard.no-trap"]
    assert trap.outcome is Outcome.FAIL
    assert {s["selector"] for s in trap.details["cycle"]} == {"#w1", "#w2"}
    assert len(walks["trap"]["steps"]) == MAX_TABS  # bounded, even when trapped
    assert got["keyboard.skip-link"].outcome is Outcome.PASS


def test_skip_link_to_missing_target_is_broken(walks: dict[str, Any]) -> None:
    skip = _run(walks["broken-skip"])["keyboard.skip-link"]
    assert skip.outcome is Outcome.FAIL
    assert "target" in skip.message


def test_cycle_inside_modal_dialog_is_not_a_trap(walks: dict[str, Any]) -> None:
    got = _run(walks["modal"])
    assert got["keyboard.no-trap"].outcome is Outcome.PASS
    assert "dialog" in got["keyboard.no-trap"].message


def test_positive_tabindex_against_layout_fails_focus_order(walks: dict[str, Any]) -> None:
    order = _run(walks["order"])["keyboard.focus-order"]
    assert order.outcome is Outcome.FAIL
    assert len(order.details["backward_jumps"]) >= 3
    assert order.details["positive_tabindex"]


def _step(sel: str, x: int, y: int, **kw: Any) -> dict[str, Any]:
    base = {"selector": sel, "tag": "a", "text": sel, "rect": {"x": x, "y": y, "w": 100, "h": 20}, "hidden": False,
            "fixed": False, "frame": False, "in_dialog": False, "known": True, "visible_changes": ["outline-style"],
            "outline": True}
    return {**base, **kw}


def test_footer_columns_are_reading_order_not_a_jump() -> None:
    steps = [_step("h", 0, 0), _step("c1a", 0, 1000), _step("c1b", 0, 1030), _step("c2a", 300, 1000),
             _step("c2b", 300, 1030), {"selector": None, "body": True}]
    got = _run({"steps": steps, "skip": None, "landmarks": {"main": True}, "focusable": 5})
    assert got["keyboard.focus-order"].outcome is Outcome.PASS
    assert got["keyboard.skip-link"].outcome is Outcome.PARTIAL  # main landmark, no skip link


def test_one_backward_jump_is_for_a_human() -> None:
    steps = [_step("a", 0, 0), _step("b", 0, 500), _step("side", 0, 100), _step("c", 0, 600)]
    assert _run({"steps": steps})["keyboard.focus-order"].outcome is Outcome.REVIEW


def test_trap_detection_needs_repetition() -> None:
    steps = [_step(s, 0, i * 30) for i, s in enumerate("abcdxyxyxy")]
    found = find_trap(steps)
    assert found is not None and [s["selector"] for s in found[1]] == ["x", "y"]
    assert find_trap([_step(s, 0, 0) for s in "abcdefgh"]) is None
    wrapped = [_step(s, 0, 0) for s in "ab"] + [{"selector": None}] + [_step(s, 0, 0) for s in "ab"]
    assert find_trap(wrapped * 2) is None


def test_nothing_focusable_is_not_applicable_and_missing_walk_is_error() -> None:
    empty = _run({"steps": [{"selector": None, "body": True}], "focusable": 0})
    assert all(e.outcome is Outcome.NOT_APPLICABLE for e in empty.values())
    assert all(e.outcome is Outcome.ERROR for e in KeyboardProbe().run({"keyboard": None}))


def test_run_probe_end_to_end() -> None:
    settings = CrawlSettings(delay=0, allow_private=True, block_external=True, page_timeout=10, max_pages=15,
                             screenshots=False)
    with LocalSite(root=FIXTURES, host="127.0.0.142") as site:
        run = run_probe("keyboard", site.url("/trap.html"), settings)
    assert run.error is None
    by = {e.criterion: e.outcome for e in run.evidence}
    assert by["keyboard.no-trap"] is Outcome.FAIL and by["keyboard.skip-link"] is Outcome.PASS
