"""The accessibility statement (tillgänglighetsredogörelse) that DOS-lagen requires, as DIGG prescribes it.

Found the way a visitor finds it: a link whose text, label or URL names it, from the pages
crawled (click depth = the linking page's depth + 1; the home page is depth 0). A link
named only "Tillgänglighet" is common in footers but also used for physical access, so
every candidate page must read like a statement (a core word such as "förenlig" or
"2018:1937" plus one more marker) before it counts; a page that mentions accessibility in
passing never does. The text comes from the crawled page, or — for statements off-site,
as PDF, or beyond the crawl's caps — from the `statement_page` site artifact, which
fetches those candidates (crawler/gatherers/statement.py). A PDF statement is recorded
and counted as a weaker form (partial), as is an English-only statement on a Swedish site.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from urllib.parse import unquote, urlsplit

from probes.base import Evidence, Outcome, Probe
from probes.vocabulary import Terms, fold, terms

AREA = "accessibility"
CRITERIA = ("statement.link", "statement.on-every-page", "statement.compliance-status", "statement.known-issues",
            "statement.updated-recently", "statement.method", "statement.feedback", "statement.digg-report-link")
CONTENT = CRITERIA[2:]
MAX_AGE_DAYS = 365
SV_WORDS = {"och", "att", "som", "för", "är", "på", "med", "inte", "till", "av", "det", "vi", "har", "om"}
EN_WORDS = {"and", "the", "to", "of", "is", "we", "this", "for", "with", "not", "are", "on", "you", "has"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(\+46|\b0)\s?\d{1,3}[\s-]?\d{2,3}[\s-]?\d{2}[\s-]?\d{2}\b")
SC_REF = re.compile(r"\b(?:9\.)?[1-4]\.\d{1,2}\.\d{1,2}\b")


def today() -> date:
    """The reference day for the statement's age (patched in tests)."""
    return date.today()


def t(key: str) -> Terms:
    return terms(AREA, key)


def _count(keys: Terms, text: str) -> set[str]:
    return {term for term in keys.terms if Terms((term,)).find(text)}


def language(text: str) -> str | None:
    words = re.findall(r"[a-zåäö]+", text.casefold()[:20000])
    sv, en = sum(w in SV_WORDS for w in words), sum(w in EN_WORDS for w in words)
    if sv + en < 5:
        return None
    return "sv" if sv >= en else "en"


def is_statement(text: str) -> bool:
    """A core word only a statement uses, plus one more marker."""
    return bool(_count(t("statement.core"), text)) and len(_count(t("statement.markers"), text)) >= 2


def _link_strength(link: Mapping[str, Any]) -> int:
    words = f"{link.get('text') or ''} {link.get('label') or ''}".strip()
    path = fold(unquote(urlsplit(str(link.get("url") or "")).path).replace("/", " ").replace("-", " "))
    if t("statement.not").find(words) or t("statement.not").find(path):
        return 0
    if t("statement.link_strong").find(words):
        return 3
    if t("statement.link_weak").find(words):
        return 2
    return 1 if t("statement.url").find(path) else 0


