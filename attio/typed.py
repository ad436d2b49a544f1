"""Typed record classes: one class per object, one typed field per attribute.

Declare the attributes you use; each field reads the attribute of the same slug (or the slug
given to :func:`attribute`)::

    from attio.typed import TypedRecord, attribute

    class Company(TypedRecord, object="companies"):
        name: str | None = None
        domains: list[str] = []                      # a list: every current value
        founded: date | None = attribute("foundation_date", default=None)
        team: list[RecordReferenceValue] = []        # a value model: the models themselves

    companies = Company.stream_all(client)           # list[Company]
    acme = Company.create(client, Company(name="Acme", domains=["acme.example"]))
    acme.record_id, acme.name, acme.record           # the Record it was read from

A field annotated with a list holds every current value of its attribute; any other field
the first current value, or its default when the record has none. Values are read as their
:attr:`~attio.values.BaseValue.plain` Python value (``str``, ``int``, ``Decimal``, ``date``,
``datetime``...), then validated against the field's type by pydantic; a field whose type is
a value model (``EmailAddressValue``, ``SelectValue``...) keeps the models. A record that
does not fit (a required field without a value, a value of another type) is a
:class:`TypedRecordError` naming the record and the field.

:func:`generate` writes such a class from the workspace's own attributes (``python -m
attio.typed companies`` prints it), so the classes can follow the schema.
"""

from __future__ import annotations

import builtins
import dataclasses
import functools
import inspect
import keyword
import re
import types
import typing
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator, Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Concatenate,
    Generic,
    Literal,
    ParamSpec,
    TypeVar,
    cast,
)

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from ._endpoints import (
    Declared,
    _fetch,
    _fetch_async,
    _send,
    _send_async,
    _stream,
    _stream_all,
    _stream_all_async,
    _stream_async,
    _twin_doc,
)
from ._exceptions import AttioException
from ._pagination import Page, PagedRequest, RawPage
from ._query import QUERY_PAGE_SIZE
from ._request import Request
from .entries import Entry
from .records import Record
from .values import BaseValue
from .write import WriteValues

if TYPE_CHECKING:
    from ._client import AsyncClient, Client

__all__ = [
    "TypedEntry",
    "TypedRecord",
    "TypedRecordError",
    "attribute",
    "generate",
    "generate_source",
]

TT = TypeVar("TT", bound="_Typed")
TR = TypeVar("TR", bound="TypedRecord")
TE = TypeVar("TE", bound="TypedEntry")
P = ParamSpec("P")

_SLUG_KEY = "x-attio-attribute"


def _sync(client: object) -> Client:
    from ._client import require_sync

    return require_sync(client)


def _async(client: object) -> AsyncClient:
    from ._client import require_async

    return require_async(client)


class TypedRecordError(AttioException, ValueError):
    """A record that does not fit a typed record class (a required attribute without a
    value, a value of another type), or a class declared wrongly."""


def attribute(
    slug: str, *, default: Any = ..., default_factory: Callable[[], Any] | None = None
) -> Any:
    """A field reading the attribute ``slug`` (when it differs from the field's name)::

    founded: date | None = attribute("foundation_date", default=None)
    """
    if not isinstance(slug, str) or not slug:
        raise TypeError(f"attribute slug must be a non-empty str, got {slug!r:.80}")
    extra: dict[str, Any] = {_SLUG_KEY: slug}
    if default_factory is not None:
        return Field(default_factory=default_factory, json_schema_extra=extra)
    return Field(default, json_schema_extra=extra)


@dataclasses.dataclass(frozen=True)
class _Reader:
    """How one field reads its attribute."""

    name: str
    slug: str
    many: bool
    models: bool


def _args(annotation: Any) -> tuple[Any, ...]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return typing.get_args(annotation)
    return (annotation,)


def _reader(name: str, annotation: Any, extra: Any) -> _Reader:
    slug = extra.get(_SLUG_KEY, name) if isinstance(extra, dict) else name
    kinds = [a for a in _args(annotation) if a is not type(None)]
    many = any(typing.get_origin(k) in (list, builtins.list) for k in kinds)
    inner = [
        typing.get_args(k)[0] if typing.get_origin(k) is list and typing.get_args(k) else k
        for k in kinds
    ]
    models = any(isinstance(k, type) and issubclass(k, BaseValue) for k in inner)
    return _Reader(name, slug, many, models)


