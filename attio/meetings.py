"""``Meeting`` — ``/v2/meetings`` (beta; paged by cursor); recordings: :mod:`.call_recordings`."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from ._endpoints import endpoint, paged, streamed
from ._models import Actor, AttioModel, Timestamp
from ._pagination import PagedRequest, Paging
from ._parsing import parse_data, parse_page
from ._request import Request, body, seg, timestamp_text
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = ["Meeting", "MeetingId", "MeetingLinkedRecord", "MeetingParticipant", "MeetingTime"]

MeetingSort = Literal["start_asc", "start_desc"]


class MeetingId(AttioModel):
    """``{"workspace_id", "meeting_id"}``."""

    workspace_id: str
    meeting_id: str


class MeetingTime(AttioModel):
    """A meeting's start or end: ``{"datetime", "timezone"}``, or ``{"date"}`` when all-day."""

    datetime: str | None = None
    timezone: str | None = None
    date: str | None = None


class MeetingParticipant(AttioModel):
    """``{"status": accepted|tentative|declined|pending, "is_organizer", "email_address"}``."""

    status: Literal["accepted", "tentative", "declined", "pending"] | str
    is_organizer: bool
    email_address: str | None


class MeetingLinkedRecord(AttioModel):
    """A record a meeting is linked to: ``{"object_slug", "object_id", "record_id"}``."""

    object_slug: str
    object_id: str
    record_id: str


def _meeting_time(value: Any) -> Any:
    """A ``datetime`` → ``{"datetime": ISO}``, a ``date`` → ``{"date": ISO}``; else unchanged."""
    if isinstance(value, _dt.datetime):
        return {"datetime": str(Timestamp(value))}
    if isinstance(value, _dt.date):
        return {"date": value.isoformat()}
    return value


def _listed(items: Any) -> Any:
    """An iterable as a list for the JSON body (``None`` and ``NOT_GIVEN`` unchanged)."""
    return items if items is None or isinstance(items, NotGiven) else list(items)


def _meetings(
    linked_object: str | None,
    linked_record_id: str | None,
    participants: str | Iterable[str] | None,
    sort: str | None,
    ends_from: str | _dt.datetime | None,
    starts_before: str | _dt.datetime | None,
    timezone: str | None,
    limit: int | None = None,
    cursor: str | None = None,
) -> PagedRequest[Meeting]:
    if participants is not None and not isinstance(participants, str):
        participants = ",".join(participants)
    params = {
        "limit": limit,
        "cursor": cursor,
        "linked_object": linked_object,
        "linked_record_id": linked_record_id,
        "participants": participants,
        "sort": sort,
        "ends_from": timestamp_text(ends_from),
        "starts_before": timestamp_text(starts_before),
        "timezone": timezone,
    }
    request = Request("GET", "/v2/meetings", parse_page(Meeting), params=params)
    return PagedRequest(request, Paging("cursor", 50))


class Meeting(AttioModel):
    """A meeting (calendar event or call), with participants and linked records."""

    id: MeetingId
    title: str
    description: str
    is_all_day: bool
    start: MeetingTime
    end: MeetingTime
    participants: builtins.list[MeetingParticipant]
    linked_records: builtins.list[MeetingLinkedRecord]
    created_at: Timestamp
    created_by_actor: Actor

    @paged
    def list(
        *,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        participants: str | Iterable[str] | None = None,
        sort: MeetingSort | None = None,
        ends_from: str | _dt.datetime | None = None,
        starts_before: str | _dt.datetime | None = None,
        timezone: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> PagedRequest[Meeting]:
        """One page of meetings (default 50, at most 200; ``page.next_cursor`` continues):
        ``GET /v2/meetings`` (scopes ``meeting:read``, ``record_permission:read``).

        ``participants`` is a list of emails (sent comma-separated); ``ends_from`` and
        ``starts_before`` may be ``datetime`` values (naive means UTC).
        """
        return _meetings(
            linked_object,
            linked_record_id,
            participants,
            sort,
            ends_from,
            starts_before,
            timezone,
            limit,
            cursor,
        )

    list_async = list.twin

    @streamed
    def stream(
        *,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        participants: str | Iterable[str] | None = None,
        sort: MeetingSort | None = None,
        ends_from: str | _dt.datetime | None = None,
        starts_before: str | _dt.datetime | None = None,
        timezone: str | None = None,
        page_size: int | None = None,
    ) -> PagedRequest[Meeting]:
        """Every meeting, lazily, following cursors: ``GET /v2/meetings`` (scopes
        ``meeting:read``, ``record_permission:read``)."""
        return _meetings(
            linked_object, linked_record_id, participants, sort, ends_from, starts_before, timezone
        ).with_limit(page_size)

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin

    @endpoint
    def get(meeting_id: str) -> Request[Meeting]:
        """One meeting: ``GET /v2/meetings/{meeting_id}`` (scopes ``meeting:read``,
        ``record_permission:read``)."""
        return Request("GET", f"/v2/meetings/{seg(meeting_id)}", parse_data(Meeting))

    get_async = get.twin

    @endpoint
    def create(
        *,
        title: str,
        description: str,
        start: Mapping[str, Any] | _dt.datetime | _dt.date,
        end: Mapping[str, Any] | _dt.datetime | _dt.date,
        is_all_day: bool,
        participants: Iterable[Mapping[str, Any]],
        linked_records: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        external_ref: str | Mapping[str, Any],
    ) -> Request[Meeting]:
        """Find or create a meeting by ``external_ref`` (alpha): ``POST /v2/meetings`` (scopes
        ``meeting:read-write``, ``record_permission:read``).

        ``start``/``end`` are ``{"datetime", "timezone"}`` or ``{"date"}`` (a ``datetime`` or
        ``date`` is turned into one); ``participants`` items are
        ``{"email_address", "is_organizer", "status"}``; ``linked_records`` items
        ``{"object", "record_id"}``; ``external_ref`` a string or
        ``{"ical_uid", "provider", "is_recurring", ...}``.
        """
        payload = body(
            title=title,
            description=description,
            start=_meeting_time(start),
            end=_meeting_time(end),
            is_all_day=is_all_day,
            participants=_listed(participants),
            linked_records=_listed(linked_records),
            external_ref=external_ref,
        )
        return Request("POST", "/v2/meetings", parse_data(Meeting), json=payload)

    create_async = create.twin
