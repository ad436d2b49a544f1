"""Pages fetched ahead by ``stream``/``stream_all`` (issue 10, item 4): order, exactness,
bounded over-fetch, concurrency (threads for ``Client``, tasks for ``AsyncClient``), early
stop cancelling what is in flight, the memory bound, and the ``prefetch`` option.

Scripted servers answer by the offset asked for (requests fetched ahead arrive in any order);
nothing sleeps: concurrency is shown with barriers and events, never with timing.
"""

from __future__ import annotations

import asyncio
import gc
import json
import threading
import weakref
from collections.abc import AsyncGenerator, Callable
from typing import Any

import httpx
import pytest

import attio
import attio._client as client_module
from attio import PagedRequest, Paging, Request
from attio._pagination import RawPage
from attio._parsing import parse_page
from tests.conftest import API_KEY, CLIENT_KINDS

TOTAL = 40


class Item(attio.AttioModel):
    n: int


def page_body(items: range | list[int]) -> bytes:
    return json.dumps({"data": [{"n": n} for n in items]}).encode()


def offset_of(request: httpx.Request) -> tuple[int, int]:
    if request.method == "POST":
        body = json.loads(request.content)
        return int(body.get("offset", 0)), int(body.get("limit", 500))
    params = request.url.params
    return int(params.get("offset", 0)), int(params.get("limit", 10))


class Server:
    """Offset pages of ``range(total)``, answered by the offset asked for; thread-safe."""

    def __init__(self, total: int = TOTAL, extra: int = 0) -> None:
        self.total = total
        self.extra = extra  # items beyond the limit on each page (a server that ignores it)
        self.lock = threading.Lock()
        self.offsets: list[int] = []

    def answer(self, request: httpx.Request) -> httpx.Response:
        offset, limit = offset_of(request)
        with self.lock:
            self.offsets.append(offset)
        return httpx.Response(
            200, content=page_body(range(offset, min(offset + limit + self.extra, self.total)))
        )

    def __call__(self, request: httpx.Request) -> httpx.Response:
        return self.answer(request)


def records_query(limit: int | None, default_limit: int | None = None) -> PagedRequest[Item]:
    body: dict[str, Any] = {"filter": {}}
    if limit is not None:
        body["limit"] = limit
    request: Request[RawPage[Item]] = Request(
        "POST", "/v2/objects/people/records/query", parse_page(Item), json=body, retry_safe=True
    )
    return PagedRequest(request, Paging("body_offset", default_limit))


def notes(limit: int) -> PagedRequest[Item]:
    return PagedRequest(
        Request("GET", "/v2/notes", parse_page(Item), params={"limit": limit}),
        Paging("query_offset", 10),
    )


def sync_client(handler: Callable[[httpx.Request], httpx.Response], **kwargs: Any) -> attio.Client:
    return attio.Client(
        API_KEY,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        sleep=lambda seconds: None,
        rate_limits=None,
        **kwargs,
    )


def async_client(handler: Any, **kwargs: Any) -> attio.AsyncClient:
    async def no_sleep(seconds: float) -> None:
        pass

    return attio.AsyncClient(
        API_KEY,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        sleep=no_sleep,
        rate_limits=None,
        **kwargs,
    )


async def collect(kind: str, server: Any, paged: PagedRequest[Item], **kwargs: Any) -> list[int]:
    if kind == "sync":
        with sync_client(server, **kwargs) as client:
            return [item.n for item in client.stream(paged)]
    async with async_client(server, **kwargs) as aclient:
        return [item.n async for item in aclient.stream(paged)]


