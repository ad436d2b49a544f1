"""``Attribute``: requests sent, models read, round trips."""

from __future__ import annotations

from typing import Any

import pytest

import attio
from attio.attributes import (
    AttributeConfig,
    AttributeDefaultValue,
    CurrencyConfig,
    RecordReferenceConfig,
)
from tests.bodies import full
from tests.conftest import MockAttio, load_real
from tests.samples import BAD_TARGETS, roundtrip

WS = "1f5a0c3e-8d2b-4c71-9e6f-2a4b6c8d0e1f"
OBJ = "7c2d9e41-3b5a-4f60-8a1c-9d0e2f4b6a83"
LIST_ID = "b4e1a2c3-5d6f-4a7b-8c9d-0e1f2a3b4c5d"

TEXT_ATTRIBUTE: dict[str, Any] = {
    "id": {
        "workspace_id": WS,
        "object_id": OBJ,
        "attribute_id": "0d8f2e6a-1b3c-4d5e-9f70-8a1b2c3d4e5f",
    },
    "title": "Nickname",
    "description": None,
    "api_slug": "nickname",
    "type": "text",
    "is_system_attribute": False,
    "is_writable": True,
    "is_required": False,
    "is_unique": False,
    "is_multiselect": False,
    "is_default_value_enabled": False,
    "is_archived": False,
    "default_value": None,
    "relationship": None,
    "created_at": "2024-03-14T09:26:53.589793238Z",
    "config": {
        "currency": {"default_currency_code": None, "display_type": None},
        "record_reference": {"allowed_object_ids": None},
    },
}

