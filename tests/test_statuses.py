"""``Status``: requests sent, models read, round trips."""

from __future__ import annotations

from typing import Any

import pytest

import attio
from tests.conftest import MockAttio
from tests.samples import BAD_TARGETS, roundtrip

WS = "1f5a0c3e-8d2b-4c71-9e6f-2a4b6c8d0e1f"
LIST_ID = "b4e1a2c3-5d6f-4a7b-8c9d-0e1f2a3b4c5d"

STATUS: dict[str, Any] = {
    "id": {
        "workspace_id": WS,
        "object_id": LIST_ID,
        "attribute_id": "6f5e4d3c-2b1a-4f0e-9d8c-7b6a5f4e3d2c",
        "status_id": "8d9e0f1a-2b3c-4d4e-8f6a-7b8c9d0e1f2a",
    },
    "title": "In Progress",
    "is_archived": False,
    "celebration_enabled": False,
    "target_time_in_status": "P0Y0M7DT0H0M0S",
}


# --------------------------------------------------------------------------- models


def test_status_round_trip() -> None:
    status = roundtrip(attio.Status, STATUS)
    assert isinstance(status, attio.Status)
    assert isinstance(status.id, attio.StatusId)
    assert status.target_time_in_status == "P0Y0M7DT0H0M0S"
    roundtrip(attio.Status, {**STATUS, "target_time_in_status": None})


# --------------------------------------------------------------------------- target


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_bad_target_is_rejected_before_any_request(mock: MockAttio, target: Any) -> None:
    with pytest.raises(ValueError, match="'objects' or 'lists'"):
        attio.Status.update(mock.client(), target, "deals", "stage", "Won", title="Closed")
    assert mock.requests == []


# --------------------------------------------------------------------------- operations


def test_status_list_sync(mock: MockAttio) -> None:
    mock.data([STATUS])
    statuses = attio.Status.list(mock.client(), "lists", "deals", "stage", show_archived=False)
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/lists/deals/attributes/stage/statuses"
    assert mock.query() == {"show_archived": "false"}
    assert statuses[0].model_dump(mode="json") == STATUS


async def test_status_list_async(mock: MockAttio) -> None:
    mock.data([STATUS])
    statuses = await attio.Status.list_async(mock.async_client(), "objects", "deals", "stage")
    assert mock.last.url.path == "/v2/objects/deals/attributes/stage/statuses"
    assert mock.query() == {}
    assert statuses[0].title == "In Progress"


def test_status_create_sends_only_given_fields(mock: MockAttio) -> None:
    mock.data(STATUS)
    attio.Status.create(mock.client(), "lists", "deals", "stage", title="In Progress")
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/lists/deals/attributes/stage/statuses"
    assert mock.body() == {"data": {"title": "In Progress"}}


async def test_status_create_async_with_all_fields(mock: MockAttio) -> None:
    mock.data(STATUS)
    await attio.Status.create_async(
        mock.async_client(),
        "objects",
        "deals",
        "stage",
        title="Won 🎉",
        celebration_enabled=True,
        target_time_in_status=None,
    )
    assert mock.last.url.path == "/v2/objects/deals/attributes/stage/statuses"
    assert mock.body() == {
        "data": {"title": "Won 🎉", "celebration_enabled": True, "target_time_in_status": None}
    }


def test_status_update_sync(mock: MockAttio) -> None:
    mock.data(STATUS)
    attio.Status.update(
        mock.client(), "lists", "deals", "stage", "In Progress", target_time_in_status="P14D"
    )
    assert mock.last.method == "PATCH"
    assert mock.last.url.raw_path == b"/v2/lists/deals/attributes/stage/statuses/In%20Progress"
    assert mock.body() == {"data": {"target_time_in_status": "P14D"}}


async def test_status_update_async(mock: MockAttio) -> None:
    mock.data({**STATUS, "is_archived": True})
    status = await attio.Status.update_async(
        mock.async_client(), "objects", "deals", "stage", "Lost", is_archived=True
    )
    assert mock.last.method == "PATCH"
    assert mock.last.url.path == "/v2/objects/deals/attributes/stage/statuses/Lost"
    assert mock.body() == {"data": {"is_archived": True}}
    assert status.is_archived is True
