"""``ValueMap``, the ``record.values`` / ``entry.entry_values`` dict, and ``ValuesReader``,
the reading helpers of :class:`attio.Record` and :class:`attio.Entry`.

The value models themselves (one per ``attribute_type``) are in :mod:`attio.values`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar, overload

from pydantic import ConfigDict, GetCoreSchemaHandler, TypeAdapter
from pydantic_core import PydanticCustomError, core_schema

from ._models import shared_fields_set
from ._parsing import gc_paused
from .values import VALUE_TYPES, AttributeValue, BaseValue, UnknownValue

__all__ = ["ValueMap", "ValuesReader"]


# --------------------------------------------------------------------------- the values map

# Built when first used (values given from Python), not when the module is imported: a
# program that only reads Attio's answers never builds them.
_DEFERRED = ConfigDict(defer_build=True)
_VALUE_LIST: TypeAdapter[list[AttributeValue]] = TypeAdapter(list[AttributeValue], config=_DEFERRED)
_VALUE_LISTS: TypeAdapter[dict[str, list[AttributeValue]]] = TypeAdapter(
    dict[str, list[AttributeValue]], config=_DEFERRED
)


_set_fields = object.__setattr__
_SHARED_SETS = {model: shared_fields_set(model) for model in VALUE_TYPES.values()}


class ValueMap(dict[str, list[AttributeValue]]):
    """``record.values`` / ``entry.entry_values``: attribute slug -> list of typed values.

    A ``dict``. Parsed from Attio's answer, every value model is built in the same validator
    pass as the record itself (one call per page, the collector paused): reading the values
    later costs nothing more, and nothing is validated twice. Value models never fail (an
    unexpected shape, malformed common fields included, becomes an :class:`UnknownValue`).

    Values given from Python (``ValueMap({...})``, ``Record.model_validate(a_dict)``,
    ``values[slug] = [...]``) are validated when first read, attribute by attribute (on
    ``values[slug]``, ``.get``, ``.items()``, iteration over ``.values()``, ``==``, ``repr``).
    Setting an attribute to anything but a list or tuple is a ``TypeError`` at once. A map
    dumps back exactly what Attio sent, plus any change you made to its models.
    """

    __slots__ = ("_pending",)

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        super().__init__()
        self._pending: set[str] = set()
        if data:
            for key, items in data.items():
                self[key] = items

    @classmethod
    def _from_json(cls, built_values: dict[str, list[AttributeValue]]) -> ValueMap:
        # One pass over the values, in Python but cheap (a few hundred ns per value):
        # * a lone value that is not a JSON object is kept (an UnknownValue); in a map it fails
        #   the map, whose shape is an object of arrays of objects;
        # * a value with every field set shares its class's set of set fields
        #   (a 700-byte set per value otherwise: a third of a record's memory).
        shared = _SHARED_SETS
        for items in built_values.values():
            for value in items:
                full = shared.get(type(value))
                if full is None:
                    if type(value) is UnknownValue and "_raw" in value._salvaged():
                        raise PydanticCustomError(
                            "value_map",
                            "expected a mapping of attribute slug to a list of value objects",
                        )
                    continue
                if value.__pydantic_fields_set__ == full:
                    _set_fields(value, "__pydantic_fields_set__", full)
        built = cls.__new__(cls)
        dict.update(built, built_values)
        built._pending = set()
        return built

    @classmethod
    def _from_python(cls, value: Any) -> ValueMap:
        if isinstance(value, ValueMap):
            return value
        if not isinstance(value, Mapping):
            raise PydanticCustomError(
                "value_map", "expected a mapping of attribute slug to a list of values"
            )
        built = cls()
        for key, items in value.items():
            if (
                not isinstance(key, str)
                or not isinstance(items, (list, tuple))
                or not all(isinstance(item, (Mapping, BaseValue)) for item in items)
            ):
                raise PydanticCustomError(
                    "value_map",
                    "expected a mapping of attribute slug to a list of value objects; "
                    "{key!r} is not",
                    {"key": key},
                )
            built[key] = list(items)
        return built

    # ------------------------------------------------------------------ materialising

    def _load(self, key: str) -> list[AttributeValue]:
        items = dict.__getitem__(self, key)
        if key in self._pending:
            with gc_paused:
                items = _VALUE_LIST.validate_python(items)
            dict.__setitem__(self, key, items)
            self._pending.discard(key)
        return items

    def _load_all(self) -> None:
        pending = self._pending
        if not pending:
            return
        if len(pending) == 1:
            self._load(next(iter(pending)))
            return
        # One validator call for the whole map: much cheaper than one per attribute.
        raw = {key: dict.__getitem__(self, key) for key in pending}
        with gc_paused:
            built = _VALUE_LISTS.validate_python(raw)
        dict.update(self, built)
        pending.clear()

    def __getitem__(self, key: str) -> list[AttributeValue]:
        return self._load(key)

    def get(self, key: str, default: Any = None) -> Any:
        """The values of ``key``, or ``default`` when the map has no such attribute."""
        return self._load(key) if key in self else default

    def __setitem__(self, key: str, items: list[Any]) -> None:
        if not isinstance(items, (list, tuple)):
            # Refused now: reading it later could not turn it into a list of values.
            raise TypeError(
                f"the values of {key!r} must be a list of values, got {type(items).__name__}"
            )
        dict.__setitem__(self, key, items)
        self._pending.add(key)  # validated (models pass through) when next read

    def __delitem__(self, key: str) -> None:
        dict.__delitem__(self, key)
        self._pending.discard(key)

    def __iter__(self) -> Iterator[str]:
        # Overriding __iter__ also keeps dict(...) and {**m} on the item-by-item path.
        return dict.__iter__(self)

    def items(self) -> Any:
        """``(slug, values)`` pairs, every attribute's models built."""
        self._load_all()
        return dict.items(self)

    def values(self) -> Any:
        """Every attribute's values, models built."""
        self._load_all()
        return dict.values(self)

    def pop(self, key: str, *default: Any) -> Any:
        """Remove ``key`` and return its values (models built)."""
        if key in self:
            items = self._load(key)
            del self[key]
            return items
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self) -> tuple[str, list[AttributeValue]]:
        """Remove and return the last ``(slug, values)`` pair."""
        key = next(reversed(self.keys()))
        return key, self.pop(key)

    def setdefault(self, key: str, default: Any = None) -> Any:
        """The values of ``key``, first setting them to ``default`` when absent."""
        if key not in self:
            self[key] = [] if default is None else default
        return self._load(key)

    def update(self, *args: Any, **kwargs: Any) -> None:
        """Set several attributes' values (each validated when next read)."""
        for key, items in dict(*args, **kwargs).items():
            self[key] = items

    def __ior__(self, other: Any) -> ValueMap:  # type: ignore[override]
        self.update(other)
        return self

    def __or__(self, other: Any) -> ValueMap:  # type: ignore[override]
        merged = self.copy()
        merged.update(other)
        return merged

    def copy(self) -> ValueMap:
        """A shallow copy (attributes given from Python and not read yet stay unvalidated)."""
        clone = type(self).__new__(type(self))
        dict.update(clone, dict.items(self))
        clone._pending = set(self._pending)
        return clone

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        self._load_all()
        if isinstance(other, ValueMap):
            other._load_all()
        return dict.__eq__(self, dict(other.items()))

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None

    def __repr__(self) -> str:
        self._load_all()
        return dict.__repr__(self)

    def __reduce__(self) -> Any:
        self._load_all()
        return (type(self), (dict(dict.items(self)),))

    # ------------------------------------------------------------------ pydantic

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # Attio's JSON: the value models are built right away, in pydantic-core (one pass).
        models = core_schema.dict_schema(
            keys_schema=core_schema.str_schema(),
            values_schema=core_schema.list_schema(handler.generate_schema(AttributeValue)),
        )
        return core_schema.json_or_python_schema(
            json_schema=core_schema.no_info_after_validator_function(cls._from_json, models),
            python_schema=core_schema.no_info_plain_validator_function(cls._from_python),
            # Serialised as the dict it is, in pydantic-core (no Python call): attributes
            # given from Python and never read dump as given, the others from their models.
            serialization=core_schema.simple_ser_schema("dict"),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "object"}},
        }


