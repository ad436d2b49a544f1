"""What users write, checked by mypy (not run): ``mypy --strict attio tests`` in CI.

Each ``assert_type`` pins the exact type mypy sees. Each ``# type: ignore[code]`` line is a
mistake mypy must report: ``--strict`` includes ``warn_unused_ignores``, so if the error ever
went away (a signature widened to ``Any``, a twin lost its typing) the ignore would be unused
and CI would fail.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Coroutine, Iterator
from typing import Any

from typing_extensions import assert_type

import attio


def sync_calls(client: attio.Client) -> None:
    assert_type(attio.Thread.get(client, "thread-id"), attio.Thread)
    assert_type(attio.Thread.list(client, record_id="r", object="people"), attio.Page[attio.Thread])
    assert_type(attio.Thread.stream(client, page_size=10), Iterator[attio.Thread])
    assert_type(attio.Thread.stream_all(client), list[attio.Thread])
    assert_type(attio.Task.get(client, "task-id"), attio.Task)
    assert_type(attio.Task.list(client, limit=5), attio.Page[attio.Task])
    assert_type(attio.Task.stream(client), Iterator[attio.Task])
    assert_type(attio.Record.get(client, "people", "r"), attio.Record)
    assert_type(attio.Record.stream(client, "people"), Iterator[attio.Record])
    assert_type(attio.Record.list(client, "people"), attio.Page[attio.Record])
    page = attio.Record.list(client, "people")
    assert_type(page.data, list[attio.Record])
    assert_type(page.next_page(), attio.Page[attio.Record] | None)
    assert_type(attio.Meta.get(client), attio.Meta)
    assert_type(attio.Task.delete(client, "task-id"), None)


async def async_calls(aclient: attio.AsyncClient) -> None:
    coroutine = attio.Thread.get_async(aclient, "t")
    _ = assert_type(coroutine, Coroutine[Any, Any, attio.Thread])
    coroutine.close()
    assert_type(await attio.Thread.get_async(aclient, "t"), attio.Thread)
    assert_type(await attio.Thread.list_async(aclient), attio.Page[attio.Thread])
    assert_type(attio.Thread.stream_async(aclient), AsyncIterator[attio.Thread])
    assert_type(await attio.Thread.stream_all_async(aclient), list[attio.Thread])
    assert_type(await attio.Task.get_async(aclient, "t"), attio.Task)
    assert_type(attio.Record.stream_async(aclient, "people"), AsyncIterator[attio.Record])
    assert_type(await attio.Record.list_async(aclient, "people"), attio.Page[attio.Record])
    page = await attio.Record.list_async(aclient, "people")
    assert_type(await page.next_page_async(), attio.Page[attio.Record] | None)


def mistakes(client: attio.Client, aclient: attio.AsyncClient) -> None:
    # A sync client passed to a twin, and an async client to a sync method.
    attio.Thread.get_async(client, "t").close()  # type: ignore[arg-type]
    attio.Thread.get(aclient, "t")  # type: ignore[arg-type]
    attio.Thread.stream_async(client)  # type: ignore[arg-type]
    attio.Record.get_async(client, "people", "r").close()  # type: ignore[arg-type]
    # A misspelt keyword.
    attio.Thread.list(client, record="r")  # type: ignore[call-arg]
    attio.Task.update(client, "task-id", is_complete=True)  # type: ignore[call-arg]
    attio.Thread.stream(client, pagesize=5)  # type: ignore[call-arg]
    # A wrong argument type.
    attio.Thread.get(client, 42)  # type: ignore[arg-type]
    attio.Thread.list(client, limit="ten")  # type: ignore[arg-type]
    attio.Record.get(client, "people", None)  # type: ignore[arg-type]
