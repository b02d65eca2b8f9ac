"""Commands over criteria maps and scores: rescore, criteria check/list, explain, verdict, diff.

All of them read stored evidence only; none opens a network connection.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from criteria_map import CriteriaMap, MapError, find_map, load_map
from maturity.cli_common import DbOption, fail, open_store

if TYPE_CHECKING:
    from storage.repository import Store

MapOption = Annotated[str | None, typer.Option("--map", help="Criteria map file (default: the bundled map).")]
CrawlOption = Annotated[int | None, typer.Option("--crawl", help="Crawl id (default: the latest with this organisation).")]

criteria_app = typer.Typer(no_args_is_help=True, help="Validate and list criteria maps.")


def _map(path: str | None) -> CriteriaMap:
    try:
        return load_map(path)
    except MapError as exc:
        fail(str(exc))


def _map_ref(ref: str) -> CriteriaMap:
    """A map named by file or by version (a bundled map with that version)."""
    path = find_map(ref)
    if path is None:
        fail(f"no criteria map {ref!r}: give a .toml file or the version of a bundled map")
    return _map(str(path))


def fmt(score: float | None, scale: float) -> str:
    return "–" if score is None else f"{score * scale:.1f}"


def fmt100(score: float | None) -> str:
    return "–" if score is None else f"{score * 100:.0f}"


def _crawl_ids(store: Store, crawl: int | None) -> list[int]:
    if crawl is not None:
        if store.get_crawl(crawl) is None:
            fail(f"no crawl {crawl} in this database")
        return [crawl]
    return [c.id for c in store.crawls()]


# ---- rescore ---------------------------------------------------------------------------
def rescore(
    map_file: MapOption = None,
    crawl: Annotated[int | None, typer.Option("--crawl", help="Only this crawl (default: every stored crawl).")] = None,
    db: DbOption = None,
) -> None:
    """Re-derive scores from stored evidence with a criteria map (no network). Scores of
    other map versions are kept side by side."""
    from criteria_map.scoring import score_crawl

    cmap = _map(map_file)
    store = open_store(db, must_exist=True)
    ids = _crawl_ids(store, crawl)
    if not ids:
        fail("no crawls in this database (run `maturity crawl` first)")
    for cid in ids:
        t0 = time.perf_counter()
        score_crawl(store, cid, cmap)
        n = len(store.scoring_org_ids(cid))
        print(f"crawl {cid}: {n} organisation{'s' if n != 1 else ''} scored with criteria map {cmap.version} "
              f"({time.perf_counter() - t0:.2f} s)")


# ---- criteria check / list -----------------------------------------------------------------
@criteria_app.command("check")
def criteria_check(file: Annotated[str | None, typer.Argument(help="Map file (default: the bundled map).")] = None) -> None:
    """Validate a criteria map; errors name the file and line."""
    cmap = _map(file)
    dims = ", ".join(f"{d} {len(cmap.by_dimension(d))}" for d in cmap.dimensions)
    print(f"ok: criteria map {cmap.version}: {len(cmap.criteria)} criteria ({dims})")


def criterion_json(c: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "title": c.title, "title_en": c.title_en, "dimension": c.dimension,
                           "weight": c.weight, "pages": c.pages, "source": c.source, "evidence": list(c.evidence)}
    if c.probe:
        out["probe"] = c.probe
    if c.evidence_weights:
        out["evidence_weights"] = c.evidence_weights
    if c.outcome_scores:
        out["outcome_scores"] = c.outcome_scores
    if c.details:
        out["details"] = {"key": c.details.key, "scores": c.details.scores}
    if c.thresholds:
        out["thresholds"] = {"pass": c.thresholds.pass_at, "partial": c.thresholds.partial_at}
    if c.wcag:
        out["wcag"] = c.wcag
    return out


@criteria_app.command("list")
def criteria_list(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
    map_file: MapOption = None,
) -> None:
    """Print the criteria of a map."""
    cmap = _map(map_file)
    if as_json:
        print(json.dumps({"version": cmap.version, "scale": cmap.scale,
                          "dimensions": {d.id: {"title": d.title, "title_en": d.title_en}
                                         for d in cmap.dimensions.values()},
                          "criteria": [criterion_json(c) for c in cmap.criteria]}, ensure_ascii=False))
        return
    print(f"criteria map {cmap.version} ({len(cmap.criteria)} criteria, scale 0–{cmap.scale:g})")
    for did, dim in cmap.dimensions.items():
        crits = cmap.by_dimension(did)
        print(f"\n{did} — {dim.title} / {dim.title_en} ({len(crits)})")
        for c in crits:
            print(f"  {c.id:<40} w{c.weight:<4g} {c.pages:<5}  {c.title_en}")


# ---- explain -------------------------------------------------------------------------------
def explain(
    org: Annotated[str, typer.Argument(help="Organisation id.")],
    dimension: Annotated[str | None, typer.Option("--dimension", help="Only this dimension.")] = None,
    crawl: CrawlOption = None,
    map_ref: Annotated[str | None, typer.Option("--map", help="Map version or file (default: the bundled map).")] = None,
    evidence: Annotated[int, typer.Option("--evidence", help="Evidence records shown per criterion.")] = 3,
    db: DbOption = None,
) -> None:
    """List each criterion behind an organisation's scores: outcome, weight, contribution, evidence."""
    from criteria_map.explain import explain as do_explain

    cmap = _map_ref(map_ref) if map_ref else _map(None)
    if dimension and dimension not in cmap.dimensions:
        fail(f"unknown dimension {dimension!r} (one of {', '.join(cmap.dimensions)})")
    store = open_store(db, must_exist=True)
    crawls = store.scoring_crawls_of(org)
    if crawl is None:
        if not crawls:
            fail(f"organisation {org!r} is in no stored crawl")
        crawl = crawls[-1]
    elif crawl not in crawls:
        fail(f"organisation {org!r} is not in crawl {crawl}")
    blocks, overall, stored = do_explain(store, crawl, cmap, org, dimension, evidence)
    names = {o.id: o.name for o in store.organizations([org])}
    s = cmap.scale
    print(f"{names.get(org, org)} ({org}) · crawl {crawl} · criteria map {cmap.version}"
          f"{'' if stored else ' (computed now, not stored)'}")
    if overall is not None and not dimension:
        print(f"overall {fmt(overall.score, s)} / {s:g} ({fmt100(overall.score)} / 100), coverage {overall.coverage:.0%}")
    for b in blocks:
        sc = b.score
        head = f"{fmt(sc.score, s)} / {s:g} ({fmt100(sc.score)} / 100), coverage {sc.coverage:.0%}" if sc else "–"
        print(f"\n{b.dimension} — {b.title}: {head}")
        for line in b.criteria:
            r = line.result
            contrib = (f"{line.contribution:+.2f} of {line.max_contribution:.2f}" if line.contribution is not None
                       else "left out" if r.outcome in ("missing", "review") else "weighs 0")
            manual = r.details.get("manual")
            tag = " [manual]" if manual else ""
            print(f"  {r.criterion:<40} {r.outcome:<14} w{r.weight:<4g} {contrib:<16} {line.title}{tag}")
            if manual:
                print(f"      manual verdict {manual['outcome']} by {manual.get('author')} at {manual.get('at')}: "
                      f"{manual.get('note')}" + (f" <{manual['url']}>" if manual.get("url") else "")
                      + f" (automated: {r.details.get('automated')})")
            for key in ("manual_not_applied", "manual_lapsed"):
                info = r.details.get(key)
                if info:
                    print(f"      manual verdict {info['outcome']} by {info.get('author')} not applied: {info['reason']}")
            for ev in line.evidence:
                snippet = f" — {ev.snippet}" if ev.snippet else ""
                print(f"      {ev.outcome:<14} {ev.url or '(site)'} {ev.criterion}: {ev.message}{snippet}")
            if line.evidence_total > len(line.evidence):
                print(f"      … {line.evidence_total - len(line.evidence)} more evidence records")


