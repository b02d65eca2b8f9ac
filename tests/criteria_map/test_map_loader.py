"""Loading maps: the default map's richness, and errors that name file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cm_helpers import PAGE_BASICS_MAP

from criteria_map import MapError, default_map_path, load_map
from criteria_map.catalog import registry_catalog
from criteria_map.docs import ROOT, render
from criteria_map.scoring import expand

DIMENSIONS = {"presence", "experience", "ecrm", "mobile", "social"}


def test_default_map_is_rich_and_backed_by_probe_evidence() -> None:
    cmap = load_map()  # validated against the probe registry
    assert len(cmap.criteria) >= 168
    assert set(cmap.dimensions) == DIMENSIONS
    assert all(cmap.by_dimension(d) for d in DIMENSIONS)
    catalog, broken = registry_catalog()
    assert not broken
    declared = [c for crits in catalog.values() for c in crits]
    for c in cmap.criteria:
        assert c.title.strip() and c.title_en.strip() and c.source.strip()
        # every selector names something a registered probe emits (axe.* admits axe rules)
        assert expand(c, [d for d in declared if "*" not in d]) or any(e.startswith("axe.") for e in c.evidence)


def test_axe_rules_grouped_by_success_criterion() -> None:
    cmap = load_map()
    sc = cmap.criterion("wcag.1.1.1")
    assert sc is not None and sc.pages == "share" and sc.probe == "accessibility"
    assert "axe.image-alt" in sc.evidence
    assert sc.weight_of("axe.image-alt") == 10  # critical
    contrast = cmap.criterion("wcag.1.4.3")
    assert contrast is not None and contrast.evidence == ("axe.color-contrast",)
    assert contrast.weight_of("axe.color-contrast") == 7  # serious


def test_criteria_md_is_current() -> None:
    assert (ROOT / "CRITERIA.md").read_text(encoding="utf-8") == render(load_map(default_map_path()))


def test_tiny_page_basics_map_loads() -> None:
    cmap = load_map(PAGE_BASICS_MAP)
    assert cmap.version == "test.1" and [c.id for c in cmap.criteria][:2] == ["page.https", "page.title"]


def broken(tmp_path: Path, old: str, new: str, count: int = 1) -> tuple[str, str]:
    text = PAGE_BASICS_MAP.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, count)
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MapError) as err:
        load_map(path)
    return str(err.value), text


def line_of(text: str, needle: str, nth: int = 0) -> int:
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[nth]


@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ('dimension = "experience"\nweight = 2', 'dimension = "foo"\nweight = 2', 'dimension = "foo"',
     "unknown dimension 'foo'"),
    ("weight = 1\npages = \"home\"", "weight = -1\npages = \"home\"", "weight = -1", "bad weight -1"),
    ("weight = 3", 'weight = "heavy"', 'weight = "heavy"', "bad weight 'heavy'"),
    ('id = "page.lang"', 'id = "page.title"', 'id = "page.title"', "duplicate criterion id 'page.title'"),
    ('pages = "home"', 'pages = "most"', 'pages = "most"', "bad pages 'most'"),
    ('id = "page.lang"\n', 'id = "page.lang"\nevidence = ["page.langauge"]\n', "page.langauge",
     "unknown criterion 'page.langauge'"),
    ('id = "page.lang"\n', 'id = "page.lang"\nprobe = "pagebasics"\n', 'probe = "pagebasics"',
     "unknown probe 'pagebasics'"),
    ('id = "page.lang"\n', 'id = "page.lang"\nwieght = 2\n', "wieght", "unknown key 'wieght'"),
    ('source = "WCAG 3.1.1"', 'source = "WCAG 3.1.1"\noutcome_scores = { pass = 2 }', "outcome_scores",
     "not a number in 0..1"),
])
def test_errors_name_file_and_line(tmp_path: Path, old: str, new: str, needle: str, message: str) -> None:
    msg, text = broken(tmp_path, old, new)
    nth = 1 if message.startswith("duplicate") else 0
    m = re.match(r"^(.+?):(\d+): (.*)$", msg)
    assert m, msg
    assert m.group(1).endswith("x.toml")
    assert int(m.group(2)) == line_of(text, needle, nth), msg
    assert message in m.group(3)


def test_toml_syntax_error_has_line(tmp_path: Path) -> None:
    msg, text = broken(tmp_path, 'title_en = "Encrypted connection"', 'title_en = "Encrypted connection')
    line = line_of(text, 'title_en = "Encrypted connection')
    assert re.match(rf".*x\.toml:{line}: TOML syntax", msg), msg


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MapError, match=r"nope\.toml: no such file"):
        load_map(tmp_path / "nope.toml")
