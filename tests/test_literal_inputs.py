"""Typed inputs (``Literal`` without ``| str``): the correct values still send the same
request, and the read models still accept values Attio may add later."""

from __future__ import annotations

from typing import Any

import pytest

import attio
from tests.bodies import full
from tests.conftest import MockAttio

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
OBJ = "4a1f0c6e-0000-4000-8000-00000000a002"
MEMBER = "9f9f9f9f-0000-4000-8000-00000000c001"

ATTRIBUTE: dict[str, Any] = full(
    "Attribute",
    id={"workspace_id": WS, "object_id": OBJ, "attribute_id": "a1"},
    api_slug="stage",
    type="status",
)
LIST: dict[str, Any] = full(
    "List",
    id={"workspace_id": WS, "list_id": "l1"},
    api_slug="sales",
    workspace_access="read-and-write",
    workspace_member_access=[{"workspace_member_id": MEMBER, "level": "read-only"}],
)
NOTE: dict[str, Any] = full("Note", id={"workspace_id": WS, "note_id": "n1"}, title="T")


def test_attribute_create_sends_the_literal_type(mock: MockAttio) -> None:
    mock.data(ATTRIBUTE)
    attio.Attribute.create(
        mock.client(),
        "lists",
        "sales",
        title="Stage",
        description=None,
        api_slug="stage",
        type="status",
        is_required=False,
        is_unique=False,
        is_multiselect=False,
        config={},
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/lists/sales/attributes"
    assert mock.body()["data"]["type"] == "status"


async def test_list_access_levels_are_sent_unchanged(mock: MockAttio) -> None:
    mock.data(LIST).data(LIST)
    attio.List.create(
        mock.client(),
        name="Sales",
        api_slug="sales",
        parent_object="companies",
        workspace_access="read-and-write",
        workspace_member_access=[{"workspace_member_id": MEMBER, "level": "read-only"}],
    )
    assert mock.body()["data"]["workspace_access"] == "read-and-write"
    assert mock.body()["data"]["workspace_member_access"] == [
        {"workspace_member_id": MEMBER, "level": "read-only"}
    ]
    await attio.List.update_async(mock.async_client(), "sales", workspace_access="read-only")
    assert mock.last.method == "PATCH"
    assert mock.body() == {"data": {"workspace_access": "read-only"}}


def test_note_format_is_sent_unchanged(mock: MockAttio) -> None:
    mock.data(NOTE)
    attio.Note.create(
        mock.client(),
        parent_object="people",
        parent_record_id="r1",
        title="T",
        content="# T",
        format="markdown",
    )
    assert mock.body()["data"]["format"] == "markdown"


@pytest.mark.parametrize("sort", ["created_at:asc", "created_at:desc"])
def test_task_sort_is_sent_unchanged(mock: MockAttio, sort: Any) -> None:
    mock.data([])
    attio.Task.list(mock.client(), sort=sort)
    assert mock.last.url.params["sort"] == sort


@pytest.mark.parametrize("sort", ["start_asc", "start_desc"])
async def test_meeting_sort_is_sent_unchanged(mock: MockAttio, sort: Any) -> None:
    mock.data([], pagination={"next_cursor": None})
    await attio.Meeting.list_async(mock.async_client(), sort=sort)
    assert mock.last.url.params["sort"] == sort


def test_read_models_keep_unknown_enum_values() -> None:
    attribute = attio.Attribute.model_validate({**ATTRIBUTE, "type": "hologram"})
    assert attribute.type == "hologram"
    lst = attio.List.model_validate(
        {
            **LIST,
            "workspace_access": "owner",
            "workspace_member_access": [{"workspace_member_id": MEMBER, "level": "owner"}],
        }
    )
    assert lst.workspace_access == "owner"
    assert lst.workspace_member_access is not None
    assert lst.workspace_member_access[0].level == "owner"
    webhook = attio.Webhook.model_validate(
        full(
            "Webhook",
            id={"workspace_id": WS, "webhook_id": "w1"},
            status="paused",
            subscriptions=[{"event_type": "galaxy.created", "filter": None}],
        )
    )
    assert webhook.status == "paused"
    assert webhook.subscriptions is not None
    assert webhook.subscriptions[0].event_type == "galaxy.created"
