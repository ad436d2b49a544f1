"""``List``: requests sent, models read, round trips (and the real lists/objects bodies)."""

from __future__ import annotations

from typing import Any

import pytest

import attio
from tests.bodies import full
from tests.conftest import REAL_RESPONSES, MockAttio, load_real, require_shared
from tests.samples import roundtrip

WS = "1f5a0c3e-8d2b-4c71-9e6f-2a4b6c8d0e1f"
MEMBER = "c0ffee00-1234-4abc-8def-0123456789ab"

SALES: dict[str, Any] = {
    "id": {"workspace_id": WS, "list_id": "b4e1a2c3-5d6f-4a7b-8c9d-0e1f2a3b4c5d"},
    "api_slug": "enterprise_sales",
    "name": "Enterprise Sales",
    "parent_object": ["companies"],
    "workspace_access": "read-and-write",
    "workspace_member_access": [{"workspace_member_id": MEMBER, "level": "full-access"}],
    "created_by_actor": {"type": "workspace-member", "id": MEMBER},
    "created_at": "2024-05-02T11:04:36.120481733Z",
}

PRIVATE: dict[str, Any] = {
    **SALES,
    "id": {"workspace_id": WS, "list_id": "e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7a8b"},
    "api_slug": "board_candidates",
    "name": "Board candidates",
    "parent_object": ["people"],
    "workspace_access": None,
    "created_by_actor": {"type": "system", "id": None},
    "is_pinned": True,  # a field Attio might add one day
}


# --------------------------------------------------------------------------- models


@pytest.mark.parametrize("body", [SALES, PRIVATE], ids=["sales", "private"])
def test_list_round_trip(body: dict[str, Any]) -> None:
    roundtrip(attio.List, body)


def test_list_fields_are_typed() -> None:
    sales = attio.List.model_validate(SALES)
    assert isinstance(sales.id, attio.ListId)
    assert sales.id.list_id == "b4e1a2c3-5d6f-4a7b-8c9d-0e1f2a3b4c5d"
    assert sales.parent_object == ["companies"]
    assert sales.workspace_member_access is not None
    access = sales.workspace_member_access[0]
    assert isinstance(access, attio.ListMemberAccess)
    assert access.level == "full-access"
    assert isinstance(sales.created_by_actor, attio.Actor)
    assert sales.created_at is not None
    assert sales.created_at.nanosecond == 733

    private = attio.List.model_validate(PRIVATE)
    assert private.workspace_access is None
    assert private.created_by_actor is not None
    assert private.created_by_actor.id is None
    assert private.model_extra == {"is_pinned": True}


def test_list_minimal_body_adds_nothing() -> None:
    roundtrip(attio.List, full("List", id=SALES["id"]))


@pytest.mark.parametrize(
    "name", ["kfd-devtools__get_v2_lists.json", "rbeene-ruby__get_v2_lists.json"]
)
def test_real_list_responses(mock: MockAttio, name: str) -> None:
    body = load_real(name)
    assert body["data"]
    for item in body["data"]:
        roundtrip(attio.List, item)
    mock.reply(200, body)
    lists = attio.List.list(mock.client())
    assert [item.model_dump(mode="json") for item in lists] == body["data"]


def test_real_created_list(mock: MockAttio) -> None:
    body = load_real("rbeene-ruby__post_v2_lists.json")
    roundtrip(attio.List, body["data"])
    mock.reply(200, body)
    created = attio.List.create(mock.client(), name="n", api_slug="n", parent_object="people")
    assert created.model_dump(mode="json") == body["data"]


@pytest.mark.parametrize(
    "name",
    [
        "kfd-devtools__get_v2_objects.json",
        "kfd-devtools__get_v2_objects_people.json",
        "kfd-devtools__get_v2_objects_companies.json",
        "rbeene-ruby__get_v2_objects.json",
        "rbeene-ruby__get_v2_objects_object.json",
        "amp-connectors__get_v2_objects.json",
    ],
)
def test_real_object_responses(name: str) -> None:
    body = load_real(name)
    items = body["data"] if isinstance(body["data"], list) else [body["data"]]
    assert items
    for item in items:
        roundtrip(attio.Object, item)


def _configuration_model(name: str) -> type[attio.AttioModel] | None:
    """The model of a recorded body by its file name: attributes, lists or objects."""
    if name.startswith("README") or "error" in name or "records" in name or "entries" in name:
        return None
    if "_attributes" in name:
        return attio.Attribute
    if "_v2_lists" in name:
        return attio.List
    if "_v2_objects" in name:
        return attio.Object
    return None


