"""The exception tree and the ``AttioError`` model of Attio's error body (API.md §5).

Building an exception never raises: whatever Attio (or a proxy in front of it) answered, the
caller gets the right class, with ``error=None`` when the body was not Attio's JSON.
"""

from __future__ import annotations

import datetime
import email.utils
import json
import math
import re
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx
from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    ValidationError,
    model_serializer,
)

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AttioError",
    "AttioException",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PaginationError",
    "PathParameterError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestBodyError",
    "ResponseValidationError",
    "UnprocessableEntityError",
    "ValidationIssue",
]


def _issue_path(value: object) -> list[str | int]:
    if not isinstance(value, list) or not all(
        isinstance(part, str) or (isinstance(part, int) and not isinstance(part, bool))
        for part in value
    ):
        raise TypeError("a path is a list of str and int")
    return list(value)


def _issue_text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a str")
    return value


# The known fields of a validation issue and how each is read (plain checks: no pydantic
# schema is built for errors, which keeps importing and first use cheap).
_ISSUE_FIELDS: dict[str, Callable[[object], Any]] = {
    "path": _issue_path,
    "code": _issue_text,
    "message": _issue_text,
    "expected": _issue_text,
    "received": _issue_text,
}


class ValidationIssue(BaseModel):
    """One zod-style item of :attr:`AttioError.validation_errors`.

    ``{"path": ["data", "values", 0], "code": "invalid_type", "message": "Required",
    "expected": "object", "received": "undefined"}``: every field is optional; any other key
    (``options``, ``keys``, ``minimum``, anything Attio adds later) is kept in ``model_extra``.

    Read leniently (:meth:`from_item` never raises): a known field of an unexpected type
    (``"path": "data"``, ``"expected": 5``) reads as ``None``; an item that is not an object
    keeps no field at all. Whatever was read, :attr:`raw` is the item exactly as Attio sent it,
    ``issue["key"]``/``issue.get("key")``/``"key" in issue`` read that item, and an issue
    compares equal to it (``error.validation_errors == body["validation_errors"]``).
    """

    model_config = ConfigDict(extra="allow", defer_build=True)

    path: list[str | int] | None = None
    code: str | None = None
    message: str | None = None
    expected: str | None = None
    received: str | None = None

    _raw: tuple[Any] | None = PrivateAttr(default=None)  # (the item,) when read from one

    @classmethod
    def from_item(cls, item: object) -> ValidationIssue:
        """The issue read from one item of Attio's ``validation_errors``. Never raises."""
        fields: dict[str, Any] = dict.fromkeys(_ISSUE_FIELDS)
        fields_set: set[str] = set()
        extra: dict[str, Any] = {}
        if isinstance(item, Mapping) and all(isinstance(key, str) for key in item):
            for key, value in item.items():
                read = _ISSUE_FIELDS.get(key)
                if read is None:
                    extra[key] = value
                    continue
                try:
                    fields[key] = read(value)
                except TypeError:
                    continue
                fields_set.add(key)
        issue = cls.__new__(cls)
        object.__setattr__(issue, "__dict__", fields)
        object.__setattr__(issue, "__pydantic_fields_set__", fields_set)
        object.__setattr__(issue, "__pydantic_extra__", extra)
        object.__setattr__(issue, "__pydantic_private__", {"_raw": (item,)})
        return issue

    @property
    def raw(self) -> Any:
        """The item exactly as Attio sent it (for an issue built from one; else its dump)."""
        private: dict[str, Any] | None = self.__pydantic_private__
        if private and private.get("_raw") is not None:
            return private["_raw"][0]
        return self.model_dump(exclude_unset=True)

    def _mapping(self) -> Mapping[str, Any]:
        raw = self.raw
        return raw if isinstance(raw, Mapping) else {}

    def __getitem__(self, key: str) -> Any:
        """``issue["path"]``: the key of the item as Attio sent it (``KeyError`` if absent)."""
        return self._mapping()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._mapping()

    def get(self, key: str, default: Any = None) -> Any:
        """``issue.get("options")``: the key of the item as Attio sent it, else ``default``."""
        return self._mapping().get(key, default)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ValidationIssue):
            return bool(self.raw == other.raw)
        private: dict[str, Any] | None = self.__pydantic_private__
        if isinstance(other, Mapping) or (private and private.get("_raw") is not None):
            return bool(self.raw == other)
        return NotImplemented


