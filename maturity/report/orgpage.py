"""A page per organisation: profile and trend, what changed, screenshots, and every
criterion with the evidence behind it (URL, snippet, selector)."""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from criteria_map.explain import snippet_of
from criteria_map.scoring import expand
from maturity.report import svg
from maturity.report.changes import Changes, compare
from maturity.report.i18n import Words
from maturity.report.layout import e, ext_link, page
from maturity.report.model import OrgRow, ReportData
from maturity.report.pages import crawl_label, dim_title, footer, profile_chart

if TYPE_CHECKING:
    from storage.models import ArtifactFile, Evidence
    from storage.repository import Store

PER_CRITERION = 3
MAX_PAGES = 200
SCREENSHOT_KINDS = ("screenshot-desktop", "screenshot-mobile")


def selector_of(details: Any, depth: int = 0) -> str:
    """The first CSS selector in a record's details (top level, then one level down)."""
    if not isinstance(details, dict) or depth > 2:
        return ""
    for key in ("selector", "target"):
        v = details.get(key)
        if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
            return " ".join(v)
        if isinstance(v, str) and v:
            return v
        if isinstance(v, dict):
            found = selector_of(v, depth + 1)
            if found:
                return found
    for v in details.values():
        if isinstance(v, list) and v and isinstance(v[0], dict):
            found = selector_of(v[0], depth + 1)
            if found:
                return found
        elif isinstance(v, dict):
            found = selector_of(v, depth + 1)
            if found:
                return found
    return ""


def copy_screenshots(files: Iterable[ArtifactFile], home_pages: set[int], artifacts: Path,
                     out: Path) -> dict[str, tuple[str | None, bool]]:
    """The home page's screenshot per viewport (else the first), copied into img/.

    Returns kind → (relative path from an org page, or None; whether it was pruned)."""
    chosen: dict[str, ArtifactFile] = {}
    for f in files:
        if f.kind not in SCREENSHOT_KINDS:
            continue
        best = chosen.get(f.kind)
        if best is None or (f.page_id in home_pages and best.page_id not in home_pages):
            chosen[f.kind] = f
    result: dict[str, tuple[str | None, bool]] = {}
    for kind, f in chosen.items():
        src = (artifacts / f.path).resolve()
        name = f"{f.sha256[:40]}.png" if all(c in "0123456789abcdef" for c in f.sha256) else None
        if name is None or not src.is_file() or artifacts.resolve() not in src.parents:
            result[kind] = (None, True)
            continue
        dest = out / "img" / name
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
        result[kind] = (f"../img/{name}", False)
    return result


def snippet(details: Any) -> str:
    """What the evidence quotes from the page: the usual snippet keys, else a title or name."""
    found = snippet_of(details)
    if not found and isinstance(details, dict):
        for key in ("title", "name", "alt", "link_text"):
            v = details.get(key)
            if isinstance(v, str) and v.strip():
                text = " ".join(v.split())
                return text if len(text) <= 160 else text[:159] + "…"
    return found


def _evidence_item(ev: Evidence, w: Words) -> str:
    parts = [f'<span class="badge o-{e(ev.outcome)}">{e(w.outcome(ev.outcome))}</span> {e(ev.message)}']
    if ev.url:
        parts.append(f"<br>{ext_link(ev.url)}")
    quote = snippet(ev.details)
    if quote:
        parts.append(f"<br><code>{e(quote)}</code>")
    sel = selector_of(ev.details)
    if sel and sel != quote:
        parts.append(f'<br>{e(w("selector"))}: <code>{e(sel)}</code>')
    return f"<li>{''.join(parts)}</li>"


