"""Every example runs offline, with no API key, and exits 0 (as the README promises)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCRIPTS = sorted(p for p in EXAMPLES.glob("*.py") if not p.name.startswith("_"))


def test_the_examples_exist() -> None:
    names = {p.stem for p in SCRIPTS}
    assert {
        "quickstart",
        "records_write",
        "lists_pipeline",
        "notes_tasks",
        "async_concurrent",
        "webhook_receiver",
        "typed_reads",
        "files_views",
    } <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_example_runs_offline(script: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ATTIO_API_KEY"}
    args = [sys.executable, str(script)]
    if script.stem == "quickstart":
        args.append(str(tmp_path / "people.jsonl"))
    done = subprocess.run(
        args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "an example should show what it did"
    if script.stem == "quickstart":
        lines = (tmp_path / "people.jsonl").read_text().splitlines()
        assert len(lines) == 3
        assert '"record_id"' in lines[0]
