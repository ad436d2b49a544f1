"""``attio.Webhook`` through HTTP (sync and async), and the receiving side: signatures, events."""

from __future__ import annotations

import hashlib
import hmac
import inspect
import json
import re
from typing import Any, get_args, get_type_hints

import pytest

import attio
import attio.webhooks
from attio.filters import webhook_field
from attio.testing import FakeAttio
from attio.webhooks import (
    SIGNATURE_HEADERS,
    WEBHOOK_EVENT_TYPES,
    WebhookDelivery,
    WebhookEventType,
    WebhookPayloadError,
    WebhookSignatureError,
    WebhookSubscriptionParam,
    parse_delivery,
    verify_signature,
)
from tests.conftest import OPENAPI, MockAttio, load_real, require_shared

KINDS = ("sync", "async")

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
HOOK = "2b2b2b2b-0000-4000-8000-00000000f001"
SECRET = "made-up-secret-5f1e0c9a7b3d"


def webhook(n: int = 1, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": {"workspace_id": WS, "webhook_id": f"2b2b2b2b-0000-4000-8000-{n:012d}"},
        "target_url": "https://hooks.example.com/attio",
        "status": "active",
        "subscriptions": [
            {"event_type": "record.created", "filter": None},
            {
                "event_type": "note.created",
                "filter": {
                    "$and": [{"field": "parent_object_id", "operator": "equals", "value": "o1"}]
                },
            },
        ],
        "created_at": "2024-02-02T12:00:00.000000000Z",
    }
    body.update(changes)
    return body


def sign(body: bytes, secret: str = SECRET) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


async def call(kind: str, mock: MockAttio, name: str, *args: Any, **kwargs: Any) -> Any:
    if kind == "sync":
        return getattr(attio.Webhook, name)(mock.client(), *args, **kwargs)
    return await getattr(attio.Webhook, f"{name}_async")(mock.async_client(), *args, **kwargs)


async def collect(kind: str, mock: MockAttio, **kwargs: Any) -> list[Any]:
    if kind == "sync":
        return list(attio.Webhook.stream(mock.client(), **kwargs))
    return [w async for w in attio.Webhook.stream_async(mock.async_client(), **kwargs)]


# --------------------------------------------------------------------------- the resource


@pytest.mark.parametrize("kind", KINDS)
async def test_list(kind: str, mock: MockAttio) -> None:
    mock.data([webhook(1)])
    page = await call(kind, mock, "list", limit=50, offset=100)
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/webhooks"
    assert mock.query() == {"limit": "50", "offset": "100"}
    assert page.data[0].model_dump(mode="json") == webhook(1)
    assert page.data[0].subscriptions[0].filter is None


@pytest.mark.parametrize("kind", KINDS)
async def test_stream_default_page_of_ten(kind: str, mock: MockAttio) -> None:
    mock.data([webhook(i) for i in range(10)]).data([webhook(10)])
    hooks = await collect(kind, mock)
    assert len(hooks) == 11
    assert [mock.query(i) for i in range(2)] == [{}, {"offset": "10"}]


@pytest.mark.parametrize("kind", KINDS)
async def test_stream_all_page_size_and_empty_end(kind: str, mock: MockAttio) -> None:
    mock.data([webhook(i) for i in range(20)]).data([])
    hooks = await call(kind, mock, "stream_all", page_size=20)
    assert len(hooks) == 20
    assert [mock.query(i) for i in range(2)] == [{"limit": "20"}, {"limit": "20", "offset": "20"}]


@pytest.mark.parametrize("kind", KINDS)
async def test_get(kind: str, mock: MockAttio) -> None:
    mock.data(webhook(1))
    got = await call(kind, mock, "get", HOOK)
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/webhooks/{HOOK}"
    assert got.secret is None
    assert got.status == "active"


