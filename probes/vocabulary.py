"""Words probes look for, kept in data files per language pack (probes/data/<lang>/<area>.toml).

A pack is data, not code: a Norwegian or Finnish pack is another folder. Terms match word
forms, not exact strings: text is case-folded, whitespace-collapsed, and a term matches at a
word start, so "kontakt" finds "Kontakta oss" and "kontaktformulär" but not "bokontakt".
A term written with a trailing "$" must end at a word boundary ("ring mig$").
Diacritics are kept (å, ä, ö matter in Swedish) but a folded form is also tried, so
URL slugs like "tillganglighet" match "tillgänglighet".
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
DEFAULT_PACKS: tuple[str, ...] = ("sv", "en")


class _CombiningMarks(dict[int, int | None]):
    """A str.translate table deleting combining marks, filled in as characters are met (a
    C-speed lookup per character instead of a Python call)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_STRIP_MARKS = _CombiningMarks()
_SPACE = re.compile(r"\s+")
CACHED_TEXT = 2000  # texts up to this length have their folded forms cached (link texts, labels)


def fold(text: str) -> str:
    """Lower-case, strip diacritics, collapse whitespace: 'Tillgänglighet' -> 'tillganglighet'."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKD", text.casefold()).translate(_STRIP_MARKS)).strip()


def normalize(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text.casefold())).strip()


def _forms(text: str) -> tuple[str, ...]:
    """The normalised and the folded form (one when they agree): what terms are matched in."""
    n, f = normalize(text), fold(text)
    return (n,) if n == f else (n, f)


_cached_forms = lru_cache(maxsize=8192)(_forms)


def forms(text: str) -> tuple[str, ...]:
    """`_forms`, cached for short texts: one link text is tried against many term sets."""
    return _cached_forms(text) if len(text) <= CACHED_TEXT else _forms(text)


@dataclass(frozen=True)
class Terms:
    """A compiled set of terms; `find` returns the first matching term, or None."""

    terms: tuple[str, ...]

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return _compile(self.terms)

    def find(self, text: str | None) -> str | None:
        if not text or not self.terms:
            return None
        pattern = self._pattern
        for candidate in forms(text):
            m = pattern.search(candidate)
            if m:
                return m.group(0)
        return None

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self.find(text) is not None

    def __bool__(self) -> bool:
        return bool(self.terms)


@cache
def _compile(terms: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for term in sorted(set(terms), key=len, reverse=True):
        end = term.endswith("$")
        body = term[:-1] if end else term
        for variant in sorted({normalize(body), fold(body)}):
            esc = re.escape(variant).replace(r"\ ", r"[\s\-_/]*")
            parts.append(esc + (r"(?![\w])" if end else ""))
    # One shared word-start lookbehind: ~50x faster than one per alternative.
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + ")" if parts else r"(?!x)x")


@cache
def load_area(area: str, packs: tuple[str, ...] = DEFAULT_PACKS) -> dict[str, Terms]:
    """Merge `<area>.toml` from each pack: {key: Terms}. Each file maps keys to string lists,
    optionally nested one level in tables ([phone] words = [...] -> key "phone.words")."""
    merged: dict[str, list[str]] = {}
    for pack in packs:
        path = DATA / pack / f"{area}.toml"
        if not path.is_file():
            continue
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for key, value in _flatten(data):
            merged.setdefault(key, []).extend(value)
    return {k: Terms(tuple(v)) for k, v in merged.items()}


def _flatten(data: dict[str, object], prefix: str = "") -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.extend(_flatten(value, name + "."))
        elif isinstance(value, list):
            out.append((name, [str(v) for v in value]))
    return out


def terms(area: str, key: str, packs: tuple[str, ...] = DEFAULT_PACKS) -> Terms:
    return load_area(area, packs).get(key, Terms(()))
