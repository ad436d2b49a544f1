"""``Record``: the records of an object (people, companies, deals, ...) —
``/v2/objects/{object}/records``.

Reading a record's values::

    person = attio.Record.get(client, "people", record_id)
    person.plain("name")                  # 'Ada Lovelace'
    person.plain_values("email_addresses")  # ['ada@example.com', 'ada@work.example']
    person.first("company")               # RecordReferenceValue(...) or None
    person.values_of("tags")              # the current SelectValue list
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import Any, Literal, cast

from pydantic import Field

from ._client import AsyncClient, Client, require_async, require_sync
from ._models import AttioModel, Timestamp
from ._paging import Page
from ._request import (
    PagedRequest,
    Paging,
    Request,
    parse_data,
    parse_data_list,
    parse_nothing,
    parse_page,
)
from ._resource import seg
from .values import AttributeValue, ValueMap, ValuesReader, to_write_values

__all__ = ["Record", "RecordEntry", "RecordId", "SearchResult"]

QUERY_PAGE_SIZE = 500
"""Attio's default ``limit`` of ``POST .../records/query``."""


class RecordId(AttioModel):
    """``{"workspace_id", "object_id", "record_id"}``."""

    workspace_id: str
    object_id: str
    record_id: str


class RecordEntry(AttioModel):
    """A list entry whose parent is a given record (``GET .../records/{id}/entries``)."""

    list_id: str | None = None
    list_api_slug: str | None = None
    entry_id: str | None = None
    created_at: Timestamp | None = None


class SearchResult(AttioModel):
    """One hit of ``POST /v2/objects/records/search``.

    ``record_text`` is the record's label; people also carry ``email_addresses`` and
    ``phone_numbers``, companies ``domains``.
    """

    id: RecordId
    record_text: str | None = None
    record_image: str | None = None
    object_slug: str | None = None
    email_addresses: builtins.list[str] | None = None
    phone_numbers: builtins.list[str] | None = None
    domains: builtins.list[str] | None = None

    @property
    def record_id(self) -> str:
        """The record's id."""
        return self.id.record_id


def query_body(
    filter: Mapping[str, Any] | None,
    sorts: Sequence[Any] | None,
    limit: int | None,
    offset: int | None,
) -> dict[str, Any]:
    """The JSON body of a records/entries query: only what was given is sent."""
    out: dict[str, Any] = {}
    if filter is not None:
        out["filter"] = filter
    if sorts is not None:
        out["sorts"] = builtins.list(sorts)
    if limit is not None:
        out["limit"] = limit
    if offset is not None:
        out["offset"] = offset
    return out


def values_page_request(
    path: str, show_historic: bool, limit: int | None, offset: int | None
) -> PagedRequest[AttributeValue]:
    """``GET .../attributes/{attribute}/values`` of a record or an entry (query offset paging)."""
    parse = parse_page(cast("type[AttributeValue]", AttributeValue))
    return PagedRequest(
        Request(
            "GET",
            path,
            parse,
            params={"show_historic": show_historic, "limit": limit, "offset": offset},
        ),
        Paging("query_offset", None),
    )


