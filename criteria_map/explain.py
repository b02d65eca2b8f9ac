"""Why a score is what it is: per criterion its outcome, weight, contribution and evidence;
and what changed between two maps. Pure reads: nothing here writes to the store."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from criteria_map.model import CriteriaMap
from criteria_map.scoring import CriterionScore, DimensionResult, ScoreSet, compute_scores, expand
from storage import Store

WORST_FIRST = {"fail": 0, "partial": 1, "review": 2, "error": 3, "pass": 4, "not_applicable": 5}
SNIPPET_KEYS = ("snippet", "text", "label", "value", "href", "sample", "selector", "status")


@dataclass
class EvidenceLine:
    criterion: str
    outcome: str
    url: str | None
    message: str
    snippet: str = ""


@dataclass
class CriterionLine:
    result: CriterionScore
    title: str
    contribution: float | None  # points on the map's scale within the dimension
    max_contribution: float
    evidence: list[EvidenceLine] = field(default_factory=list)
    evidence_total: int = 0


@dataclass
class DimensionBlock:
    dimension: str
    title: str
    score: DimensionResult | None
    criteria: list[CriterionLine]


def snippet_of(details: Any, limit: int = 160) -> str:
    if not isinstance(details, dict):
        return ""
    for key in SNIPPET_KEYS:
        v = details.get(key)
        if isinstance(v, list):
            v = v[0] if v else None
        if isinstance(v, dict):
            v = v.get("html") or v.get("target") or v.get("text")
        if v not in (None, ""):
            s = " ".join(str(v).split())
            return s if len(s) <= limit else s[: limit - 1] + "…"
    return ""


def load_results(store: Store, crawl_id: int, cmap: CriteriaMap, org_id: str,
                 stored: bool = True) -> tuple[list[CriterionScore], list[DimensionResult], bool]:
    """Stored results for (crawl, map version, org) when present, else computed in memory."""
    if stored and cmap.version in store.map_versions(crawl_id):
        rows = store.criterion_results(crawl_id, cmap.version, org_id)
        if rows:
            crit = [CriterionScore(r.org_id, r.criterion, r.dimension, r.weight, r.outcome, r.score,
                                   r.evidence_count, dict(r.details or {})) for r in rows]
            dims = [DimensionResult(d.org_id, d.dimension, d.score, d.coverage)
                    for d in store.dimension_scores(crawl_id, cmap.version) if d.org_id == org_id]
            return crit, dims, True
    result = compute_scores(store, crawl_id, cmap, [org_id])
    return ([c for c in result.criteria if c.org_id == org_id],
            [d for d in result.dimensions if d.org_id == org_id], False)


def explain(store: Store, crawl_id: int, cmap: CriteriaMap, org_id: str, dimension: str | None = None,
            per_criterion: int = 3) -> tuple[list[DimensionBlock], DimensionResult | None, bool]:
    crit_results, dim_results, stored = load_results(store, crawl_id, cmap, org_id)
    by_id = {c.criterion: c for c in crit_results}
    dims = {d.dimension: d for d in dim_results}
    present = store.scoring_criteria_present(crawl_id)
    evidence: dict[str, list[Any]] = defaultdict(list)
    for e in store.evidence(crawl_id, org_id):
        evidence[e.criterion].append(e)
    blocks: list[DimensionBlock] = []
    for did, dim in cmap.dimensions.items():
        if dimension and did != dimension:
            continue
        mine = [c for c in cmap.criteria if c.dimension == did]
        measured = sum(by_id[c.id].weight for c in mine if c.id in by_id and by_id[c.id].score is not None)
        lines: list[CriterionLine] = []
        for c in mine:
            r = by_id.get(c.id) or CriterionScore(org_id, c.id, did, c.weight, "missing", None)
            share = cmap.scale * r.weight / measured if measured else 0.0
            contribution = share * r.score if r.score is not None else None
            rows = [e for cid in expand(c, present) for e in evidence.get(cid, [])
                    if e.probe_id != "manual" and (not c.probe or e.probe_id == c.probe)
                    and (c.pages != "home" or e.is_home)]
            rows.sort(key=lambda e: (WORST_FIRST.get(e.outcome, 9), e.url or "", e.id))
            shown = [EvidenceLine(e.criterion, e.outcome, e.url, e.message, snippet_of(e.details))
                     for e in rows[:per_criterion]]
            lines.append(CriterionLine(r, c.title, contribution, share if r.score is not None else 0.0,
                                       shown, len(rows)))
        blocks.append(DimensionBlock(did, dim.title, dims.get(did), lines))
    return blocks, dims.get("overall"), stored


@dataclass
class DiffRow:
    org_id: str
    dimension: str
    before: float | None
    after: float | None
    coverage_before: float
    coverage_after: float

    @property
    def changed(self) -> bool:
        if (self.before is None) != (self.after is None):
            return True
        return (self.before is not None and self.after is not None and abs(self.before - self.after) > 1e-9) \
            or abs(self.coverage_before - self.coverage_after) > 1e-9


def ranking(dims: list[DimensionResult]) -> dict[str, int]:
    """Rank by overall score (1 = best); organisations without a score come last, ties share a rank."""
    overall = sorted(((d.score, d.org_id) for d in dims if d.dimension == "overall"),
                     key=lambda t: (t[0] is None, -(t[0] or 0.0), t[1]))
    ranks: dict[str, int] = {}
    prev: float | None = None
    rank = 0
    for i, (score, org) in enumerate(overall, start=1):
        if score is None or prev is None or abs(score - prev) > 1e-9:
            rank = i
        prev = score
        ranks[org] = rank
    return ranks


def diff(a: list[DimensionResult], b: list[DimensionResult]) -> list[DiffRow]:
    index_a = {(d.org_id, d.dimension): d for d in a}
    index_b = {(d.org_id, d.dimension): d for d in b}
    rows = []
    for key in sorted(set(index_a) | set(index_b)):
        da, db = index_a.get(key), index_b.get(key)
        rows.append(DiffRow(key[0], key[1], da.score if da else None, db.score if db else None,
                            da.coverage if da else 0.0, db.coverage if db else 0.0))
    return rows


def stored_dimensions(store: Store, crawl_id: int, version: str) -> list[DimensionResult]:
    return [DimensionResult(d.org_id, d.dimension, d.score, d.coverage)
            for d in store.dimension_scores(crawl_id, version)]


def scores_for(store: Store, crawl_id: int, cmap: CriteriaMap) -> ScoreSet:
    return compute_scores(store, crawl_id, cmap)
