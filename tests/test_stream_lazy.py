"""``stream`` validates item by item (issue 10, item 3b): a page is held as plain JSON objects
and each item becomes its model only when it is handed out, while ``stream_all``, ``list`` and
``iter_pages`` validate each page in one pass. Both give the same models, in the same order,
with the same errors; the loop guard keeps working on pages of plain objects.
"""

from __future__ import annotations

import importlib.util
import json
import random
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import attio
from attio._client import _RawItems
from tests.bodies import full
from tests.conftest import CLIENT_KINDS, ROOT

_spec = importlib.util.spec_from_file_location("_bench_parse", ROOT / "benchmarks" / "parse.py")
assert _spec is not None
assert _spec.loader is not None
_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench)

PAGE = 4
TOTAL = 10  # pages of 4, 4, 2


def rich_records(count: int) -> list[dict[str, Any]]:
    """Records with every attribute type (an unknown one included), as Attio sends them."""
    rng = random.Random(3)
    return [_bench.make_record(rng, index) for index in range(count)]


def rich_entries(count: int) -> list[dict[str, Any]]:
    entries = []
    for index, record in enumerate(rich_records(count)):
        entry_id = {"workspace_id": "w", "list_id": "l", "entry_id": f"e{index}"}
        entries.append(full("Entry", id=entry_id, entry_values=record["values"]))
    return entries


def meetings(count: int) -> list[dict[str, Any]]:
    return [full("Meeting", id={"workspace_id": "w", "meeting_id": f"m{n}"}) for n in range(count)]


