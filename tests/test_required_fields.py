"""Fields Attio always sends are required on the value and resource models (issue 9, item 1).

A field is required when the OpenAPI spec lists it as required *and* every value (or resource)
in ``../shared/real-responses`` has it; it is non-``Optional`` when the spec does not allow null
too. A value missing a required field (or holding null where null is not allowed) still never
fails: it reads as an :class:`~attio.values.UnknownValue` that dumps back exactly as sent. A
resource (``Record``, ``Attribute``, ``Task``, ...) or an id missing one is an answer that does
not fit: through a client, :class:`attio.ResponseValidationError`.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

import attio
from attio import parse
from attio.attributes import (
    AttributeConfig,
    AttributeDefaultValue,
    AttributeId,
    AttributeRelationship,
    CurrencyConfig,
    RecordReferenceConfig,
)
from attio.call_recordings import (
    CallRecordingId,
    TranscriptId,
    TranscriptSegment,
    TranscriptSpeaker,
)
from attio.comments import CommentEntry, CommentId, CommentRecord
from attio.entries import EntryId
from attio.lists import ListId
from attio.meetings import MeetingId, MeetingLinkedRecord, MeetingParticipant
from attio.notes import NoteId, NoteRecordTag, NoteWorkspaceMemberTag
from attio.objects import ObjectId
from attio.select_options import SelectOptionId
from attio.statuses import StatusId
from attio.tasks import TaskAssignee, TaskId, TaskLinkedRecord
from attio.threads import ThreadId
from attio.values import VALUE_TYPES, AttributeValue, BaseValue, UnknownValue
from attio.webhooks import WebhookId, WebhookSubscription
from attio.workspace_members import WorkspaceMemberId
from tests.bodies import BODIES
from tests.bodies import full as full_body
from tests.conftest import OPENAPI, REAL_RESPONSES, MockAttio, require_shared

ADAPTER: TypeAdapter[AttributeValue] = TypeAdapter(AttributeValue)
ACTOR = {"type": "workspace-member", "id": "0c7e1f00-0000-4000-8000-0000000000aa"}
REC = "0c7e1f00-0000-4000-8000-000000000003"
UUID = "0c7e1f00-0000-4000-8000-000000000010"


def full(attribute_type: str, /, **fields: Any) -> dict[str, Any]:
    return {
        "active_from": "2024-03-01T10:15:30.123456789Z",
        "active_until": None,
        "created_by_actor": ACTOR,
        "attribute_type": attribute_type,
        **fields,
    }


# One complete value per known type: every field the spec requires, as Attio sends it.
FULL: dict[str, dict[str, Any]] = {
    "text": full("text", value="Acme"),
    "number": full("number", value=3),
    "checkbox": full("checkbox", value=False),
    "currency": full("currency", currency_value=12.5, currency_code="EUR"),
    "date": full("date", value="2024-01-02"),
    "timestamp": full("timestamp", value="2024-01-02T03:04:05.000000000Z"),
    "rating": full("rating", value=4),
    "status": full(
        "status",
        status={
            "id": {
                "workspace_id": UUID,
                "object_id": UUID,
                "attribute_id": UUID,
                "status_id": UUID,
            },
            "title": "Won",
            "is_archived": False,
            "celebration_enabled": False,
            "target_time_in_status": None,
        },
    ),
    "select": full(
        "select",
        option={
            "id": {
                "workspace_id": UUID,
                "object_id": UUID,
                "attribute_id": UUID,
                "option_id": UUID,
            },
            "title": "Gold",
            "is_archived": False,
        },
    ),
    "record-reference": full("record-reference", target_object="people", target_record_id=REC),
    "actor-reference": full(
        "actor-reference", referenced_actor_type="workspace-member", referenced_actor_id=UUID
    ),
    "location": full(
        "location",
        line_1="1 Road",
        line_2=None,
        line_3=None,
        line_4=None,
        locality="Town",
        region="Shire",
        postcode="AB1 2CD",
        country_code="GB",
        latitude="51.5",
        longitude="-0.12",
    ),
    "domain": full("domain", domain="app.acme.example", root_domain="acme.example"),
    "email-address": full(
        "email-address",
        original_email_address="A@Acme.example",
        email_address="a@acme.example",
        email_domain="acme.example",
        email_root_domain="acme.example",
        email_local_specifier="a",
    ),
    "phone-number": full(
        "phone-number",
        original_phone_number="5558675309",
        phone_number="+15558675309",
        country_code="US",
    ),
    "interaction": full(
        "interaction",
        interaction_type="email",
        interacted_at="2024-01-02T00:00:00.000000000Z",
        owner_actor=ACTOR,
    ),
    "personal-name": full("personal-name", first_name="Ada", last_name="Lovelace", full_name="Ada"),
}

COMMON_REQUIRED = ("active_from", "active_until", "created_by_actor")
LOCATION_KEYS = (
    "line_1",
    "line_2",
    "line_3",
    "line_4",
    "locality",
    "region",
    "postcode",
    "country_code",
    "latitude",
    "longitude",
)
EMAIL_KEYS = (
    "original_email_address",
    "email_address",
    "email_domain",
    "email_root_domain",
    "email_local_specifier",
)

# The fields made required, per type, with the runtime type(s) a full value gives them.
REQUIRED: dict[str, dict[str, tuple[type, ...]]] = {
    "text": {"value": (str,)},
    "number": {"value": (int, float)},
    "checkbox": {"value": (bool,)},
    "currency": {"currency_value": (int, float)},
    "date": {"value": (str,)},
    "timestamp": {"value": (attio.Timestamp,)},
    "rating": {"value": (int, float)},
    "status": {"status": (attio.values.StatusData, str)},
    "select": {"option": (attio.values.SelectOptionData, str)},
    "record-reference": {"target_object": (str,), "target_record_id": (str,)},
    "actor-reference": {"referenced_actor_type": (str,), "referenced_actor_id": (str,)},
    "location": dict.fromkeys(
        (
            "line_1",
            "line_2",
            "line_3",
            "line_4",
            "locality",
            "region",
            "postcode",
            "country_code",
            "latitude",
            "longitude",
        ),
        (str,),
    ),
    "domain": {"domain": (str,), "root_domain": (str,)},
    "email-address": dict.fromkeys(
        (
            "original_email_address",
            "email_address",
            "email_domain",
            "email_root_domain",
            "email_local_specifier",
        ),
        (str,),
    ),
    "phone-number": {
        "original_phone_number": (str,),
        "phone_number": (str,),
        "country_code": (str,),
    },
    "interaction": {
        "interaction_type": (str,),
        "interacted_at": (attio.Timestamp,),
        "owner_actor": (attio.Actor,),
    },
    "personal-name": {"first_name": (str,), "last_name": (str,), "full_name": (str,)},
}

# Required but nullable in the spec (``X | None`` with no default): null reads as the model.
NULLABLE: dict[str, set[str]] = {
    "actor-reference": {"referenced_actor_id"},
    "location": set(REQUIRED["location"]),
}

CASES = [(t, f) for t in REQUIRED for f in (*COMMON_REQUIRED, *REQUIRED[t])]
NOT_NULL = [(t, f) for t, f in CASES if f != "active_until" and f not in NULLABLE.get(t, set())]
NULL_OK = [(t, f) for t in NULLABLE for f in sorted(NULLABLE[t])] + [
    (t, "active_until") for t in REQUIRED
]


def both_ways(body: Any) -> list[AttributeValue]:
    return [ADAPTER.validate_json(json.dumps(body)), ADAPTER.validate_python(copy.deepcopy(body))]


def test_every_known_type_is_covered() -> None:
    assert set(FULL) == set(REQUIRED) == set(VALUE_TYPES)


@pytest.mark.parametrize("attribute_type", sorted(FULL))
def test_a_full_value_parses_to_its_model(attribute_type: str) -> None:
    body = FULL[attribute_type]
    for parsed in both_ways(body):
        assert type(parsed) is VALUE_TYPES[attribute_type]
        assert parsed.model_dump(mode="json") == body
        assert isinstance(parsed.active_from, attio.Timestamp)
        assert isinstance(parsed.created_by_actor, attio.Actor)
        assert parsed.active_until is None
        for field, types in REQUIRED[attribute_type].items():
            if FULL[attribute_type][field] is not None:  # a nullable one may be sent as null
                assert isinstance(getattr(parsed, field), types), field
        assert parsed.plain is not None


@pytest.mark.parametrize(("attribute_type", "field"), CASES)
def test_the_field_is_required_on_the_model(attribute_type: str, field: str) -> None:
    info = VALUE_TYPES[attribute_type].model_fields[field]
    assert info.is_required()
    nullable = field == "active_until" or field in NULLABLE.get(attribute_type, set())
    assert (type(None) in getattr(info.annotation, "__args__", ())) is nullable


@pytest.mark.parametrize(("attribute_type", "field"), CASES)
def test_a_value_without_a_required_field_is_unknown_and_round_trips(
    attribute_type: str, field: str
) -> None:
    body = copy.deepcopy(FULL[attribute_type])
    del body[field]
    for parsed in both_ways(body):
        assert isinstance(parsed, UnknownValue)
        assert parsed.attribute_type == attribute_type
        assert parsed.malformed == {}
        assert parsed.model_dump(mode="json") == body
        assert json.loads(parsed.model_dump_json()) == body
        assert parsed.raw == body
        assert field not in parsed.model_dump()
        assert field not in parsed.fields


@pytest.mark.parametrize(("attribute_type", "field"), NOT_NULL)
def test_null_in_a_non_nullable_field_is_unknown_and_round_trips(
    attribute_type: str, field: str
) -> None:
    body = {**copy.deepcopy(FULL[attribute_type]), field: None}
    for parsed in both_ways(body):
        assert isinstance(parsed, UnknownValue)
        assert parsed.model_dump(mode="json") == body


@pytest.mark.parametrize(("attribute_type", "field"), NULL_OK)
def test_null_in_a_nullable_required_field_keeps_the_model(attribute_type: str, field: str) -> None:
    body = {**copy.deepcopy(FULL[attribute_type]), field: None}
    for parsed in both_ways(body):
        assert type(parsed) is VALUE_TYPES[attribute_type]
        assert getattr(parsed, field) is None
        assert parsed.model_dump(mode="json") == body


def test_unknown_enum_values_are_still_kept() -> None:
    body = FULL["interaction"] | {"interaction_type": "carrier-pigeon"}
    actor = FULL["actor-reference"] | {"referenced_actor_type": "robot"}
    for parsed in [*both_ways(body), *both_ways(actor)]:
        assert type(parsed) is not UnknownValue
        assert parsed.model_dump(mode="json") in (body, actor)


def test_plain_of_the_required_fields() -> None:
    plains = {t: ADAPTER.validate_python(copy.deepcopy(b)).plain for t, b in FULL.items()}
    assert plains["text"] == "Acme"
    assert plains["currency"] == Decimal("12.5")
    assert plains["date"] == dt.date(2024, 1, 2)
    assert plains["timestamp"] == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    assert plains["email-address"] == "a@acme.example"
    assert plains["phone-number"] == "+15558675309"
    assert plains["record-reference"] == REC
    assert plains["personal-name"] == "Ada"
    assert plains["interaction"] == dt.datetime(2024, 1, 2, tzinfo=dt.timezone.utc)


def test_a_record_with_an_incomplete_value_reads_and_round_trips() -> None:
    incomplete = copy.deepcopy(FULL["email-address"])
    del incomplete["email_address"]
    body = {
        "id": {"workspace_id": UUID, "object_id": UUID, "record_id": REC},
        "created_at": "2024-03-01T10:00:00.000000000Z",
        "web_url": f"https://app.attio.com/acme/person/{REC}",
        "values": {"email_addresses": [incomplete, FULL["email-address"]]},
    }
    record = attio.Record.model_validate_json(json.dumps(body))
    first, second = record.values["email_addresses"]
    assert isinstance(first, UnknownValue)
    assert isinstance(second, attio.values.EmailAddressValue)
    assert record.values_of("email_addresses", BaseValue) == [first, second]
    assert record.model_dump(mode="json") == body


def test_building_a_known_model_needs_its_required_fields() -> None:
    with pytest.raises(ValueError, match="email_address"):
        attio.values.EmailAddressValue.model_validate({"attribute_type": "email-address"})
    assert isinstance(UnknownValue(attribute_type="email-address"), UnknownValue)


# =========================================================================== resource models
#
# The same rule for the resource read models (issue 9, item 1): a field is required when the
# spec requires it *and* every recorded real response where its model appears has it. Such a
# field has no default; it is non-``Optional`` unless the spec (or a real answer) allows null.
# A resource body missing one fails: through a client, a ``ResponseValidationError``.

_RECORD = "GET /v2/objects/{object}/records/{record_id}"
_ENTRY = "GET /v2/lists/{list}/entries/{entry_id}"
_WEBHOOK = "GET /v2/webhooks/{webhook_id}"
_RECORDING = "GET /v2/meetings/{meeting_id}/call_recordings/{call_recording_id}"
_TRANSCRIPT = f"{_RECORDING}/transcript"

# model -> where its schema is in the spec: "<component>.<path>" or "<METHOD> <path>" followed by
# "|<path>" inside the response's ``data``; "[]" steps into array items, "#n" into anyOf[n].
SPEC_OF: dict[type[attio.AttioModel], str] = {
    attio.Object: "object",
    ObjectId: "object.id",
    attio.Attribute: "attribute",
    AttributeId: "attribute.id",
    AttributeConfig: "attribute.config",
    CurrencyConfig: "attribute.config.currency",
    RecordReferenceConfig: "attribute.config.record_reference",
    AttributeRelationship: "attribute.relationship",
    AttributeDefaultValue: "attribute.default_value#0",
    attio.SelectOption: "select-option",
    SelectOptionId: "select-option.id",
    attio.Status: "status",
    StatusId: "status.id",
    attio.List: "list",
    ListId: "list.id",
    attio.ListMemberAccess: "list.workspace_member_access[]",
    attio.Actor: "list.created_by_actor",
    attio.WorkspaceMember: "workspace-member",
    WorkspaceMemberId: "workspace-member.id",
    attio.Note: "note",
    NoteId: "note.id",
    NoteWorkspaceMemberTag: "note.tags[]#0",
    NoteRecordTag: "note.tags[]#1",
    attio.Task: "task",
    TaskId: "task.id",
    TaskLinkedRecord: "task.linked_records[]",
    TaskAssignee: "task.assignees[]",
    attio.Meeting: "meeting",
    MeetingId: "meeting.id",
    MeetingParticipant: "meeting.participants[]",
    MeetingLinkedRecord: "meeting.linked_records[]",
    attio.Thread: "thread",
    ThreadId: "thread.id",
    attio.Comment: "comment",
    CommentId: "comment.id",
    CommentRecord: "comment.record",
    CommentEntry: "comment.entry",
    attio.Record: f"{_RECORD}|",
    attio.RecordId: f"{_RECORD}|id",
    attio.Entry: f"{_ENTRY}|",
    EntryId: f"{_ENTRY}|id",
    attio.Webhook: f"{_WEBHOOK}|",
    WebhookId: f"{_WEBHOOK}|id",
    WebhookSubscription: f"{_WEBHOOK}|subscriptions[]",
    attio.CallRecording: f"{_RECORDING}|",
    CallRecordingId: f"{_RECORDING}|id",
    attio.Transcript: f"{_TRANSCRIPT}|",
    TranscriptId: f"{_TRANSCRIPT}|id",
    TranscriptSegment: f"{_TRANSCRIPT}|transcript[]",
    TranscriptSpeaker: f"{_TRANSCRIPT}|transcript[].speaker",
    attio.RecordEntry: "GET /v2/objects/{object}/records/{record_id}/entries|[]",
    attio.SearchResult: "POST /v2/objects/records/search|[]#0",
}

# model -> (top-level model of a real response, path to it inside each item, tag filter).
REAL_OF: dict[type[attio.AttioModel], tuple[str, str]] = {
    attio.Object: ("Object", ""),
    ObjectId: ("Object", "id"),
    attio.Attribute: ("Attribute", ""),
    AttributeId: ("Attribute", "id"),
    AttributeConfig: ("Attribute", "config"),
    CurrencyConfig: ("Attribute", "config.currency"),
    RecordReferenceConfig: ("Attribute", "config.record_reference"),
    AttributeRelationship: ("Attribute", "relationship"),
    AttributeDefaultValue: ("Attribute", "default_value"),
    attio.List: ("List", ""),
    ListId: ("List", "id"),
    attio.ListMemberAccess: ("List", "workspace_member_access[]"),
    attio.Actor: ("List", "created_by_actor"),
    attio.WorkspaceMember: ("WorkspaceMember", ""),
    WorkspaceMemberId: ("WorkspaceMember", "id"),
    attio.Note: ("Note", ""),
    NoteId: ("Note", "id"),
    NoteWorkspaceMemberTag: ("Note", "tags[]=workspace-member"),
    NoteRecordTag: ("Note", "tags[]=record"),
    attio.Record: ("Record", ""),
    attio.RecordId: ("Record", "id"),
    attio.Entry: ("Entry", ""),
    EntryId: ("Entry", "id"),
    attio.Webhook: ("Webhook", ""),
    WebhookId: ("Webhook", "id"),
    WebhookSubscription: ("Webhook", "subscriptions[]"),
}

# Required in the spec and always sent, but kept with a (non-None) default, on purpose.
KEPT_DEFAULT: dict[tuple[type[attio.AttioModel], str], str] = {
    (attio.Record, "values"): "typed ValueMap already; an absent map reads as {}",
    (attio.Entry, "entry_values"): "typed ValueMap already; an absent map reads as {}",
    (WebhookSubscription, "filter"): "also an input model: no filter means null (every event)",
    (NoteWorkspaceMemberTag, "type"): "the tag's discriminator: chosen only for this type",
    (NoteRecordTag, "type"): "the tag's discriminator: chosen only for this type",
}


def _spec() -> Any:
    return json.loads(require_shared(OPENAPI).read_text())


def _deref(spec: Any, node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target = spec
        for key in node["$ref"].split("/")[1:]:
            target = target[key]
        node = target
    return node


def _walk_spec(spec: Any, node: Any, path: str) -> Any:
    for step in filter(None, path.replace("[]", ".[]").replace("#", ".#").split(".")):
        node = _deref(spec, node)
        if step == "[]":
            node = node["items"]
        elif step.startswith("#"):
            node = (node.get("anyOf") or node["oneOf"])[int(step[1:])]
        else:
            node = node["properties"][step]
    return _deref(spec, node)


def _spec_schema(spec: Any, where: str) -> Any:
    if "|" in where:
        operation, inner = where.split("|", 1)
        method, path = operation.split(" ", 1)
        response = _deref(spec, spec["paths"][path][method.lower()]["responses"]["200"])
        data = response["content"]["application/json"]["schema"]["properties"]["data"]
        return _walk_spec(spec, data, inner)
    component, _, inner = where.partition(".")
    return _walk_spec(spec, spec["components"]["schemas"][component], inner)


def _nullable(schema: Any) -> bool:
    kinds = schema.get("type")
    if schema.get("nullable") or (isinstance(kinds, list) and "null" in kinds):
        return True
    return any(_nullable(alt) for alt in [*schema.get("anyOf", []), *schema.get("oneOf", [])])


def _top_model(name: str) -> str | None:
    """The top-level model of a real-response file (``None``: error bodies, deliveries)."""
    if "__error_" in name or "webhook_delivery" in name:
        return None
    for fragment, model in (
        ("attributes", "Attribute"),
        ("entries", "Entry"),
        ("records", "Record"),
        ("objects", "Object"),
        ("lists", "List"),
        ("webhooks", "Webhook"),
        ("workspace_members", "WorkspaceMember"),
        ("notes", "Note"),
    ):
        if fragment in name:
            return model
    raise AssertionError(f"real response {name} maps to no model: add it to _top_model")


def _instances(item: Any, path: str) -> list[dict[str, Any]]:
    nodes = [item]
    for step in filter(None, path.split(".")):
        name, _, kind = step.partition("=")
        many = name.endswith("[]")
        name = name.removesuffix("[]")
        found = []
        for node in nodes:
            value = node.get(name) if isinstance(node, dict) else None
            for each in value if many and isinstance(value, list) else [value]:
                if isinstance(each, dict) and (not kind or each.get("type") == kind):
                    found.append(each)
        nodes = found
    return [node for node in nodes if isinstance(node, dict)]


def _real_files() -> dict[str, list[dict[str, Any]]]:
    """Per top-level model, every real file's items (one list per file where it appears)."""
    files: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(require_shared(REAL_RESPONSES).glob("*.json")):
        model = _top_model(path.name)
        if model is None:
            continue
        body = json.loads(path.read_text())
        data = body["data"] if isinstance(body, dict) and "data" in body else body
        files.setdefault(model, []).append({"items": data if isinstance(data, list) else [data]})
    return files


