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
    assert_type(text.plain, str | None)
    assert_type(number.plain, int | float | None)
    assert_type(checkbox.plain, bool | None)
    assert_type(currency.plain, Decimal | None)
    assert_type(date.plain, datetime.date | str | None)
    assert_type(timestamp.plain, datetime.datetime | None)
    assert_type(rating.plain, int | float | None)
    assert_type(status.plain, str | None)
    assert_type(select.plain, str | None)
    assert_type(reference.plain, str | None)
    assert_type(actor.plain, str | None)
    assert_type(location.plain, str)
    assert_type(domain.plain, str | None)
    assert_type(email.plain, str | None)
    assert_type(phone.plain, str | None)
    assert_type(interaction.plain, datetime.datetime | None)
    assert_type(name.plain, str | None)
    assert_type(unknown.plain, Any)
    assert_type(base.plain, object)


def built_values() -> None:
    assert_type(TextValue(attribute_type="text", value="x").plain, str | None)
    assert_type(CurrencyValue(attribute_type="currency", currency_value=1).plain, Decimal | None)


def typed_reads(record: attio.Record) -> None:
    email = record.first("email_addresses", EmailAddressValue)
    if email is not None:
        assert_type(email.plain, str | None)
    assert_type([v.plain for v in record.values_of("e", NumberValue)], list[int | float | None])


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


def mistakes(error: attio.AttioError, location: LocationValue) -> None:
    _ = TextValue(attribute_type="text", value="x").plain + 1  # type: ignore[operator]
    _ = CurrencyValue(attribute_type="currency").plain + 1  # type: ignore[operator]
    _ = location.plain.coordinates  # type: ignore[attr-defined]
    _ = error.validation_errors[0].path + "x"  # type: ignore[operator]
    _ = error.validation_errors[0].message.upper()  # type: ignore[union-attr]
