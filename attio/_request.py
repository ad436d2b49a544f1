"""The I/O-free request value that both clients execute, and the parsers that read answers.

A resource classmethod builds a :class:`Request` once (method, path, query, JSON body, how to
parse the answer, whether repeating it is safe); :class:`attio.Client` and
:class:`attio.AsyncClient` only send it and sleep between attempts. A paginated endpoint is a
:class:`PagedRequest`: a request plus the rule that derives the next page's request.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import gc
import json
import threading
from collections.abc import Callable, Mapping
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, TypeAdapter

T = TypeVar("T")
M = TypeVar("M")

__all__ = ["NO_BODY", "PagedRequest", "Paging", "Request"]

HTTPMethod = Literal["GET", "POST", "PUT", "PATCH", "DELETE"]

_IDEMPOTENT_METHODS = frozenset({"GET", "PUT", "DELETE", "HEAD", "OPTIONS"})


class _NoBody:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_BODY"

    def __bool__(self) -> bool:
        return False


NO_BODY: Any = _NoBody()
"""Sentinel: the request has no JSON body (``None`` would mean the JSON ``null``)."""


@dataclasses.dataclass(frozen=True, slots=True)
class Request(Generic[T]):
    """One Attio call, free of I/O.

    ``parse`` turns the raw 2xx body (``b""`` for a 204) into the result. ``retry_safe`` says
    whether a 5xx or a lost connection may be retried: by default GET, PUT and DELETE are safe,
    POST and PATCH are not; the read-only POSTs (records/entries query, search) set it.
    """

    method: HTTPMethod
    path: str
    parse: Callable[[bytes], T]
    params: Mapping[str, Any] | None = None
    json: Any = NO_BODY
    retry_safe: bool | None = None

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
        """The JSON body, compact UTF-8, or ``None`` when the request has none."""
        if self.json is NO_BODY:
            return None
        return encode_json(self.json)


def _json_default(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_unset=True)
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot send a {type(value).__name__} to Attio as JSON: {value!r}")


def encode_json(value: Any) -> bytes:
    """Compact JSON for Attio; models dump by API names, Decimals as numbers, dates as ISO."""
    return json.dumps(
        value, default=_json_default, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


# --------------------------------------------------------------------------- parsing


class _GCPause:
    """Pause the cyclic garbage collector while a body is parsed (re-entrant, thread-safe).

    Building tens of thousands of small models triggers hundreds of collections that find
    nothing to free (model trees hold no cycles); pausing them makes a page parse 2-3x faster.
    The collector is re-enabled when the last concurrent parse ends, if it was on before.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(self, *exc_info: object) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._was_enabled:
                gc.enable()


gc_paused = _GCPause()
"""Context manager: no cyclic garbage collection inside (used around response parsing)."""


class _Pagination(BaseModel):
    model_config = ConfigDict(extra="ignore")
    next_cursor: str | None = None


# ``cache_strings="keys"``: pydantic-core would otherwise intern every short string value, a
# loss on pages full of unique ids and timestamps (15-25% of the parse, benchmarks/parse.py).
class _DataEnvelope(BaseModel, Generic[M]):
    model_config = ConfigDict(extra="ignore", cache_strings="keys")
    data: M


class _PagedEnvelope(BaseModel, Generic[M]):
    model_config = ConfigDict(extra="ignore", cache_strings="keys")
    data: list[M]
    pagination: _Pagination | None = None


_ADAPTERS: dict[tuple[str, Any], TypeAdapter[Any]] = {}


def _adapter(kind: str, tp: Any) -> TypeAdapter[Any]:
    """A cached ``TypeAdapter`` for ``tp`` bare, in ``{"data": tp}`` or in a page envelope."""
    key = (kind, tp)
    found = _ADAPTERS.get(key)
    if found is None:
        if kind == "data":
            found = TypeAdapter(_DataEnvelope[tp])
        elif kind == "paged":
            found = TypeAdapter(_PagedEnvelope[tp])
        else:
            found = TypeAdapter(tp)
        _ADAPTERS[key] = found
    return found


def _data_adapter(tp: Any) -> TypeAdapter[Any]:
    return _adapter("data", tp)


def _paged_adapter(tp: Any) -> TypeAdapter[Any]:
    return _adapter("paged", tp)


def _bare_adapter(tp: Any) -> TypeAdapter[Any]:
    return _adapter("bare", tp)


def parse_data(tp: type[M]) -> Callable[[bytes], M]:
    """A parser for ``{"data": <tp>}``."""

    def parse(content: bytes) -> M:
        envelope: _DataEnvelope[M] = _data_adapter(tp).validate_json(content)
        return envelope.data

    return parse


