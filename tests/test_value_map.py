"""``record.values`` is a dict that builds each attribute's value models on first read."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest
from pydantic import ValidationError

import attio
from attio.value_map import ValueMap
from attio.values import (
    EmailAddressValue,
    PersonalNameValue,
    TextValue,
    UnknownValue,
)

ACTOR = {"type": "workspace-member", "id": "7c4e9a51-0000-4000-8000-000000000001"}


def _value(attribute_type: str, **fields: Any) -> dict[str, Any]:
    return {
        "active_from": "2024-03-01T10:00:00.123456789Z",
        "active_until": None,
        "created_by_actor": ACTOR,
        "attribute_type": attribute_type,
        **fields,
    }


RECORD: dict[str, Any] = {
    "id": {"workspace_id": "w-1", "object_id": "o-1", "record_id": "r-1"},
    "created_at": "2024-03-01T10:00:00.123456789Z",
    "web_url": "https://app.attio.com/acme/person/r-1",
    "values": {
        "name": [
            _value(
                "personal-name", first_name="Ada", last_name="Lovelace", full_name="Ada Lovelace"
            )
        ],
        "email_addresses": [
            _value(
                "email-address",
                original_email_address="Ada@Example.com",
                email_address="ada@example.com",
                email_domain="example.com",
                email_root_domain="example.com",
                email_local_specifier="ada",
            )
        ],
        "job_title": [_value("text", value="Analyst")],
        "embedding": [_value("vector-embedding", vector=[0.1, 0.2], model="x")],
        "description": [],
    },
}


def _parse() -> attio.Record:
    return attio.Record.model_validate_json(json.dumps(RECORD))


def test_values_is_a_dict_of_typed_values() -> None:
    record = _parse()
    assert isinstance(record.values, dict)
    assert isinstance(record.values, ValueMap)
    assert isinstance(record.values["name"][0], PersonalNameValue)
    assert isinstance(record.values["email_addresses"][0], EmailAddressValue)
    assert isinstance(record.values["embedding"][0], UnknownValue)
    assert record.values["description"] == []


def test_values_parsed_from_json_are_built_with_the_record() -> None:
    record = _parse()
    assert record.values._pending == set()  # nothing left to validate when read
    raw = dict.__getitem__(record.values, "name")  # the stored list, bypassing any reading hook
    assert isinstance(raw[0], PersonalNameValue)
    assert record.values["name"] is raw  # reading returns the very list built at parse time
    assert isinstance(dict.__getitem__(record.values, "embedding")[0], UnknownValue)


def test_values_given_from_python_are_built_on_first_read_and_kept() -> None:
    record = attio.Record.model_validate(copy.deepcopy(RECORD))
    assert record.values._pending == set(RECORD["values"])
    first = record.values["job_title"]
    assert "job_title" not in record.values._pending
    assert isinstance(first[0], TextValue)
    assert record.values["job_title"] is first  # the same list: changes stick
    assert record.values._pending == set(RECORD["values"]) - {"job_title"}


def test_every_way_of_reading_gives_models() -> None:
    record = _parse()
    for key, items in record.values.items():
        assert all(isinstance(v, attio.AttioModel) for v in items), key
    record = _parse()
    assert all(isinstance(v, attio.AttioModel) for items in record.values.values() for v in items)
    record = _parse()
    for copied in (dict(record.values), {**record.values}, record.values.copy()):
        assert isinstance(copied["job_title"][0], TextValue)
    record = _parse()
    assert isinstance(record.values.get("job_title", [])[0], TextValue)
    assert record.values.get("missing") is None
    assert record.values.get("missing", []) == []
    assert "TextValue" in repr(_parse().values)
    assert set(_parse().values) == set(RECORD["values"])
    assert len(_parse().values) == len(RECORD["values"])


def test_untouched_and_read_attributes_round_trip_exactly() -> None:
    record = _parse()
    assert record.model_dump(mode="json") == RECORD
    record.values["name"]  # read one attribute
    assert record.model_dump(mode="json") == RECORD
    assert json.loads(record.model_dump_json()) == RECORD
    assert record.model_dump()["values"]["job_title"][0]["value"] == "Analyst"


def test_a_change_to_a_read_value_is_dumped() -> None:
    record = _parse()
    title = record.values["job_title"][0]
    assert isinstance(title, TextValue)
    title.value = "Engineer"
    assert record.model_dump(mode="json")["values"]["job_title"][0]["value"] == "Engineer"


def test_a_dump_shares_nothing_with_the_record() -> None:
    record = _parse()
    dumped = record.model_dump()
    dumped["values"]["job_title"][0]["value"] = "changed"
    dumped["values"]["name"].clear()
    assert record.plain("job_title") == "Analyst"
    assert record.plain("name") == "Ada Lovelace"


def test_equality_compares_models() -> None:
    assert _parse().values == _parse().values
    other = _parse()
    other.values["job_title"][0].value = "Engineer"  # type: ignore[union-attr]
    assert _parse().values != other.values
    assert _parse() == _parse()


def test_python_input_accepts_dicts_and_models() -> None:
    from_dicts = attio.Record.model_validate(RECORD)
    assert isinstance(from_dicts.values["name"][0], PersonalNameValue)
    models = {"name": from_dicts.values["name"]}
    built = attio.Record(id=from_dicts.id, created_at=from_dicts.created_at, values=models)  # type: ignore[arg-type]  # a plain dict is read as a ValueMap
    assert built.values["name"][0] is from_dicts.values["name"][0]


@pytest.mark.parametrize(
    "bad", [{"name": 5}, {"name": [5]}, {"name": ["text"]}, ["name"], "values"]
)
def test_a_malformed_values_map_fails_validation(bad: Any) -> None:
    body = {**RECORD, "values": bad}
    with pytest.raises(ValidationError):
        attio.Record.model_validate_json(json.dumps(body))
    with pytest.raises(ValidationError):
        attio.Record.model_validate(body)


def test_a_malformed_page_is_a_response_validation_error(mock: Any) -> None:
    mock.data([{**RECORD, "values": {"name": [5]}}])
    with pytest.raises(attio.ResponseValidationError):
        attio.Record.list(mock.client(), "people")


def test_mutating_methods() -> None:
    values = _parse().values
    values["nickname"] = [_value("text", value="Countess")]
    assert isinstance(values["nickname"][0], TextValue)
    values.update({"motto": [_value("text", value="Poetical science")]})
    assert values["motto"][0].plain == "Poetical science"
    popped = values.pop("motto")
    assert isinstance(popped[0], TextValue)
    assert "motto" not in values
    assert values.pop("motto", None) is None
    with pytest.raises(KeyError):
        values.pop("motto")
    assert values.setdefault("tags") == []
    merged = values | {"extra": [_value("text", value="x")]}
    assert isinstance(merged, ValueMap)
    assert isinstance(merged["extra"][0], TextValue)
    values |= {"extra": [_value("text", value="y")]}
    assert values["extra"][0].plain == "y"
    del values["extra"]
    assert "extra" not in values
    key, items = values.popitem()
    assert key not in values
    assert isinstance(items, list)


def test_copies_and_pickles() -> None:
    record = _parse()
    for clone in (
        copy.deepcopy(record),
        copy.copy(record),
        pickle.loads(pickle.dumps(record)),
        record.model_copy(deep=True),
    ):
        assert clone.model_dump(mode="json") == RECORD
        assert isinstance(clone.values["name"][0], PersonalNameValue)
    deep = copy.deepcopy(record)
    deep.values["job_title"][0].value = "Engineer"  # type: ignore[union-attr]
    assert record.plain("job_title") == "Analyst"


def test_entries_hold_a_value_map_too() -> None:
    entry = attio.Entry.model_validate_json(
        json.dumps(
            {
                "id": {"workspace_id": "w-1", "list_id": "l-1", "entry_id": "e-1"},
                "parent_record_id": "r-1",
                "parent_object": "companies",
                "created_at": "2024-03-01T10:00:00.123456789Z",
                "entry_values": {"note": [_value("text", value="warm lead")]},
            }
        )
    )
    assert isinstance(entry.entry_values, ValueMap)
    assert entry.plain("note") == "warm lead"


def test_written_back_as_write_values() -> None:
    record = _parse()
    written = attio.values.to_write_values(record.values)
    assert written["name"] == [
        {"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"}
    ]
    assert written["job_title"] == [{"value": "Analyst"}]
