"""A generated municipality site of any size, served locally: realistic pages, no internet."""

from __future__ import annotations

import random

from maturity.localsite import LocalSite, Reply, Request

WORDS = ["kommun", "invånare", "förskola", "skola", "bygglov", "avfall", "återvinning", "vatten", "avlopp", "kultur", "bibliotek", "idrott", "äldreomsorg", "socialtjänst", "trafik", "parkering", "gator", "parker", "detaljplan", "näringsliv", "arbete", "utbildning", "vuxenutbildning", "fritid", "föreningar", "bidrag", "ansökan", "handläggning", "beslut", "nämnd", "kommunfullmäktige"]
KEY = [("/kontakt/", "Kontakta oss"), ("/mina-sidor/", "Mina sidor"), ("/e-tjanster/", "E-tjänster"),
       ("/om-webbplatsen/tillganglighetsredogorelse/", "Tillgänglighetsredogörelse"), ("/en/", "In English"),
       ("/lattlast/", "Lättläst"), ("/teckensprak/", "Teckenspråk"), ("/om-kommunen/", "Om kommunen")]


def _text(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def slug(n: int) -> str:
    """A word slug per page number, as real sites have: /sida/bygglov-skola-avfall-17/."""
    a, b, c = WORDS[n % len(WORDS)], WORDS[(n // len(WORDS)) % len(WORDS)], WORDS[(n * 7) % len(WORDS)]
    return f"/sida/{a}-{b}-{c}-{n}/"


def render(path: str, pages: int) -> str:
    rng = random.Random(path)
    n = int(path.strip("/").rsplit("-", 1)[-1]) if path.startswith("/sida/") else 0
    links = "".join(f'<li><a href="{slug((n * 7 + k * 13 + 1) % pages)}">{rng.choice(WORDS).capitalize()} '
                    f"{(n * 7 + k * 13 + 1) % pages}</a></li>" for k in range(12))
    nav = "".join(f'<li><a href="{u}">{t}</a></li>' for u, t in KEY[:4])
    foot = "".join(f'<a href="{u}">{t}</a> ' for u, t in KEY[4:])
    paragraphs = "".join(f"<p>{_text(rng, rng.randint(3, 7))}</p>" for _ in range(rng.randint(3, 8)))
    img = ('<img src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%2240%22 height=%2240%22/%3E"'
           f' alt="{rng.choice(WORDS)}" width="40" height="40">')
    return ('<!doctype html><html lang="sv"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Sida {n} – Benchkommun</title><meta name=\"description\" content=\"{_text(rng, 1)}\">"
            "<style>body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}nav ul{display:flex;"
            "flex-wrap:wrap;gap:1rem;list-style:none;padding:0}a{color:#0645ad}</style></head><body>"
            f'<a href="#main">Hoppa till innehållet</a><header><a href="/">Benchkommun</a><nav><ul>{nav}</ul></nav>'
            '<form role="search" action="/sok"><label for="q">Sök</label><input id="q" name="q" type="search">'
            f'<button>Sök</button></form></header><main id="main"><h1>Sida {n}</h1>{img}{paragraphs}'
            f"<h2>Läs mer</h2><ul>{links}</ul></main><footer><p>Benchkommun, Storgatan 1</p>"
            f'<a href="tel:+4612345600">012-345 600</a> <a href="mailto:info@bench.se">info@bench.se</a> {foot}'
            "</footer></body></html>")


def bench_site(pages: int, host: str = "127.0.0.90") -> LocalSite:
    def handler(req: Request) -> Reply:
        if req.path == "/robots.txt":
            return Reply(body="User-agent: *\nAllow: /\n", content_type="text/plain")
        if req.path == "/" or req.path.startswith("/sida/") or req.path in dict(KEY) or req.path == "/sok":
            return Reply(body=render(req.path, pages))
        return Reply(status=404, body="<!doctype html><title>Sidan finns inte</title><h1>Sidan finns inte</h1>")

    return LocalSite(host=host, not_found=handler)


def page_urls(site: LocalSite, pages: int) -> list[str]:
    return [site.url("/")] + [site.url(slug(i)) for i in range(pages - 1)]
