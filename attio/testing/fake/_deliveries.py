"""Webhook deliveries of FakeAttio: the events a successful request causes, and the signed
deliveries they make for the workspace's webhooks.

Event payloads follow Attio's documentation (one event per delivery, ``{"webhook_id",
"events": [{"event_type", "id": {...}, "actor": {...}, ...}]}``): ``id`` holds the ids of what
changed, by family, and some families carry more keys beside it (``parent_object_id`` and
``parent_record_id`` for entries and notes; ``thread_id``, ``object_id``, ``record_id``,
``list_id``, ``entry_id`` for comments; ``duplicate_object_id`` and ``duplicate_record_id`` for
``record.merged``). ``record.updated`` and ``list-entry.updated`` come once per attribute
written, with its ``attribute_id`` in ``id``. A subscription's filter (``$and``/``$or`` of
``equals``/``not_equals`` on dot paths such as ``id.object_id`` or ``actor.type``) decides
whether a webhook gets an event. The body is signed as Attio signs it (``Attio-Signature``
and ``X-Attio-Signature``: hex HMAC-SHA256 of the raw body with the webhook's secret) and
carries an ``Idempotency-Key``.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._util import JSON

__all__ = ["EventMaker", "FakeDelivery", "deliveries_for", "member_event", "plan_events"]

Reply = tuple[int, Any]
EventMaker = Callable[[int, Any], list[JSON]]

_SEG = r"([^/]+)"


@dataclass(frozen=True)
class FakeDelivery:
    """One delivery FakeAttio made: what it POSTs (or would POST) to ``target_url``.

    ``body`` is the exact raw body, ``headers`` carry the signature and the idempotency key:
    give both to :func:`attio.webhooks.parse_delivery` with the webhook's secret, or send
    :meth:`request` to your receiver.
    """

    webhook_id: str
    target_url: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def event(self) -> JSON:
        """The delivery's one event, as JSON."""
        event: JSON = json.loads(self.body)["events"][0]
        return event

    @property
    def event_type(self) -> str:
        """The event's ``event_type`` (``"record.created"``, ...)."""
        return str(self.event["event_type"])

    def request(self) -> httpx.Request:
        """The delivery as the ``POST`` Attio would send to ``target_url``."""
        return httpx.Request("POST", self.target_url, content=self.body, headers=self.headers)


# --------------------------------------------------------------------------- events


def _event(store: Any, event_type: str, ids: JSON, **extra: Any) -> JSON:
    return {
        "event_type": event_type,
        "id": {"workspace_id": store.workspace_id, **ids},
        "actor": copy.deepcopy(store.actor),
        **extra,
    }


def _data(payload: Any) -> JSON:
    data = payload.get("data") if isinstance(payload, dict) else None
    return data if isinstance(data, dict) else {}


def _written_slugs(body: Any, key: str) -> list[str]:
    data = body.get("data") if isinstance(body, dict) else None
    values = data.get(key) if isinstance(data, dict) else None
    return list(values) if isinstance(values, dict) else []


def _attribute_ids(store: Any, parent_id: str, slugs: list[str]) -> list[str]:
    found = (store.find_attribute(parent_id, slug) for slug in slugs)
    return [attr["id"]["attribute_id"] for attr in found if attr is not None]


def _object_id(store: Any, identifier: str) -> str | None:
    obj = store.find_object(identifier)
    return None if obj is None else str(obj["id"]["object_id"])


def _list_id(store: Any, identifier: str) -> str | None:
    lst = store.find_list(identifier)
    return None if lst is None else str(lst["id"]["list_id"])


def _record_events(store: Any, kind: str, data: JSON, body: Any) -> list[JSON]:
    ids = {"object_id": data["id"]["object_id"], "record_id": data["id"]["record_id"]}
    if kind != "record.updated":
        return [_event(store, kind, ids)]
    attributes = _attribute_ids(store, ids["object_id"], _written_slugs(body, "values"))
    return [_event(store, kind, {**ids, "attribute_id": a}) for a in attributes]


