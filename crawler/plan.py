"""What a crawl must gather, derived from the enabled probes (the Lighthouse way)."""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.gatherers import CORE_FIELDS, Gatherer, gatherer_for
from probes.base import Probe


@dataclass
class Plan:
    probes: list[Probe]
    page_probes: dict[str, list[Probe]] = field(default_factory=dict)  # by viewport
    site_probes: list[Probe] = field(default_factory=list)
    page_gatherers: dict[str, list[Gatherer]] = field(default_factory=dict)  # by viewport, in order
    site_gatherers: list[Gatherer] = field(default_factory=list)
    persist: set[str] = field(default_factory=set)  # page artifacts kept for site probes
    init_scripts: dict[str, list[str]] = field(default_factory=dict)
    # Gathered only on the home page and mystery-shopper pages (desktop screenshots for reports).
    key_only: dict[str, set[str]] = field(default_factory=dict)  # by viewport

    @property
    def needs_mobile(self) -> bool:
        return bool(self.page_probes.get("mobile")) or any(
            p.requires for p in self.site_probes)  # site probes also read key pages' mobile renderings

    def probes_for(self, viewport: str, key_page: bool) -> list[Probe]:
        return [p for p in self.page_probes.get(viewport, []) if p.pages == "all" or key_page]


def make_plan(probes: list[Probe]) -> Plan:
    plan = Plan(probes=probes)
    # Links feed the frontier everywhere, the document's title names every stored page (a cheap
    # check that a rendering is of the page it claims); desktop screenshots are for reports.
    needed: dict[str, set[str]] = {"desktop": {"links", "document", "screenshot"}, "mobile": {"links", "document"}}
    everywhere: dict[str, set[str]] = {"desktop": {"links", "document"}, "mobile": {"links", "document"}}
    site_needed: set[str] = set()
    for probe in probes:
        page_reqs = [r for r in probe.requires if r not in CORE_FIELDS and gatherer_for(r).scope == "page"]
        site_reqs = [r for r in probe.requires if r not in CORE_FIELDS and gatherer_for(r).scope == "site"]
        if probe.scope == "site":
            plan.site_probes.append(probe)
            plan.persist.update(page_reqs)
            for vp in needed:
                needed[vp].update(page_reqs)
                everywhere[vp].update(page_reqs)
        else:
            if site_reqs:
                raise ValueError(f"page probe {probe.id} cannot require site artifacts {site_reqs}")
            plan.page_probes.setdefault(probe.viewport, []).append(probe)
            needed[probe.viewport].update(page_reqs)
            if probe.pages == "all":
                everywhere[probe.viewport].update(page_reqs)
        site_needed.update(site_reqs)
    for vp, names in needed.items():
        gatherers = [gatherer_for(n) for n in names]
        gatherers = [g for g in gatherers if vp in g.viewports]
        plan.page_gatherers[vp] = sorted(gatherers, key=lambda g: (g.order, g.name))
        plan.init_scripts[vp] = [g.init_script for g in plan.page_gatherers[vp] if g.init_script]
        # What only key-page probes read (keyboard walks, report screenshots) is not gathered elsewhere.
        plan.key_only[vp] = names - everywhere[vp]
    plan.site_gatherers = sorted((gatherer_for(n) for n in site_needed), key=lambda g: (g.order, g.name))
    return plan
