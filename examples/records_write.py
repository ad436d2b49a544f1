"""Create, upsert and update records — every write shape Attio documents, and value models.

Offline by default; with ATTIO_API_KEY it writes to your workspace (scopes
record_permission:read-write and object_configuration:read) and deletes what it created.
"""

from __future__ import annotations

import sys
import uuid

from _common import make_client

import attio
from attio import write as w


def main() -> int:
    suffix = uuid.uuid4().hex[:6]
    created: list[tuple[str, str]] = []
    with make_client() as client:
        # Create: bare values, keyed by attribute slug.
        company = attio.Record.create(
            client,
            "companies",
            {
                "name": f"Example Widgets {suffix}",
                "domains": [w.domain(f"widgets-{suffix}.example")],
            },
        )
        created.append(("companies", company.record_id))
        print(f"created company {company.plain('name')} -> {company.record_id}")

        # Upsert by a unique attribute: a second call with the same email updates, not duplicates.
        email = f"jo-{suffix}@widgets-{suffix}.example"
        # attio.write builds each documented shape; plain Python values pass as they are.
        person_values: w.WriteValues = {
            "email_addresses": [w.email(email)],
            "name": w.personal_name("Jo", "Example"),
            "company": w.record_ref("companies", record_id=company.record_id),
        }
        person = attio.Record.upsert(
            client, "people", person_values, matching_attribute="email_addresses"
        )
        again = attio.Record.upsert(
            client,
            "people",
            {**person_values, "job_title": "Buyer"},
            matching_attribute="email_addresses",
        )
        assert again.record_id == person.record_id
        created.append(("people", person.record_id))
        title = again.plain("job_title")
        print(f"upserted {again.plain('name')} twice -> one record, job title {title!r}")

        # Update (PATCH): multiselect values are appended ...
        updated = attio.Record.update(
            client, "companies", company.record_id, {"domains": [f"widgets-{suffix}.test"]}
        )
        print(f"after PATCH domains: {updated.plain_values('domains')}")
        # ... and overwritten with overwrite=True (PUT).
        updated = attio.Record.update(
            client,
            "companies",
            company.record_id,
            {"domains": [f"widgets-{suffix}.example"]},
            overwrite=True,
        )
        print(f"after PUT domains:   {updated.plain_values('domains')}")

        # Value models read from one record can be written to another as they are.
        name_value = updated.first("name")
        assert name_value is not None
        copy = attio.Record.create(
            client, "companies", {"name": name_value, "domains": [f"copy-{suffix}.example"]}
        )
        created.append(("companies", copy.record_id))
        print(f"copied name value into a new company: {copy.plain('name')!r}")

        # Bad input gets a typed error carrying Attio's error body.
        try:
            attio.Record.create(client, "people", {"no_such_attribute": "x"})
        except attio.BadRequestError as exc:
            print(f"typed error: {type(exc).__name__} code={exc.code!r}")
        except attio.NotFoundError as exc:
            print(f"typed error: {type(exc).__name__} code={exc.code!r}")

        for obj, record_id in reversed(created):
            attio.Record.delete(client, obj, record_id)
        print(f"deleted the {len(created)} records this example created")
    return 0


if __name__ == "__main__":
    sys.exit(main())
