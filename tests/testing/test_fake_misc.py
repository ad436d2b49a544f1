"""Notes, tasks, threads and comments, webhooks, meetings, call recordings and transcripts."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Http, record_id


@pytest.fixture
def person(http: Http) -> dict[str, Any]:
    created: dict[str, Any] = http.create(
        "people", {"name": "Ada Example", "email_addresses": ["ada@x.example"]}
    )
    return created


def _note(person: dict[str, Any], title: str = "Call", **extra: Any) -> dict[str, Any]:
    return {
        "data": {
            "parent_object": "people",
            "parent_record_id": record_id(person),
            "title": title,
            "format": "plaintext",
            "content": "Hello",
            **extra,
        }
    }


def test_notes(http: Http, person: dict[str, Any]) -> None:
    note = http.data("POST", "/v2/notes", _note(person))
    assert list(note) == [
        "id",
        "parent_object",
        "parent_record_id",
        "title",
        "meeting_id",
        "content_plaintext",
        "content_markdown",
        "tags",
        "created_by_actor",
        "created_at",
    ]
    md = http.data(
        "POST",
        "/v2/notes",
        _note(person, "MD", format="markdown", content="# Title\n**bold** text"),
    )
    assert md["content_plaintext"] == "Title\nbold text"
    assert md["content_markdown"] == "# Title\n**bold** text"
    dated = http.data("POST", "/v2/notes", _note(person, "Old", created_at="2020-01-01T00:00:00Z"))
    assert dated["created_at"] == "2020-01-01T00:00:00.000000000Z"
    assert http.data("GET", f"/v2/notes/{note['id']['note_id']}") == note
    assert len(http.data("GET", "/v2/notes")) == 3
    assert (
        len(
            http.data(
                "GET",
                "/v2/notes",
                parent_object="people",
                parent_record_id=record_id(person),
                limit=2,
            )
        )
        == 2
    )
    assert http.data("GET", "/v2/notes", parent_record_id="other") == []
    assert http.error("GET", "/v2/notes", limit=51)[0] == 400
    assert http.ok("DELETE", f"/v2/notes/{note['id']['note_id']}") == {}
    _status, body = http.error("GET", f"/v2/notes/{note['id']['note_id']}")
    assert body["message"] == f'Note with ID "{note["id"]["note_id"]}" was not found.'
    assert http.error("POST", "/v2/notes", _note(person, format="html"))[0] == 400


def test_notes_default_page_is_10(http: Http, person: dict[str, Any]) -> None:
    for n in range(12):
        http.data("POST", "/v2/notes", _note(person, f"N{n}"))
    assert len(http.data("GET", "/v2/notes")) == 10
    assert [n["title"] for n in http.data("GET", "/v2/notes", offset=10)] == ["N10", "N11"]


def _task(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "content": "Follow up",
        "format": "plaintext",
        "deadline_at": None,
        "is_completed": False,
        "linked_records": [],
        "assignees": [],
    }
    return {"data": {**data, **extra}}


def test_tasks(http: Http, fake: Any, person: dict[str, Any]) -> None:
    task = http.data(
        "POST",
        "/v2/tasks",
        _task(
            deadline_at="2030-01-01",
            linked_records=[
                {"target_object": "people", "email_addresses": [{"email_address": "ada@x.example"}]}
            ],
            assignees=[{"workspace_member_email_address": "robin@fake-attio.example"}],
        ),
    )
    people_id = http.data("GET", "/v2/objects/people")["id"]["object_id"]
    assert task["linked_records"] == [
        {"target_object_id": people_id, "target_record_id": record_id(person)}
    ]
    assert task["assignees"] == [
        {"referenced_actor_type": "workspace-member", "referenced_actor_id": fake.member_id}
    ]
    assert task["deadline_at"] == "2030-01-01T00:00:00.000000000Z"
    other = http.data("POST", "/v2/tasks", _task(content="Other", is_completed=True))
    assert [
        t["content_plaintext"] for t in http.data("GET", "/v2/tasks", is_completed="false")
    ] == ["Follow up"]
    assert [t["content_plaintext"] for t in http.data("GET", "/v2/tasks", assignee="null")] == [
        "Other"
    ]
    assert (
        len(
            http.data(
                "GET", "/v2/tasks", linked_object="people", linked_record_id=record_id(person)
            )
        )
        == 1
    )
    assert [
        t["content_plaintext"] for t in http.data("GET", "/v2/tasks", sort="created_at:desc")
    ] == ["Other", "Follow up"]
    path = f"/v2/tasks/{task['id']['task_id']}"
    done = http.data("PATCH", path, {"data": {"is_completed": True}})
    assert done["is_completed"] is True
    assert done["completed_at"] is not None
    assert http.error("PATCH", path, {"data": {"content": "x"}})[0] == 400
    assert http.error("POST", "/v2/tasks", {"data": {"content": "x"}})[0] == 400
    assert http.ok("DELETE", f"/v2/tasks/{other['id']['task_id']}") == {}
    _status, body = http.error("GET", f"/v2/tasks/{other['id']['task_id']}")
    assert body["message"].startswith("Could not find Task")


def _comment(fake: Any, **target: Any) -> dict[str, Any]:
    return {
        "data": {
            "format": "plaintext",
            "content": "Nice",
            "author": {"type": "workspace-member", "id": fake.member_id},
            **target,
        }
    }


def test_comments_create_and_extend_threads(http: Http, fake: Any, person: dict[str, Any]) -> None:
    first = http.data(
        "POST",
        "/v2/comments",
        _comment(fake, record={"object": "people", "record_id": record_id(person)}),
    )
    people_id = http.data("GET", "/v2/objects/people")["id"]["object_id"]
    assert first["record"] == {"record_id": record_id(person), "object_id": people_id}
    assert first["entry"] is None
    assert first["resolved_at"] is None
    reply = http.data("POST", "/v2/comments", _comment(fake, thread_id=first["thread_id"]))
    assert reply["thread_id"] == first["thread_id"]
    thread = http.data("GET", f"/v2/threads/{first['thread_id']}")
    assert [c["id"] for c in thread["comments"]] == [first["id"], reply["id"]]
    listed = http.data("GET", "/v2/threads", record_id=record_id(person), object="people")
    assert [t["id"] for t in listed] == [thread["id"]]
    assert http.error("GET", "/v2/threads", record_id=record_id(person))[0] == 400
    assert http.data("GET", f"/v2/comments/{reply['id']['comment_id']}") == reply
    http.ok("DELETE", f"/v2/comments/{reply['id']['comment_id']}")
    assert len(http.data("GET", f"/v2/threads/{first['thread_id']}")["comments"]) == 1
    http.ok("DELETE", f"/v2/comments/{first['id']['comment_id']}")  # the head: thread goes too
    assert http.error("GET", f"/v2/threads/{first['thread_id']}")[0] == 404


def test_comment_errors_and_entry_threads(http: Http, fake: Any, person: dict[str, Any]) -> None:
    assert http.error("POST", "/v2/comments", _comment(fake))[0] == 400
    both = _comment(
        fake, thread_id="x", record={"object": "people", "record_id": record_id(person)}
    )
    assert http.error("POST", "/v2/comments", both)[0] == 400
    _status, body = http.error("POST", "/v2/comments", _comment(fake, thread_id="missing"))
    assert body["code"] == "value_not_found"
    fake.add_list("people_list", "people")
    entry = fake.add_entry("people_list", record_id(person))
    on_entry = http.data(
        "POST",
        "/v2/comments",
        _comment(fake, entry={"list": "people_list", "entry_id": entry["id"]["entry_id"]}),
    )
    assert on_entry["entry"] == {
        "entry_id": entry["id"]["entry_id"],
        "list_id": entry["id"]["list_id"],
    }
    assert on_entry["record"]["record_id"] == record_id(person)
    assert (
        len(http.data("GET", "/v2/threads", entry_id=entry["id"]["entry_id"], list="people_list"))
        == 1
    )


def test_webhooks(http: Http) -> None:
    subs = [{"event_type": "record.created", "filter": None}]
    created = http.data(
        "POST",
        "/v2/webhooks",
        {"data": {"target_url": "https://hooks.example/x", "subscriptions": subs}},
    )
    assert len(created["secret"]) == 64
    assert created["status"] == "active"
    path = f"/v2/webhooks/{created['id']['webhook_id']}"
    fetched = http.data("GET", path)
    assert "secret" not in fetched
    assert fetched["subscriptions"] == subs
    assert http.data("GET", "/v2/webhooks") == [fetched]
    assert http.error("GET", "/v2/webhooks", limit=5)[0] == 400
    updated = http.data("PATCH", path, {"data": {"target_url": "https://hooks.example/y"}})
    assert updated["target_url"] == "https://hooks.example/y"
    assert (
        http.error(
            "POST", "/v2/webhooks", {"data": {"target_url": "http://x", "subscriptions": subs}}
        )[0]
        == 400
    )
    bad = [{"event_type": "record.exploded", "filter": None}]
    assert (
        http.error(
            "POST", "/v2/webhooks", {"data": {"target_url": "https://x", "subscriptions": bad}}
        )[0]
        == 400
    )
    assert http.ok("DELETE", path) == {}
    assert http.error("DELETE", path)[1]["message"] == "Webhook not found"


def _meeting(n: int, ref: str | None = None) -> dict[str, Any]:
    return {
        "data": {
            "title": f"M{n}",
            "description": "",
            "is_all_day": False,
            "start": {"datetime": f"2024-02-{n + 1:02d}T10:00:00Z", "timezone": "UTC"},
            "end": {"datetime": f"2024-02-{n + 1:02d}T11:00:00Z", "timezone": "UTC"},
            "participants": [
                {"email_address": "ada@x.example", "is_organizer": True, "status": "accepted"}
            ],
            "external_ref": ref or f"ref-{n}",
        }
    }


def test_meetings_with_cursor_pages(http: Http) -> None:
    created = [http.data("POST", "/v2/meetings", _meeting(n)) for n in range(5)]
    again = http.data("POST", "/v2/meetings", _meeting(9, ref="ref-0"))  # find-or-create
    assert again["id"] == created[0]["id"]
    assert "_external_ref" not in again
    page = http.ok("GET", "/v2/meetings", limit=2)
    assert [m["title"] for m in page["data"]] == ["M0", "M1"]
    titles = [m["title"] for m in page["data"]]
    while page["pagination"]["next_cursor"]:
        page = http.ok("GET", "/v2/meetings", limit=2, cursor=page["pagination"]["next_cursor"])
        titles += [m["title"] for m in page["data"]]
    assert titles == ["M0", "M1", "M2", "M3", "M4"]
    desc = http.ok("GET", "/v2/meetings", sort="start_desc")
    assert desc["data"][0]["title"] == "M4"
    assert desc["pagination"]["next_cursor"] is None
    assert http.error("GET", "/v2/meetings", limit=201)[0] == 400
    assert http.error("GET", "/v2/meetings", cursor="garbage")[0] == 400
    assert http.data("GET", f"/v2/meetings/{created[1]['id']['meeting_id']}")["title"] == "M1"
    assert len(http.data("GET", "/v2/meetings", participants="ADA@x.example")) == 5


def test_call_recordings_and_transcript(http: Http, fake: Any) -> None:
    meeting = http.data("POST", "/v2/meetings", _meeting(1))
    base = f"/v2/meetings/{meeting['id']['meeting_id']}/call_recordings"
    assert http.error("POST", base, {"data": {"video_url": "http://x"}})[0] == 400
    rec = http.data("POST", base, {"data": {"video_url": "https://videos.example/1.mp4"}})
    assert rec["status"] == "processing"
    rec_id = rec["id"]["call_recording_id"]
    segments = [
        {"speech": f"s{i}", "start_time": i, "end_time": i + 1, "speaker": {"name": "Ada"}}
        for i in range(5)
    ]
    fake.set_transcript(meeting["id"]["meeting_id"], rec_id, segments)
    fake.store.transcript_page_size = 2
    assert http.data("GET", f"{base}/{rec_id}")["status"] == "completed"
    page = http.ok("GET", f"{base}/{rec_id}/transcript")
    speech = [s["speech"] for s in page["data"]["transcript"]]
    assert page["data"]["raw_transcript"] == "s0 s1"
    while page["pagination"]["next_cursor"]:
        page = http.ok(
            "GET", f"{base}/{rec_id}/transcript", cursor=page["pagination"]["next_cursor"]
        )
        speech += [s["speech"] for s in page["data"]["transcript"]]
    assert speech == ["s0", "s1", "s2", "s3", "s4"]
    listed = http.ok("GET", base)
    assert [r["id"] for r in listed["data"]] == [rec["id"]]
    assert listed["pagination"] == {"next_cursor": None}
    response = http.client.delete(f"{base}/{rec_id}")
    assert response.status_code == 204
    assert response.content == b""
    assert http.error("GET", f"{base}/{rec_id}")[0] == 404
    assert (
        http.error(
            "POST", "/v2/meetings/nope/call_recordings", {"data": {"video_url": "https://x"}}
        )[0]
        == 404
    )
