"""The pytest plugin, run in a separate pytest process on a throw-away project."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from attio.testing import find_credentials, scan_cassettes

DEMO = """
import attio
import pytest


def _replaying(request):
    return request.config.getoption("record_mode") == "none"


def test_sync(attio_client, attio_fake, request):
    assert isinstance(attio_client, attio.Client)
    created = attio_client.request(attio.Request(
        "POST", "/v2/objects/people/records", parse=lambda b: b,
        json={"data": {"values": {"email_addresses": ["ada@x.example"]}}},
    ))
    assert b"ada@x.example" in created
    assert (len(attio_fake.requests) == 0) == _replaying(request)


async def test_async(attio_async_client, attio_fake, request):
    me = await attio_async_client.request(attio.Request("GET", "/v2/self", parse=lambda b: b))
    assert b'"active": true' in me
    assert (len(attio_fake.requests) == 0) == _replaying(request)


@pytest.mark.parametrize("n", [1, 2])
def test_param(attio_client, n):
    attio_client.request(attio.Request(
        "POST", "/v2/objects/people/records/query", parse=lambda b: b, json={"limit": n},
    ))


def test_plain():
    assert True
"""

CUSTOM = """
import pytest
import attio


@pytest.fixture
def attio_cassette_dir(tmp_path_factory, request):
    return request.config.rootpath / "elsewhere"


def test_here(attio_client):
    attio_client.request(attio.Request("GET", "/v2/objects", parse=lambda b: b))
"""


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ATTIO_API_KEY"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n"
    )
    (tmp_path / "test_demo.py").write_text(textwrap.dedent(DEMO))
    (tmp_path / "test_custom.py").write_text(textwrap.dedent(CUSTOM))
    return tmp_path


def test_record_against_fake_then_replay_offline(project: Path) -> None:
    recorded = _run(project, "--record-mode=all")
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    cassettes = sorted(p.relative_to(project).as_posix() for p in project.rglob("*.yaml"))
    assert cassettes == [
        "cassettes/test_demo/test_async.yaml",
        "cassettes/test_demo/test_param_1.yaml",
        "cassettes/test_demo/test_param_2.yaml",
        "cassettes/test_demo/test_sync.yaml",
        "elsewhere/test_here.yaml",
    ]
    assert scan_cassettes(project) == {}
    assert find_credentials(project / "cassettes/test_demo/test_sync.yaml") == []

    replayed = _run(project, "--record-mode=none")
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr
    assert "6 passed" in replayed.stdout

    (project / "cassettes/test_demo/test_sync.yaml").unlink()
    missing = _run(project, "--record-mode=none", "-k", "test_sync")
    assert missing.returncode == 1
    assert "CannotOverwriteExistingCassetteException" in missing.stdout


def test_default_record_mode_is_none_and_plain_tests_are_untouched(project: Path) -> None:
    result = _run(project, "-k", "test_plain")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project / "cassettes").exists()
    help_text = _run(project, "--help").stdout
    assert "--record-mode" in help_text


def test_cassette_folders_of_same_named_modules_do_not_collide(tmp_path: Path) -> None:
    from attio.testing.pytest_plugin import cassette_dir_for

    unit = cassette_dir_for(tmp_path, tmp_path / "tests" / "test_records.py")
    integration = cassette_dir_for(tmp_path, tmp_path / "tests" / "integration" / "test_records.py")
    assert unit == tmp_path / "cassettes" / "test_records"
    assert integration == tmp_path / "cassettes" / "integration" / "test_records"
    assert unit != integration
    top = cassette_dir_for(tmp_path, tmp_path / "test_demo.py")
    assert top == tmp_path / "cassettes" / "test_demo"
    outside = cassette_dir_for(tmp_path / "a", tmp_path / "b" / "test_x.py")
    assert outside == tmp_path / "a" / "cassettes" / "test_x"
