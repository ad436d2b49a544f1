"""``Meeting``, ``CallRecording``, ``Transcript``: cursor paging, 204 deletes, whole transcripts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import attio
from tests.conftest import MockAttio

KINDS = ("sync", "async")

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
MEETING = "3e3e3e3e-0000-4000-8000-00000000d001"
RECORDING = "8c8c8c8c-0000-4000-8000-00000000e001"
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


def recording(n: int = 1, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": {
            "workspace_id": WS,
            "meeting_id": MEETING,
            "call_recording_id": f"8c8c8c8c-0000-4000-8000-{n:012d}",
        },
        "status": "completed",
        "web_url": f"https://app.attio.com/acme/calls/{MEETING}/{n}",
        "created_by_actor": {"type": "api-token", "id": "1a1a1a1a-0000-4000-8000-0001"},
        "created_at": "2024-05-01T10:00:00.000000000Z",
    }
    body.update(changes)
    return body


def transcript_page(segments: list[tuple[str, float, str]], raw: str) -> dict[str, Any]:
    return {
        "id": {"workspace_id": WS, "meeting_id": MEETING, "call_recording_id": RECORDING},
        "transcript": [
            {
                "speech": speech,
                "start_time": start,
                "end_time": start + 0.5,
                "speaker": {"name": speaker},
            }
            for speech, start, speaker in segments
        ],
        "raw_transcript": raw,
        "web_url": f"https://app.attio.com/acme/calls/{MEETING}/{RECORDING}/transcript",
    }


async def call(kind: str, mock: MockAttio, cls: Any, name: str, *args: Any, **kw: Any) -> Any:
    if kind == "sync":
        return getattr(cls, name)(mock.client(), *args, **kw)
    return await getattr(cls, f"{name}_async")(mock.async_client(), *args, **kw)


async def collect(kind: str, mock: MockAttio, cls: Any, *args: Any, **kw: Any) -> list[Any]:
    if kind == "sync":
        return list(cls.stream(mock.client(), *args, **kw))
    return [item async for item in cls.stream_async(mock.async_client(), *args, **kw)]


# --------------------------------------------------------------------------- meetings


@pytest.mark.parametrize("kind", KINDS)
async def test_meeting_list_sends_filters_and_exposes_next_cursor(
    kind: str, mock: MockAttio
) -> None:
    mock.data([meeting(1)], pagination={"next_cursor": "cur-2"})
    page = await call(
        kind,
        mock,
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


@pytest.mark.parametrize("kind", KINDS)
async def test_meeting_list_participants_as_string_and_no_unset_params(
    kind: str, mock: MockAttio
) -> None:
    mock.data([], pagination={"next_cursor": None})
    page = await call(kind, mock, attio.Meeting, "list", participants="ada@example.com")
    assert mock.query() == {"participants": "ada@example.com"}
    assert page.next_cursor is None
    assert not page.has_next_page()


@pytest.mark.parametrize("kind", KINDS)
async def test_meeting_stream_follows_cursors_until_null(kind: str, mock: MockAttio) -> None:
    mock.data([meeting(1), meeting(2)], pagination={"next_cursor": "c2"})
    mock.data([meeting(3)], pagination={"next_cursor": "c3"})
    mock.data([meeting(4)], pagination={"next_cursor": None})
    meetings = await collect(kind, mock, attio.Meeting, sort="start_asc", page_size=2)
    assert [m.title for m in meetings] == [f"Weekly sync {i}" for i in range(1, 5)]
    assert len(mock.requests) == 3
    assert mock.query(0) == {"sort": "start_asc", "limit": "2"}
    assert mock.query(1) == {"sort": "start_asc", "limit": "2", "cursor": "c2"}
    assert mock.query(2) == {"sort": "start_asc", "limit": "2", "cursor": "c3"}


@pytest.mark.parametrize("kind", KINDS)
async def test_meeting_full_page_with_null_cursor_ends(kind: str, mock: MockAttio) -> None:
    mock.data([meeting(1), meeting(2)], pagination={"next_cursor": None})
    meetings = await call(kind, mock, attio.Meeting, "stream_all", page_size=2)
    assert len(meetings) == 2
    assert len(mock.requests) == 1


@pytest.mark.parametrize("kind", KINDS)
async def test_meeting_get(kind: str, mock: MockAttio) -> None:
    mock.data(meeting(1))
    got = await call(kind, mock, attio.Meeting, "get", MEETING)
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/meetings/{MEETING}"
    assert got.start.timezone == "Europe/London"
    assert got.end.timezone is None
    assert got.participants[1].email_address is None
    assert got.created_by_actor.id is None


@pytest.mark.parametrize("kind", KINDS)
async def test_meeting_create_sends_spec_fields(kind: str, mock: MockAttio) -> None:
    mock.data(meeting(1))
    participants = [
        {"email_address": "ada@example.com", "is_organizer": True, "status": "accepted"}
    ]
    await call(
        kind,
        mock,
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


@pytest.mark.parametrize("kind", KINDS)
async def test_meeting_create_all_day_without_linked_records(kind: str, mock: MockAttio) -> None:
    mock.data(meeting(1, is_all_day=True, start={"date": "2024-05-01"}, end={"date": "2024-05-02"}))
    created = await call(
        kind,
        mock,
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


# --------------------------------------------------------------------------- call recordings


@pytest.mark.parametrize("kind", KINDS)
async def test_recording_list_cursor(kind: str, mock: MockAttio) -> None:
    mock.data([recording(1)], pagination={"next_cursor": "r2"})
    page = await call(kind, mock, attio.CallRecording, "list", MEETING, limit=1, cursor="r1")
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/meetings/{MEETING}/call_recordings"
    assert mock.query() == {"limit": "1", "cursor": "r1"}
    assert page.next_cursor == "r2"
    assert page.data[0].model_dump(mode="json") == recording(1)


@pytest.mark.parametrize("kind", KINDS)
async def test_recording_stream_follows_cursors(kind: str, mock: MockAttio) -> None:
    mock.data([recording(1)], pagination={"next_cursor": "r2"})
    mock.data([recording(2)], pagination={"next_cursor": None})
    recordings = await collect(kind, mock, attio.CallRecording, MEETING)
    assert [r.id.call_recording_id[-1] for r in recordings] == ["1", "2"]
    assert mock.query(0) == {}
    assert mock.query(1) == {"cursor": "r2"}


@pytest.mark.parametrize("kind", KINDS)
async def test_recording_stream_all_ends_on_empty_page(kind: str, mock: MockAttio) -> None:
    mock.data([], pagination={"next_cursor": None})
    assert await call(kind, mock, attio.CallRecording, "stream_all", MEETING, page_size=5) == []
    assert mock.query() == {"limit": "5"}
    assert len(mock.requests) == 1


@pytest.mark.parametrize("kind", KINDS)
async def test_recording_get(kind: str, mock: MockAttio) -> None:
    mock.data(recording(1, status="processing"))
    got = await call(kind, mock, attio.CallRecording, "get", MEETING, RECORDING)
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/meetings/{MEETING}/call_recordings/{RECORDING}"
    assert got.status == "processing"


@pytest.mark.parametrize("kind", KINDS)
async def test_recording_create(kind: str, mock: MockAttio) -> None:
    mock.data(recording(1, status="processing"))
    created = await call(
        kind,
        mock,
        attio.CallRecording,
        "create",
        MEETING,
        video_url="https://cdn.example.com/call.mp4",
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == f"/v2/meetings/{MEETING}/call_recordings"
    assert mock.body() == {"data": {"video_url": "https://cdn.example.com/call.mp4"}}
    assert created.status == "processing"


@pytest.mark.parametrize("kind", KINDS)
async def test_recording_delete_accepts_204_with_empty_body(kind: str, mock: MockAttio) -> None:
    mock.reply(204, content=b"")
    result = await call(kind, mock, attio.CallRecording, "delete", MEETING, RECORDING)
    assert result is None
    assert mock.last.method == "DELETE"
    assert mock.last.url.path == f"/v2/meetings/{MEETING}/call_recordings/{RECORDING}"


def test_recording_round_trip_with_unknown_status() -> None:
    body = recording(1, status="archived", duration_seconds=61.5)
    parsed = attio.CallRecording.model_validate(body)
    assert parsed.status == "archived"
    assert parsed.model_dump(mode="json") == body


# --------------------------------------------------------------------------- transcripts


@pytest.mark.parametrize("kind", KINDS)
async def test_transcript_concatenates_every_cursor_page(kind: str, mock: MockAttio) -> None:
    mock.data(
        transcript_page(
            [("Hello,", 0.5, "Ada"), ("Mr Watson.", 1.0, "Ada")], "[00:00] Ada: Hello,"
        ),
        pagination={"next_cursor": "t2"},
    )
    mock.data(
        transcript_page([("I'm here.", 5.0, "Tom")], "[00:05] Tom: I'm here.\n"),
        pagination={"next_cursor": "t3"},
    )
    mock.data(
        transcript_page([("Good.", 9.0, "Ada")], "[00:09] Ada: Good."),
        pagination={"next_cursor": None},
    )
    got = await call(kind, mock, attio.Transcript, "get", MEETING, RECORDING)
    assert isinstance(got, attio.Transcript)
    assert [s.speech for s in got.transcript] == ["Hello,", "Mr Watson.", "I'm here.", "Good."]
    assert [s.speaker.name for s in got.transcript] == ["Ada", "Ada", "Tom", "Ada"]
    assert got.transcript[2].start_time == 5.0
    assert got.raw_transcript == "[00:00] Ada: Hello,\n[00:05] Tom: I'm here.\n[00:09] Ada: Good."
    assert got.id.call_recording_id == RECORDING
    assert got.web_url.endswith("/transcript")
    path = f"/v2/meetings/{MEETING}/call_recordings/{RECORDING}/transcript"
    assert [r.url.path for r in mock.requests] == [path] * 3
    assert [mock.query(i) for i in range(3)] == [{}, {"cursor": "t2"}, {"cursor": "t3"}]
    # the merged transcript dumps like a single-page answer would
    dumped = got.model_dump(mode="json")
    assert set(dumped) == {"id", "transcript", "raw_transcript", "web_url"}
    assert len(dumped["transcript"]) == 4


@pytest.mark.parametrize("kind", KINDS)
async def test_transcript_single_page_is_returned_as_is(kind: str, mock: MockAttio) -> None:
    page = transcript_page([("Hi.", 0.0, "Ada")], "[00:00] Ada: Hi.")
    mock.data(page, pagination={"next_cursor": None})
    got = await call(kind, mock, attio.Transcript, "get", MEETING, RECORDING)
    assert got.model_dump(mode="json") == page
    assert len(mock.requests) == 1


@pytest.mark.parametrize("kind", KINDS)
async def test_transcript_keeps_a_repeated_raw_text_once(kind: str, mock: MockAttio) -> None:
    whole = "[00:00] Ada: Hi.\n[00:05] Tom: Hello."
    mock.data(transcript_page([("Hi.", 0.0, "Ada")], whole), pagination={"next_cursor": "t2"})
    mock.data(transcript_page([("Hello.", 5.0, "Tom")], whole), pagination={"next_cursor": None})
    got = await call(kind, mock, attio.Transcript, "get", MEETING, RECORDING)
    assert got.raw_transcript == whole
    assert [s.speech for s in got.transcript] == ["Hi.", "Hello."]


async def test_transcript_stops_when_a_cursor_repeats(mock: MockAttio) -> None:
    mock.data(transcript_page([("a", 0.0, "Ada")], "a"), pagination={"next_cursor": "same"})
    mock.data(transcript_page([("b", 1.0, "Ada")], "b"), pagination={"next_cursor": "same"})
    got = attio.Transcript.get(mock.client(), MEETING, RECORDING)
    assert [s.speech for s in got.transcript] == ["a", "b"]
    assert len(mock.requests) == 2
