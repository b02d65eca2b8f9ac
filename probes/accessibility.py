"""WCAG checks by axe-core: one evidence record per axe rule that ran on the page.

The probe adds no judgement of its own: it reports exactly what axe-core decided
(violations → fail, passes → pass, incomplete → review, inapplicable → not_applicable),
so a score built on it can be compared with any other axe-based tool. The rule's tags are
kept and its WCAG success criteria derived from them ("wcag1410" → "1.4.10"), so the
criteria map can group rules by success criterion. The axe version goes in every record,
since results are only comparable within one axe version.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from probes.base import Evidence, Outcome, Probe

OUTCOMES: tuple[tuple[str, Outcome], ...] = (
    ("violations", Outcome.FAIL),
    ("incomplete", Outcome.REVIEW),
    ("passes", Outcome.PASS),
    ("inapplicable", Outcome.NOT_APPLICABLE),
)
_SC_TAG = re.compile(r"^wcag(\d)(\d)(\d{1,2})$")


def success_criteria(tags: list[str]) -> list[str]:
    """WCAG success criteria named by axe tags: "wcag143" → "1.4.3", "wcag2411" → "2.4.11"."""
    out = []
    for tag in tags:
        m = _SC_TAG.match(tag)
        if m:
            out.append(".".join(m.groups()))
    return out


def wcag_level(tags: list[str]) -> str | None:
    """The WCAG level a rule tests ("A", "AA"), or None for best-practice rules."""
    levels = {t[-2:] == "aa" for t in tags if re.fullmatch(r"wcag2\d?a{1,2}", t)}
    if not levels:
        return None
    return "AA" if levels == {True} else "A"


class AccessibilityProbe(Probe):
    id = "accessibility"
    version = "1"
    description = "axe-core (WCAG 2.0–2.2 A/AA and best practices) on every page, frames included."
    requires = ("axe",)
    scope = "page"
    viewport = "desktop"
    pages = "all"
    criteria = ("axe.*",)

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        axe = artifacts.get("axe")
        if not isinstance(axe, Mapping) or not any(k in axe for k, _ in OUTCOMES):
            return self.error_evidence("axe-core produced no results for this page.")
        version = axe.get("version")
        evidence: list[Evidence] = []
        seen: set[str] = set()
        for key, outcome in OUTCOMES:
            for rule in axe.get(key) or []:
                rule_id = str(rule.get("id"))
                if rule_id in seen:  # axe lists a rule once; guard against a malformed artifact
                    continue
                seen.add(rule_id)
                evidence.append(self._record(rule, outcome, version))
        if not evidence:
            return self.error_evidence("axe-core ran no rules on this page.")
        return evidence

    @staticmethod
    def _record(rule: Mapping[str, Any], outcome: Outcome, version: str | None) -> Evidence:
        tags = [str(t) for t in rule.get("tags") or []]
        nodes = rule.get("nodes")
        details: dict[str, Any] = {
            "rule": rule.get("id"),
            "impact": rule.get("impact"),
            "wcag": success_criteria(tags),
            "level": wcag_level(tags),
            "best_practice": "best-practice" in tags,
            "tags": tags,
            "help_url": rule.get("helpUrl"),
            "axe_version": version,
        }
        if nodes is not None:
            details["nodes"] = nodes
            details["sample"] = list(rule.get("sample") or [])
        help_text = str(rule.get("help") or rule.get("description") or rule.get("id"))
        count = f" ({nodes} element{'s' if nodes != 1 else ''})" if nodes else ""
        message = {
            Outcome.FAIL: f"axe: {help_text}: violated{count}.",
            Outcome.REVIEW: f"axe: {help_text}: needs a human to check{count}.",
            Outcome.PASS: f"axe: {help_text}: passed.",
            Outcome.NOT_APPLICABLE: f"axe: {help_text}: nothing on the page to test.",
        }[outcome]
        return Evidence(criterion=f"axe.{rule.get('id')}", outcome=outcome, message=message, details=details)
