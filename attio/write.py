"""Constructors for Attio's attribute-value *write* shapes.

Each function returns a plain ``dict`` (typed as a small :class:`~typing.TypedDict`) in exactly
the shape Attio documents for ``values`` / ``entry_values`` of create, upsert and update, so it
can be passed straight to :meth:`attio.Record.create` and friends::

    import attio.write as w

    attio.Record.create(client, "people", {
        "name": w.personal_name("Ada", "Lovelace"),
        "company": w.record_ref("companies", domains="acme.com"),
        "primary_location": w.location(locality="London", country_code="GB"),
        "phone_numbers": [w.phone("+442079460000", country_code="GB")],
    })

=====================  ====================================================================
attribute type         constructor
=====================  ====================================================================
``personal-name``      :func:`personal_name`
``location``           :func:`location` (all ten keys, missing ones as ``None``)
``record-reference``   :func:`record_ref` (by record id or by a unique attribute)
``actor-reference``    :func:`actor` (by workspace member id or email)
``phone-number``       :func:`phone`
``currency``           :func:`currency` (a :class:`~decimal.Decimal` keeps its exact digits)
``email-address``      :func:`email`
``domain``             :func:`domain`
``select``             :func:`select`
``status``             :func:`status`
=====================  ====================================================================

Arguments are checked when the shape is built: a wrong type is a :class:`TypeError`, a wrong
value (a country code that is not two letters, a reference with neither a record id nor a unique
attribute, ...) a :class:`ValueError`, both before any request is made.
"""

from __future__ import annotations

import datetime
import decimal
import math
import uuid
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, TypeAlias, TypedDict

from .values import BaseValue

__all__ = [
    "ActorByEmailWrite",
    "ActorByIdWrite",
    "CurrencyWrite",
    "DomainWrite",
    "EmailWrite",
    "LocationWrite",
    "PersonalNameWrite",
    "PhoneWrite",
    "RecordIdRefWrite",
    "SelectWrite",
    "StatusWrite",
    "WriteItem",
    "WriteScalar",
    "WriteValue",
    "WriteValues",
    "actor",
    "currency",
    "currency_code_of",
    "domain",
    "email",
    "location",
    "personal_name",
    "phone",
    "record_ref",
    "select",
    "status",
]


class PersonalNameWrite(TypedDict):
    """A ``personal-name`` write: ``{first_name, last_name, full_name}`` (all three)."""

    first_name: str
    last_name: str
    full_name: str


class LocationWrite(TypedDict):
    """A ``location`` write: all ten keys Attio requires (``None`` where unknown)."""

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


class RecordIdRefWrite(TypedDict):
    """A ``record-reference`` write by id: ``{target_object, target_record_id}``."""

    target_object: str
    target_record_id: str


class ActorByIdWrite(TypedDict):
    """An ``actor-reference`` write by member id.

    ``{"referenced_actor_type": "workspace-member", "referenced_actor_id": id}``.
    """

    referenced_actor_type: str
    referenced_actor_id: str


class ActorByEmailWrite(TypedDict):
    """An ``actor-reference`` write by member email: ``{workspace_member_email_address}``."""

    workspace_member_email_address: str


class PhoneWrite(TypedDict):
    """A ``phone-number`` write: ``{original_phone_number, country_code}`` (code may be null)."""

    original_phone_number: str
    country_code: str | None


class CurrencyWrite(TypedDict):
    """A ``currency`` write: ``{currency_value}`` (Attio takes the currency code from the
    attribute's configuration, and its write shape has no other key)."""

    currency_value: decimal.Decimal | int | float


class EmailWrite(TypedDict):
    """An ``email-address`` write: ``{email_address}``."""

    email_address: str


class DomainWrite(TypedDict):
    """A ``domain`` write: ``{domain}``."""

    domain: str


class SelectWrite(TypedDict):
    """A ``select`` write: ``{option}`` (an option title or id)."""

    option: str


class StatusWrite(TypedDict):
    """A ``status`` write: ``{status}`` (a status title or id)."""

    status: str


# ---------------------------------------------------------------------------- what a write takes

WriteScalar: TypeAlias = (
    str | int | float | decimal.Decimal | bool | datetime.date | datetime.datetime | uuid.UUID
)
"""A plain Python value Attio can take for an attribute: text, a number (a ``Decimal`` keeps its
exact digits), a checkbox, a date, a timestamp (naive means UTC; aware ones are sent in UTC) or
an id. ``None`` (in :data:`WriteValue`) clears the attribute."""

