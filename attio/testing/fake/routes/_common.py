"""Helpers shared by the route modules."""

from __future__ import annotations

import copy

from attio.testing.fake._errors import validation
from attio.testing.fake._filters import Query, Row
from attio.testing.fake._router import Ctx, Reply
from attio.testing.fake._store import active
from attio.testing.fake._util import JSON, check_fields, int_param, query_bool, window
from attio.testing.fake.routes.views import view_filter


def query_body(ctx: Ctx) -> JSON:
    body = {} if ctx.body is None else ctx.body
    if not isinstance(body, dict):
        raise validation("Body payload validation error.")
    check_fields(
        body,
        {},
        {
            "filter": "object|null",
            "filter_view_id": "string",
            "sorts": "array|null",
            "limit": "number",
            "offset": "number",
        },
        prefix=(),
    )
    return body


def run_query(ctx: Ctx, parent_id: str, rows: list[Row]) -> list[Row]:
    body = query_body(ctx)
    limit = int_param(body.get("limit"), "limit", default=500, minimum=0, where="body")
    offset = int_param(body.get("offset"), "offset", default=0, where="body")
    query = Query(ctx.store, parent_id)
    # Both are checked against the schema before any row is read: an empty object or list
    # answers a bad filter or sort with the same 400 as a full one.
    test = query.compile(body.get("filter"))
    if "filter_view_id" in body:  # the saved view's own filter, and the body's
        shown = query.compile(view_filter(ctx.store, parent_id, body["filter_view_id"]))
        given = test

        def test(row: Row) -> bool:
            return shown(row) and given(row)

    keys = query.compile_sorts(body.get("sorts"))
    rows = query.order([row for row in rows if test(row)], keys)
    return window(rows, limit, offset)


def values_page(ctx: Ctx, attr: JSON, values: list[JSON]) -> Reply:
    historic = query_bool(ctx.q("show_historic"), "show_historic") or False
    limit = int_param(ctx.q("limit"), "limit", default=None, minimum=1)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    if historic and attr["type"] == "interaction":
        raise validation("Cannot set show_historic param to true when querying a COMINT attribute.")
    chosen = sorted(values, key=lambda v: v["active_from"]) if historic else active(values)
    return 200, {"data": copy.deepcopy(window(chosen, limit, offset))}


def empty_check(data: JSON) -> None:
    if not data:
        raise validation(
            "You passed an empty payload. Please ensure you are updating at least one property "
            "in your request."
        )


def typed_attribute(ctx: Ctx, target: str, identifier: str, attribute: str, kind: str) -> JSON:
    parent_id, _ = ctx.store.parent(target, identifier)
    attr = ctx.store.attribute(parent_id, attribute)
    if attr["type"] != kind:
        raise validation(f"This attribute is not a {kind} attribute.")
    return attr
