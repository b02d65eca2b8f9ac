"""The criteria commands end to end on a stored crawl: check, list, rescore, explain, verdict, diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from cm_helpers import PAGE_BASICS_MAP, Builder, ev
from typer.testing import CliRunner

from maturity.cli_criteria import register
from storage import Store, make_engine

app = typer.Typer()
register(app)
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, Store, int]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = Store(make_engine(url))
    b = Builder(store)
    b.orgs("alfa", "beta")
    crawl = b.crawl(["alfa", "beta"])
    b.page(crawl, "alfa", "/", [ev("page.https", "pass"), ev("page.title", "pass"), ev("page.lang", "pass"),
                                ev("page.description", "pass")], home=True)
    b.page(crawl, "alfa", "/a", [ev("page.https", "pass"), ev("page.title", "fail", snippet="<title></title>")])
    b.page(crawl, "beta", "/", [ev("page.https", "fail"), ev("page.title", "review"), ev("page.lang", "pass"),
                                ev("page.description", "error")], home=True)
    return url, store, crawl


def run(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_check_and_list() -> None:
    code, out, _ = run("criteria", "check", str(PAGE_BASICS_MAP))
    assert code == 0 and "ok: criteria map test.1: 4 criteria" in out
    code, out, _ = run("criteria", "list", "--json")
    data = json.loads(out)
    assert data["version"] == "2026.1" and len(data["criteria"]) >= 168
    first = data["criteria"][0]
    assert {"id", "title", "dimension", "weight", "pages", "source"} <= set(first)


def test_broken_map_exits_2_with_file_and_line(tmp_path: Path, db: tuple[str, Store, int]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(PAGE_BASICS_MAP.read_text(encoding="utf-8").replace('dimension = "presence"', 'dimension = "foo"', 1),
                   encoding="utf-8")
    code, _, err = run("criteria", "check", str(bad))
    assert code == 2 and "bad.toml:17: unknown dimension 'foo'" in err
    url, store, crawl = db
    code, _, err = run("rescore", "--map", str(bad), "--db", url)
    assert code == 2 and store.map_versions(crawl) == []  # nothing written


def test_rescore_explain_verdict_diff(db: tuple[str, Store, int], tmp_path: Path) -> None:
    url, store, crawl = db
    code, out, err = run("rescore", "--map", str(PAGE_BASICS_MAP), "--db", url)
    assert code == 0, err
    assert "crawl 1: 2 organisations scored with criteria map test.1" in out
    scores = {(d.org_id, d.dimension): d.score for d in store.dimension_scores(crawl, "test.1")}
    assert scores[("alfa", "experience")] == pytest.approx((2 * 0.5 + 1 * 1) / 3, abs=1e-6)

    code, out, err = run("explain", "alfa", "--map", str(PAGE_BASICS_MAP), "--db", url)
    assert code == 0, err
    assert "experience — Digital upplevelse: 3.3 / 5 (67 / 100), coverage 100%" in out
    assert "page.title" in out and "partial" in out
    assert "https://alfa.se/a page.title: page.title fail — <title></title>" in out  # evidence behind it

    # a verdict replaces a review, survives re-scoring, and is marked as manual
    code, out, err = run("verdict", "beta", "page.title", "pass", "--note", "Titles checked by hand",
                         "--url", "https://beta.se/", "--author", "anna", "--map", str(PAGE_BASICS_MAP), "--db", url)
    assert code == 0, err
    run("rescore", "--map", str(PAGE_BASICS_MAP), "--db", url)
    res = {r.criterion: r for r in store.criterion_results(crawl, "test.1", "beta")}
    assert (res["page.title"].outcome, res["page.title"].score) == ("pass", 1.0)
    assert res["page.title"].details["manual"]["author"] == "anna"
    code, out, _ = run("explain", "beta", "--dimension", "experience", "--map", str(PAGE_BASICS_MAP), "--db", url)
    assert "[manual]" in out and "manual verdict pass by anna" in out and "(automated: review)" in out

    # a verdict does not overrule a decisive automated fail
    code, _, err = run("verdict", "beta", "page.https", "pass", "--note", "x", "--author", "anna",
                       "--map", str(PAGE_BASICS_MAP), "--db", url)
    res = {r.criterion: r for r in store.criterion_results(crawl, "test.1", "beta")}
    assert res["page.https"].outcome == "fail" and "manual_not_applied" in res["page.https"].details

    # diff: a map with another weight changes alfa's experience and the ranking view
    text = PAGE_BASICS_MAP.read_text(encoding="utf-8").replace('"test.1"', '"test.2"')
    text = text.replace('dimension = "experience"\nweight = 2', 'dimension = "experience"\nweight = 1')
    other = tmp_path / "b.toml"
    other.write_text(text, encoding="utf-8")
    code, out, err = run("diff", "--map", "test.1", "--map", str(other), "--db", url)
    assert code == 0, err
    assert "alfa" in out and "experience" in out and "3.3" in out and "3.8" in out
    assert "ranking (overall):" in out
    code, out, _ = run("diff", "--map", "test.1", "--map", str(other), "--db", url, "--json")
    data = json.loads(out)
    change = next(c for c in data["changes"] if c["org"] == "alfa" and c["dimension"] == "experience")
    assert change["b"] == pytest.approx(0.75)


def test_verdict_csv_import_is_all_or_nothing(db: tuple[str, Store, int], tmp_path: Path) -> None:
    url, store, crawl = db
    bad = tmp_path / "v.csv"
    bad.write_text("org,criterion,verdict,note\nbeta,page.title,pass,ok\nbeta,page.nope,pass,ok\n", encoding="utf-8")
    code, _, err = run("verdict", "--import", str(bad), "--map", str(PAGE_BASICS_MAP), "--db", url)
    assert code == 2 and "v.csv:3: unknown criterion 'page.nope'" in err
    assert not [e for e in store.evidence(crawl) if e.probe_id == "manual"]
    good = tmp_path / "g.csv"
    good.write_text("org,criterion,verdict,note,url,author\n"
                    "beta,page.description,partial,Description present on some pages,https://beta.se/,bo\n",
                    encoding="utf-8")
    code, out, err = run("verdict", "--import", str(good), "--map", str(PAGE_BASICS_MAP), "--db", url)
    assert code == 0, err
    manual = [e for e in store.evidence(crawl) if e.probe_id == "manual"]
    assert [(e.criterion, e.outcome, e.author) for e in manual] == [("page.description", "partial", "bo")]
    res = {r.criterion: r for r in store.criterion_results(crawl, "test.1", "beta")}
    assert (res["page.description"].outcome, res["page.description"].score) == ("partial", 0.5)  # was missing


def test_verdict_lapses_when_a_newer_crawl_changes_the_evidence(db: tuple[str, Store, int]) -> None:
    url, store, crawl = db
    run("verdict", "beta", "page.title", "pass", "--note", "checked", "--author", "anna",
        "--map", str(PAGE_BASICS_MAP), "--db", url)
    b = Builder(store)
    same = b.crawl(["beta"])  # same underlying evidence: the verdict carries over
    b.page(same, "beta", "/", [ev("page.title", "review")], home=True)
    changed = b.crawl(["beta"])  # the site changed: the verdict no longer applies
    b.page(changed, "beta", "/", [ev("page.title", "review")], home=True)
    b.page(changed, "beta", "/new", [ev("page.title", "review")])
    run("rescore", "--map", str(PAGE_BASICS_MAP), "--db", url)
    got = {c: {r.criterion: r.outcome for r in store.criterion_results(c, "test.1", "beta")}
           for c in (crawl, same, changed)}
    assert got[crawl]["page.title"] == "pass"
    assert got[same]["page.title"] == "pass"
    assert got[changed]["page.title"] == "review"
    lapsed = {r.criterion: r for r in store.criterion_results(changed, "test.1", "beta")}["page.title"]
    assert "manual_lapsed" in lapsed.details
