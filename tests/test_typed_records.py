"""``attio.typed``: typed record classes read from records, written back, listed and streamed
sync and async, and generated from the workspace's attributes."""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
from decimal import Decimal
from typing import Any

import pytest

import attio
from attio import write as w
from attio.attributes import CreatableAttributeType
from attio.testing import FakeAttio
from attio.typed import (
    TypedEntry,
    TypedRecord,
    TypedRecordError,
    attribute,
    generate,
    generate_source,
)
from attio.values import EmailAddressValue
from tests.conftest import MockAttio
from tests.samples import create_attribute


class Person(TypedRecord, object="people"):
    name: str | None = None
    email_addresses: list[str] = []  # noqa: RUF012 (pydantic copies defaults)
    emails: list[EmailAddressValue] = attribute("email_addresses", default_factory=list)
    title: str | None = attribute("job_title", default=None)


class Company(TypedRecord, object="companies"):
    name: str
    domains: list[str] = []  # noqa: RUF012 (pydantic copies defaults)
    founded: dt.date | None = attribute("foundation_date", default=None)


def load(source: str, name: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """``source`` run as the module ``name`` (as a generated file would be imported)."""
    module = types.ModuleType(name)
    monkeypatch.setitem(sys.modules, name, module)
    exec(compile(source, name, "exec"), module.__dict__)
    return module.__dict__


def seeded() -> tuple[FakeAttio, attio.Client]:
    fake = FakeAttio()
    client = fake.client()
    attio.Record.create(
        client,
        "people",
        {
            "name": w.personal_name("Ada", "Lovelace"),
            "email_addresses": [w.email("ada@example.com"), w.email("ada@work.example")],
            "job_title": "Countess",
        },
    )
    return fake, client


def test_fields_read_their_attributes() -> None:
    _, client = seeded()
    (ada,) = Person.stream_all(client)
    assert ada.name == "Ada Lovelace"
    assert ada.email_addresses == ["ada@example.com", "ada@work.example"]
    assert [e.email_domain for e in ada.emails] == ["example.com", "work.example"]
    assert all(isinstance(e, EmailAddressValue) for e in ada.emails)
    assert ada.title == "Countess"
    assert ada.record is not None
    assert ada.record_id == ada.record.record_id
    assert Person.get(client, ada.record_id) == ada


def test_a_record_that_does_not_fit_is_a_typed_error() -> None:
    _, client = seeded()
    attio.Record.create(client, "companies", {"domains": [w.domain("nameless.example")]})
    # Read through the API, a record that does not fit is an answer of an unexpected shape.
    with pytest.raises(attio.ResponseValidationError, match="does not fit Company: name: Field"):
        Company.stream_all(client)
    (nameless,) = attio.Record.stream_all(client, "companies")
    with pytest.raises(TypedRecordError, match=rf"record {nameless.record_id} of .* Company"):
        Company.from_record(nameless)

    class Wrong(TypedRecord, object="people"):
        name: int | None = None

    with pytest.raises(attio.ResponseValidationError) as caught:
        Wrong.list(client)
    assert isinstance(caught.value.__cause__, TypedRecordError)
    assert "name: Input should be a valid integer" in str(caught.value)


def test_create_update_and_values() -> None:
    fake, client = seeded()
    acme = Company.create(
        client, Company(name="Acme", domains=["acme.example"], founded=dt.date(2001, 2, 3))
    )
    assert fake.requests[-1].json == {
        "data": {
            "values": {"name": "Acme", "domains": ["acme.example"], "foundation_date": "2001-02-03"}
        }
    }
    assert (acme.name, acme.domains, acme.founded) == (
        "Acme",
        ["acme.example"],
        dt.date(2001, 2, 3),
    )
    assert acme.record_id is not None
    renamed = Company.update(client, acme.record_id, Company(name="Acme Inc"))
    assert fake.requests[-1].json == {"data": {"values": {"name": "Acme Inc"}}}  # only what is set
    assert renamed.name == "Acme Inc"
    assert renamed.domains == ["acme.example"]
    assert Company(name="x").to_values() == {"name": "x"}
    assert Company(name="x").record is None
    with pytest.raises(TypeError, match="expected a Company"):
        Company.create(client, Person(name="Ada"))


def test_list_filters_and_pages() -> None:
    _, client = seeded()
    for n in range(5):
        attio.Record.create(client, "companies", {"name": f"Co {n}"})
    page = Company.list(client, filter={"name": {"$starts_with": "Co "}}, limit=2)
    assert [c.name for c in page.data] == ["Co 0", "Co 1"]
    assert page.has_next_page()
    following = page.next_page()
    assert following is not None
    assert [c.name for c in following.data] == ["Co 2", "Co 3"]
    assert all(isinstance(c, Company) for c in following.data)
    assert len(list(Company.stream(client, page_size=2))) == 5


async def test_async_twins() -> None:
    fake, _ = seeded()
    async with fake.async_client() as client:
        made = await Company.create_async(client, Company(name="Async Co"))
        assert made.record_id is not None
        got = await Company.get_async(client, made.record_id)
        assert got.name == "Async Co"
        page = await Company.list_async(client)
        assert [c.name for c in page.data] == ["Async Co"]
        assert [c.name async for c in Company.stream_async(client)] == ["Async Co"]
        assert [c.name for c in await Company.stream_all_async(client)] == ["Async Co"]
        updated = await Company.update_async(client, made.record_id, Company(name="Renamed"))
        assert updated.name == "Renamed"


def test_wrong_client_and_missing_object_are_refused_before_sending(mock: MockAttio) -> None:
    with pytest.raises(TypeError, match=r"attio\.Client"):
        Company.get(mock.async_client(), "r1")  # type: ignore[arg-type]

    class Nowhere(TypedRecord):
        name: str | None = None

    with pytest.raises(TypedRecordError, match="names no object"):
        Nowhere.get(mock.client(), "r1")
    with pytest.raises(attio.PathParameterError):
        Company.get(mock.client(), "..")
    assert mock.requests == []


def test_generated_classes_read_every_record(monkeypatch: pytest.MonkeyPatch) -> None:
    fake, client = seeded()
    attio.Record.create(
        client, "companies", {"name": "Acme", "domains": [w.domain("acme.example")]}
    )
    for object in ("people", "companies"):
        source = generate(client, object)
        namespace = load(source, f"generated_{object}", monkeypatch)
        cls = next(
            v
            for v in namespace.values()
            if isinstance(v, type) and issubclass(v, TypedRecord) and v is not TypedRecord
        )
        assert cls.__name__ == {"people": "Person", "companies": "Company"}[object]
        rows = cls.stream_all(client)
        assert rows
        assert all(isinstance(row, cls) for row in rows)
    person_source = generate(client, "people")
    assert "    email_addresses: list[str] = []  # Email addresses (email-address)" in person_source
    assert "    record_id_value: str | None = attribute('record_id', default=None)" in person_source
    assert fake.requests[-1].path == "/v2/objects/people/attributes"


def test_generated_names_are_valid_identifiers(monkeypatch: pytest.MonkeyPatch) -> None:
    class Attr:
        def __init__(
            self, slug: str, kind: str, multi: bool = False, archived: bool = False
        ) -> None:
            self.api_slug, self.type, self.is_multiselect, self.is_archived = (
                slug,
                kind,
                multi,
                archived,
            )
            self.title = slug

    source = generate_source(
        "deals",
        [
            Attr("class", "text"),
            Attr("2nd_owner", "actor-reference"),
            Attr("model_year", "number"),
            Attr("record", "text"),
            Attr("amount", "currency"),
            Attr("closed_at", "timestamp"),
            Attr("tags", "select", multi=True),
            Attr("vector", "vector-embedding"),
            Attr("old", "text", archived=True),
        ],
    )
    fields = load(source, "generated_deals", monkeypatch)["Deals"].model_fields
    assert set(fields) == {
        "class_value", "attribute_2nd_owner", "attribute_model_year", "record_value", "amount",
        "closed_at", "tags", "vector",
    }  # fmt: skip
    assert "old" not in source
    slugs = {
        name: (f.json_schema_extra or {}).get("x-attio-attribute", name)
        for name, f in fields.items()
    }
    assert slugs["class_value"] == "class"
    assert slugs["attribute_2nd_owner"] == "2nd_owner"
    assert "amount: Decimal | None = None" in source
    assert "tags: list[str] = []" in source
    assert "vector: Any | None = None" in source


def test_a_currency_reads_as_decimal() -> None:
    class Deal(TypedRecord, object="deals"):
        value: Decimal | None = None

    body = {
        "id": {"workspace_id": "w", "object_id": "o", "record_id": "r"},
        "created_at": "2024-01-01T00:00:00.000000000Z",
        "values": {
            "value": [
                {
                    "active_from": "2024-01-01T00:00:00.000000000Z",
                    "active_until": None,
                    "created_by_actor": {"type": "system", "id": None},
                    "currency_value": 4.99,
                    "attribute_type": "currency",
                }
            ]
        },
    }
    deal = Deal.from_record(attio.Record.model_validate_json(json.dumps(body)))
    assert deal.value == Decimal("4.99")


def test_the_module_command_needs_an_object(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from attio.typed import main

    assert main([]) == 2
    assert "usage" in capsys.readouterr().err
    monkeypatch.delenv("ATTIO_API_KEY", raising=False)
    assert main(["companies"]) == 1  # no API key: a one-line error, not a traceback
    assert capsys.readouterr().err.startswith("error: ")


@pytest.mark.parametrize("name", ["get", "list", "stream", "stream_all", "create", "update"])
def test_each_async_twin_takes_what_its_method_takes(name: str) -> None:
    import inspect

    sync, twin = getattr(Company, name), getattr(Company, f"{name}_async")

    def shape(fn: Any) -> list[tuple[str, Any, Any]]:
        params = list(inspect.signature(fn).parameters.values())[1:]  # after the client
        return [(p.name, p.kind, p.default) for p in params]

    assert shape(sync) == shape(twin)
    assert (twin.__doc__ or "").startswith(f"Async twin of :meth:`{name}`")
    assert "/v2/objects/{object}/records" in (sync.__doc__ or "")
    assert "record_permission:" in (sync.__doc__ or "")  # the scope the endpoint needs


# --------------------------------------------------------------------------- list entries


class Deal(TypedEntry, list="sales"):
    stage: str | None = None
    score: int | None = None


def with_sales_list() -> tuple[FakeAttio, attio.Client, str]:
    fake, client = seeded()
    fake.add_list("sales", parent_object="companies", name="Sales")
    fields: tuple[tuple[str, CreatableAttributeType], ...] = (
        ("stage", "text"),
        ("score", "number"),
    )
    for slug, kind in fields:
        create_attribute(client, "lists", "sales", slug, kind, title=slug.title())
    acme = attio.Record.create(client, "companies", {"name": "Acme"})
    return fake, client, acme.record_id


def test_typed_entries_are_created_read_and_updated() -> None:
    fake, client, acme = with_sales_list()
    deal = Deal.create(
        client, Deal(stage="Lead", score=3), parent_object="companies", parent_record_id=acme
    )
    assert fake.requests[-1].json == {
        "data": {
            "parent_object": "companies",
            "parent_record_id": acme,
            "entry_values": {"stage": "Lead", "score": 3},
        }
    }
    assert (deal.stage, deal.score, deal.parent_record_id) == ("Lead", 3, acme)
    assert deal.entry is not None
    assert deal.entry_id == deal.entry.entry_id
    assert deal.entry_id is not None
    moved = Deal.update(client, deal.entry_id, Deal(stage="Won"))
    assert fake.requests[-1].json == {"data": {"entry_values": {"stage": "Won"}}}
    assert (moved.stage, moved.score) == ("Won", 3)
    assert Deal.get(client, deal.entry_id) == moved
    assert [d.stage for d in Deal.stream_all(client)] == ["Won"]
    assert [d.stage for d in Deal.list(client, filter={"stage": "Won"}).data] == ["Won"]
    assert Deal(stage="x").entry_id is None


async def test_typed_entries_async() -> None:
    fake, _, acme = with_sales_list()
    async with fake.async_client() as client:
        made = await Deal.create_async(
            client, Deal(stage="Lead"), parent_object="companies", parent_record_id=acme
        )
        assert made.entry_id is not None
        assert (await Deal.get_async(client, made.entry_id)).stage == "Lead"
        assert [d.stage async for d in Deal.stream_async(client)] == ["Lead"]


def test_generated_entry_class_reads_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    _, client, acme = with_sales_list()
    Deal.create(
        client, Deal(stage="Lead", score=1), parent_object="companies", parent_record_id=acme
    )
    source = generate(client, "sales", target="lists")
    assert "class Sales(TypedEntry, list='sales'):" in source
    assert "    score: int | float | None = None  # Score (number)" in source
    cls = load(source, "generated_sales", monkeypatch)["Sales"]
    (entry,) = cls.stream_all(client)
    assert (entry.stage, entry.score, entry.parent_record_id) == ("Lead", 1, acme)


def test_an_entry_class_without_a_list_is_refused(mock: MockAttio) -> None:
    class Nowhere(TypedEntry):
        stage: str | None = None

    with pytest.raises(TypedRecordError, match="names no list"):
        Nowhere.list(mock.client())
    with pytest.raises(TypedRecordError, match="names no list"):

        class Bad(TypedEntry, list=""):
            pass

    assert mock.requests == []
