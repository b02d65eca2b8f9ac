"""Content-addressed files (screenshots, documents) on disk, referenced from database rows."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any


class FileStore:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def save(self, data: bytes, kind: str, ext: str) -> dict[str, Any]:
        digest = hashlib.sha256(data).hexdigest()
        rel = Path(digest[:2]) / f"{digest}.{ext}"
        path = self.root / rel
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        return {"kind": kind, "sha256": digest, "path": str(rel), "bytes": len(data)}
