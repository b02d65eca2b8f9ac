"""Scoring: page rules, missing vs fail, coverage, impact weights, re-scoring and map versions."""

from __future__ import annotations

from pathlib import Path

import pytest
from cm_helpers import PAGE_BASICS_MAP, Builder, ev

from criteria_map import load_map
from criteria_map.scoring import compute_scores, score_crawl
from storage import Store

AXE_CATALOG = {"page-basics": ("page.status", "page.https", "page.title", "page.lang", "page.description"),
               "accessibility": ("axe.*",), "statement": ("statement.compliance-status",)}


def seed(build: Builder) -> int:
    build.orgs("alfa", "beta", "gamma")
    crawl = build.crawl(["alfa", "beta", "gamma"])
    build.page(crawl, "alfa", "/", [ev("page.https", "pass"), ev("page.title", "pass"), ev("page.lang", "pass"),
                                     ev("page.description", "fail")], home=True)
    build.page(crawl, "alfa", "/a", [ev("page.https", "pass"), ev("page.title", "fail"), ev("page.lang", "fail"),
                                      ev("page.description", "pass")])
    build.page(crawl, "alfa", "/b", [ev("page.https", "pass"), ev("page.title", "partial"), ev("page.lang", "pass"),
                                      ev("page.description", "fail")])
    build.page(crawl, "beta", "/", [ev("page.https", "error"), ev("page.title", "review"),
                                    ev("page.lang", "not_applicable"), ev("page.description", "error")], home=True)
    build.page(crawl, "beta", "/a", [ev("page.https", "fail"), ev("page.title", "review")])
    return crawl


def results(store: Store, crawl: int, version: str) -> dict[tuple[str, str], tuple[str, float | None]]:
    return {(r.org_id, r.criterion): (r.outcome, r.score) for r in _all_results(store, crawl, version)}


def _all_results(store: Store, crawl: int, version: str) -> list:
    return store.criterion_results(crawl, version)


def dims(store: Store, crawl: int, version: str) -> dict[tuple[str, str], tuple[float | None, float]]:
    return {(d.org_id, d.dimension): (d.score, d.coverage) for d in store.dimension_scores(crawl, version)}


def test_page_rules_missing_and_coverage(store: Store, build: Builder) -> None:
    crawl = seed(build)
    cmap = load_map(PAGE_BASICS_MAP)
    score_crawl(store, crawl, cmap)
    r = results(store, crawl, "test.1")
    assert r[("alfa", "page.https")] == ("pass", 1.0)          # all pages pass
    assert r[("alfa", "page.title")] == ("partial", 0.5)       # share: (1 + 0 + 0.5) / 3
    assert r[("alfa", "page.lang")] == ("pass", 1.0)           # home only; /a's fail does not count
    assert r[("alfa", "page.description")] == ("pass", 1.0)    # any page
    assert r[("beta", "page.https")] == ("fail", 0.0)          # an error is never a pass
    assert r[("beta", "page.title")] == ("review", None)
    assert r[("beta", "page.lang")] == ("not_applicable", None)
    assert r[("beta", "page.description")] == ("missing", None)  # only errors
    assert r[("gamma", "page.https")] == ("missing", None)       # no evidence at all
    d = dims(store, crawl, "test.1")
    assert d[("alfa", "presence")] == (1.0, 1.0)
    assert d[("alfa", "experience")] == (pytest.approx(2 / 3, abs=1e-6), 1.0)
    assert d[("alfa", "overall")][0] == pytest.approx(5 / 6, abs=1e-6)
    assert d[("beta", "presence")] == (0.0, 0.75)     # description missing: left out, coverage 3/4
    assert d[("beta", "experience")] == (None, 0.0)   # nothing scored: null, not 0; n/a weighs 0
    assert d[("beta", "overall")] == (0.0, 0.375)     # mean of dimensions that have a score
    assert d[("gamma", "overall")] == (None, 0.0)


def test_edit_weight_and_rescore_without_network(store: Store, build: Builder, tmp_path: Path) -> None:
    crawl = seed(build)
    cmap = load_map(PAGE_BASICS_MAP)
    score_crawl(store, crawl, cmap)
    first = [(r.org_id, r.criterion, r.outcome, r.score, r.weight, r.evidence_count, r.details)
             for r in _all_results(store, crawl, "test.1")]
    first_dims = dims(store, crawl, "test.1")
    score_crawl(store, crawl, cmap)  # re-scoring with an unchanged map reproduces the scores exactly
    assert [(r.org_id, r.criterion, r.outcome, r.score, r.weight, r.evidence_count, r.details)
            for r in _all_results(store, crawl, "test.1")] == first
    assert dims(store, crawl, "test.1") == first_dims

    text = PAGE_BASICS_MAP.read_text(encoding="utf-8").replace('version = "test.1"', 'version = "test.2"')
    text = text.replace('dimension = "experience"\nweight = 2', 'dimension = "experience"\nweight = 1')
    edited = tmp_path / "edited.toml"
    edited.write_text(text, encoding="utf-8")
    new = load_map(edited)
    assert new.criterion("page.title") is not None and new.criterion("page.title").weight == 1.0  # type: ignore[union-attr]
    score_crawl(store, crawl, new)
    d2 = dims(store, crawl, "test.2")
    assert d2[("alfa", "experience")] == (0.75, 1.0)      # (1 x 0.5 + 1 x 1) / 2
    assert d2[("alfa", "overall")] == (0.875, 1.0)        # (1.0 + 0.75) / 2
    assert d2[("alfa", "presence")] == (1.0, 1.0)
    assert dims(store, crawl, "test.1") == first_dims     # the earlier version stays side by side
    assert sorted(store.map_versions(crawl)) == ["test.1", "test.2"]


