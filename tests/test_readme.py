"""Every Python example in the README runs as written, offline.

Each fenced ``python`` block is a complete program. It is executed with ``attio.Client`` and
``attio.AsyncClient`` standing for clients of one seeded :class:`attio.testing.FakeAttio`, so a
block that drifts from the library (a renamed method, a wrong argument, a failing assert) fails
here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import attio
from attio import write as w
from attio.testing import FakeAttio

README = Path(__file__).resolve().parents[1] / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _blocks() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    found: list[tuple[str, str]] = []
    for match in _BLOCK.finditer(text):
        heading = re.findall(r"^## (.+)$", text[: match.start()], re.M)[-1]
        number = 1 + sum(1 for h, _ in found if h.rsplit(" #", 1)[0] == heading)
        found.append((f"{heading} #{number}", match[1]))
    return found


BLOCKS = _blocks()


def _seeded() -> FakeAttio:
    fake = FakeAttio()
    client = fake.client()
    attio.Record.create(client, "companies", {"name": "Borealis Robotics"})
    attio.Record.create(client, "companies", {"name": "Cobalt Coffee"})
    attio.Record.create(
        client,
        "people",
        {
            "name": w.personal_name("Ada", "Lovelace"),
            "email_addresses": [w.email("ada@seed.example")],
            "job_title": "Head of Data",
        },
    )
    attio.Record.create(client, "people", {"name": w.personal_name("Grace", "Hopper")})
    fake.add_view("objects", "companies", "All companies")
    fake.add_sql_result(
        "SELECT name FROM companies ORDER BY name",
        [{"name": "Borealis Robotics"}, {"name": "Cobalt Coffee"}],
    )
    return fake


def test_the_readme_has_an_example_in_every_section() -> None:
    text = README.read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", text, re.M)
    with_code = {name.rsplit(" #", 1)[0] for name, _ in BLOCKS}
    expected = {
        "A short tour",
        "Resources",
        "Attribute values",
        "Typed reads, writes and filters",
        "Serialisation",
        "Errors and retries",
        "Testing your code: FakeAttio and cassettes",
    }
    assert expected <= set(sections)
    assert expected <= with_code


@pytest.mark.parametrize(("name", "code"), BLOCKS, ids=[name for name, _ in BLOCKS])
def test_readme_example_runs(
    name: str, code: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if "def test_" in code:  # a test module for the user's suite: checked by compiling it
        compile(code, name, "exec")
        return
    fake = _seeded()

    def client(**kwargs: Any) -> attio.Client:
        kwargs.pop("api_key", None)
        return fake.client(**kwargs)

    def async_client(**kwargs: Any) -> attio.AsyncClient:
        kwargs.pop("api_key", None)
        return fake.async_client(**kwargs)

    monkeypatch.setattr(attio, "Client", client)
    monkeypatch.setattr(attio, "AsyncClient", async_client)
    exec(compile(code, f"README.md: {name}", "exec"), {"__name__": "__readme__"})
    assert capsys.readouterr().out.strip() or "print(" not in code
