"""Routes for saved views of objects and lists."""

from __future__ import annotations

from attio.testing.fake._router import RouteTable

routes = RouteTable()
