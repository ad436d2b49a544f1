"""``Page[T]``: one page of a paginated Attio endpoint, able to fetch the next one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._request import PagedRequest

if TYPE_CHECKING:
    from ._client import AsyncClient, Client

T = TypeVar("T")

__all__ = ["Page"]


class Page(Generic[T]):
    """One page of results.

    ``data`` holds the items; ``next_cursor`` the cursor of cursor-paged endpoints (meetings,
    call recordings, transcripts), else ``None``. ``has_next_page()`` tells whether Attio has
    more (a short page, an empty page or a null cursor ends the data), and ``next_page()`` /
    ``await next_page_async()`` fetch it with the client that fetched this one.
    """

    __slots__ = ("_client", "_next", "data", "next_cursor")

    def __init__(
        self,
        data: list[T],
        *,
        next_cursor: str | None = None,
        next_request: PagedRequest[T] | None = None,
        client: Client | AsyncClient | None = None,
    ) -> None:
        self.data = data
        self.next_cursor = next_cursor
        self._next = next_request
        self._client = client

    def has_next_page(self) -> bool:
        """Whether another page may follow (by Attio's end-of-data rules)."""
        return self._next is not None

    @property
    def next_request(self) -> PagedRequest[T] | None:
        """The request for the next page, or ``None`` at the end."""
        return self._next

    def next_page(self) -> Page[T] | None:
        """Fetch the next page with the same (sync) client; ``None`` at the end."""
        from ._client import Client

        if self._next is None:
            return None
        if not isinstance(self._client, Client):
            raise TypeError(
                "next_page() needs a page fetched by attio.Client; use next_page_async()"
            )
        return self._client.fetch_page(self._next)

    async def next_page_async(self) -> Page[T] | None:
        """Fetch the next page with the same (async) client; ``None`` at the end."""
        from ._client import AsyncClient

        if self._next is None:
            return None
        if not isinstance(self._client, AsyncClient):
            raise TypeError("next_page_async() needs a page fetched by attio.AsyncClient")
        return await self._client.fetch_page(self._next)

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
        more = ", more" if self._next is not None else ""
        cursor = f", next_cursor={self.next_cursor!r}" if self.next_cursor else ""
        return f"Page({len(self.data)} items{cursor}{more})"
