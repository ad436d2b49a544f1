"""Routes for tasks."""

from __future__ import annotations

import copy

from attio.testing.fake._errors import validation
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import (
    check_fields,
    data_of,
    int_param,
    query_bool,
    window,
)

routes = RouteTable()


@routes.get("/v2/tasks")
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
        missing = [t for t in tasks if not t.get(field)]  # incomplete tasks, by completion
        # Attio: incomplete tasks come first in ascending completion order, last in descending.
        tasks = missing + present if direction == "asc" else present + missing
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


@routes.post("/v2/tasks")
def create_task(ctx: Ctx) -> Reply:
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
    return 200, {"data": copy.deepcopy(ctx.store.create_task(data))}


@routes.get("/v2/tasks/{task_id}")
def get_task(ctx: Ctx, task_id: str) -> Reply:
    return 200, {"data": copy.deepcopy(ctx.store.task(task_id))}


@routes.patch("/v2/tasks/{task_id}")
def update_task(ctx: Ctx, task_id: str) -> Reply:
    task = ctx.store.task(task_id)
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
    return 200, {"data": copy.deepcopy(ctx.store.update_task(task, data))}


@routes.delete("/v2/tasks/{task_id}")
def delete_task(ctx: Ctx, task_id: str) -> Reply:
    ctx.store.delete_task(task_id)
    return 200, {}
