"""``attio.Comment`` through HTTP (sync and async); the target rule; workspace-member authors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import attio
from tests.conftest import MockAttio, load_real

KINDS = ("sync", "async")

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
PERSON = "7d1b2c3e-0000-4000-8000-00000000b001"
ENTRY = "e1e1e1e1-0000-4000-8000-00000000b002"
MEMBER = "9f9f9f9f-0000-4000-8000-00000000c001"
THREAD = "d0d0d0d0-0000-4000-8000-00000000d001"
COMMENT_ID = "c0c0c0c0-0000-4000-8000-00000000e001"
AUTHOR = {"type": "workspace-member", "id": MEMBER}


def comment(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": {"workspace_id": WS, "comment_id": COMMENT_ID},
        "thread_id": THREAD,
        "content_plaintext": "Looks good to me",
        "entry": {"entry_id": ENTRY, "list_id": "1f1f1f1f-0000-4000-8000-0001"},
        "record": {"record_id": PERSON, "object_id": "0b0b0b0b-0000-4000-8000-0001"},
        "resolved_at": "2024-01-06T10:00:00.000000000Z",
        "resolved_by": {"type": "workspace-member", "id": MEMBER},
        "created_at": "2024-01-05T10:00:00.000000000Z",
        "author": AUTHOR,
    }
    body.update(changes)
    return body


async def call(kind: str, mock: MockAttio, name: str, *args: Any, **kwargs: Any) -> Any:
    if kind == "sync":
        return getattr(attio.Comment, name)(mock.client(), *args, **kwargs)
    return await getattr(attio.Comment, f"{name}_async")(mock.async_client(), *args, **kwargs)


@pytest.mark.parametrize("kind", KINDS)
async def test_create_in_a_thread(kind: str, mock: MockAttio) -> None:
    mock.data(comment())
    created = await call(
        kind, mock, "create", content="Looks good", author=AUTHOR, thread_id=THREAD
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/comments"
    assert mock.query() == {}
    assert mock.body() == {
        "data": {
            "format": "plaintext",
            "content": "Looks good",
            "author": AUTHOR,
            "thread_id": THREAD,
        }
    }
    assert created.model_dump(mode="json") == comment()


@pytest.mark.parametrize("kind", KINDS)
async def test_create_on_a_record_with_a_member_id_author(kind: str, mock: MockAttio) -> None:
    mock.data(comment(entry=None))
    await call(
        kind,
        mock,
        "create",
        content="New thread",
        author=MEMBER,
        record={"object": "people", "record_id": PERSON},
    )
    assert mock.body() == {
        "data": {
            "format": "plaintext",
            "content": "New thread",
            "author": {"type": "workspace-member", "id": MEMBER},
            "record": {"object": "people", "record_id": PERSON},
        }
    }


@pytest.mark.parametrize("kind", KINDS)
async def test_create_on_an_entry_with_created_at(kind: str, mock: MockAttio) -> None:
    mock.data(comment())
    await call(
        kind,
        mock,
        "create",
        content="Imported",
        author=AUTHOR,
        entry={"list": "sales", "entry_id": ENTRY},
        created_at=dt.datetime(2023, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc),
    )
    assert mock.body() == {
        "data": {
            "format": "plaintext",
            "content": "Imported",
            "author": AUTHOR,
            "created_at": "2023-03-04T05:06:07.000000000Z",
            "entry": {"list": "sales", "entry_id": ENTRY},
        }
    }


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "targets",
    [
        {},
        {"thread_id": THREAD, "record": {"object": "people", "record_id": PERSON}},
        {"thread_id": THREAD, "entry": {"list": "sales", "entry_id": ENTRY}},
        {
            "record": {"object": "people", "record_id": PERSON},
            "entry": {"list": "sales", "entry_id": ENTRY},
        },
    ],
)
async def test_create_needs_exactly_one_target_before_any_request(
    kind: str, targets: dict[str, Any], mock: MockAttio
) -> None:
    mock.data(comment())
    with pytest.raises(ValueError, match="exactly one of thread_id, record or entry"):
        await call(kind, mock, "create", content="x", author=AUTHOR, **targets)
    assert mock.requests == []


@pytest.mark.parametrize("kind", KINDS)
async def test_get(kind: str, mock: MockAttio) -> None:
    mock.data(comment())
    got = await call(kind, mock, "get", COMMENT_ID)
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/comments/{COMMENT_ID}"
    assert got.resolved_at.datetime.day == 6
    assert got.entry.list_id.startswith("1f1f")
    assert got.author.id == MEMBER


@pytest.mark.parametrize("kind", KINDS)
async def test_delete_returns_none(kind: str, mock: MockAttio) -> None:
    mock.reply(200, {})
    assert await call(kind, mock, "delete", COMMENT_ID) is None
    assert mock.last.method == "DELETE"
    assert mock.last.url.path == f"/v2/comments/{COMMENT_ID}"


def test_round_trip_unresolved_comment_on_a_record() -> None:
    body = comment(entry=None, resolved_at=None, resolved_by={"type": None, "id": None})
    parsed = attio.Comment.model_validate(body)
    assert parsed.entry is None
    assert parsed.model_dump(mode="json") == body


# Comment authors are workspace members: the real member responses must read and round-trip.


def test_real_workspace_members_round_trip() -> None:
    body = load_real("rbeene-ruby__get_v2_workspace_members.json")
    for item in body["data"]:
        parsed = attio.WorkspaceMember.model_validate(item)
        assert parsed.model_dump(mode="json") == item


def test_real_workspace_member_round_trips() -> None:
    body = load_real("rbeene-ruby__get_v2_workspace_members_member.json")["data"]
    parsed = attio.WorkspaceMember.model_validate(body)
    assert parsed.model_dump(mode="json") == body
    assert parsed.id.workspace_member_id == body["id"]["workspace_member_id"]
