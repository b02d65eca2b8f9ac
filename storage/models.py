"""Typed SQLAlchemy 2.0 models: the only description of the schema (Alembic reads it)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Organization(Base):
    __tablename__ = "organizations"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    type: Mapped[str] = mapped_column(String(40))
    url: Mapped[str] = mapped_column(Text)
    domains: Mapped[list[Any]] = mapped_column(JSON, default=list)


class Crawl(Base):
    __tablename__ = "crawls"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # running | done | partial | failed | interrupted
    status: Mapped[str] = mapped_column(String(20), default="running")
    code_version: Mapped[str] = mapped_column(String(40))
    probe_versions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CrawlSite(Base):
    """One organisation within one crawl: its status, and the frontier's owner."""

    __tablename__ = "crawl_sites"
    crawl_id: Mapped[int] = mapped_column(ForeignKey("crawls.id", ondelete="CASCADE"), primary_key=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), primary_key=True)
    # queued | running | done | failed | blocked
    status: Mapped[str] = mapped_column(String(20), default="queued")
    error: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FrontierEntry(Base):
    """The persisted frontier: what `--resume` continues from."""

    __tablename__ = "frontier"
    __table_args__ = (
        UniqueConstraint("crawl_id", "org_id", "url", name="uq_frontier_url"),
        Index("ix_frontier_pending", "crawl_id", "org_id", "state", "priority"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    crawl_id: Mapped[int] = mapped_column(ForeignKey("crawls.id", ondelete="CASCADE"))
    org_id: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(Text)
    depth: Mapped[int] = mapped_column(Integer, default=0)
    priority: Mapped[float] = mapped_column(Float, default=0.0)
    kind: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(20), default="link")  # start | link | sitemap
    state: Mapped[str] = mapped_column(String(12), default="queued")  # queued | done | skipped
    seq: Mapped[int] = mapped_column(Integer, default=0)  # insertion order, for stable ties


class Page(Base):
    __tablename__ = "pages"
    __table_args__ = (
        UniqueConstraint("crawl_id", "org_id", "url", "viewport", name="uq_page_view"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    crawl_id: Mapped[int] = mapped_column(ForeignKey("crawls.id", ondelete="CASCADE"), index=True)
    org_id: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str | None] = mapped_column(Text)
    status_code: Mapped[int | None] = mapped_column(Integer)
    viewport: Mapped[str] = mapped_column(String(10), default="desktop")
    depth: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(Text)
    load_ms: Mapped[float | None] = mapped_column(Float)
    error: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PageArtifacts(Base):
    """Compressed JSON of the artifacts site-scope probes read, so `--resume` and re-probing
    need no second visit."""

    __tablename__ = "page_artifacts"
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Evidence(Base):
    """Append-only findings; every score is derived from these rows."""

    __tablename__ = "evidence"
    __table_args__ = (
        Index("ix_evidence_crawl_criterion", "crawl_id", "criterion"),
        # Covers the scoring query: re-scoring reads the index alone, in order.
        Index("ix_evidence_scoring", "crawl_id", "org_id", "criterion", "probe_id", "is_home", "outcome", "score"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    crawl_id: Mapped[int | None] = mapped_column(ForeignKey("crawls.id", ondelete="CASCADE"))
    org_id: Mapped[str] = mapped_column(String(200))
    page_id: Mapped[int | None] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"))
    url: Mapped[str | None] = mapped_column(Text)
    is_home: Mapped[bool] = mapped_column(default=False)
    probe_id: Mapped[str] = mapped_column(String(80))
    probe_version: Mapped[str] = mapped_column(String(20))
    criterion: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(String(16))
    score: Mapped[float | None] = mapped_column(Float)
    message: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    author: Mapped[str | None] = mapped_column(String(200))  # for manual verdicts
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ArtifactFile(Base):
    """A file on disk (screenshot, PDF), content-addressed by sha256."""

    __tablename__ = "artifact_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    crawl_id: Mapped[int | None] = mapped_column(ForeignKey("crawls.id", ondelete="CASCADE"))
    org_id: Mapped[str] = mapped_column(String(200))
    page_id: Mapped[int | None] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    path: Mapped[str] = mapped_column(Text)
    bytes: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CriterionResult(Base):
    """Derived: one criterion for one organisation in one crawl under one map version."""

    __tablename__ = "criterion_results"
    crawl_id: Mapped[int] = mapped_column(ForeignKey("crawls.id", ondelete="CASCADE"), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    map_version: Mapped[str] = mapped_column(String(40), primary_key=True)
    criterion: Mapped[str] = mapped_column(String(200), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(40))
    weight: Mapped[float] = mapped_column(Float)
    outcome: Mapped[str] = mapped_column(String(16))  # pass|fail|partial|not_applicable|missing|review
    score: Mapped[float | None] = mapped_column(Float)
    evidence_count: Mapped[int] = mapped_column(Integer, default=0)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class DimensionScore(Base):
    """Derived: a dimension's (or "overall") score on 0..1, with its coverage."""

    __tablename__ = "dimension_scores"
    crawl_id: Mapped[int] = mapped_column(ForeignKey("crawls.id", ondelete="CASCADE"), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    map_version: Mapped[str] = mapped_column(String(40), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(40), primary_key=True)
    score: Mapped[float | None] = mapped_column(Float)
    coverage: Mapped[float] = mapped_column(Float, default=0.0)
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
