"""A suite of faulty sites, served by LocalSite on loopback: everything the web throws at a crawler.

`hostile_routes()` is one municipality whose home page links to every kind of fault (each
under its own path, listed in FAULTS with the error the crawler must record), plus a few
ordinary pages that must still be crawled around them. The small builders below serve the
site-wide faults (robots.txt, a bot challenge on the home page, an IDN host).
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
import zlib
from collections.abc import Iterator, Mapping
from typing import Any

from crawler.gatherers.base import Gatherer, PageContext
from maturity.localsite import Handler, LocalSite, Reply, Request, ResetConnection
from probes.base import Evidence, Outcome, Probe
from tests.sites import page

LATIN1_TEXT = "Välkommen till Sjöbo: öppettider för Äldreomsorgen"
BIG_PAGE_BYTES = 50 * 1024 * 1024
LONG_PATH = "/lang/" + "a" * 3000 + "/"

CHALLENGE_HTML = """<!doctype html><html><head><title>Just a moment...</title></head><body>
<h1>Checking your browser before accessing the site.</h1>
<p>This process is automatic. Your browser will redirect to your requested content shortly.</p>
<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script></body></html>"""

# path -> what the crawler must record for it (a substring of the page's error), or None when
# the page must be crawled without error. Paths the browser must never request are in NEVER.
FAULTS: dict[str, str | None] = {
    "/loop-a/": "ERR_TOO_MANY_REDIRECTS",
    "/bort/": "redirected off-site",
    "/stor/": "too large",
    "/hanger/": "timed out",
    "/droppande/": "timed out",
    "/trottlad/": None,  # 429 + Retry-After: 1, then 200
    "/alltid-429/": "HTTP 429",
    "/fel-500/": "HTTP 500",
    "/fel-503/": "HTTP 503",
    "/aterstall/": "network error",
    "/trasig-html/": None,
    "/efter-trasig/": None,  # linked only from the broken page
    "/dokument?id=7": "not an HTML page",  # a PDF without a .pdf extension
    "/ladda-ner/": "not an HTML page",  # Content-Disposition: attachment
    "/dialoger/": None,
    "/efter-dialog/": None,  # linked only from the page with dialogs
    "/popup/": None,
    "/evig-loop/": "timed out",
    "/evig-loop-sen/": "stopped responding",
    "/meta-a/": "redirect loop",
    "/meta-en/": None,  # one meta refresh, to /e-tjanster/: followed
    "/waf/": "blocked",
    "/latin1/": None,
    "/latin1-meta/": None,
    "/s%C3%B6k/": None,  # /sök/, linked with raw Swedish letters
    "/omdirigera-fil/": "ERR_UNSAFE_REDIRECT",
    "/krasch/": "crashed",  # crashed by a test gatherer (CDP Page.crash)
}
NEVER = ("/rapport.pdf", "/arkiv.zip", "/hemlig/", LONG_PATH, "/kalender/2031/", "/a/b/a/b/a/b/")


def _latin1(title: str, meta: bool = False) -> Reply:
    head = '<meta charset="iso-8859-1">' if meta else ""
    body = (f'<!doctype html><html lang="sv"><head>{head}<title>{title}</title></head><body><main><h1>{title}</h1>'
            f'<p>Åsa och Östen äter ärtsoppa.</p><a href="/kontakt/">Kontakt</a></main></body></html>')
    ctype = "text/html" if meta else "text/html; charset=iso-8859-1"
    return Reply(body=body.encode("iso-8859-1"), content_type=ctype)


def _big(_req: Request) -> Reply:
    chunk = (b"<p>" + b"Lorem ipsum dolor sit amet " * 37 + b"</p>\n")  # ~1 kB
    head = b'<!doctype html><html lang="sv"><head><title>Stor sida</title></head><body><main><h1>Stor sida</h1>'

    def body() -> Iterator[bytes]:
        yield head
        sent = len(head)
        block = chunk * 64
        while sent < BIG_PAGE_BYTES:
            yield block
            sent += len(block)
        yield b"</main></body></html>"

    return Reply(body=body())


def _drip(_req: Request) -> Reply:
    def body() -> Iterator[bytes]:
        yield b"<!doctype html><html><head><title>Droppande</title></head><body><p>"
        for _ in range(600):
            yield b"x"

    return Reply(body=body(), chunk_delay=1.0)


def _never(_req: Request) -> Reply:
    time.sleep(120)  # an image that never arrives: the load event never fires
    return Reply(body=b"", content_type="image/png")


class _Throttle:
    """429 with Retry-After on the first request, 200 afterwards; records when they came."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.lock = threading.Lock()

    def __call__(self, req: Request) -> Reply:
        with self.lock:
            self.times.append(time.monotonic())
            first = len(self.times) == 1
        if first:
            return Reply(status=429, body="<h1>Too many requests</h1>", headers={"Retry-After": "1"})
        return Reply(body=page("Efter väntan", "<p>Nu gick det bra.</p>"))


