"""The clients against a REAL local HTTP server (stdlib, 127.0.0.1, a free port): real sockets,
real headers, real timeouts. Sleeps between retries are injected, never real."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

import attio
from attio import Request
from attio._parsing import parse_data, parse_page
from tests.conftest import API_KEY, CLIENT_KINDS

HANG = "hang"


class Item(attio.AttioModel):
    n: int


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class LocalAttio:
    """What the server answers (in order, the last repeating) and what it saw."""

    url: str = ""
    script: deque[Any] = field(default_factory=deque)
    seen: list[Seen] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def answer(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        self.script.append((status, json.dumps(body).encode(), headers or {}))


def make_handler(state: LocalAttio) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            state.seen.append(
                Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            step = state.script[0] if len(state.script) == 1 else state.script.popleft()
            if step == HANG:
                state.release.wait(10)  # far longer than the client's timeout
                step = (200, b'{"data": {"n": 0}}', {})
            status, content, headers = step
            try:
                self.send_response(status)
                self.send_header("content-type", "application/json; charset=utf-8")
                self.send_header("content-length", str(len(content)))
                self.send_header("x-attio-execution-id", f"exec-{len(state.seen)}")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(content)
            except OSError:  # the client gave up (timeout) and closed the socket
                pass

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def server() -> Iterator[LocalAttio]:
    state = LocalAttio()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


class Sleeps(list[float]):
    async def asleep(self, seconds: float) -> None:
        self.append(seconds)


async def send(
    kind: str, server: LocalAttio | str, request: Request[Any], sleeps: Sleeps, **kw: Any
) -> Any:
    """``request`` through a client that owns a real connection pool to ``server``."""
    url = server if isinstance(server, str) else server.url
    if kind == "sync":
        with attio.Client(API_KEY, base_url=url, sleep=sleeps.append, **kw) as client:
            return client.request(request)
    async with attio.AsyncClient(API_KEY, base_url=url, sleep=sleeps.asleep, **kw) as ac:
        return await ac.request(request)


def records_query() -> Request[Any]:
    return Request(
        "POST",
        "/v2/objects/people/records/query",
        parse_page(Item),
        json={"limit": 2, "offset": 0},
        retry_safe=True,
    )


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_429_with_http_date_then_200(
    kind: str, server: LocalAttio, caplog: pytest.LogCaptureFixture
) -> None:
    for name in ("attio", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    when = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=5)
    server.answer(
        429,
        {"status_code": 429, "type": "rate_limit_error", "code": "rate_limit_exceeded"},
        {"Retry-After": email.utils.format_datetime(when, usegmt=True)},
    )
    server.answer(200, {"data": [{"n": 1}, {"n": 2}]})
    sleeps = Sleeps()
    page = await send(kind, server, records_query(), sleeps)
    assert [i.n for i in page.data] == [1, 2]
    assert len(server.seen) == 2
    [slept] = sleeps
    assert 3.5 <= slept <= 5.0  # derived from the date (one-second resolution), not backoff
    first, second = server.seen
    assert first.method == second.method == "POST"
    assert first.path == second.path == "/v2/objects/people/records/query"
    assert json.loads(first.body) == json.loads(second.body) == {"limit": 2, "offset": 0}
    assert first.headers["authorization"] == f"Bearer {API_KEY}"
    assert first.headers["user-agent"] == f"attio-python/{attio.__version__}"
    assert first.headers["content-type"] == "application/json"
    assert any(r.name.startswith("httpcore") for r in caplog.records)  # real wire logging
    for record in caplog.records:
        assert API_KEY not in record.getMessage()


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_503_on_create_is_not_retried(kind: str, server: LocalAttio) -> None:
    server.answer(503, {"status_code": 503, "code": "unavailable", "message": "try later"})
    create = Request(
        "POST",
        "/v2/objects/people/records",
        parse_data(Item),
        json={"data": {"values": {"name": "Ada"}}},
    )
    sleeps = Sleeps()
    with pytest.raises(attio.InternalServerError) as caught:
        await send(kind, server, create, sleeps)
    assert len(server.seen) == 1
    assert sleeps == []
    assert caught.value.status_code == 503
    assert caught.value.request_id == "exec-1"
    assert "unavailable" in str(caught.value)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_503_on_query_is_retried(kind: str, server: LocalAttio) -> None:
    server.answer(503, {"code": "unavailable"})
    server.answer(200, {"data": [{"n": 7}]})
    sleeps = Sleeps()
    page = await send(kind, server, records_query(), sleeps)
    assert [i.n for i in page.data] == [7]
    assert len(server.seen) == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_hang_past_the_timeout_raises_api_timeout_error(
    kind: str, server: LocalAttio
) -> None:
    server.script.append(HANG)
    get = Request("GET", "/v2/objects/people/records/r1", parse_data(Item))
    started = time.monotonic()
    with pytest.raises(attio.APITimeoutError) as caught:
        await send(kind, server, get, Sleeps(), timeout=0.2, max_retries=0)
    elapsed = time.monotonic() - started
    assert elapsed < 3.0
    assert len(server.seen) == 1
    assert caught.value.request_sent is True
    assert type(caught.value.__cause__).__name__ == "ReadTimeout"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_connection_refused_is_retried_for_a_create(kind: str) -> None:
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    create = Request("POST", "/v2/notes", parse_data(Item), json={"data": {}})
    sleeps = Sleeps()
    with pytest.raises(attio.APIConnectionError) as caught:
        await send(kind, f"http://127.0.0.1:{port}", create, sleeps, max_retries=2)
    assert caught.value.request_sent is False
    assert type(caught.value.__cause__).__name__ == "ConnectError"
    assert len(sleeps) == 2  # nothing was sent, so even a create is retried
    assert API_KEY not in str(caught.value)
