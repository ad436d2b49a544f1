"""FakeAttio's workspace state: objects, attributes, records, lists, entries and the rest."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from . import _seed
from ._errors import bad_request, conflict, not_found, validation
from ._util import JSON, IdGenerator, iso
from ._values import as_items, clean_domain, normalize, value_key

NULL_CONFIG: JSON = {
    "currency": {"default_currency_code": None, "display_type": None},
    "record_reference": {"allowed_object_ids": None},
}


def active(values: Iterable[JSON]) -> list[JSON]:
    """The values still current (``active_until`` is null)."""
    return [v for v in values if v["active_until"] is None]


class Store:
    """One in-memory Attio workspace. Not thread-safe by itself: FakeAttio holds a lock."""

    def __init__(self, ids: IdGenerator, clock: Callable[[], datetime]) -> None:
        self.ids = ids
        self.clock = clock
        self.workspace_id = ids.uuid()
        self.workspace_slug = _seed.WORKSPACE_SLUG
        self.workspace_name = _seed.WORKSPACE_NAME
        self.token_id = ids.uuid()
        self.client_id = ids.uuid()
        self.actor: JSON = {"type": "api-token", "id": self.token_id}
        self.objects: dict[str, JSON] = {}
        self.attributes: dict[str, list[JSON]] = {}
        self.attr_index: dict[str, JSON] = {}
        self.options: dict[str, list[JSON]] = {}
        self.statuses: dict[str, list[JSON]] = {}
        self.records: dict[str, dict[str, JSON]] = {}
        self.lists: dict[str, JSON] = {}
        self.entries: dict[str, dict[str, JSON]] = {}
        self.notes: dict[str, JSON] = {}
        self.tasks: dict[str, JSON] = {}
        self.threads: dict[str, JSON] = {}
        self.comments: dict[str, JSON] = {}
        self.webhooks: dict[str, JSON] = {}
        self.members: dict[str, JSON] = {}
        self.meetings: dict[str, JSON] = {}
        self.recordings: dict[str, dict[str, JSON]] = {}
        self.transcripts: dict[str, list[JSON]] = {}
        self.transcript_page_size = 50
        self.member_id: str = self.add_member(**_seed.MEMBER)["id"]["workspace_member_id"]
        self._seed_objects()

    # ------------------------------------------------------------------ basics

    def now(self) -> str:
        """The fake clock's current time in Attio's format."""
        return iso(self.clock())

    def new_id(self) -> str:
        """A fresh UUID."""
        return self.ids.uuid()

    def add_member(
        self,
        first_name: str,
        last_name: str,
        email_address: str,
        access_level: str = "member",
        avatar_url: str | None = None,
    ) -> JSON:
        """Add a workspace member."""
        member: JSON = {
            "id": {"workspace_id": self.workspace_id, "workspace_member_id": self.new_id()},
            "first_name": first_name,
            "last_name": last_name,
            "avatar_url": avatar_url,
            "email_address": email_address,
            "access_level": access_level,
            "created_at": self.now(),
        }
        self.members[member["id"]["workspace_member_id"]] = member
        return member

    def _seed_objects(self) -> None:
        for slug, singular, plural, _specs in _seed.STANDARD_OBJECTS:
            self._add_object(slug, singular, plural, system=False)
        for slug, _singular, _plural, specs in _seed.STANDARD_OBJECTS:
            object_id = self.object(slug)["id"]["object_id"]
            for spec in specs:
                config = copy.deepcopy(NULL_CONFIG)
                if spec.currency:
                    config["currency"] = {
                        "default_currency_code": spec.currency,
                        "display_type": "symbol",
                    }
                if spec.allowed:
                    config["record_reference"]["allowed_object_ids"] = [
                        self.object(s)["id"]["object_id"] for s in spec.allowed
                    ]
                attr = self.add_attribute(
                    object_id,
                    {
                        "title": spec.title,
                        "description": None,
                        "api_slug": spec.api_slug,
                        "type": spec.type,
                        "is_required": False,
                        "is_unique": spec.unique,
                        "is_multiselect": spec.multi,
                        "default_value": spec.default_value,
                        "config": config,
                    },
                    system=True,
                    writable=spec.writable,
                )
                for title in spec.options:
                    self.add_option(attr, title)
                for title, celebrate in spec.statuses:
                    self.add_status(attr, {"title": title, "celebration_enabled": celebrate})
        for (obj_a, slug_a), (obj_b, slug_b) in _seed.RELATIONSHIPS:
            self._relate(
                self.attribute(self.object(obj_a)["id"]["object_id"], slug_a),
                self.attribute(self.object(obj_b)["id"]["object_id"], slug_b),
            )

    def _relate(self, first: JSON, second: JSON) -> None:
        for one, other in ((first, second), (second, first)):
            owner = self.objects[other["id"]["object_id"]]
            one["relationship"] = {
                "id": dict(other["id"]),
                "object_slug": owner["api_slug"],
                "api_slug": other["api_slug"],
                "is_multiselect": other["is_multiselect"],
                "title": other["title"],
            }

    # ------------------------------------------------------------------ objects

    def _add_object(self, api_slug: str, singular: str, plural: str, *, system: bool) -> JSON:
        object_id = self.new_id()
        obj = {
            "id": {"workspace_id": self.workspace_id, "object_id": object_id},
            "api_slug": api_slug,
            "singular_noun": singular,
            "plural_noun": plural,
            "created_at": self.now(),
        }
        self.objects[object_id] = obj
        self.attributes[object_id] = []
        self.records[object_id] = {}
        if system:
            self._system_attributes(object_id, "record_id")
        return obj

    def create_object(self, api_slug: str, singular: str, plural: str) -> JSON:
        """A custom object with Attio's system attributes (record_id, created_at, created_by)."""
        if self.find_object(api_slug) or any(
            o["singular_noun"] == singular or o["plural_noun"] == plural
            for o in self.objects.values()
        ):
            raise conflict(
                "slug_conflict",
                "Failed to create object. Please ensure your api_slug and names are unique.",
            )
        return self._add_object(api_slug, singular, plural, system=True)

    def _system_attributes(self, parent_id: str, id_slug: str) -> None:
        title = "Record ID" if id_slug == "record_id" else "Entry ID"
        specs = [_seed.AttrSpec(id_slug, title, "text", unique=True, writable=False)]
        specs += [
            s for s in _seed.STANDARD_OBJECTS[0][3] if s.api_slug in ("created_at", "created_by")
        ]
        for spec in specs:
            self.add_attribute(
                parent_id,
                {
                    "title": spec.title,
                    "description": None,
                    "api_slug": spec.api_slug,
                    "type": spec.type,
                    "is_required": False,
                    "is_unique": spec.unique,
                    "is_multiselect": False,
                    "default_value": spec.default_value,
                    "config": copy.deepcopy(NULL_CONFIG),
                },
                system=True,
                writable=False,
            )

    def find_object(self, ident: str) -> JSON | None:
        """An object by slug or id, or None."""
        for obj in self.objects.values():
            if ident in (obj["id"]["object_id"], obj["api_slug"]):
                return obj
        return None

    def object(self, ident: str) -> JSON:
        """An object by slug or id (404 otherwise)."""
        obj = self.find_object(ident)
        if obj is None:
            raise not_found(f'Object with slug/ID "{ident}" not found.')
        return obj

    # ------------------------------------------------------------------ lists

    def find_list(self, ident: str) -> JSON | None:
        """A list by slug or id, or None."""
        for lst in self.lists.values():
            if ident in (lst["id"]["list_id"], lst["api_slug"]):
                return lst
        return None

    def get_list(self, ident: str) -> JSON:
        """A list by slug or id (404 otherwise)."""
        lst = self.find_list(ident)
        if lst is None:
            raise not_found(f'List with slug/ID "{ident}" not found.')
        return lst

    def create_list(self, data: JSON) -> JSON:
        """A new list (with its system attributes entry_id, created_at, created_by)."""
        if self.find_list(data["api_slug"]):
            raise conflict(
                "slug_conflict", f'A list with api_slug "{data["api_slug"]}" already exists.'
            )
        parent = self.find_object(data["parent_object"])
        if parent is None:
            raise not_found(f'Parent object with slug/ID "{data["parent_object"]}" not found.')
        self.check_member_access(data["workspace_member_access"])
        list_id = self.new_id()
        lst = {
            "id": {"workspace_id": self.workspace_id, "list_id": list_id},
            "api_slug": data["api_slug"],
            "name": data["name"],
            "parent_object": [parent["api_slug"]],
            "workspace_access": data["workspace_access"],
            "workspace_member_access": data["workspace_member_access"],
            "created_by_actor": dict(self.actor),
            "created_at": self.now(),
        }
        self.lists[list_id] = lst
        self.attributes[list_id] = []
        self.entries[list_id] = {}
        self._system_attributes(list_id, "entry_id")
        return lst

    def check_member_access(self, access: list[JSON]) -> None:
        """400 ``value_not_found`` for an unknown workspace member id."""
        for item in access:
            member_id = item.get("workspace_member_id")
            if member_id not in self.members:
                raise bad_request(
                    "value_not_found", f'Workspace member with ID "{member_id}" not found.'
                )

    # ------------------------------------------------------------------ attributes

    def parent(self, target: str, identifier: str) -> tuple[str, str]:
        """``(parent id, kind)`` for ``/v2/{target}/{identifier}`` (404 for unknown ones)."""
        if target == "objects":
            return self.object(identifier)["id"]["object_id"], "object"
        return self.get_list(identifier)["id"]["list_id"], "list"

    def add_attribute(
        self, parent_id: str, data: JSON, *, system: bool = False, writable: bool = True
    ) -> JSON:
        """Store an attribute built from a create payload."""
        attr_id = self.new_id()
        default = data.get("default_value")
        attr = {
            "id": {
                "workspace_id": self.workspace_id,
                "object_id": parent_id,
                "attribute_id": attr_id,
            },
            "title": data["title"],
            "description": data.get("description"),
            "api_slug": data["api_slug"],
            "type": data["type"],
            "is_system_attribute": system,
            "is_writable": writable,
            "is_required": data.get("is_required", False),
            "is_unique": data.get("is_unique", False),
            "is_multiselect": data.get("is_multiselect", False),
            "is_default_value_enabled": default is not None,
            "is_archived": False,
            "default_value": default,
            "relationship": None,
            "created_at": self.now(),
            "config": data["config"],
        }
        self.attributes[parent_id].append(attr)
        self.attr_index[attr_id] = attr
        if attr["type"] == "select":
            self.options[attr_id] = []
        if attr["type"] == "status":
            self.statuses[attr_id] = []
        return attr

    def find_attribute(self, parent_id: str, ident: str, *, archived: bool = True) -> JSON | None:
        """An attribute of a parent by slug or id, or None."""
        for attr in self.attributes[parent_id]:
            if ident in (attr["id"]["attribute_id"], attr["api_slug"]) and (
                archived or not attr["is_archived"]
            ):
                return attr
        return None

    def attribute(self, parent_id: str, ident: str) -> JSON:
        """An attribute by slug or id (404 otherwise)."""
        attr = self.find_attribute(parent_id, ident)
        if attr is None:
            raise not_found(f'Attribute with slug/ID "{ident}" not found.')
        return attr

    def live_attributes(self, parent_id: str) -> list[JSON]:
        """The parent's attributes that are not archived, in order."""
        return [a for a in self.attributes[parent_id] if not a["is_archived"]]

    def add_option(self, attr: JSON, title: str) -> JSON:
        """A new select option."""
        option = {
            "id": {**attr["id"], "option_id": self.new_id()},
            "title": title,
            "is_archived": False,
        }
        self.options[attr["id"]["attribute_id"]].append(option)
        return option

    def add_status(self, attr: JSON, data: JSON) -> JSON:
        """A new status."""
        status = {
            "id": {**attr["id"], "status_id": self.new_id()},
            "title": data["title"],
            "is_archived": False,
            "target_time_in_status": data.get("target_time_in_status"),
            "celebration_enabled": data.get("celebration_enabled", False),
        }
        self.statuses[attr["id"]["attribute_id"]].append(status)
        return status

    def find_option(self, attr: JSON, ident: Any) -> JSON:
        """A select option by title or id (400 ``value_not_found`` otherwise)."""
        for option in self.options.get(attr["id"]["attribute_id"], []):
            if ident in (option["title"], option["id"]["option_id"]):
                return copy.deepcopy(option)
        raise bad_request(
            "value_not_found",
            f'Cannot find select attribute with select option title "{ident}".',
        )

    def find_status(self, attr: JSON, ident: Any) -> JSON:
        """A status by title or id (400 ``value_not_found`` otherwise)."""
        for status in self.statuses.get(attr["id"]["attribute_id"], []):
            if ident in (status["title"], status["id"]["status_id"]):
                return copy.deepcopy(status)
        raise bad_request(
            "value_not_found",
            f'Cannot find status attribute with status option title "{ident}".',
        )

    # ------------------------------------------------------------------ references

    def resolve_reference(self, attr: JSON, item: Any) -> JSON:
        """``{target_object, target_record_id}`` from any documented record-reference write."""
        allowed = attr["config"]["record_reference"]["allowed_object_ids"] or []
        slug = attr["api_slug"]
        if isinstance(item, str):
            if len(allowed) != 1:
                raise validation(
                    f'Cannot infer the target object of "{item}" for attribute with slug "{slug}".'
                )
            target = self.objects[allowed[0]]
            match = _seed.DEFAULT_MATCH.get(target["api_slug"])
            if match is None:
                item = {"target_object": target["api_slug"], "target_record_id": item}
            else:
                item = {"target_object": target["api_slug"], match: [item]}
        if not isinstance(item, dict) or "target_object" not in item:
            raise validation(
                f'An invalid value was passed to attribute with slug "{slug}".',
                [
                    {
                        "code": "invalid_type",
                        "path": ["target_object"],
                        "message": "Required",
                        "expected": "string",
                        "received": "undefined",
                    }
                ],
            )
        found = self.find_object(str(item["target_object"]))
        if found is None:
            raise bad_request(
                "value_not_found", f'Object with slug/ID "{item["target_object"]}" not found.'
            )
        target = found
        if allowed and target["id"]["object_id"] not in allowed:
            raise validation(
                f'Attribute with slug "{slug}" cannot reference records of "{target["api_slug"]}".'
            )
        object_id = target["id"]["object_id"]
        if "target_record_id" in item:
            record_id = item["target_record_id"]
            if record_id not in self.records[object_id]:
                raise bad_request("value_not_found", f'Record with ID "{record_id}" not found.')
        else:
            record_id = self._match_record(
                target, {k: v for k, v in item.items() if k != "target_object"}
            )
        return {"target_object": target["api_slug"], "target_record_id": record_id}

    def _match_record(self, target: JSON, matchers: JSON) -> str:
        object_id = target["id"]["object_id"]
        for key, raw in matchers.items():
            attr = self.find_attribute(object_id, key, archived=False)
            if attr is None or not attr["is_unique"]:
                raise validation(
                    f'Attribute "{key}" is not a unique attribute of "{target["api_slug"]}".'
                )
            wanted = {
                value_key(attr["type"], normalize(self, attr, i))
                for i in as_items(
                    {**attr, "is_multiselect": True}, raw if isinstance(raw, list) else [raw]
                )
            }
            for record_id, state in self.records[object_id].items():
                current = {
                    value_key(attr["type"], v)
                    for v in active(state["values"].get(attr["id"]["attribute_id"], []))
                }
                if current & wanted:
                    return record_id
            raise bad_request(
                "value_not_found",
                f"No {target['api_slug']} record found with {key} matching the given value.",
            )
        raise validation(
            f'No matching attribute given to reference a record of "{target["api_slug"]}".'
        )

    def resolve_actor(self, attr: JSON, item: Any) -> JSON:
        """``{referenced_actor_type, referenced_actor_id}`` from a member id, email or object."""
        if isinstance(item, str):
            item = (
                {"workspace_member_email_address": item}
                if "@" in item
                else {
                    "referenced_actor_type": "workspace-member",
                    "referenced_actor_id": item,
                }
            )
        if not isinstance(item, dict):
            raise validation(
                f'An invalid value was passed to attribute with slug "{attr["api_slug"]}".'
            )
        if "workspace_member_email_address" in item:
            return {
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": self.member_by_email(item["workspace_member_email_address"]),
            }
        actor_type = item.get("referenced_actor_type", "workspace-member")
        actor_id = item.get("referenced_actor_id")
        if actor_type == "workspace-member" and actor_id not in self.members:
            raise bad_request(
                "value_not_found", f'Workspace member with ID "{actor_id}" not found.'
            )
        return {"referenced_actor_type": actor_type, "referenced_actor_id": actor_id}

    def member_by_email(self, email: str) -> str:
        """A member id from an email address (400 ``value_not_found`` otherwise)."""
        for member_id, member in self.members.items():
            if member["email_address"].lower() == str(email).lower():
                return member_id
        raise bad_request("value_not_found", f'Workspace member with email "{email}" not found.')

    # ------------------------------------------------------------------ values

    def make_value(self, attr: JSON, fields: JSON, now: str, actor: JSON | None = None) -> JSON:
        """A stored value: common fields around the type-specific ones."""
        return {
            "active_from": now,
            "active_until": None,
            "created_by_actor": dict(actor or self.actor),
            **fields,
            "attribute_type": attr["type"],
        }

    def write_values(
        self,
        parent_id: str,
        state: JSON,
        raw_values: Any,
        *,
        append: bool,
        append_also: str | None = None,
        creating: bool = False,
        now: str | None = None,
    ) -> None:
        """Validate and apply a ``values`` map to a record or entry state, atomically.

        ``append=True`` (PATCH) adds multiselect values; otherwise (POST, PUT) multiselect
        attributes are set to exactly the given values. ``append_also`` names one attribute id
        that appends even so (the matching attribute of an assert).
        """
        if not isinstance(raw_values, dict):
            raise validation(
                "Body payload validation error.",
                [
                    {
                        "code": "invalid_type",
                        "path": ["data", "values"],
                        "message": "Expected object",
                        "expected": "object",
                        "received": "array"
                        if isinstance(raw_values, list)
                        else type(raw_values).__name__,
                    }
                ],
            )
        planned: list[tuple[JSON, list[JSON]]] = []
        for key, raw in raw_values.items():
            attr = self.find_attribute(parent_id, key, archived=False)
            if attr is None:
                raise bad_request("value_not_found", f'Cannot find attribute with slug/ID "{key}".')
            if not attr["is_writable"]:
                raise validation(
                    f'Cannot write to attribute with slug "{attr["api_slug"]}": it is read-only.'
                )
            fields: list[JSON] = []
            seen: set[str] = set()
            for item in as_items(attr, raw):
                normal = normalize(self, attr, item)
                key_ = value_key(attr["type"], normal)
                if key_ not in seen:
                    seen.add(key_)
                    fields.append(normal)
            planned.append((attr, fields))
        own_id = _state_id(state)
        for attr, fields in planned:
            if attr["is_unique"]:
                self._check_unique(parent_id, own_id, attr, fields)
        values = copy.deepcopy(state["values"])
        now = now or self.now()
        links: list[tuple[JSON, list[JSON], list[JSON]]] = []
        for attr, fields in planned:
            attr_id = attr["id"]["attribute_id"]
            stored = values.setdefault(attr_id, [])
            current = active(stored)
            wanted = [value_key(attr["type"], f) for f in fields]
            have = {value_key(attr["type"], v): v for v in current}
            removed: list[JSON] = []
            if not (attr["is_multiselect"] and (append or attr_id == append_also)):
                removed = [v for k, v in have.items() if k not in wanted]
                for value in removed:
                    value["active_until"] = now
            added = [f for f, k in zip(fields, wanted, strict=True) if k not in have]
            stored.extend(self.make_value(attr, f, now) for f in added)
            if attr["type"] == "record-reference" and attr["relationship"]:
                links.append((attr, added, removed))
        required = self.live_attributes(parent_id) if creating else [a for a, _ in planned]
        for attr in required:
            if attr["is_required"] and not active(values.get(attr["id"]["attribute_id"], [])):
                raise bad_request(
                    "missing_value",
                    f'Required value for attribute with ID "{attr["id"]["attribute_id"]}" '
                    "was not provided.",
                )
        state["values"] = values
        for attr, added, removed in links:
            self._relink(attr, state, added, removed, now)

    def _check_unique(self, parent_id: str, own_id: str, attr: JSON, fields: list[JSON]) -> None:
        attr_id = attr["id"]["attribute_id"]
        wanted = {value_key(attr["type"], f) for f in fields}
        rows = self.records.get(parent_id) or self.entries.get(parent_id) or {}
        for row_id, row in rows.items():
            if row_id == own_id:
                continue
            for value in active(row["values"].get(attr_id, [])):
                if value_key(attr["type"], value) in wanted:
                    raise conflict(
                        "uniqueness_conflict",
                        "Uniqueness violation: a record with the same value for attribute "
                        f'"{attr["api_slug"]}" already exists (ID "{row_id}").',
                    )

    def _relink(
        self, attr: JSON, state: JSON, added: list[JSON], removed: list[JSON], now: str
    ) -> None:
        inverse = self.attr_index[attr["relationship"]["id"]["attribute_id"]]
        source = self.objects[attr["id"]["object_id"]]
        me = {"target_object": source["api_slug"], "target_record_id": state["id"]["record_id"]}
        target_rows = self.records[inverse["id"]["object_id"]]
        for ref in removed:
            target = target_rows.get(ref["target_record_id"])
            if target is not None:
                self._end_refs(inverse, target, me["target_record_id"], now)
        for ref in added:
            target = target_rows.get(ref["target_record_id"])
            if target is None:
                continue
            stored = target["values"].setdefault(inverse["id"]["attribute_id"], [])
            if any(v["target_record_id"] == me["target_record_id"] for v in active(stored)):
                continue
            if not inverse["is_multiselect"]:
                for old in active(stored):
                    old["active_until"] = now
                    previous = self.records[attr["id"]["object_id"]].get(old["target_record_id"])
                    if previous is not None:
                        self._end_refs(attr, previous, target["id"]["record_id"], now)
            stored.append(self.make_value(inverse, me, now))

    def _end_refs(self, attr: JSON, state: JSON, record_id: str, now: str) -> None:
        for value in active(state["values"].get(attr["id"]["attribute_id"], [])):
            if value["target_record_id"] == record_id:
                value["active_until"] = now

    # ------------------------------------------------------------------ records

    def record_state(self, obj: JSON, record_id: str) -> JSON:
        """A record's state (404 otherwise)."""
        state = self.records[obj["id"]["object_id"]].get(record_id)
        if state is None:
            raise not_found(f'Record with ID "{record_id}" not found.')
        return state

    def new_record(self, obj: JSON, raw_values: Any) -> JSON:
        """Create a record from a ``values`` map (with its system values)."""
        object_id = obj["id"]["object_id"]
        record_id = self.new_id()
        now = self.now()
        state: JSON = {
            "id": {
                "workspace_id": self.workspace_id,
                "object_id": object_id,
                "record_id": record_id,
            },
            "created_at": now,
            "web_url": self._web_url(obj, record_id),
            "values": self._system_values(object_id, "record_id", record_id, now),
        }
        self.write_values(object_id, state, raw_values, append=False, creating=True, now=now)
        self.records[object_id][record_id] = state
        return state

    def _system_values(self, parent_id: str, id_slug: str, row_id: str, now: str) -> JSON:
        values: JSON = {}
        system = {
            id_slug: {"value": row_id},
            "created_at": {"value": now},
            "created_by": {
                "referenced_actor_type": self.actor["type"],
                "referenced_actor_id": self.actor["id"],
            },
        }
        for slug, fields in system.items():
            attr = self.find_attribute(parent_id, slug)
            if attr is not None and attr["is_system_attribute"]:
                values[attr["id"]["attribute_id"]] = [self.make_value(attr, fields, now)]
        return values

    def _web_url(self, obj: JSON, record_id: str) -> str:
        noun = _seed.WEB_URL_NOUN.get(obj["api_slug"]) or obj["api_slug"]
        return f"https://app.attio.com/{self.workspace_slug}/{noun}/{record_id}"

    def render_values(self, parent_id: str, values: JSON) -> JSON:
        """``{slug: [current values]}`` for every live attribute (unset ones as ``[]``)."""
        return {
            attr["api_slug"]: copy.deepcopy(active(values.get(attr["id"]["attribute_id"], [])))
            for attr in self.live_attributes(parent_id)
        }

    def render_record(self, state: JSON) -> JSON:
        """A record as Attio returns it."""
        return {
            "id": dict(state["id"]),
            "created_at": state["created_at"],
            "web_url": state["web_url"],
            "values": self.render_values(state["id"]["object_id"], state["values"]),
        }

    def delete_record(self, obj: JSON, record_id: str) -> None:
        """Delete a record, its list entries and the references to it."""
        object_id = obj["id"]["object_id"]
        self.record_state(obj, record_id)
        del self.records[object_id][record_id]
        now = self.now()
        for rows in self.records.values():
            for row in rows.values():
                for stored in row["values"].values():
                    for value in active(stored):
                        if value.get("target_record_id") == record_id:
                            value["active_until"] = now
        for entries in self.entries.values():
            for entry_id in [e for e, s in entries.items() if s["parent_record_id"] == record_id]:
                del entries[entry_id]

    def record_text(self, obj: JSON, state: JSON) -> str:
        """The label Attio shows for a record (name, else email/domain, else its id)."""
        values = self.render_values(obj["id"]["object_id"], state["values"])
        for slug in ("name", "email_addresses", "domains", "primary_email_address"):
            for value in values.get(slug, []):
                for field in ("full_name", "value", "email_address", "domain"):
                    if value.get(field):
                        return str(value[field])
        return str(state["id"]["record_id"])

    # ------------------------------------------------------------------ entries

    def entry_state(self, lst: JSON, entry_id: str) -> JSON:
        """An entry's state (404 otherwise)."""
        state = self.entries[lst["id"]["list_id"]].get(entry_id)
        if state is None:
            raise not_found(f'Entry with ID "{entry_id}" not found.')
        return state

    def new_entry(self, lst: JSON, parent: JSON, record_id: str, raw_values: Any) -> JSON:
        """Create a list entry for ``record_id`` of object ``parent``."""
        list_id = lst["id"]["list_id"]
        entry_id = self.new_id()
        now = self.now()
        state: JSON = {
            "id": {"workspace_id": self.workspace_id, "list_id": list_id, "entry_id": entry_id},
            "parent_record_id": record_id,
            "parent_object": parent["api_slug"],
            "created_at": now,
            "values": self._system_values(list_id, "entry_id", entry_id, now),
        }
        self.write_values(list_id, state, raw_values, append=False, creating=True, now=now)
        self.entries[list_id][entry_id] = state
        return state

    def render_entry(self, state: JSON) -> JSON:
        """An entry as Attio returns it."""
        return {
            "id": dict(state["id"]),
            "parent_record_id": state["parent_record_id"],
            "parent_object": state["parent_object"],
            "created_at": state["created_at"],
            "entry_values": self.render_values(state["id"]["list_id"], state["values"]),
        }

    def parent_record(self, parent_object: Any, record_id: Any) -> tuple[JSON, JSON]:
        """``(object, record state)`` for a parent given by object slug/id and record id."""
        obj = self.object(str(parent_object))
        state = self.records[obj["id"]["object_id"]].get(str(record_id))
        if state is None:
            raise bad_request(
                "value_not_found", f'Parent record with slug/ID "{record_id}" not found.'
            )
        return obj, state

    def match_domain(self, text: str) -> str:
        """A cleaned domain (helper for seeding)."""
        return clean_domain(text)


def _state_id(state: JSON) -> str:
    ident = state["id"]
    return str(ident.get("record_id") or ident.get("entry_id"))