# --------------------------------------------------------------------------- order and exactness


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("prefetch", [1, 2, 3, 4, 8])
@pytest.mark.parametrize("size", [1, 3, 4, 7, 10, 40, 41])
async def test_every_item_once_in_order_with_bounded_over_fetch(
    kind: str, prefetch: int, size: int
) -> None:
    server = Server()
    assert await collect(kind, server, records_query(size), prefetch=prefetch) == list(range(TOTAL))
    needed = TOTAL // size + 1  # the last page is short, or empty after an exactly full one
    assert needed <= len(server.offsets) <= needed + prefetch - 1
    assert sorted(server.offsets) == [size * i for i in range(len(server.offsets))]
    if prefetch == 1:
        assert server.offsets == [size * i for i in range(needed)]  # one after another


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_short_walks_send_exactly_the_requests_of_a_sequential_walk(kind: str) -> None:
    # The window opens gradually: the first two pages only overlap (the next page while this
    # one is handed out), so a walk of up to three pages guesses nothing past its end.
    for pages in (1, 2, 3):
        server = Server(total=5 * pages - 2)
        items = await collect(kind, server, records_query(5), prefetch=4)
        assert items == list(range(5 * pages - 2))
        assert sorted(server.offsets) == [5 * i for i in range(pages)]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_server_sending_more_than_the_limit_is_still_followed_exactly(kind: str) -> None:
    # Pages of limit + 2 items: the guessed offsets are wrong, the stream notices, drops them
    # and goes on from the offset the page really ended at.
    server = Server(total=60, extra=2)
    assert await collect(kind, server, records_query(4), prefetch=4) == list(range(60))


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_unknown_page_size_only_overlaps(kind: str) -> None:
    server = Server(total=35)  # query_offset without a limit: the server's 10 a page
    paged: PagedRequest[Item] = PagedRequest(
        Request("GET", "/v2/tasks", parse_page(Item)), Paging("query_offset", None)
    )
    assert await collect(kind, server, paged, prefetch=4) == list(range(35))
    assert server.offsets == [0, 10, 20, 30, 35]  # exactly a sequential walk's requests


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_query_offset_pages_are_fetched_ahead_too(kind: str) -> None:
    server = Server(total=95)
    assert await collect(kind, server, notes(10), prefetch=3) == list(range(95))
    assert 10 <= len(server.offsets) <= 12


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_an_error_page_is_raised_in_its_turn(kind: str) -> None:
    def failing(request: httpx.Request) -> httpx.Response:
        offset, limit = offset_of(request)
        if offset == 30:
            return httpx.Response(404, json={"code": "not_found", "message": "gone"})
        return httpx.Response(200, content=page_body(range(offset, offset + limit)))

    seen: list[int] = []
    with pytest.raises(attio.NotFoundError):  # noqa: PT012
        if kind == "sync":
            with sync_client(failing, prefetch=4) as client:
                seen.extend(item.n for item in client.stream(records_query(5)))
        else:
            async with async_client(failing, prefetch=4) as aclient:
                async for item in aclient.stream(records_query(5)):
                    seen.append(item.n)
    assert seen == list(range(30))  # every item before the failed page, once, in order


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_errors_past_the_end_are_never_raised(kind: str) -> None:
    def ends_badly(request: httpx.Request) -> httpx.Response:
        offset, limit = offset_of(request)
        if offset > 32:  # (32 is the empty page that ends the data)
            return httpx.Response(500, json={"code": "past_the_end"})
        return httpx.Response(200, content=page_body(range(offset, min(offset + limit, 32))))

    assert await collect(kind, ends_badly, records_query(4), prefetch=4, max_retries=0) == list(
        range(32)
    )


# --------------------------------------------------------------------------- concurrency


def test_sync_pages_are_fetched_by_concurrent_threads() -> None:
    # Pages 4.. block at a barrier of four parties: the stream gets through only if four
    # requests are in flight at once (a sequential walk would fail at the barrier).
    barrier = threading.Barrier(4, timeout=10)
    threads: set[str] = set()
    server = Server(total=200)

    def handler(request: httpx.Request) -> httpx.Response:
        offset, _ = offset_of(request)
        threads.add(threading.current_thread().name)
        if 40 <= offset < 200:
            barrier.wait()
        return server.answer(request)

    with sync_client(handler, prefetch=4) as client:
        assert [item.n for item in client.stream(records_query(10))] == list(range(200))
    assert any(name.startswith("attio-prefetch") for name in threads)
    assert 21 <= len(server.offsets) <= 24