def _always_sent(model: type[attio.AttioModel], files: dict[str, list[dict[str, Any]]]) -> set[str]:
    """Fields present in every instance of ``model`` in every real file where it appears
    (every field, vacuously, for a model no real response holds)."""
    if model not in REAL_OF:
        return set(model.model_fields)
    top, path = REAL_OF[model]
    keys = set(model.model_fields)
    for each in files.get(top, []):
        for item in each["items"]:
            for instance in _instances(item, path):
                keys &= set(instance)
    return keys


def _sent_null(model: type[attio.AttioModel], files: dict[str, list[dict[str, Any]]]) -> set[str]:
    if model not in REAL_OF:
        return set()
    top, path = REAL_OF[model]
    return {
        key
        for each in files.get(top, [])
        for item in each["items"]
        for instance in _instances(item, path)
        for key, value in instance.items()
        if value is None
    }


def _allows_none(annotation: Any) -> bool:
    return annotation is Any or type(None) in getattr(annotation, "__args__", ())


@pytest.mark.parametrize("model", list(SPEC_OF), ids=lambda m: m.__name__)
def test_required_fields_follow_the_spec_and_the_real_responses(
    model: type[attio.AttioModel],
) -> None:
    spec = _spec()
    schema = _spec_schema(spec, SPEC_OF[model])
    files = _real_files()
    spec_required = set(schema.get("required", ()))
    expected = (spec_required & _always_sent(model, files)) - {
        f for m, f in KEPT_DEFAULT if m is model
    }
    nulls = _sent_null(model, files)
    for name, info in model.model_fields.items():
        key = info.alias or name
        assert info.is_required() is (key in expected), (model.__name__, key)
        if key in expected:
            prop = _deref(spec, schema["properties"][key])
            may_be_null = _nullable(prop) or key in nulls
            assert _allows_none(info.annotation) is may_be_null or info.annotation is Any, (
                model.__name__,
                key,
            )
    assert expected <= {info.alias or name for name, info in model.model_fields.items()}