def parse_data_list(tp: type[M]) -> Callable[[bytes], list[M]]:
    """A parser for ``{"data": [<tp>, ...]}``."""

    def parse(content: bytes) -> list[M]:
        envelope: _PagedEnvelope[M] = _paged_adapter(tp).validate_json(content)
        return envelope.data

    return parse


def parse_bare(tp: type[M]) -> Callable[[bytes], M]:
    """A parser for a body that is ``<tp>`` itself (``GET /v2/self`` has no envelope)."""

    def parse(content: bytes) -> M:
        result: M = _bare_adapter(tp).validate_json(content)
        return result

    return parse


def parse_nothing(content: bytes) -> None:
    """A parser for ``{}`` or an empty 204 body: the result is ``None``."""


@dataclasses.dataclass(frozen=True, slots=True)
class RawPage(Generic[T]):
    """One parsed page: its items and, for cursor endpoints, the next cursor."""

    data: list[T]
    next_cursor: str | None = None


def parse_page(tp: type[M]) -> Callable[[bytes], RawPage[M]]:
    """A parser for ``{"data": [...], "pagination": {"next_cursor": ...}}``."""

    def parse(content: bytes) -> RawPage[M]:
        envelope: _PagedEnvelope[M] = _paged_adapter(tp).validate_json(content)
        cursor = envelope.pagination.next_cursor if envelope.pagination else None
        return RawPage(envelope.data, cursor)

    return parse


# --------------------------------------------------------------------------- paging


PagingStyle = Literal["body_offset", "query_offset", "cursor"]


@dataclasses.dataclass(frozen=True, slots=True)
class Paging:
    """How an endpoint pages.

    ``style``: ``body_offset`` (``limit``/``offset`` in the JSON body of a POST query),
    ``query_offset`` (``?limit=&offset=``) or ``cursor`` (``?limit=&cursor=``).
    ``default_limit`` is the page size Attio uses when no ``limit`` is sent (``None`` when
    Attio documents none: such endpoints end only on an empty page).
    """

    style: PagingStyle
    default_limit: int | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class PagedRequest(Generic[T]):
    """A request for one page, and the rule that derives the next page's request."""

    request: Request[RawPage[T]]
    paging: Paging

    def __post_init__(self) -> None:
        # A bad page size or offset is the caller's mistake: say so before any request.
        for key, minimum in (("limit", 1), ("offset", 0)):
            value = self._get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
                raise ValueError(f"{key} must be an integer >= {minimum}, got {value!r}")

    def _get(self, key: str) -> Any:
        if self.paging.style == "body_offset":
            body = self.request.json
            return body.get(key) if isinstance(body, Mapping) else None
        return (self.request.params or {}).get(key)

    def _with(self, **changes: Any) -> PagedRequest[T]:
        if self.paging.style == "body_offset":
            body = dict(self.request.json) if isinstance(self.request.json, Mapping) else {}
            body.update(changes)
            request = dataclasses.replace(self.request, json=body)
        else:
            params = dict(self.request.params or {})
            params.update(changes)
            request = dataclasses.replace(self.request, params=params)
        return dataclasses.replace(self, request=request)

    @property
    def limit(self) -> int | None:
        """The page size in force: the one sent, else Attio's documented default."""
        sent = self._get("limit")
        return int(sent) if sent is not None else self.paging.default_limit

    def with_limit(self, limit: int | None) -> PagedRequest[T]:
        """The same request with ``limit`` set (``None`` leaves it as it is)."""
        return self if limit is None else self._with(limit=limit)

    def next(self, page: RawPage[T]) -> PagedRequest[T] | None:
        """The next page's request after ``page``, or ``None`` at the end of the data."""
        if self.paging.style == "cursor":
            cursor = page.next_cursor
            if not cursor or cursor == self._get("cursor"):
                return None
            return self._with(cursor=cursor)
        count = len(page.data)
        if count == 0:
            return None
        limit = self.limit
        if limit is not None and count < limit:
            return None
        offset = int(self._get("offset") or 0)
        return self._with(offset=offset + count)

    def offset_at(self, index: int) -> PagedRequest[T]:
        """For offset styles: the request ``index`` pages after this one (for fetching ahead)."""
        if self.paging.style == "cursor":
            raise ValueError("cursor pages cannot be addressed by index")
        limit = self.limit
        if limit is None:
            raise ValueError("fetching ahead needs a known page size")
        offset = int(self._get("offset") or 0)
        return self._with(offset=offset + index * limit, limit=limit)
