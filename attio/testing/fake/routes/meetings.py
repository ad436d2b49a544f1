"""Routes for meetings."""

from __future__ import annotations

import copy

from attio.testing.fake._errors import validation
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import (
    JSON,
    check_fields,
    cursor_page,
    data_of,
    int_param,
    iso,
    parse_timestamp,
)

routes = RouteTable()


def _sort_instant(meeting: JSON) -> str:
    start = meeting["start"]
    moment = parse_timestamp(start.get("datetime") or start.get("date") or "")
    return iso(moment) if moment else ""


@routes.get("/v2/meetings")
def list_meetings(ctx: Ctx) -> Reply:
    store = ctx.store
    limit = int_param(ctx.q("limit"), "limit", default=50, minimum=1, maximum=200)
    assert limit is not None
    meetings = list(store.meetings.values())
    linked_object, linked_record = ctx.q("linked_object"), ctx.q("linked_record_id")
    if linked_object is not None:
        object_id = store.object(linked_object)["id"]["object_id"]
        meetings = [
            m for m in meetings if any(r["object_id"] == object_id for r in m["linked_records"])
        ]
    if linked_record is not None:
        meetings = [
            m for m in meetings if any(r["record_id"] == linked_record for r in m["linked_records"])
        ]
    participants = ctx.q("participants")
    if participants:
        emails = {e.strip().lower() for e in participants.split(",")}
        meetings = [
            m
            for m in meetings
            if emails & {(p["email_address"] or "").lower() for p in m["participants"]}
        ]
    ends_from, starts_before = ctx.q("ends_from"), ctx.q("starts_before")
    if ends_from:
        bound = parse_timestamp(ends_from)
        meetings = [m for m in meetings if bound is None or _end_instant(m) >= iso(bound)]
    if starts_before:
        bound = parse_timestamp(starts_before)
        meetings = [m for m in meetings if bound is None or _sort_instant(m) < iso(bound)]
    sort = ctx.q("sort") or "start_asc"
    if sort not in ("start_asc", "start_desc"):
        raise validation(f'Invalid sort "{sort}".')
    meetings.sort(key=_sort_instant, reverse=sort == "start_desc")
    return 200, cursor_page(copy.deepcopy(meetings), limit, ctx.q("cursor"))


def _end_instant(meeting: JSON) -> str:
    end = meeting["end"]
    moment = parse_timestamp(end.get("datetime") or end.get("date") or "")
    return iso(moment) if moment else ""


@routes.post("/v2/meetings")
def create_meeting(ctx: Ctx) -> Reply:
    data = data_of(ctx.body)
    check_fields(
        data,
        {
            "title": "string",
            "description": "string",
            "start": "object",
            "end": "object",
            "is_all_day": "boolean",
            "participants": "array",
            "external_ref": "string|object",
        },
        {"linked_records": "array"},
    )
    if not data["participants"]:
        raise validation("No participants were provided.")
    return 200, {"data": _public(ctx.store.find_or_create_meeting(data))}


def _public(meeting: JSON) -> JSON:
    return copy.deepcopy({k: v for k, v in meeting.items() if not k.startswith("_")})


@routes.get("/v2/meetings/{meeting_id}")
def get_meeting(ctx: Ctx, meeting_id: str) -> Reply:
    return 200, {"data": _public(ctx.store.meeting(meeting_id))}
