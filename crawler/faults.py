"""What can go wrong with one page, recognised and named: the crawler's fault vocabulary.

Every fault becomes a short error string on the page record (see docs/faults.md). Only a page
that answered with its own HTTP error status (`HTTP 404`) is still shown to probes that judge
error pages; every other fault — a timeout, a crash, a bot challenge, a redirect loop — gives
`error` evidence, because nothing of the site's content was seen.
"""

from __future__ import annotations

import asyncio
import re
import time
from email.utils import parsedate_to_datetime
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Frame, Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

NON_HTML = re.compile(
    r"\.(pdf|zip|gz|tgz|rar|7z|tar|docx?|xlsx?|pptx?|od[tsp]|rtf|csv|jpe?g|png|gif|webp|svg|ico|bmp|tiff?|mp[34]|"
    r"m4a|avi|mov|wmv|webm|ogg|wav|exe|dmg|msi|apk|iso|ics|vcf|eps|ai|psd|woff2?|ttf|json|xml|rss|atom)$",
    re.I,
)
CHALLENGE = re.compile(
    r"checking your browser|just a moment\.\.\.|cf-browser-verification|challenge-platform|ddos protection by|"
    r"attention required!? \| cloudflare|please enable (javascript and )?cookies to continue|are you a robot|"
    r"verify you are (a )?human|request unsuccessful\. incapsula|access denied.{0,40}(akamai|reference #)|"
    r"_incapsula_resource|perimeterx|px-captcha|datadome|captcha-delivery|sucuri website firewall|"
    r"the requested url was rejected\. please consult with your administrator|"
    r"kontrollerar (din webbläsare|att anslutningen är säker)|verifiera[r]? att du är (en )?människa",
    re.I,
)
# On a page that answered 200, only what a visitor reads counts: protected sites embed the
# vendor's scripts (challenge-platform, datadome) in every ordinary page.
CHALLENGE_TEXT_LIMIT = 15_000
MAX_HTML_BYTES = 15 * 1024 * 1024  # a page whose HTML is larger is not measured
MAX_CLIENT_REDIRECTS = 5  # main-frame navigations after the first load: a meta-refresh loop
HEALTH_TIMEOUT = 3.0

HEALTH_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {bytes: nav ? (nav.decodedBodySize || nav.transferSize || 0) : 0,
          title: document.title || '', text: (document.body && document.body.innerText || '').slice(0, 20000)};
}"""


# An animation frame and a task turn first (bounded in the page), so what scripts scheduled
# right after load has run: one round trip where a settle and a look took two.
SETTLED_HEALTH_JS = f"""async () => {{
  await new Promise(r => {{ const t = setTimeout(r, 1500);
    requestAnimationFrame(() => setTimeout(() => {{ clearTimeout(t); r(); }}, 0)); }});
  return ({HEALTH_JS})();
}}"""


class BrowserDied(RuntimeError):
    """The browser process went away under a page (crashed, killed, out of memory)."""


def describe_error(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, BrowserDied):
        return f"browser failure: {exc}"
    if isinstance(exc, PlaywrightTimeout | asyncio.TimeoutError | TimeoutError):
        return f"timed out after {timeout:g} s"
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "Download is starting" in msg:
        return "not an HTML page (the browser started a download)"
    m = re.search(r"net::(ERR_[A-Z_]+)", msg)
    if m:
        return f"network error {m.group(1)}"
    if "crash" in msg.lower():
        return "the page crashed the renderer"
    if re.search(r"(Target|Browser|context).{0,40}(closed|disconnected)", msg, re.I):
        return f"browser failure: {msg[:200]}"
    return msg[:300]


def is_status_error(error: str | None) -> bool:
    """The page answered with its own HTTP error (404, 500): probes of error pages may judge it."""
    return bool(error) and re.fullmatch(r"HTTP \d{3}", error or "") is not None


def retry_after(value: str, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP-date."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def challenge_in(status: int | None, title: str, text: str, html: str) -> bool:
    """A bot challenge or firewall interstitial instead of the site's page."""
    if status is not None and status != 200:
        return bool(CHALLENGE.search(title + " " + html[:30000]))
    return bool(CHALLENGE.search(title)) or (len(text) < CHALLENGE_TEXT_LIMIT and bool(CHALLENGE.search(text)))


class Navigations:
    """Counts main-frame navigations, to tell a meta-refresh or script redirect loop apart."""

    def __init__(self, page: Page) -> None:
        self.count = 0
        self.page = page
        page.on("framenavigated", self._on)

    def _on(self, frame: Frame) -> None:
        if frame == self.page.main_frame:
            self.count += 1


async def health(page: Page, settle: bool = False) -> dict[str, Any] | None:
    """Size and text of the loaded page (after two animation frames when `settle`); None when
    its renderer no longer answers."""
    script, timeout = (SETTLED_HEALTH_JS, HEALTH_TIMEOUT + 1.5) if settle else (HEALTH_JS, HEALTH_TIMEOUT)
    for _ in range(3):
        try:
            found: dict[str, Any] = await asyncio.wait_for(page.evaluate(script), timeout)
            return found
        except (TimeoutError, PlaywrightTimeout):
            return None
        except PlaywrightError as exc:
            if "context was destroyed" not in str(exc) and "navigat" not in str(exc):
                raise
            await asyncio.sleep(0.2)  # navigating (a client redirect): look at the next document
    return {"bytes": 0, "title": "", "text": "", "navigating": True}
