"""How fast a page of records is parsed, against ``json.loads`` of the same bytes.

Builds a realistic ``POST /v2/objects/companies/records/query`` answer (500 records of about
10 KB each, every attribute type, several values per attribute, historic values, empty
attributes, one attribute type Attio may add later) and times, in one run with interleaved
repetitions, the exact step the client runs on that answer (the request ``Record.list``
builds, parsed by ``_BaseClient._parse``: bytes -> ``list[Record]``, collector paused, errors
mapped) and ``json.loads(content)``. Prints records per second and the ratio of the best runs
(the median too: shared machines are noisy), with the collector on (as in real use: the
models are GC-tracked, ``json.loads``'s leaf dicts are not, so a collection after the parse
costs the models more) and with it off while timing (as ``timeit`` does). The last line is
the headline: ``ratio parse/json.loads: <on>x (collector off while timing: <off>x)``.
``record.values`` builds an attribute's models when it is first read; a third line times the
parse plus building every value model of the page, for programs that read everything.

    python benchmarks/parse.py [--records 500] [--repeat 15]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from attio import Record
from attio._client import _BaseClient

WORKSPACE = str(uuid.UUID(int=1))
OBJECT = str(uuid.UUID(int=2))


def _ts(rng: random.Random, year: int = 2025) -> str:
    return (
        f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
        f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}000000Z"
    )


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _actor(rng: random.Random) -> dict[str, Any]:
    kind = rng.choice(["workspace-member", "workspace-member", "api-token", "system"])
    return {"type": kind, "id": None if kind == "system" else _uuid(rng)}


def _value(
    rng: random.Random, attribute_type: str, fields: dict[str, Any], *, historic: bool = False
) -> dict[str, Any]:
    return {
        "active_from": _ts(rng, 2024),
        "active_until": _ts(rng) if historic else None,
        "created_by_actor": _actor(rng),
        **fields,
        "attribute_type": attribute_type,
    }


def _option(rng: random.Random, attribute_id: str, title: str) -> dict[str, Any]:
    return {
        "id": {
            "workspace_id": WORKSPACE,
            "object_id": OBJECT,
            "attribute_id": attribute_id,
            "option_id": _uuid(rng),
        },
        "title": title,
        "is_archived": False,
    }


def _status(rng: random.Random, attribute_id: str, title: str) -> dict[str, Any]:
    return {
        "id": {
            "workspace_id": WORKSPACE,
            "object_id": OBJECT,
            "attribute_id": attribute_id,
            "status_id": _uuid(rng),
        },
        "title": title,
        "is_archived": False,
        "target_time_in_status": None,
        "celebration_enabled": rng.random() < 0.2,
    }


def make_record(rng: random.Random, index: int) -> dict[str, Any]:
    """One company-like record with every attribute type and several values per attribute."""
    record_id = _uuid(rng)
    name = f"Company {index} {rng.choice(['Labs', 'Systems', 'Holdings', 'GmbH', 'Inc'])}"
    domain = f"company{index}.example"
    v = _value
    values: dict[str, list[dict[str, Any]]] = {
        "record_id": [v(rng, "text", {"value": record_id})],
        "name": [v(rng, "text", {"value": name})],
        "domains": [
            v(rng, "domain", {"domain": f"{sub}{domain}", "root_domain": domain})
            for sub in ("", "www.", "app.")
        ],
        "description": [
            v(
                rng,
                "text",
                {"value": " ".join(rng.choice(["fast", "CRM", "data"]) * 3 for _ in range(30))},
            )
        ],
        "team": [
            v(rng, "record-reference", {"target_object": "people", "target_record_id": _uuid(rng)})
            for _ in range(4)
        ],
        "categories": [
            v(rng, "select", {"option": _option(rng, "a1", title)})
            for title in ("B2B", "SaaS", "Enterprise")
        ],
        "stage": [
            v(rng, "status", {"status": _status(rng, "a2", "Lead")}, historic=True),
            v(rng, "status", {"status": _status(rng, "a2", "Qualified")}),
        ],
        "primary_location": [
            v(
                rng,
                "location",
                {
                    "line_1": f"{rng.randint(1, 999)} Market Street",
                    "line_2": None,
                    "line_3": None,
                    "line_4": None,
                    "locality": "San Francisco",
                    "region": "California",
                    "postcode": "94103",
                    "country_code": "US",
                    "latitude": "37.7749295",
                    "longitude": "-122.4194155",
                },
            )
        ],
        "employee_range": [v(rng, "select", {"option": _option(rng, "a3", "51-250")})],
        "estimated_arr_usd": [
            v(rng, "currency", {"currency_code": "USD", "currency_value": rng.randint(1, 10**8)})
        ],
        "funding_raised_usd": [
            v(rng, "currency", {"currency_value": round(rng.random() * 10**6, 2)})
        ],
        "employees": [v(rng, "number", {"value": rng.randint(1, 5000)})],
        "score": [v(rng, "number", {"value": rng.random() * 100})],
        "foundation_date": [v(rng, "date", {"value": f"20{rng.randint(0, 24):02d}-01-15"})],
        "next_renewal": [v(rng, "timestamp", {"value": _ts(rng)})],
        "rating": [v(rng, "rating", {"value": rng.randint(0, 5)})],
        "is_customer": [v(rng, "checkbox", {"value": rng.random() < 0.5})],
        "owner": [
            v(
                rng,
                "actor-reference",
                {"referenced_actor_type": "workspace-member", "referenced_actor_id": _uuid(rng)},
            )
        ],
        "created_by": [
            v(
                rng,
                "actor-reference",
                {"referenced_actor_type": "system", "referenced_actor_id": None},
            )
        ],
        "created_at": [v(rng, "timestamp", {"value": _ts(rng, 2023)})],
        "contact_emails": [
            v(
                rng,
                "email-address",
                {
                    "original_email_address": f"{who}@{domain}",
                    "email_address": f"{who}@{domain}",
                    "email_domain": domain,
                    "email_root_domain": domain,
                    "email_local_specifier": who,
                },
            )
            for who in ("hello", "sales")
        ],
        "phone_numbers": [
            v(
                rng,
                "phone-number",
                {
                    "original_phone_number": "+14155550100",
                    "country_code": "US",
                    "phone_number": "+14155550100",
                },
            )
        ],
        "ceo_name": [
            v(
                rng,
                "personal-name",
                {"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"},
            )
        ],
        "first_email_interaction": [
            v(
                rng,
                "interaction",
                {
                    "interaction_type": "email",
                    "interacted_at": _ts(rng),
                    "owner_actor": _actor(rng),
                },
            )
        ],
        "last_calendar_interaction": [
            v(
                rng,
                "interaction",
                {
                    "interaction_type": "calendar-event",
                    "interacted_at": _ts(rng),
                    "owner_actor": _actor(rng),
                },
            )
        ],
        "custom_future_type": [v(rng, "vector-embedding", {"dimensions": 3, "value": [0.1, 0.2]})],
    }
    for empty in (
        "facebook_url",
        "instagram",
        "crunchbase",
        "github",
        "youtube",
        "tiktok",
        "industry",
        "parent_company",
        "subsidiaries",
        "investors",
        "competitors",
        "last_interaction",
        "next_calendar_interaction",
        "associated_deals",
        "associated_workspaces",
        "notes_count",
        "twitter",
        "linkedin",
        "facebook",
        "angellist",
        "logo_url",
        "strongest_connection",
    ):
        values[empty] = []
    return {
        "id": {"workspace_id": WORKSPACE, "object_id": OBJECT, "record_id": record_id},
        "created_at": _ts(rng, 2023),
        "web_url": f"https://app.attio.com/example/company/{record_id}",
        "values": values,
    }


def make_page(records: int = 500, seed: int = 7) -> bytes:
    """The body of one records/query page, as Attio sends it (compact JSON bytes)."""
    rng = random.Random(seed)
    body = {"data": [make_record(rng, i) for i in range(records)]}
    return json.dumps(body, separators=(",", ":")).encode()


def client_parser(records: int) -> Callable[[bytes], Any]:
    """The client's own parse step for ``Record.list``: the request it builds, and
    ``_BaseClient._parse`` on a 200 response (envelope, models, collector pause, error mapping).
    """
    paged = vars(Record)["list"].build("companies", limit=records, offset=0)  # its declaration
    request = paged.request

    def parse(content: bytes) -> Any:
        response = httpx.Response(200, content=content)
        return _BaseClient._parse(request, response)

    return parse


def read_everything(parse: Callable[[bytes], Any]) -> Callable[[bytes], Any]:
    """``parse``, then build every value model of every record (what a full export does)."""

    def run(content: bytes) -> Any:
        page = parse(content)
        for record in page.data:
            for _ in record.values.values():
                pass
        return page

    return run


def _measure(
    contenders: dict[str, Callable[[bytes], Any]], content: bytes, repeat: int, with_gc: bool
) -> dict[str, list[float]]:
    """Interleaved timings (seconds) of every contender, in a shuffled order each round."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    order = list(contenders.items())
    shuffle = random.Random(1).shuffle
    gc.collect()
    if not with_gc:
        gc.disable()
    try:
        for _ in range(repeat):
            shuffle(order)
            for name, fn in order:
                started = time.perf_counter()
                fn(content)  # the result is dropped at once (and collected below)
                times[name].append(time.perf_counter() - started)
                gc.collect()
    finally:
        gc.enable()
    return times


