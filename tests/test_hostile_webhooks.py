"""Webhook receiving is strict by default, and ``Webhook.update`` takes the spec's fields
(issue 7, items 7 and 8; API.md §7).

Through the public API only: ``attio.webhooks.parse_delivery`` / ``verify_signature``,
``attio.testing.sign_delivery`` and ``attio.Webhook.update`` / ``update_async`` (through
``httpx.MockTransport`` and ``FakeAttio``). Nothing here touches the network or sleeps.
"""

from __future__ import annotations

import hashlib
import hmac
import inspect
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import attio
import attio.testing
import attio.webhooks
from attio.testing import FakeAttio, sign_delivery
from attio.webhooks import (
    MAX_DEPTH,
    WebhookDelivery,
    WebhookPayloadError,
    WebhookSignatureError,
    WebhookSubscriptionParam,
    parse_delivery,
    verify_signature,
)
from tests.conftest import CLIENT_KINDS, OPENAPI, MockAttio, require_shared

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
HOOK = "2b2b2b2b-0000-4000-8000-00000000f001"
SECRET = "whsec-made-up-7c1d9e"
MESSAGE_LIMIT = 4000

DELIVERY: dict[str, Any] = {
    "webhook_id": HOOK,
    "events": [
        {
            "event_type": "record.created",
            "id": {"workspace_id": WS, "object_id": "o1", "record_id": "r1"},
            "actor": {"type": "workspace-member", "id": "m1"},
        }
    ],
}
RAW = json.dumps(DELIVERY).encode()


def hmac_hex(body: bytes, key: bytes) -> str:
    """The signature computed independently of the library."""
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def signed(raw: bytes | str, secret: str | bytes = SECRET, **extra: str) -> dict[str, str]:
    """Headers of a delivery of ``raw`` signed with ``secret``."""
    return {"Attio-Signature": sign_delivery(raw, secret), **extra}


def nested(depth: int) -> str:
    """A delivery whose event ``id`` holds arrays nested so that the body is ``depth`` deep."""
    inner = depth - 4  # the body, "events", the event and "id" are four levels
    return (
        '{"webhook_id":"w","events":[{"event_type":"record.created","id":{"a":'
        + "[" * inner
        + "]" * inner
        + "}}]}"
    )


