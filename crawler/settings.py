"""Crawl settings in one place, with defaults a nightly crawl can live with."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from maturity import __version__

DESKTOP_VIEWPORT = {"width": 1366, "height": 900}
MOBILE_VIEWPORT = {"width": 375, "height": 812}
MOBILE_USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/150.0.0.0 Mobile Safari/537.36 maturity/{version} (+{contact})"
)
DESKTOP_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/150.0.0.0 Safari/537.36 maturity/{version} (+{contact})"
)


@dataclass
class CrawlSettings:
    max_pages: int = 200  # per site
    max_depth: int = 5
    site_time_limit: float = 15 * 60.0  # seconds per site
    page_timeout: float = 30.0  # seconds per page load
    delay: float = 1.0  # seconds between requests to one host
    concurrency: int = 4  # sites crawled at once
    mobile: str = "key"  # "key" (home + mystery-shopper pages), "all", or "none"
    # Pages of one mystery-shopper kind (contact, login, …) that get the key-page extras (mobile
    # rendering, keyboard walk, timings, screenshots): the best-placed few, as a person would check.
    key_pages_per_kind: int = 2
    allow_private: bool = False
    block_external: bool = False  # abort browser requests leaving the allowed hosts (tests, demo)
    contact_url: str = "https://github.com/maturity-project/maturity"
    max_retry_after: float = 120.0  # longest Retry-After we wait out
    max_html_bytes: int = 2_000_000  # rendered HTML kept for probes
    screenshots: bool = True
    browser: str | None = None
    ca_bundle: str | None = None  # extra trust for the security probe's certificate check (tests, intranets)
    probes: list[str] = field(default_factory=list)  # empty = all

    @property
    def user_agent(self) -> str:
        return DESKTOP_USER_AGENT.format(version=__version__, contact=self.contact_url)

    @property
    def mobile_user_agent(self) -> str:
        return MOBILE_USER_AGENT.format(version=__version__, contact=self.contact_url)

    @property
    def bot_token(self) -> str:
        """The name robots.txt rules are matched against."""
        return "maturity"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
