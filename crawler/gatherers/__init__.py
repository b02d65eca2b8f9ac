"""Gatherer registry: artifact name → gatherer. Modules listed here are imported lazily.

Always present in every page's artifacts, without a gatherer: `url`, `final_url`,
`status`, `headers` (main response, lower-case names), `depth`, `kind` (mystery-shopper
category, "home" or None), `is_home`, `viewport`, `org` ({id, name, type, url, domains}).

Site probes get `pages` (a list of per-page mappings like the above, desktop and mobile),
`org`, `home_url`, and the site artifacts they require (e.g. `robots`, `sitemaps`).
"""

from __future__ import annotations

import importlib
from functools import cache

from crawler.gatherers.base import Gatherer, JsGatherer, PageContext, SiteContext

# Modules whose Gatherer subclasses are registered (each subclass with a `name`).
MODULES: tuple[str, ...] = (
    "crawler.gatherers.core",
    "crawler.gatherers.site_http", "crawler.gatherers.page_metrics", "crawler.gatherers.search",
    "crawler.gatherers.axe", "crawler.gatherers.keyboard", "crawler.gatherers.statement",
    "crawler.gatherers.mobile",
)

CORE_FIELDS = ("url", "final_url", "status", "headers", "depth", "kind", "is_home", "viewport", "org", "crawl_time",
               "pages", "home_url")


class UnknownArtifact(KeyError):
    def __str__(self) -> str:
        return f"no gatherer provides artifact {self.args[0]!r}"


@cache
def registry() -> dict[str, Gatherer]:
    found: dict[str, Gatherer] = {}
    for module in MODULES:
        mod = importlib.import_module(module)
        for obj in vars(mod).values():
            if (isinstance(obj, type) and issubclass(obj, Gatherer) and obj not in (Gatherer, JsGatherer)
                    and getattr(obj, "name", None) and obj.__module__ == mod.__name__):
                found[obj.name] = obj()
    return found


def gatherer_for(name: str) -> Gatherer:
    try:
        return registry()[name]
    except KeyError:
        raise UnknownArtifact(name) from None


__all__ = ["CORE_FIELDS", "Gatherer", "JsGatherer", "PageContext", "SiteContext", "gatherer_for", "registry"]
