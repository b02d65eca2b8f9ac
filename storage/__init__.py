"""The evidence store: typed models, migrations and a small repository API."""

from storage.db import DatabaseError, make_engine, resolve_url
from storage.repository import FrontierItem, PageRecord, Store

__all__ = ["DatabaseError", "FrontierItem", "PageRecord", "Store", "make_engine", "resolve_url"]
