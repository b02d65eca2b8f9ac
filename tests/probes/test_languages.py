"""The languages probe on saved artifacts, and once through Chromium on a local site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from probes.base import Evidence, Outcome
from probes.languages import LanguagesProbe, guess_language

BASE = "https://www.backby.se"
SV_TEXT = ("Här kan du läsa om hur du söker plats i förskolan och vad det kostar. Du som har barn kan också få "
           "hjälp av oss när det gäller skolan, och vi finns här för dig om du har frågor. Det är inte svårt att "
           "ansöka, och du kan göra det på webben eller med en blankett som du skickar till oss.")
EN_TEXT = ("This is the English information about the municipality. You can contact us by phone or e-mail, and we "
           "will answer your questions about living and working here. If you want to move here, read more about "
           "housing, schools and jobs on these pages. The municipality is located by the lake and it has a lot to offer.")


def link(path: str, text: str, region: str = "nav", label: str = "") -> dict[str, Any]:
    url = path if path.startswith("http") else BASE + path
    return {"url": url, "href": path, "text": text, "label": label, "region": region, "scheme": url.split(":")[0],
            "in_scope": url.startswith(BASE), "rel": "", "visible": True}


def pg(path: str, links: list[dict[str, Any]] | None = None, lang: str | None = "sv", text: str = SV_TEXT,
       html: str = "", kind: str | None = None, status: int = 200, title: str = "") -> dict[str, Any]:
    return {"url": BASE + path, "final_url": BASE + path, "status": status, "kind": "home" if path == "/" else kind,
            "is_home": path == "/", "viewport": "desktop", "links": links or [], "text": text,
            "html": html or f"<html lang='{lang}'><body><main><p>{text}</p></main></body></html>",
            "document": {"title": title, "lang": lang, "meta": {}, "h1": []}}


def run(pages: list[dict[str, Any]]) -> dict[str, Evidence]:
    return {e.criterion: e for e in LanguagesProbe().run({"pages": pages, "home_url": BASE + "/", "org": {}})}


def test_english_link_is_confirmed_by_the_target_lang() -> None:
    ev = run([pg("/", [link("/en/", "In English")]), pg("/en/", lang="en-GB", text=EN_TEXT, kind="english")])
    assert ev["languages.english"].outcome is Outcome.PASS
    assert ev["languages.english"].url == BASE + "/en/"
    assert ev["languages.lang-attribute"].outcome is Outcome.PASS


def test_english_link_to_a_swedish_page_is_partial_and_flags_the_lang_attribute() -> None:
    ev = run([pg("/", [link("/english/", "English")]), pg("/english/", lang="sv", text=SV_TEXT)])
    assert ev["languages.english"].outcome is Outcome.PARTIAL
    assert ev["languages.lang-attribute"].outcome is Outcome.PARTIAL
    assert BASE + "/english/" in ev["languages.lang-attribute"].details["problems"]


def test_english_text_under_a_swedish_lang_counts_as_english_but_not_as_a_correct_lang() -> None:
    ev = run([pg("/", [link("/in-english/", "Engelska")]), pg("/in-english/", lang="sv", text=EN_TEXT)])
    assert ev["languages.english"].outcome is Outcome.PASS
    problems = ev["languages.lang-attribute"].details["problems"]
    assert "reads as 'en'" in problems[BASE + "/in-english/"]


def test_english_link_not_crawled_is_review_unless_hreflang_says_en() -> None:
    ev = run([pg("/", [link("/en/start/", "In English")])])
    assert ev["languages.english"].outcome is Outcome.REVIEW
    html = '<html lang="sv"><body><header><a href="/en/start/" hreflang="en">In English</a></header></body></html>'
    ev = run([pg("/", [link("/en/start/", "In English", region="header")], html=html)])
    assert ev["languages.english"].outcome is Outcome.PASS


def test_hreflang_alternates_in_the_head_annotate_links() -> None:
    html = ('<html lang="sv"><head><link rel="alternate" hreflang="x-default" href="/">'
            '<link rel="alternate" hreflang="en" href="/en/"></head><body></body></html>')
    ev = run([pg("/", [link("/", "Startsida", region="header"), link("/en/", "EN", region="header")], html=html)])
    assert ev["languages.english"].outcome is Outcome.PASS
    assert ev["languages.other"].outcome is Outcome.FAIL  # x-default is no language


def test_engelska_as_a_school_subject_in_an_article_is_not_an_english_version() -> None:
    article = pg("/skola/amnen/", [link("/skola/amnen/engelska/", "Engelska", region="main")])
    ev = run([pg("/", [link("/skola/", "Skola")]), article])
    assert ev["languages.english"].outcome is Outcome.FAIL


def test_broken_english_link_fails() -> None:
    ev = run([pg("/", [link("/en/", "English")]), pg("/en/", status=404, lang="en")])
    assert ev["languages.english"].outcome is Outcome.FAIL


@pytest.mark.parametrize(("label", "path", "lang", "criterion"), [
    ("Suomeksi", "/suomeksi/", "fi", "minority-finnish"),
    ("Information på finska", "/info-finska/", "fi", "minority-finnish"),
    ("Meänkielellä", "/meankieli/", "fit", "minority-meankieli"),
    ("Åarjelsaemien", "/sydsamiska/", "sma", "minority-sami"),
    ("Julevsámegiellaj", "/lulesamiska/", "smj", "minority-sami"),
    ("Davvisámegillii", "/nordsamiska/", "se", "minority-sami"),
    ("Romani chib", "/romani/", "rmy", "minority-romani"),
    ("Romanes", "/romanes/", "rom", "minority-romani"),
    ("ייִדיש", "/yi/", "yi", "minority-yiddish"),
    ("Jiddisch", "/jiddisch/", "yi", "minority-yiddish"),
])
def test_minority_language_names_in_swedish_and_in_the_language_itself(label: str, path: str, lang: str,
                                                                          criterion: str) -> None:
    ev = run([pg("/", [link(path, label, region="footer")]), pg(path, lang=lang, text="", kind="languages")])
    assert ev[f"languages.{criterion}"].outcome is Outcome.PASS, ev[f"languages.{criterion}"].message
    others = {"minority-finnish", "minority-meankieli", "minority-sami", "minority-romani", "minority-yiddish"} - {criterion}
    assert all(ev[f"languages.{o}"].outcome is Outcome.FAIL for o in others)


def test_a_page_in_the_language_counts_even_when_its_link_text_was_not_recognised() -> None:
    ev = run([pg("/", [link("/kieli/", "Kieli")]), pg("/kieli/", lang="fi", text="")])
    assert ev["languages.minority-finnish"].outcome is Outcome.PASS


@pytest.mark.parametrize("label", ["Finskt förvaltningsområde", "Tornedalen", "Samhällsbyggnad", "Romskt kulturcentrum"])
def test_near_misses_are_not_minority_languages(label: str) -> None:
    ev = run([pg("/", [link("/om-kommunen/x/", label)])])
    assert all(ev[f"languages.minority-{k}"].outcome is Outcome.FAIL
               for k in ("finnish", "meankieli", "sami", "romani", "yiddish"))


def test_easy_swedish_and_sign_language_variants() -> None:
    ev = run([pg("/", [link("/lattlast-svenska/", "Lätt svenska", region="header"),
                       link("https://www.youtube.com/playlist?list=PL1", "Svenskt teckenspråk", region="footer")]),
              pg("/lattlast-svenska/")])
    assert ev["languages.easy-swedish"].outcome is Outcome.PASS
    assert ev["languages.sign-language"].outcome is Outcome.PASS


def test_a_sign_language_interpreter_service_is_not_sign_language_content() -> None:
    ev = run([pg("/", [link("/boka-teckensprakstolk/", "Boka teckenspråkstolk")])])
    assert ev["languages.sign-language"].outcome is Outcome.FAIL
    assert ev["languages.easy-swedish"].outcome is Outcome.FAIL


def test_other_languages_by_menu_words_by_names_and_by_machine_translation() -> None:
    menu = pg("/", [link("/languages/", "Other languages")])
    assert run([menu])["languages.other"].outcome is Outcome.REVIEW  # which languages? not crawled
    behind = pg("/languages/", [link("/languages/arabic/", "Arabic", region="main")], kind="languages")
    assert run([menu, behind])["languages.other"].outcome is Outcome.PASS
    only_minorities = pg("/languages/", [link("/fi/", "Suomeksi", region="main"),
                                         link("/en/", "In English", region="main")], kind="languages")
    assert run([menu, only_minorities])["languages.other"].outcome is Outcome.FAIL
    assert run([pg("/", [link("/ar/", "العربية")])])["languages.other"].outcome is Outcome.PASS
    assert run([pg("/", [link("/so/", "Soomaali")])])["languages.other"].outcome is Outcome.PASS
    widget = '<html lang="sv"><body><div id="google_translate_element"></div></body></html>'
    assert run([pg("/", html=widget)])["languages.other"].outcome is Outcome.PARTIAL
    assert run([pg("/", [link("/spraket/", "Språkcafé")])])["languages.other"].outcome is Outcome.FAIL


@pytest.mark.parametrize(("html", "outcome"), [
    ('<script src="https://cdn1.readspeaker.com/script/1234/webReader/webReader.js"></script>', Outcome.PASS),
    ('<button type="button">Lyssna</button>', Outcome.PASS),
    ('<a href="#" aria-label="Lyssna på sidan"><span class="icon"></span></a>', Outcome.PASS),
    ('<a href="/podd/">Lyssna på vår podcast</a>', Outcome.FAIL),
    ('<p>Lyssna gärna på radion.</p>', Outcome.FAIL),
])
def test_read_aloud(html: str, outcome: Outcome) -> None:
    ev = run([pg("/", html=f'<html lang="sv"><body><header>{html}</header></body></html>')])
    assert ev["languages.read-aloud"].outcome is outcome


def test_lang_on_a_link_is_the_language_of_its_text_not_of_its_target() -> None:
    html = ('<html lang="sv"><body><nav><a href="/other-languages/" lang="en">Other languages</a></nav></body></html>')
    ev = run([pg("/", [link("/other-languages/", "Other languages")], html=html),
              pg("/other-languages/", lang="sv", kind="languages")])
    assert ev["languages.english"].outcome is Outcome.FAIL
    assert ev["languages.lang-attribute"].outcome is Outcome.PASS


def test_a_minority_page_with_swedish_site_chrome_is_not_a_lang_mismatch() -> None:
    chrome = "<header><nav>" + "".join(f"<a href='/{i}'>Det här är en meny och den är på svenska {i}</a>" for i in range(20))
    html = (f'<html lang="se"><body>{chrome}</nav></header><main><h1>Dieđut sámegillii</h1>'
            "<p>Bures boahtin Nordstad gávpogii. Dus lea vuoigatvuohta geavahit sámegiela go váldát oktavuođa minguin.</p>"
            '<section lang="sv"><h2>Hjälpte informationen dig?</h2><p>Tack för att du svarar, det är till stor hjälp för oss '
            "och vi kan inte göra det här utan dig som har varit här och som vill att det ska bli bra för alla.</p>"
            "</section></main><footer>Det är vi som har hand om det här och du kan alltid höra av dig till oss.</footer>"
            "</body></html>")
    sami = pg("/samegillii/", lang="se", html=html, text=SV_TEXT + " " + SV_TEXT, kind="languages")
    ev = run([pg("/", [link("/samegillii/", "Sámegillii")]), sami])
    assert ev["languages.minority-sami"].outcome is Outcome.PASS
    assert ev["languages.lang-attribute"].outcome is Outcome.PASS, ev["languages.lang-attribute"].details


def test_lang_attribute_missing_on_most_pages_fails() -> None:
    ev = run([pg("/", lang=None), pg("/a/", lang=None), pg("/b/", lang="sv"), pg("/c/", lang="svenska")])
    assert ev["languages.lang-attribute"].outcome is Outcome.FAIL
    assert ev["languages.lang-attribute"].score == 0.25


def test_mobile_duplicates_and_error_pages_are_not_counted_twice() -> None:
    mobile = {**pg("/"), "viewport": "mobile"}
    timed_out = {**pg("/seg/", lang=None), "status": None, "error": "timed out after 10 s"}
    ev = run([pg("/"), mobile, pg("/trasig/", status=500, lang=None), timed_out])
    assert ev["languages.lang-attribute"].details["pages"] == 1


def test_no_readable_page_is_an_error() -> None:
    ev = LanguagesProbe().run({"pages": [pg("/", status=503)], "home_url": BASE + "/", "org": {}})
    assert {e.outcome for e in ev} == {Outcome.ERROR}
    assert len(ev) == len(LanguagesProbe.criteria)


def test_guess_language() -> None:
    assert guess_language(SV_TEXT) == "sv"
    assert guess_language(EN_TEXT) == "en"
    assert guess_language("Sinulla on oikeus käyttää suomea, kun asioit kunnan kanssa. Voit myös saada tietoa ja apua "
                          "suomeksi, jos haluat, mutta se ei ole pakko. Tämä on tärkeää.") == "fi"
    assert guess_language("Kontakt") is None


FIXTURE = Path(__file__).parent.parent / "fixtures" / "site_probes_b"


def test_languages_in_chromium() -> None:
    from crawler.settings import CrawlSettings
    from crawler.single import run_probe
    from maturity.localsite import LocalSite

    settings = CrawlSettings(delay=0, allow_private=True, block_external=True, page_timeout=10, max_pages=15,
                             screenshots=False, mobile="none")
    with LocalSite(root=FIXTURE, host="127.0.0.161") as site:
        result = run_probe("languages", site.base_url, settings)
    ev = {e.criterion: e for e in result.evidence}
    assert result.error is None
    assert ev["languages.english"].outcome is Outcome.PASS
    assert ev["languages.minority-finnish"].outcome is Outcome.PASS
    assert ev["languages.minority-meankieli"].outcome is Outcome.PASS
    assert ev["languages.minority-sami"].outcome is Outcome.PARTIAL  # /samegiella/ says lang="sv"
    assert ev["languages.minority-yiddish"].outcome is Outcome.FAIL
    assert ev["languages.sign-language"].outcome is Outcome.PASS
    assert ev["languages.read-aloud"].outcome is Outcome.PASS
    assert list(ev["languages.lang-attribute"].details["problems"]) == [site.url("/samegiella/")]
