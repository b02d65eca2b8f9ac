"""The mobile-layout probe: rules on hand-written artifacts, then the gatherer and the probe on
fixture pages in a real mobile Chromium (one browser for the module), and once end to end
through `run_probe`."""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from crawler.browser_path import find_chromium
from crawler.gatherers import gatherer_for
from crawler.gatherers.mobile import MobileLayoutGatherer
from crawler.settings import MOBILE_VIEWPORT, CrawlSettings
from maturity.localsite import LocalSite
from probes.base import Outcome
from probes.mobile_layout import MobileLayoutProbe, parse_viewport, user_zoom, zoom_value
from probes.registry import get_probe

FIXTURES = Path(__file__).parent.parent / "fixtures" / "mobile"
HOST = "127.0.0.153"


def lay(cw: int = 375, sw: int = 375, screen: int = 375, scale: float = 1.0, **kw: Any) -> dict[str, Any]:
    return {"client_width": cw, "scroll_width": sw, "inner_width": max(cw, sw), "screen_width": screen,
            "scale": scale, "overflow_x": "visible", "offenders": [], "offender_count": 0, **kw}


def target(x: float, y: float, w: float, h: float, dest: str, **kw: Any) -> dict[str, Any]:
    return {"x": x, "y": y, "w": w, "h": h, "dest": dest, "tag": "a", "inline": False, "ua": False,
            "fixed": False, "selector": dest, "parent": -1, "text": dest, **kw}


BASE: dict[str, Any] = {
    "has_body": True, "width": 375,
    "viewport_metas": ["width=device-width, initial-scale=1"],
    "layout": lay(), "narrow": {"layout": lay(320, 320, 320)},
    "landscape": {"layout": lay(812, 812, 812), "text_chars": 500, "cover": None, "rotated": []},
    "text": {"hist": {"16": 450, "14": 40, "11": 10}, "total": 500, "smallest": []},
    "cover": None, "orientation_locks": [],
    "targets": [target(16, 10, 300, 48, "/a"), target(16, 70, 300, 48, "/b")],
    "nav": {"toggles": [{"tag": "button", "text": "Meny", "name": "", "classes": "", "expanded": "false",
                         "controls": "nav", "haspopup": None, "controls_links": 8, "href": None}], "navs": []},
}


def run(**changes: Any) -> dict[str, Any]:
    m = copy.deepcopy(BASE)
    links = changes.pop("links", [])
    m.update(changes)
    ev = MobileLayoutProbe().run({"mobile_layout": m, "links": links, "screenshot": None})
    return {e.criterion: e for e in ev}


def outcome(criterion: str, **changes: Any) -> Outcome:
    return run(**changes)[criterion].outcome


# --- viewport meta and zoom -------------------------------------------------------------

def test_viewport_parse_follows_chromium() -> None:
    assert parse_viewport("width=device-width, initial-scale=1")[0] == {"width": "device-width", "initial-scale": "1"}
    assert parse_viewport("width = device-width")[0]["width"] == "device-width"
    assert parse_viewport("width=device-width initial-scale=1")[0] == {"width": "device-width", "initial-scale": "1"}
    pairs, semi = parse_viewport("width=device-width; initial-scale=1")
    assert pairs["width"] == "device-width;" and semi
    assert "width" not in parse_viewport("width:device-width")[0]
    assert zoom_value("1.0;") == 1.0 and zoom_value("no") == 0.1 and zoom_value("abc") == 0.1
    assert zoom_value("-1") is None and zoom_value("device-width") == 10.0
    assert not user_zoom("no") and not user_zoom("0") and not user_zoom("0.5")
    assert user_zoom("yes") and user_zoom("1") and user_zoom("device-width")


def test_viewport_meta_outcomes() -> None:
    assert outcome("mobile.viewport-meta") is Outcome.PASS
    assert outcome("mobile.viewport-meta", viewport_metas=[]) is Outcome.FAIL
    # A ';'-separated string works only thanks to initial-scale: partial, not pass.
    assert outcome("mobile.viewport-meta", viewport_metas=["width=device-width; initial-scale=1"]) is Outcome.PARTIAL
    # "width=device-width;" alone is invalid: Chromium lays out at 980 px.
    invalid = {"viewport_metas": ["width=device-width;"], "layout": lay(980, 981, 375, 0.38),
               "narrow": {"layout": lay(980, 980, 320, 0.33)}}
    assert outcome("mobile.viewport-meta", **invalid) is Outcome.FAIL
    # A fixed width that happens to equal the 375 px screen is not device-width at 320.
    fixed = {"viewport_metas": ["width=375"], "narrow": {"layout": lay(375, 375, 320, 0.85)}}
    assert outcome("mobile.viewport-meta", **fixed) is Outcome.FAIL
    assert outcome("mobile.viewport-meta", viewport_metas=["foo", "width=device-width"]) is Outcome.PASS


