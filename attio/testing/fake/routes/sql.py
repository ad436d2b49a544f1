"""The SQL endpoint (``POST /v2/sql``). FakeAttio runs no SQL: it answers the queries a test
registered with :meth:`FakeAttio.add_sql_result` (matched with whitespace collapsed and a
trailing ``;`` dropped), and any other query with Attio's 400 ``filter_error``."""

from __future__ import annotations

import copy

from attio.testing.fake._errors import bad_request, payload_error
from attio.testing.fake._router import Ctx, Reply, RouteTable
from attio.testing.fake._util import JSON, check_fields

routes = RouteTable()


def normalise_sql(sql: str) -> str:
    """``sql`` with runs of whitespace collapsed and a trailing ``;`` dropped."""
    return " ".join(sql.split()).rstrip(";").rstrip()


@routes.post("/v2/sql")
def run_sql(ctx: Ctx) -> Reply:
    body = ctx.body
    if not isinstance(body, dict):
        raise payload_error(["sql"], "string")
    check_fields(body, {"sql": "string"}, prefix=())
    wanted = normalise_sql(body["sql"])
    for sql, rows in reversed(ctx.store.sql_results):
        if sql == wanted:
            return 200, {"data": {"rows": copy.deepcopy(rows)}}
    raise bad_request(
        "filter_error",
        "FakeAttio runs no SQL: register this query's rows with fake.add_sql_result(sql, rows).",
    )


def add_sql_result(results: list[tuple[str, list[JSON]]], sql: str, rows: list[JSON]) -> None:
    """Answer ``sql`` with ``rows`` from now on (the latest registration wins)."""
    results.append((normalise_sql(sql), copy.deepcopy(rows)))
