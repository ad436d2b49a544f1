"""Fields Attio always sends are required on the value models (issue 9, item 1).

A field is required when the OpenAPI spec lists it as required *and* every value in
``../shared/real-responses`` has it; it is non-``Optional`` when the spec does not allow null
too. A value missing a required field (or holding null where null is not allowed) still never
fails: it reads as an :class:`~attio.values.UnknownValue` that dumps back exactly as sent.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter

import attio
from attio.values import VALUE_TYPES, AttributeValue, BaseValue, UnknownValue

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
