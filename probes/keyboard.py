"""Keyboard use, tabbed with the real keyboard (WCAG 2.1.1, 2.1.2, 2.4.1, 2.4.3, 2.4.7).

Reads the `keyboard` artifact: the stops of a bounded Tab walk from the top of the page,
each with whether its styles changed on focus, its position, and whether it was visible,
plus the result of activating the first in-page link. What axe cannot see, judged with
care for real layouts: a jump back up to a column on the right (footers, sidebars) is
ordinary reading order, and a focus cycle inside an open modal dialog is the intended
behaviour of a dialog, not a trap. A page where the judgement is unsure says `review`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from probes.base import Evidence, Outcome, Probe
from probes.vocabulary import terms

MAX_LISTED = 10  # offending elements kept in details
MAIN_IDS = ("main", "content", "innehall", "maincontent", "main-content", "huvudinnehall")


def _stops(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The walk up to its first wrap to <body> or navigation away (the page's own tab order)."""
    out = []
    for step in steps:
        if not step.get("selector"):
            break
        out.append(step)
    return out


def _brief(step: Mapping[str, Any]) -> dict[str, Any]:
    return {k: step.get(k) for k in ("selector", "tag", "text", "rect", "html")}


def find_trap(steps: list[dict[str, Any]]) -> tuple[int, list[dict[str, Any]]] | None:
    """(start, cycle) when the walk ends circling a few elements without ever reaching <body>."""
    sels = [s.get("selector") for s in steps]
    n = len(sels)
    for length in range(1, 11):
        reps = 3 if length == 1 else 2
        if n < length * (reps + 1):
            continue
        tail = sels[n - length * reps:]
        cycle = tail[:length]
        if None in cycle or tail != cycle * reps:
            continue
        start = n - length * reps
        while start - length >= 0 and sels[start - length:start] == cycle:
            start -= length
        return start, steps[start:start + length]
    return None