# --------------------------------------------------------------------------- reading


_V = TypeVar("_V", bound=BaseValue)  # a value model asked of a reader


def _checked_type(value_type: type[_V]) -> type[_V]:
    if not (isinstance(value_type, type) and issubclass(value_type, BaseValue)):
        shown = value_type.__name__ if isinstance(value_type, type) else repr(value_type)
        raise TypeError(
            f"the value type must be a value model (a subclass of attio.values.BaseValue, "
            f"such as EmailAddressValue), got {shown}"
        )
    return value_type


def _checked_value(attribute: str, value: AttributeValue, value_type: type[_V]) -> _V:
    if isinstance(value, value_type):
        return value
    kind = value.attribute_type
    article = "an" if kind[:1] in ("a", "e", "i", "o", "u") and kind[:1] else "a"
    raise TypeError(
        f"{attribute} holds {article} {kind!r} value ({type(value).__name__}), "
        f"not {value_type.__name__}"
    )


class ValuesReader:
    """Reading helpers shared by :class:`attio.Record` and :class:`attio.Entry`.

    ``attribute`` is the attribute slug as it appears in the values map. :meth:`values_of` and
    :meth:`first` take a value model as an optional second argument (typed reading)::

        email = person.first("email_addresses", EmailAddressValue)  # EmailAddressValue | None
        person.values_of("email_addresses", EmailAddressValue)      # list[EmailAddressValue]

    A value of another type under that attribute is then a ``TypeError`` naming its actual
    ``attribute_type`` and model (an :class:`~attio.values.UnknownValue` is never passed off as
    the model asked for).
    """

    __slots__ = ()

    def _value_map(self) -> Mapping[str, list[AttributeValue]]:
        raise NotImplementedError  # pragma: no cover - Record and Entry override it

    @overload
    def values_of(self, attribute: str, *, historic: bool = False) -> list[AttributeValue]: ...

    @overload
    def values_of(
        self, attribute: str, value_type: type[_V], *, historic: bool = False
    ) -> list[_V]: ...

    def values_of(
        self,
        attribute: str,
        value_type: type[_V] | None = None,
        *,
        historic: bool = False,
    ) -> list[AttributeValue] | list[_V]:
        """The current values of ``attribute`` (``[]`` when unset or absent).

        Current means :attr:`~BaseValue.is_active` (no ``active_until``); ``historic=True``
        returns every value held.

        With ``value_type`` (a value model such as ``EmailAddressValue``) the result is typed
        ``list[value_type]``: a returned value of another model is a ``TypeError`` naming its
        actual ``attribute_type``, as is a ``value_type`` that is not a value model.
        """
        checked = None if value_type is None else _checked_type(value_type)
        found = self._value_map().get(attribute) or []
        chosen = list(found) if historic else [v for v in found if v.is_active]
        if checked is None:
            return chosen
        return [_checked_value(attribute, v, checked) for v in chosen]

    @overload
    def first(self, attribute: str) -> AttributeValue | None: ...

    @overload
    def first(self, attribute: str, value_type: type[_V]) -> _V | None: ...

    def first(
        self, attribute: str, value_type: type[_V] | None = None
    ) -> AttributeValue | _V | None:
        """The first current value of ``attribute``, or ``None``.

        With ``value_type`` (a value model such as ``EmailAddressValue``) the result is typed
        ``value_type | None``: a first current value of another model is a ``TypeError`` naming
        its actual ``attribute_type``, as is a ``value_type`` that is not a value model.
        """
        checked = None if value_type is None else _checked_type(value_type)
        for value in self._value_map().get(attribute) or ():
            if value.is_active:
                return value if checked is None else _checked_value(attribute, value, checked)
        return None

    def plain(self, attribute: str, default: Any = None) -> Any:
        """The plain Python value (:attr:`BaseValue.plain`) of the first current value of
        ``attribute``, or ``default`` when it has none.

        >>> person.plain("name"), person.plain("email_addresses")  # doctest: +SKIP
        ('Ada Lovelace', 'ada@example.com')
        """
        value = self.first(attribute)
        return default if value is None else value.plain

    def plain_values(self, attribute: str) -> list[Any]:
        """The plain Python values of every current value of ``attribute`` (multi-select)."""
        return [v.plain for v in self.values_of(attribute)]
