"""A crawl of many organisations: several sites at once, each at its hosts' polite pace."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import structlog

from crawler.browser import BrowserPool
from crawler.files import FileStore
from crawler.plan import make_plan
from crawler.politeness import Politeness
from crawler.recorder import DbRecorder
from crawler.settings import CrawlSettings
from crawler.site import SiteCrawler, SiteOutcome
from crawler.urls import host_map, host_of, is_private_address
from maturity import __version__
from probes.base import Probe

if TYPE_CHECKING:
    from storage.repository import Store

log = structlog.get_logger(__name__)

Progress = Callable[[str, str, int], None]  # org id, event, pages so far


@dataclass
class CrawlResult:
    crawl_id: int
    sites: dict[str, SiteOutcome] = field(default_factory=dict)

    @property
    def status(self) -> str:
        states = {s.status for s in self.sites.values()}
        if not states or states == {"done"}:
            return "done"
        return "partial" if "done" in states else "failed"


class MappedTransport(httpx.AsyncHTTPTransport):
    """Connects mapped host names to their addresses (the MATURITY_HOST_MAP test/demo hook);
    the Host header keeps the name, as the browser's --host-resolver-rules do."""

    def __init__(self, mapping: dict[str, str], **kw: Any) -> None:
        super().__init__(**kw)
        self.mapping = mapping

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        addr = self.mapping.get(request.url.host)
        if addr is not None:
            request.url = request.url.copy_with(host=addr)
        return await super().handle_async_request(request)


def http_client(settings: CrawlSettings, verify: Any = False) -> httpx.AsyncClient:
    """The crawler's own HTTP client (robots.txt, sitemaps, link checks). It does not judge
    certificates — the browser ignores them too, so a site with a bad certificate is still
    measured; the security probe checks the certificate with a verifying client of its own."""
    limits = httpx.Limits(max_connections=20)
    mapped = host_map()
    transport = MappedTransport(mapped, verify=verify, limits=limits) if mapped else None
    return httpx.AsyncClient(
        headers={"User-Agent": settings.user_agent}, timeout=httpx.Timeout(settings.page_timeout),
        follow_redirects=False, verify=verify, limits=limits, transport=transport,
    )


def private_refusal(org: dict[str, Any], settings: CrawlSettings) -> str | None:
    host = host_of(org["url"])
    if not settings.allow_private and is_private_address(host):
        return f"refused: {host} is a private, loopback or link-local address (use --allow-private)"
    return None


def refuse_if_private(org: dict[str, Any], settings: CrawlSettings, recorder: DbRecorder) -> SiteOutcome | None:
    """Record a refused private target as a failed site (shared by in-process and queued crawls)."""
    refusal = private_refusal(org, settings)
    if refusal is None:
        return None
    recorder.save_site([], "failed", refusal)
    return SiteOutcome("failed", refusal, 0)


async def crawl(store: Store, orgs: list[dict[str, Any]], settings: CrawlSettings, probes: list[Probe],
                artifacts_dir: Path, resume_crawl: int | None = None, progress: Progress | None = None,
                crawl_id: int | None = None) -> CrawlResult:
    plan = make_plan(probes)
    if resume_crawl is not None:
        crawl_id = resume_crawl
        store.set_crawl_status(crawl_id, "running")
        todo = {s.org_id for s in store.sites(crawl_id) if s.status in ("queued", "running")}
    else:
        store.upsert_orgs(orgs)
        if crawl_id is None:
            crawl_id = store.create_crawl(__version__, {p.id: p.version for p in probes}, settings.as_dict(),
                                          [o["id"] for o in orgs])
        todo = {o["id"] for o in orgs}
    result = CrawlResult(crawl_id=crawl_id)
    for s in store.sites(crawl_id):
        if s.org_id not in todo:
            result.sites[s.org_id] = SiteOutcome(s.status, s.error, s.pages)
    pool = BrowserPool(settings)
    politeness = Politeness(settings.delay)
    files = FileStore(artifacts_dir)
    sem = asyncio.Semaphore(max(1, settings.concurrency))

    async def one(org: dict[str, Any], http: httpx.AsyncClient) -> None:
        async with sem:
            recorder = DbRecorder(store, crawl_id, org["id"])
            refused = refuse_if_private(org, settings, recorder)
            if refused:
                result.sites[org["id"]] = refused
                return
            if progress:
                progress(org["id"], "start", 0)
            site = SiteCrawler(org, settings, plan, pool, politeness, recorder, http, files,
                               resume=resume_crawl is not None)
            try:
                outcome = await site.run()
            except Exception as exc:  # one site's failure never stops the others
                log.exception("site crawl failed", org=org["id"])
                await site.close()
                outcome = SiteOutcome("failed", f"crawler error: {type(exc).__name__}: {str(exc)[:200]}",
                                      site.pages_done)
                recorder.save_site([], "failed", outcome.error)
            result.sites[org["id"]] = outcome
            if progress:
                progress(org["id"], outcome.status, outcome.pages)

    try:
        async with http_client(settings) as http:
            await asyncio.gather(*(one(o, http) for o in orgs if o["id"] in todo))
    finally:
        await pool.close()
    store.finish_crawl(crawl_id, result.status)
    return result
