"""``attio.Entry``: every operation through HTTP (sync and async), parsing and round trips."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import attio
from attio import values as V
from attio._parsing import parse_data, parse_page
from tests.bodies import full
from tests.conftest import MockAttio, load_real
from tests.test_values import MODELS, SAMPLES, WS, value

LIST_ID = "9d4e5f60-0000-4000-8000-000000000001"
ENTRY_ID = "9d4e5f60-0000-4000-8000-0000000000e1"
PARENT_ID = "9d4e5f60-0000-4000-8000-0000000000f1"


def entry_body(entry_id: str = ENTRY_ID, **extra_values: Any) -> dict[str, Any]:
    """A sales-pipeline entry holding every attribute type (list attributes can be any type)."""
    entry_values: dict[str, list[dict[str, Any]]] = {
        f"attr_{attribute_type.replace('-', '_')}": [copy.deepcopy(sample)]
        for attribute_type, sample in SAMPLES.items()
    }
    entry_values["owners"] = [
        value(
            "actor-reference", referenced_actor_type="workspace-member", referenced_actor_id="m1"
        ),
        value(
            "actor-reference", referenced_actor_type="workspace-member", referenced_actor_id="m2"
        ),
    ]
    entry_values["deal_value"] = [value("currency", currency_value=250000)]  # no currency_code
    entry_values["next_step"] = []
    entry_values.update(extra_values)
    return {
        "id": {"workspace_id": WS, "list_id": LIST_ID, "entry_id": entry_id},
        "parent_record_id": PARENT_ID,
        "parent_object": "companies",
        "created_at": "2024-11-12T12:01:10.798000000Z",
        "entry_values": entry_values,
    }


ENTRY = entry_body()


async def call(aio: bool, mock: MockAttio, name: str, *args: Any, **kwargs: Any) -> Any:
    """Run ``attio.Entry.<name>`` (or ``<name>_async``) against ``mock``."""
    if aio:
        async with mock.async_client() as aclient:
            return await getattr(attio.Entry, f"{name}_async")(aclient, *args, **kwargs)
    with mock.client() as client:
        return getattr(attio.Entry, name)(client, *args, **kwargs)


both = pytest.mark.parametrize("aio", [False, True], ids=["sync", "async"])


# --------------------------------------------------------------------------- model


def test_entry_parses_every_type_and_round_trips() -> None:
    entry = attio.Entry.model_validate(ENTRY)
    for attribute_type, model in MODELS.items():
        [parsed] = entry.entry_values[f"attr_{attribute_type.replace('-', '_')}"]
        assert type(parsed) is model, attribute_type
    assert entry.model_dump(mode="json") == ENTRY
    assert json.loads(entry.model_dump_json()) == ENTRY


def test_entry_through_the_client_parser_round_trips() -> None:
    page = parse_page(attio.Entry)(json.dumps({"data": [ENTRY, entry_body("e-2")]}).encode())
    assert [e.model_dump(mode="json") for e in page.data] == [ENTRY, entry_body("e-2")]
    single = parse_data(attio.Entry)(json.dumps({"data": ENTRY}).encode())
    assert single.model_dump(mode="json") == ENTRY


def test_entry_helpers_read_entry_values() -> None:
    entry = attio.Entry.model_validate(ENTRY)
    assert entry.entry_id == ENTRY_ID
    assert entry.list_id == LIST_ID
    assert entry.parent_record_id == PARENT_ID
    assert entry.plain("attr_status") == "Qualified"
    assert entry.plain_values("owners") == ["m1", "m2"]
    assert str(entry.plain("deal_value")) == "250000"
    first = entry.first("attr_rating")
    assert isinstance(first, V.RatingValue)
    assert first.value == 4
    assert entry.values_of("next_step") == []
    assert entry.plain("next_step", default=0) == 0


def test_entry_without_entry_values() -> None:
    body = full("Entry", id={"workspace_id": WS, "list_id": LIST_ID, "entry_id": "e"})
    del body["entry_values"]
    entry = attio.Entry.model_validate(body)
    assert entry.entry_values == {}
    assert entry.model_dump(mode="json") == body


# --------------------------------------------------------------------------- query


@both
async def test_list_sends_the_query_body(mock: MockAttio, aio: bool) -> None:
    mock.data([ENTRY])
    page = await call(
        aio,
        mock,
        "list",
        "sales_pipeline",
        filter={"stage": "Won"},
        sorts=[{"direction": "desc", "attribute": "created_at"}],
        limit=10,
        offset=0,
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/lists/sales_pipeline/entries/query"
    assert mock.query() == {}
    assert mock.body() == {
        "filter": {"stage": "Won"},
        "sorts": [{"direction": "desc", "attribute": "created_at"}],
        "limit": 10,
        "offset": 0,
    }
    assert page.data[0].model_dump(mode="json") == ENTRY
    assert not page.has_next_page()


@both
async def test_list_without_arguments(mock: MockAttio, aio: bool) -> None:
    mock.data([])
    page = await call(aio, mock, "list", LIST_ID)
    assert mock.last.url.path == f"/v2/lists/{LIST_ID}/entries/query"
    assert mock.body() == {}
    assert page.data == []


def test_stream_walks_every_page(mock: MockAttio) -> None:
    mock.data([entry_body("a"), entry_body("b")]).data([entry_body("c")])
    with mock.client() as client:
        ids = [e.entry_id for e in attio.Entry.stream(client, "pipeline", page_size=2)]
    assert ids == ["a", "b", "c"]
    assert [mock.body(i) for i in range(2)] == [{"limit": 2}, {"limit": 2, "offset": 2}]


async def test_stream_async_walks_every_page(mock: MockAttio) -> None:
    mock.data([entry_body("a"), entry_body("b")]).data([entry_body("c")])
    async with mock.async_client() as aclient:
        ids = [
            e.entry_id
            async for e in attio.Entry.stream_async(
                aclient, "pipeline", sorts=[{"direction": "asc"}], page_size=2
            )
        ]
    assert ids == ["a", "b", "c"]
    assert mock.body(1) == {"sorts": [{"direction": "asc"}], "limit": 2, "offset": 2}


@both
async def test_stream_all(mock: MockAttio, aio: bool) -> None:
    mock.data([entry_body("a")])
    entries = await call(aio, mock, "stream_all", "pipeline", filter={"stage": "Lead"})
    assert [e.entry_id for e in entries] == ["a"]
    assert mock.body() == {"filter": {"stage": "Lead"}, "limit": 500}


@both
async def test_query_is_retried_after_a_500(mock: MockAttio, aio: bool) -> None:
    mock.reply(500, None).data([ENTRY])
    page = await call(aio, mock, "list", "pipeline")
    assert len(page.data) == 1
    assert len(mock.requests) == 2


# --------------------------------------------------------------------------- single entries


@both
async def test_get(mock: MockAttio, aio: bool) -> None:
    mock.data(ENTRY)
    entry = await call(aio, mock, "get", "sales pipeline", ENTRY_ID)
    assert mock.last.method == "GET"
    assert mock.last.url.raw_path == f"/v2/lists/sales%20pipeline/entries/{ENTRY_ID}".encode()
    assert entry.model_dump(mode="json") == ENTRY


@both
async def test_create(mock: MockAttio, aio: bool) -> None:
    mock.data(ENTRY)
    entry_values = {"stage": "Prospecting", "deal_value": 5000, "owners": ["ada@example.com"]}
    entry = await call(
        aio,
        mock,
        "create",
        "pipeline",
        parent_object="companies",
        parent_record_id=PARENT_ID,
        entry_values=entry_values,
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/lists/pipeline/entries"
    assert mock.query() == {}
    assert mock.body() == {
        "data": {
            "parent_record_id": PARENT_ID,
            "parent_object": "companies",
            "entry_values": entry_values,
        }
    }
    assert entry.entry_id == ENTRY_ID


@both
async def test_create_is_not_retried_after_a_503(mock: MockAttio, aio: bool) -> None:
    mock.reply(503, None)
    with pytest.raises(attio.InternalServerError):
        await call(
            aio,
            mock,
            "create",
            "pipeline",
            parent_object="companies",
            parent_record_id=PARENT_ID,
            entry_values={},
        )
    assert len(mock.requests) == 1


@both
async def test_upsert_serialises_value_models(mock: MockAttio, aio: bool) -> None:
    mock.data(ENTRY)
    source = attio.Entry.model_validate(ENTRY)
    await call(
        aio,
        mock,
        "upsert",
        "pipeline",
        parent_object="companies",
        parent_record_id=PARENT_ID,
        entry_values={
            "stage": source.first("attr_status"),
            "owners": source.values_of("owners"),
            "rating": 5,
        },
    )
    assert mock.last.method == "PUT"
    assert mock.last.url.path == "/v2/lists/pipeline/entries"
    assert mock.body() == {
        "data": {
            "parent_record_id": PARENT_ID,
            "parent_object": "companies",
            "entry_values": {
                "stage": [{"status": "6a1e2f3c-0000-4000-8000-0000000000d1"}],  # one-element list
                "owners": [
                    {"referenced_actor_type": "workspace-member", "referenced_actor_id": "m1"},
                    {"referenced_actor_type": "workspace-member", "referenced_actor_id": "m2"},
                ],
                "rating": 5,
            },
        }
    }


@both
async def test_update_patches_by_default(mock: MockAttio, aio: bool) -> None:
    mock.data(ENTRY)
    await call(aio, mock, "update", "pipeline", ENTRY_ID, {"tags": ["hot"]})
    assert mock.last.method == "PATCH"
    assert mock.last.url.path == f"/v2/lists/pipeline/entries/{ENTRY_ID}"
    assert mock.body() == {"data": {"entry_values": {"tags": ["hot"]}}}


@both
async def test_update_with_overwrite_puts(mock: MockAttio, aio: bool) -> None:
    mock.data(ENTRY)
    await call(aio, mock, "update", "pipeline", ENTRY_ID, {"tags": ["cold"]}, overwrite=True)
    assert mock.last.method == "PUT"
    assert mock.last.url.path == f"/v2/lists/pipeline/entries/{ENTRY_ID}"
    assert mock.body() == {"data": {"entry_values": {"tags": ["cold"]}}}


@both
async def test_delete_returns_none(mock: MockAttio, aio: bool) -> None:
    mock.reply(200, {})
    assert await call(aio, mock, "delete", "pipeline", ENTRY_ID) is None
    assert mock.last.method == "DELETE"
    assert mock.last.url.path == f"/v2/lists/pipeline/entries/{ENTRY_ID}"


@both
async def test_list_attribute_values(mock: MockAttio, aio: bool) -> None:
    mock.data([SAMPLES["status"], SAMPLES["select"]])
    page = await call(
        aio,
        mock,
        "list_attribute_values",
        "pipeline",
        ENTRY_ID,
        "stage",
        show_historic=True,
        limit=2,
    )
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/lists/pipeline/entries/{ENTRY_ID}/attributes/stage/values"
    assert mock.query() == {"show_historic": "true", "limit": "2"}
    assert [type(v) for v in page.data] == [V.StatusValue, V.SelectValue]
    assert page.has_next_page()


@both
async def test_list_attribute_values_defaults(mock: MockAttio, aio: bool) -> None:
    mock.data([])
    page = await call(aio, mock, "list_attribute_values", "pipeline", ENTRY_ID, "stage")
    assert mock.query() == {"show_historic": "false"}
    assert page.data == []
    assert not page.has_next_page()


def test_sync_method_refuses_an_async_client(mock: MockAttio) -> None:
    with pytest.raises(TypeError):
        attio.Entry.delete(mock.async_client(), "pipeline", ENTRY_ID)  # type: ignore[arg-type]
    assert mock.requests == []


# --------------------------------------------------------------------------- real responses


@pytest.mark.parametrize(
    "name",
    [
        "domeccleston-sheets__post_v2_lists_entries_query.json",
        "kfd-devtools__post_v2_lists_entries_query_empty.json",
    ],
)
def test_real_entries_query_parses_and_round_trips(name: str) -> None:
    body = load_real(name)
    page = parse_page(attio.Entry)(json.dumps(body).encode())
    assert [e.model_dump(mode="json") for e in page.data] == body["data"]
    for entry in page.data:
        for values in entry.entry_values.values():
            for parsed in values:
                expected = V.VALUE_TYPES.get(parsed.attribute_type, V.UnknownValue)
                assert type(parsed) is expected
                assert not isinstance(parsed, V.UnknownValue)


def test_real_entries_read_conveniently() -> None:
    body = load_real("domeccleston-sheets__post_v2_lists_entries_query.json")
    page = parse_page(attio.Entry)(json.dumps(body).encode())
    for entry, raw in zip(page.data, body["data"], strict=True):
        stage = [v for v in raw["entry_values"].get("stage", []) if v["active_until"] is None]
        expected = stage[0]["status"]["title"] if stage else None
        assert entry.plain("stage") == expected
