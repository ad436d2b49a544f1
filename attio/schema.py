"""``ObjectSchema``: the attributes, select options and statuses of an object or a list, loaded
through the API and cached per client, to check a ``values`` mapping before it is written.

>>> schema = attio.ObjectSchema.get(client, "objects", "people")      # doctest: +SKIP
>>> schema.check({"name": "Ada", "emial_addresses": ["ada@example.com"]})  # doctest: +SKIP
Traceback (most recent call last):
attio.schema.WriteValidationError: 1 problem writing to objects/people: unknown attribute
'emial_addresses'; did you mean 'email_addresses'?

Loading reads ``GET /v2/{target}/{identifier}/attributes?show_archived=true`` (paged), then
``GET .../attributes/{attribute}/options?show_archived=true`` for every ``select`` attribute and
``GET .../attributes/{attribute}/statuses?show_archived=true`` for every ``status`` attribute.
Scopes: ``object_configuration:read`` for objects, ``list_configuration:read`` for lists.
:meth:`ObjectSchema.check` itself sends nothing.
"""

from __future__ import annotations

import datetime as dt
import decimal
import difflib
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._attribute_paths import Target, check_target
from ._client import AsyncClient, Client
from ._exceptions import AttioException
from ._request import seg
from .attributes import Attribute
from .select_options import SelectOption
from .statuses import Status
from .values import LOCATION_KEYS, to_write_value
from .write import WriteValues, currency_code_of

if TYPE_CHECKING:
    import asyncio
else:  # imported when an AsyncClient loads a schema: sync programs never load it
    from ._lazy import LazyModule

    asyncio = LazyModule("asyncio")

__all__ = ["DEFAULT_TTL", "ObjectSchema", "WriteValidationError"]

DEFAULT_TTL = 300.0
"""Seconds a loaded schema is reused before :meth:`ObjectSchema.get` loads it again."""

_MAX_PROBLEMS_SHOWN = 20
_MAX_PROBLEM_CHARS = 300
_MAX_CHOICES_SHOWN = 12
_MAX_MESSAGE_BODY = 3000  # below the clip of every AttioException message


def _short(text: object, limit: int = 80) -> str:
    """``repr`` of a user-given value, clipped (keys, titles and values may be huge)."""
    shown = repr(text)
    return shown if len(shown) <= limit else shown[: limit - 4] + "...'"


class WriteValidationError(AttioException, ValueError):
    """A ``values`` mapping that cannot be written to an object or list, found before any
    request by :meth:`ObjectSchema.check`.

    ``problems`` lists every problem found (one string each); the message shows them, bounded
    (at most 20 and about 3000 characters, each clipped), with the nearest valid choices for
    unknown slugs, options and statuses.
    """

    def __init__(self, problems: Sequence[str], *, where: str = "") -> None:
        self.problems: list[str] = [str(p) for p in problems]
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} writing"
        head += f" to {where}" if where else ""
        shown: list[str] = []
        size = 0
        for problem in self.problems[:_MAX_PROBLEMS_SHOWN]:
            if len(problem) > _MAX_PROBLEM_CHARS:
                problem = problem[: _MAX_PROBLEM_CHARS - 3] + "..."
            size += len(problem) + 2
            if shown and size > _MAX_MESSAGE_BODY:
                break
            shown.append(problem)
        more = count - len(shown)
        body = "; ".join(shown) + (f"; and {more} more" if more > 0 else "")
        super().__init__(f"{head}: {body}")


# --------------------------------------------------------------------------- value shapes

_NUMBER = (int, float, decimal.Decimal)
_LOCATION_KEYS = frozenset(LOCATION_KEYS)


def _is_number(value: object) -> bool:
    return isinstance(value, _NUMBER) and not isinstance(value, bool)


def _is_text(value: object) -> bool:
    return isinstance(value, (str, uuid.UUID))


