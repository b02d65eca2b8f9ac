"""Shared pieces of the command line: options, opening the store, one-line errors."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from storage.repository import Store

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLAlchemy URL or SQLite path (default: $MATURITY_DB or ./maturity.db)."),
]


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """One clear line on stderr and a non-zero exit."""
    print(f"maturity: error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def open_store(db: str | None, must_exist: bool = False) -> Store:
    from sqlalchemy.exc import SQLAlchemyError

    from storage import DatabaseError, Store, make_engine, resolve_url

    url = resolve_url(db)
    if must_exist and url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:" and not Path(path).exists():
            fail(f"database {path!r} does not exist (run `maturity crawl` first, or pass --db)")
    try:
        return Store(make_engine(url))
    except DatabaseError as exc:
        fail(str(exc).splitlines()[0])
    except (SQLAlchemyError, OSError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        fail(f"database {db or url!r} cannot be opened: {reason}")


def artifacts_dir(db: str | None) -> Path:
    """Screenshots live beside a SQLite database, else in ./maturity-artifacts ($MATURITY_ARTIFACTS wins)."""
    from storage.location import resolve_url

    env = os.environ.get("MATURITY_ARTIFACTS")
    if env:
        return Path(env)
    url = resolve_url(db)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url.removeprefix("sqlite:///")).expanduser().resolve().parent / "maturity-artifacts"
    return Path("maturity-artifacts").resolve()


def fmt5(score: float | None, scale: int = 5) -> str:
    return "–" if score is None else f"{score * scale:.1f}"
