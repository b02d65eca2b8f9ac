"""Can a citizen log in with their e-ID (BankID, Freja, a foreign eIDAS e-ID), and where?

A login *offer* is an interactive element — link, button, submit — whose accessible name,
image alt or href names "Logga in"/"Mina sidor" or an e-ID, outside running prose. An
article about BankID fraud, a paragraph telling people to contact their bank, or a link to
bankid.com is a mention, not a login; the evidence keeps the URL, selector, snippet and the
rule that decided each offer, and lists a few of the mentions it set aside. Staff e-IDs
(SITHS, EFOS) and staff logins are recorded separately, never as a citizen login. The probe
never submits a form or follows into an authentication flow: it reads the pages the crawler
rendered. Words and e-ID names live in probes/data/<pack>/eid.toml.

The DOM reading below (`PageDom`: landmarks, prose, controls, selectors) is shared with
`contact-channels`; it would sit well in a module of its own (probes/pagedom.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from crawler.urls import canonicalize, registrable_domain
from probes.base import Evidence, Outcome, Probe, site_of
from probes.vocabulary import Terms, terms

# --- Page DOM: landmarks, prose and controls of a rendered page (shared with contact-channels) ---

SKIP_TAGS = ("script", "style", "noscript", "template")
BLOCK_TAGS = frozenset({"address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt",
                        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                        "header", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
                        "td", "th", "tr", "ul"})
# Blocks that hold running text; a link in a heading, list of links, form or table header is not prose.
PROSE_BLOCKS = frozenset({"p", "li", "dd", "td", "blockquote", "figcaption", "div", "section", "article", "main",
                          "body", "address"})
ITEM_BLOCKS = frozenset({"li", "div", "td", "dd", "p"})  # small containers whose words describe a control
LANDMARK_TAGS = {"header": "header", "footer": "footer", "nav": "nav", "aside": "aside", "main": "main",
                 "article": "main"}
LANDMARK_ROLES = {"banner": "header", "contentinfo": "footer", "navigation": "nav", "complementary": "aside",
                  "main": "main", "article": "main"}
# Site header/footer containers of CMSs that do not use the semantic tags (EPiServer "#header", ...).
LANDMARK_NAME = re.compile(r"^(?:(?:site|page|global|main|top|master|sv|ui)[-_]?)?(header|footer|sidhuvud|sidfot)"
                           r"(?:[-_]?(?:wrapper|container|area|outer|inner|region))?$", re.I)
CONTROLS = ("//a[@href] | //area[@href] | //button | //summary | //input[@type='submit' or @type='button' or "
            "@type='image'] | //*[@role='button' or @role='link' or @role='menuitem' or @role='tab']")
PROSE_MIN = 30  # characters of running text around a link that make it a mention in prose
MENU_LIKE = ("header", "nav", "footer")


WHITESPACE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    return WHITESPACE.sub(" ", text or "").strip()


@dataclass
class Control:
    """A link, button or submit with its accessible name, where it sits, and a CSS-ish selector."""

    kind: str  # "link" | "button"
    name: str
    href: str
    region: str
    prose: bool
    el: Any = field(repr=False)
    dom: PageDom = field(repr=False)

    @cached_property
    def selector(self) -> str:
        return selector(self.el)

    @cached_property
    def context(self) -> str:
        """Form legend/heading, nearby image alts and file names: what the control is about."""
        return self.dom.context(self.el)

    def evidence(self, url: str, viewport: Any) -> dict[str, Any]:
        return {"url": url, "viewport": viewport, "selector": self.selector, "snippet": self.name[:120],
                "href": self.href[:200], "region": self.region}


class PageDom:
    """A rendered page parsed with lxml: each element's landmark region and prose block."""

    def __init__(self, html: str) -> None:
        root = lxml.html.document_fromstring(html)
        self.title = norm(root.findtext(".//title"))
        self.scripts = [str(s.get("src")) for s in root.iter("script") if s.get("src")]
        self.head_links = [(str(x.get("rel") or ""), str(x.get("type") or ""), str(x.get("href") or ""))
                           for x in root.iter("link")]
        etree.strip_elements(root, etree.Comment, *SKIP_TAGS, with_tail=False)
        self.root = root
        self.region: dict[Any, str] = {}
        self.block: dict[Any, Any] = {}
        self.landmarks: set[Any] = set()
        self._text: dict[Any, str] = {}
        body = root.find("body")
        self._walk(body if body is not None else root, "body", False, None)
        self.h1s = [self.text(h) for h in root.iter("h1")][:5]

    def _walk(self, el: Any, region: str, sectioned: bool, block: Any) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        found = LANDMARK_TAGS.get(tag) or LANDMARK_ROLES.get(str(el.get("role") or "").lower())
        if not found and tag in ("div", "section", "header", "footer"):
            m = next((LANDMARK_NAME.match(t) for t in [el.get("id") or "", *(el.get("class") or "").split()]
                      if LANDMARK_NAME.match(t)), None)
            found = m and ("header" if m.group(1).lower() in ("header", "sidhuvud") else "footer")
        if found and not (sectioned and found in ("header", "footer")):
            region = found
            self.landmarks.add(el)
            sectioned = sectioned or found in ("main", "aside", "nav")
        if tag in BLOCK_TAGS:
            block = el
        self.region[el], self.block[el] = region, block
        for child in el:
            self._walk(child, region, sectioned, block)

    def text(self, el: Any) -> str:
        if el not in self._text:
            self._text[el] = norm(" ".join(el.itertext()))
        return self._text[el]

    def in_prose(self, el: Any) -> bool:
        """A link inside a sentence of page content: more than a few words of loose text around it
        (text of other links and buttons, and of nested blocks, does not count)."""
        block = self.block.get(el)
        if (self.region.get(el) in MENU_LIKE or block is None or block is el or block.tag not in PROSE_BLOCKS
                or el.tag not in ("a", "area")):
            return False
        return len(norm(self._loose_text(block))) >= PROSE_MIN

    def _loose_text(self, node: Any) -> str:
        parts = [node.text or ""]
        for child in node:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag and tag not in BLOCK_TAGS and tag not in ("a", "button", "input", "select", "textarea"):
                parts.append(self._loose_text(child))
            parts.append(child.tail or "")
        return " ".join(parts)

    def name(self, el: Any) -> str:
        parts = [el.get("aria-label"), self.text(el), el.get("title"), el.get("alt")]
        if el.tag == "input":
            parts.append(el.get("value"))
        for ref in (el.get("aria-labelledby") or "").split():
            target = self.root.get_element_by_id(ref, None)
            parts.append(self.text(target) if target is not None else "")
        parts += [img.get("alt") for img in el.iter("img")]
        out: list[str] = []
        for p in map(norm, parts):
            if p and p not in out:
                out.append(p)
        return " ".join(out)

    def context(self, el: Any) -> str:
        """Words around a control that say what it is about: its form's legend and headings, its card."""
        parts = [" ".join(str(i.get("src") or "").rsplit("/", 1)[-1] for i in el.iter("img"))]
        form = next((a for a in el.iterancestors() if a.tag in ("form", "fieldset")), None)
        if form is not None:
            parts += [form.get("aria-label") or "", form.get("action") or ""]
            parts += [self.text(h) for h in form.iter("legend", "h2", "h3", "h4")]
        block = self.block.get(el)
        if (block is not None and block is not el and block.tag in ITEM_BLOCKS and block not in self.landmarks
                and len(self.text(block)) <= 150):
            parts += [self.text(block)] + [str(i.get("alt") or "") for i in block.iter("img")]
        return norm(" ".join(parts))

    def controls(self) -> list[Control]:
        out = []
        for el in self.root.xpath(CONTROLS):
            if el not in self.region:
                continue
            kind = "link" if el.tag in ("a", "area") or el.get("role") == "link" else "button"
            out.append(Control(kind, self.name(el), str(el.get("href") or ""), self.region[el],
                               self.in_prose(el), el, self))
        return out

    def short_texts(self, limit: int = 200) -> list[tuple[Any, str]]:
        """Elements with text of their own, up to `limit` characters (headings, labels, short blocks)."""
        out = []
        for el in self.region:
            if (el.text or "").strip() or any((c.tail or "").strip() for c in el):
                t = self.text(el)
                if 3 <= len(t) <= limit:
                    out.append((el, t))
        return out


