"""The services probe: a list of e-services, and open data or an API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from probes.base import Evidence, Outcome
from probes.services import ServicesProbe, open_data_match

BASE = "https://www.backby.se"


def link(url: str, text: str, region: str = "nav", label: str = "") -> dict[str, Any]:
    url = url if url.startswith("http") else BASE + url
    return {"url": url, "text": text, "label": label, "region": region, "scheme": url.split(":")[0],
            "in_scope": url.startswith(BASE)}


def pg(path: str, links: list[dict[str, Any]] | None = None, kind: str | None = None, status: int = 200,
       title: str = "") -> dict[str, Any]:
    return {"url": BASE + path, "final_url": BASE + path, "status": status, "kind": "home" if path == "/" else kind,
            "is_home": path == "/", "viewport": "desktop", "links": links or [],
            "document": {"title": title, "lang": "sv", "meta": {}, "h1": []}}


def run(pages: list[dict[str, Any]]) -> dict[str, Evidence]:
    return {e.criterion: e for e in ServicesProbe().run({"pages": pages, "home_url": BASE + "/", "org": {}})}


SERVICES = [link("https://e-tjanster.backby.se/oep/p/bygglov", "Ansök om bygglov", "main"),
            link("https://e-tjanster.backby.se/oep/p/forskola", "Ansök om plats i förskola", "main"),
            link("/felanmalan/", "Felanmäl gata och park", "main"),
            link("/boka-tid/", "Boka tid för vigsel", "main")]


@pytest.mark.parametrize("label", ["E-tjänster", "Självservice", "Blanketter och e-tjänster", "Alla e-tjänster",
                                   "E-tjänster och blanketter", "Digitala tjänster", "E-services"])
def test_list_of_eservices_variants(label: str) -> None:
    ev = run([pg("/", [link("/service/", label)]), pg("/service/", SERVICES)])["services.eservices"]
    assert ev.outcome is Outcome.PASS, ev.message
    assert ev.details["checked"][BASE + "/service/"] == 4


def test_list_on_an_external_eservice_platform_passes() -> None:
    ev = run([pg("/", [link("https://e-tjanster.backby.se/", "E-tjänster", "header")])])["services.eservices"]
    assert ev.outcome is Outcome.PASS
    assert "not crawled" in ev.message


@pytest.mark.parametrize("label", ["Mina sidor", "Logga in på Mina sidor", "Öppna förskolan", "Tjänstepension"])
def test_mina_sidor_and_near_misses_are_not_a_list(label: str) -> None:
    ev = run([pg("/", [link("/x/", label)])])["services.eservices"]
    assert ev.outcome is Outcome.FAIL


def test_a_thin_eservice_page_is_partial() -> None:
    ev = run([pg("/", [link("/e-tjanster/", "E-tjänster")]), pg("/e-tjanster/", [link("/", "Startsida", "main")])])
    assert ev["services.eservices"].outcome is Outcome.PARTIAL


def test_single_eservices_without_a_list_are_partial() -> None:
    ev = run([pg("/", [link("https://e-tjanster.backby.se/oep/p/bygglov", "Ansök om bygglov", "main")])])
    assert ev["services.eservices"].outcome is Outcome.PARTIAL


def test_a_broken_list_link_fails() -> None:
    ev = run([pg("/", [link("/e-tjanster/", "E-tjänster")]), pg("/e-tjanster/", status=404)])["services.eservices"]
    assert ev.outcome is Outcome.FAIL and "broken" in ev.message


def test_crawler_labelled_eservice_page_counts_when_its_title_says_so() -> None:
    ev = run([pg("/"), pg("/tjanster/", SERVICES, kind="eservices", title="Självservice – Bäckby")])["services.eservices"]
    assert ev.outcome is Outcome.PASS
    info = pg("/bygglov/", [link("/bygglov/ansok/", "Ansök om bygglov", "main")], kind="eservices", title="Bygglov")
    ev = run([pg("/"), info])["services.eservices"]
    assert ev.outcome is Outcome.FAIL  # an information page about applying is not a list, nor an e-service


@pytest.mark.parametrize(("url", "text"), [
    ("https://www.dataportal.se/sv/organisations/backby", "Våra datamängder"),
    ("https://www.dataportal.se/", "Sveriges dataportal"),
    ("/om-kommunen/oppna-data/", "Öppna data"),
    ("/om-oss/data/", "Öppna data och API"),
    ("https://api.backby.se/docs", "Dokumentation"),
    ("https://developer.backby.se/", "För utvecklare"),
    ("/utvecklare/", "Utvecklare"),
    ("/x/", "API"),
    ("/psi/", "Vidareutnyttjande av information"),
    ("/x/", "Open data"),
])
def test_open_data_variants(url: str, text: str) -> None:
    assert open_data_match(link(url, text)) is not None
    assert run([pg("/", [link(url, text, "footer")])])["services.open-data"].outcome is Outcome.PASS


@pytest.mark.parametrize(("url", "text"), [
    ("/forskola/oppna-forskolan/", "Öppna förskolan"),
    ("/dataskydd/", "Dataskyddsförordningen (GDPR)"),
    ("/om-oss/oppettider/", "Öppettider"),
    ("/jobb/", "Öppna jobb"),
    ("/nyheter/rapport/", "Ny rapport om öppna data i kommunerna och vad som behövs för att komma vidare i arbetet"),
    ("/x/", "Kapital"),
])
def test_open_data_near_misses(url: str, text: str) -> None:
    assert open_data_match(link(url, text)) is None


def test_no_readable_page_is_an_error() -> None:
    ev = ServicesProbe().run({"pages": [pg("/", status=500)], "home_url": BASE + "/", "org": {}})
    assert {e.outcome for e in ev} == {Outcome.ERROR} and len(ev) == 2


FIXTURE = Path(__file__).parent.parent / "fixtures" / "site_probes_b"


def test_services_in_chromium() -> None:
    from crawler.settings import CrawlSettings
    from crawler.single import run_probe
    from maturity.localsite import LocalSite

    settings = CrawlSettings(delay=0, allow_private=True, block_external=True, page_timeout=10, max_pages=15,
                             screenshots=False, mobile="none")
    with LocalSite(root=FIXTURE, host="127.0.0.165") as site:
        result = run_probe("services", site.base_url, settings)
    ev = {e.criterion: e for e in result.evidence}
    assert result.error is None
    assert ev["services.eservices"].outcome is Outcome.PASS
    assert ev["services.eservices"].details["checked"] == {site.url("/e-tjanster/"): 4}
    assert ev["services.open-data"].outcome is Outcome.PASS
    assert ev["services.open-data"].url == "https://www.dataportal.se/sv/organisations/backby"
