"""Site jobs and the distributed commands, short of crawling (the two-worker test crawls)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.distributed.hostlock import HostLocks, site_keys
from crawler.distributed.job import Retryable, WorkerContext, database_id, run_site_job
from crawler.settings import CrawlSettings
from probes.registry import select
from storage import Store, make_engine

ORG = {"id": "testkommun", "name": "Testkommun", "type": "municipality", "url": "http://127.0.0.199:9/"}


def maturity(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maturity.cli", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd)


def test_worker_help_needs_no_server(tmp_path: Path) -> None:
    done = maturity("worker", "--help", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "--concurrency" in done.stdout and "--heartbeat-timeout" in done.stdout


def test_unreachable_queue_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    targets = tmp_path / "t.toml"
    targets.write_text('[[organization]]\nid = "a"\nname = "A"\ntype = "agency"\nurl = "https://a.example.se"\n')
    db = tmp_path / "m.db"
    crawl = maturity("crawl", str(targets), "--distributed", "--broker", "redis://127.0.0.1:9/0", "--db", str(db),
                     cwd=tmp_path)
    assert crawl.returncode == 2
    assert crawl.stderr.startswith("maturity: error: cannot reach the queue's Redis at redis://127.0.0.1:9/0")
    assert len(crawl.stderr.strip().splitlines()) == 1
    assert not db.exists()
    worker = maturity("worker", "--broker", "redis://127.0.0.1:9/0", "--db", str(db), cwd=tmp_path)
    assert worker.returncode == 2
    assert "cannot reach the queue's Redis" in worker.stderr


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    engine = make_engine(pg_url)
    yield Store(engine)
    engine.dispose()


@pytest.fixture
def ctx(pg_store: Store, redis_url: str, tmp_path: Path) -> WorkerContext:
    import redis

    requeued: list[tuple[int, str, float]] = []
    context = WorkerContext(store=pg_store, database=database_id(pg_store.engine.url), artifacts=tmp_path / "art",
                            locks=HostLocks(redis.Redis.from_url(redis_url), ttl=2.0),
                            requeue=lambda c, o, d: requeued.append((c, o, d)))
    context.requeued = requeued  # type: ignore[attr-defined]
    return context


def new_crawl(store: Store, settings: CrawlSettings, versions: dict[str, Any] | None = None) -> int:
    probes = select(["page-basics"])
    store.upsert_orgs([ORG])
    return store.create_crawl("t", versions if versions is not None else {p.id: p.version for p in probes},
                              {**settings.as_dict(), "probes": ["page-basics"]}, [ORG["id"]])


def status(store: Store, crawl: int) -> tuple[str, str | None]:
    (site,) = store.sites(crawl)
    return site.status, site.error


def test_jobs_for_another_database_are_refused(ctx: WorkerContext) -> None:
    crawl = new_crawl(ctx.store, CrawlSettings())
    with pytest.raises(Retryable, match="this worker writes to"):
        run_site_job(ctx, crawl, ORG["id"], "postgresql://elsewhere/db")
    assert status(ctx.store, crawl) == ("queued", None)
    assert "***" in ctx.database or "@" not in ctx.database  # no password in a job


def test_a_finished_site_is_not_crawled_again(ctx: WorkerContext) -> None:
    crawl = new_crawl(ctx.store, CrawlSettings())
    ctx.store.save_site_result(crawl, ORG["id"], [], "done")
    assert run_site_job(ctx, crawl, ORG["id"], ctx.database) == "already-done"
    assert run_site_job(ctx, crawl + 1, ORG["id"], ctx.database) == "unknown"


def test_a_busy_host_puts_the_job_back(ctx: WorkerContext) -> None:
    assert ctx.locks is not None
    crawl = new_crawl(ctx.store, CrawlSettings())
    other = ctx.locks.try_acquire(site_keys(ORG))
    assert other is not None
    try:
        assert run_site_job(ctx, crawl, ORG["id"], ctx.database) == "host-busy"
    finally:
        other.release()
    assert ctx.requeued == [(crawl, ORG["id"], 1.0)]  # type: ignore[attr-defined]
    assert status(ctx.store, crawl) == ("queued", None)


def test_a_refused_target_is_stored_as_failed(ctx: WorkerContext) -> None:
    crawl = new_crawl(ctx.store, CrawlSettings(allow_private=False))
    assert run_site_job(ctx, crawl, ORG["id"], ctx.database) == "failed"
    state, error = status(ctx.store, crawl)
    assert state == "failed" and error is not None and "private" in error


def test_other_probe_versions_wait_for_another_worker_then_fail(ctx: WorkerContext) -> None:
    crawl = new_crawl(ctx.store, CrawlSettings(), versions={"page-basics": "0"})
    with pytest.raises(Retryable, match="page-basics"):
        run_site_job(ctx, crawl, ORG["id"], ctx.database)
    assert status(ctx.store, crawl) == ("queued", None)
    assert run_site_job(ctx, crawl, ORG["id"], ctx.database, last_try=True) == "failed"
    assert "probes differ" in (status(ctx.store, crawl)[1] or "")


def test_the_last_try_stores_the_failure_so_the_crawl_can_end(ctx: WorkerContext) -> None:
    from dramatiq import Message
    from dramatiq.middleware import CurrentMessage

    from crawler.distributed.queue import MAX_RETRIES, job_function

    crawl = new_crawl(ctx.store, CrawlSettings())
    ctx.locks = None  # an infrastructure failure on every try
    job = job_function(ctx)
    with pytest.raises(Retryable):
        job(crawl, ORG["id"], ctx.database)
    token = CurrentMessage._MESSAGE.set(Message(queue_name="q", actor_name="a", args=(), kwargs={},
                                                options={"retries": MAX_RETRIES}))
    try:
        job(crawl, ORG["id"], ctx.database)
    finally:
        CurrentMessage._MESSAGE.reset(token)
    state, error = status(ctx.store, crawl)
    assert state == "failed" and error is not None and error.startswith(f"gave up after {MAX_RETRIES + 1} tries")


def test_resume_enqueues_only_unfinished_sites_and_scores(pg_url: str, redis_url: str, queue_name: str,
                                                          tmp_path: Path) -> None:
    import redis

    engine = make_engine(pg_url)
    store = Store(engine)
    crawl = new_crawl(store, CrawlSettings())
    store.save_site_result(crawl, ORG["id"], [], "done")
    engine.dispose()
    done = maturity("crawl", "--distributed", "--resume", "--db", pg_url, "--broker", redis_url, "--queue",
                    queue_name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"crawl {crawl}: 0 site jobs" in done.stderr
    assert "Crawl 1" in done.stdout
    assert redis.Redis.from_url(redis_url).llen(f"dramatiq:{queue_name}") == 0
    engine = make_engine(pg_url)
    assert Store(engine).get_crawl(crawl).status == "done"  # type: ignore[union-attr]
    engine.dispose()
