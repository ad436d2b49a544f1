"""Typed reading: ``first(slug, Model)`` / ``values_of(slug, Model)`` on records and entries.

All data here is made up, in the shapes Attio sends (see ``test_values.py``).
"""

from __future__ import annotations

from typing import Any

import pytest

import attio
from attio.value_map import ValuesReader
from attio.values import (
    AttributeValue,
    BaseValue,
    EmailAddressValue,
    SelectOptionData,
    SelectValue,
    TextValue,
    UnknownValue,
)

WS = "6a1e2f3c-0000-4000-8000-000000000001"
OBJ = "6a1e2f3c-0000-4000-8000-000000000002"
LIST = "6a1e2f3c-0000-4000-8000-000000000003"
MEMBER = "6a1e2f3c-0000-4000-8000-0000000000aa"
ENDED = "2024-02-01T00:00:00.000000000Z"


def value(attribute_type: str, /, *, active_until: str | None = None, **fields: Any) -> Any:
    """A read value as Attio sends it (common fields first, ``attribute_type`` last)."""
    return {
        "active_from": "2024-03-01T10:15:30.123456789Z",
        "active_until": active_until,
        "created_by_actor": {"type": "workspace-member", "id": MEMBER},
        **fields,
        "attribute_type": attribute_type,
    }


def email(address: str, *, active_until: str | None = None) -> Any:
    return value(
        "email-address",
        active_until=active_until,
        original_email_address=address,
        email_address=address,
        email_domain=address.split("@")[1],
        email_root_domain=address.split("@")[1],
        email_local_specifier=address.split("@")[0],
    )


VALUES: dict[str, Any] = {
    "email_addresses": [
        email("old@example.com", active_until=ENDED),
        email("ada@example.com"),
        email("lovelace@example.com"),
    ],
    "description": [value("text", value="Countess")],
    "twitter": [],
    "only_historic": [value("text", value="gone", active_until=ENDED)],
    "mixed": [value("text", value="first"), email("second@example.com")],
    "mixed_historic": [value("text", value="was", active_until=ENDED), email("now@example.com")],
    "future": [value("hologram", projection="3d")],
    "misshapen": [value("email-address", email_address=5)],
}


def make_record(values: dict[str, Any] | None = None) -> attio.Record:
    return attio.Record.model_validate(
        {
            "id": {"workspace_id": WS, "object_id": OBJ, "record_id": "r-1"},
            "created_at": "2024-01-01T00:00:00.000000000Z",
            "web_url": "https://app.attio.com/r-1",
            "values": VALUES if values is None else values,
        }
    )


def make_entry() -> attio.Entry:
    return attio.Entry.model_validate(
        {
            "id": {"workspace_id": WS, "list_id": LIST, "entry_id": "e-1"},
            "parent_record_id": "r-1",
            "parent_object": "people",
            "created_at": "2024-01-01T00:00:00.000000000Z",
            "entry_values": VALUES,
        }
    )


READERS = [pytest.param(make_record, id="record"), pytest.param(make_entry, id="entry")]


@pytest.fixture(params=READERS)
def reader(request: pytest.FixtureRequest) -> ValuesReader:
    made: ValuesReader = request.param()
    return made


# --------------------------------------------------------------------------- typed results


def test_typed_first_returns_the_first_current_value(reader: ValuesReader) -> None:
    found = reader.first("email_addresses", EmailAddressValue)
    assert isinstance(found, EmailAddressValue)
    assert found.email_address == "ada@example.com"
    assert found is reader.first("email_addresses")


def test_typed_values_of_returns_the_current_values(reader: ValuesReader) -> None:
    found = reader.values_of("email_addresses", EmailAddressValue)
    assert [type(v) for v in found] == [EmailAddressValue, EmailAddressValue]
    assert [v.email_address for v in found] == ["ada@example.com", "lovelace@example.com"]
    assert found == reader.values_of("email_addresses")


