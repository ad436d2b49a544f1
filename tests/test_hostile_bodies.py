"""Request bodies: what cannot be sent as JSON is a typed error before any request, and what
can is sent exactly (``Decimal`` digits, datetimes as UTC ``Z`` text)."""

from __future__ import annotations

import datetime as dt
import json
import math
from decimal import Decimal
from typing import Any

import httpx
import pytest

import attio
from tests.bodies import full
from tests.conftest import CLIENT_KINDS, MockAttio

RECORD = full("Record", id={"workspace_id": "w", "object_id": "o", "record_id": "r"})


def deep_filter(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"name": {"$eq": "x"}}
    for _ in range(depth):
        node = {"$and": [node]}
    return node


async def query(mock: MockAttio, kind: str, **kwargs: Any) -> Any:
    if kind == "sync":
        return attio.Record.list(mock.client(), "people", **kwargs)
    return await attio.Record.list_async(mock.async_client(), "people", **kwargs)


async def create(mock: MockAttio, kind: str, values: dict[str, Any]) -> Any:
    if kind == "sync":
        return attio.Record.create(mock.client(), "people", values)
    return await attio.Record.create_async(mock.async_client(), "people", values)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_body_nested_too_deeply_is_a_typed_error(mock: MockAttio, kind: str) -> None:
    with pytest.raises(attio.RequestBodyError, match="nested too deeply") as caught:
        await query(mock, kind, filter=deep_filter(100_000))
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, attio.AttioException)
    assert mock.requests == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(
    "bad", [math.nan, math.inf, -math.inf, Decimal("NaN"), Decimal("Infinity")]
)
async def test_nan_and_infinity_are_typed_errors(mock: MockAttio, kind: str, bad: Any) -> None:
    with pytest.raises(attio.RequestBodyError):
        await create(mock, kind, {"revenue": [bad]})
    assert mock.requests == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_an_unsendable_type_is_a_type_error(mock: MockAttio, kind: str) -> None:
    with pytest.raises(TypeError, match="object"):
        await create(mock, kind, {"x": [object()]})
    assert mock.requests == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_decimals_keep_their_exact_digits(mock: MockAttio, kind: str) -> None:
    mock.data(RECORD)
    values = {
        "big": [Decimal("12345678901234567890.123456789")],
        "small": [Decimal("0.1")],
        "negative": [Decimal("-0.000000000000000000001")],
        "integral": [Decimal("100")],
        "exponent": [Decimal("1E+3")],
        "nested": [{"currency_value": Decimal("1250000.50"), "currency_code": "USD"}],
    }
    await create(mock, kind, values)
    raw = mock.requests[0].content.decode()
    assert '"big":[12345678901234567890.123456789]' in raw
    assert '"small":[0.1]' in raw
    assert '"negative":[-0.000000000000000000001]' in raw
    assert '"integral":[100]' in raw
    assert '"exponent":[1000]' in raw
    assert '"currency_value":1250000.50' in raw
    sent = json.loads(raw, parse_float=Decimal)["data"]["values"]
    assert sent["big"] == [Decimal("12345678901234567890.123456789")]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_decimal_next_to_marker_like_text_is_exact(mock: MockAttio, kind: str) -> None:
    mock.data(RECORD)
    await create(mock, kind, {"note": ["attio-decimal"], "n": [Decimal("2.50")]})
    sent = json.loads(mock.requests[0].content)["data"]["values"]
    assert sent == {"note": ["attio-decimal"], "n": [2.5]}
    assert b'"n":[2.50]' in mock.requests[0].content


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_datetimes_are_sent_as_utc_z(mock: MockAttio, kind: str) -> None:
    mock.data(RECORD)
    plus_two = dt.timezone(dt.timedelta(hours=2))
    values = {
        "naive": [dt.datetime(2024, 5, 6, 7, 8, 9, 123456)],
        "aware": [dt.datetime(2024, 5, 6, 9, 8, 9, tzinfo=plus_two)],
        "date": [dt.date(2024, 5, 6)],
    }
    await create(mock, kind, values)
    sent = json.loads(mock.requests[0].content)["data"]["values"]
    assert sent["naive"] == ["2024-05-06T07:08:09.123456000Z"]
    assert sent["aware"] == ["2024-05-06T07:08:09.000000000Z"]
    assert sent["date"] == ["2024-05-06"]


def test_the_body_check_needs_no_network() -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"data": RECORD})

    client = attio.Client(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    with pytest.raises(attio.RequestBodyError):
        attio.Record.create(client, "people", {"x": [float("nan")]})
    assert sent == []
