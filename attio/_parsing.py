"""Reading Attio's answers: envelopes, cached adapters, the GC pause, and the parsers.

A :class:`~attio._request.Request` carries a ``parse`` callable from here: :func:`parse_data`
(``{"data": T}``), :func:`parse_data_list` (``{"data": [T]}``), :func:`parse_page` (a page with
its cursor), :func:`parse_bare` (no envelope) or :func:`parse_nothing`. Each checks the body's
top level before pydantic sees it (:func:`expect_object`), so a huge body of the wrong shape
fails cheaply with a short message.
"""

from __future__ import annotations

import gc
import sys
import sysconfig
import threading
from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, FailFast, TypeAdapter
from pydantic_core import from_json, to_json

from ._exceptions import first_json_byte
from ._pagination import RawPage

M = TypeVar("M")

__all__ = [
    "BodyShapeError",
    "PageParser",
    "expect_object",
    "gc_paused",
    "parse_bare",
    "parse_data",
    "parse_data_list",
    "parse_nothing",
    "parse_page",
]


# A pause that let more GC-tracked objects be allocated than this ends by moving every tracked
# object to the oldest generation (see _GCPause). Only where gc.freeze()/gc.unfreeze() are two
# list splices: CPython before 3.14 with the GIL (3.14's incremental collector and the
# free-threaded build walk objects there, and collect young objects differently anyway).
_PROMOTE_AFTER = 10_000
_CAN_PROMOTE = (
    sys.implementation.name == "cpython"
    and sys.version_info < (3, 14)
    and not sysconfig.get_config_var("Py_GIL_DISABLED")
)


class _GCPause:
    """Pause the cyclic garbage collector while a body is parsed (re-entrant, thread-safe).

    Building tens of thousands of small models triggers hundreds of collections that find
    nothing to free (model trees hold no cycles); pausing them makes a page parse 2-3x faster.
    The collector is re-enabled when the last concurrent parse ends, if it was on before.

    Re-enabling it alone would only defer the cost: the first allocation afterwards runs one
    young collection over every object the pause let through (90 ms after a 500-record page,
    as much as the parse itself). So a pause that allocated many tracked objects ends by moving
    them to the oldest generation (``gc.freeze()`` then ``gc.unfreeze()``: two list splices, no
    traversal), where only a full collection looks at them; acyclic model trees are freed by
    reference counting long before that. Skipped when the program froze objects itself
    (``gc.get_freeze_count()``), whose permanent generation is left alone.
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
                if (
                    _CAN_PROMOTE
                    and gc.get_count()[0] > _PROMOTE_AFTER
                    and gc.get_freeze_count() == 0
                ):
                    gc.freeze()
                    gc.unfreeze()
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


# ``FailFast``: a page whose items do not fit stops at the first bad item, so a huge wrong
# body never turns into a million error objects (a bounded error, a bounded peak of memory).
class _PagedEnvelope(BaseModel, Generic[M]):
    model_config = ConfigDict(extra="ignore", cache_strings="keys")
    data: Annotated[list[M], FailFast()]
    pagination: _Pagination | None = None


# A page whose items stay plain Python objects (for :meth:`PageParser.raw`): every short string
# cached, keys and values alike (ids repeat across a page's values; 40% less memory than
# ``json.loads``'s dicts on a page of records).
class _RawPagedEnvelope(BaseModel):
    model_config = ConfigDict(extra="ignore", cache_strings="all")
    data: list[Any]
    pagination: _Pagination | None = None


_RAW_PAGE: TypeAdapter[_RawPagedEnvelope] | None = None

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


class BodyShapeError(ValueError):
    """A body whose top level is not the JSON object an envelope needs (caught before pydantic
    turns a large wrong body into Python objects)."""


_JSON_KINDS = {b"[": "an array", b'"': "a string", b"n": "null", b"t": "true", b"f": "false"}


def expect_object(content: bytes) -> None:
    """Raise :class:`BodyShapeError` unless ``content`` starts like a JSON object."""
    first = first_json_byte(content)
    if first == b"{":
        return
    if not first:
        kind = "an empty body"
    elif first in _JSON_KINDS:
        kind = _JSON_KINDS[first]
    elif first.isdigit() or first == b"-":
        kind = "a number"
    else:
        kind = f"text starting with {first!r}"
    raise BodyShapeError(f"expected a JSON object, got {kind}")


def parse_data(tp: type[M]) -> Callable[[bytes], M]:
    """A parser for ``{"data": <tp>}``."""

    def parse(content: bytes) -> M:
        expect_object(content)
        envelope: _DataEnvelope[M] = _data_adapter(tp).validate_json(content)
        return envelope.data

    return parse


def parse_data_list(tp: type[M]) -> Callable[[bytes], list[M]]:
    """A parser for ``{"data": [<tp>, ...]}``."""

    def parse(content: bytes) -> list[M]:
        expect_object(content)
        envelope: _PagedEnvelope[M] = _paged_adapter(tp).validate_json(content)
        return envelope.data

    return parse


def parse_bare(tp: type[M]) -> Callable[[bytes], M]:
    """A parser for a body that is ``<tp>`` itself (``GET /v2/self`` has no envelope)."""

    def parse(content: bytes) -> M:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            expect_object(content)
        result: M = _bare_adapter(tp).validate_json(content)
        return result

    return parse


def parse_nothing(content: bytes) -> None:
    """A parser for ``{}`` or an empty 204 body: the result is ``None``."""


class PageParser(Generic[M]):
    """A parser for ``{"data": [...], "pagination": {"next_cursor": ...}}`` (:func:`parse_page`).

    Called, it validates the whole page in one pass (``list``, ``iter_pages``, ``stream_all``).
    :meth:`raw` and :meth:`item` split that pass for ``stream``, which holds one page of plain
    JSON objects and validates each item only when it is handed out: :meth:`item` re-encodes
    the item and validates it as JSON, through the same item schema as the page, so the model
    is the one a page parse builds (values built in the same pass, the same errors).
    """

    __slots__ = ("item_type",)

    def __init__(self, item_type: type[M]) -> None:
        self.item_type = item_type

    def __call__(self, content: bytes) -> RawPage[M]:
        expect_object(content)
        envelope: _PagedEnvelope[M] = _paged_adapter(self.item_type).validate_json(content)
        cursor = envelope.pagination.next_cursor if envelope.pagination else None
        return RawPage(envelope.data, cursor)

    def raw(self, content: bytes) -> RawPage[Any]:
        """The page's envelope checked, its items left as plain JSON objects.

        ``from_json`` builds the Python objects straight from the bytes (``validate_json``
        would first build its own tree of the whole page), caching short strings.
        """
        global _RAW_PAGE
        expect_object(content)
        if _RAW_PAGE is None:
            _RAW_PAGE = TypeAdapter(_RawPagedEnvelope)
        envelope = _RAW_PAGE.validate_python(from_json(content, cache_strings=True))
        cursor = envelope.pagination.next_cursor if envelope.pagination else None
        return RawPage(envelope.data, cursor)

    def item(self, raw: Any) -> M:
        """One item of :meth:`raw`'s page, validated (call with the collector paused)."""
        result: M = _bare_adapter(self.item_type).validate_json(to_json(raw))
        return result


def parse_page(tp: type[M]) -> PageParser[M]:
    """A parser for ``{"data": [...], "pagination": {"next_cursor": ...}}``."""
    return PageParser(tp)
