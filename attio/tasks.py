"""``Task``: tasks, optionally linked to records and assigned to members — ``/v2/tasks``."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import Any, Literal

from ._client import AsyncClient, Client, require_async, require_sync
from ._models import Actor, AttioModel, Timestamp
from ._paging import Page
from ._request import (
    PagedRequest,
    Paging,
    Request,
    parse_data,
    parse_nothing,
    parse_page,
    update_body,
)
from ._resource import body, seg, timestamp_text
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = ["Task", "TaskAssignee", "TaskId", "TaskLinkedRecord"]

_PAGING = Paging("query_offset", 500)

TaskSort = Literal["created_at:asc", "created_at:desc"]


def _items(
    value: Iterable[Mapping[str, Any]] | NotGiven,
) -> builtins.list[Mapping[str, Any]] | NotGiven:
    """An iterable argument as a list (sent as a JSON array); ``NOT_GIVEN`` unchanged."""
    return value if isinstance(value, NotGiven) else builtins.list(value)


class TaskId(AttioModel):
    """``{"workspace_id", "task_id"}``."""

    workspace_id: str
    task_id: str


class TaskLinkedRecord(AttioModel):
    """A record a task is linked to: ``{"target_object_id", "target_record_id"}``."""

    target_object_id: str | None = None
    target_record_id: str | None = None


class TaskAssignee(AttioModel):
    """Who a task is assigned to: ``{"referenced_actor_type", "referenced_actor_id"}``."""

    referenced_actor_type: Literal["workspace-member"] | str | None = None
    referenced_actor_id: str | None = None


class Task(AttioModel):
    """A task. ``content_plaintext`` is its text; ``deadline_at`` may be ``null``."""

    id: TaskId
    content_plaintext: str | None = None
    deadline_at: Timestamp | None = None
    is_completed: bool | None = None
    completed_at: Timestamp | None = None
    linked_records: builtins.list[TaskLinkedRecord] | None = None
    assignees: builtins.list[TaskAssignee] | None = None
    created_by_actor: Actor | None = None
    created_at: Timestamp | None = None

    # ------------------------------------------------------------------ requests

    @classmethod
    def _list(
        cls,
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
        return PagedRequest(Request("GET", "/v2/tasks", parse_page(cls), params=params), _PAGING)

    @classmethod
    def _get(cls, task_id: str) -> Request[Task]:
        return Request("GET", f"/v2/tasks/{seg(task_id)}", parse_data(cls))

    @classmethod
    def _create(
        cls,
        content: str,
        deadline_at: str | _dt.datetime | None,
        is_completed: bool,
        linked_records: Iterable[Mapping[str, Any]],
        assignees: Iterable[Mapping[str, Any]],
    ) -> Request[Task]:
        payload = body(
            content=content,
            format="plaintext",
            deadline_at=timestamp_text(deadline_at),
            is_completed=is_completed,
            linked_records=builtins.list(linked_records),
            assignees=builtins.list(assignees),
        )
        return Request("POST", "/v2/tasks", parse_data(cls), json=payload)

    @classmethod
    def _update(
        cls,
        task_id: str,
        deadline_at: str | _dt.datetime | NotGiven | None,
        is_completed: bool | NotGiven,
        linked_records: Iterable[Mapping[str, Any]] | NotGiven,
        assignees: Iterable[Mapping[str, Any]] | NotGiven,
    ) -> Request[Task]:
        path = f"/v2/tasks/{seg(task_id)}"
        payload = update_body(
            "Task.update",
            deadline_at=timestamp_text(deadline_at),
            is_completed=is_completed,
            linked_records=_items(linked_records),
            assignees=_items(assignees),
        )
        return Request("PATCH", path, parse_data(cls), json=payload)

    @classmethod
    def _delete(cls, task_id: str) -> Request[None]:
        return Request("DELETE", f"/v2/tasks/{seg(task_id)}", parse_nothing)

    # ------------------------------------------------------------------ sync

    @classmethod
    def list(
        cls,
        client: Client,
        *,
        sort: TaskSort | str | None = None,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        assignee: str | None = None,
        is_completed: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[Task]:
        """One page of tasks (Attio's default page is 500): ``GET /v2/tasks`` (scopes
        ``task:read``, ``object_configuration:read``, ``record_permission:read``,
        ``user_management:read``).

        ``linked_object`` and ``linked_record_id`` go together; ``assignee`` is a member's
        email or id, or ``"null"`` for unassigned tasks; ``None`` filters nothing.
        """
        paged = cls._list(
            sort, linked_object, linked_record_id, assignee, is_completed, limit, offset
        )
        return require_sync(client).fetch_page(paged)

    @classmethod
    def stream(
        cls,
        client: Client,
        *,
        sort: TaskSort | str | None = None,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        assignee: str | None = None,
        is_completed: bool | None = None,
        page_size: int | None = None,
    ) -> Iterator[Task]:
        """Every task, lazily, page by page: ``GET /v2/tasks`` (scopes ``task:read``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``)."""
        paged = cls._list(sort, linked_object, linked_record_id, assignee, is_completed)
        return require_sync(client).stream(paged.with_limit(page_size))

    @classmethod
    def stream_all(
        cls,
        client: Client,
        *,
        sort: TaskSort | str | None = None,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        assignee: str | None = None,
        is_completed: bool | None = None,
        page_size: int | None = None,
    ) -> builtins.list[Task]:
        """Every task as a list: ``GET /v2/tasks`` (scopes ``task:read``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``)."""
        return builtins.list(
            cls.stream(
                client,
                sort=sort,
                linked_object=linked_object,
                linked_record_id=linked_record_id,
                assignee=assignee,
                is_completed=is_completed,
                page_size=page_size,
            )
        )

    @classmethod
    def get(cls, client: Client, task_id: str) -> Task:
        """One task: ``GET /v2/tasks/{task_id}`` (scopes ``task:read``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``)."""
        return require_sync(client).request(cls._get(task_id))

    @classmethod
    def create(
        cls,
        client: Client,
        *,
        content: str,
        deadline_at: str | _dt.datetime | None = None,
        is_completed: bool = False,
        linked_records: Iterable[Mapping[str, Any]] = (),
        assignees: Iterable[Mapping[str, Any]] = (),
    ) -> Task:
        """Create a task: ``POST /v2/tasks`` (scopes ``task:read-write``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``).

        Every field the spec requires is sent (``format`` is always ``"plaintext"``);
        ``deadline_at`` may be a ``datetime`` (naive means UTC). ``linked_records`` items are
        ``{"target_object", "target_record_id"}`` (or a matching attribute); ``assignees``
        items are ``{"referenced_actor_type": "workspace-member", "referenced_actor_id"}`` or
        ``{"workspace_member_email_address"}``.
        """
        request = cls._create(content, deadline_at, is_completed, linked_records, assignees)
        return require_sync(client).request(request)

    @classmethod
    def update(
        cls,
        client: Client,
        task_id: str,
        *,
        deadline_at: str | _dt.datetime | NotGiven | None = NOT_GIVEN,
        is_completed: bool | NotGiven = NOT_GIVEN,
        linked_records: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        assignees: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
    ) -> Task:
        """Change a task (its content cannot change): ``PATCH /v2/tasks/{task_id}`` (scopes
        ``task:read-write``, ``object_configuration:read``, ``record_permission:read``,
        ``user_management:read``).

        Only the fields given are sent: ``deadline_at`` (ISO text or a ``datetime``, naive
        means UTC; ``None`` removes the deadline), ``is_completed``, ``linked_records`` and
        ``assignees`` (each replaces the whole list; items as in :meth:`create`). Giving none
        is a ``ValueError`` before any request.
        """
        request = cls._update(task_id, deadline_at, is_completed, linked_records, assignees)
        return require_sync(client).request(request)

    @classmethod
    def delete(cls, client: Client, task_id: str) -> None:
        """Delete a task: ``DELETE /v2/tasks/{task_id}`` (scope ``task:read-write``)."""
        require_sync(client).request(cls._delete(task_id))

    # ------------------------------------------------------------------ async

    @classmethod
    async def list_async(
        cls,
        client: AsyncClient,
        *,
        sort: TaskSort | str | None = None,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        assignee: str | None = None,
        is_completed: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[Task]:
        """Async twin of :meth:`list`: ``GET /v2/tasks`` (``task:read``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``)."""
        paged = cls._list(
            sort, linked_object, linked_record_id, assignee, is_completed, limit, offset
        )
        return await require_async(client).fetch_page(paged)

    @classmethod
    def stream_async(
        cls,
        client: AsyncClient,
        *,
        sort: TaskSort | str | None = None,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        assignee: str | None = None,
        is_completed: bool | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Task]:
        """Async twin of :meth:`stream` (use ``async for``): ``GET /v2/tasks`` (``task:read``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``)."""
        paged = cls._list(sort, linked_object, linked_record_id, assignee, is_completed)
        return require_async(client).stream(paged.with_limit(page_size))

    @classmethod
    async def stream_all_async(
        cls,
        client: AsyncClient,
        *,
        sort: TaskSort | str | None = None,
        linked_object: str | None = None,
        linked_record_id: str | None = None,
        assignee: str | None = None,
        is_completed: bool | None = None,
        page_size: int | None = None,
    ) -> builtins.list[Task]:
        """Async twin of :meth:`stream_all`: ``GET /v2/tasks`` (``task:read``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``)."""
        stream = cls.stream_async(
            client,
            sort=sort,
            linked_object=linked_object,
            linked_record_id=linked_record_id,
            assignee=assignee,
            is_completed=is_completed,
            page_size=page_size,
        )
        return [task async for task in stream]

    @classmethod
    async def get_async(cls, client: AsyncClient, task_id: str) -> Task:
        """Async twin of :meth:`get`: ``GET /v2/tasks/{task_id}`` (``task:read``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``)."""
        return await require_async(client).request(cls._get(task_id))

    @classmethod
    async def create_async(
        cls,
        client: AsyncClient,
        *,
        content: str,
        deadline_at: str | _dt.datetime | None = None,
        is_completed: bool = False,
        linked_records: Iterable[Mapping[str, Any]] = (),
        assignees: Iterable[Mapping[str, Any]] = (),
    ) -> Task:
        """Async twin of :meth:`create`: ``POST /v2/tasks`` (``task:read-write``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``)."""
        request = cls._create(content, deadline_at, is_completed, linked_records, assignees)
        return await require_async(client).request(request)

    @classmethod
    async def update_async(
        cls,
        client: AsyncClient,
        task_id: str,
        *,
        deadline_at: str | _dt.datetime | NotGiven | None = NOT_GIVEN,
        is_completed: bool | NotGiven = NOT_GIVEN,
        linked_records: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        assignees: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
    ) -> Task:
        """Async twin of :meth:`update`: ``PATCH /v2/tasks/{task_id}`` (``task:read-write``,
        ``object_configuration:read``, ``record_permission:read``, ``user_management:read``)."""
        request = cls._update(task_id, deadline_at, is_completed, linked_records, assignees)
        return await require_async(client).request(request)

    @classmethod
    async def delete_async(cls, client: AsyncClient, task_id: str) -> None:
        """Async twin of :meth:`delete`: ``DELETE /v2/tasks/{task_id}`` (``task:read-write``)."""
        await require_async(client).request(cls._delete(task_id))
