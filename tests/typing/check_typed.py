"""Typed record classes as users write them, checked by mypy (not run): every classmethod
returns the class it is called on; a wrong client or another class's object is an error."""

from __future__ import annotations

import datetime as dt

import attio
from attio.typed import TypedEntry, TypedRecord, attribute


class Company(TypedRecord, object="companies"):
    name: str | None = None
    domains: list[str] = []  # noqa: RUF012
    founded: dt.date | None = attribute("foundation_date", default=None)


class Person(TypedRecord, object="people"):
    name: str | None = None


def sync(client: attio.Client, aclient: attio.AsyncClient) -> None:
    one: Company = Company.get(client, "r1")
    page: attio.Page[Company] = Company.list(client, limit=10)
    every: list[Company] = Company.stream_all(client, filter={"name": "Acme"})
    made: Company = Company.create(client, Company(name="Acme"))
    changed: Company = Company.update(client, "r1", Company(name="Acme 2"), overwrite=True)
    founded: dt.date | None = one.founded
    record: attio.Record | None = one.record
    Company.get(aclient, "r1")  # type: ignore[arg-type]
    Company.create(client, Person(name="Ada"))  # accepted by mypy; a TypeError at run time
    del page, every, made, changed, founded, record


async def asynchronous(client: attio.AsyncClient) -> None:
    one: Company = await Company.get_async(client, "r1")
    async for company in Company.stream_async(client, page_size=100):
        name: str | None = company.name
        del name
    every: list[Company] = await Company.stream_all_async(client)
    del one, every


class Deal(TypedEntry, list="sales"):
    stage: str | None = None


def entries(client: attio.Client) -> None:
    deal: Deal = Deal.create(
        client, Deal(stage="Lead"), parent_object="companies", parent_record_id="r"
    )
    every: list[Deal] = Deal.stream_all(client)
    parent: str | None = deal.parent_record_id
    Deal.create(client, Deal(stage="Lead"))  # type: ignore[call-arg]
    del every, parent
