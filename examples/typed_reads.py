"""Typed reads, filters and checked writes: application code that ``mypy --strict`` checks.

CI runs ``mypy --strict`` on this file. Every value below has a precise type: no ``Any``, no
``isinstance`` ladders, no raw dicts in Attio's verbose filter language.

Offline by default; with ATTIO_API_KEY it reads your workspace (scopes
record_permission:read and object_configuration:read) and writes nothing.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime

from _common import make_client

import attio
from attio import filters as f
from attio import write as w
from attio.values import EmailAddressValue, PersonalNameValue, TextValue


@dataclass(frozen=True)
class Contact:
    """What this application keeps of a person: plain, typed fields."""

    record_id: str
    full_name: str
    email: str | None
    job_title: str | None
    created_at: datetime


def to_contact(person: attio.Record) -> Contact:
    """Typed reads: ``first(slug, ValueClass)`` is ``ValueClass | None``, its fields are typed."""
    name = person.first("name", PersonalNameValue)
    email = person.first("email_addresses", EmailAddressValue)
    title = person.first("job_title", TextValue)
    return Contact(
        record_id=person.record_id,
        full_name=name.full_name if name is not None else "",
        email=email.email_address if email is not None else None,  # str
        job_title=title.plain if title is not None else None,  # str
        created_at=person.created_at.datetime,
    )


def main() -> int:
    with make_client() as client:
        # Filters and sorts from Python: exactly Attio's verbose JSON, checked by mypy.
        with_email = f.attr("email_addresses").not_empty()
        not_a_founder = ~f.attr("job_title").eq("Founder")
        people = attio.Record.stream_all(
            client,
            "people",
            filter=with_email & not_a_founder,
            sorts=[f.asc("name", "last_name")],
        )
        contacts = [to_contact(person) for person in people]
        for contact in contacts:
            print(f"{contact.full_name:<16} {contact.email or '-':<32} {contact.job_title or '-'}")

        # A path filter: people whose company's name contains "Acme".
        at_acme = f.path(("people", "company"), ("companies", "name")).contains("Acme")
        names = [
            to_contact(p).full_name
            for p in attio.Record.stream_all(client, "people", filter=at_acme)
        ]
        print(f"at Acme: {names}")

        # Writes checked against the workspace before anything is sent.
        schema = attio.ObjectSchema.get(client, "objects", "people")
        mistake: w.WriteValues = {"name": w.personal_name("Jo", "Example"), "jobtitle": "CTO"}
        try:
            schema.check(mistake)
        except attio.WriteValidationError as exc:
            print(f"caught before sending: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
