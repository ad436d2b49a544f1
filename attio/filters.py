"""Typed builders for Attio filters and sorts (records and entries queries, webhook filters).

Conditions name an attribute (:func:`attr`) or a path through record references
(:func:`path`), then apply one of Attio's operators; conditions combine with ``&`` (``$and``),
``|`` (``$or``) and ``~`` (``$not``). :func:`asc` and :func:`desc` build sorts::

    import attio.filters as f

    flt = (f.attr("name", "last_name").eq("Lovelace") & f.attr("email_addresses").not_empty()) \\
        | ~f.attr("stage").eq("Lost")
    via = f.path(("people", "company"), ("companies", "name")).contains("Acme")
    attio.Record.list(client, "people", filter=flt, sorts=[f.asc("name", "last_name")])

Every builder is immutable and hashable, and :meth:`Filter.to_json` / :meth:`Sort.to_json`
give exactly Attio's verbose JSON. The builders are also read-only mappings of that JSON, so
they go wherever a ``filter=`` mapping or a ``sorts=`` item goes, and the request encoder sends
them as they are; raw dicts keep working everywhere too.

Values are normalised when the condition is built: ``str``, ``int``, ``float`` (finite),
``bool`` and ``None`` stay as they are; ``datetime.datetime`` becomes ISO-8601 UTC text ending
in ``Z`` (a naive datetime means UTC); ``datetime.date`` ISO text; ``uuid.UUID`` its text;
``decimal.Decimal`` (finite) stays a ``Decimal`` so that its exact digits are sent.

Webhook subscriptions have their own, flat filter language
(``{"$and" | "$or": [{"field", "operator", "value"}]}``): see :func:`webhook_field`.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, TypeAlias
from uuid import UUID

from ._models import Timestamp

__all__ = [
    "And",
    "AttributeTarget",
    "Condition",
    "Filter",
    "FilterValue",
    "JSONValue",
    "Not",
    "Operator",
    "Or",
    "PathStep",
    "PathTarget",
    "RawFilter",
    "Sort",
    "WebhookCondition",
    "WebhookField",
    "WebhookFilter",
    "asc",
    "attr",
    "desc",
    "path",
    "raw",
    "webhook_field",
]

JSONValue: TypeAlias = (
    str | int | float | bool | Decimal | list["JSONValue"] | dict[str, "JSONValue"] | None
)
"""JSON as the builders produce it (``Decimal`` kept for its exact digits)."""

FilterValue: TypeAlias = str | int | float | bool | Decimal | _dt.date | _dt.datetime | UUID | None
"""A value a condition compares against (normalised to :data:`JSONValue` when built)."""

Operator: TypeAlias = Literal[
    "$eq",
    "$contains",
    "$starts_with",
    "$ends_with",
    "$lt",
    "$lte",
    "$gt",
    "$gte",
    "$in",
    "$not_empty",
]
"""Attio's comparison operators."""

PathStep: TypeAlias = tuple[str, str]
"""One step of a path: ``(object_or_list_slug, attribute_slug)``."""


