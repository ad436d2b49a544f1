"""Fixtures for the tests of ``attio.testing``: a fresh FakeAttio and raw httpx clients on it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from attio.testing import FakeAttio


class Http:
    """A raw httpx client on a FakeAttio, with JSON helpers that return ``(status, body)``."""

    def __init__(self, fake: FakeAttio) -> None:
        self.fake = fake
        self.client = httpx.Client(
            transport=fake.transport,
            base_url="https://api.attio.com",
            headers={"Authorization": "Bearer test-token"},
        )

    def call(self, method: str, path: str, json: Any = None, **params: Any) -> tuple[int, Any]:
        response = self.client.request(method, path, json=json, params=params or None)
        return response.status_code, (response.json() if response.content else None)

    def ok(self, method: str, path: str, json: Any = None, **params: Any) -> Any:
        """The body of a 2xx answer (fails the test otherwise)."""
        status, body = self.call(method, path, json, **params)
        assert status == 200, (status, body)
        return body

    def data(self, method: str, path: str, json: Any = None, **params: Any) -> Any:
        """``body["data"]`` of a 2xx answer."""
        return self.ok(method, path, json, **params)["data"]

    def error(self, method: str, path: str, json: Any = None, **params: Any) -> tuple[int, Any]:
        """``(status, error body)`` of a 4xx/5xx answer (fails the test on success)."""
        status, body = self.call(method, path, json, **params)
        assert status >= 400, (status, body)
        assert set(body) >= {"status_code", "type", "code", "message"}
        assert body["status_code"] == status
        return status, body

    def create(self, obj: str, values: dict[str, Any]) -> Any:
        """Create a record and return it."""
        return self.data("POST", f"/v2/objects/{obj}/records", {"data": {"values": values}})


@pytest.fixture
def fake() -> FakeAttio:
    return FakeAttio()


@pytest.fixture
def http(fake: FakeAttio) -> Iterator[Http]:
    h = Http(fake)
    yield h
    h.client.close()


def record_id(record: dict[str, Any]) -> str:
    """The record id of a rendered record."""
    return str(record["id"]["record_id"])
