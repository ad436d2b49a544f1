"""Routes for objects, attributes (with options and statuses), lists, members and ``/v2/self``."""

from __future__ import annotations

import copy

from ._errors import bad_request, conflict, not_found, validation
from ._router import Ctx, Reply, route
from ._store import NULL_CONFIG
from ._util import JSON, check_fields, data_of, int_param, query_bool, window

WRITABLE_TYPES = (
    "text",
    "number",
    "checkbox",
    "currency",
    "date",
    "timestamp",
    "rating",
    "status",
    "select",
    "record-reference",
    "actor-reference",
    "location",
    "domain",
    "email-address",
    "phone-number",
)
ALL_TYPES = (*WRITABLE_TYPES, "interaction", "personal-name")
ACCESS_LEVELS = ("full-access", "read-and-write", "read-only")


def _empty_check(data: JSON) -> None:
    if not data:
        raise validation(
            "You passed an empty payload. Please ensure you are updating at least one property "
            "in your request."
        )


# ---------------------------------------------------------------------- objects


@route("GET", "/v2/objects")
def list_objects(ctx: Ctx) -> Reply:
    return 200, {"data": copy.deepcopy(list(ctx.store.objects.values()))}


@route("POST", "/v2/objects")
def create_object(ctx: Ctx) -> Reply:
    data = data_of(ctx.body)
    check_fields(data, {"api_slug": "string", "singular_noun": "string", "plural_noun": "string"})
    obj = ctx.store.create_object(data["api_slug"], data["singular_noun"], data["plural_noun"])
    return 200, {"data": copy.deepcopy(obj)}


@route("GET", "/v2/objects/{object}")
def get_object(ctx: Ctx, object: str) -> Reply:
    return 200, {"data": copy.deepcopy(ctx.store.object(object))}


@route("PATCH", "/v2/objects/{object}")
def update_object(ctx: Ctx, object: str) -> Reply:
    obj = ctx.store.object(object)
    data = data_of(ctx.body)
    check_fields(
        data, {}, {"api_slug": "string", "singular_noun": "string", "plural_noun": "string"}
    )
    _empty_check(data)
    other = ctx.store.find_object(data.get("api_slug", ""))
    if other is not None and other is not obj:
        raise conflict(
            "slug_conflict", "Failed to update object. Please ensure api_slug is unique."
        )
    for key in ("api_slug", "singular_noun", "plural_noun"):
        if key in data:
            obj[key] = data[key]
    return 200, {"data": copy.deepcopy(obj)}


# ---------------------------------------------------------------------- attributes


@route("GET", "/v2/{target}/{identifier}/attributes")
def list_attributes(ctx: Ctx, target: str, identifier: str) -> Reply:
    parent_id, _ = ctx.store.parent(target, identifier)
    limit = int_param(ctx.q("limit"), "limit", default=None, minimum=1)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    archived = query_bool(ctx.q("show_archived"), "show_archived") or False
    attrs = [a for a in ctx.store.attributes[parent_id] if archived or not a["is_archived"]]
    return 200, {"data": copy.deepcopy(window(attrs, limit, offset))}


@route("POST", "/v2/{target}/{identifier}/attributes")
def create_attribute(ctx: Ctx, target: str, identifier: str) -> Reply:
    store = ctx.store
    parent_id, kind = store.parent(target, identifier)
    data = data_of(ctx.body)
    check_fields(
        data,
        {
            "title": "string",
            "description": "string|null",
            "api_slug": "string",
            "type": "string",
            "is_required": "boolean",
            "is_unique": "boolean",
            "is_multiselect": "boolean",
            "config": "object",
        },
        {"default_value": "object|null", "relationship": "object|null"},
    )
    if data["type"] not in WRITABLE_TYPES:
        raise validation(
            "Body payload validation error.",
            [
                {
                    "code": "invalid_enum_value",
                    "path": ["data", "type"],
                    "message": "Invalid enum value. Expected "
                    + " | ".join(f"'{t}'" for t in ALL_TYPES)
                    + f", received '{data['type']}'",
                    "received": data["type"],
                    "options": list(ALL_TYPES),
                }
            ],
        )
    if store.find_attribute(parent_id, data["api_slug"]):
        noun = "object" if kind == "object" else "list"
        raise conflict(
            "slug_conflict",
            f"An attribute with the same API slug already exists on this {noun}. "
            "Please choose a different API slug.",
        )
    payload = {**data, "config": _config(ctx, data)}
    attr = store.add_attribute(parent_id, payload)
    relationship = data.get("relationship")
    if relationship:
        _create_relationship(ctx, attr, relationship)
    return 200, {"data": copy.deepcopy(attr)}


