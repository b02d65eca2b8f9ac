"""Plain language (språklagen 11 §, klarspråk): LIX and sentence length of a page's main text.

LIX (Björnsson's läsbarhetsindex) = words / sentences + 100 · long words / words, where a
long word has more than six letters. Only the main content is measured — <main>, the
role=main element or a single <article>, else the body — without header, footer,
navigation, asides, forms, hidden elements, parts marked with another lang, blocks made
only of links (link lists, teaser cards) and one- or two-word labels without a full stop,
since menus and labels would read as dozens of one-word "sentences" and make any page
look easy. Headings of three words or more count as sentences, as in classic LIX.

Decision on other languages: LIX bands are calibrated on Swedish (English words are
shorter, so English scores lower for the same difficulty), and the law asks for plain
*Swedish*. Pages declared or reading as another language are therefore `not_applicable`;
their LIX is still reported in the details for information.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import lxml.html

from probes.base import Evidence, Outcome, Probe
from probes.languages import guess_language, primary
from probes.vocabulary import terms

MIN_WORDS = 50
MIN_BLOCK_WORDS = 3
LINKABLE = ("li", "p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "dt", "dd", "td", "span")
LETTERS = re.compile(r"[\W_]+")
BANDS = ((25, "very easy"), (30, "easy"), (40, "medium"), (50, "hard"), (60, "very hard"), (float("inf"), "bureaucratic"))
BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "blockquote", "figcaption",
         "caption", "pre", "div", "section", "article", "br", "tr", "summary", "label", "legend", "address"}
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "form", "button", "select", "iframe", "nav", "aside",
             "dialog", "object", "video", "audio", "canvas", "map")
DROP_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog")
# Matched at the start of a class or id token, so "has-cookie-banner" on <body> drops nothing.
DROP_CLASS = re.compile(r"^(cookie|consent|breadcrumb|skip-?link|share|social-?share|sharing|sr-only|visually-?hidden"
                        r"|screen-?reader|print-only)", re.I)
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
DOTTED = re.compile(r"(?<!\w)(?:[^\W\d_]{1,4}\.){2,}")  # t.ex. bl.a. fr.o.m. m.m.
SENTENCE_END = re.compile(r"(?<=[.!?:])[\"'”»)]*\s+(?=[\"'“«(]?[A-ZÅÄÖÉÜ0-9])|(?<=[!?])\s+")


def main_blocks(html: str) -> tuple[list[str], str]:
    """The main content's text blocks (paragraphs, headings, list items), and where it was found."""
    root = lxml.html.fromstring(html)
    page_lang = primary(root.get("lang"))
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        role = (el.get("role") or "").lower()
        hidden = el.get("hidden") is not None or el.get("aria-hidden") == "true" or re.search(
            r"display\s*:\s*none|visibility\s*:\s*hidden", el.get("style") or "")
        chrome = el.tag in ("header", "footer") and not any(a.tag == "article" for a in el.iterancestors())
        tokens = f"{el.get('class') or ''} {el.get('id') or ''}".split()
        marked = el.tag not in ("body", "main", "article") and any(DROP_CLASS.match(t) for t in tokens)
        foreign = page_lang and el.get("lang") and primary(el.get("lang")) != page_lang  # a quote, a summary
        if el.tag in DROP_TAGS or role in DROP_ROLES or hidden or chrome or marked or foreign:
            el.drop_tree()
    for el in list(root.iter(*LINKABLE)):
        links = "".join(a.text_content() for a in el.iter("a"))
        if links.strip() and LETTERS.sub("", links) == LETTERS.sub("", el.text_content()):
            el.drop_tree()  # link lists, teaser cards, "Alla nyheter · Prenumerera": navigation, not prose
    container, where = root, "body"
    for xpath, name in (("//main", "main"), ("//*[@role='main']", "main"), ("//article", "article")):
        found = root.xpath(xpath)
        if len(found) == 1 or (found and name == "main"):
            container, where = found[0], name
            break
    for el in container.iter():
        if isinstance(el.tag, str) and el.tag in BLOCK:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    blocks = [re.sub(r"\s+", " ", b).strip() for b in container.text_content().split("\n")]
    # one- and two-word labels without a full stop ("Kontaktcenter", "Boka tid") are not prose
    return [b for b in blocks if len(WORD.findall(b)) >= MIN_BLOCK_WORDS or b.endswith((".", "!", "?"))], where


