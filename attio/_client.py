"""``attio.Client`` and ``attio.AsyncClient``: two thin shells around one transport core.

Everything that is not I/O (configuration, building the HTTP request, mapping failures to
typed exceptions, the retry decision, parsing) lives in :class:`_BaseClient`; the two clients
only send and sleep.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

import httpx
import tenacity
from pydantic import ValidationError
from pydantic_core import to_json

from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    ConfigurationError,
    PaginationError,
    ResponseValidationError,
    clip,
    make_status_error,
)
from ._pagination import Page, PagedRequest, PageTrail, RawPage, advance
from ._parsing import PageParser, gc_paused
from ._ratelimit import RateLimiter, RateLimits, make_limiter
from ._request import Request, WriteCheck
from ._retry import RetryPolicy, replay_first_failure, replay_first_failure_async
from ._sentinel import NOT_GIVEN, NotGiven
from ._version import __version__

if TYPE_CHECKING:
    import asyncio
else:  # imported when an AsyncClient first sleeps: sync programs never load it
    from ._lazy import LazyModule

    asyncio = LazyModule("asyncio")

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

__all__ = ["DEFAULT_PREFETCH", "DEFAULT_RATE_LIMITS", "DEFAULT_TIMEOUT", "AsyncClient", "Client"]

T = TypeVar("T")

logger = logging.getLogger("attio")

DEFAULT_BASE_URL = "https://api.attio.com"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
"""60 s to read, write or wait for a pooled connection; 10 s to connect."""

DEFAULT_RATE_LIMITS = RateLimits()
"""Attio's documented limits: 100 reads and 25 writes per second."""

DEFAULT_PREFETCH = 4
"""Page requests a stream keeps in flight at most (``1``: one after another)."""

PREFETCH_BYTES = 5 * 2**20
"""Raw bytes of pages fetched ahead that one stream may hold (estimated from the largest page
so far): fetching ahead never costs more than about one raw page of memory, so pages of
Attio's default 500 rich records (about 5 MB each) are fetched one after another."""


class _WrongHTTPClient(ConfigurationError, TypeError):
    """An ``http_client`` of the wrong kind: both a ConfigurationError and a TypeError."""


