"""Old home of the resource helpers (now in :mod:`attio._request` and :mod:`attio._sentinel`)."""

from __future__ import annotations

from typing import Any

from ._request import body, seg, timestamp_text
from ._sentinel import NOT_GIVEN, drop_not_given

__all__ = ["MISSING", "body", "drop_missing", "seg", "timestamp_text"]

MISSING: Any = NOT_GIVEN
drop_missing = drop_not_given
