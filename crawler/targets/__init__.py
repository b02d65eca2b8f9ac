"""Loading target lists (TOML or CSV) of organisations, with errors that name file and line."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

BUNDLED = Path(__file__).parent
BUNDLED_LISTS = {
    "sweden-2019-study": BUNDLED / "sweden-2019-study.toml",
    "sweden-public-sector": BUNDLED / "sweden-public-sector.csv",
}
DEFAULT_LIST = "sweden-2019-study"
TYPES = ("municipality", "region", "county_board", "agency", "other")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._()-]{0,199}$")


class TargetsError(ValueError):
    """A malformed targets file: the message names the file and line."""


@dataclass
class Organization:
    id: str
    name: str
    type: str
    url: str
    also: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "url": self.url, "also": list(self.also),
                "domains": list(self.also)}


def _line_of(text: str, needle: str, start: int = 0) -> int:
    idx = text.find(needle, start)
    return text.count("\n", 0, idx) + 1 if idx >= 0 else 0


def _validate(raw: dict[str, Any], where: str, seen: set[str]) -> Organization:
    for key in ("id", "name", "url"):
        if not str(raw.get(key) or "").strip():
            raise TargetsError(f"{where}: organization is missing '{key}'")
    oid = str(raw["id"]).strip()
    if not ID_RE.match(oid):
        raise TargetsError(f"{where}: id {oid!r} must be lower-case letters, digits, '.', '_' or '-'")
    if oid in seen:
        raise TargetsError(f"{where}: duplicate id {oid!r}")
    seen.add(oid)
    url = str(raw["url"]).strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TargetsError(f"{where}: url {url!r} of {oid!r} is not an http(s) URL")
    otype = str(raw.get("type") or "other").strip()
    if otype not in TYPES:
        raise TargetsError(f"{where}: type {otype!r} of {oid!r} is not one of {', '.join(TYPES)}")
    also = raw.get("also") or []
    if isinstance(also, str):
        also = [a for a in re.split(r"[\s;]+", also) if a]
    if not isinstance(also, list) or not all(isinstance(a, str) for a in also):
        raise TargetsError(f"{where}: 'also' of {oid!r} must be a list of domains")
    extra = {k: v for k, v in raw.items() if k not in ("id", "name", "type", "url", "also")}
    return Organization(id=oid, name=str(raw["name"]).strip(), type=otype, url=url, also=list(also), extra=extra)


def _load_toml(path: Path, text: str) -> list[Organization]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TargetsError(f"{path}: invalid TOML: {exc}") from None
    orgs = data.get("organization")
    if not isinstance(orgs, list) or not orgs:
        raise TargetsError(f"{path}:1: no [[organization]] entries")
    seen: set[str] = set()
    out = []
    pos = 0
    for i, raw in enumerate(orgs):
        idx = text.find("[[organization]]", pos)
        line = text.count("\n", 0, idx) + 1 if idx >= 0 else 0
        pos = idx + 1 if idx >= 0 else pos
        if not isinstance(raw, dict):
            raise TargetsError(f"{path}:{line}: organization #{i + 1} is not a table")
        out.append(_validate(raw, f"{path}:{line}", seen))
    return out


def _load_csv(path: Path, text: str) -> list[Organization]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"id", "name", "url"} <= {f.strip() for f in reader.fieldnames}:
        raise TargetsError(f"{path}:1: CSV header must have id, name, url (and type)")
    seen: set[str] = set()
    out = []
    for row in reader:
        line = reader.line_num
        if None in row:
            raise TargetsError(f"{path}:{line}: row has more fields than the header")
        clean = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        out.append(_validate(clean, f"{path}:{line}", seen))
    if not out:
        raise TargetsError(f"{path}: no organizations")
    return out


def load_targets(spec: str | Path | None = None) -> list[Organization]:
    """Load a bundled list by name, or a TOML/CSV file by path."""
    name = str(spec) if spec else DEFAULT_LIST
    path = BUNDLED_LISTS.get(name, Path(name))
    if not path.is_file():
        known = ", ".join(BUNDLED_LISTS)
        raise TargetsError(f"{path}: targets file not found (bundled lists: {known})")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise TargetsError(f"{path}: cannot read: {exc}") from None
    if path.suffix.lower() == ".csv":
        return _load_csv(path, text)
    if path.suffix.lower() == ".toml":
        return _load_toml(path, text)
    raise TargetsError(f"{path}: targets must be a .toml or .csv file")
