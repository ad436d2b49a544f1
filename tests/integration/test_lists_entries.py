"""Lists (create, get, update, list) and their entries (create, upsert, get, query, stream,
update appending / overwriting, historic values, delete), replayed from cassettes."""

from __future__ import annotations

import functools
from typing import Any

import pytest

import attio
from attio.values import NumberValue, SelectValue

from .conftest import Api, get_or_create

LIST = "vcr_deal_flow"
NAME = "VCR deal flow"
BY_PRIORITY_DESC = [{"direction": "desc", "attribute": "vcr_priority"}]


async def _list_with_attributes(api: Api) -> attio.List:
    lst, created = await get_or_create(
        lambda: api(attio.List.get, LIST),
        lambda: api(attio.List.create, name=NAME, api_slug=LIST, parent_object="companies"),
    )
    if created:
        assert lst.api_slug == LIST
        assert lst.name == NAME
        assert lst.workspace_access == "full-access"
    common: dict[str, Any] = {"description": None, "is_required": False, "is_unique": False}
    for slug, title, kind, multi in (
        ("vcr_priority", "Priority", "number", False),
        ("vcr_tags", "Tags", "select", True),
    ):
        await get_or_create(
            functools.partial(api, attio.Attribute.get, "lists", LIST, slug),
            functools.partial(
                api,
                attio.Attribute.create,
                "lists",
                LIST,
                title=title,
                api_slug=slug,
                type=kind,
                is_multiselect=multi,
                config={},
                **common,
            ),
        )
    options = await api(attio.SelectOption.list, "lists", LIST, "vcr_tags", show_archived=True)
    for title in ("hot", "warm", "cold"):
        if title not in {o.title for o in options}:
            await api(attio.SelectOption.create, "lists", LIST, "vcr_tags", title=title)
    assert isinstance(lst, attio.List)
    return lst


def _tags(entry: attio.Entry) -> list[str]:
    values = entry.values_of("vcr_tags")
    assert all(isinstance(v, SelectValue) for v in values)
    return sorted(v.title for v in values if isinstance(v, SelectValue) and v.title)


async def test_list_create_get_update_list(api: Api) -> None:
    lst = await _list_with_attributes(api)
    assert lst.parent_object == ["companies"]

    by_id = await api(attio.List.get, lst.id.list_id)
    assert by_id.id == lst.id
    assert by_id.api_slug == LIST

    renamed = await api(attio.List.update, LIST, name="VCR deal flow (renamed)")
    assert renamed.id == lst.id
    assert renamed.name == "VCR deal flow (renamed)"
    assert (await api(attio.List.get, LIST)).name == "VCR deal flow (renamed)"
    restored = await api(attio.List.update, lst.id.list_id, name=NAME)
    assert restored.name == NAME

    lists = await api(attio.List.list)
    assert all(isinstance(x, attio.List) for x in lists)
    assert {x.api_slug: x.name for x in lists}[LIST] == NAME


async def test_entries_lifecycle(api: Api) -> None:
    lst = await _list_with_attributes(api)
    acme = await api(
        attio.Record.create, "companies", {"name": "VCR Acme", "domains": ["vcr-acme.example.com"]}
    )
    bolt = await api(
        attio.Record.create, "companies", {"name": "VCR Bolt", "domains": ["vcr-bolt.example.com"]}
    )
    acme_id, bolt_id = acme.id.record_id, bolt.id.record_id
    try:
        first = await api(
            attio.Entry.create,
            LIST,
            parent_object="companies",
            parent_record_id=acme_id,
            entry_values={"vcr_priority": 3, "vcr_tags": ["hot"]},
        )
        assert isinstance(first, attio.Entry)
        assert first.id.list_id == lst.id.list_id
        assert first.parent_record_id == acme_id
        priority = first.first("vcr_priority")
        assert isinstance(priority, NumberValue)
        assert priority.value == 3
        assert _tags(first) == ["hot"]

        # upsert by parent: created, then the same entry updated
        second = await api(
            attio.Entry.upsert,
            LIST,
            parent_object="companies",
            parent_record_id=bolt_id,
            entry_values={"vcr_priority": 1},
        )
        again = await api(
            attio.Entry.upsert,
            LIST,
            parent_object="companies",
            parent_record_id=bolt_id,
            entry_values={"vcr_priority": 2},
        )
        assert again.id == second.id
        assert again.plain("vcr_priority") == 2
        ours = {first.id.entry_id, second.id.entry_id}

        fetched = await api(attio.Entry.get, LIST, first.id.entry_id)
        assert fetched.id == first.id
        assert fetched.plain("vcr_priority") == 3

        page = await api(attio.Entry.list, LIST, sorts=BY_PRIORITY_DESC)
        mine = [e.id.entry_id for e in page.data if e.id.entry_id in ours]
        assert mine == [first.id.entry_id, second.id.entry_id]
        streamed = await api.collect(attio.Entry.stream, LIST, sorts=BY_PRIORITY_DESC, page_size=1)
        assert [e.id.entry_id for e in streamed if e.id.entry_id in ours] == mine
        filtered = await api(attio.Entry.stream_all, LIST, filter={"vcr_priority": 2}, page_size=1)
        assert [e.id.entry_id for e in filtered if e.id.entry_id in ours] == [second.id.entry_id]

        of_record = await api(attio.Record.list_entries, "companies", acme_id)
        assert [(e.entry_id, e.list_api_slug) for e in of_record.data] == [
            (first.id.entry_id, LIST)
        ]

        appended = await api(attio.Entry.update, LIST, first.id.entry_id, {"vcr_tags": ["warm"]})
        assert _tags(appended) == ["hot", "warm"]
        overwritten = await api(
            attio.Entry.update,
            LIST,
            first.id.entry_id,
            {"vcr_tags": ["cold"], "vcr_priority": 5},
            overwrite=True,
        )
        assert _tags(overwritten) == ["cold"]
        assert overwritten.plain("vcr_priority") == 5

        current = await api(
            attio.Entry.list_attribute_values, LIST, first.id.entry_id, "vcr_priority"
        )
        assert [v.value for v in current.data] == [5]
        history = await api(
            attio.Entry.list_attribute_values,
            LIST,
            first.id.entry_id,
            "vcr_priority",
            show_historic=True,
        )
        assert [v.value for v in history.data] == [3, 5]
        assert [v.active_until is None for v in history.data] == [False, True]

        for entry_id in (first.id.entry_id, second.id.entry_id):
            assert await api(attio.Entry.delete, LIST, entry_id) is None
        with pytest.raises(attio.NotFoundError):
            await api(attio.Entry.get, LIST, first.id.entry_id)
        left = await api(attio.Entry.stream_all, LIST)
        assert ours.isdisjoint(e.id.entry_id for e in left)
    finally:
        for record_id in (acme_id, bolt_id):
            await api(attio.Record.delete, "companies", record_id)