def _report(times: dict[str, list[float]], records: int) -> float:
    """Print one line per contender; return the best-of ratio of the client to json.loads."""
    base_best, base_median = min(times["json.loads"]), statistics.median(times["json.loads"])
    for name, spent in times.items():
        best, median = min(spent), statistics.median(spent)
        print(
            f"  {name:34s} best {best * 1e3:6.1f} ms  median {median * 1e3:6.1f} ms  "
            f"{records / best:8,.0f} records/s  x{best / base_best:.2f} "
            f"(median x{median / base_median:.2f})"
        )
    return min(times[CLIENT]) / base_best


CLIENT = "client parse (Record.list)"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    content = make_page(args.records)
    parse = client_parser(args.records)
    page = parse(content)  # warm up (and build the validators)
    assert len(page.data) == args.records
    assert page.data[0].model_dump(mode="json") == json.loads(content)["data"][0]
    values = sum(len(vals) for r in page.data for vals in r.values.values())
    print(
        f"page: {args.records} records, {len(content) / 1e6:.2f} MB "
        f"({len(content) / args.records / 1e3:.1f} KB/record), {values} values"
    )
    del page  # nothing big stays alive: the collections between runs stay cheap
    contenders = {
        "json.loads": json.loads,
        CLIENT: parse,
        "  + every value model built": read_everything(parse),
    }
    print(f"collector on (as in real use), {args.repeat} interleaved rounds:")
    on = _report(_measure(contenders, content, args.repeat, with_gc=True), args.records)
    print(f"collector off while timing (as timeit does), {args.repeat} interleaved rounds:")
    off = _report(_measure(contenders, content, args.repeat, with_gc=False), args.records)
    print(f"ratio parse/json.loads: {on:.2f}x (collector off while timing: {off:.2f}x)")


if __name__ == "__main__":
    main()
