"""URL canonicalisation and crawl scope.

One canonical form per page keeps the frontier free of duplicates: no fragment, no
default port, no tracking or session parameters, no duplicate slashes, sorted query.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from collections import Counter
from datetime import date
from functools import cache, lru_cache
from typing import Any
from urllib.parse import SplitResult, quote, unquote_plus, urlsplit, urlunsplit

TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|yclid|igshid|ref_src|"
    r"jsessionid|phpsessid|sid|sessionid|session_id|aspsessionid\w*|cfid|cftoken)$",
    re.I,
)
SESSION_IN_PATH = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.I)
MAX_URL_LENGTH = 2048
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = "/:@!$&'()*+,;="
_QUERY_SAFE = "/:@!$'()*+,;?="
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# Crawler traps (see TrapGuard)
MAX_PATH_SEGMENTS = 15
MAX_SEGMENT_REPEATS = 2
MAX_QUERY_VARIANTS = 40
MAX_SHAPE_VARIANTS = 40
FUTURE_YEARS = 2
_YEAR = re.compile(r"(?<![0-9])((?:19|20|21)[0-9]{2})(?![0-9])")
_DIGITS = re.compile(r"[0-9]+")

@cache
def _extractor() -> Any:
    """The offline public-suffix list, loaded on first use: tldextract pulls in requests and
    urllib3, which a one-page `maturity probe` of an IP address never needs."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def ascii_host(host: str) -> str:
    """A host name in the form DNS and the browser use: lower case, IDNA (punycode) for åäö."""
    host = host.strip().rstrip(".").lower()
    if host and not host.isascii():
        try:
            return host.encode("idna").decode("ascii")
        except UnicodeError:
            return host
    return host


def _normalize_escapes(text: str, safe: str) -> str:
    """Percent-encode what must be encoded, without ever decoding bytes that are not UTF-8.

    A legacy ISO-8859-1 site links `/s%F6k/`: decoding and re-encoding would turn that byte
    into U+FFFD and a URL the server does not know, so escapes are kept as bytes (upper-case
    hex), unreserved characters are decoded, raw non-ASCII is encoded as UTF-8 (as browsers do)."""
    text = quote(text, safe=safe + "%")
    text = _BARE_PERCENT.sub("%25", text)
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if chr(int(m.group(1), 16)) in _UNRESERVED
                       else "%" + m.group(1).upper(), text)


def _canonical_query(query: str) -> str:
    pairs = []
    for part in query.split("&"):
        if not part:
            continue
        key, eq, value = part.partition("=")
        if TRACKING_PARAMS.match(unquote_plus(key)):
            continue
        pairs.append(_normalize_escapes(key, _QUERY_SAFE.replace("=", "")) + eq + _normalize_escapes(value, _QUERY_SAFE))
    return "&".join(sorted(pairs))


