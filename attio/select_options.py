"""``SelectOption``: the choices of a ``select`` attribute on an object or a list —
``/v2/{target}/{identifier}/attributes/{attribute}/options``."""

from __future__ import annotations

import builtins
from typing import ClassVar

from ._attribute_paths import AttributeItem, Target, create_item, list_items, update_item
from ._endpoints import endpoint
from ._models import AttioModel
from ._request import Request
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = ["SelectOption", "SelectOptionId"]


class SelectOptionId(AttioModel):
    """``{"workspace_id", "object_id", "attribute_id", "option_id"}``."""

    workspace_id: str
    object_id: str
    attribute_id: str
    option_id: str


class SelectOption(AttributeItem):
    """An option of a ``select`` attribute
    (``/v2/{target}/{identifier}/attributes/{attribute}/options``; scopes
    ``object_configuration:read``/``read-write`` for objects, ``list_configuration:read``/
    ``read-write`` for lists)."""

    _collection: ClassVar[str] = "options"

    id: SelectOptionId
    title: str
    is_archived: bool

    @endpoint
    def list(
        target: Target, identifier: str, attribute: str, *, show_archived: bool | None = None
    ) -> Request[builtins.list[SelectOption]]:
        """Every option (unpaginated; archived ones only with ``show_archived=True``):
        ``GET /v2/{target}/{identifier}/attributes/{attribute}/options``
        (scope ``object_configuration:read`` / ``list_configuration:read``)."""
        return list_items(SelectOption, target, identifier, attribute, show_archived)

    list_async = list.twin

    @endpoint
    def create(
        target: Target, identifier: str, attribute: str, *, title: str
    ) -> Request[SelectOption]:
        """Add an option: ``POST /v2/{target}/{identifier}/attributes/{attribute}/options``
        (scope ``object_configuration:read-write`` / ``list_configuration:read-write``;
        409 on a duplicate title)."""
        return create_item(SelectOption, target, identifier, attribute, title=title)

    create_async = create.twin

    @endpoint
    def update(
        target: Target,
        identifier: str,
        attribute: str,
        option: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        is_archived: bool | NotGiven = NOT_GIVEN,
    ) -> Request[SelectOption]:
        """Rename or archive an option (``option`` is its id or title):
        ``PATCH /v2/{target}/{identifier}/attributes/{attribute}/options/{option}``
        (scope ``object_configuration:read-write`` / ``list_configuration:read-write``).

        Only the fields given are sent: ``title`` (the new title), ``is_archived``. Giving
        none is a ``ValueError`` before any request.
        """
        fields = {"title": title, "is_archived": is_archived}
        return update_item(SelectOption, target, identifier, attribute, option, **fields)

    update_async = update.twin
