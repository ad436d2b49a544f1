"""Attio's rate limits kept on the client side: one token bucket for reads, one for writes.

Attio allows 100 reads and 25 writes per second (``attio-api.md``, rate limits) and answers a
429 with an HTTP-date ``Retry-After`` (the next second) beyond that. Rather than learn the
limit from 429s, every :class:`attio.Client` and :class:`attio.AsyncClient` takes a token before
each attempt it sends (retries too) and waits for one when none is left.

**Bucket semantics.** A bucket holds ``capacity`` tokens (the limit per second: 100 for reads,
25 for writes). A request start takes one, and that token comes back ``1 + HEADROOM`` seconds
(one second plus 5%) after it was taken. So a burst up to the limit goes out at
once, and no window of one second ever holds more starts than the limit, wherever Attio's own
seconds begin: a classic bucket refilled continuously would allow twice the limit in the first
second and collect 429s. The headroom absorbs network jitter (a request that left early in one
second arriving in the next), costing at most 5% of the sustained rate. A rate below one per
second (a lowered endpoint) is one token coming back every ``1 / rate`` seconds; above one,
only whole requests count (``2.5`` per second allows 2 in any second).

**Reads** are GETs and the read-only POSTs (records query, entries query, search: the requests
marked ``retry_safe``, see :attr:`attio.Request.is_read`); everything else is a write.

The buckets are shared by every thread of a :class:`~attio.Client` and every task of an
:class:`~attio.AsyncClient`: a token is reserved under a ``threading.Lock`` (held for a few
arithmetic operations, never while waiting), and the wait happens outside the lock, through the
client's ``sleep``. Reserving is all-or-nothing and never blocks, so the same bucket serves
threads and asyncio tasks alike; a task cancelled while it waits leaves its slot unused (the
limit stays conservative).
"""

from __future__ import annotations

import dataclasses
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._exceptions import ConfigurationError

if TYPE_CHECKING:
    from ._request import Request

__all__ = ["HEADROOM", "RateLimiter", "RateLimits", "TokenBucket"]

HEADROOM = 0.05
"""A spent token comes back after ``(1 + HEADROOM)`` periods: room for network jitter."""


@dataclasses.dataclass(frozen=True)
class RateLimits:
    """Client-side rate limits: requests per second for reads and for writes.

    The default is Attio's documented limits, 100 reads and 25 writes per second. Pass
    ``rate_limits=None`` to a client to switch limiting off, or lower numbers when Attio has
    lowered yours. Reads are GETs and the read-only POSTs (records/entries query, search);
    every other request is a write. Each limit is a positive finite number (a bad value is a
    :class:`~attio.ConfigurationError`).
    """

    reads_per_second: float = 100
    writes_per_second: float = 25

    def __post_init__(self) -> None:
        for name in ("reads_per_second", "writes_per_second"):
            value = getattr(self, name)
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not math.isfinite(value)
                or value <= 0
            ):
                raise ConfigurationError(f"{name} must be a finite number > 0, got {value!r}")


class TokenBucket:
    """``capacity`` tokens, each coming back ``period`` seconds after it was taken.

    :meth:`reserve` takes the next token and returns how long to wait until it is usable
    (``0.0`` when one is free now). Thread-safe; never blocks beyond a short lock.
    ``clock`` is a monotonic clock in seconds (tests inject a fake one).
    """

    __slots__ = ("_clock", "_lock", "_starts", "capacity", "period")

    def __init__(
        self,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        headroom: float = HEADROOM,
    ) -> None:
        if rate >= 1:
            capacity = int(rate)  # whole requests in any second: 2.5 per second allows 2
            period = 1.0
        else:
            capacity = 1
            period = 1 / rate
        self.capacity = capacity
        self.period = period * (1 + headroom)
        self._clock = clock
        self._lock = threading.Lock()
        # The start times of the last ``capacity`` tokens taken, oldest first (never decreasing).
        self._starts: deque[float] = deque(maxlen=capacity)

    def reserve(self) -> float:
        """Take a token; return the seconds to wait before using it (``0.0``: go now)."""
        with self._lock:
            now = self._clock()
            starts = self._starts
            horizon = now - self.period
            while starts and starts[0] <= horizon:  # tokens already back: forget them
                starts.popleft()
            start = starts[0] + self.period if len(starts) == self.capacity else now
            if start < now:
                start = now
            starts.append(start)  # at capacity, the deque drops the oldest start
        return start - now

    def __repr__(self) -> str:
        return f"TokenBucket(capacity={self.capacity}, period={self.period:.3f})"


class RateLimiter:
    """The two buckets of one client, chosen per request by :attr:`Request.is_read`."""

    __slots__ = ("limits", "reads", "writes")

    def __init__(self, limits: RateLimits, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.reads = TokenBucket(limits.reads_per_second, clock=clock)
        self.writes = TokenBucket(limits.writes_per_second, clock=clock)

    def reserve(self, request: Request[Any]) -> float:
        """Take a token for ``request``; return the seconds to wait before sending it."""
        return (self.reads if request.is_read else self.writes).reserve()

    def __repr__(self) -> str:
        return f"RateLimiter({self.limits!r})"


def make_limiter(rate_limits: object) -> RateLimiter | None:
    """The limiter for a client's ``rate_limits`` option (``None``: no limiting)."""
    if rate_limits is None:
        return None
    if not isinstance(rate_limits, RateLimits):
        raise ConfigurationError(
            f"rate_limits must be an attio.RateLimits or None, got {type(rate_limits).__name__}"
        )
    return RateLimiter(rate_limits)
