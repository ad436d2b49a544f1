"""Integration tests: every scenario runs once with ``attio.Client`` and once with
``attio.AsyncClient``, each inside its own vcrpy cassette under ``cassettes/integration/<module>/``.

The ``api`` fixture hides the sync/async difference so that a scenario is written once:
``await api(attio.Record.create, "people", values)`` calls ``Record.create(client, ...)`` with
the sync client and ``await Record.create_async(aclient, ...)`` with the async one;
``await api.collect(attio.Record.stream, "people", page_size=2)`` drains ``stream`` /
``stream_async`` into a list. The test ids ``[sync]``/``[async]`` name the cassettes
(``test_x_sync.yaml`` / ``test_x_async.yaml``).

Cassettes are replayed with ``--record-mode=none`` (the default): no network, no API key.
See ``cassettes/README.md`` for recording.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest

import attio

KINDS = ("sync", "async")


class Api:
    """Calls a resource classmethod with the test's client, sync or async."""

    def __init__(self, client: attio.Client | attio.AsyncClient) -> None:
        self.client = client
        self.is_async = isinstance(client, attio.AsyncClient)

    def _twin(self, method: Callable[..., Any]) -> Callable[..., Any]:
        owner = getattr(method, "__self__", None)
        if owner is None:
            raise TypeError(f"{method!r} is not a classmethod of a resource")
        if not self.is_async:
            return method
        twin: Callable[..., Any] = getattr(owner, f"{method.__name__}_async")
        return twin

    async def __call__(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        result = self._twin(method)(self.client, *args, **kwargs)
        if inspect.isawaitable(result):
            result = await result
        return result

    async def collect(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> list[Any]:
        """Every item of ``stream(...)`` / ``stream_async(...)``, in order."""
        result = self._twin(method)(self.client, *args, **kwargs)
        if self.is_async:
            return [item async for item in result]
        return list(result)

    async def next_page(self, page: attio.Page[Any]) -> attio.Page[Any] | None:
        if self.is_async:
            return await page.next_page_async()
        return page.next_page()


@pytest.fixture
def attio_record_mode(request: pytest.FixtureRequest, attio_record_mode: str) -> str:
    """The plugin's record mode; ``fake_only`` tests are skipped when recording live."""
    if attio_record_mode != "none" and _has_key() and request.node.get_closest_marker("fake_only"):
        pytest.skip("recorded against FakeAttio only (see cassettes/README.md); cassette kept")
    return attio_record_mode


@pytest.fixture(params=KINDS)
def api(
    request: pytest.FixtureRequest, attio_record_mode: str, attio_vcr: Any, attio_fake: Any
) -> Iterator[Api]:
    """The scenario's client (``[sync]``: ``attio_client``, ``[async]``: ``attio_async_client``).

    When replaying (record mode ``none``) it also checks, after the test, that every answer
    came from the cassette (FakeAttio saw no request) and that every recorded interaction was
    played: the cassette and the test agree exactly.
    """
    name = "attio_client" if request.param == "sync" else "attio_async_client"
    yield Api(request.getfixturevalue(name))
    if attio_record_mode == "none":
        assert attio_fake.requests == [], "a replayed test reached FakeAttio"
        unplayed = len(attio_vcr.data) - attio_vcr.play_count
        assert attio_vcr.all_played, f"{unplayed} recorded interaction(s) were not replayed"


def _has_key() -> bool:
    return bool(os.environ.get("ATTIO_API_KEY", "").strip())


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "fake_only: the scenario needs FakeAttio seeding; skipped (its cassette kept) when "
        "recording against the live API",
    )


@pytest.fixture
def live(attio_record_mode: str) -> bool:
    """Whether the clients talk to the live API (``ATTIO_API_KEY`` set and recording)."""
    return _has_key() and attio_record_mode != "none"


async def get_or_create(
    get: Callable[[], Awaitable[Any]], create: Callable[[], Awaitable[Any]]
) -> tuple[Any, bool]:
    """``(thing, created)``: ``get()`` it, or ``create()`` it on a 404.

    Objects, lists and attributes cannot be deleted through Attio's API, so a scenario that
    needs one reuses it when it exists (a second run against a live workspace), and makes
    it otherwise (always against a fresh FakeAttio). Whichever path ran is in the cassette.
    """
    try:
        return await get(), False
    except attio.NotFoundError:
        return await create(), True