class _BaseClient:
    """Configuration and the I/O-free half of the transport, shared by both clients."""

    _http: httpx.Client | httpx.AsyncClient

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout | NotGiven | None,
        max_retries: int,
        retry_policy: RetryPolicy | None,
        default_headers: dict[str, str] | None,
        owns_http: bool,
        validate_writes: bool = False,
        rate_limits: RateLimits | None = DEFAULT_RATE_LIMITS,
        prefetch: int = DEFAULT_PREFETCH,
    ) -> None:
        key = api_key if api_key is not None else os.environ.get("ATTIO_API_KEY")
        if key is not None and not isinstance(key, str):
            # Never echo the value: it may be a secret of the wrong type.
            raise ConfigurationError(f"api_key must be a string, got {type(key).__name__}")
        if not key or not key.strip(" "):
            raise ConfigurationError(
                "No Attio API key: pass api_key=... or set the ATTIO_API_KEY environment variable."
            )
        key = key.strip(" ")  # surrounding spaces only; a newline or tab anywhere is refused
        _check_key(key)
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ConfigurationError(f"max_retries must be an integer >= 0, got {max_retries!r}")
        if not isinstance(validate_writes, bool):
            raise ConfigurationError(
                f"validate_writes must be True or False, got {type(validate_writes).__name__}"
            )
        base = base_url or os.environ.get("ATTIO_BASE_URL") or DEFAULT_BASE_URL
        if not isinstance(base, str) or not base.startswith(("http://", "https://")):
            raise ConfigurationError(f"base_url must start with http:// or https://, got {base!r}")
        if not isinstance(timeout, NotGiven) and timeout is not None:
            if not isinstance(timeout, (int, float, httpx.Timeout)) or isinstance(timeout, bool):
                raise ConfigurationError(f"timeout must be seconds or httpx.Timeout: {timeout!r}")
            if isinstance(timeout, (int, float)) and timeout <= 0:
                raise ConfigurationError(f"timeout must be positive, got {timeout!r}")
        if isinstance(prefetch, bool) or not isinstance(prefetch, int) or prefetch < 1:
            raise ConfigurationError(f"prefetch must be an integer >= 1, got {prefetch!r}")
        self._limiter: RateLimiter | None = make_limiter(rate_limits)
        self.rate_limits = rate_limits
        self.prefetch = prefetch
        self.__api_key = key
        self.base_url = base.rstrip("/")
        self.timeout = timeout
        if retry_policy is None:
            retry_policy = RetryPolicy(max_retries=max_retries)
        elif not isinstance(retry_policy, RetryPolicy):
            raise ConfigurationError(f"retry_policy must be a RetryPolicy, got {retry_policy!r}")
        self.retry_policy = retry_policy
        self.max_retries = retry_policy.max_retries
        self._default_headers = dict(default_headers or {})
        self._owns_http = owns_http
        self.validate_writes = validate_writes

    # ------------------------------------------------------------------ write validation

    def _write_to_check(self, request: Request[Any]) -> WriteCheck | None:
        """The write ``request`` describes when this client validates writes, else ``None``."""
        return request.write_check if self.validate_writes else None

    # ------------------------------------------------------------------ request building

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.__api_key}",
            "Accept": "application/json",
            "User-Agent": f"attio-python/{__version__}",
            **self._default_headers,
        }

    def _build(self, request: Request[Any]) -> httpx.Request:
        headers = self._headers()
        content = request.body_bytes()
        body_type = request.body_type()
        if body_type is not None:
            headers["Content-Type"] = body_type
        timeout: Any = (
            httpx.USE_CLIENT_DEFAULT if isinstance(self.timeout, NotGiven) else self.timeout
        )
        return self._http.build_request(
            request.method,
            self.base_url + request.path,
            params=request.query_params() or None,
            content=content,
            headers=headers,
            timeout=timeout,
        )

    def _rate_wait(self, request: Request[Any]) -> float:
        """Take a rate-limit token for ``request``: the seconds to wait before sending it."""
        limiter = self._limiter
        return 0.0 if limiter is None else limiter.reserve(request)

    def _first_attempt_failed(self, exc: Exception, request: Request[Any]) -> bool:
        """Whether the first attempt's failure ``exc`` is worth building the retry loop for."""
        policy = self.retry_policy
        return policy.max_retries > 0 and policy.should_retry(exc, request)

    # ------------------------------------------------------------------ streams

    def _ahead(self, paged: PagedRequest[Any], page_bytes: int, pages: int) -> int:
        """How many requests to keep in flight ahead of the reader, ``paged``'s included,
        after ``pages`` pages that each said more follow.

        ``0`` when ``prefetch`` is 1 or when a page would not fit the memory budget. One (the
        next page, fetched while this one is handed out: exactly the requests a sequential
        walk sends) for cursor pages, whose next cursor is known only once a page is read,
        and for the first two pages of an offset walk; ``prefetch`` from the third full page
        on. Most walks are a page or three long: they send exactly a sequential walk's
        requests, and only a longer walk may send requests past its end (at most
        ``prefetch - 1``).
        """
        if self.prefetch <= 1:
            return 0
        if paged.paging.style == "cursor" or pages <= 2 or paged.limit is None:
            wanted = 1  # (no page size: nothing to guess the following offsets from)
        else:
            wanted = self.prefetch
        return min(wanted, PREFETCH_BYTES // max(page_bytes, 1))

    def _page(self, paged: PagedRequest[T], raw: RawPage[T], trail: PageTrail | None) -> Page[T]:
        """The :class:`Page` for ``raw``, the answer to ``paged`` (the loop guard applied)."""
        following, trail = advance(paged, raw, trail or PageTrail())
        return Page(
            raw.data,
            next_cursor=raw.next_cursor,
            next_request=following,
            client=cast("Client | AsyncClient", self),
            trail=trail,
        )

    @staticmethod
    def _transport_error(exc: httpx.RequestError) -> APIConnectionError:
        """The typed error for an httpx failure; ``request_sent=False`` when nothing left."""
        if isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout)):
            return APITimeoutError(
                f"Timed out before the request was sent: {exc}", request_sent=False
            )
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(f"Request timed out: {exc}")
        if isinstance(exc, httpx.ConnectError):
            return APIConnectionError(f"Could not connect to Attio: {exc}", request_sent=False)
        return APIConnectionError(f"Connection error: {type(exc).__name__}: {exc}")

    @staticmethod
    def _check(request: Request[Any], response: httpx.Response, started: float) -> None:
        """Log the answer and raise the typed error for a 4xx/5xx (body already read)."""
        logger.debug(
            "%s %s -> %d in %.3fs (request id %s)",
            request.method,
            request.path,
            response.status_code,
            time.monotonic() - started,
            response.headers.get("x-attio-execution-id"),
        )
        if response.status_code >= 400:
            raise make_status_error(response)

    @staticmethod
    def _parse(
        request: Request[Any], response: httpx.Response, parse: Callable[[bytes], T] | None = None
    ) -> T:
        """``response``'s body parsed by ``parse`` (default: the request's own parser); for a
        ``redirect`` request, the redirect's target instead (see :func:`_redirect_target`)."""
        content = _redirect_target(response) if request.redirect else response.content
        try:
            with gc_paused:
                result: T = (request.parse if parse is None else parse)(content)
        except Exception as exc:  # any parse failure is a body that did not fit
            raise ResponseValidationError(
                f"{request.method} {clip(request.path, 200)}: Attio's {response.status_code} "
                f"answer ({len(content)} bytes) did not fit the expected shape: "
                f"{_describe_parse_error(exc)}",
                body=content,
                response=response,
            ) from exc
        return result

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries}, "
            f"rate_limits={self.rate_limits!r}, prefetch={self.prefetch})"
        )


