"""Every operation of Attio's OpenAPI document is reachable, and what we send conforms to it.

``../shared/attio-openapi.json`` (Attio's own spec, 2026-02) is read at test time; without it
these tests skip. :data:`CALLS` maps each spec operation (method + path template) to calls of
our contract classmethods with sample arguments. For every call, sync and ``_async``, the test
answers with a body generated from the spec's own response schema (its ``example`` values) and
checks each request sent:

* the method and the path (the template filled with the percent-encoded sample values);
* every query parameter is declared by the operation (``in: query``), has the declared type,
  and every required one is present;
* the JSON body validates against the operation's ``requestBody`` schema (a small checker of
  the JSON-schema subset the spec uses: ``$ref``, ``type``/``nullable``, ``properties``,
  ``required``, ``additionalProperties``, ``items``, ``enum``, ``anyOf``/``oneOf``/``allOf``,
  ``min/maxLength``, ``pattern``, ``min/maxItems``, ``minimum``/``maximum``, ``format: uuid``);
  an operation without ``requestBody`` gets no body. Stricter than JSON Schema, a key that an
  object schema with ``properties`` does not list is an error unless ``additionalProperties``
  allows it: the client must not send fields the spec does not document.

To cover a new operation, add rows to :data:`CALLS` (one or more per operation).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import uuid
from collections.abc import Mapping
from functools import cache
from typing import Any
from urllib.parse import quote

import httpx
import pytest

import attio
from tests.conftest import OPENAPI, SHARED_SKIP, MockAttio

# --------------------------------------------------------------------------- sample values

RECORD_ID = "bf071e1f-6035-429d-b874-d83ea64ea13b"
ENTRY_ID = "2e6e29ea-c4e0-4f44-842d-78a891f8c156"
MEMBER_ID = "50cf242c-7fa3-4cad-87d0-75b1af71c57b"
NOTE_ID = "ff3f3bd4-40f4-4f80-8187-cd02385af424"
TASK_ID = "649e34f4-c39a-4f4d-99ef-48a36bef8f04"
THREAD_ID = "a649e4d9-435c-43fb-83ba-847b4876f27a"
COMMENT_ID = "aa1dc1d9-93ac-4c6c-987e-16b6eea9aab2"
MEETING_ID = "cb59ab17-ad15-460c-a126-0715617c0853"
RECORDING_ID = "e8f2a3b7-9b4d-4c5e-8a1f-3d7b2c5e8f9a"
WEBHOOK_ID = "0f1e2d3c-4b5a-4968-8776-655443322110"

VALUES = {"email_addresses": ["ada@example.com"], "name": [{"first_name": "Ada"}]}
ENTRY_VALUES = {"stage": ["In Progress"], "deal_size": [{"currency_value": 5000}]}
SORTS = [
    {"direction": "asc", "attribute": "name", "field": "last_name"},
    {"direction": "desc", "path": [["sales", "parent_record"], ["companies", "name"]]},
]
FILTER = {"$and": [{"name": {"full_name": {"$eq": "Ada Lovelace"}}}]}
SUBSCRIPTIONS = [
    {
        "event_type": "record.created",
        "filter": {"$and": [{"field": "id.object_id", "operator": "equals", "value": "x"}]},
    },
    {"event_type": "note.created", "filter": None},
]


@dataclasses.dataclass(frozen=True)
class Call:
    """One call of a contract classmethod that reaches one spec operation."""

    operation: str  # "GET /v2/objects/{object}", exactly as in the spec
    target: str  # "Record.get"; the async twin is "Record.get_async"
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    path: dict[str, str]  # the path parameters' expected values
    stream: bool  # the result is an iterator to consume

    @property
    def id(self) -> str:
        return f"{self.operation} <- {self.target}"


def call(
    operation: str,
    target: str,
    *args: Any,
    path: Mapping[str, str] | None = None,
    stream: bool = False,
    **kwargs: Any,
) -> Call:
    return Call(operation, target, args, kwargs, dict(path or {}), stream)


OBJ = {"object": "people"}
REC = {"object": "people", "record_id": RECORD_ID}
LST = {"list": "sales"}
ENT = {"list": "sales", "entry_id": ENTRY_ID}
ATTRS = "/v2/{target}/{identifier}/attributes"
ATTR = ATTRS + "/{attribute}"
MEET = {"meeting_id": MEETING_ID}
REC_PATH = {"meeting_id": MEETING_ID, "call_recording_id": RECORDING_ID}

# fmt: off
CALLS: list[Call] = [
    # ---------------------------------------------------------------- meta, members, objects
    call("GET /v2/self", "Meta.get"),
    call("GET /v2/workspace_members", "WorkspaceMember.list"),
    call("GET /v2/workspace_members/{workspace_member_id}", "WorkspaceMember.get", MEMBER_ID,
         path={"workspace_member_id": MEMBER_ID}),
    call("GET /v2/objects", "Object.list"),
    call("POST /v2/objects", "Object.create",
         api_slug="projects", singular_noun="Project", plural_noun="Projects"),
    call("GET /v2/objects/{object}", "Object.get", "people", path=OBJ),
    call("PATCH /v2/objects/{object}", "Object.update", "people", plural_noun="Humans",
         path=OBJ),
    # ---------------------------------------------------------------- attributes
    call(f"GET {ATTRS}", "Attribute.list", "objects", "people", limit=10, offset=20,
         show_archived=True, path={"target": "objects", "identifier": "people"}),
    call(f"GET {ATTRS}", "Attribute.list", "lists", "sales",
         path={"target": "lists", "identifier": "sales"}),
    call(f"GET {ATTRS}", "Attribute.stream", "lists", "sales", page_size=1,
         show_archived=False, path={"target": "lists", "identifier": "sales"}, stream=True),
    call(f"GET {ATTRS}", "Attribute.stream_all", "objects", "people",
         path={"target": "objects", "identifier": "people"}),
    call(f"POST {ATTRS}", "Attribute.create", "objects", "deals",
         title="Deal value", description=None, api_slug="deal_value", type="currency",
         is_required=False, is_unique=False, is_multiselect=False,
         config={"currency": {"default_currency_code": "EUR", "display_type": "symbol"}},
         path={"target": "objects", "identifier": "deals"}),
    call(f"POST {ATTRS}", "Attribute.create", "lists", "sales",
         title="Champion", description="Who pushes the deal", api_slug="champion",
         type="record-reference", is_required=True, is_unique=False, is_multiselect=False,
         config={"record_reference": {"allowed_objects": ["people"]}},
         default_value=None,
         relationship={"object": "people", "title": "Championed deals",
                       "api_slug": "championed_deals", "is_multiselect": True},
         path={"target": "lists", "identifier": "sales"}),
    call(f"POST {ATTRS}", "Attribute.create", "objects", "deals",
         title="Owner", description=None, api_slug="owner", type="actor-reference",
         is_required=False, is_unique=False, is_multiselect=False, config={},
         default_value={"type": "dynamic", "template": "current-user"},
         path={"target": "objects", "identifier": "deals"}),
    call(f"GET {ATTR}", "Attribute.get", "lists", "sales", "stage",
         path={"target": "lists", "identifier": "sales", "attribute": "stage"}),
    call(f"PATCH {ATTR}", "Attribute.update", "objects", "people", "nickname",
         title="Alias", is_archived=True,
         config={"currency": {"default_currency_code": "USD", "display_type": "code"}},
         path={"target": "objects", "identifier": "people", "attribute": "nickname"}),
    # ---------------------------------------------------------------- select options, statuses
    call(f"GET {ATTR}/options", "SelectOption.list", "objects", "companies", "tier",
         show_archived=True,
         path={"target": "objects", "identifier": "companies", "attribute": "tier"}),
    call(f"POST {ATTR}/options", "SelectOption.create", "lists", "sales", "tier",
         title="Enterprise",
         path={"target": "lists", "identifier": "sales", "attribute": "tier"}),
    call(f"PATCH {ATTR}/options/{{option}}", "SelectOption.update",
         "objects", "companies", "tier", "Mid market / EU", title="Mid-market",
         is_archived=False,
         path={"target": "objects", "identifier": "companies", "attribute": "tier",
               "option": "Mid market / EU"}),
    call(f"GET {ATTR}/statuses", "Status.list", "lists", "sales", "stage",
         show_archived=False,
         path={"target": "lists", "identifier": "sales", "attribute": "stage"}),
    call(f"POST {ATTR}/statuses", "Status.create", "objects", "deals", "stage",
         title="In Progress", celebration_enabled=True,
         target_time_in_status="P0Y0M1DT0H0M0S",
         path={"target": "objects", "identifier": "deals", "attribute": "stage"}),
    call(f"POST {ATTR}/statuses", "Status.create", "objects", "deals", "stage",
         title="Lost", path={"target": "objects", "identifier": "deals", "attribute": "stage"}),
    call(f"PATCH {ATTR}/statuses/{{status}}", "Status.update", "lists", "sales", "stage",
         "In Progress", is_archived=True, target_time_in_status=None,
         path={"target": "lists", "identifier": "sales", "attribute": "stage",
               "status": "In Progress"}),
    # ---------------------------------------------------------------- records
    call("POST /v2/objects/{object}/records/query", "Record.list", "people",
         filter=FILTER, sorts=SORTS, limit=10, offset=5, path=OBJ),
    call("POST /v2/objects/{object}/records/query", "Record.list", "people", path=OBJ),
    call("POST /v2/objects/{object}/records/query", "Record.stream", "people",
         filter={"name": "Ada"}, page_size=1, path=OBJ, stream=True),
    call("POST /v2/objects/{object}/records/query", "Record.stream_all", "people", path=OBJ),
    call("POST /v2/objects/{object}/records", "Record.create", "people", VALUES, path=OBJ),
    call("PUT /v2/objects/{object}/records", "Record.upsert", "people", VALUES,
         matching_attribute="email_addresses", path=OBJ),
    call("GET /v2/objects/{object}/records/{record_id}", "Record.get", "people", RECORD_ID,
         path=REC),
    call("PATCH /v2/objects/{object}/records/{record_id}", "Record.update", "people",
         RECORD_ID, VALUES, path=REC),
    call("PUT /v2/objects/{object}/records/{record_id}", "Record.update", "people",
         RECORD_ID, VALUES, overwrite=True, path=REC),
    call("DELETE /v2/objects/{object}/records/{record_id}", "Record.delete", "people",
         RECORD_ID, path=REC),
    call("GET /v2/objects/{object}/records/{record_id}/attributes/{attribute}/values",
         "Record.list_attribute_values", "people", RECORD_ID, "email_addresses",
         show_historic=True, path={**REC, "attribute": "email_addresses"}),
    call("GET /v2/objects/{object}/records/{record_id}/attributes/{attribute}/values",
         "Record.list_attribute_values", "people", RECORD_ID, "name",
         path={**REC, "attribute": "name"}),
    call("GET /v2/objects/{object}/records/{record_id}/entries", "Record.list_entries",
         "people", RECORD_ID, path=REC),
    call("POST /v2/objects/records/search", "Record.search", "ada",
         objects=["people", "companies"], limit=10),
    call("POST /v2/objects/records/search", "Record.search", "",
         objects=["people"],
         request_as={"type": "workspace-member", "workspace_member_id": MEMBER_ID}),
    # ---------------------------------------------------------------- lists
    call("GET /v2/lists", "List.list"),
    call("POST /v2/lists", "List.create",
         name="Enterprise Sales", api_slug="enterprise_sales", parent_object="companies"),
    call("POST /v2/lists", "List.create",
         name="Board", api_slug="board", parent_object="people", workspace_access=None,
         workspace_member_access=[{"workspace_member_id": MEMBER_ID, "level": "full-access"}]),
    call("GET /v2/lists/{list}", "List.get", "sales", path=LST),
    call("PATCH /v2/lists/{list}", "List.update", "sales", name="Sales",
         workspace_access="read-only", path=LST),
    # ---------------------------------------------------------------- entries
    call("POST /v2/lists/{list}/entries/query", "Entry.list", "sales",
         filter={"stage": "In Progress"}, sorts=SORTS[:1], limit=10, offset=0, path=LST),
    call("POST /v2/lists/{list}/entries/query", "Entry.stream", "sales", page_size=1,
         path=LST, stream=True),
    call("POST /v2/lists/{list}/entries/query", "Entry.stream_all", "sales", path=LST),
    call("POST /v2/lists/{list}/entries", "Entry.create", "sales", parent_object="people",
         parent_record_id=RECORD_ID, entry_values=ENTRY_VALUES, path=LST),
    call("PUT /v2/lists/{list}/entries", "Entry.upsert", "sales", parent_object="people",
         parent_record_id=RECORD_ID, entry_values=ENTRY_VALUES, path=LST),
    call("GET /v2/lists/{list}/entries/{entry_id}", "Entry.get", "sales", ENTRY_ID,
         path=ENT),
    call("PATCH /v2/lists/{list}/entries/{entry_id}", "Entry.update", "sales", ENTRY_ID,
         ENTRY_VALUES, path=ENT),
    call("PUT /v2/lists/{list}/entries/{entry_id}", "Entry.update", "sales", ENTRY_ID,
         ENTRY_VALUES, overwrite=True, path=ENT),
    call("DELETE /v2/lists/{list}/entries/{entry_id}", "Entry.delete", "sales", ENTRY_ID,
         path=ENT),
    call("GET /v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values",
         "Entry.list_attribute_values", "sales", ENTRY_ID, "stage", show_historic=True,
         path={**ENT, "attribute": "stage"}),
    # ---------------------------------------------------------------- notes
    call("GET /v2/notes", "Note.list", parent_object="people", parent_record_id=RECORD_ID,
         limit=10, offset=20),
    call("GET /v2/notes", "Note.stream", page_size=1, stream=True),
    call("GET /v2/notes", "Note.stream_all", parent_object="companies"),
    call("POST /v2/notes", "Note.create", parent_object="people", parent_record_id=RECORD_ID,
         title="Intro call", content="Talked about pricing."),
    call("POST /v2/notes", "Note.create", parent_object="people", parent_record_id=RECORD_ID,
         title="Intro call", content="# Pricing", format="markdown",
         created_at="2025-01-02T03:04:05.000000000Z", meeting_id=None),
    call("GET /v2/notes/{note_id}", "Note.get", NOTE_ID, path={"note_id": NOTE_ID}),
    call("DELETE /v2/notes/{note_id}", "Note.delete", NOTE_ID, path={"note_id": NOTE_ID}),
    # ---------------------------------------------------------------- tasks
    call("GET /v2/tasks", "Task.list", sort="created_at:desc", linked_object="people",
         linked_record_id=RECORD_ID, assignee="ada@example.com", is_completed=False,
         limit=10, offset=0),
    call("GET /v2/tasks", "Task.stream", is_completed=True, page_size=1, stream=True),
    call("GET /v2/tasks", "Task.stream_all"),
    call("POST /v2/tasks", "Task.create", content="Send the contract"),
    call("POST /v2/tasks", "Task.create", content="Send the contract",
         deadline_at="2025-06-01T12:00:00.000000000Z", is_completed=False,
         linked_records=[{"target_object": "people", "target_record_id": RECORD_ID}],
         assignees=[{"referenced_actor_type": "workspace-member",
                     "referenced_actor_id": MEMBER_ID},
                    {"workspace_member_email_address": "ada@example.com"}]),
    call("GET /v2/tasks/{task_id}", "Task.get", TASK_ID, path={"task_id": TASK_ID}),
    call("PATCH /v2/tasks/{task_id}", "Task.update", TASK_ID, is_completed=True,
         deadline_at=None, path={"task_id": TASK_ID}),
    call("DELETE /v2/tasks/{task_id}", "Task.delete", TASK_ID, path={"task_id": TASK_ID}),
    # ---------------------------------------------------------------- threads, comments
    call("GET /v2/threads", "Thread.list", record_id=RECORD_ID, object="people", limit=10,
         offset=0),
    call("GET /v2/threads", "Thread.list", entry_id=ENTRY_ID, list="sales"),
    call("GET /v2/threads", "Thread.stream", record_id=RECORD_ID, object="people",
         page_size=1, stream=True),
    call("GET /v2/threads", "Thread.stream_all", entry_id=ENTRY_ID, list="sales"),
    call("GET /v2/threads/{thread_id}", "Thread.get", THREAD_ID,
         path={"thread_id": THREAD_ID}),
    call("POST /v2/comments", "Comment.create", content="Agreed", author=MEMBER_ID,
         thread_id=THREAD_ID),
    call("POST /v2/comments", "Comment.create", content="Agreed",
         author={"type": "workspace-member", "id": MEMBER_ID},
         record={"object": "people", "record_id": RECORD_ID}),
    call("POST /v2/comments", "Comment.create", content="Agreed", author=MEMBER_ID,
         entry={"list": "sales", "entry_id": ENTRY_ID},
         created_at="2025-01-02T03:04:05.000000000Z"),
    call("GET /v2/comments/{comment_id}", "Comment.get", COMMENT_ID,
         path={"comment_id": COMMENT_ID}),
    call("DELETE /v2/comments/{comment_id}", "Comment.delete", COMMENT_ID,
         path={"comment_id": COMMENT_ID}),
    # ---------------------------------------------------------------- meetings, recordings
    call("GET /v2/meetings", "Meeting.list", linked_object="people",
         linked_record_id=RECORD_ID, participants=["ada@example.com", "bob@example.com"],
         sort="start_desc", ends_from="2025-01-01T00:00:00Z",
         starts_before="2025-02-01T00:00:00Z", timezone="Europe/London", limit=10,
         cursor="c2FtcGxl"),
    call("GET /v2/meetings", "Meeting.stream", page_size=1, stream=True),
    call("GET /v2/meetings", "Meeting.stream_all", linked_object="people",
         linked_record_id=RECORD_ID),
    call("POST /v2/meetings", "Meeting.create", title="Kick-off", description="Agenda",
         start={"datetime": "2025-03-01T10:00:00Z", "timezone": "Europe/Berlin"},
         end={"datetime": "2025-03-01T11:00:00Z", "timezone": "Europe/Berlin"},
         is_all_day=False,
         participants=[{"email_address": "ada@example.com", "is_organizer": True,
                        "status": "accepted"}],
         linked_records=[{"object": "people", "record_id": RECORD_ID}],
         external_ref={"ical_uid": "kickoff-1@example.com", "provider": "google",
                       "is_recurring": False}),
    call("POST /v2/meetings", "Meeting.create", title="Offsite", description="",
         start={"date": "2025-04-01"}, end={"date": "2025-04-02"}, is_all_day=True,
         participants=[], external_ref="offsite-2025"),
    call("GET /v2/meetings/{meeting_id}", "Meeting.get", MEETING_ID, path=MEET),
    call("GET /v2/meetings/{meeting_id}/call_recordings", "CallRecording.list", MEETING_ID,
         limit=5, cursor="c2FtcGxl", path=MEET),
    call("GET /v2/meetings/{meeting_id}/call_recordings", "CallRecording.stream",
         MEETING_ID, page_size=1, path=MEET, stream=True),
    call("GET /v2/meetings/{meeting_id}/call_recordings", "CallRecording.stream_all",
         MEETING_ID, path=MEET),
    call("POST /v2/meetings/{meeting_id}/call_recordings", "CallRecording.create",
         MEETING_ID, video_url="https://media.example.com/call.mp4", path=MEET),
    call("GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}",
         "CallRecording.get", MEETING_ID, RECORDING_ID, path=REC_PATH),
    call("DELETE /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}",
         "CallRecording.delete", MEETING_ID, RECORDING_ID, path=REC_PATH),
    call("GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript",
         "Transcript.get", MEETING_ID, RECORDING_ID, path=REC_PATH),
    # ---------------------------------------------------------------- webhooks
    call("GET /v2/webhooks", "Webhook.list", limit=20, offset=40),
    call("GET /v2/webhooks", "Webhook.stream", page_size=1, stream=True),
    call("GET /v2/webhooks", "Webhook.stream_all"),
    call("POST /v2/webhooks", "Webhook.create", target_url="https://hooks.example.com/attio",
         subscriptions=SUBSCRIPTIONS),
    call("GET /v2/webhooks/{webhook_id}", "Webhook.get", WEBHOOK_ID,
         path={"webhook_id": WEBHOOK_ID}),
    call("PATCH /v2/webhooks/{webhook_id}", "Webhook.update", WEBHOOK_ID,
         target_url="https://hooks.example.com/v2", subscriptions=SUBSCRIPTIONS[1:],
         path={"webhook_id": WEBHOOK_ID}),
    call("DELETE /v2/webhooks/{webhook_id}", "Webhook.delete", WEBHOOK_ID,
         path={"webhook_id": WEBHOOK_ID}),
]
# fmt: on

UNCOVERED: dict[str, str] = {
    "GET /scim/v2/Schemas": (
        "SCIM provisioning (scim_management scope, x-hidden in the spec) is for identity "
        "providers, outside the client contract of API.md"
    ),
}
"""Spec operations deliberately without a classmethod, each with the reason."""

# Contract operations newer than the saved spec (attio-api.md §9), so not checked here:
# Record.merge -> POST /v2/objects/{object}/records/merge; View.list/stream ->
# GET /v2/{objects|lists}/{identifier}/views; SqlResult.query -> POST /v2/sql; File.* ->
# GET/POST /v2/files, POST /v2/files/upload, GET/DELETE /v2/files/{file_id},
# GET /v2/files/{file_id}/download; filter_view_id in the records/entries query bodies.


# --------------------------------------------------------------------------- the spec


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    if not OPENAPI.exists():
        pytest.skip(SHARED_SKIP)
    return _load_spec(str(OPENAPI))


@cache
def _load_spec(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


_METHODS = ("get", "post", "put", "patch", "delete")


def spec_operations(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``{"GET /v2/objects": operation, ...}`` for every operation of the spec."""
    return {
        f"{method.upper()} {path}": operation
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in _METHODS
    }


