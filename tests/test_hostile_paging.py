"""Paging always ends (API.md §6): a server that repeats a page, a cursor cycle or an endless
run of empty pages raises ``attio.PaginationError`` naming the endpoint, within a bounded number
of requests, through ``stream``, ``stream_all`` and ``Page.next_page`` alike."""

from __future__ import annotations

import itertools
import json
from typing import Any

import httpx
import pytest

import attio
from attio._pagination import MAX_EMPTY_RUN
from tests.bodies import full
from tests.conftest import CLIENT_KINDS

MAX_REQUESTS = 20


def record(n: int) -> dict[str, Any]:
    return full("Record", id={"workspace_id": "w", "object_id": "o", "record_id": f"r{n}"})


def note(n: int) -> dict[str, Any]:
    return full("Note", id={"workspace_id": "w", "note_id": f"n{n}"})


def meeting(n: int) -> dict[str, Any]:
    return full("Meeting", id={"workspace_id": "w", "meeting_id": f"m{n}"})


class Server:
    """A scripted Attio that counts requests and refuses to go on for ever."""

    def __init__(self, answer: Any) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if len(self.requests) > MAX_REQUESTS:
            raise AssertionError("the client is looping")
        return httpx.Response(200, json=self.answer(request, len(self.requests)))


def ignores_offset(make: Any, size: int) -> Server:
    return Server(lambda request, n: {"data": [make(i) for i in range(size)]})


def cursor_cycle() -> Server:
    following = {None: "A", "A": "B", "B": "A"}

    def answer(request: httpx.Request, n: int) -> Any:
        cursor = request.url.params.get("cursor")
        return {"data": [meeting(n)], "pagination": {"next_cursor": following[cursor]}}

    return Server(answer)


def endless_empty() -> Server:
    counter = itertools.count()
    return Server(
        lambda request, n: {"data": [], "pagination": {"next_cursor": f"fresh{next(counter)}"}}
    )


async def consume(kind: str, server: Server, call: str, *, prefetch: int = 1) -> list[Any]:
    """Run ``call`` against ``server``; return the items handed out before the error.

    ``prefetch=1`` (pages one after another) unless a test says otherwise, so that requests
    can be counted exactly.
    """
    got: list[Any] = []
    transport = httpx.MockTransport(server)
    if kind == "sync":
        client = attio.Client(
            api_key="k", http_client=httpx.Client(transport=transport), prefetch=prefetch
        )
        if call == "records":
            got.extend(attio.Record.stream(client, "people", page_size=2))
        elif call == "notes":
            got.extend(attio.Note.stream(client, page_size=3))
        elif call == "meetings":
            got.extend(attio.Meeting.stream(client))
        elif call == "records-all":
            got.extend(attio.Record.stream_all(client, "people", page_size=2))
        else:
            page: attio.Page[Any] | None = attio.Record.list(client, "people", limit=2)
            while page is not None:
                got.extend(page.data)
                page = page.next_page()
        return got
    aclient = attio.AsyncClient(
        api_key="k", http_client=httpx.AsyncClient(transport=transport), prefetch=prefetch
    )
    if call == "records":
        async for a_record in attio.Record.stream_async(aclient, "people", page_size=2):
            got.append(a_record)
    elif call == "notes":
        async for a_note in attio.Note.stream_async(aclient, page_size=3):
            got.append(a_note)
    elif call == "meetings":
        async for a_meeting in attio.Meeting.stream_async(aclient):
            got.append(a_meeting)
    elif call == "records-all":
        got.extend(await attio.Record.stream_all_async(aclient, "people", page_size=2))
    else:
        apage: attio.Page[Any] | None = await attio.Record.list_async(aclient, "people", limit=2)
        while apage is not None:
            got.extend(apage.data)
            apage = await apage.next_page_async()
    return got


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("call", ["records", "records-all", "next_page"])
@pytest.mark.parametrize("prefetch", [1, 4])
async def test_a_server_that_ignores_offset_in_the_body(
    kind: str, call: str, prefetch: int
) -> None:
    server = ignores_offset(record, 2)
    got: list[Any] = []
    with pytest.raises(attio.PaginationError, match="same page") as caught:
        got = await consume(kind, server, call, prefetch=prefetch)
    assert caught.value.endpoint == "POST /v2/objects/people/records/query"
    assert "POST /v2/objects/people/records/query" in str(caught.value)
    if prefetch == 1 or call == "next_page":  # next_page never fetches ahead
        assert len(server.requests) == 2
    else:  # the pages fetched ahead of the repeat: a bounded number more
        assert 2 <= len(server.requests) <= 1 + prefetch
    assert got == []  # (stream_all and the raising iteration hand out nothing by assignment)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("prefetch", [1, 4])
