"""The `maturity` command line: a thin layer over crawler, probes, storage and criteria_map."""

from __future__ import annotations

import asyncio
import gc
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from crawler.settings import CrawlSettings
from crawler.targets import TargetsError, load_targets
from maturity import __version__
from maturity.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    DbOption,
    artifacts_dir,
    fail,
    open_store,
)
from maturity.logs import configure

if TYPE_CHECKING:
    from storage.repository import Store

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Measure how digitally mature public-sector websites are.")
DIMENSIONS = ("presence", "experience", "ecrm", "mobile", "social")
out = Console()


@app.callback()
def _main(
    log_level: Annotated[str, typer.Option("--log-level", help="debug, info, warning or error.")] = "warning",
    json_logs: Annotated[bool | None, typer.Option("--json-logs/--console-logs",
                                                   help="Log format (default: console on a TTY).")] = None,
) -> None:
    configure(log_level, json_logs)


def _settings(**kw: Any) -> CrawlSettings:
    return CrawlSettings(**{k: v for k, v in kw.items() if v is not None})


def _probe_list(probes: str | None) -> list[str]:
    from probes.registry import UnknownProbe, get_probe
    ids = [p.strip() for p in (probes or "").split(",") if p.strip()]
    for pid in ids:
        try:
            get_probe(pid)
        except UnknownProbe as exc:
            fail(str(exc))
    return ids


def _load_map(map_file: str | None) -> Any:
    from criteria_map import MapError, load_map
    try:
        return load_map(map_file)
    except MapError as exc:
        fail(str(exc))


