"""The first resources end to end through the transport (sync and async)."""

from __future__ import annotations

import attio
from tests.conftest import MockAttio

OBJECT = {
    "id": {"workspace_id": "w1", "object_id": "o1"},
    "api_slug": "people",
    "singular_noun": "Person",
    "plural_noun": "People",
    "created_at": "2023-01-01T15:00:00.123456789Z",
}


def test_object_list_sync(mock: MockAttio) -> None:
    mock.data([OBJECT])
    objects = attio.Object.list(mock.client())
    assert [o.api_slug for o in objects] == ["people"]
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/objects"
    assert objects[0].model_dump(mode="json") == OBJECT


async def test_object_list_async(mock: MockAttio) -> None:
    mock.data([OBJECT])
    objects = await attio.Object.list_async(mock.async_client())
    assert objects[0].created_at is not None
    assert objects[0].created_at.nanosecond == 789