def criteria_section(data: ReportData, row: OrgRow, rows: list[tuple[Evidence, int]], w: Words) -> str:
    results = {c.criterion: c for c in data.scores.criteria(data.crawl.id, row.id)}
    by_criterion: dict[str, list[tuple[Evidence, int]]] = defaultdict(list)
    for ev, n in rows:
        if ev.probe_id != "manual":
            by_criterion[ev.criterion].append((ev, n))
    present = list(by_criterion)
    out = []
    for did in data.dimensions:
        v = row.scores.get(did)
        head = (f'<h2 id="dim-{e(did)}">{e(dim_title(data, did, w))} · '
                f'{e(w.num(None if v is None else v * data.scale))} '
                f'<span class="meta">({e(w("coverage"))} {e(w.pct(row.coverage.get(did)))})</span></h2>')
        trs = []
        for crit in data.cmap.by_dimension(did):
            r = results.get(crit.id)
            outcome = r.outcome if r else "missing"
            mine = [(ev, n) for cid in expand(crit, present) for ev, n in by_criterion[cid]
                    if (not crit.probe or ev.probe_id == crit.probe) and (crit.pages != "home" or ev.is_home)]
            totals: dict[tuple[str, str], int] = {}
            for ev, n in mine:
                totals[(ev.criterion, ev.probe_id)] = n
            total = sum(totals.values())
            order = {"fail": 0, "error": 1, "partial": 2, "review": 3, "pass": 4}
            mine.sort(key=lambda t: (order.get(t[0].outcome, 5), t[0].url or "", t[0].id))
            items = "".join(_evidence_item(ev, w) for ev, _ in mine[:PER_CRITERION])
            more = total - min(total, PER_CRITERION)
            if more > 0:
                items += f'<li class="meta">{e(w("more", n=more))}</li>'
            manual = (r.details or {}).get("manual") if r else None
            if isinstance(manual, dict):
                items += (f'<li>{e(w("manual"))}: {e(w.outcome(str(manual.get("outcome"))))} · '
                          f'{e(manual.get("author") or "")} · {e(manual.get("note") or "")}</li>')
            evidence = f'<ul class="evidence">{items}</ul>' if items else f'<span class="meta">{e(w("no_evidence"))}</span>'
            title = crit.title_en if w.lang == "en" else crit.title
            score = "" if r is None or r.score is None else f"{r.score:.2f}"
            trs.append(f'<tr id="c-{e(crit.id)}"><td><strong>{e(title)}</strong><br><code>{e(crit.id)}</code>'
                       f"{evidence}</td>"
                       f'<td data-v="{e(outcome)}"><span class="badge o-{e(outcome)}">{e(w.outcome(outcome))}</span></td>'
                       f'<td class="num" data-v="{score}">{e(w.num(r.score if r else None, 2))}</td>'
                       f'<td class="num" data-v="{crit.weight:g}">{e(w.num(crit.weight, 0 if crit.weight == int(crit.weight) else 1))}</td></tr>')
        out.append(head + '<div class="scroll"><table class="sortable"><thead><tr>'
                   f'<th><button type="button">{e(w("criterion"))}</button></th>'
                   f'<th><button type="button">{e(w("outcome"))}</button></th>'
                   f'<th class="num" data-first="desc"><button type="button">{e(w("score"))} 0–1</button></th>'
                   f'<th class="num" data-first="desc"><button type="button">{e(w("weight"))}</button></th>'
                   f"</tr></thead><tbody>{''.join(trs)}</tbody></table></div>")
    return "".join(out)


def changes_section(data: ReportData, ch: Changes, w: Words) -> str:
    if ch.prev_crawl is None:
        return f'<h2 id="changes">{e(w("changes"))}</h2><p>{e(w("no_previous"))}</p>'
    items = []
    if ch.map_change is not None:
        m = ch.map_change
        deltas = ", ".join(f"{dim_title(data, d, w)} {w.num(v, sign=True)}" for d, v in m.deltas.items())
        items.append(f'<li>{e(deltas)} <span class="cause">({e(w("cause_map", old=m.old, new=m.new))})</span></li>')
    for dc in ch.dimensions:
        parts = []
        for cc in dc.criteria[:4]:
            cause = (w("cause_probe", probes=", ".join(f"{p} {a} → {b}" for p, a, b in cc.probes))
                     if cc.probes else w("cause_site"))
            parts.append(f'{e(cc.title)}: {e(w.outcome(cc.before))} → {e(w.outcome(cc.after))} '
                         f'<span class="cause">({e(cause)})</span>')
        detail = "; ".join(parts)
        items.append(f"<li><strong>{e(dim_title(data, dc.dimension, w))} {e(w.num(dc.delta, sign=True))}</strong>"
                     f"{': ' + detail if detail else ''}</li>")
    body = "".join(items) or f"<li>{e(w('no_changes'))}</li>"
    return (f'<h2 id="changes">{e(w("changes"))}</h2><p class="meta">{e(w("previous"))} {ch.prev_crawl}</p>'
            f'<ul class="changes">{body}</ul>')


