"""Content in other languages and forms (Webbriktlinjer R12–R15), and lang attributes.

A link labelled "English" is only a promise: where the crawl reached the target, the
target must declare (or read as) that language, so a menu entry that leads to a Swedish
page does not pass. Language menus are looked for where sites put them (header, nav,
footer, the home page, language pages), so "Engelska" as a school subject in an article
is not taken for an English version. The probe is factual — found / not found — and
leaves the weight of minority languages (stronger duties in the administrative areas) to
the criteria map.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from crawler.urls import canonicalize
from probes.base import Evidence, Outcome, Probe, site_of
from probes.vocabulary import Terms, load_area, terms

LANG_KEYS = ("english", "easy-swedish", "sign-language", "minority-finnish", "minority-meankieli",
             "minority-sami", "minority-romani", "minority-yiddish")
# Forms of Swedish: the lang attribute cannot confirm them, a reachable page does.
SWEDISH_FORMS = ("easy-swedish", "sign-language")
MENU_REGIONS = ("header", "nav", "footer")
LANG_KINDS = ("languages", "english", "easy-read", "sign-language")
VALID_LANG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$", re.I)
MAX_HTML_PAGES = 12
NAMES = {"english": "English", "easy-swedish": "Easy-to-read Swedish (lättläst)", "sign-language": "Sign language",
         "minority-finnish": "Finnish", "minority-meankieli": "Meänkieli", "minority-sami": "Sámi",
         "minority-romani": "Romani chib", "minority-yiddish": "Yiddish"}


def primary(code: str | None) -> str:
    return (code or "").strip().split("-")[0].split("_")[0].lower()


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(terms("languages", f"stopwords.{lang}").terms) for lang in ("sv", "en", "fi")}


def guess_language(text: str | None, min_hits: int = 8) -> str | None:
    """'sv', 'en', 'fi' or None: the language whose function words clearly dominate."""
    words = re.findall(r"[^\W\d_]+", (text or "").casefold())
    counts = {lang: sum(1 for w in words if w in stop) for lang, stop in _stopwords().items()}
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    (best, n1), (_, n2) = ranked[0], ranked[1]
    return best if n1 >= min_hits and n1 >= 2 * n2 else None


def main_text(page: Mapping[str, Any]) -> str | None:
    """The page's own main text: header, footer, menus and parts marked with another lang (a
    Swedish feedback form on a Sámi page) left out. None when the page has no readable HTML."""
    from probes.readability import main_blocks  # readability builds on this module

    html = page.get("html")
    if html:
        try:
            return " ".join(main_blocks(str(html))[0])
        except (ValueError, lxml.etree.ParserError):
            pass
    return None


def text_language(page: Mapping[str, Any], min_hits: int = 8, main: str | None = None) -> str | None:
    """The language the page's own main text (`main`, or `main_text(page)`) reads as; its
    whole text when it has no readable HTML."""
    if main is None:
        main = main_text(page)
    return guess_language(main if main is not None else str(page.get("text") or ""), min_hits)


def unique_pages(pages: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """One mapping per URL, the desktop rendering when there is one."""
    seen: dict[str, Mapping[str, Any]] = {}
    for page in sorted(pages, key=lambda p: p.get("viewport") != "desktop"):
        seen.setdefault(canonicalize(str(page.get("final_url") or page.get("url") or "")), page)
    return list(seen.values())


def readable_pages(artifacts: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Pages that loaded (no load error, HTTP < 400), one per URL."""
    return [p for p in unique_pages(artifacts.get("pages") or [])
            if not p.get("error") and p.get("status") is not None and int(p["status"]) < 400]


