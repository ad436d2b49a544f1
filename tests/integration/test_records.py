"""Records: create, get, query with filters and sorts, paging, upsert, update, historic values,
entries, search, merge, delete -- replayed from cassettes."""

from __future__ import annotations

import asyncio

import pytest

import attio
from attio.values import (
    DomainValue,
    EmailAddressValue,
    PersonalNameValue,
    PhoneNumberValue,
    TextValue,
)

from .conftest import Api

ADA = {
    "name": [{"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"}],
    "email_addresses": ["ada@lovelace.example.com"],
    "phone_numbers": [{"original_phone_number": "+442071234567", "country_code": "GB"}],
    "job_title": "Mathematician",
}

COMPANIES = {
    "VCR Alpha Ltd": "vcr-alpha.example.com",
    "VCR Beta Ltd": "vcr-beta.example.com",
    "VCR Gamma Ltd": "vcr-gamma.example.com",
}
VCR_FILTER = {"name": {"$starts_with": "VCR "}}
BY_NAME_DESC = [{"direction": "desc", "attribute": "name"}]


async def test_create_get_typed_values_then_delete_gives_404(api: Api) -> None:
    created = await api(attio.Record.create, "people", ADA)
    assert isinstance(created, attio.Record)
    record_id = created.id.record_id
    try:
        fetched = await api(attio.Record.get, "people", record_id)
        assert fetched.id == created.id
        assert fetched.created_at == created.created_at

        email = fetched.first("email_addresses")
        assert isinstance(email, EmailAddressValue)
        assert email.email_address == "ada@lovelace.example.com"
        assert email.email_domain == "lovelace.example.com"
        assert email.is_active

        name = fetched.first("name")
        assert isinstance(name, PersonalNameValue)
        assert (name.first_name, name.last_name) == ("Ada", "Lovelace")
        assert name.full_name == "Ada Lovelace"

        phone = fetched.first("phone_numbers")
        assert isinstance(phone, PhoneNumberValue)
        assert phone.phone_number == "+442071234567"
        assert phone.country_code == "GB"

        title = fetched.first("job_title")
        assert isinstance(title, TextValue)
        assert fetched.plain("job_title") == "Mathematician"
        # What was read back is Attio's JSON, unchanged by the models.
        dumped = fetched.model_dump(mode="json")
        assert attio.Record.model_validate(dumped).model_dump(mode="json") == dumped
    finally:
        assert await api(attio.Record.delete, "people", record_id) is None

    with pytest.raises(attio.NotFoundError) as caught:
        await api(attio.Record.get, "people", record_id)
    assert caught.value.status_code == 404
    assert caught.value.error is not None
    assert caught.value.error.code == "not_found"


async def test_query_with_filter_and_sorts_pages_and_streams(api: Api) -> None:
    ids = []
    for name, domain in COMPANIES.items():
        company = await api(attio.Record.create, "companies", {"name": name, "domains": [domain]})
        ids.append(company.id.record_id)
    try:
        expected = sorted(COMPANIES, reverse=True)

        page = await api(attio.Record.list, "companies", filter=VCR_FILTER, sorts=BY_NAME_DESC)
        assert [r.plain("name") for r in page.data] == expected
        assert {r.id.record_id for r in page.data} == set(ids)
        domain = page.data[0].first("domains")
        assert isinstance(domain, DomainValue)
        assert domain.domain == COMPANIES[expected[0]]

        # offset paging in the body: two POST .../query pages
        first = await api(
            attio.Record.list, "companies", filter=VCR_FILTER, sorts=BY_NAME_DESC, limit=2
        )
        assert [r.plain("name") for r in first.data] == expected[:2]
        assert first.has_next_page()
        second = await api.next_page(first)
        assert second is not None
        assert [r.plain("name") for r in second.data] == expected[2:]

        streamed = await api.collect(
            attio.Record.stream, "companies", filter=VCR_FILTER, sorts=BY_NAME_DESC, page_size=2
        )
        assert [r.plain("name") for r in streamed] == expected

        everything = await api(
            attio.Record.stream_all,
            "companies",
            filter={"name": "VCR Beta Ltd"},
            page_size=1,
        )
        assert [r.id.record_id for r in everything] == [ids[1]]
    finally:
        for record_id in ids:
            await api(attio.Record.delete, "companies", record_id)


