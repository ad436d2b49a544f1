"""Error messages are bounded whatever the body, and raising costs a small multiple of the
body in memory; the raw body stays on the exception (API.md §5)."""

from __future__ import annotations

import asyncio
import json
import tracemalloc
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import attio
from tests.conftest import CLIENT_KINDS

SIZE = 8 * 1024 * 1024
LIMIT = 4096


def big_bodies() -> dict[str, tuple[int, Callable[[], bytes]]]:
    items = SIZE // 2
    return {
        "2xx top-level array": (200, lambda: b"[" + b"1," * (items - 1) + b"1]"),
        "2xx top-level string": (200, lambda: b'"' + b"x" * SIZE + b'"'),
        "2xx not JSON": (200, lambda: b"<" * SIZE),
        "2xx data is a huge array of wrong items": (
            200,
            lambda: b'{"data": [' + b"1," * (items - 1) + b"1]}",
        ),
        "2xx data is a huge string": (200, lambda: b'{"data": "' + b"y" * SIZE + b'"}'),
        "2xx huge unknown key in a wrong envelope": (
            200,
            lambda: b'{"nodata": "' + b"z" * SIZE + b'"}',
        ),
        "400 huge message": (
            400,
            lambda: json.dumps(
                {"status_code": 400, "code": "c" * 100_000, "message": "m" * SIZE}
            ).encode(),
        ),
        "400 huge validation_errors": (
            400,
            lambda: json.dumps(
                {
                    "status_code": 400,
                    "code": "validation_type",
                    "message": "bad",
                    "validation_errors": [{"path": ["x"], "message": "y" * 50}] * 100_000,
                }
            ).encode(),
        ),
        "500 huge HTML": (500, lambda: b"<html>" + b"e" * SIZE),
    }


CASES = list(big_bodies())


def call(kind: str, status: int, body: bytes, page: bool) -> attio.AttioException:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"Content-Type": "application/json"})

    transport = httpx.MockTransport(handler)
    if kind == "sync":
        client = attio.Client(
            api_key="k", http_client=httpx.Client(transport=transport), max_retries=0
        )
        with pytest.raises(attio.AttioException) as caught:  # noqa: PT012
            if page:
                attio.Record.list(client, "people")
            else:
                attio.Record.get(client, "people", "r1")
        return caught.value

    async def go() -> attio.AttioException:
        aclient = attio.AsyncClient(
            api_key="k", http_client=httpx.AsyncClient(transport=transport), max_retries=0
        )
        with pytest.raises(attio.AttioException) as caught:  # noqa: PT012
            if page:
                await attio.Record.list_async(aclient, "people")
            else:
                await attio.Record.get_async(aclient, "people", "r1")
        return caught.value

    return asyncio.run(go())


@pytest.mark.parametrize("page", [False, True], ids=["get", "page"])
@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("case", CASES)
def test_str_is_bounded_and_the_body_stays_reachable(kind: str, case: str, page: bool) -> None:
    status, make = big_bodies()[case]
    body = make()
    exc = call(kind, status, body, page)
    assert len(str(exc)) < LIMIT
    assert len(repr(exc)) < LIMIT + 200
    if status >= 400:
        assert isinstance(exc, attio.APIStatusError)
        assert exc.status_code == status
        assert exc.content == body
        assert exc.response is not None
        assert exc.response.content == body
    else:
        assert isinstance(exc, attio.ResponseValidationError)
        assert exc.content == body
        assert len(exc.body) == len(body.decode("utf-8", errors="replace"))
        assert "/v2/objects/people/records" in str(exc)


@pytest.mark.parametrize("case", CASES)
def test_raising_costs_a_small_multiple_of_the_body(case: str) -> None:
    status, make = big_bodies()[case]
    body = make()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        exc: Any = call("sync", status, body, page=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(str(exc)) < LIMIT
    # A copy or two of the body while it is read and decoded; never the 20-50x of turning the
    # whole wrong body into Python objects and error records.
    assert peak - before < 6 * len(body), f"{(peak - before) / len(body):.1f}x the body"


def test_pydantic_input_is_not_in_the_message() -> None:
    secretish = "do-not-echo-" * 10

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": {"id": secretish}})

    client = attio.Client(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    with pytest.raises(attio.ResponseValidationError) as caught:
        attio.Record.get(client, "people", "r1")
    assert secretish not in str(caught.value)
    assert "validation error" in str(caught.value)
    assert secretish in caught.value.body


def test_a_huge_message_given_to_any_exception_is_clipped() -> None:
    exc = attio.ConfigurationError("x" * 1_000_000)
    assert len(str(exc)) < LIMIT
    assert "more characters" in str(exc)
