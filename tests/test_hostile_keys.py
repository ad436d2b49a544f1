"""An API key that cannot be sent as a header value is refused when the client is built, and
the refusal never repeats the key (API.md §5)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import attio

SECRET = "sk_secret_part"

BAD_KEYS = {
    "newline inside": f"{SECRET}\nX-Injected: 1",
    "carriage return": f"{SECRET}\r\nHost: evil",
    "trailing newline": f"{SECRET}\n",
    "NUL": f"{SECRET}\x00",
    "tab": f"{SECRET}\tmore",
    "DEL": f"{SECRET}\x7f",
    "space inside": f"{SECRET} more",
    "non-breaking space": f"{SECRET}\u00a0more",
    "non-ASCII letter": f"{SECRET}é",
    "emoji": f"{SECRET}🔑",
    "line separator": f"{SECRET}\u2028",
}


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("name", list(BAD_KEYS))
def test_bad_keys_are_refused_at_construction(kind: str, name: str) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    transport = httpx.MockTransport(handler)
    key = BAD_KEYS[name]
    make: Any = (
        (lambda: attio.Client(api_key=key, http_client=httpx.Client(transport=transport)))
        if kind == "sync"
        else (
            lambda: attio.AsyncClient(
                api_key=key, http_client=httpx.AsyncClient(transport=transport)
            )
        )
    )
    with pytest.raises(attio.ConfigurationError) as caught:
        make()
    text = str(caught.value) + repr(caught.value)
    assert SECRET not in text
    assert sent == []


@pytest.mark.parametrize("name", list(BAD_KEYS))
def test_bad_keys_from_the_environment_are_refused_too(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "\x00" in BAD_KEYS[name]:
        pytest.skip("the environment cannot hold a NUL")
    monkeypatch.setenv("ATTIO_API_KEY", BAD_KEYS[name])
    with pytest.raises(attio.ConfigurationError) as caught:
        attio.Client()
    assert SECRET not in str(caught.value)


def test_surrounding_spaces_are_trimmed_and_a_good_key_is_sent_as_is() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        return httpx.Response(200, json={"active": False})

    client = attio.Client(
        api_key="  abc.DEF-123_xyz  ",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )
    attio.Meta.get(client)
    assert seen == ["Bearer abc.DEF-123_xyz"]
