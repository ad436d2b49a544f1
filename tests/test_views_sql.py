"""``View`` (saved views of objects and lists), ``filter_view_id`` on record and entry queries,
and ``SqlResult`` (``POST /v2/sql``): the exact requests, the models, and FakeAttio."""

from __future__ import annotations

from typing import Any

import pytest

import attio
from attio.testing import FakeAttio
from tests.conftest import CLIENT_KINDS, MockAttio
from tests.samples import assert_twins_and_docstrings, call, collect_stream

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
OBJECT = "5b5b5b5b-0000-4000-8000-00000000b001"
LIST = "6c6c6c6c-0000-4000-8000-00000000c001"


def view(n: int, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": {
            "workspace_id": WS,
            "object_id": OBJECT,
            "view_id": f"7d7d7d7d-0000-4000-8000-{n:012d}",
        },
        "title": f"View {n}",
        "created_at": "2026-08-01T10:00:00.123456789Z",
    }
    body.update(changes)
    return body


def test_twins_and_docstrings() -> None:
    assert_twins_and_docstrings(attio.View)
    assert_twins_and_docstrings(attio.SqlResult)


# --------------------------------------------------------------------------- views


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_view_list_request_and_model(kind: str, mock: MockAttio) -> None:
    body = view(1, future_field={"kept": True})
    mock.data([body], pagination={"next_cursor": "c2"})
    page = await call(
        mock,
        kind,
        attio.View,
        "list",
        "objects",
        "people",
        show_archived=True,
        limit=1,
        cursor="c1",
    )
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/objects/people/views"
    assert mock.query() == {"show_archived": "true", "limit": "1", "cursor": "c1"}
    (got,) = page.data
    assert isinstance(got, attio.View)
    assert got.view_id == body["id"]["view_id"]
    assert got.id.object_id == OBJECT
    assert got.id.list_id is None
    assert got.title == "View 1"
    assert got.created_at.nanosecond == 789
    assert got.model_dump(mode="json") == body  # unknown fields kept, nothing added
    assert page.next_cursor == "c2"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_list_views_carry_the_list_id(kind: str, mock: MockAttio) -> None:
    body = view(2)
    body["id"] = {"workspace_id": WS, "list_id": LIST, "view_id": body["id"]["view_id"]}
    mock.data([body], pagination={"next_cursor": None})
    page = await call(mock, kind, attio.View, "list", "lists", "sales")
    assert mock.last.url.path == "/v2/lists/sales/views"
    assert mock.query() == {}
    assert page.data[0].id.list_id == LIST
    assert page.data[0].id.object_id is None


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_view_stream_follows_cursors(kind: str, mock: MockAttio) -> None:
    mock.data([view(1), view(2)], pagination={"next_cursor": "next"})
    mock.data([view(3)], pagination={"next_cursor": None})
    views = await collect_stream(mock, kind, attio.View, "objects", "companies", page_size=2)
    assert [v.title for v in views] == ["View 1", "View 2", "View 3"]
    assert mock.query(0) == {"limit": "2"}
    assert mock.query(1) == {"limit": "2", "cursor": "next"}


@pytest.mark.parametrize(
    ("target", "identifier", "error"),
    [
        ("records", "people", attio.PathParameterError),
        ("objects", "..", attio.PathParameterError),
        ("objects", "", attio.PathParameterError),
        (None, "people", TypeError),
        ("objects", None, TypeError),
    ],
)
def test_view_bad_path_parameters_send_nothing(
    target: Any, identifier: Any, error: type[Exception], mock: MockAttio
) -> None:
    with pytest.raises(error):
        attio.View.list(mock.client(), target, identifier)
    assert mock.requests == []


def test_views_against_fake_attio() -> None:
    fake = FakeAttio()
    client = fake.client()
    first = fake.add_view("objects", "people", "Everyone")
    fake.add_view("objects", "people", "Old", archived=True)
    fake.add_view("lists", fake.add_list("sales")["api_slug"], "Pipeline")
    titles = [v.title for v in attio.View.stream_all(client, "objects", "people")]
    assert titles == ["Everyone"]
    shown = attio.View.stream_all(client, "objects", "people", show_archived=True, page_size=1)
    assert sorted(v.title for v in shown) == ["Everyone", "Old"]
    assert [v.view_id for v in shown] == sorted(v.view_id for v in shown)  # ordered by id
    assert attio.View.list(client, "lists", "sales").data[0].id.list_id is not None
    assert first["id"]["object_id"] == attio.Object.get(client, "people").id.object_id
    with pytest.raises(attio.NotFoundError):
        attio.View.list(client, "objects", "no-such-object")


