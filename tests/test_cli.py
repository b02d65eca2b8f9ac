"""The command line as users run it: real processes, real Chromium, local sites."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from maturity.localsite import LocalSite
from tests.sites import page

OUTCOMES = {"pass", "fail", "partial", "review", "not_applicable", "error"}


def maturity(*args: str, cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maturity.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd)


def test_probe_json_contract(tmp_path: Path) -> None:
    home = page("Startsida – Testkommun", "<p>Välkommen</p>",
                head='<meta name="description" content="Testkommun är en kommun i Sverige med 10 000 invånare.">')
    with LocalSite(routes={"/": home}, host="127.0.0.51") as site:
        done = maturity("probe", "page-basics", site.base_url, "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = [ln for ln in done.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1
    payload = json.loads(lines[0])
    assert payload["probe"] == "page-basics" and payload["probe_version"] == "1"
    assert payload["url"] == site.base_url
    by = {e["criterion"]: e for e in payload["evidence"]}
    assert set(by) == {"page.status", "page.https", "page.title", "page.lang", "page.description"}
    for e in payload["evidence"]:
        assert {"criterion", "outcome", "score", "message", "details"} <= set(e)
        assert e["outcome"] in OUTCOMES
        assert e["score"] is None or 0 <= e["score"] <= 1
    assert by["page.status"]["outcome"] == "pass"
    assert by["page.https"]["outcome"] == "fail"  # plain http on loopback
    assert by["page.lang"]["outcome"] == "pass"
    assert by["page.description"]["outcome"] == "pass"
    assert not list(tmp_path.glob("*.db")), "probe stored something without --store"


def test_probe_on_unreachable_url_is_an_error_not_a_pass(tmp_path: Path) -> None:
    done = maturity("probe", "page-basics", "http://127.0.0.52:9/", "--json", "--page-timeout", "5", cwd=tmp_path)
    assert done.returncode == 1
    payload = json.loads(done.stdout)
    assert payload["evidence"] and all(e["outcome"] == "error" for e in payload["evidence"])
    assert "could not look" in done.stderr


def test_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path: Path) -> None:
    unknown = maturity("probe", "no-such-probe", "http://127.0.0.1/", cwd=tmp_path)
    assert unknown.returncode == 2
    assert unknown.stderr.strip().count("\n") == 0 and "no-such-probe" in unknown.stderr

    bad = tmp_path / "bad.toml"
    bad.write_text('[[organization]]\nid = "x"\nname = "X"\nurl = "file:///etc/passwd"\n', encoding="utf-8")
    db = tmp_path / "out.db"
    done = maturity("crawl", str(bad), "--db", str(db), cwd=tmp_path)
    assert done.returncode == 2
    assert f"{bad}:1:" in done.stderr and "http(s)" in done.stderr
    assert not db.exists()

    notscheme = maturity("probe", "page-basics", "file:///etc/passwd", cwd=tmp_path)
    assert notscheme.returncode == 2

    probes = maturity("crawl", str(bad), "--probes", "page-basics,bogus", "--db", str(db), cwd=tmp_path)
    assert probes.returncode == 2 and "bogus" in probes.stderr and not db.exists()


def test_probes_lists_every_probe_with_criteria(tmp_path: Path) -> None:
    done = maturity("probes", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    ids = {r["id"] for r in rows}
    assert "page-basics" in ids
    assert all(r["criteria"] and r["version"] and r["description"] for r in rows)


def test_crawl_then_scores_json(tmp_path: Path) -> None:
    routes = {"/": page("Startsida – Testkommun", '<a href="/kontakt/">Kontakta oss</a>'),
              "/kontakt/": page("Kontakta oss", "<p>Ring 08-123 45 00</p>", lang="")}
    with LocalSite(routes=routes, host="127.0.0.53") as site:
        targets = tmp_path / "t.csv"
        targets.write_text(f"id,name,type,url\ntestkommun,Testkommun,municipality,{site.base_url}\n", encoding="utf-8")
        db = tmp_path / "m.db"
        done = maturity("crawl", str(targets), "--db", str(db), "--allow-private", "--block-external",
                        "--delay", "0", "--probes", "page-basics", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    scores = maturity("scores", "--json", "--db", str(db), cwd=tmp_path)
    assert scores.returncode == 0, scores.stderr
    payload = json.loads(scores.stdout)
    assert payload["crawl"] == 1 and payload["map_version"]
    (org,) = payload["organizations"]
    assert org["id"] == "testkommun" and org["name"] == "Testkommun"
    assert set(org["dimensions"]) == {"presence", "experience", "ecrm", "mobile", "social"}
    scored = [v for v in org["dimensions"].values() if v is not None]
    assert scored, "page-basics evidence should score at least one dimension"
    assert all(0 <= v <= 5 for v in scored)
    assert org["overall"] == round(sum(scored) / len(scored), 2) or abs(org["overall"] - sum(scored) / len(scored)) < 0.01
    assert any(v is None for v in org["dimensions"].values()), "dimensions without evidence must be null, not 0"


def test_scores_table_rounds_once() -> None:
    """The table gets unrounded scores (0.0451 must print 0.0, not 0.05 → 0.1); JSON keeps 2 decimals."""
    from types import SimpleNamespace

    from maturity.cli import scores_payload

    rows = [SimpleNamespace(org_id="k", dimension=d, score=0.00902, coverage=1.0) for d in ("overall", "presence")]
    store: Any = SimpleNamespace(dimension_scores=lambda _c, _m: rows,
                                 organizations=lambda _ids: [SimpleNamespace(id="k", name="K")])
    raw = scores_payload(store, 1, "m", digits=None)["organizations"][0]
    assert f"{raw['overall']:.1f}" == "0.0"
    assert scores_payload(store, 1, "m")["organizations"][0]["overall"] == 0.05