def _entry_events(store: Any, kind: str, data: JSON, body: Any) -> list[JSON]:
    ids = {"list_id": data["id"]["list_id"], "entry_id": data["id"]["entry_id"]}
    parent_object_id = _object_id(store, data.get("parent_object", ""))
    extra = {"parent_object_id": parent_object_id, "parent_record_id": data.get("parent_record_id")}
    if kind != "list-entry.updated":
        return [_event(store, kind, ids, **extra)]
    attributes = _attribute_ids(store, ids["list_id"], _written_slugs(body, "entry_values"))
    return [_event(store, kind, {**ids, "attribute_id": a}, **extra) for a in attributes]


def _note_event(store: Any, kind: str, note: JSON) -> JSON:
    return _event(
        store,
        kind,
        {"note_id": note["id"]["note_id"]},
        parent_object_id=_object_id(store, note.get("parent_object", "")),
        parent_record_id=note.get("parent_record_id"),
    )


def _comment_event(store: Any, kind: str, comment: JSON) -> JSON:
    record = comment.get("record") or {}
    entry = comment.get("entry") or {}
    return _event(
        store,
        kind,
        {"comment_id": comment["id"]["comment_id"]},
        thread_id=comment.get("thread_id"),
        object_id=record.get("object_id"),
        record_id=record.get("record_id"),
        list_id=entry.get("list_id"),
        entry_id=entry.get("entry_id"),
    )


def member_event(store: Any, member: JSON) -> JSON:
    """``workspace-member.created`` for ``member``."""
    member_id = member["id"]["workspace_member_id"]
    return _event(store, "workspace-member.created", {"workspace_member_id": member_id})


def _on_success(make: Callable[[Any], list[JSON]]) -> EventMaker:
    def events(status: int, payload: Any) -> list[JSON]:
        return make(payload) if 200 <= status < 300 else []

    return events


def plan_events(store: Any, method: str, path: str, body: Any) -> EventMaker | None:
    """Before a request is answered: the function that, given its answer, makes the events
    it caused (``None`` for a request that changes nothing webhooks report)."""
    for pattern, methods, planner in _PLANNERS:
        match = pattern.fullmatch(path)
        if match is not None and method in methods:
            return planner(store, method, body, *match.groups())
    return None


def _records_collection(store: Any, method: str, body: Any, obj: str) -> EventMaker:
    # Only an upsert (PUT) can update: it alone needs the ids that existed before.
    object_id = _object_id(store, obj) if method == "PUT" else None
    before = set(store.records.get(object_id, {})) if object_id else set()

    def make(payload: Any) -> list[JSON]:
        data = _data(payload)
        created = method == "POST" or data["id"]["record_id"] not in before
        return _record_events(store, "record.created" if created else "record.updated", data, body)

    return _on_success(make)


def _record_item(store: Any, method: str, body: Any, obj: str, record_id: str) -> EventMaker:
    object_id = _object_id(store, obj)

    def make(payload: Any) -> list[JSON]:
        if method == "DELETE":
            ids = {"object_id": object_id, "record_id": record_id}
            return [_event(store, "record.deleted", ids)]
        return _record_events(store, "record.updated", _data(payload), body)

    return _on_success(make)


def _record_merge(store: Any, method: str, body: Any, obj: str) -> EventMaker:
    object_id = _object_id(store, obj)
    data = body.get("data") if isinstance(body, dict) else None
    secondary = data.get("secondary_record_id") if isinstance(data, dict) else None

    def make(payload: Any) -> list[JSON]:
        merged = _data(payload)["id"]
        ids = {"object_id": merged["object_id"], "record_id": merged["record_id"]}
        return [
            _event(
                store,
                "record.merged",
                ids,
                duplicate_object_id=object_id,
                duplicate_record_id=secondary,
            )
        ]

    return _on_success(make)


