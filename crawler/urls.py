"""URL canonicalisation and crawl scope.

One canonical form per page keeps the frontier free of duplicates: no fragment, no
default port, no tracking or session parameters, no duplicate slashes, sorted query.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from functools import cache
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

import tldextract

TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|yclid|igshid|ref_src|"
    r"jsessionid|phpsessid|sid|sessionid|session_id|aspsessionid\w*|cfid|cftoken)$",
    re.I,
)
SESSION_IN_PATH = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.I)
MAX_URL_LENGTH = 2048

_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def canonicalize(url: str) -> str:
    """The canonical form of an absolute http(s) URL (other URLs come back unchanged)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url
    host = (parts.hostname or "").rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if host and not host.isascii() else host.lower()
    except UnicodeError:
        host = host.lower()
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
    path = quote(unquote(path), safe="/%:@!$&'()*+,;=-._~")
    query_items = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    query = urlencode(sorted(query_items), doseq=True)
    return urlunsplit((scheme, netloc, path, query, ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


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
    ext = _extract(host)
    return ext.top_domain_under_public_suffix or host


class Scope:
    """What belongs to a site: the start URL's registrable domain (subdomains included),
    or, for an IP address or localhost, that host and port; plus the organisation's `also`."""

    def __init__(self, start_url: str, also: list[str] | tuple[str, ...] = ()) -> None:
        parts = urlsplit(start_url)
        host = (parts.hostname or "").lower()
        self.exact: set[str] = set()
        self.domains: set[str] = set()
        if is_ip(host) or "." not in host:
            self.exact.add(f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}")
        else:
            self.domains.add(registrable_domain(host))
        for extra in also:
            extra_host = urlsplit(extra if "://" in extra else f"http://{extra}").hostname or extra
            self.domains.add(extra_host.lower())

    def __call__(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        host = (parts.hostname or "").lower()
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            return False
        if f"{host}:{port}" in self.exact:
            return True
        return any(host == d or host.endswith("." + d) for d in self.domains)


def is_private_address(host: str) -> bool:
    """True when the host is, or resolves to, a loopback, private or link-local address."""
    host = host.strip("[]")
    if host in ("localhost",) or host.endswith(".localhost"):
        return True
    addrs: list[str] = []
    if is_ip(host):
        addrs = [host]
    else:
        try:
            addrs = [str(info[4][0]) for info in socket.getaddrinfo(host, None)]
        except (socket.gaierror, UnicodeError):
            return False
    for a in addrs:
        ip = ipaddress.ip_address(a.split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_unspecified:
            return True
    return False
