"""Routes for list entries."""

from __future__ import annotations

from attio.testing.fake._errors import bad_request, validation
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import JSON, check_fields, data_of

from ._common import run_query, values_page

routes = RouteTable()


@routes.post("/v2/lists/{list}/entries/query")
def query_entries(ctx: Ctx, list: str) -> Reply:
    lst = ctx.store.get_list(list)
    list_id = lst["id"]["list_id"]
    rows = [(list_id, state) for state in ctx.store.entries[list_id].values()]
    page = run_query(ctx, list_id, rows)
    return 200, {"data": [ctx.store.render_entry(state) for _, state in page]}


def _entry_payload(ctx: Ctx, lst: JSON) -> tuple[JSON, JSON, JSON]:
    data = data_of(ctx.body)
    check_fields(
        data, {"parent_record_id": "string", "parent_object": "string", "entry_values": "object"}
    )
    parent, record = ctx.store.parent_record(data["parent_object"], data["parent_record_id"])
    if parent["api_slug"] not in lst["parent_object"]:
        raise validation(
            f'List "{lst["api_slug"]}" holds records of "{lst["parent_object"][0]}", '
            f'not "{parent["api_slug"]}".'
        )
    return data, parent, record


@routes.post("/v2/lists/{list}/entries")
def create_entry(ctx: Ctx, list: str) -> Reply:
    lst = ctx.store.get_list(list)
    data, parent, record = _entry_payload(ctx, lst)
    state = ctx.store.new_entry(lst, parent, record["id"]["record_id"], data["entry_values"])
    return 200, {"data": ctx.store.render_entry(state)}


@routes.put("/v2/lists/{list}/entries")
def assert_entry(ctx: Ctx, list: str) -> Reply:
    store = ctx.store
    lst = store.get_list(list)
    data, parent, record = _entry_payload(ctx, lst)
    record_id = record["id"]["record_id"]
    list_id = lst["id"]["list_id"]
    found = store.entries_of(list_id, record_id)
    if len(found) > 1:
        raise bad_request(
            "multiple_match_results",
            "Multiple entries were founds for the given parent record. Please remove duplicates or "
            "use the update or create entry endpoints instead.",
        )
    if found:
        state = found[0]
        store.write_values(list_id, state, data["entry_values"], append=False)
    else:
        state = store.new_entry(lst, parent, record_id, data["entry_values"])
    return 200, {"data": store.render_entry(state)}


@routes.get("/v2/lists/{list}/entries/{entry_id}")
def get_entry(ctx: Ctx, list: str, entry_id: str) -> Reply:
    lst = ctx.store.get_list(list)
    return 200, {"data": ctx.store.render_entry(ctx.store.entry_state(lst, entry_id))}


def _update_entry(ctx: Ctx, list: str, entry_id: str, *, append: bool) -> Reply:
    lst = ctx.store.get_list(list)
    state = ctx.store.entry_state(lst, entry_id)
    data = data_of(ctx.body)
    if "parent_record_id" in data or "parent_object" in data:
        raise bad_request(
            "immutable_value", "The parent record for a list entry cannot be updated once created."
        )
    check_fields(data, {"entry_values": "object"})
    ctx.store.write_values(lst["id"]["list_id"], state, data["entry_values"], append=append)
    return 200, {"data": ctx.store.render_entry(state)}


@routes.patch("/v2/lists/{list}/entries/{entry_id}")
def patch_entry(ctx: Ctx, list: str, entry_id: str) -> Reply:
    return _update_entry(ctx, list, entry_id, append=True)


@routes.put("/v2/lists/{list}/entries/{entry_id}")
def put_entry(ctx: Ctx, list: str, entry_id: str) -> Reply:
    return _update_entry(ctx, list, entry_id, append=False)


@routes.delete("/v2/lists/{list}/entries/{entry_id}")
def delete_entry(ctx: Ctx, list: str, entry_id: str) -> Reply:
    ctx.store.delete_entry(ctx.store.get_list(list), entry_id)
    return 200, {}


@routes.get("/v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values")
def entry_values(ctx: Ctx, list: str, entry_id: str, attribute: str) -> Reply:
    lst = ctx.store.get_list(list)
    state = ctx.store.entry_state(lst, entry_id)
    attr = ctx.store.attribute(lst["id"]["list_id"], attribute)
    return values_page(ctx, attr, state["values"].get(attr["id"]["attribute_id"], []))