def offset_server(items: list[Any]) -> Callable[[httpx.Request], httpx.Response]:
    def answer(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        offset, limit = int(body.get("offset", 0)), int(body["limit"])
        return httpx.Response(200, json={"data": items[offset : offset + limit]})

    return answer


def cursor_server(items: list[Any]) -> Callable[[httpx.Request], httpx.Response]:
    def answer(request: httpx.Request) -> httpx.Response:
        start = int(request.url.params.get("cursor", "0"))
        following = str(start + PAGE) if start + PAGE < len(items) else None
        page = {"data": items[start : start + PAGE], "pagination": {"next_cursor": following}}
        return httpx.Response(200, json=page)

    return answer


def sync_client(answer: Callable[[httpx.Request], httpx.Response]) -> attio.Client:
    transport = httpx.MockTransport(answer)
    return attio.Client(api_key="k", http_client=httpx.Client(transport=transport))


def async_client(answer: Callable[[httpx.Request], httpx.Response]) -> attio.AsyncClient:
    transport = httpx.MockTransport(answer)
    return attio.AsyncClient(api_key="k", http_client=httpx.AsyncClient(transport=transport))


RESOURCES: dict[str, Any] = {
    "records": (
        rich_records,
        offset_server,
        lambda stream: stream(attio.Record, "companies", page_size=PAGE),
    ),
    "entries": (
        rich_entries,
        offset_server,
        lambda stream: stream(attio.Entry, "sales", page_size=PAGE),
    ),
    "meetings": (meetings, cursor_server, lambda stream: stream(attio.Meeting)),
}


async def walk(kind: str, resource: str, *, lazy: bool) -> list[Any]:
    """Every item of ``resource`` through ``stream`` (``lazy``) or ``stream_all``."""
    make, server, call = RESOURCES[resource]
    answer = server(make(TOTAL))
    if kind == "sync":
        client = sync_client(answer)
        if lazy:
            return list(call(lambda model, *a, **k: model.stream(client, *a, **k)))
        result: list[Any] = call(lambda model, *a, **k: model.stream_all(client, *a, **k))
        return result
    aclient = async_client(answer)
    if lazy:
        return [item async for item in call(lambda m, *a, **k: m.stream_async(aclient, *a, **k))]
    result = await call(lambda model, *a, **k: model.stream_all_async(aclient, *a, **k))
    return result


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("resource", ["records", "entries", "meetings"])
async def test_stream_gives_the_models_stream_all_gives(kind: str, resource: str) -> None:
    lazy = await walk(kind, resource, lazy=True)
    eager = await walk(kind, resource, lazy=False)
    assert len(lazy) == TOTAL
    assert lazy == eager
    assert [type(item) for item in lazy] == [type(item) for item in eager]
    for one, other in zip(lazy, eager, strict=True):
        assert one.model_dump() == other.model_dump()
        assert one.model_dump_json() == other.model_dump_json()
        # built in the same pass as the page parse: values ready, fields sets shared
        if resource != "meetings":
            values = one.values if resource == "records" else one.entry_values
            others = other.values if resource == "records" else other.entry_values
            assert not values._pending
            for slug, items in values.items():
                for value, twin in zip(items, others[slug], strict=True):
                    assert type(value) is type(twin)
                    same = value.__pydantic_fields_set__ is twin.__pydantic_fields_set__
                    assert same or value.__pydantic_fields_set__ == twin.__pydantic_fields_set__


def test_the_round_trip_of_a_streamed_record_is_exact() -> None:
    records = rich_records(3)
    client = sync_client(offset_server(records))
    streamed = list(attio.Record.stream(client, "companies", page_size=PAGE))
    assert [json.loads(record.model_dump_json()) for record in streamed] == records


def test_stream_all_list_and_iter_pages_validate_pages_in_one_pass() -> None:
    client = sync_client(offset_server(rich_records(TOTAL)))
    paged = attio.Record.list(client, "companies", limit=PAGE)
    assert all(isinstance(item, attio.Record) for item in paged.data)
    assert not isinstance(paged.data, _RawItems)
    all_records = attio.Record.stream_all(client, "companies", page_size=PAGE)
    assert len(all_records) == TOTAL


async def drain(
    kind: str, answer: Callable[[httpx.Request], httpx.Response], got: list[Any]
) -> None:
    """``Record.stream`` over ``answer`` to the end, each record appended to ``got``."""
    if kind == "sync":
        got.extend(attio.Record.stream(sync_client(answer), "companies", page_size=PAGE))
        return
    stream = attio.Record.stream_async(async_client(answer), "companies", page_size=PAGE)
    async for record in stream:
        got.append(record)


def broken_third(request: httpx.Request) -> httpx.Response:
    records = rich_records(TOTAL)
    records[2]["id"] = {"workspace_id": "w"}  # no object_id, no record_id
    body = json.loads(request.content)
    offset, limit = int(body.get("offset", 0)), int(body["limit"])
    return httpx.Response(200, json={"data": records[offset : offset + limit]})


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_malformed_item_fails_when_it_is_reached(kind: str) -> None:
    got: list[attio.Record] = []
    with pytest.raises(attio.ResponseValidationError) as caught:
        await drain(kind, broken_third, got)
    assert [record.id.record_id for record in got] == [
        record["id"]["record_id"] for record in rich_records(2)
    ]
    message = str(caught.value)
    assert "POST /v2/objects/companies/records/query" in message
    assert "item 2 of Attio's 200 answer" in message
    assert "did not fit the expected shape" in message
    assert "id.object_id" in message or "object_id" in message
    assert len(message) < 3000
    assert json.loads(caught.value.content)["id"] == {"workspace_id": "w"}


def test_stream_all_still_fails_at_the_page() -> None:
    client = sync_client(broken_third)
    with pytest.raises(attio.ResponseValidationError, match=r"data\.2\.id"):
        attio.Record.stream_all(client, "companies", page_size=PAGE)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_malformed_envelope_fails_at_the_page(kind: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": {"not": "a list"}})

    got: list[Any] = []
    with pytest.raises(attio.ResponseValidationError, match="did not fit the expected shape"):
        await drain(kind, answer, got)
    assert got == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_breaking_out_early_validates_nothing_more(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    validated: list[Any] = []
    original = attio._parsing.PageParser.item

    def counting(self: Any, raw: Any) -> Any:
        validated.append(raw)
        return original(self, raw)

    monkeypatch.setattr(attio._parsing.PageParser, "item", counting)
    answer = offset_server(rich_records(TOTAL))
    if kind == "sync":
        stream = attio.Record.stream(sync_client(answer), "companies", page_size=PAGE)
        first = next(stream)
        stream.close()  # type: ignore[attr-defined]
    else:
        astream = attio.Record.stream_async(async_client(answer), "companies", page_size=PAGE)
        first = await astream.__anext__()
        await astream.aclose()  # type: ignore[attr-defined]
    assert isinstance(first, attio.Record)
    assert len(validated) == 1


def test_each_raw_item_is_dropped_once_handed_out() -> None:
    client = sync_client(offset_server(rich_records(TOTAL)))
    pages = client._pages(_paged(), lazy=True)
    page = next(pages)
    data = page.data
    assert isinstance(data, _RawItems)
    handed = data.handout()
    next(handed)
    next(handed)
    assert data[0] is None
    assert data[1] is None
    assert isinstance(data[2], dict)
    pages.close()


def _paged() -> attio.PagedRequest[attio.Record]:
    from attio._query import query_request
    from attio.records import _records

    return query_request(_records("companies"), attio.Record, None, None).with_limit(PAGE)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_the_loop_guard_still_stops_a_stream(kind: str) -> None:
    records = rich_records(PAGE)

    def ignores_offset(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": records})

    got: list[attio.Record] = []
    with pytest.raises(attio.PaginationError, match="same page again"):
        await drain(kind, ignores_offset, got)
    assert len(got) == PAGE  # the first page once, then the repeat is refused