# --------------------------------------------------------------------------- declarations
#
# A TypedRecord endpoint is declared once, as a builder taking the class first (``cls``) and
# returning the request; :class:`_PerClass` derives, for each class it is used on, the sync
# method and its ``_async`` twin with :class:`attio._endpoints.Declared` (the same client
# checks, signatures and docstrings as every resource). For mypy each decorator types the
# result with the calling class: ``Company.get(client, id)`` is a ``Company``.

_DECLARED: weakref.WeakKeyDictionary[type, dict[str, Declared[Any, Any, Any]]] = (
    weakref.WeakKeyDictionary()
)


class _PerClass(Generic[P]):
    """One derived classmethod of the typed record classes (see above)."""

    def __init__(
        self,
        build: Callable[Concatenate[Any, P], Any],
        run: Callable[[Any, Any], Any],
        *,
        is_async: bool,
        returns: str,
        doc: str | None = None,
        name: str | None = None,
    ) -> None:
        self.build = build
        self.run = run
        self.is_async = is_async
        self.returns = returns
        self.doc = doc if doc is not None else build.__doc__
        self.name = name or build.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def _bound(self, owner: type) -> Any:
        methods = _DECLARED.setdefault(owner, {})
        declared = methods.get(self.name)
        if declared is None:
            build = functools.partial(self.build, owner)
            returns = self.returns.format(owner.__name__)
            declared = Declared(
                build, self.run, is_async=self.is_async, returns=returns, doc=self.doc
            )
            declared.__set_name__(owner, self.name)
            methods[self.name] = declared
        return declared.__get__(None, owner)


class _OneAsync(_PerClass[P]):
    def __get__(
        self, obj: object, owner: type[TT]
    ) -> Callable[Concatenate[AsyncClient, P], Coroutine[Any, Any, TT]]:
        return cast(
            "Callable[Concatenate[AsyncClient, P], Coroutine[Any, Any, TT]]", self._bound(owner)
        )


class _declare_one(_PerClass[P]):
    """``@_declare_one def get(cls, ...) -> Request``: returns an instance of the calling class."""

    def __init__(self, build: Callable[Concatenate[Any, P], Any]) -> None:
        super().__init__(build, _send, is_async=False, returns="{}")
        self.twin: _OneAsync[P] = _OneAsync(
            build,
            _send_async,
            is_async=True,
            returns="Coroutine[Any, Any, {}]",
            doc=_twin_doc(build, build.__name__),
            name=f"{build.__name__}_async",
        )

    def __get__(self, obj: object, owner: type[TT]) -> Callable[Concatenate[Client, P], TT]:
        return cast("Callable[Concatenate[Client, P], TT]", self._bound(owner))


class _PageAsync(_PerClass[P]):
    def __get__(
        self, obj: object, owner: type[TT]
    ) -> Callable[Concatenate[AsyncClient, P], Coroutine[Any, Any, Page[TT]]]:
        return cast(
            "Callable[Concatenate[AsyncClient, P], Coroutine[Any, Any, Page[TT]]]",
            self._bound(owner),
        )


class _declare_page(_PerClass[P]):
    """``@_declare_page def list(cls, ...) -> PagedRequest``: one page of the calling class."""

    def __init__(self, build: Callable[Concatenate[Any, P], Any]) -> None:
        super().__init__(build, _fetch, is_async=False, returns="Page[{}]")
        self.twin: _PageAsync[P] = _PageAsync(
            build,
            _fetch_async,
            is_async=True,
            returns="Coroutine[Any, Any, Page[{}]]",
            doc=_twin_doc(build, build.__name__),
            name=f"{build.__name__}_async",
        )

    def __get__(self, obj: object, owner: type[TT]) -> Callable[Concatenate[Client, P], Page[TT]]:
        return cast("Callable[Concatenate[Client, P], Page[TT]]", self._bound(owner))


class _WalkAsync(_PerClass[P]):
    def __get__(
        self, obj: object, owner: type[TT]
    ) -> Callable[Concatenate[AsyncClient, P], AsyncIterator[TT]]:
        return cast("Callable[Concatenate[AsyncClient, P], AsyncIterator[TT]]", self._bound(owner))


class _All(_PerClass[P]):
    def __get__(
        self, obj: object, owner: type[TT]
    ) -> Callable[Concatenate[Client, P], builtins.list[TT]]:
        return cast("Callable[Concatenate[Client, P], builtins.list[TT]]", self._bound(owner))


