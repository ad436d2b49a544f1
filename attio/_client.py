"""``attio.Client`` and ``attio.AsyncClient``: two thin shells around one transport core.

Everything that is not I/O (configuration, building the HTTP request, mapping failures to
typed exceptions, the retry decision, parsing) lives in :class:`_BaseClient`; the two clients
only send and sleep.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, TypeVar

import httpx
import tenacity
from pydantic import ValidationError

from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    ConfigurationError,
    ResponseValidationError,
    clip,
    make_status_error,
)
from ._pagination import Page, PagedRequest, PageTrail, RawPage, advance
from ._parsing import gc_paused
from ._request import Request, WriteCheck
from ._retry import RetryPolicy
from ._sentinel import NOT_GIVEN, NotGiven
from ._version import __version__

__all__ = ["DEFAULT_TIMEOUT", "AsyncClient", "Client"]

T = TypeVar("T")

logger = logging.getLogger("attio")

DEFAULT_BASE_URL = "https://api.attio.com"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
"""60 s to read, write or wait for a pooled connection; 10 s to connect."""


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
        if content is not None:
            headers["Content-Type"] = "application/json"
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
    def _parse(request: Request[T], response: httpx.Response) -> T:
        content = response.content
        try:
            with gc_paused:
                return request.parse(content)
        except Exception as exc:  # any parse failure is a body that did not fit
            raise ResponseValidationError(
                f"{request.method} {clip(request.path, 200)}: Attio's {response.status_code} "
                f"answer ({len(content)} bytes) did not fit the expected shape: "
                f"{_describe_parse_error(exc)}",
                body=content,
                response=response,
            ) from exc

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries})"


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
    :meth:`close`. ``sleep`` replaces ``time.sleep`` between retries (tests inject it).

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
        )
        self._http = http_client if http_client is not None else httpx.Client()
        self._sleep = sleep if sleep is not None else time.sleep

    def _attempt(self, request: Request[Any]) -> httpx.Response:
        http_request = self._build(request)
        logger.debug("%s %s", request.method, request.path)
        started = time.monotonic()
        try:
            response = self._http.send(http_request)
        except httpx.RequestError as exc:
            logger.debug("%s %s failed: %s", request.method, request.path, type(exc).__name__)
            raise self._transport_error(exc) from exc
        self._check(request, response, started)
        return response

    def request(self, request: Request[T]) -> T:
        """Send ``request`` with Attio's retry rules and return its parsed result (a write
        is first checked against the schema when ``validate_writes`` is on)."""
        write = self._write_to_check(request)
        if write is not None:
            from .schema import ObjectSchema  # schema imports the resources, which import this

            ObjectSchema.get(self, write.target, write.identifier).check(write.values)
        retrying = tenacity.Retrying(
            sleep=self._sleep, **self.retry_policy.tenacity_kwargs(request)
        )
        response: httpx.Response = retrying(self._attempt, request)
        return self._parse(request, response)

    def fetch_page(self, paged: PagedRequest[T], trail: PageTrail | None = None) -> Page[T]:
        """Fetch one page of a paginated request (``trail``: the loop guard's memory so far)."""
        raw: RawPage[T] = self.request(paged.request)
        following, trail = advance(paged, raw, trail or PageTrail())
        return Page(
            raw.data,
            next_cursor=raw.next_cursor,
            next_request=following,
            client=self,
            trail=trail,
        )

    def iter_pages(self, paged: PagedRequest[T]) -> Iterator[Page[T]]:
        """Every page in turn, lazily; only the current page is held."""
        page = self.fetch_page(paged)
        while True:
            yield page
            following = page.next_request  # raises PaginationError if the server loops
            if following is None:
                return
            page = self.fetch_page(following, page.trail)

    def stream(self, paged: PagedRequest[T]) -> Iterator[T]:
        """Every item of every page, lazily."""
        for page in self.iter_pages(paged):
            yield from page.data

    def close(self) -> None:
        """Close the connection pool (not a user-supplied ``http_client``)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


async def _asyncio_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


class AsyncClient(_BaseClient):
    """An asyncio Attio client; the same options as :class:`Client`.

    ``http_client`` is an ``httpx.AsyncClient``; ``sleep`` an async callable replacing
    ``asyncio.sleep`` between retries. ``validate_writes=True`` checks record and entry
    writes against the schema before sending, as on :class:`Client` (the schema reads need
    ``object_configuration:read`` / ``list_configuration:read``; loaded with
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
        )
        self._http = http_client if http_client is not None else httpx.AsyncClient()
        self._sleep = sleep if sleep is not None else _asyncio_sleep

    async def _attempt(self, request: Request[Any]) -> httpx.Response:
        http_request = self._build(request)
        logger.debug("%s %s", request.method, request.path)
        started = time.monotonic()
        try:
            response = await self._http.send(http_request)
        except httpx.RequestError as exc:
            logger.debug("%s %s failed: %s", request.method, request.path, type(exc).__name__)
            raise self._transport_error(exc) from exc
        self._check(request, response, started)
        return response

    async def request(self, request: Request[T]) -> T:
        """Send ``request`` with Attio's retry rules and return its parsed result (a write
        is first checked against the schema when ``validate_writes`` is on)."""
        write = self._write_to_check(request)
        if write is not None:
            from .schema import ObjectSchema  # schema imports the resources, which import this

            schema = await ObjectSchema.get_async(self, write.target, write.identifier)
            schema.check(write.values)
        retrying = tenacity.AsyncRetrying(
            sleep=self._sleep, **self.retry_policy.tenacity_kwargs(request)
        )
        response: httpx.Response = await retrying(self._attempt, request)
        return self._parse(request, response)

    async def fetch_page(self, paged: PagedRequest[T], trail: PageTrail | None = None) -> Page[T]:
        """Fetch one page of a paginated request (``trail``: the loop guard's memory so far)."""
        raw: RawPage[T] = await self.request(paged.request)
        following, trail = advance(paged, raw, trail or PageTrail())
        return Page(
            raw.data,
            next_cursor=raw.next_cursor,
            next_request=following,
            client=self,
            trail=trail,
        )

    async def iter_pages(self, paged: PagedRequest[T]) -> AsyncIterator[Page[T]]:
        """Every page in turn, lazily; only the current page is held."""
        page = await self.fetch_page(paged)
        while True:
            yield page
            following = page.next_request  # raises PaginationError if the server loops
            if following is None:
                return
            page = await self.fetch_page(following, page.trail)

    async def stream(self, paged: PagedRequest[T]) -> AsyncIterator[T]:
        """Every item of every page, lazily."""
        async for page in self.iter_pages(paged):
            for item in page.data:
                yield item

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
