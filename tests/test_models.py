"""API.md §4: ``AttioModel`` round trips add and drop nothing; ``Timestamp`` keeps nanoseconds."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from pydantic import Field, ValidationError

import attio
from attio import Actor, AttioModel, Timestamp


class Inner(AttioModel):
    workspace_id: str
    thing_id: str


class Thing(AttioModel):
    id: Inner
    name: str | None = None
    count: int | None = None
    tags: list[str] | None = None
    created_at: Timestamp | None = None
    created_by_actor: Actor | None = None
    children: list[Inner] | None = None
    model_name: str | None = None  # a name pydantic would protect by default
    json_: str | None = Field(default=None, alias="json")


FULL: dict[str, Any] = {
    "id": {"workspace_id": "w1", "thing_id": "t1", "future_id_part": "x"},
    "name": "Widget",
    "count": 0,
    "tags": [],
    "created_at": "2023-01-01T15:00:00.000000000Z",
    "created_by_actor": {"type": "system", "id": None},
    "children": [{"workspace_id": "w1", "thing_id": "c1", "extra": {"deep": [1, None]}}],
    "model_name": "m",
    "json": "aliased",
    "a_field_from_tomorrow": {"nested": [1, 2.5, "three", None, True]},
}


def roundtrip(model: type[AttioModel], body: dict[str, Any]) -> Any:
    return model.model_validate(body).model_dump(mode="json")


def test_full_round_trip_is_identity() -> None:
    assert roundtrip(Thing, FULL) == FULL
    assert json.loads(Thing.model_validate(FULL).model_dump_json()) == FULL
    assert Thing.model_validate_json(json.dumps(FULL)).model_dump(mode="json") == FULL


def test_absent_fields_stay_absent_and_no_null_is_added() -> None:
    minimal = {"id": {"workspace_id": "w1", "thing_id": "t1"}}
    thing = Thing.model_validate(minimal)
    assert thing.name is None
    assert thing.model_dump(mode="json") == minimal
    assert thing.model_dump_json() == '{"id":{"workspace_id":"w1","thing_id":"t1"}}'


def test_explicit_nulls_are_kept() -> None:
    body = {"id": {"workspace_id": "w1", "thing_id": "t1"}, "name": None, "created_at": None}
    assert roundtrip(Thing, body) == body


def test_unknown_fields_are_kept_nested_too() -> None:
    thing = Thing.model_validate(FULL)
    assert thing.model_extra == {"a_field_from_tomorrow": FULL["a_field_from_tomorrow"]}
    assert thing.id.model_extra == {"future_id_part": "x"}
    assert thing.children is not None
    assert thing.children[0].model_dump(mode="json")["extra"] == {"deep": [1, None]}


def test_aliases_validate_and_dump_by_api_name() -> None:
    thing = Thing.model_validate(FULL)
    assert thing.json_ == "aliased"
    dumped = thing.model_dump(mode="json")
    assert "json" in dumped
    assert "json_" not in dumped
    by_name = Thing(id=Inner(workspace_id="w", thing_id="t"), json_="x")  # type: ignore[call-arg]  # by name
    assert by_name.model_dump(mode="json") == {
        "id": {"workspace_id": "w", "thing_id": "t"},
        "json": "x",
    }


def test_exclude_unset_can_be_turned_off() -> None:
    thing = Thing.model_validate({"id": {"workspace_id": "w1", "thing_id": "t1"}})
    everything = thing.model_dump(mode="json", exclude_unset=False)
    assert everything["name"] is None
    assert "created_at" in everything


def test_python_mode_dump_keeps_models_values() -> None:
    thing = Thing.model_validate(FULL)
    dumped = thing.model_dump()
    assert isinstance(dumped["created_at"], Timestamp)
    assert dumped["created_at"] == FULL["created_at"]


def test_missing_required_field_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as caught:
        Thing.model_validate({"name": "no id"})
    assert caught.value.errors()[0]["loc"] == ("id",)


def test_actor() -> None:
    body = {"type": "workspace-member", "id": "m1"}
    assert roundtrip(Actor, body) == body
    system = Actor.model_validate({"type": "system", "id": None})
    assert system.id is None
    assert roundtrip(Actor, {"type": "a-future-kind", "id": "x"})["type"] == "a-future-kind"


# --------------------------------------------------------------------------- Timestamp


@pytest.mark.parametrize(
    "text",
    [
        "2023-01-01T15:00:00.000000000Z",
        "2022-11-21T13:22:49.061281000Z",
        "2023-01-01T15:00:00.123456789Z",
        "2023-01-01T15:00:00Z",
        "2023-01-01T15:00:00.5+02:00",
        "2023-01-01",
    ],
)
def test_timestamp_round_trip_is_exact(text: str) -> None:
    body = {"id": {"workspace_id": "w", "thing_id": "t"}, "created_at": text}
    assert roundtrip(Thing, body)["created_at"] == text
    assert Thing.model_validate_json(json.dumps(body)).model_dump_json() == json.dumps(
        body, separators=(",", ":")
    )


def test_timestamp_parts() -> None:
    ts = Timestamp("2023-01-01T15:00:00.123456789Z")
    assert ts.datetime == dt.datetime(2023, 1, 1, 15, 0, 0, 123456, tzinfo=dt.timezone.utc)
    assert ts.nanosecond == 789
    assert ts.epoch_ns == 1_672_585_200_123_456_789
    assert isinstance(ts, str)
    assert ts == "2023-01-01T15:00:00.123456789Z"
    assert repr(ts) == "Timestamp('2023-01-01T15:00:00.123456789Z')"


def test_timestamp_with_offset() -> None:
    ts = Timestamp("2023-01-01T17:00:00.000000001+02:00")
    assert ts.datetime.utcoffset() == dt.timedelta(hours=2)
    assert ts.epoch_ns == Timestamp("2023-01-01T15:00:00.000000001Z").epoch_ns
    assert ts.nanosecond == 1


def test_timestamp_from_datetime() -> None:
    moment = dt.datetime(2024, 2, 29, 23, 59, 59, 999999, tzinfo=dt.timezone.utc)
    assert Timestamp.from_datetime(moment) == "2024-02-29T23:59:59.999999000Z"
    assert Timestamp.from_datetime(moment, 123) == "2024-02-29T23:59:59.999999123Z"
    assert Timestamp.from_datetime(moment, 123).nanosecond == 123
    # naive means UTC; other zones are converted to UTC
    assert Timestamp.from_datetime(dt.datetime(2024, 1, 1)) == "2024-01-01T00:00:00.000000000Z"
    paris = dt.datetime(2024, 1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert Timestamp.from_datetime(paris) == "2024-01-01T00:00:00.000000000Z"
    with pytest.raises(ValueError, match="nanosecond"):
        Timestamp.from_datetime(moment, 1000)
    assert Timestamp.from_datetime(moment).datetime == moment


def test_timestamp_accepts_datetime_in_python_mode() -> None:
    moment = dt.datetime(2023, 5, 6, 7, 8, 9, 10, tzinfo=dt.timezone.utc)
    thing = Thing(id=Inner(workspace_id="w", thing_id="t"), created_at=moment)  # type: ignore[arg-type]
    assert isinstance(thing.created_at, Timestamp)
    assert thing.created_at == "2023-05-06T07:08:09.000010000Z"
    assert thing.created_at.datetime == moment
    assert thing.model_dump(mode="json")["created_at"] == "2023-05-06T07:08:09.000010000Z"
    via_validate = Thing.model_validate(
        {"id": {"workspace_id": "w", "thing_id": "t"}, "created_at": moment}
    )
    assert via_validate.created_at == thing.created_at


@pytest.mark.parametrize(
    "garbage",
    [
        "yesterday",
        "",
        "2023-13-01T00:00:00Z",
        "2023-02-30T00:00:00Z",
        "2023-01-01T25:00:00Z",
        "2023-01-01T15:00:00.123Z trailing",
        "2023-01-01T15:00:00+99:00",
        12345,
        ["2023", "01", "01"],
    ],
)
def test_timestamp_rejects_garbage_naming_the_field(garbage: Any) -> None:
    body = {"id": {"workspace_id": "w", "thing_id": "t"}, "created_at": garbage}
    with pytest.raises(ValidationError) as caught:
        Thing.model_validate(body)
    [error] = caught.value.errors()
    assert error["loc"] == ("created_at",)
    if isinstance(garbage, str):
        with pytest.raises(ValidationError, match="created_at"):
            Thing.model_validate_json(json.dumps(body))
        with pytest.raises(ValueError):
            Timestamp(garbage)


def test_timestamp_json_schema_is_a_date_time_string() -> None:
    schema = Thing.model_json_schema(by_alias=True)
    created = schema["properties"]["created_at"]["anyOf"][0]
    assert created == {"type": "string", "format": "date-time"}


def test_timestamp_is_idempotent() -> None:
    ts = Timestamp("2023-01-01T15:00:00Z")
    assert Timestamp(ts) is ts


def test_public_names() -> None:
    for name in ("AttioModel", "Timestamp", "Actor"):
        assert getattr(attio, name) is not None
        assert name in attio.__all__
