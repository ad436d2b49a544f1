"""Typed ``.plain`` and ``validation_errors``, checked by mypy (not run).

Each ``assert_type`` pins the exact type mypy sees. Each ``# type: ignore[code]`` line is a
mistake mypy must report: ``--strict`` includes ``warn_unused_ignores``, so if the error ever
went away (a ``plain`` widened to ``Any``) the ignore would be unused and CI would fail.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from typing_extensions import assert_type

import attio
from attio.values import (
    ActorReferenceValue,
    BaseValue,
    CheckboxValue,
    CurrencyValue,
    DateValue,
    DomainValue,
    EmailAddressValue,
    InteractionValue,
    LocationValue,
    NumberValue,
    PersonalNameValue,
    PhoneNumberValue,
    RatingValue,
    RecordReferenceValue,
    SelectValue,
    StatusValue,
    TextValue,
    TimestampValue,
    UnknownValue,
)


def plain_types(
    text: TextValue,
    number: NumberValue,
    checkbox: CheckboxValue,
    currency: CurrencyValue,
    date: DateValue,
    timestamp: TimestampValue,
    rating: RatingValue,
    status: StatusValue,
    select: SelectValue,
    reference: RecordReferenceValue,
    actor: ActorReferenceValue,
    location: LocationValue,
    domain: DomainValue,
    email: EmailAddressValue,
    phone: PhoneNumberValue,
    interaction: InteractionValue,
    name: PersonalNameValue,
    unknown: UnknownValue,
    base: BaseValue,
) -> None:
    assert_type(text.plain, str)
    assert_type(number.plain, int | float)
    assert_type(checkbox.plain, bool)
    assert_type(currency.plain, Decimal)
    assert_type(date.plain, datetime.date | str)
    assert_type(timestamp.plain, datetime.datetime)
    assert_type(rating.plain, int | float)
    assert_type(status.plain, str | None)
    assert_type(select.plain, str | None)
    assert_type(reference.plain, str)
    assert_type(actor.plain, str | None)
    assert_type(location.plain, str)
    assert_type(domain.plain, str)
    assert_type(email.plain, str)
    assert_type(phone.plain, str)
    assert_type(interaction.plain, datetime.datetime)
    assert_type(name.plain, str)
    assert_type(unknown.plain, Any)
    assert_type(base.plain, object)


_AT = attio.Timestamp("2023-01-01T15:00:00.000000000Z")
_BY = attio.Actor(type="system", id=None)


def built_values() -> None:
    text = TextValue(
        active_from=_AT, active_until=None, created_by_actor=_BY, attribute_type="text", value="x"
    )
    assert_type(text.plain, str)
    currency = CurrencyValue(
        active_from=_AT,
        active_until=None,
        created_by_actor=_BY,
        attribute_type="currency",
        currency_value=1,
    )
    assert_type(currency.plain, Decimal)
    _ = TextValue(attribute_type="text", value="x")  # type: ignore[call-arg]


def typed_reads(record: attio.Record) -> None:
    email = record.first("email_addresses", EmailAddressValue)
    if email is not None:
        assert_type(email.plain, str)
        assert_type(email.active_from, attio.Timestamp)
        assert_type(email.active_until, attio.Timestamp | None)
        assert_type(email.created_by_actor, attio.Actor)
    assert_type([v.plain for v in record.values_of("e", NumberValue)], list[int | float])
    for value in record.values_of("e", BaseValue):
        assert_type(value.active_from, attio.Timestamp | None)  # an UnknownValue may lack it


def validation_issues(error: attio.AttioError) -> None:
    issues = error.validation_errors
    assert_type(issues, list[attio.ValidationIssue])
    assert_type(issues[0].path, list[str | int] | None)
    assert_type(issues[0].code, str | None)
    assert_type(issues[0].message, str | None)
    assert_type(issues[0].expected, str | None)
    assert_type(issues[0].received, str | None)
    assert_type(issues[0]["options"], Any)
    assert_type(issues[0].raw, Any)
    assert_type(attio.ValidationIssue.from_item({"path": ["data"]}), attio.ValidationIssue)
    assert_type(error.code, str)  # "" when the body had none
    assert_type(error.message, str)
    assert_type(error.code.upper(), str)


def mistakes(
    error: attio.AttioError, location: LocationValue, text: TextValue, currency: CurrencyValue
) -> None:
    _ = text.plain + 1  # type: ignore[operator]
    _ = currency.plain + "x"  # type: ignore[operator]
    _ = location.plain.coordinates  # type: ignore[attr-defined]
    _ = error.validation_errors[0].path + "x"  # type: ignore[operator]
    _ = error.validation_errors[0].message.upper()  # type: ignore[union-attr]
