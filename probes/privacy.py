"""What a first visit does before the visitor has agreed to anything, and whether saying no
is as easy as saying yes. Webbriktlinje R20; LEK (2022:482) requires consent before
non-essential cookies, storage or tracking, as IMY and PTS supervise.

Reads `first_visit` (the home page as a fresh desktop browser saw it, before any click:
cookies, storage, attempted requests, the consent banner) and every page's `links`.
A tracker request counts when the page *attempts* it, whether or not it succeeded.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from probes.base import Evidence, Outcome, Probe
from probes.vocabulary import terms

TRACKERS = Path(__file__).parent / "data" / "trackers.toml"
SMALL_BUTTON = 0.5  # a refuse button under half the accept button's area is not "as easy"


@dataclass(frozen=True)
class Tracker:
    name: str
    owner: str
    category: str
    hosts: tuple[str, ...]
    paths: tuple[str, ...]
    cookies: tuple[str, ...]


@cache
def trackers() -> tuple[Tracker, ...]:
    with TRACKERS.open("rb") as fh:
        data = tomllib.load(fh)
    return tuple(Tracker(t["name"], t.get("owner", ""), t.get("category", "analytics"), tuple(t.get("hosts", ())),
                         tuple(t.get("paths", ())), tuple(t.get("cookies", ()))) for t in data["trackers"])


def tracker_for_url(url: str) -> Tracker | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    path = parts.path or "/"
    for t in trackers():
        if any(host == h or host.endswith("." + h) for h in t.hosts):
            return t
        for p in t.paths:
            p_host, _, p_path = p.partition("/")
            p_path = "/" + p_path
            if host == p_host and (path == p_path or path.startswith(p_path.rstrip("/") + "/")
                                   or path.startswith(p_path + ".")):
                return t
    return None


def tracker_for_name(name: str) -> Tracker | None:
    for t in trackers():
        for pattern in t.cookies:
            if (pattern.endswith("*") and name.startswith(pattern[:-1])) or name == pattern:
                return t
    return None


def site_domains(home_url: str, org: Mapping[str, Any] | None) -> set[str]:
    """The organisation's own domains: its listed ones, and the home host's last two labels."""
    host = (urlsplit(home_url).hostname or "").lower()
    parts = host.split(".")
    own = {host if len(parts) < 2 or host.replace(".", "").isdigit() else ".".join(parts[-2:])}
    return own | {str(d).lower().lstrip(".") for d in (org or {}).get("domains") or []}


def classify_button(text: str) -> str:
    """refuse | settings | accept | other; refusals first, as they often contain an accept verb."""
    if terms("privacy", "banner.refuse").find(text):
        return "refuse"
    if terms("privacy", "banner.settings").find(text):
        return "settings"
    if terms("privacy", "banner.accept").find(text):
        return "accept"
    return "other"


def _area(button: Mapping[str, Any]) -> float:
    return float(button.get("width") or 0) * float(button.get("height") or 0)


class PrivacyProbe(Probe):
    id = "privacy"
    version = "1"
    description = ("Cookies, storage and tracker requests before consent; the cookie banner and whether refusing "
                   "is as easy as accepting; information about personal data and cookies (Webbriktlinje R20).")
    requires = ("first_visit", "links")
    scope = "site"
    criteria = ("privacy.trackers-before-consent", "privacy.cookies-before-consent", "privacy.cookie-banner",
                "privacy.refuse-as-easy", "privacy.personal-data-page", "privacy.cookie-info")

    def run(self, artifacts: Mapping[str, Any]) -> list[Evidence]:
        pages = list(artifacts.get("pages", []))
        home = next((p for p in pages if p.get("is_home") and p.get("first_visit")), None)
        home_url = str(artifacts.get("home_url") or "")
        out: list[Evidence] = []
        if home is None:
            out += [Evidence(c, Outcome.ERROR, "The first visit to the home page was not recorded.", url=home_url)
                    for c in self.criteria[:4]]
        else:
            fv, url = home["first_visit"], str(home.get("final_url") or home_url)
            trackers_ev = self._trackers(fv, url)
            cookies_ev = self._cookies(fv, url, site_domains(url, artifacts.get("org")))
            needs_consent = trackers_ev.outcome != Outcome.PASS or cookies_ev.outcome != Outcome.PASS
            out += [trackers_ev, cookies_ev, *self._banner(fv.get("consent") or {}, needs_consent, url)]
        out.append(self._link(pages, "links.personal_data", "privacy.personal-data-page",
                              "a page about how personal data is handled"))
        out.append(self._link(pages, "links.cookie_info", "privacy.cookie-info", "information about cookies"))
        return out

    def _trackers(self, fv: Mapping[str, Any], url: str) -> Evidence:
        c = "privacy.trackers-before-consent"
        hits: dict[str, dict[str, Any]] = {}
        for e in fv.get("network") or []:
            t = tracker_for_url(str(e.get("url", "")))
            if t is None:
                continue
            host = (urlsplit(str(e["url"])).hostname or "").lower()
            hit = hits.setdefault(host, {"tracker": t.name, "owner": t.owner, "category": t.category,
                                         "requests": 0, "failed": 0, "example": str(e["url"])[:200]})
            hit["requests"] += 1
            hit["failed"] += 1 if e.get("failed") else 0
        details = {"trackers": hits, "requests_seen": len(fv.get("network") or [])}
        if not hits:
            return Evidence(c, Outcome.PASS, "The first visit made no requests to known trackers before consent.",
                            url=url, details=details)
        domains = ", ".join(sorted(hits))
        if all(h["category"] == "embed" for h in hits.values()):
            return Evidence(c, Outcome.PARTIAL, f"Before consent the home page loads video embeds that track: "
                            f"{domains}.", url=url, details=details)
        return Evidence(c, Outcome.FAIL, f"Before consent the home page contacts trackers: {domains}.", url=url,
                        details=details)

    def _cookies(self, fv: Mapping[str, Any], url: str, own: set[str]) -> Evidence:
        c = "privacy.cookies-before-consent"
        tracking, third, first = [], [], []
        for ck in fv.get("cookies") or []:
            name, domain = str(ck.get("name", "")), str(ck.get("domain") or "").lstrip(".").lower()
            t = tracker_for_name(name)
            if t is not None:
                tracking.append(f"{name} ({t.name})")
            elif domain and not any(domain == d or domain.endswith("." + d) for d in own):
                third.append(f"{name} ({domain})")
            else:
                first.append(name)
        storage = fv.get("storage") or {}
        for area in ("local", "session"):
            for key in storage.get(area) or {}:
                t = tracker_for_name(str(key))
                if t is not None:
                    tracking.append(f"{area}Storage {key} ({t.name})")
        details = {"tracking": tracking, "third_party": third, "first_party_other": first}
        if tracking or third:
            named = ", ".join((tracking + third)[:8])
            return Evidence(c, Outcome.FAIL, f"Before consent the browser holds tracking cookies or storage: "
                            f"{named}.", url=url, details=details)
        note = f" ({len(first)} first-party cookies of no known tracker)" if first else ""
        return Evidence(c, Outcome.PASS, f"No tracking cookies or storage before consent{note}.", url=url,
                        details=details)

    def _banner(self, consent: Mapping[str, Any], needs_consent: bool, url: str) -> list[Evidence]:
        cb, easy = "privacy.cookie-banner", "privacy.refuse-as-easy"
        found = consent.get("banner_found")
        if found is None:
            msg = f"The consent banner could not be inspected: {consent.get('error', 'no data')}."
            return [Evidence(cb, Outcome.ERROR, msg, url=url), Evidence(easy, Outcome.ERROR, msg, url=url)]
        if not found:
            if needs_consent:
                msg = "No consent banner, yet the first visit tracks or sets tracking cookies."
                return [Evidence(cb, Outcome.FAIL, msg, url=url), Evidence(easy, Outcome.FAIL, msg, url=url)]
            msg = "No consent banner, and nothing on the first visit needs consent."
            return [Evidence(cb, Outcome.NOT_APPLICABLE, msg, url=url),
                    Evidence(easy, Outcome.NOT_APPLICABLE, msg, url=url)]
        buttons = [dict(b, kind=classify_button(str(b.get("text", "")))) for b in consent.get("buttons") or []]
        for b in buttons:  # the runner's own reading counts too (its word lists may be wider)
            if b["kind"] == "other" and b.get("refuses"):
                b["kind"] = "refuse"
            elif b["kind"] == "other" and b.get("accepts"):
                b["kind"] = "accept"
        details = {"buttons": [{k: b.get(k) for k in ("text", "kind", "tag", "width", "height")} for b in buttons],
                   "dismissed_with": consent.get("dismissed_with")}
        banner = Evidence(cb, Outcome.PASS, "A consent banner is shown on the first visit.", url=url, details=details)
        return [banner, self._refuse(buttons, needs_consent, url, details)]

    def _refuse(self, buttons: list[dict[str, Any]], needs_consent: bool, url: str,
                details: dict[str, Any]) -> Evidence:
        c = "privacy.refuse-as-easy"
        refuse = [b for b in buttons if b["kind"] == "refuse"]
        accept = [b for b in buttons if b["kind"] == "accept"]
        if not buttons:
            return Evidence(c, Outcome.REVIEW, "The banner's buttons could not be read.", url=url, details=details)
        if refuse and accept:
            best_refuse, best_accept = max(map(_area, refuse)), max(map(_area, accept))
            if best_accept and best_refuse < SMALL_BUTTON * best_accept:
                return Evidence(c, Outcome.PARTIAL, f"Refusing ({refuse[0]['text']!r}) is offered beside "
                                f"accepting ({accept[0]['text']!r}), but far less prominently.", url=url,
                                details=details)
            return Evidence(c, Outcome.PASS, f"Refusing ({refuse[0]['text']!r}) is offered beside accepting "
                            f"({accept[0]['text']!r}).", url=url, details=details)
        if refuse:
            return Evidence(c, Outcome.PASS, f"The banner offers to refuse ({refuse[0]['text']!r}).", url=url,
                            details=details)
        if accept:
            how = "only through settings" if any(b["kind"] == "settings" for b in buttons) else "not at all"
            if not needs_consent and how == "not at all":
                return Evidence(c, Outcome.REVIEW, "The banner only informs (no refuse button), and the first "
                                "visit set nothing that needs consent.", url=url, details=details)
            return Evidence(c, Outcome.FAIL, f"The banner offers to accept but to refuse {how}.", url=url,
                            details=details)
        return Evidence(c, Outcome.REVIEW, "The banner has no recognisable accept or refuse button.", url=url,
                        details=details)

    def _link(self, pages: list[Mapping[str, Any]], key: str, c: str, what: str) -> Evidence:
        words = terms("privacy", key)
        ordered = sorted(pages, key=lambda p: not p.get("is_home"))
        for p in ordered:
            for link in p.get("links") or []:
                text = " ".join(str(link.get(k) or "") for k in ("text", "label"))
                slug = urlsplit(str(link.get("url") or "")).path.replace("-", " ").replace("/", " ")
                hit = words.find(text) or words.find(slug)
                if hit:
                    outcome = Outcome.PASS if p.get("is_home") else Outcome.PARTIAL
                    where = "the home page" if p.get("is_home") else "a page other than the home page"
                    return Evidence(c, outcome, f"{what.capitalize()} is linked from {where}: "
                                    f"{(link.get('text') or link.get('url'))!s:.80}.", url=str(p.get("final_url")),
                                    details={"link": link.get("url"), "text": link.get("text"), "matched": hit})
        return Evidence(c, Outcome.FAIL, f"No link to {what} on the {len(ordered)} pages looked at.",
                        details={"pages": len(ordered)})
