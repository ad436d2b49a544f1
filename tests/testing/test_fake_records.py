"""Records: create, get, PATCH (append) vs PUT (overwrite), assert, uniqueness, required values,
history, delete, relationships, record entries, search and merge."""

from __future__ import annotations

from typing import Any

from .conftest import Http, record_id


def _emails(record: dict[str, Any]) -> list[str]:
    return [v["email_address"] for v in record["values"]["email_addresses"]]


def test_get_record_and_404(http: Http) -> None:
    created = http.create("people", {"job_title": "CTO"})
    assert http.data("GET", f"/v2/objects/people/records/{record_id(created)}") == created
    status, body = http.error("GET", "/v2/objects/people/records/0000")
    assert (status, body["message"]) == (404, 'Record with ID "0000" not found.')
    assert http.error("POST", "/v2/objects/nope/records", {"data": {"values": {}}})[0] == 404


def test_create_needs_values(http: Http) -> None:
    _status, body = http.error("POST", "/v2/objects/people/records", {"data": {}})
    assert body["validation_errors"][0]["path"] == ["data", "values"]


def test_patch_appends_multiselect_and_replaces_single_values(http: Http) -> None:
    person = http.create("people", {"email_addresses": ["a@x.example"], "job_title": "CTO"})
    path = f"/v2/objects/people/records/{record_id(person)}"
    patched = http.data(
        "PATCH",
        path,
        {"data": {"values": {"email_addresses": ["b@x.example"], "job_title": "CEO"}}},
    )
    assert _emails(patched) == ["a@x.example", "b@x.example"]
    assert [v["value"] for v in patched["values"]["job_title"]] == ["CEO"]
    assert patched["values"]["name"] == []  # untouched attributes stay as they were


def test_put_overwrites_multiselect(http: Http) -> None:
    person = http.create("people", {"email_addresses": ["a@x.example", "b@x.example"]})
    path = f"/v2/objects/people/records/{record_id(person)}"
    put = http.data(
        "PUT", path, {"data": {"values": {"email_addresses": ["b@x.example", "c@x.example"]}}}
    )
    assert _emails(put) == ["b@x.example", "c@x.example"]
    kept = put["values"]["email_addresses"][0]
    assert kept["active_from"] == person["values"]["email_addresses"][1]["active_from"]
    cleared = http.data("PUT", path, {"data": {"values": {"email_addresses": []}}})
    assert cleared["values"]["email_addresses"] == []


def test_historic_values(http: Http) -> None:
    person = http.create("people", {"job_title": "Intern"})
    path = f"/v2/objects/people/records/{record_id(person)}"
    http.data("PATCH", path, {"data": {"values": {"job_title": "Engineer"}}})
    http.data("PATCH", path, {"data": {"values": {"job_title": "CTO"}}})
    current = http.data("GET", f"{path}/attributes/job_title/values")
    assert [v["value"] for v in current] == ["CTO"]
    history = http.data("GET", f"{path}/attributes/job_title/values", show_historic="true")
    assert [v["value"] for v in history] == ["Intern", "Engineer", "CTO"]
    assert history[0]["active_until"] == history[1]["active_from"]
    assert history[-1]["active_until"] is None
    page = http.data(
        "GET", f"{path}/attributes/job_title/values", show_historic="true", limit=1, offset=1
    )
    assert [v["value"] for v in page] == ["Engineer"]
    _status, body = http.error(
        "GET", f"{path}/attributes/first_interaction/values", show_historic="true"
    )
    assert body["code"] == "validation_type"


def test_unique_attribute_conflict(http: Http) -> None:
    first = http.create("people", {"email_addresses": ["a@x.example"]})
    status, body = http.error(
        "POST",
        "/v2/objects/people/records",
        {"data": {"values": {"email_addresses": ["A@x.example"]}}},
    )
    assert (status, body["code"]) == (409, "uniqueness_conflict")
    second = http.create("people", {"email_addresses": ["b@x.example"]})
    status, _ = http.error(
        "PATCH",
        f"/v2/objects/people/records/{record_id(second)}",
        {"data": {"values": {"email_addresses": ["a@x.example"]}}},
    )
    assert status == 409
    # writing a record's own unique value again is fine
    http.data(
        "PUT",
        f"/v2/objects/people/records/{record_id(first)}",
        {"data": {"values": {"email_addresses": ["a@x.example"]}}},
    )


