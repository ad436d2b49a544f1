"""Write builders (``attio.write`` and plain Python values) against Attio's documented JSON.

For every writable attribute type (the 15 types ``POST .../attributes`` can create, plus
``personal-name``, which only the standard ``people.name`` has) each case:

* builds the value with :mod:`attio.write` or a plain Python value, runs it through what the
  client does to a ``values`` map (:func:`attio.values.to_write_values`, then the request
  encoder :func:`attio._request.encode_json`) and compares the exact JSON text with the shape
  ``../shared/attio-api.md`` §4 documents;
* validates the ``POST /v2/objects/{object}/records`` (and ``POST /v2/lists/{list}/entries``)
  request body against ``../shared/attio-openapi.json`` with the small OpenAPI-3 validator
  below (every object item also against ``#/components/schemas/input-value``, the spec's
  union of write shapes); skipped when the spec is absent;
* sends it with :meth:`attio.Record.create` (and :meth:`attio.Entry.create`) to
  :class:`attio.testing.FakeAttio`, sync and async, and reads the stored value back.

The spec types the ``values`` map as ``{slug: array}``; attio-api.md §4 notes the docs also take
a bare value for a single-value attribute. Cases are therefore written as one-item (or
multi-item) lists, the form both accept; :func:`test_bare_values_diverge_from_the_spec` pins the
divergence.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

import httpx
import pytest

import attio
from attio import write as w
from attio._attribute_paths import Target
from attio._request import encode_json
from attio.attributes import CreatableAttributeType
from attio.testing import FakeAttio
from attio.values import to_write_values
from tests.conftest import OPENAPI, require_shared
from tests.samples import create_attribute

# ---------------------------------------------------------------------------- the validator

JSON = Any
_PLACEHOLDER = re.compile(r"^\[.+\]$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")


def _type_ok(value: JSON, kind: str) -> bool:
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    raise AssertionError(f"the validator does not know the type {kind!r}")


def _format_ok(value: str, fmt: str) -> bool:
    """Formats, loosely: uuid, date and date-time are checked; others (uri, email...) pass."""
    if fmt == "uuid":
        return bool(_UUID.match(value))
    if fmt == "date":
        return bool(_DATE.match(value))
    if fmt == "date-time":
        return bool(_DATE_TIME.match(value))
    return True


def validate(value: JSON, schema: JSON, root: JSON, where: str = "$") -> list[str]:
    """The errors of ``value`` against an OpenAPI 3.0/3.1 ``schema`` (``[]``: valid).

    Supports ``$ref`` (local), ``type`` (a name or a list of names), ``nullable``, ``enum``,
    ``properties``, ``required``, ``additionalProperties`` (bool or schema), ``items``,
    ``minItems``/``maxItems``, ``minLength``, ``pattern``, ``format`` (loosely), ``oneOf``,
    ``anyOf`` and ``allOf``. A property named ``[like_this]`` is the spec's placeholder for a
    key chosen by the caller (the matching attribute of a record reference): it is required as
    "some other key whose value matches this schema".
    """
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/"), ref
        target = root
        for part in ref[2:].split("/"):
            target = target[part]
        return validate(value, target, root, where)
    errors: list[str] = []
    nullable = schema.get("nullable") is True
    if value is None and nullable:
        return []
    kinds = schema.get("type")
    if kinds is not None:
        names = kinds if isinstance(kinds, list) else [kinds]
        if not any(_type_ok(value, name) for name in names):
            return [f"{where}: expected {'|'.join(names)}, got {type(value).__name__}"]
    null_ok = value is None and (nullable or "null" in (kinds or []))
    if "enum" in schema and value not in schema["enum"] and not null_ok:
        errors.append(f"{where}: {value!r} is not one of the enum")
    if isinstance(value, str):
        if "minLength" in schema and len(value) < schema["minLength"]:
            errors.append(f"{where}: shorter than {schema['minLength']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
        if "format" in schema and not _format_ok(value, schema["format"]):
            errors.append(f"{where}: {value!r} is not a {schema['format']}")
    if isinstance(value, dict):
        errors.extend(_object_errors(value, schema, root, where))
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append(f"{where}: fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{where}: more than {schema['maxItems']} items")
        if "items" in schema:
            for index, item in enumerate(value):
                errors.extend(validate(item, schema["items"], root, f"{where}[{index}]"))
    for sub in schema.get("allOf", []):
        errors.extend(validate(value, sub, root, where))
    if "anyOf" in schema:
        results = [validate(value, sub, root, where) for sub in schema["anyOf"]]
        if all(results):
            errors.append(f"{where}: matches none of anyOf ({_closest(results)})")
    if "oneOf" in schema:
        results = [validate(value, sub, root, where) for sub in schema["oneOf"]]
        passing = sum(1 for result in results if not result)
        if passing != 1:
            errors.append(f"{where}: matches {passing} of oneOf ({_closest(results)})")
    return errors


def _closest(results: list[list[str]]) -> str:
    return "; ".join(min(results, key=len)[:3])


def _object_errors(value: dict[str, JSON], schema: JSON, root: JSON, where: str) -> list[str]:
    errors: list[str] = []
    properties: dict[str, JSON] = schema.get("properties", {})
    named = {key: sub for key, sub in properties.items() if not _PLACEHOLDER.match(key)}
    placeholders = [sub for key, sub in properties.items() if _PLACEHOLDER.match(key)]
    extra = [key for key in value if key not in named]
    for key in schema.get("required", []):
        if _PLACEHOLDER.match(key):
            if not extra:
                errors.append(f"{where}: needs a key for {key}")
        elif key not in value:
            errors.append(f"{where}: {key!r} is required")
    for key, item in value.items():
        if key in named:
            errors.extend(validate(item, named[key], root, f"{where}.{key}"))
        elif placeholders:
            for sub in placeholders:
                errors.extend(validate(item, sub, root, f"{where}.{key}"))
        else:
            additional = schema.get("additionalProperties", True)
            if additional is False:
                errors.append(f"{where}: {key!r} is not allowed")
            elif isinstance(additional, dict):
                errors.extend(validate(item, additional, root, f"{where}.{key}"))
    return errors


@cache
def _spec() -> JSON:
    return json.loads(require_shared(OPENAPI).read_text(encoding="utf-8"))


def spec() -> JSON:
    """The saved OpenAPI document (the test is skipped when ``../shared`` is absent)."""
    require_shared(OPENAPI)
    return _spec()


def request_schema(path: str, method: str = "post") -> JSON:
    return spec()["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]


def assert_valid(value: JSON, schema: JSON) -> None:
    errors = validate(value, schema, spec())
    assert not errors, "\n".join(errors)


INPUT_VALUE = {"$ref": "#/components/schemas/input-value"}
RECORDS_POST = "/v2/objects/{object}/records"
ENTRIES_POST = "/v2/lists/{list}/entries"


def _describes(variant: JSON, key: str, kind: str | None = None, text: str = "") -> bool:
    prop = variant.get("properties", {}).get(key)
    if prop is None:
        return False
    if kind is not None and prop.get("type") != kind:
        return False
    return text in (prop.get("description") or "")


# Which variants of input-value (a union of loose object shapes: ``{"domain": ...}`` has no
# ``required``, so nearly any object matches the union) describe each attribute type's write.
_VARIANTS: dict[str, Callable[[JSON], bool]] = {
    "actor-reference": lambda v: (
        _describes(v, "referenced_actor_type") or _describes(v, "workspace_member_email_address")
    ),
    "checkbox": lambda v: _describes(v, "value", "boolean"),
    "currency": lambda v: _describes(v, "currency_value"),
    "date": lambda v: _describes(v, "value", "string", "A date "),
    "domain": lambda v: _describes(v, "domain"),
    "email-address": lambda v: _describes(v, "email_address"),
    "record-reference": lambda v: _describes(v, "target_object"),
    "location": lambda v: _describes(v, "line_1"),
    "number": lambda v: _describes(v, "value", "number", "Numbers"),
    "personal-name": lambda v: _describes(v, "full_name"),
    "phone-number": lambda v: _describes(v, "original_phone_number"),
    "status": lambda v: _describes(v, "status"),
    "rating": lambda v: _describes(v, "value", "number", "rating"),
    "select": lambda v: _describes(v, "option"),
    "text": lambda v: _describes(v, "value", "string", "text"),
    "timestamp": lambda v: _describes(v, "value", "string", "A timestamp"),
}


def write_schema(kind: str) -> JSON:
    """The spec's write shape(s) for ``kind``: the matching variants of input-value.

    attio-api.md §8.4: the spec declares timestamp values ``format: date`` although they are
    date-times; that variant is read with ``format: date-time``.
    """
    variants = [
        v for v in spec()["components"]["schemas"]["input-value"]["anyOf"] if _VARIANTS[kind](v)
    ]
    assert variants, f"input-value has no variant for {kind}"
    if kind == "timestamp":
        variants = json.loads(
            json.dumps(variants).replace('"format": "date"', '"format": "date-time"')
        )
    return {"anyOf": variants}


def assert_values_valid(values: dict[str, list[JSON]], kinds: dict[str, str]) -> None:
    """Each object item against input-value and against its own type's variant(s)."""
    for slug, items in values.items():
        for item in items:
            if isinstance(item, dict):
                assert_valid(item, INPUT_VALUE)
                assert_valid(item, write_schema(kinds[slug]))


