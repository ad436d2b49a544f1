"""How much memory a fully read record holds, against the plain dict ``json.loads`` gives.

Parses the page of ``benchmarks/parse.py`` (500 records of about 10 KB, every value type, an
unknown one included) both ways and reads every value of every record, then compares what the
records hold (``tracemalloc``, after a full collection, the page's bytes not counted): the
``list[Record]`` the client returns against ``json.loads(page)["data"]``. Target: <= 2x; the
exit status is 1 when it is missed.

    python benchmarks/memory.py [--records 500] [--quick]
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tracemalloc
from collections.abc import Callable
from typing import Any

from parse import client_parser, make_page, walk_dicts, walk_models

MEMORY_TARGET = 2.0


def held(build: Callable[[], Any]) -> tuple[int, Any]:
    """Bytes still allocated after ``build()`` (and a full collection), and its result."""
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    result = build()
    gc.collect()
    return tracemalloc.get_traced_memory()[0] - before, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, no target enforced")
    args = parser.parse_args(argv)
    if args.quick:
        args.records = 20

    content = make_page(args.records)
    parse = client_parser(args.records)
    parse(content)  # warm up: validators and caches are not the records' memory

    def plain() -> Any:
        body = json.loads(content)
        walk_dicts(body)
        return body["data"]

    def records() -> Any:
        data = parse(content).data
        walk_models(data)  # a full read: every value model built and read
        return data

    tracemalloc.start()
    try:
        plain_bytes, kept_plain = held(plain)
        model_bytes, kept_models = held(records)
    finally:
        tracemalloc.stop()
    assert len(kept_plain) == len(kept_models) == args.records
    ratio = model_bytes / plain_bytes
    print(
        f"{args.records} records: plain dicts {plain_bytes / args.records / 1e3:.1f} KB/record, "
        f"fully read records {model_bytes / args.records / 1e3:.1f} KB/record"
    )
    print(f"ratio fully read record/plain dict: {ratio:.2f}x (target <= {MEMORY_TARGET}x)")
    if args.quick:
        print("quick run: targets not enforced")
        return 0
    if ratio > MEMORY_TARGET:
        print("MISSED: memory")
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