WriteItem: TypeAlias = WriteScalar | BaseValue | Mapping[str, object]
"""One value to write: a :data:`WriteScalar`, a read-value model of :mod:`attio.values` (sent as
its write shape), or a write shape built by this module (or written out as a ``dict``)."""

WriteValue: TypeAlias = WriteItem | Sequence[WriteItem] | AbstractSet[WriteItem] | None
"""What one attribute of a ``values`` mapping takes: one item, several (a list, tuple or set, for
multiselect and other multi-value attributes) or ``None``."""

WriteValues: TypeAlias = Mapping[str, WriteValue]
"""The ``values`` / ``entry_values`` argument of ``create``, ``upsert`` and ``update`` of
records and entries (and of :meth:`attio.ObjectSchema.check`): attribute slug or id to
:data:`WriteValue`. A Python value of another type (an arbitrary
object, a ``complex``) is a mypy error, and a ``TypeError`` before any request at run time."""


# ---------------------------------------------------------------------------- helpers


def _str(name: str, value: object, *, empty: bool = False) -> str:
    """``value`` as a ``str`` (``TypeError`` otherwise); blank text is a ``ValueError``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    if not empty and not value.strip():
        raise ValueError(f"{name} must not be empty")
    return value


def _opt_str(name: str, value: object) -> str | None:
    return None if value is None else _str(name, value)


def _id_or_title(name: str, value: object) -> str:
    if isinstance(value, uuid.UUID):
        return str(value)
    return _str(name, value)


def _country(name: str, value: object) -> str | None:
    """An ISO 3166-1 alpha-2 code, upper-cased (``"gb"`` -> ``"GB"``), or ``None``."""
    if value is None:
        return None
    text = _str(name, value)
    if len(text) != 2 or not (text.isascii() and text.isalpha()):
        raise ValueError(f"{name} must be a two-letter ISO 3166-1 alpha-2 code, got {text!r}")
    return text.upper()


def _coordinate(name: str, value: object, limit: int) -> str | None:
    """A latitude/longitude as the string Attio stores (``51.5072`` -> ``"51.5072"``)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, decimal.Decimal)):
        raise TypeError(f"{name} must be a number or a numeric str, got {type(value).__name__}")
    try:
        number = decimal.Decimal(value.strip() if isinstance(value, str) else value)
    except decimal.InvalidOperation:
        raise ValueError(f"{name} must be numeric, got {value!r}") from None
    if not number.is_finite() or abs(number) > limit:
        raise ValueError(f"{name} must be between -{limit} and {limit}, got {value!r}")
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, float):  # positional, never "1e-05": Attio's pattern has no exponent
        return format(decimal.Decimal(repr(value)), "f")
    return str(value)


def _record_id(value: object) -> str:
    if isinstance(value, uuid.UUID):
        return str(value)
    text = _str("record_id", value)
    try:
        uuid.UUID(text)
    except ValueError:
        raise ValueError(f"record_id must be a record UUID, got {text!r}") from None
    return text


# Which field a bare string becomes inside a matching-attribute reference, by attribute slug;
# any other slug takes ``{"value": text}`` (pass w.email(...)/w.domain(...)/w.phone(...) to be
# explicit for custom unique attributes of those types).
_MATCH_FIELDS = {
    "domains": "domain",
    "email_addresses": "email_address",
    "primary_email_address": "email_address",
}


def _match_item(slug: str, item: object) -> dict[str, Any]:
    if isinstance(item, Mapping):
        if not item:
            raise ValueError(f"record_ref: the value for {slug!r} is an empty dict")
        return dict(item)
    text = _str(f"record_ref {slug!r} value", item)
    if slug == "phone_numbers":
        return dict(phone(text))
    return {_MATCH_FIELDS.get(slug, "value"): text}


# ---------------------------------------------------------------------------- constructors


def personal_name(first: str, last: str, full: str | None = None) -> PersonalNameWrite:
    """A ``personal-name`` value: ``{"first_name", "last_name", "full_name"}``.

    ``full`` defaults to ``"First Last"`` (just the non-empty part when one is ``""``). Attio
    requires all three keys; each must be a ``str`` (``""`` allowed, but not all three blank).
    """
    first = _str("first", first, empty=True)
    last = _str("last", last, empty=True)
    if full is None:
        full = " ".join(part for part in (first.strip(), last.strip()) if part)
    else:
        full = _str("full", full, empty=True)
    if not (first.strip() or last.strip() or full.strip()):
        raise ValueError("personal_name needs a first, last or full name")
    return {"first_name": first, "last_name": last, "full_name": full}


