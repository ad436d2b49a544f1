"""``List``: the workspace's lists (pipelines, collections of records) — ``/v2/lists``."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypedDict

from ._endpoints import endpoint
from ._models import Actor, AttioModel, Timestamp
from ._parsing import parse_data, parse_data_list
from ._request import Request, body, seg, update_body
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = [
    "AccessLevel",
    "AccessLevelParam",
    "List",
    "ListId",
    "ListMemberAccess",
    "ListMemberAccessParam",
]

AccessLevelParam = Literal["full-access", "read-and-write", "read-only"]
"""A list access level as sent to :meth:`List.create`/:meth:`List.update` (closed)."""

AccessLevel = AccessLevelParam | str
"""A list access level as read (open: a future level is kept as a string)."""


class ListMemberAccessParam(TypedDict):
    """One ``workspace_member_access`` grant as a plain dict:
    ``{"workspace_member_id": ..., "level": "full-access" | "read-and-write" | "read-only"}``."""

    workspace_member_id: str
    level: AccessLevelParam


class ListId(AttioModel):
    """``{"workspace_id", "list_id"}``."""

    workspace_id: str
    list_id: str


class ListMemberAccess(AttioModel):
    """One entry of ``workspace_member_access``: ``{"workspace_member_id", "level"}``.

    Can be passed to :meth:`List.create`/:meth:`List.update` as well as plain dicts.
    """

    workspace_member_id: str
    level: AccessLevel


def _plain_access(
    access: Iterable[ListMemberAccess | ListMemberAccessParam | Mapping[str, Any]] | NotGiven,
) -> builtins.list[Any] | NotGiven:
    if isinstance(access, NotGiven):
        return access
    return [item if isinstance(item, (dict, AttioModel)) else dict(item) for item in access]


def _list(list: str) -> str:
    return f"/v2/lists/{seg(list)}"


class List(AttioModel):
    """An Attio list (``/v2/lists``; scopes ``list_configuration:read``/``read-write``).

    ``parent_object`` holds the slugs of the objects its entries point at;
    ``workspace_access`` is ``None`` for a private list (access then comes only from
    ``workspace_member_access``).
    """

    id: ListId
    api_slug: str
    name: str
    parent_object: builtins.list[str]
    workspace_access: AccessLevel | None
    workspace_member_access: builtins.list[ListMemberAccess]
    created_by_actor: Actor
    created_at: Timestamp

    @endpoint
    def list() -> Request[builtins.list[List]]:
        """Every list the token can see, in sidebar order (unpaginated): ``GET /v2/lists``
        (scope ``list_configuration:read``)."""
        return Request("GET", "/v2/lists", parse_data_list(List))

    list_async = list.twin

    @endpoint
    def get(list: str) -> Request[List]:
        """One list by slug or id: ``GET /v2/lists/{list}`` (scope ``list_configuration:read``)."""
        return Request("GET", _list(list), parse_data(List))

    get_async = get.twin

    @endpoint
    def create(
        *,
        name: str,
        api_slug: str,
        parent_object: str,
        workspace_access: AccessLevelParam | None = "full-access",
        workspace_member_access: Sequence[ListMemberAccess | ListMemberAccessParam] = (),
    ) -> Request[List]:
        """Create a list of ``parent_object`` records: ``POST /v2/lists``
        (scope ``list_configuration:read-write``; 409 ``slug_conflict``, 403 ``billing_error``).

        Attio requires both access fields, so they are always sent; by default the whole
        workspace gets ``full-access`` and no member gets a personal grant. Pass
        ``workspace_access=None`` for a private list, with at least one
        ``{"workspace_member_id": ..., "level": "full-access"}`` in ``workspace_member_access``.
        """
        payload = body(
            name=name,
            api_slug=api_slug,
            parent_object=parent_object,
            workspace_access=workspace_access,
            workspace_member_access=_plain_access(workspace_member_access),
        )
        return Request("POST", "/v2/lists", parse_data(List), json=payload)

    create_async = create.twin

    @endpoint
    def update(
        list: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        api_slug: str | NotGiven = NOT_GIVEN,
        workspace_access: AccessLevelParam | NotGiven | None = NOT_GIVEN,
        workspace_member_access: Iterable[ListMemberAccess | ListMemberAccessParam]
        | NotGiven = NOT_GIVEN,
    ) -> Request[List]:
        """Change a list (the parent object cannot change): ``PATCH /v2/lists/{list}``
        (scope ``list_configuration:read-write``).

        Only the fields given are sent: ``name``, ``api_slug``, ``workspace_access``
        (``None`` makes the list private) and ``workspace_member_access`` (replaces every
        personal grant; ``[]`` removes them all). Attio requires the list to keep a
        ``full-access`` grant. Giving no field is a ``ValueError`` before any request.
        """
        path = _list(list)
        payload = update_body(
            "List.update",
            name=name,
            api_slug=api_slug,
            workspace_access=workspace_access,
            workspace_member_access=_plain_access(workspace_member_access),
        )
        return Request("PATCH", path, parse_data(List), json=payload)

    update_async = update.twin
