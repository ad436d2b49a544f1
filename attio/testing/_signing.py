"""Signing webhook deliveries as Attio does, for testing receivers (no vcrpy needed)."""

from __future__ import annotations

from attio.webhooks import _body_bytes, _secret_bytes, _signature_of

__all__ = ["sign_delivery"]


def sign_delivery(
    body: bytes | bytearray | memoryview | str, secret: str | bytes | bytearray | memoryview
) -> str:
    """The ``Attio-Signature`` header Attio sends with ``body``: the lowercase hex
    HMAC-SHA256 of the raw body keyed with the webhook's ``secret``.

    ``body`` is the exact body your test posts (``bytes``, or ``str``, UTF-8 encoded);
    ``secret`` is ``str`` (UTF-8 encoded) or ``bytes``, which sign alike. Another type is a
    ``TypeError``; an empty secret a ``ValueError`` (:func:`attio.webhooks.parse_delivery`
    never accepts one)::

        raw = json.dumps({"webhook_id": "...", "events": [...]}).encode()
        headers = {"Attio-Signature": sign_delivery(raw, SECRET), "Idempotency-Key": "k1"}
        delivery = attio.webhooks.parse_delivery(raw, headers=headers, secret=SECRET)
    """
    key = _secret_bytes(secret)
    if not key:
        raise ValueError("sign_delivery: the secret is empty; Attio never signs with one")
    return _signature_of(_body_bytes(body), key)
