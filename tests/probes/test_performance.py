"""The performance probe: Core Web Vitals thresholds on saved artifacts, and the browser's
own entries gathered from real pages (a layout shift, a slow first byte, page weight)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from playwright.async_api import Browser, async_playwright

from crawler.browser import launch_args
from crawler.browser_path import find_chromium
from crawler.gatherers.base import PageContext
from crawler.gatherers.page_metrics import PerformanceGatherer, summarize_network
from crawler.single import run_probe
from maturity.localsite import LocalSite, Reply, Request
from probes.base import Outcome
from probes.performance import PerformanceProbe, grade, weights
from tests.fixtures.site_probes_a.helpers import settings, site_context

HOST, HOST2 = "127.0.0.208", "127.0.0.209"


def outcomes(evidence: list[Any]) -> dict[str, Outcome]:
    return {e.criterion: e.outcome for e in evidence}


def perf(**change: Any) -> dict[str, Any]:
    base = {"ttfb_ms": 120, "fcp_ms": 600, "lcp_ms": 900, "cls": 0.01, "transfer_bytes": 400_000,
            "js_transfer_bytes": 90_000, "resource_count": 20, "observed": ["largest-contentful-paint", "layout-shift"],
            "network": {"requests": 21, "bytes": None, "script_bytes": None}}
    return base | change


def test_a_fast_light_page_passes() -> None:
    assert outcomes(PerformanceProbe().run({"performance": perf()})) == {c: Outcome.PASS
                                                                         for c in PerformanceProbe.criteria}


@pytest.mark.parametrize(("key", "value", "criterion", "expected"), [
    ("lcp_ms", 2500, "performance.lcp", Outcome.PASS),
    ("lcp_ms", 2501, "performance.lcp", Outcome.PARTIAL),
    ("lcp_ms", 4000, "performance.lcp", Outcome.PARTIAL),
    ("lcp_ms", 4001, "performance.lcp", Outcome.FAIL),
    ("cls", 0.1, "performance.cls", Outcome.PASS),
    ("cls", 0.11, "performance.cls", Outcome.PARTIAL),
    ("cls", 0.26, "performance.cls", Outcome.FAIL),
    ("fcp_ms", 1900, "performance.fcp", Outcome.PARTIAL),
    ("fcp_ms", 3100, "performance.fcp", Outcome.FAIL),
    ("ttfb_ms", 900, "performance.ttfb", Outcome.PARTIAL),
    ("ttfb_ms", 2000, "performance.ttfb", Outcome.FAIL),
    ("transfer_bytes", 3_000_000, "performance.page-weight", Outcome.PARTIAL),
    ("transfer_bytes", 6_000_000, "performance.page-weight", Outcome.FAIL),
    ("js_transfer_bytes", 1_500_000, "performance.javascript", Outcome.FAIL),
    ("resource_count", 200, "performance.requests", Outcome.FAIL),
])
def test_thresholds(key: str, value: float, criterion: str, expected: Outcome) -> None:
    assert outcomes(PerformanceProbe().run({"performance": perf(**{key: value})}))[criterion] == expected


def test_missing_measurements_are_errors_not_passes() -> None:
    got = outcomes(PerformanceProbe().run({"performance": perf(lcp_ms=None, observed=[])}))
    assert got["performance.lcp"] == Outcome.ERROR
    assert got["performance.cls"] == Outcome.ERROR  # cls 0.01 means nothing if nobody watched
    assert set(outcomes(PerformanceProbe().run({"performance": None})).values()) == {Outcome.ERROR}


def test_weights_take_the_larger_count() -> None:
    """Resource timing sees 0 bytes for cross-origin files; the network log may know more."""
    w = weights(perf(transfer_bytes=1000, network={"requests": 80, "bytes": 2_500_000, "script_bytes": 700_000}))
    assert w == {"bytes": 2_500_000, "js_bytes": 700_000, "requests": 80}
    assert grade(80, 75, 150) == Outcome.PARTIAL
    net = summarize_network([{"resource_type": "script", "failed": "net::ERR_FAILED", "third_party": True},
                             {"resource_type": "document"}])
    assert net == {"requests": 2, "failed": 1, "third_party": 1, "scripts": 1, "bytes": None, "script_bytes": None}


# ---- real pages in Chromium ------------------------------------------------------------------

TEXT = "<p>" + "Kommunen erbjuder service till alla invånare. " * 60 + "</p>"
SHIFTING = f"""<!doctype html><html lang="sv"><head><title>Skift</title></head><body>
<div id="top"></div><main><h1>Nyheter</h1>{TEXT}{TEXT}</main>
<script>setTimeout(() => {{ document.getElementById('top').style.height = '450px'; }}, 150);</script>
</body></html>"""
STABLE = f"""<!doctype html><html lang="sv"><head><title>Stilla</title></head><body><main><h1>Stilla</h1>{TEXT}</main>
<script src="/app.js"></script></body></html>"""


def slow(req: Request) -> Reply:
    time.sleep(1.9)
    return Reply(body=STABLE)


ROUTES: dict[str, Any] = {"/skift": SHIFTING, "/stilla": STABLE, "/långsam": slow,
                          "/app.js": Reply(body="var x = '" + "a" * 50_000 + "';", content_type="application/javascript")}


@pytest.fixture(scope="module")
def measured() -> dict[str, dict[str, Any]]:
    async def run(site: LocalSite) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        async with async_playwright() as pw:
            browser: Browser = await pw.chromium.launch(executable_path=find_chromium(), args=launch_args())
            context = await browser.new_context(viewport={"width": 1366, "height": 900})
            await context.add_init_script(script=PerformanceGatherer.init_script or "")
            sctx = site_context(site.url("/"), s=settings())
            for path in ("/skift", "/stilla", "/långsam"):
                page = await context.new_page()
                resp = await page.goto(site.url(path), wait_until="load")
                await page.wait_for_timeout(400)  # the shift comes 150 ms after load
                pctx = PageContext(page=page, response=resp, url=site.url(path), final_url=page.url,
                                   viewport="desktop", kind=None, site=sctx)
                out[path] = await PerformanceGatherer().gather(pctx)
                await page.close()
            await browser.close()
        return out

    with LocalSite(routes=ROUTES, host=HOST) as site:
        return asyncio.run(run(site))


def test_a_layout_shift_is_measured_and_fails(measured: dict[str, dict[str, Any]]) -> None:
    m = measured["/skift"]
    assert m["layout_shifts"] >= 1 and m["cls"] > 0.25, m
    assert outcomes(PerformanceProbe().run({"performance": m}))["performance.cls"] == Outcome.FAIL


def test_a_stable_page_has_no_shift_and_real_timings(measured: dict[str, dict[str, Any]]) -> None:
    m = measured["/stilla"]
    assert m["cls"] == 0 and set(m["observed"]) == {"largest-contentful-paint", "layout-shift"}
    assert m["lcp_ms"] is not None and m["fcp_ms"] is not None and m["ttfb_ms"] is not None
    assert m["fcp_ms"] <= m["lcp_ms"] + 1
    assert m["js_transfer_bytes"] >= 50_000 and m["js_count"] == 1
    assert m["transfer_bytes"] >= m["js_transfer_bytes"]


def test_a_slow_first_byte_is_poor(measured: dict[str, dict[str, Any]]) -> None:
    m = measured["/långsam"]
    assert m["ttfb_ms"] >= 1800, m
    got = outcomes(PerformanceProbe().run({"performance": m}))
    assert got["performance.ttfb"] == Outcome.FAIL
    assert got["performance.fcp"] in (Outcome.PARTIAL, Outcome.FAIL)  # FCP cannot precede the first byte


def test_run_probe_installs_the_observers(fast_settings: Any) -> None:
    """Through the crawler: the init script is added to the context, so LCP is reported."""
    with LocalSite(routes=ROUTES, host=HOST2) as site:
        run = run_probe("performance", site.url("/stilla"), fast_settings)
    assert run.error is None, run.error
    got = outcomes(run.evidence)
    assert got["performance.lcp"] == Outcome.PASS
    assert got["performance.cls"] == Outcome.PASS
    assert got["performance.requests"] == Outcome.PASS
