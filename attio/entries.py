"""Placeholder: being written."""

from ._models import AttioModel

__all__ = ["Entry", "EntryId"]


class Entry(AttioModel):
    """Placeholder."""


class EntryId(AttioModel):
    """Placeholder."""
