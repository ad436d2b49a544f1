"""FakeAttio's built-in endpoints: one module per resource, each collecting its routes in a
``RouteTable``; :data:`ROUTES` composes them explicitly, in matching order. Importing a route
module registers nothing anywhere."""

from __future__ import annotations

from attio.testing.fake._router import Route

from . import (
    attributes,
    call_recordings,
    comments,
    entries,
    files,
    lists,
    meetings,
    meta,
    notes,
    objects,
    records,
    select_options,
    sql,
    statuses,
    tasks,
    threads,
    views,
    webhooks,
    workspace_members,
)

ROUTES: tuple[Route, ...] = (
    *records.routes,
    *entries.routes,
    *notes.routes,
    *tasks.routes,
    *threads.routes,
    *comments.routes,
    *webhooks.routes,
    *meetings.routes,
    *call_recordings.routes,
    *objects.routes,
    *attributes.routes,
    *select_options.routes,
    *statuses.routes,
    *lists.routes,
    *workspace_members.routes,
    *meta.routes,
    *views.routes,
    *files.routes,
    *sql.routes,
)
"""Every built-in route, in the order they are tried."""

__all__ = ["ROUTES"]
