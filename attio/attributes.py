"""``Attribute``, ``SelectOption`` and ``Status``: the schema of objects and lists.

Attributes live under ``/v2/{target}/{identifier}/attributes`` where ``target`` is ``"objects"``
or ``"lists"`` and ``identifier`` the object's or list's slug or id. Scopes follow the target:
``object_configuration:read``/``read-write`` for objects, ``list_configuration:read``/
``read-write`` for lists.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, ClassVar, Literal, TypeVar

from ._client import AsyncClient, Client, require_async, require_sync
from ._exceptions import PathParameterError
from ._models import AttioModel, Timestamp
from ._paging import Page
from ._request import (
    PagedRequest,
    Paging,
    Request,
    parse_data,
    parse_data_list,
    parse_page,
    update_body,
)
from ._resource import MISSING, body, seg
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = [
    "Attribute",
    "AttributeConfig",
    "AttributeDefaultValue",
    "AttributeId",
    "AttributeRelationship",
    "AttributeType",
    "CurrencyConfig",
    "RecordReferenceConfig",
    "SelectOption",
    "SelectOptionId",
    "Status",
    "StatusId",
    "Target",
]

Target = Literal["objects", "lists"]
"""Where an attribute lives: on an object or on a list."""

TARGETS: tuple[str, ...] = ("objects", "lists")

AttributeType = (
    Literal[
        "text",
        "number",
        "checkbox",
        "currency",
        "date",
        "timestamp",
        "rating",
        "status",
        "select",
        "record-reference",
        "actor-reference",
        "location",
        "domain",
        "email-address",
        "phone-number",
        "interaction",
        "personal-name",
    ]
    | str
)
"""The 17 attribute types Attio knows today (open: a future type is kept as a string)."""


def _check_target(target: str) -> str:
    """``target`` itself if it is ``"objects"`` or ``"lists"``; else the errors of any path
    parameter (``TypeError`` for a non-string, :class:`attio.PathParameterError` otherwise)."""
    if target in TARGETS:
        return target
    if not isinstance(target, str):
        kind = type(target).__name__
        raise TypeError(f"target must be a str, 'objects' or 'lists', got {kind}")
    raise PathParameterError(f"target must be 'objects' or 'lists', got {target[:80]!r}")


def _attributes_path(target: str, identifier: str) -> str:
    return f"/v2/{_check_target(target)}/{seg(identifier)}/attributes"


def _attribute_path(target: str, identifier: str, attribute: str) -> str:
    return f"{_attributes_path(target, identifier)}/{seg(attribute)}"


# --------------------------------------------------------------------------- small models


class AttributeId(AttioModel):
    """``{"workspace_id", "object_id", "attribute_id"}``; on a list attribute ``object_id``
    holds the list's id."""

    workspace_id: str
    object_id: str
    attribute_id: str


class CurrencyConfig(AttioModel):
    """``config.currency``: ``default_currency_code`` (ISO 4217) and ``display_type``
    (``code``, ``name``, ``narrowSymbol``, ``symbol``); both ``null`` on non-currency
    attributes."""

    default_currency_code: str | None = None
    display_type: Literal["code", "name", "narrowSymbol", "symbol"] | str | None = None


class RecordReferenceConfig(AttioModel):
    """``config.record_reference``: ``allowed_object_ids`` when read (``null`` unless the
    attribute is a record reference); ``allowed_objects`` (slugs or ids) when written."""

    allowed_object_ids: builtins.list[str] | None = None
    allowed_objects: builtins.list[str] | None = None


class AttributeConfig(AttioModel):
    """``config`` of an attribute: the ``currency`` and ``record_reference`` settings."""

    currency: CurrencyConfig | None = None
    record_reference: RecordReferenceConfig | None = None


class AttributeDefaultValue(AttioModel):
    """``default_value``: ``{"type": "dynamic", "template": "current-user" | ISO-8601
    duration}`` or ``{"type": "static", "template": [value, ...]}``."""

    type: Literal["dynamic", "static"] | str
    template: Any = None


class AttributeRelationship(AttioModel):
    """``relationship``: the entangled attribute on the other object of a two-way
    record reference."""

    id: AttributeId | None = None
    object_slug: str | None = None
    title: str | None = None
    api_slug: str | None = None
    is_multiselect: bool | None = None


