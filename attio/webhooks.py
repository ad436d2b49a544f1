"""``Webhook`` (``/v2/webhooks``) and the receiving side: signature check and event parsing.

Attio signs each delivery with the webhook's ``secret`` (returned only by
:meth:`Webhook.create`): the ``Attio-Signature`` header (also sent as ``X-Attio-Signature``)
is the lowercase hex HMAC-SHA256 of the raw request body. :func:`verify_signature` checks it
in constant time; :func:`parse_delivery` checks it and reads the body into a
:class:`WebhookDelivery`::

    delivery = attio.webhooks.parse_delivery(raw_body, headers=request.headers, secret=SECRET)
    for event in delivery.events:
        print(event.event_type, event.id)
"""

from __future__ import annotations

import builtins
import hashlib
import hmac
import json
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import Any, Literal

from pydantic import Field, ValidationError

from ._client import AsyncClient, Client, require_async, require_sync
from ._exceptions import AttioException
from ._models import Actor, AttioModel, Timestamp
from ._paging import Page
from ._request import PagedRequest, Paging, Request, parse_data, parse_nothing, parse_page
from ._resource import body, seg

__all__ = [
    "SIGNATURE_HEADERS",
    "Webhook",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookId",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WebhookSubscription",
    "parse_delivery",
    "verify_signature",
]

_PAGING = Paging("query_offset", 10)

SIGNATURE_HEADERS = ("Attio-Signature", "X-Attio-Signature")
"""The headers that carry a delivery's signature, in the order they are looked for."""


class WebhookSignatureError(AttioException):
    """A webhook delivery's signature is missing or does not match the secret."""


class WebhookPayloadError(AttioException, ValueError):
    """A webhook delivery's body is not JSON or not Attio's ``{"webhook_id", "events"}``."""


# --------------------------------------------------------------------------- the resource


class WebhookId(AttioModel):
    """``{"workspace_id", "webhook_id"}``."""

    workspace_id: str
    webhook_id: str


class WebhookSubscription(AttioModel):
    """One subscription: ``{"event_type", "filter"}``.

    ``filter`` is ``null`` (every event) or ``{"$and" | "$or": [{"field", "operator", "value"}]}``
    with ``operator`` ``equals`` or ``not_equals``.
    """

    event_type: str
    filter: dict[str, Any] | None = None


