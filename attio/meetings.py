"""Placeholder: being written."""

from ._models import AttioModel

__all__ = ["CallRecording", "Meeting", "Transcript"]


class Meeting(AttioModel):
    """Placeholder."""


class CallRecording(AttioModel):
    """Placeholder."""


class Transcript(AttioModel):
    """Placeholder."""
