"""Notes and tasks on a record: write a note, list a record's notes, create and complete a task.

Offline by default; with ATTIO_API_KEY it works on the first company of your workspace (scopes
note:read-write, task:read-write, record_permission:read, object_configuration:read,
user_management:read) and deletes the note and task it created.
"""

from __future__ import annotations

import datetime as dt
import sys

from _common import make_client

import attio


def main() -> int:
    with make_client() as client:
        companies = attio.Record.list(client, "companies", limit=1).data
        if not companies:
            print("no company to attach notes to")
            return 0
        company = companies[0]
        print(f"working on {company.plain('name')!r} ({company.record_id})")

        note = attio.Note.create(
            client,
            parent_object="companies",
            parent_record_id=company.record_id,
            title="Discovery call",
            content="Talked about **pricing** and the Q3 rollout.",
            format="markdown",
        )
        print(f"note {note.title!r}: {note.content_plaintext!r}")

        notes = attio.Note.stream_all(
            client, parent_object="companies", parent_record_id=company.record_id
        )
        print(f"the company has {len(notes)} note(s)")

        deadline = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=7)
        task = attio.Task.create(
            client,
            content=f"Send the proposal to {company.plain('name')}",
            deadline_at=deadline,
            linked_records=[{"target_object": "companies", "target_record_id": company.record_id}],
        )
        print(f"task {task.content_plaintext!r} due {task.deadline_at}")
        task = attio.Task.update(client, task.id.task_id, is_completed=True)
        print(f"task completed: {task.is_completed}")

        open_tasks = attio.Task.stream_all(client, is_completed=False)
        print(f"open tasks in the workspace: {len(open_tasks)}")

        attio.Task.delete(client, task.id.task_id)
        attio.Note.delete(client, note.id.note_id)
        print("deleted the note and the task")
    return 0


if __name__ == "__main__":
    sys.exit(main())
