"""Exceptions behave like values: pickle, copy, process pools; never the API key (API.md §5)."""

from __future__ import annotations

import copy
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import httpx
import pytest

import attio
from attio.webhooks import WebhookPayloadError, WebhookSignatureError
from tests.conftest import CLIENT_KINDS

KEY = "sk_live_very_secret_key_0123456789"

ERROR_BODY = {
    "status_code": 400,
    "type": "invalid_request_error",
    "code": "validation_type",
    "message": "Body payload validation error.",
    "validation_errors": [{"path": ["data"], "code": "invalid_type", "message": "Required"}],
}


def fail_with(status: int, body: Any, headers: dict[str, str] | None = None) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body, headers=headers or {})

    return handler


async def raised(kind: str, handler: Any) -> attio.AttioException:
    """The exception a real client (holding the key) raises for ``handler``'s answer."""
    transport = httpx.MockTransport(handler)
    if kind == "sync":
        client = attio.Client(
            api_key=KEY, http_client=httpx.Client(transport=transport), max_retries=0
        )
        with pytest.raises(attio.AttioException) as caught:
            attio.Record.get(client, "people", "r1")
        return caught.value
    aclient = attio.AsyncClient(
        api_key=KEY, http_client=httpx.AsyncClient(transport=transport), max_retries=0
    )
    with pytest.raises(attio.AttioException) as caught:
        await attio.Record.get_async(aclient, "people", "r1")
    return caught.value


def status_handlers() -> dict[str, Any]:
    headers = {"x-attio-execution-id": "exec-123", "Retry-After": "7200"}
    return {
        "400": fail_with(400, ERROR_BODY, {"x-attio-execution-id": "exec-123"}),
        "401": fail_with(401, {**ERROR_BODY, "status_code": 401, "code": "unauthorized"}),
        "404": fail_with(404, {**ERROR_BODY, "status_code": 404, "code": "not_found"}),
        "409": fail_with(409, {**ERROR_BODY, "status_code": 409, "code": "slug_conflict"}),
        "429": fail_with(429, {**ERROR_BODY, "status_code": 429, "code": "rate_limit"}, headers),
        "500-html": lambda r: httpx.Response(500, text="<html>oops</html>"),
        "200-not-json": lambda r: httpx.Response(200, text="not json at all"),
        "200-wrong-shape": lambda r: httpx.Response(200, json={"data": [1, 2, 3]}),
        "connect": lambda r: (_ for _ in ()).throw(httpx.ConnectError("refused", request=r)),
        "read-timeout": lambda r: (_ for _ in ()).throw(httpx.ReadTimeout("slow", request=r)),
    }


def assert_same(original: attio.AttioException, clone: attio.AttioException) -> None:
    assert type(clone) is type(original)
    assert str(clone) == str(original)
    assert clone.args == original.args
    for name in ("status_code", "code", "message", "request_id", "retry_after", "body"):
        assert getattr(clone, name, None) == getattr(original, name, None), name
    if isinstance(original, attio.APIStatusError):
        assert isinstance(clone, attio.APIStatusError)
        assert clone.error == original.error
        assert clone.content == original.content
    if isinstance(original, attio.APIConnectionError):
        assert isinstance(clone, attio.APIConnectionError)
        assert clone.request_sent == original.request_sent


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("case", list(status_handlers()))
async def test_every_raised_exception_pickles_without_the_key(kind: str, case: str) -> None:
    exc = await raised(kind, status_handlers()[case])
    data = pickle.dumps(exc)
    assert KEY.encode() not in data
    assert b"Bearer" not in data
    assert b"authorization" not in data.lower()
    clone = pickle.loads(data)
    assert_same(exc, clone)
    if isinstance(clone, attio.APIStatusError):
        assert clone.response is None  # the response's request carries the key: never pickled


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("case", list(status_handlers()))
async def test_copy_and_deepcopy_keep_everything(kind: str, case: str) -> None:
    exc = await raised(kind, status_handlers()[case])
    for clone in (copy.copy(exc), copy.deepcopy(exc)):
        assert clone is not exc
        assert_same(exc, clone)
        if isinstance(exc, attio.APIStatusError):
            assert isinstance(clone, attio.APIStatusError)
            assert clone.response is exc.response  # in-process copies keep the response


def test_status_code_message_and_request_id_survive() -> None:
    import asyncio

    exc = asyncio.run(raised("sync", status_handlers()["400"]))
    clone = pickle.loads(pickle.dumps(exc))
    assert isinstance(clone, attio.BadRequestError)
    assert clone.status_code == 400
    assert clone.code == "validation_type"
    assert clone.message == "Body payload validation error."
    assert clone.request_id == "exec-123"
    assert clone.error is not None
    assert clone.error.model_dump()["validation_errors"][0]["path"] == ["data"]


def every_exception_class() -> list[type[attio.AttioException]]:
    found: set[type[attio.AttioException]] = set()
    todo: list[type[attio.AttioException]] = [attio.AttioException]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return sorted(found, key=lambda c: c.__qualname__)


def build(cls: type[attio.AttioException]) -> attio.AttioException:
    request = httpx.Request("GET", "https://api.attio.com/v2/x", headers={"Authorization": KEY})
    response = httpx.Response(418, json=ERROR_BODY, request=request)
    if issubclass(cls, attio.APIStatusError):
        return cls("teapot", response=response, error=attio.AttioError(code="c", message="m"))
    if issubclass(cls, attio.ResponseValidationError):
        return cls("bad", body="raw", response=response)
    if issubclass(cls, attio.PaginationError):
        return cls("loop", endpoint="GET /v2/x")
    if issubclass(cls, attio.APIConnectionError):
        return cls("lost", request_sent=False)
    return cls("plain")


@pytest.mark.parametrize("cls", every_exception_class(), ids=lambda c: c.__qualname__)
def test_every_exception_class_round_trips(cls: type[attio.AttioException]) -> None:
    exc = build(cls)
    data = pickle.dumps(exc)
    assert KEY.encode() not in data
    assert_same(exc, pickle.loads(data))
    assert_same(exc, copy.copy(exc))


def test_webhook_exceptions_are_covered() -> None:
    names = {cls.__name__ for cls in every_exception_class()}
    assert {WebhookPayloadError.__name__, WebhookSignatureError.__name__} <= names
    assert {"PathParameterError", "PaginationError", "ConfigurationError"} <= names


def _raise_in_child(status: int) -> None:
    request = httpx.Request("GET", "https://api.attio.com/v2/x", headers={"Authorization": KEY})
    response = httpx.Response(status, json={**ERROR_BODY, "status_code": status}, request=request)
    raise attio._exceptions.make_status_error(response)


def test_exceptions_cross_a_process_pool() -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        future = pool.submit(_raise_in_child, 409)
        with pytest.raises(attio.ConflictError) as caught:
            future.result(timeout=60)
    assert caught.value.status_code == 409
    assert caught.value.code == "validation_type"
    assert caught.value.response is None
