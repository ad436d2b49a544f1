"""Attribute values: the tagged union :data:`AttributeValue`, one model per ``attribute_type``.

``record.values`` and ``entry.entry_values`` (a :class:`~attio.value_map.ValueMap`, a ``dict``
whose models are built in the same pass as the record) map an attribute slug to a **list** of
values (historic values included when asked for). Each value is one of the models below,
chosen by its ``attribute_type`` inside pydantic-core (no Python call per value):

=====================  ================================  ============================
``attribute_type``     model                             ``.plain``
=====================  ================================  ============================
``text``               :class:`TextValue`                ``str``
``number``             :class:`NumberValue`              ``int | float`` (as sent)
``checkbox``           :class:`CheckboxValue`            ``bool``
``currency``           :class:`CurrencyValue`            ``decimal.Decimal``
``date``               :class:`DateValue`                ``datetime.date`` (else the text)
``timestamp``          :class:`TimestampValue`           ``datetime.datetime`` (aware)
``rating``             :class:`RatingValue`              ``int | float``
``status``             :class:`StatusValue`              ``str``: the status title
``select``             :class:`SelectValue`              ``str``: the option title
``record-reference``   :class:`RecordReferenceValue`     ``str``: the target record id
``actor-reference``    :class:`ActorReferenceValue`      ``str``: the actor id
``location``           :class:`LocationValue`            ``str``: a one-line address
``domain``             :class:`DomainValue`              ``str``: the domain
``email-address``      :class:`EmailAddressValue`        ``str``: the email address
``phone-number``       :class:`PhoneNumberValue`         ``str``: the E.164 number
``interaction``        :class:`InteractionValue`         ``datetime.datetime`` (aware)
``personal-name``      :class:`PersonalNameValue`        ``str``: the full name
anything else          :class:`UnknownValue`             ``Any``: its ``value`` field, if any
=====================  ================================  ============================

Every ``.plain`` is typed precisely for mypy. The fields Attio always sends (required in its
spec, present in every real response) are required and, unless the spec allows null, not
``Optional``: ``TextValue.plain`` is a ``str``, ``EmailAddressValue.plain`` a ``str``, and
``active_from``/``created_by_actor`` of a known value are always set. ``.plain`` is ``... | None``
only where Attio may send null or a bare id (:attr:`StatusValue.plain`,
:attr:`SelectValue.plain`, :attr:`ActorReferenceValue.plain`); :attr:`LocationValue.plain` is
always a ``str``, ``""`` when every part is empty; only :attr:`UnknownValue.plain` is ``Any``.
The structured types (personal name, location, record reference) read as one ``str``, the
simplest useful shape; their parts stay typed on the model (``first_name``/``last_name``,
``locality``/``country_code``/:attr:`LocationValue.coordinates`,
``target_object``/``target_record_id``).

A future ``attribute_type`` — or a known one whose shape Attio changed (a required field
missing, or null where null is not allowed), a value whose common fields (``active_from``,
``active_until``, ``created_by_actor``, ``attribute_type``) do not fit, even a value that is not
a JSON object — becomes an :class:`UnknownValue` that keeps every field and dumps back unchanged:
no value ever fails the response, nor the reading of it later. Every value round-trips
(``model_dump(mode="json")`` gives back Attio's JSON). Numbers and booleans are read strictly
(an ``int`` stays an ``int``; ``"5"`` or ``1`` where a bool belongs is not coerced, so the
value becomes an :class:`UnknownValue` rather than dumping back changed).

Writing: every model has :meth:`~BaseValue.to_write` giving Attio's write shape, and
:func:`to_write_values` converts a whole ``values`` mapping (a model alone becomes a one-item
list), letting plain JSON pass through.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    StrictBool,
    StrictFloat,
    StrictInt,
    TypeAdapter,
    ValidationError,
    model_serializer,
)

from ._models import Actor, AttioModel, NeverFails, Timestamp

__all__ = [
    "VALUE_TYPES",
    "ActorReferenceValue",
    "AttributeValue",
    "BaseValue",
    "CheckboxValue",
    "CurrencyValue",
    "DateValue",
    "DomainValue",
    "EmailAddressValue",
    "InteractionValue",
    "KnownValue",
    "LocationValue",
    "NumberValue",
    "PersonalNameValue",
    "PhoneNumberValue",
    "RatingValue",
    "RecordReferenceValue",
    "SelectOptionData",
    "SelectOptionDataId",
    "SelectValue",
    "StatusData",
    "StatusDataId",
    "StatusValue",
    "TextValue",
    "TimestampValue",
    "UnknownValue",
    "to_write_value",
    "to_write_values",
]


Number = StrictInt | StrictFloat
"""A JSON number as Attio sent it: an ``int`` stays an ``int`` on the way back (strict: a
string or a bool is not a number)."""

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

_COMMON_FIELDS = frozenset({"active_from", "active_until", "created_by_actor", "attribute_type"})


class BaseValue(AttioModel):
    """Fields every attribute value carries, and the reading/writing helpers.

    ``active_until`` is ``None`` for a current value and set for a historic one
    (``show_historic=True``). ``created_by_actor.id`` is ``None`` for system actors. Here the
    common fields are ``Optional`` (an :class:`UnknownValue` may lack them); every known model
    requires ``active_from``, ``active_until`` (nullable) and ``created_by_actor``.
    """

    active_from: Timestamp | None = None
    active_until: Timestamp | None = None
    created_by_actor: Actor | None = None
    attribute_type: str

    @property
    def is_active(self) -> bool:
        """Whether this is a current value (``active_until`` is ``None``)."""
        return self.active_until is None

    @property
    def plain(self) -> object:
        """The value as a plain Python object (see the table in :mod:`attio.values`).

        Typed ``object`` here; every subclass narrows it (``TextValue.plain`` is
        ``str``, ``CurrencyValue.plain`` is ``Decimal``, ...), so mypy sees the
        precise type of each model's ``plain``. Only :attr:`UnknownValue.plain` is ``Any``.
        """
        raise NotImplementedError  # pragma: no cover - every subclass overrides it

    def to_write(self) -> Any:
        """Attio's write shape for this value (for ``values`` of create/update/upsert)."""
        raise NotImplementedError  # pragma: no cover - every subclass overrides it


