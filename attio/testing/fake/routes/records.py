"""Routes for records: query, create, assert, get, update, delete, values, entries, search
and merge."""

from __future__ import annotations

from attio.testing.fake._errors import bad_request, validation
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import check_fields, data_of, int_param, window

from ._common import run_query, values_page

routes = RouteTable()


@routes.post("/v2/objects/records/search")
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
    results = store.search_records(body["objects"], body["query"].strip())
    return 200, {"data": results[:limit]}


@routes.post("/v2/objects/{object}/records/query")
def query_records(ctx: Ctx, object: str) -> Reply:
    obj = ctx.store.object(object)
    object_id = obj["id"]["object_id"]
    rows = [(object_id, state) for state in ctx.store.records[object_id].values()]
    page = run_query(ctx, object_id, rows)
    return 200, {"data": [ctx.store.render_record(state) for _, state in page]}


@routes.post("/v2/objects/{object}/records")
def create_record(ctx: Ctx, object: str) -> Reply:
    obj = ctx.store.object(object)
    data = data_of(ctx.body)
    check_fields(data, {"values": "object"})
    state = ctx.store.new_record(obj, data["values"])
    return 200, {"data": ctx.store.render_record(state)}


@routes.put("/v2/objects/{object}/records")
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
    found = store.matching_records(object_id, attr, raw)
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


@routes.get("/v2/objects/{object}/records/{record_id}")
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


@routes.patch("/v2/objects/{object}/records/{record_id}")
def patch_record(ctx: Ctx, object: str, record_id: str) -> Reply:
    return _update_record(ctx, object, record_id, append=True)


@routes.put("/v2/objects/{object}/records/{record_id}")
def put_record(ctx: Ctx, object: str, record_id: str) -> Reply:
    return _update_record(ctx, object, record_id, append=False)


@routes.delete("/v2/objects/{object}/records/{record_id}")
def delete_record(ctx: Ctx, object: str, record_id: str) -> Reply:
    ctx.store.delete_record(ctx.store.object(object), record_id)
    return 200, {}


@routes.get("/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values")
def record_values(ctx: Ctx, object: str, record_id: str, attribute: str) -> Reply:
    obj = ctx.store.object(object)
    state = ctx.store.record_state(obj, record_id)
    attr = ctx.store.attribute(obj["id"]["object_id"], attribute)
    return values_page(ctx, attr, state["values"].get(attr["id"]["attribute_id"], []))


@routes.get("/v2/objects/{object}/records/{record_id}/entries")
def record_entries(ctx: Ctx, object: str, record_id: str) -> Reply:
    store = ctx.store
    obj = store.object(object)
    store.record_state(obj, record_id)
    limit = int_param(ctx.q("limit"), "limit", default=100, minimum=1, maximum=1000)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    return 200, {"data": window(store.record_entries(record_id), limit, offset)}


@routes.post("/v2/objects/{object}/records/merge")
def merge_records(ctx: Ctx, object: str) -> Reply:
    store = ctx.store
    obj = store.object(object)
    data = data_of(ctx.body)
    check_fields(data, {"primary_record_id": "string", "secondary_record_id": "string"})
    primary = store.merge_records(obj, data["primary_record_id"], data["secondary_record_id"])
    return 200, {"data": store.render_record(primary)}
