"""Bad input is the caller's mistake: a clear, typed error before any request is sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import attio
from tests.conftest import MockAttio


@pytest.mark.parametrize("values", [None, ["name", "Ada"], "Ada", {1: "x"}, {"": "x"}], ids=repr)
def test_values_must_be_a_mapping_of_slugs(mock: MockAttio, values: Any) -> None:
    client = mock.client()
    with pytest.raises(TypeError, match=r"values must be a mapping|attribute keys"):
        attio.Record.create(client, "people", values)
    with pytest.raises(TypeError):
        attio.Record.update(client, "people", "r-1", values)
    with pytest.raises(TypeError):
        attio.Entry.create(
            client, "pipeline", parent_object="companies", parent_record_id="r", entry_values=values
        )
    assert mock.requests == []


async def test_values_must_be_a_mapping_async(mock: MockAttio) -> None:
    with pytest.raises(TypeError):
        await attio.Record.upsert_async(
            mock.async_client(),
            "people",
            None,  # type: ignore[arg-type]
            matching_attribute="email_addresses",
        )
    assert mock.requests == []


PAGED: list[tuple[str, Callable[..., Any]]] = [
    ("Record.list", lambda c, **kw: attio.Record.list(c, "people", **kw)),
    ("Entry.list", lambda c, **kw: attio.Entry.list(c, "pipeline", **kw)),
    ("Note.list", lambda c, **kw: attio.Note.list(c, **kw)),
    ("Task.list", lambda c, **kw: attio.Task.list(c, **kw)),
    ("Webhook.list", lambda c, **kw: attio.Webhook.list(c, **kw)),
    ("Thread.list", lambda c, **kw: attio.Thread.list(c, **kw)),
]


@pytest.mark.parametrize(("name", "call"), PAGED, ids=[n for n, _ in PAGED])
@pytest.mark.parametrize(
    "kwargs",
    [{"limit": 0}, {"limit": -5}, {"limit": "ten"}, {"limit": True}, {"offset": -1}],
    ids=repr,
)
def test_page_size_and_offset_are_checked(
    mock: MockAttio, name: str, call: Callable[..., Any], kwargs: dict[str, Any]
) -> None:
    with pytest.raises(ValueError, match=r"limit|offset"):
        call(mock.client(), **kwargs)
    assert mock.requests == []


@pytest.mark.parametrize("page_size", [0, -1, 2.5])
def test_stream_page_size_is_checked(mock: MockAttio, page_size: Any) -> None:
    with pytest.raises(ValueError, match="limit"):
        list(attio.Record.stream(mock.client(), "people", page_size=page_size))
    with pytest.raises(ValueError, match="limit"):
        list(attio.Meeting.stream(mock.client(), page_size=page_size))
    assert mock.requests == []


async def test_stream_page_size_is_checked_async(mock: MockAttio) -> None:
    with pytest.raises(ValueError, match="limit"):
        async for _ in attio.Record.stream_async(mock.async_client(), "people", page_size=0):
            pass
    assert mock.requests == []


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_client_options_of_the_wrong_type(kind: str) -> None:
    make = attio.Client if kind == "sync" else attio.AsyncClient
    with pytest.raises(attio.ConfigurationError, match="api_key must be a string") as caught:
        make(api_key=1234567890)  # type: ignore[arg-type]
    assert "1234567890" not in str(caught.value)
    with pytest.raises(attio.ConfigurationError, match="base_url"):
        make(api_key="k", base_url=5)  # type: ignore[arg-type]
