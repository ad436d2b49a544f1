"""``Attribute``: the schema of objects and lists.

Attributes live under ``/v2/{target}/{identifier}/attributes`` where ``target`` is ``"objects"``
or ``"lists"`` and ``identifier`` the object's or list's slug or id. Scopes follow the target:
``object_configuration:read``/``read-write`` for objects, ``list_configuration:read``/
``read-write`` for lists. The options of a ``select`` attribute are
:class:`~attio.select_options.SelectOption`, the statuses of a ``status`` attribute
:class:`~attio.statuses.Status`.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, Literal

from ._attribute_paths import TARGETS as TARGETS  # public here before it moved
from ._attribute_paths import Target, attribute_path, attributes_path
from ._endpoints import endpoint, paged, streamed
from ._models import AttioModel, Timestamp
from ._pagination import PagedRequest, Paging
from ._parsing import parse_data, parse_page
from ._request import Request, body, update_body
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = [
    "Attribute",
    "AttributeConfig",
    "AttributeDefaultValue",
    "AttributeId",
    "AttributeRelationship",
    "AttributeType",
    "CreatableAttributeType",
    "CurrencyConfig",
    "RecordReferenceConfig",
    "Target",
]

CreatableAttributeType = Literal[
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
]
"""The 15 types :meth:`Attribute.create` may send (closed: ``interaction`` and
``personal-name`` are system-only; ``status`` works on lists only)."""

AttributeType = CreatableAttributeType | Literal["interaction", "personal-name"] | str
"""The 17 attribute types Attio knows today (open: a future type is kept as a string)."""


def _attributes(
    target: str,
    identifier: str,
    show_archived: bool | None,
    limit: int | None = None,
    offset: int | None = None,
) -> PagedRequest[Attribute]:
    params = {"limit": limit, "offset": offset, "show_archived": show_archived}
    path = attributes_path(target, identifier)
    request = Request("GET", path, parse_page(Attribute), params=params)
    return PagedRequest(request, Paging("query_offset", None))


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

    default_currency_code: str | None
    display_type: Literal["code", "name", "narrowSymbol", "symbol"] | str | None


class RecordReferenceConfig(AttioModel):
    """``config.record_reference``: ``allowed_object_ids`` when read (``null`` unless the
    attribute is a record reference); ``allowed_objects`` (slugs or ids) when written."""

    allowed_object_ids: builtins.list[str] | None
    allowed_objects: builtins.list[str] | None = None


class AttributeConfig(AttioModel):
    """``config`` of an attribute: the ``currency`` and ``record_reference`` settings."""

    currency: CurrencyConfig
    record_reference: RecordReferenceConfig


class AttributeDefaultValue(AttioModel):
    """``default_value``: ``{"type": "dynamic", "template": "current-user" | ISO-8601
    duration}`` or ``{"type": "static", "template": [value, ...]}``."""

    type: Literal["dynamic", "static"] | str
    template: Any


class AttributeRelationship(AttioModel):
    """``relationship``: the entangled attribute on the other object of a two-way
    record reference. Only ``id`` is in every recorded answer; the other fields may be
    absent (``None``)."""

    id: AttributeId
    object_slug: str | None = None
    title: str | None = None
    api_slug: str | None = None
    is_multiselect: bool | None = None


# --------------------------------------------------------------------------- Attribute


class Attribute(AttioModel):
    """An attribute of an object or a list (``GET /v2/{target}/{identifier}/attributes``).

    Scopes: ``object_configuration:read``/``read-write`` for objects,
    ``list_configuration:read``/``read-write`` for lists.
    """

    id: AttributeId
    title: str
    description: str | None
    api_slug: str
    type: AttributeType
    is_system_attribute: bool
    is_writable: bool
    is_required: bool
    is_unique: bool
    is_multiselect: bool
    is_default_value_enabled: bool
    is_archived: bool
    default_value: AttributeDefaultValue | None
    relationship: AttributeRelationship | None
    created_at: Timestamp
    config: AttributeConfig

    @paged
    def list(
        target: Target,
        identifier: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        show_archived: bool | None = None,
    ) -> PagedRequest[Attribute]:
        """One page of attributes, in UI order: ``GET /v2/{target}/{identifier}/attributes``
        (scope ``object_configuration:read`` for objects, ``list_configuration:read`` for
        lists)."""
        return _attributes(target, identifier, show_archived, limit, offset)

    list_async = list.twin

    @streamed
    def stream(
        target: Target,
        identifier: str,
        *,
        show_archived: bool | None = None,
        page_size: int | None = None,
    ) -> PagedRequest[Attribute]:
        """Every attribute, page by page (``page_size`` is the ``limit`` sent):
        ``GET /v2/{target}/{identifier}/attributes`` (scope ``object_configuration:read`` /
        ``list_configuration:read``)."""
        return _attributes(target, identifier, show_archived).with_limit(page_size)

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin

    @endpoint
    def get(target: Target, identifier: str, attribute: str) -> Request[Attribute]:
        """One attribute by slug or id: ``GET /v2/{target}/{identifier}/attributes/{attribute}``
        (scope ``object_configuration:read`` / ``list_configuration:read``)."""
        path = attribute_path(target, identifier, attribute)
        return Request("GET", path, parse_data(Attribute))

    get_async = get.twin

    @endpoint
    def create(
        target: Target,
        identifier: str,
        *,
        title: str,
        description: str | None,
        api_slug: str,
        type: CreatableAttributeType,
        is_required: bool,
        is_unique: bool,
        is_multiselect: bool,
        config: Mapping[str, Any],
        default_value: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        relationship: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
    ) -> Request[Attribute]:
        """Create an attribute: ``POST /v2/{target}/{identifier}/attributes``
        (scope ``object_configuration:read-write`` for objects, ``list_configuration:read-write``
        for lists; 409 ``slug_conflict``).

        ``config`` is ``{}`` or e.g. ``{"currency": {"default_currency_code": "EUR",
        "display_type": "symbol"}}`` / ``{"record_reference": {"allowed_objects": ["people"]}}``;
        ``relationship`` (record references only) also creates the reverse attribute.
        """
        path = attributes_path(target, identifier)
        payload = body(
            title=title,
            description=description,
            api_slug=api_slug,
            type=type,
            is_required=is_required,
            is_unique=is_unique,
            is_multiselect=is_multiselect,
            config=config,
            default_value=default_value,
            relationship=relationship,
        )
        return Request("POST", path, parse_data(Attribute), json=payload)

    create_async = create.twin

    @endpoint
    def update(
        target: Target,
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
    ) -> Request[Attribute]:
        """Change an attribute: ``PATCH /v2/{target}/{identifier}/attributes/{attribute}``
        (scope ``object_configuration:read-write`` / ``list_configuration:read-write``).

        Only the fields given are sent: ``title``, ``description`` (``None`` clears it),
        ``api_slug``, ``is_required``, ``is_unique``, ``default_value`` (as in :meth:`create`;
        ``None`` removes it), ``config`` (as in :meth:`create`), ``is_archived``. Giving none
        is a ``ValueError`` before any request.
        """
        path = attribute_path(target, identifier, attribute)
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
        payload = update_body("Attribute.update", **fields)
        return Request("PATCH", path, parse_data(Attribute), json=payload)

    update_async = update.twin
