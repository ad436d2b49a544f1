"""The I/O-free request value that both clients execute, and how its parts are encoded.

An endpoint's declaration builds a :class:`Request` (method, path, query, JSON body, how to
parse the answer, whether repeating it is safe); :class:`attio.Client` and
:class:`attio.AsyncClient` only send it and sleep between attempts. Here too: :func:`seg`, the
one check every path parameter goes through, :func:`check_path`, and the JSON encoder (exact
``Decimal`` digits, UTC ``Z`` datetimes, bounded errors). Parsers live in
:mod:`attio._parsing`, paging in :mod:`attio._pagination`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import json
from collections.abc import Callable, Mapping
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import quote, unquote
from uuid import UUID

from pydantic import BaseModel

from ._exceptions import PathParameterError, RequestBodyError, clip
from ._models import Timestamp
from ._sentinel import NOT_GIVEN, NotGiven, drop_not_given

T = TypeVar("T")
M = TypeVar("M")

__all__ = [
    "Request",
    "WriteCheck",
    "body",
    "check_path",
    "encode_json",
    "seg",
    "timestamp_text",
    "update_body",
]

HTTPMethod = Literal["GET", "POST", "PUT", "PATCH", "DELETE"]

_IDEMPOTENT_METHODS = frozenset({"GET", "PUT", "DELETE", "HEAD", "OPTIONS"})


@dataclasses.dataclass(frozen=True, slots=True)
class WriteCheck:
    """What a record or entry write would write, for a client's ``validate_writes`` check.

    ``target`` is ``"objects"`` (a record's ``values``) or ``"lists"`` (an entry's
    ``entry_values``), ``identifier`` the object's or list's slug or id, ``values`` the mapping
    as the caller gave it (before encoding). Checking it needs the schema of
    ``target``/``identifier``: see :meth:`attio.ObjectSchema.check`.
    """

    target: Literal["objects", "lists"]
    identifier: str
    values: Mapping[str, Any]


@dataclasses.dataclass(frozen=True, slots=True)
class Request(Generic[T]):
    """One Attio call, free of I/O.

    ``parse`` turns the raw 2xx body (``b""`` for a 204) into the result. ``retry_safe`` says
    whether a 5xx or a lost connection may be retried: by default GET, PUT and DELETE are safe,
    POST and PATCH are not; the read-only POSTs (records/entries query, search) set it.
    ``write_check`` describes a record/entry write for a client created with
    ``validate_writes=True``, which checks it against the schema before sending.

    A body that is not JSON (a multipart upload) is ``content``, the exact bytes to send,
    with its ``content_type``; they are built once, so every attempt sends the same bytes.
    ``redirect``: the answer is a redirect whose target is the result (a download link), so
    ``parse`` gets the ``Location`` (resolved against the request URL) as UTF-8 bytes instead
    of the body; an answer that is not a redirect gives it ``b""``.
    """

    method: HTTPMethod
    path: str
    parse: Callable[[bytes], T]
    params: Mapping[str, Any] | None = None
    json: Any = NOT_GIVEN
    retry_safe: bool | None = None
    write_check: WriteCheck | None = dataclasses.field(default=None, compare=False, repr=False)
    content: bytes | None = dataclasses.field(default=None, repr=False)
    content_type: str | None = None
    redirect: bool = False

    def __post_init__(self) -> None:
        check_path(self.path)
        if self.content is not None:
            if not isinstance(self.content, bytes):
                raise TypeError(f"content must be bytes, got {type(self.content).__name__}")
            if not isinstance(self.json, NotGiven):
                raise ValueError("a request has a JSON body or raw content, not both")
            if not isinstance(self.content_type, str) or not self.content_type:
                raise ValueError("raw content needs its content_type")

    @property
    def idempotent(self) -> bool:
        """Whether repeating this request after the server may have seen it is safe."""
        if self.retry_safe is not None:
            return self.retry_safe
        return self.method in _IDEMPOTENT_METHODS

    @property
    def is_read(self) -> bool:
        """A read for Attio's rate limits: a GET or a read-only POST (query, search)."""
        return self.method == "GET" or (self.method == "POST" and self.retry_safe is True)

    def query_params(self) -> dict[str, str]:
        """Query parameters as Attio expects them: ``true``/``false``, no ``None``."""
        out: dict[str, str] = {}
        for key, value in (self.params or {}).items():
            if value is None:
                continue
            if isinstance(value, bool):
                out[key] = "true" if value else "false"
            elif isinstance(value, (list, tuple)):
                out[key] = ",".join(str(v) for v in value)
            else:
                out[key] = str(value)
        return out

    def body_bytes(self) -> bytes | None:
        """The raw ``content``, else the JSON body (compact UTF-8); ``None`` when there is none."""
        if self.content is not None:
            return self.content
        if isinstance(self.json, NotGiven):
            return None
        return encode_json(self.json)

    def body_type(self) -> str | None:
        """The body's ``Content-Type``: ``content_type`` for raw content, JSON's otherwise
        (``None`` when the request has no body)."""
        if self.content is not None:
            return self.content_type
        return None if isinstance(self.json, NotGiven) else "application/json"


