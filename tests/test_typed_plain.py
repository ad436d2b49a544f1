"""``.plain`` of every value model (runtime types) and lenient ``ValidationIssue`` reading."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

import httpx
import pytest
from pydantic import TypeAdapter

import attio
from attio._exceptions import make_status_error, parse_error_body
from attio.values import AttributeValue, UnknownValue

ACTOR = {"type": "workspace-member", "id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"}
COMMON: dict[str, Any] = {
    "active_from": "2023-01-01T15:00:00.000000000Z",
    "active_until": None,
    "created_by_actor": ACTOR,
}

_ADAPTER: TypeAdapter[AttributeValue] = TypeAdapter(AttributeValue)

UTC = datetime.timezone.utc

# (value JSON as Attio sends it, expected model, expected .plain)
CASES: list[tuple[dict[str, Any], str, Any]] = [
    ({"attribute_type": "text", "value": "Acme Rockets"}, "TextValue", "Acme Rockets"),
    ({"attribute_type": "number", "value": 42}, "NumberValue", 42),
    ({"attribute_type": "number", "value": 4.5}, "NumberValue", 4.5),
    ({"attribute_type": "checkbox", "value": True}, "CheckboxValue", True),
    (
        {"attribute_type": "currency", "currency_value": 4.99, "currency_code": "USD"},
        "CurrencyValue",
        Decimal("4.99"),
    ),
    ({"attribute_type": "date", "value": "1815-12-10"}, "DateValue", datetime.date(1815, 12, 10)),
    ({"attribute_type": "date", "value": "next week"}, "DateValue", "next week"),
    (
        {"attribute_type": "timestamp", "value": "2023-01-01T15:00:00.123456789Z"},
        "TimestampValue",
        datetime.datetime(2023, 1, 1, 15, 0, 0, 123456, tzinfo=UTC),
    ),
    ({"attribute_type": "rating", "value": 4}, "RatingValue", 4),
    (
        {
            "attribute_type": "status",
            "status": {
                "id": {
                    "workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c",
                    "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795",
                    "attribute_id": "41252299-f8c7-4b5e-99c9-4ff8321d2f96",
                    "status_id": "11f07f01-c10f-4e05-a522-33e050bc52ee",
                },
                "title": "In Progress",
                "is_archived": False,
                "celebration_enabled": False,
                "target_time_in_status": None,
            },
        },
        "StatusValue",
        "In Progress",
    ),
    (
        {
            "attribute_type": "select",
            "option": {
                "id": {
                    "workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c",
                    "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795",
                    "attribute_id": "41252299-f8c7-4b5e-99c9-4ff8321d2f96",
                    "option_id": "08c2c59a-c18e-40c6-8dc4-95415313b2ea",
                },
                "title": "Medium",
                "is_archived": False,
            },
        },
        "SelectValue",
        "Medium",
    ),
    (
        {
            "attribute_type": "record-reference",
            "target_object": "companies",
            "target_record_id": "bf071e1f-6035-429d-b874-d83ea64ea13b",
        },
        "RecordReferenceValue",
        "bf071e1f-6035-429d-b874-d83ea64ea13b",
    ),
    (
        {
            "attribute_type": "actor-reference",
            "referenced_actor_type": "workspace-member",
            "referenced_actor_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b",
        },
        "ActorReferenceValue",
        "50cf242c-7fa3-4cad-87d0-75b1af71c57b",
    ),
    (
        {
            "attribute_type": "location",
            "line_1": "1 Infinite Loop",
            "line_2": None,
            "line_3": None,
            "line_4": None,
            "locality": "Cupertino",
            "region": "CA",
            "postcode": "95014",
            "country_code": "US",
            "latitude": "37.331741",
            "longitude": "-122.030333",
        },
        "LocationValue",
        "1 Infinite Loop, Cupertino, CA, 95014, US",
    ),
    (
        {"attribute_type": "domain", "domain": "app.attio.com", "root_domain": "attio.com"},
        "DomainValue",
        "app.attio.com",
    ),
    (
        {
            "attribute_type": "email-address",
            "original_email_address": "Alice@App.Attio.com",
            "email_address": "alice@app.attio.com",
            "email_domain": "app.attio.com",
            "email_root_domain": "attio.com",
            "email_local_specifier": "alice",
        },
        "EmailAddressValue",
        "alice@app.attio.com",
    ),
    (
        {
            "attribute_type": "phone-number",
            "original_phone_number": "5558675309",
            "phone_number": "+15558675309",
            "country_code": "US",
        },
        "PhoneNumberValue",
        "+15558675309",
    ),
    (
        {
            "attribute_type": "interaction",
            "interaction_type": "email",
            "interacted_at": "2023-01-01T15:00:00.000000000Z",
            "owner_actor": ACTOR,
        },
        "InteractionValue",
        datetime.datetime(2023, 1, 1, 15, tzinfo=UTC),
    ),
    (
        {
            "attribute_type": "personal-name",
            "first_name": "Ada",
            "last_name": "Lovelace",
            "full_name": "Ada Lovelace",
        },
        "PersonalNameValue",
        "Ada Lovelace",
    ),
    ({"attribute_type": "future-type", "value": [1, 2]}, "UnknownValue", [1, 2]),
]


@pytest.mark.parametrize(("data", "model", "expected"), CASES, ids=[c[1] for c in CASES])
def test_plain_of_each_value_model(data: dict[str, Any], model: str, expected: Any) -> None:
    value = _ADAPTER.validate_python({**COMMON, **data})
    assert type(value).__name__ == model
    assert value.plain == expected
    assert type(value.plain) is type(expected)
    assert value.model_dump(mode="json") == {**COMMON, **data}  # round trip unchanged


@pytest.mark.parametrize("model", sorted(attio.values.VALUE_TYPES.items()))
def test_a_value_without_its_required_fields_is_kept_as_unknown(
    model: tuple[str, type[attio.values.BaseValue]],
) -> None:
    # The fields Attio always sends are required (issue 9): a value without them is not one of
    # the typed models, so it reads as an UnknownValue and dumps back exactly.
    attribute_type, _cls = model
    raw = {**COMMON, "attribute_type": attribute_type}
    value = _ADAPTER.validate_python(raw)
    assert isinstance(value, UnknownValue)
    assert value.model_dump(mode="json") == raw


def test_every_known_model_is_covered() -> None:
    covered = {model for _, model, _ in CASES}
    assert covered == {c.__name__ for c in attio.values.VALUE_TYPES.values()} | {"UnknownValue"}
    assert isinstance(_ADAPTER.validate_python("odd"), UnknownValue)


# --------------------------------------------------------------------------- ValidationIssue

ZOD_ITEMS: list[Any] = [
    {
        "code": "invalid_type",
        "path": ["data", "values", 0],
        "message": "Required",
        "expected": "object",
        "received": "undefined",
    },
    {
        "code": "invalid_enum_value",
        "path": ["data", "type"],
        "message": "Invalid enum value.",
        "received": "nope",
        "options": ["text", "number"],
    },
    {"code": "too_big", "path": [], "message": "Too big", "maximum": 5, "inclusive": True},
    {"path": "data.values", "expected": 5, "received": None, "message": ["a"], "x": 1},
    {"path": ["ok", True, 1.5, None]},
    {},
    "a bare string",
    None,
    42,
    [["path"]],
]


def body_with(items: Any) -> dict[str, Any]:
    return {
        "status_code": 400,
        "type": "invalid_request_error",
        "code": "validation_type",
        "message": "Body payload validation error.",
        "validation_errors": items,
    }


def test_zod_items_are_typed() -> None:
    error = attio.AttioError.model_validate(body_with(ZOD_ITEMS))
    issues = error.validation_errors
    assert len(issues) == len(ZOD_ITEMS)
    assert all(isinstance(issue, attio.ValidationIssue) for issue in issues)
    first, enum, big = issues[:3]
    assert first.path == ["data", "values", 0]
    assert (first.code, first.message) == ("invalid_type", "Required")
    assert (first.expected, first.received) == ("object", "undefined")
    assert first.model_extra == {}
    assert enum.received == "nope"
    assert enum.expected is None
    assert enum.model_extra == {"options": ["text", "number"]}
    assert enum["options"] == ["text", "number"]
    assert big.path == []
    assert big.model_extra == {"maximum": 5, "inclusive": True}


def test_odd_items_never_raise_and_keep_what_they_can() -> None:
    error = attio.AttioError.model_validate(body_with(ZOD_ITEMS))
    odd, mixed, empty, text, null, number, nested = error.validation_errors[3:]
    assert (odd.path, odd.expected, odd.received, odd.message) == (None, None, None, None)
    assert odd.model_extra == {"x": 1}
    assert odd["path"] == "data.values"  # the item as sent stays readable
    assert odd.get("expected") == 5
    assert mixed.path is None  # a bool or float is not a path element
    assert mixed["path"] == ["ok", True, 1.5, None]
    assert empty.model_fields_set == set()
    things = ("a bare string", None, 42, [["path"]])
    for thing, issue in zip(things, (text, null, number, nested), strict=True):
        assert issue.model_extra == {}
        assert issue.path is None
        assert issue.raw == thing
        assert "path" not in issue
        assert issue.get("path") is None
        with pytest.raises(KeyError):
            issue["path"]


def test_body_round_trips_and_issues_compare_to_the_items() -> None:
    body = body_with(ZOD_ITEMS)
    error = attio.AttioError.model_validate(body)
    assert error.model_dump(mode="json") == body
    assert json.loads(error.model_dump_json()) == body
    assert error.validation_errors == ZOD_ITEMS
    assert [issue.raw for issue in error.validation_errors] == ZOD_ITEMS
    assert error.validation_errors[0] == attio.ValidationIssue.from_item(ZOD_ITEMS[0])
    assert error.validation_errors[0] != error.validation_errors[1]


@pytest.mark.parametrize("items", [None, "not a list", {"path": []}, 3, []])
def test_validation_errors_that_are_not_a_list_read_as_empty(items: Any) -> None:
    error = attio.AttioError.model_validate(body_with(items))
    assert error.validation_errors == []
    assert error.model_dump(mode="json") == body_with(items)


def test_absent_validation_errors() -> None:
    assert attio.AttioError(code="x").validation_errors == []


def test_issues_from_a_raised_error() -> None:
    body = body_with(ZOD_ITEMS)
    request = httpx.Request("POST", "https://api.attio.com/v2/objects/people/records")
    err = make_status_error(httpx.Response(400, json=body, request=request))
    assert isinstance(err, attio.BadRequestError)
    assert err.error is not None
    assert err.error.validation_errors[0].path == ["data", "values", 0]
    parsed = parse_error_body(json.dumps(body).encode())
    assert parsed is not None
    assert parsed.validation_errors[1].code == "invalid_enum_value"


def test_an_issue_built_directly() -> None:
    issue = attio.ValidationIssue.model_validate(
        {"path": ["data", 0], "code": "custom", "hint": "extra kept"}
    )
    assert issue.path == ["data", 0]
    assert issue.model_extra == {"hint": "extra kept"}
    assert issue["hint"] == "extra kept"
    assert issue.raw == {"path": ["data", 0], "code": "custom", "hint": "extra kept"}
    assert issue == {"path": ["data", 0], "code": "custom", "hint": "extra kept"}
