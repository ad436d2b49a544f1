"""``attio.Task``: every operation through HTTP, sync and async; paging; round trips."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import attio
from tests.bodies import full
from tests.conftest import MockAttio

KINDS = ("sync", "async")

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
PERSON = "7d1b2c3e-0000-4000-8000-00000000b001"
MEMBER = "9f9f9f9f-0000-4000-8000-00000000c001"


def task(n: int = 1, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": {"workspace_id": WS, "task_id": f"7a5c0000-0000-4000-8000-{n:012d}"},
        "content_plaintext": f"Follow up #{n}",
        "deadline_at": "2024-05-01T09:30:00.000000000Z",
        "is_completed": False,
        "linked_records": [
            {"target_object_id": "0b0b0b0b-0000-4000-8000-0001", "target_record_id": PERSON}
        ],
        "assignees": [{"referenced_actor_type": "workspace-member", "referenced_actor_id": MEMBER}],
        "created_by_actor": {"type": "workspace-member", "id": MEMBER},
        "created_at": "2024-04-01T08:00:00.000000000Z",
    }
    body.update(changes)
    return body


async def call(kind: str, mock: MockAttio, name: str, *args: Any, **kwargs: Any) -> Any:
    if kind == "sync":
        return getattr(attio.Task, name)(mock.client(), *args, **kwargs)
    return await getattr(attio.Task, f"{name}_async")(mock.async_client(), *args, **kwargs)


async def collect(kind: str, mock: MockAttio, **kwargs: Any) -> list[Any]:
    if kind == "sync":
        return list(attio.Task.stream(mock.client(), **kwargs))
    return [t async for t in attio.Task.stream_async(mock.async_client(), **kwargs)]


@pytest.mark.parametrize("kind", KINDS)
async def test_list_sends_every_filter(kind: str, mock: MockAttio) -> None:
    mock.data([task(1)])
    page = await call(
        kind,
        mock,
        "list",
        sort="created_at:desc",
        linked_object="people",
        linked_record_id=PERSON,
        assignee="ada@example.com",
        is_completed=False,
        limit=25,
        offset=50,
    )
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/tasks"
    assert mock.query() == {
        "sort": "created_at:desc",
        "linked_object": "people",
        "linked_record_id": PERSON,
        "assignee": "ada@example.com",
        "is_completed": "false",
        "limit": "25",
        "offset": "50",
    }
    assert page.data[0].model_dump(mode="json") == task(1)


@pytest.mark.parametrize("kind", KINDS)
async def test_list_is_completed_true_and_no_unset_params(kind: str, mock: MockAttio) -> None:
    mock.data([])
    await call(kind, mock, "list", is_completed=True)
    assert mock.query() == {"is_completed": "true"}


@pytest.mark.parametrize("kind", KINDS)
async def test_default_page_of_500_means_a_short_page_ends(kind: str, mock: MockAttio) -> None:
    mock.data([task(i) for i in range(3)])
    tasks = await collect(kind, mock)
    assert len(tasks) == 3
    assert len(mock.requests) == 1
    assert mock.query() == {}


@pytest.mark.parametrize("kind", KINDS)
async def test_stream_pages_by_offset(kind: str, mock: MockAttio) -> None:
    mock.data([task(1), task(2)]).data([task(3), task(4)]).data([task(5)])
    tasks = await collect(kind, mock, assignee="null", page_size=2)
    assert [t.content_plaintext for t in tasks] == [f"Follow up #{i}" for i in range(1, 6)]
    assert [mock.query(i).get("offset") for i in range(3)] == [None, "2", "4"]
    assert all(mock.query(i)["assignee"] == "null" for i in range(3))


@pytest.mark.parametrize("kind", KINDS)
async def test_stream_all_stops_on_empty_page(kind: str, mock: MockAttio) -> None:
    mock.data([task(1), task(2)]).data([])
    tasks = await call(kind, mock, "stream_all", sort="created_at:asc", page_size=2)
    assert len(tasks) == 2
    assert len(mock.requests) == 2


@pytest.mark.parametrize("kind", KINDS)
async def test_get(kind: str, mock: MockAttio) -> None:
    mock.data(task(3))
    got = await call(kind, mock, "get", "7a5c0000-0000-4000-8000-000000000003")
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/tasks/7a5c0000-0000-4000-8000-000000000003"
    assert got.deadline_at.datetime == dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.timezone.utc)
    assert got.assignees[0].referenced_actor_id == MEMBER


@pytest.mark.parametrize("kind", KINDS)
async def test_create_sends_every_required_field(kind: str, mock: MockAttio) -> None:
    mock.data(task(1))
    created = await call(kind, mock, "create", content="Follow up")
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/tasks"
    assert mock.body() == {
        "data": {
            "content": "Follow up",
            "format": "plaintext",
            "deadline_at": None,
            "is_completed": False,
            "linked_records": [],
            "assignees": [],
        }
    }
    assert created.is_completed is False


@pytest.mark.parametrize("kind", KINDS)
async def test_create_with_everything(kind: str, mock: MockAttio) -> None:
    mock.data(task(1))
    linked = [{"target_object": "people", "target_record_id": PERSON}]
    assignees = [
        {"referenced_actor_type": "workspace-member", "referenced_actor_id": MEMBER},
        {"workspace_member_email_address": "ada@example.com"},
    ]
    await call(
        kind,
        mock,
        "create",
        content="Send contract",
        deadline_at="2024-05-01T09:30:00Z",
        is_completed=True,
        linked_records=(item for item in linked),  # any iterable
        assignees=assignees,
    )
    assert mock.body() == {
        "data": {
            "content": "Send contract",
            "format": "plaintext",
            "deadline_at": "2024-05-01T09:30:00Z",
            "is_completed": True,
            "linked_records": linked,
            "assignees": assignees,
        }
    }


@pytest.mark.parametrize("kind", KINDS)
async def test_create_serialises_a_datetime_deadline_as_utc_iso(kind: str, mock: MockAttio) -> None:
    mock.data(task(1))
    paris = dt.timezone(dt.timedelta(hours=2))
    await call(
        kind, mock, "create", content="x", deadline_at=dt.datetime(2024, 5, 1, 11, 30, tzinfo=paris)
    )
    assert mock.body()["data"]["deadline_at"] == "2024-05-01T09:30:00.000000000Z"


@pytest.mark.parametrize("kind", KINDS)
async def test_update_sends_exactly_the_changes(kind: str, mock: MockAttio) -> None:
    mock.data(task(1, is_completed=True))
    updated = await call(
        kind,
        mock,
        "update",
        "7a5c0000-0000-4000-8000-000000000001",
        is_completed=True,
        deadline_at=None,
    )
    assert mock.last.method == "PATCH"
    assert mock.last.url.path == "/v2/tasks/7a5c0000-0000-4000-8000-000000000001"
    assert mock.body() == {"data": {"is_completed": True, "deadline_at": None}}
    assert updated.is_completed is True


@pytest.mark.parametrize("kind", KINDS)
async def test_update_serialises_a_datetime_deadline(kind: str, mock: MockAttio) -> None:
    mock.data(task(1))
    await call(kind, mock, "update", "t1", deadline_at=dt.datetime(2024, 6, 1, 12, 0))
    assert mock.body() == {"data": {"deadline_at": "2024-06-01T12:00:00.000000000Z"}}


@pytest.mark.parametrize("kind", KINDS)
async def test_delete_returns_none(kind: str, mock: MockAttio) -> None:
    mock.reply(200, {})
    assert await call(kind, mock, "delete", "t1") is None
    assert mock.last.method == "DELETE"
    assert mock.last.url.path == "/v2/tasks/t1"


def test_round_trip_with_null_deadline_and_future_fields() -> None:
    body = task(1, deadline_at=None, completed_at=None, priority="high")
    parsed = attio.Task.model_validate(body)
    assert parsed.deadline_at is None
    assert parsed.model_dump(mode="json") == body
    minimal = full("Task", id={"workspace_id": WS, "task_id": "t"})
    assert attio.Task.model_validate(minimal).model_dump(mode="json") == minimal


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("order", ["completed_at:asc", "completed_at:desc"])
async def test_completion_sorts_are_sent(kind: str, order: str, mock: MockAttio) -> None:
    mock.data([])
    await call(kind, mock, "list", sort=order)
    assert mock.query() == {"sort": order}


def test_fake_orders_by_completion_as_attio_does() -> None:
    from attio.testing import FakeAttio

    fake = FakeAttio()
    client = fake.client()
    made = [attio.Task.create(client, content=f"t{n}") for n in range(4)]
    for index in (2, 0, 3):  # completed in this order; task 1 stays open
        attio.Task.update(client, made[index].id.task_id, is_completed=True)
    ids = {task.id.task_id: n for n, task in enumerate(made)}

    def order(sort: Any) -> list[int]:
        return [ids[t.id.task_id] for t in attio.Task.stream_all(client, sort=sort)]

    assert order("completed_at:asc") == [1, 2, 0, 3]  # incomplete first, then oldest first
    assert order("completed_at:desc") == [3, 0, 2, 1]  # newest first, then incomplete
