"""The store on PostgreSQL behaves as on SQLite: the same migrations, idempotent writes (also
when two workers retry one page or one site at once), and the same scores.

Each test runs on SQLite and on a fresh database of the MATURITY_TEST_PG server
(`scripts/services.sh`); the PostgreSQL variants skip only when that variable is unset.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from storage import Store, make_engine
from storage.db import alembic_config
from storage.models import Base
from storage.records import FrontierItem, PageRecord
from tests.distributed.services import fresh_postgres

HOME = "http://127.0.0.1/"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        with fresh_postgres() as url:
            yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    engine = make_engine(db_url)
    yield Store(engine)
    engine.dispose()


def new_crawl(store: Store) -> int:
    store.upsert_orgs([{"id": "o", "name": "O", "type": "agency", "url": HOME}])
    return store.create_crawl("t", {}, {}, ["o"])


def page(url: str = HOME, viewport: str = "desktop", title: str = "T") -> PageRecord:
    return PageRecord("o", url, url, 200, viewport, 0, "home", title, 1.0, None)


EV = [{"probe_id": "p", "probe_version": "1", "criterion": "c", "outcome": "pass", "score": 1.0, "message": "m"}]


def test_migrations_build_the_models_schema(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        head = ScriptDirectory.from_config(alembic_config(db_url)).get_current_head()
        assert MigrationContext.configure(conn).get_current_revision() == head
    engine.dispose()
    make_engine(db_url).dispose()  # reopening migrates nothing and fails nothing


def test_workers_opening_a_fresh_database_at_once_migrate_it_once() -> None:
    with fresh_postgres() as url:
        errors: list[BaseException] = []
        barrier = threading.Barrier(4)

        def open_it() -> None:
            try:
                barrier.wait()
                make_engine(url).dispose()
            except BaseException as exc:  # collected for the assertion below
                errors.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        engine = make_engine(url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        engine.dispose()


def test_plain_postgresql_url_uses_psycopg() -> None:
    with fresh_postgres() as url:
        plain = url.replace("postgresql+psycopg://", "postgresql://")
        engine = make_engine(plain)
        assert engine.url.drivername == "postgresql+psycopg"
        engine.dispose()


def test_save_page_replaces_and_keeps_page_count(store: Store) -> None:
    crawl = new_crawl(store)
    store.add_frontier(crawl, "o", [FrontierItem(HOME, 0, 10.0, "home")])
    links = [FrontierItem("http://127.0.0.1/a", 1, 5.0, None), FrontierItem("http://127.0.0.1/a", 1, 7.0, "contact")]
    for _ in range(3):  # a retried page replaces its rows (links repeated within one batch too)
        store.save_page(crawl, [(page(), EV, {"links": []}, []), (page(viewport="mobile"), EV, None, [])], HOME,
                        links)
    assert len(store.pages(crawl)) == 2
    assert len(store.evidence(crawl)) == 2
    assert [s.pages for s in store.sites(crawl)] == [1]
    entries = {e.url: (e.state, e.priority, e.kind) for e in store.frontier(crawl, "o")}
    assert entries == {HOME: ("done", 10.0, "home"), "http://127.0.0.1/a": ("queued", 7.0, "contact")}


def test_frontier_rows_improve_like_the_crawlers_frontier(store: Store) -> None:
    """Priority: the highest; depth: the smallest; kind: the first, filled in when the URL is
    seen again on a better path; a raised URL goes behind the others (resume order)."""
    crawl = new_crawl(store)
    store.add_frontier(crawl, "o", [FrontierItem(HOME, 0, 1000.0, "home"), FrontierItem("http://127.0.0.1/x", 2, 5.0, None),
                                    FrontierItem("http://127.0.0.1/y", 2, 5.0, None)])
    store.add_frontier(crawl, "o", [FrontierItem("http://127.0.0.1/x", 1, 4.0, "contact")])  # shorter path only
    store.add_frontier(crawl, "o", [FrontierItem("http://127.0.0.1/x", 3, 3.0, "english")])  # worse: ignored
    got = {e.url: (e.depth, e.priority, e.kind) for e in store.frontier(crawl, "o")}
    assert got["http://127.0.0.1/x"] == (1, 5.0, "contact")
    assert [e.url for e in store.frontier(crawl, "o")] == [HOME, "http://127.0.0.1/x", "http://127.0.0.1/y"]
    store.add_frontier(crawl, "o", [FrontierItem("http://127.0.0.1/x", 1, 9.0, None)])  # raised: behind y
    assert [e.url for e in store.frontier(crawl, "o")] == [HOME, "http://127.0.0.1/y", "http://127.0.0.1/x"]


def test_nul_characters_do_not_fail_a_page(store: Store) -> None:
    crawl = new_crawl(store)
    ev = [{**EV[0], "message": "bad\x00byte", "details": {"text": "a\x00b"}}]
    store.save_page(crawl, [(page(title="ti\x00tle"), ev, {"x": "\x00"}, [])], HOME, [])
    store.save_site_result(crawl, "o", ev, "done", None)
    (p,) = store.pages(crawl)
    assert p.title in ("title", "ti\x00tle")  # PostgreSQL drops the NUL, SQLite keeps it
    assert len(store.evidence(crawl)) == 2
    assert store.evidence(crawl)[0].details == {"text": "a\x00b"}


def test_concurrent_retries_neither_duplicate_nor_lose(store: Store) -> None:
    """Two workers storing the same page and the same site result at the same moment (a job
    retried while its first run still finishes) leave one copy of each."""
    crawl = new_crawl(store)
    store.add_frontier(crawl, "o", [FrontierItem(HOME, 0, 10.0, "home")])
    site_ev = [{**EV[0], "criterion": "site"}] * 3
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(5):
                barrier.wait()
                store.save_page(crawl, [(page(), EV * 2, {"links": []}, [])], HOME, [])
                barrier.wait()
                store.save_site_result(crawl, "o", site_ev, "done")
        except BaseException as exc:
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store.pages(crawl)) == 1
    evidence = store.evidence(crawl)
    assert sorted(e.criterion for e in evidence) == ["c", "c", "site", "site", "site"]
    assert [s.pages for s in store.sites(crawl)] == [1]


def test_scores_on_postgresql_equal_sqlite(tmp_path: Path) -> None:
    from criteria_map import load_map
    from criteria_map.scoring import score_crawl

    cmap = load_map(None)
    ids = sorted({e for c in cmap.criteria for e in c.evidence if "*" not in e})
    evidence = _sample_evidence(ids[:: max(1, len(ids) // 40)])
    results: list[list[tuple[Any, ...]]] = []
    with fresh_postgres() as pg:
        for url in (f"sqlite:///{tmp_path / 'a.db'}", pg):
            engine = make_engine(url)
            store = Store(engine)
            crawl = new_crawl(store)
            store.save_page(crawl, [(page(), evidence, None, [])], None, [])
            store.save_site_result(crawl, "o", evidence, "done")
            score_crawl(store, crawl, cmap)
            results.append(sorted((d.org_id, d.dimension, None if d.score is None else round(d.score, 9),
                                   round(d.coverage, 9)) for d in store.dimension_scores(crawl, cmap.version)))
            engine.dispose()
    assert results[0] == results[1]
    assert results[0], "nothing was scored"


def _sample_evidence(criteria: list[str]) -> list[dict[str, Any]]:
    outcomes = ["pass", "fail", "partial", "review", "error"]
    return [{"probe_id": "p", "probe_version": "1", "criterion": c, "outcome": outcomes[n % 5],
             "score": None if n % 3 else 0.25 * (n % 5), "message": f"m{n}"} for n, c in enumerate(criteria)]
