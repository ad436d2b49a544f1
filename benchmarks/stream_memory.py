"""Memory of ``Record.stream`` over many large pages: one page held at a time.

A local stdlib HTTP server (a child process: its memory is not ours) serves
``POST /v2/objects/companies/records/query`` as 200 pages of 500 realistic records (about
10 KB each, built by ``parse.py``: every attribute type; each page has its own ids, so the
loop guard sees no repeat). This process streams them all with ``Record.stream`` and the
default client (``prefetch=4``, rate limits on), touching each record, and measures its peak
resident memory (``ru_maxrss``) against its resident memory right after ``import attio``.

Target (issue 10, item 3): peak growth under 40 MB. Also printed: the growth as a multiple of
one page's raw bytes, and the growth after the first page (a stream that kept pages would
keep growing). ``stream`` validates each record when it is handed out (a page is held as plain
JSON objects); ``stream_all`` validates each page in one pass: the records/s of both walks over
the same pages are printed too (``stream_all``'s pass measured with ``Record.list`` and
``next_page()``, which parse pages the same way without keeping them). ``--quick`` streams 10
pages of 100 without enforcing the target.

    python benchmarks/stream_memory.py [--quick]
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGET_MB = 40.0


def rss_mb() -> float:
    """This process's resident memory now, in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def compare_rates(attio: Any, client: Any, page_size: int, pages: int) -> tuple[float, float]:
    """Records/s of ``Record.stream`` and of ``stream_all``'s one-pass page parse (page by
    page with ``Record.list`` and ``next_page()``) over the first ``pages`` pages."""
    count = pages * page_size
    started = time.perf_counter()
    walk = attio.Record.stream(client, "companies", page_size=page_size)
    for record in itertools.islice(walk, count):
        _ = record.id.record_id
    walk.close()
    stream_rate = count / (time.perf_counter() - started)
    started = time.perf_counter()
    seen = 0
    page = attio.Record.list(client, "companies", limit=page_size)
    while page is not None:
        for record in page:
            _ = record.id.record_id
        seen += len(page)
        if seen >= count:
            break
        following = page.next_page()
        del page  # one parsed page at a time
        page = following
    return stream_rate, count / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10 pages of 100, not enforced")
    args = parser.parse_args()
    pages, page_size = (10, 100) if args.quick else (200, 500)

    from network import Server  # the same local server as the network benchmark

    server = Server(pages, page_size, delay=0.0)
    try:
        import httpx

        probe = httpx.post(
            server.url + "/v2/objects/companies/records/query",
            json={"limit": page_size, "offset": 0},
        )
        page_bytes = len(probe.content)
        del probe

        import attio

        client = attio.Client("sk_bench", base_url=server.url)
        baseline = rss_mb()
        started = time.perf_counter()
        count = 0
        after_first = 0.0
        for record in attio.Record.stream(client, "companies", page_size=page_size):
            count += 1
            _ = record.id.record_id
            if count == page_size:
                after_first = rss_mb()
        elapsed = time.perf_counter() - started
        peak = peak_rss_mb()
        del record
        rates = compare_rates(attio, client, page_size, max(1, min(pages, 20)))
        client.close()
    finally:
        server.close()
    growth = peak - baseline
    assert count == pages * page_size, count
    print(
        f"Record.stream over {count:,} records ({pages} pages of {page_size}, "
        f"{page_bytes / 1e6:.2f} MB a page, {count / elapsed:,.0f} records/s):"
    )
    print(
        f"  peak RSS growth {growth:.1f} MB over the process after import "
        f"({growth * 1e6 / page_bytes:.1f}x one page's raw bytes); "
        f"after the first page {after_first - baseline:.1f} MB, so the other "
        f"{pages - 1} pages added {peak - max(after_first, baseline):.1f} MB"
    )
    stream_rate, pages_rate = rates
    print(
        f"  records/s over the first {max(1, min(pages, 20))} pages: stream {stream_rate:,.0f} "
        f"(record by record), stream_all's one-pass page parse {pages_rate:,.0f} "
        f"(stream/stream_all {stream_rate / pages_rate:.2f}x)"
    )
    print(f"ratio peak RSS growth/{TARGET_MB:.0f} MB: {growth / TARGET_MB:.2f}x (target < 1)")
    if args.quick:
        print("quick run: targets not enforced")
        return 0
    ok = growth < TARGET_MB
    print("all targets met" if ok else "MISSED: stream memory")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
