"""FakeAttio delivers webhooks: the events a request causes, per family, filtered by the
subscriptions, signed so that :func:`attio.webhooks.parse_delivery` accepts them."""

from __future__ import annotations

from typing import Any

import pytest

import attio
from attio import write as w
from attio.testing import FakeAttio, FakeDelivery
from attio.webhooks import RecordEvent, WebhookEventType, parse_delivery
from tests.samples import create_attribute


def _subscribe(
    fake: FakeAttio, *event_types: WebhookEventType, filter: Any = None
) -> attio.Webhook:
    client = fake.client()
    return attio.Webhook.create(
        client,
        target_url="https://hooks.example/attio",
        subscriptions=[{"event_type": kind, "filter": filter} for kind in event_types],
    )


def _events(fake: FakeAttio, secret: str) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """``(event_type, id, extras)`` of every delivery so far, each verified and parsed."""
    found = []
    for delivery in fake.deliveries:
        parsed = parse_delivery(delivery.body, headers=delivery.headers, secret=secret)
        (event,) = parsed.events
        extras = dict(event.model_extra or {})
        found.append((event.event_type, dict(event.id or {}), extras))
    return found


def test_record_lifecycle_is_delivered_signed() -> None:
    fake = FakeAttio()
    client = fake.client()
    hook = _subscribe(fake, "record.created", "record.updated", "record.deleted")
    assert hook.secret
    person = attio.Record.create(client, "people", {"name": w.personal_name("Ada", "Lovelace")})
    attio.Record.update(client, "people", person.record_id, {"job_title": "Countess"})
    attio.Record.delete(client, "people", person.record_id)
    events = _events(fake, hook.secret)
    ids = {"workspace_id": fake.workspace_id, "object_id": person.object_id}
    job_title = attio.Attribute.get(client, "objects", "people", "job_title").id.attribute_id
    assert [(kind, found) for kind, found, _ in events] == [
        ("record.created", {**ids, "record_id": person.record_id}),
        ("record.updated", {**ids, "record_id": person.record_id, "attribute_id": job_title}),
        ("record.deleted", {**ids, "record_id": person.record_id}),
    ]
    delivery = fake.deliveries[0]
    assert isinstance(delivery, FakeDelivery)
    assert delivery.target_url == "https://hooks.example/attio"
    assert delivery.headers["Attio-Signature"] == delivery.headers["X-Attio-Signature"]
    assert len({d.headers["Idempotency-Key"] for d in fake.deliveries}) == 3
    assert delivery.event["actor"]["type"] == "api-token"
    request = delivery.request()
    assert (request.method, str(request.url)) == ("POST", "https://hooks.example/attio")
    assert request.content == delivery.body
    with pytest.raises(attio.WebhookSignatureError):
        parse_delivery(delivery.body, headers=delivery.headers, secret="not-the-secret")
    (typed,) = parse_delivery(delivery.body, headers=delivery.headers, secret=hook.secret).events
    assert isinstance(typed, RecordEvent)
    assert typed.record_id == person.record_id


def test_only_subscribed_types_and_passing_filters_are_delivered() -> None:
    fake = FakeAttio()
    client = fake.client()
    people = attio.Object.get(client, "people").id.object_id
    people_only = {"$and": [{"field": "id.object_id", "operator": "equals", "value": people}]}
    hook = _subscribe(fake, "record.created", filter=people_only)
    not_api = {"$or": [{"field": "actor.type", "operator": "not_equals", "value": "api-token"}]}
    other = _subscribe(fake, "record.created", filter=not_api)
    attio.Record.create(client, "companies", {"name": "Cobalt"})
    person = attio.Record.create(client, "people", {"name": w.personal_name("Grace", "Hopper")})
    attio.Record.update(client, "people", person.record_id, {"job_title": "Admiral"})
    assert [d.webhook_id for d in fake.deliveries] == [hook.id.webhook_id]
    assert fake.deliveries[0].event["id"]["record_id"] == person.record_id
    attio.Webhook.delete(client, other.id.webhook_id)
    attio.Webhook.delete(client, hook.id.webhook_id)
    attio.Record.create(client, "people", {"name": w.personal_name("Alan", "Turing")})
    assert len(fake.deliveries) == 1  # no webhook left


