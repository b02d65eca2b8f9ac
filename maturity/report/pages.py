"""The overview pages: the ranking table with charts, and the trends over stored crawls."""

from __future__ import annotations

from maturity.report import svg
from maturity.report.i18n import Words
from maturity.report.layout import e, page
from maturity.report.model import OrgRow, ReportData

MAX_BARS = 40  # beyond this a bar per organisation is unreadable: show the distribution
TREND_LINES = 8
MAX_PROFILES = 60


def dim_title(data: ReportData, did: str, w: Words) -> str:
    if did == "overall":
        return w("overall")
    d = data.cmap.dimensions[did]
    return d.title_en if w.lang == "en" else d.title


def score_cell(data: ReportData, row: OrgRow, did: str, w: Words) -> str:
    v = row.scores.get(did)
    v5 = None if v is None else v * data.scale
    delta = row.delta(did, data.scale)
    cov = row.coverage.get(did)
    tip = f' title="{e(w("coverage"))} {e(w.pct(cov))}"' if cov is not None else ""
    d = ""
    if delta is not None and abs(delta) >= 0.05:
        d = f'<span class="delta {"up" if delta > 0 else "down"}">{e(w.num(delta, sign=True))}</span>'
    return f'<td class="num" data-v="{"" if v5 is None else f"{v5:.4f}"}"{tip}>{e(w.num(v5))}{d}</td>'