@pytest.mark.parametrize("kind", KINDS)
async def test_create_keeps_secret_out_of_repr(kind: str, mock: MockAttio) -> None:
    mock.data(webhook(1, secret=SECRET))
    created = await call(
        kind,
        mock,
        "create",
        target_url="https://hooks.example.com/attio",
        subscriptions=[
            {"event_type": "record.created"},
            attio.WebhookSubscription(
                event_type="note.created",
                filter={"$or": [{"field": "actor.type", "operator": "not_equals", "value": "app"}]},
            ),
        ],
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/webhooks"
    assert mock.body() == {
        "data": {
            "target_url": "https://hooks.example.com/attio",
            "subscriptions": [
                {"event_type": "record.created", "filter": None},
                {
                    "event_type": "note.created",
                    "filter": {
                        "$or": [{"field": "actor.type", "operator": "not_equals", "value": "app"}]
                    },
                },
            ],
        }
    }
    assert created.secret == SECRET
    assert SECRET not in repr(created)
    assert SECRET not in str(created)
    assert created.model_dump(mode="json")["secret"] == SECRET  # still round-trips


@pytest.mark.parametrize("kind", KINDS)
async def test_update_sends_exactly_the_changes(kind: str, mock: MockAttio) -> None:
    mock.data(webhook(1, target_url="https://new.example.com/hook"))
    subs = [{"event_type": "task.created", "filter": None}]
    updated = await call(
        kind, mock, "update", HOOK, target_url="https://new.example.com/hook", subscriptions=subs
    )
    assert mock.last.method == "PATCH"
    assert mock.last.url.path == f"/v2/webhooks/{HOOK}"
    assert mock.body() == {
        "data": {"target_url": "https://new.example.com/hook", "subscriptions": subs}
    }
    assert updated.target_url == "https://new.example.com/hook"


@pytest.mark.parametrize("kind", KINDS)
async def test_delete_returns_none(kind: str, mock: MockAttio) -> None:
    mock.reply(200, {})
    assert await call(kind, mock, "delete", HOOK) is None
    assert mock.last.method == "DELETE"
    assert mock.last.url.path == f"/v2/webhooks/{HOOK}"


@pytest.mark.parametrize(
    "name",
    [
        "amp-connectors__get_v2_webhooks.json",
        "rbeene-ruby__get_v2_webhooks_empty.json",
    ],
)
def test_real_webhook_lists_round_trip(name: str, mock: MockAttio) -> None:
    body = load_real(name)
    mock.reply(200, body)
    page = attio.Webhook.list(mock.client())
    assert [w.model_dump(mode="json") for w in page.data] == body["data"]


@pytest.mark.parametrize(
    "name",
    ["amp-connectors__post_v2_webhooks.json", "amp-connectors__post_v2_webhooks_no_secret.json"],
)
def test_real_webhook_creations_round_trip(name: str) -> None:
    body = load_real(name)["data"]
    parsed = attio.Webhook.model_validate(body)
    assert parsed.model_dump(mode="json") == body
    assert parsed.secret == body.get("secret")
    if parsed.secret:
        assert parsed.secret not in repr(parsed)


# --------------------------------------------------------------------------- signatures


DELIVERY = {
    "webhook_id": HOOK,
    "events": [
        {
            "event_type": "record.updated",
            "id": {
                "workspace_id": WS,
                "object_id": "0b0b0b0b-0000-4000-8000-0001",
                "record_id": "7d1b2c3e-0000-4000-8000-0001",
                "attribute_id": "aaaa0000-0000-4000-8000-0001",
            },
            "actor": {"type": "workspace-member", "id": "9f9f9f9f-0000-4000-8000-0001"},
        }
    ],
}
RAW = json.dumps(DELIVERY, separators=(",", ":")).encode()


def test_verify_signature_good() -> None:
    assert verify_signature(RAW, sign(RAW), SECRET) is True


def test_verify_signature_tolerates_whitespace_and_uppercase_hex() -> None:
    assert verify_signature(RAW, f"  {sign(RAW).upper()}\n", SECRET) is True


def test_verify_signature_accepts_a_str_body() -> None:
    assert verify_signature(RAW.decode(), sign(RAW), SECRET) is True


@pytest.mark.parametrize(
    "signature",
    [
        sign(RAW, "another-secret"),  # wrong key
        sign(RAW)[:-1],  # truncated
        sign(RAW)[:-1] + ("0" if sign(RAW)[-1] != "0" else "1"),  # one digit off
        "",
        "sha256=" + sign(RAW),  # a prefix Attio does not use
        "é" * 64,  # not ASCII
    ],
)
def test_verify_signature_bad(signature: str) -> None:
    assert verify_signature(RAW, signature, SECRET) is False


def test_verify_signature_tampered_body() -> None:
    signature = sign(RAW)
    tampered = RAW.replace(b"record.updated", b"record.deleted")
    assert verify_signature(tampered, signature, SECRET) is False
    assert verify_signature(RAW + b" ", signature, SECRET) is False


def test_verify_signature_needs_a_secret() -> None:
    assert verify_signature(RAW, sign(RAW, ""), "") is False


# --------------------------------------------------------------------------- deliveries


@pytest.mark.parametrize("header", [*SIGNATURE_HEADERS, "attio-signature", "X-ATTIO-SIGNATURE"])
def test_parse_delivery_verifies_either_header_case_insensitively(header: str) -> None:
    delivery = parse_delivery(RAW, headers={header: sign(RAW)}, secret=SECRET)
    assert isinstance(delivery, WebhookDelivery)
    assert delivery.webhook_id == HOOK
    event = delivery.events[0]
    assert event.event_type == "record.updated"
    assert event.id is not None
    assert event.id["attribute_id"] == "aaaa0000-0000-4000-8000-0001"
    assert event.actor is not None
    assert event.actor.type == "workspace-member"
    assert delivery.model_dump(mode="json") == DELIVERY


def test_parse_delivery_rejects_a_bad_signature() -> None:
    with pytest.raises(WebhookSignatureError, match="does not match"):
        parse_delivery(RAW, headers={"Attio-Signature": sign(RAW, "nope")}, secret=SECRET)


def test_parse_delivery_rejects_a_tampered_body() -> None:
    tampered = RAW.replace(HOOK.encode(), b"00000000-0000-4000-8000-000000000000")
    with pytest.raises(WebhookSignatureError):
        parse_delivery(tampered, headers={"Attio-Signature": sign(RAW)}, secret=SECRET)


@pytest.mark.parametrize("headers", [None, {}, {"Content-Type": "application/json"}])
def test_parse_delivery_without_a_signature_header_fails_when_a_secret_is_given(
    headers: dict[str, str] | None,
) -> None:
    with pytest.raises(WebhookSignatureError, match="no Attio-Signature"):
        parse_delivery(RAW, headers=headers, secret=SECRET)


def test_parse_delivery_signature_argument_wins() -> None:
    delivery = parse_delivery(
        RAW, headers={"Attio-Signature": "bad"}, secret=SECRET, signature=sign(RAW)
    )
    assert delivery.webhook_id == HOOK


def test_signature_error_is_an_attio_exception() -> None:
    assert issubclass(WebhookSignatureError, attio.AttioException)
    assert issubclass(WebhookPayloadError, attio.AttioException)
    assert attio.WebhookSignatureError is WebhookSignatureError


def test_parse_delivery_without_secret_refuses_to_skip_the_check() -> None:
    with pytest.raises(attio.ConfigurationError, match="verify=False"):
        parse_delivery(RAW.decode(), headers={"Attio-Signature": "whatever"})


def test_parse_delivery_with_verify_false_does_not_check() -> None:
    delivery = parse_delivery(RAW.decode(), headers={"Attio-Signature": "whatever"}, verify=False)
    assert delivery.events[0].event_type == "record.updated"


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b'{"events": [{"id": {}}]}'])
def test_parse_delivery_rejects_bodies_that_are_not_deliveries(raw: bytes) -> None:
    with pytest.raises(WebhookPayloadError):
        parse_delivery(raw, verify=False)
    with pytest.raises(WebhookPayloadError):  # a valid signature does not make it a delivery
        parse_delivery(raw, headers={"Attio-Signature": sign(raw)}, secret=SECRET)


