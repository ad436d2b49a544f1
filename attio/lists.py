"""``List``: the workspace's lists (pipelines, collections of records) — ``/v2/lists``."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from ._client import AsyncClient, Client, require_async, require_sync
from ._models import Actor, AttioModel, Timestamp
from ._request import Request, parse_data, parse_data_list, update_body
from ._resource import body, seg
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = ["AccessLevel", "List", "ListId", "ListMemberAccess"]

AccessLevel = Literal["full-access", "read-and-write", "read-only"] | str
"""A list access level (open: a future level is kept as a string)."""


class ListId(AttioModel):
    """``{"workspace_id", "list_id"}``."""

    workspace_id: str
    list_id: str


class ListMemberAccess(AttioModel):
    """One entry of ``workspace_member_access``: ``{"workspace_member_id", "level"}``.

    Can be passed to :meth:`List.create`/:meth:`List.update` as well as plain dicts.
    """

    workspace_member_id: str | None = None
    level: AccessLevel | None = None


def _plain_access(
    access: Iterable[ListMemberAccess | Mapping[str, Any]],
) -> builtins.list[Any]:
    return [item if isinstance(item, (dict, AttioModel)) else dict(item) for item in access]


class List(AttioModel):
    """An Attio list (``/v2/lists``; scopes ``list_configuration:read``/``read-write``).

    ``parent_object`` holds the slugs of the objects its entries point at;
    ``workspace_access`` is ``None`` for a private list (access then comes only from
    ``workspace_member_access``).
    """

    id: ListId
    api_slug: str | None = None
    name: str | None = None
    parent_object: builtins.list[str] | None = None
    workspace_access: AccessLevel | None = None
    workspace_member_access: builtins.list[ListMemberAccess] | None = None
    created_by_actor: Actor | None = None
    created_at: Timestamp | None = None

    # ------------------------------------------------------------------ requests

    @classmethod
    def _list(cls) -> Request[builtins.list[List]]:
        return Request("GET", "/v2/lists", parse_data_list(cls))

    @classmethod
    def _get(cls, list: str) -> Request[List]:
        return Request("GET", f"/v2/lists/{seg(list)}", parse_data(cls))

    @classmethod
    def _create(
        cls,
        name: str,
        api_slug: str,
        parent_object: str,
        workspace_access: AccessLevel | None,
        workspace_member_access: Sequence[ListMemberAccess | Mapping[str, Any]],
    ) -> Request[List]:
        payload = body(
            name=name,
            api_slug=api_slug,
            parent_object=parent_object,
            workspace_access=workspace_access,
            workspace_member_access=_plain_access(workspace_member_access),
        )
        return Request("POST", "/v2/lists", parse_data(cls), json=payload)

    @classmethod
    def _update(
        cls,
        list: str,
        name: str | NotGiven,
        api_slug: str | NotGiven,
        workspace_access: AccessLevel | NotGiven | None,
        workspace_member_access: Iterable[ListMemberAccess | Mapping[str, Any]] | NotGiven,
    ) -> Request[List]:
        path = f"/v2/lists/{seg(list)}"
        payload = update_body(
            "List.update",
            name=name,
            api_slug=api_slug,
            workspace_access=workspace_access,
            workspace_member_access=(
                workspace_member_access
                if isinstance(workspace_member_access, NotGiven)
                else _plain_access(workspace_member_access)
            ),
        )
        return Request("PATCH", path, parse_data(cls), json=payload)

    # ------------------------------------------------------------------ sync

    @classmethod
    def list(cls, client: Client) -> builtins.list[List]:
        """Every list the token can see, in sidebar order (unpaginated): ``GET /v2/lists``
        (scope ``list_configuration:read``)."""
        return require_sync(client).request(cls._list())

    @classmethod
    def get(cls, client: Client, list: str) -> List:
        """One list by slug or id: ``GET /v2/lists/{list}`` (scope ``list_configuration:read``)."""
        return require_sync(client).request(cls._get(list))

    @classmethod
    def create(
        cls,
        client: Client,
        *,
        name: str,
        api_slug: str,
        parent_object: str,
        workspace_access: AccessLevel | None = "full-access",
        workspace_member_access: Sequence[ListMemberAccess | Mapping[str, Any]] = (),
    ) -> List:
        """Create a list of ``parent_object`` records: ``POST /v2/lists``
        (scope ``list_configuration:read-write``; 409 ``slug_conflict``, 403 ``billing_error``).

        Attio requires both access fields, so they are always sent; by default the whole
        workspace gets ``full-access`` and no member gets a personal grant. Pass
        ``workspace_access=None`` for a private list, with at least one
        ``{"workspace_member_id": ..., "level": "full-access"}`` in ``workspace_member_access``.
        """
        request = cls._create(
            name, api_slug, parent_object, workspace_access, workspace_member_access
        )
        return require_sync(client).request(request)

    @classmethod
    def update(
        cls,
        client: Client,
        list: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        api_slug: str | NotGiven = NOT_GIVEN,
        workspace_access: AccessLevel | NotGiven | None = NOT_GIVEN,
        workspace_member_access: Iterable[ListMemberAccess | Mapping[str, Any]]
        | NotGiven = NOT_GIVEN,
    ) -> List:
        """Change a list (the parent object cannot change): ``PATCH /v2/lists/{list}``
        (scope ``list_configuration:read-write``).

        Only the fields given are sent: ``name``, ``api_slug``, ``workspace_access``
        (``None`` makes the list private) and ``workspace_member_access`` (replaces every
        personal grant; ``[]`` removes them all). Attio requires the list to keep a
        ``full-access`` grant. Giving no field is a ``ValueError`` before any request.
        """
        request = cls._update(list, name, api_slug, workspace_access, workspace_member_access)
        return require_sync(client).request(request)

    # ------------------------------------------------------------------ async

    @classmethod
    async def list_async(cls, client: AsyncClient) -> builtins.list[List]:
        """Async twin of :meth:`list`: ``GET /v2/lists`` (``list_configuration:read``)."""
        return await require_async(client).request(cls._list())

    @classmethod
    async def get_async(cls, client: AsyncClient, list: str) -> List:
        """Async twin of :meth:`get`: ``GET /v2/lists/{list}`` (``list_configuration:read``)."""
        return await require_async(client).request(cls._get(list))

    @classmethod
    async def create_async(
        cls,
        client: AsyncClient,
        *,
        name: str,
        api_slug: str,
        parent_object: str,
        workspace_access: AccessLevel | None = "full-access",
        workspace_member_access: Sequence[ListMemberAccess | Mapping[str, Any]] = (),
    ) -> List:
        """Async twin of :meth:`create`: ``POST /v2/lists`` (``list_configuration:read-write``)."""
        request = cls._create(
            name, api_slug, parent_object, workspace_access, workspace_member_access
        )
        return await require_async(client).request(request)

    @classmethod
    async def update_async(
        cls,
        client: AsyncClient,
        list: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        api_slug: str | NotGiven = NOT_GIVEN,
        workspace_access: AccessLevel | NotGiven | None = NOT_GIVEN,
        workspace_member_access: Iterable[ListMemberAccess | Mapping[str, Any]]
        | NotGiven = NOT_GIVEN,
    ) -> List:
        """Async twin of :meth:`update`: ``PATCH /v2/lists/{list}``
        (``list_configuration:read-write``)."""
        request = cls._update(list, name, api_slug, workspace_access, workspace_member_access)
        return await require_async(client).request(request)