@pytest.mark.parametrize(("content", "expected"), [
    ("width=device-width, initial-scale=1", Outcome.PASS),
    ("width=device-width, user-scalable=no", Outcome.FAIL),
    ("width=device-width, user-scalable=0", Outcome.FAIL),
    ("width=device-width, user-scalable=yes, maximum-scale=5", Outcome.PASS),
    ("width=device-width, maximum-scale=1", Outcome.FAIL),
    ("width=device-width, maximum-scale=1.5", Outcome.FAIL),
    ("width=device-width, maximum-scale=2", Outcome.PASS),
    ("initial-scale=1.0; maximum-scale=1.0; user-scalable=0", Outcome.FAIL),
])
def test_zoom(content: str, expected: Outcome) -> None:
    assert outcome("mobile.zoom-allowed", viewport_metas=[content]) is expected


def test_zoom_is_measured_from_the_scale_the_page_loads_at() -> None:
    # A desktop page shown at 31 % with maximum-scale=1 can still be zoomed 3.2 times.
    assert outcome("mobile.zoom-allowed", viewport_metas=["width=1200, maximum-scale=1"],
                   layout=lay(1200, 1200, 375, 0.3125)) is Outcome.PASS
    assert outcome("mobile.zoom-allowed", viewport_metas=[]) is Outcome.PASS


# --- reflow -----------------------------------------------------------------------------

def test_reflow() -> None:
    assert outcome("mobile.no-horizontal-scroll") is Outcome.PASS
    offender = {"selector": "div.banner", "tag": "div", "right": 640, "width": 640, "left": 0}
    only_narrow = run(narrow={"layout": lay(320, 356, 320, offenders=[offender], offender_count=1)})
    ev = only_narrow["mobile.no-horizontal-scroll"]
    assert ev.outcome is Outcome.FAIL and "320" in ev.message and "375" not in ev.message
    assert ev.details["320"]["offenders"][0]["selector"] == "div.banner" and ev.details["375"] is None
    # One pixel of rounding is tolerated.
    assert outcome("mobile.no-horizontal-scroll", layout=lay(375, 376)) is Outcome.PASS
    # Laid out at desktop width and shown zoomed out: reading it needs horizontal scrolling.
    desktop = {"layout": lay(980, 1200, 375, 0.31), "narrow": {"layout": lay(980, 1200, 320, 0.27)}}
    assert outcome("mobile.no-horizontal-scroll", **desktop) is Outcome.FAIL
    assert outcome("mobile.no-horizontal-scroll", narrow=None) is Outcome.ERROR


# --- tap targets ------------------------------------------------------------------------

def test_targets_spacing_rule_of_2_5_8() -> None:
    apart = [target(10, 10, 20, 20, "/a"), target(40, 10, 20, 20, "/b")]  # centres 30 px apart
    assert outcome("mobile.tap-targets", targets=apart) is Outcome.PASS
    close = [target(10, 10, 20, 20, "/a"), target(32, 10, 20, 20, "/b")]  # centres 22 px apart
    ev = run(targets=close)["mobile.tap-targets"]
    assert ev.outcome is Outcome.FAIL and ev.details["offender_count"] == 2
    # An undersized target whose circle reaches a big neighbour fails; at 12 px distance it passes.
    near_big = [target(10, 10, 16, 16, "/a"), target(28, 0, 200, 48, "/b")]
    assert outcome("mobile.tap-targets", targets=near_big) is Outcome.FAIL
    clear_big = [target(10, 10, 16, 16, "/a"), target(30.5, 0, 200, 48, "/b")]
    assert outcome("mobile.tap-targets", targets=clear_big) is Outcome.PASS
    # Same destination (icon + text link to one page) does not crowd.
    same = [target(10, 10, 20, 20, "/a"), target(32, 10, 200, 20, "/a")]
    assert outcome("mobile.tap-targets", targets=same) is Outcome.PASS