def _entries_collection(store: Any, method: str, body: Any, lst: str) -> EventMaker:
    list_id = _list_id(store, lst) if method == "PUT" else None
    before = set(store.entries.get(list_id, {})) if list_id else set()

    def make(payload: Any) -> list[JSON]:
        data = _data(payload)
        created = method == "POST" or data["id"]["entry_id"] not in before
        kind = "list-entry.created" if created else "list-entry.updated"
        return _entry_events(store, kind, data, body)

    return _on_success(make)


def _entry_item(store: Any, method: str, body: Any, lst: str, entry_id: str) -> EventMaker:
    before: JSON | None = None
    list_id = _list_id(store, lst)
    if method == "DELETE" and list_id is not None:
        state = store.entries.get(list_id, {}).get(entry_id)
        before = store.render_entry(state) if state is not None else None

    def make(payload: Any) -> list[JSON]:
        if method == "DELETE":
            return (
                [] if before is None else _entry_events(store, "list-entry.deleted", before, None)
            )
        return _entry_events(store, "list-entry.updated", _data(payload), body)

    return _on_success(make)


def _notes(store: Any, method: str, body: Any) -> EventMaker:
    return _on_success(lambda payload: [_note_event(store, "note.created", _data(payload))])


def _deletion(
    items: dict[str, JSON],
    item_id: str,
    event: Callable[[Any, str, JSON], JSON],
    store: Any,
    kind: str,
) -> EventMaker:
    """The ``kind`` event of deleting ``items[item_id]``, made from what it was before."""
    before = copy.deepcopy(items.get(item_id))
    return _on_success(lambda payload: [] if before is None else [event(store, kind, before)])


def _note_item(store: Any, method: str, body: Any, note_id: str) -> EventMaker:
    return _deletion(store.notes, note_id, _note_event, store, "note.deleted")


def _tasks(store: Any, method: str, body: Any) -> EventMaker:
    def make(payload: Any) -> list[JSON]:
        task_id = _data(payload)["id"]["task_id"]
        return [_event(store, "task.created", {"task_id": task_id})]

    return _on_success(make)


def _task_item(store: Any, method: str, body: Any, task_id: str) -> EventMaker:
    kind = "task.deleted" if method == "DELETE" else "task.updated"
    return _on_success(lambda payload: [_event(store, kind, {"task_id": task_id})])


def _comments(store: Any, method: str, body: Any) -> EventMaker:
    return _on_success(lambda payload: [_comment_event(store, "comment.created", _data(payload))])


def _comment_item(store: Any, method: str, body: Any, comment_id: str) -> EventMaker:
    return _deletion(store.comments, comment_id, _comment_event, store, "comment.deleted")


def _lists(store: Any, method: str, body: Any, *lst: str) -> EventMaker:
    kind = "list.created" if method == "POST" else "list.updated"

    def make(payload: Any) -> list[JSON]:
        return [_event(store, kind, {"list_id": _data(payload)["id"]["list_id"]})]

    return _on_success(make)


def _attributes(store: Any, method: str, body: Any, target: str, *rest: str) -> EventMaker:
    family = "object-attribute" if target == "objects" else "list-attribute"
    kind = f"{family}.{'created' if method == 'POST' else 'updated'}"

    def make(payload: Any) -> list[JSON]:
        ids = dict(_data(payload)["id"])
        ids.pop("workspace_id", None)
        if target == "lists" and "object_id" in ids:  # a list's attribute names its list
            ids["list_id"] = ids.pop("object_id")
        return [_event(store, kind, ids)]

    return _on_success(make)


def _recordings(store: Any, method: str, body: Any, meeting_id: str) -> EventMaker:
    def make(payload: Any) -> list[JSON]:
        ids = dict(_data(payload)["id"])
        ids.pop("workspace_id", None)
        return [_event(store, "call-recording.created", ids)]

    return _on_success(make)


