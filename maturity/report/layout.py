"""The page frame: escaping helpers, one stylesheet, one sorting script, and a strict
Content-Security-Policy.

Crawled text (titles, link texts, snippets, URLs) is untrusted. Escaping is the first
defence; the policy is the second: no inline event handlers, no external loads, and
only the report's own script and stylesheet (allowed by hash) — so markup that slipped
through escaping still could not run or phone home.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from urllib.parse import urlsplit

from maturity.report.i18n import Words

CSS = """
:root{--ink:#1f2933;--muted:#52606d;--line:#d9dee3;--bg:#fff;--band:#f3f6f9;--accent:#1b6ca8;
--pass:#1e7b34;--fail:#b42318;--partial:#9a6700;--review:#5a4fcf}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
header.top{background:#102a43;color:#fff;padding:.75rem 1rem}
header.top a{color:#fff}
header.top .brand{font-weight:700;margin-right:1rem}
nav.main{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline}
main{max-width:1100px;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
a{color:var(--accent)}
p,li,dd{overflow-wrap:anywhere}
td{overflow-wrap:break-word}
td.name{min-width:11rem}
.meta{color:var(--muted);font-size:.9rem}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.num,th.num{text-align:right}
td.num{white-space:nowrap}
thead th{background:var(--band);position:sticky;top:0}
th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:inherit}
th button::after{content:" \\2195";color:var(--muted);font-weight:400}
th[aria-sort=ascending] button::after{content:" \\2191"}
th[aria-sort=descending] button::after{content:" \\2193"}
.delta{display:block;font-size:.8rem;color:var(--muted)}
.up{color:var(--pass)}.down{color:var(--fail)}
.badge{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:.8rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.o-pass{color:var(--pass)}.o-fail,.o-error{color:var(--fail)}.o-partial{color:var(--partial)}
.o-review{color:var(--review)}.o-missing,.o-not_applicable{color:var(--muted)}
svg.chart{width:100%;height:auto;max-width:720px;display:block}
svg.radar{max-width:440px}
svg.swatch{display:inline-block;vertical-align:middle;margin-right:.3rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,320px),1fr));gap:1rem}
.grid.wide{grid-template-columns:repeat(auto-fit,minmax(min(100%,480px),1fr))}
.card{border:1px solid var(--line);border-radius:.4rem;padding:.75rem;min-width:0}
.shots{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.shots figure{margin:0;max-width:100%}
.shots img{max-width:100%;height:auto;border:1px solid var(--line)}
.shots .desktop img{width:640px}.shots .mobile img{width:200px}
ul.evidence{margin:.25rem 0 0;padding-left:1.1rem;font-size:.9rem}
ul.evidence code,code{font-size:.85rem;background:var(--band);padding:0 .2rem;overflow-wrap:anywhere;word-break:break-all}
.changes li{margin:.25rem 0}
.cause{color:var(--muted);font-size:.9rem}
footer{max-width:1100px;margin:2rem auto;padding:1rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem}
""".strip()

SORT_JS = """
(function () {
  var lang = document.documentElement.lang || 'sv';
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, col) {
      var btn = th.querySelector('button');
      if (!btn) { return; }
      btn.addEventListener('click', function () {
        var first = th.getAttribute('data-first') || 'asc';
        var cur = th.getAttribute('aria-sort');
        var asc = cur ? cur !== 'ascending' : first === 'asc';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-v') || '', y = b.cells[col].getAttribute('data-v') || '';
          if (x === '' || y === '') { return (x === '') - (y === ''); }
          var nx = Number(x), ny = Number(y), r;
          if (!isNaN(nx) && !isNaN(ny)) { r = nx - ny; } else { r = x.localeCompare(y, lang); }
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
""".strip()


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = ("default-src 'none'; img-src 'self'; style-src " + _hash(CSS) + "; script-src " + _hash(SORT_JS)
       + "; base-uri 'none'; form-action 'none'")


def e(s: object) -> str:
    """Escape for text and for quoted attribute values."""
    return escape("" if s is None else str(s), quote=True)


def safe_url(url: str | None) -> str | None:
    """A crawled URL usable as a link: http(s) only (never javascript:, data: or file:)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def ext_link(url: str | None, text: str | None = None) -> str:
    """A link out of the report to a crawled page; plain text when the URL is not http(s)."""
    href = safe_url(url)
    label = e(text if text is not None else url or "")
    if href is None:
        return label
    return f'<a href="{e(href)}" rel="noopener noreferrer nofollow">{label}</a>'


def page(words: Words, title: str, body: str, root: str = "", current: str = "") -> str:
    """A whole page; `root` is the relative path back to the report's top ("" or "../")."""
    nav = [("index.html", words("ranking")), ("trends.html", words("trends")),
           ("index.html#profiles", words("profiles")), ("index.html#data", words("data"))]
    links = "".join(f'<a href="{root}{href}"{" aria-current=page" if href == current else ""}>{e(label)}</a>'
                    for href, label in nav)
    return (f'<!doctype html>\n<html lang="{words.lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="referrer" content="no-referrer">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(title)} – {e(words('title'))}</title><style>{CSS}</style></head><body>"
            f'<header class="top"><nav class="main" aria-label="{e(words("title"))}">'
            f'<span class="brand">{e(words("title"))}</span>{links}</nav></header>'
            f"<main>{body}</main><script>{SORT_JS}</script></body></html>\n")
