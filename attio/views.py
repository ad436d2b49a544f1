"""``View``: the saved views of an object or a list — ``/v2/{target}/{identifier}/views``.

Views are read-only through the API (no endpoint creates, edits or deletes one). A view's id
narrows a query to the records or entries the view shows::

    pipeline = attio.View.stream_all(client, "lists", "sales")
    open_deals = attio.Entry.list(client, "sales", filter_view_id=pipeline[0].view_id)
"""

from __future__ import annotations

from ._attribute_paths import Target, check_target
from ._endpoints import paged, streamed
from ._models import AttioModel, Timestamp
from ._pagination import PagedRequest, Paging
from ._parsing import parse_page
from ._request import Request, seg

__all__ = ["View", "ViewId"]

VIEW_PAGE_SIZE = 500
"""Attio's default ``limit`` of the views endpoints (at most 1000)."""


class ViewId(AttioModel):
    """``{"workspace_id", "object_id" | "list_id", "view_id"}``: an object's view carries the
    object's id, a list's view the list's."""

    workspace_id: str
    view_id: str
    object_id: str | None = None
    list_id: str | None = None


def _views(
    target: str,
    identifier: str,
    show_archived: bool | None = None,
    limit: int | None = None,
    cursor: str | None = None,
) -> PagedRequest[View]:
    path = f"/v2/{check_target(target)}/{seg(identifier)}/views"
    params = {"show_archived": show_archived, "limit": limit, "cursor": cursor}
    request = Request("GET", path, parse_page(View), params=params)
    return PagedRequest(request, Paging("cursor", VIEW_PAGE_SIZE))


class View(AttioModel):
    """A saved view of an object (``target="objects"``) or a list (``target="lists"``):
    its ``id``, ``title`` and ``created_at``. Views come ordered by view id."""

    id: ViewId
    title: str
    created_at: Timestamp

    @property
    def view_id(self) -> str:
        """The view's id (``id.view_id``): pass it as ``filter_view_id`` to
        :meth:`attio.Record.list` or :meth:`attio.Entry.list`."""
        return self.id.view_id

    @paged
    def list(
        target: Target,
        identifier: str,
        *,
        show_archived: bool | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> PagedRequest[View]:
        """One page of views (``limit`` 1..1000, 500 by default; ``show_archived=True``
        includes archived ones): ``GET /v2/{target}/{identifier}/views`` (scope
        ``object_configuration:read`` for objects, ``list_configuration:read`` for lists)."""
        return _views(target, identifier, show_archived, limit, cursor)

    list_async = list.twin

    @streamed
    def stream(
        target: Target,
        identifier: str,
        *,
        show_archived: bool | None = None,
        page_size: int | None = None,
    ) -> PagedRequest[View]:
        """Every view, following cursors (``page_size`` is the ``limit`` sent):
        ``GET /v2/{target}/{identifier}/views`` (scope ``object_configuration:read`` /
        ``list_configuration:read``)."""
        return _views(target, identifier, show_archived).with_limit(page_size)

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin
