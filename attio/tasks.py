"""Placeholder: being written."""

from ._models import AttioModel

__all__ = ["Task"]


class Task(AttioModel):
    """Placeholder."""