class Webhook(AttioModel):
    """A webhook; ``status`` is ``active``, ``degraded`` or ``inactive``.

    ``secret`` (the key deliveries are signed with) is present only in the answer of
    :meth:`create`; it round-trips but is never shown by ``repr()``.
    """

    id: WebhookId
    target_url: str | None = None
    subscriptions: builtins.list[WebhookSubscription] | None = None
    status: Literal["active", "degraded", "inactive"] | str | None = None
    created_at: Timestamp | None = None
    secret: str | None = Field(default=None, repr=False)

    # ------------------------------------------------------------------ requests

    @classmethod
    def _list(cls, limit: int | None = None, offset: int | None = None) -> PagedRequest[Webhook]:
        params = {"limit": limit, "offset": offset}
        return PagedRequest(Request("GET", "/v2/webhooks", parse_page(cls), params=params), _PAGING)

    @classmethod
    def _get(cls, webhook_id: str) -> Request[Webhook]:
        return Request("GET", f"/v2/webhooks/{seg(webhook_id)}", parse_data(cls))

    @staticmethod
    def _subscriptions(subscriptions: Iterable[Any]) -> builtins.list[Any]:
        out: builtins.list[Any] = []
        for item in subscriptions:
            if isinstance(item, AttioModel):
                item = item.model_dump(mode="json")
            item = dict(item)
            item.setdefault("filter", None)
            out.append(item)
        return out

    @classmethod
    def _create(cls, target_url: str, subscriptions: Iterable[Any]) -> Request[Webhook]:
        payload = body(target_url=target_url, subscriptions=cls._subscriptions(subscriptions))
        return Request("POST", "/v2/webhooks", parse_data(cls), json=payload)

    @classmethod
    def _update(cls, webhook_id: str, changes: dict[str, Any]) -> Request[Webhook]:
        path = f"/v2/webhooks/{seg(webhook_id)}"
        return Request("PATCH", path, parse_data(cls), json={"data": changes})

    @classmethod
    def _delete(cls, webhook_id: str) -> Request[None]:
        return Request("DELETE", f"/v2/webhooks/{seg(webhook_id)}", parse_nothing)

    # ------------------------------------------------------------------ sync

    @classmethod
    def list(
        cls, client: Client, *, limit: int | None = None, offset: int | None = None
    ) -> Page[Webhook]:
        """One page of webhooks (``limit`` 10..100, default 10): ``GET /v2/webhooks``
        (scope ``webhook:read``)."""
        return require_sync(client).fetch_page(cls._list(limit, offset))

    @classmethod
    def stream(cls, client: Client, *, page_size: int | None = None) -> Iterator[Webhook]:
        """Every webhook, lazily, page by page: ``GET /v2/webhooks`` (scope ``webhook:read``)."""
        return require_sync(client).stream(cls._list().with_limit(page_size))

    @classmethod
    def stream_all(cls, client: Client, *, page_size: int | None = None) -> builtins.list[Webhook]:
        """Every webhook as a list: ``GET /v2/webhooks`` (scope ``webhook:read``)."""
        return builtins.list(cls.stream(client, page_size=page_size))

    @classmethod
    def get(cls, client: Client, webhook_id: str) -> Webhook:
        """One webhook: ``GET /v2/webhooks/{webhook_id}`` (scope ``webhook:read``)."""
        return require_sync(client).request(cls._get(webhook_id))

    @classmethod
    def create(
        cls,
        client: Client,
        *,
        target_url: str,
        subscriptions: Iterable[Mapping[str, Any] | WebhookSubscription],
    ) -> Webhook:
        """Create a webhook (``target_url`` must be ``https://``); the answer's ``secret``
        signs deliveries and is shown only now: ``POST /v2/webhooks``
        (scope ``webhook:read-write``).

        Each subscription is ``{"event_type", "filter"}``; a missing ``filter`` is sent as
        ``null`` (every event), since Attio requires the key.
        """
        return require_sync(client).request(cls._create(target_url, subscriptions))

    @classmethod
    def update(cls, client: Client, webhook_id: str, **changes: Any) -> Webhook:
        """Change ``target_url`` and/or ``subscriptions``: ``PATCH /v2/webhooks/{webhook_id}``
        (scope ``webhook:read-write``)."""
        return require_sync(client).request(cls._update(webhook_id, changes))

    @classmethod
    def delete(cls, client: Client, webhook_id: str) -> None:
        """Delete a webhook: ``DELETE /v2/webhooks/{webhook_id}`` (scope ``webhook:read-write``)."""
        require_sync(client).request(cls._delete(webhook_id))

    # ------------------------------------------------------------------ async

    @classmethod
    async def list_async(
        cls, client: AsyncClient, *, limit: int | None = None, offset: int | None = None
    ) -> Page[Webhook]:
        """Async twin of :meth:`list`: ``GET /v2/webhooks`` (``webhook:read``)."""
        return await require_async(client).fetch_page(cls._list(limit, offset))

    @classmethod
    def stream_async(
        cls, client: AsyncClient, *, page_size: int | None = None
    ) -> AsyncIterator[Webhook]:
        """Async twin of :meth:`stream` (use ``async for``): ``GET /v2/webhooks``
        (``webhook:read``)."""
        return require_async(client).stream(cls._list().with_limit(page_size))

    @classmethod
    async def stream_all_async(
        cls, client: AsyncClient, *, page_size: int | None = None
    ) -> builtins.list[Webhook]:
        """Async twin of :meth:`stream_all`: ``GET /v2/webhooks`` (``webhook:read``)."""
        return [hook async for hook in cls.stream_async(client, page_size=page_size)]

    @classmethod
    async def get_async(cls, client: AsyncClient, webhook_id: str) -> Webhook:
        """Async twin of :meth:`get`: ``GET /v2/webhooks/{webhook_id}`` (``webhook:read``)."""
        return await require_async(client).request(cls._get(webhook_id))

    @classmethod
    async def create_async(
        cls,
        client: AsyncClient,
        *,
        target_url: str,
        subscriptions: Iterable[Mapping[str, Any] | WebhookSubscription],
    ) -> Webhook:
        """Async twin of :meth:`create`: ``POST /v2/webhooks`` (``webhook:read-write``)."""
        return await require_async(client).request(cls._create(target_url, subscriptions))

    @classmethod
    async def update_async(cls, client: AsyncClient, webhook_id: str, **changes: Any) -> Webhook:
        """Async twin of :meth:`update`: ``PATCH /v2/webhooks/{webhook_id}``
        (``webhook:read-write``)."""
        return await require_async(client).request(cls._update(webhook_id, changes))

    @classmethod
    async def delete_async(cls, client: AsyncClient, webhook_id: str) -> None:
        """Async twin of :meth:`delete`: ``DELETE /v2/webhooks/{webhook_id}``
        (``webhook:read-write``)."""
        await require_async(client).request(cls._delete(webhook_id))


