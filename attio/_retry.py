"""Attio's retry rules (API.md §6) as one small value fed to tenacity.

* 429: retried for every method (Attio did not process it), after ``Retry-After`` (an
  HTTP-date, or seconds) if that is within ``max_retry_after``; past the cap, raised at once.
* 500/502/503/504, read timeouts and connections lost mid-request: retried only when the
  request is safe to repeat (GET, PUT, DELETE, records/entries query, search).
* Connect failures (nothing was sent): retried for every method.
* Everything else (400, 401, 403, 404, 409, 422, ...): never retried.

Between attempts: exponential backoff with full jitter, capped at ``max_backoff``. With the
defaults the worst case is ``(max_retries + 1) * timeout + 0.5 + 1 + 2`` seconds plus any
``Retry-After`` waits (each at most ``max_retry_after``).
"""

from __future__ import annotations

import dataclasses
import email.utils
import logging
import random
import time
from collections.abc import Callable
from typing import Any

import tenacity

from ._exceptions import APIConnectionError, APIStatusError, RateLimitError
from ._request import Request

__all__ = ["RetryPolicy", "parse_retry_after"]

logger = logging.getLogger("attio")

RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (HTTP-date or seconds); ``None`` if unusable.

    A date in the past gives ``0.0``.
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
        if seconds != seconds or seconds in (float("inf"), float("-inf")):  # NaN / inf
            return None
        return max(seconds, 0.0)
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:  # pragma: no cover - older Pythons returned None
        return None
    current = time.time() if now is None else now
    return max(parsed.timestamp() - current, 0.0)


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    """When and how long to retry; the clients build one from ``max_retries``.

    ``max_retries=3`` means at most 4 attempts. ``initial_backoff`` doubles per retry up to
    ``max_backoff``, with full jitter. A ``Retry-After`` longer than ``max_retry_after``
    seconds is not waited for: the :class:`~attio.RateLimitError` is raised at once.
    """

    max_retries: int = 3
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    jitter: Callable[[], float] = random.random

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be 0 or more")

    def should_retry(self, exc: BaseException, request: Request[Any]) -> bool:
        """Whether ``exc``, raised by one attempt of ``request``, is worth another attempt."""
        if isinstance(exc, RateLimitError):
            return exc.retry_after is None or exc.retry_after <= self.max_retry_after
        if isinstance(exc, APIStatusError):
            return exc.status_code in RETRYABLE_STATUSES and request.idempotent
        if isinstance(exc, APIConnectionError):
            return (not exc.request_sent) or request.idempotent
        return False

    def backoff(self, attempt: int) -> float:
        """The jittered exponential wait after failed attempt number ``attempt`` (1-based)."""
        ceiling: float = min(self.initial_backoff * 2.0 ** (attempt - 1), self.max_backoff)
        return ceiling * (0.5 + 0.5 * self.jitter())

    def wait_for(self, exc: BaseException | None, attempt: int) -> float:
        """Seconds to sleep before the next attempt: ``Retry-After`` if given, else backoff."""
        if isinstance(exc, APIStatusError):
            retry_after: float | None = getattr(exc, "retry_after", None)
            if retry_after is None and exc.status_code in RETRYABLE_STATUSES:
                retry_after = parse_retry_after(exc.response.headers.get("retry-after"))
                if retry_after is not None and retry_after > self.max_retry_after:
                    retry_after = None
            if retry_after is not None:
                return retry_after
        return self.backoff(attempt)

    def tenacity_kwargs(self, request: Request[Any]) -> dict[str, Any]:
        """Arguments for ``tenacity.Retrying``/``AsyncRetrying`` (all but ``sleep``)."""

        def wait(state: tenacity.RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            return float(self.wait_for(exc, state.attempt_number))

        def before_sleep(state: tenacity.RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            logger.debug(
                "retrying %s %s in %.2fs after attempt %d/%d failed: %s",
                request.method,
                request.path,
                state.upcoming_sleep,
                state.attempt_number,
                self.max_retries + 1,
                _describe(exc),
            )

        return {
            "stop": tenacity.stop_after_attempt(self.max_retries + 1),
            "retry": tenacity.retry_if_exception(lambda exc: self.should_retry(exc, request)),
            "wait": wait,
            "before_sleep": before_sleep,
            "reraise": True,
        }


def _describe(exc: BaseException | None) -> str:
    if isinstance(exc, APIStatusError):
        return f"status {exc.status_code}" + (f" ({exc.code})" if exc.code else "")
    if exc is None:
        return "no result"
    return type(exc).__name__
