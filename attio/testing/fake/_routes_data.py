"""Routes for records (query, create, assert, get, update, delete, values, entries, search,
merge) and list entries."""

from __future__ import annotations

import copy
from typing import Any

from ._errors import bad_request, validation
from ._filters import Query, Row
from ._router import Ctx, Reply, route
from ._store import Store, active
from ._util import JSON, check_fields, data_of, int_param, query_bool, window
from ._values import as_items, normalize, value_key


def _query_body(ctx: Ctx) -> JSON:
    body = {} if ctx.body is None else ctx.body
    if not isinstance(body, dict):
        raise validation("Body payload validation error.")
    check_fields(
        body,
        {},
        {"filter": "object|null", "sorts": "array|null", "limit": "number", "offset": "number"},
        prefix=(),
    )
    return body


def _run_query(ctx: Ctx, parent_id: str, rows: list[Row]) -> list[Row]:
    body = _query_body(ctx)
    limit = int_param(body.get("limit"), "limit", default=500, minimum=0, where="body")
    offset = int_param(body.get("offset"), "offset", default=0, where="body")
    query = Query(ctx.store, parent_id)
    flt = body.get("filter")
    rows = [row for row in rows if query.matches(row, flt)]
    rows = query.sort(rows, body.get("sorts"))
    return window(rows, limit, offset)


def _values_page(ctx: Ctx, attr: JSON, values: list[JSON]) -> Reply:
    historic = query_bool(ctx.q("show_historic"), "show_historic") or False
    limit = int_param(ctx.q("limit"), "limit", default=None, minimum=1)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    if historic and attr["type"] == "interaction":
        raise validation("Cannot set show_historic param to true when querying a COMINT attribute.")
    chosen = sorted(values, key=lambda v: v["active_from"]) if historic else active(values)
    return 200, {"data": copy.deepcopy(window(chosen, limit, offset))}


# ---------------------------------------------------------------------- records


@route("POST", "/v2/objects/records/search")
def search_records(ctx: Ctx) -> Reply:
    store = ctx.store
    body = ctx.body if isinstance(ctx.body, dict) else {}
    check_fields(
        body,
        {"query": "string", "objects": "array", "request_as": "object"},
        {"limit": "number"},
        prefix=(),
    )
    limit = int_param(body.get("limit"), "limit", default=25, minimum=1, maximum=25, where="body")
    if not body["objects"]:
        raise validation("At least one object must be specified.")
    if len(body["query"]) > 256:
        raise validation("The query must be at most 256 characters long.")
    needle = body["query"].strip().casefold()
    results: list[JSON] = []
    for ident in body["objects"]:
        obj = store.find_object(str(ident))
        if obj is None:
            raise bad_request("value_not_found", f'Object with slug/ID "{ident}" not found.')
        for state in store.records[obj["id"]["object_id"]].values():
            hit = _search_hit(store, obj, state)
            haystack = " ".join(
                [hit["record_text"], *hit.get("email_addresses", []), *hit.get("domains", [])]
            )
            if needle in haystack.casefold():
                results.append(hit)
    return 200, {"data": results[:limit]}


def _search_hit(store: Store, obj: JSON, state: JSON) -> JSON:
    values = store.render_values(obj["id"]["object_id"], state["values"])
    hit: JSON = {
        "id": dict(state["id"]),
        "record_text": store.record_text(obj, state),
        "record_image": None,
        "object_slug": obj["api_slug"],
    }
    if obj["api_slug"] == "people":
        hit["email_addresses"] = [v["email_address"] for v in values.get("email_addresses", [])]
        hit["phone_numbers"] = [v["phone_number"] for v in values.get("phone_numbers", [])]
    if obj["api_slug"] == "companies":
        hit["domains"] = [v["domain"] for v in values.get("domains", [])]
    return hit


@route("POST", "/v2/objects/{object}/records/query")
def query_records(ctx: Ctx, object: str) -> Reply:
    obj = ctx.store.object(object)
    object_id = obj["id"]["object_id"]
    rows = [(object_id, state) for state in ctx.store.records[object_id].values()]
    page = _run_query(ctx, object_id, rows)
    return 200, {"data": [ctx.store.render_record(state) for _, state in page]}


@route("POST", "/v2/objects/{object}/records")
def create_record(ctx: Ctx, object: str) -> Reply:
    obj = ctx.store.object(object)
    data = data_of(ctx.body)
    check_fields(data, {"values": "object"})
    state = ctx.store.new_record(obj, data["values"])
    return 200, {"data": ctx.store.render_record(state)}