def selector(el: Any) -> str:
    """A short CSS-ish path: up to four steps, stopping at an id."""
    steps: list[str] = []
    node = el
    while node is not None and isinstance(node.tag, str) and node.tag not in ("html", "body") and len(steps) < 4:
        step = node.tag
        if node.get("id"):
            steps.append(f"{step}#{node.get('id')}")
            break
        classes = (node.get("class") or "").split()
        if node is el and node.get("href"):
            step += f'[href="{str(node.get("href"))[:60]}"]'
        steps.append(step + (f".{classes[0]}" if classes else ""))
        node = node.getparent()
    return " > ".join(reversed(steps))


def readable(pages: Any) -> list[Mapping[str, Any]]:
    """Pages that have rendered HTML; nearest to home first, desktop before mobile."""
    out = [p for p in pages if isinstance(p, Mapping) and isinstance(p.get("html"), str) and p["html"].strip()]
    depth = lambda p: p.get("depth") if isinstance(p.get("depth"), int) else 99  # noqa: E731
    out.sort(key=lambda p: (depth(p), p.get("viewport") != "desktop"))
    return out


@lru_cache(maxsize=4)
def page_dom(html: str) -> PageDom | None:
    """The page parsed, or None if lxml cannot read it; remembered for the next probe's digest
    of the same page (the digests of one page are made one after another)."""
    try:
        return PageDom(html)
    except (etree.ParserError, ValueError):
        return None


