"""``Client(validate_writes=True)``: record and entry writes checked against the schema first."""

from __future__ import annotations

from typing import Any

import pytest

import attio
from attio.testing import FakeAttio
from tests.samples import create_attribute

SCHEMA_PREFIXES = ("/v2/objects/people/attributes", "/v2/lists/pipeline/attributes")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _attribute(client: attio.Client, target: Any, identifier: str, slug: str, kind: Any) -> None:
    create_attribute(client, target, identifier, slug, kind, title=slug.title())


@pytest.fixture
def fake() -> FakeAttio:
    fake = FakeAttio()
    client = fake.client()
    _attribute(client, "objects", "people", "tier", "select")
    for title in ("Gold", "Silver", "Bronze"):
        attio.SelectOption.create(client, "objects", "people", "tier", title=title)
    fake.add_list("pipeline", "companies")
    _attribute(client, "lists", "pipeline", "stage", "status")
    _attribute(client, "lists", "pipeline", "score", "number")
    for title in ("New", "Won"):
        attio.Status.create(client, "lists", "pipeline", "stage", title=title)
    fake.requests.clear()
    return fake


def only_schema_reads(fake: FakeAttio) -> bool:
    """Every recorded request is a GET of a schema (attributes, options, statuses)."""
    return all(r.method == "GET" and r.path.startswith(SCHEMA_PREFIXES) for r in fake.requests)


def writes(fake: FakeAttio) -> list[str]:
    return [f"{r.method} {r.path}" for r in fake.requests if r.method in WRITE_METHODS]


def company_id(fake: FakeAttio) -> str:
    company = attio.Record.create(fake.client(), "companies", {"name": "Acme"})
    fake.requests.clear()
    return company.record_id


BAD_RECORD_VALUES: list[tuple[dict[str, Any], list[str]]] = [
    ({"emial_addresses": ["ada@example.com"]}, ["unknown attribute", "'email_addresses'"]),
    ({"tier": "Gld"}, ["unknown option 'Gld'", "did you mean 'Gold'"]),
    ({"avatar_url": "https://x.example/a.png"}, ["'avatar_url' (text) is read-only"]),
    ({"job_title": ["a", "b"]}, ["takes a single value, got 2"]),
]


# --------------------------------------------------------------------------- configuration


@pytest.mark.parametrize("bad", [1, "yes", None, 0.0])
def test_non_bool_is_a_configuration_error(fake: FakeAttio, bad: Any) -> None:
    with pytest.raises(attio.ConfigurationError, match="validate_writes"):
        fake.client(validate_writes=bad)
    with pytest.raises(attio.ConfigurationError, match="validate_writes"):
        fake.async_client(validate_writes=bad)


def test_default_is_off_and_repr_has_no_key(fake: FakeAttio) -> None:
    assert fake.client().validate_writes is False
    client = fake.client(validate_writes=True, api_key="sk-secret-key")
    assert client.validate_writes is True
    assert "sk-secret-key" not in repr(client)


def test_builders_describe_the_write_without_io() -> None:
    values = {"job_title": "Engineer"}
    from attio.entries import _add
    from attio.records import _check

    check = _check("people", values)
    assert (check.target, check.identifier, dict(check.values)) == ("objects", "people", values)
    built = _add("POST", "pipeline", "companies", "r1", {"score": 3})
    assert built.write_check is not None
    assert built.write_check.target == "lists"
    assert built.write_check.identifier == "pipeline"
    assert dict(built.write_check.values) == {"score": 3}


# --------------------------------------------------------------------------- records, sync


@pytest.mark.parametrize(("values", "expected"), BAD_RECORD_VALUES)
def test_bad_record_create_sends_nothing(
    fake: FakeAttio, values: dict[str, Any], expected: list[str]
) -> None:
    client = fake.client(validate_writes=True)
    with pytest.raises(attio.WriteValidationError) as info:
        attio.Record.create(client, "people", values)
    for text in expected:
        assert text in str(info.value)
    assert fake.requests
    assert only_schema_reads(fake)


def test_bad_record_upsert_and_update_send_nothing(fake: FakeAttio) -> None:
    record = attio.Record.create(fake.client(), "people", {"job_title": "Engineer"})
    fake.requests.clear()
    client = fake.client(validate_writes=True)
    with pytest.raises(attio.WriteValidationError, match="did you mean 'Gold'"):
        attio.Record.upsert(
            client,
            "people",
            {"email_addresses": ["ada@example.com"], "tier": "Gld"},
            matching_attribute="email_addresses",
        )
    for overwrite in (False, True):
        with pytest.raises(attio.WriteValidationError, match="read-only"):
            attio.Record.update(
                client, "people", record.record_id, {"avatar_url": "x"}, overwrite=overwrite
            )
    assert only_schema_reads(fake)
    assert writes(fake) == []


def test_valid_record_writes_go_through_and_reuse_the_cached_schema(fake: FakeAttio) -> None:
    client = fake.client(validate_writes=True)
    created = attio.Record.create(client, "people", {"job_title": "Engineer", "tier": "Gold"})
    assert created.plain("job_title") == "Engineer"
    schema_reads = [r for r in fake.requests if r.method == "GET"]
    assert schema_reads
    assert all(r.path.startswith(SCHEMA_PREFIXES) for r in schema_reads)
    assert writes(fake) == ["POST /v2/objects/people/records"]
    fake.requests.clear()
    updated = attio.Record.update(client, "people", created.record_id, {"tier": "Silver"})
    assert updated.plain("tier") == "Silver"
    with pytest.raises(attio.WriteValidationError):
        attio.Record.create(client, "people", {"tier": "Platinum"})
    assert [f"{r.method} {r.path}" for r in fake.requests] == [
        f"PATCH /v2/objects/people/records/{created.record_id}"
    ]


