"""FakeAttio's workspace state: the schema and records (see ``_schema`` and
``_records_store``) plus members, notes, tasks, threads, comments, webhooks and meetings."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from attio.webhooks import WEBHOOK_EVENT_TYPES

from . import _seed
from ._errors import bad_request, enum_issue, not_found, type_issue, validation
from ._files_store import FilesStore
from ._records_store import RecordsStore, active
from ._schema import NULL_CONFIG, Schema
from ._util import JSON, IdGenerator, iso, parse_timestamp, type_name

__all__ = ["NULL_CONFIG", "RecordsStore", "Schema", "Store", "active"]


_TASK_404 = 'Could not find Task with ID "{}".'


def _get(items: dict[str, JSON], item_id: str, message: str) -> JSON:
    item = items.get(item_id)
    if item is None:
        raise not_found(message.format(item_id))
    return item


def _plaintext(markdown: str) -> str:
    text = re.sub(r"^\s{0,3}(#{1,3}|[-*+]|\d+\.)\s+", "", markdown, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__|\*|_|~~|`)(.+?)\1", r"\2", text)
    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)


def _deadline(value: str | None) -> str | None:
    if value is None:
        return None
    moment = parse_timestamp(value)
    if moment is None:
        raise validation(f'Invalid deadline_at "{value}".')
    return iso(moment)


WEBHOOK_FILTER_OPERATORS = ["equals", "not_equals"]


def _filter_issues(flt: Any, where: list[str | int]) -> list[JSON]:
    """The zod-style problems of a subscription ``filter`` (the spec's shape: ``null`` or
    ``{"$and" | "$or": [{field: string, operator: equals | not_equals, value: string}]}``)."""
    if flt is None:
        return []
    if not isinstance(flt, dict):
        return [type_issue(where, "object", type_name(flt))]
    kinds = [key for key in ("$and", "$or") if key in flt]
    if len(kinds) != 1:
        return [
            {
                "code": "invalid_union",
                "path": where,
                "message": 'A filter is null or an object with exactly one of "$and" and "$or".',
            }
        ]
    items = flt[kinds[0]]
    if not isinstance(items, list):
        return [type_issue([*where, kinds[0]], "array", type_name(items))]
    issues: list[JSON] = []
    for index, item in enumerate(items):
        at: list[str | int] = [*where, kinds[0], index]
        if not isinstance(item, dict):
            issues.append(type_issue(at, "object", type_name(item)))
            continue
        for key in ("field", "value"):
            if not isinstance(item.get(key), str):
                received = "undefined" if key not in item else type_name(item[key])
                issues.append(type_issue([*at, key], "string", received))
        operator = item.get("operator")
        if not isinstance(operator, str):
            received = "undefined" if "operator" not in item else type_name(operator)
            expected = " | ".join(f"'{o}'" for o in WEBHOOK_FILTER_OPERATORS)
            issues.append(type_issue([*at, "operator"], expected, received))
        elif operator not in WEBHOOK_FILTER_OPERATORS:
            issues.append(enum_issue([*at, "operator"], WEBHOOK_FILTER_OPERATORS, operator))
    return issues


def _subscriptions(items: list[JSON]) -> list[JSON]:
    result = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or item.get("event_type") not in WEBHOOK_EVENT_TYPES:
            raise validation(
                "Body payload validation error.",
                [
                    {
                        "code": "invalid_enum_value",
                        "path": ["data", "subscriptions", index, "event_type"],
                        "message": "Invalid enum value.",
                        "received": item.get("event_type") if isinstance(item, dict) else None,
                        "options": list(WEBHOOK_EVENT_TYPES),
                    }
                ],
            )
        where: list[str | int] = ["data", "subscriptions", index, "filter"]
        issues = (
            [type_issue(where, "object | null", "undefined")]
            if "filter" not in item
            else _filter_issues(item["filter"], where)
        )
        if issues:
            raise validation("Body payload validation error.", issues)
        result.append({"event_type": item["event_type"], "filter": item["filter"]})
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


def _when(value: JSON, name: str) -> JSON:
    if "date" in value:
        return {"date": value["date"]}
    if "datetime" in value:
        return {"datetime": value["datetime"], "timezone": value.get("timezone")}
    raise validation(f"{name} needs a datetime or a date.")


class Store(RecordsStore):
    """One in-memory Attio workspace. Not thread-safe by itself: FakeAttio holds a lock."""

    def __init__(self, ids: IdGenerator, clock: Callable[[], datetime]) -> None:
        self.ids = ids
        self.clock = clock
        self.workspace_id = ids.uuid()
        self.workspace_slug = _seed.WORKSPACE_SLUG
        self.workspace_name = _seed.WORKSPACE_NAME
        self.token_id = ids.uuid()
        self.client_id = ids.uuid()
        self.actor: JSON = {"type": "api-token", "id": self.token_id}
        self.objects: dict[str, JSON] = {}
        self.attributes: dict[str, list[JSON]] = {}
        self.attr_index: dict[str, JSON] = {}
        self.options: dict[str, list[JSON]] = {}
        self.statuses: dict[str, list[JSON]] = {}
        self.records: dict[str, dict[str, JSON]] = {}
        self.lists: dict[str, JSON] = {}
        self.entries: dict[str, dict[str, JSON]] = {}
        self.notes: dict[str, JSON] = {}
        self.tasks: dict[str, JSON] = {}
        self.threads: dict[str, JSON] = {}
        self.comments: dict[str, JSON] = {}
        self.webhooks: dict[str, JSON] = {}
        self.members: dict[str, JSON] = {}
        self.meetings: dict[str, JSON] = {}
        self.recordings: dict[str, dict[str, JSON]] = {}
        self.transcripts: dict[str, list[JSON]] = {}
        self.transcript_page_size = 50
        self.views: dict[str, list[JSON]] = {}  # "objects/<object_id>" or "lists/<list_id>"
        self.sql_results: list[tuple[str, list[JSON]]] = []  # (normalised SQL, rows)
        self.files = FilesStore(self)
        self.webhook_secrets: dict[str, str] = {}  # webhook id -> its signing secret
        self.member_id: str = self.add_member(**_seed.MEMBER)["id"]["workspace_member_id"]
        self._seed_objects()

    def add_member(
        self,
        first_name: str,
        last_name: str,
        email_address: str,
        access_level: str = "member",
        avatar_url: str | None = None,
    ) -> JSON:
        """Add a workspace member."""
        member: JSON = {
            "id": {"workspace_id": self.workspace_id, "workspace_member_id": self.new_id()},
            "first_name": first_name,
            "last_name": last_name,
            "avatar_url": avatar_url,
            "email_address": email_address,
            "access_level": access_level,
            "created_at": self.now(),
        }
        self.members[member["id"]["workspace_member_id"]] = member
        return member

    # ------------------------------------------------------------------ notes

    def note(self, note_id: str) -> JSON:
        """The note ``note_id``; Attio's 404 when there is none."""
        return _get(self.notes, note_id, 'Note with ID "{}" was not found.')

    def create_note(self, data: JSON) -> JSON:
        """Create a note from a checked ``POST /v2/notes`` payload."""
        obj = self.object(data["parent_object"])
        self.record_state(obj, data["parent_record_id"])
        meeting_id = data.get("meeting_id")
        if meeting_id is not None and meeting_id not in self.meetings:
            raise bad_request("value_not_found", f'Meeting with ID "{meeting_id}" was not found.')
        created = parse_timestamp(data["created_at"]) if "created_at" in data else None
        content = data["content"]
        note_id = self.new_id()
        note = {
            "id": {"workspace_id": self.workspace_id, "note_id": note_id},
            "parent_object": obj["api_slug"],
            "parent_record_id": data["parent_record_id"],
            "title": data["title"],
            "meeting_id": meeting_id,
            "content_plaintext": _plaintext(content) if data["format"] == "markdown" else content,
            "content_markdown": content,
            "tags": [],
            "created_by_actor": dict(self.actor),
            "created_at": iso(created) if created else self.now(),
        }
        self.notes[note_id] = note
        return note

    def delete_note(self, note_id: str) -> None:
        """Delete the note ``note_id`` (404 when there is none)."""
        self.note(note_id)
        del self.notes[note_id]

    # ------------------------------------------------------------------ tasks

    def task(self, task_id: str) -> JSON:
        """The task ``task_id``; Attio's 404 when there is none."""
        return _get(self.tasks, task_id, _TASK_404)

    def create_task(self, data: JSON) -> JSON:
        """Create a task from a checked ``POST /v2/tasks`` payload."""
        now = self.now()
        task_id = self.new_id()
        task = {
            "id": {"workspace_id": self.workspace_id, "task_id": task_id},
            "content_plaintext": data["content"],
            "deadline_at": _deadline(data["deadline_at"]),
            "is_completed": data["is_completed"],
            "completed_at": now if data["is_completed"] else None,
            "linked_records": self._linked_records(data["linked_records"]),
            "assignees": self._assignees(data["assignees"]),
            "created_by_actor": dict(self.actor),
            "created_at": now,
        }
        self.tasks[task_id] = task
        return task

    def update_task(self, task: JSON, data: JSON) -> JSON:
        """Apply a checked ``PATCH /v2/tasks/{id}`` payload to ``task``."""
        changes: JSON = {}
        if "deadline_at" in data:
            changes["deadline_at"] = _deadline(data["deadline_at"])
        if "linked_records" in data:
            changes["linked_records"] = self._linked_records(data["linked_records"])
        if "assignees" in data:
            changes["assignees"] = self._assignees(data["assignees"])
        if "is_completed" in data:
            changes["is_completed"] = data["is_completed"]
            if data["is_completed"] != task["is_completed"]:
                changes["completed_at"] = self.now() if data["is_completed"] else None
        task.update(changes)
        return task

    def delete_task(self, task_id: str) -> None:
        """Delete the task ``task_id`` (404 when there is none)."""
        self.task(task_id)
        del self.tasks[task_id]

    def _linked_records(self, items: list[JSON]) -> list[JSON]:
        linked = []
        for item in items:
            if not isinstance(item, dict) or "target_object" not in item:
                raise validation("Each linked record needs a target_object.")
            attr = {
                "api_slug": "linked_records",
                "config": {"record_reference": {"allowed_object_ids": None}},
            }
            ref = self.resolve_reference(attr, item)
            obj = self.object(ref["target_object"])
            linked.append(
                {
                    "target_object_id": obj["id"]["object_id"],
                    "target_record_id": ref["target_record_id"],
                }
            )
        return linked

    def _assignees(self, items: list[JSON]) -> list[JSON]:
        result = []
        for item in items:
            attr = {"api_slug": "assignees"}
            ref = self.resolve_actor(attr, item)
            result.append(ref)
        return result

    # ------------------------------------------------------------------ threads and comments

    def thread(self, thread_id: str) -> JSON:
        """The thread ``thread_id``; Attio's 404 when there is none."""
        return _get(self.threads, thread_id, 'Thread with ID "{}" was not found.')

    def render_thread(self, thread: JSON) -> JSON:
        """A thread with its comments, oldest first."""
        return {
            "id": dict(thread["id"]),
            "comments": [copy.deepcopy(self.comments[c]) for c in thread["comment_ids"]],
            "created_at": thread["created_at"],
        }

    def comment(
        self, comment_id: str, message: str = 'Comment with ID "{}" was not found.'
    ) -> JSON:
        """The comment ``comment_id``; Attio's 404 (``message``) when there is none."""
        return _get(self.comments, comment_id, message)

    def create_comment(self, data: JSON) -> JSON:
        """Create a comment (and its thread, unless ``thread_id`` names one) from a checked
        ``POST /v2/comments`` payload."""
        author = data["author"]
        if author.get("type") != "workspace-member" or author.get("id") not in self.members:
            raise bad_request(
                "value_not_found", f'Workspace member with ID "{author.get("id")}" not found.'
            )
        now = self.now()
        if "thread_id" in data:
            thread = self.threads.get(data["thread_id"])
            if thread is None:
                raise bad_request(
                    "value_not_found",
                    "The referenced Thread could not be found, it might have been deleted.",
                )
        else:
            if "record" in data:
                obj, state = self.parent_record(
                    data["record"].get("object"), data["record"].get("record_id")
                )
                record = {
                    "record_id": state["id"]["record_id"],
                    "object_id": obj["id"]["object_id"],
                }
                entry = None
            else:
                lst = self.get_list(str(data["entry"].get("list")))
                entry_state = self.entry_state(lst, str(data["entry"].get("entry_id")))
                obj = self.object(entry_state["parent_object"])
                record = {
                    "record_id": entry_state["parent_record_id"],
                    "object_id": obj["id"]["object_id"],
                }
                entry = {
                    "entry_id": entry_state["id"]["entry_id"],
                    "list_id": lst["id"]["list_id"],
                }
            thread_id = self.new_id()
            thread = {
                "id": {"workspace_id": self.workspace_id, "thread_id": thread_id},
                "comment_ids": [],
                "record": record,
                "entry": entry,
                "created_at": now,
            }
            self.threads[thread_id] = thread
        created = parse_timestamp(data["created_at"]) if "created_at" in data else None
        comment_id = self.new_id()
        comment = {
            "id": {"workspace_id": self.workspace_id, "comment_id": comment_id},
            "thread_id": thread["id"]["thread_id"],
            "content_plaintext": data["content"],
            "entry": copy.deepcopy(thread["entry"]),
            "record": copy.deepcopy(thread["record"]),
            "resolved_at": None,
            "resolved_by": {"type": None, "id": None},
            "created_at": iso(created) if created else now,
            "author": {"type": "workspace-member", "id": author["id"]},
        }
        self.comments[comment_id] = comment
        thread["comment_ids"].append(comment_id)
        return comment

    def delete_comment(self, comment_id: str) -> None:
        """Delete a comment; deleting the head of a thread deletes the whole thread."""
        comment = self.comment(comment_id, 'Could not find Comment with ID "{}".')
        thread = self.threads[comment["thread_id"]]
        if thread["comment_ids"][0] == comment_id:  # deleting the head deletes the thread
            for other in thread["comment_ids"]:
                self.comments.pop(other, None)
            del self.threads[comment["thread_id"]]
        else:
            thread["comment_ids"].remove(comment_id)
            del self.comments[comment_id]

    # ------------------------------------------------------------------ webhooks

    def webhook(
        self, webhook_id: str, message: str = 'Webhook with ID "{}" was not found.'
    ) -> JSON:
        """The webhook ``webhook_id``; Attio's 404 (``message``) when there is none."""
        return _get(self.webhooks, webhook_id, message)

    def create_webhook(self, data: JSON) -> JSON:
        """Create a webhook from a checked ``POST /v2/webhooks`` payload."""
        webhook_id = self.new_id()
        webhook = {
            "id": {"workspace_id": self.workspace_id, "webhook_id": webhook_id},
            "target_url": _target_url(data["target_url"]),
            "subscriptions": _subscriptions(data["subscriptions"]),
            "status": "active",
            "created_at": self.now(),
        }
        self.webhooks[webhook_id] = webhook
        return webhook

    def update_webhook(self, webhook: JSON, data: JSON) -> JSON:
        """Apply a checked ``PATCH /v2/webhooks/{id}`` payload to ``webhook``."""
        if "target_url" in data:
            webhook["target_url"] = _target_url(data["target_url"])
        if "subscriptions" in data:
            webhook["subscriptions"] = _subscriptions(data["subscriptions"])
        return webhook

    def delete_webhook(self, webhook_id: str) -> None:
        """Delete the webhook ``webhook_id`` (404 when there is none)."""
        self.webhook(webhook_id, "Webhook not found")
        del self.webhooks[webhook_id]
        self.webhook_secrets.pop(webhook_id, None)

    # ------------------------------------------------------------------ meetings

    def meeting(self, meeting_id: str) -> JSON:
        """The meeting ``meeting_id``; Attio's 404 when there is none."""
        return _get(self.meetings, meeting_id, 'Meeting with ID "{}" was not found.')

    def find_or_create_meeting(self, data: JSON) -> JSON:
        """The meeting with ``data``'s external reference, created from the checked
        ``POST /v2/meetings`` payload when there is none."""
        ref = data["external_ref"]
        for meeting in self.meetings.values():  # find-or-create by external reference
            if meeting["_external_ref"] == ref:
                return meeting
        linked = []
        for item in data.get("linked_records", []):
            obj, state = self.parent_record(item.get("object"), item.get("record_id"))
            linked.append(
                {
                    "object_slug": obj["api_slug"],
                    "object_id": obj["id"]["object_id"],
                    "record_id": state["id"]["record_id"],
                }
            )
        meeting_id = self.new_id()
        meeting = {
            "id": {"workspace_id": self.workspace_id, "meeting_id": meeting_id},
            "title": data["title"],
            "description": data["description"],
            "is_all_day": data["is_all_day"],
            "start": _when(data["start"], "start"),
            "end": _when(data["end"], "end"),
            "participants": [
                {
                    "status": p.get("status", "pending"),
                    "is_organizer": bool(p.get("is_organizer", False)),
                    "email_address": (p.get("email_address") or None)
                    and p["email_address"].lower(),
                }
                for p in data["participants"]
            ],
            "linked_records": linked,
            "created_at": self.now(),
            "created_by_actor": dict(self.actor),
            "_external_ref": ref,
        }
        self.meetings[meeting_id] = meeting
        self.recordings[meeting_id] = {}
        return meeting

    # ------------------------------------------------------------------ call recordings

    def recording(self, meeting_id: str, recording_id: str, message: str) -> JSON:
        """The call recording ``recording_id`` of the meeting ``meeting_id``; Attio's 404
        (``message`` for the recording) when either is missing."""
        self.meeting(meeting_id)
        return _get(self.recordings[meeting_id], recording_id, message)

    def create_recording(self, meeting_id: str, video_url: str) -> JSON:
        """Add a call recording (status ``processing``, empty transcript) to a meeting."""
        if not video_url.startswith("https://"):
            raise validation("Invalid video URL protocol. Only https is supported")
        recording_id = self.new_id()
        recording = {
            "id": {
                "workspace_id": self.workspace_id,
                "meeting_id": meeting_id,
                "call_recording_id": recording_id,
            },
            "status": "processing",
            "web_url": (
                f"https://app.attio.com/{self.workspace_slug}/calls/{meeting_id}/{recording_id}"
            ),
            "created_by_actor": dict(self.actor),
            "created_at": self.now(),
        }
        self.recordings[meeting_id][recording_id] = recording
        self.transcripts[recording_id] = []
        return recording

    def delete_recording(self, meeting_id: str, recording_id: str) -> None:
        """Delete a call recording and its transcript."""
        self.recording(meeting_id, recording_id, "The referenced call recording was not found.")
        del self.recordings[meeting_id][recording_id]
        self.transcripts.pop(recording_id, None)
