"""``Object`` end to end, sync and async, with real bodies."""

from __future__ import annotations

import json
from typing import Any

import pytest

import attio
from tests.conftest import CLIENT_KINDS, MockAttio, load_real
from tests.samples import assert_twins_and_docstrings, call, sent

OBJECT = {
    "id": {"workspace_id": "w-1", "object_id": "o-1"},
    "api_slug": "people",
    "singular_noun": "Person",
    "plural_noun": "People",
    "created_at": "2023-01-01T15:00:00.123456789Z",
}
CUSTOM = {
    "id": {"workspace_id": "w-1", "object_id": "o-2"},
    "api_slug": "fleet_vehicles",
    "singular_noun": "Vehicle",
    "plural_noun": "Vehicles",
    "created_at": "2024-06-01T08:30:00.000000000Z",
}


# --------------------------------------------------------------------------- Object


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_object_list(mock: MockAttio, kind: str) -> None:
    mock.data([OBJECT, CUSTOM])
    objects = await call(mock, kind, attio.Object, "list")
    assert sent(mock) == ("GET", "/v2/objects", None)
    assert mock.query() == {}
    assert isinstance(objects, list)
    assert [o.api_slug for o in objects] == ["people", "fleet_vehicles"]
    assert objects[0].id.object_id == "o-1"
    assert objects[0].created_at.nanosecond == 789
    assert [o.model_dump(mode="json") for o in objects] == [OBJECT, CUSTOM]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(
    ("identifier", "path"),
    [
        ("people", "/v2/objects/people"),
        (
            "0b1c77ca-9b81-47ba-8d2e-490c74901031",
            "/v2/objects/0b1c77ca-9b81-47ba-8d2e-490c74901031",
        ),
        ("odd slug/with?chars", "/v2/objects/odd%20slug%2Fwith%3Fchars"),
    ],
)
async def test_object_get(mock: MockAttio, kind: str, identifier: str, path: str) -> None:
    mock.data(OBJECT)
    obj = await call(mock, kind, attio.Object, "get", identifier)
    assert sent(mock) == ("GET", path, None)
    assert isinstance(obj, attio.Object)
    assert obj.model_dump(mode="json") == OBJECT


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_object_get_empty_identifier_fails_before_sending(mock: MockAttio, kind: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        await call(mock, kind, attio.Object, "get", "")
    assert mock.requests == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_object_create(mock: MockAttio, kind: str) -> None:
    mock.data(CUSTOM)
    obj = await call(
        mock,
        kind,
        attio.Object,
        "create",
        api_slug="fleet_vehicles",
        singular_noun="Vehicle",
        plural_noun="Vehicles",
    )
    assert sent(mock) == (
        "POST",
        "/v2/objects",
        {
            "data": {
                "api_slug": "fleet_vehicles",
                "singular_noun": "Vehicle",
                "plural_noun": "Vehicles",
            }
        },
    )
    assert obj.api_slug == "fleet_vehicles"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_object_create_is_never_retried_on_5xx(mock: MockAttio, kind: str) -> None:
    mock.reply(502, content=b"<html>bad gateway</html>")
    with pytest.raises(attio.InternalServerError):
        await call(
            mock, kind, attio.Object, "create", api_slug="x", singular_noun="X", plural_noun="Xs"
        )
    assert len(mock.requests) == 1


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_object_create_slug_conflict(mock: MockAttio, kind: str) -> None:
    mock.reply(409, {"status_code": 409, "type": "invalid_request_error", "code": "slug_conflict"})
    with pytest.raises(attio.ConflictError) as caught:
        await call(
            mock, kind, attio.Object, "create", api_slug="x", singular_noun="X", plural_noun="Xs"
        )
    assert caught.value.code == "slug_conflict"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(
    "changes",
    [
        {"plural_noun": "Cars"},
        {"api_slug": "cars", "singular_noun": "Car", "plural_noun": "Cars"},
        {"singular_noun": None},
    ],
)
async def test_object_update(mock: MockAttio, kind: str, changes: dict[str, Any]) -> None:
    mock.data({**CUSTOM, **{k: v for k, v in changes.items() if v is not None}})
    obj = await call(mock, kind, attio.Object, "update", "fleet_vehicles", **changes)
    assert sent(mock) == ("PATCH", "/v2/objects/fleet_vehicles", {"data": changes})
    assert isinstance(obj, attio.Object)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_object_update_5xx_is_not_retried(mock: MockAttio, kind: str) -> None:
    mock.reply(503, {"code": "unavailable"})
    with pytest.raises(attio.InternalServerError):
        await call(mock, kind, attio.Object, "update", "people", plural_noun="Folks")
    assert len(mock.requests) == 1


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_object_get_is_retried_on_5xx(mock: MockAttio, kind: str) -> None:
    mock.reply(503, {"code": "unavailable"})
    mock.data(OBJECT)
    obj = await call(mock, kind, attio.Object, "get", "people")
    assert obj.api_slug == "people"
    assert len(mock.requests) == 2


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_object_not_found(mock: MockAttio, kind: str) -> None:
    mock.reply(404, {"status_code": 404, "type": "invalid_request_error", "code": "not_found"})
    with pytest.raises(attio.NotFoundError):
        await call(mock, kind, attio.Object, "get", "nope")


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_object_with_null_nouns_and_unknown_fields(mock: MockAttio, kind: str) -> None:
    body = {**OBJECT, "singular_noun": None, "plural_noun": None, "icon": {"emoji": "car"}}
    mock.data(body)
    obj = await call(mock, kind, attio.Object, "get", "people")
    assert obj.singular_noun is None
    assert obj.model_dump(mode="json") == body


# --------------------------------------------------------------------------- real responses

REAL_OBJECT_LISTS = [
    "kfd-devtools__get_v2_objects.json",
    "rbeene-ruby__get_v2_objects.json",
    "amp-connectors__get_v2_objects.json",
]
REAL_OBJECTS = [
    "kfd-devtools__get_v2_objects_people.json",
    "kfd-devtools__get_v2_objects_companies.json",
    "rbeene-ruby__get_v2_objects_object.json",
]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("name", REAL_OBJECT_LISTS)
async def test_real_object_lists(mock: MockAttio, kind: str, name: str) -> None:
    body = load_real(name)
    mock.reply(200, body)
    objects = await call(mock, kind, attio.Object, "list")
    assert len(objects) == len(body["data"]) > 0
    assert [o.model_dump(mode="json") for o in objects] == body["data"]
    for obj, raw in zip(objects, body["data"], strict=True):
        assert json.loads(obj.model_dump_json()) == raw
        assert attio.Object.model_validate_json(obj.model_dump_json()) == obj
        assert obj.id.object_id == raw["id"]["object_id"]
        if raw.get("created_at"):
            assert obj.created_at == raw["created_at"]
            assert obj.created_at.datetime.year >= 2000


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("name", REAL_OBJECTS)
async def test_real_single_objects(mock: MockAttio, kind: str, name: str) -> None:
    body = load_real(name)
    mock.reply(200, body)
    obj = await call(mock, kind, attio.Object, "get", "people")
    assert obj.model_dump(mode="json") == body["data"]


# --------------------------------------------------------------------------- contract


def test_every_classmethod_has_an_async_twin_and_a_docstring() -> None:
    assert_twins_and_docstrings(attio.Object)


@pytest.mark.parametrize(
    ("call_it", "message"),
    [
        (lambda m: attio.Object.get(m.async_client(), "people"), "_async twin"),
        (lambda m: attio.Object.list(None), "expected an attio.Client"),  # type: ignore[arg-type]
    ],
)
def test_sync_methods_refuse_other_clients(mock: MockAttio, call_it: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call_it(mock)
    assert mock.requests == []


@pytest.mark.parametrize(
    ("call_it", "message"),
    [
        (
            lambda m: attio.Object.create_async(
                m.client(), api_slug="a", singular_noun="A", plural_noun="As"
            ),
            "without the _async suffix",
        ),
    ],
)
async def test_async_methods_refuse_other_clients(
    mock: MockAttio, call_it: Any, message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        await call_it(mock)
    assert mock.requests == []
