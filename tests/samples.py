"""Sample arguments for calling every public classmethod (shared by the tests that probe them
all: hostile path parameters, docstrings against the requests built), and the helpers that
several resource test modules share (a test module never imports another one)."""

from __future__ import annotations

import copy
import inspect
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attio
from attio._endpoints import Declared
from attio.attributes import CreatableAttributeType, Target

if TYPE_CHECKING:
    from tests.conftest import MockAttio

UUID_ = "bf071e1f-6035-429d-b874-d83ea64ea13b"

SAMPLES: dict[str, Any] = {
    "target": "objects",
    "identifier": "people",
    "attribute": "stage",
    "option": "Won",
    "status": "Open",
    "object": "people",
    "list": "sales",
    "values": {},
    "entry_values": {},
    "query": "ada",
    "objects": ["people"],
    "matching_attribute": "email_addresses",
    "parent_object": "people",
    "title": "T",
    "description": "D",
    "api_slug": "slug",
    "type": "text",
    "is_required": False,
    "is_unique": False,
    "is_multiselect": False,
    "config": {},
    "video_url": "https://example.com/v.mp4",
    "content": "hello",
    "author": {"type": "workspace-member", "id": UUID_},
    "name": "N",
    "singular_noun": "Thing",
    "plural_noun": "Things",
    "start": {"datetime": "2024-01-01T10:00:00Z", "timezone": "UTC"},
    "end": {"datetime": "2024-01-01T11:00:00Z", "timezone": "UTC"},
    "is_all_day": False,
    "participants": [],
    "external_ref": {"ical_uid": "x", "provider": "google", "is_recurring": False},
    "target_url": "https://example.com/hook",
    "subscriptions": [],
    "sql": "SELECT name FROM people",
    "file": b"hello",
    "storage_provider": "dropbox",
}

# ``update`` needs one field to send; these are spec field names of each PATCH body.
# Keyword arguments some calls need beyond the required ones (an update needs one field to send,
# a comment exactly one target).
UPDATE_FIELDS: dict[str, dict[str, Any]] = {
    "Comment.create": {"thread_id": UUID_},
    "Object.update": {"plural_noun": "Humans"},
    "Attribute.update": {"title": "T"},
    "SelectOption.update": {"title": "T"},
    "Status.update": {"title": "T"},
    "List.update": {"name": "N"},
    "Task.update": {"is_completed": True},
    "Webhook.update": {"target_url": "https://example.com/h"},
}


def sample(name: str) -> Any:
    if name in SAMPLES:
        return SAMPLES[name]
    if name.endswith("_id"):
        return UUID_
    raise AssertionError(f"no sample value for parameter {name!r}: add one to SAMPLES")


def operations() -> Iterator[tuple[str, str]]:
    """``(Model, method)`` for every public classmethod taking the client first."""
    for model_name in attio.__all__:
        model = getattr(attio, model_name)
        if not isinstance(model, type):
            continue
        for name, member in inspect.getmembers(model):
            if name.startswith("_") or name.endswith("_async"):
                continue
            if not inspect.ismethod(member) or member.__self__ is not model:
                continue
            params = list(inspect.signature(member).parameters)
            if params and params[0] == "client":
                yield model_name, name


def arguments(model: str, method: str) -> tuple[list[Any], dict[str, Any], list[str]]:
    """Sample positional and keyword arguments, and the names of the positional ones."""
    fn = getattr(getattr(attio, model), method)
    args: list[Any] = []
    names: list[str] = []
    kwargs: dict[str, Any] = dict(UPDATE_FIELDS.get(f"{model}.{method}", {}))
    for param in list(inspect.signature(fn).parameters.values())[1:]:
        if param.default is not inspect.Parameter.empty:
            continue
        if param.kind is param.POSITIONAL_OR_KEYWORD:
            args.append(sample(param.name))
            names.append(param.name)
        elif param.kind is param.KEYWORD_ONLY:
            kwargs[param.name] = sample(param.name)
    return args, kwargs, names


# --------------------------------------------------------------------------- resource test helpers

BAD_TARGETS = ["object", "records", "", "OBJECTS"]
"""``target`` values other than ``"objects"``/``"lists"``: refused before any request."""


def roundtrip(model_type: type[attio.AttioModel], body: Any) -> attio.AttioModel:
    """``body`` read into ``model_type`` and written back, unchanged, in both JSON modes."""
    original = copy.deepcopy(body)
    model = model_type.model_validate(body)
    assert model.model_dump(mode="json") == original
    assert json.loads(model.model_dump_json()) == original
    return model


async def call(mock: MockAttio, kind: str, model: Any, name: str, *args: Any, **kw: Any) -> Any:
    """``model.name(client, ...)`` with a sync client, or ``model.name_async`` with an async one."""
    if kind == "sync":
        return getattr(model, name)(mock.client(), *args, **kw)
    return await getattr(model, f"{name}_async")(mock.async_client(), *args, **kw)


def sent(mock: MockAttio) -> tuple[str, str, Any]:
    """The last request's method, raw path and JSON body."""
    return mock.last.method, mock.last.url.raw_path.decode(), mock.body()


def assert_twins_and_docstrings(model: type[Any]) -> None:
    """Every public classmethod of ``model`` has its ``_async`` twin (and the reverse), is async
    exactly when so named, takes the client first and documents its endpoint and scope."""
    public = {
        name
        for name, value in vars(model).items()
        if isinstance(value, (classmethod, Declared)) and not name.startswith("_")
    }
    assert public
    for name in public:
        twin = name.removesuffix("_async")
        assert twin in public
        assert f"{twin}_async" in public
        method = getattr(model, name)
        declared = vars(model)[name]
        is_async = (
            declared.is_async
            if isinstance(declared, Declared)
            else inspect.iscoroutinefunction(method)
        )
        assert is_async == name.endswith("_async")
        doc = method.__doc__ or ""
        assert "/v2/" in doc, name
        assert "scope" in doc or ":read" in doc, name
        assert next(iter(inspect.signature(method).parameters)) == "client"


async def collect_stream(
    mock: MockAttio, kind: str, model: Any, *args: Any, **kw: Any
) -> list[Any]:
    """Every item of ``model.stream(client, ...)``, or of ``model.stream_async`` (``async for``)."""
    if kind == "sync":
        return list(model.stream(mock.client(), *args, **kw))
    return [item async for item in model.stream_async(mock.async_client(), *args, **kw)]


def create_attribute(
    client: attio.Client,
    target: Target,
    identifier: str,
    slug: str,
    kind: CreatableAttributeType,
    *,
    title: str | None = None,
    multiselect: bool = False,
    config: dict[str, Any] | None = None,
) -> attio.Attribute:
    """``Attribute.create`` of an optional, non-unique custom attribute (titled ``slug`` unless
    ``title`` is given): the set-up many tests share."""
    return attio.Attribute.create(
        client,
        target,
        identifier,
        title=slug if title is None else title,
        description=None,
        api_slug=slug,
        type=kind,
        is_required=False,
        is_unique=False,
        is_multiselect=multiselect,
        config={} if config is None else config,
    )