def test_targets_exceptions_and_overlap() -> None:
    inline = [target(10, 10, 60, 19, "/a", inline=True), target(75, 10, 60, 19, "/b", inline=True)]
    assert outcome("mobile.tap-targets", targets=inline) is Outcome.PASS
    ua = [target(10, 10, 13, 13, "el1", tag="input", ua=True), target(30, 5, 200, 24, "el2", tag="label")]
    assert outcome("mobile.tap-targets", targets=ua) is Outcome.PASS
    overlap = [target(0, 0, 48, 48, "el0", tag="button"), target(30, 20, 40, 40, "/new")]
    ev = run(targets=overlap)["mobile.tap-targets"]
    assert ev.outcome is Outcome.FAIL and "overlaps" in ev.details["offenders"][0]["problem"]
    nested = [target(0, 0, 300, 200, "/card", tag="div"), target(10, 10, 48, 48, "el0", tag="button", parent=0)]
    assert outcome("mobile.tap-targets", targets=nested) is Outcome.PASS
    fixed = [target(0, 700, 375, 60, "/chat", fixed=True), target(0, 710, 375, 48, "/x")]
    assert outcome("mobile.tap-targets", targets=fixed) is Outcome.PASS
    assert outcome("mobile.tap-targets", targets=[]) is Outcome.NOT_APPLICABLE


def test_targets_are_judged_as_seen_and_48px_share_reported() -> None:
    ev = run()["mobile.tap-targets"]
    assert ev.details["share_48px"] == 1.0
    # 40 px links look 12 px tall on a page shown at 31 %.
    zoomed = run(layout=lay(1200, 1200, 375, 0.31),
                 targets=[target(0, 0, 100, 40, "/a"), target(0, 40, 100, 40, "/b")])["mobile.tap-targets"]
    assert zoomed.outcome is Outcome.FAIL and zoomed.details["share_48px"] == 0.0


# --- text size --------------------------------------------------------------------------

def test_font_size_share_as_seen_on_the_phone() -> None:
    assert outcome("mobile.font-size") is Outcome.PASS
    small = {"hist": {"10": 300, "16": 100}, "total": 400, "smallest": []}
    ev = run(text=small)["mobile.font-size"]
    assert ev.outcome is Outcome.FAIL and ev.details["share"] == 0.25 and ev.score == 0.25
    at_threshold = {"hist": {"11.5": 40, "12": 60}, "total": 100, "smallest": []}
    assert outcome("mobile.font-size", text=at_threshold) is Outcome.PASS
    # 16 px text on a 1200 px layout is seen at about 5 px.
    assert outcome("mobile.font-size", layout=lay(1200, 1200, 375, 0.3125)) is Outcome.FAIL
    assert outcome("mobile.font-size", text={"hist": {}, "total": 0}) is Outcome.REVIEW


# --- orientation ------------------------------------------------------------------------

def test_orientation() -> None:
    assert outcome("mobile.orientation") is Outcome.PASS
    assert outcome("mobile.orientation", orientation_locks=["portrait-primary"]) is Outcome.FAIL
    assert outcome("mobile.orientation", orientation_locks=["any"]) is Outcome.PASS
    land = copy.deepcopy(BASE["landscape"])
    land["cover"] = {"selector": "div.turn", "text": "Vrid telefonen"}
    assert outcome("mobile.orientation", landscape=land) is Outcome.FAIL
    # A cookie dialog covering the screen in both orientations is not a lock.
    assert outcome("mobile.orientation", landscape=land, cover={"selector": "div.turn"}) is Outcome.PASS
    land = dict(BASE["landscape"], rotated=[{"selector": "html", "degrees": -90}])
    assert outcome("mobile.orientation", landscape=land) is Outcome.FAIL
    land = dict(BASE["landscape"], text_chars=40)
    assert outcome("mobile.orientation", landscape=land) is Outcome.FAIL
    assert outcome("mobile.orientation", manifest={"orientation": "portrait"}) is Outcome.REVIEW
    assert outcome("mobile.orientation", landscape=None) is Outcome.ERROR


# --- navigation -------------------------------------------------------------------------

def toggle(**kw: Any) -> dict[str, Any]:
    return {"tag": "button", "text": "", "name": "", "classes": "", "expanded": None, "controls": None,
            "haspopup": None, "controls_links": 0, "href": None, **kw}


