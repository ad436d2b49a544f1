"""``CallRecording`` and ``Transcript`` — ``/v2/meetings/{meeting_id}/call_recordings…`` (beta)."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Literal, ParamSpec

from pydantic import BaseModel, ConfigDict

from ._endpoints import Declared, _twin_doc, endpoint, paged, streamed
from ._models import Actor, AttioModel, Timestamp
from ._pagination import PagedRequest, Paging, RawPage
from ._parsing import parse_data, parse_nothing, parse_page
from ._request import Request, body, seg

if TYPE_CHECKING:
    from ._client import AsyncClient, Client

__all__ = [
    "CallRecording",
    "CallRecordingId",
    "Transcript",
    "TranscriptId",
    "TranscriptSegment",
    "TranscriptSpeaker",
]

P = ParamSpec("P")


def _path(meeting_id: str, *call_recording_id: str) -> str:
    # The recording id, when the endpoint has one, is checked like any path parameter:
    # ``None`` is a TypeError, never the collection's path.
    path = f"/v2/meetings/{seg(meeting_id)}/call_recordings"
    return "/".join([path, *(seg(part) for part in call_recording_id)])


# --------------------------------------------------------------------------- call recordings


class CallRecordingId(AttioModel):
    """``{"workspace_id", "meeting_id", "call_recording_id"}``."""

    workspace_id: str
    meeting_id: str
    call_recording_id: str


def _recording_pages(
    meeting_id: str, limit: int | None = None, cursor: str | None = None
) -> PagedRequest[CallRecording]:
    params = {"limit": limit, "cursor": cursor}
    request = Request("GET", _path(meeting_id), parse_page(CallRecording), params=params)
    return PagedRequest(request, Paging("cursor", 50))


class CallRecording(AttioModel):
    """A meeting's call recording; ``status`` is ``processing``, ``completed`` or ``failed``."""

    id: CallRecordingId
    status: Literal["processing", "completed", "failed"] | str
    web_url: str
    created_by_actor: Actor
    created_at: Timestamp

    @paged
    def list(
        meeting_id: str, *, limit: int | None = None, cursor: str | None = None
    ) -> PagedRequest[CallRecording]:
        """One page of a meeting's recordings (default 50, at most 200):
        ``GET /v2/meetings/{meeting_id}/call_recordings`` (scopes ``meeting:read``,
        ``call_recording:read``)."""
        return _recording_pages(meeting_id, limit, cursor)

    list_async = list.twin

    @streamed
    def stream(meeting_id: str, *, page_size: int | None = None) -> PagedRequest[CallRecording]:
        """Every recording of a meeting, lazily, following cursors:
        ``GET /v2/meetings/{meeting_id}/call_recordings`` (scopes ``meeting:read``,
        ``call_recording:read``)."""
        return _recording_pages(meeting_id).with_limit(page_size)

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin

    @endpoint
    def get(meeting_id: str, call_recording_id: str) -> Request[CallRecording]:
        """One recording: ``GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}``
        (scopes ``meeting:read``, ``call_recording:read``)."""
        path = _path(meeting_id, call_recording_id)
        return Request("GET", path, parse_data(CallRecording))

    get_async = get.twin

    @endpoint
    def create(meeting_id: str, *, video_url: str) -> Request[CallRecording]:
        """Upload a recording from a public ``https`` ``.mp4`` URL (alpha, 1 request/s):
        ``POST /v2/meetings/{meeting_id}/call_recordings`` (scopes ``meeting:read``,
        ``call_recording:read-write``)."""
        payload = body(video_url=video_url)
        return Request("POST", _path(meeting_id), parse_data(CallRecording), json=payload)

    create_async = create.twin

    @endpoint
    def delete(meeting_id: str, call_recording_id: str) -> Request[None]:
        """Delete a recording (Attio answers 204, no body):
        ``DELETE /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}`` (scopes
        ``meeting:read``, ``call_recording:read-write``)."""
        return Request("DELETE", _path(meeting_id, call_recording_id), parse_nothing)

    delete_async = delete.twin


