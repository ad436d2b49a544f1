"""Routes for notes."""

from __future__ import annotations

import copy

from attio.testing.fake._errors import validation
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import check_fields, data_of, int_param, window

routes = RouteTable()


@routes.get("/v2/notes")
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


@routes.post("/v2/notes")
def create_note(ctx: Ctx) -> Reply:
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
    return 200, {"data": copy.deepcopy(ctx.store.create_note(data))}


@routes.get("/v2/notes/{note_id}")
def get_note(ctx: Ctx, note_id: str) -> Reply:
    return 200, {"data": copy.deepcopy(ctx.store.note(note_id))}


@routes.delete("/v2/notes/{note_id}")
def delete_note(ctx: Ctx, note_id: str) -> Reply:
    ctx.store.delete_note(note_id)
    return 200, {}
