"""How fast a page of records is parsed and fully read, against ``json.loads`` of the same bytes.

Builds a realistic ``POST /v2/objects/companies/records/query`` answer (500 records of about
10 KB each, every attribute type, several values per attribute, historic values, empty
attributes, one attribute type Attio may add later) and times, interleaved in one run with the
collector in its default state (on) around each timed call:

* ``json.loads(content)``;
* the client's own parse step for it (the request ``Record.list`` builds, parsed by
  ``_BaseClient._parse``: bytes -> ``list[Record]`` with every value model, errors mapped);
* a full read: each of them followed by the same walk reading every value's main field
  (``value``, ``option``, ``email_address``, ...) over the dicts or over the models.

A result is freed, and a full collection runs, after the clock stops (for every contender).
Ratios are the median over rounds of the two times of one round (robust on a shared machine).
Targets: parse <= 2.0x ``json.loads``, full read <= 2.5x ``json.loads`` + walk; the exit status
is 1 when one is missed. Then, in a run of its own, pydantic's floor for the page: the same
JSON validated into the barest model tree (every object a ``BaseModel``, no validator), which
no pydantic-modelled client can beat. Prints records per second, and the same figures for the
PyPI peer ``attio`` (installed once into a venv in the temp directory; skipped with a message
when it cannot be), on the same page minus the unknown attribute type it rejects.

    python benchmarks/parse.py [--records 500] [--repeat 15] [--no-peer] [--quick]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, TypeAdapter

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


MAIN_FIELD = {
    "text": "value",
    "number": "value",
    "checkbox": "value",
    "currency": "currency_value",
    "date": "value",
    "timestamp": "value",
    "rating": "value",
    "status": "status",
    "select": "option",
    "record-reference": "target_record_id",
    "actor-reference": "referenced_actor_id",
    "location": "locality",
    "domain": "domain",
    "email-address": "email_address",
    "phone-number": "phone_number",
    "interaction": "interacted_at",
    "personal-name": "full_name",
}
"""The field a walk reads of each value (``value`` for a type not listed)."""


def walk_dicts(body: Any) -> int:
    """Read every value's main field of a ``json.loads``-ed page; the number of values."""
    main, seen = MAIN_FIELD, 0
    for record in body["data"]:
        for values in record["values"].values():
            for value in values:
                value.get(main.get(value["attribute_type"], "value"))
                seen += 1
    return seen


def walk_models(records: Any) -> int:
    """Read every value's main field of parsed records; the number of values."""
    main, seen = MAIN_FIELD, 0
    for record in records:
        for values in record.values.values():
            for value in values:
                getattr(value, main.get(value.attribute_type, "value"), None)
                seen += 1
    return seen


def measure(
    contenders: dict[str, Callable[[], Any]], repeat: int, seed: int = 1
) -> dict[str, list[float]]:
    """Interleaved timings (seconds), in a shuffled order each round, the collector in its
    default state (on) around the timed call. A result is freed after the clock stops and a
    full collection runs between calls (neither is timed, for any contender)."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    order = list(contenders.items())
    shuffle = random.Random(seed).shuffle
    gc.collect()
    for _ in range(repeat):
        shuffle(order)
        for name, fn in order:
            started = time.perf_counter()
            result = fn()
            spent = time.perf_counter() - started
            times[name].append(spent)
            del result
            gc.collect()
    return times


def median_ratio(times: dict[str, list[float]], name: str, base: str) -> float:
    """The median over rounds of ``name``'s time over ``base``'s in the same round (robust on
    a shared machine: both ran within a few hundred milliseconds of each other)."""
    return statistics.median(t / b for t, b in zip(times[name], times[base], strict=True))


def print_times(times: dict[str, list[float]], records: int) -> None:
    """One line per contender: best and median time, records/s."""
    for name, spent in times.items():
        best, median = min(spent), statistics.median(spent)
        print(
            f"  {name:34s} best {best * 1e3:7.1f} ms  median {median * 1e3:7.1f} ms  "
            f"{records / best:9,.0f} records/s"
        )


# --------------------------------------------------------------------------- pydantic's floor
#
# The least any pydantic model tree of this page can cost: every JSON object of it a bare
# ``BaseModel`` (``extra="allow"``, which keeping unknown fields needs), every field a plain
# ``str``/``bool``/``None``, no validator, no union, no timestamp check, validated in one
# ``validate_json`` with the collector paused. The client's models are that tree plus the
# per-type value models, the timestamp checks and the loss-free round trip; a target below
# this floor cannot be reached while values are pydantic models (printed for that reason).


class _Bare(BaseModel):
    model_config = ConfigDict(extra="allow")


class _BareActor(_Bare):
    type: str | None = None
    id: str | None = None


class _BareOptionId(_Bare):
    workspace_id: str | None = None
    object_id: str | None = None
    attribute_id: str | None = None
    option_id: str | None = None


class _BareOption(_Bare):
    id: _BareOptionId | None = None
    title: str | None = None
    is_archived: bool | None = None


class _BareStatusId(_Bare):
    workspace_id: str | None = None
    object_id: str | None = None
    attribute_id: str | None = None
    status_id: str | None = None


class _BareStatus(_Bare):
    id: _BareStatusId | None = None
    title: str | None = None
    is_archived: bool | None = None
    celebration_enabled: bool | None = None
    target_time_in_status: str | None = None


class _BareValue(_Bare):
    active_from: str | None = None
    active_until: str | None = None
    created_by_actor: _BareActor | None = None
    attribute_type: str
    option: _BareOption | None = None
    status: _BareStatus | None = None
    owner_actor: _BareActor | None = None


class _BareRecordId(_Bare):
    workspace_id: str
    object_id: str
    record_id: str


class _BareRecord(_Bare):
    id: _BareRecordId
    created_at: str
    web_url: str
    values: dict[str, list[_BareValue]]


class _BarePage(_Bare):
    data: list[_BareRecord]


_BARE_PAGE = TypeAdapter(_BarePage)


def floor_parse(content: bytes) -> Any:
    """The page into the bare model tree (collector paused): pydantic's floor for a parse."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _BARE_PAGE.validate_json(content).data
    finally:
        if enabled:
            gc.enable()


