"""Kill -9 a crawl midway, resume it, and end where an uninterrupted crawl ends."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from maturity.localsite import LocalSite
from tests.sites import municipality

MAX_PAGES = 14


def maturity(*args: str, db: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maturity.cli", *args, "--db", str(db)],
                          capture_output=True, text=True, timeout=timeout, cwd=db.parent)


def crawl_args(targets: Path) -> list[str]:
    return ["crawl", str(targets), "--allow-private", "--block-external", "--delay", "0.15",
            "--max-pages", str(MAX_PAGES), "--probes", "page-basics,test-resume-site", "--page-timeout", "10"]


def evidence_set(db: Path) -> set[tuple[str, str, str, str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT coalesce(p.url, '-'), coalesce(p.viewport, '-'), e.probe_id, e.criterion, e.outcome "
            "FROM evidence e LEFT JOIN pages p ON p.id = e.page_id").fetchall()
        return {tuple(r) for r in rows}  # type: ignore[misc]


def evidence_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM evidence").fetchone()[0])


def pages(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT url, viewport FROM pages").fetchall())


def test_kill_and_resume_equals_uninterrupted(tmp_path: Path) -> None:
    with LocalSite(routes=municipality(articles=30), host="127.0.0.41") as site:
        targets = tmp_path / "targets.toml"
        targets.write_text(f'[[organization]]\nid = "testkommun"\nname = "Testkommun"\ntype = "municipality"\n'
                           f'url = "{site.base_url}"\n', encoding="utf-8")
        env = {**os.environ, "MATURITY_EXTRA_PROBES": "tests.crawler.resume_probe:ResumeSiteProbe"}
        full_db = tmp_path / "full.db"
        done = subprocess.run([sys.executable, "-m", "maturity.cli", *crawl_args(targets), "--db", str(full_db)],
                              capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr

        cut_db = tmp_path / "cut.db"
        proc = subprocess.Popen([sys.executable, "-m", "maturity.cli", *crawl_args(targets), "--db", str(cut_db)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp_path,
                                start_new_session=True)
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline:
            if cut_db.exists():
                try:
                    with sqlite3.connect(cut_db, timeout=1) as conn:
                        stored = conn.execute("SELECT count(*) FROM pages WHERE viewport='desktop'").fetchone()[0]
                except sqlite3.Error:
                    stored = 0
            if stored >= 5:
                break
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        assert 5 <= stored < MAX_PAGES, f"the kill came too late ({stored} pages)"
        with sqlite3.connect(cut_db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = pages(cut_db)
        assert len(partial) < len(pages(full_db))

        resumed = subprocess.run([sys.executable, "-m", "maturity.cli", "crawl", "--resume", "--db", str(cut_db)],
                                 capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
        assert resumed.returncode == 0, resumed.stderr
    assert pages(cut_db) == pages(full_db)
    assert evidence_set(cut_db) == evidence_set(full_db)
    assert evidence_count(cut_db) == evidence_count(full_db), "resume duplicated or lost evidence"
    with sqlite3.connect(cut_db) as conn:
        assert conn.execute("SELECT count(*), min(status) FROM crawls").fetchone() == (1, "done")