def body_depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((body_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((body_depth(v) for v in value), default=0)
    return 0


# --------------------------------------------------------------------------- 1. shape

NOT_DELIVERIES = [
    pytest.param(b"{}", id="empty-object"),
    pytest.param(b'{"foo": 1}', id="unrelated-object"),
    pytest.param(b"[]", id="empty-list"),
    pytest.param(json.dumps([DELIVERY]).encode(), id="list-of-deliveries"),
    pytest.param(b'"record.created"', id="string"),
    pytest.param(b"42", id="integer"),
    pytest.param(b"4.2", id="float"),
    pytest.param(b"true", id="boolean"),
    pytest.param(b"null", id="null"),
    pytest.param(b'{"events": []}', id="no-webhook_id"),
    pytest.param(b'{"webhook_id": null, "events": []}', id="null-webhook_id"),
    pytest.param(b'{"webhook_id": 7, "events": []}', id="number-webhook_id"),
    pytest.param(b'{"webhook_id": ["w"], "events": []}', id="list-webhook_id"),
    pytest.param(b'{"webhook_id": "w"}', id="no-events"),
    pytest.param(b'{"webhook_id": "w", "events": null}', id="null-events"),
    pytest.param(b'{"webhook_id": "w", "events": {}}', id="object-events"),
    pytest.param(b'{"webhook_id": "w", "events": "record.created"}', id="string-events"),
    pytest.param(b'{"webhook_id": "w", "events": [1]}', id="number-event"),
    pytest.param(b'{"webhook_id": "w", "events": [null]}', id="null-event"),
    pytest.param(b'{"webhook_id": "w", "events": [[]]}', id="list-event"),
    pytest.param(b'{"webhook_id": "w", "events": [{}]}', id="event-without-type"),
    pytest.param(b'{"webhook_id": "w", "events": [{"event_type": 1}]}', id="number-type"),
    pytest.param(b'{"webhook_id": "w", "events": [{"event_type": null}]}', id="null-type"),
    pytest.param(
        b'{"webhook_id": "w", "events": [{"event_type": "x"}, {"id": {}}]}', id="second-event"
    ),
    pytest.param(b'{"webhook_id": "w", "events": [{"event_type": "x", "id": [1]}]}', id="list-id"),
    pytest.param(
        b'{"webhook_id": "w", "events": [{"event_type": "x", "actor": "me"}]}', id="string-actor"
    ),
    pytest.param(b"", id="empty-body"),
    pytest.param(b"not json", id="not-json"),
    pytest.param(b'{"webhook_id": "w", "events": []', id="truncated"),
    pytest.param(b'{"webhook_id": "w", "events": [], "x": NaN}', id="NaN"),
    pytest.param(b'{"webhook_id": "w", "events": [], "x": Infinity}', id="Infinity"),
    pytest.param(b'\xff{"webhook_id": "w", "events": []}', id="not-utf8"),
]


@pytest.mark.parametrize("raw", NOT_DELIVERIES)
def test_anything_but_a_delivery_is_a_payload_error(raw: bytes) -> None:
    with pytest.raises(WebhookPayloadError) as unverified:
        parse_delivery(raw, verify=False)
    # a valid signature does not make a body a delivery
    with pytest.raises(WebhookPayloadError) as verified:
        parse_delivery(raw, headers=signed(raw), secret=SECRET)
    for caught in (unverified, verified):
        assert isinstance(caught.value, ValueError)
        assert isinstance(caught.value, attio.AttioException)
        assert len(str(caught.value)) < MESSAGE_LIMIT


@pytest.mark.parametrize("raw", [p for p in NOT_DELIVERIES if p.id != "not-utf8"])
def test_a_str_body_is_held_to_the_same_shape(raw: bytes) -> None:
    text = raw.decode("utf-8")
    with pytest.raises(WebhookPayloadError):
        parse_delivery(text, verify=False)


def test_the_message_names_what_is_wrong() -> None:
    with pytest.raises(WebhookPayloadError, match="webhook_id"):
        parse_delivery(b'{"events": []}', verify=False)
    with pytest.raises(WebhookPayloadError, match="events"):
        parse_delivery(b'{"webhook_id": "w", "events": {}}', verify=False)
    with pytest.raises(WebhookPayloadError, match="event_type"):
        parse_delivery(b'{"webhook_id": "w", "events": [{}]}', verify=False)


def test_webhook_id_and_events_are_required_fields() -> None:
    fields = WebhookDelivery.model_fields
    assert fields["webhook_id"].is_required()
    assert fields["events"].is_required()
    assert fields["webhook_id"].annotation is str
    with pytest.raises(ValueError, match="webhook_id"):
        WebhookDelivery.model_validate({"events": []})
    with pytest.raises(ValueError, match="events"):
        WebhookDelivery.model_validate({"webhook_id": "w"})


def test_unknown_fields_are_kept_and_dumped_back_exactly() -> None:
    body = {
        "webhook_id": HOOK,
        "events": [
            {
                "event_type": "comment.created",
                "id": {"workspace_id": WS, "comment_id": "c1"},
                "thread_id": "t1",
                "list_id": None,
                "actor": {"type": "system", "id": None, "future": [1, {"x": 2}]},
                "brand_new": {"nested": [True, None, 1.5]},
            },
            {"event_type": "some-future.event"},
        ],
        "batch": {"index": 1, "of": 2},
        "sent_at": "2030-01-01T00:00:00Z",
    }
    raw = json.dumps(body)
    delivery = parse_delivery(raw, headers=signed(raw), secret=SECRET)
    assert delivery.model_dump(mode="json") == body
    assert json.loads(delivery.model_dump_json()) == body
    assert delivery.model_extra == {"batch": {"index": 1, "of": 2}, "sent_at": body["sent_at"]}
    assert delivery.events[0].model_extra is not None
    assert delivery.events[0].model_extra["brand_new"] == {"nested": [True, None, 1.5]}
    assert delivery.events[1].event_type == "some-future.event"


def test_an_empty_events_list_is_a_delivery() -> None:
    raw = b'{"webhook_id": "w", "events": []}'
    assert parse_delivery(raw, headers=signed(raw), secret=SECRET).events == []


# --------------------------------------------------------------------------- 2. deep nesting

DEEP = 100_000
DEEP_BODIES = [
    pytest.param("[" * DEEP, id="open-brackets"),
    pytest.param("[" * DEEP + "]" * DEEP, id="deep-list"),
    pytest.param('{"a":' * DEEP + "1" + "}" * DEEP, id="deep-object"),
    pytest.param(nested(DEEP), id="deep-event-id"),
    pytest.param(
        '{"webhook_id":"w","events":[],"extra":' + "[" * DEEP + "]" * DEEP + "}", id="deep-extra"
    ),
]


@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
@pytest.mark.parametrize("text", DEEP_BODIES)
def test_deep_nesting_is_a_payload_error_not_a_recursion_error(text: str, as_bytes: bool) -> None:
    raw: str | bytes = text.encode() if as_bytes else text
    with pytest.raises(WebhookPayloadError, match="deeper") as caught:
        parse_delivery(raw, verify=False)
    assert len(str(caught.value)) < MESSAGE_LIMIT
    with pytest.raises(WebhookPayloadError, match="deeper"):
        parse_delivery(raw, headers=signed(raw), secret=SECRET)


def test_nesting_up_to_the_limit_parses_and_round_trips() -> None:
    text = nested(MAX_DEPTH)
    assert body_depth(json.loads(text)) == MAX_DEPTH
    delivery = parse_delivery(text, headers=signed(text), secret=SECRET)
    assert delivery.model_dump(mode="json") == json.loads(text)
    assert json.loads(delivery.model_dump_json()) == json.loads(text)


def test_one_level_more_than_the_limit_is_refused() -> None:
    text = nested(MAX_DEPTH + 1)
    assert body_depth(json.loads(text)) == MAX_DEPTH + 1
    with pytest.raises(WebhookPayloadError, match="deeper"):
        parse_delivery(text, headers=signed(text), secret=SECRET)


def test_a_recursion_error_while_validating_is_a_payload_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def exhausted(*args: Any, **kwargs: Any) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(WebhookDelivery, "model_validate", exhausted)
    with pytest.raises(WebhookPayloadError, match="deeper"):
        parse_delivery(RAW, headers=signed(RAW), secret=SECRET)


def test_a_recursion_error_while_decoding_is_a_payload_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """However little stack the caller has left, a body never escapes as RecursionError."""

    def exhausted(*args: Any, **kwargs: Any) -> Any:
        raise RecursionError("maximum recursion depth exceeded while decoding a JSON array")

    monkeypatch.setattr(json, "loads", exhausted)
    with pytest.raises(WebhookPayloadError, match="deeper"):
        parse_delivery(RAW, headers=signed(RAW), secret=SECRET)


MARKER = "Zq9-hostile-body-marker"

BIG_BAD_BODIES = [
    pytest.param((MARKER * 50_000).encode(), id="huge-not-json"),
    pytest.param(("{" + MARKER * 50_000).encode(), id="huge-broken-json"),
    pytest.param(json.dumps({MARKER * 50_000: 1}).encode(), id="huge-key-no-webhook_id"),
    pytest.param(json.dumps({"webhook_id": MARKER * 50_000}).encode(), id="huge-id-no-events"),
    pytest.param(
        json.dumps(
            {"webhook_id": "w", "events": [{"event_type": "x", "actor": MARKER * 50_000}]}
        ).encode(),
        id="huge-bad-actor",
    ),
    pytest.param(
        json.dumps(
            {"webhook_id": "w", "events": [{"event_type": "x", "actor": MARKER}] * 50_000}
        ).encode(),
        id="many-bad-events",
    ),
    pytest.param(
        json.dumps(
            {
                "webhook_id": "w",
                "events": [{"event_type": "x", "id": {MARKER * 1000: 1}}] * 10,
                "extra": [MARKER] * 1000,
            }
        ).encode()[:-1],
        id="truncated-huge",
    ),
    pytest.param(
        b'{"webhook_id": "w", "events": [], "n": ' + b"9" * 50_000 + b"}", id="huge-integer"
    ),
]


@pytest.mark.parametrize("raw", BIG_BAD_BODIES)
def test_messages_stay_short_and_do_not_echo_the_body(raw: bytes) -> None:
    with pytest.raises(WebhookPayloadError) as caught:
        parse_delivery(raw, headers=signed(raw), secret=SECRET)
    text = str(caught.value)
    assert len(text) < MESSAGE_LIMIT
    assert MARKER not in text
    assert len(repr(caught.value)) < MESSAGE_LIMIT + 100


def test_many_bad_events_report_a_count_not_every_error() -> None:
    raw = json.dumps(
        {"webhook_id": "w", "events": [{"event_type": "x", "actor": 1}] * 1000}
    ).encode()
    with pytest.raises(WebhookPayloadError, match="and 995 more") as caught:
        parse_delivery(raw, verify=False)
    assert "events.0.actor" in str(caught.value)
    assert "events.5.actor" not in str(caught.value)
    assert len(str(caught.value)) < 1500


# --------------------------------------------------------------------------- 3. bytes secrets

SECRET_FORMS = [
    pytest.param(SECRET, id="str"),
    pytest.param(SECRET.encode(), id="bytes"),
    pytest.param(bytearray(SECRET.encode()), id="bytearray"),
]


@pytest.mark.parametrize("signing", SECRET_FORMS)
@pytest.mark.parametrize("checking", SECRET_FORMS)
def test_a_bytes_secret_works_exactly_like_a_str_secret(
    signing: str | bytes, checking: str | bytes
) -> None:
    headers = signed(RAW, signing)
    assert headers["Attio-Signature"] == hmac_hex(RAW, SECRET.encode())
    assert verify_signature(RAW, headers["Attio-Signature"], checking) is True
    assert verify_signature(RAW.decode(), headers["Attio-Signature"], checking) is True
    delivery = parse_delivery(RAW, headers=headers, secret=checking)
    assert delivery.model_dump(mode="json") == DELIVERY


@pytest.mark.parametrize("checking", SECRET_FORMS)
def test_a_wrong_secret_fails_whatever_its_type(checking: str | bytes) -> None:
    headers = signed(RAW, "another-secret")
    assert verify_signature(RAW, headers["Attio-Signature"], checking) is False
    with pytest.raises(WebhookSignatureError, match="does not match"):
        parse_delivery(RAW, headers=headers, secret=checking)


def test_a_non_ascii_secret_is_utf8_in_both_forms() -> None:
    secret = "clé-secrète-ü"
    signature = hmac_hex(RAW, secret.encode("utf-8"))
    assert sign_delivery(RAW, secret) == signature
    assert sign_delivery(RAW, secret.encode("utf-8")) == signature
    assert verify_signature(RAW, signature, secret) is True
    assert verify_signature(RAW, signature, secret.encode("utf-8")) is True
    assert verify_signature(RAW, signature, secret.encode("latin-1")) is False


BAD_SECRETS = [
    pytest.param(123, id="int"),
    pytest.param(12.5, id="float"),
    pytest.param([SECRET], id="list"),
    pytest.param({"secret": SECRET}, id="dict"),
    pytest.param(object(), id="object"),
    pytest.param(True, id="bool"),
]


@pytest.mark.parametrize("secret", BAD_SECRETS)
def test_a_secret_of_another_type_is_a_type_error(secret: Any) -> None:
    with pytest.raises(TypeError, match="secret"):
        verify_signature(RAW, hmac_hex(RAW, b"x"), secret)
    with pytest.raises(TypeError, match="secret"):
        parse_delivery(RAW, headers=signed(RAW), secret=secret)
    with pytest.raises(TypeError, match="secret"):  # even when not verifying
        parse_delivery(RAW, secret=secret, verify=False)
    with pytest.raises(TypeError, match="secret"):
        sign_delivery(RAW, secret)


def test_verify_signature_with_no_secret_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="secret"):
        verify_signature(RAW, sign_delivery(RAW, SECRET), None)  # type: ignore[arg-type]


@pytest.mark.parametrize("secret", ["", b"", bytearray()])
def test_an_empty_secret_never_verifies(secret: str | bytes) -> None:
    assert verify_signature(RAW, hmac_hex(RAW, b""), secret) is False


@pytest.mark.parametrize("body", [{"webhook_id": "w", "events": []}, 42, None, ["x"]])
def test_a_body_that_is_not_raw_is_a_type_error(body: Any) -> None:
    with pytest.raises(TypeError, match="raw request body"):
        parse_delivery(body, verify=False)
    with pytest.raises(TypeError, match="raw request body"):
        verify_signature(body, "00", SECRET)
    with pytest.raises(TypeError, match="raw request body"):
        sign_delivery(body, SECRET)


# --------------------------------------------------------------------------- 4. verify


def test_no_secret_is_a_configuration_error_not_a_silent_skip() -> None:
    with pytest.raises(attio.ConfigurationError, match="verify=False") as caught:
        parse_delivery(RAW, headers=signed(RAW))
    assert isinstance(caught.value, attio.AttioException)
    assert "forge" in str(caught.value)
    with pytest.raises(attio.ConfigurationError):
        parse_delivery(RAW)
    with pytest.raises(attio.ConfigurationError):
        parse_delivery(RAW, headers=signed(RAW), secret=None, verify=True)


@pytest.mark.parametrize("secret", ["", b"", bytearray()])
def test_an_empty_secret_is_a_configuration_error(secret: str | bytes) -> None:
    with pytest.raises(attio.ConfigurationError, match="empty"):
        parse_delivery(RAW, headers={"Attio-Signature": hmac_hex(RAW, b"")}, secret=secret)


def test_the_configuration_is_checked_before_the_body() -> None:
    with pytest.raises(attio.ConfigurationError):
        parse_delivery(b"not json at all")
    with pytest.raises(attio.ConfigurationError):
        parse_delivery("[" * DEEP)


def test_verify_false_skips_the_check_explicitly() -> None:
    delivery = parse_delivery(RAW, headers={"Attio-Signature": "forged"}, verify=False)
    assert delivery.model_dump(mode="json") == DELIVERY
    assert parse_delivery(RAW, verify=False).webhook_id == HOOK


def test_verify_false_with_a_secret_does_not_verify() -> None:
    """Documented: ``verify=False`` wins, so a settings flag can turn verification off."""
    delivery = parse_delivery(
        RAW, headers={"Attio-Signature": "forged"}, secret=SECRET, verify=False
    )
    assert delivery.webhook_id == HOOK
    assert "verify=False" in (parse_delivery.__doc__ or "")


@pytest.mark.parametrize("verify", [None, 0, 1, "false", "no", ""])
def test_verify_must_be_a_bool(verify: Any) -> None:
    with pytest.raises(TypeError, match="verify"):
        parse_delivery(RAW, headers=signed(RAW), secret=SECRET, verify=verify)


def test_parse_delivery_options_are_keyword_only() -> None:
    parameters = inspect.signature(parse_delivery).parameters
    assert [p.name for p in parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD] == ["body"]
    assert parameters["verify"].default is True
    assert parameters["verify"].kind is inspect.Parameter.KEYWORD_ONLY
    with pytest.raises(TypeError):
        parse_delivery(RAW, signed(RAW), SECRET)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="no-header"),
        pytest.param({"Attio-Signature": ""}, id="empty"),
        pytest.param({"Attio-Signature": "forged"}, id="forged"),
        pytest.param({"Attio-Signature": hmac_hex(RAW, b"")}, id="signed-with-empty-key"),
        pytest.param({"Attio-Signature": hmac_hex(RAW + b" ", SECRET.encode())}, id="other-body"),
        pytest.param({"Attio-Signature": "sha256=" + hmac_hex(RAW, SECRET.encode())}, id="prefix"),
        pytest.param({"Signature": hmac_hex(RAW, SECRET.encode())}, id="other-header"),
    ],
)
def test_a_missing_or_wrong_signature_is_refused(headers: dict[str, str]) -> None:
    with pytest.raises(WebhookSignatureError):
        parse_delivery(RAW, headers=headers, secret=SECRET)


