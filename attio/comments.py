"""``Comment``: comments in threads on records and list entries — ``/v2/comments``."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from ._client import AsyncClient, Client, require_async, require_sync
from ._models import Actor, AttioModel, Timestamp
from ._request import Request, parse_data, parse_nothing
from ._resource import MISSING, body, seg, timestamp_text

__all__ = ["Comment", "CommentEntry", "CommentId", "CommentRecord"]


class CommentId(AttioModel):
    """``{"workspace_id", "comment_id"}``."""

    workspace_id: str
    comment_id: str


class CommentRecord(AttioModel):
    """The record a comment's thread is on: ``{"record_id", "object_id"}``."""

    record_id: str | None = None
    object_id: str | None = None


class CommentEntry(AttioModel):
    """The list entry a comment's thread is on: ``{"entry_id", "list_id"}``."""

    entry_id: str | None = None
    list_id: str | None = None


def _author(author: str | Mapping[str, Any]) -> Any:
    """A workspace member id as Attio's ``{"type": "workspace-member", "id"}``."""
    if isinstance(author, str):
        return {"type": "workspace-member", "id": author}
    return author


class Comment(AttioModel):
    """A comment; ``resolved_at``/``resolved_by`` are set once its thread is resolved."""

    id: CommentId
    thread_id: str | None = None
    content_plaintext: str | None = None
    entry: CommentEntry | None = None
    record: CommentRecord | None = None
    resolved_at: Timestamp | None = None
    resolved_by: Actor | None = None
    created_at: Timestamp | None = None
    author: Actor | None = None

    # ------------------------------------------------------------------ requests

    @classmethod
    def _create(
        cls,
        content: str,
        author: str | Mapping[str, Any],
        thread_id: str | None,
        record: Mapping[str, Any] | None,
        entry: Mapping[str, Any] | None,
        created_at: Any,
    ) -> Request[Comment]:
        targets = [
            name
            for name, value in (("thread_id", thread_id), ("record", record), ("entry", entry))
            if value is not None
        ]
        if len(targets) != 1:
            given = ", ".join(targets) if targets else "none"
            raise ValueError(
                f"Comment.create needs exactly one of thread_id, record or entry (given: {given})"
            )
        target: dict[str, Any] = {}
        if thread_id is not None:
            target["thread_id"] = thread_id
        elif record is not None:
            target["record"] = dict(record)
        elif entry is not None:
            target["entry"] = dict(entry)
        payload = body(
            format="plaintext",
            content=content,
            author=_author(author),
            created_at=timestamp_text(created_at),
            **target,
        )
        return Request("POST", "/v2/comments", parse_data(cls), json=payload)

    @classmethod
    def _get(cls, comment_id: str) -> Request[Comment]:
        return Request("GET", f"/v2/comments/{seg(comment_id)}", parse_data(cls))

    @classmethod
    def _delete(cls, comment_id: str) -> Request[None]:
        return Request("DELETE", f"/v2/comments/{seg(comment_id)}", parse_nothing)

    # ------------------------------------------------------------------ sync

    @classmethod
    def create(
        cls,
        client: Client,
        *,
        content: str,
        author: str | Mapping[str, Any],
        thread_id: str | None = None,
        record: Mapping[str, Any] | None = None,
        entry: Mapping[str, Any] | None = None,
        created_at: str | _dt.datetime = MISSING,
    ) -> Comment:
        """Comment in a thread, or start one on a record or entry: ``POST /v2/comments``
        (scope ``comment:read-write``, plus record or list read scopes).

        Give exactly one of ``thread_id``, ``record`` (``{"object", "record_id"}``) or
        ``entry`` (``{"list", "entry_id"}``), else ``ValueError`` before any request.
        ``author`` is ``{"type": "workspace-member", "id"}`` or just the member's id;
        ``format`` is always ``"plaintext"``.
        """
        request = cls._create(content, author, thread_id, record, entry, created_at)
        return require_sync(client).request(request)

    @classmethod
    def get(cls, client: Client, comment_id: str) -> Comment:
        """One comment: ``GET /v2/comments/{comment_id}`` (scope ``comment:read``)."""
        return require_sync(client).request(cls._get(comment_id))

    @classmethod
    def delete(cls, client: Client, comment_id: str) -> None:
        """Delete a comment (deleting a thread's first comment deletes the thread):
        ``DELETE /v2/comments/{comment_id}`` (scope ``comment:read-write``)."""
        require_sync(client).request(cls._delete(comment_id))

    # ------------------------------------------------------------------ async

    @classmethod
    async def create_async(
        cls,
        client: AsyncClient,
        *,
        content: str,
        author: str | Mapping[str, Any],
        thread_id: str | None = None,
        record: Mapping[str, Any] | None = None,
        entry: Mapping[str, Any] | None = None,
        created_at: str | _dt.datetime = MISSING,
    ) -> Comment:
        """Async twin of :meth:`create`: ``POST /v2/comments`` (``comment:read-write``)."""
        request = cls._create(content, author, thread_id, record, entry, created_at)
        return await require_async(client).request(request)

    @classmethod
    async def get_async(cls, client: AsyncClient, comment_id: str) -> Comment:
        """Async twin of :meth:`get`: ``GET /v2/comments/{comment_id}`` (``comment:read``)."""
        return await require_async(client).request(cls._get(comment_id))

    @classmethod
    async def delete_async(cls, client: AsyncClient, comment_id: str) -> None:
        """Async twin of :meth:`delete`: ``DELETE /v2/comments/{comment_id}``
        (``comment:read-write``)."""
        await require_async(client).request(cls._delete(comment_id))
