"""Every response in ``../shared/real-responses`` reads into its model and round-trips exactly.

These bodies were recorded by others against the live Attio API; they are read from
``../shared`` (never copied into the project) and the tests skip when it is absent.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import TypeAdapter

import attio
from attio.value_map import ValueMap
from attio.values import VALUE_TYPES, UnknownValue
from attio.webhooks import WebhookDelivery
from tests.conftest import REAL_RESPONSES, SHARED_SKIP

# file-name fragment -> (model, shape). Shapes: "list" = {"data": [model]}, "one" = {"data": model},
# "bare" = the model itself (no envelope: /v2/self, error bodies, bodies stripped by the recorder).
ROUTES: list[tuple[str, Any, str]] = [
    ("__error_", attio.AttioError, "bare"),
    ("webhook_delivery", WebhookDelivery, "bare"),
    ("_records_query_item", attio.Record, "bare"),
    ("__get_v2_objects_companies_records_record_", attio.Record, "bare"),
    ("_records_query", attio.Record, "list"),
    ("__post_v2_objects_people_records.json", attio.Record, "one"),
    ("_entries_query", attio.Entry, "list"),
    ("__post_v2_objects_people_attributes.json", attio.Attribute, "one"),
    ("_attributes.json", attio.Attribute, "list"),
    ("_attributes_", attio.Attribute, "one"),
    ("__get_v2_objects.json", attio.Object, "list"),
    ("__get_v2_objects_", attio.Object, "one"),
    ("__get_v2_lists.json", attio.List, "list"),
    ("__post_v2_lists.json", attio.List, "one"),
    ("__get_v2_webhooks", attio.Webhook, "list"),
    ("__post_v2_webhooks", attio.Webhook, "one"),
    ("__get_v2_workspace_members.json", attio.WorkspaceMember, "list"),
    ("__get_v2_workspace_members_", attio.WorkspaceMember, "one"),
    ("__get_v2_notes.json", attio.Note, "list"),
    ("__post_v2_notes.json", attio.Note, "one"),
]


def _route(name: str) -> tuple[Any, str]:
    for fragment, model, shape in ROUTES:
        if fragment in name:
            if shape == "list" and name.endswith("_empty.json"):
                return model, "list"
            return model, shape
    raise AssertionError(f"no model is mapped for real response {name}: add it to ROUTES")


def _files() -> list[str]:
    if not REAL_RESPONSES.is_dir():
        return []
    return sorted(p.name for p in REAL_RESPONSES.glob("*.json"))


@pytest.mark.skipif(not REAL_RESPONSES.is_dir(), reason=SHARED_SKIP)
def test_every_real_response_is_mapped() -> None:
    files = _files()
    assert len(files) >= 40
    for name in files:
        _route(name)


@pytest.mark.parametrize("name", _files() or ["(absent)"])
def test_real_response_round_trips(name: str) -> None:
    if name == "(absent)":
        pytest.skip(SHARED_SKIP)
    body = json.loads((REAL_RESPONSES / name).read_text())
    model, shape = _route(name)
    if shape == "bare":
        parsed_items = [model.model_validate_json(json.dumps(body))]
        items = [body]
    else:
        items = body["data"] if shape == "list" else [body["data"]]
        adapter = TypeAdapter(list[model])  # type: ignore[valid-type]
        parsed_items = adapter.validate_json(json.dumps(items))
        assert set(body) <= {"data", "pagination"}
    assert [item.model_dump(mode="json") for item in parsed_items] == items
    # Values are built lazily: build them all, check each real value got its own model (not
    # the UnknownValue fallback), and that the models dump back to Attio's JSON too.
    for item in parsed_items:
        value_map = getattr(item, "values", None) or getattr(item, "entry_values", None)
        if not isinstance(value_map, ValueMap):
            continue
        for slug, values in value_map.items():
            for value in values:
                assert not isinstance(value, UnknownValue), (name, slug, value.attribute_type)
                assert type(value) is VALUE_TYPES[value.attribute_type]
    assert [item.model_dump(mode="json") for item in parsed_items] == items