def test_the_signature_is_checked_before_the_body_is_read() -> None:
    with pytest.raises(WebhookSignatureError):
        parse_delivery("[" * DEEP, headers={"Attio-Signature": "forged"}, secret=SECRET)
    with pytest.raises(WebhookSignatureError):
        parse_delivery(b"{}", headers={}, secret=SECRET)


def test_the_docstrings_say_why_skipping_is_dangerous() -> None:
    doc = parse_delivery.__doc__ or ""
    assert "verify=False" in doc
    assert "forge" in doc
    assert "anyone who knows" in doc


# --------------------------------------------------------------------------- 5. idempotency key


@pytest.mark.parametrize(
    "name", ["Idempotency-Key", "idempotency-key", "IDEMPOTENCY-KEY", "iDeMpOtEnCy-KeY"]
)
def test_the_idempotency_key_is_read_case_insensitively(name: str) -> None:
    key = "d6a1e9f0-0000-4000-8000-000000000042"
    delivery = parse_delivery(RAW, headers={**signed(RAW), name: key}, secret=SECRET)
    assert delivery.idempotency_key == key


def test_the_idempotency_key_is_none_when_absent() -> None:
    assert parse_delivery(RAW, headers=signed(RAW), secret=SECRET).idempotency_key is None
    assert parse_delivery(RAW, verify=False).idempotency_key is None
    assert WebhookDelivery.model_validate(DELIVERY).idempotency_key is None


