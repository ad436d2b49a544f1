"""Attio's retry rules (API.md §6) as one small value fed to tenacity.

* 429: retried for every method (Attio did not process it), after ``Retry-After`` (an
  HTTP-date, or seconds; unreadable means backoff) if that is within ``max_retry_after``;
  past the cap, the :class:`~attio.RateLimitError` is raised at once. The wait is never
  shorter than the backoff step: a ``Retry-After`` at or before "now" (clock skew) still
  waits it.
* 500/502/503/504, read timeouts and connections lost mid-request: retried only when the
  request is safe to repeat (GET, PUT, DELETE, records/entries query, search). A 5xx's own
  ``Retry-After`` is honoured the same way (waited for up to the cap; past it, raised at once).
* Connect failures and pool timeouts (nothing was sent): retried for every method.
* Everything else (400, 401, 403, 404, 409, 422, ...): never retried.

Between attempts: exponential backoff with jitter: after failed attempt ``n`` the wait is drawn
from ``[c/2, c]`` with ``c = min(initial_backoff * 2**(n-1), max_backoff)``.

**The total is bounded.** At most ``max_retries + 1`` attempts; each sleep is at most
``max(max_backoff, max_retry_after)``. So a call lasts at most
``(max_retries + 1) * timeout + max_retries * max(max_backoff, max_retry_after)``. With the
defaults (``max_retries=3``, 60 s read timeout) the sleeps add up to at most 0.5 + 1 + 2 = 3.5 s
of backoff, or 3 * 60 = 180 s when Attio asks for the longest allowed ``Retry-After`` each time
(in practice Attio asks for about one second). Lower ``max_retry_after`` or ``max_retries`` to
tighten it.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import random
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import tenacity

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    ConfigurationError,
    RateLimitError,
    parse_retry_after,
)
from ._request import Request

__all__ = ["RetryPolicy", "parse_retry_after", "replay_first_failure", "replay_first_failure_async"]

R = TypeVar("R")

logger = logging.getLogger("attio")

RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    """When and how long to retry; the clients build one from ``max_retries``.

    ``max_retries=3`` means at most 4 attempts. ``initial_backoff`` doubles per retry up to
    ``max_backoff``, jittered into its upper half. A ``Retry-After`` longer than
    ``max_retry_after`` seconds is not waited for: the error is raised at once. ``jitter``
    returns a number in ``[0, 1)`` (tests pin it). Bad values raise
    :class:`~attio.ConfigurationError`.
    """

    max_retries: int = 3
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    jitter: Callable[[], float] = random.random

    def __post_init__(self) -> None:
        retries = self.max_retries
        if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
            raise ConfigurationError(f"max_retries must be an integer >= 0, got {retries!r}")
        for name in ("initial_backoff", "max_backoff", "max_retry_after"):
            value = getattr(self, name)
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not math.isfinite(value)
                or value < 0
            ):
                raise ConfigurationError(f"{name} must be a finite number >= 0, got {value!r}")
        if self.max_backoff < self.initial_backoff:
            raise ConfigurationError(
                f"max_backoff ({self.max_backoff!r}) must be >= initial_backoff "
                f"({self.initial_backoff!r})"
            )
        if not callable(self.jitter):
            raise ConfigurationError(f"jitter must be a callable, got {self.jitter!r}")

    def should_retry(self, exc: BaseException, request: Request[Any]) -> bool:
        """Whether ``exc``, raised by one attempt of ``request``, is worth another attempt."""
        if isinstance(exc, APIStatusError):
            if exc.retry_after is not None and exc.retry_after > self.max_retry_after:
                return False  # the server asked for longer than we are willing to wait
            if isinstance(exc, RateLimitError):
                return True
            return exc.status_code in RETRYABLE_STATUSES and request.idempotent
        if isinstance(exc, APIConnectionError):
            return (not exc.request_sent) or request.idempotent
        return False

    def backoff(self, attempt: int) -> float:
        """The jittered exponential wait after failed attempt number ``attempt`` (1-based)."""
        ceiling: float = min(self.initial_backoff * 2.0 ** (attempt - 1), self.max_backoff)
        fraction = min(max(float(self.jitter()), 0.0), 1.0)
        return ceiling * (0.5 + 0.5 * fraction)

    def wait_for(self, exc: BaseException | None, attempt: int) -> float:
        """Seconds to sleep before the next attempt: ``Retry-After`` if given, else backoff.

        The backoff step is also the floor: a ``Retry-After`` at or before "now" (``0``, a
        negative number, a past HTTP-date: a client clock running ahead of Attio's) still
        waits the normal backoff, never a burst of immediate retries.
        """
        step = self.backoff(attempt)
        if isinstance(exc, APIStatusError) and exc.retry_after is not None:
            return max(min(exc.retry_after, self.max_retry_after), step)
        return step

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


def replay_first_failure(
    first: BaseException, attempt: Callable[[Request[Any]], R]
) -> Callable[[Request[Any]], R]:
    """``attempt``, except that its first call raises ``first`` again without sending anything.

    The clients send the first attempt outside tenacity (most requests succeed at once, and
    building a ``Retrying`` costs more than the rest of the client's work); only when that
    attempt failed in a retryable way is tenacity built, around this wrapper, so that it
    starts from a first attempt that already failed: the attempt numbering, the waits, the
    logs and the final error are exactly those of a tenacity loop run from the start.
    """
    pending = [first]

    def call(request: Request[Any]) -> R:
        if pending:
            raise pending.pop()
        return attempt(request)

    return call


def replay_first_failure_async(
    first: BaseException, attempt: Callable[[Request[Any]], Awaitable[R]]
) -> Callable[[Request[Any]], Awaitable[R]]:
    """The async form of :func:`replay_first_failure`."""
    pending = [first]

    async def call(request: Request[Any]) -> R:
        if pending:
            raise pending.pop()
        return await attempt(request)

    return call


def _describe(exc: BaseException | None) -> str:
    if isinstance(exc, APIStatusError):
        return f"status {exc.status_code}" + (f" ({exc.code})" if exc.code else "")
    if exc is None:
        return "no result"
    cause = exc.__cause__
    name = type(exc).__name__
    return f"{name} ({type(cause).__name__})" if cause is not None else name
