"""A self-contained static report of a crawl: ranking, charts, trends, a page per
organisation with its evidence, and CSV/JSON exports. Opens from file://; nothing is
fetched from anywhere."""

from __future__ import annotations

from maturity.report.build import ReportError, build_report

__all__ = ["ReportError", "build_report"]