def assert_record_body_valid(body: JSON, kinds: dict[str, str]) -> None:
    """The records create/assert body against the spec, and every value item."""
    assert_valid(body, request_schema(RECORDS_POST))
    assert_valid(body, request_schema(RECORDS_POST, "put"))
    assert_values_valid(body["data"]["values"], kinds)


# ---------------------------------------------------------------------------- its own tests


def test_validator_is_not_vacuous() -> None:
    records = request_schema(RECORDS_POST)
    root = spec()
    assert validate({"data": {"values": {"x": ["a"]}}}, records, root) == []
    assert validate({"data": {}}, records, root)  # values required
    assert validate({"data": {"values": {"x": "a"}}}, records, root)  # not an array
    # input-value is a union of loose shapes ({"domain"} requires nothing): almost any object
    # matches it, so each type's write is also checked against its own variant(s)
    assert validate({"anything": 1}, INPUT_VALUE, root) == []
    actor = write_schema("actor-reference")
    member = str(uuid.UUID(int=1))
    assert validate({"referenced_actor_type": "workspace-member"}, actor, root)
    assert validate({"referenced_actor_type": "robot", "referenced_actor_id": member}, actor, root)
    wrong_id = {"referenced_actor_type": "workspace-member", "referenced_actor_id": "x"}
    assert validate(wrong_id, actor, root)
    assert validate({"status": ""}, write_schema("status"), root)  # minLength 1
    assert validate({"currency_value": 1, "currency_code": "USD"}, write_schema("currency"), root)
    assert validate({"value": "2024-01-02"}, write_schema("timestamp"), root)
    assert validate({"value": "2024-01-02T03:04:05Z"}, write_schema("timestamp"), root) == []
    assert validate({"value": 6}, write_schema("checkbox"), root)
    # the placeholder of a matching-attribute reference: some key, holding an array of matches
    ref = write_schema("record-reference")
    assert validate({"target_object": "companies"}, ref, root)
    by_domain = {"target_object": "companies", "domains": [{"domain": "a.b"}]}
    assert validate(by_domain, ref, root) == []
    assert validate({"target_object": "companies", "domains": "a.b"}, ref, root)
    assert validate({"target_object": "companies", "target_record_id": member}, ref, root) == []
    location = dict.fromkeys(
        ("line_1", "line_2", "line_3", "line_4", "locality", "region", "postcode"), None
    )
    good = {**location, "country_code": "GB", "latitude": "51.5", "longitude": "-0.12"}
    loc = write_schema("location")
    assert validate(good, loc, root) == []
    assert validate({**good, "latitude": "north"}, loc, root)
    assert validate({**good, "country_code": "XX"}, loc, root)
    del good["line_4"]
    assert validate(good, loc, root)
    # the mechanics the spec does not exercise above
    tiny = {"oneOf": [{"type": "string"}, {"type": "string", "minLength": 2}]}
    assert validate("a", tiny, root) == []
    assert validate("ab", tiny, root)  # both match: not exactly one
    assert validate(3, {"allOf": [{"type": "integer"}, {"enum": [3]}]}, root) == []
    assert validate(None, {"type": "string", "nullable": True}, root) == []
    assert validate(None, {"type": "string"}, root)
    assert validate("2024-13", {"type": "string", "format": "date"}, root)
    assert validate([1, 2, 3], {"type": "array", "maxItems": 2}, root)