class _AllAsync(_PerClass[P]):
    def __get__(
        self, obj: object, owner: type[TT]
    ) -> Callable[Concatenate[AsyncClient, P], Coroutine[Any, Any, builtins.list[TT]]]:
        return cast(
            "Callable[Concatenate[AsyncClient, P], Coroutine[Any, Any, builtins.list[TT]]]",
            self._bound(owner),
        )


class _declare_walk(_PerClass[P]):
    """``@_declare_walk def stream(cls, ...) -> PagedRequest``: every item, as the calling class;
    ``.twin``, ``.all`` and ``.all_twin`` as for :class:`attio._endpoints.streamed`."""

    def __init__(self, build: Callable[Concatenate[Any, P], Any]) -> None:
        name = build.__name__
        super().__init__(build, _stream, is_async=False, returns="Iterator[{}]")
        self.twin: _WalkAsync[P] = _WalkAsync(
            build,
            _stream_async,
            is_async=True,
            returns="AsyncIterator[{}]",
            doc=_twin_doc(build, name, " (use ``async for``)"),
            name=f"{name}_async",
        )
        all_doc = (
            f"Like :meth:`{name}`, collected into a list. {inspect.cleandoc(build.__doc__ or '')}"
        )
        self.all: _All[P] = _All(
            build, _stream_all, is_async=False, returns="list[{}]", doc=all_doc, name=f"{name}_all"
        )
        self.all_twin: _AllAsync[P] = _AllAsync(
            build,
            _stream_all_async,
            is_async=True,
            returns="Coroutine[Any, Any, list[{}]]",
            doc=f"Async twin of :meth:`{name}_all`: {all_doc}",
            name=f"{name}_all_async",
        )

    def __get__(
        self, obj: object, owner: type[TT]
    ) -> Callable[Concatenate[Client, P], Iterator[TT]]:
        return cast("Callable[Concatenate[Client, P], Iterator[TT]]", self._bound(owner))


