"""Routes for webhooks."""

from __future__ import annotations

import copy

from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import check_fields, data_of, int_param, window

routes = RouteTable()


@routes.get("/v2/webhooks")
def list_webhooks(ctx: Ctx) -> Reply:
    limit = int_param(ctx.q("limit"), "limit", default=10, minimum=10, maximum=100)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    return 200, {"data": copy.deepcopy(window(list(ctx.store.webhooks.values()), limit, offset))}


@routes.post("/v2/webhooks")
def create_webhook(ctx: Ctx) -> Reply:
    store = ctx.store
    data = data_of(ctx.body)
    check_fields(data, {"target_url": "string", "subscriptions": "array"})
    webhook = store.create_webhook(data)
    secret = store.ids.hex(32)  # kept: FakeAttio signs its deliveries with it
    store.webhook_secrets[webhook["id"]["webhook_id"]] = secret
    return 200, {"data": {**copy.deepcopy(webhook), "secret": secret}}


@routes.get("/v2/webhooks/{webhook_id}")
def get_webhook(ctx: Ctx, webhook_id: str) -> Reply:
    return 200, {"data": copy.deepcopy(ctx.store.webhook(webhook_id))}


@routes.patch("/v2/webhooks/{webhook_id}")
def update_webhook(ctx: Ctx, webhook_id: str) -> Reply:
    webhook = ctx.store.webhook(webhook_id)
    data = data_of(ctx.body)
    check_fields(data, {}, {"target_url": "string", "subscriptions": "array"})
    return 200, {"data": copy.deepcopy(ctx.store.update_webhook(webhook, data))}


@routes.delete("/v2/webhooks/{webhook_id}")
def delete_webhook(ctx: Ctx, webhook_id: str) -> Reply:
    ctx.store.delete_webhook(webhook_id)
    return 200, {}
