"""Typed reading, checked by mypy (not run): ``mypy --strict attio tests`` in CI.

Each ``assert_type`` pins the exact type mypy sees. Each ``# type: ignore[code]`` line is a
mistake mypy must report: ``--strict`` includes ``warn_unused_ignores``, so if the error ever
went away (an overload widened to ``Any``) the ignore would be unused and CI would fail.
"""

from __future__ import annotations

from typing_extensions import assert_type

import attio
from attio.values import AttributeValue, BaseValue, EmailAddressValue, TextValue, UnknownValue


def typed_reads(record: attio.Record, entry: attio.Entry) -> None:
    assert_type(record.first("e", EmailAddressValue), EmailAddressValue | None)
    assert_type(record.values_of("e", EmailAddressValue), list[EmailAddressValue])
    assert_type(record.values_of("e", EmailAddressValue, historic=True), list[EmailAddressValue])
    assert_type(entry.first("e", TextValue), TextValue | None)
    assert_type(entry.values_of("e", TextValue), list[TextValue])
    assert_type(record.first("e", UnknownValue), UnknownValue | None)
    assert_type(record.values_of("e", BaseValue), list[BaseValue])

    email = record.first("e", EmailAddressValue)
    assert email is not None
    assert_type(email, EmailAddressValue)
    assert_type(email.email_address, str)
    for each in record.values_of("e", EmailAddressValue):
        assert_type(each.original_email_address, str)


def required_fields(record: attio.Record) -> None:
    email = record.first("email_addresses", EmailAddressValue)
    assert email is not None
    assert_type(email.email_address, str)
    assert_type(email.plain, str)
    assert_type(email.active_from, attio.Timestamp)
    assert_type(email.created_by_actor, attio.Actor)


def untyped_reads(record: attio.Record, entry: attio.Entry) -> None:
    assert_type(record.first("e"), AttributeValue | None)
    assert_type(record.values_of("e"), list[AttributeValue])
    assert_type(record.values_of("e", historic=True), list[AttributeValue])
    assert_type(entry.first("e"), AttributeValue | None)
    assert_type(entry.values_of("e", historic=False), list[AttributeValue])


def mistakes(record: attio.Record, email_value: EmailAddressValue) -> None:
    record.first("e", int)  # type: ignore[type-var]
    record.values_of("e", str)  # type: ignore[type-var]
    record.values_of("e", EmailAddressValue, True)  # type: ignore[call-overload]
    record.first("e", email_value)  # type: ignore[call-overload]
    email = record.first("e", EmailAddressValue)
    _ = email.email_address  # type: ignore[union-attr]
    text = record.first("e", TextValue)
    assert text is not None
    _ = text.email_address  # type: ignore[attr-defined]