@app.command()
def crawl(
    targets: Annotated[str | None, typer.Argument(help="TOML/CSV file or bundled list (sweden-2019-study, sweden-public-sector).")] = None,
    db: DbOption = None,
    org: Annotated[list[str] | None, typer.Option("--org", help="Only these organisation ids.")] = None,
    max_pages: Annotated[int | None, typer.Option(help="Pages per site (default 200).")] = None,
    max_depth: Annotated[int | None, typer.Option(help="Clicks from the start page (default 5).")] = None,
    delay: Annotated[float | None, typer.Option(help="Seconds between requests to one host (default 1).")] = None,
    concurrency: Annotated[int | None, typer.Option(help="Sites crawled at once (default 4).")] = None,
    page_timeout: Annotated[float | None, typer.Option(help="Seconds per page load (default 30).")] = None,
    site_time_limit: Annotated[float | None, typer.Option(help="Seconds per site (default 900).")] = None,
    mobile: Annotated[str | None, typer.Option(help="Mobile rendering: key (default), all or none.")] = None,
    probes: Annotated[str | None, typer.Option(help="Comma-separated probe ids (default: all).")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow loopback/private targets.")] = False,
    block_external: Annotated[bool, typer.Option("--block-external", help="Abort browser requests to non-loopback hosts.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the last interrupted crawl.")] = False,
    browser: Annotated[str | None, typer.Option("--browser", help="Chromium executable.")] = None,
    contact: Annotated[str | None, typer.Option("--contact", help="Contact URL put in the User-Agent.")] = None,
    map_file: Annotated[str | None, typer.Option("--map", help="Criteria map for the scores (default: bundled).")] = None,
    distributed: Annotated[bool, typer.Option("--distributed", help="Enqueue one job per organisation for `maturity worker`s; wait, then score.")] = False,
    broker: Annotated[str | None, typer.Option("--broker", envvar="MATURITY_BROKER", help="Redis URL of the job queue for --distributed.")] = None,
    queue: Annotated[str | None, typer.Option("--queue", envvar="MATURITY_QUEUE", help="Queue name for --distributed (default maturity).")] = None,
) -> None:
    """Crawl the target organisations, run the probes, store evidence and print scores."""
    if mobile is not None and mobile not in ("key", "all", "none"):
        fail(f"--mobile must be key, all or none, not {mobile!r}")
    ids = _probe_list(probes)
    cmap = _load_map(map_file)
    try:
        orgs = [o.as_dict() for o in load_targets(targets)]
    except TargetsError as exc:
        fail(str(exc))
    if org:
        unknown = sorted(set(org) - {o["id"] for o in orgs})
        if unknown:
            fail(f"--org {unknown[0]!r} is not in the targets")
        orgs = [o for o in orgs if o["id"] in set(org)]
    settings = _settings(max_pages=max_pages, max_depth=max_depth, delay=delay, concurrency=concurrency,
                         page_timeout=page_timeout, site_time_limit=site_time_limit, mobile=mobile,
                         allow_private=allow_private, block_external=block_external, browser=browser,
                         contact_url=contact, probes=ids)
    if distributed:  # the workers need the browser, not this process
        from maturity.cli_worker import crawl_distributed
        raise typer.Exit(crawl_distributed(orgs, settings, cmap, db, resume, broker, queue))
    _check_browser(settings)
    store = open_store(db)
    code = run_crawl(store, orgs, settings, cmap, db, resume)
    raise typer.Exit(code)


def _check_browser(settings: CrawlSettings) -> None:
    from crawler.browser_path import BrowserNotFound, find_chromium
    try:
        find_chromium(settings.browser)
    except BrowserNotFound as exc:
        fail(str(exc))


def run_crawl(store: Store, orgs: list[dict[str, Any]], settings: CrawlSettings, cmap: Any, db: str | None,
              resume: bool = False) -> int:
    """Crawl, score and print; returns the exit code. Shared by `crawl` and `demo`."""
    from maturity.lock import exclusive_crawl

    with exclusive_crawl(store.engine):  # one crawl per database (issue 8)
        from crawler.crawl import crawl as do_crawl
        from criteria_map.scoring import score_crawl
        from probes.registry import select

        resume_id = None
        if resume:
            last = store.latest_crawl()
            if last is None or last.status not in ("running", "interrupted"):
                fail("--resume: no interrupted crawl in this database")
            resume_id = last.id
            settings = replace(CrawlSettings(**{k: v for k, v in last.settings.items()
                                                if k in CrawlSettings.__dataclass_fields__}),
                               browser=settings.browser)
            orgs = [{"id": o.id, "name": o.name, "type": o.type, "url": o.url, "also": o.domains}
                    for o in store.organizations([s.org_id for s in store.sites(last.id)])]
        probes = select(settings.probes or None)
        progress = _progress()
        try:
            result = asyncio.run(do_crawl(store, orgs, settings, probes, artifacts_dir(db), resume_id, progress))
        except KeyboardInterrupt:
            last = store.latest_crawl()
            if last is not None and last.status == "running":
                store.set_crawl_status(last.id, "interrupted")
            fail("interrupted; continue with `maturity crawl --resume`", EXIT_PARTIAL)
        score_crawl(store, result.crawl_id, cmap)
        print_scores(store, result.crawl_id, cmap.version, cmap.scale)
        failed = {k: v for k, v in result.sites.items() if v.status != "done"}
        for oid, site in sorted(failed.items()):
            print(f"maturity: site {oid} not crawled: {site.error}", file=sys.stderr)
        if failed and len(failed) == len(result.sites):
            return EXIT_FAILED  # no site could be crawled at all
        return EXIT_PARTIAL if failed else EXIT_OK


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True)
    tasks: dict[str, Any] = {}

    def update(org_id: str, event: str, pages: int) -> None:
        if not bar.live.is_started:
            bar.start()
        if org_id not in tasks:
            tasks[org_id] = bar.add_task(org_id, total=None)
        bar.update(tasks[org_id], description=f"{org_id}: {event} ({pages} pages)")
        if event != "start":
            bar.stop_task(tasks[org_id])

    return update


def scores_payload(store: Store, crawl_id: int, map_version: str, scale: int = 5,
                   digits: int | None = 2) -> dict[str, Any]:
    """Scores per organisation on the 0–`scale` scale, rounded to `digits` (None: unrounded,
    for a table that rounds once itself: 0.0451 prints 0.0, where 0.05 would print 0.1)."""
    rows = store.dimension_scores(crawl_id, map_version)
    by_org: dict[str, dict[str, Any]] = {}
    for r in rows:
        by_org.setdefault(r.org_id, {})[r.dimension] = r
    orgs = {o.id: o for o in store.organizations(list(by_org))}
    result = []
    for oid in sorted(by_org, key=lambda o: -(by_org[o]["overall"].score or -1) if "overall" in by_org[o] else 1):
        dims = by_org[oid]

        def val(d: str, dims: dict[str, Any] = dims) -> float | None:
            row = dims.get(d)
            if row is None or row.score is None:
                return None
            return row.score * scale if digits is None else round(row.score * scale, digits)

        result.append({
            "id": oid, "name": orgs[oid].name if oid in orgs else oid, "overall": val("overall"),
            "dimensions": {d: val(d) for d in DIMENSIONS},
            "coverage": {d: round(dims[d].coverage, 3) for d in DIMENSIONS if d in dims},
        })
    return {"crawl": crawl_id, "map_version": map_version, "scale": scale, "organizations": result}


