"""Typed errors replayed from cassettes: Attio's error body, status and request id survive."""

from __future__ import annotations

from typing import Any

import pytest

import attio

from .conftest import Api

UNKNOWN_RECORD_ID = "00000000-0000-4000-8000-000000000000"


def _check_common(error: attio.APIStatusError, status: int, code: str) -> None:
    assert error.status_code == status
    assert error.error is not None
    assert error.error.status_code == status
    assert error.error.code == code
    assert error.error.message
    assert error.request_id  # the x-attio-execution-id header, replayed
    assert error.response is not None
    assert error.response.status_code == status
    assert str(status) in str(error)
    assert code in str(error)


async def test_value_not_found_for_an_unknown_attribute(api: Api) -> None:
    with pytest.raises(attio.BadRequestError) as caught:
        await api(attio.Record.create, "companies", {"vcr_no_such_attribute": "x"})
    _check_common(caught.value, 400, "value_not_found")
    assert caught.value.error is not None
    assert caught.value.error.type == "invalid_request_error"


async def test_validation_type_keeps_validation_errors(api: Api) -> None:
    with pytest.raises(attio.BadRequestError) as caught:
        await api(attio.Record.create, "companies", {"name": 42})
    _check_common(caught.value, 400, "validation_type")
    assert caught.value.error is not None
    problems = caught.value.error.validation_errors
    assert problems, "Attio's validation_errors must be kept on the error"
    assert all(
        isinstance(p, attio.ValidationIssue) and "code" in p and "message" in p for p in problems
    )
    assert problems[0]["code"] == "invalid_type"
    # it is also in the error's JSON dump, as Attio sent it
    dumped = caught.value.error.model_dump(mode="json")
    assert dumped["validation_errors"] == problems


async def test_not_found_for_an_unknown_record_and_object(api: Api) -> None:
    with pytest.raises(attio.NotFoundError) as caught:
        await api(attio.Record.get, "people", UNKNOWN_RECORD_ID)
    _check_common(caught.value, 404, "not_found")

    with pytest.raises(attio.NotFoundError) as caught:
        await api(attio.Object.get, "vcr_no_such_object")
    _check_common(caught.value, 404, "not_found")


async def test_conflict_on_a_taken_object_slug(api: Api) -> None:
    with pytest.raises(attio.ConflictError) as caught:
        await api(
            attio.Object.create, api_slug="people", singular_noun="Person", plural_noun="People"
        )
    _check_common(caught.value, 409, "slug_conflict")
    # nothing was created: still exactly one "people" object
    assert [o.api_slug for o in await api(attio.Object.list)].count("people") == 1


async def test_errors_are_attio_exceptions_and_not_retried(
    api: Api, attio_vcr: Any, attio_fake: Any, attio_record_mode: str, live: bool
) -> None:
    with pytest.raises(attio.AttioException):
        await api(attio.Record.get, "companies", UNKNOWN_RECORD_ID)
    # a 404 is never retried: exactly one request was answered
    path = f"/v2/objects/companies/records/{UNKNOWN_RECORD_ID}"
    if attio_record_mode == "none":  # replayed (a retry would find no second answer)
        assert [r.path for r in attio_vcr.requests] == [path]
        assert attio_vcr.play_count == 1
    elif not live:  # recorded against FakeAttio
        assert [r.path for r in attio_fake.requests] == [path]
