"""``Note``: notes on records (people, companies, deals, ...) — ``/v2/notes``."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Tag

from ._client import AsyncClient, Client, require_async, require_sync
from ._models import Actor, AttioModel, Timestamp
from ._paging import Page
from ._request import PagedRequest, Paging, Request, parse_data, parse_nothing, parse_page
from ._resource import MISSING, body, seg, timestamp_text

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
    workspace_member_id: str | None = None


class NoteRecordTag(AttioModel):
    """A tag on a note naming a record: ``{"type": "record", "object", "record_id"}``."""

    type: Literal["record"] = "record"
    object: str | None = None
    record_id: str | None = None


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


class Note(AttioModel):
    """A note on a record.

    ``content_plaintext`` and ``content_markdown`` hold the same content in both formats;
    ``meeting_id`` links the note to a meeting (``null`` when it has none; absent in older
    responses).
    """

    id: NoteId
    parent_object: str | None = None
    parent_record_id: str | None = None
    title: str | None = None
    meeting_id: str | None = None
    content_plaintext: str | None = None
    content_markdown: str | None = None
    tags: builtins.list[NoteTag] | None = None
    created_by_actor: Actor | None = None
    created_at: Timestamp | None = None

    # ------------------------------------------------------------------ requests

    @classmethod
    def _list(
        cls,
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
        return PagedRequest(Request("GET", "/v2/notes", parse_page(cls), params=params), _PAGING)

    @classmethod
    def _get(cls, note_id: str) -> Request[Note]:
        return Request("GET", f"/v2/notes/{seg(note_id)}", parse_data(cls))

    @classmethod
    def _create(
        cls,
        parent_object: str,
        parent_record_id: str,
        title: str,
        content: str,
        format: str,
        created_at: Any,
        meeting_id: Any,
    ) -> Request[Note]:
        payload = body(
            parent_object=parent_object,
            parent_record_id=parent_record_id,
            title=title,
            format=format,
            content=content,
            created_at=timestamp_text(created_at),
            meeting_id=meeting_id,
        )
        return Request("POST", "/v2/notes", parse_data(cls), json=payload)

    @classmethod
    def _delete(cls, note_id: str) -> Request[None]:
        return Request("DELETE", f"/v2/notes/{seg(note_id)}", parse_nothing)

    # ------------------------------------------------------------------ sync

    @classmethod
    def list(
        cls,
        client: Client,
        *,
        parent_object: str | None = None,
        parent_record_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[Note]:
        """One page of notes (default 10, at most 50), optionally of one parent record:
        ``GET /v2/notes`` (scopes ``note:read``, ``object_configuration:read``,
        ``record_permission:read``)."""
        paged = cls._list(parent_object, parent_record_id, limit, offset)
        return require_sync(client).fetch_page(paged)

    @classmethod
    def stream(
        cls,
        client: Client,
        *,
        parent_object: str | None = None,
        parent_record_id: str | None = None,
        page_size: int | None = None,
    ) -> Iterator[Note]:
        """Every note, lazily, page by page: ``GET /v2/notes`` (scopes ``note:read``,
        ``object_configuration:read``, ``record_permission:read``)."""
        paged = cls._list(parent_object, parent_record_id).with_limit(page_size)
        return require_sync(client).stream(paged)

    @classmethod
    def stream_all(
        cls,
        client: Client,
        *,
        parent_object: str | None = None,
        parent_record_id: str | None = None,
        page_size: int | None = None,
    ) -> builtins.list[Note]:
        """Every note as a list: ``GET /v2/notes`` (scopes ``note:read``,
        ``object_configuration:read``, ``record_permission:read``)."""
        return builtins.list(
            cls.stream(
                client,
                parent_object=parent_object,
                parent_record_id=parent_record_id,
                page_size=page_size,
            )
        )

    @classmethod
    def get(cls, client: Client, note_id: str) -> Note:
        """One note: ``GET /v2/notes/{note_id}`` (scopes ``note:read``,
        ``object_configuration:read``, ``record_permission:read``)."""
        return require_sync(client).request(cls._get(note_id))

    @classmethod
    def create(
        cls,
        client: Client,
        *,
        parent_object: str,
        parent_record_id: str,
        title: str,
        content: str,
        format: Literal["plaintext", "markdown"] | str = "plaintext",
        created_at: str | _dt.datetime = MISSING,
        meeting_id: str | None = MISSING,
    ) -> Note:
        """Create a note on a record (``format`` ``"plaintext"`` or ``"markdown"``;
        ``created_at`` may be a ``datetime``): ``POST /v2/notes`` (scopes ``note:read-write``,
        ``object_configuration:read``, ``record_permission:read``)."""
        request = cls._create(
            parent_object, parent_record_id, title, content, format, created_at, meeting_id
        )
        return require_sync(client).request(request)

    @classmethod
    def delete(cls, client: Client, note_id: str) -> None:
        """Delete a note: ``DELETE /v2/notes/{note_id}`` (scope ``note:read-write``)."""
        require_sync(client).request(cls._delete(note_id))

    # ------------------------------------------------------------------ async

    @classmethod
    async def list_async(
        cls,
        client: AsyncClient,
        *,
        parent_object: str | None = None,
        parent_record_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[Note]:
        """Async twin of :meth:`list`: ``GET /v2/notes`` (``note:read``,
        ``object_configuration:read``, ``record_permission:read``)."""
        paged = cls._list(parent_object, parent_record_id, limit, offset)
        return await require_async(client).fetch_page(paged)

    @classmethod
    def stream_async(
        cls,
        client: AsyncClient,
        *,
        parent_object: str | None = None,
        parent_record_id: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Note]:
        """Async twin of :meth:`stream` (use ``async for``): ``GET /v2/notes``
        (``note:read``, ``object_configuration:read``, ``record_permission:read``)."""
        paged = cls._list(parent_object, parent_record_id).with_limit(page_size)
        return require_async(client).stream(paged)

    @classmethod
    async def stream_all_async(
        cls,
        client: AsyncClient,
        *,
        parent_object: str | None = None,
        parent_record_id: str | None = None,
        page_size: int | None = None,
    ) -> builtins.list[Note]:
        """Async twin of :meth:`stream_all`: ``GET /v2/notes`` (``note:read``,
        ``object_configuration:read``, ``record_permission:read``)."""
        stream = cls.stream_async(
            client,
            parent_object=parent_object,
            parent_record_id=parent_record_id,
            page_size=page_size,
        )
        return [note async for note in stream]

    @classmethod
    async def get_async(cls, client: AsyncClient, note_id: str) -> Note:
        """Async twin of :meth:`get`: ``GET /v2/notes/{note_id}`` (``note:read``,
        ``object_configuration:read``, ``record_permission:read``)."""
        return await require_async(client).request(cls._get(note_id))

    @classmethod
    async def create_async(
        cls,
        client: AsyncClient,
        *,
        parent_object: str,
        parent_record_id: str,
        title: str,
        content: str,
        format: Literal["plaintext", "markdown"] | str = "plaintext",
        created_at: str | _dt.datetime = MISSING,
        meeting_id: str | None = MISSING,
    ) -> Note:
        """Async twin of :meth:`create`: ``POST /v2/notes`` (``note:read-write``,
        ``object_configuration:read``, ``record_permission:read``)."""
        request = cls._create(
            parent_object, parent_record_id, title, content, format, created_at, meeting_id
        )
        return await require_async(client).request(request)

    @classmethod
    async def delete_async(cls, client: AsyncClient, note_id: str) -> None:
        """Async twin of :meth:`delete`: ``DELETE /v2/notes/{note_id}`` (``note:read-write``)."""
        await require_async(client).request(cls._delete(note_id))
