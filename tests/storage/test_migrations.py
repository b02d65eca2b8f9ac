"""The Alembic migrations build exactly the schema the models describe, and reopening is a no-op."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from storage import Store, make_engine
from storage.models import Base
from storage.records import FrontierItem, PageRecord


def test_migrations_match_models(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()
    make_engine(f"sqlite:///{tmp_path / 'm.db'}").dispose()  # reopening migrates nothing and fails nothing
    with sqlite3.connect(tmp_path / "m.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_save_page_is_one_idempotent_unit(tmp_path: Path) -> None:
    store = Store(make_engine(f"sqlite:///{tmp_path / 's.db'}"))
    store.upsert_orgs([{"id": "o", "name": "O", "type": "agency", "url": "http://127.0.0.1/"}])
    crawl = store.create_crawl("t", {}, {}, ["o"])
    store.add_frontier(crawl, "o", [FrontierItem("http://127.0.0.1/", 0, 10.0, "home")])
    rec = PageRecord("o", "http://127.0.0.1/", "http://127.0.0.1/", 200, "desktop", 0, "home", "T", 1.0, None)
    ev = [{"probe_id": "p", "probe_version": "1", "criterion": "c", "outcome": "pass", "score": 1.0}]
    link = FrontierItem("http://127.0.0.1/a", 1, 5.0, None)
    for _ in range(2):  # a retried page replaces its rows instead of adding more
        store.save_page(crawl, [(rec, ev, {"links": []}, [])], "http://127.0.0.1/", [link])
    assert len(store.pages(crawl)) == 1
    assert len(store.evidence(crawl)) == 1
    states = {e.url: e.state for e in store.frontier(crawl, "o")}
    assert states == {"http://127.0.0.1/": "done", "http://127.0.0.1/a": "queued"}
    (page, kept), = store.site_pages(crawl, "o")
    assert kept == {"links": []}


def test_unwritable_database_path_is_a_clear_error(tmp_path: Path) -> None:
    import pytest

    from storage import DatabaseError

    with pytest.raises(DatabaseError, match="does not exist"):
        make_engine(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}")
