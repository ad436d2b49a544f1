"""``WorkspaceMember`` end to end, sync and async, with real bodies."""

from __future__ import annotations

import json
from typing import Any

import pytest

import attio
from tests.conftest import CLIENT_KINDS, MockAttio, load_real
from tests.samples import assert_twins_and_docstrings, call, sent

MEMBER = {
    "id": {"workspace_id": "w-1", "workspace_member_id": "m-1"},
    "first_name": "Grace",
    "last_name": "Hopper",
    "avatar_url": None,
    "email_address": "grace@example.com",
    "access_level": "admin",
    "created_at": "2022-11-21T13:22:49.061281000Z",
}


# --------------------------------------------------------------------------- WorkspaceMember


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_workspace_member_list(mock: MockAttio, kind: str) -> None:
    second = {**MEMBER, "id": {"workspace_id": "w-1", "workspace_member_id": "m-2"}}
    second["access_level"] = "suspended"
    mock.data([MEMBER, second])
    members = await call(mock, kind, attio.WorkspaceMember, "list")
    assert sent(mock) == ("GET", "/v2/workspace_members", None)
    assert mock.query() == {}
    assert [m.id.workspace_member_id for m in members] == ["m-1", "m-2"]
    assert [m.model_dump(mode="json") for m in members] == [MEMBER, second]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_workspace_member_get(mock: MockAttio, kind: str) -> None:
    mock.data(MEMBER)
    member = await call(mock, kind, attio.WorkspaceMember, "get", "m-1")
    assert sent(mock) == ("GET", "/v2/workspace_members/m-1", None)
    assert isinstance(member, attio.WorkspaceMember)
    assert member.email_address == "grace@example.com"
    assert member.created_at is not None
    assert member.created_at.datetime.microsecond == 61281
    assert member.model_dump(mode="json") == MEMBER


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_workspace_member_future_access_level(mock: MockAttio, kind: str) -> None:
    mock.data({**MEMBER, "access_level": "guest-of-honour"})
    member = await call(mock, kind, attio.WorkspaceMember, "get", "m-1")
    assert member.access_level == "guest-of-honour"


# --------------------------------------------------------------------------- real responses


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_real_workspace_members(mock: MockAttio, kind: str) -> None:
    body = load_real("rbeene-ruby__get_v2_workspace_members.json")
    mock.reply(200, body)
    members = await call(mock, kind, attio.WorkspaceMember, "list")
    assert [m.model_dump(mode="json") for m in members] == body["data"]
    assert all(m.access_level in {"admin", "member", "suspended"} for m in members)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_real_workspace_member(mock: MockAttio, kind: str) -> None:
    body = load_real("rbeene-ruby__get_v2_workspace_members_member.json")
    mock.reply(200, body)
    member = await call(mock, kind, attio.WorkspaceMember, "get", "m")
    assert member.model_dump(mode="json") == body["data"]
    assert json.loads(member.model_dump_json()) == body["data"]


# --------------------------------------------------------------------------- contract


def test_every_classmethod_has_an_async_twin_and_a_docstring() -> None:
    assert_twins_and_docstrings(attio.WorkspaceMember)


@pytest.mark.parametrize(
    ("call_it", "message"),
    [
        (lambda m: attio.WorkspaceMember.list(m.async_client()), "_async twin"),
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
            lambda m: attio.WorkspaceMember.get_async("key", "m-1"),  # type: ignore[arg-type]
            "expected an attio.AsyncClient",
        ),
    ],
)
async def test_async_methods_refuse_other_clients(
    mock: MockAttio, call_it: Any, message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        await call_it(mock)
    assert mock.requests == []
