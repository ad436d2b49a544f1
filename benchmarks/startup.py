"""How long ``import attio`` and a program's first request take, against the dependencies alone.

Two ratios, each from fresh interpreters (one per measurement, the two sides interleaved, many
repetitions; the timer runs inside the child, around the measured code only, so the
interpreter's own start-up is not counted on either side):

* **import**: ``import attio`` against ``import pydantic, httpx, tenacity``
  (target <= 1.10x);
* **first use**: importing attio, building a ``Client`` and parsing one ``Record.get``
  (through an ``httpx.MockTransport`` answering with a realistic person record) against the
  same request done with a bare ``httpx.Client`` and ``json.loads`` after importing the three
  dependencies (target <= 1.5x).

A third line, for information, is the floor of any pydantic-modelled client: the same baseline
against importing the dependencies and validating one one-field ``BaseModel`` (pydantic imports
its model machinery and builds its first validator then).

Each round runs every measure once, back to back; a ratio is the median of the rounds' ratios
(the ratio of the best runs is printed too: shared machines are noisy). Exits with
status 1 when a target is missed; ``--quick`` runs a few repetitions and enforces nothing (CI
runs it so the script does not rot).

    python benchmarks/startup.py [--repeat 25] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
IMPORT_TARGET = 1.10
FIRST_USE_TARGET = 1.5

RECORD_ID = "bf071e1f-6035-429d-b874-d83ea64ea13b"
WORKSPACE_ID = "fa02d59a-674a-4e08-9fbe-4c82cbbe80d7"
OBJECT_ID = "acb37e8a-bed6-4895-934a-a9e1b2cbfdbe"
MEMBER_ID = "d28a35f1-5788-49f9-a320-6c8c353147d8"

# Each child: the body file's path is argv[1]; it prints the seconds its measured code took.
_HEAD = "import sys, time\nBODY = open(sys.argv[1], 'rb').read()\n_t0 = time.perf_counter()\n"
_TAIL = "\n_t1 = time.perf_counter()\nprint(repr(_t1 - _t0))\n"

IMPORT_BASE = "import pydantic, httpx, tenacity"
IMPORT_ATTIO = "import attio"

FIRST_USE_BASE = f"""
import json
import pydantic, httpx, tenacity

def handler(request):
    return httpx.Response(200, content=BODY, headers={{"content-type": "application/json"}})

client = httpx.Client(
    transport=httpx.MockTransport(handler),
    base_url="https://api.attio.com",
    headers={{"Authorization": "Bearer key", "Accept": "application/json"}},
)
response = client.get("/v2/objects/people/records/{RECORD_ID}")
response.raise_for_status()
record = json.loads(response.content)["data"]
assert record["id"]["record_id"] == "{RECORD_ID}"
"""

FIRST_USE_ATTIO = f"""
import httpx
import attio

def handler(request):
    return httpx.Response(200, content=BODY, headers={{"content-type": "application/json"}})

http = httpx.Client(transport=httpx.MockTransport(handler))
client = attio.Client(api_key="key", http_client=http)
record = attio.Record.get(client, "people", "{RECORD_ID}")
assert record.id.record_id == "{RECORD_ID}"
"""

# What any pydantic-modelled client pays on first use at least: pydantic's model machinery is
# imported and one validator built. attio's first use cannot beat this ratio.
PYDANTIC_FLOOR = f"""
import json
import pydantic, httpx, tenacity
from pydantic import BaseModel

class RecordId(BaseModel):
    record_id: str

assert RecordId.model_validate_json('{{"record_id": "{RECORD_ID}"}}').record_id == "{RECORD_ID}"
"""


def _value(attribute_type: str, **fields: Any) -> dict[str, Any]:
    return {
        "active_from": "2025-04-19T00:46:57.041000000Z",
        "active_until": None,
        "created_by_actor": {"type": "workspace-member", "id": MEMBER_ID},
        **fields,
        "attribute_type": attribute_type,
    }


def record_body() -> bytes:
    """``GET /v2/objects/people/records/{id}``'s answer: a person with common attributes."""
    ref = {"target_object": "companies", "target_record_id": RECORD_ID}
    option = {
        "id": {
            "workspace_id": WORKSPACE_ID,
            "object_id": OBJECT_ID,
            "attribute_id": MEMBER_ID,
            "option_id": RECORD_ID,
        },
        "title": "Customer",
        "is_archived": False,
    }
    values: dict[str, list[dict[str, Any]]] = {
        "record_id": [_value("text", value=RECORD_ID)],
        "name": [
            _value(
                "personal-name",
                first_name="Ada",
                last_name="Lovelace",
                full_name="Ada Lovelace",
            )
        ],
        "email_addresses": [
            _value(
                "email-address",
                original_email_address=f"ada{i}@example.com",
                email_address=f"ada{i}@example.com",
                email_domain="example.com",
                email_root_domain="example.com",
                email_local_specifier=f"ada{i}",
            )
            for i in range(3)
        ],
        "description": [_value("text", value="Mathematician and writer. " * 8)],
        "company": [_value("record-reference", **ref)],
        "job_title": [_value("text", value="Analyst")],
        "phone_numbers": [
            _value(
                "phone-number",
                original_phone_number="+15558675309",
                country_code="US",
                phone_number="+15558675309",
            )
        ],
        "primary_location": [
            _value(
                "location",
                line_1="1 Main St",
                line_2=None,
                line_3=None,
                line_4=None,
                locality="London",
                region=None,
                postcode="N1",
                country_code="GB",
                latitude="51.5",
                longitude="-0.12",
            )
        ],
        "created_at": [_value("timestamp", value="2025-04-18T22:13:01.520000000Z")],
        "created_by": [
            _value("actor-reference", referenced_actor_type="system", referenced_actor_id=None)
        ],
        "stage": [_value("select", option=option)],
        "rating": [_value("rating", value=4)],
        "employees": [_value("number", value=12)],
        "is_customer": [_value("checkbox", value=True)],
        "first_interaction": [
            _value(
                "interaction",
                interaction_type="email",
                interacted_at="2025-04-18T22:13:01.520000000Z",
                owner_actor={"type": "workspace-member", "id": MEMBER_ID},
            )
        ],
        "linkedin": [],
        "twitter": [],
    }
    data = {
        "id": {"workspace_id": WORKSPACE_ID, "object_id": OBJECT_ID, "record_id": RECORD_ID},
        "created_at": "2025-04-18T22:13:01.520000000Z",
        "web_url": f"https://app.attio.com/acme/person/{RECORD_ID}",
        "values": values,
    }
    return json.dumps({"data": data}, indent=2).encode()


