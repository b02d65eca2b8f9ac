"""Serves the five bundled demo websites, each on a loopback address of its own.

`serve_demo()` starts one `LocalSite` per directory under `maturity/demo/sites/` (configured
by its `site.toml`) and yields the organisations with their live base URLs. On top of the
static files each site gets:

- `{{BASE}}` in `.xml` and `.txt` files (sitemaps, RSS, robots.txt) replaced by the live base
  URL without a trailing slash;
- a working search at `/sok?q=WORD` (also `/sok/`), rendered in the site's own page chrome
  from `_mallar/sida.html`;
- its own not-found page `_mallar/404.html`: status 404, or status 200 for a site with
  `soft_404 = true` (a "soft 404");
- nothing under a path segment starting with `_` or `.`, and no `site.toml`, is served.

Run `python -m maturity.demo.server [--port N]` to serve them until Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import html
import re
import threading
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from maturity.localsite import LocalSite, Reply, Request

SITES_DIR = Path(__file__).resolve().parent / "sites"
TEMPLATE_DIR = "_mallar"
SUBSTITUTED_SUFFIXES = (".xml", ".txt")


@dataclass(frozen=True)
class DemoSiteConfig:
    id: str
    name: str
    type: str
    host: str
    root: Path
    headers: dict[str, str]
    soft_404: bool = False


def _read_config(path: Path) -> DemoSiteConfig:
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    return DemoSiteConfig(
        id=str(data["id"]),
        name=str(data["name"]),
        type=str(data["type"]),
        host=str(data["host"]),
        root=path.parent,
        headers={str(k): str(v) for k, v in dict(data.get("headers") or {}).items()},
        soft_404=bool(data.get("soft_404", False)),
    )


def demo_site_configs(sites_dir: Path = SITES_DIR) -> list[DemoSiteConfig]:
    return sorted((_read_config(p) for p in sites_dir.glob("*/site.toml")), key=lambda c: c.id)


def load_demo_orgs(sites_dir: Path = SITES_DIR) -> list[dict[str, str]]:
    """The demo organisations (id, name, type, host), sorted by id."""
    return [{"id": c.id, "name": c.name, "type": c.type, "host": c.host} for c in demo_site_configs(sites_dir)]


# --- search ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Doc:
    path: str
    title: str
    text: str
    folded: str


def _page_path(root: Path, file: Path) -> str:
    rel = file.relative_to(root).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def _hidden(rel_parts: tuple[str, ...]) -> bool:
    return any(part.startswith(("_", ".")) for part in rel_parts) or (bool(rel_parts) and rel_parts[-1] == "site.toml")


def build_search_index(root: Path) -> list[_Doc]:
    docs = []
    for file in sorted(root.rglob("*.html")):
        if _hidden(file.relative_to(root).parts):
            continue
        soup = BeautifulSoup(file.read_bytes(), "lxml")
        for tag in soup(["script", "style", "noscript", "template"]):
            tag.decompose()
        # the page's own content: <main>, else a layout table's content cell, else <body>
        scope = soup.find("main") or soup.find(class_=["innehall", "content"]) or soup.body or soup
        h1 = scope.find("h1") or scope.find(["h2", "h3"])
        if h1 is not None and h1.get_text(strip=True):
            title = h1.get_text(" ", strip=True)
        else:
            title = soup.title.get_text(strip=True) if soup.title else _page_path(root, file)
        text = re.sub(r"\s+", " ", scope.get_text(" ")).strip()
        docs.append(_Doc(_page_path(root, file), title, text, text.casefold()))
    return docs


def _snippet(doc: _Doc, needle: str, width: int = 90) -> str:
    i = doc.folded.find(needle)
    if i < 0:
        return doc.text[: 2 * width] + ("…" if len(doc.text) > 2 * width else "")
    start, end = max(0, i - width), min(len(doc.text), i + len(needle) + width)
    return ("…" if start else "") + doc.text[start:end] + ("…" if end < len(doc.text) else "")


def search(docs: list[_Doc], query: str) -> list[tuple[_Doc, str]]:
    needle = query.casefold().strip()
    if not needle:
        return []
    hits = []
    for doc in docs:
        count = doc.folded.count(needle)
        in_title = needle in doc.title.casefold()
        if count or in_title:
            hits.append((10 * in_title + count, doc))
    hits.sort(key=lambda h: (-h[0], h[1].path))
    return [(doc, _snippet(doc, needle)) for _, doc in hits]


# --- the site -------------------------------------------------------------------------------


class DemoSite(LocalSite):
    """A `LocalSite` serving one demo site directory (see the module docstring)."""

    def __init__(self, config: DemoSiteConfig, port: int = 0) -> None:
        self.config = config
        self.template = (config.root / TEMPLATE_DIR / "sida.html").read_text(encoding="utf-8")
        self.not_found_page = (config.root / TEMPLATE_DIR / "404.html").read_bytes()
        self._docs: list[_Doc] | None = None  # built on the first search
        self._docs_lock = threading.Lock()
        super().__init__(
            root=config.root,
            routes={"/sok": self._search, "/sok/": self._search},
            host=config.host,
            port=port,
            headers=config.headers,
            not_found=self._not_found,
        )

    @property
    def docs(self) -> list[_Doc]:
        with self._docs_lock:
            if self._docs is None:
                self._docs = build_search_index(self.config.root)
            return self._docs

    def org(self) -> dict[str, str]:
        return {"id": self.config.id, "name": self.config.name, "type": self.config.type, "url": self.base_url}

    def resolve(self, req: Request) -> Reply:
        parts = tuple(p for p in req.path.split("/") if p)
        if _hidden(parts):
            return self._not_found(req)
        reply = super().resolve(req)
        if (
            reply.status == 200
            and req.path.endswith(SUBSTITUTED_SUFFIXES)
            and isinstance(reply.body, bytes)
            and b"{{BASE}}" in reply.body
        ):
            base = self.base_url.rstrip("/").encode()
            reply = dataclasses.replace(reply, body=reply.body.replace(b"{{BASE}}", base))
        return reply

    def _not_found(self, req: Request) -> Reply:
        return Reply(status=200 if self.config.soft_404 else 404, body=self.not_found_page)

    def render(self, title: str, content: str, path: str = "/sok") -> str:
        return (
            self.template.replace("{{TITLE}}", html.escape(title))
            .replace("{{PATH}}", html.escape(path))
            .replace("{{CONTENT}}", content)
        )

    def _search(self, req: Request) -> Reply:
        query = (req.query.get("q") or [""])[0].strip()
        q = html.escape(query)
        if not query:
            content = (
                "<h1>Sök</h1>\n<p>Skriv ett eller flera ord i sökrutan.</p>\n"
                '<form action="/sok" method="get" role="search"><label for="sok-sida">Sökord</label> '
                '<input id="sok-sida" type="search" name="q"> <button type="submit">Sök</button></form>'
            )
            return Reply(body=self.render("Sök", content))
        hits = search(self.docs, query)
        title = f"Sökresultat för ”{query}”"
        if hits:
            items = "\n".join(
                f'<li><a href="{html.escape(doc.path)}">{html.escape(doc.title)}</a><p>{html.escape(snippet)}</p></li>'
                for doc, snippet in hits
            )
            n = len(hits)
            body = (
                f"<h1>Sökresultat för ”{q}”</h1>\n<p>{n} {'träff' if n == 1 else 'träffar'}</p>\n"
                f'<ol class="search-results">\n{items}\n</ol>'
            )
        else:
            body = (
                f"<h1>Sökresultat för ”{q}”</h1>\n<p>Inga träffar för ”{q}”.</p>\n"
                '<p>Kontrollera stavningen eller prova ett annat ord. <a href="/">Till startsidan</a></p>'
            )
        return Reply(body=self.render(title, body))


@contextlib.contextmanager
def serve_demo(port: int = 0, sites_dir: Path = SITES_DIR) -> Iterator[list[dict[str, str]]]:
    """Serve every demo site; yields `[{"id", "name", "type", "url"}]` sorted by id.

    `port=0` gives each site a free port of its own; any other port is used on every
    site's own host address.
    """
    sites: list[DemoSite] = []
    try:
        for config in demo_site_configs(sites_dir):
            site = DemoSite(config, port=port)
            site.start()
            sites.append(site)
        yield [s.org() for s in sites]
    finally:
        # each stop() waits up to a poll interval (0.5 s); stop them side by side
        stoppers = [threading.Thread(target=s.stop) for s in sites]
        for t in stoppers:
            t.start()
        for t in stoppers:
            t.join()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the bundled demo websites until Ctrl-C.")
    parser.add_argument("--port", type=int, default=0, help="port on every site's host (default: random)")
    args = parser.parse_args(argv)
    with serve_demo(args.port) as orgs:
        for org in orgs:
            print(f"{org['id']:<20} {org['name']:<22} {org['type']:<14} {org['url']}", flush=True)
        print("Serving; press Ctrl-C to stop.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("\nStopped.")


if __name__ == "__main__":
    main()
