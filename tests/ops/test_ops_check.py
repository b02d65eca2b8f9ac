"""`maturity check URL --min-score`: a pipeline gate that says which criteria failed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from maturity.localsite import LocalSite
from tests.sites import page

FAST = ["--probes", "page-basics", "--allow-private", "--block-external", "--delay", "0", "--max-pages", "3",
        "--page-timeout", "10"]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maturity.cli", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_check_passes_and_fails_on_threshold(tmp_path: Path) -> None:
    routes: dict[str, Any] = {"/": page("Startsida – Testkommun", '<a href="/kontakt/">Kontakta oss</a>'),
              "/kontakt/": page("Kontakta oss", "<p>Ring oss</p>")}
    with LocalSite(routes=routes, host="127.0.0.183") as site:
        low = cli("check", site.base_url, "--min-score", "0.5", "--json", *FAST, cwd=tmp_path)
        assert low.returncode == 0, low.stderr
        result = json.loads(low.stdout)
        assert result["passed"] is True and result["dimension"] == "overall"
        assert 0.5 <= result["score"] <= 5

        db = tmp_path / "gate.db"
        high = cli("check", site.base_url, "--min-score", "5", "--dimension", "presence", *FAST, "--db", str(db),
                   cwd=tmp_path)
    assert high.returncode == 1, high.stderr
    assert high.stdout.startswith("FAIL: presence ")
    assert "page.https" in high.stdout  # plain http on loopback: the criterion that failed is named
    # --db keeps the crawl; without it the crawl went to a temporary database
    assert sorted(p.name for p in tmp_path.glob("*.db")) == ["gate.db"]


def test_check_unreachable_site_is_a_failure_not_a_pass(tmp_path: Path) -> None:
    done = cli("check", "http://127.0.0.184:9/", "--min-score", "0", *FAST, cwd=tmp_path)
    assert done.returncode == 3, (done.stdout, done.stderr)
    assert "could not be scored" in done.stderr


def test_check_usage_errors(tmp_path: Path) -> None:
    bad_dim = cli("check", "http://127.0.0.1/", "--min-score", "3", "--dimension", "speed", cwd=tmp_path)
    assert bad_dim.returncode == 2 and "--dimension" in bad_dim.stderr
    bad_score = cli("check", "http://127.0.0.1/", "--min-score", "7", cwd=tmp_path)
    assert bad_score.returncode == 2 and "--min-score" in bad_score.stderr
    bad_url = cli("check", "ftp://example.se/", "--min-score", "3", cwd=tmp_path)
    assert bad_url.returncode == 2 and "http(s)" in bad_url.stderr