class _KnownBase(BaseValue):
    """The common fields as every known value has them: ``active_from``, ``active_until`` (null
    for a current value) and ``created_by_actor`` are always sent; a value without one of them
    reads as :class:`UnknownValue`."""

    active_from: Timestamp
    active_until: Timestamp | None
    created_by_actor: Actor


class TextValue(_KnownBase):
    """``text``: ``value`` is a string."""

    attribute_type: Literal["text"]
    value: str

    @property
    def plain(self) -> str:
        """The text."""
        return self.value

    def to_write(self) -> dict[str, Any]:
        """``{"value": text}``."""
        return {"value": self.value}


class NumberValue(_KnownBase):
    """``number``: ``value`` is an ``int`` or a ``float``, exactly as Attio sent it."""

    attribute_type: Literal["number"]
    value: Number

    @property
    def plain(self) -> int | float:
        """The number (an ``int`` when Attio sent an integer)."""
        return self.value

    def to_write(self) -> dict[str, Any]:
        """``{"value": number}``."""
        return {"value": self.value}


class CheckboxValue(_KnownBase):
    """``checkbox``: ``value`` is a bool."""

    attribute_type: Literal["checkbox"]
    value: StrictBool

    @property
    def plain(self) -> bool:
        """The checkbox state."""
        return self.value

    def to_write(self) -> dict[str, Any]:
        """``{"value": bool}``."""
        return {"value": self.value}


