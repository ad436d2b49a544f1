"""API.md §6 retries, cell by cell, for both clients: statuses, transport failures, waits."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import tenacity

import attio
from attio import Request
from attio._parsing import parse_data, parse_nothing, parse_page
from attio._retry import RetryPolicy, parse_retry_after
from tests.conftest import API_KEY, CLIENT_KINDS, MockAttio, send_request


class Thing(attio.AttioModel):
    id: str


RECORD = {"data": {"values": {"name": [{"value": "Ada"}]}}}

REQUESTS: dict[str, Callable[[], Request[Any]]] = {
    "GET": lambda: Request("GET", "/v2/objects/people/records/r1", parse_data(Thing)),
    "POST-create": lambda: Request(
        "POST", "/v2/objects/people/records", parse_data(Thing), json=RECORD
    ),
    "POST-query": lambda: Request(
        "POST",
        "/v2/objects/people/records/query",
        parse_page(Thing),
        json={"limit": 10},
        retry_safe=True,
    ),
    "PUT": lambda: Request(
        "PUT",
        "/v2/objects/people/records",
        parse_data(Thing),
        params={"matching_attribute": "email_addresses"},
        json=RECORD,
    ),
    "PATCH": lambda: Request(
        "PATCH", "/v2/objects/people/records/r1", parse_data(Thing), json=RECORD
    ),
    "DELETE": lambda: Request("DELETE", "/v2/objects/people/records/r1", parse_nothing),
}
METHODS = tuple(REQUESTS)

# API.md §6 with max_retries=3: the number of attempts made, cell by cell.
#       GET  POST-create  POST-query  PUT  PATCH  DELETE
TABLE: dict[int, tuple[int, ...]] = {
    429: (4, 4, 4, 4, 4, 4),
    500: (4, 1, 4, 4, 1, 4),
    502: (4, 1, 4, 4, 1, 4),
    503: (4, 1, 4, 4, 1, 4),
    504: (4, 1, 4, 4, 1, 4),
    400: (1, 1, 1, 1, 1, 1),
    401: (1, 1, 1, 1, 1, 1),
    403: (1, 1, 1, 1, 1, 1),
    404: (1, 1, 1, 1, 1, 1),
    409: (1, 1, 1, 1, 1, 1),
    422: (1, 1, 1, 1, 1, 1),
}
ERRORS: dict[int, type[attio.APIStatusError]] = {
    429: attio.RateLimitError,
    500: attio.InternalServerError,
    502: attio.InternalServerError,
    503: attio.InternalServerError,
    504: attio.InternalServerError,
    400: attio.BadRequestError,
    401: attio.AuthenticationError,
    403: attio.PermissionDeniedError,
    404: attio.NotFoundError,
    409: attio.ConflictError,
    422: attio.UnprocessableEntityError,
}
CELLS = [(status, method, TABLE[status][i]) for status in TABLE for i, method in enumerate(METHODS)]


def error_body(status: int) -> dict[str, Any]:
    return {"status_code": status, "type": "some_error", "code": f"code_{status}", "message": "no"}


def http_date(seconds_from_now: float) -> str:
    moment = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=seconds_from_now)
    return email.utils.format_datetime(moment, usegmt=True)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(("status", "method", "attempts"), CELLS)
async def test_status_table(
    mock: MockAttio, kind: str, status: int, method: str, attempts: int
) -> None:
    mock.reply(status, error_body(status), times=4)  # at most 4 attempts
    with pytest.raises(ERRORS[status]) as caught:
        await send_request(mock, kind, REQUESTS[method](), max_retries=3)
    assert len(mock.requests) == attempts
    assert len(mock.sleeps) == attempts - 1
    assert type(caught.value) is ERRORS[status]
    assert caught.value.status_code == status
    assert {r.method for r in mock.requests} == {method.split("-")[0]}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("method", METHODS)
async def test_429_then_success_for_every_method(mock: MockAttio, kind: str, method: str) -> None:
    mock.reply(429, error_body(429), headers={"Retry-After": "1"})
    mock.reply(200, {"data": {"id": "x"}} if method != "POST-query" else {"data": [{"id": "x"}]})
    if method == "DELETE":
        mock.replies[-1] = httpx.Response(200, json={})
    result = await send_request(mock, kind, REQUESTS[method]())
    assert len(mock.requests) == 2
    assert mock.sleeps == [1.0]
    if method == "DELETE":
        assert result is None
    elif method == "POST-query":
        assert [t.id for t in result.data] == ["x"]
    else:
        assert result.id == "x"
    # the retried request is the same request: same body, same query
    assert mock.requests[0].content == mock.requests[1].content
    assert mock.requests[0].url == mock.requests[1].url


# --------------------------------------------------------------------------- Retry-After


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_retry_after_http_date_is_waited_for(mock: MockAttio, kind: str) -> None:
    mock.reply(429, error_body(429), headers={"Retry-After": http_date(30)})
    mock.data({"id": "ok"})
    result = await send_request(mock, kind, REQUESTS["POST-create"]())
    assert result.id == "ok"
    assert len(mock.requests) == 2
    [slept] = mock.sleeps
    assert 28.0 <= slept <= 30.0  # the date has one-second resolution


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_retry_after_seconds(mock: MockAttio, kind: str) -> None:
    mock.reply(429, error_body(429), headers={"Retry-After": "2.5"})
    mock.data({"id": "ok"})
    await send_request(mock, kind, REQUESTS["GET"]())
    assert mock.sleeps == [2.5]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("garbage", ["soon", "", "nan", "inf", "Tue, 99 Foo 2023 99:99:99 GMT"])
async def test_retry_after_garbage_falls_back_to_backoff(
    mock: MockAttio, kind: str, garbage: str
) -> None:
    policy = RetryPolicy(max_retries=3, jitter=lambda: 1.0)
    mock.reply(429, error_body(429), headers={"Retry-After": garbage})
    mock.reply(429, error_body(429), headers={"Retry-After": garbage})
    mock.data({"id": "ok"})
    await send_request(mock, kind, REQUESTS["GET"](), retry_policy=policy)
    assert mock.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("style", ["http-date", "seconds"])
async def test_retry_after_beyond_cap_raises_at_once(
    mock: MockAttio, kind: str, style: str
) -> None:
    # The date is made when the test runs (not at collection): the bounds below are tight.
    header = http_date(3600) if style == "http-date" else "3600"
    mock.reply(429, error_body(429), headers={"Retry-After": header})
    with pytest.raises(attio.RateLimitError) as caught:
        await send_request(mock, kind, REQUESTS["GET"]())
    assert len(mock.requests) == 1
    assert mock.sleeps == []
    assert caught.value.retry_after is not None
    assert 3590 <= caught.value.retry_after <= 3600


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_retry_after_cap_is_configurable(mock: MockAttio, kind: str) -> None:
    policy = RetryPolicy(max_retry_after=5.0)
    mock.reply(429, error_body(429), headers={"Retry-After": "6"})
    with pytest.raises(attio.RateLimitError):
        await send_request(mock, kind, REQUESTS["GET"](), retry_policy=policy)
    assert len(mock.requests) == 1
    mock.requests.clear()
    mock.replies.clear()
    mock.reply(429, error_body(429), headers={"Retry-After": "5"})
    mock.data({"id": "ok"})
    await send_request(mock, kind, REQUESTS["GET"](), retry_policy=policy)
    assert mock.sleeps == [5.0]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_retry_after_in_the_past_waits_the_backoff_step(mock: MockAttio, kind: str) -> None:
    # A past HTTP-date (client clock ahead of Attio's) is not "retry at once": the normal
    # backoff step (0.5 s jittered into [0.25, 0.5]) is the floor (API.md §6).
    mock.reply(429, error_body(429), headers={"Retry-After": http_date(-120)})
    mock.data({"id": "ok"})
    await send_request(mock, kind, REQUESTS["PATCH"]())
    assert len(mock.sleeps) == 1
    assert 0.25 <= mock.sleeps[0] <= 0.5
    assert len(mock.requests) == 2


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_5xx_retry_after_is_honoured_on_safe_requests(mock: MockAttio, kind: str) -> None:
    mock.reply(503, error_body(503), headers={"Retry-After": "3"})
    mock.data({"id": "ok"})
    await send_request(mock, kind, REQUESTS["PUT"]())
    assert mock.sleeps == [3.0]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_5xx_retry_after_beyond_cap_is_not_waited_for(mock: MockAttio, kind: str) -> None:
    mock.reply(503, error_body(503), headers={"Retry-After": "7200"})
    with pytest.raises(attio.InternalServerError) as caught:
        await send_request(mock, kind, REQUESTS["GET"]())
    assert len(mock.requests) == 1
    assert caught.value.retry_after == 7200.0


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_5xx_retry_after_never_makes_a_create_retry(mock: MockAttio, kind: str) -> None:
    mock.reply(503, error_body(503), headers={"Retry-After": "1"})
    with pytest.raises(attio.InternalServerError):
        await send_request(mock, kind, REQUESTS["POST-create"]())
    assert len(mock.requests) == 1


def test_parse_retry_after() -> None:
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 42, usegmt=True)
    assert parse_retry_after(date, now=now) == 42.0
    assert parse_retry_after(email.utils.formatdate(now - 5, usegmt=True), now=now) == 0.0
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after("-3") == 0.0
    for unusable in (None, "", "   ", "soon", "nan", "inf", "-inf", "1e999"):
        assert parse_retry_after(unusable) is None
    # a zone-less date is GMT, not local time
    naive = email.utils.formatdate(now + 10, usegmt=True).replace(" GMT", " -0000")
    assert parse_retry_after(naive, now=now) == 10.0


# --------------------------------------------------------------------------- attempts, backoff


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(
    "reply",
    [
        (429, None),
        (503, None),
        (None, httpx.ConnectError("refused")),
        (None, httpx.ReadTimeout("slow")),
    ],
)
async def test_max_retries_zero_makes_one_attempt(
    mock: MockAttio, kind: str, reply: tuple[int | None, BaseException | None]
) -> None:
    status, exc = reply
    if exc is not None:
        mock.fail(exc)
    else:
        assert status is not None
        mock.reply(status, error_body(status))
    with pytest.raises(attio.AttioException) as caught:
        await send_request(mock, kind, REQUESTS["GET"](), max_retries=0)
    assert len(mock.requests) == 1
    assert mock.sleeps == []
    assert not isinstance(caught.value, tenacity.RetryError)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("retries", [1, 2, 5])
async def test_max_retries_bounds_attempts(mock: MockAttio, kind: str, retries: int) -> None:
    mock.reply(502, error_body(502), times=retries + 1)
    with pytest.raises(attio.InternalServerError) as caught:
        await send_request(mock, kind, REQUESTS["DELETE"](), max_retries=retries)
    assert len(mock.requests) == retries + 1
    assert type(caught.value) is attio.InternalServerError  # typed, never tenacity.RetryError
    assert caught.value.code == "code_502"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_backoff_is_exponential_jittered_and_capped(mock: MockAttio, kind: str) -> None:
    mock.reply(500, error_body(500), times=16)  # two calls of 8 attempts
    low = RetryPolicy(max_retries=7, initial_backoff=0.5, max_backoff=4.0, jitter=lambda: 0.0)
    with pytest.raises(attio.InternalServerError):
        await send_request(mock, kind, REQUESTS["GET"](), retry_policy=low)
    assert mock.sleeps == [0.25, 0.5, 1.0, 2.0, 2.0, 2.0, 2.0]
    mock.sleeps.clear()
    high = RetryPolicy(max_retries=7, initial_backoff=0.5, max_backoff=4.0, jitter=lambda: 1.0)
    with pytest.raises(attio.InternalServerError):
        await send_request(mock, kind, REQUESTS["GET"](), retry_policy=high)
    assert mock.sleeps == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0, 4.0]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_default_backoff_stays_in_its_band_and_varies(mock: MockAttio, kind: str) -> None:
    mock.reply(500, error_body(500), times=4 + 13)  # 4 attempts, then 13
    with pytest.raises(attio.InternalServerError):
        await send_request(mock, kind, REQUESTS["GET"]())  # default policy, max_retries=3
    assert len(mock.sleeps) == 3
    for attempt, slept in enumerate(mock.sleeps, start=1):
        ceiling = 0.5 * 2 ** (attempt - 1)
        assert ceiling / 2 <= slept <= ceiling
    assert sum(mock.sleeps) <= 3.5
    mock.sleeps.clear()
    flat = RetryPolicy(max_retries=12, initial_backoff=1.0, max_backoff=1.0)
    with pytest.raises(attio.InternalServerError):
        await send_request(mock, kind, REQUESTS["GET"](), retry_policy=flat)
    assert all(0.5 <= s <= 1.0 for s in mock.sleeps)
    assert len(set(mock.sleeps)) > 1  # jittered, not a fixed wait


@pytest.mark.parametrize(
    "options",
    [
        {"max_retries": -1},
        {"max_retries": 1.5},
        {"max_retries": True},
        {"initial_backoff": -0.1},
        {"max_backoff": float("inf")},
        {"max_retry_after": float("nan")},
        {"max_retry_after": "60"},
        {"initial_backoff": 2.0, "max_backoff": 1.0},
        {"jitter": 0.5},
    ],
)
def test_retry_policy_options_are_validated(options: dict[str, Any]) -> None:
    with pytest.raises(attio.ConfigurationError):
        RetryPolicy(**options)


def test_client_takes_max_retries_from_its_policy(mock: MockAttio) -> None:
    client = mock.client(retry_policy=RetryPolicy(max_retries=1))
    assert client.max_retries == 1
    with pytest.raises(attio.ConfigurationError):
        mock.client(retry_policy={"max_retries": 1})


# --------------------------------------------------------------------------- closing, logging


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_failed_responses_are_closed_before_sleeping(mock: MockAttio, kind: str) -> None:
    sent: list[httpx.Response] = []
    closed_at_sleep: list[list[bool]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        mock.requests.append(request)
        status = 503 if len(sent) < 2 else 200
        body = error_body(503) if status == 503 else {"data": {"id": "ok"}}
        response = httpx.Response(status, json=body, request=request)
        sent.append(response)
        return response

    def check() -> None:
        closed_at_sleep.append([r.is_closed for r in sent])

    transport = httpx.MockTransport(handler)
    if kind == "sync":
        with attio.Client(
            API_KEY, http_client=httpx.Client(transport=transport), sleep=lambda s: check()
        ) as client:
            result = client.request(REQUESTS["GET"]())
    else:

        async def sleep(seconds: float) -> None:
            check()

        async with attio.AsyncClient(
            API_KEY, http_client=httpx.AsyncClient(transport=transport), sleep=sleep
        ) as aclient:
            result = await aclient.request(REQUESTS["GET"]())
    assert result.id == "ok"
    assert closed_at_sleep == [[True], [True, True]]
    assert all(r.is_closed for r in sent)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_attempts_and_retries_are_logged_without_the_key(
    mock: MockAttio, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    mock.reply(429, error_body(429), headers={"Retry-After": "0"})
    mock.fail(httpx.ConnectError("refused"))
    mock.reply(200, {"data": {"id": "ok"}}, headers={"x-attio-execution-id": "exec-1"})
    await send_request(mock, kind, REQUESTS["POST-create"]())
    attio_messages = [r.getMessage() for r in caplog.records if r.name == "attio"]
    retries = [m for m in attio_messages if m.startswith("retrying")]
    assert len(retries) == 2
    assert "attempt 1/4" in retries[0]
    assert "status 429 (code_429)" in retries[0]
    assert "ConnectError" in retries[1]
    sends = [m for m in attio_messages if m == "POST /v2/objects/people/records"]
    assert len(sends) == 3  # each attempt
    assert any("-> 200" in m and "exec-1" in m for m in attio_messages)
    for record in caplog.records:
        assert API_KEY not in record.getMessage()
        assert API_KEY not in repr(record.args)


# --------------------------------------------------------------------------- transport failures

NOTHING_SENT = [
    (httpx.ConnectError("connection refused"), attio.APIConnectionError),
    (httpx.ConnectTimeout("connect timed out"), attio.APITimeoutError),
    (httpx.PoolTimeout("no free connection"), attio.APITimeoutError),
]
MAYBE_SENT = [
    (httpx.ReadTimeout("read timed out"), attio.APITimeoutError),
    (httpx.WriteTimeout("write timed out"), attio.APITimeoutError),
    (httpx.RemoteProtocolError("server disconnected"), attio.APIConnectionError),
    (httpx.ReadError("connection reset"), attio.APIConnectionError),
]
SAFE = {"GET", "POST-query", "PUT", "DELETE"}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("exc", "raised"), NOTHING_SENT)
async def test_nothing_sent_is_retried_for_every_method(
    mock: MockAttio,
    kind: str,
    method: str,
    exc: httpx.TransportError,
    raised: type[attio.APIConnectionError],
) -> None:
    mock.fail(exc, times=4)
    with pytest.raises(raised) as caught:
        await send_request(mock, kind, REQUESTS[method]())
    assert len(mock.requests) == 4
    assert type(caught.value) is raised
    assert caught.value.__cause__ is exc
    assert caught.value.request_sent is False


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("exc", "raised"), MAYBE_SENT)
async def test_maybe_sent_is_retried_only_when_safe(
    mock: MockAttio,
    kind: str,
    method: str,
    exc: httpx.TransportError,
    raised: type[attio.APIConnectionError],
) -> None:
    mock.fail(exc, times=4)
    with pytest.raises(raised) as caught:
        await send_request(mock, kind, REQUESTS[method]())
    assert len(mock.requests) == (4 if method in SAFE else 1)
    assert type(caught.value) is raised
    assert caught.value.__cause__ is exc
    assert caught.value.request_sent is True


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_connection_failure_then_success(mock: MockAttio, kind: str) -> None:
    mock.fail(httpx.ConnectError("refused"))
    mock.fail(httpx.ReadError("reset"))
    mock.data({"id": "ok"})
    result = await send_request(mock, kind, REQUESTS["GET"]())
    assert result.id == "ok"
    assert len(mock.requests) == 3
    assert len(mock.sleeps) == 2


def test_timeout_error_is_a_connection_error() -> None:
    assert issubclass(attio.APITimeoutError, attio.APIConnectionError)
    assert issubclass(attio.APIConnectionError, attio.AttioException)


# --------------------------------------------------------------------- no retry loop until needed


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_the_retry_loop_is_built_only_when_an_attempt_failed_retryably(
    mock: MockAttio, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    real_sync, real_async = tenacity.Retrying, tenacity.AsyncRetrying

    def sync_loop(*args: Any, **kwargs: Any) -> Any:
        built.append("sync")
        return real_sync(*args, **kwargs)

    def async_loop(*args: Any, **kwargs: Any) -> Any:
        built.append("async")
        return real_async(*args, **kwargs)

    monkeypatch.setattr(tenacity, "Retrying", sync_loop)
    monkeypatch.setattr(tenacity, "AsyncRetrying", async_loop)
    mock.data({"id": "t1"})
    await send_request(mock, kind, REQUESTS["GET"]())
    mock.reply(404, error_body(404))
    with pytest.raises(attio.NotFoundError):
        await send_request(mock, kind, REQUESTS["GET"]())
    mock.reply(503, error_body(503))
    with pytest.raises(attio.InternalServerError):  # a create is never sent twice
        await send_request(mock, kind, REQUESTS["POST-create"]())
    mock.reply(503, error_body(503))
    with pytest.raises(attio.InternalServerError):  # nothing to retry with max_retries=0
        await send_request(mock, kind, REQUESTS["GET"](), max_retries=0)
    assert built == []  # success, and failures not worth a retry: no tenacity at all
    mock.reply(503, error_body(503))
    mock.data({"id": "t2"})
    assert (await send_request(mock, kind, REQUESTS["GET"]())).id == "t2"
    assert built == [kind]
    assert len(mock.sleeps) == 1
    assert len(mock.requests) == 6


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_retried_request_counts_its_first_attempt(mock: MockAttio, kind: str) -> None:
    # The first attempt runs outside tenacity; the loop built after it starts from attempt 2:
    # the waits are the backoff of attempts 1, 2 and 3, and there are 4 attempts in all.
    policy = RetryPolicy(max_retries=3, initial_backoff=1.0, max_backoff=100.0, jitter=lambda: 1)
    mock.reply(503, error_body(503), times=4)
    with pytest.raises(attio.InternalServerError):
        await send_request(mock, kind, REQUESTS["GET"](), retry_policy=policy)
    assert mock.sleeps == [1.0, 2.0, 4.0]
    assert len(mock.requests) == 4
