"""Gatherer registry: artifact name → gatherer. Modules listed here are imported lazily, and
only the module providing an artifact is imported for it (`PROVIDERS`): a one-probe run
loads its own gatherers, not BeautifulSoup and the site-wide ones.

Always present in every page's artifacts, without a gatherer: `url`, `final_url`,
`status`, `headers` (main response, lower-case names), `depth`, `kind` (mystery-shopper
category, "home" or None), `is_home`, `viewport`, `org` ({id, name, type, url, domains}).

Site probes get `pages` (a list of per-page mappings like the above, desktop and mobile),
`org`, `home_url`, and the site artifacts they require (e.g. `robots`, `sitemaps`).
"""

from __future__ import annotations

import importlib

from crawler.gatherers.base import Gatherer, JsGatherer, PageContext, SiteContext

# Modules whose Gatherer subclasses are registered (each subclass with a `name`).
MODULES: tuple[str, ...] = (
    "crawler.gatherers.core",
    "crawler.gatherers.site_http", "crawler.gatherers.page_metrics", "crawler.gatherers.search",
    "crawler.gatherers.axe", "crawler.gatherers.keyboard", "crawler.gatherers.statement",
    "crawler.gatherers.mobile",
)

# Artifact name → the module providing it; tests/crawler/test_single_cold.py checks it
# against the full registry. A name missing here is still found, through the full registry.
PROVIDERS: dict[str, str] = {
    **dict.fromkeys(("html", "document", "text", "links", "network", "console", "cookies", "storage", "screenshot",
                     "first_visit", "robots", "sitemaps"), "crawler.gatherers.core"),
    **dict.fromkeys(("http_security", "not_found_page", "link_check"), "crawler.gatherers.site_http"),
    "performance": "crawler.gatherers.page_metrics",
    "search_test": "crawler.gatherers.search",
    "axe": "crawler.gatherers.axe",
    "keyboard": "crawler.gatherers.keyboard",
    "statement_page": "crawler.gatherers.statement",
    "mobile_layout": "crawler.gatherers.mobile",
}

CORE_FIELDS = ("url", "final_url", "status", "headers", "depth", "kind", "is_home", "viewport", "org", "crawl_time",
               "pages", "home_url")


class UnknownArtifact(KeyError):
    def __str__(self) -> str:
        return f"no gatherer provides artifact {self.args[0]!r}"


# Gatherers by artifact name, from the modules imported so far; `registry()` imports the rest.
_found: dict[str, Gatherer] = {}
_imported: set[str] = set()


def _import(module: str) -> None:
    if module in _imported:
        return
    mod = importlib.import_module(module)
    for obj in vars(mod).values():
        if (isinstance(obj, type) and issubclass(obj, Gatherer) and obj not in (Gatherer, JsGatherer)
                and getattr(obj, "name", None) and obj.__module__ == mod.__name__):
            _found.setdefault(obj.name, obj())
    _imported.add(module)


def registry() -> dict[str, Gatherer]:
    """Every gatherer by artifact name, all modules imported (tests add their own to it)."""
    for module in MODULES:
        _import(module)
    return _found


def gatherer_for(name: str) -> Gatherer:
    """The gatherer providing `name`, importing only its module when PROVIDERS names it."""
    if name not in _found and name in PROVIDERS:
        _import(PROVIDERS[name])
    if name not in _found:
        registry()
    try:
        return _found[name]
    except KeyError:
        raise UnknownArtifact(name) from None


__all__ = ["CORE_FIELDS", "Gatherer", "JsGatherer", "PageContext", "SiteContext", "gatherer_for", "registry"]
