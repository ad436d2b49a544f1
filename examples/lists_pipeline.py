"""A sales pipeline with lists and entries: add companies to a list, move them through stages,
query the list by stage, and read an entry's history.

Offline by default (it creates the list and its "stage" status attribute in an in-memory
Attio). With ATTIO_API_KEY it works on an existing companies list named by ATTIO_LIST (or the
first list whose parent object is companies) and only reads it, since lists and attributes
cannot be deleted through the API (scopes list_entry:read, list_configuration:read).
"""

from __future__ import annotations

import os
import sys

from _common import live, make_client

import attio
from attio import filters as f
from attio import write as w

STAGES = ["Lead", "Qualified", "Won"]


def build_pipeline(client: attio.Client) -> str:
    """Create the list, a status attribute with three stages, and one entry per company."""
    attio.List.create(
        client, name="Sales pipeline", api_slug="sales_pipeline", parent_object="companies"
    )
    attio.Attribute.create(
        client,
        "lists",
        "sales_pipeline",
        title="Stage",
        description="Where the deal stands",
        api_slug="stage",
        type="status",
        is_required=False,
        is_unique=False,
        is_multiselect=False,
        config={},
    )
    for title in STAGES:
        attio.Status.create(client, "lists", "sales_pipeline", "stage", title=title)
    for company in attio.Record.stream(client, "companies"):
        attio.Entry.create(
            client,
            "sales_pipeline",
            parent_object="companies",
            parent_record_id=company.record_id,
            entry_values={"stage": w.status("Lead")},
        )
    return "sales_pipeline"


def pick_live_list(client: attio.Client) -> str | None:
    wanted = os.environ.get("ATTIO_LIST")
    if wanted:
        return wanted
    for candidate in attio.List.list(client):
        if "companies" in (candidate.parent_object or []):
            return candidate.api_slug or candidate.id.list_id
    return None


def main() -> int:
    with make_client() as client:
        slug = pick_live_list(client) if live() else build_pipeline(client)
        if slug is None:
            print("no list with companies as parent object; set ATTIO_LIST")
            return 0
        pipeline = attio.List.get(client, slug)
        print(f"list {pipeline.name!r} ({pipeline.api_slug}) on {pipeline.parent_object}")

        entries = attio.Entry.stream_all(client, slug, page_size=50)
        print(f"{len(entries)} entries")
        if not live() and entries:
            # Move the first entry forward twice; PATCH keeps the history of a status.
            first = entries[0]
            for stage in STAGES[1:]:
                attio.Entry.update(client, slug, first.entry_id, {"stage": w.status(stage)})
            won = attio.Entry.list(client, slug, filter=f.attr("stage").eq("Won")).data
            print(f"entries in 'Won': {[e.parent_record_id for e in won]}")
            history = attio.Entry.list_attribute_values(
                client, slug, first.entry_id, "stage", show_historic=True
            ).data
            print("stage history: " + " -> ".join(str(v.plain) for v in history))
            entries = attio.Entry.stream_all(client, slug, page_size=50)
        for entry in entries[:5]:
            stage = entry.plain("stage", "-") if "stage" in entry.entry_values else "-"
            print(f"  entry {entry.entry_id} for record {entry.parent_record_id}: {stage}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
