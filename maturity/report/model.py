"""What the report shows, read from the store once: crawls, scores, ranks, previous scores.

Scores come from the stored rows for (crawl, map version) when they exist, and are
otherwise derived in memory from the stored evidence — the same pure function the
crawl used, so the numbers are the ones `maturity rescore` would store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from criteria_map.explain import ranking
from criteria_map.model import CriteriaMap
from criteria_map.scoring import CriterionScore, DimensionResult, compute_scores

if TYPE_CHECKING:
    from storage.models import Crawl
    from storage.repository import Store

TREND_STATUSES = ("done", "partial")
MAX_TREND = 60


@dataclass
class CrawlScores:
    crawl_id: int
    dims: dict[str, dict[str, DimensionResult]]  # org → dimension (and "overall") → result
    stored: bool
    _criteria: dict[str, list[CriterionScore]] | None = None

    def score(self, org: str, dim: str) -> float | None:
        d = self.dims.get(org, {}).get(dim)
        return None if d is None else d.score


class ScoreCache:
    """Scores per crawl under one map, read (or derived) once each."""

    def __init__(self, store: Store, cmap: CriteriaMap) -> None:
        self.store, self.cmap = store, cmap
        self._cache: dict[int, CrawlScores] = {}

    def get(self, crawl_id: int) -> CrawlScores:
        if crawl_id not in self._cache:
            self._cache[crawl_id] = self._load(crawl_id)
        return self._cache[crawl_id]

    def _load(self, crawl_id: int) -> CrawlScores:
        dims: dict[str, dict[str, DimensionResult]] = {}
        if self.cmap.version in self.store.map_versions(crawl_id):
            for d in self.store.dimension_scores(crawl_id, self.cmap.version):
                dims.setdefault(d.org_id, {})[d.dimension] = DimensionResult(d.org_id, d.dimension, d.score,
                                                                             d.coverage)
            return CrawlScores(crawl_id, dims, True)
        result = compute_scores(self.store, crawl_id, self.cmap)
        for r in result.dimensions:
            dims.setdefault(r.org_id, {})[r.dimension] = r
        crit: dict[str, list[CriterionScore]] = {}
        for c in result.criteria:
            crit.setdefault(c.org_id, []).append(c)
        return CrawlScores(crawl_id, dims, False, crit)

    def criteria(self, crawl_id: int, org_id: str) -> list[CriterionScore]:
        scores = self.get(crawl_id)
        if scores._criteria is not None:
            return scores._criteria.get(org_id, [])
        return [CriterionScore(r.org_id, r.criterion, r.dimension, r.weight, r.outcome, r.score,
                               r.evidence_count, dict(r.details or {}))
                for r in self.store.criterion_results(crawl_id, self.cmap.version, org_id)]

    def own_map_dims(self, crawl_id: int) -> tuple[str, dict[str, dict[str, float | None]]] | None:
        """The scores a crawl got under the map it was first scored with, when that is not
        this report's map (to tell a criteria-map change from a change on the site)."""
        versions = self.store.report_map_versions(crawl_id)
        if not versions or versions[0] == self.cmap.version:
            return None
        out: dict[str, dict[str, float | None]] = {}
        for d in self.store.dimension_scores(crawl_id, versions[0]):
            out.setdefault(d.org_id, {})[d.dimension] = d.score
        return versions[0], out


@dataclass
class OrgRow:
    id: str
    name: str
    type: str
    url: str
    slug: str
    rank: int | None
    scores: dict[str, float | None]  # 0..1, dimensions and "overall"
    coverage: dict[str, float]
    prev_crawl: int | None = None
    prev: dict[str, float | None] = field(default_factory=dict)
    site_status: str | None = None
    site_error: str | None = None
    pages: int = 0

    def delta(self, dim: str, scale: float) -> float | None:
        now, before = self.scores.get(dim), self.prev.get(dim)
        if now is None or before is None:
            return None
        return round((now - before) * scale, 6)


