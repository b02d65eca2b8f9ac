"""Crawling one site: frontier, rendering, gathering, probes, and the site's verdicts.

Each URL is rendered on desktop (and, for the home page and mystery-shopper pages, in a
mobile context), the artifacts the enabled probes need are gathered once, the page probes
run, and the page, its evidence and its links are stored in one transaction. Site-scope
probes run at the end on the stored artifacts, so a resumed crawl ends where an
uninterrupted one would.
"""

from __future__ import annotations

import asyncio
import collections
import heapq
import itertools
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
import structlog
from playwright.async_api import BrowserContext, Dialog, Page, Request, Response
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout

from crawler.browser import BrowserPool
from crawler.consent import inspect_banner, refuse_optional
from crawler.discovery import Robots, SitemapResult, fetch_robots, fetch_sitemaps
from crawler.faults import (
    MAX_CLIENT_REDIRECTS,
    MAX_HTML_BYTES,
    NON_HTML,
    BrowserDied,
    Navigations,
    challenge_in,
    describe_error,
    health,
    is_status_error,
    retry_after,
)
from crawler.files import FileStore
from crawler.gatherers import CORE_FIELDS, PageContext, SiteContext, gatherer_for
from crawler.gatherers.base import MUTATING_ORDER, JsGatherer, batch_script
from crawler.plan import Plan
from crawler.politeness import Politeness
from crawler.priority import KEY_KINDS, SITEMAP_PRIORITY, link_priority
from crawler.recorder import PageBundle, Recorder
from crawler.settings import CrawlSettings
from crawler.urls import (
    MAX_URL_LENGTH,
    Scope,
    TrapGuard,
    canonicalize,
    host_of,
    is_private_address,
    registrable_domain,
)
from probes.base import DIGEST, Evidence, Probe
from storage.records import FrontierItem, PageRecord

log = structlog.get_logger(__name__)

RECYCLE_AFTER = 80  # pages per context before it is replaced, to keep browser memory flat
SITE_GATHER_TIMEOUT = 240.0  # seconds a site gatherer may take (link checks wait out the politeness delay)
CLOSE_TIMEOUT = 5.0
OPEN_TIMEOUT = 60.0  # seconds for the browser to give a context or a tab (a relaunch included)
GATHER_BUDGET = 4  # page timeouts all of a page's gatherers may take together
MAX_IN_FLIGHT = 3  # pages rendered and waiting to be stored (their artifacts are held in memory)
SWITCH_INTERVAL = 0.001  # seconds: how long the judging thread may hold the interpreter lock


@dataclass
class Verdicts:
    """What a page's probes will judge, kept until `judge` runs them (off the event loop)."""

    probes: list[Probe]
    artifacts: dict[str, Any]
    url: str
    errors: dict[str, str]
    page_error: str | None
    is_home: bool

    def judge(self) -> list[dict[str, Any]]:
        evidence: list[dict[str, Any]] = []
        for probe in self.probes:
            evidence.extend(run_probe_safely(probe, self.artifacts, self.url, self.errors, self.page_error,
                                             self.is_home))
        return evidence


@dataclass
class Rendered:
    record: PageRecord
    evidence: list[dict[str, Any]]
    kept: dict[str, Any] | None  # artifacts kept for site probes
    files: list[dict[str, Any]]
    links: list[dict[str, Any]] = field(default_factory=list)
    blocked: bool = False
    verdicts: Verdicts | None = None  # probes still to run on this rendering

    @property
    def ok(self) -> bool:
        return self.record.error is None

    def judge(self) -> None:
        if self.verdicts is not None:
            self.evidence.extend(self.verdicts.judge())
            self.verdicts = None

    def bundle(self) -> PageBundle:
        return (self.record, self.evidence, self.kept, self.files)


def site_view(probe: Probe, page: Mapping[str, Any]) -> dict[str, Any]:
    """What a site probe sees of one page: the core fields, its errors and what it requires."""
    wanted = set(probe.requires) | set(CORE_FIELDS) | {"errors", "error"}
    return {k: v for k, v in page.items() if k in wanted}


@dataclass
class Tab:
    """The one browser tab a context renders its pages in: opening a tab per URL costs more
    than loading the page. Listeners write into the lists of the page being rendered."""

    page: Page
    navs: Navigations
    network: list[dict[str, Any]] = field(default_factory=list)
    console: list[dict[str, Any]] = field(default_factory=list)
    crashed: list[bool] = field(default_factory=list)
    requests: dict[int, dict[str, Any]] = field(default_factory=dict)
    reused: bool = False  # a page was rendered in it before this one

    def reset(self) -> None:
        self.network, self.console, self.crashed, self.requests = [], [], [], {}
        self.reused = True


@dataclass
class SiteOutcome:
    status: str  # done | failed | blocked
    error: str | None
    pages: int


def stamp(probe: Probe, evidence: list[Evidence], url: str | None, is_home: bool = False) -> list[dict[str, Any]]:
    out = []
    for ev in evidence:
        d = ev.as_dict()
        d["url"] = d.get("url") or url
        d["probe_id"], d["probe_version"], d["is_home"] = probe.id, probe.version, is_home
        out.append(d)
    return out


