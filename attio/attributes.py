"""Placeholder: being written."""

from ._models import AttioModel

__all__ = ["Attribute", "AttributeId", "SelectOption", "Status"]


class Attribute(AttioModel):
    """Placeholder."""


class AttributeId(AttioModel):
    """Placeholder."""


class SelectOption(AttioModel):
    """Placeholder."""


class Status(AttioModel):
    """Placeholder."""