class CurrencyValue(_KnownBase):
    """``currency``: ``currency_value`` (up to 4 decimals) and ``currency_code`` (ISO 4217).

    ``currency_code`` may be absent or null: it comes from the attribute's configuration.
    """

    attribute_type: Literal["currency"]
    currency_value: Number
    currency_code: str | None = None

    @property
    def plain(self) -> decimal.Decimal:
        """The amount as an exact :class:`decimal.Decimal` (``Decimal("4.99")``, not 4.98999…)."""
        amount = self.currency_value
        return decimal.Decimal(amount if isinstance(amount, int) else str(amount))

    def to_write(self) -> dict[str, Any]:
        """``{"currency_value": amount}`` (the code comes from the attribute's config)."""
        return {"currency_value": self.currency_value}


class DateValue(_KnownBase):
    """``date``: ``value`` is ``"YYYY-MM-DD"`` (kept as text)."""

    attribute_type: Literal["date"]
    value: str

    @property
    def plain(self) -> _dt.date | str:
        """The date as a :class:`datetime.date` (of a date-time text, its date part); the text
        itself when it is not a real ``YYYY-MM-DD`` date (``"2024-02-30"``, ``"next week"``),
        so reading never fails."""
        text = self.value
        head = text[:10]
        if _DATE_RE.fullmatch(head) and text[10:11] in ("", "T", "t", " "):
            try:
                return _dt.date.fromisoformat(head)
            except ValueError:
                pass
        return text

    def to_write(self) -> dict[str, Any]:
        """``{"value": "YYYY-MM-DD"}``."""
        return {"value": self.value}


class TimestampValue(_KnownBase):
    """``timestamp``: ``value`` is a nanosecond-precise :class:`~attio.Timestamp`."""

    attribute_type: Literal["timestamp"]
    value: Timestamp

    @property
    def plain(self) -> _dt.datetime:
        """The instant as an aware :class:`datetime.datetime` (microsecond precision)."""
        return self.value.datetime

    def to_write(self) -> dict[str, Any]:
        """``{"value": "2023-01-01T15:00:00.000000000Z"}`` (full precision)."""
        return {"value": str(self.value)}


class RatingValue(_KnownBase):
    """``rating``: ``value`` is a number from 0 to 5."""

    attribute_type: Literal["rating"]
    value: Number

    @property
    def plain(self) -> int | float:
        """The rating."""
        return self.value

    def to_write(self) -> dict[str, Any]:
        """``{"value": rating}``."""
        return {"value": self.value}


class SelectOptionDataId(AttioModel):
    """``{"workspace_id", "object_id", "attribute_id", "option_id"}`` of a select option."""

    workspace_id: str | None = None
    object_id: str | None = None
    attribute_id: str | None = None
    option_id: str | None = None


class SelectOptionData(AttioModel):
    """The select option embedded in a :class:`SelectValue` (``{id, title, is_archived}``).

    The full resource, with its API calls, is :class:`attio.SelectOption`.
    """

    id: SelectOptionDataId | None = None
    title: str | None = None
    is_archived: StrictBool | None = None


class StatusDataId(AttioModel):
    """``{"workspace_id", "object_id", "attribute_id", "status_id"}`` of a status."""

    workspace_id: str | None = None
    object_id: str | None = None
    attribute_id: str | None = None
    status_id: str | None = None


class StatusData(AttioModel):
    """The status embedded in a :class:`StatusValue`.

    ``{id, title, is_archived, celebration_enabled, target_time_in_status}``; the full
    resource, with its API calls, is :class:`attio.Status`.
    """

    id: StatusDataId | None = None
    title: str | None = None
    is_archived: StrictBool | None = None
    celebration_enabled: StrictBool | None = None
    target_time_in_status: str | None = None


