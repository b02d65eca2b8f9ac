"""Fixtures for the distributed tests: a fresh PostgreSQL database, Redis, a private queue."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import structlog

from tests.distributed.services import fresh_postgres, redis_server


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_postgres() as url:
        yield url


@pytest.fixture
def redis_url() -> str:
    return redis_server()


@pytest.fixture
def queue_name() -> str:
    """A queue of the test's own, so parallel test runs never take each other's jobs."""
    return f"maturity-test-{uuid.uuid4().hex[:10]}"


@pytest.fixture(autouse=True)
def _fresh_logging() -> Iterator[None]:
    """Jobs log in-process here; an earlier test's CLI run may have bound structlog to a
    captured stream that is closed by now."""
    structlog.reset_defaults()
    yield
    structlog.reset_defaults()
