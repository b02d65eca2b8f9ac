"""A person's judgement recorded as evidence (probe `manual`), with who and when.

A verdict is attached to the organisation's latest crawl and carries a fingerprint of the
automated evidence it was made on; scoring applies it in place of a `review` or `missing`
result for as long as a crawl's evidence for that criterion has the same fingerprint.
"""

from __future__ import annotations

import csv
import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from criteria_map.model import CriteriaMap
from criteria_map.scoring import VERDICT_SCORES, expand, fingerprint
from storage import Store

CSV_COLUMNS = ("org", "criterion", "verdict", "note", "url", "author")


class VerdictError(ValueError):
    """A verdict that cannot be recorded; the message says why (with FILE:LINE for CSV)."""


@dataclass
class Verdict:
    org_id: str
    criterion: str
    outcome: str
    note: str
    url: str | None = None
    author: str | None = None


def default_author() -> str:
    try:
        return os.environ.get("MATURITY_AUTHOR") or getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def known_org(store: Store, org_id: str) -> bool:
    return bool(store.organizations([org_id])) or bool(store.scoring_crawls_of(org_id))


def check(store: Store, cmap: CriteriaMap, v: Verdict) -> str | None:
    """What is wrong with a verdict, or None."""
    if v.outcome not in VERDICT_SCORES:
        return f"verdict must be pass, fail or partial, not {v.outcome!r}"
    if cmap.criterion(v.criterion) is None:
        return f"unknown criterion {v.criterion!r} in criteria map {cmap.version} (`maturity criteria list`)"
    if not v.note.strip():
        return "a verdict needs a note saying what was checked"
    if v.url and not v.url.startswith(("http://", "https://")):
        return f"--url must be an http(s) URL, not {v.url!r}"
    if not known_org(store, v.org_id):
        return f"unknown organisation {v.org_id!r} (not in this database)"
    return None


def record(store: Store, cmap: CriteriaMap, verdicts: list[Verdict]) -> list[tuple[str, int | None]]:
    """Store verdicts (already checked); returns (org, crawl) pairs they were attached to."""
    touched: list[tuple[str, int | None]] = []
    for v in verdicts:
        crit = cmap.criterion(v.criterion)
        assert crit is not None
        crawls = store.scoring_crawls_of(v.org_id)
        crawl_id = crawls[-1] if crawls else None
        made_on: dict[str, str] = {}
        if crawl_id is not None:
            present = store.scoring_criteria_present(crawl_id)
            made_on = fingerprint(store.scoring_rows(crawl_id, expand(crit, present), [v.org_id]), crit)
        store.add_evidence(crawl_id, v.org_id, [{
            "probe_id": "manual", "probe_version": "1", "criterion": v.criterion, "outcome": v.outcome,
            "score": VERDICT_SCORES[v.outcome], "message": v.note.strip(), "url": v.url,
            "author": v.author or default_author(),
            "details": {"fingerprint": made_on, "map_version": cmap.version},
        }])
        if (v.org_id, crawl_id) not in touched:
            touched.append((v.org_id, crawl_id))
    return touched


def read_csv(path: Path, store: Store, cmap: CriteriaMap) -> list[Verdict]:
    """Parse and check a whole file before anything is written: columns org, criterion,
    verdict, note and optionally url, author."""
    where = str(path)
    try:
        fh = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise VerdictError(f"{where}:0: cannot read: {exc}") from None
    with fh:
        reader = csv.DictReader(fh)
        header = [h.strip().lower() for h in reader.fieldnames or []]
        missing = [c for c in CSV_COLUMNS[:4] if c not in header]
        if missing:
            raise VerdictError(f"{where}:1: missing column(s) {', '.join(missing)} "
                               f"(expected {', '.join(CSV_COLUMNS)})")
        unknown = [h for h in header if h not in CSV_COLUMNS]
        if unknown:
            raise VerdictError(f"{where}:1: unknown column(s) {', '.join(unknown)}")
        out: list[Verdict] = []
        for row in reader:
            line = reader.line_num
            r = {(k or "").strip().lower(): (val or "").strip() for k, val in row.items() if k is not None}
            if not any(r.values()):
                continue
            v = Verdict(org_id=r.get("org", ""), criterion=r.get("criterion", ""), outcome=r.get("verdict", "").lower(),
                        note=r.get("note", ""), url=r.get("url") or None, author=r.get("author") or None)
            problem = check(store, cmap, v)
            if problem:
                raise VerdictError(f"{where}:{line}: {problem}")
            out.append(v)
    if not out:
        raise VerdictError(f"{where}:1: no verdicts in the file")
    return out
