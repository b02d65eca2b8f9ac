"""`make bench`: pages per second of the full probe suite against a bare axe-core scan.

Both run on the same generated local site with no politeness delay (our own server), so
the figures measure work, not waiting. Prints a table and writes bench-results/latest.json.
Environment: BENCH_RUNS (default 3), BENCH_PAGES (500), BENCH_MEMORY_PAGES (1000, 0 skips),
BENCH_RESCORE_ROWS (1000000, 0 skips), BENCH_DEMO (1; 0 skips the demo sites).
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.site import bench_site, page_urls, slug
from crawler.browser import launch_args
from crawler.browser_path import find_chromium
from crawler.crawl import crawl
from crawler.gatherers.axe import AXE_TAGS, RUN_JS, axe_source
from crawler.settings import DESKTOP_VIEWPORT, CrawlSettings
from probes.registry import select
from storage import Store, make_engine

RESULTS = Path("bench-results")


def proc_kb(pid: int, path: str, field: str) -> int:
    """One kB figure from a /proc/<pid> file (0 once the process is gone)."""
    try:
        with open(f"/proc/{pid}/{path}") as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_kb(pid: int) -> int:
    return proc_kb(pid, "status", "VmRSS:")


def pss_kb(pid: int) -> int:
    """Proportional set size: a page shared by n processes counts 1/n in each, so the sum over
    Chromium's processes is what they take together (a sum of RSS counts the shared binary,
    fonts and libraries once per process)."""
    return proc_kb(pid, "smaps_rollup", "Pss:")


def descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    out, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        kids = [c for c, p in parents.items() if p == pid]
        out.extend(kids)
        frontier.extend(kids)
    return out


class MemorySampler(threading.Thread):
    """Samples Python's and the browser's resident memory while a crawl runs."""

    def __init__(self, db_path: Path | None = None, marks: tuple[int, ...] = ()) -> None:
        super().__init__(daemon=True)
        self.py_peak = self.browser_peak = self.browser_rss_peak = 0
        self.db_path = db_path
        self.marks = marks
        self.at_pages: dict[int, dict[str, int]] = {}
        self.series: list[tuple[int, int, int]] = []  # (pages stored, python kB, browser kB), with a database
        self.stop_flag = threading.Event()

    def run(self) -> None:
        import sqlite3

        me = os.getpid()
        while not self.stop_flag.wait(0.5):
            py = pss_kb(me) or rss_kb(me)
            kids = descendants(me)
            browser = sum(pss_kb(p) for p in kids)
            self.browser_rss_peak = max(self.browser_rss_peak, sum(rss_kb(p) for p in kids))
            self.py_peak, self.browser_peak = max(self.py_peak, py), max(self.browser_peak, browser)
            if self.db_path and self.marks and self.db_path.exists():
                try:
                    with sqlite3.connect(self.db_path, timeout=1) as conn:
                        n = conn.execute("SELECT count(*) FROM pages WHERE viewport='desktop'").fetchone()[0]
                except sqlite3.Error:
                    continue
                self.series.append((n, py, browser))
                for mark in self.marks:
                    if n >= mark and mark not in self.at_pages:
                        self.at_pages[mark] = {"python_kb": py, "browser_kb": browser, "pages": n}


async def baseline(urls: list[str]) -> float:
    """Playwright, one page at a time, axe-core after load; desktop only, nothing stored."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=find_chromium(), args=launch_args())
        context = await browser.new_context(viewport=dict(DESKTOP_VIEWPORT))  # type: ignore[arg-type]
        await context.add_init_script(script=axe_source())
        page = await context.new_page()
        start = time.perf_counter()
        for url in urls:
            await page.goto(url, wait_until="load")
            await page.evaluate(RUN_JS, {"tags": list(AXE_TAGS), "maxNodes": 5, "maxHtml": 300, "frameWaitTime": 1000})
        elapsed = time.perf_counter() - start
        await browser.close()
    return len(urls) / elapsed