class Record(ValuesReader, AttioModel):
    """An Attio record: its ``id``, ``created_at``, ``web_url`` and ``values``.

    ``values`` maps every attribute slug to a list of :data:`attio.values.AttributeValue`
    (``[]`` when unset). Read them with :meth:`values_of`, :meth:`first`, :meth:`plain` and
    :meth:`plain_values`.
    """

    id: RecordId
    created_at: Timestamp | None = None
    web_url: str | None = None
    values: ValueMap = Field(default_factory=ValueMap)

    def _value_map(self) -> Mapping[str, builtins.list[AttributeValue]]:
        return self.values

    @property
    def record_id(self) -> str:
        """The record's id (``id.record_id``)."""
        return self.id.record_id

    @property
    def object_id(self) -> str:
        """The id of the record's object (``id.object_id``)."""
        return self.id.object_id

    # ------------------------------------------------------------------ requests

    @classmethod
    def _base(cls, object: str) -> str:
        return f"/v2/objects/{seg(object)}/records"

    @classmethod
    def _query(
        cls,
        object: str,
        filter: Mapping[str, Any] | None,
        sorts: Sequence[Any] | None,
        limit: int | None,
        offset: int | None,
    ) -> PagedRequest[Record]:
        request = Request(
            "POST",
            f"{cls._base(object)}/query",
            parse_page(cls),
            json=query_body(filter, sorts, limit, offset),
            retry_safe=True,
        )
        return PagedRequest(request, Paging("body_offset", QUERY_PAGE_SIZE))

    @classmethod
    def _get(cls, object: str, record_id: str) -> Request[Record]:
        return Request("GET", f"{cls._base(object)}/{seg(record_id)}", parse_data(cls))

    @classmethod
    def _create(cls, object: str, values: Mapping[str, Any]) -> Request[Record]:
        payload = {"data": {"values": to_write_values(values)}}
        return Request("POST", cls._base(object), parse_data(cls), json=payload)

    @classmethod
    def _upsert(
        cls, object: str, values: Mapping[str, Any], matching_attribute: str
    ) -> Request[Record]:
        payload = {"data": {"values": to_write_values(values)}}
        return Request(
            "PUT",
            cls._base(object),
            parse_data(cls),
            params={"matching_attribute": matching_attribute},
            json=payload,
        )

    @classmethod
    def _update(
        cls, object: str, record_id: str, values: Mapping[str, Any], overwrite: bool
    ) -> Request[Record]:
        payload = {"data": {"values": to_write_values(values)}}
        method: Literal["PUT", "PATCH"] = "PUT" if overwrite else "PATCH"
        path = f"{cls._base(object)}/{seg(record_id)}"
        return Request(method, path, parse_data(cls), json=payload)

    @classmethod
    def _delete(cls, object: str, record_id: str) -> Request[None]:
        return Request("DELETE", f"{cls._base(object)}/{seg(record_id)}", parse_nothing)

    @classmethod
    def _attribute_values(
        cls,
        object: str,
        record_id: str,
        attribute: str,
        show_historic: bool,
        limit: int | None,
        offset: int | None,
    ) -> PagedRequest[AttributeValue]:
        path = f"{cls._base(object)}/{seg(record_id)}/attributes/{seg(attribute)}/values"
        return values_page_request(path, show_historic, limit, offset)

    @classmethod
    def _entries(
        cls, object: str, record_id: str, limit: int | None, offset: int | None
    ) -> PagedRequest[RecordEntry]:
        request = Request(
            "GET",
            f"{cls._base(object)}/{seg(record_id)}/entries",
            parse_page(RecordEntry),
            params={"limit": limit, "offset": offset},
        )
        return PagedRequest(request, Paging("query_offset", 100))

    @classmethod
    def _search(
        cls,
        query: str,
        objects: Sequence[str] | str,
        limit: int | None,
        request_as: Mapping[str, Any] | None,
    ) -> Request[builtins.list[SearchResult]]:
        payload: dict[str, Any] = {
            "query": query,
            "objects": [objects] if isinstance(objects, str) else builtins.list(objects),
            "request_as": dict(request_as) if request_as is not None else {"type": "workspace"},
        }
        if limit is not None:
            payload["limit"] = limit
        return Request(
            "POST",
            "/v2/objects/records/search",
            parse_data_list(SearchResult),
            json=payload,
            retry_safe=True,
        )

    @classmethod
    def _merge(
        cls, object: str, primary_record_id: str, secondary_record_id: str
    ) -> Request[Record]:
        payload = {
            "data": {
                "primary_record_id": primary_record_id,
                "secondary_record_id": secondary_record_id,
            }
        }
        return Request("POST", f"{cls._base(object)}/merge", parse_data(cls), json=payload)

    # ------------------------------------------------------------------ sync

    @classmethod
    def list(
        cls,
        client: Client,
        object: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[Record]:
        """One page of records: ``POST /v2/objects/{object}/records/query``
        (scopes ``record_permission:read``, ``object_configuration:read``).

        ``filter``/``sorts`` are Attio's filter and sort objects; ``limit`` defaults to 500
        on Attio's side. ``page.next_page()`` fetches the following page.
        """
        return require_sync(client).fetch_page(cls._query(object, filter, sorts, limit, offset))

    @classmethod
    def stream(
        cls,
        client: Client,
        object: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        page_size: int | None = QUERY_PAGE_SIZE,
    ) -> Iterator[Record]:
        """Every matching record, lazily, page by page: ``POST /v2/objects/{object}/records/query``
        (scopes ``record_permission:read``, ``object_configuration:read``)."""
        paged = cls._query(object, filter, sorts, None, None).with_limit(page_size)
        return require_sync(client).stream(paged)

    @classmethod
    def stream_all(
        cls,
        client: Client,
        object: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        page_size: int | None = QUERY_PAGE_SIZE,
    ) -> builtins.list[Record]:
        """Every matching record as a list: ``POST /v2/objects/{object}/records/query``
        (scopes ``record_permission:read``, ``object_configuration:read``)."""
        return builtins.list(
            cls.stream(client, object, filter=filter, sorts=sorts, page_size=page_size)
        )

    @classmethod
    def get(cls, client: Client, object: str, record_id: str) -> Record:
        """One record: ``GET /v2/objects/{object}/records/{record_id}``
        (scopes ``record_permission:read``, ``object_configuration:read``)."""
        return require_sync(client).request(cls._get(object, record_id))

    @classmethod
    def create(cls, client: Client, object: str, values: Mapping[str, Any]) -> Record:
        """Create a record: ``POST /v2/objects/{object}/records``
        (scopes ``record_permission:read-write``, ``object_configuration:read``).

        ``values`` maps attribute slugs or ids to Attio's write shapes (bare values, objects,
        arrays) or to models of :mod:`attio.values`. Fails on a unique-attribute conflict.
        """
        return require_sync(client).request(cls._create(object, values))

    @classmethod
    def upsert(
        cls, client: Client, object: str, values: Mapping[str, Any], *, matching_attribute: str
    ) -> Record:
        """Create or update the record matching ``matching_attribute`` (a unique attribute):
        ``PUT /v2/objects/{object}/records?matching_attribute=...``
        (scopes ``record_permission:read-write``, ``object_configuration:read``)."""
        return require_sync(client).request(cls._upsert(object, values, matching_attribute))

    @classmethod
    def update(
        cls,
        client: Client,
        object: str,
        record_id: str,
        values: Mapping[str, Any],
        *,
        overwrite: bool = False,
    ) -> Record:
        """Update a record: ``PATCH /v2/objects/{object}/records/{record_id}`` (multiselect
        values are added) or, with ``overwrite=True``, ``PUT`` (multiselect values replaced)
        (scopes ``record_permission:read-write``, ``object_configuration:read``)."""
        return require_sync(client).request(cls._update(object, record_id, values, overwrite))

    @classmethod
    def delete(cls, client: Client, object: str, record_id: str) -> None:
        """Delete a record: ``DELETE /v2/objects/{object}/records/{record_id}``
        (scopes ``object_configuration:read``, ``record_permission:read-write``)."""
        require_sync(client).request(cls._delete(object, record_id))

    @classmethod
    def list_attribute_values(
        cls,
        client: Client,
        object: str,
        record_id: str,
        attribute: str,
        *,
        show_historic: bool = False,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[AttributeValue]:
        """The values of one attribute (``show_historic=True``: every past value too, oldest
        first): ``GET /v2/objects/{object}/records/{record_id}/attributes/{attribute}/values``
        (scopes ``record_permission:read``, ``object_configuration:read``)."""
        paged = cls._attribute_values(object, record_id, attribute, show_historic, limit, offset)
        return require_sync(client).fetch_page(paged)

    @classmethod
    def list_entries(
        cls,
        client: Client,
        object: str,
        record_id: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[RecordEntry]:
        """The list entries whose parent is this record:
        ``GET /v2/objects/{object}/records/{record_id}/entries`` (scopes
        ``record_permission:read``, ``object_configuration:read``, ``list_entry:read``)."""
        return require_sync(client).fetch_page(cls._entries(object, record_id, limit, offset))

    @classmethod
    def search(
        cls,
        client: Client,
        query: str,
        *,
        objects: Sequence[str] | str,
        limit: int | None = 25,
        request_as: Mapping[str, Any] | None = None,
    ) -> builtins.list[SearchResult]:
        """Full-text search over records of ``objects`` (slugs or ids; beta, eventually
        consistent): ``POST /v2/objects/records/search``
        (scopes ``record_permission:read``, ``object_configuration:read``).

        ``request_as`` defaults to ``{"type": "workspace"}``; ``limit`` is 1..25.
        """
        return require_sync(client).request(cls._search(query, objects, limit, request_as))

    @classmethod
    def merge(
        cls, client: Client, object: str, primary_record_id: str, secondary_record_id: str
    ) -> Record:
        """Merge the secondary record into the primary one and return the merged record:
        ``POST /v2/objects/{object}/records/merge``
        (scopes ``record_permission:read-write``, ``object_configuration:read``)."""
        return require_sync(client).request(
            cls._merge(object, primary_record_id, secondary_record_id)
        )

    # ------------------------------------------------------------------ async

    @classmethod
    async def list_async(
        cls,
        client: AsyncClient,
        object: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[Record]:
        """Async twin of :meth:`list`: ``POST /v2/objects/{object}/records/query``
        (``record_permission:read``, ``object_configuration:read``)."""
        paged = cls._query(object, filter, sorts, limit, offset)
        return await require_async(client).fetch_page(paged)

    @classmethod
    async def stream_async(
        cls,
        client: AsyncClient,
        object: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        page_size: int | None = QUERY_PAGE_SIZE,
    ) -> AsyncIterator[Record]:
        """Async twin of :meth:`stream`: ``POST /v2/objects/{object}/records/query``
        (``record_permission:read``, ``object_configuration:read``)."""
        paged = cls._query(object, filter, sorts, None, None).with_limit(page_size)
        async for record in require_async(client).stream(paged):
            yield record

    @classmethod
    async def stream_all_async(
        cls,
        client: AsyncClient,
        object: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        page_size: int | None = QUERY_PAGE_SIZE,
    ) -> builtins.list[Record]:
        """Async twin of :meth:`stream_all`: ``POST /v2/objects/{object}/records/query``
        (``record_permission:read``, ``object_configuration:read``)."""
        return [
            record
            async for record in cls.stream_async(
                client, object, filter=filter, sorts=sorts, page_size=page_size
            )
        ]

    @classmethod
    async def get_async(cls, client: AsyncClient, object: str, record_id: str) -> Record:
        """Async twin of :meth:`get`: ``GET /v2/objects/{object}/records/{record_id}``
        (``record_permission:read``, ``object_configuration:read``)."""
        return await require_async(client).request(cls._get(object, record_id))

    @classmethod
    async def create_async(
        cls, client: AsyncClient, object: str, values: Mapping[str, Any]
    ) -> Record:
        """Async twin of :meth:`create`: ``POST /v2/objects/{object}/records``
        (``record_permission:read-write``, ``object_configuration:read``)."""
        return await require_async(client).request(cls._create(object, values))

    @classmethod
    async def upsert_async(
        cls,
        client: AsyncClient,
        object: str,
        values: Mapping[str, Any],
        *,
        matching_attribute: str,
    ) -> Record:
        """Async twin of :meth:`upsert`: ``PUT /v2/objects/{object}/records?matching_attribute=``
        (``record_permission:read-write``, ``object_configuration:read``)."""
        return await require_async(client).request(cls._upsert(object, values, matching_attribute))

    @classmethod
    async def update_async(
        cls,
        client: AsyncClient,
        object: str,
        record_id: str,
        values: Mapping[str, Any],
        *,
        overwrite: bool = False,
    ) -> Record:
        """Async twin of :meth:`update`: ``PATCH /v2/objects/{object}/records/{record_id}``
        (``PUT`` with ``overwrite=True``)
        (``record_permission:read-write``, ``object_configuration:read``)."""
        return await require_async(client).request(
            cls._update(object, record_id, values, overwrite)
        )

    @classmethod
    async def delete_async(cls, client: AsyncClient, object: str, record_id: str) -> None:
        """Async twin of :meth:`delete`: ``DELETE /v2/objects/{object}/records/{record_id}``
        (``object_configuration:read``, ``record_permission:read-write``)."""
        await require_async(client).request(cls._delete(object, record_id))

    @classmethod
    async def list_attribute_values_async(
        cls,
        client: AsyncClient,
        object: str,
        record_id: str,
        attribute: str,
        *,
        show_historic: bool = False,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[AttributeValue]:
        """Async twin of :meth:`list_attribute_values`:
        ``GET /v2/objects/{object}/records/{record_id}/attributes/{attribute}/values``
        (``record_permission:read``, ``object_configuration:read``)."""
        paged = cls._attribute_values(object, record_id, attribute, show_historic, limit, offset)
        return await require_async(client).fetch_page(paged)

    @classmethod
    async def list_entries_async(
        cls,
        client: AsyncClient,
        object: str,
        record_id: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[RecordEntry]:
        """Async twin of :meth:`list_entries`:
        ``GET /v2/objects/{object}/records/{record_id}/entries``
        (``record_permission:read``, ``object_configuration:read``, ``list_entry:read``)."""
        paged = cls._entries(object, record_id, limit, offset)
        return await require_async(client).fetch_page(paged)

    @classmethod
    async def search_async(
        cls,
        client: AsyncClient,
        query: str,
        *,
        objects: Sequence[str] | str,
        limit: int | None = 25,
        request_as: Mapping[str, Any] | None = None,
    ) -> builtins.list[SearchResult]:
        """Async twin of :meth:`search`: ``POST /v2/objects/records/search``
        (``record_permission:read``, ``object_configuration:read``)."""
        return await require_async(client).request(cls._search(query, objects, limit, request_as))

    @classmethod
    async def merge_async(
        cls,
        client: AsyncClient,
        object: str,
        primary_record_id: str,
        secondary_record_id: str,
    ) -> Record:
        """Async twin of :meth:`merge`: ``POST /v2/objects/{object}/records/merge``
        (``record_permission:read-write``, ``object_configuration:read``)."""
        return await require_async(client).request(
            cls._merge(object, primary_record_id, secondary_record_id)
        )
