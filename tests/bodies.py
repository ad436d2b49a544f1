"""The smallest complete bodies of every resource read model, as Attio sends them (issue 9).

Each body holds every field the OpenAPI spec requires (and Attio always sends), and no optional
one: reading it gives a model with no field left at its default, and dumping it gives the body
back. Tests that only need *a* valid answer (a mock's reply, a round trip) take one from here
with :func:`full`, overriding what they care about.
"""

from __future__ import annotations

import copy
from typing import Any

WS = "0c7e1f00-0000-4000-8000-0000000000a1"
OBJ = "0c7e1f00-0000-4000-8000-0000000000a2"
ATTR = "0c7e1f00-0000-4000-8000-0000000000a3"
REC = "0c7e1f00-0000-4000-8000-0000000000a4"
LST = "0c7e1f00-0000-4000-8000-0000000000a5"
MEMBER = "0c7e1f00-0000-4000-8000-0000000000a6"
UUID = "0c7e1f00-0000-4000-8000-0000000000a7"
AT = "2024-03-01T10:15:30.123456789Z"
ACTOR = {"type": "workspace-member", "id": MEMBER}

COMMENT: dict[str, Any] = {
    "id": {"workspace_id": WS, "comment_id": UUID},
    "thread_id": UUID,
    "content_plaintext": "Looks good",
    "entry": None,
    "record": {"record_id": REC, "object_id": OBJ},
    "resolved_at": None,
    "resolved_by": {"type": None, "id": None},
    "created_at": AT,
    "author": ACTOR,
}

BODIES: dict[str, dict[str, Any]] = {
    "Object": {
        "id": {"workspace_id": WS, "object_id": OBJ},
        "api_slug": "people",
        "singular_noun": "Person",
        "plural_noun": "People",
        "created_at": AT,
    },
    "Attribute": {
        "id": {"workspace_id": WS, "object_id": OBJ, "attribute_id": ATTR},
        "title": "Nickname",
        "description": None,
        "api_slug": "nickname",
        "type": "text",
        "is_system_attribute": False,
        "is_writable": True,
        "is_required": False,
        "is_unique": False,
        "is_multiselect": False,
        "is_default_value_enabled": False,
        "is_archived": False,
        "default_value": None,
        "relationship": None,
        "created_at": AT,
        "config": {
            "currency": {"default_currency_code": None, "display_type": None},
            "record_reference": {"allowed_object_ids": None},
        },
    },
    "SelectOption": {
        "id": {"workspace_id": WS, "object_id": OBJ, "attribute_id": ATTR, "option_id": UUID},
        "title": "Gold",
        "is_archived": False,
    },
    "Status": {
        "id": {"workspace_id": WS, "object_id": OBJ, "attribute_id": ATTR, "status_id": UUID},
        "title": "Won",
        "is_archived": False,
        "celebration_enabled": False,
        "target_time_in_status": None,
    },
    "List": {
        "id": {"workspace_id": WS, "list_id": LST},
        "api_slug": "sales",
        "name": "Sales",
        "parent_object": ["companies"],
        "workspace_access": "full-access",
        "workspace_member_access": [],
        "created_by_actor": ACTOR,
        "created_at": AT,
    },
    "Entry": {
        "id": {"workspace_id": WS, "list_id": LST, "entry_id": UUID},
        "parent_record_id": REC,
        "parent_object": "companies",
        "created_at": AT,
        "entry_values": {},
    },
    "Record": {
        "id": {"workspace_id": WS, "object_id": OBJ, "record_id": REC},
        "created_at": AT,
        "values": {},
    },
    "RecordEntry": {"list_id": LST, "list_api_slug": "sales", "entry_id": UUID, "created_at": AT},
    "SearchResult": {
        "id": {"workspace_id": WS, "object_id": OBJ, "record_id": REC},
        "record_text": "Ada Lovelace",
        "record_image": None,
        "object_slug": "people",
    },
    "Note": {
        "id": {"workspace_id": WS, "note_id": UUID},
        "parent_object": "people",
        "parent_record_id": REC,
        "title": "Call",
        "content_plaintext": "Spoke",
        "content_markdown": "Spoke",
        "tags": [],
        "created_by_actor": ACTOR,
        "created_at": AT,
    },
    "Task": {
        "id": {"workspace_id": WS, "task_id": UUID},
        "content_plaintext": "Follow up",
        "deadline_at": None,
        "is_completed": False,
        "linked_records": [],
        "assignees": [],
        "created_by_actor": ACTOR,
        "created_at": AT,
    },
    "Meeting": {
        "id": {"workspace_id": WS, "meeting_id": UUID},
        "title": "Intro",
        "description": "",
        "is_all_day": False,
        "start": {"datetime": "2024-03-01T10:00:00.000Z", "timezone": "UTC"},
        "end": {"datetime": "2024-03-01T11:00:00.000Z", "timezone": "UTC"},
        "participants": [],
        "linked_records": [],
        "created_at": AT,
        "created_by_actor": ACTOR,
    },
    "CallRecording": {
        "id": {"workspace_id": WS, "meeting_id": UUID, "call_recording_id": UUID},
        "status": "completed",
        "web_url": "https://app.attio.com/acme/calls/1",
        "created_by_actor": ACTOR,
        "created_at": AT,
    },
    "Transcript": {
        "id": {"workspace_id": WS, "meeting_id": UUID, "call_recording_id": UUID},
        "transcript": [],
        "raw_transcript": "",
        "web_url": "https://app.attio.com/acme/calls/1",
    },
    "Webhook": {
        "id": {"workspace_id": WS, "webhook_id": UUID},
        "target_url": "https://example.com/hook",
        "subscriptions": [],
        "status": "active",
        "created_at": AT,
    },
    "WorkspaceMember": {
        "id": {"workspace_id": WS, "workspace_member_id": MEMBER},
        "first_name": "Ada",
        "last_name": "Lovelace",
        "avatar_url": None,
        "email_address": "ada@example.com",
        "created_at": AT,
        "access_level": "admin",
    },
    "Thread": {
        "id": {"workspace_id": WS, "thread_id": UUID},
        "comments": [COMMENT],
        "created_at": AT,
    },
    "Comment": COMMENT,
}


def full(model: str, /, **fields: Any) -> dict[str, Any]:
    """A fresh copy of the complete body of ``model``, with ``fields`` replaced or added."""
    return {**copy.deepcopy(BODIES[model]), **copy.deepcopy(fields)}
