"""Values never fail late: hostile but parseable value JSON is read, kept and dumped back exactly.

A value whose common fields (``active_from``, ``active_until``, ``created_by_actor``,
``attribute_type``) do not fit, or that is not even an object, becomes an ``UnknownValue``:
reading it (``values[...]``, ``.items()``, ``repr``, ``plain``), paging through the
attribute-values endpoints and dumping back never raise. Plus the fidelity defects found by
fuzzing the spec: ints in transcripts, RFC 3339 lower-case ``t``/``z``, non-ISO dates, single
models written as one-item lists. Everything goes through the public API; no network, no sleeps.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import warnings
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
from pydantic import TypeAdapter

import attio
from attio.value_map import ValueMap
from attio.values import (
    AttributeValue,
    CurrencyValue,
    DateValue,
    LocationValue,
    NumberValue,
    PersonalNameValue,
    TextValue,
    TimestampValue,
    UnknownValue,
)

WS = "0c7e1f00-0000-4000-8000-000000000001"
OBJ = "0c7e1f00-0000-4000-8000-000000000002"
REC = "0c7e1f00-0000-4000-8000-000000000003"
LIST = "0c7e1f00-0000-4000-8000-000000000004"
ENTRY = "0c7e1f00-0000-4000-8000-000000000005"
ACTOR = {"type": "workspace-member", "id": "0c7e1f00-0000-4000-8000-0000000000aa"}
BASE = "https://attio.test"


def value(attribute_type: Any, /, **fields: Any) -> dict[str, Any]:
    return {
        "active_from": "2024-03-01T10:15:30.123456789Z",
        "active_until": None,
        "created_by_actor": ACTOR,
        "attribute_type": attribute_type,
        **fields,
    }


GOOD = value("text", value="fine")

# One sample per known type, to break their common fields one at a time.
KNOWN: dict[str, dict[str, Any]] = {
    "text": value("text", value="Acme"),
    "number": value("number", value=3),
    "checkbox": value("checkbox", value=True),
    "currency": value("currency", currency_value=12.5, currency_code="EUR"),
    "date": value("date", value="2024-01-02"),
    "timestamp": value("timestamp", value="2024-01-02T03:04:05.000000000Z"),
    "rating": value("rating", value=4),
    "status": value("status", status={"title": "Won", "is_archived": False}),
    "select": value("select", option={"title": "Gold", "is_archived": False}),
    "record-reference": value("record-reference", target_object="people", target_record_id=REC),
    "actor-reference": value(
        "actor-reference", referenced_actor_type="system", referenced_actor_id=None
    ),
    "location": value(
        "location",
        line_1="1 Road",
        line_2=None,
        line_3=None,
        line_4=None,
        locality="Town",
        region=None,
        postcode=None,
        country_code="GB",
        latitude="1.5",
        longitude="2.5",
    ),
    "domain": value("domain", domain="acme.example", root_domain="acme.example"),
    "email-address": value(
        "email-address",
        original_email_address="a@acme.example",
        email_address="a@acme.example",
        email_domain="acme.example",
        email_root_domain="acme.example",
        email_local_specifier="a",
    ),
    "phone-number": value(
        "phone-number",
        original_phone_number="+15550000",
        phone_number="+15550000",
        country_code="US",
    ),
    "interaction": value(
        "interaction",
        interaction_type="email",
        interacted_at="2024-01-02T00:00:00Z",
        owner_actor=ACTOR,
    ),
    "personal-name": value("personal-name", first_name="A", last_name="B", full_name="A B"),
    "vector-embedding": value("vector-embedding", value=[0.5, 1]),
}

# Common fields that do not fit, each kept as it came.
MALFORMED_COMMON: dict[str, tuple[str, Any]] = {
    "active_from-text": ("active_from", "yesterday"),
    "active_from-number": ("active_from", 1704164645),
    "active_from-object": ("active_from", {"at": "2024-01-01"}),
    "active_from-year-0": ("active_from", "0000-01-01T00:00:00Z"),
    "active_until-text": ("active_until", "wrong"),
    "active_until-list": ("active_until", ["2024-01-01T00:00:00Z"]),
    "actor-text": ("created_by_actor", "bob"),
    "actor-list": ("created_by_actor", [ACTOR]),
    "actor-type-int": ("created_by_actor", {"type": 5, "id": "x"}),
    "actor-id-list": ("created_by_actor", {"type": "system", "id": [1]}),
    "attribute_type-int": ("attribute_type", 5),
    "attribute_type-null": ("attribute_type", None),
    "attribute_type-list": ("attribute_type", ["text"]),
    "attribute_type-object": ("attribute_type", {"name": "text"}),
}

NOT_OBJECTS: list[Any] = [5, 2.5, "text", None, True, [GOOD], []]


def broken(sample: dict[str, Any], key: str, bad: Any) -> dict[str, Any]:
    return {**copy.deepcopy(sample), key: bad}


def record_body(values: dict[str, list[Any]]) -> dict[str, Any]:
    return {
        "id": {"workspace_id": WS, "object_id": OBJ, "record_id": REC},
        "created_at": "2024-03-01T10:00:00.000000000Z",
        "web_url": f"https://app.attio.com/acme/person/{REC}",
        "values": values,
    }


def entry_body(values: dict[str, list[Any]]) -> dict[str, Any]:
    return {
        "id": {"workspace_id": WS, "list_id": LIST, "entry_id": ENTRY},
        "parent_record_id": REC,
        "parent_object": "people",
        "created_at": "2024-03-01T10:00:00.000000000Z",
        "entry_values": values,
    }


def read_everything(item: attio.Record | attio.Entry, attribute: str) -> None:
    """Every read path of a values map; none may raise."""
    mapping = item.values if isinstance(item, attio.Record) else item.entry_values
    repr(item)
    str(item)
    list(mapping.items())
    list(mapping.values())
    for key in mapping:
        for one in mapping[key]:
            repr(one)
            one.plain  # noqa: B018 - reading is the test
            one.is_active  # noqa: B018
    assert mapping == mapping.copy()
    item.plain(attribute)
    item.plain_values(attribute)
    item.values_of(attribute, historic=True)
    item.first(attribute)


def both_ways(
    cls: type[attio.Record] | type[attio.Entry], body: dict[str, Any]
) -> list[attio.Record | attio.Entry]:
    return [cls.model_validate_json(json.dumps(body)), cls.model_validate(copy.deepcopy(body))]


# --------------------------------------------------------------------------- common fields


@pytest.mark.parametrize("case", list(MALFORMED_COMMON))
@pytest.mark.parametrize("cls", [attio.Record, attio.Entry])
def test_a_malformed_common_field_never_fails_a_read(
    case: str, cls: type[attio.Record] | type[attio.Entry]
) -> None:
    key, bad = MALFORMED_COMMON[case]
    values = {"x": [GOOD, broken(GOOD, key, bad)], "y": [GOOD]}
    body = record_body(values) if cls is attio.Record else entry_body(values)
    for item in both_ways(cls, body):
        # Lazily parsed: dumped before any read ...
        assert item.model_dump(mode="json") == body
        read_everything(item, "x")
        mapping = item.values if isinstance(item, attio.Record) else item.entry_values
        first, second = mapping["x"]
        assert type(first) is TextValue
        assert type(second) is UnknownValue
        assert second.malformed == {key: bad}
        assert second.plain == "fine"
        # ... and after every model was built, exactly as received.
        assert item.model_dump(mode="json") == body
        assert json.loads(item.model_dump_json()) == body
        assert cls.model_validate(item.model_dump(mode="json")).model_dump(mode="json") == body
        assert cls.model_validate_json(item.model_dump_json()).model_dump(mode="json") == body


@pytest.mark.parametrize("case", list(MALFORMED_COMMON))
@pytest.mark.parametrize("attribute_type", list(KNOWN))
def test_every_type_with_a_malformed_common_field_becomes_unknown(
    attribute_type: str, case: str
) -> None:
    key, bad = MALFORMED_COMMON[case]
    body = broken(KNOWN[attribute_type], key, bad)
    adapter: TypeAdapter[AttributeValue] = TypeAdapter(AttributeValue)
    for parsed in (adapter.validate_json(json.dumps(body)), adapter.validate_python(body)):
        assert type(parsed) is UnknownValue
        assert parsed.model_dump(mode="json") == body
        assert json.loads(parsed.model_dump_json()) == body
        assert parsed.raw == body
        repr(parsed)
        parsed.to_write()


def test_the_well_formed_common_fields_stay_typed() -> None:
    record = attio.Record.model_validate_json(
        json.dumps(record_body({"x": [broken(GOOD, "created_by_actor", "bob")]}))
    )
    [salvaged] = record.values["x"]
    assert isinstance(salvaged, UnknownValue)
    assert isinstance(salvaged.active_from, attio.Timestamp)
    assert salvaged.active_from.nanosecond == 789
    assert salvaged.created_by_actor is None  # did not fit: read as absent ...
    assert salvaged.malformed == {"created_by_actor": "bob"}  # ... kept as sent
    assert salvaged.attribute_type == "text"
    assert salvaged.fields == {"value": "fine"}
    assert "malformed={'created_by_actor': 'bob'}" in repr(salvaged)


def test_a_malformed_active_until_is_not_a_current_value() -> None:
    historic = broken(value("text", value="old"), "active_until", "last year")
    record = attio.Record.model_validate_json(
        json.dumps(record_body({"x": [historic, value("text", value="new")]}))
    )
    assert record.plain("x") == "new"
    assert record.plain_values("x") == ["new"]
    assert [v.plain for v in record.values_of("x", historic=True)] == ["old", "new"]
    assert not record.values["x"][0].is_active


def test_a_missing_attribute_type_is_not_malformed() -> None:
    body = {"active_from": "2024-01-01T00:00:00Z", "value": 1}
    parsed = TypeAdapter(AttributeValue).validate_json(json.dumps(body))
    assert type(parsed) is UnknownValue
    assert parsed.malformed == {}
    assert parsed.model_dump(mode="json") == body


# --------------------------------------------------------------------------- not objects


@pytest.mark.parametrize("thing", NOT_OBJECTS, ids=repr)
def test_a_value_that_is_not_an_object_is_kept_whole(thing: Any) -> None:
    adapter: TypeAdapter[list[AttributeValue]] = TypeAdapter(list[AttributeValue])
    page = [GOOD, thing]
    for parsed in (adapter.validate_json(json.dumps(page)), adapter.validate_python(page)):
        good, odd = parsed
        assert type(good) is TextValue
        assert type(odd) is UnknownValue
        assert odd.raw == thing
        assert odd.plain == thing
        assert odd.fields == {}
        assert odd.is_active
        assert odd.to_write() == thing
        assert repr(odd) == f"UnknownValue(raw={thing!r})"
        assert adapter.dump_python(parsed, mode="json") == page
        assert json.loads(adapter.dump_json(parsed)) == page


def test_a_non_object_set_into_a_values_map_reads_and_dumps() -> None:
    record = attio.Record.model_validate_json(json.dumps(record_body({"x": [GOOD]})))
    record.values["x"] = [GOOD, "oops", 7]
    read_everything(record, "x")
    assert [type(v) for v in record.values["x"]] == [TextValue, UnknownValue, UnknownValue]
    assert record.model_dump(mode="json")["values"]["x"] == [GOOD, "oops", 7]


def test_a_values_map_refuses_a_non_list_at_once() -> None:
    record = attio.Record.model_validate_json(json.dumps(record_body({"x": [GOOD]})))
    with pytest.raises(TypeError, match="list"):
        record.values["x"] = GOOD  # type: ignore[assignment]
    with pytest.raises(TypeError):
        record.values.update({"y": "text"})
    assert list(record.values) == ["x"]
    read_everything(record, "x")


# --------------------------------------------------------------------------- UnknownValue itself


@pytest.mark.parametrize("attribute_type", [5, None, ["text"], {"a": 1}, 2.5, True])
def test_unknown_value_keeps_a_non_string_attribute_type(attribute_type: Any) -> None:
    body = value(attribute_type, value="x")
    from_python = UnknownValue.model_validate(copy.deepcopy(body))
    from_json = UnknownValue.model_validate_json(json.dumps(body))
    for parsed in (from_python, from_json):
        assert parsed.attribute_type == ""
        assert parsed.malformed == {"attribute_type": attribute_type}
        assert parsed.model_dump(mode="json") == body
        assert json.loads(parsed.model_dump_json()) == body
        assert parsed.to_write() == {"value": "x"}
        assert pickle.loads(pickle.dumps(parsed)) == parsed
        assert copy.deepcopy(parsed) == parsed
        assert copy.copy(parsed).model_dump(mode="json") == body
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        built = UnknownValue(attribute_type=attribute_type, value="x")
    assert built.model_dump(mode="json") == {"attribute_type": attribute_type, "value": "x"}


def test_a_field_set_after_reading_replaces_the_malformed_one() -> None:
    parsed = UnknownValue.model_validate(value("text", value="x", active_from="soon"))
    parsed.active_from = attio.Timestamp("2024-05-06T07:08:09Z")
    assert parsed.model_dump(mode="json")["active_from"] == "2024-05-06T07:08:09Z"
    changed = parsed.model_copy(update={"attribute_type": "text"})
    assert changed.model_dump(mode="json")["attribute_type"] == "text"


def test_dump_options_apply_to_kept_fields() -> None:
    parsed = UnknownValue.model_validate(value(None, value="x", active_from="soon"))
    assert "active_from" not in parsed.model_dump(mode="json", exclude={"active_from"})
    assert parsed.model_dump(mode="json", include={"value"}) == {"value": "x"}
    assert "attribute_type" not in parsed.model_dump(mode="json", exclude_none=True)
    assert parsed.model_dump(mode="json", exclude_unset=False)["active_from"] == "soon"


def test_the_json_schema_of_a_value_is_still_a_schema() -> None:
    schema = TypeAdapter(AttributeValue).json_schema()
    assert "UnknownValue" in json.dumps(schema)
    assert UnknownValue.model_json_schema()["type"] == "object"


# --------------------------------------------------------------------------- values endpoints

Handler = Callable[[httpx.Request], httpx.Response]


def sync_client(handler: Handler) -> attio.Client:
    transport = httpx.MockTransport(handler)
    return attio.Client(api_key="k", http_client=httpx.Client(transport=transport, base_url=BASE))


def async_client(handler: Handler) -> attio.AsyncClient:
    transport = httpx.MockTransport(handler)
    http = httpx.AsyncClient(transport=transport, base_url=BASE)
    return attio.AsyncClient(api_key="k", http_client=http)


HOSTILE_PAGE: list[Any] = [
    GOOD,
    broken(GOOD, "active_from", "yesterday"),
    broken(GOOD, "active_until", 17),
    broken(GOOD, "created_by_actor", {"type": 5, "id": None}),
    broken(GOOD, "attribute_type", 5),
    broken(GOOD, "attribute_type", None),
    broken(GOOD, "attribute_type", ["text"]),
    value("number", value="5"),
    "not an object",
    None,
    value("text", value="last"),
]


def answer(page: list[Any], seen: list[httpx.Request]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": page})

    return handler


def check_page(got: list[AttributeValue]) -> None:
    assert len(got) == len(HOSTILE_PAGE)
    assert type(got[0]) is TextValue
    assert type(got[-1]) is TextValue
    assert all(type(v) is UnknownValue for v in got[1:-1])
    dumped = TypeAdapter(list[AttributeValue]).dump_python(got, mode="json")
    assert dumped == HOSTILE_PAGE
    for one in got:
        repr(one)
        one.plain  # noqa: B018


def test_record_attribute_values_keep_a_hostile_page_sync() -> None:
    seen: list[httpx.Request] = []
    with sync_client(answer(HOSTILE_PAGE, seen)) as client:
        page = attio.Record.list_attribute_values(client, "people", REC, "name", show_historic=True)
    check_page(page.data)
    assert seen[0].url.path == f"/v2/objects/people/records/{REC}/attributes/name/values"


async def test_record_attribute_values_keep_a_hostile_page_async() -> None:
    seen: list[httpx.Request] = []
    async with async_client(answer(HOSTILE_PAGE, seen)) as client:
        page = await attio.Record.list_attribute_values_async(client, "people", REC, "name")
    check_page(page.data)


def test_entry_attribute_values_keep_a_hostile_page_sync() -> None:
    seen: list[httpx.Request] = []
    with sync_client(answer(HOSTILE_PAGE, seen)) as client:
        page = attio.Entry.list_attribute_values(client, "pipeline", ENTRY, "stage")
    check_page(page.data)
    assert seen[0].url.path == f"/v2/lists/pipeline/entries/{ENTRY}/attributes/stage/values"


async def test_entry_attribute_values_keep_a_hostile_page_async() -> None:
    seen: list[httpx.Request] = []
    async with async_client(answer(HOSTILE_PAGE, seen)) as client:
        page = await attio.Entry.list_attribute_values_async(client, "pipeline", ENTRY, "stage")
    check_page(page.data)


def test_a_records_page_with_malformed_values_reads_every_record() -> None:
    records = [record_body({"x": [broken(GOOD, "active_from", n)], "y": [GOOD]}) for n in range(3)]
    seen: list[httpx.Request] = []
    with sync_client(answer(records, seen)) as client:
        page = attio.Record.list(client, "people")
    assert len(page.data) == 3
    for record, body in zip(page.data, records, strict=True):
        read_everything(record, "x")
        assert record.model_dump(mode="json") == body


# --------------------------------------------------------------------------- strict numbers, bools


@pytest.mark.parametrize(
    "body",
    [
        value("number", value="5"),
        value("number", value=True),
        value("rating", value="4"),
        value("currency", currency_value="4.99"),
        value("checkbox", value=1),
        value("checkbox", value="true"),
        value("select", option={"title": "Gold", "is_archived": "no"}),
        value("status", status={"title": "Won", "celebration_enabled": 0}),
    ],
    ids=lambda body: f"{body['attribute_type']}",
)
def test_coercible_but_wrong_types_are_kept_not_coerced(body: dict[str, Any]) -> None:
    adapter: TypeAdapter[AttributeValue] = TypeAdapter(AttributeValue)
    for parsed in (adapter.validate_json(json.dumps(body)), adapter.validate_python(body)):
        assert type(parsed) is UnknownValue
        assert parsed.model_dump(mode="json") == body
        assert json.loads(parsed.model_dump_json()) == body


def test_numbers_keep_their_json_type() -> None:
    adapter: TypeAdapter[AttributeValue] = TypeAdapter(AttributeValue)
    for number in (0, -0.0, 7, 7.0, 2**70, 0.125):
        body = value("number", value=number)
        parsed = adapter.validate_json(json.dumps(body))
        assert isinstance(parsed, NumberValue)
        assert type(parsed.value) is type(number)
        assert json.loads(parsed.model_dump_json()) == body
        assert parsed.model_dump_json().endswith(f'"value":{json.dumps(number)}}}')


def test_currency_plain_is_exact_for_large_ints() -> None:
    parsed = CurrencyValue.model_validate(value("currency", currency_value=10**30 + 1))
    assert parsed.plain == Decimal(10**30 + 1)


# --------------------------------------------------------------------------- transcripts


def transcript(segments: list[dict[str, Any]], cursor: str | None) -> dict[str, Any]:
    return {
        "data": {
            "id": {"workspace_id": WS, "meeting_id": "m-1", "call_recording_id": "c-1"},
            "transcript": segments,
            "raw_transcript": "hi",
            "web_url": "https://app.attio.com/acme/calls/m-1/c-1",
        },
        "pagination": {"next_cursor": cursor},
    }


SEGMENTS = [
    {"speech": "hi", "start_time": 0, "end_time": 1, "speaker": {"name": "Ada"}},
    {"speech": "yo", "start_time": 1.5, "end_time": 2.0, "speaker": {"name": "Bob"}},
]


def test_transcript_times_keep_ints_as_ints() -> None:
    body = transcript(SEGMENTS, None)["data"]
    for parsed in (
        attio.Transcript.model_validate_json(json.dumps(body)),
        attio.Transcript.model_validate(copy.deepcopy(body)),
    ):
        assert parsed.transcript is not None
        times = [(s.start_time, s.end_time) for s in parsed.transcript]
        assert [tuple(type(t) for t in pair) for pair in times] == [(int, int), (float, float)]
        assert parsed.model_dump(mode="json") == body
        assert '"start_time":0,' in parsed.model_dump_json()


def test_transcript_ints_survive_the_merge_of_cursor_pages() -> None:
    pages = [transcript(SEGMENTS[:1], "next"), transcript(SEGMENTS[1:], None)]
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=pages[len(seen) - 1])

    with sync_client(handler) as client:
        got = attio.Transcript.get(client, "m-1", "c-1")
    assert len(seen) == 2
    assert got.model_dump(mode="json")["transcript"] == SEGMENTS
    assert got.transcript is not None
    assert type(got.transcript[0].start_time) is int


# --------------------------------------------------------------------------- timestamps


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2024-01-02t03:04:05.123456789z",
            dt.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=dt.timezone.utc),
        ),
        ("2024-01-02T03:04:05z", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)),
        (
            "2024-01-02t03:04:05+02:00",
            dt.datetime(2024, 1, 2, 1, 4, 5, tzinfo=dt.timezone.utc),
        ),
    ],
)
def test_lower_case_rfc3339_timestamps(text: str, expected: dt.datetime) -> None:
    stamp = attio.Timestamp(text)
    assert stamp == text
    assert stamp.datetime == expected
    body = record_body({"when": [value("timestamp", value=text, active_from=text)]})
    body["created_at"] = text
    for record in both_ways(attio.Record, body):
        assert isinstance(record, attio.Record)
        assert record.created_at == text
        [when] = record.values["when"]
        assert type(when) is TimestampValue
        assert when.plain == expected
        assert when.active_from is not None
        assert when.active_from.datetime == expected
        assert record.model_dump(mode="json") == body
        assert json.loads(record.model_dump_json()) == body
        assert f'"{text}"' in record.model_dump_json()


def test_year_zero_is_not_a_timestamp_but_a_kept_value() -> None:
    with pytest.raises(ValueError):
        attio.Timestamp("0000-01-01T00:00:00Z")
    body = value("timestamp", value="0000-01-01T00:00:00Z")
    parsed = TypeAdapter(AttributeValue).validate_json(json.dumps(body))
    assert type(parsed) is UnknownValue
    assert parsed.model_dump(mode="json") == body
    assert attio.Timestamp("0001-01-01T00:00:00Z").datetime.year == 1


# --------------------------------------------------------------------------- plain never raises


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-02", dt.date(2024, 1, 2)),
        ("2024-01-02T10:00:00.000000000Z", dt.date(2024, 1, 2)),
        ("2024-02-30", "2024-02-30"),
        ("next week", "next week"),
        ("2024-1-2", "2024-1-2"),
        ("20240102", "20240102"),
        ("2024-01-02 junk", dt.date(2024, 1, 2)),
        ("2024-01-02junk", "2024-01-02junk"),
        ("", ""),
    ],
)
def test_date_plain_falls_back_to_the_text(text: str, expected: dt.date | str) -> None:
    body = record_body({"born": [value("date", value=text)]})
    record = attio.Record.model_validate_json(json.dumps(body))
    [born] = record.values["born"]
    assert type(born) is DateValue
    assert born.plain == expected
    assert type(born.plain) is type(expected)
    assert record.plain("born") == expected
    assert born.to_write() == {"value": text}
    assert record.model_dump(mode="json") == body


def test_location_coordinates_that_are_not_numbers() -> None:
    body = value(
        "location",
        line_1="1 Road",
        line_2=None,
        line_3=None,
        line_4=None,
        locality=None,
        region=None,
        postcode=None,
        country_code=None,
        latitude="north",
        longitude="2.5",
    )
    parsed = TypeAdapter(AttributeValue).validate_json(json.dumps(body))
    assert isinstance(parsed, LocationValue)
    assert parsed.coordinates is None
    assert parsed.plain == "1 Road"
    assert parsed.model_dump(mode="json") == body


# --------------------------------------------------------------------------- writes


def capture(reply: dict[str, Any], seen: list[httpx.Request]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(200, json={"data": reply})

    return handler


NAME = value("personal-name", first_name="Ada", last_name="Lovelace", full_name="Ada Lovelace")
NAME_WRITE = {"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"}


def test_a_single_model_is_written_as_a_one_item_list() -> None:
    source = attio.Record.model_validate(record_body({"name": [NAME], "job": [GOOD]}))
    name = source.first("name")
    assert isinstance(name, PersonalNameValue)
    seen: list[httpx.Request] = []
    with sync_client(capture(record_body({}), seen)) as client:
        attio.Record.create(
            client,
            "people",
            {
                "name": name,
                "job_title": source.values_of("job"),
                "plain_dict": {"value": "bare"},
                "plain_text": "x",
            },
        )
        attio.Record.update(client, "people", REC, {"name": name}, overwrite=True)
        attio.Record.upsert(client, "people", {"name": name}, matching_attribute="email_addresses")
    sent = [json.loads(request.content) for request in seen]
    assert sent[0] == {
        "data": {
            "values": {
                "name": [NAME_WRITE],
                "job_title": [{"value": "fine"}],
                "plain_dict": {"value": "bare"},  # Attio's single-value shape: unchanged
                "plain_text": "x",
            }
        }
    }
    assert sent[1] == {"data": {"values": {"name": [NAME_WRITE]}}}
    assert sent[2] == {"data": {"values": {"name": [NAME_WRITE]}}}


async def test_a_single_model_is_written_as_a_one_item_list_async() -> None:
    name = PersonalNameValue.model_validate(NAME)
    seen: list[httpx.Request] = []
    async with async_client(capture(entry_body({}), seen)) as client:
        await attio.Entry.create_async(
            client,
            "pipeline",
            parent_object="people",
            parent_record_id=REC,
            entry_values={"owner": name, "note": {"value": "bare"}},
        )
    assert json.loads(seen[0].content)["data"]["entry_values"] == {
        "owner": [NAME_WRITE],
        "note": {"value": "bare"},
    }


def test_a_salvaged_value_writes_its_fields() -> None:
    salvaged = TypeAdapter(AttributeValue).validate_python(broken(GOOD, "active_from", "yesterday"))
    assert attio.values.to_write_values({"x": salvaged}) == {"x": [{"value": "fine"}]}
    odd = TypeAdapter(AttributeValue).validate_python("just text")
    assert attio.values.to_write_values({"x": odd, "y": [odd]}) == {
        "x": ["just text"],
        "y": ["just text"],
    }


def test_value_map_of_hostile_values_is_a_value_map() -> None:
    record = attio.Record.model_validate_json(
        json.dumps(record_body({"x": [broken(GOOD, "attribute_type", 5)]}))
    )
    assert isinstance(record.values, ValueMap)
    assert pickle.loads(pickle.dumps(record)).model_dump(mode="json") == record.model_dump(
        mode="json"
    )
