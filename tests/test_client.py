"""API.md §1: client configuration, request building, lifecycle, and keeping the key secret."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest

import attio
from attio import Request
from attio._client import require_async, require_sync
from attio._parsing import parse_data, parse_nothing
from tests.conftest import API_KEY, CLIENT_KINDS, MockAttio, send_request

CLIENTS: dict[str, type[attio.Client] | type[attio.AsyncClient]] = {
    "sync": attio.Client,
    "async": attio.AsyncClient,
}


class Thing(attio.AttioModel):
    id: str


def get_thing() -> Request[Thing]:
    return Request("GET", "/v2/things/t1", parse_data(Thing))


def make(kind: str, **kwargs: Any) -> attio.Client | attio.AsyncClient:
    return CLIENTS[kind](**kwargs)


async def close(client: attio.Client | attio.AsyncClient) -> None:
    if isinstance(client, attio.Client):
        client.close()
    else:
        await client.aclose()


async def run(client: attio.Client | attio.AsyncClient, request: Request[Any]) -> Any:
    if isinstance(client, attio.Client):
        return client.request(request)
    return await client.request(request)


def wire(client: attio.Client | attio.AsyncClient, mock: MockAttio) -> None:
    """Point a client that owns its pool at ``mock`` (keeps its own timeout handling)."""
    if isinstance(client, attio.Client):
        client._http = httpx.Client(transport=httpx.MockTransport(mock))
    else:
        client._http = httpx.AsyncClient(transport=httpx.MockTransport(mock))


# --------------------------------------------------------------------------- the API key


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_key_from_argument(mock: MockAttio, kind: str) -> None:
    mock.data({"id": "t1"})
    await send_request(mock, kind, get_thing(), api_key="sk_arg")
    assert mock.last.headers["authorization"] == "Bearer sk_arg"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_key_from_environment(
    mock: MockAttio, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATTIO_API_KEY", "sk_from_env")
    mock.data({"id": "t1"})
    await send_request(mock, kind, get_thing(), api_key=None)
    assert mock.last.headers["authorization"] == "Bearer sk_from_env"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_argument_wins_over_environment(
    mock: MockAttio, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATTIO_API_KEY", "sk_from_env")
    mock.data({"id": "t1"})
    await send_request(mock, kind, get_thing(), api_key="sk_arg")
    assert mock.last.headers["authorization"] == "Bearer sk_arg"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("key", [None, "", "   "])
def test_missing_key_is_a_configuration_error_before_any_request(
    mock: MockAttio, kind: str, key: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ATTIO_API_KEY", raising=False)
    factory = mock.client if kind == "sync" else mock.async_client
    with pytest.raises(attio.ConfigurationError, match="ATTIO_API_KEY"):
        factory(api_key=key)
    assert mock.requests == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
def test_blank_environment_key_is_missing(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTIO_API_KEY", "  ")
    with pytest.raises(attio.ConfigurationError):
        make(kind)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_key_is_not_in_repr_or_str(kind: str) -> None:
    client = make(kind, api_key=API_KEY)
    assert API_KEY not in repr(client)
    assert API_KEY not in str(client)
    assert "api.attio.com" in repr(client)
    await close(client)


# --------------------------------------------------------------------------- base_url


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        (None, "https://api.attio.com/v2/things/t1"),
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123/v2/things/t1"),
        ("http://127.0.0.1:8123/", "http://127.0.0.1:8123/v2/things/t1"),
        ("https://proxy.example/attio", "https://proxy.example/attio/v2/things/t1"),
    ],
)
async def test_base_url(mock: MockAttio, kind: str, base_url: str | None, expected: str) -> None:
    mock.data({"id": "t1"})
    await send_request(mock, kind, get_thing(), base_url=base_url)
    assert str(mock.last.url) == expected


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_base_url_from_environment(
    mock: MockAttio, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATTIO_BASE_URL", "http://127.0.0.1:9")
    mock.data({"id": "t1"})
    await send_request(mock, kind, get_thing())
    assert mock.last.url.host == "127.0.0.1"
    assert mock.last.url.port == 9


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("base_url", ["api.attio.com", "ftp://api.attio.com"])
def test_bad_base_url(kind: str, base_url: str) -> None:
    with pytest.raises(attio.ConfigurationError, match="base_url"):
        make(kind, api_key=API_KEY, base_url=base_url)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_path_must_start_with_v2(mock: MockAttio, kind: str) -> None:
    with pytest.raises(ValueError, match="/v2/"):
        await send_request(mock, kind, Request("GET", "/objects", parse_nothing))
    assert mock.requests == []


# --------------------------------------------------------------------------- timeouts


def timeout_of(request: httpx.Request) -> dict[str, float | None]:
    timeout: dict[str, float | None] = request.extensions["timeout"]
    return timeout


def test_default_timeout_is_bounded() -> None:
    assert attio.DEFAULT_TIMEOUT.connect is not None
    assert attio.DEFAULT_TIMEOUT.read is not None
    assert 0 < attio.DEFAULT_TIMEOUT.connect <= 30
    assert 0 < attio.DEFAULT_TIMEOUT.read <= 120
    assert attio.DEFAULT_TIMEOUT.write is not None
    assert attio.DEFAULT_TIMEOUT.pool is not None


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_default_timeout_is_applied(mock: MockAttio, kind: str) -> None:
    client = make(kind, api_key=API_KEY)
    wire(client, mock)
    mock.data({"id": "t1"})
    await run(client, get_thing())
    assert timeout_of(mock.last) == attio.DEFAULT_TIMEOUT.as_dict()
    await close(client)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(
    ("timeout", "expected"),
    [
        (None, httpx.Timeout(None).as_dict()),
        (5, httpx.Timeout(5).as_dict()),
        (2.5, httpx.Timeout(2.5).as_dict()),
        (httpx.Timeout(9, connect=1), httpx.Timeout(9, connect=1).as_dict()),
    ],
)
async def test_explicit_timeout(
    mock: MockAttio, kind: str, timeout: Any, expected: dict[str, float | None]
) -> None:
    client = make(kind, api_key=API_KEY, timeout=timeout)
    wire(client, mock)
    mock.data({"id": "t1"})
    await run(client, get_thing())
    assert timeout_of(mock.last) == expected
    await close(client)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_none_really_disables_the_timeout(mock: MockAttio, kind: str) -> None:
    client = make(kind, api_key=API_KEY, timeout=None)
    wire(client, mock)
    mock.data({"id": "t1"})
    await run(client, get_thing())
    assert set(timeout_of(mock.last).values()) == {None}
    await close(client)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_user_http_client_keeps_its_own_timeout(mock: MockAttio, kind: str) -> None:
    transport = httpx.MockTransport(mock)
    mock.data({"id": "t1"})
    if kind == "sync":
        with httpx.Client(transport=transport, timeout=7.0) as http:
            attio.Client(API_KEY, http_client=http).request(get_thing())
    else:
        async with httpx.AsyncClient(transport=transport, timeout=7.0) as ahttp:
            await attio.AsyncClient(API_KEY, http_client=ahttp).request(get_thing())
    assert timeout_of(mock.last) == httpx.Timeout(7.0).as_dict()


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_explicit_timeout_overrides_the_user_http_client(mock: MockAttio, kind: str) -> None:
    mock.data({"id": "t1"}).data({"id": "t1"})
    await send_request(mock, kind, get_thing(), timeout=1.5)
    assert timeout_of(mock.last) == httpx.Timeout(1.5).as_dict()
    await send_request(mock, kind, get_thing(), timeout=None)
    assert set(timeout_of(mock.last).values()) == {None}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("timeout", [0, -1, "10", True, [1]])
def test_bad_timeout(kind: str, timeout: Any) -> None:
    with pytest.raises(attio.ConfigurationError, match="timeout"):
        make(kind, api_key=API_KEY, timeout=timeout)


# --------------------------------------------------------------------------- retries option


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_max_retries_default_is_three(kind: str) -> None:
    client = make(kind, api_key=API_KEY)
    assert client.max_retries == 3
    assert client.retry_policy.max_retries == 3
    await close(client)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("max_retries", [-1, 1.0, "3", True, None])
def test_bad_max_retries(kind: str, max_retries: Any) -> None:
    with pytest.raises(attio.ConfigurationError, match="max_retries"):
        make(kind, api_key=API_KEY, max_retries=max_retries)


# --------------------------------------------------------------------------- http_client


@pytest.mark.parametrize(
    ("cls", "http_client"),
    [
        (attio.Client, httpx.AsyncClient()),
        (attio.AsyncClient, httpx.Client()),
        (attio.Client, object()),
        (attio.AsyncClient, "http://127.0.0.1"),
    ],
)
def test_wrong_kind_of_http_client(cls: type[Any], http_client: Any) -> None:
    with pytest.raises(attio.ConfigurationError, match="httpx") as caught:
        cls(API_KEY, http_client=http_client)
    assert isinstance(caught.value, TypeError)
    assert type(http_client).__name__ in str(caught.value)


def test_sync_context_manager_closes_its_own_pool() -> None:
    with attio.Client(API_KEY) as client:
        assert not client._http.is_closed
    assert client._http.is_closed


async def test_async_context_manager_closes_its_own_pool() -> None:
    async with attio.AsyncClient(API_KEY) as aclient:
        assert not aclient._http.is_closed
    assert aclient._http.is_closed


def test_sync_client_does_not_close_a_user_http_client(mock: MockAttio) -> None:
    http = httpx.Client(transport=httpx.MockTransport(mock))
    with attio.Client(API_KEY, http_client=http) as client:
        assert client._http is http
    assert not http.is_closed
    mock.data({"id": "t1"})
    assert attio.Client(API_KEY, http_client=http).request(get_thing()).id == "t1"
    http.close()


async def test_async_client_does_not_close_a_user_http_client(mock: MockAttio) -> None:
    ahttp = httpx.AsyncClient(transport=httpx.MockTransport(mock))
    async with attio.AsyncClient(API_KEY, http_client=ahttp) as aclient:
        assert aclient._http is ahttp
    assert not ahttp.is_closed
    await ahttp.aclose()


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_user_http_client_event_hooks_run(mock: MockAttio, kind: str) -> None:
    seen: list[str] = []
    mock.data({"id": "t1"})
    transport = httpx.MockTransport(mock)
    if kind == "sync":
        http = httpx.Client(
            transport=transport, event_hooks={"request": [lambda r: seen.append(r.url.path)]}
        )
        attio.Client(API_KEY, http_client=http).request(get_thing())
    else:

        async def hook(request: httpx.Request) -> None:
            seen.append(request.url.path)

        ahttp = httpx.AsyncClient(transport=transport, event_hooks={"request": [hook]})
        await attio.AsyncClient(API_KEY, http_client=ahttp).request(get_thing())
    assert seen == ["/v2/things/t1"]


# --------------------------------------------------------------------------- headers and body


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_headers(mock: MockAttio, kind: str) -> None:
    mock.data({"id": "t1"})
    await send_request(mock, kind, get_thing(), default_headers={"X-Trace": "abc"})
    headers = mock.last.headers
    assert headers["user-agent"] == f"attio-python/{attio.__version__}"
    assert headers["authorization"] == f"Bearer {API_KEY}"
    assert headers["accept"] == "application/json"
    assert headers["x-trace"] == "abc"
    assert "content-type" not in headers
    assert mock.last.content == b""


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_json_body_and_query(mock: MockAttio, kind: str) -> None:
    mock.data({"id": "t1"})
    request = Request(
        "POST",
        "/v2/things",
        parse_data(Thing),
        params={"flag": True, "off": False, "skip": None, "ids": ["a", "b"], "n": 3},
        json={"data": {"name": "Zoë", "nothing": None}},
    )
    await send_request(mock, kind, request)
    assert mock.last.headers["content-type"] == "application/json"
    assert mock.query() == {"flag": "true", "off": "false", "ids": "a,b", "n": "3"}
    assert mock.last.content == '{"data":{"name":"Zoë","nothing":null}}'.encode()
    assert mock.body() == {"data": {"name": "Zoë", "nothing": None}}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_json_null_body_is_sent(mock: MockAttio, kind: str) -> None:
    mock.data({"id": "t1"})
    await send_request(mock, kind, Request("PUT", "/v2/things/t1", parse_data(Thing), json=None))
    assert mock.last.content == b"null"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_unserialisable_body_fails_before_sending(mock: MockAttio, kind: str) -> None:
    request = Request("POST", "/v2/things", parse_data(Thing), json={"x": object()})
    with pytest.raises(TypeError, match="JSON"):
        await send_request(mock, kind, request)
    assert mock.requests == []


# --------------------------------------------------------------------------- logs and the key


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_key_never_logged(
    mock: MockAttio, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    for name in ("attio", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    # success, then retries, then failures of every sort
    mock.data({"id": "t1"})
    await send_request(mock, kind, get_thing())
    mock.replies.clear()
    mock.reply(503, {"code": "unavailable", "message": "later"})
    mock.fail(httpx.ReadTimeout("slow"))
    mock.reply(429, {"code": "rate_limit_exceeded"}, headers={"Retry-After": "0"})
    mock.reply(401, {"code": "unauthorized", "message": "bad key"})
    with pytest.raises(attio.AuthenticationError):
        await send_request(mock, kind, get_thing())
    mock.replies.clear()
    mock.fail(httpx.ConnectError("refused"), times=2)
    with pytest.raises(attio.APIConnectionError):
        await send_request(mock, kind, get_thing(), max_retries=1)
    assert len(mock.requests) == 1 + 4 + 2
    records = [r for r in caplog.records if r.name.split(".")[0] in ("attio", "httpx", "httpcore")]
    assert len([r for r in records if r.name == "attio"]) >= 10
    for record in records:
        assert API_KEY not in record.getMessage()
        assert API_KEY not in repr(record.args)
        assert API_KEY not in json.dumps(record.__dict__, default=repr)


# --------------------------------------------------------------------------- wrong kind of client


def test_require_sync_and_async() -> None:
    sync = attio.Client(API_KEY)
    asyn = attio.AsyncClient(API_KEY)
    assert require_sync(sync) is sync
    assert require_async(asyn) is asyn
    with pytest.raises(TypeError, match="_async"):
        require_sync(asyn)
    with pytest.raises(TypeError, match="without the _async suffix"):
        require_async(sync)
    with pytest.raises(TypeError, match=r"expected an attio\.Client.*str"):
        require_sync("sk_key")
    with pytest.raises(TypeError, match=r"expected an attio\.AsyncClient.*NoneType"):
        require_async(None)


def test_classmethods_refuse_the_wrong_client(mock: MockAttio) -> None:
    with pytest.raises(TypeError, match="_async twin"):
        attio.Object.list(mock.async_client())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"expected an attio\.Client"):
        attio.Meta.get(httpx.Client())  # type: ignore[arg-type]
    assert mock.requests == []


async def test_async_classmethods_refuse_the_wrong_client(mock: MockAttio) -> None:
    with pytest.raises(TypeError, match=r"needs an attio\.AsyncClient"):
        await attio.Object.list_async(mock.client())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"expected an attio\.AsyncClient"):
        await attio.WorkspaceMember.list_async(object())  # type: ignore[arg-type]
    assert mock.requests == []


def test_the_test_double_never_repeats_a_reply(mock: MockAttio) -> None:
    # A test that sends a request twice notices: the second finds no reply queued.
    mock.data({"id": "t1"})
    client = mock.client()
    client.request(get_thing())
    with pytest.raises(AssertionError, match="unexpected request"):
        client.request(get_thing())
    assert len(mock.requests) == 2
