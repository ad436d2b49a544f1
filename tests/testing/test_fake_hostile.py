"""FakeAttio answers like Attio even under bad input (issue 7, item 10).

* filters and sorts are checked against the schema whether or not the object/list has rows;
* an invalid sort direction is an invalid value (``invalid_option``), not "Required";
* a deeply nested body is a 400, never a ``RecursionError`` (sync and async transports);
* ``fail_next`` computes a 429's ``Retry-After`` when it is served, from the fake's clock;
  faults queue and ``clear_faults()`` empties the queue;
* the async client's injected sleep yields to the event loop.

Everything goes through the real ``attio.Client``/``attio.AsyncClient`` (or raw httpx on the
fake's transports for bodies no client would build). No network, no real sleeps.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

import attio
from attio.testing import FakeAttio

KINDS = ("sync", "async")
URL = "https://api.attio.com"
AUTH = {"Authorization": "Bearer test-token"}


async def call(
    fake: FakeAttio, kind: str, method: Callable[..., Any], *args: Any, **kw: Any
) -> Any:
    """``method(client, ...)`` with a sync client, or its ``_async`` twin with an async one."""
    if kind == "sync":
        with fake.client(max_retries=0) as client:
            return method(client, *args, **kw)
    twin = getattr(method.__self__, f"{method.__name__}_async")  # type: ignore[attr-defined]
    async with fake.async_client(max_retries=0) as aclient:
        return await twin(aclient, *args, **kw)


async def bad_request(
    fake: FakeAttio, kind: str, method: Callable[..., Any], *args: Any, **kw: Any
) -> attio.BadRequestError:
    """The ``BadRequestError`` the call raises (fails the test on anything else)."""
    with pytest.raises(attio.BadRequestError) as info:
        await call(fake, kind, method, *args, **kw)
    return info.value


def answer(error: attio.APIStatusError) -> tuple[int, str | None, str | None]:
    return error.status_code, error.code, error.message


def person(fake: FakeAttio, first: str, job_title: str = "Engineer") -> dict[str, Any]:
    return fake.add_record(
        "people",
        {
            "name": {"first_name": first, "last_name": "X", "full_name": f"{first} X"},
            "job_title": job_title,
            "email_addresses": [f"{first.lower()}@acme.example"],
        },
    )


# ---------------------------------------------------------------------- 1. no rows, same 400

BAD_RECORD_FILTERS: list[tuple[dict[str, Any], str, str]] = [
    ({"nope": "x"}, "filter_error", "nope"),  # shorthand, unknown attribute
    ({"name": {"$near": "x"}}, "filter_error", "$near"),  # verbose, unknown operator
    ({"name": {"middle_name": "x"}}, "filter_error", "middle_name"),
    ({"name": {"full_name": {"$bogus": "x"}}}, "filter_error", "$bogus"),
    ({"$xor": []}, "filter_error", "$xor"),
    ({"$and": {"job_title": "x"}}, "filter_error", "$and"),
    ({"$not": {"nope": 1}}, "filter_error", "nope"),
    ({"constraints": {"$eq": "x"}}, "filter_error", "constraints"),
    ({"job_title": {"$gt": 3}}, "filter_error", "$gt"),  # a number against text
    ({"email_addresses": {"$in": "a@acme.example"}}, "filter_error", "$in"),
    # checks behind a condition that already failed for every row are still made
    ({"$and": [{"job_title": "Nobody"}, {"nope": 1}]}, "filter_error", "nope"),
    ({"$or": [{"job_title": "Engineer"}, {"name": {"$near": 1}}]}, "filter_error", "$near"),
    ({"job_title": {"$eq": "Nobody", "$bogus": 1}}, "filter_error", "$bogus"),
    (
        {"path": [["people", "company"], ["companies", "nope"]], "constraints": {"$eq": "x"}},
        "filter_error",
        "nope",
    ),
    (
        {"path": [["people", "company"], ["nowhere", "name"]], "constraints": {"$eq": "x"}},
        "filter_error",
        "nowhere",
    ),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("flt", "code", "named"), BAD_RECORD_FILTERS)
async def test_bad_record_filter_is_the_same_400_with_or_without_rows(
    kind: str, flt: dict[str, Any], code: str, named: str
) -> None:
    fake = FakeAttio()
    empty = await bad_request(fake, kind, attio.Record.list, "people", filter=flt)
    assert (empty.status_code, empty.code) == (400, code)
    assert named in (empty.message or "")
    person(fake, "Ada")
    person(fake, "Bob", job_title="Admiral")
    full = await bad_request(fake, kind, attio.Record.list, "people", filter=flt)
    assert answer(full) == answer(empty)


BAD_RECORD_SORTS: list[tuple[list[Any], str, str]] = [
    ([{"direction": "asc", "attribute": "nope"}], "filter_error", "nope"),
    ([{"direction": "asc", "attribute": "name", "field": "middle"}], "validation_type", "middle"),
    (
        [{"direction": "asc", "path": [["people", "company"], ["companies", "nope"]]}],
        "filter_error",
        "nope",
    ),
    (  # a hop through an attribute that is not a record reference
        [{"direction": "asc", "path": [["people", "job_title"], ["companies", "name"]]}],
        "filter_error",
        "job_title",
    ),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("sorts", "code", "named"), BAD_RECORD_SORTS)
async def test_bad_record_sort_is_the_same_400_with_or_without_rows(
    kind: str, sorts: list[Any], code: str, named: str
) -> None:
    fake = FakeAttio()
    empty = await bad_request(fake, kind, attio.Record.list, "people", sorts=sorts)
    assert (empty.status_code, empty.code) == (400, code)
    assert named in (empty.message or "")
    person(fake, "Ada")
    full = await bad_request(fake, kind, attio.Record.list, "people", sorts=sorts)
    assert answer(full) == answer(empty)


BAD_ENTRY_QUERIES: list[dict[str, Any]] = [
    {"filter": {"nope": 1}},
    {"filter": {"$and": [{"nope": {"$eq": 1}}]}},
    {"filter": {"path": [["pipeline", "parent_record"], ["companies", "nope"]]}},
    {"filter": {"path": [["people", "parent_record"], ["companies", "name"]]}},
    {"sorts": [{"direction": "desc", "attribute": "nope"}]},
    {"sorts": [{"direction": "asc", "path": [["pipeline", "parent_record"], ["companies", "x"]]}]},
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("query", BAD_ENTRY_QUERIES)
async def test_bad_entry_query_is_the_same_400_with_or_without_entries(
    kind: str, query: dict[str, Any]
) -> None:
    fake = FakeAttio()
    fake.add_list("pipeline", "companies")
    empty = await bad_request(fake, kind, attio.Entry.list, "pipeline", **query)
    assert (empty.status_code, empty.code) == (400, "filter_error")
    company = fake.add_record("companies", {"name": "Acme"})
    fake.add_entry("pipeline", company["id"]["record_id"])
    full = await bad_request(fake, kind, attio.Entry.list, "pipeline", **query)
    assert answer(full) == answer(empty)


@pytest.mark.parametrize("kind", KINDS)
async def test_good_filters_and_sorts_on_empty_and_full_objects(kind: str) -> None:
    fake = FakeAttio()
    flt = {"$and": [{"job_title": "Engineer"}, {"name": {"first_name": {"$starts_with": "a"}}}]}
    sorts = [{"direction": "desc", "attribute": "name", "field": "first_name"}]
    page = await call(fake, kind, attio.Record.list, "people", filter=flt, sorts=sorts)
    assert page.data == []
    for first in ("Ada", "Alan", "Bob"):
        person(fake, first)
    page = await call(fake, kind, attio.Record.list, "people", filter=flt, sorts=sorts)
    assert [r.first("name").first_name for r in page.data] == ["Alan", "Ada"]
    path = {
        "path": [["pipeline", "parent_record"], ["companies", "name"]],
        "constraints": {"$eq": "Acme"},
    }
    fake.add_list("pipeline", "companies")
    assert (await call(fake, kind, attio.Entry.list, "pipeline", filter=path)).data == []
    acme = fake.add_record("companies", {"name": "Acme"})
    fake.add_entry("pipeline", acme["id"]["record_id"])
    assert len((await call(fake, kind, attio.Entry.list, "pipeline", filter=path)).data) == 1


# ---------------------------------------------------------------------- 2. sort direction


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("rows", [0, 2])
async def test_invalid_sort_direction_is_an_invalid_value(kind: str, rows: int) -> None:
    fake = FakeAttio()
    for n in range(rows):
        person(fake, f"P{n}")
    sorts = [{"attribute": "name", "direction": "sideways"}]
    error = await bad_request(fake, kind, attio.Record.list, "people", sorts=sorts)
    assert error.code == "validation_type"
    assert error.error is not None
    [issue] = error.error.validation_errors
    assert issue["path"] == ["sorts", 0, "direction"]
    assert issue["code"] == "invalid_option"
    assert issue["options"] == ["asc", "desc"]
    assert "sideways" in issue["message"]
    assert issue["message"] != "Required"


@pytest.mark.parametrize("kind", KINDS)
async def test_every_malformed_sort_is_reported_at_once(kind: str) -> None:
    fake = FakeAttio()
    sorts: list[Any] = [
        {"attribute": "name"},
        {"direction": 1, "attribute": "name"},
        "name",
        {"direction": "asc"},
        {"direction": "up", "attribute": "name"},
    ]
    error = await bad_request(fake, kind, attio.Record.list, "people", sorts=sorts)
    assert error.code == "validation_type"
    assert error.error is not None
    issues = {tuple(i["path"]): i for i in error.error.validation_errors}
    assert set(issues) == {
        ("sorts", 0, "direction"),
        ("sorts", 1, "direction"),
        ("sorts", 2),
        ("sorts", 3, "attribute"),
        ("sorts", 4, "direction"),
    }
    assert issues["sorts", 0, "direction"]["message"] == "Required"
    assert issues["sorts", 1, "direction"]["received"] == "number"
    assert issues["sorts", 2]["expected"] == "object"
    assert issues["sorts", 4, "direction"]["code"] == "invalid_option"


# ---------------------------------------------------------------------- 3. deep nesting

DEPTH = 100_000


def nested_and(depth: int) -> dict[str, Any]:
    flt: dict[str, Any] = {"job_title": "Engineer"}
    for _ in range(depth):
        flt = {"$and": [flt]}
    return flt


RAW_BODIES = {
    "arrays": b"[" * DEPTH + b"]" * DEPTH,
    "objects": b'{"a":' * DEPTH + b"1" + b"}" * DEPTH,
    "filter": b'{"filter":' + b'{"$and":[' * DEPTH + b"{}" + b"]}" * DEPTH + b"}",
    "values": b'{"data":{"values":{"job_title":' + b"[" * DEPTH + b"]" * DEPTH + b"}}}",
}
PATHS = [
    "/v2/objects/people/records/query",
    "/v2/lists/pipeline/entries/query",
    "/v2/objects/people/records",
]


def assert_too_deep(response: httpx.Response) -> None:
    assert response.status_code == 400
    body = response.json()
    assert (body["status_code"], body["type"]) == (400, "invalid_request_error")
    assert body["code"] == "validation_type"
    assert "nested too deeply" in body["message"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("raw", RAW_BODIES)
def test_deep_raw_body_is_a_400_on_the_sync_transport(path: str, raw: str) -> None:
    fake = FakeAttio()
    fake.add_list("pipeline", "companies")
    person(fake, "Ada")
    with httpx.Client(transport=fake.transport, base_url=URL, headers=AUTH) as http:
        assert_too_deep(http.post(path, content=RAW_BODIES[raw]))
        # the fake is still fine afterwards
        ok = http.post("/v2/objects/people/records/query", json={"filter": nested_and(20)})
    assert ok.status_code == 200
    assert len(ok.json()["data"]) == 1
    assert fake.requests[0].json is None


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("raw", RAW_BODIES)
async def test_deep_raw_body_is_a_400_on_the_async_transport(path: str, raw: str) -> None:
    fake = FakeAttio()
    fake.add_list("pipeline", "companies")
    async with httpx.AsyncClient(transport=fake.async_transport, base_url=URL) as http:
        response = await http.post(path, content=RAW_BODIES[raw], headers=AUTH)
    assert_too_deep(response)


def body_of_depth(levels: int) -> dict[str, Any]:
    """``{"filter": {"x": [[...1...]]}}`` nesting exactly ``levels`` objects and arrays."""
    inner: Any = 1
    for _ in range(levels - 2):
        inner = [inner]
    return {"filter": {"x": inner}}


def test_the_depth_cap_is_128_levels_and_refused_bodies_are_not_recorded() -> None:
    fake = FakeAttio()
    with httpx.Client(transport=fake.transport, base_url=URL, headers=AUTH) as http:
        assert_too_deep(http.post("/v2/objects/people/records/query", json=body_of_depth(129)))
        fine = http.post("/v2/objects/people/records/query", json=body_of_depth(128))
    assert fine.json()["code"] == "filter_error"  # decoded and checked, not refused as deep
    assert fake.requests[0].json is None
    assert fake.requests[1].json == body_of_depth(128)


@pytest.mark.parametrize("kind", KINDS)
async def test_deep_filters_through_the_client_are_400s(kind: str) -> None:
    fake = FakeAttio()
    person(fake, "Ada")
    # deep enough to break a recursive walk, shallow enough for the client to encode
    error = await bad_request(fake, kind, attio.Record.list, "people", filter=nested_and(300))
    assert (error.status_code, error.code) == (400, "validation_type")
    negated: dict[str, Any] = {"job_title": "Engineer"}
    for _ in range(100):  # within the body cap, beyond the filter's nesting cap
        negated = {"$not": negated}
    error = await bad_request(fake, kind, attio.Record.list, "people", filter=negated)
    assert (error.status_code, error.code) == (400, "validation_type")
    assert "filter is nested too deeply" in (error.message or "")
    fake.add_list("pipeline", "companies")
    error = await bad_request(fake, kind, attio.Entry.list, "pipeline", filter=nested_and(300))
    assert error.code == "validation_type"
    # a reasonable depth is evaluated (an even number of $not keeps the meaning)
    negated = {"job_title": "Engineer"}
    for _ in range(40):
        negated = {"$not": negated}
    page = await call(fake, kind, attio.Record.list, "people", filter=negated)
    assert len(page.data) == 1


@pytest.mark.parametrize("kind", KINDS)
async def test_deep_values_through_the_client_are_400s(kind: str) -> None:
    fake = FakeAttio()
    deep: Any = "Engineer"
    for _ in range(300):
        deep = [deep]
    error = await bad_request(fake, kind, attio.Record.create, "people", {"job_title": deep})
    assert (error.status_code, error.code) == (400, "validation_type")
    assert fake.add_record("people", {"job_title": "ok"})  # nothing broke


def test_seeding_helpers_refuse_deep_or_cyclic_input_without_recursing() -> None:
    fake = FakeAttio()
    deep: Any = "Engineer"
    for _ in range(DEPTH):
        deep = [deep]
    cyclic: dict[str, Any] = {}
    cyclic["self"] = cyclic
    for values in ({"job_title": deep}, {"job_title": cyclic}):
        with pytest.raises(Exception, match="nested too deeply") as info:
            fake.add_record("people", values)
        assert not isinstance(info.value, RecursionError)


# ---------------------------------------------------------------------- 4. fault queue, clock


class Clock:
    """A settable clock for the fake."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.mark.parametrize("kind", KINDS)