@pytest.mark.parametrize(("toggles", "navs", "expected"), [
    ([toggle(text="Meny")], [], Outcome.PASS),
    ([toggle(name="Öppna menyn", classes="icon")], [], Outcome.PASS),
    ([toggle(text="Menu")], [], Outcome.PASS),
    ([toggle(classes="c-header__hamburger")], [], Outcome.PASS),  # icon-only, BEM class
    ([toggle(expanded="false", controls="x", controls_links=12, text="☰")], [], Outcome.PASS),
    ([toggle(expanded="false", controls="x", controls_links=9)], [], Outcome.PASS),
    # Near misses: a search toggle, a language menu, a link whose class says "menu".
    ([toggle(text="Sök", expanded="false", controls="s", controls_links=0, classes="search-toggle")], [], Outcome.FAIL),
    ([toggle(text="Språk", expanded="false", controls="l", controls_links=6, classes="lang-menu")], [], Outcome.FAIL),
    ([toggle(tag="a", href="/om-oss", text="Om oss", classes="menu-link")], [], Outcome.FAIL),
    ([], [{"name": "Huvudmeny", "classes": "", "links": 6, "visible_links": 6}], Outcome.PASS),
    ([], [{"name": "Brödsmulor", "classes": "breadcrumb", "links": 3, "visible_links": 3}], Outcome.FAIL),
    ([], [{"name": "Huvudmeny", "classes": "", "links": 6, "visible_links": 0}], Outcome.FAIL),
])
def test_navigation(toggles: list[dict[str, Any]], navs: list[dict[str, Any]], expected: Outcome) -> None:
    assert outcome("mobile.navigation", nav={"toggles": toggles, "navs": navs}) is expected


# --- app links --------------------------------------------------------------------------

def test_app_links() -> None:
    own = {"url": "https://apps.apple.com/se/app/nordstad/id123", "text": "App Store"}
    play = {"url": "https://play.google.com/store/apps/details?id=se.nordstad", "text": "Google Play"}
    bankid = {"url": "https://apps.apple.com/se/app/bankid-s%C3%A4kerhetsapp/id433151512", "text": "BankID"}
    freja = {"url": "https://play.google.com/store/apps/details?id=se.verisec.freja", "text": "Skaffa appen"}
    ev = run(links=[own, play, bankid])["mobile.app-links"]
    assert ev.outcome is Outcome.PASS and len(ev.details["apps"]) == 2 and len(ev.details["third_party"]) == 1
    assert outcome("mobile.app-links", links=[bankid, freja]) is Outcome.NOT_APPLICABLE
    assert outcome("mobile.app-links", links=[{"url": "https://example.se/appar", "text": "Våra appar"}]) \
        is Outcome.NOT_APPLICABLE


def test_missing_artifact_is_an_error_for_every_criterion() -> None:
    ev = MobileLayoutProbe().run({"mobile_layout": None, "links": [], "screenshot": None})
    assert {e.criterion for e in ev} == set(MobileLayoutProbe.criteria)
    assert all(e.outcome is Outcome.ERROR for e in ev)


def test_registered() -> None:
    probe = get_probe("mobile-layout")
    assert probe.viewport == "mobile" and probe.scope == "page"
    g = gatherer_for("mobile_layout")
    assert g.viewports == ("mobile",) and g.order > 80 and g.init_script


# --- the gatherer and the probe on fixture pages in a mobile Chromium -----------------------

PAGES = ("good.html", "narrow-overflow.html", "overflow.html", "desktop-only.html", "locked.html",
         "invalid-viewport.html", "overlap.html", "rotate.html")


async def _gather_all(site: LocalSite) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    gatherer = MobileLayoutGatherer()
    settings = CrawlSettings()
    found: dict[str, Any] = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=find_chromium())
        try:
            w, h = MOBILE_VIEWPORT["width"], MOBILE_VIEWPORT["height"]
            ctx = await browser.new_context(viewport={"width": w, "height": h}, screen={"width": w, "height": h},
                                            is_mobile=True, has_touch=True, device_scale_factor=2,
                                            user_agent=settings.mobile_user_agent)
            await ctx.add_init_script(script=gatherer.init_script or "")
            page = await ctx.new_page()
            for name in PAGES:
                await page.goto(site.url(name), timeout=10_000)
                found[name] = await gatherer.gather(SimpleNamespace(page=page, kind="home"))  # type: ignore[arg-type]
                found[name]["_size_after"] = page.viewport_size
                found[name]["_links"] = await page.evaluate(
                    "() => Array.from(document.querySelectorAll('a[href]')).map(a => ({url: a.href, text: a.innerText}))")
        finally:
            await browser.close()
    return found


@pytest.fixture(scope="module")
def rendered() -> dict[str, dict[str, Any]]:
    with LocalSite(root=FIXTURES, host=HOST) as site:
        artifacts = asyncio.run(_gather_all(site))
    out = {}
    for name, m in artifacts.items():
        ev = MobileLayoutProbe().run({"mobile_layout": m, "links": m["_links"], "screenshot": None})
        out[name] = {"artifact": m, "evidence": {e.criterion: e for e in ev}}
    return out


