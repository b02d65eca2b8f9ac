"""Where a site crawl's results go: the database, or memory (for `maturity probe`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from storage.records import FrontierItem, PageRecord, pack, unpack

if TYPE_CHECKING:
    from storage.repository import Store

# (page record, evidence dicts, artifacts kept for site probes, files)
PageBundle = tuple[PageRecord, list[dict[str, Any]], Any, list[dict[str, Any]]]


class Recorder(Protocol):
    def save_page(self, bundles: list[PageBundle], frontier_url: str | None,
                  new_links: list[FrontierItem]) -> None: ...
    def add_frontier(self, items: list[FrontierItem]) -> None: ...
    def frontier(self) -> list[tuple[str, int, float, str | None, str]]: ...  # url, depth, priority, kind, state
    def mark(self, url: str, state: str) -> None: ...
    def site_pages(self) -> list[tuple[PageRecord, Any]]: ...
    def save_site(self, evidence: list[dict[str, Any]], status: str, error: str | None) -> None: ...
    def set_status(self, status: str, error: str | None = None) -> None: ...


@dataclass
class DbRecorder:
    store: Store
    crawl_id: int
    org_id: str

    def save_page(self, bundles: list[PageBundle], frontier_url: str | None, new_links: list[FrontierItem]) -> None:
        self.store.save_page(self.crawl_id, bundles, frontier_url, new_links)

    def add_frontier(self, items: list[FrontierItem]) -> None:
        self.store.add_frontier(self.crawl_id, self.org_id, items)

    def frontier(self) -> list[tuple[str, int, float, str | None, str]]:
        return [(e.url, e.depth, e.priority, e.kind, e.state) for e in self.store.frontier(self.crawl_id, self.org_id)]

    def mark(self, url: str, state: str) -> None:
        self.store.mark_frontier(self.crawl_id, self.org_id, url, state)

    def site_pages(self) -> list[tuple[PageRecord, Any]]:
        out = []
        for page, artifacts in self.store.site_pages(self.crawl_id, self.org_id):
            rec = PageRecord(org_id=page.org_id, url=page.url, final_url=page.final_url,
                             status_code=page.status_code, viewport=page.viewport, depth=page.depth, kind=page.kind,
                             title=page.title, load_ms=page.load_ms, error=page.error)
            out.append((rec, artifacts))
        return out

    def save_site(self, evidence: list[dict[str, Any]], status: str, error: str | None) -> None:
        self.store.save_site_result(self.crawl_id, self.org_id, evidence, status, error)

    def set_status(self, status: str, error: str | None = None) -> None:
        self.store.set_site(self.crawl_id, self.org_id, status, error)


@dataclass
class MemoryRecorder:
    """Keeps everything in memory; artifacts are packed the same way the database keeps them."""

    pages: list[tuple[PageRecord, bytes | None]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    status: str = "queued"
    error: str | None = None

    def save_page(self, bundles: list[PageBundle], frontier_url: str | None, new_links: list[FrontierItem]) -> None:
        for rec, ev, artifacts, _files in bundles:
            self.pages.append((rec, pack(artifacts) if artifacts is not None else None))
            self.evidence.extend(ev)

    def add_frontier(self, items: list[FrontierItem]) -> None:
        return None

    def frontier(self) -> list[tuple[str, int, float, str | None, str]]:
        return []

    def mark(self, url: str, state: str) -> None:
        return None

    def site_pages(self) -> list[tuple[PageRecord, Any]]:
        return [(rec, unpack(blob) if blob is not None else None) for rec, blob in self.pages]

    def save_site(self, evidence: list[dict[str, Any]], status: str, error: str | None) -> None:
        self.evidence.extend(evidence)
        self.status, self.error = status, error

    def set_status(self, status: str, error: str | None = None) -> None:
        self.status, self.error = status, error