# --------------------------------------------------------------------------- path parameters

_DOT_SEGMENTS = frozenset({".", ".."})


def _decoded(text: str) -> str:
    # Decode until stable (bounded), so "%252e%252e" cannot hide a dot segment either.
    for _ in range(4):
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    return text


def seg(value: object, name: str = "path parameter") -> str:
    """One path segment, percent-encoded (slugs, ids, option titles with spaces or slashes).

    The one check every path parameter goes through: it must be a non-empty ``str`` (or a
    ``UUID``), and neither ``.`` nor ``..`` once percent-decoded, so that no argument can change
    which endpoint is called. ``None`` or another type is a ``TypeError``; a bad string is an
    :class:`attio.PathParameterError` (a ``ValueError``). Raised before any request.
    """
    if isinstance(value, UUID):
        value = str(value)
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be a str, got {type(value).__name__}: {clip(repr(value), 80)}"
        )
    if not value:
        raise PathParameterError(f"{name} must not be empty")
    if _decoded(value).strip() in _DOT_SEGMENTS:
        raise PathParameterError(
            f"{name} {clip(repr(value), 80)} is a dot segment: it would change the endpoint"
        )
    return quote(value, safe="")


def check_path(path: str) -> None:
    """Refuse a request path whose segments are empty or dot segments (after decoding).

    :func:`seg` already refuses such parameters; this is the last line, on every request.
    """
    if not isinstance(path, str) or not path.startswith("/v2/"):
        raise PathParameterError(f"Attio paths start with /v2/, got {clip(repr(path), 120)}")
    if "?" in path or "#" in path:
        raise PathParameterError(f"request path {clip(repr(path), 120)} has a query or fragment")
    for part in path[4:].split("/"):
        if not part or _decoded(part).strip() in _DOT_SEGMENTS:
            raise PathParameterError(
                f"request path {clip(repr(path), 120)} has an empty or dot segment"
            )


# --------------------------------------------------------------------------- JSON bodies


def body(**fields: Any) -> dict[str, Any]:
    """Attio's ``{"data": {...}}`` envelope around the given fields (``NOT_GIVEN`` ones dropped)."""
    return {"data": drop_not_given(fields)}


def update_body(operation: str, **fields: Any) -> dict[str, Any]:
    """The ``{"data": {...}}`` body of an ``update`` (fields left at ``NOT_GIVEN`` dropped).

    An update that gives no field at all is a ``ValueError`` before any request (Attio would
    answer 400): ``operation`` and the updatable ``fields`` name what could have been given.
    """
    payload = body(**fields)
    if not payload["data"]:
        raise ValueError(
            f"{operation}: nothing to update; give at least one of {', '.join(fields)}"
        )
    return payload


def timestamp_text(value: Any) -> Any:
    """``datetime``/``date`` as Attio's ISO text (naive means UTC); anything else unchanged."""
    if isinstance(value, (_dt.datetime, _dt.date)):
        return str(Timestamp(value))
    return value


def _json_default(value: Any, decimals: list[str]) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_unset=True)
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise RequestBodyError(f"cannot send {value} to Attio: JSON has no NaN or infinity")
        # A placeholder, replaced by the exact digits once the JSON text is built.
        decimals.append(format(value, "f") if abs(value.adjusted()) < 30 else str(value))
        return _DECIMAL_MARK
    if isinstance(value, _dt.datetime):
        return str(Timestamp(value))  # naive means UTC; aware converted to UTC "Z"
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(
        f"cannot send a {type(value).__name__} to Attio as JSON: {clip(repr(value), 200)}"
    )


_DECIMAL_MARK = "\x00attio-decimal\x00"
_DECIMAL_MARK_JSON = json.dumps(_DECIMAL_MARK)


def encode_json(value: Any) -> bytes:
    """Compact JSON for Attio: models dump by API names, ``Decimal`` keeps its exact digits,
    ``datetime`` becomes UTC ISO text with ``Z`` (naive means UTC), dates ISO, UUIDs text."""
    decimals: list[str] = []
    try:
        text = json.dumps(
            value,
            default=lambda v: _json_default(v, decimals),
            ensure_ascii=False,
            separators=(",", ":"),
            allow_nan=False,
        )
    except RecursionError:
        raise RequestBodyError("the request body is nested too deeply to send as JSON") from None
    except ValueError as exc:  # NaN or infinity (allow_nan=False), a non-finite Decimal
        if isinstance(exc, RequestBodyError):
            raise
        raise RequestBodyError(
            f"the request body cannot be sent as JSON: {clip(exc, 200)}"
        ) from None
    if decimals:
        pieces = text.split(_DECIMAL_MARK_JSON)
        if len(pieces) != len(decimals) + 1:  # pragma: no cover - the mark in user text
            raise ValueError("cannot encode Decimal values next to the reserved marker text")
        out = [pieces[0]]
        for digits, rest in zip(decimals, pieces[1:], strict=True):
            out.append(digits)
            out.append(rest)
        text = "".join(out)
    return text.encode("utf-8")