@pytest.mark.parametrize(("model", "field"), sorted(KEPT_DEFAULT, key=str))
def test_the_fields_kept_with_a_default_are_not_optional(
    model: type[attio.AttioModel], field: str
) -> None:
    info = model.model_fields[field]
    assert not info.is_required()
    if field != "filter":  # a subscription's filter is null for "every event"
        assert not _allows_none(info.annotation)


def test_meta_keeps_its_fields_optional_for_an_inactive_token() -> None:
    # /v2/self answers {"active": false} for a revoked token: one model for both variants.
    assert attio.Meta.model_validate({"active": False}).model_dump() == {"active": False}
    required = {n for n, i in attio.Meta.model_fields.items() if i.is_required()}
    assert required == {"active"}


# --------------------------------------------------------------------------- behaviour

TOP_MODELS: dict[str, type[attio.AttioModel]] = {name: getattr(attio, name) for name in BODIES}


def _required(model: type[attio.AttioModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items() if info.is_required()]


def _is_resource(where: str) -> bool:
    """Whether ``SPEC_OF`` locates a whole resource (not a model nested in one)."""
    return where.split("|")[1] in ("", "[]", "[]#0") if "|" in where else "." not in where


def test_every_resource_model_has_a_complete_body() -> None:
    resources = {model.__name__ for model, where in SPEC_OF.items() if _is_resource(where)}
    assert set(BODIES) == resources


@pytest.mark.parametrize("name", sorted(BODIES))
def test_a_complete_body_sets_every_required_field_and_round_trips(name: str) -> None:
    model = TOP_MODELS[name]
    body = full_body(name)
    parsed = model.model_validate_json(json.dumps(body))
    assert set(_required(model)) <= set(body)
    assert set(_required(model)) <= {
        model.model_fields[f].alias or f for f in parsed.model_fields_set
    }
    assert parsed.model_dump(mode="json") == body


def _get(mock: MockAttio, model: type[attio.AttioModel], body: Any) -> Any:
    mock.data(body)
    return mock.client().request(attio.Request("GET", "/v2/anything", parse.data(model)))


CASES_MISSING = [(name, field) for name in sorted(BODIES) for field in _required(TOP_MODELS[name])]


@pytest.mark.parametrize(("name", "field"), CASES_MISSING)
def test_a_resource_without_a_required_field_is_a_response_validation_error(
    mock: MockAttio, name: str, field: str
) -> None:
    body = full_body(name)
    del body[field]
    with pytest.raises(attio.ResponseValidationError, match=rf"data\.{field}: Field required"):
        _get(mock, TOP_MODELS[name], body)
    with pytest.raises(ValidationError):
        TOP_MODELS[name].model_validate(body)


CASES_IDS = [
    (name, key) for name in sorted(BODIES) if "id" in BODIES[name] for key in BODIES[name]["id"]
]


@pytest.mark.parametrize(("name", "key"), CASES_IDS)
def test_an_id_without_one_of_its_keys_is_a_response_validation_error(
    mock: MockAttio, name: str, key: str
) -> None:
    body = full_body(name)
    del body["id"][key]
    with pytest.raises(attio.ResponseValidationError, match=rf"data\.id\.{key}"):
        _get(mock, TOP_MODELS[name], body)


def _nullable_fields(model: type[attio.AttioModel]) -> set[str]:
    return {
        info.alias or name
        for name, info in model.model_fields.items()
        if info.is_required() and _allows_none(info.annotation) and info.annotation is not Any
    }


CASES_NULL = [
    (name, field, field in _nullable_fields(TOP_MODELS[name]))
    for name in sorted(BODIES)
    for field in _required(TOP_MODELS[name])
]


@pytest.mark.parametrize(("name", "field", "nullable"), CASES_NULL)
def test_null_in_a_required_field_is_kept_only_where_the_spec_allows_it(
    mock: MockAttio, name: str, field: str, nullable: bool
) -> None:
    body = full_body(name, **{field: None})
    if nullable:
        parsed = _get(mock, TOP_MODELS[name], body)
        assert getattr(parsed, field) is None
        assert parsed.model_dump(mode="json") == body
    else:
        with pytest.raises(attio.ResponseValidationError):
            _get(mock, TOP_MODELS[name], body)


NULLABLE_REQUIRED = {
    "Object": {"api_slug", "singular_noun", "plural_noun"},
    "Attribute": {"description", "default_value", "relationship"},
    "Status": {"target_time_in_status"},
    "List": {"workspace_access"},
    "Task": {"deadline_at"},
    "WorkspaceMember": {"avatar_url"},
    "SearchResult": {"record_image"},
    "Comment": {"entry", "resolved_at"},
}


def test_the_required_but_nullable_fields() -> None:
    found = {name: _nullable_fields(TOP_MODELS[name]) for name in BODIES}
    assert {name: fields for name, fields in found.items() if fields} == NULLABLE_REQUIRED


def test_a_nested_model_without_a_required_field_fails_the_whole_resource(
    mock: MockAttio,
) -> None:
    attribute = full_body("Attribute")
    del attribute["config"]["currency"]["display_type"]
    with pytest.raises(
        attio.ResponseValidationError, match=r"data\.config\.currency\.display_type"
    ):
        _get(mock, attio.Attribute, attribute)
    task = full_body("Task", assignees=[{"referenced_actor_type": "workspace-member"}])
    with pytest.raises(attio.ResponseValidationError, match="referenced_actor_id"):
        _get(mock, attio.Task, task)
    thread = full_body("Thread")
    del thread["comments"][0]["author"]
    with pytest.raises(attio.ResponseValidationError, match=r"data\.comments\.0\.author"):
        _get(mock, attio.Thread, thread)


def test_a_page_with_an_incomplete_item_is_a_response_validation_error(mock: MockAttio) -> None:
    incomplete = full_body("Note")
    del incomplete["title"]
    mock.data([full_body("Note"), incomplete])
    with pytest.raises(attio.ResponseValidationError, match=r"data\.1\.title: Field required"):
        attio.Note.list(mock.client())


UNKNOWN_ENUMS = [
    ("Attribute", {"type": "hologram"}, "type"),
    ("List", {"workspace_access": "owner"}, "workspace_access"),
    ("Webhook", {"status": "paused"}, "status"),
    ("CallRecording", {"status": "transcoding"}, "status"),
    ("WorkspaceMember", {"access_level": "guest"}, "access_level"),
]


@pytest.mark.parametrize(("name", "fields", "field"), UNKNOWN_ENUMS)
def test_unknown_enum_values_and_fields_are_still_kept(
    mock: MockAttio, name: str, fields: dict[str, Any], field: str
) -> None:
    body = full_body(name, **fields, from_the_future={"x": [1]})
    parsed = _get(mock, TOP_MODELS[name], body)
    assert getattr(parsed, field) == fields[field]
    assert parsed.model_extra == {"from_the_future": {"x": [1]}}
    assert parsed.model_dump(mode="json") == body


def test_unknown_enum_values_in_nested_models_are_kept() -> None:
    webhook = attio.Webhook.model_validate(
        full_body("Webhook", subscriptions=[{"event_type": "galaxy.created", "filter": None}])
    )
    assert webhook.subscriptions[0].event_type == "galaxy.created"
    task = attio.Task.model_validate(
        full_body(
            "Task", assignees=[{"referenced_actor_type": "robot", "referenced_actor_id": UUID}]
        )
    )
    assert task.assignees[0].referenced_actor_type == "robot"
    meeting = attio.Meeting.model_validate(
        full_body(
            "Meeting",
            participants=[{"status": "maybe", "is_organizer": False, "email_address": None}],
        )
    )
    assert meeting.participants[0].status == "maybe"
    assert meeting.participants[0].email_address is None