def canonicalize(url: str) -> str:
    """The canonical form of an absolute http(s) URL (other URLs come back unchanged)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url
    try:
        host = ascii_host(parts.hostname or "")
    except ValueError:
        return url
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    path = SESSION_IN_PATH.sub("", parts.path or "/")
    path = re.sub(r"/{2,}", "/", path)
    path = _normalize_escapes(path, _PATH_SAFE)
    return urlunsplit((scheme, netloc, path, _canonical_query(parts.query), ""))


def host_of(url: str) -> str:
    try:
        return ascii_host(urlsplit(url).hostname or "")
    except ValueError:
        return ""


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


@cache
def registrable_domain(host: str) -> str:
    """example.se for www.e-tjanster.example.se; the host itself for IPs and localhost."""
    host = host.lower().strip("[]")
    if is_ip(host) or "." not in host:
        return host
    ext = _extractor()(host)
    return ext.top_domain_under_public_suffix or host


class Scope:
    """What belongs to a site: the start URL's registrable domain (subdomains included),
    or, for an IP address or localhost, that host and port; plus the organisation's `also`.
    Hosts are compared in their IDNA form, so www.åre.se and www.xn--re-xia.se are one site."""

    def __init__(self, start_url: str, also: list[str] | tuple[str, ...] = ()) -> None:
        parts = urlsplit(start_url)
        host = ascii_host(parts.hostname or "")
        self.exact: set[str] = set()
        self.domains: set[str] = set()
        if is_ip(host) or "." not in host:
            self.exact.add(f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}")
        else:
            self.domains.add(registrable_domain(host))
        for extra in also:
            extra_host = urlsplit(extra if "://" in extra else f"http://{extra}").hostname or extra
            self.domains.add(ascii_host(extra_host))

    def __call__(self, url: str) -> bool:
        try:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https"):
                return False
            host = ascii_host(parts.hostname or "")
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            return False
        if f"{host}:{port}" in self.exact:
            return True
        return any(host == d or host.endswith("." + d) for d in self.domains)


HOST_MAP_ENV = "MATURITY_HOST_MAP"


def host_map() -> dict[str, str]:
    """Test and demo hook: `MATURITY_HOST_MAP="www.åäö.se=127.0.0.65,..."` makes the browser
    and the HTTP client resolve those names to those addresses, so an IDN site (or a second
    domain) can be served on loopback without DNS. Never set in a real crawl."""
    found: dict[str, str] = {}
    for item in os.environ.get(HOST_MAP_ENV, "").split(","):
        name, _, addr = item.partition("=")
        if name.strip() and addr.strip():
            found[ascii_host(name)] = addr.strip()
    return found


def is_private_address(host: str) -> bool:
    """True when the host is, or resolves to, a loopback, private or link-local address."""
    host = ascii_host(host.strip("[]"))
    return _is_private(host, os.environ.get(HOST_MAP_ENV, ""))


@lru_cache(maxsize=4096)
def _is_private(host: str, _map_key: str) -> bool:
    if host in ("localhost",) or host.endswith(".localhost"):
        return True
    mapped = host_map().get(host)
    addrs: list[str] = []
    if mapped:
        addrs = [mapped]
    elif is_ip(host):
        addrs = [host]
    else:
        try:
            addrs = [str(info[4][0]) for info in socket.getaddrinfo(host, None)]
        except (socket.gaierror, UnicodeError, OSError):
            return False
    for a in addrs:
        try:
            ip = ipaddress.ip_address(a.split("%")[0])
        except ValueError:
            continue
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_unspecified:
            return True
    return False


class TrapGuard:
    """Keeps crawler traps out of the frontier: endless calendars, pagination and session
    links, paths that repeat themselves. Each rule bounds a family of URLs rather than
    guessing at one, so a real site loses at most some pages of one listing."""

    def __init__(self, this_year: int | None = None) -> None:
        self.this_year = this_year or date.today().year
        self.variants: Counter[str] = Counter()  # same path, other query
        self.shapes: Counter[str] = Counter()  # same path but for its numbers

    def reason(self, url: str) -> str | None:
        """Why a URL looks like a trap (without counting it), or None."""
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) > MAX_PATH_SEGMENTS:
            return "too many path segments"
        if segments and max(Counter(segments).values()) > MAX_SEGMENT_REPEATS:
            return "a path segment repeats"
        for year in _YEAR.findall(parts.path + "?" + parts.query):
            if int(year) > self.this_year + FUTURE_YEARS:
                return f"a date in {year}"
        if parts.query:
            key = f"{parts.netloc}{parts.path}"
            if self.variants[key] >= MAX_QUERY_VARIANTS:
                return f"more than {MAX_QUERY_VARIANTS} query variants of one path"
        if self.shapes[self._shape(parts)] >= MAX_SHAPE_VARIANTS:
            return f"more than {MAX_SHAPE_VARIANTS} URLs differing only in numbers"
        return None

    def note(self, url: str) -> None:
        """Count a URL that joined the frontier."""
        parts = urlsplit(url)
        if parts.query:
            self.variants[f"{parts.netloc}{parts.path}"] += 1
        self.shapes[self._shape(parts)] += 1

    def admit(self, url: str) -> bool:
        if self.reason(url) is not None:
            return False
        self.note(url)
        return True

    @staticmethod
    def _shape(parts: SplitResult) -> str:
        return _DIGITS.sub("#", f"{parts.netloc}{parts.path}?{parts.query}")
