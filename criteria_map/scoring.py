"""Evidence + map → criterion results and dimension scores. Crawl-time scoring and `rescore`
are this one function; it reads stored evidence only, never the network.

A map criterion reads one or more evidence criteria. Each record becomes 0..1 (pass = 1,
partial = its score or 0.5, fail = 0, unless the map says otherwise); per evidence
criterion the records are reduced by the page rule — share: their mean (the share of
pages that pass), any: the best, all: the worst, home: the home page's — and evidence
criteria are combined by their weights (axe impact, the way Lighthouse weighs audits).
review / not_applicable / error records carry no score: a criterion with nothing scored is
`review`, `not_applicable` (weighs 0) or `missing` (left out of the mean, and lowering the
dimension's coverage) — never a pass. The evidence is grouped in SQL first, so the cost
does not grow with the number of records held in Python.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

from criteria_map.model import CriteriaMap, Criterion
from storage import Store

VERDICT_SCORES = {"pass": 1.0, "partial": 0.5, "fail": 0.0}
OVERRIDABLE = ("review", "missing")  # automated outcomes a person's verdict replaces
DIGITS = 6


@dataclass
class CriterionScore:
    org_id: str
    criterion: str
    dimension: str
    weight: float
    outcome: str  # pass | fail | partial | review | not_applicable | missing
    score: float | None
    evidence_count: int = 0
    details: dict[str, Any] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        return {"org_id": self.org_id, "criterion": self.criterion, "dimension": self.dimension,
                "weight": self.weight, "outcome": self.outcome, "score": self.score,
                "evidence_count": self.evidence_count, "details": self.details}


@dataclass
class DimensionResult:
    org_id: str
    dimension: str  # a dimension id or "overall"
    score: float | None  # 0..1
    coverage: float  # share of the (applicable) weight that was measured

    def row(self) -> dict[str, Any]:
        return {"org_id": self.org_id, "dimension": self.dimension, "score": self.score, "coverage": self.coverage}


@dataclass
class ScoreSet:
    crawl_id: int
    map_version: str
    org_ids: list[str]
    criteria: list[CriterionScore]
    dimensions: list[DimensionResult]

    def dimension(self, org_id: str, dim: str) -> DimensionResult | None:
        for d in self.dimensions:
            if d.org_id == org_id and d.dimension == dim:
                return d
        return None


@dataclass
class _Part:
    """One evidence criterion's scored records for one (organisation, map criterion)."""

    n: int = 0
    total: float = 0.0
    low: float = 1.0
    high: float = 0.0

    def add(self, n: int, total: float, low: float, high: float) -> None:
        self.n += n
        self.total += total
        self.low = min(self.low, low)
        self.high = max(self.high, high)


@dataclass
class _Agg:
    """Per (organisation, map criterion): its evidence criteria's parts and the outcomes."""

    parts: dict[str, _Part] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return sum(self.counts.values())

    @property
    def scored(self) -> int:
        return sum(p.n for p in self.parts.values())


OUTCOME_ORDER = ("pass", "partial", "fail", "review", "not_applicable", "error")


def _is_glob(pattern: str) -> bool:
    return any(ch in pattern for ch in "*?[")


def expand(crit: Criterion, present: Iterable[str]) -> list[str]:
    """Concrete evidence criterion ids of a crawl that a map criterion reads."""
    have = present if isinstance(present, set | frozenset) else set(present)
    found = {p for p in crit.evidence if not _is_glob(p) and p in have}
    globs = [p for p in crit.evidence if _is_glob(p)]
    if globs:
        found |= {c for c in have for pat in globs if fnmatchcase(c, pat)}
    return sorted(found)


def _weight_for(crit: Criterion, concrete: str) -> float:
    w = crit.evidence_weights.get(concrete)
    if w is not None:
        return w
    for pat, pw in crit.evidence_weights.items():
        if _is_glob(pat) and fnmatchcase(concrete, pat):
            return pw
    return 1.0


def record_value(crit: Criterion, outcome: str, score: float | None, details: Any) -> float | None:
    """A record's 0..1 value under a criterion (the rule the grouped path applies in bulk)."""
    if outcome not in VERDICT_SCORES:
        return None
    if crit.details is not None and isinstance(details, dict):
        v = details.get(crit.details.key)
        if isinstance(v, str | int | float | bool) and str(v) in crit.details.scores:
            return crit.details.scores[str(v)]
    if outcome in crit.outcome_scores:
        return crit.outcome_scores[outcome]
    return score if score is not None else VERDICT_SCORES[outcome]


_Summary = tuple[str, str, bool, dict[str, int], _Part]  # org, probe, is_home, outcome counts, scored part