async def test_retry_after_is_computed_when_the_429_is_served(kind: str) -> None:
    clock = Clock(datetime(2030, 5, 6, 7, 8, 9, 500_000, tzinfo=timezone.utc))
    fake = FakeAttio(now=clock)
    fake.fail_next(2)
    clock.now += timedelta(hours=2)
    with pytest.raises(attio.RateLimitError) as info:
        await call(fake, kind, attio.Object.list)
    assert info.value.response is not None
    served = datetime(2030, 5, 6, 9, 8, 10, tzinfo=timezone.utc)
    assert info.value.response.headers["retry-after"] == format_datetime(served, usegmt=True)
    clock.now += timedelta(minutes=30)
    with pytest.raises(attio.RateLimitError) as info:
        await call(fake, kind, attio.Object.list)
    assert info.value.response is not None
    later = format_datetime(served + timedelta(minutes=30), usegmt=True)
    assert info.value.response.headers["retry-after"] == later
    assert len(await call(fake, kind, attio.Object.list)) == 5


@pytest.mark.parametrize("kind", KINDS)
async def test_faults_queue_in_order_and_clear_faults_empties_the_queue(kind: str) -> None:
    fake = FakeAttio()
    fake.fail_next(1, status=503)
    fake.hang_next(1)
    fake.fail_next(1, status=500)
    with pytest.raises(attio.InternalServerError) as info:
        await call(fake, kind, attio.Object.list)
    assert info.value.status_code == 503
    with pytest.raises(attio.APITimeoutError):
        await call(fake, kind, attio.Object.list)
    with pytest.raises(attio.InternalServerError) as info:
        await call(fake, kind, attio.Object.list)
    assert info.value.status_code == 500
    assert len(await call(fake, kind, attio.Object.list)) == 5

    fake.fail_next(3, status=429)
    fake.hang_next(2)
    fake.raise_next(lambda r: httpx.ConnectError("refused", request=r))
    fake.clear_faults()
    assert len(await call(fake, kind, attio.Object.list)) == 5
    assert len(await call(fake, kind, attio.Object.list)) == 5
    fake.clear_faults()  # an empty queue stays empty
    fake.fail_next(1, status=502)
    with pytest.raises(attio.InternalServerError):
        await call(fake, kind, attio.Object.list)


