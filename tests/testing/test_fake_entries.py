"""List entries: create, assert by parent, get, PATCH/PUT, delete, values, query."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Http, record_id


@pytest.fixture
def pipeline(http: Http, fake: Any) -> dict[str, Any]:
    fake.add_list("pipeline", "companies")
    for slug, kind, multi in (
        ("stage", "status", False),
        ("tags", "select", True),
        ("score", "number", False),
    ):
        http.data(
            "POST",
            "/v2/lists/pipeline/attributes",
            {
                "data": {
                    "title": slug,
                    "description": None,
                    "api_slug": slug,
                    "type": kind,
                    "is_required": False,
                    "is_unique": False,
                    "is_multiselect": multi,
                    "config": {},
                }
            },
        )
    http.data("POST", "/v2/lists/pipeline/attributes/stage/statuses", {"data": {"title": "New"}})
    http.data("POST", "/v2/lists/pipeline/attributes/stage/statuses", {"data": {"title": "Won"}})
    for title in ("hot", "cold", "big"):
        http.data("POST", "/v2/lists/pipeline/attributes/tags/options", {"data": {"title": title}})
    created: dict[str, Any] = http.create(
        "companies", {"name": "Acme", "domains": ["acme.example"]}
    )
    return created


def _body(company: dict[str, Any], **values: Any) -> dict[str, Any]:
    return {
        "data": {
            "parent_record_id": record_id(company),
            "parent_object": "companies",
            "entry_values": values,
        }
    }


def test_create_get_delete_entry(http: Http, pipeline: dict[str, Any]) -> None:
    entry = http.data(
        "POST", "/v2/lists/pipeline/entries", _body(pipeline, stage="New", tags=["hot"])
    )
    assert list(entry) == ["id", "parent_record_id", "parent_object", "created_at", "entry_values"]
    assert set(entry["id"]) == {"workspace_id", "list_id", "entry_id"}
    assert list(entry["entry_values"]) == [
        "entry_id",
        "created_at",
        "created_by",
        "stage",
        "tags",
        "score",
    ]
    assert entry["entry_values"]["stage"][0]["status"]["title"] == "New"
    assert entry["entry_values"]["entry_id"][0]["value"] == entry["id"]["entry_id"]
    path = f"/v2/lists/pipeline/entries/{entry['id']['entry_id']}"
    assert http.data("GET", path) == entry
    assert http.ok("DELETE", path) == {}
    assert http.error("GET", path)[0] == 404


def test_duplicate_entries_per_parent_are_allowed_but_assert_refuses_them(
    http: Http, pipeline: Any
) -> None:
    http.data("POST", "/v2/lists/pipeline/entries", _body(pipeline))
    http.data("POST", "/v2/lists/pipeline/entries", _body(pipeline))
    _status, body = http.error("PUT", "/v2/lists/pipeline/entries", _body(pipeline, score=1))
    assert body["code"] == "multiple_match_results"


def test_assert_entry_creates_then_overwrites(http: Http, pipeline: Any) -> None:
    first = http.data("PUT", "/v2/lists/pipeline/entries", _body(pipeline, tags=["hot", "big"]))
    second = http.data("PUT", "/v2/lists/pipeline/entries", _body(pipeline, tags=["cold"]))
    assert first["id"] == second["id"]
    assert [v["option"]["title"] for v in second["entry_values"]["tags"]] == ["cold"]


def test_patch_appends_put_overwrites(http: Http, pipeline: Any) -> None:
    entry = http.data("POST", "/v2/lists/pipeline/entries", _body(pipeline, tags=["hot"]))
    path = f"/v2/lists/pipeline/entries/{entry['id']['entry_id']}"
    patched = http.data("PATCH", path, {"data": {"entry_values": {"tags": ["cold"], "score": 3}}})
    assert [v["option"]["title"] for v in patched["entry_values"]["tags"]] == ["hot", "cold"]
    put = http.data("PUT", path, {"data": {"entry_values": {"tags": ["big"]}}})
    assert [v["option"]["title"] for v in put["entry_values"]["tags"]] == ["big"]
    assert put["entry_values"]["score"][0]["value"] == 3
    _status, body = http.error(
        "PATCH", path, {"data": {"parent_record_id": "x", "entry_values": {}}}
    )
    assert body["code"] == "immutable_value"
    history = http.data("GET", f"{path}/attributes/tags/values", show_historic="true")
    assert [v["option"]["title"] for v in history] == ["hot", "cold", "big"]


def test_entry_errors(http: Http, pipeline: Any) -> None:
    status, body = http.error("POST", "/v2/lists/nope/entries", _body(pipeline))
    assert status == 404
    bad = {
        "data": {"parent_record_id": "missing", "parent_object": "companies", "entry_values": {}}
    }
    status, body = http.error("POST", "/v2/lists/pipeline/entries", bad)
    assert (status, body["code"]) == (400, "value_not_found")
    person = http.create("people", {})
    wrong = {
        "data": {
            "parent_record_id": record_id(person),
            "parent_object": "people",
            "entry_values": {},
        }
    }
    assert http.error("POST", "/v2/lists/pipeline/entries", wrong)[0] == 400
    status, body = http.error("POST", "/v2/lists/pipeline/entries", _body(pipeline, stage="Nope"))
    assert body["code"] == "value_not_found"


def test_query_entries(http: Http, pipeline: Any, fake: Any) -> None:
    other = http.create("companies", {"name": "Globex"})
    http.data("POST", "/v2/lists/pipeline/entries", _body(pipeline, stage="New", score=5))
    http.data("POST", "/v2/lists/pipeline/entries", _body(other, stage="Won", score=9))
    found = http.data("POST", "/v2/lists/pipeline/entries/query", {"filter": {"stage": "Won"}})
    assert [e["parent_record_id"] for e in found] == [record_id(other)]
    by_parent = http.data(
        "POST",
        "/v2/lists/pipeline/entries/query",
        {
            "filter": {
                "path": [["pipeline", "parent_record"], ["companies", "name"]],
                "constraints": {"$eq": "Acme"},
            }
        },
    )
    assert [e["parent_record_id"] for e in by_parent] == [record_id(pipeline)]
    ordered = http.data(
        "POST",
        "/v2/lists/pipeline/entries/query",
        {"sorts": [{"direction": "desc", "attribute": "score"}], "limit": 1},
    )
    assert [e["parent_record_id"] for e in ordered] == [record_id(other)]
    assert http.data("POST", "/v2/lists/pipeline/entries/query", {"offset": 1, "limit": 5})[0][
        "parent_record_id"
    ] == record_id(other)


def test_deleting_the_parent_record_deletes_its_entries(http: Http, pipeline: Any) -> None:
    http.data("POST", "/v2/lists/pipeline/entries", _body(pipeline))
    http.ok("DELETE", f"/v2/objects/companies/records/{record_id(pipeline)}")
    assert http.data("POST", "/v2/lists/pipeline/entries/query", {}) == []
