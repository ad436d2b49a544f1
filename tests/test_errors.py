"""API.md §5: the status -> exception table, the error body, and 2xx bodies that do not fit."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

import attio
from attio import Request
from attio._exceptions import make_status_error, parse_error_body
from attio._parsing import parse_bare, parse_data, parse_data_list, parse_nothing, parse_page
from tests.conftest import API_KEY, CLIENT_KINDS, MockAttio, load_real, send_request


class Thing(attio.AttioModel):
    id: str
    size: int | None = None


def get_thing() -> Request[Thing]:
    return Request("GET", "/v2/things/t1", parse_data(Thing))


STATUS_CLASSES: list[tuple[int, type[attio.APIStatusError]]] = [
    (400, attio.BadRequestError),
    (401, attio.AuthenticationError),
    (403, attio.PermissionDeniedError),
    (404, attio.NotFoundError),
    (409, attio.ConflictError),
    (422, attio.UnprocessableEntityError),
    (429, attio.RateLimitError),
    (500, attio.InternalServerError),
    (502, attio.InternalServerError),
    (503, attio.InternalServerError),
    (504, attio.InternalServerError),
    (418, attio.APIStatusError),
    (451, attio.APIStatusError),
]


def response(status: int, content: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status,
        content=content,
        headers=headers,
        request=httpx.Request("GET", "https://api.attio.com/v2/things"),
    )


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES)
async def test_each_status_raises_its_class(
    mock: MockAttio, kind: str, status: int, cls: type[attio.APIStatusError]
) -> None:
    body = {"status_code": status, "type": "t", "code": f"c{status}", "message": "went wrong"}
    mock.reply(status, body, headers={"x-attio-execution-id": f"exec-{status}"})
    with pytest.raises(attio.APIStatusError) as caught:
        await send_request(mock, kind, get_thing(), max_retries=0)
    err = caught.value
    assert type(err) is cls
    assert isinstance(err, attio.AttioException)
    assert err.status_code == status
    assert err.request_id == f"exec-{status}"
    assert err.response is not None
    assert err.response.status_code == status
    assert err.error is not None
    assert err.error.code == f"c{status}"
    assert (err.code, err.message) == (f"c{status}", "went wrong")
    text = str(err)
    assert str(status) in text
    assert f"c{status}" in text
    assert "went wrong" in text
    assert f"exec-{status}" in text


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(
    "content",
    [
        b"<html><body><h1>502 Bad Gateway</h1></body></html>",
        b"",
        b"not json at all",
        b'["a", "json", "array"]',
        b'"a json string"',
        b"null",
        b"\xff\xfe\x00garbage",
        b'{"truncated": ',
    ],
)
@pytest.mark.parametrize(
    ("status", "cls"), [(400, attio.BadRequestError), (502, attio.InternalServerError)]
)
async def test_bodies_that_are_not_attio_json_still_give_the_right_class(
    mock: MockAttio, kind: str, content: bytes, status: int, cls: type[attio.APIStatusError]
) -> None:
    mock.reply(status, content=content)
    with pytest.raises(cls) as caught:
        await send_request(mock, kind, get_thing(), max_retries=0)
    assert caught.value.error is None
    assert caught.value.code is None
    assert caught.value.message is None
    assert str(status) in str(caught.value)


def test_html_body_shows_in_the_message() -> None:
    err = make_status_error(response(502, b"<h1>Bad Gateway</h1>"))
    assert "Bad Gateway" in str(err)
    assert str(err).startswith("502 Bad Gateway")


@pytest.mark.parametrize(
    "body",
    [
        {"code": 123, "message": ["not", "a", "string"], "status_code": "abc"},
        {"status_code": True, "type": {"nested": 1}, "code": None, "message": 7},
        {"message": "only a message"},
        {},
        {"validation_errors": "not a list", "code": "x"},
    ],
)
def test_building_an_error_never_raises(body: dict[str, Any]) -> None:
    err = make_status_error(response(400, json.dumps(body).encode()))
    assert type(err) is attio.BadRequestError
    assert err.error is not None
    assert err.code is None or isinstance(err.code, str)
    assert err.message is None or isinstance(err.message, str)
    assert str(err).startswith("400 Bad Request")
    assert isinstance(err.error.validation_errors, list)


def test_wrongly_typed_fields_keep_the_rest() -> None:
    body = {"code": 123, "message": "readable", "extra_field": [1, 2]}
    error = parse_error_body(json.dumps(body).encode())
    assert error is not None
    assert error.code == ""  # typed ``str``: "" when the body had no usable code
    assert error.message == "readable"
    assert error.model_dump()["extra_field"] == [1, 2]
    assert "code" not in error.model_dump()


@pytest.mark.parametrize(
    "body",
    [
        {"status_code": 404, "type": "invalid_request_error"},
        {"status_code": 400, "code": "x"},
        {"message": "only"},
        {"statusCode": 400, "code": "c", "message": "m", "validation_errors": []},
    ],
)
def test_code_and_message_are_str_and_the_body_round_trips(body: dict[str, Any]) -> None:
    error = parse_error_body(json.dumps(body).encode())
    assert error is not None
    assert isinstance(error.code, str)
    assert isinstance(error.message, str)
    assert error.code == body.get("code", "")
    assert error.message == body.get("message", "")
    dumped = error.model_dump()
    for key in ("code", "message"):
        assert (key in dumped) == (key in body)
    err = make_status_error(response(400, json.dumps(body).encode()))
    assert err.code == (body.get("code") or None)


def test_status_error_with_an_unread_streamed_body_never_raises() -> None:
    streamed = httpx.Response(
        500,
        stream=httpx.ByteStream(b'{"code": "x"}'),
        request=httpx.Request("GET", "https://api.attio.com/v2/x"),
    )
    err = make_status_error(streamed)
    assert type(err) is attio.InternalServerError
    assert err.error is None


def test_unknown_5xx_is_internal_server_error() -> None:
    assert type(make_status_error(response(599, b""))) is attio.InternalServerError
    assert type(make_status_error(response(418, b"{}"))) is attio.APIStatusError


def test_spec_statuscode_spelling_is_accepted() -> None:
    error = attio.AttioError.model_validate(
        {"statusCode": 400, "type": "invalid_request_error", "code": "validation_type"}
    )
    assert error.status_code == 400
    assert error.model_dump(mode="json")["status_code"] == 400


def test_rate_limit_error_carries_retry_after() -> None:
    err = make_status_error(response(429, b"{}", {"Retry-After": "3"}))
    assert isinstance(err, attio.RateLimitError)
    assert err.retry_after == 3.0
    explicit = make_status_error(response(429, b"{}"), retry_after=1.5)
    assert isinstance(explicit, attio.RateLimitError)
    assert explicit.retry_after == 1.5
    assert make_status_error(response(429, b"{}")).retry_after is None


# --------------------------------------------------------------------------- real Attio bodies

REAL_ERRORS = [
    ("rbeene-ruby__error_400_post_attributes_invalid_enum.json", attio.BadRequestError),
    ("rbeene-ruby__error_400_post_v2_lists_validation.json", attio.BadRequestError),
    ("rbeene-ruby__error_400_post_v2_objects_records_invalid_name.json", attio.BadRequestError),
    ("rbeene-ruby__error_400_post_v2_objects_records_missing_values.json", attio.BadRequestError),
    ("rbeene-ruby__error_400_post_v2_webhooks_validation.json", attio.BadRequestError),
    ("rbeene-ruby__error_401_invalid_api_key.json", attio.AuthenticationError),
    ("rbeene-ruby__error_404_unknown_endpoint.json", attio.NotFoundError),
]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(("name", "cls"), REAL_ERRORS)
async def test_real_error_bodies(
    mock: MockAttio, kind: str, name: str, cls: type[attio.APIStatusError]
) -> None:
    body = load_real(name)
    mock.reply(body["status_code"], body, headers={"x-attio-execution-id": "exec-real"})
    with pytest.raises(cls) as caught:
        await send_request(mock, kind, get_thing())
    err = caught.value
    assert len(mock.requests) == 1  # 4xx are never retried
    assert err.error is not None
    assert err.error.model_dump(mode="json") == body  # nothing lost, nothing added
    assert err.error.status_code == body["status_code"]
    assert err.error.type == body["type"]
    assert err.code == body["code"]
    assert err.message == body["message"]
    assert err.error.validation_errors == body.get("validation_errors", [])
    assert body["code"] in str(err)
    assert body["message"] in str(err)
    assert err.request_id == "exec-real"


def test_real_validation_errors_are_reachable() -> None:
    body = load_real("rbeene-ruby__error_400_post_v2_lists_validation.json")
    err = make_status_error(response(400, json.dumps(body).encode()))
    assert err.error is not None
    paths = [item["path"] for item in err.error.validation_errors]
    assert paths == [item["path"] for item in body["validation_errors"]]


# --------------------------------------------------------------------------- 2xx that do not fit


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(
    ("request_factory", "content"),
    [
        (get_thing, b"<html>maintenance</html>"),
        (get_thing, b""),
        (get_thing, b'{"data": {"size": 3}}'),  # id missing
        (get_thing, b'{"data": {"id": "t", "size": "big"}}'),
        (get_thing, b'{"nodata": true}'),
        (lambda: Request("GET", "/v2/things", parse_data_list(Thing)), b'{"data": {"id": "x"}}'),
        (lambda: Request("GET", "/v2/things", parse_page(Thing)), b'{"data": null}'),
        (lambda: Request("GET", "/v2/self", parse_bare(Thing)), b"[1, 2]"),
    ],
)
async def test_2xx_body_that_does_not_fit_raises_response_validation_error(
    mock: MockAttio, kind: str, request_factory: Any, content: bytes
) -> None:
    mock.reply(200, content=content)
    with pytest.raises(attio.ResponseValidationError) as caught:
        await send_request(mock, kind, request_factory())
    err = caught.value
    assert isinstance(err, attio.AttioException)
    assert not isinstance(err, (json.JSONDecodeError, ValidationError))
    assert err.body == content.decode()
    assert err.response is not None
    assert err.response.status_code == 200
    assert err.__cause__ is not None
    assert len(mock.requests) == 1  # a body that does not fit is not retried


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_parser_that_crashes_still_gives_response_validation_error(
    mock: MockAttio, kind: str
) -> None:
    def parse(content: bytes) -> Any:
        return json.loads(content)["data"]["missing"]

    mock.data({"id": "x"})
    with pytest.raises(attio.ResponseValidationError) as caught:
        await send_request(mock, kind, Request("GET", "/v2/things", parse))
    assert isinstance(caught.value.__cause__, KeyError)
    assert '"id"' in caught.value.body


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_empty_2xx_for_a_delete_is_none(mock: MockAttio, kind: str) -> None:
    mock.reply(204, content=b"")
    assert await send_request(mock, kind, Request("DELETE", "/v2/x/1", parse_nothing)) is None
    mock.reply(200, {})
    assert await send_request(mock, kind, Request("DELETE", "/v2/x/1", parse_nothing)) is None


# --------------------------------------------------------------------------- the key stays secret


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(
    "failure",
    [
        (401, None),
        (500, None),
        (200, None),  # a 2xx that does not fit
        (None, httpx.ConnectError("refused")),
        (None, httpx.ReadTimeout("timed out")),
    ],
)
async def test_the_key_is_not_in_exceptions(
    mock: MockAttio, kind: str, failure: tuple[int | None, BaseException | None]
) -> None:
    status, exc = failure
    if exc is not None:
        mock.fail(exc, times=2)
    elif status == 200:
        mock.reply(200, content=b"<html/>")
    else:
        assert status is not None
        mock.reply(status, {"code": "x", "message": "nope"}, times=2)
    with pytest.raises(attio.AttioException) as caught:
        await send_request(mock, kind, get_thing(), max_retries=1)  # at most 2 attempts
    err = caught.value
    assert mock.last.headers["authorization"] == f"Bearer {API_KEY}"  # it was sent...
    for text in (str(err), repr(err), repr(err.args), str(err.__cause__), repr(err.__context__)):
        assert API_KEY not in text  # ...but it is nowhere in what the caller sees
    if isinstance(err, attio.APIStatusError):
        assert err.response is not None
        assert API_KEY not in repr(err.response.request.headers)
