"""Finding probes: the built-ins plus third-party ones from the `maturity.probes` entry points."""

from __future__ import annotations

import importlib
import os
from functools import cache
from importlib.metadata import entry_points

import structlog

from probes.base import Probe

log = structlog.get_logger(__name__)

# Built-ins by id: module:Class, imported only when needed, so `maturity probe X` loads one probe.
BUILTIN: dict[str, str] = {
    "page-basics": "probes.page_basics:PageBasicsProbe",
    "accessibility": "probes.accessibility:AccessibilityProbe",
    "accessibility-statement": "probes.accessibility_statement:AccessibilityStatementProbe",
    "keyboard": "probes.keyboard:KeyboardProbe",
    "mobile-layout": "probes.mobile_layout:MobileLayoutProbe",
    "eid-login": "probes.eid_login:EidLoginProbe",
    "contact-channels": "probes.contact_channels:ContactChannelsProbe",
    "security": "probes.security:SecurityProbe",
    "privacy": "probes.privacy:PrivacyProbe",
    "findability": "probes.findability:FindabilityProbe",
    "performance": "probes.performance:PerformanceProbe",
    "links": "probes.links:LinksProbe",
    "languages": "probes.languages:LanguagesProbe",
    "freshness": "probes.freshness:FreshnessProbe",
    "readability": "probes.readability:ReadabilityProbe",
    "social": "probes.social:SocialProbe",
    "services": "probes.services:ServicesProbe",
}


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
    for probe_id, spec in BUILTIN.items():
        cls = _load(spec)
        if cls.id != probe_id:
            raise TypeError(f"{spec} has id {cls.id!r}, registered as {probe_id!r}")
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
    if probe_id in BUILTIN:
        return _load(BUILTIN[probe_id])
    try:
        return all_probes()[probe_id]
    except KeyError:
        raise UnknownProbe(probe_id) from None


def select(ids: list[str] | None) -> list[Probe]:
    """Instances of the named probes (all when `ids` is empty)."""
    if not ids:
        return [cls() for cls in all_probes().values()]
    return [get_probe(i)() for i in ids]