# --------------------------------------------------------------------------- receiving


class WebhookEvent(AttioModel):
    """One event of a delivery: ``{"event_type", "id": {...}, "actor": {...}, ...}``.

    ``id`` holds the ids of what changed (keys depend on the family: ``record_id``,
    ``note_id``, ``entry_id``, ...); extra keys beside it (``parent_record_id``,
    ``thread_id``, ...) are kept and readable as attributes or in ``model_extra``.
    """

    event_type: str
    id: dict[str, Any] | None = None
    actor: Actor | None = None


class WebhookDelivery(AttioModel):
    """The body Attio POSTs to a webhook's ``target_url``: ``{"webhook_id", "events": [...]}``."""

    webhook_id: str | None = None
    events: builtins.list[WebhookEvent] = Field(default_factory=builtins.list)


def _as_bytes(body: bytes | bytearray | memoryview | str) -> bytes:
    if isinstance(body, str):
        return body.encode("utf-8")
    return bytes(body)


def verify_signature(body: bytes | str, signature: str | None, secret: str) -> bool:
    """Whether ``signature`` is the hex HMAC-SHA256 of the raw ``body`` keyed with ``secret``.

    Surrounding whitespace and uppercase hex are tolerated; the comparison is constant-time.
    Pass the body exactly as received (bytes), before any JSON parsing.
    """
    if not signature or not secret:
        return False
    try:
        given = signature.strip().lower().encode("ascii")
    except (UnicodeEncodeError, AttributeError):
        return False
    expected = hmac.new(secret.encode("utf-8"), _as_bytes(body), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode("ascii"), given)


def _find_signature(headers: Mapping[str, str]) -> str | None:
    wanted = [name.lower() for name in SIGNATURE_HEADERS]
    found: dict[str, str] = {}
    for key, value in headers.items():
        lowered = str(key).lower()
        if lowered in wanted and lowered not in found:
            found[lowered] = value
    for name in wanted:
        if name in found:
            return found[name]
    return None


def parse_delivery(
    body: bytes | str,
    *,
    headers: Mapping[str, str] | None = None,
    secret: str | None = None,
    signature: str | None = None,
) -> WebhookDelivery:
    """Read a webhook delivery, checking its signature first when ``secret`` is given.

    The signature is ``signature`` if passed, else the ``Attio-Signature`` (or
    ``X-Attio-Signature``) header of ``headers`` (looked up case-insensitively). With a
    ``secret``, a missing or wrong signature raises :class:`WebhookSignatureError` before the
    body is parsed; a body that is not a delivery raises :class:`WebhookPayloadError`.
    """
    raw = _as_bytes(body)
    if secret is not None:
        if signature is None and headers is not None:
            signature = _find_signature(headers)
        if signature is None:
            raise WebhookSignatureError("webhook delivery has no Attio-Signature header to verify")
        if not verify_signature(raw, signature, secret):
            raise WebhookSignatureError("webhook signature does not match the secret")
    try:
        decoded = json.loads(raw)
    except ValueError as exc:
        raise WebhookPayloadError(f"webhook delivery is not JSON: {exc}") from exc
    try:
        return WebhookDelivery.model_validate(decoded)
    except ValidationError as exc:
        raise WebhookPayloadError(f"webhook delivery has an unexpected shape: {exc}") from exc
