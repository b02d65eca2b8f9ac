"""Generates the five fictional demo websites under `maturity/demo/sites/<org-id>/`.

Run `python -m maturity.demo.build_sites` after editing; the generated files are committed
and are what `maturity.demo.server` serves (the output is deterministic). Every site gets a
shared header/footer of its own, so the markup stays consistent page to page; the sites
differ on purpose in how digitally mature they are (`tests/demo/test_demo_sites.py` pins
the features below, which the probes may rely on):

    site               presence/statement          experience/a11y        e-CRM                     mobile                social
    nordstad           HTML, delvis förenlig,      axe-clean, skip link,  BankID/Freja/eIDAS,       responsive, burger,   FB, IG, LinkedIn, YT,
                       footer, all DIGG parts      Lyssna, lättläst,      chat, Ring mig, Boka tid, 44px targets          share links, OG,
                                                   teckenspråk, 5 min.    FAQ, klagomål, RSS,                             JSON-LD
                                                   languages + en         newsletter, feedback
    vagmyndigheten     HTML, helt förenlig,        axe-clean, lättläst,   BankID only, phone,       responsive, burger    FB, X, IG, YT, LinkedIn,
                       ISO dates, footer           en only                e-mail, form; no chat,                          TikTok, Mastodon, OG
                                                                          callback, FAQ, booking
    forsakringsverket  HTML, delvis, 2023-05-10,   axe faults (alt,       Mina sidor BankID/Freja/  width=1200 viewport,  Facebook only
                       no method, no DIGG link     label, contrast)       eIDAS, chat, Bli          11px text, 14px links,
                                                                          uppringd, Boka besök,     no menu button
                                                                          FAQ, klagomål
    sjovik             none                        many axe faults,       phone as text only, no    no viewport, 960px    none; GA + FB pixel
                                                   tables, no lang on     mailto, no form, login,   table layout          before consent, "OK"
                                                   10 pages               e-services                                      banner; soft 404
    arkivmyndigheten   PDF only (from Om           axe-clean, lättläst,   form, tel:, e-mail        responsive; one table X only
                       webbplatsen), en HTML       en (+ en statement)    "[at]" (no mailto),       overflows at 320px
                       "partially compliant"                              no login

Besides the pages each site gets `_mallar/sida.html` (the page chrome with `{{TITLE}}`,
`{{PATH}}` and `{{CONTENT}}` placeholders, used by the server for search results) and
`_mallar/404.html`. Paths starting with `_` are never served. Absolute URLs in `.xml` and
`.txt` files are written as `{{BASE}}/path`; the server fills in the live base URL.
"""

from __future__ import annotations

import argparse
import base64
import html
import json
import shutil
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

SITES_DIR = Path(__file__).resolve().parent / "sites"
KEEP = {"site.toml"}  # hand-written, never removed by the generator
TEMPLATE_DIR = "_mallar"

MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]


def e(text: str) -> str:
    return html.escape(text, quote=True)