def _is_numeric_text(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return decimal.Decimal(value.strip()).is_finite()
    except decimal.InvalidOperation:
        return False


def _is_date(value: object) -> bool:
    return isinstance(value, (str, dt.date))


def _is_checkbox(value: object) -> bool:
    return isinstance(value, bool) or (
        isinstance(value, str) and value.strip().lower() in ("true", "false")
    )


def _is_rating(value: object) -> bool:
    return _is_number(value) and 0 <= value <= 5  # type: ignore[operator]


# attribute type -> (test of a bare value, what a bare value may be, dict keys one of which
# must be present, the test of the dict's main key or None)
_Shape = tuple[Callable[[object], bool], str, tuple[str, ...], Callable[[object], bool] | None]

_SHAPES: dict[str, _Shape] = {
    "text": (_is_text, "a str", ("value",), _is_text),
    "number": (_is_number, "an int, float or Decimal", ("value",), _is_number),
    "checkbox": (_is_checkbox, "a bool (or 'true'/'false')", ("value",), _is_checkbox),
    "currency": (
        lambda v: _is_number(v) or _is_numeric_text(v),
        "a number or numeric str",
        ("currency_value",),
        lambda v: _is_number(v) or _is_numeric_text(v),
    ),
    "date": (_is_date, "a date, datetime or ISO str", ("value",), _is_date),
    "timestamp": (_is_date, "a datetime, date or ISO str", ("value",), _is_date),
    "rating": (_is_rating, "a number from 0 to 5", ("value",), _is_rating),
    "status": (_is_text, "a status title or id", ("status",), _is_text),
    "select": (_is_text, "an option title or id", ("option",), _is_text),
    "record-reference": (
        lambda v: isinstance(v, str),
        "a str (domain, email, ...)",
        ("target_object",),
        lambda v: isinstance(v, str),
    ),
    "actor-reference": (
        lambda v: isinstance(v, str),
        "an email str",
        ("referenced_actor_id", "workspace_member_email_address", "referenced_actor_type"),
        None,
    ),
    "location": (lambda v: isinstance(v, str), "an address str", LOCATION_KEYS, None),
    "domain": (lambda v: isinstance(v, str), "a str", ("domain",), lambda v: isinstance(v, str)),
    "email-address": (
        lambda v: isinstance(v, str),
        "a str",
        ("email_address",),
        lambda v: isinstance(v, str),
    ),
    "phone-number": (
        lambda v: isinstance(v, str),
        "a str",
        ("original_phone_number",),
        lambda v: isinstance(v, str),
    ),
    "personal-name": (
        lambda v: isinstance(v, str),
        "a 'Last, First' str",
        ("first_name", "last_name", "full_name"),
        None,
    ),
}


def _nearest(word: str, choices: Sequence[str], what: str) -> str:
    """``"; did you mean 'a', 'b'?"`` or, with nothing close, the valid choices (bounded)."""
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = difflib.get_close_matches(word.lower(), list(lowered), n=3, cutoff=0.6)
        close = [lowered[c] for c in close]
    if close:
        return "; did you mean " + ", ".join(_short(c) for c in close) + "?"
    if not choices:
        return f"; there are no {what}"
    shown = ", ".join(_short(c, 40) for c in list(choices)[:_MAX_CHOICES_SHOWN])
    more = len(choices) - _MAX_CHOICES_SHOWN
    return f"; valid {what}: {shown}" + (f" and {more} more" if more > 0 else "")


# --------------------------------------------------------------------------- the schema


@dataclass(frozen=True)
class _Loaded:
    attributes: list[Attribute]
    options: dict[str, list[SelectOption]]  # attribute_id -> options (archived included)
    statuses: dict[str, list[Status]]  # attribute_id -> statuses (archived included)
    loaded_at: float


@dataclass
class _Cache:
    lock: threading.Lock = field(default_factory=threading.Lock)
    by_client: weakref.WeakKeyDictionary[
        Client | AsyncClient, dict[tuple[str, str], ObjectSchema]
    ] = field(default_factory=weakref.WeakKeyDictionary)


_CACHE = _Cache()


def _cached(client: Client | AsyncClient, key: tuple[str, str]) -> ObjectSchema | None:
    with _CACHE.lock:
        return _CACHE.by_client.get(client, {}).get(key)


def _store(client: Client | AsyncClient, schema: ObjectSchema) -> None:
    with _CACHE.lock:
        per_client = _CACHE.by_client.setdefault(client, {})
        per_client[(schema.target, schema.identifier)] = schema


def _ref(attribute: Attribute) -> str:
    return attribute.api_slug or attribute.id.attribute_id


def _with_items(attribute: Attribute, kind: str) -> bool:
    return attribute.type == kind and not attribute.is_archived


def _currency_problem(attribute: Attribute, name: str, item: object) -> str | None:
    """A ``w.currency(amount, code)`` for an attribute configured with another currency."""
    wanted = currency_code_of(item)
    configured = attribute.config.currency.default_currency_code
    if wanted is None or configured is None or wanted == configured.upper():
        return None
    return (
        f"attribute {name}: the amount was built as {wanted}, but the attribute's currency is"
        f" {configured} (Attio takes the code from the attribute and would store the amount"
        f" as {configured})"
    )


class ObjectSchema:
    """The attributes of an object or a list (active and archived), the options of its
    ``select`` attributes and the statuses of its ``status`` attributes.

    Get one with :meth:`get` / :meth:`get_async` (cached per client for ``ttl`` seconds), check
    a ``values`` / ``entry_values`` mapping with :meth:`check`, reload with :meth:`refresh` /
    :meth:`refresh_async`. Endpoints read: ``GET /v2/{target}/{identifier}/attributes``,
    ``GET .../attributes/{attribute}/options`` and ``GET .../attributes/{attribute}/statuses``
    (scope ``object_configuration:read`` for objects, ``list_configuration:read`` for lists).
    """

    def __init__(
        self,
        target: Target,
        identifier: str,
        loaded: _Loaded,
        *,
        ttl: float = DEFAULT_TTL,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.target = target
        self.identifier = identifier
        self.ttl = ttl
        self._now = now
        self._loaded = loaded

    def __repr__(self) -> str:
        count = len(self.attributes)
        return f"<ObjectSchema {self.target}/{self.identifier}: {count} attributes>"

    # ----------------------------------------------------------------- views

    @property
    def attributes(self) -> dict[str, Attribute]:
        """The active attributes by ``api_slug``."""
        return {_ref(a): a for a in self._loaded.attributes if not a.is_archived}

    @property
    def archived_attributes(self) -> dict[str, Attribute]:
        """The archived attributes by ``api_slug`` (a write to one is refused)."""
        return {_ref(a): a for a in self._loaded.attributes if a.is_archived}

    def options(self, attribute: str) -> list[SelectOption]:
        """The options (archived included) of the ``select`` attribute ``attribute`` (slug or
        id); ``[]`` for any other attribute."""
        found = self._find(attribute)
        return list(self._loaded.options.get(found.id.attribute_id, [])) if found else []

    def statuses(self, attribute: str) -> list[Status]:
        """The statuses (archived included) of the ``status`` attribute ``attribute`` (slug or
        id); ``[]`` for any other attribute."""
        found = self._find(attribute)
        return list(self._loaded.statuses.get(found.id.attribute_id, [])) if found else []

    @property
    def loaded_at(self) -> float:
        """The clock reading (``now()``) when the schema was loaded."""
        return self._loaded.loaded_at

    @property
    def is_stale(self) -> bool:
        """Whether ``ttl`` seconds have passed since it was loaded."""
        return self._now() - self._loaded.loaded_at >= self.ttl

    def _find(self, key: str) -> Attribute | None:
        for attribute in self._loaded.attributes:
            if key in (attribute.api_slug, attribute.id.attribute_id):
                return attribute
        return None

    # ----------------------------------------------------------------- loading

    @classmethod
    def get(
        cls,
        client: Client,
        target: Target,
        identifier: str,
        *,
        ttl: float = DEFAULT_TTL,
        now: Callable[[], float] = time.monotonic,
    ) -> ObjectSchema:
        """The schema of object or list ``identifier`` (``target`` ``"objects"`` or
        ``"lists"``), from the cache of ``client`` when loaded less than ``ttl`` seconds ago
        (by ``now``), else loaded: ``GET /v2/{target}/{identifier}/attributes`` then
        ``GET .../options`` per select and ``GET .../statuses`` per status attribute (scope
        ``object_configuration:read`` / ``list_configuration:read``)."""
        key = _key(client, Client, target, identifier)
        cached = _cached(client, key)
        if cached is not None and cached._fresh(ttl, now):
            return cached
        schema = cls(*key, _load(client, *key, now), ttl=ttl, now=now)
        _store(client, schema)
        return schema

    @classmethod
    async def get_async(
        cls,
        client: AsyncClient,
        target: Target,
        identifier: str,
        *,
        ttl: float = DEFAULT_TTL,
        now: Callable[[], float] = time.monotonic,
    ) -> ObjectSchema:
        """Async twin of :meth:`get`: the same endpoints and scopes, with an
        :class:`attio.AsyncClient` (its own cache)."""
        key = _key(client, AsyncClient, target, identifier)
        cached = _cached(client, key)
        if cached is not None and cached._fresh(ttl, now):
            return cached
        schema = cls(*key, await _load_async(client, *key, now), ttl=ttl, now=now)
        _store(client, schema)
        return schema

    def refresh(self, client: Client) -> ObjectSchema:
        """Load it again now (the same endpoints and scopes as :meth:`get`), update this
        schema in place, cache it for ``client`` and return it."""
        key = _key(client, Client, self.target, self.identifier)
        self._loaded = _load(client, *key, self._now)
        _store(client, self)
        return self

    async def refresh_async(self, client: AsyncClient) -> ObjectSchema:
        """Async twin of :meth:`refresh`."""
        key = _key(client, AsyncClient, self.target, self.identifier)
        self._loaded = await _load_async(client, *key, self._now)
        _store(client, self)
        return self

    def _fresh(self, ttl: float, now: Callable[[], float]) -> bool:
        return now() - self._loaded.loaded_at < ttl

    # ----------------------------------------------------------------- checking

    def check(self, values: WriteValues) -> None:
        """Raise :class:`WriteValidationError` listing every problem of ``values`` (a
        ``values`` / ``entry_values`` mapping of attribute slug or id to value(s)); send
        nothing.

        Problems: an unknown slug or id (the nearest slugs named), an archived or read-only
        attribute, several values for a single-value attribute, an unknown or archived option
        or status (titles or ids; the nearest titles named), a value of a Python type that
        cannot be written for the attribute's type. Attio's write shapes, plain values,
        :mod:`attio.write` builders and read-value models are accepted. A non-mapping is a
        ``TypeError``.
        """
        if not isinstance(values, Mapping):
            raise TypeError(
                "values must be a mapping of attribute slug or id to value(s), "
                f"got {type(values).__name__}"
            )
        problems: list[str] = []
        for key, value in values.items():
            problems.extend(self._problems(key, value))
        if problems:
            raise WriteValidationError(problems, where=f"{self.target}/{self.identifier}")

    def _problems(self, key: object, value: Any) -> list[str]:
        if not isinstance(key, str) or not key:
            return [f"attribute keys must be non-empty slugs or ids, got {_short(key)}"]
        attribute = self._find(key)
        if attribute is None:
            slugs = sorted(self.attributes)
            return [f"unknown attribute {_short(key)}" + _nearest(key, slugs, "attributes")]
        name = f"{_short(key)} ({attribute.type})"
        if attribute.is_archived:
            return [f"attribute {name} is archived"]
        if attribute.is_writable is False or attribute.type == "interaction":
            return [f"attribute {name} is read-only"]
        value = to_write_value(value)
        if value is None:
            return []
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        problems: list[str] = []
        if attribute.is_multiselect is False and len(items) > 1:
            problems.append(
                f"attribute {name} takes a single value, got {len(items)}"
                " (use one value, or a list of one)"
            )
        for item in items:
            problem = self._item_problem(attribute, name, item)
            if problem is not None:
                problems.append(problem)
        return problems

    def _item_problem(self, attribute: Attribute, name: str, item: Any) -> str | None:
        shape = _SHAPES.get(attribute.type or "")
        if shape is None:  # a type this version does not know: Attio will judge
            return None
        bare, bare_text, keys, main = shape
        if isinstance(item, Mapping):
            present = [k for k in keys if k in item]
            if not present:
                wanted = " or ".join(repr(k) for k in keys[:3])
                got = ", ".join(_short(k, 30) for k in list(item)[:5]) or "none"
                return f"attribute {name}: a dict needs the key {wanted} (keys given: {got})"
            inner = item[present[0]]
            if main is not None and not main(inner):
                return (
                    f"attribute {name}: {present[0]!r} cannot be of type {type(inner).__name__}"
                    f" ({_short(inner, 40)}); give {bare_text}"
                )
            if attribute.type == "location":
                missing = sorted(_LOCATION_KEYS - set(item))
                if missing:
                    return (
                        f"attribute {name}: a location dict needs all ten keys, missing {missing}"
                    )
            if attribute.type in ("select", "status"):
                return self._choice_problem(attribute, name, inner)
            if attribute.type == "currency":
                return _currency_problem(attribute, name, item)
            return None
        if not bare(item):
            return (
                f"attribute {name}: a value of type {type(item).__name__} ({_short(item, 40)})"
                f" cannot be written; give {bare_text} or a dict with {keys[0]!r}"
            )
        if attribute.type in ("select", "status"):
            return self._choice_problem(attribute, name, item)
        return None

    def _choice_problem(self, attribute: Attribute, name: str, choice: object) -> str | None:
        text = str(choice)
        attribute_id = attribute.id.attribute_id
        items: list[SelectOption] | list[Status]
        if attribute.type == "select":
            items, what = self._loaded.options.get(attribute_id, []), "option"
        else:
            items, what = self._loaded.statuses.get(attribute_id, []), "status"
        for item in items:
            item_id = item.id.option_id if isinstance(item, SelectOption) else item.id.status_id
            if text in (item.title, item_id):
                if item.is_archived:
                    return f"attribute {name}: {what} {_short(text)} is archived"
                return None
        titles = [i.title for i in items if i.title is not None and not i.is_archived]
        plural = "options" if what == "option" else "statuses"
        return f"attribute {name}: unknown {what} {_short(text)}" + _nearest(text, titles, plural)


def _key(client: object, kind: type, target: Target, identifier: str) -> tuple[Target, str]:
    if not isinstance(client, kind):
        raise TypeError(f"expected an attio.{kind.__name__}, got {type(client).__name__}")
    seg(identifier, "identifier")  # the path parameter check: TypeError or PathParameterError
    return check_target(target), identifier


def _load(client: Client, target: Target, identifier: str, now: Callable[[], float]) -> _Loaded:
    attributes = Attribute.stream_all(client, target, identifier, show_archived=True)
    options = {
        a.id.attribute_id: SelectOption.list(
            client, target, identifier, _ref(a), show_archived=True
        )
        for a in attributes
        if _with_items(a, "select")
    }
    statuses = {
        a.id.attribute_id: Status.list(client, target, identifier, _ref(a), show_archived=True)
        for a in attributes
        if _with_items(a, "status")
    }
    return _Loaded(attributes, options, statuses, now())


async def _load_async(
    client: AsyncClient, target: Target, identifier: str, now: Callable[[], float]
) -> _Loaded:
    attributes = await Attribute.stream_all_async(client, target, identifier, show_archived=True)
    selects = [a for a in attributes if _with_items(a, "select")]
    with_statuses = [a for a in attributes if _with_items(a, "status")]
    option_lists = await asyncio.gather(
        *(
            SelectOption.list_async(client, target, identifier, _ref(a), show_archived=True)
            for a in selects
        )
    )
    status_lists = await asyncio.gather(
        *(
            Status.list_async(client, target, identifier, _ref(a), show_archived=True)
            for a in with_statuses
        )
    )
    options = {a.id.attribute_id: o for a, o in zip(selects, option_lists, strict=True)}
    statuses = {a.id.attribute_id: s for a, s in zip(with_statuses, status_lists, strict=True)}
    return _Loaded(attributes, options, statuses, now())
