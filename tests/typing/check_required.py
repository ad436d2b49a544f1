"""Fields Attio always sends are not ``Optional``, checked by mypy (not run): ``mypy --strict
attio tests`` in CI.

A read-model field is required when the OpenAPI spec requires it and every recorded real
response has it (tests/test_required_fields.py checks the models against both). Each
``assert_type`` pins the exact type mypy sees; a field the spec allows to be ``null`` stays
``X | None`` (but is still always present). Each ``# type: ignore[code]`` line is a mistake mypy
must report: ``--strict`` includes ``warn_unused_ignores``, so if a field went back to
``Optional`` (or a model could be built without it) the ignore would be unused and CI would fail.
"""

from __future__ import annotations

from typing import Any

from typing_extensions import assert_type

import attio
from attio.attributes import AttributeConfig, AttributeRelationship, CurrencyConfig
from attio.call_recordings import TranscriptSegment
from attio.meetings import MeetingParticipant
from attio.notes import NoteTag
from attio.tasks import TaskAssignee, TaskLinkedRecord


def records_and_entries(record: attio.Record, entry: attio.Entry) -> None:
    assert_type(record.id.record_id, str)
    assert_type(record.id.object_id, str)
    assert_type(record.created_at, attio.Timestamp)
    assert_type(record.web_url, str | None)  # 2024-era records have no web_url
    assert_type(entry.id.entry_id, str)
    assert_type(entry.parent_record_id, str)
    assert_type(entry.parent_object, str)
    assert_type(entry.created_at, attio.Timestamp)


def record_entries_and_search(hit: attio.SearchResult, link: attio.RecordEntry) -> None:
    assert_type(hit.record_text, str)
    assert_type(hit.object_slug, str)
    assert_type(hit.record_image, str | None)
    assert_type(link.list_id, str)
    assert_type(link.list_api_slug, str)
    assert_type(link.entry_id, str)
    assert_type(link.created_at, attio.Timestamp)


def objects_and_attributes(obj: attio.Object, attribute: attio.Attribute) -> None:
    assert_type(obj.id.object_id, str)
    assert_type(obj.api_slug, str | None)  # required, but null in the spec
    assert_type(obj.created_at, attio.Timestamp)
    assert_type(attribute.id.attribute_id, str)
    assert_type(attribute.api_slug, str)
    assert_type(attribute.title, str)
    assert_type(attribute.description, str | None)
    assert_type(attribute.is_multiselect, bool)
    assert_type(attribute.is_writable, bool)
    assert_type(attribute.is_archived, bool)
    assert_type(attribute.created_at, attio.Timestamp)
    assert_type(attribute.config, AttributeConfig)
    assert_type(attribute.config.currency, CurrencyConfig)
    assert_type(attribute.config.currency.default_currency_code, str | None)
    assert_type(attribute.config.record_reference.allowed_object_ids, list[str] | None)
    assert_type(attribute.relationship, AttributeRelationship | None)
    if attribute.relationship is not None:
        assert_type(attribute.relationship.id.attribute_id, str)
        assert_type(attribute.relationship.api_slug, str | None)  # absent in some real answers
    if attribute.default_value is not None:
        assert_type(attribute.default_value.template, Any)


def options_and_statuses(option: attio.SelectOption, status: attio.Status) -> None:
    assert_type(option.title, str)
    assert_type(option.is_archived, bool)
    assert_type(status.title, str)
    assert_type(status.celebration_enabled, bool)
    assert_type(status.target_time_in_status, str | None)


def lists_and_members(lst: attio.List, member: attio.WorkspaceMember) -> None:
    assert_type(lst.api_slug, str)
    assert_type(lst.name, str)
    assert_type(lst.parent_object, list[str])
    assert_type(lst.workspace_member_access, list[attio.ListMemberAccess])
    assert_type(lst.workspace_member_access[0].workspace_member_id, str)
    assert_type(lst.created_by_actor, attio.Actor)
    assert_type(lst.created_by_actor.id, str | None)  # system actors have no id
    assert_type(lst.created_at, attio.Timestamp)
    assert_type(member.email_address, str)
    assert_type(member.first_name, str)
    assert_type(member.avatar_url, str | None)
    assert_type(member.created_at, attio.Timestamp)


def notes_and_tasks(note: attio.Note, task: attio.Task) -> None:
    assert_type(note.title, str)
    assert_type(note.parent_record_id, str)
    assert_type(note.content_plaintext, str)
    assert_type(note.content_markdown, str)
    assert_type(note.tags, list[NoteTag])
    assert_type(note.created_by_actor, attio.Actor)
    assert_type(note.meeting_id, str | None)  # absent in real answers
    assert_type(task.content_plaintext, str)
    assert_type(task.is_completed, bool)
    assert_type(task.deadline_at, attio.Timestamp | None)
    assert_type(task.linked_records, list[TaskLinkedRecord])
    assert_type(task.linked_records[0].target_record_id, str)
    assert_type(task.assignees, list[TaskAssignee])
    assert_type(task.assignees[0].referenced_actor_id, str)
    assert_type(task.created_at, attio.Timestamp)


def meetings_and_recordings(
    meeting: attio.Meeting, recording: attio.CallRecording, transcript: attio.Transcript
) -> None:
    assert_type(meeting.title, str)
    assert_type(meeting.is_all_day, bool)
    assert_type(meeting.start, attio.MeetingTime)
    assert_type(meeting.participants, list[MeetingParticipant])
    assert_type(meeting.participants[0].is_organizer, bool)
    assert_type(meeting.participants[0].email_address, str | None)
    assert_type(meeting.linked_records[0].record_id, str)
    assert_type(recording.web_url, str)
    assert_type(recording.created_at, attio.Timestamp)
    assert_type(transcript.transcript, list[TranscriptSegment])
    assert_type(transcript.transcript[0].speech, str)
    assert_type(transcript.transcript[0].speaker.name, str)
    assert_type(transcript.raw_transcript, str)


def threads_and_comments(thread: attio.Thread, comment: attio.Comment) -> None:
    assert_type(thread.comments, list[attio.Comment])
    assert_type(thread.created_at, attio.Timestamp)
    assert_type(comment.thread_id, str)
    assert_type(comment.content_plaintext, str)
    assert_type(comment.record.record_id, str)
    assert_type(comment.author, attio.Actor)
    assert_type(comment.resolved_at, attio.Timestamp | None)
    if comment.entry is not None:
        assert_type(comment.entry.list_id, str)


def webhooks(webhook: attio.Webhook) -> None:
    assert_type(webhook.target_url, str)
    assert_type(webhook.subscriptions, list[attio.WebhookSubscription])
    assert_type(webhook.created_at, attio.Timestamp)
    assert_type(webhook.secret, str | None)  # only in the answer of create


def building_a_model_needs_its_required_fields(
    ids: attio.RecordId, at: attio.Timestamp, actor: attio.Actor
) -> None:
    attio.Record(id=ids, created_at=at)
    attio.Record(id=ids)  # type: ignore[call-arg]
    attio.ListMemberAccess(workspace_member_id="m", level="full-access")
    attio.ListMemberAccess(level="full-access")  # type: ignore[call-arg]


def narrowing_is_no_longer_needed(record: attio.Record, task: attio.Task) -> None:
    # These were ``str | None``: the code below had to narrow first.
    text: str = record.id.record_id + task.content_plaintext
    stamp: attio.Timestamp = record.created_at
    done: bool = task.is_completed
    del text, stamp, done
    wrong: int = task.content_plaintext  # type: ignore[assignment]
    del wrong
