"""Record and entry queries: shorthand and verbose filters, sorts, limit/offset paging."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Http, record_id


@pytest.fixture
def people(http: Http) -> Http:
    http.create("companies", {"name": "Acme", "domains": ["acme.example"]})
    rows = [
        ("Ada", "Lovelace", "ada@acme.example", "Engineer", 36),
        ("Grace", "Hopper", "grace@navy.example", "Admiral", 85),
        ("Alan", "Turing", "alan@acme.example", None, 41),
        ("Bob", "Smith", None, "Engineer", None),
    ]
    http.data(
        "POST",
        "/v2/objects/people/attributes",
        {
            "data": {
                "title": "Age",
                "description": None,
                "api_slug": "age",
                "type": "number",
                "is_required": False,
                "is_unique": False,
                "is_multiselect": False,
                "config": {},
            }
        },
    )
    for first, last, email, title, age in rows:
        values: dict[str, Any] = {
            "name": {"first_name": first, "last_name": last, "full_name": f"{first} {last}"}
        }
        if email:
            values["email_addresses"] = [email]
            if email.endswith("acme.example"):
                values["company"] = "acme.example"
        if title:
            values["job_title"] = title
        if age is not None:
            values["age"] = age
        http.create("people", values)
    return http


def _names(
    http: Http, body: dict[str, Any], path: str = "/v2/objects/people/records/query"
) -> list[str]:
    return [r["values"]["name"][0]["first_name"] for r in http.data("POST", path, body)]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        ({"job_title": "Engineer"}, ["Ada", "Bob"]),
        ({"email_addresses": "GRACE@navy.example"}, ["Grace"]),
        ({"name": "Alan Turing"}, ["Alan"]),
        ({"job_title": {"$eq": "Admiral"}}, ["Grace"]),
        ({"name": {"full_name": {"$contains": "o"}}}, ["Ada", "Grace", "Bob"]),
        ({"name": {"last_name": {"$starts_with": "tu"}}}, ["Alan"]),
        ({"name": {"first_name": {"$ends_with": "CE"}}}, ["Grace"]),
        ({"email_addresses": {"email_domain": "acme.example"}}, ["Ada", "Alan"]),
        ({"email_addresses": {"email_domain": {"$in": ["navy.example", "x"]}}}, ["Grace"]),
        ({"age": {"$lt": 41}}, ["Ada"]),
        ({"age": {"$lte": 41}}, ["Ada", "Alan"]),
        ({"age": {"$gt": 41}}, ["Grace"]),
        ({"age": {"$gte": 41, "$lt": 50}}, ["Alan"]),
        ({"email_addresses": {"$not_empty": True}}, ["Ada", "Grace", "Alan"]),
        ({"job_title": {"$not_empty": False}}, ["Alan"]),
        ({"$and": [{"job_title": "Engineer"}, {"email_addresses": {"$not_empty": True}}]}, ["Ada"]),
        ({"$or": [{"job_title": "Admiral"}, {"age": {"$lt": 40}}]}, ["Ada", "Grace"]),
        ({"$not": {"job_title": "Engineer"}}, ["Grace", "Alan"]),
        ({"job_title": "Engineer", "age": {"$not_empty": True}}, ["Ada"]),
        ({}, ["Ada", "Grace", "Alan", "Bob"]),
        (
            {
                "path": [["people", "company"], ["companies", "name"]],
                "constraints": {"$eq": "Acme"},
            },
            ["Ada", "Alan"],
        ),
    ],
)
def test_filters(people: Http, flt: dict[str, Any], expected: list[str]) -> None:
    assert _names(people, {"filter": flt}) == expected


def test_filter_by_reference_and_timestamp(people: Http) -> None:
    acme = people.data("POST", "/v2/objects/companies/records/query", {})[0]
    flt = {"company": {"target_object": "companies", "target_record_id": record_id(acme)}}
    assert _names(people, {"filter": flt}) == ["Ada", "Alan"]
    assert _names(people, {"filter": {"company": record_id(acme)}}) == ["Ada", "Alan"]
    flt = {"created_at": {"$gte": "2000-01-01T00:00:00Z"}}
    assert len(_names(people, {"filter": flt})) == 4
    assert _names(people, {"filter": {"created_at": {"$lt": "2000"}}}) == []


def test_filter_select_and_status_by_title(http: Http) -> None:
    http.create("companies", {"categories": ["B2B", "SaaS"], "name": "One"})
    http.create("companies", {"categories": ["B2C"], "name": "Two"})
    found = http.data(
        "POST", "/v2/objects/companies/records/query", {"filter": {"categories": "SaaS"}}
    )
    assert [r["values"]["name"][0]["value"] for r in found] == ["One"]
    http.create("deals", {"name": "D1", "stage": "Lead"})
    http.create("deals", {"name": "D2", "stage": "Lost"})
    found = http.data(
        "POST",
        "/v2/objects/deals/records/query",
        {"filter": {"stage": {"$in": ["Lost", "Won 🎉"]}}},
    )
    assert [r["values"]["name"][0]["value"] for r in found] == ["D2"]


@pytest.mark.parametrize(
    ("flt", "message_part"),
    [
        ({"nope": "x"}, "nope"),
        ({"age": {"$near": 3}}, "$near"),
        ({"name": {"middle_name": "x"}}, "middle_name"),
        ({"$and": {"age": 3}}, "$and"),
        ({"age": {"$gt": "old"}}, "$gt"),
    ],
)
def test_bad_filters_are_filter_errors(
    people: Http, flt: dict[str, Any], message_part: str
) -> None:
    status, body = people.error("POST", "/v2/objects/people/records/query", {"filter": flt})
    assert (status, body["code"]) == (400, "filter_error")
    assert message_part in body["message"]


def test_sorts(people: Http) -> None:
    asc = [{"direction": "asc", "attribute": "name", "field": "last_name"}]
    assert _names(people, {"sorts": asc}) == ["Grace", "Ada", "Bob", "Alan"]
    desc = [{"direction": "desc", "attribute": "age"}]
    assert _names(people, {"sorts": desc}) == ["Grace", "Alan", "Ada", "Bob"]  # empty last
    two = [
        {"direction": "asc", "attribute": "job_title"},
        {"direction": "desc", "attribute": "name", "field": "first_name"},
    ]
    assert _names(people, {"sorts": two}) == ["Grace", "Bob", "Ada", "Alan"]
    _status, body = people.error(
        "POST",
        "/v2/objects/people/records/query",
        {"sorts": [{"direction": "up", "attribute": "age"}]},
    )
    assert body["code"] == "validation_type"


def test_limit_and_offset_in_the_body(people: Http) -> None:
    assert _names(people, {"limit": 2}) == ["Ada", "Grace"]
    assert _names(people, {"limit": 2, "offset": 2}) == ["Alan", "Bob"]
    assert _names(people, {"limit": 2, "offset": 4}) == []
    status, _body = people.error("POST", "/v2/objects/people/records/query", {"limit": "ten"})
    assert status == 400


def test_default_query_limit_is_500(http: Http, fake: Any) -> None:
    for n in range(501):
        fake.add_record("companies", {"name": f"C{n}"})
    assert len(http.data("POST", "/v2/objects/companies/records/query", {})) == 500
    assert len(http.data("POST", "/v2/objects/companies/records/query", {"offset": 500})) == 1


def test_query_unknown_object_is_404(http: Http) -> None:
    assert http.error("POST", "/v2/objects/nope/records/query", {})[0] == 404
