"""How fast and how heavy is a page, as the browser measured it: time to first byte, First
Contentful Paint, Largest Contentful Paint, Cumulative Layout Shift, bytes, requests and
JavaScript, graded with the Core Web Vitals thresholds (web.dev: LCP ≤ 2.5 s good,
≤ 4 s needs improvement; CLS ≤ 0.1 / 0.25; FCP ≤ 1.8 / 3 s; TTFB ≤ 0.8 / 1.8 s).

These are lab numbers from one load by a crawler that waits between requests, not field
data from visitors (CrUX): good for comparing sites measured the same way, and the
thresholds are the published ones. Good is a pass, "needs improvement" partial, poor a fail.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from probes.base import Evidence, Outcome, Probe

# criterion: (artifact key, good, needs-improvement limit, unit, what)
TIMINGS: dict[str, tuple[str, float, float, str, str]] = {
    "performance.ttfb": ("ttfb_ms", 800, 1800, "ms", "Time to first byte"),
    "performance.fcp": ("fcp_ms", 1800, 3000, "ms", "First Contentful Paint"),
    "performance.lcp": ("lcp_ms", 2500, 4000, "ms", "Largest Contentful Paint"),
    "performance.cls": ("cls", 0.1, 0.25, "", "Cumulative Layout Shift"),
}
# Weight budgets. HTTP Archive's median desktop page is about 2.6 MB, 70 requests and
# 600 kB of JavaScript (Web Almanac 2024); a public-service page should do no worse.
BUDGETS: dict[str, tuple[str, float, float, str]] = {
    "performance.page-weight": ("bytes", 2_000_000, 4_000_000, "Transferred bytes"),
    "performance.requests": ("requests", 75, 150, "Requests"),
    "performance.javascript": ("js_bytes", 500_000, 1_000_000, "JavaScript bytes"),
}


def grade(value: float, good: float, limit: float) -> Outcome:
    return Outcome.PASS if value <= good else Outcome.PARTIAL if value <= limit else Outcome.FAIL


def weights(perf: Mapping[str, Any]) -> dict[str, int | None]:
    """Bytes, requests and script bytes: the larger of resource timing (which sees 0 bytes for
    cross-origin files without Timing-Allow-Origin) and the runner's network log."""
    net = perf.get("network") or {}
    nbytes = [x for x in (perf.get("transfer_bytes"), net.get("bytes")) if isinstance(x, int)]
    js = [x for x in (perf.get("js_transfer_bytes"), net.get("script_bytes")) if isinstance(x, int)]
    reqs = [x for x in (net.get("requests"), (perf.get("resource_count") or 0) + 1 if "resource_count" in perf else None)
            if isinstance(x, int)]
    return {"bytes": max(nbytes) if nbytes else None, "js_bytes": max(js) if js else None,
            "requests": max(reqs) if reqs else None}


def _fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value / 1000:.2f} s"
    return f"{value:.3f}" if unit == "" else f"{value:,.0f}"


class PerformanceProbe(Probe):
    id = "performance"
    version = "1"
    description = "Load timings (TTFB, FCP, LCP), layout shift (CLS), page weight, requests and JavaScript."
    requires = ("performance",)
    scope = "page"
    viewport = "desktop"
    pages = "key"
    criteria = (*TIMINGS, *BUDGETS)

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        perf = artifacts.get("performance")
        if not isinstance(perf, Mapping):
            return self.error_evidence("No performance entries were recorded for the page.")
        out: list[Evidence] = []
        for c, (key, good, limit, unit, what) in TIMINGS.items():
            value = perf.get(key)
            details = {key: value, "good": good, "needs_improvement": limit}
            if key == "lcp_ms":
                details["element"] = perf.get("lcp_element")
            unobserved = key == "cls" and "layout-shift" not in perf.get("observed", ["layout-shift"])
            if not isinstance(value, int | float) or unobserved:
                out.append(Evidence(c, Outcome.ERROR, f"{what} was not reported by the browser.", details=details))
                continue
            outcome = grade(float(value), good, limit)
            out.append(Evidence(c, outcome, f"{what} is {_fmt(float(value), unit)} "
                                f"({_label(outcome)}; good ≤ {_fmt(good, unit)}).", details=details))
        measured = weights(perf)
        for c, (key, good, limit, what) in BUDGETS.items():
            value = measured.get(key)
            details = {key: value, "good": good, "limit": limit, "network": perf.get("network")}
            if value is None:
                out.append(Evidence(c, Outcome.ERROR, f"{what} could not be counted.", details=details))
                continue
            outcome = grade(value, good, limit)
            out.append(Evidence(c, outcome, f"{what}: {value:,} ({_label(outcome)}; good ≤ {good:,.0f}).",
                                details=details))
        return out


def _label(outcome: Outcome) -> str:
    return {Outcome.PASS: "good", Outcome.PARTIAL: "needs improvement"}.get(outcome, "poor")