def page_index(pages: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    index: dict[str, Mapping[str, Any]] = {}
    for page in pages:
        for key in ("url", "final_url"):
            if page.get(key):
                index.setdefault(canonicalize(str(page[key])), page)
    return index


def _page_lang(page: Mapping[str, Any]) -> str | None:
    doc = page.get("document") or {}
    return doc.get("lang") if isinstance(doc, Mapping) else None


def _link_codes(pages: list[Mapping[str, Any]]) -> dict[str, str]:
    """hreflang on links (and <link rel=alternate>), by canonical target URL. A plain `lang` on
    a link only tells the language of its text ("Other languages" lang="en"), not of its target."""
    codes: dict[str, str] = {}
    for page in pages[:MAX_HTML_PAGES]:
        html, base = page.get("html"), str(page.get("final_url") or page.get("url") or "")
        if not html:
            continue
        try:
            root = lxml.html.fromstring(html)
        except (ValueError, lxml.etree.ParserError):
            continue
        for el in root.iter("a", "link"):
            href, code = el.get("href"), el.get("hreflang")
            if href and code and code.lower() != "x-default" and not href.startswith(("#", "javascript:", "mailto:")):
                codes.setdefault(canonicalize(urljoin(base, href)), code)
    return codes


def _classify(label: str, url: str, code: str | None, codes: Mapping[str, Terms]) -> list[str]:
    """Which language keys a link offers, from its words, its URL or its hreflang."""
    found = [k for k in LANG_KEYS if terms("languages", k).find(label)]
    path = unquote(urlsplit(url).path).lower()
    slug = re.sub(r"[-_/.]+", " ", path)
    segments = [s for s in path.split("/") if s]
    for key in LANG_KEYS:
        if key in found:
            continue
        by_code = key not in SWEDISH_FORMS and (
            (segments and segments[0] in codes[key].terms) or (code and primary(code) in codes[key].terms))
        if by_code or terms("languages", key).find(slug):
            found.append(key)
    if not found and (code and primary(code) not in ("sv", "") or terms("languages", "other-names").find(label)):
        found.append("other")
    elif not found and terms("languages", "other").find(label):
        found.append("other-menu")  # "Other languages": which ones, its target must tell
    return found


class LanguagesProbe(Probe):
    id = "languages"
    version = "1"
    description = "English, lättläst, teckenspråk, minority and other languages, lang attributes, read-aloud."
    requires = ("links", "document", "html", "text")
    scope = "site"
    criteria = tuple(f"languages.{k}" for k in LANG_KEYS) + (
        "languages.other", "languages.lang-attribute", "languages.read-aloud")

    def digest(self, page: Mapping[str, Any], site: Mapping[str, Any]) -> Any:
        """The page's own main text, which its language is told from."""
        return main_text(page)

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        pages = readable_pages(artifacts)
        if not pages:
            return self.error_evidence("No page of the site could be read.")
        key_pages = sorted((p for p in pages if p.get("is_home") or p.get("kind")), key=lambda p: not p.get("is_home"))
        index = page_index(unique_pages(artifacts.get("pages") or []))  # broken targets too
        codes = {k: v for k, v in load_area("languages").items() if k.startswith("codes.")}
        codes = {k.removeprefix("codes."): v for k, v in codes.items()}
        link_codes = _link_codes(key_pages)
        offers = self._offers(pages, link_codes, codes)
        for page in pages:  # a crawled page in the language counts, whatever its link said
            lang = primary(_page_lang(page))
            for key in LANG_KEYS:
                if key not in SWEDISH_FORMS and lang in codes[key].terms:
                    offers.setdefault(key, []).append({"url": canonicalize(str(page.get("url"))), "code": lang,
                                                       "text": str((page.get("document") or {}).get("title") or "")[:80],
                                                       "on": None, "region": None})
        site = site_of(artifacts)
        out = [self._judge(key, offers.get(key, []), index, codes[key], site) for key in LANG_KEYS]
        out.append(self._other(offers, index, key_pages, link_codes, codes))
        out.append(self._lang_attribute(pages, offers, index, codes, site))
        out.append(self._read_aloud(pages, key_pages))
        return out

    def _offers(self, pages: list[Mapping[str, Any]], link_codes: dict[str, str],
                codes: Mapping[str, Terms]) -> dict[str, list[dict[str, Any]]]:
        offers: dict[str, list[dict[str, Any]]] = {}
        seen: set[tuple[str, str]] = set()
        memo: dict[tuple[str, str, str | None], list[str]] = {}  # menus repeat on every page
        for page in pages:
            menu_page = page.get("is_home") or page.get("kind") in LANG_KINDS
            for link in page.get("links") or []:
                url = str(link.get("url") or "")
                if link.get("scheme") not in ("http", "https"):
                    continue
                code = link_codes.get(url)
                if not (menu_page or code or link.get("region") in MENU_REGIONS):
                    continue
                label = " ".join(str(link.get(k) or "") for k in ("text", "label")).strip()
                if (label, url, code) not in memo:
                    memo[label, url, code] = _classify(label, url, code, codes)
                for key in memo[label, url, code]:
                    if (key, url) not in seen:
                        seen.add((key, url))
                        offers.setdefault(key, []).append({"url": url, "text": label[:80], "code": code,
                                                           "on": page.get("url"), "region": link.get("region")})
        return offers

    def _verify(self, key: str, offer: dict[str, Any], index: Mapping[str, Mapping[str, Any]],
                codes: Terms, site: Mapping[str, Any]) -> str:
        """confirmed | declared | mismatch | broken | unchecked — what the target turned out to be."""
        target = index.get(offer["url"])
        if target is None:
            return "declared" if offer["code"] and primary(offer["code"]) in codes.terms else "unchecked"
        if (target.get("status") or 0) >= 400:
            return "broken"
        if key in SWEDISH_FORMS or primary(_page_lang(target)) in codes.terms:
            return "confirmed"
        guessed = text_language(target, main=self.digest_of(target, site))
        if key == "minority-meankieli" and guessed == "fi":
            return "confirmed"  # Meänkieli reads as Finnish to a function-word count
        return "confirmed" if guessed and guessed in codes.terms else "mismatch"

    def _judge(self, key: str, offers: list[dict[str, Any]], index: Mapping[str, Mapping[str, Any]],
               codes: Terms, site: Mapping[str, Any]) -> Evidence:
        criterion, name = f"languages.{key}", NAMES[key]
        for offer in offers:
            offer["target"] = self._verify(key, offer, index, codes, site)
            if offer["target"] == "unchecked" and key in SWEDISH_FORMS:
                offer["target"] = "linked"  # lättläst / teckenspråk (often video) cannot be confirmed by lang
        details = {"links": offers[:10], "expected_lang": list(codes.terms)}
        rank = ("confirmed", "declared", "linked", "mismatch", "unchecked", "broken")
        offers.sort(key=lambda o: rank.index(o["target"]))
        best = offers[0] if offers else None
        if best is None:
            return Evidence(criterion, Outcome.FAIL, f"No link to content in {name} was found.", details=details)
        where = best["url"]
        state = best["target"]
        if state in ("confirmed", "declared", "linked"):
            return Evidence(criterion, Outcome.PASS, f"Content in {name} is linked ({best['text']!r}) and reachable.", details=details, url=where)
        if state == "mismatch":
            return Evidence(criterion, Outcome.PARTIAL, f"A link to {name} ({best['text']!r}) leads to a page not marked or written in it.", details=details, url=where)
        if state == "unchecked":
            return Evidence(criterion, Outcome.REVIEW, f"A link to {name} ({best['text']!r}) was found, but its target was not crawled.", details=details, url=where)
        return Evidence(criterion, Outcome.FAIL, f"The link to {name} ({best['text']!r}) is broken.", details=details, url=where)

    def _other(self, offers: dict[str, list[dict[str, Any]]], index: Mapping[str, Mapping[str, Any]],
               key_pages: list[Mapping[str, Any]], link_codes: dict[str, str], codes: Mapping[str, Terms]) -> Evidence:
        named = list(offers.get("other", []))
        unchecked = []
        for menu in offers.get("other-menu", []):  # look behind "Other languages"
            target = index.get(menu["url"])
            if target is None:
                unchecked.append(menu)
                continue
            for link in target.get("links") or []:
                label = " ".join(str(link.get(k) or "") for k in ("text", "label")).strip()
                url = str(link.get("url") or "")
                if "other" in _classify(label, url, link_codes.get(url), codes):
                    named.append({"url": url, "text": label[:80], "code": link_codes.get(url), "on": target.get("url")})
        vendors = terms("languages", "vendors.machine-translation").terms
        machine = next((p.get("url") for p in key_pages if _has_any(p, vendors)), None)
        details = {"links": named[:10], "unchecked_menus": unchecked[:5], "machine_translation": machine}
        if named:
            return Evidence("languages.other", Outcome.PASS, f"Content in other languages is offered ({named[0]['text']!r}).",
                            details=details, url=named[0]["url"])
        if unchecked:
            return Evidence("languages.other", Outcome.REVIEW, f"A languages menu ({unchecked[0]['text']!r}) was not crawled.",
                            details=details, url=unchecked[0]["url"])
        if machine:
            return Evidence("languages.other", Outcome.PARTIAL, "Other languages only through a machine translation widget.",
                            details=details, url=str(machine))
        return Evidence("languages.other", Outcome.FAIL,
                        "No content in languages other than Swedish, English and the minority languages was found.",
                        details=details)

    def _lang_attribute(self, pages: list[Mapping[str, Any]], offers: dict[str, list[dict[str, Any]]],
                        index: Mapping[str, Mapping[str, Any]], codes: Mapping[str, Terms],
                        site: Mapping[str, Any]) -> Evidence:
        bad: dict[str, str] = {}
        for page in pages:
            lang = _page_lang(page)
            if not lang or not VALID_LANG.match(lang.strip()):
                bad[str(page.get("url"))] = f"missing or invalid lang {lang!r}"
                continue
            guessed = text_language(page, min_hits=15, main=self.digest_of(page, site))
            if guessed and guessed != primary(lang) and not (guessed == "fi" and primary(lang) == "fit"):
                bad[str(page.get("url"))] = f"lang={lang!r} but the text reads as {guessed!r}"
        for key, found in offers.items():
            for offer in found:
                target = index.get(offer["url"])
                if offer.get("target") == "mismatch" and target is not None:
                    bad.setdefault(str(target.get("url")), f"linked as {key} but lang={_page_lang(target)!r}")
        share = 1 - len(bad) / len(pages)
        details = {"pages": len(pages), "problems": dict(list(bad.items())[:20]), "problem_count": len(bad)}
        if not bad:
            return Evidence("languages.lang-attribute", Outcome.PASS,
                            f"All {len(pages)} pages declare a lang that matches their language.", details=details)
        outcome = Outcome.PARTIAL if share >= 0.5 else Outcome.FAIL
        return Evidence("languages.lang-attribute", outcome, f"{len(bad)} of {len(pages)} pages lack a lang or declare the wrong one.",
                        score=round(share, 3), details=details, url=next(iter(bad)))

    def _read_aloud(self, pages: list[Mapping[str, Any]], key_pages: list[Mapping[str, Any]]) -> Evidence:
        vendors = terms("languages", "vendors.read-aloud").terms
        words, nots = terms("languages", "read-aloud"), terms("languages", "read-aloud-not")
        for page in key_pages[:MAX_HTML_PAGES]:
            html = str(page.get("html") or "")
            lowered = html.lower()
            vendor = next((v for v in vendors if v in lowered), None)
            if vendor:
                return Evidence("languages.read-aloud", Outcome.PASS, f"A read-aloud service ({vendor}) is on the page.",
                                details={"vendor": vendor}, url=page.get("url"))
            for label in controls(html):
                if words.find(label) and not nots.find(label) and len(label.split()) <= 6:
                    return Evidence("languages.read-aloud", Outcome.PASS, f"A read-aloud control ({label!r}) is offered.",
                                    details={"control": label}, url=page.get("url"))
        return Evidence("languages.read-aloud", Outcome.FAIL, "No read-aloud (\"Lyssna\") function was found.",
                        details={"pages_checked": len(key_pages[:MAX_HTML_PAGES])})


def _has_any(page: Mapping[str, Any], needles: tuple[str, ...]) -> bool:
    lowered = str(page.get("html") or "").lower()
    return any(n in lowered for n in needles)


def controls(html: str) -> list[str]:
    """Texts and labels of links and buttons: where a "Lyssna" function shows itself."""
    if not html:
        return []
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    out = []
    for el in root.xpath("//a | //button | //*[@role='button']"):
        label = " ".join(filter(None, [el.text_content(), el.get("aria-label"), el.get("title")]))
        label = re.sub(r"\s+", " ", label).strip()
        if label:
            out.append(label[:120])
    return out