# ---------------------------------------------------------------------- 5. async sleep yields


async def test_async_injected_sleep_lets_other_tasks_run() -> None:
    fake = FakeAttio()
    person(fake, "Ada")
    fake.fail_next(1)  # the first request served gets a 429; its task retries after a "sleep"
    async with fake.async_client(max_retries=2) as client:

        async def rate_limited() -> int:
            page = await attio.Record.list_async(client, "people")
            return len(page.data)

        async def other() -> int:
            objects = await attio.Object.list_async(client)
            members = await attio.WorkspaceMember.list_async(client)
            return len(objects) + len(members)

        got = await asyncio.gather(rate_limited(), other())
    assert list(got) == [1, 6]
    assert len(fake.sleeps) == 1
    paths = [r.path for r in fake.requests]
    query = "/v2/objects/people/records/query"
    assert paths[0] == query  # got the 429, then slept
    # the other task went on while the first slept: its calls came before the retry
    assert paths[1:] == ["/v2/objects", "/v2/workspace_members", query]


def test_sync_client_sleep_still_only_records(fake: FakeAttio) -> None:
    fake.fail_next(1)
    with fake.client(max_retries=1) as client:
        body = client.request(attio.Request("GET", "/v2/objects", parse=json.loads))
    assert len(body["data"]) == 5
    assert len(fake.sleeps) == 1
