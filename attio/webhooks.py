"""Placeholder: being written."""

from ._models import AttioModel

__all__ = ["Webhook"]


class Webhook(AttioModel):
    """Placeholder."""
