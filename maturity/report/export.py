"""CSV and JSON exports of the numbers the pages show (0–5, decimal point).

Text cells that a spreadsheet would read as a formula (=, +, -, @) get a leading
apostrophe: organisation names come from target lists anyone can edit.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from maturity.report.model import ReportData, as_dict


def _cell(v: Any) -> Any:
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return "" if v is None else v


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        out.writerows([[_cell(v) for v in r] for r in rows])


def write_exports(data: ReportData, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    payload = as_dict(data)
    (out / "scores.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    dims = data.dimensions
    _write_csv(out / "scores.csv",
               ["rank", "id", "name", "type", "overall", *dims, "change_overall", *(f"change_{d}" for d in dims),
                "coverage", "previous_crawl", "crawl", "map_version"],
               [[o["rank"], o["id"], o["name"], o["type"], o["overall"], *(o["dimensions"][d] for d in dims),
                 o["change"]["overall"], *(o["change"][d] for d in dims), o["coverage"]["overall"],
                 o["previous_crawl"], payload["crawl"], payload["map_version"]] for o in payload["organizations"]])
    _write_csv(out / "criteria.csv", ["org_id", "criterion", "dimension", "weight", "outcome", "score_0_1"],
               [[o["id"], c["criterion"], c["dimension"], c["weight"], c["outcome"], c["score"]]
                for o in payload["organizations"] for c in o["criteria"]])
    rows = []
    for c in data.trend_crawls:
        scores = data.scores.get(c.id)
        for org in data.orgs:
            vals = [scores.score(org.id, d) for d in ["overall", *dims]]
            if all(v is None for v in vals):
                continue
            rows.append([c.id, c.started_at.isoformat() if c.started_at else "", org.id,
                         *(None if v is None else round(v * data.scale, 2) for v in vals)])
    _write_csv(out / "trend.csv", ["crawl", "started_at", "org_id", "overall", *dims], rows)
