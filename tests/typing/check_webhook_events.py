"""Typed webhook events as a receiver writes them, checked by mypy (not run): ``isinstance``
narrows an event to its family, whose ids are typed properties; a plain event has none."""

from __future__ import annotations

from attio import webhooks as wh


def receive(delivery: wh.WebhookDelivery) -> None:
    for event in delivery.events:
        kind: str = event.event_type
        if isinstance(event, wh.RecordEvent):
            record_id: str = event.record_id
            changed: str | None = event.attribute_id
            del record_id, changed
        elif isinstance(event, wh.ListEntryEvent):
            entry_id: str = event.entry_id
            parent: str | None = event.parent_record_id
            del entry_id, parent
        elif isinstance(event, wh.AttributeEvent):
            target: str = event.target
            del target
        else:
            print(event.record_id)  # type: ignore[attr-defined]
        del kind
