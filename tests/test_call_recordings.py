"""``CallRecording``, ``Transcript``: cursor paging, 204 deletes, whole transcripts."""

from __future__ import annotations

from typing import Any

import pytest

import attio
from tests.conftest import CLIENT_KINDS, MockAttio
from tests.samples import call, collect_stream

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
MEETING = "3e3e3e3e-0000-4000-8000-00000000d001"
RECORDING = "8c8c8c8c-0000-4000-8000-00000000e001"


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


# --------------------------------------------------------------------------- call recordings


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_recording_list_cursor(kind: str, mock: MockAttio) -> None:
    mock.data([recording(1)], pagination={"next_cursor": "r2"})
    page = await call(mock, kind, attio.CallRecording, "list", MEETING, limit=1, cursor="r1")
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/meetings/{MEETING}/call_recordings"
    assert mock.query() == {"limit": "1", "cursor": "r1"}
    assert page.next_cursor == "r2"
    assert page.data[0].model_dump(mode="json") == recording(1)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_recording_stream_follows_cursors(kind: str, mock: MockAttio) -> None:
    mock.data([recording(1)], pagination={"next_cursor": "r2"})
    mock.data([recording(2)], pagination={"next_cursor": None})
    recordings = await collect_stream(mock, kind, attio.CallRecording, MEETING)
    assert [r.id.call_recording_id[-1] for r in recordings] == ["1", "2"]
    assert mock.query(0) == {}
    assert mock.query(1) == {"cursor": "r2"}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_recording_stream_all_ends_on_empty_page(kind: str, mock: MockAttio) -> None:
    mock.data([], pagination={"next_cursor": None})
    assert await call(mock, kind, attio.CallRecording, "stream_all", MEETING, page_size=5) == []
    assert mock.query() == {"limit": "5"}
    assert len(mock.requests) == 1


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_recording_get(kind: str, mock: MockAttio) -> None:
    mock.data(recording(1, status="processing"))
    got = await call(mock, kind, attio.CallRecording, "get", MEETING, RECORDING)
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/meetings/{MEETING}/call_recordings/{RECORDING}"
    assert got.status == "processing"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_recording_create(kind: str, mock: MockAttio) -> None:
    mock.data(recording(1, status="processing"))
    created = await call(
        mock,
        kind,
        attio.CallRecording,
        "create",
        MEETING,
        video_url="https://cdn.example.com/call.mp4",
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == f"/v2/meetings/{MEETING}/call_recordings"
    assert mock.body() == {"data": {"video_url": "https://cdn.example.com/call.mp4"}}
    assert created.status == "processing"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_recording_delete_accepts_204_with_empty_body(kind: str, mock: MockAttio) -> None:
    mock.reply(204, content=b"")
    result = await call(mock, kind, attio.CallRecording, "delete", MEETING, RECORDING)
    assert result is None
    assert mock.last.method == "DELETE"
    assert mock.last.url.path == f"/v2/meetings/{MEETING}/call_recordings/{RECORDING}"


def test_recording_round_trip_with_unknown_status() -> None:
    body = recording(1, status="archived", duration_seconds=61.5)
    parsed = attio.CallRecording.model_validate(body)
    assert parsed.status == "archived"
    assert parsed.model_dump(mode="json") == body


# --------------------------------------------------------------------------- transcripts


@pytest.mark.parametrize("kind", CLIENT_KINDS)
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
    got = await call(mock, kind, attio.Transcript, "get", MEETING, RECORDING)
    assert isinstance(got, attio.Transcript)
    assert got.transcript is not None
    assert [s.speech for s in got.transcript] == ["Hello,", "Mr Watson.", "I'm here.", "Good."]
    speakers = [s.speaker.name if s.speaker else None for s in got.transcript]
    assert speakers == ["Ada", "Ada", "Tom", "Ada"]
    assert got.transcript[2].start_time == 5.0
    assert got.raw_transcript == "[00:00] Ada: Hello,\n[00:05] Tom: I'm here.\n[00:09] Ada: Good."
    assert got.id.call_recording_id == RECORDING
    assert got.web_url is not None
    assert got.web_url.endswith("/transcript")
    path = f"/v2/meetings/{MEETING}/call_recordings/{RECORDING}/transcript"
    assert [r.url.path for r in mock.requests] == [path] * 3
    assert [mock.query(i) for i in range(3)] == [{}, {"cursor": "t2"}, {"cursor": "t3"}]
    # the merged transcript dumps like a single-page answer would
    dumped = got.model_dump(mode="json")
    assert set(dumped) == {"id", "transcript", "raw_transcript", "web_url"}
    assert len(dumped["transcript"]) == 4


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_transcript_single_page_is_returned_as_is(kind: str, mock: MockAttio) -> None:
    page = transcript_page([("Hi.", 0.0, "Ada")], "[00:00] Ada: Hi.")
    mock.data(page, pagination={"next_cursor": None})
    got = await call(mock, kind, attio.Transcript, "get", MEETING, RECORDING)
    assert got.model_dump(mode="json") == page
    assert len(mock.requests) == 1


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_transcript_keeps_a_repeated_raw_text_once(kind: str, mock: MockAttio) -> None:
    whole = "[00:00] Ada: Hi.\n[00:05] Tom: Hello."
    mock.data(transcript_page([("Hi.", 0.0, "Ada")], whole), pagination={"next_cursor": "t2"})
    mock.data(transcript_page([("Hello.", 5.0, "Tom")], whole), pagination={"next_cursor": None})
    got = await call(mock, kind, attio.Transcript, "get", MEETING, RECORDING)
    assert got.raw_transcript == whole
    assert [s.speech for s in got.transcript] == ["Hi.", "Hello."]


async def test_transcript_stops_when_a_cursor_repeats(mock: MockAttio) -> None:
    mock.data(transcript_page([("a", 0.0, "Ada")], "a"), pagination={"next_cursor": "same"})
    mock.data(transcript_page([("b", 1.0, "Ada")], "b"), pagination={"next_cursor": "same"})
    got = attio.Transcript.get(mock.client(), MEETING, RECORDING)
    assert got.transcript is not None
    assert [s.speech for s in got.transcript] == ["a", "b"]
    assert len(mock.requests) == 2
