"""The speed and memory measures of issue 10 keep behaviour exact: the collector pause, values
built in the record's own validator pass, shared sets of set fields, and a values map dumped
without a Python call."""

from __future__ import annotations

import copy
import gc
import json
import pickle
from collections.abc import Iterator
from typing import Any

import pytest

import attio
from attio._models import SharedFieldsSet
from attio._parsing import _CAN_PROMOTE, gc_paused
from attio.values import CurrencyValue, TextValue, UnknownValue

MEMBER = "7c4e9a51-0000-4000-8000-000000000001"
ACTOR = {"type": "workspace-member", "id": MEMBER}


def _value(attribute_type: str, **fields: Any) -> dict[str, Any]:
    return {
        "active_from": "2024-03-01T10:00:00.123456789Z",
        "active_until": None,
        "created_by_actor": dict(ACTOR),
        "attribute_type": attribute_type,
        **fields,
    }


def _record(values: dict[str, list[Any]]) -> dict[str, Any]:
    return {
        "id": {"workspace_id": "w-1", "object_id": "o-1", "record_id": "r-1"},
        "created_at": "2024-03-01T10:00:00.123456789Z",
        "values": values,
    }


def _parse(values: dict[str, list[Any]]) -> attio.Record:
    return attio.Record.model_validate_json(json.dumps(_record(values)))


# --------------------------------------------------------------------------- collector pause


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    gc.collect()
    try:
        yield
    finally:
        if not was:
            gc.disable()


@pytest.mark.skipif(not _CAN_PROMOTE, reason="CPython 3.14+ or free-threaded: no promotion")
@pytest.mark.usefixtures("collector_on")
def test_a_big_parse_leaves_no_young_collection_behind() -> None:
    with gc_paused:
        assert not gc.isenabled()
        kept = [[i] for i in range(50_000)]  # 50,000 new tracked objects
        assert gc.get_count()[0] > 40_000
    assert gc.isenabled()
    # moved to the oldest generation: the next allocation does not traverse them
    assert gc.get_count()[0] < 1000
    assert gc.get_freeze_count() == 0  # nothing left frozen
    assert len(kept) == 50_000


@pytest.mark.usefixtures("collector_on")
def test_a_program_that_froze_objects_keeps_them_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with gc_paused:
            kept = [[i] for i in range(20_000)]
        assert gc.get_freeze_count() == frozen  # its permanent generation is left alone
        assert gc.isenabled()
        assert len(kept) == 20_000
    finally:
        gc.unfreeze()


def test_a_paused_collector_stays_off_when_it_was_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with gc_paused:
            with gc_paused:  # re-entrant
                kept = [[i] for i in range(20_000)]
            assert not gc.isenabled()
        assert not gc.isenabled()
        assert len(kept) == 20_000
    finally:
        if was:
            gc.enable()


# --------------------------------------------------------------------------- one pass


def test_every_value_is_built_in_the_records_own_pass() -> None:
    record = _parse({"job_title": [_value("text", value="Analyst")], "vector": [_value("v")]})
    stored = dict(dict.items(record.values))  # what the map holds, bypassing its reading hooks
    assert isinstance(stored["job_title"][0], TextValue)
    assert type(stored["vector"][0]) is UnknownValue
    assert record.values._pending == set()


def test_python_input_is_still_built_on_first_read() -> None:
    record = attio.Record.model_validate(_record({"job_title": [_value("text", value="A")]}))
    assert isinstance(dict.__getitem__(record.values, "job_title")[0], dict)  # not built yet
    assert record.model_dump(mode="json")["values"]["job_title"][0]["value"] == "A"
    assert isinstance(record.values["job_title"][0], TextValue)


# --------------------------------------------------------------------------- shared field sets


def test_values_with_every_field_set_share_one_set() -> None:
    record = _parse({"a": [_value("text", value="x")], "b": [_value("text", value="y")]})
    first, second = record.values["a"][0], record.values["b"][0]
    assert type(first.model_fields_set) is SharedFieldsSet
    assert first.model_fields_set is second.model_fields_set
    assert first.model_fields_set == set(TextValue.model_fields)


