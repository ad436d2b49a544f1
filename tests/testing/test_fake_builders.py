"""Every filter and sort ``attio.filters`` can build, evaluated by FakeAttio.

Each case is a builder and the same filter written out by hand as a raw dict (literally, never
through ``to_json()``). The test asserts that the builder's JSON *is* that dict, that FakeAttio
answers both with the same records in the same order, and that those are the records expected
from the seeded data (so the fake does not merely agree with itself). Where Attio refuses a
filter (attio-api.md §5: 400 ``filter_error``; sorts: 400 ``validation_type``), the builder's
filter is refused the same way, with or without rows.

Seed: deals with a custom attribute of every writable type plus the standard ``stage``,
``owner``, ``associated_company`` and ``associated_people``; companies and people linked to
them; a ``pipeline`` list of deals and an ``accounts`` list of companies.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import httpx
import pytest

import attio
from attio import filters as f
from attio import write as w
from attio._attribute_paths import Target
from attio.attributes import CreatableAttributeType
from attio.testing import FakeAttio
from attio.webhooks import WebhookSubscriptionParam
from tests.samples import create_attribute

# ---------------------------------------------------------------------------- the seeded world

DEAL_ATTRIBUTES: list[tuple[str, CreatableAttributeType, bool, dict[str, Any]]] = [
    ("t_text", "text", False, {}),
    ("t_number", "number", False, {}),
    ("t_checkbox", "checkbox", False, {}),
    ("t_currency", "currency", False, {"currency": {"default_currency_code": "EUR"}}),
    ("t_date", "date", False, {}),
    ("t_timestamp", "timestamp", False, {}),
    ("t_rating", "rating", False, {}),
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

LIST_ATTRIBUTES: list[tuple[str, CreatableAttributeType, bool, dict[str, Any]]] = [
    ("l_score", "number", False, {}),
    ("l_stage", "status", False, {}),
    ("l_note", "text", False, {}),
]

SAM = "sam@fake-attio.example"
ROBIN = "robin@fake-attio.example"


@dataclass
class World:
    fake: FakeAttio
    ids: dict[str, str]  # record/entry label -> id
    names: dict[str, str]  # id -> label
    members: dict[str, str]  # email -> member id
    statuses: dict[str, str]  # deals stage title -> status id
    options: dict[str, str]  # deals t_select title -> option id


def _attribute(
    client: attio.Client,
    target: Target,
    ident: str,
    spec: tuple[str, CreatableAttributeType, bool, dict[str, Any]],
) -> None:
    slug, kind, multi, config = spec
    create_attribute(client, target, ident, slug, kind, multiselect=multi, config=config)


def _location(locality: str, country: str, lat: str, lng: str) -> w.LocationWrite:
    return w.location(
        f"1 {locality} Road", locality=locality, country_code=country, latitude=lat, longitude=lng
    )


def _seed() -> World:
    fake = FakeAttio(seed=9)
    sam = fake.add_member("Sam", "Other", SAM)["id"]["workspace_member_id"]
    fake.add_list("pipeline", "deals")
    fake.add_list("accounts", "companies")
    ids: dict[str, str] = {}
    with fake.client() as client:
        for spec in DEAL_ATTRIBUTES:
            _attribute(client, "objects", "deals", spec)
        for spec in LIST_ATTRIBUTES:
            _attribute(client, "lists", "pipeline", spec)
        _attribute(client, "lists", "accounts", ("l_score", "number", False, {}))
        for title in ("Alpha", "Beta", "Gamma"):
            attio.SelectOption.create(client, "objects", "deals", "t_select", title=title)
            attio.SelectOption.create(client, "objects", "deals", "t_multiselect", title=title)
        for title in ("Open", "Closed"):
            attio.Status.create(client, "lists", "pipeline", "l_stage", title=title)

        def record(label: str, obj: str, values: dict[str, Any]) -> None:
            ids[label] = attio.Record.create(client, obj, values).record_id

        record("Acme", "companies", {"name": ["Acme"], "domains": ["acme.example"]})
        record("Globex", "companies", {"name": ["Globex"], "domains": ["globex.example"]})
        record("Initech", "companies", {"name": ["Initech"], "domains": ["initech.example"]})
        for first, last, email, company in (
            ("Ada", "Lovelace", "ada@acme.example", "acme.example"),
            ("Grace", "Hopper", "grace@globex.example", "globex.example"),
            ("Alan", "Turing", "alan@acme.example", "acme.example"),
        ):
            record(
                first,
                "people",
                {
                    "name": [w.personal_name(first, last)],
                    "email_addresses": [w.email(email)],
                    "company": [w.record_ref("companies", domains=company)],
                },
            )
        record("Nobody", "people", {"name": [w.personal_name("Zed", "Nobody")]})
        record(
            "One",
            "deals",
            {
                "name": ["One"],
                "stage": ["Lead"],
                "owner": [w.actor(email=ROBIN)],
                "associated_company": [w.record_ref("companies", record_id=ids["Acme"])],
                "associated_people": [w.record_ref("people", record_id=ids["Ada"])],
                "t_text": ["Apple pie"],
                "t_number": [10],
                "t_checkbox": [True],
                "t_currency": [w.currency(Decimal("100.5"))],
                "t_date": [dt.date(2024, 1, 10)],
                "t_timestamp": [dt.datetime(2024, 1, 10, 10, 0)],
                "t_rating": [1],
                "t_select": [w.select("Alpha")],
                "t_multiselect": [w.select("Alpha"), w.select("Beta")],
                "t_reference": [w.record_ref("companies", domains="acme.example")],
                "t_actor": [w.actor(email=ROBIN)],
                "t_location": [_location("London", "GB", "51.5072", "-0.1276")],
                "t_domain": [w.domain("app.acme.example")],
                "t_email": [w.email("ada@acme.example")],
                "t_phone": [w.phone("+442079460000")],
            },
        )
        record(
            "Two",
            "deals",
            {
                "name": ["Two"],
                "stage": ["In Progress"],
                "owner": [w.actor(workspace_member_id=sam)],
                "associated_company": [w.record_ref("companies", record_id=ids["Globex"])],
                "associated_people": [w.record_ref("people", record_id=ids["Grace"])],
                "t_text": ["Banana split"],
                "t_number": [20],
                "t_checkbox": [False],
                "t_currency": [w.currency(250)],
                "t_date": [dt.date(2024, 2, 20)],
                "t_timestamp": [dt.datetime(2024, 2, 20, 12, 30)],
                "t_rating": [3],
                "t_select": [w.select("Beta")],
                "t_multiselect": [w.select("Gamma")],
                "t_reference": [w.record_ref("companies", domains="globex.example")],
                "t_actor": [w.actor(email=SAM)],
                "t_location": [_location("Paris", "FR", "48.8566", "2.3522")],
                "t_domain": [w.domain("shop.globex.example")],
                "t_email": [w.email("grace@globex.example")],
                "t_phone": [w.phone("+33142685300")],
            },
        )
        record(
            "Three",
            "deals",
            {
                "name": ["Three"],
                "stage": ["Lost"],
                "owner": [w.actor(email=ROBIN)],
                "associated_company": [w.record_ref("companies", record_id=ids["Acme"])],
                "associated_people": [
                    w.record_ref("people", record_id=ids["Ada"]),
                    w.record_ref("people", record_id=ids["Alan"]),
                ],
                "t_text": ["Cherry tart"],
                "t_number": [Decimal("30.5")],
                "t_checkbox": [True],
                "t_currency": [w.currency(Decimal("999.99"))],
                "t_date": [dt.date(2024, 3, 30)],
                "t_timestamp": [dt.datetime(2024, 3, 30, 23, 59, 59)],
                "t_rating": [5],
                "t_select": [w.select("Gamma")],
                "t_multiselect": [w.select("Alpha"), w.select("Gamma")],
                "t_reference": [w.record_ref("companies", domains="acme.example")],
                "t_location": [_location("Berlin", "DE", "52.52", "13.405")],
                "t_domain": [w.domain("acme.example")],
                "t_email": [w.email("alan@acme.example"), w.email("Sales@Initech.example")],
                "t_phone": [w.phone("+14155550123")],
            },
        )
        record("Four", "deals", {"name": ["Four"]})
        for deal, score, stage, note in (
            ("One", 5, "Open", "first"),
            ("Two", 15, "Closed", "second"),
            ("Three", 25, "Open", None),
        ):
            values: dict[str, Any] = {"l_score": [score], "l_stage": [w.status(stage)]}
            if note:
                values["l_note"] = [note]
            entry = attio.Entry.create(
                client,
                "pipeline",
                parent_object="deals",
                parent_record_id=ids[deal],
                entry_values=values,
            )
            ids[f"pipeline:{deal}"] = entry.entry_id
        for company, score in (("Acme", 7), ("Globex", 3), ("Initech", 9)):
            entry = attio.Entry.create(
                client,
                "accounts",
                parent_object="companies",
                parent_record_id=ids[company],
                entry_values={"l_score": [score]},
            )
            ids[f"accounts:{company}"] = entry.entry_id
        statuses = attio.Status.list(client, "objects", "deals", "stage")
        options = attio.SelectOption.list(client, "objects", "deals", "t_select")
    return World(
        fake=fake,
        ids=ids,
        names={ident: label for label, ident in ids.items()},
        members={ROBIN: fake.member_id, SAM: sam},
        statuses={s.title: s.id.status_id for s in statuses},
        options={o.title: o.id.option_id for o in options},
    )


@pytest.fixture(scope="module")
def world() -> World:
    return _seed()


def _labels(world: World, items: Sequence[attio.Record | attio.Entry]) -> list[str]:
    out = []
    for item in items:
        ident = item.entry_id if isinstance(item, attio.Entry) else item.record_id
        out.append(world.names[ident].split(":")[-1])
    return out


def query(
    world: World,
    target: str,
    *,
    filter: Mapping[str, Any] | None = None,
    sorts: Sequence[Any] | None = None,
) -> list[str]:
    """Labels of what a records (``target`` an object) or entries (``lists/<slug>``) query
    returns, in order."""
    with world.fake.client() as client:
        if target.startswith("lists/"):
            page = attio.Entry.list(client, target[6:], filter=filter, sorts=sorts)
            return _labels(world, page.data)
        return _labels(world, attio.Record.list(client, target, filter=filter, sorts=sorts).data)


# ---------------------------------------------------------------------------- the filter cases


@dataclass(frozen=True)
class FilterCase:
    id: str
    builder: f.Filter
    raw: dict[str, Any]
    expected: list[str]
    target: str = "deals"


Row = tuple[str, f.Filter, dict[str, Any], list[str]]


def _deals(*cases: Row) -> list[FilterCase]:
    return [FilterCase(*case) for case in cases]


def _on(target: str, cases: list[Row]) -> list[FilterCase]:
    return [FilterCase(*case, target=target) for case in cases]


ALL = ["One", "Two", "Three", "Four"]
SET = ["One", "Two", "Three"]  # the deals with values
T1 = dt.datetime(2024, 2, 20, 12, 30)

# operator x attribute type (and field), on deals
OPERATOR_CASES: list[FilterCase] = _deals(
    # text: $eq, $in, $contains, $starts_with, $ends_with, $not_empty (case-insensitive text ops)
    ("text-eq", f.attr("t_text").eq("Banana split"), {"t_text": {"$eq": "Banana split"}}, ["Two"]),
    (
        "text-field-eq",
        f.attr("t_text", "value").eq("Apple pie"),
        {"t_text": {"value": {"$eq": "Apple pie"}}},
        ["One"],
    ),
    (
        "text-contains",
        f.attr("t_text").contains("T"),
        {"t_text": {"$contains": "T"}},
        ["Two", "Three"],
    ),
    (
        "text-starts",
        f.attr("t_text").starts_with("ch"),
        {"t_text": {"$starts_with": "ch"}},
        ["Three"],
    ),
    ("text-ends", f.attr("t_text").ends_with("PIE"), {"t_text": {"$ends_with": "PIE"}}, ["One"]),
    (
        "text-in",
        f.attr("t_text").in_(["Apple pie", "Cherry tart", "Durian"]),
        {"t_text": {"$in": ["Apple pie", "Cherry tart", "Durian"]}},
        ["One", "Three"],
    ),
    ("text-not-empty", f.attr("t_text").not_empty(), {"t_text": {"$not_empty": True}}, SET),
    ("text-eq-null", f.attr("t_text").eq(None), {"t_text": {"$eq": None}}, []),
    # number: $eq, $in, $lt, $lte, $gt, $gte, $not_empty (int, float and Decimal literals)
    ("number-eq", f.attr("t_number").eq(20), {"t_number": {"$eq": 20}}, ["Two"]),
    (
        "number-eq-decimal",
        f.attr("t_number").eq(Decimal("30.5")),
        {"t_number": {"$eq": 30.5}},
        ["Three"],
    ),
    ("number-lt", f.attr("t_number").lt(20), {"t_number": {"$lt": 20}}, ["One"]),
    ("number-lte", f.attr("t_number").lte(20.0), {"t_number": {"$lte": 20.0}}, ["One", "Two"]),
    ("number-gt", f.attr("t_number").gt(20), {"t_number": {"$gt": 20}}, ["Three"]),
    ("number-gte", f.attr("t_number").gte(Decimal("10")), {"t_number": {"$gte": 10}}, SET),
    (
        "number-in",
        f.attr("t_number").in_([10, 30.5]),
        {"t_number": {"$in": [10, 30.5]}},
        ["One", "Three"],
    ),
    ("number-not-empty", f.attr("t_number").not_empty(), {"t_number": {"$not_empty": True}}, SET),
    # checkbox: $eq only ([docs]); an unset checkbox reads false
    (
        "checkbox-true",
        f.attr("t_checkbox").eq(True),
        {"t_checkbox": {"$eq": True}},
        ["One", "Three"],
    ),
    (
        "checkbox-false",
        f.attr("t_checkbox").eq(False),
        {"t_checkbox": {"$eq": False}},
        ["Two", "Four"],
    ),
    # currency: currency_value (numbers) and currency_code
    ("currency-eq", f.attr("t_currency").eq(250), {"t_currency": {"$eq": 250}}, ["Two"]),
    (
        "currency-lt",
        f.attr("t_currency", "currency_value").lt(Decimal("250")),
        {"t_currency": {"currency_value": {"$lt": 250}}},
        ["One"],
    ),
    (
        "currency-lte",
        f.attr("t_currency", "currency_value").lte(250),
        {"t_currency": {"currency_value": {"$lte": 250}}},
        ["One", "Two"],
    ),
    (
        "currency-gt",
        f.attr("t_currency").gt(100.5),
        {"t_currency": {"$gt": 100.5}},
        ["Two", "Three"],
    ),
    ("currency-gte", f.attr("t_currency").gte(999.99), {"t_currency": {"$gte": 999.99}}, ["Three"]),
    (
        "currency-in",
        f.attr("t_currency").in_([Decimal("100.5"), 999.99]),
        {"t_currency": {"$in": [100.5, 999.99]}},
        ["One", "Three"],
    ),
    (
        "currency-code",
        f.attr("t_currency", "currency_code").eq("EUR"),
        {"t_currency": {"currency_code": {"$eq": "EUR"}}},
        SET,
    ),
    (
        "currency-code-in",
        f.attr("t_currency", "currency_code").in_(["USD", "GBP"]),
        {"t_currency": {"currency_code": {"$in": ["USD", "GBP"]}}},
        [],
    ),
    (
        "currency-not-empty",
        f.attr("t_currency").not_empty(),
        {"t_currency": {"$not_empty": True}},
        SET,
    ),
    # date: ISO dates; a datetime literal is read as its date
    (
        "date-eq",
        f.attr("t_date").eq(dt.date(2024, 2, 20)),
        {"t_date": {"$eq": "2024-02-20"}},
        ["Two"],
    ),
    (
        "date-lt",
        f.attr("t_date").lt(dt.date(2024, 2, 20)),
        {"t_date": {"$lt": "2024-02-20"}},
        ["One"],
    ),
    (
        "date-lte",
        f.attr("t_date").lte(dt.date(2024, 2, 20)),
        {"t_date": {"$lte": "2024-02-20"}},
        ["One", "Two"],
    ),
    ("date-gt", f.attr("t_date").gt("2024-02-20"), {"t_date": {"$gt": "2024-02-20"}}, ["Three"]),
    (
        "date-gte",
        f.attr("t_date").gte(dt.date(2024, 1, 10)),
        {"t_date": {"$gte": "2024-01-10"}},
        SET,
    ),
    (
        "date-in",
        f.attr("t_date").in_([dt.date(2024, 1, 10), dt.date(2024, 3, 30)]),
        {"t_date": {"$in": ["2024-01-10", "2024-03-30"]}},
        ["One", "Three"],
    ),
    ("date-not-empty", f.attr("t_date").not_empty(), {"t_date": {"$not_empty": True}}, SET),
    # timestamp: datetimes (naive = UTC, aware converted), compared as instants
    (
        "timestamp-eq",
        f.attr("t_timestamp").eq(T1),
        {"t_timestamp": {"$eq": "2024-02-20T12:30:00.000000000Z"}},
        ["Two"],
    ),
    (
        "timestamp-eq-aware",
        f.attr("t_timestamp").eq(
            dt.datetime(2024, 2, 20, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
        ),
        {"t_timestamp": {"$eq": "2024-02-20T12:30:00.000000000Z"}},
        ["Two"],
    ),
    (
        "timestamp-lt",
        f.attr("t_timestamp").lt(T1),
        {"t_timestamp": {"$lt": "2024-02-20T12:30:00.000000000Z"}},
        ["One"],
    ),
    (
        "timestamp-lte",
        f.attr("t_timestamp").lte(T1),
        {"t_timestamp": {"$lte": "2024-02-20T12:30:00.000000000Z"}},
        ["One", "Two"],
    ),
    (
        "timestamp-gt",
        f.attr("t_timestamp").gt(T1),
        {"t_timestamp": {"$gt": "2024-02-20T12:30:00.000000000Z"}},
        ["Three"],
    ),
    (
        "timestamp-gte",
        f.attr("t_timestamp", "value").gte(dt.datetime(2024, 1, 1)),
        {"t_timestamp": {"value": {"$gte": "2024-01-01T00:00:00.000000000Z"}}},
        SET,
    ),
    (
        "timestamp-not-empty",
        f.attr("t_timestamp").not_empty(),
        {"t_timestamp": {"$not_empty": True}},
        SET,
    ),
    (
        "created-at-gte",
        f.attr("created_at").gte(dt.datetime(2000, 1, 1)),
        {"created_at": {"$gte": "2000-01-01T00:00:00.000000000Z"}},
        ALL,
    ),
    # rating
    ("rating-eq", f.attr("t_rating").eq(3), {"t_rating": {"$eq": 3}}, ["Two"]),
    ("rating-lt", f.attr("t_rating").lt(3), {"t_rating": {"$lt": 3}}, ["One"]),
    ("rating-lte", f.attr("t_rating").lte(3), {"t_rating": {"$lte": 3}}, ["One", "Two"]),
    ("rating-gt", f.attr("t_rating").gt(3), {"t_rating": {"$gt": 3}}, ["Three"]),
    ("rating-gte", f.attr("t_rating").gte(1), {"t_rating": {"$gte": 1}}, SET),
    ("rating-in", f.attr("t_rating").in_([1, 5]), {"t_rating": {"$in": [1, 5]}}, ["One", "Three"]),
    ("rating-not-empty", f.attr("t_rating").not_empty(), {"t_rating": {"$not_empty": True}}, SET),
    # status (stage): by title or id, $in, $not_empty
    ("status-eq", f.attr("stage").eq("Lost"), {"stage": {"$eq": "Lost"}}, ["Three"]),
    (
        "status-title",
        f.attr("stage", "title").eq("Lead"),
        {"stage": {"title": {"$eq": "Lead"}}},
        ["One"],
    ),
    (
        "status-in",
        f.attr("stage").in_(["Lead", "Lost"]),
        {"stage": {"$in": ["Lead", "Lost"]}},
        ["One", "Three"],
    ),
    ("status-not-empty", f.attr("stage").not_empty(), {"stage": {"$not_empty": True}}, SET),
    (
        "status-changed",
        f.attr("stage", "active_from").gte(dt.datetime(2000, 1, 1)),
        {"stage": {"active_from": {"$gte": "2000-01-01T00:00:00.000000000Z"}}},
        SET,
    ),
    (
        "status-changed-lt",
        f.attr("stage", "active_from").lt(dt.datetime(2000, 1, 1)),
        {"stage": {"active_from": {"$lt": "2000-01-01T00:00:00.000000000Z"}}},
        [],
    ),
    # select: single and multi, by title or id
    ("select-eq", f.attr("t_select").eq("Beta"), {"t_select": {"$eq": "Beta"}}, ["Two"]),
    (
        "select-title",
        f.attr("t_select", "title").eq("Gamma"),
        {"t_select": {"title": {"$eq": "Gamma"}}},
        ["Three"],
    ),
    (
        "select-in",
        f.attr("t_select").in_(["Alpha", "Beta"]),
        {"t_select": {"$in": ["Alpha", "Beta"]}},
        ["One", "Two"],
    ),
    (
        "multiselect-eq",
        f.attr("t_multiselect").eq("Alpha"),
        {"t_multiselect": {"$eq": "Alpha"}},
        ["One", "Three"],
    ),
    (
        "multiselect-in",
        f.attr("t_multiselect").in_(["Beta", "Gamma"]),
        {"t_multiselect": {"$in": ["Beta", "Gamma"]}},
        SET,
    ),
    (
        "multiselect-all",
        f.attr("t_multiselect").eq("Alpha") & f.attr("t_multiselect").eq("Gamma"),
        {"$and": [{"t_multiselect": {"$eq": "Alpha"}}, {"t_multiselect": {"$eq": "Gamma"}}]},
        ["Three"],
    ),
    ("select-not-empty", f.attr("t_select").not_empty(), {"t_select": {"$not_empty": True}}, SET),
    # record reference: target_record_id (default), target_object
    (
        "reference-target-object",
        f.attr("t_reference", "target_object").eq("companies"),
        {"t_reference": {"target_object": {"$eq": "companies"}}},
        SET,
    ),
    (
        "reference-not-empty",
        f.attr("associated_people").not_empty(),
        {"associated_people": {"$not_empty": True}},
        SET,
    ),
    # actor reference: referenced_actor_id (default), referenced_actor_type
    (
        "actor-type",
        f.attr("t_actor", "referenced_actor_type").eq("workspace-member"),
        {"t_actor": {"referenced_actor_type": {"$eq": "workspace-member"}}},
        ["One", "Two"],
    ),
    (
        "created-by-type",
        f.attr("created_by", "referenced_actor_type").eq("api-token"),
        {"created_by": {"referenced_actor_type": {"$eq": "api-token"}}},
        ALL,
    ),
    ("actor-not-empty", f.attr("owner").not_empty(), {"owner": {"$not_empty": True}}, SET),
    # location: every text field
    (
        "location-locality",
        f.attr("t_location", "locality").eq("Paris"),
        {"t_location": {"locality": {"$eq": "Paris"}}},
        ["Two"],
    ),
    (
        "location-line-1",
        f.attr("t_location", "line_1").contains("on r"),
        {"t_location": {"line_1": {"$contains": "on r"}}},
        ["One"],
    ),
    (
        "location-country-in",
        f.attr("t_location", "country_code").in_(["DE", "FR"]),
        {"t_location": {"country_code": {"$in": ["DE", "FR"]}}},
        ["Two", "Three"],
    ),
    (
        "location-locality-starts",
        f.attr("t_location", "locality").starts_with("BER"),
        {"t_location": {"locality": {"$starts_with": "BER"}}},
        ["Three"],
    ),
    (
        "location-postcode-empty",
        ~f.attr("t_location", "postcode").eq(None),
        {"$not": {"t_location": {"postcode": {"$eq": None}}}},
        ["Four"],
    ),
    (
        "location-default",
        f.attr("t_location").eq("1 London Road"),
        {"t_location": {"$eq": "1 London Road"}},
        ["One"],
    ),
    (
        "location-not-empty",
        f.attr("t_location").not_empty(),
        {"t_location": {"$not_empty": True}},
        SET,
    ),
    # domain: domain (default), root_domain
    (
        "domain-eq",
        f.attr("t_domain").eq("acme.example"),
        {"t_domain": {"$eq": "acme.example"}},
        ["Three"],
    ),
    (
        "domain-root",
        f.attr("t_domain", "root_domain").eq("acme.example"),
        {"t_domain": {"root_domain": {"$eq": "acme.example"}}},
        ["One", "Three"],
    ),
    (
        "domain-starts",
        f.attr("t_domain").starts_with("shop."),
        {"t_domain": {"$starts_with": "shop."}},
        ["Two"],
    ),
    (
        "domain-ends",
        f.attr("t_domain", "domain").ends_with(".acme.example"),
        {"t_domain": {"domain": {"$ends_with": ".acme.example"}}},
        ["One"],
    ),
    (
        "domain-contains",
        f.attr("t_domain").contains("GLOBEX"),
        {"t_domain": {"$contains": "GLOBEX"}},
        ["Two"],
    ),
    (
        "domain-in",
        f.attr("t_domain").in_(["acme.example", "app.acme.example"]),
        {"t_domain": {"$in": ["acme.example", "app.acme.example"]}},
        ["One", "Three"],
    ),
    # email address: every field
    (
        "email-eq",
        f.attr("t_email").eq("SALES@initech.example"),
        {"t_email": {"$eq": "SALES@initech.example"}},
        ["Three"],
    ),
    (
        "email-domain",
        f.attr("t_email", "email_domain").eq("acme.example"),
        {"t_email": {"email_domain": {"$eq": "acme.example"}}},
        ["One", "Three"],
    ),
    (
        "email-root-domain",
        f.attr("t_email", "email_root_domain").in_(["globex.example"]),
        {"t_email": {"email_root_domain": {"$in": ["globex.example"]}}},
        ["Two"],
    ),
    (
        "email-local",
        f.attr("t_email", "email_local_specifier").starts_with("gr"),
        {"t_email": {"email_local_specifier": {"$starts_with": "gr"}}},
        ["Two"],
    ),
    (
        "email-original",
        f.attr("t_email", "original_email_address").contains("Initech"),
        {"t_email": {"original_email_address": {"$contains": "Initech"}}},
        ["Three"],
    ),
    (
        "email-ends",
        f.attr("t_email").ends_with("@acme.example"),
        {"t_email": {"$ends_with": "@acme.example"}},
        ["One", "Three"],
    ),
    # phone number: phone_number (default), original_phone_number, country_code
    (
        "phone-eq",
        f.attr("t_phone").eq("+33142685300"),
        {"t_phone": {"$eq": "+33142685300"}},
        ["Two"],
    ),
    (
        "phone-starts",
        f.attr("t_phone").starts_with("+44"),
        {"t_phone": {"$starts_with": "+44"}},
        ["One"],
    ),
    (
        "phone-country",
        f.attr("t_phone", "country_code").in_(["US", "FR"]),
        {"t_phone": {"country_code": {"$in": ["US", "FR"]}}},
        ["Two", "Three"],
    ),
    (
        "phone-original",
        f.attr("t_phone", "original_phone_number").ends_with("0123"),
        {"t_phone": {"original_phone_number": {"$ends_with": "0123"}}},
        ["Three"],
    ),
    (
        "phone-contains",
        f.attr("t_phone").contains("4268"),
        {"t_phone": {"$contains": "4268"}},
        ["Two"],
    ),
)


def _by_id(world: World) -> list[FilterCase]:
    """Cases whose literals are ids of the seeded world."""
    ids, st, op, me = world.ids, world.statuses, world.options, world.members
    return [
        FilterCase(
            "status-id",
            f.attr("stage", "id").eq(st["Lost"]),
            {"stage": {"id": {"$eq": st["Lost"]}}},
            ["Three"],
        ),
        FilterCase(
            "status-eq-id",
            f.attr("stage").eq(st["In Progress"]),
            {"stage": {"$eq": st["In Progress"]}},
            ["Two"],
        ),
        FilterCase(
            "select-id",
            f.attr("t_select", "id").in_([op["Alpha"], op["Gamma"]]),
            {"t_select": {"id": {"$in": [op["Alpha"], op["Gamma"]]}}},
            ["One", "Three"],
        ),
        FilterCase(
            "reference-eq",
            f.attr("t_reference").eq(ids["Acme"]),
            {"t_reference": {"$eq": ids["Acme"]}},
            ["One", "Three"],
        ),
        FilterCase(
            "reference-field",
            f.attr("t_reference", "target_record_id").eq(ids["Globex"]),
            {"t_reference": {"target_record_id": {"$eq": ids["Globex"]}}},
            ["Two"],
        ),
        FilterCase(
            "reference-in",
            f.attr("associated_people").in_([ids["Alan"], ids["Grace"]]),
            {"associated_people": {"$in": [ids["Alan"], ids["Grace"]]}},
            ["Two", "Three"],
        ),
        FilterCase("actor-eq", f.attr("owner").eq(me[SAM]), {"owner": {"$eq": me[SAM]}}, ["Two"]),
        FilterCase(
            "actor-field-in",
            f.attr("t_actor", "referenced_actor_id").in_([me[ROBIN]]),
            {"t_actor": {"referenced_actor_id": {"$in": [me[ROBIN]]}}},
            ["One"],
        ),
        FilterCase(
            "record-id",
            f.attr("record_id").eq(ids["Four"]),
            {"record_id": {"$eq": ids["Four"]}},
            ["Four"],
        ),
    ]


# personal-name only exists on people.name
PEOPLE = ["Ada", "Grace", "Alan", "Nobody"]
_PEOPLE_ROWS: list[Row] = [
    (
        "name-eq",
        f.attr("name").eq("Grace Hopper"),
        {"name": {"$eq": "Grace Hopper"}},
        ["Grace"],
    ),
    (
        "name-first",
        f.attr("name", "first_name").eq("Alan"),
        {"name": {"first_name": {"$eq": "Alan"}}},
        ["Alan"],
    ),
    (
        "name-last-contains",
        f.attr("name", "last_name").contains("o"),
        {"name": {"last_name": {"$contains": "o"}}},
        ["Ada", "Grace", "Nobody"],
    ),
    (
        "name-full-starts",
        f.attr("name", "full_name").starts_with("a"),
        {"name": {"full_name": {"$starts_with": "a"}}},
        ["Ada", "Alan"],
    ),
    (
        "name-last-ends",
        f.attr("name", "last_name").ends_with("ING"),
        {"name": {"last_name": {"$ends_with": "ING"}}},
        ["Alan"],
    ),
    (
        "name-first-in",
        f.attr("name", "first_name").in_(["Ada", "Zed"]),
        {"name": {"first_name": {"$in": ["Ada", "Zed"]}}},
        ["Ada", "Nobody"],
    ),
    (
        "email-not-empty",
        f.attr("email_addresses").not_empty(),
        {"email_addresses": {"$not_empty": True}},
        ["Ada", "Grace", "Alan"],
    ),
]
NAME_CASES = _on("people", _PEOPLE_ROWS)

# &, |, ~ (nesting, flattening, double negation, raw dicts mixed in)
LOGIC_CASES: list[FilterCase] = _deals(
    (
        "and",
        f.attr("t_checkbox").eq(True) & f.attr("t_number").gt(10),
        {"$and": [{"t_checkbox": {"$eq": True}}, {"t_number": {"$gt": 10}}]},
        ["Three"],
    ),
    (
        "and-flat",
        f.attr("t_number").gte(10) & f.attr("t_rating").lt(5) & f.attr("t_select").eq("Beta"),
        {
            "$and": [
                {"t_number": {"$gte": 10}},
                {"t_rating": {"$lt": 5}},
                {"t_select": {"$eq": "Beta"}},
            ]
        },
        ["Two"],
    ),
    (
        "or",
        f.attr("t_select").eq("Alpha") | f.attr("t_rating").eq(5),
        {"$or": [{"t_select": {"$eq": "Alpha"}}, {"t_rating": {"$eq": 5}}]},
        ["One", "Three"],
    ),
    (
        "or-flat",
        f.attr("t_rating").eq(1) | f.attr("t_rating").eq(3) | f.attr("name").eq("Four"),
        {"$or": [{"t_rating": {"$eq": 1}}, {"t_rating": {"$eq": 3}}, {"name": {"$eq": "Four"}}]},
        ["One", "Two", "Four"],
    ),
    (
        "not",
        ~f.attr("t_checkbox").eq(True),
        {"$not": {"t_checkbox": {"$eq": True}}},
        ["Two", "Four"],
    ),
    ("not-not", ~~f.attr("t_rating").eq(3), {"t_rating": {"$eq": 3}}, ["Two"]),
    (
        "not-empty-negated",
        ~f.attr("t_text").not_empty(),
        {"$not": {"t_text": {"$not_empty": True}}},
        ["Four"],
    ),
    (
        "and-of-or",
        (f.attr("t_rating").eq(1) | f.attr("t_rating").eq(5)) & ~f.attr("stage").eq("Lost"),
        {
            "$and": [
                {"$or": [{"t_rating": {"$eq": 1}}, {"t_rating": {"$eq": 5}}]},
                {"$not": {"stage": {"$eq": "Lost"}}},
            ]
        },
        ["One"],
    ),
    (
        "or-of-and",
        (f.attr("t_checkbox").eq(True) & f.attr("t_rating").gt(1)) | f.attr("name").eq("Two"),
        {
            "$or": [
                {"$and": [{"t_checkbox": {"$eq": True}}, {"t_rating": {"$gt": 1}}]},
                {"name": {"$eq": "Two"}},
            ]
        },
        ["Two", "Three"],
    ),
    (
        "not-of-or",
        ~(f.attr("t_select").eq("Alpha") | f.attr("t_select").eq("Beta")),
        {"$not": {"$or": [{"t_select": {"$eq": "Alpha"}}, {"t_select": {"$eq": "Beta"}}]}},
        ["Three", "Four"],
    ),
    (
        "raw-and-builder",
        f.raw({"name": "One"}) | f.attr("t_rating").eq(5),
        {"$or": [{"name": "One"}, {"t_rating": {"$eq": 5}}]},
        ["One", "Three"],
    ),
    (
        "builder-and-raw",
        f.attr("t_checkbox").eq(True) & {"t_rating": {"$gte": 5}},
        {"$and": [{"t_checkbox": {"$eq": True}}, {"t_rating": {"$gte": 5}}]},
        ["Three"],
    ),
    (
        "raw-rand",
        {"t_checkbox": True} & f.attr("t_rating").lt(5),
        {"$and": [{"t_checkbox": True}, {"t_rating": {"$lt": 5}}]},
        ["One"],
    ),
    (
        "raw-ror",
        {"name": "Four"} | f.attr("t_rating").eq(1),
        {"$or": [{"name": "Four"}, {"t_rating": {"$eq": 1}}]},
        ["One", "Four"],
    ),
    ("shorthand-eq", f.attr("t_text").eq("Apple pie"), {"t_text": {"$eq": "Apple pie"}}, ["One"]),
)

# paths through record references (one and two hops, with and without a field)
PATH_CASES: list[FilterCase] = _deals(
    (
        "path-ref",
        f.path(("deals", "t_reference"), ("companies", "name")).eq("Globex"),
        {
            "path": [["deals", "t_reference"], ["companies", "name"]],
            "constraints": {"$eq": "Globex"},
        },
        ["Two"],
    ),
    (
        "path-ref-contains",
        f.path(("deals", "associated_company"), ("companies", "domains")).contains("acme"),
        {
            "path": [["deals", "associated_company"], ["companies", "domains"]],
            "constraints": {"$contains": "acme"},
        },
        ["One", "Three"],
    ),
    (
        "path-ref-field",
        f.path(("deals", "associated_people"), ("people", "name"), field="last_name").eq("Turing"),
        {
            "path": [["deals", "associated_people"], ["people", "name"]],
            "constraints": {"last_name": {"$eq": "Turing"}},
        },
        ["Three"],
    ),
    (
        "path-multi-hop",
        f.path(("deals", "associated_people"), ("people", "company"), ("companies", "name")).in_(
            ["Globex"]
        ),
        {
            "path": [["deals", "associated_people"], ["people", "company"], ["companies", "name"]],
            "constraints": {"$in": ["Globex"]},
        },
        ["Two"],
    ),
    (
        "path-multi-hop-field",
        f.path(
            ("deals", "associated_company"),
            ("companies", "team"),
            ("people", "email_addresses"),
            field="email_local_specifier",
        ).eq("alan"),
        {
            "path": [
                ["deals", "associated_company"],
                ["companies", "team"],
                ["people", "email_addresses"],
            ],
            "constraints": {"email_local_specifier": {"$eq": "alan"}},
        },
        ["One", "Three"],
    ),
    (
        "path-not-empty",
        f.path(("deals", "associated_people"), ("people", "email_addresses")).not_empty(),
        {
            "path": [["deals", "associated_people"], ["people", "email_addresses"]],
            "constraints": {"$not_empty": True},
        },
        SET,
    ),
    (
        "path-negated",
        ~f.path(("deals", "t_reference"), ("companies", "name")).eq("Acme"),
        {
            "$not": {
                "path": [["deals", "t_reference"], ["companies", "name"]],
                "constraints": {"$eq": "Acme"},
            }
        },
        ["Two", "Four"],
    ),
    (
        "path-and-attr",
        f.path(("deals", "t_reference"), ("companies", "name")).eq("Acme")
        & f.attr("t_rating").gt(1),
        {
            "$and": [
                {
                    "path": [["deals", "t_reference"], ["companies", "name"]],
                    "constraints": {"$eq": "Acme"},
                },
                {"t_rating": {"$gt": 1}},
            ]
        },
        ["Three"],
    ),
    (
        "path-one-hop",
        f.path(("deals", "t_number")).gt(15),
        {"path": [["deals", "t_number"]], "constraints": {"$gt": 15}},
        ["Two", "Three"],
    ),
)

# list entries: their own attributes, and paths through the parent record
_PIPELINE_ROWS: list[Row] = [
    ("entry-attr", f.attr("l_score").gt(10), {"l_score": {"$gt": 10}}, ["Two", "Three"]),
    (
        "entry-status",
        f.attr("l_stage").eq("Open"),
        {"l_stage": {"$eq": "Open"}},
        ["One", "Three"],
    ),
    (
        "entry-text-empty",
        ~f.attr("l_note").not_empty(),
        {"$not": {"l_note": {"$not_empty": True}}},
        ["Three"],
    ),
    (
        "entry-parent",
        f.path(("pipeline", "parent_record"), ("deals", "t_text")).starts_with("b"),
        {
            "path": [["pipeline", "parent_record"], ["deals", "t_text"]],
            "constraints": {"$starts_with": "b"},
        },
        ["Two"],
    ),
    (
        "entry-parent-field",
        f.path(("pipeline", "parent_record"), ("deals", "t_currency"), field="currency_value").gte(
            250
        ),
        {
            "path": [["pipeline", "parent_record"], ["deals", "t_currency"]],
            "constraints": {"currency_value": {"$gte": 250}},
        },
        ["Two", "Three"],
    ),
    (
        "entry-parent-ref",
        f.path(
            ("pipeline", "parent_record"),
            ("deals", "associated_company"),
            ("companies", "name"),
        ).eq("Acme"),
        {
            "path": [
                ["pipeline", "parent_record"],
                ["deals", "associated_company"],
                ["companies", "name"],
            ],
            "constraints": {"$eq": "Acme"},
        },
        ["One", "Three"],
    ),
    (
        "entry-parent-and",
        f.path(("pipeline", "parent_record"), ("deals", "t_checkbox")).eq(True)
        & f.attr("l_score").lt(20),
        {
            "$and": [
                {
                    "path": [["pipeline", "parent_record"], ["deals", "t_checkbox"]],
                    "constraints": {"$eq": True},
                },
                {"l_score": {"$lt": 20}},
            ]
        },
        ["One"],
    ),
]
ENTRY_CASES = [
    *_on("lists/pipeline", _PIPELINE_ROWS),
    FilterCase(
        "accounts-parent",
        f.path(("accounts", "parent_record"), ("companies", "domains"), field="root_domain").eq(
            "initech.example"
        ),
        {
            "path": [["accounts", "parent_record"], ["companies", "domains"]],
            "constraints": {"root_domain": {"$eq": "initech.example"}},
        },
        ["Initech"],
        target="lists/accounts",
    ),
]

STATIC_CASES = OPERATOR_CASES + NAME_CASES + LOGIC_CASES + PATH_CASES + ENTRY_CASES


def _cases() -> Iterator[Any]:
    for case in STATIC_CASES:
        yield pytest.param(case, id=case.id)


def _check(world: World, case: FilterCase) -> None:
    assert case.builder.to_json() == case.raw
    assert case.builder == case.raw  # the builder is a mapping of that JSON
    via_builder = query(world, case.target, filter=case.builder)
    via_raw = query(world, case.target, filter=case.raw)
    assert via_builder == via_raw == case.expected


@pytest.mark.parametrize("case", list(_cases()))
def test_builder_filter_matches_raw(world: World, case: FilterCase) -> None:
    _check(world, case)


def test_builder_filters_with_ids(world: World) -> None:
    for case in _by_id(world):
        _check(world, case)


def test_every_operator_is_covered() -> None:
    """Each operator the builders expose appears in the cases, on many attribute types."""
    operators = set(f.Operator.__args__)  # type: ignore[attr-defined]
    assert operators == {
        "$eq",
        "$contains",
        "$starts_with",
        "$ends_with",
        "$lt",
        "$lte",
        "$gt",
        "$gte",
        "$in",
        "$not_empty",
    }
    used: dict[str, set[str]] = {}

    def walk(node: Any, slug: str | None) -> None:
        if isinstance(node, dict):
            for key, item in node.items():
                if key in operators and slug is not None:
                    used.setdefault(key, set()).add(slug)
                walk(item, key if not key.startswith("$") and slug is None else slug)
        elif isinstance(node, list):
            for item in node:
                walk(item, slug)

    for case in STATIC_CASES:
        walk(case.raw, None)
    assert set(used) == operators
    assert all(len(slugs) >= 3 for slugs in used.values()), used


def test_empty_results_are_the_exception() -> None:
    """Most cases select some but not all rows, so a fake that ignored filters would fail."""
    empty = [c.id for c in STATIC_CASES if not c.expected]
    assert len(empty) <= 4, empty


# ---------------------------------------------------------------------------- sorts


@dataclass(frozen=True)
class SortCase:
    id: str
    builders: list[f.Sort]
    raw: list[dict[str, Any]]
    expected: list[str]
    target: str = "deals"


SORT_CASES: list[SortCase] = [
    SortCase(
        "asc-number",
        [f.asc("t_number")],
        [{"direction": "asc", "attribute": "t_number"}],
        ["One", "Two", "Three", "Four"],
    ),
    SortCase(
        "desc-number",
        [f.desc("t_number")],
        [{"direction": "desc", "attribute": "t_number"}],
        ["Three", "Two", "One", "Four"],
    ),
    SortCase(
        "desc-text",
        [f.desc("t_text")],
        [{"direction": "desc", "attribute": "t_text"}],
        ["Three", "Two", "One", "Four"],
    ),
    SortCase(
        "asc-currency-field",
        [f.asc("t_currency", "currency_value")],
        [{"direction": "asc", "attribute": "t_currency", "field": "currency_value"}],
        ["One", "Two", "Three", "Four"],
    ),
    SortCase(
        "desc-date",
        [f.desc(f.attr("t_date"))],
        [{"direction": "desc", "attribute": "t_date"}],
        ["Three", "Two", "One", "Four"],
    ),
    SortCase(
        "asc-timestamp",
        [f.attr("t_timestamp").asc()],
        [{"direction": "asc", "attribute": "t_timestamp"}],
        ["One", "Two", "Three", "Four"],
    ),
    SortCase(
        "desc-rating",
        [f.attr("t_rating").desc()],
        [{"direction": "desc", "attribute": "t_rating"}],
        ["Three", "Two", "One", "Four"],
    ),
    SortCase(
        "asc-select",
        [f.asc("t_select", "title")],
        [{"direction": "asc", "attribute": "t_select", "field": "title"}],
        ["One", "Two", "Three", "Four"],
    ),
    SortCase(
        "desc-location-field",
        [f.desc(f.attr("t_location", "locality"))],
        [{"direction": "desc", "attribute": "t_location", "field": "locality"}],
        ["Two", "One", "Three", "Four"],
    ),
    SortCase(
        "two-keys",
        [f.desc("t_checkbox"), f.asc("t_number")],
        [
            {"direction": "desc", "attribute": "t_checkbox"},
            {"direction": "asc", "attribute": "t_number"},
        ],
        ["One", "Three", "Two", "Four"],
    ),
    SortCase(
        "asc-path",
        [f.asc(path=[("deals", "t_reference"), ("companies", "name")])],
        [{"direction": "asc", "path": [["deals", "t_reference"], ["companies", "name"]]}],
        ["One", "Three", "Two", "Four"],
    ),
    SortCase(
        "desc-path-field",
        [f.desc(path=[("deals", "associated_people"), ("people", "name")], field="first_name")],
        [
            {
                "direction": "desc",
                "path": [["deals", "associated_people"], ["people", "name"]],
                "field": "first_name",
            }
        ],
        ["Two", "One", "Three", "Four"],
    ),
    SortCase(
        "path-target",
        [f.path(("deals", "associated_company"), ("companies", "domains")).desc()],
        [
            {
                "direction": "desc",
                "path": [["deals", "associated_company"], ["companies", "domains"]],
            }
        ],
        ["Two", "One", "Three", "Four"],
    ),
    SortCase(
        "people-last-name",
        [f.asc("name", "last_name")],
        [{"direction": "asc", "attribute": "name", "field": "last_name"}],
        ["Grace", "Ada", "Nobody", "Alan"],
        target="people",
    ),
    SortCase(
        "entries-attr",
        [f.desc("l_score")],
        [{"direction": "desc", "attribute": "l_score"}],
        ["Three", "Two", "One"],
        target="lists/pipeline",
    ),
    SortCase(
        "entries-parent",
        [f.desc(path=[("pipeline", "parent_record"), ("deals", "t_text")])],
        [{"direction": "desc", "path": [["pipeline", "parent_record"], ["deals", "t_text"]]}],
        ["Three", "Two", "One"],
        target="lists/pipeline",
    ),
    SortCase(
        "entries-parent-ref",
        [f.asc(f.path(("accounts", "parent_record"), ("companies", "domains"), field="domain"))],
        [
            {
                "direction": "asc",
                "path": [["accounts", "parent_record"], ["companies", "domains"]],
                "field": "domain",
            }
        ],
        ["Acme", "Globex", "Initech"],
        target="lists/accounts",
    ),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in SORT_CASES])
def test_builder_sorts_match_raw(world: World, case: SortCase) -> None:
    assert [s.to_json() for s in case.builders] == case.raw
    via_builder = query(world, case.target, sorts=case.builders)
    via_raw = query(world, case.target, sorts=case.raw)
    assert via_builder == via_raw == case.expected


def test_filter_and_sort_together(world: World) -> None:
    flt = f.attr("t_number").gte(10) & ~f.attr("stage").eq("In Progress")
    raw = {"$and": [{"t_number": {"$gte": 10}}, {"$not": {"stage": {"$eq": "In Progress"}}}]}
    sorts = [f.desc("t_number")]
    assert query(world, "deals", filter=flt, sorts=sorts) == ["Three", "One"]
    assert query(
        world, "deals", filter=raw, sorts=[{"direction": "desc", "attribute": "t_number"}]
    ) == [
        "Three",
        "One",
    ]


# ---------------------------------------------------------------------------- sync and async


def test_async_client_gives_the_same_answers(world: World) -> None:
    cases = [
        c for c in STATIC_CASES if c.id in ("text-contains", "path-multi-hop", "entry-parent-ref")
    ]
    sort = SORT_CASES[10]

    async def main() -> list[list[str]]:
        results = []
        async with world.fake.async_client() as client:
            for case in cases:
                for flt in (case.builder, case.raw):
                    if case.target.startswith("lists/"):
                        page = await attio.Entry.list_async(client, case.target[6:], filter=flt)
                        results.append(_labels(world, page.data))
                    else:
                        recs = await attio.Record.list_async(client, case.target, filter=flt)
                        results.append(_labels(world, recs.data))
            recs = await attio.Record.list_async(client, "deals", sorts=sort.builders)
            results.append(_labels(world, recs.data))
            streamed = [
                r
                async for r in attio.Record.stream_async(
                    client, "deals", filter=cases[0].builder, page_size=1
                )
            ]
            results.append(_labels(world, streamed))
        return results

    results = asyncio.run(main())
    expected = [c.expected for c in cases for _ in (0, 1)] + [sort.expected, cases[0].expected]
    assert results == expected


def test_stream_pages_with_a_builder_filter(world: World) -> None:
    flt = f.attr("t_number").not_empty()
    with world.fake.client() as client:
        streamed = list(
            attio.Record.stream(
                client, "deals", filter=flt, sorts=[f.desc("t_number")], page_size=2
            )
        )
    assert _labels(world, streamed) == ["Three", "Two", "One"]


# ---------------------------------------------------------------------------- refusals

REFUSED: list[tuple[str, f.Filter, str]] = [
    ("unknown-attribute", f.attr("nope").eq(1), "nope"),
    ("unknown-field", f.attr("t_text", "first_name").eq("x"), "first_name"),
    ("checkbox-not-eq", f.attr("t_checkbox").not_empty(), "$not_empty"),
    ("checkbox-in", f.attr("t_checkbox").in_([True]), "$in"),
    ("text-ordered", f.attr("t_text").lt("m"), "$lt"),
    ("name-ordered", f.attr("t_email").gte("a"), "$gte"),
    ("number-contains", f.attr("t_number").contains("1"), "$contains"),
    ("date-starts", f.attr("t_date").starts_with("2024"), "$starts_with"),
    ("select-ends", f.attr("t_select").ends_with("a"), "$ends_with"),
    ("status-contains", f.attr("stage").contains("Lo"), "$contains"),
    ("status-changed-eq", f.attr("stage", "active_from").eq("2024-01-01"), "$eq"),
    ("reference-ordered", f.attr("t_reference").gt("a"), "$gt"),
    ("number-vs-text", f.attr("t_number").lt("ten"), "$lt"),
    ("date-vs-number", f.attr("t_date").gt(2024), "$gt"),
    ("path-not-a-reference", f.path(("deals", "t_text"), ("companies", "name")).eq("x"), "t_text"),
    ("path-wrong-start", f.path(("people", "company"), ("companies", "name")).eq("x"), "people"),
    ("path-wrong-hop", f.path(("deals", "t_reference"), ("people", "name")).eq("x"), "people"),
    (
        "path-unknown-object",
        f.path(("deals", "t_reference"), ("nowhere", "name")).eq("x"),
        "nowhere",
    ),
    (
        "path-parent-on-object",
        f.path(("deals", "parent_record"), ("deals", "name")).eq("x"),
        "parent_record",
    ),
    ("nested-refusal", f.attr("t_rating").eq(1) | ~f.attr("nope").eq(1), "nope"),
]


@pytest.mark.parametrize(("flt", "part"), [pytest.param(b, p, id=i) for i, b, p in REFUSED])
@pytest.mark.parametrize("rows", ["with-rows", "empty"])
def test_refused_like_attio(world: World, flt: f.Filter, part: str, rows: str) -> None:
    fake = world.fake if rows == "with-rows" else _empty_world()
    with fake.client() as client, pytest.raises(attio.APIStatusError) as caught:
        attio.Record.list(client, "deals", filter=flt)
    assert (caught.value.status_code, caught.value.code) == (400, "filter_error")
    assert part in str(caught.value.message)
    # the same filter written by hand is refused the same way
    with fake.client() as client, pytest.raises(attio.APIStatusError) as again:
        attio.Record.list(client, "deals", filter=dict(flt.to_json()))
    assert (again.value.code, again.value.message) == (caught.value.code, caught.value.message)


_EMPTY: list[FakeAttio] = []


def _empty_world() -> FakeAttio:
    """The schema of the seeded world without any record (Attio checks filters first)."""
    if not _EMPTY:
        fake = FakeAttio()
        with fake.client() as client:
            for spec in DEAL_ATTRIBUTES:
                _attribute(client, "objects", "deals", spec)
        _EMPTY.append(fake)
    return _EMPTY[0]


@pytest.mark.parametrize(
    ("sort", "code"),
    [
        pytest.param(f.asc("t_text", "first_name"), "validation_type", id="unknown-field"),
        pytest.param(f.desc("nope"), "filter_error", id="unknown-attribute"),
        pytest.param(
            f.asc(path=[("deals", "t_text"), ("companies", "name")]),
            "filter_error",
            id="path-not-a-reference",
        ),
        pytest.param(
            f.asc(path=[("deals", "parent_record"), ("deals", "name")]),
            "filter_error",
            id="parent-on-object",
        ),
    ],
)
def test_sorts_refused_like_attio(world: World, sort: f.Sort, code: str) -> None:
    with world.fake.client() as client, pytest.raises(attio.APIStatusError) as caught:
        attio.Record.list(client, "deals", sorts=[sort])
    assert (caught.value.status_code, caught.value.code) == (400, code)


def test_entries_path_must_start_at_the_list(world: World) -> None:
    flt = f.path(("accounts", "parent_record"), ("companies", "name")).eq("Acme")
    with world.fake.client() as client, pytest.raises(attio.APIStatusError) as caught:
        attio.Entry.list(client, "pipeline", filter=flt)
    assert (caught.value.status_code, caught.value.code) == (400, "filter_error")


# ---------------------------------------------------------------------------- webhook filters


def test_webhook_filter_json() -> None:
    oid = "97052eb9-e65e-443f-a297-f2d9a4a7f795"
    one = f.webhook_field("parent_object_id").equals(oid)
    assert one.to_json() == {
        "$and": [{"field": "parent_object_id", "operator": "equals", "value": oid}]
    }
    both = one & f.webhook_field("actor.type").not_equals("system")
    assert both == {
        "$and": [
            {"field": "parent_object_id", "operator": "equals", "value": oid},
            {"field": "actor.type", "operator": "not_equals", "value": "system"},
        ]
    }
    either = f.webhook_field("id.object_id").equals("a") | f.webhook_field("id.object_id").equals(
        "b"
    )
    assert either.to_json() == {
        "$or": [
            {"field": "id.object_id", "operator": "equals", "value": "a"},
            {"field": "id.object_id", "operator": "equals", "value": "b"},
        ]
    }
    assert (~either).to_json() == {
        "$and": [
            {"field": "id.object_id", "operator": "not_equals", "value": "a"},
            {"field": "id.object_id", "operator": "not_equals", "value": "b"},
        ]
    }
    with pytest.raises(ValueError):
        _ = both | f.webhook_field("x").equals("y")


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_fake_accepts_builder_webhook_filters(kind: str) -> None:
    fake = FakeAttio()
    flt = f.webhook_field("id.object_id").equals("a") & f.webhook_field("actor.type").not_equals(
        "system"
    )
    raw = {
        "$and": [
            {"field": "id.object_id", "operator": "equals", "value": "a"},
            {"field": "actor.type", "operator": "not_equals", "value": "system"},
        ]
    }
    subs: list[WebhookSubscriptionParam | attio.WebhookSubscription] = [
        {"event_type": "record.created", "filter": flt},
        {"event_type": "record.updated", "filter": ~flt},
        {"event_type": "note.created", "filter": None},
        attio.WebhookSubscription(event_type="task.created", filter=raw),
    ]

    async def run_async() -> attio.Webhook:
        async with fake.async_client() as client:
            return await attio.Webhook.create_async(
                client, target_url="https://hooks.example/x", subscriptions=subs
            )

    if kind == "sync":
        with fake.client() as client:
            created = attio.Webhook.create(
                client, target_url="https://hooks.example/x", subscriptions=subs
            )
    else:
        created = asyncio.run(run_async())
    assert fake.requests[-1].json["data"]["subscriptions"][0]["filter"] == raw
    stored = fake.store.webhooks[created.id.webhook_id]["subscriptions"]
    assert stored[0]["filter"] == raw
    assert stored[1]["filter"] == {
        "$or": [
            {"field": "id.object_id", "operator": "not_equals", "value": "a"},
            {"field": "actor.type", "operator": "equals", "value": "system"},
        ]
    }
    assert stored[2]["filter"] is None
    assert stored[3]["filter"] == raw
    assert created.subscriptions is not None
    assert created.subscriptions[0].filter == raw


@pytest.mark.parametrize(
    "flt",
    [
        pytest.param(
            {"$and": [{"field": "x", "operator": "contains", "value": "a"}]}, id="operator"
        ),
        pytest.param({"$and": [{"field": "x", "operator": "equals", "value": 3}]}, id="value-type"),
        pytest.param({"$and": [{"operator": "equals", "value": "a"}]}, id="no-field"),
        pytest.param({"$and": [], "$or": []}, id="both-kinds"),
        pytest.param({"field": "x", "operator": "equals", "value": "a"}, id="bare-condition"),
        pytest.param({"$and": {"field": "x"}}, id="not-a-list"),
        pytest.param("x", id="not-an-object"),
    ],
)
def test_fake_refuses_bad_webhook_filters(flt: Any) -> None:
    fake = FakeAttio()
    subs: list[WebhookSubscriptionParam] = [{"event_type": "record.created", "filter": flt}]
    with fake.client() as client, pytest.raises(attio.APIStatusError) as caught:
        attio.Webhook.create(client, target_url="https://hooks.example/x", subscriptions=subs)
    assert (caught.value.status_code, caught.value.code) == (400, "validation_type")
    assert fake.store.webhooks == {}


@pytest.mark.parametrize("value", [True, 3, 2.5, Decimal("1"), None])
def test_webhook_filter_values_are_strings(value: Any) -> None:
    with pytest.raises(TypeError):
        f.webhook_field("x").equals(value)


def test_webhook_filter_uuid_value_is_text() -> None:
    oid = uuid.UUID(int=7)
    flt = f.webhook_field("id.object_id").not_equals(oid)
    assert flt == {"$and": [{"field": "id.object_id", "operator": "not_equals", "value": str(oid)}]}
    fake = FakeAttio()
    subs: list[WebhookSubscriptionParam] = [{"event_type": "record.created", "filter": flt}]
    with fake.client() as client:
        attio.Webhook.create(client, target_url="https://hooks.example/x", subscriptions=subs)


def test_webhook_filter_without_filter_key_is_refused() -> None:
    """The spec requires ``filter`` (null for every event); the client always sends it."""
    fake = FakeAttio()
    body = {
        "data": {
            "target_url": "https://x.example",
            "subscriptions": [{"event_type": "task.created"}],
        }
    }
    with httpx.Client(transport=fake.transport) as http:
        response = http.post(
            "https://api.attio.com/v2/webhooks", json=body, headers={"Authorization": "Bearer k"}
        )
    assert response.status_code == 400
    assert response.json()["validation_errors"][0]["path"] == ["data", "subscriptions", 0, "filter"]


def test_an_unset_checkbox_reads_false(world: World) -> None:
    """[docs] checkboxes have no null; [real] records list an unset one as ``false``. A
    checkbox created later reads false on existing records too."""
    with world.fake.client() as client:
        four = attio.Record.get(client, "deals", world.ids["Four"])
    assert [v.model_dump()["value"] for v in four.values["t_checkbox"]] == [False]
    fake = FakeAttio()
    with fake.client() as client:
        before = attio.Record.create(client, "deals", {"name": ["Before"]})
        _attribute(client, "objects", "deals", ("flag", "checkbox", False, {}))
        again = attio.Record.get(client, "deals", before.record_id)
        after = attio.Record.create(client, "deals", {"name": ["After"], "flag": [True]})
        falses = attio.Record.list(client, "deals", filter=f.attr("flag").eq(False)).data
    assert [v.model_dump()["value"] for v in again.values["flag"]] == [False]
    assert [v.model_dump()["value"] for v in after.values["flag"]] == [True]
    assert [r.record_id for r in falses] == [before.record_id]
