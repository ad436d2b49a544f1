"""Routes for call recordings and their transcripts."""

from __future__ import annotations

import copy

from attio.testing.fake._errors import not_found
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import check_fields, cursor_page, data_of, int_param

routes = RouteTable()

_RECORDING_404 = 'Call recording with ID "{}" was not found.'


@routes.get("/v2/meetings/{meeting_id}/call_recordings")
def list_recordings(ctx: Ctx, meeting_id: str) -> Reply:
    ctx.store.meeting(meeting_id)
    limit = int_param(ctx.q("limit"), "limit", default=50, minimum=1, maximum=200)
    assert limit is not None
    recordings = list(ctx.store.recordings[meeting_id].values())
    return 200, cursor_page(copy.deepcopy(recordings), limit, ctx.q("cursor"))


@routes.post("/v2/meetings/{meeting_id}/call_recordings")
def create_recording(ctx: Ctx, meeting_id: str) -> Reply:
    if meeting_id not in ctx.store.meetings:
        raise not_found("The referenced meeting was not found.")
    data = data_of(ctx.body)
    check_fields(data, {"video_url": "string"})
    return 200, {"data": copy.deepcopy(ctx.store.create_recording(meeting_id, data["video_url"]))}


@routes.get("/v2/meetings/{meeting_id}/call_recordings/{recording_id}")
def get_recording(ctx: Ctx, meeting_id: str, recording_id: str) -> Reply:
    recording = ctx.store.recording(meeting_id, recording_id, _RECORDING_404)
    return 200, {"data": copy.deepcopy(recording)}


@routes.delete("/v2/meetings/{meeting_id}/call_recordings/{recording_id}")
def delete_recording(ctx: Ctx, meeting_id: str, recording_id: str) -> Reply:
    ctx.store.delete_recording(meeting_id, recording_id)
    return 204, None


@routes.get("/v2/meetings/{meeting_id}/call_recordings/{recording_id}/transcript")
def get_transcript(ctx: Ctx, meeting_id: str, recording_id: str) -> Reply:
    store = ctx.store
    recording = store.recording(meeting_id, recording_id, _RECORDING_404)
    page = cursor_page(store.transcripts[recording_id], store.transcript_page_size, ctx.q("cursor"))
    segments = page["data"]
    return 200, {
        "data": {
            "id": dict(recording["id"]),
            "transcript": copy.deepcopy(segments),
            "raw_transcript": " ".join(s["speech"] for s in segments),
            "web_url": recording["web_url"],
        },
        "pagination": page["pagination"],
    }
