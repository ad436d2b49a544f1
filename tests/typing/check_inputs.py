"""Typed inputs, checked by mypy (not run): ``mypy --strict attio tests`` in CI.

Every input with a fixed set of values is a ``Literal``: one correct call type-checks, and a
misspelt value is on a line ending ``# type: ignore[arg-type]``. ``--strict`` includes
``warn_unused_ignores``, so if a parameter ever widened back to ``str`` the ignore would be
unused and CI would fail.
"""

from __future__ import annotations

import attio


def attribute_types(client: attio.Client, aclient: attio.AsyncClient) -> None:
    attio.Attribute.create(
        client,
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
    attio.Attribute.create(
        client,
        "lists",
        "sales",
        title="Stage",
        description=None,
        api_slug="stage",
        type="staus",  # type: ignore[arg-type]
        is_required=False,
        is_unique=False,
        is_multiselect=False,
        config={},
    )
    attio.Attribute.create_async(
        aclient,
        "objects",
        "people",
        title="Name",
        description=None,
        api_slug="full_name",
        type="personal-name",  # type: ignore[arg-type]
        is_required=False,
        is_unique=False,
        is_multiselect=False,
        config={},
    ).close()


def list_access_levels(client: attio.Client, aclient: attio.AsyncClient) -> None:
    member = "9f9f9f9f-0000-4000-8000-00000000c001"
    attio.List.create(
        client,
        name="Sales",
        api_slug="sales",
        parent_object="companies",
        workspace_access="read-and-write",
        workspace_member_access=[
            {"workspace_member_id": member, "level": "full-access"},
            attio.ListMemberAccess(workspace_member_id=member, level="read-only"),
        ],
    )
    attio.List.create(
        client,
        name="Sales",
        api_slug="sales",
        parent_object="companies",
        workspace_access="read-write",  # type: ignore[arg-type]
    )
    attio.List.update(
        client,
        "sales",
        workspace_access=None,
        workspace_member_access=[
            {"workspace_member_id": member, "level": "owner"},  # type: ignore[list-item]
        ],
    )
    attio.List.update_async(aclient, "sales", workspace_access="read-only").close()
    attio.List.update_async(
        aclient,
        "sales",
        workspace_access="readonly",  # type: ignore[arg-type]
    ).close()


def note_format(client: attio.Client) -> None:
    attio.Note.create(
        client,
        parent_object="people",
        parent_record_id="r",
        title="T",
        content="# T",
        format="markdown",
    )
    attio.Note.create(
        client,
        parent_object="people",
        parent_record_id="r",
        title="T",
        content="<b>T</b>",
        format="html",  # type: ignore[arg-type]
    )


def task_and_meeting_sorts(client: attio.Client, aclient: attio.AsyncClient) -> None:
    attio.Task.list(client, sort="created_at:desc")
    attio.Task.list(client, sort="created_at:sideways")  # type: ignore[arg-type]
    attio.Task.stream(client, sort="created_at:asc")
    attio.Task.stream_all(client, sort="completed_at:desc")
    attio.Task.stream(client, sort="deadline_at:asc")  # type: ignore[arg-type]
    attio.Meeting.list(client, sort="start_asc")
    attio.Meeting.list(client, sort="start_ascending")  # type: ignore[arg-type]
    attio.Meeting.stream_async(aclient, sort="start_desc")
    attio.Meeting.stream_async(aclient, sort="end_desc")  # type: ignore[arg-type]


def targets(client: attio.Client, aclient: attio.AsyncClient) -> None:
    attio.Attribute.list(client, "objects", "people")
    attio.SelectOption.list(client, "lists", "deals", "stage")
    attio.Attribute.list(client, "object", "people")  # type: ignore[arg-type]
    attio.Status.list(client, "list", "deals", "stage")  # type: ignore[arg-type]
    attio.ObjectSchema.get(client, "records", "people")  # type: ignore[arg-type]


def webhook_event_types(client: attio.Client, aclient: attio.AsyncClient) -> None:
    from attio.filters import webhook_field
    from attio.webhooks import WebhookEventType, WebhookSubscriptionParam

    oid = "9f9f9f9f-0000-4000-8000-00000000c002"
    attio.Webhook.create(
        client,
        target_url="https://example.com/hook",
        subscriptions=[
            {"event_type": "record.created"},
            {"event_type": "record.updated", "filter": None},
            {"event_type": "note.created", "filter": webhook_field("id.object_id").equals(oid)},
            {"event_type": "task.deleted", "filter": {"$and": []}},
            attio.WebhookSubscription(event_type="list-entry.created", filter=None),
        ],
    )
    attio.Webhook.create(
        client,
        target_url="https://example.com/hook",
        subscriptions=[{"event_type": "record.craeted"}],  # type: ignore[list-item]
    )
    attio.Webhook.update(
        client,
        "9f9f9f9f-0000-4000-8000-00000000c003",
        subscriptions=[{"event_type": "record.craeted", "filter": None}],  # type: ignore[list-item]
    )
    attio.Webhook.create_async(
        aclient,
        target_url="https://example.com/hook",
        subscriptions=[{"event_type": "records.created"}],  # type: ignore[list-item]
    ).close()
    good: WebhookEventType = "workspace-member.created"
    bad: WebhookEventType = "workspace-member.joined"  # type: ignore[assignment]
    one: WebhookSubscriptionParam = {"event_type": good}
    typo: WebhookSubscriptionParam = {"event_type": "record.craeted"}  # type: ignore[typeddict-item]
    two: WebhookSubscriptionParam = {"event_type": bad, "filter": None}
    attio.Webhook.update(
        client, "9f9f9f9f-0000-4000-8000-00000000c003", subscriptions=[one, two, typo]
    )
    # A subscription without its event type, or with a misspelt key, is refused too.
    attio.Webhook.create(
        client,
        target_url="https://example.com/hook",
        subscriptions=[{"filter": None}],  # type: ignore[list-item]
    )
    attio.Webhook.create(
        client,
        target_url="https://example.com/hook",
        subscriptions=[{"event_type": "record.created", "filters": None}],  # type: ignore[list-item]
    )