def test_the_idempotency_key_is_read_without_verification_too() -> None:
    delivery = parse_delivery(RAW, headers={"Idempotency-Key": "k-1"}, verify=False)
    assert delivery.idempotency_key == "k-1"


def test_the_idempotency_key_from_framework_header_objects() -> None:
    headers = httpx.Headers({**signed(RAW), "idempotency-key": "k-2"})
    assert parse_delivery(RAW, headers=headers, secret=SECRET).idempotency_key == "k-2"
    raw_headers: Any = {
        b"attio-signature": sign_delivery(RAW, SECRET).encode(),
        b"idempotency-key": b"k-3",
    }
    assert parse_delivery(RAW, headers=raw_headers, secret=SECRET).idempotency_key == "k-3"


def test_the_idempotency_key_is_not_part_of_the_body() -> None:
    body = {**DELIVERY, "idempotency_key": "from-the-body", "_idempotency_key": "sneaky"}
    raw = json.dumps(body)
    delivery = parse_delivery(raw, headers=signed(raw, **{"Idempotency-Key": "hdr"}), secret=SECRET)
    assert delivery.idempotency_key == "hdr"
    assert delivery.model_dump(mode="json") == body
    assert json.loads(delivery.model_dump_json()) == body
    plain = parse_delivery(RAW, headers=signed(RAW, **{"Idempotency-Key": "hdr"}), secret=SECRET)
    assert plain.model_dump(mode="json") == DELIVERY
    assert "hdr" not in plain.model_dump_json()


