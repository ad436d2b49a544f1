"""The requests that records and entries build alike: a query, an update, attribute values.

``Record`` (``/v2/objects/{object}/records``) and ``Entry`` (``/v2/lists/{list}/entries``)
share the shape of these endpoints below their own collection path; each resource passes its
path and model, so neither module imports the other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeVar, cast

from ._pagination import PagedRequest, Paging
from ._parsing import parse_data, parse_page
from ._request import Request, WriteCheck, seg
from .values import AttributeValue

__all__ = [
    "QUERY_PAGE_SIZE",
    "query_body",
    "query_request",
    "update_request",
    "values_page_request",
]

M = TypeVar("M")

QUERY_PAGE_SIZE = 500
"""Attio's default ``limit`` of ``POST .../records/query`` and ``POST .../entries/query``."""


def query_body(
    filter: Mapping[str, Any] | None,
    sorts: Sequence[Any] | None,
    limit: int | None,
    offset: int | None,
    filter_view_id: str | None = None,
) -> dict[str, Any]:
    """The JSON body of a records/entries query: only what was given is sent."""
    sent = None if sorts is None else list(sorts)
    if filter_view_id is not None:
        if not isinstance(filter_view_id, str):
            kind = type(filter_view_id).__name__
            raise TypeError(f"filter_view_id must be a view id (a str), got {kind}")
        if not filter_view_id.strip():
            raise ValueError("filter_view_id must be a view id, got an empty string")
    out = {
        "filter": filter,
        "filter_view_id": filter_view_id,
        "sorts": sent,
        "limit": limit,
        "offset": offset,
    }
    return {key: value for key, value in out.items() if value is not None}


def query_request(
    collection: str,
    model: type[M],
    filter: Mapping[str, Any] | None,
    sorts: Sequence[Any] | None,
    limit: int | None = None,
    offset: int | None = None,
    filter_view_id: str | None = None,
) -> PagedRequest[M]:
    """``POST {collection}/query``: retry-safe (it only reads), paged by the body's offset;
    ``filter_view_id`` narrows it to what a saved view shows."""
    request = Request(
        "POST",
        f"{collection}/query",
        parse_page(model),
        json=query_body(filter, sorts, limit, offset, filter_view_id),
        retry_safe=True,
    )
    return PagedRequest(request, Paging("body_offset", QUERY_PAGE_SIZE))


def update_request(
    path: str,
    model: type[M],
    data: dict[str, Any],
    overwrite: bool,
    write_check: WriteCheck | None = None,
) -> Request[M]:
    """``PATCH`` ``{"data": data}`` to ``path`` (multiselect values are added) or, with
    ``overwrite``, ``PUT`` it (multiselect values are replaced); ``write_check`` describes the
    write for a client's ``validate_writes``."""
    method: Literal["PUT", "PATCH"] = "PUT" if overwrite else "PATCH"
    return Request(method, path, parse_data(model), json={"data": data}, write_check=write_check)


def values_page_request(
    item: str, attribute: str, show_historic: bool, limit: int | None, offset: int | None
) -> PagedRequest[AttributeValue]:
    """``GET {item}/attributes/{attribute}/values`` of a record or an entry (query offset
    paging), ``item`` being the record's or entry's own path."""
    parse = parse_page(cast("type[AttributeValue]", AttributeValue))
    return PagedRequest(
        Request(
            "GET",
            f"{item}/attributes/{seg(attribute)}/values",
            parse,
            params={"show_historic": show_historic, "limit": limit, "offset": offset},
        ),
        Paging("query_offset", None),
    )
