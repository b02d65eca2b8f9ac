"""The probe plugin interface: probes read named artifacts and return evidence.

A probe knows nothing of Playwright, SQL or the criteria map, so every probe can be
tested on saved artifacts and a third-party probe is a small package with an entry point.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    PARTIAL = "partial"
    REVIEW = "review"
    NOT_APPLICABLE = "not_applicable"
    ERROR = "error"


DEFAULT_SCORES: dict[Outcome, float | None] = {
    Outcome.PASS: 1.0,
    Outcome.FAIL: 0.0,
    Outcome.PARTIAL: 0.5,
    Outcome.REVIEW: None,
    Outcome.NOT_APPLICABLE: None,
    Outcome.ERROR: None,
}


@dataclass
class Evidence:
    """One finding: a criterion, its outcome, and what decided it.

    `url` names the page that decided a site-scope finding (page-scope evidence is
    stamped with its page by the runner).
    """

    criterion: str
    outcome: Outcome
    message: str
    score: float | None = None
    details: dict[str, Any] = field(default_factory=dict)
    url: str | None = None

    def __post_init__(self) -> None:
        self.outcome = Outcome(self.outcome)
        if self.score is None:
            self.score = DEFAULT_SCORES[self.outcome]
        if self.score is not None:
            if not 0.0 <= float(self.score) <= 1.0:
                raise ValueError(f"score {self.score} for {self.criterion} is outside 0..1")
            self.score = float(self.score)
        if self.outcome is Outcome.ERROR:
            self.score = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "outcome": str(self.outcome),
            "score": self.score,
            "message": self.message,
            "details": self.details,
            "url": self.url,
        }


# The key under which a page's mapping carries the probe's digest (see Probe.digest).
DIGEST = "_digest"


def site_of(artifacts: Mapping[str, Any]) -> dict[str, Any]:
    """What a digest may know of the site: the parts of a site probe's artifacts fixed at the start."""
    return {k: artifacts.get(k) for k in ("org", "home_url", "crawl_time")}


class Probe(ABC):
    """A plugin. Class attributes are its static metadata, read without running it.

    - `requires`: artifact names it reads (the crawler gathers their union once per page).
    - `scope`: "page" runs on each page's artifacts; "site" runs once on all pages' artifacts
      (`artifacts["pages"]`, a list of per-page mappings) plus site artifacts.
    - `viewport`: which rendering a page-scope probe reads ("desktop" or "mobile").
    - `pages`: "all" pages, or only "key" pages (home + mystery-shopper pages).
    - `criteria`: the criterion ids it emits; a trailing "*" marks a family (e.g. "axe.*").
    - `optional`: required artifacts it can do without when their gatherer fails.
    """

    id: ClassVar[str]
    version: ClassVar[str]
    description: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    scope: ClassVar[str] = "page"
    viewport: ClassVar[str] = "desktop"
    pages: ClassVar[str] = "all"
    criteria: ClassVar[tuple[str, ...]] = ()
    # Required artifacts the probe can do without (e.g. a screenshot to attach): when their
    # gatherer fails the probe still runs, without them.
    optional: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        """Return evidence; raise only for bugs (the runner records them as errors)."""

    def digest(self, page: Mapping[str, Any], site: Mapping[str, Any]) -> Any:
        """A site probe's work on one page, which the crawler does as it stores that page (in
        its worker thread, while the browser loads the next one), so that the end of a site
        waits on little. It may read only this page's mapping and `site` (org, home_url,
        crawl_time: known before any page). None means no per-page work; run() gets each
        page's digest from `digest_of`."""
        return None

    def digest_of(self, page: Mapping[str, Any], site: Mapping[str, Any]) -> Any:
        """The page's digest: the one made during the crawl, or made now (a page stored by an
        earlier process of a resumed or distributed crawl has none)."""
        return page[DIGEST] if DIGEST in page else self.digest(page, site)

    @classmethod
    def digests(cls) -> bool:
        """Whether this probe has per-page work for the crawler to do early."""
        return cls.digest is not Probe.digest

    def error_evidence(self, message: str, url: str | None = None) -> list[Evidence]:
        """What the runner records when this probe could not look: one error per criterion."""
        return [
            Evidence(criterion=c, outcome=Outcome.ERROR, message=message, url=url)
            for c in (self.criteria or (f"{self.id}.*",))
        ]