# --------------------------------------------------------------------------- the PyPI peer

PEER_VENV = os.path.join(tempfile.gettempdir(), "attio-benchmark-peer-venv")

PEER_SCRIPT = r"""
import gc, json, random, statistics, sys, time
import httpx
from attio.models.post_v2_objects_object_records_queryop import (
    PostV2ObjectsObjectRecordsQueryResponse as Page,
)
from attio.utils.unmarshal_json_response import unmarshal_json_response

content = open(sys.argv[1], "rb").read()
repeat = int(sys.argv[2])
main = json.loads(sys.argv[3])

def parse():
    return unmarshal_json_response(Page, httpx.Response(200, content=content))

def walk_dicts(body):
    for record in body["data"]:
        for values in record["values"].values():
            for value in values:
                value.get(main.get(value["attribute_type"], "value"))
    return body

def walk_models(page):
    for record in page.data:
        for values in record.values.values():
            for value in values:
                getattr(value, main.get(value.attribute_type, "value"), None)
    return page

contenders = {
    "json.loads": lambda: json.loads(content),
    "parse": parse,
    "json.loads + walk": lambda: walk_dicts(json.loads(content)),
    "parse + walk": lambda: walk_models(parse()),
}
parse()
times = {name: [] for name in contenders}
order = list(contenders.items())
gc.collect()
for _ in range(repeat):
    random.Random(1).shuffle(order)
    for name, fn in order:
        started = time.perf_counter()
        result = fn()
        times[name].append(time.perf_counter() - started)
        del result
        gc.collect()
print(json.dumps({name: min(spent) for name, spent in times.items()}))
"""