def dom_of(page: Mapping[str, Any]) -> PageDom | None:
    """The page's rendered HTML parsed (`page_dom`), or None when it has none lxml can read."""
    html = page.get("html")
    return page_dom(html) if isinstance(html, str) and html.strip() else None


# --- The eid-login probe ---

EIDS = ("bankid", "freja", "foreign")
MENU_REGIONS = ("header", "nav")
MAX_LISTED = 8


def _t(key: str) -> Terms:
    return terms("eid", key)


@lru_cache(maxsize=200_000)
def match(area: str, key: str, text: str) -> str | None:
    """`terms(area, key).find(text)`, remembered: headers and footers repeat on every page."""
    return terms(area, key).find(text)


def _f(key: str, text: str) -> str | None:
    return match("eid", key, text)


def own_domains(artifacts: Mapping[str, Any]) -> set[str]:
    """Registrable domains of the organisation: the home page's and the listed ones."""
    org = artifacts.get("org") or {}
    hosts = [urlsplit(str(artifacts.get("home_url") or org.get("url") or "")).hostname or ""]
    hosts += [str(d).split("//")[-1].split("/")[0] for d in org.get("domains") or ()]
    return {registrable_domain(h.lower()) for h in hosts if h}


def is_own(url: str, own: set[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return bool(host) and registrable_domain(host) in own


def is_login_page(page: Mapping[str, Any], dom: PageDom) -> bool:
    """A page whose purpose is to log in, by its own title, h1 or path. The crawler's `kind` is not
    enough: it comes from the words of the link that led there, and an article linked as
    "... logga in med BankID" is no login page."""
    heads = " ".join([dom.title, *dom.h1s])
    path = urlsplit(str(page.get("final_url") or page.get("url") or "")).path
    return bool(_f("login", heads) or _f("mina_sidor", heads) or _f("href", path))


def classify(c: Control, page_url: str, login_page: bool, own: set[str], home: bool
             ) -> tuple[str, str, set[str], bool] | None:
    """("offer" | "staff" | "mention", rule, e-IDs named, names Mina sidor) or None if unrelated."""
    target = urljoin(page_url, c.href) if c.href else ""
    parts = urlsplit(target)
    # Host and path only: a share link's query names the page it shares, not a login.
    href_text = f"{parts.netloc}{parts.path}" if parts.scheme in ("http", "https") else ""
    app = _f("app_href", c.href or "")
    login_href = bool(href_text) and _f("href", href_text)
    hay = f"{c.name} {c.context}"
    login, mina = _f("login", c.name), _f("mina_sidor", c.name)
    eids = {k for k in EIDS if _f(k, hay) or (login_href and _f(k, href_text))}
    if _f("freja_weak", hay) and (login or login_page or login_href or app):
        eids.add("freja")
    if _f("other_eid", hay):
        eids.add("other")
    if app:
        eids.add("freja" if "freja" in app else "bankid")
    staff_eid = _f("staff", hay)
    if not (login or mina or eids or app or staff_eid or (login_href and c.region in MENU_REGIONS)):
        return None
    named = sorted(eids)
    if c.prose and not app:
        return "mention", "in running text", set(named), False
    host = (parts.hostname or "").lower()
    if host and not app and any(host == h or host.endswith("." + h) for h in _t("info_hosts").terms):
        return "mention", f"links to the e-ID issuer's site {host}", set(named), False
    staff = staff_eid or _f("staff_context", hay)
    if staff:
        return "staff", f"staff login ({staff})", set(named), False
    info = _f("info", c.name)
    if info and not (app or login_href or c.kind == "button"):
        return "mention", f"informational wording ({info!r})", set(named), False
    if (href_text and not is_own(target, own) and c.region in ("main", "body", "aside")
            and not home and not login_page):
        return "mention", "another organisation's login linked from page content", set(named), False
    if app:
        return "offer", f"opens the e-ID app ({app})", eids, bool(mina)
    if login or mina:
        return "offer", f"{c.kind} named {login or mina!r}", eids, bool(mina)
    if eids and (c.kind == "button" or login_page or login_href):
        where = "on a login page" if login_page else "leading into a login" if login_href else "as a button"
        return "offer", f"e-ID choice {where}", eids, False
    if login_href and c.region in MENU_REGIONS:
        return "offer", "login link in the site menu", eids, False
    return "mention", "names an e-ID outside any login", set(named), False


class EidLoginProbe(Probe):
    id = "eid-login"
    version = "1"
    description = "Whether citizens can log in with BankID, Freja or a foreign e-ID, where and how far from home."
    requires = ("html",)
    scope = "site"
    pages = "all"
    criteria = ("eid.login-offered", "eid.bankid", "eid.freja", "eid.foreign-eid", "eid.mina-sidor",
                "eid.own-domain", "eid.reachable")

    def digest(self, page: Mapping[str, Any], site: Mapping[str, Any]) -> Any:
        """The page's login controls, classified: (what, rule, e-IDs, Mina sidor, control) each."""
        dom = dom_of(page)
        if dom is None:
            return None
        own = own_domains(site)
        url = str(page.get("final_url") or page.get("url") or "")
        login_page = is_login_page(page, dom)
        home = bool(page.get("is_home") or page.get("kind") == "home")
        out = []
        for c in dom.controls():
            verdict = classify(c, url, login_page, own, home)
            if verdict is None:
                continue
            what, rule, eids, mina = verdict
            target = urljoin(url, c.href) if c.href and urlsplit(urljoin(url, c.href)).scheme in (
                "http", "https") else url
            out.append({"what": what, "rule": rule, "eids": sorted(eids), "mina_sidor": mina, "name": c.name[:80],
                        "target": target, "control": c.evidence(url, page.get("viewport"))})
        return out

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        site = site_of(artifacts)
        digested = [(page, self.digest_of(page, site)) for page in readable(artifacts.get("pages") or [])]
        digested = [(page, hits) for page, hits in digested if hits is not None]
        home = str(artifacts.get("home_url") or "")
        if not digested:
            return self.error_evidence("No page of the site could be read, so no login could be looked for.",
                                       url=home or None)
        own = own_domains(artifacts)
        final = {canonicalize(str(p.get("url"))): str(p.get("final_url") or p.get("url")) for p, _ in digested}
        offers: list[dict[str, Any]] = []
        staff: list[dict[str, Any]] = []
        mentions: list[dict[str, Any]] = []
        seen: set[tuple[str, ...]] = set()
        for page, hits in digested:
            url = str(page.get("final_url") or page.get("url") or "")
            depth = page.get("depth")
            for h in hits:
                target = final.get(canonicalize(h["target"]), h["target"])
                key = (h["what"], h["name"], canonicalize(target) if target != url else h["control"]["selector"])
                if key in seen:
                    continue
                seen.add(key)
                hit = {**h["control"], "rule": h["rule"], "eids": h["eids"], "mina_sidor": h["mina_sidor"],
                       "target": target, "own_domain": is_own(target, own),
                       "clicks": depth + 1 if isinstance(depth, int) else None}
                {"offer": offers, "staff": staff, "mention": mentions}[h["what"]].append(hit)
        return self._judge(offers, staff, mentions, len(digested), home)

    def _judge(self, offers: list[dict[str, Any]], staff: list[dict[str, Any]],
               mentions: list[dict[str, Any]], n_pages: int, home: str) -> list[Evidence]:
        offers.sort(key=lambda h: (h["clicks"] if h["clicks"] is not None else 99))
        base = {"pages_read": n_pages, "staff_logins": staff[:MAX_LISTED],
                "mentions_set_aside": mentions[:MAX_LISTED]}
        first = offers[0] if offers else None
        out = [self._ev("eid.login-offered", bool(offers), first, home, "A login is offered",
                        "No login for citizens was found", {**base, "offers": offers[:MAX_LISTED],
                                                             "offers_found": len(offers)})]
        named_any = any(set(h["eids"]) & set(EIDS) for h in offers)
        labels = {"bankid": "BankID", "freja": "Freja eID", "foreign": "a foreign e-ID (eIDAS)"}
        for key, crit in zip(EIDS, ("eid.bankid", "eid.freja", "eid.foreign-eid"), strict=True):
            hits = [h for h in offers if key in h["eids"]]
            if not hits and offers and not named_any:
                out.append(Evidence(crit, Outcome.REVIEW, f"A login is offered but the pages read do not name its "
                                    f"e-IDs; whether {labels[key]} is accepted needs a look.",
                                    details={"offers": offers[:MAX_LISTED]}, url=first["url"] if first else None))
                continue
            out.append(self._ev(crit, bool(hits), hits[0] if hits else None, home,
                                f"Login with {labels[key]} is offered", f"No login with {labels[key]} was found",
                                {"offers": hits[:MAX_LISTED], **({} if hits else base)}))
        mina = [h for h in offers if h["mina_sidor"]]
        out.append(self._ev("eid.mina-sidor", bool(mina), mina[0] if mina else None, home,
                            "A personal page (Mina sidor) is offered", "No personal page (Mina sidor) was found",
                            {"offers": mina[:MAX_LISTED]}))
        out.append(self._own_domain(offers, home))
        clicks = [h["clicks"] for h in offers if h["clicks"] is not None]
        best = min(clicks) if clicks else None
        reach = next((h for h in offers if h["clicks"] == best), None)
        out.append(self._ev("eid.reachable", best is not None and best <= 2, reach, home,
                            f"The login is {best} click(s) from the home page",
                            "No login was found within two clicks of the home page" if best is None else
                            f"The nearest login is {best} clicks from the home page",
                            {"clicks": best, "limit": 2}))
        return out

    def _own_domain(self, offers: list[dict[str, Any]], home: str) -> Evidence:
        targets = {urlsplit(h["target"]).hostname or "": h["own_domain"] for h in offers}
        if not targets:
            return Evidence("eid.own-domain", Outcome.NOT_APPLICABLE, "No login was found, so its domain cannot be judged.",
                            url=home or None)
        own = sorted(h for h, o in targets.items() if o)
        other = sorted(h for h, o in targets.items() if not o)
        details = {"own_hosts": own, "third_party_hosts": other, "rule": "webbriktlinje R6"}
        if not other:
            return Evidence("eid.own-domain", Outcome.PASS, f"Login happens on the organisation's own domain ({', '.join(own)}).",
                            details=details, url=offers[0]["url"])
        outcome = Outcome.PARTIAL if own else Outcome.FAIL
        return Evidence("eid.own-domain", outcome, f"Login leads to a third party's domain ({', '.join(other)}).",
                        details=details, url=next(h["url"] for h in offers if not h["own_domain"]))

    @staticmethod
    def _ev(crit: str, ok: bool, hit: dict[str, Any] | None, home: str, yes: str, no: str,
            details: dict[str, Any]) -> Evidence:
        if ok and hit:
            where = f" on {hit['url']} ({hit['selector']}: {hit['snippet'][:60]!r})"
            return Evidence(crit, Outcome.PASS, yes + where + ".", details=details, url=hit["url"])
        return Evidence(crit, Outcome.FAIL, no + " on the pages read.", details=details, url=home or None)
