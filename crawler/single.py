"""One probe on one URL: `maturity probe`. A site-scope probe gets a small capped crawl of
the mystery-shopper pages from that start page; nothing is stored unless asked.

A page-scope probe renders one page once, so it gathers only what the probe reads, not the
links and report screenshot a crawl wants.
"""

from __future__ import annotations

import asyncio
import importlib
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from crawler.browser import BrowserPool
from crawler.crawl import http_client
from crawler.files import FileStore
from crawler.plan import Plan, make_plan
from crawler.politeness import Politeness
from crawler.recorder import MemoryRecorder
from crawler.settings import CrawlSettings
from crawler.site import SiteCrawler
from probes.base import Evidence, Outcome, Probe
from probes.registry import get_probe

SITE_PROBE_PAGES = 15
SITE_PROBE_DEPTH = 2


@dataclass
class ProbeRun:
    probe_id: str
    probe_version: str
    url: str
    evidence: list[Evidence] = field(default_factory=list)
    pages: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None  # the URL could not be looked at
    records: list[dict[str, Any]] = field(default_factory=list)  # stamped evidence, for --store


# What httpx loads lazily: httpcore on making a client, anyio's asyncio backend on closing it.
HTTP_LAZY_MODULES = ("httpcore", "anyio._backends._asyncio")


def prepare(probe_id: str) -> None:
    """Import what a run of this probe will need (its probe and gatherer modules, what httpx
    imports late), so that `maturity probe` can do it in a thread while the browser starts."""
    make_plan([get_probe(probe_id)()])
    for name in HTTP_LAZY_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # another httpx version: it imports what it needs itself, later
            pass


def one_page_plan(plan: Plan, probe: Probe) -> Plan:
    """Trim a plan for one rendering of one page to the gatherers the probe reads: a crawl's
    own links (for its frontier) and desktop screenshot (for reports) are not reported here,
    and the screenshot alone costs ~0.1 s."""
    wanted = set(probe.requires)
    for vp, gatherers in plan.page_gatherers.items():
        plan.page_gatherers[vp] = [g for g in gatherers if g.name in wanted]
        plan.init_scripts[vp] = [g.init_script for g in plan.page_gatherers[vp] if g.init_script]
    return plan


async def run_probe_async(probe_id: str, url: str, settings: CrawlSettings | None = None,
                          artifacts_dir: Path | None = None, pool: BrowserPool | None = None) -> ProbeRun:
    """Run one probe on `url`. A `pool` given is the caller's (it may already be launching,
    see BrowserPool.start_early) and is left open; otherwise one is made and closed here."""
    probe_cls = get_probe(probe_id)
    settings = settings or CrawlSettings()
    if probe_cls.scope == "page":
        settings = replace(settings, max_pages=1, max_depth=0,
                           mobile="all" if probe_cls.viewport == "mobile" else "none")
    else:
        settings = replace(settings, max_pages=min(settings.max_pages, SITE_PROBE_PAGES),
                           max_depth=min(settings.max_depth, SITE_PROBE_DEPTH))
    probe = probe_cls()
    plan = make_plan([probe])
    if probe_cls.scope == "page":
        plan = one_page_plan(plan, probe)
    recorder = MemoryRecorder()
    org = {"id": "probe", "name": url, "type": "other", "url": url}
    own_pool = pool is None
    browsers = pool if pool is not None else BrowserPool(settings)
    with tempfile.TemporaryDirectory() as tmp:
        files = FileStore(artifacts_dir or tmp)
        try:
            async with http_client(settings) as http:
                site = SiteCrawler(org, settings, plan, browsers, Politeness(settings.delay), recorder, http, files,
                                   only_key=probe_cls.scope == "site", single_page=probe_cls.scope == "page")
                outcome = await site.run()
        finally:
            if own_pool:
                await browsers.close()
    run = ProbeRun(probe_id=probe.id, probe_version=probe.version, url=url, records=recorder.evidence,
                   pages=[kept for _rec, kept in recorder.site_pages() if kept is not None])
    run.evidence = [Evidence(criterion=e["criterion"], outcome=Outcome(e["outcome"]), message=e["message"],
                             score=e["score"], details=e["details"], url=e.get("url")) for e in recorder.evidence]
    if outcome.status != "done":
        run.error = outcome.error
    return run


def run_probe(probe_id: str, url: str, settings: CrawlSettings | None = None,
              artifacts_dir: Path | None = None) -> ProbeRun:
    """Synchronous wrapper (tests, scripts)."""
    return asyncio.run(run_probe_async(probe_id, url, settings, artifacts_dir))
