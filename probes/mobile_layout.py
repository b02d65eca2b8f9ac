"""`mobile-layout`: is the page usable on a phone? ("Mobil tillgänglighet"; eGovernment
Benchmark mobile friendliness; WCAG 1.3.4, 1.4.4, 1.4.10, 2.5.8.)

Reads the `mobile_layout` artifact (crawler/gatherers/mobile.py), gathered in the mobile
rendering, and decides here so the rules can be tested on saved artifacts. Sizes are judged
as seen on the phone: CSS px times the page scale, so a page that is not laid out for the
device and is shown zoomed out has small text and small targets, as its users see them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from probes.base import Evidence, Outcome, Probe
from probes.vocabulary import terms

TARGET_MIN = 24.0  # WCAG 2.2 2.5.8 (AA): 24 × 24 CSS px, or spacing
TARGET_GOOD = 48.0  # platform guidance (Android, Lighthouse): reported, not required
TEXT_MIN = 12.0  # px as seen on the phone
TEXT_LEGIBLE_SHARE = 0.6
ZOOM_MIN = 2.0  # WCAG 1.4.4: text can be enlarged to 200 %
SLACK = 1.0  # px of rounding tolerated in widths and overlaps
LANDSCAPE_TEXT_SHARE = 0.25  # less visible text than this in landscape: content withheld
APP_STORES = ("apps.apple.com", "itunes.apple.com", "play.google.com", "appgallery.huawei.com")
LOCKING = ("portrait", "landscape", "natural")  # orientation values that lock (not "any")


def parse_viewport(content: str) -> tuple[dict[str, str], bool]:
    """Key/value pairs as Chromium reads them (HTMLMetaElement::ParseViewportContentAttribute):
    '=', ',' and whitespace separate; ';' is not a separator, so "width=device-width;" gives
    the invalid value "device-width;". Returns (pairs, had a ';')."""
    sep = " \t\n\r=,\0"
    buf, n, i, pairs = content.lower(), len(content), 0, {}
    semicolon = ";" in buf
    while i < n:
        while i < n and buf[i] in sep:
            i += 1
        kb = i
        while i < n and buf[i] not in sep:
            i += 1
        ke = i
        while i < n and buf[i] != "=" and buf[i] != ",":
            i += 1
        while i < n and buf[i] in sep and buf[i] != ",":
            i += 1
        vb = i
        while i < n and buf[i] not in sep:
            i += 1
        if ke > kb:
            pairs[buf[kb:ke]] = buf[vb:i]
    return pairs, semicolon


def _number(value: str) -> float | None:
    m = re.match(r"[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?", value)
    return float(m.group(0)) if m else None


def zoom_value(value: str) -> float | None:
    """A scale as Chromium clamps it; None for "auto" (negative)."""
    keywords = {"yes": 1.0, "no": 0.0, "device-width": 10.0, "device-height": 10.0}
    num = keywords.get(value, _number(value))
    num = 0.0 if num is None else num
    return None if num < 0 else min(10.0, max(0.1, num))


def user_zoom(value: str) -> bool:
    if value in ("yes", "device-width", "device-height"):
        return True
    num = _number(value) if value != "no" else 0.0
    return num is not None and abs(num) >= 1


def page_scale(m: Mapping[str, Any]) -> float:
    """How much a CSS px is magnified on the phone at load (≈0.31 for a 1200 px page on 375)."""
    lay = m.get("layout") or {}
    scale = lay.get("scale")
    if isinstance(scale, int | float) and scale > 0:
        return float(scale)
    inner = max(lay.get("inner_width") or 0, lay.get("client_width") or 0)
    return min(1.0, (lay.get("screen_width") or inner) / inner) if inner else 1.0


def _device_width(lay: Mapping[str, Any]) -> bool:
    return abs((lay.get("client_width") or 0) - (lay.get("screen_width") or -99)) <= SLACK


def check_viewport(m: Mapping[str, Any]) -> Evidence:
    metas = m.get("viewport_metas") or []
    lay, narrow = m.get("layout") or {}, (m.get("narrow") or {}).get("layout") or {}
    applied = _device_width(lay) and (not narrow or _device_width(narrow))
    crit = "mobile.viewport-meta"
    if not metas:
        return Evidence(crit, Outcome.FAIL, "No viewport meta: phones lay the page out at desktop width and zoom out.",
                        details={"client_width": lay.get("client_width")})
    content = metas[-1]  # the last one wins
    pairs, semicolon = parse_viewport(content)
    details = {"content": content[:200], "parsed": pairs, "count": len(metas),
               "client_width": lay.get("client_width"), "screen_width": lay.get("screen_width")}
    if pairs.get("width") == "device-width" and applied:
        return Evidence(crit, Outcome.PASS, "The viewport meta sets width=device-width.", details=details)
    if pairs.get("width") == "device-width":
        return Evidence(crit, Outcome.REVIEW, "The viewport meta sets width=device-width, but the page was not laid "
                        "out at the device width.", details=details)
    if applied:
        why = "';' separators make its width value invalid" if semicolon else "it has no width=device-width"
        return Evidence(crit, Outcome.PARTIAL, f"The page fits the screen only through initial-scale: {why}.",
                        details=details)
    return Evidence(crit, Outcome.FAIL, f"The viewport meta {content[:80]!r} does not give a device-width layout.",
                    details=details)


def check_zoom(m: Mapping[str, Any]) -> Evidence:
    crit, metas = "mobile.zoom-allowed", m.get("viewport_metas") or []
    if not metas:
        return Evidence(crit, Outcome.PASS, "No viewport meta restricts zooming.")
    pairs, _ = parse_viewport(metas[-1])
    details: dict[str, Any] = {"content": metas[-1][:200]}
    if "user-scalable" in pairs and not user_zoom(pairs["user-scalable"]):
        return Evidence(crit, Outcome.FAIL, "The viewport meta blocks zooming (user-scalable=no).", details=details)
    max_zoom = zoom_value(pairs["maximum-scale"]) if "maximum-scale" in pairs else None
    if max_zoom is not None:
        factor = max_zoom / page_scale(m)  # zoom available from the scale the page loads at
        details.update(maximum_scale=max_zoom, zoom_factor=round(factor, 2))
        if factor < ZOOM_MIN - 0.01:
            return Evidence(crit, Outcome.FAIL, f"maximum-scale={pairs['maximum-scale']} allows zooming only to "
                            f"{factor:.0%}, below 200 %.", details=details)
    return Evidence(crit, Outcome.PASS, "Zooming is not blocked.", details=details)


def _overflow(lay: Mapping[str, Any]) -> dict[str, Any] | None:
    if (lay.get("scroll_width") or 0) <= (lay.get("client_width") or 0) + SLACK:
        return None
    return {"scroll_width": lay.get("scroll_width"), "client_width": lay.get("client_width"),
            "overflow_x": lay.get("overflow_x"), "offenders": (lay.get("offenders") or [])[:5],
            "offender_count": lay.get("offender_count")}


def check_reflow(m: Mapping[str, Any], screenshot: Any) -> Evidence:
    crit = "mobile.no-horizontal-scroll"
    lay, narrow = m.get("layout") or {}, (m.get("narrow") or {}).get("layout")
    width = m.get("width") or lay.get("screen_width")
    details: dict[str, Any] = {"screenshot": screenshot}
    if narrow is None:
        return Evidence(crit, Outcome.ERROR, "The page was not measured at 320 px.", details=details)
    if not _device_width(lay) or not _device_width(narrow):
        lay = lay if not _device_width(lay) else narrow
        details.update(client_width=lay.get("client_width"), screen_width=lay.get("screen_width"))
        return Evidence(crit, Outcome.FAIL, f"The page is laid out {lay.get('client_width')} px wide on a "
                        f"{lay.get('screen_width')} px screen, so reading it needs horizontal scrolling.",
                        details=details)
    found = {str(width): _overflow(lay), "320": _overflow(narrow)}
    details.update(found)
    bad = [w for w, o in found.items() if o]
    if not bad:
        return Evidence(crit, Outcome.PASS, f"No horizontal scrolling at {width} or 320 CSS px.", details=details)
    worst = (found[bad[0]] or {}).get("offenders") or [{}]
    culprit = f" (widest: {worst[0].get('selector')}, {worst[0].get('width')} px)" if worst[0] else ""
    return Evidence(crit, Outcome.FAIL, f"The page scrolls horizontally at {' and '.join(bad)} CSS px{culprit}.",
                    details=details)


def _dist_to_rect(px: float, py: float, t: Mapping[str, float]) -> float:
    dx = max(t["x"] - px, 0.0, px - (t["x"] + t["w"]))
    dy = max(t["y"] - py, 0.0, py - (t["y"] + t["h"]))
    return math.hypot(dx, dy)


def _related(targets: list[dict[str, Any]], a: int, b: int) -> bool:
    """One target nested in the other (a card link around a button): not two targets side by side."""
    for child, anc in ((a, b), (b, a)):
        p, hops = targets[child].get("parent", -1), 0
        while isinstance(p, int) and p >= 0 and hops < 50:
            if p == anc:
                return True
            p, hops = targets[p].get("parent", -1), hops + 1
    return False


BAND = 64.0  # px: height of the horizontal bands targets are indexed by


def _bands(ts: list[dict[str, Any]]) -> dict[int, list[int]]:
    """Targets by the horizontal bands they cross, so neighbours are found without comparing
    every pair on a page with a thousand links."""
    rows: dict[int, list[int]] = {}
    for k, t in enumerate(ts):
        for row in range(int(t["y"] // BAND), int((t["y"] + t["h"]) // BAND) + 1):
            rows.setdefault(row, []).append(k)
    return rows


def _near(ts: list[dict[str, Any]], rows: dict[int, list[int]], i: int) -> set[int]:
    t, pad = ts[i], TARGET_MIN
    found: set[int] = set()
    for row in range(int((t["y"] - pad) // BAND), int((t["y"] + t["h"] + pad) // BAND) + 1):
        found.update(rows.get(row, ()))
    found.discard(i)
    return found


def check_targets(m: Mapping[str, Any]) -> Evidence:
    """WCAG 2.5.8: an undersized target passes if a 24 px circle on its centre meets no other
    target and no other undersized target's circle. Inline and browser-default controls are
    exempt; targets in running text are not used as obstacles (a wrapped link's bounding box
    spans whole lines); fixed and scrolling targets are compared only within their layer."""
    crit, scale = "mobile.tap-targets", page_scale(m)
    ts = [dict(t, x=t["x"] * scale, y=t["y"] * scale, w=t["w"] * scale, h=t["h"] * scale)
          for t in (m.get("targets") or [])]
    if not ts:
        return Evidence(crit, Outcome.NOT_APPLICABLE, "No visible interactive targets.")
    small = {i for i, t in enumerate(ts) if t["w"] < TARGET_MIN or t["h"] < TARGET_MIN}
    checked = [i for i, t in enumerate(ts) if not t.get("inline") and not t.get("ua")]
    centre = [(t["x"] + t["w"] / 2, t["y"] + t["h"] / 2) for t in ts]
    offenders: dict[int, str] = {}
    rows = _bands(ts)
    for i in checked:
        for j in sorted(_near(ts, rows, i)):
            o = ts[j]
            if o.get("inline") or o["dest"] == ts[i]["dest"] or bool(o.get("fixed")) != bool(ts[i].get("fixed")):
                continue
            if _related(ts, i, j):
                continue
            ix = min(ts[i]["x"] + ts[i]["w"], o["x"] + o["w"]) - max(ts[i]["x"], o["x"])
            iy = min(ts[i]["y"] + ts[i]["h"], o["y"] + o["h"]) - max(ts[i]["y"], o["y"])
            if ix > SLACK and iy > SLACK:
                offenders.setdefault(i, f"overlaps {o.get('selector')}")
            elif i in small and _dist_to_rect(*centre[i], o) < TARGET_MIN / 2 - 0.01:
                offenders.setdefault(i, f"too close to {o.get('selector')}")
            elif i in small and j in small and math.dist(centre[i], centre[j]) < TARGET_MIN - 0.01:
                offenders.setdefault(i, f"spacing circle meets that of {o.get('selector')}")
    good = sum(1 for i in checked if min(ts[i]["w"], ts[i]["h"]) >= TARGET_GOOD)
    listed = [{"selector": ts[i].get("selector"), "text": ts[i].get("text"), "width": round(ts[i]["w"], 1),
               "height": round(ts[i]["h"], 1), "problem": why} for i, why in list(offenders.items())[:10]]
    details = {"targets": len(ts), "checked": len(checked), "offender_count": len(offenders), "offenders": listed,
               "share_48px": round(good / len(checked), 3) if checked else None, "scale": round(scale, 3),
               "truncated": bool(m.get("targets_truncated"))}
    if offenders:
        first = listed[0]
        return Evidence(crit, Outcome.FAIL, f"{len(offenders)} tap target(s) are too small or crowded, e.g. "
                        f"{first['selector']} ({first['width']}×{first['height']} px, {first['problem']}).",
                        details=details)
    return Evidence(crit, Outcome.PASS, f"All {len(checked)} checked tap targets meet WCAG 2.5.8.", details=details)


def check_fonts(m: Mapping[str, Any]) -> Evidence:
    crit, scale, text = "mobile.font-size", page_scale(m), m.get("text") or {}
    hist = {float(k): int(v) for k, v in (text.get("hist") or {}).items()}
    total = sum(hist.values())
    if not total:
        return Evidence(crit, Outcome.REVIEW, "No visible text to measure on the phone rendering.")
    legible = sum(c for size, c in hist.items() if size * scale >= TEXT_MIN - 0.01)
    share = legible / total
    details = {"share": round(share, 3), "scale": round(scale, 3), "chars": total,
               "smallest": [dict(s, seen=round(s.get("size", 0) * scale, 1)) for s in (text.get("smallest") or [])[:5]]}
    outcome = Outcome.PASS if share >= TEXT_LEGIBLE_SHARE else Outcome.FAIL
    zoomed = f" (the page is shown at {scale:.0%})" if scale < 0.95 else ""
    return Evidence(crit, outcome, f"{share:.0%} of the visible text is at least {TEXT_MIN:.0f} px on the "
                    f"phone{zoomed}.", score=1.0 if outcome is Outcome.PASS else round(share, 3), details=details)


def check_orientation(m: Mapping[str, Any]) -> Evidence:
    crit, land = "mobile.orientation", m.get("landscape")
    calls = [c for c in (m.get("orientation_locks") or []) if str(c).startswith(LOCKING)]
    if calls:
        return Evidence(crit, Outcome.FAIL, f"The page tries to lock the orientation (screen.orientation.lock"
                        f"({calls[0]!r})).", details={"calls": calls})
    if not land:
        return Evidence(crit, Outcome.ERROR, "The page was not measured in landscape.")
    portrait_cover = (m.get("cover") or {}).get("selector")
    cover = land.get("cover")
    portrait_chars = (m.get("text") or {}).get("total") or 0
    details = {"rotated": land.get("rotated"), "cover": cover, "portrait_chars": portrait_chars,
               "landscape_chars": land.get("text_chars")}
    if land.get("rotated"):
        return Evidence(crit, Outcome.FAIL, "In landscape the page rotates itself to stay upright.", details=details)
    if cover and cover.get("selector") != portrait_cover:
        return Evidence(crit, Outcome.FAIL, f"In landscape a screen-covering box appears: {cover.get('text', '')[:80]!r}.",
                        details=details)
    if portrait_chars >= 100 and (land.get("text_chars") or 0) < LANDSCAPE_TEXT_SHARE * portrait_chars:
        return Evidence(crit, Outcome.FAIL, "In landscape most of the page's text is hidden.", details=details)
    manifest = m.get("manifest") or {}
    if str(manifest.get("orientation") or "").startswith(LOCKING):
        details["manifest"] = manifest
        return Evidence(crit, Outcome.REVIEW, f"The page works in both orientations, but the web app manifest locks "
                        f"the installed app to {manifest['orientation']}.", details=details)
    return Evidence(crit, Outcome.PASS, "The page works in portrait and landscape.", details=details)


def check_navigation(m: Mapping[str, Any]) -> Evidence:
    crit, nav = "mobile.navigation", m.get("nav") or {}
    words, other = terms("mobile", "navigation.toggle"), terms("mobile", "navigation.other")
    hints = [h.lower() for h in terms("mobile", "navigation.class_hints").terms]
    for t in nav.get("toggles") or []:
        label = f"{t.get('text') or ''} {t.get('name') or ''}".strip()
        link = t.get("tag") == "a" and not str(t.get("href") or "#").startswith(("#", "javascript"))
        ariaish = bool(t.get("expanded") is not None or t.get("controls") or t.get("haspopup"))
        by_word = words.find(label)
        by_class = not link and not other.find(label) and any(h in (t.get("classes") or "").lower() for h in hints)
        by_aria = ariaish and not other.find(label) and (t.get("controls_links") or 0) >= 3
        if by_word or by_class or by_aria:
            how = f"labelled {by_word!r}" if by_word else ("by its class" if by_class else "controls a link list")
            return Evidence(crit, Outcome.PASS, f"A visible menu button opens the navigation ({label[:40] or t.get('tag')!r}, {how}).",
                            details={"toggle": t})
    not_main = terms("mobile", "navigation.not_main")
    for n in nav.get("navs") or []:
        if (n.get("visible_links") or 0) >= 3 and not not_main.find(f"{n.get('name') or ''} {n.get('classes') or ''}"):
            return Evidence(crit, Outcome.PASS, f"The navigation is itself visible ({n['visible_links']} links in the "
                            "first screen).", details={"nav": n})
    return Evidence(crit, Outcome.FAIL, "No visible menu button or navigation in the first mobile screen.",
                    details={"toggles_seen": len(nav.get("toggles") or []), "navs": (nav.get("navs") or [])[:5]})


def check_apps(links: list[Mapping[str, Any]]) -> Evidence:
    crit, third = "mobile.app-links", terms("mobile", "apps.third_party")
    own: list[dict[str, str]] = []
    others: list[dict[str, str]] = []
    for link in links:
        url = str(link.get("url") or link.get("href") or "")
        if (urlsplit(url).hostname or "").lower() not in APP_STORES:
            continue
        item = {"url": url[:200], "text": str(link.get("text") or link.get("label") or "")[:80]}
        (others if third.find(f"{url} {item['text']} {link.get('label') or ''}") else own).append(item)
    if own:
        return Evidence(crit, Outcome.PASS, f"The page links to {len(own)} app(s) in the app stores.",
                        details={"apps": own[:10], "third_party": others[:5]})
    return Evidence(crit, Outcome.NOT_APPLICABLE, "No links to the organisation's own apps (informative).",
                    details={"third_party": others[:5]})


class MobileLayoutProbe(Probe):
    id = "mobile-layout"
    version = "1"
    description = "Viewport, zoom, reflow at 320/375 px, tap targets, text size, orientation, menu and apps on a phone."
    requires = ("mobile_layout", "links", "screenshot")
    optional = ("screenshot",)
    scope = "page"
    viewport = "mobile"
    pages = "all"
    criteria = ("mobile.viewport-meta", "mobile.zoom-allowed", "mobile.no-horizontal-scroll", "mobile.tap-targets",
                "mobile.font-size", "mobile.orientation", "mobile.navigation", "mobile.app-links")

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        m = artifacts.get("mobile_layout")
        if not isinstance(m, Mapping) or not m.get("has_body"):
            return self.error_evidence("The mobile rendering has no HTML body to measure.")
        return [check_viewport(m), check_zoom(m), check_reflow(m, artifacts.get("screenshot")), check_targets(m),
                check_fonts(m), check_orientation(m), check_navigation(m), check_apps(artifacts.get("links") or [])]
