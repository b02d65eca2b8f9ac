"""Load and validate a criteria map (TOML); every problem is reported as FILE:LINE: message.

tomllib keeps no positions, so `SourceIndex` scans the text for the table headers and keys
the parsed data came from: the n-th `[[criteria]]` block, a `[dimensions.x]` header, a
`key = ` line inside a block. Everything is validated before anything is used, so a map
with a typo never scores a single organisation.
"""

from __future__ import annotations

import math
import re
import tomllib
from pathlib import Path
from typing import Any

from criteria_map.catalog import Catalog, probes_for, registry_catalog
from criteria_map.model import (
    OUTCOME_KEYS,
    PAGE_MODES,
    CriteriaMap,
    Criterion,
    DetailsRule,
    Dimension,
    MapError,
    Thresholds,
)

MAPS_DIR = Path(__file__).parent / "maps"
DEFAULT_VERSION = "2026.1"

TOP_KEYS = {"version", "scale", "title", "description", "dimensions", "criteria"}
DIM_KEYS = {"title", "title_en", "description"}
CRIT_KEYS = {"id", "title", "title_en", "dimension", "weight", "pages", "source", "evidence", "probe",
             "evidence_weights", "outcome_scores", "details", "thresholds", "description", "wcag"}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
DIM_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
VERSION_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def default_map_path() -> Path:
    return MAPS_DIR / f"{DEFAULT_VERSION}.toml"


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class SourceIndex:
    """Line numbers for parsed TOML: headers, their blocks, and the keys within them."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: list[tuple[int, bool, str]] = []  # (line, is_array, dotted name)
        in_multi: str | None = None
        self.code: list[bool] = []
        for i, line in enumerate(self.lines, start=1):
            is_code = in_multi is None
            for q in ('"""', "'''"):
                if line.count(q) % 2 == 1 and (in_multi is None or in_multi == q):
                    in_multi = None if in_multi == q else q
            self.code.append(is_code)
            if not is_code:
                continue
            m = _HEADER.match(line)
            if m:
                name = re.sub(r"\s*\.\s*", ".", m.group(2)).replace('"', "").replace("'", "")
                self.headers.append((i, m.group(1) == "[[", name))

    def block(self, start: int, own: str) -> tuple[int, int]:
        """Lines [start, end) of a table, including its sub-tables (`[criteria.evidence]`)."""
        end = len(self.lines) + 1
        for line, _arr, name in self.headers:
            if line > start and not name.startswith(own + "."):
                end = line
                break
        return start, end

    def key_line(self, start: int, end: int, key: str) -> int | None:
        pat = re.compile(rf"^\s*(\"{re.escape(key)}\"|{re.escape(key)})\s*=")
        for i in range(start, min(end, len(self.lines) + 1)):
            if self.code[i - 1] and pat.match(self.lines[i - 1]):
                return i
        return None

    def top_key(self, key: str) -> int:
        first = self.headers[0][0] if self.headers else len(self.lines) + 1
        return self.key_line(1, first, key) or self.header_line(key) or 1

    def header_line(self, name: str, nth: int = 0, array: bool | None = None) -> int | None:
        seen = 0
        for line, arr, hname in self.headers:
            if hname == name and (array is None or arr == array):
                if seen == nth:
                    return line
                seen += 1
        return None

    def criterion_block(self, nth: int) -> tuple[int, int]:
        start = self.header_line("criteria", nth, array=True)
        if start is None:
            line = self.top_key("criteria")
            return line, line + 1
        return self.block(start, "criteria")

    def dimension_line(self, dim: str, key: str | None = None) -> int:
        start = self.header_line(f"dimensions.{dim}")
        if start is None:
            line = self.header_line("dimensions")
            if line is not None:
                s, e = self.block(line, "dimensions")
                return self.key_line(s, e, dim) or line
            return self.top_key("dimensions")
        if key:
            s, e = self.block(start, f"dimensions.{dim}")
            return self.key_line(s, e, key) or start
        return start


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