CURRENCY_ATTRIBUTE: dict[str, Any] = {
    **TEXT_ATTRIBUTE,
    "id": {**TEXT_ATTRIBUTE["id"], "attribute_id": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"},
    "title": "Deal value",
    "description": "Expected contract value",
    "api_slug": "deal_value",
    "type": "currency",
    "config": {
        "currency": {"default_currency_code": "EUR", "display_type": "symbol"},
        "record_reference": {"allowed_object_ids": None},
    },
}

REFERENCE_ATTRIBUTE: dict[str, Any] = {
    **TEXT_ATTRIBUTE,
    "id": {**TEXT_ATTRIBUTE["id"], "attribute_id": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"},
    "title": "Account manager",
    "api_slug": "account_manager",
    "type": "record-reference",
    "is_multiselect": True,
    "relationship": {
        "id": {
            "workspace_id": WS,
            "object_id": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
            "attribute_id": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
        },
        "object_slug": "companies",
        "title": "Managed accounts",
        "api_slug": "managed_accounts",
        "is_multiselect": True,
    },
    "config": {
        "currency": {"default_currency_code": None, "display_type": None},
        "record_reference": {"allowed_object_ids": ["3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"]},
    },
}

DYNAMIC_DEFAULT_ATTRIBUTE: dict[str, Any] = {
    **TEXT_ATTRIBUTE,
    "title": "Owner",
    "api_slug": "owner",
    "type": "actor-reference",
    "is_default_value_enabled": True,
    "default_value": {"type": "dynamic", "template": "current-user"},
}

STATIC_DEFAULT_ATTRIBUTE: dict[str, Any] = {
    **TEXT_ATTRIBUTE,
    "title": "Seats",
    "api_slug": "seats",
    "type": "number",
    "is_default_value_enabled": True,
    "default_value": {
        "type": "static",
        "template": [
            {
                "active_from": "2024-03-14T09:26:53.589000000Z",
                "active_until": None,
                "created_by_actor": {"type": "system", "id": None},
                "value": 5,
                "attribute_type": "number",
            }
        ],
    },
    "a_future_field": {"nested": [1, 2.5, None]},
}

LIST_ATTRIBUTE: dict[str, Any] = {
    **TEXT_ATTRIBUTE,
    "id": {
        "workspace_id": WS,
        "object_id": LIST_ID,
        "attribute_id": "6f5e4d3c-2b1a-4f0e-9d8c-7b6a5f4e3d2c",
    },
    "title": "Stage",
    "api_slug": "stage",
    "type": "status",
}

ALL_ATTRIBUTES = [
    TEXT_ATTRIBUTE,
    CURRENCY_ATTRIBUTE,
    REFERENCE_ATTRIBUTE,
    DYNAMIC_DEFAULT_ATTRIBUTE,
    STATIC_DEFAULT_ATTRIBUTE,
    LIST_ATTRIBUTE,
]


# --------------------------------------------------------------------------- models


@pytest.mark.parametrize("body", ALL_ATTRIBUTES, ids=lambda b: b["api_slug"])
def test_attribute_round_trip(body: dict[str, Any]) -> None:
    roundtrip(attio.Attribute, body)


def test_attribute_fields_are_typed() -> None:
    ref = attio.Attribute.model_validate(REFERENCE_ATTRIBUTE)
    assert isinstance(ref.id, attio.AttributeId)
    assert ref.type == "record-reference"
    assert ref.relationship is not None
    assert ref.relationship.object_slug == "companies"
    assert ref.relationship.id is not None
    assert ref.relationship.id.attribute_id == "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"
    assert isinstance(ref.config, AttributeConfig)
    assert isinstance(ref.config.record_reference, RecordReferenceConfig)
    assert ref.config.record_reference.allowed_object_ids == [
        "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
    ]
    assert ref.created_at is not None
    assert ref.created_at.nanosecond == 238

    money = attio.Attribute.model_validate(CURRENCY_ATTRIBUTE)
    assert money.config is not None
    assert isinstance(money.config.currency, CurrencyConfig)
    assert money.config.currency.default_currency_code == "EUR"
    assert money.config.currency.display_type == "symbol"

    text = attio.Attribute.model_validate(TEXT_ATTRIBUTE)
    assert text.config is not None
    assert text.config.currency is not None
    assert text.config.currency.default_currency_code is None

    owner = attio.Attribute.model_validate(DYNAMIC_DEFAULT_ATTRIBUTE)
    assert isinstance(owner.default_value, AttributeDefaultValue)
    assert owner.default_value.type == "dynamic"
    assert owner.default_value.template == "current-user"


def test_attribute_accepts_unknown_type_and_fields() -> None:
    body = {**TEXT_ATTRIBUTE, "type": "ai-summary", "is_hidden": True}
    model = roundtrip(attio.Attribute, body)
    assert isinstance(model, attio.Attribute)
    assert model.type == "ai-summary"
    assert model.model_extra == {"is_hidden": True}


def test_attribute_minimal_body_adds_nothing() -> None:
    # Every field the spec requires, none of the optional ones: nothing is added on dump.
    body = full("Attribute", id=TEXT_ATTRIBUTE["id"], api_slug="nickname")
    roundtrip(attio.Attribute, body)


REAL_ATTRIBUTE_FILES = [
    "kfd-devtools__get_v2_objects_people_attributes.json",
    "kfd-devtools__get_v2_objects_companies_attributes.json",
    "kfd-devtools__get_v2_objects_people_attributes_name.json",
    "rbeene-ruby__get_v2_objects_people_attributes.json",
    "rbeene-ruby__get_v2_objects_people_attributes_attribute.json",
    "rbeene-ruby__post_v2_objects_people_attributes.json",
    "rbeene-ruby__patch_v2_objects_people_attributes_attribute.json",
]


@pytest.mark.parametrize("name", REAL_ATTRIBUTE_FILES)
def test_real_attribute_responses_round_trip(mock: MockAttio, name: str) -> None:
    body = load_real(name)
    items = body["data"] if isinstance(body["data"], list) else [body["data"]]
    assert items
    for item in items:
        roundtrip(attio.Attribute, item)
    # and through the client, exactly as a response
    mock.reply(200, body)
    client = mock.client()
    if isinstance(body["data"], list):
        page = attio.Attribute.list(client, "objects", "people")
        assert [a.model_dump(mode="json") for a in page.data] == body["data"]
    else:
        one = attio.Attribute.get(client, "objects", "people", "name")
        assert one.model_dump(mode="json") == body["data"]


# --------------------------------------------------------------------------- target


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_bad_target_is_rejected_before_any_request(mock: MockAttio, target: Any) -> None:
    client = mock.client()
    with pytest.raises(ValueError, match="'objects' or 'lists'"):
        attio.Attribute.list(client, target, "people")
    with pytest.raises(ValueError, match="'objects' or 'lists'"):
        attio.Attribute.stream(client, target, "people")
    with pytest.raises(ValueError, match="'objects' or 'lists'"):
        attio.Attribute.get(client, target, "people", "name")
    assert mock.requests == []


async def test_bad_target_is_rejected_async(mock: MockAttio) -> None:
    aclient = mock.async_client()
    with pytest.raises(ValueError, match="'objects' or 'lists'"):
        await attio.Attribute.create_async(
            aclient,
            "list",  # type: ignore[arg-type]
            "deals",
            title="T",
            description=None,
            api_slug="t",
            type="text",
            is_required=False,
            is_unique=False,
            is_multiselect=False,
            config={},
        )
    with pytest.raises(ValueError, match="'objects' or 'lists'"):
        attio.Attribute.stream_async(aclient, "list", "deals")  # type: ignore[arg-type]
    assert mock.requests == []


def test_wrong_client_kind_is_a_type_error(mock: MockAttio) -> None:
    with pytest.raises(TypeError, match="_async"):
        attio.Attribute.get(mock.async_client(), "objects", "people", "name")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        attio.Attribute.stream(mock.async_client(), "objects", "people")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- Attribute ops


def test_list_sync_sends_query_and_parses(mock: MockAttio) -> None:
    mock.data([TEXT_ATTRIBUTE, CURRENCY_ATTRIBUTE])
    page = attio.Attribute.list(
        mock.client(), "objects", "people", limit=2, offset=4, show_archived=True
    )
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/objects/people/attributes"
    assert mock.query() == {"limit": "2", "offset": "4", "show_archived": "true"}
    assert mock.body() is None
    assert isinstance(page, attio.Page)
    assert [a.api_slug for a in page.data] == ["nickname", "deal_value"]
    assert page.has_next_page()


async def test_list_async_sends_no_unasked_query(mock: MockAttio) -> None:
    mock.data([LIST_ATTRIBUTE])
    page = await attio.Attribute.list_async(mock.async_client(), "lists", "sales pipeline")
    assert mock.last.method == "GET"
    assert mock.last.url.raw_path == b"/v2/lists/sales%20pipeline/attributes"
    assert mock.query() == {}
    assert page.data[0].model_dump(mode="json") == LIST_ATTRIBUTE
    # no default limit is documented: only an empty page ends the data
    assert page.has_next_page()


async def test_list_show_archived_false_is_sent_as_false(mock: MockAttio) -> None:
    mock.data([])
    await attio.Attribute.list_async(mock.async_client(), "objects", "people", show_archived=False)
    assert mock.query() == {"show_archived": "false"}


def _pages(*slugs_per_page: list[str]) -> list[dict[str, Any]]:
    return [
        {"data": [{**TEXT_ATTRIBUTE, "api_slug": slug} for slug in slugs]}
        for slugs in slugs_per_page
    ]


def test_stream_walks_pages_by_offset(mock: MockAttio) -> None:
    for page in _pages(["a", "b"], ["c", "d"], ["e"]):
        mock.reply(200, page)
    stream = attio.Attribute.stream(mock.client(), "objects", "people", page_size=2)
    assert mock.requests == []  # lazy
    assert [a.api_slug for a in stream] == ["a", "b", "c", "d", "e"]
    assert [mock.query(i) for i in range(3)] == [
        {"limit": "2"},
        {"limit": "2", "offset": "2"},
        {"limit": "2", "offset": "4"},
    ]
    assert {r.url.path for r in mock.requests} == {"/v2/objects/people/attributes"}


def test_stream_without_page_size_ends_on_empty_page(mock: MockAttio) -> None:
    for page in _pages(["a", "b", "c"], []):
        mock.reply(200, page)
    result = attio.Attribute.stream_all(mock.client(), "lists", "deals", show_archived=True)
    assert [a.api_slug for a in result] == ["a", "b", "c"]
    assert [mock.query(i) for i in range(2)] == [
        {"show_archived": "true"},
        {"show_archived": "true", "offset": "3"},
    ]


async def test_stream_async_and_stream_all_async(mock: MockAttio) -> None:
    for page in _pages(["a", "b"], ["c"], ["a", "b"], ["c"]):
        mock.reply(200, page)
    aclient = mock.async_client()
    seen = [
        a.api_slug
        async for a in attio.Attribute.stream_async(aclient, "objects", "deals", page_size=2)
    ]
    assert seen == ["a", "b", "c"]
    everything = await attio.Attribute.stream_all_async(aclient, "objects", "deals", page_size=2)
    assert [a.api_slug for a in everything] == ["a", "b", "c"]
    assert [mock.query(i) for i in range(4)] == [
        {"limit": "2"},
        {"limit": "2", "offset": "2"},
        {"limit": "2"},
        {"limit": "2", "offset": "2"},
    ]


def test_get_sync(mock: MockAttio) -> None:
    mock.data(REFERENCE_ATTRIBUTE)
    attribute = attio.Attribute.get(mock.client(), "objects", "people", "account_manager")
    assert mock.last.method == "GET"
    assert mock.last.url.path == "/v2/objects/people/attributes/account_manager"
    assert mock.body() is None
    assert attribute.model_dump(mode="json") == REFERENCE_ATTRIBUTE


async def test_get_async_encodes_segments(mock: MockAttio) -> None:
    mock.data(LIST_ATTRIBUTE)
    await attio.Attribute.get_async(mock.async_client(), "lists", "q3/q4", "stage")
    assert mock.last.method == "GET"
    assert mock.last.url.raw_path == b"/v2/lists/q3%2Fq4/attributes/stage"


CREATE_ARGS: dict[str, Any] = {
    "title": "Deal value",
    "description": None,
    "api_slug": "deal_value",
    "type": "currency",
    "is_required": False,
    "is_unique": False,
    "is_multiselect": False,
    "config": {"currency": {"default_currency_code": "EUR", "display_type": "symbol"}},
}


def test_create_sync_sends_exact_body(mock: MockAttio) -> None:
    mock.data(CURRENCY_ATTRIBUTE)
    created = attio.Attribute.create(mock.client(), "objects", "deals", **CREATE_ARGS)
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/objects/deals/attributes"
    assert mock.query() == {}
    assert mock.body() == {"data": CREATE_ARGS}  # description None is sent as null
    assert created.api_slug == "deal_value"


async def test_create_async_with_default_and_relationship(mock: MockAttio) -> None:
    mock.data(REFERENCE_ATTRIBUTE)
    args = {
        **CREATE_ARGS,
        "type": "record-reference",
        "is_multiselect": True,
        "config": {"record_reference": {"allowed_objects": ["companies"]}},
        "default_value": None,
        "relationship": {
            "object": "companies",
            "title": "Managed accounts",
            "api_slug": "managed_accounts",
            "is_multiselect": True,
        },
    }
    await attio.Attribute.create_async(mock.async_client(), "lists", "deals", **args)
    assert mock.last.method == "POST"
    assert mock.last.url.path == "/v2/lists/deals/attributes"
    assert mock.body() == {"data": args}


def test_create_is_not_retried_on_5xx(mock: MockAttio) -> None:
    mock.reply(503, {"status_code": 503, "type": "x", "code": "y", "message": "down"})
    with pytest.raises(attio.InternalServerError):
        attio.Attribute.create(mock.client(), "objects", "deals", **CREATE_ARGS)
    assert len(mock.requests) == 1


def test_update_sync_sends_exactly_the_changes(mock: MockAttio) -> None:
    mock.data({**TEXT_ATTRIBUTE, "is_archived": True})
    updated = attio.Attribute.update(
        mock.client(), "objects", "people", "nickname", is_archived=True, description=None
    )
    assert mock.last.method == "PATCH"
    assert mock.last.url.path == "/v2/objects/people/attributes/nickname"
    assert mock.body() == {"data": {"is_archived": True, "description": None}}
    assert updated.is_archived is True


async def test_update_async(mock: MockAttio) -> None:
    mock.data(LIST_ATTRIBUTE)
    await attio.Attribute.update_async(
        mock.async_client(), "lists", LIST_ID, "stage", title="Pipeline stage"
    )
    assert mock.last.method == "PATCH"
    assert mock.last.url.path == f"/v2/lists/{LIST_ID}/attributes/stage"
    assert mock.body() == {"data": {"title": "Pipeline stage"}}
