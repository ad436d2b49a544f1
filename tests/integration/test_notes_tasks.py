"""Notes and tasks on a record, replayed from cassettes."""

from __future__ import annotations

import pytest

import attio

from .conftest import Api

PERSON = {
    "name": [{"first_name": "Katherine", "last_name": "Johnson", "full_name": "Katherine Johnson"}],
    "email_addresses": ["katherine@johnson.example.com"],
}
DEADLINE = "2030-06-01T12:00:00.000000000Z"


async def test_notes_create_get_list_stream_delete(api: Api) -> None:
    person = await api(attio.Record.create, "people", PERSON)
    record_id = person.id.record_id
    try:
        created = []
        for n in range(3):
            note = await api(
                attio.Note.create,
                parent_object="people",
                parent_record_id=record_id,
                title=f"Call {n + 1}",
                content=f"Orbit numbers, part {n + 1}.",
            )
            assert isinstance(note, attio.Note)
            assert note.parent_record_id == record_id
            assert note.title == f"Call {n + 1}"
            assert note.content_plaintext == f"Orbit numbers, part {n + 1}."
            created.append(note)
        markdown = await api(
            attio.Note.create,
            parent_object="people",
            parent_record_id=record_id,
            title="Summary",
            content="# Trajectories\n\n- Mercury\n- Apollo",
            format="markdown",
        )
        assert markdown.content_markdown is not None
        assert "Trajectories" in markdown.content_markdown
        assert "# " not in (markdown.content_plaintext or "")
        created.append(markdown)
        ids = {n.id.note_id for n in created}

        fetched = await api(attio.Note.get, created[0].id.note_id)
        assert fetched.id == created[0].id
        assert fetched.content_plaintext == created[0].content_plaintext

        page = await api(
            attio.Note.list, parent_object="people", parent_record_id=record_id, limit=50
        )
        assert {n.id.note_id for n in page.data} == ids

        streamed = await api.collect(
            attio.Note.stream, parent_object="people", parent_record_id=record_id, page_size=3
        )
        assert sorted(n.id.note_id for n in streamed) == sorted(ids)

        assert await api(attio.Note.delete, created[0].id.note_id) is None
        with pytest.raises(attio.NotFoundError):
            await api(attio.Note.get, created[0].id.note_id)
        left = await api(attio.Note.stream_all, parent_object="people", parent_record_id=record_id)
        assert {n.id.note_id for n in left} == ids - {created[0].id.note_id}
    finally:
        await api(attio.Record.delete, "people", record_id)


async def test_tasks_create_get_update_list_stream_delete(api: Api) -> None:
    meta = await api(attio.Meta.get)
    member_id = meta.authorized_by_workspace_member_id
    assert member_id
    person = await api(attio.Record.create, "people", PERSON)
    record_id = person.id.record_id
    link = {"target_object": "people", "target_record_id": record_id}
    try:
        task = await api(
            attio.Task.create,
            content="Send the launch window figures",
            deadline_at=DEADLINE,
            linked_records=[link],
            assignees=[
                {"referenced_actor_type": "workspace-member", "referenced_actor_id": member_id}
            ],
        )
        other = await api(
            attio.Task.create, content="Check the re-entry angle", linked_records=[link]
        )
        assert isinstance(task, attio.Task)
        assert task.content_plaintext == "Send the launch window figures"
        assert task.is_completed is False
        assert task.deadline_at is not None
        assert task.deadline_at.datetime.isoformat() == "2030-06-01T12:00:00+00:00"
        assert [r.target_record_id for r in task.linked_records or []] == [record_id]
        assert [a.referenced_actor_id for a in task.assignees or []] == [member_id]
        assert other.deadline_at is None
        assert other.assignees == []

        fetched = await api(attio.Task.get, task.id.task_id)
        assert fetched.id == task.id
        assert fetched.deadline_at == task.deadline_at

        done = await api(attio.Task.update, task.id.task_id, is_completed=True)
        assert done.is_completed is True
        assert done.content_plaintext == task.content_plaintext

        linked = await api(
            attio.Task.list,
            linked_object="people",
            linked_record_id=record_id,
            sort="created_at:asc",
        )
        assert [t.id.task_id for t in linked.data] == [task.id.task_id, other.id.task_id]
        open_ones = await api(
            attio.Task.list,
            linked_object="people",
            linked_record_id=record_id,
            is_completed=False,
        )
        assert [t.id.task_id for t in open_ones.data] == [other.id.task_id]

        streamed = await api.collect(
            attio.Task.stream,
            linked_object="people",
            linked_record_id=record_id,
            sort="created_at:desc",
            page_size=1,
        )
        assert [t.id.task_id for t in streamed] == [other.id.task_id, task.id.task_id]

        for t in (task, other):
            assert await api(attio.Task.delete, t.id.task_id) is None
        with pytest.raises(attio.NotFoundError):
            await api(attio.Task.get, task.id.task_id)
        assert (
            await api(attio.Task.stream_all, linked_object="people", linked_record_id=record_id)
            == []
        )
    finally:
        await api(attio.Record.delete, "people", record_id)
