"""Quickstart: list people and companies, then stream every person to a JSON-lines file.

Offline by default (an in-memory Attio with made-up demo data); set ATTIO_API_KEY to run it
against your workspace (read-only: it needs the record_permission:read and
object_configuration:read scopes).

    python examples/quickstart.py [OUTPUT.jsonl]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _common import live, make_client

import attio


def main(argv: list[str]) -> int:
    default_out = Path(tempfile.gettempdir()) / "attio-people.jsonl"
    out = Path(argv[1]) if len(argv) > 1 else default_out
    with make_client() as client:
        me = attio.Meta.get(client)
        print(f"Workspace: {me.workspace_name} ({'live' if live() else 'offline demo'})")

        print("\nPeople:")
        for person in attio.Record.list(client, "people", limit=10).data:
            print(f"  {person.plain('name', '?'):<20} {person.plain('email_addresses', '')}")

        print("\nCompanies:")
        for company in attio.Record.list(client, "companies", limit=10).data:
            domains = ", ".join(company.plain_values("domains"))
            print(f"  {company.plain('name', '?'):<20} {domains}")

        # Every person, page by page (only one page in memory), as Attio's own JSON.
        count = 0
        with out.open("w", encoding="utf-8") as fh:
            for person in attio.Record.stream(client, "people", page_size=100):
                fh.write(person.model_dump_json() + "\n")
                count += 1
        print(f"\nWrote {count} people as JSON lines to {out}")
        first_line = out.read_text(encoding="utf-8").splitlines()[0] if count else ""
        print(first_line[:300] + ("…" if len(first_line) > 300 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