def test_the_idempotency_key_cannot_be_overwritten() -> None:
    delivery = parse_delivery(RAW, headers=signed(RAW, **{"Idempotency-Key": "k"}), secret=SECRET)
    with pytest.raises(AttributeError):
        delivery.idempotency_key = "other"  # type: ignore[misc]
    assert delivery.idempotency_key == "k"


def test_the_idempotency_key_survives_copies() -> None:
    import copy
    import pickle

    delivery = parse_delivery(RAW, headers=signed(RAW, **{"Idempotency-Key": "k"}), secret=SECRET)
    assert pickle.loads(pickle.dumps(delivery)).idempotency_key == "k"
    assert copy.deepcopy(delivery).idempotency_key == "k"
    assert delivery.model_copy().idempotency_key == "k"


# --------------------------------------------------------------------------- 6. documentation


def test_the_docs_say_the_signature_has_no_timestamp() -> None:
    for doc in (attio.webhooks.__doc__ or "", parse_delivery.__doc__ or ""):
        assert "timestamp" in doc
        assert "Idempotency-Key" in doc or "idempotency_key" in doc
        assert "replay" in doc.lower()


# --------------------------------------------------------------------------- 7. sign_delivery


@pytest.mark.parametrize("body", [RAW, RAW.decode(), bytearray(RAW)], ids=["bytes", "str", "ba"])
@pytest.mark.parametrize("secret", [SECRET, SECRET.encode()], ids=["str", "bytes"])
def test_sign_delivery_is_attios_hex_hmac_sha256(body: bytes | str, secret: str | bytes) -> None:
    signature = sign_delivery(body, secret)
    assert signature == hmac_hex(RAW, SECRET.encode())
    assert len(signature) == 64
    assert signature == signature.lower()
    assert int(signature, 16) >= 0