def run_probe_safely(probe: Probe, artifacts: dict[str, Any], url: str | None,
                     errors: dict[str, str], page_error: str | None, is_home: bool = False,
                     site_level: bool = False) -> list[dict[str, Any]]:
    """Run one probe on what it asked for; anything it could not see becomes `error` evidence.

    For a site probe only site artifacts must be present: per-page artifacts are in `pages`,
    with each page's own `errors`. Only a page that answered its own HTTP error is shown to
    probes that judge error pages (`on_error_pages`); a timeout, crash, bot challenge or
    off-site redirect shows nothing of the site, so every probe records `error` for it."""
    if page_error and not (getattr(probe, "on_error_pages", False) and is_status_error(page_error)):
        return stamp(probe, probe.error_evidence(f"page could not be measured: {page_error}", url), url, is_home)
    required = [r for r in probe.requires if r not in CORE_FIELDS and r not in probe.optional]
    if site_level:
        required = [r for r in required if gatherer_for(r).scope == "site"]
    missing = [r for r in required if r not in artifacts]
    if missing and not page_error:
        why = errors.get(missing[0], "not gathered")
        return stamp(probe, probe.error_evidence(f"artifact {missing[0]!r} unavailable: {why}", url), url, is_home)
    view = {k: v for k, v in artifacts.items() if k in CORE_FIELDS or k in probe.requires}
    view["errors"] = errors
    try:
        found = probe.run(view)
    except Exception as exc:  # a probe bug must not cost the crawl, and is never a pass
        log.exception("probe crashed", probe=probe.id, url=url)
        found = probe.error_evidence(f"probe {probe.id} crashed: {type(exc).__name__}: {str(exc)[:200]}", url)
    return stamp(probe, found, url, is_home)


