"""Small Swedish test sites served by LocalSite: pages built from a shared header and footer."""

from __future__ import annotations

from maturity.localsite import LocalSite, Reply

HEADER = """<header><a href="/">Startsida</a>
<nav><ul>{nav}</ul></nav>
<form role="search" action="/sok" method="get"><label for="q">Sök</label><input id="q" name="q"></form>
</header>"""
FOOTER = """<footer><p>Testkommun, Storgatan 1, 123 45 Teststad</p>
<a href="tel:+4681234500">08-123 45 00</a> <a href="mailto:info@test.se">info@test.se</a>
{links}</footer>"""


def page(title: str, body: str, nav: str = "", footer_links: str = "", lang: str = "sv", head: str = "") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title}</title>{head}</head><body>{HEADER.format(nav=nav)}<main><h1>{title}</h1>{body}</main>"
            f"{FOOTER.format(links=footer_links)}</body></html>")


KEY_PAGES = {
    "/kontakt/": "Kontakta oss",
    "/mina-sidor/": "Logga in på Mina sidor",
    "/e-tjanster/": "E-tjänster",
    "/om-webbplatsen/tillganglighetsredogorelse/": "Tillgänglighetsredogörelse",
    "/en/": "In English",
    "/lattlast/": "Lättläst",
    "/teckensprak/": "Teckenspråk",
}


def municipality(articles: int = 60, extra: dict[str, str | Reply] | None = None) -> dict[str, str | Reply]:
    """A home page whose body links many news articles before the mystery-shopper pages, which
    sit only in the header and footer: a crawler without priorities would fill its budget with news."""
    nav = "".join(f'<li><a href="{u}">{t}</a></li>' for u, t in list(KEY_PAGES.items())[:3])
    footer = "".join(f'<a href="{u}">{t}</a>' for u, t in list(KEY_PAGES.items())[3:])
    news = "".join(f'<li><a href="/nyheter/artikel-{i}/">Nyhet nummer {i} om skolan</a></li>' for i in range(articles))
    routes: dict[str, str | Reply] = {
        "/": page("Startsida – Testkommun", f"<ul>{news}</ul>", nav, footer),
        "/robots.txt": Reply(body="User-agent: *\nDisallow: /privat/\n", content_type="text/plain"),
    }
    for url, title in KEY_PAGES.items():
        routes[url] = page(f"{title} – Testkommun", f"<p>{title}.</p>", nav, footer,
                           lang="en" if url == "/en/" else "sv")
    for i in range(articles):
        routes[f"/nyheter/artikel-{i}/"] = page(
            f"Nyhet {i}", f'<p>Text.</p><a href="/nyheter/artikel-{(i + 1) % articles}/">Nästa</a>'
                          f'<a href="/privat/hemlig-{i}/">Privat</a>', nav, footer)
    routes.update(extra or {})
    return routes


def serve(routes: dict[str, str | Reply], host: str) -> LocalSite:
    return LocalSite(routes=dict(routes), host=host)
