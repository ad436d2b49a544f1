"""FakeAttio's transport: envelope, auth, unknown routes, headers, determinism, request log."""

from __future__ import annotations

import json
import re
import threading
from datetime import datetime, timezone

import httpx
import pytest

import attio
from attio.testing import FakeAttio

from .conftest import Http

NANOS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$")


def test_objects_come_in_the_data_envelope_with_compound_ids(http: Http) -> None:
    body = http.ok("GET", "/v2/objects")
    assert set(body) == {"data"}
    slugs = [o["api_slug"] for o in body["data"]]
    assert slugs == ["people", "companies", "deals", "users", "workspaces"]
    people = body["data"][0]
    assert set(people) == {"id", "api_slug", "singular_noun", "plural_noun", "created_at"}
    assert set(people["id"]) == {"workspace_id", "object_id"}
    assert NANOS.match(people["created_at"])


def test_every_response_carries_an_execution_id(fake: FakeAttio) -> None:
    with httpx.Client(transport=fake.transport) as client:
        ok = client.get("https://api.attio.com/v2/objects", headers={"Authorization": "Bearer k"})
        missing = client.get(
            "https://api.attio.com/v2/nothing", headers={"Authorization": "Bearer k"}
        )
    ids = {ok.headers["x-attio-execution-id"], missing.headers["x-attio-execution-id"]}
    assert len(ids) == 2
    assert ok.headers["content-type"] == "application/json; charset=utf-8"


@pytest.mark.parametrize("header", [None, "Basic abc", "Bearer ", "Bearer    "])
def test_missing_or_malformed_authorization_is_401(fake: FakeAttio, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    with httpx.Client(transport=fake.transport) as client:
        response = client.get("https://api.attio.com/v2/objects", headers=headers)
    assert response.status_code == 401
    body = response.json()
    assert (body["type"], body["code"], body["status_code"]) == ("auth_error", "unauthorized", 401)


def test_api_key_restricts_accepted_tokens() -> None:
    fake = FakeAttio(api_key="right")
    with httpx.Client(transport=fake.transport) as client:
        wrong = client.get(
            "https://api.attio.com/v2/objects", headers={"Authorization": "Bearer no"}
        )
        right = client.get(
            "https://api.attio.com/v2/objects", headers={"Authorization": "Bearer right"}
        )
    assert (wrong.status_code, right.status_code) == (401, 200)
    with fake.client() as client:  # the fake's own client sends the configured key
        assert client.request(attio.Request("GET", "/v2/self", parse=json.loads))["active"]


def test_unknown_route_is_attio_404_with_method_and_path(http: Http) -> None:
    status, body = http.error("POST", "/v2/attributes/abc/archive", {})
    assert status == 404
    assert body == {
        "status_code": 404,
        "type": "invalid_request_error",
        "code": "not_found",
        "message": 'Could not find endpoint "POST /v2/attributes/abc/archive".',
    }


def test_listing_records_with_get_is_an_unknown_endpoint(http: Http) -> None:
    status, body = http.error("GET", "/v2/objects/people/records")
    assert status == 404
    assert body["message"] == 'Could not find endpoint "GET /v2/objects/people/records".'


def test_invalid_json_body_is_a_400(fake: FakeAttio) -> None:
    with httpx.Client(transport=fake.transport) as client:
        response = client.post(
            "https://api.attio.com/v2/objects",
            content=b"{not json",
            headers={"Authorization": "Bearer k", "Content-Type": "application/json"},
        )
    assert response.status_code == 400
    assert response.json()["code"] == "validation_type"


def test_same_seed_gives_same_ids_and_timestamps() -> None:
    def run(seed: int) -> list[object]:
        http = Http(FakeAttio(seed=seed))
        record = http.create("people", {"name": "Ada Example"})
        return [record["id"], record["created_at"], http.data("GET", "/v2/objects")[0]["id"]]

    assert run(7) == run(7)
    assert run(7) != run(8)


def test_injected_clock_sets_timestamps() -> None:
    moment = datetime(2031, 5, 6, 7, 8, 9, 123456, tzinfo=timezone.utc)
    http = Http(FakeAttio(now=lambda: moment))
    record = http.create("people", {"name": "Ada Example"})
    assert record["created_at"] == "2031-05-06T07:08:09.123456000Z"
    assert record["values"]["name"][0]["active_from"] == "2031-05-06T07:08:09.123456000Z"


def test_requests_are_recorded(http: Http, fake: FakeAttio) -> None:
    http.call("POST", "/v2/objects/people/records/query", {"limit": 2}, extra="1")
    seen = fake.requests[-1]
    assert (seen.method, seen.path) == ("POST", "/v2/objects/people/records/query")
    assert seen.query == {"extra": "1"}
    assert seen.json == {"limit": 2}
    assert seen.headers["authorization"] == "Bearer test-token"


def test_percent_encoded_path_segments_are_decoded(http: Http) -> None:
    http.data(
        "POST",
        "/v2/objects",
        {"data": {"api_slug": "a b", "singular_noun": "A", "plural_noun": "As"}},
    )
    assert http.data("GET", "/v2/objects/a%20b")["api_slug"] == "a b"


def test_concurrent_writes_are_serialised(fake: FakeAttio) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            http = Http(fake)
            for i in range(10):
                http.create("companies", {"domains": [f"t{n}-{i}.example"]})
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    body = Http(fake).data("POST", "/v2/objects/companies/records/query", {})
    assert len(body) == 40
    assert len({r["id"]["record_id"] for r in body}) == 40


def test_attio_client_raw_request_through_fake(fake: FakeAttio) -> None:
    with fake.client() as client:
        body = client.request(attio.Request("GET", "/v2/objects/people", parse=json.loads))
    assert body["data"]["api_slug"] == "people"
    assert fake.requests[-1].headers["authorization"] == "Bearer fake"


async def test_async_client_raw_request_through_fake(fake: FakeAttio) -> None:
    client = fake.async_client()
    try:
        body = await client.request(attio.Request("GET", "/v2/self", parse=json.loads))
    finally:
        await client.aclose()
    assert body["active"] is True
    assert body["workspace_id"] == fake.workspace_id
    assert body["authorized_by_workspace_member_id"] == fake.member_id


def test_attio_client_maps_fake_errors_to_typed_exceptions(fake: FakeAttio) -> None:
    with fake.client() as client, pytest.raises(attio.NotFoundError) as info:
        client.request(attio.Request("GET", "/v2/objects/nope", parse=json.loads))
    assert info.value.error is not None
    assert info.value.error.code == "not_found"
    assert info.value.request_id
    assert info.value.response is not None
    assert info.value.response.headers["x-attio-execution-id"] == info.value.request_id