def test_an_assignment_gives_the_model_a_set_of_its_own() -> None:
    body = {"a": [_value("text", value="x")], "b": [_value("text", value="y")]}
    record = _parse(body)
    first, second = record.values["a"][0], record.values["b"][0]
    assert isinstance(first, TextValue)
    first.value = "changed"
    first.note = "an extra field"  # type: ignore[attr-defined]  # extra="allow"
    assert type(first.model_fields_set) is set
    assert "note" in first.model_fields_set
    assert "note" not in second.model_fields_set  # nothing leaked to the sibling
    assert second.model_dump(mode="json") == body["b"][0]
    assert first.model_dump(mode="json") == {
        **body["a"][0],
        "value": "changed",
        "note": "an extra field",
    }


def test_a_value_missing_an_optional_field_keeps_its_exact_set() -> None:
    sent = _value("currency", currency_value=5)  # no currency_code
    record = _parse({"arr": [sent]})
    value = record.values["arr"][0]
    assert isinstance(value, CurrencyValue)
    assert value.model_fields_set == set(sent)
    assert type(value.model_fields_set) is set
    assert value.model_dump(mode="json") == sent  # no "currency_code": null added


def test_copies_and_pickles_get_sets_of_their_own() -> None:
    record = _parse({"a": [_value("text", value="x")]})
    value = record.values["a"][0]
    for other in (copy.copy(value), copy.deepcopy(value), value.model_copy()):
        assert type(other.model_fields_set) is set
        assert other == value
    restored = pickle.loads(pickle.dumps(value))
    assert type(restored.model_fields_set) is set
    assert restored == value
    again = pickle.loads(pickle.dumps(record))
    assert again.model_dump(mode="json") == record.model_dump(mode="json")


# --------------------------------------------------------------------------- actors


def test_actors_of_any_shape_round_trip() -> None:
    odd = {"type": "app", "id": "app-1", "app_name": "Zapier"}
    partial = {"type": "system"}
    sent = {
        "a": [{**_value("text", value="x"), "created_by_actor": odd}],
        "b": [{**_value("text", value="y"), "created_by_actor": partial}],
    }
    record = _parse(sent)
    actor = record.values["a"][0].created_by_actor
    assert isinstance(actor, attio.Actor)
    assert actor.model_extra == {"app_name": "Zapier"}
    assert record.model_dump(mode="json")["values"] == sent
    assert json.loads(record.model_dump_json())["values"] == sent


# --------------------------------------------------------------------------- dumps


def test_a_values_map_dumps_models_and_untouched_input_alike() -> None:
    record = _parse({"a": [_value("text", value="x")]})
    record.values["b"] = [_value("number", value=2)]  # given from Python, not read yet
    dumped = record.model_dump(mode="json")["values"]
    assert dumped == {"a": [_value("text", value="x")], "b": [_value("number", value=2)]}
    assert json.loads(record.model_dump_json())["values"] == dumped
    assert type(record.model_dump()["values"]) is dict


# --------------------------------------------------------------------------- timestamps


@pytest.mark.parametrize(
    "text",
    [
        "\uff12\uff10\uff12\uff14-01-02T03:04:05Z",  # full-width digits
        "2024-01-02T0\u0663:04:05Z",  # an Arabic-Indic three
    ],
)
def test_a_timestamp_takes_ascii_digits_only(text: str) -> None:
    # RFC 3339's DIGIT is ASCII; the Rust pattern's [0-9] (faster than \d) and the Python
    # check agree, so such a value reads as an UnknownValue (kept, dumped back unchanged).
    sent = _value("timestamp", value=text)
    record = _parse({"when": [sent]})
    assert type(record.values["when"][0]) is UnknownValue
    assert record.model_dump(mode="json")["values"]["when"] == [sent]
    with pytest.raises(ValueError):
        attio.Timestamp(text)