_SPENT_STREAM = httpx.ByteStream(b"")

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def _redirect_target(response: httpx.Response) -> bytes:
    """Where a redirect answer points, absolute, as UTF-8 (``b""`` when it is not one).

    A 3xx's ``Location`` is resolved against the request URL; when the ``http_client``
    followed the redirect itself (``follow_redirects=True``), the final URL is the target.
    """
    location = response.headers.get("location")
    if response.status_code in _REDIRECTS and location:
        return str(response.url.join(location)).encode("utf-8")
    if response.history:
        return str(response.url).encode("utf-8")
    return b""


def _unlink(response: httpx.Response) -> None:
    """Break the reference cycle httpx makes between a response and its (bound) stream, once
    the body is read (the clients never stream a body).

    Only the cyclic collector frees such a cycle, and a response that lived through a few
    collections (a page fetched ahead, a page parsed with the collector paused) sits in the
    oldest generation, which is collected rarely: without this, a stream's pages (megabytes
    of body each) piled up there. With the cycle broken, the body goes as soon as the last
    reference to the response does.
    """
    response.stream = _SPENT_STREAM


def _check_key(key: str) -> None:
    """Refuse a key that cannot be sent as a header value, without ever echoing it."""
    for index, char in enumerate(key):
        if ord(char) < 0x20 or ord(char) == 0x7F:
            raise ConfigurationError(
                f"the API key has a control character (U+{ord(char):04X}) at position {index}: "
                "check for a stray newline or NUL where the key was read"
            )
        if char.isspace():
            raise ConfigurationError(f"the API key has white space inside, at position {index}")
        if ord(char) > 0x7E:
            raise ConfigurationError(
                f"the API key has a non-ASCII character at position {index}: "
                "Attio keys are ASCII; check how the key was copied"
            )


def _describe_parse_error(exc: Exception) -> str:
    """A short description of a parse failure, never echoing the body (bounded)."""
    if isinstance(exc, ValidationError):
        shown = []
        for error in exc.errors(include_input=False, include_url=False)[:3]:
            location = ".".join(str(part) for part in error.get("loc", ()))
            shown.append(f"{clip(location, 200)}: {clip(error.get('msg', ''), 300)}")
        return clip(f"{exc.error_count()} validation error(s): " + "; ".join(shown), 2000)
    return clip(f"{type(exc).__name__}: {exc}", 1000)