def _calendar(req: Request) -> Reply:
    """An endless calendar: every month links to the next and the previous one, forever."""
    parts = [p for p in req.path.split("/") if p]
    year, month = (int(parts[1]), int(parts[2])) if len(parts) == 3 else (2026, 1)
    nxt = (year + (month == 12), month % 12 + 1)
    prv = (year - (month == 1), (month - 2) % 12 + 1)
    q = int((req.query.get("sida") or ["1"])[0])
    body = (f'<a href="/kalender/{nxt[0]}/{nxt[1]}/">Nästa månad</a> <a href="/kalender/{prv[0]}/{prv[1]}/">'
            f'Föregående månad</a> <a href="/kalender/{year}/{month}/?sida={q + 1}">Fler händelser</a>'
            f'<a href="/kalender/{year}/{month}/a/b/a/b/a/b/">Djupare</a>'
            '<a href="/kalender/2031/1/">Om fem år</a>')
    return Reply(body=page(f"Kalender {year}-{month:02d}", body))


def _session(req: Request) -> Reply:
    token = f"{time.monotonic_ns():x}"
    links = (f'<a href="/session/?PHPSESSID={token}">Igen</a><a href="/session/;jsessionid={token}">Igen</a>'
             f'<a href="/session/?sid={token}&amp;utm_source=x">Igen</a>')
    return Reply(body=page("Session", links))


def _dispatch(req: Request) -> Reply:
    if req.path.startswith("/kalender/"):
        return _calendar(req)
    if req.path.startswith("/session/"):
        return _session(req)
    return Reply(status=404, body=page("Sidan finns inte", "<p>404</p>"))


HOME_LINKS = """
<nav><a href="/kontakt/">Kontakta oss</a> <a href="/e-tjanster/">E-tjänster</a></nav>
<ul>
<li><a href="/loop-a/">Omdirigeringsloop</a></li><li><a href="/bort/">Bort</a></li>
<li><a href="/session/">Session</a></li>
<li><a href="/stor/">Stor sida</a></li><li><a href="/hanger/">Hänger</a></li>
<li><a href="/droppande/">Droppande</a></li><li><a href="/trottlad/">Trottlad</a></li>
<li><a href="/alltid-429/">Alltid 429</a></li><li><a href="/fel-500/">Fel 500</a></li>
<li><a href="/fel-503/">Fel 503</a></li><li><a href="/aterstall/">Återställd</a></li>
<li><a href="/trasig-html/">Trasig html</a></li><li><a href="/rapport.pdf">Rapport (PDF)</a></li>
<li><a href="/arkiv.zip">Arkiv (ZIP)</a></li><li><a href="/dokument?id=7">Dokument</a></li>
<li><a href="/ladda-ner/">Ladda ner</a></li><li><a href="/dialoger/">Dialoger</a></li>
<li><a href="/popup/">Popup</a></li><li><a href="/evig-loop/">Evig loop</a></li>
<li><a href="/evig-loop-sen/">Evig loop efter load</a></li><li><a href="/meta-a/">Meta refresh</a></li>
<li><a href="/meta-en/">En meta refresh</a></li>
<li><a href="/waf/">Brandvägg</a></li><li><a href="/latin1/">Latin-1</a></li>
<li><a href="/latin1-meta/">Latin-1 meta</a></li><li><a href="/sök/">Sök</a></li>
<li><a href="/omdirigera-fil/">Omdirigera till fil</a></li><li><a href="/krasch/">Krasch</a></li>
<li><a href="LONG">Lång</a></li><li><a href="/kalender/2026/1/">Kalender</a></li>
<li><a href="javascript:alert(1)">js</a></li><li><a href="file:///etc/passwd">fil</a></li>
<li><a href="data:text/html,<h1>data</h1>">data</a></li><li><a href="chrome://settings/">chrome</a></li>
<li><a href="view-source:/kontakt/">källa</a></li><li><a href="about:blank">tom</a></li>
<li><a href="ftp://127.0.0.1/fil.txt">ftp</a></li>
</ul>""".replace("LONG", LONG_PATH)