# --------------------------------------------------------------------------- transcripts


class TranscriptId(CallRecordingId):
    """``{"workspace_id", "meeting_id", "call_recording_id"}``: the transcript's recording."""


class TranscriptSpeaker(AttioModel):
    """``{"name"}`` of whoever spoke a segment."""

    name: str


class TranscriptSegment(AttioModel):
    """One spoken segment; ``start_time``/``end_time`` are seconds from the recording's start
    (an ``int`` when Attio sent an integer, so ``0`` dumps back as ``0``, not ``0.0``)."""

    speech: str
    start_time: int | float
    end_time: int | float
    speaker: TranscriptSpeaker


def _merge(pages: builtins.list[Transcript]) -> Transcript:
    """One transcript from its pages: segments concatenated, raw texts joined.

    Raw texts: when every page repeats the same text it is kept once; otherwise the non-empty
    pieces are joined in page order with a newline between pieces (none is added where a piece
    already ends with one). Other fields come from the first page.
    """
    if len(pages) == 1:  # a cursor walk always yields a first page
        return pages[0]
    merged = pages[0].model_dump(mode="json")
    if any(page.transcript is not None for page in pages):
        merged["transcript"] = [
            segment.model_dump(mode="json") for page in pages for segment in page.transcript or ()
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
    return Transcript.model_validate(merged)


def _read(client: Client, first: PagedRequest[Transcript]) -> Transcript:
    return _merge(builtins.list(client.stream(first)))


async def _read_async(client: AsyncClient, first: PagedRequest[Transcript]) -> Transcript:
    return _merge([page async for page in client.stream(first)])


class _whole(Declared["Client", P, "Transcript"]):
    """Declare a read of every cursor page merged into one transcript: ``@_whole def get(...)
    -> PagedRequest[Transcript]`` (the first page). The sync method returns a ``Transcript``,
    ``.twin`` a coroutine of one; both walk the pages with the client's ``stream`` (so through
    ``iter_pages`` and its loop guard), then :func:`_merge` them."""

    def __init__(self, build: Callable[P, PagedRequest[Transcript]]) -> None:
        super().__init__(build, _read, is_async=False, returns="Transcript")
        doc = _twin_doc(build, build.__name__)
        self.twin: Declared[AsyncClient, P, Coroutine[Any, Any, Transcript]] = Declared(
            build, _read_async, is_async=True, returns="Coroutine[Any, Any, Transcript]", doc=doc
        )


class Transcript(AttioModel):
    """The whole transcript of a call recording.

    :meth:`get` follows every cursor page: ``transcript`` is every page's segments in order
    and ``raw_transcript`` the pages' raw texts joined (see :meth:`get`).
    """

    id: TranscriptId
    transcript: builtins.list[TranscriptSegment]
    raw_transcript: str
    web_url: str

    @_whole
    def get(meeting_id: str, call_recording_id: str) -> PagedRequest[Transcript]:
        """The whole transcript, following every cursor page:
        ``GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript``
        (scopes ``meeting:read``, ``call_recording:read``).

        Segments of all pages are concatenated in order. ``raw_transcript``: if every page
        carries the same text it is kept once, else the pages' texts are joined with newlines.
        """
        path = f"{_path(meeting_id, call_recording_id)}/transcript"
        return PagedRequest(Request("GET", path, _parse_page), Paging("cursor", None))

    get_async = get.twin


class _Pagination(BaseModel):
    model_config = ConfigDict(extra="ignore")
    next_cursor: str | None = None


class _TranscriptEnvelope(BaseModel):
    model_config = ConfigDict(extra="ignore")
    data: Transcript
    pagination: _Pagination | None = None


def _parse_page(content: bytes) -> RawPage[Transcript]:
    """A transcript page: ``{"data": <one Transcript>, "pagination": {"next_cursor"}}``."""
    envelope = _TranscriptEnvelope.model_validate_json(content)
    cursor = envelope.pagination.next_cursor if envelope.pagination else None
    return RawPage([envelope.data], cursor)
