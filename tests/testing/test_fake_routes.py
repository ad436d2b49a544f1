"""Each FakeAttio owns its routes: ``fake.route(method, path)(handler)`` adds or overrides an
endpoint for that instance only (API.md §7)."""

from __future__ import annotations

import httpx
import pytest

import attio
from attio import parse
from attio.testing import FakeAttio

DOWN = {"status_code": 503, "type": "api_error", "code": "down", "message": "maintenance"}


def test_a_route_overrides_a_built_in_endpoint_for_one_fake_only() -> None:
    fake, other = FakeAttio(), FakeAttio()
    seen: list[str] = []

    @fake.route("GET", "/v2/objects/{object}")
    def broken(request: httpx.Request, object: str) -> httpx.Response:
        seen.append(object)
        return httpx.Response(404, json={**DOWN, "status_code": 404, "code": "not_found"})

    with pytest.raises(attio.NotFoundError) as caught:
        attio.Object.get(fake.client(), "my objects")
    assert caught.value.code == "not_found"
    assert seen == ["my objects"]  # path parameters arrive decoded
    assert fake.requests[-1].path == "/v2/objects/my objects"  # recorded as usual
    assert attio.Object.get(other.client(), "people").api_slug == "people"  # untouched
    assert attio.Object.list(fake.client())  # other endpoints of the fake still work


async def test_a_route_adds_an_endpoint_the_fake_lacks() -> None:
    fake = FakeAttio()

    @fake.route("GET", "/v2/views/{view_id}")
    def view(request: httpx.Request, view_id: str) -> httpx.Response:
        return httpx.Response(200, json={"data": {"id": view_id, "title": "Pipeline"}})

    request = attio.Request("GET", "/v2/views/v1", parse.data(dict))
    assert fake.client().request(request) == {"id": "v1", "title": "Pipeline"}
    assert await fake.async_client().request(request) == {"id": "v1", "title": "Pipeline"}


def test_the_newest_route_wins_and_queued_faults_come_first() -> None:
    fake = FakeAttio()
    fake.route("GET", "/v2/self")(lambda request: httpx.Response(200, json={"active": False}))
    fake.route("GET", "/v2/self")(lambda request: httpx.Response(503, json=DOWN))
    client = fake.client(max_retries=0)
    with pytest.raises(attio.InternalServerError):
        attio.Meta.get(client)
    fake.fail_next(1, status=500)
    with pytest.raises(attio.InternalServerError) as caught:
        attio.Meta.get(client)
    assert caught.value.code != "down"  # the queued fault, not the route


def test_a_route_path_must_be_absolute() -> None:
    with pytest.raises(ValueError, match="starts with '/'"):
        FakeAttio().route("GET", "v2/self")
