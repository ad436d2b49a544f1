"""Meetings (cursor paging), call recordings (delete answers 204) and transcripts across several
cursor pages, replayed from cassettes."""

from __future__ import annotations

from typing import Any

import pytest

import attio

from .conftest import Api

ORGANIZER = "vcr-organizer@example.com"
GUEST = "vcr-guest@example.com"
VIDEO = "https://media.example.com/vcr/standup.mp4"
SEGMENTS = [
    {
        "speech": "Morning, everyone.",
        "start_time": 0.0,
        "end_time": 1.5,
        "speaker": {"name": "Ada"},
    },
    {"speech": "Morning!", "start_time": 1.6, "end_time": 2.1, "speaker": {"name": "Grace"}},
    {
        "speech": "The build is green.",
        "start_time": 2.5,
        "end_time": 4.0,
        "speaker": {"name": "Ada"},
    },
    {"speech": "Ship it.", "start_time": 4.2, "end_time": 5.0, "speaker": {"name": "Grace"}},
    {"speech": "Done.", "start_time": 5.5, "end_time": 6.0, "speaker": {"name": "Ada"}},
]


async def _meeting(api: Api, n: int) -> attio.Meeting:
    """Find or create (by ``external_ref``) meeting ``n`` with fixed times."""
    meeting: attio.Meeting = await api(
        attio.Meeting.create,
        title=f"VCR stand-up {n}",
        description="Recorded by the attio integration tests",
        start={"datetime": f"2030-01-0{n}T09:00:00Z", "timezone": "Europe/London"},
        end={"datetime": f"2030-01-0{n}T09:15:00Z", "timezone": "Europe/London"},
        is_all_day=False,
        participants=[
            {"email_address": ORGANIZER, "is_organizer": True, "status": "accepted"},
            {"email_address": GUEST, "is_organizer": False, "status": "tentative"},
        ],
        external_ref={
            "ical_uid": f"vcr-standup-{n}@example.com",
            "provider": "google",
            "is_recurring": False,
        },
    )
    return meeting


async def test_meetings_create_get_list_and_stream_by_cursor(api: Api) -> None:
    meetings = [await _meeting(api, n) for n in (1, 2, 3)]
    assert len({m.id.meeting_id for m in meetings}) == 3
    first = meetings[0]
    assert isinstance(first, attio.Meeting)
    assert first.title == "VCR stand-up 1"
    assert first.is_all_day is False
    assert first.start is not None
    assert first.start.datetime is not None
    assert first.start.datetime.startswith("2030-01-01T09:00:00")
    assert {(p.email_address, p.is_organizer) for p in first.participants or []} == {
        (ORGANIZER, True),
        (GUEST, False),
    }

    again = await _meeting(api, 1)  # find-or-create: the same meeting
    assert again.id == first.id

    fetched = await api(attio.Meeting.get, first.id.meeting_id)
    assert fetched.id == first.id
    assert fetched.description == "Recorded by the attio integration tests"

    page = await api(attio.Meeting.list, participants=[ORGANIZER], sort="start_asc", limit=2)
    assert [m.id for m in page.data] == [m.id for m in meetings[:2]]
    assert page.next_cursor
    rest = await api.next_page(page)
    assert rest is not None
    assert [m.id for m in rest.data] == [meetings[2].id]

    streamed = await api.collect(
        attio.Meeting.stream, participants=[ORGANIZER], sort="start_desc", page_size=1
    )
    assert [m.id for m in streamed] == [m.id for m in reversed(meetings)]
    everything = await api(attio.Meeting.stream_all, participants=[ORGANIZER, GUEST])
    assert {m.id.meeting_id for m in meetings} <= {m.id.meeting_id for m in everything}


async def test_call_recordings_create_list_get_delete(api: Api) -> None:
    meeting_id = (await _meeting(api, 4)).id.meeting_id
    created = [
        await api(attio.CallRecording.create, meeting_id, video_url=f"{VIDEO}?part={n}")
        for n in (1, 2)
    ]
    assert all(isinstance(r, attio.CallRecording) for r in created)
    assert all(r.id.meeting_id == meeting_id for r in created)
    assert all(r.status in ("processing", "completed", "failed") for r in created)
    ids = [r.id.call_recording_id for r in created]

    first_page = await api(attio.CallRecording.list, meeting_id, limit=1)
    assert [r.id.call_recording_id for r in first_page.data] == ids[:1]
    assert first_page.next_cursor
    streamed = await api.collect(attio.CallRecording.stream, meeting_id, page_size=1)
    assert [r.id.call_recording_id for r in streamed] == ids

    fetched = await api(attio.CallRecording.get, meeting_id, ids[0])
    assert fetched.id == created[0].id
    assert fetched.web_url == created[0].web_url

    assert await api(attio.CallRecording.delete, meeting_id, ids[0]) is None  # a 204
    with pytest.raises(attio.NotFoundError):
        await api(attio.CallRecording.get, meeting_id, ids[0])
    left = await api(attio.CallRecording.stream_all, meeting_id)
    assert [r.id.call_recording_id for r in left] == ids[1:]
    await api(attio.CallRecording.delete, meeting_id, ids[1])


@pytest.mark.fake_only  # the transcript is seeded into FakeAttio while recording
async def test_transcript_is_gathered_across_cursor_pages(api: Api, attio_fake: Any) -> None:
    meeting_id = (await _meeting(api, 5)).id.meeting_id
    recording = await api(attio.CallRecording.create, meeting_id, video_url=VIDEO)
    recording_id = recording.id.call_recording_id
    if recording_id in attio_fake.store.recordings.get(meeting_id, {}):  # recording, not replay
        attio_fake.store.transcript_page_size = 2
        attio_fake.set_transcript(meeting_id, recording_id, SEGMENTS)

    transcript = await api(attio.Transcript.get, meeting_id, recording_id)
    assert isinstance(transcript, attio.Transcript)
    assert transcript.id.call_recording_id == recording_id
    assert transcript.id.meeting_id == meeting_id
    got = [s.model_dump(mode="json") for s in transcript.transcript or []]
    assert got == SEGMENTS  # 3 pages of 2, 2 and 1 segments, in order
    assert transcript.raw_transcript is not None
    positions = [transcript.raw_transcript.find(str(s["speech"])) for s in SEGMENTS]
    assert -1 not in positions
    assert positions == sorted(positions)
    await api(attio.CallRecording.delete, meeting_id, recording_id)
