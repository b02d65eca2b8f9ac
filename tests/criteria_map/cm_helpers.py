"""Hand-written evidence and a builder that stores it the way the crawler does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storage import PageRecord, Store

HERE = Path(__file__).parent
PAGE_BASICS_MAP = HERE / "maps" / "page_basics.toml"


def ev(criterion: str, outcome: str, score: float | None = None, probe: str = "page-basics",
       **details: Any) -> dict[str, Any]:
    if score is None:
        score = {"pass": 1.0, "fail": 0.0, "partial": 0.5}.get(outcome)
    return {"probe_id": probe, "probe_version": "1", "criterion": criterion, "outcome": outcome,
            "score": score, "message": f"{criterion} {outcome}", "details": details}


class Builder:
    """Writes crawls the way the crawler does: pages with their evidence, then site evidence."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def orgs(self, *ids: str) -> None:
        self.store.upsert_orgs([{"id": i, "name": i.title(), "type": "kommun", "url": f"https://{i}.se/"}
                                for i in ids])

    def crawl(self, org_ids: list[str]) -> int:
        return self.store.create_crawl("test", {}, {}, org_ids)

    def page(self, crawl_id: int, org: str, path: str, evidence: list[dict[str, Any]], home: bool = False,
             viewport: str = "desktop") -> None:
        url = f"https://{org}.se{path}"
        rec = PageRecord(org_id=org, url=url, final_url=url, status_code=200, viewport=viewport, depth=0 if home else 1,
                         kind="home" if home else None, title=path, load_ms=1.0, error=None)
        self.store.save_page(crawl_id, [(rec, [dict(e, url=url) for e in evidence], None, [])], None)

    def site(self, crawl_id: int, org: str, evidence: list[dict[str, Any]]) -> None:
        self.store.save_site_result(crawl_id, org, evidence, "done")
