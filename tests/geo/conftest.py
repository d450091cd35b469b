"""Fixtures for geo/ tests: a fake Nominatim server on 127.0.0.1 and a closed port."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

SLEEP_SECONDS = 0.8  # > the client timeout used in the tests (0.3 s), <= 1.5 s


@dataclass
class FakeNominatim:
    """Answers /search according to `mode`; records each request (time, query, headers)."""

    port: int
    mode: str = "hit"
    requests: list[dict] = field(default_factory=list)

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"


def _handler(state: FakeNominatim) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep pytest output clean
            pass

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            qs = parse_qs(urlparse(self.path).query)
            state.requests.append({"t": time.monotonic(), "path": urlparse(self.path).path,
                                   "q": qs, "headers": dict(self.headers)})
            mode = state.mode
            if mode == "hit":
                body = [{"place_id": 1, "osm_type": "relation", "osm_id": 2,
                         "lat": "34.9651", "lon": "136.6244",
                         "display_name": "四日市市, 三重県, 日本"}]
                self._send(200, json.dumps(body, ensure_ascii=False).encode())
            elif mode == "empty":
                self._send(200, b"[]")
            elif mode == "429":
                self._send(429, b'{"error": "rate limited"}', {"Retry-After": "7"})
            elif mode in ("500", "503"):
                self._send(int(mode), b"<html>server error</html>")
            elif mode == "sleep":
                time.sleep(SLEEP_SECONDS)
                try:
                    self._send(200, b"[]")
                except OSError:
                    pass  # the client has given up
            elif mode == "badjson":
                self._send(200, b'[{"lat": "34.9", "lon": ')
            else:  # pragma: no cover
                self._send(400, b"{}")

    return Handler


@pytest.fixture
def fake_nominatim() -> Iterator[FakeNominatim]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state := FakeNominatim(0)))
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port() -> int:
    """A port nothing listens on: connecting gets 'connection refused'."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
