"""Placeholder: being written."""

from ._models import AttioModel

__all__ = ["Thread"]


class Thread(AttioModel):
    """Placeholder."""
