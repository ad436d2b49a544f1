"""The SQL endpoint (``POST /v2/sql``)."""

from __future__ import annotations

from attio.testing.fake._router import RouteTable

routes = RouteTable()
