"""Shared setup for the examples: the live API with ``ATTIO_API_KEY``, else an in-memory Attio.

Offline, the examples run against :class:`attio.testing.FakeAttio` seeded with made-up demo data
through the ordinary client API, so every line of the example is the code you would run live.
"""

from __future__ import annotations

import os

import attio
from attio import write as w
from attio.testing import FakeAttio

DEMO_COMPANIES: list[w.WriteValues] = [
    {"name": "Acme Analytics", "domains": [w.domain("acme-analytics.example")]},
    {"name": "Borealis Robotics", "domains": [w.domain("borealis.example")]},
    {"name": "Cobalt Coffee Co", "domains": [w.domain("cobalt-coffee.example")]},
]
# (first name, last name, email, job title); each person works at the company of their domain.
DEMO_PEOPLE = [
    ("Ada", "Lovelace", "ada@acme-analytics.example", "Head of Data"),
    ("Grace", "Hopper", "grace@borealis.example", "CTO"),
    ("Alan", "Turing", "alan@cobalt-coffee.example", "Founder"),
]


def live() -> bool:
    """Whether the examples talk to the real Attio API (``ATTIO_API_KEY`` is set)."""
    return bool(os.environ.get("ATTIO_API_KEY"))


def seed(client: attio.Client) -> None:
    """Create the demo companies and people (offline only: never writes to a real workspace)."""
    for company in DEMO_COMPANIES:
        attio.Record.create(client, "companies", company)
    for first, last, email, job_title in DEMO_PEOPLE:
        company_domain = email.split("@", 1)[1]
        person: w.WriteValues = {
            "name": w.personal_name(first, last),
            "email_addresses": [w.email(email)],
            "job_title": job_title,
            "company": w.record_ref("companies", domains=company_domain),
        }
        attio.Record.create(client, "people", person)


def make_client() -> attio.Client:
    """A client for the live API, or one wired to a seeded in-memory Attio."""
    if live():
        return attio.Client()
    fake = FakeAttio()
    client = fake.client()
    seed(client)
    return client


def make_async_client() -> attio.AsyncClient:
    """An async client for the live API, or one wired to a seeded in-memory Attio."""
    if live():
        return attio.AsyncClient()
    fake = FakeAttio()
    with fake.client() as client:
        seed(client)
    return fake.async_client()
