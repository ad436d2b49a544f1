"""Routes for files and folders (``/v2/files``)."""

from __future__ import annotations

from attio.testing.fake._errors import type_issue, validation
from attio.testing.fake._router import Ctx, Redirect, Reply, RouteTable
from attio.testing.fake._util import cursor_page, data_of, int_param

routes = RouteTable()


def _required_query(ctx: Ctx, name: str) -> str:
    value = ctx.q(name)
    if value is None or value == "":
        raise validation(
            f"Invalid query parameter: {name}.", [type_issue([name], "string", "undefined")]
        )
    return value


@routes.get("/v2/files")
def list_files(ctx: Ctx) -> Reply:
    object_ = _required_query(ctx, "object")
    record_id = _required_query(ctx, "record_id")
    limit = int_param(ctx.q("limit"), "limit", default=50, minimum=1, maximum=200)
    assert limit is not None
    entries = ctx.store.files.of_record(
        object_, record_id, ctx.q("storage_provider"), ctx.q("parent_folder_id")
    )
    return 200, cursor_page(entries, limit, ctx.q("cursor"))


@routes.post("/v2/files/upload")
def upload_file(ctx: Ctx) -> Reply:
    if ctx.body is not None:
        raise validation("Body payload validation error: expected multipart/form-data.")
    return 201, {"data": ctx.store.files.upload(ctx.form, ctx.files.get("file"))}


@routes.post("/v2/files")
def create_file(ctx: Ctx) -> Reply:
    return 200, {"data": ctx.store.files.create(data_of(ctx.body))}


@routes.get("/v2/files/{file_id}")
def get_file(ctx: Ctx, file_id: str) -> Reply:
    files = ctx.store.files
    return 200, {"data": files.render(files.entry(file_id), one=True)}


@routes.delete("/v2/files/{file_id}")
def delete_file(ctx: Ctx, file_id: str) -> Reply:
    ctx.store.files.delete(file_id)
    return 200, {}


@routes.get("/v2/files/{file_id}/download")
def download_file(ctx: Ctx, file_id: str) -> Reply:
    return 302, Redirect(ctx.store.files.signed_url(file_id))