def ranking_table(data: ReportData, w: Words) -> str:
    cols = ["overall", *data.dimensions]
    head = (f'<th class="num" aria-sort="ascending"><button type="button">{e(w("rank"))}</button></th>'
            f'<th><button type="button">{e(w("org"))}</button></th>'
            + "".join(f'<th class="num" data-first="desc"><button type="button">{e(dim_title(data, c, w))}'
                      f"</button></th>" for c in cols)
            + f'<th class="num" data-first="desc"><button type="button">{e(w("change"))}</button></th>'
            + f'<th class="num" data-first="desc"><button type="button">{e(w("coverage"))}</button></th>')
    rows = []
    for r in data.orgs:
        delta = r.delta("overall", data.scale)
        cov = r.coverage.get("overall")
        rows.append(
            "<tr>"
            f'<td class="num" data-v="{"" if r.rank is None else r.rank}">{"–" if r.rank is None else r.rank}</td>'
            f'<td class="name" data-v="{e(r.name.lower())}"><a href="org/{e(r.slug)}.html">{e(r.name)}</a></td>'
            + "".join(score_cell(data, r, c, w) for c in cols)
            + f'<td class="num" data-v="{"" if delta is None else f"{delta:.4f}"}">{e(w.num(delta, sign=True))}</td>'
            + f'<td class="num" data-v="{"" if cov is None else f"{cov:.4f}"}">{e(w.pct(cov))}</td>'
            "</tr>")
    return (f'<div class="scroll"><table class="sortable" id="ranking"><caption class="meta">'
            f"{e(w('crawl'))} {data.crawl.id} · {e(w('map'))} {e(data.cmap.version)} · 0–{data.scale:g}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def dimension_chart(data: ReportData, did: str, w: Words, link_root: str = "") -> str:
    title = dim_title(data, did, w)
    rows = sorted(data.orgs, key=lambda r: -(r.scores.get(did) or 0.0) if r.scores.get(did) is not None else 1.0)
    values = [(r.name, None if r.scores.get(did) is None else (r.scores.get(did) or 0.0) * data.scale,
               f"{link_root}org/{r.slug}.html") for r in rows]
    if len(values) > MAX_BARS:
        return svg.histogram([v for _, v, _ in values], data.scale, title)
    return svg.bars(values, data.scale, title, fmt=w.num)


def profile_chart(data: ReportData, row: OrgRow, w: Words, size: int = 300) -> str:
    values = [(dim_title(data, d, w), None if row.scores.get(d) is None else (row.scores.get(d) or 0.0) * data.scale)
              for d in data.dimensions]
    return svg.radar(values, data.scale, f"{w('profile')}: {row.name}", size=size, fmt=w.num)


def crawl_label(data: ReportData, i: int) -> str:
    c = data.trend_crawls[i]
    return c.started_at.strftime("%Y-%m-%d") if c.started_at else f"#{c.id}"


def index_page(data: ReportData, w: Words, computed: bool) -> str:
    started = data.crawl.started_at.strftime("%Y-%m-%d %H:%M") if data.crawl.started_at else ""
    prevs = sorted({r.prev_crawl for r in data.orgs if r.prev_crawl is not None})
    compare = (f"{w('previous')} {', '.join(str(p) for p in prevs)}." if prevs else w("no_previous"))
    body = [f"<h1>{e(w('title'))}</h1>",
            f'<p>{e(w("intro"))}</p>',
            f'<p class="meta">{e(w("crawl"))} {data.crawl.id}, {e(w("started"))} {e(started)} · '
            f'{e(w("map"))} {e(data.cmap.version)} · {e(w("change"))}: {e(compare)}</p>',
            f'<h2 id="rank">{e(w("ranking"))}</h2>', ranking_table(data, w),
            f'<h2 id="dimensions">{e(w("per_dimension"))}</h2><div class="grid wide">']
    for did in ["overall", *data.dimensions]:
        body.append(f'<section class="card"><h3>{e(dim_title(data, did, w))}</h3>{dimension_chart(data, did, w)}</section>')
    body.append("</div>")
    body.append(f'<h2 id="profiles">{e(w("profiles"))}</h2><div class="grid">')
    for r in data.orgs[:MAX_PROFILES]:
        body.append(f'<section class="card"><h3><a href="org/{e(r.slug)}.html">{e(r.name)}</a></h3>'
                    f"{profile_chart(data, r, w, size=220)}</section>")
    body.append("</div>")
    body.append(f'<h2 id="data">{e(w("exports"))}</h2><p>{e(w("exports_note"))}</p><ul>'
                f'<li><a href="data/scores.csv">{e(w("scores_csv"))}</a></li>'
                f'<li><a href="data/scores.json">{e(w("scores_json"))}</a></li>'
                f'<li><a href="data/criteria.csv">{e(w("criteria_csv"))}</a></li>'
                f'<li><a href="data/trend.csv">{e(w("trend_csv"))}</a></li></ul>')
    body.append(footer(data, w, computed))
    return page(w, w("ranking"), "".join(body), "", "index.html")


def footer(data: ReportData, w: Words, computed: bool) -> str:
    date = data.crawl.started_at.strftime("%Y-%m-%d") if data.crawl.started_at else ""
    text = w("generated", version=data.code_version, crawl=data.crawl.id, date=date, map=data.cmap.version)
    if computed:
        text += " " + w("computed")
    return f'<footer>{e(text)}</footer>'


def trend_series(data: ReportData, did: str, rows: list[OrgRow]) -> list[tuple[str, list[float | None]]]:
    series = []
    for r in rows:
        vals = []
        for c in data.trend_crawls:
            v = data.scores.get(c.id).score(r.id, did)
            vals.append(None if v is None else v * data.scale)
        series.append((r.name, vals))
    return series


def mean_series(data: ReportData, did: str, label: str) -> tuple[str, list[float | None]]:
    vals: list[float | None] = []
    for c in data.trend_crawls:
        scores = data.scores.get(c.id)
        xs = [s for o in scores.dims if (s := scores.score(o, did)) is not None]
        vals.append(sum(xs) / len(xs) * data.scale if xs else None)
    return label, vals


def trends_page(data: ReportData, w: Words, computed: bool) -> str:
    top = data.orgs[:TREND_LINES]
    labels = [crawl_label(data, i) for i in range(len(data.trend_crawls))]
    body = [f"<h1>{e(w('trends'))}</h1><p>{e(w('trend_note'))} "
            f"{e(w('trend_top', n=len(top))) if len(data.orgs) > TREND_LINES else ''}</p>"]
    for did in ["overall", *data.dimensions]:
        series = [*trend_series(data, did, top), mean_series(data, did, w("mean"))]
        legend = "".join(f"<li>{svg.swatch(i)}{e(name)}</li>" for i, (name, _) in enumerate(series))
        body.append(f'<section><h2>{e(dim_title(data, did, w))}</h2>'
                    f"{svg.lines(series, labels, data.scale, dim_title(data, did, w) + ' – ' + w('trend_dim'))}"
                    f'<ul class="legend">{legend}</ul></section>')
    body.append(footer(data, w, computed))
    return page(w, w("trends"), "".join(body), "", "trends.html")
