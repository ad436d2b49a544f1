"""Comment threads on a record: start one, reply, list, get, delete."""

from __future__ import annotations

import pytest

import attio

from .conftest import Api

PERSON = {
    "name": [{"first_name": "Dorothy", "last_name": "Vaughan", "full_name": "Dorothy Vaughan"}],
    "email_addresses": ["dorothy@vaughan.example.com"],
}


async def test_thread_on_a_record(api: Api) -> None:
    meta = await api(attio.Meta.get)
    member_id = meta.authorized_by_workspace_member_id
    assert member_id
    person = await api(attio.Record.create, "people", PERSON)
    record_id = person.id.record_id
    try:
        head = await api(
            attio.Comment.create,
            content="Can you check the FORTRAN port?",
            author={"type": "workspace-member", "id": member_id},
            record={"object": "people", "record_id": record_id},
        )
        assert isinstance(head, attio.Comment)
        assert head.content_plaintext == "Can you check the FORTRAN port?"
        assert head.thread_id
        assert head.record is not None
        assert head.record.record_id == record_id
        assert head.author is not None
        assert head.author.id == member_id

        reply = await api(
            attio.Comment.create,
            content="Done, all tests pass.",
            author=member_id,  # a bare member id is accepted too
            thread_id=head.thread_id,
        )
        assert reply.thread_id == head.thread_id
        assert reply.id != head.id

        thread = await api(attio.Thread.get, head.thread_id)
        assert isinstance(thread, attio.Thread)
        assert thread.id.thread_id == head.thread_id
        assert [c.id.comment_id for c in thread.comments or []] == [
            head.id.comment_id,
            reply.id.comment_id,
        ]

        page = await api(attio.Thread.list, record_id=record_id, object="people")
        assert [t.id.thread_id for t in page.data] == [head.thread_id]
        streamed = await api.collect(
            attio.Thread.stream, record_id=record_id, object="people", page_size=10
        )
        assert [t.id.thread_id for t in streamed] == [head.thread_id]

        fetched = await api(attio.Comment.get, reply.id.comment_id)
        assert fetched.content_plaintext == "Done, all tests pass."

        assert await api(attio.Comment.delete, reply.id.comment_id) is None
        with pytest.raises(attio.NotFoundError):
            await api(attio.Comment.get, reply.id.comment_id)
        thread = await api(attio.Thread.get, head.thread_id)
        assert [c.id.comment_id for c in thread.comments or []] == [head.id.comment_id]

        # deleting the thread's first comment deletes the thread
        await api(attio.Comment.delete, head.id.comment_id)
        with pytest.raises(attio.NotFoundError):
            await api(attio.Thread.get, head.thread_id)
        assert await api(attio.Thread.stream_all, record_id=record_id, object="people") == []
    finally:
        await api(attio.Record.delete, "people", record_id)
