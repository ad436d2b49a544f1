"""``Entry``: the entries of a list (a record's membership plus list-specific values) —
``/v2/lists/{list}/entries``.

``entry.entry_values`` holds only the list's own attributes (not the parent record's); read
them as on a record: ``entry.plain("stage")``, ``entry.first("owner")``,
``entry.values_of("tags")``.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import Any, Literal

from pydantic import Field

from ._client import AsyncClient, Client, require_async, require_sync
from ._models import AttioModel, Timestamp
from ._paging import Page
from ._request import PagedRequest, Paging, Request, parse_data, parse_nothing, parse_page
from ._resource import seg
from .records import QUERY_PAGE_SIZE, query_body, values_page_request
from .values import AttributeValue, ValueMap, ValuesReader, to_write_values

__all__ = ["Entry", "EntryId"]


class EntryId(AttioModel):
    """``{"workspace_id", "list_id", "entry_id"}``."""

    workspace_id: str
    list_id: str
    entry_id: str


class Entry(ValuesReader, AttioModel):
    """A list entry: ``id``, ``parent_record_id``, ``parent_object``, ``created_at`` and
    ``entry_values`` (the list's attributes, each a list of
    :data:`attio.values.AttributeValue`).

    Read values with :meth:`values_of`, :meth:`first`, :meth:`plain`, :meth:`plain_values`.
    """

    id: EntryId
    parent_record_id: str | None = None
    parent_object: str | None = None
    created_at: Timestamp | None = None
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

    # ------------------------------------------------------------------ requests

    @classmethod
    def _base(cls, list: str) -> str:
        return f"/v2/lists/{seg(list)}/entries"

    @classmethod
    def _query(
        cls,
        list: str,
        filter: Mapping[str, Any] | None,
        sorts: Sequence[Any] | None,
        limit: int | None,
        offset: int | None,
    ) -> PagedRequest[Entry]:
        request = Request(
            "POST",
            f"{cls._base(list)}/query",
            parse_page(cls),
            json=query_body(filter, sorts, limit, offset),
            retry_safe=True,
        )
        return PagedRequest(request, Paging("body_offset", QUERY_PAGE_SIZE))

    @classmethod
    def _get(cls, list: str, entry_id: str) -> Request[Entry]:
        return Request("GET", f"{cls._base(list)}/{seg(entry_id)}", parse_data(cls))

    @classmethod
    def _put_or_post(
        cls,
        method: Literal["POST", "PUT"],
        list: str,
        parent_object: str,
        parent_record_id: str,
        entry_values: Mapping[str, Any],
    ) -> Request[Entry]:
        payload = {
            "data": {
                "parent_record_id": parent_record_id,
                "parent_object": parent_object,
                "entry_values": to_write_values(entry_values),
            }
        }
        return Request(method, cls._base(list), parse_data(cls), json=payload)

    @classmethod
    def _update(
        cls, list: str, entry_id: str, entry_values: Mapping[str, Any], overwrite: bool
    ) -> Request[Entry]:
        payload = {"data": {"entry_values": to_write_values(entry_values)}}
        method: Literal["PUT", "PATCH"] = "PUT" if overwrite else "PATCH"
        return Request(method, f"{cls._base(list)}/{seg(entry_id)}", parse_data(cls), json=payload)

    @classmethod
    def _delete(cls, list: str, entry_id: str) -> Request[None]:
        return Request("DELETE", f"{cls._base(list)}/{seg(entry_id)}", parse_nothing)

    @classmethod
    def _attribute_values(
        cls,
        list: str,
        entry_id: str,
        attribute: str,
        show_historic: bool,
        limit: int | None,
        offset: int | None,
    ) -> PagedRequest[AttributeValue]:
        path = f"{cls._base(list)}/{seg(entry_id)}/attributes/{seg(attribute)}/values"
        return values_page_request(path, show_historic, limit, offset)

    # ------------------------------------------------------------------ sync

    @classmethod
    def list(
        cls,
        client: Client,
        list: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[Entry]:
        """One page of entries: ``POST /v2/lists/{list}/entries/query``
        (scopes ``list_entry:read``, ``list_configuration:read``).

        ``limit`` defaults to 500 on Attio's side; ``page.next_page()`` fetches the next page.
        """
        return require_sync(client).fetch_page(cls._query(list, filter, sorts, limit, offset))

    @classmethod
    def stream(
        cls,
        client: Client,
        list: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        page_size: int | None = QUERY_PAGE_SIZE,
    ) -> Iterator[Entry]:
        """Every matching entry, lazily, page by page: ``POST /v2/lists/{list}/entries/query``
        (scopes ``list_entry:read``, ``list_configuration:read``)."""
        paged = cls._query(list, filter, sorts, None, None).with_limit(page_size)
        return require_sync(client).stream(paged)

    @classmethod
    def stream_all(
        cls,
        client: Client,
        list: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        page_size: int | None = QUERY_PAGE_SIZE,
    ) -> builtins.list[Entry]:
        """Every matching entry as a list: ``POST /v2/lists/{list}/entries/query``
        (scopes ``list_entry:read``, ``list_configuration:read``)."""
        return builtins.list(
            cls.stream(client, list, filter=filter, sorts=sorts, page_size=page_size)
        )

    @classmethod
    def get(cls, client: Client, list: str, entry_id: str) -> Entry:
        """One entry: ``GET /v2/lists/{list}/entries/{entry_id}``
        (scopes ``list_entry:read``, ``list_configuration:read``)."""
        return require_sync(client).request(cls._get(list, entry_id))

    @classmethod
    def create(
        cls,
        client: Client,
        list: str,
        *,
        parent_object: str,
        parent_record_id: str,
        entry_values: Mapping[str, Any],
    ) -> Entry:
        """Add a record to a list: ``POST /v2/lists/{list}/entries``
        (scopes ``list_entry:read-write``, ``list_configuration:read``).

        ``entry_values`` takes Attio's write shapes or models of :mod:`attio.values`; a record
        may be added several times.
        """
        return require_sync(client).request(
            cls._put_or_post("POST", list, parent_object, parent_record_id, entry_values)
        )

    @classmethod
    def upsert(
        cls,
        client: Client,
        list: str,
        *,
        parent_object: str,
        parent_record_id: str,
        entry_values: Mapping[str, Any],
    ) -> Entry:
        """Create or update the entry of a parent record: ``PUT /v2/lists/{list}/entries``
        (scopes ``list_entry:read-write``, ``list_configuration:read``; 400
        ``multiple_match_results`` when the parent has several entries)."""
        return require_sync(client).request(
            cls._put_or_post("PUT", list, parent_object, parent_record_id, entry_values)
        )

    @classmethod
    def update(
        cls,
        client: Client,
        list: str,
        entry_id: str,
        entry_values: Mapping[str, Any],
        *,
        overwrite: bool = False,
    ) -> Entry:
        """Update an entry: ``PATCH /v2/lists/{list}/entries/{entry_id}`` (multiselect values
        are added) or, with ``overwrite=True``, ``PUT`` (multiselect values replaced)
        (scopes ``list_entry:read-write``, ``list_configuration:read``)."""
        return require_sync(client).request(cls._update(list, entry_id, entry_values, overwrite))

    @classmethod
    def delete(cls, client: Client, list: str, entry_id: str) -> None:
        """Remove an entry: ``DELETE /v2/lists/{list}/entries/{entry_id}``
        (scopes ``list_entry:read-write``, ``list_configuration:read``)."""
        require_sync(client).request(cls._delete(list, entry_id))

    @classmethod
    def list_attribute_values(
        cls,
        client: Client,
        list: str,
        entry_id: str,
        attribute: str,
        *,
        show_historic: bool = False,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[AttributeValue]:
        """The values of one list attribute (``show_historic=True``: past values too):
        ``GET /v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values``
        (scopes ``list_entry:read``, ``list_configuration:read``)."""
        paged = cls._attribute_values(list, entry_id, attribute, show_historic, limit, offset)
        return require_sync(client).fetch_page(paged)

    # ------------------------------------------------------------------ async

    @classmethod
    async def list_async(
        cls,
        client: AsyncClient,
        list: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[Entry]:
        """Async twin of :meth:`list`: ``POST /v2/lists/{list}/entries/query``
        (``list_entry:read``, ``list_configuration:read``)."""
        paged = cls._query(list, filter, sorts, limit, offset)
        return await require_async(client).fetch_page(paged)

    @classmethod
    async def stream_async(
        cls,
        client: AsyncClient,
        list: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        page_size: int | None = QUERY_PAGE_SIZE,
    ) -> AsyncIterator[Entry]:
        """Async twin of :meth:`stream`: ``POST /v2/lists/{list}/entries/query``
        (``list_entry:read``, ``list_configuration:read``)."""
        paged = cls._query(list, filter, sorts, None, None).with_limit(page_size)
        async for entry in require_async(client).stream(paged):
            yield entry

    @classmethod
    async def stream_all_async(
        cls,
        client: AsyncClient,
        list: str,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Sequence[Any] | None = None,
        page_size: int | None = QUERY_PAGE_SIZE,
    ) -> builtins.list[Entry]:
        """Async twin of :meth:`stream_all`: ``POST /v2/lists/{list}/entries/query``
        (``list_entry:read``, ``list_configuration:read``)."""
        return [
            entry
            async for entry in cls.stream_async(
                client, list, filter=filter, sorts=sorts, page_size=page_size
            )
        ]

    @classmethod
    async def get_async(cls, client: AsyncClient, list: str, entry_id: str) -> Entry:
        """Async twin of :meth:`get`: ``GET /v2/lists/{list}/entries/{entry_id}``
        (``list_entry:read``, ``list_configuration:read``)."""
        return await require_async(client).request(cls._get(list, entry_id))

    @classmethod
    async def create_async(
        cls,
        client: AsyncClient,
        list: str,
        *,
        parent_object: str,
        parent_record_id: str,
        entry_values: Mapping[str, Any],
    ) -> Entry:
        """Async twin of :meth:`create`: ``POST /v2/lists/{list}/entries``
        (``list_entry:read-write``, ``list_configuration:read``)."""
        return await require_async(client).request(
            cls._put_or_post("POST", list, parent_object, parent_record_id, entry_values)
        )

    @classmethod
    async def upsert_async(
        cls,
        client: AsyncClient,
        list: str,
        *,
        parent_object: str,
        parent_record_id: str,
        entry_values: Mapping[str, Any],
    ) -> Entry:
        """Async twin of :meth:`upsert`: ``PUT /v2/lists/{list}/entries``
        (``list_entry:read-write``, ``list_configuration:read``)."""
        return await require_async(client).request(
            cls._put_or_post("PUT", list, parent_object, parent_record_id, entry_values)
        )

    @classmethod
    async def update_async(
        cls,
        client: AsyncClient,
        list: str,
        entry_id: str,
        entry_values: Mapping[str, Any],
        *,
        overwrite: bool = False,
    ) -> Entry:
        """Async twin of :meth:`update`: ``PATCH /v2/lists/{list}/entries/{entry_id}``
        (``PUT`` with ``overwrite=True``)
        (``list_entry:read-write``, ``list_configuration:read``)."""
        return await require_async(client).request(
            cls._update(list, entry_id, entry_values, overwrite)
        )

    @classmethod
    async def delete_async(cls, client: AsyncClient, list: str, entry_id: str) -> None:
        """Async twin of :meth:`delete`: ``DELETE /v2/lists/{list}/entries/{entry_id}``
        (``list_entry:read-write``, ``list_configuration:read``)."""
        await require_async(client).request(cls._delete(list, entry_id))

    @classmethod
    async def list_attribute_values_async(
        cls,
        client: AsyncClient,
        list: str,
        entry_id: str,
        attribute: str,
        *,
        show_historic: bool = False,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[AttributeValue]:
        """Async twin of :meth:`list_attribute_values`:
        ``GET /v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values``
        (``list_entry:read``, ``list_configuration:read``)."""
        paged = cls._attribute_values(list, entry_id, attribute, show_historic, limit, offset)
        return await require_async(client).fetch_page(paged)