def test_events_keep_extra_keys_and_round_trip() -> None:
    body = {
        "webhook_id": HOOK,
        "events": [
            {
                "event_type": "comment.created",
                "id": {"workspace_id": WS, "comment_id": "c1"},
                "thread_id": "t1",
                "object_id": "o1",
                "record_id": "r1",
                "list_id": None,
                "entry_id": None,
                "actor": {"type": "system", "id": None},
            },
            {"event_type": "activity.created", "id": {"workspace_id": WS}, "actor": None},
        ],
        "batch": 1,
    }
    delivery = WebhookDelivery.model_validate(body)
    event = delivery.events[0]
    assert event.model_extra is not None
    assert event.model_extra["thread_id"] == "t1"
    assert event.actor is not None
    assert event.actor.id is None
    assert delivery.model_dump(mode="json") == body


def test_real_delivery_parses_verifies_and_round_trips() -> None:
    body = load_real("amp-connectors__webhook_delivery_note_updated.json")
    raw = json.dumps(body).encode()
    delivery = parse_delivery(raw, headers={"X-Attio-Signature": sign(raw)}, secret=SECRET)
    assert delivery.model_dump(mode="json") == body
    event = delivery.events[0]
    assert event.event_type == "note.updated"
    assert event.id is not None
    assert event.id["note_id"] == body["events"][0]["id"]["note_id"]
    assert event.model_extra is not None
    assert event.model_extra["parent_record_id"] == body["events"][0]["parent_record_id"]


# --------------------------------------------------------------------------- event types