# ---------------------------------------------------------------------------- the fake workspace


@dataclass
class Workspace:
    """A FakeAttio with an attribute of every writable type on ``deals`` (and a list)."""

    fake: FakeAttio
    company_id: str
    member_id: str
    lead_status_id: str
    alpha_option_id: str


CUSTOM: list[tuple[str, CreatableAttributeType, bool, dict[str, Any]]] = [
    ("t_text", "text", False, {}),
    ("t_number", "number", False, {}),
    ("t_checkbox", "checkbox", False, {}),
    (
        "t_currency",
        "currency",
        False,
        {"currency": {"default_currency_code": "EUR", "display_type": "symbol"}},
    ),
    ("t_date", "date", False, {}),
    ("t_timestamp", "timestamp", False, {}),
    ("t_rating", "rating", False, {}),
    ("t_status", "status", False, {}),
    ("t_select", "select", False, {}),
    ("t_multiselect", "select", True, {}),
    (
        "t_reference",
        "record-reference",
        False,
        {"record_reference": {"allowed_objects": ["companies"]}},
    ),
    ("t_actor", "actor-reference", False, {}),
    ("t_location", "location", False, {}),
    ("t_domain", "domain", True, {}),
    ("t_email", "email-address", True, {}),
    ("t_phone", "phone-number", True, {}),
]
"""Custom attributes (slug, type, multiselect, config): the 15 types Attio can create."""

