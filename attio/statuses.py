"""``Status``: the stages of a ``status`` attribute (on a list or a custom object) —
``/v2/{target}/{identifier}/attributes/{attribute}/statuses``."""

from __future__ import annotations

import builtins
from typing import ClassVar

from ._attribute_paths import AttributeItem, Target, create_item, list_items, update_item
from ._endpoints import endpoint
from ._models import AttioModel
from ._request import Request
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = ["Status", "StatusId"]


class StatusId(AttioModel):
    """``{"workspace_id", "object_id", "attribute_id", "status_id"}``."""

    workspace_id: str
    object_id: str
    attribute_id: str
    status_id: str


class Status(AttributeItem):
    """A status of a ``status`` attribute
    (``/v2/{target}/{identifier}/attributes/{attribute}/statuses``; scopes
    ``object_configuration:read``/``read-write`` for objects, ``list_configuration:read``/
    ``read-write`` for lists). Status attributes exist on lists and custom objects, not on
    ``people``/``companies``.

    ``target_time_in_status`` is an ISO-8601 duration or ``None``.
    """

    _collection: ClassVar[str] = "statuses"

    id: StatusId
    title: str
    is_archived: bool
    celebration_enabled: bool
    target_time_in_status: str | None

    @endpoint
    def list(
        target: Target, identifier: str, attribute: str, *, show_archived: bool | None = None
    ) -> Request[builtins.list[Status]]:
        """Every status: ``GET /v2/{target}/{identifier}/attributes/{attribute}/statuses``
        (unpaginated; scope ``object_configuration:read`` / ``list_configuration:read``)."""
        return list_items(Status, target, identifier, attribute, show_archived)

    list_async = list.twin

    @endpoint
    def create(
        target: Target,
        identifier: str,
        attribute: str,
        *,
        title: str,
        celebration_enabled: bool | NotGiven = NOT_GIVEN,
        target_time_in_status: str | NotGiven | None = NOT_GIVEN,
    ) -> Request[Status]:
        """Add a status: ``POST /v2/{target}/{identifier}/attributes/{attribute}/statuses``
        (scope ``object_configuration:read-write`` / ``list_configuration:read-write``)."""
        return create_item(
            Status,
            target,
            identifier,
            attribute,
            title=title,
            celebration_enabled=celebration_enabled,
            target_time_in_status=target_time_in_status,
        )

    create_async = create.twin

    @endpoint
    def update(
        target: Target,
        identifier: str,
        attribute: str,
        status: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        celebration_enabled: bool | NotGiven = NOT_GIVEN,
        target_time_in_status: str | NotGiven | None = NOT_GIVEN,
        is_archived: bool | NotGiven = NOT_GIVEN,
    ) -> Request[Status]:
        """Change or archive a status (``status`` is its id or title):
        ``PATCH /v2/{target}/{identifier}/attributes/{attribute}/statuses/{status}``
        (scope ``object_configuration:read-write`` / ``list_configuration:read-write``).

        Only the fields given are sent: ``title`` (the new title), ``celebration_enabled``,
        ``target_time_in_status`` (an ISO-8601 duration such as ``"P7D"``; ``None`` removes
        the target), ``is_archived``. Giving none is a ``ValueError`` before any request.
        """
        return update_item(
            Status,
            target,
            identifier,
            attribute,
            status,
            title=title,
            celebration_enabled=celebration_enabled,
            target_time_in_status=target_time_in_status,
            is_archived=is_archived,
        )

    update_async = update.twin