def full_suite(site_url: str, pages: int, marks: tuple[int, ...] = ()) -> dict[str, Any]:
    """The real crawler with every probe, delay off, into a fresh SQLite file."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = Store(make_engine(f"sqlite:///{db}"))
        settings = CrawlSettings(delay=0.0, allow_private=True, max_pages=pages, max_depth=50,
                                 site_time_limit=7200, page_timeout=30)
        org = {"id": "benchkommun", "name": "Benchkommun", "type": "municipality", "url": site_url}
        sampler = MemorySampler(db, marks)
        sampler.start()
        first: dict[str, float] = {}
        start = time.perf_counter()

        def progress(_org: str, event: str, _pages: int) -> None:
            return None

        async def go() -> Any:
            watcher = asyncio.create_task(_first_evidence(db, start, first))
            try:
                return await crawl(store, [org], settings, select(None), Path(tmp) / "artifacts", progress=progress)
            finally:
                watcher.cancel()

        result = asyncio.run(go())
        elapsed = time.perf_counter() - start
        sampler.stop_flag.set()
        sampler.join()
        n = sum(1 for p in store.pages(result.crawl_id) if p.viewport == "desktop")
        store.engine.dispose()
    return {"pages": n, "seconds": elapsed, "pages_per_s": n / elapsed, "python_peak_mb": sampler.py_peak / 1024,
            "browser_peak_mb": sampler.browser_peak / 1024, "browser_rss_sum_peak_mb": sampler.browser_rss_peak / 1024,
            "first_evidence_s": first.get("t"), "memory_at": sampler.at_pages, "series": sampler.series}


def window_peak(series: list[tuple[int, int, int]], low: int, high: int) -> int | None:
    """Highest Python + browser memory (kB) sampled while pages low..high were being stored:
    contexts are recycled every 80 pages, so memory is a saw-tooth and one sample says little."""
    inside = [py + browser for n, py, browser in series if low <= n <= high]
    return max(inside) if inside else None


async def _first_evidence(db: Path, start: float, out: dict[str, float]) -> None:
    import sqlite3

    while True:
        await asyncio.sleep(0.05)
        if not db.exists():
            continue
        try:
            with sqlite3.connect(db, timeout=0.2) as conn:
                if conn.execute("SELECT 1 FROM evidence LIMIT 1").fetchone():
                    out["t"] = time.perf_counter() - start
                    return
        except sqlite3.Error:
            continue


def cold_probe(url: str) -> float:
    """Wall time of a cold `maturity probe accessibility URL` (a fresh process each time)."""
    exe = Path(sys.executable).parent / "maturity"
    # Output to files, not pipes: the command has ended when its process exits (as a shell
    # sees it), not when the browser driver it let go has closed its inherited stderr.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([str(exe), "probe", "accessibility", url, "--json"], stdout=out, stderr=err)
        code = proc.wait()
        elapsed = time.perf_counter() - start
        if code != 0:
            err.seek(0)
            raise RuntimeError(f"maturity probe failed: {err.read()[-500:].decode(errors='replace')}")
        out.seek(0)
        if not json.loads(out.read()).get("evidence"):
            raise RuntimeError("maturity probe printed no evidence")
    return elapsed


def rescore(rows: int) -> dict[str, Any]:
    """The criteria-map benchmark (benchmarks/rescore.py) in its own process; its medians parsed."""
    import re

    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, "-m", "benchmarks.rescore", "--rows", str(rows), "--db",
                               str(Path(tmp) / "rescore.db"), "--repeat", "3"], capture_output=True, text=True)
    m = re.search(r"re-scored ([\d,]+) rows.*?runs ([\d., ]+) s; peak RSS (\d+) MB before scoring, (\d+) MB after",
                  done.stdout)
    if done.returncode != 0 or not m:
        return {"error": (done.stderr or done.stdout)[-300:]}
    runs = [float(t) for t in m.group(2).split(",")]
    return {"rows": int(m.group(1).replace(",", "")), "seconds": statistics.median(runs), "runs": runs,
            "rss_before_mb": int(m.group(3)), "rss_after_mb": int(m.group(4))}


def demo_sites() -> dict[str, Any]:
    from maturity.demo.server import serve_demo

    with tempfile.TemporaryDirectory() as tmp, serve_demo() as orgs:
        store = Store(make_engine(f"sqlite:///{Path(tmp) / 'demo.db'}"))
        settings = CrawlSettings(delay=0.0, allow_private=True, block_external=True, max_pages=60, concurrency=3)
        start = time.perf_counter()
        result = asyncio.run(crawl(store, orgs, settings, select(None), Path(tmp) / "artifacts"))
        elapsed = time.perf_counter() - start
        n = sum(1 for p in store.pages(result.crawl_id) if p.viewport == "desktop")
        store.engine.dispose()
    return {"sites": len(orgs), "pages": n, "seconds": elapsed, "pages_per_s": n / elapsed}


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    pages = int(os.environ.get("BENCH_PAGES", "500"))
    memory_pages = int(os.environ.get("BENCH_MEMORY_PAGES", "1000"))
    rescore_rows = int(os.environ.get("BENCH_RESCORE_ROWS", "1000000"))
    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                          "platform": platform.platform(), "chromium": find_chromium()},
                              "runs": runs, "pages": pages}
    with bench_site(max(pages, memory_pages) + 10) as site:
        urls = page_urls(site, pages)
        base, full = [], []
        for i in range(runs):
            base.append(asyncio.run(baseline(urls)))
            full.append(full_suite(site.base_url, pages))
            print(f"run {i + 1}/{runs}: baseline {base[-1]:.2f} p/s, full suite {full[-1]['pages_per_s']:.2f} p/s",
                  file=sys.stderr)
        colds = sorted(cold_probe(site.url(slug(1))) for _ in range(max(3, runs)))
        report["baseline_pages_per_s"] = statistics.median(base)
        report["full_pages_per_s"] = statistics.median(r["pages_per_s"] for r in full)
        report["ratio"] = report["full_pages_per_s"] / report["baseline_pages_per_s"]
        report["first_evidence_s"] = statistics.median(r["first_evidence_s"] or 0 for r in full)
        report["python_peak_mb"] = max(r["python_peak_mb"] for r in full)
        report["browser_peak_mb"] = max(r["browser_peak_mb"] for r in full)
        report["cold_probe_s"] = statistics.median(colds)
        report["full_runs"] = full
        report["baseline_runs"] = base
        if memory_pages:
            mem = full_suite(site.base_url, memory_pages, marks=(200, memory_pages))
            report["memory_run"] = mem
            early = window_peak(mem["series"], 120, 280)  # a whole recycling period around page 200
            late = window_peak(mem["series"], memory_pages - 160, memory_pages)
            if early and late:
                report["memory_peak_growth"] = late / early - 1
            at = mem["memory_at"]
            if 200 in at and memory_pages in at:
                before = at[200]["python_kb"] + at[200]["browser_kb"]
                after = at[memory_pages]["python_kb"] + at[memory_pages]["browser_kb"]
                report["memory_growth_200_to_end"] = after / before - 1
    try:
        report["demo"] = demo_sites() if os.environ.get("BENCH_DEMO", "1") != "0" else {}
    except Exception as exc:  # the demo sites are informative here
        report["demo"] = {"error": str(exc)[:300]}
    if rescore_rows:
        report["rescore"] = rescore(rescore_rows)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, default=str))
    print_table(report)


def print_table(r: dict[str, Any]) -> None:
    def line(name: str, value: str, target: str = "") -> None:
        print(f"{name:<44} {value:>14}   {target}")

    print(f"\nmaturity benchmark · {r['machine']['cpus']} CPUs · {r['pages']} pages · {r['runs']} runs (medians)")
    line("baseline (Playwright + axe) pages/s", f"{r['baseline_pages_per_s']:.2f}")
    line("full probe suite pages/s", f"{r['full_pages_per_s']:.2f}")
    line("ratio full / baseline", f"{r['ratio']:.2f}", "target ≥ 0.80")
    line("time to first stored evidence s", f"{r['first_evidence_s']:.2f}")
    line("peak memory Python MB", f"{r['python_peak_mb']:.0f}")
    line("peak memory browser MB (PSS)", f"{r['browser_peak_mb']:.0f}", "target total < 1536")
    line("cold `maturity probe accessibility` s", f"{r['cold_probe_s']:.2f}", "target ≤ 1.5")
    if "memory_growth_200_to_end" in r:
        line("memory growth page 200 → end (samples)", f"{r['memory_growth_200_to_end'] * 100:.1f} %")
    if "memory_peak_growth" in r:
        line("memory growth, peak ~200 → peak at end", f"{r['memory_peak_growth'] * 100:.1f} %", "target < 10 %")
    demo = r.get("demo") or {}
    if "pages_per_s" in demo:
        line("demo sites pages/s (5 sites at once)", f"{demo['pages_per_s']:.2f}")
    res = r.get("rescore") or {}
    if res.get("seconds") is not None:
        line(f"re-score {res.get('rows', 0):,} evidence rows s", f"{res['seconds']:.2f}", "target ≤ 5")


if __name__ == "__main__":
    main()

__all__ = ["main", "replace"]
