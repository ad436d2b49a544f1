"""Placeholder: being written."""

from ._models import AttioModel

__all__ = ["Note"]


class Note(AttioModel):
    """Placeholder."""
