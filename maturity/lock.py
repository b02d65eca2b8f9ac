"""One crawl per database at a time, safe under cron and systemd timers.

The database is the shared resource, so the lock belongs to it. For SQLite it is an
flock on "<database>.lock": the kernel releases it when the holder exits, however it
exits (kill -9 included), so a crashed crawl never blocks the next run or `--resume` —
no stale-PID guessing. For a server database (PostgreSQL) it is a session-level
advisory lock held on a dedicated connection, released by the server when that
connection ends. An in-memory SQLite database is private to its process: no lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, text

# sysexits.h EX_TEMPFAIL, "try again later": a timer can treat it as a skipped run.
EXIT_LOCKED = 75


class CrawlLocked(RuntimeError):
    """Another crawl holds this database."""


def _sqlite_path(engine: Engine) -> Path | None:
    db = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not db or db == ":memory:" or db.startswith("file::memory:"):
        return None
    return Path(db).expanduser().resolve()


def lock_key(engine: Engine) -> int:
    """A stable signed 64-bit advisory-lock key for this database name."""
    digest = hashlib.sha256(f"maturity-crawl:{engine.url.database}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextlib.contextmanager
def _file_lock(db: Path) -> Iterator[None]:
    path = db.with_name(db.name + ".lock")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            raise CrawlLocked(f"another crawl is running against {db}"
                              + (f" ({holder})" if holder else "")) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {datetime.now(UTC):%Y-%m-%d %H:%M:%SZ}".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # the file stays: unlinking would race with a waiting locker
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _advisory_lock(engine: Engine) -> Iterator[None]:
    key = lock_key(engine)
    with engine.connect() as conn:
        if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar():
            raise CrawlLocked(f"another crawl is running against {engine.url.render_as_string(hide_password=True)}")
        try:
            yield
        finally:
            with contextlib.suppress(Exception):
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})


@contextlib.contextmanager
def crawl_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's crawl lock, or raise CrawlLocked at once (never wait: a nightly
    run that finds the previous one still going should say so and leave)."""
    db = _sqlite_path(engine)
    backend = engine.url.get_backend_name()
    if db is not None:
        with _file_lock(db):
            yield
    elif backend == "postgresql":
        with _advisory_lock(engine):
            yield
    else:
        yield


@contextlib.contextmanager
def exclusive_crawl(engine: Engine) -> Iterator[None]:
    """crawl_lock for the command line: a second crawl exits with one line and EXIT_LOCKED."""
    import typer

    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(crawl_lock(engine))
        except CrawlLocked as exc:
            print(f"maturity: error: {exc}; not starting a second crawl", file=sys.stderr)
            raise typer.Exit(EXIT_LOCKED) from None
        yield
