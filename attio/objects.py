"""``Object``: the workspace's objects (people, companies, deals, custom ones) — ``/v2/objects``."""

from __future__ import annotations

import builtins

from ._client import AsyncClient, Client, require_async, require_sync
from ._models import AttioModel, Timestamp
from ._request import Request, parse_data, parse_data_list, update_body
from ._resource import body, seg
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = ["Object", "ObjectId"]


class ObjectId(AttioModel):
    """``{"workspace_id", "object_id"}``."""

    workspace_id: str
    object_id: str


class Object(AttioModel):
    """An Attio object (``people``, ``companies``, a custom object, ...)."""

    id: ObjectId
    api_slug: str | None = None
    singular_noun: str | None = None
    plural_noun: str | None = None
    created_at: Timestamp | None = None

    # ------------------------------------------------------------------ requests

    @classmethod
    def _list(cls) -> Request[builtins.list[Object]]:
        return Request("GET", "/v2/objects", parse_data_list(cls))

    @classmethod
    def _get(cls, object: str) -> Request[Object]:
        return Request("GET", f"/v2/objects/{seg(object)}", parse_data(cls))

    @classmethod
    def _create(cls, api_slug: str, singular_noun: str, plural_noun: str) -> Request[Object]:
        payload = body(api_slug=api_slug, singular_noun=singular_noun, plural_noun=plural_noun)
        return Request("POST", "/v2/objects", parse_data(cls), json=payload)

    @classmethod
    def _update(
        cls,
        object: str,
        api_slug: str | NotGiven,
        singular_noun: str | NotGiven,
        plural_noun: str | NotGiven,
    ) -> Request[Object]:
        path = f"/v2/objects/{seg(object)}"
        payload = update_body(
            "Object.update",
            api_slug=api_slug,
            singular_noun=singular_noun,
            plural_noun=plural_noun,
        )
        return Request("PATCH", path, parse_data(cls), json=payload)

    # ------------------------------------------------------------------ sync

    @classmethod
    def list(cls, client: Client) -> builtins.list[Object]:
        """All objects: ``GET /v2/objects`` (scope ``object_configuration:read``)."""
        return require_sync(client).request(cls._list())

    @classmethod
    def get(cls, client: Client, object: str) -> Object:
        """One object by slug or id: ``GET /v2/objects/{object}``
        (scope ``object_configuration:read``)."""
        return require_sync(client).request(cls._get(object))

    @classmethod
    def create(
        cls, client: Client, *, api_slug: str, singular_noun: str, plural_noun: str
    ) -> Object:
        """Create a custom object: ``POST /v2/objects``
        (scope ``object_configuration:read-write``; 409 ``slug_conflict``)."""
        return require_sync(client).request(cls._create(api_slug, singular_noun, plural_noun))

    @classmethod
    def update(
        cls,
        client: Client,
        object: str,
        *,
        api_slug: str | NotGiven = NOT_GIVEN,
        singular_noun: str | NotGiven = NOT_GIVEN,
        plural_noun: str | NotGiven = NOT_GIVEN,
    ) -> Object:
        """Change an object: ``PATCH /v2/objects/{object}``
        (scope ``object_configuration:read-write``).

        Only the fields given are sent: ``api_slug`` (snake case, unique), ``singular_noun``,
        ``plural_noun``. Giving none is a ``ValueError`` before any request.
        """
        request = cls._update(object, api_slug, singular_noun, plural_noun)
        return require_sync(client).request(request)

    # ------------------------------------------------------------------ async

    @classmethod
    async def list_async(cls, client: AsyncClient) -> builtins.list[Object]:
        """Async twin of :meth:`list`: ``GET /v2/objects`` (``object_configuration:read``)."""
        return await require_async(client).request(cls._list())

    @classmethod
    async def get_async(cls, client: AsyncClient, object: str) -> Object:
        """Async twin of :meth:`get`: ``GET /v2/objects/{object}``
        (``object_configuration:read``)."""
        return await require_async(client).request(cls._get(object))

    @classmethod
    async def create_async(
        cls, client: AsyncClient, *, api_slug: str, singular_noun: str, plural_noun: str
    ) -> Object:
        """Async twin of :meth:`create`: ``POST /v2/objects``
        (``object_configuration:read-write``)."""
        return await require_async(client).request(
            cls._create(api_slug, singular_noun, plural_noun)
        )

    @classmethod
    async def update_async(
        cls,
        client: AsyncClient,
        object: str,
        *,
        api_slug: str | NotGiven = NOT_GIVEN,
        singular_noun: str | NotGiven = NOT_GIVEN,
        plural_noun: str | NotGiven = NOT_GIVEN,
    ) -> Object:
        """Async twin of :meth:`update`: ``PATCH /v2/objects/{object}``
        (``object_configuration:read-write``)."""
        request = cls._update(object, api_slug, singular_noun, plural_noun)
        return await require_async(client).request(request)
