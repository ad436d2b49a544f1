"""How fast a fully read page dumps back to Attio's JSON, against ``json.dumps`` of the same data.

Parses the page of ``benchmarks/parse.py`` (500 records of about 10 KB, every value type, an
unknown one included), reads every value, then times, interleaved in one run with the collector
on, each record's ``model_dump_json()`` and ``model_dump(mode="json")`` against ``json.dumps``
of the same records as plain dicts (``json.loads`` of the page). Checks first that both dumps
give back exactly what Attio sent. Targets: ``model_dump_json`` <= 1.3x ``json.dumps``,
``model_dump(mode="json")`` <= 1.5x; the exit status is 1 when one is missed.

    python benchmarks/dump.py [--records 500] [--repeat 15] [--quick]
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from parse import client_parser, make_page, measure, median_ratio, print_times, walk_models

DUMP_JSON_TARGET = 1.3
DUMP_TARGET = 1.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, no target enforced")
    args = parser.parse_args(argv)
    if args.quick:
        args.records, args.repeat = 20, 3

    content = make_page(args.records)
    records = client_parser(args.records)(content).data
    walk_models(records)  # a full read: every value model built and read
    plain: list[dict[str, Any]] = json.loads(content)["data"]
    for record, sent in zip(records, plain, strict=True):  # the round trip is exact
        assert json.loads(record.model_dump_json()) == sent
        assert record.model_dump(mode="json") == sent

    contenders = {
        "json.dumps": lambda: [json.dumps(item) for item in plain],
        "model_dump_json()": lambda: [record.model_dump_json() for record in records],
        "model_dump(mode='json')": lambda: [record.model_dump(mode="json") for record in records],
    }
    print(f"{args.records} fully read records, {args.repeat} interleaved rounds, collector on:")
    times = measure(contenders, args.repeat)
    print_times(times, args.records)
    missed = []
    for name, target in (
        ("model_dump_json()", DUMP_JSON_TARGET),
        ("model_dump(mode='json')", DUMP_TARGET),
    ):
        ratio = median_ratio(times, name, "json.dumps")
        print(f"ratio {name}/json.dumps: {ratio:.2f}x (target <= {target}x)")
        if ratio > target:
            missed.append(name)
    if args.quick:
        print("quick run: targets not enforced")
        return 0
    if missed:
        print(f"MISSED: {', '.join(missed)}")
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
