"""``attio.Thread``: list/stream/get through HTTP, sync and async; pairs checked before sending."""

from __future__ import annotations

from typing import Any

import pytest

import attio
from tests.conftest import MockAttio

KINDS = ("sync", "async")

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
PERSON = "7d1b2c3e-0000-4000-8000-00000000b001"
ENTRY = "e1e1e1e1-0000-4000-8000-00000000b002"
MEMBER = "9f9f9f9f-0000-4000-8000-00000000c001"


def comment(n: int, thread: str) -> dict[str, Any]:
    return {
        "id": {"workspace_id": WS, "comment_id": f"c0c0c0c0-0000-4000-8000-{n:012d}"},
        "thread_id": thread,
        "content_plaintext": f"Comment {n}",
        "entry": None,
        "record": {"record_id": PERSON, "object_id": "0b0b0b0b-0000-4000-8000-0001"},
        "resolved_at": None,
        "resolved_by": {"type": None, "id": None},
        "created_at": "2024-01-05T10:00:00.000000000Z",
        "author": {"type": "workspace-member", "id": MEMBER},
    }


def thread(n: int = 1) -> dict[str, Any]:
    thread_id = f"d0d0d0d0-0000-4000-8000-{n:012d}"
    return {
        "id": {"workspace_id": WS, "thread_id": thread_id},
        "comments": [comment(n * 10, thread_id), comment(n * 10 + 1, thread_id)],
        "created_at": "2024-01-05T10:00:00.000000000Z",
    }


async def call(kind: str, mock: MockAttio, name: str, *args: Any, **kwargs: Any) -> Any:
    if kind == "sync":
        return getattr(attio.Thread, name)(mock.client(), *args, **kwargs)
    return await getattr(attio.Thread, f"{name}_async")(mock.async_client(), *args, **kwargs)


async def collect(kind: str, mock: MockAttio, **kwargs: Any) -> list[Any]:
    if kind == "sync":
        return list(attio.Thread.stream(mock.client(), **kwargs))
    return [t async for t in attio.Thread.stream_async(mock.async_client(), **kwargs)]


@pytest.mark.parametrize("kind", KINDS)
async def test_list_on_a_record(kind: str, mock: MockAttio) -> None:
    mock.data([thread(1)])
    page = await call(kind, mock, "list", record_id=PERSON, object="people", limit=5, offset=10)
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/threads"
    assert mock.query() == {"record_id": PERSON, "object": "people", "limit": "5", "offset": "10"}
    assert page.data[0].model_dump(mode="json") == thread(1)
    assert page.data[0].comments[1].content_plaintext == "Comment 11"


@pytest.mark.parametrize("kind", KINDS)
async def test_list_on_an_entry(kind: str, mock: MockAttio) -> None:
    mock.data([])
    page = await call(kind, mock, "list", entry_id=ENTRY, list="sales")
    assert page.data == []
    assert mock.query() == {"entry_id": ENTRY, "list": "sales"}


@pytest.mark.parametrize("kind", KINDS)
async def test_list_without_filters(kind: str, mock: MockAttio) -> None:
    mock.data([])
    await call(kind, mock, "list")
    assert mock.query() == {}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "half",
    [
        {"record_id": PERSON},
        {"object": "people"},
        {"entry_id": ENTRY},
        {"list": "sales"},
        {"record_id": PERSON, "object": "people", "list": "sales"},
    ],
)
async def test_half_pairs_fail_before_any_request(
    kind: str, half: dict[str, str], mock: MockAttio
) -> None:
    mock.data([])
    with pytest.raises(ValueError, match="together"):
        await call(kind, mock, "list", **half)
    with pytest.raises(ValueError, match="together"):
        await collect(kind, mock, **half)
    with pytest.raises(ValueError, match="together"):
        await call(kind, mock, "stream_all", **half)
    assert mock.requests == []


@pytest.mark.parametrize("kind", KINDS)
async def test_stream_pages_by_offset_until_short_page(kind: str, mock: MockAttio) -> None:
    mock.data([thread(1), thread(2)]).data([thread(3)])
    threads = await collect(kind, mock, record_id=PERSON, object="people", page_size=2)
    assert [t.id.thread_id[-1] for t in threads] == ["1", "2", "3"]
    assert mock.query(1) == {"record_id": PERSON, "object": "people", "limit": "2", "offset": "2"}


@pytest.mark.parametrize("kind", KINDS)
async def test_stream_all_default_page_of_ten_until_empty(kind: str, mock: MockAttio) -> None:
    mock.data([thread(i) for i in range(10)]).data([])
    threads = await call(kind, mock, "stream_all")
    assert len(threads) == 10
    assert [mock.query(i) for i in range(2)] == [{}, {"offset": "10"}]


@pytest.mark.parametrize("kind", KINDS)
async def test_get(kind: str, mock: MockAttio) -> None:
    mock.data(thread(4))
    got = await call(kind, mock, "get", "d0d0d0d0-0000-4000-8000-000000000004")
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/threads/d0d0d0d0-0000-4000-8000-000000000004"
    assert isinstance(got.comments[0], attio.Comment)
    assert got.comments[0].resolved_by is not None
    assert got.comments[0].resolved_by.type is None
    assert got.model_dump(mode="json") == thread(4)
