"""``Meta`` end to end, sync and async, with real bodies."""

from __future__ import annotations

import json
from typing import Any

import pytest

import attio
from tests.conftest import CLIENT_KINDS, MockAttio
from tests.samples import assert_twins_and_docstrings, call, sent

SELF_ACTIVE = {
    "active": True,
    "scope": "object_configuration:read record_permission:read-write",
    "client_id": "client-1",
    "token_type": "Bearer",
    "exp": None,
    "iat": 1700000000,
    "sub": "token-1",
    "aud": "client-1",
    "iss": "attio.com",
    "authorized_by_workspace_member_id": "m-1",
    "workspace_id": "w-1",
    "workspace_name": "Example Ltd",
    "workspace_slug": "example",
    "workspace_logo_url": None,
}


# --------------------------------------------------------------------------- Meta


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_meta_get(mock: MockAttio, kind: str) -> None:
    mock.reply(200, SELF_ACTIVE)
    meta = await call(mock, kind, attio.Meta, "get")
    assert sent(mock) == ("GET", "/v2/self", None)
    assert isinstance(meta, attio.Meta)
    assert meta.active is True
    assert meta.workspace_slug == "example"
    assert meta.scopes == ["object_configuration:read", "record_permission:read-write"]
    assert meta.model_dump(mode="json") == SELF_ACTIVE
    assert json.loads(meta.model_dump_json()) == SELF_ACTIVE
    assert '"iat":1700000000' in meta.model_dump_json()  # an int stays an int


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_meta_inactive_token(mock: MockAttio, kind: str) -> None:
    mock.reply(200, {"active": False})
    meta = await call(mock, kind, attio.Meta, "get")
    assert meta.active is False
    assert meta.scopes == []
    assert meta.model_dump(mode="json") == {"active": False}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_meta_401(mock: MockAttio, kind: str) -> None:
    mock.reply(401, {"status_code": 401, "type": "auth_error", "code": "unauthorized"})
    with pytest.raises(attio.AuthenticationError):
        await call(mock, kind, attio.Meta, "get")
    assert len(mock.requests) == 1


# --------------------------------------------------------------------------- contract


def test_every_classmethod_has_an_async_twin_and_a_docstring() -> None:
    assert_twins_and_docstrings(attio.Meta)


@pytest.mark.parametrize(
    ("call_it", "message"),
    [
        (lambda m: attio.Meta.get(m.async_client()), "_async twin"),
    ],
)
def test_sync_methods_refuse_other_clients(mock: MockAttio, call_it: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call_it(mock)
    assert mock.requests == []


@pytest.mark.parametrize(
    ("call_it", "message"),
    [
        (lambda m: attio.Meta.get_async(m.client()), "without the _async suffix"),
    ],
)
async def test_async_methods_refuse_other_clients(
    mock: MockAttio, call_it: Any, message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        await call_it(mock)
    assert mock.requests == []