def _peer_python() -> str | None:
    """The interpreter of a venv holding PyPI ``attio`` (made once, then reused); ``None``
    (with a message) when it cannot be installed."""
    python = os.path.join(PEER_VENV, "Scripts" if os.name == "nt" else "bin", "python")
    probe = [python, "-c", "import attio.models.post_v2_objects_object_records_queryop"]
    # run in the venv's directory: ``-c`` puts the working directory first on sys.path
    found = os.path.exists(python) and subprocess.run(probe, capture_output=True, cwd=PEER_VENV)
    if found and found.returncode == 0:
        return python
    try:
        subprocess.run(
            [sys.executable, "-m", "venv", "--clear", PEER_VENV], check=True, capture_output=True
        )
        subprocess.run(
            [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "attio"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        subprocess.run(probe, check=True, capture_output=True, cwd=PEER_VENV)
    except (OSError, subprocess.SubprocessError) as exc:
        print(f"peer: skipped, PyPI attio could not be installed in a venv ({exc})")
        return None
    return python


def measure_peer(records: int, repeat: int) -> dict[str, float] | None:
    """The PyPI peer's best times on the same page minus its unknown attribute type (the peer
    rejects a value type it does not know: the whole page fails)."""
    python = _peer_python()
    if python is None:
        return None
    body = json.loads(make_page(records))
    for record in body["data"]:
        del record["values"]["custom_future_type"]
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        handle.write(json.dumps(body, separators=(",", ":")).encode())
    try:
        done = subprocess.run(
            [python, "-c", PEER_SCRIPT, handle.name, str(repeat), json.dumps(MAIN_FIELD)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=PEER_VENV,
        )
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        print(f"peer: skipped, it failed on the page: {done.stderr.strip()[-300:]}")
        return None
    result: dict[str, float] = json.loads(done.stdout)
    return result


# --------------------------------------------------------------------------- main

PARSE_TARGET = 2.0
FULL_READ_TARGET = 2.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, no target enforced")
    parser.add_argument("--no-peer", action="store_true", help="do not measure PyPI attio")
    args = parser.parse_args(argv)
    if args.quick:  # a smoke run (CI): tiny, no peer (no network), no target enforced
        args.records, args.repeat, args.no_peer = 20, 3, True

    content = make_page(args.records)
    parse = client_parser(args.records)
    page = parse(content)  # warm up (and build the validators)
    assert len(page.data) == args.records
    assert page.data[0].model_dump(mode="json") == json.loads(content)["data"][0]
    values = walk_models(page.data)
    assert values == walk_dicts(json.loads(content))
    print(
        f"page: {args.records} records, {len(content) / 1e6:.2f} MB "
        f"({len(content) / args.records / 1e3:.1f} KB/record), {values} values"
    )
    del page  # nothing big stays alive: the collections between runs stay cheap

    def full_read() -> Any:
        page = parse(content)
        walk_models(page.data)
        return page

    def dict_read() -> Any:
        body = json.loads(content)
        walk_dicts(body)
        return body

    contenders = {
        "json.loads": lambda: json.loads(content),
        "client parse (Record.list)": lambda: parse(content),
        "json.loads + walk": dict_read,
        "client parse + walk (full read)": full_read,
    }
    print(f"collector on, {args.repeat} interleaved rounds (ratios: median of per-round ratios):")
    times = measure(contenders, args.repeat)
    print_times(times, args.records)
    parse_ratio = median_ratio(times, "client parse (Record.list)", "json.loads")
    full_ratio = median_ratio(times, "client parse + walk (full read)", "json.loads + walk")
    full_rate = args.records / statistics.median(times["client parse + walk (full read)"])
    print(f"ratio parse/json.loads: {parse_ratio:.2f}x (target <= {PARSE_TARGET}x)")
    print(
        f"ratio full read/(json.loads + walk): {full_ratio:.2f}x "
        f"(target <= {FULL_READ_TARGET}x), {full_rate:,.0f} records/s"
    )
    floor_records = floor_parse(content)  # warm up; the same values, the same dump
    assert walk_models(floor_records) == values
    assert (
        floor_records[0].model_dump(mode="json", exclude_unset=True)
        == (json.loads(content)["data"][0])
    )
    del floor_records
    # The floor in a run of its own (its allocations change how fast json.loads runs after it,
    # so it stays out of the run above): its ratio, and the client's over it.
    floor_times = measure(
        {
            "json.loads": lambda: json.loads(content),
            "client parse": lambda: parse(content),
            "floor": lambda: floor_parse(content),
        },
        args.repeat,
    )
    print(
        f"pydantic floor (every JSON object a bare BaseModel, no validator), in a run of its "
        f"own: parse {median_ratio(floor_times, 'floor', 'json.loads'):.2f}x json.loads; the "
        f"client's parse costs {median_ratio(floor_times, 'client parse', 'floor'):.2f}x the floor"
    )
    if not args.no_peer:
        peer = measure_peer(args.records, args.repeat)
        if peer is not None:
            print(
                f"peer (PyPI attio, same page without the unknown type it rejects): parse "
                f"{peer['parse'] / peer['json.loads']:.2f}x, full read "
                f"{peer['parse + walk'] / peer['json.loads + walk']:.2f}x, "
                f"{args.records / peer['parse + walk']:,.0f} records/s"
            )
    if args.quick:
        print("quick run: targets not enforced")
        return 0
    missed = [
        name
        for name, ratio, target in (
            ("parse", parse_ratio, PARSE_TARGET),
            ("full read", full_ratio, FULL_READ_TARGET),
        )
        if ratio > target
    ]
    if missed:
        print(f"MISSED: {', '.join(missed)}")
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
