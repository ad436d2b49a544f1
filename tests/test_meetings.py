"""``Meeting``: cursor paging, filters, find-or-create."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import attio
from tests.conftest import CLIENT_KINDS, MockAttio
from tests.samples import call, collect_stream

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
MEETING = "3e3e3e3e-0000-4000-8000-00000000d001"
PERSON = "7d1b2c3e-0000-4000-8000-00000000b001"


def meeting(n: int = 1, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": {"workspace_id": WS, "meeting_id": f"3e3e3e3e-0000-4000-8000-{n:012d}"},
        "title": f"Weekly sync {n}",
        "description": "",
        "is_all_day": False,
        "start": {"datetime": "2024-05-01T09:00:00.000Z", "timezone": "Europe/London"},
        "end": {"datetime": "2024-05-01T09:30:00.000Z", "timezone": None},
        "participants": [
            {"status": "accepted", "is_organizer": True, "email_address": "ada@example.com"},
            {"status": "pending", "is_organizer": False, "email_address": None},
        ],
        "linked_records": [
            {
                "object_slug": "people",
                "object_id": "0b0b0b0b-0000-4000-8000-0001",
                "record_id": PERSON,
            }
        ],
        "created_at": "2024-04-30T12:00:00.000000000Z",
        "created_by_actor": {"type": "system", "id": None},
    }
    body.update(changes)
    return body


# --------------------------------------------------------------------------- meetings


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_meeting_list_sends_filters_and_exposes_next_cursor(
    kind: str, mock: MockAttio
) -> None:
    mock.data([meeting(1)], pagination={"next_cursor": "cur-2"})
    page = await call(
        mock,
        kind,
        attio.Meeting,
        "list",
        linked_object="people",
        linked_record_id=PERSON,
        participants=["ada@example.com", "bob@example.com"],
        sort="start_desc",
        ends_from=dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc),
        starts_before="2024-06-01T00:00:00Z",
        timezone="Europe/London",
        limit=100,
        cursor="cur-1",
    )
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/meetings"
    assert mock.query() == {
        "linked_object": "people",
        "linked_record_id": PERSON,
        "participants": "ada@example.com,bob@example.com",
        "sort": "start_desc",
        "ends_from": "2024-05-01T00:00:00.000000000Z",
        "starts_before": "2024-06-01T00:00:00Z",
        "timezone": "Europe/London",
        "limit": "100",
        "cursor": "cur-1",
    }
    assert page.next_cursor == "cur-2"
    assert page.has_next_page()
    assert page.data[0].model_dump(mode="json") == meeting(1)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_meeting_list_participants_as_string_and_no_unset_params(
    kind: str, mock: MockAttio
) -> None:
    mock.data([], pagination={"next_cursor": None})
    page = await call(mock, kind, attio.Meeting, "list", participants="ada@example.com")
    assert mock.query() == {"participants": "ada@example.com"}
    assert page.next_cursor is None
    assert not page.has_next_page()


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_meeting_stream_follows_cursors_until_null(kind: str, mock: MockAttio) -> None:
    mock.data([meeting(1), meeting(2)], pagination={"next_cursor": "c2"})
    mock.data([meeting(3)], pagination={"next_cursor": "c3"})
    mock.data([meeting(4)], pagination={"next_cursor": None})
    meetings = await collect_stream(mock, kind, attio.Meeting, sort="start_asc", page_size=2)
    assert [m.title for m in meetings] == [f"Weekly sync {i}" for i in range(1, 5)]
    assert len(mock.requests) == 3
    assert mock.query(0) == {"sort": "start_asc", "limit": "2"}
    assert mock.query(1) == {"sort": "start_asc", "limit": "2", "cursor": "c2"}
    assert mock.query(2) == {"sort": "start_asc", "limit": "2", "cursor": "c3"}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_meeting_full_page_with_null_cursor_ends(kind: str, mock: MockAttio) -> None:
    mock.data([meeting(1), meeting(2)], pagination={"next_cursor": None})
    meetings = await call(mock, kind, attio.Meeting, "stream_all", page_size=2)
    assert len(meetings) == 2
    assert len(mock.requests) == 1


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_meeting_get(kind: str, mock: MockAttio) -> None:
    mock.data(meeting(1))
    got = await call(mock, kind, attio.Meeting, "get", MEETING)
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/meetings/{MEETING}"
    assert got.start.timezone == "Europe/London"
    assert got.end.timezone is None
    assert got.participants[1].email_address is None
    assert got.created_by_actor.id is None


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_meeting_create_sends_spec_fields(kind: str, mock: MockAttio) -> None:
    mock.data(meeting(1))
    participants = [
        {"email_address": "ada@example.com", "is_organizer": True, "status": "accepted"}
    ]
    await call(
        mock,
        kind,
        attio.Meeting,
        "create",
        title="Kick-off",
        description="First call",
        start={"datetime": "2024-05-01T09:00:00Z", "timezone": "UTC"},
        end=dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.timezone.utc),
        is_all_day=False,
        participants=participants,
        linked_records=[{"object": "people", "record_id": PERSON}],
        external_ref={"ical_uid": "abc@example.com", "provider": "google", "is_recurring": False},
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/meetings"
    assert mock.body() == {
        "data": {
            "title": "Kick-off",
            "description": "First call",
            "start": {"datetime": "2024-05-01T09:00:00Z", "timezone": "UTC"},
            "end": {"datetime": "2024-05-01T09:30:00.000000000Z"},
            "is_all_day": False,
            "participants": participants,
            "linked_records": [{"object": "people", "record_id": PERSON}],
            "external_ref": {
                "ical_uid": "abc@example.com",
                "provider": "google",
                "is_recurring": False,
            },
        }
    }


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_meeting_create_all_day_without_linked_records(kind: str, mock: MockAttio) -> None:
    mock.data(meeting(1, is_all_day=True, start={"date": "2024-05-01"}, end={"date": "2024-05-02"}))
    created = await call(
        mock,
        kind,
        attio.Meeting,
        "create",
        title="Offsite",
        description="",
        start=dt.date(2024, 5, 1),
        end={"date": "2024-05-02"},
        is_all_day=True,
        participants=[],
        external_ref="offsite-2024",
    )
    sent = mock.body()["data"]
    assert "linked_records" not in sent
    assert sent["start"] == {"date": "2024-05-01"}
    assert sent["external_ref"] == "offsite-2024"
    assert created.start.date == "2024-05-01"
    assert created.start.datetime is None


def test_meeting_round_trip_all_day_and_future_fields() -> None:
    body = meeting(1, start={"date": "2024-05-01"}, end={"date": "2024-05-02"}, location="HQ")
    assert attio.Meeting.model_validate(body).model_dump(mode="json") == body