def sentences(block: str) -> list[str]:
    """Sentences of one block; a heading or list item without a full stop is one sentence."""
    abbrevs = set(terms("languages", "abbreviations.sv").terms)
    text = DOTTED.sub(lambda m: m.group(0).replace(".", ""), block)
    text = re.sub(r"(?<!\w)(\w+)\.(?=\s)", lambda m: m.group(1) if m.group(1).lower() in abbrevs else m.group(0), text)
    return [s for s in SENTENCE_END.split(text) if WORD.search(s)]


def lix(blocks: list[str]) -> dict[str, Any]:
    sents = [s for b in blocks for s in sentences(b)]
    lengths = [len(WORD.findall(s)) for s in sents]
    words = [w for s in sents for w in WORD.findall(s)]
    n_words, n_sents = len(words), max(1, len(sents))
    long_words = sum(1 for w in words if sum(c.isalpha() for c in w) > 6)
    value = n_words / n_sents + 100 * long_words / max(1, n_words)
    return {"lix": round(value, 1), "band": next(name for top, name in BANDS if value < top), "words": n_words,
            "sentences": len(sents), "long_words": long_words, "mean_sentence_length": round(n_words / n_sents, 1),
            "long_sentences": sum(1 for n in lengths if n > 30)}


class ReadabilityProbe(Probe):
    id = "readability"
    version = "1"
    description = "LIX and sentence length of each page's main text (klarspråk)."
    requires = ("html", "document")
    scope = "page"
    criteria = ("readability.lix", "readability.sentence-length")

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        if (artifacts.get("status") or 0) >= 400:
            return self._na("The page did not load (HTTP error).", {})
        html = str(artifacts.get("html") or "")
        try:
            blocks, where = main_blocks(html) if html.strip() else ([], "none")
        except (ValueError, lxml.etree.ParserError):
            blocks, where = [], "unparsable"
        stats = lix(blocks)
        stats["measured"] = where
        declared = primary((artifacts.get("document") or {}).get("lang"))
        guessed = guess_language(" ".join(blocks))
        language = guessed or declared or "sv"
        stats.update(lang=declared or None, guessed_lang=guessed)
        if stats["words"] < MIN_WORDS:
            return self._na(f"Too little main text to measure ({stats['words']} words).", stats)
        if language != "sv":
            return self._na(f"The main text is not Swedish ({language}); LIX bands are Swedish.", stats)
        value, mean = stats["lix"], stats["mean_sentence_length"]
        lix_outcome = Outcome.PASS if value < 40 else Outcome.PARTIAL if value < 50 else Outcome.FAIL
        len_outcome = Outcome.PASS if mean <= 20 else Outcome.PARTIAL if mean <= 25 else Outcome.FAIL
        return [
            Evidence("readability.lix", lix_outcome, f"LIX {value} ({stats['band']}) over {stats['words']} words.",
                     score=round(min(1.0, max(0.0, (60 - value) / 30)), 3), details=stats),
            Evidence("readability.sentence-length", len_outcome,
                     f"Sentences average {mean} words; {stats['long_sentences']} are longer than 30 words.",
                     score=round(min(1.0, max(0.0, (30 - mean) / 15)), 3), details=stats),
        ]

    def _na(self, message: str, details: dict[str, Any]) -> list[Evidence]:
        return [Evidence(c, Outcome.NOT_APPLICABLE, message, details=details) for c in self.criteria]