def desktop_pages(pages: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    desk = [p for p in pages if p.get("viewport", "desktop") == "desktop"]
    return desk or list(pages)


def candidate_links(pages: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Links that may lead to the statement, merged by URL, strongest and shallowest first."""
    found: dict[str, dict[str, Any]] = {}
    for page in desktop_pages(pages):
        depth = int(page.get("depth") or 0) + 1
        for link in page.get("links") or []:
            if link.get("scheme", "http") not in ("http", "https"):
                continue
            strength = _link_strength(link)
            if not strength:
                continue
            url = str(link.get("url") or "").split("#")[0]
            c = found.setdefault(url, {"url": url, "strength": 0, "depth": depth, "link_text": link.get("text"),
                                       "regions": set(), "on_pages": set(), "home": False})
            c["strength"] = max(c["strength"], strength)
            c["depth"] = min(c["depth"], depth)
            c["regions"].add(link.get("region"))
            c["on_pages"].add(page.get("final_url") or page.get("url"))
            c["home"] = c["home"] or bool(page.get("is_home"))
    return sorted(found.values(), key=lambda c: (-c["strength"], c["depth"]))


def parse_dates(text: str) -> list[dict[str, Any]]:
    """Dates in ISO and Swedish/English written forms, each with whether a date word precedes it."""
    low = text.casefold()
    months = [m.casefold() for m in t("dates.months").terms]
    alt = "|".join(sorted(set(months), key=len, reverse=True))
    found: list[tuple[int, date, str]] = []
    patterns = [
        (r"\b(20\d\d)-(\d\d?)-(\d\d?)\b", lambda m: (int(m[1]), int(m[2]), int(m[3])), "day"),
        (rf"\b(\d\d?)(?::e|:a|\.)?\s+({alt})\s+(20\d\d)\b", lambda m: (int(m[3]), months.index(m[2]) % 12 + 1,
                                                                        int(m[1])), "day"),
        (rf"\b({alt})\s+(\d\d?)(?:st|nd|rd|th)?,?\s+(20\d\d)\b", lambda m: (int(m[3]), months.index(m[1]) % 12 + 1,
                                                                              int(m[2])), "day"),
        (rf"\b({alt})\s+(20\d\d)\b", lambda m: (int(m[2]), months.index(m[1]) % 12 + 1, 1), "month"),
    ]
    for pattern, parts, precision in patterns:
        for m in re.finditer(pattern, low):
            if precision == "month" and any(abs(p - m.start()) < 12 for p, _d, _x in found):
                continue  # "12 maj 2024" already read with its day
            try:
                found.append((m.start(), date(*parts(m)), precision))
            except ValueError:
                continue
    near = t("dates.near")
    return [{"date": d.isoformat(), "precision": prec, "labelled": bool(near.find(text[max(0, pos - 120):pos])),
             "context": text[max(0, pos - 60):pos + 20].replace("\n", " ")} for pos, d, prec in sorted(found)]


def compliance_status(text: str) -> tuple[str | None, str | None]:
    """(full | partial | none, the words) from the first sentence that declares a status."""
    for sentence in re.split(r"(?<=[.!?\n])\s+", text):
        for status, key in (("partial", "status.partial"), ("none", "status.none"), ("full", "status.full")):
            found = t(key).find(sentence)
            if found:
                return status, found
    return None, None


class AccessibilityStatementProbe(Probe):
    id = "accessibility-statement"
    version = "1"
    description = "The tillgänglighetsredogörelse: where it is linked and whether it says what DIGG requires."
    requires = ("links", "text", "statement_page")
    scope = "site"
    criteria = CRITERIA

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        pages = [p for p in desktop_pages(list(artifacts.get("pages") or [])) if not p.get("error")]
        if not any(isinstance(p.get("links"), list) for p in pages):
            return self.error_evidence("No page of the site could be read, so no statement could be looked for.")
        docs = self._documents(pages, artifacts.get("statement_page") or {})
        found = [d for d in docs if d["statement"]]
        if not found:
            return self._missing(docs)
        home_lang = next((language(str(p.get("text") or "")) for p in pages if p.get("is_home")), None)
        # The statement in the site's language first (an English translation is secondary), then HTML over PDF.
        doc = max(found, key=lambda d: (language(d["text"]) == home_lang, d["format"] == "html", d["strength"],
                                        -d["depth"]))
        text = doc["text"]
        out = [self._link(doc, home_lang), self._every_page(doc, pages)]
        out[0].details["other_statements"] = [d["final_url"] for d in found if d is not doc][:5]
        status, words = compliance_status(text)
        details = {"statement_url": doc["url"], "status": status, "words": words}
        out.append(Evidence("statement.compliance-status", Outcome.PASS, f"The statement declares itself {words}.",
                            details=details, url=doc["url"]) if status else Evidence(
            "statement.compliance-status", Outcome.REVIEW if t("status.word").find(text) else Outcome.FAIL,
            "The statement does not use DIGG's wording (helt / delvis / inte förenlig).", details=details,
            url=doc["url"]))
        out += [self._issues(doc, status), self._updated(doc), self._simple(doc, "statement.method", "method.words",
                "the evaluation method"), self._feedback(doc), self._digg(doc)]
        return out

    def _documents(self, pages: list[Mapping[str, Any]], fetched: Mapping[str, Any]) -> list[dict[str, Any]]:
        by_url: dict[str, Mapping[str, Any]] = {}
        for p in pages:
            for key in ("url", "final_url"):
                if p.get(key) and p.get("text"):
                    by_url[str(p[key])] = p
        for f in fetched.get("fetched") or []:
            for key in ("url", "final_url"):
                if f.get(key) and f.get("text") is not None:
                    by_url.setdefault(str(f[key]), f)
        cands = candidate_links(pages)
        known = {c["url"] for c in cands}
        cands += [{"url": p.get("final_url") or p.get("url"), "strength": 1, "depth": int(p.get("depth") or 0),
                   "link_text": None, "regions": set(), "on_pages": set(), "home": False}
                  for p in pages if p.get("kind") == "accessibility" and (p.get("final_url") or p.get("url")) not in known]
        docs = []
        for c in cands:
            src = by_url.get(c["url"])
            attempt = next((f for f in fetched.get("fetched") or [] if f.get("url") == c["url"]), None) or {}
            text = str(src.get("text") or "") if src else ""
            doc = {**c, "final_url": (src or {}).get("final_url") or c["url"], "text": text,
                   "format": (src or attempt).get("format") or "html", "links": list((src or {}).get("links") or []),
                   "readable": bool(src), "error": attempt.get("error") if not src else None}
            doc["statement"] = bool(text) and is_statement(text)
            docs.append(doc)
        return docs

    def _missing(self, docs: list[dict[str, Any]]) -> list[Evidence]:
        unread = [d for d in docs if not d["readable"] and d["strength"] >= 2]
        pdfs = [d for d in unread if d["format"] == "pdf"]
        if pdfs:
            msg = "A PDF named as the statement was found, but its text could not be read."
            details = {"url": pdfs[0]["url"], "format": "pdf", "depth": pdfs[0]["depth"], "error": pdfs[0]["error"]}
            return [Evidence("statement.link", Outcome.PARTIAL, msg, details=details, url=pdfs[0]["url"])] + [
                Evidence(c, Outcome.REVIEW, msg, details=details, url=pdfs[0]["url"]) for c in CRITERIA[1:]]
        rejected = [{"url": d["url"], "link_text": d.get("link_text")} for d in docs if d["readable"]][:5]
        if unread:
            msg = f"A link that may lead to the statement ({unread[0]['url']}) could not be read."
            details = {"unread": [{"url": d["url"], "error": d.get("error")} for d in unread[:5]]}
            return [Evidence("statement.link", Outcome.REVIEW, msg, details=details)] + [
                Evidence(c, Outcome.ERROR, msg, details=details) for c in CRITERIA[1:]]
        msg = "No accessibility statement was found from the pages crawled."
        return [Evidence(c, Outcome.FAIL, msg, details={"rejected_candidates": rejected}) for c in CRITERIA]

    def _link(self, doc: dict[str, Any], home_lang: str | None) -> Evidence:
        host = urlsplit(doc["final_url"]).hostname or ""
        lang = language(doc["text"])
        details = {"url": doc["url"], "final_url": doc["final_url"], "link_text": doc.get("link_text"),
                   "depth": doc["depth"], "format": doc["format"], "domain": host, "language": lang,
                   "regions": sorted(r for r in doc["regions"] if r), "from_home": doc["home"]}
        weak = []
        if doc["format"] == "pdf":
            weak.append("it is a PDF, not a web page")
        if lang == "en" and home_lang == "sv":
            weak.append("it is only in English")
        if doc["depth"] > 1 and "footer" not in details["regions"]:
            weak.append(f"it is {doc['depth']} clicks from the home page")
        if weak:
            return Evidence("statement.link", Outcome.PARTIAL, "The statement was found, but " + "; ".join(weak) + ".",
                            details=details, url=doc["final_url"])
        return Evidence("statement.link", Outcome.PASS, f"The statement is linked {doc['depth']} click(s) from the "
                        f"home page ({host}).", details=details, url=doc["final_url"])

    def _every_page(self, doc: dict[str, Any], pages: list[Mapping[str, Any]]) -> Evidence:
        targets = {doc["url"], doc["final_url"]}
        linked = [p for p in pages if isinstance(p.get("links"), list)]
        having = [p for p in linked if any(str(lk.get("url") or "").split("#")[0] in targets for lk in p["links"])]
        share = len(having) / len(linked) if linked else 0.0
        in_footer = "footer" in doc["regions"]
        details = {"pages": len(linked), "with_link": len(having), "share": round(share, 2), "in_footer": in_footer,
                   "without": [p.get("final_url") or p.get("url") for p in linked if p not in having][:10]}
        c = "statement.on-every-page"
        if len(linked) < 2:
            outcome = Outcome.PASS if in_footer else Outcome.REVIEW
            return Evidence(c, outcome, "Only one page was crawled; the link is " + (
                "in its footer, shared by the site's pages." if in_footer else "not in a footer."), details=details)
        if share >= 0.9:
            return Evidence(c, Outcome.PASS, f"The statement is linked from {len(having)} of {len(linked)} pages.",
                            details=details)
        outcome = Outcome.PARTIAL if share >= 0.5 else Outcome.FAIL
        return Evidence(c, outcome, f"The statement is linked from only {len(having)} of {len(linked)} pages.",
                        score=round(share, 2) if outcome is Outcome.PARTIAL else None, details=details)

    def _issues(self, doc: dict[str, Any], status: str | None) -> Evidence:
        text = doc["text"]
        refs = sorted(set(SC_REF.findall(text)))[:20]
        section = t("issues.section").find(text)
        details = {"section": section, "wcag_refs": refs, "exemptions": t("issues.exemptions").find(text)}
        c = "statement.known-issues"
        if section or refs:
            return Evidence(c, Outcome.PASS, "The statement lists its known accessibility problems.", details=details,
                            url=doc["final_url"])
        if status == "full":
            return Evidence(c, Outcome.PASS, "The statement declares full compliance, so it has no problems to list.",
                            details=details, url=doc["final_url"])
        return Evidence(c, Outcome.FAIL, "The statement lists no known accessibility problems.", details=details,
                        url=doc["final_url"])

    def _updated(self, doc: dict[str, Any]) -> Evidence:
        ref = today()
        dates = [d for d in parse_dates(doc["text"]) if date.fromisoformat(d["date"]) <= ref]
        labelled = [d for d in dates if d["labelled"]]
        chosen = max(labelled or dates, key=lambda d: d["date"], default=None)
        c = "statement.updated-recently"
        if chosen is None:
            return Evidence(c, Outcome.FAIL, "The statement gives no assessment or update date.",
                            details={"dates": []}, url=doc["final_url"])
        age = (ref - date.fromisoformat(chosen["date"])).days
        details = {"date": chosen["date"], "age_days": age, "labelled": chosen["labelled"], "dates": dates[:10]}
        if not labelled:
            return Evidence(c, Outcome.REVIEW, f"A date ({chosen['date']}) is on the page, but not as the "
                            "statement's update date.", details=details, url=doc["final_url"])
        outcome = Outcome.PASS if age <= MAX_AGE_DAYS else Outcome.FAIL
        return Evidence(c, outcome, f"The statement was last updated {chosen['date']}, {age} days ago.",
                        details=details, url=doc["final_url"])

    def _simple(self, doc: dict[str, Any], c: str, key: str, what: str) -> Evidence:
        found = t(key).find(doc["text"])
        outcome = Outcome.PASS if found else Outcome.FAIL
        return Evidence(c, outcome, f"The statement {'describes' if found else 'does not describe'} {what}.",
                        details={"found": found}, url=doc["final_url"])

    def _feedback(self, doc: dict[str, Any]) -> Evidence:
        text = doc["text"]
        phrase = t("feedback.words").find(text)
        means = bool(EMAIL.search(text) or PHONE.search(text) or t("feedback.means").find(text)
                     or any(str(lk.get("url", "")).startswith("mailto:") for lk in doc["links"]))
        details = {"found": phrase, "contact_means": means}
        c = "statement.feedback"
        if phrase and means:
            return Evidence(c, Outcome.PASS, "The statement tells how to report problems.", details=details,
                            url=doc["final_url"])
        if phrase or means:
            return Evidence(c, Outcome.PARTIAL, "The statement only partly tells how to report problems.",
                            details=details, url=doc["final_url"])
        return Evidence(c, Outcome.FAIL, "The statement offers no way to give feedback.", details=details,
                        url=doc["final_url"])

    def _digg(self, doc: dict[str, Any]) -> Evidence:
        urls = [str(lk.get("url") or lk.get("href") or "") for lk in doc["links"]]
        hits = [u for u in urls if (urlsplit(u).hostname or "").endswith("digg.se")]
        report = [u for u in hits if re.search(r"tdosanmalan|anmal", fold(u))]
        in_text = "digg.se/tdosanmalan" in fold(doc["text"]).replace("www.", "")
        details = {"links": hits[:5], "in_text": in_text}
        c = "statement.digg-report-link"
        if report or in_text:
            return Evidence(c, Outcome.PASS, "The statement links to DIGG's report form.", details=details,
                            url=doc["final_url"])
        if hits or t("digg.mention").find(doc["text"]):
            return Evidence(c, Outcome.PARTIAL, "The statement mentions DIGG but not its report form "
                            "(digg.se/tdosanmalan).", details=details, url=doc["final_url"])
        return Evidence(c, Outcome.FAIL, "The statement does not link to DIGG's report form.", details=details,
                        url=doc["final_url"])
