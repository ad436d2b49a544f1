"""The paging core, sync and async: offset in the body, offset in the query, cursor."""

from __future__ import annotations

import gc
import json
import weakref
from typing import Any

import httpx
import pytest

import attio
from attio import Page, PagedRequest, Paging, Request
from attio._pagination import RawPage
from attio._parsing import parse_page
from tests.conftest import CLIENT_KINDS, MockAttio

ITEMS = list(range(23))


class Item(attio.AttioModel):
    n: int


def page_of(items: list[int], **extra: Any) -> httpx.Response:
    return httpx.Response(200, json={"data": [{"n": n} for n in items], **extra})


# --------------------------------------------------------------------------- scripted servers


def body_offset_server(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    limit, offset = body.get("limit", 500), body.get("offset", 0)
    return page_of(ITEMS[offset : offset + limit])


def query_offset_server(request: httpx.Request) -> httpx.Response:
    params = request.url.params
    limit, offset = int(params.get("limit", 10)), int(params.get("offset", 0))
    return page_of(ITEMS[offset : offset + limit])


def cursor_server(request: httpx.Request) -> httpx.Response:
    params = request.url.params
    limit = int(params.get("limit", 50))
    start = int(params["cursor"].removeprefix("c")) if "cursor" in params else 0
    end = start + limit
    cursor = f"c{end}" if end < len(ITEMS) else None
    return page_of(ITEMS[start:end], pagination={"next_cursor": cursor})


def paged(style: str, *, limit: int | None, default_limit: int | None = None) -> PagedRequest[Item]:
    parse = parse_page(Item)
    if style == "body_offset":
        body: dict[str, Any] = {"filter": {"name": "x"}, "sorts": []}
        if limit is not None:
            body["limit"] = limit
        request: Request[RawPage[Item]] = Request(
            "POST", "/v2/objects/people/records/query", parse, json=body, retry_safe=True
        )
        return PagedRequest(request, Paging("body_offset", default_limit))
    params: dict[str, Any] = {"keep": "me"}
    if limit is not None:
        params["limit"] = limit
    path = "/v2/notes" if style == "query_offset" else "/v2/meetings"
    return PagedRequest(
        Request("GET", path, parse, params=params),
        Paging(style, default_limit),  # type: ignore[arg-type]
    )


SERVERS = {
    "body_offset": body_offset_server,
    "query_offset": query_offset_server,
    "cursor": cursor_server,
}


async def collect(
    mock: MockAttio, kind: str, request: PagedRequest[Item], *, prefetch: int = 1
) -> list[int]:
    """Every item of ``request``'s stream (``prefetch=1``: pages one after another, so that
    the requests can be counted exactly; tests/test_prefetch.py covers fetching ahead)."""
    if kind == "sync":
        with mock.client(prefetch=prefetch) as client:
            return [item.n for item in client.stream(request)]
    async with mock.async_client(prefetch=prefetch) as aclient:
        return [item.n async for item in aclient.stream(request)]


def sent_position(mock: MockAttio, style: str, index: int) -> Any:
    if style == "body_offset":
        return mock.body(index).get("offset")
    if style == "cursor":
        return mock.query(index).get("cursor")
    offset = mock.query(index).get("offset")
    return None if offset is None else int(offset)


# --------------------------------------------------------------------------- every style


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("style", list(SERVERS))
@pytest.mark.parametrize("size", [1, 5, 7, 23, 50])
@pytest.mark.parametrize("prefetch", [1, 4])
async def test_stream_gives_every_item_once_in_order(
    mock: MockAttio, kind: str, style: str, size: int, prefetch: int
) -> None:
    mock.replies.append(SERVERS[style])
    assert await collect(mock, kind, paged(style, limit=size), prefetch=prefetch) == ITEMS
    full_pages, rest = divmod(len(ITEMS), size)
    if style == "cursor":  # ends on a null cursor
        expected_requests = full_pages + (1 if rest else 0)
    else:  # ends on a short page, or on an empty one after an exactly full one
        expected_requests = full_pages + 1
    if prefetch == 1 or style == "cursor":  # cursor pages are never guessed ahead
        assert len(mock.requests) == expected_requests
    else:  # offset pages fetched ahead: at most prefetch - 1 requests past the end
        assert expected_requests <= len(mock.requests) <= expected_requests + prefetch - 1
    sent = [sent_position(mock, style, i) for i in range(len(mock.requests))]
    positions = sorted(sent, key=lambda p: -1 if p is None else int(str(p).lstrip("c")))
    assert len(set(positions)) == len(positions)  # no page asked for twice
    if style == "cursor":
        assert positions == [None] + [f"c{size * i}" for i in range(1, expected_requests)]
    else:
        assert positions == [None] + [size * i for i in range(1, len(mock.requests))]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_body_offset_keeps_the_rest_of_the_body(mock: MockAttio, kind: str) -> None:
    mock.replies.append(body_offset_server)
    await collect(mock, kind, paged("body_offset", limit=10))
    assert [mock.body(i) for i in range(3)] == [
        {"filter": {"name": "x"}, "sorts": [], "limit": 10},
        {"filter": {"name": "x"}, "sorts": [], "limit": 10, "offset": 10},
        {"filter": {"name": "x"}, "sorts": [], "limit": 10, "offset": 20},
    ]
    assert {r.method for r in mock.requests} == {"POST"}
    assert all(r.url.params == httpx.QueryParams() for r in mock.requests)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("style", ["query_offset", "cursor"])
async def test_query_styles_keep_the_other_params(mock: MockAttio, kind: str, style: str) -> None:
    mock.replies.append(SERVERS[style])
    await collect(mock, kind, paged(style, limit=10))
    for i in range(len(mock.requests)):
        query = mock.query(i)
        assert query["keep"] == "me"
        assert query["limit"] == "10"
        assert mock.requests[i].content == b""


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_default_limit_ends_on_a_short_page_without_sending_limit(
    mock: MockAttio, kind: str
) -> None:
    mock.replies.append(body_offset_server)  # Attio's default page is 500
    request = paged("body_offset", limit=None, default_limit=500)
    assert await collect(mock, kind, request) == ITEMS
    assert len(mock.requests) == 1
    assert "limit" not in mock.body()


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_unknown_page_size_ends_on_an_empty_page(mock: MockAttio, kind: str) -> None:
    mock.replies.append(query_offset_server)  # serves 10 a page; the client does not know it
    assert await collect(mock, kind, paged("query_offset", limit=None)) == ITEMS
    assert [mock.query(i).get("offset") for i in range(4)] == [None, "10", "20", "23"]
    assert len(mock.requests) == 4


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("style", list(SERVERS))
async def test_empty_first_page(mock: MockAttio, kind: str, style: str) -> None:
    mock.replies.append(page_of([], pagination={"next_cursor": None}))
    assert await collect(mock, kind, paged(style, limit=5)) == []
    assert len(mock.requests) == 1


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_cursor_page_without_pagination_ends(mock: MockAttio, kind: str) -> None:
    mock.replies.append(page_of([1, 2]))
    assert await collect(mock, kind, paged("cursor", limit=2)) == [1, 2]
    assert len(mock.requests) == 1


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_cursor_repeated_at_once_does_not_loop(mock: MockAttio, kind: str) -> None:
    mock.replies.append(page_of([1], pagination={"next_cursor": "same"}))
    mock.replies.append(page_of([1], pagination={"next_cursor": "same"}))
    assert await collect(mock, kind, paged("cursor", limit=1)) == [1, 1]
    assert len(mock.requests) == 2


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_cursor_cycle_does_not_loop(mock: MockAttio, kind: str) -> None:
    def cycling(request: httpx.Request) -> httpx.Response:
        if len(mock.requests) > 10:
            raise AssertionError("the stream is looping over the same cursors")
        cursor = request.url.params.get("cursor")
        following = {None: "A", "A": "B", "B": "A"}[cursor]
        return page_of([len(mock.requests)], pagination={"next_cursor": following})

    mock.replies.append(cycling)
    seen: list[int] = []
    with pytest.raises(attio.PaginationError, match="GET /v2/meetings") as caught:  # noqa: PT012
        if kind == "sync":
            seen.extend(item.n for item in mock.client().stream(paged("cursor", limit=1)))
        else:
            async for item in mock.async_client().stream(paged("cursor", limit=1)):
                seen.append(item.n)
    # Every page's items were handed out before the cycle was refused; nothing was repeated.
    assert seen == [1, 2, 3]
    assert caught.value.endpoint == "GET /v2/meetings"
    assert [mock.query(i).get("cursor") for i in range(3)] == [None, "A", "B"]
    assert len(mock.requests) == 3


# --------------------------------------------------------------------------- laziness and memory


def test_sync_stream_is_lazy_and_holds_one_page(mock: MockAttio) -> None:
    # One after another (prefetch=1); tests/test_prefetch.py bounds what fetching ahead holds.
    mock.replies.append(body_offset_server)
    stream = mock.client(prefetch=1).stream(paged("body_offset", limit=5))
    assert mock.requests == []  # nothing before the first item is asked for
    first_page_refs = []
    for expected in range(5):
        item = next(stream)
        assert item.n == expected
        first_page_refs.append(weakref.ref(item))
        assert len(mock.requests) == 1  # page 2 not fetched while page 1 is consumed
    del item
    assert next(stream).n == 5
    assert len(mock.requests) == 2
    gc.collect()
    assert [ref() for ref in first_page_refs] == [None] * 5  # page 1 was let go
    assert [i.n for i in stream] == ITEMS[6:]


async def test_async_stream_is_lazy_and_holds_one_page(mock: MockAttio) -> None:
    mock.replies.append(cursor_server)
    stream = mock.async_client(prefetch=1).stream(paged("cursor", limit=5))
    assert mock.requests == []
    first_page_refs = []
    for expected in range(5):
        item = await stream.__anext__()
        assert item.n == expected
        first_page_refs.append(weakref.ref(item))
        assert len(mock.requests) == 1
    del item
    assert (await stream.__anext__()).n == 5
    assert len(mock.requests) == 2
    gc.collect()
    assert [ref() for ref in first_page_refs] == [None] * 5
    assert [i.n async for i in stream] == ITEMS[6:]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_breaking_early_fetches_no_more(mock: MockAttio, kind: str) -> None:
    # One after another (prefetch=1); tests/test_prefetch.py covers stopping while fetching ahead.
    mock.replies.append(query_offset_server)
    request = paged("query_offset", limit=5)
    taken: list[int] = []
    if kind == "sync":
        for item in mock.client(prefetch=1).stream(request):
            taken.append(item.n)
            if len(taken) == 7:
                break
    else:
        async for item in mock.async_client(prefetch=1).stream(request):
            taken.append(item.n)
            if len(taken) == 7:
                break
    assert taken == ITEMS[:7]
    assert len(mock.requests) == 2


# --------------------------------------------------------------------------- Page


def test_page_next_page_sync(mock: MockAttio) -> None:
    mock.replies.append(cursor_server)
    client = mock.client()
    page = client.fetch_page(paged("cursor", limit=10))
    assert isinstance(page, Page)
    seen = [i.n for i in page]
    assert page.next_cursor == "c10"
    assert page.has_next_page()
    while (following := page.next_page()) is not None:
        page = following
        seen += [i.n for i in page.data]
    assert seen == ITEMS
    assert not page.has_next_page()
    assert page.next_cursor is None
    assert page.next_request is None
    assert len(mock.requests) == 3
    orphan = Page[Any]([1], next_request=paged("cursor", limit=1), client=mock.async_client())
    with pytest.raises(TypeError, match="next_page_async"):
        orphan.next_page()
    assert len(mock.requests) == 3


async def test_page_next_page_async(mock: MockAttio) -> None:
    mock.replies.append(body_offset_server)
    aclient = mock.async_client()
    page = await aclient.fetch_page(paged("body_offset", limit=10))
    seen = [i.n for i in page]
    assert page.next_cursor is None
    while (following := await page.next_page_async()) is not None:
        page = following
        seen += [i.n for i in page]
    assert seen == ITEMS
    assert len(mock.requests) == 3
    orphan = Page[Any]([1], next_request=paged("body_offset", limit=1), client=mock.client())
    with pytest.raises(TypeError, match="AsyncClient"):
        await orphan.next_page_async()


def test_page_is_a_plain_sequence() -> None:
    page = Page([Item(n=1), Item(n=2)], next_cursor="c")
    assert len(page) == 2
    assert page[1].n == 2
    assert [i.n for i in page] == [1, 2]
    assert page == Page([Item(n=1), Item(n=2)], next_cursor="c")
    assert page != Page([Item(n=1)], next_cursor="c")
    assert "2 items" in repr(page)
    assert page.next_page() is None  # no next request: the end, no client needed


async def test_last_page_next_page_async_is_none() -> None:
    assert await Page([Item(n=1)]).next_page_async() is None


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_iter_pages(mock: MockAttio, kind: str) -> None:
    mock.replies.append(query_offset_server)
    request = paged("query_offset", limit=10)
    if kind == "sync":
        sizes = [len(p) for p in mock.client().iter_pages(request)]
    else:
        sizes = [len(p) async for p in mock.async_client().iter_pages(request)]
    assert sizes == [10, 10, 3]


# --------------------------------------------------------------------------- PagedRequest


def test_paged_request_helpers() -> None:
    request = paged("query_offset", limit=None, default_limit=10)
    assert request.limit == 10
    assert request.with_limit(None) is request
    assert request.with_limit(25).limit == 25
    third = request.offset_at(2)
    assert third.request.params == {"keep": "me", "offset": 20, "limit": 10}
    body = paged("body_offset", limit=4).offset_at(3)
    assert body.request.json["offset"] == 12
    with pytest.raises(ValueError, match="cursor"):
        paged("cursor", limit=5).offset_at(1)
    with pytest.raises(ValueError, match="page size"):
        paged("query_offset", limit=None).offset_at(1)
    # the original request is untouched (values are immutable)
    assert request.request.params == {"keep": "me"}


def test_next_rules() -> None:
    offset = paged("query_offset", limit=3)
    assert offset.next(RawPage([Item(n=1)] * 3)) is not None
    assert offset.next(RawPage([Item(n=1)] * 2)) is None
    assert offset.next(RawPage([])) is None
    cursor = paged("cursor", limit=3)
    assert cursor.next(RawPage([Item(n=1)] * 3, None)) is None
    assert cursor.next(RawPage([Item(n=1)] * 3, "")) is None
    following = cursor.next(RawPage([Item(n=1)], "abc"))
    assert following is not None
    assert following.request.params is not None
    assert following.request.params["cursor"] == "abc"
