"""Shared setup for the examples: the live API with ``ATTIO_API_KEY``, else an in-memory Attio.

Offline, the examples run against :class:`attio.testing.FakeAttio` seeded with made-up demo data
through the ordinary client API, so every line of the example is the code you would run live.
"""

from __future__ import annotations

import os

import attio
from attio.testing import FakeAttio

DEMO_COMPANIES = [
    {"name": "Acme Analytics", "domains": ["acme-analytics.example"]},
    {"name": "Borealis Robotics", "domains": ["borealis.example"]},
    {"name": "Cobalt Coffee Co", "domains": ["cobalt-coffee.example"]},
]
DEMO_PEOPLE = [
    {
        "name": {"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"},
        "email_addresses": ["ada@acme-analytics.example"],
        "job_title": "Head of Data",
    },
    {
        "name": {"first_name": "Grace", "last_name": "Hopper", "full_name": "Grace Hopper"},
        "email_addresses": ["grace@borealis.example"],
        "job_title": "CTO",
    },
    {
        "name": {"first_name": "Alan", "last_name": "Turing", "full_name": "Alan Turing"},
        "email_addresses": ["alan@cobalt-coffee.example"],
        "job_title": "Founder",
    },
]


def live() -> bool:
    """Whether the examples talk to the real Attio API (``ATTIO_API_KEY`` is set)."""
    return bool(os.environ.get("ATTIO_API_KEY"))


def seed(client: attio.Client) -> None:
    """Create the demo companies and people (offline only: never writes to a real workspace)."""
    for company in DEMO_COMPANIES:
        attio.Record.create(client, "companies", company)
    for person in DEMO_PEOPLE:
        company_domain = person["email_addresses"][0].split("@", 1)[1]  # type: ignore[index]
        attio.Record.create(client, "people", {**person, "company": company_domain})


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