def test_typed_values_of_with_historic(reader: ValuesReader) -> None:
    found = reader.values_of("email_addresses", EmailAddressValue, historic=True)
    assert [v.email_address for v in found] == [
        "old@example.com",
        "ada@example.com",
        "lovelace@example.com",
    ]
    assert [v.is_active for v in found] == [False, True, True]


def test_typed_reads_of_other_models(reader: ValuesReader) -> None:
    text = reader.first("description", TextValue)
    assert text is not None
    assert text.value == "Countess"
    assert reader.values_of("description", TextValue) == [text]


@pytest.mark.parametrize("attribute", ["twitter", "missing"])
def test_typed_reads_of_an_empty_or_absent_attribute(reader: ValuesReader, attribute: str) -> None:
    assert reader.first(attribute, EmailAddressValue) is None
    assert reader.values_of(attribute, EmailAddressValue) == []
    assert reader.values_of(attribute, EmailAddressValue, historic=True) == []


def test_typed_reads_of_only_historic_values(reader: ValuesReader) -> None:
    assert reader.first("only_historic", TextValue) is None
    assert reader.values_of("only_historic", TextValue) == []
    [old] = reader.values_of("only_historic", TextValue, historic=True)
    assert old.value == "gone"
    # A historic value is not checked unless it is returned ...
    assert reader.first("only_historic", EmailAddressValue) is None
    assert reader.values_of("only_historic", EmailAddressValue) == []
    # ... and is when it is.
    with pytest.raises(TypeError, match="only_historic holds a 'text' value"):
        reader.values_of("only_historic", EmailAddressValue, historic=True)


def test_base_value_accepts_every_value(reader: ValuesReader) -> None:
    assert reader.values_of("mixed", BaseValue) == reader.values_of("mixed")
    [unknown] = reader.values_of("future", BaseValue)
    assert isinstance(unknown, UnknownValue)


def test_unknown_value_can_be_asked_for_explicitly(reader: ValuesReader) -> None:
    unknown = reader.first("future", UnknownValue)
    assert unknown is not None
    assert unknown.attribute_type == "hologram"
    assert unknown.model_extra == {"projection": "3d"}


# --------------------------------------------------------------------------- type errors


def test_a_value_of_another_type_is_a_type_error(reader: ValuesReader) -> None:
    message = "email_addresses holds a 'text' value (TextValue), not EmailAddressValue"
    record = make_record({"email_addresses": [value("text", value="ada@example.com")]})
    with pytest.raises(TypeError) as first_error:
        record.first("email_addresses", EmailAddressValue)
    assert str(first_error.value) == message
    with pytest.raises(TypeError) as values_error:
        record.values_of("email_addresses", EmailAddressValue)
    assert str(values_error.value) == message
    with pytest.raises(TypeError) as reader_error:
        reader.first("description", EmailAddressValue)
    assert str(reader_error.value) == (
        "description holds a 'text' value (TextValue), not EmailAddressValue"
    )


def test_the_error_names_the_actual_model_the_other_way_round(reader: ValuesReader) -> None:
    with pytest.raises(TypeError) as error:
        reader.values_of("email_addresses", SelectValue)
    assert str(error.value) == (
        "email_addresses holds an 'email-address' value (EmailAddressValue), not SelectValue"
    )


def test_any_wrong_value_in_the_result_is_a_type_error(reader: ValuesReader) -> None:
    # first() only looks at the value it returns; values_of() checks every value it returns.
    with pytest.raises(TypeError, match=r"mixed holds a 'text' value \(TextValue\)"):
        reader.first("mixed", EmailAddressValue)
    assert reader.first("mixed", TextValue) is not None
    with pytest.raises(TypeError, match=r"mixed holds an 'email-address' value"):
        reader.values_of("mixed", TextValue)
    found = reader.values_of("mixed_historic", EmailAddressValue)
    assert [v.email_address for v in found] == ["now@example.com"]
    with pytest.raises(TypeError, match=r"mixed_historic holds a 'text' value \(TextValue\)"):
        reader.values_of("mixed_historic", EmailAddressValue, historic=True)


