"""Politeness across workers: which hosts a site job locks, and how the Redis locks behave."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from crawler.distributed.hostlock import PREFIX, HostLocks, site_keys


def org(url: str, *also: str) -> dict[str, object]:
    return {"id": "x", "name": "X", "type": "agency", "url": url, "also": list(also)}


def test_orgs_on_one_registrable_domain_share_a_lock() -> None:
    # the county boards are one site each under lansstyrelsen.se: never two at once
    assert site_keys(org("https://www.lansstyrelsen.se/stockholm")) == [PREFIX + "lansstyrelsen.se"]
    assert site_keys(org("https://www.lansstyrelsen.se/skane/")) == site_keys(org("https://lansstyrelsen.se/"))
    assert site_keys(org("https://e-tjanster.malmo.se/")) == [PREFIX + "malmo.se"]


def test_near_misses_get_locks_of_their_own() -> None:
    assert site_keys(org("https://goteborg.se/")) != site_keys(org("https://www.goteborg.com/"))
    assert site_keys(org("https://www.regionstockholm.se/")) != site_keys(org("https://www.stockholm.se/"))
    # an IP address is a site per port, as the crawler's scope has it
    assert site_keys(org("http://127.0.0.21:8080/")) == [PREFIX + "127.0.0.21:8080"]
    assert site_keys(org("http://127.0.0.21:8081/a")) != site_keys(org("http://127.0.0.21:8080/"))


def test_also_domains_are_locked_too_in_one_order() -> None:
    keys = site_keys(org("https://malmo.se/", "malmo.e-tjanster.example.com", "https://www.malmo.se/"))
    assert keys == sorted([PREFIX + "example.com", PREFIX + "malmo.se"])


@pytest.fixture
def locks(redis_url: str) -> HostLocks:
    import redis

    return HostLocks(redis.Redis.from_url(redis_url), ttl=1.0)


def names(n: int) -> list[str]:
    tag = uuid.uuid4().hex[:8]
    return [f"{PREFIX}test-{tag}-{i}" for i in range(n)]


def test_one_holder_at_a_time_and_all_or_nothing(locks: HostLocks) -> None:
    a, b, c = names(3)
    held = locks.try_acquire([a, b])
    assert held is not None
    try:
        assert locks.try_acquire([b]) is None
        assert locks.try_acquire([c, a]) is None  # c taken, a busy: c is given back
        other = locks.try_acquire([c])
        assert other is not None
        other.release()
        time.sleep(2.2)  # past the ttl: renewal keeps the lock
        assert locks.try_acquire([a]) is None
    finally:
        held.release()
    again = locks.try_acquire([a, b])
    assert again is not None
    again.release()


def test_a_dead_holders_lock_expires(locks: HostLocks) -> None:
    (a,) = names(1)
    dead = locks.client.lock(a, timeout=1.0)  # taken and never renewed: its worker was killed
    assert dead.acquire(blocking=False)
    assert locks.try_acquire([a]) is None
    time.sleep(1.3)
    held = locks.try_acquire([a])
    assert held is not None
    held.release()


def test_a_lost_lock_is_noticed(locks: HostLocks) -> None:
    (a,) = names(1)
    held = locks.try_acquire([a])
    assert held is not None
    called = threading.Event()
    held.on_lost(called.set)
    locks.client.set(a, "someone-else")  # the lock expired and another worker took it
    try:
        assert called.wait(3.0)
        assert held.lost.is_set()
    finally:
        held.release()
    assert locks.client.get(a) == b"someone-else"  # releasing never removes another's lock
    locks.client.delete(a)
