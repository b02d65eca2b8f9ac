"""The browser's own performance entries for a page: `performance`.

Largest Contentful Paint and layout shifts are only reported to observers, so an init
script installs buffered PerformanceObservers in every document before its scripts run;
the gatherer then reads navigation timing, paint entries, resource timing and what the
observers collected. Cross-origin resources without Timing-Allow-Origin report a
transferSize of 0, so the probe also counts bytes from the runner's network log.
"""

from __future__ import annotations

from typing import Any, ClassVar

from crawler.gatherers.base import Gatherer, PageContext

INIT_JS = r"""
(() => {
  if (window.__maturityPerf) return;
  const st = window.__maturityPerf = {lcp: null, lcpElement: null, shifts: [], observed: []};
  const watch = (type, cb) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(cb)).observe({type, buffered: true});
      st.observed.push(type);
    } catch (e) { /* entry type not supported by this browser */ }
  };
  watch('largest-contentful-paint', (e) => {
    st.lcp = e.renderTime || e.loadTime || e.startTime;
    const el = e.element;
    st.lcpElement = el ? (el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')) : null;
  });
  watch('layout-shift', (e) => {
    if (!e.hadRecentInput) st.shifts.push([e.startTime, e.value]);
  });
})();
"""

READ_JS = r"""
() => {
  const st = window.__maturityPerf || {lcp: null, shifts: [], observed: []};
  // CLS as Chrome defines it: the largest session window of shifts (gaps < 1 s, window <= 5 s).
  let cls = 0, win = 0, winStart = -1, last = -1;
  for (const [t, v] of st.shifts) {
    if (winStart >= 0 && t - last < 1000 && t - winStart < 5000) { win += v; }
    else { win = v; winStart = t; }
    last = t;
    cls = Math.max(cls, win);
  }
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByType('paint').find(p => p.name === 'first-contentful-paint');
  const res = performance.getEntriesByType('resource');
  let transfer = nav ? (nav.transferSize || 0) : 0, jsTransfer = 0, jsCount = 0;
  for (const r of res) {
    transfer += r.transferSize || 0;
    if (r.initiatorType === 'script' || /\.m?js(\?|$)/.test(r.name)) { jsTransfer += r.transferSize || 0; jsCount++; }
  }
  const ms = (x) => (x === null || x === undefined) ? null : Math.round(x);
  return {
    ttfb_ms: nav ? ms(nav.responseStart - nav.startTime) : null,
    fcp_ms: fcp ? ms(fcp.startTime) : null,
    lcp_ms: ms(st.lcp),
    lcp_element: st.lcpElement || null,
    cls: Math.round(cls * 10000) / 10000,
    layout_shifts: st.shifts.length,
    dom_content_loaded_ms: nav ? ms(nav.domContentLoadedEventEnd - nav.startTime) : null,
    load_ms: nav ? ms(nav.loadEventEnd - nav.startTime) : null,
    document_transfer_bytes: nav ? (nav.transferSize || 0) : null,
    transfer_bytes: transfer,
    js_transfer_bytes: jsTransfer,
    resource_count: res.length,
    js_count: jsCount,
    observed: st.observed,
    observer_installed: !!window.__maturityPerf,
  };
}
"""


class PerformanceGatherer(Gatherer):
    """Timing and weight of the page load as the browser measured it (desktop rendering)."""

    name = "performance"
    order: ClassVar[int] = 40  # before anything that resizes or scrolls the page shifts its layout
    init_script: ClassVar[str | None] = INIT_JS
    viewports: ClassVar[tuple[str, ...]] = ("desktop", "mobile")

    async def gather(self, ctx: PageContext) -> Any:
        metrics: dict[str, Any] = await ctx.page.evaluate(READ_JS)
        metrics["network"] = summarize_network(ctx.network)
        return metrics


def summarize_network(network: list[dict[str, Any]]) -> dict[str, Any]:
    """Request counts from the runner's log (attempts included: the page asked for them)."""
    scripts = [e for e in network if e.get("resource_type") == "script"]
    known = [e.get("bytes") for e in network if isinstance(e.get("bytes"), int)]
    return {
        "requests": len(network),
        "failed": sum(1 for e in network if e.get("failed")),
        "third_party": sum(1 for e in network if e.get("third_party")),
        "scripts": len(scripts),
        "bytes": sum(known) if known else None,
        "script_bytes": sum(e["bytes"] for e in scripts if isinstance(e.get("bytes"), int)) if known else None,
    }