def test_every_recorded_attribute_list_and_object_body_round_trips() -> None:
    """Whatever attributes/lists/objects files ``../shared/real-responses`` holds, now or later."""
    checked: dict[str, int] = {}
    for path in sorted(require_shared(REAL_RESPONSES).glob("*.json")):
        model = _configuration_model(path.name)
        if model is None:
            continue
        body = load_real(path.name)
        items = body["data"] if isinstance(body["data"], list) else [body["data"]]
        for item in items:
            roundtrip(model, item)
        checked[path.name] = len(items)
    assert checked, "no attributes/lists/objects bodies were found"
    assert sum(checked.values()) >= len(checked)


# --------------------------------------------------------------------------- operations


def test_list_sync(mock: MockAttio) -> None:
    mock.data([SALES, PRIVATE])
    lists = attio.List.list(mock.client())
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/lists"
    assert mock.query() == {}
    assert mock.body() is None
    assert isinstance(lists, list)
    assert [item.api_slug for item in lists] == ["enterprise_sales", "board_candidates"]


async def test_list_async(mock: MockAttio) -> None:
    mock.data([SALES])
    lists = await attio.List.list_async(mock.async_client())
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/lists"
    assert lists[0].model_dump(mode="json") == SALES


def test_get_sync(mock: MockAttio) -> None:
    mock.data(SALES)
    found = attio.List.get(mock.client(), "enterprise_sales")
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/lists/enterprise_sales"
    assert mock.body() is None
    assert found.name == "Enterprise Sales"


async def test_get_async_encodes_segment(mock: MockAttio) -> None:
    mock.data(SALES)
    await attio.List.get_async(mock.async_client(), "sales/eu 2025")
    assert mock.last.url.raw_path == b"/v2/lists/sales%2Feu%202025"


def test_create_sync_defaults_fill_required_access(mock: MockAttio) -> None:
    mock.data(SALES)
    attio.List.create(
        mock.client(),
        name="Enterprise Sales",
        api_slug="enterprise_sales",
        parent_object="companies",
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/lists"
    assert mock.query() == {}
    assert mock.body() == {
        "data": {
            "name": "Enterprise Sales",
            "api_slug": "enterprise_sales",
            "parent_object": "companies",
            "workspace_access": "full-access",
            "workspace_member_access": [],
        }
    }


async def test_create_async_private_list(mock: MockAttio) -> None:
    mock.data(PRIVATE)
    await attio.List.create_async(
        mock.async_client(),
        name="Board candidates",
        api_slug="board_candidates",
        parent_object="people",
        workspace_access=None,
        workspace_member_access=[
            attio.ListMemberAccess(workspace_member_id=MEMBER, level="full-access"),
            {"workspace_member_id": WS, "level": "read-only"},
        ],
    )
    assert mock.last.method == "POST"
    assert mock.body() == {
        "data": {
            "name": "Board candidates",
            "api_slug": "board_candidates",
            "parent_object": "people",
            "workspace_access": None,
            "workspace_member_access": [
                {"workspace_member_id": MEMBER, "level": "full-access"},
                {"workspace_member_id": WS, "level": "read-only"},
            ],
        }
    }


def test_update_sync_sends_exactly_the_changes(mock: MockAttio) -> None:
    mock.data({**SALES, "workspace_access": None})
    updated = attio.List.update(mock.client(), "enterprise_sales", workspace_access=None)
    assert mock.last.method == "PATCH"
    assert mock.last.url.path == "/v2/lists/enterprise_sales"
    assert mock.body() == {"data": {"workspace_access": None}}
    assert updated.workspace_access is None


async def test_update_async(mock: MockAttio) -> None:
    mock.data(SALES)
    await attio.List.update_async(
        mock.async_client(), SALES["id"]["list_id"], name="Enterprise", api_slug="enterprise"
    )
    assert mock.last.method == "PATCH"
    assert mock.last.url.path == f"/v2/lists/{SALES['id']['list_id']}"
    assert mock.body() == {"data": {"name": "Enterprise", "api_slug": "enterprise"}}


def test_wrong_client_kind(mock: MockAttio) -> None:
    with pytest.raises(TypeError, match="_async"):
        attio.List.list(mock.async_client())  # type: ignore[arg-type]


async def test_wrong_client_kind_async(mock: MockAttio) -> None:
    with pytest.raises(TypeError, match="without the _async"):
        await attio.List.get_async(mock.client(), "x")  # type: ignore[arg-type]
    assert mock.requests == []