class Client(_BaseClient):
    """A synchronous Attio client. Thread-safe; reuse one per process.

    ``api_key`` defaults to ``$ATTIO_API_KEY`` (``ConfigurationError`` if neither is set);
    ``timeout`` defaults to 60 s (10 s to connect) and ``None`` disables it;
    ``max_retries=3`` allows 4 attempts under API.md §6. ``http_client`` may be your own
    ``httpx.Client`` (proxies, ``MockTransport``, event hooks); it is not closed by
    :meth:`close`. ``sleep`` replaces ``time.sleep`` between retries and while a rate limit
    holds a request back (tests inject it).

    ``rate_limits`` (default ``attio.RateLimits(reads_per_second=100, writes_per_second=25)``,
    Attio's limits; ``None`` switches limiting off) spaces the requests of this client, all
    its threads together, so that Attio never has to answer 429: see :class:`attio.RateLimits`.
    ``prefetch`` (default 4; ``1`` fetches pages one after another) is how many page requests
    ``stream``/``stream_all`` keep in flight at once: offset pages are fetched ahead by worker
    threads once full pages show that more follow, cursor pages overlap one ahead, and
    leaving the loop early starts nothing more (see :meth:`iter_pages`). Both are checked
    when the client is built (a bad value is a ``ConfigurationError``).

    ``validate_writes=True`` (default ``False``; a non-bool is a ``ConfigurationError``)
    checks every record and entry write (``Record.create/upsert/update``'s ``values``,
    ``Entry.create/upsert/update``'s ``entry_values``) with :meth:`attio.ObjectSchema.check`
    before sending it, once (not again on retries): a bad write raises
    :class:`attio.WriteValidationError` and nothing is written. The schema is loaded with
    :meth:`attio.ObjectSchema.get` and cached per client for its TTL, which reads
    ``GET /v2/{objects|lists}/{slug}/attributes`` and the ``.../options`` and ``.../statuses``
    of its select and status attributes: the key needs ``object_configuration:read`` for
    records and ``list_configuration:read`` for entries.
    """

    _http: httpx.Client
    is_async = False

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int = 3,
        http_client: httpx.Client | None = None,
        retry_policy: RetryPolicy | None = None,
        default_headers: dict[str, str] | None = None,
        sleep: Callable[[float], None] | None = None,
        validate_writes: bool = False,
        rate_limits: RateLimits | None = DEFAULT_RATE_LIMITS,
        prefetch: int = DEFAULT_PREFETCH,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise _WrongHTTPClient(
                "attio.Client needs an httpx.Client (got "
                f"{type(http_client).__name__}); use attio.AsyncClient for httpx.AsyncClient"
            )
        if http_client is None and isinstance(timeout, NotGiven):
            timeout = DEFAULT_TIMEOUT
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            default_headers=default_headers,
            owns_http=http_client is None,
            validate_writes=validate_writes,
            rate_limits=rate_limits,
            prefetch=prefetch,
        )
        self._http = http_client if http_client is not None else httpx.Client()
        self._sleep = sleep if sleep is not None else time.sleep

    def _attempt(
        self, request: Request[Any], stopped: threading.Event | None = None
    ) -> httpx.Response:
        wait = self._rate_wait(request)
        if wait > 0:
            self._sleep(wait)
        if stopped is not None and stopped.is_set():
            raise _StreamStopped  # a page fetched ahead for a stream that has ended
        http_request = self._build(request)
        logger.debug("%s %s", request.method, request.path)
        started = time.monotonic()
        try:
            response = self._http.send(http_request)
        except httpx.RequestError as exc:
            logger.debug("%s %s failed: %s", request.method, request.path, type(exc).__name__)
            raise self._transport_error(exc) from exc
        _unlink(response)
        self._check(request, response, started)
        return response

    def _send(
        self, request: Request[Any], stopped: threading.Event | None = None
    ) -> httpx.Response:
        """Send ``request`` under the rate limits and Attio's retry rules; the raw answer.

        The first attempt runs bare; tenacity is built only when it failed in a retryable way.
        ``stopped`` (pages fetched ahead): once set, no further attempt is sent.
        """
        try:
            return self._attempt(request, stopped)
        except Exception as exc:
            if not self._first_attempt_failed(exc, request):
                raise
            first = exc
        retrying = tenacity.Retrying(
            sleep=self._sleep, **self.retry_policy.tenacity_kwargs(request)
        )
        attempt = (
            self._attempt if stopped is None else functools.partial(self._attempt, stopped=stopped)
        )
        response: httpx.Response = retrying(replay_first_failure(first, attempt), request)
        return response

    def request(self, request: Request[T]) -> T:
        """Send ``request`` with Attio's retry rules and return its parsed result (a write
        is first checked against the schema when ``validate_writes`` is on)."""
        write = self._write_to_check(request)
        if write is not None:
            from .schema import ObjectSchema  # schema imports the resources, which import this

            ObjectSchema.get(self, write.target, write.identifier).check(write.values)
        return self._parse(request, self._send(request))

    def fetch_page(self, paged: PagedRequest[T], trail: PageTrail | None = None) -> Page[T]:
        """Fetch one page of a paginated request (``trail``: the loop guard's memory so far)."""
        raw: RawPage[T] = self.request(paged.request)
        return self._page(paged, raw, trail)

    def iter_pages(self, paged: PagedRequest[T]) -> Generator[Page[T], None, None]:
        """Every page in turn, lazily, in order.

        Offset pages are fetched ahead by worker threads, up to ``prefetch`` requests in
        flight, once a full page shows that more follow (the raw answers wait; each is parsed
        when its turn comes, so one parsed page is held at a time). Cursor pages overlap: the
        next one is fetched while this one is handed out. Closing the iterator (leaving the
        loop) cancels what has not started and drops what is in flight.
        """
        return self._pages(paged, lazy=False)

    def _pages(self, paged: PagedRequest[T], *, lazy: bool) -> Generator[Page[T], None, None]:
        """:meth:`iter_pages`; ``lazy``: pages of :class:`_RawItems` where the parser allows."""
        walk: _Walk[T, Future[httpx.Response]] = _Walk(self, paged, lazy=lazy)
        pool: ThreadPoolExecutor | None = None
        stopped = threading.Event()
        try:
            response = self._send(paged.request)
            while True:
                page, following, loop_error = walk.read(response)
                del response
                for guess in walk.to_fetch(following):
                    if pool is None:
                        from concurrent.futures import ThreadPoolExecutor

                        pool = ThreadPoolExecutor(
                            max_workers=self.prefetch, thread_name_prefix="attio-prefetch"
                        )
                    walk.fetching(guess, pool.submit(self._send, guess.request, stopped))
                yield page
                del page
                if loop_error is not None:
                    raise loop_error  # the server made the walk loop: this page was the last new
                if following is None:
                    return
                fetched = walk.advance(following)
                response = self._send(following.request) if fetched is None else fetched.result()
        finally:
            stopped.set()  # workers waiting for a token or a retry send nothing more
            walk.cancel()
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)

    def stream(self, paged: PagedRequest[T]) -> Iterator[T]:
        """Every item of every page, lazily (pages fetched ahead: see :meth:`iter_pages`).

        A page is held as plain JSON objects and each item is validated when it is handed
        out (see :class:`_RawItems`): one page of models is never in memory at once.
        """
        return self._items(paged, lazy=True)

    def _items(self, paged: PagedRequest[T], *, lazy: bool) -> Generator[T, None, None]:
        """:meth:`stream`; ``lazy=False``: each page validated in one pass (``stream_all``)."""
        pages = self._pages(paged, lazy=lazy)
        try:
            for page in pages:
                data = page.data
                del page  # only the items are held while they are handed out
                yield from _handout(data)
                del data
        finally:
            pages.close()

    def close(self) -> None:
        """Close the connection pool (not a user-supplied ``http_client``)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _StreamStopped(Exception):
    """Raised in a worker thread instead of sending a page fetched ahead for a stream that has
    ended (its result is never read)."""


class _Cancellable(Protocol):
    def cancel(self) -> bool: ...


F = TypeVar("F", bound=_Cancellable)


class _Walk(Generic[T, F]):
    """One walk over the pages of a paginated request, shared by both clients' ``iter_pages``:
    the loop guard's trail, and the pages being fetched ahead (``F``: a thread's ``Future``
    or an asyncio ``Task``), in order, each with the request it answers.

    The clients only start fetches and wait for them; which page comes next, whether a guess
    was right and how far ahead to go are decided here, once.
    """

    def __init__(self, client: _BaseClient, paged: PagedRequest[T], *, lazy: bool = False) -> None:
        self.client = client
        parse = paged.request.parse
        # ``lazy`` (streams): pages of plain JSON objects, each validated when handed out.
        self.parser = parse if lazy and isinstance(parse, PageParser) else None
        self.current = paged
        self.trail = PageTrail()
        self.window: deque[tuple[PagedRequest[T], F]] = deque()
        self.page_bytes = 0
        self.pages = 0

    def read(
        self, response: httpx.Response
    ) -> tuple[Page[T], PagedRequest[T] | None, PaginationError | None]:
        """The page in ``response`` (the answer to the current request), the request for the
        page after it (``None`` at the end) and the loop guard's error, if the server made
        the walk loop. Pages fetched ahead on a wrong guess (past the end, or a page of
        another size than expected) are cancelled."""
        self.page_bytes = max(self.page_bytes, len(response.content))
        request = self.current.request
        raw: RawPage[T]
        if self.parser is None:
            raw = self.client._parse(request, response)
        else:
            found = self.client._parse(request, response, self.parser.raw)
            items = _RawItems(found.data, self.parser, request, response)
            raw = RawPage(cast("list[T]", items), found.next_cursor)
        # (lazy pages: the loop guard compares the first and last items as JSON objects)
        outcome, self.trail = advance(self.current, raw, self.trail)
        page = Page(
            raw.data,
            next_cursor=raw.next_cursor,
            next_request=outcome,
            client=cast("Client | AsyncClient", self.client),
            trail=self.trail,
        )
        following = outcome if isinstance(outcome, PagedRequest) else None
        if self.window and (following is None or self.window[0][0] != following):
            self.cancel()
        return page, following, outcome if isinstance(outcome, PaginationError) else None

    def to_fetch(self, following: PagedRequest[T] | None) -> list[PagedRequest[T]]:
        """The requests to start fetching ahead now, in order (none at the end)."""
        if following is None:
            return []
        self.pages += 1
        wanted = self.client._ahead(following, self.page_bytes, self.pages)
        guesses: list[PagedRequest[T]] = []
        guess = self.window[-1][0].after_full_page() if self.window else following
        while guess is not None and len(self.window) + len(guesses) < wanted:
            guesses.append(guess)
            guess = guess.after_full_page()
        return guesses

    def fetching(self, request: PagedRequest[T], fetch: F) -> None:
        """Note that ``fetch`` is fetching ``request`` ahead of the reader."""
        self.window.append((request, fetch))

    def advance(self, following: PagedRequest[T]) -> F | None:
        """Move on to ``following``: its fetch if it was fetched ahead, else ``None``."""
        self.current = following
        return self.window.popleft()[1] if self.window else None

    def cancel(self) -> None:
        """Cancel the pages fetched ahead: those not started never start, the answers of the
        others (or their errors) are never used."""
        for _, fetch in self.window:
            fetch.cancel()
        self.window.clear()


class _RawItems(list[Any]):
    """A page's items as plain JSON objects, for a stream: :func:`_handout` validates each
    one (through the page parser's item schema) only when its turn comes, and drops the raw
    object as it goes. A malformed item raises :class:`attio.ResponseValidationError` when it
    is reached, after the items before it were handed out."""

    __slots__ = ("answer", "parser", "request")

    def __init__(
        self,
        data: list[Any],
        parser: PageParser[Any],
        request: Request[Any],
        response: httpx.Response,
    ) -> None:
        super().__init__(data)
        self.parser = parser
        self.request = request
        self.answer = f"Attio's {response.status_code} answer ({len(response.content)} bytes)"

    def handout(self) -> Iterator[Any]:
        """Each item validated in turn (once: values included), its raw object dropped."""
        item = self.parser.item
        for index in range(len(self)):
            raw = self[index]
            self[index] = None  # the raw object goes once its model is made
            try:
                with gc_paused:
                    model = item(raw)
            except Exception as exc:  # any failure is an item that did not fit
                request = self.request
                try:
                    body = to_json(raw)
                except Exception:  # pragma: no cover - a JSON object always encodes
                    body = b""
                raise ResponseValidationError(
                    f"{request.method} {clip(request.path, 200)}: item {index} of {self.answer} "
                    f"did not fit the expected shape: {_describe_parse_error(exc)}",
                    body=body,
                ) from exc
            del raw
            yield model


def _handout(data: list[T]) -> Iterator[T]:
    """The items of a page that a stream hands out (validated one by one if lazy)."""
    if isinstance(data, _RawItems):
        return data.handout()
    return iter(data)


def _forget(task: asyncio.Task[Any]) -> None:
    """Mark a prefetch task's error as seen, so that a page fetched past the end or dropped
    after an early stop never logs "exception was never retrieved"."""
    if not task.cancelled():
        task.exception()


async def _asyncio_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


class AsyncClient(_BaseClient):
    """An asyncio Attio client; the same options as :class:`Client`.

    ``http_client`` is an ``httpx.AsyncClient``; ``sleep`` an async callable replacing
    ``asyncio.sleep`` between retries and rate-limit waits. ``rate_limits`` are shared by all
    the tasks using the client; ``prefetch`` pages are fetched ahead by asyncio tasks, which
    leaving the loop cancels (see :meth:`iter_pages`). ``validate_writes=True`` checks record
    and entry writes against the schema before sending, as on :class:`Client` (the schema
    reads need ``object_configuration:read`` / ``list_configuration:read``; loaded with
    :meth:`attio.ObjectSchema.get_async`, cached per client).
    """

    _http: httpx.AsyncClient
    is_async = True

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int = 3,
        http_client: httpx.AsyncClient | None = None,
        retry_policy: RetryPolicy | None = None,
        default_headers: dict[str, str] | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        validate_writes: bool = False,
        rate_limits: RateLimits | None = DEFAULT_RATE_LIMITS,
        prefetch: int = DEFAULT_PREFETCH,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise _WrongHTTPClient(
                "attio.AsyncClient needs an httpx.AsyncClient (got "
                f"{type(http_client).__name__}); use attio.Client for httpx.Client"
            )
        if http_client is None and isinstance(timeout, NotGiven):
            timeout = DEFAULT_TIMEOUT
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            default_headers=default_headers,
            owns_http=http_client is None,
            validate_writes=validate_writes,
            rate_limits=rate_limits,
            prefetch=prefetch,
        )
        self._http = http_client if http_client is not None else httpx.AsyncClient()
        self._sleep = sleep if sleep is not None else _asyncio_sleep

    async def _attempt(self, request: Request[Any]) -> httpx.Response:
        wait = self._rate_wait(request)
        if wait > 0:
            await self._sleep(wait)
        http_request = self._build(request)
        logger.debug("%s %s", request.method, request.path)
        started = time.monotonic()
        try:
            response = await self._http.send(http_request)
        except httpx.RequestError as exc:
            logger.debug("%s %s failed: %s", request.method, request.path, type(exc).__name__)
            raise self._transport_error(exc) from exc
        _unlink(response)
        self._check(request, response, started)
        return response

    async def _send(self, request: Request[Any]) -> httpx.Response:
        """Send ``request`` under the rate limits and Attio's retry rules; the raw answer.

        The first attempt runs bare; tenacity is built only when it failed in a retryable way.
        """
        try:
            return await self._attempt(request)
        except Exception as exc:
            if not self._first_attempt_failed(exc, request):
                raise
            first = exc
        retrying = tenacity.AsyncRetrying(
            sleep=self._sleep, **self.retry_policy.tenacity_kwargs(request)
        )
        attempt = replay_first_failure_async(first, self._attempt)
        response: httpx.Response = await retrying(attempt, request)
        return response

    async def request(self, request: Request[T]) -> T:
        """Send ``request`` with Attio's retry rules and return its parsed result (a write
        is first checked against the schema when ``validate_writes`` is on)."""
        write = self._write_to_check(request)
        if write is not None:
            from .schema import ObjectSchema  # schema imports the resources, which import this

            schema = await ObjectSchema.get_async(self, write.target, write.identifier)
            schema.check(write.values)
        return self._parse(request, await self._send(request))

    async def fetch_page(self, paged: PagedRequest[T], trail: PageTrail | None = None) -> Page[T]:
        """Fetch one page of a paginated request (``trail``: the loop guard's memory so far)."""
        raw: RawPage[T] = await self.request(paged.request)
        return self._page(paged, raw, trail)

    def iter_pages(self, paged: PagedRequest[T]) -> AsyncGenerator[Page[T], None]:
        """Every page in turn, lazily, in order.

        Offset pages are fetched ahead by asyncio tasks, up to ``prefetch`` requests in
        flight, once a full page shows that more follow (the raw answers wait; each is parsed
        when its turn comes, so one parsed page is held at a time). Cursor pages overlap: the
        next one is fetched while this one is handed out. Closing the iterator (leaving the
        loop) cancels the tasks in flight.
        """
        return self._pages(paged, lazy=False)

    async def _pages(self, paged: PagedRequest[T], *, lazy: bool) -> AsyncGenerator[Page[T], None]:
        """:meth:`iter_pages`; ``lazy``: pages of :class:`_RawItems` where the parser allows."""
        walk: _Walk[T, asyncio.Task[httpx.Response]] = _Walk(self, paged, lazy=lazy)
        try:
            response = await self._send(paged.request)
            while True:
                page, following, loop_error = walk.read(response)
                del response
                for guess in walk.to_fetch(following):
                    task = asyncio.ensure_future(self._send(guess.request))
                    task.add_done_callback(_forget)
                    walk.fetching(guess, task)
                yield page
                del page
                if loop_error is not None:
                    raise loop_error  # the server made the walk loop: this page was the last new
                if following is None:
                    return
                fetched = walk.advance(following)
                response = await (self._send(following.request) if fetched is None else fetched)
        finally:
            walk.cancel()

    def stream(self, paged: PagedRequest[T]) -> AsyncIterator[T]:
        """Every item of every page, lazily (pages fetched ahead: see :meth:`iter_pages`).

        A page is held as plain JSON objects and each item is validated when it is handed
        out (see :class:`_RawItems`): one page of models is never in memory at once.
        """
        return self._items(paged, lazy=True)

    async def _items(self, paged: PagedRequest[T], *, lazy: bool) -> AsyncGenerator[T, None]:
        """:meth:`stream`; ``lazy=False``: each page validated in one pass (``stream_all``)."""
        pages = self._pages(paged, lazy=lazy)
        try:
            async for page in pages:
                data = page.data
                del page  # only the items are held while they are handed out
                for item in _handout(data):
                    yield item
                del data
        finally:
            await pages.aclose()

    async def aclose(self) -> None:
        """Close the connection pool (not a user-supplied ``http_client``)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


def require_sync(client: object) -> Client:
    """``client`` if it is an :class:`attio.Client`, else a clear ``TypeError``."""
    if isinstance(client, Client):
        return client
    if isinstance(client, AsyncClient):
        raise TypeError(
            "this method needs an attio.Client; with an attio.AsyncClient call its _async twin"
        )
    raise TypeError(f"expected an attio.Client as the first argument, got {type(client).__name__}")


def require_async(client: object) -> AsyncClient:
    """``client`` if it is an :class:`attio.AsyncClient`, else a clear ``TypeError``."""
    if isinstance(client, AsyncClient):
        return client
    if isinstance(client, Client):
        raise TypeError(
            "this _async method needs an attio.AsyncClient; with an attio.Client call the "
            "method without the _async suffix"
        )
    raise TypeError(
        f"expected an attio.AsyncClient as the first argument, got {type(client).__name__}"
    )
