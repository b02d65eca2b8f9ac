"""One crawl per database: a second one exits 75 with one line; a killed crawl's lock never
blocks the next run or `--resume`; `maturity crawls` lists what happened."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from maturity.localsite import LocalSite, Reply, Request
from maturity.lock import EXIT_LOCKED, CrawlLocked, crawl_lock
from tests.sites import municipality

HOLD = """
import sys, time
from sqlalchemy import create_engine
from maturity.lock import crawl_lock
with crawl_lock(create_engine(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(120)
"""


def cli(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maturity.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd)


def test_second_holder_is_refused_and_release_frees(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'a.db'}")
    with crawl_lock(engine):
        with pytest.raises(CrawlLocked, match=rf"another crawl is running against .*a\.db \(pid {os.getpid()} since"), \
                crawl_lock(engine):
            pass
        other = create_engine(f"sqlite:///{tmp_path / 'b.db'}")
        with crawl_lock(other):  # another database is another lock
            pass
    with crawl_lock(engine):  # released
        pass
    with crawl_lock(create_engine("sqlite://")), crawl_lock(create_engine("sqlite://")):
        pass  # in-memory databases are private to a process: no lock


def test_lock_of_a_killed_process_never_blocks(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    proc = subprocess.Popen([sys.executable, "-c", HOLD, url], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).parents[2])
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        with pytest.raises(CrawlLocked, match=f"pid {proc.pid}"), crawl_lock(create_engine(url)):
            pass
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert (tmp_path / "k.db.lock").exists()  # the file stays; the kernel dropped the lock
    with crawl_lock(create_engine(url)):
        pass


def targets_file(tmp_path: Path, url: str) -> Path:
    t = tmp_path / "t.toml"
    t.write_text(f'[[organization]]\nid = "testkommun"\nname = "Testkommun"\ntype = "municipality"\nurl = "{url}"\n',
                 encoding="utf-8")
    return t


def crawl_rows(db: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(db, timeout=5) as conn:
        return conn.execute("SELECT id, status FROM crawls ORDER BY id").fetchall()


def gated(routes: dict[str, Any], gate: threading.Event) -> dict[str, Any]:
    """News pages answer only once the gate opens: the first crawl is still running
    (deterministically) while the test tries a second one."""
    def hold(body: Any) -> Any:
        def handler(req: Request) -> Reply:
            gate.wait(30)
            return Reply(body=body)
        return handler
    return {k: hold(v) if k.startswith("/nyheter/") else v for k, v in routes.items()}


def test_crawl_lock_kill_and_resume(tmp_path: Path) -> None:
    gate = threading.Event()
    with LocalSite(routes=gated(municipality(articles=20), gate), host="127.0.0.182") as site:
        targets = targets_file(tmp_path, site.base_url)
        db = tmp_path / "m.db"
        args = ["crawl", str(targets), "--db", str(db), "--allow-private", "--block-external", "--delay", "0",
                "--max-pages", "12", "--probes", "page-basics", "--page-timeout", "10", "--mobile", "none"]
        first = subprocess.Popen([sys.executable, "-m", "maturity.cli", *args], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, cwd=tmp_path, start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            pages = 0
            while time.monotonic() < deadline and pages < 2:
                time.sleep(0.1)
                if db.exists():
                    try:
                        with sqlite3.connect(db, timeout=1) as conn:
                            pages = conn.execute("SELECT count(*) FROM pages").fetchone()[0]
                    except sqlite3.Error:
                        pages = 0
            assert pages >= 2, "the first crawl never got going"

            second = cli(*args, cwd=tmp_path)
            assert second.returncode == EXIT_LOCKED, second.stderr
            assert second.stderr.count("\n") == 1 and "another crawl is running" in second.stderr
            assert f"pid {first.pid}" in second.stderr
            resume_while_running = cli("crawl", "--resume", "--db", str(db), cwd=tmp_path)
            assert resume_while_running.returncode == EXIT_LOCKED
            assert crawl_rows(db) == [(1, "running")]  # the refused crawls wrote nothing
        finally:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
            gate.set()
        assert crawl_rows(db) == [(1, "running")]

        resumed = cli("crawl", "--resume", "--db", str(db), cwd=tmp_path)
        assert resumed.returncode == 0, resumed.stderr
        assert crawl_rows(db) == [(1, "done")]

    listed = cli("crawls", "--db", str(db), "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert row["id"] == 1 and row["status"] == "done" and row["sites"] == 1 and row["sites_failed"] == 0
    assert row["pages"] == 12 and row["duration_s"] > 0
    table = cli("crawls", "--db", str(db), cwd=tmp_path)
    assert table.returncode == 0 and "done" in table.stdout


def test_crawls_on_missing_database_is_usage_error(tmp_path: Path) -> None:
    done = cli("crawls", "--db", str(tmp_path / "none.db"), cwd=tmp_path)
    assert done.returncode == 2 and "does not exist" in done.stderr
