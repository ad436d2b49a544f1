"""Webhooks: create (the secret is scrubbed from the cassette), get, list, update, delete."""

from __future__ import annotations

import pytest

import attio
from attio.testing import SCRUBBED

from .conftest import Api

TARGET = "https://hooks.example.com/attio/vcr"


async def test_webhook_lifecycle(api: Api, attio_record_mode: str) -> None:
    created = await api(
        attio.Webhook.create,
        target_url=TARGET,
        subscriptions=[
            {"event_type": "record.created"},
            {
                "event_type": "note.created",
                "filter": {
                    "$and": [{"field": "parent_object_id", "operator": "equals", "value": "people"}]
                },
            },
        ],
    )
    webhook_id = created.id.webhook_id
    try:
        assert isinstance(created, attio.Webhook)
        assert created.target_url == TARGET
        assert created.secret  # returned by create only
        if attio_record_mode == "none":  # replayed: the cassette holds no secret
            assert created.secret == SCRUBBED
        assert "secret=" not in repr(created)  # never shown by repr()
        assert [s.event_type for s in created.subscriptions or []] == [
            "record.created",
            "note.created",
        ]
        assert created.subscriptions is not None
        assert created.subscriptions[0].filter is None
        assert created.status in ("active", "degraded", "inactive")

        fetched = await api(attio.Webhook.get, webhook_id)
        assert fetched.id == created.id
        assert fetched.secret is None
        assert fetched.subscriptions == created.subscriptions

        updated = await api(
            attio.Webhook.update,
            webhook_id,
            target_url=TARGET + "/v2",
            subscriptions=[{"event_type": "task.created", "filter": None}],
        )
        assert updated.target_url == TARGET + "/v2"
        assert [s.event_type for s in updated.subscriptions or []] == ["task.created"]

        page = await api(attio.Webhook.list, limit=10)
        assert webhook_id in {w.id.webhook_id for w in page.data}
        everything = await api.collect(attio.Webhook.stream, page_size=10)
        mine = [w for w in everything if w.id.webhook_id == webhook_id]
        assert len(mine) == 1
        assert mine[0].target_url == TARGET + "/v2"
    finally:
        assert await api(attio.Webhook.delete, webhook_id) is None

    with pytest.raises(attio.NotFoundError):
        await api(attio.Webhook.get, webhook_id)
