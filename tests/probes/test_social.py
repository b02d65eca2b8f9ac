"""The social probe: own profiles (normalised), share buttons, Open Graph, embedded feeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from probes.base import Evidence, Outcome
from probes.social import SocialProbe, classify

BASE = "https://www.backby.se"


def link(url: str, text: str = "", region: str = "footer", rel: str = "") -> dict[str, Any]:
    return {"url": url, "text": text, "label": "", "region": region, "scheme": url.split(":")[0], "rel": rel,
            "in_scope": url.startswith(BASE)}


def pg(path: str, links: list[dict[str, Any]] | None = None, html: str = "", meta: dict[str, str] | None = None,
       title: str = "", kind: str | None = None) -> dict[str, Any]:
    return {"url": BASE + path, "final_url": BASE + path, "status": 200, "kind": "home" if path == "/" else kind,
            "is_home": path == "/", "viewport": "desktop", "links": links or [], "html": html or "<html><body></body></html>",
            "document": {"title": title, "lang": "sv", "meta": meta or {}, "h1": []}}


def run(pages: list[dict[str, Any]]) -> dict[str, Evidence]:
    return {e.criterion: e for e in SocialProbe().run({"pages": pages, "home_url": BASE + "/", "org": {}})}


@pytest.mark.parametrize(("url", "platform", "profile"), [
    ("https://www.facebook.com/BackbyKommun/?ref=footer", "facebook", "https://facebook.com/backbykommun"),
    ("https://m.facebook.com/backbykommun", "facebook", "https://facebook.com/backbykommun"),
    ("https://sv-se.facebook.com/backbykommun/", "facebook", "https://facebook.com/backbykommun"),
    ("https://www.facebook.com/profile.php?id=100064123", "facebook", "https://facebook.com/profile.php?id=100064123"),
    ("https://www.instagram.com/backbykommun/", "instagram", "https://instagram.com/backbykommun"),
    ("https://www.linkedin.com/company/backby-kommun/mycompany/", "linkedin", "https://linkedin.com/company/backby-kommun"),
    ("https://se.linkedin.com/company/Backby-Kommun", "linkedin", "https://linkedin.com/company/backby-kommun"),
    ("https://www.youtube.com/@BackbyKommun/videos", "youtube", "https://youtube.com/@backbykommun"),
    ("https://www.youtube.com/channel/UCabcDEF123", "youtube", "https://youtube.com/channel/UCabcDEF123"),
    ("https://www.youtube.com/user/backby", "youtube", "https://youtube.com/user/backby"),
    ("https://twitter.com/backbykommun", "x", "https://twitter.com/backbykommun"),
    ("https://x.com/BackbyKommun?lang=sv", "x", "https://x.com/backbykommun"),
    ("https://mobile.twitter.com/backbykommun/", "x", "https://twitter.com/backbykommun"),
    ("https://www.tiktok.com/@backbykommun", "tiktok", "https://tiktok.com/@backbykommun"),
    ("https://mastodon.nu/@backby", "mastodon", "https://mastodon.nu/@backby"),
    ("https://www.threads.net/@backbykommun", "threads", "https://threads.net/@backbykommun"),
    ("https://www.flickr.com/photos/backbykommun/albums", "flickr", "https://flickr.com/photos/backbykommun"),
    ("https://bsky.app/profile/backby.bsky.social", "bluesky", "https://bsky.app/profile/backby.bsky.social"),
])
def test_profiles_are_normalised(url: str, platform: str, profile: str) -> None:
    assert classify(url) == ("profile", platform, profile)


@pytest.mark.parametrize(("url", "kind"), [
    ("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.backby.se%2F", "share"),
    ("https://www.facebook.com/share.php?u=x", "share"),
    ("https://twitter.com/intent/tweet?text=Hej&url=x", "share"),
    ("https://x.com/intent/post?url=x", "share"),
    ("https://twitter.com/share?url=x", "share"),
    ("https://www.linkedin.com/shareArticle?mini=true&url=x", "share"),
    ("https://www.linkedin.com/sharing/share-offsite/?url=x", "share"),
    ("https://www.facebook.com/plugins/page.php?href=https%3A%2F%2Fwww.facebook.com%2Fbackby", "embed"),
    ("https://www.youtube.com/embed/abc123", "embed"),
    ("https://www.youtube.com/watch?v=abc123", "other"),
    ("https://youtu.be/abc123", "other"),
    ("https://www.facebook.com/events/123456/", "other"),
    ("https://www.instagram.com/p/Cx123/", "other"),
    ("https://www.linkedin.com/feed/", "other"),
    ("https://twitter.com/hashtag/val2026", "other"),
    ("https://www.tiktok.com/tag/backby", "other"),
    ("https://www.flickr.com/photos/tags/backby", "other"),
    ("https://www.backby.se/@kalle", "other"),             # /@name on an ordinary site is not Mastodon
    ("https://www.facebook.com/", "other"),
])
def test_share_embed_and_other_links_are_not_profiles(url: str, kind: str) -> None:
    assert classify(url)[0] == kind


def test_mastodon_on_an_unknown_host_needs_a_hint() -> None:
    assert classify("https://fedi.example.org/@backby")[1] == "mastodon"
    assert classify("https://kommun.example/@backby", rel="me")[1] == "mastodon"
    assert classify("https://kommun.example/@backby", label="Följ oss på Mastodon")[1] == "mastodon"


def test_own_accounts_in_the_footer_pass_and_count() -> None:
    footer = [link("https://www.facebook.com/BackbyKommun/", "Facebook"), link("https://www.instagram.com/backbykommun/"),
              link("https://www.linkedin.com/company/backby-kommun/"), link("https://www.youtube.com/@backbykommun"),
              link("https://www.facebook.com/sharer/sharer.php?u=x", "Dela på Facebook", region="main")]
    ev = run([pg("/", footer), pg("/a/", footer)])
    for platform in ("facebook", "instagram", "linkedin", "youtube"):
        assert ev[f"social.{platform}"].outcome is Outcome.PASS
    assert ev["social.facebook"].details["profiles"] == ["https://facebook.com/backbykommun"]
    for platform in ("x", "tiktok", "mastodon", "threads", "flickr"):
        assert ev[f"social.{platform}"].outcome is Outcome.FAIL
    assert ev["social.profiles"].outcome is Outcome.PASS and ev["social.profiles"].details["count"] == 4
    assert ev["social.share-buttons"].outcome is Outcome.PASS


def test_an_account_mentioned_inside_one_article_is_review() -> None:
    article = pg("/nyheter/samarbete/", [link("https://www.facebook.com/grannkommunen", "grannkommunen", region="main")])
    ev = run([pg("/"), article])
    assert ev["social.facebook"].outcome is Outcome.REVIEW
    assert ev["social.profiles"].outcome is Outcome.FAIL


def test_accounts_listed_on_a_social_media_page_are_own() -> None:
    page = pg("/om-oss/sociala-medier/", [link("https://www.tiktok.com/@backbykommun", region="main"),
                                          link("https://www.flickr.com/photos/backby/", region="main")],
              title="Följ oss i sociala medier")
    ev = run([pg("/"), page])
    assert ev["social.tiktok"].outcome is Outcome.PASS and ev["social.flickr"].outcome is Outcome.PASS
    assert ev["social.profiles"].outcome is Outcome.PARTIAL


@pytest.mark.parametrize(("html", "outcome"), [
    ('<div class="a2a_kit"><a class="a2a_button_facebook"></a></div>', Outcome.PASS),
    ('<button type="button" aria-label="Dela sidan">Dela</button>', Outcome.PASS),
    ('<a href="#">Share this page</a>', Outcome.PASS),
    ('<a href="/delaktighet/">Delaktighet och inflytande</a>', Outcome.FAIL),
    ('<a href="/avdelningar/">Avdelningar</a>', Outcome.FAIL),
])
def test_share_buttons(html: str, outcome: Outcome) -> None:
    assert run([pg("/", html=f"<html><body>{html}</body></html>")])["social.share-buttons"].outcome is outcome


def test_open_graph() -> None:
    full = {"og:title": "Bäckby", "og:image": "https://www.backby.se/og.png", "twitter:card": "summary"}
    assert run([pg("/", meta=full)])["social.open-graph"].outcome is Outcome.PASS
    assert run([pg("/", meta={"twitter:card": "summary", "description": "x"})])["social.open-graph"].outcome is Outcome.PARTIAL
    assert run([pg("/", meta={"description": "Bäckby kommun"})])["social.open-graph"].outcome is Outcome.FAIL


@pytest.mark.parametrize(("html", "outcome"), [
    ('<iframe src="https://www.facebook.com/plugins/page.php?href=x&tabs=timeline"></iframe>', Outcome.PASS),
    ('<a class="twitter-timeline" href="https://twitter.com/backby">Tweets</a>', Outcome.PASS),
    ('<div class="consent-placeholder"><iframe data-src="https://www.youtube-nocookie.com/embed/abc"></iframe></div>',
     Outcome.PASS),
    ('<div class="flockler-embed" data-site="1"></div>', Outcome.PASS),
    ('<a href="https://www.youtube.com/@backby">YouTube</a>', Outcome.FAIL),
])
def test_embedded_feeds(html: str, outcome: Outcome) -> None:
    assert run([pg("/", html=f"<html><body>{html}</body></html>")])["social.embedded-feed"].outcome is outcome


FIXTURE = Path(__file__).parent.parent / "fixtures" / "site_probes_b"


def test_social_in_chromium() -> None:
    from crawler.settings import CrawlSettings
    from crawler.single import run_probe
    from maturity.localsite import LocalSite

    settings = CrawlSettings(delay=0, allow_private=True, block_external=True, page_timeout=10, max_pages=15,
                             screenshots=False, mobile="none")
    with LocalSite(root=FIXTURE, host="127.0.0.164") as site:
        result = run_probe("social", site.base_url, settings)
    ev = {e.criterion: e for e in result.evidence}
    assert result.error is None
    assert ev["social.facebook"].details["profiles"] == ["https://facebook.com/backbykommun"]
    assert ev["social.linkedin"].details["profiles"] == ["https://linkedin.com/company/backby-kommun"]
    assert ev["social.profiles"].details["count"] == 4
    assert ev["social.x"].outcome is Outcome.FAIL
    assert ev["social.open-graph"].outcome is Outcome.PASS
    assert ev["social.embedded-feed"].outcome is Outcome.FAIL