class _Loader:
    def __init__(self, path: Path, text: str, catalog: Catalog | None, broken: list[str]) -> None:
        self.path, self.where = path, display_path(path)
        self.src = SourceIndex(text)
        self.catalog, self.broken = catalog, broken

    def fail(self, line: int | None, msg: str) -> MapError:
        return MapError(f"{self.where}:{line or 1}: {msg}")

    def load(self, data: dict[str, Any]) -> CriteriaMap:
        for key in data:
            if key not in TOP_KEYS:
                raise self.fail(self.src.top_key(key), f"unknown key {key!r} (expected one of {', '.join(sorted(TOP_KEYS))})")
        version = data.get("version")
        if not isinstance(version, str) or not VERSION_RE.match(version):
            raise self.fail(self.src.top_key("version"),
                            "version must be a string of letters, digits, '.', '_' or '-' (at most 40), e.g. \"2026.1\"")
        scale = data.get("scale", 5)
        if not _number(scale) or scale <= 0:
            raise self.fail(self.src.top_key("scale"), f"scale must be a positive number, not {scale!r}")
        dims = self._dimensions(data.get("dimensions"))
        raw = data.get("criteria")
        if not isinstance(raw, list) or not raw:
            raise self.fail(self.src.top_key("criteria"), "a map needs at least one [[criteria]] table")
        criteria: list[Criterion] = []
        seen: dict[str, int] = {}
        for n, item in enumerate(raw):
            crit = self._criterion(n, item, dims)
            if crit.id in seen:
                raise self.fail(crit.line, f"duplicate criterion id {crit.id!r} (first defined on line {seen[crit.id]})")
            seen[crit.id] = crit.line
            criteria.append(crit)
        return CriteriaMap(version=version, scale=float(scale), dimensions=dims, criteria=criteria,
                           path=self.path, title=str(data.get("title", "")))

    def _dimensions(self, raw: Any) -> dict[str, Dimension]:
        if not isinstance(raw, dict) or not raw:
            raise self.fail(self.src.top_key("dimensions"), "a map needs at least one [dimensions.<id>] table")
        dims: dict[str, Dimension] = {}
        for did, body in raw.items():
            line = self.src.dimension_line(did)
            if not DIM_RE.match(did) or did == "overall":
                raise self.fail(line, f"bad dimension id {did!r} (lower-case letters, digits, '-', '_'; not 'overall')")
            if not isinstance(body, dict):
                raise self.fail(line, f"dimension {did!r} must be a table with a title")
            for key in body:
                if key not in DIM_KEYS:
                    raise self.fail(self.src.dimension_line(did, key), f"unknown key {key!r} in dimension {did!r}")
            title = body.get("title")
            if not isinstance(title, str) or not title.strip():
                raise self.fail(line, f"dimension {did!r} needs a title")
            dims[did] = Dimension(id=did, title=title, title_en=str(body.get("title_en", title)),
                                  description=str(body.get("description", "")))
        return dims

    def _criterion(self, n: int, item: Any, dims: dict[str, Dimension]) -> Criterion:
        start, end = self.src.criterion_block(n)

        def at(key: str) -> int:
            return self.src.key_line(start, end, key) or start

        if not isinstance(item, dict):
            raise self.fail(start, "each criteria entry must be a table")
        cid = item.get("id")
        if not isinstance(cid, str) or not ID_RE.match(cid) or len(cid) > 200:
            raise self.fail(at("id"), f"criterion needs an id of lower-case letters, digits, '.', '-', '_' (got {cid!r})")
        for key in item:
            if key not in CRIT_KEYS:
                raise self.fail(at(key), f"unknown key {key!r} in criterion {cid!r}")
        for key in ("title", "title_en", "source"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise self.fail(at(key) if key in item else start, f"criterion {cid!r} needs a non-empty {key}")
        dim = item.get("dimension")
        if dim not in dims:
            raise self.fail(at("dimension"), f"unknown dimension {dim!r} in criterion {cid!r}"
                            f" (the map defines {', '.join(dims)})")
        weight: Any = item.get("weight")
        if not _number(weight) or weight <= 0:
            raise self.fail(at("weight"), f"bad weight {weight!r} in criterion {cid!r}: must be a number > 0")
        pages = item.get("pages", "any")
        if pages not in PAGE_MODES:
            raise self.fail(at("pages"), f"bad pages {pages!r} in criterion {cid!r}: one of {', '.join(PAGE_MODES)}")
        probe, evidence, ev_weights = self._evidence(cid, item, at)
        return Criterion(
            id=cid, title=item["title"], title_en=item["title_en"], dimension=dim, weight=float(weight),
            pages=pages, source=item["source"], evidence=evidence, probe=probe, evidence_weights=ev_weights,
            outcome_scores=self._outcome_scores(cid, item.get("outcome_scores"), at("outcome_scores")),
            details=self._details(cid, item.get("details"), at("details")),
            thresholds=self._thresholds(cid, item.get("thresholds"), at("thresholds")),
            description=str(item.get("description", "")), wcag=str(item.get("wcag", "")), line=at("id"))

    def _evidence(self, cid: str, item: dict[str, Any], at: Any) -> tuple[str | None, tuple[str, ...], dict[str, float]]:
        raw = item.get("evidence", cid)
        probe = item.get("probe")
        weights_raw = item.get("evidence_weights", {})
        line = at("evidence")
        if isinstance(raw, dict):
            for key in raw:
                if key not in ("criteria", "probe", "weights"):
                    raise self.fail(self.src.key_line(line, line + 50, key) or line,
                                    f"unknown key {key!r} in the evidence of {cid!r} (criteria, probe, weights)")
            probe = raw.get("probe", probe)
            weights_raw = raw.get("weights", weights_raw)
            raw = raw.get("criteria")
        sels = [raw] if isinstance(raw, str) else raw
        if not isinstance(sels, list) or not sels or not all(isinstance(s, str) and s for s in sels):
            raise self.fail(line, f"evidence of {cid!r} must be a criterion id, a glob, or a list of them")
        if len(set(sels)) != len(sels):
            raise self.fail(line, f"evidence of {cid!r} names the same criterion twice")
        if probe is not None and not isinstance(probe, str):
            raise self.fail(at("probe"), f"probe of {cid!r} must be a probe id")
        if self.catalog is not None:
            if probe is not None and probe not in self.catalog:
                raise self.fail(at("probe") if "probe" in item else line, f"unknown probe {probe!r} in criterion {cid!r}"
                                + self._why())
            for sel in sels:
                if not probes_for(sel, self.catalog, probe):
                    who = f"probe {probe!r}" if probe else "any probe"
                    raise self.fail(self._selector_line(line, sel),
                                    f"unknown criterion {sel!r} in the evidence of {cid!r}: {who} declares no such criterion"
                                    + self._why())
        if not isinstance(weights_raw, dict):
            raise self.fail(at("evidence_weights"), f"evidence_weights of {cid!r} must be a table")
        weights: dict[str, float] = {}
        for key, w in weights_raw.items():
            wl = self._selector_line(at("evidence_weights") if "evidence_weights" in item else line, key)
            if key not in sels:
                raise self.fail(wl, f"evidence weight for {key!r} in {cid!r}, which the criterion does not read")
            if not _number(w) or w <= 0:
                raise self.fail(wl, f"bad evidence weight {w!r} for {key!r} in {cid!r}: must be a number > 0")
            weights[key] = float(w)
        return probe, tuple(sels), weights

    def _selector_line(self, line: int, sel: str) -> int:
        """The line where a selector is written (lists may span lines)."""
        needle = f'"{sel}"'
        for i in range(line, min(line + 200, len(self.src.lines) + 1)):
            if needle in self.src.lines[i - 1]:
                return i
        return line

    def _why(self) -> str:
        return f" (probes that failed to load: {'; '.join(self.broken)})" if self.broken else ""

    def _outcome_scores(self, cid: str, raw: Any, line: int) -> dict[str, float]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            raise self.fail(line, f"outcome_scores of {cid!r} must be a table like {{ pass = 1, partial = 0.5, fail = 0 }}")
        for key, v in raw.items():
            if key not in OUTCOME_KEYS:
                raise self.fail(line, f"outcome_scores of {cid!r}: {key!r} is not one of {', '.join(OUTCOME_KEYS)}"
                                " (review, not_applicable and error never score)")
            if not _number(v) or not 0 <= v <= 1:
                raise self.fail(line, f"outcome_scores of {cid!r}: {key} = {v!r} is not a number in 0..1")
        return {k: float(v) for k, v in raw.items()}

    def _details(self, cid: str, raw: Any, line: int) -> DetailsRule | None:
        if raw is None:
            return None
        if not isinstance(raw, dict) or not isinstance(raw.get("key"), str) or not isinstance(raw.get("scores"), dict) \
                or set(raw) - {"key", "scores"}:
            raise self.fail(line, f"details of {cid!r} must be {{ key = \"...\", scores = {{ value = score, ... }} }}")
        for k, v in raw["scores"].items():
            if not _number(v) or not 0 <= v <= 1:
                raise self.fail(line, f"details scores of {cid!r}: {k} = {v!r} is not a number in 0..1")
        return DetailsRule(key=raw["key"], scores={str(k): float(v) for k, v in raw["scores"].items()})

    def _thresholds(self, cid: str, raw: Any, line: int) -> Thresholds | None:
        if raw is None:
            return None
        ok = isinstance(raw, dict) and "pass" in raw and not set(raw) - {"pass", "partial"} \
            and all(_number(v) and 0 <= v <= 1 for v in raw.values())
        if not ok or ("partial" in raw and raw["partial"] > raw["pass"]):
            raise self.fail(line, f"thresholds of {cid!r} must be {{ pass = 0..1, partial = 0..pass }}")
        return Thresholds(pass_at=float(raw["pass"]),
                          partial_at=float(raw["partial"]) if "partial" in raw else None)


def load_map(path: str | Path | None = None, *, catalog: Catalog | None = None, check_probes: bool = True) -> CriteriaMap:
    """Load and validate a map (None = the default map). Evidence selectors are checked
    against the probes' declared criteria (the registry, unless `catalog` is given)."""
    p = Path(path) if path is not None else default_map_path()
    where = display_path(p)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MapError(f"{where}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MapError(f"{where}:0: cannot read: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise MapError(f"{where}:{m.group(1) if m else 1}: TOML syntax: {msg}") from None
    broken: list[str] = []
    if catalog is None and check_probes:
        catalog, broken = registry_catalog()
    return _Loader(p, text, catalog if check_probes else None, broken).load(data)


def find_map(version_or_path: str) -> Path | None:
    """A map file named by path, or by version among the bundled maps."""
    p = Path(version_or_path)
    if p.suffix == ".toml" or p.exists():
        return p
    for candidate in sorted(MAPS_DIR.glob("*.toml")):
        if candidate.stem == version_or_path:
            return candidate
        try:
            with candidate.open("rb") as fh:
                if tomllib.load(fh).get("version") == version_or_path:
                    return candidate
        except (OSError, tomllib.TOMLDecodeError):
            continue
    return None