# ---- verdict -------------------------------------------------------------------------------
def verdict(
    org: Annotated[str | None, typer.Argument(help="Organisation id.")] = None,
    criterion: Annotated[str | None, typer.Argument(help="Criterion id of the map.")] = None,
    outcome: Annotated[str | None, typer.Argument(metavar="pass|fail|partial", help="The verdict.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="What was checked, in one sentence.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="The page the verdict is about.")] = None,
    author: Annotated[str | None, typer.Option("--author", help="Who judged (default: $MATURITY_AUTHOR or login).")] = None,
    import_file: Annotated[str | None, typer.Option("--import", help="CSV: org,criterion,verdict,note[,url,author].")] = None,
    map_file: MapOption = None,
    db: DbOption = None,
) -> None:
    """Record a person's judgement of a criterion as evidence (probe `manual`)."""
    from criteria_map import verdicts as V
    from criteria_map.scoring import score_crawl

    cmap = _map(map_file)
    store = open_store(db, must_exist=True)
    if import_file:
        if org or criterion or outcome or note:
            fail("give either ORG CRITERION VERDICT --note TEXT, or --import FILE.csv, not both")
        try:
            items = V.read_csv(Path(import_file), store, cmap)
        except V.VerdictError as exc:
            fail(str(exc))
    else:
        if not (org and criterion and outcome):
            fail("usage: maturity verdict ORG CRITERION pass|fail|partial --note TEXT [--url URL]")
        if note is None:
            fail("a verdict needs --note TEXT saying what was checked")
        items = [V.Verdict(org, criterion, outcome.lower(), note, url, author)]
        problem = V.check(store, cmap, items[0])
        if problem:
            fail(problem)
    touched = V.record(store, cmap, items)
    for org_id, crawl_id in touched:
        if crawl_id is not None:
            score_crawl(store, crawl_id, cmap, [org_id])
    for v in items:
        print(f"recorded: {v.org_id} {v.criterion} = {v.outcome} (manual, by {v.author or V.default_author()})")
    for org_id, crawl_id in touched:
        if crawl_id is None:
            print(f"{org_id}: no crawl yet; the verdict applies to the first crawl where automation cannot decide")
            continue
        dims = {d.dimension: d for d in store.dimension_scores(crawl_id, cmap.version) if d.org_id == org_id}
        overall = dims.get("overall")
        print(f"{org_id}: crawl {crawl_id} re-scored, overall {fmt(overall.score if overall else None, cmap.scale)}"
              f" / {cmap.scale:g}")


