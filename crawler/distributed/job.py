"""One job: crawl one organisation of one crawl, exactly as the in-process crawl would.

The crawl's settings and probe versions come from its row in the shared database, the
organisation from its row; the site is crawled by `SiteCrawler` with `resume=True`, so a job
that a dead worker left half done continues from the stored frontier, and a job for a site
that is already finished does nothing. Errors of the infrastructure (database, Redis, a lost
host lock) propagate so the queue retries the job; errors of the site are stored as the
site's outcome, as in `crawler.crawl`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import structlog

from crawler.distributed import TERMINAL
from crawler.distributed.hostlock import HeldLocks, HostLocks, site_keys
from crawler.settings import CrawlSettings
from crawler.site import SiteOutcome

if TYPE_CHECKING:
    from storage.repository import Store

log = structlog.get_logger(__name__)


class Retryable(RuntimeError):
    """The job could not be done now; the queue should try it again later."""


class LockLost(Retryable):
    """Another worker may be crawling this site: stop, and let the queue retry."""


@dataclass
class WorkerContext:
    store: Store
    database: str  # database_id() of the store: jobs for another database are refused
    artifacts: Path
    locks: HostLocks | None = None  # set by the worker once the broker's Redis client exists
    browser: str | None = None
    # called with (crawl id, org id, delay in seconds) to put a job back for later
    requeue: Callable[[int, str, float], None] | None = None


def database_id(url: Any) -> str:
    """A printable identity of a database (no password, no driver; SQLite paths absolute), so
    a worker can tell whether a job belongs to the database it writes to."""
    from sqlalchemy.engine import make_url

    parsed = make_url(str(url)) if not hasattr(url, "drivername") else url
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        db = parsed.database or ""
        if db and db != ":memory:" and not db.startswith("file:"):
            db = str(Path(db).expanduser().resolve())
        return f"sqlite:///{db}"
    out: str = parsed.set(drivername=backend).render_as_string(hide_password=True)
    return out


def crawl_settings(stored: dict[str, Any], browser: str | None) -> CrawlSettings:
    """The crawl's own settings; only the browser is the worker's (it is a path on this machine)."""
    known = {k: v for k, v in stored.items() if k in CrawlSettings.__dataclass_fields__}
    return replace(CrawlSettings(**known), browser=browser)


def hard_limit(settings: CrawlSettings) -> float:
    """Seconds after which a site job is abandoned whatever it is doing (the crawler's own
    limits normally end it long before: this only frees a worker from a hung site)."""
    return settings.site_time_limit * 2 + settings.page_timeout * 10 + 300


def run_site_job(ctx: WorkerContext, crawl_id: int, org_id: str, database: str, last_try: bool = False) -> str:
    """Crawl one site and store it; returns what happened (for logs and tests)."""
    if database != ctx.database:
        raise Retryable(f"job for database {database}, but this worker writes to {ctx.database}")
    store = ctx.store
    crawl = store.get_crawl(crawl_id)
    site = next((s for s in store.sites(crawl_id) if s.org_id == org_id), None) if crawl else None
    if crawl is None or site is None:
        log.warning("job for an unknown crawl or site; dropped", crawl=crawl_id, org=org_id)
        return "unknown"
    if site.status in TERMINAL:
        return "already-done"
    found = store.organizations([org_id])
    if not found:
        return "unknown"
    o = found[0]
    org = {"id": o.id, "name": o.name, "type": o.type, "url": o.url, "also": list(o.domains or [])}
    settings = crawl_settings(crawl.settings, ctx.browser)
    try:
        probes = _probes(settings, crawl.probe_versions)
    except Retryable as exc:
        if not last_try:
            raise
        store.save_site_result(crawl_id, org_id, [], "failed", str(exc))
        return "failed"
    if ctx.locks is None:
        raise Retryable("this worker has no host locks")
    held = ctx.locks.try_acquire(site_keys(org))
    if held is None:
        delay = min(30.0, max(1.0, ctx.locks.ttl / 2))
        if ctx.requeue is None:
            raise Retryable(f"another worker is crawling a host of {org_id}")
        ctx.requeue(crawl_id, org_id, delay)
        log.info("host busy; job put back", crawl=crawl_id, org=org_id, delay=delay)
        return "host-busy"
    with held:
        # another worker may have finished the site between the first look and the lock
        site = next(s for s in store.sites(crawl_id) if s.org_id == org_id)
        if site.status in TERMINAL:
            return "already-done"
        log.info("site started", crawl=crawl_id, org=org_id, resume=site.status == "running")
        outcome = asyncio.run(_crawl_site(ctx, crawl_id, org, settings, probes, held))
    log.info("site stored", crawl=crawl_id, org=org_id, status=outcome.status, pages=outcome.pages)
    return outcome.status


def _probes(settings: CrawlSettings, versions: dict[str, Any]) -> list[Any]:
    """This worker's probes for the crawl; refused when their versions differ from the ones
    the crawl was started with (evidence of one crawl comes from one set of probes)."""
    from probes.registry import select

    probes = select(settings.probes or None)
    mine = {p.id: p.version for p in probes}
    if versions and mine != versions:
        diff = sorted(k for k in set(mine) | set(versions) if mine.get(k) != versions.get(k))
        raise Retryable(f"this worker's probes differ from the crawl's: {', '.join(diff[:5])}")
    return probes


def _is_infrastructure(exc: BaseException) -> bool:
    from sqlalchemy.exc import DBAPIError, OperationalError

    try:
        from redis.exceptions import RedisError
    except ImportError:  # pragma: no cover - redis is a dependency
        RedisError = OSError  # type: ignore[misc,assignment]  # noqa: N806
    return isinstance(exc, OperationalError | DBAPIError | RedisError | Retryable)


async def _crawl_site(ctx: WorkerContext, crawl_id: int, org: dict[str, Any], settings: CrawlSettings,
                      probes: list[Any], held: HeldLocks) -> SiteOutcome:
    from crawler.browser import BrowserPool
    from crawler.crawl import http_client, refuse_if_private
    from crawler.files import FileStore
    from crawler.plan import make_plan
    from crawler.politeness import Politeness
    from crawler.recorder import DbRecorder
    from crawler.site import SiteCrawler

    recorder = DbRecorder(ctx.store, crawl_id, org["id"])
    refused = refuse_if_private(org, settings, recorder)
    if refused:
        return refused
    pool = BrowserPool(settings)
    loop = asyncio.get_running_loop()
    try:
        async with http_client(settings) as http:
            site = SiteCrawler(org, settings, make_plan(probes), pool, Politeness(settings.delay), recorder, http,
                               FileStore(ctx.artifacts), resume=True)
            task = asyncio.ensure_future(site.run())
            def cancel() -> None:
                loop.call_soon_threadsafe(task.cancel)

            held.on_lost(cancel)
            try:
                return await asyncio.wait_for(task, hard_limit(settings))
            except asyncio.CancelledError:
                if held.lost.is_set():
                    raise LockLost(f"host lock of {org['id']} lost while crawling") from None
                raise
            except TimeoutError:
                await site.close()
                error = f"crawler error: the site took longer than {hard_limit(settings):g} s"
                recorder.save_site([], "failed", error)
                return SiteOutcome("failed", error, site.pages_done)
            except Exception as exc:
                if _is_infrastructure(exc):
                    raise
                log.exception("site crawl failed", org=org["id"])
                await site.close()
                error = f"crawler error: {type(exc).__name__}: {str(exc)[:200]}"
                recorder.save_site([], "failed", error)
                return SiteOutcome("failed", error, site.pages_done)
    finally:
        await pool.close()
