"""Retention: old screenshots go, evidence and scores stay, shared files are kept."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from criteria_map import load_map
from maturity.cli_ops import parse_age
from maturity.report import build_report
from storage import Store, make_engine
from tests.report.helpers import PNG, add_crawl, ev

ORGS = [{"id": "a", "name": "A kommun", "type": "municipality", "url": "https://a.example/"},
        {"id": "b", "name": "B kommun", "type": "municipality", "url": "https://b.example/"}]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maturity.cli", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


def counts(db: Path) -> tuple[int, int, int, int]:
    with sqlite3.connect(db) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                     for t in ("evidence", "criterion_results", "dimension_scores", "artifact_files"))


def test_parse_age() -> None:
    assert parse_age("30d") == timedelta(days=30)
    assert parse_age("12h") == timedelta(hours=12)
    assert parse_age("2w") == timedelta(weeks=2)
    assert parse_age("7") == timedelta(days=7)
    with pytest.raises(ValueError):
        parse_age("30 days ago")


def test_prune_old_screenshots_keeps_evidence_scores_and_shared_files(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    engine = make_engine(f"sqlite:///{db}")
    store = Store(engine)
    artifacts = tmp_path / "maturity-artifacts"  # beside the database: where the CLI looks
    cmap = load_map(None)
    evidence = {o["id"]: [ev("page.status", "pass"), ev("page.title", "fail")] for o in ORGS}
    add_crawl(store, cmap, ORGS, evidence, artifacts, {"a": PNG, "b": PNG + b"old"})
    add_crawl(store, cmap, ORGS, evidence, artifacts, {"a": PNG})  # A's screenshots unchanged: same files
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE artifact_files SET created_at = datetime('now', '-40 days') WHERE crawl_id = 1")
    old_b = [artifacts / p for (p,) in sqlite3.connect(db).execute(
        "SELECT path FROM artifact_files WHERE crawl_id = 1 AND org_id = 'b'")]
    shared = [artifacts / p for (p,) in sqlite3.connect(db).execute(
        "SELECT path FROM artifact_files WHERE crawl_id = 1 AND org_id = 'a'")]
    assert len(old_b) == 2 and len(shared) == 2 and all(p.is_file() for p in old_b + shared)
    before = counts(db)

    dry = cli("prune", "--artifacts-older-than", "30d", "--db", str(db), "--dry-run", cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "would remove 2 screenshot file(s)" in dry.stdout and all(p.is_file() for p in old_b)

    done = cli("prune", "--artifacts-older-than", "30d", "--db", str(db), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "removed 2 screenshot file(s)" in done.stdout
    assert not any(p.exists() for p in old_b)
    assert all(p.is_file() for p in shared), "a file a newer crawl refers to must stay"
    assert counts(db) == before, "evidence, scores and file records are kept"

    again = cli("prune", "--artifacts-older-than", "30d", "--db", str(db), cwd=tmp_path)
    assert again.returncode == 0 and "removed 0 screenshot" in again.stdout

    out = tmp_path / "report"
    build_report(store, out, artifacts=artifacts, crawl_id=1)
    b_page = (out / "org" / "b.html").read_text(encoding="utf-8")
    assert "Skärmbilden har gallrats." in b_page and "<img" not in b_page
    assert "<img" in (out / "org" / "a.html").read_text(encoding="utf-8")
    engine.dispose()


def test_prune_bad_age_is_usage_error(tmp_path: Path) -> None:
    done = cli("prune", "--artifacts-older-than", "soon", "--db", str(tmp_path / "x.db"), cwd=tmp_path)
    assert done.returncode == 2 and "--artifacts-older-than" in done.stderr
    assert not (tmp_path / "x.db").exists()
