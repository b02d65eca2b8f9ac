"""Opening a database: SQLite by default (WAL, foreign keys on), any SQLAlchemy URL otherwise.

Every open brings the schema to the newest Alembic revision, so a database made by an
older release is migrated in place, never recreated.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from storage.location import resolve_url

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x6D617475726974  # PostgreSQL advisory-lock key held while migrating


class DatabaseError(RuntimeError):
    """A database that cannot be opened or written: the message names it."""


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def make_engine(url: str | None = None, migrate: bool = True) -> Engine:
    full = resolve_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise DatabaseError(f"database URL {full!r} is not valid: {exc}") from None
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        parsed = _postgres_driver(parsed)
        kwargs["pool_pre_ping"] = True  # long-running workers outlive server restarts
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database
        if db and db != ":memory:":
            parent = Path(db).expanduser().resolve().parent
            if not parent.is_dir():
                raise DatabaseError(f"database {db!r}: directory {str(parent)!r} does not exist")
            if not os.access(parent, os.W_OK) or (Path(db).exists() and not os.access(db, os.W_OK)):
                raise DatabaseError(f"database {db!r} is not writable")
        kwargs["connect_args"] = {"timeout": 30}
    engine = create_engine(parsed, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if migrate:
        upgrade(engine)
    return engine


def _postgres_driver(url: URL) -> URL:
    """`postgresql://` means psycopg2 to SQLAlchemy; we install psycopg 3, so use it unless
    psycopg2 is there."""
    if url.drivername != "postgresql":
        return url
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        return url.set(drivername="postgresql+psycopg")
    return url


def upgrade(engine: Engine) -> None:
    """Apply pending migrations (cheap when the schema is current)."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == head:
        return
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Several workers may open a fresh database at once: one migrates, the others wait
            # for it (the lock ends with the transaction) and then find nothing to do.
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            if MigrationContext.configure(conn).get_current_revision() == head:
                return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
