"""Site probes' per-page digests, made as pages are stored, give the evidence the probes give
when they read the stored pages from scratch (a resumed crawl's earlier pages have no digest)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

import crawler.site
from crawler.crawl import crawl
from crawler.settings import CrawlSettings
from maturity.demo.server import serve_demo
from probes.base import DIGEST, Evidence, Outcome, Probe
from probes.contact_channels import ContactChannelsProbe
from probes.eid_login import EidLoginProbe
from probes.languages import LanguagesProbe
from probes.social import SocialProbe
from storage import Store


def _plain(evidence: list[Evidence]) -> list[Any]:
    return json.loads(json.dumps([e.as_dict() for e in evidence], default=str))


def test_digests_made_during_the_crawl_equal_digests_made_at_the_end(
        store: Store, fast_settings: CrawlSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Probe, Mapping[str, Any]]] = []
    run = crawler.site.run_probe_safely

    def recording(probe: Probe, artifacts: Any, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("site_level"):
            seen.append((probe, artifacts))
        return run(probe, artifacts, *args, **kwargs)

    monkeypatch.setattr(crawler.site, "run_probe_safely", recording)
    probes: list[Probe] = [ContactChannelsProbe(), EidLoginProbe(), LanguagesProbe()]
    settings = CrawlSettings(**{**fast_settings.as_dict(), "max_pages": 8, "mobile": "key"})
    with serve_demo() as orgs:
        chosen = [o for o in orgs if o["id"] in ("nordstad", "sjovik")]
        asyncio.run(crawl(store, chosen, settings, probes, tmp_path / "a"))
    assert len(seen) == 6
    passed: set[str] = set()
    for probe, artifacts in seen:
        pages = artifacts["pages"]
        assert sum(DIGEST in p for p in pages) >= len(pages) - 1, probe.id  # a page the browser failed may lack one
        with_digests = probe.run(artifacts)
        from_scratch = probe.run({**artifacts, "pages": [{k: v for k, v in p.items() if k != DIGEST} for p in pages]})
        assert _plain(with_digests) == _plain(from_scratch), probe.id
        if any(e.outcome is Outcome.PASS for e in with_digests):
            passed.add(probe.id)
    assert passed == {p.id for p in probes}  # the comparison was of findings, not of empty lists


class Counting(Probe):
    id = "t-counting"
    version = "1"
    scope = "site"
    requires = ("html",)
    criteria = ("t.pages",)

    def __init__(self) -> None:
        self.made = 0

    def digest(self, page: Mapping[str, Any], site: Mapping[str, Any]) -> Any:
        self.made += 1
        return len(str(page.get("html") or ""))

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        site = {k: artifacts.get(k) for k in ("org", "home_url", "crawl_time")}
        sizes = [self.digest_of(p, site) for p in artifacts["pages"]]
        return [Evidence("t.pages", Outcome.PASS, f"{len(sizes)} pages", details={"sizes": sizes})]


def test_digest_of_uses_the_stored_digest_and_makes_a_missing_one() -> None:
    probe = Counting()
    assert Counting.digests() and ContactChannelsProbe.digests() and not SocialProbe.digests()
    out = probe.run({"pages": [{"html": "abc", DIGEST: 99}, {"html": "abcd"}]})
    assert out[0].details["sizes"] == [99, 4]
    assert probe.made == 1