def _spec_event_types(spec: Any, method: str, path: str) -> list[str]:
    def deref(node: Any) -> Any:
        while "$ref" in node:
            target = spec
            for key in node["$ref"].split("/")[1:]:
                target = target[key]
            node = target
        return node

    operation = spec["paths"][path][method]
    if method == "get":
        schema = deref(operation["responses"]["200"])["content"]["application/json"]["schema"]
    else:
        schema = deref(operation["requestBody"])["content"]["application/json"]["schema"]
    data = deref(schema["properties"]["data"])
    item = deref(deref(data["properties"]["subscriptions"])["items"])
    return list(deref(item["properties"]["event_type"])["enum"])


def test_the_event_types_are_the_specs() -> None:
    spec = json.loads(require_shared(OPENAPI).read_text())
    one = "/v2/webhooks/{webhook_id}"
    assert list(WEBHOOK_EVENT_TYPES) == _spec_event_types(spec, "get", one)
    assert list(WEBHOOK_EVENT_TYPES) == _spec_event_types(spec, "post", "/v2/webhooks")
    assert list(WEBHOOK_EVENT_TYPES) == _spec_event_types(spec, "patch", one)
    assert get_args(WebhookEventType) == WEBHOOK_EVENT_TYPES
    assert len(set(WEBHOOK_EVENT_TYPES)) == 27


def test_the_event_types_match_the_notes_on_the_api() -> None:
    notes = require_shared(OPENAPI.parent / "attio-api.md").read_text()
    line = next(text for text in notes.splitlines() if "Event types (27" in text)
    listed = re.findall(r"[a-z-]+\.[a-z-]+", line.split(":", 1)[1])
    assert set(listed) == set(WEBHOOK_EVENT_TYPES)


def test_the_event_type_literal_is_exported_and_documented() -> None:
    assert "WebhookEventType" in attio.webhooks.__all__
    assert "WebhookSubscriptionParam" in attio.webhooks.__all__
    for method in (attio.Webhook.create, attio.Webhook.update):
        param = str(inspect.signature(method).parameters["subscriptions"])
        assert "WebhookSubscriptionParam | WebhookSubscription" in param
    hints = get_type_hints(WebhookSubscriptionParam)
    assert hints["event_type"] == WebhookEventType
    assert WebhookSubscriptionParam.__required_keys__ == {"event_type"}
    assert "WebhookEventType" in (attio.Webhook.create.__doc__ or "")


@pytest.mark.parametrize("event_type", WEBHOOK_EVENT_TYPES)
def test_fake_attio_accepts_every_event_type(event_type: WebhookEventType) -> None:
    client = FakeAttio().client()
    created = attio.Webhook.create(
        client,
        target_url="https://hooks.example.com/attio",
        subscriptions=[{"event_type": event_type}],
    )
    assert [s.event_type for s in created.subscriptions] == [event_type]
    assert attio.Webhook.get(client, created.id.webhook_id).subscriptions == created.subscriptions


@pytest.mark.parametrize("kind", KINDS)
async def test_every_subscription_form_is_sent_the_same(kind: str, mock: MockAttio) -> None:
    wf = webhook_field("id.object_id").equals("o1")
    typed: list[WebhookSubscriptionParam] = [
        {"event_type": "record.created"},
        {"event_type": "record.updated", "filter": None},
        {"event_type": "list-entry.created", "filter": wf},
    ]
    dynamic: list[dict[str, Any]] = [dict(item) for item in typed]  # e.g. read from config
    models = [attio.WebhookSubscription.model_validate(dict(item)) for item in typed]
    expected = [
        {"event_type": "record.created", "filter": None},
        {"event_type": "record.updated", "filter": None},
        {"event_type": "list-entry.created", "filter": wf.to_json()},
    ]
    for subscriptions in (typed, dynamic, models):
        mock.data(webhook(1))
        await call(
            kind, mock, "create", target_url="https://h.example.com", subscriptions=subscriptions
        )
        assert mock.body()["data"]["subscriptions"] == expected


def test_read_models_keep_event_types_attio_adds_later() -> None:
    body = webhook(1, subscriptions=[{"event_type": "activity.created", "filter": None}])
    read = attio.Webhook.model_validate(body)
    assert read.subscriptions[0].event_type == "activity.created"
    assert read.model_dump(mode="json") == body
    raw = json.dumps(
        {
            "webhook_id": HOOK,
            "events": [{"event_type": "activity.created", "id": {"workspace_id": WS}, "actor": {}}],
        }
    ).encode()
    delivery = parse_delivery(raw, verify=False)
    assert delivery.events[0].event_type == "activity.created"
