"""Placeholder: being written."""

from ._models import AttioModel

__all__ = ["List", "ListId"]


class List(AttioModel):
    """Placeholder."""


class ListId(AttioModel):
    """Placeholder."""