class StatusValue(_KnownBase):
    """``status``: ``status`` is the full status object (or, rarely, its bare id)."""

    attribute_type: Literal["status"]
    status: StatusData | str

    @property
    def status_id(self) -> str | None:
        """The status id, whether Attio sent the object or the bare id."""
        if isinstance(self.status, StatusData):
            return self.status.id.status_id if self.status.id else None
        return self.status

    @property
    def title(self) -> str | None:
        """The status title (``None`` when Attio sent only the id)."""
        return self.status.title if isinstance(self.status, StatusData) else None

    @property
    def plain(self) -> str | None:
        """The status title (its id when Attio sent only the id)."""
        return self.title if isinstance(self.status, StatusData) else self.status

    def to_write(self) -> dict[str, Any]:
        """``{"status": <status id or title>}``."""
        return {"status": self.status_id or self.title}


class SelectValue(_KnownBase):
    """``select``: ``option`` is the full option object (or, rarely, its bare id).

    A multi-select attribute holds one :class:`SelectValue` per chosen option.
    """

    attribute_type: Literal["select"]
    option: SelectOptionData | str

    @property
    def option_id(self) -> str | None:
        """The option id, whether Attio sent the object or the bare id."""
        if isinstance(self.option, SelectOptionData):
            return self.option.id.option_id if self.option.id else None
        return self.option

    @property
    def title(self) -> str | None:
        """The option title (``None`` when Attio sent only the id)."""
        return self.option.title if isinstance(self.option, SelectOptionData) else None

    @property
    def plain(self) -> str | None:
        """The option title (its id when Attio sent only the id)."""
        return self.title if isinstance(self.option, SelectOptionData) else self.option

    def to_write(self) -> dict[str, Any]:
        """``{"option": <option id or title>}``."""
        return {"option": self.option_id or self.title}


class RecordReferenceValue(_KnownBase):
    """``record-reference``: ``target_object`` (slug) and ``target_record_id``."""

    attribute_type: Literal["record-reference"]
    target_object: str
    target_record_id: str

    @property
    def plain(self) -> str:
        """The referenced record's id."""
        return self.target_record_id

    def to_write(self) -> dict[str, Any]:
        """``{"target_object", "target_record_id"}``."""
        return {"target_object": self.target_object, "target_record_id": self.target_record_id}


class ActorReferenceValue(_KnownBase):
    """``actor-reference``: ``referenced_actor_type`` and ``referenced_actor_id`` (may be null)."""

    attribute_type: Literal["actor-reference"]
    referenced_actor_type: Literal["api-token", "workspace-member", "system", "app"] | str
    referenced_actor_id: str | None

    @property
    def plain(self) -> str | None:
        """The referenced actor's id (``None`` for the system actor)."""
        return self.referenced_actor_id

    def to_write(self) -> dict[str, Any]:
        """``{"referenced_actor_type", "referenced_actor_id"}``."""
        return {
            "referenced_actor_type": self.referenced_actor_type,
            "referenced_actor_id": self.referenced_actor_id,
        }


LOCATION_KEYS = (
    "line_1",
    "line_2",
    "line_3",
    "line_4",
    "locality",
    "region",
    "postcode",
    "country_code",
    "latitude",
    "longitude",
)
"""The ten keys of a location value, in Attio's order (all are sent on a write)."""


class LocationValue(_KnownBase):
    """``location``: address lines, locality, region, postcode, country code, coordinates.

    ``latitude``/``longitude`` are strings (``"51.5072"``) or null, as Attio sends them.
    """

    attribute_type: Literal["location"]
    line_1: str | None
    line_2: str | None
    line_3: str | None
    line_4: str | None
    locality: str | None
    region: str | None
    postcode: str | None
    country_code: str | None
    latitude: str | None
    longitude: str | None

    @property
    def plain(self) -> str:
        """A one-line address: the non-empty parts joined by ``", "``."""
        parts = (
            self.line_1,
            self.line_2,
            self.line_3,
            self.line_4,
            self.locality,
            self.region,
            self.postcode,
            self.country_code,
        )
        return ", ".join(p for p in parts if p)

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """``(latitude, longitude)`` as floats, or ``None`` when Attio has none (or when either
        is not a number: the texts stay in ``latitude``/``longitude``)."""
        if not self.latitude or not self.longitude:
            return None
        try:
            return float(self.latitude), float(self.longitude)
        except ValueError:
            return None

    def to_write(self) -> dict[str, Any]:
        """All ten keys (Attio requires every one; nulls allowed)."""
        return {key: getattr(self, key) for key in LOCATION_KEYS}


