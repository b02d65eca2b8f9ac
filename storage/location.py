"""Where the database is: `--db`, else $MATURITY_DB, else ./maturity.db (no heavy imports)."""

from __future__ import annotations

import os

DEFAULT_DB = "sqlite:///maturity.db"


def resolve_url(url: str | None) -> str:
    """`--db`, else MATURITY_DB, else ./maturity.db; a bare path means a SQLite file."""
    chosen = url or os.environ.get("MATURITY_DB") or DEFAULT_DB
    if "://" not in chosen:
        chosen = f"sqlite:///{chosen}"
    return chosen
