"""``attio.Note``: every operation through HTTP, sync and async; paging; real responses."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import attio
from attio.notes import NoteRecordTag, NoteUnknownTag, NoteWorkspaceMemberTag
from tests.conftest import MockAttio, load_real

KINDS = ("sync", "async")

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
PERSON = "7d1b2c3e-0000-4000-8000-00000000b001"


def note(n: int = 1, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": {"workspace_id": WS, "note_id": f"0e0e0e0e-0000-4000-8000-{n:012d}"},
        "parent_object": "people",
        "parent_record_id": PERSON,
        "title": f"Call recap {n}",
        "meeting_id": None,
        "content_plaintext": "Discussed pricing.\nNext call Friday.",
        "content_markdown": "Discussed **pricing**.\n\nNext call Friday.",
        "tags": [
            {"type": "workspace-member", "workspace_member_id": "9f9f9f9f-0000-4000-8000-0001"},
            {"type": "record", "object": "companies", "record_id": "5c5c5c5c-0000-4000-8000-0001"},
        ],
        "created_by_actor": {"type": "api-token", "id": "1a1a1a1a-0000-4000-8000-0001"},
        "created_at": "2024-03-01T10:00:00.123456789Z",
    }
    body.update(changes)
    return body


async def call(kind: str, mock: MockAttio, name: str, *args: Any, **kwargs: Any) -> Any:
    """Call ``attio.Note.<name>`` (sync) or ``<name>_async`` (async) with a fresh client."""
    if kind == "sync":
        return getattr(attio.Note, name)(mock.client(), *args, **kwargs)
    return await getattr(attio.Note, f"{name}_async")(mock.async_client(), *args, **kwargs)


async def collect(kind: str, mock: MockAttio, *args: Any, **kwargs: Any) -> list[Any]:
    """Everything ``Note.stream`` / ``Note.stream_async`` yields."""
    if kind == "sync":
        return list(attio.Note.stream(mock.client(), *args, **kwargs))
    return [n async for n in attio.Note.stream_async(mock.async_client(), *args, **kwargs)]


# --------------------------------------------------------------------------- list / stream


@pytest.mark.parametrize("kind", KINDS)
async def test_list_sends_filters_and_paging(kind: str, mock: MockAttio) -> None:
    mock.data([note(1), note(2)])
    page = await call(
        kind, mock, "list", parent_object="people", parent_record_id=PERSON, limit=20, offset=40
    )
    assert isinstance(page, attio.Page)
    assert [n.title for n in page.data] == ["Call recap 1", "Call recap 2"]
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/notes"
    assert mock.query() == {
        "parent_object": "people",
        "parent_record_id": PERSON,
        "limit": "20",
        "offset": "40",
    }
    assert mock.last.content == b""
    assert page.data[0].model_dump(mode="json") == note(1)
    assert not page.has_next_page()  # 2 < 20: short page


@pytest.mark.parametrize("kind", KINDS)
async def test_list_without_filters_sends_no_query(kind: str, mock: MockAttio) -> None:
    mock.data([])
    page = await call(kind, mock, "list")
    assert page.data == []
    assert mock.query() == {}


@pytest.mark.parametrize("kind", KINDS)
async def test_stream_stops_on_short_page(kind: str, mock: MockAttio) -> None:
    mock.data([note(1), note(2)]).data([note(3)])
    notes = await collect(kind, mock, parent_object="people", page_size=2)
    assert [n.id.note_id[-1] for n in notes] == ["1", "2", "3"]
    assert len(mock.requests) == 2
    assert mock.query(0) == {"parent_object": "people", "limit": "2"}
    assert mock.query(1) == {"parent_object": "people", "limit": "2", "offset": "2"}


@pytest.mark.parametrize("kind", KINDS)
async def test_stream_stops_on_empty_page(kind: str, mock: MockAttio) -> None:
    mock.data([note(1), note(2)]).data([note(3), note(4)]).data([])
    notes = await collect(kind, mock, page_size=2)
    assert len(notes) == 4
    assert len(mock.requests) == 3
    assert mock.query(2) == {"limit": "2", "offset": "4"}


@pytest.mark.parametrize("kind", KINDS)
async def test_stream_uses_attio_default_page_of_ten(kind: str, mock: MockAttio) -> None:
    mock.data([note(i) for i in range(10)]).data([note(10)])
    notes = await collect(kind, mock)
    assert len(notes) == 11
    assert len(mock.requests) == 2
    assert mock.query(0) == {}
    assert mock.query(1) == {"offset": "10"}


@pytest.mark.parametrize("kind", KINDS)
async def test_stream_all_returns_a_list(kind: str, mock: MockAttio) -> None:
    mock.data([note(1), note(2)]).data([])
    notes = await call(kind, mock, "stream_all", parent_record_id=PERSON, page_size=2)
    assert isinstance(notes, list)
    assert [n.title for n in notes] == ["Call recap 1", "Call recap 2"]
    assert mock.query(1) == {"parent_record_id": PERSON, "limit": "2", "offset": "2"}


# --------------------------------------------------------------------------- get / create / delete


@pytest.mark.parametrize("kind", KINDS)
async def test_get(kind: str, mock: MockAttio) -> None:
    mock.data(note(7))
    got = await call(kind, mock, "get", "0e0e0e0e-0000-4000-8000-000000000007")
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/notes/0e0e0e0e-0000-4000-8000-000000000007"
    assert got.title == "Call recap 7"
    assert got.created_at.nanosecond == 789
    assert isinstance(got.tags[0], NoteWorkspaceMemberTag)
    assert isinstance(got.tags[1], NoteRecordTag)
    assert got.tags[1].object == "companies"


@pytest.mark.parametrize("kind", KINDS)
async def test_create_sends_required_fields_and_plaintext_default(
    kind: str, mock: MockAttio
) -> None:
    mock.data(note(1))
    created = await call(
        kind,
        mock,
        "create",
        parent_object="people",
        parent_record_id=PERSON,
        title="Call recap",
        content="Discussed pricing.",
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/notes"
    assert mock.query() == {}
    assert mock.body() == {
        "data": {
            "parent_object": "people",
            "parent_record_id": PERSON,
            "title": "Call recap",
            "format": "plaintext",
            "content": "Discussed pricing.",
        }
    }
    assert created.id.note_id.endswith("1")


@pytest.mark.parametrize("kind", KINDS)
async def test_create_with_markdown_created_at_and_null_meeting(kind: str, mock: MockAttio) -> None:
    mock.data(note(1))
    await call(
        kind,
        mock,
        "create",
        parent_object="companies",
        parent_record_id=PERSON,
        title="T",
        content="# Hi",
        format="markdown",
        created_at=dt.datetime(2023, 1, 1, 15, 0, tzinfo=dt.timezone.utc),
        meeting_id=None,
    )
    sent = mock.body()["data"]
    assert sent["format"] == "markdown"
    assert sent["created_at"] == "2023-01-01T15:00:00.000000000Z"
    assert "meeting_id" in sent
    assert sent["meeting_id"] is None


@pytest.mark.parametrize("kind", KINDS)
async def test_delete_returns_none(kind: str, mock: MockAttio) -> None:
    mock.reply(200, {})
    result = await call(kind, mock, "delete", "0e0e0e0e-0000-4000-8000-000000000001")
    assert result is None
    assert mock.last.method == "DELETE"
    assert mock.last.url.path == "/v2/notes/0e0e0e0e-0000-4000-8000-000000000001"


async def test_path_segments_are_percent_encoded(mock: MockAttio) -> None:
    mock.data(note(1))
    attio.Note.get(mock.client(), "a/b c")
    assert mock.last.url.raw_path == b"/v2/notes/a%2Fb%20c"


async def test_wrong_client_kind_is_a_type_error(mock: MockAttio) -> None:
    with pytest.raises(TypeError, match="_async"):
        attio.Note.list(mock.async_client())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        await attio.Note.get_async(mock.client(), "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        attio.Note.stream_async(mock.client())  # type: ignore[arg-type]
    assert mock.requests == []


# --------------------------------------------------------------------------- models


def test_round_trip_keeps_everything_and_adds_nothing() -> None:
    body = note(1)
    del body["meeting_id"]  # older responses have no meeting_id: none must be added
    body["tags"].append({"type": "team", "team_id": "t-1"})  # a future tag type
    body["pinned"] = True  # a future field
    parsed = attio.Note.model_validate(body)
    assert parsed.tags is not None
    assert isinstance(parsed.tags[2], NoteUnknownTag)
    assert parsed.model_dump(mode="json") == body
    assert json.loads(parsed.model_dump_json()) == body


def test_real_notes_list_round_trips() -> None:
    body = load_real("rbeene-ruby__get_v2_notes.json")
    for item in body["data"]:
        parsed = attio.Note.model_validate(item)
        assert parsed.model_dump(mode="json") == item
        assert parsed.id.note_id == item["id"]["note_id"]


def test_real_note_create_response_round_trips(mock: MockAttio) -> None:
    body = load_real("rbeene-ruby__post_v2_notes.json")
    mock.reply(200, body)
    created = attio.Note.create(
        mock.client(), parent_object="people", parent_record_id=PERSON, title="t", content="c"
    )
    assert created.model_dump(mode="json") == body["data"]
    assert created.tags == []
