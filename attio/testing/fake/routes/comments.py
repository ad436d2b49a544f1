"""Routes for comments."""

from __future__ import annotations

import copy

from attio.testing.fake._errors import validation
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import check_fields, data_of

routes = RouteTable()


@routes.post("/v2/comments")
def create_comment(ctx: Ctx) -> Reply:
    data = data_of(ctx.body)
    check_fields(
        data,
        {"format": "string", "content": "string", "author": "object"},
        {"created_at": "string", "thread_id": "string", "record": "object", "entry": "object"},
    )
    targets = [k for k in ("thread_id", "record", "entry") if k in data]
    if len(targets) != 1:
        raise validation("Exactly one of thread_id, record or entry must be given.")
    return 200, {"data": copy.deepcopy(ctx.store.create_comment(data))}


@routes.get("/v2/comments/{comment_id}")
def get_comment(ctx: Ctx, comment_id: str) -> Reply:
    return 200, {"data": copy.deepcopy(ctx.store.comment(comment_id))}


@routes.delete("/v2/comments/{comment_id}")
def delete_comment(ctx: Ctx, comment_id: str) -> Reply:
    ctx.store.delete_comment(comment_id)
    return 200, {}