def _summaries(rows: Iterable[tuple[Any, ...]]) -> dict[str, list[_Summary]]:
    """Per evidence criterion, one summary per (org, probe, home or not) under the default
    outcome scores — computed once, shared by every map criterion that reads it."""
    acc: dict[tuple[str, str, str, bool], tuple[dict[str, int], _Part]] = {}
    for org, crit, probe, is_home, outcome, n, n_scored, total, low, high in rows:
        counts, part = acc.setdefault((crit, org, probe, bool(is_home)), ({}, _Part()))
        counts[outcome] = counts.get(outcome, 0) + n
        if n_scored and outcome in VERDICT_SCORES:  # the query counts an unscored pass as 1, etc.
            part.add(n_scored, float(total), float(low), float(high))
    out: dict[str, list[_Summary]] = defaultdict(list)
    for (crit, org, probe, home), (counts, part) in sorted(acc.items()):
        out[crit].append((org, probe, home, counts, part))
    return out


def _fixed_rows(crit: Criterion, rows: Iterable[tuple[Any, ...]]) -> list[_Summary]:
    """Summaries under a criterion's own outcome_scores (rare: computed per criterion)."""
    out: list[_Summary] = []
    for org, _c, probe, is_home, outcome, n, n_scored, total, low, high in rows:
        part = _Part()
        value = crit.outcome_scores.get(outcome, VERDICT_SCORES.get(outcome))
        if outcome in crit.outcome_scores and value is not None:
            part.add(n, value * n, value, value)
        elif value is not None and n_scored:
            part.add(n_scored, float(total), float(low), float(high))
        out.append((org, probe, bool(is_home), {outcome: n}, part))
    return out


def _grouped(store: Store, crawl_id: int, cmap: CriteriaMap, org_ids: Sequence[str] | None,
             present: set[str]) -> dict[tuple[str, int], _Agg]:
    """Aggregates from the grouped evidence counts (criteria without a details rule)."""
    raw = store.scoring_counts(crawl_id, org_ids)
    summaries = _summaries(raw)
    by_crit: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    if any(c.outcome_scores for c in cmap.criteria):
        for row in raw:
            by_crit[row[1]].append(row)
    out: dict[tuple[str, int], _Agg] = {}
    for idx, crit in enumerate(cmap.criteria):
        if crit.details is not None:
            continue
        for concrete in expand(crit, present):
            items = _fixed_rows(crit, by_crit[concrete]) if crit.outcome_scores else summaries.get(concrete, ())
            for org, probe, is_home, counts, part in items:
                if (crit.probe and probe != crit.probe) or (crit.pages == "home" and not is_home):
                    continue
                agg = out.get((org, idx))
                if agg is None:
                    agg = out[(org, idx)] = _Agg()
                for k, v in counts.items():
                    agg.counts[k] = agg.counts.get(k, 0) + v
                if part.n:
                    mine = agg.parts.get(concrete)
                    if mine is None:
                        agg.parts[concrete] = mine = _Part()
                    mine.add(part.n, part.total, part.low, part.high)
    return out


def _by_record(store: Store, crawl_id: int, cmap: CriteriaMap, org_ids: Sequence[str] | None,
               present: set[str]) -> dict[tuple[str, int], _Agg]:
    """Aggregates from the records themselves (criteria with a details rule: few records)."""
    out: dict[tuple[str, int], _Agg] = {}
    for idx, crit in enumerate(cmap.criteria):
        if crit.details is None:
            continue
        for e in store.scoring_rows(crawl_id, expand(crit, present), org_ids):
            if (crit.probe and e.probe_id != crit.probe) or (crit.pages == "home" and not e.is_home):
                continue
            agg = out.setdefault((e.org_id, idx), _Agg())
            agg.counts[e.outcome] = agg.counts.get(e.outcome, 0) + 1
            v = record_value(crit, e.outcome, e.score, e.details)
            if v is not None:
                agg.parts.setdefault(e.criterion, _Part()).add(1, v, v, v)
    return out


def judge(crit: Criterion, agg: _Agg | None) -> tuple[str, float | None]:
    """A criterion's outcome and 0..1 score from its aggregated evidence.

    Per evidence criterion, its records' mean (share), best (any) or worst (all) value;
    then across evidence criteria, their weighted mean (share, home), best or worst. For an
    axe success criterion this is, per rule, the share of pages free of violations,
    weighted by the rule's impact."""
    if agg is None:
        return "missing", None
    parts = [(_weight_for(crit, c), p) for c, p in sorted(agg.parts.items()) if p.n]
    if parts:
        if crit.pages == "any":
            s = max(p.high for _, p in parts)
        elif crit.pages == "all":
            s = min(p.low for _, p in parts)
        else:
            s = sum(w * p.total / p.n for w, p in parts) / sum(w for w, _ in parts)
        if crit.thresholds is not None:
            s = crit.thresholds.apply(s)
        s = min(1.0, max(0.0, round(s, DIGITS)))
        return ("pass" if s >= 1.0 else "fail" if s <= 0.0 else "partial"), s
    if agg.counts.get("review"):
        return "review", None
    if agg.counts.get("not_applicable") and not agg.counts.get("error"):
        return "not_applicable", None
    return "missing", None


def fingerprint(rows: Iterable[Any], crit: Criterion) -> dict[str, str]:
    """A digest per evidence criterion of what automation found, so a verdict can tell
    whether a later crawl changed the evidence it was made on."""
    parts: dict[str, list[str]] = defaultdict(list)
    for e in rows:
        if crit.probe and e.probe_id != crit.probe:
            continue
        score = "" if e.score is None else f"{float(e.score):.{DIGITS}f}"
        parts[e.criterion].append(f"{e.url or ''}\x1f{e.outcome}\x1f{score}")
    return {k: hashlib.sha1("\x1e".join(sorted(v)).encode()).hexdigest()[:16] for k, v in sorted(parts.items())}


