"""Two workers on a real Redis and PostgreSQL, one killed in the middle of a site: the
evidence afterwards equals that of a single-process crawl of the same demo sites."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from maturity.demo.server import serve_demo

PROBES = "page-basics,readability,privacy,eid-login,contact-channels,languages,social,services"
MAX_PAGES = 6
EVIDENCE = ("SELECT e.org_id, coalesce(p.url, '-'), coalesce(p.viewport, '-'), e.probe_id, e.criterion, e.outcome "
            "FROM evidence e LEFT JOIN pages p ON p.id = e.page_id")


def crawl_args(targets: Path) -> list[str]:
    return ["crawl", str(targets), "--allow-private", "--block-external", "--delay", "0.2", "--max-pages",
            str(MAX_PAGES), "--probes", PROBES, "--page-timeout", "30", "--mobile", "key"]


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "maturity.cli", *args]


def write_targets(orgs: list[dict[str, Any]], path: Path) -> None:
    path.write_text("".join(f'[[organization]]\nid = "{o["id"]}"\nname = "{o["name"]}"\ntype = "{o["type"]}"\n'
                            f'url = "{o["url"]}"\n\n' for o in orgs), encoding="utf-8")


def sqlite_rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]


def pg_rows(url: str, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params).fetchall()]
    finally:
        engine.dispose()


def started_sites(log: Path) -> list[dict[str, Any]]:
    out = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if '"site started"' in line:
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
    return out


def start_worker(name: str, tmp: Path, pg_url: str, redis_url: str, queue: str) -> tuple[subprocess.Popen[bytes], Path]:
    log = tmp / f"worker-{name}.log"
    proc = subprocess.Popen(
        cli("--log-level", "info", "--json-logs", "worker", "--db", pg_url, "--broker", redis_url, "--queue", queue,
            "--concurrency", "1", "--heartbeat-timeout", "3", "--grace", "2"),
        stdout=subprocess.DEVNULL, stderr=log.open("wb"), cwd=tmp, start_new_session=True,
        env={**os.environ, "MATURITY_ARTIFACTS": str(tmp / "artifacts")})
    return proc, log


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_killed_worker_leaves_its_site_to_the_other(tmp_path: Path, pg_url: str, redis_url: str,
                                                     queue_name: str) -> None:
    with serve_demo() as orgs:
        targets = tmp_path / "targets.toml"
        write_targets(orgs, targets)
        single_db = tmp_path / "single.db"
        single = subprocess.run(cli(*crawl_args(targets), "--db", str(single_db)), capture_output=True, text=True,
                                timeout=400, cwd=tmp_path)
        assert single.returncode == 0, single.stderr[-3000:]

        a, a_log = start_worker("a", tmp_path, pg_url, redis_url, queue_name)
        b, b_log = start_worker("b", tmp_path, pg_url, redis_url, queue_name)
        ready = time.monotonic() + 60
        while time.monotonic() < ready and not all('"worker ready"' in log.read_text() for log in (a_log, b_log)):
            assert a.poll() is None and b.poll() is None, a_log.read_text()[-2000:] + b_log.read_text()[-2000:]
            time.sleep(0.1)
        enqueuer = subprocess.Popen(cli(*crawl_args(targets), "--distributed", "--db", pg_url, "--broker", redis_url,
                                        "--queue", queue_name),
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
        killed: str | None = None
        pages_at_kill = 0
        try:
            deadline = time.monotonic() + 240
            while killed is None and time.monotonic() < deadline and enqueuer.poll() is None:
                time.sleep(0.1)
                mine = started_sites(a_log)
                if not mine:
                    continue
                org = mine[-1]["org"]
                rows = pg_rows(pg_url, "SELECT status, pages FROM crawl_sites WHERE org_id = :o", o=org)
                if rows and rows[0][0] == "running" and rows[0][1] >= 2:
                    os.killpg(a.pid, signal.SIGKILL)
                    a.wait()
                    killed, pages_at_kill = org, rows[0][1]
            assert killed is not None, "worker A never was in the middle of a site"
            out, err = enqueuer.communicate(timeout=300)
        finally:
            if enqueuer.poll() is None:
                enqueuer.kill()
            stop(a)
            stop(b)
        assert enqueuer.returncode == 0, err[-3000:] + b_log.read_text()[-3000:]

    assert pages_at_kill < MAX_PAGES
    resumed = [s for s in started_sites(b_log) if s["org"] == killed]
    assert resumed and resumed[-1]["resume"], "worker B did not resume the killed worker's site"
    # the same pages, and the same evidence, neither duplicated nor lost
    single_pages = sorted(sqlite_rows(single_db, "SELECT org_id, url, viewport FROM pages"))
    assert sorted(pg_rows(pg_url, "SELECT org_id, url, viewport FROM pages")) == single_pages
    single_evidence = sorted(sqlite_rows(single_db, EVIDENCE))
    dist_evidence = sorted(pg_rows(pg_url, EVIDENCE))
    assert dist_evidence == single_evidence
    assert pg_rows(pg_url, "SELECT status FROM crawls") == [("done",)]
    assert {r[0] for r in pg_rows(pg_url, "SELECT DISTINCT org_id FROM dimension_scores")} == {o["id"] for o in orgs}
    assert "Crawl 1" in out