# --------------------------------------------------------------------------- filter_view_id


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("resource", ["Record", "Entry"])
async def test_filter_view_id_is_sent_in_the_query_body(
    kind: str, resource: str, mock: MockAttio
) -> None:
    mock.data([], pagination=None)
    model = getattr(attio, resource)
    await call(mock, kind, model, "list", "people", filter_view_id="v-1", limit=5)
    assert mock.body() == {"filter_view_id": "v-1", "limit": 5}
    mock.data([])
    await collect_stream(mock, kind, model, "people", filter_view_id="v-2", page_size=10)
    assert mock.body() == {"filter_view_id": "v-2", "limit": 10}


@pytest.mark.parametrize(("bad", "error"), [(7, TypeError), ("", ValueError), ("  ", ValueError)])
def test_filter_view_id_must_be_an_id(bad: Any, error: type[Exception], mock: MockAttio) -> None:
    with pytest.raises(error, match="filter_view_id"):
        attio.Record.list(mock.client(), "people", filter_view_id=bad)
    assert mock.requests == []


def test_fake_applies_the_view_filter_with_the_given_filter() -> None:
    fake = FakeAttio()
    client = fake.client()
    for name, city in [("Ada", "London"), ("Alan", "London"), ("Grace", "New York")]:
        fake.add_record(
            "people",
            {
                "name": [{"first_name": name, "last_name": "X", "full_name": f"{name} X"}],
                "job_title": city,
            },
        )
    londoners = fake.add_view("objects", "people", "London", filter={"job_title": "London"})
    view_id = londoners["id"]["view_id"]
    names = [
        r.plain("name") for r in attio.Record.stream_all(client, "people", filter_view_id=view_id)
    ]
    assert sorted(names) == ["Ada X", "Alan X"]
    both = attio.Record.list(
        client, "people", filter_view_id=view_id, filter={"name": {"first_name": "Ada"}}
    )
    assert [r.plain("name") for r in both.data] == ["Ada X"]
    with pytest.raises(attio.NotFoundError):
        attio.Record.list(client, "people", filter_view_id="00000000-0000-4000-8000-000000000000")


# --------------------------------------------------------------------------- SQL


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_sql_request_and_rows(kind: str, mock: MockAttio) -> None:
    rows = [{"name": "Ada", "employees": 12, "tags": ["a"], "extra": None}]
    mock.data({"rows": rows, "columns_hint": "kept"})
    result = await call(mock, kind, attio.SqlResult, "query", "SELECT name FROM people")
    assert (mock.last.method, mock.last.url.path) == ("POST", "/v2/sql")
    assert mock.body() == {"sql": "SELECT name FROM people"}  # no data envelope
    assert isinstance(result, attio.SqlResult)
    assert result.rows == rows
    assert result.model_dump(mode="json") == {"rows": rows, "columns_hint": "kept"}


@pytest.mark.parametrize(
    ("bad", "error"),
    [(None, TypeError), (b"SELECT 1", TypeError), ("", ValueError), (" \n", ValueError)],
)
def test_sql_bad_input_sends_nothing(bad: Any, error: type[Exception], mock: MockAttio) -> None:
    with pytest.raises(error, match="sql"):
        attio.SqlResult.query(mock.client(), bad)
    assert mock.requests == []


def test_sql_against_fake_attio() -> None:
    fake = FakeAttio()
    client = fake.client()
    fake.add_sql_result("SELECT name\n  FROM people;", [{"name": "Ada"}])
    fake.fail_next(status=503)  # retried: Attio's SQL only reads
    assert attio.SqlResult.query(client, "SELECT name FROM people").rows == [{"name": "Ada"}]
    with pytest.raises(attio.BadRequestError) as caught:
        attio.SqlResult.query(client, "SELECT 1")
    assert caught.value.code == "filter_error"
