"""Pagination in one place: the paging rules, ``PagedRequest``, ``Page`` and the loop guard.

Attio pages three ways (``Paging.style``): ``limit``/``offset`` in a POST query's JSON body,
``?limit=&offset=`` in the query string, or ``?limit=&cursor=``. Everything here is free of
I/O: :class:`PagedRequest` derives the next page's request from the page just parsed, and
:class:`PageTrail` remembers what the walk has seen so that a misbehaving server cannot make
it loop. Both :meth:`attio.Client.stream` and :meth:`Page.next_page` go through
:func:`advance`, the one guard:

* a page identical to the one before it (a server that ignores ``offset``),
* a cursor that was already followed (a cycle A→B→A),
* more than :data:`MAX_EMPTY_RUN` empty pages in a row that still carry a cursor,

each raise :class:`attio.PaginationError` naming the endpoint. A page ends the data when it is
short, empty, or has a null cursor (or the cursor that was just sent).

The clients drive the walk (``fetch_page`` and ``stream``); this module never imports them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast

from ._exceptions import PaginationError, clip

if TYPE_CHECKING:
    from ._client import AsyncClient, Client
    from ._request import Request

T = TypeVar("T")

__all__ = ["MAX_EMPTY_RUN", "Page", "PageTrail", "PagedRequest", "Paging", "RawPage", "advance"]

MAX_EMPTY_RUN = 3
"""Empty pages in a row that still carry a fresh cursor before the walk gives up."""

PagingStyle = Literal["body_offset", "query_offset", "cursor"]


@dataclasses.dataclass(frozen=True, slots=True)
class Paging:
    """How an endpoint pages.

    ``style``: ``body_offset`` (``limit``/``offset`` in the JSON body of a POST query),
    ``query_offset`` (``?limit=&offset=``) or ``cursor`` (``?limit=&cursor=``).
    ``default_limit`` is the page size Attio uses when no ``limit`` is sent (``None`` when
    Attio documents none: such endpoints end only on an empty page).
    """

    style: PagingStyle
    default_limit: int | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class RawPage(Generic[T]):
    """One parsed page: its items and, for cursor endpoints, the next cursor."""

    data: list[T]
    next_cursor: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class PagedRequest(Generic[T]):
    """A request for one page, and the rule that derives the next page's request."""

    request: Request[RawPage[T]]
    paging: Paging

    def __post_init__(self) -> None:
        # A bad page size or offset is the caller's mistake: say so before any request.
        for key, minimum in (("limit", 1), ("offset", 0)):
            value = self._get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
                raise ValueError(f"{key} must be an integer >= {minimum}, got {value!r}")

    def _get(self, key: str) -> Any:
        if self.paging.style == "body_offset":
            body = self.request.json
            return body.get(key) if isinstance(body, Mapping) else None
        return (self.request.params or {}).get(key)

    def _with(self, **changes: Any) -> PagedRequest[T]:
        if self.paging.style == "body_offset":
            body = dict(self.request.json) if isinstance(self.request.json, Mapping) else {}
            body.update(changes)
            request = dataclasses.replace(self.request, json=body)
        else:
            params = dict(self.request.params or {})
            params.update(changes)
            request = dataclasses.replace(self.request, params=params)
        return dataclasses.replace(self, request=request)

    @property
    def endpoint(self) -> str:
        """``"METHOD /v2/path"``, for messages."""
        return f"{self.request.method} {self.request.path}"

    @property
    def limit(self) -> int | None:
        """The page size in force: the one sent, else Attio's documented default."""
        sent = self._get("limit")
        return int(sent) if sent is not None else self.paging.default_limit

    @property
    def offset(self) -> int:
        """The offset sent (``0`` when none; always ``0`` for cursor endpoints)."""
        return int(self._get("offset") or 0)

    @property
    def cursor(self) -> str | None:
        """The cursor sent (cursor endpoints), else ``None``."""
        found = self._get("cursor") if self.paging.style == "cursor" else None
        return str(found) if found is not None else None

    def with_limit(self, limit: int | None) -> PagedRequest[T]:
        """The same request with ``limit`` set (``None`` leaves it as it is)."""
        return self if limit is None else self._with(limit=limit)

    def next(self, page: RawPage[T]) -> PagedRequest[T] | None:
        """The next page's request after ``page`` by Attio's rules, or ``None`` at the end.

        This is the rule alone; :func:`advance` adds the loop guard.
        """
        if self.paging.style == "cursor":
            cursor = page.next_cursor
            if not cursor or cursor == self.cursor:
                return None
            return self._with(cursor=cursor)
        count = len(page.data)
        if count == 0:
            return None
        limit = self.limit
        if limit is not None and count < limit:
            return None
        return self._with(offset=self.offset + count)

    def after_full_page(self) -> PagedRequest[T] | None:
        """For offset styles with a known page size: the request :meth:`next` derives after a
        full page (the guess a prefetching stream sends ahead); ``None`` otherwise."""
        limit = self.limit
        if self.paging.style == "cursor" or limit is None:
            return None
        return self._with(offset=self.offset + limit)

    def offset_at(self, index: int) -> PagedRequest[T]:
        """For offset styles: the request ``index`` pages after this one (for fetching ahead)."""
        if self.paging.style == "cursor":
            raise ValueError("cursor pages cannot be addressed by index")
        limit = self.limit
        if limit is None:
            raise ValueError("fetching ahead needs a known page size")
        return self._with(offset=self.offset + index * limit, limit=limit)


