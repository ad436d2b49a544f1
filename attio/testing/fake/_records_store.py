"""FakeAttio's values engine: records, list entries and their attribute values."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from . import _seed
from ._errors import bad_request, conflict, not_found, validation
from ._schema import Schema
from ._util import JSON
from ._values import as_items, clean_domain, normalize, value_key


def active(values: Iterable[JSON]) -> list[JSON]:
    """The values still current (``active_until`` is null)."""
    return [v for v in values if v["active_until"] is None]


def _writable(value: JSON) -> Any:
    kind = value["attribute_type"]
    fields = {
        k: v
        for k, v in value.items()
        if k not in ("active_from", "active_until", "created_by_actor", "attribute_type")
    }
    if kind == "select":
        return fields["option"]["id"]["option_id"]
    if kind == "status":
        return fields["status"]["id"]["status_id"]
    if kind == "email-address":
        return fields["original_email_address"]
    if kind == "phone-number":
        return {
            "original_phone_number": fields["phone_number"],
            "country_code": fields["country_code"],
        }
    if kind == "currency":
        return {
            "currency_value": fields["currency_value"],
            "currency_code": fields["currency_code"],
        }
    return fields


def _state_id(state: JSON) -> str:
    ident = state["id"]
    return str(ident.get("record_id") or ident.get("entry_id"))


class RecordsStore(Schema):
    """Records and list entries over the :class:`~._schema.Schema`: writing and rendering
    attribute values (with history), resolving references, merging, searching."""

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
        if creating:
            self._default_checkboxes(parent_id, values, now)
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

    def _default_checkboxes(self, parent_id: str, values: JSON, now: str) -> None:
        """A checkbox is never empty ([docs] "does not support null values"; [real] records
        list unset checkboxes as ``[{"value": false}]``): one not written reads ``false``."""
        for attr in self.live_attributes(parent_id):
            if attr["type"] != "checkbox":
                continue
            stored = values.setdefault(attr["id"]["attribute_id"], [])
            if not active(stored):
                stored.append(self.make_value(attr, {"value": False}, now))

    def create_attribute(self, parent_id: str, kind: str, data: JSON) -> JSON:
        """Create an attribute (see :meth:`Schema.create_attribute`); a new checkbox reads
        ``false`` on every existing record or entry."""
        attr = super().create_attribute(parent_id, kind, data)
        if attr["type"] == "checkbox":
            rows = self.records.get(parent_id) or self.entries.get(parent_id) or {}
            now = self.now()
            for row in rows.values():
                self._default_checkboxes(parent_id, row["values"], now)
        return attr

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

    # ------------------------------------------------------------------ record and entry updates

    def matching_records(self, object_id: str, attr: JSON, raw: Any) -> list[JSON]:
        """The records of ``object_id`` holding one of the values ``raw`` of ``attr``."""
        wanted = {
            value_key(attr["type"], normalize(self, attr, item)) for item in as_items(attr, raw)
        }
        return [
            state
            for state in self.records[object_id].values()
            if wanted
            & {
                value_key(attr["type"], v)
                for v in active(state["values"].get(attr["id"]["attribute_id"], []))
            }
        ]

    def search_records(self, idents: list[Any], query: str) -> list[JSON]:
        """Search hits for ``query`` (already trimmed) among the records of ``idents``."""
        needle = query.casefold()
        results: list[JSON] = []
        for ident in idents:
            obj = self.find_object(str(ident))
            if obj is None:
                raise bad_request("value_not_found", f'Object with slug/ID "{ident}" not found.')
            for state in self.records[obj["id"]["object_id"]].values():
                hit = self._search_hit(obj, state)
                haystack = " ".join(
                    [hit["record_text"], *hit.get("email_addresses", []), *hit.get("domains", [])]
                )
                if needle in haystack.casefold():
                    results.append(hit)
        return results

    def _search_hit(self, obj: JSON, state: JSON) -> JSON:
        values = self.render_values(obj["id"]["object_id"], state["values"])
        hit: JSON = {
            "id": dict(state["id"]),
            "record_text": self.record_text(obj, state),
            "record_image": None,
            "object_slug": obj["api_slug"],
        }
        if obj["api_slug"] == "people":
            hit["email_addresses"] = [v["email_address"] for v in values.get("email_addresses", [])]
            hit["phone_numbers"] = [v["phone_number"] for v in values.get("phone_numbers", [])]
        if obj["api_slug"] == "companies":
            hit["domains"] = [v["domain"] for v in values.get("domains", [])]
        return hit

    def record_entries(self, record_id: str) -> list[JSON]:
        """Where the record ``record_id`` is listed: one summary per entry."""
        return [
            {
                "list_id": list_id,
                "list_api_slug": self.lists[list_id]["api_slug"],
                "entry_id": state["id"]["entry_id"],
                "created_at": state["created_at"],
            }
            for list_id, entries in self.entries.items()
            for state in entries.values()
            if state["parent_record_id"] == record_id
        ]

    def merge_records(self, obj: JSON, primary_id: str, secondary_id: str) -> JSON:
        """Merge the record ``secondary_id`` into ``primary_id``; returns the survivor."""
        object_id = obj["id"]["object_id"]
        primary = self.record_state(obj, primary_id)
        secondary = self.record_state(obj, secondary_id)
        if primary is secondary:
            raise validation("Cannot merge a record with itself.")
        carried: JSON = {}
        for attr in self.live_attributes(object_id):
            if not attr["is_writable"]:
                continue
            theirs = active(secondary["values"].get(attr["id"]["attribute_id"], []))
            mine = active(primary["values"].get(attr["id"]["attribute_id"], []))
            if theirs and (attr["is_multiselect"] or not mine):
                carried[attr["api_slug"]] = [_writable(v) for v in theirs]
        moved = [
            state
            for entries in self.entries.values()
            for state in entries.values()
            if state["parent_record_id"] == secondary["id"]["record_id"]
        ]
        self.delete_record(obj, secondary_id)
        self.write_values(object_id, primary, carried, append=True)
        for state in moved:  # entries follow the surviving record
            state["parent_record_id"] = primary["id"]["record_id"]
            self.entries[state["id"]["list_id"]][state["id"]["entry_id"]] = state
        return primary

    def entries_of(self, list_id: str, record_id: str) -> list[JSON]:
        """The entries of the list ``list_id`` whose parent is ``record_id``."""
        return [s for s in self.entries[list_id].values() if s["parent_record_id"] == record_id]

    def delete_entry(self, lst: JSON, entry_id: str) -> None:
        """Delete the entry ``entry_id`` of ``lst`` (404 when there is none)."""
        self.entry_state(lst, entry_id)
        del self.entries[lst["id"]["list_id"]][entry_id]
