"""What changed for an organisation since its previous crawl, and why.

A score can move for three reasons, and a reader must be able to tell them apart:
the site changed, a probe was improved (its version differs between the crawls), or the
criteria map changed. Both crawls are scored under the report's map, so the
crawl-to-crawl difference holds the first two; the map's own effect is the difference
between the previous crawl under the new map and under the map it was first scored with.
A criterion whose probes ran at different versions in the two crawls is attributed to
the probe; otherwise to the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from criteria_map.model import Criterion
from criteria_map.scoring import CriterionScore, expand

if TYPE_CHECKING:
    from maturity.report.model import OrgRow, ReportData
    from storage.models import Evidence

MIN_DELTA = 0.05  # on the 0–5 scale: smaller moves are rounding noise in a one-decimal table


@dataclass
class CriterionChange:
    criterion: str
    title: str
    before: str
    after: str
    impact: float  # weight × score change, for ordering
    probes: list[tuple[str, str, str]] = field(default_factory=list)  # (probe, old version, new version)


@dataclass
class DimensionChange:
    dimension: str
    delta: float  # on the map's scale
    criteria: list[CriterionChange]


@dataclass
class MapChange:
    old: str
    new: str
    deltas: dict[str, float]  # dimension (and "overall") → effect on the scale


@dataclass
class Changes:
    prev_crawl: int | None
    dimensions: list[DimensionChange]
    map_change: MapChange | None


def probe_versions(rows: list[Evidence], crit: Criterion) -> dict[str, str]:
    """Probe id → version of the evidence a map criterion read in one crawl."""
    by_criterion: dict[str, list[Evidence]] = {}
    for e in rows:
        by_criterion.setdefault(e.criterion, []).append(e)
    out: dict[str, str] = {}
    for cid in expand(crit, list(by_criterion)):
        for e in by_criterion[cid]:
            if not crit.probe or e.probe_id == crit.probe:
                out[e.probe_id] = e.probe_version
    return out


def _label(c: CriterionScore | None) -> str:
    return "missing" if c is None else c.outcome


def compare(data: ReportData, org: OrgRow, now_rows: list[Evidence], prev_rows: list[Evidence],
            lang: str) -> Changes:
    if org.prev_crawl is None:
        return Changes(None, [], None)
    scale = data.scale
    now = {c.criterion: c for c in data.scores.criteria(data.crawl.id, org.id)}
    before = {c.criterion: c for c in data.scores.criteria(org.prev_crawl, org.id)}
    dims: list[DimensionChange] = []
    for did in data.dimensions:
        delta = org.delta(did, scale)
        crit_changes: list[CriterionChange] = []
        for crit in data.cmap.by_dimension(did):
            a, b = before.get(crit.id), now.get(crit.id)
            sa = a.score if a else None
            sb = b.score if b else None
            if _label(a) == _label(b) and (sa is None or sb is None or abs(sa - sb) < 0.005):
                continue
            old_v, new_v = probe_versions(prev_rows, crit), probe_versions(now_rows, crit)
            probes = [(p, old_v[p], new_v[p]) for p in sorted(set(old_v) & set(new_v)) if old_v[p] != new_v[p]]
            impact = crit.weight * ((sb or 0.0) - (sa or 0.0))
            crit_changes.append(CriterionChange(crit.id, crit.title_en if lang == "en" else crit.title,
                                                _label(a), _label(b), impact, probes))
        crit_changes.sort(key=lambda c: -abs(c.impact))
        if (delta is not None and abs(delta) >= MIN_DELTA) or (delta is None and crit_changes):
            dims.append(DimensionChange(did, delta or 0.0, crit_changes))
    map_change = None
    own = data.scores.own_map_dims(org.prev_crawl)
    if own is not None:
        version, scores = own
        old = scores.get(org.id, {})
        deltas = {}
        for d in ["overall", *data.dimensions]:
            x, y = old.get(d), org.prev.get(d)
            if x is not None and y is not None and abs(y - x) * scale >= MIN_DELTA:
                deltas[d] = round((y - x) * scale, 6)
        if deltas:
            map_change = MapChange(version, data.cmap.version, deltas)
    return Changes(org.prev_crawl, dims, map_change)
