"""FakeAttio's schema: objects, lists, attributes, select options and statuses."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime
from typing import Any

from . import _seed
from ._errors import bad_request, conflict, not_found, validation
from ._util import JSON, IdGenerator, check_fields, iso

NULL_CONFIG: JSON = {
    "currency": {"default_currency_code": None, "display_type": None},
    "record_reference": {"allowed_object_ids": None},
}


class Schema:
    """The workspace's schema: objects, lists, their attributes, select options and statuses.
    The bottom layer of :class:`~._store.Store`, which sets up the state declared here (a new
    object or list also gets its empty collection of records or entries)."""

    ids: IdGenerator
    clock: Callable[[], datetime]
    workspace_id: str
    workspace_slug: str
    actor: JSON
    objects: dict[str, JSON]
    attributes: dict[str, list[JSON]]
    attr_index: dict[str, JSON]
    options: dict[str, list[JSON]]
    statuses: dict[str, list[JSON]]
    lists: dict[str, JSON]
    members: dict[str, JSON]
    records: dict[str, dict[str, JSON]]
    entries: dict[str, dict[str, JSON]]

    # ------------------------------------------------------------------ basics

    def now(self) -> str:
        """The fake clock's current time in Attio's format."""
        return iso(self.clock())

    def new_id(self) -> str:
        """A fresh UUID."""
        return self.ids.uuid()

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

    # ------------------------------------------------------------------ schema updates

    def update_object(self, obj: JSON, data: JSON) -> JSON:
        """Apply a checked ``PATCH /v2/objects/{object}`` payload to ``obj``."""
        other = self.find_object(data.get("api_slug", ""))
        if other is not None and other is not obj:
            raise conflict(
                "slug_conflict", "Failed to update object. Please ensure api_slug is unique."
            )
        for key in ("api_slug", "singular_noun", "plural_noun"):
            if key in data:
                obj[key] = data[key]
        return obj

    def create_attribute(self, parent_id: str, kind: str, data: JSON) -> JSON:
        """Create an attribute (and the other side of its relationship, if any) from a
        checked ``POST /v2/{target}/{identifier}/attributes`` payload."""
        if self.find_attribute(parent_id, data["api_slug"]):
            noun = "object" if kind == "object" else "list"
            raise conflict(
                "slug_conflict",
                f"An attribute with the same API slug already exists on this {noun}. "
                "Please choose a different API slug.",
            )
        payload = {**data, "config": self.attribute_config(data)}
        attr = self.add_attribute(parent_id, payload)
        relationship = data.get("relationship")
        if relationship:
            self._create_relationship(attr, relationship)
        return attr

    def attribute_config(self, data: JSON) -> JSON:
        """The full ``config`` of an attribute of ``data["type"]`` from the given one."""
        config = copy.deepcopy(NULL_CONFIG)
        given = data.get("config") or {}
        currency = given.get("currency")
        if data["type"] == "currency":
            currency = currency or {}
            config["currency"] = {
                "default_currency_code": currency.get("default_currency_code", "USD"),
                "display_type": currency.get("display_type", "symbol"),
            }
        reference = given.get("record_reference")
        if data["type"] == "record-reference":
            allowed = (reference or {}).get("allowed_objects")
            if not isinstance(allowed, list) or not allowed:
                raise validation(
                    "Body payload validation error.",
                    [
                        {
                            "code": "invalid_type",
                            "path": ["data", "config", "record_reference", "allowed_objects"],
                            "message": "Required",
                            "expected": "array",
                            "received": "undefined",
                        }
                    ],
                )
            ids = []
            for ident in allowed:
                obj = self.find_object(str(ident))
                if obj is None:
                    raise bad_request(
                        "value_not_found", f'Object with slug/ID "{ident}" not found.'
                    )
                ids.append(obj["id"]["object_id"])
            config["record_reference"] = {"allowed_object_ids": ids}
        return config

    def _create_relationship(self, attr: JSON, relationship: JSON) -> None:
        check_fields(
            relationship,
            {
                "object": "string",
                "title": "string",
                "api_slug": "string",
                "is_multiselect": "boolean",
            },
            prefix=("data", "relationship"),
        )
        if attr["type"] != "record-reference":
            raise validation("Relationships can only be created for record-reference attributes.")
        other_obj = self.object(relationship["object"])
        other_id = other_obj["id"]["object_id"]
        if self.find_attribute(other_id, relationship["api_slug"]):
            raise conflict(
                "slug_conflict",
                "An attribute with the same API slug already exists on this object. "
                "Please choose a different API slug.",
            )
        owner = self.objects.get(attr["id"]["object_id"])
        if owner is None:
            raise validation("Relationships can only be created between objects.")
        config = copy.deepcopy(NULL_CONFIG)
        config["record_reference"] = {"allowed_object_ids": [owner["id"]["object_id"]]}
        other = self.add_attribute(
            other_id,
            {
                "title": relationship["title"],
                "description": None,
                "api_slug": relationship["api_slug"],
                "type": "record-reference",
                "is_required": False,
                "is_unique": False,
                "is_multiselect": relationship["is_multiselect"],
                "config": config,
            },
        )
        self._relate(attr, other)

    def update_attribute(self, parent_id: str, attr: JSON, data: JSON) -> JSON:
        """Apply a checked, non-empty ``PATCH`` payload to the attribute ``attr``."""
        if attr["is_system_attribute"]:
            raise bad_request("system_edit_unauthorized", "Cannot update a System attribute.")
        if "api_slug" in data:
            other = self.find_attribute(parent_id, data["api_slug"])
            if other is not None and other is not attr:
                raise conflict(
                    "slug_conflict",
                    "An attribute with the same API slug already exists. "
                    "Please choose a different API slug.",
                )
        for key in ("title", "description", "api_slug", "is_required", "is_unique", "is_archived"):
            if key in data:
                attr[key] = data[key]
        if "default_value" in data:
            attr["default_value"] = data["default_value"]
            attr["is_default_value_enabled"] = data["default_value"] is not None
        if "config" in data:
            attr["config"] = self.attribute_config({**attr, "config": data["config"]})
        return attr

    def create_option(self, attr: JSON, title: str) -> JSON:
        """Add the select option ``title`` to ``attr`` (409 when the title is taken)."""
        if any(o["title"] == title for o in self.options[attr["id"]["attribute_id"]]):
            raise conflict(
                "slug_conflict", f'There is already another select option with the title "{title}".'
            )
        return self.add_option(attr, title)

    def update_option(self, attr: JSON, option: str, data: JSON) -> JSON:
        """Apply a checked ``PATCH`` payload to the option ``option`` (title or id)."""
        options = self.options[attr["id"]["attribute_id"]]
        found = next((o for o in options if option in (o["title"], o["id"]["option_id"])), None)
        if found is None:
            raise bad_request(
                "value_not_found",
                f'Cannot find select attribute with select option title "{option}".',
            )
        if "title" in data and any(o is not found and o["title"] == data["title"] for o in options):
            raise conflict(
                "slug_conflict",
                f'There is already another select option with the title "{data["title"]}".',
            )
        found.update({k: data[k] for k in ("title", "is_archived") if k in data})
        return found

    def create_status(self, attr: JSON, data: JSON) -> JSON:
        """Add a status to ``attr`` from a checked payload (409 when the title is taken)."""
        if any(s["title"] == data["title"] for s in self.statuses[attr["id"]["attribute_id"]]):
            raise conflict(
                "slug_conflict",
                f'There is already another status with the title "{data["title"]}".',
            )
        return self.add_status(attr, data)

    def update_status(self, attr: JSON, status: str, data: JSON) -> JSON:
        """Apply a checked ``PATCH`` payload to the status ``status`` (title or id)."""
        statuses = self.statuses[attr["id"]["attribute_id"]]
        found = next((s for s in statuses if status in (s["title"], s["id"]["status_id"])), None)
        if found is None:
            raise bad_request(
                "value_not_found",
                f'Cannot find status attribute with status option title "{status}".',
            )
        if "title" in data and any(
            s is not found and s["title"] == data["title"] for s in statuses
        ):
            raise conflict(
                "slug_conflict",
                f'There is already another status with the title "{data["title"]}".',
            )
        keys = ("title", "is_archived", "celebration_enabled", "target_time_in_status")
        found.update({k: data[k] for k in keys if k in data})
        return found

    def update_list(self, lst: JSON, data: JSON) -> JSON:
        """Apply a checked ``PATCH /v2/lists/{list}`` payload to ``lst``."""
        if "api_slug" in data:
            other = self.find_list(data["api_slug"])
            if other is not None and other is not lst:
                raise conflict(
                    "slug_conflict", f'A list with api_slug "{data["api_slug"]}" already exists.'
                )
        if "workspace_member_access" in data:
            self.check_member_access(data["workspace_member_access"])
        keys = ("name", "api_slug", "workspace_access", "workspace_member_access")
        lst.update({k: data[k] for k in keys if k in data})
        return lst
