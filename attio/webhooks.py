"""``Webhook`` (``/v2/webhooks``) and the receiving side: signature check and event parsing.

Subscribing: each subscription names one of Attio's 27 event types, :data:`WebhookEventType`
(a closed ``Literal``: ``"record.craeted"`` is a type error), with an optional filter::

    from attio.filters import webhook_field

    attio.Webhook.create(
        client,
        target_url="https://example.com/attio",
        subscriptions=[
            {"event_type": "record.created"},  # every record.created event
            {"event_type": "note.created", "filter": webhook_field("parent_object_id").equals(oid)},
        ],
    )

What Attio sends back stays open: :attr:`WebhookSubscription.event_type` and
:attr:`WebhookEvent.event_type` keep an event type added later as a plain string.

Attio signs each delivery with the webhook's ``secret`` (returned only by
:meth:`Webhook.create`): the ``Attio-Signature`` header (also sent as ``X-Attio-Signature``)
is the lowercase hex HMAC-SHA256 of the raw request body. :func:`verify_signature` checks it
in constant time; :func:`parse_delivery` checks it and reads the body into a
:class:`WebhookDelivery`::

    delivery = attio.webhooks.parse_delivery(raw_body, headers=request.headers, secret=SECRET)
    if already_seen(delivery.idempotency_key):
        return 200                      # a retry (or a replay) of a delivery already handled
    for event in delivery.events:
        print(event.event_type, event.id)

Receiving is strict by default:

* the signature is verified unless the caller passes ``verify=False`` explicitly; without a
  secret and without ``verify=False``, :func:`parse_delivery` raises
  :class:`~attio.ConfigurationError` instead of quietly trusting the body;
* anything that is not a delivery (not JSON, ``{}``, a list, no ``webhook_id`` string, no
  ``events`` list, an event without an ``event_type`` string, nesting deeper than
  :data:`MAX_DEPTH`) raises :class:`WebhookPayloadError`, never ``RecursionError``, with a
  short message that does not echo the body.

**Replays.** Attio's signature covers the body only: it carries no timestamp, so a delivery
captured once verifies forever. The defence is the ``Idempotency-Key`` header Attio sends with
each delivery (the same across its retries), exposed as :attr:`WebhookDelivery.idempotency_key`:
remember the keys already handled and acknowledge a repeated one without acting on it again.
"""

from __future__ import annotations

import builtins
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, ClassVar, Literal, NoReturn, TypedDict, get_args, overload

from pydantic import (
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)

from ._endpoints import Declared, endpoint, paged, streamed
from ._exceptions import AttioException, ConfigurationError, clip
from ._models import Actor, AttioModel, Timestamp
from ._pagination import PagedRequest, Paging
from ._parsing import parse_data, parse_nothing, parse_page
from ._request import Request, body, seg, update_body
from ._sentinel import NOT_GIVEN, NotGiven

__all__ = [
    "IDEMPOTENCY_HEADER",
    "MAX_DEPTH",
    "SIGNATURE_HEADERS",
    "WEBHOOK_EVENT_TYPES",
    "AnyWebhookEvent",
    "AttributeEvent",
    "CallRecordingEvent",
    "CommentEvent",
    "ListEntryEvent",
    "ListEvent",
    "NoteEvent",
    "RecordEvent",
    "TaskEvent",
    "Webhook",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookEventType",
    "WebhookId",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WebhookSubscription",
    "WebhookSubscriptionParam",
    "WorkspaceMemberEvent",
    "parse_delivery",
    "verify_signature",
]

_PAGING = Paging("query_offset", 10)

SIGNATURE_HEADERS = ("Attio-Signature", "X-Attio-Signature")
"""The headers that carry a delivery's signature, in the order they are looked for."""

IDEMPOTENCY_HEADER = "Idempotency-Key"
"""The header that identifies a delivery (the same across Attio's retries of it)."""

MAX_DEPTH = 64
"""The deepest nesting of JSON arrays and objects a delivery may have (Attio's are 4 deep)."""

_MAX_ERRORS_SHOWN = 5

