"""Routes for the attributes of objects and lists."""

from __future__ import annotations

import copy
from typing import get_args

from attio.attributes import CreatableAttributeType
from attio.testing.fake._errors import validation
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import check_fields, data_of, int_param, query_bool, window

from ._common import empty_check

routes = RouteTable()


# The types Attio lets an attribute be created with: the client's own closed list.
WRITABLE_TYPES: tuple[str, ...] = get_args(CreatableAttributeType)


ALL_TYPES = (*WRITABLE_TYPES, "interaction", "personal-name")


@routes.get("/v2/{target}/{identifier}/attributes")
def list_attributes(ctx: Ctx, target: str, identifier: str) -> Reply:
    parent_id, _ = ctx.store.parent(target, identifier)
    limit = int_param(ctx.q("limit"), "limit", default=None, minimum=1)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    archived = query_bool(ctx.q("show_archived"), "show_archived") or False
    attrs = [a for a in ctx.store.attributes[parent_id] if archived or not a["is_archived"]]
    return 200, {"data": copy.deepcopy(window(attrs, limit, offset))}


@routes.post("/v2/{target}/{identifier}/attributes")
def create_attribute(ctx: Ctx, target: str, identifier: str) -> Reply:
    store = ctx.store
    parent_id, kind = store.parent(target, identifier)
    data = data_of(ctx.body)
    check_fields(
        data,
        {
            "title": "string",
            "description": "string|null",
            "api_slug": "string",
            "type": "string",
            "is_required": "boolean",
            "is_unique": "boolean",
            "is_multiselect": "boolean",
            "config": "object",
        },
        {"default_value": "object|null", "relationship": "object|null"},
    )
    if data["type"] not in WRITABLE_TYPES:
        raise validation(
            "Body payload validation error.",
            [
                {
                    "code": "invalid_enum_value",
                    "path": ["data", "type"],
                    "message": "Invalid enum value. Expected "
                    + " | ".join(f"'{t}'" for t in ALL_TYPES)
                    + f", received '{data['type']}'",
                    "received": data["type"],
                    "options": list(ALL_TYPES),
                }
            ],
        )
    attr = store.create_attribute(parent_id, kind, data)
    return 200, {"data": copy.deepcopy(attr)}


@routes.get("/v2/{target}/{identifier}/attributes/{attribute}")
def get_attribute(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    parent_id, _ = ctx.store.parent(target, identifier)
    return 200, {"data": copy.deepcopy(ctx.store.attribute(parent_id, attribute))}


@routes.patch("/v2/{target}/{identifier}/attributes/{attribute}")
def update_attribute(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    parent_id, _ = ctx.store.parent(target, identifier)
    attr = ctx.store.attribute(parent_id, attribute)
    data = data_of(ctx.body)
    check_fields(
        data,
        {},
        {
            "title": "string",
            "description": "string|null",
            "api_slug": "string",
            "is_required": "boolean",
            "is_unique": "boolean",
            "default_value": "object|null",
            "config": "object",
            "is_archived": "boolean",
        },
    )
    empty_check(data)
    ctx.store.update_attribute(parent_id, attr, data)
    return 200, {"data": copy.deepcopy(attr)}