class SiteCrawler:
    def __init__(self, org: dict[str, Any], settings: CrawlSettings, plan: Plan, pool: BrowserPool,
                 politeness: Politeness, recorder: Recorder, http: httpx.AsyncClient, files: FileStore | None,
                 resume: bool = False, only_key: bool = False, single_page: bool = False) -> None:
        self.org = org
        self.settings = settings
        self.plan = plan
        self.pool = pool
        self.politeness = politeness
        self.recorder = recorder
        self.http = http
        self.files = files
        self.resume = resume
        self.only_key = only_key
        self.single_page = single_page  # `maturity probe` on a page: the URL as named, no discovery
        self.home_url = canonicalize(org["url"])
        self.scope = Scope(self.home_url, org.get("also") or org.get("domains") or [])
        self.robots = Robots(url="", status=None)
        self.sitemaps = SitemapResult()
        self._heap: list[tuple[float, int, str]] = []
        self._entries: dict[str, FrontierItem] = {}
        self._done: set[str] = set()
        self._seq = itertools.count()
        self.traps = TrapGuard()
        self._contexts: dict[str, BrowserContext] = {}
        self._context_pages: dict[str, int] = {}
        self._fresh: set[str] = set()  # contexts whose first page has not yet been seen
        self._tabs: dict[str, Tab] = {}  # by viewport, in that viewport's context
        # One rendering per viewport at a time: a mobile rendering runs in the background, and the
        # next key page's must wait for it rather than share its tab.
        self._rendering: dict[str, asyncio.Lock] = {}
        self._key_seen: dict[str, int] = {}  # pages of each mystery-shopper kind given key treatment
        # Pages being judged and stored, oldest first; each waits for the one before it.
        self._pending: collections.deque[asyncio.Future[None]] = collections.deque()
        # Site probes' per-page work, done as each page is stored: (probe, url, viewport) ->
        # (the site facts it was made with, digest). See Probe.digest.
        self._digests: dict[tuple[str, str, str], tuple[dict[str, Any], Any]] = {}
        self.pages_done = 0
        # When the site was measured: probes that judge age (freshness) read it, not the clock.
        self.crawl_time = datetime.now(UTC).isoformat(timespec="seconds")
        self.log = log.bind(org=org["id"])

    # ---- frontier -------------------------------------------------------------------
    def _push(self, item: FrontierItem) -> bool:
        known = self._entries.get(item.url)
        if known is None and item.url != self.home_url and not self.traps.admit(item.url):
            return False
        if known is not None:
            if item.priority > known.priority or item.depth < known.depth:
                known.priority = max(known.priority, item.priority)
                known.depth = min(known.depth, item.depth)
                known.kind = known.kind or item.kind
                if item.url not in self._done:
                    heapq.heappush(self._heap, (-known.priority, next(self._seq), item.url))
                return True
            return False
        self._entries[item.url] = item
        heapq.heappush(self._heap, (-item.priority, next(self._seq), item.url))
        return True

    def _pop(self) -> FrontierItem | None:
        while self._heap:
            _, _, url = heapq.heappop(self._heap)
            if url in self._done:
                continue
            self._done.add(url)
            return self._entries[url]
        return None

    def _is_key(self, item: FrontierItem, is_home: bool) -> bool:
        """Home, and the first few pages of each mystery-shopper kind in visiting order (the
        best-placed links come first); later pages of a kind are measured as ordinary pages."""
        if is_home:
            return True
        if item.kind not in KEY_KINDS:
            return False
        seen = self._key_seen.get(item.kind, 0)
        if seen >= self.settings.key_pages_per_kind:
            return False
        self._key_seen[item.kind] = seen + 1
        return True

    def _candidate(self, url: str, text: str, region: str, depth: int) -> FrontierItem | None:
        if len(url) > MAX_URL_LENGTH or not self.scope(url) or NON_HTML.search(urlsplit(url).path):
            return None
        if not self.settings.allow_private and is_private_address(host_of(url)):
            return None  # an in-scope name pointing at an internal address is not followed
        if depth > self.settings.max_depth:
            return None
        priority, kind = link_priority(text, url, region, depth)
        if self.only_key and kind not in KEY_KINDS and kind != "news":  # freshness reads the news page
            return None
        return FrontierItem(url=url, depth=depth, priority=priority, kind=kind)

    # ---- browser --------------------------------------------------------------------
    async def _context(self, viewport: str) -> BrowserContext:
        ctx = self._contexts.get(viewport)
        if ctx is not None and self._context_pages.get(viewport, 0) >= RECYCLE_AFTER:
            await self._drop_context(viewport)
            ctx = None
        if ctx is None:
            try:
                ctx = await asyncio.wait_for(self._open_context(viewport), OPEN_TIMEOUT)
            except TimeoutError:
                raise BrowserDied(f"no browser context within {OPEN_TIMEOUT:g} s") from None
            ctx.on("page", self._close_popup)
            self._contexts[viewport] = ctx
            self._context_pages[viewport] = 0
            self._fresh.add(viewport)
        return ctx

    async def _open_context(self, viewport: str) -> BrowserContext:
        ctx = await self.pool.new_context(viewport, self.plan.init_scripts.get(viewport, []))
        if self.settings.block_external:
            await ctx.route("**/*", self._route_local_only)
        return ctx

    async def _new_tab(self, ctx: BrowserContext) -> Page:
        """Every call into a browser that may have just died is bounded: a dead pipe can leave
        a Playwright call waiting forever."""
        try:
            return await asyncio.wait_for(ctx.new_page(), OPEN_TIMEOUT)
        except TimeoutError:
            raise BrowserDied(f"no new page within {OPEN_TIMEOUT:g} s") from None

    async def _drop_context(self, viewport: str) -> None:
        self._tabs.pop(viewport, None)
        ctx = self._contexts.pop(viewport, None)
        if ctx is not None:
            try:
                await asyncio.wait_for(ctx.close(), CLOSE_TIMEOUT)
            except Exception:
                pass

    async def close(self) -> None:
        try:
            await self._drain()
        except Exception:  # reported where the crawl fails; closing must still close
            self.log.exception("storing a page failed")
        for vp in list(self._contexts):
            await self._drop_context(vp)

    async def _route_local_only(self, route: Any) -> None:
        host = host_of(route.request.url)
        scheme = urlsplit(route.request.url).scheme
        if scheme in ("data", "blob", "about") or is_private_address(host):
            await route.continue_()
        else:
            await route.abort("blockedbyclient")

    def _close_popup(self, page: Page) -> None:
        """Pop-ups (window.open, target=_blank clicks) are closed; our own pages have no opener."""
        async def close_if_popup() -> None:
            try:
                if await page.opener() is not None:
                    await page.close()
            except Exception:
                pass

        asyncio.ensure_future(self._quietly(close_if_popup()))

    @staticmethod
    async def _quietly(aw: Any) -> None:
        try:
            await asyncio.wait_for(aw, CLOSE_TIMEOUT)
        except Exception:
            pass

    # ---- one rendering --------------------------------------------------------------
    def _listen(self, tab: Tab) -> None:
        page = tab.page
        site_domains = {registrable_domain(host_of(self.home_url))} | set(self.scope.domains)

        def on_request(req: Request) -> None:
            if len(tab.network) >= 2000:
                return
            host = host_of(req.url)
            entry = {"url": req.url[:2000], "method": req.method, "resource_type": req.resource_type,
                     "status": None, "failed": None,
                     "third_party": bool(host) and not self.scope(req.url)
                     and registrable_domain(host) not in site_domains,
                     "navigation": req.is_navigation_request()}
            tab.requests[id(req)] = entry
            tab.network.append(entry)

        def on_response(resp: Response) -> None:
            entry = tab.requests.get(id(resp.request))
            if entry is not None:
                entry["status"] = resp.status

        def on_failed(req: Request) -> None:
            entry = tab.requests.get(id(req))
            if entry is not None:
                entry["failed"] = (req.failure or "failed")[:200]

        page.on("request", on_request)
        page.on("response", on_response)
        page.on("requestfailed", on_failed)
        def on_console(kind: str, text: str) -> None:
            if len(tab.console) < 200:
                tab.console.append({"type": kind, "text": text[:500]})

        page.on("console", lambda m: on_console(m.type, m.text))
        page.on("pageerror", lambda e: on_console("pageerror", str(e)))
        page.on("dialog", self._answer_dialog)
        page.on("crash", lambda _p: tab.crashed.append(True))

    def _answer_dialog(self, dialog: Dialog) -> None:
        """alert/confirm/prompt are dismissed; a beforeunload prompt is accepted, so the page
        that asks cannot keep its tab from the next page."""
        answer = dialog.accept() if dialog.type == "beforeunload" else dialog.dismiss()
        asyncio.ensure_future(self._quietly(answer))

    async def _tab(self, ctx: BrowserContext, viewport: str) -> Tab:
        """The viewport's tab, reused from page to page while it stays healthy."""
        tab = self._tabs.get(viewport)
        if tab is not None and self._alive(tab.page) and tab.page.context == ctx:
            tab.reset()
            return tab
        page = await self._new_tab(ctx)
        tab = Tab(page=page, navs=Navigations(page))
        self._listen(tab)
        self._tabs[viewport] = tab
        return tab

    async def _drop_tab(self, viewport: str) -> None:
        tab = self._tabs.pop(viewport, None)
        if tab is not None:
            await self._quietly(tab.page.close())

    async def _goto(self, page: Page, url: str) -> Response | None:
        """Load the page; on 429/503 with a Retry-After we can afford, wait it out and try once more.
        The politeness wait is outside the page timeout: waiting our turn is not the page's fault."""
        timeout = self.settings.page_timeout
        for attempt in range(2):
            await self.politeness.wait(url)
            resp = await asyncio.wait_for(page.goto(url, wait_until="load", timeout=timeout * 1000), timeout + 5)
            if resp is None or resp.status not in (429, 503) or attempt:
                return resp
            wait = retry_after((await asyncio.wait_for(resp.all_headers(), 5)).get("retry-after", ""))
            if wait is None or wait > self.settings.max_retry_after:
                return resp
            self.log.info("retry-after honoured", url=url, seconds=wait)
            self.politeness.push_back(url, wait)
        return None

    async def _examine(self, page: Page, status: int | None, navs: Navigations) -> tuple[str | None, bool]:
        """After the load: is this the site's page? (error, blocked) for a page that stopped
        responding, is too large, keeps redirecting itself, or is a bot challenge."""
        first = navs.count
        found = await health(page, settle=True)
        if found is None:
            return "the page stopped responding (a script never yields)", False
        if found.get("navigating") or navs.count > first:  # a client redirect: let it land, then look again
            landed = time.monotonic() + min(self.settings.page_timeout, 8.0)
            while time.monotonic() < landed and navs.count <= first + MAX_CLIENT_REDIRECTS:
                await asyncio.sleep(0.25)
                try:
                    await page.wait_for_load_state("load", timeout=1000)
                except Exception:
                    continue
                seen = navs.count
                await asyncio.sleep(0.5)
                if navs.count == seen:
                    break
            if navs.count > first + MAX_CLIENT_REDIRECTS:
                return f"client-side redirect loop ({navs.count} navigations by meta refresh or script)", False
            found = await health(page)
            if found is None:
                return "the page stopped responding (a script never yields)", False
        if int(found.get("bytes") or 0) > MAX_HTML_BYTES:
            return f"page too large ({int(found['bytes']) / 1e6:.0f} MB of HTML)", False
        if status in (200, 403, 429, 503) or (status or 0) >= 400:
            html = ""
            if status != 200:
                try:
                    html = await asyncio.wait_for(page.evaluate(
                        "() => (document.documentElement.outerHTML || '').slice(0, 30000)"), 5)
                except Exception:
                    html = ""
            if challenge_in(status, str(found.get("title") or ""), str(found.get("text") or ""), html):
                return f"blocked: bot challenge or firewall page (HTTP {status})", True
        return None, False

    async def _render(self, item: FrontierItem, viewport: str, is_home: bool, key_page: bool) -> Rendered:
        url = item.url
        kind = "home" if is_home else item.kind
        ctx = await self._context(viewport)
        first_in_context = viewport in self._fresh
        self._fresh.discard(viewport)
        self._context_pages[viewport] = self._context_pages.get(viewport, 0) + 1
        tab = await self._tab(ctx, viewport)
        started = time.monotonic()
        error: str | None = None
        blocked = False
        hung = False
        resp: Response | None = None
        headers: dict[str, str] = {}
        status: int | None = None
        try:
            try:
                resp = await self._goto(tab.page, url)
            except PlaywrightError as exc:
                if not tab.reused or isinstance(exc, PlaywrightTimeout) or not self.pool.alive():
                    raise
                # The page before it in this tab cut the load short (a late script navigation,
                # ERR_ABORTED): the page's own verdict comes from a fresh tab.
                self.log.info("load interrupted in a reused tab; once more in a new one", url=url,
                              error=describe_error(exc, self.settings.page_timeout))
                await self._drop_tab(viewport)
                tab = await self._tab(ctx, viewport)
                started = time.monotonic()
                resp = await self._goto(tab.page, url)
        except (TimeoutError, PlaywrightError, PlaywrightTimeout) as exc:
            if not self.pool.alive():
                raise BrowserDied("the browser died while the page loaded") from exc
            error = describe_error(exc, self.settings.page_timeout)
            hung = error.startswith("timed out")
        page, navs, crashed = tab.page, tab.navs, tab.crashed
        load_ms = (time.monotonic() - started) * 1000
        if resp is not None:
            status = resp.status
            try:
                headers = await asyncio.wait_for(resp.all_headers(), 5)
            except Exception:
                headers = dict(resp.headers)
        elif error is None:
            error = "no response"
        if crashed:
            error = "the page crashed the renderer"
        if error is None:
            ctype = headers.get("content-type", "text/html")
            if "html" not in ctype and "xml" not in ctype:
                error = f"not an HTML page ({ctype.split(';')[0]})"
        if error is None or (status is not None and status >= 400 and not crashed):
            try:
                found, blocked = await asyncio.wait_for(self._examine(page, status, navs),
                                                        self.settings.page_timeout + 15)
            except TimeoutError:
                found, blocked = "the page stopped responding (a script never yields)", False
            if found is not None and (blocked or error is None):
                error = found
                hung = found.startswith("the page stopped")
        if error is None and is_home and status in (403, 429):
            error, blocked = f"blocked: the site refused the crawler (HTTP {status})", True
        if error is None and status is not None and status >= 400:
            error = f"HTTP {status}"
        final_url = canonicalize(page.url) if page.url.startswith("http") else url
        if error is None and not self.scope(final_url):
            if is_home and viewport == "desktop":
                self.scope.domains.add(registrable_domain(host_of(final_url)))
                self.log.info("start page moved; following it", to=final_url)
            else:
                error = f"redirected off-site to {final_url[:200]}"

        artifacts: dict[str, Any] = {
            "url": url, "final_url": final_url, "status": status, "headers": headers, "depth": item.depth,
            "kind": kind, "is_home": is_home, "viewport": viewport, "org": self._org_artifact(),
            "crawl_time": self.crawl_time,
        }
        errors: dict[str, str] = {}
        files: list[dict[str, Any]] = []  # this rendering's own (two renderings may be in flight)
        if error is None:
            pctx = PageContext(page=page, response=resp, url=url, final_url=final_url, viewport=viewport, kind=kind,
                               site=self._site_context(files=files), network=tab.network, console=tab.console)
            if first_in_context:
                try:
                    await asyncio.wait_for(self._first_visit(page, pctx, viewport, is_home), self.settings.page_timeout)
                except TimeoutError:
                    errors["first_visit"] = describe_error(TimeoutError(), self.settings.page_timeout)
            error, hung = await self._gather(page, pctx, viewport, artifacts, errors, crashed, key_page)
            if error is None and is_home and viewport == "desktop" and first_in_context \
                    and "_first_visit" in pctx.gathered:
                consent = pctx.gathered["_first_visit"]["consent"]
                if consent.get("banner_found"):
                    consent["dismissed_with"] = await self._refuse(page, consent)
        title = (artifacts.get("document") or {}).get("title") if isinstance(artifacts.get("document"), dict) else None
        if error is not None or errors:  # a tab a page troubled (or left resized, mid-dialog) is not reused
            await self._drop_tab(viewport)
        await self._close_strays(ctx)
        if crashed or hung:  # a renderer that crashed or spins is not reused
            await self._drop_context(viewport)

        verdicts = Verdicts(self.plan.probes_for(viewport, key_page), artifacts, final_url or url, errors, error,
                            is_home)
        kept = {k: v for k, v in artifacts.items() if k in CORE_FIELDS or k in self.plan.persist}
        kept["errors"] = errors
        kept["error"] = error
        record = PageRecord(org_id=self.org["id"], url=url, final_url=final_url, status_code=status,
                            viewport=viewport, depth=item.depth, kind=kind, title=(title or None),
                            load_ms=round(load_ms, 1), error=error)
        links = artifacts.get("links") if isinstance(artifacts.get("links"), list) else []
        return Rendered(record, [], kept, files, links or [], blocked, verdicts)

    async def _gather(self, page: Page, pctx: PageContext, viewport: str, artifacts: dict[str, Any],
                      errors: dict[str, str], crashed: list[bool], key_page: bool) -> tuple[str | None, bool]:
        """Run the page gatherers within the page's budget; stop at a crash or a hung renderer.
        Returns (page error, hung)."""
        budget_end = time.monotonic() + self.settings.page_timeout * GATHER_BUDGET
        wanted = [g for g in self.plan.page_gatherers.get(viewport, [])
                  if key_page or g.name not in self.plan.key_only.get(viewport, ())]
        batch = [g for g in wanted if isinstance(g, JsGatherer) and g.order < MUTATING_ORDER]
        batch = batch if len(batch) > 1 else []  # a batch of one is just its gatherer
        for g in wanted:
            if g in batch and g is not batch[0]:
                continue  # gathered with the batch
            left = min(self.settings.page_timeout, budget_end - time.monotonic())
            names = [b.name for b in batch] if g in batch else [g.name]
            if left <= 0:
                errors.update({n: "not gathered: the page used up its time" for n in names})
                continue
            try:
                if g in batch:
                    await asyncio.wait_for(self._gather_batch(pctx, batch, artifacts, errors), left)
                else:
                    artifacts[g.name] = await asyncio.wait_for(g.gather(pctx), left)
                    pctx.gathered[g.name] = artifacts[g.name]
            except Exception as exc:
                errors.update({n: describe_error(exc, left) for n in names})
                self.log.warning("gatherer failed", gatherer=",".join(names), url=pctx.url, error=errors[names[0]])
                if crashed:
                    return "the page crashed the renderer", True
                if not self.pool.alive() or not self._alive(page):  # closed, and not by us
                    raise BrowserDied("the browser died while the page was measured") from exc
                if isinstance(exc, TimeoutError | PlaywrightTimeout) and await health(page) is None:
                    return "the page stopped responding (a script never yields)", True
        return None, False

    async def _gather_batch(self, pctx: PageContext, batch: list[JsGatherer], artifacts: dict[str, Any],
                            errors: dict[str, str]) -> None:
        """The read-only DOM gatherers in one round trip; each one's failure stays its own."""
        raw = await pctx.page.evaluate(batch_script(tuple(batch)))
        for g in batch:
            got = raw.get(g.name) if isinstance(raw, dict) else None
            if not isinstance(got, dict) or "ok" not in got:
                why = got.get("error") if isinstance(got, dict) else None
                errors[g.name] = str(why or "no result")[:300]
                self.log.warning("gatherer failed", gatherer=g.name, url=pctx.url, error=errors[g.name])
                continue
            try:
                artifacts[g.name] = pctx.gathered[g.name] = g.post(pctx, got["ok"])
            except Exception as exc:
                errors[g.name] = describe_error(exc, self.settings.page_timeout)
                self.log.warning("gatherer failed", gatherer=g.name, url=pctx.url, error=errors[g.name])

    async def _close_strays(self, ctx: BrowserContext) -> None:
        """Pop-ups opened without an opener (noopener) escape the pop-up handler; none outlive a page."""
        ours = {id(t.page) for t in self._tabs.values()}
        try:
            strays = [p for p in ctx.pages if id(p) not in ours]
        except Exception:
            return
        for stray in strays:
            await self._quietly(stray.close())

    @staticmethod
    def _alive(page: Page) -> bool:
        try:
            return not page.is_closed()
        except Exception:
            return False

    async def _first_visit(self, page: Page, pctx: PageContext, viewport: str, is_home: bool) -> None:
        """Record what a first-time visitor's browser holds, then refuse optional cookies."""
        banner = await inspect_banner(page)
        if is_home and viewport == "desktop":
            try:
                cookies = await page.context.cookies()
                storage = await page.evaluate(
                    "() => { const d = s => { const o = {}; try { for (let i = 0; i < s.length; i++) "
                    "o[s.key(i)] = (s.getItem(s.key(i)) || '').length; } catch (e) {} return o; };"
                    " return {local: d(localStorage), session: d(sessionStorage)}; }")
            except Exception:
                cookies, storage = [], {}
            pctx.gathered["_first_visit"] = {
                "cookies": [{k: c.get(k) for k in ("name", "domain", "path", "expires", "httpOnly", "secure",
                                                     "sameSite")} for c in cookies],
                "storage": storage,
                "network": [dict(e) for e in pctx.network],
                "consent": banner,
            }
            return  # the home page is measured with its banner; refused after gathering
        if banner.get("banner_found"):
            await self._refuse(page, banner)

    async def _refuse(self, page: Page, banner: dict[str, Any]) -> str | None:
        try:
            return await asyncio.wait_for(refuse_optional(page, banner), 10)
        except Exception:
            return None

    def _org_artifact(self) -> dict[str, Any]:
        return {"id": self.org["id"], "name": self.org["name"], "type": self.org.get("type", "other"),
                "url": self.home_url, "domains": sorted(self.scope.domains)}

    def _save_file(self, data: bytes, kind: str, ext: str, into: list[dict[str, Any]] | None) -> dict[str, Any]:
        if self.files is None:
            return {"kind": kind, "sha256": None, "path": None, "bytes": len(data)}
        ref = self.files.save(data, kind, ext)
        if into is not None:
            into.append(ref)
        return ref

    def _site_context(self, pages: list[dict[str, Any]] | None = None,
                      files: list[dict[str, Any]] | None = None) -> SiteContext:
        def save_file(data: bytes, kind: str, ext: str) -> dict[str, Any]:
            return self._save_file(data, kind, ext, files)

        return SiteContext(org=self._org_artifact(), home_url=self.home_url, settings=self.settings, http=self.http,
                           in_scope=self.scope, new_page=self._new_page, polite=self.politeness.wait,
                           save_file=save_file,
                           robots=self.robots.as_artifact(self.settings.bot_token) if self.robots.url else {},
                           sitemaps=self.sitemaps.as_artifact(), pages=pages or [])

    async def _new_page(self, viewport: str) -> Page:
        ctx = await self._context(viewport)
        page = await self._new_tab(ctx)
        page.on("dialog", self._answer_dialog)
        return page

    # ---- the site -------------------------------------------------------------------
    async def _discover(self) -> None:
        if self.single_page:
            return
        self.robots = await fetch_robots(self.http, self.home_url, self.settings.page_timeout)
        delay = self.robots.crawl_delay(self.settings.bot_token)
        if delay:
            self.politeness.set_delay(host_of(self.home_url), min(delay, 30.0))
        if self.only_key:
            return
        starts = self.robots.sitemaps() or [self.home_url.rstrip("/") + "/sitemap.xml"]
        if self.home_url.rstrip("/") + "/sitemap.xml" not in starts:
            starts.append(self.home_url.rstrip("/") + "/sitemap.xml")
        starts = [u for u in starts if self.robots.allowed(u, self.settings.bot_token)]
        if not starts:
            return
        self.sitemaps = await fetch_sitemaps(self.http, starts, self.scope, self.settings.page_timeout * 3)
        self.sitemaps.looked = True

    def _seed(self) -> None:
        known = self.recorder.frontier() if self.resume else []
        for url, depth, priority, kind, state in known:
            item = FrontierItem(url=url, depth=depth, priority=priority, kind=kind)
            self._entries[url] = item
            self.traps.note(url)
            if state == "queued":
                heapq.heappush(self._heap, (-priority, next(self._seq), url))
            else:
                self._done.add(url)
                if state == "done":
                    self.pages_done += 1
                    if kind in KEY_KINDS:  # the first visits of a kind were its key pages
                        self._key_seen[kind] = min(self._key_seen.get(kind, 0) + 1, self.settings.key_pages_per_kind)
        if known:
            return
        seeds = [FrontierItem(url=self.home_url, depth=0, priority=1000.0, kind="home", source="start")]
        for loc in self.sitemaps.urls[: self.settings.max_pages * 5]:
            cand = self._candidate(canonicalize(loc), "", "body", min(2, self.settings.max_depth))
            if cand is not None and cand.url != self.home_url:
                cand.priority += SITEMAP_PRIORITY
                cand.source = "sitemap"
                seeds.append(cand)
        seeds = [s for s in seeds if self._push(s)]
        self.recorder.add_frontier(seeds)

    async def run(self) -> SiteOutcome:
        # Pages are judged in a thread (`_store`); the event loop must still answer the browser
        # promptly: hand the interpreter lock over every 1 ms instead of every 5.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        deadline = time.monotonic() + self.settings.site_time_limit
        self.recorder.set_status("running")
        try:
            await asyncio.wait_for(self._discover(), self.settings.page_timeout * 5 + 10)
        except Exception as exc:
            self.log.warning("discovery failed", error=str(exc)[:200])
        self._seed()
        home_error: str | None = None
        home_blocked = False
        capped = None
        if not self.robots.allowed(self.home_url, self.settings.bot_token):
            home_error = self.robots.error or "robots.txt disallows crawling the start page"
            home_blocked = True
            if not self.single_page and self.pages_done == 0:  # recorded, never rendered: error evidence
                home = FrontierItem(url=self.home_url, depth=0, priority=1000.0, kind="home")
                why = home_error if home_error.startswith("blocked") else f"blocked: {home_error}"
                self.recorder.save_page([self._failed(home, True, why).bundle()], self.home_url, [])
        while home_error is None:
            if self.pages_done >= self.settings.max_pages:
                capped = f"page cap of {self.settings.max_pages} reached"
                break
            if time.monotonic() > deadline:
                capped = f"time limit of {self.settings.site_time_limit:g} s reached"
                break
            item = self._pop()
            if item is None:
                break
            if not self.robots.allowed(item.url, self.settings.bot_token):
                await self._drain()  # its frontier row may still be on its way to the store
                self.recorder.mark(item.url, "skipped")
                continue
            is_home = item.url == self.home_url
            rendered = await self._visit(item, is_home)
            if is_home and not rendered.ok:
                home_error, home_blocked = rendered.record.error, rendered.blocked
        await self._drain()
        self.log.info("pages crawled", pages=self.pages_done, capped=capped)
        await self.close()
        return await self._finish(home_error, home_blocked)

    async def _render_safely(self, item: FrontierItem, viewport: str, is_home: bool, key_page: bool) -> Rendered:
        """Render; when the browser (or this site's context) died under us, start afresh and
        try the page once more: a browser another page killed says nothing about this one."""
        async with self._rendering.setdefault(viewport, asyncio.Lock()):
            return await self._render_retrying(item, viewport, is_home, key_page)

    async def _render_retrying(self, item: FrontierItem, viewport: str, is_home: bool, key_page: bool) -> Rendered:
        for attempt in range(2):
            try:
                return await self._render(item, viewport, is_home, key_page)
            except Exception as exc:
                why = describe_error(exc, self.settings.page_timeout)
                self.log.warning("browser failure; recovering", url=item.url, error=why, attempt=attempt)
                await self._drop_context(viewport)  # the other viewport's rendering may be in flight
        if not why.startswith("browser failure"):
            why = f"browser failure: {why}"
        self.log.warning("page failed twice with the browser; recorded as failed", url=item.url, error=why)
        return self._failed(item, is_home, why, viewport, key_page)

    async def _visit(self, item: FrontierItem, is_home: bool) -> Rendered:
        key_page = self._is_key(item, is_home)
        desktop = await self._render_safely(item, "desktop", is_home, key_page)
        mobile: asyncio.Future[Rendered] | None = None
        if (desktop.ok and self.plan.needs_mobile and self.settings.mobile != "none"
                and (self.settings.mobile == "all" or key_page)):
            # The mobile rendering proceeds (in its own context) while the next page loads on desktop.
            mobile = asyncio.ensure_future(self._render_safely(item, "mobile", is_home, key_page))
        new_links: list[FrontierItem] = []
        if desktop.ok and item.depth < self.settings.max_depth and not self.single_page:
            for link in desktop.links:
                if link.get("scheme") not in ("http", "https"):
                    continue
                cand = self._candidate(link["url"], f"{link.get('text', '')} {link.get('label', '')}".strip(),
                                       link.get("region", "body"), item.depth + 1)
                if cand is not None and self._push(cand):
                    new_links.append(cand)
        await self._store(desktop, mobile, item.url, new_links)
        self.pages_done += 1
        return desktop

    async def _store(self, desktop: Rendered, mobile: asyncio.Future[Rendered] | None, url: str,
                     new_links: list[FrontierItem]) -> None:
        """Judge and store a page in a worker thread while the browser loads the next ones (the
        probes are Python work, the rendering is Chromium's). Pages are stored in order, one at
        a time; up to MAX_IN_FLIGHT wait, so that a key page's slower mobile rendering does not
        hold up the desktop pages after it."""
        while len(self._pending) >= MAX_IN_FLIGHT:
            await self._pending.popleft()
        before = self._pending[-1] if self._pending else None

        async def finish() -> None:
            renders = [desktop] + ([await mobile] if mobile is not None else [])
            if before is not None:
                await before  # in order; its failure is this one's too

            def judge_and_save() -> None:
                for rendered in renders:
                    rendered.judge()
                self.recorder.save_page([r.bundle() for r in renders], url, new_links)
                self._digest(renders)

            await asyncio.to_thread(judge_and_save)

        self._pending.append(asyncio.ensure_future(finish()))

    def _site_facts(self) -> dict[str, Any]:
        """What every site probe gets besides pages, and all a page's digest may know of the site."""
        return {"org": self._org_artifact(), "home_url": self.home_url, "crawl_time": self.crawl_time}

    def _digest(self, renders: list[Rendered]) -> None:
        """Site probes' work on these pages now, not at the end of the site (a digest that
        fails is left for the probe's run, which records the failure)."""
        site = self._site_facts()
        for probe in self.plan.site_probes:
            if not probe.digests():
                continue
            for r in renders:
                if r.kept is None:
                    continue
                view = site_view(probe, r.kept)
                try:
                    self._digests[probe.id, r.record.url, r.record.viewport] = (site, probe.digest(view, site))
                except Exception:  # noqa: BLE001 - the probe's run meets it again and records it
                    continue

    async def _drain(self) -> None:
        """Wait for the pages in flight to be stored (a failure surfaces here)."""
        while self._pending:
            pending = self._pending.popleft()
            try:
                await pending
            except BaseException:
                for later in self._pending:  # they fail with it; nobody else will look
                    later.cancel()
                self._pending.clear()
                raise

    def _failed(self, item: FrontierItem, is_home: bool, error: str, viewport: str = "desktop",
                key_page: bool = True) -> Rendered:
        kind = "home" if is_home else item.kind
        evidence: list[dict[str, Any]] = []
        for probe in self.plan.probes_for(viewport, key_page):
            evidence.extend(run_probe_safely(probe, {}, item.url, {}, error, is_home))
        record = PageRecord(org_id=self.org["id"], url=item.url, final_url=None, status_code=None, viewport=viewport,
                            depth=item.depth, kind=kind, title=None, load_ms=None, error=error)
        kept = {"url": item.url, "final_url": None, "status": None, "headers": {}, "depth": item.depth, "kind": kind,
                "is_home": is_home, "viewport": viewport, "org": self._org_artifact(), "errors": {}, "error": error}
        return Rendered(record, evidence, kept, [])

    async def _finish(self, home_error: str | None, home_blocked: bool) -> SiteOutcome:
        """Site gatherers and site probes, on the stored pages; then the site's status."""
        stored = self.recorder.site_pages()
        pages = []
        for rec, kept in stored:
            mapping = dict(kept or {})
            mapping.setdefault("url", rec.url)
            mapping.setdefault("final_url", rec.final_url)
            mapping.setdefault("status", rec.status_code)
            mapping.setdefault("depth", rec.depth)
            mapping.setdefault("kind", rec.kind)
            mapping.setdefault("viewport", rec.viewport)
            mapping.setdefault("is_home", rec.kind == "home")
            mapping.setdefault("error", rec.error)
            pages.append(mapping)
        site_artifacts: dict[str, Any] = {}
        errors: dict[str, str] = {}
        if home_error is None and self.plan.site_gatherers:
            sctx = self._site_context(pages)
            for g in self.plan.site_gatherers:
                try:
                    site_artifacts[g.name] = await asyncio.wait_for(
                        g.gather_site(sctx), max(self.settings.page_timeout * 4, SITE_GATHER_TIMEOUT))
                except Exception as exc:
                    errors[g.name] = describe_error(exc, self.settings.page_timeout)
                    self.log.warning("site gatherer failed", gatherer=g.name, error=errors[g.name])
            await self.close()
        evidence: list[dict[str, Any]] = []
        base = self._site_facts()
        for probe in self.plan.site_probes:
            view_pages = [site_view(probe, p) for p in pages]
            for view in view_pages if probe.digests() else ():
                made = self._digests.get((probe.id, str(view.get("url")), str(view.get("viewport"))))
                if made is not None and made[0] == base:
                    view[DIGEST] = made[1]
            artifacts = {**base, "pages": view_pages, **site_artifacts}
            evidence.extend(run_probe_safely(probe, artifacts, self.home_url, errors, home_error, site_level=True))
        status = "done" if home_error is None else ("blocked" if home_blocked else "failed")
        self.recorder.save_site(evidence, status, home_error)
        return SiteOutcome(status=status, error=home_error, pages=self.pages_done)