def test_failed_requests_deliver_nothing() -> None:
    fake = FakeAttio()
    client = fake.client()
    _subscribe(fake, "record.created", "record.deleted", "task.created")
    with pytest.raises(attio.BadRequestError):
        attio.Record.create(client, "people", {"no_such_attribute": "x"})
    with pytest.raises(attio.NotFoundError):
        attio.Record.delete(client, "people", "00000000-0000-4000-8000-000000000000")
    fake.fail_next(status=503)
    with pytest.raises(attio.InternalServerError):
        attio.Task.create(client, content="never made", deadline_at=None)
    assert fake.deliveries == []


def test_every_family_carries_its_ids_and_extras() -> None:
    fake = FakeAttio()
    client = fake.client()
    hook = _subscribe(
        fake,
        "list.created",
        "list.updated",
        "list-entry.created",
        "list-entry.updated",
        "list-entry.deleted",
        "note.created",
        "note.deleted",
        "task.created",
        "task.updated",
        "task.deleted",
        "comment.created",
        "comment.deleted",
        "object-attribute.created",
        "list-attribute.created",
        "record.merged",
    )
    assert hook.secret
    company = attio.Record.create(client, "companies", {"name": "Borealis"})
    twin = attio.Record.create(client, "companies", {"name": "Borealis (old)"})
    companies = company.object_id
    sales = attio.List.create(
        client, name="Sales", api_slug="sales", parent_object="companies",
        workspace_access="full-access", workspace_member_access=[],
    )  # fmt: skip
    attio.List.update(client, "sales", name="Sales pipeline")
    list_id = sales.id.list_id
    attribute = create_attribute(client, "lists", "sales", "score", "number", title="Score")
    object_attribute = create_attribute(
        client, "objects", "companies", "tier", "text", title="Tier"
    )
    entry = attio.Entry.create(
        client, "sales", parent_object="companies", parent_record_id=company.record_id,
        entry_values={},
    )  # fmt: skip
    attio.Entry.update(client, "sales", entry.id.entry_id, {"score": 7})
    note = attio.Note.create(
        client, parent_object="companies", parent_record_id=company.record_id,
        title="Call", content="Went well",
    )  # fmt: skip
    attio.Note.delete(client, note.id.note_id)
    task = attio.Task.create(client, content="Follow up", deadline_at=None)
    attio.Task.update(client, task.id.task_id, is_completed=True)
    attio.Task.delete(client, task.id.task_id)
    comment = attio.Comment.create(
        client, content="Nice", author={"type": "workspace-member", "id": fake.member_id},
        record={"object": "companies", "record_id": company.record_id},
    )  # fmt: skip
    attio.Comment.delete(client, comment.id.comment_id)
    attio.Entry.delete(client, "sales", entry.id.entry_id)
    attio.Record.merge(client, "companies", company.record_id, twin.record_id)

    events = _events(fake, hook.secret)
    ws = {"workspace_id": fake.workspace_id}
    entry_ids = {**ws, "list_id": list_id, "entry_id": entry.id.entry_id}
    parents = {"parent_object_id": companies, "parent_record_id": company.record_id}
    score = attribute.id.attribute_id
    thread = comment.thread_id
    on_company = {"object_id": companies, "record_id": company.record_id}
    assert events == [
        ("list.created", {**ws, "list_id": list_id}, {}),
        ("list.updated", {**ws, "list_id": list_id}, {}),
        ("list-attribute.created", {**ws, "list_id": list_id, "attribute_id": score}, {}),
        (
            "object-attribute.created",
            {**ws, "object_id": companies, "attribute_id": object_attribute.id.attribute_id},
            {},
        ),
        ("list-entry.created", entry_ids, parents),
        ("list-entry.updated", {**entry_ids, "attribute_id": score}, parents),
        ("note.created", {**ws, "note_id": note.id.note_id}, parents),
        ("note.deleted", {**ws, "note_id": note.id.note_id}, parents),
        ("task.created", {**ws, "task_id": task.id.task_id}, {}),
        ("task.updated", {**ws, "task_id": task.id.task_id}, {}),
        ("task.deleted", {**ws, "task_id": task.id.task_id}, {}),
        (
            "comment.created",
            {**ws, "comment_id": comment.id.comment_id},
            {"thread_id": thread, **on_company, "list_id": None, "entry_id": None},
        ),
        (
            "comment.deleted",
            {**ws, "comment_id": comment.id.comment_id},
            {"thread_id": thread, **on_company, "list_id": None, "entry_id": None},
        ),
        ("list-entry.deleted", entry_ids, parents),
        (
            "record.merged",
            {**ws, **on_company},
            {"duplicate_object_id": companies, "duplicate_record_id": twin.record_id},
        ),
    ]


