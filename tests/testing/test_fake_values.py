"""Value writes in every documented shape, stored and returned in the typed read shape."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Http, record_id

COMMON = ["active_from", "active_until", "created_by_actor"]


def _fields(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if k not in (*COMMON, "attribute_type")}


@pytest.fixture
def custom(http: Http) -> Http:
    """Companies with one custom attribute of each simple type."""
    specs = [
        ("score", "number", {}),
        ("active", "checkbox", {}),
        ("renewal", "date", {}),
        ("last_seen", "timestamp", {}),
        ("fit", "rating", {}),
        ("arr", "currency", {"currency": {"default_currency_code": "EUR", "display_type": "code"}}),
        ("owner", "actor-reference", {}),
        ("notes", "text", {}),
    ]
    for slug, kind, config in specs:
        data = {
            "title": slug,
            "description": None,
            "api_slug": slug,
            "type": kind,
            "is_required": False,
            "is_unique": False,
            "is_multiselect": False,
            "config": config,
        }
        http.data("POST", "/v2/objects/companies/attributes", {"data": data})
    return http


def test_every_attribute_is_present_and_unset_ones_are_empty(http: Http) -> None:
    record = http.create("people", {"name": "Ada Example"})
    slugs = [a["api_slug"] for a in http.data("GET", "/v2/objects/people/attributes")]
    assert list(record["values"]) == slugs
    assert record["values"]["job_title"] == []
    assert set(record) == {"id", "created_at", "web_url", "values"}
    assert record["web_url"] == f"https://app.attio.com/fake-workspace/person/{record_id(record)}"


def test_values_carry_common_fields(http: Http, fake: Any) -> None:
    record = http.create("people", {"job_title": "Engineer"})
    value = record["values"]["job_title"][0]
    assert list(value) == [*COMMON, "value", "attribute_type"]
    assert value["active_until"] is None
    assert value["created_by_actor"] == {"type": "api-token", "id": fake.store.token_id}
    assert value["attribute_type"] == "text"
    assert value["active_from"] == record["created_at"]


def test_system_values_are_set_on_creation(http: Http, fake: Any) -> None:
    record = http.create("people", {})
    assert record["values"]["record_id"][0]["value"] == record_id(record)
    assert record["values"]["created_at"][0]["value"] == record["created_at"]
    creator = record["values"]["created_by"][0]
    assert (creator["referenced_actor_type"], creator["referenced_actor_id"]) == (
        "api-token",
        fake.store.token_id,
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            {"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"},
            {"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"},
        ),
        (
            "Lovelace, Ada",
            {"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"},
        ),
        (
            [{"first_name": "A", "last_name": "B", "full_name": "A B"}],
            {"first_name": "A", "last_name": "B", "full_name": "A B"},
        ),
    ],
)
def test_personal_name_writes(http: Http, written: Any, expected: dict[str, str]) -> None:
    record = http.create("people", {"name": written})
    assert _fields(record["values"]["name"][0]) == expected


def test_personal_name_object_needs_all_three_parts(http: Http) -> None:
    status, body = http.error(
        "POST", "/v2/objects/people/records", {"data": {"values": {"name": {"full_name": "Ada"}}}}
    )
    assert status == 400
    assert body["code"] == "validation_type"
    assert body["message"] == 'An invalid value was passed to attribute with slug "name".'
    assert [e["path"] for e in body["validation_errors"]] == [["first_name"], ["last_name"]]


@pytest.mark.parametrize(
    "written",
    ["Ada.Lovelace+crm@Example.co.uk", {"email_address": "Ada.Lovelace+crm@Example.co.uk"}],
)
def test_email_is_split_into_its_parts(http: Http, written: Any) -> None:
    record = http.create("people", {"email_addresses": [written]})
    assert _fields(record["values"]["email_addresses"][0]) == {
        "original_email_address": "Ada.Lovelace+crm@Example.co.uk",
        "email_address": "ada.lovelace+crm@example.co.uk",
        "email_domain": "example.co.uk",
        "email_root_domain": "example.co.uk",
        "email_local_specifier": "ada.lovelace",
    }


def test_invalid_email_is_rejected(http: Http) -> None:
    status, body = http.error(
        "POST", "/v2/objects/people/records", {"data": {"values": {"email_addresses": ["nope"]}}}
    )
    assert (status, body["code"]) == (400, "validation_type")


@pytest.mark.parametrize(
    ("written", "domain", "root"),
    [
        ("app.attio.com", "app.attio.com", "attio.com"),
        ({"domain": "Example.COM"}, "example.com", "example.com"),
        ("https://www.shop.example.co.uk/path", "shop.example.co.uk", "example.co.uk"),
    ],
)
def test_domain_with_root_domain(http: Http, written: Any, domain: str, root: str) -> None:
    record = http.create("companies", {"domains": [written]})
    assert _fields(record["values"]["domains"][0]) == {"domain": domain, "root_domain": root}


@pytest.mark.parametrize(
    ("written", "number", "country"),
    [
        ("+44 20 7946 0018", "+442079460018", "GB"),
        ({"original_phone_number": "020 7946 0018", "country_code": "GB"}, "+442079460018", "GB"),
        ("+1 (555) 010-9999", "+15550109999", "US"),
    ],
)
def test_phone_number_in_e164(http: Http, written: Any, number: str, country: str) -> None:
    record = http.create("people", {"phone_numbers": [written]})
    value = record["values"]["phone_numbers"][0]
    assert list(_fields(value)) == ["phone_number", "original_phone_number", "country_code"]
    assert (value["phone_number"], value["country_code"]) == (number, country)


def test_select_by_title_or_id_stores_full_option(http: Http) -> None:
    options = http.data("GET", "/v2/objects/companies/attributes/categories/options")
    b2b = next(o for o in options if o["title"] == "B2B")
    record = http.create(
        "companies", {"categories": ["SaaS", b2b["id"]["option_id"], {"option": "Fintech"}]}
    )
    values = record["values"]["categories"]
    assert [v["option"]["title"] for v in values] == ["SaaS", "B2B", "Fintech"]
    assert values[1]["option"] == b2b
    assert values[0]["attribute_type"] == "select"


def test_unknown_select_option_is_value_not_found(http: Http) -> None:
    status, body = http.error(
        "POST", "/v2/objects/companies/records", {"data": {"values": {"categories": ["Nope"]}}}
    )
    assert (status, body["code"]) == (400, "value_not_found")
    assert body["message"] == 'Cannot find select attribute with select option title "Nope".'


def test_status_by_title_or_id_stores_full_status(http: Http) -> None:
    statuses = http.data("GET", "/v2/objects/deals/attributes/stage/statuses")
    deal = http.create("deals", {"name": "Big one", "stage": "In Progress"})
    assert deal["values"]["stage"][0]["status"] == statuses[1]
    other = http.create("deals", {"stage": {"status": statuses[2]["id"]["status_id"]}})
    assert other["values"]["stage"][0]["status"]["title"] == "Won 🎉"
    _status, body = http.error(
        "POST", "/v2/objects/deals/records", {"data": {"values": {"stage": "Nope"}}}
    )
    assert body["code"] == "value_not_found"


def test_record_reference_by_id_unique_attribute_or_bare_string(http: Http) -> None:
    acme = http.create("companies", {"name": "Acme", "domains": ["acme.example"]})
    ada = http.create("people", {"email_addresses": ["ada@acme.example"]})
    expected = {"target_object": "companies", "target_record_id": record_id(acme)}
    for written in (
        {"target_object": "companies", "target_record_id": record_id(acme)},
        {"target_object": "companies", "domains": [{"domain": "acme.example"}]},
        "acme.example",
        [{"target_object": "companies", "target_record_id": record_id(acme)}],
    ):
        person = http.create("people", {"company": written})
        assert _fields(person["values"]["company"][0]) == expected
    deal = http.create("deals", {"associated_people": ["ada@acme.example"]})
    assert deal["values"]["associated_people"][0]["target_record_id"] == record_id(ada)


def test_record_reference_to_missing_record_is_an_error(http: Http) -> None:
    status, body = http.error(
        "POST", "/v2/objects/people/records", {"data": {"values": {"company": "nowhere.example"}}}
    )
    assert (status, body["code"]) == (400, "value_not_found")
    status, body = http.error(
        "POST",
        "/v2/objects/people/records",
        {"data": {"values": {"company": {"target_object": "deals", "target_record_id": "x"}}}},
    )
    assert status == 400


def test_actor_reference_by_id_or_email(http: Http, fake: Any) -> None:
    member_email = http.data("GET", "/v2/workspace_members")[0]["email_address"]
    for written in (
        {"referenced_actor_type": "workspace-member", "referenced_actor_id": fake.member_id},
        {"workspace_member_email_address": member_email},
        member_email,
    ):
        deal = http.create("deals", {"owner": written})
        assert _fields(deal["values"]["owner"][0]) == {
            "referenced_actor_type": "workspace-member",
            "referenced_actor_id": fake.member_id,
        }
    _status, body = http.error(
        "POST", "/v2/objects/deals/records", {"data": {"values": {"owner": "nobody@x.example"}}}
    )
    assert body["code"] == "value_not_found"


def test_location_from_full_object_or_string(http: Http) -> None:
    full = {
        "line_1": "1 Main St",
        "line_2": None,
        "line_3": None,
        "line_4": None,
        "locality": "Springfield",
        "region": "IL",
        "postcode": "62701",
        "country_code": "US",
        "latitude": 39.78,
        "longitude": "-89.65",
    }
    record = http.create("companies", {"primary_location": full})
    value = _fields(record["values"]["primary_location"][0])
    assert value == {**full, "latitude": "39.78"}
    record = http.create("companies", {"primary_location": "1 Main St, Springfield, IL 62701, US"})
    value = _fields(record["values"]["primary_location"][0])
    assert (value["line_1"], value["locality"], value["region"], value["postcode"]) == (
        "1 Main St",
        "Springfield",
        "IL",
        "62701",
    )
    assert value["country_code"] == "US"
    _status, body = http.error(
        "POST",
        "/v2/objects/companies/records",
        {"data": {"values": {"primary_location": {"line_1": "x"}}}},
    )
    assert len(body["validation_errors"]) == 9


def test_scalar_types(custom: Http) -> None:
    record = custom.create(
        "companies",
        {
            "score": 3.5,
            "active": "true",
            "renewal": "2024-03-05T23:30:00-05:00",
            "last_seen": "2023-01-02T13:00",
            "fit": {"value": 4},
            "arr": "1200.50",
            "notes": {"value": "hello"},
            "funding_raised_usd": 1000000,
        },
    )
    values = record["values"]
    assert values["score"][0]["value"] == 3.5
    assert values["active"][0]["value"] is True
    assert values["renewal"][0]["value"] == "2024-03-06"  # coerced to UTC, trimmed to the date
    assert values["last_seen"][0]["value"] == "2023-01-02T13:00:00.000000000Z"
    assert values["fit"][0]["value"] == 4
    assert _fields(values["arr"][0]) == {"currency_code": "EUR", "currency_value": 1200.5}
    assert _fields(values["funding_raised_usd"][0]) == {
        "currency_code": "USD",
        "currency_value": 1000000,
    }
    assert values["notes"][0]["value"] == "hello"


@pytest.mark.parametrize(
    ("slug", "bad"),
    [("score", "many"), ("active", 3), ("fit", 7), ("last_seen", "not a date"), ("notes", 5)],
)
def test_wrong_scalar_shapes_are_rejected(custom: Http, slug: str, bad: Any) -> None:
    status, body = custom.error(
        "POST", "/v2/objects/companies/records", {"data": {"values": {slug: bad}}}
    )
    assert (status, body["code"]) == (400, "validation_type")


def test_multiselect_must_be_written_as_an_array(http: Http) -> None:
    status, body = http.error(
        "POST",
        "/v2/objects/people/records",
        {"data": {"values": {"email_addresses": "a@b.example"}}},
    )
    assert (status, body["code"]) == (400, "validation_type")


def test_single_select_takes_a_value_or_a_one_item_array(http: Http) -> None:
    assert http.create("people", {"job_title": ["CTO"]})["values"]["job_title"][0]["value"] == "CTO"
    status, body = http.error(
        "POST", "/v2/objects/people/records", {"data": {"values": {"job_title": ["A", "B"]}}}
    )
    assert (status, body["code"]) == (400, "validation_type")


def test_values_by_attribute_id_and_unknown_attribute(http: Http) -> None:
    attr = http.data("GET", "/v2/objects/people/attributes/job_title")
    record = http.create("people", {attr["id"]["attribute_id"]: "CFO"})
    assert record["values"]["job_title"][0]["value"] == "CFO"
    status, body = http.error(
        "POST", "/v2/objects/people/records", {"data": {"values": {"nope": 1}}}
    )
    assert (status, body["code"]) == (400, "value_not_found")


def test_read_only_attributes_cannot_be_written(http: Http) -> None:
    for slug in ("record_id", "avatar_url", "first_interaction"):
        status, _body = http.error(
            "POST", "/v2/objects/people/records", {"data": {"values": {slug: "x"}}}
        )
        assert status == 400, slug


def test_duplicate_items_in_one_write_are_stored_once(http: Http) -> None:
    record = http.create("people", {"email_addresses": ["a@x.example", "A@X.example"]})
    assert len(record["values"]["email_addresses"]) == 1