def location(
    line_1: str | None = None,
    line_2: str | None = None,
    line_3: str | None = None,
    line_4: str | None = None,
    *,
    locality: str | None = None,
    region: str | None = None,
    postcode: str | None = None,
    country_code: str | None = None,
    latitude: str | float | int | decimal.Decimal | None = None,
    longitude: str | float | int | decimal.Decimal | None = None,
) -> LocationWrite:
    """A ``location`` value with all ten keys Attio requires (missing ones sent as ``None``).

    ``country_code`` is an ISO 3166-1 alpha-2 code (upper-cased); ``latitude``/``longitude``
    may be numbers or numeric strings and are sent as strings, as Attio stores them. At least
    one field must be given.
    """
    loc: LocationWrite = {
        "line_1": _opt_str("line_1", line_1),
        "line_2": _opt_str("line_2", line_2),
        "line_3": _opt_str("line_3", line_3),
        "line_4": _opt_str("line_4", line_4),
        "locality": _opt_str("locality", locality),
        "region": _opt_str("region", region),
        "postcode": _opt_str("postcode", postcode),
        "country_code": _country("country_code", country_code),
        "latitude": _coordinate("latitude", latitude, 90),
        "longitude": _coordinate("longitude", longitude, 180),
    }
    if (loc["latitude"] is None) != (loc["longitude"] is None):
        raise ValueError("location: give both latitude and longitude, or neither")
    if all(v is None for v in loc.values()):
        raise ValueError("location needs at least one field")
    return loc


def record_ref(
    object: str,
    /,
    record_id: str | uuid.UUID | None = None,
    **unique_attribute: str | Mapping[str, object] | Sequence[str | Mapping[str, object]],
) -> dict[str, Any]:
    """A ``record-reference`` value, by record id or by a unique (matching) attribute.

    * ``record_ref("companies", record_id="…")`` ->
      ``{"target_object": "companies", "target_record_id": "…"}``
    * ``record_ref("companies", domains="acme.com")`` ->
      ``{"target_object": "companies", "domains": [{"domain": "acme.com"}]}``

    A matching value is a string, a dict (e.g. ``w.email(...)``, ``w.phone(...)``) or a list of
    them. A string becomes ``{"domain"}`` for ``domains``, ``{"email_address"}`` for
    ``email_addresses``/``primary_email_address``, a phone value for ``phone_numbers`` and
    ``{"value"}`` for any other attribute (a unique text attribute such as ``user_id``). Give
    exactly one of ``record_id`` or one unique attribute.
    """
    target = _str("object", object)
    if record_id is not None:
        if unique_attribute:
            raise ValueError(
                "record_ref takes record_id or one unique attribute, not both "
                f"(got record_id and {', '.join(sorted(unique_attribute))})"
            )
        return {"target_object": target, "target_record_id": _record_id(record_id)}
    if not unique_attribute:
        raise ValueError(
            "record_ref needs record_id=... or one unique attribute, e.g. domains='acme.com'"
        )
    if len(unique_attribute) > 1:
        raise ValueError(
            f"record_ref matches on one unique attribute, got {', '.join(sorted(unique_attribute))}"
        )
    ((slug, raw),) = unique_attribute.items()
    items: Sequence[Any] = raw if isinstance(raw, (list, tuple)) else [raw]
    if not items:
        raise ValueError(f"record_ref: no value given for {slug!r}")
    return {"target_object": target, slug: [_match_item(slug, item) for item in items]}


def actor(
    *, workspace_member_id: str | uuid.UUID | None = None, email: str | None = None
) -> ActorByIdWrite | ActorByEmailWrite:
    """An ``actor-reference`` value naming a workspace member, by id or by email (one of them).

    ``actor(workspace_member_id=...)`` ->
    ``{"referenced_actor_type": "workspace-member", "referenced_actor_id": ...}``;
    ``actor(email=...)`` -> ``{"workspace_member_email_address": ...}``.
    """
    if (workspace_member_id is None) == (email is None):
        raise ValueError("actor takes exactly one of workspace_member_id= or email=")
    if workspace_member_id is not None:
        return {
            "referenced_actor_type": "workspace-member",
            "referenced_actor_id": _id_or_title("workspace_member_id", workspace_member_id),
        }
    return {"workspace_member_email_address": _email_address(email)}


