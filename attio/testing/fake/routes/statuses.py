"""Routes for the statuses of status attributes."""

from __future__ import annotations

import copy

from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import check_fields, data_of, query_bool

from ._common import typed_attribute

routes = RouteTable()


@routes.get("/v2/{target}/{identifier}/attributes/{attribute}/statuses")
def list_statuses(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    attr = typed_attribute(ctx, target, identifier, attribute, "status")
    archived = query_bool(ctx.q("show_archived"), "show_archived") or False
    statuses = ctx.store.statuses[attr["id"]["attribute_id"]]
    return 200, {"data": copy.deepcopy([s for s in statuses if archived or not s["is_archived"]])}


@routes.post("/v2/{target}/{identifier}/attributes/{attribute}/statuses")
def create_status(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    attr = typed_attribute(ctx, target, identifier, attribute, "status")
    data = data_of(ctx.body)
    check_fields(
        data,
        {"title": "string"},
        {"celebration_enabled": "boolean", "target_time_in_status": "string|null"},
    )
    return 200, {"data": copy.deepcopy(ctx.store.create_status(attr, data))}


@routes.patch("/v2/{target}/{identifier}/attributes/{attribute}/statuses/{status}")
def update_status(ctx: Ctx, target: str, identifier: str, attribute: str, status: str) -> Reply:
    attr = typed_attribute(ctx, target, identifier, attribute, "status")
    data = data_of(ctx.body)
    check_fields(
        data,
        {},
        {
            "title": "string",
            "is_archived": "boolean",
            "celebration_enabled": "boolean",
            "target_time_in_status": "string|null",
        },
    )
    found = ctx.store.update_status(attr, status, data)
    return 200, {"data": copy.deepcopy(found)}