# ---- diff ----------------------------------------------------------------------------------
def diff(
    maps: Annotated[list[str], typer.Option("--map", help="Two maps (file or stored version): --map A --map B.")],
    crawl: Annotated[int | None, typer.Option("--crawl", help="Crawl id (default: the latest).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
    db: DbOption = None,
) -> None:
    """Per organisation and dimension, what changed between two maps, and how the ranking moved."""
    from criteria_map.explain import diff as do_diff
    from criteria_map.explain import ranking, stored_dimensions
    from criteria_map.scoring import compute_scores

    if len(maps) != 2:
        fail("diff needs exactly two maps: --map A --map B")
    store = open_store(db, must_exist=True)
    if crawl is None:
        last = store.latest_crawl()
        if last is None:
            fail("no crawls in this database")
        crawl = last.id
    elif store.get_crawl(crawl) is None:
        fail(f"no crawl {crawl} in this database")
    sides: list[tuple[str, float, list[Any]]] = []
    for ref in maps:
        path = Path(ref)
        if path.suffix == ".toml" or path.exists():
            cmap = _map(ref)
            sides.append((cmap.version, cmap.scale, compute_scores(store, crawl, cmap).dimensions))
        elif ref in store.map_versions(crawl):
            found = find_map(ref)
            scale = _map(str(found)).scale if found else 5.0
            sides.append((ref, scale, stored_dimensions(store, crawl, ref)))
        else:
            found = find_map(ref)
            if found is None:
                fail(f"criteria map {ref!r} is neither a file nor a version stored for crawl {crawl}")
            cmap = _map(str(found))
            sides.append((cmap.version, cmap.scale, compute_scores(store, crawl, cmap).dimensions))
    (va, sa, da), (vb, sb, dbs) = sides
    rows = do_diff(da, dbs)
    ra, rb = ranking(da), ranking(dbs)
    if as_json:
        print(json.dumps({"crawl": crawl, "a": va, "b": vb, "changes": [
            {"org": r.org_id, "dimension": r.dimension, "a": r.before, "b": r.after,
             "coverage_a": r.coverage_before, "coverage_b": r.coverage_after} for r in rows if r.changed],
            "ranking": [{"org": o, "a": ra.get(o), "b": rb.get(o)} for o in sorted(set(ra) | set(rb),
                                                                                 key=lambda o: (rb.get(o, 10**6), o))]},
                         ensure_ascii=False))
        return
    print(f"crawl {crawl}: criteria map {va} → {vb} (0–{sb:g}, Δ on 0–{sb:g})")
    changed = [r for r in rows if r.changed]
    if not changed:
        print("no score changed")
    else:
        print(f"  {'organisation':<28} {'dimension':<11} {va:>8} {vb:>8} {'Δ':>6}  coverage")
        for r in changed:
            delta = "" if r.before is None or r.after is None else f"{(r.after * sb - r.before * sa):+.2f}"
            print(f"  {r.org_id:<28} {r.dimension:<11} {fmt(r.before, sa):>8} {fmt(r.after, sb):>8} {delta:>6}"
                  f"  {r.coverage_before:.0%} → {r.coverage_after:.0%}")
        print(f"  ({len(rows) - len(changed)} unchanged)")
    print("ranking (overall):")
    for o in sorted(set(ra) | set(rb), key=lambda o: (rb.get(o, 10**6), o)):
        a, b = ra.get(o), rb.get(o)
        move = "" if a is None or b is None or a == b else f" ({a - b:+d})"
        print(f"  {a if a is not None else '–':>3} → {b if b is not None else '–':<3} {o}{move}")


def register(app: typer.Typer) -> None:
    """Add the criteria commands to the `maturity` application."""
    app.command("rescore")(rescore)
    app.add_typer(criteria_app, name="criteria")
    app.command("explain")(explain)
    app.command("verdict")(verdict)
    app.command("diff")(diff)