@dataclasses.dataclass(frozen=True, slots=True)
class PageTrail:
    """What a walk over pages has seen: the loop guard's memory (immutable, so a page can be
    asked for its next page twice, or from two threads, without confusing the guard)."""

    cursors: frozenset[str] = frozenset()
    fingerprint: tuple[int, Any, Any] | None = None
    empty_run: int = 0


def _fingerprint(data: list[Any]) -> tuple[int, Any, Any] | None:
    # The size and the first and last items (compared with ``==``: models compare by content,
    # and unread lazy values compare as the raw JSON they hold, so nothing is built).
    if not data:
        return None
    return (len(data), data[0], data[-1])


def advance(
    paged: PagedRequest[T], page: RawPage[T], trail: PageTrail
) -> tuple[PagedRequest[T] | PaginationError | None, PageTrail]:
    """What follows ``page``: the next request, ``None`` at the end, or the
    :class:`attio.PaginationError` to raise when the walk goes on (a cursor cycle: this page's
    items are new, so they are handed out first). Raises at once when ``page`` itself is a
    repeat of the page before or one empty page too many: it holds nothing new.
    """
    following = paged.next(page)
    if following is None:
        return None, trail
    fingerprint = _fingerprint(page.data)
    if fingerprint is not None and fingerprint == trail.fingerprint:
        raise PaginationError(
            f"{paged.endpoint}: Attio sent the same page again (offset {paged.offset}); "
            "stopping instead of looping",
            endpoint=paged.endpoint,
        )
    empty_run = 0 if page.data else trail.empty_run + 1
    if empty_run > MAX_EMPTY_RUN:
        raise PaginationError(
            f"{paged.endpoint}: {empty_run} empty pages in a row, each with a new cursor; "
            "stopping instead of looping",
            endpoint=paged.endpoint,
        )
    cursors = trail.cursors
    if paged.paging.style == "cursor":
        cursor = page.next_cursor or ""
        if cursor in cursors:
            problem = PaginationError(
                f"{paged.endpoint}: Attio sent cursor {clip(cursor, 80)!r} a second time "
                "(a cursor cycle); stopping instead of looping",
                endpoint=paged.endpoint,
            )
            return problem, trail
        cursors = cursors | {cursor}
        if paged.cursor:
            cursors = cursors | {paged.cursor}
    return following, PageTrail(cursors, fingerprint, empty_run)


class Page(Generic[T]):
    """One page of results.

    ``data`` holds the items; ``next_cursor`` the cursor of cursor-paged endpoints (meetings,
    call recordings, transcripts), else ``None``. ``has_next_page()`` tells whether Attio has
    more (a short page, an empty page or a null cursor ends the data), and ``next_page()`` /
    ``await next_page_async()`` fetch it with the client that fetched this one. Iterating a
    page gives this page's items only; ``stream`` walks every page.
    """

    __slots__ = ("_client", "_next", "_problem", "_trail", "data", "next_cursor")

    def __init__(
        self,
        data: list[T],
        *,
        next_cursor: str | None = None,
        next_request: PagedRequest[T] | PaginationError | None = None,
        client: Client | AsyncClient | None = None,
        trail: PageTrail | None = None,
    ) -> None:
        self.data = data
        self.next_cursor = next_cursor
        self._problem = next_request if isinstance(next_request, PaginationError) else None
        self._next = None if isinstance(next_request, PaginationError) else next_request
        self._client = client
        self._trail = trail if trail is not None else PageTrail()

    def has_next_page(self) -> bool:
        """Whether another page may follow (by Attio's end-of-data rules).

        ``True`` also when the server's paging went wrong after this page: ``next_page()``
        then raises :class:`attio.PaginationError` rather than looping.
        """
        return self._next is not None or self._problem is not None

    @property
    def next_request(self) -> PagedRequest[T] | None:
        """The request for the next page, or ``None`` at the end.

        Raises :class:`attio.PaginationError` when the server made the walk loop.
        """
        if self._problem is not None:
            raise self._problem
        return self._next

    @property
    def trail(self) -> PageTrail:
        """The loop guard's memory after this page (used to fetch the next one)."""
        return self._trail

    def next_page(self) -> Page[T] | None:
        """Fetch the next page with the same (sync) client; ``None`` at the end."""
        following = self.next_request
        if following is None:
            return None
        client = self._client
        if client is None or getattr(client, "is_async", True):
            raise TypeError(
                "next_page() needs a page fetched by attio.Client; use next_page_async()"
            )
        return cast("Client", client).fetch_page(following, self._trail)

    async def next_page_async(self) -> Page[T] | None:
        """Fetch the next page with the same (async) client; ``None`` at the end."""
        following = self.next_request
        if following is None:
            return None
        client = self._client
        if client is None or not getattr(client, "is_async", False):
            raise TypeError("next_page_async() needs a page fetched by attio.AsyncClient")
        return await cast("AsyncClient", client).fetch_page(following, self._trail)

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, index: int) -> T:
        return self.data[index]

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, Page):
            return NotImplemented
        return bool(self.data == other.data and self.next_cursor == other.next_cursor)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        more = ", more" if self.has_next_page() else ""
        cursor = f", next_cursor={self.next_cursor!r}" if self.next_cursor else ""
        return f"Page({len(self.data)} items{cursor}{more})"