CREATABLE = {
    "text", "number", "checkbox", "currency", "date", "timestamp", "rating", "status", "select",
    "record-reference", "actor-reference", "location", "domain", "email-address", "phone-number",
}  # fmt: skip


def test_the_fifteen_creatable_types_are_covered() -> None:
    """attio-api.md §3: 15 of the 17 types can be created (all but interaction, personal-name)."""
    assert {kind for _, kind, _, _ in CUSTOM} == CREATABLE
    assert len(CREATABLE) == 15
    assert {case.kind for case in CASES} == CREATABLE | {"personal-name"}


def _setup(fake: FakeAttio) -> Workspace:
    with fake.client() as client:
        targets: list[tuple[Target, str]] = [("objects", "deals"), ("lists", "pipeline")]
        for target, ident in targets:
            for slug, kind, multi, config in CUSTOM:
                create_attribute(
                    client, target, ident, slug, kind, multiselect=multi, config=config
                )
            for title in ("Alpha", "Beta", "Gamma"):
                attio.SelectOption.create(client, target, ident, "t_select", title=title)
                attio.SelectOption.create(client, target, ident, "t_multiselect", title=title)
            for title in ("Lead", "Won"):
                attio.Status.create(client, target, ident, "t_status", title=title)
        company = attio.Record.create(
            client, "companies", {"name": ["Acme"], "domains": ["acme.example"]}
        )
        statuses = attio.Status.list(client, "objects", "deals", "t_status")
        options = attio.SelectOption.list(client, "objects", "deals", "t_select")
    return Workspace(
        fake=fake,
        company_id=company.record_id,
        member_id=fake.member_id,
        lead_status_id=next(s.id.status_id for s in statuses if s.title == "Lead"),
        alpha_option_id=next(o.id.option_id for o in options if o.title == "Alpha"),
    )


@pytest.fixture
def ws() -> Workspace:
    fake = FakeAttio()
    fake.add_list("pipeline", "deals")
    return _setup(fake)


# ---------------------------------------------------------------------------- the cases


@dataclass(frozen=True)
class Case:
    """One write: the Python value given, the exact JSON sent and the value read back."""

    id: str
    kind: str
    slug: str
    value: Callable[[Workspace], Any]
    json: Callable[[Workspace], str]
    read: Callable[[Workspace], list[dict[str, Any]]]
    object: str = "deals"
    object_ids: bool = False  # names an option or status of the deals attribute by id

    @property
    def on_list(self) -> bool:
        return self.object == "deals"

    @property
    def for_entries(self) -> bool:
        return self.on_list and not self.object_ids


def _c(value: Any) -> Callable[[Workspace], Any]:
    return lambda _ws: value


def _member(ws: Workspace) -> dict[str, Any]:
    return {"referenced_actor_type": "workspace-member", "referenced_actor_id": ws.member_id}


