"""Finding probes: the built-ins plus third-party ones from the `maturity.probes` entry points."""

from __future__ import annotations

import importlib
import os
from functools import cache
from importlib.metadata import entry_points

import structlog

from probes.base import Probe

log = structlog.get_logger(__name__)

# module:Class for each built-in; imported lazily so a broken plugin cannot stop the others.
BUILTIN: tuple[str, ...] = (
    "probes.page_basics:PageBasicsProbe",
    "probes.security:SecurityProbe", "probes.privacy:PrivacyProbe", "probes.findability:FindabilityProbe", "probes.performance:PerformanceProbe", "probes.links:LinksProbe",
    "probes.accessibility:AccessibilityProbe", "probes.accessibility_statement:AccessibilityStatementProbe", "probes.keyboard:KeyboardProbe",
    "probes.mobile_layout:MobileLayoutProbe",
    "probes.eid_login:EidLoginProbe", "probes.contact_channels:ContactChannelsProbe",
    "probes.languages:LanguagesProbe", "probes.freshness:FreshnessProbe", "probes.readability:ReadabilityProbe", "probes.social:SocialProbe", "probes.services:ServicesProbe",
)


class UnknownProbe(KeyError):
    """A probe id that no built-in or installed plugin provides."""

    def __str__(self) -> str:
        return f"unknown probe {self.args[0]!r}; `maturity probes` lists the available ones"


def _load(spec: str) -> type[Probe]:
    module, _, name = spec.partition(":")
    cls = getattr(importlib.import_module(module), name)
    if not (isinstance(cls, type) and issubclass(cls, Probe)):
        raise TypeError(f"{spec} is not a Probe subclass")
    return cls


@cache
def all_probes() -> dict[str, type[Probe]]:
    """Probe classes by id, built-ins first; a plugin that fails to load is logged and skipped."""
    found: dict[str, type[Probe]] = {}
    for spec in BUILTIN:
        cls = _load(spec)
        found[cls.id] = cls
    # Extra probes without packaging: MATURITY_EXTRA_PROBES="pkg.module:Class,other.module:Class".
    for spec in filter(None, (s.strip() for s in os.environ.get("MATURITY_EXTRA_PROBES", "").split(","))):
        try:
            cls = _load(spec)
        except Exception as exc:
            log.warning("probe plugin failed to load", spec=spec, error=str(exc))
            continue
        found.setdefault(cls.id, cls)
    for ep in entry_points(group="maturity.probes"):
        try:
            cls = ep.load()
        except Exception as exc:  # a third-party plugin must not break the tool
            log.warning("probe plugin failed to load", entry_point=ep.name, error=str(exc))
            continue
        if isinstance(cls, type) and issubclass(cls, Probe) and cls.id not in found:
            found[cls.id] = cls
    return found


def get_probe(probe_id: str) -> type[Probe]:
    try:
        return all_probes()[probe_id]
    except KeyError:
        raise UnknownProbe(probe_id) from None


def select(ids: list[str] | None) -> list[Probe]:
    """Instances of the named probes (all when `ids` is empty)."""
    if not ids:
        return [cls() for cls in all_probes().values()]
    return [get_probe(i)() for i in ids]
