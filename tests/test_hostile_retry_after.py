"""A ``Retry-After`` at or before "now" still waits the normal backoff step (API.md §6).

Attio usually asks for the next second as an HTTP-date; a client clock a second fast reads that
as "now" or the past. That must never become a burst of immediate retries.
"""

from __future__ import annotations

import datetime as dt
import email.utils

import pytest

import attio
from tests.bodies import full
from tests.conftest import CLIENT_KINDS, MockAttio

RATE_LIMITED = {"status_code": 429, "type": "rate_limit_error", "code": "rate_limit_exceeded"}

# The backoff ceilings of attempts 1, 2, 3 with the default policy (0.5 s doubling); the jitter
# keeps each wait in the upper half of its ceiling.
CEILINGS = [0.5, 1.0, 2.0]


def http_date(seconds_from_now: float) -> str:
    moment = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=seconds_from_now)
    return email.utils.format_datetime(moment, usegmt=True)


def at_or_before_now() -> dict[str, str]:
    return {
        "zero": "0",
        "zero float": "0.0",
        "negative": "-5",
        "tiny negative": "-0.001",
        "now as HTTP-date": http_date(0),
        "past HTTP-date": http_date(-3600),
        "epoch HTTP-date": "Thu, 01 Jan 1970 00:00:00 GMT",
    }


async def get(mock: MockAttio, kind: str) -> None:
    if kind == "sync":
        attio.Record.get(mock.client(), "people", "r1")
    else:
        await attio.Record.get_async(mock.async_client(), "people", "r1")


@pytest.mark.parametrize("kind", CLIENT_KINDS)
@pytest.mark.parametrize("name", list(at_or_before_now()))
async def test_every_retry_waits_at_least_the_backoff_step(
    mock: MockAttio, kind: str, name: str
) -> None:
    value = at_or_before_now()[name]
    for _ in range(4):
        mock.reply(429, RATE_LIMITED, headers={"Retry-After": value})
    with pytest.raises(attio.RateLimitError):
        await get(mock, kind)
    assert len(mock.requests) == 4
    assert len(mock.sleeps) == 3
    for slept, ceiling in zip(mock.sleeps, CEILINGS, strict=True):
        assert ceiling / 2 <= slept <= ceiling, mock.sleeps
    assert sum(mock.sleeps) >= 1.75  # never 4 attempts "within a millisecond"


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_future_retry_after_is_still_honoured(mock: MockAttio, kind: str) -> None:
    mock.reply(429, RATE_LIMITED, headers={"Retry-After": "3"})
    mock.reply(200, {"data": full("Record")})
    await get(mock, kind)
    assert mock.sleeps == [3.0]


@pytest.mark.parametrize("kind", CLIENT_KINDS)
async def test_a_short_retry_after_is_raised_to_the_floor(mock: MockAttio, kind: str) -> None:
    mock.reply(429, RATE_LIMITED, headers={"Retry-After": "0.01"})
    mock.reply(200, {"data": full("Record")})
    await get(mock, kind)
    assert len(mock.sleeps) == 1
    assert 0.25 <= mock.sleeps[0] <= 0.5


def test_the_policy_states_the_floor() -> None:
    policy = attio.RetryPolicy(jitter=lambda: 0.0)
    error = attio.RateLimitError.__new__(attio.RateLimitError)
    error.retry_after = 0.0
    assert policy.wait_for(error, 1) == 0.25
    assert policy.wait_for(error, 3) == 1.0
    error.retry_after = 5.0
    assert policy.wait_for(error, 1) == 5.0
