"""``update`` takes the spec's updatable fields as keyword-only parameters (API.md §2, issue 7).

For ``Object``, ``Attribute``, ``SelectOption``, ``Status``, ``List`` and ``Task``, sync and
``_async``: the keyword-only parameters are exactly the fields of the PATCH operation's
``data`` object in Attio's OpenAPI document; only the fields given are sent (``{"data": {...}}``,
checked byte for byte through ``httpx.MockTransport``); ``None`` is sent as JSON ``null`` where
the spec allows it; a misspelt keyword (``is_complete=True``, ``titel="x"``) is a ``TypeError``
and an update giving no field a ``ValueError``, both before any request. ``FakeAttio`` checks
that the updates do what they say.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import json
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any, Literal

import pytest

import attio
from attio._sentinel import NOT_GIVEN
from attio.testing import FakeAttio
from tests.bodies import full
from tests.conftest import CLIENT_KINDS, OPENAPI, MockAttio, require_shared

WS = "4a1f0c6e-0000-4000-8000-00000000a001"
OBJ_ID = "4a1f0c6e-0000-4000-8000-00000000a002"
ATTR_ID = "4a1f0c6e-0000-4000-8000-00000000a003"
MEMBER = "50cf242c-7fa3-4cad-87d0-75b1af71c57b"
RECORD = "891dcbfc-9141-415d-9b2a-2238a6cc012d"
TASK_ID = "649e34f4-c39a-4f4d-99ef-48a36bef8f04"
LIST_ID = "33ebdbe9-e529-47c9-b894-0ba25e9c15c0"

ATTR = "/v2/{target}/{identifier}/attributes/{attribute}"


@dataclasses.dataclass(frozen=True)
class Case:
    """One ``update``: its path arguments, the request it must build and sample fields."""

    model: str
    args: tuple[str, ...]  # the path arguments after the client
    raw_path: bytes  # the path sent, percent-encoded
    operation: str  # the spec's path template of the PATCH operation
    reply: dict[str, Any]  # a complete ``data`` to answer with (tests/bodies.py)
    fields: dict[str, Any]  # every updatable field: the argument given ...
    sent: dict[str, Any]  # ... and its JSON in the body
    nullable: tuple[str, ...]  # the fields the spec lets be ``null``
    misspelt: tuple[str, ...]  # keywords that are not fields of this PATCH

    @property
    def cls(self) -> Any:
        return getattr(attio, self.model)

    def __str__(self) -> str:
        return self.model


CASES = [
    Case(
        model="Object",
        args=("fleet_vehicles",),
        raw_path=b"/v2/objects/fleet_vehicles",
        operation="/v2/objects/{object}",
        reply=full("Object", id={"workspace_id": WS, "object_id": OBJ_ID}),
        fields={"api_slug": "cars", "singular_noun": "Car", "plural_noun": "Cars"},
        sent={"api_slug": "cars", "singular_noun": "Car", "plural_noun": "Cars"},
        nullable=(),
        misspelt=("titel", "plural", "singular_name", "slug", "name"),
    ),
    Case(
        model="Attribute",
        args=("objects", "people", "nickname"),
        raw_path=b"/v2/objects/people/attributes/nickname",
        operation=ATTR,
        reply=full(
            "Attribute", id={"workspace_id": WS, "object_id": OBJ_ID, "attribute_id": ATTR_ID}
        ),
        fields={
            "title": "Alias",
            "description": "What friends call them",
            "api_slug": "alias",
            "is_required": True,
            "is_unique": False,
            "default_value": {"type": "static", "template": [{"value": 5}]},
            "config": {"currency": {"default_currency_code": "EUR", "display_type": "symbol"}},
            "is_archived": True,
        },
        sent={
            "title": "Alias",
            "description": "What friends call them",
            "api_slug": "alias",
            "is_required": True,
            "is_unique": False,
            "default_value": {"type": "static", "template": [{"value": 5}]},
            "config": {"currency": {"default_currency_code": "EUR", "display_type": "symbol"}},
            "is_archived": True,
        },
        nullable=("description", "default_value"),
        misspelt=("titel", "is_archive", "type", "is_multiselect", "relationship"),
    ),
    Case(
        model="SelectOption",
        args=("objects", "companies", "tier", "Mid market / EU"),
        raw_path=b"/v2/objects/companies/attributes/tier/options/Mid%20market%20%2F%20EU",
        operation=ATTR + "/options/{option}",
        reply=full(
            "SelectOption",
            id={
                "workspace_id": WS,
                "object_id": OBJ_ID,
                "attribute_id": ATTR_ID,
                "option_id": "4a1f0c6e-0000-4000-8000-00000000a004",
            },
        ),
        fields={"title": "Mid-market", "is_archived": False},
        sent={"title": "Mid-market", "is_archived": False},
        nullable=(),
        misspelt=("titel", "archived", "name", "celebration_enabled"),
    ),
    Case(
        model="Status",
        args=("lists", "sales", "stage", "In Progress"),
        raw_path=b"/v2/lists/sales/attributes/stage/statuses/In%20Progress",
        operation=ATTR + "/statuses/{status}",
        reply=full(
            "Status",
            id={
                "workspace_id": WS,
                "object_id": OBJ_ID,
                "attribute_id": ATTR_ID,
                "status_id": "4a1f0c6e-0000-4000-8000-00000000a005",
            },
        ),
        fields={
            "title": "Doing",
            "celebration_enabled": True,
            "target_time_in_status": "P0Y0M1DT0H0M0S",
            "is_archived": False,
        },
        sent={
            "title": "Doing",
            "celebration_enabled": True,
            "target_time_in_status": "P0Y0M1DT0H0M0S",
            "is_archived": False,
        },
        nullable=("target_time_in_status",),
        misspelt=("titel", "celebrate", "target_time", "is_archive"),
    ),
    Case(
        model="List",
        args=("enterprise_sales",),
        raw_path=b"/v2/lists/enterprise_sales",
        operation="/v2/lists/{list}",
        reply=full("List", id={"workspace_id": WS, "list_id": LIST_ID}),
        fields={
            "name": "Enterprise",
            "api_slug": "enterprise",
            "workspace_access": "read-only",
            "workspace_member_access": [{"workspace_member_id": MEMBER, "level": "full-access"}],
        },
        sent={
            "name": "Enterprise",
            "api_slug": "enterprise",
            "workspace_access": "read-only",
            "workspace_member_access": [{"workspace_member_id": MEMBER, "level": "full-access"}],
        },
        nullable=("workspace_access",),
        misspelt=("titel", "title", "parent_object", "workspace_acess", "access"),
    ),
    Case(
        model="Task",
        args=(TASK_ID,),
        raw_path=f"/v2/tasks/{TASK_ID}".encode(),
        operation="/v2/tasks/{task_id}",
        reply=full("Task", id={"workspace_id": WS, "task_id": TASK_ID}),
        fields={
            "deadline_at": dt.datetime(2025, 6, 1, 12, 0),
            "is_completed": True,
            "linked_records": [{"target_object": "people", "target_record_id": RECORD}],
            "assignees": [
                {"referenced_actor_type": "workspace-member", "referenced_actor_id": MEMBER},
                {"workspace_member_email_address": "ada@example.com"},
            ],
        },
        sent={
            "deadline_at": "2025-06-01T12:00:00.000000000Z",
            "is_completed": True,
            "linked_records": [{"target_object": "people", "target_record_id": RECORD}],
            "assignees": [
                {"referenced_actor_type": "workspace-member", "referenced_actor_id": MEMBER},
                {"workspace_member_email_address": "ada@example.com"},
            ],
        },
        nullable=("deadline_at",),
        misspelt=("is_complete", "titel", "content", "deadline", "completed"),
    ),
]

BY_MODEL = {case.model: case for case in CASES}


def _ids(value: Any) -> str:
    return str(value)


async def update(mock: MockAttio, kind: str, case: Case, *args: Any, **kwargs: Any) -> Any:
    """``case``'s update (or its ``_async`` twin) through ``mock``'s transport."""
    if kind == "sync":
        return case.cls.update(mock.client(max_retries=0), *case.args, *args, **kwargs)
    return await case.cls.update_async(
        mock.async_client(max_retries=0), *case.args, *args, **kwargs
    )


def sent_json(mock: MockAttio) -> Any:
    assert len(mock.requests) == 1, [str(r.url) for r in mock.requests]
    request = mock.requests[0]
    assert request.method == "PATCH"
    return json.loads(request.content)


# --------------------------------------------------------------------------- the signatures


def _spec_fields(operation: str) -> set[str]:
    spec = json.loads(require_shared(OPENAPI).read_text())
    schema = spec["paths"][operation]["patch"]["requestBody"]["content"]["application/json"]
    data = schema["schema"]["properties"]["data"]
    assert "$ref" not in data, "resolve the $ref here if the spec starts using one"
    return set(data["properties"])


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_the_keyword_only_parameters_are_the_spec_fields(case: Case) -> None:
    spec_fields = _spec_fields(case.operation)
    assert set(case.fields) == spec_fields  # the samples below cover every field
    for method in (case.cls.update, case.cls.update_async):
        parameters = inspect.signature(method).parameters.values()
        keyword_only = {p.name for p in parameters if p.kind is p.KEYWORD_ONLY}
        assert keyword_only == spec_fields, method.__qualname__
        assert not [p for p in parameters if p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
        for param in parameters:
            if param.kind is param.KEYWORD_ONLY:
                assert param.default is NOT_GIVEN, f"{method.__qualname__}({param.name}=...)"
    sync = inspect.signature(case.cls.update).parameters
    twin = inspect.signature(case.cls.update_async).parameters
    assert list(sync) == list(twin)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_null_is_allowed_exactly_where_the_spec_allows_it(case: Case) -> None:
    """``None`` is in a parameter's annotation only where the spec's field may be ``null``."""
    spec = json.loads(require_shared(OPENAPI).read_text())
    schema = spec["paths"][case.operation]["patch"]["requestBody"]["content"]["application/json"]
    properties = schema["schema"]["properties"]["data"]["properties"]

    def nullable(field: dict[str, Any]) -> bool:
        kinds = field.get("type")
        if kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
            return True
        return any(nullable(option) for option in field.get("oneOf", field.get("anyOf", [])))

    assert {name for name, field in properties.items() if nullable(field)} == set(case.nullable)
    for method in (case.cls.update, case.cls.update_async):
        for param in inspect.signature(method).parameters.values():
            if param.kind is not param.KEYWORD_ONLY:
                continue
            annotation = str(param.annotation)
            assert ("None" in annotation) == (param.name in case.nullable), (
                f"{method.__qualname__}({param.name}: {annotation})"
            )


# --------------------------------------------------------------------------- exact bodies


def _each_field() -> Iterator[Any]:
    for case in CASES:
        for field in case.fields:
            yield pytest.param(case, field, id=f"{case.model}-{field}")


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(("case", "field"), list(_each_field()))
async def test_a_field_given_alone_is_sent_alone(
    mock: MockAttio, kind: str, case: Case, field: str
) -> None:
    mock.data(case.reply)
    result = await update(mock, kind, case, **{field: case.fields[field]})
    assert sent_json(mock) == {"data": {field: case.sent[field]}}
    assert mock.last.url.raw_path == case.raw_path
    assert mock.last.url.query == b""
    assert isinstance(result, case.cls)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("case", CASES, ids=_ids)
async def test_every_field_given_is_sent_as_is(mock: MockAttio, kind: str, case: Case) -> None:
    mock.data(case.reply)
    await update(mock, kind, case, **case.fields)
    assert sent_json(mock) == {"data": case.sent}
    assert mock.last.headers["content-type"] == "application/json"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(
    ("case", "field"),
    [pytest.param(c, f, id=f"{c.model}-{f}") for c in CASES for f in c.nullable],
)
async def test_none_is_sent_as_null(mock: MockAttio, kind: str, case: Case, field: str) -> None:
    mock.data(case.reply)
    await update(mock, kind, case, **{field: None})
    assert sent_json(mock) == {"data": {field: None}}
    assert f'"{field}":null'.encode() in mock.last.content


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("case", CASES, ids=_ids)
async def test_not_given_fields_are_not_sent(mock: MockAttio, kind: str, case: Case) -> None:
    """``NOT_GIVEN`` passed explicitly (e.g. forwarded by a wrapper) is the same as absent."""
    first, *rest = case.fields
    mock.data(case.reply)
    await update(mock, kind, case, **{first: case.fields[first]}, **dict.fromkeys(rest, NOT_GIVEN))
    assert sent_json(mock) == {"data": {first: case.sent[first]}}


# --------------------------------------------------------------------------- refused before sending


def _each_misspelling() -> Iterator[Any]:
    for case in CASES:
        for name in case.misspelt:
            yield pytest.param(case, name, id=f"{case.model}-{name}")


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize(("case", "name"), list(_each_misspelling()))
async def test_a_misspelt_keyword_is_a_type_error_and_nothing_is_sent(
    mock: MockAttio, kind: str, case: Case, name: str
) -> None:
    mock.data(case.reply)
    with pytest.raises(TypeError, match=name):
        await update(mock, kind, case, **{name: True})
    # ... also next to a correct field, which is then not sent either
    first = next(iter(case.fields))
    with pytest.raises(TypeError, match=name):
        await update(mock, kind, case, **{first: case.fields[first], name: "x"})
    assert mock.requests == []


def test_the_issue_example_is_a_type_error(mock: MockAttio) -> None:
    """Before: ``Task.update(c, id, is_complete=True)`` sent ``{"data": {"is_complete":
    true}}``, which Attio ignored, and the task stayed open."""
    mock.data(BY_MODEL["Task"].reply)
    with pytest.raises(TypeError, match="is_complete"):
        attio.Task.update(mock.client(), TASK_ID, is_complete=True)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="titel"):
        attio.Attribute.update(
            mock.client(),
            "objects",
            "people",
            "nickname",
            titel="x",  # type: ignore[call-arg]
        )
    assert mock.requests == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("case", CASES, ids=_ids)
async def test_no_field_is_a_value_error_before_any_request(
    mock: MockAttio, kind: str, case: Case
) -> None:
    mock.data(case.reply)
    with pytest.raises(ValueError, match="nothing to update") as caught:
        await update(mock, kind, case)
    for field in case.fields:  # the message says what could have been given
        assert field in str(caught.value)
    assert f"{case.model}.update" in str(caught.value)
    with pytest.raises(ValueError, match="nothing to update"):
        await update(mock, kind, case, **dict.fromkeys(case.fields, NOT_GIVEN))
    assert mock.requests == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("case", CASES, ids=_ids)
async def test_fields_cannot_be_given_positionally(mock: MockAttio, kind: str, case: Case) -> None:
    mock.data(case.reply)
    first = next(iter(case.fields))
    with pytest.raises(TypeError):
        await update(mock, kind, case, case.fields[first])
    assert mock.requests == []


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("case", CASES, ids=_ids)
async def test_a_bad_path_parameter_is_refused_even_with_no_field(
    mock: MockAttio, kind: str, case: Case
) -> None:
    """The path is checked too: neither error lets a request through."""
    bad = dataclasses.replace(case, args=(*case.args[:-1], ".."))
    with pytest.raises(ValueError):
        await update(mock, kind, bad)
    with pytest.raises(ValueError):
        await update(mock, kind, bad, **case.fields)
    assert mock.requests == []


# --------------------------------------------------------------------------- argument conversions


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_task_deadline_datetime_is_sent_as_utc_text(mock: MockAttio, kind: str) -> None:
    case = BY_MODEL["Task"]
    mock.data(case.reply)
    paris = dt.timezone(dt.timedelta(hours=2))
    await update(mock, kind, case, deadline_at=dt.datetime(2025, 6, 1, 14, 0, tzinfo=paris))
    assert sent_json(mock) == {"data": {"deadline_at": "2025-06-01T12:00:00.000000000Z"}}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_task_deadline_text_is_sent_unchanged(mock: MockAttio, kind: str) -> None:
    case = BY_MODEL["Task"]
    mock.data(case.reply)
    await update(mock, kind, case, deadline_at="2025-06-01T12:00:00Z")
    assert sent_json(mock) == {"data": {"deadline_at": "2025-06-01T12:00:00Z"}}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_task_arrays_may_be_any_iterable(mock: MockAttio, kind: str) -> None:
    case = BY_MODEL["Task"]
    mock.data(case.reply)
    linked = ({"target_object": "people", "target_record_id": RECORD} for _ in range(1))
    await update(mock, kind, case, linked_records=linked, assignees=())
    assert sent_json(mock) == {
        "data": {
            "linked_records": [{"target_object": "people", "target_record_id": RECORD}],
            "assignees": [],
        }
    }


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_list_member_access_takes_models_and_iterables(mock: MockAttio, kind: str) -> None:
    case = BY_MODEL["List"]
    mock.data(case.reply)
    grants = iter(
        [
            attio.ListMemberAccess(workspace_member_id=MEMBER, level="full-access"),
            MappingProxyType({"workspace_member_id": WS, "level": "read-only"}),
        ]
    )
    await update(mock, kind, case, workspace_access=None, workspace_member_access=grants)
    assert sent_json(mock) == {
        "data": {
            "workspace_access": None,
            "workspace_member_access": [
                {"workspace_member_id": MEMBER, "level": "full-access"},
                {"workspace_member_id": WS, "level": "read-only"},
            ],
        }
    }


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_list_member_access_empty_removes_every_grant(mock: MockAttio, kind: str) -> None:
    case = BY_MODEL["List"]
    mock.data(case.reply)
    await update(mock, kind, case, workspace_member_access=[])
    assert sent_json(mock) == {"data": {"workspace_member_access": []}}


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_attribute_config_may_be_any_mapping(mock: MockAttio, kind: str) -> None:
    case = BY_MODEL["Attribute"]
    mock.data(case.reply)
    config = MappingProxyType({"record_reference": {"allowed_objects": ["people"]}})
    default = MappingProxyType({"type": "dynamic", "template": "current-user"})
    await update(mock, kind, case, config=config, default_value=default)
    assert sent_json(mock) == {
        "data": {
            "config": {"record_reference": {"allowed_objects": ["people"]}},
            "default_value": {"type": "dynamic", "template": "current-user"},
        }
    }


# --------------------------------------------------------------------------- behaviour (FakeAttio)


async def fake_update(fake: FakeAttio, kind: str, model: str, *args: Any, **kwargs: Any) -> Any:
    cls = getattr(attio, model)
    if kind == "sync":
        with fake.client() as client:
            return cls.update(client, *args, **kwargs)
    async with fake.async_client() as aclient:
        return await cls.update_async(aclient, *args, **kwargs)


@pytest.fixture
def fake() -> FakeAttio:
    return FakeAttio()


def _refused_without_request(fake: FakeAttio, kind: str, model: str, *args: Any) -> Any:
    """Check, after the fact, that the misspelt and the empty update sent nothing."""

    async def check() -> None:
        before = len(fake.requests)
        with pytest.raises(TypeError):
            await fake_update(fake, kind, model, *args, titel="x", is_complete=True)
        with pytest.raises(ValueError, match="nothing to update"):
            await fake_update(fake, kind, model, *args)
        assert len(fake.requests) == before

    return check()


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_fake_object_update(fake: FakeAttio, kind: str) -> None:
    client = fake.client()
    attio.Object.create(
        client, api_slug="projects", singular_noun="Project", plural_noun="Projects"
    )
    updated = await fake_update(fake, kind, "Object", "projects", plural_noun="Project files")
    assert (updated.api_slug, updated.singular_noun, updated.plural_noun) == (
        "projects",
        "Project",
        "Project files",
    )
    assert fake.requests[-1].json == {"data": {"plural_noun": "Project files"}}
    assert attio.Object.get(client, "projects").plural_noun == "Project files"
    await _refused_without_request(fake, kind, "Object", "projects")


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_fake_attribute_update(fake: FakeAttio, kind: str) -> None:
    client = fake.client()
    attio.Attribute.create(
        client,
        "objects",
        "people",
        title="Nickname",
        description="What friends call them",
        api_slug="nickname",
        type="text",
        is_required=False,
        is_unique=False,
        is_multiselect=False,
        config={},
    )
    args: tuple[Literal["objects"], str, str] = ("objects", "people", "nickname")
    updated = await fake_update(
        fake, kind, "Attribute", *args, title="Alias", description=None, is_archived=True
    )
    assert fake.requests[-1].json == {
        "data": {"title": "Alias", "description": None, "is_archived": True}
    }
    assert (updated.title, updated.description, updated.is_archived) == ("Alias", None, True)
    again = attio.Attribute.get(client, *args)
    assert (again.title, again.description, again.is_archived) == ("Alias", None, True)
    assert again.is_required is False  # not given, not changed
    await _refused_without_request(fake, kind, "Attribute", *args)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_fake_select_option_update(fake: FakeAttio, kind: str) -> None:
    client = fake.client()
    args: tuple[Literal["objects"], str, str] = ("objects", "companies", "categories")
    updated = await fake_update(fake, kind, "SelectOption", *args, "B2B", title="B2B sales")
    assert fake.requests[-1].json == {"data": {"title": "B2B sales"}}
    assert (updated.title, updated.is_archived) == ("B2B sales", False)
    archived = await fake_update(fake, kind, "SelectOption", *args, "B2B sales", is_archived=True)
    assert (archived.title, archived.is_archived) == ("B2B sales", True)
    titles = [o.title for o in attio.SelectOption.list(client, *args)]
    assert "B2B" not in titles
    assert "B2B sales" not in titles  # archived: listed only with show_archived
    archived_titles = [o.title for o in attio.SelectOption.list(client, *args, show_archived=True)]
    assert "B2B sales" in archived_titles
    await _refused_without_request(fake, kind, "SelectOption", *args, "B2C")


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_fake_status_update(fake: FakeAttio, kind: str) -> None:
    client = fake.client()
    args: tuple[Literal["objects"], str, str, str] = ("objects", "deals", "stage", "Lost")
    updated = await fake_update(
        fake, kind, "Status", *args, target_time_in_status="P7D", celebration_enabled=True
    )
    assert fake.requests[-1].json == {
        "data": {"target_time_in_status": "P7D", "celebration_enabled": True}
    }
    assert (updated.target_time_in_status, updated.celebration_enabled) == ("P7D", True)
    cleared = await fake_update(fake, kind, "Status", *args, target_time_in_status=None)
    assert fake.requests[-1].json == {"data": {"target_time_in_status": None}}
    assert (cleared.target_time_in_status, cleared.celebration_enabled) == (None, True)
    [lost] = [s for s in attio.Status.list(client, *args[:3]) if s.title == "Lost"]
    assert lost.target_time_in_status is None
    await _refused_without_request(fake, kind, "Status", *args)


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_fake_list_update(fake: FakeAttio, kind: str) -> None:
    client = fake.client()
    member = attio.WorkspaceMember.list(client)[0].id.workspace_member_id
    attio.List.create(client, name="Sales", api_slug="sales", parent_object="companies")
    updated = await fake_update(
        fake,
        kind,
        "List",
        "sales",
        name="Enterprise sales",
        workspace_access=None,
        workspace_member_access=[{"workspace_member_id": member, "level": "full-access"}],
    )
    assert (updated.name, updated.api_slug, updated.workspace_access) == (
        "Enterprise sales",
        "sales",
        None,
    )
    assert [(a.workspace_member_id, a.level) for a in updated.workspace_member_access or []] == [
        (member, "full-access")
    ]
    assert attio.List.get(client, "sales").name == "Enterprise sales"
    await _refused_without_request(fake, kind, "List", "sales")


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_fake_task_update(fake: FakeAttio, kind: str) -> None:
    client = fake.client()
    task = attio.Task.create(client, content="Send the contract")
    task_id = task.id.task_id
    assert task.is_completed is False
    done = await fake_update(
        fake, kind, "Task", task_id, is_completed=True, deadline_at=dt.datetime(2025, 6, 1, 12)
    )
    assert fake.requests[-1].json == {
        "data": {"is_completed": True, "deadline_at": "2025-06-01T12:00:00.000000000Z"}
    }
    assert done.is_completed is True
    assert str(done.deadline_at) == "2025-06-01T12:00:00.000000000Z"
    assert done.content_plaintext == "Send the contract"
    no_deadline = await fake_update(fake, kind, "Task", task_id, deadline_at=None)
    assert (no_deadline.deadline_at, no_deadline.is_completed) == (None, True)
    got = attio.Task.get(client, task_id)
    assert (got.deadline_at, got.is_completed) == (None, True)
    await _refused_without_request(fake, kind, "Task", task_id)
