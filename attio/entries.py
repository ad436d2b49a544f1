"""``Entry``: the entries of a list (a record's membership plus list-specific values) —
``/v2/lists/{list}/entries``.

``entry.entry_values`` holds only the list's own attributes (not the parent record's); read
them as on a record: ``entry.plain("stage")``, ``entry.first("owner")``,
``entry.values_of("tags")``.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import Field

from ._endpoints import endpoint, paged, streamed
from ._models import AttioModel, Timestamp
from ._pagination import PagedRequest
from ._parsing import parse_data, parse_nothing
from ._query import QUERY_PAGE_SIZE, query_request, update_request, values_page_request
from ._request import Request, WriteCheck, seg
from .value_map import ValueMap, ValuesReader
from .values import AttributeValue, to_write_values
from .write import WriteValues

__all__ = ["Entry", "EntryId"]


class EntryId(AttioModel):
    """``{"workspace_id", "list_id", "entry_id"}``."""

    workspace_id: str
    list_id: str
    entry_id: str


def _entries(list: str) -> str:
    return f"/v2/lists/{seg(list)}/entries"


def _entry(list: str, entry_id: str) -> str:
    return f"{_entries(list)}/{seg(entry_id)}"


def _check(list: str, entry_values: WriteValues) -> WriteCheck:
    """The write to check against ``list``'s attributes (``validate_writes``)."""
    return WriteCheck("lists", list, dict(entry_values))


def _add(
    method: Literal["POST", "PUT"],
    list: str,
    parent_object: str,
    parent_record_id: str,
    entry_values: WriteValues,
) -> Request[Entry]:
    """``POST`` (add) or ``PUT`` (add or update) the entry of a parent record."""
    payload = {
        "data": {
            "parent_record_id": parent_record_id,
            "parent_object": parent_object,
            "entry_values": to_write_values(entry_values),
        }
    }
    check = _check(list, entry_values)
    return Request(method, _entries(list), parse_data(Entry), json=payload, write_check=check)


class Entry(ValuesReader, AttioModel):
    """A list entry: ``id``, ``parent_record_id``, ``parent_object``, ``created_at`` and
    ``entry_values`` (the list's attributes, each a list of
    :data:`attio.values.AttributeValue`).

    Read values with :meth:`values_of`, :meth:`first`, :meth:`plain`, :meth:`plain_values`.
    """

    id: EntryId
    parent_record_id: str
    parent_object: str
    created_at: Timestamp
    entry_values: ValueMap = Field(default_factory=ValueMap)

    def _value_map(self) -> Mapping[str, builtins.list[AttributeValue]]:
        return self.entry_values

    @property
    def entry_id(self) -> str:
        """The entry's id (``id.entry_id``)."""
        return self.id.entry_id

    @property
    def list_id(self) -> str:
        """The id of the entry's list (``id.list_id``)."""
        return self.id.list_id

    # ------------------------------------------------------------------ endpoints

    @paged
    def list(
        list: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        filter_view_id: str | None = None,
    ) -> PagedRequest[Entry]:
        """One page of entries: ``POST /v2/lists/{list}/entries/query``
        (scopes ``list_entry:read``, ``list_configuration:read``).

        ``limit`` defaults to 500 on Attio's side; ``filter_view_id`` (a list's
        :class:`attio.View` id) keeps the entries that saved view shows;
        ``page.next_page()`` fetches the next page.
        """
        return query_request(_entries(list), Entry, filter, sorts, limit, offset, filter_view_id)

    list_async = list.twin

    @streamed
    def stream(
        list: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        page_size: int | None = QUERY_PAGE_SIZE,
        filter_view_id: str | None = None,
    ) -> PagedRequest[Entry]:
        """Every matching entry, lazily, page by page: ``POST /v2/lists/{list}/entries/query``
        (scopes ``list_entry:read``, ``list_configuration:read``); ``filter_view_id`` as in
        :meth:`list`."""
        request = query_request(_entries(list), Entry, filter, sorts, filter_view_id=filter_view_id)
        return request.with_limit(page_size)

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin

    @endpoint
    def get(list: str, entry_id: str) -> Request[Entry]:
        """One entry: ``GET /v2/lists/{list}/entries/{entry_id}``
        (scopes ``list_entry:read``, ``list_configuration:read``)."""
        return Request("GET", _entry(list, entry_id), parse_data(Entry))

    get_async = get.twin

    @endpoint
    def create(
        list: str, *, parent_object: str, parent_record_id: str, entry_values: WriteValues
    ) -> Request[Entry]:
        """Add a record to a list: ``POST /v2/lists/{list}/entries``
        (scopes ``list_entry:read-write``, ``list_configuration:read``).

        ``entry_values`` takes Attio's write shapes or models of :mod:`attio.values`; a record
        may be added several times.
        """
        return _add("POST", list, parent_object, parent_record_id, entry_values)

    create_async = create.twin

    @endpoint
    def upsert(
        list: str, *, parent_object: str, parent_record_id: str, entry_values: WriteValues
    ) -> Request[Entry]:
        """Create or update the entry of a parent record: ``PUT /v2/lists/{list}/entries``
        (scopes ``list_entry:read-write``, ``list_configuration:read``; 400
        ``multiple_match_results`` when the parent has several entries)."""
        return _add("PUT", list, parent_object, parent_record_id, entry_values)

    upsert_async = upsert.twin

    @endpoint
    def update(
        list: str, entry_id: str, entry_values: WriteValues, *, overwrite: bool = False
    ) -> Request[Entry]:
        """Update an entry: ``PATCH /v2/lists/{list}/entries/{entry_id}`` (multiselect values
        are added) or, with ``overwrite=True``, ``PUT`` (multiselect values replaced)
        (scopes ``list_entry:read-write``, ``list_configuration:read``)."""
        data = {"entry_values": to_write_values(entry_values)}
        check = _check(list, entry_values)
        return update_request(_entry(list, entry_id), Entry, data, overwrite, check)

    update_async = update.twin

    @endpoint
    def delete(list: str, entry_id: str) -> Request[None]:
        """Remove an entry: ``DELETE /v2/lists/{list}/entries/{entry_id}``
        (scopes ``list_entry:read-write``, ``list_configuration:read``)."""
        return Request("DELETE", _entry(list, entry_id), parse_nothing)

    delete_async = delete.twin

    @paged
    def list_attribute_values(
        list: str,
        entry_id: str,
        attribute: str,
        *,
        show_historic: bool = False,
        limit: int | None = None,
        offset: int | None = None,
    ) -> PagedRequest[AttributeValue]:
        """The values of one list attribute (``show_historic=True``: past values too):
        ``GET /v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values``
        (scopes ``list_entry:read``, ``list_configuration:read``)."""
        entry = _entry(list, entry_id)
        return values_page_request(entry, attribute, show_historic, limit, offset)

    list_attribute_values_async = list_attribute_values.twin
