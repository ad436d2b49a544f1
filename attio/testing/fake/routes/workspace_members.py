"""Routes for workspace members."""

from __future__ import annotations

import copy

from attio.testing.fake._errors import not_found
from attio.testing.fake._router import Ctx, Reply, RouteTable

routes = RouteTable()


@routes.get("/v2/workspace_members")
def list_members(ctx: Ctx) -> Reply:
    return 200, {"data": copy.deepcopy(list(ctx.store.members.values()))}


@routes.get("/v2/workspace_members/{member_id}")
def get_member(ctx: Ctx, member_id: str) -> Reply:
    member = ctx.store.members.get(member_id)
    if member is None:
        raise not_found(f'Workspace member with ID "{member_id}" not found.')
    return 200, {"data": copy.deepcopy(member)}