@route("PUT", "/v2/objects/{object}/records")
def assert_record(ctx: Ctx, object: str) -> Reply:
    store = ctx.store
    obj = store.object(object)
    object_id = obj["id"]["object_id"]
    matching = ctx.q("matching_attribute")
    if not matching:
        raise validation(
            "Query parameter validation error.",
            [
                {
                    "code": "invalid_type",
                    "path": ["matching_attribute"],
                    "message": "Required",
                    "expected": "string",
                    "received": "undefined",
                }
            ],
        )
    attr = store.find_attribute(object_id, matching, archived=False)
    if attr is None:
        raise bad_request(
            "value_not_found",
            f'No attribute was found for matching_attribute slug/ID "{matching}".',
        )
    if not attr["is_unique"]:
        raise validation(
            f'The matching_attribute "{matching}" is not unique. Asserting a record requires a '
            "unique attribute."
        )
    data = data_of(ctx.body)
    check_fields(data, {"values": "object"})
    values = data["values"]
    raw = next(
        (values[k] for k in (attr["api_slug"], attr["id"]["attribute_id"]) if k in values), None
    )
    if raw is None:
        raise bad_request(
            "missing_value",
            f'Required value for matching attribute with ID "{attr["id"]["attribute_id"]}" '
            "was not provided.",
        )
    wanted = {value_key(attr["type"], normalize(store, attr, item)) for item in as_items(attr, raw)}
    found = [
        state
        for state in store.records[object_id].values()
        if wanted
        & {
            value_key(attr["type"], v)
            for v in active(state["values"].get(attr["id"]["attribute_id"], []))
        }
    ]
    if len(found) > 1:
        raise bad_request(
            "multiple_match_results",
            f'Multiple records were found matching the value of "{attr["api_slug"]}". '
            "Please remove duplicates or use a different matching attribute.",
        )
    if not found:
        state = store.new_record(obj, values)
    else:
        state = found[0]
        store.write_values(
            object_id, state, values, append=False, append_also=attr["id"]["attribute_id"]
        )
    return 200, {"data": store.render_record(state)}


@route("GET", "/v2/objects/{object}/records/{record_id}")
def get_record(ctx: Ctx, object: str, record_id: str) -> Reply:
    obj = ctx.store.object(object)
    return 200, {"data": ctx.store.render_record(ctx.store.record_state(obj, record_id))}


def _update_record(ctx: Ctx, object: str, record_id: str, *, append: bool) -> Reply:
    obj = ctx.store.object(object)
    state = ctx.store.record_state(obj, record_id)
    data = data_of(ctx.body)
    check_fields(data, {"values": "object"})
    ctx.store.write_values(obj["id"]["object_id"], state, data["values"], append=append)
    return 200, {"data": ctx.store.render_record(state)}


@route("PATCH", "/v2/objects/{object}/records/{record_id}")
def patch_record(ctx: Ctx, object: str, record_id: str) -> Reply:
    return _update_record(ctx, object, record_id, append=True)


@route("PUT", "/v2/objects/{object}/records/{record_id}")
def put_record(ctx: Ctx, object: str, record_id: str) -> Reply:
    return _update_record(ctx, object, record_id, append=False)


@route("DELETE", "/v2/objects/{object}/records/{record_id}")
def delete_record(ctx: Ctx, object: str, record_id: str) -> Reply:
    ctx.store.delete_record(ctx.store.object(object), record_id)
    return 200, {}


@route("GET", "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values")
def record_values(ctx: Ctx, object: str, record_id: str, attribute: str) -> Reply:
    obj = ctx.store.object(object)
    state = ctx.store.record_state(obj, record_id)
    attr = ctx.store.attribute(obj["id"]["object_id"], attribute)
    return _values_page(ctx, attr, state["values"].get(attr["id"]["attribute_id"], []))


@route("GET", "/v2/objects/{object}/records/{record_id}/entries")
def record_entries(ctx: Ctx, object: str, record_id: str) -> Reply:
    store = ctx.store
    obj = store.object(object)
    store.record_state(obj, record_id)
    limit = int_param(ctx.q("limit"), "limit", default=100, minimum=1, maximum=1000)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    found = [
        {
            "list_id": list_id,
            "list_api_slug": store.lists[list_id]["api_slug"],
            "entry_id": state["id"]["entry_id"],
            "created_at": state["created_at"],
        }
        for list_id, entries in store.entries.items()
        for state in entries.values()
        if state["parent_record_id"] == record_id
    ]
    return 200, {"data": window(found, limit, offset)}