def test_sign_delivery_differs_by_body_and_secret() -> None:
    assert sign_delivery(RAW, SECRET) != sign_delivery(RAW + b" ", SECRET)
    assert sign_delivery(RAW, SECRET) != sign_delivery(RAW, SECRET + "x")


def test_sign_delivery_refuses_an_empty_secret() -> None:
    with pytest.raises(ValueError, match="empty"):
        sign_delivery(RAW, "")


def test_sign_delivery_is_exported() -> None:
    assert "sign_delivery" in attio.testing.__all__
    assert attio.testing.sign_delivery is sign_delivery


def test_sign_delivery_imports_without_vcrpy() -> None:
    code = (
        "import sys\n"
        "sys.modules['vcr'] = None\n"  # import vcr now fails, as if vcrpy were not installed
        "sys.modules['yaml'] = None\n"
        "from attio.testing import sign_delivery\n"
        "print(sign_delivery(b'{}', 'k'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == hmac_hex(b"{}", b"k")


# --------------------------------------------------------------------------- 8. Webhook.update

REPLY = {
    "id": {"workspace_id": WS, "webhook_id": HOOK},
    "target_url": "https://hooks.example.com/new",
    "subscriptions": [{"event_type": "task.created", "filter": None}],
    "status": "active",
    "created_at": "2024-02-02T12:00:00.000000000Z",
}


async def update(mock: MockAttio, kind: str, *args: Any, **kwargs: Any) -> Any:
    mock.reply(200, {"data": REPLY})
    if kind == "sync":
        return attio.Webhook.update(mock.client(), *args, **kwargs)
    return await attio.Webhook.update_async(mock.async_client(), *args, **kwargs)


def sent(mock: MockAttio) -> tuple[str, bytes, Any]:
    request = mock.last
    return request.method, request.url.raw_path, json.loads(request.content)


def test_update_parameters_are_the_spec_fields() -> None:
    spec = json.loads(require_shared(OPENAPI).read_text())
    operation = spec["paths"]["/v2/webhooks/{webhook_id}"]["patch"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    fields = set(schema["properties"]["data"]["properties"])
    for method in (attio.Webhook.update, attio.Webhook.update_async):
        parameters = inspect.signature(method).parameters.values()
        assert not any(p.kind is p.VAR_KEYWORD for p in parameters)
        keyword_only = {p.name for p in parameters if p.kind is p.KEYWORD_ONLY}
        assert keyword_only == fields == {"target_url", "subscriptions"}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_update_sends_only_the_target_url(mock: MockAttio, kind: str) -> None:
    updated = await update(mock, kind, HOOK, target_url="https://hooks.example.com/new")
    assert sent(mock) == (
        "PATCH",
        f"/v2/webhooks/{HOOK}".encode(),
        {"data": {"target_url": "https://hooks.example.com/new"}},
    )
    assert mock.last.content == b'{"data":{"target_url":"https://hooks.example.com/new"}}'
    assert isinstance(updated, attio.Webhook)
    assert updated.model_dump(mode="json") == REPLY


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_update_sends_only_the_subscriptions(mock: MockAttio, kind: str) -> None:
    def generated() -> Iterator[Any]:
        yield {"event_type": "task.created"}
        yield attio.WebhookSubscription(
            event_type="note.created",
            filter={"$or": [{"field": "actor.type", "operator": "equals", "value": "app"}]},
        )

    await update(mock, kind, HOOK, subscriptions=generated())
    assert sent(mock)[2] == {
        "data": {
            "subscriptions": [
                {"event_type": "task.created", "filter": None},
                {
                    "event_type": "note.created",
                    "filter": {
                        "$or": [{"field": "actor.type", "operator": "equals", "value": "app"}]
                    },
                },
            ]
        }
    }


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_update_sends_both_fields(mock: MockAttio, kind: str) -> None:
    subs = [{"event_type": "record.created", "filter": None}]
    await update(mock, kind, HOOK, target_url="https://h.example.com/x", subscriptions=subs)
    assert sent(mock)[2] == {
        "data": {"target_url": "https://h.example.com/x", "subscriptions": subs}
    }


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_update_with_an_empty_subscription_list_sends_it(mock: MockAttio, kind: str) -> None:
    await update(mock, kind, HOOK, subscriptions=[])
    assert sent(mock)[2] == {"data": {"subscriptions": []}}


MISSPELT = ["url", "targetUrl", "target", "subscription", "events", "status", "secret", "filter"]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("keyword", MISSPELT)
async def test_a_misspelt_keyword_is_a_type_error_and_nothing_is_sent(
    mock: MockAttio, kind: str, keyword: str
) -> None:
    with pytest.raises(TypeError, match=keyword):
        await update(mock, kind, HOOK, **{keyword: "https://hooks.example.com/new"})
    with pytest.raises(TypeError, match=keyword):
        await update(mock, kind, HOOK, target_url="https://h.example.com", **{keyword: "x"})
    assert mock.requests == []


def test_the_issue_example_is_a_type_error(mock: MockAttio) -> None:
    client = mock.client()
    with pytest.raises(TypeError):
        attio.Webhook.update(client, HOOK, url="https://x.example.com")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        attio.Webhook.update(client, HOOK, "https://x.example.com")  # type: ignore[call-arg]
    assert mock.requests == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_an_update_with_no_field_is_a_value_error(mock: MockAttio, kind: str) -> None:
    with pytest.raises(ValueError, match="target_url"):
        await update(mock, kind, HOOK)
    assert mock.requests == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(
    "subscriptions",
    [
        pytest.param("record.created", id="str"),
        pytest.param({"event_type": "record.created"}, id="one-mapping"),
        pytest.param([1], id="number-item"),
        pytest.param(["record.created"], id="str-item"),
    ],
)
async def test_malformed_subscriptions_are_a_type_error(
    mock: MockAttio, kind: str, subscriptions: Any
) -> None:
    with pytest.raises(TypeError, match="subscription"):
        await update(mock, kind, HOOK, subscriptions=subscriptions)
    assert mock.requests == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_bad_webhook_id_is_refused_before_any_request(mock: MockAttio, kind: str) -> None:
    with pytest.raises(attio.PathParameterError):
        await update(mock, kind, "..", target_url="https://h.example.com")
    assert mock.requests == []


def test_update_docstrings_name_endpoint_and_scope() -> None:
    for method in (attio.Webhook.update, attio.Webhook.update_async):
        doc = inspect.getdoc(method) or ""
        assert "``PATCH /v2/webhooks/{webhook_id}``" in doc
        assert "webhook:read-write" in doc


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_update_against_fake_attio_changes_only_what_was_given(kind: str) -> None:
    fake = FakeAttio()
    # Annotated: a bare list literal would be inferred as ``list[dict[str, str | None]]``,
    # which is not a list of subscriptions (``event_type`` must be a WebhookEventType).
    subs: list[WebhookSubscriptionParam] = [{"event_type": "record.created", "filter": None}]
    if kind == "sync":
        client = fake.client()
        created = attio.Webhook.create(
            client, target_url="https://a.example.com", subscriptions=subs
        )
        hook_id = created.id.webhook_id
        attio.Webhook.update(client, hook_id, target_url="https://b.example.com")
        after_url = attio.Webhook.get(client, hook_id)
        attio.Webhook.update(client, hook_id, subscriptions=[{"event_type": "task.created"}])
        after_subs = attio.Webhook.get(client, hook_id)
    else:
        aclient = fake.async_client()
        created = await attio.Webhook.create_async(
            aclient, target_url="https://a.example.com", subscriptions=subs
        )
        hook_id = created.id.webhook_id
        await attio.Webhook.update_async(aclient, hook_id, target_url="https://b.example.com")
        after_url = await attio.Webhook.get_async(aclient, hook_id)
        await attio.Webhook.update_async(
            aclient, hook_id, subscriptions=[{"event_type": "task.created"}]
        )
        after_subs = await attio.Webhook.get_async(aclient, hook_id)
    patches = [r.json for r in fake.requests if r.method == "PATCH"]
    assert patches == [
        {"data": {"target_url": "https://b.example.com"}},
        {"data": {"subscriptions": [{"event_type": "task.created", "filter": None}]}},
    ]
    assert after_url.target_url == "https://b.example.com"
    assert after_url.model_dump(mode="json")["subscriptions"] == subs
    assert after_subs.target_url == "https://b.example.com"
    assert after_subs.model_dump(mode="json")["subscriptions"] == [
        {"event_type": "task.created", "filter": None}
    ]


# --------------------------------------------------------------------------- end to end


def test_a_receiver_round_trip_with_sign_delivery() -> None:
    """What a user's receiver test looks like: sign, parse, de-duplicate by the key."""
    seen: set[str] = set()
    handled: list[str] = []

    def receive(raw: bytes, headers: dict[str, str]) -> int:
        try:
            delivery = parse_delivery(raw, headers=headers, secret=SECRET)
        except WebhookSignatureError:
            return 401
        except WebhookPayloadError:
            return 400
        key = delivery.idempotency_key
        if key is None:
            return 400
        if key not in seen:
            seen.add(key)
            handled.extend(event.event_type for event in delivery.events)
        return 200

    headers = signed(RAW, **{"Idempotency-Key": "k-1"})
    assert receive(RAW, headers) == 200
    assert receive(RAW, headers) == 200  # the replay is acknowledged, not handled again
    assert handled == ["record.created"]
    assert receive(RAW.replace(b"created", b"deleted"), headers) == 401
    assert receive(b"{}", signed(b"{}")) == 400


# --------------------------------------------------------------------------- event types


def test_a_misspelt_event_type_from_untyped_data_is_refused_by_attio_not_rewritten() -> None:
    # mypy refuses ``{"event_type": "record.craeted"}`` (tests/typing/check_inputs.py); data
    # that bypassed the types (a config file) is sent unchanged, and Attio's 400 names the path.
    fake = FakeAttio()
    from_config: Any = [{"event_type": "record.craeted"}]
    with pytest.raises(attio.BadRequestError, match=r"data\.subscriptions\.0\.event_type"):
        attio.Webhook.create(
            fake.client(), target_url="https://a.example.com", subscriptions=from_config
        )
    [post] = [r for r in fake.requests if r.method == "POST"]
    assert post.json == {
        "data": {
            "target_url": "https://a.example.com",
            "subscriptions": [{"event_type": "record.craeted", "filter": None}],
        }
    }


def test_every_event_type_round_trips_through_fake_attio() -> None:
    fake = FakeAttio()
    client = fake.client()
    subs: list[WebhookSubscriptionParam] = [
        {"event_type": event_type} for event_type in attio.webhooks.WEBHOOK_EVENT_TYPES
    ]
    created = attio.Webhook.create(client, target_url="https://a.example.com", subscriptions=subs)
    assert [s.event_type for s in created.subscriptions] == list(attio.webhooks.WEBHOOK_EVENT_TYPES)
    assert all(s.filter is None for s in created.subscriptions)
