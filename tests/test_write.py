"""``attio.write``: exact write shapes, early argument errors, and that the shapes go through
``Record``/``Entry`` writes unchanged (real JSON body) and are accepted by ``FakeAttio``."""

from __future__ import annotations

import copy
import json
import pickle
import uuid
from decimal import Decimal
from typing import Any

import httpx
import pytest

import attio
import attio.write as w
from attio._request import encode_json
from attio.testing import FakeAttio
from attio.values import (
    ActorReferenceValue,
    CurrencyValue,
    DomainValue,
    EmailAddressValue,
    LocationValue,
    PersonalNameValue,
    PhoneNumberValue,
    RecordReferenceValue,
    SelectValue,
    StatusValue,
    to_write_values,
)

RID = "7b2c3d4e-0000-4000-8000-000000000001"
NULL_LOCATION: dict[str, Any] = {
    "line_1": None,
    "line_2": None,
    "line_3": None,
    "line_4": None,
    "locality": None,
    "region": None,
    "postcode": None,
    "country_code": None,
    "latitude": None,
    "longitude": None,
}

# ----------------------------------------------------------------------------- exact shapes


def test_personal_name() -> None:
    assert w.personal_name("Ada", "Lovelace") == {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "full_name": "Ada Lovelace",
    }
    assert w.personal_name("Ada", "Lovelace", "Augusta Ada King") == {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "full_name": "Augusta Ada King",
    }
    assert w.personal_name("", "Lovelace")["full_name"] == "Lovelace"
    assert w.personal_name("Ada", "")["full_name"] == "Ada"


def test_location_sends_all_ten_keys() -> None:
    loc = w.location(locality="London", country_code="GB")
    assert loc == {**NULL_LOCATION, "locality": "London", "country_code": "GB"}
    assert list(loc) == list(NULL_LOCATION)
    full = w.location(
        "1 Main St",
        "Floor 2",
        "Suite 3",
        "Door 4",
        locality="Springfield",
        region="IL",
        postcode="62701",
        country_code="us",
        latitude=39.7817,
        longitude=Decimal("-89.6501"),
    )
    assert full == {
        "line_1": "1 Main St",
        "line_2": "Floor 2",
        "line_3": "Suite 3",
        "line_4": "Door 4",
        "locality": "Springfield",
        "region": "IL",
        "postcode": "62701",
        "country_code": "US",
        "latitude": "39.7817",
        "longitude": "-89.6501",
    }
    assert w.location(latitude="51.5072", longitude=0)["longitude"] == "0"


def test_record_ref_by_id() -> None:
    assert w.record_ref("companies", record_id=RID) == {
        "target_object": "companies",
        "target_record_id": RID,
    }
    assert w.record_ref("people", record_id=uuid.UUID(RID)) == {
        "target_object": "people",
        "target_record_id": RID,
    }


def test_record_ref_by_unique_attribute() -> None:
    assert w.record_ref("companies", domains="acme.com") == {
        "target_object": "companies",
        "domains": [{"domain": "acme.com"}],
    }
    assert w.record_ref("people", email_addresses=["a@x.com", "b@x.com"]) == {
        "target_object": "people",
        "email_addresses": [{"email_address": "a@x.com"}, {"email_address": "b@x.com"}],
    }
    assert w.record_ref("users", primary_email_address="a@x.com") == {
        "target_object": "users",
        "primary_email_address": [{"email_address": "a@x.com"}],
    }
    assert w.record_ref("users", user_id="u-42") == {
        "target_object": "users",
        "user_id": [{"value": "u-42"}],
    }
    assert w.record_ref("people", phone_numbers="+442079460000") == {
        "target_object": "people",
        "phone_numbers": [{"original_phone_number": "+442079460000", "country_code": None}],
    }
    assert w.record_ref("people", email_addresses=[w.email("a@x.com"), "b@x.com"]) == {
        "target_object": "people",
        "email_addresses": [{"email_address": "a@x.com"}, {"email_address": "b@x.com"}],
    }
    assert w.record_ref("people", work_email=w.email("a@x.com")) == {
        "target_object": "people",
        "work_email": [{"email_address": "a@x.com"}],
    }


def test_actor() -> None:
    assert w.actor(workspace_member_id=RID) == {
        "referenced_actor_type": "workspace-member",
        "referenced_actor_id": RID,
    }
    assert w.actor(workspace_member_id=uuid.UUID(RID)) == {
        "referenced_actor_type": "workspace-member",
        "referenced_actor_id": RID,
    }
    assert w.actor(email="owner@example.com") == {
        "workspace_member_email_address": "owner@example.com"
    }


