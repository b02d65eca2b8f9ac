"""Stored crawls built through the Store API (fast, no browser), and a Chromium to look at
the report with."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

from crawler.browser import launch_args
from crawler.browser_path import find_chromium
from crawler.files import FileStore
from criteria_map.scoring import score_crawl
from storage import PageRecord, Store

# A 1×1 PNG, and a second one with different bytes (content-addressed files differ).
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e5274dd80000000049454e44ae426082")


def ev(criterion: str, outcome: str, probe: str = "page-basics", version: str = "1", score: float | None = None,
       message: str = "", details: dict[str, Any] | None = None, url: str | None = None) -> dict[str, Any]:
    default = {"pass": 1.0, "fail": 0.0, "partial": 0.5}.get(outcome)
    return {"probe_id": probe, "probe_version": version, "criterion": criterion, "outcome": outcome,
            "score": score if score is not None else default, "message": message or f"{criterion} {outcome}",
            "details": details or {}, "url": url}


def add_crawl(store: Store, cmap: Any, orgs: list[dict[str, Any]], evidence: dict[str, list[dict[str, Any]]],
              artifacts: Path, shots: dict[str, bytes] | None = None) -> int:
    """One finished crawl: a home page per organisation carrying its evidence, optional
    desktop and mobile screenshots, then scores under `cmap`."""
    store.upsert_orgs(orgs)
    versions = {e["probe_id"]: e["probe_version"] for evs in evidence.values() for e in evs}
    crawl_id = store.create_crawl("test", versions, {}, [o["id"] for o in orgs])
    files = FileStore(artifacts)
    for o in orgs:
        url = o["url"]
        bundles = []
        for vp in ("desktop", "mobile"):
            rec = PageRecord(org_id=o["id"], url=url, final_url=url, status_code=200, viewport=vp, depth=0,
                             kind="home", title=o["name"], load_ms=100.0, error=None)
            data = (shots or {}).get(o["id"])
            saved = [files.save(data + vp.encode(), f"screenshot-{vp}", "png")] if data else []
            bundles.append((rec, [e for e in evidence.get(o["id"], []) if vp == "desktop"], None, saved))
        store.save_page(crawl_id, bundles, None)
        store.save_site_result(crawl_id, o["id"], [], "done")
    store.finish_crawl(crawl_id, "done")
    score_crawl(store, crawl_id, cmap)
    return crawl_id


@contextmanager
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(find_chromium(None)), headless=True, args=launch_args())
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A page whose console errors, page errors and failed requests are collected."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("requestfailed", lambda r: self.errors.append(f"requestfailed: {r.url}"))

    def pwned(self) -> Any:
        return self.page.evaluate("() => window.__pwned === undefined ? null : window.__pwned")


def overflow(page: Page) -> tuple[int, int]:
    return page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