def test_per_org_rescore_replaces_only_that_org(store: Store, build: Builder) -> None:
    crawl = seed(build)
    cmap = load_map(PAGE_BASICS_MAP)
    score_crawl(store, crawl, cmap)
    before = dims(store, crawl, "test.1")
    score_crawl(store, crawl, cmap, org_ids=["beta"])
    assert dims(store, crawl, "test.1") == before
    assert len(store.criterion_results(crawl, "test.1")) == 3 * 4


AXE_MAP = """
version = "axe.1"
[dimensions.experience]
title = "Digital upplevelse"
[[criteria]]
id = "wcag.1.1.1"
title = "Textalternativ"
title_en = "Non-text content"
dimension = "experience"
weight = 2
pages = "share"
source = "WCAG 2.1 SC 1.1.1"
evidence = ["axe.image-alt", "axe.role-img-alt"]
evidence_weights = { "axe.image-alt" = 10, "axe.role-img-alt" = 7 }
[[criteria]]
id = "statement.compliance-status"
title = "Förenlighet"
title_en = "Compliance status"
dimension = "experience"
weight = 1
pages = "any"
source = "DOS-lagen"
details = { key = "status", scores = { full = 1.0, partial = PARTIAL, none = 0.0 } }
[[criteria]]
id = "title.strict"
title = "Titlar, tröskel"
title_en = "Titles, threshold"
dimension = "experience"
weight = 1
pages = "share"
source = "test"
evidence = "page.title"
thresholds = { pass = 0.9, partial = 0.4 }
"""


def test_axe_impact_weights_review_details_and_thresholds(store: Store, build: Builder, tmp_path: Path) -> None:
    build.orgs("alfa")
    crawl = build.crawl(["alfa"])
    a = "accessibility"
    build.page(crawl, "alfa", "/", [ev("axe.image-alt", "pass", probe=a), ev("axe.role-img-alt", "fail", probe=a),
                                    ev("page.title", "pass")], home=True)
    build.page(crawl, "alfa", "/a", [ev("axe.image-alt", "pass", probe=a),
                                     ev("axe.role-img-alt", "not_applicable", probe=a), ev("page.title", "fail")])
    build.page(crawl, "alfa", "/b", [ev("axe.image-alt", "review", probe=a), ev("axe.role-img-alt", "pass", probe=a),
                                     ev("page.title", "partial")])
    build.site(crawl, "alfa", [ev("statement.compliance-status", "partial", probe="statement", status="partial")])
    path = tmp_path / "axe.toml"
    path.write_text(AXE_MAP.replace("PARTIAL", "0.25"), encoding="utf-8")
    cmap = load_map(path, catalog=AXE_CATALOG)
    got = {r.criterion: (r.outcome, r.score) for r in compute_scores(store, crawl, cmap).criteria}
    # per rule, the share of pages free of violations (review is no failure, n/a weighs 0):
    # image-alt (critical, 10) 2 of 2, role-img-alt (serious, 7) 1 of 2
    assert got["wcag.1.1.1"] == ("partial", round((10 * 1.0 + 7 * 0.5) / 17, 6))
    assert got["statement.compliance-status"] == ("partial", 0.25)  # the details rule, not the outcome's 0.5
    assert got["title.strict"] == ("partial", 0.5)  # share 0.5 is >= 0.4 but < 0.9


def test_sql_and_python_paths_agree(store: Store, build: Builder, tmp_path: Path) -> None:
    """Criteria with a details rule are aggregated in Python; without, in SQL: same semantics."""
    crawl = seed(build)
    text = PAGE_BASICS_MAP.read_text(encoding="utf-8")
    py = text.replace('source = "WCAG 2.4.2"', 'source = "WCAG 2.4.2"\ndetails = { key = "nope", scores = { x = 1 } }')
    py = py.replace('source = "Webbriktlinjer R7"', 'source = "R7"\ndetails = { key = "nope", scores = { x = 1 } }')
    py = py.replace('source = "WCAG 3.1.1"', 'source = "WCAG 3.1.1"\ndetails = { key = "nope", scores = { x = 1 } }')
    path = tmp_path / "py.toml"
    path.write_text(py, encoding="utf-8")
    a = compute_scores(store, crawl, load_map(PAGE_BASICS_MAP))
    b = compute_scores(store, crawl, load_map(path))
    assert [(c.org_id, c.criterion, c.outcome, c.score, c.evidence_count, c.details) for c in a.criteria] == \
           [(c.org_id, c.criterion, c.outcome, c.score, c.evidence_count, c.details) for c in b.criteria]
    assert [(d.org_id, d.dimension, d.score, d.coverage) for d in a.dimensions] == \
           [(d.org_id, d.dimension, d.score, d.coverage) for d in b.dimensions]