def phone(number: str, country_code: str | None = None) -> PhoneWrite:
    """A ``phone-number`` value: ``{"original_phone_number", "country_code"}``.

    ``number`` is as written (``"+44 20 7946 0000"``, ``"020 7946 0000"``); a number without an
    international prefix (``+`` or ``00``) needs ``country_code`` (ISO 3166-1 alpha-2), which
    Attio uses to read it. ``country_code`` is sent as ``None`` when not given.
    """
    text = _str("number", number)
    code = _country("country_code", country_code)
    if not any(c.isdigit() for c in text):
        raise ValueError(f"number must contain digits, got {text!r}")
    if code is None and not text.lstrip().startswith(("+", "00")):
        raise ValueError(
            f"number {text!r} has no international prefix (+ or 00): give country_code"
        )
    return {"original_phone_number": text, "country_code": code}


class _CurrencyWithCode(dict):  # type: ignore[type-arg]
    """The dict :func:`currency` returns when given a ``code``: sent as ``{currency_value}``
    alone, with the code kept on the side for :meth:`attio.ObjectSchema.check`."""

    expected_currency_code: str


def currency_code_of(value: object) -> str | None:
    """The ISO 4217 code a :func:`currency` value was built for (``None`` when none was given,
    or for anything else). Never sent: :meth:`attio.ObjectSchema.check` and
    ``Client(validate_writes=True)`` compare it with the attribute's ``default_currency_code``."""
    return getattr(value, "expected_currency_code", None)


def currency(amount: decimal.Decimal | int | float, code: str | None = None) -> CurrencyWrite:
    """A ``currency`` value: ``{"currency_value": amount}``.

    A :class:`~decimal.Decimal` is kept as is, so the client sends its exact digits
    (``Decimal("1250000.50")`` -> ``1250000.50``). Attio stores the amount in the currency the
    attribute is configured with (``config.currency.default_currency_code``) and its write shape
    takes no code, so ``code`` (an ISO 4217 code, upper-cased) is not sent: it states which
    currency the amount is in, and :meth:`attio.ObjectSchema.check` (or
    ``attio.Client(validate_writes=True)``) refuses the write, before any request, when the
    attribute's currency is another one. See :func:`currency_code_of`.
    """
    if isinstance(amount, bool) or not isinstance(amount, (decimal.Decimal, int, float)):
        raise TypeError(f"amount must be a Decimal, int or float, got {type(amount).__name__}")
    if isinstance(amount, decimal.Decimal):
        if not amount.is_finite():
            raise ValueError(f"amount must be finite, got {amount}")
    elif isinstance(amount, float) and not math.isfinite(amount):
        raise ValueError(f"amount must be finite, got {amount}")
    if code is None:
        return {"currency_value": amount}
    text = _str("code", code)
    if len(text) != 3 or not (text.isascii() and text.isalpha()):
        raise ValueError(f"code must be a three-letter ISO 4217 currency code, got {text!r}")
    out = _CurrencyWithCode(currency_value=amount)
    out.expected_currency_code = text.upper()
    return out  # type: ignore[return-value]


def _email_address(address: object) -> str:
    text = _str("email", address)
    local, at, host = text.strip().partition("@")
    if not at or not local or not host or "@" in host or any(c.isspace() for c in text.strip()):
        raise ValueError(f"not an email address: {text!r}")
    return text


def email(address: str) -> EmailWrite:
    """An ``email-address`` value: ``{"email_address": address}``."""
    return {"email_address": _email_address(address)}


def domain(name: str) -> DomainWrite:
    """A ``domain`` value: ``{"domain": name}`` (e.g. ``"acme.com"``; Attio derives the root)."""
    text = _str("domain", name).strip()
    if any(c.isspace() for c in text) or "." not in text:
        raise ValueError(f"not a domain: {name!r}")
    return {"domain": text}


def select(title_or_id: str | uuid.UUID) -> SelectWrite:
    """A ``select`` value: ``{"option": title_or_id}`` (an option title or option id).

    For a multi-select attribute pass a list: ``[w.select("B2B"), w.select("SaaS")]``.
    """
    return {"option": _id_or_title("title_or_id", title_or_id)}


def status(title_or_id: str | uuid.UUID) -> StatusWrite:
    """A ``status`` value: ``{"status": title_or_id}`` (a status title or status id)."""
    return {"status": _id_or_title("title_or_id", title_or_id)}
