"""The queue: Dramatiq with its Redis broker, set up for long site jobs.

Why Dramatiq: its Redis broker keeps each fetched message in the worker's acknowledgement set
until the actor returns, and requeues the messages of a worker whose heartbeat stopped; the
heartbeat is sent while the worker is busy. So a job is acknowledged only once its site is
stored, a killed worker's job comes back after the heartbeat timeout however long sites take,
and no visibility timeout has to outlast the longest site (Celery on Redis redelivers a task
still running after its visibility timeout, and loses a killed worker's task unless acks_late,
reject_on_worker_lost and that timeout are all set right).

Broker middleware is only what the jobs need: retries with backoff for infrastructure errors,
and the current message (to know the last try). Dramatiq's default time limit (10 min) would
interrupt a site crawl, so the job bounds itself instead (`job.hard_limit`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import structlog

from crawler.distributed import DEFAULT_HEARTBEAT
from crawler.distributed.hostlock import HostLocks
from crawler.distributed.job import Retryable, WorkerContext, run_site_job

if TYPE_CHECKING:
    from dramatiq import Actor
    from dramatiq.brokers.redis import RedisBroker

log = structlog.get_logger(__name__)

ACTOR_NAME = "maturity_crawl_site"
MAX_RETRIES = 5
MIN_BACKOFF_MS = 5_000
MAX_BACKOFF_MS = 300_000


class QueueError(RuntimeError):
    """The broker cannot be reached or the queue name is unusable: the message says which."""


def make_broker(url: str, heartbeat_timeout: float = DEFAULT_HEARTBEAT) -> RedisBroker:
    """A Redis broker whose dead-worker check runs about once per heartbeat timeout per
    polling consumer, so a dead worker's job is back in the queue within about twice that."""
    from dramatiq.brokers.redis import RedisBroker
    from dramatiq.middleware import CurrentMessage, Retries

    chance = min(1_000_000, max(1_000, int(1_000_000 / max(1.0, heartbeat_timeout))))
    return RedisBroker(url=url, heartbeat_timeout=int(heartbeat_timeout * 1000), maintenance_chance=chance,
                       middleware=[CurrentMessage(), Retries(max_retries=MAX_RETRIES, min_backoff=MIN_BACKOFF_MS,
                                                             max_backoff=MAX_BACKOFF_MS)])


def check(broker: RedisBroker, url: str) -> None:
    try:
        broker.client.ping()
    except Exception as exc:
        raise QueueError(f"cannot reach the queue's Redis at {_safe(url)}: {str(exc).splitlines()[0][:200]}") from None


def _safe(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return url.replace(parts.password, "***") if parts.password else url


def declare(broker: RedisBroker, queue: str, fn: Callable[..., Any] | None = None) -> Actor[Any, Any]:
    """The site-crawl actor on `queue`; the enqueuing side declares it without a body."""
    import dramatiq

    def maturity_crawl_site(crawl_id: int, org_id: str, database: str) -> None:
        raise RuntimeError("enqueue-only actor")

    try:
        decorate = dramatiq.actor(broker=broker, actor_name=ACTOR_NAME, queue_name=queue, max_retries=MAX_RETRIES)
        return decorate(fn or maturity_crawl_site)
    except ValueError as exc:
        raise QueueError(f"queue name {queue!r}: {exc}") from None


def enqueue(actor: Actor[Any, Any], crawl_id: int, org_ids: Iterable[str], database: str) -> int:
    n = 0
    for oid in org_ids:
        actor.send(crawl_id, oid, database)
        n += 1
    return n


def job_function(ctx: WorkerContext) -> Callable[[int, str, str], None]:
    """The actor body: one site job; on its last try an error is stored as the site's failure
    (so the crawl can finish) instead of going to the dead-letter queue."""
    from dramatiq.middleware import CurrentMessage

    def maturity_crawl_site(crawl_id: int, org_id: str, database: str) -> None:
        message = CurrentMessage.get_current_message()
        last = (message.options.get("retries", 0) if message is not None else 0) >= MAX_RETRIES
        try:
            run_site_job(ctx, crawl_id, org_id, database, last_try=last)
        except Exception as exc:
            log.warning("site job failed; the queue retries it" if not last else "site job failed for good",
                        crawl=crawl_id, org=org_id, error=f"{type(exc).__name__}: {str(exc)[:300]}")
            if last and database == ctx.database:
                try:
                    ctx.store.save_site_result(crawl_id, org_id, [], "failed",
                                               f"gave up after {MAX_RETRIES + 1} tries: {type(exc).__name__}: "
                                               f"{str(exc)[:200]}")
                    return
                except Exception:
                    pass
            raise

    return maturity_crawl_site


def run_worker(ctx: WorkerContext, broker_url: str, queue: str, concurrency: int, heartbeat_timeout: float,
               stop: threading.Event, grace: float = 30.0) -> None:
    """Consume site jobs with `concurrency` threads (each crawls one site in its own browser)
    until `stop` is set; then wait up to `grace` seconds for running sites. A site still
    running after that is left unacknowledged: another worker resumes it."""
    from dramatiq import Worker

    broker = make_broker(broker_url, heartbeat_timeout)
    check(broker, broker_url)
    actor = declare(broker, queue, job_function(ctx))

    def requeue(crawl_id: int, org_id: str, delay: float) -> None:
        actor.send_with_options(args=(crawl_id, org_id, ctx.database), delay=int(delay * 1000))

    ctx.requeue = requeue
    ctx.locks = HostLocks(broker.client, ttl=heartbeat_timeout)
    worker = Worker(broker, queues={queue}, worker_threads=concurrency, worker_timeout=1000)
    worker.queue_prefetch = concurrency  # hold no job that no thread is free to start
    worker.start()
    log.info("worker ready", queue=queue, concurrency=concurrency, database=ctx.database)
    try:
        stop.wait()
    finally:
        log.info("worker stopping", grace=grace)
        worker.stop(timeout=int(grace * 1000))
        broker.close()


__all__ = ["ACTOR_NAME", "QueueError", "Retryable", "check", "declare", "enqueue", "make_broker", "run_worker"]
