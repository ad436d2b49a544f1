"""``Thread``: comment threads on records and list entries — ``/v2/threads``."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterator

from ._client import AsyncClient, Client, require_async, require_sync
from ._models import AttioModel, Timestamp
from ._paging import Page
from ._request import PagedRequest, Paging, Request, parse_data, parse_page
from ._resource import seg
from .comments import Comment

__all__ = ["Thread", "ThreadId"]

_PAGING = Paging("query_offset", 10)


class ThreadId(AttioModel):
    """``{"workspace_id", "thread_id"}``."""

    workspace_id: str
    thread_id: str


class Thread(AttioModel):
    """A thread of comments (at least one) on a record or list entry."""

    id: ThreadId
    comments: builtins.list[Comment] | None = None
    created_at: Timestamp | None = None

    # ------------------------------------------------------------------ requests

    @classmethod
    def _list(
        cls,
        record_id: str | None,
        object: str | None,
        entry_id: str | None,
        list: str | None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> PagedRequest[Thread]:
        if (record_id is None) != (object is None):
            raise ValueError("Thread.list: record_id and object must be given together")
        if (entry_id is None) != (list is None):
            raise ValueError("Thread.list: entry_id and list must be given together")
        params = {
            "record_id": record_id,
            "object": object,
            "entry_id": entry_id,
            "list": list,
            "limit": limit,
            "offset": offset,
        }
        return PagedRequest(Request("GET", "/v2/threads", parse_page(cls), params=params), _PAGING)

    @classmethod
    def _get(cls, thread_id: str) -> Request[Thread]:
        return Request("GET", f"/v2/threads/{seg(thread_id)}", parse_data(cls))

    # ------------------------------------------------------------------ sync

    @classmethod
    def list(
        cls,
        client: Client,
        *,
        record_id: str | None = None,
        object: str | None = None,
        entry_id: str | None = None,
        list: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[Thread]:
        """One page of threads (default 10, at most 50) on a record (``record_id`` with
        ``object``) or an entry (``entry_id`` with ``list``): ``GET /v2/threads``
        (scope ``comment:read``, plus record or list read scopes).

        A half pair raises ``ValueError`` before any request.
        """
        paged = cls._list(record_id, object, entry_id, list, limit, offset)
        return require_sync(client).fetch_page(paged)

    @classmethod
    def stream(
        cls,
        client: Client,
        *,
        record_id: str | None = None,
        object: str | None = None,
        entry_id: str | None = None,
        list: str | None = None,
        page_size: int | None = None,
    ) -> Iterator[Thread]:
        """Every thread, lazily, page by page: ``GET /v2/threads`` (scope ``comment:read``)."""
        paged = cls._list(record_id, object, entry_id, list).with_limit(page_size)
        return require_sync(client).stream(paged)

    @classmethod
    def stream_all(
        cls,
        client: Client,
        *,
        record_id: str | None = None,
        object: str | None = None,
        entry_id: str | None = None,
        list: str | None = None,
        page_size: int | None = None,
    ) -> builtins.list[Thread]:
        """Every thread as a list: ``GET /v2/threads`` (scope ``comment:read``)."""
        return builtins.list(
            cls.stream(
                client,
                record_id=record_id,
                object=object,
                entry_id=entry_id,
                list=list,
                page_size=page_size,
            )
        )

    @classmethod
    def get(cls, client: Client, thread_id: str) -> Thread:
        """One thread with its comments: ``GET /v2/threads/{thread_id}``
        (scope ``comment:read``)."""
        return require_sync(client).request(cls._get(thread_id))

    # ------------------------------------------------------------------ async

    @classmethod
    async def list_async(
        cls,
        client: AsyncClient,
        *,
        record_id: str | None = None,
        object: str | None = None,
        entry_id: str | None = None,
        list: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Page[Thread]:
        """Async twin of :meth:`list`: ``GET /v2/threads`` (``comment:read``)."""
        paged = cls._list(record_id, object, entry_id, list, limit, offset)
        return await require_async(client).fetch_page(paged)

    @classmethod
    def stream_async(
        cls,
        client: AsyncClient,
        *,
        record_id: str | None = None,
        object: str | None = None,
        entry_id: str | None = None,
        list: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Thread]:
        """Async twin of :meth:`stream` (use ``async for``): ``GET /v2/threads``
        (``comment:read``)."""
        paged = cls._list(record_id, object, entry_id, list).with_limit(page_size)
        return require_async(client).stream(paged)

    @classmethod
    async def stream_all_async(
        cls,
        client: AsyncClient,
        *,
        record_id: str | None = None,
        object: str | None = None,
        entry_id: str | None = None,
        list: str | None = None,
        page_size: int | None = None,
    ) -> builtins.list[Thread]:
        """Async twin of :meth:`stream_all`: ``GET /v2/threads`` (``comment:read``)."""
        stream = cls.stream_async(
            client,
            record_id=record_id,
            object=object,
            entry_id=entry_id,
            list=list,
            page_size=page_size,
        )
        return [thread async for thread in stream]

    @classmethod
    async def get_async(cls, client: AsyncClient, thread_id: str) -> Thread:
        """Async twin of :meth:`get`: ``GET /v2/threads/{thread_id}`` (``comment:read``)."""
        return await require_async(client).request(cls._get(thread_id))