class DomainValue(_KnownBase):
    """``domain``: ``domain`` and its ``root_domain``."""

    attribute_type: Literal["domain"]
    domain: str
    root_domain: str

    @property
    def plain(self) -> str:
        """The domain (``"app.attio.com"``)."""
        return self.domain

    def to_write(self) -> dict[str, Any]:
        """``{"domain": domain}``."""
        return {"domain": self.domain}


class EmailAddressValue(_KnownBase):
    """``email-address``: the address, as typed and normalised, and its parts."""

    attribute_type: Literal["email-address"]
    original_email_address: str
    email_address: str
    email_domain: str
    email_root_domain: str
    email_local_specifier: str

    @property
    def plain(self) -> str:
        """The (normalised) email address, ``"a@b.com"``."""
        return self.email_address

    def to_write(self) -> dict[str, Any]:
        """``{"email_address": address}``."""
        return {"email_address": self.plain}


class PhoneNumberValue(_KnownBase):
    """``phone-number``: ``original_phone_number``, E.164 ``phone_number``, ``country_code``."""

    attribute_type: Literal["phone-number"]
    original_phone_number: str
    phone_number: str
    country_code: str

    @property
    def plain(self) -> str:
        """The E.164 number (``"+15558675309"``)."""
        return self.phone_number

    def to_write(self) -> dict[str, Any]:
        """``{"original_phone_number", "country_code"}``."""
        return {
            "original_phone_number": self.original_phone_number,
            "country_code": self.country_code,
        }


class InteractionValue(_KnownBase):
    """``interaction`` (read-only, system-generated): type, time and owner of an interaction."""

    attribute_type: Literal["interaction"]
    interaction_type: (
        Literal["calendar-event", "call", "chat-thread", "email", "in-person-meeting", "meeting"]
        | str
    )
    interacted_at: Timestamp
    owner_actor: Actor

    @property
    def plain(self) -> _dt.datetime:
        """When the interaction happened, as an aware :class:`datetime.datetime`."""
        return self.interacted_at.datetime

    def to_write(self) -> dict[str, Any]:
        """Always raises: interaction values are generated by Attio and cannot be written."""
        raise ValueError("interaction values are read-only in Attio and cannot be written")


class PersonalNameValue(_KnownBase):
    """``personal-name``: ``first_name``, ``last_name``, ``full_name``."""

    attribute_type: Literal["personal-name"]
    first_name: str
    last_name: str
    full_name: str

    @property
    def plain(self) -> str:
        """The full name."""
        return self.full_name

    def to_write(self) -> dict[str, Any]:
        """``{"first_name", "last_name", "full_name"}`` (Attio requires all three)."""
        return {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "full_name": self.full_name,
        }


_NOT_SET: Any = object()
_STATE = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


