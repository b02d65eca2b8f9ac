"""The evidence store: typed models, migrations and a small repository API.

Names are loaded lazily so that code needing only the plain records (the crawler in
`maturity probe`) does not pay for importing SQLAlchemy and Alembic.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "DatabaseError": "storage.db", "make_engine": "storage.db", "resolve_url": "storage.location",
    "Store": "storage.repository", "FrontierItem": "storage.records", "PageRecord": "storage.records",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(name)


__all__ = sorted(_EXPORTS)