def hostile_routes(offsite_url: str) -> tuple[dict[str, Handler | Reply | str], _Throttle]:
    throttle = _Throttle()
    routes: dict[str, Handler | Reply | str] = {
        "/": page("Fientliga kommunen", HOME_LINKS),
        "/robots.txt": Reply(body="User-agent: *\nDisallow: /hemlig/\n", content_type="text/plain"),
        "/kontakt/": page("Kontakta oss", "<p>Ring 08-123 45 00</p>"),
        "/e-tjanster/": page("E-tjänster", '<p>Ansök om bygglov.</p><a href="/hemlig/">Hemligt</a>'),
        "/loop-a/": Reply(status=302, headers={"Location": "/loop-b/"}),
        "/loop-b/": Reply(status=302, headers={"Location": "/loop-a/"}),
        "/bort/": Reply(status=302, headers={"Location": offsite_url}),
        "/stor/": _big,
        "/hanger/": page("Hänger", '<p>Bilden kommer aldrig.</p><img src="/evig.png" alt="">'),
        "/evig.png": _never,
        "/droppande/": _drip,
        "/trottlad/": throttle,
        "/alltid-429/": Reply(status=429, body="<h1>Slow down</h1>", headers={"Retry-After": "1"}),
        "/fel-500/": Reply(status=500, body="<h1>Internal Server Error</h1>"),
        "/fel-503/": Reply(status=503, body="<h1>Service Unavailable</h1>"),
        "/aterstall/": _reset,
        "/trasig-html/": Reply(body=(
            '<html><head><title>Trasig</title><body><div><p><table><tr><td><a href="/efter-trasig/">'
            "Nästa sida<td></div></span>\x00\x01<p <<>> &bogus; <b><i>överlappande</b></i><form><form>"
            "<script>var x = ;</script></html></html><p>efter slutet <!-- en kommentar som aldrig slutar")),
        "/efter-trasig/": page("Efter trasig", "<p>Hittad genom trasig HTML.</p>"),
        "/rapport.pdf": Reply(body=b"%PDF-1.4\n", content_type="application/pdf"),
        "/arkiv.zip": Reply(body=b"PK\x03\x04", content_type="application/zip"),
        "/dokument": Reply(body=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
                           content_type="application/pdf"),
        "/ladda-ner/": Reply(body=b"PK\x03\x04" + b"\x00" * 100, content_type="application/octet-stream",
                             headers={"Content-Disposition": 'attachment; filename="arkiv.zip"'}),
        "/dialoger/": page("Dialoger", '<a href="/efter-dialog/">Vidare</a>', head=(
            "<script>alert('Hej!'); confirm('Säker?'); prompt('Namn?');"
            "window.addEventListener('beforeunload', e => { e.preventDefault(); e.returnValue = 'Stanna!'; });"
            "</script>")),
        "/efter-dialog/": page("Efter dialog", "<p>Dialogerna stängdes.</p>"),
        "/popup/": page("Popup", "<p>Öppnar fönster.</p>", head=(
            "<script>window.open('/popup-mal/'); window.open('/popup-mal/?b=1', '_blank', 'noopener');"
            "setInterval(() => window.open('/popup-mal/?c=1'), 300);</script>")),
        "/popup-mal/": page("Popup-mål", "<p>Ett fönster.</p>"),
        "/evig-loop/": page("Evig loop", "<p>före</p><script>while (true) {}</script><p>efter</p>"),
        "/evig-loop-sen/": page("Evig loop sen", "<p>Hänger efter load</p>", head=(
            "<script>window.addEventListener('load', () => setTimeout(() => { while (true) {} }, 50));</script>")),
        "/meta-a/": page("Meta A", "", head='<meta http-equiv="refresh" content="0;url=/meta-b/">'),
        "/meta-b/": page("Meta B", "", head='<meta http-equiv="refresh" content="0;url=/meta-a/">'),
        "/meta-en/": page("Flyttad", "<p>Sidan har flyttat.</p>",
                          head='<meta http-equiv="refresh" content="0;url=/e-tjanster/">'),
        "/waf/": Reply(status=403, body=CHALLENGE_HTML),
        "/latin1/": _latin1(LATIN1_TEXT),
        "/latin1-meta/": _latin1(LATIN1_TEXT, meta=True),
        "/sök/": page("Sök", "<p>Sökresultat för ärende.</p>"),
        "/omdirigera-fil/": Reply(status=302, headers={"Location": "file:///etc/passwd"}),
        "/krasch/": page("Krasch", "<p>Den här sidan kraschar renderaren.</p>"),
        LONG_PATH: page("Lång", "<p>lång</p>"),
    }
    return routes, throttle


