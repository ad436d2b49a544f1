"""Placeholder: being written."""

from ._models import AttioModel

__all__ = [
    "ActorReferenceValue",
    "AttributeValue",
    "CheckboxValue",
    "CurrencyValue",
    "DateValue",
    "DomainValue",
    "EmailAddressValue",
    "InteractionValue",
    "LocationValue",
    "NumberValue",
    "PersonalNameValue",
    "PhoneNumberValue",
    "RatingValue",
    "RecordReferenceValue",
    "SelectValue",
    "StatusValue",
    "TextValue",
    "TimestampValue",
    "UnknownValue",
]


class AttributeValue(AttioModel):
    """Placeholder."""


class TextValue(AttioModel):
    """Placeholder."""


class NumberValue(AttioModel):
    """Placeholder."""


class CheckboxValue(AttioModel):
    """Placeholder."""


class CurrencyValue(AttioModel):
    """Placeholder."""


class DateValue(AttioModel):
    """Placeholder."""


class TimestampValue(AttioModel):
    """Placeholder."""


class RatingValue(AttioModel):
    """Placeholder."""


class StatusValue(AttioModel):
    """Placeholder."""


class SelectValue(AttioModel):
    """Placeholder."""


class RecordReferenceValue(AttioModel):
    """Placeholder."""


class ActorReferenceValue(AttioModel):
    """Placeholder."""


class LocationValue(AttioModel):
    """Placeholder."""


class DomainValue(AttioModel):
    """Placeholder."""


class EmailAddressValue(AttioModel):
    """Placeholder."""


class PhoneNumberValue(AttioModel):
    """Placeholder."""


class InteractionValue(AttioModel):
    """Placeholder."""


class PersonalNameValue(AttioModel):
    """Placeholder."""


class UnknownValue(AttioModel):
    """Placeholder."""
