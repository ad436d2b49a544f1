"""Placeholder: being written."""

from ._models import AttioModel

__all__ = ["Comment"]


class Comment(AttioModel):
    """Placeholder."""
