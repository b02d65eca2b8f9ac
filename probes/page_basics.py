"""page-basics: what every page should have before anything else can be judged.

HTTP status, HTTPS, a descriptive <title>, a valid `lang` on <html> (WCAG 3.1.1) and a meta
description. Runs on error pages too, so that a broken page fails `page.status`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar
from urllib.parse import urlsplit

from probes.base import Evidence, Outcome, Probe

LANG_RE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
GENERIC_TITLES = {"", "start", "startsida", "home", "hem", "index", "untitled", "document", "ny sida", "new page"}


class PageBasicsProbe(Probe):
    id = "page-basics"
    version = "1"
    description = "HTTP status, HTTPS, page title, html lang and meta description of every page."
    requires = ("document",)
    scope = "page"
    criteria = ("page.status", "page.https", "page.title", "page.lang", "page.description")
    on_error_pages: ClassVar[bool] = True

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        status = artifacts.get("status")
        url = artifacts.get("final_url") or artifacts.get("url") or ""
        out = [self._status(status)]
        doc = artifacts.get("document")
        if status is None or status >= 400 or not isinstance(doc, dict):
            why = "the page could not be read" if status is None else f"the page answered HTTP {status}"
            out += [Evidence(c, Outcome.ERROR, f"Not measured: {why}.") for c in self.criteria[1:]]
            return out
        scheme = urlsplit(url).scheme
        out.append(Evidence("page.https", Outcome.PASS if scheme == "https" else Outcome.FAIL,
                            "Served over HTTPS." if scheme == "https" else "Served over plain HTTP.",
                            details={"url": url}))
        out.append(self._title(str(doc.get("title") or "")))
        out.append(self._lang(doc.get("lang")))
        desc = str((doc.get("meta") or {}).get("description") or "").strip()
        out.append(Evidence("page.description", Outcome.PASS if len(desc) >= 20 else Outcome.FAIL,
                            "Has a meta description." if len(desc) >= 20 else
                            ("The meta description is too short." if desc else "No meta description."),
                            details={"description": desc[:300], "length": len(desc)}))
        return out

    @staticmethod
    def _status(status: int | None) -> Evidence:
        if status is None:
            return Evidence("page.status", Outcome.ERROR, "The page gave no HTTP answer.")
        ok = 200 <= status < 400
        return Evidence("page.status", Outcome.PASS if ok else Outcome.FAIL, f"The page answered HTTP {status}.",
                        details={"status": status})

    @staticmethod
    def _title(title: str) -> Evidence:
        clean = " ".join(title.split())
        if clean.casefold() in GENERIC_TITLES:
            return Evidence("page.title", Outcome.FAIL, "The page has no descriptive title.",
                            details={"title": clean[:200]})
        if len(clean) < 4 or len(clean) > 120:
            return Evidence("page.title", Outcome.PARTIAL, f"The title is {len(clean)} characters long.",
                            details={"title": clean[:200], "length": len(clean)})
        return Evidence("page.title", Outcome.PASS, "The page has a title.", details={"title": clean[:200]})

    @staticmethod
    def _lang(lang: object) -> Evidence:
        value = str(lang or "").strip()
        if not value:
            return Evidence("page.lang", Outcome.FAIL, "<html> has no lang attribute (WCAG 3.1.1).")
        if not LANG_RE.match(value):
            return Evidence("page.lang", Outcome.FAIL, f"<html lang={value[:40]!r}> is not a valid language tag.",
                            details={"lang": value[:40]})
        return Evidence("page.lang", Outcome.PASS, f"<html lang={value!r}>.", details={"lang": value})