def _run(code: str, body_path: str) -> float:
    """Seconds the measured part of ``code`` took in a fresh interpreter."""
    # No PYTHONDONTWRITEBYTECODE, PYTHONPROFILEIMPORTTIME, ...: children time what users run.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PYTHON") or k in ("PYTHONPATH", "PYTHONHOME")
    }
    done = subprocess.run(
        [sys.executable, "-c", _HEAD + code + _TAIL, body_path],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed:\n{code}\n{done.stderr}")
    return float(done.stdout.strip().splitlines()[-1])


def _measure(codes: dict[str, str], body_path: str, repeat: int) -> dict[str, list[float]]:
    """Seconds each of ``codes`` took, ``repeat`` fresh interpreters each, all interleaved."""
    times: dict[str, list[float]] = {name: [] for name in codes}
    for code in codes.values():  # warm up: byte-compile, fill the OS file cache
        _run(code, body_path)
    order = list(codes)
    for i in range(repeat):
        for name in order if i % 2 == 0 else reversed(order):
            times[name].append(_run(codes[name], body_path))
    return times


# (label, what is measured, its code, its baseline's code, target or None for information)
CASES: list[tuple[str, str, str, str, float | None]] = [
    ("import", "import attio / import the 3 deps", "import attio", "import deps", IMPORT_TARGET),
    (
        "first use",
        "import + Client + Record.get / import deps + httpx + json.loads",
        "first use attio",
        "first use deps",
        FIRST_USE_TARGET,
    ),
    (
        "pydantic floor",
        "import deps + one 1-field BaseModel validated / same baseline",
        "pydantic floor",
        "first use deps",
        None,
    ),
]

CODES = {
    "import deps": IMPORT_BASE,
    "import attio": IMPORT_ATTIO,
    "first use deps": FIRST_USE_BASE,
    "first use attio": FIRST_USE_ATTIO,
    "pydantic floor": PYDANTIC_FLOOR,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=25, help="fresh interpreters per measure")
    parser.add_argument("--quick", action="store_true", help="few repetitions, no enforcement")
    args = parser.parse_args(argv)
    repeat = 3 if args.quick else args.repeat
    with tempfile.TemporaryDirectory() as tmp:
        body_path = str(Path(tmp) / "record.json")
        Path(body_path).write_bytes(record_body())
        times = _measure(CODES, body_path, repeat)
    print(
        f"startup: python {sys.version.split()[0]}, {repeat} fresh interpreters per measure, "
        "interleaved; time inside the child; median times, median of the rounds' ratios "
        "(ratio of the best runs in brackets)"
    )
    print(f"{'measure':<15} {'measured':>9} {'baseline':>9} {'ratio':>15}  {'target':<14} what")
    missed = []
    ratios: dict[str, float] = {}
    for label, what, ours, base, target in CASES:
        mine, theirs = times[ours], times[base]
        ms_mine, ms_theirs = statistics.median(mine) * 1e3, statistics.median(theirs) * 1e3
        # Each round ran every measure back to back: the median of the rounds' ratios
        # follows the machine's load better than a ratio of medians.
        ratio = statistics.median(m / t for m, t in zip(mine, theirs, strict=True))
        best = min(mine) / min(theirs)
        ratios[label] = ratio
        if target is None:
            verdict = "(info)"
        elif ratio <= target:
            verdict = f"<={target:.2f}x ok"
        else:
            verdict = f"<={target:.2f}x MISSED"
            missed.append(label)
        print(
            f"{label:<15} {ms_mine:6.1f} ms {ms_theirs:6.1f} ms {ratio:6.2f}x ({best:.2f}x)"
            f"  {verdict:<14} {what}"
        )
    print(
        f"ratio import: {ratios['import']:.2f}x, first use: {ratios['first use']:.2f}x "
        f"(pydantic floor {ratios['pydantic floor']:.2f}x)"
        + ("; quick run, targets not enforced" if args.quick else "")
        + (f"; MISSED: {', '.join(missed)}" if missed and not args.quick else "")
    )
    if args.quick:
        return 0
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