def print_scores(store: Store, crawl_id: int, map_version: str, scale: int = 5) -> None:
    payload = scores_payload(store, crawl_id, map_version, scale, digits=None)  # rounded once, below
    table = Table(title=f"Crawl {crawl_id} · criteria map {map_version} · 0–{scale}")
    table.add_column("Organisation")
    for d in ("overall", *DIMENSIONS):
        table.add_column(d, justify="right")
    for o in payload["organizations"]:
        cells = [o["overall"], *(o["dimensions"][d] for d in DIMENSIONS)]
        table.add_row(o["name"], *("–" if c is None else f"{c:.1f}" for c in cells))
    out.print(table)


@app.command()
def scores(
    db: DbOption = None,
    crawl_id: Annotated[int | None, typer.Option("--crawl", help="Crawl id (default: the latest).")] = None,
    map_version: Annotated[str | None, typer.Option("--map", help="Criteria-map version (default: bundled).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
) -> None:
    """Print stored scores of a crawl."""
    store = open_store(db, must_exist=True)
    crawl_row = store.get_crawl(crawl_id) if crawl_id else store.latest_crawl()
    if crawl_row is None:
        fail(f"no crawl {crawl_id}" if crawl_id else "no crawls in this database")
    version = map_version
    scale = 5
    if version is None:
        cmap = _load_map(None)
        version, scale = cmap.version, cmap.scale
    if version not in store.map_versions(crawl_row.id):
        fail(f"crawl {crawl_row.id} has no scores for criteria map {version!r} (run `maturity rescore`)")
    if as_json:
        print(json.dumps(scores_payload(store, crawl_row.id, version, scale), ensure_ascii=False))
    else:
        print_scores(store, crawl_row.id, version, scale)


@app.command()
def probe(
    probe_id: Annotated[str, typer.Argument(metavar="PROBE", help="Probe id (see `maturity probes`).")],
    url: Annotated[str, typer.Argument(help="Page URL (for a site probe: the start page).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
    store_it: Annotated[bool, typer.Option("--store", help="Store the evidence in the database.")] = False,
    db: DbOption = None,
    browser: Annotated[str | None, typer.Option("--browser", help="Chromium executable.")] = None,
    page_timeout: Annotated[float | None, typer.Option(help="Seconds per page load (default 30).")] = None,
    delay: Annotated[float | None, typer.Option(help="Seconds between requests (default 1).")] = None,
) -> None:
    """Render one URL, run one probe, print its evidence."""
    from urllib.parse import urlsplit

    from probes.registry import UnknownProbe, get_probe

    try:
        probe_cls = get_probe(probe_id)
    except UnknownProbe as exc:
        fail(str(exc))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        fail(f"{url!r} is not an http(s) URL")
    settings = _settings(browser=browser, page_timeout=page_timeout, allow_private=True,
                         delay=delay if delay is not None else (0.0 if probe_cls.scope == "page" else None))
    _check_browser(settings)
    store = open_store(db) if store_it else None

    def report(run: Any) -> None:
        if store is not None:
            _store_probe_run(store, run)
            store.engine.dispose()  # closed now, not left to exit (SQLite then folds its WAL in)
        _print_probe_run(run, url, as_json)

    from maturity import early

    artifacts = artifacts_dir(db) if store_it else None
    run = early.run(lambda pool: _run_probe_cold(probe_id, url, settings, artifacts, report, pool), settings)
    if run.error:
        print(f"maturity: could not look at {url}: {run.error}", file=sys.stderr)
        raise typer.Exit(EXIT_PARTIAL)


async def _run_probe_cold(probe_id: str, url: str, settings: CrawlSettings, artifacts: Path | None,
                          report: Callable[[Any], None], pool: Any = None) -> Any:
    """`maturity probe` from a cold start: Chromium launches (since the command began, see
    maturity.launch, or from here) while the crawler's modules load (in a thread; the driver
    and Chromium are other processes, so both proceed). Once the answer is reported, a
    process that is about to exit does not wait for the browser: the driver closes it after
    we have gone."""
    if pool is None:
        from crawler.browser import BrowserPool

        pool = BrowserPool(settings)
        pool.start_early()
    try:
        single = await asyncio.to_thread(_load_probe_runner, probe_id)
        run = await single.run_probe_async(probe_id, url, settings, artifacts, pool=pool)
        report(run)
    finally:
        if _process_ends_here():
            await pool.abandon()
            # Exit's last garbage collection would walk every object the imports made (~0.2 s)
            # to free memory the OS takes back anyway; exit otherwise runs as usual.
            gc.freeze()
        else:
            await pool.close()
    return run


def _process_ends_here() -> bool:
    """True when this process is the `maturity` command itself (the console script or
    `python -m maturity.cli`), with nothing but exit after the command; False when a test
    runner or a program runs the command in-process."""
    from maturity.launch import main as launch_main

    return getattr(sys.modules.get("__main__"), "main", None) in (main, launch_main)


def _load_probe_runner(probe_id: str) -> Any:
    """crawler.single with what this probe's run imports (run in a thread, see above)."""
    import crawler.single

    crawler.single.prepare(probe_id)
    return crawler.single


def _print_probe_run(run: Any, url: str, as_json: bool) -> None:
    """The answer: printed (and flushed) before the browser is let go."""
    if as_json:
        print(json.dumps({"probe": run.probe_id, "probe_version": run.probe_version, "url": url,
                          "error": run.error,
                          "evidence": [{k: v for k, v in e.as_dict().items() if k != "url"} | {"url": e.url}
                                       for e in run.evidence]}, ensure_ascii=False, default=str), flush=True)
    else:
        table = Table(title=f"{run.probe_id} {run.probe_version} · {url}")
        for col in ("criterion", "outcome", "score", "message"):
            table.add_column(col)
        for e in run.evidence:
            table.add_row(e.criterion, str(e.outcome), "–" if e.score is None else f"{e.score:.2f}", e.message)
        out.print(table)


def _store_probe_run(store: Store, run: Any) -> None:
    from urllib.parse import urlsplit

    host = urlsplit(run.url).hostname or "site"
    org_id = host.lower()
    store.upsert_orgs([{"id": org_id, "name": host, "type": "other", "url": run.url}])
    store.add_evidence(None, org_id, run.records)


@app.command("probes")
def list_probes(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List the available probes: id, version, scope, criteria and what each is for."""
    from probes.registry import all_probes

    rows = [{"id": p.id, "version": p.version, "scope": p.scope, "viewport": p.viewport, "pages": p.pages,
             "criteria": list(p.criteria), "requires": list(p.requires), "description": p.description}
            for p in all_probes().values()]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title="Probes")
    for col in ("id", "version", "scope", "criteria", "description"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r["id"]), str(r["version"]), str(r["scope"]), ", ".join(r["criteria"]), str(r["description"]))
    out.print(table)


@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", help="Database for the demo (recreated).")] = "maturity-demo.db",
    report_dir: Annotated[str, typer.Option("--out", help="Report directory.")] = "maturity-report",
    max_pages: Annotated[int, typer.Option(help="Pages per demo site.")] = 60,
) -> None:
    """Serve the bundled demo sites on 127.0.0.1, crawl them into a fresh database, print scores."""
    from maturity.demo.server import serve_demo

    path = Path(db)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    cmap = _load_map(None)
    settings = CrawlSettings(delay=0.0, allow_private=True, block_external=True, max_pages=max_pages,
                             page_timeout=15, concurrency=3)
    _check_browser(settings)
    store = open_store(db)
    with serve_demo() as orgs:
        code = run_crawl(store, orgs, settings, cmap, db)
    report = _write_report(store, db, report_dir)
    if report:
        print(f"Report: {report}")
    raise typer.Exit(code)


def _write_report(store: Store, db: str, out_dir: str) -> str | None:
    try:
        from maturity.report import build_report
    except ImportError:
        return None
    return str(build_report(store, Path(out_dir), artifacts=artifacts_dir(db)))


def _register_extensions() -> None:
    """Sub-command modules add themselves here (criteria, report, operations)."""
    import importlib

    for name in ("maturity.cli_criteria", "maturity.cli_ops", "maturity.cli_worker"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(app)


_register_extensions()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(EXIT_PARTIAL)


if __name__ == "__main__":
    main()

__all__ = ["EXIT_USAGE", "__version__", "app", "main"]