def test_phone() -> None:
    assert w.phone("+442079460000", country_code="GB") == {
        "original_phone_number": "+442079460000",
        "country_code": "GB",
    }
    assert w.phone("+442079460000") == {
        "original_phone_number": "+442079460000",
        "country_code": None,
    }
    assert w.phone("020 7946 0000", "gb") == {
        "original_phone_number": "020 7946 0000",
        "country_code": "GB",
    }


def test_currency() -> None:
    # Attio's currency write is {currency_value} alone (the code comes from the attribute's
    # configuration): a code is kept on the side for ObjectSchema.check, never sent.
    exact = w.currency(Decimal("1250000.50"), "USD")
    assert exact == {"currency_value": Decimal("1250000.50")}
    assert str(exact["currency_value"]) == "1250000.50"
    assert w.currency_code_of(exact) == "USD"
    assert w.currency(5) == {"currency_value": 5}
    assert w.currency_code_of(w.currency(5)) is None
    euros = w.currency(4.99, "eur")
    assert euros == {"currency_value": 4.99}
    assert w.currency_code_of(euros) == "EUR"
    assert encode_json({"x": euros}) == b'{"x":{"currency_value":4.99}}'
    assert w.currency_code_of(copy.deepcopy(euros)) == "EUR"
    assert w.currency_code_of(pickle.loads(pickle.dumps(euros))) == "EUR"


def test_simple_shapes() -> None:
    assert w.email("ada@example.com") == {"email_address": "ada@example.com"}
    assert w.domain("acme.com") == {"domain": "acme.com"}
    assert w.select("B2B") == {"option": "B2B"}
    assert w.select(uuid.UUID(RID)) == {"option": RID}
    assert w.status("In Progress") == {"status": "In Progress"}
    assert w.status(RID) == {"status": RID}


def test_every_public_name_has_a_docstring() -> None:
    for name in w.__all__:
        doc = getattr(w, name).__doc__
        assert doc, name
    for name in ("personal_name", "location", "record_ref", "actor", "phone", "currency"):
        assert "``" in getattr(w, name).__doc__


# ----------------------------------------------------------------------------- errors


