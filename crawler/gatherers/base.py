"""The gatherer interface: turn a loaded page (or a site) into one named artifact.

The runner gathers, once per page, the union of the artifacts that the enabled probes
require, in `order`; a gatherer that raises yields `error` evidence for the probes that
needed its artifact, never a pass.
"""

from __future__ import annotations

import json
from abc import ABC
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    import httpx
    from playwright.async_api import Page, Response

    from crawler.settings import CrawlSettings


@dataclass
class SiteContext:
    """What a gatherer may know of the site being crawled."""

    org: dict[str, Any]  # id, name, type, url, domains
    home_url: str
    settings: CrawlSettings
    http: httpx.AsyncClient
    in_scope: Callable[[str], bool]
    # Opens a page in the site's context for `viewport` ("desktop"/"mobile"), politely.
    new_page: Callable[[str], Awaitable[Page]]
    # Waits out the politeness delay for the URL's host before a request.
    polite: Callable[[str], Awaitable[None]]
    save_file: Callable[[bytes, str, str], dict[str, Any]]
    robots: dict[str, Any] = field(default_factory=dict)
    sitemaps: dict[str, Any] = field(default_factory=dict)
    # The per-page artifact mappings gathered so far (site gatherers run after all pages).
    pages: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class PageContext:
    """A page just loaded in the browser, with what the runner recorded while loading it."""

    page: Page
    response: Response | None
    url: str
    final_url: str
    viewport: str  # "desktop" | "mobile"
    kind: str | None  # mystery-shopper category, "home", or None
    site: SiteContext
    network: list[dict[str, Any]] = field(default_factory=list)
    console: list[dict[str, Any]] = field(default_factory=list)
    gathered: dict[str, Any] = field(default_factory=dict)  # artifacts gathered so far

    def save_file(self, data: bytes, kind: str, ext: str) -> dict[str, Any]:
        """Store a file (screenshot, PDF) content-addressed; returns a reference."""
        return self.site.save_file(data, kind, ext)


class Gatherer(ABC):
    """Provides the artifact `name`. `scope` "page" runs per page, "site" once per site."""

    name: ClassVar[str]
    scope: ClassVar[str] = "page"
    order: ClassVar[int] = 50  # page-mutating gatherers (resizing, tabbing) use > 80
    # JavaScript added once per browser context (e.g. axe-core), or None.
    init_script: ClassVar[str | None] = None
    # "desktop", "mobile" or "any": the renderings it can gather from.
    viewports: ClassVar[tuple[str, ...]] = ("desktop", "mobile")

    async def gather(self, ctx: PageContext) -> Any:  # pragma: no cover - page gatherers override
        raise NotImplementedError

    async def gather_site(self, ctx: SiteContext) -> Any:  # pragma: no cover - site gatherers override
        raise NotImplementedError


class JsGatherer(Gatherer):
    """A page gatherer that is one JavaScript function evaluated in the page, then `post`.

    The runner evaluates all of a page's read-only JsGatherers (order < MUTATING_ORDER) in one
    round trip (`batch_script`); `gather` is the same work for one."""

    script: ClassVar[str]  # a function expression taking no argument; may be async

    def post(self, ctx: PageContext, raw: Any) -> Any:
        """Turn what the page returned into the artifact (in Python)."""
        return raw

    async def gather(self, ctx: PageContext) -> Any:
        return self.post(ctx, await ctx.page.evaluate(self.script))


MUTATING_ORDER = 80  # gatherers at or after this order resize, scroll or focus the page


@cache
def batch_script(gatherers: tuple[JsGatherer, ...]) -> str:
    """One function running each gatherer's script, each failure kept apart: {name: {ok|error}}."""
    calls = "".join(f"  await run({json.dumps(g.name)}, ({g.script.strip()}));\n" for g in gatherers)
    return ("async () => {\n  const out = {};\n"
            "  const run = async (name, fn) => { try { out[name] = {ok: await fn()}; }\n"
            "    catch (e) { out[name] = {error: String((e && e.message) || e).slice(0, 300)}; } };\n"
            f"{calls}  return out;\n}}")


