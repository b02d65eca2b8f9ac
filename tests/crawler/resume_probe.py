"""A site probe for the resume test: its evidence depends on every stored page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from probes.base import Evidence, Outcome, Probe


class ResumeSiteProbe(Probe):
    id = "test-resume-site"
    version = "1"
    requires = ("links",)
    scope = "site"
    criteria = ("test.pages-seen",)

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        urls = sorted({p["url"] for p in artifacts["pages"] if p["viewport"] == "desktop"})
        links = sum(len(p.get("links") or []) for p in artifacts["pages"])
        return [Evidence("test.pages-seen", Outcome.PASS if urls else Outcome.FAIL, f"{len(urls)} pages, {links} links",
                         details={"urls": urls, "links": links})]
