"""The organisation's own social media accounts, share buttons, Open Graph and embedded feeds.

A link to facebook.com is not yet a profile: sharing links ("sharer", "intent") and
plugin/embed URLs are told apart from accounts, and an account counts as the
organisation's own where sites put their own accounts — header, footer, navigation, the
home page, a "Sociala medier" / "Följ oss" page, or on several pages. A link found only
inside one article may be someone else's account and is left for review.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from probes.base import Evidence, Outcome, Probe
from probes.languages import controls, readable_pages
from probes.vocabulary import Terms, load_area, terms

PLATFORMS = ("facebook", "instagram", "linkedin", "youtube", "x", "tiktok", "mastodon", "threads", "flickr")
EXTRA = ("bluesky", "vimeo", "pinterest")
NAMES = {"x": "X/Twitter", "linkedin": "LinkedIn", "youtube": "YouTube", "tiktok": "TikTok"}
OWN_REGIONS = ("header", "footer", "nav")
OWN_KINDS = ("about", "contact")
HANDLE = re.compile(r"^@?[\w.\-]{1,100}$")
MAX_CONTROL_PAGES = 20


def _data(platform: str, key: str) -> tuple[str, ...]:
    return load_area("social").get(f"platforms.{platform}.{key}", Terms(())).terms


@cache
def _hosts() -> dict[str, str]:
    """Platform host name -> platform."""
    return {h: platform for platform in PLATFORMS + EXTRA for h in _data(platform, "hosts")}


def _platform_of(host: str) -> tuple[str | None, str]:
    """The platform and its own host name (se.linkedin.com -> linkedin.com)."""
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in _hosts():
            return _hosts()[candidate], candidate
    return None, host


@lru_cache(maxsize=4096)
def classify(url: str, label: str = "", rel: str = "") -> tuple[str, str | None, str | None]:
    """(kind, platform, normalised profile URL); kind is profile | share | embed | other."""
    low = url.lower()
    if any(s in low for s in terms("social", "signatures.share-urls").terms):
        return "share", None, None
    parts = urlsplit(url)
    host = re.sub(r"^(www|m|mobile|web|[a-z]{2}-[a-z]{2})\.", "", (parts.hostname or "").lower())
    segs = [unquote(s) for s in parts.path.split("/") if s]
    platform, host = _platform_of(host)
    if platform is None:
        if len(segs) == 1 and segs[0].startswith("@") and (
                re.search(r"mastodon|masto|toot|social|fedi", host) or "me" in rel.split()
                or terms("social", "mastodon").find(label)):
            return "profile", "mastodon", f"https://{host}/{segs[0].lower()}"
        return "other", None, None
    if any(s in low for s in terms("social", "signatures.embeds").terms) or host in ("youtu.be", "fb.me", "lnkd.in", "flic.kr"):
        return ("embed" if "embed" in low or "plugins" in low else "other"), platform, None
    if not segs or segs[0].lower() in _data(platform, "reserved"):
        return "other", platform, None
    first = segs[0].lower()
    accounts = _data(platform, "accounts")
    if platform == "facebook" and first == "profile.php":
        ident = parse_qs(parts.query).get("id", [""])[0]
        handle = f"profile.php?id={ident}" if ident.isdigit() else None
    elif platform == "facebook" and first == "pages" and len(segs) >= 2:
        handle = "/".join(segs[1:3]).lower()
    elif accounts and first in accounts:
        handle = f"{first}/{segs[1]}" if len(segs) >= 2 and segs[1].lower() not in _data(platform, "reserved") else None
        if handle and not (platform == "youtube" and first == "channel"):
            handle = handle.lower()  # channel ids are case-sensitive; names are not
    elif platform in ("tiktok", "threads") or (platform == "youtube" and first.startswith("@")):
        handle = first if first.startswith("@") else None
    elif platform in ("linkedin", "flickr", "bluesky"):
        handle = None  # these have no bare /<name> accounts
    else:
        handle = first if HANDLE.match(first) and not (platform == "vimeo" and first.isdigit()) else None
    if handle is None:
        return "other", platform, None
    return "profile", platform, f"https://{host}/{handle}"


class SocialProbe(Probe):
    id = "social"
    version = "1"
    description = "Own social media profiles, share buttons, Open Graph / Twitter cards, embedded feeds."
    requires = ("links", "html", "document")
    scope = "site"
    criteria = tuple(f"social.{p}" for p in PLATFORMS) + (
        "social.profiles", "social.share-buttons", "social.open-graph", "social.embedded-feed")

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        pages = readable_pages(artifacts)
        if not pages:
            return self.error_evidence("No page of the site could be read.")
        found: dict[str, dict[str, dict[str, Any]]] = {}
        shares: list[str] = []
        for page in pages:
            own_page = self._own_page(page)
            for link in page.get("links") or []:
                label = f"{link.get('text') or ''} {link.get('label') or ''}"
                kind, platform, profile = classify(str(link.get("url") or ""), label, str(link.get("rel") or ""))
                if kind == "share":
                    shares.append(str(link.get("url")))
                if kind != "profile" or platform is None or profile is None:
                    continue
                entry = found.setdefault(platform, {}).setdefault(profile, {"pages": set(), "own": False})
                entry["pages"].add(str(page.get("url")))
                entry["own"] |= own_page or link.get("region") in OWN_REGIONS
        out = [self._platform(p, found.get(p, {})) for p in PLATFORMS]
        out += [self._profiles(found), self._share(pages, shares), self._open_graph(pages), self._embeds(pages)]
        return out

    @staticmethod
    def _own_page(page: Mapping[str, Any]) -> bool:
        doc = page.get("document") or {}
        heading = " ".join([str(doc.get("title") or ""), *map(str, doc.get("h1") or [])])
        return bool(page.get("is_home") or page.get("kind") in OWN_KINDS or terms("social", "social-page").find(heading))

    @staticmethod
    def _own(profiles: dict[str, dict[str, Any]]) -> list[str]:
        """Own profiles, most-linked first; an account linked from two pages counts as own."""
        own = [u for u, e in profiles.items() if e["own"] or len(e["pages"]) >= 2]
        return sorted(own, key=lambda u: -len(profiles[u]["pages"]))

    def _platform(self, platform: str, profiles: dict[str, dict[str, Any]]) -> Evidence:
        criterion = f"social.{platform}"
        own = self._own(profiles)
        details = {"profiles": own[:5], "mentioned": [u for u in profiles if u not in own][:5]}
        name = NAMES.get(platform, platform.capitalize())
        if own:
            return Evidence(criterion, Outcome.PASS, f"The organisation links its {name} account {own[0]}.",
                            details=details, url=sorted(profiles[own[0]]["pages"])[0])
        if profiles:
            first = next(iter(profiles))
            return Evidence(criterion, Outcome.REVIEW, f"A {name} account ({first}) is linked only inside page content.",
                            details=details, url=sorted(profiles[first]["pages"])[0])
        return Evidence(criterion, Outcome.FAIL, f"No {name} account is linked.", details=details)

    def _profiles(self, found: dict[str, dict[str, dict[str, Any]]]) -> Evidence:
        own = {p: self._own(found[p])[0] for p in found if self._own(found[p])}
        n = len(own)
        outcome = Outcome.PASS if n >= 3 else Outcome.PARTIAL if n else Outcome.FAIL
        return Evidence("social.profiles", outcome, f"The organisation links {n} own social media account(s).",
                        score=min(1.0, n / 4), details={"count": n, "profiles": own})

    def _share(self, pages: list[Mapping[str, Any]], shares: list[str]) -> Evidence:
        widgets = terms("social", "signatures.share-widgets").terms
        share_words = terms("social", "share")
        hit: tuple[str, str] | None = (shares[0], "share link") if shares else None
        checked = 0
        for page in pages:
            if hit:
                break
            html = str(page.get("html") or "")
            lowered = html.lower()
            widget = next((w for w in widgets if w in lowered), None)
            if widget:
                hit = (str(page.get("url")), f"widget {widget}")
            elif checked < MAX_CONTROL_PAGES and html:
                checked += 1
                label = next((c for c in controls(html) if share_words.find(c) and len(c.split()) <= 5), None)
                if label:
                    hit = (str(page.get("url")), f"button {label!r}")
        if hit:
            return Evidence("social.share-buttons", Outcome.PASS, f"Pages can be shared ({hit[1]}).",
                            details={"share_links": Counter(shares).most_common(5), "found": hit[1]}, url=hit[0])
        return Evidence("social.share-buttons", Outcome.FAIL, "No share buttons were found.",
                        details={"pages_checked": len(pages)})

    def _open_graph(self, pages: list[Mapping[str, Any]]) -> Evidence:
        home = next((p for p in pages if p.get("is_home")), pages[0])
        meta = (home.get("document") or {}).get("meta") or {}
        tags = {k: str(v)[:200] for k, v in meta.items() if k.startswith(("og:", "twitter:"))}
        with_og = sum(1 for p in pages if ((p.get("document") or {}).get("meta") or {}).get("og:title"))
        details = {"home_tags": tags, "pages_with_og_title": with_og, "pages": len(pages)}
        if tags.get("og:title") and tags.get("og:image"):
            return Evidence("social.open-graph", Outcome.PASS, "The home page has Open Graph title and image.",
                            details=details, url=home.get("url"))
        if tags or with_og:
            return Evidence("social.open-graph", Outcome.PARTIAL, "Open Graph / Twitter card metadata is incomplete.",
                            details=details, url=home.get("url"))
        return Evidence("social.open-graph", Outcome.FAIL, "No Open Graph or Twitter card metadata.",
                        details=details, url=home.get("url"))

    def _embeds(self, pages: list[Mapping[str, Any]]) -> Evidence:
        signatures = terms("social", "signatures.embeds").terms
        for page in pages:
            html = str(page.get("html") or "").lower()
            embed = next((s for s in signatures if s in html), None)
            if embed:
                return Evidence("social.embedded-feed", Outcome.PASS, f"Social media content is embedded ({embed}).",
                                details={"signature": embed}, url=page.get("url"))
        return Evidence("social.embedded-feed", Outcome.FAIL, "No embedded social media feed or post was found.",
                        details={"pages_checked": len(pages)})