class SelectOptionId(AttioModel):
    """``{"workspace_id", "object_id", "attribute_id", "option_id"}``."""

    workspace_id: str
    object_id: str
    attribute_id: str
    option_id: str


class StatusId(AttioModel):
    """``{"workspace_id", "object_id", "attribute_id", "status_id"}``."""

    workspace_id: str
    object_id: str
    attribute_id: str
    status_id: str


# --------------------------------------------------------------------------- Attribute


class Attribute(AttioModel):
    """An attribute of an object or a list (``GET /v2/{target}/{identifier}/attributes``).

    Scopes: ``object_configuration:read``/``read-write`` for objects,
    ``list_configuration:read``/``read-write`` for lists.
    """

    id: AttributeId
    title: str | None = None
    description: str | None = None
    api_slug: str | None = None
    type: AttributeType | None = None
    is_system_attribute: bool | None = None
    is_writable: bool | None = None
    is_required: bool | None = None
    is_unique: bool | None = None
    is_multiselect: bool | None = None
    is_default_value_enabled: bool | None = None
    is_archived: bool | None = None
    default_value: AttributeDefaultValue | None = None
    relationship: AttributeRelationship | None = None
    created_at: Timestamp | None = None
    config: AttributeConfig | None = None

    # ------------------------------------------------------------------ requests

    @classmethod
    def _list(
        cls,
        target: str,
        identifier: str,
        limit: int | None,
        offset: int | None,
        show_archived: bool | None,
    ) -> PagedRequest[Attribute]:
        params = {"limit": limit, "offset": offset, "show_archived": show_archived}
        request = Request(
            "GET", _attributes_path(target, identifier), parse_page(cls), params=params
        )
        return PagedRequest(request, Paging("query_offset", None))

    @classmethod
    def _get(cls, target: str, identifier: str, attribute: str) -> Request[Attribute]:
        return Request("GET", _attribute_path(target, identifier, attribute), parse_data(cls))

    @classmethod
    def _create(cls, target: str, identifier: str, fields: dict[str, Any]) -> Request[Attribute]:
        path = _attributes_path(target, identifier)
        payload = body(**fields)
        return Request("POST", path, parse_data(cls), json=payload)

    @classmethod
    def _update(
        cls, target: str, identifier: str, attribute: str, fields: dict[str, Any]
    ) -> Request[Attribute]:
        path = _attribute_path(target, identifier, attribute)
        payload = update_body("Attribute.update", **fields)
        return Request("PATCH", path, parse_data(cls), json=payload)

    # ------------------------------------------------------------------ sync

    @classmethod
    def list(
        cls,
        client: Client,
        target: Target | str,
        identifier: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        show_archived: bool | None = None,
    ) -> Page[Attribute]:
        """One page of attributes, in UI order: ``GET /v2/{target}/{identifier}/attributes``
        (scope ``object_configuration:read`` for objects, ``list_configuration:read`` for
        lists)."""
        paged = cls._list(target, identifier, limit, offset, show_archived)
        return require_sync(client).fetch_page(paged)

    @classmethod
    def stream(
        cls,
        client: Client,
        target: Target | str,
        identifier: str,
        *,
        show_archived: bool | None = None,
        page_size: int | None = None,
    ) -> Iterator[Attribute]:
        """Every attribute, page by page (``page_size`` is the ``limit`` sent):
        ``GET /v2/{target}/{identifier}/attributes`` (scope ``object_configuration:read`` /
        ``list_configuration:read``)."""
        paged = cls._list(target, identifier, None, None, show_archived).with_limit(page_size)
        return require_sync(client).stream(paged)

    @classmethod
    def stream_all(
        cls,
        client: Client,
        target: Target | str,
        identifier: str,
        *,
        show_archived: bool | None = None,
        page_size: int | None = None,
    ) -> builtins.list[Attribute]:
        """Every attribute as a list: ``GET /v2/{target}/{identifier}/attributes``
        (scope ``object_configuration:read`` / ``list_configuration:read``)."""
        return builtins.list(
            cls.stream(client, target, identifier, show_archived=show_archived, page_size=page_size)
        )

    @classmethod
    def get(
        cls, client: Client, target: Target | str, identifier: str, attribute: str
    ) -> Attribute:
        """One attribute by slug or id: ``GET /v2/{target}/{identifier}/attributes/{attribute}``
        (scope ``object_configuration:read`` / ``list_configuration:read``)."""
        return require_sync(client).request(cls._get(target, identifier, attribute))

    @classmethod
    def create(
        cls,
        client: Client,
        target: Target | str,
        identifier: str,
        *,
        title: str,
        description: str | None,
        api_slug: str,
        type: AttributeType,
        is_required: bool,
        is_unique: bool,
        is_multiselect: bool,
        config: Mapping[str, Any],
        default_value: Mapping[str, Any] | None = MISSING,
        relationship: Mapping[str, Any] | None = MISSING,
    ) -> Attribute:
        """Create an attribute: ``POST /v2/{target}/{identifier}/attributes``
        (scope ``object_configuration:read-write`` for objects, ``list_configuration:read-write``
        for lists; 409 ``slug_conflict``).

        ``config`` is ``{}`` or e.g. ``{"currency": {"default_currency_code": "EUR",
        "display_type": "symbol"}}`` / ``{"record_reference": {"allowed_objects": ["people"]}}``;
        ``relationship`` (record references only) also creates the reverse attribute.
        """
        fields = {
            "title": title,
            "description": description,
            "api_slug": api_slug,
            "type": type,
            "is_required": is_required,
            "is_unique": is_unique,
            "is_multiselect": is_multiselect,
            "config": config,
            "default_value": default_value,
            "relationship": relationship,
        }
        return require_sync(client).request(cls._create(target, identifier, fields))

    @classmethod
    def update(
        cls,
        client: Client,
        target: Target | str,
        identifier: str,
        attribute: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        api_slug: str | NotGiven = NOT_GIVEN,
        is_required: bool | NotGiven = NOT_GIVEN,
        is_unique: bool | NotGiven = NOT_GIVEN,
        default_value: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        config: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        is_archived: bool | NotGiven = NOT_GIVEN,
    ) -> Attribute:
        """Change an attribute: ``PATCH /v2/{target}/{identifier}/attributes/{attribute}``
        (scope ``object_configuration:read-write`` / ``list_configuration:read-write``).

        Only the fields given are sent: ``title``, ``description`` (``None`` clears it),
        ``api_slug``, ``is_required``, ``is_unique``, ``default_value`` (as in :meth:`create`;
        ``None`` removes it), ``config`` (as in :meth:`create`), ``is_archived``. Giving none
        is a ``ValueError`` before any request.
        """
        fields = {
            "title": title,
            "description": description,
            "api_slug": api_slug,
            "is_required": is_required,
            "is_unique": is_unique,
            "default_value": default_value,
            "config": config,
            "is_archived": is_archived,
        }
        request = cls._update(target, identifier, attribute, fields)
        return require_sync(client).request(request)

    # ------------------------------------------------------------------ async

    @classmethod
    async def list_async(
        cls,
        client: AsyncClient,
        target: Target | str,
        identifier: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        show_archived: bool | None = None,
    ) -> Page[Attribute]:
        """Async twin of :meth:`list`: ``GET /v2/{target}/{identifier}/attributes``
        (``object_configuration:read`` / ``list_configuration:read``)."""
        paged = cls._list(target, identifier, limit, offset, show_archived)
        return await require_async(client).fetch_page(paged)

    @classmethod
    def stream_async(
        cls,
        client: AsyncClient,
        target: Target | str,
        identifier: str,
        *,
        show_archived: bool | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Attribute]:
        """Async twin of :meth:`stream` (use ``async for``):
        ``GET /v2/{target}/{identifier}/attributes`` (``object_configuration:read`` /
        ``list_configuration:read``)."""
        paged = cls._list(target, identifier, None, None, show_archived).with_limit(page_size)
        return require_async(client).stream(paged)

    @classmethod
    async def stream_all_async(
        cls,
        client: AsyncClient,
        target: Target | str,
        identifier: str,
        *,
        show_archived: bool | None = None,
        page_size: int | None = None,
    ) -> builtins.list[Attribute]:
        """Async twin of :meth:`stream_all`: ``GET /v2/{target}/{identifier}/attributes``
        (``object_configuration:read`` / ``list_configuration:read``)."""
        stream = cls.stream_async(
            client, target, identifier, show_archived=show_archived, page_size=page_size
        )
        return [attribute async for attribute in stream]

    @classmethod
    async def get_async(
        cls, client: AsyncClient, target: Target | str, identifier: str, attribute: str
    ) -> Attribute:
        """Async twin of :meth:`get`: ``GET /v2/{target}/{identifier}/attributes/{attribute}``
        (``object_configuration:read`` / ``list_configuration:read``)."""
        return await require_async(client).request(cls._get(target, identifier, attribute))

    @classmethod
    async def create_async(
        cls,
        client: AsyncClient,
        target: Target | str,
        identifier: str,
        *,
        title: str,
        description: str | None,
        api_slug: str,
        type: AttributeType,
        is_required: bool,
        is_unique: bool,
        is_multiselect: bool,
        config: Mapping[str, Any],
        default_value: Mapping[str, Any] | None = MISSING,
        relationship: Mapping[str, Any] | None = MISSING,
    ) -> Attribute:
        """Async twin of :meth:`create`: ``POST /v2/{target}/{identifier}/attributes``
        (``object_configuration:read-write`` / ``list_configuration:read-write``)."""
        fields = {
            "title": title,
            "description": description,
            "api_slug": api_slug,
            "type": type,
            "is_required": is_required,
            "is_unique": is_unique,
            "is_multiselect": is_multiselect,
            "config": config,
            "default_value": default_value,
            "relationship": relationship,
        }
        return await require_async(client).request(cls._create(target, identifier, fields))

    @classmethod
    async def update_async(
        cls,
        client: AsyncClient,
        target: Target | str,
        identifier: str,
        attribute: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        api_slug: str | NotGiven = NOT_GIVEN,
        is_required: bool | NotGiven = NOT_GIVEN,
        is_unique: bool | NotGiven = NOT_GIVEN,
        default_value: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        config: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        is_archived: bool | NotGiven = NOT_GIVEN,
    ) -> Attribute:
        """Async twin of :meth:`update`: ``PATCH /v2/{target}/{identifier}/attributes/{attribute}``
        (``object_configuration:read-write`` / ``list_configuration:read-write``)."""
        fields = {
            "title": title,
            "description": description,
            "api_slug": api_slug,
            "is_required": is_required,
            "is_unique": is_unique,
            "default_value": default_value,
            "config": config,
            "is_archived": is_archived,
        }
        request = cls._update(target, identifier, attribute, fields)
        return await require_async(client).request(request)


