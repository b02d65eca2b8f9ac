"""axe-core results for a page: what the industry-standard rule engine decides, compacted.

axe-core (MPL-2.0, Deque Systems; see NOTICE) comes from the axe-playwright-python
package, which ships a pinned `axe.min.js`; we load only that file, not the package's
Python wrapper, and add it once per browser context as an init script. An init script
runs in every frame, so `axe.run` in the top document reaches into iframes (axe talks to
its copies in the frames by postMessage) and no per-page injection is needed.

Only violations and incomplete results carry every node: `resultTypes` makes axe stop
building selectors for passes and inapplicable rules after the first node, which is most
of its run time on a large page. The artifact keeps, per rule, its tags (so WCAG success
criteria can be derived), impact, help text, node count and the first few nodes, each
bounded; the raw axe JSON of a large page runs to megabytes.
"""

from __future__ import annotations

import asyncio
from functools import cache
from importlib import resources
from typing import Any, ClassVar

from crawler.gatherers.base import Gatherer, PageContext

# The rule sets the probe reports on: WCAG 2.0/2.1/2.2 A and AA plus axe's best practices.
AXE_TAGS: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa",
                             "best-practice")
MAX_NODES = 5  # nodes kept per rule
MAX_HTML = 300  # characters of each node's HTML snippet


@cache
def axe_source() -> str:
    """The axe.min.js shipped inside axe-playwright-python (its MPL-2.0 header kept intact)."""
    return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


RUN_JS = r"""
async ({tags, maxNodes, maxHtml, frameWaitTime}) => {
  if (typeof window.axe === 'undefined' || !window.axe.run) {
    throw new Error('axe-core is not present in the page (init script did not run)');
  }
  const t0 = performance.now();
  const r = await window.axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations', 'incomplete'],
    iframes: true,
    frameWaitTime,
    elementRef: false, ancestry: false, xpath: false,
  });
  const ms = Math.round(performance.now() - t0);
  const cut = (s, n) => (s && s.length > n) ? s.slice(0, n) + '…' : (s || '');
  const compact = (rules, keepNodes) => rules.map(rule => ({
    id: rule.id,
    tags: rule.tags,
    impact: rule.impact || null,
    help: rule.help,
    description: rule.description,
    helpUrl: rule.helpUrl,
    nodes: keepNodes ? rule.nodes.length : null,
    sample: keepNodes ? rule.nodes.slice(0, maxNodes).map(n => ({
      target: n.target, html: cut(n.html, maxHtml), impact: n.impact || null,
      summary: cut(n.failureSummary || '', maxHtml),
    })) : [],
  }));
  return {
    version: r.testEngine && r.testEngine.version,
    url: r.url,
    ms,
    tags,
    violations: compact(r.violations, true),
    incomplete: compact(r.incomplete, true),
    passes: compact(r.passes, false),
    inapplicable: compact(r.inapplicable, false),
  };
}
"""


class AxeGatherer(Gatherer):
    """Runs axe-core in the loaded page (after load, before any page-mutating gatherer)."""

    name = "axe"
    order = 60
    viewports: ClassVar[tuple[str, ...]] = ("desktop", "mobile")
    init_script: ClassVar[str | None] = None  # set below, once the package file is read

    async def gather(self, ctx: PageContext) -> Any:
        budget = max(5.0, float(ctx.site.settings.page_timeout))
        args = {"tags": list(AXE_TAGS), "maxNodes": MAX_NODES, "maxHtml": MAX_HTML,
                "frameWaitTime": int(budget * 1000 / 2)}
        try:
            result: dict[str, Any] = await asyncio.wait_for(ctx.page.evaluate(RUN_JS, args), budget)
        except TimeoutError:
            raise TimeoutError(f"axe-core did not finish within {budget:.0f} s") from None
        return result


AxeGatherer.init_script = axe_source()
