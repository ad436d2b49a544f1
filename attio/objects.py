"""``Object``: the workspace's objects (people, companies, deals, custom ones) — ``/v2/objects``."""

from __future__ import annotations

import builtins

from ._endpoints import endpoint
from ._models import AttioModel, Timestamp
from ._parsing import parse_data, parse_data_list
from ._request import Request, body, seg, update_body
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = ["Object", "ObjectId"]


def _object(object: str) -> str:
    return f"/v2/objects/{seg(object)}"


class ObjectId(AttioModel):
    """``{"workspace_id", "object_id"}``."""

    workspace_id: str
    object_id: str


class Object(AttioModel):
    """An Attio object (``people``, ``companies``, a custom object, ...)."""

    id: ObjectId
    api_slug: str | None
    singular_noun: str | None
    plural_noun: str | None
    created_at: Timestamp

    @endpoint
    def list() -> Request[builtins.list[Object]]:
        """All objects: ``GET /v2/objects`` (scope ``object_configuration:read``)."""
        return Request("GET", "/v2/objects", parse_data_list(Object))

    list_async = list.twin

    @endpoint
    def get(object: str) -> Request[Object]:
        """One object by slug or id: ``GET /v2/objects/{object}``
        (scope ``object_configuration:read``)."""
        return Request("GET", _object(object), parse_data(Object))

    get_async = get.twin

    @endpoint
    def create(*, api_slug: str, singular_noun: str, plural_noun: str) -> Request[Object]:
        """Create a custom object: ``POST /v2/objects``
        (scope ``object_configuration:read-write``; 409 ``slug_conflict``)."""
        payload = body(api_slug=api_slug, singular_noun=singular_noun, plural_noun=plural_noun)
        return Request("POST", "/v2/objects", parse_data(Object), json=payload)

    create_async = create.twin

    @endpoint
    def update(
        object: str,
        *,
        api_slug: str | NotGiven = NOT_GIVEN,
        singular_noun: str | NotGiven = NOT_GIVEN,
        plural_noun: str | NotGiven = NOT_GIVEN,
    ) -> Request[Object]:
        """Change an object: ``PATCH /v2/objects/{object}``
        (scope ``object_configuration:read-write``).

        Only the fields given are sent: ``api_slug`` (snake case, unique), ``singular_noun``,
        ``plural_noun``. Giving none is a ``ValueError`` before any request.
        """
        path = _object(object)
        payload = update_body(
            "Object.update", api_slug=api_slug, singular_noun=singular_noun, plural_noun=plural_noun
        )
        return Request("PATCH", path, parse_data(Object), json=payload)

    update_async = update.twin