@route("POST", "/v2/objects/{object}/records/merge")
def merge_records(ctx: Ctx, object: str) -> Reply:
    store = ctx.store
    obj = store.object(object)
    object_id = obj["id"]["object_id"]
    data = data_of(ctx.body)
    check_fields(data, {"primary_record_id": "string", "secondary_record_id": "string"})
    primary = store.record_state(obj, data["primary_record_id"])
    secondary = store.record_state(obj, data["secondary_record_id"])
    if primary is secondary:
        raise validation("Cannot merge a record with itself.")
    carried: JSON = {}
    for attr in store.live_attributes(object_id):
        if not attr["is_writable"]:
            continue
        theirs = active(secondary["values"].get(attr["id"]["attribute_id"], []))
        mine = active(primary["values"].get(attr["id"]["attribute_id"], []))
        if theirs and (attr["is_multiselect"] or not mine):
            carried[attr["api_slug"]] = [_writable(v) for v in theirs]
    moved = [
        state
        for entries in store.entries.values()
        for state in entries.values()
        if state["parent_record_id"] == secondary["id"]["record_id"]
    ]
    store.delete_record(obj, data["secondary_record_id"])
    store.write_values(object_id, primary, carried, append=True)
    for state in moved:  # entries follow the surviving record
        state["parent_record_id"] = primary["id"]["record_id"]
        store.entries[state["id"]["list_id"]][state["id"]["entry_id"]] = state
    return 200, {"data": store.render_record(primary)}


def _writable(value: JSON) -> Any:
    kind = value["attribute_type"]
    fields = {
        k: v
        for k, v in value.items()
        if k not in ("active_from", "active_until", "created_by_actor", "attribute_type")
    }
    if kind == "select":
        return fields["option"]["id"]["option_id"]
    if kind == "status":
        return fields["status"]["id"]["status_id"]
    if kind == "email-address":
        return fields["original_email_address"]
    if kind == "phone-number":
        return {
            "original_phone_number": fields["phone_number"],
            "country_code": fields["country_code"],
        }
    if kind == "currency":
        return {
            "currency_value": fields["currency_value"],
            "currency_code": fields["currency_code"],
        }
    return fields


# ---------------------------------------------------------------------- entries


@route("POST", "/v2/lists/{list}/entries/query")
def query_entries(ctx: Ctx, list: str) -> Reply:
    lst = ctx.store.get_list(list)
    list_id = lst["id"]["list_id"]
    rows = [(list_id, state) for state in ctx.store.entries[list_id].values()]
    page = _run_query(ctx, list_id, rows)
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


@route("POST", "/v2/lists/{list}/entries")
def create_entry(ctx: Ctx, list: str) -> Reply:
    lst = ctx.store.get_list(list)
    data, parent, record = _entry_payload(ctx, lst)
    state = ctx.store.new_entry(lst, parent, record["id"]["record_id"], data["entry_values"])
    return 200, {"data": ctx.store.render_entry(state)}


@route("PUT", "/v2/lists/{list}/entries")
def assert_entry(ctx: Ctx, list: str) -> Reply:
    store = ctx.store
    lst = store.get_list(list)
    data, parent, record = _entry_payload(ctx, lst)
    record_id = record["id"]["record_id"]
    list_id = lst["id"]["list_id"]
    found = [s for s in store.entries[list_id].values() if s["parent_record_id"] == record_id]
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


@route("GET", "/v2/lists/{list}/entries/{entry_id}")
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


@route("PATCH", "/v2/lists/{list}/entries/{entry_id}")
def patch_entry(ctx: Ctx, list: str, entry_id: str) -> Reply:
    return _update_entry(ctx, list, entry_id, append=True)


@route("PUT", "/v2/lists/{list}/entries/{entry_id}")
def put_entry(ctx: Ctx, list: str, entry_id: str) -> Reply:
    return _update_entry(ctx, list, entry_id, append=False)


@route("DELETE", "/v2/lists/{list}/entries/{entry_id}")
def delete_entry(ctx: Ctx, list: str, entry_id: str) -> Reply:
    lst = ctx.store.get_list(list)
    ctx.store.entry_state(lst, entry_id)
    del ctx.store.entries[lst["id"]["list_id"]][entry_id]
    return 200, {}


@route("GET", "/v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values")
def entry_values(ctx: Ctx, list: str, entry_id: str, attribute: str) -> Reply:
    lst = ctx.store.get_list(list)
    state = ctx.store.entry_state(lst, entry_id)
    attr = ctx.store.attribute(lst["id"]["list_id"], attribute)
    return _values_page(ctx, attr, state["values"].get(attr["id"]["attribute_id"], []))
