"""Mystery-shopper priority: which links a person checking the site would follow first.

A link's priority comes from its text, accessible label and URL matching a category in
crawler/data/keywords.toml, raised when it sits in the header, navigation or footer, and
lowered with depth, so that with a small page budget the contact, login, e-service,
accessibility, language and search pages are visited before ordinary articles.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from probes.vocabulary import Terms

KEYWORDS = Path(__file__).parent / "data" / "keywords.toml"
# Categories a mystery shopper checks; their pages are also rendered in the mobile view.
KEY_KINDS = frozenset({"home", "contact", "login", "eservices", "accessibility", "english", "languages",
                       "easy-read", "sign-language", "search", "about"})
REGION_BONUS = {"header": 3.0, "nav": 2.5, "footer": 2.5, "aside": 0.5, "main": 0.0, "body": 0.0}
DEPTH_PENALTY = 1.0
SITEMAP_PRIORITY = -2.0
# Longer link texts are teasers in running text ("Så loggar du in med BankID …"): their words
# say what an article is about, not which page the link leads to.
MAX_LABEL_WORDS = 6  # sitemap URLs fill the budget after linked pages of equal standing


@dataclass(frozen=True)
class Category:
    name: str
    weight: float
    text: Terms
    url: Terms


@cache
def categories(path: Path = KEYWORDS) -> tuple[Category, ...]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return tuple(
        Category(name, float(spec.get("weight", 1)), Terms(tuple(spec.get("text", []))), Terms(tuple(spec.get("url", []))))
        for name, spec in data.items()
    )


def classify(text: str, url: str) -> tuple[str | None, float]:
    """The mystery-shopper category of a link and its weight (None, 0 for ordinary links)."""
    segments = [seg for seg in unquote(urlsplit(url).path).split("/") if seg]
    slug = segments[-1].rsplit(".", 1)[0] if segments else ""
    path = slug.replace("-", " ").replace("_", " ")
    best: tuple[str | None, float] = (None, 0.0)
    for cat in categories():
        hit = 0.0
        if text and len(text.split()) <= MAX_LABEL_WORDS and cat.text.find(text):
            hit = cat.weight
        elif cat.url.find(slug) or cat.url.find(path):
            hit = cat.weight * 0.8
        if hit > best[1]:
            best = (cat.name, hit)
    return best


def link_priority(text: str, url: str, region: str, depth: int) -> tuple[float, str | None]:
    kind, weight = classify(text, url)
    bonus = REGION_BONUS.get(region, 0.0) if kind else REGION_BONUS.get(region, 0.0) * 0.2
    return weight + bonus - DEPTH_PENALTY * depth, kind