def test_an_unknown_value_is_never_passed_off_as_a_known_model(reader: ValuesReader) -> None:
    [misshapen] = reader.values_of("misshapen")
    assert isinstance(misshapen, UnknownValue)
    with pytest.raises(TypeError) as error:
        reader.first("misshapen", EmailAddressValue)
    assert str(error.value) == (
        "misshapen holds an 'email-address' value (UnknownValue), not EmailAddressValue"
    )
    with pytest.raises(TypeError, match=r"misshapen holds an 'email-address' value \(Unknown"):
        reader.values_of("misshapen", EmailAddressValue)
    with pytest.raises(TypeError) as future:
        reader.values_of("future", TextValue)
    assert str(future.value) == "future holds a 'hologram' value (UnknownValue), not TextValue"


@pytest.mark.parametrize(
    ("value_type", "shown"),
    [
        (int, "int"),
        (str, "str"),
        (dict, "dict"),
        (SelectOptionData, "SelectOptionData"),  # a model, but not a value model
        (attio.Record, "Record"),
        ("EmailAddressValue", "'EmailAddressValue'"),
        (EmailAddressValue.model_construct(attribute_type="email-address"), "EmailAddressValue("),
        (AttributeValue, "typing.Annotated"),
    ],
)
def test_a_class_that_is_not_a_value_model_is_a_type_error(
    reader: ValuesReader, value_type: Any, shown: str
) -> None:
    for attribute in ("email_addresses", "missing"):  # refused even when nothing is returned
        with pytest.raises(TypeError, match="must be a value model") as first_error:
            reader.first(attribute, value_type)
        assert shown in str(first_error.value)
        with pytest.raises(TypeError, match="must be a value model") as values_error:
            reader.values_of(attribute, value_type)
        assert shown in str(values_error.value)
        with pytest.raises(TypeError, match="must be a value model"):
            reader.values_of(attribute, value_type, historic=True)


# --------------------------------------------------------------------------- untyped forms


def test_untyped_forms_are_unchanged(reader: ValuesReader) -> None:
    assert [v.plain for v in reader.values_of("email_addresses")] == [
        "ada@example.com",
        "lovelace@example.com",
    ]
    assert len(reader.values_of("email_addresses", historic=True)) == 3
    assert [type(v) for v in reader.values_of("mixed")] == [TextValue, EmailAddressValue]
    first = reader.first("mixed")
    assert isinstance(first, TextValue)
    assert isinstance(reader.first("future"), UnknownValue)
    assert reader.first("only_historic") is None
    assert reader.first("missing") is None
    assert reader.values_of("missing") == []
    assert reader.values_of("twitter", historic=True) == []
    assert reader.plain("email_addresses") == "ada@example.com"
    assert reader.plain_values("mixed") == ["first", "second@example.com"]
    assert reader.plain("missing", default="n/a") == "n/a"


def test_keywords_of_the_untyped_forms_still_work(reader: ValuesReader) -> None:
    assert reader.values_of(attribute="email_addresses", historic=False) == reader.values_of(
        "email_addresses"
    )
    assert reader.first(attribute="description") == reader.first("description")
    with pytest.raises(TypeError):
        reader.values_of("email_addresses", EmailAddressValue, True)  # type: ignore[call-overload]


def test_typed_reads_do_not_change_the_values_map() -> None:
    record = make_record()
    before = record.model_dump(mode="json")
    record.values_of("email_addresses", EmailAddressValue, historic=True)
    record.first("description", TextValue)
    with pytest.raises(TypeError):
        record.first("mixed", EmailAddressValue)
    assert record.model_dump(mode="json") == before
