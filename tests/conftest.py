"""Shared test helpers: a scripted Attio behind ``httpx.MockTransport``, never sleeping."""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

import attio

API_KEY = "sk_test_do_not_leak_4f2a9c"

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ATTIO_SHARED_DIR", ROOT.parent / "shared"))
REAL_RESPONSES = SHARED / "real-responses"
OPENAPI = SHARED / "attio-openapi.json"


Reply = httpx.Response | BaseException | Callable[[httpx.Request], httpx.Response]


class MockAttio:
    """Answers queued replies in order (the last one repeats) and records every request.

    ``reply(...)`` queues a JSON answer, ``fail(exc)`` a transport exception. ``client()`` and
    ``async_client()`` give clients wired to it whose retry sleeps land in ``sleeps``.
    """

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.replies: deque[Reply] = deque()
        self.sleeps: list[float] = []

    def reply(
        self,
        status: int = 200,
        json_body: Any = None,
        *,
        headers: dict[str, str] | None = None,
        content: bytes | None = None,
    ) -> MockAttio:
        if content is None:
            content = b"" if json_body is None else json.dumps(json_body).encode()
        self.replies.append(httpx.Response(status, headers=headers, content=content))
        return self

    def data(self, payload: Any, **extra: Any) -> MockAttio:
        """Queue a 200 ``{"data": payload, **extra}``."""
        return self.reply(200, {"data": payload, **extra})

    def fail(self, exc: BaseException) -> MockAttio:
        self.replies.append(exc)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if not self.replies:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        reply = self.replies[0] if len(self.replies) == 1 else self.replies.popleft()
        if isinstance(reply, BaseException):
            raise reply
        if callable(reply) and not isinstance(reply, httpx.Response):
            return reply(request)
        return httpx.Response(
            reply.status_code, headers=reply.headers, content=reply.content, request=request
        )

    # ------------------------------------------------------------------ clients

    def client(self, **kwargs: Any) -> attio.Client:
        kwargs.setdefault("api_key", API_KEY)
        return attio.Client(
            http_client=httpx.Client(transport=httpx.MockTransport(self)),
            sleep=self.sleeps.append,
            **kwargs,
        )

    def async_client(self, **kwargs: Any) -> attio.AsyncClient:
        kwargs.setdefault("api_key", API_KEY)

        async def sleep(seconds: float) -> None:
            self.sleeps.append(seconds)

        return attio.AsyncClient(
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(self)),
            sleep=sleep,
            **kwargs,
        )

    # ------------------------------------------------------------------ inspection

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def body(self, index: int = -1) -> Any:
        """The JSON body of request ``index`` (``None`` when it had none)."""
        content = self.requests[index].content
        return json.loads(content) if content else None

    def query(self, index: int = -1) -> dict[str, str]:
        return dict(self.requests[index].url.params)


@pytest.fixture
def mock() -> MockAttio:
    return MockAttio()


def load_real(name: str) -> Any:
    """A file of ``../shared/real-responses`` (the test is skipped when it is absent)."""
    path = REAL_RESPONSES / name
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared/real-responses)")
    return json.loads(path.read_text())


# --------------------------------------------------------------------------- sync/async parity

CLIENT_KINDS = ("sync", "async")
"""Parametrize a test over both clients: ``@pytest.mark.parametrize("kind", CLIENT_KINDS)``."""


async def send_request(mock: MockAttio, kind: str, request: Any, **client_kwargs: Any) -> Any:
    """Send a raw ``attio.Request`` with a fresh sync or async client wired to ``mock``."""
    if kind == "sync":
        with mock.client(**client_kwargs) as client:
            return client.request(request)
    async with mock.async_client(**client_kwargs) as aclient:
        return await aclient.request(request)
