"""``Thread``: comment threads on records and list entries — ``/v2/threads``."""

from __future__ import annotations

import builtins

from ._endpoints import endpoint, paged, streamed
from ._models import AttioModel, Timestamp
from ._pagination import PagedRequest, Paging
from ._parsing import parse_data, parse_page
from ._request import Request, seg
from .comments import Comment

__all__ = ["Thread", "ThreadId"]

_PAGING = Paging("query_offset", 10)


class ThreadId(AttioModel):
    """``{"workspace_id", "thread_id"}``."""

    workspace_id: str
    thread_id: str


def _threads(
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
    return PagedRequest(Request("GET", "/v2/threads", parse_page(Thread), params=params), _PAGING)


class Thread(AttioModel):
    """A thread of comments (at least one) on a record or list entry."""

    id: ThreadId
    comments: builtins.list[Comment]
    created_at: Timestamp

    @paged
    def list(
        *,
        record_id: str | None = None,
        object: str | None = None,
        entry_id: str | None = None,
        list: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> PagedRequest[Thread]:
        """One page of threads (default 10, at most 50) on a record (``record_id`` with
        ``object``) or an entry (``entry_id`` with ``list``): ``GET /v2/threads``
        (scope ``comment:read``, plus record or list read scopes).

        A half pair raises ``ValueError`` before any request.
        """
        return _threads(record_id, object, entry_id, list, limit, offset)

    list_async = list.twin

    @streamed
    def stream(
        *,
        record_id: str | None = None,
        object: str | None = None,
        entry_id: str | None = None,
        list: str | None = None,
        page_size: int | None = None,
    ) -> PagedRequest[Thread]:
        """Every thread, lazily, page by page: ``GET /v2/threads`` (scope ``comment:read``)."""
        return _threads(record_id, object, entry_id, list).with_limit(page_size)

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin

    @endpoint
    def get(thread_id: str) -> Request[Thread]:
        """One thread with its comments: ``GET /v2/threads/{thread_id}``
        (scope ``comment:read``)."""
        return Request("GET", f"/v2/threads/{seg(thread_id)}", parse_data(Thread))

    get_async = get.twin