class UnknownValue(NeverFails, BaseValue):
    """A value this version cannot type: an ``attribute_type`` it does not know, a known type of
    an unexpected shape (a required field missing, say), a value whose common fields do not fit,
    or one that is not an object.

    Every field is kept (``model_extra``) and dumped back unchanged. A common field that does not
    fit (``active_from`` not a timestamp, ``created_by_actor`` not an actor object,
    ``attribute_type`` not a string, ...) reads as its default (``None``; ``""`` for
    ``attribute_type``) and is kept, as received, in :attr:`malformed`; a value that is not a
    JSON object at all is kept whole (:attr:`raw`). Both dump back exactly as Attio sent them,
    so for a value that was not an object ``model_dump`` returns that non-object.
    """

    attribute_type: str = ""

    def __init__(self, /, **data: Any) -> None:
        built = self.__pydantic_validator__.validate_python(data, self_instance=self)
        if built is not self:  # salvaged into a new instance: take over its state
            for name in _STATE:
                object.__setattr__(self, name, getattr(built, name))

    # Only for ``UnknownValue(**fields)`` in Python: the validator builds instances without it
    # (pydantic-core would otherwise call this Python ``__init__`` for every unknown value).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def _salvage(cls, data: Any) -> UnknownValue:
        """``data`` kept as it is, its well-formed common fields typed, the others kept raw."""
        if isinstance(data, BaseModel):
            data = data.model_dump()
        built = cls.__new__(cls)
        fields: dict[str, Any] = {
            "active_from": None,
            "active_until": None,
            "created_by_actor": None,
            "attribute_type": "",
        }
        fields_set: set[str] = set()
        extra: dict[str, Any] = {}
        private: dict[str, Any]
        if isinstance(data, Mapping) and all(isinstance(key, str) for key in data):
            malformed: dict[str, Any] = {}
            for key, item in data.items():
                if key not in _COMMON_FIELDS:
                    extra[key] = item
                    continue
                typed = _common_field(key, item)
                if typed is _NOT_SET:
                    malformed[key] = item
                else:
                    fields[key] = typed
                    fields_set.add(key)
            private = {"_malformed": malformed}
        else:
            private = {"_raw": (data,)}
        object.__setattr__(built, "__dict__", fields)
        object.__setattr__(built, "__pydantic_fields_set__", fields_set)
        object.__setattr__(built, "__pydantic_extra__", extra)
        object.__setattr__(built, "__pydantic_private__", private)
        return built

    def _salvaged(self) -> dict[str, Any]:
        private: dict[str, Any] | None = self.__pydantic_private__
        return private if private else {}

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        salvaged = self._salvaged()
        if not salvaged:
            return handler(self)
        if "_raw" in salvaged:
            return salvaged["_raw"][0]
        out = handler(self)
        include, exclude = info.include, info.exclude
        for key, item in salvaged["_malformed"].items():
            if key in self.model_fields_set:
                continue  # set since: the model's own value is dumped
            if (include is not None and key not in include) or (exclude and key in exclude):
                continue
            if item is None and info.exclude_none:
                continue
            out[key] = item
        return out

    def __repr_args__(self) -> Any:
        salvaged = self._salvaged()
        if "_raw" in salvaged:
            yield "raw", salvaged["_raw"][0]
            return
        yield from super().__repr_args__()
        if salvaged.get("_malformed"):
            yield "malformed", salvaged["_malformed"]

    @property
    def malformed(self) -> dict[str, Any]:
        """The common fields that did not fit, as received (``{}`` when all did)."""
        return dict(self._salvaged().get("_malformed") or {})

    @property
    def raw(self) -> Any:
        """This value as JSON: exactly what Attio sent for a value read from it (a dict, or
        whatever a value that was not an object was)."""
        return self.model_dump(mode="json")

    @property
    def is_active(self) -> bool:
        """Whether this is a current value (no ``active_until``, not even a malformed one)."""
        return self.active_until is None and "active_until" not in self.malformed

    @property
    def fields(self) -> dict[str, Any]:
        """The type-specific fields (everything but the common ones; ``{}`` for a non-object)."""
        return dict(self.model_extra or {})

    @property
    def plain(self) -> Any:
        """Its ``value`` field when it has one, else its type-specific fields as a dict (a value
        that was not an object: that value itself)."""
        salvaged = self._salvaged()
        if "_raw" in salvaged:
            return salvaged["_raw"][0]
        extra = self.model_extra or {}
        return extra["value"] if "value" in extra else dict(extra)

    def to_write(self) -> Any:
        """Its type-specific fields (the common read-only ones left out); a value that was not
        an object is written as it is."""
        dumped = self.model_dump(mode="json")
        if not isinstance(dumped, dict):
            return dumped
        return {k: v for k, v in dumped.items() if k not in _COMMON_FIELDS}


