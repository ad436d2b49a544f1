"""Every public classmethod says which Attio endpoint it calls and which scope that needs."""

from __future__ import annotations

import inspect
import re

import pytest

import attio
from attio._endpoints import Declared
from attio._pagination import PagedRequest
from tests.samples import arguments

ENDPOINT = re.compile(r"``(GET|POST|PUT|PATCH|DELETE) /v2/[^`]*``")
SCOPE = re.compile(r"[a-z_]+:read(-write)?|no scope")


def _operations() -> list[tuple[str, str]]:
    found = []
    for name in attio.__all__:
        cls = getattr(attio, name)
        if not (inspect.isclass(cls) and issubclass(cls, attio.AttioModel)):
            continue
        for attr, raw in vars(cls).items():
            if attr.startswith("_") or not isinstance(raw, (classmethod, Declared)):
                continue
            found.append((name, attr))
    return found


OPERATIONS = _operations()


def test_every_contract_resource_has_operations() -> None:
    owners = {owner for owner, _ in OPERATIONS}
    assert {
        "Meta", "Object", "Attribute", "SelectOption", "Status", "Record", "List", "Entry",
        "Note", "Task", "Meeting", "CallRecording", "Transcript", "Webhook", "WorkspaceMember",
        "Thread", "Comment", "View", "File", "SqlResult",
    } <= owners  # fmt: skip
    assert len(OPERATIONS) > 150


@pytest.mark.parametrize(("owner", "name"), OPERATIONS, ids=lambda v: str(v))
def test_docstring_names_endpoint_and_scope(owner: str, name: str) -> None:
    doc = inspect.getdoc(getattr(getattr(attio, owner), name)) or ""
    assert ENDPOINT.search(doc), f"{owner}.{name}: no ``METHOD /v2/...`` in its docstring"
    assert SCOPE.search(doc), f"{owner}.{name}: no OAuth scope in its docstring"


def _declared() -> list[tuple[str, str]]:
    """Every public method derived from one declaration (sync methods and twins alike)."""
    return [
        (owner, name)
        for owner, name in OPERATIONS
        if isinstance(vars(getattr(attio, owner))[name], Declared)
    ]


def _template(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(path)) + "$")


@pytest.mark.parametrize(("owner", "name"), _declared(), ids=lambda v: str(v))
def test_documented_endpoint_is_the_request_built(owner: str, name: str) -> None:
    """The endpoint a method's docstring names is the one its declaration builds (the sync
    method and its twin share the declaration, so neither can document another endpoint)."""
    declared = vars(getattr(attio, owner))[name]
    sync_name = name.removesuffix("_async")
    if sync_name.endswith("_all"):
        sync_name = sync_name.removesuffix("_all")
    args, kwargs, _ = arguments(owner, sync_name)
    built = declared.build(*args, **kwargs)
    request = built.request if isinstance(built, PagedRequest) else built
    doc = inspect.getdoc(getattr(getattr(attio, owner), name)) or ""
    documented = [
        (m.group(1), m.group(0).strip("`").split(" ", 1)[1]) for m in ENDPOINT.finditer(doc)
    ]
    assert any(
        method == request.method and _template(path).match(request.path)
        for method, path in documented
    ), f"{owner}.{name} documents {documented} but builds {request.method} {request.path}"
