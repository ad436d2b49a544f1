"""``ObjectSchema`` and ``WriteValidationError``: loading, caching and checks before any write."""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import pickle
import uuid
import weakref
from decimal import Decimal
from typing import Any, Literal

import pytest

import attio
from attio import write as w
from attio.schema import _CACHE, ObjectSchema, WriteValidationError
from attio.testing import FakeAttio
from tests.samples import create_attribute


class Clock:
    """An injectable monotonic clock."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def paths(fake: FakeAttio) -> list[str]:
    return [f"{r.method} {r.path}" for r in fake.requests]


def only_reads(fake: FakeAttio) -> bool:
    return all(r.method == "GET" for r in fake.requests)


@pytest.fixture
def fake() -> FakeAttio:
    fake = FakeAttio()
    client = fake.client()
    create_attribute(client, "objects", "people", "tier", "select", title="Tier")
    for title in ("Gold", "Silver", "Bronze", "Legacy"):
        attio.SelectOption.create(client, "objects", "people", "tier", title=title)
    attio.SelectOption.update(client, "objects", "people", "tier", "Legacy", is_archived=True)
    create_attribute(client, "objects", "people", "old_score", "number", title="Old score")
    attio.Attribute.update(client, "objects", "people", "old_score", is_archived=True)
    fake.requests.clear()
    return fake


def problems_of(schema: ObjectSchema, values: dict[str, Any]) -> list[str]:
    with pytest.raises(WriteValidationError) as info:
        schema.check(values)
    assert str(info.value).startswith(f"{len(info.value.problems)} problem")
    return info.value.problems


# --------------------------------------------------------------------------- the error


def test_error_is_attio_exception_and_value_error() -> None:
    error = WriteValidationError(["a", "b"], where="objects/people")
    assert isinstance(error, attio.AttioException)
    assert isinstance(error, ValueError)
    assert error.problems == ["a", "b"]
    assert str(error) == "2 problems writing to objects/people: a; b"
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == ["a", "b"]
    assert str(copy) == str(error)


def test_error_message_is_bounded() -> None:
    error = WriteValidationError(["x" * 10_000] * 500)
    assert len(error.problems) == 500
    assert len(str(error)) <= 3500
    assert str(error).endswith("more")
    assert len(str(WriteValidationError(["y" * 100] * 500))) <= 3500


# --------------------------------------------------------------------------- loading


def test_get_loads_attributes_options_and_statuses(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "deals")
    assert only_reads(fake)
    assert "GET /v2/objects/deals/attributes/stage/statuses" in paths(fake)
    assert {s.title for s in schema.statuses("stage")} >= {"Lead", "Lost"}
    assert "stage" in schema.attributes
    assert repr(schema).startswith("<ObjectSchema objects/deals")


def test_get_notes_archived_attributes_and_options(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    assert "GET /v2/objects/people/attributes/tier/options" in paths(fake)
    assert all(r.query.get("show_archived") == "true" for r in fake.requests)
    assert "old_score" in schema.archived_attributes
    assert "old_score" not in schema.attributes
    assert [o.title for o in schema.options("tier")] == ["Gold", "Silver", "Bronze", "Legacy"]
    assert schema.options("name") == []
    assert schema.options("nope") == []
    assert schema.statuses("nope") == []


def test_get_refuses_bad_arguments_before_any_request(fake: FakeAttio) -> None:
    with pytest.raises(ValueError, match="'objects' or 'lists'"):
        ObjectSchema.get(fake.client(), "records", "people")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"attio\.Client"):
        ObjectSchema.get(fake.async_client(), "objects", "people")  # type: ignore[arg-type]
    # The identifier is a path parameter like any other (API.md §2).
    with pytest.raises(attio.PathParameterError, match="identifier"):
        ObjectSchema.get(fake.client(), "objects", "")
    with pytest.raises(TypeError, match="identifier"):
        ObjectSchema.get(fake.client(), "objects", None)  # type: ignore[arg-type]
    assert fake.requests == []


# --------------------------------------------------------------------------- caching


def test_second_get_is_cached(fake: FakeAttio) -> None:
    client = fake.client()
    first = ObjectSchema.get(client, "objects", "people")
    count = len(fake.requests)
    assert ObjectSchema.get(client, "objects", "people") is first
    assert len(fake.requests) == count
    ObjectSchema.get(client, "objects", "companies")  # another key: loaded
    assert len(fake.requests) > count


def test_cache_is_per_client(fake: FakeAttio) -> None:
    first = ObjectSchema.get(fake.client(), "objects", "people")
    count = len(fake.requests)
    second = ObjectSchema.get(fake.client(), "objects", "people")
    assert second is not first
    assert len(fake.requests) == 2 * count


def test_cache_does_not_keep_the_client_alive(fake: FakeAttio) -> None:
    client = fake.client()
    ObjectSchema.get(client, "objects", "people")
    ref = weakref.ref(client)
    del client
    gc.collect()
    assert ref() is None
    assert all(c is not None for c in _CACHE.by_client)


def test_ttl_expiry_with_injected_clock(fake: FakeAttio) -> None:
    clock = Clock()
    client = fake.client()
    first = ObjectSchema.get(client, "objects", "people", ttl=60, now=clock)
    count = len(fake.requests)
    clock.t += 59
    assert ObjectSchema.get(client, "objects", "people", ttl=60, now=clock) is first
    assert not first.is_stale
    assert len(fake.requests) == count
    clock.t += 1
    assert first.is_stale
    second = ObjectSchema.get(client, "objects", "people", ttl=60, now=clock)
    assert second is not first
    assert second.loaded_at == clock.t
    assert len(fake.requests) == 2 * count
    assert ObjectSchema.get(client, "objects", "people", ttl=60, now=clock) is second


def test_default_ttl_is_300_seconds(fake: FakeAttio) -> None:
    clock = Clock()
    client = fake.client()
    first = ObjectSchema.get(client, "objects", "people", now=clock)
    clock.t += 299.5
    assert ObjectSchema.get(client, "objects", "people", now=clock) is first
    clock.t += 0.5
    assert ObjectSchema.get(client, "objects", "people", now=clock) is not first


def test_refresh_sees_new_options(fake: FakeAttio) -> None:
    client = fake.client()
    schema = ObjectSchema.get(client, "objects", "people")
    problems_of(schema, {"tier": "Platinum"})
    attio.SelectOption.create(client, "objects", "people", "tier", title="Platinum")
    fake.requests.clear()
    assert schema.refresh(client) is schema
    assert "GET /v2/objects/people/attributes/tier/options" in paths(fake)
    schema.check({"tier": "Platinum"})
    count = len(fake.requests)
    assert ObjectSchema.get(client, "objects", "people") is schema
    assert len(fake.requests) == count


# --------------------------------------------------------------------------- problems


def test_unknown_slug_names_nearest(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    fake.requests.clear()
    [problem] = problems_of(schema, {"emial_addresses": ["ada@example.com"]})
    assert "unknown attribute 'emial_addresses'" in problem
    assert "did you mean 'email_addresses'" in problem
    [problem] = problems_of(schema, {"zzzzqqq": 1})
    assert "valid attributes:" in problem
    assert fake.requests == []


def test_attribute_id_is_accepted(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    attribute_id = schema.attributes["job_title"].id.attribute_id
    schema.check({attribute_id: "Engineer"})
    [problem] = problems_of(schema, {attribute_id: 3})
    assert "(text)" in problem


def test_archived_attribute(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    [problem] = problems_of(schema, {"old_score": 3})
    assert "'old_score' (number) is archived" in problem


def test_read_only_attribute(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    problems = problems_of(schema, {"avatar_url": "https://x", "last_interaction": "x"})
    assert "'avatar_url' (text) is read-only" in problems[0]
    assert "'last_interaction' (interaction) is read-only" in problems[1]


def test_several_values_for_single_value_attribute(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    [problem] = problems_of(schema, {"job_title": ["a", "b"]})
    assert "takes a single value, got 2" in problem
    schema.check({"job_title": ["a"], "email_addresses": ["a@x.com", "b@x.com"]})


def test_unknown_option_names_nearest(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    fake.requests.clear()
    problems = problems_of(schema, {"tier": "Gld"})
    assert "unknown option 'Gld'" in problems[0]
    assert "did you mean 'Gold'" in problems[0]
    [problem] = problems_of(schema, {"tier": w.select("gold")})
    assert "did you mean 'Gold'" in problem
    [problem] = problems_of(schema, {"tier": "Zzzzzzz"})
    assert "valid options: 'Gold', 'Silver', 'Bronze'" in problem
    assert "Legacy" not in problem
    assert fake.requests == []


def test_archived_option_is_refused(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    [problem] = problems_of(schema, {"tier": "Legacy"})
    assert "option 'Legacy' is archived" in problem


def test_option_ids_are_accepted(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    gold = next(o for o in schema.options("tier") if o.title == "Gold")
    schema.check({"tier": gold.id.option_id})
    schema.check({"tier": uuid.UUID(gold.id.option_id)})
    schema.check({"tier": {"option": gold.id.option_id}})
    problems_of(schema, {"tier": str(uuid.UUID(int=1))})


def test_unknown_status_names_nearest(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "deals")
    fake.requests.clear()
    [problem] = problems_of(schema, {"stage": "Lots"})
    assert "unknown status 'Lots'" in problem
    assert "'Lost'" in problem
    [problem] = problems_of(schema, {"stage": {"status": "In progres"}})
    assert "did you mean 'In Progress'" in problem
    schema.check({"stage": "Lost"})
    schema.check({"stage": w.status("In Progress")})
    lead = next(s for s in schema.statuses("stage") if s.title == "Lead")
    schema.check({"stage": {"status": lead.id.status_id}})
    assert fake.requests == []


def test_archived_status_is_refused(fake: FakeAttio) -> None:
    client = fake.client()
    attio.Status.update(client, "objects", "deals", "stage", "Lost", is_archived=True)
    schema = ObjectSchema.get(client, "objects", "deals")
    [problem] = problems_of(schema, {"stage": "Lost"})
    assert "status 'Lost' is archived" in problem


@pytest.mark.parametrize(
    ("obj", "slug", "value", "fragment"),
    [
        ("people", "job_title", 3, "type int"),
        ("people", "job_title", {"value": 3}, "'value' cannot be of type int"),
        ("people", "name", 3, "type int"),
        ("people", "email_addresses", [{"address": "x"}], "needs the key 'email_address'"),
        ("people", "phone_numbers", [12], "type int"),
        ("people", "primary_location", {"locality": "London"}, "missing"),
        ("people", "primary_location", 5, "type int"),
        ("people", "company", 5, "type int"),
        ("people", "company", {"record_id": "x"}, "'target_object'"),
        ("companies", "domains", [{"domain": 4}], "'domain' cannot be of type int"),
        ("companies", "funding_raised_usd", "lots", "type str"),
        ("companies", "funding_raised_usd", {"amount": 3}, "'currency_value'"),
        ("companies", "foundation_date", 1815, "type int"),
        ("companies", "categories", [3], "type int"),
        ("deals", "value", [1, 2], "single value"),
        ("deals", "owner", 7, "type int"),
        ("deals", "stage", {"title": "Lost"}, "'status'"),
    ],
)
def test_unwritable_python_types(
    fake: FakeAttio, obj: str, slug: str, value: Any, fragment: str
) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", obj)
    fake.requests.clear()
    [problem] = problems_of(schema, {slug: value})
    assert f"'{slug}'" in problem
    assert fragment in problem
    assert fake.requests == []


def test_unwritable_types_on_custom_attributes(fake: FakeAttio) -> None:
    client = fake.client()
    kinds: list[tuple[str, Literal["checkbox", "number", "rating"]]] = [
        ("vip", "checkbox"),
        ("score", "number"),
        ("stars", "rating"),
    ]
    for slug, kind in kinds:
        create_attribute(client, "objects", "people", slug, kind)
    schema = ObjectSchema.get(client, "objects", "people")
    problems = problems_of(
        schema, {"vip": {"value": {"x": 1}}, "score": "12", "stars": 9, "tier": True}
    )
    assert len(problems) == 4
    assert "'vip' (checkbox)" in problems[0]
    assert "'score' (number): a value of type str" in problems[1]
    assert "'stars' (rating)" in problems[2]
    assert "'tier' (select): a value of type bool" in problems[3]
    schema.check({"vip": True, "score": Decimal("1.5"), "stars": 4})
    schema.check({"vip": "false", "score": {"value": 2}, "stars": {"value": 0}})
    problems_of(schema, {"vip": {"a": 1}})
    problems_of(schema, {"score": True})


def test_all_problems_are_collected(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    fake.requests.clear()
    with pytest.raises(WriteValidationError) as info:
        schema.check(
            {
                "nme": "x",
                "avatar_url": "x",
                "job_title": ["a", 3],
                "tier": "Gld",
                "": 1,
            }
        )
    problems = info.value.problems
    assert len(problems) == 6
    assert "non-empty" in problems[-1]
    message = str(info.value)
    assert message.startswith("6 problems writing to objects/people: unknown attribute 'nme'")
    assert fake.requests == []


def test_non_mapping_is_type_error(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    with pytest.raises(TypeError, match="mapping"):
        schema.check([("name", "x")])  # type: ignore[arg-type]


# --------------------------------------------------------------------------- valid values


def test_valid_values_pass(fake: FakeAttio) -> None:
    schema = ObjectSchema.get(fake.client(), "objects", "people")
    fake.requests.clear()
    schema.check(
        {
            "name": w.personal_name("Ada", "Lovelace"),
            "email_addresses": ["ada@example.com", w.email("b@example.com")],
            "company": w.record_ref("companies", domains="acme.com"),
            "primary_location": w.location(locality="London", country_code="GB"),
            "phone_numbers": [w.phone("+442079460000", country_code="GB")],
            "job_title": "Engineer",
            "description": {"value": "x"},
            "tier": "Gold",
            "associated_deals": [],
            "twitter": None,
        }
    )
    schema.check({"name": "Lovelace, Ada", "primary_location": "1 Main St, London"})
    schema.check({"company": "acme.com", "tier": ["Silver"]})
    assert fake.requests == []


def test_valid_company_and_deal_values_pass(fake: FakeAttio) -> None:
    client = fake.client()
    companies = ObjectSchema.get(client, "objects", "companies")
    companies.check(
        {
            "name": "Acme",
            "domains": ["acme.com", w.domain("acme.org")],
            "categories": ["SaaS", w.select("B2B")],
            "funding_raised_usd": w.currency(Decimal("1250000.50"), "USD"),
            "foundation_date": dt.date(1815, 12, 10),
            "team": [w.record_ref("people", record_id=str(uuid.uuid4()))],
        }
    )
    companies.check({"funding_raised_usd": "4.99", "foundation_date": "2023-01-02"})
    companies.check({"funding_raised_usd": 4.99, "foundation_date": dt.datetime(2023, 1, 2)})
    deals = ObjectSchema.get(client, "objects", "deals")
    deals.check(
        {
            "name": "Big deal",
            "stage": "Won 🎉",
            "owner": w.actor(email="owner@example.com"),
            "value": 10,
            "associated_company": {"target_object": "companies", "target_record_id": "x"},
        }
    )
    deals.check({"owner": "owner@example.com"})


def test_read_value_models_round_trip(fake: FakeAttio) -> None:
    client = fake.client()
    record = attio.Record.create(
        client,
        "people",
        {
            "name": w.personal_name("Ada", "Lovelace"),
            "email_addresses": ["ada@example.com"],
            "primary_location": w.location(locality="London", country_code="GB"),
            "tier": "Gold",
        },
    )
    schema = ObjectSchema.get(client, "objects", "people")
    fake.requests.clear()
    slugs = ("name", "email_addresses", "primary_location")
    values: dict[str, Any] = {slug: record.values[slug] for slug in slugs}
    values["tier"] = record.values["tier"][0]
    schema.check(values)
    assert fake.requests == []


def test_list_schema(fake: FakeAttio) -> None:
    client = fake.client()
    fake.add_list("pipeline", parent_object="companies")
    create_attribute(client, "lists", "pipeline", "step", "status", title="Step")
    attio.Status.create(client, "lists", "pipeline", "step", title="Contacted")
    fake.requests.clear()
    schema = ObjectSchema.get(client, "lists", "pipeline")
    assert "GET /v2/lists/pipeline/attributes/step/statuses" in paths(fake)
    schema.check({"step": "Contacted"})
    [problem] = problems_of(schema, {"step": "Contactd"})
    assert "to lists/pipeline" not in problem
    assert "did you mean 'Contacted'" in problem


# --------------------------------------------------------------------------- async


def test_async_get_cache_ttl_refresh(fake: FakeAttio) -> None:
    clock = Clock()

    async def main() -> None:
        async with fake.async_client() as client:
            schema = await ObjectSchema.get_async(client, "objects", "people", ttl=10, now=clock)
            assert "GET /v2/objects/people/attributes/tier/options" in paths(fake)
            assert only_reads(fake)
            count = len(fake.requests)
            again = await ObjectSchema.get_async(client, "objects", "people", ttl=10, now=clock)
            assert again is schema
            assert len(fake.requests) == count
            [problem] = problems_of(schema, {"tier": "Gld"})
            assert "did you mean 'Gold'" in problem
            clock.t += 10
            fresh = await ObjectSchema.get_async(client, "objects", "people", ttl=10, now=clock)
            assert fresh is not schema
            assert len(fake.requests) == 2 * count
            assert await fresh.refresh_async(client) is fresh
            assert len(fake.requests) == 3 * count
            with pytest.raises(TypeError, match=r"attio\.AsyncClient"):
                await ObjectSchema.get_async(fake.client(), "objects", "people")  # type: ignore[arg-type]
            deals = await ObjectSchema.get_async(client, "objects", "deals")
            assert {s.title for s in deals.statuses("stage")} >= {"Lead", "Lost"}

    asyncio.run(main())


def test_currency_built_for_another_currency_is_refused_before_sending(fake: FakeAttio) -> None:
    """``w.currency(amount, code)`` sends ``{currency_value}`` only (Attio takes the code from
    the attribute): a code that is not the attribute's currency fails locally."""
    with fake.client() as client:
        schema = ObjectSchema.get(client, "objects", "companies")
        schema.check({"funding_raised_usd": w.currency(Decimal("10.5"), "usd")})
        schema.check({"funding_raised_usd": w.currency(Decimal("10.5"))})
        with pytest.raises(WriteValidationError) as caught:
            schema.check({"funding_raised_usd": [w.currency(Decimal("10.5"), "EUR")]})
        message = str(caught.value)
        assert "funding_raised_usd" in message
        assert "EUR" in message
        assert "USD" in message
    with fake.client(validate_writes=True) as checked:
        before = len(fake.requests)
        with pytest.raises(WriteValidationError):
            attio.Record.create(
                checked, "companies", {"name": "X", "funding_raised_usd": w.currency(1, "GBP")}
            )
        sent = [r for r in fake.requests[before:] if r.method == "POST"]
        assert sent == []
        made = attio.Record.create(
            checked, "companies", {"name": "Y", "funding_raised_usd": w.currency(2, "USD")}
        )
        assert made.plain("funding_raised_usd") == Decimal(2)
