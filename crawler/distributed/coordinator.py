"""The enqueuing side: create (or resume) a crawl, enqueue one job per site, wait for them.

The shared database is the only record of progress: a crawl is finished when every one of
its sites is done, failed or blocked. Enqueuing a site twice is harmless (a job for a
finished site does nothing, and the host lock keeps two jobs for one site apart), so
`--resume` simply enqueues every site that is not finished.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from crawler.crawl import CrawlResult
from crawler.distributed import TERMINAL
from crawler.settings import CrawlSettings
from crawler.site import SiteOutcome
from maturity import __version__

if TYPE_CHECKING:
    from probes.base import Probe
    from storage.repository import Store

Progress = Callable[[int, int, list[str]], None]  # finished, total, orgs finished since last call


def create(store: Store, orgs: list[dict[str, Any]], settings: CrawlSettings, probes: list[Probe]) -> int:
    store.upsert_orgs(orgs)
    return store.create_crawl(__version__, {p.id: p.version for p in probes}, settings.as_dict(),
                              [o["id"] for o in orgs])


def unfinished(store: Store, crawl_id: int) -> list[str]:
    return [s.org_id for s in store.sites(crawl_id) if s.status not in TERMINAL]


def wait(store: Store, crawl_id: int, poll: float = 2.0, progress: Progress | None = None,
         timeout: float | None = None) -> CrawlResult | None:
    """Block until every site of the crawl is finished; the result, or None on timeout."""
    deadline = None if timeout is None else time.monotonic() + timeout
    seen: set[str] = set()
    while True:
        sites = store.sites(crawl_id)
        finished = [s for s in sites if s.status in TERMINAL]
        new = sorted(s.org_id for s in finished if s.org_id not in seen)
        if new and progress is not None:
            progress(len(finished), len(sites), new)
        seen.update(new)
        if len(finished) == len(sites):
            return CrawlResult(crawl_id=crawl_id,
                               sites={s.org_id: SiteOutcome(s.status, s.error, s.pages) for s in sites})
        if deadline is not None and time.monotonic() > deadline:
            return None
        time.sleep(poll)


def finish(store: Store, result: CrawlResult) -> None:
    store.finish_crawl(result.crawl_id, result.status)
