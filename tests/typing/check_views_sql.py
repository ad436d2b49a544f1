"""Views, view-filtered queries and SQL as users write them, checked by mypy (not run).

A misspelt ``target`` is an error (a ``Literal``); ``filter_view_id`` takes a view id string;
``SqlResult.rows`` are dicts of JSON values.
"""

from __future__ import annotations

from typing import Any

import attio


def views(client: attio.Client) -> None:
    page: attio.Page[attio.View] = attio.View.list(client, "objects", "people", limit=10)
    every: list[attio.View] = attio.View.stream_all(client, "lists", "sales", show_archived=True)
    view_id: str = every[0].view_id
    created: attio.Timestamp = page.data[0].created_at
    list_id: str | None = every[0].id.list_id
    attio.View.list(client, "object", "people")  # type: ignore[arg-type]
    records: attio.Page[attio.Record] = attio.Record.list(client, "people", filter_view_id=view_id)
    entries: list[attio.Entry] = attio.Entry.stream_all(client, "sales", filter_view_id=view_id)
    attio.Record.list(client, "people", filter_view_id=every[0])  # type: ignore[arg-type]
    del created, list_id, records, entries


async def views_async(client: attio.AsyncClient) -> None:
    page: attio.Page[attio.View] = await attio.View.list_async(client, "objects", "people")
    async for view in attio.View.stream_async(client, "objects", "people"):
        title: str = view.title
        del title
    del page


def sql(client: attio.Client) -> None:
    result: attio.SqlResult = attio.SqlResult.query(client, "SELECT name FROM people")
    rows: list[dict[str, Any]] = result.rows
    attio.SqlResult.query(client, sql="SELECT 1")
    attio.SqlResult.query(client, b"SELECT 1")  # type: ignore[arg-type]
    del rows


async def sql_async(client: attio.AsyncClient) -> None:
    result: attio.SqlResult = await attio.SqlResult.query_async(client, "SELECT 1")
    del result