def _apply_verdicts(store: Store, crawl_id: int, cmap: CriteriaMap, results: dict[tuple[str, str], CriterionScore],
                    present: set[str], org_ids: Sequence[str]) -> None:
    by_crit = {c.id: c for c in cmap.criteria}
    seen: set[tuple[str, str]] = set()
    for v in store.scoring_verdicts(crawl_id, org_ids):  # newest first
        key = (v.org_id, v.criterion)
        res = results.get(key)
        crit = by_crit.get(v.criterion)
        if res is None or crit is None or key in seen or v.outcome not in VERDICT_SCORES:
            continue
        info = {"outcome": v.outcome, "author": v.author, "note": v.message, "url": v.url,
                "at": v.created_at.isoformat() if v.created_at else None, "crawl_id": v.crawl_id, "evidence_id": v.id}
        if res.outcome not in OVERRIDABLE:
            seen.add(key)
            res.details["manual_not_applied"] = {**info, "reason": f"automated outcome {res.outcome} is decisive"}
            continue
        made_on = (v.details or {}).get("fingerprint", {})
        now = fingerprint(store.scoring_rows(crawl_id, expand(crit, present), [v.org_id]), crit)
        if made_on != now:
            res.details.setdefault("manual_lapsed", {**info, "reason": "the evidence changed since the verdict"})
            continue
        seen.add(key)
        res.details["manual"] = info
        res.details["automated"] = res.outcome
        res.outcome, res.score = v.outcome, VERDICT_SCORES[v.outcome]


def _dimensions(cmap: CriteriaMap, org: str, results: list[CriterionScore]) -> list[DimensionResult]:
    out: list[DimensionResult] = []
    for dim in cmap.dimensions:
        mine = [r for r in results if r.dimension == dim]
        applicable = sum(r.weight for r in mine if r.outcome != "not_applicable")
        measured = [r for r in mine if r.score is not None]
        wsum = sum(r.weight for r in measured)
        score = round(sum(r.weight * (r.score or 0.0) for r in measured) / wsum, DIGITS) if wsum else None
        out.append(DimensionResult(org, dim, score, round(wsum / applicable, DIGITS) if applicable else 0.0))
    scored = [d.score for d in out if d.score is not None]
    overall = round(sum(scored) / len(scored), DIGITS) if scored else None
    coverage = round(sum(d.coverage for d in out) / len(out), DIGITS) if out else 0.0
    out.append(DimensionResult(org, "overall", overall, coverage))
    return out


def compute_scores(store: Store, crawl_id: int, cmap: CriteriaMap, org_ids: list[str] | None = None) -> ScoreSet:
    """Scores of a crawl under a map, without writing anything."""
    orgs = store.scoring_org_ids(crawl_id)
    if org_ids is not None:
        wanted = set(org_ids)
        orgs = [o for o in orgs if o in wanted] + sorted(wanted - set(orgs))
    present = set(store.scoring_criteria_present(crawl_id))
    aggs = _grouped(store, crawl_id, cmap, org_ids, present)
    aggs.update(_by_record(store, crawl_id, cmap, org_ids, present))
    results: dict[tuple[str, str], CriterionScore] = {}
    for org in orgs:
        for idx, crit in enumerate(cmap.criteria):
            agg = aggs.get((org, idx))
            outcome, score = judge(crit, agg)
            details: dict[str, Any] = {}
            if agg is not None:
                details = {"counts": agg.counts, "scored": agg.scored}
            results[(org, crit.id)] = CriterionScore(org, crit.id, crit.dimension, crit.weight, outcome, score,
                                                     agg.n if agg else 0, details)
    _apply_verdicts(store, crawl_id, cmap, results, present, orgs)
    criteria = list(results.values())
    dims: list[DimensionResult] = []
    per_org: dict[str, list[CriterionScore]] = defaultdict(list)
    for r in criteria:
        per_org[r.org_id].append(r)
    for org in orgs:
        dims.extend(_dimensions(cmap, org, per_org[org]))
    return ScoreSet(crawl_id, cmap.version, orgs, criteria, dims)


def score_crawl(store: Store, crawl_id: int, cmap: CriteriaMap, org_ids: list[str] | None = None) -> None:
    """Compute and store a crawl's scores under a map; earlier map versions stay side by side.
    With `org_ids`, only those organisations' rows are replaced."""
    result = compute_scores(store, crawl_id, cmap, org_ids)
    crit_rows = [r.row() for r in result.criteria]
    dim_rows = [d.row() for d in result.dimensions]
    store.replace_org_scores(crawl_id, cmap.version, None if org_ids is None else result.org_ids, crit_rows, dim_rows)


def canonical(details: dict[str, Any]) -> str:
    """Stable JSON (for tests that compare stored details)."""
    return json.dumps(details, sort_keys=True, default=str)
