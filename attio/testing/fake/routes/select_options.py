"""Routes for the options of select attributes."""

from __future__ import annotations

import copy

from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import check_fields, data_of, query_bool

from ._common import typed_attribute

routes = RouteTable()


@routes.get("/v2/{target}/{identifier}/attributes/{attribute}/options")
def list_options(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    attr = typed_attribute(ctx, target, identifier, attribute, "select")
    archived = query_bool(ctx.q("show_archived"), "show_archived") or False
    options = ctx.store.options[attr["id"]["attribute_id"]]
    return 200, {"data": copy.deepcopy([o for o in options if archived or not o["is_archived"]])}


@routes.post("/v2/{target}/{identifier}/attributes/{attribute}/options")
def create_option(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    attr = typed_attribute(ctx, target, identifier, attribute, "select")
    data = data_of(ctx.body)
    check_fields(data, {"title": "string"})
    return 200, {"data": copy.deepcopy(ctx.store.create_option(attr, data["title"]))}


@routes.patch("/v2/{target}/{identifier}/attributes/{attribute}/options/{option}")
def update_option(ctx: Ctx, target: str, identifier: str, attribute: str, option: str) -> Reply:
    attr = typed_attribute(ctx, target, identifier, attribute, "select")
    data = data_of(ctx.body)
    check_fields(data, {}, {"title": "string", "is_archived": "boolean"})
    found = ctx.store.update_option(attr, option, data)
    return 200, {"data": copy.deepcopy(found)}
