"""``SqlResult``: read records and lists with SQL — ``POST /v2/sql`` (beta).

The workspace must be on Attio's Enterprise plan; elsewhere Attio refuses the call. A query
Attio cannot run is a 400 (:class:`attio.BadRequestError`, code ``filter_error``)::

    result = attio.SqlResult.query(client, "SELECT name FROM people LIMIT 10")
    for row in result.rows:
        print(row["name"])
"""

from __future__ import annotations

import builtins
from typing import Any

from ._endpoints import endpoint
from ._models import AttioModel
from ._parsing import parse_data
from ._request import Request

__all__ = ["SqlResult"]


class SqlResult(AttioModel):
    """The answer of a SQL query: ``rows``, each a dict of column name to JSON value."""

    rows: builtins.list[dict[str, Any]]

    @endpoint
    def query(sql: str) -> Request[SqlResult]:
        """Run one SQL query over the workspace's records and lists (Enterprise plan only;
        beta): ``POST /v2/sql`` (scopes ``record_permission:read``,
        ``object_configuration:read``). ``sql`` must be a non-empty string
        (else a ``TypeError`` or ``ValueError`` before any request). Retried like any read:
        Attio's SQL only reads."""
        if not isinstance(sql, str):
            raise TypeError(f"sql must be a str, got {type(sql).__name__}")
        if not sql.strip():
            raise ValueError("sql must not be empty")
        payload = {"sql": sql}
        return Request("POST", "/v2/sql", parse_data(SqlResult), json=payload, retry_safe=True)

    query_async = query.twin
