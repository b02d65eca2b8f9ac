"""The evidence criteria probes declare: what a map may read.

A map is checked against the probe registry, not against a list kept here, so a new probe
(or a third-party plugin) makes its criteria usable by a map without touching this package.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from fnmatch import fnmatchcase

Catalog = Mapping[str, tuple[str, ...]]  # probe id → declared criterion ids ("axe.*" = a family)


def registry_catalog() -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Declared criteria per probe, and the probes that failed to load (so an error about an
    unknown criterion can say why a probe's criteria are missing)."""
    from probes import registry

    try:
        return {pid: tuple(cls.criteria) for pid, cls in registry.all_probes().items()}, []
    except Exception:  # one broken built-in must not hide the others' criteria
        pass
    found: dict[str, tuple[str, ...]] = {}
    broken: list[str] = []
    for spec in registry.BUILTIN.values():
        module, _, name = spec.partition(":")
        try:
            cls = getattr(importlib.import_module(module), name)
            found[cls.id] = tuple(cls.criteria)
        except Exception as exc:
            broken.append(f"{spec} ({type(exc).__name__}: {exc})")
    return found, broken


def _declared_matches(declared: str, selector: str) -> bool:
    """Does a probe's declared criterion (maybe a "family.*") admit a map's selector (maybe a glob)?"""
    sel_glob = any(ch in selector for ch in "*?[")
    if declared.endswith("*"):
        prefix = declared[:-1]
        if not sel_glob:
            return selector.startswith(prefix) and len(selector) > len(prefix)
        head = selector.split("*")[0].split("?")[0].split("[")[0]
        return head.startswith(prefix) or prefix.startswith(head)
    return fnmatchcase(declared, selector) if sel_glob else declared == selector


def probes_for(selector: str, catalog: Catalog, probe: str | None = None) -> list[str]:
    """The probes whose declared criteria admit `selector` (restricted to `probe` if given)."""
    return [pid for pid, crits in catalog.items()
            if (probe is None or pid == probe) and any(_declared_matches(d, selector) for d in crits)]
