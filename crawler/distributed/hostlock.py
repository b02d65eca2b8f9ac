"""Politeness across workers: at most one site crawl per registrable domain in the fleet.

Inside one site crawl `Politeness` spaces the requests to each host, as in a single process.
Across workers the unit is the site's registrable domain (or host and port for an IP
address), plus the organisation's `also` domains: the 21 county boards share lansstyrelsen.se,
so their jobs run one after the other whichever workers take them. The lock is redis-py's
`Lock` (SET NX PX with a random token; release and renewal only by the holder), renewed
from a thread every third of its lifetime; a killed worker's lock simply expires.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

import structlog

from crawler.urls import host_of, is_ip, registrable_domain

log = structlog.get_logger(__name__)

PREFIX = "maturity:host:"


def site_keys(org: dict[str, Any]) -> list[str]:
    """The lock names an organisation's crawl needs, sorted (every worker takes them in the
    same order, so two jobs sharing some domains cannot deadlock)."""
    keys = set()
    url = org["url"]
    host = host_of(url)
    if is_ip(host) or "." not in host:
        parts = urlsplit(url)
        keys.add(f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}")
    else:
        keys.add(registrable_domain(host))
    for extra in org.get("also") or org.get("domains") or []:
        name = host_of(extra) if "://" in extra else extra.strip().lower().rstrip(".")
        if name:
            keys.add(name if is_ip(name) else registrable_domain(name))
    return sorted(PREFIX + k for k in keys)


class HeldLocks:
    """Locks held for one site crawl; renewed until released. `lost` is set (and `on_lost`
    called, from the renewal thread) if a renewal finds the lock gone."""

    def __init__(self, locks: list[Any], ttl: float) -> None:
        self.locks = locks
        self.ttl = ttl
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._thread = threading.Thread(target=self._renew, name="host-lock-renewal", daemon=True)
        self._thread.start()

    def on_lost(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)
        if self.lost.is_set():
            callback()

    def _renew(self) -> None:
        while not self._stop.wait(self.ttl / 3):
            for lock in self.locks:
                try:
                    lock.reacquire()
                except Exception as exc:  # expired and taken, or Redis unreachable for a whole ttl
                    self.lost.set()
                    for cb in self._callbacks:
                        try:
                            cb()
                        except Exception:  # the crawl has already ended
                            pass
                    try:
                        log.warning("host lock lost", lock=lock.name, error=str(exc)[:200])
                    except Exception:  # logging must not keep the loss unnoticed
                        pass
                    return

    def release(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for lock in reversed(self.locks):
            try:
                lock.release()
            except Exception:  # already expired: nothing to give back
                pass

    def __enter__(self) -> HeldLocks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class HostLocks:
    def __init__(self, client: Any, ttl: float) -> None:
        self.client = client
        self.ttl = ttl

    def try_acquire(self, names: Iterable[str]) -> HeldLocks | None:
        """All of the locks, or none (and None) when another worker holds one of them."""
        taken: list[Any] = []
        for name in names:
            lock = self.client.lock(name, timeout=self.ttl, blocking=False, thread_local=False)
            if not lock.acquire():
                for other in reversed(taken):
                    try:
                        other.release()
                    except Exception:
                        pass
                return None
            taken.append(lock)
        return HeldLocks(taken, self.ttl)
