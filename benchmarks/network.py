"""Pages fetched ahead, and Attio's rate limits kept, against a local HTTP server.

The script starts a stdlib HTTP server on 127.0.0.1 in a child process (its own interpreter,
so that serving costs the client nothing) that behaves like Attio where it matters here:

* ``POST /v2/objects/companies/records/query`` answers offset pages of realistic records
  (about 10 KB each, built by ``parse.py``) after 50 ms added to every response;
* ``POST /v2/objects/companies/records`` creates a record;
* both enforce Attio's limits, 100 reads and 25 writes per second (counted per wall-clock
  second), with a 429 carrying an HTTP-date ``Retry-After`` (the next second), as Attio does.

Measured in one run:

1. **Prefetch** (issue 10, item 4): ``Record.stream_all`` over 60 pages of 100, with the
   default ``prefetch=4`` against ``prefetch=1`` (one page after another), for ``Client``
   (threads) and ``AsyncClient`` (tasks). Target: at least 3x faster, identical results, at
   most ``prefetch - 1`` requests past the end, and no second of the run with more than 100
   request starts.
2. **Rate limits** (item 5): 500 record creates from 16 threads with the default
   ``RateLimits``. Target: zero 429s, and done within 1.15x the rate floor
   (500 / 25 per second = 20 s). For comparison, a few creates with ``rate_limits=None``.

Prints ratios; exits non-zero when a target is missed. ``--quick`` runs small sizes in a few
seconds without enforcing the targets (CI runs it so that the script does not rot).

    python benchmarks/network.py [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import email.utils
import json
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DELAY = 0.05
READS_PER_SECOND = 100
WRITES_PER_SECOND = 25
PREFETCH_TARGET = 3.0
RATE_TARGET = 1.15
WORKSPACE = str(uuid.UUID(int=1))  # appears in every id of parse.py's records


# --------------------------------------------------------------------------- the server


class _State:
    def __init__(self, pages: int, page_size: int, delay: float) -> None:
        sys.path.insert(0, str(HERE))
        from parse import make_page

        self.pages = pages
        self.page_size = page_size
        self.delay = delay
        self.template = make_page(page_size)
        self.empty = b'{"data":[]}'
        self.lock = threading.Lock()
        self.starts: list[tuple[float, str]] = []  # (time, "read"|"write")
        self.windows: dict[tuple[int, str], int] = {}
        self.too_many = 0
        self.created = 0

    def page(self, offset: int, limit: int) -> bytes:
        index, rest = divmod(offset, self.page_size)
        if rest or limit != self.page_size or index >= self.pages:
            return self.empty
        # Each page differs (the loop guard would refuse a repeated page): its own workspace id.
        return self.template.replace(WORKSPACE.encode(), str(uuid.UUID(int=1000 + index)).encode())

    def admit(self, kind: str) -> float | None:
        """Count a request start; ``None`` if within the limit, else the Retry-After time."""
        now = time.time()
        second = int(now)
        limit = READS_PER_SECOND if kind == "read" else WRITES_PER_SECOND
        with self.lock:
            self.starts.append((now, kind))
            count = self.windows.get((second, kind), 0) + 1
            self.windows[(second, kind)] = count
            if count > limit:
                self.too_many += 1
                return float(second + 1)
        return None


def _handler(state: _State) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _reply(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path == "/stats":
                with state.lock:
                    body = json.dumps({"starts": state.starts, "too_many": state.too_many}).encode()
                self._reply(200, body)
            else:
                self._reply(404, b'{"code":"not_found"}')

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length) or b"{}")
            if self.path == "/reset":
                with state.lock:
                    state.starts.clear()
                    state.too_many = 0
                self._reply(200, b"{}")
                return
            kind = "read" if self.path.endswith("/records/query") else "write"
            retry_at = state.admit(kind)
            if retry_at is not None:
                body = (
                    b'{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded",'
                    b'"message":"Rate limit exceeded, please try again later"}'
                )
                date = email.utils.formatdate(retry_at, usegmt=True)
                self._reply(429, body, {"Retry-After": date})
                return
            if kind == "read":
                time.sleep(state.delay)
                offset = int(payload.get("offset", 0))
                self._reply(200, state.page(offset, int(payload.get("limit", 500))))
                return
            with state.lock:
                state.created += 1
                number = state.created
            record = {
                "id": {"workspace_id": "w", "object_id": "o", "record_id": f"r{number}"},
                "created_at": "2025-01-01T00:00:00.000000000Z",
                "web_url": "https://app.attio.com/x",
                "values": {},
            }
            self._reply(200, json.dumps({"data": record}).encode())

    return Handler


class _Quiet(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that stops early (a page fetched past the end, then the pool closed)
        # resets its connection: nothing to report.
        if not isinstance(sys.exc_info()[1], (ConnectionError, BrokenPipeError)):
            super().handle_error(request, client_address)


def serve(pages: int, page_size: int, delay: float) -> None:
    state = _State(pages, page_size, delay)
    server = _Quiet(("127.0.0.1", 0), _handler(state))
    print(server.server_address[1], flush=True)
    server.serve_forever()


# --------------------------------------------------------------------------- the client side


class Server:
    """The child process serving pages; ``url`` to reach it."""

    def __init__(self, pages: int, page_size: int, delay: float = DELAY) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(pages), str(page_size), str(delay)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        port = int(self.process.stdout.readline())
        self.url = f"http://127.0.0.1:{port}"

    def stats(self) -> dict[str, Any]:
        import httpx

        result: dict[str, Any] = httpx.get(self.url + "/stats").json()
        return result

    def reset(self) -> None:
        import httpx

        httpx.post(self.url + "/reset", content=b"{}")

    def close(self) -> None:
        self.process.terminate()
        self.process.wait()


def busiest_second(starts: list[float]) -> int:
    """The most request starts in any window of one second (sliding)."""
    starts = sorted(starts)
    most = 0
    low = 0
    for high, moment in enumerate(starts):
        while moment - starts[low] >= 1.0:
            low += 1
        most = max(most, high - low + 1)
    return most


def prefetch_part(
    server: Server, pages: int, page_size: int, rounds: int
) -> tuple[bool, list[str]]:
    import attio

    lines: list[str] = []
    ok = True
    expected_requests = pages + 1  # the last full page is followed by an empty one

    def run_sync(prefetch: int) -> tuple[float, list[str], int, int]:
        server.reset()
        with attio.Client("sk_bench", base_url=server.url, prefetch=prefetch) as client:
            started = time.perf_counter()
            records = attio.Record.stream_all(client, "companies", page_size=page_size)
            elapsed = time.perf_counter() - started
        starts = [moment for moment, _ in server.stats()["starts"]]
        return elapsed, [r.id.workspace_id for r in records], len(starts), busiest_second(starts)

    def run_async(prefetch: int) -> tuple[float, list[str], int, int]:
        server.reset()

        async def go() -> tuple[float, list[Any]]:
            async with attio.AsyncClient("sk_bench", base_url=server.url, prefetch=prefetch) as ac:
                started = time.perf_counter()
                records = await attio.Record.stream_all_async(ac, "companies", page_size=page_size)
                return time.perf_counter() - started, records

        elapsed, records = asyncio.run(go())
        starts = [moment for moment, _ in server.stats()["starts"]]
        return elapsed, [r.id.workspace_id for r in records], len(starts), busiest_second(starts)

    for name, run in (("Client (threads)", run_sync), ("AsyncClient (tasks)", run_async)):
        # The sequential walk is long and steady: once; the prefetching one ``rounds`` times.
        sequential, ids1, n1, busy1 = run(1)
        ahead: list[float] = []
        for _ in range(rounds):
            t4, ids4, n4, busy4 = run(4)
            ahead.append(t4)
            exact = ids1 == ids4 and len(ids4) == pages * page_size
            extra = n4 - expected_requests
            if not exact or n1 != expected_requests or not 0 <= extra <= 3 or busy4 > 100:
                ok = False
        ratio = sequential / min(ahead)
        ok = ok and ratio >= PREFETCH_TARGET
        lines.append(
            f"  {name}: {pages} pages of {page_size}, {DELAY * 1000:.0f} ms a response: "
            f"one page after another {sequential:.2f} s, prefetch=4 {min(ahead):.2f} s; results "
            f"{'identical' if exact else 'DIFFERENT'}; requests {n4} for {expected_requests} "
            f"pages ({extra} past the end); busiest second {busy4} request starts "
            f"(sequential {busy1})"
        )
        lines.append(
            f"ratio sequential/prefetch, {name.split()[0]}: {ratio:.2f}x "
            f"(target >= {PREFETCH_TARGET}x)"
        )
    return ok, lines


def rate_part(server: Server, creates: int, threads: int) -> tuple[bool, list[str]]:
    import attio

    lines: list[str] = []

    def create_all(client: attio.Client, count: int) -> float:
        def one(index: int) -> str:
            record = attio.Record.create(client, "companies", {"name": f"Company {index}"})
            return record.id.record_id

        started = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(one, range(count)))
        return time.perf_counter() - started

    server.reset()
    time.sleep(1.1)  # a fresh second at the server: no earlier request counts against this run
    with attio.Client("sk_bench", base_url=server.url) as client:
        elapsed = create_all(client, creates)
    stats = server.stats()
    rejected = stats["too_many"]
    busiest = busiest_second([moment for moment, kind in stats["starts"] if kind == "write"])
    floor = creates / WRITES_PER_SECOND
    ratio = elapsed / floor
    ok = rejected == 0 and ratio <= RATE_TARGET
    lines.append(
        f"  {creates} creates from {threads} threads, default RateLimits: {elapsed:.2f} s, "
        f"{rejected} 429s; busiest second {busiest} writes"
    )
    summary = (
        f"ratio creates/rate floor ({creates} / {WRITES_PER_SECOND} per second = {floor:.0f} s): "
        f"{ratio:.3f}x with {rejected} 429s (target <= {RATE_TARGET}x, zero 429s)"
    )

    unlimited = min(creates, 50)
    server.reset()
    time.sleep(1.1)
    with attio.Client("sk_bench", base_url=server.url, rate_limits=None, max_retries=10) as client:
        elapsed = create_all(client, unlimited)
    rejected = server.stats()["too_many"]
    lines.append(
        f"  for comparison, {unlimited} creates with rate_limits=None: {rejected} 429s, "
        f"{elapsed / (unlimited / WRITES_PER_SECOND):.3f}x the rate floor"
    )
    lines.append(summary)
    return ok, lines


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, no target enforced")
    args = parser.parse_args()
    if args.quick:
        pages, page_size, rounds, creates = 8, 20, 1, 30
    else:
        pages, page_size, rounds, creates = 60, 100, 2, 500
    server = Server(pages, page_size)
    try:
        prefetch_ok, prefetch_lines = prefetch_part(server, pages, page_size, rounds)
        print("prefetch (issue 10, item 4):")
        print("\n".join(prefetch_lines))
        rate_ok, rate_lines = rate_part(server, creates, 16)
        print("rate limits (issue 10, item 5):")
        print("\n".join(rate_lines))
    finally:
        server.close()
    if args.quick:
        print("quick run: targets not enforced")
        return 0
    missed = [
        name
        for name, ok in (
            ("prefetch (>= 3x, exact, bounded over-fetch, <= 100 starts a second)", prefetch_ok),
            ("rate limits (zero 429s, <= 1.15x the floor)", rate_ok),
        )
        if not ok
    ]
    if missed:
        print(f"MISSED: {', '.join(missed)}")
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
