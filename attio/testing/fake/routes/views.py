"""Routes for saved views of objects and lists (read-only, as in Attio), and the views
themselves: :meth:`FakeAttio.add_view` stores one with the filter it applies as
``filter_view_id``."""

from __future__ import annotations

import copy
from typing import Any

from attio.testing.fake._errors import not_found
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._store import Store
from attio.testing.fake._util import JSON, cursor_page, int_param, query_bool

routes = RouteTable()


def add_view(
    store: Store,
    target: str,
    identifier: str,
    title: str,
    *,
    filter: JSON | None = None,
    archived: bool = False,
) -> JSON:
    """Store a view of an object or list; its ``filter`` narrows queries given its id."""
    parent_id, kind = store.parent(target, identifier)
    view: JSON = {
        "id": {
            "workspace_id": store.workspace_id,
            f"{kind}_id": parent_id,
            "view_id": store.new_id(),
        },
        "title": title,
        "created_at": store.now(),
    }
    store.views.setdefault(parent_id, []).append(
        {"view": view, "filter": copy.deepcopy(filter), "archived": archived}
    )
    return copy.deepcopy(view)


def view_filter(store: Store, parent_id: str, view_id: Any) -> JSON | None:
    """The filter of view ``view_id`` of ``parent_id`` (404 when it has no such view)."""
    for held in store.views.get(parent_id, []):
        if held["view"]["id"]["view_id"] == view_id:
            found: JSON | None = held["filter"]
            return found
    raise not_found(f'View with ID "{view_id}" was not found.')


@routes.get("/v2/{target}/{identifier}/views")
def list_views(ctx: Ctx, target: str, identifier: str) -> Reply:
    parent_id, _ = ctx.store.parent(target, identifier)
    archived = query_bool(ctx.q("show_archived"), "show_archived") or False
    limit = int_param(ctx.q("limit"), "limit", default=500, minimum=1, maximum=1000)
    assert limit is not None
    held = ctx.store.views.get(parent_id, [])
    views = [h["view"] for h in held if archived or not h["archived"]]
    views.sort(key=lambda view: view["id"]["view_id"])
    return 200, cursor_page(copy.deepcopy(views), limit, ctx.q("cursor"))