def outcomes(rendered: dict[str, dict[str, Any]], name: str) -> dict[str, str]:
    return {c: str(e.outcome) for c, e in rendered[name]["evidence"].items()}


def test_good_page_passes_everything(rendered: dict[str, dict[str, Any]]) -> None:
    got = outcomes(rendered, "good.html")
    assert got == {c: "pass" for c in MobileLayoutProbe.criteria}, got
    m = rendered["good.html"]["artifact"]
    assert m["_size_after"] == MOBILE_VIEWPORT  # the resizes were undone
    # The 900 px table sits in an overflow-x:auto wrapper: no page overflow at either width.
    assert m["layout"]["scroll_width"] == 375 and m["narrow"]["layout"]["scroll_width"] == 320
    targets = {t["selector"]: t for t in m["targets"]}
    assert any(t["inline"] for t in targets.values() if t["text"] == "bygglov")
    assert any(t["ua"] and t["tag"] == "input" for t in targets.values())
    assert not any("sr-only" in s for s in targets)  # the visually hidden skip link is no tap target
    assert m["manifest"]["display"] == "browser"
    assert rendered["good.html"]["evidence"]["mobile.app-links"].details["third_party"]  # BankID kept apart


def test_overflow_only_at_320(rendered: dict[str, dict[str, Any]]) -> None:
    ev = rendered["narrow-overflow.html"]["evidence"]["mobile.no-horizontal-scroll"]
    assert ev.outcome is Outcome.FAIL and ev.details["375"] is None
    assert ev.details["320"]["offenders"][0]["selector"].endswith("button")


def test_overflow_names_the_widest_elements(rendered: dict[str, dict[str, Any]]) -> None:
    ev = rendered["overflow.html"]["evidence"]["mobile.no-horizontal-scroll"]
    assert ev.outcome is Outcome.FAIL
    names = [o["selector"] for o in ev.details["375"]["offenders"]]
    assert any("banner" in n for n in names) and any("offcanvas" in n for n in names)
    assert not any("scroller" in n for n in names)  # contained by its overflow-x:auto parent


def test_desktop_only_page(rendered: dict[str, dict[str, Any]]) -> None:
    got = outcomes(rendered, "desktop-only.html")
    assert got["mobile.viewport-meta"] == "fail" and got["mobile.font-size"] == "fail"
    assert got["mobile.no-horizontal-scroll"] == "fail" and got["mobile.zoom-allowed"] == "pass"
    assert rendered["desktop-only.html"]["artifact"]["layout"]["scale"] < 0.4


def test_invalid_viewport_string(rendered: dict[str, dict[str, Any]]) -> None:
    got = outcomes(rendered, "invalid-viewport.html")
    assert got["mobile.viewport-meta"] == "fail" and got["mobile.font-size"] == "fail"


def test_locked_page(rendered: dict[str, dict[str, Any]]) -> None:
    got = outcomes(rendered, "locked.html")
    assert got["mobile.viewport-meta"] == "pass" and got["mobile.no-horizontal-scroll"] == "pass"
    for c in ("mobile.zoom-allowed", "mobile.tap-targets", "mobile.font-size", "mobile.orientation",
              "mobile.navigation"):
        assert got[c] == "fail", c
    assert got["mobile.app-links"] == "not_applicable"


def test_overlapping_targets(rendered: dict[str, dict[str, Any]]) -> None:
    got = outcomes(rendered, "overlap.html")
    assert got["mobile.tap-targets"] == "fail" and got["mobile.navigation"] == "pass"
    offenders = rendered["overlap.html"]["evidence"]["mobile.tap-targets"].details["offenders"]
    assert {o["selector"].rsplit(".", 1)[-1].split(":")[0] for o in offenders} == {"close", "badge"}


def test_landscape_overlay_is_an_orientation_lock(rendered: dict[str, dict[str, Any]]) -> None:
    ev = rendered["rotate.html"]["evidence"]["mobile.orientation"]
    assert ev.outcome is Outcome.FAIL and "Vrid" in ev.message


# --- end to end through the runner ---------------------------------------------------------

def test_run_probe_end_to_end(fast_settings: CrawlSettings) -> None:
    from crawler.single import run_probe

    with LocalSite(root=FIXTURES, host="127.0.0.154") as site:
        run_ = run_probe("mobile-layout", site.url("locked.html"), fast_settings)
    assert run_.error is None
    got = {e.criterion: str(e.outcome) for e in run_.evidence}
    assert set(got) == set(MobileLayoutProbe.criteria)
    assert got["mobile.zoom-allowed"] == "fail" and got["mobile.orientation"] == "fail"
    assert got["mobile.viewport-meta"] == "pass"
