"""Commands for reading results and running unattended: report, crawls, prune, check.

`check` is a gate for an organisation's own pipeline, in the spirit of pa11y-ci
thresholds and Lighthouse CI assertions: crawl one site, score it with the map, and exit
non-zero below a threshold, naming the criteria that cost the points.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import typer
from rich.console import Console
from rich.table import Table

from maturity.cli_common import EXIT_OK, EXIT_PARTIAL, DbOption, artifacts_dir, fail, open_store

EXIT_FAILURE = 3  # nothing could be measured: the site was not crawled, or the dimension has no score
out = Console()


# ---- report ----------------------------------------------------------------------------
def report(
    db: DbOption = None,
    crawl_id: Annotated[int | None, typer.Option("--crawl", help="Crawl id (default: the latest).")] = None,
    map_version: Annotated[str | None, typer.Option("--map", help="Criteria-map version or file (default: bundled).")] = None,
    out_dir: Annotated[str, typer.Option("--out", help="Report directory (its index.html is the entry page).")] = "maturity-report",
    lang: Annotated[str, typer.Option("--lang", help="sv or en.")] = "sv",
) -> None:
    """Write a self-contained static report (ranking, charts, trends, evidence, CSV/JSON)."""
    from maturity.report import ReportError, build_report

    if lang not in ("sv", "en"):
        fail(f"--lang must be sv or en, not {lang!r}")
    store = open_store(db, must_exist=True)
    try:
        path = build_report(store, Path(out_dir), artifacts=artifacts_dir(db), crawl_id=crawl_id,
                            map_version=map_version, lang=lang)
    except ReportError as exc:
        fail(str(exc))
    print(f"Report: {path}")


# ---- crawls ----------------------------------------------------------------------------
def _duration(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    if (start.tzinfo is None) != (end.tzinfo is None):
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    return max(0.0, (end - start).total_seconds())


def _fmt_duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    m, s = divmod(int(round(seconds)), 60)
    h, m = divmod(m, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s"


def crawls(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")] = False,
) -> None:
    """List past crawls: when, how many sites and pages, status, duration."""
    store = open_store(db, must_exist=True)
    rows: list[dict[str, Any]] = []
    for c, sites, not_done, pages in store.report_crawl_summaries():
        rows.append({"id": c.id, "started_at": c.started_at.isoformat() if c.started_at else None,
                     "finished_at": c.finished_at.isoformat() if c.finished_at else None, "status": c.status,
                     "sites": sites, "sites_failed": not_done if c.status != "running" else None, "pages": pages,
                     "duration_s": _duration(c.started_at, c.finished_at), "code_version": c.code_version})
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title="Crawls")
    for col in ("id", "started", "status", "sites", "failed", "pages", "duration"):
        table.add_column(col, justify="right" if col in ("id", "sites", "failed", "pages") else "left")
    for r in rows:
        table.add_row(str(r["id"]), (r["started_at"] or "")[:16].replace("T", " "), r["status"], str(r["sites"]),
                      "–" if r["sites_failed"] is None else str(r["sites_failed"]), str(r["pages"]),
                      _fmt_duration(r["duration_s"]))
    out.print(table)


# ---- prune -----------------------------------------------------------------------------
def parse_age(text: str) -> timedelta:
    """"30d", "12h", "2w", "90m" or a bare number of days."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([mhdw]?)\s*", text)
    if not m:
        raise ValueError(f"{text!r} is not an age like 30d, 12h or 2w")
    n = float(m.group(1))
    unit = m.group(2) or "d"
    return timedelta(**{{"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[unit]: n})


def prune(
    artifacts_older_than: Annotated[str, typer.Option("--artifacts-older-than", help="Age, e.g. 30d, 12h, 2w.")],
    db: DbOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only say what would be removed.")] = False,
) -> None:
    """Remove old screenshots from disk; evidence, scores and the files' records stay."""
    try:
        age = parse_age(artifacts_older_than)
    except ValueError as exc:
        fail(f"--artifacts-older-than: {exc}")
    store = open_store(db, must_exist=True)
    root = artifacts_dir(db).resolve()
    cutoff = datetime.now(UTC) - age
    keep = store.report_paths_since(cutoff)
    removed, freed = 0, 0
    seen: set[str] = set()
    for f in store.report_files_before(cutoff):
        if f.path in keep or f.path in seen:
            continue
        seen.add(f.path)
        path = (root / f.path).resolve()
        if root not in path.parents or not path.is_file():
            continue
        size = path.stat().st_size
        if not dry_run:
            path.unlink()
            try:
                path.parent.rmdir()  # the two-letter shard, once empty
            except OSError:
                pass
        removed, freed = removed + 1, freed + size
    verb = "would remove" if dry_run else "removed"
    print(f"{verb} {removed} screenshot file(s), {freed / 1e6:.1f} MB, older than {artifacts_older_than} "
          f"(before {cutoff:%Y-%m-%d %H:%M} UTC); evidence and scores kept")


# ---- check -----------------------------------------------------------------------------
def check(
    url: Annotated[str, typer.Argument(help="Start page of the site to check.")],
    min_score: Annotated[float, typer.Option("--min-score", help="Lowest acceptable score (0–5).")],
    dimension: Annotated[str | None, typer.Option("--dimension", help="A dimension id (default: overall).")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Keep the crawl in this database (default: a temporary one).")] = None,
    map_file: Annotated[str | None, typer.Option("--map", help="Criteria map (default: bundled).")] = None,
    max_pages: Annotated[int, typer.Option(help="Pages to crawl.")] = 30,
    delay: Annotated[float | None, typer.Option(help="Seconds between requests (default 1).")] = None,
    page_timeout: Annotated[float | None, typer.Option(help="Seconds per page load (default 30).")] = None,
    probes: Annotated[str | None, typer.Option(help="Comma-separated probe ids (default: all).")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow loopback/private targets (staging).")] = False,
    block_external: Annotated[bool, typer.Option("--block-external", help="Abort browser requests to non-loopback hosts.")] = False,
    browser: Annotated[str | None, typer.Option("--browser", help="Chromium executable.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
) -> None:
    """Crawl one site and fail (exit 1) when its score is below --min-score, naming the
    criteria that failed."""
    from maturity import cli

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        fail(f"{url!r} is not an http(s) URL")
    cmap = cli._load_map(map_file)
    dim = dimension or "overall"
    if dim != "overall" and dim not in cmap.dimensions:
        fail(f"--dimension must be one of overall, {', '.join(cmap.dimensions)}; not {dim!r}")
    if not 0 <= min_score <= cmap.scale:
        fail(f"--min-score must be between 0 and {cmap.scale:g}")
    ids = cli._probe_list(probes)
    settings = cli._settings(max_pages=max_pages, delay=delay, page_timeout=page_timeout, allow_private=allow_private,
                             block_external=block_external, browser=browser, probes=ids, concurrency=1,
                             screenshots=db is not None)
    cli._check_browser(settings)
    host = parts.hostname.lower()
    org = {"id": host, "name": host, "type": "other", "url": url}
    with tempfile.TemporaryDirectory(prefix="maturity-check-") as tmp:
        store = open_store(db or str(Path(tmp) / "check.db"))
        artifacts = artifacts_dir(db) if db else Path(tmp) / "artifacts"
        from maturity.lock import exclusive_crawl

        with exclusive_crawl(store.engine):
            code, payload = _check_run(store, org, settings, cmap, artifacts, dim, min_score)
        store.engine.dispose()
    if as_json:
        print(json.dumps(payload, ensure_ascii=False))
    else:
        _print_check(payload)
    raise typer.Exit(code)


def _check_run(store: Any, org: dict[str, Any], settings: Any, cmap: Any, artifacts: Path, dim: str,
               min_score: float) -> tuple[int, dict[str, Any]]:
    from crawler.crawl import crawl as do_crawl
    from criteria_map.scoring import score_crawl
    from probes.registry import select

    result = asyncio.run(do_crawl(store, [org], settings, select(settings.probes or None), artifacts))
    score_crawl(store, result.crawl_id, cmap)
    site = result.sites.get(org["id"])
    dims = {d.dimension: d for d in store.dimension_scores(result.crawl_id, cmap.version) if d.org_id == org["id"]}
    row = dims.get(dim)
    score = None if row is None or row.score is None else round(row.score * cmap.scale, 2)
    crits = [c for c in store.criterion_results(result.crawl_id, cmap.version, org["id"])
             if (dim == "overall" or c.dimension == dim) and c.outcome in ("fail", "partial")]
    crits.sort(key=lambda c: -(c.weight * (1.0 - (c.score or 0.0))))
    titles = {c.id: c.title_en for c in cmap.criteria}
    payload: dict[str, Any] = {
        "url": org["url"], "crawl": result.crawl_id, "map_version": cmap.version, "dimension": dim,
        "score": score, "min_score": min_score, "coverage": None if row is None else round(row.coverage, 3),
        "site_status": site.status if site else None, "site_error": site.error if site else None,
        "dimensions": {d: None if r.score is None else round(r.score * cmap.scale, 2) for d, r in dims.items()},
        "failed": [{"criterion": c.criterion, "title": titles.get(c.criterion, c.criterion), "dimension": c.dimension,
                    "outcome": c.outcome, "score": c.score, "weight": c.weight} for c in crits],
    }
    if score is None:  # not crawled, or nothing in the dimension measurable: not a pass
        payload["passed"] = False
        return EXIT_FAILURE, payload
    payload["passed"] = score >= min_score - 1e-9
    return (EXIT_OK if payload["passed"] else EXIT_PARTIAL), payload


def _print_check(p: dict[str, Any]) -> None:
    label = p["dimension"]
    if p["score"] is None:
        reason = p["site_error"] or "no criterion in it could be measured"
        print(f"maturity check: {label} could not be scored for {p['url']}: {reason}", file=sys.stderr)
        return
    verdict = "PASS" if p["passed"] else "FAIL"
    print(f"{verdict}: {label} {p['score']:.1f} (minimum {p['min_score']:g}; coverage {p['coverage'] * 100:.0f} %) "
          f"· {p['url']} · criteria map {p['map_version']}")
    if not p["passed"] or p["failed"]:
        table = Table(title="Criteria not met" if not p["passed"] else "Criteria not fully met")
        for col in ("criterion", "dimension", "outcome", "score", "weight"):
            table.add_column(col)
        for c in p["failed"][:30]:
            table.add_row(f"{c['criterion']} – {c['title']}", c["dimension"], c["outcome"],
                          "–" if c["score"] is None else f"{c['score']:.2f}", f"{c['weight']:g}")
        out.print(table)


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("crawls")(crawls)
    app.command("prune")(prune)
    app.command("check")(check)
