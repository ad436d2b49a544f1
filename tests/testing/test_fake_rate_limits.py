"""FakeAttio's clients have no client-side rate limits by default (the fake has none), so
``fake.sleeps`` holds retry waits only; limits can still be switched on to test them."""

from __future__ import annotations

import asyncio

import attio
from attio.testing import FakeAttio


def test_many_writes_record_no_rate_waits() -> None:
    fake = FakeAttio()
    with fake.client() as client:
        assert client.rate_limits is None
        for n in range(60):  # more than Attio's 25 writes per second
            attio.Record.create(client, "companies", {"name": f"C{n}"})
    assert fake.sleeps == []


def test_async_many_writes_record_no_rate_waits() -> None:
    fake = FakeAttio()

    async def main() -> None:
        async with fake.async_client() as client:
            assert client.rate_limits is None
            await asyncio.gather(
                *(
                    attio.Record.create_async(client, "companies", {"name": f"C{n}"})
                    for n in range(40)
                )
            )

    asyncio.run(main())
    assert fake.sleeps == []


def test_rate_limits_can_be_switched_on_for_a_fake_client() -> None:
    fake = FakeAttio()
    limits = attio.RateLimits(reads_per_second=100, writes_per_second=2)
    with fake.client(rate_limits=limits) as client:
        assert client.rate_limits == limits
        for n in range(5):
            attio.Record.create(client, "companies", {"name": f"C{n}"})
    assert len(fake.sleeps) >= 3  # the third write onwards waits for a token (recorded)
    assert all(wait > 0 for wait in fake.sleeps)
