"""Typed webhook events: each family's model chosen by ``event_type``, its ids as properties,
a plain ``WebhookEvent`` for anything else, and the delivery dumped back unchanged."""

from __future__ import annotations

import json
from typing import Any, get_args

import pytest

from attio import webhooks as wh
from attio.testing import sign_delivery
from tests.conftest import load_real

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
SECRET = "whsec-typed-events"
ACTOR = {"type": "workspace-member", "id": "9f9f9f9f-0000-4000-8000-0001"}


def parse(*events: dict[str, Any]) -> wh.WebhookDelivery:
    raw = json.dumps({"webhook_id": "h1", "events": list(events)}).encode()
    delivery = wh.parse_delivery(
        raw, headers={"Attio-Signature": sign_delivery(raw, SECRET)}, secret=SECRET
    )
    assert delivery.model_dump(mode="json") == json.loads(raw)  # exact round trip
    return delivery


def event(kind: str, ids: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"event_type": kind, "id": {"workspace_id": WS, **ids}, "actor": ACTOR, **extra}


CASES: list[tuple[dict[str, Any], type[wh.WebhookEvent], dict[str, Any]]] = [
    (
        event("record.updated", {"object_id": "o1", "record_id": "r1", "attribute_id": "a1"}),
        wh.RecordEvent,
        {"object_id": "o1", "record_id": "r1", "attribute_id": "a1", "duplicate_record_id": None},
    ),
    (
        event(
            "record.merged",
            {"object_id": "o1", "record_id": "r1"},
            duplicate_object_id="o1",
            duplicate_record_id="r2",
        ),
        wh.RecordEvent,
        {
            "record_id": "r1",
            "attribute_id": None,
            "duplicate_object_id": "o1",
            "duplicate_record_id": "r2",
        },
    ),
    (event("list.deleted", {"list_id": "l1"}), wh.ListEvent, {"list_id": "l1"}),
    (
        event(
            "list-entry.updated",
            {"list_id": "l1", "entry_id": "e1", "attribute_id": "a9"},
            parent_object_id="o1",
            parent_record_id="r1",
        ),
        wh.ListEntryEvent,
        {"list_id": "l1", "entry_id": "e1", "attribute_id": "a9", "parent_record_id": "r1"},
    ),
    (
        event("list-attribute.created", {"list_id": "l1", "attribute_id": "a1"}),
        wh.AttributeEvent,
        {"attribute_id": "a1", "target": "lists", "list_id": "l1", "object_id": None},
    ),
    (
        event("object-attribute.updated", {"object_id": "o1", "attribute_id": "a1"}),
        wh.AttributeEvent,
        {"target": "objects", "object_id": "o1", "list_id": None},
    ),
    (
        event(
            "note-content.updated", {"note_id": "n1"}, parent_object_id="o1", parent_record_id="r1"
        ),
        wh.NoteEvent,
        {"note_id": "n1", "parent_object_id": "o1", "parent_record_id": "r1"},
    ),
    (event("task.deleted", {"task_id": "t1"}), wh.TaskEvent, {"task_id": "t1"}),
    (
        event(
            "comment.resolved",
            {"comment_id": "c1"},
            thread_id="th1",
            object_id="o1",
            record_id="r1",
            list_id=None,
            entry_id=None,
        ),
        wh.CommentEvent,
        {
            "comment_id": "c1",
            "thread_id": "th1",
            "record_id": "r1",
            "list_id": None,
            "entry_id": None,
        },
    ),
    (
        event("workspace-member.created", {"workspace_member_id": "m1"}),
        wh.WorkspaceMemberEvent,
        {"workspace_member_id": "m1"},
    ),
    (
        event("call-recording.created", {"meeting_id": "mt1", "call_recording_id": "cr1"}),
        wh.CallRecordingEvent,
        {"meeting_id": "mt1", "call_recording_id": "cr1"},
    ),
]


@pytest.mark.parametrize(("body", "model", "reads"), CASES, ids=[c[0]["event_type"] for c in CASES])
def test_each_family_is_typed(
    body: dict[str, Any], model: type[wh.WebhookEvent], reads: dict[str, Any]
) -> None:
    (got,) = parse(body).events
    assert type(got) is model
    assert isinstance(got, wh.WebhookEvent)  # every typed event is still a WebhookEvent
    for name, expected in reads.items():
        assert getattr(got, name) == expected, name
    assert got.actor is not None
    assert got.actor.type == "workspace-member"


@pytest.mark.parametrize(
    "body",
    [
        event("record.created", {"object_id": "o1"}),  # record_id missing
        event("task.created", {"task_id": 7}),  # not a string
        event("note.created", {"note_id": ""}),  # empty
        {"event_type": "list.created", "id": None, "actor": ACTOR},
        event("activity.created", {"activity_id": "x"}),  # a type Attio may add later
    ],
)
def test_other_shapes_stay_plain_events(body: dict[str, Any]) -> None:
    (got,) = parse(body).events
    assert type(got) is wh.WebhookEvent
    assert got.event_type == body["event_type"]


def test_a_delivery_mixes_typed_and_plain_events_in_order() -> None:
    delivery = parse(
        event("task.created", {"task_id": "t1"}),
        event("activity.created", {}),
        event("record.deleted", {"object_id": "o1", "record_id": "r1"}),
    )
    assert [type(e).__name__ for e in delivery.events] == [
        "TaskEvent",
        "WebhookEvent",
        "RecordEvent",
    ]


def test_the_real_note_delivery_is_a_note_event() -> None:
    body = load_real("amp-connectors__webhook_delivery_note_updated.json")
    (got,) = parse(*body["events"]).events
    assert isinstance(got, wh.NoteEvent)
    assert got.note_id == body["events"][0]["id"]["note_id"]
    assert got.parent_record_id == body["events"][0]["parent_record_id"]


def test_every_event_type_has_a_family() -> None:
    typed = {
        kind
        for family in (
            wh.RecordEvent,
            wh.ListEvent,
            wh.ListEntryEvent,
            wh.AttributeEvent,
            wh.NoteEvent,
            wh.TaskEvent,
            wh.CommentEvent,
            wh.WorkspaceMemberEvent,
            wh.CallRecordingEvent,
        )
        for kind in get_args(family.model_fields["event_type"].annotation)
    }
    assert set(wh.WEBHOOK_EVENT_TYPES) <= typed
