"""Plain records passed between the crawler and the store (no SQLAlchemy import: cheap to load)."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import Any


def pack(data: Any) -> bytes:
    return zlib.compress(json.dumps(data, default=str, ensure_ascii=False).encode("utf-8"), 6)


def unpack(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


@dataclass
class FrontierItem:
    url: str
    depth: int
    priority: float
    kind: str | None
    source: str = "link"


@dataclass
class PageRecord:
    org_id: str
    url: str
    final_url: str | None
    status_code: int | None
    viewport: str
    depth: int
    kind: str | None
    title: str | None
    load_ms: float | None
    error: str | None