# --------------------------------------------------------------------------- options and statuses


_Child = TypeVar("_Child", bound="_AttributeChild")


class _AttributeChild(AttioModel):
    """The requests shared by select options and statuses, which differ only in the path's
    last collection (``options`` or ``statuses``) and in what ``create`` sends."""

    _collection: ClassVar[str]

    @classmethod
    def _path(cls, target: str, identifier: str, attribute: str) -> str:
        return f"{_attribute_path(target, identifier, attribute)}/{cls._collection}"

    @classmethod
    def _list(
        cls: type[_Child], target: str, identifier: str, attribute: str, show_archived: bool | None
    ) -> Request[builtins.list[_Child]]:
        path = cls._path(target, identifier, attribute)
        params = {"show_archived": show_archived}
        return Request("GET", path, parse_data_list(cls), params=params)

    @classmethod
    def _create(
        cls: type[_Child], target: str, identifier: str, attribute: str, fields: dict[str, Any]
    ) -> Request[_Child]:
        path = cls._path(target, identifier, attribute)
        return Request("POST", path, parse_data(cls), json=body(**fields))

    @classmethod
    def _update(
        cls: type[_Child],
        target: str,
        identifier: str,
        attribute: str,
        item: str,
        fields: dict[str, Any],
    ) -> Request[_Child]:
        path = f"{cls._path(target, identifier, attribute)}/{seg(item)}"
        payload = update_body(f"{cls.__name__}.update", **fields)
        return Request("PATCH", path, parse_data(cls), json=payload)