_COMMON_TYPES: dict[str, Any] = {
    "active_from": Timestamp | None,
    "active_until": Timestamp | None,
    "created_by_actor": Actor | None,
}
_COMMON_ADAPTERS: dict[str, TypeAdapter[Any]] = {}  # built when first needed


def _common_field(key: str, item: Any) -> Any:
    """``item`` validated as the common field ``key``, or ``_NOT_SET`` when it does not fit."""
    if key == "attribute_type":
        return item if isinstance(item, str) else _NOT_SET
    adapter = _COMMON_ADAPTERS.get(key)
    if adapter is None:
        adapter = TypeAdapter(_COMMON_TYPES[key])
        _COMMON_ADAPTERS[key] = adapter
    try:
        return adapter.validate_python(item)
    except ValidationError:
        return _NOT_SET


KnownValue = Annotated[
    TextValue
    | NumberValue
    | CheckboxValue
    | CurrencyValue
    | DateValue
    | TimestampValue
    | RatingValue
    | StatusValue
    | SelectValue
    | RecordReferenceValue
    | ActorReferenceValue
    | LocationValue
    | DomainValue
    | EmailAddressValue
    | PhoneNumberValue
    | InteractionValue
    | PersonalNameValue,
    Field(discriminator="attribute_type"),
]
"""The 17 documented value types, selected by ``attribute_type`` in pydantic-core."""

AttributeValue = Annotated[
    KnownValue | UnknownValue,
    Field(union_mode="left_to_right"),
]
"""Any attribute value: one of the 17 known models, else :class:`UnknownValue`."""

VALUE_TYPES: dict[str, type[BaseValue]] = {
    "text": TextValue,
    "number": NumberValue,
    "checkbox": CheckboxValue,
    "currency": CurrencyValue,
    "date": DateValue,
    "timestamp": TimestampValue,
    "rating": RatingValue,
    "status": StatusValue,
    "select": SelectValue,
    "record-reference": RecordReferenceValue,
    "actor-reference": ActorReferenceValue,
    "location": LocationValue,
    "domain": DomainValue,
    "email-address": EmailAddressValue,
    "phone-number": PhoneNumberValue,
    "interaction": InteractionValue,
    "personal-name": PersonalNameValue,
}
"""``attribute_type`` → model, for the 17 documented types."""


# --------------------------------------------------------------------------- writing


def to_write_value(value: Any) -> Any:
    """One entry of a ``values`` mapping in Attio's write shape.

    A value model becomes a one-item list of its :meth:`BaseValue.to_write` (Attio's write
    shape is an array of values); in a list/tuple, possibly mixed with plain JSON, each model is
    converted. Anything else (a plain dict, a string, a number, a list of them) is returned
    unchanged: a bare dict or scalar is Attio's documented single-value shape.
    """
    if isinstance(value, BaseValue):
        return [value.to_write()]
    if isinstance(value, (list, tuple)) and any(isinstance(v, BaseValue) for v in value):
        return [v.to_write() if isinstance(v, BaseValue) else v for v in value]
    return value


def to_write_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """A ``values``/``entry_values`` mapping in Attio's write shape.

    Keys (attribute slugs or ids) and plain JSON values pass through unchanged; value models
    of this module become their write shapes (a model alone is sent as a one-item list), so
    values read from one record can be written to another::

        attio.Record.create(client, "people", {"name": person.first("name"), "tier": "Gold"})

    Anything but a mapping with string keys is a ``TypeError`` (before any request).
    """
    if not isinstance(values, Mapping):
        raise TypeError(
            "values must be a mapping of attribute slug or id to value(s), "
            f"got {type(values).__name__}"
        )
    out: dict[str, Any] = {}
    for key, value in values.items():
        if not isinstance(key, str) or not key:
            raise TypeError(f"attribute keys must be non-empty slugs or ids, got {key!r}")
        out[key] = to_write_value(value)
    return out
