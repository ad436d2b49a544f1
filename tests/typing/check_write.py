"""Typed writes, checked by mypy (not run): ``mypy --strict attio tests`` in CI.

Each ``assert_type`` pins the exact type mypy sees. Each ``# type: ignore[code]`` line is a
mistake mypy must report: ``--strict`` includes ``warn_unused_ignores``, so if the error ever
went away (a parameter widened to ``Any``) the ignore would be unused and CI would fail.
"""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

from typing_extensions import assert_type

import attio
from attio import write as w
from attio.values import EmailAddressValue


def builders_are_typed() -> None:
    assert_type(w.personal_name("Ada", "Lovelace"), w.PersonalNameWrite)
    assert_type(w.location(locality="London", country_code="GB"), w.LocationWrite)
    assert_type(w.phone("+442079460000", "GB"), w.PhoneWrite)
    assert_type(w.currency(Decimal("1.50"), "USD"), w.CurrencyWrite)
    assert_type(w.email("ada@example.com"), w.EmailWrite)
    assert_type(w.domain("example.com"), w.DomainWrite)
    assert_type(w.select("Gold"), w.SelectWrite)
    assert_type(w.status("Won"), w.StatusWrite)
    assert_type(w.actor(email="o@example.com"), w.ActorByIdWrite | w.ActorByEmailWrite)
    name = w.personal_name("Ada", "Lovelace")
    assert_type(name["full_name"], str)
    assert_type(w.location(locality="London")["latitude"], str | None)


def writes_take_python_values(client: attio.Client, person: attio.Record) -> None:
    values: w.WriteValues = {
        "name": w.personal_name("Ada", "Lovelace"),
        "email_addresses": ["ada@example.com", w.email("ada@work.example")],
        "company": w.record_ref("companies", domains="acme.com"),
        "primary_location": w.location(locality="London", country_code="GB"),
        "owner": w.actor(workspace_member_id=uuid.uuid4()),
        "phone_numbers": [w.phone("+442079460000", country_code="GB")],
        "annual_revenue": w.currency(Decimal("1250000.50"), "USD"),
        "founded": datetime.date(1815, 12, 10),
        "last_seen": datetime.datetime(2026, 1, 1, 12, 0),
        "is_customer": True,
        "rating": 4,
        "score": 0.5,
        "tags": {"a", "b"},
        "stage": w.status("Won"),
        "record": uuid.uuid4(),
        "email_again": person.first("email_addresses", EmailAddressValue),  # a read model
        "raw": {"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"},
        "cleared": None,
    }
    assert_type(attio.Record.create(client, "people", values), attio.Record)
    attio.Record.update(client, "people", "r", {"tier": w.select("Gold")}, overwrite=True)
    attio.Record.upsert(client, "people", {"x": 1}, matching_attribute="email_addresses")
    attio.Entry.create(
        client, "deals", parent_object="companies", parent_record_id="r", entry_values=values
    )
    attio.Entry.update(client, "deals", "e", {"stage": "Won"})


def wrong_python_types(client: attio.Client) -> None:
    w.personal_name("Ada", 1)  # type: ignore[arg-type]
    w.currency("12.50", "USD")  # type: ignore[arg-type]
    w.phone(442079460000)  # type: ignore[arg-type]
    w.location(latitude=[51.5], longitude=0)  # type: ignore[arg-type]
    w.select(3)  # type: ignore[arg-type]
    w.actor(email=b"o@example.com")  # type: ignore[arg-type]
    w.record_ref("companies", record_id=5)  # type: ignore[arg-type]
    attio.Record.create(client, "people", {"founded": object()})  # type: ignore[dict-item]
    attio.Record.create(client, "people", {"x": 1j})  # type: ignore[dict-item]
    attio.Record.update(client, "people", "r", {"x": [object()]})  # type: ignore[list-item]
    attio.Record.create(client, "people", [("name", "Ada")])  # type: ignore[arg-type]
    attio.Entry.update(client, "deals", "e", {1: "Won"})  # type: ignore[dict-item]