def test_handlers_get_each_delivery_and_may_call_back_in() -> None:
    fake = FakeAttio()
    client = fake.client()
    hook = _subscribe(fake, "record.created")
    assert hook.secret
    seen: list[str] = []

    @fake.on_delivery
    def receive(delivery: FakeDelivery) -> None:
        parsed = parse_delivery(delivery.body, headers=delivery.headers, secret=hook.secret)
        record_id = (parsed.events[0].id or {})["record_id"]
        # a receiver typically reads what changed: the fake is not locked while it runs
        seen.append(attio.Record.get(client, "people", record_id).plain("name"))

    attio.Record.create(client, "people", {"name": w.personal_name("Ada", "Lovelace")})
    assert seen == ["Ada Lovelace"]
    assert receive is not None  # the decorator returns the handler


async def test_async_clients_deliver_too() -> None:
    fake = FakeAttio()
    hook = _subscribe(fake, "task.created")
    async with fake.async_client() as client:
        task = await attio.Task.create_async(client, content="Async", deadline_at=None)
    assert hook.secret
    assert [(kind, ids["task_id"]) for kind, ids, _ in _events(fake, hook.secret)] == [
        ("task.created", task.id.task_id)
    ]


def test_adding_a_member_is_delivered() -> None:
    fake = FakeAttio()
    hook = _subscribe(fake, "workspace-member.created")
    assert hook.secret
    member = fake.add_member("Grace", "Hopper", "grace@example.com")
    member_id = member["id"]["workspace_member_id"]
    assert _events(fake, hook.secret) == [
        (
            "workspace-member.created",
            {"workspace_id": fake.workspace_id, "workspace_member_id": member_id},
            {},
        )
    ]


def test_upserts_are_created_then_updated() -> None:
    fake = FakeAttio()
    client = fake.client()
    hook = _subscribe(
        fake, "record.created", "record.updated", "list-entry.created", "list-entry.updated"
    )
    assert hook.secret
    values: dict[str, Any] = {
        "email_addresses": [w.email("ada@example.com")],
        "job_title": "Countess",
    }
    first = attio.Record.upsert(client, "people", values, matching_attribute="email_addresses")
    again = attio.Record.upsert(
        client, "people", {**values, "job_title": "Analyst"}, matching_attribute="email_addresses"
    )
    assert first.record_id == again.record_id
    kinds = [
        (kind, ids.get("attribute_id") is not None) for kind, ids, _ in _events(fake, hook.secret)
    ]
    assert kinds == [("record.created", False), ("record.updated", True), ("record.updated", True)]
    fake.deliveries.clear()
    fake.add_list("sales", parent_object="people")
    for _ in range(2):  # the second upsert finds the entry and writes no attribute
        attio.Entry.upsert(
            client, "sales", parent_object="people", parent_record_id=first.record_id,
            entry_values={},
        )  # fmt: skip
    assert [kind for kind, _, _ in _events(fake, hook.secret)] == ["list-entry.created"]