# --------------------------------------------------------------------------- SelectOption


class SelectOption(_AttributeChild):
    """An option of a ``select`` attribute
    (``/v2/{target}/{identifier}/attributes/{attribute}/options``; scopes
    ``object_configuration:read``/``read-write`` for objects, ``list_configuration:read``/
    ``read-write`` for lists)."""

    _collection: ClassVar[str] = "options"

    id: SelectOptionId
    title: str | None = None
    is_archived: bool | None = None

    @classmethod
    def list(
        cls,
        client: Client,
        target: Target | str,
        identifier: str,
        attribute: str,
        *,
        show_archived: bool | None = None,
    ) -> builtins.list[SelectOption]:
        """Every option (unpaginated):
        ``GET /v2/{target}/{identifier}/attributes/{attribute}/options``
        (scope ``object_configuration:read`` / ``list_configuration:read``)."""
        request = cls._list(target, identifier, attribute, show_archived)
        return require_sync(client).request(request)

    @classmethod
    def create(
        cls, client: Client, target: Target | str, identifier: str, attribute: str, *, title: str
    ) -> SelectOption:
        """Add an option: ``POST /v2/{target}/{identifier}/attributes/{attribute}/options``
        (scope ``object_configuration:read-write`` / ``list_configuration:read-write``;
        409 on a duplicate title)."""
        request = cls._create(target, identifier, attribute, {"title": title})
        return require_sync(client).request(request)

    @classmethod
    def update(
        cls,
        client: Client,
        target: Target | str,
        identifier: str,
        attribute: str,
        option: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        is_archived: bool | NotGiven = NOT_GIVEN,
    ) -> SelectOption:
        """Rename or archive an option (``option`` is its id or title):
        ``PATCH /v2/{target}/{identifier}/attributes/{attribute}/options/{option}``
        (scope ``object_configuration:read-write`` / ``list_configuration:read-write``).

        Only the fields given are sent: ``title`` (the new title), ``is_archived``. Giving
        none is a ``ValueError`` before any request.
        """
        fields = {"title": title, "is_archived": is_archived}
        request = cls._update(target, identifier, attribute, option, fields)
        return require_sync(client).request(request)

    @classmethod
    async def list_async(
        cls,
        client: AsyncClient,
        target: Target | str,
        identifier: str,
        attribute: str,
        *,
        show_archived: bool | None = None,
    ) -> builtins.list[SelectOption]:
        """Async twin of :meth:`list`:
        ``GET /v2/{target}/{identifier}/attributes/{attribute}/options``
        (``object_configuration:read`` / ``list_configuration:read``)."""
        request = cls._list(target, identifier, attribute, show_archived)
        return await require_async(client).request(request)

    @classmethod
    async def create_async(
        cls,
        client: AsyncClient,
        target: Target | str,
        identifier: str,
        attribute: str,
        *,
        title: str,
    ) -> SelectOption:
        """Async twin of :meth:`create`:
        ``POST /v2/{target}/{identifier}/attributes/{attribute}/options``
        (``object_configuration:read-write`` / ``list_configuration:read-write``)."""
        request = cls._create(target, identifier, attribute, {"title": title})
        return await require_async(client).request(request)

    @classmethod
    async def update_async(
        cls,
        client: AsyncClient,
        target: Target | str,
        identifier: str,
        attribute: str,
        option: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        is_archived: bool | NotGiven = NOT_GIVEN,
    ) -> SelectOption:
        """Async twin of :meth:`update`:
        ``PATCH /v2/{target}/{identifier}/attributes/{attribute}/options/{option}``
        (``object_configuration:read-write`` / ``list_configuration:read-write``)."""
        fields = {"title": title, "is_archived": is_archived}
        request = cls._update(target, identifier, attribute, option, fields)
        return await require_async(client).request(request)


