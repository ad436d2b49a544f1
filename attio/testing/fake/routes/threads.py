"""Routes for comment threads."""

from __future__ import annotations

from attio.testing.fake._errors import validation
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import int_param, window

routes = RouteTable()


@routes.get("/v2/threads")
def list_threads(ctx: Ctx) -> Reply:
    store = ctx.store
    limit = int_param(ctx.q("limit"), "limit", default=10, minimum=1, maximum=50)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    record_id, object_ = ctx.q("record_id"), ctx.q("object")
    entry_id, list_ = ctx.q("entry_id"), ctx.q("list")
    if (record_id is None) != (object_ is None) or (entry_id is None) != (list_ is None):
        raise validation("Pass record_id together with object, or entry_id together with list.")
    threads = list(store.threads.values())
    if record_id is not None and object_ is not None:
        object_id = store.object(object_)["id"]["object_id"]
        threads = [
            t for t in threads if t["record"] == {"record_id": record_id, "object_id": object_id}
        ]
    if entry_id is not None and list_ is not None:
        list_id = store.get_list(list_)["id"]["list_id"]
        threads = [t for t in threads if t["entry"] == {"entry_id": entry_id, "list_id": list_id}]
    page = window(threads, limit, offset)
    return 200, {"data": [store.render_thread(t) for t in page]}


@routes.get("/v2/threads/{thread_id}")
def get_thread(ctx: Ctx, thread_id: str) -> Reply:
    return 200, {"data": ctx.store.render_thread(ctx.store.thread(thread_id))}