async def test_upsert_twice_update_append_and_overwrite_and_history(api: Api) -> None:
    email = "grace@hopper.example.com"
    first = await api(
        attio.Record.upsert,
        "people",
        {"email_addresses": [email], "job_title": "Programmer"},
        matching_attribute="email_addresses",
    )
    record_id = first.id.record_id
    try:
        again = await api(
            attio.Record.upsert,
            "people",
            {"email_addresses": [email], "job_title": "Rear Admiral"},
            matching_attribute="email_addresses",
        )
        assert again.id.record_id == record_id  # matched, not created
        assert again.plain("job_title") == "Rear Admiral"

        # PATCH appends to a multiselect attribute
        appended = await api(
            attio.Record.update,
            "people",
            record_id,
            {"email_addresses": ["grace@navy.example.com"]},
        )
        assert sorted(appended.plain_values("email_addresses")) == [
            "grace@hopper.example.com",
            "grace@navy.example.com",
        ]

        # PUT overwrites it
        overwritten = await api(
            attio.Record.update,
            "people",
            record_id,
            {"email_addresses": ["grace@navy.example.com"], "job_title": "Commodore"},
            overwrite=True,
        )
        assert overwritten.plain_values("email_addresses") == ["grace@navy.example.com"]
        assert overwritten.plain("job_title") == "Commodore"

        # the same GET before and after a write must give the new state
        fetched = await api(attio.Record.get, "people", record_id)
        assert fetched.plain_values("email_addresses") == ["grace@navy.example.com"]

        current = await api(attio.Record.list_attribute_values, "people", record_id, "job_title")
        assert [v.value for v in current.data] == ["Commodore"]

        history = await api(
            attio.Record.list_attribute_values,
            "people",
            record_id,
            "job_title",
            show_historic=True,
        )
        titles = [v.value for v in history.data]
        assert titles == ["Programmer", "Rear Admiral", "Commodore"]
        assert all(isinstance(v, TextValue) for v in history.data)
        assert [v.active_until is None for v in history.data] == [False, False, True]
        starts = [v.active_from for v in history.data]
        assert starts == sorted(starts)
    finally:
        await api(attio.Record.delete, "people", record_id)


async def test_entries_of_a_record_search_and_merge(api: Api, live: bool) -> None:
    primary = await api(
        attio.Record.create,
        "companies",
        {"name": "VCR Merge Primary", "domains": ["vcr-primary.example.com"]},
    )
    secondary = await api(
        attio.Record.create,
        "companies",
        {"name": "VCR Merge Secondary", "domains": ["vcr-secondary.example.com"]},
    )
    primary_id, secondary_id = primary.id.record_id, secondary.id.record_id
    try:
        entries = await api(attio.Record.list_entries, "companies", primary_id)
        assert entries.data == []

        # search is eventually consistent on the live API: ask a few times there
        hits: list[attio.SearchResult] = []
        for _ in range(10):
            hits = await api(attio.Record.search, "VCR Merge", objects=["companies"], limit=10)
            if {primary_id, secondary_id} <= {h.id.record_id for h in hits}:
                break
            if live:
                await asyncio.sleep(2)
        by_id = {h.id.record_id: h for h in hits}
        assert {primary_id, secondary_id} <= set(by_id)
        assert by_id[primary_id].object_slug == "companies"
        assert by_id[primary_id].record_text == "VCR Merge Primary"

        merged = await api(attio.Record.merge, "companies", primary_id, secondary_id)
        assert merged.id.record_id == primary_id
        assert sorted(merged.plain_values("domains")) == [
            "vcr-primary.example.com",
            "vcr-secondary.example.com",
        ]
        assert merged.plain("name") == "VCR Merge Primary"
        with pytest.raises(attio.NotFoundError):
            await api(attio.Record.get, "companies", secondary_id)
    finally:
        await api(attio.Record.delete, "companies", primary_id)