# --------------------------------------------------------------------------- Status


class Status(_AttributeChild):
    """A status of a ``status`` attribute
    (``/v2/{target}/{identifier}/attributes/{attribute}/statuses``; scopes
    ``object_configuration:read``/``read-write`` for objects, ``list_configuration:read``/
    ``read-write`` for lists). Status attributes exist on lists and custom objects, not on
    ``people``/``companies``.

    ``target_time_in_status`` is an ISO-8601 duration or ``None``.
    """

    _collection: ClassVar[str] = "statuses"

    id: StatusId
    title: str | None = None
    is_archived: bool | None = None
    celebration_enabled: bool | None = None
    target_time_in_status: str | None = None

    @classmethod
    def list(
        cls,
        client: Client,
        target: Target | str,
        identifier: str,
        attribute: str,
        *,
        show_archived: bool | None = None,
    ) -> builtins.list[Status]:
        """Every status (unpaginated):
        ``GET /v2/{target}/{identifier}/attributes/{attribute}/statuses``
        (scope ``object_configuration:read`` / ``list_configuration:read``)."""
        request = cls._list(target, identifier, attribute, show_archived)
        return require_sync(client).request(request)

    @classmethod
    def create(
        cls,
        client: Client,
        target: Target | str,
        identifier: str,
        attribute: str,
        *,
        title: str,
        celebration_enabled: bool = MISSING,
        target_time_in_status: str | None = MISSING,
    ) -> Status:
        """Add a status: ``POST /v2/{target}/{identifier}/attributes/{attribute}/statuses``
        (scope ``object_configuration:read-write`` / ``list_configuration:read-write``)."""
        fields = {
            "title": title,
            "celebration_enabled": celebration_enabled,
            "target_time_in_status": target_time_in_status,
        }
        return require_sync(client).request(cls._create(target, identifier, attribute, fields))

    @classmethod
    def update(
        cls,
        client: Client,
        target: Target | str,
        identifier: str,
        attribute: str,
        status: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        celebration_enabled: bool | NotGiven = NOT_GIVEN,
        target_time_in_status: str | NotGiven | None = NOT_GIVEN,
        is_archived: bool | NotGiven = NOT_GIVEN,
    ) -> Status:
        """Change or archive a status (``status`` is its id or title):
        ``PATCH /v2/{target}/{identifier}/attributes/{attribute}/statuses/{status}``
        (scope ``object_configuration:read-write`` / ``list_configuration:read-write``).

        Only the fields given are sent: ``title`` (the new title), ``celebration_enabled``,
        ``target_time_in_status`` (an ISO-8601 duration such as ``"P7D"``; ``None`` removes
        the target), ``is_archived``. Giving none is a ``ValueError`` before any request.
        """
        fields = {
            "title": title,
            "celebration_enabled": celebration_enabled,
            "target_time_in_status": target_time_in_status,
            "is_archived": is_archived,
        }
        request = cls._update(target, identifier, attribute, status, fields)
        return require_sync(client).request(request)

    @classmethod
    async def list_async(
        cls,
        client: AsyncClient,
        target: Target | str,
        identifier: str,
        attribute: str,
        *,
        show_archived: bool | None = None,
    ) -> builtins.list[Status]:
        """Async twin of :meth:`list`:
        ``GET /v2/{target}/{identifier}/attributes/{attribute}/statuses``
        (``object_configuration:read`` / ``list_configuration:read``)."""
        request = cls._list(target, identifier, attribute, show_archived)
        return await require_async(client).request(request)

    @classmethod
    async def create_async(
        cls,
        client: AsyncClient,
        target: Target | str,
        identifier: str,
        attribute: str,
        *,
        title: str,
        celebration_enabled: bool = MISSING,
        target_time_in_status: str | None = MISSING,
    ) -> Status:
        """Async twin of :meth:`create`:
        ``POST /v2/{target}/{identifier}/attributes/{attribute}/statuses``
        (``object_configuration:read-write`` / ``list_configuration:read-write``)."""
        fields = {
            "title": title,
            "celebration_enabled": celebration_enabled,
            "target_time_in_status": target_time_in_status,
        }
        request = cls._create(target, identifier, attribute, fields)
        return await require_async(client).request(request)

    @classmethod
    async def update_async(
        cls,
        client: AsyncClient,
        target: Target | str,
        identifier: str,
        attribute: str,
        status: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        celebration_enabled: bool | NotGiven = NOT_GIVEN,
        target_time_in_status: str | NotGiven | None = NOT_GIVEN,
        is_archived: bool | NotGiven = NOT_GIVEN,
    ) -> Status:
        """Async twin of :meth:`update`:
        ``PATCH /v2/{target}/{identifier}/attributes/{attribute}/statuses/{status}``
        (``object_configuration:read-write`` / ``list_configuration:read-write``)."""
        fields = {
            "title": title,
            "celebration_enabled": celebration_enabled,
            "target_time_in_status": target_time_in_status,
            "is_archived": is_archived,
        }
        request = cls._update(target, identifier, attribute, status, fields)
        return await require_async(client).request(request)
