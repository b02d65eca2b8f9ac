"""The PostgreSQL and Redis servers the distributed and PostgreSQL tests use.

`MATURITY_TEST_PG` (a SQLAlchemy URL of a server database whose role may create databases)
and `MATURITY_TEST_REDIS` (a Redis URL) name them; `scripts/services.sh` starts both and
prints the two. Without the variable a test is skipped, unless `MATURITY_REQUIRE_SERVICES=1`
(CI), where it fails; with the variable set, an unreachable server is always a failure.
Each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def service_url(var: str) -> str:
    value = os.environ.get(var, "").strip()
    if not value:
        if os.environ.get("MATURITY_REQUIRE_SERVICES") == "1":
            pytest.fail(f"{var} is not set but MATURITY_REQUIRE_SERVICES=1 (run scripts/services.sh)")
        pytest.skip(f"{var} not set (scripts/services.sh starts PostgreSQL and Redis and prints it)")
    return value


def redis_server() -> str:
    import redis

    url = service_url("MATURITY_TEST_REDIS")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3).ping()
    except Exception as exc:
        pytest.fail(f"MATURITY_TEST_REDIS={url} is set but Redis does not answer: {exc}")
    return url


@contextmanager
def fresh_postgres() -> Iterator[str]:
    """A new, empty database on the MATURITY_TEST_PG server; its URL."""
    server = service_url("MATURITY_TEST_PG")
    admin_url = make_url(server)
    if admin_url.drivername == "postgresql":
        admin_url = admin_url.set(drivername="postgresql+psycopg")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = f"maturity_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        pytest.fail(f"MATURITY_TEST_PG={server} is set but no database could be created there: {exc}")
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
