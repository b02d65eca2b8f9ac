"""Term matching: word starts, folded diacritics, and the cached fast path agreeing with the slow one."""

from __future__ import annotations

import re
import unicodedata

from probes.vocabulary import CACHED_TEXT, Terms, fold, forms


def reference_fold(text: str) -> str:
    """The plain definition: NFKD, drop every combining mark, collapse whitespace."""
    nfkd = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"\s+", " ", "".join(c for c in nfkd if not unicodedata.combining(c))).strip()


SAMPLES = ["Tillgänglighet för alla", "  Kontakta\n\toss  ", "ÅÄÖ åäö Ü é ñ ç", "ﬁnska ligaturer ²",
           "Meänkielellä sámegillii", "עִבְרִית", "Ελληνικά ά", "Tiếng Việt", "", "x" * (CACHED_TEXT + 5)]


def test_fold_agrees_with_its_definition() -> None:
    for text in SAMPLES:
        assert fold(text) == reference_fold(text), text


def test_forms_cached_and_uncached_agree() -> None:
    for text in SAMPLES:
        assert forms(text) == forms(text)
        assert forms(text)[-1] == fold(text)


def test_terms_match_word_starts_in_either_form() -> None:
    t = Terms(("kontakt", "tillgänglighet", "ring mig$"))
    assert t.find("Kontakta oss") == "kontakt"
    assert t.find("bokontakt") is None
    assert t.find("/om/tillganglighet") == "tillganglighet"
    assert t.find("Ring mig") == "ring mig" and t.find("ring migo") is None