def test_failed_write_changes_nothing(http: Http) -> None:
    person = http.create("people", {"job_title": "CTO"})
    path = f"/v2/objects/people/records/{record_id(person)}"
    http.error("PATCH", path, {"data": {"values": {"job_title": "CEO", "categories": ["x"]}}})
    assert http.data("GET", path) == person


def test_required_attribute(http: Http) -> None:
    data: dict[str, Any] = {
        "title": "Code",
        "description": None,
        "api_slug": "code",
        "type": "text",
        "is_required": True,
        "is_unique": False,
        "is_multiselect": False,
        "config": {},
    }
    attr = http.data("POST", "/v2/objects/deals/attributes", {"data": data})
    status, body = http.error(
        "POST", "/v2/objects/deals/records", {"data": {"values": {"name": "x"}}}
    )
    assert (status, body["code"]) == (400, "missing_value")
    assert body["message"] == (
        f'Required value for attribute with ID "{attr["id"]["attribute_id"]}" was not provided.'
    )
    deal = http.create("deals", {"code": "D1"})
    status, body = http.error(
        "PUT", f"/v2/objects/deals/records/{record_id(deal)}", {"data": {"values": {"code": None}}}
    )
    assert body["code"] == "missing_value"


def test_assert_creates_then_updates(http: Http) -> None:
    path = "/v2/objects/people/records"
    body = {"data": {"values": {"email_addresses": ["a@x.example"], "job_title": "CTO"}}}
    created = http.data("PUT", path, body, matching_attribute="email_addresses")
    again = {
        "data": {"values": {"email_addresses": ["a@x.example", "b@x.example"], "job_title": "CEO"}}
    }
    updated = http.data("PUT", path, again, matching_attribute="email_addresses")
    assert record_id(updated) == record_id(created)
    assert _emails(updated) == ["a@x.example", "b@x.example"]
    assert updated["values"]["job_title"][0]["value"] == "CEO"
    assert len(http.data("POST", "/v2/objects/people/records/query", {})) == 1


def test_assert_keeps_matching_multiselect_values_and_overwrites_others(http: Http) -> None:
    path = "/v2/objects/companies/records"
    http.data(
        "PUT",
        path,
        {
            "data": {
                "values": {"domains": ["a.example", "b.example"], "categories": ["B2B", "SaaS"]}
            }
        },
        matching_attribute="domains",
    )
    updated = http.data(
        "PUT",
        path,
        {"data": {"values": {"domains": ["a.example"], "categories": ["Fintech"]}}},
        matching_attribute="domains",
    )
    assert [v["domain"] for v in updated["values"]["domains"]] == ["a.example", "b.example"]
    assert [v["option"]["title"] for v in updated["values"]["categories"]] == ["Fintech"]


def test_assert_errors(http: Http) -> None:
    path = "/v2/objects/people/records"
    body = {"data": {"values": {"job_title": "x"}}}
    status, err = http.error("PUT", path, body)
    assert (status, err["code"]) == (400, "validation_type")
    status, err = http.error("PUT", path, body, matching_attribute="nope")
    assert err == {
        "status_code": 400,
        "type": "invalid_request_error",
        "code": "value_not_found",
        "message": 'No attribute was found for matching_attribute slug/ID "nope".',
    }
    status, err = http.error("PUT", path, body, matching_attribute="job_title")
    assert (status, err["code"]) == (400, "validation_type")
    status, err = http.error("PUT", path, body, matching_attribute="email_addresses")
    assert err["code"] == "missing_value"


def test_assert_with_several_matches_is_multiple_match_results(http: Http) -> None:
    http.create("people", {"email_addresses": ["a@x.example"]})
    http.create("people", {"email_addresses": ["b@x.example"]})
    _status, body = http.error(
        "PUT",
        "/v2/objects/people/records",
        {"data": {"values": {"email_addresses": ["a@x.example", "b@x.example"]}}},
        matching_attribute="email_addresses",
    )
    assert body["code"] == "multiple_match_results"


def test_delete_record(http: Http) -> None:
    acme = http.create("companies", {"domains": ["acme.example"]})
    person = http.create("people", {"company": "acme.example"})
    assert http.ok("DELETE", f"/v2/objects/companies/records/{record_id(acme)}") == {}
    assert http.error("GET", f"/v2/objects/companies/records/{record_id(acme)}")[0] == 404
    assert http.error("DELETE", f"/v2/objects/companies/records/{record_id(acme)}")[0] == 404
    assert (
        http.data("GET", f"/v2/objects/people/records/{record_id(person)}")["values"]["company"]
        == []
    )