def _config(ctx: Ctx, data: JSON) -> JSON:
    config = copy.deepcopy(NULL_CONFIG)
    given = data.get("config") or {}
    currency = given.get("currency")
    if data["type"] == "currency":
        currency = currency or {}
        config["currency"] = {
            "default_currency_code": currency.get("default_currency_code", "USD"),
            "display_type": currency.get("display_type", "symbol"),
        }
    reference = given.get("record_reference")
    if data["type"] == "record-reference":
        allowed = (reference or {}).get("allowed_objects")
        if not isinstance(allowed, list) or not allowed:
            raise validation(
                "Body payload validation error.",
                [
                    {
                        "code": "invalid_type",
                        "path": ["data", "config", "record_reference", "allowed_objects"],
                        "message": "Required",
                        "expected": "array",
                        "received": "undefined",
                    }
                ],
            )
        ids = []
        for ident in allowed:
            obj = ctx.store.find_object(str(ident))
            if obj is None:
                raise bad_request("value_not_found", f'Object with slug/ID "{ident}" not found.')
            ids.append(obj["id"]["object_id"])
        config["record_reference"] = {"allowed_object_ids": ids}
    return config


def _create_relationship(ctx: Ctx, attr: JSON, relationship: JSON) -> None:
    store = ctx.store
    check_fields(
        relationship,
        {"object": "string", "title": "string", "api_slug": "string", "is_multiselect": "boolean"},
        prefix=("data", "relationship"),
    )
    if attr["type"] != "record-reference":
        raise validation("Relationships can only be created for record-reference attributes.")
    other_obj = store.object(relationship["object"])
    other_id = other_obj["id"]["object_id"]
    if store.find_attribute(other_id, relationship["api_slug"]):
        raise conflict(
            "slug_conflict",
            "An attribute with the same API slug already exists on this object. "
            "Please choose a different API slug.",
        )
    owner = store.objects.get(attr["id"]["object_id"])
    if owner is None:
        raise validation("Relationships can only be created between objects.")
    config = copy.deepcopy(NULL_CONFIG)
    config["record_reference"] = {"allowed_object_ids": [owner["id"]["object_id"]]}
    other = store.add_attribute(
        other_id,
        {
            "title": relationship["title"],
            "description": None,
            "api_slug": relationship["api_slug"],
            "type": "record-reference",
            "is_required": False,
            "is_unique": False,
            "is_multiselect": relationship["is_multiselect"],
            "config": config,
        },
    )
    store._relate(attr, other)


