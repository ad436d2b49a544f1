"""Per-request overhead of the client: ``Record.get`` against a bare ``httpx.Client``.

Both sides send ``GET /v2/objects/companies/records/{id}`` through the same
``httpx.MockTransport`` (a handler answering one prebuilt record) and validate the answer with
the same pydantic model (``{"data": Record}``); the bare side does nothing else. What is left
is the client's own work per call: building the request, headers, the retry wrapper, the
rate-limit bookkeeping, error mapping, logging and the collector pause. Timed in one run,
interleaved rounds, best round per contender; the collector is in its default state.

Two records: a realistic one (every attribute type, about 10 KB, as in ``parse.py``), on which
the target is checked, and a minimal one (``id`` and empty ``values``), which shows the
client's overhead nearly bare. The client runs with ``rate_limits=None`` (the buckets' waits
would otherwise be the point: 100 reads per second) and again with buckets too wide to wait,
to show their bookkeeping.

Target (issue 10, item 7): the client's call costs at most 1.2x the bare one.

    python benchmarks/overhead.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

import attio
from attio._parsing import parse_data

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parse import make_record  # the record builder of the parse benchmark

TARGET = 1.2
RECORD_ID = "8b4d2c1e-0000-4000-8000-000000000001"
BASE = "https://api.attio.com"
PATH = f"/v2/objects/companies/records/{RECORD_ID}"


def transport_for(record: dict[str, Any]) -> httpx.MockTransport:
    content = json.dumps({"data": record}, separators=(",", ":")).encode()
    headers = {"content-type": "application/json; charset=utf-8"}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=headers, content=content)

    return httpx.MockTransport(handler)


def bare_call(record: dict[str, Any]) -> Callable[[], Any]:
    """The same request and validation with httpx and pydantic only."""
    http = httpx.Client(transport=transport_for(record), base_url=BASE)
    headers = {"Authorization": "Bearer sk_bench", "Accept": "application/json"}
    parse = parse_data(attio.Record)

    def call() -> Any:
        response = http.get(PATH, headers=headers)
        if response.status_code >= 400:
            raise RuntimeError(response.status_code)
        return parse(response.content)

    return call


def client_call(record: dict[str, Any], rate_limits: attio.RateLimits | None) -> Callable[[], Any]:
    client = attio.Client(
        "sk_bench",
        http_client=httpx.Client(transport=transport_for(record)),
        rate_limits=rate_limits,
    )

    def call() -> Any:
        return attio.Record.get(client, "companies", RECORD_ID)

    return call


def best_per_call(
    contenders: dict[str, Callable[[], Any]], calls: int, rounds: int
) -> dict[str, float]:
    """Seconds per call of each contender: the best of ``rounds`` interleaved rounds."""
    best = dict.fromkeys(contenders, float("inf"))
    names = list(contenders)
    rng = random.Random(3)
    for _ in range(rounds):
        rng.shuffle(names)
        for name in names:
            call = contenders[name]
            started = time.perf_counter()
            for _ in range(calls):
                call()
            best[name] = min(best[name], (time.perf_counter() - started) / calls)
    return best


def minimal_record() -> dict[str, Any]:
    return {
        "id": {"workspace_id": "w", "object_id": "o", "record_id": RECORD_ID},
        "created_at": "2025-01-02T03:04:05.000000000Z",
        "web_url": "https://app.attio.com/x",
        "values": {},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="few calls, no target enforced")
    args = parser.parse_args()
    calls, rounds = (50, 2) if args.quick else (1000, 7)
    wide = attio.RateLimits(reads_per_second=1e9, writes_per_second=1e9)
    failed = False
    headline = 0.0
    print(
        f"per-request overhead, Record.get through httpx.MockTransport ({calls} calls x {rounds})"
    )
    for label, record in (
        ("realistic record", make_record(random.Random(7), 1)),
        ("minimal record", minimal_record()),
    ):
        contenders = {
            "bare": bare_call(record),
            "client": client_call(record, None),
            "client+buckets": client_call(record, wide),
        }
        for call in contenders.values():  # warm up (adapters, connection objects)
            call()
        best = best_per_call(contenders, calls, rounds)
        bare = best["bare"]
        ratio = best["client"] / bare
        with_buckets = best["client+buckets"] / bare
        size = len(json.dumps(record))
        print(
            f"  {label} ({size / 1000:.1f} kB): client/bare {ratio:.2f}x "
            f"(+{(best['client'] - bare) * 1e6:.1f} us a call), with rate buckets "
            f"{with_buckets:.2f}x; bare {1 / bare:,.0f} calls/s"
        )
        if label == "realistic record":
            headline = ratio
            failed = ratio > TARGET
    print(f"ratio Record.get/bare httpx: {headline:.2f}x (target <= {TARGET}x)")
    if args.quick:
        print("quick run: targets not enforced")
        return 0
    print("MISSED: per-request overhead" if failed else "all targets met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
