"""A real HTTP server on a loopback address, for the demo sites and the tests.

Serves a directory of static files and/or Python route handlers, each site on a host of
its own in 127.0.0.0/8, so tests and `maturity demo` run without any network.
"""

from __future__ import annotations

import mimetypes
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass
class Request:
    method: str
    path: str  # without query
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    raw_path: str


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    chunk_delay: float = 0.0  # seconds between chunks of an iterable body (drip feeds)


class ResetConnection(Exception):
    """Raised by a handler to drop the connection without an answer."""


Handler = Callable[[Request], Reply]


def html(body: str, status: int = 200, **headers: str) -> Reply:
    return Reply(status=status, body=body, headers=dict(headers))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], site: LocalSite) -> None:
        self.site = site
        super().__init__(addr, _RequestHandler)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up mid-answer are normal in crawler tests


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes; no 40 ms stalls

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_POST(self) -> None:
        self._serve()

    def _serve(self, head: bool = False) -> None:
        site = self.server.site
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        req = Request(
            method=self.command,
            path=unquote(parts.path) or "/",
            query=parse_qs(parts.query),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=self.rfile.read(length) if length else b"",
            raw_path=self.path,
        )
        site.requests.append(req)
        try:
            reply = site.resolve(req)
        except ResetConnection:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
            self.close_connection = True
            return
        headers = {**site.headers, **reply.headers}
        body = reply.body
        self.send_response(reply.status)
        if "Content-Type" not in headers:
            self.send_header("Content-Type", reply.content_type)
        for k, v in headers.items():
            self.send_header(k, v)
        if isinstance(body, str):
            body = body.encode("utf-8")
        if isinstance(body, bytes):
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)
            return
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        if head:
            return
        try:
            for chunk in body:
                self.wfile.write(chunk)
                self.wfile.flush()
                if reply.chunk_delay:
                    time.sleep(reply.chunk_delay)
        except (BrokenPipeError, ConnectionResetError):
            pass


class LocalSite:
    """A site on `http://host:port/`: static files under `root`, then `routes`, then 404.

    Routes are exact paths ("/sok") mapped to handlers; `not_found` renders the 404 page.
    """

    def __init__(
        self,
        root: Path | str | None = None,
        routes: dict[str, Handler | Reply | str] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        headers: dict[str, str] | None = None,
        not_found: Handler | None = None,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.root = Path(root) if root else None
        self.routes: dict[str, Handler | Reply | str] = dict(routes or {})
        self.host = host
        self.headers = dict(headers or {})
        self.not_found = not_found
        self.requests: list[Request] = []
        self._server = _Server((host, port), self)
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.tls = tls is not None
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{self.host}:{self.port}/"

    def url(self, path: str = "/") -> str:
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")

    def resolve(self, req: Request) -> Reply:
        route = self.routes.get(req.path)
        if route is not None:
            if isinstance(route, Reply):
                return route
            if isinstance(route, str):
                return Reply(body=route)
            return route(req)
        if self.root is not None:
            found = self._static(req.path)
            if found is not None:
                return found
        if self.not_found is not None:
            return self.not_found(req)
        return Reply(status=404, body="<!doctype html><title>404</title><h1>Sidan finns inte</h1>")

    def _static(self, path: str) -> Reply | None:
        assert self.root is not None
        target = (self.root / path.lstrip("/")).resolve()
        if not str(target).startswith(str(self.root.resolve())):
            return None
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return None
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/xml"):
            ctype += "; charset=utf-8"
        return Reply(body=target.read_bytes(), content_type=ctype)

    def start(self) -> LocalSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc: tuple[type[BaseException] | None, BaseException | None, TracebackType | None]) -> None:
        self.stop()
