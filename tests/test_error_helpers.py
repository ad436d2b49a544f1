"""Errors you can act on: a 400 names the offending path; ``is_code`` tests Attio's code."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import attio
from tests.conftest import CLIENT_KINDS, MockAttio

VALIDATION = {
    "status_code": 400,
    "type": "invalid_request_error",
    "code": "validation_type",
    "message": "Body payload validation error.",
    "validation_errors": [
        {"code": "invalid_type", "path": ["data", "values", "name", 0], "message": "Required"},
        {"code": "invalid_type", "path": ["data", "values", "age"], "message": "Expected number"},
    ],
}


async def fail(mock: MockAttio, kind: str, body: Any, status: int = 400) -> attio.APIStatusError:
    mock.reply(status, body)
    with pytest.raises(attio.APIStatusError) as caught:  # noqa: PT012
        if kind == "sync":
            attio.Record.create(mock.client(), "people", {"name": ["x"]})
        else:
            await attio.Record.create_async(mock.async_client(), "people", {"name": ["x"]})
    return caught.value


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_400_names_the_offending_path(mock: MockAttio, kind: str) -> None:
    error = await fail(mock, kind, VALIDATION)
    assert "at data.values.name.0: Required; 1 more" in str(error)
    assert error.error is not None
    assert [issue.path for issue in error.error.validation_errors] == [
        ["data", "values", "name", 0],
        ["data", "values", "age"],
    ]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_single_issue_without_a_path(mock: MockAttio, kind: str) -> None:
    body = {**VALIDATION, "validation_errors": [{"code": "custom"}]}
    error = await fail(mock, kind, body)
    assert str(error).endswith("(at the body: custom)")


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_is_code(mock: MockAttio, kind: str) -> None:
    error = await fail(mock, kind, {**VALIDATION, "status_code": 409, "code": "slug_conflict"}, 409)
    assert isinstance(error, attio.ConflictError)
    assert error.is_code("slug_conflict")
    assert error.is_code("uniqueness_conflict", "slug_conflict")
    assert not error.is_code("uniqueness_conflict")


def test_is_code_without_a_body() -> None:
    response = httpx.Response(500, text="<html/>", request=httpx.Request("GET", "https://x/v2/y"))
    error = attio._exceptions.make_status_error(response)
    assert error.code is None
    assert not error.is_code("anything")
