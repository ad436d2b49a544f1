"""``Comment``: comments in threads on records and list entries — ``/v2/comments``."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from ._endpoints import endpoint
from ._models import Actor, AttioModel, Timestamp
from ._parsing import parse_data, parse_nothing
from ._request import Request, body, seg, timestamp_text
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = ["Comment", "CommentEntry", "CommentId", "CommentRecord"]


class CommentId(AttioModel):
    """``{"workspace_id", "comment_id"}``."""

    workspace_id: str
    comment_id: str


class CommentRecord(AttioModel):
    """The record a comment's thread is on: ``{"record_id", "object_id"}``."""

    record_id: str
    object_id: str


class CommentEntry(AttioModel):
    """The list entry a comment's thread is on: ``{"entry_id", "list_id"}``."""

    entry_id: str
    list_id: str


class Comment(AttioModel):
    """A comment; ``resolved_at`` is set once its thread is resolved (``None`` before), and
    ``resolved_by`` is always an actor (whose ``type``/``id`` may be ``None`` while unresolved).
    ``entry`` is ``None`` for a comment on a record."""

    id: CommentId
    thread_id: str
    content_plaintext: str
    entry: CommentEntry | None
    record: CommentRecord
    resolved_at: Timestamp | None
    resolved_by: Actor
    created_at: Timestamp
    author: Actor

    @endpoint
    def create(
        *,
        content: str,
        author: str | Mapping[str, Any],
        thread_id: str | None = None,
        record: Mapping[str, Any] | None = None,
        entry: Mapping[str, Any] | None = None,
        created_at: str | _dt.datetime | NotGiven = NOT_GIVEN,
    ) -> Request[Comment]:
        """Comment in a thread, or start one on a record or entry: ``POST /v2/comments``
        (scope ``comment:read-write``, plus record or list read scopes).

        Give exactly one of ``thread_id``, ``record`` (``{"object", "record_id"}``) or
        ``entry`` (``{"list", "entry_id"}``), else ``ValueError`` before any request.
        ``author`` is ``{"type": "workspace-member", "id"}`` or just the member's id;
        ``format`` is always ``"plaintext"``.
        """
        targets: dict[str, Any] = {
            name: value
            for name, value in (("thread_id", thread_id), ("record", record), ("entry", entry))
            if value is not None
        }
        if len(targets) != 1:
            given = ", ".join(targets) or "none"
            raise ValueError(
                f"Comment.create needs exactly one of thread_id, record or entry (given: {given})"
            )
        if isinstance(author, str):  # a workspace member's id
            author = {"type": "workspace-member", "id": author}
        payload = body(
            format="plaintext",
            content=content,
            author=author,
            created_at=timestamp_text(created_at),
            **{name: v if name == "thread_id" else dict(v) for name, v in targets.items()},
        )
        return Request("POST", "/v2/comments", parse_data(Comment), json=payload)

    create_async = create.twin

    @endpoint
    def get(comment_id: str) -> Request[Comment]:
        """One comment: ``GET /v2/comments/{comment_id}`` (scope ``comment:read``)."""
        return Request("GET", f"/v2/comments/{seg(comment_id)}", parse_data(Comment))

    get_async = get.twin

    @endpoint
    def delete(comment_id: str) -> Request[None]:
        """Delete a comment (deleting a thread's first comment deletes the thread):
        ``DELETE /v2/comments/{comment_id}`` (scope ``comment:read-write``)."""
        return Request("DELETE", f"/v2/comments/{seg(comment_id)}", parse_nothing)

    delete_async = delete.twin