class _Typed(BaseModel):
    """What typed record and entry classes share: reading a values map into the fields, the
    fields set as a write, and mapping the requests of :class:`attio.Record` and
    :class:`attio.Entry` to the class."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, ignored_types=(_PerClass,))

    __attio_readers__: ClassVar[tuple[_Reader, ...]] = ()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.__attio_readers__ = tuple(
            _reader(name, field.annotation, field.json_schema_extra)
            for name, field in cls.model_fields.items()
        )

    @classmethod
    def _read(cls: type[TT], values: Mapping[str, Any], what: str) -> TT:
        data: dict[str, Any] = {}
        for reader in cls.__attio_readers__:
            current = [v for v in values.get(reader.slug) or () if v.is_active]
            read = current if reader.models else [value.plain for value in current]
            if reader.many:
                data[reader.name] = read
            elif read:
                data[reader.name] = read[0]
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}"
                for error in exc.errors()[:5]
            )
            raise TypedRecordError(f"{what} does not fit {cls.__name__}: {problems}") from exc

    @classmethod
    def _from(cls: type[TT], model: Any) -> TT:
        raise NotImplementedError  # pragma: no cover - TypedRecord and TypedEntry override it

    def to_values(self) -> dict[str, Any]:
        """The fields set on this object, as a ``values`` (or ``entry_values``) mapping for a
        write: attribute slug -> value (value models in their write shape)."""
        out: dict[str, Any] = {}
        for reader in self.__attio_readers__:
            if reader.name in self.model_fields_set:
                out[reader.slug] = getattr(self, reader.name)
        return out

    @classmethod
    def _one(cls: type[TT], request: Request[Any]) -> Request[TT]:
        parse = request.parse

        def typed(content: bytes) -> TT:
            return cls._from(parse(content))

        return dataclasses.replace(request, parse=typed)

    @classmethod
    def _pages(cls: type[TT], paged: PagedRequest[Any]) -> PagedRequest[TT]:
        parse = paged.request.parse

        def typed(content: bytes) -> RawPage[TT]:
            raw: RawPage[Any] = parse(content)
            return RawPage([cls._from(item) for item in raw.data], raw.next_cursor)

        request = dataclasses.replace(cast("Request[Any]", paged.request), parse=typed)
        return dataclasses.replace(paged, request=request)

    @classmethod
    def _values_of(cls, item: _Typed) -> WriteValues:
        if not isinstance(item, cls):
            raise TypeError(f"expected a {cls.__name__}, got {type(item).__name__}")
        return item.to_values()

    # ------------------------------------------------------------------ endpoints
    # Declared once each, with the class as the builder's first argument: the sync method and
    # its ``_async`` twin are derived (see :class:`_PerClass`), typed with the calling class.
    # The request is the one :class:`attio.Record` (a TypedRecord) or :class:`attio.Entry` (a
    # TypedEntry) builds for the class's object or list.

    @classmethod
    def _builder(cls, name: str) -> Callable[..., Any]:
        raise NotImplementedError  # pragma: no cover - TypedRecord and TypedEntry override it

    @_declare_one
    def get(cls, id: str) -> Request[Any]:
        """One record or entry by its id: ``GET /v2/objects/{object}/records/{record_id}``
        (scopes ``record_permission:read``, ``object_configuration:read``) for a
        :class:`TypedRecord`, ``GET /v2/lists/{list}/entries/{entry_id}`` (scopes
        ``list_entry:read``, ``list_configuration:read``) for a :class:`TypedEntry`."""
        return cls._one(cls._builder("get")(id))

    get_async = get.twin

    @_declare_page
    def list(
        cls,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Any = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> PagedRequest[Any]:
        """One page: ``POST /v2/objects/{object}/records/query`` (scopes
        ``record_permission:read``, ``object_configuration:read``) for a :class:`TypedRecord`,
        ``POST /v2/lists/{list}/entries/query`` (scopes ``list_entry:read``,
        ``list_configuration:read``) for a :class:`TypedEntry`."""
        build = cls._builder("list")
        return cls._pages(build(filter=filter, sorts=sorts, limit=limit, offset=offset))

    list_async = list.twin

    @_declare_walk
    def stream(
        cls,
        *,
        filter: Mapping[str, Any] | None = None,
        sorts: Any = None,
        page_size: int | None = QUERY_PAGE_SIZE,
    ) -> PagedRequest[Any]:
        """Every match, page by page: ``POST /v2/objects/{object}/records/query`` (scopes
        ``record_permission:read``, ``object_configuration:read``) for a :class:`TypedRecord`,
        ``POST /v2/lists/{list}/entries/query`` (scopes ``list_entry:read``,
        ``list_configuration:read``) for a :class:`TypedEntry`."""
        build = cls._builder("stream")
        return cls._pages(build(filter=filter, sorts=sorts, page_size=page_size))

    stream_async = stream.twin
    stream_all = stream.all
    stream_all_async = stream.all_twin

    @_declare_one
    def update(cls, id: str, item: _Typed, *, overwrite: bool = False) -> Request[Any]:
        """Write the fields set on ``item`` (an instance of this class) to the record or entry
        ``id``: ``PATCH`` (with ``overwrite``, ``PUT``) ``/v2/objects/{object}/records/{id}``
        (scopes ``record_permission:read-write``, ``object_configuration:read``) or
        ``/v2/lists/{list}/entries/{id}`` (scopes ``list_entry:read-write``,
        ``list_configuration:read``)."""
        values = cls._values_of(item)
        return cls._one(cls._builder("update")(id, values, overwrite=overwrite))

    update_async = update.twin


def _named(value: Any, what: str, example: str, owner: str) -> str:
    if not isinstance(value, str) or not value:
        raise TypedRecordError(f"{owner} names no {what}: declare it as class {owner}({example})")
    return value


class TypedRecord(_Typed):
    """Base of a typed record class: subclass it with ``object=`` (the object's slug or id)
    and declare its attributes as fields (see :mod:`attio.typed`)."""

    __attio_object__: ClassVar[str] = ""
    _record: Record | None = PrivateAttr(default=None)

    def __init_subclass__(cls, *, object: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if object is not None:
            cls.__attio_object__ = _named(
                object, "object", 'TypedRecord, object="people"', cls.__name__
            )

    @classmethod
    def _object(cls) -> str:
        return _named(cls.__attio_object__, "object", 'TypedRecord, object="people"', cls.__name__)

    @classmethod
    def from_record(cls: type[TR], record: Record) -> TR:
        """``record`` read into this class (each field from its attribute's current values)."""
        typed = cls._read(record.values, f"record {record.record_id} of {record.object_id}")
        typed._record = record
        return typed

    @classmethod
    def _from(cls: type[TR], model: Any) -> TR:
        return cls.from_record(model)

    @property
    def record(self) -> Record | None:
        """The :class:`attio.Record` this was read from (``None`` for one made in Python)."""
        return self._record

    @property
    def record_id(self) -> str | None:
        """The record's id (``None`` for one made in Python, not read from Attio)."""
        return None if self._record is None else self._record.record_id

    @classmethod
    def _builder(cls, name: str) -> Callable[..., Any]:
        return functools.partial(vars(Record)[name].build, cls._object())

    @_declare_one
    def create(cls, item: TypedRecord) -> Request[Any]:
        """Create a record from the fields set on ``item`` (an instance of this class):
        ``POST /v2/objects/{object}/records`` (scopes ``record_permission:read-write``,
        ``object_configuration:read``)."""
        return cls._one(cls._builder("create")(cls._values_of(item)))

    create_async = create.twin


class TypedEntry(_Typed):
    """Base of a typed list entry class: subclass it with ``list=`` (the list's slug or id)
    and declare the list's attributes as fields; the entry's parent record is
    :attr:`parent_record_id`::

        class Deal(TypedEntry, list="sales"):
            stage: str | None = None              # a status: its title
            value: Decimal | None = None
    """

    __attio_list__: ClassVar[str] = ""
    _entry: Entry | None = PrivateAttr(default=None)

    def __init_subclass__(cls, *, list: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if list is not None:
            cls.__attio_list__ = _named(list, "list", 'TypedEntry, list="sales"', cls.__name__)

    @classmethod
    def _list(cls) -> str:
        return _named(cls.__attio_list__, "list", 'TypedEntry, list="sales"', cls.__name__)

    @classmethod
    def from_entry(cls: type[TE], entry: Entry) -> TE:
        """``entry`` read into this class (each field from its list attribute's current
        values)."""
        where = f"entry {entry.entry_id} of list {entry.list_id}"
        typed = cls._read(entry.entry_values, where)
        typed._entry = entry
        return typed

    @classmethod
    def _from(cls: type[TE], model: Any) -> TE:
        return cls.from_entry(model)

    @property
    def entry(self) -> Entry | None:
        """The :class:`attio.Entry` this was read from (``None`` for one made in Python)."""
        return self._entry

    @property
    def entry_id(self) -> str | None:
        """The entry's id (``None`` for one made in Python, not read from Attio)."""
        return None if self._entry is None else self._entry.entry_id

    @property
    def parent_record_id(self) -> str | None:
        """The id of the entry's parent record (``None`` for one made in Python)."""
        return None if self._entry is None else self._entry.parent_record_id

    @classmethod
    def _builder(cls, name: str) -> Callable[..., Any]:
        return functools.partial(vars(Entry)[name].build, cls._list())

    @_declare_one
    def create(cls, item: TypedEntry, *, parent_object: str, parent_record_id: str) -> Request[Any]:
        """Add a record to the list with the fields set on ``item`` (an instance of this
        class): ``POST /v2/lists/{list}/entries`` (scopes ``list_entry:read-write``,
        ``list_configuration:read``)."""
        build = cls._builder("create")
        values = cls._values_of(item)
        request = build(
            parent_object=parent_object, parent_record_id=parent_record_id, entry_values=values
        )
        return cls._one(request)

    create_async = create.twin


# --------------------------------------------------------------------------- generating


_PLAIN_TYPES: dict[str, str] = {
    "text": "str",
    "number": "int | float",
    "checkbox": "bool",
    "currency": "Decimal",
    "date": "date",
    "timestamp": "datetime",
    "rating": "int",
    "status": "str",
    "select": "str",
    "record-reference": "str",
    "actor-reference": "str",
    "location": "str",
    "domain": "str",
    "email-address": "str",
    "phone-number": "str",
    "interaction": "datetime",
    "personal-name": "str",
}
"""The plain Python type each attribute type reads as (:attr:`BaseValue.plain`)."""

_RESERVED = frozenset(dir(BaseModel)) | {
    "record",
    "record_id",
    "entry",
    "entry_id",
    "parent_record_id",
    "to_values",
    "from_record",
    "from_entry",
}


def _field_name(slug: str, taken: set[str]) -> str:
    name = re.sub(r"\W", "_", slug)
    if not name or name[0].isdigit() or name.startswith("model_"):
        name = f"attribute_{name}"
    while keyword.iskeyword(name) or name in _RESERVED or name.startswith("_") or name in taken:
        name = f"{name.strip('_')}_value"
    taken.add(name)
    return name


def _class_name(slug: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", slug)
    name = "".join(word[:1].upper() + word[1:] for word in words) or "Record"
    return f"Record{name}" if name[0].isdigit() else name


def generate_source(
    object: str,
    attributes: builtins.list[Any],
    class_name: str | None = None,
    *,
    target: Literal["objects", "lists"] = "objects",
) -> str:
    """The source of a :class:`TypedRecord` class for the object ``object`` (or, with
    ``target="lists"``, of a :class:`TypedEntry` class for the list ``object``) from its
    attributes (:class:`attio.Attribute` models, in the order given; archived ones are left
    out)."""
    name = class_name or _class_name(object)
    base, keyword_name, kind = (
        ("TypedRecord", "object", "records")
        if target == "objects"
        else ("TypedEntry", "list", "entries")
    )
    taken: set[str] = set()
    lines: builtins.list[str] = []
    uses: set[str] = set()
    for attr in attributes:
        if getattr(attr, "is_archived", False):
            continue
        slug = attr.api_slug
        plain = _PLAIN_TYPES.get(attr.type, "Any")
        uses.update(
            word for word in ("Decimal", "date", "datetime", "Any") if word in plain.split(" | ")
        )
        field = _field_name(slug, taken)
        if attr.is_multiselect:
            annotation, default = f"list[{plain}]", "[]"
        else:
            annotation, default = f"{plain} | None", "None"
        title = str(getattr(attr, "title", "") or slug).replace("\n", " ")
        if field == slug:
            lines.append(f"    {field}: {annotation} = {default}  # {title} ({attr.type})")
        else:
            value = f"attribute({slug!r}, default={default})"
            if default == "[]":
                value = f"attribute({slug!r}, default_factory=list)"
            lines.append(f"    {field}: {annotation} = {value}  # {title} ({attr.type})")
    head = ["from __future__ import annotations", ""]
    if "datetime" in uses or "date" in uses:
        imported = ", ".join(sorted(n for n in ("date", "datetime") if n in uses))
        head.append(f"from datetime import {imported}")
    if "Decimal" in uses:
        head.append("from decimal import Decimal")
    if "Any" in uses:
        head.append("from typing import Any")
    head += ["", f"from attio.typed import {base}, attribute", "", ""]
    body = [
        f"class {name}({base}, {keyword_name}={object!r}):",
        f'    """The {kind} of {object!r}, generated from the workspace\'s attributes."""',
        "",
        *(lines or ["    pass"]),
    ]
    return "\n".join([*head, *body, ""])


def generate(
    client: Client,
    object: str,
    class_name: str | None = None,
    *,
    target: Literal["objects", "lists"] = "objects",
) -> str:
    """The source of a :class:`TypedRecord` class with one field per attribute of ``object``
    (with ``target="lists"``, a :class:`TypedEntry` class for the list ``object``), read from
    the workspace: ``GET /v2/objects/{object}`` (``GET /v2/lists/{list}``; the class is named
    after the object's singular noun or the list's name unless ``class_name`` is given) and
    ``GET /v2/{target}/{identifier}/attributes`` (scope ``object_configuration:read``, for a
    list ``list_configuration:read``). Multiselect attributes are lists, the others
    optional, so every record or entry fits."""
    from .attributes import Attribute
    from .lists import List
    from .objects import Object

    if class_name is None:
        if target == "lists":
            noun: str | None = List.get(client, object).name
        else:
            noun = Object.get(client, object).singular_noun
        class_name = _class_name(noun) if noun else None
    attributes = Attribute.stream_all(client, target, object)
    return generate_source(object, attributes, class_name, target=target)


def main(argv: builtins.list[str] | None = None) -> int:
    """``python -m attio.typed [--list] OBJECT [CLASS_NAME]``: print the class for the
    object ``OBJECT`` (with ``--list``, for the list ``OBJECT``), read with
    ``ATTIO_API_KEY`` from your workspace."""
    import sys

    from ._client import Client

    args = builtins.list(sys.argv[1:] if argv is None else argv)
    target: Literal["objects", "lists"] = "objects"
    if args[:1] == ["--list"]:
        target, args = "lists", args[1:]
    if not args or len(args) > 2:
        print("usage: python -m attio.typed [--list] OBJECT [CLASS_NAME]", file=sys.stderr)
        return 2
    try:
        with Client() as client:
            name = args[1] if len(args) > 1 else None
            print(generate(client, args[0], name, target=target), end="")
    except AttioException as error:  # no key, a 403 for a missing scope, an unknown object...
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
