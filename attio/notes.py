"""``Note``: notes on records (people, companies, deals, ...) — ``/v2/notes``."""

from __future__ import annotations

import builtins
import datetime as _dt
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Tag

from ._endpoints import endpoint, paged, streamed
from ._models import Actor, AttioModel, Timestamp
from ._pagination import PagedRequest, Paging
from ._parsing import parse_data, parse_nothing, parse_page
from ._request import Request, body, seg, timestamp_text
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = [
    "Note",
    "NoteId",
    "NoteRecordTag",
    "NoteTag",
    "NoteUnknownTag",
    "NoteWorkspaceMemberTag",
]

_PAGING = Paging("query_offset", 10)


class NoteId(AttioModel):
    """``{"workspace_id", "note_id"}``."""

    workspace_id: str
    note_id: str


class NoteWorkspaceMemberTag(AttioModel):
    """A tag on a note naming a workspace member: ``{"type": "workspace-member", ...}``."""

    type: Literal["workspace-member"] = "workspace-member"
    workspace_member_id: str


class NoteRecordTag(AttioModel):
    """A tag on a note naming a record: ``{"type": "record", "object", "record_id"}``."""

    type: Literal["record"] = "record"
    object: str
    record_id: str


class NoteUnknownTag(AttioModel):
    """A tag of a ``type`` this library does not know yet; every field is kept."""

    type: str | None = None


def _tag_kind(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return kind if kind in ("workspace-member", "record") else "unknown"


NoteTag = Annotated[
    Annotated[NoteWorkspaceMemberTag, Tag("workspace-member")]
    | Annotated[NoteRecordTag, Tag("record")]
    | Annotated[NoteUnknownTag, Tag("unknown")],
    Discriminator(_tag_kind),
]
"""One entry of ``Note.tags``, chosen by ``type`` (unknown types are kept, not rejected)."""


def _notes(
    parent_object: str | None,
    parent_record_id: str | None,
    limit: int | None = None,
    offset: int | None = None,
) -> PagedRequest[Note]:
    params = {
        "limit": limit,
        "offset": offset,
        "parent_object": parent_object,
        "parent_record_id": parent_record_id,
    }
    return PagedRequest(Request("GET", "/v2/notes", parse_page(Note), params=params), _PAGING)


class Note(AttioModel):
    """A note on a record.

    ``content_plaintext`` and ``content_markdown`` hold the same content in both formats;
    ``meeting_id`` links the note to a meeting (``null`` when it has none; absent in older
    responses).
    """

    id: NoteId
    parent_object: str
    parent_record_id: str
    title: str
    meeting_id: str | None = None
    content_plaintext: str
    content_markdown: str
    tags: builtins.list[NoteTag]
    created_by_actor: Actor
    created_at: Timestamp

    @paged
    def list(
        *,
        parent_object: str | None = None,
        parent_record_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> PagedRequest[Note]:
        """One page of notes (default 10, at most 50), optionally of one parent record:
        ``GET /v2/notes`` (scopes ``note:read``, ``object_configuration:read``,
        ``record_permission:read``)."""
        return _notes(parent_object, parent_record_id, limit, offset)

    list_async = list.twin

    @streamed
    def stream(
        *,
        parent_object: str | None = None,
        parent_record_id: str | None = None,
        page_size: int | None = None,
    ) -> PagedRequest[Note]:
        """Every note, lazily, page by page: ``GET /v2/notes`` (scopes ``note:read``,
        ``object_configuration:read``, ``record_permission:read``)."""
        return _notes(parent_object, parent_record_id).with_limit(page_size)

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin

    @endpoint
    def get(note_id: str) -> Request[Note]:
        """One note: ``GET /v2/notes/{note_id}`` (scopes ``note:read``,
        ``object_configuration:read``, ``record_permission:read``)."""
        return Request("GET", f"/v2/notes/{seg(note_id)}", parse_data(Note))

    get_async = get.twin

    @endpoint
    def create(
        *,
        parent_object: str,
        parent_record_id: str,
        title: str,
        content: str,
        format: Literal["plaintext", "markdown"] = "plaintext",
        created_at: str | _dt.datetime | NotGiven = NOT_GIVEN,
        meeting_id: str | NotGiven | None = NOT_GIVEN,
    ) -> Request[Note]:
        """Create a note on a record (``format`` ``"plaintext"`` or ``"markdown"``;
        ``created_at`` may be a ``datetime``): ``POST /v2/notes`` (scopes ``note:read-write``,
        ``object_configuration:read``, ``record_permission:read``)."""
        payload = body(
            parent_object=parent_object,
            parent_record_id=parent_record_id,
            title=title,
            format=format,
            content=content,
            created_at=timestamp_text(created_at),
            meeting_id=meeting_id,
        )
        return Request("POST", "/v2/notes", parse_data(Note), json=payload)

    create_async = create.twin

    @endpoint
    def delete(note_id: str) -> Request[None]:
        """Delete a note: ``DELETE /v2/notes/{note_id}`` (scope ``note:read-write``)."""
        return Request("DELETE", f"/v2/notes/{seg(note_id)}", parse_nothing)

    delete_async = delete.twin
