"""Can a citizen reach the organisation in the channel they prefer (webbriktlinje R4)?

Twelve channels, each found where a visitor meets it: tel:/mailto: links and Swedish
numbers or (obfuscated) addresses in headers, footers, sidebars and on contact pages — not
inside articles, so a press contact in a press release does not count; links and buttons
(never links inside running prose) for forms, chat, callback, booking, FAQ, complaints and
subscriptions; chat widgets by their vendors' scripts, frames and markup; page feedback by
its question. The vocabulary is data (probes/data/<pack>/contact.toml). Details name the
page, region, selector and snippet of every find, so a result can be checked by hand.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit

from crawler.urls import canonicalize
from probes.base import Evidence, Outcome, Probe, site_of
from probes.eid_login import PageDom, dom_of, match, readable, selector
from probes.vocabulary import Terms, load_area, terms

CHANNELS = ("phone", "email", "form", "chat", "callback", "booking", "opening-hours", "address", "faq",
            "page-feedback", "complaints", "subscribe")
LABELS = {"phone": "a phone number", "email": "an e-mail address", "form": "a contact form", "chat": "a chat",
          "callback": "a callback service", "booking": "booking of a meeting", "opening-hours": "opening hours",
          "address": "a visiting address", "faq": "frequently asked questions", "page-feedback": "feedback on pages",
          "complaints": "a way to give views and complaints", "subscribe": "subscriptions (newsletter, RSS, alerts)"}
# Channels named by the words of links and buttons (anywhere outside running prose).
WORD_CHANNELS = ("chat", "callback", "booking", "faq", "complaints", "subscribe", "form")
# Channels also named by short texts (headings, labels) on service pages and in menus.
TEXT_CHANNELS = ("chat", "callback", "booking", "faq", "complaints", "subscribe")
SERVICE_REGIONS = ("header", "nav", "footer", "aside")
MAIN_CHANNELS = ("phone", "email", "form")
MAX_TEXT = 600  # longer blocks are articles, not contact details
MAX_LISTED = 6


def _t(key: str) -> Terms:
    return terms("contact", key)


def _f(key: str, text: str) -> str | None:
    return match("contact", key, text)


@dataclass
class Find:
    channel: str
    url: str
    viewport: str
    region: str
    selector: str
    snippet: str
    rule: str

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("url", "viewport", "region", "selector", "snippet", "rule")}


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    """Regular expressions built from the data files: numbers, obfuscated e-mail, hours, addresses."""
    alt = lambda key, esc=True: "|".join(  # noqa: E731
        re.escape(w) if esc else w for w in sorted(_t(key).terms, key=len, reverse=True))
    email = (rf"(?<![\w.+-])[a-z0-9][\w.+-]*?\s*(?:{alt('email_at')})\s*[a-z0-9][a-z0-9-]*"
             rf"(?:\s*(?:{alt('email_dot')})\s*[a-z0-9-]+)*?\s*(?:{alt('email_dot')})\s*(?:{alt('email_tlds')})(?![\w-])")
    days = rf"(?:{alt('days')})\.?"
    time = r"\d{1,2}(?:[.:]\d{2})?"
    hours = (rf"(?<!\w){days}(?:\s*(?:[-–—]|till|to|och)\s*{days})?(?!\w)[\s:,]*(?:kl\.?\s*)?{time}\s*"
             rf"(?:[-–—]|till|to)\s*{time}")
    street = (rf"(?<!\w)(?:[A-ZÅÄÖ][\wåäöé]+ [a-zåäöé]*|[A-ZÅÄÖ][a-zåäöé]*?)(?:{alt('street_suffixes')}) "
              rf"\d{{1,4}}[A-Za-z]?(?![\d\w])")
    return {"phone": re.compile("|".join(f"(?:{p})" for p in _t("phone_patterns").terms)),
            "email": re.compile(email, re.I), "hours": re.compile(hours, re.I), "street": re.compile(street),
            "postcode": re.compile(r"(?<![\d\w])[1-9]\d{2} ?\d{2} [A-ZÅÄÖ][a-zåäö]+")}


def phone_numbers(text: str) -> list[str]:
    """Swedish numbers in text, checked by digit count (7–9 digits after the trunk 0 or +46)."""
    found = []
    for m in patterns()["phone"].finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        prefix = next((re.sub(r"\D", "", p) for p in _t("phone_country_prefixes").terms
                       if m.group(0).startswith(p)), None)
        national = digits[len(prefix):].removeprefix("0") if prefix else digits[1:] if digits[:1] == "0" else ""
        if 7 <= len(national) <= 9 and not national.startswith("0"):
            found.append(m.group(0).strip())
    return found


def address_rule(text: str) -> str | None:
    """Why a text gives a visiting address (a label, or a street with a postcode or an invitation)."""
    street = patterns()["street"].search(text)
    if _f("address", text):
        return "visiting address label"
    if street and (_f("address_weak", text) or patterns()["postcode"].search(text)):
        return f"street address {street.group(0)!r}"
    if _f("postal", text) or patterns()["postcode"].search(text):
        return "postal address only"
    return None


def is_contact_page(page: Mapping[str, Any], dom: PageDom) -> bool:
    path = unquote(urlsplit(str(page.get("final_url") or page.get("url") or "")).path).replace("-", " ")
    return page.get("kind") == "contact" or any(_f("contact_page", x) for x in (dom.title, *dom.h1s, path))


@cache
def vendor_terms() -> dict[str, Terms]:
    return {k.split(".", 1)[1]: v for k, v in load_area("contact").items() if k.startswith("chat_vendors.")}


@lru_cache(maxsize=100_000)
def chat_vendor(value: str) -> str | None:
    """The chat vendor a script URL, frame URL or id/class string belongs to (one pass to rule most out)."""
    if not Terms(tuple(t for w in vendor_terms().values() for t in w.terms)).find(value):
        return None
    return next((vendor for vendor, words in vendor_terms().items() if words.find(value)), None)


def page_finds(page: Mapping[str, Any], dom: PageDom) -> tuple[list[Find], list[int]]:
    """Every channel on one page, and the depths at which contact pages are reached from it."""
    url = str(page.get("final_url") or page.get("url") or "")
    vp = str(page.get("viewport") or "desktop")
    service = page.get("is_home") or page.get("kind") == "home" or is_contact_page(page, dom)
    regions = SERVICE_REGIONS + (("main", "body") if service else ())
    depth = page.get("depth") if isinstance(page.get("depth"), int) else None
    finds: list[Find] = []
    contact_depths = [depth] if service and not page.get("is_home") and depth is not None else []

    def add(ch: str, reg: str, el: Any, snip: str, rule: str) -> None:
        finds.append(Find(ch, url, vp, reg, el if isinstance(el, str) else selector(el), snip[:160], rule))

    for c in dom.controls():
        href = c.href.strip()
        scheme = href.split(":", 1)[0].lower() if ":" in href else ""
        if scheme == "tel" and c.region in regions:
            add("phone", c.region, c.el, f"{c.name} <{href}>", "tel: link")
        if (scheme == "mailto" and href[7:].split("?")[0].strip() or "email-protection" in href) and c.region in regions:
            add("email", c.region, c.el, f"{c.name} <{href}>", "mailto: link")
        if c.prose:
            continue
        for ch in WORD_CHANNELS:
            word = _f(ch, c.name) or (ch == "subscribe" and _f("subscribe", href.rsplit("/", 2)[-1]))
            if word and not (ch == "complaints" and _f("page_feedback", c.name)):
                add(ch, c.region, c.el, c.name, f"{c.kind} named {word!r}")
        if _f("page_feedback", c.name):
            add("page-feedback", c.region, c.el, c.name, f"{c.kind} asks for feedback on the page")
        if depth is not None and (_f("contact_page", c.name) or _f("contact_page",
                unquote(urlsplit(href).path).replace("-", " "))) and scheme in ("", "http", "https"):
            contact_depths.append(depth + 1)
    for el, text in dom.short_texts(MAX_TEXT):
        region = dom.region.get(el, "body")
        if _f("page_feedback", text) and len(text) <= 200:
            add("page-feedback", region, el, text, "asks whether the page helped")
        if region not in regions:
            continue
        for number in phone_numbers(text):
            add("phone", region, el, number, "phone number in text")
        for m in patterns()["email"].finditer(text):
            add("email", region, el, m.group(0), "e-mail address in text")
        in_link = el.tag == "a" or any(a.tag == "a" for a in el.iterancestors())  # a news title is no detail
        if (m2 := patterns()["hours"].search(text)) or (not in_link and _f("hours", text)):
            add("opening-hours", region, el, m2.group(0) if m2 else text, "opening hours")
        if not in_link and (rule := address_rule(text)):
            add("address" if rule != "postal address only" else "postal", region, el, text, rule)
        if len(text) <= 200:
            for key in TEXT_CHANNELS:
                if (word := _f(key, text)) and not (key == "complaints" and _f("page_feedback", text)):
                    add(key, region, el, text, f"text {word!r} on a service page or menu")
    finds += form_finds(url, vp, dom) + chat_finds(url, vp, dom, page.get("network") or [])
    for rel, typ, href in dom.head_links:
        if "alternate" in rel.lower() and ("rss" in typ or "atom" in typ):
            add("subscribe", "head", "link[rel=alternate]", href, "RSS/Atom feed declared")
    return finds, contact_depths


def form_finds(url: str, vp: str, dom: PageDom) -> list[Find]:
    """Message forms: a textarea or message field; not search, login, newsletter, comment or chat forms.

    What a form is for is read from its attributes, field names and buttons, not from its label
    texts ("Din fråga (skriv inte personnummer)" is still a contact form)."""
    out = []
    for form in dom.root.iter("form"):
        fields = " ".join(f"{i.get('name') or ''} {i.get('id') or ''} {i.get('placeholder') or ''} "
                          f"{i.get('aria-label') or ''}" for i in form.iter("input", "textarea", "select"))
        buttons = " ".join(dom.name(b) for b in form.xpath(".//button | .//input[@type='submit']"))
        around = " ".join(f"{a.get('id') or ''} {a.get('class') or ''}" for a in form.iterancestors())
        attrs = " ".join([form.get("action") or "", form.get("id") or "", form.get("class") or "",
                          form.get("aria-label") or "", fields, buttons])
        region, sel, text = dom.region.get(form, "body"), selector(form), dom.text(form)[:160]
        if form.get("role") == "search" or form.xpath(".//input[@type='search' or @type='password']"):
            continue
        if _f("chat", f"{attrs} {around}") or _f("chat_markup", f"{attrs} {around}"):
            continue  # the chat's own input box; the chat is found by chat_finds
        if _f("page_feedback", dom.text(form)):
            out.append(Find("page-feedback", url, vp, region, sel, text, "feedback form on the page"))
        elif not _f("form_not", attrs) and (form.xpath(".//textarea") or _f("form_fields", fields)):
            out.append(Find("form", url, vp, region, sel, text, "message form (textarea or message field)"))
    return out


def chat_finds(url: str, vp: str, dom: PageDom, network: list[Any]) -> list[Find]:
    """Chat widgets by vendor (scripts, frames, requests, ids and classes) or by generic launcher markup."""
    out = []
    sources = [("script", s) for s in dom.scripts]
    sources += [("network", str(r.get("url") or "")) for r in network if isinstance(r, Mapping)]
    sources += [("iframe", str(f.get("src") or "")) for f in dom.root.iter("iframe")]
    for el in dom.root.iter():
        if isinstance(el.tag, str) and (el.get("id") or el.get("class")):
            sources.append(("markup", f"{el.get('id') or ''} {el.get('class') or ''}".strip()))
    seen = set()
    for where, value in dict.fromkeys(sources):
        vendor = chat_vendor(value)
        if vendor and vendor not in seen:
            seen.add(vendor)
            out.append(Find("chat", url, vp, where, where, value[:160], f"{vendor} chat widget"))
        if where == "markup" and "markup" not in seen and _f("chat_markup", value):
            seen.add("markup")
            out.append(Find("chat", url, vp, where, value.split()[0], value[:160], "chat launcher markup"))
    return out


class ContactChannelsProbe(Probe):
    id = "contact-channels"
    version = "1"
    description = "Phone, e-mail, form, chat, callback, booking and other ways to reach the organisation."
    requires = ("html", "network")
    scope = "site"
    pages = "all"
    criteria = tuple(f"contact.{c}" for c in CHANNELS) + ("contact.reachable", "contact.mobile")

    def digest(self, page: Mapping[str, Any], site: Mapping[str, Any]) -> Any:
        """The page's finds and contact-page depths (None: no readable HTML)."""
        dom = dom_of(page)
        return None if dom is None else page_finds(page, dom)

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        site = site_of(artifacts)
        digested = [(page, self.digest_of(page, site)) for page in readable(artifacts.get("pages") or [])]
        parsed = [(page, found) for page, found in digested if found is not None]
        home = str(artifacts.get("home_url") or "") or None
        if not parsed:
            return self.error_evidence("No page of the site could be read, so no contact channel could be looked for.",
                                       url=home)
        finds: list[Find] = []
        depths: list[int] = []
        for _page, (f, d) in parsed:
            finds += f
            depths += d
        out = [self._channel(ch, finds, home) for ch in CHANNELS]
        out.append(self._reachable(depths, home))
        out.append(self._mobile(parsed, finds, home))
        return out

    def _channel(self, ch: str, finds: list[Find], home: str | None) -> Evidence:
        hits = unique(f for f in finds if f.channel == ch)
        crit = f"contact.{ch}"
        details: dict[str, Any] = {"found": [h.as_dict() for h in hits[:MAX_LISTED]], "count": len(hits)}
        if ch == "address" and not hits:
            postal = unique(f for f in finds if f.channel == "postal")
            if postal:
                details = {"found": [h.as_dict() for h in postal[:MAX_LISTED]], "count": 0}
                return Evidence(crit, Outcome.PARTIAL, f"Only a postal address was found ({postal[0].snippet[:60]!r}).",
                                details=details, url=postal[0].url)
        if not hits:
            return Evidence(crit, Outcome.FAIL, f"No sign of {LABELS[ch]} was found on the pages read.",
                            details=details, url=home)
        h = hits[0]
        return Evidence(crit, Outcome.PASS, f"The site offers {LABELS[ch]}: {h.snippet[:60]!r} ({h.rule}, {h.region} "
                        f"of {h.url}).", details=details, url=h.url)

    def _reachable(self, depths: list[int], home: str | None) -> Evidence:
        best = min(depths) if depths else None
        details = {"clicks": best, "limit": 2}
        if best is None:
            return Evidence("contact.reachable", Outcome.FAIL, "No contact page or link to one was found.",
                            details=details, url=home)
        outcome = Outcome.PASS if best <= 2 else Outcome.PARTIAL
        return Evidence("contact.reachable", outcome, f"A contact page is {best} click(s) from the home page.",
                        details=details, url=home)

    def _mobile(self, parsed: list[tuple[Mapping[str, Any], Any]], finds: list[Find],
                home: str | None) -> Evidence:
        mobile_urls = {canonicalize(str(p.get("final_url") or p.get("url"))) for p, _ in parsed
                       if p.get("viewport") == "mobile"}
        if not mobile_urls:
            return Evidence("contact.mobile", Outcome.NOT_APPLICABLE, "No page was rendered in the mobile view.", url=home)
        main = [f for f in finds if f.channel in MAIN_CHANNELS and canonicalize(f.url) in mobile_urls]
        desk = {f.channel for f in main if f.viewport == "desktop"}
        mob = {f.channel for f in main if f.viewport == "mobile"}
        details = {"desktop": sorted(desk), "mobile": sorted(mob), "pages_compared": len(mobile_urls),
                   "found": [f.as_dict() for f in unique(f for f in main if f.viewport == "mobile")[:MAX_LISTED]]}
        missing = sorted(desk - mob)
        if mob and not missing:
            return Evidence("contact.mobile", Outcome.PASS, f"The mobile view offers {', '.join(sorted(mob))}.",
                            details=details, url=home)
        if mob:
            return Evidence("contact.mobile", Outcome.PARTIAL, f"The mobile view lacks {', '.join(missing)}.",
                            details=details, url=home)
        return Evidence("contact.mobile", Outcome.FAIL, "No phone, e-mail or contact form was found in the mobile view.",
                        details=details, url=home)


def unique(finds: Any) -> list[Find]:
    """One find per (channel, snippet): headers and footers repeat on every page."""
    seen: set[tuple[str, str]] = set()
    out = []
    for f in finds:
        key = (f.channel, re.sub(r"\W+", "", f.snippet.casefold())[:80])
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