_PLANNERS: list[tuple[re.Pattern[str], frozenset[str], Callable[..., EventMaker]]] = [
    (re.compile(rf"/v2/objects/{_SEG}/records/?"), frozenset({"POST", "PUT"}), _records_collection),
    (re.compile(rf"/v2/objects/{_SEG}/records/merge/?"), frozenset({"POST"}), _record_merge),
    (
        re.compile(rf"/v2/objects/{_SEG}/records/{_SEG}/?"),
        frozenset({"PATCH", "PUT", "DELETE"}),
        _record_item,
    ),
    (re.compile(rf"/v2/lists/{_SEG}/entries/?"), frozenset({"POST", "PUT"}), _entries_collection),
    (
        re.compile(rf"/v2/lists/{_SEG}/entries/{_SEG}/?"),
        frozenset({"PATCH", "PUT", "DELETE"}),
        _entry_item,
    ),
    (re.compile(r"/v2/notes/?"), frozenset({"POST"}), _notes),
    (re.compile(rf"/v2/notes/{_SEG}/?"), frozenset({"DELETE"}), _note_item),
    (re.compile(r"/v2/tasks/?"), frozenset({"POST"}), _tasks),
    (re.compile(rf"/v2/tasks/{_SEG}/?"), frozenset({"PATCH", "DELETE"}), _task_item),
    (re.compile(r"/v2/comments/?"), frozenset({"POST"}), _comments),
    (re.compile(rf"/v2/comments/{_SEG}/?"), frozenset({"DELETE"}), _comment_item),
    (re.compile(r"/v2/lists/?"), frozenset({"POST"}), _lists),
    (re.compile(rf"/v2/lists/{_SEG}/?"), frozenset({"PATCH"}), _lists),
    (
        re.compile(rf"/v2/(objects|lists)/{_SEG}/attributes/?"),
        frozenset({"POST"}),
        _attributes,
    ),
    (
        re.compile(rf"/v2/(objects|lists)/{_SEG}/attributes/{_SEG}/?"),
        frozenset({"PATCH"}),
        _attributes,
    ),
    (re.compile(rf"/v2/meetings/{_SEG}/call_recordings/?"), frozenset({"POST"}), _recordings),
]


# --------------------------------------------------------------------------- deliveries


def _at(event: JSON, dotted: str) -> Any:
    current: Any = event
    for part in dotted.split("."):
        if not isinstance(current, dict) or part not in current:
            return None
        current = current[part]
    return current


def _passes(flt: Any, event: JSON) -> bool:
    """Whether ``event`` passes a subscription filter (``None`` always passes)."""
    if not isinstance(flt, dict):
        return True
    combine = all if "$and" in flt else any
    conditions = flt["$and"] if "$and" in flt else flt.get("$or")
    if not isinstance(conditions, list):
        return True

    def one(condition: JSON) -> bool:
        found = _at(event, str(condition.get("field", "")))
        same = found is not None and str(found) == str(condition.get("value"))
        return same if condition.get("operator") == "equals" else not same

    return combine(one(c) for c in conditions if isinstance(c, dict))


def _signature(body: bytes, secret: str) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def deliveries_for(store: Any, events: list[JSON]) -> list[FakeDelivery]:
    """The deliveries ``events`` make: one per event and subscribed webhook (active, with a
    subscription for the event's type whose filter the event passes), signed."""
    made: list[FakeDelivery] = []
    for event in events:
        for webhook in store.webhooks.values():
            if webhook.get("status") != "active":
                continue
            subscribed = any(
                s["event_type"] == event["event_type"] and _passes(s.get("filter"), event)
                for s in webhook["subscriptions"]
            )
            webhook_id = webhook["id"]["webhook_id"]
            secret = store.webhook_secrets.get(webhook_id)
            if not subscribed or not secret:
                continue
            body = json.dumps(
                {"webhook_id": webhook_id, "events": [event]}, separators=(",", ":")
            ).encode()
            signature = _signature(body, secret)
            headers = {
                "Content-Type": "application/json",
                "Attio-Signature": signature,
                "X-Attio-Signature": signature,
                "Idempotency-Key": store.new_id(),
            }
            made.append(FakeDelivery(webhook_id, webhook["target_url"], body, headers))
    return made
