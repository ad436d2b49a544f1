"""Async: fetch several objects' records concurrently with one attio.AsyncClient.

Offline by default; with ATTIO_API_KEY it reads your workspace (scopes record_permission:read,
object_configuration:read).
"""

from __future__ import annotations

import asyncio
import sys
import time

from _common import make_async_client

import attio

OBJECTS = ["people", "companies", "deals"]


async def main() -> int:
    async with make_async_client() as client:
        started = time.perf_counter()
        objects, *results = await asyncio.gather(
            attio.Object.list_async(client),
            *(attio.Record.stream_all_async(client, slug, page_size=200) for slug in OBJECTS),
        )
        elapsed = time.perf_counter() - started
        slugs = ", ".join(o.api_slug or "?" for o in objects)
        print(f"{len(objects)} objects in the workspace: {slugs}")
        for slug, records in zip(OBJECTS, results, strict=True):
            print(f"  {slug:<10} {len(records):>6} records")
        print(f"fetched concurrently in {elapsed:.2f}s")

        # Streams are lazy: stop early and no further page is requested.
        async for person in attio.Record.stream_async(client, "people", page_size=2):
            print(f"first person streamed: {person.plain('name')!r}")
            break
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