NAIVE = dt.datetime(2024, 1, 2, 3, 4, 5, 123456)
PLUS_TWO = dt.timezone(dt.timedelta(hours=2))
CASES: list[Case] = [
    Case("text", "text", "t_text", _c(["Ada Lovelace"]), _c('["Ada Lovelace"]'),
         _c([{"value": "Ada Lovelace"}])),
    Case("text-unicode", "text", "t_text", _c(["Zoë ✓"]), _c('["Zoë ✓"]'),
         _c([{"value": "Zoë ✓"}])),
    Case("number-int", "number", "t_number", _c([42]), _c("[42]"), _c([{"value": 42}])),
    Case("number-float", "number", "t_number", _c([3.25]), _c("[3.25]"), _c([{"value": 3.25}])),
    Case("number-decimal", "number", "t_number", _c([Decimal("1234.5678")]), _c("[1234.5678]"),
         _c([{"value": 1234.5678}])),
    Case("checkbox-true", "checkbox", "t_checkbox", _c([True]), _c("[true]"),
         _c([{"value": True}])),
    Case("checkbox-false", "checkbox", "t_checkbox", _c([False]), _c("[false]"),
         _c([{"value": False}])),
    Case("currency", "currency", "t_currency", _c([w.currency(Decimal("1250000.50"))]),
         _c('[{"currency_value":1250000.50}]'),
         _c([{"currency_value": 1250000.5, "currency_code": "EUR"}])),
    Case("currency-int", "currency", "t_currency", _c([w.currency(7)]),
         _c('[{"currency_value":7}]'), _c([{"currency_value": 7, "currency_code": "EUR"}])),
    Case("currency-plain-decimal", "currency", "t_currency", _c([Decimal("4.99")]),
         _c("[4.99]"), _c([{"currency_value": 4.99, "currency_code": "EUR"}])),
    # The code is checked against the attribute's currency (ObjectSchema.check), never sent.
    Case("currency-with-code", "currency", "t_currency", _c([w.currency(Decimal("99.5"), "eur")]),
         _c('[{"currency_value":99.5}]'), _c([{"currency_value": 99.5, "currency_code": "EUR"}])),
    Case("date", "date", "t_date", _c([dt.date(2024, 2, 29)]), _c('["2024-02-29"]'),
         _c([{"value": "2024-02-29"}])),
    Case("timestamp-naive", "timestamp", "t_timestamp", _c([NAIVE]),
         _c('["2024-01-02T03:04:05.123456000Z"]'),
         _c([{"value": "2024-01-02T03:04:05.123456000Z"}])),
    Case("timestamp-aware", "timestamp", "t_timestamp",
         _c([dt.datetime(2024, 1, 2, 5, 4, 5, tzinfo=PLUS_TWO)]),
         _c('["2024-01-02T03:04:05.000000000Z"]'),
         _c([{"value": "2024-01-02T03:04:05.000000000Z"}])),
    Case("rating", "rating", "t_rating", _c([4]), _c("[4]"), _c([{"value": 4}])),
    Case("status-title", "status", "t_status", _c([w.status("Lead")]), _c('[{"status":"Lead"}]'),
         lambda ws: [{"status": {"title": "Lead", "id": {"status_id": ws.lead_status_id}}}]),
    Case("status-id", "status", "t_status", lambda ws: [w.status(uuid.UUID(ws.lead_status_id))],
         lambda ws: f'[{{"status":"{ws.lead_status_id}"}}]',
         lambda ws: [{"status": {"title": "Lead", "id": {"status_id": ws.lead_status_id}}}],
         object_ids=True),
    Case("select-single", "select", "t_select", _c([w.select("Alpha")]),
         _c('[{"option":"Alpha"}]'), _c([{"option": {"title": "Alpha"}}])),
    Case("select-single-id", "select", "t_select", lambda ws: [w.select(ws.alpha_option_id)],
         lambda ws: f'[{{"option":"{ws.alpha_option_id}"}}]',
         _c([{"option": {"title": "Alpha"}}]), object_ids=True),
    Case("select-multi", "select", "t_multiselect", _c([w.select("Alpha"), w.select("Gamma")]),
         _c('[{"option":"Alpha"},{"option":"Gamma"}]'),
         _c([{"option": {"title": "Alpha"}}, {"option": {"title": "Gamma"}}])),
    Case("select-multi-titles", "select", "t_multiselect", _c(["Beta", "Gamma"]),
         _c('["Beta","Gamma"]'),
         _c([{"option": {"title": "Beta"}}, {"option": {"title": "Gamma"}}])),
    Case("record-reference-id", "record-reference", "t_reference",
         lambda ws: [w.record_ref("companies", record_id=ws.company_id)],
         lambda ws: f'[{{"target_object":"companies","target_record_id":"{ws.company_id}"}}]',
         lambda ws: [{"target_object": "companies", "target_record_id": ws.company_id}]),
    Case("record-reference-uuid", "record-reference", "t_reference",
         lambda ws: [w.record_ref("companies", record_id=uuid.UUID(ws.company_id))],
         lambda ws: f'[{{"target_object":"companies","target_record_id":"{ws.company_id}"}}]',
         lambda ws: [{"target_object": "companies", "target_record_id": ws.company_id}]),
    Case("record-reference-domain", "record-reference", "t_reference",
         _c([w.record_ref("companies", domains="acme.example")]),
         _c('[{"target_object":"companies","domains":[{"domain":"acme.example"}]}]'),
         lambda ws: [{"target_object": "companies", "target_record_id": ws.company_id}]),
    Case("actor-id", "actor-reference", "t_actor",
         lambda ws: [w.actor(workspace_member_id=uuid.UUID(ws.member_id))],
         lambda ws: '[{"referenced_actor_type":"workspace-member",'
         f'"referenced_actor_id":"{ws.member_id}"}}]',
         lambda ws: [_member(ws)]),
    Case("actor-email", "actor-reference", "t_actor",
         _c([w.actor(email="robin@fake-attio.example")]),
         _c('[{"workspace_member_email_address":"robin@fake-attio.example"}]'),
         lambda ws: [_member(ws)]),
    Case("location", "location", "t_location",
         _c([w.location("1 Main St", locality="London", postcode="EC1A 1BB", country_code="gb",
                        latitude=51.5072, longitude=Decimal("-0.1276"))]),
         _c('[{"line_1":"1 Main St","line_2":null,"line_3":null,"line_4":null,'
            '"locality":"London","region":null,"postcode":"EC1A 1BB","country_code":"GB",'
            '"latitude":"51.5072","longitude":"-0.1276"}]'),
         _c([{"line_1": "1 Main St", "line_2": None, "line_3": None, "line_4": None,
              "locality": "London", "region": None, "postcode": "EC1A 1BB",
              "country_code": "GB", "latitude": "51.5072", "longitude": "-0.1276"}])),
    Case("location-locality-only", "location", "t_location", _c([w.location(locality="Paris")]),
         _c('[{"line_1":null,"line_2":null,"line_3":null,"line_4":null,"locality":"Paris",'
            '"region":null,"postcode":null,"country_code":null,"latitude":null,'
            '"longitude":null}]'),
         _c([{"locality": "Paris", "country_code": None, "latitude": None}])),
    Case("domain", "domain", "t_domain", _c([w.domain("app.acme.example"), "acme.example"]),
         _c('[{"domain":"app.acme.example"},"acme.example"]'),
         _c([{"domain": "app.acme.example", "root_domain": "acme.example"},
             {"domain": "acme.example", "root_domain": "acme.example"}])),
    Case("email", "email-address", "t_email", _c([w.email("Ada@Example.com"), "b@x.example"]),
         _c('[{"email_address":"Ada@Example.com"},"b@x.example"]'),
         _c([{"original_email_address": "Ada@Example.com", "email_address": "ada@example.com",
              "email_domain": "example.com"},
             {"email_address": "b@x.example"}])),
    Case("phone-national", "phone-number", "t_phone", _c([w.phone("020 7946 0000", "gb")]),
         _c('[{"original_phone_number":"020 7946 0000","country_code":"GB"}]'),
         _c([{"original_phone_number": "020 7946 0000", "phone_number": "+442079460000",
              "country_code": "GB"}])),
    Case("phone-international", "phone-number", "t_phone", _c([w.phone("+14155550123")]),
         _c('[{"original_phone_number":"+14155550123","country_code":null}]'),
         _c([{"phone_number": "+14155550123", "country_code": "US"}])),
    Case("personal-name", "personal-name", "name", _c([w.personal_name("Ada", "Lovelace")]),
         _c('[{"first_name":"Ada","last_name":"Lovelace","full_name":"Ada Lovelace"}]'),
         _c([{"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"}]),
         object="people"),
    Case("personal-name-full", "personal-name", "name",
         _c([w.personal_name("Grace", "Hopper", "Rear Admiral Grace Hopper")]),
         _c('[{"first_name":"Grace","last_name":"Hopper",'
            '"full_name":"Rear Admiral Grace Hopper"}]'),
         _c([{"full_name": "Rear Admiral Grace Hopper"}]), object="people"),
]  # fmt: skip


