"""Per-host pacing shared by every site crawler (and worker thread) of a process."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from crawler.urls import host_of


@dataclass
class HostClock:
    delay: float
    next_at: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class Politeness:
    """At most one request per `delay` seconds to one host; Retry-After pushes the next slot."""

    def __init__(self, delay: float) -> None:
        self.default = delay
        self.hosts: dict[str, HostClock] = {}

    def set_delay(self, host: str, delay: float) -> None:
        self._clock(host).delay = max(self.default, delay)

    def _clock(self, host: str) -> HostClock:
        if host not in self.hosts:
            self.hosts[host] = HostClock(self.default)
        return self.hosts[host]

    async def wait(self, url: str) -> None:
        clock = self._clock(host_of(url))
        async with clock.lock:
            now = time.monotonic()
            if clock.next_at > now:
                await asyncio.sleep(clock.next_at - now)
            clock.next_at = time.monotonic() + clock.delay

    def push_back(self, url: str, seconds: float) -> None:
        clock = self._clock(host_of(url))
        clock.next_at = max(clock.next_at, time.monotonic() + seconds)
