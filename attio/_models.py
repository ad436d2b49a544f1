"""The base of every resource model, and the nanosecond-exact :class:`Timestamp`.

Every model is forward compatible (unknown fields are kept), dumps by Attio's own key names,
and by default dumps only what it was given: ``Model.model_validate(body).model_dump(mode="json")``
gives back ``body``, with no ``null`` added for an absent field.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic_core import core_schema

from ._endpoints import Declared
from ._parsing import gc_paused

__all__ = [
    "Actor",
    "AttioModel",
    "NeverFails",
    "SharedFieldsSet",
    "Timestamp",
    "shared_fields_set",
]

# RFC 3339 (section 5.6) lets the ``T`` and ``Z`` be lower case; year 0000 is refused (no
# ``datetime`` can hold it, so ``.datetime`` would fail on a value that had been accepted).
# Digits are ASCII (RFC 3339's DIGIT): ``re.ASCII`` here, ``[0-9]`` in the Rust pattern below
# (whose ``\d`` is every Unicode digit, and a slower match).
_TIMESTAMP_RE = re.compile(
    r"(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
    r"(?:[Tt ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9})\d*)?)?)?"
    r"([Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?",
    re.ASCII,
)

# The same grammar without groups, plus the calendar (days per month, leap years), for
# pydantic-core's Rust regex engine: JSON input is fully checked without a Python call.
_YEAR = r"(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"  # 0001-9999
_CALENDAR_DATE = (
    rf"(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    r"|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)"
)
_TIMESTAMP_PATTERN = (
    rf"^{_CALENDAR_DATE}"
    r"(?:[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?)?"
    r"(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?$"
)


def _split(text: str) -> tuple[_dt.datetime, int]:
    """``text`` as an aware ``datetime`` and its extra nanoseconds; ``ValueError`` if not one."""
    match = _TIMESTAMP_RE.fullmatch(text)
    if match is None or match.group(1) == "0000":
        raise ValueError(f"not an ISO-8601 timestamp: {text!r}")
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    digits = (fraction or "").ljust(9, "0")
    tz: _dt.tzinfo = _dt.timezone.utc
    if zone and zone not in ("Z", "z"):
        sign = 1 if zone[0] == "+" else -1
        hh, mm = int(zone[1:3]), int(zone[-2:])
        tz = _dt.timezone(sign * _dt.timedelta(hours=hh, minutes=mm))
    moment = _dt.datetime(
        int(year),
        int(month),
        int(day),
        int(hour or 0),
        int(minute or 0),
        int(second or 0),
        int(digits[:6]),
        tzinfo=tz,
    )
    return moment, int(digits[6:9])


class Timestamp(str):
    """An ISO-8601 timestamp as Attio sends it, kept exactly (nine fractional digits).

    It *is* the original string (so it dumps back unchanged and compares as text), and
    :attr:`datetime` gives a timezone-aware :class:`datetime.datetime` (microsecond precision),
    :attr:`nanosecond` the digits a ``datetime`` cannot hold, and :attr:`epoch_ns` the exact
    instant as integer nanoseconds since the Unix epoch. RFC 3339's lower-case ``t``/``z``
    (``"2024-01-02t03:04:05z"``) are accepted and kept as sent; year 0000 is not (no
    ``datetime`` can hold it).

    >>> ts = Timestamp("2023-01-01T15:00:00.123456789Z")
    >>> ts.datetime.microsecond, ts.nanosecond
    (123456, 789)
    """

    __slots__ = ()

    def __new__(cls, value: str | _dt.datetime | _dt.date) -> Timestamp:
        if isinstance(value, Timestamp):
            return value
        if isinstance(value, _dt.datetime):
            return str.__new__(cls, cls._format(value))
        if isinstance(value, _dt.date):
            return str.__new__(cls, value.isoformat())
        if not isinstance(value, str):
            raise ValueError(f"not an ISO-8601 timestamp: {value!r}")
        _split(value)  # raises ValueError for text that is not a real instant
        return str.__new__(cls, value)

    @staticmethod
    def _format(value: _dt.datetime, nanosecond: int = 0) -> str:
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.timezone.utc)
        value = value.astimezone(_dt.timezone.utc)
        base = value.strftime("%Y-%m-%dT%H:%M:%S")
        return f"{base}.{value.microsecond:06d}{nanosecond:03d}Z"

    @classmethod
    def from_datetime(cls, value: _dt.datetime, nanosecond: int = 0) -> Timestamp:
        """Attio's format for ``value`` (naive means UTC), with ``nanosecond`` extra digits."""
        if not 0 <= nanosecond <= 999:
            raise ValueError("nanosecond must be between 0 and 999")
        return str.__new__(cls, cls._format(value, nanosecond))

    def _parts(self) -> tuple[_dt.datetime, int]:
        return _split(self)

    @property
    def datetime(self) -> _dt.datetime:
        """The instant as an aware ``datetime`` (UTC unless the text carried an offset)."""
        return self._parts()[0]

    @property
    def nanosecond(self) -> int:
        """The sub-microsecond digits (0-999) that a ``datetime`` cannot hold."""
        return self._parts()[1]

    @property
    def epoch_ns(self) -> int:
        """The exact instant in integer nanoseconds since 1970-01-01T00:00:00Z."""
        moment, nanos = self._parts()
        delta = moment - _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
        micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        return micros * 1000 + nanos

    def __repr__(self) -> str:
        return f"Timestamp({str.__repr__(self)})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # Attio's answers are the hot path (a page holds tens of thousands of timestamps): a
        # string's format and calendar are checked by pydantic-core's Rust regex and the
        # Timestamp is built by one C-level call, with no Python frame per value. In Python
        # mode a Timestamp passes as it is and a date/datetime is formatted.
        from_text = core_schema.no_info_after_validator_function(
            functools.partial(str.__new__, cls),
            core_schema.str_schema(pattern=_TIMESTAMP_PATTERN, strict=True),
        )
        from_python = core_schema.custom_error_schema(
            core_schema.union_schema(
                [
                    from_text,
                    core_schema.no_info_after_validator_function(
                        cls, core_schema.is_instance_schema(_dt.date)
                    ),
                ],
                mode="left_to_right",
            ),
            custom_error_type="timestamp",
            custom_error_message="expected an ISO-8601 timestamp (text, date or datetime)",
        )
        return core_schema.json_or_python_schema(
            json_schema=from_text,
            python_schema=from_python,
            serialization=core_schema.to_string_ser_schema(),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "string", "format": "date-time"}


