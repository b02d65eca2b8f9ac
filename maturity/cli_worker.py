"""`maturity worker` and `maturity crawl --distributed`: many machines, one shared database.

The queue client (Dramatiq, redis-py) is part of the default install, so these commands and
their help work everywhere; only a distributed run needs a Redis server (the broker) and,
for workers on several machines, a database they all reach (PostgreSQL).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Annotated, Any

import typer

from crawler.distributed import DEFAULT_BROKER, DEFAULT_HEARTBEAT, DEFAULT_QUEUE
from crawler.settings import CrawlSettings
from maturity.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PARTIAL,
    DbOption,
    artifacts_dir,
    fail,
    open_store,
)

BrokerOption = Annotated[str | None, typer.Option(
    "--broker", envvar="MATURITY_BROKER", show_envvar=True,
    help=f"Redis URL of the job queue (default {DEFAULT_BROKER}).")]
QueueOption = Annotated[str | None, typer.Option(
    "--queue", envvar="MATURITY_QUEUE", show_envvar=True,
    help=f"Queue name; workers take jobs from the queue their crawl was put on (default {DEFAULT_QUEUE}).")]


def worker(
    db: DbOption = None,
    broker: BrokerOption = None,
    queue: QueueOption = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Sites crawled at once, each in its own browser.")] = 2,
    heartbeat_timeout: Annotated[float, typer.Option(
        min=1.0, help="Seconds of silence after which a worker counts as dead: its unfinished site goes "
                      "back to the queue and its host locks expire.")] = DEFAULT_HEARTBEAT,
    grace: Annotated[float, typer.Option(help="On SIGTERM/Ctrl-C, seconds to let running sites finish; "
                                              "the rest are resumed by another worker.")] = 30.0,
    browser: Annotated[str | None, typer.Option("--browser", help="Chromium executable.")] = None,
) -> None:
    """Crawl sites from the queue that `maturity crawl --distributed` fills, until stopped.

    Run one per machine (or several); each stores into --db, which must be the database the crawl was started on. A site is acknowledged only once it is stored."""
    from crawler.browser_path import BrowserNotFound, find_chromium
    from crawler.distributed.job import WorkerContext, database_id
    from crawler.distributed.queue import QueueError, run_worker

    try:
        find_chromium(browser)
    except BrowserNotFound as exc:
        fail(str(exc))
    store = open_store(db)
    ctx = WorkerContext(store=store, database=database_id(store.engine.url), artifacts=artifacts_dir(db),
                        browser=browser)
    stop = threading.Event()

    def on_signal(signum: int, _frame: Any) -> None:
        if stop.is_set():  # a second signal: leave now, the queue requeues what was running
            os._exit(EXIT_PARTIAL)
        print(f"maturity: worker stopping (signal {signum}); up to {grace:g} s for running sites",
              file=sys.stderr)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        run_worker(ctx, broker or DEFAULT_BROKER, queue or DEFAULT_QUEUE, concurrency, heartbeat_timeout, stop,
                   grace)
    except QueueError as exc:
        fail(str(exc))
    raise typer.Exit(EXIT_OK)


def crawl_distributed(orgs: list[dict[str, Any]], settings: CrawlSettings, cmap: Any, db: str | None,
                      resume: bool, broker: str | None, queue: str | None) -> int:
    """`maturity crawl --distributed`: enqueue one job per organisation, wait until every
    site is stored, then score and print like an in-process crawl; returns the exit code."""
    from crawler.distributed.coordinator import create, finish, unfinished, wait
    from crawler.distributed.job import database_id
    from crawler.distributed.queue import QueueError, check, declare, enqueue, make_broker
    from criteria_map.scoring import score_crawl
    from maturity.cli import print_scores
    from maturity.lock import exclusive_crawl
    from probes.registry import select

    url, name = broker or DEFAULT_BROKER, queue or DEFAULT_QUEUE
    try:
        qb = make_broker(url)
        check(qb, url)
        actor = declare(qb, name)
    except QueueError as exc:
        fail(str(exc))
    store = open_store(db)
    with exclusive_crawl(store.engine):
        if resume:
            last = store.latest_crawl()
            if last is None or last.status not in ("running", "interrupted"):
                fail("--resume: no unfinished crawl in this database")
            crawl_id = last.id
            store.set_crawl_status(crawl_id, "running")
            todo = unfinished(store, crawl_id)
        else:
            crawl_id = create(store, orgs, settings, select(settings.probes or None))
            todo = [o["id"] for o in orgs]
        enqueue(actor, crawl_id, todo, database_id(store.engine.url))
        qb.close()
        print(f"maturity: crawl {crawl_id}: {len(todo)} site jobs on queue {name!r}; waiting for "
              "`maturity worker`s (Ctrl-C stops waiting, not the workers)", file=sys.stderr)
        try:
            result = wait(store, crawl_id, progress=_progress)
        except KeyboardInterrupt:
            fail(f"stopped waiting; the workers go on with crawl {crawl_id}: "
                 "`maturity crawl --distributed --resume` waits for it and scores it", EXIT_PARTIAL)
        assert result is not None  # no timeout given
        finish(store, result)
        score_crawl(store, crawl_id, cmap)
        print_scores(store, crawl_id, cmap.version, cmap.scale)
        failed = {k: v for k, v in result.sites.items() if v.status != "done"}
        for oid, site in sorted(failed.items()):
            print(f"maturity: site {oid} not crawled: {site.error}", file=sys.stderr)
        if failed and len(failed) == len(result.sites):
            return EXIT_FAILED  # no site could be crawled at all, as `maturity crawl`
        return EXIT_PARTIAL if failed else EXIT_OK


def _progress(finished: int, total: int, new: list[str]) -> None:
    print(f"maturity: {finished}/{total} sites stored ({', '.join(new[:5])}{', …' if len(new) > 5 else ''})",
          file=sys.stderr)


def register(app: typer.Typer) -> None:
    app.command("worker")(worker)


__all__ = ["crawl_distributed", "register", "worker"]
