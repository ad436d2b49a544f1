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
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from ._endpoints import endpoint, paged, streamed
from ._models import AttioModel, Timestamp
from ._pagination import PagedRequest, Paging
from ._parsing import parse_data, parse_data_list, parse_nothing, parse_page
from ._query import QUERY_PAGE_SIZE, query_request, update_request, values_page_request
from ._request import Request, WriteCheck, seg
from .value_map import ValueMap, ValuesReader
from .values import AttributeValue, to_write_values
from .write import WriteValues

__all__ = ["Record", "RecordEntry", "RecordId", "SearchResult"]


class RecordId(AttioModel):
    """``{"workspace_id", "object_id", "record_id"}``."""

    workspace_id: str
    object_id: str
    record_id: str


class RecordEntry(AttioModel):
    """A list entry whose parent is a given record (``GET .../records/{id}/entries``)."""

    list_id: str
    list_api_slug: str
    entry_id: str
    created_at: Timestamp


class SearchResult(AttioModel):
    """One hit of ``POST /v2/objects/records/search``.

    ``record_text`` is the record's label; people also carry ``email_addresses`` and
    ``phone_numbers``, companies ``domains``.
    """

    id: RecordId
    record_text: str
    record_image: str | None
    object_slug: str
    email_addresses: builtins.list[str] | None = None
    phone_numbers: builtins.list[str] | None = None
    domains: builtins.list[str] | None = None

    @property
    def record_id(self) -> str:
        """The record's id."""
        return self.id.record_id


def _records(object: str) -> str:
    return f"/v2/objects/{seg(object)}/records"


def _record(object: str, record_id: str) -> str:
    return f"{_records(object)}/{seg(record_id)}"


def _values(values: WriteValues) -> dict[str, Any]:
    return {"values": to_write_values(values)}


def _check(object: str, values: WriteValues) -> WriteCheck:
    """The write to check against ``object``'s attributes (``validate_writes``)."""
    return WriteCheck("objects", object, dict(values))


