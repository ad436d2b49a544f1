"""Opt-in fault injection: 429 with an HTTP-date Retry-After, 5xx, timeouts, transport errors."""

from __future__ import annotations

import json
from email.utils import parsedate_to_datetime

import httpx
import pytest

import attio
from attio.testing import FakeAttio

from .conftest import Http


def test_fail_next_429_has_attio_body_and_http_date_retry_after(
    http: Http, fake: FakeAttio
) -> None:
    fake.fail_next(2)
    for _ in range(2):
        response = http.client.get("/v2/objects")
        assert response.status_code == 429
        assert response.json() == {
            "status_code": 429,
            "type": "rate_limit_error",
            "code": "rate_limit_exceeded",
            "message": "Rate limit exceeded, please try again later",
        }
        assert parsedate_to_datetime(response.headers["retry-after"]).tzinfo is not None
        assert response.headers["x-attio-execution-id"]
    assert http.client.get("/v2/objects").status_code == 200
    assert len(fake.requests) == 3


def test_failed_requests_are_not_processed(http: Http, fake: FakeAttio) -> None:
    fake.fail_next(1, status=503)
    status, body = http.call("POST", "/v2/objects/people/records", {"data": {"values": {}}})
    assert (status, body["status_code"]) == (503, 503)
    assert http.data("POST", "/v2/objects/people/records/query", {}) == []


def test_retry_after_can_be_given(http: Http, fake: FakeAttio) -> None:
    fake.fail_next(1, status=429, retry_after=3)
    fake.fail_next(1, status=500, body={"oops": True})
    first = http.client.get("/v2/objects")
    second = http.client.get("/v2/objects")
    assert first.headers["retry-after"] == "3"
    assert (second.status_code, second.json()) == (500, {"oops": True})
    with pytest.raises(ValueError):
        fake.fail_next(1, status=200)


def test_hang_next_raises_read_timeout_at_once(http: Http, fake: FakeAttio) -> None:
    fake.hang_next(1)
    with pytest.raises(httpx.ReadTimeout):
        http.client.post("/v2/objects/people/records", json={"data": {"values": {}}})
    assert http.data("POST", "/v2/objects/people/records/query", {}) == []
    fake.hang_next(1, processed=True)
    with pytest.raises(httpx.ReadTimeout):
        http.client.post("/v2/objects/people/records", json={"data": {"values": {}}})
    assert len(http.data("POST", "/v2/objects/people/records/query", {})) == 1


def test_raise_next_any_transport_error(http: Http, fake: FakeAttio) -> None:
    fake.raise_next(lambda r: httpx.ConnectError("refused", request=r))
    with pytest.raises(httpx.ConnectError):
        http.client.get("/v2/objects")
    assert http.client.get("/v2/objects").status_code == 200


def test_client_retries_429_without_sleeping_for_real(fake: FakeAttio) -> None:
    fake.fail_next(2, status=429)
    with fake.client(max_retries=3) as client:
        body = client.request(attio.Request("GET", "/v2/objects", parse=json.loads))
    assert len(body["data"]) == 5
    assert len(fake.requests) == 3
    assert len(fake.sleeps) == 2


def test_client_raises_rate_limit_error_past_its_retries(fake: FakeAttio) -> None:
    fake.fail_next(5, status=429)
    with fake.client(max_retries=1) as client, pytest.raises(attio.RateLimitError):
        client.request(attio.Request("GET", "/v2/objects", parse=json.loads))
    assert len(fake.requests) == 2


def test_client_timeout_becomes_api_timeout_error(fake: FakeAttio) -> None:
    fake.hang_next(1)
    with fake.client(max_retries=0) as client, pytest.raises(attio.APITimeoutError) as info:
        client.request(attio.Request("GET", "/v2/objects", parse=json.loads))
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)


async def test_async_client_sees_faults_too(fake: FakeAttio) -> None:
    fake.fail_next(1, status=503)
    client = fake.async_client(max_retries=2)
    try:
        body = await client.request(attio.Request("GET", "/v2/objects", parse=json.loads))
    finally:
        await client.aclose()
    assert len(body["data"]) == 5
    assert [r.method for r in fake.requests] == ["GET", "GET"]
