"""The ``attio`` pytest plugin (registered through the ``pytest11`` entry point).

Opt-in: nothing happens unless a test asks for one of these fixtures.

* ``attio_vcr`` -- a vcrpy cassette around the test, stored at
  ``<rootdir>/cassettes/<test module's path, a leading tests/ left out>/<test name>.yaml``
  (change the folder by overriding the ``attio_cassette_dir`` fixture, the file name with
  ``attio_cassette_name``, the vcrpy options with ``attio_vcr_config``).
* ``attio_client`` / ``attio_async_client`` -- an ``attio.Client`` / ``attio.AsyncClient``
  inside that cassette: against the live API when ``ATTIO_API_KEY`` is set and the record mode
  is not ``none``, otherwise against a fresh :class:`~attio.testing.FakeAttio` (``attio_fake``).
* ``--record-mode`` (``none`` by default: replay only, no network, no API key needed; also
  ``once``, ``new_episodes``, ``all``, and ``rewrite``, which deletes the test's cassette and
  records it afresh). When pytest-recording is installed its
  option of the same name is used.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

RECORD_MODES = ("none", "once", "new_episodes", "all", "rewrite")


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--record-mode`` unless pytest-recording (which has the same option) is present."""
    if importlib.util.find_spec("pytest_recording") is not None:
        return
    group = parser.getgroup("attio", "attio: record and replay Attio traffic")
    with contextlib.suppress(ValueError):  # another plugin registered it first
        group.addoption(
            "--record-mode",
            action="store",
            dest="record_mode",
            default="none",
            choices=RECORD_MODES,
            help="vcrpy record mode for attio cassettes (default: none = replay only).",
        )


@pytest.fixture
def attio_record_mode(request: pytest.FixtureRequest) -> str:
    """The vcrpy record mode (``--record-mode``, default ``none``)."""
    mode = request.config.getoption("record_mode", default=None)
    return str(mode or "none")


def cassette_dir_for(rootdir: Path, module: Path) -> Path:
    """``<rootdir>/cassettes/<module's path below rootdir, without .py>``, with a leading
    ``tests/`` left out: ``tests/test_x.py`` -> ``cassettes/test_x``, ``tests/integration/
    test_x.py`` -> ``cassettes/integration/test_x``. Two modules of one name in two folders get
    two folders (a module outside rootdir falls back to its name)."""
    try:
        parts = module.with_suffix("").relative_to(rootdir).parts
    except ValueError:
        parts = (module.stem,)
    if len(parts) > 1 and parts[0] == "tests":
        parts = parts[1:]
    return rootdir.joinpath("cassettes", *parts)


@pytest.fixture
def attio_cassette_dir(request: pytest.FixtureRequest) -> Path:
    """Where cassettes of this test module live: see :func:`cassette_dir_for`."""
    return cassette_dir_for(Path(request.config.rootpath), Path(request.path))


@pytest.fixture
def attio_cassette_name(request: pytest.FixtureRequest) -> str:
    """The cassette file name: the test's name (parameters included) + ``.yaml``."""
    return re.sub(r"[^\w.-]+", "_", request.node.name).strip("_") + ".yaml"


@pytest.fixture
def attio_vcr_config() -> dict[str, Any]:
    """vcrpy options (see :func:`attio.testing.vcr_config`); override to change them."""
    from ._vcr import vcr_config

    return vcr_config()


@pytest.fixture
def attio_vcr(
    attio_vcr_config: dict[str, Any],
    attio_cassette_dir: Path,
    attio_cassette_name: str,
    attio_record_mode: str,
) -> Iterator[Any]:
    """A vcrpy cassette active for the whole test; yields the ``vcr.cassette.Cassette``."""
    from ._vcr import use_cassette

    path = attio_cassette_dir / attio_cassette_name
    mode = attio_record_mode
    if mode == "rewrite":  # pytest-recording's meaning: record the cassette afresh
        path.unlink(missing_ok=True)
        mode = "all"
    config = {**attio_vcr_config, "record_mode": mode}
    with use_cassette(path, **config) as cassette:
        yield cassette


@pytest.fixture
def attio_fake() -> Any:
    """A fresh :class:`attio.testing.FakeAttio` (seed 0)."""
    from .fake import FakeAttio

    return FakeAttio()


def _live(record_mode: str) -> bool:
    return bool(os.environ.get("ATTIO_API_KEY", "").strip()) and record_mode != "none"


@pytest.fixture
def attio_client(attio_vcr: Any, attio_fake: Any, attio_record_mode: str) -> Iterator[Any]:
    """An ``attio.Client`` inside the test's cassette (live API or FakeAttio, see the module)."""
    import attio

    client = attio.Client() if _live(attio_record_mode) else attio_fake.client()
    with client:
        yield client


@pytest.fixture
def attio_async_client(attio_vcr: Any, attio_fake: Any, attio_record_mode: str) -> Iterator[Any]:
    """An ``attio.AsyncClient`` inside the test's cassette (live API or FakeAttio)."""
    import attio

    client = attio.AsyncClient() if _live(attio_record_mode) else attio_fake.async_client()
    yield client
    with contextlib.suppress(Exception):  # the test's event loop may be gone already
        asyncio.run(client.aclose())
