"""Placeholder: being written."""

from ._models import AttioModel

__all__ = ["Record", "RecordEntry", "RecordId", "SearchResult"]


class Record(AttioModel):
    """Placeholder."""


class RecordId(AttioModel):
    """Placeholder."""


class RecordEntry(AttioModel):
    """Placeholder."""


class SearchResult(AttioModel):
    """Placeholder."""
