"""``attio.values``: the tagged union, its leniency, round trips, reading and writing helpers.

All data here is made up (see ``../shared/real-responses`` for real bodies, tested in
``test_records.py`` / ``test_entries.py``).
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
from attio import values as V

WS = "6a1e2f3c-0000-4000-8000-000000000001"
OBJ = "6a1e2f3c-0000-4000-8000-000000000002"
MEMBER = "6a1e2f3c-0000-4000-8000-0000000000aa"


def value(attribute_type: str, /, **fields: Any) -> dict[str, Any]:
    """A read value as Attio sends it (common fields first, ``attribute_type`` last)."""
    return {
        "active_from": "2024-03-01T10:15:30.123456789Z",
        "active_until": None,
        "created_by_actor": {"type": "workspace-member", "id": MEMBER},
        **fields,
        "attribute_type": attribute_type,
    }


OPTION = {
    "id": {
        "workspace_id": WS,
        "object_id": OBJ,
        "attribute_id": "6a1e2f3c-0000-4000-8000-0000000000b1",
        "option_id": "6a1e2f3c-0000-4000-8000-0000000000c1",
    },
    "title": "Enterprise",
    "is_archived": False,
}
STATUS = {
    "id": {
        "workspace_id": WS,
        "object_id": OBJ,
        "attribute_id": "6a1e2f3c-0000-4000-8000-0000000000b2",
        "status_id": "6a1e2f3c-0000-4000-8000-0000000000d1",
    },
    "title": "Qualified",
    "is_archived": False,
    "target_time_in_status": None,
    "celebration_enabled": False,
}

# One realistic value per attribute type (17 known + one Attio may add tomorrow).
SAMPLES: dict[str, dict[str, Any]] = {
    "text": value("text", value="Acme Rockets"),
    "number": value("number", value=42),
    "checkbox": value("checkbox", value=True),
    "currency": value("currency", currency_code="EUR", currency_value=1999.5),
    "date": value("date", value="2021-06-30"),
    "timestamp": value("timestamp", value="2025-01-02T03:04:05.678901234Z"),
    "rating": value("rating", value=4),
    "status": value("status", status=STATUS),
    "select": value("select", option=OPTION),
    "record-reference": value(
        "record-reference",
        target_object="companies",
        target_record_id="6a1e2f3c-0000-4000-8000-0000000000e1",
    ),
    "actor-reference": value(
        "actor-reference", referenced_actor_type="workspace-member", referenced_actor_id=MEMBER
    ),
    "location": value(
        "location",
        line_1="1 Rocket Road",
        line_2="Hangar 2",
        line_3=None,
        line_4=None,
        locality="Hawthorne",
        region="California",
        postcode="90250",
        country_code="US",
        latitude="33.920682",
        longitude="-118.327362",
    ),
    "domain": value("domain", domain="app.acme.example", root_domain="acme.example"),
    "email-address": value(
        "email-address",
        original_email_address="Wile.E@Acme.example",
        email_address="wile.e@acme.example",
        email_domain="acme.example",
        email_root_domain="acme.example",
        email_local_specifier="wile.e",
    ),
    "phone-number": value(
        "phone-number",
        original_phone_number="+1 (555) 867-5309",
        phone_number="+15558675309",
        country_code="US",
    ),
    "interaction": value(
        "interaction",
        interaction_type="email",
        interacted_at="2025-02-03T04:05:06.000000000Z",
        owner_actor={"type": "workspace-member", "id": MEMBER},
    ),
    "personal-name": value(
        "personal-name", first_name="Wile", last_name="Coyote", full_name="Wile E. Coyote"
    ),
    "vector-embedding": value("vector-embedding", dimensions=3, value=[0.25, -1, 3.5]),
}

MODELS: dict[str, type[V.BaseValue]] = {
    "text": V.TextValue,
    "number": V.NumberValue,
    "checkbox": V.CheckboxValue,
    "currency": V.CurrencyValue,
    "date": V.DateValue,
    "timestamp": V.TimestampValue,
    "rating": V.RatingValue,
    "status": V.StatusValue,
    "select": V.SelectValue,
    "record-reference": V.RecordReferenceValue,
    "actor-reference": V.ActorReferenceValue,
    "location": V.LocationValue,
    "domain": V.DomainValue,
    "email-address": V.EmailAddressValue,
    "phone-number": V.PhoneNumberValue,
    "interaction": V.InteractionValue,
    "personal-name": V.PersonalNameValue,
    "vector-embedding": V.UnknownValue,
}

ADAPTER: TypeAdapter[V.AttributeValue] = TypeAdapter(V.AttributeValue)


def parse_json(body: Any) -> Any:
    return ADAPTER.validate_json(json.dumps(body))


# --------------------------------------------------------------------------- dispatch


def test_every_documented_type_has_a_model() -> None:
    assert set(V.VALUE_TYPES) == set(MODELS) - {"vector-embedding"}
    assert len(V.VALUE_TYPES) == 17


@pytest.mark.parametrize("attribute_type", list(SAMPLES))
def test_json_selects_the_right_model_and_round_trips(attribute_type: str) -> None:
    body = SAMPLES[attribute_type]
    parsed = parse_json(body)
    assert type(parsed) is MODELS[attribute_type]
    assert parsed.model_dump(mode="json") == body
    assert json.loads(parsed.model_dump_json()) == body


@pytest.mark.parametrize("attribute_type", list(SAMPLES))
def test_python_selects_the_right_model_and_round_trips(attribute_type: str) -> None:
    body = copy.deepcopy(SAMPLES[attribute_type])
    parsed = ADAPTER.validate_python(body)
    assert type(parsed) is MODELS[attribute_type]
    assert parsed.model_dump(mode="json") == body
    assert MODELS[attribute_type].model_validate(body).model_dump(mode="json") == body


def test_common_fields_are_typed() -> None:
    parsed = parse_json(SAMPLES["text"])
    assert isinstance(parsed.active_from, attio.Timestamp)
    assert parsed.active_from.nanosecond == 789
    assert isinstance(parsed.created_by_actor, attio.Actor)
    assert parsed.created_by_actor.id == MEMBER
    assert parsed.is_active


def test_ints_stay_ints_and_floats_stay_floats() -> None:
    number = parse_json(value("number", value=7))
    assert type(number.value) is int
    assert number.model_dump_json().count('"value":7}') == 1
    as_float = parse_json(value("number", value=7.0))
    assert type(as_float.value) is float
    assert as_float.model_dump(mode="json")["value"] == 7.0
    assert '"value":7.0' in as_float.model_dump_json()
    currency = parse_json(value("currency", currency_code="USD", currency_value=47500000))
    assert type(currency.currency_value) is int
    assert currency.model_dump(mode="json")["currency_value"] == 47500000


def test_unknown_type_keeps_every_field() -> None:
    parsed = parse_json(SAMPLES["vector-embedding"])
    assert isinstance(parsed, V.UnknownValue)
    assert parsed.attribute_type == "vector-embedding"
    assert parsed.fields == {"dimensions": 3, "value": [0.25, -1, 3.5]}
    assert parsed.plain == [0.25, -1, 3.5]
    assert parsed.active_from == "2024-03-01T10:15:30.123456789Z"


# --------------------------------------------------------------------------- leniency


def test_select_option_as_bare_id() -> None:
    body = value("select", option="6a1e2f3c-0000-4000-8000-0000000000c1")
    parsed = parse_json(body)
    assert isinstance(parsed, V.SelectValue)
    assert parsed.option == "6a1e2f3c-0000-4000-8000-0000000000c1"
    assert parsed.option_id == "6a1e2f3c-0000-4000-8000-0000000000c1"
    assert parsed.title is None
    assert parsed.plain == "6a1e2f3c-0000-4000-8000-0000000000c1"
    assert parsed.model_dump(mode="json") == body


def test_select_option_as_object() -> None:
    parsed = parse_json(SAMPLES["select"])
    assert isinstance(parsed.option, V.SelectOptionData)
    assert parsed.option.id is not None
    assert parsed.option_id == OPTION["id"]["option_id"]  # type: ignore[index]
    assert parsed.title == "Enterprise"
    assert parsed.plain == "Enterprise"


def test_status_as_object_and_as_bare_id() -> None:
    parsed = parse_json(SAMPLES["status"])
    assert isinstance(parsed.status, V.StatusData)
    assert parsed.status.celebration_enabled is False
    assert parsed.status_id == STATUS["id"]["status_id"]  # type: ignore[index]
    assert parsed.plain == "Qualified"
    bare = value("status", status="6a1e2f3c-0000-4000-8000-0000000000d1")
    parsed_bare = parse_json(bare)
    assert isinstance(parsed_bare, V.StatusValue)
    assert parsed_bare.status_id == "6a1e2f3c-0000-4000-8000-0000000000d1"
    assert parsed_bare.model_dump(mode="json") == bare


def test_null_actor_ids() -> None:
    body = value("actor-reference", referenced_actor_type="system", referenced_actor_id=None)
    body["created_by_actor"] = {"type": "system", "id": None}
    parsed = parse_json(body)
    assert isinstance(parsed, V.ActorReferenceValue)
    assert parsed.referenced_actor_id is None
    assert parsed.created_by_actor is not None
    assert parsed.created_by_actor.id is None
    assert parsed.plain is None
    assert parsed.model_dump(mode="json") == body


def test_missing_currency_code() -> None:
    body = value("currency", currency_value=12)
    parsed = parse_json(body)
    assert isinstance(parsed, V.CurrencyValue)
    assert parsed.currency_code is None
    assert parsed.model_dump(mode="json") == body
    assert "currency_code" not in parsed.model_dump_json()


def test_location_latitude_longitude_are_strings_or_null() -> None:
    parsed = parse_json(SAMPLES["location"])
    assert parsed.latitude == "33.920682"
    assert parsed.coordinates == (33.920682, -118.327362)
    body = dict(SAMPLES["location"], latitude=None, longitude=None)
    no_coordinates = parse_json(body)
    assert isinstance(no_coordinates, V.LocationValue)
    assert no_coordinates.coordinates is None
    assert no_coordinates.model_dump(mode="json") == body


def test_historic_value() -> None:
    body = dict(SAMPLES["status"], active_until="2024-04-01T00:00:00.000000001Z")
    parsed = parse_json(body)
    assert not parsed.is_active
    assert parsed.active_until.nanosecond == 1
    assert parsed.model_dump(mode="json") == body


def test_extra_fields_on_known_types_are_kept() -> None:
    body = dict(SAMPLES["domain"], is_primary=True)
    parsed = parse_json(body)
    assert isinstance(parsed, V.DomainValue)
    assert parsed.model_extra == {"is_primary": True}
    assert parsed.model_dump(mode="json") == body


@pytest.mark.parametrize(
    "body",
    [
        value("select", option=123),
        value("checkbox", value={"nested": True}),
        value("timestamp", value="next tuesday"),
        value("location", latitude=51.5),
        {"value": "no attribute_type at all"},
    ],
    ids=["select-int", "checkbox-object", "timestamp-garbage", "location-float", "no-type"],
)
def test_known_type_with_unexpected_shape_falls_back_to_unknown(body: dict[str, Any]) -> None:
    parsed = parse_json(body)
    assert isinstance(parsed, V.UnknownValue)
    assert parsed.model_dump(mode="json") == body
    assert ADAPTER.validate_python(copy.deepcopy(body)).model_dump(mode="json") == body


def test_unexpected_shape_does_not_fail_a_list() -> None:
    adapter = TypeAdapter(list[V.AttributeValue])
    good, bad = SAMPLES["text"], value("select", option=123)
    parsed = adapter.validate_json(json.dumps([good, bad]))
    assert [type(v) for v in parsed] == [V.TextValue, V.UnknownValue]


def test_direct_model_validation_is_still_strict_about_timestamps() -> None:
    with pytest.raises(ValidationError):
        V.TimestampValue.model_validate_json(json.dumps(value("timestamp", value="soon")))
    with pytest.raises(ValidationError):
        V.TimestampValue.model_validate(value("timestamp", value="soon"))


def test_timestamp_fast_path_builds_real_timestamps() -> None:
    parsed = parse_json(SAMPLES["timestamp"])
    assert type(parsed.value) is attio.Timestamp
    assert parsed.value.nanosecond == 234
    assert parsed.value.datetime == dt.datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=dt.timezone.utc)
    from_python = V.TimestampValue(
        active_from=attio.Timestamp("2025-01-01T00:00:00Z"),
        active_until=None,
        created_by_actor=attio.Actor(type="system", id=None),
        attribute_type="timestamp",
        value=attio.Timestamp("2025-01-02T03:04:05Z"),
    )
    assert from_python.value == "2025-01-02T03:04:05Z"


# --------------------------------------------------------------------------- plain


@pytest.mark.parametrize(
    ("attribute_type", "expected"),
    [
        ("text", "Acme Rockets"),
        ("number", 42),
        ("checkbox", True),
        ("currency", Decimal("1999.5")),
        ("date", dt.date(2021, 6, 30)),
        ("timestamp", dt.datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=dt.timezone.utc)),
        ("rating", 4),
        ("status", "Qualified"),
        ("select", "Enterprise"),
        ("record-reference", "6a1e2f3c-0000-4000-8000-0000000000e1"),
        ("actor-reference", MEMBER),
        ("location", "1 Rocket Road, Hangar 2, Hawthorne, California, 90250, US"),
        ("domain", "app.acme.example"),
        ("email-address", "wile.e@acme.example"),
        ("phone-number", "+15558675309"),
        ("interaction", dt.datetime(2025, 2, 3, 4, 5, 6, tzinfo=dt.timezone.utc)),
        ("personal-name", "Wile E. Coyote"),
        ("vector-embedding", [0.25, -1, 3.5]),
    ],
)
def test_plain(attribute_type: str, expected: Any) -> None:
    plain = parse_json(SAMPLES[attribute_type]).plain
    assert plain == expected
    assert type(plain) is type(expected)


def test_plain_of_unknown_without_value_field() -> None:
    parsed = parse_json(value("geo-fence", radius_m=250, center="u4pruydqqvj"))
    assert parsed.plain == {"radius_m": 250, "center": "u4pruydqqvj"}


# --------------------------------------------------------------------------- writing


@pytest.mark.parametrize(
    ("attribute_type", "expected"),
    [
        ("text", {"value": "Acme Rockets"}),
        ("number", {"value": 42}),
        ("checkbox", {"value": True}),
        ("currency", {"currency_value": 1999.5}),
        ("date", {"value": "2021-06-30"}),
        ("timestamp", {"value": "2025-01-02T03:04:05.678901234Z"}),
        ("rating", {"value": 4}),
        ("status", {"status": "6a1e2f3c-0000-4000-8000-0000000000d1"}),
        ("select", {"option": "6a1e2f3c-0000-4000-8000-0000000000c1"}),
        (
            "record-reference",
            {
                "target_object": "companies",
                "target_record_id": "6a1e2f3c-0000-4000-8000-0000000000e1",
            },
        ),
        (
            "actor-reference",
            {"referenced_actor_type": "workspace-member", "referenced_actor_id": MEMBER},
        ),
        (
            "location",
            {
                "line_1": "1 Rocket Road",
                "line_2": "Hangar 2",
                "line_3": None,
                "line_4": None,
                "locality": "Hawthorne",
                "region": "California",
                "postcode": "90250",
                "country_code": "US",
                "latitude": "33.920682",
                "longitude": "-118.327362",
            },
        ),
        ("domain", {"domain": "app.acme.example"}),
        ("email-address", {"email_address": "wile.e@acme.example"}),
        ("phone-number", {"original_phone_number": "+1 (555) 867-5309", "country_code": "US"}),
        (
            "personal-name",
            {"first_name": "Wile", "last_name": "Coyote", "full_name": "Wile E. Coyote"},
        ),
        ("vector-embedding", {"dimensions": 3, "value": [0.25, -1, 3.5]}),
    ],
)
def test_to_write(attribute_type: str, expected: dict[str, Any]) -> None:
    written = parse_json(SAMPLES[attribute_type]).to_write()
    assert written == expected
    assert json.loads(json.dumps(written)) == expected  # plain JSON, nothing model-typed


def test_interaction_cannot_be_written() -> None:
    with pytest.raises(ValueError, match="read-only"):
        parse_json(SAMPLES["interaction"]).to_write()


def test_select_and_status_given_as_bare_ids_write_the_id() -> None:
    assert parse_json(value("select", option="opt-1")).to_write() == {"option": "opt-1"}
    assert parse_json(value("status", status="st-1")).to_write() == {"status": "st-1"}


def test_select_without_option_id_writes_its_title() -> None:
    parsed = parse_json(value("select", option={"title": "Gold", "is_archived": False}))
    assert isinstance(parsed, V.SelectValue)
    assert parsed.to_write() == {"option": "Gold"}


def test_to_write_values_passes_plain_json_through_unchanged() -> None:
    plain = {
        "name": [{"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"}],
        "email_addresses": "ada@example.com",
        "6a1e2f3c-0000-4000-8000-0000000000b1": ["Gold", "Silver"],
        "employees": 12,
        "is_customer": True,
        "notes": None,
    }
    converted = V.to_write_values(plain)
    assert converted == plain
    assert converted["name"] is plain["name"]  # not even copied


def test_to_write_values_converts_models_alone_and_in_lists() -> None:
    select = parse_json(SAMPLES["select"])
    domain = parse_json(SAMPLES["domain"])
    converted = V.to_write_values(
        {"tier": select, "domains": [domain, {"domain": "b.example"}, "c.example"], "x": "y"}
    )
    assert converted == {
        "tier": [{"option": "6a1e2f3c-0000-4000-8000-0000000000c1"}],
        "domains": [{"domain": "app.acme.example"}, {"domain": "b.example"}, "c.example"],
        "x": "y",
    }


def test_to_write_value_of_a_tuple_of_models() -> None:
    text = parse_json(SAMPLES["text"])
    assert V.to_write_value((text,)) == [{"value": "Acme Rockets"}]


# --------------------------------------------------------------------------- ValuesReader


def test_values_reader_helpers_on_a_record() -> None:
    current_a = dict(SAMPLES["select"])
    current_b = dict(SAMPLES["select"], option=dict(OPTION, title="SMB"))
    old = dict(SAMPLES["select"], option=dict(OPTION, title="Startup"))
    old["active_until"] = "2024-02-01T00:00:00.000000000Z"
    record = attio.Record.model_validate(
        {
            "id": {"workspace_id": WS, "object_id": OBJ, "record_id": "r-1"},
            "created_at": "2024-01-01T00:00:00.000000000Z",
            "values": {"segments": [old, current_a, current_b], "twitter": []},
        }
    )
    assert [v.plain for v in record.values_of("segments")] == ["Enterprise", "SMB"]
    assert [v.plain for v in record.values_of("segments", historic=True)] == [
        "Startup",
        "Enterprise",
        "SMB",
    ]
    first = record.first("segments")
    assert isinstance(first, V.SelectValue)
    assert first.title == "Enterprise"
    assert record.plain("segments") == "Enterprise"
    assert record.plain_values("segments") == ["Enterprise", "SMB"]
    assert record.values_of("twitter") == []
    assert record.first("twitter") is None
    assert record.plain("twitter") is None
    assert record.plain("missing", default="n/a") == "n/a"
    assert record.plain_values("missing") == []
