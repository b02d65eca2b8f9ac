"""Shared fixtures: fast crawl settings, a fresh SQLite store per test, and local sites."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.settings import CrawlSettings
from storage import Store, make_engine


@pytest.fixture
def fast_settings() -> CrawlSettings:
    """Settings for tests: no politeness wait, short timeouts, loopback allowed, nothing leaves it."""
    return CrawlSettings(delay=0.0, allow_private=True, block_external=True, page_timeout=10.0,
                         site_time_limit=120.0, max_pages=30, concurrency=2, screenshots=False)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    engine = make_engine(db_url)
    yield Store(engine)
    engine.dispose()
