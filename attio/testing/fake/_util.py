"""Small helpers of FakeAttio: ids, clock, timestamps, body checks, paging."""

from __future__ import annotations

import base64
import random
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from ._errors import AttioFakeError, payload_error, validation

JSON = dict[str, Any]

EPOCH = datetime(2024, 1, 1, 9, 0, tzinfo=timezone.utc)


class TickingClock:
    """A deterministic clock: starts at ``start`` and moves ``step`` forward on every reading."""

    def __init__(self, start: datetime = EPOCH, step: timedelta = timedelta(milliseconds=1)):
        self._now = start
        self._step = step
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            now = self._now
            self._now += self._step
            return now


class IdGenerator:
    """UUID4-shaped ids from a seeded random generator (reproducible runs)."""

    def __init__(self, seed: int | str | None) -> None:
        self._rng = random.Random(seed)

    def uuid(self) -> str:
        """A new random-looking UUID."""
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def hex(self, nbytes: int) -> str:
        """``nbytes`` random bytes as lowercase hex (webhook secrets, execution ids)."""
        return self._rng.getrandbits(nbytes * 8).to_bytes(nbytes, "big").hex()


def iso(moment: datetime) -> str:
    """Attio's timestamp format: UTC with 9 fractional digits, ``...000Z``."""
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + f".{moment.microsecond:06d}000Z"


def parse_timestamp(text: str) -> datetime | None:
    """Read an ISO-8601 string ("2023", "2023-01-02T13:00", with offset or ``Z``...) as UTC."""
    text = text.strip()
    if not text:
        return None
    if len(text) == 4 and text.isdigit():
        text += "-01-01"
    elif len(text) == 7 and text[4] == "-":
        text += "-01"
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    head, sep, rest = text.partition(".")
    if sep:  # trim sub-microsecond digits, which fromisoformat refuses on 3.10
        digits = ""
        while rest and rest[0].isdigit():
            digits, rest = digits + rest[0], rest[1:]
        text = f"{head}.{(digits + '000000')[:6]}{rest}"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


# ---------------------------------------------------------------------- request bodies

MAX_BODY_DEPTH = 128
"""How deeply a JSON body may nest (objects and arrays) before FakeAttio refuses it with a 400.

Attio's bodies nest a few levels (a filter of nested ``$and``/``$or`` a few dozen at most);
the cap keeps every walk over a body (decoding, validation, filters, copies, encoding the
answer) far from Python's recursion limit."""


_CONTAINERS = (dict, list, tuple)


def too_deep(value: Any, limit: int = MAX_BODY_DEPTH) -> bool:
    """Whether ``value`` nests more than ``limit`` objects/arrays deep (an iterative walk, so
    any depth is measured without recursion)."""
    if not isinstance(value, _CONTAINERS):
        return False
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, _CONTAINERS))
    return False


def nested_too_deeply(what: str = "body", limit: int = MAX_BODY_DEPTH) -> AttioFakeError:
    """Attio's 400 ``validation_type`` for a body (or a filter) nested beyond ``limit``."""
    return validation(
        f"Body payload validation error: the {what} is nested too deeply (at most {limit} levels)."
    )


def data_of(body: Any) -> JSON:
    """``body["data"]`` as an object, or Attio's payload validation error."""
    if not isinstance(body, dict) or "data" not in body:
        raise payload_error(["data"], "object")
    data = body["data"]
    if not isinstance(data, dict):
        raise payload_error(["data"], "object", type_name(data), "Expected object")
    return data


def type_name(value: Any) -> str:
    """The zod-style name of a JSON value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def check_fields(
    data: Mapping[str, Any],
    required: Mapping[str, str],
    optional: Mapping[str, str] | None = None,
    prefix: Sequence[str | int] = ("data",),
) -> None:
    """Check types of fields (``"string"``, ``"string|null"``...); one 400 listing every problem."""
    errors: list[JSON] = []
    for fields, must in ((required, True), (optional or {}, False)):
        for name, expected in fields.items():
            kinds = expected.split("|")
            if name not in data:
                if must:
                    errors.append(_invalid([*prefix, name], expected, "undefined", "Required"))
                continue
            value = data[name]
            if value is None and "null" in kinds:
                continue
            if not any(_CHECKS[k](value) for k in kinds if k != "null"):
                errors.append(
                    _invalid([*prefix, name], expected, type_name(value), "Expected " + expected)
                )
    if errors:
        raise validation("Body payload validation error.", errors)


def _invalid(path: list[str | int], expected: str, received: str, message: str) -> JSON:
    return {
        "code": "invalid_type",
        "path": path,
        "message": message,
        "expected": expected.replace("|", " | "),
        "received": received,
    }


# ---------------------------------------------------------------------- paging


def int_param(
    raw: Any,
    name: str,
    *,
    default: int | None,
    minimum: int = 0,
    maximum: int | None = None,
    where: str = "query",
) -> int | None:
    """A ``limit``/``offset`` from the query string or JSON body, validated like Attio does."""
    if raw is None:
        return default
    value: Any = raw
    if isinstance(raw, str):
        try:
            value = int(raw)
        except ValueError:
            value = None
    if not isinstance(value, int) or isinstance(value, bool):
        raise validation(
            f"Invalid {where} parameter: {name}.",
            [_invalid([name], "number", type_name(raw), "Expected number")],
        )
    if value < minimum:
        raise validation(
            f"Invalid {where} parameter: {name}.", [_bound(name, "too_small", minimum)]
        )
    if maximum is not None and value > maximum:
        raise validation(f"Invalid {where} parameter: {name}.", [_bound(name, "too_big", maximum)])
    return value


def _bound(name: str, code: str, bound: int) -> JSON:
    word = "greater" if code == "too_small" else "less"
    key = "minimum" if code == "too_small" else "maximum"
    return {
        "code": code,
        key: bound,
        "type": "number",
        "inclusive": True,
        "exact": False,
        "message": f"Number must be {word} than or equal to {bound}",
        "path": [name],
    }


def window(items: Sequence[Any], limit: int | None, offset: int | None) -> list[Any]:
    """``items[offset:offset+limit]``."""
    start = offset or 0
    return list(items[start:] if limit is None else items[start : start + limit])


def encode_cursor(offset: int) -> str:
    """An opaque cursor for offset ``offset``."""
    return base64.urlsafe_b64encode(f"fake-cursor:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The offset behind a cursor (400 ``validation_type`` for a cursor we did not issue)."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = text.partition(":")
        if prefix != "fake-cursor":
            raise ValueError(text)
        return int(number)
    except (ValueError, UnicodeDecodeError) as exc:
        raise validation(f'Invalid cursor "{cursor}".') from exc


def cursor_page(items: Sequence[Any], limit: int, cursor: str | None) -> JSON:
    """``{"data": page, "pagination": {"next_cursor": ...}}``."""
    start = decode_cursor(cursor)
    page = list(items[start : start + limit])
    more = start + limit < len(items)
    return {
        "data": page,
        "pagination": {"next_cursor": encode_cursor(start + limit) if more else None},
    }


def query_bool(raw: str | None, name: str) -> bool | None:
    """A ``true``/``false`` query parameter."""
    if raw is None:
        return None
    if raw in ("true", "false"):
        return raw == "true"
    raise validation(
        f"Invalid query parameter: {name}.",
        [_invalid([name], "boolean", "string", "Expected boolean")],
    )


def not_available(what: str) -> AttioFakeError:
    """400 for something FakeAttio does not emulate (kept explicit rather than wrong)."""
    return validation(f"{what} is not supported by FakeAttio.")