def pages_section(crawled: list[Any], w: Words) -> str:
    """The pages the crawl visited (desktop renderings), with the titles they gave themselves."""
    desktop = [p for p in crawled if p.viewport == "desktop"][:MAX_PAGES]
    if not desktop:
        return ""
    items = "".join(f"<tr><td>{e(p.title or '')}</td><td>{ext_link(p.url)}</td>"
                    f'<td class="num" data-v="{p.status_code or ""}">{e(p.status_code or p.error or "–")}</td></tr>'
                    for p in desktop)
    return (f'<h2 id="pages">{e(w("crawled_pages"))}</h2><div class="scroll"><table class="sortable"><thead><tr>'
            f'<th><button type="button">{e(w("page_title"))}</button></th><th><button type="button">URL</button></th>'
            f'<th class="num"><button type="button">HTTP</button></th></tr></thead><tbody>{items}</tbody></table></div>')


def org_page(store: Store, data: ReportData, row: OrgRow, w: Words, artifacts: Path, out: Path,
             computed: bool) -> str:
    rows = store.report_evidence(data.crawl.id, row.id, PER_CRITERION)
    prev_rows = [ev for ev, _ in store.report_evidence(row.prev_crawl, row.id, 1)] if row.prev_crawl else []
    ch = compare(data, row, [ev for ev, _ in rows], prev_rows, w.lang)
    crawled = store.pages(data.crawl.id, row.id)
    home = {p.id for p in crawled if p.kind == "home"}
    shots = copy_screenshots(store.files(data.crawl.id, row.id), home, artifacts, out)
    overall = row.scores.get("overall")
    head = [f"<p><a href=\"../index.html\">← {e(w('back'))}</a></p><h1>{e(row.name)}</h1>",
            f'<p>{ext_link(row.url)} · {e(w("rank"))} {e(row.rank if row.rank is not None else "–")} · '
            f'{e(w("overall"))} <strong>{e(w.num(None if overall is None else overall * data.scale))}</strong> · '
            f'{e(w("coverage"))} {e(w.pct(row.coverage.get("overall")))} · {row.pages} {e(w("pages"))}</p>']
    if row.site_status in ("failed", "blocked"):
        head.append(f'<p class="o-fail">{e(w("site_failed"))}: {e(row.site_error or row.site_status)}</p>')
    elif row.site_status and row.site_status != "done":
        head.append(f'<p class="meta">{e(w("site_status"))}: {e(row.site_status)}</p>')
    trend_labels = [crawl_label(data, i) for i in range(len(data.trend_crawls))]
    series: dict[str, list[float | None]] = defaultdict(list)
    for c in data.trend_crawls:
        scores = data.scores.get(c.id)
        for d in ["overall", *data.dimensions]:
            v = scores.score(row.id, d)
            series[d].append(None if v is None else v * data.scale)
    names = [dim_title(data, d, w) for d in ["overall", *data.dimensions]]
    legend = "".join(f"<li>{svg.swatch(i)}{e(n)}</li>" for i, n in enumerate(names))
    charts = (f'<div class="grid"><section class="card"><h2>{e(w("profile"))}</h2>{profile_chart(data, row, w)}</section>'
              f'<section class="card"><h2>{e(w("trends"))}</h2>'
              f"{svg.lines(list(zip(names, series.values(), strict=True)), trend_labels, data.scale, row.name + ' – ' + w('trend_dim'))}"
              f'<ul class="legend">{legend}</ul></section></div>')
    figs = []
    for kind, label, cls in (("screenshot-desktop", w("desktop"), "desktop"), ("screenshot-mobile", w("mobile"), "mobile")):
        src, pruned = shots.get(kind, (None, False))
        if src:
            figs.append(f'<figure class="{cls}"><img src="{e(src)}" alt="{e(label)}: {e(row.name)}" loading="lazy">'
                        f"<figcaption>{e(label)}</figcaption></figure>")
        else:
            figs.append(f'<figure class="{cls}"><figcaption>{e(label)}: '
                        f'{e(w("pruned") if pruned else w("no_screenshot"))}</figcaption></figure>')
    body = ("".join(head) + charts + changes_section(data, ch, w)
            + f'<h2 id="screenshots">{e(w("screenshots"))}</h2><div class="shots">{"".join(figs)}</div>'
            + criteria_section(data, row, rows, w) + pages_section(crawled, w) + footer(data, w, computed))
    return page(w, row.name, body, "../")
