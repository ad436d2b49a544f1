"""attio.filters: exact JSON of every builder, and the bodies the client sends with them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from decimal import Decimal
from uuid import UUID

import httpx
import pytest

import attio
import attio.filters as f
from attio._request import encode_json
from attio.testing import FakeAttio
from attio.values import PersonalNameValue
from tests.bodies import full

ID = "5f3c1a0e-9a34-4d3e-8f4b-6f7d2b1c0a99"


# --- operators and fields ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (f.attr("stage").eq("Won"), {"stage": {"$eq": "Won"}}),
        (f.attr("name").contains("Ada"), {"name": {"$contains": "Ada"}}),
        (f.attr("name").starts_with("Ad"), {"name": {"$starts_with": "Ad"}}),
        (f.attr("name").ends_with("da"), {"name": {"$ends_with": "da"}}),
        (f.attr("employees").lt(10), {"employees": {"$lt": 10}}),
        (f.attr("employees").lte(10), {"employees": {"$lte": 10}}),
        (f.attr("employees").gt(10), {"employees": {"$gt": 10}}),
        (f.attr("employees").gte(10), {"employees": {"$gte": 10}}),
        (f.attr("record_id").in_([ID, "b"]), {"record_id": {"$in": [ID, "b"]}}),
        (f.attr("domains").not_empty(), {"domains": {"$not_empty": True}}),
    ],
)
def test_each_operator(condition: f.Condition, expected: dict[str, object]) -> None:
    assert condition.to_json() == expected
    assert json.loads(encode_json(condition)) == expected


def test_attribute_field() -> None:
    assert f.attr("name", "last_name").eq("Lovelace").to_json() == {
        "name": {"last_name": {"$eq": "Lovelace"}}
    }
    assert f.attr("email_addresses", "email_domain").ends_with(".com").to_json() == {
        "email_addresses": {"email_domain": {"$ends_with": ".com"}}
    }
    assert f.attr("domains", "domain").not_empty().to_json() == {
        "domains": {"domain": {"$not_empty": True}}
    }


def test_in_takes_any_iterable_and_normalises_each_value() -> None:
    uid = UUID(ID)
    assert f.attr("record_id").in_(x for x in (uid, "x")).to_json() == {
        "record_id": {"$in": [ID, "x"]}
    }
    assert f.attr("x").in_(()).to_json() == {"x": {"$in": []}}


def test_in_rejects_a_bare_string_or_mapping() -> None:
    with pytest.raises(TypeError):
        f.attr("x").in_("abc")
    with pytest.raises(TypeError):
        f.attr("x").in_({"a": 1})


# --- paths ---------------------------------------------------------------------------------


def test_path_filter_shape() -> None:
    via = f.path(("people", "company"), ("companies", "name")).contains("Acme")
    assert via.to_json() == {
        "path": [["people", "company"], ["companies", "name"]],
        "constraints": {"$contains": "Acme"},
    }


def test_path_filter_with_field() -> None:
    via = f.path(
        ("candidates", "parent_record"), ("people", "email_addresses"), field="email_domain"
    ).eq("apple.com")
    assert via.to_json() == {
        "path": [["candidates", "parent_record"], ["people", "email_addresses"]],
        "constraints": {"email_domain": {"$eq": "apple.com"}},
    }


def test_path_every_operator() -> None:
    p = f.path(("deals", "associated_company"), ("companies", "employees"))
    assert p.gte(5).to_json()["constraints"] == {"$gte": 5}
    assert p.in_([1, 2]).to_json()["constraints"] == {"$in": [1, 2]}
    assert p.not_empty().to_json()["constraints"] == {"$not_empty": True}


@pytest.mark.parametrize(
    "steps",
    [(), (("people",),), (("people", "company", "x"),), (["people", "company"],), (("", "a"),)],
)
def test_bad_paths(steps: tuple[object, ...]) -> None:
    with pytest.raises((TypeError, ValueError)):
        f.path(*steps)  # type: ignore[arg-type]


def test_bad_names() -> None:
    with pytest.raises(ValueError, match="empty"):
        f.attr("")
    with pytest.raises(TypeError):
        f.attr(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="empty"):
        f.attr("name", "")
    with pytest.raises(TypeError):
        f.path(("people", 3))  # type: ignore[arg-type]


# --- combinations ----------------------------------------------------------------------------


A = f.attr("a").eq(1)
B = f.attr("b").eq(2)
C = f.attr("c").eq(3)
D = f.attr("d").eq(4)


def test_and_or_not() -> None:
    assert (A & B).to_json() == {"$and": [{"a": {"$eq": 1}}, {"b": {"$eq": 2}}]}
    assert (A | B).to_json() == {"$or": [{"a": {"$eq": 1}}, {"b": {"$eq": 2}}]}
    assert (~A).to_json() == {"$not": {"a": {"$eq": 1}}}


def test_same_kind_flattens() -> None:
    assert (A & B & C).to_json() == {"$and": [A.to_json(), B.to_json(), C.to_json()]}
    assert (A & (B & C)).to_json() == {"$and": [A.to_json(), B.to_json(), C.to_json()]}
    assert ((A & B) & (C & D)).to_json() == {"$and": [x.to_json() for x in (A, B, C, D)]}
    assert (A | (B | C) | D).to_json() == {"$or": [x.to_json() for x in (A, B, C, D)]}


def test_mixed_kinds_nest() -> None:
    assert ((A & B) | C).to_json() == {"$or": [{"$and": [A.to_json(), B.to_json()]}, C.to_json()]}
    assert (A & (B | C)).to_json() == {"$and": [A.to_json(), {"$or": [B.to_json(), C.to_json()]}]}
    assert (~(A | B) & C).to_json() == {
        "$and": [{"$not": {"$or": [A.to_json(), B.to_json()]}}, C.to_json()]
    }


def test_negation_of_and_is_not_flattened_into_and() -> None:
    assert (A & ~(B & C)).to_json() == {
        "$and": [A.to_json(), {"$not": {"$and": [B.to_json(), C.to_json()]}}]
    }


def test_double_negation_cancels() -> None:
    assert ~~A == A
    assert (~~A).to_json() == A.to_json()


def test_contract_example() -> None:
    flt = (
        f.attr("name", "last_name").eq("Lovelace") & f.attr("email_addresses").not_empty()
    ) | ~f.attr("stage").eq("Lost")
    assert flt.to_json() == {
        "$or": [
            {
                "$and": [
                    {"name": {"last_name": {"$eq": "Lovelace"}}},
                    {"email_addresses": {"$not_empty": True}},
                ]
            },
            {"$not": {"stage": {"$eq": "Lost"}}},
        ]
    }


def test_raw_dicts_combine_on_either_side() -> None:
    raw = {"name": "Ada"}
    assert (A & raw).to_json() == {"$and": [A.to_json(), raw]}
    assert (raw & A).to_json() == {"$and": [raw, A.to_json()]}
    assert (raw | A).to_json() == {"$or": [raw, A.to_json()]}
    assert (f.raw(raw) | A).to_json() == {"$or": [raw, A.to_json()]}
    assert (~f.raw(raw)).to_json() == {"$not": raw}


def test_raw_is_a_copy() -> None:
    source: dict[str, f.JSONValue] = {"name": {"$in": ["a"]}}
    wrapped = f.raw(source)
    source["name"] = "changed"
    assert wrapped.to_json() == {"name": {"$in": ["a"]}}
    with pytest.raises(TypeError):
        f.raw(["x"])  # type: ignore[arg-type]


def test_and_with_other_types_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        A & 3  # type: ignore[operator]
    with pytest.raises(TypeError):
        A | f.asc("x")


# --- values ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        ("text", '"text"'),
        (7, "7"),
        (2.5, "2.5"),
        (True, "true"),
        (False, "false"),
        (None, "null"),
        (Decimal("1250000.50"), "1250000.50"),
        (Decimal("0.1000000000000000000001"), "0.1000000000000000000001"),
        (dt.date(1815, 12, 10), '"1815-12-10"'),
        (dt.datetime(2024, 1, 2, 3, 4, 5), '"2024-01-02T03:04:05.000000000Z"'),
        (
            dt.datetime(2024, 1, 2, 5, 4, 5, 120000, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            '"2024-01-02T03:04:05.120000000Z"',
        ),
        (UUID(ID), f'"{ID}"'),
    ],
)
def test_values_are_sent_exactly(value: f.FilterValue, sent: str) -> None:
    condition = f.attr("x").eq(value)
    assert encode_json(condition).decode() == '{"x":{"$eq":' + sent + "}}"


def test_to_json_normalises_values() -> None:
    assert f.attr("d").gt(dt.date(2024, 1, 1)).to_json() == {"d": {"$gt": "2024-01-01"}}
    assert f.attr("t").lt(dt.datetime(2024, 1, 1)).to_json() == {
        "t": {"$lt": "2024-01-01T00:00:00.000000000Z"}
    }
    assert f.attr("n").eq(Decimal("1.50")).to_json() == {"n": {"$eq": Decimal("1.50")}}
    assert f.attr("id").eq(UUID(ID)).to_json() == {"id": {"$eq": ID}}


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), Decimal("NaN"), Decimal("-Infinity")]
)
def test_non_finite_numbers_are_refused(value: float | Decimal) -> None:
    with pytest.raises(ValueError, match="NaN or infinity"):
        f.attr("x").eq(value)


def test_unsupported_values_are_type_errors() -> None:
    with pytest.raises(TypeError, match="filter value"):
        f.attr("x").eq(object())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="filter value"):
        f.attr("x").in_([[1]])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="text"):
        f.attr("x").contains(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        f.attr("x").lt(None)
    with pytest.raises(TypeError):
        f.attr("x").gte(True)


# --- sorts ------------------------------------------------------------------------------------


def test_sorts() -> None:
    assert f.asc("name", "last_name").to_json() == {
        "direction": "asc",
        "attribute": "name",
        "field": "last_name",
    }
    assert f.desc("created_at").to_json() == {"direction": "desc", "attribute": "created_at"}
    steps = [("people", "company"), ("companies", "name")]
    assert f.desc(path=steps).to_json() == {
        "direction": "desc",
        "path": [["people", "company"], ["companies", "name"]],
    }
    assert f.asc(path=steps, field="value").to_json() == {
        "direction": "asc",
        "path": [["people", "company"], ["companies", "name"]],
        "field": "value",
    }


def test_sorts_from_targets() -> None:
    assert f.asc(f.attr("name", "first_name")) == f.asc("name", "first_name")
    assert f.attr("name", "first_name").desc() == f.desc("name", "first_name")
    p = f.path(("people", "company"), ("companies", "name"))
    assert f.desc(p) == f.desc(path=[("people", "company"), ("companies", "name")])
    assert p.asc().to_json() == {
        "direction": "asc",
        "path": [["people", "company"], ["companies", "name"]],
    }


def test_bad_sorts() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        f.asc()
    with pytest.raises(ValueError, match="exactly one"):
        f.asc("name", path=[("a", "b")])
    with pytest.raises(ValueError, match="field"):
        f.asc(f.attr("name"), "last_name")
    with pytest.raises(TypeError):
        f.desc(path="people")  # type: ignore[arg-type]


# --- immutability, mapping behaviour ----------------------------------------------------------


def test_builders_are_immutable_hashable_mappings() -> None:
    flt = A & B
    assert isinstance(flt, Mapping)
    assert dict(flt) == flt.to_json()
    assert flt == flt.to_json()
    assert flt == (A & B)
    assert hash(flt) == hash(A & B)
    assert len({A & B, A & B, A | B}) == 2
    assert f.attr("n").eq(Decimal("1.0")) == f.attr("n").eq(Decimal("1.00"))
    assert hash(f.attr("n").eq(Decimal("1.0"))) == hash(f.attr("n").eq(Decimal("1.00")))
    with pytest.raises(AttributeError):
        flt.filters = ()  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        f.asc("x").direction = "desc"  # type: ignore[misc]


def test_to_json_is_a_fresh_copy() -> None:
    flt = f.attr("x").in_([1, 2]) & A
    out = flt.to_json()
    out["$and"] = []
    assert flt.to_json()["$and"] != []
    inner = flt["$and"]
    assert isinstance(inner, list)
    inner.clear()
    assert len(flt.to_json()["$and"]) == 2  # type: ignore[arg-type]


def test_sort_is_a_mapping() -> None:
    s = f.asc("name", "last_name")
    assert dict(s) == {"direction": "asc", "attribute": "name", "field": "last_name"}
    assert s != f.desc("name", "last_name")
    assert s != A


# --- webhook subscription filters -----------------------------------------------------------


def test_webhook_single_condition() -> None:
    wf = f.webhook_field("id.object_id").equals(ID)
    assert wf.to_json() == {"$and": [{"field": "id.object_id", "operator": "equals", "value": ID}]}
    assert f.webhook_field("actor.type").not_equals("system").to_json() == {
        "$and": [{"field": "actor.type", "operator": "not_equals", "value": "system"}]
    }


def test_webhook_and_or() -> None:
    a = f.webhook_field("id.object_id").equals(UUID(ID))
    b = f.webhook_field("actor.type").not_equals("system")
    c = f.webhook_field("parent_object_id").equals("x")
    assert (a & b & c).to_json() == {
        "$and": [
            {"field": "id.object_id", "operator": "equals", "value": ID},
            {"field": "actor.type", "operator": "not_equals", "value": "system"},
            {"field": "parent_object_id", "operator": "equals", "value": "x"},
        ]
    }
    assert (a | (b | c)).to_json() == {
        "$or": [
            {"field": "id.object_id", "operator": "equals", "value": ID},
            {"field": "actor.type", "operator": "not_equals", "value": "system"},
            {"field": "parent_object_id", "operator": "equals", "value": "x"},
        ]
    }
    with pytest.raises(ValueError, match="cannot nest"):
        (a & b) | c
    with pytest.raises(ValueError, match="cannot nest"):
        a & (b | c)
    with pytest.raises(TypeError):
        a & A


def test_webhook_negation_uses_de_morgan() -> None:
    a = f.webhook_field("x").equals("1")
    b = f.webhook_field("y").not_equals("2")
    assert (~a).to_json() == {"$and": [{"field": "x", "operator": "not_equals", "value": "1"}]}
    assert (~(a & b)).to_json() == {
        "$or": [
            {"field": "x", "operator": "not_equals", "value": "1"},
            {"field": "y", "operator": "equals", "value": "2"},
        ]
    }
    assert ~~(a | b) == (a | b)
    with pytest.raises(ValueError, match="empty"):
        f.webhook_field("")


def test_webhook_filter_in_a_subscription_is_sent_exactly() -> None:
    bodies: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.content)
        return httpx.Response(200, json={"data": full("Webhook")})

    client = attio.Client(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    wf = f.webhook_field("id.object_id").equals(ID) & f.webhook_field("actor.type").equals("x")
    attio.Webhook.create(
        client,
        target_url="https://example.com/hook",
        subscriptions=[{"event_type": "record.created", "filter": wf}],
    )
    assert json.loads(bodies[0])["data"]["subscriptions"] == [
        {"event_type": "record.created", "filter": wf.to_json()}
    ]


# --- what the client sends ------------------------------------------------------------------


def _capturing_client(bodies: list[bytes]) -> attio.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.content)
        return httpx.Response(200, json={"data": []})

    return attio.Client(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )


def test_record_list_sends_builder_json_exactly() -> None:
    bodies: list[bytes] = []
    client = _capturing_client(bodies)
    flt = f.attr("name", "last_name").eq("Lovelace") & f.attr("revenue").gte(Decimal("1250000.50"))
    attio.Record.list(
        client,
        "people",
        filter=flt,
        sorts=[
            f.asc("name", "last_name"),
            f.desc(path=[("people", "company"), ("companies", "name")]),
        ],
    )
    assert bodies == [
        b'{"filter":{"$and":[{"name":{"last_name":{"$eq":"Lovelace"}}},'
        b'{"revenue":{"$gte":1250000.50}}]},'
        b'"sorts":[{"direction":"asc","attribute":"name","field":"last_name"},'
        b'{"direction":"desc","path":[["people","company"],["companies","name"]]}]}'
    ]


def test_builders_and_raw_dicts_send_the_same_body() -> None:
    built: list[bytes] = []
    raw: list[bytes] = []
    flt = f.path(("people", "company"), ("companies", "name")).contains("Acme") | ~A
    sorts = [f.desc("created_at")]
    attio.Record.list(_capturing_client(built), "people", filter=flt, sorts=sorts, limit=5)
    attio.Record.list(
        _capturing_client(raw),
        "people",
        filter=flt.to_json(),
        sorts=[s.to_json() for s in sorts],
        limit=5,
    )
    assert built == raw
    assert json.loads(built[0]) == {
        "filter": flt.to_json(),
        "sorts": [{"direction": "desc", "attribute": "created_at"}],
        "limit": 5,
    }


def test_entry_list_accepts_builders() -> None:
    bodies: list[bytes] = []
    attio.Entry.list(
        _capturing_client(bodies),
        "pipeline",
        filter=f.path(("pipeline", "parent_record"), ("companies", "name")).eq("Acme"),
        sorts=[f.asc("created_at")],
    )
    assert json.loads(bodies[0]) == {
        "filter": {
            "path": [["pipeline", "parent_record"], ["companies", "name"]],
            "constraints": {"$eq": "Acme"},
        },
        "sorts": [{"direction": "asc", "attribute": "created_at"}],
    }


def _people(client: attio.Client) -> None:
    for first, last in [("Ada", "Lovelace"), ("Charles", "Babbage"), ("Alan", "Turing")]:
        attio.Record.create(
            client,
            "people",
            {
                "name": [{"first_name": first, "last_name": last, "full_name": f"{first} {last}"}],
                "email_addresses": [f"{first.lower()}@example.com"],
            },
        )


def _last_names(records: list[attio.Record]) -> list[str]:
    out: list[str] = []
    for record in records:
        name = record.values["name"][0]
        assert isinstance(name, PersonalNameValue)
        assert name.last_name is not None
        out.append(name.last_name)
    return out


def test_fake_attio_filters_and_sorts_by_builders() -> None:
    fake = FakeAttio()
    client = fake.client()
    _people(client)
    page = attio.Record.list(
        client,
        "people",
        filter=f.attr("name", "last_name").eq("Lovelace"),
        sorts=[f.asc("name", "last_name")],
    )
    assert _last_names(page.data) == ["Lovelace"]

    page = attio.Record.list(
        client,
        "people",
        filter=f.attr("name", "first_name").starts_with("A") | f.attr("name").contains("Babb"),
        sorts=[f.desc("name", "last_name")],
    )
    assert _last_names(page.data) == ["Turing", "Lovelace", "Babbage"]

    page = attio.Record.list(
        client,
        "people",
        filter=f.attr("email_addresses").not_empty() & ~f.attr("name", "last_name").eq("Turing"),
        sorts=[f.asc("name", "last_name")],
    )
    assert _last_names(page.data) == ["Babbage", "Lovelace"]

    streamed = attio.Record.stream_all(
        client,
        "people",
        filter=f.attr("name", "last_name").in_(["Turing", "Babbage"]),
        sorts=[f.asc("name", "first_name")],
    )
    assert _last_names(streamed) == ["Turing", "Babbage"]


def test_fake_attio_accepts_raw_dicts_too() -> None:
    client = FakeAttio().client()
    _people(client)
    page = attio.Record.list(
        client,
        "people",
        filter={"name": {"last_name": {"$ends_with": "ing"}}},
        sorts=[{"direction": "asc", "attribute": "name", "field": "last_name"}],
    )
    assert _last_names(page.data) == ["Turing"]


async def test_async_list_accepts_builders() -> None:
    fake = FakeAttio()
    _people(fake.client())
    page = await attio.Record.list_async(
        fake.async_client(),
        "people",
        filter=f.attr("name", "last_name").starts_with("Lo"),
        sorts=[f.asc("name", "last_name")],
    )
    assert _last_names(page.data) == ["Lovelace"]