class AttioError(BaseModel):
    """Attio's error body: ``{"status_code", "type", "code", "message", ...}``.

    Every extra field (``validation_errors`` on 400s, anything Attio adds later) is kept and
    dumped again. The spec's ``statusCode`` spelling is accepted on input.
    """

    model_config = ConfigDict(
        extra="allow", serialize_by_alias=True, validate_by_name=True, defer_build=True
    )

    status_code: int | None = Field(
        default=None, validation_alias=AliasChoices("status_code", "statusCode")
    )
    type: str | None = None
    code: str = ""
    """Attio's machine-readable code (``"value_not_found"``, ...); ``""`` when the body had none."""
    message: str = ""
    """Attio's human-readable message; ``""`` when the body had none."""

    @model_serializer(mode="wrap")
    def _dump_as_received(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # ``code``/``message`` default to "" so they are always ``str``; a body that had
        # neither is dumped again without them (the round trip stays exact).
        dumped: dict[str, Any] = handler(self)
        for name in ("code", "message"):
            if name not in self.model_fields_set:
                dumped.pop(name, None)
        return dumped

    @property
    def validation_errors(self) -> list[ValidationIssue]:
        """The zod-style ``validation_errors`` Attio adds to some 400s, one
        :class:`ValidationIssue` per item, in order (``[]`` when absent or not a list).

        Read from the body on each access, never raising; the body itself is kept unchanged
        (``model_dump`` gives back Attio's ``validation_errors`` exactly).
        """
        extra = self.__pydantic_extra__ or {}
        found = extra.get("validation_errors")
        if not isinstance(found, list):
            return []
        return [ValidationIssue.from_item(item) for item in found]


MAX_MESSAGE_CHARS = 4000
"""``str()`` of any exception of this library is at most this long (the body stays on it)."""

_TEXT_CLIP = 1000


def clip(text: object, limit: int = _TEXT_CLIP) -> str:
    """``text`` as ``str``, cut to ``limit`` characters with a note of how much was cut."""
    value = text if isinstance(text, str) else str(text)
    if len(value) <= limit:
        return value
    return f"{value[:limit]}... [{len(value) - limit} more characters]"


# Attributes that never travel in a pickle or copy: they may reach the API key (the request
# headers of a response, a client).
_UNPICKLED = frozenset({"response", "client", "request"})


def _rebuild(cls: type[AttioException], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(state)
    return exc


class AttioException(Exception):
    """Base class of every exception this library raises.

    Every one pickles and copies (process pools, ``multiprocessing``): the copy keeps the
    message and the attributes (status, code, message, request id, body) but never the
    ``response`` (its request carries the API key) or a client; ``str()`` is bounded
    (:data:`MAX_MESSAGE_CHARS`).
    """

    def __init__(self, *args: object) -> None:
        if args and isinstance(args[0], str) and len(args[0]) > MAX_MESSAGE_CHARS:
            args = (clip(args[0], MAX_MESSAGE_CHARS - 60), *args[1:])
        super().__init__(*args)

    def __reduce__(self) -> tuple[Any, ...]:
        state = {k: v for k, v in self.__dict__.items() if k not in _UNPICKLED}
        for name in _UNPICKLED:
            if name in self.__dict__:
                state[name] = None
        return (_rebuild, (type(self), self.args, state))

    def __copy__(self) -> AttioException:
        return _rebuild(type(self), self.args, dict(self.__dict__))  # type: ignore[no-any-return]

    def __deepcopy__(self, memo: dict[int, Any]) -> AttioException:
        return self.__copy__()


class ConfigurationError(AttioException):
    """The client was set up wrongly (no API key, bad options); raised before any request."""


class PathParameterError(AttioException, ValueError):
    """A path parameter (id, slug, object, list, attribute, option or status) that could change
    the endpoint called: empty, ``.`` or ``..`` (also percent-encoded). Raised before any
    request. A path parameter that is not a string at all (``None``) is a ``TypeError``."""


class RequestBodyError(AttioException, ValueError):
    """A request body that cannot be sent as JSON: nested too deeply, ``NaN`` or infinity.
    Raised before any request (a value of a type JSON has no form for is a ``TypeError``)."""


class PaginationError(AttioException, RuntimeError):
    """The server made a paginated walk loop (the same page again, a cursor cycle, an endless
    run of empty pages); ``endpoint`` names the call. Raised instead of looping forever."""

    def __init__(self, message: str, *, endpoint: str = "") -> None:
        super().__init__(message)
        self.endpoint = endpoint


class ResponseValidationError(AttioException):
    """A 2xx body that is not valid JSON or does not fit the model.

    ``body`` is the raw text (decoded on first read); ``content`` the raw bytes; ``response``
    the ``httpx.Response`` (``None`` after a pickle or copy across processes).
    """

    def __init__(
        self, message: str, *, body: str | bytes, response: httpx.Response | None = None
    ) -> None:
        super().__init__(message)
        self.content = body if isinstance(body, bytes) else body.encode("utf-8")
        self.response = response

    @property
    def body(self) -> str:
        """The raw body as text (undecodable bytes replaced)."""
        return self.content.decode("utf-8", errors="replace")


class APIConnectionError(AttioException):
    """The request did not get an answer (connection refused, reset, DNS, TLS, ...).

    ``request_sent`` is ``False`` when nothing reached the server (a connect failure), which
    makes a retry safe for every method. The httpx exception is the ``__cause__``.
    """

    def __init__(self, message: str = "Connection error.", *, request_sent: bool = True) -> None:
        super().__init__(message)
        self.request_sent = request_sent


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, write, read or pool timeout)."""

    def __init__(self, message: str = "Request timed out.", *, request_sent: bool = True) -> None:
        super().__init__(message, request_sent=request_sent)


class APIStatusError(AttioException):
    """Attio answered with a 4xx or 5xx status.

    ``status_code``, ``error`` (the parsed :class:`AttioError`, or ``None`` for a body that was
    not Attio's JSON), ``request_id`` (the ``x-attio-execution-id`` header), ``response``
    (``None`` after a pickle or copy across processes) and ``content``/``body`` (the raw body).
    ``retry_after`` is the wait in seconds asked for by a ``Retry-After`` header (429s always
    carry one; a 503 may), else ``None``.
    """

    status_code: int
    error: AttioError | None
    request_id: str | None
    response: httpx.Response | None
    retry_after: float | None
    content: bytes

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        error: AttioError | None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.error = error
        self.request_id = response.headers.get("x-attio-execution-id")
        self.retry_after = retry_after
        try:
            self.content = response.content
        except httpx.ResponseNotRead:
            self.content = b""

    @property
    def body(self) -> str:
        """The raw error body as text (undecodable bytes replaced)."""
        return self.content.decode("utf-8", errors="replace")

    @property
    def code(self) -> str | None:
        """Attio's error ``code`` (e.g. ``"value_not_found"``), if the body had one."""
        return (self.error.code or None) if self.error else None

    @property
    def message(self) -> str | None:
        """Attio's error ``message``, if the body had one."""
        return (self.error.message or None) if self.error else None

    def is_code(self, *codes: str) -> bool:
        """Whether Attio's error ``code`` is one of ``codes``::

        except attio.ConflictError as error:
            if error.is_code("uniqueness_conflict", "slug_conflict"): ...
        """
        return self.code is not None and self.code in codes


class BadRequestError(APIStatusError):
    """400: the request was invalid (``validation_type``, ``value_not_found``, ...)."""


class AuthenticationError(APIStatusError):
    """401: the API key or access token is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the token lacks a scope, or billing/quota forbids the call."""


class NotFoundError(APIStatusError):
    """404: no such record, object, list, ... or no such route."""


class ConflictError(APIStatusError):
    """409: a uniqueness or slug conflict."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well-formed but could not be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests; ``retry_after`` is the wait Attio asked for, in seconds."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        error: AttioError | None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, response=response, error=error, retry_after=retry_after)


class InternalServerError(APIStatusError):
    """5xx: Attio (or something in front of it) failed."""


_STATUS_EXCEPTIONS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


_KNOWN_ERROR_FIELDS: dict[str, type] = {
    "status_code": int,
    "statusCode": int,
    "type": str,
    "code": str,
    "message": str,
}


MAX_ERROR_BODY = 1 << 20
"""Error bodies larger than this (1 MiB) are not parsed: Attio's are a few hundred bytes, and
decoding a huge body from a proxy would cost many times its size in memory."""


_LEADING_SPACE = re.compile(rb"[ \t\r\n]*")


def first_json_byte(content: bytes) -> bytes:
    """The first byte of a JSON body after white space (``b""`` for an empty body), cheaply."""
    end = _LEADING_SPACE.match(content)
    start = end.end() if end else 0
    return content[start : start + 1]


def parse_error_body(content: bytes) -> AttioError | None:
    """Attio's error model from a body, or ``None`` when it is not a JSON object. Never raises."""
    if len(content) > MAX_ERROR_BODY or first_json_byte(content) != b"{":
        return None
    try:
        decoded = json.loads(content)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(decoded, dict):
        return None
    try:
        return AttioError.model_validate(decoded)
    except (ValidationError, ValueError, TypeError):
        pass
    # Wrong types in known keys (a proxy's or a future Attio's body): keep every well-typed
    # field, drop the known ones that cannot be read, so ``code``/``message`` are always str.
    kept = {
        key: value
        for key, value in decoded.items()
        if key not in _KNOWN_ERROR_FIELDS
        or (isinstance(value, _KNOWN_ERROR_FIELDS[key]) and not isinstance(value, bool))
    }
    try:
        return AttioError.model_validate(kept)
    except (ValidationError, ValueError, TypeError):  # pragma: no cover - defensive
        return None


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (HTTP-date or seconds); ``None`` if unusable.

    A date in the past gives ``0.0``; a date without a zone is read as UTC (HTTP-dates are GMT).
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        if not math.isfinite(seconds):
            return None
        return max(seconds, 0.0)
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:  # pragma: no cover - older Pythons returned None
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    current = time.time() if now is None else now
    try:
        return max(parsed.timestamp() - current, 0.0)
    except (OverflowError, ValueError, OSError):  # pragma: no cover - dates beyond the platform
        return None


def make_status_error(
    response: httpx.Response, *, retry_after: float | None = None
) -> APIStatusError:
    """The typed exception for a 4xx/5xx response (whose body must already be read).

    ``retry_after`` defaults to the response's ``Retry-After`` header. Never raises.
    """
    try:
        content = response.content
    except httpx.ResponseNotRead:
        content = b""
    error = parse_error_body(content)
    status = response.status_code
    if retry_after is None:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
    reason = clip(response.reason_phrase or "", 200)
    parts = [f"{status} {reason}".strip()]
    if error is not None and error.code:
        parts.append(clip(error.code, 200))
    if error is not None and error.message:
        parts.append(clip(error.message))
    elif error is None and content:
        snippet = content[:200].decode("utf-8", errors="replace").strip()
        if snippet:
            parts.append(snippet + (f"... [{len(content)} bytes]" if len(content) > 200 else ""))
    message = ": ".join(parts)
    issues = error.validation_errors if error is not None else []
    if issues:
        first = issues[0]
        where = ".".join(str(step) for step in first.path or ())
        detail = clip(first.message, 300) if first.message else clip(first.code or "invalid", 100)
        message += f" (at {clip(where, 200) or 'the body'}: {detail}"
        message += f"; {len(issues) - 1} more)" if len(issues) > 1 else ")"
    request_id = response.headers.get("x-attio-execution-id")
    if request_id:
        message += f" (request id {clip(request_id, 200)})"
    cls = _STATUS_EXCEPTIONS.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    return cls(message, response=response, error=error, retry_after=retry_after)
