"""Every public classmethod says which Attio endpoint it calls and which scope that needs."""

from __future__ import annotations

import inspect
import re

import pytest

import attio

ENDPOINT = re.compile(r"``(GET|POST|PUT|PATCH|DELETE) /v2/[^`]*``")
SCOPE = re.compile(r"[a-z_]+:read(-write)?|no scope")


def _operations() -> list[tuple[str, str]]:
    found = []
    for name in attio.__all__:
        cls = getattr(attio, name)
        if not (inspect.isclass(cls) and issubclass(cls, attio.AttioModel)):
            continue
        for attr, raw in vars(cls).items():
            if attr.startswith("_") or not isinstance(raw, classmethod):
                continue
            found.append((name, attr))
    return found


OPERATIONS = _operations()


def test_every_contract_resource_has_operations() -> None:
    owners = {owner for owner, _ in OPERATIONS}
    assert {
        "Meta", "Object", "Attribute", "SelectOption", "Status", "Record", "List", "Entry",
        "Note", "Task", "Meeting", "CallRecording", "Transcript", "Webhook", "WorkspaceMember",
        "Thread", "Comment",
    } <= owners  # fmt: skip
    assert len(OPERATIONS) > 150


@pytest.mark.parametrize(("owner", "name"), OPERATIONS, ids=lambda v: str(v))
def test_docstring_names_endpoint_and_scope(owner: str, name: str) -> None:
    doc = inspect.getdoc(getattr(getattr(attio, owner), name)) or ""
    assert ENDPOINT.search(doc), f"{owner}.{name}: no ``METHOD /v2/...`` in its docstring"
    assert SCOPE.search(doc), f"{owner}.{name}: no OAuth scope in its docstring"
