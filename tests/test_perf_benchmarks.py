"""The benchmarks of issue 10 keep working: each runs in its quick mode (tiny page, no peer, no
network, no target enforced), exits 0 and prints its ratio lines."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"


@pytest.mark.parametrize(
    ("script", "lines"),
    [
        ("parse.py", ["ratio parse/json.loads:", "ratio full read/(json.loads + walk):"]),
        (
            "dump.py",
            ["ratio model_dump_json()/json.dumps:", "ratio model_dump(mode='json')/json.dumps:"],
        ),
        ("memory.py", ["ratio fully read record/plain dict:"]),
        ("overhead.py", ["ratio Record.get/bare httpx:"]),
        ("stream_memory.py", ["ratio peak RSS growth/40 MB:"]),
        ("startup.py", ["ratio import:", "first use:"]),
        # network.py serves pages from a local HTTP server: .ci/run runs its quick mode.
    ],
)
def test_a_benchmark_runs_in_quick_mode(script: str, lines: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--quick"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    for line in lines:
        assert line in done.stdout
    assert "quick run" in done.stdout
    assert "targets not enforced" in done.stdout
    assert "peer" not in done.stdout  # no network in quick mode
