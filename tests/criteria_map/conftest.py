"""A fresh SQLite store per test."""

from __future__ import annotations

from pathlib import Path

import pytest
from cm_helpers import Builder

from storage import Store, make_engine


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(make_engine(f"sqlite:///{tmp_path / 'test.db'}"))


@pytest.fixture
def build(store: Store) -> Builder:
    return Builder(store)
