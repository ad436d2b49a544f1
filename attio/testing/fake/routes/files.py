"""Routes for files and folders (``/v2/files``)."""

from __future__ import annotations

from attio.testing.fake._router import RouteTable

routes = RouteTable()
