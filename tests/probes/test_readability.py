"""The readability probe: LIX and sentence length of the main text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from probes.base import Evidence, Outcome
from probes.readability import ReadabilityProbe, lix, main_blocks, sentences

PLAIN = ("<p>Vill du bygga ett hus? Då behöver du ofta bygglov. Du söker bygglov hos oss. Det gör du i vår e-tjänst. "
         "Du kan också skicka ett brev. Skicka med en ritning. Den ska visa hur huset ser ut. Skicka också en karta. "
         "Den visar var huset ska stå. Vi läser allt du skickar. Sedan tar vi ett beslut. Det tar oftast fyra veckor. "
         "Har du frågor? Ring oss gärna. Vi hjälper dig.</p>")
HARD = ("<p>Handläggningen av inkommande ansökningsärenden avseende tillståndsgivning enligt gällande lagstiftning "
        "förutsätter att sökanden inkommer med samtliga erforderliga handlingar, innefattande situationsplan, "
        "konstruktionsritningar och kontrollplan, varefter myndighetsnämnden genomför en sammantagen bedömning av "
        "huruvida förutsättningarna för beviljande föreligger, varvid särskild hänsyn tas till omgivningspåverkan.</p>"
        "<p>Beslutsunderlaget kompletteras vid behov genom föreläggande om komplettering, vilket medför att "
        "handläggningstiden förlängs i motsvarande omfattning, varvid kommunen förbehåller sig rätten att avvisa "
        "ofullständiga ansökningar i enlighet med tillämpliga bestämmelser i plan- och bygglagstiftningen.</p>")
ENGLISH = ("<p>This page is about the municipality and what we can do for you. You can contact us by phone or by "
           "e-mail, and we will answer your questions about schools, housing and work as soon as we can. If you are "
           "new here, you can read more about living in the town and about the services that are offered to you.</p>")
NAV = "<header><nav><ul>" + "".join(f"<li><a href='/{i}'>Meny {i}</a></li>" for i in range(40)) + "</ul></nav></header>"


def doc(main: str, lang: str | None = "sv", chrome: str = NAV, body_attrs: str = "") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f"<html{lang_attr}><body{body_attrs}>{chrome}<main><h1>Så fungerar det</h1>{main}</main>"
            "<footer><p>Sidfot.</p></footer></body></html>")


def run(html: str, lang: str | None = "sv", status: int = 200) -> dict[str, Evidence]:
    artifacts: dict[str, Any] = {"url": "https://www.backby.se/a/", "status": status, "html": html,
                                 "document": {"lang": lang, "title": "", "meta": {}}}
    return {e.criterion: e for e in ReadabilityProbe().run(artifacts)}


def test_lix_formula() -> None:
    stats = lix(["Det här är en kort mening.", "Kommunfullmäktige sammanträder regelbundet."])
    assert stats["words"] == 9 and stats["sentences"] == 2 and stats["long_words"] == 3
    assert stats["lix"] == pytest.approx(9 / 2 + 100 * 3 / 9, abs=0.05)
    assert stats["band"] == "medium"


def test_sentences_keep_abbreviations_and_split_on_end_marks() -> None:
    got = sentences("Du kan t.ex. ringa oss kl. 10 eller bl.a. Stockholm. Vad gör vi? Vi hjälper dig! "
                    "Det kostar ca. 300 kr. Läs mer på www.backby.se. Öppettider: Måndag till fredag.")
    assert len(got) == 7, got
    assert sentences("Så söker du bygglov") == ["Så söker du bygglov"]


def test_main_blocks_skip_chrome_hidden_text_cookie_banners_link_blocks_and_labels() -> None:
    html = ("<html><body class='has-cookie-banner'><div id='cookie-consent'><p>Vi använder kakor.</p></div>"
            "<header><p>Bäckby kommun</p></header><nav><a href='/'>Start</a></nav>"
            "<main><article><header><h1>Artikelns långa rubrik</h1></header><p>Första stycket.</p><h2>Kontaktcenter</h2>"
            "<div class='card'><h3><a href='/a'>Nyhet om förskolan idag</a></h3></div>"
            "<p><a href='/n'>Alla nyheter</a> · <a href='/rss'>Prenumerera på nyheter</a></p>"
            "<p hidden>Dold text.</p><p style='display: none'>Också dold.</p><span class='sr-only'>Skärmläsartext</span>"
            "<ul><li><a href='/x'>Relaterad sida</a></li><li><a href='/y'>En annan sida</a></li></ul>"
            "<ul><li>Ta med <a href='/leg'>legitimation</a> till mötet.</li></ul>"
            "<form><label>Sök</label></form></article><aside><p>Puff</p></aside></main>"
            "<footer><p>Sidfot</p></footer></body></html>")
    blocks, where = main_blocks(html)
    assert where == "main"
    assert blocks == ["Artikelns långa rubrik", "Första stycket.", "Ta med legitimation till mötet."]


def test_body_is_used_when_there_is_no_main() -> None:
    blocks, where = main_blocks("<html><body><nav><a href='/'>Start</a></nav><div><p>Text här.</p></div></body></html>")
    assert (blocks, where) == (["Text här."], "body")


def test_plain_swedish_passes() -> None:
    ev = run(doc(PLAIN))
    assert ev["readability.lix"].outcome is Outcome.PASS, ev["readability.lix"].details
    assert ev["readability.lix"].details["lix"] < 30
    assert ev["readability.sentence-length"].outcome is Outcome.PASS
    assert ev["readability.lix"].details["measured"] == "main"


def test_the_menu_does_not_make_a_hard_text_look_easy() -> None:
    ev = run(doc(HARD))
    assert ev["readability.lix"].outcome is Outcome.FAIL
    assert ev["readability.lix"].details["band"] == "bureaucratic"
    assert ev["readability.lix"].score == 0.0
    assert ev["readability.sentence-length"].outcome is not Outcome.PASS  # two 36-word sentences and a heading
    assert ev["readability.sentence-length"].details["long_sentences"] == 2


def test_medium_text_is_partial_or_pass_by_its_band() -> None:
    medium = ("<p>Kommunen ansvarar för förskola och skola. Du kan ansöka om plats när barnet är ett år. "
              "Ansökan gör du i vår e-tjänst eller på en blankett som du skickar till förvaltningen. "
              "Handläggningstiden är normalt fyra månader, men den kan bli längre under sommaren. "
              "Placeringen utgår från dina önskemål och från de platser som finns tillgängliga i närområdet. "
              "Avgiften beräknas utifrån hushållets sammanlagda inkomst och antalet barn i familjen.</p>")
    ev = run(doc(medium))
    assert 40 <= ev["readability.lix"].details["lix"] < 50
    assert ev["readability.lix"].outcome is Outcome.PARTIAL


def test_too_little_text_is_not_applicable() -> None:
    ev = run(doc("<p>Kontakta oss.</p>"))
    assert {e.outcome for e in ev.values()} == {Outcome.NOT_APPLICABLE}
    assert ev["readability.lix"].details["words"] < 50


def test_english_is_not_applicable_but_reported() -> None:
    ev = run(doc(ENGLISH, lang="en"), lang="en")
    assert ev["readability.lix"].outcome is Outcome.NOT_APPLICABLE
    assert ev["readability.lix"].details["guessed_lang"] == "en" and ev["readability.lix"].details["lix"] > 0


def test_english_text_under_a_swedish_lang_is_not_measured_as_swedish() -> None:
    assert run(doc(ENGLISH))["readability.lix"].outcome is Outcome.NOT_APPLICABLE


def test_swedish_text_without_a_lang_is_measured() -> None:
    assert run(doc(PLAIN, lang=None), lang=None)["readability.lix"].outcome is Outcome.PASS


def test_error_pages_are_not_applicable() -> None:
    assert run(doc(PLAIN), status=404)["readability.lix"].outcome is Outcome.NOT_APPLICABLE


FIXTURE = Path(__file__).parent.parent / "fixtures" / "site_probes_b"


def test_readability_in_chromium() -> None:
    from crawler.settings import CrawlSettings
    from crawler.single import run_probe
    from maturity.localsite import LocalSite

    settings = CrawlSettings(delay=0, allow_private=True, block_external=True, page_timeout=10, screenshots=False)
    with LocalSite(root=FIXTURE, host="127.0.0.163") as site:
        hard = run_probe("readability", site.url("/artiklar/krangligt/"), settings)
        plain = run_probe("readability", site.url("/artiklar/enkelt/"), settings)
    hard_ev = {e.criterion: e for e in hard.evidence}
    plain_ev = {e.criterion: e for e in plain.evidence}
    assert hard_ev["readability.lix"].outcome is Outcome.FAIL
    assert plain_ev["readability.lix"].outcome is Outcome.PASS
    # the header menu and footer of the fixture are not part of the measured text
    assert plain_ev["readability.lix"].details["measured"] == "main"
    assert plain_ev["readability.lix"].details["sentences"] == 17