@dataclass
class ReportData:
    cmap: CriteriaMap
    crawl: Crawl
    trend_crawls: list[Crawl]  # oldest first, ending with `crawl`
    orgs: list[OrgRow]  # ranked
    scores: ScoreCache
    code_version: str

    @property
    def dimensions(self) -> list[str]:
        return list(self.cmap.dimensions)

    @property
    def scale(self) -> float:
        return float(self.cmap.scale)


def slugify(org_id: str, taken: set[str]) -> str:
    """A file name that is safe on every file system and in a URL, unique within the report."""
    base = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "-" for ch in org_id.lower())
    base = base.strip("-")[:60] or "org"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def load(store: Store, cmap: CriteriaMap, crawl: Crawl) -> ReportData:
    from maturity import __version__

    cache = ScoreCache(store, cmap)
    current = cache.get(crawl.id)
    earlier = [c for c in store.crawls() if c.id < crawl.id and c.status in TREND_STATUSES]
    trend = [*earlier[-(MAX_TREND - 1):], crawl]
    sites = {s.org_id: s for s in store.sites(crawl.id)}
    org_ids = sorted(set(current.dims) | set(sites))
    meta = {o.id: o for o in store.organizations(org_ids)}
    all_dims = [d for per in current.dims.values() for d in per.values()]
    ranks = ranking(all_dims)
    taken: set[str] = set()
    rows: list[OrgRow] = []
    for oid in org_ids:
        o = meta.get(oid)
        per = current.dims.get(oid, {})
        site = sites.get(oid)
        row = OrgRow(id=oid, name=o.name if o else oid, type=o.type if o else "", url=o.url if o else "",
                     slug=slugify(oid, taken), rank=ranks.get(oid),
                     scores={k: v.score for k, v in per.items()}, coverage={k: v.coverage for k, v in per.items()},
                     site_status=site.status if site else None, site_error=site.error if site else None,
                     pages=site.pages if site else 0)
        for prev in reversed(trend[:-1]):
            before = cache.get(prev.id)
            if before.score(oid, "overall") is not None:
                row.prev_crawl = prev.id
                row.prev = {k: v.score for k, v in before.dims[oid].items()}
                break
        rows.append(row)
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.name.lower()))
    return ReportData(cmap, crawl, trend, rows, cache, __version__)


def as_dict(data: ReportData, with_criteria: bool = True) -> dict[str, Any]:
    """The exported numbers (0–5, like the tables), JSON-ready."""
    scale = data.scale

    def s5(v: float | None) -> float | None:
        return None if v is None else round(v * scale, 2)

    orgs = []
    for r in data.orgs:
        item: dict[str, Any] = {
            "id": r.id, "name": r.name, "type": r.type, "url": r.url, "rank": r.rank,
            "overall": s5(r.scores.get("overall")),
            "dimensions": {d: s5(r.scores.get(d)) for d in data.dimensions},
            "coverage": {d: round(r.coverage.get(d, 0.0), 3) for d in ["overall", *data.dimensions]},
            "previous_crawl": r.prev_crawl,
            "change": {d: None if r.delta(d, scale) is None else round(r.delta(d, scale) or 0.0, 2)
                       for d in ["overall", *data.dimensions]},
            "site_status": r.site_status, "pages": r.pages,
        }
        if with_criteria:
            item["criteria"] = [{"criterion": c.criterion, "dimension": c.dimension, "weight": c.weight,
                                 "outcome": c.outcome, "score": c.score}
                                for c in data.scores.criteria(data.crawl.id, r.id)]
        orgs.append(item)
    return {"crawl": data.crawl.id, "started_at": data.crawl.started_at.isoformat() if data.crawl.started_at else None,
            "map_version": data.cmap.version, "scale": scale, "dimensions": data.dimensions, "organizations": orgs}