KINDS = {case.slug: case.kind for case in CASES}


def _params(cases: list[Case]) -> list[Any]:
    return [pytest.param(case, id=case.id) for case in cases]


def _encoded(values: dict[str, Any]) -> str:
    """The ``values`` map as the client sends it: converted, then encoded."""
    return encode_json(to_write_values(values)).decode("utf-8")


def _subset(expected: Any, actual: Any) -> bool:
    """``expected``'s keys (recursively) hold the same values in ``actual``."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and _subset(item, actual[key]) for key, item in expected.items()
        )
    return bool(expected == actual and type(expected) is type(actual))


def _stored(values: list[attio.values.AttributeValue]) -> list[dict[str, Any]]:
    return [value.model_dump(mode="json") for value in values]


# ---------------------------------------------------------------------------- exact JSON


@pytest.mark.parametrize("case", _params(CASES))
def test_exact_json(ws: Workspace, case: Case) -> None:
    text = _encoded({case.slug: case.value(ws)})
    assert text == f'{{"{case.slug}":{case.json(ws)}}}'


def test_decimal_keeps_its_exact_digits() -> None:
    values = {"a": w.currency(Decimal("0.10")), "b": [Decimal("1E+2")], "c": Decimal("-0.0001")}
    assert _encoded(values) == '{"a":{"currency_value":0.10},"b":[100],"c":-0.0001}'


# ---------------------------------------------------------------------------- spec validity


@pytest.mark.parametrize("case", _params(CASES))
def test_record_body_valid_against_the_spec(ws: Workspace, case: Case) -> None:
    sent = json.loads(_encoded({case.slug: case.value(ws)}))
    assert_record_body_valid({"data": {"values": sent}}, {case.slug: case.kind})


@pytest.mark.parametrize("case", _params([c for c in CASES if c.on_list]))
def test_entry_body_valid_against_the_spec(ws: Workspace, case: Case) -> None:
    sent = json.loads(_encoded({case.slug: case.value(ws)}))
    body = {
        "data": {"parent_record_id": ws.company_id, "parent_object": "deals", "entry_values": sent}
    }
    assert_valid(body, request_schema(ENTRIES_POST))
    assert_valid(body, request_schema(ENTRIES_POST, "put"))
    assert_values_valid(sent, {case.slug: case.kind})


def test_bare_values_diverge_from_the_spec() -> None:
    """attio-api.md §4: the spec types ``values`` as ``{slug: array}`` while the docs also take
    a bare value for a single-value attribute; the client sends what it is given."""
    bare = json.loads(_encoded({"t_text": "Ada", "t_rating": 3}))
    assert bare == {"t_text": "Ada", "t_rating": 3}
    assert validate({"data": {"values": bare}}, request_schema(RECORDS_POST), spec())


def test_read_models_write_back_valid(ws: Workspace) -> None:
    """Values read from a record, written again, are spec-valid items too."""
    with ws.fake.client() as client:
        record = attio.Record.create(client, "deals", _all_values(ws))
        copied = {case.slug: record.values[case.slug] for case in CASES if case.on_list}
    sent = json.loads(_encoded(copied))
    assert_record_body_valid({"data": {"values": sent}}, KINDS)


# ---------------------------------------------------------------------------- FakeAttio round trip


def _all_values(ws: Workspace) -> dict[str, Any]:
    """One value per deals attribute (the last case of each slug)."""
    return {case.slug: case.value(ws) for case in CASES if case.on_list}


@pytest.mark.parametrize("case", _params(CASES))
def test_fake_stores_each_write(ws: Workspace, case: Case) -> None:
    values: dict[str, Any] = {case.slug: case.value(ws)}
    if case.object == "deals":
        values["name"] = ["Deal"]
    with ws.fake.client() as client:
        created = attio.Record.create(client, case.object, values)
        fetched = attio.Record.get(client, case.object, created.record_id)
    sent = ws.fake.requests[-2].json
    assert sent == {"data": {"values": json.loads(_encoded(values))}}
    for record in (created, fetched):
        stored = _stored(record.values[case.slug])
        expected = case.read(ws)
        assert len(stored) == len(expected), stored
        for want, have in zip(expected, stored, strict=True):
            assert _subset(want, have), (want, have)
            assert have["attribute_type"] == case.kind


@pytest.mark.parametrize("case", _params([c for c in CASES if c.for_entries]))
def test_fake_stores_each_entry_write(ws: Workspace, case: Case) -> None:
    with ws.fake.client() as client:
        deal = attio.Record.create(client, "deals", {"name": ["Deal"]})
        entry = attio.Entry.create(
            client,
            "pipeline",
            parent_object="deals",
            parent_record_id=deal.record_id,
            entry_values={case.slug: case.value(ws)},
        )
        fetched = attio.Entry.get(client, "pipeline", entry.entry_id)
    for item in (entry, fetched):
        stored = _stored(item.entry_values[case.slug])
        expected = case.read(ws)
        assert len(stored) == len(expected), stored
        for want, have in zip(expected, stored, strict=True):
            # a list's select options and statuses are its own: compare titles only
            if case.kind in ("select", "status"):
                key = "option" if case.kind == "select" else "status"
                assert have[key]["title"] == want[key]["title"]
            else:
                assert _subset(want, have), (want, have)


def test_fake_stores_every_type_at_once_async(ws: Workspace) -> None:
    async def main() -> tuple[attio.Record, attio.Record]:
        async with ws.fake.async_client() as client:
            created = await attio.Record.create_async(client, "deals", _all_values(ws))
            again = await attio.Record.get_async(client, "deals", created.record_id)
            return created, again

    created, again = asyncio.run(main())
    last = {case.slug: case for case in CASES if case.on_list}
    for slug, case in last.items():
        for record in (created, again):
            stored = _stored(record.values[slug])
            assert [_subset(a, b) for a, b in zip(case.read(ws), stored, strict=True)] == [
                True
            ] * len(stored)


def test_update_and_upsert_take_the_builders(ws: Workspace) -> None:
    with ws.fake.client() as client:
        person = attio.Record.upsert(
            client,
            "people",
            {
                "name": [w.personal_name("Ada", "Lovelace")],
                "email_addresses": [w.email("ada@acme.example")],
                "company": [w.record_ref("companies", domains="acme.example")],
                "primary_location": [w.location(locality="London", country_code="GB")],
                "phone_numbers": [w.phone("+442079460000", country_code="GB")],
            },
            matching_attribute="email_addresses",
        )
        updated = attio.Record.update(
            client,
            "people",
            person.record_id,
            {"name": [w.personal_name("Augusta Ada", "King")], "job_title": ["Countess"]},
        )
    assert updated.values["name"][0].model_dump()["full_name"] == "Augusta Ada King"
    assert updated.values["company"][0].model_dump()["target_record_id"] == ws.company_id
    assert updated.values["phone_numbers"][0].model_dump()["phone_number"] == "+442079460000"
    body = ws.fake.requests[-2].json
    kinds = {
        "name": "personal-name",
        "email_addresses": "email-address",
        "company": "record-reference",
        "primary_location": "location",
        "phone_numbers": "phone-number",
    }
    assert_record_body_valid(body, kinds)


def test_unknown_select_title_is_refused_by_the_fake(ws: Workspace) -> None:
    with ws.fake.client() as client, pytest.raises(attio.APIStatusError) as caught:
        attio.Record.create(client, "deals", {"t_select": [w.select("Alhpa")]})
    assert caught.value.status_code == 400
    assert caught.value.code == "value_not_found"


def test_the_client_sends_exactly_the_encoded_values(ws: Workspace) -> None:
    """The bytes on the wire are the encoder's: Decimal digits and datetimes as tested above."""
    sent: list[bytes] = []

    def spy(request: httpx.Request) -> httpx.Response:
        sent.append(request.read())
        return ws.fake.transport.handle_request(request)

    values = _all_values(ws)
    http = httpx.Client(transport=httpx.MockTransport(spy))
    with attio.Client(api_key="k", http_client=http) as client:
        attio.Record.create(client, "deals", values)
    expected = b'{"data":{"values":' + encode_json(to_write_values(values)) + b"}}"
    assert sent == [expected]
    assert b'"currency_value":99.5' in expected or b'"currency_value":1250000.50' in expected


def test_small_float_coordinates_are_sent_as_plain_decimals(ws: Workspace) -> None:
    loc = w.location(locality="Null Island", latitude=0.00001, longitude=-0.00002)
    assert (loc["latitude"], loc["longitude"]) == ("0.00001", "-0.00002")
    assert_valid(loc, write_schema("location"))
    with ws.fake.client() as client:
        attio.Record.create(client, "deals", {"t_location": [loc]})


def test_fake_refuses_coordinates_attio_refuses(ws: Workspace) -> None:
    """The spec's coordinate patterns: a value outside them is a 400, as from Attio."""
    good = w.location(locality="London", latitude="51.5", longitude="-0.12")
    for key, bad in (("latitude", "91"), ("latitude", "1e-05"), ("longitude", "east")):
        loc = {**good, key: bad}
        assert validate(loc, write_schema("location"), spec())
        with ws.fake.client() as client, pytest.raises(attio.APIStatusError) as caught:
            attio.Record.create(client, "deals", {"t_location": [loc]})
        assert (caught.value.status_code, caught.value.code) == (400, "validation_type")
