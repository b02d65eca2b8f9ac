"""One probe on one URL: `maturity probe`. A site-scope probe gets a small capped crawl of
the mystery-shopper pages from that start page; nothing is stored unless asked."""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from crawler.browser import BrowserPool
from crawler.crawl import http_client
from crawler.files import FileStore
from crawler.plan import make_plan
from crawler.politeness import Politeness
from crawler.recorder import MemoryRecorder
from crawler.settings import CrawlSettings
from crawler.site import SiteCrawler
from probes.base import Evidence, Outcome
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


async def run_probe_async(probe_id: str, url: str, settings: CrawlSettings | None = None,
                          artifacts_dir: Path | None = None) -> ProbeRun:
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
    recorder = MemoryRecorder()
    org = {"id": "probe", "name": url, "type": "other", "url": url}
    pool = BrowserPool(settings)
    with tempfile.TemporaryDirectory() as tmp:
        files = FileStore(artifacts_dir or tmp)
        try:
            async with http_client(settings) as http:
                site = SiteCrawler(org, settings, plan, pool, Politeness(settings.delay), recorder, http, files,
                                   only_key=probe_cls.scope == "site", single_page=probe_cls.scope == "page")
                outcome = await site.run()
        finally:
            await pool.close()
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