def test_relationships_are_kept_in_sync(http: Http) -> None:
    acme = http.create("companies", {"domains": ["acme.example"]})
    globex = http.create("companies", {"domains": ["globex.example"]})
    ada = http.create("people", {"company": "acme.example"})

    def team(company: dict[str, Any]) -> list[str]:
        got = http.data("GET", f"/v2/objects/companies/records/{record_id(company)}")
        return [v["target_record_id"] for v in got["values"]["team"]]

    assert team(acme) == [record_id(ada)]
    http.data(
        "PATCH",
        f"/v2/objects/people/records/{record_id(ada)}",
        {"data": {"values": {"company": "globex.example"}}},
    )
    assert (team(acme), team(globex)) == ([], [record_id(ada)])
    bob = http.create("people", {})
    http.data(
        "PATCH",
        f"/v2/objects/companies/records/{record_id(acme)}",
        {
            "data": {
                "values": {
                    "team": [{"target_object": "people", "target_record_id": record_id(bob)}]
                }
            }
        },
    )
    bob_now = http.data("GET", f"/v2/objects/people/records/{record_id(bob)}")
    assert bob_now["values"]["company"][0]["target_record_id"] == record_id(acme)


def test_record_entries(http: Http, fake: Any) -> None:
    acme = http.create("companies", {"domains": ["acme.example"]})
    lst = fake.add_list("pipeline")
    entry = fake.add_entry("pipeline", record_id(acme))
    data = http.data("GET", f"/v2/objects/companies/records/{record_id(acme)}/entries")
    assert data == [
        {
            "list_id": lst["id"]["list_id"],
            "list_api_slug": "pipeline",
            "entry_id": entry["id"]["entry_id"],
            "created_at": entry["created_at"],
        }
    ]
    _status, body = http.error(
        "GET", f"/v2/objects/companies/records/{record_id(acme)}/entries", limit=1001
    )
    assert body["validation_errors"][0]["code"] == "too_big"


def test_search(http: Http) -> None:
    http.create("people", {"name": "Ada Lovelace", "email_addresses": ["ada@engine.example"]})
    http.create("companies", {"name": "Engine Works", "domains": ["engine.example"]})
    http.create("people", {"name": "Grace Hopper"})
    body = {
        "query": "engine",
        "objects": ["people", "companies"],
        "request_as": {"type": "workspace"},
    }
    hits = http.data("POST", "/v2/objects/records/search", body)
    assert [(h["object_slug"], h["record_text"]) for h in hits] == [
        ("people", "Ada Lovelace"),
        ("companies", "Engine Works"),
    ]
    assert hits[0]["email_addresses"] == ["ada@engine.example"]
    assert hits[0]["phone_numbers"] == []
    assert hits[1]["domains"] == ["engine.example"]
    assert hits[0]["record_image"] is None
    assert (
        len(http.data("POST", "/v2/objects/records/search", {**body, "query": "", "limit": 2})) == 2
    )
    assert http.error("POST", "/v2/objects/records/search", {**body, "limit": 26})[0] == 400
    assert http.error("POST", "/v2/objects/records/search", {"query": "x"})[0] == 400
    _status, err = http.error("POST", "/v2/objects/records/search", {**body, "objects": ["nope"]})
    assert err["code"] == "value_not_found"


def test_merge(http: Http, fake: Any) -> None:
    fake.add_list("people_list", "people")
    primary = http.create("people", {"email_addresses": ["a@x.example"]})
    secondary = http.create("people", {"email_addresses": ["b@x.example"], "job_title": "CTO"})
    entry = fake.add_entry("people_list", record_id(secondary))
    merged = http.data(
        "POST",
        "/v2/objects/people/records/merge",
        {
            "data": {
                "primary_record_id": record_id(primary),
                "secondary_record_id": record_id(secondary),
            }
        },
    )
    assert record_id(merged) == record_id(primary)
    assert _emails(merged) == ["a@x.example", "b@x.example"]
    assert merged["values"]["job_title"][0]["value"] == "CTO"
    assert http.error("GET", f"/v2/objects/people/records/{record_id(secondary)}")[0] == 404
    moved = http.data("GET", f"/v2/lists/people_list/entries/{entry['id']['entry_id']}")
    assert moved["parent_record_id"] == record_id(primary)