def test_default_off_checks_nothing_locally(fake: FakeAttio) -> None:
    client = fake.client()
    with pytest.raises(attio.APIStatusError) as info:
        attio.Record.create(client, "people", {"emial_addresses": ["ada@example.com"]})
    assert not isinstance(info.value, attio.WriteValidationError)
    assert [f"{r.method} {r.path}" for r in fake.requests] == ["POST /v2/objects/people/records"]


def test_schema_is_checked_once_not_on_retries(fake: FakeAttio) -> None:
    client = fake.client(validate_writes=True)
    attio.Record.create(client, "people", {"job_title": "Warm-up"})  # schema now cached
    fake.requests.clear()
    fake.fail_next(1, 503)
    record = attio.Record.upsert(
        client,
        "people",
        {"email_addresses": ["ada@example.com"], "job_title": "Engineer"},
        matching_attribute="email_addresses",
    )
    assert record.plain("job_title") == "Engineer"
    assert [r.method for r in fake.requests] == ["PUT", "PUT"]


# --------------------------------------------------------------------------- entries, sync


def test_bad_entry_writes_send_nothing(fake: FakeAttio) -> None:
    parent = company_id(fake)
    entry = attio.Entry.create(
        fake.client(),
        "pipeline",
        parent_object="companies",
        parent_record_id=parent,
        entry_values={"stage": "New"},
    )
    fake.requests.clear()
    client = fake.client(validate_writes=True)
    with pytest.raises(attio.WriteValidationError, match="did you mean 'Won'"):
        attio.Entry.create(
            client,
            "pipeline",
            parent_object="companies",
            parent_record_id=parent,
            entry_values={"stage": "Wonn"},
        )
    with pytest.raises(attio.WriteValidationError, match="did you mean 'score'"):
        attio.Entry.upsert(
            client,
            "pipeline",
            parent_object="companies",
            parent_record_id=parent,
            entry_values={"scor": 3},
        )
    with pytest.raises(attio.WriteValidationError, match="single value, got 2"):
        attio.Entry.update(client, "pipeline", entry.entry_id, {"score": [1, 2]})
    assert fake.requests
    assert only_schema_reads(fake)


def test_valid_entry_writes_go_through(fake: FakeAttio) -> None:
    parent = company_id(fake)
    client = fake.client(validate_writes=True)
    entry = attio.Entry.create(
        client,
        "pipeline",
        parent_object="companies",
        parent_record_id=parent,
        entry_values={"stage": "New", "score": 2},
    )
    assert writes(fake) == ["POST /v2/lists/pipeline/entries"]
    fake.requests.clear()
    updated = attio.Entry.update(client, "pipeline", entry.entry_id, {"score": 5})
    assert updated.plain("score") == 5
    assert [r.method for r in fake.requests] == ["PATCH"]


# --------------------------------------------------------------------------- async


@pytest.mark.parametrize(("values", "expected"), BAD_RECORD_VALUES)
async def test_async_bad_record_create_sends_nothing(
    fake: FakeAttio, values: dict[str, Any], expected: list[str]
) -> None:
    client = fake.async_client(validate_writes=True)
    with pytest.raises(attio.WriteValidationError) as info:
        await attio.Record.create_async(client, "people", values)
    for text in expected:
        assert text in str(info.value)
    assert fake.requests
    assert only_schema_reads(fake)


async def test_async_valid_write_reuses_the_cached_schema(fake: FakeAttio) -> None:
    client = fake.async_client(validate_writes=True)
    created = await attio.Record.create_async(client, "people", {"tier": "Gold"})
    assert writes(fake) == ["POST /v2/objects/people/records"]
    fake.requests.clear()
    await attio.Record.update_async(
        client, "people", created.record_id, {"tier": "Bronze"}, overwrite=True
    )
    with pytest.raises(attio.WriteValidationError, match="did you mean 'Gold'"):
        await attio.Record.upsert_async(
            client, "people", {"tier": "Gol"}, matching_attribute="email_addresses"
        )
    assert [f"{r.method} {r.path}" for r in fake.requests] == [
        f"PUT /v2/objects/people/records/{created.record_id}"
    ]


async def test_async_default_off_checks_nothing_locally(fake: FakeAttio) -> None:
    client = fake.async_client()
    with pytest.raises(attio.APIStatusError) as info:
        await attio.Record.create_async(client, "people", {"tier": "Gld"})
    assert not isinstance(info.value, attio.WriteValidationError)
    assert [r.method for r in fake.requests] == ["POST"]


async def test_async_entries(fake: FakeAttio) -> None:
    parent = company_id(fake)
    client = fake.async_client(validate_writes=True)
    with pytest.raises(attio.WriteValidationError, match="did you mean 'New'"):
        await attio.Entry.create_async(
            client,
            "pipeline",
            parent_object="companies",
            parent_record_id=parent,
            entry_values={"stage": "Neww"},
        )
    assert fake.requests
    assert only_schema_reads(fake)
    fake.requests.clear()
    entry = await attio.Entry.upsert_async(
        client,
        "pipeline",
        parent_object="companies",
        parent_record_id=parent,
        entry_values={"stage": "Won"},
    )
    with pytest.raises(attio.WriteValidationError, match="unknown attribute 'nope'"):
        await attio.Entry.update_async(client, "pipeline", entry.entry_id, {"nope": 1})
    assert [r.method for r in fake.requests] == ["PUT"]