@route("GET", "/v2/{target}/{identifier}/attributes/{attribute}")
def get_attribute(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    parent_id, _ = ctx.store.parent(target, identifier)
    return 200, {"data": copy.deepcopy(ctx.store.attribute(parent_id, attribute))}


@route("PATCH", "/v2/{target}/{identifier}/attributes/{attribute}")
def update_attribute(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    parent_id, _ = ctx.store.parent(target, identifier)
    attr = ctx.store.attribute(parent_id, attribute)
    data = data_of(ctx.body)
    check_fields(
        data,
        {},
        {
            "title": "string",
            "description": "string|null",
            "api_slug": "string",
            "is_required": "boolean",
            "is_unique": "boolean",
            "default_value": "object|null",
            "config": "object",
            "is_archived": "boolean",
        },
    )
    _empty_check(data)
    if attr["is_system_attribute"]:
        raise bad_request("system_edit_unauthorized", "Cannot update a System attribute.")
    if "api_slug" in data:
        other = ctx.store.find_attribute(parent_id, data["api_slug"])
        if other is not None and other is not attr:
            raise conflict(
                "slug_conflict",
                "An attribute with the same API slug already exists. "
                "Please choose a different API slug.",
            )
    for key in ("title", "description", "api_slug", "is_required", "is_unique", "is_archived"):
        if key in data:
            attr[key] = data[key]
    if "default_value" in data:
        attr["default_value"] = data["default_value"]
        attr["is_default_value_enabled"] = data["default_value"] is not None
    if "config" in data:
        attr["config"] = _config(ctx, {**attr, "config": data["config"]})
    return 200, {"data": copy.deepcopy(attr)}


def _typed_attribute(ctx: Ctx, target: str, identifier: str, attribute: str, kind: str) -> JSON:
    parent_id, _ = ctx.store.parent(target, identifier)
    attr = ctx.store.attribute(parent_id, attribute)
    if attr["type"] != kind:
        raise validation(f"This attribute is not a {kind} attribute.")
    return attr


@route("GET", "/v2/{target}/{identifier}/attributes/{attribute}/options")
def list_options(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    attr = _typed_attribute(ctx, target, identifier, attribute, "select")
    archived = query_bool(ctx.q("show_archived"), "show_archived") or False
    options = ctx.store.options[attr["id"]["attribute_id"]]
    return 200, {"data": copy.deepcopy([o for o in options if archived or not o["is_archived"]])}


@route("POST", "/v2/{target}/{identifier}/attributes/{attribute}/options")
def create_option(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    attr = _typed_attribute(ctx, target, identifier, attribute, "select")
    data = data_of(ctx.body)
    check_fields(data, {"title": "string"})
    if any(o["title"] == data["title"] for o in ctx.store.options[attr["id"]["attribute_id"]]):
        raise conflict(
            "slug_conflict",
            f'There is already another select option with the title "{data["title"]}".',
        )
    return 200, {"data": copy.deepcopy(ctx.store.add_option(attr, data["title"]))}


@route("PATCH", "/v2/{target}/{identifier}/attributes/{attribute}/options/{option}")
def update_option(ctx: Ctx, target: str, identifier: str, attribute: str, option: str) -> Reply:
    attr = _typed_attribute(ctx, target, identifier, attribute, "select")
    data = data_of(ctx.body)
    check_fields(data, {}, {"title": "string", "is_archived": "boolean"})
    options = ctx.store.options[attr["id"]["attribute_id"]]
    found = next((o for o in options if option in (o["title"], o["id"]["option_id"])), None)
    if found is None:
        raise bad_request(
            "value_not_found", f'Cannot find select attribute with select option title "{option}".'
        )
    if "title" in data and any(o is not found and o["title"] == data["title"] for o in options):
        raise conflict(
            "slug_conflict",
            f'There is already another select option with the title "{data["title"]}".',
        )
    found.update({k: data[k] for k in ("title", "is_archived") if k in data})
    return 200, {"data": copy.deepcopy(found)}


@route("GET", "/v2/{target}/{identifier}/attributes/{attribute}/statuses")
def list_statuses(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    attr = _typed_attribute(ctx, target, identifier, attribute, "status")
    archived = query_bool(ctx.q("show_archived"), "show_archived") or False
    statuses = ctx.store.statuses[attr["id"]["attribute_id"]]
    return 200, {"data": copy.deepcopy([s for s in statuses if archived or not s["is_archived"]])}


@route("POST", "/v2/{target}/{identifier}/attributes/{attribute}/statuses")
def create_status(ctx: Ctx, target: str, identifier: str, attribute: str) -> Reply:
    attr = _typed_attribute(ctx, target, identifier, attribute, "status")
    data = data_of(ctx.body)
    check_fields(
        data,
        {"title": "string"},
        {"celebration_enabled": "boolean", "target_time_in_status": "string|null"},
    )
    if any(s["title"] == data["title"] for s in ctx.store.statuses[attr["id"]["attribute_id"]]):
        raise conflict(
            "slug_conflict", f'There is already another status with the title "{data["title"]}".'
        )
    return 200, {"data": copy.deepcopy(ctx.store.add_status(attr, data))}


@route("PATCH", "/v2/{target}/{identifier}/attributes/{attribute}/statuses/{status}")
def update_status(ctx: Ctx, target: str, identifier: str, attribute: str, status: str) -> Reply:
    attr = _typed_attribute(ctx, target, identifier, attribute, "status")
    data = data_of(ctx.body)
    check_fields(
        data,
        {},
        {
            "title": "string",
            "is_archived": "boolean",
            "celebration_enabled": "boolean",
            "target_time_in_status": "string|null",
        },
    )
    statuses = ctx.store.statuses[attr["id"]["attribute_id"]]
    found = next((s for s in statuses if status in (s["title"], s["id"]["status_id"])), None)
    if found is None:
        raise bad_request(
            "value_not_found", f'Cannot find status attribute with status option title "{status}".'
        )
    if "title" in data and any(s is not found and s["title"] == data["title"] for s in statuses):
        raise conflict(
            "slug_conflict", f'There is already another status with the title "{data["title"]}".'
        )
    keys = ("title", "is_archived", "celebration_enabled", "target_time_in_status")
    found.update({k: data[k] for k in keys if k in data})
    return 200, {"data": copy.deepcopy(found)}


# ---------------------------------------------------------------------- lists


@route("GET", "/v2/lists")
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


@route("POST", "/v2/lists")
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


@route("GET", "/v2/lists/{list}")
def get_list(ctx: Ctx, list: str) -> Reply:
    return 200, {"data": copy.deepcopy(ctx.store.get_list(list))}


@route("PATCH", "/v2/lists/{list}")
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
    _empty_check(data)
    _check_access(data)
    if "parent_object" in data:
        raise bad_request("immutable_value", "The parent object of a list cannot be changed.")
    if "api_slug" in data:
        other = ctx.store.find_list(data["api_slug"])
        if other is not None and other is not lst:
            raise conflict(
                "slug_conflict", f'A list with api_slug "{data["api_slug"]}" already exists.'
            )
    if "workspace_member_access" in data:
        ctx.store.check_member_access(data["workspace_member_access"])
    keys = ("name", "api_slug", "workspace_access", "workspace_member_access")
    lst.update({k: data[k] for k in keys if k in data})
    return 200, {"data": copy.deepcopy(lst)}


# ---------------------------------------------------------------------- members and self


@route("GET", "/v2/workspace_members")
def list_members(ctx: Ctx) -> Reply:
    return 200, {"data": copy.deepcopy(list(ctx.store.members.values()))}


@route("GET", "/v2/workspace_members/{member_id}")
def get_member(ctx: Ctx, member_id: str) -> Reply:
    member = ctx.store.members.get(member_id)
    if member is None:
        raise not_found(f'Workspace member with ID "{member_id}" not found.')
    return 200, {"data": copy.deepcopy(member)}


SCOPES = (
    "user_management:read record_permission:read-write object_configuration:read-write "
    "list_entry:read-write list_configuration:read-write public_collection:read-write "
    "private_collection:read-write comment:read-write task:read-write note:read-write "
    "meeting:read-write call_recording:read-write webhook:read-write"
)


@route("GET", "/v2/self")
def identify(ctx: Ctx) -> Reply:
    store = ctx.store
    return 200, {
        "active": True,
        "scope": SCOPES,
        "client_id": store.client_id,
        "token_type": "Bearer",
        "exp": None,
        "iat": 1704099600,
        "sub": store.workspace_id,
        "aud": store.client_id,
        "iss": "attio.com",
        "authorized_by_workspace_member_id": store.member_id,
        "workspace_id": store.workspace_id,
        "workspace_name": store.workspace_name,
        "workspace_slug": store.workspace_slug,
        "workspace_logo_url": None,
    }