class KeyboardProbe(Probe):
    id = "keyboard"
    version = "1"
    description = "Tabs through the page: skip link, visible focus, focus order and focus traps."
    requires = ("keyboard",)
    scope = "page"
    viewport = "desktop"
    pages = "key"
    criteria = ("keyboard.skip-link", "keyboard.focus-visible", "keyboard.no-trap", "keyboard.focus-order")

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        kb = artifacts.get("keyboard")
        if not isinstance(kb, Mapping) or "steps" not in kb:
            return self.error_evidence("The keyboard walk produced no result for this page.")
        steps = list(kb.get("steps") or [])
        stops = _stops(steps)
        if not stops:
            message = "Tab never reached an element: nothing on the page takes keyboard focus."
            if kb.get("focusable"):
                message = "Tab never reached any of the page's focusable elements."
                return [Evidence(c, Outcome.FAIL, message, details={"focusable": kb.get("focusable")})
                        for c in self.criteria]
            return [Evidence(c, Outcome.NOT_APPLICABLE, message) for c in self.criteria]
        trap = find_trap(steps)
        walk = stops[:trap[0] + len(trap[1])] if trap else stops
        return [self._skip(kb, stops), self._focus_visible(walk), self._trap(kb, steps, trap),
                self._order(walk)]

    def _skip(self, kb: Mapping[str, Any], stops: list[dict[str, Any]]) -> Evidence:
        c = "keyboard.skip-link"
        skip = kb.get("skip") or {}
        words = terms("accessibility", "skip.link")
        target = skip.get("target") or {}
        target_sel = str(target.get("selector") or "").lstrip("#").lower()
        looks_like = bool(skip) and (words.find(skip.get("text")) is not None or target.get("tag") == "main"
                                     or target_sel in MAIN_IDS)
        first = [_brief(s) for s in stops[:3]]
        landmarks = kb.get("landmarks") or {}
        if not looks_like:
            if landmarks.get("main"):
                return Evidence(c, Outcome.PARTIAL, "No skip link among the first Tab stops; a <main> "
                                "landmark still lets screen-reader users bypass the header.",
                                details={"first_stops": first})
            return Evidence(c, Outcome.FAIL, "No skip link among the first Tab stops and no main landmark.",
                            details={"first_stops": first})
        details = {"index": skip.get("index"), "text": skip.get("text"), "href": skip.get("hash"),
                   "target": target or None, "after_enter": skip.get("after_enter"),
                   "after_tab": skip.get("after_tab"), "error": skip.get("error")}
        if not skip.get("works"):
            why = "its target does not exist" if not target else "activating it does not move focus"
            return Evidence(c, Outcome.FAIL, f"The skip link is there but broken: {why}.", details=details)
        if skip.get("index") == 0:
            return Evidence(c, Outcome.PASS, "A working skip link is the first Tab stop.", details=details)
        return Evidence(c, Outcome.PASS, f"A working skip link is Tab stop {int(skip.get('index') or 0) + 1}.",
                        details=details)

    def _focus_visible(self, walk: list[dict[str, Any]]) -> Evidence:
        c = "keyboard.focus-visible"
        seen: dict[str, dict[str, Any]] = {}
        for step in walk:
            if not step.get("frame"):
                seen.setdefault(str(step.get("selector")), step)
        if not seen:
            return Evidence(c, Outcome.REVIEW, "Focus went only into embedded frames, which cannot be inspected.")
        hidden = [s for s in seen.values() if s.get("hidden")]
        unchanged = [s for s in seen.values() if not s.get("hidden") and s.get("known")
                     and not s.get("visible_changes")]
        unknown = [s for s in seen.values() if not s.get("known") and not s.get("outline") and not s.get("hidden")]
        bad = hidden + unchanged
        details = {"checked": len(seen), "no_indicator": [_brief(s) for s in unchanged[:MAX_LISTED]],
                   "focused_while_hidden": [_brief(s) for s in hidden[:MAX_LISTED]],
                   "unknown": [_brief(s) for s in unknown[:MAX_LISTED]]}
        if not bad:
            if unknown:
                return Evidence(c, Outcome.REVIEW, f"{len(unknown)} focused element(s) appeared after the "
                                "page loaded and their focus styles could not be compared.", details=details)
            return Evidence(c, Outcome.PASS, f"All {len(seen)} focused elements showed a visible change.",
                            details=details)
        share = len(bad) / len(seen)
        message = (f"{len(bad)} of {len(seen)} focused elements showed no visible focus indicator"
                   f" ({len(hidden)} were off-screen or invisible while focused).")
        if share >= 0.5:
            return Evidence(c, Outcome.FAIL, message, details=details)
        return Evidence(c, Outcome.PARTIAL, message, score=round(1 - share, 2), details=details)

    def _trap(self, kb: Mapping[str, Any], steps: list[dict[str, Any]],
              trap: tuple[int, list[dict[str, Any]]] | None) -> Evidence:
        c = "keyboard.no-trap"
        if trap:
            start, cycle = trap
            details = {"start": start, "cycle": [_brief(s) for s in cycle], "presses": len(steps)}
            if all(s.get("in_dialog") for s in cycle):
                return Evidence(c, Outcome.PASS, "Focus circles inside an open modal dialog, as a dialog "
                                "should; no trap on the page itself.", details=details)
            if all(s.get("frame") for s in cycle):
                return Evidence(c, Outcome.REVIEW, "Focus stayed in an embedded frame for the rest of the "
                                "walk; whether it can leave could not be seen.", details=details)
            return Evidence(c, Outcome.FAIL, f"Focus is trapped: Tab keeps circling {len(cycle)} element(s).",
                            details=details)
        if any(s.get("navigated") for s in steps):
            return Evidence(c, Outcome.REVIEW, "Moving focus made the page navigate away.",
                            details={"navigated": [s.get("navigated") for s in steps if s.get("navigated")]})
        wrapped = any(not s.get("selector") for s in steps)
        return Evidence(c, Outcome.PASS, "Tab moved on from every element" + (
            " and went round the whole page." if wrapped else f" within {len(steps)} presses."),
            details={"presses": len(steps), "wrapped": wrapped})

    def _order(self, walk: list[dict[str, Any]]) -> Evidence:
        c = "keyboard.focus-order"
        placed = [s for s in walk if s.get("rect") and not s.get("hidden") and not s.get("fixed")
                  and not s.get("in_dialog")]
        deduped: list[dict[str, Any]] = []
        for step in placed:
            if not deduped or deduped[-1].get("selector") != step.get("selector"):
                deduped.append(step)
        if len(deduped) < 2:
            return Evidence(c, Outcome.NOT_APPLICABLE, "Too few visible Tab stops to judge their order.")
        jumps = []
        for prev, cur in zip(deduped, deduped[1:], strict=False):
            p, q = prev["rect"], cur["rect"]
            above = q["y"] + q["h"] <= p["y"] - 40  # wholly above the previous stop
            new_column = q["x"] >= p["x"] + 10  # back up, but to the right: the next column
            if above and not new_column:
                jumps.append({"from": _brief(prev), "to": _brief(cur)})
        positive = sorted({str(s.get("selector")) for s in walk if str(s.get("tabindex") or "0").lstrip("-").isdigit()
                           and int(str(s.get("tabindex") or "0")) > 0})
        details = {"stops": len(deduped), "backward_jumps": jumps[:MAX_LISTED],
                   "positive_tabindex": positive[:MAX_LISTED]}
        if not jumps:
            return Evidence(c, Outcome.PASS, f"Focus followed the visual order over {len(deduped)} stops.",
                            details=details)
        message = f"Focus jumped back up the page {len(jumps)} time(s) against the visual order."
        if len(jumps) >= 3:
            return Evidence(c, Outcome.FAIL, message, details=details)
        return Evidence(c, Outcome.REVIEW, message + " A layout may explain it.", details=details)