async def test_a_server_that_ignores_offset_in_the_query(kind: str, prefetch: int) -> None:
    server = ignores_offset(note, 3)
    with pytest.raises(attio.PaginationError, match="GET /v2/notes"):
        await consume(kind, server, "notes", prefetch=prefetch)
    offsets = [r.url.params.get("offset") for r in server.requests]
    if prefetch == 1:
        assert offsets == [None, "3"]
    else:  # the pages fetched ahead of the repeat: a bounded number more, each asked once
        assert 2 <= len(offsets) <= 1 + prefetch
        assert sorted(offsets, key=lambda o: int(o or 0)) == [None] + [
            str(3 * i) for i in range(1, len(offsets))
        ]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_items_before_the_repeat_are_handed_out_once(kind: str) -> None:
    server = ignores_offset(record, 2)
    seen: list[str] = []
    transport = httpx.MockTransport(server)
    with pytest.raises(attio.PaginationError):  # noqa: PT012
        if kind == "sync":
            client = attio.Client(api_key="k", http_client=httpx.Client(transport=transport))
            for item in attio.Record.stream(client, "people", page_size=2):
                seen.append(item.id.record_id)
        else:
            aclient = attio.AsyncClient(
                api_key="k", http_client=httpx.AsyncClient(transport=transport)
            )
            async for item in attio.Record.stream_async(aclient, "people", page_size=2):
                seen.append(item.id.record_id)
    assert seen == ["r0", "r1"]  # the repeated page is never handed out


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_cursor_cycle(kind: str) -> None:
    server = cursor_cycle()
    seen: list[str] = []
    transport = httpx.MockTransport(server)
    with pytest.raises(attio.PaginationError, match=r"GET /v2/meetings.*cursor") as caught:  # noqa: PT012
        if kind == "sync":
            client = attio.Client(api_key="k", http_client=httpx.Client(transport=transport))
            for item in attio.Meeting.stream(client):
                seen.append(item.id.meeting_id)
        else:
            aclient = attio.AsyncClient(
                api_key="k", http_client=httpx.AsyncClient(transport=transport)
            )
            async for item in attio.Meeting.stream_async(aclient):
                seen.append(item.id.meeting_id)
    assert caught.value.endpoint == "GET /v2/meetings"
    assert seen == ["m1", "m2", "m3"]
    assert len(server.requests) == 3


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_endless_empty_pages_with_fresh_cursors(kind: str) -> None:
    server = endless_empty()
    with pytest.raises(attio.PaginationError, match="empty pages") as caught:
        await consume(kind, server, "meetings")
    assert caught.value.endpoint == "GET /v2/meetings"
    assert len(server.requests) == MAX_EMPTY_RUN + 1


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_next_page_on_a_cycle_raises_and_has_next_page_says_more(kind: str) -> None:
    server = cursor_cycle()
    transport = httpx.MockTransport(server)
    if kind == "sync":
        client = attio.Client(api_key="k", http_client=httpx.Client(transport=transport))
        page: attio.Page[attio.Meeting] | None = attio.Meeting.list(client)
        for _ in range(2):
            assert page is not None
            page = page.next_page()
        assert page is not None
        assert page.has_next_page()
        with pytest.raises(attio.PaginationError):
            page.next_page()
    else:
        aclient = attio.AsyncClient(api_key="k", http_client=httpx.AsyncClient(transport=transport))
        apage = await attio.Meeting.list_async(aclient)
        for _ in range(2):
            following = await apage.next_page_async()
            assert following is not None
            apage = following
        with pytest.raises(attio.PaginationError):
            await apage.next_page_async()
    assert len(server.requests) == 3


def test_asking_a_page_for_its_next_page_twice_is_not_a_loop() -> None:
    def answer(request: httpx.Request, n: int) -> Any:
        offset = json.loads(request.content).get("offset", 0)
        return {"data": [record(offset), record(offset + 1)]} if offset < 6 else {"data": []}

    server = Server(answer)
    client = attio.Client(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(server))
    )
    first = attio.Record.list(client, "people", limit=2)
    again = [first.next_page(), first.next_page()]
    assert [p.data[0].id.record_id for p in again if p is not None] == ["r2", "r2"]
    for page in again:
        assert page is not None
        last = page.next_page()
        assert last is not None
        assert last.data[0].id.record_id == "r4"
