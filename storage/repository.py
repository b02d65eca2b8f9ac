"""The small repository API the crawler, CLI and scorer use; the only place that writes SQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, case, delete, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from storage.models import (
    ArtifactFile,
    Crawl,
    CrawlSite,
    CriterionResult,
    DimensionScore,
    Evidence,
    FrontierEntry,
    Organization,
    Page,
    PageArtifacts,
)
from storage.records import FrontierItem, PageRecord, pack, unpack


def now() -> datetime:
    return datetime.now(UTC)


def _text_safe(s: Session, row: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL text cannot hold NUL characters (SQLite's can): drop them there, so a page
    whose title or message carries one is stored rather than failing the transaction."""
    if s.get_bind().dialect.name != "postgresql":
        return row
    return {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in row.items()}


class Store:
    """Sessions over one engine; each public method is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    # ---- organisations and crawls -------------------------------------------------
    def upsert_orgs(self, orgs: Iterable[dict[str, Any]]) -> None:
        with self.sessions.begin() as s:
            for o in orgs:
                s.merge(Organization(id=o["id"], name=o["name"], type=o["type"], url=o["url"],
                                     domains=list(o.get("also", []))))

    def create_crawl(self, code_version: str, probe_versions: dict[str, str],
                     settings: dict[str, Any], org_ids: Sequence[str]) -> int:
        with self.sessions.begin() as s:
            crawl = Crawl(code_version=code_version, probe_versions=probe_versions,
                          settings=settings, status="running")
            s.add(crawl)
            s.flush()
            for oid in org_ids:
                s.add(CrawlSite(crawl_id=crawl.id, org_id=oid, status="queued"))
            return crawl.id

    def get_crawl(self, crawl_id: int) -> Crawl | None:
        with self.sessions() as s:
            return s.get(Crawl, crawl_id)

    def latest_crawl(self, status: Sequence[str] | None = None) -> Crawl | None:
        with self.sessions() as s:
            q = select(Crawl).order_by(Crawl.id.desc()).limit(1)
            if status:
                q = q.where(Crawl.status.in_(status))
            return s.scalars(q).first()

    def crawls(self) -> list[Crawl]:
        with self.sessions() as s:
            return list(s.scalars(select(Crawl).order_by(Crawl.id)))

    def finish_crawl(self, crawl_id: int, status: str) -> None:
        with self.sessions.begin() as s:
            s.execute(update(Crawl).where(Crawl.id == crawl_id).values(status=status, finished_at=now()))

    def set_crawl_status(self, crawl_id: int, status: str) -> None:
        with self.sessions.begin() as s:
            s.execute(update(Crawl).where(Crawl.id == crawl_id).values(status=status))

    def sites(self, crawl_id: int) -> list[CrawlSite]:
        with self.sessions() as s:
            return list(s.scalars(select(CrawlSite).where(CrawlSite.crawl_id == crawl_id).order_by(CrawlSite.org_id)))

    def organizations(self, ids: Sequence[str] | None = None) -> list[Organization]:
        with self.sessions() as s:
            q = select(Organization).order_by(Organization.id)
            if ids is not None:
                q = q.where(Organization.id.in_(ids))
            return list(s.scalars(q))

    def set_site(self, crawl_id: int, org_id: str, status: str, error: str | None = None) -> None:
        values: dict[str, Any] = {"status": status, "error": error}
        if status == "running":
            values["started_at"] = now()
        else:
            values["finished_at"] = now()
        with self.sessions.begin() as s:
            s.execute(update(CrawlSite).where(CrawlSite.crawl_id == crawl_id, CrawlSite.org_id == org_id)
                      .values(**_text_safe(s, values)))

    # ---- frontier -----------------------------------------------------------------
    def _upsert_frontier(self, s: Session, crawl_id: int, org_id: str, items: Iterable[FrontierItem]) -> None:
        """Insert or improve frontier rows the way the site crawler's in-memory frontier does
        (a URL seen again keeps its highest priority, its smallest depth and its first kind,
        and a priority raise sends it behind the others of that priority), so `--resume` and a
        retried distributed job rebuild exactly the frontier an uninterrupted crawl has.

        `seq` orders rows for resuming: new rows and raised ones get the next numbers of the
        site. A batch holds each URL once (PostgreSQL refuses an ON CONFLICT batch that
        touches a row twice)."""
        rows: dict[str, dict[str, Any]] = {}
        for i in items:
            known = rows.get(i.url)
            if known is None:
                rows[i.url] = {"crawl_id": crawl_id, "org_id": org_id, "url": i.url, "depth": i.depth,
                               "priority": i.priority, "kind": i.kind, "source": i.source, "state": "queued"}
            elif i.priority > known["priority"] or i.depth < known["depth"]:
                known["kind"] = known["kind"] or i.kind
                known["depth"] = min(known["depth"], i.depth)
                if i.priority > known["priority"]:
                    known["priority"] = i.priority
                    rows[i.url] = rows.pop(i.url)  # behind the others, as a new heap entry would be
        if not rows:
            return
        base = s.scalar(select(func.coalesce(func.max(FrontierEntry.seq), 0)).where(
            FrontierEntry.crawl_id == crawl_id, FrontierEntry.org_id == org_id)) or 0
        batch = [{**row, "seq": base + n} for n, row in enumerate(rows.values(), start=1)]
        dialect = s.get_bind().dialect.name
        ins: Any = postgresql.insert(FrontierEntry) if dialect == "postgresql" else sqlite.insert(FrontierEntry)
        highest = func.greatest if dialect == "postgresql" else func.max
        for start in range(0, len(batch), 500):
            stmt = ins.values(batch[start:start + 500])
            new = stmt.excluded
            raised = new.priority > FrontierEntry.priority
            improved = or_(raised, new.depth < FrontierEntry.depth)
            stmt = stmt.on_conflict_do_update(
                index_elements=["crawl_id", "org_id", "url"],
                set_={"priority": highest(FrontierEntry.priority, new.priority),
                      "depth": case((new.depth < FrontierEntry.depth, new.depth), else_=FrontierEntry.depth),
                      "kind": case((improved, func.coalesce(FrontierEntry.kind, new.kind)), else_=FrontierEntry.kind),
                      "seq": case((raised, new.seq), else_=FrontierEntry.seq)},
            )
            s.execute(stmt)

    def add_frontier(self, crawl_id: int, org_id: str, items: Iterable[FrontierItem]) -> None:
        with self.sessions.begin() as s:
            self._upsert_frontier(s, crawl_id, org_id, items)

    def frontier(self, crawl_id: int, org_id: str) -> list[FrontierEntry]:
        with self.sessions() as s:
            return list(s.scalars(select(FrontierEntry).where(
                FrontierEntry.crawl_id == crawl_id, FrontierEntry.org_id == org_id)
                .order_by(FrontierEntry.seq, FrontierEntry.id)))

    def mark_frontier(self, crawl_id: int, org_id: str, url: str, state: str) -> None:
        with self.sessions.begin() as s:
            s.execute(update(FrontierEntry).where(FrontierEntry.crawl_id == crawl_id, FrontierEntry.org_id == org_id,
                                                  FrontierEntry.url == url).values(state=state))

    # ---- pages and evidence ---------------------------------------------------------
    def save_page(
        self,
        crawl_id: int,
        pages: Sequence[tuple[PageRecord, list[dict[str, Any]], Any, list[dict[str, Any]]]],
        frontier_url: str | None,
        new_links: Iterable[FrontierItem] = (),
    ) -> list[int]:
        """Store one URL's renderings (page row, evidence, site artifacts, files), mark it done
        in the frontier and queue its links: all in one transaction, so a crash never leaves
        half a page."""
        ids: list[int] = []
        org_id = pages[0][0].org_id if pages else None
        new_desktop = False
        with self.sessions.begin() as s:
            if org_id is not None:
                self._lock_site(s, crawl_id, org_id)
            for rec, evidence, artifacts, files in pages:
                # Idempotent per (crawl, org, url, viewport): a retried page replaces its rows.
                old = s.scalars(select(Page.id).where(Page.crawl_id == crawl_id, Page.org_id == rec.org_id,
                                                      Page.url == rec.url, Page.viewport == rec.viewport)).first()
                if old is not None:
                    s.execute(delete(Evidence).where(Evidence.page_id == old))
                    s.execute(delete(PageArtifacts).where(PageArtifacts.page_id == old))
                    s.execute(delete(ArtifactFile).where(ArtifactFile.page_id == old))
                    s.execute(delete(Page).where(Page.id == old))
                elif rec.viewport == "desktop":
                    new_desktop = True
                page = Page(crawl_id=crawl_id, **_text_safe(s, rec.__dict__))
                s.add(page)
                s.flush()
                ids.append(page.id)
                if artifacts is not None:
                    s.add(PageArtifacts(page_id=page.id, data=pack(artifacts)))
                self._add_evidence(s, crawl_id, rec.org_id, page.id, rec.kind == "home", evidence)
                for f in files:
                    s.add(ArtifactFile(crawl_id=crawl_id, org_id=rec.org_id, page_id=page.id, **f))
            if org_id is not None and frontier_url is not None:
                s.execute(update(FrontierEntry).where(
                    FrontierEntry.crawl_id == crawl_id, FrontierEntry.org_id == org_id,
                    FrontierEntry.url == frontier_url).values(state="done"))
                self._upsert_frontier(s, crawl_id, org_id, new_links)
            if org_id is not None:
                s.execute(update(CrawlSite).where(CrawlSite.crawl_id == crawl_id, CrawlSite.org_id == org_id)
                          .values(pages=CrawlSite.pages + (1 if new_desktop and pages[0][0].viewport == "desktop" else 0)))
        return ids

    @staticmethod
    def _lock_site(s: Session, crawl_id: int, org_id: str) -> None:
        """Serialise writers of one site before reading what to replace, so two workers storing
        the same page or site evidence at once replace each other's rows instead of both
        inserting: PostgreSQL locks the site's row until commit; SQLite takes its write lock
        now (a no-op update), not at the first insert after the reads."""
        where = (CrawlSite.crawl_id == crawl_id, CrawlSite.org_id == org_id)
        if s.get_bind().dialect.name == "postgresql":
            s.execute(select(CrawlSite.org_id).where(*where).with_for_update())
        else:
            s.execute(update(CrawlSite).where(*where).values(pages=CrawlSite.pages))

    @staticmethod
    def _add_evidence(s: Session, crawl_id: int | None, org_id: str, page_id: int | None, is_home: bool,
                      evidence: Iterable[dict[str, Any]]) -> None:
        rows = [{"crawl_id": crawl_id, "org_id": org_id, "page_id": page_id,
                 "is_home": bool(e.get("is_home", is_home)), "url": e.get("url"),
                 "probe_id": e["probe_id"], "probe_version": e["probe_version"], "criterion": e["criterion"],
                 "outcome": e["outcome"], "score": e.get("score"), "message": e.get("message", ""),
                 "details": e.get("details") or {}, "author": e.get("author"), "created_at": now()}
                for e in evidence]
        rows = [_text_safe(s, r) for r in rows]
        if rows:
            s.execute(insert(Evidence), rows)

    def save_site_result(self, crawl_id: int, org_id: str, evidence: list[dict[str, Any]], status: str,
                         error: str | None = None) -> None:
        """Site-scope evidence and the site's final status in one transaction (idempotent)."""
        with self.sessions.begin() as s:
            self._lock_site(s, crawl_id, org_id)
            s.execute(delete(Evidence).where(Evidence.crawl_id == crawl_id, Evidence.org_id == org_id,
                                             Evidence.page_id.is_(None), Evidence.probe_id != "manual"))
            self._add_evidence(s, crawl_id, org_id, None, False, evidence)
            s.execute(update(CrawlSite).where(CrawlSite.crawl_id == crawl_id, CrawlSite.org_id == org_id)
                      .values(**_text_safe(s, {"status": status, "error": error}), finished_at=now()))

    def add_evidence(self, crawl_id: int | None, org_id: str, evidence: list[dict[str, Any]],
                     page_id: int | None = None) -> None:
        with self.sessions.begin() as s:
            self._add_evidence(s, crawl_id, org_id, page_id, False, evidence)

    def site_pages(self, crawl_id: int, org_id: str) -> list[tuple[Page, Any]]:
        """Pages of a site with their stored artifacts (for site probes on resume)."""
        with self.sessions() as s:
            rows = s.execute(select(Page, PageArtifacts.data).outerjoin(PageArtifacts, PageArtifacts.page_id == Page.id)
                             .where(Page.crawl_id == crawl_id, Page.org_id == org_id).order_by(Page.id)).all()
            return [(p, unpack(d) if d is not None else None) for p, d in rows]

    def evidence(self, crawl_id: int, org_id: str | None = None) -> list[Evidence]:
        with self.sessions() as s:
            q = select(Evidence).where(Evidence.crawl_id == crawl_id)
            if org_id:
                q = q.where(Evidence.org_id == org_id)
            return list(s.scalars(q.order_by(Evidence.id)))

    def files(self, crawl_id: int, org_id: str | None = None) -> list[ArtifactFile]:
        with self.sessions() as s:
            q = select(ArtifactFile).where(ArtifactFile.crawl_id == crawl_id)
            if org_id:
                q = q.where(ArtifactFile.org_id == org_id)
            return list(s.scalars(q.order_by(ArtifactFile.id)))

    def pages(self, crawl_id: int, org_id: str | None = None) -> list[Page]:
        with self.sessions() as s:
            q = select(Page).where(Page.crawl_id == crawl_id)
            if org_id:
                q = q.where(Page.org_id == org_id)
            return list(s.scalars(q.order_by(Page.id)))

    # ---- derived scores -------------------------------------------------------------
    def replace_scores(self, crawl_id: int, map_version: str, criteria: list[dict[str, Any]],
                       dimensions: list[dict[str, Any]]) -> None:
        """Derived rows for (crawl, map version) are replaced as a whole; other versions stay."""
        with self.sessions.begin() as s:
            s.execute(delete(CriterionResult).where(CriterionResult.crawl_id == crawl_id,
                                                    CriterionResult.map_version == map_version))
            s.execute(delete(DimensionScore).where(DimensionScore.crawl_id == crawl_id,
                                                   DimensionScore.map_version == map_version))
            if criteria:
                s.execute(insert(CriterionResult),
                          [{"crawl_id": crawl_id, "map_version": map_version, **c} for c in criteria])
            if dimensions:
                s.execute(insert(DimensionScore),
                          [{"crawl_id": crawl_id, "map_version": map_version, "computed_at": now(), **d}
                           for d in dimensions])

    def dimension_scores(self, crawl_id: int, map_version: str | None = None) -> list[DimensionScore]:
        with self.sessions() as s:
            q = select(DimensionScore).where(DimensionScore.crawl_id == crawl_id)
            if map_version:
                q = q.where(DimensionScore.map_version == map_version)
            return list(s.scalars(q))

    def criterion_results(self, crawl_id: int, map_version: str, org_id: str | None = None) -> list[CriterionResult]:
        with self.sessions() as s:
            q = select(CriterionResult).where(CriterionResult.crawl_id == crawl_id,
                                              CriterionResult.map_version == map_version)
            if org_id:
                q = q.where(CriterionResult.org_id == org_id)
            return list(s.scalars(q.order_by(CriterionResult.dimension, CriterionResult.criterion)))

    def map_versions(self, crawl_id: int) -> list[str]:
        with self.sessions() as s:
            return list(s.scalars(select(DimensionScore.map_version).where(DimensionScore.crawl_id == crawl_id)
                                  .distinct()))

    # ---- scoring queries (criteria_map) ----
    # Set-based reads for criteria_map.scoring. Evidence is reduced in SQL to one row per
    # (organisation, criterion, probe, home page or not, outcome) — a few hundred rows per
    # organisation, whatever the number of pages — so re-scoring a million rows stays fast
    # and flat in memory, and the query does not depend on the map.
    def scoring_counts(self, crawl_id: int, org_ids: Sequence[str] | None = None) -> list[tuple[Any, ...]]:
        """Rows (org_id, criterion, probe_id, is_home, outcome, records, scored records,
        sum, min and max of score) of a crawl's automated evidence; a pass/partial/fail
        record without a score counts as 1 / 0.5 / 0."""
        from sqlalchemy import case

        value = func.coalesce(Evidence.score, case({"pass": 1.0, "partial": 0.5, "fail": 0.0},
                                                   value=Evidence.outcome))
        q = (select(Evidence.org_id, Evidence.criterion, Evidence.probe_id, Evidence.is_home, Evidence.outcome,
                    func.count(), func.count(value), func.sum(value), func.min(value), func.max(value))
             .where(Evidence.crawl_id == crawl_id, Evidence.probe_id != "manual")
             .group_by(Evidence.org_id, Evidence.criterion, Evidence.probe_id, Evidence.is_home, Evidence.outcome))
        if org_ids is not None:
            q = q.where(Evidence.org_id.in_(list(org_ids)))
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(q).fetchall()]

    def scoring_criteria_present(self, crawl_id: int) -> list[str]:
        """Distinct evidence criterion ids of a crawl (an index-only scan)."""
        with self.sessions() as s:
            return list(s.scalars(select(Evidence.criterion).where(Evidence.crawl_id == crawl_id).distinct()))

    def scoring_org_ids(self, crawl_id: int) -> list[str]:
        """Organisations of a crawl: its sites, plus any organisation that has evidence in it."""
        with self.sessions() as s:
            sites = set(s.scalars(select(CrawlSite.org_id).where(CrawlSite.crawl_id == crawl_id)))
            sites |= set(s.scalars(select(Evidence.org_id).where(Evidence.crawl_id == crawl_id).distinct()))
            return sorted(sites)

    def scoring_rows(self, crawl_id: int, criteria: Sequence[str], org_ids: Sequence[str] | None = None,
                     limit: int | None = None, manual: bool = False) -> list[Evidence]:
        """Evidence rows of some criteria (few: details rules, fingerprints, explanations)."""
        if not criteria:
            return []
        with self.sessions() as s:
            q = select(Evidence).where(Evidence.crawl_id == crawl_id, Evidence.criterion.in_(list(criteria)))
            q = q.where(Evidence.probe_id == "manual") if manual else q.where(Evidence.probe_id != "manual")
            if org_ids is not None:
                q = q.where(Evidence.org_id.in_(list(org_ids)))
            q = q.order_by(Evidence.id)
            if limit is not None:
                q = q.limit(limit)
            return list(s.scalars(q))

    def scoring_verdicts(self, crawl_id: int, org_ids: Sequence[str] | None = None) -> list[Evidence]:
        """Manual verdicts that may apply to a crawl (made on it, an earlier crawl, or none),
        newest first."""
        with self.sessions() as s:
            q = select(Evidence).where(Evidence.probe_id == "manual",
                                       (Evidence.crawl_id.is_(None)) | (Evidence.crawl_id <= crawl_id))
            if org_ids is not None:
                q = q.where(Evidence.org_id.in_(list(org_ids)))
            return list(s.scalars(q.order_by(Evidence.id.desc())))

    def scoring_crawls_of(self, org_id: str) -> list[int]:
        """Crawls that include an organisation, oldest first."""
        with self.sessions() as s:
            ids = set(s.scalars(select(CrawlSite.crawl_id).where(CrawlSite.org_id == org_id)))
            ids |= {i for i in s.scalars(select(Evidence.crawl_id).where(Evidence.org_id == org_id,
                                                                        Evidence.probe_id != "manual").distinct())
                    if i is not None}
            return sorted(ids)

    def replace_org_scores(self, crawl_id: int, map_version: str, org_ids: Sequence[str] | None,
                           criteria: list[dict[str, Any]], dimensions: list[dict[str, Any]]) -> None:
        """Like replace_scores (for all organisations when `org_ids` is None, else only
        those), as one Core executemany per table."""
        from sqlalchemy import insert

        with self.engine.begin() as conn:
            for model in (CriterionResult, DimensionScore):
                stmt = delete(model).where(model.crawl_id == crawl_id, model.map_version == map_version)
                if org_ids is not None:
                    stmt = stmt.where(model.org_id.in_(list(org_ids)))
                conn.execute(stmt)
            if criteria:
                conn.execute(insert(CriterionResult),
                             [{"crawl_id": crawl_id, "map_version": map_version, **c} for c in criteria])
            if dimensions:
                stamp = now()
                conn.execute(insert(DimensionScore),
                             [{"crawl_id": crawl_id, "map_version": map_version, "computed_at": stamp, **d}
                              for d in dimensions])

    # ---- report and operations queries ----
    # Reads for maturity.report and the operations commands (crawls, prune); prune deletes
    # files on disk only, so evidence rows and scores are never touched. Kept apart so the
    # scoring and crawling API above stays small.
    def report_crawl_summaries(self) -> list[tuple[Crawl, int, int, int]]:
        """Every crawl, oldest first, with (sites, sites not done, desktop pages)."""
        from sqlalchemy import case

        not_done = func.sum(case((CrawlSite.status != "done", 1), else_=0))
        q = (select(Crawl, func.count(CrawlSite.org_id), func.coalesce(not_done, 0),
                    func.coalesce(func.sum(CrawlSite.pages), 0))
             .outerjoin(CrawlSite, CrawlSite.crawl_id == Crawl.id).group_by(Crawl.id).order_by(Crawl.id))
        with self.sessions() as s:
            return [(c, int(n), int(bad), int(p)) for c, n, bad, p in s.execute(q).all()]

    def report_map_versions(self, crawl_id: int) -> list[str]:
        """Map versions a crawl has scores under, the first one it was scored with first."""
        with self.sessions() as s:
            rows = s.execute(select(DimensionScore.map_version, func.min(DimensionScore.computed_at))
                             .where(DimensionScore.crawl_id == crawl_id)
                             .group_by(DimensionScore.map_version)).all()
        return [v for v, _ in sorted(rows, key=lambda r: (r[1] is None, r[1]))]

    def report_evidence(self, crawl_id: int, org_id: str, per_criterion: int = 3) -> list[tuple[Evidence, int]]:
        """An organisation's evidence, at most `per_criterion` rows per evidence criterion
        (worst outcome first, home page first), each with the criterion's total count: the
        examples a report shows, without loading every page's rows."""
        from sqlalchemy import case

        rank = case({"fail": 0, "error": 1, "partial": 2, "review": 3, "pass": 4}, value=Evidence.outcome, else_=5)
        part = (Evidence.criterion, Evidence.probe_id)
        inner = (select(Evidence.id.label("eid"),
                        func.row_number().over(partition_by=part, order_by=(rank, Evidence.is_home.desc(),
                                                                            Evidence.url, Evidence.id)).label("n"),
                        func.count().over(partition_by=part).label("total"))
                 .where(Evidence.crawl_id == crawl_id, Evidence.org_id == org_id).subquery())
        q = (select(Evidence, inner.c.total).join(inner, inner.c.eid == Evidence.id)
             .where(inner.c.n <= per_criterion).order_by(Evidence.criterion, inner.c.n))
        with self.sessions() as s:
            return [(e, int(t)) for e, t in s.execute(q).all()]

    def report_files_before(self, cutoff: datetime, kind_prefix: str = "screenshot") -> list[ArtifactFile]:
        """File rows of a kind created before `cutoff` (what retention may remove from disk)."""
        with self.sessions() as s:
            return list(s.scalars(select(ArtifactFile).where(ArtifactFile.created_at < cutoff,
                                                             ArtifactFile.kind.startswith(kind_prefix))
                                  .order_by(ArtifactFile.id)))

    def report_paths_since(self, cutoff: datetime) -> set[str]:
        """Paths still referenced by files created at or after `cutoff` (content addressing
        shares one file between crawls; a newer reference keeps it)."""
        with self.sessions() as s:
            return set(s.scalars(select(ArtifactFile.path).where(ArtifactFile.created_at >= cutoff).distinct()))