class Record(ValuesReader, AttioModel):
    """An Attio record: its ``id``, ``created_at``, ``web_url`` and ``values``.

    ``values`` maps every attribute slug to a list of :data:`attio.values.AttributeValue`
    (``[]`` when unset). Read them with :meth:`values_of`, :meth:`first`, :meth:`plain` and
    :meth:`plain_values`.
    """

    id: RecordId
    created_at: Timestamp
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

    # ------------------------------------------------------------------ endpoints

    @paged
    def list(
        object: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        filter_view_id: str | None = None,
    ) -> PagedRequest[Record]:
        """One page of records: ``POST /v2/objects/{object}/records/query``
        (scopes ``record_permission:read``, ``object_configuration:read``).

        ``filter``/``sorts`` are Attio's filter and sort objects; ``limit`` defaults to 500
        on Attio's side. ``filter_view_id`` (a :class:`attio.View`'s ``view_id``) keeps the
        records that saved view shows. ``page.next_page()`` fetches the following page.
        """
        return query_request(_records(object), Record, filter, sorts, limit, offset, filter_view_id)

    list_async = list.twin

    @streamed
    def stream(
        object: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        page_size: int | None = QUERY_PAGE_SIZE,
        filter_view_id: str | None = None,
    ) -> PagedRequest[Record]:
        """Every matching record, lazily, page by page: ``POST /v2/objects/{object}/records/query``
        (scopes ``record_permission:read``, ``object_configuration:read``); ``filter_view_id``
        as in :meth:`list`."""
        request = query_request(
            _records(object), Record, filter, sorts, filter_view_id=filter_view_id
        )
        return request.with_limit(page_size)

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin

    @endpoint
    def search(
        query: str,
        *,
        objects: Sequence[str] | str,
        limit: int | None = 25,
        request_as: Mapping[str, Any] | None = None,
    ) -> Request[builtins.list[SearchResult]]:
        """Full-text search over records of ``objects`` (slugs or ids; beta, eventually
        consistent): ``POST /v2/objects/records/search``
        (scopes ``record_permission:read``, ``object_configuration:read``).

        ``request_as`` defaults to ``{"type": "workspace"}``; ``limit`` is 1..25.
        """
        payload: dict[str, Any] = {
            "query": query,
            "objects": [objects] if isinstance(objects, str) else builtins.list(objects),
            "request_as": dict(request_as) if request_as is not None else {"type": "workspace"},
        }
        if limit is not None:
            payload["limit"] = limit
        parse = parse_data_list(SearchResult)
        path = "/v2/objects/records/search"
        return Request("POST", path, parse, json=payload, retry_safe=True)

    search_async = search.twin

    @endpoint
    def get(object: str, record_id: str) -> Request[Record]:
        """One record: ``GET /v2/objects/{object}/records/{record_id}``
        (scopes ``record_permission:read``, ``object_configuration:read``)."""
        return Request("GET", _record(object, record_id), parse_data(Record))

    get_async = get.twin

    @endpoint
    def create(object: str, values: WriteValues) -> Request[Record]:
        """Create a record: ``POST /v2/objects/{object}/records``
        (scopes ``record_permission:read-write``, ``object_configuration:read``).

        ``values`` maps attribute slugs or ids to Attio's write shapes (bare values, objects,
        arrays) or to models of :mod:`attio.values`. Fails on a unique-attribute conflict.
        """
        payload = {"data": _values(values)}
        check = _check(object, values)
        return Request(
            "POST", _records(object), parse_data(Record), json=payload, write_check=check
        )

    create_async = create.twin

    @endpoint
    def upsert(object: str, values: WriteValues, *, matching_attribute: str) -> Request[Record]:
        """Create or update the record matching ``matching_attribute`` (a unique attribute,
        sent as ``?matching_attribute=``): ``PUT /v2/objects/{object}/records``
        (scopes ``record_permission:read-write``, ``object_configuration:read``)."""
        payload = {"data": _values(values)}
        params = {"matching_attribute": matching_attribute}
        return Request(
            "PUT",
            _records(object),
            parse_data(Record),
            params=params,
            json=payload,
            write_check=_check(object, values),
        )

    upsert_async = upsert.twin

    @endpoint
    def update(
        object: str, record_id: str, values: WriteValues, *, overwrite: bool = False
    ) -> Request[Record]:
        """Update a record: ``PATCH /v2/objects/{object}/records/{record_id}`` (multiselect
        values are added) or, with ``overwrite=True``, ``PUT`` (multiselect values replaced)
        (scopes ``record_permission:read-write``, ``object_configuration:read``)."""
        data = _values(values)
        check = _check(object, values)
        return update_request(_record(object, record_id), Record, data, overwrite, check)

    update_async = update.twin

    @endpoint
    def delete(object: str, record_id: str) -> Request[None]:
        """Delete a record: ``DELETE /v2/objects/{object}/records/{record_id}``
        (scopes ``object_configuration:read``, ``record_permission:read-write``)."""
        return Request("DELETE", _record(object, record_id), parse_nothing)

    delete_async = delete.twin

    @paged
    def list_attribute_values(
        object: str,
        record_id: str,
        attribute: str,
        *,
        show_historic: bool = False,
        limit: int | None = None,
        offset: int | None = None,
    ) -> PagedRequest[AttributeValue]:
        """The values of one attribute (``show_historic=True``: every past value too, oldest
        first): ``GET /v2/objects/{object}/records/{record_id}/attributes/{attribute}/values``
        (scopes ``record_permission:read``, ``object_configuration:read``)."""
        record = _record(object, record_id)
        return values_page_request(record, attribute, show_historic, limit, offset)

    list_attribute_values_async = list_attribute_values.twin

    @paged
    def list_entries(
        object: str, record_id: str, *, limit: int | None = None, offset: int | None = None
    ) -> PagedRequest[RecordEntry]:
        """The list entries whose parent is this record:
        ``GET /v2/objects/{object}/records/{record_id}/entries`` (scopes
        ``record_permission:read``, ``object_configuration:read``, ``list_entry:read``)."""
        request = Request(
            "GET",
            f"{_record(object, record_id)}/entries",
            parse_page(RecordEntry),
            params={"limit": limit, "offset": offset},
        )
        return PagedRequest(request, Paging("query_offset", 100))

    list_entries_async = list_entries.twin

    @endpoint
    def merge(object: str, primary_record_id: str, secondary_record_id: str) -> Request[Record]:
        """Merge the secondary record into the primary one and return the merged record:
        ``POST /v2/objects/{object}/records/merge``
        (scopes ``record_permission:read-write``, ``object_configuration:read``)."""
        ids = {"primary_record_id": primary_record_id, "secondary_record_id": secondary_record_id}
        path = f"{_records(object)}/merge"
        return Request("POST", path, parse_data(Record), json={"data": ids})

    merge_async = merge.twin