def sv_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def rfc822(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return format_datetime(datetime(y, m, d, 9, 0, tzinfo=UTC))


@dataclass
class Page:
    path: str  # root-relative, directories end with "/"
    title: str
    body: str  # the inside of <main> (or the content cell, for table layouts)
    lang: str = "sv"
    description: str = ""
    published: str | None = None  # ISO dates
    updated: str | None = None
    article: bool = False
    crumbs: list[tuple[str, str]] = field(default_factory=list)  # (title, path) above this page
    html_lang: bool = True  # sjovik leaves lang off some pages
    text_dir: str | None = None  # "rtl" for jiddisch
    in_sitemap: bool = True
    canonical: bool = True
    extra_head: str = ""


@dataclass
class Build:
    id: str
    pages: list[Page]
    render: Callable[[Page], str]
    files: dict[str, str | bytes]
    not_found: Page
    sitemap: str = "plain"  # "plain" | "index" | "none"
    lastmod: str = "2026-10-01"


@dataclass
class News:
    slug: str
    title: str
    published: str | None
    updated: str | None
    lead: str
    paras: list[str]
    image: tuple[str, str] | None = None  # (file name, alt text)

    @property
    def path(self) -> str:
        return f"/nyheter/{self.slug}/"


def paras(*texts: str) -> str:
    return "\n".join(f"<p>{t}</p>" for t in texts)


def sitemap_urlset(pages: list[Page], default_lastmod: str) -> str:
    rows = []
    for p in pages:
        if not p.in_sitemap:
            continue
        lastmod = p.updated or p.published or default_lastmod
        rows.append(f"  <url>\n    <loc>{{{{BASE}}}}{p.path}</loc>\n    <lastmod>{lastmod}</lastmod>\n  </url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(rows)
        + "\n</urlset>\n"
    )


def sitemap_index(names: list[str], lastmod: str) -> str:
    rows = "\n".join(
        f"  <sitemap>\n    <loc>{{{{BASE}}}}/{n}</loc>\n    <lastmod>{lastmod}</lastmod>\n  </sitemap>" for n in names
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{rows}\n</sitemapindex>\n"
    )


# --- tiny binary assets ---------------------------------------------------------------------


def png(width: int, height: int, rgba: tuple[int, int, int, int], stripe: tuple[int, int, int, int] | None = None) -> bytes:
    """A solid (optionally striped) RGBA PNG."""
    rows = []
    for y in range(height):
        colour = stripe if stripe and (y * 4 // max(height, 1)) % 2 else rgba
        rows.append(b"\x00" + bytes(colour) * width)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def ico(rgba: tuple[int, int, int, int]) -> bytes:
    """favicon.ico holding one 16x16 PNG."""
    image = png(16, 16, rgba)
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 16, 16, 0, 0, 1, 32, len(image), 22) + image


def _pdf_text(s: str) -> str:
    out = []
    for ch in s:
        code = ch.encode("cp1252")[0]
        if ch in "\\()":
            out.append("\\" + ch)
        elif code > 126:
            out.append(f"\\{code:03o}")
        else:
            out.append(ch)
    return "".join(out)


def pdf(title: str, author: str, lines: list[str]) -> bytes:
    """A one-page PDF 1.4 with Helvetica text (WinAnsi, so å ä ö work)."""
    ops = ["BT", "/F1 10 Tf", "13 TL", "50 800 Td"]
    for i, line in enumerate(lines):
        size = 15 if i == 0 else 10
        ops.append(f"/F1 {size} Tf ({_pdf_text(line)}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (sv-SE) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        f"<< /Title ({_pdf_text(title)}) /Author ({_pdf_text(author)}) >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def logo_svg(text: str, sub: str, fg: str, bg: str, width: int = 220) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="48" viewBox="0 0 {width} 48" role="img">'
        f"<title>{e(text)}</title>"
        f'<rect width="44" height="44" x="2" y="2" rx="6" fill="{bg}"/>'
        f'<path d="M12 34 L24 12 L36 34 Z" fill="{fg}"/>'
        f'<text x="54" y="24" font-family="Arial, Helvetica, sans-serif" font-size="18" font-weight="bold" fill="{bg}">{e(text)}</text>'
        f'<text x="54" y="41" font-family="Arial, Helvetica, sans-serif" font-size="11" fill="{bg}">{e(sub)}</text>'
        "</svg>\n"
    )


def illustration_svg(label: str, colour: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320">'
        f'<rect width="640" height="320" fill="{colour}"/>'
        '<circle cx="520" cy="80" r="40" fill="#ffffff" opacity="0.5"/>'
        '<path d="M0 260 C160 200 320 300 640 220 L640 320 L0 320 Z" fill="#ffffff" opacity="0.35"/>'
        f'<text x="32" y="64" font-family="Arial, sans-serif" font-size="28" fill="#ffffff">{e(label)}</text>'
        "</svg>\n"
    )


SIGN_VTT = """WEBVTT

00:00.000 --> 00:01.000
Välkommen till Nordstads stad.

00:01.000 --> 00:02.000
Här får du information på svenskt teckenspråk.
"""

# Recorded once with Chromium (canvas + MediaRecorder, 2 s, 160x90 VP8): a real, tiny video.
SIGN_VIDEO_WEBM = """
GkXfo59ChoEBQveBAULygQRC84EIQoKEd2VibUKHgQRChYECGFOAZwEAAAAAAA4NEU2bdLlNu4tT
q4QVSalmU6yBbk27i1OrhBZUrmtTrIGTTbuLU6uEH0O2dVOsgcFNu4xTq4QcU7trU6yCDfvsrgAA
AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAVSalmoCrXsYMPQkBE
iYRE4DuFTYCGQ2hyb21lV0GGQ2hyb21lFlSua6mup9eBAXPFhxO6OrV20ZKDgQFV7oEBhoVWX1ZQ
OOCKsIGguoFaU8CBAR9DtnUBAAAAAAANLueBAKBA2aFAlIEAAAAQCACdASqgAFoACccIhYWImYSI
N4IDNhKVdIJyCpzoZ+ZKUOq4aXwSf8XGFCWIGTkK4tPnCZx/C3yFmODD7Ny9yPLT51xc2CdgAP7g
uVUUUfYucsloXHIPcjk/D5/ax1bz7/Cy3sc8hPjDRDWE1MflLkYWoWhjm1qSWH/KrEFG38nm5GnE
8cu+YayIGsjehAB1ob+mve6BAaW4UAUAnQEqoABaAAqHCIWFiJmEiDgCAAYoDwh1VJruIdVSa7iH
VUmu4h1VJruIdVSa7iG8AP7rrgCg96HUgQBdAHEFACURoAAYABqk1/QADV+CpgpuR9+gl4XbBgip
ruT13vTWTRnAC2Ew2y+zX4D+5AFVFFH2OFeBkQ/MM8U/L2ironIclU9A8xEaqPQ0yiAAdaGbppnu
gQGllBECACoRwAAYABhYL/QACICBAAAA+4EAoECHoeSBAMEAkQUAJxFQAB7GcAyCKHqgDzpBII9m
TKGf/Cbk9U/3TKYrr7OG9UkaFHpUe+hTiwD+6MqgTdh3xGGeycfcdgNMT3TLxUGhi+Nxm/i5sKPw
VdS2fl4NHWBPadSyIDho2QAAdaGbppnugQGllBECACoRwAAYABhYL/QACICBAAAA+4FdoECOoeuB
ASUAEQUAJxEsABgAGw2P9AAZRjsKAtM2VsRKHz9diB4PE9MCRmroI9Qmrbfe4P7qXD6tJpF5xGGi
uj/1aysq79zvfUV9/jDJnvkL0zsWLD2OB3iVSdyp5MCAMGez7Hbwg2IsASsgLXORgHWhm6aZ7oEB
pZQRAgAqEcAAGAAYWC/0AAiAgQAAAPuBwaBAhKHggQGKANEEACcRDAAYABvlj/QAIQ1YqR+tw8/V
3Ui5ktvnwqiPiaj0xM+ViroA/uvX4wZbbFRWkQQtPFBFyqxzYwP69+uOX389SK4Xw2pO9jXU39s9
fWJ7uTwEOq1AH9QAdaGbppnugQGllBECACoRuAAYABhYL/QACICBAAAA+4IBJaBAkKHsgQHuABEF
ACUQ8AAYABsLl/QAFt06dOnLYvtDCZEbM/tfC8J1mbbJQtvI8KW2goD+7QE7KvV5lXe5aKEVsz4z
ULAQezjPepoEyyiQ2i97spRsgWNRLObxHyHqAYEC1c3Ua0JnGgRfdZbOEYAAdaGbppnugQGllBEC
ACoRkAAYABhYL/QACICBAAAA+4IBiqBAmqH2gQJSADEFACcQ2AAYAB19L/QAL+VMXMXADqAot2z5
xSldpHahQVfpWlWqk/lGugag/u4+d87VsfZ96S6XGVhaOwwwhhOwbpD1A8prOyrnZCtQx/r3fu+X
K9x8NShM4PfIrI5zUAT/kEsJ5NIWWpcJnTiERjvAAHWhm6aZ7oEBpZQRAgAqEWAAGAAYWC/0AAiA
gQAAAPuCAe6gQJih9YECtgBRBQApELgAGRQGAIxg0cOAqHPLQHUdTMknMZUKG46ITHh6MiunsnMo
PPMu3AD+73Pd8jsIbsOX4Nkim28UHE/vXeGCgCDZaszlnYctkUKf4zc4MtXgdv7wnzZPpEtlTM2y
XIDVqmaJs3UEiMI67TLAAHWhmqaY7oEBpZPxAQAqEYQUYABhYL/QACICBAAA+4ICUqBAhaHhgQMZ
ANEEACkQmAAYABvlj/QAIQ1YqR+c1yuacKEBhMmMgdHxNR6VLIWT8fQA/vCDDft5zZ3AH31VT1+K
OtlK6P/6T37BDJDKEeQ2cz9KUEANEPPABn5UM0KU1YLgC13AAHWhm6aZ7oEBpZQRAgAqEUwAGAAY
WC/0AAiAgQAAAPuCAragQL2hQJiBA34A0QUAKRB8ABr2qH6CVAgdXOvzQB66uo2/B3NwNl0lAt2T
tEt28DPGHUb3b8c+A109AP7y5eP8UApHDnf9fAFPIK1ZAZ7CPkGLUFfGGkcTle3vqJXSImk8kFhL
o5g9ol5e/DXiKUxvAb4+QSCf+/VyIkUJPy4Gwkid7gHeKZLcRAjVkyuxd5qvRSlC+T6cZC59qTS2
AHWhm6aZ7oEBpZQRAgAqESAAGAAYWC/0AAiAgQAAAPuCAxmgQJOh74ED4gDxBAApEGwAGAAbfm/0
ABRRp0H6oI64qlNzsEITJeDCFUw6nf2z3c2p+HD+9O/X/kkermOg/18AU8tJndyxz6EQTp219ALj
Ls1cI9Hon/kVgaY7xZKKxoIgIqZK43wAGXaa0AaDOygP+PHWAHWhm6aZ7oEBpZQRAgAqEPwAGAAY
WC/0AAiAgQAAAPuCA36gQLWhQJCBBEUAEQUAKRBYABjctgCxpcGvAFEBTvL0wQrHjLSxTcoFXbcL
Sa5Yr6WoCSpfAP724s3/V2J8KEE/6FGyiYdrQRaXoi9QgNLH8MP6TdvQKqrbrnx8sfyU+lu2XyKM
XYGBQCv2r2AXO/srrZPj3rrzGob3F+53WWeQaH1u+RUCPSaI2XW0oEe7K1fJmY7R4AB1oZumme6B
AaWUEQIAKhDgABgAGFgv9AAIgIEAAAD7ggPioED0oUC7gQSqADEFACkQSAAYABvdN/QAFMpuW8FF
1iGvr7IFOtALsAmm+/1uS7Lz05crxbKA/vgg4f+4Mz6uxw/8bzea1nUei/sYqvDVVH/absUmX4NT
PNCO3Z3U0zL8q+heJesohsAuQ0MqsTztpNvCB0TOOAZTCov5fq/c6IhDt/6ZxRMAYzY3QC/yGuv3
7KabL9Yjo/xbu/1t+9eFrRDL5oIAAvpbDLfUDHFJrFXyNNxWI+oRjH6wJJ3jx9K4AHWhr6at7oEB
paixAgAqELgAGG+b8lf9XgGXNZeaACIEFqDQ46W1W5fczgJBDmOtYCgA+4IERaBArqFAiYEFDgBR
BAApEEAAGAQ9sGlgidGCJWAzIBteW2yLFIaU8UbC3gmbg9jAOrQuzx2P/Q3PaewIiBEDIsIy2Djk
IEA/mhaRqKDB6iKau7p8pHiEiY+2uom+sjX6oJhl7WvCfz4SCyd5aZ2mCuSSX97eFhNcsoOXBy7u
Pgm4ul0LP+Y8Z4vXvTygogAAdaGbppnugQGllBECACoQgAAYABhYL/QACICBAAAA+4IEqqDGoaKB
BXEA8QIAKRGMFGAAYoHf0ABmEWvXYNWAkP9J/gD+2dgAdaGbppnugQGllBECACoQfAAYABhYL/QA
CICBAAAA+4IFDqBA46FAvoEF1gBxBAApEDQAGnWRzUVLmOGqAiFmO/EAcWV53bwUISKZbuxOo+VO
QPlqdDBXepwyvBfXfYXycKkmGGzJO33xQ7xVbkbfaZNHld2fN/l5PpWNs5d5HrH8StCf5I19Nk+k
iA4yPrDiUyyy4nox4QoKxgm4UiSg1AbAZvASjajstHjRsxOz7rYudw0FcrGBu1SAeItYSNEB/kz2
1hAm7k+DIEJkoLk0JA+9TKOlcJaHTQgaGDfOWm6jhhO4wAB1oZumme6BAaWUEQIAKhBgABgAGFgv
9AAIgIEAAAD7ggVxoEFNoUEogQY6ABEFACMQMAAY2UvkzCyQC8qwjUhvmYQGJfAPGMiP0xiGX1mJ
AG9XZm5e8gDM//90f3/9vf/GH3Tn27+//3r9Jz74rVvf/1Gn5tgz+9vtte03/mfdvL+8Sv9WpriT
/W/+nP/Lk8j7a99oZF5pu5kNGRtylLuEejB5JKmL54U7pHbTH2lS3zDfzCxvSk8KX77/9EAztMGH
+gzytYbhsI1O8K+j7OvRibH+5FXuXnLnqkNmPu8ojAkm85OY+sKHTaWyWoOAn/ic935POZ/JxD0F
JZ8QsLHVhdjHs+51kW2M1HgOiinb/oanLkRn+Z0R1zRjZYyFVgsASbS0/IEoeGmTrqlV7kte9PK1
up10koYkR/Pgo0iaO07Tp72R1c79r/HGS/sLkAB1oZumme6BAaWUEQIAKhBMABgAGFgv9AAIgIEA
AAD7ggXWoEDsoUDHgQaeAHEFACUQMAAZmgMSA+cALcB/QH+ksH/nD0ZCPr/BA0Kj6d28EYplvzE5
AJ7kdkD+ul7z6f/9AG0EXfo9Hbd4VffXcp//k79NnNG2YkmSXf/tB3+UlE0WzW7my8X/sAN4deH+
B+9if0P/yrgUMnOS1UoOlUdvawUIsrK+0UaaaprmQZmbiy5YvJkmHLctVdpSHVpY94d3WvypLkws
bkJy0U4/WaKpXsiByOcjRFIHcGChG7lVsoQUYIiisEeNBzGqeomooHWhm6aZ7oEBpZQRAgAqEDgA
GAAYWC/0AAiAgQAAAPuCBjqgQLuhQJeBBwEAMQQAJRAsABgQf+7P+BQJvgwqyP98WYpW2CfEMAYk
wnaLquQA/sLD/4xf/iY3/vP//7zd//jF3/982f/3cH/zkoGm+5dEkGDb/7QeAzA+d7v/W/+qXieR
UL+jHyCqCzv0nrPemOe4j/Ye2pn39bw+RiGJ82JVZ1Oy/KvAidDIwRdpZYUWR8zBuneokKYWQENF
Ek+AdaGappjugQGlk/EBACoRuBRgAGFgv9AAIgIEAAD7ggaeHFO7a427i7OBALeG94EB8YHB
"""


# =============================================================================================
# Nordstads stad — the most mature site
# =============================================================================================

NORDSTAD_SOCIAL = [
    ("Facebook", "https://www.facebook.com/nordstadsstad"),
    ("Instagram", "https://www.instagram.com/nordstadsstad"),
    ("LinkedIn", "https://www.linkedin.com/company/nordstads-stad"),
    ("YouTube", "https://www.youtube.com/@nordstadsstad"),
]
NORDSTAD_PROD = "https://www.nordstad.se"

NORDSTAD_CSS = """/* Nordstads stad – responsiv stilmall */
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 100%; }
body { margin: 0; font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 1.0625rem; line-height: 1.6; color: #1b1b1b; background: #fff; overflow-wrap: break-word; }
h1, h2, h3 { hyphens: auto; }
img, video { max-width: 100%; height: auto; }
a { color: #0b4f8a; text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { color: #06335b; text-decoration-thickness: 2px; }
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, main:focus { outline: 3px solid #e8a500; outline-offset: 2px; }
a:focus:not(:focus-visible), button:focus:not(:focus-visible), main:focus:not(:focus-visible) { outline: none; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid #e8a500; outline-offset: 2px; box-shadow: 0 0 0 5px #1b1b1b; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: 1rem; top: -100px; z-index: 100; background: #1b1b1b; color: #fff; padding: 0.75rem 1rem; font-weight: bold; }
.skip-link:focus { top: 0.5rem; color: #fff; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.site-header { background: #fff; border-bottom: 4px solid #1a3d6d; }
.header-inner { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1.5rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.logo { display: inline-block; line-height: 0; }
.tools { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin-left: auto; list-style: none; padding: 0; margin-top: 0; margin-bottom: 0; }
.tools a, .tools button { display: inline-flex; align-items: center; min-height: 44px; padding: 0 0.25rem; font-size: 0.95rem; }
.tools button { font: inherit; font-size: 0.95rem; background: none; border: 0; color: #0b4f8a; text-decoration: underline; cursor: pointer; }
.tools .login { font-weight: bold; }
.search { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; width: 100%; }
.search label { font-weight: bold; }
.search input { flex: 1 1 12rem; min-height: 44px; padding: 0.5rem; font: inherit; border: 2px solid #4a4a4a; border-radius: 4px; }
button, .button { min-height: 44px; padding: 0.5rem 1.25rem; font: inherit; font-weight: bold; color: #fff; background: #1a3d6d; border: 2px solid #1a3d6d; border-radius: 4px; cursor: pointer; text-decoration: none; display: inline-block; }
.button:hover, button:hover { background: #06335b; color: #fff; }
.button.secondary, button.secondary { background: #fff; color: #1a3d6d; }
.menu-toggle { display: none; }
.main-nav { background: #1a3d6d; }
.main-nav ul { display: flex; flex-wrap: wrap; gap: 0; margin: 0 auto; padding: 0 1rem; max-width: 72rem; list-style: none; }
.main-nav a { display: block; padding: 0.75rem 1rem; color: #fff; text-decoration: none; font-weight: 600; }
.main-nav a:hover, .main-nav a[aria-current="page"] { background: #06335b; text-decoration: underline; }
main { display: block; padding: 1.5rem 0 2rem; }
main > .wrap > h1, article > h1 { font-size: 2.1rem; line-height: 1.25; margin-top: 0.5rem; }
.breadcrumbs ol { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: 0.25rem; font-size: 0.95rem; }
.breadcrumbs li + li::before { content: "›"; margin: 0 0.4rem; color: #555; }
.lead { font-size: 1.25rem; }
.meta { color: #4a4a4a; font-size: 0.95rem; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 1rem; }
.cards li { border: 1px solid #c9c9c9; border-radius: 6px; padding: 1rem; background: #f5f7fa; }
.cards a { font-weight: bold; font-size: 1.1rem; }
.hero { background: #e8eef6; padding: 1.5rem; border-radius: 6px; margin-bottom: 1.5rem; }
.news-list { list-style: none; padding: 0; }
.news-list li { border-bottom: 1px solid #d0d0d0; padding: 0.75rem 0; }
.contact-box { border-left: 6px solid #1a3d6d; background: #f5f7fa; padding: 1rem 1.25rem; margin: 1.5rem 0; }
form.stacked label { display: block; font-weight: bold; margin-top: 1rem; }
form.stacked input, form.stacked select, form.stacked textarea { display: block; width: 100%; max-width: 32rem; min-height: 44px; padding: 0.5rem; font: inherit; border: 2px solid #4a4a4a; border-radius: 4px; }
form.stacked .hint { display: block; font-weight: normal; color: #4a4a4a; font-size: 0.95rem; }
form.stacked button { margin-top: 1rem; }
fieldset { border: 1px solid #c9c9c9; margin-top: 1rem; }
.eid-list { list-style: none; padding: 0; display: grid; gap: 0.75rem; max-width: 32rem; }
.eid-list button { width: 100%; text-align: left; }
details { border: 1px solid #c9c9c9; border-radius: 4px; margin: 0.5rem 0; padding: 0.5rem 1rem; }
summary { cursor: pointer; font-weight: bold; min-height: 44px; display: flex; align-items: center; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c9c9c9; padding: 0.5rem; text-align: left; vertical-align: top; }
.table-wrap { overflow-x: auto; }
.page-feedback { margin-top: 2.5rem; padding: 1rem 1.25rem; border: 1px solid #c9c9c9; border-radius: 6px; background: #f5f7fa; }
.page-feedback h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
.page-feedback .buttons { display: flex; gap: 0.75rem; }
.page-info { margin-top: 1.5rem; font-size: 0.95rem; color: #4a4a4a; }
.share ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
.share a { display: inline-flex; align-items: center; min-height: 44px; }
.site-footer { background: #14304f; color: #fff; padding: 2rem 0; margin-top: 2rem; }
.site-footer a { color: #fff; display: inline-flex; align-items: center; min-height: 44px; }
.site-footer .cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1.5rem; }
.site-footer h2 { font-size: 1.1rem; }
.site-footer ul { list-style: none; padding: 0; margin: 0; }
.cookie-banner { position: fixed; left: 0; right: 0; bottom: 0; z-index: 50; background: #fff; border-top: 4px solid #1a3d6d; box-shadow: 0 -2px 12px rgba(0,0,0,.25); padding: 1rem 0; }
.cookie-banner h2 { margin: 0 0 0.25rem; font-size: 1.2rem; }
.cookie-banner .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 0.75rem; }
.cookie-banner .buttons button { flex: 1 1 12rem; max-width: 16rem; }
.chat-launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 40; border-radius: 2rem; }
.chat-panel { position: fixed; right: 1rem; bottom: 4.5rem; z-index: 41; width: min(22rem, calc(100vw - 2rem)); background: #fff; border: 2px solid #1a3d6d; border-radius: 8px; padding: 1rem; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.chat-log { max-height: 12rem; overflow-y: auto; font-size: 0.95rem; }
.chat-panel label { font-weight: bold; display: block; margin-top: 0.5rem; }
.chat-panel input { width: 100%; min-height: 44px; font: inherit; padding: 0.4rem; border: 2px solid #4a4a4a; border-radius: 4px; }
.app-badges { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
@media (max-width: 48em) {
  body { font-size: 1rem; }
  .header-inner { gap: 0.5rem; }
  .tools { margin-left: 0; width: 100%; }
  .menu-toggle { display: inline-block; margin-left: auto; }
  .js .main-nav { display: none; }
  .js .main-nav.is-open { display: block; }
  .main-nav ul { flex-direction: column; padding: 0; }
  .main-nav a { padding: 0.9rem 1rem; border-top: 1px solid #2c5588; }
  main > .wrap > h1, article > h1 { font-size: 1.6rem; }
  .cookie-banner .buttons button { max-width: none; }
}
@media print { .site-header, .site-footer, .cookie-banner, .chat-launcher, .page-feedback { display: none; } }
"""

NORDSTAD_JS = """/* Nordstads stad: meny, kakor, "Hjälpte informationen dig?" och Lyssna. Ingen spårning. */
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  function hasConsent() { return /(^|;\\s*)consent=(necessary|all)/.test(document.cookie); }
  ready(function () {
    var toggle = document.querySelector('.menu-toggle');
    if (toggle) {
      var nav = document.getElementById(toggle.getAttribute('aria-controls'));
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') === 'true';
        toggle.setAttribute('aria-expanded', String(!open));
        nav.classList.toggle('is-open', !open);
      });
    }
    var banner = document.getElementById('kakbanner');
    if (banner) {
      if (hasConsent()) { banner.hidden = true; }
      Array.prototype.forEach.call(banner.querySelectorAll('[data-consent]'), function (button) {
        button.addEventListener('click', function () {
          document.cookie = 'consent=' + button.getAttribute('data-consent') + '; path=/; max-age=31536000; SameSite=Lax';
          banner.hidden = true;
        });
      });
      Array.prototype.forEach.call(document.querySelectorAll('[data-consent-reset]'), function (button) {
        button.addEventListener('click', function () {
          document.cookie = 'consent=; path=/; max-age=0; SameSite=Lax';
          banner.hidden = false;
          var first = banner.querySelector('button');
          if (first) { first.focus(); }
        });
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll('.page-feedback'), function (box) {
      Array.prototype.forEach.call(box.querySelectorAll('button[data-svar]'), function (button) {
        button.addEventListener('click', function () {
          box.querySelector('.buttons').hidden = true;
          var thanks = box.querySelector('.thanks');
          thanks.hidden = false;
          thanks.textContent = button.getAttribute('data-svar') === 'ja'
            ? 'Tack för ditt svar!'
            : 'Tack för ditt svar! Vill du berätta vad som saknades? Skriv till oss via Synpunkter och klagomål.';
        });
      });
    });
    var listen = document.getElementById('lyssna');
    if (listen) {
      if (!('speechSynthesis' in window)) { listen.hidden = true; return; }
      listen.addEventListener('click', function () {
        if (listen.getAttribute('aria-pressed') === 'true') {
          window.speechSynthesis.cancel();
          listen.setAttribute('aria-pressed', 'false');
          return;
        }
        var main = document.querySelector('main');
        var utterance = new SpeechSynthesisUtterance(main ? main.innerText : document.body.innerText);
        utterance.lang = document.documentElement.lang === 'sv' ? 'sv-SE' : document.documentElement.lang;
        utterance.onend = function () { listen.setAttribute('aria-pressed', 'false'); };
        listen.setAttribute('aria-pressed', 'true');
        window.speechSynthesis.speak(utterance);
      });
    }
  });
})();
"""

CHAT_JS = """/* Liten lokal chatt-widget: öppnar en panel och svarar med ett förinspelat meddelande. */
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    var panel = document.getElementById('chatt-panel');
    if (!panel) { return; }
    var openers = document.querySelectorAll('[data-chatt-oppna]');
    var log = panel.querySelector('.chat-log');
    var form = panel.querySelector('form');
    var input = panel.querySelector('input');
    function setOpen(open) {
      panel.hidden = !open;
      Array.prototype.forEach.call(openers, function (b) { b.setAttribute('aria-expanded', String(open)); });
      if (open) { input.focus(); }
    }
    Array.prototype.forEach.call(openers, function (b) {
      b.addEventListener('click', function () { setOpen(panel.hidden); });
    });
    panel.querySelector('.chat-close').addEventListener('click', function () { setOpen(false); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text) { return; }
      var mine = document.createElement('p');
      mine.textContent = 'Du: ' + text;
      log.appendChild(mine);
      input.value = '';
      window.setTimeout(function () {
        var reply = document.createElement('p');
        reply.textContent = panel.getAttribute('data-svar');
        log.appendChild(reply);
      }, 400);
    });
  });
})();
"""


def chat_panel(answer: str, greeting: str, agent: str) -> str:
    return f"""<div id="chatt-panel" class="chat-panel" role="dialog" aria-label="Chatt med {e(agent)}" data-svar="{e(answer)}" hidden>
  <p><strong>Chatt med {e(agent)}</strong> <button type="button" class="chat-close secondary">Stäng chatten</button></p>
  <div class="chat-log" role="log" aria-live="polite"><p>{e(greeting)}</p></div>
  <form class="chat-form" action="/kontakt/" method="get">
    <label for="chatt-meddelande">Skriv ditt meddelande</label>
    <input id="chatt-meddelande" name="meddelande" type="text" autocomplete="off">
    <button type="submit">Skicka</button>
  </form>
</div>"""


def nordstad_render(page: Page) -> str:
    lang = page.lang
    base_lang = ' lang="sv"' if lang != "sv" else ""
    title = f"{page.title} – Nordstads stad" if page.path != "/" else "Nordstads stad – startsida"
    desc = page.description or f"{page.title} – information från Nordstads stad."
    og_type = "article" if page.article else "website"
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f'<meta name="description" content="{e(desc)}">',
    ]
    if page.canonical:
        head.append(f'<link rel="canonical" href="{e(page.path)}">')
    head += [
        '<link rel="icon" href="/favicon.ico" sizes="16x16">',
        '<link rel="apple-touch-icon" href="/bilder/apple-touch-icon.png">',
        '<meta name="theme-color" content="#1a3d6d">',
        '<link rel="stylesheet" href="/css/nordstad.css">',
        '<link rel="alternate" type="application/rss+xml" title="Nyheter från Nordstads stad" href="/nyheter/rss.xml">',
        '<link rel="alternate" hreflang="sv" href="/">',
        '<link rel="alternate" hreflang="en" href="/in-english/">',
        '<meta property="og:site_name" content="Nordstads stad">',
        f'<meta property="og:type" content="{og_type}">',
        f'<meta property="og:title" content="{e(page.title)}">',
        f'<meta property="og:description" content="{e(desc)}">',
        f'<meta property="og:url" content="{e(page.path)}">',
        '<meta property="og:image" content="/bilder/og-nordstad.png">',
        '<meta property="og:image:alt" content="Nordstads stads logotyp på blå bakgrund">',
        f'<meta property="og:locale" content="{"sv_SE" if lang == "sv" else lang}">',
        '<meta name="twitter:card" content="summary_large_image">',
        f'<meta name="twitter:title" content="{e(page.title)}">',
        f'<meta name="twitter:description" content="{e(desc)}">',
        '<meta name="twitter:image" content="/bilder/og-nordstad.png">',
    ]
    if page.published:
        head.append(f'<meta property="article:published_time" content="{page.published}">')
    if page.updated:
        head.append(f'<meta property="article:modified_time" content="{page.updated}">')
    ld = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": "Nordstads stad",
        "alternateName": "Nordstad",
        "url": NORDSTAD_PROD + "/",
        "logo": NORDSTAD_PROD + "/bilder/nordstad-logo.svg",
        "telephone": "+46812345600",
        "email": "kontaktcenter@nordstad.se",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Stadshusgatan 1",
            "postalCode": "123 45",
            "addressLocality": "Nordstad",
            "addressCountry": "SE",
        },
        "sameAs": [u for _, u in NORDSTAD_SOCIAL],
    }
    head.append('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>")
    head.append('<script src="/js/nordstad.js" defer></script>')
    head.append('<script src="/js/chatt.js" defer></script>')
    if page.extra_head:
        head.append(page.extra_head)

    crumbs = ""
    if page.path != "/" and page.crumbs is not None:
        items = "".join(f'<li><a href="{p}">{e(t)}</a></li>' for t, p in [("Startsida", "/"), *page.crumbs])
        crumbs = (
            f'<nav class="breadcrumbs" aria-label="Du är här"{base_lang}><ol>{items}'
            f'<li aria-current="page">{e(page.title)}</li></ol></nav>'
        )
    info = ""
    if page.updated or page.published:
        when = page.updated or page.published or ""
        info = (
            f'<p class="page-info"{base_lang}>Sidan uppdaterades <time datetime="{when}">{sv_date(when)}</time>. '
            "Sidansvarig: Kommunikationsavdelningen, Nordstads stad.</p>"
        )
    nav_items = [
        ("Förskola och skola", "/forskola-och-skola/"),
        ("Bygga, bo och miljö", "/bygga-bo-och-miljo/"),
        ("E-tjänster", "/e-tjanster/"),
        ("Nyheter", "/nyheter/"),
        ("Om oss", "/om-oss/"),
        ("Kontakta oss", "/kontakt/"),
    ]
    current = ' aria-current="page"'
    nav = "".join(f'<li><a href="{p}"{current if page.path == p else ""}>{t}</a></li>' for t, p in nav_items)
    social = "".join(f'<li><a href="{u}" rel="me">{n}<span class="visually-hidden"> (Nordstads stad, öppnas på {n})</span></a></li>' for n, u in NORDSTAD_SOCIAL)
    dir_attr = f' dir="{page.text_dir}"' if page.text_dir else ""
    return f"""<!doctype html>
<html lang="{lang}">
<head>
{chr(10).join(head)}
</head>
<body>
<a class="skip-link" href="#innehall"{base_lang}>Hoppa till innehållet</a>
<div id="kakbanner" class="cookie-banner" role="region" aria-labelledby="kakbanner-rubrik" lang="sv">
  <div class="wrap">
    <h2 id="kakbanner-rubrik">Kakor på nordstad.se</h2>
    <p>Vi använder bara kakor som behövs för att webbplatsen ska fungera och för att komma ihåg ditt val. Väljer du ”Godkänn alla” sparar vi också anonym besöksstatistik på våra egna servrar. <a href="/om-webbplatsen/kakor/">Läs mer om kakor</a></p>
    <div class="buttons">
      <button type="button" data-consent="necessary">Endast nödvändiga</button>
      <button type="button" data-consent="all">Godkänn alla</button>
    </div>
  </div>
</div>
<header class="site-header"{base_lang}>
  <div class="wrap header-inner">
    <a class="logo" href="/"><img src="/bilder/nordstad-logo.svg" alt="Nordstads stad, till startsidan" width="220" height="48"></a>
    <button type="button" class="menu-toggle" aria-expanded="false" aria-controls="huvudmeny">Meny</button>
    <ul class="tools">
      <li><button type="button" id="lyssna" aria-pressed="false">Lyssna</button></li>
      <li><a href="/in-english/" lang="en" hreflang="en">In English</a></li>
      <li><a href="/other-languages/" lang="en">Other languages</a></li>
      <li><a href="/lattlast/">Lättläst</a></li>
      <li><a href="/teckensprak/">Teckenspråk</a></li>
      <li><a class="login" href="/mina-sidor/">Logga in</a></li>
    </ul>
    <form class="search" role="search" action="/sok" method="get">
      <label for="sok-falt">Sök på nordstad.se</label>
      <input id="sok-falt" type="search" name="q" autocomplete="off">
      <button type="submit">Sök</button>
    </form>
  </div>
  <nav id="huvudmeny" class="main-nav" aria-label="Huvudmeny"><ul>{nav}</ul></nav>
</header>
<main id="innehall" tabindex="-1">
<div class="wrap"{dir_attr}>
{crumbs}
{page.body}
<section class="page-feedback" aria-labelledby="feedback-rubrik" lang="sv">
  <h2 id="feedback-rubrik">Hjälpte informationen dig?</h2>
  <div class="buttons"><button type="button" data-svar="ja">Ja</button><button type="button" class="secondary" data-svar="nej">Nej</button></div>
  <p class="thanks" role="status" hidden>Tack för ditt svar!</p>
</section>
{info}
</div>
</main>
<footer class="site-footer"{base_lang}>
  <div class="wrap cols">
    <section aria-labelledby="sidfot-kontakt">
      <h2 id="sidfot-kontakt">Kontakta oss</h2>
      <p>Nordstads stad<br>Besöksadress: Stadshusgatan 1, 123 45 Nordstad<br>Postadress: Nordstads stad, 123 80 Nordstad</p>
      <ul>
        <li>Telefon: <a href="tel:+46812345600">08-123 456 00</a></li>
        <li>E-post: <a href="mailto:kontaktcenter@nordstad.se">kontaktcenter@nordstad.se</a></li>
        <li>Öppettider: måndag–fredag 8–17</li>
        <li><a href="/kontakt/">Fler sätt att kontakta oss</a></li>
      </ul>
    </section>
    <section aria-labelledby="sidfot-webbplatsen">
      <h2 id="sidfot-webbplatsen">Om webbplatsen</h2>
      <ul>
        <li><a href="/om-webbplatsen/tillganglighetsredogorelse/">Tillgänglighetsredogörelse</a></li>
        <li><a href="/om-webbplatsen/">Om webbplatsen</a></li>
        <li><a href="/om-webbplatsen/kakor/">Kakor</a></li>
        <li><a href="/om-webbplatsen/personuppgifter/">Personuppgifter (GDPR)</a></li>
        <li><a href="/kontakt/synpunkter-och-klagomal/">Synpunkter och klagomål</a></li>
      </ul>
    </section>
    <section aria-labelledby="sidfot-folj">
      <h2 id="sidfot-folj">Följ oss</h2>
      <ul>{social}
        <li><a href="/prenumerera/">Prenumerera på nyheter</a></li>
        <li><a href="/nyheter/rss.xml">RSS-flöde</a></li>
        <li><a href="/appar/">Våra appar</a></li>
        <li><a href="/oppna-data/">Öppna data</a></li>
      </ul>
    </section>
  </div>
  <div class="wrap"><p>© 2026 Nordstads stad · Organisationsnummer 212000-0001</p></div>
</footer>
<button type="button" class="chat-launcher" data-chatt-oppna aria-controls="chatt-panel" aria-expanded="false" lang="sv">Chatta med oss</button>
{chat_panel("Tack! En handläggare på Kontaktcenter svarar dig inom några minuter. Chatten är öppen måndag–fredag 8–17.", "Hej! Du chattar med Kontaktcenter i Nordstads stad. Vad kan vi hjälpa dig med?", "Kontaktcenter")}
</body>
</html>
"""


NORDSTAD_NEWS = [
    News(
        "nytt-bibliotek-i-norra-hamnen", "Nytt bibliotek öppnar i Norra hamnen", "2026-11-02", "2026-11-04",
        "Lördagen den 14 november öppnar Norra hamnens bibliotek. Det nya biblioteket har meröppet alla dagar 7–22.",
        [
            "Biblioteket ligger i bottenvåningen på Kajgatan 12 och har plats för drygt 20 000 medier. Här finns böcker på svenska och på de nationella minoritetsspråken, tidningar, spel och ett studierum med tio platser som du kan boka.",
            "Med meröppet kan du låna och lämna böcker även när personalen inte är på plats. Du behöver ett lånekort och en pinkod, som du får vid disken under bemannad tid.",
            "– Vi vill att biblioteket ska vara en mötesplats för alla i stadsdelen, säger Karin Lindqvist, bibliotekschef i Nordstads stad.",
            "Under invigningsdagen bjuder vi på sagostund klockan 11 och 14, tipspromenad och fika. Invigningen är kostnadsfri och lokalen är tillgänglig för dig som använder rullstol.",
        ],
        ("bibliotek.svg", "Ljus läsesal med bokhyllor och stora fönster mot vattnet"),
    ),
    News(
        "sa-plogar-vi-i-vinter", "Så plogar vi i vinter", "2026-10-28", None,
        "När det har snöat mer än fem centimeter börjar vi ploga. Huvudgator, busslinjer och gång- och cykelvägar till skolor prioriteras.",
        [
            "Nordstads stad ansvarar för snöröjning och halkbekämpning på kommunala gator, gång- och cykelvägar. Statliga vägar sköts av Vägmyndigheten och enskilda vägar av vägföreningarna.",
            "Bostadsgator plogas när de prioriterade vägarna är klara, normalt inom 24 timmar efter att snöfallet har upphört.",
            "Du som fastighetsägare ansvarar för att skotta och sanda trottoaren utanför din fastighet.",
            "Ser du en gata som inte har plogats? Gör en felanmälan i vår e-tjänst, så skickar vi ut en förare.",
        ],
    ),
    News(
        "ansok-om-forskoleplats-med-freja-eid", "Nu kan du ansöka om förskoleplats med Freja eID+", "2026-10-20", "2026-10-22",
        "Från och med i dag kan du logga in på Mina sidor med Freja eID+ och med utländsk e-legitimation, inte bara med BankID.",
        [
            "Många vårdnadshavare har efterfrågat fler sätt att logga in. Nu kan du välja mellan Mobilt BankID, BankID på kort eller fil, Freja eID+ och utländsk e-legitimation via eIDAS.",
            "I e-tjänsten ansöker du om plats, säger upp plats och ändrar schema. Du ser också hur långt din ansökan har kommit och får ett besked via e-post eller sms när du har fått en plats.",
            "Ansök minst fyra månader innan du behöver platsen. Handläggningstiden är normalt två veckor.",
        ],
    ),
    News(
        "kommunfullmaktige-har-beslutat-om-budget-2027", "Kommunfullmäktige har beslutat om budget 2027", "2026-10-15", None,
        "Kommunfullmäktige beslutade på måndagskvällen om budget för 2027. Skattesatsen blir oförändrad, 20,45 kronor.",
        [
            "Budgeten omfattar drygt 6,2 miljarder kronor. Den största delen, 42 procent, går till förskola och skola. Äldreomsorgen får ett tillskott på 35 miljoner kronor för fler medarbetare i hemtjänsten.",
            "Under året fortsätter investeringarna i nya bostadsområden i Norra hamnen och i en ny simhall.",
            "Du kan se en inspelning av sammanträdet och läsa protokollet på sidan om kommunfullmäktige.",
        ],
    ),
    News(
        "vattenlaeckan-pa-storgatan-ar-lagad", "Vattenläckan på Storgatan är lagad", "2026-10-09", "2026-10-10",
        "Vattenläckan på Storgatan är lagad och alla hushåll har vatten igen. Vi återställer gatan under nästa vecka.",
        [
            "Läckan upptäcktes tidigt på torsdagsmorgonen. Ett sextiotal hushåll var utan vatten i cirka sex timmar. Vi ställde ut en vattentank vid Storgatan 20 under tiden.",
            "Det kan komma missfärgat vatten ur kranen de närmaste dagarna. Spola kallvatten en stund tills vattnet är klart.",
            "Har du frågor om ditt vatten? Ring Kontaktcenter på 08-123 456 00.",
        ],
    ),
    News(
        "sok-sommarjobb-2027", "Sök sommarjobb 2027", "2026-10-01", None,
        "Är du född 2009 eller 2010 och folkbokförd i Nordstad? Då kan du söka feriearbete hos oss sommaren 2027.",
        [
            "Du kan arbeta tre veckor inom till exempel äldreomsorg, parkskötsel, fritidsgårdar eller på våra bibliotek. Lönen är 105 kronor i timmen.",
            "Ansökan görs i e-tjänsten Sommarjobb som du hittar bland våra e-tjänster. Sista dag att söka är den 31 januari 2027.",
        ],
    ),
    News(
        "ny-cykelbana-genom-stadsparken", "Ny cykelbana genom Stadsparken", "2026-09-24", "2026-09-30",
        "Nu bygger vi en ny, separerad cykelbana genom Stadsparken. Arbetet pågår till och med december.",
        [
            "Den nya cykelbanan blir tre meter bred och får belysning hela vägen. Gående och cyklister får egna ytor, vilket gör det tryggare för alla.",
            "Under byggtiden leds gång- och cykeltrafiken om via Parkgatan. Skyltar visar vägen.",
            "Projektet är en del av stadens cykelplan, som du kan läsa mer om på sidan Bygga, bo och miljö.",
        ],
        ("cykelbana.svg", "Skiss över den nya cykelbanan med träd på båda sidor"),
    ),
    News(
        "tyck-till-om-nya-torget", "Tyck till om nya Torget", "2026-09-15", None,
        "Hur vill du att Torget i centrum ska se ut? Fram till den 30 november kan du lämna synpunkter på förslaget.",
        [
            "Förslaget innehåller fler sittplatser, träd, en lekplats och en scen för sommarevenemang. Biltrafiken flyttas till Kyrkogatan.",
            "Du kan lämna synpunkter digitalt eller på våra öppna hus i Stadshuset den 5 och 12 november klockan 16–19.",
        ],
    ),
    News(
        "atervinningscentralen-far-nya-oppettider", "Återvinningscentralen får nya öppettider", "2026-09-02", "2026-09-03",
        "Från den 1 oktober har Östra återvinningscentralen öppet längre på vardagskvällar.",
        [
            "Nya öppettider: måndag–torsdag 7–20, fredag 7–16, lördag och söndag 9–16.",
            "Kom ihåg att sortera ditt avfall innan du kommer. Farligt avfall lämnar du i den särskilda containern vid infarten.",
        ],
    ),
]


def nordstad_news_article(n: News) -> Page:
    meta = f'Publicerad <time datetime="{n.published}">{sv_date(n.published or "")}</time>'
    if n.updated:
        meta += f' · Uppdaterad <time datetime="{n.updated}">{sv_date(n.updated)}</time>'
    fig = ""
    if n.image:
        fig = f'<figure><img src="/bilder/{n.image[0]}" alt="{e(n.image[1])}" width="640" height="320"></figure>'
    url = quote(NORDSTAD_PROD + n.path, safe="")
    share = f"""<section class="share" aria-labelledby="dela-rubrik">
<h2 id="dela-rubrik">Dela sidan</h2>
<ul>
<li><a href="https://www.facebook.com/sharer/sharer.php?u={url}">Dela på Facebook</a></li>
<li><a href="https://www.linkedin.com/sharing/share-offsite/?url={url}">Dela på LinkedIn</a></li>
<li><a href="mailto:?subject={quote(n.title)}&amp;body={url}">Skicka som e-post</a></li>
</ul>
</section>"""
    body = f"""<article>
<h1>{e(n.title)}</h1>
<p class="meta">{meta}</p>
<p class="lead">{n.lead}</p>
{fig}
{paras(*n.paras)}
{share}
</article>"""
    return Page(n.path, n.title, body, description=n.lead, published=n.published, updated=n.updated, article=True,
                crumbs=[("Nyheter", "/nyheter/")])


def nordstad_news_list(items: list[News]) -> str:
    rows = []
    for n in items:
        rows.append(
            f'<li><a href="{n.path}">{e(n.title)}</a><br><span class="meta">Publicerad <time datetime="{n.published}">'
            f"{sv_date(n.published or '')}</time></span><br>{n.lead}</li>"
        )
    return '<ul class="news-list">' + "\n".join(rows) + "</ul>"


def build_nordstad() -> Build:
    P = Page
    pages: list[Page] = []
    latest = NORDSTAD_NEWS[:4]
    pages.append(P("/", "Startsida", f"""<section class="hero">
<h1>Välkommen till Nordstads stad</h1>
<p class="lead">Här hittar du information och e-tjänster för dig som bor, arbetar eller driver företag i Nordstad.</p>
<p><a class="button" href="/e-tjanster/">Alla e-tjänster</a> <a class="button secondary" href="/mina-sidor/">Logga in på Mina sidor</a></p>
</section>
<section aria-labelledby="genvagar">
<h2 id="genvagar">Populära genvägar</h2>
<ul class="cards">
<li><a href="/forskola-och-skola/">Förskola och skola</a><p>Ansök om förskoleplats, skolval och skolskjuts.</p></li>
<li><a href="/bygga-bo-och-miljo/">Bygga, bo och miljö</a><p>Bygglov, avfall, vatten och avlopp.</p></li>
<li><a href="/e-tjanster/felanmalan/">Felanmälan</a><p>Anmäl fel på gator, parker och belysning.</p></li>
<li><a href="/kontakt/boka-tid/">Boka tid</a><p>Boka ett besök hos Medborgarkontoret.</p></li>
<li><a href="/kontakt/">Kontakta oss</a><p>Ring, mejla, chatta eller besök oss.</p></li>
<li><a href="/oppna-data/">Öppna data</a><p>Ladda ner data om Nordstad.</p></li>
</ul>
</section>
<section aria-labelledby="senaste-nytt">
<h2 id="senaste-nytt">Nyheter</h2>
{nordstad_news_list(latest)}
<p><a href="/nyheter/">Alla nyheter</a> · <a href="/prenumerera/">Prenumerera på nyheter</a></p>
</section>
<section class="contact-box" aria-labelledby="kc-rubrik">
<h2 id="kc-rubrik">Kontaktcenter</h2>
<p>Ring <a href="tel:+46812345600">08-123 456 00</a> eller <button type="button" data-chatt-oppna aria-controls="chatt-panel" aria-expanded="false">Chatta med oss</button></p>
<p>Öppettider: måndag–fredag 8–17</p>
</section>""", description="Nordstads stads officiella webbplats med information och e-tjänster för invånare, företagare och besökare.", updated="2026-11-04"))

    pages.append(P("/kontakt/", "Kontakta oss", """<h1>Kontakta oss</h1>
<p class="lead">Kontaktcenter svarar på dina frågor om stadens verksamheter. Du kan ringa, mejla, chatta eller besöka oss. De flesta frågor får du svar på direkt.</p>
<h2>Ring oss</h2>
<p>Telefon: <a href="tel:+46812345600">08-123 456 00</a><br>Öppettider: måndag–fredag 8–17</p>
<p>Vill du inte vänta i telefonkön? <a href="/kontakt/ring-mig/">Ring mig – vi ringer upp dig</a>.</p>
<h2>Chatta med oss</h2>
<p>Chatten är öppen måndag–fredag 8–17. Du behöver inte logga in.</p>
<p><button type="button" data-chatt-oppna aria-controls="chatt-panel" aria-expanded="false">Chatta med oss</button></p>
<h2>Mejla oss</h2>
<p>E-post: <a href="mailto:kontaktcenter@nordstad.se">kontaktcenter@nordstad.se</a>. Vi svarar inom två arbetsdagar. Skicka inte känsliga personuppgifter via e-post.</p>
<h2>Besök oss</h2>
<p>Besöksadress: Stadshusgatan 1, 123 45 Nordstad<br>Medborgarkontoret har öppet måndag–fredag 8–17, torsdagar till 19.</p>
<p><a href="/kontakt/boka-tid/">Boka tid</a> för ett personligt möte, till exempel om bygglov eller ekonomisk rådgivning.</p>
<h2>Skriv till oss</h2>
<form class="stacked" action="/kontakt/tack/" method="post">
<label for="kf-namn">Namn</label>
<input id="kf-namn" name="namn" type="text" autocomplete="name" required>
<label for="kf-epost">E-post <span class="hint">Vi använder din e-postadress bara för att svara dig.</span></label>
<input id="kf-epost" name="epost" type="email" autocomplete="email" required>
<label for="kf-amne">Ämne</label>
<select id="kf-amne" name="amne"><option>Förskola och skola</option><option>Bygga och bo</option><option>Omsorg och stöd</option><option>Trafik och gator</option><option>Annat</option></select>
<label for="kf-meddelande">Meddelande</label>
<textarea id="kf-meddelande" name="meddelande" rows="6" required></textarea>
<button type="submit">Skicka meddelande</button>
</form>
<p>Läs om <a href="/om-webbplatsen/personuppgifter/">hur vi behandlar dina personuppgifter</a>.</p>
<h2>Mer hjälp</h2>
<ul>
<li><a href="/kontakt/vanliga-fragor/">Vanliga frågor</a></li>
<li><a href="/kontakt/synpunkter-och-klagomal/">Synpunkter och klagomål</a></li>
<li><a href="/in-english/" lang="en">Contact us in English</a></li>
</ul>
<h2>Postadress och registrator</h2>
<p>Nordstads stad, 123 80 Nordstad<br>Registrator: <a href="mailto:registrator@nordstad.se">registrator@nordstad.se</a><br>Organisationsnummer: 212000-0001</p>""",
        description="Ring, mejla, chatta eller besök Nordstads stad. Kontaktcenter har öppet måndag–fredag 8–17.", updated="2026-09-12"))

    pages.append(P("/kontakt/ring-mig/", "Ring mig", """<h1>Ring mig</h1>
<p class="lead">Lämna ditt telefonnummer så ringer Kontaktcenter upp dig. Vi ringer normalt inom en arbetsdag.</p>
<form class="stacked" action="/kontakt/tack/" method="post">
<label for="rm-namn">Namn</label>
<input id="rm-namn" name="namn" type="text" autocomplete="name" required>
<label for="rm-telefon">Telefonnummer</label>
<input id="rm-telefon" name="telefon" type="tel" autocomplete="tel" required>
<fieldset><legend>När passar det bäst?</legend>
<input id="rm-fm" type="radio" name="tid" value="formiddag" checked> <label for="rm-fm">Förmiddag (8–12)</label>
<input id="rm-em" type="radio" name="tid" value="eftermiddag"> <label for="rm-em">Eftermiddag (12–17)</label>
</fieldset>
<label for="rm-arende">Vad gäller det?</label>
<textarea id="rm-arende" name="arende" rows="4"></textarea>
<button type="submit">Ring mig</button>
</form>""", crumbs=[("Kontakta oss", "/kontakt/")], updated="2026-05-20"))

    pages.append(P("/kontakt/boka-tid/", "Boka tid", """<h1>Boka tid</h1>
<p class="lead">Boka tid för ett personligt möte på Medborgarkontoret i Stadshuset eller ett videomöte.</p>
<form class="stacked" action="/kontakt/tack/" method="post">
<label for="bt-arende">Ärende</label>
<select id="bt-arende" name="arende"><option>Bygglov och rådgivning</option><option>Budget- och skuldrådgivning</option><option>Konsumentvägledning</option><option>Hjälp med e-tjänster</option></select>
<label for="bt-datum">Datum</label>
<input id="bt-datum" name="datum" type="date" min="2026-11-09" required>
<label for="bt-tid">Tid</label>
<select id="bt-tid" name="tid"><option>09.00</option><option>10.00</option><option>13.00</option><option>14.00</option><option>15.00</option></select>
<fieldset><legend>Mötesform</legend>
<input id="bt-besok" type="radio" name="form" value="besok" checked> <label for="bt-besok">Besök i Stadshuset</label>
<input id="bt-video" type="radio" name="form" value="video"> <label for="bt-video">Videomöte</label>
</fieldset>
<label for="bt-epost">E-post för bekräftelse</label>
<input id="bt-epost" name="epost" type="email" autocomplete="email" required>
<button type="submit">Boka tid</button>
</form>
<p>Du får en bekräftelse via e-post. Behöver du avboka? Svara på bekräftelsen eller ring <a href="tel:+46812345600">08-123 456 00</a>.</p>""",
        crumbs=[("Kontakta oss", "/kontakt/")], updated="2026-08-30"))

    faq = [
        ("Hur ansöker jag om förskoleplats?", "Logga in på Mina sidor och välj e-tjänsten Ansök om förskoleplats. Ansök minst fyra månader innan du behöver platsen."),
        ("När töms mitt sopkärl?", "Tömningsschemat för din adress hittar du på Mina sidor. Du kan också ringa Kontaktcenter."),
        ("Hur gör jag en felanmälan?", "Använd e-tjänsten Felanmälan. Du behöver inte logga in och du kan bifoga en bild."),
        ("Hur begär jag ut en allmän handling?", "Skicka ett mejl till registrator@nordstad.se och beskriv vilken handling du vill ha. Vi svarar så snart vi kan, normalt samma dag."),
        ("Kan jag få hjälp på ett annat språk?", "Ja. Vi kan boka tolk när du besöker oss. Information på nationella minoritetsspråk och engelska finns på webbplatsen."),
        ("Hur lång tid tar ett bygglov?", "Vi fattar beslut inom tio veckor från det att din ansökan är komplett. Du kan följa ärendet på Mina sidor."),
    ]
    pages.append(P("/kontakt/vanliga-fragor/", "Vanliga frågor", "<h1>Vanliga frågor</h1>\n<p class=\"lead\">Här har vi samlat svar på de frågor vi oftast får.</p>\n"
        + "\n".join(f"<details><summary>{q}</summary><p>{a}</p></details>" for q, a in faq)
        + '\n<p>Hittade du inte svaret? <a href="/kontakt/">Kontakta oss</a>.</p>',
        crumbs=[("Kontakta oss", "/kontakt/")], updated="2026-10-05"))

    pages.append(P("/kontakt/synpunkter-och-klagomal/", "Synpunkter och klagomål", """<h1>Synpunkter och klagomål</h1>
<p class="lead">Dina synpunkter hjälper oss att bli bättre. Du kan lämna beröm, förslag eller klagomål på stadens verksamheter och på den här webbplatsen.</p>
<p>Vi registrerar alla synpunkter och du får svar inom tio arbetsdagar om du lämnar dina kontaktuppgifter. Du kan också vara anonym.</p>
<form class="stacked" action="/kontakt/tack/" method="post">
<fieldset><legend>Vad vill du lämna?</legend>
<input id="sk-berom" type="radio" name="typ" value="berom"> <label for="sk-berom">Beröm</label>
<input id="sk-forslag" type="radio" name="typ" value="forslag"> <label for="sk-forslag">Förslag</label>
<input id="sk-klagomal" type="radio" name="typ" value="klagomal" checked> <label for="sk-klagomal">Klagomål</label>
</fieldset>
<label for="sk-verksamhet">Vilken verksamhet gäller det?</label>
<input id="sk-verksamhet" name="verksamhet" type="text">
<label for="sk-text">Beskriv din synpunkt</label>
<textarea id="sk-text" name="text" rows="6" required></textarea>
<label for="sk-epost">E-post <span class="hint">Frivilligt. Fyll i om du vill ha svar.</span></label>
<input id="sk-epost" name="epost" type="email" autocomplete="email">
<button type="submit">Skicka synpunkt</button>
</form>
<p>Gäller det webbplatsens tillgänglighet? Läs vår <a href="/om-webbplatsen/tillganglighetsredogorelse/">tillgänglighetsredogörelse</a>.</p>""",
        crumbs=[("Kontakta oss", "/kontakt/")], updated="2026-04-02"))

    pages.append(P("/kontakt/tack/", "Tack för ditt meddelande", """<h1>Tack för ditt meddelande</h1>
<p class="lead">Vi har tagit emot ditt meddelande. Du får en bekräftelse med ditt ärendenummer via e-post.</p>
<p>Vi svarar normalt inom två arbetsdagar. Du kan följa ditt ärende på <a href="/mina-sidor/">Mina sidor</a>.</p>
<p><a href="/">Till startsidan</a></p>""", crumbs=[("Kontakta oss", "/kontakt/")], in_sitemap=False))

    pages.append(P("/mina-sidor/", "Logga in på Mina sidor", """<h1>Logga in på Mina sidor</h1>
<p class="lead">På Mina sidor ser du dina ärenden och beslut, följer dina ansökningar och ändrar dina kontaktuppgifter.</p>
<h2>Välj e-legitimation</h2>
<form action="/mina-sidor/" method="get">
<ul class="eid-list">
<li><button type="submit" name="metod" value="mobilt-bankid">Mobilt BankID</button></li>
<li><button type="submit" name="metod" value="bankid">BankID på kort eller fil</button></li>
<li><button type="submit" name="metod" value="freja">Freja eID+</button></li>
<li><button type="submit" name="metod" value="eidas" lang="sv">Logga in med utländsk e-legitimation (eIDAS)</button></li>
</ul>
</form>
<p lang="en">Foreign eID: citizens of other EU/EEA countries can log in with a notified national eID via Sweden Connect.</p>
<h2>Har du ingen e-legitimation?</h2>
<p>Läs om hur du skaffar e-legitimation på <a href="https://www.e-legitimation.se/">e-legitimation.se</a>. Du kan också besöka Medborgarkontoret eller ringa <a href="tel:+46812345600">08-123 456 00</a> så hjälper vi dig med ditt ärende.</p>
<h2>Det här kan du göra på Mina sidor</h2>
<ul>
<li>Se och följa dina pågående ärenden</li>
<li>Läsa beslut och meddelanden från staden</li>
<li>Ansöka om förskoleplats och ändra schema</li>
<li>Se tömningsschema för ditt sopkärl</li>
<li>Ändra dina kontaktuppgifter och välja att få sms-avisering</li>
</ul>""", description="Logga in på Mina sidor i Nordstads stad med BankID, Freja eID+ eller utländsk e-legitimation.", updated="2026-10-20"))

    services = [
        ("Ansök om förskoleplats", "/mina-sidor/", "Kräver e-legitimation. Handläggningstid: normalt två veckor."),
        ("Anmäl frånvaro i skolan", "/mina-sidor/", "Kräver e-legitimation. Frånvaron registreras direkt."),
        ("Ansök om bygglov", "/mina-sidor/", "Kräver e-legitimation. Beslut inom tio veckor från komplett ansökan."),
        ("Ansök om ekonomiskt bistånd", "/mina-sidor/", "Kräver e-legitimation. Beslut inom fem arbetsdagar."),
        ("Ansök om parkeringstillstånd för rörelsehindrade", "/mina-sidor/", "Kräver e-legitimation. Handläggningstid: cirka fyra veckor."),
        ("Beställ extra sophämtning", "/mina-sidor/", "Kräver e-legitimation."),
        ("Sommarjobb för unga", "/mina-sidor/", "Kräver e-legitimation. Sista ansökningsdag 31 januari 2027."),
        ("Felanmälan – gata, park och belysning", "/e-tjanster/felanmalan/", "Ingen inloggning behövs."),
        ("Boka tid på Medborgarkontoret", "/kontakt/boka-tid/", "Ingen inloggning behövs."),
    ]
    pages.append(P("/e-tjanster/", "E-tjänster", "<h1>E-tjänster</h1>\n<p class=\"lead\">Här hittar du alla Nordstads stads e-tjänster. De flesta är öppna dygnet runt. När du loggar in kan du spara en ansökan och fortsätta senare, och följa ditt ärende på Mina sidor.</p>\n<ul class=\"cards\">\n"
        + "\n".join(f'<li><a href="{u}">{t}</a><p>{d}</p></li>' for t, u, d in services)
        + "\n</ul>\n<p>Alla e-tjänster finns på nordstad.se. Du loggar in med Mobilt BankID, BankID på kort eller fil, Freja eID+ eller utländsk e-legitimation.</p>"
        + '\n<p>Behöver du hjälp med en e-tjänst? <a href="/kontakt/">Kontakta oss</a>.</p>',
        description="Ansök, anmäl och boka dygnet runt med Nordstads stads e-tjänster.", updated="2026-10-20"))

    pages.append(P("/e-tjanster/felanmalan/", "Felanmälan", """<h1>Felanmälan – gata, park och belysning</h1>
<p class="lead">Anmäl till exempel potthål, trasig gatubelysning, klotter eller nedskräpning. Du behöver inte logga in.</p>
<form class="stacked" action="/kontakt/tack/" method="post">
<label for="fa-typ">Typ av fel</label>
<select id="fa-typ" name="typ"><option>Gata eller trottoar</option><option>Gatubelysning</option><option>Park eller lekplats</option><option>Klotter</option><option>Snöröjning</option></select>
<label for="fa-plats">Var är felet? <span class="hint">Adress eller beskrivning av platsen</span></label>
<input id="fa-plats" name="plats" type="text" required>
<label for="fa-beskrivning">Beskriv felet</label>
<textarea id="fa-beskrivning" name="beskrivning" rows="5" required></textarea>
<label for="fa-bild">Bifoga bild (frivilligt)</label>
<input id="fa-bild" name="bild" type="file" accept="image/*">
<label for="fa-epost">E-post <span class="hint">Frivilligt. Fyll i om du vill få besked när felet är åtgärdat.</span></label>
<input id="fa-epost" name="epost" type="email" autocomplete="email">
<button type="submit">Skicka felanmälan</button>
</form>
<p>Akuta fel som kan orsaka skada, till exempel en öppen brunn, ska du alltid ringa in: <a href="tel:+46812345600">08-123 456 00</a>. Efter kontorstid ringer du jourtelefonen <a href="tel:+46812345699">08-123 456 99</a>.</p>""",
        crumbs=[("E-tjänster", "/e-tjanster/")], updated="2026-06-11"))

    pages.append(P("/om-webbplatsen/", "Om webbplatsen", """<h1>Om webbplatsen</h1>
<p class="lead">Nordstad.se är Nordstads stads officiella webbplats. Kommunikationsavdelningen ansvarar för webbplatsen och varje förvaltning ansvarar för sitt innehåll.</p>
<h2>Tillgänglighet</h2>
<p>Vi arbetar för att alla ska kunna använda webbplatsen. Läs vår <a href="/om-webbplatsen/tillganglighetsredogorelse/">tillgänglighetsredogörelse</a>.</p>
<h2>Lyssna på texten</h2>
<p>Med knappen Lyssna högst upp på varje sida kan du få texten uppläst.</p>
<h2>Kakor och personuppgifter</h2>
<p>Läs om <a href="/om-webbplatsen/kakor/">kakor</a> och om <a href="/om-webbplatsen/personuppgifter/">hur vi behandlar personuppgifter</a>.</p>
<h2>Prenumerera</h2>
<p>Du kan <a href="/prenumerera/">prenumerera på nyheter</a> via e-post eller RSS.</p>
<h2>Kontakt</h2>
<p>Har du frågor eller synpunkter på webbplatsen? Mejla <a href="mailto:webbredaktion@nordstad.se">webbredaktion@nordstad.se</a>.</p>""",
        updated="2026-10-02"))

    pages.append(P("/om-webbplatsen/tillganglighetsredogorelse/", "Tillgänglighetsredogörelse", """<h1>Tillgänglighetsredogörelse</h1>
<p class="lead">Nordstads stad står bakom den här webbplatsen, nordstad.se. Vi vill att så många som möjligt ska kunna använda webbplatsen. Det här dokumentet beskriver hur nordstad.se uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända tillgänglighetsproblem som finns och hur du kan rapportera brister till oss så att vi kan åtgärda dem.</p>
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>Vi är medvetna om att delar av webbplatsen inte är helt tillgängliga. Se avsnittet om innehåll som inte är tillgängligt nedan för mer information.</p>
<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
<p>Om du behöver innehåll från nordstad.se som inte är tillgängligt för dig, men som är undantaget från lagens tillämpningsområde enligt beskrivning nedan, kan du meddela oss. Svarstiden är normalt två arbetsdagar.</p>
<p>Du kan också kontakta oss på följande sätt:</p>
<ul>
<li>skicka e-post till <a href="mailto:tillganglighet@nordstad.se">tillganglighet@nordstad.se</a></li>
<li>ring Kontaktcenter på <a href="tel:+46812345600">08-123 456 00</a></li>
</ul>
<h2>Rapportera brister i webbplatsens tillgänglighet</h2>
<p>Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte är beskrivna på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns. Använd formuläret <a href="/kontakt/synpunkter-och-klagomal/">Synpunkter och klagomål</a> eller mejla <a href="mailto:tillganglighet@nordstad.se">tillganglighet@nordstad.se</a>.</p>
<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du <a href="https://www.digg.se/tdosanmalan">kontakta Myndigheten för digital förvaltning och påtala det</a>.</p>
<h2>Teknisk information om webbplatsens tillgänglighet</h2>
<p>Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.</p>
<h2>Innehåll som inte är tillgängligt</h2>
<h3>Bristande förenlighet med lagkraven</h3>
<ul>
<li>Kartan på sidan Hitta hit går inte att använda med enbart tangentbord (WCAG 2.1.1). Adresserna finns även som text på samma sida. Vi byter kartkomponent senast den 31 mars 2027.</li>
<li>Vissa PDF-dokument som publicerats efter den 23 september 2018 saknar taggad struktur och rubriker (WCAG 1.3.1 och 2.4.2). Vi åtgärdar dokumenten löpande och senast den 31 december 2026.</li>
<li>Några av våra videoklipp från 2025 saknar undertexter (WCAG 1.2.2). Undertexter läggs till under våren 2027.</li>
<li>Datumväljaren i e-tjänsten Boka tid meddelar inte alltid skärmläsare vilket datum som är valt (WCAG 4.1.2).</li>
</ul>
<h3>Oskälig börda</h3>
<p>Vi åberopar undantaget för oskälig börda (12 § lagen om tillgänglighet till digital offentlig service) för de inskannade protokollen från kommunfullmäktige 1971–2005. Det skulle kräva orimligt stora resurser att göra om drygt 9 000 sidor till tillgängliga dokument, i förhållande till hur sällan de efterfrågas. Kontakta oss så läser vi upp innehållet eller skickar det i ett format som fungerar för dig.</p>
<h3>Innehåll som inte omfattas av lagkraven</h3>
<ul>
<li>Dokument i kontorsformat som publicerats före den 23 september 2018, om de inte behövs för en pågående administrativ process.</li>
<li>Förinspelade ljud- och videoklipp som publicerats före den 23 september 2020.</li>
<li>Kartor, så länge viktig information också finns i tillgängligt digitalt format.</li>
<li>Innehåll från tredje part som vi inte har finansierat, utvecklat eller kontrollerar.</li>
</ul>
<h2>Hur vi testat webbplatsen</h2>
<p>Vi har gjort en egen granskning (självskattning) av nordstad.se med automatiska verktyg och manuella tester med skärmläsare, tangentbord, förstoring och mobil. Dessutom har en extern granskare, Tillgänglighetsbyrån Norr AB, gjort en oberoende granskning av ett urval av sidor och e-tjänster enligt WCAG 2.1 nivå AA.</p>
<p>Bedömningen gjordes 2026-03-14.</p>
<p>Webbplatsen publicerades den 1 september 2021.</p>
<p>Redogörelsen uppdaterades senast den 2 oktober 2026.</p>""",
        crumbs=[("Om webbplatsen", "/om-webbplatsen/")], description="Tillgänglighetsredogörelse för nordstad.se enligt lagen (2018:1937) om tillgänglighet till digital offentlig service.",
        updated="2026-10-02"))

    pages.append(P("/om-webbplatsen/kakor/", "Kakor", """<h1>Kakor (cookies)</h1>
<p class="lead">En kaka är en liten textfil som sparas i din webbläsare. Vi frågar alltid innan vi sparar kakor som inte behövs för att webbplatsen ska fungera.</p>
<h2>Kakor vi använder</h2>
<div class="table-wrap"><table>
<caption>Kakor på nordstad.se</caption>
<thead><tr><th scope="col">Namn</th><th scope="col">Syfte</th><th scope="col">Typ</th><th scope="col">Lagringstid</th></tr></thead>
<tbody>
<tr><td>consent</td><td>Sparar ditt val om kakor</td><td>Nödvändig</td><td>12 månader</td></tr>
<tr><td>ns_session</td><td>Håller dig inloggad på Mina sidor</td><td>Nödvändig</td><td>Tills du stänger webbläsaren</td></tr>
<tr><td>ns_stat</td><td>Anonym besöksstatistik på våra egna servrar, bara om du godkänt alla kakor</td><td>Statistik</td><td>13 månader</td></tr>
</tbody></table></div>
<p>Vi använder inga kakor för marknadsföring och delar inga uppgifter med tredje part.</p>
<h2>Ändra ditt val</h2>
<p><button type="button" data-consent-reset>Ändra inställningar för kakor</button></p>
<p>Lagen om elektronisk kommunikation (2022:482) reglerar kakor. Integritetsskyddsmyndigheten och Post- och telestyrelsen har tillsyn.</p>""",
        crumbs=[("Om webbplatsen", "/om-webbplatsen/")], updated="2026-02-11"))

    pages.append(P("/om-webbplatsen/personuppgifter/", "Personuppgifter", """<h1>Så behandlar vi dina personuppgifter</h1>
<p class="lead">Nordstads stad behandlar personuppgifter enligt dataskyddsförordningen (GDPR). Varje nämnd är personuppgiftsansvarig för behandlingen i sin verksamhet.</p>
<h2>Varför behandlar vi personuppgifter?</h2>
<p>Vi behandlar personuppgifter för att kunna utföra våra uppgifter, till exempel handlägga ansökningar, ge service och besvara frågor. Vi sparar inte uppgifter längre än nödvändigt.</p>
<h2>Dina rättigheter</h2>
<ul>
<li>Rätt att få information om vilka uppgifter vi har om dig (registerutdrag)</li>
<li>Rätt att få felaktiga uppgifter rättade</li>
<li>Rätt att få uppgifter raderade, om de inte måste sparas enligt lag</li>
<li>Rätt att invända mot behandlingen och att begära begränsning</li>
</ul>
<p>Begär registerutdrag på <a href="/mina-sidor/">Mina sidor</a> eller genom att kontakta oss.</p>
<h2>Dataskyddsombud</h2>
<p>Stadens dataskyddsombud nås på <a href="mailto:dataskyddsombud@nordstad.se">dataskyddsombud@nordstad.se</a>.</p>
<h2>Klagomål</h2>
<p>Om du är missnöjd med hur vi behandlar dina personuppgifter kan du lämna klagomål till <a href="https://www.imy.se/">Integritetsskyddsmyndigheten (IMY)</a>.</p>""",
        crumbs=[("Om webbplatsen", "/om-webbplatsen/")], updated="2026-01-20"))

    pages.append(P("/in-english/", "In English", """<h1>Welcome to the City of Nordstad</h1>
<p class="lead">Nordstad is a city of about 98,000 inhabitants. Here you will find basic information in English about our services.</p>
<h2>Contact us</h2>
<p>The Contact Centre answers questions in Swedish and English, Monday–Friday 8 am–5 pm.</p>
<ul>
<li>Phone: <a href="tel:+46812345600">+46 8 123 456 00</a></li>
<li>E-mail: <a href="mailto:kontaktcenter@nordstad.se">kontaktcenter@nordstad.se</a></li>
<li>Visiting address: Stadshusgatan 1, 123 45 Nordstad, Sweden</li>
</ul>
<h2>Moving to Nordstad</h2>
<p>Register your address with the Swedish Tax Agency. You can apply for preschool, school and other services through our e-services. You can log in with a Swedish eID or with a foreign eID (eIDAS) from another EU country.</p>
<h2>Other languages</h2>
<p>Information in the national minority languages is available on the page <a href="/other-languages/">Other languages</a>. We can book an interpreter for you free of charge when you visit us.</p>
<h2>Accessibility</h2>
<p>Read our <a href="/om-webbplatsen/tillganglighetsredogorelse/" hreflang="sv">accessibility statement (in Swedish)</a>.</p>""",
        lang="en", description="Information in English about the City of Nordstad: contact, moving here and services.", updated="2026-06-01"))

    langs = [
        ("/suomeksi/", "fi", "Suomeksi", "Finska"),
        ("/meankielela/", "fit", "Meänkielelä", "Meänkieli"),
        ("/samegillii/", "se", "Sámegillii", "Samiska (nordsamiska)"),
        ("/romani-chib/", "rom", "Romani chib", "Romani chib"),
        ("/jiddisch/", "yi", "ייִדיש", "Jiddisch"),
    ]
    pages.append(P("/other-languages/", "Other languages", "<h1>Other languages – andra språk</h1>\n"
        '<p class="lead">Information från Nordstads stad på andra språk. Du har rätt att använda nationella minoritetsspråk i kontakt med oss.</p>\n'
        "<h2>Nationella minoritetsspråk</h2>\n<ul>\n"
        + "\n".join(f'<li><a href="{p}" lang="{c}" hreflang="{c}">{n}</a> ({sv})</li>' for p, c, n, sv in langs)
        + '\n</ul>\n<h2>English</h2>\n<p><a href="/in-english/" lang="en" hreflang="en">Information in English</a></p>\n'
        "<h2>Tolk</h2>\n<p>Behöver du tolk när du besöker oss? Säg till när du bokar tid, så bokar vi en tolk utan kostnad för dig. "
        'Det gäller även teckenspråkstolk. Läs mer på sidan <a href="/teckensprak/">Teckenspråk</a>.</p>\n'
        '<p lang="en">Do you need an interpreter? Tell us when you book a meeting and we will arrange one free of charge.</p>',
        description="Information from the City of Nordstad in other languages: English and the national minority languages.", updated="2026-06-01"))

    pages.append(P("/suomeksi/", "Suomeksi", """<h1>Tietoa suomeksi</h1>
<p class="lead">Nordstadin kaupunki kuuluu suomen kielen hallintoalueeseen. Sinulla on oikeus käyttää suomea asioidessasi kanssamme.</p>
<h2>Ota yhteyttä</h2>
<p>Asiakaspalvelumme palvelee suomeksi maanantaista perjantaihin klo 8–17. Puhelin <a href="tel:+46812345600">08-123 456 00</a>, sähköposti <a href="mailto:suomeksi@nordstad.se">suomeksi@nordstad.se</a>.</p>
<h2>Suomenkielinen esikoulu ja vanhustenhuolto</h2>
<p>Voit hakea lapsellesi paikkaa esikoulusta, jossa toiminta on kokonaan tai osittain suomenkielistä. Voit myös saada vanhustenhuoltoa suomeksi.</p>""",
        lang="fi", description="Tietoa Nordstadin kaupungista suomeksi.", updated="2026-05-12"))

    pages.append(P("/meankielela/", "Meänkielelä", """<h1>Tietoa meänkielelä</h1>
<p class="lead">Sulla oon oikeus käyttää meänkieltä ko sie otat yhteyttä Nordstaadin kaupunkhiin.</p>
<h2>Ota yhteyttä</h2>
<p>Soita meile numerhoon <a href="tel:+46812345600">08-123 456 00</a> eli kirjota <a href="mailto:kontaktcenter@nordstad.se">kontaktcenter@nordstad.se</a>. Met autama sinua mielelämä.</p>""",
        lang="fit", description="Tietoa Nordstaadin kaupunnista meänkielelä.", updated="2026-05-12"))

    pages.append(P("/samegillii/", "Sámegillii", """<h1>Dieđut sámegillii</h1>
<p class="lead">Bures boahtin Nordstad gávpogii. Dus lea vuoigatvuohta geavahit sámegiela go váldát oktavuođa minguin.</p>
<h2>Váldde oktavuođa</h2>
<p>Telefovdna <a href="tel:+46812345600">08-123 456 00</a>, e-poasta <a href="mailto:kontaktcenter@nordstad.se">kontaktcenter@nordstad.se</a>.</p>""",
        lang="se", description="Dieđut Nordstad gávpoga birra sámegillii.", updated="2026-05-12"))

    pages.append(P("/romani-chib/", "Romani chib", """<h1>Informacia pe romani chib</h1>
<p class="lead">Lačho avilan ando foro Nordstad. Si tu o čačipe te vakeres romanes kana kontaktes amenca.</p>
<h2>Kontaktin amen</h2>
<p>Telefono <a href="tel:+46812345600">08-123 456 00</a>, e-posta <a href="mailto:kontaktcenter@nordstad.se">kontaktcenter@nordstad.se</a>.</p>""",
        lang="rom", description="Informacia katar o foro Nordstad pe romani chib.", updated="2026-05-12"))

    pages.append(P("/jiddisch/", "ייִדיש", """<h1>אינפֿאָרמאַציע אויף ייִדיש</h1>
<p class="lead">ברוכים־הבאים אין דער שטאָט נאָרדשטאַט. איר האָט דאָס רעכט צו ניצן ייִדיש ווען איר פֿאַרבינדט זיך מיט אונדז.</p>
<h2>פֿאַרבינדט זיך מיט אונדז</h2>
<p>טעלעפֿאָן <a href="tel:+46812345600" dir="ltr">08-123 456 00</a>, בליצפּאָסט <a href="mailto:kontaktcenter@nordstad.se" dir="ltr">kontaktcenter@nordstad.se</a></p>""",
        lang="yi", text_dir="rtl", description="אינפֿאָרמאַציע וועגן דער שטאָט נאָרדשטאַט אויף ייִדיש", updated="2026-05-12"))

    pages.append(P("/lattlast/", "Lättläst", """<h1>Lättläst om Nordstads stad</h1>
<p class="lead">Här kan du läsa om Nordstads stad med enkla ord.</p>
<h2>Vad gör staden?</h2>
<p>Nordstads stad är en kommun. Kommunen tar hand om många saker.</p>
<p>Kommunen har förskolor och skolor. Kommunen hjälper äldre och personer med funktionsnedsättning. Kommunen ser till att det finns rent vatten och att soporna hämtas.</p>
<h2>Vem bestämmer?</h2>
<p>Invånarna i Nordstad väljer politiker vart fjärde år. Politikerna bestämmer vad kommunen ska göra. Det heter kommunfullmäktige.</p>
<h2>Kontakta oss</h2>
<p>Du kan ringa till oss. Numret är <a href="tel:+46812345600">08-123 456 00</a>.</p>
<p>Vi svarar måndag till fredag, klockan 8 till 17.</p>
<p>Du kan också komma till Stadshuset. Adressen är Stadshusgatan 1.</p>""",
        description="Lättläst information om Nordstads stad.", updated="2026-03-30"))

    pages.append(P("/teckensprak/", "Teckenspråk", """<h1>Information på teckenspråk</h1>
<p class="lead">Här får du information om Nordstads stad på svenskt teckenspråk.</p>
<figure>
<video controls preload="metadata" width="640" height="360" poster="/bilder/teckensprak-poster.png">
<source src="/media/teckensprak-valkommen.webm" type="video/webm">
<track kind="captions" src="/media/teckensprak-valkommen.vtt" srclang="sv" label="Svenska" default>
Din webbläsare kan inte visa videon. Läs textversionen nedan.
</video>
<figcaption>Välkommen till Nordstads stad – på svenskt teckenspråk (2 sekunder).</figcaption>
</figure>
<h2>Textversion</h2>
<p>Välkommen till Nordstads stad. Här får du information på svenskt teckenspråk. Du kan kontakta oss via Kontaktcenter.</p>
<h2>Teckenspråkstolk</h2>
<p>Vill du ha en teckenspråkstolk när du besöker oss? Säg till när du <a href="/kontakt/boka-tid/">bokar tid</a>, så bokar vi tolk. Det kostar ingenting. Du kan också kontakta oss via Texttelefoni eller Bildtelefoni.net.</p>""",
        description="Information om Nordstads stad på svenskt teckenspråk.", updated="2026-04-22"))

    pages.append(P("/om-oss/", "Om Nordstads stad", """<h1>Om Nordstads stad</h1>
<p class="lead">Nordstad är en växande stad vid kusten med cirka 98 000 invånare. Staden har omkring 7 500 medarbetare.</p>
<h2>Så styrs staden</h2>
<p>Kommunfullmäktige är stadens högsta beslutande organ och har 61 ledamöter. Kommunstyrelsen leder och samordnar arbetet. Nämnderna ansvarar för var sitt område, till exempel utbildning, socialtjänst och stadsbyggnad.</p>
<h2>Förvaltningar</h2>
<ul>
<li>Stadsledningskontoret</li>
<li>Utbildningsförvaltningen</li>
<li>Socialförvaltningen</li>
<li>Stadsbyggnadsförvaltningen</li>
<li>Kultur- och fritidsförvaltningen</li>
</ul>
<h2>Allmänna handlingar</h2>
<p>Du har rätt att ta del av allmänna handlingar. Kontakta registrator på <a href="mailto:registrator@nordstad.se">registrator@nordstad.se</a>.</p>
<h2>Öppna data</h2>
<p>Vi publicerar data om staden som vem som helst får använda. Läs mer under <a href="/oppna-data/">Öppna data</a>.</p>
<h2>Appar</h2>
<p>Ladda ner <a href="/appar/">våra appar</a> för felanmälan och nyheter.</p>""",
        description="Fakta om Nordstads stad: organisation, politisk styrning, förvaltningar och allmänna handlingar.", updated="2026-02-01"))

    pages.append(P("/forskola-och-skola/", "Förskola och skola", """<h1>Förskola och skola</h1>
<p class="lead">I Nordstad finns 64 förskolor, 28 grundskolor och 4 gymnasieskolor, kommunala och fristående.</p>
<h2>Förskola</h2>
<p>Barn har rätt till förskola från ett års ålder. Ansök om förskoleplats på <a href="/mina-sidor/">Mina sidor</a> minst fyra månader innan du behöver platsen.</p>
<h2>Grundskola</h2>
<p>Under januari väljer du skola inför förskoleklass. Skolvalet görs i en e-tjänst. Elever som har lång väg till skolan kan få skolskjuts.</p>
<h2>Gymnasieskola och vuxenutbildning</h2>
<p>Gymnasievalet görs via den gemensamma antagningen i regionen. Vuxenutbildningen erbjuder kurser på grundläggande och gymnasial nivå samt svenska för invandrare (sfi).</p>
<p>Se alla <a href="/e-tjanster/">e-tjänster för förskola och skola</a>.</p>""",
        description="Förskola, grundskola, gymnasium och vuxenutbildning i Nordstad.", updated="2026-08-18"))

    pages.append(P("/bygga-bo-och-miljo/", "Bygga, bo och miljö", """<h1>Bygga, bo och miljö</h1>
<p class="lead">Information om bygglov, avfall och återvinning, vatten och avlopp och om miljön i Nordstad.</p>
<h2>Bygglov</h2>
<p>Du behöver bygglov för att bygga nytt, bygga till eller ändra användningen av en byggnad. Ansök om bygglov via vår e-tjänst. Vi fattar beslut inom tio veckor från att ansökan är komplett.</p>
<h2>Avfall och återvinning</h2>
<p>Matavfall och restavfall hämtas varannan vecka. Förpackningar och tidningar lämnar du på återvinningsstationerna. Östra återvinningscentralen har öppet alla dagar.</p>
<h2>Vatten och avlopp</h2>
<p>Staden levererar dricksvatten till cirka 90 000 invånare. Vid driftstörningar informerar vi på startsidan och via sms till berörda hushåll.</p>
<h2>Felanmälan</h2>
<p>Ser du något som är trasigt? <a href="/e-tjanster/felanmalan/">Gör en felanmälan</a>.</p>""",
        description="Bygglov, avfall och återvinning, vatten och avlopp i Nordstad.", updated="2026-09-30"))

    pages.append(P("/nyheter/", "Nyheter", "<h1>Nyheter</h1>\n<p class=\"lead\">Aktuella nyheter från Nordstads stad.</p>\n"
        + nordstad_news_list(NORDSTAD_NEWS)
        + '\n<p>Prenumerera via <a href="/nyheter/rss.xml">RSS</a> eller <a href="/prenumerera/">e-post</a>.</p>',
        description="Nyheter från Nordstads stad.", updated=NORDSTAD_NEWS[0].updated))
    pages += [nordstad_news_article(n) for n in NORDSTAD_NEWS]

    pages.append(P("/prenumerera/", "Prenumerera på nyheter", """<h1>Prenumerera på nyheter</h1>
<p class="lead">Få stadens nyheter direkt till din e-post eller i din RSS-läsare.</p>
<h2>Nyhetsbrev via e-post</h2>
<form class="stacked" action="/kontakt/tack/" method="post">
<label for="nb-epost">Din e-postadress</label>
<input id="nb-epost" name="epost" type="email" autocomplete="email" required>
<fieldset><legend>Vilka nyheter vill du få?</legend>
<input id="nb-alla" type="checkbox" name="amne" value="alla" checked> <label for="nb-alla">Alla nyheter</label><br>
<input id="nb-trafik" type="checkbox" name="amne" value="trafik"> <label for="nb-trafik">Trafik och driftstörningar</label><br>
<input id="nb-skola" type="checkbox" name="amne" value="skola"> <label for="nb-skola">Förskola och skola</label>
</fieldset>
<button type="submit">Prenumerera</button>
</form>
<p>Du kan avsluta prenumerationen när du vill via länken i varje utskick.</p>
<h2>RSS</h2>
<p>Följ våra nyheter med RSS: <a href="/nyheter/rss.xml">Nyheter från Nordstads stad (RSS)</a>.</p>""",
        description="Prenumerera på nyheter från Nordstads stad via e-post eller RSS.", updated="2026-03-03"))

    pages.append(P("/appar/", "Appar", """<h1>Våra appar</h1>
<p class="lead">Med appen Nordstad får du nyheter, driftinformation och kan göra felanmälan direkt i mobilen.</p>
<h2>Nordstad – appen</h2>
<p>Gratis för iPhone och Android. Du kan få pushnotiser om driftstörningar där du bor.</p>
<ul class="app-badges">
<li><a href="https://apps.apple.com/se/app/nordstad/id1640000001">Ladda ner i App Store</a></li>
<li><a href="https://play.google.com/store/apps/details?id=se.nordstad.app">Ladda ner på Google Play</a></li>
</ul>
<h2>Nordstad Parkering</h2>
<p>Betala parkering med mobilen på stadens gator och parkeringsplatser.</p>
<ul class="app-badges">
<li><a href="https://apps.apple.com/se/app/nordstad-parkering/id1640000002">Ladda ner i App Store</a></li>
<li><a href="https://play.google.com/store/apps/details?id=se.nordstad.parkering">Ladda ner på Google Play</a></li>
</ul>""", description="Ladda ner Nordstads stads appar för iPhone och Android.", updated="2026-05-05"))

    pages.append(P("/oppna-data/", "Öppna data", """<h1>Öppna data</h1>
<p class="lead">Nordstads stad publicerar öppna data som alla får använda fritt, även kommersiellt. Datan är licensierad med CC0.</p>
<h2>Datamängder</h2>
<ul>
<li>Lekplatser och parker (GeoJSON)</li>
<li>Återvinningsstationer (CSV)</li>
<li>Badvattenkvalitet (API)</li>
<li>Kommunfullmäktiges protokoll och beslut (JSON)</li>
<li>Luftkvalitet i centrum, timvärden (API)</li>
</ul>
<p>Alla våra datamängder finns också på <a href="https://www.dataportal.se/">Sveriges dataportal, dataportal.se</a>.</p>
<h2>Frågor om öppna data</h2>
<p>Mejla <a href="mailto:oppnadata@nordstad.se">oppnadata@nordstad.se</a>.</p>""",
        description="Öppna data från Nordstads stad: lekplatser, återvinning, badvatten och mer.", updated="2026-07-07"))

    nf = Page("/404", "Sidan kunde inte hittas", """<h1>Sidan kunde inte hittas</h1>
<p class="lead">Tyvärr finns inte sidan du söker. Den kan ha flyttats eller tagits bort.</p>
<form class="search" role="search" action="/sok" method="get">
<label for="sok-404">Sök på nordstad.se</label>
<input id="sok-404" type="search" name="q">
<button type="submit">Sök</button>
</form>
<p><a href="/">Gå till startsidan</a> eller <a href="/kontakt/">kontakta oss</a> om du inte hittar det du letar efter.</p>""",
        canonical=False, in_sitemap=False)

    rss_items = "\n".join(
        f"    <item>\n      <title>{e(n.title)}</title>\n      <link>{{{{BASE}}}}{n.path}</link>\n"
        f'      <guid isPermaLink="true">{{{{BASE}}}}{n.path}</guid>\n      <pubDate>{rfc822(n.published or "")}</pubDate>\n'
        f"      <description>{e(n.lead)}</description>\n    </item>"
        for n in NORDSTAD_NEWS
    )
    rss = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Nyheter – Nordstads stad</title>
    <link>{{{{BASE}}}}/nyheter/</link>
    <description>Aktuella nyheter från Nordstads stad</description>
    <language>sv</language>
    <atom:link href="{{{{BASE}}}}/nyheter/rss.xml" rel="self" type="application/rss+xml"/>
{rss_items}
  </channel>
</rss>
"""
    files: dict[str, str | bytes] = {
        "css/nordstad.css": NORDSTAD_CSS,
        "js/nordstad.js": NORDSTAD_JS,
        "js/chatt.js": CHAT_JS,
        "bilder/nordstad-logo.svg": logo_svg("Nordstads stad", "nordstad.se", "#ffffff", "#1a3d6d"),
        "bilder/bibliotek.svg": illustration_svg("Norra hamnens bibliotek", "#1a3d6d"),
        "bilder/cykelbana.svg": illustration_svg("Ny cykelbana i Stadsparken", "#2d6a3e"),
        "bilder/og-nordstad.png": png(120, 63, (26, 61, 109, 255)),
        "bilder/apple-touch-icon.png": png(180, 180, (26, 61, 109, 255)),
        "bilder/teckensprak-poster.png": png(160, 90, (26, 61, 109, 255), (40, 90, 150, 255)),
        "favicon.ico": ico((26, 61, 109, 255)),
        "media/teckensprak-valkommen.webm": base64.b64decode(SIGN_VIDEO_WEBM),
        "media/teckensprak-valkommen.vtt": SIGN_VTT,
        "nyheter/rss.xml": rss,
        "robots.txt": "# Nordstads stad\nUser-agent: *\nAllow: /\nDisallow: /mina-sidor/konto/\n\nSitemap: {{BASE}}/sitemap.xml\n",
    }
    return Build("nordstad", pages, nordstad_render, files, nf, sitemap="index", lastmod="2026-11-04")


# =============================================================================================
# Vägmyndigheten — strong mobile and social, good statement, weaker e-CRM
# =============================================================================================

VAG_SOCIAL = [
    ("Facebook", "https://www.facebook.com/vagmyndigheten"),
    ("X", "https://x.com/vagmyndigheten"),
    ("Instagram", "https://www.instagram.com/vagmyndigheten"),
    ("YouTube", "https://www.youtube.com/@vagmyndigheten"),
    ("LinkedIn", "https://www.linkedin.com/company/vagmyndigheten"),
    ("TikTok", "https://www.tiktok.com/@vagmyndigheten"),
    ("Mastodon", "https://mastodon.nu/@vagmyndigheten"),
]
VAG_PROD = "https://www.vagmyndigheten.se"

VAG_CSS = (
    NORDSTAD_CSS.replace("Nordstads stad – responsiv stilmall", "Vägmyndigheten – responsiv stilmall")
    .replace("#1a3d6d", "#00573f")
    .replace("#14304f", "#003a2a")
    .replace("#06335b", "#003a2a")
    .replace("#0b4f8a", "#00573f")
    .replace("#2c5588", "#1d7a5c")
    .replace("#e8eef6", "#e6f2ed")
    .replace("#f5f7fa", "#f3f8f5")
    + """.traffic-list { list-style: none; padding: 0; }
.traffic-list li { border-left: 6px solid #b35c00; background: #fff8ef; padding: 0.75rem 1rem; margin-bottom: 0.75rem; }
.social-list { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.75rem; }
.social-list a { display: flex; align-items: center; min-height: 44px; padding: 0.5rem 0.75rem; border: 1px solid #c9c9c9; border-radius: 4px; }
"""
)

VAG_JS = NORDSTAD_JS.replace(
    '/* Nordstads stad: meny, kakor, "Hjälpte informationen dig?" och Lyssna. Ingen spårning. */',
    "/* Vägmyndigheten: meny och kakval. Ingen spårning. */",
)


def vag_render(page: Page) -> str:
    lang = page.lang
    sv = ' lang="sv"' if lang != "sv" else ""
    title = f"{page.title} | Vägmyndigheten" if page.path != "/" else "Vägmyndigheten – för säkra och tillgängliga vägar"
    desc = page.description or f"{page.title}. Information från Vägmyndigheten."
    ld = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": "Vägmyndigheten",
        "url": VAG_PROD + "/",
        "logo": VAG_PROD + "/bilder/vagmyndigheten-logo.svg",
        "telephone": "+46771123500",
        "email": "vagmyndigheten@vagmyndigheten.se",
        "sameAs": [u for _, u in VAG_SOCIAL],
    }
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f'<meta name="description" content="{e(desc)}">',
    ]
    if page.canonical:
        head.append(f'<link rel="canonical" href="{e(page.path)}">')
    head += [
        '<link rel="icon" href="/favicon.ico" sizes="16x16">',
        '<link rel="apple-touch-icon" href="/bilder/apple-touch-icon.png">',
        '<meta name="theme-color" content="#00573f">',
        '<link rel="stylesheet" href="/css/vagmyndigheten.css">',
        '<link rel="alternate" hreflang="en" href="/in-english/">',
        '<meta property="og:site_name" content="Vägmyndigheten">',
        f'<meta property="og:type" content="{"article" if page.article else "website"}">',
        f'<meta property="og:title" content="{e(page.title)}">',
        f'<meta property="og:description" content="{e(desc)}">',
        f'<meta property="og:url" content="{e(page.path)}">',
        '<meta property="og:image" content="/bilder/og-vagmyndigheten.png">',
        '<meta name="twitter:card" content="summary_large_image">',
        '<meta name="twitter:site" content="@vagmyndigheten">',
        f'<meta name="twitter:title" content="{e(page.title)}">',
        f'<meta name="twitter:description" content="{e(desc)}">',
        '<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>",
        '<script src="/js/vagmyndigheten.js" defer></script>',
    ]
    if page.published:
        head.append(f'<meta property="article:published_time" content="{page.published}">')
    crumbs = ""
    if page.path != "/":
        items = "".join(f'<li><a href="{p}">{e(t)}</a></li>' for t, p in [("Start", "/"), *page.crumbs])
        crumbs = f'<nav class="breadcrumbs" aria-label="Brödsmulor"{sv}><ol>{items}<li aria-current="page">{e(page.title)}</li></ol></nav>'
    nav_items = [
        ("Trafikinformation", "/trafikinformation/"),
        ("Vägar och projekt", "/vagar-och-projekt/"),
        ("Trängselskatt och vägavgifter", "/trangselskatt-och-vagavgifter/"),
        ("E-tjänster", "/e-tjanster/"),
        ("Nyheter", "/nyheter/"),
        ("Om oss", "/om-oss/"),
        ("Kontakt", "/kontakt/"),
    ]
    current = ' aria-current="page"'
    nav = "".join(f'<li><a href="{p}"{current if page.path == p else ""}>{t}</a></li>' for t, p in nav_items)
    social = "".join(f'<li><a href="{u}" rel="me">{n}</a></li>' for n, u in VAG_SOCIAL)
    info = ""
    if page.published or page.updated:
        info = f'<p class="page-info"{sv}>Senast uppdaterad: <time datetime="{page.updated or page.published}">{page.updated or page.published}</time></p>'
    return f"""<!doctype html>
<html lang="{lang}">
<head>
{chr(10).join(head)}
</head>
<body>
<a class="skip-link" href="#huvudinnehall"{sv}>Hoppa till innehållet</a>
<div id="kakbanner" class="cookie-banner" role="region" aria-labelledby="kakor-rubrik" lang="sv">
  <div class="wrap">
    <h2 id="kakor-rubrik">Vi använder kakor</h2>
    <p>Nödvändiga kakor gör att webbplatsen fungerar. Med ditt samtycke använder vi även kakor för anonym statistik som hjälper oss att förbättra webbplatsen. <a href="/om-webbplatsen/kakor/">Om kakor</a></p>
    <div class="buttons">
      <button type="button" data-consent="necessary">Endast nödvändiga</button>
      <button type="button" data-consent="all">Godkänn alla</button>
    </div>
  </div>
</div>
<header class="site-header"{sv}>
  <div class="wrap header-inner">
    <a class="logo" href="/"><img src="/bilder/vagmyndigheten-logo.svg" alt="Vägmyndigheten – startsida" width="220" height="48"></a>
    <button type="button" class="menu-toggle" aria-expanded="false" aria-controls="meny">Meny</button>
    <ul class="tools">
      <li><a href="/in-english/" lang="en" hreflang="en">In English</a></li>
      <li><a href="/lattlast/">Lättläst</a></li>
      <li><a class="login" href="/e-tjanster/logga-in/">Logga in</a></li>
    </ul>
    <form class="search" role="search" action="/sok" method="get">
      <label for="q">Sök</label>
      <input id="q" type="search" name="q" placeholder="Vad letar du efter?">
      <button type="submit">Sök</button>
    </form>
  </div>
  <nav id="meny" class="main-nav" aria-label="Meny"><ul>{nav}</ul></nav>
</header>
<main id="huvudinnehall" tabindex="-1">
<div class="wrap">
{crumbs}
{page.body}
{info}
</div>
</main>
<footer class="site-footer"{sv}>
  <div class="wrap cols">
    <section aria-labelledby="fot-kontakt">
      <h2 id="fot-kontakt">Kontakt</h2>
      <ul>
        <li>Kundtjänst: <a href="tel:+46771123500">0771-123 500</a></li>
        <li>E-post: <a href="mailto:vagmyndigheten@vagmyndigheten.se">vagmyndigheten@vagmyndigheten.se</a></li>
        <li>Postadress: Vägmyndigheten, Box 500, 871 30 Härnösand</li>
        <li><a href="/kontakt/">Kontakta oss</a></li>
      </ul>
    </section>
    <section aria-labelledby="fot-om">
      <h2 id="fot-om">Om webbplatsen</h2>
      <ul>
        <li><a href="/om-webbplatsen/tillganglighetsredogorelse/">Tillgänglighetsredogörelse</a></li>
        <li><a href="/om-webbplatsen/">Om webbplatsen</a></li>
        <li><a href="/om-webbplatsen/kakor/">Kakor</a></li>
        <li><a href="/om-webbplatsen/personuppgifter/">Behandling av personuppgifter</a></li>
        <li><a href="/appar/">Appar</a></li>
      </ul>
    </section>
    <section aria-labelledby="fot-folj">
      <h2 id="fot-folj">Följ Vägmyndigheten</h2>
      <ul>{social}</ul>
    </section>
  </div>
</footer>
</body>
</html>
"""


VAG_NEWS = [
    News("vinterdack-fran-1-december", "Vinterdäck krävs från 1 december", "2026-11-03", None,
         "Under perioden 1 december–31 mars är det krav på vinterdäck när det är vinterväglag.",
         ["Kravet gäller personbilar, lätta lastbilar och bussar. Mönsterdjupet ska vara minst 3 millimeter.",
          "Dubbdäck får användas från den 1 oktober om det är eller kan antas bli vinterväglag.",
          "Följ väglaget i realtid på sidan Trafikinformation eller i appen Trafikläget."]),
    News("e4-forbi-sundsby-oppnar", "Nya E4 förbi Sundsby öppnar för trafik", "2026-10-27", "2026-10-29",
         "Den nya, tolv kilometer långa sträckan av E4 förbi Sundsby öppnar för trafik den 6 november.",
         ["Vägen har mittseparering, två körfält i varje riktning och en ny viltpassage. Hastigheten blir 110 kilometer i timmen.",
          "Den gamla vägen genom Sundsby blir en lokal väg med gång- och cykelbana.",
          "Under de första veckorna kan det bli kortare stopp när vi tar bort de tillfälliga avstängningarna."]),
    News("vagarbete-rv-50-vecka-45", "Vägarbete på riksväg 50 vecka 45", "2026-10-22", None,
         "Under vecka 45 byter vi beläggning på riksväg 50 mellan Björkå och Nässja. Räkna med förlängd restid.",
         ["Arbetet pågår dagtid 7–18. Trafiken leds förbi arbetsplatsen med lots, och hastigheten sänks till 50 kilometer i timmen.",
          "Vi förstår att arbetet kan störa och gör vårt bästa för att hålla köerna korta."]),
    News("farre-dodade-i-trafiken", "Färre döda i trafiken hittills i år", "2026-10-14", None,
         "Hittills i år har 152 personer omkommit i vägtrafiken, jämfört med 171 under samma period förra året.",
         ["Mittseparerade vägar och fler hastighetskameror har bidragit till minskningen. Samtidigt ökar antalet skadade cyklister.",
          "Nollvisionen innebär att ingen ska dödas eller skadas allvarligt i trafiken."]),
    News("ny-app-for-trafiklaget", "Ny version av appen Trafikläget", "2026-10-06", "2026-10-08",
         "Nu finns en ny version av appen Trafikläget med pushnotiser för dina vanliga resvägar.",
         ["Du väljer själv vilka vägar du vill bevaka och får en notis om det uppstår köer, olyckor eller vägarbeten.",
          "Appen är gratis och finns för iPhone och Android."]),
    News("farjelagen-hojs-ej-2027", "Inga höjda avgifter för vägfärjor 2027", "2026-09-29", None,
         "Vägfärjorna fortsätter att vara avgiftsfria även under 2027.",
         ["Vägmyndigheten driver 38 färjeleder runt om i landet. Färjorna är en del av det allmänna vägnätet och kostar inget att åka med."]),
    News("viltolyckor-under-hosten", "Se upp för vilt i höstmörkret", "2026-09-21", None,
         "Under hösten ökar antalet viltolyckor. Sänk hastigheten och var extra uppmärksam i gryning och skymning.",
         ["Förra året inträffade över 60 000 viltolyckor. Om du kolliderar med ett djur ska du märka ut platsen och ringa 112."]),
    News("trangselskatt-nya-tider", "Trängselskatten får nya tider", "2026-09-10", "2026-09-12",
         "Från den 1 januari 2027 ändras tiderna för trängselskatt i Storstad.",
         ["Skatten tas ut vardagar 6.00–18.29. Det högsta beloppet per dag är oförändrat.",
          "Läs mer på sidan Trängselskatt och vägavgifter."]),
    News("cykelvagar-langs-statliga-vagar", "Fler cykelvägar längs statliga vägar", "2026-08-31", None,
         "Under 2027 bygger vi 85 kilometer nya cykelvägar längs statliga vägar.",
         ["Satsningen prioriterar sträckor nära skolor och kollektivtrafik, där många cyklar i dag på vägrenen."]),
    News("bro-over-alven-renoveras", "Bron över Älven renoveras", "2026-08-19", None,
         "Renoveringen av bron över Älven startar i september och pågår i två år.",
         ["Bron får nytt räcke, ny tätskiktsbeläggning och förstärkta brofundament. Ett körfält i varje riktning hålls öppet under hela byggtiden."]),
    News("sommarens-vagarbeten", "Sommarens vägarbeten är avslutade", "2026-08-12", None,
         "Nu är sommarens största vägarbeten avslutade. Totalt har vi lagt ny beläggning på 1 200 kilometer väg.",
         ["Beläggningsarbeten görs helst på sommaren när det är varmt och torrt."]),
    News("sociala-medier-tiktok", "Nu finns vi på TikTok", "2026-08-03", None,
         "Vägmyndigheten startar ett konto på TikTok för att nå unga trafikanter med information om trafiksäkerhet.",
         ["På kontot @vagmyndigheten visar vi korta filmer om bland annat mopedsäkerhet, vinterkörning och hur man kör i en cirkulationsplats.",
          "Vi finns också på Facebook, Instagram, X, YouTube, LinkedIn och Mastodon."]),
]


def vag_article(n: News) -> Page:
    meta = f'Publicerad <time datetime="{n.published}">{n.published}</time>'
    if n.updated:
        meta += f', uppdaterad <time datetime="{n.updated}">{n.updated}</time>'
    url = quote(VAG_PROD + n.path, safe="")
    body = f"""<article>
<h1>{e(n.title)}</h1>
<p class="meta">{meta}</p>
<p class="lead">{n.lead}</p>
{paras(*n.paras)}
<section class="share" aria-labelledby="dela">
<h2 id="dela">Dela</h2>
<ul>
<li><a href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a></li>
<li><a href="https://x.com/intent/post?url={url}">X</a></li>
<li><a href="https://www.linkedin.com/sharing/share-offsite/?url={url}">LinkedIn</a></li>
</ul>
</section>
</article>"""
    return Page(n.path, n.title, body, description=n.lead, published=n.published, updated=n.updated, article=True,
                crumbs=[("Nyheter", "/nyheter/")])


def build_vagmyndigheten() -> Build:
    P = Page
    pages: list[Page] = []
    news_items = "\n".join(
        f'<li><a href="{n.path}">{e(n.title)}</a> <span class="meta">{n.published}</span></li>' for n in VAG_NEWS
    )
    pages.append(P("/", "Start", f"""<section class="hero">
<h1>Vägmyndigheten</h1>
<p class="lead">Vi ansvarar för de statliga vägarna och arbetar för säkra, tillgängliga och hållbara resor i hela landet.</p>
<p><a class="button" href="/trafikinformation/">Trafikinformation just nu</a></p>
</section>
<h2>Genvägar</h2>
<ul class="cards">
<li><a href="/trafikinformation/">Trafikinformation</a><p>Olyckor, köer, vägarbeten och väglag.</p></li>
<li><a href="/vagar-och-projekt/">Vägar och projekt</a><p>Pågående och planerade vägbyggen.</p></li>
<li><a href="/trangselskatt-och-vagavgifter/">Trängselskatt och vägavgifter</a><p>Belopp, tider och betalning.</p></li>
<li><a href="/e-tjanster/">E-tjänster</a><p>Dispenser, tillstånd och skadeanmälan.</p></li>
<li><a href="/appar/">Appen Trafikläget</a><p>Trafikinformation i mobilen.</p></li>
</ul>
<h2>Senaste nytt</h2>
<ul class="news-list">
{chr(10).join(f'<li><a href="{n.path}">{e(n.title)}</a> <span class="meta">{n.published}</span></li>' for n in VAG_NEWS[:4])}
</ul>
<p><a href="/nyheter/">Fler nyheter</a></p>""", description="Vägmyndigheten ansvarar för de statliga vägarna. Trafikinformation, vägprojekt och e-tjänster.", updated="2026-11-03"))

    pages.append(P("/kontakt/", "Kontakta oss", """<h1>Kontakta oss</h1>
<p class="lead">Har du frågor om vägar, trafik eller våra e-tjänster? Kontakta vår kundtjänst.</p>
<h2>Telefon</h2>
<p>Kundtjänst: <a href="tel:+46771123500">0771-123 500</a><br>Öppettider: vardagar 7–18</p>
<p>Akuta fel på vägen, till exempel nedfallna träd eller trasiga räcken, kan du ringa in dygnet runt på samma nummer.</p>
<h2>E-post</h2>
<p><a href="mailto:vagmyndigheten@vagmyndigheten.se">vagmyndigheten@vagmyndigheten.se</a>. Vi besvarar e-post inom fem arbetsdagar.</p>
<h2>Kontaktformulär</h2>
<form class="stacked" action="/kontakt/tack/" method="post">
<label for="namn">Namn</label>
<input id="namn" name="namn" type="text" autocomplete="name">
<label for="epost">E-post</label>
<input id="epost" name="epost" type="email" autocomplete="email" required>
<label for="arende">Ärende</label>
<select id="arende" name="arende"><option>Fråga</option><option>Synpunkt eller klagomål</option><option>Fel på väg</option><option>Övrigt</option></select>
<label for="meddelande">Meddelande</label>
<textarea id="meddelande" name="meddelande" rows="6" required></textarea>
<button type="submit">Skicka</button>
</form>
<h2>Postadress</h2>
<p>Vägmyndigheten, Box 500, 871 30 Härnösand<br>Organisationsnummer: 202100-0000</p>
<h2>Press</h2>
<p>Presstjänst: <a href="tel:+46771123599">0771-123 599</a>, <a href="mailto:press@vagmyndigheten.se">press@vagmyndigheten.se</a></p>""",
        description="Kontakta Vägmyndighetens kundtjänst via telefon, e-post eller kontaktformulär.", updated="2026-06-15"))

    pages.append(P("/kontakt/tack/", "Tack", """<h1>Tack för ditt meddelande</h1>
<p>Vi har tagit emot ditt meddelande och svarar inom fem arbetsdagar.</p>
<p><a href="/">Till startsidan</a></p>""", crumbs=[("Kontakta oss", "/kontakt/")], in_sitemap=False))

    pages.append(P("/e-tjanster/", "E-tjänster", """<h1>E-tjänster</h1>
<p class="lead">Här hittar du Vägmyndighetens e-tjänster. För de flesta tjänster loggar du in med BankID.</p>
<ul class="cards">
<li><a href="/e-tjanster/logga-in/">Ansök om dispens för tung eller bred transport</a><p>Kräver inloggning. Handläggningstid: upp till tre veckor.</p></li>
<li><a href="/e-tjanster/logga-in/">Ansök om ersättning för skada på fordon</a><p>Kräver inloggning.</p></li>
<li><a href="/e-tjanster/logga-in/">Ansök om tillstånd för skylt vid väg</a><p>Kräver inloggning.</p></li>
<li><a href="/e-tjanster/logga-in/">Mina ärenden</a><p>Se status för dina ansökningar.</p></li>
</ul>
<p>Du kan också skicka in ansökan på blankett. Beställ blanketten via <a href="/kontakt/">kundtjänst</a>.</p>""",
        description="Vägmyndighetens e-tjänster: dispenser, tillstånd och skadeanmälan.", updated="2026-05-02"))

    pages.append(P("/e-tjanster/logga-in/", "Logga in", """<h1>Logga in</h1>
<p class="lead">Logga in för att använda våra e-tjänster och se dina ärenden.</p>
<form action="/e-tjanster/logga-in/" method="get">
<ul class="eid-list">
<li><button type="submit" name="metod" value="bankid-mobil">Logga in med Mobilt BankID</button></li>
<li><button type="submit" name="metod" value="bankid-denna-enhet">BankID på den här enheten</button></li>
</ul>
</form>
<p>Du behöver ett svenskt BankID för att logga in. Saknar du BankID kan du skicka in din ansökan på blankett.</p>""",
        crumbs=[("E-tjänster", "/e-tjanster/")], description="Logga in med BankID för Vägmyndighetens e-tjänster.", updated="2026-05-02"))

    pages.append(P("/trafikinformation/", "Trafikinformation", """<h1>Trafikinformation</h1>
<p class="lead">Aktuella händelser på de statliga vägarna. Informationen uppdateras löpande.</p>
<ul class="traffic-list">
<li><strong>E4 norr om Sundsby:</strong> Olycka, ett körfält avstängt norrgående. Beräknad klar 14.30.</li>
<li><strong>Riksväg 50, Björkå–Nässja:</strong> Vägarbete, trafiken leds med lotsbil. Förlängd restid cirka 10 minuter.</li>
<li><strong>Väg 222, Åsbro:</strong> Halka, vinterväglag. Saltning pågår.</li>
</ul>
<h2>Väglag och väder</h2>
<p>Väglagsinformationen bygger på våra 780 väderstationer längs vägarna.</p>
<h2>I mobilen</h2>
<p>Få trafikinformation för dina resvägar i appen <a href="/appar/">Trafikläget</a>.</p>""",
        description="Aktuell trafikinformation: olyckor, köer, vägarbeten och väglag.", updated="2026-11-05"))

    pages.append(P("/vagar-och-projekt/", "Vägar och projekt", """<h1>Vägar och projekt</h1>
<p class="lead">Vi bygger, förbättrar och underhåller vägar i hela landet.</p>
<h2>Pågående projekt</h2>
<ul>
<li><a href="/nyheter/e4-forbi-sundsby-oppnar/">E4 förbi Sundsby</a> – ny motorväg, klar november 2026</li>
<li><a href="/nyheter/bro-over-alven-renoveras/">Bron över Älven</a> – renovering 2026–2028</li>
<li>Riksväg 50 Björkå–Nässja – ny beläggning och mitträcke</li>
</ul>
<h2>Planerade projekt</h2>
<p>Planerade projekt finns i den nationella planen för transportinfrastruktur. Du kan lämna synpunkter när vägplanen ställs ut.</p>""",
        description="Pågående och planerade vägprojekt.", updated="2026-10-29"))

    pages.append(P("/trangselskatt-och-vagavgifter/", "Trängselskatt och vägavgifter", """<h1>Trängselskatt och vägavgifter</h1>
<p class="lead">Trängselskatt tas ut i Storstad. Infrastrukturavgift tas ut på två broar.</p>
<h2>Belopp och tider</h2>
<div class="table-wrap"><table>
<caption>Trängselskatt i Storstad från 1 januari 2027</caption>
<thead><tr><th scope="col">Tid</th><th scope="col">Belopp</th></tr></thead>
<tbody>
<tr><td>06.00–06.59</td><td>15 kr</td></tr>
<tr><td>07.00–08.29</td><td>35 kr</td></tr>
<tr><td>08.30–15.29</td><td>15 kr</td></tr>
<tr><td>15.30–17.29</td><td>35 kr</td></tr>
<tr><td>17.30–18.29</td><td>15 kr</td></tr>
</tbody></table></div>
<p>Högsta belopp per dag och fordon är 135 kronor. Du får en faktura för varje månad.</p>""",
        description="Belopp och tider för trängselskatt och infrastrukturavgifter.", updated="2026-09-12"))

    pages.append(P("/om-oss/", "Om oss", """<h1>Om Vägmyndigheten</h1>
<p class="lead">Vägmyndigheten är en statlig myndighet under Landsbygds- och infrastrukturdepartementet. Vi ansvarar för byggande, drift och underhåll av de statliga vägarna.</p>
<p>Vi har cirka 6 800 medarbetare på 40 orter. Huvudkontoret ligger i Härnösand.</p>
<h2>Uppdrag</h2>
<p>Vårt uppdrag är att skapa förutsättningar för ett samhällsekonomiskt effektivt och långsiktigt hållbart transportsystem i hela landet.</p>
<h2>Följ oss</h2>
<p>Vi finns i flera <a href="/om-oss/sociala-medier/">sociala medier</a>.</p>
<h2>Allmänna handlingar</h2>
<p>Begär ut allmänna handlingar via <a href="mailto:registrator@vagmyndigheten.se">registrator@vagmyndigheten.se</a>.</p>""",
        description="Om Vägmyndigheten: uppdrag, organisation och allmänna handlingar.", updated="2026-03-10"))

    pages.append(P("/om-oss/sociala-medier/", "Sociala medier", "<h1>Vägmyndigheten i sociala medier</h1>\n"
        "<p class=\"lead\">Följ oss för trafikinformation, nyheter från våra projekt och tips om trafiksäkerhet. Vi svarar på frågor i kanalerna vardagar 8–16.</p>\n"
        "<ul class=\"social-list\">\n" + "\n".join(f'<li><a href="{u}" rel="me">{n}</a></li>' for n, u in VAG_SOCIAL) + "\n</ul>\n"
        "<p>Vi modererar kommentarer i efterhand och tar bort inlägg som bryter mot lag eller våra regler. Inlägg som rör myndighetsutövning diarieförs.</p>",
        crumbs=[("Om oss", "/om-oss/")], description="Vägmyndigheten på Facebook, X, Instagram, YouTube, LinkedIn, TikTok och Mastodon.", updated="2026-08-03"))

    pages.append(P("/om-webbplatsen/", "Om webbplatsen", """<h1>Om webbplatsen</h1>
<p class="lead">Kommunikationsavdelningen ansvarar för vagmyndigheten.se.</p>
<ul>
<li><a href="/om-webbplatsen/tillganglighetsredogorelse/">Tillgänglighetsredogörelse</a></li>
<li><a href="/om-webbplatsen/kakor/">Kakor</a></li>
<li><a href="/om-webbplatsen/personuppgifter/">Behandling av personuppgifter</a></li>
</ul>
<p>Webbplatsen fungerar i mobil, surfplatta och dator.</p>""", updated="2026-09-01"))

    pages.append(P("/om-webbplatsen/tillganglighetsredogorelse/", "Tillgänglighetsredogörelse", """<h1>Tillgänglighetsredogörelse</h1>
<p class="lead">Vägmyndigheten står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda webbplatsen. Här beskriver vi hur vagmyndigheten.se uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service och hur du kan rapportera tillgänglighetsproblem.</p>
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>Webbplatsen uppfyller kraven i WCAG 2.1 nivå AA.</p>
<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
<p>Om du behöver innehåll som inte är tillgängligt för dig kan du kontakta oss via e-post <a href="mailto:tillganglighet@vagmyndigheten.se">tillganglighet@vagmyndigheten.se</a> eller ringa <a href="tel:+46771123500">0771-123 500</a>. Vi svarar inom fem arbetsdagar.</p>
<h2>Rapportera brister i webbplatsens tillgänglighet</h2>
<p>Om du upptäcker problem, meddela oss via <a href="/kontakt/">kontaktformuläret</a> eller e-post till <a href="mailto:tillganglighet@vagmyndigheten.se">tillganglighet@vagmyndigheten.se</a>.</p>
<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning har ansvaret för tillsyn för lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du <a href="https://www.digg.se/tdosanmalan">kontakta Myndigheten för digital förvaltning och påtala det</a>.</p>
<h2>Teknisk information om webbplatsens tillgänglighet</h2>
<p>Den här webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service.</p>
<h2>Innehåll som inte omfattas av lagkraven</h2>
<ul>
<li>Kartor i trafikinformationen. Samma information finns som text i listan över händelser.</li>
<li>Förinspelade videoklipp som publicerats före den 23 september 2020.</li>
</ul>
<h2>Hur vi testat webbplatsen</h2>
<p>Vi har gjort en självskattning (intern testning) av webbplatsen med automatiska verktyg och manuella tester. Dessutom har en extern granskare testat webbplatsen med användare som använder hjälpmedel.</p>
<p>Bedömningen gjordes 2026-08-15.</p>
<p>Webbplatsen publicerades 2019-05-02.</p>
<p>Redogörelsen uppdaterades senast 2026-09-01.</p>""",
        crumbs=[("Om webbplatsen", "/om-webbplatsen/")], description="Tillgänglighetsredogörelse för vagmyndigheten.se.", updated="2026-09-01"))

    pages.append(P("/om-webbplatsen/kakor/", "Kakor", """<h1>Kakor</h1>
<p class="lead">Vi använder kakor för att webbplatsen ska fungera och, om du samtycker, för anonym statistik.</p>
<div class="table-wrap"><table>
<caption>Kakor på vagmyndigheten.se</caption>
<thead><tr><th scope="col">Namn</th><th scope="col">Syfte</th><th scope="col">Lagringstid</th></tr></thead>
<tbody>
<tr><td>consent</td><td>Sparar ditt val</td><td>1 år</td></tr>
<tr><td>vm_stat</td><td>Anonym statistik (endast med samtycke)</td><td>13 månader</td></tr>
</tbody></table></div>
<p><button type="button" data-consent-reset>Ändra ditt val</button></p>""",
        crumbs=[("Om webbplatsen", "/om-webbplatsen/")], updated="2026-01-12"))

    pages.append(P("/om-webbplatsen/personuppgifter/", "Behandling av personuppgifter", """<h1>Behandling av personuppgifter</h1>
<p class="lead">Vägmyndigheten behandlar personuppgifter enligt dataskyddsförordningen (GDPR).</p>
<p>Vi behandlar personuppgifter när det behövs för att vi ska kunna utföra våra uppgifter, till exempel handlägga ansökningar och besvara frågor.</p>
<p>Du har rätt att få ett registerutdrag och att få felaktiga uppgifter rättade. Kontakta vårt dataskyddsombud på <a href="mailto:dataskyddsombud@vagmyndigheten.se">dataskyddsombud@vagmyndigheten.se</a>.</p>
<p>Du kan lämna klagomål till <a href="https://www.imy.se/">Integritetsskyddsmyndigheten</a>.</p>""",
        crumbs=[("Om webbplatsen", "/om-webbplatsen/")], updated="2026-01-12"))

    pages.append(P("/in-english/", "In English", """<h1>The Swedish Road Authority (Vägmyndigheten)</h1>
<p class="lead">We are responsible for building, operating and maintaining the state roads in Sweden.</p>
<h2>Traffic information</h2>
<p>Current traffic information is available in Swedish on <a href="/trafikinformation/" hreflang="sv">Trafikinformation</a> and in the app Trafikläget.</p>
<h2>Congestion tax</h2>
<p>Foreign vehicles are also liable to pay congestion tax. You will receive an invoice from our partner.</p>
<h2>Contact</h2>
<p>Customer service: <a href="tel:+46771123500">+46 771 123 500</a>, weekdays 7 am–6 pm. E-mail: <a href="mailto:vagmyndigheten@vagmyndigheten.se">vagmyndigheten@vagmyndigheten.se</a></p>""",
        lang="en", description="Information in English about the Swedish Road Authority.", updated="2026-04-20"))

    pages.append(P("/lattlast/", "Lättläst", """<h1>Lättläst om Vägmyndigheten</h1>
<p class="lead">Vägmyndigheten tar hand om de stora vägarna i Sverige.</p>
<p>Vi bygger nya vägar. Vi lagar vägar som är trasiga. På vintern plogar vi bort snö.</p>
<p>Vi vill att ingen ska skadas i trafiken.</p>
<h2>Kontakta oss</h2>
<p>Ring <a href="tel:+46771123500">0771-123 500</a>. Vi svarar vardagar klockan 7 till 18.</p>""",
        description="Lättläst information om Vägmyndigheten.", updated="2026-02-20"))

    pages.append(P("/appar/", "Appar", """<h1>Appen Trafikläget</h1>
<p class="lead">Med Trafikläget får du trafikinformation för dina vanliga resvägar direkt i mobilen.</p>
<ul class="app-badges">
<li><a href="https://apps.apple.com/se/app/trafiklaget/id1650000001">Hämta i App Store</a></li>
<li><a href="https://play.google.com/store/apps/details?id=se.vagmyndigheten.trafiklaget">Hämta på Google Play</a></li>
</ul>""", description="Ladda ner appen Trafikläget för iPhone och Android.", updated="2026-10-08"))

    pages.append(P("/nyheter/", "Nyheter", f"""<h1>Nyheter</h1>
<ul class="news-list">
{news_items}
</ul>""", description="Nyheter från Vägmyndigheten.", updated=VAG_NEWS[0].published))
    pages += [vag_article(n) for n in VAG_NEWS]

    nf = Page("/404", "Sidan finns inte", """<h1>Sidan finns inte</h1>
<p class="lead">Vi kunde inte hitta sidan. Kontrollera adressen eller sök efter innehållet.</p>
<form class="search" role="search" action="/sok" method="get">
<label for="q404">Sök på vagmyndigheten.se</label>
<input id="q404" type="search" name="q">
<button type="submit">Sök</button>
</form>
<p><a href="/">Till startsidan</a></p>""", canonical=False, in_sitemap=False)
    files: dict[str, str | bytes] = {
        "css/vagmyndigheten.css": VAG_CSS,
        "js/vagmyndigheten.js": VAG_JS,
        "bilder/vagmyndigheten-logo.svg": logo_svg("Vägmyndigheten", "vagmyndigheten.se", "#ffd200", "#00573f"),
        "bilder/og-vagmyndigheten.png": png(120, 63, (0, 87, 63, 255)),
        "bilder/apple-touch-icon.png": png(180, 180, (0, 87, 63, 255)),
        "favicon.ico": ico((0, 87, 63, 255)),
        "robots.txt": "User-agent: *\nDisallow:\n\nSitemap: {{BASE}}/sitemap.xml\n",
    }
    return Build("vagmyndigheten", pages, vag_render, files, nf, lastmod="2026-11-05")


# =============================================================================================
# Försäkringsverket — strong e-CRM, weak mobile (fixed 1200 px desktop layout)
# =============================================================================================

FORS_CSS = """/* Försäkringsverket – stilmall för skärm (1200 px) */
[hidden] { display: none !important; }
body { margin: 0; min-width: 1200px; font-family: Verdana, Tahoma, sans-serif; font-size: 11px; line-height: 14px; color: #333; background: #e9eef2; }
.page { width: 1200px; margin: 0 auto; background: #fff; }
a { color: #005a8c; text-decoration: none; }
a:hover { text-decoration: underline; }
.top { height: 90px; position: relative; border-bottom: 3px solid #005a8c; }
.top .logo { position: absolute; left: 20px; top: 20px; }
.top .toplinks { position: absolute; right: 20px; top: 8px; }
.top .toplinks a { font-size: 10px; margin-left: 6px; }
.top .login { position: absolute; right: 20px; top: 34px; background: #005a8c; color: #fff; padding: 3px 8px; font-size: 11px; }
.top form { position: absolute; right: 20px; top: 60px; }
.top form label { font-size: 10px; }
.top form input { width: 180px; font-size: 11px; height: 14px; }
.top form button { font-size: 10px; height: 20px; }
.nav { background: #005a8c; height: 22px; }
.nav a { color: #fff; float: left; font-size: 11px; line-height: 22px; height: 22px; padding: 0 10px; }
.cols { overflow: hidden; }
.leftnav { float: left; width: 200px; padding: 12px 10px; }
.leftnav a { display: block; height: 14px; line-height: 14px; font-size: 11px; margin: 0; padding: 0; }
.leftnav h2 { font-size: 11px; margin: 10px 0 2px; }
.content { float: left; width: 720px; padding: 12px 20px; }
.content h1 { font-size: 18px; line-height: 22px; color: #005a8c; }
.content h2 { font-size: 13px; }
.content img { display: block; }
.right { float: left; width: 200px; padding: 12px 10px; background: #f3f6f8; }
.right a { display: block; height: 14px; line-height: 14px; font-size: 11px; }
.ingress { font-size: 12px; font-weight: bold; }
.datum { color: #767676; font-size: 10px; }
.footer { clear: both; background: #333; color: #ddd; padding: 8px 20px; font-size: 10px; line-height: 14px; }
.footer a { color: #fff; font-size: 10px; margin-right: 6px; }
.cookiebar { background: #333; color: #fff; padding: 10px 20px; width: 1160px; margin: 0 auto; font-size: 11px; }
.cookiebar .accept { background: #2e9e44; color: #fff; font-size: 14px; font-weight: bold; padding: 8px 30px; border: 0; margin-left: 20px; cursor: pointer; }
.cookiebar .settings { color: #999; font-size: 9px; margin-left: 10px; }
form.f label { display: block; margin-top: 6px; font-weight: bold; }
form.f input, form.f select, form.f textarea { font-size: 11px; width: 300px; }
form.f button { margin-top: 8px; font-size: 11px; }
.eid a, .eid button { display: block; width: 260px; margin: 0 0 2px; font-size: 11px; height: 18px; line-height: 18px; text-align: left; }
table.tbl { border-collapse: collapse; width: 700px; }
table.tbl td, table.tbl th { border: 1px solid #ccc; padding: 2px 4px; font-size: 11px; }
.chat-launcher { background: #2e9e44; color: #fff; border: 0; padding: 6px 14px; font-size: 12px; cursor: pointer; }
.chat-panel { position: fixed; right: 20px; bottom: 20px; width: 300px; background: #fff; border: 2px solid #005a8c; padding: 8px; }
.chat-log { height: 120px; overflow-y: auto; }
.chat-panel input { width: 280px; }
"""

FORS_JS = """/* Försäkringsverket: kakbanner */
window.onload = function () {
  var bar = document.getElementById('cookiebar');
  if (document.cookie.indexOf('consent=') !== -1 && bar) { bar.hidden = true; }
  var buttons = document.querySelectorAll('[data-consent]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].onclick = function () {
      document.cookie = 'consent=' + this.getAttribute('data-consent') + '; path=/; max-age=31536000';
      if (bar) { bar.hidden = true; }
    };
  }
};
"""


def fors_render(page: Page) -> str:
    title = f"{page.title} - Försäkringsverket" if page.path != "/" else "Försäkringsverket"
    desc = page.description or f"{page.title} – Försäkringsverket"
    left = "".join(
        f'<a href="{p}">{t}</a>'
        for t, p in [
            ("Föräldrapenning", "/foralder/"), ("Tillfällig föräldrapenning (VAB)", "/foralder/"),
            ("Barnbidrag", "/foralder/"), ("Sjukpenning", "/sjuk/"), ("Sjukersättning", "/sjuk/"),
            ("Bostadsbidrag", "/bostadsbidrag/"), ("E-tjänster", "/e-tjanster/"), ("Mina sidor", "/mina-sidor/"),
            ("Vanliga frågor", "/kontakt/vanliga-fragor/"), ("Bli uppringd", "/kontakt/bli-uppringd/"),
            ("Boka besök", "/kontakt/boka-besok/"), ("Synpunkter och klagomål", "/kontakt/synpunkter-och-klagomal/"),
            ("Nyheter", "/nyheter/"), ("Om oss", "/om-oss/"),
        ]
    )
    right = "".join(
        f'<a href="{p}">{t}</a>'
        for t, p in [
            ("Logga in på Mina sidor", "/mina-sidor/"), ("Anmäl VAB", "/e-tjanster/"), ("Ansök om föräldrapenning", "/e-tjanster/"),
            ("Sjukanmälan", "/e-tjanster/"), ("Kontakta oss", "/kontakt/"), ("Chatta med oss", "/kontakt/"),
        ]
    )
    return f"""<!DOCTYPE html>
<html lang="{page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=1200, user-scalable=no, maximum-scale=1">
<title>{e(title)}</title>
<meta name="description" content="{e(desc)}">
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/css/forsakringsverket.css">
<script src="/js/forsakringsverket.js"></script>
<script src="/js/chatt.js" defer></script>
</head>
<body>
<div id="cookiebar" class="cookiebar" lang="sv">Försäkringsverket använder kakor för att webbplatsen ska fungera så bra som möjligt och för statistik.
<button type="button" class="accept" data-consent="all">Godkänn alla</button> <a class="settings" href="/om-webbplatsen/kakor/">Inställningar</a></div>
<div class="page">
<header class="top" lang="sv">
<a class="logo" href="/"><img src="/bilder/forsakringsverket-logo.svg" alt="Försäkringsverket" width="260" height="48"></a>
<div class="toplinks"><a href="/in-english/" lang="en">In English</a> <a href="/lattlast/">Lättläst</a> <a href="/kontakt/">Kontakta oss</a></div>
<a class="login" href="/mina-sidor/">Logga in på Mina sidor</a>
<form action="/sok" method="get"><label for="s">Sök</label> <input id="s" type="text" name="q"> <button type="submit">Sök</button></form>
</header>
<nav class="nav" lang="sv"><a href="/">Start</a><a href="/foralder/">Förälder</a><a href="/sjuk/">Sjuk</a><a href="/bostadsbidrag/">Bostadsbidrag</a><a href="/e-tjanster/">E-tjänster</a><a href="/nyheter/">Nyheter</a><a href="/om-oss/">Om oss</a></nav>
<div class="cols">
<div class="leftnav" lang="sv"><h2>Privatperson</h2>{left}</div>
<main class="content">
{page.body}
</main>
<div class="right" lang="sv"><h2>Genvägar</h2>{right}</div>
</div>
<footer class="footer" lang="sv">Försäkringsverket, 105 00 Stockholm | Kundcenter: <a href="tel:+46771123400">0771-123 400</a> (vardagar 8–16) | Registrator: <a href="mailto:registrator@forsakringsverket.se">registrator@forsakringsverket.se</a><br>
<a href="/om-webbplatsen/tillganglighetsredogorelse/">Tillgänglighetsredogörelse</a><a href="/om-webbplatsen/">Om webbplatsen</a><a href="/om-webbplatsen/kakor/">Kakor</a><a href="/om-webbplatsen/personuppgifter/">Personuppgifter</a><a href="/kontakt/">Kontakta oss</a><a href="https://www.facebook.com/forsakringsverket">Facebook</a></footer>
</div>
{chat_panel("Tack, du är nu i kö. En handläggare svarar om cirka 5 minuter. Chatten är öppen vardagar 8–16.", "Hej och välkommen till Försäkringsverkets chatt! Skriv inte ditt personnummer här.", "Försäkringsverket")}
</body>
</html>
"""


FORS_NEWS = [
    News("nya-belopp-2027", "Nya belopp för bostadsbidrag 2027", "2026-10-30", None,
         "Från den 1 januari 2027 höjs det särskilda bidraget för hemmavarande barn.",
         ["Höjningen är 200 kronor per barn och månad. Du som redan har bostadsbidrag behöver inte ansöka på nytt, höjningen sker automatiskt.",
          "Kom ihåg att anmäla ändrade inkomster på Mina sidor så att du inte får för mycket eller för lite."],
         ("bostad.png", "")),
    News("langre-svarstider-vab", "Längre svarstider under vabruari", "2026-10-21", "2026-10-22",
         "Under vintern ökar antalet samtal till Kundcenter. Använd gärna Mina sidor eller chatten.",
         ["Du anmäler VAB enklast i appen eller på Mina sidor. Där kan du också se när pengarna betalas ut.",
          "Vill du inte vänta i telefonkön kan du välja att bli uppringd."]),
    News("foraldrapenning-dubbeldagar", "Fler dubbeldagar i föräldrapenningen", "2026-10-02", None,
         "Från 2027 kan föräldrar ta ut föräldrapenning samtidigt i 60 dagar i stället för 30.",
         ["Ändringen gäller för barn födda från och med den 1 januari 2027.",
          "Planera din föräldraledighet med vår e-tjänst Planera föräldraledighet."],
         ("foralder.png", "")),
    News("handlaggningstider-sjukpenning", "Kortare handläggningstider för sjukpenning", "2026-09-18", None,
         "Den genomsnittliga handläggningstiden för sjukpenning är nu 21 dagar.",
         ["Du ser alltid var i handläggningen ditt ärende är på Mina sidor."]),
    News("ny-e-tjanst-bostadsbidrag", "Ny e-tjänst för bostadsbidrag", "2026-09-04", None,
         "Nu kan du ansöka om bostadsbidrag i en ny och enklare e-tjänst.",
         ["Uppgifterna från din deklaration är redan ifyllda. Det tar i genomsnitt tio minuter att ansöka."]),
    News("boka-besok-servicekontor", "Boka besök på servicekontor", "2026-08-25", None,
         "Nu kan du boka tid för ett personligt möte på något av våra 80 servicekontor.",
         ["Välj tid, plats och ärende i vår bokningstjänst. Du får en bekräftelse via sms."]),
    News("utbetalningsdagar-2027", "Utbetalningsdagar 2027", "2026-08-14", None,
         "Nu finns utbetalningsdagarna för 2027 publicerade.",
         ["Barnbidraget betalas ut den 20:e varje månad. Infaller den 20:e på en helg betalas det ut fredagen innan."]),
    News("bedragare-sms", "Varning för falska sms", "2026-08-02", "2026-08-05",
         "Vi har fått kännedom om falska sms som ser ut att komma från Försäkringsverket.",
         ["Vi ber dig aldrig att logga in med BankID via en länk i ett sms. Logga alltid in via forsakringsverket.se."]),
]


def fors_article(n: News) -> Page:
    img = f'<img src="/bilder/{n.image[0]}" width="700" height="200">' if n.image else ""
    upd = f" Uppdaterad: {sv_date(n.updated)}" if n.updated else ""
    body = f"""<h1>{e(n.title)}</h1>
<p class="datum">Publicerad: {sv_date(n.published or "")}{upd}</p>
{img}
<p class="ingress">{n.lead}</p>
{paras(*n.paras)}
<p><a href="/nyheter/">Tillbaka till nyheter</a></p>"""
    return Page(n.path, n.title, body, description=n.lead, published=n.published, updated=n.updated, article=True)


def build_forsakringsverket() -> Build:
    P = Page
    pages: list[Page] = []
    pages.append(P("/", "Start", """<img src="/bilder/familj.png" width="720" height="180">
<h1>Välkommen till Försäkringsverket</h1>
<p class="ingress">Vi ger ekonomisk trygghet till familjer med barn, till dig som är sjuk och till dig som har en funktionsnedsättning.</p>
<h2>Logga in och gör ditt ärende direkt</h2>
<p>På <a href="/mina-sidor/">Mina sidor</a> kan du anmäla VAB, ansöka om föräldrapenning, se dina utbetalningar och följa dina ärenden.</p>
<h2>Räkna ut din föräldrapenning</h2>
<form action="/foralder/" method="get">Din månadslön: <input type="text" name="lon"> <button type="submit">Räkna</button></form>
<h2>Behöver du hjälp?</h2>
<p><a href="/kontakt/">Chatta med oss</a>, <a href="/kontakt/bli-uppringd/">bli uppringd</a> eller <a href="/kontakt/boka-besok/">boka besök</a>. Svar på vanliga frågor hittar du under <a href="/kontakt/vanliga-fragor/">Vanliga frågor</a>.</p>
<h2>Nyheter</h2>
<p><a href="/nyheter/nya-belopp-2027/">Nya belopp för bostadsbidrag 2027</a><br><a href="/nyheter/langre-svarstider-vab/">Längre svarstider under vabruari</a></p>""",
        description="Försäkringsverket: föräldrapenning, sjukpenning, bostadsbidrag och Mina sidor."))

    pages.append(P("/kontakt/", "Kontakta oss", """<h1>Kontakta oss</h1>
<p class="ingress">Du kan chatta, ringa, bli uppringd eller boka ett besök.</p>
<h2>Chatta med oss</h2>
<p>Chatten är öppen vardagar 8–16. <button type="button" class="chat-launcher" data-chatt-oppna aria-controls="chatt-panel" aria-expanded="false">Chatta med oss</button></p>
<h2>Ring Kundcenter</h2>
<p>Telefon: <a href="tel:+46771123400">0771-123 400</a>. Telefontider: vardagar 8–16.<br>
Självbetjäning i telefon dygnet runt: <a href="tel:+46771123401">0771-123 401</a>.</p>
<h2>Bli uppringd</h2>
<p><a href="/kontakt/bli-uppringd/">Boka en tid när vi ringer upp dig</a>.</p>
<h2>Boka besök</h2>
<p><a href="/kontakt/boka-besok/">Boka besök på ett servicekontor</a>.</p>
<h2>Skriv till oss</h2>
<p>Logga in på <a href="/mina-sidor/">Mina sidor</a> och skicka ett säkert meddelande. Vi svarar inom två arbetsdagar.</p>
<form class="f" action="/kontakt/tack/" method="post">
<label for="k-namn">Namn</label><input id="k-namn" name="namn" type="text">
<label for="k-epost">E-post</label><input id="k-epost" name="epost" type="email">
<label for="k-fraga">Din fråga (skriv inte personnummer)</label><textarea id="k-fraga" name="fraga" rows="5"></textarea>
<button type="submit">Skicka</button>
</form>
<h2>Vanliga frågor</h2>
<p><a href="/kontakt/vanliga-fragor/">Se svar på vanliga frågor</a></p>
<h2>Synpunkter och klagomål</h2>
<p><a href="/kontakt/synpunkter-och-klagomal/">Lämna synpunkter eller klagomål</a></p>
<h2>Post</h2>
<p>Försäkringsverket, 105 00 Stockholm. Registrator: <a href="mailto:registrator@forsakringsverket.se">registrator@forsakringsverket.se</a></p>""",
        description="Chatta, ring, bli uppringd eller boka besök hos Försäkringsverket."))

    pages.append(P("/kontakt/bli-uppringd/", "Bli uppringd", """<h1>Bli uppringd</h1>
<p class="ingress">Välj en tid så ringer vi upp dig. Du slipper vänta i telefonkö.</p>
<form class="f" action="/kontakt/tack/" method="post">
<label for="bu-tel">Telefonnummer</label><input id="bu-tel" name="telefon" type="tel">
<label for="bu-dag">Dag</label><select id="bu-dag" name="dag"><option>Måndag</option><option>Tisdag</option><option>Onsdag</option><option>Torsdag</option><option>Fredag</option></select>
<label for="bu-tid">Tid</label><select id="bu-tid" name="tid"><option>8–10</option><option>10–12</option><option>13–14</option><option>14–16</option></select>
<label for="bu-om">Vad gäller det?</label><select id="bu-om" name="om"><option>Föräldrapenning</option><option>VAB</option><option>Sjukpenning</option><option>Bostadsbidrag</option></select>
<button type="submit">Bli uppringd</button>
</form>"""))

    pages.append(P("/kontakt/boka-besok/", "Boka besök", """<h1>Boka besök</h1>
<p class="ingress">Boka tid för ett personligt möte på ett servicekontor nära dig.</p>
<form class="f" action="/kontakt/tack/" method="post">
<label for="bb-ort">Servicekontor</label><select id="bb-ort" name="ort"><option>Stockholm City</option><option>Göteborg Centrum</option><option>Malmö Triangeln</option><option>Umeå</option></select>
<label for="bb-datum">Datum</label><input id="bb-datum" name="datum" type="date">
<label for="bb-tid">Tid</label><select id="bb-tid" name="tid"><option>09.00</option><option>10.30</option><option>13.00</option><option>14.30</option></select>
<label for="bb-mobil">Mobilnummer för bekräftelse</label><input id="bb-mobil" name="mobil" type="tel">
<button type="submit">Boka besök</button>
</form>"""))

    faq = [
        ("När betalas barnbidraget ut?", "Barnbidraget betalas ut den 20:e varje månad."),
        ("Hur anmäler jag VAB?", "Anmäl VAB i appen eller på Mina sidor senast 90 dagar efter att du var hemma."),
        ("Hur länge kan jag få sjukpenning?", "Du kan få sjukpenning i 364 dagar under en ramtid på 450 dagar."),
        ("Hur lång är handläggningstiden?", "Handläggningstiden varierar. På Mina sidor ser du hur långt ditt ärende har kommit."),
        ("Hur ändrar jag mitt kontonummer?", "Anmäl nytt kontonummer till Swedbanks kontoregister eller på Mina sidor."),
    ]
    pages.append(P("/kontakt/vanliga-fragor/", "Vanliga frågor", "<h1>Vanliga frågor</h1>\n"
        + "\n".join(f"<h2>{q}</h2>\n<p>{a}</p>" for q, a in faq)))

    pages.append(P("/kontakt/synpunkter-och-klagomal/", "Synpunkter och klagomål", """<h1>Synpunkter och klagomål</h1>
<p class="ingress">Vi vill gärna veta vad du tycker om vår service. Dina synpunkter hjälper oss att bli bättre.</p>
<form class="f" action="/kontakt/tack/" method="post">
<label for="sk-typ">Typ</label><select id="sk-typ" name="typ"><option>Klagomål</option><option>Synpunkt</option><option>Beröm</option></select>
<label for="sk-text">Beskriv</label><textarea id="sk-text" name="text" rows="6"></textarea>
<label for="sk-epost">E-post (om du vill ha svar)</label><input id="sk-epost" name="epost" type="email">
<button type="submit">Skicka</button>
</form>
<p>Vill du överklaga ett beslut? Läs om omprövning i ditt beslutsbrev.</p>"""))

    pages.append(P("/kontakt/tack/", "Tack", """<h1>Tack!</h1>
<p>Vi har tagit emot ditt ärende. Du kan följa det på <a href="/mina-sidor/">Mina sidor</a>.</p>""", in_sitemap=False))

    pages.append(P("/mina-sidor/", "Logga in på Mina sidor", """<h1>Logga in på Mina sidor</h1>
<p class="ingress">Välj hur du vill logga in.</p>
<form action="/mina-sidor/" method="get" class="eid">
<button type="submit" name="metod" value="mobilt-bankid">Mobilt BankID</button>
<button type="submit" name="metod" value="bankid">BankID på kort eller fil</button>
<button type="submit" name="metod" value="freja">Freja eID+</button>
<button type="submit" name="metod" value="eidas">Utländsk e-legitimation (eIDAS)</button>
</form>
<h2>Det här kan du göra på Mina sidor</h2>
<ul><li>Anmäla VAB och ansöka om föräldrapenning</li><li>Se kommande utbetalningar</li><li>Följa dina ärenden och se handläggningstider</li><li>Skicka säkra meddelanden till oss</li><li>Chatta inloggad med en handläggare</li></ul>""",
        description="Logga in på Mina sidor med BankID, Freja eID+ eller utländsk e-legitimation."))

    pages.append(P("/e-tjanster/", "E-tjänster", """<h1>E-tjänster</h1>
<table class="tbl">
<tr><th>E-tjänst</th><th>Inloggning</th><th>Handläggningstid</th></tr>
<tr><td><a href="/mina-sidor/">Anmäl VAB</a></td><td>BankID, Freja eID+</td><td>Utbetalning inom 10 dagar</td></tr>
<tr><td><a href="/mina-sidor/">Ansök om föräldrapenning</a></td><td>BankID, Freja eID+</td><td>Cirka 10 dagar</td></tr>
<tr><td><a href="/mina-sidor/">Sjukanmälan</a></td><td>BankID, Freja eID+</td><td>Cirka 21 dagar</td></tr>
<tr><td><a href="/mina-sidor/">Ansök om bostadsbidrag</a></td><td>BankID, Freja eID+, utländsk e-legitimation</td><td>Cirka 30 dagar</td></tr>
<tr><td><a href="/mina-sidor/">Planera föräldraledighet</a></td><td>BankID, Freja eID+</td><td>–</td></tr>
<tr><td><a href="/kontakt/boka-besok/">Boka besök</a></td><td>Ingen</td><td>–</td></tr>
</table>"""))

    pages.append(P("/foralder/", "Förälder", """<h1>Förälder</h1>
<p class="ingress">Föräldrapenning, tillfällig föräldrapenning (VAB) och barnbidrag.</p>
<h2>Föräldrapenning</h2>
<p>Föräldrapenning kan du få för att vara hemma med ditt barn. Föräldrapenningen räcker i sammanlagt 480 dagar per barn. Ansök på Mina sidor.</p>
<h2>Tillfällig föräldrapenning</h2>
<p>Du kan få tillfällig föräldrapenning när du behöver vara hemma från arbetet för att ta hand om ditt sjuka barn.</p>
<h2>Barnbidrag</h2>
<p>Barnbidraget är 1 250 kronor per månad och barn. Det betalas ut automatiskt.</p>"""))

    pages.append(P("/sjuk/", "Sjuk", """<h1>Sjuk</h1>
<p class="ingress">Sjukpenning kan du få om du inte kan arbeta på grund av sjukdom.</p>
<p>De första 14 dagarna betalar arbetsgivaren sjuklön. Därefter kan du få sjukpenning från Försäkringsverket. Gör din sjukanmälan på Mina sidor.</p>
<h2>Sjukersättning</h2>
<p>Sjukersättning kan du få om din arbetsförmåga är stadigvarande nedsatt.</p>"""))

    pages.append(P("/bostadsbidrag/", "Bostadsbidrag", """<h1>Bostadsbidrag</h1>
<p class="ingress">Bostadsbidrag kan barnfamiljer och unga mellan 18 och 28 år få.</p>
<p>Hur mycket du får beror på din inkomst, din boendekostnad och hur många barn du har. Ansök i e-tjänsten Bostadsbidrag.</p>"""))

    pages.append(P("/om-oss/", "Om oss", """<h1>Om Försäkringsverket</h1>
<p class="ingress">Försäkringsverket är en statlig myndighet som administrerar de flesta av socialförsäkringens förmåner.</p>
<p>Vi har cirka 14 000 medarbetare och betalar ut 240 miljarder kronor per år.</p>
<p>Registrator: <a href="mailto:registrator@forsakringsverket.se">registrator@forsakringsverket.se</a></p>"""))

    pages.append(P("/om-webbplatsen/", "Om webbplatsen", """<h1>Om webbplatsen</h1>
<p>Webbplatsen forsakringsverket.se drivs av Försäkringsverket.</p>
<p><a href="/om-webbplatsen/tillganglighetsredogorelse/">Tillgänglighetsredogörelse</a> | <a href="/om-webbplatsen/kakor/">Kakor</a> | <a href="/om-webbplatsen/personuppgifter/">Personuppgifter</a></p>
<p>Webbplatsen är anpassad för datorskärmar med en bredd på minst 1200 pixlar.</p>"""))

    pages.append(P("/om-webbplatsen/tillganglighetsredogorelse/", "Tillgänglighetsredogörelse", """<h1>Tillgänglighetsredogörelse</h1>
<p>Försäkringsverket står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda webbplatsen.</p>
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>Vi är medvetna om att delar av webbplatsen inte är helt tillgängliga.</p>
<h2>Rapportera brister i webbplatsens tillgänglighet</h2>
<p>Om du upptäcker problem som inte är beskrivna på den här sidan kan du mejla <a href="mailto:webb@forsakringsverket.se">webb@forsakringsverket.se</a>.</p>
<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning har ansvaret för tillsyn för lagen om tillgänglighet till digital offentlig service.</p>
<h2>Teknisk information om webbplatsens tillgänglighet</h2>
<p>Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.</p>
<h2>Innehåll som inte är tillgängligt</h2>
<ul>
<li>Webbplatsen går inte att förstora till 400 procent utan att innehåll försvinner.</li>
<li>Vissa bilder saknar textalternativ.</li>
<li>Vissa formulärfält saknar etiketter.</li>
<li>Många PDF-blanketter är inte tillgängliga.</li>
</ul>
<p>Redogörelsen uppdaterades senast 2023-05-10.</p>""", updated="2023-05-10"))

    pages.append(P("/om-webbplatsen/kakor/", "Kakor", """<h1>Kakor</h1>
<p>Vi använder nödvändiga kakor och kakor för statistik.</p>
<h2>Inställningar för kakor</h2>
<p><button type="button" data-consent="necessary">Endast nödvändiga kakor</button> <button type="button" data-consent="all">Godkänn alla kakor</button></p>
<table class="tbl"><tr><th>Kaka</th><th>Syfte</th></tr><tr><td>consent</td><td>Sparar ditt val</td></tr><tr><td>fv_session</td><td>Inloggning</td></tr><tr><td>fv_stat</td><td>Statistik</td></tr></table>"""))

    pages.append(P("/om-webbplatsen/personuppgifter/", "Personuppgifter", """<h1>Så behandlar vi dina personuppgifter</h1>
<p>Försäkringsverket behandlar personuppgifter enligt dataskyddsförordningen och socialförsäkringsbalken.</p>
<p>Dataskyddsombud: <a href="mailto:dataskyddsombud@forsakringsverket.se">dataskyddsombud@forsakringsverket.se</a></p>"""))

    pages.append(P("/in-english/", "In English", """<h1>Försäkringsverket – the Swedish Social Insurance Office</h1>
<p class="ingress">We administer parental benefit, sickness benefit, child allowance and housing allowance.</p>
<p>Log in to <a href="/mina-sidor/" hreflang="sv">My Pages</a> with a Swedish or foreign eID (eIDAS). Call us on <a href="tel:+46771123400">+46 771 123 400</a>, weekdays 8 am–4 pm.</p>""",
        lang="en"))

    pages.append(P("/lattlast/", "Lättläst", """<h1>Lättläst</h1>
<p>Försäkringsverket betalar ut pengar till dig som är sjuk eller har barn.</p>
<p>Du kan logga in på Mina sidor. Där kan du se dina pengar.</p>
<p>Ring oss på <a href="tel:+46771123400">0771-123 400</a> om du har frågor.</p>"""))

    news = "\n".join(
        f'<p><a href="{n.path}">{e(n.title)}</a><br><span class="datum">{sv_date(n.published or "")}</span></p>' for n in FORS_NEWS
    )
    pages.append(P("/nyheter/", "Nyheter", f"<h1>Nyheter</h1>\n{news}"))
    pages += [fors_article(n) for n in FORS_NEWS]

    nf = Page("/404", "Sidan finns inte", "<h1>Sidan finns inte</h1>\n<p>Sidan du söker finns inte.</p>",
              canonical=False, in_sitemap=False)
    files: dict[str, str | bytes] = {
        "css/forsakringsverket.css": FORS_CSS,
        "js/forsakringsverket.js": FORS_JS,
        "js/chatt.js": CHAT_JS,
        "bilder/forsakringsverket-logo.svg": logo_svg("Försäkringsverket", "forsakringsverket.se", "#ffffff", "#005a8c", 260),
        "bilder/familj.png": png(72, 18, (0, 90, 140, 255), (120, 170, 200, 255)),
        "bilder/bostad.png": png(70, 20, (180, 120, 60, 255)),
        "bilder/foralder.png": png(70, 20, (60, 140, 90, 255)),
        "favicon.ico": ico((0, 90, 140, 255)),
        "robots.txt": "User-agent: *\nDisallow: /api/\n\nSitemap: {{BASE}}/sitemap.xml\n",
    }
    return Build("forsakringsverket", pages, fors_render, files, nf, lastmod="2026-10-30")


# =============================================================================================
# Sjöviks kommun — the least mature: tables, trackers before consent, no statement
# =============================================================================================

SJOVIK_CSS = """body { margin: 0; padding: 0; background: #dfe6d8; font-family: Verdana, Arial, sans-serif; font-size: 11px; color: #555; }
table.ram { background: #fff; }
td.topp { background: #fff; height: 90px; padding: 10px; border-bottom: 2px solid #7a9a5a; }
td.topp .sitenamn { font-size: 22px; color: #7a9a5a; margin: 0; display: inline; padding-left: 20px; }
td.topp form { float: right; margin-top: 30px; }
td.meny { background: #7a9a5a; padding: 4px 10px; color: #fff; }
td.meny a { color: #fff; text-decoration: none; font-size: 11px; }
td.vanster { background: #f4f6f1; padding: 10px; }
td.vanster a { display: block; color: #4f6b35; text-decoration: none; padding: 1px 0; }
td.innehall { padding: 10px 20px; }
.ingress { color: #aaa; font-size: 13px; }
.gra { color: #aaa; }
td.fot { background: #fff; color: #aaa; font-size: 10px; padding: 10px; border-top: 1px solid #eee; }
td.fot a { color: #bbb; }
a { color: #7a9a5a; }
#cookie { background: #ffffcc; color: #999; padding: 6px; text-align: center; font-size: 10px; }
"""

SJOVIK_JS = """// cookies
function cookieOk() {
  document.cookie = "cookies_ok=1; path=/";
  document.getElementById("cookie").style.display = "none";
}
window.onload = function () {
  if (document.cookie.indexOf("cookies_ok=1") > -1) { document.getElementById("cookie").style.display = "none"; }
  document.getElementById("cookie-ok").onclick = cookieOk;
};
"""


def sjovik_render(page: Page) -> str:
    lang = ' lang="sv"' if page.html_lang else ""
    # the start page and every news article carry the same, non-descriptive title
    title = "Sjöviks kommun" if page.article or page.path == "/" else f"{page.title} - Sjöviks kommun"
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html{lang}>
<head>
<meta charset="utf-8">
<title>{e(title)}</title>
<script src="https://www.google-analytics.com/analytics.js"></script>
<script src="https://connect.facebook.net/en_US/fbevents.js"></script>
<link rel="stylesheet" type="text/css" href="/css/sjovik.css">
<script type="text/javascript" src="/js/sjovik.js"></script>
</head>
<body>
<div id="cookie">Vi använder cookies för att förbättra din upplevelse av webbplatsen. Genom att fortsätta använda webbplatsen godkänner du att vi använder cookies. <button id="cookie-ok" type="button">OK</button></div>
<table class="ram" width="960" border="0" cellpadding="0" cellspacing="0" align="center">
<tr>
<td class="topp" colspan="2"><a href="/"><img src="/bilder/sjovik-logga.png" width="120" height="60" border="0"></a><h1 class="sitenamn">Sjöviks kommun</h1>
<form action="/sok" method="get"><input type="text" name="q" size="20"> <input type="submit" value="Sök"></form></td>
</tr>
<tr>
<td class="meny" colspan="2"><a href="/">Startsida</a> | <a href="/kommun-och-politik/">Kommun &amp; politik</a> | <a href="/skola-och-forskola/">Skola &amp; förskola</a> | <a href="/bygga-och-bo/">Bygga &amp; bo</a> | <a href="/omsorg/">Omsorg</a> | <a href="/uppleva-och-gora/">Uppleva &amp; göra</a> | <a href="/kontakt/">Kontakt</a></td>
</tr>
<tr>
<td class="vanster" width="190" valign="top">
<a href="/nyheter/">Nyheter</a>
<a href="/om-kommunen/">Om kommunen</a>
<a href="/kontakt/">Kontakta kommunen</a>
<a href="/nyheter/"><img src="/bilder/pil.png" width="16" height="16" border="0"></a>
<br><img src="/bilder/sjon.png" width="170" height="100">
</td>
<td class="innehall" width="730" valign="top">
{page.body}
</td>
</tr>
<tr>
<td class="fot" colspan="2">Sjöviks kommun | Storgatan 5, 462 80 Sjövik | Växel: 0521-123 00 | E-post: kommunen@sjovik.se | Org.nr 212000-1999<br>
<a href="/om-webbplatsen/">Om webbplatsen</a> | <a href="/kakor/">Kakor</a> | <a href="/kontakt/"></a></td>
</tr>
</table>
</body>
</html>
"""


SJOVIK_NEWS = [
    News("ny-badplats-vid-lillsjon", "Ny badplats vid Lillsjön", None, None,
         "Kommunen har byggt en ny badplats vid Lillsjön med brygga och grillplats.",
         ["Badplatsen ligger vid Lillsjövägen och har parkering för 20 bilar. Badvattnet provtas varannan vecka under sommaren.",
          "Välkomna att bada!"]),
    News("andrade-oppettider-kommunhuset", "Ändrade öppettider i kommunhuset", None, None,
         "Under jul och nyår har kommunhuset ändrade öppettider.",
         ["Kommunhuset är stängt mellan jul och nyår. Vid akuta ärenden ring växeln."]),
    News("sophamtning-helgdagar", "Sophämtning under helgdagar", None, None,
         "Sophämtningen kan bli förskjuten under helgdagar.",
         ["Ställ ut ditt kärl som vanligt, så töms det så snart som möjligt."]),
    News("nytt-konstgras", "Nytt konstgräs på Sjövallen", None, None,
         "Nu är det nya konstgräset på Sjövallen klart.",
         ["Planen kan bokas via fritidskontoret. Ring växeln för mer information."]),
    News("kommunfullmaktige-sammantrader", "Kommunfullmäktige sammanträder", None, None,
         "Kommunfullmäktige sammanträder i kommunhusets sessionssal.",
         ["Sammanträdet är öppet för allmänheten. Handlingarna finns att läsa i kommunhusets reception."]),
    News("vattenavstangning-bergsgatan", "Vattenavstängning på Bergsgatan", None, None,
         "På grund av arbete med ledningsnätet blir det avstängt vatten på Bergsgatan.",
         ["Berörda fastigheter har fått information i brevlådan."]),
    News("julmarknad-pa-torget", "Julmarknad på torget", None, None,
         "Traditionsenlig julmarknad på torget med försäljning av hantverk och julgodis.",
         ["Tomten kommer klockan 14. Fri entré."]),
    News("lediga-tomter", "Lediga tomter i Sjöviksdal", None, None,
         "Det finns fortfarande lediga villatomter i Sjöviksdal.",
         ["Kontakta kommunens mark- och exploateringsenhet via växeln för att boka en tomt."]),
]


def sjovik_article(n: News) -> Page:
    body = f"""<h3>{e(n.title)}</h3>
<p class="ingress">{n.lead}</p>
{paras(*n.paras)}
<p><a href="/nyheter/">&laquo; Tillbaka</a></p>"""
    return Page(n.path, n.title, body, article=True, html_lang=False)


def build_sjovik() -> Build:
    P = Page
    pages: list[Page] = []
    news_links = "<br>\n".join(f'<a href="{n.path}">{e(n.title)}</a>' for n in SJOVIK_NEWS)
    pages.append(P("/", "Startsida", f"""<h3>Välkommen till Sjöviks kommun!</h3>
<p class="ingress">Sjövik - kommunen vid sjön. Här bor cirka 11 000 invånare.</p>
<img src="/bilder/sjon.png" width="700" height="160">
<h5>Nyheter</h5>
<p>{news_links}</p>
<h2>Genvägar</h2>
<p><a href="/skola-och-forskola/">Skola och förskola</a> | <a href="/bygga-och-bo/">Bygga och bo</a> | <a href="/omsorg/">Omsorg</a> | <a href="/turism/evenemang.asp">Evenemangskalender</a></p>
<p><a href="/kontakt/">Klicka här</a> för att kontakta kommunen.</p>"""))

    pages.append(P("/kontakt/", "Kontakt", """<h3>Kontakt</h3>
<p>Sjöviks kommun<br>Storgatan 5<br>462 80 Sjövik</p>
<p>Växel: 0521-123 00<br>E-post: kommunen@sjovik.se</p>
<p>Kommunhuset har öppet måndag-torsdag 8-16, fredag 8-15. Lunchstängt 12-13.</p>
<h5>Socialjouren</h5>
<p class="gra">Efter kontorstid, ring 0521-123 99.</p>"""))

    pages.append(P("/kommun-och-politik/", "Kommun & politik", """<h2>Kommun och politik</h2>
<h4>Kommunfullmäktige</h4>
<p>Kommunfullmäktige har 31 ledamöter och sammanträder ca 8 gånger per år. Protokoll finns att hämta i kommunhusets reception.</p>
<h4>Kommunstyrelsen</h4>
<p class="gra">Kommunstyrelsen leder och samordnar kommunens verksamhet.</p>
<p><a href="/om-kommunen/">Läs mer</a></p>""", html_lang=False))

    pages.append(P("/skola-och-forskola/", "Skola & förskola", """<h3>Skola och förskola</h3>
<p>I Sjöviks kommun finns 6 förskolor och 3 grundskolor.</p>
<p>Ansökan om förskoleplats görs på blankett som finns i kommunhusets reception. Blanketten skickas till barn- och utbildningsförvaltningen.</p>
<img src="/bilder/skola.png" width="300" height="100">
<p><a href="/kontakt/">Läs mer</a></p>"""))

    pages.append(P("/bygga-och-bo/", "Bygga & bo", """<h4>Bygga och bo</h4>
<p>För att söka bygglov, fyll i blanketten och skicka den till byggnadsnämnden. Handläggningstiden varierar.</p>
<h2>Sophämtning</h2>
<p class="gra">Sophämtning sker varannan vecka. Kontakta växeln vid frågor.</p>
<p><a href="/kontakt/">Läs mer</a></p>"""))

    pages.append(P("/omsorg/", "Omsorg", """<h3>Omsorg</h3>
<p>Kommunen ansvarar för äldreomsorg, hemtjänst och stöd till personer med funktionsnedsättning.</p>
<p>Ansökan om hemtjänst görs genom att ringa kommunens biståndshandläggare via växeln.</p>""", html_lang=False))

    pages.append(P("/uppleva-och-gora/", "Uppleva & göra", """<h3>Uppleva och göra</h3>
<p>Sjövik har fina badplatser, vandringsleder och ett bibliotek.</p>
<img src="/bilder/sjon.png" width="700" height="160">
<p>Biblioteket har öppet tisdag och torsdag 13-19.</p>
<p><a href="/nyheter/ny-badplats-vid-lillsjon/">Ny badplats vid Lillsjön</a></p>"""))

    pages.append(P("/om-kommunen/", "Om kommunen", """<h3>Om Sjöviks kommun</h3>
<p>Sjöviks kommun har ca 11 000 invånare. Centralorten är Sjövik.</p>
<h2>Organisation</h2>
<p>Kommunen har fyra förvaltningar: kommunledningsförvaltningen, barn- och utbildningsförvaltningen, socialförvaltningen och samhällsbyggnadsförvaltningen.</p>"""))

    pages.append(P("/om-webbplatsen/", "Om webbplatsen", """<h3>Om webbplatsen</h3>
<p>Webbplatsen fungerar bäst i Internet Explorer 11 med en skärmupplösning på 1280x1024.</p>
<p>Frågor om webbplatsen skickas till kommunen@sjovik.se.</p>"""))

    pages.append(P("/kakor/", "Kakor", """<h3>Cookies</h3>
<p>Vi använder cookies för statistik (Google Analytics) och för marknadsföring via Facebook. Om du inte vill ha cookies kan du stänga av dem i din webbläsare.</p>"""))

    pages.append(P("/nyheter/", "Nyheter", f"""<h3>Nyheter</h3>
<p>{news_links}</p>"""))
    pages += [sjovik_article(n) for n in SJOVIK_NEWS]

    nf = Page("/404", "Sidan hittades inte", """<h3>Sidan hittades inte</h3>
<p>Sidan du söker kunde inte hittas.</p>""", canonical=False, in_sitemap=False)
    files: dict[str, str | bytes] = {
        "css/sjovik.css": SJOVIK_CSS,
        "js/sjovik.js": SJOVIK_JS,
        "bilder/sjovik-logga.png": png(120, 60, (122, 154, 90, 255)),
        "bilder/pil.png": png(16, 16, (122, 154, 90, 255)),
        "bilder/sjon.png": png(70, 16, (90, 140, 190, 255), (150, 190, 220, 255)),
        "bilder/skola.png": png(30, 10, (200, 160, 80, 255)),
        "favicon.ico": ico((122, 154, 90, 255)),
        "robots.txt": "User-agent: *\nDisallow: /admin/\nDisallow: /cgi-bin/\n",
    }
    return Build("sjovik", pages, sjovik_render, files, nf, sitemap="none")


# =============================================================================================
# Arkivmyndigheten — middling: PDF-only statement, obfuscated e-mail, one overflowing table
# =============================================================================================

ARKIV_CSS = """/* Arkivmyndigheten */
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font-family: Georgia, "Times New Roman", serif; font-size: 1rem; line-height: 1.55; color: #222; background: #fff; }
a { color: #7a1f2b; }
img { max-width: 100%; height: auto; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
.wrap { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 3px solid #7a1f2b; padding: 0.75rem 0; }
header .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1.5rem; }
header .lang { margin-left: auto; }
header .lang a { margin-left: 0.75rem; }
header form { display: flex; gap: 0.5rem; align-items: center; }
header input { padding: 0.3rem; font: inherit; }
nav ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
nav { background: #f4ecec; padding: 0.5rem 0; }
main { padding: 1rem 0 2rem; }
h1 { font-size: 2rem; line-height: 1.2; color: #5a1520; }
.meta { color: #595959; font-size: 0.9rem; }
.bred { border-collapse: collapse; min-width: 52rem; }
.bred th, .bred td { border: 1px solid #bbb; padding: 0.4rem 0.6rem; white-space: nowrap; }
footer { border-top: 1px solid #ccc; padding: 1.5rem 0; font-size: 0.95rem; background: #faf7f7; }
footer ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
form.kontakt label { display: block; margin-top: 0.75rem; font-weight: bold; }
form.kontakt input, form.kontakt textarea, form.kontakt select { width: 100%; max-width: 30rem; padding: 0.4rem; font: inherit; }
form.kontakt button { margin-top: 0.75rem; padding: 0.5rem 1rem; font: inherit; }
@media (max-width: 40em) { h1 { font-size: 1.5rem; } header .lang { margin-left: 0; } }
"""


def arkiv_render(page: Page) -> str:
    title = f"{page.title} – Arkivmyndigheten" if page.path != "/" else "Arkivmyndigheten"
    sv = ' lang="sv"' if page.lang != "sv" else ""
    desc = page.description or f"{page.title} – Arkivmyndigheten"
    return f"""<!DOCTYPE html>
<html lang="{page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<meta name="description" content="{e(desc)}">
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/css/arkiv.css">
</head>
<body>
<a class="skip" href="#innehall"{sv}>Till innehållet</a>
<header{sv}>
<div class="wrap">
<a href="/"><img src="/bilder/arkivmyndigheten-logo.svg" alt="Arkivmyndigheten" width="240" height="48"></a>
<div class="lang"><a href="/en/" lang="en" hreflang="en">In English</a><a href="/lattlast/">Lättläst</a></div>
<form action="/sok" method="get" role="search"><label for="sokord">Sök</label><input id="sokord" type="search" name="q"><button type="submit">Sök</button></form>
</div>
</header>
<nav aria-label="Huvudmeny"{sv}><div class="wrap"><ul>
<li><a href="/hitta-i-arkiven/">Hitta i arkiven</a></li>
<li><a href="/forska-hos-oss/">Forska hos oss</a></li>
<li><a href="/bestall-kopior/">Beställ kopior</a></li>
<li><a href="/nyheter/">Nyheter</a></li>
<li><a href="/om-oss/">Om oss</a></li>
<li><a href="/kontakt/">Kontakt</a></li>
</ul></div></nav>
<main id="innehall"><div class="wrap">
{page.body}
</div></main>
<footer{sv}><div class="wrap">
<p>Arkivmyndigheten, Box 125, 751 04 Uppsala · Telefon: <a href="tel:+46101237000">010-123 70 00</a> · E-post: registrator[at]arkivmyndigheten.se</p>
<ul>
<li><a href="/kontakt/">Kontakt</a></li>
<li><a href="/om-webbplatsen/">Om webbplatsen</a></li>
<li><a href="/om-webbplatsen/kakor/">Kakor</a></li>
<li><a href="/om-webbplatsen/personuppgifter/">Personuppgifter</a></li>
<li><a href="https://x.com/arkivmyndigheten">Följ oss på X</a></li>
</ul>
</div></footer>
</body>
</html>
"""


ARKIV_NEWS = [
    News("nya-oppettider-forskarsalen", "Nya öppettider i forskarsalen i Uppsala", "2026-10-19", None,
         "Från den 2 november har forskarsalen i Uppsala öppet även på lördagar.",
         ["Lördagsöppet 10–15 gäller till och med mars. Beställ fram handlingar senast torsdag om du vill använda dem på lördagen."]),
    News("digitaliserade-kyrkbocker", "Ytterligare 2 miljoner bilder från kyrkböcker digitaliserade", "2026-10-05", None,
         "Nu finns kyrkböcker från ytterligare fyra län digitalt och fritt tillgängliga.",
         ["Bilderna omfattar husförhörslängder, födelse- och dopböcker samt flyttningslängder från 1700- och 1800-talen.",
          "Du söker i bilderna via tjänsten Hitta i arkiven."]),
    News("arkivens-dag", "Välkommen på Arkivens dag", "2026-09-28", "2026-10-01",
         "Lördagen den 14 november är det Arkivens dag. Temat i år är ”Spår”.",
         ["Vi visar unika handlingar, erbjuder visningar av magasinen och hjälper dig att komma igång med släktforskning."]),
    News("ny-e-tjanst-bestall-kopior", "Ny e-tjänst för att beställa kopior", "2026-09-10", None,
         "Nu kan du beställa kopior av arkivhandlingar direkt på webbplatsen.",
         ["Du behöver inte logga in. Fyll i formuläret så kontaktar vi dig med ett prisförslag."]),
    News("foreskrifter-gallring", "Nya föreskrifter om gallring", "2026-08-24", None,
         "Arkivmyndigheten har beslutat om nya föreskrifter om gallring av handlingar i statliga myndigheter.",
         ["Föreskrifterna träder i kraft den 1 januari 2027."]),
    News("e-arkiv-myndigheter", "Fler myndigheter levererar till e-arkivet", "2026-08-11", None,
         "Under året har ytterligare tolv myndigheter börjat leverera digitala arkiv till oss.",
         ["Digitala leveranser gör arkiven mer tillgängliga och minskar kostnaderna för förvaring."]),
    News("sommarstangt-visby", "Sommarstängt i Visby", "2026-06-15", None,
         "Forskarsalen i Visby är stängd under juli.",
         ["Du kan fortfarande beställa kopior och ställa frågor via kontaktformuläret."]),
    News("arsredovisning-2025", "Årsredovisning 2025", "2026-02-20", None,
         "Nu finns Arkivmyndighetens årsredovisning för 2025.",
         ["Antalet besök i de digitala tjänsterna ökade med 14 procent jämfört med året innan."]),
]


def arkiv_article(n: News) -> Page:
    upd = f", uppdaterad {n.updated}" if n.updated else ""
    body = f"""<h1>{e(n.title)}</h1>
<p class="meta">Publicerad {n.published}{upd}</p>
<p><strong>{n.lead}</strong></p>
{paras(*n.paras)}"""
    return Page(n.path, n.title, body, description=n.lead, published=n.published, updated=n.updated, article=True)


ARKIV_STATEMENT_PDF_LINES = [
    "Tillgänglighetsredogörelse för Arkivmyndigheten",
    "",
    "Arkivmyndigheten står bakom webbplatsen arkivmyndigheten.se. Vi vill att så många som möjligt",
    "ska kunna använda webbplatsen. Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937)",
    "om tillgänglighet till digital offentlig service.",
    "",
    "Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service.",
    "",
    "Innehåll som inte är tillgängligt:",
    "- Tabellen med öppettider på sidan Forska hos oss går inte att läsa utan att skrolla i sidled",
    "  på en smal skärm (WCAG 1.4.10).",
    "- Inskannade arkivhandlingar saknar textalternativ. Arkivhandlingar omfattas inte av lagen.",
    "",
    "Rapportera brister: registrator@arkivmyndigheten.se eller telefon 010-123 70 00.",
    "",
    "Tillsyn: Myndigheten för digital förvaltning, https://www.digg.se/tdosanmalan",
    "",
    "Hur vi testat webbplatsen: vi har gjort en självskattning med automatiska verktyg.",
    "Bedömningen gjordes 2025-11-20.",
    "Redogörelsen uppdaterades senast 2026-01-15.",
]


def build_arkivmyndigheten() -> Build:
    P = Page
    pages: list[Page] = []
    news_list = "\n".join(
        f'<li><a href="{n.path}">{e(n.title)}</a> <span class="meta">{n.published}</span></li>' for n in ARKIV_NEWS
    )
    pages.append(P("/", "Start", f"""<h1>Arkivmyndigheten</h1>
<p>Vi bevarar och tillgängliggör arkiv från statliga myndigheter och hjälper myndigheter att ta hand om sina handlingar.</p>
<h2>Hitta i arkiven</h2>
<p>Sök bland 70 miljoner digitaliserade bilder av kyrkböcker, domböcker och andra arkivhandlingar i <a href="/hitta-i-arkiven/">Hitta i arkiven</a>.</p>
<h2>Nyheter</h2>
<ul>
{chr(10).join(f'<li><a href="{n.path}">{e(n.title)}</a> <span class="meta">{n.published}</span></li>' for n in ARKIV_NEWS[:3])}
</ul>
<p><a href="/nyheter/">Alla nyheter</a></p>""", description="Arkivmyndigheten bevarar och tillgängliggör statliga arkiv."))

    pages.append(P("/kontakt/", "Kontakt", """<h1>Kontakta Arkivmyndigheten</h1>
<p>Telefon: <a href="tel:+46101237000">010-123 70 00</a> (vardagar 9–12 och 13–15)</p>
<p>E-post: registrator[at]arkivmyndigheten.se</p>
<p>Besöksadress: Arkivgatan 3, Uppsala</p>
<h2>Kontaktformulär</h2>
<form class="kontakt" action="/kontakt/tack/" method="post">
<label for="k-namn">Namn</label><input id="k-namn" name="namn" type="text">
<label for="k-epost">E-post</label><input id="k-epost" name="epost" type="email" required>
<label for="k-amne">Ämne</label><select id="k-amne" name="amne"><option>Fråga om arkivhandlingar</option><option>Beställning</option><option>Övrigt</option></select>
<label for="k-fraga">Fråga</label><textarea id="k-fraga" name="fraga" rows="6" required></textarea>
<button type="submit">Skicka</button>
</form>"""))

    pages.append(P("/kontakt/tack/", "Tack", "<h1>Tack!</h1>\n<p>Vi har tagit emot din fråga och svarar inom tio arbetsdagar.</p>", in_sitemap=False))

    pages.append(P("/om-oss/", "Om oss", """<h1>Om Arkivmyndigheten</h1>
<p>Arkivmyndigheten är en statlig myndighet under Kulturdepartementet. Vi har cirka 700 medarbetare på sju orter.</p>
<p>Vi har tillsyn över de statliga myndigheternas arkiv och ger ut föreskrifter om hur handlingar ska bevaras och gallras.</p>"""))

    pages.append(P("/om-webbplatsen/", "Om webbplatsen", """<h1>Om webbplatsen</h1>
<p>Webbplatsen arkivmyndigheten.se förvaltas av enheten för kommunikation.</p>
<h2>Tillgänglighet</h2>
<p>Läs vår <a href="/dokument/tillganglighetsredogorelse.pdf">tillgänglighetsredogörelse (PDF, 2 kB)</a>.</p>
<h2>Kakor och personuppgifter</h2>
<p><a href="/om-webbplatsen/kakor/">Kakor</a> · <a href="/om-webbplatsen/personuppgifter/">Personuppgifter</a></p>"""))

    pages.append(P("/om-webbplatsen/kakor/", "Kakor", """<h1>Kakor</h1>
<p>Vi använder bara en nödvändig sessionskaka som behövs för att sökfunktionen ska fungera. Den försvinner när du stänger webbläsaren. Vi använder inga kakor för statistik eller marknadsföring, och därför visar vi ingen kakbanner.</p>"""))

    pages.append(P("/om-webbplatsen/personuppgifter/", "Personuppgifter", """<h1>Personuppgifter</h1>
<p>Arkivmyndigheten behandlar personuppgifter enligt dataskyddsförordningen. Arkivhandlingar kan innehålla personuppgifter, som bevaras med stöd av arkivlagen.</p>
<p>Kontakta dataskyddsombudet via registrator[at]arkivmyndigheten.se.</p>"""))

    pages.append(P("/en/", "In English", """<h1>The National Archives Authority</h1>
<p>Arkivmyndigheten preserves the archives of the Swedish state and makes them available to the public.</p>
<h2>Visit us</h2>
<p>Our reading rooms are open Tuesday–Friday. Contact us by phone, <a href="tel:+46101237000">+46 10 123 70 00</a>.</p>
<h2>Accessibility</h2>
<p>Read our <a href="/en/accessibility-statement/">accessibility statement</a>.</p>""", lang="en"))

    pages.append(P("/en/accessibility-statement/", "Accessibility statement", """<h1>Accessibility statement</h1>
<p>Arkivmyndigheten is committed to making its website accessible, in accordance with the Act (2018:1937) on accessibility to digital public services.</p>
<h2>Compliance status</h2>
<p>This website is partially compliant with the Act on accessibility to digital public services, due to the non-compliances listed below.</p>
<h2>Non-accessible content</h2>
<ul>
<li>The table of opening hours on the page Forska hos oss requires horizontal scrolling on narrow screens.</li>
<li>Scanned archival documents lack text alternatives (archives are exempt).</li>
</ul>
<h2>Feedback and contact</h2>
<p>Contact us by phone on <a href="tel:+46101237000">+46 10 123 70 00</a>.</p>
<h2>Enforcement procedure</h2>
<p>The Agency for Digital Government (Digg) is responsible for enforcement. You can <a href="https://www.digg.se/tdosanmalan">report to Digg</a>.</p>
<p>The statement was last updated on 15 January 2026.</p>""", lang="en", crumbs=[("In English", "/en/")]))

    pages.append(P("/lattlast/", "Lättläst", """<h1>Lättläst om Arkivmyndigheten</h1>
<p>Arkivmyndigheten sparar gamla papper och filer från staten.</p>
<p>Det kan vara brev, kartor och böcker. En del är flera hundra år gamla.</p>
<p>Alla får titta i arkiven. Du kan komma till oss eller titta på internet.</p>"""))

    days = ["Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag"]
    rows = [
        ("Uppsala", ["Stängt", "9–16", "9–16", "9–19", "9–16", "10–15", "Stängt"]),
        ("Stockholm", ["Stängt", "9–16", "9–16", "9–16", "9–16", "Stängt", "Stängt"]),
        ("Lund", ["Stängt", "10–16", "10–16", "10–16", "10–14", "Stängt", "Stängt"]),
        ("Visby", ["Stängt", "Stängt", "10–15", "10–15", "Stängt", "Stängt", "Stängt"]),
    ]
    table = (
        '<table class="bred"><caption>Öppettider i forskarsalarna</caption><thead><tr><th scope="col">Forskarsal</th>'
        + "".join(f'<th scope="col">{d}</th>' for d in days)
        + "</tr></thead><tbody>"
        + "".join(f'<tr><th scope="row">{o}</th>' + "".join(f"<td>{t}</td>" for t in ts) + "</tr>" for o, ts in rows)
        + "</tbody></table>"
    )
    pages.append(P("/forska-hos-oss/", "Forska hos oss", f"""<h1>Forska hos oss</h1>
<p>I våra forskarsalar kan du läsa arkivhandlingar i original. Beställ fram handlingarna i förväg.</p>
{table}
<p>Forskarsalarna är stängda på helgdagar.</p>"""))

    pages.append(P("/bestall-kopior/", "Beställ kopior", """<h1>Beställ kopior</h1>
<p>Beställ kopior av arkivhandlingar. Du behöver inte logga in. Vi återkommer med ett prisförslag inom tio arbetsdagar.</p>
<form class="kontakt" action="/kontakt/tack/" method="post">
<label for="b-namn">Namn</label><input id="b-namn" name="namn" type="text" required>
<label for="b-epost">E-post</label><input id="b-epost" name="epost" type="email" required>
<label for="b-arkiv">Arkiv och volym</label><input id="b-arkiv" name="arkiv" type="text">
<label for="b-beskrivning">Beskriv vad du vill ha kopierat</label><textarea id="b-beskrivning" name="beskrivning" rows="5"></textarea>
<button type="submit">Skicka beställning</button>
</form>"""))

    pages.append(P("/hitta-i-arkiven/", "Hitta i arkiven", """<h1>Hitta i arkiven</h1>
<p>I vår söktjänst hittar du arkivförteckningar och digitaliserade arkivhandlingar. Tjänsten är fri att använda.</p>
<p>Vanligast är att söka i kyrkböcker, bouppteckningar och domböcker för släktforskning.</p>
<p>Behöver du hjälp att komma igång? <a href="/kontakt/">Kontakta oss</a>.</p>"""))

    pages.append(P("/nyheter/", "Nyheter", f"<h1>Nyheter</h1>\n<ul>\n{news_list}\n</ul>"))
    pages += [arkiv_article(n) for n in ARKIV_NEWS]

    nf = Page("/404", "Sidan finns inte", "<h1>Sidan finns inte</h1>\n<p>Sidan kunde inte hittas.</p>", canonical=False, in_sitemap=False)
    files: dict[str, str | bytes] = {
        "css/arkiv.css": ARKIV_CSS,
        "bilder/arkivmyndigheten-logo.svg": logo_svg("Arkivmyndigheten", "arkivmyndigheten.se", "#ffffff", "#7a1f2b", 240),
        "favicon.ico": ico((122, 31, 43, 255)),
        "dokument/tillganglighetsredogorelse.pdf": pdf(
            "Tillgänglighetsredogörelse", "Arkivmyndigheten", ARKIV_STATEMENT_PDF_LINES
        ),
        "robots.txt": "User-agent: *\nDisallow: /admin/\n\nSitemap: {{BASE}}/sitemap.xml\n",
    }
    return Build("arkivmyndigheten", pages, arkiv_render, files, nf, lastmod="2026-10-19")


# =============================================================================================
# Writing the sites
# =============================================================================================

BUILDERS: dict[str, Callable[[], Build]] = {
    "arkivmyndigheten": build_arkivmyndigheten,
    "forsakringsverket": build_forsakringsverket,
    "nordstad": build_nordstad,
    "sjovik": build_sjovik,
    "vagmyndigheten": build_vagmyndigheten,
}


def page_file(path: str) -> str:
    assert path.startswith("/") and path.endswith("/"), path
    return path.lstrip("/") + "index.html"


def site_files(build: Build) -> dict[str, str | bytes]:
    """Every file of one site, relative path -> content."""
    out: dict[str, str | bytes] = {}
    seen: set[str] = set()
    for page in build.pages:
        if page.path in seen:
            raise ValueError(f"{build.id}: duplicate page {page.path}")
        seen.add(page.path)
        out[page_file(page.path)] = build.render(page)
    template = Page("{{PATH}}", "{{TITLE}}", "{{CONTENT}}", description="{{TITLE}}", in_sitemap=False)
    out[f"{TEMPLATE_DIR}/sida.html"] = build.render(template)
    out[f"{TEMPLATE_DIR}/404.html"] = build.render(build.not_found)
    if build.sitemap == "plain":
        out["sitemap.xml"] = sitemap_urlset(build.pages, build.lastmod)
    elif build.sitemap == "index":
        news = [p for p in build.pages if p.path.startswith("/nyheter/")]
        rest = [p for p in build.pages if not p.path.startswith("/nyheter/")]
        out["sitemap.xml"] = sitemap_index(["sitemap-sidor.xml", "sitemap-nyheter.xml"], build.lastmod)
        out["sitemap-sidor.xml"] = sitemap_urlset(rest, build.lastmod)
        out["sitemap-nyheter.xml"] = sitemap_urlset(news, build.lastmod)
    for name, content in build.files.items():
        if name in out:
            raise ValueError(f"{build.id}: {name} written twice")
        out[name] = content
    return out


def write_site(build: Build, root: Path = SITES_DIR) -> int:
    target = root / build.id
    target.mkdir(parents=True, exist_ok=True)
    for child in target.iterdir():
        if child.name in KEEP:
            continue
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
    files = site_files(build)
    for name, content in sorted(files.items()):
        dest = target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            dest.write_text(content, encoding="utf-8", newline="\n")
        else:
            dest.write_bytes(content)
    return len(build.pages)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("sites", nargs="*", help="site ids (default: all)")
    args = parser.parse_args(argv)
    ids = args.sites or sorted(BUILDERS)
    total = 0
    for site_id in ids:
        n = write_site(BUILDERS[site_id]())
        total += sum(f.stat().st_size for f in (SITES_DIR / site_id).rglob("*") if f.is_file())
        print(f"{site_id}: {n} pages")
    print(f"total size: {total / 1024:.0f} kB")


if __name__ == "__main__":
    main()
