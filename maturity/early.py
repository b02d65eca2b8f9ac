"""A browser launched before the command-line modules load (see maturity.launch).

The launch runs on an event loop in a thread of its own; the command later runs its
coroutine on that same loop, since Playwright's objects belong to the loop that made them.
Without an early launch, or if it could not begin, the coroutine runs as usual with
`asyncio.run` and makes its own browser.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from crawler.browser import BrowserPool
    from crawler.settings import CrawlSettings

T = TypeVar("T")
IMPORT_WAIT = 3.0  # seconds the command waits for the launch's imports before going on anyway

_started: tuple[asyncio.AbstractEventLoop, Future[BrowserPool]] | None = None


def start() -> None:
    """Begin launching Chromium now, on a loop in a daemon thread."""
    global _started
    if _started is not None:
        return
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, name="maturity-early-browser", daemon=True).start()
    imported = threading.Event()
    _started = (loop, asyncio.run_coroutine_threadsafe(_launch(imported), loop))
    # Imports hold the interpreter lock: the launch's (Playwright) go first, so that the driver
    # process is spawned while the CLI's imports run, not after them.
    imported.wait(IMPORT_WAIT)


async def _launch(imported: threading.Event) -> BrowserPool:
    try:
        from crawler.browser import BrowserPool
        from crawler.settings import CrawlSettings

        pool = BrowserPool(CrawlSettings())
        pool.start_early()
    finally:
        imported.set()
    return pool


def run(make: Callable[[BrowserPool | None], Coroutine[Any, Any, T]], settings: CrawlSettings) -> T:
    """`make(pool)` run to its end: on the early loop with the early browser (now under the
    command's settings), or, without one, by `asyncio.run` with `make(None)`."""
    if _started is None:
        return asyncio.run(make(None))
    loop, launched = _started
    try:
        pool = launched.result()
    except Exception:  # noqa: BLE001 - no early browser: the command makes its own and reports its failure
        return asyncio.run(make(None))
    pool.settings = settings
    return asyncio.run_coroutine_threadsafe(make(pool), loop).result()
