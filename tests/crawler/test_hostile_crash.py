"""Kill -9 during a re-score: the database stays intact and a re-run gives the scores an
uninterrupted re-score gives (the kill during a crawl is tests/crawler/test_resume.py)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from storage import PageRecord, Store, make_engine

CRAWLS = 6
ORGS = 40
PAGES = 12
CRITERIA = ("page.status", "page.https", "page.title", "page.lang", "page.description")


def build(db: Path) -> None:
    """Crawls stored the way the crawler stores them, with evidence the bundled map reads."""
    engine = make_engine(f"sqlite:///{db}")
    store = Store(engine)
    rnd = random.Random(7)
    orgs = [f"kommun-{i}" for i in range(ORGS)]
    store.upsert_orgs([{"id": o, "name": o, "type": "municipality", "url": f"https://{o}.se/"} for o in orgs])
    for _ in range(CRAWLS):
        crawl = store.create_crawl("test", {"page-basics": "1"}, {}, orgs)
        for org in orgs:
            bundles: list[tuple[PageRecord, list[dict[str, Any]], Any, list[dict[str, Any]]]] = []
            for p in range(PAGES):
                url = f"https://{org}.se/sida-{p}/"
                ev: list[dict[str, Any]] = [{"probe_id": "page-basics", "probe_version": "1", "criterion": c, "url": url,
                       "outcome": (o := rnd.choice(("pass", "fail", "partial", "error"))),
                       "score": {"pass": 1.0, "fail": 0.0, "partial": 0.5}.get(o), "message": c, "details": {}}
                      for c in CRITERIA]
                rec = PageRecord(org_id=org, url=url, final_url=url, status_code=200, viewport="desktop",
                                 depth=0 if p == 0 else 1, kind="home" if p == 0 else None, title=url,
                                 load_ms=1.0, error=None)
                bundles.append((rec, ev, None, []))
            store.save_page(crawl, bundles, None)  # one transaction per organisation keeps the build fast
            store.save_site_result(crawl, org, [], "done")
        store.finish_crawl(crawl, "done")
    engine.dispose()


def scores(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        dims = conn.execute("SELECT crawl_id, map_version, org_id, dimension, score, coverage FROM dimension_scores "
                            "ORDER BY 1, 2, 3, 4").fetchall()
        crits = conn.execute("SELECT * FROM criterion_results ORDER BY crawl_id, org_id, criterion").fetchall()
    return dims, [tuple(c[1:]) for c in crits]  # without the row id


def rescore(db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maturity.cli", "rescore", "--db", str(db)],
                          capture_output=True, text=True, timeout=300, cwd=db.parent)


def test_kill_during_rescore_then_rerun_equals_uninterrupted(tmp_path: Path) -> None:
    original = tmp_path / "original.db"
    build(original)
    full, cut = tmp_path / "full.db", tmp_path / "cut.db"
    shutil.copy(original, full)
    shutil.copy(original, cut)
    done = rescore(full)
    assert done.returncode == 0, done.stderr
    want = scores(full)
    assert want[0] and len({r[0] for r in want[0]}) == CRAWLS

    proc = subprocess.Popen([sys.executable, "-m", "maturity.cli", "rescore", "--db", str(cut)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=tmp_path,
                            start_new_session=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()  # crawl 1 is scored and committed; crawl 2 is being scored
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert first.startswith("crawl 1:"), first
    with sqlite3.connect(cut) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        scored = {r[0] for r in conn.execute("SELECT DISTINCT crawl_id FROM dimension_scores")}
    assert 1 in scored and len(scored) < CRAWLS, f"the kill came too late: crawls {scored} were scored"
    # the scores that made it are whole crawls, equal to the uninterrupted ones
    partial = scores(cut)
    assert partial[0] == [r for r in want[0] if r[0] in scored]

    again = rescore(cut)
    assert again.returncode == 0, again.stderr
    assert scores(cut) == want, "a re-run after the kill does not give the uninterrupted scores"
    with sqlite3.connect(cut) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        dupes = conn.execute("SELECT count(*) FROM (SELECT crawl_id, map_version, org_id, dimension, count(*) c "
                             "FROM dimension_scores GROUP BY 1, 2, 3, 4 HAVING c > 1)").fetchone()[0]
    assert dupes == 0
