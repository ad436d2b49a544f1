"""``SelectOption``: requests sent, models read, round trips."""

from __future__ import annotations

from typing import Any

import pytest

import attio
from tests.conftest import MockAttio
from tests.samples import BAD_TARGETS, roundtrip

WS = "1f5a0c3e-8d2b-4c71-9e6f-2a4b6c8d0e1f"
OBJ = "7c2d9e41-3b5a-4f60-8a1c-9d0e2f4b6a83"

OPTION: dict[str, Any] = {
    "id": {
        "workspace_id": WS,
        "object_id": OBJ,
        "attribute_id": "0d8f2e6a-1b3c-4d5e-9f70-8a1b2c3d4e5f",
        "option_id": "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
    },
    "title": "Enterprise",
    "is_archived": False,
}


# --------------------------------------------------------------------------- models


def test_option_round_trip() -> None:
    option = roundtrip(attio.SelectOption, OPTION)
    assert isinstance(option, attio.SelectOption)
    assert isinstance(option.id, attio.SelectOptionId)
    assert option.id.option_id == "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d"


# --------------------------------------------------------------------------- target


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_bad_target_is_rejected_before_any_request(mock: MockAttio, target: Any) -> None:
    with pytest.raises(ValueError, match="'objects' or 'lists'"):
        attio.SelectOption.list(mock.client(), target, "people", "tier")
    assert mock.requests == []


# --------------------------------------------------------------------------- operations


def test_option_list_sync(mock: MockAttio) -> None:
    mock.data([OPTION, {**OPTION, "title": "SMB", "is_archived": True}])
    options = attio.SelectOption.list(
        mock.client(), "objects", "companies", "tier", show_archived=True
    )
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/objects/companies/attributes/tier/options"
    assert mock.query() == {"show_archived": "true"}
    assert isinstance(options, list)
    assert [o.title for o in options] == ["Enterprise", "SMB"]


async def test_option_list_async(mock: MockAttio) -> None:
    mock.data([OPTION])
    options = await attio.SelectOption.list_async(mock.async_client(), "lists", "deals", "tier")
    assert mock.last.url.path == "/v2/lists/deals/attributes/tier/options"
    assert mock.query() == {}
    assert options[0].model_dump(mode="json") == OPTION


def test_option_create_sync(mock: MockAttio) -> None:
    mock.data(OPTION)
    option = attio.SelectOption.create(
        mock.client(), "objects", "companies", "tier", title="Enterprise"
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/objects/companies/attributes/tier/options"
    assert mock.body() == {"data": {"title": "Enterprise"}}
    assert option.id.option_id == OPTION["id"]["option_id"]


async def test_option_create_async(mock: MockAttio) -> None:
    mock.data(OPTION)
    await attio.SelectOption.create_async(
        mock.async_client(), "lists", "deals", "tier", title="Mid-market"
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/lists/deals/attributes/tier/options"
    assert mock.body() == {"data": {"title": "Mid-market"}}


def test_option_update_by_title_is_percent_encoded(mock: MockAttio) -> None:
    mock.data({**OPTION, "is_archived": True})
    attio.SelectOption.update(
        mock.client(), "objects", "companies", "tier", "Mid market / EU", is_archived=True
    )
    assert mock.last.method == "PATCH"
    assert (
        mock.last.url.raw_path
        == b"/v2/objects/companies/attributes/tier/options/Mid%20market%20%2F%20EU"
    )
    assert mock.body() == {"data": {"is_archived": True}}


async def test_option_update_async(mock: MockAttio) -> None:
    mock.data(OPTION)
    option_id = OPTION["id"]["option_id"]
    await attio.SelectOption.update_async(
        mock.async_client(), "objects", "companies", "tier", option_id, title="Enterprise+"
    )
    assert mock.last.method == "PATCH"
    assert mock.last.url.path == f"/v2/objects/companies/attributes/tier/options/{option_id}"
    assert mock.body() == {"data": {"title": "Enterprise+"}}
