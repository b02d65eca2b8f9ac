"""What a loaded criteria map is: plain frozen data, so scoring is a pure function of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

PAGE_MODES = ("any", "all", "share", "home")
OUTCOME_KEYS = ("pass", "partial", "fail")


class MapError(ValueError):
    """A map that cannot be used; the message is "FILE:LINE: what is wrong"."""


@dataclass(frozen=True)
class Dimension:
    id: str
    title: str
    title_en: str
    description: str = ""


@dataclass(frozen=True)
class DetailsRule:
    """Score an evidence record by one of its details, e.g. the compliance status of an
    accessibility statement: {"full": 1, "partial": 0.5, "none": 0}. A record without that
    detail (or with a value not listed) is scored by its outcome instead."""

    key: str
    scores: dict[str, float]


@dataclass(frozen=True)
class Thresholds:
    """Turn an aggregated 0..1 score into a step: >= pass → 1, >= partial → 0.5, else 0."""

    pass_at: float
    partial_at: float | None = None

    def apply(self, score: float) -> float:
        if score >= self.pass_at:
            return 1.0
        if self.partial_at is not None and score >= self.partial_at:
            return 0.5
        return 0.0


@dataclass(frozen=True)
class Criterion:
    """One graded criterion: which evidence it reads and how that becomes a 0..1 score.

    `evidence` holds probe criterion ids or globs ("axe.image-alt", "contact.*");
    `evidence_weights` weighs records of one evidence criterion against another within a
    page (axe impact, the way Lighthouse weighs its accessibility audits); `outcome_scores`
    overrides the default pass = 1 / partial = the record's score or 0.5 / fail = 0.
    """

    id: str
    title: str
    title_en: str
    dimension: str
    weight: float
    pages: str
    source: str
    evidence: tuple[str, ...]
    probe: str | None = None
    evidence_weights: dict[str, float] = field(default_factory=dict)
    outcome_scores: dict[str, float] = field(default_factory=dict)
    details: DetailsRule | None = None
    thresholds: Thresholds | None = None
    description: str = ""
    wcag: str = ""
    line: int = 0

    def reads(self, criterion: str) -> bool:
        """Whether an evidence record with this criterion id feeds this map criterion."""
        return any(fnmatchcase(criterion, pat) for pat in self.evidence)

    def weight_of(self, criterion: str) -> float:
        return self.evidence_weights.get(criterion, 1.0)


@dataclass(frozen=True)
class CriteriaMap:
    version: str
    scale: float
    dimensions: dict[str, Dimension]
    criteria: list[Criterion]
    path: Path | None = None
    title: str = ""

    def criterion(self, cid: str) -> Criterion | None:
        for c in self.criteria:
            if c.id == cid:
                return c
        return None

    def by_dimension(self, dim: str) -> list[Criterion]:
        return [c for c in self.criteria if c.dimension == dim]
