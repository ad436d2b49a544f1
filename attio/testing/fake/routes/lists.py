"""Routes for lists."""

from __future__ import annotations

import copy

from attio.testing.fake._errors import bad_request, validation
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import JSON, check_fields, data_of

from ._common import empty_check

routes = RouteTable()


ACCESS_LEVELS = ("full-access", "read-and-write", "read-only")


@routes.get("/v2/lists")
def list_lists(ctx: Ctx) -> Reply:
    return 200, {"data": copy.deepcopy(list(ctx.store.lists.values()))}


def _check_access(data: JSON) -> None:
    if "workspace_access" in data and data["workspace_access"] not in (*ACCESS_LEVELS, None):
        raise validation(
            "Body payload validation error.",
            [
                {
                    "code": "invalid_enum_value",
                    "path": ["data", "workspace_access"],
                    "message": "Invalid enum value.",
                    "received": data["workspace_access"],
                    "options": list(ACCESS_LEVELS),
                }
            ],
        )


@routes.post("/v2/lists")
def create_list(ctx: Ctx) -> Reply:
    data = data_of(ctx.body)
    check_fields(
        data,
        {
            "name": "string",
            "api_slug": "string",
            "parent_object": "string",
            "workspace_access": "string|null",
            "workspace_member_access": "array",
        },
    )
    _check_access(data)
    return 200, {"data": copy.deepcopy(ctx.store.create_list(data))}


@routes.get("/v2/lists/{list}")
def get_list(ctx: Ctx, list: str) -> Reply:
    return 200, {"data": copy.deepcopy(ctx.store.get_list(list))}


@routes.patch("/v2/lists/{list}")
def update_list(ctx: Ctx, list: str) -> Reply:
    lst = ctx.store.get_list(list)
    data = data_of(ctx.body)
    check_fields(
        data,
        {},
        {
            "name": "string",
            "api_slug": "string",
            "workspace_access": "string|null",
            "workspace_member_access": "array",
        },
    )
    empty_check(data)
    _check_access(data)
    if "parent_object" in data:
        raise bad_request("immutable_value", "The parent object of a list cannot be changed.")
    ctx.store.update_list(lst, data)
    return 200, {"data": copy.deepcopy(lst)}
