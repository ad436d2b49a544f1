"""``attio.Record``: every operation through HTTP (sync and async), parsing and round trips."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import attio
from attio import values as V
from attio._parsing import parse_data, parse_page
from tests.conftest import MockAttio, load_real
from tests.test_values import MODELS, OBJ, SAMPLES, WS, value

RECORD_ID = "7b2c3d4e-0000-4000-8000-000000000001"


def record_body(record_id: str = RECORD_ID, **extra_values: Any) -> dict[str, Any]:
    """A company record holding every attribute type (several values for some)."""
    values: dict[str, list[dict[str, Any]]] = {
        f"attr_{attribute_type.replace('-', '_')}": [copy.deepcopy(sample)]
        for attribute_type, sample in SAMPLES.items()
    }
    values["domains"] = [
        value("domain", domain="acme.example", root_domain="acme.example"),
        value("domain", domain="www.acme.example", root_domain="acme.example"),
    ]
    values["categories"] = [
        copy.deepcopy(SAMPLES["select"]),
        value("select", option="6a1e2f3c-0000-4000-8000-0000000000c2"),
    ]
    historic = copy.deepcopy(SAMPLES["status"])
    historic["active_until"] = "2024-03-01T10:15:30.123456789Z"
    values["stage"] = [historic, copy.deepcopy(SAMPLES["status"])]
    values["linkedin"] = []
    values.update(extra_values)
    return {
        "id": {"workspace_id": WS, "object_id": OBJ, "record_id": record_id},
        "created_at": "2023-11-21T13:22:49.061281000Z",
        "web_url": f"https://app.attio.com/acme/company/{record_id}",
        "values": values,
    }


RECORD = record_body()
ENTRY_LINK = {
    "list_id": "8c3d4e5f-0000-4000-8000-000000000001",
    "list_api_slug": "sales_pipeline",
    "entry_id": "8c3d4e5f-0000-4000-8000-0000000000e1",
    "created_at": "2024-05-06T07:08:09.100000000Z",
}
SEARCH_HIT = {
    "id": {"workspace_id": WS, "object_id": OBJ, "record_id": RECORD_ID},
    "record_text": "Wile E. Coyote",
    "record_image": None,
    "object_slug": "people",
    "email_addresses": ["wile.e@acme.example"],
    "phone_numbers": ["+15558675309"],
}


async def call(aio: bool, mock: MockAttio, name: str, *args: Any, **kwargs: Any) -> Any:
    """Run ``attio.Record.<name>`` (or ``<name>_async``) against ``mock``."""
    if aio:
        async with mock.async_client() as aclient:
            return await getattr(attio.Record, f"{name}_async")(aclient, *args, **kwargs)
    with mock.client() as client:
        return getattr(attio.Record, name)(client, *args, **kwargs)


both = pytest.mark.parametrize("aio", [False, True], ids=["sync", "async"])


# --------------------------------------------------------------------------- model


def test_record_parses_every_type_and_round_trips() -> None:
    record = attio.Record.model_validate(RECORD)
    for attribute_type, model in MODELS.items():
        [parsed] = record.values[f"attr_{attribute_type.replace('-', '_')}"]
        assert type(parsed) is model, attribute_type
    assert record.model_dump(mode="json") == RECORD
    assert json.loads(record.model_dump_json()) == RECORD


def test_record_through_the_client_parser_round_trips() -> None:
    content = json.dumps({"data": [RECORD, record_body("r-2")]}).encode()
    page = parse_page(attio.Record)(content)
    assert [r.record_id for r in page.data] == [RECORD_ID, "r-2"]
    assert [r.model_dump(mode="json") for r in page.data] == [RECORD, record_body("r-2")]
    single = parse_data(attio.Record)(json.dumps({"data": RECORD}).encode())
    assert single.model_dump(mode="json") == RECORD


def test_record_helpers() -> None:
    record = attio.Record.model_validate(RECORD)
    assert record.record_id == RECORD_ID
    assert record.object_id == OBJ
    assert record.created_at is not None
    assert record.created_at.nanosecond == 0
    assert record.plain("attr_text") == "Acme Rockets"
    assert record.plain_values("domains") == ["acme.example", "www.acme.example"]
    assert record.plain_values("categories") == [
        "Enterprise",
        "6a1e2f3c-0000-4000-8000-0000000000c2",
    ]
    assert record.plain("stage") == "Qualified"
    assert len(record.values_of("stage", historic=True)) == 2
    assert record.plain("linkedin") is None


def test_old_record_without_web_url_or_values() -> None:
    body = {
        "id": {"workspace_id": WS, "object_id": OBJ, "record_id": "r"},
        "created_at": "2024-10-01T09:00:00.000000000Z",
    }
    record = attio.Record.model_validate(body)
    assert record.web_url is None
    assert record.values == {}
    assert record.model_dump(mode="json") == body


def test_a_broken_value_does_not_fail_the_page() -> None:
    body = record_body(attr_broken=[value("checkbox", value={"surprise": 1})])
    page = parse_page(attio.Record)(json.dumps({"data": [body]}).encode())
    [broken] = page.data[0].values["attr_broken"]
    assert isinstance(broken, V.UnknownValue)
    assert page.data[0].model_dump(mode="json") == body


# --------------------------------------------------------------------------- query


@both
async def test_list_sends_the_query_body(mock: MockAttio, aio: bool) -> None:
    mock.data([RECORD])
    page = await call(
        aio,
        mock,
        "list",
        "people",
        filter={"name": "Ada"},
        sorts=[{"direction": "asc", "attribute": "name", "field": "last_name"}],
        limit=1,
        offset=40,
    )
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/objects/people/records/query"
    assert mock.query() == {}
    assert mock.body() == {
        "filter": {"name": "Ada"},
        "sorts": [{"direction": "asc", "attribute": "name", "field": "last_name"}],
        "limit": 1,
        "offset": 40,
    }
    assert isinstance(page, attio.Page)
    assert page.data[0].model_dump(mode="json") == RECORD
    assert page.has_next_page()  # a full page (1 of limit 1)
    assert page.next_request is not None
    assert page.next_request.request.json["offset"] == 41


@both
async def test_list_without_arguments_sends_an_empty_body(mock: MockAttio, aio: bool) -> None:
    mock.data([])
    page = await call(aio, mock, "list", "companies")
    assert mock.body() == {}
    assert page.data == []
    assert not page.has_next_page()


def test_list_next_page_uses_the_body_offset(mock: MockAttio) -> None:
    mock.data([record_body("a"), record_body("b")]).data([record_body("c")])
    with mock.client() as client:
        page = attio.Record.list(client, "people", limit=2)
        second = page.next_page()
    assert second is not None
    assert [r.record_id for r in second.data] == ["c"]
    assert mock.body(0) == {"limit": 2}
    assert mock.body(1) == {"limit": 2, "offset": 2}
    assert not second.has_next_page()


def test_stream_walks_every_page(mock: MockAttio) -> None:
    mock.data([record_body("a"), record_body("b")]).data([record_body("c")])
    with mock.client() as client:
        ids = [r.record_id for r in attio.Record.stream(client, "people", page_size=2)]
    assert ids == ["a", "b", "c"]
    assert [mock.body(i) for i in range(2)] == [{"limit": 2}, {"limit": 2, "offset": 2}]
    assert all(r.url.path == "/v2/objects/people/records/query" for r in mock.requests)


async def test_stream_async_walks_every_page(mock: MockAttio) -> None:
    mock.data([record_body("a"), record_body("b")]).data([])
    async with mock.async_client() as aclient:
        ids = [
            r.record_id
            async for r in attio.Record.stream_async(
                aclient, "people", filter={"x": 1}, page_size=2
            )
        ]
    assert ids == ["a", "b"]
    assert mock.body(0) == {"filter": {"x": 1}, "limit": 2}
    assert mock.body(1) == {"filter": {"x": 1}, "limit": 2, "offset": 2}


@both
async def test_stream_all_returns_a_list(mock: MockAttio, aio: bool) -> None:
    mock.data([record_body("a")])
    records = await call(aio, mock, "stream_all", "deals", sorts=[{"direction": "desc"}])
    assert isinstance(records, list)
    assert [r.record_id for r in records] == ["a"]
    assert mock.body() == {"sorts": [{"direction": "desc"}], "limit": 500}
    assert len(mock.requests) == 1  # 1 < 500: the end


@both
async def test_query_is_retried_after_a_503(mock: MockAttio, aio: bool) -> None:
    mock.reply(503, {"status_code": 503, "type": "x", "code": "y", "message": "z"})
    mock.data([RECORD])
    page = await call(aio, mock, "list", "people")
    assert len(page.data) == 1
    assert len(mock.requests) == 2


# --------------------------------------------------------------------------- single records


@both
async def test_get(mock: MockAttio, aio: bool) -> None:
    mock.data(RECORD)
    record = await call(aio, mock, "get", "people", RECORD_ID)
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/objects/people/records/{RECORD_ID}"
    assert mock.last.content == b""
    assert record.model_dump(mode="json") == RECORD


@both
async def test_path_segments_are_percent_encoded(mock: MockAttio, aio: bool) -> None:
    mock.data(RECORD)
    await call(aio, mock, "get", "my objects/x", "a/b")
    assert mock.last.url.raw_path == b"/v2/objects/my%20objects%2Fx/records/a%2Fb"


@both
async def test_create_sends_values_unchanged(mock: MockAttio, aio: bool) -> None:
    mock.data(RECORD)
    values = {
        "name": [{"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"}],
        "email_addresses": ["ada@example.com"],
        "6a1e2f3c-0000-4000-8000-0000000000b1": "Gold",
    }
    record = await call(aio, mock, "create", "people", values)
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/objects/people/records"
    assert mock.query() == {}
    assert mock.body() == {"data": {"values": values}}
    assert isinstance(record, attio.Record)


@both
async def test_create_serialises_value_models(mock: MockAttio, aio: bool) -> None:
    mock.data(RECORD)
    source = attio.Record.model_validate(RECORD)
    await call(
        aio,
        mock,
        "create",
        "companies",
        {
            "name": source.first("attr_text"),
            "domains": source.values_of("domains"),
            "tier": source.first("attr_select"),
            "team": ["ada@example.com"],
        },
    )
    assert mock.body() == {
        "data": {
            "values": {
                # A single value model is sent as a one-element list (the spec wants arrays).
                "name": [{"value": "Acme Rockets"}],
                "domains": [{"domain": "acme.example"}, {"domain": "www.acme.example"}],
                "tier": [{"option": "6a1e2f3c-0000-4000-8000-0000000000c1"}],
                "team": ["ada@example.com"],
            }
        }
    }


@both
async def test_upsert_puts_with_matching_attribute(mock: MockAttio, aio: bool) -> None:
    mock.data(RECORD)
    values = {"domains": ["acme.example"], "name": "Acme"}
    await call(aio, mock, "upsert", "companies", values, matching_attribute="domains")
    assert mock.last.method == "PUT"
    assert mock.last.url.path == "/v2/objects/companies/records"
    assert mock.query() == {"matching_attribute": "domains"}
    assert mock.body() == {"data": {"values": values}}


@both
async def test_update_patches_by_default(mock: MockAttio, aio: bool) -> None:
    mock.data(RECORD)
    await call(aio, mock, "update", "people", RECORD_ID, {"tags": ["VIP"]})
    assert mock.last.method == "PATCH"
    assert mock.last.url.path == f"/v2/objects/people/records/{RECORD_ID}"
    assert mock.body() == {"data": {"values": {"tags": ["VIP"]}}}


@both
async def test_update_with_overwrite_puts(mock: MockAttio, aio: bool) -> None:
    mock.data(RECORD)
    await call(aio, mock, "update", "people", RECORD_ID, {"tags": []}, overwrite=True)
    assert mock.last.method == "PUT"
    assert mock.last.url.path == f"/v2/objects/people/records/{RECORD_ID}"
    assert mock.query() == {}
    assert mock.body() == {"data": {"values": {"tags": []}}}


@both
async def test_delete_returns_none(mock: MockAttio, aio: bool) -> None:
    mock.reply(200, {})
    result = await call(aio, mock, "delete", "people", RECORD_ID)
    assert result is None
    assert mock.last.method == "DELETE"
    assert mock.last.url.path == f"/v2/objects/people/records/{RECORD_ID}"


@both
async def test_create_is_not_retried_after_a_503(mock: MockAttio, aio: bool) -> None:
    mock.reply(503, {"status_code": 503, "type": "x", "code": "y", "message": "z"})
    with pytest.raises(attio.InternalServerError):
        await call(aio, mock, "create", "people", {"name": "x"})
    assert len(mock.requests) == 1


# --------------------------------------------------------------------------- sub-resources


@both
async def test_list_attribute_values(mock: MockAttio, aio: bool) -> None:
    historic = dict(SAMPLES["status"], active_until="2024-03-01T10:15:30.123456789Z")
    mock.data([historic, SAMPLES["status"], SAMPLES["vector-embedding"]])
    page = await call(
        aio,
        mock,
        "list_attribute_values",
        "deals",
        RECORD_ID,
        "stage",
        show_historic=True,
        limit=3,
        offset=6,
    )
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/objects/deals/records/{RECORD_ID}/attributes/stage/values"
    assert mock.query() == {"show_historic": "true", "limit": "3", "offset": "6"}
    assert [type(v) for v in page.data] == [V.StatusValue, V.StatusValue, V.UnknownValue]
    assert [v.model_dump(mode="json") for v in page.data] == [
        historic,
        SAMPLES["status"],
        SAMPLES["vector-embedding"],
    ]
    assert page.has_next_page()
    assert page.next_request.request.params["offset"] == 9


@both
async def test_list_attribute_values_defaults(mock: MockAttio, aio: bool) -> None:
    mock.data([SAMPLES["text"]])
    page = await call(aio, mock, "list_attribute_values", "people", RECORD_ID, "name")
    assert mock.query() == {"show_historic": "false"}
    assert page.data[0].plain == "Acme Rockets"


@both
async def test_list_entries(mock: MockAttio, aio: bool) -> None:
    mock.data([ENTRY_LINK])
    page = await call(aio, mock, "list_entries", "companies", RECORD_ID, limit=10, offset=20)
    assert mock.last.method == "GET"
    assert mock.last.url.path == f"/v2/objects/companies/records/{RECORD_ID}/entries"
    assert mock.query() == {"limit": "10", "offset": "20"}
    [link] = page.data
    assert isinstance(link, attio.RecordEntry)
    assert link.list_api_slug == "sales_pipeline"
    assert link.model_dump(mode="json") == ENTRY_LINK
    assert not page.has_next_page()


@both
async def test_list_entries_defaults(mock: MockAttio, aio: bool) -> None:
    mock.data([ENTRY_LINK] * 100)
    page = await call(aio, mock, "list_entries", "companies", RECORD_ID)
    assert mock.query() == {}
    assert page.has_next_page()  # 100 is Attio's default page size: maybe more


# --------------------------------------------------------------------------- search / merge


@both
async def test_search_defaults(mock: MockAttio, aio: bool) -> None:
    mock.data([SEARCH_HIT])
    hits = await call(aio, mock, "search", "wile", objects=["people", "companies"])
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/objects/records/search"
    assert mock.query() == {}
    assert mock.body() == {
        "query": "wile",
        "objects": ["people", "companies"],
        "request_as": {"type": "workspace"},
        "limit": 25,
    }
    [hit] = hits
    assert isinstance(hit, attio.SearchResult)
    assert hit.record_id == RECORD_ID
    assert hit.email_addresses == ["wile.e@acme.example"]
    assert hit.model_dump(mode="json") == SEARCH_HIT


@both
async def test_search_options(mock: MockAttio, aio: bool) -> None:
    mock.data([])
    request_as = {"type": "workspace-member", "email_address": "ada@example.com"}
    hits = await call(aio, mock, "search", "", objects="deals", limit=5, request_as=request_as)
    assert hits == []
    assert mock.body() == {
        "query": "",
        "objects": ["deals"],
        "request_as": request_as,
        "limit": 5,
    }


@both
async def test_search_is_retried_after_a_502(mock: MockAttio, aio: bool) -> None:
    mock.reply(502, None).data([SEARCH_HIT])
    hits = await call(aio, mock, "search", "wile", objects=["people"])
    assert len(hits) == 1
    assert len(mock.requests) == 2


@both
async def test_merge(mock: MockAttio, aio: bool) -> None:
    mock.data(RECORD)
    record = await call(aio, mock, "merge", "companies", RECORD_ID, "secondary-id")
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/objects/companies/records/merge"
    assert mock.body() == {
        "data": {"primary_record_id": RECORD_ID, "secondary_record_id": "secondary-id"}
    }
    assert record.record_id == RECORD_ID


# --------------------------------------------------------------------------- client checks


def test_sync_method_refuses_an_async_client(mock: MockAttio) -> None:
    with pytest.raises(TypeError):
        attio.Record.get(mock.async_client(), "people", RECORD_ID)  # type: ignore[arg-type]
    assert mock.requests == []


async def test_async_method_refuses_a_sync_client(mock: MockAttio) -> None:
    with pytest.raises(TypeError):
        await attio.Record.get_async(mock.client(), "people", RECORD_ID)  # type: ignore[arg-type]
    assert mock.requests == []


def test_a_body_that_is_not_a_record_raises_response_validation_error(mock: MockAttio) -> None:
    mock.data({"id": "not-an-id-object"})
    with mock.client() as client, pytest.raises(attio.ResponseValidationError):
        attio.Record.get(client, "people", RECORD_ID)


# --------------------------------------------------------------------------- real responses

REAL_QUERIES = [
    "amp-connectors__post_v2_objects_companies_records_query.json",
    "kfd-devtools__post_v2_objects_companies_records_query.json",
    "kfd-devtools__post_v2_objects_people_records_query_empty.json",
    "rbeene-ruby__post_v2_objects_people_records_query.json",
]
REAL_SINGLE_ENVELOPED = ["rbeene-ruby__post_v2_objects_people_records.json"]
REAL_SINGLE_BARE = [
    "kesslerio-mcp__get_v2_objects_companies_records_record_1.json",
    "kesslerio-mcp__get_v2_objects_companies_records_record_2.json",
    "domeccleston-sheets__post_v2_objects_companies_records_query_item.json",
]


def _check_values(record: attio.Record) -> None:
    for attribute, values in record.values.items():
        for parsed in values:
            expected = V.VALUE_TYPES.get(parsed.attribute_type, V.UnknownValue)
            assert type(parsed) is expected, (attribute, parsed.attribute_type)


@pytest.mark.parametrize("name", REAL_QUERIES)
def test_real_records_query_parses_and_round_trips(name: str) -> None:
    body = load_real(name)
    page = parse_page(attio.Record)(json.dumps(body).encode())
    assert [r.model_dump(mode="json") for r in page.data] == body["data"]
    for record in page.data:
        _check_values(record)


@pytest.mark.parametrize("name", REAL_SINGLE_ENVELOPED)
def test_real_single_record_parses_and_round_trips(name: str) -> None:
    body = load_real(name)
    record = parse_data(attio.Record)(json.dumps(body).encode())
    assert record.model_dump(mode="json") == body["data"]
    _check_values(record)


@pytest.mark.parametrize("name", REAL_SINGLE_BARE)
def test_real_bare_record_parses_and_round_trips(name: str) -> None:
    body = load_real(name)
    record = attio.Record.model_validate_json(json.dumps(body))
    assert record.model_dump(mode="json") == body
    assert attio.Record.model_validate(body).model_dump(mode="json") == body
    _check_values(record)
    assert not any(
        isinstance(v, V.UnknownValue) for values in record.values.values() for v in values
    )


def test_real_records_read_conveniently() -> None:
    body = load_real("kfd-devtools__post_v2_objects_companies_records_query.json")
    page = parse_page(attio.Record)(json.dumps(body).encode())
    for record, raw in zip(page.data, body["data"], strict=True):
        name = raw["values"]["name"]
        assert record.plain("name") == (name[0]["value"] if name else None)
        assert record.record_id == raw["id"]["record_id"]
