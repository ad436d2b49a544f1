"""Routes for objects."""

from __future__ import annotations

import copy

from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import check_fields, data_of

from ._common import empty_check

routes = RouteTable()


@routes.get("/v2/objects")
def list_objects(ctx: Ctx) -> Reply:
    return 200, {"data": copy.deepcopy(list(ctx.store.objects.values()))}


@routes.post("/v2/objects")
def create_object(ctx: Ctx) -> Reply:
    data = data_of(ctx.body)
    check_fields(data, {"api_slug": "string", "singular_noun": "string", "plural_noun": "string"})
    obj = ctx.store.create_object(data["api_slug"], data["singular_noun"], data["plural_noun"])
    return 200, {"data": copy.deepcopy(obj)}


@routes.get("/v2/objects/{object}")
def get_object(ctx: Ctx, object: str) -> Reply:
    return 200, {"data": copy.deepcopy(ctx.store.object(object))}


@routes.patch("/v2/objects/{object}")
def update_object(ctx: Ctx, object: str) -> Reply:
    obj = ctx.store.object(object)
    data = data_of(ctx.body)
    check_fields(
        data, {}, {"api_slug": "string", "singular_noun": "string", "plural_noun": "string"}
    )
    empty_check(data)
    return 200, {"data": copy.deepcopy(ctx.store.update_object(obj, data))}
