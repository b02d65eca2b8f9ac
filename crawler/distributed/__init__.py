"""Distributed crawling: one Dramatiq job per organisation, Redis as the broker.

`maturity crawl --distributed` creates the crawl in the shared database and enqueues one
job per organisation (`coordinator`); `maturity worker` runs Dramatiq worker threads that
each crawl one site with the ordinary `SiteCrawler` (`job`), holding a Redis lock per
registrable domain so that no host is crawled by two workers at once (`hostlock`). A job is
acknowledged only after its site's result is stored; a worker that dies leaves its job to
be requeued after the broker's heartbeat timeout, and the next worker resumes the site from
the stored frontier. Nothing here schedules or queues anything itself.
"""

from __future__ import annotations

DEFAULT_BROKER = "redis://127.0.0.1:6379/0"
DEFAULT_QUEUE = "maturity"
DEFAULT_HEARTBEAT = 60.0  # seconds without a heartbeat before a worker counts as dead
TERMINAL = frozenset({"done", "failed", "blocked"})  # site states a job never revisits
