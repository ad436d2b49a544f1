"""``Meeting``, ``CallRecording`` and ``Transcript`` — ``/v2/meetings…`` (beta; paged by cursor)."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ._client import AsyncClient, Client, require_async, require_sync
from ._models import Actor, AttioModel, Timestamp
from ._paging import Page
from ._request import (
    PagedRequest,
    Paging,
    RawPage,
    Request,
    parse_data,
    parse_nothing,
    parse_page,
)
from ._resource import MISSING, body, seg, timestamp_text

__all__ = [
    "CallRecording",
    "CallRecordingId",
    "Meeting",
    "MeetingId",
    "MeetingLinkedRecord",
    "MeetingParticipant",
    "MeetingTime",
    "Transcript",
    "TranscriptId",
    "TranscriptSegment",
    "TranscriptSpeaker",
]

_MEETING_PAGING = Paging("cursor", 50)
_RECORDING_PAGING = Paging("cursor", 50)

MeetingSort = Literal["start_asc", "start_desc"]


# --------------------------------------------------------------------------- meetings


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

    status: Literal["accepted", "tentative", "declined", "pending"] | str | None = None
    is_organizer: bool | None = None
    email_address: str | None = None


class MeetingLinkedRecord(AttioModel):
    """A record a meeting is linked to: ``{"object_slug", "object_id", "record_id"}``."""

    object_slug: str | None = None
    object_id: str | None = None
    record_id: str | None = None


def _meeting_time(value: Any) -> Any:
    """A ``datetime`` → ``{"datetime": ISO}``, a ``date`` → ``{"date": ISO}``; else unchanged."""
    if isinstance(value, _dt.datetime):
        return {"datetime": str(Timestamp(value))}
    if isinstance(value, _dt.date):
        return {"date": value.isoformat()}
    return value


class Meeting(AttioModel):
    """A meeting (calendar event or call), with participants and linked records."""

    id: MeetingId
    title: str | None = None
    description: str | None = None
    is_all_day: bool | None = None
    start: MeetingTime | None = None
    end: MeetingTime | None = None
    participants: builtins.list[MeetingParticipant] | None = None
    linked_records: builtins.list[MeetingLinkedRecord] | None = None
    created_at: Timestamp | None = None
    created_by_actor: Actor | None = None

    # ------------------------------------------------------------------ requests

    @classmethod
    def _list(
        cls,
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
        request = Request("GET", "/v2/meetings", parse_page(cls), params=params)
        return PagedRequest(request, _MEETING_PAGING)

    @classmethod
    def _get(cls, meeting_id: str) -> Request[Meeting]:
        return Request("GET", f"/v2/meetings/{seg(meeting_id)}", parse_data(cls))

    @classmethod
    def _create(cls, fields: dict[str, Any]) -> Request[Meeting]:
        fields["start"] = _meeting_time(fields["start"])
        fields["end"] = _meeting_time(fields["end"])
        for key in ("participants", "linked_records"):
            if fields[key] is not MISSING and fields[key] is not None:
                fields[key] = builtins.list(fields[key])
        return Request("POST", "/v2/meetings", parse_data(cls), json=body(**fields))

    # ------------------------------------------------------------------ sync

    @classmethod
    def list(
        cls,
        client: Client,
        *,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        participants: str | Iterable[str] | None = None,
        sort: MeetingSort | str | None = None,
        ends_from: str | _dt.datetime | None = None,
        starts_before: str | _dt.datetime | None = None,
        timezone: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[Meeting]:
        """One page of meetings (default 50, at most 200; ``page.next_cursor`` continues):
        ``GET /v2/meetings`` (scopes ``meeting:read``, ``record_permission:read``).

        ``participants`` is a list of emails (sent comma-separated); ``ends_from`` and
        ``starts_before`` may be ``datetime`` values (naive means UTC).
        """
        paged = cls._list(
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
        return require_sync(client).fetch_page(paged)

    @classmethod
    def stream(
        cls,
        client: Client,
        *,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        participants: str | Iterable[str] | None = None,
        sort: MeetingSort | str | None = None,
        ends_from: str | _dt.datetime | None = None,
        starts_before: str | _dt.datetime | None = None,
        timezone: str | None = None,
        page_size: int | None = None,
    ) -> Iterator[Meeting]:
        """Every meeting, lazily, following cursors: ``GET /v2/meetings`` (scopes
        ``meeting:read``, ``record_permission:read``)."""
        paged = cls._list(
            linked_object, linked_record_id, participants, sort, ends_from, starts_before, timezone
        )
        return require_sync(client).stream(paged.with_limit(page_size))

    @classmethod
    def stream_all(
        cls,
        client: Client,
        *,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        participants: str | Iterable[str] | None = None,
        sort: MeetingSort | str | None = None,
        ends_from: str | _dt.datetime | None = None,
        starts_before: str | _dt.datetime | None = None,
        timezone: str | None = None,
        page_size: int | None = None,
    ) -> builtins.list[Meeting]:
        """Every meeting as a list: ``GET /v2/meetings`` (scopes ``meeting:read``,
        ``record_permission:read``)."""
        return builtins.list(
            cls.stream(
                client,
                linked_object=linked_object,
                linked_record_id=linked_record_id,
                participants=participants,
                sort=sort,
                ends_from=ends_from,
                starts_before=starts_before,
                timezone=timezone,
                page_size=page_size,
            )
        )

    @classmethod
    def get(cls, client: Client, meeting_id: str) -> Meeting:
        """One meeting: ``GET /v2/meetings/{meeting_id}`` (scopes ``meeting:read``,
        ``record_permission:read``)."""
        return require_sync(client).request(cls._get(meeting_id))

    @classmethod
    def create(
        cls,
        client: Client,
        *,
        title: str,
        description: str,
        start: Mapping[str, Any] | _dt.datetime | _dt.date,
        end: Mapping[str, Any] | _dt.datetime | _dt.date,
        is_all_day: bool,
        participants: Iterable[Mapping[str, Any]],
        linked_records: Iterable[Mapping[str, Any]] = MISSING,
        external_ref: str | Mapping[str, Any],
    ) -> Meeting:
        """Find or create a meeting by ``external_ref`` (alpha): ``POST /v2/meetings`` (scopes
        ``meeting:read-write``, ``record_permission:read``).

        ``start``/``end`` are ``{"datetime", "timezone"}`` or ``{"date"}`` (a ``datetime`` or
        ``date`` is turned into one); ``participants`` items are
        ``{"email_address", "is_organizer", "status"}``; ``linked_records`` items
        ``{"object", "record_id"}``; ``external_ref`` a string or
        ``{"ical_uid", "provider", "is_recurring", ...}``.
        """
        request = cls._create(
            {
                "title": title,
                "description": description,
                "start": start,
                "end": end,
                "is_all_day": is_all_day,
                "participants": participants,
                "linked_records": linked_records,
                "external_ref": external_ref,
            }
        )
        return require_sync(client).request(request)

    # ------------------------------------------------------------------ async

    @classmethod
    async def list_async(
        cls,
        client: AsyncClient,
        *,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        participants: str | Iterable[str] | None = None,
        sort: MeetingSort | str | None = None,
        ends_from: str | _dt.datetime | None = None,
        starts_before: str | _dt.datetime | None = None,
        timezone: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[Meeting]:
        """Async twin of :meth:`list`: ``GET /v2/meetings`` (``meeting:read``,
        ``record_permission:read``)."""
        paged = cls._list(
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
        return await require_async(client).fetch_page(paged)

    @classmethod
    def stream_async(
        cls,
        client: AsyncClient,
        *,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        participants: str | Iterable[str] | None = None,
        sort: MeetingSort | str | None = None,
        ends_from: str | _dt.datetime | None = None,
        starts_before: str | _dt.datetime | None = None,
        timezone: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Meeting]:
        """Async twin of :meth:`stream` (use ``async for``): ``GET /v2/meetings``
        (``meeting:read``, ``record_permission:read``)."""
        paged = cls._list(
            linked_object, linked_record_id, participants, sort, ends_from, starts_before, timezone
        )
        return require_async(client).stream(paged.with_limit(page_size))

    @classmethod
    async def stream_all_async(
        cls,
        client: AsyncClient,
        *,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        participants: str | Iterable[str] | None = None,
        sort: MeetingSort | str | None = None,
        ends_from: str | _dt.datetime | None = None,
        starts_before: str | _dt.datetime | None = None,
        timezone: str | None = None,
        page_size: int | None = None,
    ) -> builtins.list[Meeting]:
        """Async twin of :meth:`stream_all`: ``GET /v2/meetings`` (``meeting:read``,
        ``record_permission:read``)."""
        stream = cls.stream_async(
            client,
            linked_object=linked_object,
            linked_record_id=linked_record_id,
            participants=participants,
            sort=sort,
            ends_from=ends_from,
            starts_before=starts_before,
            timezone=timezone,
            page_size=page_size,
        )
        return [meeting async for meeting in stream]

    @classmethod
    async def get_async(cls, client: AsyncClient, meeting_id: str) -> Meeting:
        """Async twin of :meth:`get`: ``GET /v2/meetings/{meeting_id}`` (``meeting:read``,
        ``record_permission:read``)."""
        return await require_async(client).request(cls._get(meeting_id))

    @classmethod
    async def create_async(
        cls,
        client: AsyncClient,
        *,
        title: str,
        description: str,
        start: Mapping[str, Any] | _dt.datetime | _dt.date,
        end: Mapping[str, Any] | _dt.datetime | _dt.date,
        is_all_day: bool,
        participants: Iterable[Mapping[str, Any]],
        linked_records: Iterable[Mapping[str, Any]] = MISSING,
        external_ref: str | Mapping[str, Any],
    ) -> Meeting:
        """Async twin of :meth:`create`: ``POST /v2/meetings`` (``meeting:read-write``,
        ``record_permission:read``)."""
        request = cls._create(
            {
                "title": title,
                "description": description,
                "start": start,
                "end": end,
                "is_all_day": is_all_day,
                "participants": participants,
                "linked_records": linked_records,
                "external_ref": external_ref,
            }
        )
        return await require_async(client).request(request)


# --------------------------------------------------------------------------- call recordings


class CallRecordingId(AttioModel):
    """``{"workspace_id", "meeting_id", "call_recording_id"}``."""

    workspace_id: str
    meeting_id: str
    call_recording_id: str


class CallRecording(AttioModel):
    """A meeting's call recording; ``status`` is ``processing``, ``completed`` or ``failed``."""

    id: CallRecordingId
    status: Literal["processing", "completed", "failed"] | str | None = None
    web_url: str | None = None
    created_by_actor: Actor | None = None
    created_at: Timestamp | None = None

    # ------------------------------------------------------------------ requests

    @staticmethod
    def _path(meeting_id: str, *call_recording_id: str) -> str:
        # The recording id, when the endpoint has one, is checked like any path parameter:
        # ``None`` is a TypeError, never the collection's path.
        path = f"/v2/meetings/{seg(meeting_id)}/call_recordings"
        return "/".join([path, *(seg(part) for part in call_recording_id)])

    @classmethod
    def _list(
        cls, meeting_id: str, limit: int | None = None, cursor: str | None = None
    ) -> PagedRequest[CallRecording]:
        params = {"limit": limit, "cursor": cursor}
        request = Request("GET", cls._path(meeting_id), parse_page(cls), params=params)
        return PagedRequest(request, _RECORDING_PAGING)

    @classmethod
    def _get(cls, meeting_id: str, call_recording_id: str) -> Request[CallRecording]:
        return Request("GET", cls._path(meeting_id, call_recording_id), parse_data(cls))

    @classmethod
    def _create(cls, meeting_id: str, video_url: str) -> Request[CallRecording]:
        payload = body(video_url=video_url)
        return Request("POST", cls._path(meeting_id), parse_data(cls), json=payload)

    @classmethod
    def _delete(cls, meeting_id: str, call_recording_id: str) -> Request[None]:
        return Request("DELETE", cls._path(meeting_id, call_recording_id), parse_nothing)

    # ------------------------------------------------------------------ sync

    @classmethod
    def list(
        cls,
        client: Client,
        meeting_id: str,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[CallRecording]:
        """One page of a meeting's recordings (default 50, at most 200):
        ``GET /v2/meetings/{meeting_id}/call_recordings`` (scopes ``meeting:read``,
        ``call_recording:read``)."""
        return require_sync(client).fetch_page(cls._list(meeting_id, limit, cursor))

    @classmethod
    def stream(
        cls, client: Client, meeting_id: str, *, page_size: int | None = None
    ) -> Iterator[CallRecording]:
        """Every recording of a meeting, lazily, following cursors:
        ``GET /v2/meetings/{meeting_id}/call_recordings`` (scopes ``meeting:read``,
        ``call_recording:read``)."""
        return require_sync(client).stream(cls._list(meeting_id).with_limit(page_size))

    @classmethod
    def stream_all(
        cls, client: Client, meeting_id: str, *, page_size: int | None = None
    ) -> builtins.list[CallRecording]:
        """Every recording of a meeting as a list:
        ``GET /v2/meetings/{meeting_id}/call_recordings`` (scopes ``meeting:read``,
        ``call_recording:read``)."""
        return builtins.list(cls.stream(client, meeting_id, page_size=page_size))

    @classmethod
    def get(cls, client: Client, meeting_id: str, call_recording_id: str) -> CallRecording:
        """One recording: ``GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}``
        (scopes ``meeting:read``, ``call_recording:read``)."""
        return require_sync(client).request(cls._get(meeting_id, call_recording_id))

    @classmethod
    def create(cls, client: Client, meeting_id: str, *, video_url: str) -> CallRecording:
        """Upload a recording from a public ``https`` ``.mp4`` URL (alpha, 1 request/s):
        ``POST /v2/meetings/{meeting_id}/call_recordings`` (scopes ``meeting:read``,
        ``call_recording:read-write``)."""
        return require_sync(client).request(cls._create(meeting_id, video_url))

    @classmethod
    def delete(cls, client: Client, meeting_id: str, call_recording_id: str) -> None:
        """Delete a recording (Attio answers 204, no body):
        ``DELETE /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}`` (scopes
        ``meeting:read``, ``call_recording:read-write``)."""
        require_sync(client).request(cls._delete(meeting_id, call_recording_id))

    # ------------------------------------------------------------------ async

    @classmethod
    async def list_async(
        cls,
        client: AsyncClient,
        meeting_id: str,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[CallRecording]:
        """Async twin of :meth:`list`: ``GET /v2/meetings/{meeting_id}/call_recordings``
        (``meeting:read``, ``call_recording:read``)."""
        return await require_async(client).fetch_page(cls._list(meeting_id, limit, cursor))

    @classmethod
    def stream_async(
        cls, client: AsyncClient, meeting_id: str, *, page_size: int | None = None
    ) -> AsyncIterator[CallRecording]:
        """Async twin of :meth:`stream` (use ``async for``):
        ``GET /v2/meetings/{meeting_id}/call_recordings`` (``meeting:read``,
        ``call_recording:read``)."""
        return require_async(client).stream(cls._list(meeting_id).with_limit(page_size))

    @classmethod
    async def stream_all_async(
        cls, client: AsyncClient, meeting_id: str, *, page_size: int | None = None
    ) -> builtins.list[CallRecording]:
        """Async twin of :meth:`stream_all`: ``GET /v2/meetings/{meeting_id}/call_recordings``
        (``meeting:read``, ``call_recording:read``)."""
        return [rec async for rec in cls.stream_async(client, meeting_id, page_size=page_size)]

    @classmethod
    async def get_async(
        cls, client: AsyncClient, meeting_id: str, call_recording_id: str
    ) -> CallRecording:
        """Async twin of :meth:`get`:
        ``GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}``
        (``meeting:read``, ``call_recording:read``)."""
        return await require_async(client).request(cls._get(meeting_id, call_recording_id))

    @classmethod
    async def create_async(
        cls, client: AsyncClient, meeting_id: str, *, video_url: str
    ) -> CallRecording:
        """Async twin of :meth:`create`: ``POST /v2/meetings/{meeting_id}/call_recordings``
        (``meeting:read``, ``call_recording:read-write``)."""
        return await require_async(client).request(cls._create(meeting_id, video_url))

    @classmethod
    async def delete_async(
        cls, client: AsyncClient, meeting_id: str, call_recording_id: str
    ) -> None:
        """Async twin of :meth:`delete`:
        ``DELETE /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}``
        (``meeting:read``, ``call_recording:read-write``)."""
        await require_async(client).request(cls._delete(meeting_id, call_recording_id))


# --------------------------------------------------------------------------- transcripts


class TranscriptId(AttioModel):
    """``{"workspace_id", "meeting_id", "call_recording_id"}``."""

    workspace_id: str
    meeting_id: str
    call_recording_id: str


class TranscriptSpeaker(AttioModel):
    """``{"name"}`` of whoever spoke a segment."""

    name: str | None = None


class TranscriptSegment(AttioModel):
    """One spoken segment; ``start_time``/``end_time`` are seconds from the recording's start
    (an ``int`` when Attio sent an integer, so ``0`` dumps back as ``0``, not ``0.0``)."""

    speech: str | None = None
    start_time: int | float | None = None
    end_time: int | float | None = None
    speaker: TranscriptSpeaker | None = None


class _Pagination(BaseModel):
    model_config = ConfigDict(extra="ignore")
    next_cursor: str | None = None


class Transcript(AttioModel):
    """The whole transcript of a call recording.

    :meth:`get` follows every cursor page: ``transcript`` is every page's segments in order
    and ``raw_transcript`` the pages' raw texts joined (see :meth:`get`).
    """

    id: TranscriptId
    transcript: builtins.list[TranscriptSegment] | None = None
    raw_transcript: str | None = None
    web_url: str | None = None

    # ------------------------------------------------------------------ requests

    @classmethod
    def _parse_page(cls, content: bytes) -> RawPage[Transcript]:
        envelope = _TranscriptEnvelope.model_validate_json(content)
        cursor = envelope.pagination.next_cursor if envelope.pagination else None
        return RawPage([envelope.data], cursor)

    @classmethod
    def _pages(cls, meeting_id: str, call_recording_id: str) -> PagedRequest[Transcript]:
        path = f"{CallRecording._path(meeting_id, call_recording_id)}/transcript"
        return PagedRequest(Request("GET", path, cls._parse_page), Paging("cursor", None))

    @classmethod
    def _merge(cls, pages: builtins.list[Transcript]) -> Transcript:
        """One transcript from its pages: segments concatenated, raw texts joined.

        Raw texts: when every page repeats the same text it is kept once; otherwise the
        non-empty pieces are joined in page order with a newline between pieces (none is added
        where a piece already ends with one). Other fields come from the first page.
        """
        if not pages:  # pragma: no cover - a cursor walk always yields a first page
            raise ValueError("a transcript needs at least one page")
        if len(pages) == 1:
            return pages[0]
        merged = pages[0].model_dump(mode="json")
        if any(page.transcript is not None for page in pages):
            merged["transcript"] = [
                segment.model_dump(mode="json")
                for page in pages
                for segment in page.transcript or ()
            ]
        pieces = [page.raw_transcript for page in pages if page.raw_transcript]
        if pieces:
            if all(piece == pieces[0] for piece in pieces):
                merged["raw_transcript"] = pieces[0]
            else:
                text = pieces[0]
                for piece in pieces[1:]:
                    text += piece if text.endswith("\n") else "\n" + piece
                merged["raw_transcript"] = text
        return cls.model_validate(merged)

    # ------------------------------------------------------------------ sync

    @classmethod
    def get(cls, client: Client, meeting_id: str, call_recording_id: str) -> Transcript:
        """The whole transcript, following every cursor page:
        ``GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript``
        (scopes ``meeting:read``, ``call_recording:read``).

        Segments of all pages are concatenated in order. ``raw_transcript``: if every page
        carries the same text it is kept once, else the pages' texts are joined with newlines.
        """
        pages = builtins.list(
            require_sync(client).stream(cls._pages(meeting_id, call_recording_id))
        )
        return cls._merge(pages)

    # ------------------------------------------------------------------ async

    @classmethod
    async def get_async(
        cls, client: AsyncClient, meeting_id: str, call_recording_id: str
    ) -> Transcript:
        """Async twin of :meth:`get`:
        ``GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript``
        (``meeting:read``, ``call_recording:read``)."""
        stream = require_async(client).stream(cls._pages(meeting_id, call_recording_id))
        return cls._merge([page async for page in stream])


class _TranscriptEnvelope(BaseModel):
    model_config = ConfigDict(extra="ignore")
    data: Transcript
    pagination: _Pagination | None = None