async def test_async_pages_are_fetched_by_concurrent_tasks() -> None:
    in_flight = 0
    most = 0
    released = asyncio.Event()
    server = Server(total=200)

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, most
        offset, _ = offset_of(request)
        in_flight += 1
        most = max(most, in_flight)
        if in_flight >= 4:
            released.set()
        if 40 <= offset < 160:
            await released.wait()  # only four requests in flight at once let these through
        in_flight -= 1
        return server.answer(request)

    async with async_client(handler, prefetch=4) as aclient:
        items = [item.n async for item in aclient.stream(records_query(10))]
    assert items == list(range(200))
    assert most == 4  # prefetch bounds what is in flight


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_prefetch_bounds_the_requests_in_flight(kind: str) -> None:
    in_flight = 0
    most = 0
    lock = threading.Lock()
    server = Server(total=300)

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        try:
            return server.answer(request)
        finally:
            with lock:
                in_flight -= 1

    assert await collect(kind, handler, records_query(5), prefetch=3) == list(range(300))
    assert most <= 3


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_cursor_pages_overlap_one_ahead(kind: str) -> None:
    asked: list[str | None] = []
    second_asked = threading.Event()

    def cursors(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("cursor")
        asked.append(cursor)
        if cursor == "5":
            second_asked.set()
        start = int(cursor or 0)
        end = start + 5
        following = str(end) if end < 23 else None
        body = {"data": [{"n": n} for n in range(start, min(end, 23))]}
        return httpx.Response(200, json={**body, "pagination": {"next_cursor": following}})

    paged: PagedRequest[Item] = PagedRequest(
        Request("GET", "/v2/meetings", parse_page(Item), params={"limit": 5}), Paging("cursor", 50)
    )
    if kind == "sync":
        with sync_client(cursors, prefetch=4) as client:
            stream = client.stream(paged)
            assert next(stream).n == 0
            # the next page is on its way while page 1 is read (a worker thread asks for it)
            assert second_asked.wait(timeout=10)
            rest = [item.n for item in stream]
    else:
        async with async_client(cursors, prefetch=4) as aclient:
            astream = aclient.stream(paged)
            assert (await astream.__anext__()).n == 0
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            assert asked == [None, "5"]  # the next page is on its way while page 1 is read
            rest = [item.n async for item in astream]
    assert rest == list(range(1, 23))
    assert asked == [None, "5", "10", "15", "20"]  # never more than the cursors given


# --------------------------------------------------------------------------- early stop


def test_sync_early_stop_starts_nothing_new_and_drops_what_is_in_flight() -> None:
    gate = threading.Event()
    server = Server(total=1000)
    started: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        offset, _ = offset_of(request)
        started.append(offset)
        if offset >= 40:
            assert gate.wait(timeout=10)
        return server.answer(request)

    client = sync_client(handler, prefetch=4)
    taken = []
    for item in client.stream(records_query(10)):
        taken.append(item.n)
        if item.n == 25:
            break  # pages 40.. are in flight, held at the gate
    assert taken == list(range(26))
    in_flight_at_stop = len(started)
    assert in_flight_at_stop <= 3 + 4  # pages 0-2, and at most ``prefetch`` ahead
    gate.set()  # let the requests in flight finish: their answers are dropped
    for thread in threading.enumerate():
        if thread.name.startswith("attio-prefetch"):
            thread.join(timeout=10)
    assert len(started) == in_flight_at_stop  # nothing new was started after the stop
    client.close()


async def test_async_early_stop_cancels_the_tasks_in_flight() -> None:
    cancelled: list[int] = []
    started: list[int] = []
    server = Server(total=1000)
    never = asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        offset, _ = offset_of(request)
        started.append(offset)
        if offset >= 40:
            try:
                await never.wait()
            except asyncio.CancelledError:
                cancelled.append(offset)
                raise
        return server.answer(request)

    async with async_client(handler, prefetch=4) as aclient:
        stream = aclient.stream(records_query(10))
        taken = []
        async for item in stream:
            taken.append(item.n)
            if item.n == 25:
                break
        assert isinstance(stream, AsyncGenerator)
        await stream.aclose()  # what ``async for`` leaves to the event loop's finalizer
        for _ in range(5):
            await asyncio.sleep(0)
    assert taken == list(range(26))
    assert started  # pages 40.. were in flight
    assert sorted(cancelled) == sorted(offset for offset in started if offset >= 40)
    assert len(started) <= 3 + 4


async def test_async_stream_left_unclosed_is_cancelled_by_the_finalizer() -> None:
    cancelled: list[int] = []
    never = asyncio.Event()
    server = Server(total=1000)

    async def handler(request: httpx.Request) -> httpx.Response:
        offset, _ = offset_of(request)
        if offset >= 40:
            try:
                await never.wait()
            except asyncio.CancelledError:
                cancelled.append(offset)
                raise
        return server.answer(request)

    async with async_client(handler, prefetch=4) as aclient:
        async for item in aclient.stream(records_query(10)):
            if item.n == 25:
                break
        for _ in range(10):
            gc.collect()
            await asyncio.sleep(0)
    assert cancelled  # the generator's finalizer closed it: the tasks were cancelled


# --------------------------------------------------------------------------- memory


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_pages_handed_out_are_let_go(kind: str) -> None:
    server = Server(total=400)
    refs: list[weakref.ref[Item]] = []
    seen = 0

    def check(item: Item) -> None:
        nonlocal seen
        seen += 1
        if item.n < 10:
            refs.append(weakref.ref(item))
        if item.n == 300:  # many pages later: page 1's items are gone
            gc.collect()
            assert [ref() for ref in refs] == [None] * 10

    if kind == "sync":
        with sync_client(server, prefetch=4) as client:
            for item in client.stream(records_query(10)):
                check(item)
    else:
        async with async_client(server, prefetch=4) as aclient:
            async for item in aclient.stream(records_query(10)):
                check(item)
    assert seen == 400


def test_bodies_are_freed_without_the_cyclic_collector() -> None:
    # httpx ties each response to its stream in a reference cycle; once a page is parsed the
    # client breaks it, so a page's body goes with its last reference, collector or not.
    responses: list[weakref.ref[httpx.Response]] = []
    server = Server(total=100)
    http = httpx.Client(
        transport=httpx.MockTransport(server),
        event_hooks={"response": [lambda response: responses.append(weakref.ref(response))]},
    )
    client = attio.Client(API_KEY, http_client=http, rate_limits=None, prefetch=4)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        assert [item.n for item in client.stream(records_query(10))] == list(range(100))
        alive = [ref for ref in responses if ref() is not None]
    finally:
        if was_enabled:
            gc.enable()
    assert len(responses) >= 11
    assert alive == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_large_pages_are_not_fetched_ahead(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pages bigger than the read-ahead budget: one page after another, as with prefetch=1.
    monkeypatch.setattr(client_module, "PREFETCH_BYTES", 100)
    server = Server(total=50)
    log: list[str] = []
    original = server.answer

    def handler(request: httpx.Request) -> httpx.Response:
        log.append(f"request {offset_of(request)[0]}")
        return original(request)

    paged = records_query(10)
    if kind == "sync":
        with sync_client(handler, prefetch=4) as client:
            for item in client.stream(paged):
                log.append(f"item {item.n}")
    else:
        async with async_client(handler, prefetch=4) as aclient:
            async for item in aclient.stream(paged):
                log.append(f"item {item.n}")
    # each request comes only after the previous page's last item was handed out
    for index, entry in enumerate(log):
        if entry.startswith("request ") and entry != "request 0":
            offset = int(entry.split()[1])
            assert log[index - 1] == f"item {offset - 1}"


# --------------------------------------------------------------------------- the option


@pytest.mark.parametrize("value", [0, -1, True, 1.5, "4", None])
@pytest.mark.parametrize("make", [attio.Client, attio.AsyncClient])
def test_bad_prefetch_is_a_configuration_error(make: Any, value: Any) -> None:
    with pytest.raises(attio.ConfigurationError, match="prefetch"):
        make(API_KEY, prefetch=value)


def test_prefetch_default_and_repr() -> None:
    client = attio.Client(API_KEY)
    assert client.prefetch == 4
    assert "prefetch=4" in repr(client)
    assert attio.AsyncClient(API_KEY, prefetch=1).prefetch == 1


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_stream_all_of_a_resource_prefetches(kind: str) -> None:
    records = Server(total=230)

    def handler(request: httpx.Request) -> httpx.Response:
        offset, limit = offset_of(request)
        with records.lock:
            records.offsets.append(offset)
        data = [
            {
                "id": {"workspace_id": "w", "object_id": "o", "record_id": f"r{n}"},
                "created_at": "2025-01-02T03:04:05.000000000Z",
                "values": {},
            }
            for n in range(offset, min(offset + limit, 230))
        ]
        return httpx.Response(200, json={"data": data})

    if kind == "sync":
        with sync_client(handler) as client:
            got = attio.Record.stream_all(client, "people", page_size=20)
    else:
        async with async_client(handler) as aclient:
            got = await attio.Record.stream_all_async(aclient, "people", page_size=20)
    assert [r.id.record_id for r in got] == [f"r{n}" for n in range(230)]
    assert 12 <= len(records.offsets) <= 12 + 3


def test_sync_early_stop_sends_nothing_a_worker_was_still_waiting_to_send() -> None:
    # Workers held back by the rate limit (a token, then a gate) when the loop is left: once
    # released they send nothing.
    from attio._ratelimit import RateLimiter

    gate = threading.Event()
    server = Server(total=1000)
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        assert gate.wait(timeout=10)

    client = attio.Client(
        API_KEY,
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
        sleep=sleep,
        prefetch=4,
    )
    client._limiter = RateLimiter(attio.RateLimits(reads_per_second=3), clock=lambda: 0.0)
    for item in client.stream(records_query(10)):
        if item.n == 25:
            break  # pages 30 and 40 are waiting for a token
    gate.set()
    for thread in threading.enumerate():
        if thread.name.startswith("attio-prefetch"):
            thread.join(timeout=10)
    assert sorted(server.offsets) == [0, 10, 20]  # the three tokens; nothing after the stop
    assert waits  # the workers did wait
    client.close()