def resolve(spec: dict[str, Any], schema: Any) -> Any:
    while isinstance(schema, dict) and "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/"):
            raise AssertionError(f"unsupported $ref {ref}")
        node: Any = spec
        for part in ref[2:].split("/"):
            node = node[part]
        schema = node
    return schema


# --------------------------------------------------------------------------- schema checker

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_JSON_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "null": lambda v: v is None,
}
_HANDLED = {
    "$ref", "type", "nullable", "properties", "required", "additionalProperties", "items",
    "enum", "const", "anyOf", "oneOf", "allOf", "minLength", "maxLength", "pattern",
    "minItems", "maxItems", "minimum", "maximum", "format",
    # annotations without a validation meaning here
    "description", "example", "examples", "default", "title", "deprecated", "x-hidden",
}  # fmt: skip


def schema_errors(spec: dict[str, Any], value: Any, schema: Any, at: str = "$") -> list[str]:
    """Why ``value`` does not validate against ``schema`` (empty when it does)."""
    schema = resolve(spec, schema)
    if schema is True or schema == {}:
        return []
    if schema is False:
        return [f"{at}: no value is allowed here"]
    unknown = set(schema) - _HANDLED
    if unknown:
        return [f"{at}: the checker does not know the keywords {sorted(unknown)}"]
    errors: list[str] = []
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            branches = [schema_errors(spec, value, sub, at) for sub in schema[keyword]]
            if all(branches):
                detail = " | ".join("; ".join(b[:2]) for b in branches)
                errors.append(f"{at}: matches no branch of {keyword} ({detail})")
    for sub in schema.get("allOf", []):
        errors += schema_errors(spec, value, sub, at)

    types = schema.get("type")
    if types is not None:
        allowed = [types] if isinstance(types, str) else list(types)
        if schema.get("nullable"):
            allowed.append("null")
        if not any(_JSON_TYPES[t](value) for t in allowed):
            return [*errors, f"{at}: {value!r} is not of type {allowed}"]
        if value is None:  # an allowed null: enums and formats describe the non-null case
            return errors
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{at}: {value!r} is not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        errors.append(f"{at}: {value!r} is not {schema['const']!r}")

    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{at}: shorter than {schema['minLength']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{at}: longer than {schema['maxLength']}")
        if "pattern" in schema and re.search(schema["pattern"], value) is None:
            errors.append(f"{at}: {value!r} does not match {schema['pattern']!r}")
        if schema.get("format") == "uuid" and not _UUID.match(value):
            errors.append(f"{at}: {value!r} is not a UUID")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{at}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{at}: {value} > {schema['maximum']}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{at}: fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{at}: more than {schema['maxItems']} items")
        if "items" in schema:
            for index, item in enumerate(value):
                errors += schema_errors(spec, item, schema["items"], f"{at}[{index}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{at}: required key {key!r} is missing")
        # Stricter than JSON Schema: where the spec lists properties and says nothing about
        # others, a key it does not list is an error (we must not send undocumented fields).
        extra = schema.get("additionalProperties", not properties)
        for key, item in value.items():
            if key in properties:
                errors += schema_errors(spec, item, properties[key], f"{at}.{key}")
            elif extra is False:
                errors.append(f"{at}: key {key!r} is not declared (only {sorted(properties)})")
            elif extra is not True:
                errors += schema_errors(spec, item, extra, f"{at}.{key}")
    return errors


def query_value_errors(spec: dict[str, Any], name: str, text: str, schema: Any) -> list[str]:
    """Check one query string value against its parameter schema."""
    schema = resolve(spec, schema)
    types = schema.get("type", "string")
    allowed = [types] if isinstance(types, str) else list(types)
    value: Any = text
    if "boolean" in allowed:
        if text not in ("true", "false"):
            return [f"query {name}={text!r}: booleans are sent as true/false"]
        value = text == "true"
    elif "integer" in allowed:
        if not re.fullmatch(r"-?\d+", text):
            return [f"query {name}={text!r}: not an integer"]
        value = int(text)
    elif "number" in allowed:
        try:
            value = float(text)
        except ValueError:
            return [f"query {name}={text!r}: not a number"]
    return schema_errors(spec, value, schema, f"query {name}")


# --------------------------------------------------------------------------- spec replies


def example_of(spec: dict[str, Any], schema: Any) -> Any:
    """A value of ``schema`` built from the spec's own ``example``s (first branch of unions)."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return None
    if "example" in schema:
        return copy.deepcopy(schema["example"])
    for keyword in ("anyOf", "oneOf", "allOf"):
        if keyword in schema:
            return example_of(spec, schema[keyword][0])
    if "enum" in schema:
        return schema["enum"][0]
    types = schema.get("type", "object")
    kind = types if isinstance(types, str) else next((t for t in types if t != "null"), "null")
    if kind == "object":
        props = schema.get("properties", {})
        return {key: example_of(spec, sub) for key, sub in props.items()}
    if kind == "array":
        return [example_of(spec, schema["items"])] if "items" in schema else []
    if schema.get("format") == "uuid":
        return str(uuid.UUID(int=1))
    return {"string": "text", "boolean": False, "number": 1, "integer": 1}.get(kind)


def replies(spec: dict[str, Any], operation: dict[str, Any]) -> list[tuple[int, Any]]:
    """What the mock answers, in order: the documented success body, then a last page."""
    status = min(code for code in operation["responses"] if code.startswith("2"))
    if status == "204":
        return [(204, None)]
    content = operation["responses"][status].get("content", {})
    schema = content.get("application/json", {}).get("schema")
    body = example_of(spec, schema) if schema is not None else {}
    if isinstance(body, dict) and isinstance(body.get("data"), list):
        last: Any = {"data": [], "pagination": {"next_cursor": None}}
    elif isinstance(body, dict) and isinstance(body.get("pagination"), dict):
        last = {**body, "pagination": {"next_cursor": None}}
    else:
        last = body
    return [(int(status), body), (int(status), last)]


# --------------------------------------------------------------------------- request checks


def template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/?#]+" if p.startswith("{") else re.escape(p) for p in parts if p))


def request_errors(
    spec: dict[str, Any], row: Call, operation: dict[str, Any], request: httpx.Request
) -> list[str]:
    method, template = row.operation.split(" ", 1)
    errors: list[str] = []
    if request.method != method:
        errors.append(f"method {request.method}, the spec says {method}")

    raw_path = request.url.raw_path.decode("ascii").split("?", 1)[0]
    if not template_regex(template).fullmatch(raw_path):
        errors.append(f"path {raw_path} does not match {template}")
    names = re.findall(r"\{([^}]+)\}", template)
    if sorted(names) != sorted(row.path):
        errors.append(f"table row gives path values {sorted(row.path)}, template has {names}")
    else:
        expected = template.format(**{k: quote(v, safe="") for k, v in row.path.items()})
        if raw_path != expected:
            errors.append(f"path {raw_path}, expected {expected}")

    declared = {
        p["name"]: p
        for p in (resolve(spec, p) for p in operation.get("parameters", []))
        if p["in"] == "query"
    }
    sent = request.url.params
    for name in sent:
        if name not in declared:
            errors.append(f"query parameter {name!r} is not declared by the spec")
    for name, parameter in declared.items():
        values = sent.get_list(name)
        if parameter.get("required") and not values:
            errors.append(f"required query parameter {name!r} is missing")
        if len(values) > 1:
            errors.append(f"query parameter {name!r} is sent {len(values)} times")
        for text in values:
            errors += query_value_errors(spec, name, text, parameter.get("schema", {}))

    request_body = operation.get("requestBody")
    content = request.content
    if request_body is None:
        if content:
            errors.append(f"the operation takes no body, got {content[:200]!r}")
        return errors
    if not content:
        if request_body.get("required"):
            errors.append("the operation requires a JSON body, none was sent")
        return errors
    if not request.headers.get("content-type", "").startswith("application/json"):
        errors.append(f"content-type {request.headers.get('content-type')!r}")
    schema = request_body["content"]["application/json"]["schema"]
    errors += schema_errors(spec, json.loads(content), schema, "body")
    return errors


def resolve_target(row: Call, suffix: str = "") -> Any:
    model_name, method_name = row.target.split(".")
    model = getattr(attio, model_name, None)
    assert model is not None, f"attio.{model_name} does not exist"
    method = getattr(model, method_name + suffix, None)
    assert callable(method), f"attio.{model_name}.{method_name}{suffix} does not exist"
    return method


# --------------------------------------------------------------------------- the tests


def test_every_spec_operation_has_a_call(spec: dict[str, Any]) -> None:
    operations = set(spec_operations(spec))
    covered = {row.operation for row in CALLS}
    missing = operations - covered - set(UNCOVERED)
    assert not missing, f"spec operations without a table row: {sorted(missing)}"
    # the scope named in the acceptance item, independently of UNCOVERED
    core = {
        op
        for op in operations
        if re.match(r"[A-Z]+ /v2/(objects|lists|\{target\}|self|workspace_members)", op)
    }
    assert core <= covered
    assert len(core) >= 38  # objects, attributes, options, statuses, records, lists, entries...


def test_every_table_row_names_a_spec_operation(spec: dict[str, Any]) -> None:
    operations = spec_operations(spec)
    unknown = sorted({row.operation for row in CALLS} - set(operations))
    assert not unknown, f"table rows for operations the spec lacks: {unknown}"
    assert not set(UNCOVERED) - set(operations), "UNCOVERED names an unknown operation"
    assert not set(UNCOVERED) & {row.operation for row in CALLS}


def test_the_checker_catches_bad_bodies(spec: dict[str, Any]) -> None:
    create_list = spec_operations(spec)["POST /v2/lists"]
    schema = create_list["requestBody"]["content"]["application/json"]["schema"]
    good: dict[str, Any] = {
        "data": {
            "name": "N",
            "api_slug": "n",
            "parent_object": "people",
            "workspace_access": None,
            "workspace_member_access": [{"workspace_member_id": MEMBER_ID, "level": "read-only"}],
        }
    }
    assert schema_errors(spec, good, schema) == []
    missing = copy.deepcopy(good)
    del missing["data"]["workspace_access"]
    assert any("workspace_access" in e for e in schema_errors(spec, missing, schema))
    wrong_enum = copy.deepcopy(good)
    wrong_enum["data"]["workspace_member_access"][0]["level"] = "owner"
    assert any("not one of" in e for e in schema_errors(spec, wrong_enum, schema))
    not_uuid = copy.deepcopy(good)
    not_uuid["data"]["workspace_member_access"][0]["workspace_member_id"] = "ada"
    assert any("UUID" in e for e in schema_errors(spec, not_uuid, schema))
    undeclared = copy.deepcopy(good)
    undeclared["data"]["colour"] = "red"  # the schema lists properties, not this one
    assert any("'colour' is not declared" in e for e in schema_errors(spec, undeclared, schema))
    unwrapped = good["data"]
    assert any("'data'" in e for e in schema_errors(spec, unwrapped, schema))

    upsert = spec_operations(spec)["PUT /v2/objects/{object}/records/{record_id}"]
    schema = upsert["requestBody"]["content"]["application/json"]["schema"]
    extra = {"data": {"values": {}, "overwrite": True}}
    assert any("not declared" in e for e in schema_errors(spec, extra, schema))
    not_array = {"data": {"values": {"name": "Ada"}}}
    assert any("not of type" in e for e in schema_errors(spec, not_array, schema))

    comment = spec_operations(spec)["POST /v2/comments"]
    schema = comment["requestBody"]["content"]["application/json"]["schema"]
    both = {
        "data": {
            "format": "plaintext",
            "content": "x",
            "author": {"type": "workspace-member", "id": MEMBER_ID},
            "thread_id": THREAD_ID,
            "record": {"object": "people", "record_id": RECORD_ID},
        }
    }
    assert any("anyOf" in e for e in schema_errors(spec, both, schema))


def test_the_checker_catches_bad_requests(spec: dict[str, Any]) -> None:
    operations = spec_operations(spec)
    row = call("GET /v2/notes", "Note.list")
    bad_query = httpx.Request("GET", "https://api.attio.com/v2/notes?limit=ten&sort=asc")
    errors = request_errors(spec, row, operations["GET /v2/notes"], bad_query)
    assert any("not an integer" in e for e in errors)
    assert any("'sort' is not declared" in e for e in errors)
    row = call("PUT /v2/objects/{object}/records", "Record.upsert", path=OBJ)
    no_required = httpx.Request("PUT", "https://api.attio.com/v2/objects/people/records")
    errors = request_errors(spec, row, operations[row.operation], no_required)
    assert any("'matching_attribute' is missing" in e for e in errors)
    assert any("requires a JSON body" in e for e in errors)
    row = call("GET /v2/objects/{object}", "Object.get", path=OBJ)
    wrong = httpx.Request("GET", "https://api.attio.com/v2/objects/companies", json={})
    errors = request_errors(spec, row, operations[row.operation], wrong)
    assert any("expected /v2/objects/people" in e for e in errors)
    assert any("takes no body" in e for e in errors)


def _check_requests(
    spec: dict[str, Any], row: Call, mock: MockAttio, twin: str
) -> list[tuple[str, str, bytes]]:
    operation = spec_operations(spec)[row.operation]
    assert mock.requests, f"{row.target}{twin} sent no request"
    problems = [
        f"request {index}: {error}"
        for index, request in enumerate(mock.requests)
        for error in request_errors(spec, row, operation, request)
    ]
    assert not problems, f"{row.id} ({twin or 'sync'}):\n  " + "\n  ".join(problems)
    return [(r.method, str(r.url), r.content) for r in mock.requests]


def _queue(spec: dict[str, Any], row: Call, mock: MockAttio) -> None:
    for status, body in replies(spec, spec_operations(spec)[row.operation]):
        mock.reply(status, body)


@pytest.mark.parametrize("row", CALLS, ids=[row.id for row in CALLS])
async def test_call_conforms_to_spec(spec: dict[str, Any], row: Call) -> None:
    sync_method = resolve_target(row)
    async_method = resolve_target(row, "_async")

    sync_mock = MockAttio()
    _queue(spec, row, sync_mock)
    with sync_mock.client() as client:
        result = sync_method(client, *copy.deepcopy(row.args), **copy.deepcopy(row.kwargs))
        if row.stream:
            list(result)
    sent_sync = _check_requests(spec, row, sync_mock, "")

    async_mock = MockAttio()
    _queue(spec, row, async_mock)
    async with async_mock.async_client() as aclient:
        result = async_method(aclient, *copy.deepcopy(row.args), **copy.deepcopy(row.kwargs))
        if row.stream:
            [item async for item in result]
        else:
            await result
    sent_async = _check_requests(spec, row, async_mock, "_async")

    assert sent_sync == sent_async, "the sync and async twins send different requests"
