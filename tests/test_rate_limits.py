"""Client-side rate limits (issue 10, item 5): the token buckets, read/write classification,
buckets shared by threads and tasks, the off switch, and bad options. Nothing sleeps: the
buckets run on an injected clock and the clients' waits land in ``MockAttio.sleeps``."""

from __future__ import annotations

import asyncio
import itertools
import math
import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

import attio
from attio import Request
from attio._parsing import parse_data, parse_nothing, parse_page
from attio._ratelimit import HEADROOM, RateLimiter, TokenBucket
from tests.conftest import API_KEY, CLIENT_KINDS, MockAttio, send_request

WINDOW = 1 + HEADROOM


class Clock:
    """A fake monotonic clock: it moves only when told."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Thing(attio.AttioModel):
    id: str


REQUESTS: dict[str, Callable[[], Request[Any]]] = {
    "GET": lambda: Request("GET", "/v2/objects/people/records/r1", parse_data(Thing)),
    "POST-query": lambda: Request(
        "POST", "/v2/objects/people/records/query", parse_page(Thing), json={}, retry_safe=True
    ),
    "POST-search": lambda: Request(
        "POST", "/v2/objects/records/search", parse_page(Thing), json={}, retry_safe=True
    ),
    "POST-create": lambda: Request(
        "POST", "/v2/objects/people/records", parse_data(Thing), json={}
    ),
    "PUT": lambda: Request("PUT", "/v2/objects/people/records", parse_data(Thing), json={}),
    "PATCH": lambda: Request("PATCH", "/v2/objects/people/records/r1", parse_data(Thing), json={}),
    "DELETE": lambda: Request("DELETE", "/v2/objects/people/records/r1", parse_nothing),
}
READS = ("GET", "POST-query", "POST-search")


def answer(request: httpx.Request) -> httpx.Response:
    if request.method == "DELETE":
        return httpx.Response(200, json={})
    if request.url.path.endswith(("/query", "/search")):
        return httpx.Response(200, json={"data": [{"id": "t"}]})
    return httpx.Response(200, json={"data": {"id": "t"}})


def frozen(client: attio.Client | attio.AsyncClient, limits: attio.RateLimits) -> Clock:
    """Give ``client`` buckets for ``limits`` on a clock that stands still; return the clock."""
    clock = Clock()
    client._limiter = RateLimiter(limits, clock=clock)
    return clock


# --------------------------------------------------------------------------- the option


def test_defaults_are_attios_limits() -> None:
    limits = attio.RateLimits()
    assert limits == attio.RateLimits(reads_per_second=100, writes_per_second=25)
    assert repr(limits) == "RateLimits(reads_per_second=100, writes_per_second=25)"
    client = attio.Client(API_KEY)
    assert client.rate_limits == limits
    assert client._limiter is not None
    assert client._limiter.reads.capacity == 100
    assert client._limiter.writes.capacity == 25
    assert attio.AsyncClient(API_KEY).rate_limits == limits
    assert "rate_limits=RateLimits(" in repr(client)


@pytest.mark.parametrize("value", [0, -1, -0.5, math.nan, math.inf, True, "100", None, [100]])
@pytest.mark.parametrize("field", ["reads_per_second", "writes_per_second"])
def test_bad_limits_are_a_configuration_error(field: str, value: Any) -> None:
    with pytest.raises(attio.ConfigurationError, match=field):
        attio.RateLimits(**{field: value})


@pytest.mark.parametrize("value", [{"reads_per_second": 1}, 100, "off", False])
@pytest.mark.parametrize("make", [attio.Client, attio.AsyncClient])
def test_rate_limits_must_be_rate_limits_or_none(make: Any, value: Any) -> None:
    with pytest.raises(attio.ConfigurationError, match="rate_limits"):
        make(API_KEY, rate_limits=value)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_rate_limits_none_never_waits(mock: MockAttio, kind: str) -> None:
    mock.replies.append(answer)
    if kind == "sync":
        client = mock.client(rate_limits=None)
        assert client._limiter is None
        for _ in range(300):
            client.request(REQUESTS["POST-create"]())
    else:
        aclient = mock.async_client(rate_limits=None)
        assert aclient._limiter is None
        await asyncio.gather(*(aclient.request(REQUESTS["POST-create"]()) for _ in range(300)))
    assert len(mock.requests) == 300
    assert mock.sleeps == []


# --------------------------------------------------------------------------- one bucket


def test_a_full_bucket_lets_a_burst_through_then_spaces_by_the_window() -> None:
    clock = Clock()
    bucket = TokenBucket(3, clock=clock)
    assert bucket.capacity == 3
    assert bucket.period == pytest.approx(WINDOW)
    assert [bucket.reserve() for _ in range(3)] == [0.0, 0.0, 0.0]
    # the fourth start waits until the first token is back, the fifth for the second
    assert bucket.reserve() == pytest.approx(WINDOW)
    assert bucket.reserve() == pytest.approx(WINDOW)
    clock.now += 0.5
    assert bucket.reserve() == pytest.approx(WINDOW - 0.5)
    assert bucket.reserve() == pytest.approx(2 * WINDOW - 0.5)


def test_tokens_come_back_after_the_window() -> None:
    clock = Clock()
    bucket = TokenBucket(2, clock=clock)
    assert [bucket.reserve(), bucket.reserve()] == [0.0, 0.0]
    clock.now += WINDOW
    assert [bucket.reserve(), bucket.reserve()] == [0.0, 0.0]
    clock.now += WINDOW / 2
    assert bucket.reserve() == pytest.approx(WINDOW / 2)
    clock.now += 100  # long idle: a full bucket again, nothing remembered
    assert [bucket.reserve(), bucket.reserve()] == [0.0, 0.0]
    assert len(bucket._starts) == 2


@pytest.mark.parametrize(
    ("rate", "capacity", "period"),
    [(100, 100, 1.0), (25, 25, 1.0), (2.5, 2, 1.0), (1, 1, 1.0), (0.5, 1, 2.0), (0.1, 1, 10.0)],
)
def test_rates_below_one_and_fractional_rates(rate: float, capacity: int, period: float) -> None:
    bucket = TokenBucket(rate, clock=Clock())
    assert bucket.capacity == capacity
    assert bucket.period == pytest.approx(period * WINDOW)
    # the sustained rate: whole requests per second, less the headroom
    sustained = int(rate) if rate >= 1 else rate
    assert bucket.capacity / bucket.period == pytest.approx(sustained / WINDOW)


@pytest.mark.parametrize("rate", [1, 3, 25, 100, 2.5, 0.5])
@pytest.mark.parametrize("seed", range(4))
def test_no_window_of_one_second_holds_more_starts_than_the_rate(rate: float, seed: int) -> None:
    # Requests arrive at random moments; each waits what reserve() says (virtual time).
    rng = random.Random(seed)
    clock = Clock(0.0)
    bucket = TokenBucket(rate, clock=clock)
    starts = []
    for _ in range(400):
        clock.now += rng.choice([0.0, 0.0, 0.001, rng.random() / rate])
        starts.append(clock.now + bucket.reserve())
    assert all(later >= earlier - 1e-9 for earlier, later in itertools.pairwise(starts))
    limit = max(1, math.floor(rate))
    for index, start in enumerate(starts):
        in_window = [s for s in starts[index:] if s < start + 1.0 - 1e-9]
        assert len(in_window) <= limit
    # and the sustained rate is the rate, less the headroom
    if rate >= 1:
        busy = TokenBucket(rate, clock=Clock(0.0))
        waits = [busy.reserve() for _ in range(10 * int(rate))]
        assert waits[-1] == pytest.approx(9 * busy.period)


def test_reserving_is_safe_from_many_threads() -> None:
    clock = Clock()
    bucket = TokenBucket(10, clock=clock)
    barrier = threading.Barrier(8)

    def take(_: int) -> list[float]:
        barrier.wait(timeout=10)
        return [bucket.reserve() for _ in range(25)]

    with ThreadPoolExecutor(8) as pool:
        waits = sorted(itertools.chain.from_iterable(pool.map(take, range(8))))
    # 200 starts, 10 per window, on a clock that stands still: 20 rounds of 10
    assert waits == [pytest.approx(WINDOW * (i // 10)) for i in range(200)]


# --------------------------------------------------------------------------- in the clients


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("method", list(REQUESTS))
async def test_reads_and_writes_take_from_their_own_bucket(
    mock: MockAttio, kind: str, method: str
) -> None:
    mock.replies.append(answer)
    client: attio.Client | attio.AsyncClient = (
        mock.client() if kind == "sync" else mock.async_client()
    )
    frozen(client, attio.RateLimits(reads_per_second=2, writes_per_second=1))
    for _ in range(3):
        if isinstance(client, attio.Client):
            client.request(REQUESTS[method]())
        else:
            await client.request(REQUESTS[method]())
    if method in READS:  # two reads a window: the third waits for the first token
        assert mock.sleeps == [pytest.approx(WINDOW)]
    else:  # one write a window
        assert mock.sleeps == [pytest.approx(WINDOW), pytest.approx(2 * WINDOW)]
    assert client._limiter is not None  # (each bucket remembers its last ``capacity`` starts)
    assert len(client._limiter.reads._starts) == (2 if method in READS else 0)
    assert len(client._limiter.writes._starts) == (0 if method in READS else 1)


def test_is_read_classification() -> None:
    assert [name for name, make in REQUESTS.items() if make().is_read] == list(READS)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_every_attempt_takes_a_token(mock: MockAttio, kind: str) -> None:
    mock.reply(503, {"code": "unavailable"})
    mock.reply(200, {"data": {"id": "t"}})
    client: attio.Client | attio.AsyncClient = (
        mock.client(retry_policy=attio.RetryPolicy(jitter=lambda: 0.0))
        if kind == "sync"
        else mock.async_client(retry_policy=attio.RetryPolicy(jitter=lambda: 0.0))
    )
    frozen(client, attio.RateLimits(reads_per_second=1))
    if isinstance(client, attio.Client):
        client.request(REQUESTS["GET"]())
    else:
        await client.request(REQUESTS["GET"]())
    # the backoff (0.25 with jitter 0), then the wait for the second read token
    assert mock.sleeps == [0.25, pytest.approx(WINDOW)]


def test_the_buckets_are_shared_by_the_threads_of_a_client(mock: MockAttio) -> None:
    lock = threading.Lock()

    def locked(request: httpx.Request) -> httpx.Response:
        with lock:
            return answer(request)

    mock.replies.append(locked)
    waits: list[float] = []
    client = attio.Client(
        API_KEY,
        http_client=httpx.Client(transport=httpx.MockTransport(mock)),
        sleep=waits.append,
    )
    frozen(client, attio.RateLimits(writes_per_second=5))
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda _: client.request(REQUESTS["POST-create"]()), range(32)))
    # 32 creates from 16 threads, 5 a window, the clock standing still: one queue for all
    assert sorted(waits) == [pytest.approx(WINDOW * (i // 5)) for i in range(5, 32)]


async def test_the_buckets_are_shared_by_the_tasks_of_an_async_client(mock: MockAttio) -> None:
    mock.replies.append(answer)
    aclient = mock.async_client()
    frozen(aclient, attio.RateLimits(writes_per_second=5))
    await asyncio.gather(*(aclient.request(REQUESTS["POST-create"]()) for _ in range(32)))
    assert sorted(mock.sleeps) == [pytest.approx(WINDOW * (i // 5)) for i in range(5, 32)]


async def test_a_task_cancelled_while_waiting_leaves_no_debt(mock: MockAttio) -> None:
    mock.replies.append(answer)
    gate = asyncio.Event()

    async def wait_forever(seconds: float) -> None:
        await gate.wait()

    aclient = attio.AsyncClient(
        API_KEY,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(mock)),
        sleep=wait_forever,
    )
    clock = frozen(aclient, attio.RateLimits(reads_per_second=1))
    await aclient.request(REQUESTS["GET"]())  # the one token
    waiting = asyncio.ensure_future(aclient.request(REQUESTS["GET"]()))
    await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert len(mock.requests) == 1  # the cancelled request was never sent
    clock.now += 10 * WINDOW  # long after: the bucket is full again
    await aclient.request(REQUESTS["GET"]())
    assert len(mock.requests) == 2


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_each_client_has_its_own_buckets(mock: MockAttio, kind: str) -> None:
    mock.replies.append(answer)
    limits = attio.RateLimits(reads_per_second=1)
    for _ in range(3):  # a fresh client each time: a fresh, full bucket
        await send_request(mock, kind, REQUESTS["GET"](), rate_limits=limits)
    assert mock.sleeps == []


def test_the_resources_read_only_posts_are_reads() -> None:
    def built(model: Any, name: str, *args: Any, **kwargs: Any) -> Request[Any]:
        made = vars(model)[name].build(*args, **kwargs)
        return made if isinstance(made, Request) else made.request

    assert built(attio.Record, "list", "people").is_read
    assert built(attio.Record, "stream", "people").is_read
    assert built(attio.Entry, "list", "sales").is_read
    assert built(attio.Record, "search", "ada", objects=["people"]).is_read
    assert built(attio.Record, "get", "people", "r1").is_read
    assert not built(attio.Record, "create", "people", {"name": "Ada"}).is_read
    assert not built(attio.Record, "delete", "people", "r1").is_read
    assert not built(
        attio.Note, "create", parent_object="people", parent_record_id="r1", title="t", content="c"
    ).is_read
