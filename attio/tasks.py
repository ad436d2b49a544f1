"""``Task``: tasks, optionally linked to records and assigned to members — ``/v2/tasks``."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from ._endpoints import endpoint, paged, streamed
from ._models import Actor, AttioModel, Timestamp
from ._pagination import PagedRequest, Paging
from ._parsing import parse_data, parse_nothing, parse_page
from ._request import Request, body, seg, timestamp_text, update_body
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = ["Task", "TaskAssignee", "TaskId", "TaskLinkedRecord"]

_PAGING = Paging("query_offset", 500)

TaskSort = Literal["created_at:asc", "created_at:desc", "completed_at:asc", "completed_at:desc"]
"""``GET /v2/tasks``'s orders. ``completed_at:asc`` lists incomplete tasks first, then completed
ones oldest first; ``completed_at:desc`` completed ones newest first, then incomplete ones."""


def _items(
    value: Iterable[Mapping[str, Any]] | NotGiven,
) -> builtins.list[Mapping[str, Any]] | NotGiven:
    """An iterable argument as a list (sent as a JSON array); ``NOT_GIVEN`` unchanged."""
    return value if isinstance(value, NotGiven) else builtins.list(value)


def _task(task_id: str) -> str:
    return f"/v2/tasks/{seg(task_id)}"


def _tasks(
    sort: str | None,
    linked_object: str | None,
    linked_record_id: str | None,
    assignee: str | None,
    is_completed: bool | None,
    limit: int | None = None,
    offset: int | None = None,
) -> PagedRequest[Task]:
    params = {
        "limit": limit,
        "offset": offset,
        "sort": sort,
        "linked_object": linked_object,
        "linked_record_id": linked_record_id,
        "assignee": assignee,
        "is_completed": is_completed,
    }
    return PagedRequest(Request("GET", "/v2/tasks", parse_page(Task), params=params), _PAGING)


class TaskId(AttioModel):
    """``{"workspace_id", "task_id"}``."""

    workspace_id: str
    task_id: str


class TaskLinkedRecord(AttioModel):
    """A record a task is linked to: ``{"target_object_id", "target_record_id"}``."""

    target_object_id: str
    target_record_id: str


class TaskAssignee(AttioModel):
    """Who a task is assigned to: ``{"referenced_actor_type", "referenced_actor_id"}``."""

    referenced_actor_type: Literal["api-token", "workspace-member", "system", "app"] | str
    referenced_actor_id: str


class Task(AttioModel):
    """A task. ``content_plaintext`` is its text; ``deadline_at`` may be ``null``."""

    id: TaskId
    content_plaintext: str
    deadline_at: Timestamp | None
    is_completed: bool
    completed_at: Timestamp | None = None
    linked_records: builtins.list[TaskLinkedRecord]
    assignees: builtins.list[TaskAssignee]
    created_by_actor: Actor
    created_at: Timestamp

    @paged
    def list(
        *,
        sort: TaskSort | None = None,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        assignee: str | None = None,
        is_completed: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> PagedRequest[Task]:
        """One page of tasks (Attio's default page is 500): ``GET /v2/tasks`` (scopes
        ``task:read``, ``object_configuration:read``, ``record_permission:read``,
        ``user_management:read``).

        ``linked_object`` and ``linked_record_id`` go together; ``assignee`` is a member's
        email or id, or ``"null"`` for unassigned tasks; ``None`` filters nothing.
        """
        return _tasks(sort, linked_object, linked_record_id, assignee, is_completed, limit, offset)

    list_async = list.twin

    @streamed
    def stream(
        *,
        sort: TaskSort | None = None,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        assignee: str | None = None,
        is_completed: bool | None = None,
        page_size: int | None = None,
    ) -> PagedRequest[Task]:
        """Every task, lazily, page by page: ``GET /v2/tasks`` (scopes ``task:read``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``)."""
        first = _tasks(sort, linked_object, linked_record_id, assignee, is_completed)
        return first.with_limit(page_size)

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin

    @endpoint
    def get(task_id: str) -> Request[Task]:
        """One task: ``GET /v2/tasks/{task_id}`` (scopes ``task:read``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``)."""
        return Request("GET", _task(task_id), parse_data(Task))

    get_async = get.twin

    @endpoint
    def create(
        *,
        content: str,
        deadline_at: str | _dt.datetime | None = None,
        is_completed: bool = False,
        linked_records: Iterable[Mapping[str, Any]] = (),
        assignees: Iterable[Mapping[str, Any]] = (),
    ) -> Request[Task]:
        """Create a task: ``POST /v2/tasks`` (scopes ``task:read-write``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``).

        Every field the spec requires is sent (``format`` is always ``"plaintext"``);
        ``deadline_at`` may be a ``datetime`` (naive means UTC). ``linked_records`` items are
        ``{"target_object", "target_record_id"}`` (or a matching attribute); ``assignees``
        items are ``{"referenced_actor_type": "workspace-member", "referenced_actor_id"}`` or
        ``{"workspace_member_email_address"}``.
        """
        payload = body(
            content=content,
            format="plaintext",
            deadline_at=timestamp_text(deadline_at),
            is_completed=is_completed,
            linked_records=builtins.list(linked_records),
            assignees=builtins.list(assignees),
        )
        return Request("POST", "/v2/tasks", parse_data(Task), json=payload)

    create_async = create.twin

    @endpoint
    def update(
        task_id: str,
        *,
        deadline_at: str | _dt.datetime | NotGiven | None = NOT_GIVEN,
        is_completed: bool | NotGiven = NOT_GIVEN,
        linked_records: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        assignees: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
    ) -> Request[Task]:
        """Change a task (its content cannot change): ``PATCH /v2/tasks/{task_id}`` (scopes
        ``task:read-write``, ``object_configuration:read``, ``record_permission:read``,
        ``user_management:read``).

        Only the fields given are sent: ``deadline_at`` (ISO text or a ``datetime``, naive
        means UTC; ``None`` removes the deadline), ``is_completed``, ``linked_records`` and
        ``assignees`` (each replaces the whole list; items as in :meth:`create`). Giving none
        is a ``ValueError`` before any request.
        """
        path = _task(task_id)
        payload = update_body(
            "Task.update",
            deadline_at=timestamp_text(deadline_at),
            is_completed=is_completed,
            linked_records=_items(linked_records),
            assignees=_items(assignees),
        )
        return Request("PATCH", path, parse_data(Task), json=payload)

    update_async = update.twin

    @endpoint
    def delete(task_id: str) -> Request[None]:
        """Delete a task: ``DELETE /v2/tasks/{task_id}`` (scope ``task:read-write``)."""
        return Request("DELETE", _task(task_id), parse_nothing)

    delete_async = delete.twin
