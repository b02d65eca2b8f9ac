"""Writing the report directory: pages, copied screenshots and exports, atomically enough
that a reader never opens half a report (pages go to a temporary directory first)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from criteria_map import CriteriaMap, MapError, find_map, load_map
from maturity.report import model
from maturity.report.export import write_exports
from maturity.report.i18n import Words
from maturity.report.orgpage import org_page
from maturity.report.pages import index_page, trends_page

if TYPE_CHECKING:
    from storage.repository import Store


class ReportError(ValueError):
    """No report can be built: no crawl, an unknown crawl or criteria map."""


def resolve_map(map_version: str | None) -> CriteriaMap:
    """The bundled map by default; else a map file, or a bundled map of that version."""
    try:
        if map_version is None:
            return load_map(None)
        path = find_map(map_version)
        if path is None:
            raise ReportError(f"no criteria map {map_version!r}: give a .toml file or a bundled map's version")
        return load_map(path)
    except MapError as exc:
        raise ReportError(str(exc)) from None


def build_report(store: Store, out_dir: Path, artifacts: Path, crawl_id: int | None = None,
                 map_version: str | None = None, lang: str = "sv") -> Path:
    """Write the report of a crawl (default: the latest) into `out_dir`; returns index.html."""
    try:
        words = Words(lang)
    except ValueError as exc:
        raise ReportError(str(exc)) from None
    crawl = store.get_crawl(crawl_id) if crawl_id is not None else store.latest_crawl()
    if crawl is None:
        raise ReportError(f"no crawl {crawl_id} in this database" if crawl_id is not None
                          else "no crawls in this database")
    cmap = resolve_map(map_version)
    data = model.load(store, cmap, crawl)
    computed = not data.scores.get(crawl.id).stored
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".report-", dir=out_dir.parent))
    try:
        (tmp / "org").mkdir()
        (tmp / "index.html").write_text(index_page(data, words, computed), encoding="utf-8")
        (tmp / "trends.html").write_text(trends_page(data, words, computed), encoding="utf-8")
        for row in data.orgs:
            html = org_page(store, data, row, words, Path(artifacts), tmp, computed)
            (tmp / "org" / f"{row.slug}.html").write_text(html, encoding="utf-8")
        write_exports(data, tmp / "data")
        _replace_dir(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return (out_dir / "index.html").resolve()


def _replace_dir(new: Path, target: Path) -> None:
    """Swap the finished report in place of the old one (only a directory we wrote before,
    or an empty one, is ever removed)."""
    if target.exists():
        if not target.is_dir():
            raise ReportError(f"{target} exists and is not a directory")
        if any(target.iterdir()) and not (target / "index.html").exists():
            raise ReportError(f"{target} is not empty and holds no report; choose another --out")
        old = target.with_name(target.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        new.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(target)