def _name(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if not value:
        raise ValueError(f"{what} must not be empty")
    return value


def _optional_name(value: object, what: str) -> str | None:
    return None if value is None else _name(value, what)


def _value(value: object) -> JSONValue:
    """``value`` as JSON (see the module docs); anything else is a ``TypeError``."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot filter on {value!r}: JSON has no NaN or infinity")
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot filter on {value!r}: JSON has no NaN or infinity")
        return value
    if isinstance(value, (_dt.datetime, _dt.date)):
        return str(Timestamp(value))  # naive datetime means UTC; aware converted to UTC "Z"
    if isinstance(value, UUID):
        return str(value)
    raise TypeError(
        "a filter value must be str, int, float, bool, Decimal, date, datetime, UUID or None, "
        f"not {type(value).__name__}"
    )


def _freeze(value: object) -> object:
    if isinstance(value, dict):
        return frozenset((key, _freeze(item)) for key, item in value.items())
    if isinstance(value, list):
        return tuple(_freeze(item) for item in value)
    return value


class _JSONMapping(Mapping[str, JSONValue]):
    """A read-only mapping view of :meth:`to_json`, compared and hashed by that JSON."""

    __slots__ = ()

    def to_json(self) -> dict[str, JSONValue]:
        """A fresh copy of this builder's JSON (Attio's own shape)."""
        raise NotImplementedError  # pragma: no cover

    def __getitem__(self, key: str) -> JSONValue:
        return self.to_json()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_json())

    def __len__(self) -> int:
        return len(self.to_json())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _JSONMapping):
            return type(self) is type(other) and self.to_json() == other.to_json()
        if isinstance(other, Mapping):
            return self.to_json() == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((type(self).__name__, _freeze(self.to_json())))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.to_json()!r})"


# --- query filters -----------------------------------------------------------------------


class Filter(_JSONMapping):
    """A query filter: a condition, or conditions joined by ``&``, ``|`` and ``~``.

    ``a & b`` is ``{"$and": [a, b]}`` and ``a | b`` is ``{"$or": [a, b]}`` (nested ands in
    an and, and ors in an or, are flattened into one list); ``~a`` is ``{"$not": a}`` and
    ``~~a`` is ``a``. A raw mapping on either side of ``&``/``|`` is taken as it is.
    """

    __slots__ = ()

    def __and__(self, other: Filter | Mapping[str, JSONValue]) -> Filter:
        right = _coerce(other)
        if right is None:
            return NotImplemented
        return And((*_parts(self, And), *_parts(right, And)))

    def __rand__(self, other: Mapping[str, JSONValue]) -> Filter:
        left = _coerce(other)
        if left is None:
            return NotImplemented
        return And((*_parts(left, And), *_parts(self, And)))

    def __or__(self, other: Filter | Mapping[str, JSONValue]) -> Filter:
        right = _coerce(other)
        if right is None:
            return NotImplemented
        return Or((*_parts(self, Or), *_parts(right, Or)))

    def __ror__(self, other: Mapping[str, JSONValue]) -> Filter:
        left = _coerce(other)
        if left is None:
            return NotImplemented
        return Or((*_parts(left, Or), *_parts(self, Or)))

    def __invert__(self) -> Filter:
        return Not(self)


def _coerce(other: object) -> Filter | None:
    if isinstance(other, Filter):
        return other
    if isinstance(other, Mapping) and not isinstance(other, _JSONMapping):
        return raw(other)
    return None


def _parts(item: Filter, kind: type[And] | type[Or]) -> tuple[Filter, ...]:
    if isinstance(item, kind):
        return item.filters
    return (item,)


@dataclass(frozen=True, eq=False, slots=True)
class RawFilter(Filter):
    """A filter given as Attio JSON (any shorthand or verbose form), sent unchanged."""

    json: Mapping[str, JSONValue]

    def to_json(self) -> dict[str, JSONValue]:
        """A copy of the raw filter JSON."""
        return _copy(dict(self.json))  # type: ignore[return-value]


def raw(json: Mapping[str, JSONValue]) -> RawFilter:
    """Wrap Attio filter JSON (e.g. the shorthand ``{"name": "Ada"}``) so it combines with
    builders: ``f.raw({"name": "Ada"}) & f.attr("stage").eq("Won")``."""
    if not isinstance(json, Mapping):
        raise TypeError(f"a raw filter must be a mapping, not {type(json).__name__}")
    return RawFilter(_copy(dict(json)))  # type: ignore[arg-type]


def _copy(value: object) -> object:
    if isinstance(value, _JSONMapping):
        return value.to_json()
    if isinstance(value, Mapping):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_copy(item) for item in value]
    return value


@dataclass(frozen=True, eq=False, slots=True)
class And(Filter):
    """``{"$and": [...]}``: every filter matches (build it with ``a & b``)."""

    filters: tuple[Filter, ...]

    def to_json(self) -> dict[str, JSONValue]:
        """``{"$and": [each filter's JSON]}``."""
        return {"$and": [item.to_json() for item in self.filters]}


@dataclass(frozen=True, eq=False, slots=True)
class Or(Filter):
    """``{"$or": [...]}``: at least one filter matches (build it with ``a | b``)."""

    filters: tuple[Filter, ...]

    def to_json(self) -> dict[str, JSONValue]:
        """``{"$or": [each filter's JSON]}``."""
        return {"$or": [item.to_json() for item in self.filters]}


@dataclass(frozen=True, eq=False, slots=True)
class Not(Filter):
    """``{"$not": ...}``: the filter does not match (build it with ``~a``)."""

    filter: Filter

    def to_json(self) -> dict[str, JSONValue]:
        """``{"$not": the filter's JSON}``."""
        return {"$not": self.filter.to_json()}

    def __invert__(self) -> Filter:
        return self.filter


@dataclass(frozen=True, eq=False, slots=True)
class Condition(Filter):
    """One comparison: an attribute or path, an operator and a value.

    On an attribute: ``{slug: {field: {op: value}}}`` (``{slug: {op: value}}`` without a
    field). On a path: ``{"path": [[object, attribute], ...], "constraints": {field: {op:
    value}}}`` (``"constraints": {op: value}`` without a field).
    """

    target: AttributeTarget | PathTarget
    operator: Operator
    value: JSONValue

    def to_json(self) -> dict[str, JSONValue]:
        """The condition as Attio's verbose filter JSON."""
        test: dict[str, JSONValue] = {self.operator: _copy(self.value)}  # type: ignore[dict-item]
        field = self.target.field
        constraint: dict[str, JSONValue] = test if field is None else {field: test}
        if isinstance(self.target, AttributeTarget):
            return {self.target.slug: constraint}
        steps: list[JSONValue] = [[obj, attribute] for obj, attribute in self.target.steps]
        return {"path": steps, "constraints": constraint}


class _Target:
    """The operators shared by :class:`AttributeTarget` and :class:`PathTarget`."""

    __slots__ = ()

    def _condition(self, operator: Operator, value: JSONValue) -> Condition:
        assert isinstance(self, (AttributeTarget, PathTarget))
        return Condition(self, operator, value)

    def _text(self, operator: Operator, value: str) -> Condition:
        if not isinstance(value, str):
            raise TypeError(f"{operator} compares text, not {type(value).__name__}")
        return self._condition(operator, value)

    def eq(self, value: FilterValue) -> Condition:
        """``$eq``: the value equals ``value`` (``None`` is sent as ``null``)."""
        return self._condition("$eq", _value(value))

    def contains(self, value: str) -> Condition:
        """``$contains``: the text contains ``value``."""
        return self._text("$contains", value)

    def starts_with(self, value: str) -> Condition:
        """``$starts_with``: the text starts with ``value``."""
        return self._text("$starts_with", value)

    def ends_with(self, value: str) -> Condition:
        """``$ends_with``: the text ends with ``value``."""
        return self._text("$ends_with", value)

    def lt(self, value: FilterValue) -> Condition:
        """``$lt``: the value is less than ``value`` (numbers, dates, timestamps, ratings)."""
        return self._condition("$lt", _ordered(value))

    def lte(self, value: FilterValue) -> Condition:
        """``$lte``: the value is less than or equal to ``value``."""
        return self._condition("$lte", _ordered(value))

    def gt(self, value: FilterValue) -> Condition:
        """``$gt``: the value is greater than ``value``."""
        return self._condition("$gt", _ordered(value))

    def gte(self, value: FilterValue) -> Condition:
        """``$gte``: the value is greater than or equal to ``value``."""
        return self._condition("$gte", _ordered(value))

    def in_(self, values: Iterable[FilterValue]) -> Condition:
        """``$in``: the value is one of ``values`` (sent as a JSON array, in order)."""
        if isinstance(values, (str, bytes, bytearray, Mapping)):
            raise TypeError(f"in_ takes an iterable of values, not {type(values).__name__}")
        return self._condition("$in", [_value(item) for item in values])

    def not_empty(self) -> Condition:
        """``$not_empty``: the attribute has at least one value (``{"$not_empty": true}``)."""
        return self._condition("$not_empty", True)

    def asc(self) -> Sort:
        """An ascending sort on this attribute or path (and field)."""
        return _sort("asc", self)

    def desc(self) -> Sort:
        """A descending sort on this attribute or path (and field)."""
        return _sort("desc", self)


def _ordered(value: FilterValue) -> JSONValue:
    if value is None or isinstance(value, bool):
        raise TypeError(f"cannot order-compare with {value!r}")
    return _value(value)


@dataclass(frozen=True, slots=True)
class AttributeTarget(_Target):
    """An attribute (slug or id) of the queried object or list, optionally one of its
    fields; build it with :func:`attr`."""

    slug: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class PathTarget(_Target):
    """A path through record-reference attributes to the attribute compared; build it with
    :func:`path`."""

    steps: tuple[PathStep, ...]
    field: str | None = None


def attr(slug: str, field: str | None = None) -> AttributeTarget:
    """The attribute ``slug`` (or attribute id), optionally its property ``field``:
    ``attr("name", "last_name").eq("Lovelace")`` is
    ``{"name": {"last_name": {"$eq": "Lovelace"}}}``."""
    return AttributeTarget(_name(slug, "attribute slug"), _optional_name(field, "field"))


def path(*steps: PathStep, field: str | None = None) -> PathTarget:
    """A path of ``(object_or_list, attribute)`` steps through record references:
    ``path(("people", "company"), ("companies", "name")).contains("Acme")`` is
    ``{"path": [["people", "company"], ["companies", "name"]],
    "constraints": {"$contains": "Acme"}}``; with ``field="x"`` the constraint is
    ``{"x": {"$contains": "Acme"}}``."""
    if not steps:
        raise ValueError("a path needs at least one (object_or_list, attribute) step")
    checked: list[PathStep] = []
    for step in steps:
        if not isinstance(step, tuple) or len(step) != 2:
            raise TypeError(f"each path step must be an (object_or_list, attribute) pair: {step!r}")
        checked.append((_name(step[0], "path object or list"), _name(step[1], "path attribute")))
    return PathTarget(tuple(checked), _optional_name(field, "field"))


# --- sorts ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False, slots=True)
class Sort(_JSONMapping):
    """One sort: ``{"direction", "attribute", "field"?}`` or ``{"direction", "path",
    "field"?}``; build it with :func:`asc` / :func:`desc`."""

    direction: Literal["asc", "desc"]
    target: AttributeTarget | PathTarget

    def to_json(self) -> dict[str, JSONValue]:
        """The sort as Attio's JSON (``field`` only when given)."""
        out: dict[str, JSONValue] = {"direction": self.direction}
        if isinstance(self.target, AttributeTarget):
            out["attribute"] = self.target.slug
        else:
            out["path"] = [[obj, attribute] for obj, attribute in self.target.steps]
        if self.target.field is not None:
            out["field"] = self.target.field
        return out


def _sort(direction: Literal["asc", "desc"], target: object) -> Sort:
    assert isinstance(target, (AttributeTarget, PathTarget))
    return Sort(direction, target)


def _sort_target(
    attribute: str | AttributeTarget | PathTarget | None,
    field: str | None,
    steps: Sequence[PathStep] | None,
) -> AttributeTarget | PathTarget:
    if (attribute is None) == (steps is None):
        raise ValueError("a sort takes exactly one of an attribute and path=")
    if steps is not None:
        if isinstance(steps, (str, bytes)):
            raise TypeError("path= takes a sequence of (object_or_list, attribute) pairs")
        return path(*steps, field=field)
    if isinstance(attribute, (AttributeTarget, PathTarget)):
        if field is not None:
            raise ValueError("give the field in attr()/path(), not again to the sort")
        return attribute
    return attr(attribute, field)  # type: ignore[arg-type]


def asc(
    attribute: str | AttributeTarget | PathTarget | None = None,
    field: str | None = None,
    *,
    path: Sequence[PathStep] | None = None,
) -> Sort:
    """An ascending sort: ``asc("name", "last_name")`` is
    ``{"direction": "asc", "attribute": "name", "field": "last_name"}``;
    ``asc(path=[("people", "company"), ("companies", "name")])`` sorts by a path;
    ``asc(f.attr(...))`` / ``asc(f.path(...))`` take a target as it is."""
    return Sort("asc", _sort_target(attribute, field, path))


def desc(
    attribute: str | AttributeTarget | PathTarget | None = None,
    field: str | None = None,
    *,
    path: Sequence[PathStep] | None = None,
) -> Sort:
    """A descending sort; takes the same arguments as :func:`asc`."""
    return Sort("desc", _sort_target(attribute, field, path))


# --- webhook subscription filters ----------------------------------------------------------


@dataclass(frozen=True, eq=False, slots=True)
class WebhookCondition(_JSONMapping):
    """One webhook condition, ``{"field", "operator", "value"}``."""

    field: str
    operator: Literal["equals", "not_equals"]
    value: JSONValue

    def to_json(self) -> dict[str, JSONValue]:
        """``{"field": ..., "operator": ..., "value": ...}``."""
        return {"field": self.field, "operator": self.operator, "value": _copy(self.value)}  # type: ignore[dict-item]

    def negated(self) -> WebhookCondition:
        """The same condition with ``equals`` and ``not_equals`` swapped."""
        flipped: Literal["equals", "not_equals"] = (
            "not_equals" if self.operator == "equals" else "equals"
        )
        return WebhookCondition(self.field, flipped, self.value)


@dataclass(frozen=True, eq=False, slots=True)
class WebhookFilter(_JSONMapping):
    """A webhook subscription filter: ``{"$and" | "$or": [condition, ...]}``.

    Attio's webhook filters are one flat list, so ``&`` and ``|`` can join conditions but not
    mix: ``a & b & c`` and ``a | b`` work, ``(a & b) | c`` is a ``ValueError``. A single
    condition is sent as ``{"$and": [condition]}``. ``~`` swaps ``equals``/``not_equals``
    and ``$and``/``$or`` (De Morgan). Use it as a subscription's ``filter``:
    ``{"event_type": "record.created", "filter": webhook_field("id.object_id").equals(oid)}``.
    """

    kind: Literal["$and", "$or"]
    conditions: tuple[WebhookCondition, ...]

    def to_json(self) -> dict[str, JSONValue]:
        """``{kind: [each condition's JSON]}``."""
        return {self.kind: [item.to_json() for item in self.conditions]}

    def _join(self, other: WebhookFilter, kind: Literal["$and", "$or"]) -> WebhookFilter:
        for side in (self, other):
            if len(side.conditions) > 1 and side.kind != kind:
                raise ValueError(
                    "Attio webhook filters cannot nest: join conditions with only & or only |"
                )
        return WebhookFilter(kind, (*self.conditions, *other.conditions))

    def __and__(self, other: WebhookFilter) -> WebhookFilter:
        if not isinstance(other, WebhookFilter):
            return NotImplemented
        return self._join(other, "$and")

    def __or__(self, other: WebhookFilter) -> WebhookFilter:
        if not isinstance(other, WebhookFilter):
            return NotImplemented
        return self._join(other, "$or")

    def __invert__(self) -> WebhookFilter:
        kind: Literal["$and", "$or"] = "$or" if self.kind == "$and" else "$and"
        if len(self.conditions) == 1:
            kind = "$and"
        return WebhookFilter(kind, tuple(item.negated() for item in self.conditions))


@dataclass(frozen=True, slots=True)
class WebhookField:
    """A field of a webhook event (a dot path such as ``id.object_id``, ``actor.type``,
    ``parent_object_id``); build it with :func:`webhook_field`."""

    name: str

    def equals(self, value: str | UUID) -> WebhookFilter:
        """``{"$and": [{"field": name, "operator": "equals", "value": value}]}``.

        Attio compares webhook fields as text: ``value`` is a ``str`` or a ``UUID`` (sent as its
        text); another type is a ``TypeError``."""
        return WebhookFilter("$and", (WebhookCondition(self.name, "equals", _text(value)),))

    def not_equals(self, value: str | UUID) -> WebhookFilter:
        """``{"$and": [{"field": name, "operator": "not_equals", "value": value}]}`` (``value``
        a ``str`` or ``UUID``, as for :meth:`equals`)."""
        return WebhookFilter("$and", (WebhookCondition(self.name, "not_equals", _text(value)),))


def _text(value: object) -> str:
    """A webhook condition's value: the spec types it as a string."""
    if isinstance(value, UUID):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(
            "a webhook filter compares text: give a str or UUID, got "
            f"{type(value).__name__} ({value!r:.60})"
        )
    return value


def webhook_field(name: str) -> WebhookField:
    """A webhook event field for a subscription filter:
    ``webhook_field("id.object_id").equals(oid)
    & webhook_field("actor.type").not_equals("system")``."""
    return WebhookField(_name(name, "webhook filter field"))
