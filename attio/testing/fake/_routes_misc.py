"""Routes for notes, tasks, threads, comments, webhooks, meetings and call recordings."""

from __future__ import annotations

import copy
import re

from ._errors import bad_request, not_found, validation
from ._router import Ctx, Reply, route
from ._store import Store
from ._util import (
    JSON,
    check_fields,
    cursor_page,
    data_of,
    int_param,
    iso,
    parse_timestamp,
    query_bool,
    window,
)

EVENT_TYPES = (
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
)


def _get(items: dict[str, JSON], item_id: str, message: str) -> JSON:
    item = items.get(item_id)
    if item is None:
        raise not_found(message.format(item_id))
    return item


def _plaintext(markdown: str) -> str:
    text = re.sub(r"^\s{0,3}(#{1,3}|[-*+]|\d+\.)\s+", "", markdown, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__|\*|_|~~|`)(.+?)\1", r"\2", text)
    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)


# ---------------------------------------------------------------------- notes


@route("GET", "/v2/notes")
def list_notes(ctx: Ctx) -> Reply:
    limit = int_param(ctx.q("limit"), "limit", default=10, minimum=1, maximum=50)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    parent_object, parent_record = ctx.q("parent_object"), ctx.q("parent_record_id")
    notes = list(ctx.store.notes.values())
    if parent_object is not None:
        obj = ctx.store.object(parent_object)
        notes = [n for n in notes if n["parent_object"] == obj["api_slug"]]
    if parent_record is not None:
        notes = [n for n in notes if n["parent_record_id"] == parent_record]
    return 200, {"data": copy.deepcopy(window(notes, limit, offset))}


@route("POST", "/v2/notes")
def create_note(ctx: Ctx) -> Reply:
    store = ctx.store
    data = data_of(ctx.body)
    check_fields(
        data,
        {
            "parent_object": "string",
            "parent_record_id": "string",
            "title": "string",
            "format": "string",
            "content": "string",
        },
        {"created_at": "string", "meeting_id": "string|null"},
    )
    if data["format"] not in ("plaintext", "markdown"):
        raise validation(
            "Body payload validation error.",
            [
                {
                    "code": "invalid_enum_value",
                    "path": ["data", "format"],
                    "message": "Invalid enum value. Expected 'plaintext' | 'markdown'",
                    "received": data["format"],
                    "options": ["plaintext", "markdown"],
                }
            ],
        )
    obj = store.object(data["parent_object"])
    store.record_state(obj, data["parent_record_id"])
    meeting_id = data.get("meeting_id")
    if meeting_id is not None and meeting_id not in store.meetings:
        raise bad_request("value_not_found", f'Meeting with ID "{meeting_id}" was not found.')
    created = parse_timestamp(data["created_at"]) if "created_at" in data else None
    content = data["content"]
    note_id = store.new_id()
    note = {
        "id": {"workspace_id": store.workspace_id, "note_id": note_id},
        "parent_object": obj["api_slug"],
        "parent_record_id": data["parent_record_id"],
        "title": data["title"],
        "meeting_id": meeting_id,
        "content_plaintext": _plaintext(content) if data["format"] == "markdown" else content,
        "content_markdown": content,
        "tags": [],
        "created_by_actor": dict(store.actor),
        "created_at": iso(created) if created else store.now(),
    }
    store.notes[note_id] = note
    return 200, {"data": copy.deepcopy(note)}


@route("GET", "/v2/notes/{note_id}")
def get_note(ctx: Ctx, note_id: str) -> Reply:
    return 200, {
        "data": copy.deepcopy(_get(ctx.store.notes, note_id, 'Note with ID "{}" was not found.'))
    }


@route("DELETE", "/v2/notes/{note_id}")
def delete_note(ctx: Ctx, note_id: str) -> Reply:
    _get(ctx.store.notes, note_id, 'Note with ID "{}" was not found.')
    del ctx.store.notes[note_id]
    return 200, {}


# ---------------------------------------------------------------------- tasks


def _linked_records(store: Store, items: list[JSON]) -> list[JSON]:
    linked = []
    for item in items:
        if not isinstance(item, dict) or "target_object" not in item:
            raise validation("Each linked record needs a target_object.")
        attr = {
            "api_slug": "linked_records",
            "config": {"record_reference": {"allowed_object_ids": None}},
        }
        ref = store.resolve_reference(attr, item)
        obj = store.object(ref["target_object"])
        linked.append(
            {
                "target_object_id": obj["id"]["object_id"],
                "target_record_id": ref["target_record_id"],
            }
        )
    return linked


def _assignees(store: Store, items: list[JSON]) -> list[JSON]:
    result = []
    for item in items:
        attr = {"api_slug": "assignees"}
        ref = store.resolve_actor(attr, item)
        result.append(ref)
    return result


@route("GET", "/v2/tasks")
def list_tasks(ctx: Ctx) -> Reply:
    store = ctx.store
    limit = int_param(ctx.q("limit"), "limit", default=500, minimum=1)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    tasks = list(store.tasks.values())
    sort = ctx.q("sort")
    if sort is not None:
        field, _, direction = sort.partition(":")
        if field not in ("created_at", "completed_at") or direction not in ("asc", "desc"):
            raise validation(f'Invalid sort "{sort}".')
        present = [t for t in tasks if t.get(field)]
        present.sort(key=lambda t: t[field], reverse=direction == "desc")
        tasks = present + [t for t in tasks if not t.get(field)]
    linked_object, linked_record = ctx.q("linked_object"), ctx.q("linked_record_id")
    if linked_object is not None:
        object_id = store.object(linked_object)["id"]["object_id"]
        tasks = [
            t for t in tasks if any(r["target_object_id"] == object_id for r in t["linked_records"])
        ]
    if linked_record is not None:
        tasks = [
            t
            for t in tasks
            if any(r["target_record_id"] == linked_record for r in t["linked_records"])
        ]
    assignee = ctx.q("assignee")
    if assignee == "null":
        tasks = [t for t in tasks if not t["assignees"]]
    elif assignee is not None:
        member_id = store.member_by_email(assignee) if "@" in assignee else assignee
        tasks = [
            t for t in tasks if any(a["referenced_actor_id"] == member_id for a in t["assignees"])
        ]
    completed = query_bool(ctx.q("is_completed"), "is_completed")
    if completed is not None:
        tasks = [t for t in tasks if t["is_completed"] == completed]
    return 200, {"data": copy.deepcopy(window(tasks, limit, offset))}


def _deadline(value: str | None) -> str | None:
    if value is None:
        return None
    moment = parse_timestamp(value)
    if moment is None:
        raise validation(f'Invalid deadline_at "{value}".')
    return iso(moment)


@route("POST", "/v2/tasks")
def create_task(ctx: Ctx) -> Reply:
    store = ctx.store
    data = data_of(ctx.body)
    check_fields(
        data,
        {
            "content": "string",
            "format": "string",
            "deadline_at": "string|null",
            "is_completed": "boolean",
            "linked_records": "array",
            "assignees": "array",
        },
    )
    if data["format"] != "plaintext":
        raise validation('Tasks only support format "plaintext".')
    if len(data["content"]) > 2000:
        raise validation("Task content must be at most 2000 characters long.")
    now = store.now()
    task_id = store.new_id()
    task = {
        "id": {"workspace_id": store.workspace_id, "task_id": task_id},
        "content_plaintext": data["content"],
        "deadline_at": _deadline(data["deadline_at"]),
        "is_completed": data["is_completed"],
        "completed_at": now if data["is_completed"] else None,
        "linked_records": _linked_records(store, data["linked_records"]),
        "assignees": _assignees(store, data["assignees"]),
        "created_by_actor": dict(store.actor),
        "created_at": now,
    }
    store.tasks[task_id] = task
    return 200, {"data": copy.deepcopy(task)}


_TASK_404 = 'Could not find Task with ID "{}".'


@route("GET", "/v2/tasks/{task_id}")
def get_task(ctx: Ctx, task_id: str) -> Reply:
    return 200, {"data": copy.deepcopy(_get(ctx.store.tasks, task_id, _TASK_404))}


@route("PATCH", "/v2/tasks/{task_id}")
def update_task(ctx: Ctx, task_id: str) -> Reply:
    store = ctx.store
    task = _get(store.tasks, task_id, _TASK_404)
    data = data_of(ctx.body)
    if "content" in data:
        raise validation("The content of a task cannot be updated.")
    check_fields(
        data,
        {},
        {
            "deadline_at": "string|null",
            "is_completed": "boolean",
            "linked_records": "array",
            "assignees": "array",
        },
    )
    changes: JSON = {}
    if "deadline_at" in data:
        changes["deadline_at"] = _deadline(data["deadline_at"])
    if "linked_records" in data:
        changes["linked_records"] = _linked_records(store, data["linked_records"])
    if "assignees" in data:
        changes["assignees"] = _assignees(store, data["assignees"])
    if "is_completed" in data:
        changes["is_completed"] = data["is_completed"]
        if data["is_completed"] != task["is_completed"]:
            changes["completed_at"] = store.now() if data["is_completed"] else None
    task.update(changes)
    return 200, {"data": copy.deepcopy(task)}


@route("DELETE", "/v2/tasks/{task_id}")
def delete_task(ctx: Ctx, task_id: str) -> Reply:
    _get(ctx.store.tasks, task_id, _TASK_404)
    del ctx.store.tasks[task_id]
    return 200, {}


# ---------------------------------------------------------------------- threads and comments


def render_thread(store: Store, thread: JSON) -> JSON:
    """A thread with its comments, oldest first."""
    return {
        "id": dict(thread["id"]),
        "comments": [copy.deepcopy(store.comments[c]) for c in thread["comment_ids"]],
        "created_at": thread["created_at"],
    }


@route("GET", "/v2/threads")
def list_threads(ctx: Ctx) -> Reply:
    store = ctx.store
    limit = int_param(ctx.q("limit"), "limit", default=10, minimum=1, maximum=50)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    record_id, object_ = ctx.q("record_id"), ctx.q("object")
    entry_id, list_ = ctx.q("entry_id"), ctx.q("list")
    if (record_id is None) != (object_ is None) or (entry_id is None) != (list_ is None):
        raise validation("Pass record_id together with object, or entry_id together with list.")
    threads = list(store.threads.values())
    if record_id is not None and object_ is not None:
        object_id = store.object(object_)["id"]["object_id"]
        threads = [
            t for t in threads if t["record"] == {"record_id": record_id, "object_id": object_id}
        ]
    if entry_id is not None and list_ is not None:
        list_id = store.get_list(list_)["id"]["list_id"]
        threads = [t for t in threads if t["entry"] == {"entry_id": entry_id, "list_id": list_id}]
    page = window(threads, limit, offset)
    return 200, {"data": [render_thread(store, t) for t in page]}


@route("GET", "/v2/threads/{thread_id}")
def get_thread(ctx: Ctx, thread_id: str) -> Reply:
    thread = _get(ctx.store.threads, thread_id, 'Thread with ID "{}" was not found.')
    return 200, {"data": render_thread(ctx.store, thread)}


@route("POST", "/v2/comments")
def create_comment(ctx: Ctx) -> Reply:
    store = ctx.store
    data = data_of(ctx.body)
    check_fields(
        data,
        {"format": "string", "content": "string", "author": "object"},
        {"created_at": "string", "thread_id": "string", "record": "object", "entry": "object"},
    )
    targets = [k for k in ("thread_id", "record", "entry") if k in data]
    if len(targets) != 1:
        raise validation("Exactly one of thread_id, record or entry must be given.")
    author = data["author"]
    if author.get("type") != "workspace-member" or author.get("id") not in store.members:
        raise bad_request(
            "value_not_found", f'Workspace member with ID "{author.get("id")}" not found.'
        )
    now = store.now()
    if "thread_id" in data:
        thread = store.threads.get(data["thread_id"])
        if thread is None:
            raise bad_request(
                "value_not_found",
                "The referenced Thread could not be found, it might have been deleted.",
            )
    else:
        if "record" in data:
            obj, state = store.parent_record(
                data["record"].get("object"), data["record"].get("record_id")
            )
            record = {"record_id": state["id"]["record_id"], "object_id": obj["id"]["object_id"]}
            entry = None
        else:
            lst = store.get_list(str(data["entry"].get("list")))
            entry_state = store.entry_state(lst, str(data["entry"].get("entry_id")))
            obj = store.object(entry_state["parent_object"])
            record = {
                "record_id": entry_state["parent_record_id"],
                "object_id": obj["id"]["object_id"],
            }
            entry = {"entry_id": entry_state["id"]["entry_id"], "list_id": lst["id"]["list_id"]}
        thread_id = store.new_id()
        thread = {
            "id": {"workspace_id": store.workspace_id, "thread_id": thread_id},
            "comment_ids": [],
            "record": record,
            "entry": entry,
            "created_at": now,
        }
        store.threads[thread_id] = thread
    created = parse_timestamp(data["created_at"]) if "created_at" in data else None
    comment_id = store.new_id()
    comment = {
        "id": {"workspace_id": store.workspace_id, "comment_id": comment_id},
        "thread_id": thread["id"]["thread_id"],
        "content_plaintext": data["content"],
        "entry": copy.deepcopy(thread["entry"]),
        "record": copy.deepcopy(thread["record"]),
        "resolved_at": None,
        "resolved_by": {"type": None, "id": None},
        "created_at": iso(created) if created else now,
        "author": {"type": "workspace-member", "id": author["id"]},
    }
    store.comments[comment_id] = comment
    thread["comment_ids"].append(comment_id)
    return 200, {"data": copy.deepcopy(comment)}


@route("GET", "/v2/comments/{comment_id}")
def get_comment(ctx: Ctx, comment_id: str) -> Reply:
    comment = _get(ctx.store.comments, comment_id, 'Comment with ID "{}" was not found.')
    return 200, {"data": copy.deepcopy(comment)}


@route("DELETE", "/v2/comments/{comment_id}")
def delete_comment(ctx: Ctx, comment_id: str) -> Reply:
    store = ctx.store
    comment = _get(store.comments, comment_id, 'Could not find Comment with ID "{}".')
    thread = store.threads[comment["thread_id"]]
    if thread["comment_ids"][0] == comment_id:  # deleting the head deletes the thread
        for other in thread["comment_ids"]:
            store.comments.pop(other, None)
        del store.threads[comment["thread_id"]]
    else:
        thread["comment_ids"].remove(comment_id)
        del store.comments[comment_id]
    return 200, {}


# ---------------------------------------------------------------------- webhooks


def _subscriptions(items: list[JSON]) -> list[JSON]:
    result = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or item.get("event_type") not in EVENT_TYPES:
            raise validation(
                "Body payload validation error.",
                [
                    {
                        "code": "invalid_enum_value",
                        "path": ["data", "subscriptions", index, "event_type"],
                        "message": "Invalid enum value.",
                        "received": item.get("event_type") if isinstance(item, dict) else None,
                        "options": list(EVENT_TYPES),
                    }
                ],
            )
        result.append({"event_type": item["event_type"], "filter": item.get("filter")})
    return result


def _target_url(url: str) -> str:
    if not url.startswith("https://"):
        raise validation(
            "Body payload validation error.",
            [
                {
                    "validation": "regex",
                    "code": "invalid_string",
                    "message": "Invalid",
                    "path": ["data", "target_url"],
                }
            ],
        )
    return url


@route("GET", "/v2/webhooks")
def list_webhooks(ctx: Ctx) -> Reply:
    limit = int_param(ctx.q("limit"), "limit", default=10, minimum=10, maximum=100)
    offset = int_param(ctx.q("offset"), "offset", default=0)
    return 200, {"data": copy.deepcopy(window(list(ctx.store.webhooks.values()), limit, offset))}


@route("POST", "/v2/webhooks")
def create_webhook(ctx: Ctx) -> Reply:
    store = ctx.store
    data = data_of(ctx.body)
    check_fields(data, {"target_url": "string", "subscriptions": "array"})
    webhook_id = store.new_id()
    webhook = {
        "id": {"workspace_id": store.workspace_id, "webhook_id": webhook_id},
        "target_url": _target_url(data["target_url"]),
        "subscriptions": _subscriptions(data["subscriptions"]),
        "status": "active",
        "created_at": store.now(),
    }
    store.webhooks[webhook_id] = webhook
    return 200, {"data": {**copy.deepcopy(webhook), "secret": store.ids.hex(32)}}


_WEBHOOK_404 = 'Webhook with ID "{}" was not found.'


@route("GET", "/v2/webhooks/{webhook_id}")
def get_webhook(ctx: Ctx, webhook_id: str) -> Reply:
    return 200, {"data": copy.deepcopy(_get(ctx.store.webhooks, webhook_id, _WEBHOOK_404))}


@route("PATCH", "/v2/webhooks/{webhook_id}")
def update_webhook(ctx: Ctx, webhook_id: str) -> Reply:
    webhook = _get(ctx.store.webhooks, webhook_id, _WEBHOOK_404)
    data = data_of(ctx.body)
    check_fields(data, {}, {"target_url": "string", "subscriptions": "array"})
    if "target_url" in data:
        webhook["target_url"] = _target_url(data["target_url"])
    if "subscriptions" in data:
        webhook["subscriptions"] = _subscriptions(data["subscriptions"])
    return 200, {"data": copy.deepcopy(webhook)}


@route("DELETE", "/v2/webhooks/{webhook_id}")
def delete_webhook(ctx: Ctx, webhook_id: str) -> Reply:
    _get(ctx.store.webhooks, webhook_id, "Webhook not found")
    del ctx.store.webhooks[webhook_id]
    return 200, {}


# ---------------------------------------------------------------------- meetings


def _when(value: JSON, name: str) -> JSON:
    if "date" in value:
        return {"date": value["date"]}
    if "datetime" in value:
        return {"datetime": value["datetime"], "timezone": value.get("timezone")}
    raise validation(f"{name} needs a datetime or a date.")


def _sort_instant(meeting: JSON) -> str:
    start = meeting["start"]
    moment = parse_timestamp(start.get("datetime") or start.get("date") or "")
    return iso(moment) if moment else ""


@route("GET", "/v2/meetings")
def list_meetings(ctx: Ctx) -> Reply:
    store = ctx.store
    limit = int_param(ctx.q("limit"), "limit", default=50, minimum=1, maximum=200)
    assert limit is not None
    meetings = list(store.meetings.values())
    linked_object, linked_record = ctx.q("linked_object"), ctx.q("linked_record_id")
    if linked_object is not None:
        object_id = store.object(linked_object)["id"]["object_id"]
        meetings = [
            m for m in meetings if any(r["object_id"] == object_id for r in m["linked_records"])
        ]
    if linked_record is not None:
        meetings = [
            m for m in meetings if any(r["record_id"] == linked_record for r in m["linked_records"])
        ]
    participants = ctx.q("participants")
    if participants:
        emails = {e.strip().lower() for e in participants.split(",")}
        meetings = [
            m
            for m in meetings
            if emails & {(p["email_address"] or "").lower() for p in m["participants"]}
        ]
    ends_from, starts_before = ctx.q("ends_from"), ctx.q("starts_before")
    if ends_from:
        bound = parse_timestamp(ends_from)
        meetings = [m for m in meetings if bound is None or _end_instant(m) >= iso(bound)]
    if starts_before:
        bound = parse_timestamp(starts_before)
        meetings = [m for m in meetings if bound is None or _sort_instant(m) < iso(bound)]
    sort = ctx.q("sort") or "start_asc"
    if sort not in ("start_asc", "start_desc"):
        raise validation(f'Invalid sort "{sort}".')
    meetings.sort(key=_sort_instant, reverse=sort == "start_desc")
    return 200, cursor_page(copy.deepcopy(meetings), limit, ctx.q("cursor"))


def _end_instant(meeting: JSON) -> str:
    end = meeting["end"]
    moment = parse_timestamp(end.get("datetime") or end.get("date") or "")
    return iso(moment) if moment else ""


@route("POST", "/v2/meetings")
def create_meeting(ctx: Ctx) -> Reply:
    store = ctx.store
    data = data_of(ctx.body)
    check_fields(
        data,
        {
            "title": "string",
            "description": "string",
            "start": "object",
            "end": "object",
            "is_all_day": "boolean",
            "participants": "array",
            "external_ref": "string|object",
        },
        {"linked_records": "array"},
    )
    if not data["participants"]:
        raise validation("No participants were provided.")
    ref = data["external_ref"]
    for meeting in store.meetings.values():  # find-or-create by external reference
        if meeting["_external_ref"] == ref:
            return 200, {"data": _public(meeting)}
    linked = []
    for item in data.get("linked_records", []):
        obj, state = store.parent_record(item.get("object"), item.get("record_id"))
        linked.append(
            {
                "object_slug": obj["api_slug"],
                "object_id": obj["id"]["object_id"],
                "record_id": state["id"]["record_id"],
            }
        )
    meeting_id = store.new_id()
    meeting = {
        "id": {"workspace_id": store.workspace_id, "meeting_id": meeting_id},
        "title": data["title"],
        "description": data["description"],
        "is_all_day": data["is_all_day"],
        "start": _when(data["start"], "start"),
        "end": _when(data["end"], "end"),
        "participants": [
            {
                "status": p.get("status", "pending"),
                "is_organizer": bool(p.get("is_organizer", False)),
                "email_address": (p.get("email_address") or None) and p["email_address"].lower(),
            }
            for p in data["participants"]
        ],
        "linked_records": linked,
        "created_at": store.now(),
        "created_by_actor": dict(store.actor),
        "_external_ref": ref,
    }
    store.meetings[meeting_id] = meeting
    store.recordings[meeting_id] = {}
    return 200, {"data": _public(meeting)}


def _public(meeting: JSON) -> JSON:
    return copy.deepcopy({k: v for k, v in meeting.items() if not k.startswith("_")})


def _meeting(store: Store, meeting_id: str) -> JSON:
    return _get(store.meetings, meeting_id, 'Meeting with ID "{}" was not found.')


@route("GET", "/v2/meetings/{meeting_id}")
def get_meeting(ctx: Ctx, meeting_id: str) -> Reply:
    return 200, {"data": _public(_meeting(ctx.store, meeting_id))}


@route("GET", "/v2/meetings/{meeting_id}/call_recordings")
def list_recordings(ctx: Ctx, meeting_id: str) -> Reply:
    _meeting(ctx.store, meeting_id)
    limit = int_param(ctx.q("limit"), "limit", default=50, minimum=1, maximum=200)
    assert limit is not None
    recordings = list(ctx.store.recordings[meeting_id].values())
    return 200, cursor_page(copy.deepcopy(recordings), limit, ctx.q("cursor"))


@route("POST", "/v2/meetings/{meeting_id}/call_recordings")
def create_recording(ctx: Ctx, meeting_id: str) -> Reply:
    store = ctx.store
    if meeting_id not in store.meetings:
        raise not_found("The referenced meeting was not found.")
    data = data_of(ctx.body)
    check_fields(data, {"video_url": "string"})
    if not data["video_url"].startswith("https://"):
        raise validation("Invalid video URL protocol. Only https is supported")
    recording_id = store.new_id()
    recording = {
        "id": {
            "workspace_id": store.workspace_id,
            "meeting_id": meeting_id,
            "call_recording_id": recording_id,
        },
        "status": "processing",
        "web_url": f"https://app.attio.com/{store.workspace_slug}/calls/{meeting_id}/{recording_id}",
        "created_by_actor": dict(store.actor),
        "created_at": store.now(),
    }
    store.recordings[meeting_id][recording_id] = recording
    store.transcripts[recording_id] = []
    return 200, {"data": copy.deepcopy(recording)}


def _recording(store: Store, meeting_id: str, recording_id: str, message: str) -> JSON:
    _meeting(store, meeting_id)
    return _get(store.recordings[meeting_id], recording_id, message)


@route("GET", "/v2/meetings/{meeting_id}/call_recordings/{recording_id}")
def get_recording(ctx: Ctx, meeting_id: str, recording_id: str) -> Reply:
    recording = _recording(
        ctx.store, meeting_id, recording_id, 'Call recording with ID "{}" was not found.'
    )
    return 200, {"data": copy.deepcopy(recording)}


@route("DELETE", "/v2/meetings/{meeting_id}/call_recordings/{recording_id}")
def delete_recording(ctx: Ctx, meeting_id: str, recording_id: str) -> Reply:
    _recording(ctx.store, meeting_id, recording_id, "The referenced call recording was not found.")
    del ctx.store.recordings[meeting_id][recording_id]
    ctx.store.transcripts.pop(recording_id, None)
    return 204, None


@route("GET", "/v2/meetings/{meeting_id}/call_recordings/{recording_id}/transcript")
def get_transcript(ctx: Ctx, meeting_id: str, recording_id: str) -> Reply:
    store = ctx.store
    recording = _recording(
        store, meeting_id, recording_id, 'Call recording with ID "{}" was not found.'
    )
    page = cursor_page(store.transcripts[recording_id], store.transcript_page_size, ctx.q("cursor"))
    segments = page["data"]
    return 200, {
        "data": {
            "id": dict(recording["id"]),
            "transcript": copy.deepcopy(segments),
            "raw_transcript": " ".join(s["speech"] for s in segments),
            "web_url": recording["web_url"],
        },
        "pagination": page["pagination"],
    }
