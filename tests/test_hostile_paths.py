"""No argument can change which endpoint is called (API.md §2, issue: hostile input).

Every public classmethod of every resource, sync and ``_async``, is found by introspection and
called once with good sample arguments (the baseline); each argument whose value lands in the
request path is a path parameter. Each path parameter is then given values that would change
the endpoint (``..``, ``.``, empty, percent-encoded dots) or are not text at all: the call must
raise before any request (``attio.PathParameterError``, a ``ValueError``; ``TypeError`` for
``None``), and nothing reaches the transport. Harmless odd values (``a/b``, ``...``) are sent
as one percent-encoded segment.
"""

from __future__ import annotations

import asyncio
import inspect
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import attio
from tests.samples import UUID_, arguments, operations

DOT_VALUES = ["..", ".", "", "%2e%2e", "%2E%2e", ".%2E", "%2e", "%252e%252e", " .. "]
NOT_TEXT: list[Any] = [None, 5, b"..", ["a"], 1.5]
HARMLESS = ["a/b", "...", "a..b", ".hidden", "?x=1", "#frag", "50%"]


OPERATIONS = sorted(operations())


def test_every_resource_is_probed() -> None:
    models = {model for model, _ in OPERATIONS}
    assert {"Record", "Entry", "Attribute", "SelectOption", "Status", "Object", "List"} <= models
    assert {"Note", "Task", "Meeting", "CallRecording", "Transcript", "Webhook"} <= models
    assert {"WorkspaceMember", "Thread", "Comment", "Meta", "View", "File", "SqlResult"} <= models
    assert len(OPERATIONS) >= 80


class Recorder:
    """A transport that records every request and answers Attio's 404."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        body = {"status_code": 404, "type": "invalid_request_error", "code": "not_found"}
        return httpx.Response(404, json={**body, "message": "nope"})


def run(kind: str, model: str, method: str, args: list[Any], kwargs: dict[str, Any]) -> Recorder:
    """Call the operation (its twin for ``async``) with ``args``; return what was sent.

    An answer from the transport (a 404) is expected; anything raised before it propagates.
    """
    recorder = Recorder()
    transport = httpx.MockTransport(recorder)
    if kind == "sync":
        client = attio.Client(
            api_key="k", http_client=httpx.Client(transport=transport), max_retries=0
        )
        fn = getattr(getattr(attio, model), method)
        try:
            result = fn(client, *args, **kwargs)
            if isinstance(result, Iterator):
                next(result)
        except attio.NotFoundError:
            pass
        return recorder

    async def go() -> None:
        aclient = attio.AsyncClient(
            api_key="k", http_client=httpx.AsyncClient(transport=transport), max_retries=0
        )
        fn = getattr(getattr(attio, model), method + "_async")
        try:
            result = fn(aclient, *args, **kwargs)
            if inspect.isawaitable(result):
                await result
            else:
                await result.__anext__()
        except attio.NotFoundError:
            pass

    asyncio.run(go())
    return recorder


def path_parameters(model: str, method: str) -> list[int]:
    """Indexes of the positional arguments whose value is a segment of the baseline path."""
    args, kwargs, _ = arguments(model, method)
    sent = run("sync", model, method, args, kwargs).requests
    assert len(sent) == 1, f"{model}.{method}: the baseline call sent {len(sent)} requests"
    segments = sent[0].url.raw_path.decode().split("?")[0].split("/")
    return [i for i, value in enumerate(args) if isinstance(value, str) and value in segments]


CASES = [
    (kind, model, method)
    for model, method in OPERATIONS
    for kind in ("sync", "async")
    if any(
        p.kind is p.POSITIONAL_OR_KEYWORD
        for p in list(
            inspect.signature(getattr(getattr(attio, model), method)).parameters.values()
        )[1:]
    )
]


@pytest.mark.parametrize(("kind", "model", "method"), CASES)
def test_dot_and_empty_path_parameters_are_refused_before_any_request(
    kind: str, model: str, method: str
) -> None:
    args, kwargs, names = arguments(model, method)
    for index in path_parameters(model, method):
        for bad in DOT_VALUES:
            probe = list(args)
            probe[index] = bad
            recorder = Recorder()
            with pytest.raises(attio.PathParameterError) as caught:
                recorder = run(kind, model, method, probe, kwargs)
            assert recorder.requests == []
            assert isinstance(caught.value, ValueError)
            assert isinstance(caught.value, attio.AttioException)
            assert len(str(caught.value)) < 300, names[index]


@pytest.mark.parametrize(("kind", "model", "method"), CASES)
def test_path_parameters_that_are_not_text_are_a_type_error(
    kind: str, model: str, method: str
) -> None:
    args, kwargs, _ = arguments(model, method)
    for index in path_parameters(model, method):
        for bad in NOT_TEXT:
            probe = list(args)
            probe[index] = bad
            with pytest.raises(TypeError, match="str"):
                run(kind, model, method, probe, kwargs)


@pytest.mark.parametrize(("kind", "model", "method"), CASES)
def test_odd_but_harmless_values_stay_one_segment(kind: str, model: str, method: str) -> None:
    args, kwargs, names = arguments(model, method)
    baseline = run(kind, model, method, args, kwargs).requests[0]
    depth = baseline.url.raw_path.split(b"?")[0].count(b"/")
    for index in path_parameters(model, method):
        if names[index] == "target":  # "objects" or "lists" only: refused, see above
            continue
        for odd in HARMLESS:
            probe = list(args)
            probe[index] = odd
            sent = run(kind, model, method, probe, kwargs).requests
            assert len(sent) == 1
            raw = sent[0].url.raw_path.split(b"?")[0]
            assert raw.count(b"/") == depth, (odd, raw)
            assert sent[0].url.query == baseline.url.query
            assert sent[0].method == baseline.method


def test_a_uuid_object_is_accepted_as_an_id() -> None:
    record_id = uuid.UUID(UUID_)
    sent = run("sync", "Record", "get", ["people", record_id], {}).requests
    assert sent[0].url.path == f"/v2/objects/people/records/{UUID_}"


def test_the_example_of_the_issue() -> None:
    # Once `DELETE /v2/objects/people`, then `PATCH` of the attribute itself.
    for call in (
        lambda c: attio.Record.delete(c, "people", ".."),
        lambda c: attio.SelectOption.update(c, "objects", "people", "stage", "..", title="x"),
    ):
        recorder = Recorder()
        client = attio.Client(
            api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(recorder))
        )
        with pytest.raises(attio.PathParameterError):
            call(client)
        assert recorder.requests == []


def test_a_request_value_with_a_dot_segment_cannot_be_built() -> None:
    parse: Callable[[bytes], None] = attio.parse.nothing
    for path in ("/v2/objects/people/records/..", "/v2/objects//records", "/v1/x", "/v2/a?b"):
        with pytest.raises(attio.PathParameterError):
            attio.Request("DELETE", path, parse)