class SharedFieldsSet(set[str]):
    """The ``__pydantic_fields_set__`` shared by the models of one class that have every field
    set (the values of a parsed page: most models hold a 700-byte set of their own otherwise).

    A model takes a private copy before any assignment (``AttioModel.__setattr__``), and copies
    (``model_copy``, ``copy.copy``) get their own; treat ``model_fields_set`` as read-only.
    """

    __slots__ = ()

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: Any) -> set[str]:
        return set(self)

    def __reduce__(self) -> Any:
        return (set, (list(self),))


_SHARED_FIELDS: dict[type[BaseModel], SharedFieldsSet] = {}


def shared_fields_set(cls: type[BaseModel]) -> SharedFieldsSet:
    """The shared set of every field name of ``cls`` (built once per class)."""
    found = _SHARED_FIELDS.get(cls)
    if found is None:
        found = _SHARED_FIELDS[cls] = SharedFieldsSet(cls.model_fields)
    return found


class AttioModel(BaseModel):
    """Base of every Attio model: forward compatible and loss-free.

    * unknown fields are kept (``extra="allow"``) and dumped again;
    * keys are Attio's own names, on input and on output;
    * ``model_dump``/``model_dump_json`` leave out fields the input did not have
      (``exclude_unset=True`` by default), so a round trip adds nothing.
    """

    model_config: ClassVar[ConfigDict] = ConfigDict(
        ignored_types=(Declared,),  # endpoints declared in a model's body are not fields
        extra="allow",
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        protected_namespaces=(),
        arbitrary_types_allowed=False,
        # Build a model's validator when it first validates, not when its module is imported:
        # a program pays only for the models it uses (import and first request stay fast).
        defer_build=True,
    )

    if not TYPE_CHECKING:  # hidden from type checkers: a __setattr__ would allow any name

        def __setattr__(self, name: str, value: Any) -> None:
            # A model parsed in a page may share its set of set fields with its siblings (see
            # SharedFieldsSet): it takes a set of its own before any assignment can change it.
            fields_set = self.__pydantic_fields_set__
            if type(fields_set) is SharedFieldsSet:
                object.__setattr__(self, "__pydantic_fields_set__", set(fields_set))
            super().__setattr__(name, value)

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        """The model as a dict of Attio's JSON (``mode="json"``) or Python values.

        Defaults to ``exclude_unset=True`` so the dump equals what Attio sent.
        """
        kwargs.setdefault("exclude_unset", True)
        # A dump of a record builds thousands of dicts and lists: no collection in between.
        with gc_paused:
            return super().model_dump(**kwargs)

    def model_dump_json(self, **kwargs: Any) -> str:
        """The model as Attio's JSON text (``exclude_unset=True`` by default)."""
        kwargs.setdefault("exclude_unset", True)
        return super().model_dump_json(**kwargs)


class Actor(AttioModel):
    """Who did something: ``{"type": "api-token"|"workspace-member"|"system"|"app", "id"}``.

    System actors come back with ``id: null``.
    """

    type: str | None = None
    id: str | None = None


class NeverFails:
    """Mixin (listed before the model's base) for a model that reads anything: pydantic-core
    validates a well-formed input as the model, with no Python call; only when that fails
    does the class's ``_salvage(data)`` build an instance keeping ``data`` whole, so the
    model never fails (:class:`attio.values.UnknownValue`,
    :class:`attio.files.UnknownFileEntry`)."""

    @classmethod
    def _salvage(cls, data: Any) -> Any:
        raise NotImplementedError  # pragma: no cover - every user overrides it

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        model = handler(source)
        salvage = core_schema.no_info_plain_validator_function(cls._salvage)
        return core_schema.union_schema([model, salvage], mode="left_to_right")

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        model_schema = schema["choices"][0] if schema.get("type") == "union" else schema
        result: dict[str, Any] = handler(model_schema)
        return result