def _reset(_req: Request) -> Reply:
    raise ResetConnection


def hostile_site(host: str, offsite_url: str) -> tuple[LocalSite, _Throttle]:
    routes, throttle = hostile_routes(offsite_url)
    return LocalSite(routes=routes, host=host, not_found=_dispatch), throttle


def robots_site(host: str, robots: Reply) -> LocalSite:
    """A small site whose robots.txt is `robots`; its home page must never be rendered."""
    return LocalSite(routes={"/": page("Startsida", '<a href="/kontakt/">Kontakt</a>'),
                             "/kontakt/": page("Kontakt", "<p>hej</p>"), "/robots.txt": robots}, host=host)


def challenge_site(host: str) -> LocalSite:
    """A site behind a bot challenge: every page is the interstitial, with 503 (robots.txt is
    let through, as many firewalls do)."""
    return LocalSite(routes={"/robots.txt": Reply(status=404, body="")}, host=host,
                     not_found=lambda _r: Reply(status=503, body=CHALLENGE_HTML, headers={"Retry-After": "1"}))


def plain_site(host: str, title: str = "Vanliga kommunen") -> LocalSite:
    routes: dict[str, Any] = {
        "/": page(title, '<a href="/kontakt/">Kontakta oss</a><a href="/sök/">Sök</a>',
                  head='<meta name="description" content="En vanlig kommun med en vanlig webbplats.">'),
        "/kontakt/": page("Kontakta oss", "<p>Ring oss</p>"),
        "/sök/": page("Sök på webbplatsen", "<p>Sök</p>"),
    }
    return LocalSite(routes=routes, host=host)


def gzip_bomb(decompressed: int) -> bytes:
    """A gzip of a sitemap that opens normally and then runs on into `decompressed` bytes of blanks."""
    head = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc>http://127.0.0.1/x</loc></url>")
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = [c.compress(head)]
    block = b" " * (1024 * 1024)
    for _ in range(decompressed // len(block)):
        out.append(c.compress(block))
    out.append(c.compress(b"</urlset>"))
    out.append(c.flush())
    return b"".join(out)


# ---- test plug-ins: a gatherer that crashes the renderer, one that kills the browser ----------
class CrashGatherer(Gatherer):
    """Crashes the renderer of pages whose path contains /krasch/ (CDP Page.crash), the way
    an out-of-memory page or a renderer bug does; harmless elsewhere."""

    name = "test_crash"

    async def gather(self, ctx: PageContext) -> Any:
        if "/krasch/" in ctx.url:
            session = await ctx.page.context.new_cdp_session(ctx.page)
            await session.send("Page.crash")
        return True


def browser_pids() -> list[int]:
    """Chromium browser processes started by this test process (not their renderers)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [os.getpid()]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            todo.append(child)
            try:
                with open(f"/proc/{child}/cmdline", "rb") as fh:
                    cmd = fh.read().split(b"\0")
            except OSError:
                continue
            if any(b"remote-debugging-pipe" in c for c in cmd) and not any(c.startswith(b"--type=") for c in cmd):
                found.append(child)
    return found


class KillBrowserGatherer(Gatherer):
    """Kills the whole Chromium (SIGKILL) while a page whose path contains /doden/ is measured."""

    name = "test_kill_browser"

    async def gather(self, ctx: PageContext) -> Any:
        if "/doden/" in ctx.url:
            for pid in browser_pids():
                os.kill(pid, signal.SIGKILL)
            await asyncio.sleep(0.5)
            await ctx.page.title()  # the browser is gone: this raises
        return True


class SeesContent(Probe):
    """Passes whenever it is run: any `pass` from it means the page's content was measured."""

    id = "test-sees-content"
    version = "1"
    requires = ("document", "links", "test_crash")
    criteria = ("test.content-seen",)

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        return [Evidence("test.content-seen", Outcome.PASS, "the page's content was measured",
                         details={"title": (artifacts.get("document") or {}).get("title")})]