WebhookEventType = Literal[
    "call-recording.created",
    "comment.created",
    "comment.resolved",
    "comment.unresolved",
    "comment.deleted",
    "list.created",
    "list.updated",
    "list.deleted",
    "list-attribute.created",
    "list-attribute.updated",
    "list-entry.created",
    "list-entry.updated",
    "list-entry.deleted",
    "object-attribute.created",
    "object-attribute.updated",
    "note.created",
    "note-content.updated",
    "note.updated",
    "note.deleted",
    "record.created",
    "record.merged",
    "record.updated",
    "record.deleted",
    "task.created",
    "task.updated",
    "task.deleted",
    "workspace-member.created",
]
"""The 27 event types a subscription may name (closed): what :meth:`Webhook.create` and
:meth:`Webhook.update` accept, so a misspelt ``"record.craeted"`` is a type error. Read models
(:attr:`WebhookSubscription.event_type`, :attr:`WebhookEvent.event_type`) stay open: an event
type Attio adds later is kept as a string."""

WEBHOOK_EVENT_TYPES: tuple[WebhookEventType, ...] = get_args(WebhookEventType)
"""The members of :data:`WebhookEventType`, in Attio's order."""


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
    with ``operator`` ``equals`` or ``not_equals``. As read, ``event_type`` is one of
    :data:`WebhookEventType` or, for an event type this library does not know yet, the string
    Attio sent. A missing ``filter`` reads as ``None`` (the same meaning as ``null``).
    """

    event_type: WebhookEventType | str
    filter: dict[str, Any] | None = None


class _SubscriptionEventType(TypedDict):
    event_type: WebhookEventType


class WebhookSubscriptionParam(_SubscriptionEventType, total=False):
    """One subscription as a plain dict for :meth:`Webhook.create`/:meth:`Webhook.update`:
    ``{"event_type": WebhookEventType, "filter": ... | None}``.

    ``event_type`` is required and must be one of :data:`WebhookEventType` (a misspelt one is
    a type error); ``filter`` may be left out (sent as ``null``: every event), be ``None``, a
    raw ``{"$and" | "$or": [{"field", "operator", "value"}]}`` mapping, or a
    :class:`attio.filters.WebhookFilter` built with :func:`attio.filters.webhook_field`.
    """

    filter: Mapping[str, Any] | None


def _subscriptions(
    subscriptions: Iterable[WebhookSubscriptionParam | WebhookSubscription],
) -> builtins.list[dict[str, Any]]:
    """Each subscription as ``{"event_type", "filter"}`` (a missing ``filter`` is ``null``)."""
    if isinstance(subscriptions, (str, bytes, bytearray, Mapping, WebhookSubscription)):
        raise TypeError(
            "subscriptions must be a list of {event_type, filter} items, not "
            f"{type(subscriptions).__name__}"
        )
    out: builtins.list[dict[str, Any]] = []
    for item in subscriptions:
        if isinstance(item, WebhookSubscription):
            entry = item.model_dump(mode="json")
        elif isinstance(item, Mapping):
            entry = dict(item)
        else:
            raise TypeError(
                "each subscription must be a mapping or a WebhookSubscription, not "
                f"{type(item).__name__}"
            )
        entry.setdefault("filter", None)
        out.append(entry)
    return out


def _webhook(webhook_id: str) -> str:
    return f"/v2/webhooks/{seg(webhook_id)}"


def _webhooks(limit: int | None = None, offset: int | None = None) -> PagedRequest[Webhook]:
    params = {"limit": limit, "offset": offset}
    return PagedRequest(Request("GET", "/v2/webhooks", parse_page(Webhook), params=params), _PAGING)


class Webhook(AttioModel):
    """A webhook; ``status`` is ``active``, ``degraded`` or ``inactive``.

    ``secret`` (the key deliveries are signed with) is present only in the answer of
    :meth:`create`; it round-trips but is never shown by ``repr()``.
    """

    id: WebhookId
    target_url: str
    subscriptions: builtins.list[WebhookSubscription]
    status: Literal["active", "degraded", "inactive"] | str
    created_at: Timestamp
    secret: str | None = Field(default=None, repr=False)

    @paged
    def list(*, limit: int | None = None, offset: int | None = None) -> PagedRequest[Webhook]:
        """One page of webhooks (``limit`` 10..100, default 10): ``GET /v2/webhooks``
        (scope ``webhook:read``)."""
        return _webhooks(limit, offset)

    list_async = list.twin

    @streamed
    def stream(*, page_size: int | None = None) -> PagedRequest[Webhook]:
        """Every webhook, lazily, page by page: ``GET /v2/webhooks`` (scope ``webhook:read``)."""
        return _webhooks().with_limit(page_size)

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin

    @endpoint
    def get(webhook_id: str) -> Request[Webhook]:
        """One webhook: ``GET /v2/webhooks/{webhook_id}`` (scope ``webhook:read``)."""
        return Request("GET", _webhook(webhook_id), parse_data(Webhook))

    get_async = get.twin

    @endpoint
    def create(
        *,
        target_url: str,
        subscriptions: Iterable[WebhookSubscriptionParam | WebhookSubscription],
    ) -> Request[Webhook]:
        """Create a webhook (``target_url`` must be ``https://``); the answer's ``secret``
        signs deliveries and is shown only now: ``POST /v2/webhooks``
        (scope ``webhook:read-write``).

        Each subscription is ``{"event_type", "filter"}`` (a
        :class:`WebhookSubscriptionParam` dict or a :class:`WebhookSubscription`);
        ``event_type`` is one of :data:`WebhookEventType`, ``filter`` a raw mapping, a
        :func:`attio.filters.webhook_field` filter or ``None``. A missing ``filter`` is sent
        as ``null`` (every event), since Attio requires the key.
        """
        payload = body(target_url=target_url, subscriptions=_subscriptions(subscriptions))
        return Request("POST", "/v2/webhooks", parse_data(Webhook), json=payload)

    create_async = create.twin

    @endpoint
    def update(
        webhook_id: str,
        *,
        target_url: str | NotGiven = NOT_GIVEN,
        subscriptions: Iterable[WebhookSubscriptionParam | WebhookSubscription]
        | NotGiven = NOT_GIVEN,
    ) -> Request[Webhook]:
        """Change a webhook: ``PATCH /v2/webhooks/{webhook_id}`` (scope ``webhook:read-write``).

        Only the fields given are sent: ``target_url`` (``https://``) and ``subscriptions``
        (replaces the whole list; items as in :meth:`create`). Giving none is a ``ValueError``
        and a misspelt keyword a ``TypeError``, both before any request.
        """
        path = _webhook(webhook_id)
        payload = update_body(
            "Webhook.update",
            target_url=target_url,
            subscriptions=(
                subscriptions
                if isinstance(subscriptions, NotGiven)
                else _subscriptions(subscriptions)
            ),
        )
        return Request("PATCH", path, parse_data(Webhook), json=payload)

    update_async = update.twin

    @endpoint
    def delete(webhook_id: str) -> Request[None]:
        """Delete a webhook: ``DELETE /v2/webhooks/{webhook_id}`` (scope ``webhook:read-write``)."""
        return Request("DELETE", _webhook(webhook_id), parse_nothing)

    delete_async = delete.twin


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


# --------------------------------------------------------------------------- typed events


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


class _EventField:
    """A typed, read-only property of an event: ``event.id[key]`` (``in_id``) or an extra key
    beside ``id``, as ``str | None``. Declared in a family's body, it also documents itself."""

    def __init__(self, key: str, doc: str, *, in_id: bool = True) -> None:
        self.key = key
        self.in_id = in_id
        self.__doc__ = doc

    @overload
    def __get__(self, event: None, owner: type[Any]) -> _EventField: ...

    @overload
    def __get__(self, event: WebhookEvent, owner: type[Any]) -> str | None: ...

    def __get__(self, event: WebhookEvent | None, owner: type[Any]) -> _EventField | str | None:
        if event is None:
            return self
        found = (event.id or {}) if self.in_id else (event.model_extra or {})
        return _text_or_none(found.get(self.key))


class _EventId(_EventField):
    """An id every event of the family carries (``event.id[key]``, a non-empty string,
    checked when the delivery is read), as ``str``."""

    def __set_name__(self, owner: type[_FamilyEvent], name: str) -> None:
        owner._ID_KEYS = (*owner._ID_KEYS, self.key)

    @overload
    def __get__(self, event: None, owner: type[Any]) -> _EventId: ...

    @overload
    def __get__(self, event: WebhookEvent, owner: type[Any]) -> str: ...

    def __get__(self, event: WebhookEvent | None, owner: type[Any]) -> _EventId | str:
        if event is None:
            return self
        value: str = (event.id or {})[self.key]
        return value


class _FamilyEvent(WebhookEvent):
    """An event of a known family: ``id`` is required and holds the family's ids as strings
    (checked when the delivery is read: an event of another shape stays a plain
    :class:`WebhookEvent`, so a delivery never fails on it)."""

    model_config = ConfigDict(ignored_types=(Declared, _EventField))

    id: dict[str, Any]
    _ID_KEYS: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="after")
    def _has_the_family_ids(self) -> _FamilyEvent:
        for key in self._ID_KEYS:
            value = self.id.get(key)
            if not isinstance(value, str) or not value:
                raise ValueError(f"id.{key} must be a non-empty string")
        return self


class RecordEvent(_FamilyEvent):
    """``record.created``, ``record.updated`` (one per attribute changed: :attr:`attribute_id`),
    ``record.deleted`` and ``record.merged`` (the duplicate merged into this record:
    :attr:`duplicate_object_id`, :attr:`duplicate_record_id`)."""

    event_type: Literal["record.created", "record.updated", "record.deleted", "record.merged"]
    object_id = _EventId("object_id", "The record's object (``id.object_id``).")
    record_id = _EventId("record_id", "The record (``id.record_id``).")
    attribute_id = _EventField("attribute_id", "The attribute changed (``record.updated``).")
    duplicate_object_id = _EventField(
        "duplicate_object_id", "The merged duplicate's object (``record.merged``).", in_id=False
    )
    duplicate_record_id = _EventField(
        "duplicate_record_id", "The merged duplicate, now gone (``record.merged``).", in_id=False
    )


class ListEvent(_FamilyEvent):
    """``list.created``, ``list.updated``, ``list.deleted``."""

    event_type: Literal["list.created", "list.updated", "list.deleted"]
    list_id = _EventId("list_id", "The list (``id.list_id``).")


class ListEntryEvent(_FamilyEvent):
    """``list-entry.created``, ``list-entry.updated`` (one per attribute changed:
    :attr:`attribute_id`) and ``list-entry.deleted``, with the entry's parent record."""

    event_type: Literal["list-entry.created", "list-entry.updated", "list-entry.deleted"]
    list_id = _EventId("list_id", "The list (``id.list_id``).")
    entry_id = _EventId("entry_id", "The entry (``id.entry_id``).")
    attribute_id = _EventField("attribute_id", "The attribute changed (``list-entry.updated``).")
    parent_object_id = _EventField(
        "parent_object_id", "The object of the entry's parent record.", in_id=False
    )
    parent_record_id = _EventField("parent_record_id", "The entry's parent record.", in_id=False)


class AttributeEvent(_FamilyEvent):
    """``object-attribute.created``/``.updated`` and ``list-attribute.created``/``.updated``:
    :attr:`attribute_id` on the object (:attr:`object_id`) or list (:attr:`list_id`)."""

    event_type: Literal[
        "object-attribute.created",
        "object-attribute.updated",
        "list-attribute.created",
        "list-attribute.updated",
    ]
    attribute_id = _EventId("attribute_id", "The attribute (``id.attribute_id``).")
    object_id = _EventField("object_id", "The object of an object attribute.")
    list_id = _EventField("list_id", "The list of a list attribute.")

    @property
    def target(self) -> Literal["objects", "lists"]:
        """Whether the attribute is an object's or a list's (as in :class:`attio.Attribute`)."""
        return "lists" if self.event_type.startswith("list-") else "objects"


class NoteEvent(_FamilyEvent):
    """``note.created``, ``note.updated``, ``note-content.updated`` and ``note.deleted``, with
    the note's parent record."""

    event_type: Literal["note.created", "note.updated", "note-content.updated", "note.deleted"]
    note_id = _EventId("note_id", "The note (``id.note_id``).")
    parent_object_id = _EventField(
        "parent_object_id", "The object of the note's parent record.", in_id=False
    )
    parent_record_id = _EventField("parent_record_id", "The note's parent record.", in_id=False)


class TaskEvent(_FamilyEvent):
    """``task.created``, ``task.updated``, ``task.deleted``."""

    event_type: Literal["task.created", "task.updated", "task.deleted"]
    task_id = _EventId("task_id", "The task (``id.task_id``).")


class CommentEvent(_FamilyEvent):
    """``comment.created``, ``comment.resolved``, ``comment.unresolved``, ``comment.deleted``,
    with the thread and what it is on (a record, or a list entry)."""

    event_type: Literal[
        "comment.created", "comment.resolved", "comment.unresolved", "comment.deleted"
    ]
    comment_id = _EventId("comment_id", "The comment (``id.comment_id``).")
    thread_id = _EventField("thread_id", "The comment's thread.", in_id=False)
    object_id = _EventField("object_id", "The object of the record commented on.", in_id=False)
    record_id = _EventField("record_id", "The record commented on.", in_id=False)
    list_id = _EventField("list_id", "The list of the entry commented on.", in_id=False)
    entry_id = _EventField("entry_id", "The entry commented on.", in_id=False)


class WorkspaceMemberEvent(_FamilyEvent):
    """``workspace-member.created``."""

    event_type: Literal["workspace-member.created"]
    workspace_member_id = _EventId("workspace_member_id", "The new member.")


class CallRecordingEvent(_FamilyEvent):
    """``call-recording.created`` (its ids are not documented yet: ``None`` when absent)."""

    event_type: Literal["call-recording.created"]
    meeting_id = _EventField("meeting_id", "The meeting (``id.meeting_id``).")
    call_recording_id = _EventField("call_recording_id", "The recording.")


_FAMILY_OF: dict[str, type[_FamilyEvent]] = {
    kind: family
    for family in (
        RecordEvent,
        ListEvent,
        ListEntryEvent,
        AttributeEvent,
        NoteEvent,
        TaskEvent,
        CommentEvent,
        WorkspaceMemberEvent,
        CallRecordingEvent,
    )
    for kind in get_args(family.model_fields["event_type"].annotation)
}


def _typed_event(value: Any, handler: ValidatorFunctionWrapHandler) -> WebhookEvent:
    """The event as a plain :class:`WebhookEvent` (whose errors are the ones reported), then as
    the typed model of its family when its ids have the documented shape."""
    event: WebhookEvent = handler(value)
    family = _FAMILY_OF.get(event.event_type)
    if family is None or isinstance(event, family):
        return event
    try:
        return family.model_validate(value if isinstance(value, Mapping) else event.model_dump())
    except ValidationError:
        return event


AnyWebhookEvent = Annotated[WebhookEvent, WrapValidator(_typed_event)]
"""An event of a delivery: the typed model of its family (:class:`RecordEvent`,
:class:`ListEntryEvent`, ...) chosen by ``event_type``, else a plain :class:`WebhookEvent`
(an event type Attio adds later, or a known one whose ids do not have the documented shape).
Narrow it with ``isinstance``."""


class WebhookDelivery(AttioModel):
    """The body Attio POSTs to a webhook's ``target_url``: ``{"webhook_id", "events": [...]}``.

    Both fields are required; unknown fields are kept. ``model_dump(mode="json")`` gives the
    body back exactly; :attr:`idempotency_key` (from the request's headers) is not part of it.
    """

    webhook_id: str
    events: builtins.list[AnyWebhookEvent]

    _idempotency_key: str | None = PrivateAttr(default=None)

    @property
    def idempotency_key(self) -> str | None:
        """The delivery's ``Idempotency-Key`` header (``None`` when absent or not given).

        Attio sends the same key with every retry of a delivery, and its signature has no
        timestamp: de-duplicating by this key is the receiver's defence against retries and
        replays. Set by :func:`parse_delivery` from its ``headers``.
        """
        return self._idempotency_key


def _secret_bytes(secret: object) -> bytes:
    if isinstance(secret, str):
        return secret.encode("utf-8")
    if isinstance(secret, (bytes, bytearray, memoryview)):
        return bytes(secret)
    raise TypeError(f"a webhook secret must be str or bytes, not {type(secret).__name__}")


def _body_bytes(body: object) -> bytes:
    """The raw body; a ``str`` is UTF-8 encoded (``UnicodeEncodeError`` for lone surrogates)."""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    raise TypeError(
        "a webhook body must be the raw request body (bytes or str), not "
        f"{type(body).__name__}; pass it before any JSON parsing"
    )


def _signature_of(body: bytes, key: bytes) -> str:
    """Attio's signature of ``body``: the lowercase hex HMAC-SHA256 keyed with ``key``."""
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def verify_signature(
    body: bytes | bytearray | memoryview | str,
    signature: str | bytes | None,
    secret: str | bytes | bytearray | memoryview,
) -> bool:
    """Whether ``signature`` is the hex HMAC-SHA256 of the raw ``body`` keyed with ``secret``.

    ``secret`` may be ``str`` or ``bytes`` (a ``str`` is UTF-8 encoded: ``"k"`` and ``b"k"``
    verify the same signatures); another type is a ``TypeError``, as is a body that is not
    ``bytes`` or ``str``. An empty secret or signature never verifies. Surrounding whitespace
    and uppercase hex are tolerated; the comparison is constant-time. Pass the body exactly as
    received (bytes), before any JSON parsing.
    """
    key = _secret_bytes(secret)
    try:
        raw = _body_bytes(body)
    except UnicodeEncodeError:
        return False  # text that no UTF-8 body decodes to: Attio never signed it
    if not key or not signature:
        return False
    try:
        if isinstance(signature, (bytes, bytearray)):
            signature = bytes(signature).decode("ascii")
        given = signature.strip().lower().encode("ascii")
    except (UnicodeError, AttributeError):
        return False
    expected = _signature_of(raw, key).encode("ascii")
    return hmac.compare_digest(expected, given)


def _header(headers: Mapping[str, str] | None, names: Iterable[str]) -> str | None:
    """The first of ``names`` present in ``headers`` (case-insensitive), as text."""
    if headers is None:
        return None
    items = getattr(headers, "items", None)
    if items is None:
        raise TypeError(f"headers must be a mapping, not {type(headers).__name__}")
    found: dict[str, str] = {}
    for key, value in items():
        if isinstance(key, (bytes, bytearray)):
            key = bytes(key).decode("latin-1")
        if isinstance(value, (bytes, bytearray)):
            value = bytes(value).decode("latin-1")
        if not isinstance(key, str) or not isinstance(value, str):
            continue
        found.setdefault(key.lower(), value)
    for name in names:
        if name.lower() in found:
            return found[name.lower()]
    return None


def _fail(reason: str) -> NoReturn:
    raise WebhookPayloadError(f"not an Attio webhook delivery: {clip(reason, 500)}")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _too_deep(value: Any, limit: int) -> bool:
    """Whether ``value`` nests arrays/objects more than ``limit`` deep (no recursion)."""
    stack: builtins.list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _decode(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        _fail(f"the body is not UTF-8 ({exc.reason} at byte {exc.start})")
    try:
        decoded = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        _fail(f"the body nests deeper than {MAX_DEPTH} levels")
    except ValueError as exc:
        _fail(f"the body is not JSON ({exc})")
    if isinstance(decoded, (dict, list)) and _too_deep(decoded, MAX_DEPTH):
        _fail(f"the body nests deeper than {MAX_DEPTH} levels")
    return decoded


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _check_shape(decoded: Any) -> None:
    """The delivery's required shape, checked before pydantic (messages name types only)."""
    if not isinstance(decoded, dict):
        _fail(f'the body is {_json_type(decoded)}, not an object {{"webhook_id", "events"}}')
    if not isinstance(decoded.get("webhook_id"), str):
        what = _json_type(decoded["webhook_id"]) if "webhook_id" in decoded else "missing"
        _fail(f'"webhook_id" must be a string; it is {what}')
    events = decoded.get("events")
    if not isinstance(events, list):
        what = _json_type(events) if "events" in decoded else "missing"
        _fail(f'"events" must be an array; it is {what}')
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            _fail(f"events[{index}] must be an object; it is {_json_type(event)}")
        if not isinstance(event.get("event_type"), str):
            what = _json_type(event["event_type"]) if "event_type" in event else "missing"
            _fail(f'events[{index}]["event_type"] must be a string; it is {what}')


def _validation_summary(exc: ValidationError) -> str:
    errors = exc.errors(include_input=False, include_url=False, include_context=False)
    parts = []
    for error in errors[:_MAX_ERRORS_SHOWN]:
        where = ".".join(str(part) for part in error["loc"]) or "body"
        parts.append(f"{clip(where, 120)}: {clip(error['msg'], 160)}")
    if len(errors) > _MAX_ERRORS_SHOWN:
        parts.append(f"and {len(errors) - _MAX_ERRORS_SHOWN} more")
    return "; ".join(parts)


def parse_delivery(
    body: bytes | bytearray | memoryview | str,
    *,
    headers: Mapping[str, str] | None = None,
    secret: str | bytes | bytearray | memoryview | None = None,
    signature: str | bytes | None = None,
    verify: bool = True,
) -> WebhookDelivery:
    """Read a webhook delivery, verifying its signature first.

    ``body`` is the raw request body (``bytes`` as received, or ``str``), before any JSON
    parsing; ``headers`` the request's headers (any mapping, looked up case-insensitively);
    ``secret`` the webhook's secret (``str`` or ``bytes``, which verify alike; another type is
    a ``TypeError``).

    **Verification is on unless turned off explicitly.** The signature is ``signature`` if
    passed, else the ``Attio-Signature`` (or ``X-Attio-Signature``) header. A missing or wrong
    signature raises :class:`WebhookSignatureError` before the body is parsed. With no
    ``secret`` (or an empty one) :class:`~attio.ConfigurationError` is raised: a receiver
    that skips verification accepts forged events from anyone who knows (or guesses) its URL,
    so skipping it takes ``verify=False``, spelled out (tests, a trusted tunnel). With
    ``verify=False`` nothing is verified even if a ``secret`` is passed (so a configuration
    flag can turn verification off); ``verify`` must be a ``bool``.

    **Shape.** The body must be a JSON object with a string ``webhook_id`` and an ``events``
    array of objects, each with a string ``event_type``; unknown fields are kept, and
    ``model_dump(mode="json")`` of the result gives the body back. Anything else (not UTF-8,
    not JSON, ``{}``, an array, nesting deeper than :data:`MAX_DEPTH`) raises
    :class:`WebhookPayloadError` (a ``ValueError``) with a short message that does not echo
    the body.

    **Replays.** Attio's signature has no timestamp, so a captured delivery verifies again
    and again; the result's :attr:`~WebhookDelivery.idempotency_key` is the delivery's
    ``Idempotency-Key`` header (the same across Attio's retries): de-duplicate by it.
    """
    if not isinstance(verify, bool):
        raise TypeError(f"verify must be True or False, not {type(verify).__name__}")
    key = None if secret is None else _secret_bytes(secret)
    try:
        raw = _body_bytes(body)
    except UnicodeEncodeError:
        _fail("the body text cannot be UTF-8 encoded (lone surrogates)")
    if verify:
        if not key:
            state = "is empty" if key is not None else "was not given"
            raise ConfigurationError(
                f"parse_delivery: the webhook secret {state}, so the signature cannot be "
                "verified; pass the secret Webhook.create returned, or verify=False to accept "
                "unverified deliveries (anyone who knows the URL could forge them)"
            )
        if signature is None:
            signature = _header(headers, SIGNATURE_HEADERS)
        if signature is None:
            raise WebhookSignatureError("webhook delivery has no Attio-Signature header to verify")
        if not verify_signature(raw, signature, key):
            raise WebhookSignatureError("webhook signature does not match the secret")
    decoded = _decode(raw)
    _check_shape(decoded)
    try:
        delivery = WebhookDelivery.model_validate(decoded)
    except RecursionError:
        _fail(f"the body nests deeper than {MAX_DEPTH} levels")
    except ValidationError as exc:
        _fail(f"unexpected shape: {_validation_summary(exc)}")
    delivery._idempotency_key = _header(headers, (IDEMPOTENCY_HEADER,))
    return delivery
