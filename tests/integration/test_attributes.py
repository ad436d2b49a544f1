"""Attributes of a custom object and of a list, select options and statuses, replayed from
cassettes. Objects, lists and attributes cannot be deleted through Attio's API: each scenario
reuses them when they exist (see ``get_or_create``) and leaves names as it found them."""

from __future__ import annotations

from typing import Any

import attio
from attio.values import SelectValue, TextValue

from .conftest import Api, get_or_create

OBJECT = "vcr_attr_projects"
LIST = "vcr_attr_pipeline"


async def _project_object(api: Api) -> attio.Object:
    obj, _ = await get_or_create(
        lambda: api(attio.Object.get, OBJECT),
        lambda: api(
            attio.Object.create, api_slug=OBJECT, singular_noun="Project", plural_noun="Projects"
        ),
    )
    assert isinstance(obj, attio.Object)
    return obj


async def _attribute(api: Api, target: str, identifier: str, **spec: Any) -> attio.Attribute:
    defaults: dict[str, Any] = {
        "description": None,
        "is_required": False,
        "is_unique": False,
        "is_multiselect": False,
        "config": {},
    }
    attribute, created = await get_or_create(
        lambda: api(attio.Attribute.get, target, identifier, spec["api_slug"]),
        lambda: api(attio.Attribute.create, target, identifier, **{**defaults, **spec}),
    )
    if created:
        assert attribute.api_slug == spec["api_slug"]
        assert attribute.type == spec["type"]
        assert attribute.title == spec["title"]
    assert isinstance(attribute, attio.Attribute)
    return attribute


async def test_object_attributes_create_get_update_list_stream(api: Api) -> None:
    obj = await _project_object(api)
    code = await _attribute(api, "objects", OBJECT, title="Code", api_slug="vcr_code", type="text")
    budget = await _attribute(
        api,
        "objects",
        OBJECT,
        title="Budget",
        api_slug="vcr_budget",
        type="currency",
        config={"currency": {"default_currency_code": "EUR", "display_type": "symbol"}},
    )
    assert code.id.object_id == obj.id.object_id
    assert budget.config is not None
    assert budget.config.currency is not None
    assert budget.config.currency.default_currency_code == "EUR"

    by_id = await api(attio.Attribute.get, "objects", obj.id.object_id, code.id.attribute_id)
    assert by_id.id == code.id
    assert by_id.is_multiselect is False

    updated = await api(
        attio.Attribute.update,
        "objects",
        OBJECT,
        "vcr_code",
        title="Project code",
        description="Set by the attio integration tests",
    )
    assert updated.id == code.id
    assert updated.title == "Project code"
    assert updated.description == "Set by the attio integration tests"

    page = await api(attio.Attribute.list, "objects", OBJECT)
    listed = {a.api_slug: a for a in page.data}
    assert {"vcr_code", "vcr_budget"} <= set(listed)
    assert listed["vcr_code"].title == "Project code"

    streamed = await api.collect(attio.Attribute.stream, "objects", OBJECT, page_size=2)
    assert [a.id for a in streamed] == [a.id for a in page.data]
    assert len(streamed) >= 2


async def test_select_options_create_rename_archive_and_use(api: Api) -> None:
    await _project_object(api)
    await _attribute(api, "objects", OBJECT, title="Code", api_slug="vcr_code", type="text")
    stage = await _attribute(
        api, "objects", OBJECT, title="Stage", api_slug="vcr_stage", type="select"
    )
    known = {
        o.title
        for o in await api(
            attio.SelectOption.list, "objects", OBJECT, "vcr_stage", show_archived=True
        )
    }
    for title in ("Discovery", "Delivery"):
        if title not in known:
            option = await api(
                attio.SelectOption.create, "objects", OBJECT, "vcr_stage", title=title
            )
            assert isinstance(option, attio.SelectOption)
            assert option.title == title
            assert option.id.attribute_id == stage.id.attribute_id

    renamed = await api(
        attio.SelectOption.update, "objects", OBJECT, "vcr_stage", "Discovery", title="Discovering"
    )
    assert renamed.title == "Discovering"
    titles = {o.title for o in await api(attio.SelectOption.list, "objects", OBJECT, "vcr_stage")}
    assert "Discovering" in titles
    assert "Discovery" not in titles
    restored = await api(
        attio.SelectOption.update,
        "objects",
        OBJECT,
        "vcr_stage",
        renamed.id.option_id,
        title="Discovery",
    )
    assert restored.id == renamed.id
    assert restored.title == "Discovery"

    archived = await api(
        attio.SelectOption.update, "objects", OBJECT, "vcr_stage", "Delivery", is_archived=True
    )
    assert archived.is_archived is True
    active = await api(attio.SelectOption.list, "objects", OBJECT, "vcr_stage")
    every = await api(attio.SelectOption.list, "objects", OBJECT, "vcr_stage", show_archived=True)
    assert "Delivery" not in {o.title for o in active}
    assert {"Delivery": True, "Discovery": False}.items() <= {
        o.title: o.is_archived for o in every
    }.items()

    # the option is usable as a value of a record of the custom object
    project = await api(
        attio.Record.create, OBJECT, {"vcr_code": "P-001", "vcr_stage": "Discovery"}
    )
    try:
        value = project.first("vcr_stage")
        assert isinstance(value, SelectValue)
        assert value.title == "Discovery"
        assert value.option_id == restored.id.option_id
        assert isinstance(project.first("vcr_code"), TextValue)
    finally:
        await api(attio.Record.delete, OBJECT, project.id.record_id)


async def test_list_attribute_with_statuses(api: Api) -> None:
    pipeline, _ = await get_or_create(
        lambda: api(attio.List.get, LIST),
        lambda: api(
            attio.List.create, name="VCR pipeline", api_slug=LIST, parent_object="companies"
        ),
    )
    status_attr = await _attribute(
        api, "lists", LIST, title="Status", api_slug="vcr_status", type="status"
    )
    assert status_attr.id.object_id == pipeline.id.list_id  # list attributes: object_id = list id

    known = {
        s.title
        for s in await api(attio.Status.list, "lists", LIST, "vcr_status", show_archived=True)
    }
    if "Sourced" not in known:
        sourced = await api(attio.Status.create, "lists", LIST, "vcr_status", title="Sourced")
        assert sourced.title == "Sourced"
        assert sourced.celebration_enabled is False
    if "Won" not in known:
        won = await api(
            attio.Status.create,
            "lists",
            LIST,
            "vcr_status",
            title="Won",
            celebration_enabled=True,
            target_time_in_status=None,
        )
        assert won.celebration_enabled is True

    changed = await api(
        attio.Status.update, "lists", LIST, "vcr_status", "Sourced", target_time_in_status="P7D"
    )
    assert changed.title == "Sourced"
    assert changed.target_time_in_status == "P7D"

    statuses = {s.title: s for s in await api(attio.Status.list, "lists", LIST, "vcr_status")}
    assert {"Sourced", "Won"} <= set(statuses)
    assert statuses["Sourced"].id == changed.id
    assert statuses["Sourced"].target_time_in_status == "P7D"
    assert statuses["Won"].celebration_enabled is True

    listed = await api(attio.Attribute.list, "lists", LIST)
    assert "vcr_status" in {a.api_slug for a in listed.data}
