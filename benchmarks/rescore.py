"""Benchmark: re-score ~1,000,000 stored evidence rows on SQLite with the default map.

    python -m benchmarks.rescore [--rows 1000000] [--db /tmp/rescore-bench.db] [--keep]

Builds a database of synthetic evidence shaped like a real crawl (per page: every axe rule,
page-basics, keyboard, mobile, performance and readability records; per site: the
site-scope probes' criteria), then times `score_crawl` — the same code path `maturity
rescore` and the crawler use — and reports wall time and the process's peak memory
before and after, to show that scoring streams through SQL rather than loading rows.
Building the database is not timed.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from criteria_map import load_map
from criteria_map.scoring import score_crawl
from storage import Store, make_engine

OUTCOMES = (("pass", 1.0), ("pass", 1.0), ("pass", 1.0), ("not_applicable", None), ("not_applicable", None),
            ("fail", 0.0), ("partial", 0.5), ("review", None), ("error", None))


def _criteria(cmap_criteria: list[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    from criteria_map.gen_axe import SNAPSHOT

    axe = [("accessibility", f"axe.{r['id']}") for r in json.loads(SNAPSHOT.read_text())["rules"]]
    page = axe + [("page-basics", c) for c in ("page.status", "page.https", "page.title", "page.lang",
                                                 "page.description")]
    page += [("keyboard", f"keyboard.{k}") for k in ("skip-link", "focus-visible", "no-trap", "focus-order")]
    page += [("mobile-layout", f"mobile.{k}") for k in ("viewport-meta", "zoom-allowed", "no-horizontal-scroll",
                                                          "tap-targets", "font-size", "orientation", "navigation",
                                                          "app-links")]
    page += [("performance", f"performance.{k}") for k in ("ttfb", "fcp", "lcp", "cls", "page-weight", "requests",
                                                             "javascript")]
    page += [("readability", "readability.lix"), ("readability", "readability.sentence-length")]
    taken = {c for _, c in page}
    site = [(c.split(".")[0], c) for c in cmap_criteria if c not in taken and not c.startswith(("axe.", "wcag."))]
    return page, site


def build(path: Path, rows: int, seed: int = 7) -> tuple[int, int]:
    """Create the database; returns (crawl id, evidence rows)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store(make_engine(f"sqlite:///{path}"))
    cmap = load_map()
    concrete = sorted({e for c in cmap.criteria for e in c.evidence if "*" not in e})
    page_crit, site_crit = _criteria(concrete)
    pages_per_org = 100
    orgs = max(1, round(rows / (pages_per_org * len(page_crit) + len(site_crit))))
    org_ids = [f"org{i:04d}" for i in range(orgs)]
    store.upsert_orgs([{"id": o, "name": o, "type": "myndighet", "url": f"https://{o}.se/"} for o in org_ids])
    crawl = store.create_crawl("bench", {}, {}, org_ids)
    rnd = random.Random(seed)
    now = datetime.now(UTC).isoformat(" ")
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    n = 0
    page_id = 0
    for org in org_ids:
        quality = rnd.random()
        batch: list[tuple[Any, ...]] = []
        for p in range(pages_per_org):
            page_id += 1
            url = f"https://{org}.se/p{p}"
            con.execute("INSERT INTO pages (id, crawl_id, org_id, url, viewport, depth, fetched_at) "
                        "VALUES (?, ?, ?, ?, 'desktop', 1, ?)", (page_id, crawl, org, url, now))
            for probe, crit in page_crit:
                outcome, score = OUTCOMES[min(len(OUTCOMES) - 1, int(rnd.random() ** (1 + quality) * len(OUTCOMES)))]
                batch.append((crawl, org, page_id, url, p == 0, probe, "1", crit, outcome, score, "", "{}", now))
        for probe, crit in site_crit:
            outcome, score = OUTCOMES[rnd.randrange(len(OUTCOMES))]
            batch.append((crawl, org, None, f"https://{org}.se/", False, probe, "1", crit, outcome, score, "", "{}", now))
        con.executemany("INSERT INTO evidence (crawl_id, org_id, page_id, url, is_home, probe_id, probe_version, "
                        "criterion, outcome, score, message, details, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
        n += len(batch)
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return crawl, n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/rescore-bench.db"))
    ap.add_argument("--keep", action="store_true", help="reuse an existing benchmark database")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if args.keep and args.db.exists():
        crawl = 1
        with sqlite3.connect(args.db) as con:
            n = con.execute("SELECT COUNT(*) FROM evidence WHERE crawl_id = 1").fetchone()[0]
    else:
        t0 = time.perf_counter()
        crawl, n = build(args.db, args.rows)
        print(f"built {n:,} evidence rows in {time.perf_counter() - t0:.1f} s (not timed)")
    store = Store(make_engine(f"sqlite:///{args.db}"))
    cmap = load_map()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times, cpu = [], []
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        score_crawl(store, crawl, cmap)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    orgs = len(store.scoring_org_ids(crawl))
    print(f"re-scored {n:,} rows ({orgs} organisations, {len(cmap.criteria)} criteria): "
          f"best {min(times):.2f} s wall ({min(cpu):.2f} s CPU), runs {', '.join(f'{t:.2f}' for t in times)} s; "
          f"peak RSS {rss_before:.0f} MB before scoring, {rss_after:.0f} MB after")


if __name__ == "__main__":
    main()
