"""Parsers for your own :class:`attio.Request` values: how Attio's answer becomes a result.

The resource classmethods cover Attio's endpoints; for one they do not cover yet, build the
request yourself and send it with either client (retries, errors and paging as usual)::

    import attio
    from attio import parse

    request = attio.Request("GET", "/v2/objects/people", parse.data(attio.Object))
    people = client.request(request)                     # an attio.Object

    paged = attio.PagedRequest(
        attio.Request("GET", "/v2/notes", parse.page(attio.Note), params={"limit": 50}),
        attio.Paging("query_offset", 10),
    )
    for note in client.stream(paged): ...

Each parser checks the body's top level before pydantic sees it, so a body of the wrong shape is
a short :class:`attio.ResponseValidationError`.
"""

from __future__ import annotations

from ._parsing import parse_bare as bare
from ._parsing import parse_data as data
from ._parsing import parse_data_list as data_list
from ._parsing import parse_nothing as nothing
from ._parsing import parse_page as page

__all__ = ["bare", "data", "data_list", "nothing", "page"]
