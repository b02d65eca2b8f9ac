"""Bad input: one clear line naming the file and line (or the value), exit code 2, nothing written.

In-process through Typer's runner (the real process is exercised in tests/test_cli.py), so
each case costs milliseconds; and the frontier's refusal of internal addresses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from crawler.plan import make_plan
from crawler.settings import CrawlSettings
from crawler.site import SiteCrawler
from crawler.urls import HOST_MAP_ENV
from maturity.cli import app

TARGETS = [
    ("missing-url.toml", '[[organization]]\nid = "a"\nname = "A"\n', ":1:", "url"),
    ("scheme.toml", '[[organization]]\nid = "a"\nname = "A"\nurl = "file:///etc/passwd"\n', ":1:", "http(s)"),
    ("js.csv", "id,name,url\na,A,https://a.se\nb,B,javascript:alert(1)\n", ":3:", "javascript:alert(1)"),
    ("dupe.toml", '[[organization]]\nid = "a"\nname = "A"\nurl = "https://a.se"\n\n'
                  '[[organization]]\nid = "a"\nname = "B"\nurl = "https://b.se"\n', ":6:", "duplicate id 'a'"),
    ("bad.toml", "[[organization]\nid=", ":", "TOML"),
    ("bad.csv", "name,url\nA,https://a.se\n", ":1:", "header"),
]


def run(tmp: Path, *args: str) -> Any:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result


def assert_one_line_exit_2(result: Any, *needles: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("maturity: error: ")
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize(("name", "text", "line", "what"), TARGETS, ids=[t[0] for t in TARGETS])
def test_malformed_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, line: str,
                           what: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run(tmp_path, "crawl", name, "--db", "out.db", "--allow-private")
    assert_one_line_exit_2(result, name + line, what)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name], "something was written"


GOOD_TARGETS = '[[organization]]\nid = "a"\nname = "A"\nurl = "https://a.se"\n'
MAPS = [
    ("syntax.toml", "version = [\n", "syntax.toml:1:"),
    ("nodims.toml", 'version = "x"\nscale = 5\n', "nodims.toml:"),
    ("unknown-dim.toml", 'version = "x"\nscale = 5\n[dimensions.presence]\ntitle = "P"\ntitle_en = "P"\n\n'
                         '[[criteria]]\nid = "page.status"\ndimension = "nowhere"\nweight = 1\npages = "any"\n'
                         'source = "s"\nevidence = ["page.status"]\n', "unknown-dim.toml:"),
    ("negative.toml", 'version = "x"\nscale = 5\n[dimensions.presence]\ntitle = "P"\ntitle_en = "P"\n\n'
                      '[[criteria]]\nid = "page.status"\ndimension = "presence"\nweight = -2\npages = "any"\n'
                      'source = "s"\nevidence = ["page.status"]\n', "negative.toml:"),
]


@pytest.mark.parametrize(("name", "text", "where"), MAPS, ids=[m[0] for m in MAPS])
def test_broken_criteria_maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str,
                              where: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.toml").write_text(GOOD_TARGETS, encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert_one_line_exit_2(run(tmp_path, "crawl", "t.toml", "--map", name, "--db", "out.db"), where)
    assert_one_line_exit_2(run(tmp_path, "criteria", "check", name), where)
    assert not (tmp_path / "out.db").exists()


def test_unknown_probes_and_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.toml").write_text(GOOD_TARGETS, encoding="utf-8")
    assert_one_line_exit_2(run(tmp_path, "crawl", "t.toml", "--probes", "page-basics,no-such-probe",
                               "--db", "out.db"), "no-such-probe")
    assert_one_line_exit_2(run(tmp_path, "crawl", "t.toml", "--mobile", "sometimes", "--db", "out.db"),
                           "'sometimes'")
    assert_one_line_exit_2(run(tmp_path, "crawl", "t.toml", "--org", "b", "--db", "out.db"), "'b'")
    assert_one_line_exit_2(run(tmp_path, "probe", "page-basics", "file:///etc/passwd"), "file:///etc/passwd")
    assert_one_line_exit_2(run(tmp_path, "probe", "page-basics", "javascript:alert(1)"), "javascript:alert(1)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.toml"]


def test_unwritable_database_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.toml").write_text(GOOD_TARGETS, encoding="utf-8")
    missing = tmp_path / "no" / "such" / "dir" / "m.db"
    assert_one_line_exit_2(run(tmp_path, "crawl", "t.toml", "--db", str(missing)), str(missing.parent))
    assert_one_line_exit_2(run(tmp_path, "crawl", "t.toml", "--db", "/etc/passwd/m.db"), "/etc/passwd")
    assert_one_line_exit_2(run(tmp_path, "crawl", "t.toml", "--db", "postgresql+nosuchdriver://x/y"),
                           "nosuchdriver")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.toml"]


def _site(url: str, allow_private: bool) -> SiteCrawler:
    settings = CrawlSettings(allow_private=allow_private)
    org = {"id": "k", "name": "K", "type": "municipality", "url": url}
    return SiteCrawler(org, settings, make_plan([]), None, None, None, None, None)  # type: ignore[arg-type]


def test_in_scope_names_that_point_inside_are_not_followed(monkeypatch: pytest.MonkeyPatch) -> None:
    """An in-scope host name resolving to an internal address (intranet.kommun.se -> 10.x) is
    not followed unless --allow-private: a crawl cannot be turned against internal services."""
    monkeypatch.setenv(HOST_MAP_ENV, "intranet.kommun.se=10.1.2.3,metadata.kommun.se=169.254.169.254,"
                                     "www.kommun.se=93.184.216.34")
    site = _site("https://www.kommun.se/", allow_private=False)
    assert site._candidate("https://www.kommun.se/kontakt/", "Kontakt", "nav", 1) is not None
    assert site._candidate("https://intranet.kommun.se/admin/", "Intranät", "nav", 1) is None
    assert site._candidate("https://metadata.kommun.se/latest/", "", "body", 1) is None
    allowed = _site("https://www.kommun.se/", allow_private=True)
    assert allowed._candidate("https://intranet.kommun.se/admin/", "Intranät", "nav", 1) is not None