bad: Any = w  # arguments of the wrong type, past the type checker


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: bad.personal_name(1, "x"), TypeError, "first must be a str"),
        (lambda: bad.personal_name("a", None), TypeError, "last must be a str"),
        (lambda: bad.personal_name("", " "), ValueError, "needs a first, last or full"),
        (lambda: bad.location(), ValueError, "at least one field"),
        (lambda: bad.location(country_code="GBR"), ValueError, "two-letter"),
        (lambda: bad.location(country_code="1A"), ValueError, "two-letter"),
        (lambda: bad.location(country_code=44), TypeError, "country_code must be a str"),
        (lambda: bad.location(locality=""), ValueError, "locality must not be empty"),
        (lambda: bad.location(latitude=91, longitude=0), ValueError, "between -90 and 90"),
        (lambda: bad.location(latitude=0, longitude=-181), ValueError, "between -180 and 180"),
        (lambda: bad.location(latitude="north", longitude=0), ValueError, "numeric"),
        (lambda: bad.location(latitude=True, longitude=0), TypeError, "latitude"),
        (lambda: bad.location(latitude=1.5), ValueError, "both latitude and longitude"),
        (lambda: bad.record_ref("companies"), ValueError, "needs record_id"),
        (
            lambda: bad.record_ref("companies", record_id=RID, domains="a.com"),
            ValueError,
            "not both",
        ),
        (lambda: bad.record_ref("people", domains="a.com", user_id="1"), ValueError, "one unique"),
        (lambda: bad.record_ref("companies", record_id="acme.com"), ValueError, "record UUID"),
        (lambda: bad.record_ref("companies", record_id=5), TypeError, "record_id must be a str"),
        (lambda: bad.record_ref("companies", domains=[]), ValueError, "no value given"),
        (lambda: bad.record_ref("companies", domains={}), ValueError, "empty dict"),
        (lambda: bad.record_ref("companies", domains=5), TypeError, "must be a str"),
        (lambda: bad.record_ref("", record_id=RID), ValueError, "object must not be empty"),
        (lambda: bad.actor(), ValueError, "exactly one"),
        (lambda: bad.actor(workspace_member_id=RID, email="a@b.com"), ValueError, "exactly one"),
        (lambda: bad.actor(email="nobody"), ValueError, "not an email address"),
        (lambda: bad.phone("02079460000"), ValueError, "give country_code"),
        (lambda: bad.phone("+44", country_code="GBR"), ValueError, "two-letter"),
        (lambda: bad.phone("call me"), ValueError, "digits"),
        (lambda: bad.phone(442079460000), TypeError, "number must be a str"),
        (lambda: bad.currency("4.99"), TypeError, "Decimal, int or float"),
        (lambda: bad.currency(True), TypeError, "Decimal, int or float"),
        (lambda: bad.currency(Decimal("NaN")), ValueError, "finite"),
        (lambda: bad.currency(float("inf")), ValueError, "finite"),
        (lambda: bad.currency(1, "US"), ValueError, "three-letter"),
        (lambda: bad.currency(1, "U$D"), ValueError, "three-letter"),
        (lambda: bad.email("a@b@c"), ValueError, "not an email address"),
        (lambda: bad.email("a b@c.com"), ValueError, "not an email address"),
        (lambda: bad.email(None), TypeError, "email must be a str"),
        (lambda: bad.domain("acme"), ValueError, "not a domain"),
        (lambda: bad.domain("ac me.com"), ValueError, "not a domain"),
        (lambda: bad.select(""), ValueError, "must not be empty"),
        (lambda: bad.select(3), TypeError, "must be a str"),
        (lambda: bad.status(None), TypeError, "must be a str"),
    ],
)
def test_bad_arguments(call: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        call()


# ----------------------------------------------------------------------------- through the client


def _values() -> dict[str, Any]:
    return {
        "name": w.personal_name("Ada", "Lovelace"),
        "email_addresses": [w.email("ada@example.com")],
        "company": w.record_ref("companies", domains="acme.com"),
        "primary_location": w.location(locality="London", country_code="GB"),
        "owner": w.actor(email="owner@example.com"),
        "phone_numbers": [w.phone("+442079460000", country_code="GB")],
        "annual_revenue": w.currency(Decimal("1250000.50"), "USD"),
        "stage": w.status("Lead"),
        "categories": [w.select("B2B"), w.select("SaaS")],
        "website": w.domain("acme.com"),
    }


EXPECTED_VALUES: dict[str, Any] = {
    "name": {"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"},
    "email_addresses": [{"email_address": "ada@example.com"}],
    "company": {"target_object": "companies", "domains": [{"domain": "acme.com"}]},
    "primary_location": {**NULL_LOCATION, "locality": "London", "country_code": "GB"},
    "owner": {"workspace_member_email_address": "owner@example.com"},
    "phone_numbers": [{"original_phone_number": "+442079460000", "country_code": "GB"}],
    "annual_revenue": {"currency_value": 1250000.50},
    "stage": {"status": "Lead"},
    "categories": [{"option": "B2B"}, {"option": "SaaS"}],
    "website": {"domain": "acme.com"},
}


def test_to_write_values_passes_shapes_through_unchanged() -> None:
    values = _values()
    assert to_write_values(values) == values


def _capture(response_data: dict[str, Any]) -> tuple[attio.Client, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(200, json={"data": response_data})

    client = attio.Client(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    return client, seen


def _record_data() -> dict[str, Any]:
    return {
        "id": {"workspace_id": RID, "object_id": RID, "record_id": RID},
        "created_at": "2024-01-01T00:00:00.000000000Z",
        "values": {},
    }


def test_record_create_sends_exact_json_body() -> None:
    client, seen = _capture(_record_data())
    record = attio.Record.create(client, "people", _values())
    assert record.record_id == RID
    (request,) = seen
    assert request.method == "POST"
    assert request.url.path == "/v2/objects/people/records"
    assert json.loads(request.content) == {"data": {"values": EXPECTED_VALUES}}
    assert b'"currency_value":1250000.50' in request.content  # the Decimal's exact digits


def test_record_upsert_and_update_send_the_shapes() -> None:
    client, seen = _capture(_record_data())
    attio.Record.upsert(client, "people", _values(), matching_attribute="email_addresses")
    attio.Record.update(client, "people", RID, _values())
    assert [r.method for r in seen] == ["PUT", "PATCH"]
    for request in seen:
        assert json.loads(request.content) == {"data": {"values": EXPECTED_VALUES}}


def test_entry_create_sends_the_shapes() -> None:
    entry = {
        "id": {"workspace_id": RID, "list_id": RID, "entry_id": RID},
        "parent_record_id": RID,
        "parent_object": "companies",
        "created_at": "2024-01-01T00:00:00.000000000Z",
        "entry_values": {},
    }
    client, seen = _capture(entry)
    entry_values = {"stage": w.status("Lead"), "owner": w.actor(workspace_member_id=RID)}
    attio.Entry.create(
        client,
        "pipeline",
        parent_object="companies",
        parent_record_id=RID,
        entry_values=entry_values,
    )
    attio.Entry.update(client, "pipeline", RID, entry_values)
    body = json.loads(seen[0].content)["data"]
    assert body["entry_values"] == {
        "stage": {"status": "Lead"},
        "owner": {"referenced_actor_type": "workspace-member", "referenced_actor_id": RID},
    }
    assert json.loads(seen[1].content)["data"]["entry_values"] == body["entry_values"]


# ----------------------------------------------------------------------------- FakeAttio


def test_fake_attio_accepts_and_stores_the_shapes() -> None:
    fake = FakeAttio()
    fake.add_member("Owner", "Person", "owner@example.com")
    client = fake.client()
    company = attio.Record.create(
        client,
        "companies",
        {
            "domains": [w.domain("acme.com")],
            "name": "Acme",
            "categories": [w.select("B2B"), w.select("SaaS")],
            "funding_raised_usd": w.currency(Decimal("1250000.50"), "USD"),
        },
    )
    person = attio.Record.create(
        client,
        "people",
        {
            "name": w.personal_name("Ada", "Lovelace"),
            "email_addresses": [w.email("ada@example.com")],
            "company": w.record_ref("companies", domains="acme.com"),
            "primary_location": w.location(locality="London", country_code="GB"),
            "phone_numbers": [w.phone("+442079460000", country_code="GB")],
        },
    )
    deal = attio.Record.create(
        client,
        "deals",
        {
            "name": "Big deal",
            "stage": w.status("In Progress"),
            "owner": w.actor(email="owner@example.com"),
            "value": w.currency(10),
            "associated_company": w.record_ref("companies", record_id=company.record_id),
            "associated_people": [w.record_ref("people", email_addresses="ada@example.com")],
        },
    )

    stored = attio.Record.get(client, "people", person.record_id)
    name = stored.first("name", PersonalNameValue)
    assert name is not None
    assert (name.first_name, name.last_name, name.full_name) == ("Ada", "Lovelace", "Ada Lovelace")
    loc = stored.first("primary_location", LocationValue)
    assert loc is not None
    assert loc.to_write() == {**NULL_LOCATION, "locality": "London", "country_code": "GB"}
    ref = stored.first("company", RecordReferenceValue)
    assert ref is not None
    assert (ref.target_object, ref.target_record_id) == ("companies", company.record_id)
    phone = stored.first("phone_numbers", PhoneNumberValue)
    assert phone is not None
    assert (phone.phone_number, phone.country_code) == ("+442079460000", "GB")
    mail = stored.first("email_addresses", EmailAddressValue)
    assert mail is not None
    assert mail.email_address == "ada@example.com"

    stored_company = attio.Record.get(client, "companies", company.record_id)
    assert [v.title for v in stored_company.values_of("categories", SelectValue)] == [
        "B2B",
        "SaaS",
    ]
    funding = stored_company.first("funding_raised_usd", CurrencyValue)
    assert funding is not None
    assert (funding.plain, funding.currency_code) == (Decimal("1250000.5"), "USD")
    dom = stored_company.first("domains", DomainValue)
    assert dom is not None
    assert dom.domain == "acme.com"

    stored_deal = attio.Record.get(client, "deals", deal.record_id)
    stage = stored_deal.first("stage", StatusValue)
    assert stage is not None
    assert stage.title == "In Progress"
    owner = stored_deal.first("owner", ActorReferenceValue)
    assert owner is not None
    assert owner.referenced_actor_type == "workspace-member"
    assert owner.referenced_actor_id is not None
    value = stored_deal.first("value", CurrencyValue)
    assert value is not None
    assert value.plain == Decimal(10)
    linked = stored_deal.first("associated_company", RecordReferenceValue)
    assert linked is not None
    assert linked.target_record_id == company.record_id
    people = stored_deal.values_of("associated_people", RecordReferenceValue)
    assert [p.target_record_id for p in people] == [person.record_id]


def test_fake_attio_update_with_actor_by_member_id() -> None:
    fake = FakeAttio()
    client = fake.client()
    deal = attio.Record.create(client, "deals", {"name": "D", "stage": w.status("Lead")})
    updated = attio.Record.update(
        client,
        "deals",
        deal.record_id,
        {"owner": w.actor(workspace_member_id=fake.member_id), "stage": w.status("Lost")},
    )
    owner = updated.first("owner", ActorReferenceValue)
    assert owner is not None
    assert owner.referenced_actor_id == fake.member_id
    stage = updated.first("stage", StatusValue)
    assert stage is not None
    assert stage.title == "Lost"
