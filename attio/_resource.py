"""Small helpers shared by the resource modules."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

__all__ = ["MISSING", "body", "drop_missing", "seg", "timestamp_text"]


def seg(value: object) -> str:
    """One path segment, percent-encoded (slugs, ids, option titles with spaces or slashes)."""
    text = str(value)
    if not text:
        raise ValueError("a path identifier must not be empty")
    return quote(text, safe="")


MISSING: Any = type(
    "Missing", (), {"__repr__": lambda self: "MISSING", "__bool__": lambda self: False}
)()
"""Sentinel for "argument not given": such fields are not sent (``None`` is sent as null)."""


def drop_missing(fields: Mapping[str, Any]) -> dict[str, Any]:
    """``fields`` without the ones left at :data:`MISSING`."""
    return {k: v for k, v in fields.items() if v is not MISSING}


def body(**fields: Any) -> dict[str, Any]:
    """Attio's ``{"data": {...}}`` envelope around the given fields (MISSING ones dropped)."""
    return {"data": drop_missing(fields)}


def timestamp_text(value: Any) -> Any:
    """``datetime``/``date`` as Attio's ISO text (naive means UTC); anything else unchanged."""
    from ._models import Timestamp

    if isinstance(value, (_dt.datetime, _dt.date)):
        return str(Timestamp(value))
    return value
