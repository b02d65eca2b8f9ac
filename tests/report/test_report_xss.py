"""Crawled content is untrusted: a site that puts script into its title, link texts and
attributes is crawled for real, the report built and opened in Chromium — nothing runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from maturity.localsite import LocalSite
from tests.report.helpers import Watched, browser, overflow

PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "\"><svg onload=\"window.__pwned='svg'\">",
]
TITLE = "Hemsida " + PAYLOADS[0] + PAYLOADS[1]


def hostile_site() -> dict[str, Any]:
    links = (f'<a href="/kontakt/">Kontakta oss {PAYLOADS[1]}</a>'
             f'<a href="/om-oss/" title="{PAYLOADS[2]}" aria-label="Om oss {PAYLOADS[0]}">Om oss {PAYLOADS[2]}</a>'
             f'<a href="javascript:window.__pwned=\'href\'">Klicka {PAYLOADS[0]}</a>'
             f'<a href="tel:+46812345600">Ring oss {PAYLOADS[0]}</a>'
             f'<a href="mailto:info@ond.se" title="{PAYLOADS[2]}">E-post {PAYLOADS[1]}</a>'
             f'<a href="https://www.facebook.com/ondkommun">Facebook {PAYLOADS[1]}</a>')
    head = f'<meta name="description" content="{PAYLOADS[2]}">'
    page = ('<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" '
            'content="width=device-width, initial-scale=1"><title>{title}</title>{head}</head><body><main>'
            '<h1>Hej</h1><p>{links}</p></main></body></html>')
    # The crawled page itself must not set the marker in the report: the report is a file
    # of its own; the crawled site's scripts run only in the crawler's browser.
    return {"/": page.format(title=TITLE, head=head, links=links),
            "/kontakt/": page.format(title=f"Kontakt {PAYLOADS[1]}", head="", links=links),
            "/om-oss/": page.format(title=f"Om oss {PAYLOADS[0]}", head=head, links=links)}


def maturity(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maturity.cli", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_injected_markup_never_runs_in_the_report(tmp_path: Path) -> None:
    with LocalSite(routes=hostile_site(), host="127.0.0.181") as site:
        targets = tmp_path / "t.toml"
        targets.write_text('[[organization]]\nid = "ond"\nname = "Ond kommun"\ntype = "municipality"\n'
                           f'url = "{site.base_url}"\n', encoding="utf-8")
        db = tmp_path / "m.db"
        done = maturity("crawl", str(targets), "--db", str(db), "--allow-private", "--block-external", "--delay", "0",
                        "--max-pages", "5", "--probes", "page-basics,contact-channels,social",
                        "--page-timeout", "10", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    out = tmp_path / "report"
    rep = maturity("report", "--db", str(db), "--out", str(out), cwd=tmp_path)
    assert rep.returncode == 0, rep.stderr
    assert rep.stdout.strip() == f"Report: {(out / 'index.html').resolve()}"
    org_page = (out / "org" / "ond.html").read_text(encoding="utf-8")
    # The crawl did carry the payloads into the evidence the report shows …
    assert "&lt;script&gt;window.__pwned=&#x27;script&#x27;&lt;/script&gt;" in org_page  # titles
    assert "&quot;&gt;E-post" in org_page  # a link's text and attribute, quoted by the contact probe
    assert 'a[href=&quot;tel:+46812345600&quot;]' in org_page  # a selector
    # … and none of it survives as markup.
    for raw in ("<script>window.__pwned", "onerror=\"window", "<svg onload", 'href="javascript:'):
        assert raw not in org_page
    with browser() as b:
        page = b.new_page(viewport={"width": 1280, "height": 900})
        w = Watched(page)
        for target in (out / "index.html", out / "org" / "ond.html", out / "trends.html"):
            page.goto(target.as_uri())
            page.wait_for_timeout(200)
            for item in page.locator("ul.evidence li").all()[:20]:  # injected mouse handlers would fire
                item.hover()
            assert w.pwned() is None, f"injected script ran on {target.name}"
            assert page.evaluate("() => document.querySelectorAll('main script, main [onerror], main [onload]').length") == 0
        page.set_viewport_size({"width": 375, "height": 812})
        page.goto((out / "org" / "ond.html").as_uri())
        width, client = overflow(page)
        assert width <= client
        assert w.errors == [], w.errors
